#!/bin/sh
# run.sh: runs every test of `make check` and ends with the closing line "N passed, N failed".
#  - the unit test programs build/test-* (normal build) and build/san/test-* (ASan + UBSan)
#  - each fuzzer build/fuzz/fuzz-* for FUZZ_CHECK_SECONDS (default 5) on its seed corpus
#  - the end-to-end scripts tests/t/t*.sh against build/lup and build/san/lup
#  - the browser tests tests/browser/run.sh (Chromium, axe-core, tidy) against build/lup;
#    screenshots of the main pages in build/screenshots/
#  - on PostgreSQL as well: the end-to-end scripts listed in tests/pg-scripts.txt and the browser
#    tests against build/lup (names prefixed pg/), on a private cluster (scripts/pg-cluster.sh)
#    started in a new directory under /tmp and stopped and removed at the end; and
#    build/test-pg-stmts on a database of it (LUP_TEST_PG)
# Each program prints "ok - NAME" / "not ok - NAME" per test; this script counts those lines.
set -u
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)
log=$(mktemp -d)
pgdir=
# cleanup: stops and removes the PostgreSQL cluster, removes the logs (on exit and on interrupt)
cleanup() {
	if [ -n "$pgdir" ]; then
		sh scripts/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1
		rm -rf "$pgdir"
		pgdir=
	fi
	rm -rf "$log"
}
trap cleanup EXIT
trap 'cleanup; trap - EXIT; exit 130' INT
trap 'cleanup; trap - EXIT; exit 143' TERM
status=0

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run() { # run NAME CMD...: runs a test program, keeps its output, notes a crash
	name=$1; shift
	out="$log/$(echo "$name" | tr '/ ' '__').out"
	"$@" >"$out" 2>&1
	rc=$?
	grep -E '^((not )?ok - |# skip \(PostgreSQL\)|# not yet on PostgreSQL)' "$out" | sed "s|^|[$name] |"
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
# pgscripts PREFIX LUP: the tests/t scripts listed in tests/pg-scripts.txt (a name a line, # starts
# a comment) against LUP on PostgreSQL; says which scripts are not listed
pgscripts() {
	prefix=$1 bin=$2
	for s in tests/t/t*.sh; do
		[ -f "$s" ] || continue
		n=$(basename "$s" .sh)
		if grep -q -x -F "$n" tests/pg-scripts.txt; then
			run "$prefix$n" env LUP="$bin" LUP_PG="$pgdir" sh "$s"
		else
			echo "# not yet on PostgreSQL: $n"
		fi
	done
}
browser() { # browser PREFIX [VAR=VALUE]...: the browser tests against build/lup
	prefix=$1
	shift
	if [ -f tests/browser/run.sh ]; then
		run "${prefix}browser" env "$@" sh tests/browser/run.sh "$top/build/lup"
	fi
}
stream() { # stream NAME FUNCTION ARGS...: FUNCTION's report into $log/NAME, ending with its time
	# (its own variable: run sets name)
	sname=$1
	shift
	status=0
	t0=$(date +%s)
	"$@" > "$log/$sname" 2>&1
	echo "# stream $sname took $(( $(date +%s) - t0 )) s" >> "$log/$sname"
	[ $status -eq 0 ] || : > "$log/failed.$sname"
}

start=$(date +%s)
# The PostgreSQL cluster: its directory must be reachable by the postgres user when run as root
# (mktemp -d makes it 700); fsync off (LUP_PG_FAST), nothing in it outlives the run.
pgdir=$(mktemp -d /tmp/lup-check-pg.XXXXXX) && chmod 755 "$pgdir" || pgdir=
if [ -n "$pgdir" ] && LUP_PG_FAST=1 sh scripts/pg-cluster.sh start "$pgdir" >"$log/pg-start" 2>&1 &&
	sh scripts/pg-cluster.sh create "$pgdir" lup_test_pg_stmts >>"$log/pg-start" 2>&1; then
	echo "ok - the PostgreSQL test cluster starts" > "$log/0-pg"
	export LUP_TEST_PG="postgresql:///lup_test_pg_stmts?host=$pgdir"
else
	{ echo "not ok - the PostgreSQL test cluster starts (scripts/pg-cluster.sh; the PostgreSQL suites are not run)"
	  sed 's/^/    /' "$log/pg-start" 2>/dev/null | tail -20; } > "$log/0-pg"
	: > "$log/failed.0-pg"
	[ -n "$pgdir" ] && rm -rf "$pgdir"
	pgdir=
fi
stream 1-units units
# Five streams at once on the 2-core machine: the scripts on SQLite, under the sanitizers, on
# PostgreSQL, and the browser tests on SQLite and on PostgreSQL (the browser tests mostly wait).
: > "$log/5-pg" && : > "$log/6-pg-browser"
stream 2-scripts scripts "" "$top/build/lup" & p1=$!
stream 3-san scripts "san/" "$top/build/san/lup" LUP_SAN=1 & p2=$!
stream 4-browser browser "" & p3=$!
p4= p5=
if [ -n "$pgdir" ]; then
	stream 5-pg pgscripts "pg/" "$top/build/lup" & p4=$!
	stream 6-pg-browser browser "pg/" LUP_PG="$pgdir" & p5=$!
fi
wait $p1 $p2 $p3 $p4 $p5
cat "$log/0-pg" "$log/1-units" "$log/2-scripts" "$log/3-san" "$log/4-browser" "$log/5-pg" "$log/6-pg-browser" > "$log/all"
ls "$log"/failed.* >/dev/null 2>&1 && status=1
echo "# the suites took $(( $(date +%s) - start )) s"

cat "$log/all"
pass=$(grep -c -E '(^|\] )ok - ' "$log/all")
fail=$(grep -c -E '(^|\] )not ok - ' "$log/all")
echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ $status -eq 0 ]
