#!/bin/sh
# t5500: downloads on the web and in the API (web/download.h, docs/api.md "Downloads"): the
# bytes equal `lup export` of the same thing (cmp), Content-Type, Content-Disposition with the
# file named after the document (RFC 6266/5987 for å ä ö), Cache-Control; a draft version is
# 404 for anonymous callers and readable for its editor; the "Ladda ned" menus on the district
# and organisation pages link what the table of exports has.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
export LUP_DOCX_TEMPLATE="$ROOT/templates/lup-mall.docx"
ORG=spanga-tensta-stadsdelsnamnd

L init >/dev/null 2>&1
L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'editorpassword1\n' | L user add own --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org $ORG >/dev/null
T_own=$(L token create own 2>/dev/null)
T_other=$(L token create other 2>/dev/null)
L export docx plan lup-rinkeby-kista --version 1 -o "$TMP/lup.docx" || nok "export docx"
L export json plan lup-rinkeby-kista --version 1 -o "$TMP/lup.json" || nok "export json"
L export csv organisation $ORG --year 2022 -o "$TMP/ind-own.csv" || nok "export csv"
# another organisation's indicator with figures in the district and the city: the district's
# figures are read as ranges of every indicator's (STMT_VTAB_ORG_VALUES), the loader keeps the
# organisation's own
sqlite3 "$DB" "INSERT INTO indicator (id, key, owner_id, name, unit) SELECT max(id) + 1, 't5500-other',
  (SELECT id FROM organisation WHERE key = 'socialnamnden'), 'Annan nämnds indikator', '%' FROM indicator"
sqlite3 "$DB" "INSERT INTO outcome (id, indicator_id, period_id, area_id, sex, value, missing, source, derived, example)
  SELECT (SELECT max(id) FROM outcome) + x.id, (SELECT id FROM indicator WHERE key = 't5500-other'), x.period_id,
  x.area_id, x.sex, x.value, x.missing, x.source, x.derived, x.example FROM outcome x
  WHERE x.indicator_id = (SELECT min(id) FROM indicator WHERE key LIKE 'vp-2022-spanga-tensta-%')"
N=$(sqlite3 "$DB" "SELECT count(*) FROM outcome x JOIN indicator i ON i.id = x.indicator_id
  JOIN area a ON a.id = x.area_id WHERE i.key = 't5500-other' AND a.key = 'spanga-tensta'" | tr -d ' ')
[ "${N:-0}" -gt 0 ] && ok "the other indicator has $N figures in the district" || nok "no other indicator's figures: '$N'"
L export xlsx organisation $ORG --year 2022 -o "$TMP/ind.xlsx" || nok "export xlsx"
L export csv organisation $ORG --year 2022 -o "$TMP/ind.csv" || nok "export csv"
cmp -s "$TMP/ind-own.csv" "$TMP/ind.csv" && ok "another organisation's figures in the district are left out" ||
	nok "the values list another organisation's figures"
grep -q 'vp-2022-spanga-tensta-i-001;' "$TMP/ind.csv" && ok "the own indicator's rows are there" || nok "no own indicator's rows"
expect_exit "a draft of Rinkeby-Kista's LUP" 0 L plan new-version lup-rinkeby-kista
L export docx plan lup-rinkeby-kista --version 2 -o "$TMP/draft.docx" || nok "export the draft"
serve "$DB"
hdr() { tr -d '\r' < "$TMP/headers" | sed -n "s/^$1: //Ip" | head -1; }
DOCX=application/vnd.openxmlformats-officedocument.wordprocessingml.document
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet

# --- the web ---------------------------------------------------------------------------------
page "the LUP as Word" 200 GET "/plan/lup-rinkeby-kista/dokument.docx?version=1" -
cmp -s "$TMP/body" "$TMP/lup.docx" && ok "the Word file is lup export's" || nok "the Word file differs from lup export's"
expect_eq "its Content-Type" "$(hdr Content-Type)" "$DOCX"
expect_eq "its name" "$(hdr Content-Disposition)" \
	"attachment; filename=\"LUP Rinkeby-Kista 2016-2021 version 1.docx\"; filename*=UTF-8''LUP%20Rinkeby-Kista%202016-2021%20version%201.docx"
expect_eq "a public version may be cached" "$(hdr Cache-Control)" "public, max-age=300"
page "without a version: the adopted one" 200 GET "/plan/lup-rinkeby-kista/dokument.docx" -
cmp -s "$TMP/body" "$TMP/lup.docx" && ok "the adopted version's bytes" || nok "not the adopted version"
page "the LUP as JSON" 200 GET "/plan/lup-rinkeby-kista/dokument.json?version=1" -
cmp -s "$TMP/body" "$TMP/lup.json" && ok "the JSON is lup export's" || nok "the JSON differs"
expect_eq "JSON's Content-Type" "$(hdr Content-Type)" "application/json"
page "the draft: 404 for anonymous visitors" 404 GET "/plan/lup-rinkeby-kista/dokument.docx?version=2" -
page "the draft: 404 for another organisation's editor" 404 GET "/plan/lup-rinkeby-kista/dokument.docx?version=2" - \
	-H "Authorization: Bearer $T_other"
page "the draft: 200 for its editor" 200 GET "/plan/lup-rinkeby-kista/dokument.docx?version=2" - \
	-H "Authorization: Bearer $T_own"
cmp -s "$TMP/body" "$TMP/draft.docx" && ok "the draft's bytes" || nok "the draft's bytes differ"
expect_eq "a draft is private" "$(hdr Cache-Control)" "private, no-store"
page "an unknown file" 404 GET "/plan/lup-rinkeby-kista/dokument.exe" -
page "an unknown plan" 404 GET "/plan/no-such-plan/dokument.docx" -

page "the indicators as Excel" 200 GET "/organisation/$ORG/indikatorer.xlsx?ar=2022" -
cmp -s "$TMP/body" "$TMP/ind.xlsx" && ok "the workbook is lup export's" || nok "the workbook differs"
expect_eq "its Content-Type" "$(hdr Content-Type)" "$XLSX"
expect_eq "its name with å" "$(hdr Content-Disposition)" \
	"attachment; filename=\"Indikatorer Spanga-Tensta stadsdelsnamnd 2022.xlsx\"; filename*=UTF-8''Indikatorer%20Sp%C3%A5nga-Tensta%20stadsdelsn%C3%A4mnd%202022.xlsx"
page "the indicators as CSV" 200 GET "/organisation/$ORG/indikatorer.csv?ar=2022" -
cmp -s "$TMP/body" "$TMP/ind.csv" && ok "the CSV is lup export's" || nok "the CSV differs"
expect_eq "CSV's Content-Type" "$(hdr Content-Type)" "text/csv; charset=utf-8"
page "the indicators need a year" 400 GET "/organisation/$ORG/indikatorer.csv" -
page "an unknown organisation" 404 GET "/organisation/no-such-org/indikatorer.csv?ar=2022" -
page "HEAD of a download" 200 HEAD "/organisation/$ORG/indikatorer.csv?ar=2022" - -I

# --- the menus ---------------------------------------------------------------------------------
page "the district page" 200 GET /stadsdel/rinkeby-kista -
has "its menu" "<summary>Ladda ned</summary>"
has "its Word link" 'href="/plan/lup-rinkeby-kista/dokument.docx?version=1"'
has "its JSON link" 'href="/plan/lup-rinkeby-kista/dokument.json?version=1"'
page "the draft on the district page" 200 GET "/stadsdel/rinkeby-kista?version=utkast" - -H "Authorization: Bearer $T_own"
has "the menu names the draft" 'href="/plan/lup-rinkeby-kista/dokument.docx?version=2"'
page "the organisation page" 200 GET "/organisation/$ORG?ar=2022" -
has "its Excel link" "href=\"/organisation/$ORG/indikatorer.xlsx?ar=2022\""
has "its CSV link" "href=\"/organisation/$ORG/indikatorer.csv?ar=2022\""
has "named by format" "Excel (.xlsx)"

# --- the API ---------------------------------------------------------------------------------
req "a version as Word (?format=docx)" 200 GET "/api/v1/plans/lup-rinkeby-kista/versions/1?format=docx"
cmp -s "$TMP/body" "$TMP/lup.docx" && ok "the API's Word file is lup export's" || nok "the API's Word file differs"
expect_eq "its Content-Type" "$(hdr Content-Type)" "$DOCX"
req "a version as Word (Accept)" 200 GET "/api/v1/plans/lup-rinkeby-kista/versions/1" "" "" -H "Accept: $DOCX"
cmp -s "$TMP/body" "$TMP/lup.docx" && ok "Accept gives the same bytes" || nok "Accept gives other bytes"
req "the version as JSON still" 200 GET "/api/v1/plans/lup-rinkeby-kista/versions/1"
expect_eq "JSON by default" "$(jb .format)" "lup-plan"
req "an unknown format" 406 GET "/api/v1/plans/lup-rinkeby-kista/versions/1?format=exe"
req "the draft as Word: 404 anonymously" 404 GET "/api/v1/plans/lup-rinkeby-kista/versions/2?format=docx"
req "the draft as Word for its editor" 200 GET "/api/v1/plans/lup-rinkeby-kista/versions/2?format=docx" "" "$T_own"
cmp -s "$TMP/body" "$TMP/draft.docx" && ok "the API's draft bytes" || nok "the API's draft bytes differ"
req "indicator values as CSV" 200 GET "/api/v1/organisations/$ORG/indicator-values?year=2022"
cmp -s "$TMP/body" "$TMP/ind.csv" && ok "the API's CSV is lup export's" || nok "the API's CSV differs"
req "indicator values as XLSX" 200 GET "/api/v1/organisations/$ORG/indicator-values?year=2022&format=xlsx"
cmp -s "$TMP/body" "$TMP/ind.xlsx" && ok "the API's workbook is lup export's" || nok "the API's workbook differs"
req "indicator values need a year" 400 GET "/api/v1/organisations/$ORG/indicator-values"
req "the OpenAPI document" 200 GET /api/openapi.json
expect_eq "lists indicator-values" "$(jb '.paths["/api/v1/organisations/{id}/indicator-values"].get.parameters | map(.name) | join(",")')" "id,year,format,dialect"
expect_eq "with the table's formats only (the verksamhetsplan is another document)" \
	"$(jb '.paths["/api/v1/organisations/{id}/indicator-values"].get.parameters[] | select(.name == "format") | .schema.enum | sort | join(",")')" "csv,xlsx"
expect_eq "lists the version's formats" "$(jb '.paths["/api/v1/plans/{key}/versions/{n}"].get.responses["200"].content | keys | join(",")')" \
	"application/json,application/pdf,$DOCX"
finish
