#!/bin/sh
# t0006: the scripts' demo cache on SQLite (tests/tools/lup-demo, which tests/run.sh puts in front
# of lup for every script): a load of a dataset on a new database is made once and then copied,
# with the same output and status; it never replaces a database that exists, never serves a
# dataset whose files changed since, never keeps a failed load, and LUP_DEMO_FRESH=1 loads anew.
# On a small dataset (two of the Stockholm dataset's tables). SQLite only (lup-pg has its own).
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "the SQLite demo cache"; finish; fi
W="$ROOT/tests/tools/lup-demo"
C="$TMP/cache"
D="$TMP/data"
mkdir "$D"
cp "$ROOT/data/stockholm/organisations.tsv" "$ROOT/data/stockholm/areas.tsv" "$D/"
printf 'organisations organisations.tsv\nareas areas.tsv\n' > "$D/MANIFEST"
# the binary, noting each command it runs in $TMP/runs; runs: how many loads it ran
printf '#!/bin/sh\necho "$3" >> "%s"\nexec "%s" "$@"\n' "$TMP/runs" "$LUP_REAL" > "$TMP/lup"
chmod +x "$TMP/lup"
: > "$TMP/runs"
runs() { grep -c '^demo$' "$TMP/runs"; }
# W ARGS...: lup ARGS through the wrapper with the cache $C (and LUP_DEMO_FRESH=$FRESH)
FRESH=
W() { env LUP_REAL="$TMP/lup" LUP_DEMO_CACHE="$C" LUP_DEMO_FRESH="$FRESH" "$W" "$@"; }
entries() { find "$C" -mindepth 2 -name db 2>/dev/null | wc -l; }
orgs() { command sqlite3 "$1" "SELECT count(*) FROM organisation"; }

"$LUP_REAL" --db "$TMP/a.db" init >/dev/null 2>&1
expect_exit "the first load (on a database lup init made) runs lup" 0 W --db "$TMP/a.db" demo "$D"
expect_out "... and says what it loaded" "loaded $D: 2 files"
cp "$TMP/out" "$TMP/out.a"
expect_eq "... and is kept" "$(entries)" 1
expect_eq "... (one run of lup)" "$(runs)" 1
expect_exit "the next load on a new database" 0 W --db "$TMP/b.db" demo "$D"
expect_eq "... says the same" "$(cat "$TMP/out")" "$(cat "$TMP/out.a")"
expect_eq "... without running lup" "$(runs)" 1
cmp -s "$(find "$C" -mindepth 2 -name db)" "$TMP/b.db" && ok "... a copy of the kept database" ||
	nok "... a copy of the kept database"
expect_eq "... with the dataset's organisations" "$(orgs "$TMP/b.db")" "$(orgs "$TMP/a.db")"

"$LUP_REAL" --db "$TMP/i.db" init >/dev/null 2>&1
expect_exit "a load on a database lup init made" 0 W --db "$TMP/i.db" demo "$D"
expect_eq "... is the kept copy (no run of lup)" "$(runs)" 1
expect_eq "... with the dataset's organisations" "$(orgs "$TMP/i.db")" "$(orgs "$TMP/a.db")"
"$LUP_REAL" --db "$TMP/j.db" init >/dev/null 2>&1
command sqlite3 "$TMP/j.db" "UPDATE setting SET value = '20' WHERE key = 'lock_grace_days'"
expect_exit "a load on an initialised database with a change" 0 W --db "$TMP/j.db" demo "$D"
expect_eq "... is lup's own" "$(runs)" 2
expect_eq "... and keeps the change" "$(command sqlite3 "$TMP/j.db" "SELECT value FROM setting WHERE key = 'lock_grace_days'")" 20
expect_exit "a load on a database that exists" 0 W --db "$TMP/a.db" demo "$D"
expect_out "... is lup's own (nothing new to load)" "already loaded"
expect_eq "... (lup ran)" "$(runs)" 3

sed -i 's/^kommunfullmaktige\tKommunfullmäktige\t/kommunfullmaktige\tKommunfullmäktige Ändrad\t/' "$D/organisations.tsv"
expect_exit "a load of the changed dataset on a new database" 0 W --db "$TMP/c.db" demo "$D"
expect_eq "... loads the changed file" \
	"$(command sqlite3 "$TMP/c.db" "SELECT name FROM organisation WHERE key = 'kommunfullmaktige'")" "Kommunfullmäktige Ändrad"
expect_eq "... and keeps that load too" "$(entries)" 2

printf 'x\ty\tz\n' > "$D/areas.tsv"
expect_exit "a load that fails" 1 W --db "$TMP/d.db" demo "$D"
expect_exit "... fails again (not kept)" 1 W --db "$TMP/e.db" demo "$D"
expect_eq "... and nothing more is kept" "$(entries)" 2

cp "$ROOT/data/stockholm/areas.tsv" "$D/"
expect_exit "the changed dataset again, on a new database" 0 W --db "$TMP/f.db" demo "$D"
expect_eq "... is the kept copy (no run of lup)" "$(runs)" 6
FRESH=1
expect_exit "LUP_DEMO_FRESH=1: the same load" 0 W --db "$TMP/g.db" demo "$D"
expect_eq "... runs lup" "$(runs)" 7
expect_eq "... with the same organisations" "$(orgs "$TMP/g.db")" "$(orgs "$TMP/f.db")"
finish
