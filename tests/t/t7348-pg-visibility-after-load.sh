#!/bin/sh
# t7348: a load on PostgreSQL ends with its tables' visibility map set, even when another
# session of the database held a snapshot from before the load's last commit (autovacuum's
# ANALYZE, begun while the load ran, is one). VACUUM marks a page all-visible only when its
# rows are visible to every snapshot, so the load's closing VACUUM (store-pg.c pg_analyze)
# waits, at most 5 s, for the older snapshots to end. Without the wait the map stays empty
# (relallvisible 0) and the planner prices every index-only scan as heap reads (session 13's
# t7220 failure). A snapshot that outlasts the 5 s does not hold the load up longer. Meant for
# the PostgreSQL run (LUP_PG); skipped without it.
. "$(dirname "$0")/lib.sh"
pg_only t7348
HOLDER=
cleanup() {
	[ -n "$HOLDER" ] && { kill "$HOLDER" 2>/dev/null; wait "$HOLDER" 2>/dev/null; }
	lib_cleanup
}
trap cleanup EXIT

# hold UNTIL: a session of the database that takes a snapshot now and keeps it until the load's
# wait for older snapshots has begun (UNTIL=wait) plus 0.3 s, or for 30 s (UNTIL=long); its
# pid in HOLDER
hold() {
	if [ "$1" = wait ]; then
		body="WHILE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE query LIKE '%xact_start < \$1%'
			AND pid <> pg_backend_pid()) LOOP PERFORM pg_sleep(0.05); PERFORM pg_stat_clear_snapshot();
			END LOOP; PERFORM pg_sleep(0.3);"
	else
		body="PERFORM pg_sleep(30);"
	fi
	printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ;" "SELECT count(*) FROM goal;" \
		"DO \$\$ BEGIN $body END \$\$;" "COMMIT;" |
		psql -X -q -h "$LUP_PG" -d "$PGNAME" >/dev/null 2>&1 &
	HOLDER=$!
	for i in $(seq 100); do
		[ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL")" -gt 0 ] && break
		sleep 0.05
	done
}
# check WHAT CMD...: ok WHAT when CMD succeeds
check() { what=$1; shift; if "$@"; then ok "$what"; else nok "$what"; fi; }
# visible TABLE: "pages all-visible" as pg_class has them after the load's VACUUM (ANALYZE)
visible() { q "SELECT relpages || ' ' || relallvisible FROM pg_class WHERE relname = '$1'"; }

L init >/dev/null 2>&1 || { nok "init"; finish; }
hold wait
L demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
wait "$HOLDER" 2>/dev/null; HOLDER=
for t in outcome goal activity indicator; do
	set -- $(visible $t)
	check "after a load beside an older snapshot, $t's pages are all-visible ($2 of $1)" \
		test "$1" -gt 0 -a "$1" = "$2"
done

# a snapshot that outlasts the wait: the import still ends, a few seconds later
PGNAME=$(pg_db t7348b)
P="postgresql:///$PGNAME?host=$LUP_PG"
L init >/dev/null 2>&1 || { nok "init (second database)"; finish; }
hold long
start=$(date +%s)
L demo "$ROOT/data/stockholm" >/dev/null 2>&1
expect_eq "the load ends beside a snapshot that outlasts the wait" "$?" 0
took=$(( $(date +%s) - start ))
check "... within the wait's 5 s and the load's own time" test "$took" -lt 60
check "... having waited for it (the load took ${took} s)" test "$took" -ge 5
expect_eq "... and its map is left to autovacuum" "$(visible outcome | cut -d' ' -f2)" 0
finish
