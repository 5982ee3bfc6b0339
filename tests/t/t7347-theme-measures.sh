#!/bin/sh
# t7347: SQLite's derived_theme_measures (migration 0046): per theme the number of its measures
# (rows of measure_theme), kept by row triggers, from which the city page shows each district's
# themes with their measures. The counts follow inserts (a repeated one ignored), deletes, a
# measure moved to another theme, a theme's and a measure's removal (their ON DELETE CASCADE),
# and `lup copy`; `lup check` reports counts made wrong behind the triggers' back. SQLite only
# (the real sqlite3 reads the file); PostgreSQL counts in the statement and has no such table.
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7347: SQLite's triggers (PostgreSQL counts in the statement)"; finish; fi
DB="$TMP/themes.db"
q() { command sqlite3 "${2:-$DB}" "PRAGMA foreign_keys = ON; $1"; }
# stale [DB]: the themes whose count differs from measure_theme
stale() {
	q "SELECT count(*) FROM (SELECT theme_id, count(*) AS n FROM measure_theme GROUP BY theme_id) r
	  FULL JOIN derived_theme_measures d ON d.theme_id = r.theme_id
	  WHERE coalesce(r.n, 0) <> coalesce(d.measures, 0)" "${1:-$DB}"
}
# n THEME: the count kept for THEME's id ("" when it has no row)
n() { q "SELECT measures FROM derived_theme_measures WHERE theme_id = $1"; }

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's counts are those of measure_theme" "$(stale)" 0
expect_eq "the demo's themes have measures" "$(q "SELECT count(*) > 20 AND sum(measures) > 100 FROM derived_theme_measures")" 1

# a theme and a measure of one version, and a second theme of it
T=$(q "SELECT min(theme_id) FROM derived_theme_measures")
V=$(q "SELECT plan_version_id FROM theme WHERE id = $T")
T2=$(q "SELECT min(id) FROM theme WHERE plan_version_id = $V AND id <> $T")
M=$(q "SELECT min(id) FROM measure WHERE plan_version_id = $V AND id NOT IN (SELECT measure_id FROM measure_theme WHERE theme_id = $T)")
[ -n "$T" ] && [ -n "$T2" ] && [ -n "$M" ] || { nok "the demo has a version with two themes and a measure"; finish; }
before=$(n "$T")
q "INSERT INTO measure_theme (measure_id, theme_id) VALUES ($M, $T)"
expect_eq "an insert: counted" "$(n "$T")" "$((before + 1))"
q "INSERT INTO measure_theme (measure_id, theme_id) VALUES ($M, $T) ON CONFLICT DO NOTHING"
expect_eq "a repeated insert ignored: not counted" "$(n "$T") $(stale)" "$((before + 1)) 0"
b2=$(n "$T2")
q "UPDATE measure_theme SET theme_id = $T2 WHERE measure_id = $M AND theme_id = $T"
expect_eq "a measure moved to another theme: counted there" "$(n "$T") $(stale)" "$before 0"
expect_eq "the other theme's count" "$(n "$T2")" "$(( ${b2:-0} + 1 ))"
q "DELETE FROM measure_theme WHERE measure_id = $M AND theme_id = $T2"
expect_eq "a delete: counted out" "$(n "$T2") $(stale)" "${b2} 0"
q "DELETE FROM measure WHERE id IN (SELECT measure_id FROM measure_theme WHERE theme_id = $T LIMIT 1)"
expect_eq "a measure removed (cascade): counted out" "$(n "$T") $(stale)" "$((before - 1)) 0"
# a theme that no goal or activity names, removed
T3=$(q "SELECT min(theme_id) FROM derived_theme_measures WHERE theme_id NOT IN (SELECT theme_id FROM goal
	WHERE theme_id IS NOT NULL) AND theme_id NOT IN (SELECT theme_id FROM activity WHERE theme_id IS NOT NULL)")
[ -n "$T3" ] || { nok "the demo has a theme with measures that no goal or activity names"; finish; }
q "DELETE FROM theme WHERE id = $T3"
expect_eq "a theme removed (cascade): its row gone" "$(n "$T3") $(stale)" " 0"

# lup check: counts made wrong behind the triggers' back are reported
expect_exit "lup check passes" 0 "$LUP" --db "$DB" check
right=$(q "SELECT sum(measures) FROM derived_theme_measures")
q "UPDATE derived_theme_measures SET measures = measures + 1 WHERE theme_id = $T2"
expect_exit "lup check fails on a wrong count" 1 "$LUP" --db "$DB" check
grep -q "derived_theme_measures" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy's counts are those of its measure_theme" "$(stale "$TMP/copy.db")" 0
expect_eq "the copy's counts are not the wrong ones" \
	"$(q "SELECT sum(measures) FROM derived_theme_measures" "$TMP/copy.db")" "$right"
finish
