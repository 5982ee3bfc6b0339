#!/bin/sh
# t0100: the Stockholm dataset through the CLI: counts read from the seeds, JSON shape, filters,
# idempotent loading, check and backup.
. "$(dirname "$0")/lib.sh"
# every load here is lup demo's own, never a copy of the run's demo cache (lup-demo, lup-pg)
LUP_DEMO_FRESH=1
export LUP_DEMO_FRESH
DB="$TMP/lup.db"
L() { "$LUP" --db "$DB" "$@"; }

expect_exit "demo loads the dataset" 0 L demo "$ROOT/data/stockholm"
expect_out "demo reports what it loaded" "loaded"
L list districts --json > "$TMP/d.json"
expect_eq "14 districts (001 §3)" "$(jq length "$TMP/d.json")" 14
expect_eq "7 of them prioritised (000/001 §1.2)" "$(jq '[.[] | select(.prioritised == true)] | length' "$TMP/d.json")" 7
expect_eq "prioritised is a boolean" "$(jq '[.[] | .prioritised | type] | unique | .[0]' "$TMP/d.json")" '"boolean"'
expect_eq "43 themes in all (001 §3)" "$(jq '[.[] | .themes | length] | add' "$TMP/d.json")" 43
expect_eq "every district has id, name, code" "$(jq '[.[] | has("id") and has("name") and has("code")] | all' "$TMP/d.json")" true
expect_eq "Rinkeby-Kista prioritises its four neighbourhoods" \
	"$(jq -c '.[] | select(.key == "rinkeby-kista") | .prioritised_areas' "$TMP/d.json")" '["Husby","Rinkeby","Akalla","Kista"]'
expect_eq "Spånga-Tensta's five themes in order" \
	"$(jq -r '.[] | select(.name == "Spånga-Tensta") | .themes | join(";")' "$TMP/d.json")" \
	"Tillit och förtroende ”öka det sociala kapitalet”;Barn och ungas livsvillkor;Arbete och sysselsättning;Bostäder;Trygghet"
expect_eq "Norrmalm names no prioritised area" "$(jq '.[] | select(.key == "norrmalm") | .prioritised_areas | length' "$TMP/d.json")" 0
expect_eq "Swedish order: Östermalm last" "$(jq -r '.[-1].name' "$TMP/d.json")" "Östermalm"
expect_eq "20 nämndmål of Spånga-Tensta (003)" \
	"$(L list goals --org spanga-tensta-stadsdelsnamnd --level namndmal --json | jq length)" 20
expect_eq "12 verksamhetsområdesmål in budget 2022 (003)" "$(L list goals --level verksamhetsomradesmal --year 2022 --json | jq length)" 12
expect_eq "3 inriktningsmål (003)" "$(L list goals --level inriktningsmal --json | jq length)" 3
expect_eq "the organisation filter takes a name too" \
	"$(L list goals --org 'Spånga-Tensta stadsdelsnämnd' --level namndmal --json | jq length)" 20
expect_eq "every list item has id and name" \
	"$(for k in organisations themes goals indicators activities measures plans; do L list $k --json | jq '[.[] | has("id") and has("name")] | all'; done | sort -u)" true
n=$(L list activities --district skarpnack --org socialforvaltningen --json | jq length)
[ "$n" -ge 8 ] && ok "Socialförvaltningen's activities in Skarpnäck (000 §3.5: 8)" || nok "Skarpnäck activities: $n"
expect_exit "show a district by name" 0 L show district "Spånga-Tensta" --json
expect_eq "the district shows its committee" "$(jq -r .committee "$TMP/out")" spanga-tensta-stadsdelsnamnd
expect_exit "show an indicator" 0 L show indicator vp-2022-spanga-tensta-i-001 --json
expect_eq "its own target as written (003)" "$(jq -r '.targets[] | select(.kind == "own") | .text' "$TMP/out")" "4,6 %"
expect_eq "its KF target (003)" "$(jq -r '.targets[] | select(.kind == "kf") | .value' "$TMP/out")" 2.7
expect_eq "its outcomes are marked as example data" "$(jq '[.outcomes[] | .example] | all' "$TMP/out")" true
expect_exit "show an organisation by alias" 0 L show organisation "Hållbarhetskommissionen"
expect_exit "check passes" 0 L check

sqlite3 "$DB" .dump > "$TMP/dump1"
expect_exit "demo again" 0 L demo "$ROOT/data/stockholm"
expect_out "demo again says nothing changed" "already loaded"
sqlite3 "$DB" .dump > "$TMP/dump2"
cmp -s "$TMP/dump1" "$TMP/dump2" && ok "loading twice leaves the database byte-identical" || nok "the second load changed the database"

if on_pg; then
	# on PostgreSQL the backup is pg_dump's custom format: restored into a new database it
	# holds the same
	expect_exit "backup" 0 L backup "$TMP/copy.dump"
	"$ROOT/tests/tools/pg-db" create "$TMP/copy.db" &&
		pg_restore -h "$LUP_PG" -O -x -d "$("$ROOT/tests/tools/pg-db" name "$TMP/copy.db")" "$TMP/copy.dump" 2>"$TMP/err"
	expect_eq "the backup restores" "$?" 0
	expect_eq "the backup holds the districts" "$("$LUP" --db "$TMP/copy.db" list districts --json | jq length)" 14
	sqlite3 "$TMP/copy.db" .dump > "$TMP/dump3"
	cmp -s "$TMP/dump2" "$TMP/dump3" && ok "the backup equals the database" || nok "the backup differs"
else
	expect_exit "backup" 0 L backup "$TMP/copy.db"
	expect_eq "the backup holds the districts" "$("$LUP" --db "$TMP/copy.db" list districts --json | jq length)" 14
	sqlite3 "$TMP/copy.db" .dump > "$TMP/dump3"
	cmp -s "$TMP/dump2" "$TMP/dump3" && ok "the backup equals the database" || nok "the backup differs"
fi
expect_exit "summary --json" 0 L summary --json
expect_eq "summary counts the districts" "$(jq .districts "$TMP/out")" 14
finish
