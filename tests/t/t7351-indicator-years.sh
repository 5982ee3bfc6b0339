#!/bin/sh
# t7351: SQLite's derived_indicator_years (migration 0051): per indicator the full (FY) years in
# which it has district figures of which some are public in themselves, kept by row triggers on
# derived_indicator_period and period, from which the city page lists the indicators and their
# years. The years follow a figure added in a new year, figures made report figures (no longer
# public in themselves) and back, figures removed, a period's year changed, a period written after
# its figures (foreign keys deferred, as a copy may), an area no longer a district and again one,
# and `lup copy`; `lup check` reports years made wrong behind the triggers' back. SQLite only
# (the real sqlite3 reads the file); PostgreSQL aggregates in the statement and has no such table.
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7351: SQLite's triggers (PostgreSQL aggregates in the statement)"; finish; fi
DB="$TMP/years.db"
q() { command sqlite3 "${2:-$DB}" "PRAGMA foreign_keys = ON; $1"; }
# stale [DB]: the indicators whose years differ from derived_indicator_period's
stale() {
	q "SELECT count(*) FROM (SELECT indicator_id, group_concat(year, ' ') AS years FROM (SELECT x.indicator_id, pe.year
	  FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
	  WHERE x.valued > 0 AND x.open > 0 ORDER BY x.indicator_id, pe.year) GROUP BY indicator_id) r
	  FULL JOIN derived_indicator_years d ON d.indicator_id = r.indicator_id WHERE r.years IS NOT d.years" "${1:-$DB}"
}
# y IND: the years kept for the indicator's id ("" when it has no row)
y() { q "SELECT years FROM derived_indicator_years WHERE indicator_id = $1" "${2:-$DB}"; }

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's years are those of derived_indicator_period" "$(stale)" 0
expect_eq "the demo's indicators have years" "$(q "SELECT count(*) > 50 FROM derived_indicator_years")" 1

# an indicator with figures in 2018..2022, a district, a new full year
I=$(q "SELECT min(indicator_id) FROM derived_indicator_years WHERE years = '2018 2019 2020 2021 2022'")
D=$(q "SELECT min(id) FROM area WHERE level = 'district'")
[ -n "$I" ] && [ -n "$D" ] || { nok "the demo has an indicator with five years and a district"; finish; }
q "INSERT INTO period (year, kind, first_day, last_day) VALUES (2023, 'FY', '2023-01-01', '2023-12-31')"
P=$(q "SELECT id FROM period WHERE year = 2023 AND kind = 'FY'")
expect_eq "a period without figures: no year" "$(y "$I")" "2018 2019 2020 2021 2022"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'T', 1.5, 'exempeldata', 1)"
expect_eq "a public figure in a new year: the year added" "$(y "$I") $(stale)" "2018 2019 2020 2021 2022 2023 0"
q "UPDATE outcome SET example = 0, source = 'rapport' WHERE indicator_id = $I AND period_id = $P"
expect_eq "the figure made a report's: the year gone" "$(y "$I") $(stale)" "2018 2019 2020 2021 2022 0"
expect_eq "its count is found as behind the publication rule" \
	"$(q "SELECT count(*) FROM derived_indicator_period INDEXED BY derived_indicator_period_closed WHERE valued > 0 AND open = 0 AND indicator_id = $I")" 1
q "UPDATE outcome SET example = 1, source = 'exempeldata' WHERE indicator_id = $I AND period_id = $P"
expect_eq "made public again: the year back" "$(y "$I") $(stale)" "2018 2019 2020 2021 2022 2023 0"
q "UPDATE period SET year = 2017, first_day = '2017-01-01', last_day = '2017-12-31' WHERE id = $P"
expect_eq "the period's year changed: the years follow" "$(y "$I") $(stale)" "2017 2018 2019 2020 2021 2022 0"
q "DELETE FROM outcome WHERE indicator_id = $I AND period_id = $P"
expect_eq "the figure removed: the year gone" "$(y "$I") $(stale)" "2018 2019 2020 2021 2022 0"
q "DELETE FROM outcome WHERE indicator_id = $I"
expect_eq "all its figures removed: no row" "$(y "$I") $(stale)" " 0"

# a period written after its figures (the foreign keys deferred)
I2=$(q "SELECT min(indicator_id) FROM derived_indicator_years WHERE indicator_id <> $I")
q "PRAGMA defer_foreign_keys = ON; BEGIN;
   INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I2, 9999, $D, 'T', 2, 'exempeldata', 1);
   INSERT INTO period (id, year, kind, first_day, last_day) VALUES (9999, 2024, 'FY', '2024-01-01', '2024-12-31');
   COMMIT;"
expect_eq "a period written after its figure: the year added" "$(y "$I2" | sed 's/.* //') $(stale)" "2024 0"

# an area no longer a district, then one again (derived_indicator_period counted anew)
before=$(q "SELECT group_concat(years, '|') FROM (SELECT years FROM derived_indicator_years ORDER BY indicator_id)")
C=$(q "SELECT coalesce(committee_id, 'NULL') || ', prioritised = ' || prioritised FROM area WHERE id = $D")
q "UPDATE area SET level = 'municipality', committee_id = NULL, prioritised = 0 WHERE id = $D"
expect_eq "an area no longer a district: the years counted anew" \
	"$(q "SELECT level FROM area WHERE id = $D") $(stale)" "municipality 0"
q "UPDATE area SET level = 'district', committee_id = $C WHERE id = $D"
expect_eq "a district again: the years as before" \
	"$(q "SELECT group_concat(years, '|') FROM (SELECT years FROM derived_indicator_years ORDER BY indicator_id)") $(stale)" "$before 0"

# lup check: years made wrong behind the triggers' back are reported
expect_exit "lup check passes" 0 "$LUP" --db "$DB" check
right=$(y "$I2")
q "UPDATE derived_indicator_years SET years = '2018' WHERE indicator_id = $I2"
expect_exit "lup check fails on wrong years" 1 "$LUP" --db "$DB" check
grep -q "derived_indicator_years" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy's years are those of its counts" "$(stale "$TMP/copy.db")" 0
expect_eq "the copy's years are not the wrong ones" "$(y "$I2" "$TMP/copy.db")" "$right"
finish
