#!/bin/sh
# t5800: the city overview as a table and the commission as a document (docs/exports.md):
#   `lup export xlsx|csv city [--year Y]` (no KEY): a row per indicator the city page offers
#   and district, with the district's value, the city average, the gap and Exempeldata, read
#   back with openpyxl and csv and compared with sqlite3; the file named "Staden YEAR".
#   `lup export docx commission` (no KEY): every recommendation and measure of seed 002 as a
#   heading, in order, with a table of the administrations' stances equal to the database's,
#   the response's text excerpt; two runs identical; GET /kommissionen/kommissionen.docx and
#   the "Ladda ned" menu on /kommissionen.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
PY=/usr/bin/python3
C="$TMP/c"
mkdir -p "$C"

L init >/dev/null
L demo "$ROOT/data/stockholm" >/dev/null || nok "the demo dataset loads"
L import commission "$SEEDS"/002_*.txt >/dev/null || nok "the commission's responses load"

# --- the city table
expect_exit "export xlsx city" 0 L export xlsx city -o "$C/city.xlsx"
expect_exit "export csv city" 0 L export csv city -o "$C/city.csv"
expect_exit "export xlsx city --year 2021" 0 L export xlsx city --year 2021 -o "$C/city21.xlsx"
expect_exit "export csv city --year 2021 --dialect comma" 0 L export csv city --year 2021 --dialect comma -o "$C/city21.csv"
expect_exit "export csv city with a KEY" 2 L export csv city stockholm -o "$C/x.csv"
expect_err "says it takes no KEY" "takes no KEY"
expect_exit "a year without outcomes" 1 L export csv city --year 1990 -o "$C/x.csv"
sleep 2	# zip times are in 2-second steps: a time from the clock would differ
L export xlsx city -o "$C/city-2.xlsx"
L export csv city -o "$C/city-2.csv"
cmp -s "$C/city.xlsx" "$C/city-2.xlsx" && ok "two XLSX runs are identical" || nok "two XLSX runs differ"
cmp -s "$C/city.csv" "$C/city-2.csv" && ok "two CSV runs are identical" || nok "two CSV runs differ"

cat > "$TMP/city.py" <<'EOF2'
import csv, sqlite3, sys, openpyxl
C, dbpath = sys.argv[1:3]
db = sqlite3.connect(dbpath)
out = []
def check(name, cond):
    out.append(("ok - " if cond else "not ok - ") + name)
def expected(year):
    """(indicator key, district key) -> (value, city, example) from the database"""
    rows = db.execute("""SELECT i.key, a.key, a.level, x.value, x.example FROM outcome x
        JOIN period pe ON pe.id = x.period_id JOIN area a ON a.id = x.area_id JOIN indicator i ON i.id = x.indicator_id
        WHERE pe.year = ? AND pe.kind = 'FY' AND x.sex = 'T' AND a.level IN ('municipality','district')""", (year,)).fetchall()
    inds = sorted({r[0] for r in rows if r[2] == 'district' and r[3] is not None})	# what the city page offers
    dists = [r[0] for r in db.execute("SELECT key FROM area WHERE level = 'district'")]
    city = {r[0]: r[3] for r in rows if r[2] == 'municipality'}
    ex = {}
    for r in rows:
        if r[0] in inds and r[3] is not None:
            ex[r[0]] = ex.get(r[0], 0) | r[4]
    val = {(r[0], r[1]): r[3] for r in rows if r[2] == 'district'}
    return {(i, d): (val.get((i, d)), city.get(i), ex[i]) for i in inds for d in dists}
newest = db.execute("""SELECT max(pe.year) FROM outcome x JOIN period pe ON pe.id = x.period_id
    JOIN area a ON a.id = x.area_id WHERE pe.kind = 'FY' AND a.level = 'district'""").fetchone()[0]
def num(s, comma):
    return None if s == '' else float(s.replace(',', '.') if comma else s)
for fn, year, comma in (("city.csv", newest, True), ("city21.csv", 2021, False)):
    exp = expected(year)
    with open(f"{C}/{fn}", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=';' if comma else ','))
    head = rows[0]
    check(f"{fn}: the header", head == ["Indikator", "Indikatorns namn", "Enhet", "År", "Stadsdelsområde",
        "Stadsdelsområdets namn", "Värde", "Stadens snitt", "Skillnad mot staden", "Exempeldata"])
    got = {}
    bad = []
    for r in rows[1:]:
        v, c, g = num(r[6], comma), num(r[7], comma), num(r[8], comma)
        got[(r[0], r[4])] = (v, c, 1 if r[9] == 'ja' else 0)
        if r[3] != str(year): bad.append(("year", r))
        if v is not None and c is not None and abs(g - (v - c)) > 1e-6: bad.append(("gap", r))
        if (v is None or c is None) and g is not None: bad.append(("gap without values", r))
    check(f"{fn}: {len(exp)} rows, one per indicator and district (got {len(got)}, {len(rows) - 1} lines)",
          len(exp) > 20 and len(got) == len(exp) == len(rows) - 1)
    diff = [k for k in exp if k not in got or any(
        (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9) for a, b in zip(exp[k], got[k]))]
    check(f"{fn}: values, city averages and example flags equal the database ({diff[:3]})", not diff)
    check(f"{fn}: gaps are value minus city average ({bad[:2]})", not bad)
# the workbook: the same rows as the CSV, numbers as number cells, the title
wb = openpyxl.load_workbook(f"{C}/city.xlsx")
ws = wb.worksheets[0]
check("xlsx: the sheet is named Staden", ws.title == "Staden")
check(f"xlsx: the title is Staden {newest}", wb.properties.title == f"Staden {newest}")
with open(f"{C}/city.csv", encoding="utf-8-sig", newline="") as f:
    crow = list(csv.reader(f, delimiter=';'))
xrows = list(ws.iter_rows(values_only=True))
check("xlsx: as many rows as the CSV", len(xrows) == len(crow))
okv = all((x[6] is None and c[6] == '') or (isinstance(x[6], float) or isinstance(x[6], int)) and abs(x[6] - float(c[6].replace(',', '.'))) < 1e-9
          for x, c in zip(xrows[1:], crow[1:]))
check("xlsx: values are number cells equal to the CSV's", okv)
check("xlsx: the header row is bold", ws.cell(1, 1).font.b)
print("\n".join(out))
EOF2
$PY "$TMP/city.py" "$C" "$(db_file "$DB")" > "$TMP/res" 2>&1 || { nok "city.py runs"; cat "$TMP/res" >&2; }
cat "$TMP/res"; grep -q '^not ok' "$TMP/res" && failed=1

# --- the commission document
expect_exit "export docx commission" 0 L export docx commission -o "$C/k.docx"
expect_exit "export docx commission with a KEY" 2 L export docx commission x -o "$C/x.docx"
sleep 2
L export docx commission -o "$C/k-2.docx"
cmp -s "$C/k.docx" "$C/k-2.docx" && ok "two DOCX runs are identical" || nok "two DOCX runs differ"

cat > "$TMP/kom.py" <<'EOF2'
import re, sqlite3, sys, docx
from docx.table import Table
from docx.text.paragraph import Paragraph
path, dbpath, seed = sys.argv[1:4]
db = sqlite3.connect(dbpath)
out = []
def check(name, cond):
    out.append(("ok - " if cond else "not ok - ") + name)
d = docx.Document(path)
words = {"agree": "Instämmer", "positive": "Positiv", "hesitant": "Tveksam", "disagree": "Avvisar", "none": "Ingen ställning"}
heads, tables = [], []	# (level, text); (report heading, measure heading, rows)
h1 = h3 = None
for el in d.element.body.iterchildren():
    if el.tag.endswith('}p'):
        p = Paragraph(el, d)
        m = re.match(r'Heading (\d)', p.style.name)
        if m:
            heads.append((int(m.group(1)), p.text))
            if m.group(1) == '1': h1 = p.text
            if m.group(1) == '3': h3 = p.text
    elif el.tag.endswith('}tbl'):
        t = Table(el, d)
        tables.append((h1, h3, [[c.text for c in r.cells] for r in t.rows]))
text = "\n".join(t for _, t in heads)
# every measure and recommendation of the seed (as the database holds them after the import)
reps = db.execute("SELECT id, title, year FROM commission_report").fetchall()
ms = db.execute("SELECT m.report_id, m.number, m.text, r.number, r.text FROM commission_measure m LEFT JOIN recommendation r ON r.id = m.recommendation_id").fetchall()
check(f"the seed gave measures ({len(ms)})", len(ms) >= 10)
miss = [m[1] for m in ms if ("Åtgärd %s: %s" % (m[1], m[2]) if m[2] else "Åtgärd %s" % m[1]) not in [t for l, t in heads if l == 3]]
check(f"every measure is a level-3 heading with its text ({miss[:5]})", not miss)
recs = {(m[3], m[4]) for m in ms if m[3]}
missr = [r for r in recs if ("Rekommendation %s: %s" % r if r[1] else "Rekommendation %s" % r[0]) not in [t for l, t in heads if l == 2]]
check(f"every recommendation is a level-2 heading ({len(recs)}, missing {missr[:3]})", recs and not missr)
seedm = re.findall(r'^(\d+\.\d+(?:\.\d+)*) Åtgärd:', open(seed, encoding='utf-8').read(), re.M)
nums = {m[1] for m in ms}
check(f"the seed's measure numbers ({len(set(seedm))}) are all in the document", seedm and set(seedm) <= nums
      and all(any(t.startswith("Åtgärd %s" % n) for l, t in heads) for n in seedm))
# headings in order: a report (level 1), then its recommendations, each followed by its measures in number order
key = lambda n: [int(x) for x in re.findall(r'\d+', n)]
order_ok, last, lv = True, None, 0
for l, t in heads:
    if l - lv > 1: order_ok = False
    lv = l
    if l == 1: last = None
    if l == 3:
        n = t.split()[1].rstrip(':')
        if last is not None and key(n) <= key(last): order_ok = False
        last = n
check("headings nest 1 > 2 > 3 and measures run in number order", order_ok and heads and heads[0][0] == 1)
titles = [("%s (%d)" % (r[1], r[2]) if r[2] else r[1]) for r in sorted(reps, key=lambda r: r[1])]
check("a level-1 heading per report, by title", [t for l, t in heads if l == 1] == titles)
# each measure's table: the administrations' stances as in the database, the excerpts from the responses
bad, n = [], 0
for rh, mh, rows in tables:
    if not mh: continue
    num = mh.split()[1].rstrip(':')
    rid = [r[0] for r in reps if ("%s (%d)" % (r[1], r[2]) if r[2] else r[1]) == rh][0]
    exp = sorted((o, "Inget svar" if nr else words[s]) for o, nr, s in db.execute(
        """SELECT o.name, r.no_response, r.stance FROM response r JOIN commission_measure m ON m.id = r.measure_id
           JOIN organisation o ON o.id = r.org_id WHERE m.report_id = ? AND m.number = ?""", (rid, num)))
    got = sorted((r[0], r[1]) for r in rows[1:])
    if rows[0] != ["Förvaltning", "Ställningstagande", "Svar (utdrag)"] or got != exp: bad.append((num, got[:2], exp[:2]))
    for r in rows[1:]:
        full = db.execute("""SELECT group_concat(p.text, ' ') FROM (SELECT p.text FROM response_part p JOIN response x ON x.id = p.response_id
           JOIN commission_measure m ON m.id = x.measure_id JOIN organisation o ON o.id = x.org_id
           WHERE m.report_id = ? AND m.number = ? AND o.name = ? ORDER BY p.ord) p""", (rid, num, r[0])).fetchone()[0] or ""
        ex = r[2]
        if ex.endswith("…"): ex = ex[:-1]
        if not full.startswith(ex) or (full and not ex): bad.append((num, r[0], "excerpt"))
        n += 1
check(f"every measure's table holds the database's stances and excerpts ({n} answers; {bad[:3]})", n > 20 and not bad)
check("an excerpt is cut with …", any(r[2].endswith("…") for _, _, rows in tables for r in rows[1:]))
check("stances in Swedish words", any(r[1] == "Instämmer" for _, _, rows in tables for r in rows[1:]))
print("\n".join(out))
EOF2
$PY "$TMP/kom.py" "$C/k.docx" "$(db_file "$DB")" "$(ls "$SEEDS"/002_*.txt)" > "$TMP/res" 2>&1 || { nok "kom.py runs"; cat "$TMP/res" >&2; }
cat "$TMP/res"; grep -q '^not ok' "$TMP/res" && failed=1

# the PDF row converts the same document (LibreOffice; t5400 covers the conversion itself)
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
	expect_exit "export pdf commission" 0 L export pdf commission -o "$C/k.pdf"
	pdftotext "$C/k.pdf" - 2>/dev/null | grep -q "Förvaltningarnas svar på åtgärd 1.1" &&
		ok "the PDF holds the measures' tables" || nok "the PDF lacks the measures' tables"
else
	ok "# skip: no soffice/pdftotext for the PDF row"
fi

# --- on the web: the download and the menu
serve "$DB"
page "GET /kommissionen/kommissionen.docx" 200 GET /kommissionen/kommissionen.docx -
cmp -s "$TMP/body" "$C/k.docx" && ok "the web's document is the CLI's" || nok "the web's document differs from the CLI's"
grep -qi 'filename.*Kommissionen.docx' "$TMP/headers" && ok "named Kommissionen.docx" || nok "no file name Kommissionen.docx"
page "GET /kommissionen/kommissionen.xlsx: no such download" 404 GET /kommissionen/kommissionen.xlsx -
page "GET /kommissionen" 200 GET /kommissionen -
has "the page has the Ladda ned menu" "Ladda ned"
has "... with the Word link" 'href="/kommissionen/kommissionen.docx"'
hasnt "... and no link for a table without a web name" "(null)"
finish
