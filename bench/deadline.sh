#!/bin/sh
# bench/deadline.sh: issue 15's "deadline day": WRITERS (default 8) editors write outcomes and
# assessments continuously through the API with their tokens, each for one of ORGS (default 4)
# district committees (each gets a nämndmål under a KF goal, an indicator and a draft report of
# 2022-T2 first), RATE writes a second each (default 5; 0: as fast as the server answers),
# while readers (wrk -t2 -c32, DURATION seconds, default 10) read the city page, two district
# pages and organisation pages (those written to and others), cycling through them. Prints the
# readers' throughput without writers and with them, the writes done a second with their answer
# times (median, 99th percentile, in ms, from curl's time_total) and the answers that were not
# 200/201, and the aim: with writers
# at least 0.5 of without, "met" or "NOT met"; and, from the answers' X-Lup-Cache, the readers'
# cache misses per write (a count that does not depend on the machine's load as throughput
# does). A control run has the same writers write to a second server (on a copy of the database)
# while the readers read the first: the drop that is the writers' share of the machine (their
# curl processes and the second server, on the same cores), not the first server's. The machine
# is shared: compare the ratios, not the figures. The readers are anonymous: the writers'
# assessments (draft reports) and outcomes (unpublished figures) are not theirs to see, so they
# keep their cached views (docs/api.md "Caching").
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
DURATION=${DURATION:-10}
WRITERS=${WRITERS:-8}
ORGS=${ORGS:-4}
T=$(mktemp -d)
SERVER= SERVER2= WPIDS=
trap 'kill $WPIDS $SERVER $SERVER2 2>/dev/null; wait $SERVER $SERVER2 2>/dev/null; rm -rf "$T"' EXIT
L() { "$LUP" --db "$T/d.db" "$@"; }

L demo >/dev/null
printf 'adminpassword1\n' | L user add admin --role admin >/dev/null
ADMIN=$(L token create admin 2>/dev/null)
# start DB PORTFILE: a server of DB (its pid in $!)
start() {
	rm -f "$2"
	"$LUP" --db "$1" serve --listen 127.0.0.1:0 --port-file "$2" --quiet --threads "${THREADS:-2}" 2>/dev/null &
	for i in $(seq 100); do [ -s "$2" ] && break; sleep 0.1; done
}
start "$T/d.db" "$T/port"
SERVER=$!
BASE="http://127.0.0.1:$(cat "$T/port")"

# post METHOD PATH BODY TOKEN: a JSON write to $WBASE (default $BASE); prints the answer
post() { curl -s -X "$1" -H "Authorization: Bearer $4" -H 'Content-Type: application/json' --data-binary "$3" "${WBASE:-$BASE}$2"; }

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
# the control: a second server on a copy, which the writers write to while the readers read the
# first: what the writers' own processes take of the machine
sqlite3 "$T/d.db" ".backup '$T/e.db'"
start "$T/e.db" "$T/port2"
SERVER2=$!
BASE2="http://127.0.0.1:$(cat "$T/port2")"

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

# writer W BASE: alternates an outcome and an assessment for organisation (W-1) % n + 1 through
# the server at BASE, RATE writes a second (default 5; 0: as fast as it answers), one curl
# process per BATCH writes on one kept-alive connection (so that the writers' own processes
# take little of the machine)
writer() {
	k=$(( ($1 - 1) % n + 1 )) i=0
	tok=$(cat "$T/tok$k") ind=$(cat "$T/ind$k") goal=$(cat "$T/goal$k") rep=$(cat "$T/rep$k")
	area=$(curl -s "$BASE/api/v1/districts?limit=100" | jq -r --arg o "$(echo "$ORG_KEYS" | sed -n "${k}p")" \
		'.items[] | select(.committee == $o) | .key')
	cfg="$T/w$1.cfg"
	while :; do
		: > "$cfg"
		for b in $(seq $(( ${BATCH:-100} / 2 ))); do
			i=$((i + 1))
			cat >> "$cfg" <<CFG
url = "$2/api/v1/outcomes"
request = "POST"
header = "Authorization: Bearer $tok"
header = "Content-Type: application/json"
data-binary = "{\\"indicator\\":\\"$ind\\",\\"period\\":\\"2022-T2\\",\\"area\\":\\"$area\\",\\"value\\":$(( (i * 7 + $1) % 100 )).$1}"
output = "/dev/null"
write-out = "%{stderr}%{http_code} %{time_total}\\n"
next
url = "$2/api/v1/reports/$rep/assessments/$goal"
request = "PUT"
header = "Authorization: Bearer $tok"
header = "Content-Type: application/json"
data-binary = "{\\"assessment\\":\\"none\\",\\"analysis\\":\\"Underlag saknas, skrivning $i av $1.\\"}"
output = "/dev/null"
write-out = "%{stderr}%{http_code} %{time_total}\\n"
next
CFG
		done
		sed -i '$d' "$cfg"	# no "next" after the last
		if [ "${RATE:-5}" = 0 ]; then curl -s -K "$cfg"; else curl -s --rate "${RATE:-5}/s" -K "$cfg"; fi 2>> "$T/lat$1"
	done
}

writes() { sqlite3 "$1" "SELECT count(*) FROM audit"; }
# writers BASE: starts the writers (their pids in WPIDS); stop: stops them
# (each writer's answers, "status seconds" a line, go to $T/latW, emptied once they all run)
writers() {
	for w in $(seq "$WRITERS"); do writer "$w" "$1" & WPIDS="$WPIDS $!"; done
	sleep 1
	for w in $(seq "$WRITERS"); do : > "$T/lat$w"; done
}
# latency: the writes answered since the writers started: their median and 99th percentile in
# ms, and how many were not 200 or 201 ("p50 p99 failed")
latency() {
	cat "$T"/lat* | awk '$1 != 200 && $1 != 201 { f++ } { print $2 * 1000 } END { print "failed", f + 0 > "/dev/stderr" }' \
		2>"$T/failed" | sort -n | awk '{ v[NR] = $1 } END { if (!NR) { print "- -"; exit }
		i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f %.1f", v[int((NR + 1) / 2)], v[i] }'
	echo " $(cut -d' ' -f2 "$T/failed")"
}
stop() { kill $WPIDS 2>/dev/null; wait $WPIDS 2>/dev/null || true; WPIDS=; }

read_rps >/dev/null	# warm the server and the cache
set -- $(read_rps)
quiet=$1 quiet_miss=$3
writers "$BASE2"
c1=$(writes "$T/e.db")
set -- $(read_rps)
ctl=$1 ctl_miss=$3
c2=$(writes "$T/e.db")
ctl_lat=$(latency)
stop
writers "$BASE"
w1=$(writes "$T/d.db")
set -- $(read_rps)
busy=$1 busy_hit=$2 busy_miss=$3
w2=$(writes "$T/d.db")
busy_lat=$(latency)
stop
echo "deadline day: $WRITERS writers (outcomes and assessments, $n organisations) while readers read the city, district and organisation pages (wrk -t2 -c32, ${DURATION}s):"
F='%-58s %10s %14s %8s %9s %9s %6s\n'
printf "$F" "readers" "req/s" "cache misses" "writes/s" "write p50" "p99 (ms)" failed
printf "$F" "without writers" "$quiet" "$quiet_miss" 0 - - -
# shellcheck disable=SC2086
printf "$F" "with the writers writing to another server (control)" "$ctl" "$ctl_miss" \
	"$(echo "$((c2 - c1)) $DURATION" | awk '{printf "%.0f", $1 / $2}')" $ctl_lat
# shellcheck disable=SC2086
printf "$F" "with writers" "$busy" "$busy_miss" \
	"$(echo "$((w2 - w1)) $DURATION" | awk '{printf "%.0f", $1 / $2}')" $busy_lat
echo "cache misses per write: $(echo "$busy_miss $((w2 - w1))" | awk '{ printf "%.2f", ($2 > 0) ? $1 / $2 : 0 }')" \
	"($busy_hit hits, $busy_miss misses, $((w2 - w1)) writes)"
echo "$busy $ctl" | awk '{ printf "with writers / control: %.2f (the server'"'"'s own share of the drop)\n", $1 / $2 }'
echo "$busy $quiet" | awk '{ r = $1 / $2; printf "reader throughput with writers / without: %.2f, aim >= 0.5: %s\n", r, (r >= 0.5) ? "met" : "NOT met" }'
