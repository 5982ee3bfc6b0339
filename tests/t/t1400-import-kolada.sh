#!/bin/sh
# t1400: lup import kolada: KPI metadata -> indicators, municipality metadata -> areas, data
# responses -> outcomes (T/K/M, null = missing, 0000 = Riket), idempotence, dry run, and bad
# input (malformed JSON, wrong types, depth bombs, huge strings, truncated and empty files),
# each failing with file:line and writing nothing.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
dump() { sqlite3 "$DB" .dump > "$TMP/$1"; }
unchanged() { dump after; cmp -s "$TMP/before" "$TMP/after" && ok "$1: nothing written" || nok "$1: the database changed"; }
K="$TMP/k"
mkdir -p "$K"

L init >/dev/null
L demo "$ROOT/data/stockholm" >/dev/null
# a dataset indicator that follows a Kolada KPI (the dataset has none; set it here)
Q "UPDATE indicator SET kolada_kpi = 'N31807' WHERE key = 'vp-2022-spanga-tensta-i-001'"

# KPI metadata (/v3/kpi): 4 KPIs; N31807 already has an indicator, the 3 others get one each
cat > "$K/kpi.json" <<'EOF'
{"count": 4, "values": [
  {"id": "N00945", "title": "Invånare totalt, antal", "description": "En påhittad beskrivning.",
   "operating_area": "Befolkning", "is_divided_by_gender": 1, "perspective": "Volym", "auspices": ["E"]},
  {"id": "U21468", "title": "Ett nyckeltal utan kön", "description": null,
   "operating_area": "Testområde", "is_divided_by_gender": 0},
  {"id": "N15033", "title": "Ett tredje nyckeltal", "operating_area": "Skola", "is_divided_by_gender": true},
  {"id": "N31807", "title": "Ekonomiskt bistånd, andel barn", "operating_area": "Ekonomiskt bistånd",
   "is_divided_by_gender": 0}
], "next_url": null}
EOF
# municipality metadata: Stockholm (known: code 0180), Göteborg (new), a region (type L: skipped)
cat > "$K/muni.json" <<'EOF'
{"count": 3, "values": [
 {"id": "0180", "title": "Stockholm", "type": "K"},
 {"id": "1480", "title": "Göteborg", "type": "K"},
 {"id": "0001", "title": "Region Stockholm", "type": "L"}
]}
EOF
# a data response (line numbers matter: the comments below count them)
cat > "$K/data.json" <<'EOF'
{"count": 6, "values": [
 {"kpi": "N00945", "municipality": "0180", "period": 2022, "values": [
   {"gender": "T", "count": 1, "status": "", "value": 975551},
   {"gender": "K", "count": 1, "status": "", "value": 493071.5},
   {"gender": "M", "count": 1, "status": "Missing", "value": null}]},
 {"kpi": "N00945", "municipality": "0000", "period": 2022, "values": [
   {"gender": "T", "count": 1, "status": "", "value": 10521556}]},
 {"kpi": "U21468", "municipality": "1480", "period": "2021", "values": [
   {"gender": "T", "count": 1, "status": "", "value": 12.5},
   {"gender": "K", "count": 1, "status": "", "value": 13}]},
 {"kpi": "Z99999", "municipality": "0180", "period": 2022, "values": [
   {"gender": "T", "count": 1, "status": "", "value": 1}]},
 {"kpi": "N00945", "municipality": "G123456", "period": 2022, "values": [
   {"gender": "T", "count": 12, "status": "", "value": 950.5}]},
 {"kpi": "N31807", "municipality": "0180", "period": 2019, "values": [
   {"gender": "T", "count": 1, "status": "", "value": 4.25}]}
], "next_url": null}
EOF
# an older page with next_page
cat > "$K/page.json" <<'EOF'
{"count": 1, "values": [
 {"kpi": "N15033", "municipality": "0180", "period": 2020, "values": [
   {"gender": "T", "count": 1, "status": "", "value": 88.8}]}
], "next_page": "http://api.kolada.se/v2/data/kpi/N15033/year/2020?page=2"}
EOF

# --- metadata
expect_exit "KPI and municipality metadata import" 0 L import kolada "$K/kpi.json" "$K/muni.json" --json
# counted by hand: 4 KPI objects; 2 municipalities of type K; 1 region (type L) skipped
expect_eq "metadata counts (kpis municipalities skipped)" \
	"$(jq -r '[.kpis, .municipalities, .skipped] | @tsv' "$TMP/out")" "$(printf '4\t2\t1')"
expect_eq "a KPI divided by gender gives an indicator by sex" \
	"$(Q "SELECT name, source_kind, kolada_kpi, by_sex, (SELECT key FROM organisation WHERE id = owner_id) FROM indicator WHERE key = 'kolada-n00945'")" \
	"Invånare totalt, antal|kolada|N00945|1|stadsledningskontoret"
expect_eq "is_divided_by_gender true and 0" \
	"$(Q "SELECT group_concat(key || '=' || by_sex, ' ') FROM (SELECT key, by_sex FROM indicator WHERE key IN ('kolada-n15033', 'kolada-u21468') ORDER BY key) AS sq1")" \
	"kolada-n15033=1 kolada-u21468=0"
expect_eq "a KPI an indicator already follows creates none" \
	"$(Q "SELECT count(*) FROM indicator WHERE kolada_kpi = 'N31807'")" 1
expect_eq "Göteborg becomes a municipality with its code" \
	"$(Q "SELECT key, name, level, code FROM area WHERE code = '1480'")" "kommun-1480|Göteborg|municipality|1480"
expect_eq "Stockholm (0180) stays the dataset's area" \
	"$(Q "SELECT key, name FROM area WHERE code = '0180'")" "stockholm|Stockholms stad"
expect_eq "no area for the region" "$(Q "SELECT count(*) FROM area WHERE code = '0001'")" 0
grep -q 'regioner (typ L) hoppades över' "$TMP/out" && ok "the skipped region is a warning" || nok "no warning for the region"

# --- data
dump before
expect_exit "a dry run of the data" 0 L import kolada "$K/data.json" --dry-run --json
unchanged "dry run"
cp "$TMP/out" "$TMP/dry.json"
expect_exit "the data response imports" 0 L import kolada "$K/data.json" --json
# counted by hand from data.json: written: 0180/2022 T K M (3, M null), 0000/2022 T (1),
# 1480/2021 T (1; its K goes to an indicator not divided by sex: skipped), N31807 0180/2019 T (1)
# = 6 values, 1 missing; skipped: U21468 K (1), Z99999 (1, no indicator), G123456 (1, no area) = 3
expect_eq "data counts (values missing skipped)" \
	"$(jq -r '[.values, .missing, .skipped] | @tsv' "$TMP/out")" "$(printf '6\t1\t3')"
expect_eq "the dry run counted the same" \
	"$(jq -c '[.kpis, .values, .missing, .municipalities, .skipped]' "$TMP/dry.json")" \
	"$(jq -c '[.kpis, .values, .missing, .municipalities, .skipped]' "$TMP/out")"
expect_eq "the dry run said so" "$(jq -r .dry_run "$TMP/dry.json")" true
expect_eq "three warnings, with the lines of their objects" \
	"$(jq -r '[.warnings[] | .line] | join(" ")' "$TMP/out")" "8 11 13"
grep -q 'nyckeltal Z99999: ingen indikator följer detta nyckeltal' "$TMP/out" && ok "the unknown KPI is named" || nok "unknown KPI not named"
grep -q 'kommun G123456: inget område har denna kod' "$TMP/out" && ok "the unknown municipality is named" || nok "unknown municipality not named"
expect_eq "outcomes, with null as missing, source kolada, not derived" \
	"$(Q "SELECT group_concat(r, ' ') FROM (SELECT i.key || '/' || a.key || '/' || p.year || p.kind || '/' || o.sex || '=' || coalesce(CAST(o.value AS TEXT), '-') || ',' || o.missing || ',' || o.source || ',' || o.derived || ',' || o.example AS r FROM outcome o JOIN indicator i ON i.id = o.indicator_id JOIN area a ON a.id = o.area_id JOIN period p ON p.id = o.period_id WHERE o.source = 'kolada' ORDER BY r) AS sq2")" \
	"$(sql_real "kolada-n00945/riket/2022FY/T=10521556.0,0,kolada,0,0 kolada-n00945/stockholm/2022FY/K=493071.5,0,kolada,0,0 kolada-n00945/stockholm/2022FY/M=-,1,kolada,0,0 kolada-n00945/stockholm/2022FY/T=975551.0,0,kolada,0,0 kolada-u21468/kommun-1480/2021FY/T=12.5,0,kolada,0,0 vp-2022-spanga-tensta-i-001/stockholm/2019FY/T=4.25,0,kolada,0,0")"
expect_eq "0000 became Riket, a municipality-level area" \
	"$(Q "SELECT key, name, level, code FROM area WHERE code = '0000'")" "riket|Riket|municipality|0000"
expect_exit "lup check is clean after the import" 0 L check

# --- idempotence and equivalent layouts
dump before
expect_exit "the same files again" 0 L import kolada "$K/kpi.json" "$K/muni.json" "$K/data.json" --json
expect_eq "the second import changes nothing" "$(jq .changed "$TMP/out")" 0
unchanged "second import"
sed 's/$/\r/' "$K/data.json" > "$K/crlf.json"
expect_exit "Windows line endings" 0 L import kolada "$K/crlf.json" --json
expect_eq "with CRLF the values are the same (nothing changes)" "$(jq -c '[.values, .changed]' "$TMP/out")" "[6,0]"
tr -d '\n' < "$K/data.json" > "$K/oneline.json"
expect_exit "the response on one line" 0 L import kolada "$K/oneline.json" --json
expect_eq "on one line the values are the same" "$(jq -c '[.values, .changed]' "$TMP/out")" "[6,0]"
printf '\357\273\277' | cat - "$K/data.json" > "$K/bom.json"
expect_exit "a UTF-8 BOM is skipped" 0 L import kolada "$K/bom.json"
unchanged "BOM and line-ending variants"

# --- next_page (older responses) and a revised value
expect_exit "a page with next_page" 0 L import kolada "$K/page.json" --json
expect_eq "its value is read" "$(jq .values "$TMP/out")" 1
grep -q 'nästa sida är http://api.kolada.se/v2/data/kpi/N15033/year/2020?page=2' "$TMP/out" \
	&& ok "the next page is named in a warning" || nok "next_page not reported"
sed 's/"value": 975551}/"value": 975560}/' "$K/data.json" > "$K/revised.json"
expect_exit "a revised response" 0 L import kolada "$K/revised.json" --json
expect_eq "only the revised value changes" "$(jq .changed "$TMP/out")" 1
expect_eq "the revised value is stored" "$(Q "SELECT o.value FROM outcome o JOIN area a ON a.id = o.area_id JOIN indicator i ON i.id = o.indicator_id WHERE i.key = 'kolada-n00945' AND a.key = 'stockholm' AND o.sex = 'T'")" "$(sql_real 975560.0)"

# --- bad input: each fails naming file and line, and writes nothing
bad() { # bad NAME EXPECTED-MESSAGE FILE...
	name=$1 msg=$2; shift 2
	dump before
	expect_exit "$name fails" 1 L import kolada "$@"
	expect_err "$name: the message" "$msg"
	unchanged "$name"
}
# the second comma is byte 32 of the file (13 bytes on line 1, then " {\"kpi\": \"N00945\",,")
printf '{"values": [\n {"kpi": "N00945",, "municipality": "0180"}\n]}\n' > "$K/bad.json"
bad "malformed JSON" "bad.json:2: felaktig JSON vid byte 32: parse error: invalid object key" "$K/bad.json"
sed '3s/"value": 975551/"value": "975551"/' "$K/data.json" > "$K/bad.json"
bad "a value that is a string" "bad.json:3: 'value' ska vara ett tal eller null, inte en sträng" "$K/bad.json"
sed '2s/"period": 2022/"period": {"year": 2022}/' "$K/data.json" > "$K/bad.json"
bad "a period that is an object" "bad.json:2: 'period' ska vara ett tal eller en sträng, inte ett objekt" "$K/bad.json"
sed '6s/"municipality": "0000"/"municipality": 0/' "$K/data.json" > "$K/bad.json"
bad "a municipality that is a number" "bad.json:6: 'municipality' ska vara en sträng, inte ett tal" "$K/bad.json"
sed '4s/"gender": "K"/"gender": "X"/' "$K/data.json" > "$K/bad.json"
bad "an unknown gender" "bad.json:4: 'gender' ska vara T, K eller M, inte 'X'" "$K/bad.json"
sed '8s/"period": "2021"/"period": "21"/' "$K/data.json" > "$K/bad.json"
bad "a period that is not a year" "bad.json:8: 'period' ska vara ett år, inte '21'" "$K/bad.json"
printf '{"values": {"kpi": "N00945"}}' > "$K/bad.json"
bad "values that are an object" "bad.json:1: 'values' ska vara en lista, inte ett objekt" "$K/bad.json"
printf '[{"kpi": "N00945"}]' > "$K/bad.json"
bad "a top-level array" "ett JSON-objekt (ett svar från Koladas API) väntades överst" "$K/bad.json"
awk 'BEGIN { printf "{\"values\": [], \"x\": "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "}" }' > "$K/bad.json"
bad "a depth bomb" "bad.json:1: JSON nästlad djupare än 32 nivåer" "$K/bad.json"
awk 'BEGIN { printf "{\"values\": [{\"id\": \"N1\", \"title\": \""; for (i = 0; i < 20000; i++) printf "abcdefghij"; print "\", \"is_divided_by_gender\": 0}]}" }' > "$K/bad.json"
bad "a huge string" "bad.json:1: en JSON-sträng eller ett tal längre än 65536 byte" "$K/bad.json"
awk 'BEGIN { printf "{\"values\": [{\"id\": \"N1\", \"title\": \""; for (i = 0; i < 200; i++) printf "abcdefghij"; print "\", \"is_divided_by_gender\": 0}]}" }' > "$K/bad.json"
bad "a title over the cap" "bad.json:1: 'title' är längre än 1023 byte" "$K/bad.json"
head -c 300 "$K/data.json" > "$K/bad.json"
bad "a truncated file" "felaktig JSON vid byte 300: texten slutar inne i ett värde (avklippt?)" "$K/bad.json"
: > "$K/bad.json"
bad "an empty file" "bad.json: tom fil: ett JSON-svar från Koladas API väntades" "$K/bad.json"
printf '\n  \n' > "$K/bad.json"
bad "a blank file" "tom fil" "$K/bad.json"
printf '{"count": 0}' > "$K/bad.json"
bad "no values array" "ingen lista 'values': inte ett svar från Koladas API" "$K/bad.json"
printf '{"values": [{"id": "0180", "title": "Stockholm", "type": "K"},\n{"id": "N1", "title": "x", "is_divided_by_gender": 0}]}' > "$K/bad.json"
bad "a KPI in a municipality file" "bad.json:2: ett objekt av slaget KPI i en fil med objekt av slaget kommun" "$K/bad.json"
printf '{"values": [{"kpi": "N00945", "municipality": "0180", "period": 2022, "values": [{"gender": "T"}]}]}' > "$K/bad.json"
bad "a value without 'value'" "ett värde utan 'value'" "$K/bad.json"
printf '{"values": [{"kpi": "N00945", "ou": "V15E0180", "period": 2022, "values": []}]}' > "$K/bad.json"
bad "organisational-unit data" "data för organisatoriska enheter (/v3/oudata) stöds inte" "$K/bad.json"
printf '{"values": [{"id": "N 1", "title": "x", "is_divided_by_gender": 0}]}' > "$K/bad.json"
bad "a KPI id that cannot be a key" "nyckeltalets id 'N 1': bokstäver och siffror väntades" "$K/bad.json"
sed '3s/975551/975999/' "$K/data.json" > "$K/good.json"
printf '{"values": [\n tru\n]}' > "$K/bad.json"
bad "a good file before a bad one: all or nothing" "bad.json:2: felaktig JSON" "$K/good.json" "$K/bad.json"
expect_eq "the good file's value was not kept" \
	"$(Q "SELECT count(*) FROM outcome WHERE value = 975999")" 0
bad "a missing file" "cannot open" "$K/nowhere.json"
# a response without values, KPIs or municipalities imports nothing of substance: it fails
printf '{"values": []}' > "$K/empty.json"
expect_exit "an empty response fails" 1 L import kolada "$K/empty.json"
expect_err "saying there is nothing to import" "empty.json: dokumentet innehåller inget som kan importeras"
finish
