#!/bin/sh
# bench/instr.sh [ROUTE...]: instructions per request of each ROUTE (default: the main views),
# uncached, on the Stockholm dataset with the commission's responses, under valgrind's callgrind:
# the instructions of `lup serve`'s request handler (on_request) over 11 requests less those
# over 1, divided by 10 (the first request prepares the statements and opens the database).
# Deterministic on a busy machine, unlike times: the measure the sessions compare their changes
# by (docs/speed.md). Kernel time is not counted; `rep stos`/`rep movs` count per byte.
# LUP=PATH chooses the binary, DB=PATH a database (else a new demo database). Needs valgrind.
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
command -v valgrind >/dev/null || { echo "bench/instr.sh: valgrind is not installed" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if [ -z "${DB:-}" ]; then
	DB=$T/i.db
	"$LUP" --db "$DB" demo >/dev/null
	for f in ../shared/seeds/002_*.txt; do [ -f "$f" ] && "$LUP" --db "$DB" import commission "$f" >/dev/null; done
fi
[ $# -gt 0 ] || set -- /healthz / /stadsdel/spanga-tensta "/organisation/spanga-tensta-stadsdelsnamnd?ar=2022" \
	/organisationer /kommissionen "/sok?q=f%C3%B6rskola" /api/v1/districts/spanga-tensta \
	"/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022"

# ir N ROUTE: the handler's instructions over N requests of ROUTE
ir() {
	rm -f "$T/cg.out" "$T/port"
	valgrind --tool=callgrind --callgrind-out-file="$T/cg.out" --collect-atstart=no --toggle-collect=on_request \
		"$LUP" --db "$DB" serve --no-cache --quiet --listen 127.0.0.1:0 --port-file "$T/port" --threads 1 \
		>/dev/null 2>&1 &
	pid=$!
	for i in $(seq 300); do [ -s "$T/port" ] && break; sleep 0.1; done
	[ -s "$T/port" ] || { kill $pid 2>/dev/null; echo "bench/instr.sh: the server did not start" >&2; exit 1; }
	for i in $(seq "$1"); do curl -s -o /dev/null "http://127.0.0.1:$(cat "$T/port")$2"; done
	kill $pid; wait $pid 2>/dev/null || :
	awk '/^summary:/ {print $2}' "$T/cg.out"
}
printf '%-72s %14s\n' route instructions
for r in "$@"; do
	a=$(ir 1 "$r"); b=$(ir 11 "$r")
	printf '%-72s %14d\n' "$r" $(( (b - a) / 10 ))
done
