#!/bin/sh
# run.sh: runs every test of `make check` and ends with the closing line "N passed, N failed".
#  - the unit test programs build/test-* (normal build) and build/san/test-* (ASan + UBSan)
#  - each fuzzer build/fuzz/fuzz-* for FUZZ_CHECK_SECONDS (default 5) on its seed corpus
#  - the end-to-end scripts tests/t/t*.sh against build/lup and build/san/lup
#  - the browser tests tests/browser/run.sh (Chromium, axe-core, tidy) against build/lup;
#    screenshots of the main pages in build/screenshots/
# Each program prints "ok - NAME" / "not ok - NAME" per test; this script counts those lines.
set -u
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
status=0

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run() { # run NAME CMD...: runs a test program, keeps its output, notes a crash
	name=$1; shift
	out="$log/$(echo "$name" | tr '/ ' '__').out"
	"$@" >"$out" 2>&1
	rc=$?
	grep -E '^(not )?ok - ' "$out" | sed "s|^|[$name] |"
	if [ $rc -ne 0 ]; then
		status=1
		if ! grep -q '^not ok - ' "$out"; then
			echo "not ok - $name exited with status $rc"
		fi
		echo "---- output of $name (exit $rc) ----"
		grep -v -E '^(not )?ok - ' "$out" | tail -40
		echo "----"
	fi
}

# The suites run in four streams, each into its own file, merged in a fixed order at the end:
# the unit tests and fuzzers first (quick), then at once the end-to-end scripts against the
# normal build, the same against the sanitizer build, and the browser tests (they wait on
# servers and browsers more than they compute, so the 2-core machine runs them side by side).
# A stream notes a failed program in $log/failed.NAME (run's status does not leave a subshell).
units() {
	for t in build/test-*; do
		[ -x "$t" ] && run "$(basename "$t")" "$t"
	done
	for t in build/san/test-*; do
		[ -x "$t" ] && run "san/$(basename "$t")" "$t"
	done
	for f in build/fuzz/fuzz-*; do
		[ -x "$f" ] || continue
		n=$(basename "$f" | sed 's/^fuzz-//')
		mkdir -p "$log/new-$n"
		run "$(basename "$f")" sh -c "'$f' -max_total_time=${FUZZ_CHECK_SECONDS:-5} -max_len=65536 '$log/new-$n' 'tests/fuzz/corpus/$n' && echo 'ok - fuzz $n (${FUZZ_CHECK_SECONDS:-5} s, no crash)'"
	done
}
scripts() { # scripts PREFIX LUP [VAR=VALUE]: every tests/t script against LUP
	prefix=$1 bin=$2
	shift 2
	for s in tests/t/t*.sh; do
		[ -f "$s" ] || continue
		run "$prefix$(basename "$s" .sh)" env LUP="$bin" "$@" sh "$s"
	done
}
browser() {
	if [ -f tests/browser/run.sh ]; then
		run browser sh tests/browser/run.sh "$top/build/lup"
	fi
}
stream() { # stream NAME FUNCTION ARGS...: FUNCTION's report into $log/NAME
	name=$1
	shift
	status=0
	"$@" > "$log/$name" 2>&1
	[ $status -eq 0 ] || : > "$log/failed.$name"
}

start=$(date +%s)
stream 1-units units
stream 2-scripts scripts "" "$top/build/lup" & p1=$!
stream 3-san scripts "san/" "$top/build/san/lup" LUP_SAN=1 & p2=$!
stream 4-browser browser & p3=$!
wait $p1 $p2 $p3
cat "$log/1-units" "$log/2-scripts" "$log/3-san" "$log/4-browser" > "$log/all"
ls "$log"/failed.* >/dev/null 2>&1 && status=1
echo "# the suites took $(( $(date +%s) - start )) s"

cat "$log/all"
pass=$(grep -c -E '(^|\] )ok - ' "$log/all")
fail=$(grep -c -E '(^|\] )not ok - ' "$log/all")
echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ $status -eq 0 ]
