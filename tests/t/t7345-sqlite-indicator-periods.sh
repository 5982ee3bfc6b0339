#!/bin/sh
# t7345: SQLite's derived_indicator_period (migration 0033; PostgreSQL's is t7340's): per
# indicator and period the number of district outcomes with a value and how many of them are
# public in themselves (example data, Kolada), kept by row triggers on outcome and area, from
# which the city page lists the indicators and their years. The counts follow inserts, updates
# (example data made a report's figure, a value changed, a value removed, an outcome moved to
# another period), deletes, an import, an area made a district and back, and `lup copy`; `lup
# check` reports counts made wrong behind the triggers' back. SQLite only (the real sqlite3
# reads the file); skipped on PostgreSQL.
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7345: SQLite's triggers (t7340 checks PostgreSQL's)"; finish; fi
DB="$TMP/periods.db"
q() { command sqlite3 "${2:-$DB}" "$1"; }
# stale [DB]: the indicator and period pairs whose counts differ from the outcomes
stale() {
	q "WITH r AS (SELECT x.indicator_id, x.period_id, count(*) AS valued,
	    count(*) FILTER (WHERE x.example = 1 OR x.source = 'kolada') AS open
	  FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'
	  WHERE x.value IS NOT NULL GROUP BY 1, 2)
	SELECT count(*) FROM r FULL JOIN derived_indicator_period d
	  ON d.indicator_id = r.indicator_id AND d.period_id = r.period_id
	  WHERE coalesce(r.valued, 0) <> coalesce(d.valued, 0) OR coalesce(r.open, 0) <> coalesce(d.open, 0)" "${1:-$DB}"
}
IND=vp-2022-spanga-tensta-i-001
# counts2031: valued and open of IND's district figures of 2031
counts2031() {
	q "SELECT coalesce(sum(valued), 0) || ' ' || coalesce(sum(open), 0) FROM derived_indicator_period d
		JOIN period pe ON pe.id = d.period_id JOIN indicator i ON i.id = d.indicator_id
		WHERE pe.year = 2031 AND pe.kind = 'FY' AND i.key = '$IND'"
}
P2031="(SELECT id FROM period WHERE year = 2031 AND kind = 'FY')"

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's counts are those of the outcomes" "$(stale)" 0
expect_eq "the demo has district figures for several hundred indicator years" \
	"$(q "SELECT count(*) > 300 FROM derived_indicator_period WHERE valued > 0")" 1

q "INSERT INTO period (year, kind, first_day, last_day) VALUES (2031, 'FY', '2031-01-01', '2031-12-31'),
	(2031, 'T1', '2031-01-01', '2031-04-30')"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example)
	SELECT (SELECT id FROM indicator WHERE key = '$IND'), $P2031, id, 'T', 12.5, 'manual', 1
	FROM area WHERE key IN ('spanga-tensta', 'rinkeby-kista', 'stockholm')"
expect_eq "an insert: two district figures counted, both open" "$(counts2031)" "2 2"
q "UPDATE outcome SET example = 0, source = 'report' WHERE period_id = $P2031"
expect_eq "example data made a report's figure: counted, not open" "$(counts2031)" "2 0"
q "UPDATE outcome SET value = 13 WHERE period_id = $P2031"
expect_eq "a value changed: the counts stay" "$(counts2031)" "2 0"
q "UPDATE outcome SET value = NULL, missing = 1 WHERE period_id = $P2031
	AND area_id = (SELECT id FROM area WHERE key = 'rinkeby-kista')"
expect_eq "a value removed: counted out" "$(counts2031)" "1 0"
q "UPDATE outcome SET period_id = (SELECT id FROM period WHERE year = 2031 AND kind = 'T1')
	WHERE period_id = $P2031 AND area_id = (SELECT id FROM area WHERE key = 'spanga-tensta')"
expect_eq "an outcome moved to another period: counted there" "$(counts2031) $(stale)" "0 0 0"
q "DELETE FROM outcome WHERE indicator_id = (SELECT id FROM indicator WHERE key = '$IND')
	AND period_id IN ($P2031, (SELECT id FROM period WHERE year = 2031 AND kind = 'T1'))"
expect_eq "after a delete the counts are those of the outcomes" "$(stale)" 0

# an import (its upserts)
printf 'indicator,area,period,value\n%s,spanga-tensta,2031,4.5\n%s,rinkeby-kista,2031,5.5\n%s,spanga-tensta,2031,\n' \
	"$IND" "$IND" vp-2022-spanga-tensta-i-002 > "$TMP/o.csv"
expect_exit "lup import csv" 0 "$LUP" --db "$DB" import csv "$TMP/o.csv"
expect_eq "the import's two figures are counted, not open" "$(counts2031)" "2 0"
expect_eq "after the import the counts are those of the outcomes" "$(stale)" 0

# an area made a district counts its figures, and made a municipality again no more
total() { q "SELECT sum(valued) FROM derived_indicator_period"; }
t0=$(total)
q "UPDATE area SET level = 'district' WHERE level = 'municipality' AND id IN (SELECT area_id FROM outcome)"
t1=$(total)
[ "$t1" -gt "$t0" ] && ok "an area made a district: its figures are counted ($t0 -> $t1)" ||
	nok "an area made a district: its figures are counted ($t0 -> $t1)"
expect_eq "and the counts are those of the outcomes" "$(stale)" 0
q "UPDATE area SET level = 'municipality' WHERE level = 'district' AND committee_id IS NULL AND prioritised = 0
	AND id IN (SELECT area_id FROM outcome) AND parent_id IS NULL"
expect_eq "made a municipality again: no longer counted" "$(total) $(stale)" "$t0 0"

# lup check: counts made wrong behind the triggers' back are reported
expect_exit "lup check passes" 0 "$LUP" --db "$DB" check
right=$(total)
q "UPDATE derived_indicator_period SET valued = valued + 1 WHERE indicator_id = (SELECT min(indicator_id) FROM derived_indicator_period)"
expect_exit "lup check fails on wrong counts" 1 "$LUP" --db "$DB" check
grep -q "derived_indicator_period" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy's counts are those of its outcomes" "$(stale "$TMP/copy.db")" 0
expect_eq "the copy's counts are not the wrong ones" \
	"$(q "SELECT sum(valued) FROM derived_indicator_period" "$TMP/copy.db")" "$right"
finish
