#!/bin/sh
# t3200: slow clients: a body trickled in over longer than --request-timeout is cut off, while
# other requests go on being served.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"

"$LUP" --db "$DB" init >/dev/null
"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --quiet --request-timeout 1 >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
BASE="http://127.0.0.1:$(cat "$TMP/port")"
head -c 6000 /dev/zero | tr '\0' 'x' > "$TMP/slow"
curl -s -o /dev/null -w '%{http_code}' --max-time 20 --limit-rate 1500 -X POST -H 'Content-Type: application/json' \
	--data-binary "@$TMP/slow" "$BASE/api/v1/login" > "$TMP/code" 2>/dev/null &
CURL=$!
sleep 1
expect_eq "the server answers others meanwhile" "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" 200
wait $CURL
code=$(cat "$TMP/code")
[ "$code" != 200 ] && [ "$code" != 401 ] && ok "the trickling request is cut off (status '$code')" || nok "the slow request was served ($code)"
expect_eq "the server is still up" "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" 200
expect_exit "a bad --request-timeout" 2 "$LUP" --db "$DB" serve --request-timeout 0
finish
