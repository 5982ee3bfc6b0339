// create.mjs: the browser test of creating and deleting through the web forms, in Debian's
// Chromium driven by playwright-core, with axe-core on the pages the flow passes (also those
// that answer a POST, which check.mjs cannot load).
//
//   node tests/browser/create.mjs BASE_URL SCREENSHOT_DIR
//
// tests/browser/run.sh starts a `lup serve` of its own for it (a copy of the test database) and
// sets CREATE_USER="NAME:PASSWORD", an editor of Spånga-Tensta stadsdelsnämnd. The steps:
//  - log in at /logga-in;
//  - on the goal page of a nämndmål follow "Ny aktivitet" to the form (axe-core clean);
//  - send it with an empty name: the Swedish message is in the summary and at the field, which
//    is marked invalid (axe-core clean);
//  - fill in name, description, start, end, status and a second district and send: back on the
//    goal page, which says the activity is added and lists it;
//  - open the activity, follow "Ta bort aktiviteten": the question names it (axe-core clean);
//    answer with the button: back on the goal page, which says it is deleted and no longer
//    lists it.
// Each check prints "ok - create: NAME" or "not ok - create: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, submit, newPage, login } from './lib.mjs';

const [base, shots] = args('create.mjs', ['BASE_URL', 'SCREENSHOT_DIR']);
const [userName, ...pw] = (process.env.CREATE_USER || '').split(':');
const password = pw.join(':');

const GOAL = 'vp-2022-spanga-tensta-nm-03';
const NAME = 'Läxhjälp på biblioteket <b>varje</b> tisdag';   // hostile-looking text comes back as text
const DESCRIPTION = 'Frivilliga hjälper elever i årskurs 7–9.';

const { nok, check, step, axe, failures } = reporter('create');
const shot = shooter(shots, 'create');

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!userName) nok('the editor is given in CREATE_USER');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const page = await step('the editor logs in at /logga-in', async () => {
      const { page: p } = await newPage(browser);
      const path = await login(p, base, userName, password);
      check(!path.startsWith('/logga-in'), 'the editor logs in at /logga-in', `at ${p.url()}`);
      return p;
    });
    if (!page) return;

    const formOk = await step('the goal page links to the new-activity form', async () => {
      await page.goto(`${base}/mal/${GOAL}`);
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ny aktivitet', exact: true }).click()]);
      const path = new URL(page.url()).pathname;
      check(path === `/mal/${GOAL}/ny-aktivitet`, 'the goal page links to the new-activity form', `at ${path}`);
      check(await page.locator('h1').innerText() === 'Ny aktivitet', 'the form is titled Ny aktivitet');
      await axe(page, 'the new-activity form');
      return true;
    });
    if (!formOk) return;

    await step('an empty name is refused in Swedish at the field', async () => {
      await page.getByLabel('Namn', { exact: true }).fill('   ');
      await page.getByLabel('Start', { exact: true }).fill('2022-09');
      await submit(page, 'Lägg till aktiviteten');
      const summary = await page.locator('.error-summary').innerText();
      check(summary.includes('Skriv aktivitetens namn.'), 'an empty name is refused in Swedish', summary);
      const invalid = await page.getByLabel('Namn', { exact: true }).getAttribute('aria-invalid');
      check(invalid === 'true', 'the name field is marked invalid', `aria-invalid=${invalid}`);
      check(await page.getByLabel('Start', { exact: true }).inputValue() === '2022-09', 'what was typed is kept');
      await axe(page, 'the new-activity form with an error');
      await shot(page, 'form-error');
    });

    await step('the activity is added and shown on the goal page', async () => {
      await page.getByLabel('Namn', { exact: true }).fill(NAME);
      await page.getByLabel('Beskrivning').fill(DESCRIPTION);
      await page.getByLabel('Start', { exact: true }).fill('ht 2022');
      await page.getByLabel('Slut', { exact: true }).fill('2023-06');
      await page.getByLabel('Status').selectOption({ label: 'Pågår' });
      await page.getByLabel('Rinkeby-Kista').check();
      await submit(page, 'Lägg till aktiviteten');
      const path = new URL(page.url()).pathname;
      check(path === `/mal/${GOAL}`, 'the form leads back to the goal page', `at ${page.url()}`);
      const text = await mainText(page);
      check(text.includes('Aktiviteten är tillagd.'), 'the goal page says the activity is added');
      const link = page.getByRole('link', { name: NAME, exact: true });
      check(await link.count() === 1, 'the goal page lists the new activity by its name, as text', text.slice(0, 400));
      await shot(page, 'added');
    });

    await step('the activity is deleted after the question', async () => {
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: NAME, exact: true }).click()]);
      const facts = await mainText(page);
      check(facts.includes('Pågår') && facts.includes('Rinkeby-Kista') && facts.includes('ht 2022'),
        'the activity page shows what was typed', facts.slice(0, 400));
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ta bort aktiviteten', exact: true }).click()]);
      const question = await page.locator('h1').innerText();
      check(question === `Ta bort aktiviteten ”${NAME}”?`, 'the question names the activity', question);
      await axe(page, 'the delete question');
      await shot(page, 'question');
      await submit(page, 'Ta bort aktiviteten');
      check(new URL(page.url()).pathname === `/mal/${GOAL}`, 'the deletion leads back to the goal page', `at ${page.url()}`);
      check((await mainText(page)).includes('Aktiviteten är borttagen.'), 'the goal page says the activity is deleted');
      check(await page.getByRole('link', { name: NAME, exact: true }).count() === 0, 'the goal page no longer lists it');
      await shot(page, 'deleted');
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('create tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
