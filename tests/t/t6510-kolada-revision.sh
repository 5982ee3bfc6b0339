#!/bin/sh
# t6510: an existing indicator is bound to a Kolada KPI through the API; a Kolada re-import that
# revises a value cited by a submitted or an approved report flags that report ("värdet har
# reviderats från 79,1 till 79,3 efter godkännandet" / "efter inskickandet"), in GET
# /api/v1/reports/{id} and on the report page, and records the revision in the indicator's
# history; values nobody cites, and a re-import of the same values, flag nothing.
# On the code before issue 13 the binding is refused ("kolada_kpi" is an unknown field) and
# there is no flag.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
K="$TMP/k"
mkdir -p "$K"
IND=vp-2022-spanga-tensta-i-001
ORG=spanga-tensta-stadsdelsnamnd

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org $ORG >/dev/null
T_city=$(L token create city 2>/dev/null)
T_own=$(L token create own 2>/dev/null)
ID=$(Q "SELECT id FROM indicator WHERE key = '$IND'")
serve "$DB"

# --- binding an existing indicator to a KPI
req "an editor binds the indicator to a Kolada KPI" 200 PATCH "/api/v1/indicators/$ID" '{"kolada_kpi": "N31807"}' "$T_own"
expect_eq "the KPI is answered and stored" "$(jb .kolada_kpi) $(Q "SELECT kolada_kpi FROM indicator WHERE id = $ID")" "N31807 N31807"

data() {	# data FILE V2021 V2022 V2023: N31807 in Stockholm (0180), totals
	cat > "$1" <<EOD
{"count": 3, "values": [
 {"kpi": "N31807", "municipality": "0180", "period": 2021, "values": [{"gender": "T", "count": 1, "status": "", "value": $2}]},
 {"kpi": "N31807", "municipality": "0180", "period": 2022, "values": [{"gender": "T", "count": 1, "status": "", "value": $3}]},
 {"kpi": "N31807", "municipality": "0180", "period": 2023, "values": [{"gender": "T", "count": 1, "status": "", "value": $4}]}
], "next_url": null}
EOD
}
data "$K/first.json" 12.5 79.1 50
expect_exit "the first import" 0 L import kolada "$K/first.json"
val() { Q "SELECT x.value FROM outcome x JOIN period p ON p.id = x.period_id JOIN area a ON a.id = x.area_id WHERE x.indicator_id = $ID AND p.year = $1 AND p.kind = 'FY' AND a.code = '0180' AND x.sex = 'T'"; }
expect_eq "the values are written" "$(val 2021) $(val 2022) $(val 2023)" "$(sql_real "12.5 79.1 50.0")"

# --- reports for the full years 2022 (approved through the API) and 2023 (submitted). The
# statuses before the approval are set in the database: this test is about the revision, not
# the workflow's rules (t3000 and the report cycle's tests cover those).
PID22=$(Q "SELECT id FROM period WHERE year = 2022 AND kind = 'FY'")
PID23=$(Q "SELECT id FROM period WHERE year = 2023 AND kind = 'FY'")
OID=$(Q "SELECT id FROM organisation WHERE key = '$ORG'")
Q "INSERT INTO report (org_id, period_id, status, submitted_at) VALUES ($OID, $PID22, 'submitted', '2023-02-01T10:00:00Z'), ($OID, $PID23, 'submitted', '2024-02-01T10:00:00Z')"
R22=$(Q "SELECT id FROM report WHERE org_id = $OID AND period_id = $PID22")
R23=$(Q "SELECT id FROM report WHERE org_id = $OID AND period_id = $PID23")
req "the city approves the 2022 report" 200 POST "/api/v1/reports/$R22/approve" '' "$T_city"
expect_eq "approved" "$(Q "SELECT status FROM report WHERE id = $R22")" approved
req "no revision before the re-import" 200 GET "/api/v1/reports/$R22" "" "$T_city"
expect_eq "revisions is empty" "$(jb '.revisions | length')" 0

# --- the re-import revises 2022 (approved report) and 2023 (submitted); 2021 is cited by none
AUDITS=$(Q "SELECT count(*) FROM audit WHERE entity = 'indicator' AND entity_id = $ID")
data "$K/second.json" 12.75 79.3 51
expect_exit "the re-import" 0 L import kolada "$K/second.json"
expect_eq "the values are revised" "$(val 2021) $(val 2022) $(val 2023)" "$(sql_real "12.75 79.3 51.0")"
expect_eq "two reports flagged, one revision each" \
	"$(Q "SELECT group_concat(report_id || ':' || old || '->' || new || ':' || status, ' ') FROM (SELECT * FROM outcome_revision ORDER BY report_id) AS sq1")" \
	"$(sql_real "$R22:79.1->79.3:approved $R23:50.0->51.0:submitted")"
req "the approved report's revisions in the API" 200 GET "/api/v1/reports/$R22" "" "$T_city"
expect_eq "the flag's text (approved)" "$(jb '.revisions[0].text')" "värdet har reviderats från 79,1 till 79,3 efter godkännandet"
expect_eq "the revision names indicator, period, area, sex" "$(jb '[.revisions[0] | .indicator, .period, .area, .sex, .old, .new] | @tsv')" \
	"$(printf '%s\t2022-FY\tstockholm\tT\t79.1\t79.3' $IND)"
req "the submitted report's revisions" 200 GET "/api/v1/reports/$R23" "" "$T_own"
expect_eq "the flag's text (submitted)" "$(jb '.revisions[0].text')" "värdet har reviderats från 50,0 till 51,0 efter inskickandet"
expect_eq "the history has one entry per revised, cited value" \
	"$(Q "SELECT count(*) FROM audit WHERE entity = 'indicator' AND entity_id = $ID") " "$((AUDITS + 2)) "
expect_eq "the history entry says what changed" \
	"$(Q "SELECT json_extract(after, '$.kolada_revision') FROM audit WHERE entity = 'indicator' AND entity_id = $ID AND after LIKE '%2022 0180%'")" \
	"2022 0180 T: värdet har reviderats från 79,1 till 79,3 (1 rapport flaggad)"

# --- the pages
login() { rm -f "$TMP/$1"; page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"; }
login jar own editorpassword1
page "the report page" 200 GET "/uppfoljning/$R22" jar
has "the report page shows the revision" "värdet har reviderats från 79,1 till 79,3 efter godkännandet"
valid "the report page is valid HTML"
page "the indicator's history" 200 GET "/historik/indikator/$IND" jar
has "the history shows the revision" "värdet har reviderats från 79,1 till 79,3"

# --- the same values again flag nothing; an uncited value flags nothing
expect_exit "the same re-import again" 0 L import kolada "$K/second.json"
expect_eq "no new flags" "$(Q "SELECT count(*) FROM outcome_revision")" 2
expect_eq "no flag for 2021 (no report cites it)" "$(Q "SELECT count(*) FROM outcome_revision v JOIN period p ON p.id = v.period_id WHERE p.year = 2021")" 0

# --- one file revising a cited value twice: each revision is flagged against the value before it
# (the importer writes values in batches: the second must see the first)
cat > "$K/twice.json" <<EOD
{"count": 2, "values": [
 {"kpi": "N31807", "municipality": "0180", "period": 2022, "values": [{"gender": "T", "count": 1, "status": "", "value": 80}]},
 {"kpi": "N31807", "municipality": "0180", "period": 2022, "values": [{"gender": "T", "count": 1, "status": "", "value": 80.5}]}
], "next_url": null}
EOD
expect_exit "a file with the same value twice" 0 L import kolada "$K/twice.json"
expect_eq "the last one is stored" "$(val 2022)" "80.5"
expect_eq "two more flags, each from the value before" \
	"$(Q "SELECT group_concat(old || '->' || new, ' ') FROM (SELECT * FROM outcome_revision WHERE report_id = $R22 ORDER BY id) AS sq1")" \
	"$(sql_real "79.1->79.3 79.3->80.0 80.0->80.5")"
expect_eq "and two more history entries" \
	"$(Q "SELECT count(*) FROM audit WHERE entity = 'indicator' AND entity_id = $ID AND after LIKE '%2022 0180 T%'")" 3
expect_exit "lup check passes" 0 L check
finish
