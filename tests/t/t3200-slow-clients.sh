#!/bin/sh
# t3200: slow clients: a body trickled in over longer than --request-timeout is cut off, a
# request head trickled in over longer than --head-timeout is cut off, one address cannot hold
# more than --max-per-address connections, and when slow connections outnumber the cap
# (--max-connections) those waiting longest for their head are cut so that prompt requests are
# still answered. The many connections come from tests/tools/httpload.py (127.0.0.x sources).
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
LOAD="python3 $ROOT/tests/tools/httpload.py"
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || :

# start ARGS...: a server with the options ARGS on a free port; sets SERVER and PORT
start() {
	rm -f "$TMP/port"
	"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --quiet "$@" >/dev/null 2>"$TMP/server.log" &
	SERVER=$!
	for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
	[ -s "$TMP/port" ] || { nok "lup serve $* starts"; sed 's/^/    /' "$TMP/server.log" >&2; finish; }
	PORT=$(cat "$TMP/port")
}
stop() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; }
trap 'kill $SERVER 2>/dev/null; lib_cleanup' EXIT
# field NAME: the value of NAME=... in $TMP/load
field() { tr ' ' '\n' < "$TMP/load" | sed -n "s/^$1=//p"; }

"$LUP" --db "$DB" init >/dev/null
start --request-timeout 1
BASE="http://127.0.0.1:$PORT"
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
stop

# one address opens 1,030 connections (far above its cap of 128), all trickling
start
$LOAD slow "$PORT" 1030 1 5 > "$TMP/load"
[ "$(field open)" -le 128 ] && ok "one address keeps at most 128 connections ($(cat "$TMP/load"))" ||
	nok "one address holds $(field open) connections ($(cat "$TMP/load"))"
[ "$(field answered)" -ge 1 ] && [ "$(field answered)" = "$(field probes)" ] &&
	ok "other addresses are served meanwhile" || nok "other addresses went unanswered ($(cat "$TMP/load"))"
stop

# 20 connections from 4 addresses trickle a request head for 6 s; the head deadline is 2 s
start --head-timeout 2
$LOAD slow "$PORT" 20 4 6 > "$TMP/load"
expect_eq "every trickled head is cut off ($(cat "$TMP/load"))" "$(field cut)/$(field open)" "20/0"
[ "$(field answered)" -ge 1 ] && [ "$(field answered)" = "$(field probes)" ] &&
	ok "prompt requests are answered meanwhile" || nok "prompt requests went unanswered ($(cat "$TMP/load"))"
stop

# 64 trickling connections from 8 addresses, reopened as they are cut, against a cap of 32;
# the head deadline (30 s) is longer than the run: only load shedding can make room
start --max-connections 32 --max-per-address 8 --head-timeout 30
$LOAD slow "$PORT" 64 8 8 --reconnect > "$TMP/load"
[ "$(field cut)" -ge 1 ] && ok "slow connections over the cap are cut ($(cat "$TMP/load"))" ||
	nok "no slow connection was cut ($(cat "$TMP/load"))"
[ "$(field answered)" -ge 1 ] && [ "$(field answered)" = "$(field probes)" ] &&
	ok "prompt requests are answered while the cap is full of slow ones" ||
	nok "prompt requests went unanswered ($(cat "$TMP/load"))"
expect_eq "the server is still up" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" 200
stop

# A server that is late is not a slow client: with one worker thread busy for 4 s (a PDF whose
# stand-in LibreOffice sleeps), a kept-alive connection that sends its whole request head in
# time is answered when the worker is free, not cut by the 1 s head deadline (the head waits in
# its socket; src/web/guard.c head_waiting). A client that trickles its head is still cut.
"$LUP" --db "$TMP/demo.db" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || nok "demo for the late-server case"
printf '#!/bin/sh\nsleep 4\nexit 1\n' >"$TMP/sleepy"
chmod +x "$TMP/sleepy"
rm -f "$TMP/port"
LUP_SOFFICE="$TMP/sleepy" "$LUP" --db "$TMP/demo.db" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --quiet \
	--threads 1 --head-timeout 1 >/dev/null 2>"$TMP/server.log" &
SERVER=$!
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
PORT=$(cat "$TMP/port")
python3 - "$PORT" >"$TMP/late" 2>&1 <<'PY'
import socket, subprocess, sys, time
port = int(sys.argv[1])
c = socket.create_connection(("127.0.0.1", port))     # accepted while the worker is idle
time.sleep(0.3)
pdf = subprocess.Popen(["curl", "-s", "-o", "/dev/null", "--max-time", "30",
                        "http://127.0.0.1:%d/plan/lup-rinkeby-kista/dokument.pdf" % port])
time.sleep(0.5)                                        # the worker is in the conversion now
c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
c.settimeout(20)
try:
    got = c.recv(64)
except OSError as e:
    got = repr(e).encode()
pdf.wait()
print(got.split(b"\r\n")[0].decode("latin-1") or "(closed)")
PY
grep -q '^HTTP/1.1 200' "$TMP/late" && ok "a request that arrived while the only worker was busy is answered, not cut" ||
	nok "the waiting request was cut: $(cat "$TMP/late")"
$LOAD slow "$PORT" 1 1 3 > "$TMP/load"
[ "$(field cut)" -ge 1 ] && ok "... while a head trickled over the deadline is still cut ($(cat "$TMP/load"))" ||
	nok "the trickled head was not cut ($(cat "$TMP/load"))"
stop

expect_exit "a bad --request-timeout" 2 "$LUP" --db "$DB" serve --request-timeout 0
expect_exit "a bad --head-timeout" 2 "$LUP" --db "$DB" serve --head-timeout x
expect_exit "a bad --max-connections" 2 "$LUP" --db "$DB" serve --max-connections 0
expect_exit "a bad --max-per-address" 2 "$LUP" --db "$DB" serve --max-per-address -1
finish
