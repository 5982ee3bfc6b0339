#!/bin/sh
# bench/http.sh: the API's main read views and the main web pages against the trivial /healthz
# route, measured with wrk
# in the same run on the Stockholm dataset (wrk -t2 -c64; DURATION seconds each, default 5).
# Prints requests/s, p50 and p99 per route and each route's throughput ratio to /healthz, and
# issue 15's aims, each with its figure and "met" or "NOT met" (ratios to /healthz in the same
# run): uncached, a view's server time with one client at most 4x /healthz's; throughput at 64
# connections at least 0.15 of /healthz for a page, 0.3 for an API view; the organisation
# page of a plan 10x Spånga-Tensta's (bench/gen-plan.sh) at most 12x the time of the plan's.
# Then every other page and API view's server time (the sweep); HTTP_ONLY=sweep runs only that.
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
DURATION=${DURATION:-5}
T=$(mktemp -d)
"$LUP" --db "$T/b.db" demo >/dev/null
# the commission's responses (seed 002) for /kommissionen, when the seeds are beside the project
for f in ../shared/seeds/002_*.txt; do [ -f "$f" ] && "$LUP" --db "$T/b.db" import commission "$f" >/dev/null; done
# an approved follow-up report (Spånga-Tensta's 2022 T1) for the report views
printf 'benchpassword1\n' | "$LUP" --db "$T/b.db" user add bench --role admin >/dev/null 2>&1
"$LUP" --db "$T/b.db" report create spanga-tensta-stadsdelsnamnd 2022-T1 --as bench >/dev/null 2>&1
for g in $(sqlite3 "$T/b.db" "SELECT g.key FROM goal g JOIN organisation o ON o.id = g.owner_id
	WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.level IN ('namndmal', 'lup') AND g.year = 2022"); do
	"$LUP" --db "$T/b.db" report assess 1 "$g" partly --analysis "Exempel: delvis uppfyllt." --as bench >/dev/null 2>&1
done
"$LUP" --db "$T/b.db" report submit 1 --as bench >/dev/null 2>&1 && "$LUP" --db "$T/b.db" report approve 1 --as bench >/dev/null 2>&1 ||
	echo "bench/http.sh: could not make the example report; its views answer 404" >&2
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

stime() { # stime PATH: median ms
	for i in $(seq "$RUNS"); do
		curl -s -o /dev/null -w '%{time_pretransfer} %{time_total}\n' "$BASE$1"
	done | awk '{print ($2 - $1) * 1000}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int((NR+1)/2)]}'
}
spair() { # spair PATH: "page_ms healthz_ms", medians of RUNS of each, measured in alternation
	for i in $(seq "$RUNS"); do
		curl -s -o /dev/null -w 'p %{time_pretransfer} %{time_total}\n' "$BASE$1"
		curl -s -o /dev/null -w 'h %{time_pretransfer} %{time_total}\n' "$BASE/healthz"
	done | awk '{print $1, ($3 - $2) * 1000}' | sort -k1,1 -k2,2n | awk '
		{ v[$1, ++n[$1]] = $2 }
		END { printf "%.2f %.2f\n", v["p", int((n["p"] + 1) / 2)], v["h", int((n["h"] + 1) / 2)] }'
}

if [ "${HTTP_ONLY:-all}" = sweep ]; then start --no-cache; else
for mode in cached --no-cache; do
if [ "$mode" = cached ]; then start; echo "views as served (public views cached until the next write):"; else
	start --no-cache; echo; echo "every view from the database (--no-cache):"; fi
printf '%-58s %10s %8s %8s %7s  %s\n' route "req/s" "p50 ms" "p99 ms" ratio "aim (--no-cache: 64 connections)"
ref=$(run /healthz)
ref_rps=${ref%% *}
for path in /healthz /api/v1/districts /api/v1/districts/spanga-tensta \
	"/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022" \
	/api/v1/goals/vp-2022-spanga-tensta-nm-03 \
	"/api/v1/indicators/vp-2022-spanga-tensta-i-001/comparison?year=2022" \
	/ /stadsdel/spanga-tensta "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022" /kommissionen; do
	if [ "$path" = /healthz ]; then m=$ref; else m=$(run "$path"); fi
	set -- $m
	ratio=$(echo "$1 $ref_rps" | awk '{print $1 / $2}')
	aim=
	if [ "$mode" = --no-cache ] && [ "$path" != /healthz ]; then
		# issue 15's aims: at least 0.3 of /healthz for an API view, 0.15 for a page
		case $path in /api/*) want=0.3 ;; *) want=0.15 ;; esac
		aim="throughput >= $want of /healthz: $(echo "$ratio $want" | awk '{print ($1 >= $2) ? "met" : "NOT met"}')"
	fi
	printf '%-58s %10s %8s %8s %7.2f  %s\n' "$path" "$1" "$2" "$3" "$ratio" "$aim"
done
done

# Server time per page, every page from the database (--no-cache): one client, sequential
# requests, curl's time from request sent to first byte plus the transfer (time_total -
# time_pretransfer). Each page is measured in alternation with /healthz, RUNS (default 21) of
# each, and its ratio is the median of its times over the median of those /healthz times: the
# machine's state (other load, idle cores' wake-up) drifts over a run and changes /healthz's
# time by half, so the reference is taken beside each page. The district page is that of the
# largest district (the one whose page is the largest); the aim is under 10 ms.
echo
echo "server time per page, one client, every page from the database (--no-cache):"
RUNS=${RUNS:-21}
largest= lbytes=0
for d in $(curl -s "$BASE/api/v1/districts?limit=100" | jq -r '.items[].key'); do
	n=$(curl -s "$BASE/stadsdel/$d" | wc -c)
	[ "$n" -gt "$lbytes" ] && { largest=$d; lbytes=$n; }
done
printf '%-58s %10s %8s %8s %7s  %s\n' "page or view" "bytes" "ms" "/healthz" ratio "aim (issue 15)"
for path in / "/stadsdel/$largest" "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022" \
	/organisationer /kommissionen "/sok?q=f%C3%B6rskola" /api/v1/districts/spanga-tensta \
	"/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022"; do
	set -- $(spair "$path")
	ratio=$(echo "$1 $2" | awk '{print $1 / $2}')
	aim="server time <= 4x /healthz's: $(echo "$ratio" | awk '{print ($1 <= 4) ? "met" : "NOT met"}')"
	printf '%-58s %10s %8s %8s %7.1f  %s\n' "$path" "$(curl -s "$BASE$path" | wc -c)" "$1" "$2" "$ratio" "$aim"
	[ "$path" = "/stadsdel/$largest" ] && dist=$1
done
echo "the largest district's page ($largest, $lbytes bytes): $dist ms, $(echo "$dist" | awk '{print ($1 < 10) ? "under" : "NOT under"}') the 10 ms aim"
fi


# Every other view: issue 15's server-time aim holds for every page and API view, not only the
# main ones above. Each GET route the server has (the API's from /api/openapi.json, the pages'
# listed here) is requested with example arguments of the demo data, SWEEP_RUNS (default 9)
# times in alternation with /healthz, as above; a line per view with its status, bytes and ratio,
# then how many met the aim. Routes of the OpenAPI document no example below covers are named
# (a new route must be added here). Views that need a login are asked anonymously (their 401 is
# what is measured) and the file downloads (documents converted by LibreOffice) are left out.
echo
echo "every other view, one client, --no-cache (server time <= 4x /healthz's):"
SR=${SWEEP_RUNS:-15}
first() { curl -s "$BASE$1" | jq -r "$2" 2>/dev/null | head -1; }
THEME=$(first /api/v1/plans/lup-spanga-tensta/versions/1/themes '.themes[0].id')
MEAS=$(first /api/v1/plans/lup-spanga-tensta/versions/1/measures '.measures[0].id')
PER=$(first "/api/v1/periods?limit=1" '.items[0].id')
ACT=$(first "/api/v1/activities?limit=1" '.items[0].id')
RESP=$(first "/api/v1/responses?limit=1" '.items[0].id')
OUT=$(first "/api/v1/outcomes?limit=1" '.items[0].id')
ALLOC=$(first "/api/v1/allocations?limit=1" '.items[0].id')
REC=$(first "/api/v1/recommendations?limit=1" '.items[0].id')
V=/api/v1/plans/lup-spanga-tensta/versions/1
SWEEP="/stadsdelar /stadsdelar/samverkan /arshjul /att-gora /importera /kommissionen/forvaltning/socialforvaltningen
/kommissionen/svar/$RESP /uppfoljning /uppfoljning/1 /uppfoljning/atagande /resurser /organisation/socialforvaltningen
/organisation/kommunstyrelsen /plan/lup-spanga-tensta/jamfor /stadsdel/spanga-tensta?version=utkast
/organisation/spanga-tensta-stadsdelsnamnd/arshjul.ics /sok?q=trygghet /logga-in
/api /api/openapi.json /api/v1/me /api/v1/users /api/v1/tokens /api/v1/audit
/api/v1/goals /api/v1/goals/vp-2022-spanga-tensta-nm-03 /api/v1/indicators /api/v1/indicators/vp-2022-spanga-tensta-i-001
/api/v1/indicators/vp-2022-spanga-tensta-i-001/target-aid?year=2023 /api/v1/indicators/vp-2022-spanga-tensta-i-001/comparison?year=2022
/api/v1/outcomes /api/v1/outcomes?year=2022&area=spanga-tensta /api/v1/outcomes/$OUT
/api/v1/activities /api/v1/activities/$ACT /api/v1/reports /api/v1/reports/1 /api/v1/reports/1/activities
/api/v1/settings/committee_decision /api/v1/plans /api/v1/plans/lup-spanga-tensta /api/v1/plans/lup-spanga-tensta/versions
$V $V/themes $V/themes/$THEME $V/goals $V/areas $V/sections
$V/sections/1 $V/measures $V/measures/$MEAS $V/partners /api/v1/plans/lup-spanga-tensta/diff?from=1&to=1
/api/v1/organisations/spanga-tensta-stadsdelsnamnd/indicator-values?year=2022 /api/v1/deadlines
/api/v1/organisations/spanga-tensta-stadsdelsnamnd/deadlines /api/v1/organisations/spanga-tensta-stadsdelsnamnd/deadlines.ics
/api/v1/districts/spanga-tensta/contributions /api/v1/periods/2022/locks /api/v1/views/todo /api/v1/allocations
/api/v1/allocations/$ALLOC /api/v1/views/resources-need /api/v1/views/resources-need/indicators
/api/v1/views/districts-themes /api/v1/views/organisations-districts /api/v1/views/commitments?year=2022&period=T1
/api/v1/views/commission /api/v1/organisations /api/v1/organisations/spanga-tensta-stadsdelsnamnd /api/v1/districts
/api/v1/themes /api/v1/themes/$THEME /api/v1/measures /api/v1/measures/$MEAS /api/v1/areas /api/v1/areas/tensta
/api/v1/periods /api/v1/periods/$PER /api/v1/responses /api/v1/responses/$RESP /api/v1/recommendations
/api/v1/recommendations/$REC"
printf '%-72s %6s %8s %7s  %s\n' "view" status bytes ratio "aim"
met=0 all=0
RUNS_MAIN=${RUNS:-21}
for path in $SWEEP; do
	RUNS=$SR
	set -- $(spair "$path")
	ratio=$(echo "$1 $2" | awk '{print $1 / $2}')
	ok=$(echo "$ratio" | awk '{print ($1 <= 4) ? "met" : "NOT met"}')
	all=$((all + 1)); [ "$ok" = met ] && met=$((met + 1))
	st=$(curl -s -o "$T/sweep.out" -w '%{http_code}' "$BASE$path")
	printf '%-72s %6s %8s %7.1f  %s\n' "$path" "$st" "$(wc -c <"$T/sweep.out")" "$ratio" "$ok"
done
RUNS=$RUNS_MAIN
echo "every other view: $met of $all met the server-time aim"
# the OpenAPI document's GET routes that no view above covers
curl -s "$BASE/api/openapi.json" | jq -r '.paths | to_entries[] | select(.value.get) | .key' | while read -r rt; do
	re="^$(printf '%s' "$rt" | sed 's/{[^}]*}/[^\/?]*/g')(\\?.*)?\$"
	covered=0
	for path in /healthz /api/v1/districts/spanga-tensta "/api/v1/organisations/x/goal-chain" $SWEEP; do
		printf '%s\n' "$path" | grep -Eq "$re" && { covered=1; break; }
	done
	[ $covered = 1 ] || echo "not measured: GET $rt"
done
[ "${HTTP_ONLY:-all}" = sweep ] && exit 0

# Growth: the organisation page of a plan 10 times Spånga-Tensta's (bench/gen-plan.sh copies its
# nämndmål, indicators, outcomes and activities of 2022) against the page of the plan itself,
# server time one client as above, both measured in this run; the aim: at most 12 times.
cp "$T/b.db" "$T/x10.db"

sh bench/gen-plan.sh "$T/x10.db" 10
ORGP="/organisation/spanga-tensta-stadsdelsnamnd?ar=2022"
one=$(stime "$ORGP")
one_b=$(curl -s "$BASE$ORGP" | wc -c)
DBX=$T/x10.db
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
rm -f "$T/port"
"$LUP" --db "$DBX" serve --listen 127.0.0.1:0 --port-file "$T/port" --quiet --threads 2 --no-cache 2>/dev/null &
SERVER=$!
for i in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$T/port")"
ten=$(stime "$ORGP")
echo
echo "growth: the organisation page of a plan 10x Spånga-Tensta's ($(curl -s "$BASE$ORGP" | wc -c) bytes against $one_b):"
echo "$one $ten" | awk '{ g = $2 / $1; printf "%.2f ms -> %.2f ms: %.1fx, aim <= 12x: %s\n", $1, $2, g, (g <= 12) ? "met" : "NOT met" }'
