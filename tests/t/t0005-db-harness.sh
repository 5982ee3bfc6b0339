#!/bin/sh
# t0005: the test harness's database helpers (tests/t/lib.sh) behave the same on SQLite and, with
# LUP_PG, on PostgreSQL (tests/tools/lup-pg, tests/tools/pg-db): a path names one database however
# it is written, the sqlite3 function prints what sqlite3 prints, .dump tells equal contents from
# changed ones, db_copy/db_remove/db_exists act on the database, and (on PostgreSQL) a script's
# databases are dropped when it ends.
. "$(dirname "$0")/lib.sh"
DB="$TMP/h.db"

! db_exists "$DB" && ok "no database before lup init" || nok "a database before lup init"
expect_exit "lup init" 0 "$LUP" --db "$DB" init
db_exists "$DB" && ok "db_exists after lup init" || nok "db_exists after lup init"
expect_exit "--db=PATH names the same database" 0 "$LUP" --db="$DB" init
expect_out "... which is up to date" "up to date"
LUP_DB="$DB" expect_exit "LUP_DB names the same database" 0 "$LUP" init
expect_out "... up to date too" "up to date"
expect_exit "so does a relative path" 0 sh -c "cd '$TMP' && '$LUP' --db h.db init"
expect_out "... up to date as well" "up to date"

# the sqlite3 function's output
expect_eq "NULL empty, columns split by |, comparisons 1 and 0" \
	"$(sqlite3 "$DB" "SELECT NULL, 'a', 1 = 1, 1 = 2")" "|a|1|0"
expect_eq "one line a row" "$(sqlite3 "$DB" "SELECT 1 UNION ALL SELECT 2" | tr '\n' ' ')" "1 2 "
expect_eq "several arguments run in one session" \
	"$(sqlite3 "$DB" "CREATE TEMP VIEW tv AS SELECT 42 AS n" "SELECT n + 1 FROM tv")" 43
expect_eq "SQL on stdin" "$(echo "SELECT 'x' || 'y'" | sqlite3 "$DB")" xy
expect_eq "the same database through a relative path" \
	"$(cd "$TMP" && sqlite3 h.db "SELECT count(*) FROM schema_migration")" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM schema_migration")"
sqlite3 "$DB" "SELECT no_such_column FROM schema_migration" >/dev/null 2>&1
expect_eq "an SQL error fails" "$?" 1
expect_eq "group_concat in a subquery's order, with and without separator" \
	"$(sqlite3 "$DB" "SELECT group_concat(x, ' ') || '/' || group_concat(x) FROM (SELECT 3 AS x UNION ALL SELECT 1 UNION ALL SELECT NULL UNION ALL SELECT 2 ORDER BY 1) AS s")" \
	"1 2 3/1,2,3"
expect_eq "printf of a number" "$(sqlite3 "$DB" "SELECT printf('%.1f', 2.25) || printf(' %04d', 7) || printf(' %+.2f', 1.5) || printf(' %.*f', 2, 3.14159)")" \
	"2.3 0007 +1.50 3.14"
expect_eq "json_extract, json_array_length, json_type" \
	"$(sqlite3 "$DB" "SELECT json_extract('{\"a\":[{\"b\":\"x\"}]}', '\$.a[0].b') || ' ' || json_array_length('{\"a\":[1,2]}', '\$.a') || ' ' || json_type('{\"a\":1.5}', '\$.a') || ' ' || coalesce(json_type('{}', '\$.z'), 'none')")" \
	"x 2 real none"
expect_eq "json_each" "$(sqlite3 "$DB" "SELECT count(*) FROM json_each('{\"a\":1,\"b\":2}') AS j WHERE j.key IN ('a', 'c')")" 1
expect_eq "instr, scalar max and min" "$(sqlite3 "$DB" "SELECT instr('abc', 'c') || ' ' || max(1, 2.5) || ' ' || min(3, 2)")" "3 2.5 2"
expect_eq "a whole real (sql_real)" "$(sqlite3 "$DB" "SELECT CAST(3 AS REAL) || ' ' || 2.5")" "$(sql_real "3.0 2.5")"

# .dump: equal contents give equal dumps, a change shows
sqlite3 "$DB" .dump > "$TMP/d1"
sqlite3 "$DB" .dump > "$TMP/d2"
cmp -s "$TMP/d1" "$TMP/d2" && ok ".dump twice: the same" || nok ".dump twice differs"
grep -q "^INSERT INTO schema_migration VALUES" "$TMP/d1" && ok ".dump has the rows as INSERT INTO table VALUES" ||
	nok ".dump lacks the rows"
sqlite3 "$DB" "UPDATE schema_migration SET applied_at = 'changed' WHERE version = 1"
sqlite3 "$DB" .dump > "$TMP/d3"
cmp -s "$TMP/d1" "$TMP/d3" && nok ".dump misses a changed row" || ok ".dump shows a changed row"

# db_copy, db_remove
db_copy "$DB" "$TMP/c.db" && ok "db_copy" || nok "db_copy"
expect_eq "the copy has the rows" "$(sqlite3 "$TMP/c.db" "SELECT applied_at FROM schema_migration WHERE version = 1")" changed
sqlite3 "$TMP/c.db" "DELETE FROM schema_migration WHERE version = 1"
expect_eq "a write to the copy leaves the original" "$(sqlite3 "$DB" "SELECT count(*) FROM schema_migration WHERE version = 1")" 1
db_copy "$DB" "$TMP/c.db" && ok "db_copy over an existing copy" || nok "db_copy over an existing copy"
expect_eq "which it replaces" "$(sqlite3 "$TMP/c.db" "SELECT count(*) FROM schema_migration WHERE version = 1")" 1
if on_pg; then
	# a connection to the source (a server of it) makes CREATE DATABASE ... TEMPLATE refuse
	psql -X -q -h "$LUP_PG" -d "$(db_label "$DB")" -c "SELECT pg_sleep(4)" >/dev/null 2>&1 &
	sleep 0.5
	db_copy "$DB" "$TMP/busy.db" && ok "db_copy while the source has a connection" || nok "db_copy while the source has a connection"
	expect_eq "... has the rows" "$(sqlite3 "$TMP/busy.db" "SELECT applied_at FROM schema_migration WHERE version = 1")" changed
	wait
fi
db_remove "$TMP/c.db"
! db_exists "$TMP/c.db" && ok "db_remove" || nok "db_remove"
expect_exit "lup on the removed database fails" 1 "$LUP" --db "$TMP/c.db" list districts
expect_err "... naming it" "$(db_label "$TMP/c.db")"

# the databases of a script are dropped when it ends: lup-pg notes each one it names
if on_pg; then
	want="lup_$(printf '%s' "$(realpath -m "$TMP/gone.db")" | md5sum | cut -c1-32)"
	"$LUP" --db "$TMP/gone.db" init >/dev/null
	grep -q -x -F "$want" "$LUP_PG_REG" && ok "lup-pg notes the database it names (lup_<md5 of the path>)" ||
		nok "lup-pg did not note $want"
	echo "$want" > "$TMP/list"
	"$ROOT/tests/tools/pg-db" drop-listed "$TMP/list"
	expect_eq "and the noted databases are dropped" \
		"$(psql -X -At -h "$LUP_PG" -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$want'")" 0
fi
finish
