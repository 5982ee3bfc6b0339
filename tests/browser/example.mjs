// example.mjs: the example outcomes as a visitor sees them, in Debian's Chromium driven by
// playwright-core: the start page, a district page and an organisation page each show more than
// one traffic-light state (the bands of the gap to the city average, the suggested assessments)
// and label the example data; a full-page screenshot of each is saved.
//
//   node tests/browser/example.mjs BASE_URL SCREENSHOT_DIR
//
// tests/browser/run.sh runs it against the server of the demo database (it only reads).
// Each check prints "ok - example: NAME" or "not ok - example: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, newPage } from './lib.mjs';

const [base, shots] = args('example.mjs', ['BASE_URL', 'SCREENSHOT_DIR']);
const { check, step, nok, failures } = reporter('example');
const shot = shooter(shots, 'example');

const BANDS = ['Bättre än snittet', 'Nära snittet', 'Sämre än snittet', 'Mycket sämre än snittet'];

// The pages: where, the screenshot's name, and how to read the states shown.
const PAGES = [
  { path: '/', name: 'start', what: 'bands in the values table',
    states: (page) => page.locator('table.city-values tbody td:nth-child(5)').allInnerTexts() },
  { path: '/stadsdel/spanga-tensta', name: 'district', what: 'bands in the indicator table',
    states: (page) => page.locator('main td').allInnerTexts() },
  { path: '/organisation/spanga-tensta-stadsdelsnamnd?ar=2022', name: 'organisation', what: 'assessment classes',
    states: (page) => page.locator('span.light').evaluateAll((els) => els.map((e) => e.className)) },
];

// distinct: the traffic-light states among texts (a band's words, or a light's class).
function distinct(texts) {
  const seen = new Set();
  for (const t of texts) {
    const light = /light-(fulfilled|partly|not|none)/.exec(t);
    if (light) seen.add(light[1]);
    for (const b of BANDS) if (t.trim().endsWith(b)) seen.add(b);
  }
  return [...seen];
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const { page } = await newPage(browser);
    for (const p of PAGES) {
      await step(`${p.path} shows states and labels example data`, async () => {
        const res = await page.goto(base + p.path);
        check(res && res.status() === 200, `${p.path} answers 200`, res && `status ${res.status()}`);
        const states = distinct(await p.states(page));
        check(states.length > 1, `${p.path}: more than one traffic-light state (${p.what}: ${states.join(', ')})`);
        const note = page.locator('.example-note').first();
        check(await note.count() === 1 && await note.isVisible() && (await note.innerText()).includes('Exempeldata'),
          `${p.path}: the example data is labelled`);
        await shot(page, p.name);
      });
    }
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('example tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
