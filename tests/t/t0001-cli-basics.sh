#!/bin/sh
# t0001: the command line itself: usage, help, exit codes, unknown things, missing and bad files.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"

expect_exit "no command is bad usage" 2 "$LUP"
expect_exit "--help succeeds" 0 "$LUP" --help
expect_out "--help lists the commands" "backup"
expect_exit "unknown command" 2 "$LUP" frobnicate
expect_err "unknown command is named" "unknown command 'frobnicate'"
expect_exit "unknown global option" 2 "$LUP" --bogus list districts
expect_exit "--db without a path" 2 "$LUP" --db
for c in init demo list show check backup summary; do
	expect_exit "$c --help succeeds" 0 "$LUP" "$c" --help
	expect_out "$c --help shows its usage" "usage: lup [--db PATH] $c"
done
expect_exit "help COMMAND" 0 "$LUP" help list

expect_exit "a missing database is an error" 1 "$LUP" --db "$DB" list districts
expect_err "the missing database is named" "$(db_label "$DB")"
expect_err "the message says how to create it" "lup init"
! db_exists "$DB" && ok "reading does not create the database" || nok "reading created the database"

if on_pg; then
	pg_skip "a file that is not a database (SQLite's file)"
else
	printf 'not a database at all, only text that is long enough\n' > "$TMP/junk.db"
	cp "$TMP/junk.db" "$TMP/junk.orig"
	expect_exit "a file that is not a database" 1 "$LUP" --db "$TMP/junk.db" summary
	expect_err "says it is not a database" "not a database"
	cmp -s "$TMP/junk.db" "$TMP/junk.orig" && ok "the bad file is left as it was" || nok "the bad file was changed"
fi

expect_exit "init creates the database" 0 "$LUP" --db "$DB" init
expect_out "init reports the upgrade" "schema version 0 -> "
expect_exit "init again" 0 "$LUP" --db "$DB" init
expect_out "init again changes nothing" "up to date"
LUP_DB="$DB" expect_exit "LUP_DB names the database" 0 "$LUP" summary

expect_exit "list without KIND" 2 "$LUP" --db "$DB" list
expect_exit "list of an unknown kind" 2 "$LUP" --db "$DB" list planets
expect_err "the unknown kind is named" "unknown kind 'planets'"
expect_exit "a filter the kind does not take" 2 "$LUP" --db "$DB" list districts --org socialnamnden
expect_exit "a year that is not a year" 2 "$LUP" --db "$DB" list goals --year 20x2
expect_err "the bad year is named" "'20x2' is not a year"
expect_exit "an option without its value" 2 "$LUP" --db "$DB" list goals --year
expect_exit "an unknown option" 2 "$LUP" --db "$DB" list goals --colour red
expect_exit "an unknown district" 1 "$LUP" --db "$DB" list goals --district Atlantis
expect_err "the unknown district is named" "unknown district 'Atlantis'"
expect_exit "an unknown goal level" 2 "$LUP" --db "$DB" list goals --level top
expect_exit "show without ID" 2 "$LUP" --db "$DB" show goal
expect_exit "show of a missing thing" 1 "$LUP" --db "$DB" show goal no-such-goal
expect_err "the missing thing is named" "no goal 'no-such-goal'"
expect_exit "backup without FILE" 2 "$LUP" --db "$DB" backup
expect_exit "backup into a missing directory" 1 "$LUP" --db "$DB" backup "$TMP/no/such/dir/x.db"
expect_exit "demo of a missing directory" 1 "$LUP" --db "$DB" demo "$TMP/nowhere"
expect_err "the missing MANIFEST is named" "$TMP/nowhere/MANIFEST"
finish
