#!/bin/sh
# t5100: the goal chain view (src/view/chain.c) without HTTP (issue 12): `lup show chain ORG
# --year Y` reads it as the operator straight from the database; its JSON is the API's document
# (the same loader and writer), its numbers are the database's, and the viewer rule for
# assessments holds in both (a draft report's analysis: the operator sees it, the public not).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
q() { sqlite3 "$DB" "$1"; }
ORG=spanga-tensta-stadsdelsnamnd

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }

# --- the CLI, no server running ------------------------------------------------------------------
expect_exit "show chain as JSON" 0 L show chain $ORG --year 2022 --json
cp "$TMP/out" "$TMP/cli.json"
expect_eq "... of the organisation and year" "$(jq -r '"\(.organisation_id) \(.year)"' "$TMP/cli.json")" \
	"$(q "SELECT id FROM organisation WHERE key = '$ORG'") 2022"
# the nämndmål of the year: those of the committee or its administration (the pair)
want=$(q "SELECT count(*) FROM goal g JOIN organisation o ON o.key = '$ORG' WHERE g.level = 'namndmal'
	AND g.year = 2022 AND (g.owner_id = o.id OR g.owner_id = o.pair_id
	OR g.owner_id IN (SELECT id FROM organisation WHERE pair_id = o.id))")
got=$(jq '[.goals[] | select(.level == "namndmal")] | length' "$TMP/cli.json")
[ "$want" -gt 0 ] && expect_eq "every nämndmål of 2022 ($want)" "$got" "$want" || nok "the demo has nämndmål ($want)"
expect_eq "the KF goals above them are in the chain" \
	"$(jq '[.goals[] | select(.level == "inriktningsmal")] | length > 0' "$TMP/cli.json")" true
# an indicator's årsmål and its outcomes of the year, against the database
IND=$(jq -r '[.goals[].indicators[] | select(.target != null and (.outcomes | length) > 0)][0].key' "$TMP/cli.json")
[ -n "$IND" ] && [ "$IND" != null ] && ok "an indicator with a target and outcomes ($IND)" || nok "no indicator with outcomes"
expect_eq "... its årsmål is the database's" \
	"$(jq -r --arg k "$IND" '[.goals[].indicators[] | select(.key == $k)][0].target' "$TMP/cli.json")" \
	"$(q "SELECT t.text FROM target t JOIN indicator i ON i.id = t.indicator_id WHERE i.key = '$IND' AND t.kind = 'own' AND t.year = 2022")"
expect_eq "... its outcomes of 2022 (not the year before) are the database's (sum of values)" \
	"$(jq -r --arg k "$IND" '[.goals[].indicators[] | select(.key == $k)][0].outcomes | map(.value // 0) | add | . * 1000 | round' "$TMP/cli.json")" \
	"$(q "SELECT CAST(round(sum(coalesce(x.value, 0)) * 1000) AS INTEGER) FROM outcome x JOIN indicator i ON i.id = x.indicator_id
	  JOIN period pe ON pe.id = x.period_id JOIN area a ON a.id = x.area_id JOIN organisation o ON o.key = '$ORG'
	  WHERE i.key = '$IND' AND pe.year = 2022 AND (a.level = 'municipality' OR a.committee_id = o.id
	  OR a.committee_id = o.pair_id)")"
expect_exit "show chain as an outline" 0 L show chain $ORG --year 2022
NM=$(q "SELECT g.title FROM goal g JOIN organisation o ON o.id = g.owner_id WHERE g.level = 'namndmal' AND g.year = 2022
	AND (o.key = '$ORG' OR o.pair_id = (SELECT id FROM organisation WHERE key = '$ORG')) ORDER BY g.id LIMIT 1")
expect_out "... naming a nämndmål" "$NM"
expect_out "... with its indicators" "indicator "
expect_exit "a year is required" 2 L show chain $ORG
expect_exit "an unknown organisation fails" 1 L show chain no-such-org --year 2022
expect_err "... saying so" "no organisation 'no-such-org'"
expect_exit "a year without goals gives an empty chain" 0 L show chain $ORG --year 1990 --json
expect_eq "... with no goals" "$(jq '.goals | length' "$TMP/out")" 0

# --- the same document through the API ------------------------------------------------------------
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
printf 'editorpassword1\n' | L user add own --role editor --org $ORG >/dev/null
T_admin=$(L token create admin 2>/dev/null)
T_own=$(L token create own 2>/dev/null)
serve "$DB"
CHAIN="/api/v1/organisations/$ORG/goal-chain?year=2022"
req "the goal chain through the API" 200 GET "$CHAIN" "" "$T_admin"
expect_eq "... is the CLI's document" "$(jq -S -c . "$TMP/body")" "$(jq -S -c . "$TMP/cli.json")"

# a draft report's assessment: the operator (CLI) and the organisation see it, the public not
SECRET="Utkast-5100: inte godkänd"
req "the editor starts a draft report" 201 POST /api/v1/reports "{\"org\":\"$ORG\",\"period\":\"2022-T1\"}" "$T_own"
REP=$(jb .id)
GOAL=$(jq -r '[.goals[] | select(.level == "namndmal")][0].key' "$TMP/cli.json")
req "... and assesses a nämndmål" 200 PUT "/api/v1/reports/$REP/assessments/$GOAL" \
	"{\"assessment\":\"partly\",\"analysis\":\"$SECRET\"}" "$T_own"
expect_exit "the CLI reads the chain again" 0 L show chain $ORG --year 2022 --json
expect_eq "... with the draft's assessment (the operator reads everything)" \
	"$(jq -r --arg g "$GOAL" '.goals[] | select(.key == $g) | .assessments[] | select(.report_status == "draft") | .analysis' "$TMP/out")" "$SECRET"
req "the API as the organisation's editor" 200 GET "$CHAIN" "" "$T_own"
has "... shows the draft's analysis" "$SECRET"
req "the API anonymously" 200 GET "$CHAIN"
hasnt "... does not" "$SECRET"
page "the organisation page anonymously" 200 GET "/organisation/$ORG?ar=2022" -
hasnt "... does not either" "$SECRET"

# the outcomes' periods: SQLite's statements read each range of periods from the least to the
# greatest asked, the loader keeps those asked (view/chain.c keep_periods). With the ids of
# 2021's and 2020's full years swapped, 2022's range (2021 FY to 2022 FY) holds 2021's tertials
# and 2020's full year too: the chain must not show them (SQLite only: the ids are rewritten
# with the foreign keys off)
if ! on_pg; then
	SW="$TMP/swap.db"
	expect_exit "the chain of 2022 with the year before's full year (the outline counts the outcomes)" 0 \
		L show chain $ORG --year 2022
	cp "$TMP/out" "$TMP/before.txt"
	sqlite3 "$DB" "VACUUM INTO '$SW'" || nok "copying the database"
	swap=""
	for t in period outcome report period_reopen outcome_revision; do
		c=period_id; [ $t = period ] && c=id
		swap="$swap UPDATE $t SET $c = -1 WHERE $c = $(q "SELECT id FROM period WHERE year = 2020 AND kind = 'FY'");"
		swap="$swap UPDATE $t SET $c = $(q "SELECT id FROM period WHERE year = 2020 AND kind = 'FY'") WHERE $c = $(q "SELECT id FROM period WHERE year = 2021 AND kind = 'FY'");"
		swap="$swap UPDATE $t SET $c = $(q "SELECT id FROM period WHERE year = 2021 AND kind = 'FY'") WHERE $c = -1;"
	done
	sqlite3 "$SW" "PRAGMA foreign_keys = OFF; BEGIN; $swap COMMIT;" || nok "swapping the periods' ids"
	expect_eq "... 2021's full year now has an id below 2021's tertials" \
		"$(sqlite3 "$SW" "SELECT (SELECT id FROM period WHERE year = 2021 AND kind = 'FY') < (SELECT id FROM period WHERE year = 2021 AND kind = 'T1')")" 1
	expect_exit "... the chain of the copy" 0 "$LUP" --db "$SW" show chain $ORG --year 2022
	expect_eq "... counts the same outcomes (no other period's)" "$(cat "$TMP/out")" "$(cat "$TMP/before.txt")"
	expect_eq "... though the range holds outcomes of other periods (2021's tertials, 2020's full year)" \
		"$(sqlite3 "$SW" "SELECT count(*) > 0 FROM outcome x JOIN period p ON p.id = x.period_id
		  WHERE p.id BETWEEN (SELECT id FROM period WHERE year = 2021 AND kind = 'FY')
		  AND (SELECT max(id) FROM period WHERE year = 2022) AND p.year = 2021 AND p.kind <> 'FY'")" 1
fi
finish
