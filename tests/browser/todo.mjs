// todo.mjs: the browser test of "Att göra" and the period lock, in Debian's Chromium driven by
// playwright-core, with axe-core on the pages the flow passes.
//
//   node tests/browser/todo.mjs BASE_BEFORE BASE_AFTER SCREENSHOT_DIR INDICATOR
//
// tests/browser/run.sh gives it two servers of one copy of the test database in which the city's
// deadline for tertialrapport 2 2022 is 15 September 2022 (lock_grace_days 14): BASE_BEFORE runs
// with LUP_TODAY=2022-09-10, BASE_AFTER with LUP_TODAY=2022-10-01 (after deadline and grace);
// TODO_USER="NAME:PASSWORD" is an editor of Spånga-Tensta stadsdelsnämnd, INDICATOR one of its
// indicators. The steps:
//  - before: log in, follow the header's "Att göra" (with its count): the T2 report is due in
//    5 days (axe-core clean); follow its link to the report list of 2022;
//  - after: log in, Att göra says the report is 16 days late; the indicator's outcome form shows
//    the lock; a T2 outcome sent anyway is refused with the Swedish message at the period field
//    (axe-core clean).
// Each check prints "ok - todo: NAME" or "not ok - todo: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, submit, newPage, login } from './lib.mjs';

const [before, after, shots, indicator] = args('todo.mjs', ['BASE_BEFORE', 'BASE_AFTER', 'SCREENSHOT_DIR', 'INDICATOR']);
const [userName, ...pw] = (process.env.TODO_USER || '').split(':');
const password = pw.join(':');
const LOCKED = 'Perioden tertialrapport 2 2022 är låst sedan 30 september 2022. En administratör kan öppna den igen.';

const { nok, check, step, axe, failures } = reporter('todo');
const shot = shooter(shots, 'todo');

async function loggedIn(browser, base) {
  const { page } = await newPage(browser);
  const path = await login(page, base, userName, password);
  check(!path.startsWith('/logga-in'), `the editor logs in (${base === before ? 'before' : 'after'} the deadline)`, `at ${page.url()}`);
  return page;
}

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!userName) nok('the editor is given in TODO_USER');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const page = await step('the editor logs in before the deadline', () => loggedIn(browser, before));
    if (page) {
      await step('Att göra shows the report due', async () => {
        await page.goto(`${before}/`);
        const link = page.locator('header a[href="/att-gora"]');
        const label = await link.innerText();
        check(/^Att göra\s*\d+/.test(label), 'the header links to Att göra with a count', label);
        await Promise.all([page.waitForNavigation(), link.click()]);
        const text = await mainText(page);
        check(text.includes('Tertialrapport 2 2022 ska lämnas senast 15 september 2022: 5 dagar kvar'),
          'the T2 report is due in 5 days', text.slice(0, 500));
        await axe(page, 'Att göra');
        await shot(page, 'due');
      });
      await step('the item links to where the report is started', async () => {
        await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Tertialrapport 2 2022', exact: true }).click()]);
        const u = new URL(page.url());
        check(u.pathname === '/uppfoljning' && u.searchParams.get('ar') === '2022', 'the link leads to the reports of 2022', page.url());
      });
    }
    const late = await step('the editor logs in after the deadline', () => loggedIn(browser, after));
    if (late) {
      await step('Att göra says the report is late', async () => {
        await late.goto(`${after}/att-gora`);
        const text = await mainText(late);
        check(text.includes('försenad 16 dagar'), 'the T2 report is 16 days late', text.slice(0, 500));
      });
      await step('the outcome form says the period is locked', async () => {
        await late.goto(`${after}/indikator/${indicator}/redigera?ar=2022`);
        check((await mainText(late)).includes(`Låst: ${LOCKED}`), 'the form shows the lock');
        await late.getByLabel('Period', { exact: true }).selectOption('T2');
        await late.getByLabel('År', { exact: true }).last().fill('2022');
        await late.getByLabel('Utfall', { exact: true }).fill('42,5');
        await submit(late, 'Spara utfallet');
        const summary = await late.locator('.error-summary').innerText();
        check(summary.includes(LOCKED), 'a T2 outcome is refused with the Swedish message', summary);
        const invalid = await late.getByLabel('Period', { exact: true }).getAttribute('aria-invalid');
        check(invalid === 'true', 'the period field is marked invalid', `aria-invalid=${invalid}`);
        await axe(late, 'the refused outcome form');
        await shot(late, 'locked');
      });
    }
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('todo tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
