#!/bin/sh
# t7200-servers.sh: two `lup serve` processes on one database share everything through it: a
# session made on one is valid on the other and a logout on either ends it on both, a write
# through one is seen through the other at once (also in its cached pages), and the login
# throttle counts failures from both. On SQLite (one file) and, when PostgreSQL's server is
# installed, on a private PostgreSQL cluster, where the test also restarts the database server
# under the running servers: requests during the restart answer 503 with Retry-After, succeed
# after it, and no acknowledged write is lost.
. "$(dirname "$0")/lib.sh"

if [ -n "${LUP_PG:-}" ]; then
	echo "# skip: this test runs its own PostgreSQL cluster (the SQLite suites run it)"
	exit 0
fi

S2=
# the script's EXIT trap: both servers, the private cluster, then lib.sh's cleanup; set again after
# each `serve` (lib.sh's serve sets a trap of its own, which left the cluster running)
T7200_EXIT='kill $SERVER $S2 2>/dev/null; [ -n "${PGD:-}" ] && sh "$ROOT/scripts/pg-cluster.sh" stop "$PGD" >/dev/null 2>&1; rm -rf ${PGD:+"$PGD"}; lib_cleanup'
trap "$T7200_EXIT" EXIT

# serve2 DB: a second server on the same database; sets S2 and BASE2
serve2() {
	rm -f "$TMP/port2"
	"$LUP" --db "$1" serve --listen 127.0.0.1:0 --port-file "$TMP/port2" >/dev/null 2>"$TMP/server2.log" &
	S2=$!
	for i in $(seq 100); do [ -s "$TMP/port2" ] && break; sleep 0.1; done
	[ -s "$TMP/port2" ] || { nok "the second server starts"; sed 's/^/    /' "$TMP/server2.log" >&2; exit 1; }
	BASE2="http://127.0.0.1:$(cat "$TMP/port2")"
}

# code URL [CURL ARGS...]: the status of one request (body in $TMP/b)
code() { u=$1; shift; curl -s -o "$TMP/b" -D "$TMP/h" -w '%{http_code}' "$@" "$u"; }

# scenario NAME DB: the shared-state checks on database DB
scenario() {
	n=$1 db=$2
	"$LUP" --db "$db" init >/dev/null 2>"$TMP/err" || { nok "$n: init"; cat "$TMP/err" >&2; finish; }
	"$LUP" --db "$db" demo >/dev/null 2>"$TMP/err" || { nok "$n: demo"; cat "$TMP/err" >&2; finish; }
	printf 'editorpassword1\n' | "$LUP" --db "$db" user add anna --role editor --org spanga-tensta-stadsdelsnamnd >/dev/null
	serve "$db"
	trap "$T7200_EXIT" EXIT
	serve2 "$db"
	A=$BASE B=$BASE2

	# a session made on A is valid on B
	rm -f "$TMP/jar"
	expect_eq "$n: login on the first server" "$(code "$A/api/v1/login" -c "$TMP/jar" -H 'Content-Type: application/json' \
		-d '{"name":"anna","password":"editorpassword1"}')" 200
	tok=$(jq -r .csrf_token "$TMP/b")
	expect_eq "$n: the session is valid on the second server" "$(code "$B/api/v1/me" -b "$TMP/jar")" 200
	expect_eq "$n: ... as anna" "$(jq -r '.name // .user.name' "$TMP/b")" anna

	# a write through B (with A's CSRF token) is seen through A at once, also on its cached page
	code "$A/stadsdel/spanga-tensta" >/dev/null
	code "$A/stadsdel/spanga-tensta" >/dev/null	# now cached on A
	expect_eq "$n: a write through the second server" "$(code "$B/api/v1/activities" -b "$TMP/jar" \
		-H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' \
		-d '{"owner":"spanga-tensta-stadsdelsnamnd","name":"Tvåserveraktivitet","start":"2023-01","districts":["spanga-tensta"]}')" 201
	id=$(jq -r .id "$TMP/b")
	expect_eq "$n: the first server reads it at once" "$(code "$A/api/v1/activities/$id")" 200
	expect_eq "$n: ... with its name" "$(jq -r .name "$TMP/b")" "Tvåserveraktivitet"
	code "$A/stadsdel/spanga-tensta" >/dev/null
	if grep -q 'Tvåserveraktivitet' "$TMP/b"; then ok "$n: the first server's cached district page shows it"; else
		nok "$n: the first server's cached district page shows it"; fi

	# a logout on A ends the session on both
	expect_eq "$n: logout on the first server" "$(code "$A/api/v1/logout" -X POST -b "$TMP/jar" -H "X-CSRF-Token: $tok")" 200
	expect_eq "$n: the session is over on the second server" "$(code "$B/api/v1/me" -b "$TMP/jar")" 401
	expect_eq "$n: ... and on the first" "$(code "$A/api/v1/me" -b "$TMP/jar")" 401

	# the login throttle counts the failures of both servers: failures alternate between them
	# until one throttles; the other then refuses at once, even the right password
	other=
	for i in $(seq 30); do
		if [ $((i % 2)) = 1 ]; then s=$A o=$B; else s=$B o=$A; fi
		c=$(code "$s/api/v1/login" -H 'Content-Type: application/json' -d '{"name":"anna","password":"wrongpassword"}')
		[ "$c" = 429 ] && { other=$o; break; }
	done
	if [ -n "$other" ]; then ok "$n: failures through both servers throttle the account"; else
		nok "$n: failures through both servers throttle the account (no 429 in 30 tries)"; other=$A; fi
	expect_eq "$n: ... on the other server too, even for the right password" \
		"$(code "$other/api/v1/login" -H 'Content-Type: application/json' -d '{"name":"anna","password":"editorpassword1"}')" 429
}

scenario sqlite "$TMP/lup.db"
kill $SERVER $S2 2>/dev/null; wait $SERVER $S2 2>/dev/null

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	nok "PostgreSQL's server is installed (scripts/deps.sh test)"
	finish
fi
PGD=$(mktemp -d /tmp/lup-t7200.XXXXXX)
chmod 755 "$PGD"
LUP_PG_FAST=1 sh "$ROOT/scripts/pg-cluster.sh" start "$PGD" >/dev/null || { nok "a PostgreSQL cluster starts"; finish; }
PDB="postgresql:///lup?host=$PGD"
scenario postgresql "$PDB"

# the database server restarts under the running servers
# (the throttle above blocks anna's logins for a while: an API token writes instead)
T=$("$LUP" --db "$PDB" token create anna 2>/dev/null | tail -1)
post() { code "$1/api/v1/activities" -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
	-d "{\"owner\":\"spanga-tensta-stadsdelsnamnd\",\"name\":\"$2\",\"start\":\"2023-01\",\"districts\":[\"spanga-tensta\"]}"; }
expect_eq "postgresql: a write before the restart is acknowledged" "$(post "$A" "Före omstarten")" 201
before=$(jq -r .id "$TMP/b")
sh "$ROOT/scripts/pg-cluster.sh" stop "$PGD" >/dev/null
expect_eq "postgresql: a read while the database is down answers 503" "$(code "$A/api/v1/districts")" 503
if grep -qi '^Retry-After:' "$TMP/h"; then ok "postgresql: ... with Retry-After"; else nok "postgresql: ... with Retry-After"; fi
expect_eq "postgresql: a write while the database is down answers 503" "$(post "$B" "Under omstarten")" 503
LUP_PG_FAST=1 sh "$ROOT/scripts/pg-cluster.sh" start "$PGD" >/dev/null
expect_eq "postgresql: the first server answers after the restart" "$(code "$A/api/v1/districts")" 200
expect_eq "postgresql: the second server answers after the restart" "$(code "$B/api/v1/districts")" 200
expect_eq "postgresql: the write acknowledged before the restart is there" "$(code "$B/api/v1/activities/$before")" 200
expect_eq "postgresql: the refused write is not" \
	"$(psql -X -At -h "$PGD" -d lup -c "SELECT count(*) FROM activity WHERE title = 'Under omstarten'")" 0
expect_eq "postgresql: writes work again" "$(post "$B" "Efter omstarten")" 201
finish
