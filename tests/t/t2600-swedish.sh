#!/bin/sh
# t2600: what the user reads is Swedish. The demo with a few writes (so the history has entries)
# and a dry-run web import of the verksamhetsplan (seed 003); the main pages as a logged-in
# administrator (start, district, organisation, goal and indicator history, the import's dry-run
# page, a report) carry none of the English keys and words they used to show ("changed:",
# "source_kind", "by_sex", "direction", "prose", "skipped:", "page header", "Typ: direction",
# "Lokal utvecklingsplan") and no UTC ISO time; the history shows a Swedish local time
# ("6 december 2026 kl. 06.22"). An empty draft report can be deleted (API 204, form 303) and
# the deletion is audited; a report with an assessment, a submitted one, and another
# organisation's editor are refused (409 with a Swedish message on the form, 403). The follow-up
# form proposes the year of the organisation's plan (2022 in the demo), not today's.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'adminpassword1\n' | L user add adam --role admin >/dev/null
printf 'editorpassword1\n' | L user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add rita --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
serve "$DB"

login adam.jar adam adminpassword1
login anna.jar anna editorpassword1
login rita.jar rita editorpassword2
# api JAR NAME PASSWORD: an API session; its CSRF token on stdout
api() { curl -s -c "$TMP/$1" -b "$TMP/$1" -H 'Content-Type: application/json' \
	-d "{\"name\":\"$2\",\"password\":\"$3\"}" "$BASE/api/v1/login" | jq -r .csrf_token; }
T_ADAM=$(api adam.api adam adminpassword1)
T_ANNA=$(api anna.api anna editorpassword1)
T_RITA=$(api rita.api rita editorpassword2)
# w NAME WANT METHOD PATH BODY JAR TOKEN: an API write with the session of JAR
w() {
	code=$(curl -s -o "$TMP/body" -w '%{http_code}' -X "$3" -b "$TMP/$6" -H "X-CSRF-Token: $7" \
		-H 'Content-Type: application/json' ${5:+--data-binary "$5"} "$BASE$4")
	if [ "$code" = "$2" ]; then ok "$1"; else nok "$1 ($3 $4: $code, expected $2)"; head -c 300 "$TMP/body" >&2; echo >&2; fi
}

# writes, so that the history has entries
GOAL=$(q "SELECT id FROM goal WHERE key = 'vp-2022-spanga-tensta-nm-01'")
w "an indicator's direction and unit change" 200 PATCH /api/v1/indicators/1 '{"direction":"higher","unit":"procent"}' adam.api "$T_ADAM"
w "a goal's description changes" 200 PATCH /api/v1/goals/$GOAL '{"description":"Ny beskrivning"}' adam.api "$T_ADAM"
w "an indicator is created" 201 POST /api/v1/indicators '{"goal":"vp-2022-spanga-tensta-nm-01","name":"Ny indikator","unit":"%","direction":"lower","periodicity":"year"}' adam.api "$T_ADAM"
NEWIND=$(jq -r .id "$TMP/body")

# text ID: the page's visible text (tags stripped, entities of < > & decoded), in $TMP/ID.txt
text() { sed -e 's/<[^>]*>/ /g' -e 's/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g' "$TMP/body" | tr -s ' \n' > "$TMP/$1.txt"; }
# english ID: none of the English keys and words, nor an ISO time, in the text of page ID
english() {
	for word in "changed:" "source_kind" "by_sex" "direction" "prose" "skipped:" "page header" \
		"Typ: direction" "Lokal utvecklingsplan" "Z</"; do
		if grep -q -F -- "$word" "$TMP/$1.txt"; then nok "$1 shows '$word': $(grep -o -F -- "$word" "$TMP/$1.txt" | head -1)"
		else ok "$1 has no '$word'"; fi
	done
	if grep -q -E '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}' "$TMP/$1.txt"; then
		nok "$1 shows an ISO time: $(grep -o -E '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]*Z?' "$TMP/$1.txt" | head -1)"
	else ok "$1 has no ISO time"; fi
}

page "the start page" 200 GET / adam.jar
text start; english start
page "the district page" 200 GET /stadsdel/spanga-tensta adam.jar
text district; english district
has "the district page's trail names the district" 'Stadsdelsområden</a> / Spånga-Tensta</p>'
page "the organisation page of 2022" 200 GET "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022" adam.jar
text org; english org
page "the goal's history" 200 GET /historik/mal/$GOAL adam.jar
text goalhist; english goalhist
page "the changed indicator's history" 200 GET /historik/indikator/1 adam.jar
text indhist; english indhist
grep -q 'Riktning : lägre värde är bättre → högre värde är bättre' "$TMP/indhist.txt" &&
	ok "the direction reads as Swedish words" || nok "the direction is not in Swedish words"
grep -q -E '[0-9]{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) [0-9]{4} kl\. [0-9]{2}\.[0-9]{2}' \
	"$TMP/indhist.txt" && ok "the history's time is in Swedish form" || nok "no Swedish time in the history"
page "the new indicator's history" 200 GET /historik/indikator/$NEWIND adam.jar
text newhist; english newhist
grep -q 'Datakälla : egen mätning' "$TMP/newhist.txt" && ok "source_kind is Datakälla: egen mätning" ||
	nok "source_kind is not named in Swedish"
grep -q 'Per kön : nej' "$TMP/newhist.txt" && ok "by_sex is Per kön: nej" || nok "by_sex is not named in Swedish"

# the import form and a dry run of seed 003 (the verksamhetsplan of Spånga-Tensta)
page "the import form" 200 GET /importera adam.jar
text importform; english importform
has "the LUP kind is a lokalt utvecklingsprogram" 'Lokalt utvecklingsprogram, LUP (text)'
SEED=$(ls "$SEEDS"/003_*.txt 2>/dev/null | head -1)
if [ -n "$SEED" ]; then
	page "a dry run of seed 003" 200 POST /importera adam.jar -F "csrf=$(csrf adam.jar)" -F typ=plan -F "fil=@$SEED"
	grep -q 'class="import-warnings"' "$TMP/body" && ok "the dry run of 003 has warnings (checked below too)" ||
		nok "the dry run of 003 shows no warnings"
	text import; english import
	has "the trace names a page header in Swedish" '<td class="what">Hoppades över: sidhuvud</td>'
	has "the trace names running text in Swedish" '<td class="what">Löptext</td>'
	grep -q 'oförändrat: ' "$TMP/import.txt" && ok "the trace's status words are Swedish" || nok "no oförändrat in the trace"
else
	nok "seed 003 is missing"
fi

# reports: the start form proposes the plan's year; an empty draft can be deleted
page "the follow-up page for an editor" 200 GET /uppfoljning anna.jar
has "the start form proposes the plan's year 2022" 'name="ar" value="2022"'
w "the editor starts T1 2022" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T1"}' anna.api "$T_ANNA"
R1=$(jq -r .id "$TMP/body")
page "the draft report" 200 GET /uppfoljning/$R1 adam.jar
text report; english report
has "the draft offers its deletion" "action=\"/uppfoljning/$R1/ta-bort\""
w "another organisation's editor may not delete it" 403 DELETE /api/v1/reports/$R1 "" rita.api "$T_RITA"
page "nor through the form" 403 POST /uppfoljning/$R1/ta-bort rita.jar -d "csrf=$(csrf rita.jar)"
expect_eq "the report is still there" "$(q "SELECT COUNT(*) FROM report WHERE id = $R1")" 1
w "its editor deletes the empty draft" 204 DELETE /api/v1/reports/$R1 "" anna.api "$T_ANNA"
expect_eq "the report is gone" "$(q "SELECT COUNT(*) FROM report WHERE id = $R1")" 0
expect_eq "the deletion is audited" "$(q "SELECT actor || ' ' || action FROM audit WHERE entity = 'report' AND entity_id = $R1 ORDER BY id DESC LIMIT 1")" "anna delete"
w "a deleted report is not found" 404 DELETE /api/v1/reports/$R1 "" anna.api "$T_ANNA"

w "the editor starts T2 2022" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T2"}' anna.api "$T_ANNA"
R2=$(jq -r .id "$TMP/body")
w "a goal is assessed in it" 200 PUT /api/v1/reports/$R2/assessments/vp-2022-spanga-tensta-nm-01 '{"assessment":"partly","analysis":"Analys av utvecklingen"}' anna.api "$T_ANNA"
w "a report with an assessment is not deleted" 409 DELETE /api/v1/reports/$R2 "" anna.api "$T_ANNA"
page "nor through the form" 409 POST /uppfoljning/$R2/ta-bort anna.jar -d "csrf=$(csrf anna.jar)"
has "the refusal is in Swedish" "Rapporten kan inte tas bort eftersom något redan är skrivet i den"
expect_eq "the assessed report and its assessment stay" "$(q "SELECT COUNT(*) FROM assessment WHERE report_id = $R2")" 1

w "the editor starts the VB 2022" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-FY"}' anna.api "$T_ANNA"
R3=$(jq -r .id "$TMP/body")
report_none_rest "$DB" "$R3" -b "$TMP/anna.api" -H "X-CSRF-Token: $T_ANNA"
w "it is submitted" 200 POST /api/v1/reports/$R3/submit "" anna.api "$T_ANNA"
w "a submitted report is not deleted" 409 DELETE /api/v1/reports/$R3 "" anna.api "$T_ANNA"
page "nor through the form" 409 POST /uppfoljning/$R3/ta-bort anna.jar -d "csrf=$(csrf anna.jar)"
has "the form says why, in Swedish" "kan inte tas bort. Bara ett utkast kan tas bort."
page "the submitted report" 200 GET /uppfoljning/$R3 anna.jar
hasnt "a submitted report offers no deletion" "/ta-bort"
text submitted; english submitted

w "the editor starts T1 2022 again" 201 POST /api/v1/reports '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T1"}' anna.api "$T_ANNA"
R4=$(jq -r .id "$TMP/body")
page "the form deletes an empty draft" 303 POST /uppfoljning/$R4/ta-bort anna.jar -d "csrf=$(csrf anna.jar)"
expect_eq "it goes to the follow-up page" "$(sed -n 's/^[Ll]ocation: *//p' "$TMP/headers" | tr -d '\r')" "/uppfoljning?klart=borttagen"
expect_eq "the report is gone" "$(q "SELECT COUNT(*) FROM report WHERE id = $R4")" 0
page "the form without the CSRF field" 403 POST /uppfoljning/$R2/ta-bort anna.jar -d "x=1"
finish
