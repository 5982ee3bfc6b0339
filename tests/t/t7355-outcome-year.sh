#!/bin/sh
# t7355: SQLite's derived_outcome_year (migration 0073): per area, year and indicator one row
# whose text holds the year's rows of derived_outcome_sexes ("period sexes shut vt vk vm" by kind, values
# exactly: "M" or "Me-K" where M / 10^K is the value, else a hexadecimal float), kept by triggers
# on derived_outcome_sexes and period, from which the goal chain API reads a year's outcomes.
# The row follows outcomes added, changed and removed and periods written after their figures,
# removed or given another year; a value reads back bit for bit, in the text and in the API's
# JSON; the API shows a figure not public in itself only where the figures' rule admits it;
# `lup check` reports a row made wrong; `lup copy` fills it. SQLite only (PostgreSQL groups
# outcome's rows in the statement and has no such table; t7300 compares the views of the two).
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7355: SQLite's triggers (PostgreSQL groups in the statement)"; finish; fi
DB="$TMP/oy.db"
q() { command sqlite3 "${2:-$DB}" "PRAGMA foreign_keys = ON; $1"; }
# entry IND AREA YEAR PERIOD: the period's entry of the row of (AREA, YEAR, IND) ("" when none)
entry() { q "SELECT e FROM derived_outcome_year WHERE area_id = $2 AND year = $3 AND indicator_id = $1" | tr ';' '\n' | grep "^$4 "; }
checked() { "$LUP" --db "${1:-$DB}" check >/dev/null 2>&1 && echo ok || echo problem; }
# chain: the API's goal chain of Spånga-Tensta's committee for 2022 into $TMP/body
chain() { req "$1" 200 GET "/api/v1/organisations/spanga-tensta-stadsdelsnamnd/goal-chain?year=2022"; }
# outcome SEX: the text of indicator $K's outcome of 2022 FY in Spånga-Tensta of SEX in the answer
outcome() { grep -o "\"key\":\"$K\",[^]]*" "$TMP/body" | grep -o "{\"period\":\"FY\",\"area\":\"spanga-tensta\",\"sex\":\"$1\",[^}]*}"; }

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's rows pass lup check" "$(checked)" ok
expect_eq "a row per area, year and indicator with figures" "$(q "SELECT count(*) FROM derived_outcome_year")" \
	"$(q "SELECT count(*) FROM (SELECT DISTINCT x.area_id, pe.year, x.indicator_id FROM derived_outcome_sexes x
	JOIN period pe ON pe.id = x.period_id)")"

K=vp-2022-spanga-tensta-i-001
I=$(q "SELECT id FROM indicator WHERE key = '$K'")
D=$(q "SELECT id FROM area WHERE key = 'spanga-tensta'")
P=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'FY'")
T1=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'T1'")
[ -n "$I" ] && [ -n "$D" ] && [ -n "$P" ] && [ -n "$T1" ] || { nok "the demo has the indicator, district and periods"; finish; }
q "UPDATE indicator SET by_sex = 1 WHERE id = $I"

q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id IN ($P, $T1)"
expect_eq "the year's outcomes removed: no entry" "$(entry $I $D 2022 $P)" ""
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'T', 4.25, 'exempeldata', 1)"
expect_eq "T as example data, its value as a decimal" "$(entry $I $D 2022 $P)" "$P 36 0 425e-2  "
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'K', 654.3, 'rapport', 0)"
expect_eq "K a report's figure: shut" "$(entry $I $D 2022 $P | cut -d' ' -f2-5)" "37 1 425e-2 6543e-1"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'M', 0.1 + 0.2, 'kolada', 0)"
expect_eq "M from Kolada: not shut; its value reads back exactly" \
	"$(entry $I $D 2022 $P | cut -d' ' -f2,3) $(printf '%.17g' "$(entry $I $D 2022 $P | cut -d' ' -f6)")" "39 1 0.30000000000000004"
serve "$DB"
chain "the chain API"
expect_eq "... shows T's value" "$(outcome T)" '{"period":"FY","area":"spanga-tensta","sex":"T","value":4.25,"missing":false,"example":true}'
expect_eq "... and M's exactly" "$(outcome M)" '{"period":"FY","area":"spanga-tensta","sex":"M","value":0.30000000000000004,"missing":false,"example":false}'
expect_eq "... not K's report figure" "$(outcome K)" ""
kill $SERVER; wait $SERVER 2>/dev/null
for v in -1e-300 1e20 -37.6 123456.789 0.001 1e-7 999999999999.999 0; do
	q "UPDATE outcome SET value = $v WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'M'"
	expect_eq "M $v exactly" "$(printf '%.17g' "$(entry $I $D 2022 $P | cut -d' ' -f6)")" "$(printf '%.17g' "$v")"
done
expect_eq "M zero" "$(entry $I $D 2022 $P | cut -d' ' -f6)" "0"
q "UPDATE outcome SET value = -37.6 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'M'"
expect_eq "M -37.6 as a decimal" "$(entry $I $D 2022 $P | cut -d' ' -f6)" "-376e-1"
serve "$DB"
chain "the chain API"
expect_eq "... shows M -37.6" "$(outcome M | grep -o '"value":[^,]*')" '"value":-37.6'
kill $SERVER; wait $SERVER 2>/dev/null
q "UPDATE outcome SET value = NULL, missing = 1 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'M'"
expect_eq "M missing: empty" "$(entry $I $D 2022 $P | cut -d' ' -f6)" ""
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $T1, $D, 'T', 9.5, 'exempeldata', 1)"
expect_eq "a tertial's outcome: its entry in the same row, after the full year's (by kind)" \
	"$(q "SELECT e FROM derived_outcome_year WHERE area_id = $D AND year = 2022 AND indicator_id = $I" | cut -d';' -f1 | cut -d' ' -f1);$(q "SELECT e FROM derived_outcome_year WHERE area_id = $D AND year = 2022 AND indicator_id = $I" | cut -d';' -f2)" "$P;$T1 36 0 95e-1  "
expect_eq "lup check passes" "$(checked)" ok
serve "$DB"
chain "the chain API"
expect_eq "... shows M missing" "$(outcome M | grep -o '"missing":[a-z]*')" '"missing":true'
has "... and the tertial's figure" '{"period":"T1","area":"spanga-tensta","sex":"T","value":9.5,'
kill $SERVER; wait $SERVER 2>/dev/null

# the figures' rule: K's report figure is seen once a report of the owner for 2022 is approved
O=$(q "SELECT owner_id FROM indicator WHERE id = $I")
q "INSERT INTO report (org_id, period_id, status) VALUES ($O, $P, 'approved')"
serve "$DB"
chain "the chain API after the report"
expect_eq "... shows K's report figure" "$(outcome K | grep -o '"value":[^,]*')" '"value":654.3'
kill $SERVER; wait $SERVER 2>/dev/null

# all of an indicator's figures of a year removed: the row goes
q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id IN (SELECT id FROM period WHERE year = 2022)"
expect_eq "no figure of the year left: no row" \
	"$(q "SELECT count(*) FROM derived_outcome_year WHERE area_id = $D AND year = 2022 AND indicator_id = $I")" 0
expect_eq "lup check passes" "$(checked)" ok

# a period given another year, a period written after its figures (the foreign keys deferred),
# a period removed: the rows follow
J=$(q "SELECT min(indicator_id) FROM derived_outcome_year WHERE area_id = $D AND indicator_id <> $I")
q "INSERT INTO period (year, kind, first_day, last_day) VALUES (2031, 'T2', '2031-05-01', '2031-08-31')"
N=$(q "SELECT id FROM period WHERE year = 2031 AND kind = 'T2'")
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($J, $N, $D, 'T', 2.5, 'exempeldata', 1)"
expect_eq "a figure of a new year: its entry" "$(entry $J $D 2031 $N | cut -d' ' -f1,4)" "$N 25e-1"
q "UPDATE period SET year = 2032, first_day = '2032-05-01', last_day = '2032-08-31' WHERE id = $N"
expect_eq "the period's year changed: the row follows" "$(entry $J $D 2031 $N)|$(entry $J $D 2032 $N | cut -d' ' -f1)" "|$N"
q "DELETE FROM outcome WHERE period_id = $N; DELETE FROM period WHERE id = $N"
expect_eq "the period's figures and the period removed: no row" "$(q "SELECT count(*) FROM derived_outcome_year WHERE year = 2032")" 0
q "PRAGMA defer_foreign_keys = ON; BEGIN;
   INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($J, 9998, $D, 'T', 3, 'exempeldata', 1);
   INSERT INTO period (id, year, kind, first_day, last_day) VALUES (9998, 2033, 'FY', '2033-01-01', '2033-12-31');
   COMMIT;"
expect_eq "a period written after its figure: the entry added" "$(entry $J $D 2033 9998 | cut -d' ' -f1,4)" "9998 3"
expect_eq "lup check passes after the changes" "$(checked)" ok

# lup check: a row made wrong behind the triggers' back
cp "$DB" "$TMP/bad.db"
q "UPDATE derived_outcome_year SET e = e || ' ' WHERE (area_id, year, indicator_id) = (SELECT area_id, year, indicator_id FROM derived_outcome_year LIMIT 1)" "$TMP/bad.db"
expect_exit "lup check fails on a wrong row" 1 "$LUP" --db "$TMP/bad.db" check
grep -q "derived_outcome_year" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy passes lup check" "$(checked "$TMP/copy.db")" ok
expect_eq "the copy has the rows" "$(q "SELECT count(*) FROM derived_outcome_year" "$TMP/copy.db")" \
	"$(q "SELECT count(*) FROM derived_outcome_year")"
finish
