// upload.mjs: the browser test of the import page's file upload, in Debian's Chromium driven by
// playwright-core, with axe-core on every page of the flow.
//
//   node tests/browser/upload.mjs BASE_URL SCREENSHOT_DIR SEED_FILE
//
// tests/browser/run.sh starts a `lup serve` of its own for it (a copy of the test database) and
// sets UPLOAD_USER="NAME:PASSWORD", an editor of Spånga-Tensta stadsdelsnämnd. SEED_FILE is the
// verksamhetsplan 2022 of Spånga-Tensta (seed 003). The steps, in order:
//  - log in at /logga-in; open /importera: a multipart form with a file field (axe-core clean);
//  - choose no file and send: the error is shown at the file field (axe-core clean);
//  - choose SEED_FILE with setInputFiles and send: the dry-run report names the file and counts
//    its 20 nämndmål, nothing saved yet (axe-core clean);
//  - confirm (no second upload): the result page says the import is done (axe-core clean), and
//    the same confirmation sent again says the dry run is gone.
// Each check prints "ok - upload: NAME" or "not ok - upload: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, submit, newPage, login } from './lib.mjs';

const [base, shots, seed] = args('upload.mjs', ['BASE_URL', 'SCREENSHOT_DIR', 'SEED_FILE']);
const [userName, ...pw] = (process.env.UPLOAD_USER || '').split(':');
const password = pw.join(':');

const { nok, check, step, axe, failures } = reporter('upload');
const shot = shooter(shots, 'upload');

async function main() {
  mkdirSync(shots, { recursive: true });
  if (!userName) nok('UPLOAD_USER is given');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const errors = [];
  try {
    const { ctx, page: p } = await newPage(browser);
    // the status of a page itself (422, 410) and a missing favicon are logged as "Failed to load
    // resource": only CSP violations and script errors count
    p.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(String(e)));

    const logged = await step('the editor logs in at /logga-in', async () => {
      const path = await login(p, base, userName, password);
      check(path === '/konto', 'the editor logs in at /logga-in', `landed on ${path}`);
      return path === '/konto';
    });
    if (!logged) return;

    await step('the import form has a file field in a multipart form', async () => {
      const res = await p.goto(`${base}/importera`);
      const enctype = await p.locator('main form').first().getAttribute('enctype');
      const file = await p.getByLabel('Dokumentet som fil').getAttribute('type');
      check(res.status() === 200 && enctype === 'multipart/form-data' && file === 'file',
        'the import form has a file field in a multipart form', `status ${res.status()}, enctype ${enctype}, type ${file}`);
      await axe(p, 'the import form');
      await shot(p, 'formular');
    });

    await step('sent without a file, the error is at the file field', async () => {
      const res = await submit(p, 'Provkör importen');
      const err = await p.locator('#f-fil-fel').innerText().catch(() => '');
      const invalid = await p.getByLabel('Dokumentet som fil').getAttribute('aria-invalid');
      check(res.status() === 422 && err.includes('Välj en fil att ladda upp') && invalid === 'true',
        'sent without a file, the error is at the file field', `status ${res.status()}, error "${err}", aria-invalid ${invalid}`);
      await axe(p, 'the import form with an error');
      await shot(p, 'fel');
    });

    await step('the seed uploaded with setInputFiles gives the dry-run report', async () => {
      await p.getByLabel('Typ av dokument').selectOption('plan');
      await p.getByLabel('Dokumentet som fil').setInputFiles(seed);
      const res = await submit(p, 'Provkör importen');
      const text = await mainText(p);
      const row = await p.evaluate(() => {
        const th = [...document.querySelectorAll('table.import-counts th')].find((t) => t.textContent === 'Nämndmål');
        return th ? th.nextElementSibling.textContent : '';
      });
      check(res.status() === 200 && text.includes('ingenting har sparats ännu'), 'the seed uploaded with setInputFiles gives the dry-run report',
        `status ${res.status()}: ${text.slice(0, 300)}`);
      check(text.includes(`Dokument: ${basename(seed)}`), 'the report names the uploaded file', text.slice(0, 300));
      check(row === '20', 'the report counts the plan\'s 20 nämndmål', `Nämndmål: "${row}"`);
      await axe(p, 'the dry-run report');
      await shot(p, 'provkorning');
    });

    let again = null;
    await step('confirming imports the document without a second upload', async () => {
      const form = p.locator('form[action="/importera/bekrafta"]');
      again = { csrf: await form.locator('input[name="csrf"]').inputValue(), id: await form.locator('input[name="id"]').inputValue() };
      const files = await p.locator('form[action="/importera/bekrafta"] input[type="file"]').count();
      const res = await submit(p, 'Bekräfta import');
      const text = await mainText(p);
      check(files === 0 && res.status() === 200 && text.includes('Importen är klar') && text.includes(basename(seed)),
        'confirming imports the document without a second upload', `status ${res.status()}, ${files} file fields: ${text.slice(0, 300)}`);
      await axe(p, 'the import result');
      await shot(p, 'klar');
    });

    await step('the same confirmation again finds the dry run gone', async () => {
      // the result page cannot be left by Back (no-store): post the same form again from it
      const [res] = await Promise.all([p.waitForNavigation(), p.evaluate((v) => {
        const f = document.createElement('form');
        f.method = 'post';
        f.action = '/importera/bekrafta';
        for (const [k, val] of Object.entries(v)) {
          const i = document.createElement('input');
          i.type = 'hidden';
          i.name = k;
          i.value = val;
          f.append(i);
        }
        document.body.append(f);
        f.submit();
      }, again)]);
      const h1 = await p.locator('h1').innerText();
      check(res.status() === 410 && h1 === 'Provkörningen finns inte längre', 'the same confirmation again finds the dry run gone',
        `status ${res.status()}, h1 "${h1}"`);
    });
    check(errors.length === 0, 'no script errors or CSP violations in the console', errors.join('\n'));
    await ctx.close();
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('upload tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
