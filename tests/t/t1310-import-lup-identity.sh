#!/bin/sh
# t1310: `lup import lup` matches rows by what they are (organisation, district, title), never by
# their position in the document: a second document about the same contribution plan adds or
# updates and never overwrites, re-parents or deletes unrelated rows; re-importing what the
# database holds changes nothing; an import of nothing fails saying why (in Swedish); goal
# statements become LUP goals; every goal, measure and activity written has its provenance.
# The variants (whitespace, order, a cut copy) are made here from the seeds.
. "$(dirname "$0")/lib.sh"
S000="$SEEDS/000_4c2a36a3fb02ac8b.txt"
S001="$SEEDS/001_ecab7169fc8ce551.txt"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
dump() { sqlite3 "$DB" .dump | grep -vE '^INSERT INTO (audit|provenance|source_doc)' > "$TMP/$1"; }
PLAN="JOIN plan_version pv ON pv.id = a.plan_version_id JOIN plan p ON p.id = pv.plan_id
	WHERE p.key = 'lupplan-2017-socialforvaltningen'"
# pairs: every (district, title) of the plan's activities, sorted
pairs() { Q "SELECT d.key || ' | ' || a.title FROM activity a JOIN activity_district ad ON ad.activity_id = a.id
	JOIN area d ON d.id = ad.area_id $PLAN ORDER BY 1"; }

"$LUP" --db "$TMP/demo.db" init >/dev/null && "$LUP" --db "$TMP/demo.db" demo "$ROOT/data/stockholm" >/dev/null ||
	nok "lup demo loads the dataset"
mkdir "$TMP/bare"
cp "$ROOT/data/stockholm/organisations.tsv" "$ROOT/data/stockholm/areas.tsv" "$TMP/bare/"
printf 'organisations organisations.tsv\nareas areas.tsv\n' > "$TMP/bare/MANIFEST"
"$LUP" --db "$TMP/bare.db" init >/dev/null && "$LUP" --db "$TMP/bare.db" demo "$TMP/bare" >/dev/null ||
	nok "a dataset of organisations and areas loads"
"$LUP" --db "$TMP/empty.db" init >/dev/null || nok "lup init"
demo() { db_copy "$TMP/demo.db" "$DB"; }
bare() { db_copy "$TMP/bare.db" "$DB"; }
empty() { db_copy "$TMP/empty.db" "$DB"; }

# ---- 1. 001 then 000 into the same database: nothing of 001 is overwritten or re-linked ------------
bare
expect_exit "001 on a bare database" 0 L import lup "$S001"
pairs > "$TMP/p001"
# 001 §6.3: Hässelby-Vällingby's 19 activities (the non-blank lines between 6.3 and 6.4 but the
# 3 theme headings), counted from the text
hv=$(awk '/^6\.3 /{on=1; next} /^6\.4 /{on=0} on && NF' "$S001" | wc -l | tr -d ' ')
expect_eq "001 §6.3 has 22 non-blank lines (3 themes, 19 activities)" "$hv" 22
expect_eq "001: Hässelby-Vällingby's 19 activities" "$(grep -c '^hasselby-vallingby |' "$TMP/p001")" 19
expect_exit "000 on top of 001" 0 L import lup --json "$S000"
pairs > "$TMP/p001000"
expect_eq "every activity of 001 is still there with its district and title" \
	"$(comm -23 "$TMP/p001" "$TMP/p001000" | wc -l | tr -d ' ')" 0
expect_eq "Hässelby-Vällingby still has its 19 activities (000 names none: 'valt att avvakta')" \
	"$(grep -c '^hasselby-vallingby |' "$TMP/p001000")" 19
expect_eq "no activity got a second district" \
	"$(Q "SELECT count(*) FROM (SELECT activity_id FROM activity_district GROUP BY activity_id HAVING count(*) > 1) AS sq1")" 0
expect_eq "000's 'Familjecentral' in Enskede-Årsta-Vantör is 001's (one row, with 000's text added)" \
	"$(Q "SELECT count(*) || ' ' || (CASE WHEN max(a.description) IS NOT NULL THEN 1 ELSE 0 END) FROM activity a JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id WHERE d.key = 'enskede-arsta-vantor' AND a.title = 'Familjecentral'")" "1 1"
expect_eq "000's 'Sociala insatsgrupper unga vuxna 19-29 år' (Skarpnäck) is 001's 'Sociala insatsgrupper'" \
	"$(Q "SELECT count(*) FROM activity a JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id WHERE d.key = 'skarpnack' AND a.title LIKE 'Sociala insatsgrupper%'")" 1
expect_out "001's activities 000 does not name are reported as kept" "som dokumentet inte nämner: de behålls oförändrade"
expect_exit "lup check passes" 0 L check

# the other order: nothing is there twice, and Hässelby-Vällingby keeps 001's 19
bare
L import lup "$S000" >/dev/null && L import lup "$S001" >/dev/null || nok "000 then 001 import"
expect_eq "000 then 001: no activity is there twice" \
	"$(Q "SELECT count(*) FROM (SELECT a.owner_id, ad.area_id, a.title FROM activity a JOIN activity_district ad ON ad.activity_id = a.id GROUP BY 1, 2, 3 HAVING count(*) > 1) AS sq2")" 0
expect_eq "000 then 001: Hässelby-Vällingby has 001's 19" \
	"$(Q "SELECT count(*) FROM activity a JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id WHERE d.key = 'hasselby-vallingby'")" 19

# whitespace variants of 000 (CRLF, blank lines doubled) on top of 001: the same result
mkdir "$TMP/v"
sed 's/$/\r/' "$S000" | awk '{ print } /^[ \t\r]*$/ { print "" }' > "$TMP/v/000.txt"
bare
L import lup "$S001" >/dev/null || nok "001 imports"
expect_exit "000 re-laid-out (CRLF, blank lines doubled) on top of 001" 0 L import lup "$TMP/v/000.txt"
pairs > "$TMP/pv"
cmp -s "$TMP/p001000" "$TMP/pv" && ok "000 re-laid-out: the same activities" || nok "000 re-laid-out: other activities"

# a cut copy of 001 (it ends in §6.3) imported after the whole one changes nothing and removes nothing
head -n 915 "$S001" > "$TMP/v/001-cut.txt"
bare
L import lup "$S001" >/dev/null || nok "001 imports"
dump before
expect_exit "001 cut short in §6.3, after the whole 001" 0 L import lup --json "$TMP/v/001-cut.txt"
expect_eq "it changes nothing" "$(jq .changed "$TMP/out")" 0
dump after
cmp -s "$TMP/before" "$TMP/after" && ok "001 cut short: the database is as it was" || nok "001 cut short: the database changed"

# ---- 2. on the Stockholm dataset (transcribed from 000 and 001): no duplicates ---------------------
demo
n0=$(Q "SELECT count(*) FROM activity")
expect_eq "the dataset's 204 activities" "$n0" 204
expect_exit "001 on the dataset" 0 L import lup "$S001"
expect_exit "000 on the dataset" 0 L import lup "$S000"
expect_eq "no activity is there twice (same owner, district and title)" \
	"$(Q "SELECT count(*) FROM (SELECT a.owner_id, ad.area_id, a.title FROM activity a JOIN activity_district ad ON ad.activity_id = a.id GROUP BY 1, 2, 3 HAVING count(*) > 1) AS sq3")" 0
# 6 activities the dataset words otherwise (e.g. 001's "SIG-insatser skapas för målgruppen"
# is the dataset's "Sociala insatsgrupper unga vuxna"): added, the other 62 are the dataset's
expect_eq "only the 6 activities the dataset titles otherwise are added (204 -> 210)" \
	"$(Q "SELECT count(*) FROM activity")" 210
dump once
expect_exit "001 again" 0 L import lup --json "$S001"
expect_eq "001 again: 0 changed" "$(jq .changed "$TMP/out")" 0
expect_exit "000 again" 0 L import lup --json "$S000"
expect_eq "000 again: 0 changed" "$(jq .changed "$TMP/out")" 0
dump twice
cmp -s "$TMP/once" "$TMP/twice" && ok "the database is the same after importing both again" ||
	nok "importing both again changed the database"
expect_exit "lup check passes" 0 L check

# ---- 3. a database without the organisations: the import fails, saying why -----------------------
for s in "$S001" "$S000"; do
	empty
	dump before
	expect_exit "$(basename "$s") into a database without organisations fails" 1 L import lup "$s"
	expect_err "it says why, in Swedish" "inget importerades: inget av dokumentets"
	expect_err "naming a district" "Rinkeby-Kista"
	dump after
	cmp -s "$TMP/before" "$TMP/after" && ok "nothing written" || nok "the database changed"
done

# ---- 4. goal statements are LUP goals ------------------------------------------------------------------
bare
expect_exit "001 (bare)" 0 L import lup --json "$S001"
# Spånga-Tensta §4.2 opens 5 paragraphs with a goal statement ("Ett långsiktigt mål är att",
# "Kortsiktiga mål är att" twice, "Det övergripande målet är att", "Målen är att")
expect_eq "001 states 5 goals (counted in the text)" \
	"$(grep -cE '^(Ett långsiktigt mål är|Kortsiktiga mål är|Det övergripande målet är|Målen är att)' "$S001")" 5
expect_eq "the goal statements of §4 are 5 LUP goals" "$(jq .lup_goals "$TMP/out")" 5
expect_eq "the long-term goal is an LUP goal of Spånga-Tensta's LUP, on its theme" \
	"$(Q "SELECT g.level || ' ' || g.horizon || ' ' || p.key || ' ' || t.name FROM goal g JOIN plan_version pv ON pv.id = g.plan_version_id JOIN plan p ON p.id = pv.plan_id JOIN theme t ON t.id = g.theme_id WHERE g.title LIKE 'Ett långsiktigt mål är att alla elever%'")" \
	"lup long lup-spanga-tensta Barn och ungas livsvillkor"
expect_eq "and not a measure" "$(Q "SELECT count(*) FROM measure WHERE title LIKE 'Ett långsiktigt mål%'")" 0
expect_eq "the rest of its paragraph is the measure" \
	"$(Q "SELECT count(*) FROM measure WHERE title LIKE 'I samverkan med utbildningsförvaltningen ska stadsdelsnämnden%'")" 1

# ---- 5. provenance --------------------------------------------------------------------------------------
prov() { Q "SELECT count(*) FROM $1 x JOIN provenance pr ON pr.entity = '$1' AND pr.entity_id = x.id JOIN source_doc d ON d.id = pr.doc_id WHERE d.name = '$(basename "$S001")' AND pr.line_from >= 1 AND pr.line_to >= pr.line_from"; }
expect_eq "every measure has 001 and its lines as its source" "$(prov measure)" "$(Q "SELECT count(*) FROM measure")"
expect_eq "every activity too" "$(prov activity)" 43
expect_eq "and the goals" "$(prov goal)" 5
expect_eq "Hässelby-Vällingby's 'Identifiera nya samverkanspartners' comes from its line" \
	"$(Q "SELECT pr.line_from FROM activity a JOIN provenance pr ON pr.entity = 'activity' AND pr.entity_id = a.id WHERE a.title = 'Identifiera nya samverkanspartners'")" \
	"$(grep -n '^Identifiera nya samverkanspartners' "$S001" | tail -n 1 | cut -d: -f1)"
# ---- 6. 000 §3.3: Hässelby-Vällingby chose to wait: its status in the contribution plan ----------
bare
expect_exit "000 (bare)" 0 L import lup "$S000"
expect_eq "Hässelby-Vällingby waits, in Socialförvaltningen's contribution plan, with the sentence kept" \
	"$(Q "SELECT p.key || ' ' || a.key || ' ' || cd.status || ' ' || cd.note FROM contribution_district cd JOIN plan_version pv ON pv.id = cd.plan_version_id JOIN plan p ON p.id = pv.plan_id JOIN area a ON a.id = cd.area_id")" \
	"lupplan-2017-socialforvaltningen hasselby-vallingby waiting Har valt att avvakta samarbetet med socialförvaltningen."
expect_exit "000 again" 0 L import lup --json "$S000"
expect_eq "000 again: 0 changed" "$(jq .changed "$TMP/out")" 0
expect_exit "lup check passes" 0 L check
serve "$DB"
page "Hässelby-Vällingby's page" 200 GET /stadsdel/hasselby-vallingby -
has "it says the district waits, and with whom" "Stadsdelsnämnden avvaktar samarbetet med"
has "naming the organisation" "Socialförvaltningen"
page "Farsta's page" 200 GET /stadsdel/farsta -
hasnt "Farsta does not wait" "avvaktar samarbetet"
finish
