// downloads.mjs: the "Ladda ned" menus as a visitor uses them, in Debian's Chromium driven by
// playwright-core: on the district page the menu opens and its Word link downloads the LUP
// (named after the document, a zip: "PK") and its PDF link the PDF; on the organisation page the Excel and CSV links
// download the indicators (a zip; CSV with the BOM and the header row) and its Word link the
// verksamhetsplan of the year (a zip: "PK").
//
//   node tests/browser/downloads.mjs BASE_URL SAVE_DIR
//
// tests/browser/run.sh runs it against the server of the demo database (it only reads).
// Each check prints "ok - downloads: NAME" or "not ok - downloads: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, newPage } from './lib.mjs';

// src/doc/pdf.h's PDF_TIMEOUT, the server's limit for a conversion
const PDF_TIMEOUT_MS = 120000;
const [base, dir] = args('downloads.mjs', ['BASE_URL', 'SAVE_DIR']);
const { check, step, nok, failures } = reporter('downloads');

// fetchVia: clicks the menu's link named label on page and saves what it downloads, waiting for
// it up to timeout ms (the page's 15 s by default); returns { name, bytes }.
async function fetchVia(page, label, timeout) {
  // a page may have more than one menu (the district page: its LUP, its indicators): the one
  // that offers label
  const menu = page.locator('details.download', { has: page.locator('a', { hasText: label }) }).first();
  await menu.locator('summary').click();
  const link = menu.locator('a', { hasText: label });
  check(await link.isVisible(), `the menu shows "${label}" once opened`);
  const [dl] = await Promise.all([page.waitForEvent('download', timeout ? { timeout } : {}), link.click()]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return { name: dl.suggestedFilename(), bytes: readFileSync(path), size: statSync(path).size };
}

async function main() {
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const { page } = await newPage(browser);
    await step('the district page downloads its LUP as Word', async () => {
      await page.goto(`${base}/stadsdel/rinkeby-kista`);
      const f = await fetchVia(page, 'Word');
      check(f.name === 'LUP Rinkeby-Kista 2016-2021 version 1.docx', 'the file is named after the document', f.name);
      check(f.size > 5000 && f.bytes.subarray(0, 2).toString() === 'PK', 'it is a zip of some size', `${f.size} bytes`);
      await page.goto(`${base}/stadsdel/rinkeby-kista`);
      // (the server converts the DOCX with LibreOffice, which it allows PDF_TIMEOUT, 120 s:
      // 10 to 20 s on a loaded machine, more than the page's 15 s)
      const p = await fetchVia(page, 'PDF (.pdf)', PDF_TIMEOUT_MS);
      check(p.name === 'LUP Rinkeby-Kista 2016-2021 version 1.pdf', 'the PDF is named after the document', p.name);
      check(p.size > 5000 && p.bytes.subarray(0, 5).toString() === '%PDF-', 'it is a PDF of some size', `${p.size} bytes`);
    });
    await step('the organisation page downloads its indicators', async () => {
      await page.goto(`${base}/organisation/spanga-tensta-stadsdelsnamnd?ar=2022`);
      const x = await fetchVia(page, 'Excel');
      check(x.name === 'Indikatorer Spånga-Tensta stadsdelsnämnd 2022.xlsx', 'the workbook is named with å and ä', x.name);
      check(x.size > 5000 && x.bytes.subarray(0, 2).toString() === 'PK', 'the workbook is a zip', `${x.size} bytes`);
      await page.goto(`${base}/organisation/spanga-tensta-stadsdelsnamnd?ar=2022`);
      const c = await fetchVia(page, 'CSV');
      const text = c.bytes.toString('utf8');
      check(text.startsWith('\ufeffIndikator;'), 'the CSV starts with the BOM and its header', text.slice(0, 20));
    });
    await step('the organisation page downloads its verksamhetsplan as Word', async () => {
      await page.goto(`${base}/organisation/spanga-tensta-stadsdelsnamnd?ar=2022`);
      const w = await fetchVia(page, 'Word');
      check(w.name === 'Verksamhetsplan Spånga-Tensta stadsdelsnämnd 2022.docx', 'the document is named with å and ä', w.name);
      check(w.size > 5000 && w.bytes.subarray(0, 2).toString() === 'PK', 'the document is a zip', `${w.size} bytes`);
    });
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('downloads tests ran to the end', e && e.stack ? e.stack : e);
}
process.exit(failures() ? 1 : 0);
