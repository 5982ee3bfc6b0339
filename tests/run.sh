#!/bin/sh
# run.sh: runs every test of `make check` and ends with the closing line "N passed, N failed".
#  - the unit test programs build/test-* (normal build) and build/san/test-* (ASan + UBSan)
#  - each fuzzer build/fuzz/fuzz-* for FUZZ_CHECK_SECONDS (default 5) on its seed corpus
#  - the end-to-end scripts tests/t/t*.sh on SQLite against build/san/lup (the build under the
#    sanitizers: every check of the plain build's run and more); against build/lup only those
#    listed in tests/plain-scripts.txt (they test the plain build itself, e.g. `make run`), or
#    all of them with LUP_CHECK_PLAIN=1. The plain build is what the PostgreSQL scripts and the
#    browser tests run, so every script still runs with it, on PostgreSQL.
#  - the browser tests tests/browser/run.sh (Chromium, axe-core, tidy) against build/lup, one job
#    per flow (BROWSER_ONLY), each on a copy of one prepared database (BROWSER_PREPARE,
#    BROWSER_BASE); without the screenshots (BROWSER_SCREENSHOTS=off; make screenshots)
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

# the PostgreSQL mode of the scripts is this script's to switch on, per job
unset LUP_PG LUP_DB_PG
# the demo cache of the scripts on SQLite (tests/tools/lup-demo): the dataset's load made once
# per binary in this run, copied by the scripts' next loads of it
export LUP_DEMO_CACHE="$log/demo-sqlite"
# the browser tests' screenshots are for people (`make screenshots`), not for the checks
export BROWSER_SCREENSHOTS=${BROWSER_SCREENSHOTS:-off}
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

# The unit tests and the fuzzers run as one stream beside the rest. The end-to-end scripts (on SQLite, under
# the sanitizers, on PostgreSQL) and the browser tests (one job per flow and backend, on a copy of
# a database prepared first) run as jobs that LUP_CHECK_WORKERS workers
# (default 4: the 2-core machine runs them side by side, the browser tests and the servers wait
# more than they compute; 6 took as long: the two cores are then busy) take from one queue, the browser flows first, the longest first, then
# the scripts with the three kinds interleaved; so the workers end together, whatever each suite
# takes. Each job's report goes
# into its own file, printed in a fixed order at the end. A job notes a failed program in
# $log/failed.* (run's status does not leave a subshell).
units() {
	for t in build/test-*; do
		[ -x "$t" ] && run "$(basename "$t")" "$t"
	done
	rest_built || return 0
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
# job KIND NAME: one job of the queue: KIND sqlite, san or pg runs the script tests/t/NAME.sh
# against build/lup, build/san/lup, or build/lup on PostgreSQL (when tests/pg-scripts.txt lists
# it, else it says so); KIND browser or pgbrowser runs the browser flow NAME (tests/browser/run.sh
# BROWSER_ONLY) on SQLite or on PostgreSQL, on a copy of the database prepared for them (bprepare)
job() {
	case $1 in
	sqlite) run "$2" env LUP="$top/build/lup" sh "tests/t/$2.sh" ;;
	san) rest_built && run "san/$2" env LUP="$top/build/san/lup" LUP_SAN=1 sh "tests/t/$2.sh" ;;
	pg)
		if grep -q -x -F "$2" tests/pg-scripts.txt; then
			run "pg/$2" env LUP="$top/build/lup" LUP_PG="$pgdir" sh "tests/t/$2.sh"
		else
			echo "# not yet on PostgreSQL: $2"
		fi
		;;
	browser)
		[ -s "$log/browser/base.db.token" ] || return 0
		run "browser/$2" env BROWSER_ONLY="$2" BROWSER_BASE="$log/browser" sh tests/browser/run.sh "$top/build/lup"
		;;
	pgbrowser)
		[ -n "$pgdir" ] && [ -s "$log/pg-browser/base.db.token" ] || return 0
		run "pg/browser/$2" env BROWSER_ONLY="$2" BROWSER_BASE="$log/pg-browser" LUP_PG="$pgdir" \
			sh tests/browser/run.sh "$top/build/lup"
		;;
	esac
}
# take: prints the next job of $log/queue ("ORDER KIND NAME") and removes it; false when empty.
# While the sanitizer build runs, the next job that does not need it: a worker that took a job
# under the sanitizers then would only wait for the build (session 8: t0001 and t0005, 3 s and
# 1 s of work, took 81 s and 67 s of a worker that way); the first job when only such jobs are left.
take() {
	while ! mkdir "$log/lock" 2>/dev/null; do sleep 0.05; done
	n=1
	[ -s "$log/build-rest.rc" ] || n=$(awk '$2 != "san" { print NR; exit }' "$log/queue")
	j=$(sed -n "${n:-1}p" "$log/queue")
	sed -i "${n:-1}d" "$log/queue"
	rmdir "$log/lock"
	[ -n "$j" ] && echo "$j"
}
# worker N: runs jobs until the queue is empty, each job's report into $log/r.ORDER
# (and its time into $log/times)
worker() {
	wn=$1 busy=0
	while j=$(take); do
		set -- $j
		status=0
		t0=$(date +%s)
		job "$2" "$3" > "$log/r.$1" 2>&1
		[ $status -eq 0 ] || : > "$log/failed.r$1"
		dt=$(( $(date +%s) - t0 ))
		busy=$(( busy + dt ))
		echo "$dt $2/$3" >> "$log/times"
	done
	echo "# worker $wn was busy $busy s" > "$log/worker.$wn"
}
# units: run's report of the unit tests and fuzzers into $log/1-units
units_stream() {
	status=0
	units > "$log/1-units" 2>&1
	[ $status -eq 0 ] || : > "$log/failed.1-units"
}

start=$(date +%s)
# The sanitizer build and the fuzzers (make sanitize fuzz-build; the Makefile's check target
# builds only build/lup and the unit tests before this script) are built here, beside the first
# jobs (the browser flows, which need build/lup only): the machine's two cores are not both busy
# while browsers wait. The jobs that need them (the scripts under the sanitizers, the sanitized
# unit tests, the fuzzers) wait for that build (rest_built). Standalone, after a full build,
# make finds nothing to do.
( make --no-print-directory -j2 sanitize fuzz-build > "$log/build-rest" 2>&1; echo $? > "$log/build-rest.rc" ) &
brest=$!
# rest_built: waits for that build; false (and says so, once) when it failed
rest_built() {
	while [ ! -s "$log/build-rest.rc" ]; do sleep 0.5; done
	[ "$(cat "$log/build-rest.rc")" = 0 ] && return 0
	if mkdir "$log/build-rest.said" 2>/dev/null; then
		echo "not ok - the sanitizer build and the fuzzers (make sanitize fuzz-build)"
		tail -20 "$log/build-rest" | sed 's/^/    /'
		: > "$log/failed.build-rest"
	fi
	return 1
}
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
# The demo cache of tests/tools/lup-pg: the Stockholm dataset loaded once on PostgreSQL, which a
# script's `lup demo` of it on a new database copies (the load takes seconds there).
if [ -n "$pgdir" ]; then
	mkdir -p "$log/demo"
	env LUP_PG="$pgdir" LUP_REAL="$top/build/lup" sh tests/tools/lup-pg --db "$pgdir/demo-cache.db" \
		demo "$top/data/stockholm" >"$log/demo/out" 2>"$log/demo/err"
	echo $? > "$log/demo/rc"
	if [ "$(cat "$log/demo/rc")" = 0 ]; then
		echo "ok - lup demo on PostgreSQL (the scripts' demo cache)" >> "$log/0-pg"
		LUP_PG_DEMO=$(env LUP_PG="$pgdir" sh tests/tools/pg-db name "$pgdir/demo-cache.db")
		LUP_PG_DEMO_ARG="$top/data/stockholm" LUP_PG_DEMO_FILES="$log/demo"
		export LUP_PG_DEMO LUP_PG_DEMO_ARG LUP_PG_DEMO_FILES
	else
		{ echo "not ok - lup demo on PostgreSQL (the scripts' demo cache)"; sed 's/^/    /' "$log/demo/err" | tail -5; } >> "$log/0-pg"
		: > "$log/failed.0-pg"
	fi
fi
# bprepare: the browser flows' prepared database (the dataset, the commission import, the
# users; tests/browser/run.sh BROWSER_PREPARE) on SQLite in $log/browser and on PostgreSQL in
# $log/pg-browser, made while the unit tests run; a failure is reported in $log/r.8999. Each
# browser job copies it. The screenshot directories start empty (each job adds its flow's).
bprepare() {
	[ -f tests/browser/run.sh ] || return 0
	status=0
	rm -rf build/screenshots build/screenshots-pg
	run browser/prepare env BROWSER_PREPARE="$log/browser" sh tests/browser/run.sh "$top/build/lup"
	[ -n "$pgdir" ] && run pg/browser/prepare env BROWSER_PREPARE="$log/pg-browser" LUP_PG="$pgdir" \
		sh tests/browser/run.sh "$top/build/lup"
	[ $status -eq 0 ] || : > "$log/failed.r8999"
}
bprepare > "$log/r.8999" 2>&1 &
bprep=$!
# the unit tests and the fuzzers (time-bound: 5 s each) run beside the workers, not before them
units_stream &
ustream=$!
wait $bprep
# the queue: the browser flows (tests/browser/run.sh BROWSER_LIST: the longest first; per flow
# on PostgreSQL and on SQLite), then per script its three jobs; ORDER places the reports: the
# scripts on SQLite (1NNN), under the sanitizers (2NNN), on PostgreSQL (3NNN), the browser flows
# (90NN, and 95NN on PostgreSQL)
: > "$log/queue"
# (on PostgreSQL the flows only: the page checks look at the HTML, which t7300 shows is the same
# there as on SQLite, every page of pages.json, also with the page checks' script payloads in it;
# BROWSER_ONLY=check with LUP_PG runs them there)
i=0; for b in $(BROWSER_LIST=1 sh tests/browser/run.sh); do
	i=$((i + 1))
	case $b in check/*) ;; *) echo "$((9500 + i)) pgbrowser $b" >> "$log/queue" ;; esac
	echo "$((9000 + i)) browser $b" >> "$log/queue"
done
# (the PostgreSQL jobs of the first scripts go first: the sanitizer build may still be running)
i=1000
: > "$log/queue.san"
for s in tests/t/t*.sh; do
	[ -f "$s" ] || continue
	i=$((i + 1))
	n=$(basename "$s" .sh)
	echo "$((i + 1000)) san $n" >> "$log/queue.san"
	[ -n "$pgdir" ] && echo "$((i + 2000)) pg $n" >> "$log/queue"
	if [ -n "${LUP_CHECK_PLAIN:-}" ] || grep -q -x -F "$n" tests/plain-scripts.txt; then
		echo "$i sqlite $n" >> "$log/queue"
	fi
	[ $i -gt 1008 ] && head -1 "$log/queue.san" >> "$log/queue" && sed -i 1d "$log/queue.san"
done
cat "$log/queue.san" >> "$log/queue"
pids=
for w in $(seq "${LUP_CHECK_WORKERS:-4}"); do
	worker "$w" & pids="$pids $!"
done
wait $pids $ustream $brest
cat "$log/0-pg" "$log/1-units" $(ls "$log"/r.* | sort) > "$log/all"
cat "$log"/worker.* >> "$log/all"
echo "# the longest jobs (s): $(sort -n -r "$log/times" 2>/dev/null | head -6 | tr '\n' ' ')" >> "$log/all"
ls "$log"/failed.* >/dev/null 2>&1 && status=1
echo "# the suites took $(( $(date +%s) - start )) s"

cat "$log/all"
pass=$(grep -c -E '(^|\] )ok - ' "$log/all")
fail=$(grep -c -E '(^|\] )not ok - ' "$log/all")
echo
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ $status -eq 0 ]
