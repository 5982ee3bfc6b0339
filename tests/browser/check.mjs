// check.mjs: the browser tests of lup's web pages, in Debian's Chromium driven by playwright-core.
//
//   node tests/browser/check.mjs BASE_URL DB_PATH SCREENSHOT_DIR
//
// tests/browser/run.sh starts `lup serve` on an ephemeral port with the Stockholm dataset and
// the commission import and runs this script. For every page of pages.json that exists it
//  - validates the HTML with `tidy -q -e` (errors fail; warnings are listed as comments),
//  - runs axe-core (WCAG 2.0/2.1 A and AA) and reports each violation,
//  - checks lang="sv", one h1 and headings without skipped levels, and no CSP violation,
//  - saves a full-page screenshot to SCREENSHOT_DIR/NAME.png,
//  - checks keyboard use: the first Tab reaches the skip link, which moves focus to main, and
//    focus stays visible on the following stops.
// Then it stores script and attribute-breaking payloads in text fields through sqlite3 and
// checks on every page, with the server's CSP and with CSP bypassed (so that only the escaping
// protects), that nothing runs: window.__xss stays undefined and no injected element appears.
// BROWSER_SCREENSHOTS=off leaves the screenshots out (lib.mjs SCREENSHOTS; make check).
// With BROWSER_PAGE_CHECKS=off (run.sh on PostgreSQL) tidy, axe-core, the screenshots and the
// keyboard checks are left out (lib.mjs PAGE_CHECKS); the status, CSP, script errors, structure
// and the script-injection checks remain.
// Each check prints "ok - NAME" or "not ok - NAME"; comments start with "#". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeRun, CHROMIUM, LAUNCH_ARGS, PAGE_CHECKS, SCREENSHOTS, SLACK } from './lib.mjs';

const [base, db, shots] = process.argv.slice(2);
if (!base || !db || !shots) {
  console.error('usage: node check.mjs BASE_URL DB_PATH SCREENSHOT_DIR');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
// CHECK_SHARD=K/N (run.sh, one job of tests/run.sh each): only the pages of pages.json at the
// positions K, K+N, K+2N ... (from 1), and the script-injection checks on those and on the search
// pages; unset: all of them.
const shard = /^(\d+)\/(\d+)$/.exec(process.env.CHECK_SHARD || '1/1');
if (!shard || +shard[1] < 1 || +shard[1] > +shard[2]) {
  console.error(`check.mjs: CHECK_SHARD is K/N with 1 <= K <= N, not ${process.env.CHECK_SHARD}`);
  process.exit(2);
}
const pages = JSON.parse(readFileSync(join(here, 'pages.json'), 'utf8')).pages
  .filter((_, i) => i % +shard[2] === +shard[1] - 1);

let failures = 0;
// reporter: the check printers; with buffer set, lines are kept until flush() (pages are checked
// two at a time and their lines printed in the order of pages.json).
function reporter(buffer) {
  const out = [];
  const say = (line) => (buffer ? out.push(line) : console.log(line));
  const R = {
    ok: (name) => say(`ok - ${name}`),
    nok: (name, detail) => {
      failures++;
      say(`not ok - ${name}`);
      if (detail) for (const line of String(detail).split('\n')) say(`#   ${line}`);
    },
    check: (cond, name, detail) => (cond ? R.ok(name) : R.nok(name, detail)),
    note: (text) => say(`# ${text}`),
    timing: (what, t) => process.env.BROWSER_TIMING && say(`# ${what}: ${Date.now() - t} ms`),
    flush: () => { for (const line of out.splice(0)) console.log(line); },
  };
  return R;
}
const { ok, nok, check, note } = reporter(false);

// sql: runs SQL on the test database with the sqlite3 shell; returns its output. On PostgreSQL
// (LUP_PG, tests/browser/run.sh) tests/tools/pg-db does the same on the database db stands for.
function sql(text) {
  const [cmd, ...pre] = process.env.LUP_PG ? [new URL('../tools/pg-db', import.meta.url).pathname, 'sql'] : ['sqlite3'];
  const r = spawnSync(cmd, [...pre, '-cmd', '.timeout 5000', '-cmd', 'PRAGMA foreign_keys=ON', db, text], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3: ${r.stderr || r.error}`);
  return r.stdout.trim();
}
const q = (s) => `'${s.replaceAll("'", "''")}'`;

// Values that paths in pages.json name as {name}.
const ST_GOALS = `SELECT g.%s FROM goal g JOIN organisation o ON o.id = g.owner_id
  WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 AND g.level = 'namndmal' ORDER BY g.id LIMIT 1`;
const vars = {
  response: () => sql('SELECT min(id) FROM response'),
  goal: () => sql(ST_GOALS.replace('%s', 'key')),
  indicator: () => sql(`SELECT i.key FROM indicator i WHERE i.goal_id = (${ST_GOALS.replace('%s', 'id')}) ORDER BY i.id LIMIT 1`),
  activity: () => sql(`SELECT a.id FROM activity a JOIN organisation o ON o.id = a.owner_id
    WHERE o.key = 'spanga-tensta-stadsdelsnamnd' ORDER BY a.id LIMIT 1`),
  report: () => sql('SELECT min(id) FROM report'),
  // the draft of Spånga-Tensta's LUP and its first theme (skipped while there is no draft)
  lupdraft: () => sql(`SELECT pv.version FROM plan_version pv JOIN plan p ON p.id = pv.plan_id
    WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'draft'`),
  lupdrafttheme: () => sql(`SELECT min(t.id) FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id
    JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'draft'`),
  lupdraftmeasure: () => sql(`SELECT min(m.id) FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id
    JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'draft'`),
};
// resolve: the path with its {name}s filled in, or null when a value is missing.
function resolve(path) {
  let missing = false;
  const out = path.replace(/\{(\w+)\}/g, (_, k) => {
    const v = vars[k] ? vars[k]() : '';
    if (!v) missing = true;
    return v;
  });
  return missing ? null : out;
}

// Users for pages behind a login, from run.sh: BROWSER_USERS="name:password ...".
const users = Object.fromEntries((process.env.BROWSER_USERS || '').split(/\s+/).filter(Boolean)
  .map((u) => [u.slice(0, u.indexOf(':')), u.slice(u.indexOf(':') + 1)]));
const contexts = new Map();
// contextFor: a browser context for user (undefined: anonymous), logged in through the API;
// bypass: with the page's CSP switched off (for the script-injection checks).
async function contextFor(browser, user, bypass) {
  const key = `${user || ''}/${bypass ? 1 : 0}`;
  if (!contexts.has(key)) {
    contexts.set(key, (async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', bypassCSP: !!bypass });
      ctx.setDefaultTimeout(30000 * SLACK);
      if (user) {
        if (!users[user]) throw new Error(`no password for user ${user} in BROWSER_USERS`);
        const res = await ctx.request.post(`${base}/api/v1/login`, { data: { name: user, password: users[user] } });
        if (!res.ok()) throw new Error(`login as ${user}: ${res.status()}`);
      }
      return ctx;
    })());
  }
  return contexts.get(key);
}

// tidy: the HTML's errors and warnings from `tidy -q -e`.
function tidy(html) {
  const r = spawnSync('tidy', ['-q', '-e', '-utf8', '--show-warnings', 'yes'], { input: html, encoding: 'utf8' });
  const lines = (r.stderr || '').split('\n').filter((l) => l.trim());
  return {
    errors: lines.filter((l) => /Error:/.test(l)),
    warnings: lines.filter((l) => /Warning:/.test(l)),
    failed: r.status === null || r.status > 1,
  };
}

// fetchPage: GET url without following redirects. A request sent on a kept-alive connection just
// as the server closes it for being idle (15 s) is reset before the server reads it; a browser
// sends such a GET again, and so does this, once (a server that is down fails the second time).
async function fetchPage(context, url) {
  let res;
  try {
    res = await context.request.get(url, { maxRedirects: 0 });
  } catch (e) {
    if (!/ECONNRESET|socket hang up/.test(String(e && e.message))) throw e;
    res = await context.request.get(url, { maxRedirects: 0 });
  }
  return { status: res.status(), html: await res.text(), csp: res.headers()['content-security-policy'] || '' };
}

// Headings: lang, exactly one h1, and no level skipped going down.
async function structure(page) {
  return page.evaluate(() => {
    const problems = [];
    if (document.documentElement.getAttribute('lang') !== 'sv') problems.push('html lang is not "sv"');
    const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter((h) => !h.closest('[hidden]'));
    const h1 = hs.filter((h) => h.tagName === 'H1').length;
    if (h1 !== 1) problems.push(`${h1} h1 elements`);
    let prev = 0;
    for (const h of hs) {
      const level = Number(h.tagName[1]);
      if (prev && level > prev + 1) problems.push(`h${level} "${h.textContent.trim().slice(0, 40)}" after h${prev}`);
      prev = level;
    }
    if (!document.querySelector('main')) problems.push('no main landmark');
    return problems;
  });
}

// Keyboard: the first Tab reaches the skip link; Enter on it moves focus to main (main itself or,
// when main is not focusable, the next Tab lands inside it); focus is visible on the next stops.
async function keyboard(R, page, url, name) {
  await page.goto(url);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    return a && a.tagName === 'A' && a.getAttribute('href') === '#innehall' ? a.textContent.trim() : null;
  });
  R.check(skip !== null, `keyboard ${name}: the first Tab reaches the skip link`,
    skip === null ? 'the first Tab focused something else' : '');
  if (skip === null) return;
  await page.keyboard.press('Enter');
  const inMain = () => page.evaluate(() => {
    const m = document.querySelector('main');
    const a = document.activeElement;
    return !!m && (a === m || (m.contains(a) && a !== document.body));
  });
  let moved = await inMain();
  if (!moved) {
    await page.keyboard.press('Tab');
    moved = await inMain();
  }
  const hash = await page.evaluate(() => location.hash);
  R.check(moved && hash === '#innehall', `keyboard ${name}: the skip link moves focus to main`,
    `hash ${hash}, focus ${moved ? 'in' : 'not in'} main`);
  // Focus is visible when focusing changes how the element, something inside it or one of its
  // two nearest ancestors is drawn (outline, shadow, stroke, colours, underline, border).
  const invisible = [];
  for (let i = 0; i < 10; i++) {
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      const props = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'stroke', 'strokeWidth', 'fill',
        'backgroundColor', 'color', 'textDecorationLine', 'textDecorationThickness', 'borderColor', 'borderWidth'];
      const els = [a, ...[...a.querySelectorAll('*')].slice(0, 20), a.parentElement, a.parentElement?.parentElement]
        .filter(Boolean);
      const look = () => els.map((e) => { const s = getComputedStyle(e); return props.map((p) => s[p]).join('|'); }).join(';');
      const focused = look();
      a.blur();
      const blurred = look();
      a.focus();
      const r = a.getBoundingClientRect();
      return { what: `${a.tagName.toLowerCase()} "${(a.textContent || a.value || '').trim().slice(0, 30)}"`,
        visible: focused !== blurred && r.width > 0 && r.height > 0 };
    });
    if (f && !f.visible) invisible.push(f.what);
    await page.keyboard.press('Tab');
  }
  R.check(invisible.length === 0, `keyboard ${name}: focus is visible on every stop`, invisible.join('\n'));
}

async function checkPage(R, browser, entry) {
  const path = resolve(entry.path);
  if (path === null) {
    R.note(`skip - ${entry.path}: the test database has no value for it`);
    return false;
  }
  const context = await contextFor(browser, entry.user, false);
  const url = base + encodeURI(path);
  const want = entry.status || 200;
  const got = await fetchPage(context, url);
  if (got.status === 404 && want !== 404 && !entry.required) {
    R.note(`skip - ${path}: not written yet (404); checked as soon as it exists`);
    return false;
  }
  R.check(got.status === want, `page ${path} answers ${want}`, `status ${got.status}`);
  if (got.status !== want) return false;
  R.check(/default-src 'none'/.test(got.csp), `page ${path} has the strict CSP`, got.csp);

  let t0 = Date.now();
  if (PAGE_CHECKS) {
    const t = tidy(got.html);
    R.timing(`tidy ${path}`, t0);
    R.check(t.errors.length === 0 && !t.failed, `tidy ${path}: no errors`, t.errors.join('\n'));
    for (const w of t.warnings) R.note(`tidy warning ${path}: ${w}`);
  }

  const page = await context.newPage();
  const csp = [];
  const errors = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  R.check(csp.length === 0, `page ${path}: no CSP violations`, csp.join('\n'));
  R.check(errors.length === 0, `page ${path}: no script errors`, errors.join('\n'));

  const problems = await structure(page);
  R.check(problems.length === 0, `structure ${path}: lang sv, one h1, headings in order, main`, problems.join('\n'));
  if (!PAGE_CHECKS) {
    await page.close();
    return true;
  }

  t0 = Date.now();
  const axe = await axeRun(page);
  R.timing(`axe ${path}`, t0);
  if (axe.violations.length === 0) R.ok(`axe ${path}: no WCAG 2.1 AA violations`);
  for (const v of axe.violations) {
    const nodes = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').slice(1, 2).join('').trim()}`);
    R.nok(`axe ${path}: ${v.id} (${v.impact}) ${v.help} [${v.nodes.length} element(s)]`, nodes.join('\n'));
  }

  t0 = Date.now();
  if (SCREENSHOTS) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${entry.name}.png`), fullPage: true });
    R.ok(`screenshot ${path} saved as ${entry.name}.png`);
    R.timing(`screenshot ${path}`, t0);
  }

  t0 = Date.now();
  await keyboard(R, page, url, path);
  R.timing(`keyboard ${path}`, t0);
  await page.close();
  return true;
}

// The payloads stored in text fields; each one sets window.__xss if it ever runs.
const X_SCRIPT = '<script>window.__xss=1</script>';
const X_ATTR = '"><img src=x onerror="window.__xss=1">';

// storePayloads: writes the payloads, and an audit entry so that the server's response cache
// (keyed by the newest audit entry) drops the pages it holds.
function storePayloads() {
  const lup = `SELECT m.id FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id
    JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta' ORDER BY m.id LIMIT 1`;
  const theme = `SELECT t.id FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id
    JOIN area a ON a.id = p.district_id WHERE a.key = 'spanga-tensta' ORDER BY t.id LIMIT 1`;
  const goal = `SELECT g.id FROM goal g JOIN organisation o ON o.id = g.owner_id
    WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 ORDER BY g.id LIMIT 1`;
  const resp = 'SELECT min(id) FROM response';
  sql(`BEGIN;
    UPDATE measure SET title = ${q('Kvaståtgärd ' + X_SCRIPT)}, description = ${q('Kvast ' + X_ATTR)} WHERE id = (${lup});
    UPDATE theme SET name = ${q('Kvasttema ' + X_ATTR)}, description = ${q('Kvast ' + X_SCRIPT)} WHERE id = (${theme});
    UPDATE goal SET title = ${q('Kvastmål ' + X_SCRIPT)}, description = ${q('Kvast ' + X_ATTR)} WHERE id = (${goal});
    UPDATE indicator SET name = ${q('Kvastindikator ' + X_ATTR)} WHERE id = (SELECT min(id) FROM indicator WHERE goal_id IN (${goal}));
    UPDATE activity SET title = ${q('Kvastaktivitet ' + X_SCRIPT)}, description = ${q('Kvast ' + X_ATTR)}
      WHERE id = ${Number(vars.activity())};
    UPDATE response_part SET text = ${q('Kvastsvar ' + X_ATTR + ' ' + X_SCRIPT)}
      WHERE response_id = (${resp}) AND ord = (SELECT min(ord) FROM response_part WHERE response_id = (${resp}));
    UPDATE response SET stance_phrase = ${q(X_SCRIPT)} WHERE id = (${resp});
    UPDATE commission_measure SET text = ${q('Kvaståtgärd ' + X_ATTR)} WHERE id = (SELECT min(id) FROM commission_measure);
    UPDATE commission_admin SET statement = ${q('Kvastyttrande ' + X_SCRIPT)}, stance_phrase = ${q(X_ATTR)}
      WHERE org_id = (SELECT id FROM organisation WHERE key = 'utbildningsforvaltningen');
    INSERT INTO audit(at, actor, action, entity, after) VALUES (datetime('now'), 'browser tests', 'update', 'test', 'payloads');
    COMMIT;`);
}

async function xss(browser, user, path, bypass) {
  const how = `${user ? `as ${user}, ` : ''}${bypass ? 'CSP bypassed' : 'with CSP'}`;
  const page = await (await contextFor(browser, user, bypass)).newPage();
  await page.goto(base + encodeURI(path));
  const r = await page.evaluate(() => ({
    flag: typeof window.__xss,
    img: document.querySelectorAll('img[src="x"]').length,
    shown: document.body.textContent.includes('window.__xss=1'),
  }));
  await page.close();
  check(r.flag === 'undefined' && r.img === 0, `xss ${path} (${how}): stored script does not run`,
    `window.__xss is ${r.flag}, ${r.img} injected img element(s)`);
  return r.shown;
}

async function main() {
  const t0 = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    // the pages, two at a time; each page's lines are printed in list order
    const done = new Array(pages.length);
    let next = 0;
    let printed = 0;
    const worker = async () => {
      while (next < pages.length) {
        const i = next++;
        const entry = pages[i];
        const R = reporter(true);
        const t = Date.now();
        let present = false;
        try {
          present = await checkPage(R, browser, entry);
          R.timing(`${entry.path} in all`, t);
        } catch (e) {
          R.nok(`page ${entry.path}: the checks ran to the end`, e.stack || e);
        }
        done[i] = { R, entry, present };
        while (printed < pages.length && done[printed]) done[printed++].R.flush();
      }
    };
    await Promise.all([worker(), worker()]);

    storePayloads();
    const extra = ['/sok?q=kvast', '/sok?q=<script>', '/sok?q="><img src=x onerror="window.__xss=1">']
      .map((path) => ({ path }));
    const targets = [...done.filter((d) => d.present && (d.entry.status || 200) === 200)
      .map((d) => ({ path: resolve(d.entry.path), user: d.entry.user })), ...extra];
    let shown = false;
    const one = async ({ path, user }) => {
      try {
        const [a] = await Promise.all([xss(browser, user, path, true), xss(browser, user, path, false)]);
        shown = a || shown;
      } catch (e) {
        nok(`xss ${path}: the check ran to the end`, e.stack || e);
      }
    };
    for (let i = 0; i < targets.length; i += 2) await Promise.all(targets.slice(i, i + 2).map(one));
    check(shown, 'xss: the payloads are shown as text (escaped, not dropped)');
  } finally {
    for (const c of contexts.values()) await (await c.catch(() => null))?.close();
    await browser.close();
  }
  note(`browser checks took ${((Date.now() - t0) / 1000).toFixed(1)} s; ${SCREENSHOTS ? `screenshots in ${shots}` : "no screenshots (BROWSER_SCREENSHOTS=off)"}`);
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  nok('browser tests ran to the end', e.stack || e);
  process.exit(1);
});
