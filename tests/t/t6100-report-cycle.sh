#!/bin/sh
# t6100: the follow-up report's cycle through its one write path (edit/report.h), against the real
# `lup serve`: the API and the forms give the same refusals (an analysis that says nothing, "Ej
# bedömt" without a reason, submitting with an unassessed goal); the history keeps the return
# comment after the approval, which takes its own comment; the committee's decision per the
# setting committee_decision; carry-over T1 -> T2 -> VB with its marks and their clearing; the
# role matrix of the new routes.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'citypassword1\n' | L user add stad --role city --org stadsledningskontoret >/dev/null
printf 'readerpassword1\n' | L user add lasse --role reader >/dev/null
printf 'editorpassword1\n' | L user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add rikard --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
T_anon= T_admin=$(L token create admin 2>/dev/null) T_city=$(L token create stad 2>/dev/null)
T_reader=$(L token create lasse 2>/dev/null) T_own=$(L token create anna 2>/dev/null) T_other=$(L token create rikard 2>/dev/null)
ORG=$(q "SELECT id FROM organisation WHERE key = 'spanga-tensta-stadsdelsnamnd'")
G=vp-2022-spanga-tensta-nm-03	# suggested "Ej bedömt" in T1 2022: its indicators have no outcome yet
GID=$(q "SELECT id FROM goal WHERE key = '$G'")
G2=vp-2022-spanga-tensta-nm-04
G2ID=$(q "SELECT id FROM goal WHERE key = '$G2'")
ACT=vp-2022-spanga-tensta-a-014
AID=$(q "SELECT id FROM activity WHERE key = '$ACT'")

serve "$DB"
login anna.jar anna editorpassword1
login stad.jar stad citypassword1
C_ANNA=$(csrf anna.jar) C_STAD=$(csrf stad.jar)

# matrix NAME METHOD PATH BODY anon reader city other own admin: the statuses per role
matrix() {
	name=$1 method=$2 path=$3 body=$4; shift 4
	for role in anon reader city other own admin; do
		eval "tok=\$T_$role"
		req "$name as $role" "$1" "$method" "$path" "$body" "$tok"
		shift
	done
}
field() { jq -r '[.error.fields[]?.field] | join(",")' "$TMP/body"; }
events() { q "SELECT group_concat(step, ',') FROM (SELECT step FROM report_event WHERE report_id = $1 ORDER BY id) AS sq1"; }

# --- T1: the same refusals through the API and the forms ------------------------------------------
req "anna starts T1 2022" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T1"}' "$T_own"
REP=$(jb .id)
expect_eq "its creation is the first step of its history" "$(events "$REP")" created
for a in '' '.' '  ...  !? ' 'Kort text'; do
	req "API: an assessment other than the suggested one with the analysis '$a' is refused" 422 PUT \
		"/api/v1/reports/$REP/assessments/$G" "{\"assessment\":\"fulfilled\",\"analysis\":\"$a\"}" "$T_own"
	expect_eq "... naming the field analysis" "$(field)" analysis
	page "form: the same with the analysis '$a' is refused" 422 POST "/uppfoljning/$REP" anna.jar \
		-d "csrf=$C_ANNA&bedomning-$GID=fulfilled" --data-urlencode "analys-$GID=$a"
	has "... at the field, in Swedish" "id=\"f-analys-$GID-fel\""
done
has "... saying the minimum" "avviker från förslaget Ej bedömt. Skriv i analysen varför (minst 10 bokstäver eller siffror)."
req "API: an assessment without an analysis is refused too" 422 PUT "/api/v1/reports/$REP/assessments/$G" '{"assessment":"partly"}' "$T_own"
expect_eq "nothing was written" "$(q "SELECT count(*) FROM assessment WHERE report_id = $REP")" 0
req "API: 'Ej bedömt' without a reason is refused" 422 PUT "/api/v1/reports/$REP/assessments/$G2" '{"assessment":"none"}' "$T_own"
expect_eq "... naming the field analysis" "$(field)" analysis
req "API: ... and with '.' as its reason" 422 PUT "/api/v1/reports/$REP/assessments/$G2" '{"assessment":"none","analysis":"."}' "$T_own"
page "form: 'Ej bedömt' with '.' as its reason is refused" 422 POST "/uppfoljning/$REP" anna.jar \
	-d "csrf=$C_ANNA&bedomning-$G2ID=none&analys-$G2ID=."
has "... at the field" "id=\"f-analys-$G2ID-fel\""
has "... asking why" "skriv i analysen varför målet inte bedöms"
req "API: ten letters (å counts) are enough" 200 PUT "/api/v1/reports/$REP/assessments/$G" '{"assessment":"fulfilled","analysis":"Åtta nio tio"}' "$T_own"
req "API: an analysis that says why" 200 PUT "/api/v1/reports/$REP/assessments/$G" '{"assessment":"fulfilled","analysis":"Insatserna gav resultat före årets slut."}' "$T_own"
req "API: the activity's status in T1" 200 PUT "/api/v1/reports/$REP/activities/$ACT" '{"status":"ongoing","comment":"Startade i februari."}' "$T_own"
req "API: submitting with unassessed goals is refused" 422 POST "/api/v1/reports/$REP/submit" '' "$T_own"
expect_eq "... naming the field goals" "$(field)" goals
jq -r '.error.fields[0].message' "$TMP/body" | grep -q "$G2" && ok "... and the first unassessed goal" || nok "the refusal names $G2"
page "form: submitting with unassessed goals is refused" 422 POST "/uppfoljning/$REP/skicka-in" anna.jar -d "csrf=$C_ANNA"
grep -q -E 'id="f-bedomning-[0-9]+-fel"' "$TMP/body" && ok "... at the first unassessed goal's field" || nok "no error at a bedomning field"
has "... in Swedish" "är inte bedömda. Bedöm målen, eller välj ”Ej bedömt” och skriv varför"
expect_eq "still a draft" "$(q "SELECT status FROM report WHERE id = $REP")" draft
req "a body on submit is refused (submit takes no body)" 400 POST "/api/v1/reports/$REP/submit" '{"x":1}' "$T_own"

# the rest "Ej bedömt" with a reason, through the form
REST=$(curl -s -b "$TMP/anna.jar" "$BASE/uppfoljning/$REP" | grep -o 'name="bedomning-[0-9]*"' | sed 's/[^0-9]//g' |
	while read -r g; do [ "$g" = "$GID" ] || printf '&bedomning-%s=none&analys-%s=Underlag+saknas+f%%C3%%B6r+perioden' "$g" "$g"; done)
page "form: the other goals marked 'Ej bedömt' with a reason" 303 POST "/uppfoljning/$REP" anna.jar -d "csrf=$C_ANNA$REST"
page "form: the editor submits" 303 POST "/uppfoljning/$REP/skicka-in" anna.jar -d "csrf=$C_ANNA"
expect_eq "submitted" "$(q "SELECT status FROM report WHERE id = $REP")" submitted
page "the city's list" 200 GET /uppfoljning stad.jar
has "shows which goals are 'Ej bedömt'" "Ej bedömda mål och varför"
has "... and why" "Underlag saknas för perioden"
valid "the list is valid HTML"
req "the report in the API" 200 GET "/api/v1/reports/$REP" "" "$T_city"
expect_eq "... carries the 'none' goals with their reasons" "$(jb "[.assessments[] | select(.goal == \"$G2\")][0] | .assessment + \": \" + .analysis")" \
	"none: Underlag saknas för perioden"

# --- return, resubmit, approve with comments: the history keeps both --------------------------------
req "the return needs a comment that says something" 422 POST "/api/v1/reports/$REP/return" '{"comment":" . "}' "$T_city"
page "form: ... also in the form" 422 POST "/uppfoljning/$REP/returnera" stad.jar -d "csrf=$C_STAD&kommentar=+.+"
has "... at the field" 'id="f-kommentar-fel"'
req "the city returns it with a comment" 200 POST "/api/v1/reports/$REP/return" '{"comment":"Komplettera analysen av nämndmål 3."}' "$T_city"
req "anna submits again" 200 POST "/api/v1/reports/$REP/submit" '' "$T_own"
matrix "approve with a comment (not a draft's step for editors)" POST "/api/v1/reports/$REP/approve" '{"comment":"Godkänd: tydliga analyser."}' 401 403 200 403 403 409
req "the approved report" 200 GET "/api/v1/reports/$REP" "" "$T_reader"
expect_eq "its history: every step" "$(jb '[.events[].step] | join(",")')" "created,submitted,returned,submitted,approved"
expect_eq "the return comment is kept" "$(jb '[.events[] | select(.step == "returned")][0].comment')" "Komplettera analysen av nämndmål 3."
expect_eq "the approval has its own" "$(jb '[.events[] | select(.step == "approved")][0].comment')" "Godkänd: tydliga analyser."
expect_eq "... with who did it" "$(jb '[.events[] | select(.step == "returned")][0].user')" stad
page "the report page" 200 GET "/uppfoljning/$REP" anna.jar
has "shows the history" "<ol class=\"report-history\">"
has "... with the return comment" "Komplettera analysen av nämndmål 3."
has "... and the approval's" "Godkänd: tydliga analyser."
has "... in Swedish" "Returnerad med kommentar"
valid "the approved report's page is valid HTML"
req "approve takes only a comment" 422 POST "/api/v1/reports/$REP/approve" '{"note":"x"}' "$T_city"

# --- the committee's decision and the city's setting -------------------------------------------------
req "the setting is 'either' by default" 200 GET /api/v1/settings/committee_decision
expect_eq "... as JSON" "$(jb .value)" either
matrix "set committee_decision" PUT /api/v1/settings/committee_decision '{"value":"after"}' 401 403 200 403 403 200
req "a value that is no choice" 422 PUT /api/v1/settings/committee_decision '{"value":"sometimes"}' "$T_city"
expect_eq "the change is audited" "$(q "SELECT count(*) FROM audit WHERE entity = 'setting'")" 1
expect_eq "the setting is 'after'" "$(q "SELECT value FROM setting WHERE key = 'committee_decision'")" after
req "a date that is no day" 422 POST "/api/v1/reports/$REP/decision" '{"date":"2022-02-30","paragraph":"§ 12"}' "$T_own"
expect_eq "... naming the field date" "$(field)" date
req "a paragraph is required" 422 POST "/api/v1/reports/$REP/decision" '{"date":"2022-05-24","paragraph":""}' "$T_own"
expect_eq "... naming the field paragraph" "$(field)" paragraph
matrix "record the committee's decision on the approved report ('after')" POST "/api/v1/reports/$REP/decision" '{"date":"2022-05-24","paragraph":"§ 12"}' 401 403 403 403 200 200
expect_eq "the report holds it" "$(jb .decision_date) $(jb .decision_paragraph)" "2022-05-24 § 12"
expect_eq "a step of the history" "$(jb '[.events[] | select(.step == "decision")][0].meeting_date')" 2022-05-24

# --- carry-over: T2 starts from T1 ------------------------------------------------------------------
T1N=$(q "SELECT count(*) FROM assessment WHERE report_id = $REP")
req "anna starts T2 2022" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T2"}' "$T_own"
R2=$(jb .id)
expect_eq "it starts from T1's assessments, each marked carried" "$(jb '.assessments | length') $(jb '[.assessments[].carried] | unique | join(",")')" "$T1N 1"
expect_eq "... with their analyses" "$(jb "[.assessments[] | select(.goal == \"$G\")][0].analysis")" "Insatserna gav resultat före årets slut."
expect_eq "... and T1's activity statuses" "$(jb '[.activities[] | .activity + ":" + .status + ":" + (.carried | tostring)] | join(",")')" "$ACT:ongoing:1"
req "a decision on the draft is refused under 'after'" 409 POST "/api/v1/reports/$R2/decision" '{"date":"2022-09-20","paragraph":"§ 7"}' "$T_own"
page "the T2 page" 200 GET "/uppfoljning/$R2" anna.jar
has "marks the carried rows" "Överfört från tertialrapport 1"
valid "the T2 page is valid HTML"
req "an edit of one goal" 200 PUT "/api/v1/reports/$R2/assessments/$G" '{"assessment":"partly","analysis":"Delvis: hälften av insatserna är gjorda."}' "$T_own"
expect_eq "clears its mark only" "$(q "SELECT carried FROM assessment WHERE report_id = $R2 AND goal_id = $GID") $(q "SELECT count(*) FROM assessment WHERE report_id = $R2 AND carried = 1")" "0 $((T1N - 1))"
page "form: an edit of the activity" 303 POST "/uppfoljning/$R2" anna.jar -d "csrf=$C_ANNA&status-$AID=done&kommentar-$AID=Klar+i+juni."
expect_eq "clears its mark" "$(q "SELECT status || ':' || carried FROM activity_update WHERE report_id = $R2")" "done:0"
expect_eq "T1 is unchanged" "$(q "SELECT assessment FROM assessment WHERE report_id = $REP AND goal_id = $GID") $(q "SELECT status FROM activity_update WHERE report_id = $REP")" "fulfilled ongoing"

# --- 'before': the decision is required before submitting -------------------------------------------
page "form: the city sets 'before'" 303 POST /uppfoljning/installningar stad.jar -d "csrf=$C_STAD&nar=before"
page "form: an editor cannot" 403 POST /uppfoljning/installningar anna.jar -d "csrf=$C_ANNA&nar=after"
expect_eq "the setting is 'before'" "$(q "SELECT value FROM setting WHERE key = 'committee_decision'")" before
req "submitting T2 without the decision is refused" 422 POST "/api/v1/reports/$R2/submit" '' "$T_own"
expect_eq "... naming the field decision" "$(field)" decision
page "form: ... also through the form" 422 POST "/uppfoljning/$R2/skicka-in" anna.jar -d "csrf=$C_ANNA"
has "... saying so in Swedish" "ska registreras innan rapporten skickas in"
page "form: the decision with a bad date" 422 POST "/uppfoljning/$R2/beslut" anna.jar -d "csrf=$C_ANNA&beslut-datum=20&beslut-paragraf=7"
has "... at the field" 'id="f-beslut-datum-fel"'
page "form: anna records the decision" 303 POST "/uppfoljning/$R2/beslut" anna.jar -d "csrf=$C_ANNA&beslut-datum=2022-09-20" --data-urlencode "beslut-paragraf=§ 7"
req "now T2 is submitted" 200 POST "/api/v1/reports/$R2/submit" '' "$T_own"
req "a decision on the submitted report is refused under 'before'" 409 POST "/api/v1/reports/$R2/decision" '{"date":"2022-09-21","paragraph":"§ 8"}' "$T_own"
req "the city approves without a body" 200 POST "/api/v1/reports/$R2/approve" '' "$T_city"
expect_eq "T2's history" "$(events "$R2")" "created,decision,submitted,approved"
req "back to 'either'" 200 PUT /api/v1/settings/committee_decision '{"value":"either"}' "$T_admin"

# --- the VB starts from T2; a report without a previous one starts empty -----------------------------
page "form: anna starts the VB 2022" 303 POST /uppfoljning anna.jar -d "csrf=$C_ANNA&org=$ORG&period=FY&ar=2022"
R3=$(q "SELECT r.id FROM report r JOIN period p ON p.id = r.period_id WHERE r.org_id = $ORG AND p.kind = 'FY'")
expect_eq "it starts from T2's rows" "$(q "SELECT assessment || ':' || carried FROM assessment WHERE report_id = $R3 AND goal_id = $GID") $(q "SELECT status || ':' || carried FROM activity_update WHERE report_id = $R3")" "partly:1 done:1"
page "the VB page" 200 GET "/uppfoljning/$R3" anna.jar
has "marks them" "Överfört från tertialrapport 2"
req "a VB with only carried rows is still an empty draft: it can be deleted" 204 DELETE "/api/v1/reports/$R3" '' "$T_own"
expect_eq "... with its rows" "$(q "SELECT count(*) FROM assessment WHERE report_id = $R3")" 0
req "rikard starts Rinkeby-Kista's T2 (no T1)" 201 POST /api/v1/reports '{"org":"rinkeby-kista-stadsdelsnamnd","period":"2022-T2"}' "$T_other"
expect_eq "it starts empty" "$(jb '.assessments | length') $(jb '.activities | length')" "0 0"
matrix "the decision route on another organisation's draft" POST "/api/v1/reports/$(jb .id)/decision" '{"date":"2022-09-20","paragraph":"§ 3"}' 401 403 403 200 403 200

# --- the command line: the same rules through `lup report ... --as USER` (a database of its own) ----
CDB="$TMP/cli.db"
C() { "$LUP" --db "$CDB" "$@"; }
C demo "$ROOT/data/stockholm" >/dev/null || nok "demo for the command line"
printf 'editorpassword1\n' | C user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | C user add rikard --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
printf 'citypassword1\n' | C user add stad --role city --org stadsledningskontoret >/dev/null
expect_exit "report create needs --as" 2 C report create spanga-tensta-stadsdelsnamnd 2022-T1
expect_err "... saying so" "--as USER is required"
expect_exit "rikard cannot start Spånga-Tensta's report" 1 C report create spanga-tensta-stadsdelsnamnd 2022-T1 --as rikard
expect_exit "anna starts T1 on the command line" 0 C report create spanga-tensta-stadsdelsnamnd 2022-T1 --as anna
CR=$(cat "$TMP/out")
expect_exit "an assessment other than the suggested one without an analysis is refused" 1 C report assess "$CR" "$G" fulfilled --as anna
expect_err "... naming the argument" "--analysis: analysis:"
expect_exit "'Ej bedömt' with '.' as its reason too" 1 C report assess "$CR" "$G2" none --analysis . --as anna
expect_exit "submitting with unassessed goals is refused" 1 C report submit "$CR" --as anna
expect_err "... naming them" "goals: not assessed"
for g in $(sqlite3 "$CDB" "SELECT key FROM goal WHERE level = 'namndmal' AND year = 2022"); do
	C report assess "$CR" "$g" none --analysis "Underlag saknas för perioden." --as anna || nok "assess $g on the command line"
done
expect_exit "then anna submits" 0 C report submit "$CR" --as anna
expect_exit "an editor cannot approve" 1 C report approve "$CR" --as anna
expect_exit "the return needs a comment" 1 C report return "$CR" --as stad
expect_err "... naming the argument" "--comment:"
expect_exit "the city returns it" 0 C report return "$CR" --comment "Skriv mer om förskolan." --as stad
expect_exit "anna submits again" 0 C report submit "$CR" --as anna
expect_exit "the city approves with a comment" 0 C report approve "$CR" --comment "Bra." --as stad
expect_exit "a decision with a bad date" 1 C report decision "$CR" --date 2022-13-01 --paragraph "§ 4" --as anna
expect_err "... naming the argument" "--date:"
expect_exit "the decision" 0 C report decision "$CR" --date 2022-06-01 --paragraph "§ 4" --as anna
expect_eq "the history of the command line's report" \
	"$(sqlite3 "$CDB" "SELECT group_concat(step, ',') FROM (SELECT step FROM report_event WHERE report_id = $CR ORDER BY id) AS sq2")" \
	"created,submitted,returned,submitted,approved,decision"
expect_eq "... the return comment kept" "$(sqlite3 "$CDB" "SELECT comment FROM report_event WHERE report_id = $CR AND step = 'returned'")" \
	"Skriv mer om förskolan."
expect_eq "every step audited under the user's name" \
	"$(sqlite3 "$CDB" "SELECT group_concat(actor, ',') FROM (SELECT actor FROM audit WHERE entity = 'report' AND entity_id = $CR ORDER BY id) AS sq3" | tr ',' '\n' | sort -u | tr '\n' ' ')" "anna stad "

# every write is audited
[ "$(q "SELECT count(*) FROM audit WHERE entity = 'report' AND entity_id = $REP")" -ge 10 ] && ok "... ten or more for T1" || nok "T1 has fewer than ten audit entries"
finish
