#!/bin/sh
# t5700: a district's indicators against the city as files (view/district.h, the table of
# exports' kind district): `lup export xlsx|csv district KEY [--year Y]` read back with openpyxl
# and python's csv module, every value equal to the outcome table's (the district's and the
# city's row of the same indicator, full year and sex), the difference, the default year (the
# newest with outcomes), byte-identical runs, the web download's headers and bytes equal to the
# CLI's, and the "Ladda ned" menu of the district page linking them.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
PY=/usr/bin/python3
C="$TMP/c"
mkdir -p "$C"
XLSX_CT=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet

L init >/dev/null
L demo "$ROOT/data/stockholm" >/dev/null || nok "the demo dataset loads"
# a real (not example) district figure and a missing one, so the example flag and the empty
# cells are told apart
printf '\357\273\277' > "$C/real.csv"
cat >> "$C/real.csv" <<'EOF2'
Indikator;Område;Period;Kön;Värde;Typ;Källa;Beräknat
vp-2022-spanga-tensta-i-001;spanga-tensta;2022-VB;T;4,25;utfall;SCB;
vp-2022-spanga-tensta-i-001;stockholm;2022-VB;T;5,5;utfall;SCB;
vp-2022-spanga-tensta-i-005;spanga-tensta;2022-VB;T;;utfall;SCB;
EOF2
expect_exit "real figures import" 0 L import csv "$C/real.csv" --json

expect_exit "export xlsx district (default year)" 0 L export xlsx district spanga-tensta -o "$C/d.xlsx"
expect_exit "export csv district --year 2022" 0 L export csv district spanga-tensta --year 2022 -o "$C/d.csv"
expect_exit "export csv district 2020" 0 L export csv district spanga-tensta --year 2020 -o "$C/d20.csv"
expect_exit "export csv district, comma dialect" 0 L export csv district spanga-tensta --year 2022 --dialect comma -o "$C/dc.csv"
expect_exit "an unknown district fails" 1 L export csv district ingenstans -o "$C/x.csv"
expect_eq "the CSV header" "$(head -1 "$C/d.csv" | tr -d '\r' | tail -c +4)" \
	"Indikator;Indikatornamn;Enhet;Period;Kön;Spånga-Tensta;Staden;Skillnad (mot staden);Skillnadens enhet;Exempeldata"
sleep 2	# the zip format keeps times in 2-second steps: a time taken from the clock would differ
L export xlsx district spanga-tensta -o "$C/d2.xlsx"
L export csv district spanga-tensta --year 2022 -o "$C/d2.csv"
cmp -s "$C/d.xlsx" "$C/d2.xlsx" && ok "two XLSX runs are identical" || nok "two XLSX runs differ"
cmp -s "$C/d.csv" "$C/d2.csv" && ok "two CSV runs are identical" || nok "two CSV runs differ"

cat > "$TMP/read.py" <<'EOF2'
import csv, sqlite3, sys, openpyxl
C, dbpath = sys.argv[1:3]
db = sqlite3.connect(dbpath)
def outcome(ind, area, year, sex):
    r = db.execute("""SELECT x.value, x.example FROM outcome x JOIN indicator i ON i.id = x.indicator_id
        JOIN area a ON a.id = x.area_id JOIN period p ON p.id = x.period_id
        WHERE i.key = ? AND a.key = ? AND p.year = ? AND p.kind = 'FY' AND x.sex = ?""",
        (ind, area, year, sex)).fetchone()
    return r if r else (None, 0)
def decimals(v):
    for d in range(6):
        if abs(round(v * 10 ** d) - v * 10 ** d) < 1e-6:
            return d
    return 6
problems = []
def check(name, rows, year):
    head, rows = rows[0], rows[1:]
    want = db.execute("""SELECT count(*) FROM outcome x JOIN area a ON a.id = x.area_id
        JOIN period p ON p.id = x.period_id WHERE a.key = 'spanga-tensta' AND p.year = ? AND p.kind = 'FY'""",
        (year,)).fetchone()[0]
    if len(rows) != want:
        problems.append('%s: %d rows, the outcome table has %d' % (name, len(rows), want))
    for r in rows:
        ind, unit, period, sex, dv, cv, gap, gunit, ex = r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]
        d, dex = outcome(ind, 'spanga-tensta', year, sex)
        c, cex = outcome(ind, 'stockholm', year, sex)
        if period != '%d-VB' % year:
            problems.append('%s: period %s' % (name, period))
        if dv != d or cv != c:
            problems.append('%s: %s %s: %r/%r, the table has %r/%r' % (name, ind, sex, dv, cv, d, c))
        if d is not None and c is not None:
            g = round(d - c, max(decimals(d), decimals(c)))
            if gap is None or abs(gap - g) > 1e-9:
                problems.append('%s: %s %s: gap %r, expected %r' % (name, ind, sex, gap, g))
        elif gap is not None:
            problems.append('%s: %s %s: a gap without both values' % (name, ind, sex))
        if gunit != ('procentenheter' if unit == '%' else unit):
            problems.append('%s: %s: gap unit %r for unit %r' % (name, ind, gunit, unit))
        if (ex == 'ja') != bool(dex or cex):
            problems.append('%s: %s %s: example %r' % (name, ind, sex, ex))
    return rows
def num(s, point):
    return float(s.replace(point, '.')) if s else None
def csvrows(path, delim, point):
    rows = list(csv.reader(open(path, encoding='utf-8-sig', newline=''), delimiter=delim))
    return [rows[0]] + [r[:5] + [num(r[5], point), num(r[6], point), num(r[7], point)] + r[8:] for r in rows[1:]]
newest = db.execute("""SELECT max(p.year) FROM outcome x JOIN area a ON a.id = x.area_id
    JOIN period p ON p.id = x.period_id WHERE a.key = 'spanga-tensta' AND p.kind = 'FY'""").fetchone()[0]
wb = openpyxl.load_workbook(C + '/d.xlsx')
ws = wb['Indikatorer']
x = check('xlsx', [[c.value for c in row] for row in ws.iter_rows()], newest)
if ws.cell(row=1, column=6).value != 'Spånga-Tensta' or not ws.cell(row=1, column=1).font.b:
    problems.append('xlsx header %r' % ws.cell(row=1, column=6).value)
if wb.properties.title != 'Indikatorer Spånga-Tensta %d' % newest:
    problems.append('xlsx title %r' % wb.properties.title)
s = check('csv', csvrows(C + '/d.csv', ';', ','), 2022)
check('csv 2020', csvrows(C + '/d20.csv', ';', ','), 2020)
check('csv comma', csvrows(C + '/dc.csv', ',', '.'), 2022)
norm = lambda rows: [['' if v is None else v for v in r] for r in rows]
if norm(x) != norm(s):
    problems.append('the xlsx and csv rows differ')
real = [r for r in s if r[0] == 'vp-2022-spanga-tensta-i-001' and r[4] == 'T']
if not real or real[0][5:8] != [4.25, 5.5, -1.25] or real[0][9] != '':
    problems.append('the real figure row %r' % real)
missing = [r for r in s if r[0] == 'vp-2022-spanga-tensta-i-005' and r[4] == 'T']
if not missing or missing[0][5] is not None or missing[0][7] is not None:
    problems.append('the missing figure row %r' % missing)
print('\n'.join(problems[:10]) if problems else 'ok')
EOF2
expect_eq "the files hold the outcome table's values, differences and flags" \
	"$($PY "$TMP/read.py" "$C" "$(db_file "$DB")" 2>&1)" ok

# --- the web: anonymous callers see the published figures only (the real ones are in no
# approved report), a logged-in administrator everything, as the CLI's operator
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
serve "$DB"
login adm admin adminpassword1
page "the district page" 200 GET "/stadsdel/spanga-tensta?ar=2022" -
has "... its menu lists the indicators as Excel" 'href="/stadsdel/spanga-tensta/indikatorer.xlsx?ar=2022"'
has "... and as CSV" 'href="/stadsdel/spanga-tensta/indikatorer.csv?ar=2022"'
page "the XLSX download" 200 GET "/stadsdel/spanga-tensta/indikatorer.xlsx?ar=2022" adm
expect_eq "... served as spreadsheetml" "$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$TMP/headers" | tr -d '\r')" "$XLSX_CT"
grep -i '^content-disposition:' "$TMP/headers" | grep -q "filename\*=UTF-8''Indikatorer%20Sp%C3%A5nga-Tensta%202022.xlsx" &&
	ok "... named Indikatorer Spånga-Tensta 2022.xlsx" || nok "... named Indikatorer Spånga-Tensta 2022.xlsx ($(grep -i disposition "$TMP/headers"))"
L export xlsx district spanga-tensta --year 2022 -o "$C/w.xlsx"
cmp -s "$TMP/body" "$C/w.xlsx" && ok "... the CLI's bytes" || nok "... the CLI's bytes"
page "the CSV download without a year" 200 GET "/stadsdel/spanga-tensta/indikatorer.csv" adm
expect_eq "... served as text/csv" "$(sed -n 's/^[Cc]ontent-[Tt]ype: *//p' "$TMP/headers" | tr -d '\r')" "text/csv; charset=utf-8"
L export csv district spanga-tensta -o "$C/w.csv"
cmp -s "$TMP/body" "$C/w.csv" && ok "... the CLI's bytes" || nok "... the CLI's bytes"
page "the anonymous CSV download" 200 GET "/stadsdel/spanga-tensta/indikatorer.csv?ar=2022" -
grep -q '^vp-2022-spanga-tensta-i-001;.*;T;4,25;' "$C/w.csv" && ok "... the CLI's file has the unreported real figure" ||
	nok "... the CLI's file has the unreported real figure"
grep -q '^vp-2022-spanga-tensta-i-001;.*;T;4,25;' "$TMP/body" && nok "... the anonymous file has the unreported real figure" ||
	ok "... the anonymous file lacks the unreported real figure"
grep -q '^vp-2022-spanga-tensta-i-001;.*;K;' "$TMP/body" && ok "... but has the published ones" || nok "... but has the published ones"
page "an unknown district's file is 404" 404 GET "/stadsdel/ingenstans/indikatorer.csv" -
page "an unknown file is 404" 404 GET "/stadsdel/spanga-tensta/indikatorer.docx" -
page "a bad year is 400" 400 GET "/stadsdel/spanga-tensta/indikatorer.csv?ar=abc" -
finish
