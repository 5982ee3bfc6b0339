# lib.sh: helpers for the end-to-end tests (sourced by tests/t/t*.sh).
# $LUP is the binary under test. Each check prints "ok - name" or "not ok - name".
set -u
: "${LUP:?set LUP to the lup binary}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SEEDS="$ROOT/../shared/seeds"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failed=0

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; failed=1; }

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
	trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
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

finish() { exit $failed; }
