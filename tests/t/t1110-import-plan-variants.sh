#!/bin/sh
# t1110: `lup import plan` on ordinary variations of seed 003 (made here with sed/awk): rows are
# matched by what they are, never by position. Whitespace variations in the headings (a double
# space, a tab, a no-break space, trailing spaces, "Nämndmål :") read the same rows as the seed; a
# heading whose number cannot be read, a lost "Nämndmål:" heading and a nämndmål with no KF goal
# before it fail naming the line, with nothing written; a missing KF goal heading is warned about;
# a target written in words ("ungefär fyra procent", "n/a") is kept as the target's text with a
# warning and never goes into the indicator's name; the bodies of a KF assignment become its
# partners with their roles; a KF goal's text is its description; every goal, indicator, activity
# and budget line has its provenance; the audit entries of an import through the web name the user.
. "$(dirname "$0")/lib.sh"
DOC="$SEEDS/003_ce7d5800f43c1901.txt"
VP=vp-2022-spanga-tensta
fresh() { db_remove "$1"; "$LUP" --db "$1" init >/dev/null; }
# the rows, without the audit log, the migration times and where the rows came from (each copy
# of the text has other bytes and lines)
rows() { sqlite3 "$1" .dump | grep -v -e '^INSERT INTO audit' -e '^INSERT INTO schema_migration' \
	-e '^INSERT INTO source_doc' -e '^INSERT INTO provenance'; }
# variant NAME: imports $TMP/NAME/003.txt into $TMP/NAME.db (output in $TMP/out, as JSON)
variant() { fresh "$TMP/$1.db"; "$LUP" --db "$TMP/$1.db" import plan "$TMP/$1/003.txt" --json >"$TMP/out" 2>"$TMP/err"; }
mk() { mkdir -p "$TMP/$1"; }
COUNTS='[3,12,20,74,152,267]'
counts() { jq -c '[.inriktningsmal, .verksamhetsomradesmal, .namndmal, .indicators, .activities, .budget_lines]' "$TMP/out"; }
NBSP=$(printf '\302\240')
TAB=$(printf '\t')
EMSP=$(printf '\342\200\203')

mk orig
cp "$DOC" "$TMP/orig/003.txt"
variant orig
expect_eq "the seed imports" "$(counts)" "$COUNTS"
rows "$TMP/orig.db" > "$TMP/orig.dump"

# --- 1. whitespace in the headings: the same rows -------------------------------------------------
mk dbl; sed '1007s/KF:s mål/KF:s  mål/' "$DOC" > "$TMP/dbl/003.txt"
mk tab; sed "1007s/1\\.2\\. /1.2.$TAB/" "$DOC" > "$TMP/tab/003.txt"
mk nbsp; sed "s/KF:s mål för/KF:s${NBSP}mål för/" "$DOC" > "$TMP/nbsp/003.txt"
mk trail; sed '/KF:s \|Nämndmål:\|Beskrivning\|Förväntat resultat/s/$/   /' "$DOC" > "$TMP/trail/003.txt"
mk all; sed -e "s/KF:s mål för verksamhetsområdet:/KF:s  mål${TAB}för ${EMSP}verksamhetsområdet :/" \
	-e "s/KF:s inriktningsmål:/KF:s${NBSP}${NBSP}inriktningsmål:/" -e "s/Nämndmål:/Nämndmål${TAB}:/" \
	-e "s/^Förväntat resultat/Förväntat  resultat/" "$DOC" > "$TMP/all/003.txt"
for v in dbl tab nbsp trail all; do
	variant $v
	expect_eq "$v: the same counts (12 verksamhetsområdesmål)" "$(counts)" "$COUNTS"
	rows "$TMP/$v.db" > "$TMP/$v.dump"
	cmp -s "$TMP/orig.dump" "$TMP/$v.dump" && ok "$v: the same rows" || nok "$v: the rows differ"
done
expect_eq "dbl: the nämndmål under 1.2 keep their parent" \
	"$(sqlite3 "$TMP/dbl.db" "SELECT p.key FROM goal g JOIN goal p ON p.id = g.parent_id WHERE g.key IN ('$VP-nm-03', '$VP-nm-04') ORDER BY g.key" | tr '\n' ' ')" \
	"kf-2022-1-2 kf-2022-1-2 "
expect_eq "dbl: and the indicators of 1.2 theirs" \
	"$(sqlite3 "$TMP/dbl.db" "SELECT g.key FROM indicator i JOIN goal g ON g.id = i.goal_id WHERE i.key = '$VP-i-014'")" kf-2022-1-2

# --- what cannot be placed fails, naming the line, and writes nothing -------------------------------
bad() { # bad NAME MESSAGE: $TMP/NAME/003.txt fails with MESSAGE and writes nothing
	fresh "$TMP/$1.db"
	rows "$TMP/$1.db" > "$TMP/bad-before"
	expect_exit "$1: fails" 1 "$LUP" --db "$TMP/$1.db" import plan "$TMP/$1/003.txt"
	expect_err "$1: says where and why" "$2"
	rows "$TMP/$1.db" > "$TMP/bad-after"
	cmp -s "$TMP/bad-before" "$TMP/bad-after" && ok "$1: nothing written" || nok "$1: the database changed"
}
mk badnum; sed '1007s/1\.2\./1,2./' "$DOC" > "$TMP/badnum/003.txt"
bad badnum "003.txt:1007: raden ser ut som en rubrik för ett av KF:s mål"
mk nonum; sed '1007s/1\.2\. Stockholm/Stockholm/' "$DOC" > "$TMP/nonum/003.txt"
bad nonum "003.txt:1007: raden ser ut som en rubrik"
# "Nämndmål:" lost at line 1394 (the first under 1.2): its Beskrivning, tables and activities would
# go to the goal before it

mk lostnm; sed '1394s/Nämndmål:/Nämnd mål/' "$DOC" > "$TMP/lostnm/003.txt"
bad lostnm "003.txt:1396: 'Beskrivning' hör inte till något nämndmål"
# "Nämndmål:" lost at line 847 (the second under 1.1): a second Beskrivning under nämndmål 744
mk lostnm2; sed '847s/Nämndmål:/Nämndmål -/' "$DOC" > "$TMP/lostnm2/003.txt"
bad lostnm2 "003.txt:849: en andra 'Beskrivning' under nämndmålet på rad 744"
# the KF goals before the first nämndmål gone: its parent cannot be told
mk orphan; sed '455,743d' "$DOC" > "$TMP/orphan/003.txt"
bad orphan "003.txt:455: nämndmålet står före alla KF:s mål"

# a KF goal heading gone altogether: imported, but the gap in the numbering is reported
mk gone; sed '1007,1009d' "$DOC" > "$TMP/gone/003.txt"
variant gone
expect_eq "gone: 11 verksamhetsområdesmål" "$(jq .verksamhetsomradesmal "$TMP/out")" 11
expect_eq "gone: the gap is reported where 1.3 follows 1.1" \
	"$(jq -r '.warnings[] | select(.message | test("1.3 följer på 1.1")) | .line' "$TMP/out")" 2131

# --- 2. a target in words is the target's text, with a warning -------------------------------------
NAME1='Andel barn som lever i familjer som har ekonomiskt bistånd'
target() { sqlite3 "$1" "SELECT t.kind || '=' || t.text || ' (' || t.mode || ')' FROM target t JOIN indicator i ON i.id = t.indicator_id WHERE i.key = '$2' ORDER BY t.kind" | tr '\n' ' '; }
name() { sqlite3 "$1" "SELECT name FROM indicator WHERE key = '$2'"; }
mk words; sed '656s/4,6 %/ungefär fyra procent/' "$DOC" > "$TMP/words/003.txt"
variant words
expect_eq "words: still 74 indicators" "$(jq .indicators "$TMP/out")" 74
expect_eq "words: the name is not extended" "$(name "$TMP/words.db" $VP-i-001)" "$NAME1"
expect_eq "words: the Årsmål is kept as text, the KF:s årsmål read" "$(target "$TMP/words.db" $VP-i-001)" \
	"kf=2,7 % (number) own=ungefär fyra procent (text) "
expect_eq "words: a warning names the line" \
	"$(jq -r '.warnings[] | select(.message | test("ungefär fyra procent")) | .line' "$TMP/out")" 656
mk na; sed '656s/2,7 %/n\/a/' "$DOC" > "$TMP/na/003.txt"
variant na
expect_eq "n/a: the name is not extended" "$(name "$TMP/na.db" $VP-i-001)" "$NAME1"
expect_eq "n/a: the Årsmål stays 4,6 %, the KF:s årsmål is 'n/a'" "$(target "$TMP/na.db" $VP-i-001)" \
	"kf=n/a (text) own=4,6 % (number) "
expect_eq "n/a: a warning names the line and the column" \
	"$(jq -r '.warnings[] | select(.message | test("n/a")) | "\(.line) \(.message | test("KF:s årsmål"))"' "$TMP/out")" "656 true"
# a wrapped row: the values at the start of their own line (665)
mk wrapped; sed '665s/^3,24 %/ungefär tre procent/' "$DOC" > "$TMP/wrapped/003.txt"
variant wrapped
expect_eq "wrapped: the name is not extended" "$(name "$TMP/wrapped.db" $VP-i-002)" \
	"Andel personer som har ekonomiskt bistånd i förhållande till befolkningen"
expect_eq "wrapped: the Årsmål as text" "$(target "$TMP/wrapped.db" $VP-i-002)" \
	"kf=1,5 % (number) own=ungefär tre procent (text) "
mk both; sed '689s/35 st 800 st/trettiofem st åttahundra st/' "$DOC" > "$TMP/both/003.txt"
variant both
expect_eq "both in words: the name is not extended" "$(name "$TMP/both.db" $VP-i-005)" "Antal aspiranter som fått Stockholmsjobb"
expect_eq "both in words: two text targets" "$(target "$TMP/both.db" $VP-i-005)" \
	"kf=åttahundra st (text) own=trettiofem st (text) "
expect_eq "both in words: two warnings at line 689" \
	"$(jq '[.warnings[] | select(.line == 689)] | length' "$TMP/out")" 2
expect_eq "the seed's own targets give no such warning" \
	"$(fresh "$TMP/w.db"; "$LUP" --db "$TMP/w.db" import plan "$DOC" --json | jq '[.warnings[] | select(.message | test("inget värde"))] | length')" 0

# --- 3. the bodies of the KF assignments are the activities' partners -------------------------------
D="$TMP/demo.db"
fresh "$D"
"$LUP" --db "$D" demo "$ROOT/data/stockholm" >/dev/null
expect_exit "003 on top of lup demo" 0 "$LUP" --db "$D" import plan "$DOC" --json
cp "$TMP/out" "$TMP/demo.json"
partners() { sqlite3 "$D" "SELECT o.key || ':' || ap.role FROM activity_partner ap JOIN activity a ON a.id = ap.activity_id JOIN organisation o ON o.id = ap.org_id WHERE a.key = '$VP-a-$1' ORDER BY ap.role, o.key" | tr '\n' ' '; }
expect_eq "'Kommunstyrelsen och arbetsmarknadsnämnden ska med stöd av stadsdelsnämnderna' (729)" \
	"$(partners 001)" "arbetsmarknadsnamnden:lead kommunstyrelsen:lead "
expect_eq "'stadsdelsnämnderna' is no organisation: a warning at the line" \
	"$(jq -r '[.warnings[] | select(.line == 729 and (.message | test("stadsdelsnämnderna")))] | length' "$TMP/demo.json")" 1
expect_eq "'Kommunstyrelsen ska i samarbete med arbetsmarknadsnämnden och i dialog med ...' (736)" \
	"$(partners 002)" "kommunstyrelsen:lead arbetsmarknadsnamnden:partner "
expect_eq "'Miljö- och hälsoskyddsnämnden ska i samarbete med trafiknämnden ...' (1367)" \
	"$(partners 010)" "miljo-och-halsoskyddsnamnden:lead trafiknamnden:partner "
expect_eq "'Äldrenämnden ska med stöd av kommunstyrelsen och i samråd med ...'" \
	"$(partners 087)" "aldrenamnden:lead kommunstyrelsen:support "
expect_eq "'Bostadsförmedlingen i Stockholm AB ska i samarbete med socialnämnden ...'" \
	"$(partners 044)" "bostadsformedlingen-i-stockholm-ab:lead socialnamnden:partner "
expect_eq "a nämndmål's own activity has no partners from its text" "$(partners 003)" ""
expect_exit "imported again" 0 "$LUP" --db "$D" import plan "$DOC" --json
expect_eq "nothing changes" "$(jq .changed "$TMP/out")" 0
# --- the KF goals' text is their description --------------------------------------------------------
expect_eq "the text under 'KF:s mål för verksamhetsområdet: 1.1' is its description" \
	"$(sqlite3 "$D" "SELECT description LIKE 'Nämnden bidrar till att uppfylla hållbarhetsmålen i Agenda 2030 genom %' FROM goal WHERE key = 'kf-2022-1-1'")" 1
expect_eq "every KF goal has one" "$(sqlite3 "$D" "SELECT count(*) FROM goal WHERE key LIKE 'kf-2022-%' AND length(description) > 500")" 15

# --- provenance ------------------------------------------------------------------------------------
P="$TMP/orig.db"
prov() { sqlite3 "$P" "SELECT d.name || ' ' || p.line_from || '-' || p.line_to FROM provenance p JOIN source_doc d ON d.id = p.doc_id JOIN $1 x ON x.id = p.entity_id AND p.entity = '$1' WHERE x.key = '$2'"; }
expect_eq "every goal, indicator, activity and budget line has its source" \
	"$(sqlite3 "$P" "SELECT (SELECT count(*) FROM goal) - (SELECT count(*) FROM provenance WHERE entity = 'goal'),
		(SELECT count(*) FROM indicator) - (SELECT count(*) FROM provenance WHERE entity = 'indicator'),
		(SELECT count(*) FROM activity) - (SELECT count(*) FROM provenance WHERE entity = 'activity'),
		(SELECT count(*) FROM budget_line) - (SELECT count(*) FROM provenance WHERE entity = 'budget_line')")" "0|0|0|0"
expect_eq "an indicator's lines (656)" "$(prov indicator $VP-i-001)" "003.txt 656-656"
expect_eq "a wrapped indicator row's (662-665)" "$(prov indicator $VP-i-002)" "003.txt 662-665"
expect_eq "an activity's (729-734)" "$(prov activity $VP-a-001)" "003.txt 729-734"
expect_eq "a nämndmål's: its heading to its last expected result" "$(prov goal $VP-nm-01 | cut -d' ' -f2 | cut -d- -f1)" 744
expect_eq "the document's SHA-256" "$(sqlite3 "$P" "SELECT sha256 FROM source_doc")" "$(sha256sum "$DOC" | cut -d' ' -f1)"

# --- the audit entries of a web import name the user -------------------------------------------------
W="$TMP/web.db"
fresh "$W"
"$LUP" --db "$W" demo "$ROOT/data/stockholm" >/dev/null
printf 'editorpassword1\n' | "$LUP" --db "$W" user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
serve "$W"
rm -f "$TMP/anna.jar"
page "anna logs in" 303 POST /logga-in anna.jar --data-urlencode "namn=anna" --data-urlencode "losenord=editorpassword1"
CSRF=$(curl -s -b "$TMP/anna.jar" "$BASE/importera" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
sed '656s/4,6 %/4,2 %/' "$DOC" > "$TMP/revised.txt"
page "anna uploads a revised plan" 200 POST /importera anna.jar -F "csrf=$CSRF" -F typ=plan -F "fil=@$TMP/revised.txt"
TOKEN=$(sed -n 's/.*name="id" value="\([0-9a-f]*\)".*/\1/p' "$TMP/body" | head -1)
page "and confirms it" 200 POST /importera/bekrafta anna.jar -d "csrf=$CSRF&id=$TOKEN"
expect_eq "the changed target's audit entry names her" \
	"$(sqlite3 "$W" "SELECT a.actor || ' ' || (CASE WHEN a.user_id = u.id THEN 1 ELSE 0 END) FROM audit a, app_user u WHERE u.name = 'anna' AND a.entity = 'target' AND a.action = 'update'")" "anna 1"
expect_eq "no entry of the import names 'lup import'" \
	"$(sqlite3 "$W" "SELECT count(*) FROM audit WHERE actor = 'lup import'")" 0
finish
