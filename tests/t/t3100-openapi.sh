#!/bin/sh
# t3100: the OpenAPI document the server publishes is complete for every route and lints clean
# with @redocly/cli (npm, installed by make check).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
REDOCLY="$ROOT/node_modules/.bin/redocly"

"$LUP" --db "$DB" init >/dev/null
"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --quiet >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; lib_cleanup' EXIT
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
curl -s "http://127.0.0.1:$(cat "$TMP/port")/api/openapi.json" > "$TMP/openapi.json"
expect_eq "the document is JSON" "$(jq -r .openapi "$TMP/openapi.json")" "3.1.0"
n=$(jq '[.paths[] | keys[]] | length' "$TMP/openapi.json")
[ "$n" -ge 20 ] && ok "every route is documented ($n operations)" || nok "only $n operations"
expect_eq "operation ids are unique" "$(jq '[.paths[][] | .operationId] | (length == (unique | length))' "$TMP/openapi.json")" true
expect_eq "write routes document 401, 403 and 422" \
	"$(jq '.paths["/api/v1/goals/{id}"].patch.responses | has("401") and has("403") and has("422")' "$TMP/openapi.json")" true
if [ -x "$REDOCLY" ]; then
	if (cd "$TMP" && "$REDOCLY" lint openapi.json > lint.out 2>&1); then
		ok "redocly lint passes"
	else
		nok "redocly lint fails"; tail -30 "$TMP/lint.out" >&2
	fi
else
	nok "redocly is not installed (make check runs npm ci)"
fi
finish
