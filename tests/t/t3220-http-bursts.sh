#!/bin/sh
# t3220: bursts of 1,000 connections at once, back to back, are all answered. With
# libmicrohttpd 0.9.75's epoll mode, a worker thread that had reached its share of the
# connection cap (--max-connections / --threads) left all its connections of the next burst unanswered until
# the 15 s idle timeout; the server now polls with poll(2). The cap 1024 and 8 threads make each share 128, so
# that the bursts reach it.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || :
"$LUP" --db "$DB" init >/dev/null
rm -f "$TMP/port"
"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --quiet --threads 8 --max-connections 1024 >/dev/null 2>"$TMP/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; lib_cleanup' EXIT
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
PORT=$(cat "$TMP/port")

# 20 rounds of 1,000 connections from 16 addresses; the tool stops after a round with a failure
python3 "$ROOT/tests/tools/httpload.py" burst "$PORT" 1000 20 16 > "$TMP/rounds"
expect_eq "20 bursts of 1,000 connections are all answered ($(tr '\n' ' ' < "$TMP/rounds"))" \
	"$(grep -c 'ok=1000 failed=0' "$TMP/rounds")" 20
expect_eq "the server is still up" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" 200
kill $SERVER
wait $SERVER
expect_eq "and stops cleanly" "$?" 0
finish
