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
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error('usage: node create.mjs BASE_URL SCREENSHOT_DIR');
  process.exit(2);
}
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const [userName, ...pw] = (process.env.CREATE_USER || '').split(':');
const password = pw.join(':');

const GOAL = 'vp-2022-spanga-tensta-nm-03';
const NAME = 'Läxhjälp på biblioteket <b>varje</b> tisdag';   // hostile-looking text comes back as text
const DESCRIPTION = 'Frivilliga hjälper elever i årskurs 7–9.';

let failures = 0;
const ok = (name) => console.log(`ok - create: ${name}`);
const nok = (name, detail) => {
  failures++;
  console.log(`not ok - create: ${name}`);
  if (detail) for (const line of String(detail).split('\n')) console.log(`#   ${line}`);
};
const check = (cond, name, detail) => (cond ? ok(name) : nok(name, detail));
// step: runs fn; an exception fails the step (named) instead of the whole run.
async function step(name, fn) {
  try {
    return await fn();
  } catch (e) {
    nok(name, e && e.message ? e.message.split('\n').slice(0, 6).join('\n') : e);
    return undefined;
  }
}
const shot = (page, name) => page.screenshot({ path: join(shots, `create-${name}.png`), fullPage: true }).catch(() => {});
const mainText = (page) => page.locator('main').innerText();

async function axe(page, what) {
  const res = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (res.violations.length === 0) ok(`axe ${what}: no WCAG 2.1 AA violations`);
  for (const v of res.violations) {
    const nodes = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').slice(1, 2).join('').trim()}`);
    nok(`axe ${what}: ${v.id} (${v.impact}) ${v.help} [${v.nodes.length} element(s)]`, nodes.join('\n'));
  }
}

// submit: clicks the button called name and waits for the page it leads to.
async function submit(page, name) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
}

async function login(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(userName);
  await page.getByLabel('Lösenord').fill(password);
  await submit(page, 'Logga in');
  return page;
}

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!userName) nok('the editor is given in CREATE_USER');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const page = await step('the editor logs in at /logga-in', async () => {
      const p = await login(browser);
      check(!new URL(p.url()).pathname.startsWith('/logga-in'), 'the editor logs in at /logga-in', `at ${p.url()}`);
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
process.exit(failures ? 1 : 0);
