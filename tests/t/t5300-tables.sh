#!/bin/sh
# t5300: table exports (docs/exports.md): `lup export xlsx|csv organisation KEY --year Y`.
# The CSV read back with python's csv module (BOM, ';', decimal comma, RFC 4180 quoting of ';',
# '"' and a line break, Swedish characters, the formula guard), the XLSX with openpyxl (number
# and date cells, the header bold, frozen and filtered, two sheets), values equal to the
# database's, byte-identical output of two runs, and the round trip through `lup import csv`
# (changed 0, example rows skipped, the same file again), in both CSV dialects.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
PY=/usr/bin/python3
ORG=spanga-tensta-stadsdelsnamnd
C="$TMP/c"
mkdir -p "$C"

L init >/dev/null
L demo "$ROOT/data/stockholm" >/dev/null || nok "the demo dataset loads"

# real figures over some of the example ones: a source with ';', '"' and a line break, one
# with Swedish characters, one a spreadsheet would run as a formula, a derived city figure,
# a missing value and one with many decimals
printf '\357\273\277' > "$C/real.csv"
cat >> "$C/real.csv" <<'EOF2'
Indikator;Område;Period;Kön;Värde;Typ;Källa;Beräknat
vp-2022-spanga-tensta-i-001;spanga-tensta;2022-T1;T;4,5;utfall;"Enkät; ""våren""
rad två";
vp-2022-spanga-tensta-i-002;spanga-tensta;2022-T1;T;1 234,25;utfall;Socialförvaltningen åäö ÅÄÖ;
vp-2022-spanga-tensta-i-003;spanga-tensta;2022-T2;T;0,123456789;utfall;'=1+1;
vp-2022-spanga-tensta-i-001;stockholm;2022-VB;T;3,75;utfall;lup;ja
vp-2022-spanga-tensta-i-005;spanga-tensta;2022-VB;T;;utfall;Socialförvaltningen;
EOF2
expect_exit "real figures import" 0 L import csv "$C/real.csv" --json
expect_eq "the formula-guarded source is stored without its apostrophe" \
	"$(Q "SELECT source FROM outcome WHERE value = 0.123456789")" "=1+1"
expect_eq "the derived column is carried" \
	"$(Q "SELECT derived FROM outcome WHERE value = 3.75")" 1

# --- CSV, Swedish Excel's dialect
expect_exit "export csv organisation" 0 L export csv organisation $ORG --year 2022 -o "$C/a.csv"
expect_eq "begins with a UTF-8 BOM" "$(head -c 3 "$C/a.csv" | od -An -tx1 | tr -d ' ')" efbbbf
expect_eq "the header" "$(head -1 "$C/a.csv" | tr -d '\r' | tail -c +4)" \
	"Indikator;Indikatornamn;Mål;Enhet;Område;Områdesnamn;Period;Kön;Typ;Värde;Källa;Beräknat;Exempeldata"
expect_eq "CRLF line ends" "$(head -1 "$C/a.csv" | od -An -c | tr -d ' \n' | tail -c 4)" '\r\n'
cat > "$TMP/readcsv.py" <<'EOF2'
import csv, sys
path, delim, point, dbo, dbt = sys.argv[1:6]
raw = open(path, 'rb').read()
rows = list(csv.reader(open(path, encoding='utf-8-sig', newline=''), delimiter=delim))
head, rows = rows[0], rows[1:]
ix = {h: i for i, h in enumerate(head)}
def num(s):
    return float(s.replace(point, '.')) if s else ''
problems = []
got = {}
for r in rows:
    if len(r) != len(head):
        problems.append('row of %d cells' % len(r))
        continue
    if r[ix['Typ']] == 'utfall':
        v = r[ix['Värde']]
        if v and point == ',' and '.' in v:
            problems.append('decimal point in ' + v)
        src = r[ix['Källa']]
        if src.startswith("'="):
            src = src[1:]
        got[(r[ix['Indikator']], r[ix['Område']], r[ix['Period']][5:].replace('VB', 'FY'), r[ix['Kön']])] = \
            (num(v), src, r[ix['Beräknat']] == 'ja', r[ix['Exempeldata']] == 'ja')
print('rows', len(rows))
print('outcomes', len(got))
# the database's figures: every outcome of 2022 of the organisation's indicators in its
# district and the city (python's sqlite3: sources hold line breaks)
import sqlite3
db = sqlite3.connect(dbo)
want = {}
for k, a, p, s, v, src, d, e in db.execute("""SELECT i.key, a.key, p.kind, x.sex, x.value, x.source, x.derived,
    x.example FROM outcome x JOIN indicator i ON i.id = x.indicator_id JOIN organisation o ON o.id = i.owner_id
    JOIN area a ON a.id = x.area_id JOIN period p ON p.id = x.period_id
    WHERE o.key = ? AND p.year = 2022 AND a.key IN ('spanga-tensta', 'stockholm')""", (dbt,)):
    want[(k, a, p, s)] = ('' if v is None else v, src, d == 1, e == 1)
print('database outcomes', len(want))
print('equal', got == want)
for k in sorted(set(got) | set(want)):
    if got.get(k) != want.get(k):
        print('differs', k, got.get(k), want.get(k))
        break
r = [x for x in rows if x[ix['Värde']] == ('4,5' if point == ',' else '4.5')]
print('quoted source', repr(r[0][ix['Källa']]) if r else None)
print('swedish', any(x[ix['Källa']] == 'Socialförvaltningen åäö ÅÄÖ' for x in rows))
print('guard', any(x[ix['Källa']] == "'=1+1" for x in rows))
print('example', sum(1 for x in rows if x[ix['Exempeldata']] == 'ja'))
print('targets', sorted((x[ix['Indikator']], x[ix['Typ']], x[ix['Värde']]) for x in rows if x[ix['Typ']] != 'utfall')[:1])
EOF2
$PY "$TMP/readcsv.py" "$C/a.csv" ';' ',' "$(db_file "$DB")" $ORG > "$TMP/csv.out" 2>&1 || { nok "readcsv.py runs"; cat "$TMP/csv.out" >&2; }
g() { sed -n "s/^$1 //p" "$TMP/csv.out"; }
expect_eq "every outcome of the year in the district and the city, equal to the database's" "$(g equal)" True
expect_eq "as many outcomes as the database has" "$(g outcomes)" "$(g 'database outcomes')"
expect_eq "rows: outcomes and targets" "$(g rows)" "$(( $(g outcomes) + $(Q "SELECT count(*) FROM target t JOIN indicator i ON i.id = t.indicator_id JOIN organisation o ON o.id = i.owner_id WHERE o.key = '$ORG' AND t.year = 2022") ))"
expect_eq "a quoted cell keeps ';', '\"' and the line break" "$(g 'quoted source')" "'Enkät; \"våren\"\\nrad två'"
expect_eq "Swedish characters intact" "$(g swedish)" True
expect_eq "a cell starting with '=' is guarded by an apostrophe" "$(g guard)" True
expect_eq "example rows are marked" "$(g example)" "$(Q "SELECT count(*) FROM outcome x JOIN indicator i ON i.id = x.indicator_id JOIN organisation o ON o.id = i.owner_id JOIN area a ON a.id = x.area_id JOIN period p ON p.id = x.period_id WHERE o.key = '$ORG' AND p.year = 2022 AND a.key IN ('spanga-tensta', 'stockholm') AND x.example = 1")"
expect_eq "a target is its text as written" "$(g targets)" "[('vp-2022-spanga-tensta-i-001', 'KF:s årsmål', '$(Q "SELECT text FROM target t JOIN indicator i ON i.id = t.indicator_id WHERE i.key = 'vp-2022-spanga-tensta-i-001' AND t.year = 2022 AND t.kind = 'kf'")')]"

# --- determinism and the round trip
expect_exit "export csv again" 0 L export csv organisation $ORG --year 2022 -o "$C/b.csv"
cmp -s "$C/a.csv" "$C/b.csv" && ok "two CSV runs are identical" || nok "two CSV runs differ"
sqlite3 "$DB" .dump > "$TMP/before"
expect_exit "lup import csv reads the export unchanged" 0 L import csv "$C/a.csv" --json
expect_eq "the re-import changes nothing" "$(jq .changed "$TMP/out")" 0
expect_eq "example rows are skipped, not imported" "$(jq .skipped "$TMP/out")" "$(g example)"
sqlite3 "$DB" .dump > "$TMP/after"
cmp -s "$TMP/before" "$TMP/after" && ok "the database is as before" || nok "the round trip changed the database"
L export csv organisation $ORG --year 2022 -o "$C/c.csv"
cmp -s "$C/a.csv" "$C/c.csv" && ok "export -> import -> export gives the same file" || nok "the round trip changed the file"

# --- the comma dialect
expect_exit "export csv --dialect comma" 0 L export csv organisation $ORG --year 2022 --dialect comma -o "$C/comma.csv"
expect_eq "no BOM, ',' between cells" "$(head -c 10 "$C/comma.csv")" "Indikator,"
$PY "$TMP/readcsv.py" "$C/comma.csv" ',' '.' "$(db_file "$DB")" $ORG > "$TMP/csv.out" 2>&1 || nok "readcsv.py runs on the comma file"
expect_eq "comma dialect: decimal point, values equal to the database's" "$(g equal)" True
expect_eq "comma dialect: the quoted cell" "$(g 'quoted source')" "'Enkät; \"våren\"\\nrad två'"
expect_exit "the comma file imports" 0 L import csv "$C/comma.csv" --json
expect_eq "comma file: nothing changes" "$(jq .changed "$TMP/out")" 0

# --- XLSX
expect_exit "export xlsx organisation" 0 L export xlsx organisation $ORG --year 2022 -o "$C/a.xlsx"
sleep 2	# the zip format keeps times in 2-second steps: a time taken from the clock would differ
L export xlsx organisation $ORG --year 2022 -o "$C/b.xlsx"
cmp -s "$C/a.xlsx" "$C/b.xlsx" && ok "two XLSX runs are identical" || nok "two XLSX runs differ"
cat > "$TMP/readxlsx.py" <<'EOF2'
import sys, sqlite3, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
db = sqlite3.connect(sys.argv[2])
org = sys.argv[3]
print('sheets', wb.sheetnames)
ws = wb['Indikatorer']
head = [c.value for c in ws[1]]
ix = {h: i for i, h in enumerate(head)}
print('freeze', ws.freeze_panes)
print('filter', ws.auto_filter.ref, 'A1:%s%d' % (openpyxl.utils.get_column_letter(len(head)), ws.max_row))
print('bold', all(c.font.bold for c in ws[1]))
print('title', wb.properties.title)
rows = list(ws.iter_rows(min_row=2, values_only=True))
bad = 0
n = 0
for r in rows:
    if r[ix['Typ']] != 'utfall':
        if not isinstance(r[ix['Värde']], str):
            bad += 1
        continue
    k = (r[ix['Indikator']], r[ix['Område']], r[ix['Period']][5:].replace('VB', 'FY'), r[ix['Kön']])
    v = db.execute("""SELECT x.value FROM outcome x JOIN indicator i ON i.id = x.indicator_id
        JOIN area a ON a.id = x.area_id JOIN period p ON p.id = x.period_id
        WHERE i.key = ? AND a.key = ? AND p.year = 2022 AND p.kind = ? AND x.sex = ?""", k).fetchone()
    got = r[ix['Värde']]
    if v is None or (v[0] is None and got is not None) or (v[0] is not None and (not isinstance(got, (int, float)) or got != v[0])):
        bad += 1
    n += 1
print('numbers', n, bad)
print('guard', any(r[ix['Källa']] == '=1+1' for r in rows), ws.cell(row=1 + 1 + [i for i, r in enumerate(rows) if r[ix['Källa']] == '=1+1'][0], column=ix['Källa'] + 1).data_type)
print('example', sum(1 for r in rows if r[ix['Exempeldata']] == 'ja'))
wa = wb['Aktiviteter']
ah = [c.value for c in wa[1]]
print('acts freeze', wa.freeze_panes, wa.auto_filter.ref is not None)
d = ah.index('Start tidigast')
cells = [r[d] for r in wa.iter_rows(min_row=2)]
dates = [c for c in cells if c.value is not None]
print("datecells", len(dates) > 0 and all(isinstance(c.value, datetime.datetime) and c.number_format == 'yyyy-mm-dd' for c in dates))
want = sorted(x[0] for x in db.execute("""SELECT a.start_first FROM activity a JOIN organisation o ON o.id = a.owner_id
    WHERE o.key = ? AND a.start_first IS NOT NULL AND a.start_first / 10000 <= 2022 AND coalesce(a.end_last / 10000, 2022) >= 2022""", (org,)))
print('dates equal', sorted(int(c.value.strftime('%Y%m%d')) for c in dates) == want)
EOF2
$PY "$TMP/readxlsx.py" "$C/a.xlsx" "$(db_file "$DB")" $ORG > "$TMP/xlsx.out" 2>&1 || { nok "readxlsx.py runs"; cat "$TMP/xlsx.out" >&2; }
x() { sed -n "s/^$1 //p" "$TMP/xlsx.out"; }
expect_eq "two sheets" "$(x sheets)" "['Indikatorer', 'Aktiviteter']"
expect_eq "the header row is frozen" "$(x freeze)" A2
f=$(x filter)
expect_eq "the header row is filtered over the whole table" "${f% *}" "${f#* }"
expect_eq "the header row is bold" "$(x bold)" True
expect_eq "the workbook's title" "$(x title)" "Spånga-Tensta stadsdelsnämnd 2022"
n=$(x numbers)
expect_eq "every outcome is a number cell equal to the database's, targets are text" "${n#* }" 0
expect_eq "as many outcomes as in the CSV" "${n% *}" "$(g outcomes)"
expect_eq "'=1+1' is a string, not a formula" "$(x guard)" "True s"
expect_eq "example rows are marked" "$(x example)" "$(g example)"
expect_eq "activities: frozen and filtered" "$(x 'acts freeze')" "A2 True"
expect_eq "activities: dates are date cells" "$(x datecells)" True
expect_eq "activities: the dates are the database's" "$(x 'dates equal')" True

# --- the importer: bad flags, and usage errors of the export
printf 'Indikator;Område;Period;Värde;Exempeldata\nvp-2022-spanga-tensta-i-001;spanga-tensta;2022-T1;4;kanske\n' > "$C/bad.csv"
expect_exit "a flag that is neither yes nor no" 1 L import csv "$C/bad.csv"
expect_err "names line and column" "bad.csv:2: kolumn 5 (example)"
expect_exit "xlsx without --year" 2 L export xlsx organisation $ORG -o "$C/x.xlsx"
expect_err "says what is missing" "needs --year"
expect_exit "an unknown pair" 2 L export csv plan x -o "$C/x.csv"
expect_err "lists what there is" "xlsx organisation"
expect_exit "an unknown organisation" 1 L export csv organisation no-such-org --year 2022 -o "$C/x.csv"
[ -e "$C/x.csv" ] && nok "no file for a failed export" || ok "no file for a failed export"
exit $failed
