#!/bin/sh
# t2500: the import page against the real `lup serve` (multipart/form-data uploads with curl -F):
# an editor pastes a small verksamhetsplan (in the layout of seed 003), sees the dry run's counts
# and trace with nothing written, confirms with the token of the dry run (no second upload) and
# the plan is written (with its audit entry); the real seeds uploaded as files (003 by an editor,
# 002 by an administrator) with the same counts as `lup import --dry-run`; a CSV of two outcomes;
# a malformed CSV names its file and line and writes nothing; the limits (413 over 16 MiB), bodies
# that are not well-formed multipart, wrong and missing fields, non-UTF-8 files; the CSRF field,
# readers, anonymous callers, another organisation's editor; hostile text and file names are shown
# escaped.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'editorpassword1\n' | L user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
printf 'readerpassword1\n' | L user add lasse --role reader >/dev/null
printf 'editorpassword2\n' | L user add rita --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null
printf 'adminpassword1\n' | L user add adam --role admin >/dev/null

serve "$DB"

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
token() { sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body" | head -1; }
# count LABEL N: the report's table has the row LABEL with N
count() { has "counts $2 $1" "<th scope=\"row\">$1</th><td class=\"num\">$2</td>"; }
csrf() { curl -s -b "$TMP/$1" "$BASE/importera" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }

login anna.jar anna editorpassword1
login lasse.jar lasse readerpassword1
login rita.jar rita editorpassword2
login adam.jar adam adminpassword1
CSRF=$(csrf anna.jar)
[ ${#CSRF} -eq 64 ] && ok "the import form carries the CSRF token" || nok "no CSRF field on /importera"

# the main menu links to the import page for those who may import (editors, administrators)
NAVLINK='<a href="/importera"'
page "the start page as an editor" 200 GET / anna.jar
has "an editor's menu has Importera" "$NAVLINK"
page "the start page as an administrator" 200 GET / adam.jar
has "an administrator's menu has Importera" "$NAVLINK"
page "the start page as a reader" 200 GET / lasse.jar
hasnt "a reader's menu has no Importera" "$NAVLINK"
page "the start page for anyone" 200 GET / -
hasnt "the public menu has no Importera" "$NAVLINK"
page "the import page" 200 GET /importera anna.jar
has "marks Importera as the current page" '<a href="/importera" aria-current="page">Importera</a>'

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
page "an anonymous upload is refused" 401 POST /importera - -F typ=plan -F "fil=@$TMP/plan.txt"
page "a reader may not import" 403 GET /importera lasse.jar
page "nor upload" 403 POST /importera lasse.jar -F "csrf=$(csrf lasse.jar)" -F typ=plan -F "fil=@$TMP/plan.txt"
page "nor confirm" 403 POST /importera/bekrafta lasse.jar -d "csrf=$(csrf lasse.jar)&id=00"
page "the form for an editor" 200 GET /importera anna.jar
has "is a multipart form" 'enctype="multipart/form-data"'
has "with a labelled file field" '<label for="f-fil">Dokumentet som fil</label>'
has "of type file" '<input type="file" id="f-fil" name="fil"'
has "offers the kinds in Swedish" '<option value="plan" selected>Verksamhetsplan (text)</option>'
has "and CSV" '<option value="csv">Utfall och mål (CSV)</option>'
has "and a text field for pasting" '<label for="f-innehall">Eller klistra in dokumentets text</label>'
has "states the limit" "Högst 16 MB"
valid "the import form is valid HTML"

# --- malformed and refused uploads (nothing is written by any of them) -------------------------
GOALS=$(q 'SELECT count(*) FROM goal')
AUDIT=$(q 'SELECT count(*) FROM audit')
page "an upload without the CSRF field is refused" 403 POST /importera anna.jar -F typ=plan -F "fil=@$TMP/plan.txt"
has "naming the field" "i fältet ”csrf”"
page "with a wrong CSRF token" 403 POST /importera anna.jar -F csrf=00 -F typ=plan -F "fil=@$TMP/plan.txt"
page "a post from another site" 403 POST /importera anna.jar -H 'Sec-Fetch-Site: cross-site' -F "csrf=$CSRF" \
	-F typ=plan -F "fil=@$TMP/plan.txt"
page "a url-encoded post" 415 POST /importera anna.jar -d "csrf=$CSRF&typ=plan" --data-urlencode "innehall@$TMP/plan.txt"
has "is asked for as multipart" "multipart/form-data"
page "multipart without a boundary" 400 POST /importera anna.jar -H 'Content-Type: multipart/form-data' \
	--data-binary 'csrf=1'
has "says so" "saknar gränsmarkering (boundary)"
printf -- '--XyZ\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n%s\r\n--XyZ\r\nContent-Disposition: form-data; name="typ"\r\n\r\nplan\r\n--XyZ\r\nContent-Disposition: form-data; name="fil"; filename="plan.txt"\r\nContent-Type: text/plain\r\n\r\nSpånga-Tensta stadsdelsnämnds verksamhetsplan 2030' "$CSRF" >"$TMP/truncated"
page "a truncated body" 400 POST /importera anna.jar -H 'Content-Type: multipart/form-data; boundary=XyZ' \
	--data-binary "@$TMP/truncated"
has "is refused as incomplete" "avbrutet eller felaktigt uppbyggt"
page "a body of garbage" 400 POST /importera anna.jar -H 'Content-Type: multipart/form-data; boundary=XyZ' \
	--data-binary 'no parts here'
has "has no fields" "utan några fält"
page "no file and no text" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F 'fil=;filename=' -F innehall=
has "asks for a file at the field" '<p class="field-error" id="f-fil-fel"><span class="visually-hidden">Fel: </span>Välj en fil att ladda upp'
valid "the form with the error is valid HTML"
: >"$TMP/empty.txt"
page "an empty file" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "fil=@$TMP/empty.txt"
has "is named" "Filen ”empty.txt” är tom."
page "the file field missing" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan
has "asks for the file" "Välj en fil att ladda upp"
page "a file and text both" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "fil=@$TMP/plan.txt" -F innehall=x
has "asks for one of them" "inte båda"
page "a field of a wrong name" 400 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "dokument=@$TMP/plan.txt"
has "names the field" "okänt fält ”dokument”"
page "the old confirmation field" 400 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F bekrafta=1 -F "fil=@$TMP/plan.txt"
has "is unknown" "okänt fält ”bekrafta”"
page "a field twice" 400 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F typ=csv -F "fil=@$TMP/plan.txt"
has "names it" "Fältet ”typ” skickades mer än en gång."
page "a file for the kind" 400 POST /importera anna.jar -F "csrf=$CSRF" -F "typ=@$TMP/plan.txt" -F "fil=@$TMP/plan.txt"
has "is refused at its field" "Fältet ”typ” ska vara text, inte en fil."
printf 'Indikator;Omr\345de;Period;K\366n;V\344rde\n' >"$TMP/latin1.csv"
page "a file that is not UTF-8" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=csv -F "fil=@$TMP/latin1.csv"
has "names the field and the byte" "Innehållet i fältet ”fil” är inte text i UTF-8 (fel vid byte 14)"
printf 'a\000b\n' >"$TMP/nul.txt"
page "a file with a NUL byte" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "fil=@$TMP/nul.txt"
page "an unknown kind" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=pdf -F "fil=@$TMP/plan.txt"
has "is refused" "Välj en typ av dokument i listan."
page "a bad year" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F ar=30 -F "fil=@$TMP/plan.txt"
has "is refused at the field" "Skriv året med fyra siffror"
# 16 MiB + 1 byte of text: over the route's limit
head -c 16777217 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
page "a file over 16 MiB" 413 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "fil=@$TMP/big.txt"
has "is refused in Swedish at the field" "en fil får vara högst 16 MB"
valid "the 413 page is valid HTML"
page "a large body from an anonymous caller is refused before it counts" 401 POST /importera - \
	-F typ=plan -F "fil=@$TMP/big.txt"
page "other form posts keep their 1 MiB limit" 413 POST /logga-in anna.jar -F "namn=@$TMP/big.txt"
expect_eq "nothing was written" "$(q 'SELECT count(*) FROM goal') $(q 'SELECT count(*) FROM audit')" "$GOALS $AUDIT"
rm -f "$TMP/big.txt"

# --- an editor's plan refers to the council's goals, never writes them ---------------------------
page "an editor's plan of a year without the council's goals" 403 POST /importera anna.jar -F "csrf=$CSRF" \
	-F typ=plan -F "innehall=<$TMP/plan.txt"
has "is stopped, in Swedish, naming the line and the field" \
	"Rad 4 i inklistrad-text (kommunfullmäktiges mål): ”kf-2030-1” är ett av kommunfullmäktiges mål och finns inte i databasen."
hasnt "and offers no confirmation" 'action="/importera/bekrafta"'
valid "the refusal page is valid HTML"
expect_eq "nothing was written" "$(q 'SELECT count(*) FROM goal') $(q 'SELECT count(*) FROM audit')" "$GOALS $AUDIT"
# the machine's operator (the CLI, unrestricted) imports the council's goals of 2030 with another
# committee's plan
L import plan "$TMP/plan.txt" --org rinkeby-kista-stadsdelsnamnd >/dev/null && ok "the CLI imports any plan" ||
	nok "lup import plan --org rinkeby-kista-stadsdelsnamnd"
KFTITLE=$(q "SELECT title FROM goal WHERE key = 'kf-2030-1'")
GOALS=$(q 'SELECT count(*) FROM goal')
AUDIT=$(q 'SELECT count(*) FROM audit')

# --- a pasted plan: dry run, then confirm with the token ---------------------------------------
page "the dry run of a pasted plan" 200 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "innehall=<$TMP/plan.txt"
has "says nothing is saved" "ingenting har sparats ännu"
count Nämndmål 1
count Indikatorer 1
count Aktiviteter 1
has "traces the nämndmål with its line" '<td class="line">10</td><td class="what">Nämndmål</td>'
has "with its key" "vp-2030-spanga-tensta-nm-01 nytt: Invånare är etablerade i samhället"
has "shows the hostile text escaped" 'Vägledning &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=a...'
hasnt "never the raw script" '<script>alert(1)'
hasnt "nor the raw attribute break" '"><img'
has "offers the confirmation" '>Bekräfta import</button>'
has "which posts to the confirmation" 'action="/importera/bekrafta"'
hasnt "without the document" 'name="innehall"'
valid "the dry-run page is valid HTML"
TOKEN=$(token)
[ ${#TOKEN} -eq 64 ] && ok "the confirmation carries a 256-bit token" || nok "no token in the confirmation form"
expect_eq "the dry run wrote no goal" "$(q 'SELECT count(*) FROM goal')" "$GOALS"
expect_eq "nor an audit entry" "$(q 'SELECT count(*) FROM audit')" "$AUDIT"
ls "${TMPDIR:-/tmp}" | grep -q '^lup-import-' && nok "the temporary file is removed" || ok "the temporary file is removed"
page "the token confirmed without the CSRF field" 403 POST /importera/bekrafta anna.jar -d "id=$TOKEN"
page "another editor cannot confirm it" 410 POST /importera/bekrafta rita.jar -d "csrf=$(csrf rita.jar)&id=$TOKEN"
page "a made-up token" 410 POST /importera/bekrafta anna.jar -d "csrf=$CSRF&id=$(printf '%064d' 0)"
has "says the dry run is gone" "Provkörningen finns inte längre"
valid "the 410 page is valid HTML"
expect_eq "nothing was written yet" "$(q 'SELECT count(*) FROM goal')" "$GOALS"
page "the confirmed import" 200 POST /importera/bekrafta anna.jar -d "csrf=$CSRF&id=$TOKEN"
has "says it is done" "Importen är klar"
has "names the text" "importerad från inklistrad-text"
count Nämndmål 1
valid "the result page is valid HTML"
expect_eq "it wrote its nämndmål, not the council's goals" "$(q 'SELECT count(*) FROM goal')" "$((GOALS + 1))"
expect_eq "the nämndmål belongs to the editor's organisation" \
	"$(q "SELECT o.key FROM goal g JOIN organisation o ON o.id = g.owner_id WHERE g.key = 'vp-2030-spanga-tensta-nm-01'")" \
	spanga-tensta-stadsdelsnamnd
expect_eq "the activity's name as written" \
	"$(q "SELECT title FROM activity WHERE key = 'vp-2030-spanga-tensta-a-001'")" \
	'Vägledning <script>alert(1)</script> "><img src=x onerror=alert(2)>'
expect_eq "the import is audited in the editor's name" \
	"$(q "SELECT actor || ' ' || action || ' ' || entity FROM audit ORDER BY id DESC LIMIT 1")" "anna load import"
AUDIT=$(q 'SELECT count(*) FROM audit')
page "the same token again" 410 POST /importera/bekrafta anna.jar -d "csrf=$CSRF&id=$TOKEN"
expect_eq "imports nothing twice" "$(q 'SELECT count(*) FROM audit')" "$AUDIT"
page "the new goal of the imported draft is not public" 404 GET /mal/vp-2030-spanga-tensta-nm-01 -
page "the new goal is served to its editor" 200 GET /mal/vp-2030-spanga-tensta-nm-01 anna.jar
has "with its name" "Invånare är etablerade i samhället"
expect_eq "under the council's goal" \
	"$(q "SELECT p.key FROM goal g JOIN goal v ON v.id = g.parent_id JOIN goal p ON p.id = v.parent_id WHERE g.key = 'vp-2030-spanga-tensta-nm-01'")" kf-2030-1
# the editor's text words the council's goal otherwise: imported, the council's goal kept
sed 's/En modern storstad med/En annan storstad med/' "$TMP/plan.txt" >"$TMP/plan2.txt"
page "an editor's plan wording a council's goal otherwise" 200 POST /importera anna.jar -F "csrf=$CSRF" \
	-F typ=plan -F "fil=@$TMP/plan2.txt"
has "the trace says the council's goal is kept" "kf-2030-1 behålls (kommunfullmäktiges mål skrivs inte av den här importen)"
page "is confirmed" 200 POST /importera/bekrafta anna.jar -d "csrf=$CSRF&id=$(token)"
expect_eq "and the council's goal keeps its words" "$(q "SELECT title FROM goal WHERE key = 'kf-2030-1'")" "$KFTITLE"

# --- the seeds as files -----------------------------------------------------------------------
SEED3=$(ls "$SEEDS"/003_*.txt 2>/dev/null | head -1)
SEED2=$(ls "$SEEDS"/002_*.txt 2>/dev/null | head -1)
if [ -n "$SEED3" ] && [ -n "$SEED2" ]; then
	L import plan "$SEED3" --org spanga-tensta-stadsdelsnamnd --dry-run --json >"$TMP/cli3.json" 2>/dev/null
	L import commission "$SEED2" --dry-run --json >"$TMP/cli2.json" 2>/dev/null
	page "seed 003 uploaded by the editor" 200 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "fil=@$SEED3"
	has "names the file" "Dokument: $(basename "$SEED3") ($(wc -c <"$SEED3") byte)."
	count Inriktningsmål "$(jq .inriktningsmal "$TMP/cli3.json")"
	count Nämndmål "$(jq .namndmal "$TMP/cli3.json")"
	count Indikatorer "$(jq .indicators "$TMP/cli3.json")"
	count Aktiviteter "$(jq .activities "$TMP/cli3.json")"
	# the command line writes the council's goals (their text from the plan as description); an
	# editor's import only looks them up, so it changes those rows fewer
	kf3=$(jq '[.trace[] | select((.what == "inriktningsmal" or .what == "verksamhetsomradesmal") and (.detail | test(" (new|changed)")))] | length' "$TMP/cli3.json")
	count "Rader i databasen som skapas eller ändras" "$(( $(jq .changed "$TMP/cli3.json") - kf3 ))"
	valid "the seed's dry-run page is valid HTML"
	T3=$(token)
	page "seed 002 by the editor" 403 POST /importera anna.jar -F "csrf=$CSRF" -F typ=commission -F "fil=@$SEED2"
	RESP=$(q 'SELECT count(*) FROM response')
	ACSRF=$(csrf adam.jar)
	page "seed 002 uploaded by an administrator" 200 POST /importera adam.jar -F "csrf=$ACSRF" -F typ=commission -F "fil=@$SEED2"
	count Förvaltningar "$(jq .administrations "$TMP/cli2.json")"
	count Åtgärder "$(jq .measures "$TMP/cli2.json")"
	count Svar "$(jq .responses "$TMP/cli2.json")"
	T2=$(token)
	expect_eq "the dry run wrote no response" "$(q 'SELECT count(*) FROM response')" "$RESP"
	page "the administrator cannot confirm the editor's upload" 410 POST /importera/bekrafta adam.jar -d "csrf=$ACSRF&id=$T3"
	page "seed 002 confirmed" 200 POST /importera/bekrafta adam.jar -d "csrf=$ACSRF&id=$T2"
	has "is done" "Importen är klar"
	expect_eq "it wrote the responses" "$(q 'SELECT count(*) FROM response')" "$(jq .responses "$TMP/cli2.json")"
	page "seed 003 confirmed by the editor" 200 POST /importera/bekrafta anna.jar -d "csrf=$CSRF&id=$T3"
	has "is done" "Importen är klar"
	expect_eq "the import is audited in the editor's name" \
		"$(q "SELECT actor || ' ' || entity FROM audit ORDER BY id DESC LIMIT 1")" "anna import"
else
	nok "seeds 002 and 003 not found in $SEEDS"
fi

# --- a CSV of two outcomes --------------------------------------------------------------------
IND=vp-2022-spanga-tensta-i-001
printf 'Indikator;Område;Period;Kön;Värde\n%s;Spånga-Tensta;2022-T1;;4,5\n%s;spanga-tensta;VB 2022;T;4,2\n' $IND $IND >"$TMP/two.csv"
page "the dry run of a CSV, its file name hostile" 200 POST /importera anna.jar -F "csrf=$CSRF" -F typ=csv \
	-F "fil=@$TMP/two.csv;filename=../<b>x\"'.csv"
count Rader 2
count Värden 2
has "the name made safe" "Dokument: _b_x_22_.csv"
page "the CSV confirmed" 200 POST /importera/bekrafta anna.jar -d "csrf=$CSRF&id=$(token)"
has "is done" "Importen är klar"
# imported figures are follow-up figures: the editor's until their report is approved
V=$(curl -s -b "$TMP/anna.jar" "$BASE/api/v1/indicators/$IND" | jq -c '[.outcomes[] | select(.area == "spanga-tensta" and .sex == "T" and (.period == "2022-T1" or .period == "2022-FY")) | [.period, .value, .example]] | sort')
expect_eq "the API serves the two outcomes" "$V" '[["2022-FY",4.2,false],["2022-T1",4.5,false]]'

expect_eq "the import's audit entries name the user" \
	"$(q "SELECT count(*) FROM audit a JOIN app_user u ON u.id = a.user_id WHERE a.entity = 'import' AND u.name = 'anna'")" 3

# --- an editor imports only its own organisation's data ------------------------------------------
OUT=$(q 'SELECT count(*) FROM outcome')
page "another organisation's editor cannot import these outcomes" 403 POST /importera rita.jar \
	-F "csrf=$(csrf rita.jar)" -F typ=csv -F "fil=@$TMP/two.csv"
has "it says why, in Swedish, with the file, line and field" \
	"Rad 2 i two.csv, kolumn 1 (indikator): ”$IND” hör till en annan organisation."
hasnt "and offers no confirmation" 'action="/importera/bekrafta"'
expect_eq "and nothing was written" "$(q 'SELECT count(*) FROM outcome')" "$OUT"
page "an editor cannot import the commission's answers" 403 POST /importera anna.jar \
	-F "csrf=$CSRF" -F typ=commission -F "fil=@$TMP/two.csv"
page "nor Kolada data" 403 POST /importera anna.jar -F "csrf=$CSRF" -F typ=kolada -F 'innehall={}'

# --- an importer's error --------------------------------------------------------------------------
printf 'Indikator;Område;Period;Kön;Värde\n%s;Spånga-Tensta;2022-T2;;4,5\n%s;Spånga-Tensta;2022-T2;K;n/a\n' $IND $IND >"$TMP/bad.csv"
AUDIT=$(q 'SELECT count(*) FROM audit')
page "a malformed CSV" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=csv -F "fil=@$TMP/bad.csv"
has "is refused in Swedish" "Dokumentet kunde inte importeras, och ingenting har sparats."
has "naming its file and line" "bad.csv:3:"
hasnt "never the temporary directory" "lup-import-"
valid "the error page is valid HTML"
page "the same text pasted" 422 POST /importera anna.jar -F "csrf=$CSRF" -F typ=csv -F "innehall=<$TMP/bad.csv"
has "names the pasted text's line" "inklistrad-text:3:"
has "and keeps the text for correcting" "Spånga-Tensta;2022-T2;K;n/a"
expect_eq "nothing was written" "$(q 'SELECT count(*) FROM outcome') $(q 'SELECT count(*) FROM audit')" "$OUT $AUDIT"
finish
