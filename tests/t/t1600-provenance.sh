#!/bin/sh
# t1600: every imported row keeps where it came from. The importers take the document's bytes
# (the web hands over the upload itself, no temporary file) and record, per goal, indicator,
# activity, measure and commission response, the document (name, SHA-256) and the lines the row
# came from; the pages show "Källa: NAME, rad A–B", and those lines of the document do hold the
# row's name. The import's audit entry names the document as uploaded, its SHA-256 and the user.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
S003=$(ls "$SEEDS"/003_*.txt) S002=$(ls "$SEEDS"/002_*.txt) S001=$(ls "$SEEDS"/001_*.txt)
N003=$(basename "$S003") N002=$(basename "$S002") N001=$(basename "$S001")

L init >/dev/null && L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
expect_exit "import 003" 0 L import plan "$S003"
expect_exit "import 002" 0 L import commission "$S002"
expect_exit "import 001" 0 L import lup "$S001"

SHA=$(sha256sum "$S003" | cut -d' ' -f1)
expect_eq "003 is one source document with its SHA-256" \
	"$(q "SELECT count(*) FROM source_doc WHERE name = '$N003' AND sha256 = '$SHA'")" 1
expect_eq "and its size" "$(q "SELECT bytes FROM source_doc WHERE name = '$N003'")" "$(wc -c <"$S003" | tr -d ' ')"
for e in goal indicator activity; do
	n=$(q "SELECT count(*) FROM provenance p JOIN source_doc d ON d.id = p.doc_id WHERE d.name = '$N003' AND p.entity = '$e'")
	[ "$n" -gt 5 ] && ok "003 gives provenance to rows of kind $e ($n)" || nok "003: only $n rows of kind $e with provenance"
done
n=$(q "SELECT count(*) FROM provenance p JOIN source_doc d ON d.id = p.doc_id WHERE d.name = '$N002' AND p.entity = 'response'")
[ "$n" -gt 50 ] && ok "002 gives its responses provenance ($n)" || nok "002: only $n responses with provenance"
n=$(q "SELECT count(*) FROM provenance p JOIN source_doc d ON d.id = p.doc_id WHERE d.name = '$N001' AND p.entity IN ('activity','measure','goal')")
[ "$n" -gt 10 ] && ok "001 gives its rows provenance ($n)" || nok "001: only $n rows with provenance"
expect_eq "every provenance names lines inside its document" \
	"$(q "SELECT count(*) FROM provenance p JOIN source_doc d ON d.id = p.doc_id WHERE d.name = '$N003' AND p.line_to > $(wc -l <"$S003")")" 0

# lines FROM TO of FILE as one line with single spaces
span() { sed -n "$2,$3p" "$1" | tr -s ' \t\r\n' '    ' | sed 's/^ //'; }
# first3 TEXT: its first three words
first3() { printf '%s\n' "$1" | tr -s ' \t' '  ' | cut -d' ' -f1-3; }
# the lines named hold the row's name, for each kind (all rows of 003, not one example)
bad=0 all=0
q "SELECT p.entity, p.line_from, p.line_to, CASE p.entity WHEN 'goal' THEN (SELECT title FROM goal WHERE id = p.entity_id)
	WHEN 'indicator' THEN (SELECT name FROM indicator WHERE id = p.entity_id)
	WHEN 'activity' THEN (SELECT title FROM activity WHERE id = p.entity_id) END
	FROM provenance p JOIN source_doc d ON d.id = p.doc_id WHERE d.name = '$N003'" >"$TMP/prov"
while IFS='|' read -r e from to name; do
	all=$((all + 1))
	w=$(first3 "$name")
	span "$S003" "$from" "$to" | grep -q -F -- "$w" || { bad=$((bad + 1)); [ $bad -le 3 ] && diag "$e '$w' not in lines $from-$to"; }
done <"$TMP/prov"
[ "$all" -gt 0 ] && [ "$bad" -eq 0 ] && ok "each of 003's $all rows is named in the lines its provenance gives" ||
	nok "$bad of $all rows of 003 are not in the lines their provenance gives"

serve "$DB"
G=$(q "SELECT g.key || '|' || p.line_from || '|' || p.line_to FROM provenance p JOIN goal g ON g.id = p.entity_id
	JOIN source_doc d ON d.id = p.doc_id WHERE p.entity = 'goal' AND d.name = '$N003' AND g.level = 'namndmal' LIMIT 1")
page "a nämndmål from 003" 200 GET "/mal/${G%%|*}" -
R=${G#*|}
has "shows its source and lines" "Källa: $N003, rad ${R%|*}–${R#*|}"
A=$(q "SELECT a.id || '|' || p.line_from FROM provenance p JOIN activity a ON a.id = p.entity_id
	JOIN source_doc d ON d.id = p.doc_id WHERE p.entity = 'activity' AND d.name = '$N003' LIMIT 1")
page "an activity from 003" 200 GET "/aktivitet/${A%%|*}" -
has "shows its source" "Källa: $N003, rad ${A#*|}"
I=$(q "SELECT i.key || '|' || p.line_from FROM provenance p JOIN indicator i ON i.id = p.entity_id
	JOIN source_doc d ON d.id = p.doc_id WHERE p.entity = 'indicator' AND d.name = '$N003' LIMIT 1")
page "an indicator from 003" 200 GET "/indikator/${I%%|*}" -
has "shows its source" "Källa: $N003, rad ${I#*|}"
RS=$(q "SELECT p.entity_id || '|' || p.line_from FROM provenance p JOIN source_doc d ON d.id = p.doc_id
	WHERE p.entity = 'response' AND d.name = '$N002' LIMIT 1")
page "a commission response from 002" 200 GET "/kommissionen/svar/${RS%%|*}" -
has "shows its source" "Källa: $N002, rad ${RS#*|}"
GK=${G%%|*}
expect_exit "lup show of the nämndmål" 0 L show goal "$GK" --json
expect_eq "gives its provenance" "$(jq -r '.provenance[0] | "\(.document)|\(.line_from)|\(.line_to)|\(.sha256)"' "$TMP/out")" \
	"$N003|$R|$SHA"
req "the API's goal" 200 GET "/api/v1/goals/$GK"
expect_eq "gives its provenance too" "$(jb '.provenance[0] | "\(.document)|\(.line_from)|\(.line_to)"')" "$N003|$R"
DG=$(q "SELECT id || '|' || source FROM activity a WHERE source IS NOT NULL
	AND NOT EXISTS (SELECT 1 FROM provenance WHERE entity = 'activity' AND entity_id = a.id) ORDER BY id LIMIT 1")
page "an activity of the dataset that no import touched" 200 GET "/aktivitet/${DG%%|*}" -
has "shows the dataset's source note" "Källa: ${DG#*|}"

# an LUP's measures: imported into a database of organisations and areas only, adopted, and shown
# on the district page with their lines
mkdir "$TMP/bare"
cp "$ROOT/data/stockholm/organisations.tsv" "$ROOT/data/stockholm/areas.tsv" "$TMP/bare/"
printf 'organisations organisations.tsv\nareas areas.tsv\n' >"$TMP/bare/MANIFEST"
DB2="$TMP/bare.db"
"$LUP" --db "$DB2" demo "$TMP/bare" >/dev/null && "$LUP" --db "$DB2" import lup "$S001" >/dev/null &&
	"$LUP" --db "$DB2" plan adopt lup-skarpnack --version 1 --date 2017-03-16 --paragraph 7 --dnr 1.2.3-45/2017 >/dev/null ||
	nok "001 imported and Skarpnäck's LUP adopted in a database of organisations only"
M=$(sqlite3 "$DB2" "SELECT p.line_from || '|' || p.line_to FROM provenance p JOIN measure m ON m.id = p.entity_id
	JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan pl ON pl.id = pv.plan_id
	WHERE p.entity = 'measure' AND pl.key = 'lup-skarpnack' ORDER BY m.ord LIMIT 1")
[ -n "$M" ] && ok "Skarpnäck's measures have provenance" || nok "no provenance of Skarpnäck's measures"
kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null
serve "$DB2"
page "Skarpnäck's district page" 200 GET /stadsdel/skarpnack -
if [ "${M%|*}" = "${M#*|}" ]; then has "shows where a measure came from" "Källa: $N001, rad ${M%|*}<"
else has "shows where a measure came from" "Källa: $N001, rad ${M%|*}–${M#*|}"; fi
kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null
serve "$DB"

# --- the web import hands the uploaded bytes over: the audit entry names the upload and the user
printf 'adminpassword1\n' | L user add adam --role admin >/dev/null
login adam.jar adam adminpassword1
TOKEN=$(curl -s -b "$TMP/adam.jar" "$BASE/importera" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
cat >"$TMP/Verksamhetsplan 2031.txt" <<'DOC'
Spånga-Tensta stadsdelsnämnds verksamhetsplan 2031 anger inriktningen för nämndens
verksamhet under 2031 och bygger på budget 2031.

KF:s inriktningsmål: 1. En modern storstad med
möjligheter och valfrihet för alla

KF:s mål för verksamhetsområdet: 1.1 I Stockholm är människor
självförsörjande och vägen till arbete är kort

Nämndmål: Invånare är etablerade i samhället

Beskrivning
Nämnden erbjuder samhällsvägledning till invånarna.

  Indikator Årsmål KF:s årsmål Periodicitet
 Andel invånare som får erbjudande om vägledning 90 % 80 % Tertial

  Aktivitet Startdatum Slutdatum
 Vägledning på medborgarkontoret 2031-01-01 2031-12-31
DOC
page "an administrator uploads a plan" 200 POST /importera adam.jar -F "csrf=$TOKEN" -F typ=plan \
	-F "ar=2031" -F "fil=@$TMP/Verksamhetsplan 2031.txt"
ID=$(sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body" | head -1)
page "and confirms it" 200 POST /importera/bekrafta adam.jar -d "csrf=$TOKEN&id=$ID"
AUD=$(q "SELECT actor || '|' || json_extract(after, '\$.files[0]') || '|' || json_extract(after, '\$.sha256[0]')
	FROM audit WHERE entity = 'import' ORDER BY id DESC LIMIT 1")
SHA31=$(sha256sum "$TMP/Verksamhetsplan 2031.txt" | cut -d' ' -f1)
expect_eq "the import's audit entry: the user, the upload's name, its SHA-256" "$AUD" "adam|Verksamhetsplan 2031.txt|$SHA31"
expect_eq "the source document is the upload, imported by the user" \
	"$(q "SELECT name || '|' || actor FROM source_doc WHERE sha256 = '$SHA31'")" "Verksamhetsplan 2031.txt|adam"
hasnt "no temporary path in the answer" "lup-import-"
expect_eq "none in the audit log" "$(q "SELECT count(*) FROM audit WHERE after LIKE '%lup-import-%'")" 0
expect_exit "lup check" 0 L check
finish
