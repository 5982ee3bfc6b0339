// workflow.mjs: the browser tests of the editing and follow-up workflow, through the real pages
// (forms, not the API), in Debian's Chromium driven by playwright-core.
//
//   node tests/browser/workflow.mjs BASE_URL SCREENSHOT_DIR
//
// tests/browser/run.sh starts a `lup serve` of its own for it (a copy of the test database made
// before anything is written through the server) and sets WORKFLOW_USERS="st:NAME:PW rk:NAME:PW
// city:NAME:PW" (role in the test, user name, password): an editor of Spånga-Tensta stadsdelsnämnd, an editor of Rinkeby-Kista stadsdelsnämnd and a
// city user. The steps, in order:
//  - log in at /logga-in as the Spånga-Tensta editor;
//  - register a full-year outcome at /indikator/vp-2022-spanga-tensta-i-001/redigera and see it on
//    the district page and on the city page (the indicator and year chosen with the page's form);
//  - start a 2022 T1 report at /uppfoljning, assess a goal with an analysis, and see the
//    assessment in the city page's goal-fulfilment table for 2022-T1;
//  - set an activity's status and comment in the T1 report (the activity's own form), see them
//    after a reload, and as the city user in the report's table of activities;
//  - as the Rinkeby-Kista editor: the same edit page and the report answer 403;
//  - run T1 from draft to approved (the editor marks the goals left unassessed "Ej bedömt" with a
//    reason and submits, the city approves), the workflow buttons shown only to those who may use
//    them; afterwards the report shows Godkänd and no forms but the committee's decision;
//  - search /sok?q=förskola finds results;
//  - keyboard only: Tab to the skip link on the start page, Enter, Tab into main to a district
//    link, Enter, and land on the district page.
// Each check prints "ok - workflow: NAME" or "not ok - workflow: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, newPage, login as loginAt, SLACK } from './lib.mjs';

const [base, shots] = args('workflow.mjs', ['BASE_URL', 'SCREENSHOT_DIR']);
const users = Object.fromEntries((process.env.WORKFLOW_USERS || '').split(/\s+/).filter(Boolean)
  .map((u) => u.split(':')).map(([who, name, ...pw]) => [who, { name, password: pw.join(':') }]));

const IND = 'vp-2022-spanga-tensta-i-001';
const EDIT = `/indikator/${IND}/redigera`;
const ORG_NAME = 'Spånga-Tensta stadsdelsnämnd';
const VALUE = '7,77';          // the outcome typed in the form
const SHOWN = '7,77 %';        // as the pages show it (the indicator's unit is %)
const ANALYSIS = 'Andelen har minskat under perioden tack vare det förebyggande arbetet.';
const ACT_COMMENT = 'Avlastningen startade i februari; kvällsgrupperna är fulla.';

const { ok, nok, check, step, failures } = reporter('workflow');
const shot = shooter(shots, 'workflow');

// login: a page of its own (cookies) logged in as the test's user who ('st', 'rk', 'city').
async function login(browser, who) {
  const user = users[who] || { name: who, password: '' };
  const { ctx, page } = await newPage(browser);
  await loginAt(page, base, user.name, user.password);
  return { ctx, page };
}

// fulfilment: the city page's goal-fulfilment row of ORG_NAME for a period, as cell texts
// [org, status, fulfilled, partly, not, unassessed, total], or null without a row.
async function fulfilment(page, period) {
  await page.goto(`${base}/?period=${period}`);
  return page.evaluate((org) => {
    for (const tr of document.querySelectorAll('table.city-fulfilment tbody tr')) {
      const cells = [...tr.children].map((c) => c.textContent.trim());
      if (cells[0] === org) return cells;
    }
    return null;
  }, ORG_NAME);
}

async function main() {
  mkdirSync(shots, { recursive: true });
  for (const u of ['st', 'rk', 'city'])
    if (!users[u]) nok(`user ${u} is given in WORKFLOW_USERS`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    // ---- log in as the Spånga-Tensta editor through the form ----
    const st = await step('the Spånga-Tensta editor logs in at /logga-in', async () => {
      const s = await login(browser, 'st');
      const path = new URL(s.page.url()).pathname;
      const out = await s.page.locator('form[action="/logga-ut"]').count();
      check(path === '/konto' && out > 0, 'the Spånga-Tensta editor logs in at /logga-in',
        `landed on ${path}, ${out} logout forms`);
      return s;
    });
    if (!st) return;
    const p = st.page;

    // ---- an indicator outcome, seen on the district and city pages ----
    await step('the editor saves an outcome on the indicator edit page', async () => {
      await p.goto(`${base}/stadsdel/spanga-tensta`);
      const before = await mainText(p);
      if (before.includes(SHOWN)) nok('the district page does not show the new outcome before it is saved');
      const res = await p.goto(`${base}${EDIT}`);
      check(res.status() === 200, 'the editor opens the indicator edit page', `status ${res.status()}`);
      await p.selectOption('select[name="utfall-period"]', 'FY');
      await p.fill('input[name="utfall-ar"]', '2022');
      await p.selectOption('select[name="omrade"]', 'spanga-tensta');
      await p.selectOption('select[name="kon"]', 'T');
      await p.fill('input[name="varde"]', VALUE);
      await Promise.all([p.waitForURL(/klart=sparat/), p.getByRole('button', { name: 'Spara utfallet' }).click()]);
      const u = new URL(p.url());
      check(u.pathname === `/indikator/${IND}` && (await mainText(p)).includes(SHOWN),
        'the editor saves an outcome on the indicator edit page', `landed on ${p.url()}`);
    });
    await step('the new outcome shows on the district page', async () => {
      await p.goto(`${base}/stadsdel/spanga-tensta`);
      const row = await p.evaluate(() => {
        const tr = [...document.querySelectorAll('main tr')].find((t) =>
          t.querySelector('a[href="/stadsdel/spanga-tensta"]'));
        return tr ? tr.textContent : '';
      });
      check((await mainText(p)).includes(SHOWN), 'the new outcome shows on the district page',
        `no "${SHOWN}" on /stadsdel/spanga-tensta; row: ${row.trim().slice(0, 200)}`);
      await shot(p, 'stadsdel-efter-utfall');
    });
    await step('the new outcome shows on the city page for the chosen indicator and year', async () => {
      await p.goto(`${base}/`);
      const form = p.locator('form.choose', { has: p.locator('#val-indikator') });
      await form.locator('#val-indikator').selectOption(IND);
      await form.locator('#val-ar').selectOption('2022');
      await Promise.all([p.waitForURL(/indikator=/), form.getByRole('button', { name: 'Visa' }).click()]);
      const u = new URL(p.url());
      const cell = await p.evaluate(() => {
        for (const tr of document.querySelectorAll('table.city-values tbody tr'))
          if (tr.querySelector('a[href="/stadsdel/spanga-tensta"]')) return tr.querySelector('td').textContent.trim();
        return null;
      });
      check(u.searchParams.get('indikator') === IND && u.searchParams.get('ar') === '2022' && cell === SHOWN,
        'the new outcome shows on the city page for the chosen indicator and year',
        `url ${p.url()}, Spånga-Tensta's value: ${cell}`);
      await shot(p, 'staden-efter-utfall');
    });

    // ---- start a T1 report and assess a goal ----
    const reportUrl = await step('the editor starts a 2022 T1 report at /uppfoljning', async () => {
      await p.goto(`${base}/uppfoljning`);
      await p.locator('select[name="org"]').selectOption({ label: ORG_NAME });
      await p.locator('select[name="period"]').selectOption('T1');
      await p.fill('input[name="ar"]', '2022');
      await Promise.all([p.waitForURL(/\/uppfoljning\/\d+/), p.getByRole('button', { name: 'Starta rapporten' }).click()]);
      const u = new URL(p.url());
      const text = await mainText(p);
      check(u.searchParams.get('klart') === 'ny' && text.includes('Rapporten är skapad som utkast.') && text.includes('Utkast'),
        'the editor starts a 2022 T1 report at /uppfoljning', `landed on ${p.url()}`);
      return `${base}${u.pathname}`;
    });
    if (!reportUrl) return;
    const goal = await step('the editor assesses a goal with an analysis', async () => {
      await p.goto(reportUrl);
      const sel = p.locator('main select[name^="bedomning-"]').first();
      const name = await sel.getAttribute('name');
      const id = name.slice('bedomning-'.length);
      await sel.selectOption('fulfilled');
      await p.fill(`textarea[name="analys-${id}"]`, ANALYSIS);
      await Promise.all([p.waitForURL(/klart=sparat/),
        p.getByRole('button', { name: 'Spara bedömningar och prognos' }).click()]);
      const kept = await p.locator(`select[name="bedomning-${id}"]`).inputValue();
      const analysis = await p.locator(`textarea[name="analys-${id}"]`).inputValue();
      check(kept === 'fulfilled' && analysis.trim() === ANALYSIS, 'the editor assesses a goal with an analysis',
        `after saving: assessment ${kept}, analysis "${analysis.slice(0, 80)}"`);
      await shot(p, 'rapport-utkast');
      return id;
    });
    const act = await step('the editor sets an activity status and comment in the T1 report', async () => {
      await p.goto(reportUrl);
      const sel = p.locator('main select[name^="status-"]').first();
      const id = (await sel.getAttribute('name')).slice('status-'.length);
      await sel.selectOption('ongoing');
      await p.fill(`textarea[name="kommentar-${id}"]`, ACT_COMMENT);
      const form = p.locator('main form.activities', { has: p.locator(`select[name="status-${id}"]`) });
      await Promise.all([p.waitForURL(/klart=sparat/), form.getByRole('button', { name: 'Spara aktiviteterna' }).click()]);
      await p.reload();
      const kept = await p.locator(`select[name="status-${id}"]`).inputValue();
      const comment = await p.locator(`textarea[name="kommentar-${id}"]`).inputValue();
      check(kept === 'ongoing' && comment.trim() === ACT_COMMENT,
        'the editor sets an activity status and comment in the T1 report and sees them after a reload',
        `after reloading: status ${kept}, comment "${comment.slice(0, 80)}"`);
      await shot(p, 'rapport-aktivitet');
      return id;
    });
    await step('the assessment shows in the city page\'s goal fulfilment for 2022-T1', async () => {
      const row = await fulfilment(p, '2022-T1');
      check(row && row[1].startsWith('Utkast') && row[2] === '1',
        'the assessment shows in the city page\'s goal fulfilment for 2022-T1', `row: ${JSON.stringify(row)}`);
    });

    // ---- another organisation's editor is refused ----
    const rk = await step('the Rinkeby-Kista editor logs in', async () => {
      const s = await login(browser, 'rk');
      check(new URL(s.page.url()).pathname === '/konto', 'the Rinkeby-Kista editor logs in', `landed on ${s.page.url()}`);
      return s;
    });
    if (rk) {
      await step('the Rinkeby-Kista editor is refused the Spånga-Tensta indicator edit page', async () => {
        const res = await rk.page.goto(`${base}${EDIT}`);
        const forms = await rk.page.locator('main form[method="post"]').count();
        const text = await mainText(rk.page);
        check(res.status() === 403 && forms === 0 && text.includes('behörighet'),
          'the Rinkeby-Kista editor is refused the Spånga-Tensta indicator edit page',
          `status ${res.status()}, ${forms} forms`);
        await shot(rk.page, 'nekad-indikator');
      });
      await step('the Rinkeby-Kista editor is refused the Spånga-Tensta draft report', async () => {
        const res = await rk.page.goto(reportUrl);
        const forms = await rk.page.locator('main form[method="post"]').count();
        check(res.status() === 403 && forms === 0, 'the Rinkeby-Kista editor is refused the Spånga-Tensta draft report',
          `status ${res.status()}, ${forms} forms`);
      });
    }

    // ---- T1 from draft to approved ----
    const city = await step('the city user logs in', async () => {
      const s = await login(browser, 'city');
      check(new URL(s.page.url()).pathname === '/konto', 'the city user logs in', `landed on ${s.page.url()}`);
      return s;
    });
    const buttons = async (page) => ({
      submit: await page.getByRole('button', { name: 'Skicka in' }).count(),
      approve: await page.getByRole('button', { name: 'Godkänn' }).count(),
      ret: await page.getByRole('button', { name: 'Returnera med kommentar' }).count(),
      fields: await page.locator('main select, main textarea').count(),
    });
    await step('a draft: the editor has Skicka in and no Godkänn', async () => {
      await p.goto(reportUrl);
      const b = await buttons(p);
      check(b.submit === 1 && b.approve === 0 && b.ret === 0, 'a draft: the editor has Skicka in and no Godkänn', JSON.stringify(b));
    });
    if (city) {
      await step('a draft: the city user has no workflow buttons and no forms', async () => {
        await city.page.goto(reportUrl);
        const b = await buttons(city.page);
        check(b.submit === 0 && b.approve === 0 && b.ret === 0 && b.fields === 0,
          'a draft: the city user has no workflow buttons and no forms', JSON.stringify(b));
      });
    }
    // activityRow: the cells of the report's read-only row of activity id, or null
    const activityRow = (page, id) => page.evaluate((aid) => {
      for (const tr of document.querySelectorAll('main table.report-activities tbody tr'))
        if (tr.querySelector(`a[href="/aktivitet/${aid}"]`)) return [...tr.children].map((c) => c.textContent.trim());
      return null;
    }, id);
    if (city && act) {
      await step('the city user sees the activity\'s status and comment in the draft', async () => {
        await city.page.goto(reportUrl);
        const row = await activityRow(city.page, act);
        check(row && row[3] === 'Pågår' && row[4] === ACT_COMMENT,
          'the city user sees the activity\'s status and comment in the draft', `row: ${JSON.stringify(row)}`);
      });
    }
    // a report is submitted only once every goal is assessed: the editor marks the goals left at
    // "Ej bedömt" with a reason (docs/web-follow-cycle.md)
    await step('the editor marks the unassessed goals Ej bedömt with a reason', async () => {
      await p.goto(reportUrl);
      const names = await p.locator('main select[name^="bedomning-"]').evaluateAll((els) =>
        els.filter((e) => e.value === 'none').map((e) => e.name.replace('bedomning-', '')));
      for (const id of names) await p.fill(`#f-analys-${id}`, 'Underlag saknas för perioden.');
      await Promise.all([p.waitForURL(/klart=sparat/), p.getByRole('button', { name: 'Spara bedömningar och prognos' }).click()]);
      check(names.length > 0, 'the editor marks the unassessed goals Ej bedömt with a reason', `${names.length} goals`);
    });
    await step('the editor submits the report', async () => {
      await p.goto(reportUrl);
      await Promise.all([p.waitForURL(/klart=inskickad/), p.getByRole('button', { name: 'Skicka in' }).click()]);
      const status = await p.locator('main span.status').first().innerText();
      const b = await buttons(p);
      check(status === 'Inskickad' && b.submit === 0 && b.approve === 0 && b.fields === 0, 'the editor submits the report',
        `status ${status}, ${JSON.stringify(b)}`);
    });
    if (city) {
      await step('the city user approves the submitted report', async () => {
        const cp = city.page;
        await cp.goto(reportUrl);
        const b = await buttons(cp);
        check(b.approve === 1 && b.ret === 1 && b.submit === 0, 'submitted: the city user has Godkänn and Returnera, not Skicka in',
          JSON.stringify(b));
        await shot(cp, 'rapport-inskickad');
        await Promise.all([cp.waitForURL(/klart=godkand/), cp.getByRole('button', { name: 'Godkänn' }).click()]);
        const status = await cp.locator('main span.status').first().innerText();
        const forms = await cp.locator('main form').count();
        check(status === 'Godkänd' && forms === 0, 'the city user approves the submitted report',
          `status ${status}, ${forms} forms`);
      });
    }
    await step('approved: the editor sees Godkänd and no forms', async () => {
      await p.goto(reportUrl);
      const status = await p.locator('main span.status').first().innerText();
      // the committee's decision may still be recorded (setting committee_decision 'either')
      const forms = await p.locator('main form:not([action$="/beslut"])').count();
      const text = await mainText(p);
      check(status === 'Godkänd' && forms === 0 && text.includes('Uppfyllt') && text.includes(ANALYSIS),
        'approved: the editor sees Godkänd and no forms but the committee\'s decision', `status ${status}, ${forms} forms`);
      await shot(p, 'rapport-godkand');
    });
    if (act) {
      await step('approved: the report keeps the activity\'s status and comment', async () => {
        await p.goto(reportUrl);
        const row = await activityRow(p, act);
        check(row && row[3] === 'Pågår' && row[4] === ACT_COMMENT,
          'approved: the report keeps the activity\'s status and comment', `row: ${JSON.stringify(row)}`);
      });
    }
    await step('approved: the city page\'s goal fulfilment shows Godkänd for 2022-T1', async () => {
      const row = await fulfilment(p, '2022-T1');
      check(row && row[1] === 'Godkänd' && row[2] === '1',
        'approved: the city page\'s goal fulfilment shows Godkänd for 2022-T1', `row: ${JSON.stringify(row)}`);
    });
    if (goal === undefined) nok('the report steps had a goal to assess');

    // ---- search ----
    await step('search: /sok?q=förskola finds results', async () => {
      const sp = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
      sp.setDefaultTimeout(30000 * SLACK);
      await sp.goto(`${base}/sok?q=${encodeURIComponent('förskola')}`);
      const hits = await sp.locator('main ul.hits li a').count();
      check(hits > 0, 'search: /sok?q=förskola finds results', `${hits} hits`);
      await shot(sp, 'sok-forskola');
    });

    // ---- keyboard only ----
    await step('keyboard: from the start page to a district page', async () => {
      const kp = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' })).newPage();
      kp.setDefaultTimeout(30000 * SLACK);
      await kp.goto(`${base}/`);
      await kp.keyboard.press('Tab');
      const skip = await kp.evaluate(() => document.activeElement?.getAttribute('href'));
      check(skip === '#innehall', 'keyboard: the first Tab on the start page reaches the skip link', `focus on ${skip}`);
      await kp.keyboard.press('Enter');
      let link = null;
      for (let i = 0; i < 40 && !link; i++) {
        await kp.keyboard.press('Tab');
        link = await kp.evaluate(() => {
          const a = document.activeElement;
          const m = document.querySelector('main');
          if (!a || !m || !m.contains(a)) return null;
          const href = a.getAttribute('href') || a.getAttribute('xlink:href');
          return href && href.startsWith('/stadsdel/') ? href : null;
        });
      }
      if (!link) {
        nok('keyboard: Tab reaches a district link in main', 'no /stadsdel/ link within 40 Tabs of the skip link');
        return;
      }
      ok('keyboard: Tab reaches a district link in main');
      await Promise.all([kp.waitForURL((u) => u.pathname === link), kp.keyboard.press('Enter')]);
      const h1 = await kp.locator('h1').innerText();
      check(new URL(kp.url()).pathname === link && h1.length > 0, 'keyboard: Enter on the district link opens the district page',
        `at ${kp.url()}, h1 "${h1}"`);
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('workflow tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
