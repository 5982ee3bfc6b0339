#!/bin/sh
# t7220: the goal chain on PostgreSQL reads the rows it shows, not whole tables per row (issue
# 14). PostgreSQL's own counters (pg_stat_user_tables: rows read by sequential scans and fetched
# by index scans, per table) after a server with one connection answered the goal chain of
# Spånga-Tensta 2022 eight times, on the demo with its statistics taken (ANALYZE: the plans do
# not depend on when autovacuum ran). Counts, not times. Before session 8, VC_OUTCOMES read
# every outcome of the year's periods (6,300 rows for the 526 it shows) and VC_INDICATORS read
# the whole target table for each indicator twice (21,312 rows for 74 indicators). Meant for
# the PostgreSQL run (LUP_PG: the cluster's socket directory); skipped without it.
. "$(dirname "$0")/lib.sh"
pg_only t7220
SERVER=
cleanup() {
	[ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; }
	lib_cleanup
}
trap cleanup EXIT
N=8
ORG=spanga-tensta-stadsdelsnamnd
CHAIN="/api/v1/organisations/$ORG/goal-chain?year=2022"

L init >/dev/null 2>&1 && L demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "init and demo"; finish; }
q "ANALYZE" >/dev/null
# the server's statements are prepared and run under the counters from here on
q "SELECT pg_stat_reset()" >/dev/null
rm -f "$TMP/port"
"$LUP" --db "$P" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --threads 1 --no-cache --quiet 2>"$TMP/server.log" &
SERVER=$!
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
[ -s "$TMP/port" ] || { nok "lup serve starts"; finish; }
BASE="http://127.0.0.1:$(cat "$TMP/port")"
for i in $(seq $N); do curl -s -o "$TMP/chain.json" "$BASE$CHAIN"; done
kill "$SERVER"; wait "$SERVER" 2>/dev/null; SERVER=
# the server's connection reports its counters when it ends, a moment after the server
for i in $(seq 100); do
	[ "$(q "SELECT coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0) > 0 FROM pg_stat_user_tables
		WHERE relname = 'outcome'")" = t ] && break
	sleep 0.1
done
reads() { q "SELECT (seq_tup_read + coalesce(idx_tup_fetch, 0)) / $N FROM pg_stat_user_tables WHERE relname = '$1'"; }
outcomes=$(grep -o '"area":"' "$TMP/chain.json" | wc -l)
indicators=$(grep -o '"periodicity":' "$TMP/chain.json" | wc -l)
[ "$outcomes" -gt 100 ] && [ "$indicators" -gt 10 ] && ok "the chain shows $indicators indicators, $outcomes outcomes" ||
	nok "the chain shows $indicators indicators, $outcomes outcomes"
r=$(reads outcome)
[ -n "$r" ] && [ "$r" -le $((3 * outcomes)) ] && ok "outcome rows read per request: $r (at most 3 per outcome shown)" ||
	nok "outcome rows read per request: ${r:-none} for $outcomes outcomes shown"
r=$(reads target)
[ -n "$r" ] && [ "$r" -le $((6 * indicators)) ] && ok "target rows read per request: $r (at most 6 per indicator)" ||
	nok "target rows read per request: ${r:-none} for $indicators indicators"
finish
