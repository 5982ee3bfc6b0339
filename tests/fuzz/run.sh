#!/bin/sh
# run.sh SECONDS [NAME...]: `make fuzz`: runs every fuzzer build/fuzz/fuzz-NAME (or the NAMEs
# given) for SECONDS each, on its seed corpus tests/fuzz/corpus/NAME (new inputs go into
# build/fuzz/new-NAME, kept between runs), with its dictionary tests/fuzz/NAME.dict when there
# is one, and ends with a table of the figures each reached: runs, runs a second, coverage
# (libFuzzer's cov and ft) and the corpus size. A crash (ASan, UBSan, a failed check) stops
# the run with libFuzzer's report and the crashing input in build/fuzz/ (exit 1).
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${1:?usage: run.sh SECONDS [NAME...]}
shift
[ $# -gt 0 ] || set -- $(ls build/fuzz/ | sed -n 's/^fuzz-\([a-z0-9_-]*\)$/\1/p')
table=$(mktemp)
trap 'rm -f "$table"' EXIT
for n in "$@"; do
	f=build/fuzz/fuzz-$n
	[ -x "$f" ] || { echo "run.sh: no fuzzer $f (make fuzz-build)" >&2; exit 2; }
	mkdir -p "build/fuzz/new-$n"
	dict=
	[ -f "tests/fuzz/$n.dict" ] && dict="-dict=tests/fuzz/$n.dict"
	echo "fuzzing $n for $secs s"
	log=build/fuzz/$n.log
	"$f" -max_total_time="$secs" -max_len=65536 -artifact_prefix=build/fuzz/crash-$n- $dict \
		"build/fuzz/new-$n" "tests/fuzz/corpus/$n" > "$log" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		tail -60 "$log"
		echo "run.sh: fuzz-$n crashed (exit $rc; its log: $log)" >&2
		exit 1
	fi
	# the last status line: "#N DONE cov: C ft: F corp: K/S ... exec/s: E"
	last=$(grep -E '^#[0-9]+' "$log" | tail -1)
	runs=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	eps=$(grep -o 'exec/s: [0-9]*' "$log" | tail -1 | sed 's/exec.s: //')
	printf '%-12s %10s runs %7s/s  cov %6s  ft %6s  corpus %5s  0 crashes\n' "$n" "$runs" "$eps" "$cov" "$ft" "$corp" >> "$table"
done
echo "fuzzing: $secs s each, under ASan + UBSan"
cat "$table"
