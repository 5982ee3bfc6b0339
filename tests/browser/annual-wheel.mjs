// annual-wheel.mjs: issue 13's "Done when" as one browser flow, run as a new user would through
// the forms, in Debian's Chromium driven by playwright-core, with axe-core on the pages it visits.
//
//   node tests/browser/annual-wheel.mjs BASE_BEFORE BASE_AFTER SCREENSHOT_DIR LUP DB INDICATOR
//
// tests/browser/run.sh gives it two servers of one copy of the test database: BASE_BEFORE runs
// with LUP_TODAY=2022-09-10, BASE_AFTER with LUP_TODAY=2022-10-01 (after the T2 deadline of
// 15 September 2022 and the 14 days of grace); LUP and DB are the binary and that database (for
// `lup remind`), INDICATOR one of Spånga-Tensta's 2022 indicators. ANNUALWHEEL_USERS=
// "city:NAME:PW st:NAME:PW rk:NAME:PW so:NAME:PW" names the city office's user, an editor of
// Spånga-Tensta stadsdelsnämnd, one of Rinkeby-Kista stadsdelsnämnd and one of
// Socialförvaltningen; ANNUALWHEEL_MAIL="ST_ADDRESS RK_ADDRESS" the e-mail addresses of the
// Spånga-Tensta and the Rinkeby-Kista editors. The steps:
//  1. the city user sets the T2 2022 deadline in the Årshjul form;
//  2. the Rinkeby-Kista editor starts its T2 report and leaves it a draft (so that Rinkeby-Kista,
//     which owns no nämndmål in the dataset, reports the period); the Spånga-Tensta editor sees the report due in "Att göra" and follows its link;
//  3. starts the report; cannot submit it with an unassessed goal (message at the goal's field),
//     nor save "Ej bedömt" with an empty reason (message at the analysis field); the API refuses
//     both too (422 naming the field), with the page's session cookie and CSRF token;
//  4. marks the unassessed goals "Ej bedömt" with a reason and submits;
//  5. the city returns it with a comment, the editor resubmits, the city approves with a comment;
//     the report page's history keeps both comments;
//  6. after the deadline and grace, the indicator's outcome form says the period is locked;
//  7. `lup remind --mail` (LUP_TODAY after the deadline, a capturing sendmail stand-in) mails
//     Rinkeby-Kista, overdue with a draft, and not Spånga-Tensta, which has submitted;
//  8. Socialförvaltningen's editor records resources for three districts through the form; the
//     city's resources-versus-need page lists the districts in the order of the API's need_index
//     and shows every step (the indicators and their values and z-values per district).
// Each check prints "ok - annual-wheel: NAME" or "not ok - annual-wheel: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, writeFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, submit, newPage, login } from './lib.mjs';

const [before, after, shots, lup, db, indicator] = args('annual-wheel.mjs',
  ['BASE_BEFORE', 'BASE_AFTER', 'SCREENSHOT_DIR', 'LUP', 'DB', 'INDICATOR']);
const users = Object.fromEntries((process.env.ANNUALWHEEL_USERS || '').split(/\s+/).filter(Boolean)
  .map((u) => u.split(':')).map(([who, name, ...pw]) => [who, { name, password: pw.join(':') }]));
const [stMail, otherMail] = (process.env.ANNUALWHEEL_MAIL || '').split(/\s+/);

const ORG_NAME = 'Spånga-Tensta stadsdelsnämnd';
const REASON = 'Underlaget för perioden saknas ännu.';
const RETURN_COMMENT = 'Komplettera skälen till att målen inte bedöms.';
const APPROVE_COMMENT = 'Godkänd: tydliga skäl och analyser.';
const LOCKED = 'Perioden tertialrapport 2 2022 är låst sedan 30 september 2022. En administratör kan öppna den igen.';
const RESOURCES = '/organisation/socialforvaltningen/resurser';
const RECORDS = [
  { district: 'Rinkeby-Kista', kind: 'Pengar (tkr)', amount: '2 500', note: 'Fältassistenter' },
  { district: 'Skärholmen', kind: 'Pengar (tkr)', amount: '1 200,5', note: 'Läxhjälp' },
  { district: 'Farsta', kind: 'Personal (årsarbetare)', amount: '3', note: 'Socialsekreterare' },
];

const { nok, check, step, axe, failures } = reporter('annual-wheel');
const shot = shooter(shots, 'annual-wheel');

async function loggedIn(browser, base, who) {
  const { page } = await newPage(browser);
  const path = await login(page, base, users[who].name, users[who].password);
  check(!path.startsWith('/logga-in'), `${who} logs in at /logga-in (${base === before ? 'before' : 'after'} the deadline)`, `at ${page.url()}`);
  return page;
}

// unassessed: the ids of the goals whose assessment select is at "Ej bedömt" with an empty analysis.
const unassessed = (page) => page.locator('main select[name^="bedomning-"]').evaluateAll((els) =>
  els.filter((e) => e.value === 'none').map((e) => e.name.replace('bedomning-', ''))
    .filter((id) => !(document.getElementById(`f-analys-${id}`) || {}).value));

// api: a write to the API with the page's session cookie and the CSRF token of its form.
async function api(page, method, path, body) {
  const csrf = await page.locator('input[name="csrf"]').first().getAttribute('value');
  const res = await page.request.fetch(`${before}${path}`, {
    method, headers: { 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = null;
  try { json = await res.json(); } catch { /* not JSON */ }
  return { status: res.status(), json };
}
const fields = (r) => ((r.json && r.json.error && r.json.error.fields) || []).map((f) => f.field);

// the city sets the T2 deadline of 2022 in the Årshjul form
async function cityDeadline(city) {
  await city.goto(`${before}/arshjul?ar=2022`);
  await city.getByLabel('Sista dag för tertialrapport 2').fill('2022-09-15');
  await submit(city, 'Spara stadens tidsfrister');
  check((await mainText(city)).includes('Tidsfristerna är sparade.'), 'the city\'s T2 deadline is saved');
  const row = await city.getByRole('row', { name: /Tertialrapport 2 2022/ }).first().innerText();
  check(row.includes('15 september 2022'), 'the Årshjul shows 15 september 2022', row);
  await axe(city, 'the city\'s Årshjul');
}

// an editor starts its organisation's T2 2022 report at /uppfoljning; returns the report's path
async function start(page, org) {
  await page.locator('select[name="org"]').selectOption({ label: org });
  await page.locator('select[name="period"]').selectOption('T2');
  await page.fill('input[name="ar"]', '2022');
  await Promise.all([page.waitForURL(/\/uppfoljning\/\d+/), page.getByRole('button', { name: 'Starta rapporten' }).click()]);
  const r = new URL(page.url());
  check(r.searchParams.get('klart') === 'ny', `${org} starts its T2 report`, page.url());
  return r.pathname;
}

// the editor finds the report in Att göra, follows the link and starts it; returns its URL
async function todoAndStart(st) {
  await st.goto(`${before}/`);
  await Promise.all([st.waitForNavigation(), st.locator('header a[href="/att-gora"]').click()]);
  const text = await mainText(st);
  check(text.includes('Tertialrapport 2 2022 ska lämnas senast 15 september 2022: 5 dagar kvar'),
    'Att göra shows the T2 report due in 5 days', text.slice(0, 500));
  await axe(st, 'Att göra');
  await Promise.all([st.waitForNavigation(), st.getByRole('link', { name: 'Tertialrapport 2 2022', exact: true }).click()]);
  const u = new URL(st.url());
  check(u.pathname === '/uppfoljning' && u.searchParams.get('ar') === '2022', 'its link leads to the reports of 2022', st.url());
  return start(st, ORG_NAME);
}

// the four refusals, web and API; returns the unassessed goals
async function refusals(st, path) {
  const id = path.split('/').pop();
  await st.goto(`${before}${path}`);
  const [res] = await Promise.all([st.waitForNavigation(), st.getByRole('button', { name: 'Skicka in' }).click()]);
  const err = st.locator('main [id^="f-bedomning-"][id$="-fel"]').first();
  const msg = (await err.count()) ? await err.innerText() : '';
  check(res.status() === 422 && msg.includes('inte bedömd'), 'web: no submit with an unassessed goal, the message at its field',
    `status ${res.status()}, "${msg}"`);
  await axe(st, 'the refused submit');
  await st.goto(`${before}${path}`);
  const goals = await unassessed(st);
  check(goals.length > 0, 'the report has unassessed goals', `${goals.length}`);
  // "Ej bedömt" with a blank reason saves no reason: the goal stays unassessed, submit is refused
  await st.fill(`#f-analys-${goals[0]}`, '   ');
  await Promise.all([st.waitForNavigation(), st.getByRole('button', { name: 'Spara bedömningar och prognos' }).click()]);
  await st.goto(`${before}${path}`);
  const [res2] = await Promise.all([st.waitForNavigation(), st.getByRole('button', { name: 'Skicka in' }).click()]);
  const err2 = st.locator(`#f-bedomning-${goals[0]}-fel`);
  const msg2 = (await err2.count()) ? await err2.innerText() : '';
  check(res2.status() === 422 && msg2.includes('inte bedömd'),
    'web: "Ej bedömt" with a blank reason still cannot be submitted, the message at the goal', `status ${res2.status()}, "${msg2}"`);
  // a reason that says nothing is refused at its field
  await st.goto(`${before}${path}`);
  await st.fill(`#f-analys-${goals[0]}`, ' . ');
  const [res3] = await Promise.all([st.waitForNavigation(),
    st.getByRole('button', { name: 'Spara bedömningar och prognos' }).click()]);
  const err3 = st.locator(`#f-analys-${goals[0]}-fel`);
  const msg3 = (await err3.count()) ? await err3.innerText() : '';
  check(res3.status() === 422 && msg3.includes('varför målet inte bedöms'),
    'web: "Ej bedömt" with an empty reason (" . ") is refused at the analysis field', `status ${res3.status()}, "${msg3}"`);
  await axe(st, 'the refused reason');
  await shot(st, 'refused');
  const sub = await api(st, 'POST', `/api/v1/reports/${id}/submit`);
  check(sub.status === 422 && fields(sub).includes('goals'), 'API: submit with an unassessed goal is 422, field goals',
    `${sub.status} ${JSON.stringify(sub.json)}`);
  const put = await api(st, 'PUT', `/api/v1/reports/${id}/assessments/${goals[0]}`, { assessment: 'none', analysis: '' });
  check(put.status === 422 && fields(put).includes('analysis'), 'API: "none" with an empty analysis is 422, field analysis',
    `${put.status} ${JSON.stringify(put.json)}`);
  return goals;
}

// the editor gives every unassessed goal a reason and submits
async function submitReport(st, path) {
  await st.goto(`${before}${path}`);
  for (const g of await unassessed(st)) await st.fill(`#f-analys-${g}`, REASON);
  await Promise.all([st.waitForURL(/klart=sparat/), st.getByRole('button', { name: 'Spara bedömningar och prognos' }).click()]);
  await Promise.all([st.waitForURL(/klart=inskickad/), st.getByRole('button', { name: 'Skicka in' }).click()]);
  const status = await st.locator('main span.status').first().innerText();
  check(status === 'Inskickad', 'the editor marks the rest "Ej bedömt" with a reason and submits', `status ${status}`);
}

// return, resubmit, approve; the history keeps both comments
async function returnAndApprove(st, city, path) {
  await city.goto(`${before}${path}`);
  await city.fill('#f-kommentar', RETURN_COMMENT);
  await Promise.all([city.waitForURL(/klart=returnerad/), city.getByRole('button', { name: 'Returnera med kommentar' }).click()]);
  check(await city.locator('main span.status').first().innerText() === 'Returnerad', 'the city returns it with a comment');
  await st.goto(`${before}${path}`);
  const seen = (await mainText(st)).includes(RETURN_COMMENT);
  await Promise.all([st.waitForURL(/klart=inskickad/), st.getByRole('button', { name: 'Skicka in' }).click()]);
  const status = await st.locator('main span.status').first().innerText();
  check(seen && status === 'Inskickad', 'the editor sees the comment and resubmits', `seen ${seen}, status ${status}`);
  await city.goto(`${before}${path}`);
  await city.fill('#f-kommentar-godkann', APPROVE_COMMENT);
  await Promise.all([city.waitForURL(/klart=godkand/), city.getByRole('button', { name: 'Godkänn' }).click()]);
  check(await city.locator('main span.status').first().innerText() === 'Godkänd', 'the city approves it with a comment');
  await st.goto(`${before}${path}`);
  const hist = await st.locator('main ol.report-history').innerText();
  check(hist.includes('Returnerad med kommentar') && hist.includes(RETURN_COMMENT) && hist.includes(APPROVE_COMMENT),
    'the history keeps the return comment and the approval comment', hist.slice(0, 500));
  await axe(st, 'the approved report');
  await shot(st, 'approved');
}

// after the deadline and grace the outcome form of the period is locked
async function locked(late) {
  await late.goto(`${after}/indikator/${indicator}/redigera?ar=2022`);
  check((await mainText(late)).includes(`Låst: ${LOCKED}`), 'after the deadline the outcome form says T2 2022 is locked');
  await axe(late, 'the locked outcome form');
  await shot(late, 'locked');
}

// lup remind --mail through a capturing sendmail stand-in, after the deadline
function remind() {
  const dir = mkdtempSync(join(tmpdir(), 'lup-remind-'));
  try {
    writeFileSync(join(dir, 'sendmail.sh'), `#!/bin/sh\ncat > "${dir}/mail.$$"\n`);
    execFileSync(lup, ['--db', db, 'remind', '--mail'], {
      env: { ...process.env, LUP_TODAY: '2022-10-01', LUP_SENDMAIL: `sh ${dir}/sendmail.sh` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const mails = readdirSync(dir).filter((f) => f.startsWith('mail.')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const to = (m) => (m.match(/^To:(.*)$/m) || [])[1] || '';
    const other = mails.filter((m) => to(m).includes(otherMail));
    check(other.length === 1 && other[0].includes('var 15 september 2022, för 16 dagar sedan'),
      'lup remind --mail mails the overdue organisation through the stand-in', `${mails.length} mails: ${mails.map(to).join(' | ')}`);
    check(mails.length > 0 && !mails.some((m) => to(m).includes(stMail)), 'and not Spånga-Tensta, which submitted',
      mails.map(to).join(' | '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fillResource(page, r) {
  await page.getByLabel('Stadsdelsområde', { exact: true }).selectOption({ label: r.district });
  await page.getByLabel('År', { exact: true }).fill('2022');
  await page.getByLabel('Slag', { exact: true }).selectOption({ label: r.kind });
  await page.getByLabel('Mängd', { exact: true }).fill(r.amount);
  await page.getByLabel('Anteckning', { exact: true }).fill(r.note);
}

// Socialförvaltningen records three districts; the city's view orders them by need, every step shown
async function resources(so, city) {
  for (const r of RECORDS) {
    await so.goto(`${before}${RESOURCES}`);
    await fillResource(so, r);
    await submit(so, 'Registrera resursen');
    check(new URL(so.url()).pathname === RESOURCES, `resources for ${r.district} are recorded`, so.url());
  }
  const table = await so.locator('#resurser-2022').innerText();
  check(RECORDS.every((r) => table.includes(r.district) && table.includes(r.note)), 'the three are listed for 2022', table.slice(0, 400));
  await axe(so, 'Socialförvaltningen\'s resources');
  const view = await (await city.request.get(`${before}/api/v1/views/resources-need?year=2022`)).json();
  const idx = view.items.map((i) => i.need_index).filter((x) => x !== null);
  check(idx.length > 0 && idx.every((x, i) => i === 0 || idx[i - 1] >= x), 'the API orders the districts by need_index', idx.join(' '));
  await city.goto(`${before}/resurser?ar=2022`);
  const order = await city.locator('#behovstabell tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.district));
  check(order.length === view.items.length && order.join(',') === view.items.map((i) => i.district).join(','),
    'the city\'s page lists the districts in the need index\'s order', order.join(','));
  // the city's totals hold the demo's example allocations of other organisations too: the
  // recorded amount shows as it is in Socialförvaltningen's own view
  await city.goto(`${before}/organisation/socialforvaltningen/resurser-behov?ar=2022`);
  const rk = await city.locator('#behovstabell tr[data-district="rinkeby-kista"]').innerText();
  check(rk.includes('2 500'), 'Rinkeby-Kista\'s recorded money is shown', rk);
  await city.goto(`${before}/resurser?ar=2022`);
  check((await mainText(city)).includes('Avstånden standardiseras över stadsdelsområdena'), 'the rule is stated in words');
  await city.locator('#steg summary').click();
  const cols = await city.locator('#z-varden thead th').count();
  const rows = await city.locator('#z-varden tbody tr').count();
  check(cols === view.items.length + 1 && rows === view.indicators.length && rows > 0,
    'every step is shown: a row per indicator, a column per district', `${rows} rows, ${cols} columns`);
  await axe(city, 'resources versus need with the steps open');
  await shot(city, 'need');
}

async function main() {
  mkdirSync(shots, { recursive: true });
  for (const u of ['city', 'st', 'rk', 'so']) if (!users[u]) nok(`user ${u} is given in ANNUALWHEEL_USERS`);
  if (!stMail || !otherMail) nok('the addresses are given in ANNUALWHEEL_MAIL');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const city = await step('the city user logs in', () => loggedIn(browser, before, 'city'));
    const st = await step('the Spånga-Tensta editor logs in', () => loggedIn(browser, before, 'st'));
    if (!city || !st) return;
    await step('1. the city sets the T2 deadline in the Årshjul form', () => cityDeadline(city));
    const rk = await step('the Rinkeby-Kista editor logs in', () => loggedIn(browser, before, 'rk'));
    if (rk) await step('2. Rinkeby-Kista starts its T2 report (a draft)', async () => {
      await rk.goto(`${before}/uppfoljning?ar=2022`);
      await start(rk, 'Rinkeby-Kista stadsdelsnämnd');
    });
    const path = await step('2. the editor sees the report in Att göra and starts it', () => todoAndStart(st));
    if (!path) return;
    await step('3. no submit with an unassessed goal or an empty reason (web and API)', () => refusals(st, path));
    await step('4. the editor gives reasons and submits', () => submitReport(st, path));
    await step('5. return with a comment, resubmit, approve; the history', () => returnAndApprove(st, city, path));
    const late = await step('the editor logs in after the deadline', () => loggedIn(browser, after, 'st'));
    if (late) await step('6. after the deadline the period is locked', () => locked(late));
    await step('7. lup remind --mail', () => remind());
    const so = await step('Socialförvaltningen\'s editor logs in', () => loggedIn(browser, before, 'so'));
    if (so) await step('8. resources for three districts against the need index', () => resources(so, city));
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('annual-wheel tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
