#!/bin/sh
# run.sh SECONDS [NAME...]: `make fuzz`: runs every fuzzer build/fuzz/fuzz-NAME (or the NAMEs
# given) for SECONDS each, on its seed corpus tests/fuzz/corpus/NAME (new inputs go into
# build/fuzz/new-NAME, kept between runs), with its dictionary tests/fuzz/NAME.dict when there
# is one, and ends with a table of the figures each reached: runs, runs a second, coverage
# (libFuzzer's cov and ft) and the corpus size. With LUP_FUZZ_PG=DIR (a PostgreSQL cluster's
# socket directory, scripts/pg-cluster.sh) fuzz-http runs a second time on PostgreSQL (row
# http-pg; FUZZERS=http-pg runs only that); without it that run is skipped with a line saying so. A crash (ASan, UBSan, a failed
# check) stops the run with libFuzzer's report and the crashing input in build/fuzz/ (exit 1).
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${1:?usage: run.sh SECONDS [NAME...]}
shift
[ $# -gt 0 ] || set -- $(ls build/fuzz/ | sed -n 's/^fuzz-\([a-z0-9_-]*\)$/\1/p')
table=$(mktemp)
trap 'rm -f "$table"' EXIT
pgdir=${LUP_FUZZ_PG:-}	# the fuzzers' LUP_FUZZ_PG is an address, set below for http-pg only
unset LUP_FUZZ_PG
# fuzz NAME CORPUS: runs build/fuzz/fuzz-NAME for $secs s on its new inputs (build/fuzz/new-LABEL)
# and CORPUS, LABEL ($label, default NAME) naming its log and row of the table
fuzz() {
	n=$1 corpus=$2 l=${label:-$1}
	f=build/fuzz/fuzz-$n
	[ -x "$f" ] || { echo "run.sh: no fuzzer $f (make fuzz-build)" >&2; exit 2; }
	mkdir -p "build/fuzz/new-$l"
	dict=
	[ -f "tests/fuzz/$n.dict" ] && dict="-dict=tests/fuzz/$n.dict"
	echo "fuzzing $l for $secs s"
	log=build/fuzz/$l.log
	"$f" -max_total_time="$secs" -max_len=65536 -artifact_prefix=build/fuzz/crash-$l- $dict \
		"build/fuzz/new-$l" "$corpus" > "$log" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		tail -60 "$log"
		echo "run.sh: fuzz-$l crashed (exit $rc; its log: $log)" >&2
		exit 1
	fi
	# the last status line: "#N DONE cov: C ft: F corp: K/S ... exec/s: E"
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	runs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	eps=$(grep -o 'exec/s: [0-9]*' "$log" | tail -1 | sed 's/exec.s: //')
	printf '%-12s %10s runs %7s/s  cov %6s  ft %6s  corpus %5s  0 crashes\n' "$l" "$runs" "$eps" "$cov" "$ft" "$corp" >> "$table"
}

http=0
for n in "$@"; do
	case $n in
	http-pg) http=1; continue ;;	# only the PostgreSQL run of fuzz-http
	http) http=1 ;;
	esac
	fuzz "$n" "tests/fuzz/corpus/$n"
done

# fuzz-http once more on PostgreSQL (LUP_FUZZ_PG=DIR, the socket directory of a cluster of
# scripts/pg-cluster.sh): the demo dataset goes into the new database lup_fuzz_http of that
# cluster (dropped first, and at the end), the row is http-pg; skipped, and said so, without one
if [ "$http" = 1 ]; then
	if [ -z "$pgdir" ]; then
		echo "fuzz-http on PostgreSQL: skipped (no cluster given: make fuzz LUP_FUZZ_PG=DIR, DIR of scripts/pg-cluster.sh start DIR)" | tee -a "$table"
	else
		drop() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -h "$pgdir" -d postgres \
			-c "DROP DATABASE IF EXISTS lup_fuzz_http WITH (FORCE)" >/dev/null; }
		drop || { echo "run.sh: no PostgreSQL cluster answers in LUP_FUZZ_PG=$pgdir" >&2; exit 2; }
		trap 'drop; rm -f "$table"' EXIT
		LUP_FUZZ_PG="postgresql:///lup_fuzz_http?host=$pgdir"
		export LUP_FUZZ_PG
		label=http-pg
		fuzz http tests/fuzz/corpus/http
	fi
fi
echo "fuzzing: $secs s each, under ASan + UBSan"
cat "$table"
