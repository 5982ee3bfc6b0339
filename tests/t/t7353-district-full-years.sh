#!/bin/sh
# t7353: SQLite's derived_district_fy (migration 0067): per district and indicator one row whose
# text holds the full-year rows of derived_outcome_sexes ("year sexes shut vt vk vm", values as
# exact hexadecimal floats), kept by triggers on derived_outcome_sexes for districts and
# full-year periods only, from which the district page reads its comparison and its sparklines'
# totals. The row follows outcomes added, changed and removed; a value reads back bit for bit
# (printf's %.17g of the text is the value's); areas that are not districts and periods that are
# not full years get no row; `lup check` reports a row made wrong; `lup copy` fills it. The page
# shows a figure not public in itself only where the figures' rule admits it, in the
# comparison and in the sparklines of the other years. SQLite only (PostgreSQL groups outcome's
# rows in the statement and has no such table; t7300 compares the pages of the two).
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7353: SQLite's triggers (PostgreSQL groups in the statement)"; finish; fi
DB="$TMP/fy.db"
q() { command sqlite3 "${2:-$DB}" "PRAGMA foreign_keys = ON; $1"; }
# entry IND AREA YEAR: the year's entry of the row of (AREA, IND) ("" when none)
entry() { q "SELECT fy FROM derived_district_fy WHERE area_id = $2 AND indicator_id = $1" | tr ';' '\n' | grep "^$3 "; }
checked() { "$LUP" --db "${1:-$DB}" check >/dev/null 2>&1 && echo ok || echo problem; }

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's rows pass lup check" "$(checked)" ok
expect_eq "a row per district and indicator with full-year rows" "$(q "SELECT count(*) FROM derived_district_fy")" \
	"$(q "SELECT count(*) FROM (SELECT DISTINCT x.area_id, x.indicator_id FROM derived_outcome_sexes x
	JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY' JOIN area a ON a.id = x.area_id AND a.level = 'district')")"
expect_eq "no row of another level" "$(q "SELECT count(*) FROM derived_district_fy x JOIN area a ON a.id = x.area_id
	WHERE a.level <> 'district'")" 0

I=$(q "SELECT id FROM indicator WHERE key = 'vp-2022-spanga-tensta-i-001'")
K=vp-2022-spanga-tensta-i-001
D=$(q "SELECT id FROM area WHERE key = 'spanga-tensta'")
P=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'FY'")
P1=$(q "SELECT id FROM period WHERE year = 2021 AND kind = 'FY'")
T1=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'T1'")
[ -n "$I" ] && [ -n "$D" ] && [ -n "$P" ] && [ -n "$P1" ] && [ -n "$T1" ] || { nok "the demo has the indicator, district and periods"; finish; }
q "UPDATE indicator SET by_sex = 1 WHERE id = $I"

q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id = $P"
expect_eq "the year's outcomes removed: no entry" "$(entry $I $D 2022)" ""
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'T', 4.25, 'exempeldata', 1)"
expect_eq "T as example data" "$(entry $I $D 2022)" "2022 36 0 0x22000000000000p-51  "
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'K', 654.3, 'rapport', 0)"
expect_eq "K a report's figure: shut" "$(entry $I $D 2022 | cut -d' ' -f1-3)" "2022 37 1"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'M', 0.1 + 0.2, 'kolada', 0)"
expect_eq "M from Kolada: not shut; its value reads back exactly" \
	"$(entry $I $D 2022 | cut -d' ' -f2,3) $(printf '%.17g' "$(entry $I $D 2022 | cut -d' ' -f6)")" "39 1 0.30000000000000004"
q "UPDATE outcome SET value = -1e-300 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'M'"
expect_eq "M tiny and negative, exactly" "$(printf '%.17g' "$(entry $I $D 2022 | cut -d' ' -f6)")" "$(printf '%.17g' -1e-300)"
q "UPDATE outcome SET value = 0 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'M'"
expect_eq "M zero" "$(entry $I $D 2022 | cut -d' ' -f2,3,6)" "39 1 0"
q "UPDATE outcome SET value = NULL, missing = 1 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'M'"
expect_eq "M missing: empty" "$(entry $I $D 2022 | cut -d' ' -f6)" ""
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $T1, $D, 'T', 9.5, 'exempeldata', 1)
	ON CONFLICT DO UPDATE SET value = 9.5"
expect_eq "a tertial's outcome: no entry of its own" "$(q "SELECT count(*) FROM derived_district_fy WHERE area_id = $D
	AND indicator_id = $I AND fy LIKE '%0x26000000000000p-50%'")" 0
C=$(q "SELECT parent_id FROM area WHERE id = $D")
expect_eq "the city's outcomes: no row" "$(q "SELECT count(*) FROM derived_district_fy WHERE area_id = $C")" 0
expect_eq "lup check passes" "$(checked)" ok

# the figures' rule on the page: a report figure of 2021 (T, not public in itself) is seen in
# 2022's sparkline only once a report of the owner for 2021 is approved; 2022's K likewise
q "UPDATE outcome SET value = 77.5, source = 'rapport', example = 0 WHERE indicator_id = $I AND area_id = $D
	AND period_id = $P1 AND sex = 'T'"
expect_eq "2021's T shut" "$(entry $I $D 2021 | cut -d' ' -f3)" 4
serve "$DB"
req "the page of 2022" 200 GET "/stadsdel/spanga-tensta?ar=2022&indikator=$K"
cp "$TMP/body" "$TMP/shut.html"
hasnt "K's report figure not shown" "654,3"
kill $SERVER; wait $SERVER 2>/dev/null
q "CREATE TABLE keep_ AS SELECT * FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id = $P1 AND sex = 'T';
	DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id = $P1 AND sex = 'T'"
serve "$DB"
req "the page of 2022 without 2021's T" 200 GET "/stadsdel/spanga-tensta?ar=2022&indikator=$K"
kill $SERVER; wait $SERVER 2>/dev/null
cmp -s "$TMP/body" "$TMP/shut.html" && ok "a shut figure is as if it were not there" || nok "a shut figure changes the page"
q "INSERT INTO outcome SELECT * FROM keep_; DROP TABLE keep_"
O=$(q "SELECT owner_id FROM indicator WHERE id = $I")
q "INSERT INTO report (org_id, period_id, status) VALUES ($O, $P1, 'approved')"
serve "$DB"
req "the page after 2021's report" 200 GET "/stadsdel/spanga-tensta?ar=2022&indikator=$K"
kill $SERVER; wait $SERVER 2>/dev/null
cmp -s "$TMP/body" "$TMP/shut.html" && nok "2021's figure seen after its report" || ok "2021's figure seen after its report"
hasnt "... 2022's K still not" "654,3"
q "INSERT INTO report (org_id, period_id, status) VALUES ($O, $P, 'approved')"
serve "$DB"
req "the page after 2022's report" 200 GET "/stadsdel/spanga-tensta?ar=2022&indikator=$K"
kill $SERVER; wait $SERVER 2>/dev/null
has "... then 2022's K is" "654,3"

# all of an indicator's full years removed: the row goes
q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id IN (SELECT id FROM period WHERE kind = 'FY')"
expect_eq "no full year left: no row" "$(q "SELECT count(*) FROM derived_district_fy WHERE area_id = $D AND indicator_id = $I")" 0
expect_eq "lup check passes" "$(checked)" ok

# a period given another year, a period written after its figures (the foreign keys deferred),
# an area no longer a district and one again: the rows follow (t7351 does the same to the years)
J=$(q "SELECT min(indicator_id) FROM derived_district_fy WHERE area_id = $D AND indicator_id <> $I")
q "INSERT INTO period (year, kind, first_day, last_day) VALUES (2031, 'FY', '2031-01-01', '2031-12-31')"
N=$(q "SELECT id FROM period WHERE year = 2031 AND kind = 'FY'")
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($J, $N, $D, 'T', 2.5, 'exempeldata', 1)"
expect_eq "a figure of a new year: its entry" "$(entry $J $D 2031 | cut -d' ' -f1,4)" "2031 0x28000000000000p-52"
q "UPDATE period SET year = 2032, first_day = '2032-01-01', last_day = '2032-12-31' WHERE id = $N"
expect_eq "the period's year changed: the entry follows" "$(entry $J $D 2031)|$(entry $J $D 2032 | cut -d' ' -f1)" "|2032"
q "UPDATE period SET kind = 'T1' WHERE id = $N"
expect_eq "the period no longer a full year: no entry" "$(entry $J $D 2032)" ""
q "DELETE FROM outcome WHERE period_id = $N; DELETE FROM period WHERE id = $N"
q "PRAGMA defer_foreign_keys = ON; BEGIN;
   INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($J, 9998, $D, 'T', 3, 'exempeldata', 1);
   INSERT INTO period (id, year, kind, first_day, last_day) VALUES (9998, 2033, 'FY', '2033-01-01', '2033-12-31');
   COMMIT;"
expect_eq "a period written after its figure: the entry added" "$(entry $J $D 2033 | cut -d' ' -f1)" 2033
expect_eq "lup check passes" "$(checked)" ok
n=$(q "SELECT count(*) FROM derived_district_fy WHERE area_id = $D")
C=$(q "SELECT coalesce(committee_id, 'NULL') || ', prioritised = ' || prioritised FROM area WHERE id = $D")
q "UPDATE area SET level = 'municipality', committee_id = NULL, prioritised = 0 WHERE id = $D"
expect_eq "an area no longer a district: its rows gone" "$(q "SELECT count(*) FROM derived_district_fy WHERE area_id = $D")" 0
q "UPDATE area SET level = 'district', committee_id = $C WHERE id = $D"
expect_eq "a district again: its rows back" "$(q "SELECT count(*) FROM derived_district_fy WHERE area_id = $D")" "$n"
expect_eq "lup check passes after the changes" "$(checked)" ok

# lup check: a row made wrong behind the triggers' back
q "UPDATE derived_district_fy SET fy = fy || ';' WHERE rowid IN (SELECT rowid FROM derived_district_fy LIMIT 1)" 2>/dev/null ||
	q "UPDATE derived_district_fy SET fy = fy || ';' WHERE (area_id, indicator_id) = (SELECT area_id, indicator_id FROM derived_district_fy LIMIT 1)"
expect_exit "lup check fails on a wrong row" 1 "$LUP" --db "$DB" check
grep -q "derived_district_fy" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy passes lup check" "$(checked "$TMP/copy.db")" ok
expect_eq "the copy has the rows" "$(q "SELECT count(*) FROM derived_district_fy" "$TMP/copy.db")" \
	"$(q "SELECT count(*) FROM derived_district_fy")"
finish
