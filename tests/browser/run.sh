#!/bin/sh
# run.sh: the browser tests (tests/browser/check.mjs) against a real `lup serve` on an ephemeral
# loopback port, with the Stockholm dataset and the commission's responses (seed 002).
# Usage: sh tests/browser/run.sh [LUP_BINARY]   (default build/lup)
# Prints "ok - ..."/"not ok - ..." per check; screenshots go to build/screenshots/. Exit 1 on any
# failure, also when Chromium, tidy or the npm packages are missing (`make check` installs them).
# BROWSER_TIMING=1 adds the time of each step as comments. BROWSER_ONLY=NAME runs only that one:
# check (the pages of pages.json), example, downloads, workflow, upload, create, lup-flow, wheel,
# todo, indicators, resources, report-cycle or annual-wheel.
# With LUP_PG set to the socket directory of a PostgreSQL cluster (scripts/pg-cluster.sh) the same
# tests run lup on PostgreSQL, as tests/t/lib.sh does: the database paths below stand for
# databases of that cluster (tests/tools/lup-pg, tests/tools/pg-db), only the tests named in
# tests/pg-browser.txt run, and the screenshots go to build/screenshots-pg/.
set -u
cd "$(dirname "$0")/../.." || exit 2
top=$(pwd)
LUP=${1:-$top/build/lup}
SEEDS="$top/../shared/seeds"
SHOTS="$top/build/screenshots"
TMP=$(mktemp -d)
SERVERS=
if [ -n "${LUP_PG:-}" ]; then
	SHOTS="$top/build/screenshots-pg"
	case $LUP in /*) ;; */*) LUP="$top/$LUP" ;; esac
	LUP_REAL=$LUP
	LUP="$top/tests/tools/lup-pg"
	LUP_PG_REG="$TMP/.pg-databases"
	export LUP_REAL LUP_PG LUP_PG_REG
	# sqlite3 DB SQL: SQL on DB's database (check.mjs does the same through pg-db)
	sqlite3() { "$top/tests/tools/pg-db" sql "$@"; }
fi
trap 'for p in $SERVERS; do kill "$p" 2>/dev/null; done; [ -n "${LUP_PG:-}" ] && "$top/tests/tools/pg-db" drop-listed "$LUP_PG_REG"; rm -rf "$TMP"' EXIT

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
DB="$TMP/lup.db"
"$LUP" --db "$DB" demo "$top/data/stockholm" >/dev/null 2>"$TMP/demo.err" ||
	{ echo "not ok - browser tests: lup demo failed"; cat "$TMP/demo.err"; exit 1; }
if [ -f "$SEEDS/002_e3f287d953d70608.txt" ]; then
	"$LUP" --db "$DB" import commission "$SEEDS/002_e3f287d953d70608.txt" >/dev/null 2>"$TMP/import.err" ||
		{ echo "not ok - browser tests: the commission import failed"; cat "$TMP/import.err"; exit 1; }
else
	echo "not ok - browser tests: seed 002 not found in $SEEDS"
	exit 1
fi
# Users for pages behind a login (passwords only for this throwaway database); check.mjs logs
# in as the user a page of pages.json names.
printf 'editorpassword1\n' | "$LUP" --db "$DB" user add editor --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null 2>&1
printf 'citypassword1\n' | "$LUP" --db "$DB" user add city --role city --org stadsledningskontoret >/dev/null 2>&1
export BROWSER_USERS="editor:editorpassword1 city:citypassword1"
TOKEN=$("$LUP" --db "$DB" token create editor 2>/dev/null)
# The workflow tests (workflow.mjs) write through the forms, so they get a copy of the database
# made before anything else is written and a server of their own; an editor of Spånga-Tensta
# ("editor" above), one of Rinkeby-Kista and the city user log in through /logga-in.
printf 'rkpassword1\n' | "$LUP" --db "$DB" user add rkeditor --role editor --org rinkeby-kista-stadsdelsnamnd >/dev/null 2>&1
# copydb NAME WHAT: a copy of the prepared database for one flow (its own, since flows write),
# as $TMP/NAME.db; prints its path, or stops the run naming WHAT.
copydb() {
	if [ -n "${LUP_PG:-}" ]; then
		"$top/tests/tools/pg-db" copy "$DB" "$TMP/$1.db" 2>"$TMP/backup.err"
	else
		sqlite3 "$DB" ".backup '$TMP/$1.db'" 2>"$TMP/backup.err"
	fi ||
		{ echo "not ok - browser tests: copying the database for $2 failed" >&2; cat "$TMP/backup.err" >&2; exit 1; }
	echo "$TMP/$1.db"
}
WFDB=$(copydb workflow "the workflow tests") || exit 1
export WORKFLOW_USERS="st:editor:editorpassword1 rk:rkeditor:rkpassword1 city:city:citypassword1"
# The upload test (upload.mjs) imports through /importera, so it gets a copy of its own too;
# the editor of Spånga-Tensta uploads that organisation's verksamhetsplan (seed 003).
UPDB=$(copydb upload "the upload test") || exit 1
export UPLOAD_USER="editor:editorpassword1"
# The create test (create.mjs) adds and deletes an activity through the forms, so it gets a copy
# of its own as well; the editor of Spånga-Tensta logs in through /logga-in.
CRDB=$(copydb create "the create test") || exit 1
export CREATE_USER="editor:editorpassword1"
# The report cycle (report-cycle.mjs) runs a T2 report from draft to approved through the forms,
# so it gets a copy of its own; the editor of Spånga-Tensta and the city user log in.
RCDB=$(copydb report-cycle "the report cycle") || exit 1
export REPORTCYCLE_USERS="st:editor:editorpassword1 city:city:citypassword1"
# The LUP flow (lup-flow.mjs) writes a new version of Skarpnäck's LUP through the forms, adopts
# it and adds a contribution, so it gets a copy of its own with three editors of its own: of
# Skarpnäck, of Socialförvaltningen and of Farsta (who is refused at each step). It runs
# `lup plan diff` on its database afterwards.
LFDB=$(copydb lup-flow "the LUP flow") || exit 1
printf 'skpassword1\n' | "$LUP" --db "$LFDB" user add skeditor --role editor --org skarpnack-stadsdelsnamnd >/dev/null 2>&1
printf 'sopassword1\n' | "$LUP" --db "$LFDB" user add soeditor --role editor --org socialforvaltningen >/dev/null 2>&1
printf 'fapassword1\n' | "$LUP" --db "$LFDB" user add faeditor --role editor --org farsta-stadsdelsnamnd >/dev/null 2>&1
export LUPFLOW_USERS="sk:skeditor:skpassword1 so:soeditor:sopassword1 fa:faeditor:fapassword1"
# The annual wheel (wheel.mjs) sets deadlines through the Årshjul forms, so it gets a copy of its
# own: the city user sets the T2 deadline, the editor of Spånga-Tensta ("editor") sees it and sets
# its committee's internal deadline.
WHDB=$(copydb wheel "the wheel flow") || exit 1
export WHEEL_USERS="city:city:citypassword1 st:editor:editorpassword1"
# The todo flow (todo.mjs) gets a copy with the city's deadline for tertialrapport 2 2022 and two
# servers of it: one on 10 September 2022, before the deadline, one on 1 October, after it and
# the 14 days of grace (LUP_TODAY); the editor of Spånga-Tensta logs in to both.
TDDB=$(copydb todo "the todo flow") || exit 1
sqlite3 "$TDDB" "INSERT INTO deadline (year, kind, level, due, set_at) VALUES (2022, 'T2', 'city', '2022-09-15', '2022-01-10T08:00:00Z')"
TDIND=$(sqlite3 "$TDDB" "SELECT i.key FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN organisation o ON o.id = g.owner_id
	WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 ORDER BY i.id LIMIT 1")
export TODO_USER="editor:editorpassword1"
# The indicators flow (indicators.mjs) divides an indicator by sex through the form, so it gets a
# copy of its own, with a 5-year goal of Spånga-Tensta's decided LUP on that indicator (the
# dataset's LUP goals have none) for the district page's trajectory.
INDDB=$(copydb indicators "the indicators flow") || exit 1
sqlite3 "$INDDB" "INSERT INTO goal (key, owner_id, plan_version_id, level, number, title, area_id, sex, horizon,
  horizon_year, target_value, target_direction, indicator_id, benchmark)
  SELECT 'browser-lup-goal', p.owner_id, pv.id, 'lup', '9', 'Färre barn i familjer med ekonomiskt bistånd', p.district_id,
  'T', '5y', 2026, 3.0, 'lower', (SELECT id FROM indicator WHERE key = 'vp-2022-spanga-tensta-i-001'), 'absolute'
  FROM plan p JOIN plan_version pv ON pv.plan_id = p.id WHERE p.key = 'lup-spanga-tensta' AND pv.status = 'decided'
  ORDER BY pv.version DESC LIMIT 1" 2>"$TMP/goal.err" ||
	{ echo "not ok - browser tests: the LUP goal for the indicators flow"; cat "$TMP/goal.err"; exit 1; }
export INDICATORS_USER="editor:editorpassword1"
# The resources flow (resources.mjs) records resources through the form, so it gets a copy of its
# own with an editor of Socialförvaltningen.
RSDB=$(copydb resources "the resources flow") || exit 1
printf 'sfpassword1\n' | "$LUP" --db "$RSDB" user add sfeditor --role editor --org socialforvaltningen >/dev/null 2>&1
export RESOURCES_USER="sfeditor:sfpassword1"
# The annual wheel's whole cycle (annual-wheel.mjs, issue 13's "Done when") gets a copy of its
# own and two servers of it, on 10 September 2022 and on 1 October 2022 (after the T2 deadline
# the city sets in the flow, 15 September, and the 14 days of grace; LUP_TODAY): the city user,
# the editors of Spånga-Tensta and Rinkeby-Kista, one of Socialförvaltningen; the Spånga-Tensta
# and the Rinkeby-Kista editors get e-mail addresses for `lup remind --mail`, which the flow runs
# on this database.
AWDB=$(copydb annual-wheel "the annual wheel") || exit 1
printf 'sfpassword1\n' | "$LUP" --db "$AWDB" user add sfeditor --role editor --org socialforvaltningen >/dev/null 2>&1
"$LUP" --db "$AWDB" user email editor st-editor@example.org >/dev/null 2>&1
"$LUP" --db "$AWDB" user email rkeditor rk-editor@example.org >/dev/null 2>&1
AWIND=$(sqlite3 "$AWDB" "SELECT i.key FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN organisation o ON o.id = g.owner_id
	WHERE o.key = 'spanga-tensta-stadsdelsnamnd' AND g.year = 2022 ORDER BY i.id LIMIT 1")
export ANNUALWHEEL_USERS="city:city:citypassword1 st:editor:editorpassword1 rk:rkeditor:rkpassword1 so:sfeditor:sfpassword1"
export ANNUALWHEEL_MAIL="st-editor@example.org rk-editor@example.org"
# A draft of Spånga-Tensta's LUP (after the copies: the flows start without one), so that
# check.mjs checks the draft-only pages of pages.json (the version forms, the adoption form).
"$LUP" --db "$DB" plan new-version lup-spanga-tensta >/dev/null 2>"$TMP/draft.err" ||
	{ echo "not ok - browser tests: lup plan new-version lup-spanga-tensta failed"; cat "$TMP/draft.err"; exit 1; }

"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" >/dev/null 2>"$TMP/server.log" &
SERVERS=$!
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
if [ ! -s "$TMP/port" ]; then
	echo "not ok - browser tests: lup serve did not start"
	cat "$TMP/server.log"
	exit 1
fi
# a draft tertial report of the editor's organisation, for the follow-up report page
curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"org":"spanga-tensta-stadsdelsnamnd","period":"2022-T1"}' "http://127.0.0.1:$(cat "$TMP/port")/api/v1/reports"
rm -rf "$SHOTS"
mkdir -p "$SHOTS"
# The page checks are meant to take under 5 minutes (about 2 on an idle machine, beside the
# end-to-end scripts that make check runs at the same time); they are stopped after 10, so that
# a hung browser never hangs make check.
start=$(date +%s)
rc=0
if want check; then
	timeout 600 node tests/browser/check.mjs "http://127.0.0.1:$(cat "$TMP/port")" "$DB" "$SHOTS"
	rc=$?
	[ $rc -eq 124 ] && echo "not ok - browser tests finished within 10 minutes"
fi
# flow NAME DB SECONDS SCRIPT [ARGS...]: a flow through the forms (they write) on its own copy of
# the database DB and its own server: node SCRIPT BASE_URL SCREENSHOTS ARGS, stopped after
# SECONDS; a failure, a timeout or a server that does not start sets rc=1.
flow() {
	name=$1 fdb=$2 secs=$3 script=$4
	shift 4
	want "$name" || return 0
	"$LUP" --db "$fdb" serve --listen 127.0.0.1:0 --port-file "$TMP/$name.port" >/dev/null 2>"$TMP/$name.log" &
	SERVERS="$SERVERS $!"
	for i in $(seq 100); do [ -s "$TMP/$name.port" ] && break; sleep 0.1; done
	if [ ! -s "$TMP/$name.port" ]; then
		echo "not ok - $name browser tests: lup serve did not start"
		cat "$TMP/$name.log"
		rc=1
		return
	fi
	timeout "$secs" node "$script" "http://127.0.0.1:$(cat "$TMP/$name.port")" "$SHOTS" "$@"
	frc=$?
	[ $frc -eq 124 ] && echo "not ok - $name browser tests finished within $secs s"
	[ $frc -ne 0 ] && rc=1
}
# the "Ladda ned" menus: a Word, an Excel and a CSV file downloaded by clicking (it only reads)
if want downloads; then
	timeout 60 node tests/browser/downloads.mjs "http://127.0.0.1:$(cat "$TMP/port")" "$TMP/downloads"
	erc=$?
	[ $erc -eq 124 ] && echo "not ok - downloads browser tests finished within 60 s"
	[ $erc -ne 0 ] && rc=1
fi
# the example outcomes seen on the start, a district and an organisation page (it only reads)
if want example; then
	timeout 60 node tests/browser/example.mjs "http://127.0.0.1:$(cat "$TMP/port")" "$SHOTS"
	erc=$?
	[ $erc -eq 124 ] && echo "not ok - example browser tests finished within 60 s"
	[ $erc -ne 0 ] && rc=1
fi
flow workflow "$WFDB" 120 tests/browser/workflow.mjs
# the file upload of the import page: the editor uploads its verksamhetsplan (seed 003)
SEED3=$(ls "$SEEDS"/003_*.txt 2>/dev/null | head -1)
if want upload && [ -z "$SEED3" ]; then
	echo "not ok - upload browser test: seed 003 not found in $SEEDS"
	rc=1
else
	flow upload "$UPDB" 60 tests/browser/upload.mjs "$SEED3"
fi
flow create "$CRDB" 60 tests/browser/create.mjs
# the report cycle: unassessed goals, Ej bedömt with a reason, return, approval, the history
flow report-cycle "$RCDB" 120 tests/browser/report-cycle.mjs
flow lup-flow "$LFDB" 180 tests/browser/lup-flow.mjs "$LUP" "$LFDB"
flow wheel "$WHDB" 60 tests/browser/wheel.mjs
# Att göra and the period lock: two servers of one database on two days (LUP_TODAY)
if want todo; then
	for d in before:2022-09-10 after:2022-10-01; do
		LUP_TODAY=${d#*:} "$LUP" --db "$TDDB" serve --listen 127.0.0.1:0 --port-file "$TMP/todo-${d%%:*}.port" \
			>/dev/null 2>"$TMP/todo-${d%%:*}.log" &
		SERVERS="$SERVERS $!"
	done
	for i in $(seq 100); do [ -s "$TMP/todo-before.port" ] && [ -s "$TMP/todo-after.port" ] && break; sleep 0.1; done
	if [ -s "$TMP/todo-before.port" ] && [ -s "$TMP/todo-after.port" ]; then
		timeout 60 node tests/browser/todo.mjs "http://127.0.0.1:$(cat "$TMP/todo-before.port")" \
			"http://127.0.0.1:$(cat "$TMP/todo-after.port")" "$SHOTS" "$TDIND"
		erc=$?
		[ $erc -eq 124 ] && echo "not ok - todo browser tests finished within 60 s"
		[ $erc -ne 0 ] && rc=1
	else
		echo "not ok - todo browser tests: lup serve did not start"
		rc=1
	fi
fi
# issue 13's whole cycle: two servers of one database on two days (LUP_TODAY), and lup remind
if want annual-wheel; then
	for d in before:2022-09-10 after:2022-10-01; do
		LUP_TODAY=${d#*:} "$LUP" --db "$AWDB" serve --listen 127.0.0.1:0 --port-file "$TMP/aw-${d%%:*}.port" \
			>/dev/null 2>"$TMP/aw-${d%%:*}.log" &
		SERVERS="$SERVERS $!"
	done
	for i in $(seq 100); do [ -s "$TMP/aw-before.port" ] && [ -s "$TMP/aw-after.port" ] && break; sleep 0.1; done
	if [ -s "$TMP/aw-before.port" ] && [ -s "$TMP/aw-after.port" ]; then
		timeout 120 node tests/browser/annual-wheel.mjs "http://127.0.0.1:$(cat "$TMP/aw-before.port")" \
			"http://127.0.0.1:$(cat "$TMP/aw-after.port")" "$SHOTS" "$LUP" "$AWDB" "$AWIND"
		erc=$?
		[ $erc -eq 124 ] && echo "not ok - annual-wheel browser tests finished within 120 s"
		[ $erc -ne 0 ] && rc=1
	else
		echo "not ok - annual-wheel browser tests: lup serve did not start"
		rc=1
	fi
fi
flow indicators "$INDDB" 150 tests/browser/indicators.mjs
flow resources "$RSDB" 90 tests/browser/resources.mjs
took=$(( $(date +%s) - start ))
[ $took -gt 420 ] && echo "# warning: the browser tests took $took s, over their 7-minute budget"
exit $rc
