// indicators.mjs: the browser test of issue 13's indicator part: the district page's trajectory
// per LUP goal and sex, the indicator form's division by sex, and the target-setting aid, in
// Debian's Chromium driven by playwright-core, with axe-core on each page it passes (also the
// aid's answer to a POST, which check.mjs cannot load).
//
//   node tests/browser/indicators.mjs BASE_URL SCREENSHOT_DIR
//
// tests/browser/run.sh starts a `lup serve` of its own for it, on a copy of the test database
// with a 5-year goal (3 % in 2026) of Spånga-Tensta's decided LUP on indicator
// vp-2022-spanga-tensta-i-001, and sets INDICATORS_USER="NAME:PASSWORD", an editor of
// Spånga-Tensta stadsdelsnämnd. The steps:
//  - the district page shows "Banan mot målen per kön" with the total's row and a chart;
//  - the editor logs in and sets the indicator divided by sex in "Indelning och Kolada";
//  - the target form now asks for targets for women and men; "Jämför årsmålet med stödet" with
//    4,5 % says where it lies (under the city average of 5,3 %) and saves nothing;
//  - the district page shows rows for women and men instead of the total.
// Each check prints "ok - indicators: NAME" or "not ok - indicators: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, submit, newPage, login } from './lib.mjs';

const [base, shots] = args('indicators.mjs', ['BASE_URL', 'SCREENSHOT_DIR']);
const [userName, ...pw] = (process.env.INDICATORS_USER || '').split(':');
const password = pw.join(':');
const IND = 'vp-2022-spanga-tensta-i-001';

const { nok, check, step, axe, failures } = reporter('indicators');
const shot = shooter(shots, 'indicators');

async function rows(page) {
  return page.locator('table.trajectory tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.sex).join(''));
}

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!userName) nok('the editor is given in INDICATORS_USER');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const { page } = await newPage(browser);
    await step('the district page shows the trajectory', async () => {
      await page.goto(`${base}/stadsdel/spanga-tensta`);
      const section = page.locator('section[aria-labelledby="banor"]');
      check(await section.count() === 1, 'the district page has the section "Banan mot målen per kön"');
      check(await rows(page) === 'T', 'one row, the total, for an indicator not divided by sex', await rows(page));
      check(await section.locator('svg').count() === 1, 'a chart per goal');
      check((await section.innerText()).includes('3 % (2026)'), 'the 5-year goal is shown');
      await axe(page, 'the district page with a trajectory');
      await shot(page, 'district');
    });
    const path = await login(page, base, userName, password);
    check(!path.startsWith('/logga-in'), 'the editor logs in', `at ${path}`);

    await step('the form divides the indicator by sex', async () => {
      await page.goto(`${base}/indikator/${IND}/redigera?ar=2023`);
      check(await page.getByLabel('Årsmål för kvinnor', { exact: true }).count() === 0, 'no targets per sex before');
      await page.getByLabel('Uppdelad på kön').selectOption({ label: 'Ja' });
      await submit(page, 'Spara indelningen');
      check(new URL(page.url()).pathname === `/indikator/${IND}`, 'saved, back on the indicator page', page.url());
    });

    await step('the target aid compares a proposed target', async () => {
      await page.goto(`${base}/indikator/${IND}/redigera?ar=2023`);
      check(await page.getByLabel('Årsmål för kvinnor', { exact: true }).count() === 1, 'the form asks for the women\'s target');
      await page.getByLabel('Årsmål', { exact: true }).fill('4,5 %');
      await submit(page, 'Jämför årsmålet med stödet');
      const verdict = await page.locator('.aid-verdict').innerText();
      check(verdict.startsWith('Förslaget 4,5 %:') && verdict.includes('under stadens snitt'),
        'the aid says the target lies under the city average', verdict);
      check(await page.getByLabel('Årsmål', { exact: true }).inputValue() === '4,5 %', 'the proposal is kept in the field');
      await axe(page, 'the target form with the aid\'s comparison');
      await shot(page, 'aid');
    });

    await step('the district page now shows women and men', async () => {
      await page.goto(`${base}/stadsdel/spanga-tensta`);
      check(await rows(page) === 'KM', 'rows for women and men', await rows(page));
    });
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(failures() ? 1 : 0), (e) => { nok('the run', e && e.stack); process.exit(1); });
