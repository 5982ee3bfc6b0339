#!/bin/sh
# run.sh: the browser tests (tests/browser/check.mjs) against a real `lup serve` on an ephemeral
# loopback port, with the Stockholm dataset and the commission's responses (seed 002).
# Usage: sh tests/browser/run.sh [LUP_BINARY]   (default build/lup)
# Prints "ok - ..."/"not ok - ..." per check; screenshots go to build/screenshots/. Exit 1 on any
# failure, also when Chromium, tidy or the npm packages are missing (`make check` installs them).
# BROWSER_TIMING=1 adds the time of each step as comments. BROWSER_ONLY=NAME runs only that one:
# check (the pages of pages.json; check/K: its Kth part, see CHECK_SHARDS), example, downloads, workflow, upload, create, lup-flow, wheel,
# todo, indicators, resources, report-cycle or annual-wheel (BROWSER_LIST=1 prints these names).
# Every flow starts from a copy of one prepared database (the dataset, the commission import, the
# users), made once per run, or once for many runs with BROWSER_PREPARE=DIR and BROWSER_BASE=DIR
# (see below), and runs against servers of its own copy.
# With LUP_PG set to the socket directory of a PostgreSQL cluster (scripts/pg-cluster.sh) the same
# tests run lup on PostgreSQL, as tests/t/lib.sh does: the database paths below stand for
# databases of that cluster (tests/tools/lup-pg, tests/tools/pg-db), only the tests named in
# tests/pg-browser.txt run, and the checks of the HTML itself (axe-core, tidy, the keyboard
# checks, screenshots) are left out (BROWSER_PAGE_CHECKS=off; lib.mjs PAGE_CHECKS): the pages do
# not depend on the backend (t7300 compares them byte for byte), so those run once, on SQLite.
# BROWSER_PAGE_CHECKS=on runs them on PostgreSQL too (screenshots in build/screenshots-pg/).
set -u
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
# passwords at Argon2id's minimum cost, as in tests/t/lib.sh (src/web/auth.h auth_test_pwhash)
export LUP_TEST_PWHASH=${LUP_TEST_PWHASH-fast}
# The flows, longest first (as tests/run.sh queues them, one job per flow and backend; measured
# on PostgreSQL, session 7): BROWSER_LIST=1 prints them, one a line, and exits. The page checks
# (check) are the longest by far: as jobs they are CHECK_SHARDS parts, check/1 .. check/N, each
# checking every Nth page of pages.json (check.mjs CHECK_SHARD); BROWSER_ONLY=check runs them all.
CHECK_SHARDS=3
FLOWS="$(seq -f 'check/%g' $CHECK_SHARDS) lup-flow annual-wheel indicators workflow report-cycle resources downloads todo upload create example wheel"
if [ -n "${BROWSER_LIST:-}" ]; then
	for f in $FLOWS; do echo "$f"; done
	exit 0
fi
LUP=${1:-$top/build/lup}
SEEDS="$top/../shared/seeds"
SHOTS="$top/build/screenshots"
TMP=$(mktemp -d)
SERVERS=
if [ -n "${LUP_PG:-}" ]; then
	SHOTS="$top/build/screenshots-pg"
	BROWSER_PAGE_CHECKS=${BROWSER_PAGE_CHECKS:-off}
	export BROWSER_PAGE_CHECKS
	[ "$BROWSER_PAGE_CHECKS" = off ] &&
		echo "# on PostgreSQL: axe-core, tidy, the keyboard checks and screenshots are left out (they run on SQLite; BROWSER_PAGE_CHECKS=on runs them here)"
	case $LUP in /*) ;; */*) LUP="$top/$LUP" ;; esac
	LUP_REAL=$LUP
	LUP="$top/tests/tools/lup-pg"
	LUP_PG_REG="$TMP/.pg-databases"
	export LUP_REAL LUP_PG LUP_PG_REG
	# sqlite3 DB SQL: SQL on DB's database (check.mjs does the same through pg-db)
	sqlite3() { "$top/tests/tools/pg-db" sql "$@"; }
fi
# (a prepared database, BROWSER_PREPARE, stays: its databases are listed in its directory)
trap 'for p in $SERVERS; do kill "$p" 2>/dev/null; done; [ -n "${LUP_PG:-}" ] && [ -z "${BROWSER_PREPARE:-}" ] && "$top/tests/tools/pg-db" drop-listed "$LUP_PG_REG"; rm -rf "$TMP"' EXIT

missing=
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing="$missing chromium"
command -v tidy >/dev/null 2>&1 || missing="$missing tidy"
command -v node >/dev/null 2>&1 || missing="$missing node"
[ -d node_modules/playwright-core ] && [ -d node_modules/@axe-core/playwright ] || missing="$missing node_modules(npm ci)"
if [ -n "$missing" ]; then
	echo "not ok - browser tests: missing$missing (run: sh scripts/deps.sh test && npm ci)"
	exit 1
fi

# want NAME: BROWSER_ONLY is unset or names NAME; on PostgreSQL NAME is also listed in
# tests/pg-browser.txt (else it says that NAME is not yet run there).
want() {
	[ -z "${BROWSER_ONLY:-}" ] || [ "$BROWSER_ONLY" = "$1" ] || return 1
	[ -z "${LUP_PG:-}" ] && return 0
	grep -q -x -F "$1" tests/pg-browser.txt && return 0
	echo "# not yet on PostgreSQL: browser $1"
	return 1
}
# check/K: the Kth part of the page checks
CHECK_SHARD=1/1
case ${BROWSER_ONLY:-} in
check/*) CHECK_SHARD="${BROWSER_ONLY#check/}/$CHECK_SHARDS" BROWSER_ONLY=check ;;
esac
# one flow that is not run here: nothing to prepare
if [ -n "${BROWSER_ONLY:-}" ] && [ -z "${BROWSER_PREPARE:-}" ] && ! want "$BROWSER_ONLY"; then
	exit 0
fi

# prepare DB: the database every flow starts from, at path DB: the Stockholm dataset, the
# commission's responses (seed 002) and the users editor (Spånga-Tensta), city and rkeditor
# (Rinkeby-Kista) (passwords only for this throwaway database; check.mjs logs in as the user a
# page of pages.json names, the flows through /logga-in); an API token of editor in DB.token.
prepare() {
	"$LUP" --db "$1" demo "$top/data/stockholm" >/dev/null 2>"$TMP/demo.err" ||
		{ echo "not ok - browser tests: lup demo failed"; cat "$TMP/demo.err"; return 1; }
	if [ ! -f "$SEEDS/002_e3f287d953d70608.txt" ]; then
		echo "not ok - browser tests: seed 002 not found in $SEEDS"
		return 1
	fi
	"$LUP" --db "$1" import commission "$SEEDS/002_e3f287d953d70608.txt" >/dev/null 2>"$TMP/import.err" ||
		{ echo "not ok - browser tests: the commission import failed"; cat "$TMP/import.err"; return 1; }
	printf 'editorpassword1\n' | "$LUP" --db "$1" user add editor --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null 2>&1
	printf 'citypassword1\n' | "$LUP" --db "$1" user add city --role city --org stadsledningskontoret >/dev/null 2>&1
	printf 'rkpassword1\n' | "$LUP" --db "$1" user add rkeditor --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null 2>&1
	"$LUP" --db "$1" token create editor > "$1.token" 2>"$TMP/token.err" && [ -s "$1.token" ] ||
		{ echo "not ok - browser tests: lup token create editor failed"; cat "$TMP/token.err"; return 1; }
}
# BROWSER_PREPARE=DIR: prepares that database as DIR/base.db (on PostgreSQL the database of the
# cluster that path stands for, left in place) and exits; BROWSER_BASE=DIR: the flows copy
# DIR/base.db instead of preparing one each (tests/run.sh prepares one per backend for its
# per-flow jobs). Standalone, one run prepares it once for all the flows it runs.
if [ -n "${BROWSER_PREPARE:-}" ]; then
	mkdir -p "$BROWSER_PREPARE" || exit 1
	[ -n "${LUP_PG:-}" ] && LUP_PG_REG="$BROWSER_PREPARE/.pg-databases"
	prepare "$BROWSER_PREPARE/base.db" || exit 1
	exit 0
fi
if [ -n "${BROWSER_BASE:-}" ]; then
	BASE="$BROWSER_BASE/base.db"
	[ -s "$BASE.token" ] || { echo "not ok - browser tests: $BROWSER_BASE holds no prepared database (BROWSER_PREPARE)"; exit 1; }
else
	BASE="$TMP/base.db"
	prepare "$BASE" || exit 1
fi
TOKEN=$(cat "$BASE.token")
export BROWSER_USERS="editor:editorpassword1 city:citypassword1"

# copydb NAME WHAT: a copy of the prepared database for one flow (its own, since flows write),
# as $TMP/NAME.db; prints its path, or says what failed naming WHAT and returns 1.
copydb() {
	if [ -n "${LUP_PG:-}" ]; then
		# (only the copy is this run's to drop at its end, not a BROWSER_BASE database)
		LUP_PG_REG= "$top/tests/tools/pg-db" copy "$BASE" "$TMP/$1.db" 2>"$TMP/backup.err" &&
			"$top/tests/tools/pg-db" name "$TMP/$1.db" >/dev/null
	else
		sqlite3 "$BASE" ".backup '$TMP/$1.db'" 2>"$TMP/backup.err"
	fi ||
		{ echo "not ok - browser tests: copying the database for $2 failed" >&2; cat "$TMP/backup.err" >&2; return 1; }
	echo "$TMP/$1.db"
}
# serve NAME DB [VAR=VALUE...]: starts `lup serve` of DB on an ephemeral loopback port (with the
# environment VAR=VALUE), its port in $TMP/NAME.port, its log in $TMP/NAME.log
serve() {
	_n=$1 _db=$2
	shift 2
	env "$@" "$LUP" --db "$_db" serve --listen 127.0.0.1:0 --port-file "$TMP/$_n.port" >/dev/null 2>"$TMP/$_n.log" &
	SERVERS="$SERVERS $!"
}
# started WHAT NAME...: waits (polling, at most 10 s) for the servers NAME... to write their
# ports; else says so, naming WHAT, with their logs, and returns 1
started() {
	_what=$1
	shift
	for _i in $(seq 200); do
		_all=1
		for _n in "$@"; do [ -s "$TMP/$_n.port" ] || _all=0; done
		[ $_all = 1 ] && return 0
		sleep 0.05
	done
	echo "not ok - $_what browser tests: lup serve did not start"
	for _n in "$@"; do cat "$TMP/$_n.log"; done
	return 1
}
url() { echo "http://127.0.0.1:$(cat "$TMP/$1.port")"; }
# finished NAME SECS STATUS: notes a node run's status: a timeout (124) says so; any failure
# sets rc=1
finished() {
	[ "$3" -eq 124 ] && echo "not ok - $1 browser tests finished within $2 s"
	[ "$3" -ne 0 ] && rc=1
	return 0
}

# The limits of the flows' runs below and of their pages' waits (lib.mjs SLACK) catch a hung
# browser, they do not time a flow: BROWSER_TIMEOUT_FACTOR (a whole number, 3 unless set)
# multiplies them, as a loaded 2-core machine running four flows at once (make check) takes two
# to three times an idle one's time (at a load of 30, more: session 7 measured lup-flow at 661 s
# on PostgreSQL). lim SECS: SECS times that factor.
case ${BROWSER_TIMEOUT_FACTOR:-} in ''|*[!0-9]*|0) BROWSER_TIMEOUT_FACTOR=3 ;; esac
export BROWSER_TIMEOUT_FACTOR
lim() { echo $(( $1 * BROWSER_TIMEOUT_FACTOR )); }

# Screenshots: a run of every flow starts from an empty directory; a run of one flow (one job of
# tests/run.sh, which empties it once) leaves the other flows' screenshots alone.
[ -z "${BROWSER_ONLY:-}" ] && rm -rf "$SHOTS"
mkdir -p "$SHOTS"
start=$(date +%s)
rc=0

# The pages (check.mjs), the "Ladda ned" menus (downloads.mjs) and the example outcomes
# (example.mjs) read a server of a copy with a draft of Spånga-Tensta's LUP (check.mjs checks the
# draft-only pages of pages.json: the version forms, the adoption form) and a draft tertial report
# of the editor's organisation (the follow-up report page); check.mjs writes its payloads into it,
# so the other two run first when one run has all three.
# reader NAME: that copy and its server, as $TMP/NAME.db and the server NAME; false on a failure
reader() {
	RDDB=$(copydb "$1" "the $1 tests") || return 1
	"$LUP" --db "$RDDB" plan new-version lup-spanga-tensta >/dev/null 2>"$TMP/draft.err" ||
		{ echo "not ok - browser tests: lup plan new-version lup-spanga-tensta failed"; cat "$TMP/draft.err"; return 1; }
	serve "$1" "$RDDB"
	started "$1" "$1" || return 1
	curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
		-d '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T1"}' "$(url "$1")/api/v1/reports"
}
READER=
# reading NAME: the reader server (made by the first of the three flows that runs); false on a failure
reading() {
	[ -n "$READER" ] && return 0
	reader "$1" || { rc=1; return 1; }
	READER=$1
}
# the "Ladda ned" menus: a Word, a PDF, an Excel and a CSV file downloaded by clicking (it only
# reads; the PDF alone may take up to the server's PDF_TIMEOUT, 120 s)
if want downloads && reading downloads; then
	timeout "$(lim 120)" node tests/browser/downloads.mjs "$(url "$READER")" "$TMP/downloads"
	finished downloads "$(lim 120)" $?
fi
# the example outcomes seen on the start, a district and an organisation page (it only reads)
if want example && reading example; then
	timeout "$(lim 60)" node tests/browser/example.mjs "$(url "$READER")" "$SHOTS"
	finished example "$(lim 60)" $?
fi
# The page checks are meant to take under 5 minutes (about 2 on an idle machine, beside the
# end-to-end scripts that make check runs at the same time); they are stopped after 10 (lim; a
# part of them after 5), so that a hung browser never hangs make check.
if want check && reading check; then
	csecs=$(lim 600)
	[ "$CHECK_SHARD" = 1/1 ] || csecs=$(lim 300)
	CHECK_SHARD=$CHECK_SHARD timeout "$csecs" node tests/browser/check.mjs "$(url "$READER")" "$RDDB" "$SHOTS"
	finished check "$csecs" $?
fi

# flow NAME SECS SETUP SCRIPT [ARGS...]: a flow through the forms (they write) on its own copy of
# the prepared database ($FDB, made ready by the function SETUP) and its own server: node SCRIPT
# BASE_URL SCREENSHOTS ARGS, stopped after lim SECS; a failure, a timeout or a server that does not
# start sets rc=1. The arguments are expanded after SETUP ran (they may name what it sets).
flow() {
	name=$1 secs=$(lim "$2") setup=$3 script=$4
	shift 4
	want "$name" || return 0
	FDB=$(copydb "$name" "the $name flow") && $setup || { rc=1; return 0; }
	serve "$name" "$FDB"
	started "$name" "$name" || { rc=1; return 0; }
	eval "set -- $*"
	timeout "$secs" node "$script" "$(url "$name")" "$SHOTS" "$@"
	finished "$name" "$secs" $?
}
# flow2 NAME SECS SETUP SCRIPT [ARGS...]: as flow, with two servers of the one copy on two days
# (LUP_TODAY): 10 September 2022 and 1 October 2022 (after a T2 deadline of 15 September and the
# 14 days of grace): node SCRIPT BEFORE_URL AFTER_URL SCREENSHOTS ARGS
flow2() {
	name=$1 secs=$(lim "$2") setup=$3 script=$4
	shift 4
	want "$name" || return 0
	FDB=$(copydb "$name" "the $name flow") && $setup || { rc=1; return 0; }
	serve "$name-before" "$FDB" LUP_TODAY=2022-09-10
	serve "$name-after" "$FDB" LUP_TODAY=2022-10-01
	started "$name" "$name-before" "$name-after" || { rc=1; return 0; }
	eval "set -- $*"
	timeout "$secs" node "$script" "$(url "$name-before")" "$(url "$name-after")" "$SHOTS" "$@"
	finished "$name" "$secs" $?
}
nothing() { :; }

# The workflow tests (workflow.mjs) write through the forms: an editor of Spånga-Tensta
# ("editor"), one of Rinkeby-Kista and the city user log in through /logga-in.
export WORKFLOW_USERS="st:editor:editorpassword1 rk:rkeditor:rkpassword1 city:city:citypassword1"
flow workflow 120 nothing tests/browser/workflow.mjs
# The upload test (upload.mjs) imports through /importera: the editor of Spånga-Tensta uploads
# that organisation's verksamhetsplan (seed 003).
export UPLOAD_USER="editor:editorpassword1"
SEED3=$(ls "$SEEDS"/003_*.txt 2>/dev/null | head -1)
if want upload && [ -z "$SEED3" ]; then
	echo "not ok - upload browser test: seed 003 not found in $SEEDS"
	rc=1
else
	flow upload 60 nothing tests/browser/upload.mjs '"$SEED3"'
fi
# The create test (create.mjs) adds and deletes an activity through the forms; the editor of
# Spånga-Tensta logs in through /logga-in.
export CREATE_USER="editor:editorpassword1"
flow create 60 nothing tests/browser/create.mjs
# The report cycle (report-cycle.mjs) runs a T2 report from draft to approved through the forms
# (unassessed goals, Ej bedömt with a reason, return, approval, the history); the editor of
# Spånga-Tensta and the city user log in.
export REPORTCYCLE_USERS="st:editor:editorpassword1 city:city:citypassword1"
flow report-cycle 120 nothing tests/browser/report-cycle.mjs
# The LUP flow (lup-flow.mjs) writes a new version of Skarpnäck's LUP through the forms, adopts
# it and adds a contribution, with three editors of its own: of Skarpnäck, of
# Socialförvaltningen and of Farsta (who is refused at each step). It runs `lup plan diff` on its
# database afterwards.
lupflow_setup() {
	printf 'skpassword1\n' | "$LUP" --db "$FDB" user add skeditor --role editor --org skarpnack-stadsdelsnamnd >/dev/null 2>&1
	printf 'sopassword1\n' | "$LUP" --db "$FDB" user add soeditor --role editor --org socialforvaltningen >/dev/null 2>&1
	printf 'fapassword1\n' | "$LUP" --db "$FDB" user add faeditor --role editor --org farsta-stadsdelsnamnd >/dev/null 2>&1
}
export LUPFLOW_USERS="sk:skeditor:skpassword1 so:soeditor:sopassword1 fa:faeditor:fapassword1"
flow lup-flow 180 lupflow_setup tests/browser/lup-flow.mjs '"$LUP"' '"$FDB"'
# The annual wheel (wheel.mjs) sets deadlines through the Årshjul forms: the city user sets the
# T2 deadline, the editor of Spånga-Tensta ("editor") sees it and sets its committee's internal
# deadline.
export WHEEL_USERS="city:city:citypassword1 st:editor:editorpassword1"
flow wheel 60 nothing tests/browser/wheel.mjs
# Att göra and the period lock (todo.mjs): a copy with the city's deadline for tertialrapport 2
# 2022 and two servers of it, before the deadline and after it and the grace (flow2); the editor
# of Spånga-Tensta logs in to both. TDIND: an indicator of Spånga-Tensta's 2022 goals.
todo_setup() {
	sqlite3 "$FDB" "INSERT INTO deadline (year, kind, level, due, set_at) VALUES (2022, 'T2', 'city', '2022-09-15', '2022-01-10T08:00:00Z')" &&
	TDIND=$(sqlite3 "$FDB" "SELECT i.key FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN organisation o ON o.id = g.owner_id
		WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 ORDER BY i.id LIMIT 1")
}
export TODO_USER="editor:editorpassword1"
flow2 todo 60 todo_setup tests/browser/todo.mjs '"$TDIND"'
# The annual wheel's whole cycle (annual-wheel.mjs, issue 13's "Done when"): two servers of one
# copy (flow2; the city sets the T2 deadline of 15 September in the flow); the city user, the
# editors of Spånga-Tensta and Rinkeby-Kista, one of Socialförvaltningen; the Spånga-Tensta and
# the Rinkeby-Kista editors get e-mail addresses for `lup remind --mail`, which the flow runs on
# this database.
annual_setup() {
	printf 'sfpassword1\n' | "$LUP" --db "$FDB" user add sfeditor --role editor --org socialforvaltningen >/dev/null 2>&1
	"$LUP" --db "$FDB" user email editor st-editor@example.org >/dev/null 2>&1
	"$LUP" --db "$FDB" user email rkeditor rk-editor@example.org >/dev/null 2>&1
	AWIND=$(sqlite3 "$FDB" "SELECT i.key FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN organisation o ON o.id = g.owner_id
		WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 ORDER BY i.id LIMIT 1")
}
export ANNUALWHEEL_USERS="city:city:citypassword1 st:editor:editorpassword1 rk:rkeditor:rkpassword1 so:sfeditor:sfpassword1"
export ANNUALWHEEL_MAIL="st-editor@example.org rk-editor@example.org"
flow2 annual-wheel 120 annual_setup tests/browser/annual-wheel.mjs '"$LUP"' '"$FDB"' '"$AWIND"'
# The indicators flow (indicators.mjs) divides an indicator by sex through the form, on a copy
# with a 5-year goal of Spånga-Tensta's decided LUP on that indicator (the dataset's LUP goals
# have none) for the district page's trajectory.
indicators_setup() {
	sqlite3 "$FDB" "INSERT INTO goal (key, owner_id, plan_version_id, level, number, title, area_id, sex, horizon,
	  horizon_year, target_value, target_direction, indicator_id, benchmark)
	  SELECT 'browser-lup-goal', p.owner_id, pv.id, 'lup', '9', 'Färre barn i familjer med ekonomiskt bistånd', p.district_id,
	  'T', '5y', 2026, 3.0, 'lower', (SELECT id FROM indicator WHERE key = 'vp-2022-spanga-tensta-i-001'), 'absolute'
	  FROM plan p JOIN plan_version pv ON pv.plan_id = p.id WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'decided'
	  ORDER BY pv.version DESC LIMIT 1" 2>"$TMP/goal.err" ||
		{ echo "not ok - browser tests: the LUP goal for the indicators flow"; cat "$TMP/goal.err"; return 1; }
}
export INDICATORS_USER="editor:editorpassword1"
flow indicators 150 indicators_setup tests/browser/indicators.mjs
# The resources flow (resources.mjs) records resources through the form, with an editor of
# Socialförvaltningen.
resources_setup() {
	printf 'sfpassword1\n' | "$LUP" --db "$FDB" user add sfeditor --role editor --org socialforvaltningen >/dev/null 2>&1
}
export RESOURCES_USER="sfeditor:sfpassword1"
flow resources 90 resources_setup tests/browser/resources.mjs
took=$(( $(date +%s) - start ))
[ -z "${BROWSER_ONLY:-}" ] && [ $took -gt 420 ] && echo "# warning: the browser tests took $took s, over their 7-minute budget"
exit $rc
