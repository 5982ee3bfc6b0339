#!/bin/sh
# t5310: the city-wide tables (docs/exports.md): `lup export xlsx|csv KIND [--year Y]` for
# districts-themes, orgs-districts, activities, commission, allocations and audit, without KEY.
# Each XLSX read back with openpyxl (the header bold, frozen and filtered; numbers as number
# cells equal to the database's counts and sums; dates and times as date cells; the example
# column), each CSV with python's csv module (the same rows and sums, Swedish characters),
# two runs byte-identical, and the usage errors of a KIND without KEY.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
PY=/usr/bin/python3
C="$TMP/c"
mkdir -p "$C"
KINDS="districts-themes orgs-districts activities commission allocations audit"

L init >/dev/null
L demo "$ROOT/data/stockholm" >/dev/null || nok "the demo dataset loads"
# the demo's example allocations (load/example-alloc.c, checked in t0130) out of the way: this
# test counts the rows it records itself
sqlite3 "$DB" "DELETE FROM resource_allocation WHERE example = 1"
L import commission "$SEEDS"/002_*.txt >/dev/null || nok "the commission's responses load"
# resource allocations (schema 0025: one row per kind in its unit): real ones and example data, a
# note with Swedish characters and one with ';' and a quote
Q "INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note, example)
 SELECT o.id, a.id, 2022, 'money', 1250.5, 'tkr', 'Läxhjälp för årskurs 7–9 (åäö ÅÄÖ)', 0
 FROM organisation o, area a WHERE o.key = 'socialforvaltningen' AND a.key = 'spanga-tensta';
 INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note, example)
 SELECT o.id, a.id, 2022, 'staff', 2.5, 'årsarbetare', 'Läxhjälp för årskurs 7–9 (åäö ÅÄÖ)', 0
 FROM organisation o, area a WHERE o.key = 'socialforvaltningen' AND a.key = 'spanga-tensta';
 INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note, example)
 SELECT o.id, a.id, 2022, 'money', 300, 'tkr', 'Trygghet; \"vandringar\"', 1
 FROM organisation o, area a WHERE o.key = 'socialforvaltningen' AND a.key = 'rinkeby-kista';
 INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note, example)
 SELECT o.id, a.id, 2023, 'staff', 1, 'årsarbetare', 'Fältassistenter', 0
 FROM organisation o, area a WHERE o.key = 'socialforvaltningen' AND a.key = 'farsta'"
# an audited change through the API: an update of a goal's description and number
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
TOK=$(L token create admin 2>/dev/null)
serve "$DB"
req "a goal is changed through the API" 200 PATCH /api/v1/goals/vp-2022-spanga-tensta-nm-02 \
	'{"description":"Ny beskrivning åäö","number":"9"}' "$TOK"
kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null

# --- every table as XLSX and CSV, twice
for k in $KINDS; do
	expect_exit "export xlsx $k" 0 L export xlsx $k -o "$C/$k.xlsx"
	expect_exit "export csv $k" 0 L export csv $k -o "$C/$k.csv"
done
expect_exit "export xlsx activities --year 2022" 0 L export xlsx activities --year 2022 -o "$C/act22.xlsx"
expect_exit "export xlsx orgs-districts --year 2022" 0 L export xlsx orgs-districts --year 2022 -o "$C/od22.xlsx"
expect_exit "export csv allocations --year 2022" 0 L export csv allocations --year 2022 -o "$C/al22.csv"
sleep 2	# the zip format keeps times in 2-second steps: a time taken from the clock would differ
for k in $KINDS; do
	L export xlsx $k -o "$C/$k-2.xlsx"
	L export csv $k -o "$C/$k-2.csv"
	cmp -s "$C/$k.xlsx" "$C/$k-2.xlsx" && ok "$k: two XLSX runs are identical" || nok "$k: two XLSX runs differ"
	cmp -s "$C/$k.csv" "$C/$k-2.csv" && ok "$k: two CSV runs are identical" || nok "$k: two CSV runs differ"
done

cat > "$TMP/read.py" <<'EOF2'
import csv, datetime, sqlite3, sys, openpyxl
from openpyxl.utils import get_column_letter
C, dbpath = sys.argv[1:3]
db = sqlite3.connect(dbpath)
def q(sql, *a):
    return db.execute(sql, a).fetchone()[0]

def xlsx(name):
    wb = openpyxl.load_workbook('%s/%s.xlsx' % (C, name))
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    full = 'A1:%s%d' % (get_column_letter(len(head)), ws.max_row)
    print(name, 'form', len(wb.worksheets), ws.freeze_panes, ws.auto_filter.ref == full,
          all(c.font.bold for c in ws[1]))
    return ws.title, head, [list(r) for r in ws.iter_rows(min_row=2)]

def col(head, rows, h):
    i = head.index(h)
    return [r[i] for r in rows]

def vals(cells):
    return [c.value for c in cells]

def numbers(cells):  # every non-empty cell a number cell
    return all(c.data_type == 'n' and isinstance(c.value, (int, float)) for c in cells if c.value is not None)

def readcsv(name):
    rows = list(csv.reader(open('%s/%s.csv' % (C, name), encoding='utf-8-sig', newline=''), delimiter=';'))
    return rows[0], rows[1:]

def csvnum(s):
    return float(s.replace(',', '.')) if s else 0.0

PUB = """NOT EXISTS (SELECT 1 FROM plan_version d WHERE d.status = 'draft' AND (d.id = a.plan_version_id
    OR d.id = (SELECT plan_version_id FROM goal WHERE id = a.goal_id)))"""
YEAR = """2022 BETWEEN coalesce(a.start_first / 10000, p.year_from, 2022) AND coalesce(a.end_last / 10000, p.year_to, 2022)"""

# districts x themes
t, head, rows = xlsx('districts-themes')
m = col(head, rows, 'Insatser (st)')
want_rows = q("""SELECT count(*) FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p
    ON p.id = pv.plan_id WHERE p.kind = 'lup' AND t.extra = 0 AND pv.id = (SELECT id FROM plan_version WHERE
    plan_id = p.id AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)""")
want_sum = q("""SELECT count(*) FROM measure_theme mt JOIN theme t ON t.id = mt.theme_id JOIN plan_version pv
    ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.kind = 'lup' AND t.extra = 0 AND
    pv.id = (SELECT id FROM plan_version WHERE plan_id = p.id AND status <> 'draft'
    ORDER BY status = 'decided' DESC, version DESC LIMIT 1)""")
print('dt', t, len(rows) == want_rows and want_rows > 0, numbers(m), sum(vals(m)) == want_sum and want_sum > 0,
      sorted(set(zip(vals(col(head, rows, 'Stadsdel')), vals(col(head, rows, 'Prioriterat'))))) ==
      sorted((k, 'ja' if p else None) for k, p in db.execute("""SELECT DISTINCT d.key, d.prioritised FROM plan p
      JOIN area d ON d.id = p.district_id JOIN plan_version pv ON pv.plan_id = p.id JOIN theme t ON
      t.plan_version_id = pv.id WHERE p.kind = 'lup' AND pv.status <> 'draft' AND t.extra = 0""")))
ch, cr = readcsv('districts-themes')
print('dt csv', ch == head, len(cr) == len(rows), sum(csvnum(r[head.index('Insatser (st)')]) for r in cr) == want_sum)

# organisations x districts, every year and 2022
for name, cond in (('orgs-districts', '1'), ('od22', YEAR)):
    t, head, rows = xlsx(name)
    a = col(head, rows, 'Aktiviteter (st)')
    want = q("""SELECT count(*) FROM activity a JOIN activity_district ad ON ad.activity_id = a.id JOIN area d
        ON d.id = ad.area_id LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p
        ON p.id = pv.plan_id WHERE d.level = 'district' AND """ + PUB + ' AND ' + cond)
    print(name + ':', t, numbers(a), sum(vals(a)) == want and want > 0, len(rows) >= 1)
ch, cr = readcsv('orgs-districts')
print('od csv', len(cr) == q("""SELECT count(*) FROM (SELECT DISTINCT a.owner_id, ad.area_id FROM activity a
    JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id
    WHERE d.level = 'district' AND """ + PUB + ') AS sq1'), any(r[3] == 'Spånga-Tensta' for r in cr))

# activities, every year and 2022: the date cells are the database's dates
for name, cond in (('activities', '1'), ('act22', YEAR)):
    t, head, rows = xlsx(name)
    want = q("""SELECT count(*) FROM activity a LEFT JOIN plan_version pv ON pv.id = a.plan_version_id
        LEFT JOIN plan p ON p.id = pv.plan_id WHERE """ + PUB + ' AND ' + cond)
    d = [c for c in col(head, rows, 'Start tidigast') if c.value is not None]
    wd = sorted(x[0] for x in db.execute("""SELECT a.start_first FROM activity a LEFT JOIN plan_version pv
        ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id WHERE a.start_first IS NOT NULL
        AND """ + PUB + ' AND ' + cond))
    print(name + ':', t, len(rows) == want and want > 0,
          len(d) > 0 and all(isinstance(c.value, datetime.datetime) and c.number_format == 'yyyy-mm-dd' for c in d),
          sorted(int(c.value.strftime('%Y%m%d')) for c in d) == wd)
ch, cr = readcsv('activities')
print('act csv', ch == xlsx('activities')[1], len(cr) == q('SELECT count(*) FROM activity a WHERE ' + PUB),
      any('Socialförvaltningen' == r[3] for r in cr))

# the commission: a response a row, no-response flags, Swedish stances
t, head, rows = xlsx('commission')
nr = vals(col(head, rows, 'Inget svar'))
print('cm', t, len(rows) == q('SELECT count(*) FROM response') and len(rows) > 0,
      nr.count('ja') == q('SELECT count(*) FROM response WHERE no_response = 1'),
      vals(col(head, rows, 'Ställningstagande')).count('instämmer') ==
      q("SELECT count(*) FROM response WHERE stance = 'agree' AND no_response = 0"))
ch, cr = readcsv('commission')
print('cm csv', ch == head, len(cr) == len(rows), [r[head.index('Förvaltningens namn')] for r in cr] ==
      vals(col(head, rows, 'Förvaltningens namn')))

# allocations: amounts as number cells per kind, example data marked
t, head, rows = xlsx('allocations')
am, kd = col(head, rows, 'Mängd'), vals(col(head, rows, 'Slag'))
ex = vals(col(head, rows, 'Exempeldata'))
print('al', t, numbers(am), sum(v for v, k in zip(vals(am), kd) if k == 'Pengar') == q("SELECT sum(amount) FROM resource_allocation WHERE kind = 'money'"),
      sum(v for v, k in zip(vals(am), kd) if k == 'Personal') == q("SELECT sum(amount) FROM resource_allocation WHERE kind = 'staff'"),
      ex.count('ja') == q('SELECT count(*) FROM resource_allocation WHERE example = 1') and ex.count('ja') > 0,
      numbers(col(head, rows, 'År')))
ch, cr = readcsv('allocations')
print('al csv', ch == head, sum(csvnum(r[head.index('Mängd')]) for r in cr) == q('SELECT sum(amount) FROM resource_allocation'),
      any(r[head.index('Anteckning')] == 'Läxhjälp för årskurs 7–9 (åäö ÅÄÖ)' for r in cr),
      any(r[head.index('Anteckning')] == 'Trygghet; "vandringar"' for r in cr),
      [r[head.index('Exempeldata')] for r in cr].count('ja'))
ch, cr = readcsv('al22')
print('al22', len(cr) == q('SELECT count(*) FROM resource_allocation WHERE year = 2022'),
      all(r[head.index('År')] == '2022' for r in cr))

# the audit log: every entry, times as date-time cells, the changed fields by Swedish name
t, head, rows = xlsx('audit')
at = col(head, rows, 'Tidpunkt (UTC)')
first = q('SELECT at FROM audit ORDER BY id LIMIT 1')
g = [r for r in rows if r[head.index('Nyckel')].value == 'vp-2022-spanga-tensta-nm-02']
print('au', t, len(rows) == q('SELECT count(*) FROM audit'),
      all(isinstance(c.value, datetime.datetime) for c in at),
      at[0].value == datetime.datetime.strptime(first[:19], '%Y-%m-%dT%H:%M:%S'),
      [(r[head.index('Händelse')].value, r[head.index('Uppgift')].value, r[head.index('Ändrade fält')].value) for r in g],
      numbers(col(head, rows, 'Id')))
ch, cr = readcsv('audit')
print('au csv', ch == head, len(cr) == len(rows), any(r[head.index('Tidpunkt (UTC)')] == first for r in cr))
EOF2
$PY "$TMP/read.py" "$C" "$(db_file "$DB")" > "$TMP/read.out" 2>&1 || { nok "read.py runs"; cat "$TMP/read.out" >&2; }
r() { sed -n "s/^$1 //p" "$TMP/read.out" | head -1; }
for k in $KINDS act22 od22; do
	expect_eq "$k: one sheet, the header frozen, filtered over the table and bold" "$(r "$k form")" "1 A2 True True"
done
expect_eq "districts x themes: a theme a row, measures as number cells summing to the database's, prioritised marked" \
	"$(r dt)" "Stadsdelar och teman True True True True"
expect_eq "districts x themes as CSV: the same header, rows and sum" "$(r 'dt csv')" "True True True"
expect_eq "orgs x districts: activity counts as number cells summing to the database's" \
	"$(r orgs-districts:)" "Organisationer och stadsdelar True True True"
expect_eq "orgs x districts --year 2022: the year's activities" "$(r od22:)" "Organisationer och stadsdelar True True True"
expect_eq "orgs x districts as CSV: a pair a row, Swedish characters intact" "$(r 'od csv')" "True True"
expect_eq "activities: every published one, dates as date cells equal to the database's" "$(r activities:)" "Aktiviteter True True True"
expect_eq "activities --year 2022: the year's" "$(r act22:)" "Aktiviteter True True True"
expect_eq "activities as CSV" "$(r 'act csv')" "True True True"
expect_eq "commission: a response a row, no-response flags and stances as the database's" "$(r cm)" "Kommissionen True True True"
expect_eq "commission as CSV" "$(r 'cm csv')" "True True True"
expect_eq "allocations: amounts per kind as number cells summing to the database's, example data marked" \
	"$(r al)" "Resurser True True True True True"
expect_eq "allocations as CSV: sums, Swedish characters, a quoted ';', example marked" "$(r 'al csv')" "True True True True 1"
expect_eq "allocations --year 2022" "$(r al22)" "True True"
expect_eq "audit: every entry, times as date-time cells, the goal's change with its fields in Swedish" "$(r au)" \
	"Ändringslogg True True True [('Ändrad', 'Mål', 'Nummer, Beskrivning')] True"
expect_eq "audit as CSV: every entry, the time as stored" "$(r 'au csv')" "True True True"

# --- the comma dialect and a title
L export csv allocations --dialect comma -o "$C/comma.csv"
expect_eq "comma dialect: ',' and a decimal point" "$(grep -c ',money,1250.5,tkr,\|,Pengar,1250.5,tkr,' "$C/comma.csv")" 1
expect_eq "the workbook's title names the year" \
	"$($PY -c "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1]).properties.title)" "$C/act22.xlsx")" "Aktiviteter 2022"

# --- usage: a city-wide KIND takes no KEY, a KEY-ed one needs one
expect_exit "a city-wide table with a KEY" 2 L export csv audit stockholm -o "$C/x.csv"
expect_err "says it takes no KEY" "takes no KEY"
expect_exit "an organisation without KEY" 2 L export csv organisation --year 2022 -o "$C/x.csv"
expect_err "says it needs one" "needs a KEY"
expect_exit "xlsx to standard output" 0 L export xlsx audit
head -c 2 "$TMP/out" | grep -q PK && ok "is a workbook (a zip) on standard output" || nok "no workbook on standard output"
[ -e "$C/x.csv" ] && nok "no file for a refused export" || ok "no file for a refused export"
finish
