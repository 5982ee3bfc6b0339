#!/bin/sh
# t7352: SQLite's derived_outcome_sexes (migration 0052): per (indicator, area, period) of outcome
# one row with the sexes it has (K 1, M 2, T 4; their example bits shifted by 3), those not public
# in themselves (shut: neither example data nor from Kolada) and each sex's value, kept by row
# triggers on outcome, from which the goal chain reads its outcomes. The row follows outcomes
# added, changed (value, missing, example, source), moved to another triple, removed, and an
# indicator removed with its outcomes; `lup copy` fills it; `lup check` reports rows made wrong
# behind the triggers' back. The goal chain API then shows a report figure's sex only where the
# figures' rule admits it (an approved report of the owner for the period), the other sexes of
# the same triple in any case. SQLite only (the real sqlite3 reads the file); PostgreSQL groups
# outcome's rows in the statement and has no such table.
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7352: SQLite's triggers (PostgreSQL groups in the statement)"; finish; fi
DB="$TMP/sexes.db"
q() { command sqlite3 "${2:-$DB}" "PRAGMA foreign_keys = ON; $1"; }
# stale [DB]: the triples whose row differs from outcome's (or is missing, or left over)
stale() {
	q "SELECT count(*) FROM (SELECT indicator_id, area_id, period_id,
	  sum((CASE sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * (example = 1))) AS sexes,
	  sum(CASE WHEN example = 1 OR source = 'kolada' THEN 0 WHEN sex = 'K' THEN 1 WHEN sex = 'M' THEN 2 ELSE 4 END) AS shut,
	  max(CASE WHEN sex = 'T' THEN value END) AS vt, max(CASE WHEN sex = 'K' THEN value END) AS vk,
	  max(CASE WHEN sex = 'M' THEN value END) AS vm FROM outcome GROUP BY 1, 2, 3) r
	  FULL JOIN derived_outcome_sexes d ON d.indicator_id = r.indicator_id AND d.area_id = r.area_id
	  AND d.period_id = r.period_id WHERE r.sexes IS NOT d.sexes OR r.shut IS NOT d.shut
	  OR r.vt IS NOT d.vt OR r.vk IS NOT d.vk OR r.vm IS NOT d.vm" "${1:-$DB}"
}
# row IND AREA PERIOD: the triple's sexes, shut and values ("" when it has no row)
row() { q "SELECT sexes || ' ' || shut || ' ' || coalesce(vt, '-') || ' ' || coalesce(vk, '-') || ' ' || coalesce(vm, '-')
	FROM derived_outcome_sexes WHERE indicator_id = $1 AND area_id = $2 AND period_id = $3"; }

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's rows are those of outcome" "$(stale)" 0
expect_eq "a row per (indicator, area, period)" "$(q "SELECT count(*) FROM derived_outcome_sexes")" \
	"$(q "SELECT count(*) FROM (SELECT DISTINCT indicator_id, area_id, period_id FROM outcome)")"

# Spånga-Tensta's first indicator (the chain API shows it), its district, 2022's first tertial
I=$(q "SELECT id FROM indicator WHERE key = 'vp-2022-spanga-tensta-i-001'")
D=$(q "SELECT id FROM area WHERE key = 'spanga-tensta'")
P=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'T1'")
P2=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'T2'")
[ -n "$I" ] && [ -n "$D" ] && [ -n "$P" ] && [ -n "$P2" ] || { nok "the demo has the indicator, district and periods"; finish; }
# figures by sex that are not example data need an indicator disaggregated by sex (lup check)
q "UPDATE indicator SET by_sex = 1 WHERE id = $I"
expect_eq "the demo's triple: all three sexes, example data" "$(row $I $D $P | cut -d' ' -f1,2)" "63 0"
q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id = $P"
expect_eq "its outcomes removed: no row" "$(row $I $D $P) $(stale)" " 0"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'T', 4.25, 'exempeldata', 1)"
expect_eq "T as example data" "$(row $I $D $P) $(stale)" "36 0 4.25 - - 0"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'K', 3.5, 'rapport', 0)"
expect_eq "K a report's figure: shut" "$(row $I $D $P) $(stale)" "37 1 4.25 3.5 - 0"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, missing, source, example) VALUES ($I, $P, $D, 'M', NULL, 1, 'kolada', 0)"
expect_eq "M missing, from Kolada: not shut" "$(row $I $D $P) $(stale)" "39 1 4.25 3.5 - 0"
q "UPDATE outcome SET value = 5, missing = 0 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'M'"
expect_eq "M given a value" "$(row $I $D $P) $(stale)" "39 1 4.25 3.5 5.0 0"

# the chain API: K's report figure hidden from everyone until a report of the owner is approved
serve "$DB"
req "the chain API" 200 GET "/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022"
sexes() { jb "[.goals[].indicators[] | select(.id == $I) | .outcomes[] | select(.period == \"T1\" and .area == \"spanga-tensta\")
	| .sex + \":\" + (.value | tostring) + \":\" + (.example | tostring)] | unique | join(\" \")"; }
expect_eq "the triple's sexes but K's report figure" "$(sexes)" "M:5:false T:4.25:true"
kill $SERVER; wait $SERVER 2>/dev/null
O=$(q "SELECT owner_id FROM indicator WHERE id = $I")
q "INSERT INTO report (org_id, period_id, status) VALUES ($O, $P, 'approved')"
serve "$DB"
req "the chain API after the report" 200 GET "/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022"
expect_eq "an approved report of the owner: K shown too" "$(sexes)" "K:3.5:false M:5:false T:4.25:true"
kill $SERVER; wait $SERVER 2>/dev/null

q "UPDATE outcome SET source = 'kolada' WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'K'"
expect_eq "K from Kolada: nothing shut" "$(row $I $D $P) $(stale)" "39 0 4.25 3.5 5.0 0"
q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id = $P2 AND sex = 'T'"
q "UPDATE outcome SET period_id = $P2 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'T'"
expect_eq "T moved to another period: gone from the triple" "$(row $I $D $P) $(stale)" "3 0 - 3.5 5.0 0"
expect_eq "... and in the other's" "$(row $I $D $P2 | cut -d' ' -f3)" "4.25"
q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'K'"
expect_eq "K removed" "$(row $I $D $P) $(stale)" "2 0 - - 5.0 0"

# an indicator removed (its outcomes by ON DELETE CASCADE)
I2=$(q "SELECT min(id) FROM indicator WHERE id <> $I AND id IN (SELECT indicator_id FROM outcome)")
q "DELETE FROM indicator_target_history WHERE indicator_id = $I2" 2>/dev/null
q "DELETE FROM outcome_revision WHERE indicator_id = $I2; DELETE FROM indicator WHERE id = $I2" 2>/dev/null
if [ "$(q "SELECT count(*) FROM indicator WHERE id = $I2")" = 0 ]; then
	expect_eq "an indicator removed: its rows gone" \
		"$(q "SELECT count(*) FROM derived_outcome_sexes WHERE indicator_id = $I2") $(stale)" "0 0"
else
	expect_eq "the outcomes of an indicator removed: its rows gone" \
		"$(q "DELETE FROM outcome WHERE indicator_id = $I2; SELECT count(*) FROM derived_outcome_sexes WHERE indicator_id = $I2") $(stale)" "0 0"
fi

# lup check: rows made wrong behind the triggers' back are reported
expect_exit "lup check passes" 0 "$LUP" --db "$DB" check
q "UPDATE derived_outcome_sexes SET vt = vt + 1 WHERE indicator_id = $I AND area_id = $D AND period_id = $P2"
expect_exit "lup check fails on a wrong value" 1 "$LUP" --db "$DB" check
grep -q "derived_outcome_sexes" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy's rows are those of its outcomes" "$(stale "$TMP/copy.db")" 0
expect_eq "the copy's row is not the wrong one" \
	"$(q "SELECT vt FROM derived_outcome_sexes WHERE indicator_id = $I AND area_id = $D AND period_id = $P2" "$TMP/copy.db")" "4.25"
finish
