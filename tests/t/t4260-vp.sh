#!/bin/sh
# t4260: a verksamhetsplan's nämndmål written in the web and the API, against the real `lup
# serve`: numbering (the dataset's nämndmål numbered through the plan, a new one gets the next
# number), Förväntat resultat through PATCH /api/v1/goals/{id} and the goal's form, the order
# (POST /api/v1/plans/{key}/goal-order, the organisation page's up/down forms; numbers follow),
# deletion (DELETE /api/v1/goals/{id}, /mal/{key}/ta-bort: refused while a report assesses the
# goal, its indicators have outcomes or things hang under it unless moved), the year rollover
# (`lup plan rollover`, POST /api/v1/plans/{key}/rollover, the organisation page's form): counts
# copied, no targets or outcomes, done/cancelled activities left, the draft not public; six roles
# for each new route, the frozen rule, bad input named with nothing changed.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add city --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add reader --role reader >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add other --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
for u in admin city reader own other; do eval "T_$u=\$(L token create $u 2>/dev/null)"; done
[ -n "$T_own" ] && ok "tokens are created" || nok "token create"

VP=vp-2022-spanga-tensta
ORG=spanga-tensta-stadsdelsnamnd
PV=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$VP'")
gid() { q "SELECT id FROM goal WHERE key = '$1'"; }
num() { q "SELECT number FROM goal WHERE key = '$1'"; }
audits() { q "SELECT count(*) FROM audit"; }
NM() { echo "$VP-nm-$1"; }

# --- numbering ----------------------------------------------------------------------------------
expect_eq "the dataset numbers its nämndmål through the plan" "$(num "$(NM 01)") $(num "$(NM 03)") $(num "$(NM 20)")" "1 3 20"
serve "$DB"
req "the organisation page" 200 GET "/organisation/$ORG?ar=2022"
grep -q "Nämndmål 3: " "$TMP/body" && ok "the page shows 'Nämndmål 3'" || nok "no 'Nämndmål 3' on the page"
req "a new nämndmål through the API" 201 POST /api/v1/goals '{"level":"namndmal","parent":"kf-2022-1-1","name":"Ett nytt nämndmål","year":2022}' "$T_own"
NEW=$(jb .id)
expect_eq "it gets the next number of the plan and joins it" "$(q "SELECT number || ' ' || plan_version_id FROM goal WHERE id = $NEW")" "21 $PV"
req "a nämndmål with its own number keeps it" 201 POST /api/v1/goals '{"level":"namndmal","parent":"kf-2022-1-1","name":"Numrerat","year":2022,"number":"40"}' "$T_own"
NUMBERED=$(jb .id)
expect_eq "its number" "$(q "SELECT number FROM goal WHERE id = $NUMBERED")" 40

# --- the forms' sessions ----------------------------------------------------------------------
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
login() { rm -f "$TMP/$1"; page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"; }
csrf() { curl -s -b "$TMP/$1" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
login own.jar own editorpassword1
login other.jar other editorpassword2
login reader.jar reader readerpassword1
login city.jar city citypassword1
login admin.jar admin adminpassword1
C_OWN=$(csrf own.jar) C_OTHER=$(csrf other.jar) C_READER=$(csrf reader.jar) C_CITY=$(csrf city.jar) C_ADMIN=$(csrf admin.jar)

page "a new nämndmål through the form" 303 POST "/organisation/$ORG/nytt-mal?ar=2022" own.jar --data-urlencode "csrf=$C_OWN" \
	-d "niva=namndmal&overordnat=kf-2022-1-2&ar=2022" --data-urlencode "namn=Formulärets nämndmål"
FORMGOAL=$(q "SELECT id FROM goal WHERE title = 'Formulärets nämndmål'")
expect_eq "the form's goal is numbered after the highest" "$(q "SELECT number FROM goal WHERE id = $FORMGOAL")" 41
page "the organisation page for its editor" 200 GET "/organisation/$ORG?ar=2022" own.jar
has "it shows the new goal's number" "Nämndmål 41: Formulärets nämndmål"
has "the up/down form" "/mal/$(NM 01)/flytta"
has "the rollover form" "Starta verksamhetsplan 2023 som utkast"
page "the page for another organisation's editor" 200 GET "/organisation/$ORG?ar=2022" other.jar
hasnt "no up/down form for them" "/flytta"
hasnt "no rollover form for them" "/arsskifte"

# --- Förväntat resultat ---------------------------------------------------------------------------
G1=$(gid "$(NM 01)")
results() { q "SELECT group_concat(ord || ':' || text, '|') FROM (SELECT ord, text FROM goal_result WHERE goal_id = $1 ORDER BY ord) AS sq1"; }
A0=$(audits)
req "results replaced through the API" 200 PATCH "/api/v1/goals/$G1" '{"results":["Fler får vägledning","Kortare väntetid"]}' "$T_own"
expect_eq "the results in order" "$(results "$G1")" "1:Fler får vägledning|2:Kortare väntetid"
expect_eq "the answer shows them" "$(jb '.expected_results | length')" 2
expect_eq "one audit entry" "$(audits)" "$((A0 + 1))"
q "SELECT after FROM audit ORDER BY id DESC LIMIT 1" | grep -q "Kortare väntetid" && ok "the entry holds the new results" || nok "the audit entry lacks the results"
req "reordered and one removed" 200 PATCH "/api/v1/goals/$G1" '{"results":["Kortare väntetid"]}' "$T_own"
expect_eq "the result left" "$(results "$G1")" "1:Kortare väntetid"
BEFORE="$(results "$G1") $(audits)"
LONG=$(printf '%01001d' 0)
req "a result too long" 422 PATCH "/api/v1/goals/$G1" "{\"results\":[\"$LONG\"]}" "$T_own"
expect_eq "the field named" "$(jb '.error.fields[0].field')" results
req "results not a list" 422 PATCH "/api/v1/goals/$G1" '{"results":"x"}' "$T_own"
req "an empty result" 422 PATCH "/api/v1/goals/$G1" '{"results":[""]}' "$T_own"
MANY=$(seq 31 | sed 's/.*/"r&"/' | paste -sd, -)
req "31 results" 422 PATCH "/api/v1/goals/$G1" "{\"results\":[$MANY]}" "$T_own"
req "another organisation's editor" 403 PATCH "/api/v1/goals/$G1" '{"results":["x"]}' "$T_other"
expect_eq "nothing changed" "$(results "$G1") $(audits)" "$BEFORE"
page "the edit form shows the results" 200 GET "/mal/$(NM 01)/redigera" own.jar
has "in its textarea" "Kortare väntetid</textarea>"
NAME1=$(q "SELECT title FROM goal WHERE id = $G1")
page "results through the form" 303 POST "/mal/$(NM 01)/redigera" own.jar --data-urlencode "csrf=$C_OWN" --data-urlencode "namn=$NAME1" \
	--data-urlencode "resultat=$(printf 'Tredje\n\n  Första  \nAndra')"
expect_eq "one per line, blank lines dropped, trimmed" "$(results "$G1")" "1:Tredje|2:Första|3:Andra"
page "a result too long through the form" 422 POST "/mal/$(NM 01)/redigera" own.jar --data-urlencode "csrf=$C_OWN" --data-urlencode "namn=$NAME1" \
	--data-urlencode "resultat=$LONG"
has "the Swedish message at the field" "Ett förväntat resultat får vara högst 1 000 tecken."
expect_eq "kept" "$(results "$G1")" "1:Tredje|2:Första|3:Andra"
page "the goal page lists them" 200 GET "/mal/$(NM 01)" -
has "the results" "<li>Första</li>"

# --- order ------------------------------------------------------------------------------------------
IDS=$(q "SELECT group_concat(id) FROM (SELECT id FROM goal WHERE plan_version_id = $PV AND level = 'namndmal' ORDER BY CAST(number AS INTEGER)) AS sq2")
REV=$(echo "$IDS" | tr , '\n' | sort -rn | paste -sd, -)
NGOALS=$(echo "$IDS" | tr , '\n' | wc -l)
OA="/api/v1/plans/$VP/goal-order"
BEFORE="$(q "SELECT group_concat(number) FROM goal WHERE plan_version_id = $PV") $(audits)"
req "an order missing a goal" 422 POST "$OA" "{\"order\":[$(echo "$IDS" | cut -d, -f2-)]}" "$T_own"
req "an order naming one twice" 422 POST "$OA" "{\"order\":[$(echo "$IDS" | cut -d, -f1),$(echo "$IDS" | cut -d, -f1-$((NGOALS - 1)))]}" "$T_own"
req "an order of ids that are no numbers" 422 POST "$OA" '{"order":["a"]}' "$T_own"
req "an order with another member" 422 POST "$OA" "{\"order\":[$IDS],\"x\":1}" "$T_own"
req "malformed JSON" 400 POST "$OA" '{"order":' "$T_own"
req "an unknown plan" 404 POST "/api/v1/plans/nope/goal-order" "{\"order\":[$IDS]}" "$T_own"
req "another plan's goals" 422 POST "/api/v1/plans/lup-spanga-tensta/goal-order" "{\"order\":[$IDS]}" "$T_own"
expect_eq "nothing changed" "$(q "SELECT group_concat(number) FROM goal WHERE plan_version_id = $PV") $(audits)" "$BEFORE"
req "reversed" 200 POST "$OA" "{\"order\":[$REV]}" "$T_own"
expect_eq "the last is number 1" "$(q "SELECT number FROM goal WHERE id = $(echo "$REV" | cut -d, -f1)")" 1
expect_eq "nm-01 is last" "$(num "$(NM 01)")" "$NGOALS"
expect_eq "an audit entry per goal renumbered" "$(q "SELECT count(*) FROM audit WHERE entity = 'goal' AND action = 'update' AND id > (SELECT max(id) - $NGOALS FROM audit)")" "$NGOALS"
req "back in the dataset's order" 200 POST "$OA" "{\"order\":[$IDS]}" "$T_own"
expect_eq "nm-03 is 3 again" "$(num "$(NM 03)")" 3
page "up through the form" 303 POST "/mal/$(NM 03)/flytta" own.jar -d "csrf=$C_OWN&riktning=upp"
expect_eq "nm-03 is 2, nm-02 is 3" "$(num "$(NM 03)") $(num "$(NM 02)")" "2 3"
page "down through the form" 303 POST "/mal/$(NM 03)/flytta" own.jar -d "csrf=$C_OWN&riktning=ned"
expect_eq "back" "$(num "$(NM 03)") $(num "$(NM 02)")" "3 2"
page "the first cannot go further up" 303 POST "/mal/$(NM 01)/flytta" own.jar -d "csrf=$C_OWN&riktning=upp"
expect_eq "still first" "$(num "$(NM 01)")" 1
page "a bad direction" 422 POST "/mal/$(NM 03)/flytta" own.jar -d "csrf=$C_OWN&riktning=sidled"
has "named in Swedish" "Välj om målet ska flyttas upp eller ned."

# --- deletion ------------------------------------------------------------------------------------
req "a follow-up report" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T1"}' "$T_own"
REP=$(jb .id)
req "it assesses nm-03" 200 PUT "/api/v1/reports/$REP/assessments/$(NM 03)" '{"assessment":"partly","analysis":"Hälften av aktiviteterna är genomförda."}' "$T_own"
G3=$(gid "$(NM 03)")
BEFORE="$(q "SELECT count(*) FROM goal") $(audits)"
req "an assessed goal is not deleted" 409 DELETE "/api/v1/goals/$G3" "" "$T_own"
expect_eq "the code" "$(jb .error.code)" goal_assessed
jb .error.message | grep -q "change its name" && ok "says what to do instead" || nok "no advice: $(jb .error.message)"
page "the form says it in Swedish" 409 POST "/mal/$(NM 03)/ta-bort" own.jar -d "csrf=$C_OWN"
has "the Swedish refusal" "Målet bedöms i en uppföljningsrapport och kan inte tas bort."
G1ID=$(gid "$(NM 01)")
req "a goal whose indicators have outcomes" 409 DELETE "/api/v1/goals/$G1ID" "" "$T_own"
expect_eq "the code" "$(jb .error.code)" goal_measured
G2=$(gid "$(NM 02)")
req "a goal with an activity, no move_to" 409 DELETE "/api/v1/goals/$G2" "" "$T_own"
expect_eq "the code" "$(jb .error.code)" goal_not_empty
OTHERGOAL=$(q "SELECT id FROM goal WHERE owner_id <> (SELECT owner_id FROM goal WHERE id = $G2) ORDER BY id LIMIT 1")
[ -n "$OTHERGOAL" ] && ok "another organisation has a goal" || nok "no goal of another organisation"
req "move_to another organisation's goal" 422 DELETE "/api/v1/goals/$G2?move_to=$OTHERGOAL" "" "$T_own"
req "move_to itself" 422 DELETE "/api/v1/goals/$G2?move_to=$G2" "" "$T_own"
req "move_to no number (the route's query check)" 400 DELETE "/api/v1/goals/$G2?move_to=x" "" "$T_own"
expect_eq "names move_to" "$(jb '.error.fields[0].field')" move_to
req "an unknown goal" 404 DELETE "/api/v1/goals/999999" "" "$T_own"
expect_eq "nothing changed" "$(q "SELECT count(*) FROM goal") $(audits)" "$BEFORE"
G4=$(gid "$(NM 04)")
ACTS2=$(q "SELECT count(*) FROM activity WHERE goal_id = $G2")
ACTS4=$(q "SELECT count(*) FROM activity WHERE goal_id = $G4")
req "deleted with its activity moved to nm-04" 204 DELETE "/api/v1/goals/$G2?move_to=$G4" "" "$T_own"
expect_eq "gone" "$(gid "$(NM 02)")" ""
expect_eq "the activities moved" "$(q "SELECT count(*) FROM activity WHERE goal_id = $G4")" "$((ACTS4 + ACTS2))"
expect_eq "the numbers close up: nm-03 is 2" "$(num "$(NM 03)")" 2
expect_eq "the moved activity audited" "$(q "SELECT count(*) FROM audit WHERE entity = 'activity' AND action = 'update' AND after LIKE '%$(NM 04)%'")" "$ACTS2"
q "SELECT before FROM audit WHERE entity = 'goal' AND action = 'delete' AND entity_id = $G2" | grep -q "Invånarna är självförsörjande" \
	&& ok "the audit keeps the goal before" || nok "no delete entry with the goal"
req "a fresh goal is deleted" 204 DELETE "/api/v1/goals/$NEW" "" "$T_own"
page "the question page" 200 GET "/mal/$(NM 15)/ta-bort" own.jar
has "asks" "Ta bort målet ”"
has "offers the plan's goals to move to" "Nämndmål 3: "
page "deleted through the form" 303 POST "/mal/$(NM 15)/ta-bort" own.jar -d "csrf=$C_OWN&flytta_till="
expect_eq "gone" "$(gid "$(NM 15)")" ""
page "the form moves what hangs under a goal" 303 POST "/mal/$(NM 05)/ta-bort" own.jar -d "csrf=$C_OWN&flytta_till=$G4"
expect_eq "gone, activities moved" "$(gid "$(NM 05)") $(q "SELECT count(*) FROM activity a JOIN goal g ON g.id = a.goal_id WHERE g.key = '$(NM 05)'")" " 0"

# --- six roles for each new route ---------------------------------------------------------------------
G6=$(gid "$(NM 06)")
IDS=$(q "SELECT group_concat(id) FROM (SELECT id FROM goal WHERE plan_version_id = $PV AND level = 'namndmal' ORDER BY CAST(number AS INTEGER)) AS sq3")
BEFORE="$(q "SELECT count(*), group_concat(number) FROM goal") $(q "SELECT count(*) FROM plan") $(audits)"
for route in "DELETE /api/v1/goals/$G6" "POST $OA {\"order\":[$IDS]}" "POST /api/v1/plans/$VP/rollover {\"year\":2023}"; do
	set -- $route
	req "anonymous: $1 $2" 401 "$1" "$2" "${3-}"
	req "a reader: $1 $2" 403 "$1" "$2" "${3-}" "$T_reader"
	req "the city office: $1 $2" 403 "$1" "$2" "${3-}" "$T_city"
	req "another organisation's editor: $1 $2" 403 "$1" "$2" "${3-}" "$T_other"
done
for p in "/mal/$(NM 06)/ta-bort" ; do
	page "anonymous: GET $p (to the login)" 303 GET "$p" -
	page "a reader: GET $p" 403 GET "$p" reader.jar
	page "the city office: GET $p" 403 GET "$p" city.jar
	page "another organisation's editor: GET $p" 403 GET "$p" other.jar
	page "the owner's editor: GET $p" 200 GET "$p" own.jar
	page "an admin: GET $p" 200 GET "$p" admin.jar
done
for p in "/mal/$(NM 06)/ta-bort" "/mal/$(NM 06)/flytta" "/organisation/$ORG/arsskifte"; do
	page "anonymous: POST $p" 401 POST "$p" - -d "riktning=upp&plan=$VP&ar=2023"
	page "a reader: POST $p" 403 POST "$p" reader.jar -d "csrf=$C_READER&riktning=upp&plan=$VP&ar=2023"
	page "the city office: POST $p" 403 POST "$p" city.jar -d "csrf=$C_CITY&riktning=upp&plan=$VP&ar=2023"
	page "another organisation's editor: POST $p" 403 POST "$p" other.jar -d "csrf=$C_OTHER&riktning=upp&plan=$VP&ar=2023"
done
expect_eq "nothing changed for those who may not write" \
	"$(q "SELECT count(*), group_concat(number) FROM goal") $(q "SELECT count(*) FROM plan") $(audits)" "$BEFORE"
req "the owner's editor reorders" 200 POST "$OA" "{\"order\":[$IDS]}" "$T_own"
req "an admin reorders" 200 POST "$OA" "{\"order\":[$IDS]}" "$T_admin"
page "an admin moves a goal through the form" 303 POST "/mal/$(NM 06)/flytta" admin.jar -d "csrf=$C_ADMIN&riktning=upp"
req "an admin deletes a goal" 204 DELETE "/api/v1/goals/$NUMBERED" "" "$T_admin"

# --- the year rollover ---------------------------------------------------------------------------------
# Two activities of the plan done and cancelled (left behind), a KF goal of 2023 matching 1.1.
q "UPDATE activity SET status = 'done' WHERE id = (SELECT min(id) FROM activity WHERE plan_version_id = $PV);
UPDATE activity SET status = 'cancelled' WHERE id = (SELECT max(id) FROM activity WHERE plan_version_id = $PV);
INSERT INTO goal (key, owner_id, level, number, parent_id, title, year)
  SELECT 'kf-2023-1-1', owner_id, level, number, (SELECT id FROM goal WHERE key = 'kf-2022-1'), title, 2023 FROM goal WHERE key = 'kf-2022-1-1';"
SRC_GOALS=$(q "SELECT count(*) FROM goal WHERE plan_version_id = $PV")
SRC_RESULTS=$(q "SELECT count(*) FROM goal_result r JOIN goal g ON g.id = r.goal_id WHERE g.plan_version_id = $PV")
SRC_ACTS=$(q "SELECT count(*) FROM activity WHERE plan_version_id = $PV AND status NOT IN ('done', 'cancelled')")
SRC_ALLACTS=$(q "SELECT count(*) FROM activity WHERE plan_version_id = $PV")
L export json plan "$VP" >"$TMP/src.json" || nok "export"
SRC_INDS=$(jq '([.goals[].indicators[]] | length) + (.indicators | length)' "$TMP/src.json")
db_copy "$DB" "$TMP/cli.db"
BEFORE="$(q "SELECT count(*) FROM plan") $(audits)"
RO="/api/v1/plans/$VP/rollover"
req "a year that is not after the plan" 422 POST "$RO" '{"year":2022}' "$T_own"
jb .error.message | grep -q "^year: 2022 is not after" && ok "names the year" || nok "year not named: $(cat "$TMP/body")"
req "a year that is no number" 422 POST "$RO" '{"year":"2023"}' "$T_own"
req "no year" 422 POST "$RO" '{}' "$T_own"
req "malformed JSON" 400 POST "$RO" '{"year":' "$T_own"
req "an unknown plan" 404 POST "/api/v1/plans/nope/rollover" '{"year":2023}' "$T_own"
req "a LUP does not roll over" 422 POST "/api/v1/plans/lup-spanga-tensta/rollover" '{"year":2030}' "$T_own"
expect_eq "nothing written" "$(q "SELECT count(*) FROM plan") $(audits)" "$BEFORE"
req "the rollover" 201 POST "$RO" '{"year":2023}' "$T_own"
expect_eq "the new plan" "$(jb .plan) $(jb .status)" "vp-2023-spanga-tensta draft"
NPV=$(q "SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'vp-2023-spanga-tensta'")
expect_eq "one draft version of 2023" "$(q "SELECT p.kind, p.year_from, p.year_to, pv.version, pv.status FROM plan p JOIN plan_version pv ON pv.plan_id = p.id WHERE p.key = 'vp-2023-spanga-tensta'")" "vp|2023|2023|1|draft"
expect_eq "every nämndmål copied, of 2023" "$(q "SELECT count(*), min(year), max(year) FROM goal WHERE plan_version_id = $NPV")" "$SRC_GOALS|2023|2023"
expect_eq "with their numbers" "$(q "SELECT group_concat(number) FROM (SELECT number FROM goal WHERE plan_version_id = $NPV ORDER BY id) AS sq4")" \
	"$(q "SELECT group_concat(number) FROM (SELECT number FROM goal WHERE plan_version_id = $PV ORDER BY id) AS sq5")"
expect_eq "their expected results" "$(q "SELECT count(*) FROM goal_result r JOIN goal g ON g.id = r.goal_id WHERE g.plan_version_id = $NPV")" "$SRC_RESULTS"
expect_eq "the answer counts them" "$(jb .goals) $(jb .results) $(jb .activities)" "$SRC_GOALS $SRC_RESULTS $SRC_ACTS"
NINDS=$(q "SELECT count(*) FROM indicator WHERE plan_version_id = $NPV OR goal_id IN (SELECT id FROM goal WHERE plan_version_id = $NPV)")
expect_eq "the indicators copied" "$NINDS" "$SRC_INDS"
expect_eq "without targets or outcomes" "$(q "SELECT (SELECT count(*) FROM target t JOIN indicator i ON i.id = t.indicator_id WHERE i.plan_version_id = $NPV OR i.goal_id IN (SELECT id FROM goal WHERE plan_version_id = $NPV)), (SELECT count(*) FROM outcome x JOIN indicator i ON i.id = x.indicator_id WHERE i.plan_version_id = $NPV OR i.goal_id IN (SELECT id FROM goal WHERE plan_version_id = $NPV))")" "0|0"
expect_eq "the continuing activities, not the done or cancelled" "$(q "SELECT count(*) FROM activity WHERE plan_version_id = $NPV")" "$SRC_ACTS"
[ "$SRC_ACTS" -eq $((SRC_ALLACTS - 2)) ] && ok "two activities left behind" || nok "$SRC_ACTS of $SRC_ALLACTS"
expect_eq "no done or cancelled activity copied" "$(q "SELECT count(*) FROM activity WHERE plan_version_id = $NPV AND status IN ('done','cancelled')")" 0
expect_eq "nämndmål under KF 1.1 now sit under 2023's 1.1" \
	"$(q "SELECT count(*) FROM goal g JOIN goal p ON p.id = g.parent_id WHERE g.plan_version_id = $NPV AND p.key = 'kf-2023-1-1'")" \
	"$(q "SELECT count(*) FROM goal g JOIN goal p ON p.id = g.parent_id WHERE g.plan_version_id = $PV AND p.key = 'kf-2022-1-1'")"
expect_eq "the others keep their 2022 parents (a warning)" "$(jb .kf_kept)" \
	"$(q "SELECT count(*) FROM goal g JOIN goal p ON p.id = g.parent_id WHERE g.plan_version_id = $PV AND p.key <> 'kf-2022-1-1'")"
expect_eq "an audit entry for the plan" "$(q "SELECT count(*) FROM audit WHERE entity = 'plan' AND action = 'insert' AND after LIKE '%rolled_over_from%'")" 1
req "again: the plan exists" 409 POST "$RO" '{"year":2023}' "$T_own"
jb .error.message | grep -q "vp-2023-spanga-tensta" && ok "names the plan" || nok "$(jb .message)"
NEWKEY=$(q "SELECT key FROM goal WHERE plan_version_id = $NPV ORDER BY id LIMIT 1")
page "anonymous: the draft's goal is not there" 404 GET "/mal/$NEWKEY" -
page "another organisation's editor: not there" 404 GET "/mal/$NEWKEY" other.jar
page "the owner's editor reads it" 200 GET "/mal/$NEWKEY" own.jar
page "anonymous: the organisation's 2023" 200 GET "/organisation/$ORG?ar=2023" -
hasnt "shows no draft nämndmål" "Nämndmål 1:"
req "the goal chain of 2023 has no draft goals" 200 GET "/api/v1/organisations/$ORG/goal-chain?year=2023"
expect_eq "none" "$(jb '[.goals[] | select(.level == "namndmal")] | length')" 0
page "the 2022 page has no rollover form now" 200 GET "/organisation/$ORG?ar=2022" own.jar
hasnt "no form" "Starta verksamhetsplan 2023"

# the command line and the form, on a copy from before
expect_exit "lup plan rollover" 0 "$LUP" --db "$TMP/cli.db" plan rollover "$VP" --year 2023
expect_eq "the same counts" "$(sqlite3 "$TMP/cli.db" "SELECT count(*) FROM goal g JOIN plan_version pv ON pv.id = g.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'vp-2023-spanga-tensta'")" "$SRC_GOALS"
expect_exit "again: refused" 1 "$LUP" --db "$TMP/cli.db" plan rollover "$VP" --year 2023
expect_exit "a bad year" 2 "$LUP" --db "$TMP/cli.db" plan rollover "$VP" --year 20x3
expect_exit "no year" 2 "$LUP" --db "$TMP/cli.db" plan rollover "$VP"
expect_exit "an unknown plan" 1 "$LUP" --db "$TMP/cli.db" plan rollover nope --year 2023
"$LUP" --db "$TMP/cli.db" plan --help | grep -q "plan rollover KEY --year YYYY" && ok "listed in lup plan's help" || nok "not in the help"
page "the form: the plan exists" 409 POST "/organisation/$ORG/arsskifte" own.jar -d "csrf=$C_OWN&plan=$VP&ar=2023"
page "the form: 2024 from 2023's draft" 303 POST "/organisation/$ORG/arsskifte" admin.jar -d "csrf=$C_ADMIN&plan=vp-2023-spanga-tensta&ar=2024"
expect_eq "2024 exists" "$(q "SELECT count(*) FROM plan WHERE key = 'vp-2024-spanga-tensta'")" 1
page "the form: a bad year" 422 POST "/organisation/$ORG/arsskifte" own.jar -d "csrf=$C_OWN&plan=$VP&ar=tjugo"

# --- the frozen rule ------------------------------------------------------------------------------------
IDS=$(q "SELECT group_concat(id) FROM (SELECT id FROM goal WHERE plan_version_id = $PV AND level = 'namndmal' ORDER BY CAST(number AS INTEGER)) AS sq6")
q "UPDATE plan_version SET decision_dnr = 'SDN 2021/1', decided_on = '2021-12-16' WHERE id = $PV"
BEFORE="$(q "SELECT count(*), group_concat(number) FROM goal") $(results "$G1") $(audits)"
req "frozen: results" 409 PATCH "/api/v1/goals/$G1" '{"results":["x"]}' "$T_own"
req "frozen: order" 409 POST "$OA" "{\"order\":[$IDS]}" "$T_own"
req "frozen: delete" 409 DELETE "/api/v1/goals/$G6" "" "$T_own"
expect_eq "the code" "$(jb .error.code)" plan_version_adopted
req "frozen: a new nämndmål of the plan's year" 409 POST /api/v1/goals '{"level":"namndmal","parent":"kf-2022-1-1","name":"För sent","year":2022}' "$T_own"
page "frozen: the delete form" 409 POST "/mal/$(NM 06)/ta-bort" own.jar -d "csrf=$C_OWN"
has "the Swedish message" "Versionen är antagen och kan inte ändras."
page "frozen: the move form" 409 POST "/mal/$(NM 06)/flytta" own.jar -d "csrf=$C_OWN&riktning=ned"
expect_eq "nothing changed" "$(q "SELECT count(*), group_concat(number) FROM goal") $(results "$G1") $(audits)" "$BEFORE"
finish
