#!/bin/sh
# t7354: SQLite's derived_need_fy (migration 0075): per full-year period and area of level
# 'municipality' or 'district' one row whose text holds an entry " indicator bits value;" per
# total (T) of derived_outcome_sexes, values as exact hexadecimal floats, kept by triggers (an
# entry appended or cut out per row written or removed; an area's or period's rows rebuilt),
# from which resources versus need reads its values. The entries follow outcomes added, changed
# and removed; a value reads back bit for bit; tertials, sexes and other levels get none; `lup
# check` reports a row made wrong; `lup copy` fills it. The need view counts a total not public
# in itself only when the figures' rule admits it. SQLite only (PostgreSQL groups outcome's rows
# in the statement; t7300 compares the views of the two).
. "$(dirname "$0")/lib.sh"
if on_pg; then pg_skip "t7354: SQLite's triggers (PostgreSQL groups in the statement)"; finish; fi
DB="$TMP/need.db"
q() { command sqlite3 "${2:-$DB}" "PRAGMA foreign_keys = ON; $1"; }
# entry IND AREA PERIOD: the entry of IND in the row of (PERIOD, AREA) ("" when none)
entry() { q "SELECT vals FROM derived_need_fy WHERE period_id = $3 AND area_id = $2" | tr ';' '\n' | grep "^ $1 "; }
checked() { "$LUP" --db "${1:-$DB}" check >/dev/null 2>&1 && echo ok || echo problem; }

"$LUP" --db "$DB" demo "$ROOT/data/stockholm" >/dev/null 2>&1 || { nok "demo"; finish; }
expect_eq "the demo's rows pass lup check" "$(checked)" ok
expect_eq "an entry per total of a district or the city in a full year" \
	"$(q "SELECT sum(length(vals) - length(replace(vals, ';', ''))) FROM derived_need_fy")" \
	"$(q "SELECT count(*) FROM derived_outcome_sexes x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'
	JOIN area a ON a.id = x.area_id AND a.level IN ('municipality', 'district') WHERE x.vt IS NOT NULL")"

I=$(q "SELECT id FROM indicator WHERE key = 'vp-2022-spanga-tensta-i-001'")
K=vp-2022-spanga-tensta-i-001
D=$(q "SELECT id FROM area WHERE key = 'spanga-tensta'")
C=$(q "SELECT parent_id FROM area WHERE id = $D")
P=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'FY'")
T1=$(q "SELECT id FROM period WHERE year = 2022 AND kind = 'T1'")
[ -n "$I" ] && [ -n "$D" ] && [ -n "$C" ] && [ -n "$P" ] && [ -n "$T1" ] || { nok "the demo has the indicator, areas and periods"; finish; }
q "UPDATE indicator SET by_sex = 1 WHERE id = $I"

q "DELETE FROM outcome WHERE indicator_id = $I AND area_id = $D AND period_id = $P"
expect_eq "the year's outcomes removed: no entry" "$(entry $I $D $P)" ""
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'K', 654.3, 'rapport', 0)"
expect_eq "K alone: no entry" "$(entry $I $D $P)" ""
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $P, $D, 'T', 4.25, 'exempeldata', 1)"
expect_eq "T as example data" "$(entry $I $D $P)" " $I 1 0x22000000000000p-51"
q "UPDATE outcome SET value = 0.1 + 0.2, source = 'kolada', example = 0 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'T'"
expect_eq "T from Kolada: public; its value reads back exactly" \
	"$(entry $I $D $P | cut -d' ' -f3) $(printf '%.17g' "$(entry $I $D $P | cut -d' ' -f4)")" "0 0.30000000000000004"
q "UPDATE outcome SET value = -1e-300, source = 'rapport' WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'T'"
expect_eq "T a report's figure, tiny and negative: shut, exactly" \
	"$(entry $I $D $P | cut -d' ' -f3) $(printf '%.17g' "$(entry $I $D $P | cut -d' ' -f4)")" "2 $(printf '%.17g' -1e-300)"
q "UPDATE outcome SET value = 0 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'T'"
expect_eq "T zero" "$(entry $I $D $P)" " $I 2 0"
q "UPDATE outcome SET value = NULL, missing = 1 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'T'"
expect_eq "T missing: no entry" "$(entry $I $D $P)" ""
expect_eq "... nor any other of the indicator there" "$(entry $I $D $P | wc -l | tr -d ' ')" 0
q "UPDATE outcome SET value = 12.5, missing = 0, source = 'exempeldata', example = 1 WHERE indicator_id = $I AND area_id = $D AND period_id = $P AND sex = 'T'"
expect_eq "T again" "$(entry $I $D $P)" " $I 1 0x32000000000000p-50"
q "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($I, $T1, $D, 'T', 9.5, 'exempeldata', 1)
	ON CONFLICT DO UPDATE SET value = 9.5"
expect_eq "a tertial: no row" "$(q "SELECT count(*) FROM derived_need_fy WHERE period_id = $T1")" 0
expect_eq "the city's totals: a row" "$(q "SELECT count(*) FROM derived_need_fy WHERE period_id = $P AND area_id = $C")" 1
expect_eq "no row of another level" "$(q "SELECT count(*) FROM derived_need_fy x JOIN area a ON a.id = x.area_id
	WHERE a.level NOT IN ('municipality', 'district')")" 0
expect_eq "lup check passes" "$(checked)" ok

# the rule in the view: the indicator's 2022 totals made report figures are left out for the
# anonymous (the default then does not pick it) until a report of its owner for 2022 is approved
q "UPDATE outcome SET source = 'rapport', example = 0 WHERE indicator_id = $I AND period_id = $P AND sex = 'T'"
expect_eq "every total of 2022 shut" "$(q "SELECT vals FROM derived_need_fy WHERE period_id = $P" | tr ';' '\n' | grep -c "^ $I [01] ")" 0
serve "$DB"
req "the need view of 2022" 200 GET "/api/v1/views/resources-need?year=2022"
hasnt "... without the shut indicator" "\"$K\""
kill $SERVER; wait $SERVER 2>/dev/null
O=$(q "SELECT owner_id FROM indicator WHERE id = $I")
q "INSERT INTO report (org_id, period_id, status) VALUES ($O, $P, 'approved')"
serve "$DB"
req "the need view after the owner's report" 200 GET "/api/v1/views/resources-need?year=2022"
has "... with the indicator" "\"$K\""
kill $SERVER; wait $SERVER 2>/dev/null

# a period written after its figures, given another kind, removed; an area no longer a district
# and one again: the rows follow
J=$(q "SELECT min(id) FROM indicator WHERE id <> $I")
q "PRAGMA defer_foreign_keys = ON; BEGIN;
   INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, source, example) VALUES ($J, 9998, $D, 'T', 3, 'exempeldata', 1);
   INSERT INTO period (id, year, kind, first_day, last_day) VALUES (9998, 2033, 'FY', '2033-01-01', '2033-12-31');
   COMMIT;"
expect_eq "a period written after its figure: the entry added" "$(entry $J $D 9998)" " $J 1 0x30000000000000p-52"
q "UPDATE period SET kind = 'T1' WHERE id = 9998"
expect_eq "the period no longer a full year: no row" "$(q "SELECT count(*) FROM derived_need_fy WHERE period_id = 9998")" 0
q "UPDATE period SET kind = 'FY' WHERE id = 9998"
expect_eq "a full year again: the entry back" "$(entry $J $D 9998)" " $J 1 0x30000000000000p-52"
q "DELETE FROM outcome WHERE period_id = 9998; DELETE FROM period WHERE id = 9998"
expect_eq "its figure and the period removed: no row" "$(q "SELECT count(*) FROM derived_need_fy WHERE period_id = 9998")" 0
n=$(q "SELECT vals FROM derived_need_fy WHERE area_id = $D ORDER BY period_id" | tr ';' '\n' | sort | md5sum)
CM=$(q "SELECT coalesce(committee_id, 'NULL') FROM area WHERE id = $D")
q "UPDATE area SET level = 'neighbourhood', committee_id = NULL, prioritised = 0 WHERE id = $D"
expect_eq "an area no longer a district: its rows gone" "$(q "SELECT count(*) FROM derived_need_fy WHERE area_id = $D")" 0
q "UPDATE area SET level = 'district', committee_id = $CM WHERE id = $D"
expect_eq "a district again: the same entries back" \
	"$(q "SELECT vals FROM derived_need_fy WHERE area_id = $D ORDER BY period_id" | tr ';' '\n' | sort | md5sum)" "$n"
expect_eq "lup check passes after the changes" "$(checked)" ok

# lup check: rows made wrong behind the triggers' back (an entry doubled, an entry changed)
cp "$DB" "$TMP/wrong.db"
q "UPDATE derived_need_fy SET vals = vals || vals WHERE (period_id, area_id) = (SELECT period_id, area_id FROM derived_need_fy LIMIT 1)"
expect_exit "lup check fails on a doubled row" 1 "$LUP" --db "$DB" check
grep -q "derived_need_fy" "$TMP/out" "$TMP/err" && ok "the problem names the table" ||
	{ nok "the problem names the table"; cat "$TMP/out" "$TMP/err" >&2; }
q "UPDATE derived_need_fy SET vals = replace(vals, ' $J 1 ', ' $J 0 ') WHERE period_id = $P AND area_id = $D" "$TMP/wrong.db"
expect_exit "lup check fails on an entry's bits changed" 1 "$LUP" --db "$TMP/wrong.db" check
rm -f "$TMP/wrong.db"
q "DELETE FROM derived_need_fy; INSERT INTO derived_need_fy (period_id, area_id, vals)
	SELECT period_id, area_id, group_concat(e, '') FROM (SELECT period_id, area_id, e FROM derived_need_fy_entry
	ORDER BY period_id, area_id, indicator_id) GROUP BY period_id, area_id"
expect_eq "rebuilt: lup check passes" "$(checked)" ok

# lup copy into SQLite: the table is not copied but filled by the triggers
expect_exit "lup copy SQLite -> SQLite" 0 "$LUP" copy "$DB" "$TMP/copy.db"
expect_eq "the copy passes lup check" "$(checked "$TMP/copy.db")" ok
expect_eq "the copy has the rows" "$(q "SELECT count(*) FROM derived_need_fy" "$TMP/copy.db")" \
	"$(q "SELECT count(*) FROM derived_need_fy")"
finish
