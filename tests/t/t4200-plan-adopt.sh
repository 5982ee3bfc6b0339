#!/bin/sh
# t4200: plan versions: adoption through `lup plan adopt`, the API and the "Anta" form (every
# field checked and named, 409 for an adopted version, the previous adopted version superseded),
# `lup plan list`, the frozen rule on the write routes, the six roles, and the district page:
# anonymous visitors see the adopted version, users who may read the draft choose it.
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

# draft NAME PLAN: a draft copy (next version) of the plan's current version, with its first
# section changed to NAME (what `lup plan new-version` will do, made here in SQL)
draft() {
	q "INSERT INTO plan_version (plan_id, version, status, area_scope, note, based_on, created_at)
	   SELECT plan_id, (SELECT max(version) + 1 FROM plan_version WHERE plan_id = pv.plan_id), 'draft', area_scope,
	   note, id, '2024-01-01T00:00:00Z' FROM plan_version pv WHERE plan_id = (SELECT id FROM plan WHERE key = '$2')
	   AND status = 'decided';
	   INSERT INTO lup_section (plan_version_id, ord, title, body) VALUES ((SELECT id FROM plan_version
	   WHERE status = 'draft' AND plan_id = (SELECT id FROM plan WHERE key = '$2')), 1, 'Inledning', '$1');"
}
status_of() { q "SELECT status FROM plan_version WHERE version = $2 AND plan_id = (SELECT id FROM plan WHERE key = '$1')"; }

# --- the command line -------------------------------------------------------------------------
P=lup-spanga-tensta
draft "Utkastets inledning" $P
expect_exit "lup plan list" 0 L plan list $P
expect_out "the list shows the draft" "draft"
A="--date 2023-05-04 --paragraph 12 --dnr SDN-2023/45"
expect_exit "an adopted version cannot be adopted again" 1 L plan adopt $P --version 1 $A
expect_err "... the message says so" "adopted already"
expect_exit "a missing plan" 1 L plan adopt lup-nowhere --version 1 $A
expect_exit "a missing version" 1 L plan adopt $P --version 9 $A
expect_exit "no date" 2 L plan adopt $P --version 2 --paragraph 12 --dnr x
expect_err "... named" "--date"
expect_exit "a date that is not a date" 2 L plan adopt $P --version 2 --date 2023-02-30 --paragraph 12 --dnr x
expect_err "... named" "--date"
expect_exit "a date in the future" 2 L plan adopt $P --version 2 --date 2999-01-01 --paragraph 12 --dnr x
expect_err "... named" "future"
expect_exit "no paragraph" 2 L plan adopt $P --version 2 --date 2023-05-04 --dnr x
expect_err "... named" "--paragraph"
expect_exit "a paragraph too long" 2 L plan adopt $P --version 2 --date 2023-05-04 --paragraph "$(printf '%040d' 1)" --dnr x
expect_err "... named" "--paragraph"
expect_exit "no diarienummer" 2 L plan adopt $P --version 2 --date 2023-05-04 --paragraph 12 --dnr ''
expect_err "... named" "--dnr"
expect_eq "nothing was adopted by the refusals" "$(status_of $P 2)" draft
expect_exit "the draft is adopted" 0 L plan adopt $P --version 2 $A
expect_out "... and the old version superseded" "version 1 is superseded"
expect_eq "version 2 is decided" "$(status_of $P 2)" decided
expect_eq "version 1 is superseded" "$(status_of $P 1)" superseded
expect_eq "the decision is recorded" "$(q "SELECT decided_on || '|' || decision_paragraph || '|' || decision_dnr || '|' || (SELECT key FROM organisation WHERE id = decided_by) FROM plan_version WHERE version = 2 AND plan_id = (SELECT id FROM plan WHERE key = '$P')")" "2023-05-04|12|SDN-2023/45|spanga-tensta-stadsdelsnamnd"
expect_eq "two audit entries" "$(q "SELECT count(*) FROM audit WHERE entity = 'plan_version'")" 2
expect_exit "adopting it again" 1 L plan adopt $P --version 2 $A
L plan list $P --json > "$TMP/list.json"
expect_eq "lup plan list --json" "$(jq -r '[.[] | .status] | join(",")' "$TMP/list.json")" "superseded,decided"

# --- the API ------------------------------------------------------------------------------------
V=vp-2022-spanga-tensta
draft "VP-utkast" $V
serve "$DB"
req() {
	name=$1 want=$2 method=$3 path=$4 body=${5-} tok=${6-}
	code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X "$method" ${tok:+-H "Authorization: Bearer $tok"} \
		${body:+-H 'Content-Type: application/json' --data-binary "$body"} "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 300 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
jb() { jq -r "$1" "$TMP/body"; }
req "the versions, anonymously" 200 GET /api/v1/plans/$V/versions
expect_eq "... without the draft" "$(jb '[.items[].status] | join(",")')" decided
for u in city admin reader_own own; do :; done
req "the versions for the owner's editor" 200 GET /api/v1/plans/$V/versions "" "$T_own"
expect_eq "... with the draft" "$(jb '[.items[].status] | join(",")')" decided,draft
req "the versions for the city office" 200 GET /api/v1/plans/$V/versions "" "$T_city"
expect_eq "... with the draft" "$(jb '.items | length')" 2
req "the versions for another organisation's editor" 200 GET /api/v1/plans/$V/versions "" "$T_other"
expect_eq "... without the draft" "$(jb '.items | length')" 1
req "the versions for a reader of no organisation" 200 GET /api/v1/plans/$V/versions "" "$T_reader"
expect_eq "... without the draft" "$(jb '.items | length')" 1
req "the versions of no plan" 404 GET /api/v1/plans/nothing/versions
req "the entity API hides the draft" 200 GET /api/v1/plans/$V
expect_eq "... its versions" "$(jb '[.versions[].status] | join(",")')" decided
AD=/api/v1/plans/$V/versions/2/adopt
GOOD='{"date":"2023-12-14","paragraph":"§ 7","dnr":"SDN 2023/800"}'
req "anonymous callers cannot adopt" 401 POST $AD "$GOOD"
req "readers cannot adopt" 403 POST $AD "$GOOD" "$T_reader"
req "the city office cannot adopt" 403 POST $AD "$GOOD" "$T_city"
req "another organisation's editor cannot adopt" 403 POST $AD "$GOOD" "$T_other"
req "a bad date" 422 POST $AD '{"date":"14/12/2023","paragraph":"7","dnr":"x"}' "$T_own"
expect_eq "... named" "$(jb '.error.fields[0].field')" date
req "no paragraph" 422 POST $AD '{"date":"2023-12-14","dnr":"x"}' "$T_own"
expect_eq "... named" "$(jb '.error.fields[0].field')" paragraph
req "no dnr" 422 POST $AD '{"date":"2023-12-14","paragraph":"7"}' "$T_own"
expect_eq "... named" "$(jb '.error.fields[0].field')" dnr
req "a dnr with a control character" 422 POST $AD '{"date":"2023-12-14","paragraph":"7","dnr":"a\u0001b"}' "$T_own"
req "no such version" 404 POST /api/v1/plans/$V/versions/7/adopt "$GOOD" "$T_own"
req "version 1 is adopted already" 409 POST /api/v1/plans/$V/versions/1/adopt "$GOOD" "$T_own"
# the frozen rule: the dataset's imported version (no decision recorded in lup) is editable
GOAL=$(q "SELECT id FROM goal WHERE key = 'vp-2022-spanga-tensta-nm-01'")
IND=$(q "SELECT id FROM indicator WHERE goal_id = $GOAL LIMIT 1")
ACT=$(q "SELECT a.id FROM activity a JOIN plan_version pv ON pv.id = a.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = '$V' LIMIT 1")
req "before the adoption in lup, a goal of the imported version changes" 200 PATCH /api/v1/goals/$GOAL '{"description":"före"}' "$T_own"
req "the owner's editor adopts" 200 POST $AD "$GOOD" "$T_own"
expect_eq "... the answer is the version" "$(jb '.status + "|" + .dnr + "|" + .paragraph + "|" + .decided_on')" "decided|SDN 2023/800|§ 7|2023-12-14"
expect_eq "... the old version is superseded" "$(status_of $V 1)" superseded
req "adopting it again" 409 POST $AD "$GOOD" "$T_own"
req "the admin cannot adopt it again either" 409 POST $AD "$GOOD" "$T_admin"
# the superseded version's content is frozen; follow-up data is not
req "a goal of an adopted version" 409 PATCH /api/v1/goals/$GOAL '{"name":"nytt namn"}' "$T_own"
expect_eq "... the English message" "$(jb .error.code)" plan_version_adopted
req "... also for an administrator" 409 PATCH /api/v1/goals/$GOAL '{"name":"nytt namn"}' "$T_admin"
req "an indicator of an adopted version" 409 PATCH /api/v1/indicators/$IND '{"name":"x"}' "$T_own"
req "a target of an adopted version" 409 PUT /api/v1/indicators/$IND/targets/2022/own '{"value":"50"}' "$T_own"
req "removing a target of an adopted version" 409 DELETE /api/v1/indicators/$IND/targets/2022/own "" "$T_own"
req "a new indicator under a goal of an adopted version" 409 POST /api/v1/indicators "{\"goal\":\"$GOAL\",\"name\":\"ny\"}" "$T_own"
req "an activity of an adopted version" 409 PATCH /api/v1/activities/$ACT '{"name":"x"}' "$T_own"
req "deleting an activity of an adopted version" 409 DELETE /api/v1/activities/$ACT "" "$T_own"
req "another organisation's editor still gets 403" 403 PATCH /api/v1/goals/$GOAL '{"name":"x"}' "$T_other"
req "an outcome (follow-up) is still recorded" 200 POST /api/v1/outcomes "{\"indicator\":\"$IND\",\"period\":\"2022-FY\",\"area\":\"spanga-tensta\",\"value\":3}" "$T_own"
[ "$(q "SELECT title FROM goal WHERE id = $GOAL")" != "nytt namn" ] && ok "the goal is unchanged" || nok "the goal changed"

# --- the district page and the form -------------------------------------------------------------
draft "Det nya utkastets inledning" $P
page() {
	name=$1 want=$2 method=$3 path=$4 jar=$5
	shift 5
	if [ "$jar" = - ]; then set -- "$@"; else set -- -b "$TMP/$jar" -c "$TMP/$jar" "$@"; fi
	code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 400 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
login() { rm -f "$TMP/$1"; page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"; }
csrf() { curl -s -b "$TMP/$1" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
page "the district page, anonymously" 200 GET /stadsdel/spanga-tensta -
has "... shows the adopted version" "Version 2: Antagen 4 maj 2023, § 12, dnr SDN-2023/45"
has "... its text" "Utkastets inledning"
hasnt "... not the draft's text" "Det nya utkastets inledning"
hasnt "... and offers no version choice" "Versioner:"
page "the draft, anonymously" 404 GET "/stadsdel/spanga-tensta?version=utkast" -
page "the superseded version, anonymously" 200 GET "/stadsdel/spanga-tensta?version=1" -
has "... marked as replaced" "Version 1: Ersatt"
login own.jar own editorpassword1
login other.jar other editorpassword2
page "the district page for the owner's editor" 200 GET /stadsdel/spanga-tensta own.jar
has "... the version choice" "Versioner:"
has "... shows the adopted version by default" "Utkastets inledning"
page "the draft for the owner's editor" 200 GET "/stadsdel/spanga-tensta?version=utkast" own.jar
has "... its text" "Det nya utkastets inledning"
has "... its status" "Version 3: Utkast"
has "... and the link to adopt it" "/stadsdel/spanga-tensta/anta?version=3"
page "the draft for another organisation's editor" 404 GET "/stadsdel/spanga-tensta?version=utkast" other.jar
page "the adoption form" 200 GET "/stadsdel/spanga-tensta/anta?version=3" own.jar
has "... has the date field" 'name="datum"'
page "the adoption form for another organisation's editor" 403 GET "/stadsdel/spanga-tensta/anta?version=3" other.jar
C=$(csrf own.jar)
page "the form without the CSRF token" 403 POST "/stadsdel/spanga-tensta/anta?version=3" own.jar -d 'datum=2024-01-10&paragraf=3&dnr=X'
page "the form with no paragraph" 422 POST "/stadsdel/spanga-tensta/anta?version=3" own.jar -d "csrf=$C&datum=2024-01-10&paragraf=&dnr=X"
has "... says so in Swedish at the field" "Ange paragrafen i protokollet"
page "the form with a date in the future" 422 POST "/stadsdel/spanga-tensta/anta?version=3" own.jar -d "csrf=$C&datum=2999-01-10&paragraf=3&dnr=X"
has "... says so in Swedish" "Datumet kan inte ligga i framtiden"
page "the form adopts" 303 POST "/stadsdel/spanga-tensta/anta?version=3" own.jar -d "csrf=$C&datum=2024-01-10&paragraf=3&dnr=SDN+2024%2F3"
expect_eq "... version 3 is decided" "$(status_of $P 3)" decided
expect_eq "... version 2 is superseded" "$(status_of $P 2)" superseded
page "the form again" 409 POST "/stadsdel/spanga-tensta/anta?version=3" own.jar -d "csrf=$C&datum=2024-01-10&paragraf=3&dnr=X"
has "... in Swedish" "Versionen är redan antagen"
page "the district page after the adoption, anonymously" 200 GET /stadsdel/spanga-tensta -
has "... shows the new adopted version" "Det nya utkastets inledning"
has "... with its decision" "Version 3: Antagen 10 januari 2024, § 3, dnr SDN 2024/3"

# the frozen rule in the forms: a goal of an adopted version
page "the goal form of an adopted version" 409 POST "/mal/vp-2022-spanga-tensta-nm-01/redigera" own.jar -d "csrf=$C&namn=Nytt&beskrivning="
has "... says so in Swedish" "Versionen är antagen och kan inte ändras. Skapa en ny version för att göra ändringar."
finish
