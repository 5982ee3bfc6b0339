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

{
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
for s in tests/t/t*.sh; do
	[ -f "$s" ] || continue
	run "$(basename "$s" .sh)" env LUP="$top/build/lup" sh "$s"
	run "san/$(basename "$s" .sh)" env LUP="$top/build/san/lup" LUP_SAN=1 sh "$s"
done
if [ -f tests/browser/run.sh ]; then
	run browser sh tests/browser/run.sh "$top/build/lup"
fi
} > "$log/all"

cat "$log/all"
pass=$(grep -c -E '(^|\] )ok - ' "$log/all")
fail=$(grep -c -E '(^|\] )not ok - ' "$log/all")
echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ $status -eq 0 ]
