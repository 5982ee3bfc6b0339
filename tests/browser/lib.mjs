// lib.mjs: what the browser tests share: how Chromium is started, the WCAG tags axe-core checks,
// the "ok - PREFIX: NAME" / "not ok - PREFIX: NAME" reporting, steps that fail by name instead of
// ending the run, axe-core on the page as it is, form submission and logging in at /logga-in.
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// SLACK: BROWSER_TIMEOUT_FACTOR (run.sh: 3 unless set), the factor of the waits' limits: they
// catch a hung page, they do not time one, and a loaded 2-core machine running four flows at once
// (make check) takes two to three times an idle one's time.
export const SLACK = Math.max(1, Number(process.env.BROWSER_TIMEOUT_FACTOR) || 1);
// PAGE_CHECKS: false when BROWSER_PAGE_CHECKS=off (run.sh sets it on PostgreSQL): axe-core, tidy,
// the keyboard checks and the screenshots are left out. They check what the HTML writer and the
// pages produce, which does not depend on the backend (t7300 shows the pages of both backends are
// the same byte for byte), so they run once, on SQLite; the flows' behaviour is checked on both.
export const PAGE_CHECKS = process.env.BROWSER_PAGE_CHECKS !== 'off';
// SCREENSHOTS: the full-page screenshots, artefacts for people to look at (no check reads them),
// unless BROWSER_SCREENSHOTS=off (make check sets it: they were a fifth of the page checks' CPU
// time; `make screenshots` makes them) or the page checks are off.
export const SCREENSHOTS = PAGE_CHECKS && process.env.BROWSER_SCREENSHOTS !== 'off';

// axeRun: axe-core's results (WCAG 2.0/2.1 A and AA: AXE_TAGS) for the page as it is. Its
// violations are axe-core's whatever the mode; two modes of @axe-core/playwright's make them
// cheaper (session 9: the 19 anonymous pages of pages.json took 32 s instead of 61 s, with the
// same result, none; a page made to violate eight rules gave the same eight violations, the same
// elements and messages, both ways):
//  - resultTypes ['violations']: the rules that pass, or do not apply, or need a person's review
//    are reported with one element each instead of all (no check reads them; the violations
//    keep every element);
//  - legacy mode (axe.run in the page) instead of axe.runPartial per frame and axe.finishRun in
//    a new blank page, which injects axe-core a second time and carries every result across
//    twice. It does not look into cross-origin frames, which our pages cannot have (CSP
//    default-src 'none'); a page with any frame is checked the default way all the same.
export async function axeRun(page) {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(AXE_TAGS);
  if (page.frames().length === 1) builder.setLegacyMode();
  return builder.analyze();
}

// args: the command line's positional arguments, all required; exits 2 with usage otherwise.
export function args(script, names) {
  const v = process.argv.slice(2);
  if (v.length < names.length || v.slice(0, names.length).some((x) => !x)) {
    console.error(`usage: node ${script} ${names.join(' ')}`);
    process.exit(2);
  }
  return v;
}

// reporter: the checks of one script, printed as "ok - PREFIX: NAME" and "not ok - PREFIX: NAME"
// with the detail as "#   " lines; failures() counts the failed ones.
export function reporter(prefix) {
  let failed = 0;
  const ok = (name) => console.log(`ok - ${prefix}: ${name}`);
  const nok = (name, detail) => {
    failed++;
    console.log(`not ok - ${prefix}: ${name}`);
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
  // axe: axe-core on the page as it is (also a page that answers a POST, which a list of
  // addresses cannot load): one ok, or one failure per violated rule with up to 5 elements.
  async function axe(page, what) {
    if (!PAGE_CHECKS) return;
    const res = await axeRun(page);
    if (res.violations.length === 0) ok(`axe ${what}: no WCAG 2.1 AA violations`);
    for (const v of res.violations) {
      const nodes = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').slice(1, 2).join('').trim()}`);
      nok(`axe ${what}: ${v.id} (${v.impact}) ${v.help} [${v.nodes.length} element(s)]`, nodes.join('\n'));
    }
  }
  return { ok, nok, check, step, axe, failures: () => failed };
}

// shooter: a function (page, name) that saves a full-page screenshot as DIR/PREFIX-NAME.png.
// (none when SCREENSHOTS is false)
export const shooter = (dir, prefix) => (page, name) => !SCREENSHOTS ? Promise.resolve() :
  page.screenshot({ path: join(dir, `${prefix}-${name}.png`), fullPage: true }).catch(() => {});

export const mainText = (page) => page.locator('main').innerText();

// submit: clicks the button called name (exactly) and waits for the page it leads to.
export async function submit(page, name) {
  const [res] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name, exact: true }).click()]);
  return res;
}

// newPage: a page in a fresh context (its own cookies) as the tests view them.
export async function newPage(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15000 * SLACK);
  return { ctx, page };
}

// login: logs page in at BASE/logga-in as name with password; returns the path it lands on.
export async function login(page, base, name, password) {
  await page.goto(`${base}/logga-in`);
  await page.getByLabel('Användarnamn').fill(name);
  await page.getByLabel('Lösenord').fill(password);
  await submit(page, 'Logga in');
  return new URL(page.url()).pathname;
}
