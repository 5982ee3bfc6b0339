# lib.sh: helpers for the end-to-end tests (sourced by tests/t/t*.sh).
# $LUP is the binary under test. Each check prints "ok - name" or "not ok - name".
set -u
: "${LUP:?set LUP to the lup binary}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SEEDS="$ROOT/../shared/seeds"
TMP=$(mktemp -d)
trap 'lib_cleanup' EXIT
failed=0
# Passwords at Argon2id's minimum cost (src/web/auth.h auth_test_pwhash): the scripts create
# hundreds of accounts and logins; t3500 checks that without it the cost is the interactive one.
export LUP_TEST_PWHASH=${LUP_TEST_PWHASH-fast}

# PostgreSQL mode: with LUP_PG set to the socket directory of a private cluster
# (scripts/pg-cluster.sh; tests/run.sh starts one), the same script runs lup on PostgreSQL. The
# scripts keep naming databases by file path: $LUP becomes tests/tools/lup-pg, which turns the
# path after --db (and $LUP_DB) into the address of the database that path stands for
# (lup_<md5 of the absolute path>, tests/tools/pg-db), and `sqlite3 DB SQL` runs SQL with psql
# on it. The file operations on a database go through db_copy, db_remove and db_exists; a check
# that only means something for SQLite's file (a corrupt file, a file copy, file modes) is
# guarded by on_pg and says pg_skip instead. Every database a script names is dropped when it
# ends (lib_cleanup).
# A check that needs an SQLite file in the PostgreSQL run too uses $LUP_REAL (the binary itself,
# in both modes) and `command sqlite3` (the real sqlite3).
# (LUP_DB_PG, the name the issue's common brief uses, is taken for LUP_PG.)
LUP_PG=${LUP_PG:-${LUP_DB_PG:-}}
on_pg() { [ -n "${LUP_PG:-}" ]; }
LUP_REAL=$LUP
if on_pg; then
	case $LUP in /*) ;; */*) LUP="$(pwd)/$LUP" ;; esac
	LUP_REAL=$LUP
	LUP="$ROOT/tests/tools/lup-pg"
	LUP_PG_REG="$TMP/.pg-databases"
	export LUP_REAL LUP_PG LUP_PG_REG
	# sqlite3 [-cmd X]... DB [SQL]...: SQL on DB's database, printed like sqlite3's list mode
	sqlite3() { "$ROOT/tests/tools/pg-db" sql "$@"; }
elif [ -n "${LUP_DEMO_CACHE:-}" ] && [ "$LUP" != "$ROOT/tests/tools/lup-demo" ]; then
	# the demo cache of a run of the scripts on SQLite (tests/run.sh): $LUP becomes
	# tests/tools/lup-demo, which runs the binary, $LUP_REAL, and makes `lup --db PATH demo
	# DATASET` on a new (or only initialised) PATH a copy of the same load made once
	# (LUP_DEMO_FRESH=1: never)
	case $LUP in /*) ;; */*) LUP="$(pwd)/$LUP" ;; esac
	LUP_REAL=$LUP
	LUP="$ROOT/tests/tools/lup-demo"
	export LUP_REAL
fi
# lib_cleanup: what the EXIT trap does (a script that sets its own trap calls it last): drops the
# script's PostgreSQL databases, removes $TMP
lib_cleanup() {
	on_pg && "$ROOT/tests/tools/pg-db" drop-listed "$LUP_PG_REG"
	rm -rf "$TMP"
}
# The scripts that look at PostgreSQL itself (its counters, plans, schema; t7000, t7210, t7220,
# t7300, t7470) run on the PostgreSQL run only, on a database of their own named in full:
# pg_only NAME: without LUP_PG says the script is skipped and ends it (exit 0); else sets PGNAME
# (pg_db NAME's name) and P (its address); L ARGS runs lup on it, q SQL runs SQL on it (psql,
# unaligned, tuples only). It creates nothing (lup init or demo does).
pg_only() {
	on_pg || { echo "# skip: no PostgreSQL"; exit 0; }
	PGNAME=$(pg_db "$1")
	P="postgresql:///$PGNAME?host=$LUP_PG"
	L() { "$LUP" --db "$P" "$@"; }
	q() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$LUP_PG" -d "$PGNAME" -c "$1"; }
}
# pg_db NAME: prints lup_NAME_PID, the name of a database of the script's own on the test
# cluster, which lib_cleanup drops when the script ends (WITH FORCE: also while a server it
# started is still ending); it creates nothing
pg_db() {
	echo "lup_$1_$$" >> "$LUP_PG_REG"
	echo "lup_$1_$$"
}
# sql_real TEXT: TEXT with its numbers as the sqlite3 function prints a real column: unchanged on
# SQLite (3.0), a whole number without its .0 on PostgreSQL (3); for an expected value
sql_real() {
	if on_pg; then printf '%s\n' "$1" | sed -E 's/([0-9])\.0([^0-9]|$)/\1\2/g'
	else printf '%s\n' "$1"; fi
}
# pg_skip WHY: a check skipped on PostgreSQL (not counted as ok)
pg_skip() { echo "# skip (PostgreSQL): $1"; }
# db_copy SRC DST: DST becomes a copy of the database SRC, also while a server of SRC runs: on
# SQLite sqlite3's .backup (what is in SRC's WAL too) into a new file, on PostgreSQL CREATE
# DATABASE ... TEMPLATE, or pg_dump while SRC has connections (tests/tools/pg-db copy)
db_copy() {
	if on_pg; then "$ROOT/tests/tools/pg-db" copy "$1" "$2"
	else rm -f "$2" "$2-wal" "$2-shm" && command sqlite3 "$1" ".backup '$2'"; fi
}
# db_remove DB: the database DB no longer exists (its file and -wal, -shm files; its database)
db_remove() {
	if on_pg; then "$ROOT/tests/tools/pg-db" remove "$1"
	else rm -f "$1" "$1-wal" "$1-shm"; fi
}
# db_label DB: how lup's messages name the database DB: its path on SQLite, the name of its
# database on PostgreSQL (part of the address lup is given)
db_label() {
	if on_pg; then "$ROOT/tests/tools/pg-db" name "$1"
	else echo "$1"; fi
}
# db_file DB: a SQLite file holding DB's content now, for readers of SQLite files (the python3
# scripts' sqlite3 module): DB itself on SQLite; on PostgreSQL a new file that `lup copy` fills
# from DB's database
db_file() {
	if on_pg; then
		_f=$(mktemp "$TMP/db-file.XXXXXX")
		"$LUP_REAL" copy "$("$ROOT/tests/tools/pg-db" url "$1")" "$_f" >/dev/null 2>"$_f.err" ||
			sed 's/^/    db_file: /' "$_f.err" >&2
		echo "$_f"
	else echo "$1"; fi
}
# db_exists DB: true when the database DB exists
db_exists() {
	if on_pg; then "$ROOT/tests/tools/pg-db" exists "$1"
	else [ -f "$1" ]; fi
}

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; failed=1; }
diag() { echo "# $1" >&2; }

# expect_exit NAME CODE CMD...: the command exits with CODE
expect_exit() {
	name=$1 code=$2; shift 2
	"$@" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	if [ "$rc" -eq "$code" ]; then ok "$name"; else
		nok "$name (exit $rc, expected $code)"; sed 's/^/    /' "$TMP/err" | head -5 >&2; fi
}

# expect_err NAME TEXT: the last command's stderr contains TEXT
expect_err() {
	if grep -q -F -- "$2" "$TMP/err"; then ok "$1"; else
		nok "$1 (stderr lacks '$2')"; sed 's/^/    /' "$TMP/err" | head -5 >&2; fi
}

# expect_out NAME TEXT: the last command's stdout contains TEXT
expect_out() {
	if grep -q -F -- "$2" "$TMP/out"; then ok "$1"; else
		nok "$1 (stdout lacks '$2')"; head -5 "$TMP/out" | sed 's/^/    /' >&2; fi
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else nok "$1 (got '$2', expected '$3')"; fi
}

# serve DB: `lup serve` of DB on a free loopback port, its log in $TMP/server.log; sets SERVER
# (the pid, stopped when the test exits) and BASE (http://127.0.0.1:PORT). Ends the test when
# the server does not start within 10 s.
serve() {
	rm -f "$TMP/port"
	"$LUP" --db "$1" serve --listen 127.0.0.1:0 --port-file "$TMP/port" >/dev/null 2>"$TMP/server.log" &
	SERVER=$!
	trap 'kill $SERVER 2>/dev/null; lib_cleanup' EXIT
	for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
	[ -s "$TMP/port" ] || { nok "lup serve starts"; sed 's/^/    /' "$TMP/server.log" >&2; exit 1; }
	BASE="http://127.0.0.1:$(cat "$TMP/port")"
}

# req NAME EXPECTED METHOD PATH [BODY] [TOKEN] [EXTRA CURL ARGS...]: one request to $BASE
# (JSON body when BODY is given, bearer TOKEN when given); the answer's body in $TMP/body, its
# headers in $TMP/headers
req() {
	name=$1 want=$2 method=$3 path=$4 body=${5-} tok=${6-}
	if [ $# -ge 6 ]; then shift 6; else shift $#; fi
	if [ -n "$body" ]; then
		code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" \
			${tok:+-H "Authorization: Bearer $tok"} -H 'Content-Type: application/json' \
			--data-binary "$body" "$@" "$BASE$path")
	else
		code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" \
			${tok:+-H "Authorization: Bearer $tok"} "$@" "$BASE$path")
	fi
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 300 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
# jb FILTER: jq -r FILTER of the last answer
jb() { jq -r "$1" "$TMP/body"; }

# The web forms' helpers (cookie jars in $TMP):
# page NAME WANT METHOD PATH JAR [CURL ARGS...]: one request with the cookie jar JAR ("-": none);
# the answer's body in $TMP/body, its headers in $TMP/headers
page() {
	name=$1 want=$2 method=$3 path=$4 jar=$5
	shift 5
	if [ "$jar" = - ]; then set -- "$@"; else set -- -b "$TMP/$jar" -c "$TMP/$jar" "$@"; fi
	code=$(curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" "$@" "$BASE$path")
	if [ "$code" = "$want" ]; then ok "$name"; else
		nok "$name ($method $path: $code, expected $want)"; head -c 600 "$TMP/body" | sed 's/^/    /' >&2; echo >&2; fi
}
# has/hasnt NAME TEXT: the last answer has (has not) TEXT
has() { if grep -q -F -- "$2" "$TMP/body"; then ok "$1"; else nok "$1 (the page lacks '$2')"; fi; }
hasnt() { if grep -q -F -- "$2" "$TMP/body"; then nok "$1 (the page has '$2')"; else ok "$1"; fi; }
# login JAR NAME PASSWORD: a login through /logga-in into the jar JAR
login() { rm -f "$TMP/$1"; page "$2 logs in" 303 POST /logga-in "$1" --data-urlencode "namn=$2" --data-urlencode "losenord=$3"; }
# csrf JAR: the CSRF token of the jar's session (from /konto)
csrf() { curl -s -b "$TMP/$1" "$BASE/konto" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1; }
# valid NAME: tidy finds nothing in the last answer (aria-current aside)
valid() {
	if ! command -v tidy >/dev/null; then ok "$1 (no tidy)"; return; fi
	if tidy -q -e "$TMP/body" 2>&1 | grep -v 'proprietary attribute "aria-current"' | grep -q .; then
		nok "$1 (tidy: $(tidy -q -e "$TMP/body" 2>&1 | grep -v aria-current | head -2 | tr '\n' ' '))"
	else ok "$1"; fi
}

# report_none_rest DB REP CURL-ARGS...: marks the goals of report REP that have no assessment yet
# "Ej bedömt" with a reason, through the API, authenticated by CURL-ARGS (-H "Authorization: Bearer
# T", or -b JAR -H "X-CSRF-Token: C"): a report is submitted only once every goal is assessed
# (docs/web-follow-cycle.md)
report_none_rest() {
	_db=$1 _rep=$2; shift 2
	for _g in $(sqlite3 "$_db" "SELECT g.key FROM report r JOIN period pe ON pe.id = r.period_id JOIN goal g
		ON g.level = 'namndmal' AND g.year = pe.year AND g.owner_id IN (SELECT id FROM organisation
		WHERE id = r.org_id OR pair_id = r.org_id OR id = (SELECT pair_id FROM organisation WHERE id = r.org_id))
		WHERE r.id = $_rep AND g.id NOT IN (SELECT goal_id FROM assessment WHERE report_id = $_rep)"); do
		curl -s -o /dev/null -X PUT "$@" -H 'Content-Type: application/json' \
			--data-binary '{"assessment":"none","analysis":"Underlag saknas för perioden."}' \
			"$BASE/api/v1/reports/$_rep/assessments/$_g"
	done
}

finish() { exit $failed; }
