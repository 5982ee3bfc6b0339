#!/bin/sh
# bench/gen-plan.sh DB N: makes the plan of ORG (default spanga-tensta-stadsdelsnamnd) for YEAR
# (default 2022) N times its size in SQLite database DB, for the growth benchmark of bench/http.sh:
# N-1 copies of the organisation's (and its pair's) nämndmål of the year with their förväntade
# resultat, indicators, targets and outcomes, and of its activities of the year with their
# districts. A copy's ids are the original's plus k * 10^7 (k = 1..N-1), its keys end in "-xk";
# references within the copied rows follow the copy, others (the KF goals above) stay.
set -eu
DB=$1 N=$2 ORG=${ORG:-spanga-tensta-stadsdelsnamnd} YEAR=${YEAR:-2022}
q() { sqlite3 "$DB" "$@"; }
# cols TABLE K: the copy-k expression of TABLE's columns
cols() {
	q "SELECT group_concat(CASE WHEN name = 'id' THEN 'id + $2 * 10000000'
		WHEN name = 'key' THEN 'key || ''-x$2'''
		WHEN name IN ('goal_id', 'parent_id') THEN 'CASE WHEN ' || name || ' IN (SELECT id FROM cg) THEN ' || name || ' + $2 * 10000000 ELSE ' || name || ' END'
		WHEN name = 'indicator_id' AND '$1' <> 'goal' THEN 'indicator_id + $2 * 10000000'
		WHEN name = 'activity_id' THEN 'activity_id + $2 * 10000000'
		ELSE name END, ', ') FROM pragma_table_info('$1')"
}
{
	echo "PRAGMA foreign_keys = ON; BEGIN;"
	echo "CREATE TEMP TABLE o(id INTEGER PRIMARY KEY);"
	echo "INSERT INTO o SELECT id FROM organisation WHERE key = '$ORG' UNION SELECT pair_id FROM organisation WHERE key = '$ORG' AND pair_id IS NOT NULL UNION SELECT id FROM organisation WHERE pair_id = (SELECT id FROM organisation WHERE key = '$ORG');"
	echo "CREATE TEMP TABLE cg AS SELECT id FROM goal WHERE owner_id IN (SELECT id FROM o) AND year = $YEAR AND level = 'namndmal';"
	echo "CREATE TEMP TABLE ci AS SELECT id FROM indicator WHERE goal_id IN (SELECT id FROM cg);"
	echo "CREATE TEMP TABLE ca AS SELECT id FROM activity WHERE owner_id IN (SELECT id FROM o)"
	echo "  AND coalesce(start_first / 10000, $YEAR) <= $YEAR AND coalesce(end_last / 10000, $YEAR) >= $YEAR;"
	for k in $(seq 1 $(($N - 1))); do
		echo "INSERT INTO goal SELECT $(cols goal $k) FROM goal WHERE id IN (SELECT id FROM cg);"
		echo "INSERT INTO goal_result SELECT $(cols goal_result $k) FROM goal_result WHERE goal_id IN (SELECT id FROM cg);"
		echo "INSERT INTO indicator SELECT $(cols indicator $k) FROM indicator WHERE id IN (SELECT id FROM ci);"
		echo "INSERT INTO target SELECT $(cols target $k) FROM target WHERE indicator_id IN (SELECT id FROM ci);"
		echo "INSERT INTO outcome SELECT $(cols outcome $k) FROM outcome WHERE indicator_id IN (SELECT id FROM ci);"
		echo "INSERT INTO activity SELECT $(cols activity $k) FROM activity WHERE id IN (SELECT id FROM ca);"
		echo "INSERT INTO activity_district SELECT $(cols activity_district $k) FROM activity_district WHERE activity_id IN (SELECT id FROM ca);"
	done
	echo "COMMIT;"
} > "$DB.gen.sql"
q < "$DB.gen.sql"
rm -f "$DB.gen.sql"
