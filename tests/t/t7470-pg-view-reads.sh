#!/bin/sh
# t7470: what the main views read on PostgreSQL (issue 14), from PostgreSQL's own counters of
# the reads of each table (pg_stat_user_tables), which a server process reports at the latest
# when its connection ends. The city page (uncached) finds the years of each indicator's
# district figures with an index probe per indicator and year (WEB_CITY_INDICATORS): it reads
# no table of figures (outcome) in full; before, the planner joined every district figure
# (18,000 in the demo), sorted them, and matched them against the indicators, at each request.
# Meant for the PostgreSQL run (LUP_PG: the cluster's socket directory); skipped without it.
. "$(dirname "$0")/lib.sh"
pg_only t7470
SERVER=
cleanup() {
	[ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; }
	lib_cleanup
}
trap cleanup EXIT

L init >/dev/null 2>&1 && L demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "init and demo"; finish; }
rows=$(q "SELECT count(*) FROM outcome")
[ "${rows:-0}" -gt 1000 ] && ok "the demo has $rows figures" || { nok "the demo's figures (${rows:-none})"; finish; }

# reads TABLE: "sequential scans, rows they read, index scans" of TABLE so far
reads() { q "SELECT seq_scan, seq_tup_read, idx_scan FROM pg_stat_user_tables WHERE relname = '$1'"; }
# settled TABLE: reads TABLE once two looks 0.2 s apart agree (bounded: 5 s), in $R
settled() {
	R=$(reads "$1")
	for i in $(seq 25); do
		sleep 0.2
		n=$(reads "$1")
		[ "$n" = "$R" ] && return 0
		R=$n
	done
}

settled outcome
before=$R
rm -f "$TMP/port"
"$LUP" --db "$P" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --quiet --threads 1 --no-cache 2>"$TMP/server.log" &
SERVER=$!
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
[ -s "$TMP/port" ] || { nok "lup serve starts"; finish; }
BASE="http://127.0.0.1:$(cat "$TMP/port")"
for i in 1 2 3; do
	expect_eq "the city page ($i)" "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/")" 200
done
# the server's connection ends: its process reports its reads (at its exit, which a loaded
# machine may delay: bounded wait, 30 s)
kill "$SERVER"; wait "$SERVER" 2>/dev/null; SERVER=
for i in $(seq 300); do [ "$(reads outcome)" != "$before" ] && break; sleep 0.1; done
settled outcome
after=$R
echo "# outcome (sequential scans, rows read by them, index scans): before $before, after $after"
seq_rows=$(( $(echo "$after" | cut -d'|' -f2) - $(echo "$before" | cut -d'|' -f2) ))
idx=$(( $(echo "$after" | cut -d'|' -f3) - $(echo "$before" | cut -d'|' -f3) ))
[ "$idx" -gt 0 ] && ok "the city page reads the figures through an index ($idx index scans)" ||
	nok "the city page reads the figures through an index (no index scan counted)"
[ "$seq_rows" -lt "$rows" ] && ok "three city pages read no figures in full ($seq_rows rows scanned)" ||
	nok "three city pages read $seq_rows figures in full (the demo has $rows)"
finish
