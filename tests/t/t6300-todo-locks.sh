#!/bin/sh
# t6300: "Att göra" (GET /att-gora, GET /api/v1/views/todo; src/view/todo.c) and the period
# locks (edit/period-lock.h) with an administrator's reopening. Today is set with LUP_TODAY
# (model/today.h); the city's deadline is written into table deadline (0021) directly. Counts
# are derived from the database here, with SQL of the test's own, never written in.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
OWN=spanga-tensta-stadsdelsnamnd
OTHER=rinkeby-kista-stadsdelsnamnd
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'readerpassword2\n' | L user add ownreader --role reader --org $OWN >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org $OWN >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org $OTHER >/dev/null
ROLES="anon reader ownreader other own city admin"
T_anon=
for u in $ROLES; do [ "$u" = anon ] || eval "T_$u=\$(L token create $u 2>/dev/null)"; done
q "INSERT INTO deadline (year, kind, level, due, set_at) VALUES (2022, 'T2', 'city', '2022-09-15', '2022-01-10T08:00:00Z')"
IND=$(q "SELECT i.key FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN organisation o ON o.id = g.owner_id
	WHERE o.key = '$OWN' AND g.year = 2022 ORDER BY i.id LIMIT 1")

# start DAY: (re)starts the server with LUP_TODAY=DAY
start() {
	[ -n "${SERVER-}" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
	export LUP_TODAY=$1
	serve "$DB"
}
# each NAME METHOD PATH BODY EXPECTED...: the request once per role of $ROLES, in that order
each() {
	each_name=$1 each_method=$2 each_path=$3 each_body=$4; shift 4
	for role in $ROLES; do
		eval "tok=\$T_$role"
		req "$each_name as $role" "$1" "$each_method" "$each_path" "$each_body" "$tok"
		shift
	done
}
# missing ORG DAY: indicators x ended periods without a real outcome, by the rule in docs
missing() {
	q "WITH k(kind, md) AS (VALUES ('T1','-04-30'), ('T2','-08-31'), ('FY','-12-31'))
	SELECT count(*) FROM indicator i JOIN goal g ON g.id = i.goal_id, k
	WHERE g.owner_id IN (SELECT id FROM organisation WHERE key = '$1'
		OR pair_id = (SELECT id FROM organisation WHERE key = '$1')
		OR id = (SELECT pair_id FROM organisation WHERE key = '$1'))
	AND g.year BETWEEN CAST(substr('$2', 1, 4) AS INTEGER) - 1 AND CAST(substr('$2', 1, 4) AS INTEGER) AND g.year || k.md < '$2'
	AND (i.periodicity <> 'year' OR k.kind = 'FY') AND i.source_kind <> 'kolada'
	AND NOT EXISTS (SELECT 1 FROM outcome x JOIN period p ON p.id = x.period_id
		WHERE x.indicator_id = i.id AND p.year = g.year AND p.kind = k.kind AND x.example = 0)"
}

# --- Att göra before the deadline ----------------------------------------------------------
start 2022-09-10
each "the todo view" GET /api/v1/views/todo '' 401 200 200 200 200 200 200
req "own editor's todo" 200 GET /api/v1/views/todo '' "$T_own"
expect_eq "it is the organisation's" "$(jb '.scope + " " + .organisation.org')" "organisation $OWN"
expect_eq "today is LUP_TODAY" "$(jb .today)" 2022-09-10
expect_eq "the T2 report is due in 5 days, none started" \
	"$(jb '[.items[] | select(.type == "due")] | map("\(.period) \(.due) \(.days_left) \(.report)") | join(",")')" "T2 2022-09-15 5 null"
expect_eq "missing outcomes: as many as the database lacks" "$(jb '[.items[] | select(.type == "missing")] | length')" \
	"$(missing $OWN 2022-09-10)"
expect_eq "the organisation's total agrees" "$(jb .organisation.missing_outcomes)" "$(missing $OWN 2022-09-10)"
[ "$(missing $OWN 2022-09-10)" -gt 0 ] && ok "some outcomes are missing in the demo" || nok "the demo lacks no outcome"
req "a reader without organisation has nothing" 200 GET /api/v1/views/todo '' "$T_reader"
expect_eq "no organisation" "$(jb '.organisation')" null
req "another district's editor sees its own" 200 GET /api/v1/views/todo '' "$T_other"
expect_eq "the other organisation" "$(jb .organisation.org)" $OTHER
expect_eq "with no missing outcome of Spånga-Tensta's" "$(jb '[.items[] | select(.type == "missing")] | length')" "$(missing $OTHER 2022-09-10)"

# a report started: goals unassessed and activities without status are counted
req "the editor starts the T2 report" 201 POST /api/v1/reports "{\"org\":\"$OWN\",\"period\":\"2022-T2\"}" "$T_own"
REP=$(jb .id)
NGOALS=$(q "SELECT count(*) FROM goal WHERE level = 'namndmal' AND year = 2022 AND owner_id IN
	(SELECT id FROM organisation WHERE key = '$OWN' OR pair_id = (SELECT id FROM organisation WHERE key = '$OWN'))")
req "the report's activities" 200 GET "/api/v1/reports/$REP/activities" '' "$T_own"
NACT=$(jb '[.items[] | select(.reported | not)] | length')
req "own editor's todo with a draft" 200 GET /api/v1/views/todo '' "$T_own"
expect_eq "the due item names the draft" "$(jb '[.items[] | select(.type == "due")][0] | "\(.report) \(.status)"')" "$REP draft"
expect_eq "every nämndmål is unassessed" "$(jb '[.items[] | select(.type == "unassessed")][0].count')" "$NGOALS"
expect_eq "every activity lacks a status" "$(jb '[.items[] | select(.type == "no_status")][0].count // 0')" "$NACT"
GOAL=$(q "SELECT key FROM goal WHERE level = 'namndmal' AND year = 2022 AND owner_id = (SELECT id FROM organisation WHERE key = '$OWN') ORDER BY id LIMIT 1")
req "one goal is assessed" 200 PUT "/api/v1/reports/$REP/assessments/$GOAL" '{"assessment":"partly","analysis":"Två av tre indikatorer."}' "$T_own"
req "own editor's todo again" 200 GET /api/v1/views/todo '' "$T_own"
expect_eq "one goal fewer is unassessed" "$(jb '[.items[] | select(.type == "unassessed")][0].count')" "$((NGOALS - 1))"

# the page
page "anonymous callers are sent to the login" 303 GET /att-gora -
grep -qi '^location: /logga-in?till=%2Fatt-gora' "$TMP/headers" && ok "to the login and back" || nok "the redirect's location"
login jo own editorpassword1
page "the editor's Att göra" 200 GET /att-gora jo
has "the report due, with days left" "5 dagar kvar"
has "linked to the report" "href=\"/uppfoljning/$REP\""
has "unassessed goals are listed" "$((NGOALS - 1)) mål utan bedömning"
has "the header links to it with a count" 'href="/att-gora" aria-current="page">Att göra<span class="badge">'
valid "the page is valid HTML"
hasnt "no reopening form for an editor" "oppna-period"

login jr reader readerpassword1
page "a reader of no organisation" 200 GET /att-gora jr
has "has nothing to do" "Ditt konto hör inte till någon organisation"
login jor ownreader readerpassword2
page "a reader of the organisation" 200 GET /att-gora jor
has "sees its things to do" "5 dagar kvar"
hasnt "without the reopening form" "oppna-period"

# submitted, returned with a comment: the return is a to-do with its comment
# every goal assessed or "Ej bedömt" with a reason (the submit rule); marked goals are no to-do
report_none_rest "$DB" "$REP" -H "Authorization: Bearer $T_own"
req "goals marked Ej bedömt with a reason" 200 GET /api/v1/views/todo '' "$T_own"
expect_eq "are no longer unassessed" "$(jb '[.items[] | select(.type == "unassessed")] | length')" 0
req "the report is submitted" 200 POST "/api/v1/reports/$REP/submit" '' "$T_own"
req "own editor's todo, submitted" 200 GET /api/v1/views/todo '' "$T_own"
expect_eq "a submitted report is not due" "$(jb '[.items[] | select(.type == "due")] | length')" 0
req "the city returns it" 200 POST "/api/v1/reports/$REP/return" '{"comment":"Komplettera analysen av mål 2."}' "$T_city"
req "own editor's todo, returned" 200 GET /api/v1/views/todo '' "$T_own"
expect_eq "the return with its comment" "$(jb '[.items[] | select(.type == "returned")][0] | "\(.report) \(.comment)"')" \
	"$REP Komplettera analysen av mål 2."
expect_eq "and the report is due again" "$(jb '[.items[] | select(.type == "due")][0].status')" returned

# another district hands its report in on time
req "the other editor starts its report" 201 POST /api/v1/reports "{\"org\":\"$OTHER\",\"period\":\"2022-T2\"}" "$T_other"
OREP=$(jb .id)
req "and submits it" 200 POST "/api/v1/reports/$OREP/submit" '' "$T_other"

# --- the city's table after the deadline -----------------------------------------------------
start 2022-10-01
req "the city's todo" 200 GET /api/v1/views/todo '' "$T_city"
expect_eq "the city sees every organisation" "$(jb '.scope')" city
expect_eq "as many organisations as report" "$(jb '.organisations | length')" \
	"$(q "SELECT count(*) FROM organisation WHERE kind IN ('district_committee','specialist_committee','company_board')")"
expect_eq "late first, silent before the others, on time last" \
	"$(jb '[.organisations[] | [.days_late, (if .silent then 1 else 0 end)]] | . == (sort_by(-.[0], -.[1]))')" true
expect_eq "Spånga-Tensta is 16 days late, not silent" \
	"$(jb ".organisations[] | select(.org == \"$OWN\") | \"\(.days_late) \(.silent) \(.reports[0].status)\"")" "16 false returned"
expect_eq "Rinkeby-Kista is on time" "$(jb ".organisations[] | select(.org == \"$OTHER\") | \"\(.days_late) \(.silent)\"")" "0 false"
expect_eq "the silent ones have no report" \
	"$(jb '[.organisations[] | select(.silent)] | length')" \
	"$(q "SELECT count(*) FROM organisation o WHERE kind IN ('district_committee','specialist_committee','company_board')
		AND NOT EXISTS (SELECT 1 FROM report r WHERE r.org_id IN (SELECT id FROM organisation WHERE id = o.id
		OR pair_id = o.id OR id = o.pair_id))")"
expect_eq "the one on time comes last" "$(jb '.organisations[-1].days_late')" 0
req "an administrator sees the same" 200 GET /api/v1/views/todo '' "$T_admin"
expect_eq "the city's scope" "$(jb .scope)" city
login jc city citypassword1
page "the city's Att göra" 200 GET /att-gora jc
has "a table per organisation" "Rapportläge per organisation"
has "the late count" "Dagar försenad"
valid "the city's page is valid HTML"
hasnt "no reopening form for the city office" "oppna-period"

# --- period locks -----------------------------------------------------------------------------
OUT="{\"indicator\":\"$IND\",\"period\":\"2022-T2\",\"area\":\"spanga-tensta\",\"value\":41.5}"
start 2022-09-29
req "the last day of grace: an outcome is written" 200 POST /api/v1/outcomes "$OUT" "$T_own"
start 2022-09-30
req "the day after: the period is locked" 409 POST /api/v1/outcomes "$OUT" "$T_own"
expect_eq "the API's code" "$(jb .error.code)" period_locked
req "a missing value too" 409 POST /api/v1/outcomes "{\"indicator\":\"$IND\",\"period\":\"2022-T2\",\"area\":\"spanga-tensta\",\"value\":null}" "$T_own"
req "also for an administrator" 409 POST /api/v1/outcomes "$OUT" "$T_admin"
req "T1 has no deadline: open" 200 POST /api/v1/outcomes "{\"indicator\":\"$IND\",\"period\":\"2022-T1\",\"area\":\"spanga-tensta\",\"value\":40}" "$T_own"
req "the locks of the year" 200 GET /api/v1/periods/2022/locks '' ''
expect_eq "T2 locked from 30 September" "$(jb '.periods[] | select(.period == "T2") | "\(.deadline) \(.locked_from) \(.locked)"')" "2022-09-15 2022-09-30 true"
login jo own editorpassword1
CS=$(csrf jo)
page "the outcome form refuses" 409 POST "/indikator/$IND/redigera" jo --data-urlencode "csrf=$CS" \
	--data-urlencode del=utfall --data-urlencode utfall-period=T2 --data-urlencode utfall-ar=2022 \
	--data-urlencode omrade=spanga-tensta --data-urlencode kon=T --data-urlencode varde=42
has "in Swedish, saying since when" "Perioden tertialrapport 2 2022 är låst sedan 30 september 2022. En administratör kan öppna den igen."
page "the indicator page shows the lock" 200 GET "/indikator/$IND?ar=2022" jo
has "the lock is shown" "Låst: "
expect_eq "the outcome is unchanged" "$(q "SELECT x.value FROM outcome x JOIN indicator i ON i.id = x.indicator_id JOIN period p ON p.id = x.period_id
	JOIN area a ON a.id = x.area_id WHERE i.key = '$IND' AND p.year = 2022 AND p.kind = 'T2' AND a.key = 'spanga-tensta' AND x.sex = 'T'")" 41.5
printf 'indicator;area;period;value\n%s;spanga-tensta;2022-T1;39\n%s;spanga-tensta;2022-T2;43\n' "$IND" "$IND" > "$TMP/o.csv"
LUP_TODAY=2022-09-30 expect_exit "the CSV import is refused" 1 L import csv "$TMP/o.csv"
expect_err "naming the line" "o.csv:3: kolumn 3 (period): Perioden tertialrapport 2 2022 är låst sedan 30 september 2022"
expect_eq "nothing of it is kept (T1 stays 40)" "$(q "SELECT x.value FROM outcome x JOIN indicator i ON i.id = x.indicator_id JOIN period p ON p.id = x.period_id
	JOIN area a ON a.id = x.area_id WHERE i.key = '$IND' AND p.year = 2022 AND p.kind = 'T1' AND a.key = 'spanga-tensta' AND x.sex = 'T'")" "$(sql_real 40.0)"

# --- reopening -------------------------------------------------------------------------------
R="/api/v1/periods/2022/T2/reopen"
each "reopen" POST "$R" "{\"org\":\"$OWN\",\"reason\":\"Rättelse\",\"until\":\"2022-10-05\"}" 401 403 403 403 403 403 201
RID=$(jb .id)
expect_eq "the reopening as written" "$(jb '"\(.org) \(.period) \(.until) \(.reopened_by)"')" "$OWN T2 2022-10-05 admin"
req "without a reason" 422 POST "$R" "{\"org\":\"$OWN\",\"until\":\"2022-10-05\"}" "$T_admin"
req "with a blank reason" 422 POST "$R" '{"reason":"  \n "}' "$T_admin"
expect_eq "the field named" "$(jb '.error.fields[0].field')" reason
req "until a day past" 422 POST "$R" '{"reason":"x","until":"2022-09-01"}' "$T_admin"
req "for an unknown organisation" 422 POST "$R" '{"reason":"x","org":"no-such-org"}' "$T_admin"
req "an unknown period" 404 POST /api/v1/periods/2022/T3/reopen '{"reason":"x"}' "$T_admin"
expect_eq "one reopening only" "$(q "SELECT count(*) FROM period_reopen")" 1
req "the audit entry" 200 GET "/api/v1/audit?entity=period_reopen&id=$RID" '' "$T_admin"
expect_eq "it records who, why and until" "$(jb '.items[0] | "\(.actor) \(.action) \(.after | fromjson | .reason) \(.after | fromjson | .until)"')" "admin insert Rättelse 2022-10-05"
req "now the outcome is written" 200 POST /api/v1/outcomes "$OUT" "$T_own"
req "the locks for Spånga-Tensta" 200 GET "/api/v1/periods/2022/locks?org=$OWN" '' ''
expect_eq "reopened" "$(jb '.periods[] | select(.period == "T2") | "\(.locked) \(.reopened_until)"')" "false 2022-10-05"
req "the locks for Rinkeby-Kista" 200 GET "/api/v1/periods/2022/locks?org=$OTHER" '' ''
expect_eq "still locked for another organisation" "$(jb '.periods[] | select(.period == "T2") | .locked')" true
LUP_TODAY=2022-10-06 expect_exit "after the reopening's last day the import is refused again" 1 L import csv "$TMP/o.csv"

# the administrators' form
login ja admin adminpassword1
page "the administrator's Att göra has the form" 200 GET /att-gora ja
has "the reopening form" 'action="/att-gora/oppna-period"'
valid "the administrator's page is valid HTML"
CS=$(csrf ja)
page "the form without a reason" 422 POST /att-gora/oppna-period ja --data-urlencode "csrf=$CS" \
	--data-urlencode ar=2022 --data-urlencode period=VB --data-urlencode "skal= "
has "a Swedish message at the field" "Skriv varför perioden öppnas."
page "the form with a reason" 303 POST /att-gora/oppna-period ja --data-urlencode "csrf=$CS" \
	--data-urlencode ar=2022 --data-urlencode period=VB --data-urlencode "skal=Sen rättelse" --data-urlencode till=2022-10-20
page "the administrator's page lists the reopenings" 200 GET /att-gora ja
has "the one for Spånga-Tensta" "<td>Spånga-Tensta stadsdelsnämnd</td><td>Rättelse</td><td>5 oktober 2022</td>"
has "the one for all" "<td>Alla</td><td>Sen rättelse</td><td>20 oktober 2022</td>"
valid "still valid HTML"
expect_eq "the reopening for all" "$(q "SELECT coalesce(CAST(r.org_id AS TEXT), 'all') || ' ' || r.until || ' ' || r.reason FROM period_reopen r JOIN period p ON p.id = r.period_id WHERE p.kind = 'FY'")" "all 2022-10-20 Sen rättelse"
expect_eq "audited" "$(q "SELECT count(*) FROM audit WHERE entity = 'period_reopen'")" 2
login jc city citypassword1
CS=$(csrf jc)
page "the city office may not reopen" 403 POST /att-gora/oppna-period jc --data-urlencode "csrf=$CS" \
	--data-urlencode ar=2022 --data-urlencode period=VB --data-urlencode "skal=x"
page "anonymous callers may not either" 401 POST /att-gora/oppna-period - --data-urlencode ar=2022 \
	--data-urlencode period=VB --data-urlencode "skal=x"

# the command line
LUP_TODAY=2022-10-01 expect_exit "lup period reopen needs a reason" 2 L period reopen 2022 T2 --org $OTHER
LUP_TODAY=2022-10-01 expect_exit "lup period reopen" 0 L period reopen 2022 T2 --org $OTHER --reason "Sent inlämnat"
LUP_TODAY=2022-10-01 expect_exit "lup period locks" 0 L period locks 2022 --org $OTHER
expect_out "reopened until today plus the grace days" "2022 T2	deadline 2022-09-15	locked from 2022-09-30	open (reopened until 2022-10-15)"

# Kolada's official statistics are exempt: the Kolada importer writes a locked year's value
q "INSERT INTO deadline (year, kind, level, due, set_at) VALUES (2022, 'FY', 'city', '2023-02-15', '2022-01-10T08:00:00Z')"
q "UPDATE indicator SET kolada_kpi = 'N31807' WHERE key = '$IND'"
printf '{"count": 1, "values": [{"id": "N31807", "title": "Ekonomiskt bistånd, andel barn", "is_divided_by_gender": 0}]}\n' > "$TMP/kpi.json"
printf '{"count": 1, "values": [{"kpi": "N31807", "municipality": "0180", "period": 2022, "values": [{"gender": "T", "count": 1, "status": "", "value": 4.25}]}]}\n' > "$TMP/data.json"
printf 'indicator;area;period;value\n%s;stockholm;2022;4.5\n' "$IND" > "$TMP/fy.csv"
LUP_TODAY=2023-04-01 expect_exit "the full year 2022 is locked for a CSV import" 1 L import csv "$TMP/fy.csv"
expect_err "as verksamhetsberättelse" "Perioden verksamhetsberättelse 2022 är låst sedan 2 mars 2023"
LUP_TODAY=2023-04-01 expect_exit "but Kolada's figure of it is imported" 0 L import kolada "$TMP/kpi.json" "$TMP/data.json"
expect_eq "the official value is there" "$(q "SELECT x.value FROM outcome x JOIN indicator i ON i.id = x.indicator_id JOIN period p ON p.id = x.period_id
	WHERE i.key = '$IND' AND p.year = 2022 AND p.kind = 'FY' AND x.source = 'kolada'")" 4.25
finish
