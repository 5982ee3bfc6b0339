#!/bin/sh
# t1500: lup import csv: outcomes and targets as Excel writes CSV (';' or ',', decimal comma or
# point, BOM, quoted cells with separators, quotes and line breaks, Swedish headers), idempotence,
# dry run, and bad input: each error names file, line and column, and writes nothing.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
dump() { sqlite3 "$DB" .dump > "$TMP/$1"; }
unchanged() { dump after; cmp -s "$TMP/before" "$TMP/after" && ok "$1: nothing written" || nok "$1: the database changed"; }
C="$TMP/c"
mkdir -p "$C"

L init >/dev/null
L demo "$ROOT/data/stockholm" >/dev/null
# an indicator divided by sex (the dataset has none): one KPI of Kolada's metadata
printf '{"values": [{"id": "N00945", "title": "Invånare totalt, antal", "is_divided_by_gender": 1}]}' > "$C/kpi.json"
L import kolada "$C/kpi.json" >/dev/null || nok "the KPI metadata for the test"

# Swedish Excel: BOM, ';', decimal comma, Swedish header names in mixed case, CRLF endings.
# Lines: 1 header; rows on 2, 3, 4, 5, 6-7 (a quoted source with a line break, ';' and quotes), 8
printf '\357\273\277' > "$C/sv.csv"
cat >> "$C/sv.csv" <<'EOF'
Indikator;OMRÅDE;Period;Kön;Värde;Typ;Källa
vp-2022-spanga-tensta-i-001;spanga-tensta;2022-T1;;4,5;;
Andel personer som har ekonomiskt bistånd i förhållande till befolkningen;Spånga-Tensta;T2 2022;T;"3,9";utfall;
kolada-n00945;0180;VB 2022;K;1 234,5;;Kolada via Excel
kolada-n00945;180;2022;M;;;
vp-2022-spanga-tensta-i-001;;2023;;"4,6 %";årsmål;"Verksamhetsplan ""2023"";
rad två"
vp-2022-spanga-tensta-i-001;;2023;;Tas fram av nämnd;KF;
EOF
sed -i 's/$/\r/' "$C/sv.csv"
# English names, ',' and a decimal comma inside quotes, a point elsewhere
cat > "$C/en.csv" <<'EOF'
indicator,area,period,value
vp-2022-spanga-tensta-i-002,Spånga-Tensta,2021,"1,5"
vp-2022-spanga-tensta-i-002,spanga-tensta,2020,2.25
EOF

dump before
expect_exit "a dry run" 0 L import csv "$C/sv.csv" --dry-run --json
unchanged "dry run"
cp "$TMP/out" "$TMP/dry.json"
expect_exit "the Swedish Excel file imports" 0 L import csv "$C/sv.csv" --json
# counted by hand: 6 rows; 4 outcomes (lines 2-5), one of them empty (line 5); 2 targets
expect_eq "counts (rows values missing targets)" \
	"$(jq -r '[.rows, .values, .missing, .targets] | @tsv' "$TMP/out")" "$(printf '6\t4\t1\t2')"
expect_eq "the dry run counted the same" "$(jq -c '[.rows, .values, .missing, .targets]' "$TMP/dry.json")" "[6,4,1,2]"
expect_eq "outcomes: periods, areas by key, name and code ('180' is 0180), sex, decimal comma, thousands space" \
	"$(Q "SELECT group_concat(r, ' ') FROM (SELECT i.key || '/' || a.key || '/' || p.year || p.kind || '/' || o.sex || '=' || coalesce(CAST(o.value AS TEXT), '-') || ',' || o.missing || ',' || o.derived AS r FROM outcome o JOIN indicator i ON i.id = o.indicator_id JOIN area a ON a.id = o.area_id JOIN period p ON p.id = o.period_id WHERE o.source IN ('sv.csv', 'Kolada via Excel') ORDER BY r) AS sq1")" \
	"kolada-n00945/stockholm/2022FY/K=1234.5,0,0 kolada-n00945/stockholm/2022FY/M=-,1,0 vp-2022-spanga-tensta-i-001/spanga-tensta/2022T1/T=4.5,0,0 vp-2022-spanga-tensta-i-002/spanga-tensta/2022T2/T=3.9,0,0"
expect_eq "the source column, else the file's name" \
	"$(Q "SELECT group_concat(DISTINCT source) FROM (SELECT source FROM outcome WHERE source IN ('sv.csv', 'Kolada via Excel') ORDER BY source) AS sq2")" \
	"Kolada via Excel,sv.csv"
expect_eq "targets: årsmål with its unit, KF:s årsmål set by the committee" \
	"$(Q "SELECT group_concat(kind || ':' || mode || ':' || coalesce(CAST(value AS TEXT), '-') || ':' || coalesce(unit, '-') || ':' || text, ' | ') FROM (SELECT t.* FROM target t JOIN indicator i ON i.id = t.indicator_id WHERE i.key = 'vp-2022-spanga-tensta-i-001' AND t.year = 2023 ORDER BY kind) AS sq3")" \
	"kf:by_committee:-:-:Tas fram av nämnd | own:number:4.6:%:4,6 %"
expect_eq "a quoted cell keeps its separator, quotes and line break" \
	"$(Q "SELECT t.source FROM target t JOIN indicator i ON i.id = t.indicator_id WHERE i.key = 'vp-2022-spanga-tensta-i-001' AND t.year = 2023 AND kind = 'own'")" \
	"$(printf 'Verksamhetsplan "2023";\nrad två')"
expect_exit "the comma file imports" 0 L import csv "$C/en.csv" --json
expect_eq "comma file counts" "$(jq -r '[.rows, .values, .missing] | @tsv' "$TMP/out")" "$(printf '2\t2\t0')"
expect_eq "decimal comma in quotes and decimal point" \
	"$(Q "SELECT group_concat(r, ' ') FROM (SELECT p.year || '=' || o.value AS r FROM outcome o JOIN indicator i ON i.id = o.indicator_id JOIN period p ON p.id = o.period_id WHERE i.key = 'vp-2022-spanga-tensta-i-002' AND o.source = 'en.csv' ORDER BY p.year) AS sq4")" \
	"2020=2.25 2021=1.5"
expect_exit "lup check is clean" 0 L check

# --- idempotence and equivalent layouts
dump before
expect_exit "the same files again" 0 L import csv "$C/sv.csv" "$C/en.csv" --json
expect_eq "the second import changes nothing" "$(jq .changed "$TMP/out")" 0
unchanged "second import"
tr -d '\r' < "$C/sv.csv" | awk '{print} NR == 3 {print ""; print ";;;;;;"}' > "$C/sv.csv.tmp"
mv "$C/sv.csv.tmp" "$C/sv.csv"
expect_exit "LF endings, a blank line and an empty row" 0 L import csv "$C/sv.csv" --json
expect_eq "the same rows, nothing changes" "$(jq -c '[.rows, .changed]' "$TMP/out")" "[6,0]"
unchanged "layout variants"

# --- bad input: each fails naming file, line and column, and writes nothing
bad() { # bad NAME EXPECTED-MESSAGE FILE...
	name=$1 msg=$2; shift 2
	dump before
	expect_exit "$name fails" 1 L import csv "$@"
	expect_err "$name: the message" "$msg"
	unchanged "$name"
}
printf 'indicator;area;period;sex;value\nvp-2022-spanga-tensta-i-001;0180;2022;;1\nno-such-indicator;0180;2022;;1\n' > "$C/bad.csv"
bad "an unknown indicator" "bad.csv:3: kolumn 1 (indicator): okänd indikator 'no-such-indicator'" "$C/bad.csv"
{ head -n 9 "$C/sv.csv"; printf 'kolada-n00945;Atlantis;2022;T;1;;\n'; } > "$C/bad.csv"
# sv.csv now has: header, rows on 2, 3, a blank line 4, an empty row 5, rows 6, 7, 8-9: so 10
bad "an unknown area after a cell with a line break" "bad.csv:10: kolumn 2 (area): okänt område 'Atlantis'" "$C/bad.csv"
printf 'Indikator;Plats;Period;Värde\n' > "$C/bad.csv"
bad "a wrong header" "bad.csv:1: kolumn 2: okänd kolumn 'Plats'" "$C/bad.csv"
printf 'indicator,area,period\nx,y,2022\n' > "$C/bad.csv"
bad "a header without value" "bad.csv:1: rubrikraden saknar kolumnen 'value'" "$C/bad.csv"
printf 'indicator,area,period,value,period\n' > "$C/bad.csv"
bad "a column twice" "bad.csv:1: kolumn 5: kolumnen 'period' finns två gånger" "$C/bad.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;2022;12,5 procent\n' > "$C/bad.csv"
bad "a value that is not a number" "bad.csv:2: kolumn 4 (value): '12,5 procent' är inte ett tal" "$C/bad.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;T3 2022;1\n' > "$C/bad.csv"
bad "an unknown period" "bad.csv:2: kolumn 3 (period): perioden 'T3 2022' känns inte igen" "$C/bad.csv"
printf 'indicator;area;period;sex;value\nvp-2022-spanga-tensta-i-001;0180;2022;K;1\n' > "$C/bad.csv"
bad "women for an indicator not by sex" "bad.csv:2: kolumn 4 (sex): indikatorn vp-2022-spanga-tensta-i-001 är inte uppdelad på kön" "$C/bad.csv"
printf 'indicator;area;period;sex;value\nkolada-n00945;0180;2022;X;1\n' > "$C/bad.csv"
bad "an unknown sex" "bad.csv:2: kolumn 4 (sex): 'X' är inte ett kön" "$C/bad.csv"
printf 'indicator;area;period;sex;value;kind\nvp-2022-spanga-tensta-i-001;;2023;;;own\n' > "$C/bad.csv"
bad "a target without a value" "bad.csv:2: kolumn 5 (value): ett mål behöver ett värde" "$C/bad.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;2022\n' > "$C/bad.csv"
bad "a short row" "bad.csv:2: 3 celler, men rubrikraden har 4 kolumner" "$C/bad.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;2022;1;;7\n' > "$C/bad.csv"
bad "a value beyond the header" "bad.csv:2: kolumn 6: ett värde i en kolumn utan namn i rubrikraden" "$C/bad.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;20"22;1\n' > "$C/bad.csv"
bad "a stray quote" "bad.csv:2: kolumn 3 (period): ett citattecken i en cell" "$C/bad.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;2022;"1\n' > "$C/bad.csv"
bad "a file that ends inside quotes" "bad.csv:2: kolumn 4 (value): filen slutar inne i en citerad cell (avklippt?)" "$C/bad.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;S\366dermalm;2022;1\n' > "$C/bad.csv"
bad "Latin-1 text" "bad.csv:2: kolumn 2 (area): inte giltig UTF-8-text" "$C/bad.csv"
awk 'BEGIN { print "indicator;area;period;value"; printf "vp-2022-spanga-tensta-i-001;"; for (i = 0; i < 500; i++) printf "abcdefghij"; print ";2022;1" }' > "$C/bad.csv"
bad "a huge cell" "bad.csv:2: kolumn 2 (area): en cell längre än 4096 byte" "$C/bad.csv"
: > "$C/bad.csv"
bad "an empty file" "bad.csv: tom fil: en rubrikrad som namnger kolumnerna väntades" "$C/bad.csv"
# the name of a KPI made the same as a dataset indicator's: the name is no longer unique
printf '{"values": [{"id": "N99001", "title": "Antal aspiranter som fått Stockholmsjobb", "is_divided_by_gender": 0}]}' > "$C/dup.json"
L import kolada "$C/dup.json" >/dev/null || nok "the duplicate name for the test"
printf 'indicator;area;period;value\nAntal aspiranter som fått Stockholmsjobb;0180;2022;1\n' > "$C/bad.csv"
bad "an indicator name two indicators have" "bad.csv:2: kolumn 1 (indicator): 2 indikatorer heter" "$C/bad.csv"
head -c 200 "$C/sv.csv" > "$C/cut.csv"
dump before
if L import csv "$C/cut.csv" >"$TMP/out" 2>"$TMP/err"; then
	ok "a file cut in the middle imports the rows it holds"
else
	grep -q 'cut.csv:' "$TMP/err" && ok "a file cut in the middle fails naming the file" || nok "cut: $(cat "$TMP/err")"
	unchanged "file cut in the middle"
fi
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;2021;7\n' > "$C/good.csv"
printf 'indicator;area;period;value\nvp-2022-spanga-tensta-i-001;0180;2021;x\n' > "$C/bad.csv"
bad "a good file before a bad one: all or nothing" "bad.csv:2: kolumn 4 (value)" "$C/good.csv" "$C/bad.csv"
expect_eq "the good file's value was not kept" "$(Q "SELECT count(*) FROM outcome WHERE source = 'good.csv'")" 0
printf 'indicator;area;period;value\n' > "$C/head.csv"
N0=$(Q "SELECT count(*) FROM audit")
expect_exit "a header without rows imports nothing of substance: it fails" 1 L import csv "$C/head.csv"
expect_err "saying so, with the file's name" "head.csv: dokumentet innehåller inget som kan importeras"
expect_err "and why" "filen har en rubrikrad men inga rader"
expect_eq "and writes nothing, not even an audit entry" "$(Q "SELECT count(*) FROM audit")" "$N0"
finish
