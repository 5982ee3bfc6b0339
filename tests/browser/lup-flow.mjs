// lup-flow.mjs: the browser test of issue 10's scenario, as new users would do it, through the
// web forms in Debian's Chromium driven by playwright-core, with axe-core on every page the flow
// passes:
//
//   node tests/browser/lup-flow.mjs BASE_URL SCREENSHOT_DIR LUP_BINARY DATABASE
//
// tests/browser/run.sh starts a `lup serve` of its own for it on a copy of the test database
// (DATABASE) and sets LUPFLOW_USERS="sk:NAME:PASSWORD so:NAME:PASSWORD fa:NAME:PASSWORD": an
// editor of Skarpnäcks stadsdelsnämnd (sk), of Socialförvaltningen (so) and of Farsta
// stadsdelsnämnd (fa). The steps:
//  - Skarpnäck's editor starts a new version of Skarpnäck's LUP with "Skapa ny version" on the
//    district page, and in it edits section 1, renames the theme, adds a prioritised area, adds
//    two partners, an LUP goal for women (5 years) and one for men (15–20 years), each bound to
//    an indicator, and a measure with the two partners; each form's success message is checked;
//  - anonymous visitors see version 1 and none of the draft's text;
//  - the editor adopts version 2 (date, §, diarienummer); anonymous visitors see it with its
//    decision and its text;
//  - the diff page of version 1 and 2 lists exactly those changes, and so does
//    `lup plan diff lup-skarpnack 1 2 --json` on DATABASE (kinds, operations, the count);
//  - Socialförvaltningen's editor adds a contribution to the new measure; it is on Skarpnäck's
//    page with Socialförvaltningen and its role;
//  - Farsta's editor is refused (403 or 404) at each step: the new version, the section, theme,
//    area, partner, goal and measure forms, the adoption, and a contribution on behalf of
//    Socialförvaltningen;
//  - Skarpnäck's editor starts version 3 and changes section 1: anonymous visitors still see
//    version 2's text.
// Each check prints "ok - lup-flow: NAME" or "not ok - lup-flow: NAME". Exit 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { CHROMIUM, LAUNCH_ARGS, args, reporter, shooter, mainText, submit, newPage, login } from './lib.mjs';

const [base, shots, lup, db] = args('lup-flow.mjs', ['BASE_URL', 'SCREENSHOT_DIR', 'LUP_BINARY', 'DATABASE']);
const users = Object.fromEntries((process.env.LUPFLOW_USERS || '').split(/\s+/).filter(Boolean)
  .map((u) => { const [k, name, ...pw] = u.split(':'); return [k, { name, password: pw.join(':') }]; }));

const PLAN = 'lup-skarpnack';
const DISTRICT = 'skarpnack';
const SECTION = 'Skarpnäck ska vara en trygg stadsdel där barn och unga växer upp med goda förutsättningar.';
const SECTION3 = 'Version 3: inledningen skrivs om inför nästa period.';
const THEME_OLD = 'Förebyggande arbete med barn och unga';
const THEME_NEW = 'Barn och unga: förebyggande arbete';
const GOAL_W = 'Fler kvinnor i Skarpnäck har ett arbete';
const GOAL_M = 'Män i Skarpnäck har stadens genomsnittliga sysselsättning';
const MEASURE = 'Läxhjälp och studiecirklar i Bagarmossen';
const PARTNERS = [['sensus', 'Sensus', 'lead'], ['hyresgastforeningen', 'Hyresgästföreningen', 'partner']];
const INDICATOR = 'Andel förvärvsarbetande 20–64 år';
const CONTRIB = 'Fältassistenter vid läxhjälpen';
const DECISION = { date: '2026-11-20', paragraph: '47', dnr: 'SKA 2026/123' };
// the pages show the date in Swedish form
const DECISION_SV = '20 november 2026';

const { ok, nok, check, step, axe, failures } = reporter('lup-flow');
const shot = shooter(shots, 'lup-flow');
const draftBase = (n) => `${base}/plan/${PLAN}/version/${n}`;

// goto: loads path as page; returns the status.
async function goto(page, path) {
  const res = await page.goto(path.startsWith('http') ? path : `${base}${path}`);
  return res ? res.status() : 0;
}

// csrf: the session's CSRF token (the hidden field of the account page).
async function csrf(page) {
  const html = await (await page.request.get(`${base}/konto`)).text();
  const m = html.match(/name="csrf" value="([0-9a-f]+)"/);
  return m ? m[1] : '';
}

// refused: Farsta's editor gets 403 or 404 for GET path (unless postOnly) and for a POST of form
// to it, with a valid CSRF token of its own session, when form is given.
async function refused(fa, what, path, form, postOnly = false) {
  if (!postOnly) {
    const st = await goto(fa, path);
    check(st === 403 || st === 404, `Farsta's editor is refused ${what} (GET)`, `GET ${path}: ${st}`);
  }
  if (form) {
    const res = await fa.request.post(`${base}${path}`, { form: { csrf: await csrf(fa), ...form }, maxRedirects: 0 });
    check(res.status() === 403 || res.status() === 404, `Farsta's editor is refused ${what} (POST)`,
      `POST ${path}: ${res.status()}`);
  }
}

// follow: clicks the link called name (exactly) and waits for the page it leads to.
async function follow(page, name) {
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name, exact: true }).first().click()]);
}

async function loginAs(browser, key) {
  const u = users[key];
  if (!u) throw new Error(`no user ${key} in LUPFLOW_USERS`);
  const { page } = await newPage(browser);
  const path = await login(page, base, u.name, u.password);
  check(!path.startsWith('/logga-in'), `${u.name} logs in at /logga-in`, `at ${page.url()}`);
  return page;
}

async function anonymousSees(anon, what, wanted, unwanted) {
  const st = await goto(anon, `/stadsdel/${DISTRICT}`);
  check(st === 200, `anonymous visitors get the district page ${what}`, `status ${st}`);
  const text = await mainText(anon);
  for (const w of wanted) check(text.includes(w), `${what}: anonymous visitors see "${w}"`, text.slice(0, 600));
  for (const w of unwanted) check(!text.includes(w), `${what}: anonymous visitors do not see "${w}"`);
}

// The draft's work through the forms (version n), Farsta's editor refused at each form.
async function writeDraft(sk, fa, n) {
  await step('section 1 is written through its form', async () => {
    await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
    await Promise.all([sk.waitForNavigation(), sk.locator('a[href$="/avsnitt/1"]').first().click()]);
    check(new URL(sk.url()).pathname === `/plan/${PLAN}/version/${n}/avsnitt/1`, 'the district page links to section 1\'s form', sk.url());
    await axe(sk, 'the section form');
    await sk.getByLabel('Rubrik', { exact: true }).fill('Inledning');
    await sk.getByLabel('Text', { exact: true }).fill(SECTION);
    await submit(sk, 'Spara');
    check((await mainText(sk)).includes('Avsnittet är sparat.'), 'the section form says the section is saved');
    await axe(sk, 'the saved section form');
    await shot(sk, 'section');
  });
  await step('Farsta\'s editor is refused the section form', () =>
    refused(fa, 'the section form', `/plan/${PLAN}/version/${n}/avsnitt/1`, { rubrik: 'x', text: 'x' }));

  let themePath;
  await step('the theme is renamed through its form', async () => {
    await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
    await follow(sk, 'Ändra teman');
    await axe(sk, 'the themes page');
    await follow(sk, THEME_OLD);
    themePath = new URL(sk.url()).pathname;
    await axe(sk, 'the theme form');
    await sk.getByLabel('Namn', { exact: true }).fill(THEME_NEW);
    await submit(sk, 'Spara');
    const text = await mainText(sk);
    check(text.includes('Ändringarna är sparade.'), 'the theme form says the change is saved', text.slice(0, 400));
    check(await sk.getByLabel('Namn', { exact: true }).inputValue() === THEME_NEW, 'the theme has its new name');
    await shot(sk, 'theme');
  });
  await step('Farsta\'s editor is refused the theme forms', async () => {
    await refused(fa, 'the themes page', `/plan/${PLAN}/version/${n}/teman`, { namn: 'x' });
    if (themePath) await refused(fa, 'the theme form', themePath, { namn: 'x' });
  });

  await step('a prioritised area is added through the areas form', async () => {
    await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
    await follow(sk, 'Ändra prioriterade områden');
    await axe(sk, 'the areas form');
    const box = sk.locator('input[type=checkbox][name=omrade]:not(:checked)').first();
    const id = await box.getAttribute('id');
    const label = (await sk.locator(`label[for="${id}"]`).innerText()).replace(/ \(.*$/, '');
    await box.check();
    await submit(sk, 'Spara');
    check((await mainText(sk)).includes('Ändringarna är sparade.'), 'the areas form says the change is saved');
    check(await sk.locator(`#${id}`).isChecked(), `the area ${label} is prioritised`);
    writeDraft.area = label;
    await shot(sk, 'areas');
  });
  await step('Farsta\'s editor is refused the areas form', () =>
    refused(fa, 'the areas form', `/plan/${PLAN}/version/${n}/omraden`, { omfattning: 'all' }));

  await step('two partners are added through the partners form', async () => {
    await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
    await follow(sk, 'Ändra samverkansparter');
    await axe(sk, 'the partners page');
    for (const [key, name] of PARTNERS) {
      await sk.getByLabel('Organisation i registret').selectOption(key);
      await sk.getByLabel('Namn', { exact: true }).last().fill(name);
      await submit(sk, 'Lägg till parten');
      check((await mainText(sk)).includes('Parten är tillagd.'), `the partners form says ${name} is added`);
    }
    await axe(sk, 'the partners page with the new partners');
    await shot(sk, 'partners');
  });
  await step('Farsta\'s editor is refused the partners form', () =>
    refused(fa, 'the partners form', `/plan/${PLAN}/version/${n}/parter`, { org: 'sensus' }));

  await step('two LUP goals (women, 5 years; men, 15–20 years) are added with an indicator', async () => {
    await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
    await follow(sk, 'Ändra målsättningar');
    await axe(sk, 'the goals page');
    const goals = [[GOAL_W, 'Kvinnor', '5 år', '2030', '62', '70'], [GOAL_M, 'Män', '15–20 år: stadens genomsnitt', '2042', '68', '']];
    for (const [title, sex, horizon, year, baseline, target] of goals) {
      await sk.getByLabel('Mål', { exact: true }).fill(title);
      await sk.getByLabel('Tema', { exact: true }).selectOption({ label: THEME_NEW });
      await sk.getByLabel('Kön', { exact: true }).selectOption({ label: sex });
      await sk.getByLabel('Tidshorisont').selectOption({ label: horizon });
      await sk.getByLabel('Målår').fill(year);
      await sk.getByLabel('Utgångsläge: värde').fill(baseline);
      await sk.getByLabel('Utgångsläge: år').fill('2025');
      await sk.getByLabel('Målvärde', { exact: true }).fill(target);
      await sk.getByLabel('Riktning', { exact: true }).first().selectOption({ label: 'Ökande (högre är målet)' });
      const ind = sk.getByLabel('Indikator', { exact: true });
      if (title === GOAL_W) {   // a new indicator, described in the form
        await ind.selectOption({ label: 'Ny indikator (beskriv den nedan)' });
        const fs = sk.getByRole('group', { name: 'Ny indikator' });
        await fs.getByLabel('Namn', { exact: true }).fill(INDICATOR);
        await fs.getByLabel('Enhet', { exact: true }).fill('%');
      } else {                  // the same indicator, now in the list
        await ind.selectOption({ label: `${INDICATOR} (%)` });
      }
      await submit(sk, 'Lägg till målet');
      const text = await mainText(sk);
      check(text.includes('Målet är tillagt.'), `the goals form says "${title}" is added`, text.slice(0, 600));
      const row = sk.locator('tr', { hasText: title });
      const cells = await row.innerText().catch(() => '');
      check(cells.includes(sex) && cells.includes(year) && cells.includes(THEME_NEW),
        `the goal "${title}" is listed with its sex, horizon and theme`, cells);
      check(cells.includes(INDICATOR), `the goal "${title}" is bound to the indicator`, cells);
    }
    await axe(sk, 'the goals page with the new goals');
    await shot(sk, 'goals');
  });
  await step('Farsta\'s editor is refused the goals form', () =>
    refused(fa, 'the goals form', `/plan/${PLAN}/version/${n}/mal`, { titel: 'x' }));

  await step('a measure with two partners is added', async () => {
    await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
    await follow(sk, 'Ändra åtgärder');
    await axe(sk, 'the measures page');
    await sk.getByLabel('Titel', { exact: true }).fill(MEASURE);
    await sk.getByLabel('Beskrivning', { exact: true }).fill('Varje tisdag i biblioteket.');
    await sk.getByLabel('Start', { exact: true }).fill('2027-01');
    for (let i = 0; i < PARTNERS.length; i++) {
      await sk.getByLabel(`Part ${i + 1}`, { exact: true }).selectOption(`org:${PARTNERS[i][0]}`);
      await sk.getByLabel(`Roll för part ${i + 1}`, { exact: true }).selectOption(PARTNERS[i][2]);
    }
    await submit(sk, 'Lägg till åtgärden');
    const text = await mainText(sk);
    check(text.includes('Åtgärden är tillagd.'), 'the measures form says the measure is added', text.slice(0, 600));
    check(text.includes(MEASURE), 'the measure is listed');
    await axe(sk, 'the measures page with the new measure');
    await shot(sk, 'measure');
  });
  await step('Farsta\'s editor is refused the measures form', () =>
    refused(fa, 'the measures form', `/plan/${PLAN}/version/${n}/atgarder`, { titel: 'x' }));

  await step('the draft shows what was written', async () => {
    await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
    const text = await mainText(sk);
    for (const w of [SECTION, THEME_NEW, writeDraft.area, GOAL_W, GOAL_M, MEASURE, 'Sensus', 'Hyresgästföreningen'])
      check(text.includes(w), `the draft on the district page shows "${w}"`);
    await axe(sk, 'the district page with the draft');
    await shot(sk, 'draft');
  });
}

// diffCheck: the diff page of versions 1 and 2, and `lup plan diff --json` on the database.
async function diffCheck(anon) {
  const want = [['section', 'added', 1], ['theme', 'changed', THEME_NEW], ['area', 'added', null],
    ['partner', 'added', 'Sensus'], ['partner', 'added', 'Hyresgästföreningen'],
    ['goal', 'added', GOAL_W], ['goal', 'added', GOAL_M], ['measure', 'added', MEASURE]];
  await step('the diff page lists exactly the changes', async () => {
    const st = await goto(anon, `/plan/${PLAN}/jamfor?fran=1&till=2`);
    check(st === 200, 'anonymous visitors get the diff page of versions 1 and 2', `status ${st}`);
    const items = await anon.locator('li.diff-added, li.diff-changed, li.diff-removed').allInnerTexts();
    check(items.length === want.length, `the diff page lists ${want.length} changes`, items.join('\n'));
    const text = await mainText(anon);
    // the area is named by its key there (the diff's identity of an area)
    const areaKey = writeDraft.area.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');
    check(text.includes(writeDraft.area) || text.includes(areaKey), `the diff page names the area ${writeDraft.area}`);
    for (const w of [SECTION, THEME_OLD, THEME_NEW, 'Sensus', 'Hyresgästföreningen', GOAL_W, GOAL_M, MEASURE])
      check(text.includes(w), `the diff page names "${w}"`);
    check(await anon.locator('li.diff-removed').count() === 0, 'the diff page lists nothing removed');
    check(text.includes(`§ ${DECISION.paragraph}`) && text.includes(DECISION.dnr), 'the diff page names version 2\'s decision');
    await axe(anon, 'the diff page');
    await shot(anon, 'diff');
  });
  await step('lup plan diff --json agrees', () => {
    const out = execFileSync(lup, ['--db', db, 'plan', 'diff', PLAN, '1', '2', '--json'], { encoding: 'utf8' });
    const changes = JSON.parse(out).changes;
    const got = changes.map((c) => `${c.kind} ${c.op}`).sort();
    const exp = want.map(([k, o]) => `${k} ${o}`).sort();
    check(JSON.stringify(got) === JSON.stringify(exp), `lup plan diff lists ${want.length} changes of the expected kinds and operations`,
      `got:\n${changes.map((c) => `${c.kind} ${c.op} ${c.id} ${c.name}`).join('\n')}\nexpected:\n${exp.join('\n')}`);
    for (const [kind, op, name] of want) {
      if (name === null) continue;
      const hit = changes.find((c) => c.kind === kind && c.op === op && (c.name === name || c.id === name ||
        (typeof c.name === 'object' && c.name && c.name.after === name)));
      check(hit, `lup plan diff: ${kind} ${op} ${name}`, JSON.stringify(changes.filter((c) => c.kind === kind)));
    }
    const theme = changes.find((c) => c.kind === 'theme');
    check(theme && JSON.stringify(theme.fields || []).includes('"name"'), 'lup plan diff: the theme changed its name only',
      JSON.stringify(theme));
  });
}

async function main() {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const sk = await step('Skarpnäck\'s editor logs in', () => loginAs(browser, 'sk'));
    const so = await step('Socialförvaltningen\'s editor logs in', () => loginAs(browser, 'so'));
    const fa = await step('Farsta\'s editor logs in', () => loginAs(browser, 'fa'));
    const { page: anon } = await newPage(browser);
    if (!sk || !so || !fa) return;

    await step('the district page starts with version 1', () => anonymousSees(anon, 'before the new version',
      ['Version 1: Antagen', THEME_OLD], [SECTION, THEME_NEW]));

    await step('Farsta\'s editor cannot start a version of Skarpnäck\'s LUP', async () => {
      await goto(fa, `/stadsdel/${DISTRICT}`);
      check(await fa.getByRole('button', { name: 'Skapa ny version' }).count() === 0,
        'Farsta\'s editor gets no "Skapa ny version" button on Skarpnäck\'s page');
      await refused(fa, 'a new version', `/stadsdel/${DISTRICT}/ny-version`, {}, true);
    });

    const started = await step('Skarpnäck\'s editor starts version 2', async () => {
      await goto(sk, `/stadsdel/${DISTRICT}`);
      await axe(sk, 'the district page with the new-version form');
      await submit(sk, 'Skapa ny version');
      const url = new URL(sk.url());
      check(url.searchParams.get('version') === 'utkast', '"Skapa ny version" leads to the draft', sk.url());
      const text = await mainText(sk);
      check(text.includes('En ny version är skapad som utkast.'), 'the district page says the new version is made');
      check(text.includes('Version 2: Utkast'), 'the district page shows version 2, a draft', text.slice(0, 600));
      await axe(sk, 'the district page after the new version');
      await shot(sk, 'new-version');
      return true;
    });
    if (!started) return;
    await step('Farsta\'s editor cannot read the draft', async () => {
      const st = await goto(fa, `/stadsdel/${DISTRICT}?version=utkast`);
      check(st === 404, 'Farsta\'s editor gets 404 for the draft', `status ${st}`);
    });

    await writeDraft(sk, fa, 2);

    await step('anonymous visitors see version 1 and none of the draft', () => anonymousSees(anon, 'before the adoption',
      ['Version 1: Antagen', THEME_OLD], [SECTION, THEME_NEW, GOAL_W, GOAL_M, MEASURE, 'Version 2']));
    await step('anonymous visitors cannot read the draft', async () => {
      check(await goto(anon, `/stadsdel/${DISTRICT}?version=utkast`) === 404, 'the draft is 404 for anonymous visitors');
    });

    await step('Farsta\'s editor is refused the adoption', () => refused(fa, 'the adoption',
      `/stadsdel/${DISTRICT}/anta?version=2`, { datum: DECISION.date, paragraf: DECISION.paragraph, dnr: DECISION.dnr }));

    await step('Skarpnäck\'s editor adopts version 2', async () => {
      await goto(sk, `/stadsdel/${DISTRICT}?version=utkast`);
      await follow(sk, 'Anta versionen');
      await axe(sk, 'the adoption form');
      await sk.getByLabel('Datum för beslutet').fill(DECISION.date);
      await sk.getByLabel('Paragraf (§)').fill(DECISION.paragraph);
      await sk.getByLabel('Diarienummer').fill(DECISION.dnr);
      await submit(sk, 'Anta versionen');
      const text = await mainText(sk);
      check(text.includes('Versionen är antagen.'), 'the district page says the version is adopted', text.slice(0, 400));
      check(text.includes(`Version 2: Antagen ${DECISION_SV}, § ${DECISION.paragraph}, dnr ${DECISION.dnr}`),
        'the district page shows version 2 with its decision', text.slice(0, 600));
      await axe(sk, 'the district page after the adoption');
      await shot(sk, 'adopted');
    });

    await step('anonymous visitors see version 2 with its decision', () => anonymousSees(anon, 'after the adoption',
      [`Version 2: Antagen ${DECISION_SV}, § ${DECISION.paragraph}, dnr ${DECISION.dnr}`, SECTION, THEME_NEW,
        GOAL_W, GOAL_M, MEASURE], ['Version 1: Antagen']));
    await shot(anon, 'anonymous-v2');

    await diffCheck(anon);

    await step('Farsta\'s editor cannot add a contribution for Socialförvaltningen', async () => {
      await refused(fa, 'the contribution form', `/stadsdel/${DISTRICT}/bidrag/nytt`,
        { organisation: 'socialforvaltningen', roll: 'support', namn: 'x', stadsdelar: DISTRICT });
    });

    await step('Socialförvaltningen\'s editor adds a contribution to the new measure', async () => {
      const st = await goto(so, `/stadsdel/${DISTRICT}/bidrag/nytt`);
      check(st === 200, 'Socialförvaltningen\'s editor gets the contribution form', `status ${st}`);
      await axe(so, 'the contribution form');
      await so.getByLabel('Bidrar till').selectOption({ label: `Åtgärd: ${MEASURE}` });
      await so.getByLabel('Organisationens roll').selectOption({ label: 'Stöd' });
      await so.getByLabel('Rubrik', { exact: true }).fill(CONTRIB);
      await so.getByLabel('Start', { exact: true }).fill('2027-02');
      await submit(so, 'Spara bidraget');
      check(new URL(so.url()).pathname === `/stadsdel/${DISTRICT}`, 'the form leads back to Skarpnäck\'s page', so.url());
      await shot(so, 'contribution');
    });
    await step('the contribution is on Skarpnäck\'s page for everyone', async () => {
      await goto(anon, `/stadsdel/${DISTRICT}`);
      const section = await anon.locator('#bidrag').locator('xpath=..').innerText();
      check(section.includes('Socialförvaltningen') && section.includes(CONTRIB) && section.includes('stöd'),
        'the contributions show Socialförvaltningen, its role and the contribution', section.slice(0, 800));
      const row = await anon.locator('tr', { hasText: MEASURE }).first().innerText();
      check(row.includes('Socialförvaltningen') && row.includes(CONTRIB), 'the measure names the contribution', row);
      await axe(anon, 'the district page with the contribution');
      await shot(anon, 'contribution-public');
    });

    await step('Skarpnäck\'s editor starts version 3 and changes section 1', async () => {
      await goto(sk, `/stadsdel/${DISTRICT}`);
      await submit(sk, 'Skapa ny version');
      check((await mainText(sk)).includes('Version 3: Utkast'), 'version 3 is a draft');
      await Promise.all([sk.waitForNavigation(), sk.locator('a[href$="/avsnitt/1"]').first().click()]);
      await sk.getByLabel('Text', { exact: true }).fill(SECTION3);
      await submit(sk, 'Spara');
      check((await mainText(sk)).includes('Avsnittet är sparat.'), 'version 3\'s section is saved');
    });
    await step('Farsta\'s editor cannot start another version either', async () => {
      await refused(fa, 'a new version while there is a draft', `/stadsdel/${DISTRICT}/ny-version`, {}, true);
    });
    await step('anonymous visitors still see version 2', () => anonymousSees(anon, 'with version 3 as a draft',
      [`Version 2: Antagen ${DECISION_SV}`, SECTION], [SECTION3, 'Version 3']));
  } finally {
    await browser.close();
  }
}

try {
  await main();
} catch (e) {
  nok('lup-flow tests ran to the end', e && e.stack ? e.stack : e);
}
if (!failures()) ok('the LUP flow ran without a failure');
process.exit(failures() ? 1 : 0);
