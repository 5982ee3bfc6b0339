// resources.mjs: the browser test of resources versus need (docs/resources-need.md), in Debian's
// Chromium driven by playwright-core, with axe-core on the pages the flow passes.
//
//   node tests/browser/resources.mjs BASE_URL SCREENSHOT_DIR
//
// tests/browser/run.sh starts a `lup serve` of its own for it (a copy of the test database) and
// sets RESOURCES_USER="NAME:PASSWORD", an editor of Socialförvaltningen. The steps:
//  - log in at /logga-in and open /organisation/socialforvaltningen/resurser (axe-core clean);
//  - send the form without an amount: the Swedish message names the field (axe-core clean);
//  - record resources for three districts (money for Rinkeby-Kista and Spånga-Tensta, staff for
//    Farsta): each comes back in the organisation's table of 2022;
//  - open the city's view /resurser?ar=2022 (axe-core clean): the table lists the 14 districts in
//    the order of the need index the API gives (highest first), Rinkeby-Kista's money per
//    resident is shown, the rule is stated, and opening "Så räknades indexet" shows the
//    indicators and the table of values and z-values for every district.
// Each check prints "ok - resources: NAME" or "not ok - resources: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, submit, newPage, login } from './lib.mjs';

const [base, shots] = args('resources.mjs', ['BASE_URL', 'SCREENSHOT_DIR']);
const [userName, ...pw] = (process.env.RESOURCES_USER || '').split(':');
const password = pw.join(':');
const ORG = '/organisation/socialforvaltningen/resurser';
const RECORDS = [
  { district: 'Rinkeby-Kista', kind: 'Pengar (tkr)', amount: '3 000', note: 'Fältassistenter' },
  { district: 'Spånga-Tensta', kind: 'Pengar (tkr)', amount: '1 500,5', note: 'Läxhjälp' },
  { district: 'Farsta', kind: 'Personal (årsarbetare)', amount: '2', note: 'Socialsekreterare' },
];

const { nok, check, step, axe, failures } = reporter('resources');
const shot = shooter(shots, 'resources');

async function fill(page, r) {
  await page.getByLabel('Stadsdelsområde', { exact: true }).selectOption({ label: r.district });
  await page.getByLabel('År', { exact: true }).fill('2022');
  await page.getByLabel('Slag', { exact: true }).selectOption({ label: r.kind });
  await page.getByLabel('Mängd', { exact: true }).fill(r.amount);
  await page.getByLabel('Anteckning', { exact: true }).fill(r.note);
}

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!userName) nok('the editor is given in RESOURCES_USER');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const page = await step('the editor logs in at /logga-in', async () => {
      const { page: p } = await newPage(browser);
      const path = await login(p, base, userName, password);
      check(!path.startsWith('/logga-in'), 'the editor logs in at /logga-in', `at ${p.url()}`);
      return p;
    });
    if (!page) return;

    await step('the resources form', async () => {
      await page.goto(`${base}${ORG}`);
      check((await page.locator('h1').innerText()).includes('resurser per stadsdelsområde'), 'the page is titled');
      await axe(page, 'the resources page with its form');
    });

    await step('an amount left out is refused in Swedish at the field', async () => {
      await fill(page, { ...RECORDS[0], amount: '' });
      await submit(page, 'Registrera resursen');
      const summary = await page.locator('.error-summary').innerText();
      check(summary.includes('Mängd måste anges.'), 'the message names the field', summary);
      const invalid = await page.getByLabel('Mängd', { exact: true }).getAttribute('aria-invalid');
      check(invalid === 'true', 'the amount is marked invalid', `aria-invalid=${invalid}`);
      await axe(page, 'the form with an error');
      await shot(page, 'form-error');
    });

    await step('resources for three districts are recorded', async () => {
      for (const r of RECORDS) {
        await page.goto(`${base}${ORG}`);
        await fill(page, r);
        await submit(page, 'Registrera resursen');
        check(new URL(page.url()).pathname === ORG, `${r.district}: back on the list`, `at ${page.url()}`);
      }
      const table = await page.locator('#resurser-2022').innerText();
      for (const r of RECORDS)
        check(table.includes(r.district) && table.includes(r.note), `${r.district} is listed for 2022`, table.slice(0, 400));
      check(table.includes('1 500,5'), 'the amount as typed, the Swedish way', table.slice(0, 400));
      await shot(page, 'recorded');
    });

    await step('the city view orders the districts by the need index and shows every step', async () => {
      const api = await (await page.request.get(`${base}/api/v1/views/resources-need?year=2022`)).json();
      const want = api.items.map((i) => i.district);
      const idx = api.items.map((i) => i.need_index).filter((x) => x !== null);
      check(idx.every((x, i) => i === 0 || idx[i - 1] >= x), 'the API orders by need, highest first', idx.join(' '));
      await page.goto(`${base}/resurser?ar=2022`);
      await axe(page, 'the resources-versus-need page');
      const order = await page.locator('#behovstabell tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.district));
      check(order.length === 14 && order.join(',') === want.join(','), 'the table lists the districts by the index', order.join(','));
      // the city's totals hold the demo's example allocations of other organisations too: the
      // recorded amount shows as it is in Socialförvaltningen's own view
      await page.goto(`${base}/organisation/socialforvaltningen/resurser-behov?ar=2022`);
      const rk = await page.locator('#behovstabell tr[data-district="rinkeby-kista"]').innerText();
      check(rk.includes('3 000'), "Rinkeby-Kista's money is shown", rk);
      await page.goto(`${base}/resurser?ar=2022`);
      const text = await mainText(page);
      check(text.includes('Avstånden standardiseras över stadsdelsområdena'), 'the rule is stated in words');
      check(await page.locator('svg[role="img"]').count() >= 2, 'the index and money per resident are drawn');
      await page.locator('#steg summary').click();
      check(await page.locator('#z-varden').isVisible(), 'the steps open');
      const cols = await page.locator('#z-varden thead th').count();
      check(cols === 15, 'the steps have a column per district', `${cols} columns`);
      const rows = await page.locator('#z-varden tbody tr').count();
      check(rows === api.indicators.length && rows > 0, 'and a row per indicator', `${rows} rows`);
      await axe(page, 'the page with the steps open');
      await shot(page, 'city-view');
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('resources tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
