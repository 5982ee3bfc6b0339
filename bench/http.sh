#!/bin/sh
# bench/http.sh: the API's main read views and the main web pages against the trivial /healthz
# route, measured with wrk
# in the same run on the Stockholm dataset (wrk -t2 -c64; DURATION seconds each, default 5).
# Prints requests/s, p50 and p99 per route and each route's throughput ratio to /healthz.
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
DURATION=${DURATION:-5}
T=$(mktemp -d)
"$LUP" --db "$T/b.db" demo >/dev/null
SERVER=
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$T"' EXIT

start() { # start [--no-cache]: a server on a free port; sets BASE
	[ -n "$SERVER" ] && { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }
	rm -f "$T/port"
	"$LUP" --db "$T/b.db" serve --listen 127.0.0.1:0 --port-file "$T/port" --quiet --threads 2 "$@" 2>/dev/null &
	SERVER=$!
	for i in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
	BASE="http://127.0.0.1:$(cat "$T/port")"
}

run() { # run PATH: prints "req/s p50 p99" (latencies in ms)
	wrk -t2 -c64 -d"${DURATION}s" --latency "$BASE$1" 2>/dev/null | awk '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		END { printf "%s %.2f %.2f\n", rps, ms(p50), ms(p99) }'
}

for mode in cached --no-cache; do
if [ "$mode" = cached ]; then start; echo "views as served (public views cached until the next write):"; else
	start --no-cache; echo; echo "every view from the database (--no-cache):"; fi
printf '%-58s %10s %8s %8s %7s\n' route "req/s" "p50 ms" "p99 ms" ratio
ref=$(run /healthz)
ref_rps=${ref%% *}
for path in /healthz /api/v1/districts /api/v1/districts/spanga-tensta \
	"/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022" \
	/api/v1/goals/vp-2022-spanga-tensta-nm-03 \
	"/api/v1/indicators/vp-2022-spanga-tensta-i-001/comparison?year=2022" \
	/ /stadsdel/spanga-tensta "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022" /kommissionen; do
	if [ "$path" = /healthz ]; then m=$ref; else m=$(run "$path"); fi
	set -- $m
	printf '%-58s %10s %8s %8s %7.2f\n' "$path" "$1" "$2" "$3" "$(echo "$1 $ref_rps" | awk '{print $1 / $2}')"
done
done
