#!/bin/sh
# t1300: `lup import lup` on the three LUP seeds: Socialförvaltningen's LUP work 2017 for all 14
# districts (001), its detailed T1 2017 activity plan (000) and Rinkeby-Kista's OCR'd LUP (004).
# The counts asserted here were made by hand from the seeds (how is said at each one, and the
# countable ones are recounted with grep/awk below, independently of the importer). Also: every
# line is accounted for in the dry run's trace, importing twice changes nothing, damaged and
# re-laid-out copies import the same or fail cleanly, and `lup check` passes.
. "$(dirname "$0")/lib.sh"
S000="$SEEDS/000_4c2a36a3fb02ac8b.txt"
S001="$SEEDS/001_ecab7169fc8ce551.txt"
S004="$SEEDS/004_c35f62d20a99104f.txt"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
Q() { sqlite3 "$DB" "$1"; }
counts() { jq -c '[.districts, .themes, .prioritised_areas, .measures, .partners, .activities]'; }
dump() { sqlite3 "$DB" .dump > "$TMP/$1"; }
# (without the audit and the provenance: a re-laid-out copy is another document, other lines)
dump_noaudit() { sqlite3 "$DB" .dump | grep -vE '^INSERT INTO (audit|provenance|source_doc)' > "$TMP/$1"; }
unchanged() { dump after; cmp -s "$TMP/before" "$TMP/after" && ok "$1: nothing written" || nok "$1: the database changed"; }

# Two starting points, made once: the whole Stockholm dataset (what `lup demo` loads), and a
# bare one with only the organisations and areas, where the importer must create everything.
"$LUP" --db "$TMP/demo.db" init >/dev/null && "$LUP" --db "$TMP/demo.db" demo "$ROOT/data/stockholm" >/dev/null ||
	nok "lup demo loads the dataset"
mkdir "$TMP/bare"
cp "$ROOT/data/stockholm/organisations.tsv" "$ROOT/data/stockholm/areas.tsv" "$TMP/bare/"
printf 'organisations organisations.tsv\nareas areas.tsv\n' > "$TMP/bare/MANIFEST"
"$LUP" --db "$TMP/bare.db" init >/dev/null && "$LUP" --db "$TMP/bare.db" demo "$TMP/bare" >/dev/null ||
	nok "a dataset of organisations and areas loads"
demo() { db_copy "$TMP/demo.db" "$DB"; }
bare() { db_copy "$TMP/bare.db" "$DB"; }

# covers FILE JSON: the dry run's trace covers lines 1..N of FILE once each, in order
covers() {
	n=$(awk 'END { print NR }' "$1")
	r=$(jq --argjson n "$n" '.trace | sort_by(.line) as $t |
		[range(0; $t | length) | select(. > 0) | select($t[.].line != $t[. - 1].last + 1)] | length as $gaps |
		[$t[] | select(.last < .line)] | length as $bad |
		if ($t[0].line == 1 and $t[-1].last == $n and $gaps == 0 and $bad == 0) then "ok"
		else "first \($t[0].line) last \($t[-1].last) of \($n), \($gaps) gaps or overlaps, \($bad) bad ranges" end' "$2")
	expect_eq "$3: the trace covers lines 1..$n once each" "$r" '"ok"'
}

# ---- the hand counts, recounted from the text ------------------------------------------------
# 001 §3: the district subsections "3.1 Rinkeby-Kista" .. "3.14 Skärholmen" (the table of
# contents has the same titles but with a tab and a page number).
expect_eq "001 names 14 districts in §3" \
	"$(awk 'NR >= 150 && NR < 427' "$S001" | grep -cE '^3\.[0-9]+ [^	]+$')" 14
# 001 §3: each district states "arbetar utifrån N prioriterade teman": tre, fem, tre, två, tre,
# två, fyra, tre, tre, ett, fyra, tre, tre, fyra = 43 (and there are 43 theme headings).
expect_eq "001 states 43 themes" "$(grep -oE 'utifrån (ett|två|tre|fyra|fem) prioriterade teman' "$S001" |
	awk '{ w[$2]++ } END {
		print w["ett"] + 2 * w["två"] + 3 * w["tre"] + 4 * w["fyra"] + 5 * w["fem"] }')" 43
# 001 §4 (lines 428-784): 178 non-blank lines = 14 district headings + 43 theme headings + 121
# paragraphs, each one measure (the notes' column "§4 ¶": 10 23 11 3 3 11 10 6 18 3 6 6 5 6).
expect_eq "001 §4 has 178 non-blank lines" "$(awk 'NR > 427 && NR < 785 && NF' "$S001" | wc -l | tr -d ' ')" 178
# 001 §5: the 14 lists after "intentioner att samverka med:": commas + 1, and one more where the
# list ends "X och Y" / "X samt Y": 16 12 27 10 5 9 16 8 11 6 5 12 3 11 = 151 (Rinkeby-Kista's
# 16th is "ett flertal lokalt etablerade organisationer").
expect_eq "001 §5 lists 151 partners" "$(grep -A2 'intentioner att samverka med:' "$S001" |
	grep -vE 'intentioner|^--|^$' | awk '{ n = gsub(/,/, ","); last = $0; sub(/.*,/, "", last);
	s += n + 1 + (last ~ / (och|samt) /) } END { print s }')" 151
# 001 §6 (from "6.1 Rinkeby-Kista", line 877): 62 non-blank lines = 7 district headings + 12 theme
# headings + 43 activities (3 1 19 3 8 6 3).
expect_eq "001 §6 has 62 non-blank lines" "$(awk 'NR >= 877 && NF' "$S001" | wc -l | tr -d ' ')" 62

# ---- 001 on the dataset --------------------------------------------------------------------------
demo
dump before
expect_exit "001: dry run" 0 L import lup --dry-run --json "$S001"
cp "$TMP/out" "$TMP/j001"
# 14 districts; 43 themes; 28 prioritised areas (Rinkeby-Kista 4 Husby/Rinkeby/Akalla/Kista,
# Spånga-Tensta 4, Hässelby-Vällingby 3 names = 4 areas since "Hässelby Villastad/Smedshagen" is
# two, Bromma 3, Kungsholmen 2, Norrmalm/Östermalm/Södermalm none, Enskede-Årsta-Vantör 4,
# Skarpnäck 2, Farsta 2, Älvsjö 1, Hägersten-Liljeholmen 1, Skärholmen 1); 121 measures (on a
# bare database, below; here every LUP already has the dataset's measures, so none is added);
# 151 partners; 43 activities.
expect_eq "001: counts" "$(counts < "$TMP/j001")" "[14,43,28,0,151,43]"
covers "$S001" "$TMP/j001" "001"
expect_eq "001: a warning on Älvsjö's priorities outside the themes (line 383), one per LUP on measures, one on the dataset's activities the document does not name" \
	"$(jq -c '[.warnings[] | .line]' "$TMP/j001")" "[383,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]"
expect_eq "001: the warning for Bromma counts the dataset's measures and the document's" \
	"$(jq -r '.warnings[] | select(.message | startswith("lup-bromma ")) | .message' "$TMP/j001")" \
	"lup-bromma har redan 6 åtgärd(er) från en annan källa (till exempel datasetet): dokumentets 3 åtgärd(er) för Bromma läggs inte till"
expect_eq "001: the left-out measures add up to the document's 121" \
	"$(jq '[.warnings[] | select(.line == 0) | .message | capture("dokumentets (?<n>[0-9]+) åtgärd") | .n | tonumber] | add' "$TMP/j001")" 121
expect_eq "001: the trace says why a measure is not added" \
	"$(jq -r '[.trace[] | select(.detail == "not added: the LUP has measures from another source")] | length' "$TMP/j001")" 121
expect_eq "001: the trace says what line 152 became" \
	"$(jq -r '.trace[] | select(.line == 152) | .what + ": " + .detail' "$TMP/j001")" "district: Rinkeby-Kista (rinkeby-kista)"
expect_eq "001: the table of contents is skipped as one entry" \
	"$(jq -r '.trace[] | select(.line == 5) | "\(.last) \(.what)"' "$TMP/j001")" "68 skipped: table of contents"
unchanged "001 dry run"
expect_exit "001: import" 0 L import lup --json "$S001"
expect_eq "001: import counts as the dry run" "$(counts < "$TMP/out")" "[14,43,28,0,151,43]"
expect_eq "001: the dataset's 292 measures, no more" "$(Q "SELECT count(*) FROM measure")" 292
expect_eq "001: the activities go to Socialförvaltningen's plan lupplan-2017-socialforvaltningen" \
	"$(Q "SELECT count(*) FROM activity a JOIN plan_version pv ON pv.id = a.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lupplan-2017-socialforvaltningen' AND a.owner_id = (SELECT id FROM organisation WHERE key = 'socialforvaltningen')")" 57
expect_eq "001: of its 43 activities, 38 are the dataset's (same owner, district, title) and 5 are added" \
	"$(Q "SELECT count(*) FROM activity WHERE key LIKE 'lupplan-2017-socialforvaltningen-a-%'")" 5
expect_eq "001: Hässelby-Vällingby has 19 of them (§6.3)" \
	"$(Q "SELECT count(*) FROM activity a JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id JOIN plan_version pv ON pv.id = a.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lupplan-2017-socialforvaltningen' AND d.key = 'hasselby-vallingby'")" 20
expect_eq "001: no plan was duplicated (14 LUPs, 1 contribution plan, as in the dataset)" \
	"$(Q "SELECT count(*) FROM plan WHERE kind IN ('lup', 'contribution')")" 15
expect_exit "001: lup check passes" 0 L check
dump once
expect_exit "001: imported again" 0 L import lup --json "$S001"
expect_eq "001: the second import changes nothing" "$(jq .changed "$TMP/out")" 0
dump twice
cmp -s "$TMP/once" "$TMP/twice" && ok "001: the database is the same after the second import" ||
	nok "001: the second import changed the database"

# ---- 001 on a bare database: everything is created --------------------------------------------------
bare
expect_exit "001 (bare): import" 0 L import lup --json "$S001"
# 121 paragraphs: 5 open with a goal statement (Spånga-Tensta: "Ett långsiktigt mål är att ...",
# "Kortsiktiga mål är att ..." twice, "Det övergripande målet är ...", "Målen är att ..."): 5 LUP
# goals, and the rest of the paragraph a measure but for the last, which is only the goal
expect_eq "001 (bare): counts" "$(counts < "$TMP/out")" "[14,43,28,120,151,43]"
expect_eq "001 (bare): 5 LUP goals" "$(jq .lup_goals "$TMP/out")" 5
expect_eq "001 (bare): no warning on measures" "$(jq -c '[.warnings[] | .line]' "$TMP/out")" "[383]"
expect_eq "001 (bare): it writes 120 measures keyed lup-<district>-m-NN" \
	"$(Q "SELECT count(*) FROM measure WHERE key LIKE 'lup-%-m-__' AND trim(substr(key, length(key) - 1), '0123456789') = ''")" 120
expect_eq "001 (bare): Rinkeby-Kista's 10 measures (notes §3.1)" \
	"$(Q "SELECT count(*) FROM measure WHERE key LIKE 'lup-rinkeby-kista-m-%'")" 10
expect_eq "001 (bare): Hässelby-Vällingby's 11 paragraphs of measures" \
	"$(Q "SELECT count(*) FROM measure WHERE key LIKE 'lup-hasselby-vallingby-m-%'")" 11
expect_eq "001 (bare): Älvsjö's unheaded first measure has no theme" \
	"$(Q "SELECT count(*) FROM measure m LEFT JOIN measure_theme mt ON mt.measure_id = m.id WHERE m.key = 'lup-alvsjo-m-01' AND mt.theme_id IS NULL")" 1
expect_eq "001 (bare): 'Demokrati och insyn' (§4) is Bromma's theme 'Demokrati och ökad insyn' (§3)" \
	"$(Q "SELECT t.name FROM measure m JOIN measure_theme mt ON mt.measure_id = m.id JOIN theme t ON t.id = mt.theme_id WHERE m.key = 'lup-bromma-m-01'")" \
	"Demokrati och ökad insyn"
dump once
expect_exit "001 (bare): imported again" 0 L import lup --json "$S001"
expect_eq "001 (bare): the second import changes nothing (its own measures are no other source)" \
	"$(jq .changed "$TMP/out")" 0
expect_eq "001 (bare): 14 LUPs owned by their committees" \
	"$(Q "SELECT count(*) FROM plan p JOIN area a ON a.id = p.district_id WHERE p.kind = 'lup' AND p.owner_id = a.committee_id")" 14
expect_eq "001 (bare): 43 themes" "$(Q "SELECT count(*) FROM theme")" 43
expect_eq "001 (bare): 28 prioritised areas" "$(Q "SELECT count(*) FROM prioritised_area")" 28
expect_eq "001 (bare): Hässelby-Vällingby's areas" \
	"$(Q "SELECT group_concat(a.key, ' ') FROM prioritised_area pa JOIN area a ON a.id = pa.area_id JOIN plan_version pv ON pv.id = pa.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-hasselby-vallingby'")" \
	"hasselby-gard hasselby-villastad smedshagen grimsta"
expect_eq "001 (bare): 151 intended partners" "$(Q "SELECT count(*) FROM plan_partner")" 151
expect_eq "001 (bare): 27 for Hässelby-Vällingby" \
	"$(Q "SELECT count(*) FROM plan_partner pp JOIN plan_version pv ON pv.id = pp.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-hasselby-vallingby'")" 27
expect_eq "001 (bare): 'AB Stockholms hem' is Stockholmshem" \
	"$(Q "SELECT o.key FROM plan_partner pp JOIN organisation o ON o.id = pp.org_id WHERE pp.label = 'AB Stockholms hem' LIMIT 1")" stockholmshem
expect_eq "001 (bare): 'Idrottsföreningar' is a group of civil society without an organisation" \
	"$(Q "SELECT grp || ' ' || coalesce(CAST(org_id AS TEXT), 'none') FROM plan_partner WHERE label = 'Idrottsföreningar'")" "civil_society none"
expect_exit "001 (bare): lup check passes" 0 L check

# ---- 000: the detailed activity plan -------------------------------------------------------------
demo
expect_exit "000: dry run" 0 L import lup --dry-run --json "$S000"
cp "$TMP/out" "$TMP/j000"
# 7 districts (3.1-3.7); 14 themes: the theme headings under each district (Rinkeby-Kista 3,
# Spånga-Tensta 3, Enskede-Årsta-Vantör 1, Skarpnäck 1, Farsta 3, Skärholmen 3); 25 activities.
expect_eq "000: counts" "$(counts < "$TMP/j000")" "[7,14,0,0,0,25]"
covers "$S000" "$TMP/j000" "000"
expect_exit "000: import on the dataset" 0 L import lup --json "$S000"
# the dataset titles three of 000's activities otherwise (Spånga-Tensta's trygghet and PPSS,
# Skärholmen's medborgarvärdar): those are added, the other 22 are the dataset's
expect_eq "000: its activities are the dataset's but 3 worded otherwise" \
	"$(Q "SELECT count(*) FROM activity WHERE key LIKE 'lupplan-2017-socialforvaltningen-a-%'")" 3
expect_eq "000: the activities sit under the districts' themes (alias 'Vuxnas utanförskap' found)" \
	"$(Q "SELECT t.name FROM activity a JOIN theme t ON t.id = a.theme_id JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id WHERE a.title LIKE 'SKL-projekt%' AND d.key = 'rinkeby-kista'")" \
	"Vuxnas livsförutsättningar"
bare	# the rest of 000 on a bare database: its own activities, not the dataset's
expect_exit "000: import" 0 L import lup --json "$S000"
# Activities per district as in notes §3.4, recounted in the text: Rinkeby-Kista 3 (the
# paragraph under "Stärka det sociala kapitalet", Familjecentral, the SKL project), Spånga-Tensta
# 3, Hässelby-Vällingby 0 ("Har valt att avvakta"), Enskede-Årsta-Vantör 3, Skarpnäck 8 (its 8
# headed activities), Farsta 5, Skärholmen 3.
expect_eq "000: activities per district" "$(Q "SELECT group_concat(k || '=' || n, ' ') FROM (SELECT d.key AS k, count(*) AS n
	FROM activity a JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id
	WHERE a.key LIKE 'lupplan-2017-socialforvaltningen-a-%' GROUP BY d.key ORDER BY d.key) AS sq1")" \
	"enskede-arsta-vantor=3 farsta=5 rinkeby-kista=3 skarholmen=3 skarpnack=8 spanga-tensta=3"
# The roles, from the verbs: "bistå i arbetet genom att processleda" (Familjecentral, Rinkeby-Kista),
# "fungera som nav" (Trygghet, Spånga-Tensta), "bistår" (Familjecentral, Enskede-Årsta-Vantör),
# "Gemensam planering pågår" (Mothers without borders), "deltar i en referensgrupp".
role() { Q "SELECT a.role FROM activity a JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id WHERE a.key LIKE 'lupplan-2017-%' AND d.key = '$1' AND a.title LIKE '$2%'"; }
expect_eq "000: Rinkeby-Kista's Familjecentral: process_lead" "$(role rinkeby-kista Familjecentral)" process_lead
expect_eq "000: Spånga-Tensta's Trygghet: hub" "$(role spanga-tensta 'Det ska kännas')" hub
expect_eq "000: Enskede-Årsta-Vantör's Familjecentral: assist" "$(role enskede-arsta-vantor Familjecentral)" assist
expect_eq "000: Mothers without borders: joint_planning, ongoing" \
	"$(Q "SELECT role || ' ' || status FROM activity WHERE key LIKE 'lupplan-2017-%' AND title LIKE 'Mothers%'")" "joint_planning ongoing"
expect_eq "000: Metodutveckling genom livsförloppsstudier: reference_group" "$(role skarpnack Metodutveckling)" reference_group
expect_exit "000: lup check passes" 0 L check
dump once
expect_exit "000: imported again" 0 L import lup --json "$S000"
expect_eq "000: the second import changes nothing" "$(jq .changed "$TMP/out")" 0
dump twice
cmp -s "$TMP/once" "$TMP/twice" && ok "000: the database is the same after the second import" ||
	nok "000: the second import changed the database"
expect_exit "000 after 001: imports" 0 L import lup --json "$S001"
expect_exit "000 again after 001" 0 L import lup --json "$S000"
expect_out "001's activities 000 does not name are reported, not silently kept" "aktivitet(er) som dokumentet inte nämner: de behålls oförändrade"

# ---- 004: Rinkeby-Kista's LUP (OCR) -------------------------------------------------------------------
demo
expect_exit "004: dry run" 0 L import lup --dry-run --json "$S004"
cp "$TMP/out" "$TMP/j004"
# 1 district; 3 themes (§3: "Barns och ungas livsförutsättningar", "Vuxnas livsförutsättningar",
# "Socialt kapital", OCR-damaged); 4 areas ("samtliga fyra stadsdelar" = Rinkeby-Kista's four
# neighbourhoods); 9 measures ("Etablering av ..." in §5); 16 partners (§6: 9 facknämnder, 1
# stadsdelsnämnd, 5 bolagsstyrelser, "ett flertal organisationer").
expect_eq "004: counts (the measures not added: the dataset's are there)" "$(counts < "$TMP/j004")" "[1,3,4,0,16,0]"
covers "$S004" "$TMP/j004" "004"
expect_eq "004: the running header and page number are skipped" \
	"$(jq -r '[.trace[] | select(.line == 185 or .line == 186) | .what] | join(", ")' "$TMP/j004")" \
	"skipped: running header, skipped: page number"
expect_exit "004: import" 0 L import lup --json "$S004"
expect_eq "004: the 7 sections, with the template's titles" \
	"$(Q "SELECT group_concat(s.ord || ' ' || s.title, '; ') FROM lup_section s JOIN plan_version pv ON pv.id = s.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-rinkeby-kista'")" \
	"1 Inledning; 2 Nulägesanalys; 3 Geografiska/tematiska prioriteringar; 4 Målsättningar; 5 Prioriterade åtgärder; 6 Genomförande; 7 Metoder för att mäta måluppfyllelse"
expect_eq "004: section 5 holds the text as written" \
	"$(Q "SELECT instr(body, 'Etablering av lokal digital plattform') > 0 AND instr(body, 'Lokalt utvecklingsprogram for') = 0 FROM lup_section s JOIN plan_version pv ON pv.id = s.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-rinkeby-kista' AND s.ord = 5")" 1
expect_eq "004: says so" "$(jq -r '.warnings[] | .message' "$TMP/out")" \
	"lup-rinkeby-kista har redan 19 åtgärd(er) från en annan källa (till exempel datasetet): dokumentets 9 åtgärd(er) för Rinkeby-Kista läggs inte till"
expect_eq "004: the OCR'd partners are the dataset's (no new partner rows)" \
	"$(Q "SELECT count(*) FROM plan_partner pp JOIN plan_version pv ON pv.id = pp.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE p.key = 'lup-rinkeby-kista'")" 17
expect_exit "004: lup check passes" 0 L check
dump once
expect_exit "004: imported again" 0 L import lup --json "$S004"
expect_eq "004: the second import changes nothing" "$(jq .changed "$TMP/out")" 0
dump twice
cmp -s "$TMP/once" "$TMP/twice" && ok "004: the database is the same after the second import" ||
	nok "004: the second import changed the database"

bare
expect_exit "004 (bare): import" 0 L import lup --json "$S004"
expect_eq "004 (bare): counts" "$(counts < "$TMP/out")" "[1,3,4,9,16,0]"
expect_eq "004 (bare): 9 measures titled 'Etablering av ...'" \
	"$(Q "SELECT count(*) FROM measure WHERE key LIKE 'lup-rinkeby-kista-m-%' AND title LIKE 'Etablering av %'")" 9
expect_eq "004 (bare): the names reported at T1 become aliases of the LUP's themes" \
	"$(Q "SELECT group_concat(t.ord || ':' || a.alias, ' | ') FROM theme_alias a JOIN theme t ON t.id = a.theme_id")" \
	"2:Vuxnas utanforskap | 3:Stéirka det sociala kapitalet"
expect_eq "004 (bare): 'Familjebostiider' (OCR) is Familjebostäder, a company" \
	"$(Q "SELECT o.key || ' ' || pp.grp FROM plan_partner pp JOIN organisation o ON o.id = pp.org_id WHERE pp.label = 'Familjebostiider'")" "familjebostader company"
expect_exit "004 (bare): lup check passes" 0 L check

# ---- robustness: the same documents laid out differently -------------------------------------------
for s in "$S000" "$S001" "$S004"; do
	b=$(basename "$s"); n=${b%%_*}
	demo
	L import lup "$s" >/dev/null
	dump_noaudit "ref"
	mkdir -p "$TMP/crlf" "$TMP/blank" "$TMP/blank2" "$TMP/cut"
	sed 's/$/\r/' "$s" > "$TMP/crlf/$b"
	awk '{ print } /^[ \t]*$/ { print "" }' "$s" > "$TMP/blank/$b"	# every blank line doubled
	awk '{ print; print "" }' "$s" > "$TMP/blank2/$b"		# a blank line after every line
	for v in crlf blank blank2; do
		demo
		expect_exit "$n ($v): imports" 0 L import lup "$TMP/$v/$b"
		dump_noaudit "got"
		cmp -s "$TMP/ref" "$TMP/got" && ok "$n ($v): the same database as the original" ||
			nok "$n ($v): the database differs from the original's"
	done
done

# 004 with its page break moved into a measure's paragraph, in the middle of a hyphenated word
awk 'NR >= 182 && NR <= 187 { next } { print } NR == 540 { print ""; print ""; print "Lokalt utvecklingsprogram for Rinkeby-Kista stadsdelsnamndsomrade"; print "12 (16)"; print "" }' \
	"$S004" > "$TMP/cut/$(basename "$S004")"
bare
L import lup "$S004" >/dev/null
dump_noaudit ref
bare
expect_exit "004 (page break moved): imports" 0 L import lup "$TMP/cut/$(basename "$S004")"
dump_noaudit got
cmp -s "$TMP/ref" "$TMP/got" && ok "004 (page break moved): the same database" ||
	nok "004 (page break moved): the database differs"

# truncated: 001 cut in §4 imports what it holds; 004 cut in §2 has too little to be an LUP
head -c 30000 "$S001" > "$TMP/cut/001.txt"
demo
expect_exit "001 truncated in §4: imports what it holds" 0 L import lup --json "$TMP/cut/001.txt"
expect_eq "001 truncated: §3 whole, §4 in part" "$(counts < "$TMP/out" | jq -c '.[0:3]')" "[14,43,28]"
head -c 14000 "$S004" > "$TMP/cut/004.txt"
demo
dump before
expect_exit "004 truncated in §2: fails" 1 L import lup "$TMP/cut/004.txt"
expect_err "it says why" "är filen avkortad?"
unchanged "004 truncated"

# ---- bad input ------------------------------------------------------------------------------------
demo
dump before
: > "$TMP/empty.txt"
expect_exit "an empty file fails" 1 L import lup "$TMP/empty.txt"
expect_err "it says the file is empty" "empty.txt: filen är tom"
unchanged "empty file"
printf '\n  \n\n' > "$TMP/blank.txt"
expect_exit "a file of blank lines fails" 1 L import lup "$TMP/blank.txt"
head -c 4000 /dev/urandom > "$TMP/random.bin"
printf '\377\376' >> "$TMP/random.bin"
expect_exit "random bytes fail" 1 L import lup "$TMP/random.bin"
expect_err "as not UTF-8, naming the file" "random.bin:"
head -c 4000 /dev/urandom | base64 > "$TMP/garbage.txt"
expect_exit "text without structure fails" 1 L import lup "$TMP/garbage.txt"
expect_err "it names the file and what was expected" "garbage.txt:1: ingen LUP-struktur hittades"
unchanged "bad input"
expect_exit "an unknown --org fails" 1 L import lup --org "Ingen sådan förvaltning" "$S001"
expect_err "naming the option" "(--org)"
unchanged "unknown --org"

# a plan in the layout of 001 written for this test: a district that does not exist, a place that
# does not exist, activities without a title naming the organisation (so --org and --year)
cat > "$TMP/plan.txt" <<'EOF'
Planerade insatser

3 Stadsdelarnas geografiska och tematiska prioriteringar

3.1 Farsta

Fagersjö och Sagoskogen är prioriterade områden.

Stadsdelsnämnden arbetar utifrån ett prioriterat tema

Trygghet

Alla ska kunna röra sig tryggt på kvällen.

3.2 Atlantis

Stadsdelsnämnden arbetar utifrån ett prioriterade teman

Havet

6 Planerade aktiviteter

6.1 Farsta

Trygghet

Kvällsvandringar med föreningar
EOF
demo
dump before
expect_exit "a plan without a year or organisation fails" 1 L import lup "$TMP/plan.txt"
expect_err "it asks for --org" "ange --org"
unchanged "no organisation"
expect_exit "with --org and --year it imports" 0 L import lup --org kulturforvaltningen --year 2024 --json "$TMP/plan.txt"
expect_eq "the counts" "$(counts < "$TMP/out")" "[1,1,1,0,0,1]"
expect_eq "the unknown place and the unknown district are warned about, with their lines" \
	"$(jq -c '[.warnings[] | select(.message | test("Sagoskogen|Atlantis")) | .line] | sort' "$TMP/out")" "[7,15]"
expect_eq "the activity is in lupplan-2024-kulturforvaltningen" \
	"$(Q "SELECT count(*) FROM activity WHERE key = 'lupplan-2024-kulturforvaltningen-a-001'")" 1
L import lup --dry-run --json --org kulturforvaltningen --year 2024 "$TMP/plan.txt" >/dev/null
L import lup --dry-run --json --org kulturforvaltningen --year 2024 "$TMP/plan.txt" > "$TMP/jp"
expect_eq "Atlantis' lines are traced as skipped" \
	"$(jq -r '[.trace[] | select(.what == "skipped: unknown district") | .line] | join(" ")' "$TMP/jp")" "15 17 19"
covers "$TMP/plan.txt" "$TMP/jp" "the hand-written plan"
expect_exit "lup check passes" 0 L check
finish
