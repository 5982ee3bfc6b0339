#!/bin/sh
# t7000-pg-schema.sh: the PostgreSQL migrations (src/store/pg/) make the schema the SQLite ones
# make (tests/tools/schema-compare.sh), carry old rows through the migrations that rebuild a
# table in SQLite (0018 measure_partner, 0022 report history, 0025 resource_allocation, 0026
# target) into the same rows, keep `lup copy` between the backends exact, and define the SQL
# functions of migration 0001 as the C does.
# Meant for the PostgreSQL run: $LUP_PG is the cluster's socket directory (tests/t/lib.sh).
. "$(dirname "$0")/lib.sh"
pg_only t7000
addr=$P
hist=$(pg_db t7000_hist)
copy=$(pg_db t7000_copy)

# The whole schema, through the program's own migration path on both backends
expect_exit "lup init on PostgreSQL" 0 "$LUP" --db "$addr" init
expect_exit "lup init on SQLite" 0 "$LUP_REAL" --db "$TMP/lite.db" init
if sh "$ROOT/tests/tools/schema-compare.sh" "$TMP/lite.db" "$addr" >"$TMP/cmp" 2>&1; then
	ok "the PostgreSQL schema is the SQLite schema"
else
	nok "the PostgreSQL schema is the SQLite schema"; sed 's/^/    /' "$TMP/cmp" >&2
fi
expect_eq "every migration is recorded on both" \
	"$(q "SELECT string_agg(version::text, ' ' ORDER BY version) FROM schema_migration")" \
	"$(command sqlite3 "$TMP/lite.db" "SELECT group_concat(version, ' ') FROM (SELECT version FROM schema_migration ORDER BY version)")"
expect_exit "lup init again changes nothing" 0 "$LUP" --db "$addr" init

# lup copy fills the tables in any order and checks the foreign keys at its commit: every
# foreign key is deferrable. A copy there and back gives the same rows in the same order (the
# rowid column keeps the order of the tables without an id).
expect_eq "every foreign key is deferrable" \
	"$(q "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable
	      AND connamespace = current_schema()::regnamespace")" 0
expect_exit "lup demo on SQLite" 0 "$LUP_REAL" --db "$TMP/demo.db" demo
expect_exit "lup copy SQLite -> PostgreSQL" 0 "$LUP" copy "$TMP/demo.db" "postgresql:///$copy?host=$LUP_PG"
# the copy leaves the planner its statistics (store_analyze: ANALYZE), not autovacuum's to make later
expect_eq "the copy's tables are analysed" \
	"$(psql -X -At -h "$LUP_PG" -d "$copy" -c "SELECT count(DISTINCT tablename) FROM pg_stats WHERE tablename IN ('outcome', 'indicator', 'goal')")" 3
expect_exit "lup copy PostgreSQL -> SQLite" 0 "$LUP" copy "postgresql:///$copy?host=$LUP_PG" "$TMP/back.db"
dropdb -h "$LUP_PG" --if-exists "$copy" 2>/dev/null
for f in demo back; do
	command sqlite3 "$TMP/$f.db" .dump | grep -v -e schema_migration -e search_index -e search_words \
		-e 'INSERT INTO derived_need_fy ' >"$TMP/$f.dump"
	# derived_need_fy (0075) holds its entries in the order written: compared as sets
	command sqlite3 "$TMP/$f.db" "SELECT period_id, area_id, vals FROM derived_need_fy ORDER BY 1, 2" |
		awk -F'|' '{ n = split($3, e, ";"); for (i = 1; i <= n; i++) if (e[i] != "") print $1, $2, e[i] }' | sort >"$TMP/$f.need"
done
expect_eq "derived_need_fy: the same entries there and back" \
	"$(cmp -s "$TMP/demo.need" "$TMP/back.need" && wc -l <"$TMP/demo.need" | tr -d ' ')" "$(wc -l <"$TMP/back.need" | tr -d ' ')"
if [ "$(grep -c '^INSERT' "$TMP/demo.dump")" -gt 1000 ] && cmp -s "$TMP/demo.dump" "$TMP/back.dump"; then
	ok "a copy there and back holds the same rows in the same order"
else
	nok "a copy there and back holds the same rows in the same order"
	diff "$TMP/demo.dump" "$TMP/back.dump" | head -10 | sed 's/^/    /' >&2
fi

# The comparison itself sees a difference (a foreign key's ON DELETE action)
q "ALTER TABLE measure_goal DROP CONSTRAINT measure_goal_goal_id_fkey;
   ALTER TABLE measure_goal ADD FOREIGN KEY (goal_id) REFERENCES goal(id)"
sh "$ROOT/tests/tools/schema-compare.sh" "$TMP/lite.db" "$addr" >"$TMP/cmp" 2>&1
expect_eq "schema-compare reports a changed ON DELETE" "$?:$(grep -c '^[-+] fk measure_goal (goal_id)' "$TMP/cmp")" "1:2"

# lup_revision_text: model_revision_text's text byte for byte (the expected texts are the C's:
# tests/unit/test-trajectory.c and the C function run on the same doubles)
while IFS='|' read -r old new status want; do
	got=$(q "SELECT coalesce(lup_revision_text($old, $new, '$status'), 'NULL')")
	expect_eq "lup_revision_text($old, $new, $status)" "$got" "$want"
done <<'EOF'
79.1|79.3|approved|värdet har reviderats från 79,1 till 79,3 efter godkännandet
NULL|4.25|submitted|värdet har reviderats från saknas till 4,25 efter inskickandet
79.1|79.35|submitted|värdet har reviderats från 79,10 till 79,35 efter inskickandet
80|81|approved|värdet har reviderats från 80,0 till 81,0 efter godkännandet
1234567.891|0.0625|approved|värdet har reviderats från 1 234 567,891 till 0,062 efter godkännandet
-0.0004|2.675|submitted|värdet har reviderats från 0,000 till 2,675 efter inskickandet
0.0005|-1e15|returned|värdet har reviderats från 0,001 till -1 000 000 000 000 000,000 efter inskickandet
1e70|1|approved|NULL
'Infinity'|1|approved|NULL
EOF

# lup_sex_allowed: model_sex_allowed
expect_eq "lup_sex_allowed" \
	"$(q "SELECT string_agg(lup_sex_allowed(b, s)::text, ' ' ORDER BY n) FROM (VALUES (1, 0, 'T'), (2, 0, 'K'),
	      (3, 1, 'K'), (4, 1, 'M'), (5, 1, 'X'), (6, 1, NULL), (7, NULL, 'T'), (8, NULL, 'M'), (9, 1, 'KM')) v(n, b, s)")" \
	"true false true true false false true false false"

# lup_reads: sql_lup_reads of store-sqlite.c, the viewer in the session settings
reads="SELECT string_agg(coalesce(lup_reads(o, p)::text, 'NULL'), ' ' ORDER BY n) FROM (VALUES (1, 5, NULL), (2, 6, NULL),
       (3, 6, 5), (4, 7, 8), (5, NULL, 5), (6, 0, 5)) v(n, o, p)"
expect_eq "lup_reads with no viewer set" "$(q "$reads")" "true true true true true true"
expect_eq "lup_reads for the public" "$(q "SET lup.view = 'public'; $reads")" "false false false false false false"
expect_eq "lup_reads for organisation 5 (pair 7)" "$(q "SET lup.view = 'org'; SET lup.view_org = '5'; SET lup.view_pair = '7'; $reads")" "true false true true false false"
expect_eq "lup_reads for organisation 5 (no pair)" "$(q "SET lup.view = 'org'; SET lup.view_org = '5'; SET lup.view_pair = '0'; $reads")" "true false true false false false"
plan=$(q "EXPLAIN (VERBOSE, COSTS OFF) SELECT id FROM organisation o WHERE lup_reads(o.id, o.pair_id)")
case $plan in
*lup_reads*) nok "lup_reads is inlined into the query"; echo "$plan" | sed 's/^/    /' >&2 ;;
*current_setting*) ok "lup_reads is inlined into the query" ;;
*) nok "lup_reads is inlined into the query (no plan)" ;;
esac

# The rows of the old shape through the migrations after 0017, each file in its own
# transaction as the program runs them, on both backends: the same rows come out.
cat >"$TMP/fixture.sql" <<'EOF'
INSERT INTO organisation (id, key, name, kind) VALUES (1, 'o1', 'Org 1', 'district_committee'),
  (2, 'o2', 'Org 2', 'specialist_committee'), (3, 'o3', 'Org 3', 'company_board');
INSERT INTO area (id, key, name, level) VALUES (1, 'a1', 'Area 1', 'district'), (2, 'a2', 'Area 2', 'district');
INSERT INTO plan (id, key, kind, owner_id, district_id, title, year_from, year_to) VALUES (1, 'p1', 'lup', 1, 1, 'Plan', 2020, 2024);
INSERT INTO plan_version (id, plan_id, version, status) VALUES (1, 1, 1, 'decided');
INSERT INTO measure (id, key, plan_version_id, title) VALUES (1, 'm1', 1, 'M1'), (2, 'm2', 1, 'M2');
INSERT INTO measure_partner (measure_id, org_id, role, source) VALUES (1, 3, 'lead', 's1'), (1, 2, 'partner', NULL),
  (2, 1, 'funder', 's3');
INSERT INTO indicator (id, key, owner_id, name) VALUES (1, 'i1', 1, 'I1'), (2, 'i2', 1, 'I2');
INSERT INTO target (indicator_id, year, kind, mode, value, unit, text, source) VALUES
  (1, 2021, 'own', 'number', 4.5, '%', '4,5 %', 'x'), (1, 2022, 'kf', 'text', NULL, NULL, 'text', NULL),
  (2, 2021, 'own', 'direction', 1, NULL, 'ökande', NULL);
INSERT INTO period (id, year, kind, first_day, last_day) VALUES (1, 2021, 'T1', '2021-01-01', '2021-04-30');
INSERT INTO app_user (id, name, role, created_at) VALUES (1, 'admin', 'admin', '2021-01-01T00:00:00Z'),
  (2, 'city', 'city', '2021-01-01T00:00:00Z');
INSERT INTO report (id, org_id, period_id, status, comment, submitted_by, submitted_at, decided_by, decided_at) VALUES
  (1, 1, 1, 'approved', 'fine', 1, '2021-05-01T10:00:00Z', 2, '2021-05-03T10:00:00Z'),
  (2, 2, 1, 'returned', 'redo', 1, '2021-05-02T10:00:00Z', 2, '2021-05-04T10:00:00Z'),
  (3, 3, 1, 'submitted', NULL, 1, '2021-05-02T11:00:00Z', NULL, NULL);
INSERT INTO resource_allocation (id, org_id, area_id, year, amount_kr, staff, purpose, example) VALUES
  (10, 2, 1, 2021, 150000, 1.5, 'first', 0), (11, 2, 1, 2021, 50000, NULL, 'second', 1),
  (12, 2, 1, 2021, NULL, 0.5, 'third', 0), (13, 3, 2, 2021, 1234.5, NULL, NULL, 0),
  (14, 2, 2, 2022, NULL, 2, 'staff only', 0), (15, 2, 1, 2022, 1000, 1, NULL, 1);
EOF
cat >"$TMP/after.sql" <<'EOF'
INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit) VALUES (3, 1, 2023, 'hours', 5, 'timmar');
INSERT INTO measure_partner (measure_id, org_id, role) VALUES (2, 3, 'support');
SELECT 'mp', rowid, measure_id, org_id, plan_partner_id, role, source FROM measure_partner ORDER BY rowid;
SELECT 'tg', indicator_id, year, kind, sex, mode, value, unit, text, source FROM target ORDER BY indicator_id, year, kind;
SELECT 're', id, report_id, at, user_id, step, comment FROM report_event ORDER BY id;
SELECT 'ra', id, org_id, area_id, year, kind, amount, unit, note, example FROM resource_allocation ORDER BY id;
EOF
createdb -h "$LUP_PG" "$hist"
: >"$TMP/hist.err"
for f in "$ROOT"/src/store/sqlite/0*.sql; do
	case $(basename "$f") in 0018-*) command sqlite3 "$TMP/hist.db" <"$TMP/fixture.sql" 2>>"$TMP/hist.err" ;; esac
	command sqlite3 "$TMP/hist.db" <"$f" 2>>"$TMP/hist.err"
done
for f in "$ROOT"/src/store/pg/0*.sql; do
	case $(basename "$f") in 0018-*) psql -X -q -v ON_ERROR_STOP=1 -1 -h "$LUP_PG" -d "$hist" -f "$TMP/fixture.sql" \
		>/dev/null 2>>"$TMP/hist.err" ;; esac
	psql -X -q -v ON_ERROR_STOP=1 -1 -h "$LUP_PG" -d "$hist" -f "$f" >/dev/null 2>>"$TMP/hist.err"
done
grep -v '^NOTICE' "$TMP/hist.err" >"$TMP/hist.err2" || :
expect_eq "the migrations run from version 0 on both, rows of the old shape in place" "$(cat "$TMP/hist.err2")" ""
# SQLite writes a whole real as 1.0, PostgreSQL as 1
command sqlite3 -separator '|' "$TMP/hist.db" <"$TMP/after.sql" | sed -e 's/\.0|/|/g' -e 's/\.0$//' >"$TMP/hist.sqlite"
psql -X -q -At -h "$LUP_PG" -d "$hist" -f "$TMP/after.sql" >"$TMP/hist.pg" 2>&1
if [ -s "$TMP/hist.sqlite" ] && diff "$TMP/hist.sqlite" "$TMP/hist.pg" >"$TMP/hist.diff"; then
	ok "the migrated rows are the same on both (ids, order, sums, notes)"
else
	nok "the migrated rows are the same on both"; sed 's/^/    /' "$TMP/hist.diff" >&2
fi
expect_eq "resource_allocation: the money row keeps the smallest id, the staff rows follow" \
	"$(grep '^ra|1[06]|' "$TMP/hist.pg")" \
	"ra|10|2|1|2021|money|200|tkr|first; second|1
ra|16|2|1|2021|staff|2|årsarbetare|first; third|0"
expect_eq "resource_allocation: a new row takes the id after the largest" "$(grep -c '^ra|19|3|1|2023|hours' "$TMP/hist.pg")" 1

exit $failed
