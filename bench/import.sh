#!/bin/sh
# bench/import.sh: the import benchmark of issue 3 ("performance"): the rate at which
# `lup import kolada` and `lup import csv` write a file of 1,008,000 values (bench/gen-kolada.sh),
# against the raw rate of SQLite prepared inserts of the same rows into the same outcome table
# on this machine in the same run (bench/raw-insert.c). The aim is a ratio of at least 0.7.
#   kolada: one Kolada data response of 84 MB (20 KPIs x 400 municipalities x 42 years x T/K/M)
#   csv:    the same values as CSV (33 MB, ';' and decimal comma)
#   raw:    the same rows through one prepared INSERT in one transaction (no parsing, no
#           lookups, no upsert)
# Each database starts as a copy of one prepared with `lup init`, `lup demo` and the KPI and
# municipality metadata, so only the values are timed (whole process: start, parse, write,
# commit); the three are interleaved run by run. Prints the median of RUNS (default 3) and the
# peak memory of one kolada import.
set -eu
cd "$(dirname "$0")/.."
LUP=${LUP:-build/lup}
RUNS=${RUNS:-3}
CC=${CC:-cc}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
YEAR0=1980 YEARS=42

ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# shellcheck disable=SC2046
$CC -O2 -o "$T/raw-insert" bench/raw-insert.c $(pkg-config --cflags --libs sqlite3)
sh bench/gen-kolada.sh "$T" 20 400 "$YEARS"
values=$(grep -c '' "$T/data.csv")
values=$((values - 1))

"$LUP" --db "$T/base.db" init >/dev/null
"$LUP" --db "$T/base.db" demo >/dev/null
"$LUP" --db "$T/base.db" import kolada "$T/muni.json" "$T/kpi.json" >/dev/null

fresh() { rm -f "$T/run.db" "$T/run.db-wal" "$T/run.db-shm"; cp "$T/base.db" "$T/run.db"; }

# one_import KIND FILE: wall time in ms of importing FILE into a fresh copy
one_import() {
	fresh
	s=$(ns)
	"$LUP" --db "$T/run.db" import "$1" "$2" >/dev/null 2>&1 || { echo "import $1 failed" >&2; exit 1; }
	e=$(ns)
	echo $(( (e - s) / 1000000 ))
}

one_raw() {
	fresh
	"$T/raw-insert" "$T/run.db" "$YEAR0" "$YEARS" | awk '{printf "%d\n", $2 * 1000}'
}

# the three are interleaved, so that a load that comes and goes on the shared machine touches
# them alike
for i in $(seq "$RUNS"); do
	one_import kolada "$T/data.json" >> "$T/kolada.ms"
	one_import csv "$T/data.csv" >> "$T/csv.ms"
	one_raw >> "$T/raw.ms"
done
kolada_ms=$(median < "$T/kolada.ms")
csv_ms=$(median < "$T/csv.ms")
raw_ms=$(median < "$T/raw.ms")
fresh
rss="?"
if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' -o "$T/rss" "$LUP" --db "$T/run.db" import kolada "$T/data.json" >/dev/null 2>&1; then
	rss=$(tail -1 "$T/rss")
fi

rate() { echo "$values $1" | awk '{printf "%.0f", $1 / ($2 / 1000)}'; }
raw_rate=$(rate "$raw_ms")
printf '%-36s %10s %8s %10s %8s\n' benchmark values ms values/s "vs raw"
for b in "kolada import (JSON, 84 MB):$kolada_ms" "csv import (33 MB):$csv_ms" "raw SQLite prepared insert:$raw_ms"; do
	name=${b%:*} ms=${b##*:}
	r=$(rate "$ms")
	printf '%-36s %10s %8s %10s %8.2f\n' "$name" "$values" "$ms" "$r" "$(echo "$r $raw_rate" | awk '{print $1 / $2}')"
done
echo "peak memory of the kolada import: $rss KB (a streaming parse: the same for any file size)"
