// wheel.mjs: the browser test of the annual wheel (Årshjul), in Debian's Chromium driven by
// playwright-core, with axe-core on every page the flow passes.
//
//   node tests/browser/wheel.mjs BASE_URL SCREENSHOT_DIR
//
// tests/browser/run.sh starts a `lup serve` of its own for it (a copy of the test database) and
// sets WHEEL_USERS="city:NAME:PASSWORD st:NAME:PASSWORD": the city office's user and an editor of
// Spånga-Tensta stadsdelsnämnd. The steps:
//  - the city user follows the link from /uppfoljning to the Årshjul, goes to 2026 and sets the
//    T2 deadline to 15 september 2026 in the form: the page says it is saved and shows it;
//  - the Spånga-Tensta editor (another browser context) sees the city's T2 deadline on its
//    Årshjul with its organisation's table and the calendar link, and no form of the city's;
//  - it sets its committee's T2 deadline after the city's: refused in Swedish at the field
//    (marked invalid); then before it: saved and shown;
//  - the calendar link answers text/calendar with the deadline's event.
// Each check prints "ok - wheel: NAME" or "not ok - wheel: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, submit, newPage, login } from './lib.mjs';

const [base, shots] = args('wheel.mjs', ['BASE_URL', 'SCREENSHOT_DIR']);
const users = Object.fromEntries((process.env.WHEEL_USERS || '').split(' ').filter(Boolean).map((u) => {
  const [role, name, ...pw] = u.split(':');
  return [role, { name, password: pw.join(':') }];
}));
const { nok, check, step, axe, failures } = reporter('wheel');
const shot = shooter(shots, 'wheel');

async function loggedIn(browser, who) {
  const { page } = await newPage(browser);
  const path = await login(page, base, users[who].name, users[who].password);
  check(!path.startsWith('/logga-in'), `${who} logs in at /logga-in`, `at ${page.url()}`);
  return page;
}

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!users.city || !users.st) nok('the users are given in WHEEL_USERS');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const city = await step('the city user logs in', () => loggedIn(browser, 'city'));
    if (!city) return;
    await step('the city sets the T2 deadline in the Årshjul form', async () => {
      await city.goto(`${base}/uppfoljning`);
      await Promise.all([city.waitForNavigation(), city.getByRole('link', { name: 'årshjulet', exact: true }).click()]);
      check(new URL(city.url()).pathname === '/arshjul', '/uppfoljning links to the Årshjul', `at ${city.url()}`);
      await city.goto(`${base}/arshjul?ar=2026`);
      check(await city.locator('h1').innerText() === 'Årshjul 2026', 'the page is titled Årshjul 2026');
      await axe(city, 'the city\'s Årshjul');
      await city.getByLabel('Sista dag för tertialrapport 2').fill('2026-09-15');
      await submit(city, 'Spara stadens tidsfrister');
      const text = await mainText(city);
      check(text.includes('Tidsfristerna är sparade.'), 'the page says the deadlines are saved');
      const row = await city.getByRole('row', { name: /Tertialrapport 2 2026/ }).first().innerText();
      check(row.includes('15 september 2026'), 'the table shows 15 september 2026', row);
      check(await city.getByLabel('Sista dag för tertialrapport 2').inputValue() === '2026-09-15', 'the form shows the date');
      await axe(city, 'the Årshjul after saving');
      await shot(city, 'city-saved');
    });

    const st = await step('the Spånga-Tensta editor logs in', () => loggedIn(browser, 'st'));
    if (!st) return;
    await step('the editor sees the city\'s deadline on its Årshjul', async () => {
      await st.goto(`${base}/arshjul?ar=2026`);
      const text = await mainText(st);
      check(text.includes('Interna tidsfrister för Spånga-Tensta stadsdelsnämnd'), 'its organisation\'s deadlines are shown');
      const row = await st.getByRole('row', { name: /Tertialrapport 2 2026/ }).first().innerText();
      check(row.includes('15 september 2026'), 'it sees the city\'s T2 deadline', row);
      check(await st.getByRole('button', { name: 'Spara stadens tidsfrister' }).count() === 0, 'no form of the city\'s for an editor');
      check(await st.getByRole('link', { name: /Prenumerera på tidsfristerna/ }).count() === 1, 'the calendar link is there');
      await axe(st, 'the editor\'s Årshjul');
    });
    await step('an internal deadline after the city\'s is refused at the field', async () => {
      const field = st.getByRole('group', { name: 'Tertialrapport 2 2026' }).getByLabel('Nämnd: sista dag');
      await field.fill('2026-09-20');
      await submit(st, 'Spara interna tidsfrister');
      const summary = await st.locator('.error-summary').innerText();
      check(summary.includes('Datumet får inte vara senare än stadens tidsfrist (15 september 2026).'), 'the Swedish message says why', summary);
      const f2 = st.getByRole('group', { name: 'Tertialrapport 2 2026' }).getByLabel('Nämnd: sista dag');
      check(await f2.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
      check(await f2.inputValue() === '2026-09-20', 'what was typed is kept');
      await axe(st, 'the refused internal deadline');
      await shot(st, 'refused');
      await f2.fill('2026-09-08');
      await submit(st, 'Spara interna tidsfrister');
      check((await mainText(st)).includes('Tidsfristerna är sparade.'), 'a date before it is saved');
      const row = await st.getByRole('table', { name: /^Tidsfrister 2026 för/ }).getByRole('row', { name: /Tertialrapport 2 2026/ }).innerText();
      check(row.includes('8 september 2026') && row.includes('15 september 2026'), 'the organisation\'s table shows both', row);
      await shot(st, 'saved');
    });
    await step('the calendar link gives the deadlines as iCalendar', async () => {
      const href = await st.getByRole('link', { name: /Prenumerera på tidsfristerna/ }).getAttribute('href');
      const res = await st.request.get(`${base}${href}`);
      check(res.status() === 200 && (res.headers()['content-type'] || '').startsWith('text/calendar'), 'the feed is text/calendar', `${res.status()} ${res.headers()['content-type']}`);
      const body = (await res.text()).replace(/\r\n[ \t]/g, '');
      check(body.includes('SUMMARY:Tertialrapport 2 2026: sista dag för stadsledningskontoret') && body.includes('DTSTART;VALUE=DATE:20260915'), 'with the city\'s T2 deadline as an all-day event');
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('wheel tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
