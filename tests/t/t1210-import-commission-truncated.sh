#!/bin/sh
# t1210: `lup import commission` with a document that ends early (seed 002 cut with head -n N,
# also with other line ends and trailing white space), on a database that holds the full import:
# the cut is reported naming its line, an answer the cut leaves incomplete fails the import,
# and nothing the document does not reach is deleted or changed. Also: a revised answer without
# a stance keeps the stored stance, a document with nothing of substance fails, provenance.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
SEED="$SEEDS/002_e3f287d953d70608.txt"
NAME=002_e3f287d953d70608.txt
json() { jq -r "$1" "$TMP/out"; }
# answers: every response, its parts, citations and stance, and each administration's row
# except its place and source (what an import of a part of the document may not change)
answers() {
	sqlite3 "$DB" "SELECT id, measure_id, org_id, no_response, stance, stance_phrase FROM response ORDER BY id;
		SELECT * FROM response_part ORDER BY response_id, ord; SELECT * FROM measure_ref ORDER BY 1, 2;
		SELECT org_id, no_response, marker, statement, stance, stance_phrase FROM commission_admin ORDER BY org_id"
}
full() { db_copy "$TMP/full.db" "$DB"; }

L init >/dev/null && L demo "$ROOT/data/stockholm" >/dev/null
expect_exit "import seed 002" 0 L import commission "$SEED" --json
db_copy "$DB" "$TMP/full.db"
answers > "$TMP/full.txt"

# provenance: each response, recommendation and measure names the document and its lines
pcount() { Q "SELECT count(*) FROM provenance p JOIN source_doc d ON d.id = p.doc_id WHERE p.entity = '$1' AND d.name = '$NAME'"; }
expect_eq "every response has its provenance" "$(pcount response)" "$(Q 'SELECT count(*) FROM response')"
expect_eq "the 118 responses" "$(pcount response)" 118
expect_eq "the 14 recommendations" "$(pcount recommendation)" 14
expect_eq "the 48 measures" "$(pcount commission_measure)" 48
# Utbildningsförvaltningen's 6.4.1: from its heading (line 1106) to its Hantering part (line
# 1110); Östermalm's shared Kommentar (lines 2104-2111) is in each of its eight responses
lines() { Q "SELECT p.line_from || '-' || p.line_to FROM provenance p JOIN response x ON x.id = p.entity_id AND p.entity = 'response' JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id WHERE a.heading = '$1' AND m.number = '$2'"; }
r=$(lines Utbildningsförvaltningen 6.4.1)
from=${r%-*} to=${r#*-}
[ "$from" = "$(grep -n '6.4.1 Åtgärd' "$SEED" | head -1 | cut -d: -f1)" ] \
	&& [ "$to" = "$(grep -n 'Hantering: Förvaltningen ska genomföra en översyn av nyanländapengen' "$SEED" | cut -d: -f1)" ] \
	&& ok "a response's lines: its heading to its last part ($r)" || nok "a response's lines: got '$r'"
expect_eq "Östermalm's 4.5.1 runs to its shared comment" "$(lines Östermalm 4.5.1 | cut -d- -f2)" \
	"$(awk 'NR > 2100 && NF { n = NR } END { print n }' "$SEED")"
expect_eq "a recommendation's line" \
	"$(Q "SELECT p.line_from FROM provenance p JOIN recommendation r ON r.id = p.entity_id AND p.entity = 'recommendation' JOIN commission_report c ON c.id = r.report_id WHERE r.number = '6.2' AND c.key = 'en-skola-dar-alla-ska-lyckas'")" \
	"$(grep -n '^ *6.2 Minska skolsegregationen' "$SEED" | head -1 | cut -d: -f1)"

# refused: the document ends inside an answer; the error names the line; nothing is written
refused() { # NAME FILE LINE
	full
	expect_exit "$1: refused" 1 L import commission "$2" --json
	expect_err "$1: the line is named" "$(basename "$2"):$3: dokumentet slutar"
	expect_err "$1: it says the document looks cut" "avklippt"
	answers > "$TMP/now.txt"
	cmp -s "$TMP/full.txt" "$TMP/now.txt" && ok "$1: nothing changed" || nok "$1: the answers changed"
}
C="$TMP/cut.txt"
# line 1800 is in the middle of a sentence of Skärholmen's answer to 4.5.1
expect_eq "line 1800 ends no sentence" "$(sed -n 1800p "$SEED" | grep -c '[.!?] *$')" 0
head -n 1800 "$SEED" > "$C"
refused "cut in the middle of a sentence" "$C" 1800
head -n 1800 "$SEED" | sed 's/$/\r/' > "$C"
refused "the same with CRLF" "$C" 1800
{ head -n 1800 "$SEED"; printf '  \n\n\t\n   \n'; } > "$C"
refused "the same with blank lines after it" "$C" 1800
# line 1700 is Skärholmen's heading of 4.1.2, with its answer cut off
head -n 1700 "$SEED" > "$C"
refused "cut after a measure heading" "$C" 1700
expect_err "the measure is named" "'åtgärd 4.1.2' utan svar"
# line 1054 ends a sentence: Utbildningsförvaltningen's Ansvarig part of 6.2.3, whose Hantering
# part follows (line 1056): the stored answer goes on, so the cut is inside it
head -n 1055 "$SEED" > "$C"
refused "cut at a sentence end inside an answer" "$C" 1054
# lines 1963 (Södermalm) and 1378 (Farsta) end sentences of an administration's general text
head -n 1963 "$SEED" > "$C"
refused "cut at a sentence end inside a general text" "$C" 1963
head -n 1378 "$SEED" > "$C"
refused "cut at a sentence end inside Farsta's text" "$C" 1378
# line 708 is the recommendation "6.2 Minska skolsegregationen" of En skola: the sentence before
# it (line 704) cites "åtgärd 6.2.1" of that report, whose heading the cut leaves out; the text
# must not go to Från delad's 6.2.1 (the only report listing a 6.2.1 in the cut document), and
# the answer to En skola's 6.2.1 goes on in the database: refused
head -n 708 "$SEED" > "$C"
refused "cut after a recommendation heading" "$C" 708
# a label with nothing after it
{ head -n 1054 "$SEED"; printf '\nHantering:\n'; } > "$C"
refused "cut after a label" "$C" 1056

# accepted with a warning: the document ends after a complete answer (line 1760, Skärholmen's
# 4.4.1) or after an administration's heading (line 1210, Bromma): what follows is left alone
accepted() { # NAME FILE LINE
	full
	expect_exit "$1: imported" 0 L import commission "$2" --json
	expect_eq "$1: a warning at the last line says the document may be cut" \
		"$(jq -r --argjson l "$3" '[.warnings[] | select(.line == $l and (.message | test("avklippt")))] | length > 0' "$TMP/out")" true
	answers > "$TMP/now.txt"
	cmp -s "$TMP/full.txt" "$TMP/now.txt" && ok "$1: no answer deleted or changed" || nok "$1: the answers changed"
}
head -n 1760 "$SEED" > "$C"
accepted "cut after a complete answer" "$C" 1760
expect_out "the answers it does not reach are named" "12 svar till från Skärholmen som dokumentet inte når"
expect_out "and the administrations after it" "4 förvaltningar som en tidigare import hade efter den"
expect_eq "Skärholmen keeps its 17 responses" \
	"$(Q "SELECT count(*) FROM response x JOIN commission_admin a ON a.org_id = x.org_id WHERE a.heading = 'Skärholmen'")" 17
head -n 1760 "$SEED" | sed 's/$/\r/' > "$C"
accepted "the same with CRLF" "$C" 1760
head -n 1210 "$SEED" > "$C"
accepted "cut after an administration's heading" "$C" 1210
expect_out "the heading is named" "slutar med rubriken 'Bromma'"

# the same cut at every fifth line of Skärholmen's section (1663-1937): each is refused or
# imported with a warning, and no answer changes (the database is put back only when one did:
# a refused import writes nothing, and an imported cut that changes no answer leaves it as it was)
bad=0 n=0
full
for N in $(seq 1665 5 1935); do
	head -n "$N" "$SEED" > "$C"
	if L import commission "$C" --json >"$TMP/out" 2>"$TMP/err"; then
		grep -q avklippt "$TMP/out" || { bad=$((bad + 1)); echo "# $N: no warning" >&2; }
	else
		grep -q "cut.txt:[0-9]*: dokumentet slutar.*avklippt" "$TMP/err" || { bad=$((bad + 1)); echo "# $N: $(cat "$TMP/err")" >&2; }
	fi
	answers > "$TMP/now.txt"
	cmp -s "$TMP/full.txt" "$TMP/now.txt" || { bad=$((bad + 1)); echo "# $N: answers changed" >&2; full; }
	n=$((n + 1))
done
expect_eq "$n cuts in Skärholmen's section: each reported, none changes an answer" "$bad" 0

# a revised answer that states no stance keeps the stored one; the administration's other
# answers, which the document does not give, stay
full
cat > "$TMP/revised.txt" <<'EOF'
Fackförvaltningar

Arbetsmarknadsförvaltningen

Rapport: Allas rätt till kunskap – Kortutbildade i vuxenutbildningen

2.4 Åtgärd: Utveckla samverkan kring yrkesutbildning.

Kommentar: Förvaltningen arbetar vidare med frågan under året.
EOF
expect_exit "a revised answer" 0 L import commission "$TMP/revised.txt" --json
stance() { Q "SELECT x.stance || ': ' || coalesce(x.stance_phrase, '') FROM response x JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id JOIN commission_report r ON r.id = m.report_id WHERE a.heading = 'Arbetsmarknadsförvaltningen' AND r.key = 'allas-ratt-till-kunskap-kortutbildade-i-vuxenutbildningen' AND m.number = '$1'"; }
expect_eq "the stance stays when the answer states none" "$(stance 2.4)" "hesitant: ställer sig dock tveksam"
expect_eq "the answer's text is replaced" \
	"$(Q "SELECT group_concat(p.label || ': ' || p.text, ' | ') FROM response_part p JOIN response x ON x.id = p.response_id JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id WHERE a.heading = 'Arbetsmarknadsförvaltningen' AND m.number = '2.4' AND m.report_id = (SELECT id FROM commission_report WHERE key = 'allas-ratt-till-kunskap-kortutbildade-i-vuxenutbildningen')")" \
	"Kommentar: Förvaltningen arbetar vidare med frågan under året."
expect_eq "its other 18 answers stay" \
	"$(Q "SELECT count(*) FROM response x JOIN commission_admin a ON a.org_id = x.org_id WHERE a.heading = 'Arbetsmarknadsförvaltningen'")" 19
expect_eq "its provenance is the revised document's line" \
	"$(Q "SELECT d.name || ':' || p.line_from || '-' || p.line_to FROM provenance p JOIN source_doc d ON d.id = p.doc_id JOIN response x ON x.id = p.entity_id AND p.entity = 'response' JOIN commission_admin a ON a.org_id = x.org_id JOIN commission_measure m ON m.id = x.measure_id WHERE a.heading = 'Arbetsmarknadsförvaltningen' AND m.number = '2.4' AND m.report_id = (SELECT id FROM commission_report WHERE key = 'allas-ratt-till-kunskap-kortutbildade-i-vuxenutbildningen')")" \
	"revised.txt:7-9"
sed -i 's/arbetar vidare med frågan under året/ställer sig positiv till förslaget/' "$TMP/revised.txt"
expect_exit "a revised answer with a stance" 0 L import commission "$TMP/revised.txt" --json
expect_eq "a stance the document states replaces the stored one" "$(stance 2.4)" "positive: ställer sig positiv"

# a double-spaced copy (a blank line after every line) is the same document: nothing changes,
# and the same copy cut in the middle of a sentence (line 1800, now 3599) is refused
full
mkdir -p "$TMP/v"
awk '{ print; print "" }' "$SEED" > "$TMP/v/$NAME"
expect_exit "a double-spaced copy" 0 L import commission "$TMP/v/$NAME" --json
expect_eq "the double-spaced copy changes nothing" "$(json .changed)" 0
answers > "$TMP/now.txt"
cmp -s "$TMP/full.txt" "$TMP/now.txt" && ok "double-spaced: the answers are the same" || nok "double-spaced: the answers changed"
head -n 1800 "$SEED" | awk '{ print; print "" }' | sed 's/$/\r/' > "$C"
refused "a double-spaced CRLF copy cut in a sentence" "$C" 3599

# nothing of substance: administrations' headings only
full
printf 'Fackförvaltningar\n\nParkförvaltningen\n\nStadsdelsförvaltningar\n\nBromma\n\nSjöstaden\n' > "$TMP/empty.txt"
expect_exit "headings only" 1 L import commission "$TMP/empty.txt" --json
expect_err "it fails saying why" "empty.txt:3: inget att importera"
answers > "$TMP/now.txt"
cmp -s "$TMP/full.txt" "$TMP/now.txt" && ok "headings only: nothing changed" || nok "headings only: the answers changed"
expect_eq "headings only: no organisation created" "$(Q "SELECT count(*) FROM organisation WHERE name LIKE 'Parkförvaltning%' OR name LIKE 'Sjöstaden%'")" 0
finish
