#!/bin/sh
# t7354: SQLite's derived_indicator_targets (migration 0060): per (indicator, year) with a target
# of sex T one row with the texts of its own and its KF target, kept by row triggers on target,
# from which the goal chain reads an indicator's targets. The row follows targets added,
# upserted, changed (text, kind, sex, year), replaced, removed, and an indicator removed with its
# targets; `lup copy` fills it; `lup check` reports rows made wrong behind the triggers' back;
# the chain API shows what target holds. SQLite only (the real sqlite3 reads the file);
# PostgreSQL joins target in the statement and has no such table.
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7354: SQLite's triggers (PostgreSQL joins target in the statement)"; finish; fi
DB="$TMP/targets.db"
q() { command sqlite3 "${2:-$DB}" "PRAGMA foreign_keys = ON; $1"; }
# stale [DB]: the (indicator, year) rows that differ from target's (or are missing, or left over)
stale() {
	q "SELECT count(*) FROM (SELECT indicator_id, year, max(CASE WHEN kind = 'own' THEN text END) AS own,
	  max(CASE WHEN kind = 'kf' THEN text END) AS kf FROM target WHERE sex = 'T' GROUP BY 1, 2) r
	  FULL JOIN derived_indicator_targets d ON d.indicator_id = r.indicator_id AND d.year = r.year
	  WHERE r.year IS NULL OR d.year IS NULL OR r.own IS NOT d.own OR r.kf IS NOT d.kf" "${1:-$DB}"
}
# row IND YEAR [DB]: the own and the KF text ("-" for none; "" when there is no row)
row() { q "SELECT coalesce(own, '-') || '|' || coalesce(kf, '-') FROM derived_indicator_targets
	WHERE indicator_id = $1 AND year = $2" "${3:-$DB}"; }
ins() {	# ins IND YEAR KIND SEX TEXT
	q "INSERT INTO target (indicator_id, year, kind, sex, mode, text, source) VALUES ($1, $2, '$3', '$4', 'text', '$5', 'test')"
}

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's rows are those of target" "$(stale)" 0
expect_eq "a row per (indicator, year) with a target of T" "$(q "SELECT count(*) FROM derived_indicator_targets")" \
	"$(q "SELECT count(*) FROM (SELECT DISTINCT indicator_id, year FROM target WHERE sex = 'T')")"

# Spånga-Tensta's first indicator (the chain API shows it)
I=$(q "SELECT id FROM indicator WHERE key = 'vp-2022-spanga-tensta-i-001'")
[ -n "$I" ] || { nok "the demo has the indicator"; finish; }
# targets by sex need an indicator disaggregated by sex (lup check)
q "UPDATE indicator SET by_sex = 1 WHERE id = $I"
q "DELETE FROM target WHERE indicator_id = $I AND year = 2022"
expect_eq "its targets of 2022 removed: no row" "$(row $I 2022) $(stale)" " 0"
ins $I 2022 own T "Minst 80 procent"
expect_eq "an own target" "$(row $I 2022) $(stale)" "Minst 80 procent|- 0"
ins $I 2022 kf T "Minst 75 procent"
expect_eq "and a KF target" "$(row $I 2022) $(stale)" "Minst 80 procent|Minst 75 procent 0"
ins $I 2022 own K "Minst 85 procent"
expect_eq "a target for women: the row unchanged" "$(row $I 2022) $(stale)" "Minst 80 procent|Minst 75 procent 0"
q "INSERT INTO target (indicator_id, year, kind, sex, mode, text, source) VALUES ($I, 2022, 'own', 'T', 'text', 'Minst 82 procent', 'test')
   ON CONFLICT (indicator_id, year, kind, sex) DO UPDATE SET text = excluded.text"
expect_eq "the own target upserted" "$(row $I 2022) $(stale)" "Minst 82 procent|Minst 75 procent 0"
q "INSERT OR REPLACE INTO target (indicator_id, year, kind, sex, mode, text, source) VALUES ($I, 2022, 'kf', 'T', 'text', 'Minst 76 procent', 'test')"
expect_eq "the KF target replaced" "$(row $I 2022) $(stale)" "Minst 82 procent|Minst 76 procent 0"

# the chain API shows the row
serve "$DB"
req "the chain API" 200 GET "/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022"
expect_eq "the indicator's targets in the chain" \
	"$(jb "[.goals[].indicators[] | select(.id == $I) | .target + \"|\" + .kf_target] | join(\" \")")" \
	"Minst 82 procent|Minst 76 procent"
kill $SERVER; wait $SERVER 2>/dev/null

q "UPDATE target SET kind = 'kf' WHERE indicator_id = $I AND year = 2022 AND kind = 'own' AND sex = 'K'"
expect_eq "a target for women changed kind: the row unchanged" "$(row $I 2022) $(stale)" "Minst 82 procent|Minst 76 procent 0"
q "UPDATE target SET sex = 'M' WHERE indicator_id = $I AND year = 2022 AND kind = 'own' AND sex = 'T'"
expect_eq "the own target made one for men" "$(row $I 2022) $(stale)" "-|Minst 76 procent 0"
q "UPDATE target SET sex = 'T', text = 'Minst 83 procent' WHERE indicator_id = $I AND year = 2022 AND kind = 'own' AND sex = 'M'"
expect_eq "... and back, its text changed" "$(row $I 2022) $(stale)" "Minst 83 procent|Minst 76 procent 0"
q "UPDATE target SET year = 2023 WHERE indicator_id = $I AND year = 2022 AND kind = 'kf' AND sex = 'T'"
expect_eq "the KF target moved to 2023: gone from 2022" "$(row $I 2022) $(stale)" "Minst 83 procent|- 0"
expect_eq "... and in 2023's row" "$(row $I 2023)" "-|Minst 76 procent"
q "DELETE FROM target WHERE indicator_id = $I AND year = 2022 AND kind = 'own' AND sex = 'T'"
expect_eq "the own target removed: no row for 2022" "$(row $I 2022) $(stale)" " 0"

# an indicator removed (its targets by ON DELETE CASCADE)
I2=$(q "SELECT min(indicator_id) FROM target WHERE indicator_id <> $I AND sex = 'T'")
q "DELETE FROM indicator WHERE id = $I2" 2>/dev/null
if [ "$(q "SELECT count(*) FROM indicator WHERE id = $I2")" = 0 ]; then
	expect_eq "an indicator removed: its rows gone" \
		"$(q "SELECT count(*) FROM derived_indicator_targets WHERE indicator_id = $I2") $(stale)" "0 0"
else
	expect_eq "the targets of an indicator removed: its rows gone" \
		"$(q "DELETE FROM target WHERE indicator_id = $I2; SELECT count(*) FROM derived_indicator_targets WHERE indicator_id = $I2") $(stale)" "0 0"
fi

# lup check: rows made wrong behind the triggers' back are reported
expect_exit "lup check passes" 0 "$LUP" --db "$DB" check
q "UPDATE derived_indicator_targets SET own = 'fel' WHERE indicator_id = $I AND year = 2023"
expect_exit "lup check fails on a wrong text" 1 "$LUP" --db "$DB" check
grep -q "derived_indicator_targets" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy's rows are those of its targets" "$(stale "$TMP/copy.db")" 0
expect_eq "the copy's row is not the wrong one" "$(row $I 2023 "$TMP/copy.db")" "-|Minst 76 procent"
finish
