#!/bin/sh
# t0101: a dataset with bad, damaged or differently written files: each either loads the same
# or fails with file:line and leaves the database as it was.
. "$(dirname "$0")/lib.sh"
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }
D="$TMP/data"

fresh() { rm -rf "$D"; cp -r "$ROOT/data/stockholm" "$D"; }
dump() { sqlite3 "$DB" .dump > "$TMP/$1"; }
unchanged() { dump after; cmp -s "$TMP/before" "$TMP/after" && ok "$1: nothing written" || nok "$1: the database changed"; }

L init >/dev/null
dump before

fresh
printf 'lup-nowhere\t1\tEtt tema\t\t\t0\t\n' >> "$D/themes.tsv"
line=$(grep -c '' "$D/themes.tsv")
expect_exit "a theme of an unknown plan" 1 L demo "$D"
expect_err "the error names file, line and column" "themes.tsv:$line: column 'plan': unknown plan 'lup-nowhere'"
unchanged "unknown plan"

fresh
sed -i '3s/\tdistrict_committee\t/\tdistrict_comittee\t/; 3s/\tcouncil\t/\tcouncill\t/; 3s/\tcity_office\t/\tcity_offfice\t/' "$D/organisations.tsv"
expect_exit "an unknown organisation kind" 1 L demo "$D"
expect_err "the bad kind is named with its file" "organisations.tsv:"
expect_err "the allowed kinds are listed" "is not one of: council"
unchanged "unknown kind"

fresh
printf 'x\ty\tz\n' > "$D/sections.tsv"
expect_exit "a file with a wrong header" 1 L demo "$D"
expect_err "the header problem is named" "sections.tsv:1: unknown column 'x'"
unchanged "wrong header"

fresh
printf 'vp-2022-spanga-tensta-i-001\t2022\town\t\t\n' >> "$D/targets.tsv"
expect_exit "a target without a value" 1 L demo "$D"
expect_err "the empty target is named" "column 'value': a target value is required"
unchanged "empty target"

fresh
printf 'x-1\tvp-2022-spanga-tensta\tspanga-tensta-stadsdelsnamnd\tT\t\t2022-13-01\t\t\t\t\t\t\t\t\t\n' >> "$D/activities.tsv"
expect_exit "an impossible date" 1 L demo "$D"
expect_err "the bad date is named" "column 'start'"
unchanged "impossible date"

fresh
head -c 3000 "$ROOT/data/stockholm/measures.tsv" > "$D/measures.tsv"
if L demo "$D" >/dev/null 2>"$TMP/err"; then
	ok "a truncated file loads what it holds"
else
	grep -q 'measures.tsv:' "$TMP/err" && ok "a truncated file fails naming the file" || nok "truncated: $(cat "$TMP/err")"
	unchanged "truncated file"
fi

fresh
for f in "$D"/*.tsv; do sed -i 's/$/\r/' "$f"; done
expect_exit "Windows line endings load" 0 L demo "$D"
n1=$(L list districts --json | jq '[.[] | .themes | length] | add')
expect_eq "with CRLF the themes read the same" "$n1" 43
expect_eq "with CRLF the names carry no CR" "$(L list districts --json | jq '[.[] | .name | test("\r")] | any')" false

db_remove "$DB"
L init >/dev/null
fresh
awk 'NR==1 {print; next} {print; print ""}' "$ROOT/data/stockholm/goals.tsv" > "$D/goals.tsv"
expect_exit "extra blank lines load" 0 L demo "$D"
expect_eq "with blank lines the goals read the same" "$(L list goals --level namndmal --json | jq length)" 20

if on_pg; then
	pg_skip "a database from a newer lup (made with SQLite's PRAGMA user_version)"
else
	sqlite3 "$TMP/future.db" 'CREATE TABLE t (x); PRAGMA user_version = 99999;'  # beyond any migration
	expect_exit "a database from a newer lup" 1 "$LUP" --db "$TMP/future.db" list districts
	expect_err "it says the database is newer" "newer than this program"
fi
finish
