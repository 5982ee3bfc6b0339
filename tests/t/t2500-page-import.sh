#!/bin/sh
# t2500: the import page against the real `lup serve`: an editor pastes a small verksamhetsplan
# (in the layout of seed 003), sees the dry run's counts and trace with nothing written, confirms
# and the plan is written (with its audit entry); a CSV of two outcomes; a malformed CSV names its
# line and writes nothing; the CSRF field, readers and anonymous callers; hostile text in the
# document is shown escaped.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'editorpassword1\n' | L user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'readerpassword1\n' | L user add lasse --role reader >/dev/null
printf 'editorpassword2\n' | L user add rita --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null

"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" >/dev/null 2>"$TMP/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$TMP/port")"

page() {
	name=$1 want=$2 method=$3 path=$4 jar=$5
	shift 5
	if [ "$jar" = - ]; then set -- "$@"; else set -- -b "$TMP/$jar" -c "$TMP/$jar" "$@"; fi
	code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 600 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
valid() {
	if tidy -q -e "$TMP/body" 2>&1 | grep -v 'proprietary attribute "aria-current"' | grep -q .; then
		nok "$1 (tidy: $(tidy -q -e "$TMP/body" 2>&1 | grep -v aria-current | head -2 | tr '\n' ' '))"
	else ok "$1"; fi
}
login() {	# login JAR NAME PASSWORD
	rm -f "$TMP/$1"
	page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"
}
csrf() { curl -s -b "$TMP/$1" "$BASE/importera" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }

login anna.jar anna editorpassword1
login lasse.jar lasse readerpassword1
login rita.jar rita editorpassword2
CSRF=$(csrf anna.jar)
[ ${#CSRF} -eq 64 ] && ok "the import form carries the CSRF token" || nok "no CSRF field on /importera"

# A verksamhetsplan for 2030 in the layout of seed 003 (one KF goal with its
# verksamhetsområdesmål, one nämndmål with a description, an expected result, an indicator table
# and an activity table); the activity's name is hostile.
cat > "$TMP/plan.txt" <<'DOC'
Spånga-Tensta stadsdelsnämnds verksamhetsplan 2030 anger inriktningen för nämndens 
verksamhet under 2030 och bygger på budget 2030. 

KF:s inriktningsmål: 1. En modern storstad med 
möjligheter och valfrihet för alla 

KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor 
självförsörjande och vägen till arbete är kort 

Nämndmål: Invånare är etablerade i samhället 

Beskrivning 
Nämnden erbjuder samhällsvägledning till invånarna. 

Förväntat resultat 
- Fler invånare får samhällsvägledning 

  Indikator Årsmål KF:s årsmål Periodicitet 
 Andel invånare som får erbjudande om vägledning 90 % 80 % Tertial 

  Aktivitet Startdatum Slutdatum 
 Vägledning <script>alert(1)</script> "><img src=x onerror=alert(2)> 2030-01-01 2030-12-31 
DOC

# --- access -----------------------------------------------------------------------------------
page "the form, anonymous, goes to the login page" 303 GET /importera -
grep -qi '^location: /logga-in' "$TMP/headers" && ok "... with a redirect to the login" || nok "no redirect to the login"
page "a reader may not import" 403 GET /importera lasse.jar
page "nor post" 403 POST /importera lasse.jar --data-urlencode "csrf=$(csrf lasse.jar)" -d typ=plan \
	--data-urlencode "innehall@$TMP/plan.txt"
page "the form for an editor" 200 GET /importera anna.jar
has "offers the kinds in Swedish" '<option value="plan" selected>Verksamhetsplan (text)</option>'
has "and CSV" '<option value="csv">Utfall och mål (CSV)</option>'
has "with a labelled text field" '<label for="f-innehall">Dokumentets text</label>'
has "says that the text is pasted" "klistra in texten"
valid "the import form is valid HTML"
page "a post without the CSRF field is refused" 403 POST /importera anna.jar -d typ=plan --data-urlencode "innehall@$TMP/plan.txt"
page "an empty text" 422 POST /importera anna.jar -d "csrf=$CSRF&typ=plan&innehall="
has "is asked for" "Klistra in dokumentets text."
page "an unknown kind" 422 POST /importera anna.jar -d "csrf=$CSRF&typ=pdf&innehall=x"
has "is refused" "Välj en typ av dokument i listan."

# --- a plan: dry run, then confirm ------------------------------------------------------------
GOALS=$(q 'SELECT count(*) FROM goal')
AUDIT=$(q 'SELECT count(*) FROM audit')
page "the dry run of a plan" 200 POST /importera anna.jar -d "csrf=$CSRF&typ=plan" --data-urlencode "innehall@$TMP/plan.txt"
has "says nothing is saved" "ingenting har sparats ännu"
has "counts the nämndmål" '<th scope="row">Nämndmål</th><td class="num">1</td>'
has "and the indicators" '<th scope="row">Indikatorer</th><td class="num">1</td>'
has "and the activities" '<th scope="row">Aktiviteter</th><td class="num">1</td>'
has "traces the nämndmål with its line" '<td class="line">10</td><td class="what">namndmal</td>'
has "with its key" "vp-2030-spanga-tensta-nm-01 new: Invånare är etablerade i samhället"
has "shows the hostile text escaped" 'Vägledning &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;'
hasnt "never the raw script" '<script>alert(1)'
hasnt "nor the raw attribute break" '"><img'
has "offers the confirmation" '>Bekräfta import</button>'
has "which posts bekrafta=1" 'name="bekrafta" value="1"'
valid "the dry-run page is valid HTML"
expect_eq "the dry run wrote no goal" "$(q 'SELECT count(*) FROM goal')" "$GOALS"
expect_eq "nor an audit entry" "$(q 'SELECT count(*) FROM audit')" "$AUDIT"
ls "${TMPDIR:-/tmp}" | grep -q '^lup-import-' && nok "the temporary file is removed" || ok "the temporary file is removed"
page "the confirmed import" 200 POST /importera anna.jar -d "csrf=$CSRF&typ=plan&bekrafta=1" --data-urlencode "innehall@$TMP/plan.txt"
has "says it is done" "Importen är klar"
has "with the counts" '<th scope="row">Nämndmål</th><td class="num">1</td>'
valid "the result page is valid HTML"
expect_eq "it wrote the three goals" "$(q 'SELECT count(*) FROM goal')" "$((GOALS + 3))"
expect_eq "the nämndmål belongs to the editor's organisation" \
	"$(q "SELECT o.key FROM goal g JOIN organisation o ON o.id = g.owner_id WHERE g.key = 'vp-2030-spanga-tensta-nm-01'")" \
	spanga-tensta-stadsdelsnamnd
expect_eq "the activity's name as written" \
	"$(q "SELECT title FROM activity WHERE key = 'vp-2030-spanga-tensta-a-001'")" \
	'Vägledning <script>alert(1)</script> "><img src=x onerror=alert(2)>'
expect_eq "the import is audited in the editor's name" \
	"$(q "SELECT actor || ' ' || action || ' ' || entity FROM audit ORDER BY id DESC LIMIT 1")" "anna load import"
page "the new goal is served" 200 GET /mal/vp-2030-spanga-tensta-nm-01 -
has "with its name" "Invånare är etablerade i samhället"

# --- a CSV of two outcomes --------------------------------------------------------------------
IND=vp-2022-spanga-tensta-i-001
printf 'Indikator;Område;Period;Kön;Värde\n%s;Spånga-Tensta;2022-T1;;4,5\n%s;spanga-tensta;VB 2022;T;4,2\n' $IND $IND >"$TMP/two.csv"
page "the dry run of a CSV" 200 POST /importera anna.jar -d "csrf=$CSRF&typ=csv" --data-urlencode "innehall@$TMP/two.csv"
has "counts two rows" '<th scope="row">Rader</th><td class="num">2</td>'
has "and two values" '<th scope="row">Värden</th><td class="num">2</td>'
page "the CSV confirmed" 200 POST /importera anna.jar -d "csrf=$CSRF&typ=csv&bekrafta=1" --data-urlencode "innehall@$TMP/two.csv"
has "is done" "Importen är klar"
V=$(curl -s "$BASE/api/v1/indicators/$IND" | jq -c '[.outcomes[] | select(.area == "spanga-tensta" and .sex == "T" and (.period == "2022-T1" or .period == "2022-FY")) | [.period, .value, .example]] | sort')
expect_eq "the API serves the two outcomes" "$V" '[["2022-FY",4.2,false],["2022-T1",4.5,false]]'

expect_eq "the import's audit entry names the user" \
	"$(q "SELECT count(*) FROM audit a JOIN app_user u ON u.id = a.user_id WHERE a.entity = 'import' AND u.name = 'anna'")" 2

# --- an editor imports only its own organisation's data ------------------------------------------
OUT=$(q 'SELECT count(*) FROM outcome')
page "another organisation's editor cannot import these outcomes" 422 POST /importera rita.jar \
	-d "csrf=$(csrf rita.jar)&typ=csv&bekrafta=1" --data-urlencode "innehall@$TMP/two.csv"
has "it says why, with the line" "inklistrad-text:2: column 1 (indicator): &#39;$IND&#39; is followed up by another organisation"
expect_eq "and nothing was written" "$(q 'SELECT count(*) FROM outcome')" "$OUT"
page "an editor cannot import the commission's answers" 403 POST /importera anna.jar \
	-d "csrf=$CSRF&typ=commission" --data-urlencode "innehall@$TMP/two.csv"
page "nor Kolada data" 403 POST /importera anna.jar -d "csrf=$CSRF&typ=kolada&innehall=%7B%7D"

# --- malformed input --------------------------------------------------------------------------
printf 'Indikator;Område;Period;Kön;Värde\n%s;Spånga-Tensta;2022-T2;;4,5\n%s;Spånga-Tensta;2022-T2;K;n/a\n' $IND $IND >"$TMP/bad.csv"
AUDIT=$(q 'SELECT count(*) FROM audit')
OUT=$(q 'SELECT count(*) FROM outcome')
page "a malformed CSV, confirmed" 422 POST /importera anna.jar -d "csrf=$CSRF&typ=csv&bekrafta=1" --data-urlencode "innehall@$TMP/bad.csv"
has "is refused in Swedish" "Dokumentet kunde inte importeras, och ingenting har sparats."
has "naming its line" "inklistrad-text:3:"
hasnt "never the temporary directory" "lup-import-"
has "the text is kept for correcting" "Spånga-Tensta;2022-T2;K;n/a"
valid "the error page is valid HTML"
expect_eq "nothing was written" "$(q 'SELECT count(*) FROM outcome') $(q 'SELECT count(*) FROM audit')" "$OUT $AUDIT"
page "a bad year" 422 POST /importera anna.jar -d "csrf=$CSRF&typ=plan&ar=30" --data-urlencode "innehall@$TMP/plan.txt"
has "is refused at the field" "Skriv året med fyra siffror"
finish
