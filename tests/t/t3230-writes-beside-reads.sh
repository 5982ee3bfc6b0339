#!/bin/sh
# t3230: reads do not wait behind writes (web/writeq.h: the writes run on writer threads of
# their own, the pool threads go on serving the reads):
#  - while another process holds the database's write lock (SQLite: BEGIN IMMEDIATE;
#    PostgreSQL: the audit table locked, which every write inserts into), 4 writes on 4
#    connections wait, and meanwhile each of 12 reads on new connections (a page, an API view,
#    /healthz) is answered within 2 s, before any of the writes is; once the lock goes, every
#    write is acknowledged (201) and is there. Before the writer threads, the waiting writes
#    held both pool threads of `--threads 2` and the reads got no answer until the lock went.
#  - 8 writers (kept-alive connections, 25 activities each) while 2 readers read pages and API
#    views: every read is answered 200, every write 201, and the database holds every
#    acknowledged write (by name), each with its audit entry.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
OWNER=spanga-tensta-stadsdelsnamnd DISTRICT=spanga-tensta
HOLD=${HOLD:-4}
"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'writerpassword1\n' | "$LUP" --db "$DB" user add writer --role editor --org "$OWNER" >/dev/null
TOKEN=$("$LUP" --db "$DB" token create writer 2>/dev/null)
[ -n "$TOKEN" ] && ok "an editor's API token" || { nok "token create"; finish; }

rm -f "$TMP/port"
"$LUP" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --threads 2 --quiet >/dev/null 2>"$TMP/server.log" &
SERVER=$!
trap 'kill $SERVER $HOLDER 2>/dev/null; lib_cleanup' EXIT
HOLDER=
for i in $(seq 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
[ -s "$TMP/port" ] || { nok "lup serve starts"; sed 's/^/    /' "$TMP/server.log" >&2; finish; }
PORT=$(cat "$TMP/port")
BASE="http://127.0.0.1:$PORT"

# write NAME: POST of the activity NAME; prints the status
write() {
	curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' "$BASE/api/v1/activities" --data-binary \
		'{"owner":"'$OWNER'","name":"'"$1"'","start":"2023-01","districts":["'$DISTRICT'"]}'
}
# named PATTERN: the activities whose title is LIKE PATTERN, and those of them with their audit
# entry (an insert), as "N M"
named() {
	sqlite3 "$DB" "SELECT count(*), coalesce(sum(CASE WHEN EXISTS (SELECT 1 FROM audit u WHERE u.entity = 'activity'
		AND u.entity_id = a.id AND u.action = 'insert') THEN 1 ELSE 0 END), 0) FROM activity a WHERE a.title LIKE '$1'" |
		tr '|' ' '
}
# hold: holds the database's write lock for HOLD seconds in another process; touches
# $TMP/held once it has it
hold() {
	if on_pg; then
		psql -X -q -v ON_ERROR_STOP=1 "$("$ROOT/tests/tools/pg-db" url "$DB")" -c 'BEGIN' \
			-c 'LOCK TABLE audit IN EXCLUSIVE MODE' -c "\\! touch $TMP/held" \
			-c "SELECT pg_sleep($HOLD)" -c 'COMMIT' >/dev/null
	else
		python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
c.execute("ROLLBACK")' "$DB" "$TMP/held" "$HOLD"
	fi
}

# --- reads while writes wait for the lock ---------------------------------------------------
curl -s -o /dev/null "$BASE/stadsdel/$DISTRICT"	# a first read (opens the pool threads' connections)
hold & HOLDER=$!
for i in $(seq 100); do [ -e "$TMP/held" ] && break; sleep 0.05; done
[ -e "$TMP/held" ] && ok "another process holds the write lock" || nok "the lock holder did not start"
WPIDS=
for w in 1 2 3 4; do write "held-$w" > "$TMP/held-$w.code" & WPIDS="$WPIDS $!"; done
sleep 0.5
bad= n=0
for i in 1 2 3 4; do
	for p in "/stadsdel/$DISTRICT" "/api/v1/organisations/$OWNER" /healthz; do
		n=$((n + 1))
		c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE$p")
		[ "$c" = 200 ] || bad="$bad $p:$c"
	done
done
early=$(cat "$TMP"/held-*.code | tr -d '\n')
expect_eq "$n reads are answered within 2 s each while 4 writes wait for the lock" "${bad:-none}" none
expect_eq "no write was answered while the lock was held" "${early:-none}" none
wait $HOLDER $WPIDS
HOLDER=
expect_eq "every waiting write is acknowledged once the lock goes" "$(cat "$TMP"/held-*.code | tr -d '\n')" 201201201201
expect_eq "the 4 writes are there, each with its audit entry" "$(named 'held-%')" "4 4"

# --- 8 writers beside 2 readers -------------------------------------------------------------
python3 - "$PORT" "$TOKEN" "$OWNER" "$DISTRICT" > "$TMP/load" <<'PY'
import http.client, json, sys, threading
port, token, owner, district = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
lock = threading.Lock()
acked, refused, reads, bad_reads = [], [], [0], []
done = threading.Event()

def writer(w):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    hdrs = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    for i in range(25):
        name = "many-%d-%d" % (w, i)
        conn.request("POST", "/api/v1/activities", json.dumps(
            {"owner": owner, "name": name, "start": "2023-01", "districts": [district]}), hdrs)
        resp = conn.getresponse()
        resp.read()
        with lock:
            (acked if resp.status == 201 else refused).append(name if resp.status == 201 else resp.status)

def reader():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    paths = ["/", "/stadsdel/" + district, "/organisation/%s?ar=2022" % owner, "/api/v1/activities?limit=5"]
    i = 0
    while not done.is_set():
        conn.request("GET", paths[i % len(paths)])
        resp = conn.getresponse()
        resp.read()
        with lock:
            reads[0] += 1
            if resp.status != 200:
                bad_reads.append(resp.status)
        i += 1

ws = [threading.Thread(target=writer, args=(w,)) for w in range(8)]
rs = [threading.Thread(target=reader) for _ in range(2)]
for t in ws + rs:
    t.start()
for t in ws:
    t.join()
done.set()
for t in rs:
    t.join()
print("acked=%d refused=%d reads=%d bad_reads=%d first_refusal=%s" % (
    len(acked), len(refused), reads[0], len(bad_reads), (refused + bad_reads + ["-"])[0]))
PY
# field NAME: the value of NAME=... in $TMP/load
field() { tr ' ' '\n' < "$TMP/load" | sed -n "s/^$1=//p"; }
echo "# 8 writers beside 2 readers: $(cat "$TMP/load")"
expect_eq "every write of the 8 writers is acknowledged" "$(field acked)/$(field refused)" 200/0
[ "$(field reads)" -gt 0 ] 2>/dev/null && [ "$(field bad_reads)" = 0 ] &&
	ok "every read beside them is answered 200 ($(field reads) reads)" ||
	nok "reads beside the writers ($(cat "$TMP/load"))"
expect_eq "every acknowledged write is there, each with its audit entry" "$(named 'many-%')" "200 200"

# a clean stop with the writer threads idle
kill "$SERVER"
wait "$SERVER"
expect_eq "the server stops cleanly" "$?" 0
SERVER=
finish
