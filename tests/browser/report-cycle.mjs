// report-cycle.mjs: the browser test of the follow-up report's cycle through the real pages
// (docs/web-follow-cycle.md), in Debian's Chromium driven by playwright-core.
//
//   node tests/browser/report-cycle.mjs BASE_URL SCREENSHOT_DIR
//
// tests/browser/run.sh starts a `lup serve` of its own for it (a copy of the test database made
// before anything is written) and sets REPORTCYCLE_USERS="st:NAME:PW city:NAME:PW": an editor of
// Spånga-Tensta stadsdelsnämnd and a city user. The steps, in order:
//  - the editor starts a 2022 T2 report at /uppfoljning and cannot submit it while a goal is
//    unassessed: the message is at the goal's field;
//  - choosing "Ej bedömt" without a reason is refused at the analysis field;
//  - the editor marks every unassessed goal "Ej bedömt" with a reason and submits;
//  - the city user returns it with a comment; the editor sees the comment and submits again;
//  - the city user approves it with a comment of its own;
//  - the history on the report page holds the return comment and the approval's; axe finds no
//    WCAG 2.1 AA violation on the refused and the approved page.
// Each check prints "ok - report-cycle: NAME" or "not ok - report-cycle: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, newPage, login as loginAt } from './lib.mjs';

const [base, shots] = args('report-cycle.mjs', ['BASE_URL', 'SCREENSHOT_DIR']);
const users = Object.fromEntries((process.env.REPORTCYCLE_USERS || '').split(/\s+/).filter(Boolean)
  .map((u) => u.split(':')).map(([who, name, ...pw]) => [who, { name, password: pw.join(':') }]));

const ORG_NAME = 'Spånga-Tensta stadsdelsnämnd';
const REASON = 'Underlaget för perioden saknas ännu.';
const RETURN_COMMENT = 'Komplettera skälen till att målen inte bedöms.';
const APPROVE_COMMENT = 'Godkänd: tydliga skäl och analyser.';

const { ok, nok, check, step, axe, failures } = reporter('report-cycle');
const shot = shooter(shots, 'report-cycle');

async function login(browser, who) {
  const user = users[who] || { name: who, password: '' };
  const { ctx, page } = await newPage(browser);
  await loginAt(page, base, user.name, user.password);
  return { ctx, page };
}

// unassessed: the ids of the goals whose assessment select is at "Ej bedömt" with an empty analysis.
const unassessed = (page) => page.locator('main select[name^="bedomning-"]').evaluateAll((els) =>
  els.filter((e) => e.value === 'none').map((e) => e.name.replace('bedomning-', ''))
    .filter((id) => !(document.getElementById(`f-analys-${id}`) || {}).value));

async function main() {
  mkdirSync(shots, { recursive: true });
  for (const u of ['st', 'city'])
    if (!users[u]) nok(`user ${u} is given in REPORTCYCLE_USERS`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const st = await step('the editor logs in', async () => login(browser, 'st'));
    const city = await step('the city user logs in', async () => login(browser, 'city'));
    if (!st || !city) return;
    const p = st.page, cp = city.page;

    const reportUrl = await step('the editor starts a 2022 T2 report', async () => {
      await p.goto(`${base}/uppfoljning`);
      await p.locator('select[name="org"]').selectOption({ label: ORG_NAME });
      await p.locator('select[name="period"]').selectOption('T2');
      await p.fill('input[name="ar"]', '2022');
      await Promise.all([p.waitForURL(/\/uppfoljning\/\d+/), p.getByRole('button', { name: 'Starta rapporten' }).click()]);
      const u = new URL(p.url());
      check(u.searchParams.get('klart') === 'ny', 'the editor starts a 2022 T2 report', `landed on ${p.url()}`);
      return `${base}${u.pathname}`;
    });
    if (!reportUrl) return;

    await step('the editor cannot submit with an unassessed goal: the message is at the goal\'s field', async () => {
      await p.goto(reportUrl);
      const [res] = await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Skicka in' }).click()]);
      const err = p.locator('main [id^="f-bedomning-"][id$="-fel"]').first();
      const text = (await err.count()) ? await err.innerText() : '';
      check(res.status() === 422 && text.includes('inte bedömd') && text.includes('Ej bedömt'),
        'the editor cannot submit with an unassessed goal: the message is at the goal\'s field',
        `status ${res.status()}, message "${text}"`);
      await axe(p, 'the refused submit');
      await shot(p, 'ej-bedomd');
    });

    const ids = await step('"Ej bedömt" without a reason is refused at the analysis field', async () => {
      await p.goto(reportUrl);
      const list = await unassessed(p);
      const id = list[0];
      await p.fill(`#f-analys-${id}`, ' . ');
      const [res] = await Promise.all([p.waitForNavigation(),
        p.getByRole('button', { name: 'Spara bedömningar och prognos' }).click()]);
      const err = p.locator(`#f-analys-${id}-fel`);
      const text = (await err.count()) ? await err.innerText() : '';
      check(res.status() === 422 && text.includes('varför målet inte bedöms'),
        '"Ej bedömt" without a reason is refused at the analysis field', `status ${res.status()}, "${text}"`);
      return list;
    });

    await step('the editor marks the unassessed goals "Ej bedömt" with a reason and submits', async () => {
      await p.goto(reportUrl);
      for (const id of await unassessed(p)) await p.fill(`#f-analys-${id}`, REASON);
      await Promise.all([p.waitForURL(/klart=sparat/), p.getByRole('button', { name: 'Spara bedömningar och prognos' }).click()]);
      await Promise.all([p.waitForURL(/klart=inskickad/), p.getByRole('button', { name: 'Skicka in' }).click()]);
      const status = await p.locator('main span.status').first().innerText();
      check(status === 'Inskickad' && ids && ids.length > 0,
        'the editor marks the unassessed goals "Ej bedömt" with a reason and submits', `status ${status}`);
    });

    await step('the city user sees which goals are "Ej bedömt" and why', async () => {
      await cp.goto(`${base}/uppfoljning`);
      const text = await mainText(cp);
      check(text.includes('Ej bedömda mål och varför') && text.includes(REASON),
        'the city user sees which goals are "Ej bedömt" and why', text.slice(0, 300));
    });

    await step('the city user returns the report with a comment', async () => {
      await cp.goto(reportUrl);
      await cp.fill('#f-kommentar', RETURN_COMMENT);
      await Promise.all([cp.waitForURL(/klart=returnerad/), cp.getByRole('button', { name: 'Returnera med kommentar' }).click()]);
      const status = await cp.locator('main span.status').first().innerText();
      check(status === 'Returnerad', 'the city user returns the report with a comment', `status ${status}`);
    });

    await step('the editor sees the comment and submits again', async () => {
      await p.goto(reportUrl);
      const seen = (await mainText(p)).includes(RETURN_COMMENT);
      await Promise.all([p.waitForURL(/klart=inskickad/), p.getByRole('button', { name: 'Skicka in' }).click()]);
      const status = await p.locator('main span.status').first().innerText();
      check(seen && status === 'Inskickad', 'the editor sees the comment and submits again', `seen ${seen}, status ${status}`);
    });

    await step('the city user approves with a comment', async () => {
      await cp.goto(reportUrl);
      await cp.fill('#f-kommentar-godkann', APPROVE_COMMENT);
      await Promise.all([cp.waitForURL(/klart=godkand/), cp.getByRole('button', { name: 'Godkänn' }).click()]);
      const status = await cp.locator('main span.status').first().innerText();
      check(status === 'Godkänd', 'the city user approves with a comment', `status ${status}`);
    });

    await step('the history keeps the return comment and the approval\'s', async () => {
      await p.goto(reportUrl);
      const hist = await p.locator('main ol.report-history').innerText();
      const steps = await p.locator('main ol.report-history > li').count();
      check(hist.includes(RETURN_COMMENT) && hist.includes(APPROVE_COMMENT) && hist.includes('Returnerad med kommentar') &&
        steps === 5, 'the history keeps the return comment and the approval\'s', `${steps} steps: ${hist.slice(0, 400)}`);
      await axe(p, 'the approved report');
      await shot(p, 'historik');
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('report-cycle tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
