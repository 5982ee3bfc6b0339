#!/bin/sh
# t0120: `make run` as the README tells a new user to use it: on a database that does not exist
# it loads the Stockholm dataset and the commission's responses, creates the three logins, says
# them, and serves; the pages answer and the editor's login works; a second `make run` on the
# same database upgrades it in place and keeps the logins. Runs `make run` with build/lup (what
# the Makefile serves), so only in the pass with that binary.
. "$(dirname "$0")/lib.sh"
if [ -n "${LUP_SAN:-}" ]; then
	ok "make run: tested in the pass with build/lup # skip"
	finish
fi
if on_pg; then
	pg_skip "make run: the Makefile's DB is an SQLite file (it tests the file and keeps DB.logins beside it)"
	finish
fi
DB="$TMP/run.db"
MAKEPID=

# run_make: `make run` on DB at a free port in the background; sets PORT and BASE, waits until
# it serves (the first run loads the dataset) or gives up after 60 s.
run_make() {
	for try in 1 2 3 4 5; do
		PORT=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000 ))
		make -s -C "$ROOT" run DB="$DB" LISTEN="127.0.0.1:$PORT" >"$TMP/run.out" 2>&1 &
		MAKEPID=$!
		for i in $(seq 600); do
			grep -q "listening on 127.0.0.1:$PORT" "$TMP/run.out" && break
			kill -0 "$MAKEPID" 2>/dev/null || break
			sleep 0.1
		done
		grep -q "listening on 127.0.0.1:$PORT" "$TMP/run.out" && break
		grep -q "cannot listen" "$TMP/run.out" || break	# another failure: no retry
	done
	BASE="http://127.0.0.1:$PORT"
}
# stop: the server make run exec'd, then make itself
stop() {
	pkill -TERM -f "serve --listen 127.0.0.1:$PORT" 2>/dev/null
	wait "$MAKEPID" 2>/dev/null
	MAKEPID=
}
trap '[ -n "$MAKEPID" ] && stop; lib_cleanup' EXIT
code() { curl -s -o "$TMP/body" -w '%{http_code}' "$@"; }

run_make
if grep -q "listening on 127.0.0.1:$PORT" "$TMP/run.out"; then ok "make run serves"; else
	nok "make run serves"; sed 's/^/    /' "$TMP/run.out" | tail -20 >&2; finish; fi
expect_eq "it created the database" "$([ -f "$DB" ] && echo yes)" yes
grep -q "Spånga-Tensta" "$TMP/run.out" && ok "it shows what the database holds" || nok "no summary"
grep -q "Logins for http://127.0.0.1:$PORT/logga-in" "$TMP/run.out" && ok "it says the logins and where to use them" ||
	nok "no logins in the output"
expect_eq "three logins in $DB.logins" "$(wc -l < "$DB.logins" | tr -d ' ')" 3
expect_eq "readable by the owner only" "$(stat -c %a "$DB.logins")" 600
expect_eq "the health check" "$(code "$BASE/healthz")" 200
expect_eq "the city page" "$(code "$BASE/")" 200
expect_eq "a district's page" "$(code "$BASE/stadsdel/spanga-tensta")" 200
expect_eq "the commission page" "$(code "$BASE/kommissionen")" 200
if [ -f "$SEEDS/002_e3f287d953d70608.txt" ]; then
	grep -q 'Inga svar importerade ännu' "$TMP/body" && nok "the commission's responses are not imported" ||
		ok "with the commission's responses (seed 002)"
fi
PW=$(awk '$1 == "redaktor" { print $4 }' "$DB.logins")
expect_eq "the editor logs in with the password shown" \
	"$(code -H 'Content-Type: application/json' -d "{\"name\":\"redaktor\",\"password\":\"$PW\"}" "$BASE/api/v1/login")" 200
stop
sum=$(md5sum < "$DB.logins")
goals=$(sqlite3 "$DB" "SELECT count(*) FROM goal")

run_make
grep -q "listening on 127.0.0.1:$PORT" "$TMP/run.out" && ok "a second make run serves the same database" ||
	{ nok "the second make run"; sed 's/^/    /' "$TMP/run.out" | tail -20 >&2; }
expect_eq "the logins are kept" "$(md5sum < "$DB.logins")" "$sum"
expect_eq "nothing is loaded twice" "$(sqlite3 "$DB" "SELECT count(*) FROM goal")" "$goals"
expect_eq "the editor still logs in" \
	"$(code -H 'Content-Type: application/json' -d "{\"name\":\"redaktor\",\"password\":\"$PW\"}" "$BASE/api/v1/login")" 200
stop
finish
