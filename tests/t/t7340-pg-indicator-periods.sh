#!/bin/sh
# t7340: PostgreSQL's derived_indicator_period (migration 0032): per indicator and period the
# number of district outcomes with a value and how many of them are public in themselves
# (example data, Kolada), kept by triggers on outcome and area, from which the city page lists
# the indicators and their years. The counts follow inserts, updates (a value removed, example
# data made a report's figure), deletes, a TRUNCATE rolled back, an import's bulk writes, an
# area made a district and back, and `lup copy`; the city page lists the same indicators and
# years as on SQLite at each step; `lup check` reports counts that disagree. Meant for the
# PostgreSQL run (LUP_PG: the cluster's socket directory); skipped without it.
. "$(dirname "$0")/lib.sh"
pg_only t7340
S="$TMP/periods.db"

# stale DB: the indicator and period pairs whose counts differ from the outcomes
stale() {
	psql -X -q -At -v ON_ERROR_STOP=1 -h "$LUP_PG" -d "${1:-$PGNAME}" -c "
	WITH r AS (SELECT x.indicator_id, x.period_id, count(*) AS valued,
	    count(*) FILTER (WHERE x.example = 1 OR x.source = 'kolada') AS open
	  FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'
	  WHERE x.value IS NOT NULL GROUP BY 1, 2)
	SELECT count(*) FROM r FULL JOIN derived_indicator_period d USING (indicator_id, period_id)
	  WHERE coalesce(r.valued, 0) <> coalesce(d.valued, 0) OR coalesce(r.open, 0) <> coalesce(d.open, 0)"
}
both() { q "$1"; command sqlite3 "$S" "$1"; }
# years BASE IND: the years the city page offers for indicator IND (server BASE), and the
# number of indicators it offers
years() {
	curl -s "$1/?indikator=$2" > "$TMP/city.html"
	sed -n '/id="val-ar"/,/<\/select>/p' "$TMP/city.html" | grep -o 'value="[0-9]*"' | tr -d 'value="' | tr '\n' ' '
	echo "/ $(sed -n '/id="val-indikator"/,/<\/select>/p' "$TMP/city.html" | grep -o '<option' | wc -l)"
}
start() {
	rm -f "$TMP/port.$1"
	"$LUP_REAL" --db "$2" serve --no-cache --listen 127.0.0.1:0 --port-file "$TMP/port.$1" >/dev/null 2>"$TMP/server.$1.log" &
	eval "pid_$1=\$!"
	for i in $(seq 100); do [ -s "$TMP/port.$1" ] && break; sleep 0.1; done
	eval "base_$1=http://127.0.0.1:\$(cat "$TMP/port.$1")"
}
trap 'kill $pid_p $pid_s 2>/dev/null; lib_cleanup' EXIT
# same WHAT IND: the city page offers the same years and indicators on both backends
same() {
	a=$(years "$base_p" "$2"); b=$(years "$base_s" "$2")
	expect_eq "$1: the city page offers the same years on both ($a)" "$a" "$b"
}

L init >/dev/null 2>&1 && L demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "init and demo"; finish; }
"$LUP_REAL" --db "$S" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo on SQLite"; finish; }
expect_eq "the demo's counts are those of the outcomes" "$(stale)" 0
expect_eq "the demo has district figures for several hundred indicator years" \
	"$(q "SELECT count(*) > 300 FROM derived_indicator_period WHERE valued > 0")" t
start p "$P"; start s "$S"
IND=vp-2022-spanga-tensta-i-001
same "the demo" "$IND"
y=$(years "$base_p" "$IND")
case $y in *2022*) ok "the demo's indicator has figures for 2022";; *) nok "the demo's indicator has 2022 (got '$y')";; esac

# a figure for a year the indicator has none: the year appears
both "INSERT INTO period (year, kind, first_day, last_day) SELECT 2031, 'FY', '2031-01-01', '2031-12-31'
	WHERE NOT EXISTS (SELECT 1 FROM period WHERE year = 2031 AND kind = 'FY')"
ins="INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example)
	SELECT (SELECT id FROM indicator WHERE key = '$IND'), (SELECT id FROM period WHERE year = 2031 AND kind = 'FY'),
	id, 'T', 12.5, 'manual', 1 FROM area WHERE key IN ('spanga-tensta', 'rinkeby-kista')"
both "$ins"
expect_eq "after an insert the counts are those of the outcomes" "$(stale)" 0
case $(years "$base_p" "$IND") in *2031*) ok "the new year is offered";; *) nok "the new year is offered";; esac
same "after an insert" "$IND"

# example data made an unapproved report's figure: not public, the year goes for a visitor
both "UPDATE outcome SET example = 0, source = 'report' WHERE period_id = (SELECT id FROM period WHERE year = 2031 AND kind = 'FY')"
expect_eq "after an update of example and source the counts are those of the outcomes" "$(stale)" 0
expect_eq "the figures are counted but not open" \
	"$(q "SELECT sum(valued) || ' ' || sum(open) FROM derived_indicator_period d JOIN period pe ON pe.id = d.period_id WHERE pe.year = 2031")" "2 0"
case $(years "$base_p" "$IND") in *2031*) nok "a year of unapproved figures is not offered";; *) ok "a year of unapproved figures is not offered";; esac
same "after the update" "$IND"

# a value changed: the counts stay; a value removed (missing): counted out
both "UPDATE outcome SET example = 1, value = 13 WHERE period_id = (SELECT id FROM period WHERE year = 2031 AND kind = 'FY')"
expect_eq "after a value changed the counts are those of the outcomes" "$(stale)" 0
both "UPDATE outcome SET value = NULL, missing = 1 WHERE period_id = (SELECT id FROM period WHERE year = 2031 AND kind = 'FY')
	AND area_id = (SELECT id FROM area WHERE key = 'rinkeby-kista')"
expect_eq "after a value removed the counts are those of the outcomes" "$(stale)" 0
same "after a value removed" "$IND"
both "DELETE FROM outcome WHERE period_id = (SELECT id FROM period WHERE year = 2031 AND kind = 'FY')"
expect_eq "after a delete the counts are those of the outcomes" "$(stale)" 0
case $(years "$base_p" "$IND") in *2031*) nok "a year without figures is not offered";; *) ok "a year without figures is not offered";; esac
same "after the delete" "$IND"

# a TRUNCATE empties the table, and its rollback brings it back
expect_eq "a TRUNCATE of outcome empties the counts in its transaction" \
	"$(psql -X -q -At -v ON_ERROR_STOP=1 -h "$LUP_PG" -d "$PGNAME" -c "BEGIN" -c "TRUNCATE outcome CASCADE" \
		-c "SELECT count(*) FROM derived_indicator_period" -c "ROLLBACK")" 0
expect_eq "after its rollback the counts are those of the outcomes" "$(stale)" 0

# an area made a district counts its figures, and made a municipality again no more
total() { q "SELECT sum(valued) FROM derived_indicator_period"; }
t0=$(total)
# (the demo's other figures are the city's: its municipality, made a district here)
q "UPDATE area SET level = 'district' WHERE level = 'municipality' AND id IN (SELECT area_id FROM outcome)" 2>"$TMP/area.err"
if [ -s "$TMP/area.err" ]; then nok "an area made a district"; cat "$TMP/area.err" >&2; fi
expect_eq "after an area made a district the counts are those of the outcomes" "$(stale)" 0
t1=$(total)
[ "$t1" -gt "$t0" ] && ok "the new district's figures are counted ($t0 -> $t1)" || nok "the new district's figures are counted ($t0 -> $t1)"
q "UPDATE area SET level = 'municipality' WHERE level = 'district' AND committee_id IS NULL AND prioritised = 0
	AND id IN (SELECT area_id FROM outcome) AND parent_id IS NULL"
expect_eq "after it was made a municipality again the counts are those of the outcomes" "$(stale)" 0
expect_eq "and its figures are no longer counted" "$(total)" "$t0"

# an import's bulk writes
printf 'indicator,area,period,value\n%s,spanga-tensta,2031,4.5\n%s,rinkeby-kista,2031,5.5\n%s,spanga-tensta,2031,\n' \
	"$IND" "$IND" vp-2022-spanga-tensta-i-002 > "$TMP/o.csv"
expect_exit "lup import csv on PostgreSQL" 0 L import csv "$TMP/o.csv"
expect_exit "lup import csv on SQLite" 0 "$LUP_REAL" --db "$S" import csv "$TMP/o.csv"
expect_eq "after the import the counts are those of the outcomes" "$(stale)" 0
expect_eq "the import's two figures are counted, not open (no approved report)" \
	"$(q "SELECT sum(valued) || ' ' || sum(open) FROM derived_indicator_period d JOIN period pe ON pe.id = d.period_id
		JOIN indicator i ON i.id = d.indicator_id WHERE pe.year = 2031 AND pe.kind = 'FY' AND i.key = '$IND'")" "2 0"
same "after the import" "$IND"

# lup check: counts made wrong behind the triggers' back are reported
expect_exit "lup check passes" 0 L check
q "UPDATE derived_indicator_period SET valued = valued + 1 WHERE valued > 0 AND indicator_id = (SELECT min(indicator_id) FROM derived_indicator_period)"
expect_exit "lup check fails on wrong counts" 1 L check
L check > "$TMP/check.out" 2>&1
grep -q "derived_indicator_period" "$TMP/check.out" && ok "the problem names the table" || { nok "the problem names the table"; cat "$TMP/check.out" >&2; }
q "SELECT derived_indicator_period_rebuild()" >/dev/null
expect_eq "the rebuild puts the counts right" "$(stale)" 0

# lup copy: out of PostgreSQL without the table, into PostgreSQL with it filled
expect_exit "lup copy PostgreSQL -> SQLite" 0 "$LUP_REAL" copy "$P" "$TMP/back.db"
P2NAME=$(pg_db t7340b)
P2="postgresql:///$P2NAME?host=$LUP_PG"
expect_exit "lup copy SQLite -> PostgreSQL" 0 "$LUP_REAL" copy "$S" "$P2"
expect_eq "the PostgreSQL copy's counts are those of the outcomes" "$(stale "$P2NAME")" 0
finish
