#!/bin/sh
# t3400: who may read what and what a writer may attach to (src/web/authz.h), against the real
# `lup serve`: a draft report read by every kind of caller through every route and view that
# shows report content (the report and its activities, the report list, the goal chain with and
# without the cache and after a logged-in user's view was cached, the organisation page, the
# city page, the report page, its history, the audit log, the search), and every write route
# with a reference to another organisation's object (its editor: 403 or 422; an administrator:
# 2xx), through the API and the forms.
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
# an editor of the committee's administration: the pair (the administration names the committee)
printf 'editorpassword3\n' | L user add adm --role editor --org spanga-tensta-stadsdelsforvaltning >/dev/null
ROLES="anon reader ownreader other own adm city admin"
T_anon=
for u in $ROLES; do [ "$u" = anon ] || eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && [ -n "$T_adm" ] && ok "tokens are created" || nok "token create"

serve "$DB"
BASE1=$BASE
# a second server on the same database without the cache
rm -f "$TMP/port2"
"$LUP" --db "$DB" serve --no-cache --listen 127.0.0.1:0 --port-file "$TMP/port2" >/dev/null 2>"$TMP/server2.log" &
SERVER2=$!
trap 'kill $SERVER $SERVER2 2>/dev/null; lib_cleanup' EXIT
for i in $(seq 100); do [ -s "$TMP/port2" ] && break; sleep 0.1; done
[ -s "$TMP/port2" ] && ok "a server without the cache starts" || { nok "lup serve --no-cache"; finish; }
BASE2="http://127.0.0.1:$(cat "$TMP/port2")"

has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the answer lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the answer has '$2')"; else ok "$1"; fi; }
# each NAME METHOD PATH BODY EXPECTED...: the request once per role of $ROLES, in that order
each() {
	each_name=$1 each_method=$2 each_path=$3 each_body=$4; shift 4
	for role in $ROLES; do
		eval "tok=\$T_$role"
		req "$each_name as $role" "$1" "$each_method" "$each_path" "$each_body" "$tok"
		shift
	done
}
# sees NAME PATH TEXT YES...: per role of $ROLES, whether the answer to GET PATH contains TEXT
# (1) or not (0)
sees() {
	name=$1 path=$2 text=$3; shift 3
	for role in $ROLES; do
		eval "tok=\$T_$role"
		code=$(curl -s -o "$TMP/body" -w '%{http_code}' ${tok:+-H "Authorization: Bearer $tok"} "$BASE$path")
		if grep -q -F -- "$text" "$TMP/body"; then got=1; else got=0; fi
		if [ "$got" = "$1" ]; then ok "$name as $role"; else
			nok "$name as $role (GET $path: $code, shows '$text': $got, expected $1)"; fi
		shift
	done
}

# --- a draft report with an assessment and its analysis -----------------------------------------------
SECRET="Utkastanalys-7f3a: ännu inte godkänd"
req "the editor starts a draft" 201 POST /api/v1/reports "{\"org\":\"$OWN\",\"period\":\"2022-T1\"}" "$T_own"
REP=$(jb .id)
req "and assesses a goal with an analysis" 200 PUT "/api/v1/reports/$REP/assessments/vp-2022-spanga-tensta-nm-03" \
	"{\"assessment\":\"partly\",\"analysis\":\"$SECRET\"}" "$T_own"
req "and records an activity's status" 200 PUT "/api/v1/reports/$REP/activities/vp-2022-spanga-tensta-a-014" \
	"{\"status\":\"ongoing\",\"comment\":\"$SECRET\"}" "$T_own"
CHAIN="/api/v1/organisations/$OWN/goal-chain?year=2022"

for srv in cached uncached; do
	[ $srv = cached ] && BASE=$BASE1 || BASE=$BASE2
	# anon reader ownreader other own adm city admin
	each "$srv: the draft" GET "/api/v1/reports/$REP" '' 404 403 200 403 200 200 200 200
	each "$srv: the draft's activities" GET "/api/v1/reports/$REP/activities" '' 404 403 200 403 200 200 200 200
	sees "$srv: the report list" /api/v1/reports "\"id\":$REP," 0 0 1 0 1 1 1 1
	sees "$srv: the goal chain" "$CHAIN" "$SECRET" 0 0 1 0 1 1 1 1
	sees "$srv: the goal chain again" "$CHAIN" "$SECRET" 0 0 1 0 1 1 1 1
	sees "$srv: the goal chain's draft assessment" "$CHAIN" '"report_status":"draft"' 0 0 1 0 1 1 1 1
	sees "$srv: the organisation page" "/organisation/$OWN?ar=2022" "$SECRET" 0 0 1 0 1 1 1 1
	sees "$srv: the city page" "/?period=2022-T1" "<td>Utkast" 0 0 1 0 1 1 1 1
	sees "$srv: the report list page" /uppfoljning "/uppfoljning/$REP\"" 0 0 1 0 1 1 1 1
	sees "$srv: the search" "/sok?q=Utkastanalys" "$SECRET" 0 0 0 0 0 0 0 0
done
BASE=$BASE1
req "the goal chain holds no filter columns" 200 GET "$CHAIN" "" "$T_own"
expect_eq "... (no report_org)" "$(jb '[.goals[].assessments[] | keys[]] | unique | join(",")')" "analysis,assessment,period,report_status"

# the cache: a logged-in user's view never reaches another caller
for who in own city admin; do
	eval "tok=\$T_$who"
	req "the goal chain read by $who first" 200 GET "$CHAIN" "" "$tok"
	has "... with the draft's analysis" "$SECRET"
	req "... then anonymously" 200 GET "$CHAIN"
	hasnt "... without it" "$SECRET"
	req "... then by another organisation's editor" 200 GET "$CHAIN" "" "$T_other"
	hasnt "... without it" "$SECRET"
	req "... then by a reader of no organisation" 200 GET "$CHAIN" "" "$T_reader"
	hasnt "... without it" "$SECRET"
done
req "the report read by its editor" 200 GET "/api/v1/reports/$REP" "" "$T_own"
req "... then by another organisation's editor" 403 GET "/api/v1/reports/$REP" "" "$T_other"
req "the organisation page as its editor" 200 GET "/organisation/$OWN?ar=2022" "" "$T_own"
req "... then anonymously" 200 GET "/organisation/$OWN?ar=2022"
hasnt "... without the draft" "$SECRET"

# the pages of the report itself and its history
each "the report page" GET "/uppfoljning/$REP" '' 404 403 200 403 200 200 200 200
each "the report's history" GET "/historik/rapport/$REP" '' 303 403 200 403 200 200 200 200
sees "the audit log of the report" "/api/v1/audit?entity=report&id=$REP" "$SECRET" 0 0 1 0 1 1 1 1
sees "the newest audit entries" "/api/v1/audit" "$SECRET" 0 0 1 0 1 1 1 1

# once approved, the report is public
report_none_rest "$DB" "$REP" -H "Authorization: Bearer $T_own"
req "submitted" 200 POST "/api/v1/reports/$REP/submit" '' "$T_own"
sees "a submitted report's analysis is not public" "$CHAIN" "$SECRET" 0 0 1 0 1 1 1 1
req "approved" 200 POST "/api/v1/reports/$REP/approve" '' "$T_city"
each "the approved report" GET "/api/v1/reports/$REP" '' 200 200 200 200 200 200 200 200
sees "the approved analysis in the goal chain" "$CHAIN" "$SECRET" 1 1 1 1 1 1 1 1
sees "the approved analysis on the organisation page" "/organisation/$OWN?ar=2022" "$SECRET" 1 1 1 1 1 1 1 1

# --- writes: a reference to another organisation's object ---------------------------------------
# another organisation's nämndmål (written by the administrator) and indicator
req "the administrator writes another organisation's nämndmål" 201 POST /api/v1/goals \
	"{\"level\":\"namndmal\",\"parent\":\"kf-2022-1-1\",\"name\":\"Rinkebys mål\",\"year\":2022,\"owner\":\"$OTHER\"}" "$T_admin"
OGOAL=$(jb .key)
req "and its indicator" 201 POST /api/v1/indicators "{\"goal\":\"$OGOAL\",\"name\":\"Rinkebys indikator\"}" "$T_admin"
OIND=$(jb .key)
req "and its activity" 201 POST /api/v1/activities "{\"owner\":\"$OTHER\",\"name\":\"Rinkebys aktivitet\",\"goal\":\"$OGOAL\"}" "$T_admin"
OACT=$(jb .id)
n0=$(q "SELECT count(*) FROM audit")

# activities: the goal
req "an activity of the own organisation on another organisation's goal" 403 POST /api/v1/activities \
	"{\"owner\":\"$OWN\",\"name\":\"Kapad aktivitet\",\"goal\":\"$OGOAL\"}" "$T_own"
has "... names the field" "goal:"
req "... also by the pair's editor" 403 POST /api/v1/activities \
	"{\"owner\":\"$OWN\",\"name\":\"Kapad aktivitet\",\"goal\":\"$OGOAL\"}" "$T_adm"
req "... and as the other organisation's own activity" 403 POST /api/v1/activities \
	"{\"owner\":\"$OTHER\",\"name\":\"Kapad aktivitet\",\"goal\":\"$OGOAL\"}" "$T_own"
req "another organisation's goal does not show the refused activity" 200 GET "/api/v1/goals/$OGOAL"
expect_eq "... (its one activity)" "$(jb '[.activities[].name] | join(",")')" "Rinkebys aktivitet"
req "an unknown goal" 422 POST /api/v1/activities "{\"owner\":\"$OWN\",\"name\":\"x\",\"goal\":\"no-such-goal\"}" "$T_own"
expect_eq "no refused write wrote anything" "$(q "SELECT count(*) FROM audit")" "$n0"
req "an activity on the own goal" 201 POST /api/v1/activities \
	"{\"owner\":\"$OWN\",\"name\":\"Egen aktivitet\",\"goal\":\"vp-2022-spanga-tensta-nm-03\"}" "$T_own"
req "... by the pair's editor" 201 POST /api/v1/activities \
	"{\"owner\":\"$OWN\",\"name\":\"Förvaltningens aktivitet\",\"goal\":\"vp-2022-spanga-tensta-nm-03\"}" "$T_adm"
req "an activity on a KF goal" 201 POST /api/v1/activities \
	"{\"owner\":\"$OWN\",\"name\":\"KF-aktivitet\",\"goal\":\"kf-2022-1-1\"}" "$T_own"
req "an activity in another district (districts are any)" 201 POST /api/v1/activities \
	"{\"owner\":\"$OWN\",\"name\":\"I Rinkeby\",\"districts\":[\"rinkeby-kista\"]}" "$T_own"
req "the administrator attaches to any goal" 201 POST /api/v1/activities \
	"{\"owner\":\"$OWN\",\"name\":\"Administratörens aktivitet\",\"goal\":\"$OGOAL\"}" "$T_admin"
req "an activity's goal cannot be changed" 422 PATCH "/api/v1/activities/$OACT" "{\"goal\":\"vp-2022-spanga-tensta-nm-03\"}" "$T_admin"

# goals: the parent
req "an LUP goal under another organisation's nämndmål" 403 POST /api/v1/goals \
	"{\"level\":\"lup\",\"parent\":\"$OGOAL\",\"name\":\"Kapat mål\",\"year\":2022,\"owner\":\"$OWN\"}" "$T_own"
has "... names the field" "parent:"
req "... by the pair's editor" 403 POST /api/v1/goals \
	"{\"level\":\"lup\",\"parent\":\"$OGOAL\",\"name\":\"Kapat mål\",\"year\":2022}" "$T_adm"
req "a nämndmål under another organisation's nämndmål (the level rule first)" 422 POST /api/v1/goals \
	"{\"level\":\"namndmal\",\"parent\":\"$OGOAL\",\"name\":\"x\",\"year\":2022,\"owner\":\"$OWN\"}" "$T_own"
req "a goal under an unknown goal" 422 POST /api/v1/goals \
	"{\"level\":\"lup\",\"parent\":\"no-such-goal\",\"name\":\"x\",\"year\":2022,\"owner\":\"$OWN\"}" "$T_own"
req "an LUP goal under the own nämndmål" 201 POST /api/v1/goals \
	"{\"level\":\"lup\",\"parent\":\"vp-2022-spanga-tensta-nm-03\",\"name\":\"Eget LUP-mål\",\"year\":2022,\"owner\":\"$OWN\"}" "$T_own"
req "a nämndmål under a KF goal" 201 POST /api/v1/goals \
	"{\"level\":\"namndmal\",\"parent\":\"kf-2022-1-1\",\"name\":\"Eget nämndmål\",\"year\":2022,\"owner\":\"$OWN\"}" "$T_own"
req "the administrator puts a goal under any goal" 201 POST /api/v1/goals \
	"{\"level\":\"lup\",\"parent\":\"$OGOAL\",\"name\":\"Administratörens mål\",\"year\":2022,\"owner\":\"$OWN\"}" "$T_admin"

# the other write routes: each reference to another organisation's object
req "an indicator under another organisation's goal" 403 POST /api/v1/indicators "{\"goal\":\"$OGOAL\",\"name\":\"x\"}" "$T_own"
req "... by the administrator" 201 POST /api/v1/indicators "{\"goal\":\"$OGOAL\",\"name\":\"x\"}" "$T_admin"
req "a target of another organisation's indicator" 403 PUT "/api/v1/indicators/$OIND/targets/2022/own" '{"value":"5 %"}' "$T_own"
req "... by the administrator" 200 PUT "/api/v1/indicators/$OIND/targets/2022/own" '{"value":"5 %"}' "$T_admin"
req "an outcome of another organisation's indicator" 403 POST /api/v1/outcomes \
	"{\"indicator\":\"$OIND\",\"period\":\"2022-T2\",\"area\":\"rinkeby-kista\",\"value\":1}" "$T_own"
req "... by the administrator" 200 POST /api/v1/outcomes \
	"{\"indicator\":\"$OIND\",\"period\":\"2022-T2\",\"area\":\"rinkeby-kista\",\"value\":1}" "$T_admin"
req "an outcome of the own indicator in another district (areas are any)" 200 POST /api/v1/outcomes \
	'{"indicator":"vp-2022-spanga-tensta-i-002","period":"2022-T2","area":"rinkeby-kista","value":1}' "$T_own"
req "a change of another organisation's activity" 403 PATCH "/api/v1/activities/$OACT" '{"status":"done"}' "$T_own"
req "a report of another organisation" 403 POST /api/v1/reports "{\"org\":\"$OTHER\",\"period\":\"2022-T2\"}" "$T_own"
req "... by the administrator" 201 POST /api/v1/reports "{\"org\":\"$OTHER\",\"period\":\"2022-T2\"}" "$T_admin"
RO=$(jb .id)
req "a change of another organisation's goal" 403 PATCH "/api/v1/goals/$OGOAL" '{"description":"x"}' "$T_own"
req "... by the administrator" 200 PATCH "/api/v1/goals/$OGOAL" '{"description":"x"}' "$T_admin"
req "a change of another organisation's indicator" 403 PATCH "/api/v1/indicators/$OIND" '{"unit":"st"}' "$T_own"
req "an indicator's goal cannot be changed" 422 PATCH "/api/v1/indicators/$OIND" "{\"goal\":\"vp-2022-spanga-tensta-nm-03\"}" "$T_admin"
req "removing a target of another organisation's indicator" 403 DELETE "/api/v1/indicators/$OIND/targets/2022/own" '' "$T_own"
req "deleting another organisation's activity" 403 DELETE "/api/v1/activities/$OACT" '' "$T_own"
req "a change of another organisation's report" 403 PATCH "/api/v1/reports/$RO" '{"forecast":"x"}' "$T_own"
req "an assessment in another organisation's report" 403 PUT "/api/v1/reports/$RO/assessments/vp-2022-spanga-tensta-nm-03" '{"assessment":"partly"}' "$T_own"
req "an activity status in another organisation's report" 403 PUT "/api/v1/reports/$RO/activities/$OACT" '{"status":"done"}' "$T_own"
req "removing one from another organisation's report" 403 DELETE "/api/v1/reports/$RO/activities/$OACT" '' "$T_own"
req "submitting another organisation's report" 403 POST "/api/v1/reports/$RO/submit" '' "$T_own"
report_none_rest "$DB" "$RO" -H "Authorization: Bearer $T_admin"
req "... by the administrator" 200 POST "/api/v1/reports/$RO/submit" '' "$T_admin"
req "the own T2 report" 201 POST /api/v1/reports "{\"org\":\"$OWN\",\"period\":\"2022-T2\"}" "$T_own"
R2=$(jb .id)
req "an assessment of another organisation's goal" 422 PUT "/api/v1/reports/$R2/assessments/$OGOAL" '{"assessment":"partly"}' "$T_own"
req "... also by the administrator" 422 PUT "/api/v1/reports/$R2/assessments/$OGOAL" '{"assessment":"partly"}' "$T_admin"
req "another organisation's activity in the report" 422 PUT "/api/v1/reports/$R2/activities/$OACT" '{"status":"done"}' "$T_own"
req "... also by the administrator" 422 PUT "/api/v1/reports/$R2/activities/$OACT" '{"status":"done"}' "$T_admin"

# the forms share the core
rm -f "$TMP/own.jar"
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$TMP/own.jar" --data-urlencode namn=own --data-urlencode losenord=editorpassword1 "$BASE/logga-in")
expect_eq "the editor logs in through the form" "$code" 303
CSRF=$(curl -s -b "$TMP/own.jar" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
form() {	# form NAME WANT PATH FIELDS...
	name=$1 want=$2 path=$3; shift 3
	code=$(curl -s -o "$TMP/body" -w '%{http_code}' -b "$TMP/own.jar" --data-urlencode "csrf=$CSRF" "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else nok "$name (POST $path: $code, expected $want)"; fi
}
n0=$(q "SELECT count(*) FROM goal")
form "the new-goal form with another organisation's goal as parent (an LUP goal: refused, those are written in the LUP's draft)" 422 "/organisation/$OWN/nytt-mal" \
	--data-urlencode niva=lup --data-urlencode "overordnat=$OGOAL" --data-urlencode "namn=Kapat formulärmål" --data-urlencode ar=2022
expect_eq "... wrote nothing" "$(q "SELECT count(*) FROM goal")" "$n0"
form "the new-goal form with a KF goal as parent" 303 "/organisation/$OWN/nytt-mal" \
	--data-urlencode niva=namndmal --data-urlencode "overordnat=kf-2022-1-1" --data-urlencode "namn=Formulärmål" --data-urlencode ar=2022
form "the new-activity form under another organisation's goal" 403 "/mal/$OGOAL/ny-aktivitet" --data-urlencode "namn=Kapad"
form "the new-indicator form under another organisation's goal" 403 "/mal/$OGOAL/ny-indikator" --data-urlencode "namn=Kapad"
form "the edit form of another organisation's goal" 403 "/mal/$OGOAL/redigera" --data-urlencode "namn=Kapad"
form "the edit form of another organisation's activity" 403 "/aktivitet/$OACT/redigera" --data-urlencode "namn=Kapad"
form "the start form of another organisation's report" 403 /uppfoljning \
	--data-urlencode "org=$(q "SELECT id FROM organisation WHERE key = '$OTHER'")" --data-urlencode period=FY --data-urlencode ar=2022

kill $SERVER2 2>/dev/null
finish
