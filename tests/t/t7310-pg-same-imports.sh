#!/bin/sh
# t7310: the importers give the same counts and the same rows on PostgreSQL as on SQLite. The
# same commands import the seed documents (003: a verksamhetsplan; 000, 001 and 004: LUP work,
# 002 the commission's responses), Kolada files (bench/gen-kolada.sh) and a CSV file of
# outcomes and targets into a SQLite and a PostgreSQL database, each importer run twice (the
# second run changes nothing on either); each importer's report (--json: counts, changes,
# problems) must be the same, and then every list, every plan's interchange document, the
# indicator tables and `lup check` read the same. Rows are compared through what lup shows of
# them (keys, not ids: PostgreSQL's identities advance on upserts that only update). Meant for
# the PostgreSQL run (LUP_PG: the cluster's socket directory); skipped without it.
. "$(dirname "$0")/lib.sh"
if [ -z "${LUP_PG:-}" ]; then echo "# skip: no PostgreSQL"; exit 0; fi
REAL=${LUP_REAL:-$LUP}
S="$TMP/same.db"
PGNAME="lup_t7310_$$"
P="postgresql:///$PGNAME?host=$LUP_PG"
cleanup() {
	psql -h "$LUP_PG" -d postgres -qc "DROP DATABASE IF EXISTS $PGNAME" >/dev/null 2>&1
	lib_cleanup
}
trap cleanup EXIT

# both NAME ARGS...: the same command on both databases; ok when both succeed with the same
# standard output
both() {
	bn=$1; shift
	"$REAL" --db "$S" "$@" >"$TMP/o.s" 2>"$TMP/err.s" </dev/null; a=$?
	"$REAL" --db "$P" "$@" >"$TMP/o.p" 2>"$TMP/err.p" </dev/null; b=$?
	if [ "$NOIDS" = 1 ]; then
		for f in "$TMP/o.s" "$TMP/o.p"; do
			jq -S 'walk(if type == "object" then with_entries(select(.key != "id" and (.key | endswith("_id") | not))) else . end)' \
				"$f" > "$f.j" 2>/dev/null && mv "$f.j" "$f"
		done
	fi
	if [ $a = 0 ] && [ $b = 0 ] && cmp -s "$TMP/o.s" "$TMP/o.p"; then ok "$bn"; else
		nok "$bn (exit $a on SQLite, $b on PostgreSQL)"; diff "$TMP/o.s" "$TMP/o.p" | head -6 >&2
		tail -n 3 "$TMP/err.s" "$TMP/err.p" >&2; fi
}
NOIDS=0
# twice NAME ARGS...: an import on both, then again: the second changes nothing on either
twice() {
	n=$1; shift
	both "$n: the same report on both" "$@" --json
	both "$n: imported again, the same report" "$@" --json
	if jq -e '.changed == 0' "$TMP/o.p" >/dev/null 2>&1; then ok "$n: the second import changes nothing"; else
		nok "$n: the second import changes nothing ($(head -c 200 "$TMP/o.p"))"; fi
}

"$REAL" --db "$S" init >/dev/null 2>&1 && "$REAL" --db "$P" init >/dev/null 2>&1 && ok "lup init on both" || nok "lup init on both"
both "demo" demo "$ROOT/data/stockholm"
twice "003 (a verksamhetsplan)" import plan "$SEEDS/003_ce7d5800f43c1901.txt"
twice "004 (LUP work, OCR)" import lup "$SEEDS/004_c35f62d20a99104f.txt"
twice "001 (LUP work 2017)" import lup "$SEEDS/001_ecab7169fc8ce551.txt"
twice "000 (LUP work)" import lup "$SEEDS/000_4c2a36a3fb02ac8b.txt"
twice "002 (the commission's responses)" import commission "$SEEDS/002_e3f287d953d70608.txt"

K="$TMP/k"
sh "$ROOT/bench/gen-kolada.sh" "$K" 3 30 6
twice "Kolada metadata" import kolada "$K/kpi.json" "$K/muni.json"
twice "Kolada data" import kolada "$K/data.json"
twice "Kolada data as CSV" import csv "$K/data.csv"
"$REAL" --db "$S" export csv organisation spanga-tensta-stadsdelsnamnd --year 2022 -o "$TMP/ind.csv" >/dev/null 2>&1
sed -i 's/;4,5;/;4,75;/' "$TMP/ind.csv"
twice "an exported indicator table as CSV" import csv "$TMP/ind.csv"

# ids are the backends' own (PostgreSQL's identities advance on upserts that only update):
# the lists are compared without them, by everything else they show
NOIDS=1
both "lup summary" summary --json
for k in organisations districts themes goals indicators activities measures plans reports recommendations; do
	both "lup list $k" list "$k" --json
done
for p in $(command sqlite3 "$S" "SELECT key FROM plan ORDER BY key"); do
	both "the interchange document of $p" export json plan "$p"
done
for o in spanga-tensta-stadsdelsnamnd socialforvaltningen; do
	both "the indicator table of $o, 2022" export csv organisation "$o" --year 2022
done
for t in $(command sqlite3 "$S" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'
	AND name NOT LIKE 'search%' AND name NOT IN ('schema_migration', 'audit_log')
	-- SQLite's own derived tables (PostgreSQL counts at read time): migrations 0046, 0051, 0052, 0055, 0060, 0067, 0073, 0075
	AND name NOT IN ('derived_theme_measures', 'derived_indicator_years', 'derived_outcome_sexes',
	'derived_outcome_count', 'derived_outcome_total', 'derived_indicator_targets', 'derived_district_fy',
	'derived_outcome_year', 'derived_need_fy') ORDER BY name"); do
	expect_eq "table $t: the same number of rows" \
		"$(psql -X -At -h "$LUP_PG" -d "$PGNAME" -c "SELECT count(*) FROM \"$t\"")" \
		"$(command sqlite3 "$S" "SELECT count(*) FROM \"$t\"")"
done
"$REAL" --db "$S" check >/dev/null 2>&1 && "$REAL" --db "$P" check >/dev/null 2>&1 && ok "lup check passes on both" || nok "lup check passes on both"
finish
