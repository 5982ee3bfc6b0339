#!/bin/sh
# bench/deadline.sh: issue 15's "deadline day": WRITERS (default 8) editors write outcomes and
# assessments continuously through the API with their tokens, each for one of ORGS (default 4)
# district committees (each gets a nämndmål under a KF goal, an indicator and a draft report of
# 2022-T2 first), while readers (wrk -t2 -c32, DURATION seconds, default 10) read the city page,
# two district pages and organisation pages (those written to and others), cycling through
# them. Prints the readers' throughput without writers and with them, the writes done, and the
# aim: with writers at least 0.5 of without, "met" or "NOT met"; and, from the answers'
# X-Lup-Cache, the readers' cache misses per write (a count that does not depend on the machine's
# load as throughput does). Each writer sends one write at a time with PAUSE seconds (default
# 0.05) between writes. The machine is shared: compare the ratio, not the figures. The readers
# are anonymous: the writers' assessments (draft reports) and outcomes (unpublished figures)
# are not theirs to see, so they keep their cached views (docs/api.md "Caching").
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
DURATION=${DURATION:-10}
WRITERS=${WRITERS:-8}
ORGS=${ORGS:-4}
PAUSE=${PAUSE:-0.05}
T=$(mktemp -d)
SERVER= WPIDS=
trap 'kill $WPIDS $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$T"' EXIT
L() { "$LUP" --db "$T/d.db" "$@"; }

L demo >/dev/null
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
ADMIN=$(L token create admin 2>/dev/null)
rm -f "$T/port"
"$LUP" --db "$T/d.db" serve --listen 127.0.0.1:0 --port-file "$T/port"  --quiet --threads "${THREADS:-2}" 2>/dev/null &
SERVER=$!
for i in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$T/port")"

# post METHOD PATH BODY TOKEN: a JSON write; prints the answer
post() { curl -s -X "$1" -H "Authorization: Bearer $4" -H 'Content-Type: application/json' --data-binary "$3" "$BASE$2"; }

# the organisations written to: district committees, each with a goal, an indicator, a report
ORG_KEYS=$(curl -s "$BASE/api/v1/districts?limit=100" | jq -r '.items[].committee // empty' | head -n "$ORGS")
n=0
for o in $ORG_KEYS; do
	n=$((n + 1))
	printf 'editorpassword1\n' | L user add "ed$n" --role editor --org "$o" >/dev/null
	L token create "ed$n" > "$T/tok$n" 2>/dev/null
	post POST /api/v1/goals '{"level":"namndmal","name":"Deadlinemål '$n'","year":2022,"owner":"'$o'","parent":"kf-2022-1-1"}' \
		"$ADMIN" | jq -r .key > "$T/goal$n"
	post POST /api/v1/indicators '{"goal":"'"$(cat "$T/goal$n")"'","name":"Deadlineindikator '$n'","unit":"%","direction":"higher","periodicity":"tertial"}' \
		"$ADMIN" | jq -r .key > "$T/ind$n"
	post POST /api/v1/reports '{"org":"'$o'","period":"2022-T2"}' "$(cat "$T/tok$n")" | jq -r .id > "$T/rep$n"
	[ "$(cat "$T/ind$n")" != null ] && [ "$(cat "$T/rep$n")" != null ] || { echo "deadline: setting up $o failed" >&2; exit 1; }
done
[ "$n" -gt 0 ] || { echo "deadline: no district committees" >&2; exit 1; }

# the readers' paths (wrk cycles through them)
{
	echo 'paths = {"/", "/stadsdel/spanga-tensta", "/stadsdel/rinkeby-kista",'
	echo '"/organisation/kommunfullmaktige?ar=2022", "/organisation/stadsledningskontoret?ar=2022",'
	for o in $ORG_KEYS; do echo "\"/organisation/$o?ar=2022\","; done
	echo '"/organisation/spanga-tensta-stadsdelsnamnd?ar=2022"}'
	cat <<'LUA'
i = 0
request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
-- X-Lup-Cache of each answer, summed over the threads at the end
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) hits = 0; misses = 0 end
function response(status, headers, body)
	if headers["X-Lup-Cache"] == "hit" then hits = hits + 1 else misses = misses + 1 end
end
function done(summary, latency, requests)
	local h, m = 0, 0
	for _, t in ipairs(threads) do h = h + t:get("hits"); m = m + t:get("misses") end
	io.write(string.format("cache %d %d\n", h, m))
end
LUA
} > "$T/read.lua"
# read_rps: the readers' run; prints "req/s hits misses"
read_rps() {
	wrk -t2 -c32 -d"${DURATION}s" -s "$T/read.lua" "$BASE" 2>/dev/null |
		awk '/Requests\/sec/ { r = $2 } /^cache / { h = $2; m = $3 } END { print r, h, m }'
}

# writer W: alternates an outcome and an assessment for organisation (W-1) % n + 1
writer() {
	k=$(( ($1 - 1) % n + 1 )) tok=$(cat "$T/tok$(( ($1 - 1) % n + 1 ))") i=0
	ind=$(cat "$T/ind$k") goal=$(cat "$T/goal$k") rep=$(cat "$T/rep$k")
	area=$(curl -s "$BASE/api/v1/districts?limit=100" | jq -r --arg o "$(echo "$ORG_KEYS" | sed -n "${k}p")" \
		'.items[] | select(.committee == $o) | .key')
	while :; do
		i=$((i + 1))
		post POST /api/v1/outcomes '{"indicator":"'$ind'","period":"2022-T2","area":"'$area'","value":'$(( (i * 7 + $1) % 100 ))'.'$1'}' "$tok" >/dev/null
		post PUT "/api/v1/reports/$rep/assessments/$goal" \
			'{"assessment":"none","analysis":"Underlag saknas, skrivning '$i' av '$1'."}' "$tok" >/dev/null
		sleep "$PAUSE"
	done
}

writes() { sqlite3 "$T/d.db" "SELECT count(*) FROM audit"; }

read_rps >/dev/null	# warm the server and the cache
set -- $(read_rps)
quiet=$1 quiet_miss=$3
w0=$(writes)
for w in $(seq "$WRITERS"); do writer "$w" & WPIDS="$WPIDS $!"; done
sleep 1
w1=$(writes)
set -- $(read_rps)
busy=$1 busy_hit=$2 busy_miss=$3
w2=$(writes)
kill $WPIDS 2>/dev/null; wait $WPIDS 2>/dev/null || true; WPIDS=
echo "deadline day: $WRITERS writers (outcomes and assessments, $n organisations) while readers read the city, district and organisation pages (wrk -t2 -c32, ${DURATION}s):"
printf '%-44s %10s %14s\n' "readers" "req/s" "cache misses"
printf '%-44s %10s %14s\n' "without writers" "$quiet" "$quiet_miss"
printf '%-44s %10s %14s\n' "with writers" "$busy" "$busy_miss"
echo "writes during the readers' run: $((w2 - w1)) ($(echo "$((w2 - w1)) $DURATION" | awk '{printf "%.0f", $1 / $2}')/s; $((w2 - w0)) in all);" \
	"cache misses per write: $(echo "$busy_miss $((w2 - w1))" | awk '{ printf "%.2f", ($2 > 0) ? $1 / $2 : 0 }')" \
	"($busy_hit hits)"
echo "$busy $quiet" | awk '{ r = $1 / $2; printf "reader throughput with writers / without: %.2f, aim >= 0.5: %s\n", r, (r >= 0.5) ? "met" : "NOT met" }'
