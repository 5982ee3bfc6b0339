#!/bin/sh
# t2310: creating through the web forms against the real `lup serve`: a new nämndmål of an
# organisation (/organisation/{key}/nytt-mal), a new indicator and a new activity under a goal
# (/mal/{key}/ny-indikator, /mal/{key}/ny-aktivitet) and deleting an activity after a question
# (/aktivitet/{id}/ta-bort): each seen on its page and in the audit log, the Swedish messages at
# the fields (empty name, bad year, bad dates, an unknown parent goal, overlong text), the
# refusals (another organisation's editor, a reader, anonymous callers, a post without the CSRF
# field), the links shown only to those who may use them, and hostile text coming back escaped.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'editorpassword1\n' | L user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add rikard --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
printf 'readerpassword1\n' | L user add lasse --role reader >/dev/null
printf 'adminpassword1\n' | L user add ada --role admin >/dev/null
q() { sqlite3 "$DB" "$1"; }
ORGKEY=spanga-tensta-stadsdelsnamnd
GOAL=vp-2022-spanga-tensta-nm-03
GID=$(q "SELECT id FROM goal WHERE key = '$GOAL'")

serve "$DB"

# page NAME WANT METHOD PATH JAR [CURL ARGS...]: as in t2300
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
location() { grep -i '^location:' "$TMP/headers" | cut -d' ' -f2 | tr -d '\r'; }
valid() {
	if tidy -q -e "$TMP/body" 2>&1 | grep -v 'proprietary attribute "aria-current"' | grep -q .; then
		nok "$1 (tidy: $(tidy -q -e "$TMP/body" 2>&1 | grep -v aria-current | head -2 | tr '\n' ' '))"
	else ok "$1"; fi
}
login() {	# login JAR NAME PASSWORD
	rm -f "$TMP/$1"
	page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"
}
csrf() { curl -s -b "$TMP/$1" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
audits() { q "SELECT count(*) FROM audit WHERE entity = '$1'"; }

login anna.jar anna editorpassword1
login rikard.jar rikard editorpassword2
login lasse.jar lasse readerpassword1
login ada.jar ada adminpassword1
CSRF=$(csrf anna.jar)
CSRF_RIKARD=$(csrf rikard.jar)
CSRF_LASSE=$(csrf lasse.jar)
CSRF_ADA=$(csrf ada.jar)
HOSTILE='<script>alert(1)</script> "><img src=x onerror=alert(2)>'
HOSTILE_ESC='&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;'

# --- the links --------------------------------------------------------------------------------
page "the organisation page for its editor" 200 GET "/organisation/$ORGKEY?ar=2022" anna.jar
has "links to a new nämndmål of the year" "href=\"/organisation/$ORGKEY/nytt-mal?ar=2022\">Nytt nämndmål</a>"
page "the organisation page for anonymous" 200 GET "/organisation/$ORGKEY?ar=2022" -
hasnt "has no such link" "nytt-mal"
page "the organisation page for another organisation's editor" 200 GET "/organisation/$ORGKEY?ar=2022" rikard.jar
hasnt "has no such link either" "nytt-mal"
page "the goal page for its editor" 200 GET "/mal/$GOAL" anna.jar
has "links to a new indicator" "href=\"/mal/$GOAL/ny-indikator\">Ny indikator</a>"
has "and to a new activity" "href=\"/mal/$GOAL/ny-aktivitet\">Ny aktivitet</a>"
page "the goal page for anonymous" 200 GET "/mal/$GOAL" -
hasnt "links to neither" "/ny-"
page "the goal page for another organisation's editor" 200 GET "/mal/$GOAL" rikard.jar
hasnt "links to neither either" "/ny-"

# --- a new nämndmål ---------------------------------------------------------------------------
page "the new-goal form" 200 GET "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar
has "offers the council's goals of the year" '<option value="kf-2022-1-2">Verksamhetsområdesmål 1.2: Stockholm är en trygg'
has "has the CSRF field" "name=\"csrf\" value=\"$CSRF\""
has "with a labelled year" '<label for="f-ar">År</label>'
valid "the new-goal form is valid HTML"
page "the form for a year without the council's goals offers the latest" 200 GET "/organisation/$ORGKEY/nytt-mal?ar=2023" anna.jar
has "... 2022's" "för 2022"
has "... with the year asked for" 'name="ar" value="2023"'
page "a year in the address that is not a year" 400 GET "/organisation/$ORGKEY/nytt-mal?ar=tjugo" anna.jar
page "an unknown organisation" 404 GET "/organisation/ingen-sadan/nytt-mal" anna.jar
page "another organisation's editor" 403 GET "/organisation/$ORGKEY/nytt-mal?ar=2022" rikard.jar
has "is told why in Swedish" "du kan bara ändra det som din egen organisation äger"
page "a reader" 403 GET "/organisation/$ORGKEY/nytt-mal?ar=2022" lasse.jar
page "anonymous callers go to the login page" 303 GET "/organisation/$ORGKEY/nytt-mal?ar=2022" -
expect_eq "... and come back" "$(location)" "/logga-in?till=%2Forganisation%2F$ORGKEY%2Fnytt-mal"
N0=$(q "SELECT count(*) FROM goal")
page "an empty name and a bad year" 422 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "csrf=$CSRF&niva=namndmal&overordnat=kf-2022-1-2&nummer=21&namn=+&beskrivning=Kvar&ar=22"
has "names the name" "Skriv målets namn."
has "names the year" "Skriv året med fyra siffror, till exempel 2023."
has "at the fields" 'id="f-namn-fel"'
has "listed with links" 'href="#f-ar"'
has "keeping what was typed" ">Kvar</textarea>"
valid "the form with errors is valid HTML"
page "a nämndmål without a parent" 422 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "csrf=$CSRF&niva=namndmal&overordnat=&namn=Utan+f%C3%B6r%C3%A4lder&ar=2022"
has "is refused at the field" "Välj det av kommunfullmäktiges mål som nämndmålet hör till."
page "an unknown parent goal" 422 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "csrf=$CSRF&niva=namndmal&overordnat=kf-1999-9&namn=Ok%C3%A4nd&ar=2022"
has "is refused at the field" "Det överordnade målet finns inte. Välj ett mål i listan."
has "... the parent list" 'id="f-overordnat-fel"'
page "a nämndmål under a nämndmål" 422 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "csrf=$CSRF&niva=namndmal&overordnat=$GOAL&namn=Under&ar=2022"
has "is refused by the chain's rule" "Ett nämndmål kan bara ligga under ett av kommunfullmäktiges mål"
head -c 501 /dev/zero | tr '\0' m >"$TMP/long501"
page "an overlong name" 422 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "csrf=$CSRF&niva=namndmal&overordnat=kf-2022-1-2&ar=2022" --data-urlencode "namn@$TMP/long501"
has "is refused with the limit" "Namnet får vara högst 500 tecken."
page "an unknown level" 422 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "csrf=$CSRF&niva=kf&overordnat=kf-2022-1-2&namn=x&ar=2022"
has "is refused" "Välj en nivå i listan."
expect_eq "nothing was written" "$(q "SELECT count(*) FROM goal")" "$N0"
page "without the CSRF field" 403 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "niva=namndmal&overordnat=kf-2022-1-2&namn=Utan+kod&ar=2022"
page "another organisation's editor posting" 403 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" rikard.jar \
	-d "csrf=$CSRF_RIKARD&niva=namndmal&overordnat=kf-2022-1-2&namn=Kapat&ar=2022"
page "a reader posting" 403 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" lasse.jar \
	-d "csrf=$CSRF_LASSE&niva=namndmal&overordnat=kf-2022-1-2&namn=L%C3%A4sare&ar=2022"
page "anonymous posting" 401 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" - \
	-d "niva=namndmal&overordnat=kf-2022-1-2&namn=Anonym&ar=2022"
expect_eq "still nothing written" "$(q "SELECT count(*) FROM goal")" "$N0"
page "the editor adds a nämndmål with hostile text" 303 POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar \
	-d "csrf=$CSRF&niva=namndmal&overordnat=kf-2022-1-2&nummer=21&ar=2023" \
	--data-urlencode "namn=Tryggare torg $HOSTILE" --data-urlencode "beskrivning=Rad ett
Rad två $HOSTILE"
NEWGOAL_ID=$(location | sed -n 's,^/mal/\([0-9]*\)?klart=ny$,\1,p')
[ -n "$NEWGOAL_ID" ] && ok "it goes to the new goal" || nok "no goal id in '$(location)'"
NEWGOAL=$(q "SELECT key FROM goal WHERE id = $NEWGOAL_ID")
V=$(q "SELECT o.key || '|' || g.level || '|' || p.key || '|' || g.year || '|' || g.number || '|' || g.source FROM goal g JOIN organisation o ON o.id = g.owner_id JOIN goal p ON p.id = g.parent_id WHERE g.id = $NEWGOAL_ID")
expect_eq "it is stored as typed" "$V" "$ORGKEY|namndmal|kf-2022-1-2|2023|21|webb"
expect_eq "the name as written" "$(q "SELECT title FROM goal WHERE id = $NEWGOAL_ID")" "Tryggare torg $HOSTILE"
L audit goal "$NEWGOAL_ID" --json >"$TMP/out"
expect_eq "its creation is audited with the goal after" "$(jq -r '.[0] | [.actor, .action, (.before == null), (.after | fromjson | .name)] | join("|")' "$TMP/out")" \
	"anna|insert|true|Tryggare torg $HOSTILE"
page "the new goal's page" 200 GET "/mal/$NEWGOAL_ID?klart=ny" anna.jar
has "says it is added" "Målet är tillagt."
has "shows the name escaped" "Tryggare torg $HOSTILE_ESC"
hasnt "never the raw script" "<script>alert(1)"
hasnt "nor the raw attribute break" '"><img'
has "under its parent" 'href="/mal/kf-2022-1-2"'
valid "the new goal's page is valid HTML"
page "the organisation page of 2023" 200 GET "/organisation/$ORGKEY?ar=2023" anna.jar
has "shows the new nämndmål escaped" "Tryggare torg $HOSTILE_ESC"
page "an LUP goal is not written here (it belongs to the LUP's draft: /plan/KEY/version/N/mal)" 422 \
	POST "/organisation/$ORGKEY/nytt-mal?ar=2022" anna.jar -d "csrf=$CSRF&niva=lup&overordnat=&namn=Fler+m%C3%B6tesplatser&ar=2022"
expect_eq "... is not stored" "$(q "SELECT count(*) FROM goal WHERE title = 'Fler mötesplatser'")" "0"
page "an administrator adds one for another organisation" 303 POST "/organisation/rinkeby-kista-stadsdelsnamnd/nytt-mal?ar=2022" ada.jar \
	-d "csrf=$CSRF_ADA&niva=namndmal&overordnat=kf-2022-1-1&namn=Admins+m%C3%A5l&ar=2022"
expect_eq "... owned by that organisation" "$(q "SELECT o.key FROM goal g JOIN organisation o ON o.id = g.owner_id WHERE g.title = 'Admins mål'")" rinkeby-kista-stadsdelsnamnd

# --- a new indicator --------------------------------------------------------------------------
page "the new-indicator form" 200 GET "/mal/$NEWGOAL/ny-indikator" anna.jar
has "offers the directions" '<option value="higher" selected>Högre värde är bättre</option>'
has "and the periodicities" '<option value="tertial">Tertial</option>'
valid "the new-indicator form is valid HTML"
page "another organisation's editor" 403 GET "/mal/$NEWGOAL/ny-indikator" rikard.jar
page "anonymous callers go to the login page" 303 GET "/mal/$NEWGOAL/ny-indikator" -
page "an unknown goal" 404 GET "/mal/no-such-goal/ny-indikator" anna.jar
N0=$(q "SELECT count(*) FROM indicator")
page "an empty name, a long unit and an unknown direction" 422 POST "/mal/$NEWGOAL/ny-indikator" anna.jar \
	-d "csrf=$CSRF&namn=&enhet=$(head -c 41 /dev/zero | tr '\0' u)&riktning=sideways&periodicitet=year"
has "names the name" "Skriv indikatorns namn."
has "names the unit" "Enheten får vara högst 40 tecken."
has "names the direction" "Välj en riktning i listan."
page "an unknown periodicity" 422 POST "/mal/$NEWGOAL/ny-indikator" anna.jar \
	-d "csrf=$CSRF&namn=x&riktning=higher&periodicitet=weekly"
has "is refused" "Välj en periodicitet i listan."
page "without the CSRF field" 403 POST "/mal/$NEWGOAL/ny-indikator" anna.jar -d "namn=x&riktning=higher&periodicitet=year"
page "another organisation's editor posting" 403 POST "/mal/$NEWGOAL/ny-indikator" rikard.jar \
	-d "csrf=$CSRF_RIKARD&namn=x&riktning=higher&periodicitet=year"
expect_eq "nothing was written" "$(q "SELECT count(*) FROM indicator")" "$N0"
page "the editor adds an indicator" 303 POST "/mal/$NEWGOAL/ny-indikator" anna.jar \
	-d "csrf=$CSRF&enhet=%25&riktning=higher&periodicitet=tertial" --data-urlencode "namn=Andel trygga $HOSTILE"
NEWIND_ID=$(location | sed -n 's,^/indikator/\([0-9]*\)?klart=ny$,\1,p')
[ -n "$NEWIND_ID" ] && ok "it goes to the new indicator" || nok "no indicator id in '$(location)'"
V=$(q "SELECT g.key || '|' || i.unit || '|' || i.direction || '|' || i.periodicity || '|' || i.source FROM indicator i JOIN goal g ON g.id = i.goal_id WHERE i.id = $NEWIND_ID")
expect_eq "it is stored under the goal" "$V" "$NEWGOAL|%|higher|tertial|webb"
expect_eq "its creation is audited" "$(q "SELECT actor || ' ' || action FROM audit WHERE entity = 'indicator' AND entity_id = $NEWIND_ID")" "anna insert"
page "the new indicator's page" 200 GET "/indikator/$NEWIND_ID?klart=ny" -
has "says it is added" "Indikatorn är tillagd."
has "shows the name escaped" "Andel trygga $HOSTILE_ESC"
hasnt "never the raw script" "<script>alert(1)"
valid "the new indicator's page is valid HTML"
page "the goal page" 200 GET "/mal/$NEWGOAL" -
has "lists the indicator" "href=\"/indikator/$(q "SELECT key FROM indicator WHERE id = $NEWIND_ID")\""

# --- a new activity ---------------------------------------------------------------------------
page "the new-activity form" 200 GET "/mal/$GOAL/ny-aktivitet" anna.jar
has "offers the statuses" '<option value="planned" selected>Planerad</option>'
has "offers the districts, the owner's checked" 'value="spanga-tensta" checked'
has "as labelled checkboxes" '<label for="f-omrade-spanga-tensta">Spånga-Tensta</label>'
valid "the new-activity form is valid HTML"
page "another organisation's editor" 403 GET "/mal/$GOAL/ny-aktivitet" rikard.jar
page "nor for the council's goal" 403 GET "/mal/kf-2022-1-2/ny-aktivitet" anna.jar
page "anonymous callers go to the login page" 303 GET "/mal/$GOAL/ny-aktivitet" -
N0=$(q "SELECT count(*) FROM activity")
page "an empty name and a date that is not a date" 422 POST "/mal/$GOAL/ny-aktivitet" anna.jar \
	-d "csrf=$CSRF&namn=+&beskrivning=Beh%C3%A5lls&start=32+mars&slut=2022&status=planned&omrade=spanga-tensta"
has "names the start" "Skriv starten som en dag (2022-03-01)"
has "names the name" "Skriv aktivitetens namn."
has "keeps the description" ">Behålls</textarea>"
has "keeps the district" 'value="spanga-tensta" checked'
page "an end before the start" 422 POST "/mal/$GOAL/ny-aktivitet" anna.jar \
	-d "csrf=$CSRF&namn=Sommarlov&start=2022-09&slut=vt+2022&status=planned"
has "is refused at the end" "Slutet ligger före starten."
has "... at its field" 'id="f-slut-fel"'
head -c 20001 /dev/zero | tr '\0' d >"$TMP/long20001"
page "an overlong description" 422 POST "/mal/$GOAL/ny-aktivitet" anna.jar \
	-d "csrf=$CSRF&namn=L%C3%A5ng&status=planned" --data-urlencode "beskrivning@$TMP/long20001"
has "is refused with the limit" "Beskrivningen får vara högst 20 000 tecken."
page "an unknown status" 422 POST "/mal/$GOAL/ny-aktivitet" anna.jar -d "csrf=$CSRF&namn=x&status=finished"
has "is refused" "Välj en status i listan."
page "an unknown district" 422 POST "/mal/$GOAL/ny-aktivitet" anna.jar -d "csrf=$CSRF&namn=x&status=planned&omrade=atlantis"
has "is refused" "Välj stadsdelsområden i listan."
page "an unknown role" 422 POST "/mal/$GOAL/ny-aktivitet" anna.jar -d "csrf=$CSRF&namn=x&status=planned&roll=boss"
has "is refused at the field" "Välj en roll i listan."
page "without the CSRF field" 403 POST "/mal/$GOAL/ny-aktivitet" anna.jar -d "namn=x&status=planned"
page "another organisation's editor posting" 403 POST "/mal/$GOAL/ny-aktivitet" rikard.jar \
	-d "csrf=$CSRF_RIKARD&namn=x&status=planned"
page "anonymous posting" 401 POST "/mal/$GOAL/ny-aktivitet" - -d "namn=x&status=planned"
expect_eq "nothing was written" "$(q "SELECT count(*) FROM activity")" "$N0"
page "the editor adds an activity" 303 POST "/mal/$GOAL/ny-aktivitet" anna.jar \
	-d "csrf=$CSRF&start=ht+2022&slut=2023-06&status=ongoing&roll=process_lead&omrade=spanga-tensta&omrade=rinkeby-kista" \
	--data-urlencode "namn=Kvällsfika $HOSTILE" --data-urlencode "beskrivning=Öppet hus på fredagar."
expect_eq "it goes to the goal" "$(location)" "/mal/$GOAL?klart=ny-aktivitet"
NEWACT=$(q "SELECT id FROM activity WHERE title = 'Kvällsfika $HOSTILE'")
[ -n "$NEWACT" ] && ok "it is stored" || nok "the activity is not in the database"
V=$(curl -s "$BASE/api/v1/activities/$NEWACT" | jq -c '[.start, .start_prec, .end, .status, .role, .goal, .owner, ([.districts[].key] | sort)]')
expect_eq "the API serves it as typed" "$V" "[\"ht 2022\",\"season\",\"2023-06\",\"ongoing\",\"process_lead\",\"$GOAL\",\"$ORGKEY\",[\"rinkeby-kista\",\"spanga-tensta\"]]"
expect_eq "its creation is audited" "$(q "SELECT actor || ' ' || action FROM audit WHERE entity = 'activity' AND entity_id = $NEWACT")" "anna insert"
page "the goal page" 200 GET "/mal/$GOAL?klart=ny-aktivitet" anna.jar
has "says it is added" "Aktiviteten är tillagd."
has "lists the activity escaped" "<a href=\"/aktivitet/$NEWACT\">Kvällsfika $HOSTILE_ESC</a>"
hasnt "never the raw script" "<script>alert(1)"
page "the activity page for its editor" 200 GET "/aktivitet/$NEWACT" anna.jar
has "links to deleting it" "href=\"/aktivitet/$NEWACT/ta-bort\">Ta bort aktiviteten</a>"
has "shows its districts" "Rinkeby-Kista"
has "and the organisation's role" "<dd>Processledare</dd>"
page "the activity page for anonymous" 200 GET "/aktivitet/$NEWACT" -
hasnt "has no delete link" "ta-bort"
page "the activity page for another organisation's editor" 200 GET "/aktivitet/$NEWACT" rikard.jar
hasnt "has no delete link either" "ta-bort"
page "the edit page" 200 GET "/aktivitet/$NEWACT/redigera" anna.jar
has "shows the role chosen" '<option value="process_lead" selected>Processledare</option>' 
has "links to deleting it too" "href=\"/aktivitet/$NEWACT/ta-bort\""

# --- deleting an activity ---------------------------------------------------------------------
page "the question" 200 GET "/aktivitet/$NEWACT/ta-bort" anna.jar
has "asks" "Ta bort aktiviteten ”Kvällsfika $HOSTILE_ESC”?"
has "with the button" '<button type="submit" class="danger">Ta bort aktiviteten</button>'
has "and the CSRF field" "name=\"csrf\" value=\"$CSRF\""
valid "the question is valid HTML"
page "another organisation's editor gets no question" 403 GET "/aktivitet/$NEWACT/ta-bort" rikard.jar
page "anonymous callers go to the login page" 303 GET "/aktivitet/$NEWACT/ta-bort" -
page "a delete without the CSRF field" 403 POST "/aktivitet/$NEWACT/ta-bort" anna.jar -d ''
page "a delete with another session's token" 403 POST "/aktivitet/$NEWACT/ta-bort" anna.jar -d "csrf=$CSRF_RIKARD"
page "a delete by another organisation's editor" 403 POST "/aktivitet/$NEWACT/ta-bort" rikard.jar -d "csrf=$CSRF_RIKARD"
page "a delete by a reader" 403 POST "/aktivitet/$NEWACT/ta-bort" lasse.jar -d "csrf=$CSRF_LASSE"
page "a delete by anonymous" 401 POST "/aktivitet/$NEWACT/ta-bort" - -d ''
expect_eq "it is still there" "$(q "SELECT count(*) FROM activity WHERE id = $NEWACT")" 1
page "the editor deletes it" 303 POST "/aktivitet/$NEWACT/ta-bort" anna.jar -d "csrf=$CSRF"
expect_eq "back to its goal" "$(location)" "/mal/$GOAL?klart=borttagen"
expect_eq "it is gone" "$(q "SELECT count(*) FROM activity WHERE id = $NEWACT")" 0
expect_eq "with its districts" "$(q "SELECT count(*) FROM activity_district WHERE activity_id = $NEWACT")" 0
L audit activity "$NEWACT" --json >"$TMP/out"
expect_eq "the deletion is audited with the activity before" \
	"$(jq -r '[.[] | select(.action == "delete")][0] | [.actor, (.after == null), (.before | fromjson | .name), (.before | fromjson | .status)] | join("|")' "$TMP/out")" \
	"anna|true|Kvällsfika $HOSTILE|ongoing"
page "the goal page" 200 GET "/mal/$GOAL?klart=borttagen" anna.jar
has "says it is deleted" "Aktiviteten är borttagen."
hasnt "no longer lists it" "/aktivitet/$NEWACT\""
page "deleting it again" 404 GET "/aktivitet/$NEWACT/ta-bort" anna.jar
page "... or posting it again" 404 POST "/aktivitet/$NEWACT/ta-bort" anna.jar -d "csrf=$CSRF"
page "its history still shows it" 200 GET "/historik/aktivitet/$NEWACT" anna.jar

# an activity a follow-up report records cannot be deleted: the page says what to do instead
OLDACT=$(q "SELECT id FROM activity WHERE key = 'vp-2022-spanga-tensta-a-014'")
page "the editor starts a report" 303 POST /uppfoljning anna.jar -d "csrf=$CSRF&org=$(q "SELECT id FROM organisation WHERE key = '$ORGKEY'")&period=T1&ar=2022"
RID=$(location | sed -n 's,^/uppfoljning/\([0-9]*\)?.*$,\1,p')
q "INSERT INTO activity_update (report_id, activity_id, status, comment) VALUES ($RID, $OLDACT, 'ongoing', 'x')"
page "deleting an activity a report records" 409 POST "/aktivitet/$OLDACT/ta-bort" anna.jar -d "csrf=$CSRF"
has "is refused in Swedish" "Sätt i stället dess status till Inställd."
expect_eq "... and it is kept" "$(q "SELECT count(*) FROM activity WHERE id = $OLDACT")" 1

# --- the API still creates through the same rules ---------------------------------------------
TOKEN=$(L token create anna 2>/dev/null)
code=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"level":"namndmal","parent":"no-such-goal","name":"x","year":2023}' "$BASE/api/v1/goals")
expect_eq "the API refuses an unknown parent" "$code" 422
expect_eq "... naming the field in English" "$(jq -c '.error.fields' "$TMP/body")" '[{"field":"parent","message":"unknown goal '"'"'no-such-goal'"'"'"}]'

# --- the server stops cleanly (under the sanitizers: without a report) -------------------------
kill -TERM $SERVER
wait $SERVER
expect_eq "the server stops cleanly" "$?" 0
if grep -q -E 'Sanitizer|runtime error' "$TMP/server.log"; then
	nok "the server log has no sanitizer report"; grep -E -A5 'Sanitizer|runtime error' "$TMP/server.log" | head -20 >&2
else ok "the server log has no sanitizer report"; fi
expect_exit "the database is sound afterwards" 0 L check
finish
