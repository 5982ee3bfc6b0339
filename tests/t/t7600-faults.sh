#!/bin/sh
# t7600: the fault suite, briefly (tests/fault/fault.py; `make soak` runs it at length):
#  - kill -9 of `lup serve` during concurrent authenticated writes, 3 times: every write it
#    acknowledged is there after the restart (read back through the API), each with its audit
#    entry; `lup check` and (SQLite) PRAGMA integrity_check are ok. And the driver does notice a
#    lost write: a server that comes back on an older copy of the database is caught.
#  - 200 keep-alive connections for 5 s on a mix of pages and API views: 0 errors (the RSS of
#    the server, start/peak/end, is reported, not asserted)
#  - 50 slow clients sending a request head a byte a second while normal traffic runs: every
#    normal request is answered (the throughput ratio is reported, not asserted)
#  - `lup backup` during writes: the backup checks ok, holds every write acknowledged before it
#    began, each with its audit entry (one snapshot), and restores (SQLite: the file copied;
#    PostgreSQL: pg_restore into a new database) to the same contents; a backup taken once the
#    writes stopped restores to contents identical to the database's.
# The figures go to the test's output as "# ..." lines. tests/fault/soak.sh (`make soak`) runs
# this script with the sizes of the issue through the variables below, and with FAULT_SOAK=1,
# which also asserts that normal traffic keeps at least half its throughput among the slow
# clients (a timed figure: only in the soak, never in make check).
# Under the sanitizers (LUP_SAN=1, some 3 times slower) make check runs 2 kills and 3 s of load.
if [ -n "${LUP_SAN:-}" ]; then k=2 cs=3; else k=3 cs=5; fi
KILLS=${FAULT_KILLS:-$k} CONNS=${FAULT_CONNS:-200} CONN_S=${FAULT_CONN_SECONDS:-$cs}
SLOW=${FAULT_SLOW:-50} SLOW_S=${FAULT_SLOW_SECONDS:-1.5} SOAK=${FAULT_SOAK:-0}
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
F="python3 $ROOT/tests/fault/fault.py"
L() { "$LUP" --db "$DB" "$@"; }
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || :
OWNER=spanga-tensta-stadsdelsnamnd DISTRICT=spanga-tensta
# lap: the seconds since the script began (the sections' times, reported with their figures)
T0=$(date +%s)
lap() { echo "at $(($(date +%s) - T0)) s"; }
# field NAME: the value of NAME=... in $TMP/fig
field() { tr ' ' '\n' < "$TMP/fig" | sed -n "s/^$1=//p"; }
# dump DB: DB's whole content as SQL text, the same for the same content (pg-db sorts the rows)
dump() { sqlite3 "$1" .dump; }
# live DB: `lup serve` of DB (quiet) on a free port; sets SERVER and PORT
live() {
	rm -f "$TMP/port"
	"$LUP" --db "$1" serve --listen 127.0.0.1:0 --port-file "$TMP/port" --quiet >/dev/null 2>"$TMP/server.log" &
	SERVER=$!
	trap 'kill $SERVER 2>/dev/null; lib_cleanup' EXIT
	for i in $(seq 200); do [ -s "$TMP/port" ] && break; sleep 0.1; done
	[ -s "$TMP/port" ] || { nok "lup serve starts"; sed 's/^/    /' "$TMP/server.log" >&2; finish; }
	PORT=$(cat "$TMP/port")
}
stop() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; }
# restore BACKUP DB: DB becomes the database BACKUP (of `lup backup`) holds: on SQLite the file
# copied, on PostgreSQL pg_restore into a new database
restore() {
	if on_pg; then
		"$ROOT/tests/tools/pg-db" create "$2" &&
			pg_restore --no-owner --dbname="$("$ROOT/tests/tools/pg-db" url "$2")" "$1"
	else cp "$1" "$2"; fi
}
# unaudited DB: the writes of the driver (activities named fault-...) without their audit entry
unaudited() {
	sqlite3 "$1" "SELECT count(*) FROM activity a WHERE a.title LIKE 'fault-%' AND NOT EXISTS
		(SELECT 1 FROM audit u WHERE u.entity = 'activity' AND u.entity_id = a.id AND u.action = 'insert')"
}
# integrity DB: `lup check` of DB, and on SQLite PRAGMA integrity_check
integrity() {
	expect_exit "$2: lup check is ok" 0 "$LUP" --db "$1" check
	if on_pg; then pg_skip "$2: PRAGMA integrity_check (SQLite's)"
	else expect_eq "$2: PRAGMA integrity_check" "$(command sqlite3 "$1" 'PRAGMA integrity_check')" ok; fi
}

L demo "$ROOT/data/stockholm" >/dev/null || { nok "demo"; finish; }
printf 'faultpassword1\n' | L user add writer --role editor --org "$OWNER" >/dev/null
TOKEN=$(L token create writer 2>/dev/null)
[ -n "$TOKEN" ] && ok "an editor's API token" || { nok "token create"; finish; }
echo "# setup: $(lap)"

# --- kill -9 during writes -------------------------------------------------------------------
$F kill --lup "$LUP" --db "$DB" --token "$TOKEN" --owner "$OWNER" --district "$DISTRICT" \
	--rounds "$KILLS" --writers 4 --min-s 0.3 --max-s 1.0 --log "$TMP/kill.log" > "$TMP/fig"
echo "# kill -9 ($(lap)): $(cat "$TMP/fig")"
[ "$(field acked)" -gt 0 ] 2>/dev/null && ok "writes were acknowledged between the kills ($(field acked))" ||
	{ nok "no write was acknowledged ($(cat "$TMP/fig"))"; sed 's/^/    /' "$TMP/kill.log" | tail -5 >&2; }
expect_eq "every acknowledged write survives kill -9 (first missing: $(field first_missing))" "$(field missing)" 0
expect_eq "no write was refused (first: $(field first_refusal))" "$(field refused)" 0
expect_eq "the server after the kills stops cleanly" "$(field clean_stop)" 1
expect_eq "every write has its audit entry" "$(unaudited "$DB")" 0
integrity "$DB" "after the kills"

# the driver catches a lost write: a server that comes back on the database as it was before
# the round (a copy taken first) has lost that round's acknowledged writes
if on_pg; then pg_skip "the lost-write self-check (a file copy of SQLite's database)"; else
	cat > "$TMP/forgetful" <<-EOF
	#!/bin/sh
	# serves an older copy of the database: the writes of the previous round are lost
	[ -f "$TMP/old.db" ] && cp "$TMP/old.db" "$DB" && rm -f "$DB-wal" "$DB-shm"
	command sqlite3 "$DB" ".backup '$TMP/old.db'"
	exec "$LUP" "\$@"
	EOF
	chmod +x "$TMP/forgetful"
	$F kill --lup "$TMP/forgetful" --db "$DB" --token "$TOKEN" --owner "$OWNER" --district "$DISTRICT" \
		--rounds 1 --writers 1 --min-s 0.3 --max-s 0.6 --log "$TMP/kill2.log" > "$TMP/fig"
	[ "$(field missing)" -gt 0 ] 2>/dev/null && ok "the driver notices lost writes ($(field missing) of $(field acked))" ||
		nok "the driver missed the lost writes ($(cat "$TMP/fig"))"
	echo "# the lost-write self-check: $(lap)"
fi

# --- many connections, slow clients ----------------------------------------------------------
live "$DB"
URLS="/ /api/v1/districts /stadsdel/$DISTRICT /api/v1/organisations/$OWNER/goal-chain?year=2022 /healthz /api/v1/goals?limit=20 /api/v1/views/districts-themes"
for u in $URLS; do
	c=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$u")
	[ "$c" = 200 ] || nok "the load's URL $u answers 200 (got $c)"
done
$F conns --port "$PORT" --pid "$SERVER" --n "$CONNS" --seconds "$CONN_S" $URLS > "$TMP/fig"
echo "# $CONNS connections for $CONN_S s ($(lap)): $(cat "$TMP/fig")"
[ "$(field requests)" -gt "$CONNS" ] 2>/dev/null && ok "$CONNS connections were served ($(field requests) requests)" ||
	nok "the connections got little served ($(cat "$TMP/fig"))"
expect_eq "no request of the $CONNS connections failed (first: $(field err_first))" "$(field errors)" 0

$F slow --port "$PORT" --n "$SLOW" --seconds "$SLOW_S" --normal 4 /api/v1/districts /healthz > "$TMP/fig"
echo "# $SLOW slow clients, $SLOW_S s a phase ($(lap)): $(cat "$TMP/fig")"
expect_eq "normal traffic is answered among $SLOW slow clients (first error: $(field err_first))" "$(field errors)" 0
[ "$(field slow_opened)" -ge "$SLOW" ] 2>/dev/null && ok "the slow clients were there ($(field slow_opened) opened)" ||
	nok "the slow clients did not connect ($(cat "$TMP/fig"))"
if [ "$SOAK" = 1 ]; then
	awk "BEGIN { exit !($(field ratio) >= 0.5) }" && ok "normal traffic keeps at least half its throughput (ratio $(field ratio))" ||
		nok "normal traffic fell below half its throughput (ratio $(field ratio))"
fi
expect_eq "the server is still up" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")" 200

# --- a backup during writes -------------------------------------------------------------------
BK="$TMP/backup"
$F backup --port "$PORT" --token "$TOKEN" --owner "$OWNER" --district "$DISTRICT" --before 1 --after 1 \
	--acked "$TMP/before" -- "$LUP" --db "$DB" backup "$BK" > "$TMP/fig"
echo "# backup during writes ($(lap)): $(cat "$TMP/fig")"
expect_eq "the backup during writes succeeds" "$(field cmd_rc)" 0
[ "$(field acked)" -gt "$(field acked_before)" ] 2>/dev/null && ok "writes went on during the backup" ||
	nok "no write during the backup ($(cat "$TMP/fig"))"
R="$TMP/restored.db"
restore "$BK" "$R" || nok "the backup restores"
integrity "$R" "the restored backup"
sqlite3 "$R" "SELECT title FROM activity WHERE title LIKE 'fault-b-%'" | sort > "$TMP/in-backup"
expect_eq "the backup holds every write acknowledged before it began" \
	"$(sort "$TMP/before" | comm -23 - "$TMP/in-backup" | wc -l)" 0
expect_eq "the backup is one snapshot: each write with its audit entry" "$(unaudited "$R")" 0
if on_pg; then pg_skip "the restored file is the backup file (SQLite's restore is a copy)"; else
	expect_eq "the restored database has the backup's contents" "$(dump "$BK" | md5sum)" "$(dump "$R" | md5sum)"
fi
# once the writes have stopped, a backup restores to the database's very contents
BK2="$TMP/backup2" R2="$TMP/restored2.db"
expect_exit "a backup after the writes" 0 "$LUP" --db "$DB" backup "$BK2"
restore "$BK2" "$R2" || nok "the second backup restores"
expect_eq "a backup restores to an identical database" "$(dump "$R2" | md5sum)" "$(dump "$DB" | md5sum)"
echo "# the backups' checks: $(lap)"
stop
finish
