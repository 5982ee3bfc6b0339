#!/bin/sh
# t2300: the 'forms' pages against the real `lup serve`: the login form and the account page,
# the CSRF field of form posts, the follow-up report from start to approval through forms (an
# assessment that differs from the suggestion needs a reason), the refusals for another
# organisation, the editing forms of goals, indicators and activities with their Swedish
# field-level messages, the history of a thing, escaping of hostile text, and the caps of the
# form parser (413, broken UTF-8 400).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'citypassword1\n' | L user add stad --role city --org stadsledningskontoret >/dev/null
printf 'editorpassword1\n' | L user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'editorpassword2\n' | L user add rikard --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
printf 'readerpassword1\n' | L user add lasse --role reader >/dev/null
q() { sqlite3 "$DB" "$1"; }
ORG=$(q "SELECT id FROM organisation WHERE key = 'spanga-tensta-stadsdelsnamnd'")
GOAL=vp-2022-spanga-tensta-nm-03
GID=$(q "SELECT id FROM goal WHERE key = '$GOAL'")
IND=vp-2022-spanga-tensta-i-016
ACT=$(q "SELECT id FROM activity WHERE key = 'vp-2022-spanga-tensta-a-014'")

serve "$DB"

# page NAME WANT METHOD PATH JAR [CURL ARGS...]: one request with the cookie jar JAR ("-" for
# none); the body in $TMP/body, the headers in $TMP/headers. Form data goes in the curl args.
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
location() { grep -i '^location:' "$TMP/headers" | cut -d' ' -f2 | tr -d '\r'; }
# valid: the page is HTML that tidy accepts (tidy 5.6 does not know aria-current yet)
valid() {
	if tidy -q -e "$TMP/body" 2>&1 | grep -v 'proprietary attribute "aria-current"' | grep -q .; then
		nok "$1 (tidy: $(tidy -q -e "$TMP/body" 2>&1 | grep -v aria-current | head -2 | tr '\n' ' '))"
	else ok "$1"; fi
}
login() {	# login JAR NAME PASSWORD
	rm -f "$TMP/$1"
	page "$2 logs in through the form" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"
}
csrf() { curl -s -b "$TMP/$1" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }

# --- logging in -------------------------------------------------------------------------------
page "the login form" 200 GET /logga-in -
has "the form has labelled fields" '<label for="f-namn">Användarnamn</label>'
has "the password field is a password" 'type="password" id="f-losenord" name="losenord"'
valid "the login page is valid HTML"
page "a wrong password gives the form again" 401 POST /logga-in - -d 'namn=anna&losenord=wrongpassword'
has "with a Swedish message" "Fel användarnamn eller lösenord"
has "and the name kept" 'name="namn" value="anna"'
hasnt "but never the password" 'wrongpassword'
grep -qi '^set-cookie' "$TMP/headers" && nok "a failed login sets no cookie" || ok "a failed login sets no cookie"
page "a login posted from another site is refused" 403 POST /logga-in - -H 'Sec-Fetch-Site: cross-site' -d 'namn=anna&losenord=editorpassword1'
grep -qi '^set-cookie' "$TMP/headers" && nok "... and sets no cookie" || ok "... and sets no cookie"
page "empty fields are named" 422 POST /logga-in - -d 'namn=&losenord='
has "the name is asked for" "Skriv ditt användarnamn."
has "the password is asked for" "Skriv ditt lösenord."
has "the errors are listed with links to the fields" 'href="#f-losenord"'
login anna.jar anna editorpassword1
expect_eq "the login goes to the account" "$(location)" /konto
grep -qi '^set-cookie: lup_session=.*HttpOnly; SameSite=Strict' "$TMP/headers" && ok "the session cookie is set" || nok "no session cookie"
page "the account page" 200 GET /konto anna.jar
has "it names the user" "<dd>anna</dd>"
has "and the role" "<dd>redaktör</dd>"
has "and the organisation" "Spånga-Tensta stadsdelsnämnd"
has "it has the logout form" '<form method="post" action="/logga-ut"'
valid "the account page is valid HTML"
CSRF_ANNA=$(csrf anna.jar)
[ ${#CSRF_ANNA} -eq 64 ] && ok "the logout form carries the CSRF token" || nok "no CSRF field on /konto"
rm -f "$TMP/x.jar"
page "a login can return to the page asked for" 303 POST /logga-in x.jar -d 'namn=lasse&losenord=readerpassword1&till=/uppfoljning'
expect_eq "... which it does" "$(location)" /uppfoljning
page "but never to another site" 303 POST /logga-in x.jar -d 'namn=lasse&losenord=readerpassword1&till=//evil.example/'
expect_eq "... it goes to the account instead" "$(location)" /konto
page "the account sends an anonymous visitor to the login page" 303 GET /konto -
grep -qi '^location: /logga-in?till=%2Fkonto' "$TMP/headers" && ok "and back to the account afterwards" || nok "no redirect to the login page"
login stad.jar stad citypassword1
login rikard.jar rikard editorpassword2
CSRF_STAD=$(csrf stad.jar)
CSRF_RIKARD=$(csrf rikard.jar)

# --- CSRF -------------------------------------------------------------------------------------
page "a form post without the CSRF field is refused" 403 POST /uppfoljning anna.jar -d "org=$ORG&period=T1&ar=2022"
has "with a Swedish page" "säkerhetskod"
page "a form post with another session's token is refused" 403 POST /uppfoljning anna.jar -d "csrf=$CSRF_RIKARD&org=$ORG&period=T1&ar=2022"
page "logging out needs the token too" 403 POST /logga-ut anna.jar -d ''
page "a form post as JSON is refused" 415 POST /uppfoljning anna.jar -H 'Content-Type: application/json' -d '{}'
expect_eq "and nothing was written" "$(q 'SELECT count(*) FROM report')" 0

# --- starting a report ------------------------------------------------------------------------
page "the follow-up list, anonymous" 200 GET /uppfoljning -
has "says there is nothing approved yet" "Det finns inga godkända rapporter ännu"
hasnt "offers no start form to anonymous" 'action="/uppfoljning"'
page "the follow-up list for an editor" 200 GET /uppfoljning anna.jar
has "offers the start form" 'action="/uppfoljning"'
has "for the own organisation" "<option value=\"$ORG\">Spånga-Tensta stadsdelsnämnd</option>"
valid "the follow-up list is valid HTML"
page "a start with a bad year" 422 POST /uppfoljning anna.jar -d "csrf=$CSRF_ANNA&org=$ORG&period=T1&ar=22"
has "names the field" "Skriv året med fyra siffror"
page "a start for another organisation is refused" 403 POST /uppfoljning rikard.jar -d "csrf=$CSRF_RIKARD&org=$ORG&period=T1&ar=2022"
page "the editor starts T1 2022" 303 POST /uppfoljning anna.jar -d "csrf=$CSRF_ANNA&org=$ORG&period=T1&ar=2022"
RID=$(location | sed -n 's,^/uppfoljning/\([0-9]*\)?klart=ny$,\1,p')
[ -n "$RID" ] && ok "it goes to the new report" || nok "no report id in '$(location)'"
expect_eq "the report is a draft in the database" "$(q "SELECT status FROM report WHERE id = $RID")" draft
expect_eq "its creation is audited" "$(q "SELECT actor || ' ' || action FROM audit WHERE entity = 'report' AND entity_id = $RID")" "anna insert"
page "starting it again finds it" 303 POST /uppfoljning anna.jar -d "csrf=$CSRF_ANNA&org=$ORG&period=T1&ar=2022"
expect_eq "... the same report" "$(location)" "/uppfoljning/$RID?klart=fanns"

# --- the report page --------------------------------------------------------------------------
page "a draft is not shown to anonymous callers" 404 GET /uppfoljning/$RID -
page "nor to an editor of another organisation" 403 GET /uppfoljning/$RID rikard.jar
page "the draft for its editor" 200 GET /uppfoljning/$RID anna.jar
has "is titled by period and organisation" "<h1>Tertialrapport 1 2022 – Spånga-Tensta stadsdelsnämnd</h1>"
has "shows the status" ">Utkast</span>"
has "labels the example outcomes" "Exempeldata:"
# the goal has its own indicator (i-016) and the five of Spånga-Tensta on KF goal kf-2022-1-2;
# all six are followed up yearly, so T1 2022 has no outcome for them (example data has none either)
has "suggests an assessment with its rule" "Ej bedömt. Regel: 6 indikatorer saknar utfall: ej bedömt."
hasnt "shows no outcome of the period for a yearly indicator" " index</td>"
has "shows the goal's activities" "Erbjuda avlastning för anhöriga"
has "offers the assessment" "name=\"bedomning-$GID\""
has "with a labelled analysis" "<label for=\"f-analys-$GID\">Analys</label>"
has "and the submit button" '>Skicka in</button>'
hasnt "but not the city's buttons" '>Godkänn</button>'
valid "the report page is valid HTML"

page "an assessment other than the suggestion without a reason" 422 POST /uppfoljning/$RID anna.jar \
	-d "csrf=$CSRF_ANNA&bedomning-$GID=fulfilled&analys-$GID=&prognos=Prognosen+h%C3%A5ller"
has "is refused with the reason why" "bedömningen Uppfyllt avviker från förslaget Ej bedömt. Skriv i analysen varför (minst 10 bokstäver eller siffror)."
has "at the field" "id=\"f-analys-$GID-fel\""
has "and the values are kept" "<option value=\"fulfilled\" selected>Uppfyllt</option>"
has "also the forecast" "Prognosen håller"
expect_eq "nothing was saved" "$(q "SELECT count(*) FROM assessment WHERE report_id = $RID")" 0
page "an unknown assessment" 422 POST /uppfoljning/$RID anna.jar -d "csrf=$CSRF_ANNA&bedomning-$GID=excellent"
has "is refused" "välj en bedömning i listan"
HOSTILE='Trenden är stark <script>alert(1)</script> "><img src=x onerror=alert(2)>'
page "with a reason it is saved" 303 POST /uppfoljning/$RID anna.jar -d "csrf=$CSRF_ANNA&bedomning-$GID=fulfilled" \
	--data-urlencode "analys-$GID=$HOSTILE" --data-urlencode "prognos=Helåret når budget."
expect_eq "... back to the report" "$(location)" "/uppfoljning/$RID?klart=sparat"
expect_eq "the assessment is stored" "$(q "SELECT assessment FROM assessment WHERE report_id = $RID AND goal_id = $GID")" fulfilled
expect_eq "the analysis as written" "$(q "SELECT analysis FROM assessment WHERE report_id = $RID AND goal_id = $GID")" "$HOSTILE"
expect_eq "the other goals were left alone" "$(q "SELECT count(*) FROM assessment WHERE report_id = $RID")" 1
expect_eq "one audit entry for the save" "$(q "SELECT count(*) FROM audit WHERE entity = 'report' AND entity_id = $RID AND action = 'update'")" 1
page "the saved report" 200 GET "/uppfoljning/$RID?klart=sparat" anna.jar
has "says it is saved" "Ändringarna är sparade."
has "shows the analysis escaped" 'Trenden är stark &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;'
hasnt "never the raw script" '<script>alert(1)'
hasnt "nor the raw attribute break" '"><img'
page "saving without changes writes nothing" 303 POST /uppfoljning/$RID anna.jar -d "csrf=$CSRF_ANNA&bedomning-$GID=fulfilled" \
	--data-urlencode "analys-$GID=$HOSTILE" --data-urlencode "prognos=Helåret når budget."
expect_eq "... no new audit entry" "$(q "SELECT count(*) FROM audit WHERE entity = 'report' AND entity_id = $RID AND action = 'update'")" 1
page "an editor of another organisation cannot save it" 403 POST /uppfoljning/$RID rikard.jar -d "csrf=$CSRF_RIKARD&bedomning-$GID=not&analys-$GID=x"
has "and is told why in Swedish" "du kan bara ändra det som din egen organisation äger"
page "nor submit it" 403 POST /uppfoljning/$RID/skicka-in rikard.jar -d "csrf=$CSRF_RIKARD"
page "nor approve it" 403 POST /uppfoljning/$RID/godkann rikard.jar -d "csrf=$CSRF_RIKARD"
page "the city cannot approve a draft" 409 POST /uppfoljning/$RID/godkann stad.jar -d "csrf=$CSRF_STAD"

# --- an outcome through the form changes the suggestion ---------------------------------------
page "the indicator's form" 200 GET /indikator/$IND/redigera anna.jar
has "offers the areas" '<option value="spanga-tensta" selected>Spånga-Tensta</option>'
valid "the indicator form is valid HTML"
page "an outcome that is not a number" 422 POST /indikator/$IND/redigera anna.jar \
	-d "csrf=$CSRF_ANNA&del=utfall&utfall-period=T1&utfall-ar=2022&omrade=spanga-tensta&kon=T&varde=mycket"
has "is refused at the field" "Skriv utfallet som ett tal, till exempel 57,8"
has "and the value is kept" 'value="mycket"'
page "an outcome for an unknown area" 422 POST /indikator/$IND/redigera anna.jar \
	-d "csrf=$CSRF_ANNA&del=utfall&utfall-period=T1&utfall-ar=2022&omrade=atlantis&kon=T&varde=1"
has "is refused" "Välj ett område i listan."
page "an outcome with a decimal comma is saved" 303 POST /indikator/$IND/redigera anna.jar \
	-d "csrf=$CSRF_ANNA&del=utfall&utfall-period=T1&utfall-ar=2022&omrade=spanga-tensta&kon=T&varde=75,5"
expect_eq "... back to the indicator" "$(location)" "/indikator/$IND?ar=2022&klart=sparat"
# the report of 2022-T1 is not approved: the figure is its readers' (docs/api.md "Who may read what")
V=$(curl -s -b "$TMP/anna.jar" "$BASE/api/v1/indicators/$IND" | jq -c '.outcomes[] | select(.period == "2022-T1" and .area == "spanga-tensta" and .sex == "T") | [.value, .example, .source]')
expect_eq "the API serves the new outcome" "$V" '[75.5,false,"webb"]'
V=$(curl -s "$BASE/api/v1/indicators/$IND" | jq -c '.outcomes[] | select(.period == "2022-T1" and .area == "spanga-tensta" and .sex == "T") | [.value, .example, .source]')
expect_eq "but not to anonymous callers before the report is approved" "$V" ''
page "the report now" 200 GET /uppfoljning/$RID anna.jar
has "counts the indicator that meets its target" "Regel: 1 av 1 indikator når sitt mål (5 saknar utfall): uppfyllt."
has "and shows the outcome" "75,5 index"
page "a target through the form" 303 POST /indikator/$IND/redigera anna.jar -d "csrf=$CSRF_ANNA&del=malvarden&ar=2022&arsmal=72&kf-arsmal=%C3%B6ka"
V=$(curl -s "$BASE/api/v1/indicators/$IND" | jq -c '[.targets[] | select(.year == 2022) | [.kind, .mode, .text]]')
expect_eq "the API serves the targets" "$V" '[["kf","direction","öka"],["own","number","72"]]'
page "another organisation's indicator form" 403 GET /indikator/$IND/redigera rikard.jar
page "nor its post" 403 POST /indikator/$IND/redigera rikard.jar \
	-d "csrf=$CSRF_RIKARD&del=utfall&utfall-period=T1&utfall-ar=2022&omrade=spanga-tensta&kon=T&varde=1"
page "the indicator page" 200 GET "/indikator/$IND?ar=2022" anna.jar
has "shows the outcome" "75,5 index"
valid "the indicator page is valid HTML"

# --- submit, return, submit, approve ----------------------------------------------------------
# rest_none RID JAR: the form fields that mark the report's goals without an assessment "Ej bedömt"
# with a reason (a report is submitted only once every goal is assessed: docs/web-follow-cycle.md)
rest_none() {
	curl -s -b "$TMP/$2" "$BASE/uppfoljning/$1" | grep -o 'name="bedomning-[0-9]*"' | sed 's/[^0-9]//g' | while read -r g; do
		[ -n "$(sqlite3 "$DB" "SELECT 1 FROM assessment WHERE report_id = $1 AND goal_id = $g")" ] && continue
		printf '&bedomning-%s=none&analys-%s=Underlag+saknas+f%%C3%%B6r+perioden' "$g" "$g"
	done
}
page "submitting with unassessed goals is refused" 422 POST /uppfoljning/$RID/skicka-in anna.jar -d "csrf=$CSRF_ANNA"
has "... saying which, in Swedish" "är inte bedömda. Bedöm målen, eller välj ”Ej bedömt” och skriv varför"
page "the other goals are marked Ej bedömt with a reason" 303 POST /uppfoljning/$RID anna.jar -d "csrf=$CSRF_ANNA$(rest_none $RID anna.jar)"
page "the editor submits" 303 POST /uppfoljning/$RID/skicka-in anna.jar -d "csrf=$CSRF_ANNA"
expect_eq "... back to the report" "$(location)" "/uppfoljning/$RID?klart=inskickad"
page "the submitted report" 200 GET /uppfoljning/$RID anna.jar
has "says submitted" ">Inskickad</span>"
has "says by whom" "av anna"
hasnt "has no assessment form any more" "name=\"bedomning-$GID\""
page "submitting twice is a conflict" 409 POST /uppfoljning/$RID/skicka-in anna.jar -d "csrf=$CSRF_ANNA"
page "saving a submitted report is a conflict" 409 POST /uppfoljning/$RID anna.jar -d "csrf=$CSRF_ANNA&bedomning-$GID=none"
page "the city sees it" 200 GET /uppfoljning/$RID stad.jar
has "with the approve button" '>Godkänn</button>'
has "and the return form" '>Returnera med kommentar</button>'
page "returning without a comment" 422 POST /uppfoljning/$RID/returnera stad.jar -d "csrf=$CSRF_STAD&kommentar=+"
has "asks for the comment" "Skriv en kommentar till nämnden"
page "returning with a comment" 303 POST /uppfoljning/$RID/returnera stad.jar -d "csrf=$CSRF_STAD" --data-urlencode "kommentar=Utveckla analysen <b>mer</b>."
page "the returned report" 200 GET /uppfoljning/$RID anna.jar
has "says returned" ">Returnerad</span>"
has "shows the comment escaped" "Utveckla analysen &lt;b&gt;mer&lt;/b&gt;."
has "can be edited again" "name=\"bedomning-$GID\""
page "and submitted again" 303 POST /uppfoljning/$RID/skicka-in anna.jar -d "csrf=$CSRF_ANNA"
page "the city approves" 303 POST /uppfoljning/$RID/godkann stad.jar -d "csrf=$CSRF_STAD"
expect_eq "... back to the report" "$(location)" "/uppfoljning/$RID?klart=godkand"
page "the approved report" 200 GET /uppfoljning/$RID anna.jar
has "shows Godkänd" ">Godkänd</span>"
hasnt "has no assessment form" "<select"
hasnt "and no submit button" ">Skicka in</button>"
hasnt "nor the city's" ">Godkänn</button>"
has "only the committee's decision form (committee_decision either: any time)" ">Registrera nämndens beslut</button>"
has "shows the assessment" "<strong>Uppfyllt</strong>"
has "says who approved it" "av stad"
page "approved, it is public" 200 GET /uppfoljning/$RID -
has "with the analysis escaped" "&lt;script&gt;alert(1)&lt;/script&gt;"
page "and listed for everyone" 200 GET /uppfoljning -
has "as approved" "<td>Godkänd</td>"
page "its outcomes are frozen" 409 POST /indikator/$IND/redigera anna.jar \
	-d "csrf=$CSRF_ANNA&del=utfall&utfall-period=T1&utfall-ar=2022&omrade=spanga-tensta&kon=T&varde=1"
has "and the form says so" "periodens utfall är låsta"
page "the report's history" 200 GET /historik/rapport/$RID stad.jar
has "names the steps" "godkänd"
has "and who took them" "<td>anna</td>"
valid "the history page is valid HTML"
page "history sends an anonymous visitor to the login page" 303 GET /historik/rapport/$RID -

# --- editing a goal and an activity -----------------------------------------------------------
page "the goal's form" 200 GET /mal/$GOAL/redigera anna.jar
has "holds its name" 'value="Förebyggande och tidiga insatser skapar trygghet"'
valid "the goal form is valid HTML"
page "an empty name" 422 POST /mal/$GOAL/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=+&beskrivning=Kvar"
has "is refused at the field" "Skriv målets namn."
has "and the description is kept" ">Kvar</textarea>"
page "another organisation's goal form" 403 GET /mal/$GOAL/redigera rikard.jar
has "in Swedish" "Spånga-Tensta stadsdelsnämnd"
page "nor its post" 403 POST /mal/$GOAL/redigera rikard.jar -d "csrf=$CSRF_RIKARD&namn=Kapat"
page "a new name with hostile text" 303 POST /mal/$GOAL/redigera anna.jar -d "csrf=$CSRF_ANNA" \
	--data-urlencode 'namn=Trygghet "först" <i>nu</i>' --data-urlencode "beskrivning=Ny beskrivning."
expect_eq "... back to the goal" "$(location)" "/mal/$GOAL?klart=sparat"
expect_eq "the API serves the new name" "$(curl -s "$BASE/api/v1/goals/$GOAL" | jq -r .name)" 'Trygghet "först" <i>nu</i>'
page "the goal page" 200 GET /mal/$GOAL -
has "shows it escaped" "Trygghet &quot;först&quot; &lt;i&gt;nu&lt;/i&gt;"
valid "the goal page is valid HTML"
page "the goal's history" 200 GET /historik/mal/$GOAL anna.jar
has "shows the old and the new name" "<del>Förebyggande och tidiga insatser skapar trygghet</del>"
has "by whom" "<td>anna</td>"
page "the activity's form" 200 GET /aktivitet/$ACT/redigera anna.jar
page "a date that is not a date" 422 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=Avlastning&start=32+mars&slut=&status=ongoing"
has "is refused in Swedish" "Skriv starten som en dag (2022-03-01)"
page "an end before the start" 422 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=Avlastning&start=2022-05-01&slut=2022-03&status=ongoing"
has "is refused" "Slutet ligger före starten."
page "a valid change" 303 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=Avlastning&start=ht+2022&slut=2023&status=ongoing&roll=hub"
V=$(curl -s "$BASE/api/v1/activities/$ACT" | jq -c '[.name, .start, .start_prec, .end, .status, .role]')
expect_eq "the API serves it" "$V" '["Avlastning","ht 2022","season","2023","ongoing","hub"]'
page "an unknown role" 422 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=Avlastning&status=ongoing&roll=boss"
has "is refused at the field" "Välj en roll i listan."
page "the activity page" 200 GET /aktivitet/$ACT -
has "shows the status in Swedish" "<dd>Pågår</dd>"
has "and the role" "<dd>Nav</dd>"
page "the role cleared" 303 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=Avlastning&start=ht+2022&slut=2023&status=ongoing&roll="
expect_eq "no role" "$(curl -s "$BASE/api/v1/activities/$ACT" | jq -c .role)" null
page "another organisation's activity" 403 POST /aktivitet/$ACT/redigera rikard.jar -d "csrf=$CSRF_RIKARD&namn=x&status=done"

# --- the form parser's caps and unknown things ------------------------------------------------
page "a broken UTF-8 value" 400 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=%FF%FE&status=done"
has "is refused in Swedish" "UTF-8"
printf 'csrf=%s&namn=\377\376&status=done' "$CSRF_ANNA" >"$TMP/raw"
page "raw bytes that are not UTF-8" 400 POST /aktivitet/$ACT/redigera anna.jar --data-binary "@$TMP/raw"
page "a broken escape" 400 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=%G1&status=done"
page "a NUL byte" 400 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&namn=a%00b&status=done"
head -c 70000 /dev/zero | tr '\0' a >"$TMP/big"
page "a field over 64 kB" 413 POST /aktivitet/$ACT/redigera anna.jar -d "csrf=$CSRF_ANNA&status=done" --data-urlencode "namn@$TMP/big"
has "is refused in Swedish" "för stort"
head -c 1100000 /dev/zero | tr '\0' a >"$TMP/huge"
page "a body over 1 MiB" 413 POST /aktivitet/$ACT/redigera anna.jar --data-urlencode "namn@$TMP/huge"
expect_eq "the activity kept its name" "$(curl -s "$BASE/api/v1/activities/$ACT" | jq -r .name)" Avlastning
page "an unknown report" 404 GET /uppfoljning/999999 -
has "in Swedish" "Det finns ingen godkänd rapport med den adressen"
page "a report id that is not a number" 404 GET /uppfoljning/abc -
page "an unknown goal" 404 GET /mal/no-such-goal -
has "in Swedish" "Det finns inget mål med den adressen."
page "an unknown indicator" 404 GET /indikator/no-such-indicator/redigera anna.jar
page "history of an unknown kind" 404 GET /historik/planet/1 anna.jar
page "a year that is not a year" 400 GET "/indikator/$IND?ar=tjugo" -

# --- logging out ------------------------------------------------------------------------------
OLD=$(awk '$6 == "lup_session" {print $7}' "$TMP/anna.jar")
page "logging out" 303 POST /logga-ut anna.jar -d "csrf=$CSRF_ANNA"
expect_eq "... to the start page" "$(location)" /
grep -qi '^set-cookie: lup_session=;' "$TMP/headers" && ok "the cookie is cleared" || nok "the cookie is not cleared"
page "the old session is gone: the visitor is anonymous again" 303 GET /konto - -H "Cookie: lup_session=$OLD"
grep -qi '^set-cookie: lup_session=;.*Max-Age=0' "$TMP/headers" && ok "the stale cookie is cleared" || nok "the stale cookie is kept"
finish
