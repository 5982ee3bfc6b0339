#!/bin/sh
# bench/run.sh: lup's benchmarks, each reported as a ratio to a reference measured in the same
# run (the machine is shared and noisy: compare ratios, not times).
#   load:  `lup demo` of the Stockholm dataset into an empty database, against the sqlite3
#          shell executing a dump of the same final database (the raw cost of the rows)
#   docs:  the documents and exports against the JSON of the same plan (bench/docs.sh)
#   list:  `lup list districts --json` (open, query, JSON), against the sqlite3 shell running
#          the district query (process start and open)
# Prints the median of RUNS (default 7) for each and the ratio lup/reference.
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
RUNS=${RUNS:-7}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_it NAME PREP CMD: runs PREP (untimed) then CMD, RUNS times; prints the median in ms
time_it() {
	prep=$2 cmd=$3
	for i in $(seq "$RUNS"); do
		sh -c "$prep" >/dev/null 2>&1
		s=$(ns); sh -c "$cmd" >/dev/null 2>&1; e=$(ns)
		echo $(( (e - s) / 1000 ))
	done | median | awk '{printf "%.2f\n", $1 / 1000}'
}

"$LUP" --db "$T/ref.db" demo >/dev/null
sqlite3 "$T/ref.db" .dump > "$T/dump.sql"

load=$(time_it load "rm -f $T/a.db*; $LUP --db $T/a.db init" "$LUP --db $T/a.db demo")
load_ref=$(time_it load_ref "rm -f $T/b.db*" "sqlite3 $T/b.db < $T/dump.sql")
list=$(time_it list ":" "$LUP --db $T/ref.db list districts --json")
list_ref=$(time_it list_ref ":" "sqlite3 $T/ref.db 'SELECT id, key, name FROM area WHERE level = \"district\"'")

printf '%-34s %10s %14s %8s\n' benchmark "lup ms" "reference ms" ratio
printf '%-34s %10s %14s %8.2f\n' "load Stockholm dataset" "$load" "$load_ref" "$(echo "$load $load_ref" | awk '{print $1 / $2}')"
printf '%-34s %10s %14s %8.2f\n' "list districts --json" "$list" "$list_ref" "$(echo "$list $list_ref" | awk '{print $1 / $2}')"
LUP="$LUP" sh bench/import.sh
LUP="$LUP" RUNS="$RUNS" sh bench/docs.sh

echo
sh bench/http.sh

echo
LUP="$LUP" sh bench/deadline.sh

echo
if [ "${PG_BENCH:-1}" = 1 ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	LUP="$LUP" sh bench/pg.sh
fi
