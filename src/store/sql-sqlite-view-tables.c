/* sql-sqlite-view-tables.c: SQLite text of the export tables' statements (see
 * stmt-view-tables.h). The sets are the organisation page's: the goal chain of the year (no
 * drafts), the organisation's indicators on it, figures the viewer may see (SEE_FIGURE). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* col is the organisation ?n itself, its administration (whose pair_id is ?n) or its committee. */
#define OWNED_BY(col, n) \
	"(" col " = ?" n " OR " col " IN (SELECT id FROM organisation WHERE pair_id = ?" n ")" \
	" OR " col " = (SELECT pair_id FROM organisation WHERE id = ?" n "))"

/* The goals of organisation ?1 (or its counterpart) for year ?2 and every goal above them (the
 * table derived_goal_ancestor, 0038: readers test membership). */
#define CHAIN \
	"WITH chain(id) AS (SELECT da.ancestor_id FROM goal g JOIN organisation o ON o.id = ?1" \
	" JOIN derived_goal_ancestor da ON da.goal_id = g.id" \
	"  WHERE (g.owner_id = ?1 OR g.owner_id = o.pair_id) AND g.year = ?2 AND " PUB_GOAL("g") ")"

/* The organisation's indicators on the chain with their goal and its place in the order. */
#define INDS \
	", inds AS (SELECT i.id, i.key, i.name, i.unit, i.owner_id, i.source_kind, g.number AS goal_number," \
	" g.title AS goal_title, CASE g.level WHEN 'inriktningsmal' THEN 1 WHEN 'verksamhetsomradesmal' THEN 2" \
	" WHEN 'namndmal' THEN 3 ELSE 4 END AS glevel," \
	" coalesce(CAST(g.number AS INTEGER), 1000000000) AS gnum, g.key AS gkey, i.ord" \
	" FROM indicator i JOIN goal g ON g.id = i.goal_id WHERE i.goal_id IN (SELECT id FROM chain)" \
	" AND " OWNED_BY("i.owner_id", "1") " AND " PUB_INDICATOR("i") ")"

/* The newest adopted version of LUP p, else its newest non-draft one (as sql-sqlite.c's
 * LUP_LATEST, the city page's choice). */
/* The plan version a LUP p shows: its newest adopted one, else its newest that is not a draft.
 * Two max() over the plan's few versions rather than ORDER BY ... LIMIT 1, which made SQLite
 * open, zero and sort a sorter per plan (a third of /stadsdelar's instructions). */
#define LATEST_LUP(p, pv) \
	p ".kind = 'lup' AND " pv ".version = coalesce((SELECT max(version) FROM plan_version WHERE plan_id = " \
	p ".id AND status = 'decided'), (SELECT max(version) FROM plan_version WHERE plan_id = " p ".id" \
	" AND status <> 'draft'))"

/* Activity a (of plan p, LEFT JOINed through a.plan_version_id) runs in year ?1, or ?1 is NULL:
 * its dates, else its plan's years, decide. */
#define ACT_IN_YEAR(a, p) \
	"(?1 IS NULL OR ?1 BETWEEN coalesce(" a ".start_first / 10000, " p ".year_from, ?1)" \
	" AND coalesce(" a ".end_last / 10000, " p ".year_to, ?1))"

/* Whether STMT_VTAB_ORG_VALUES reads the municipality's outcomes of the year as one range per
 * period of outcome_period_area (every indicator's: the loader keeps the listed ones) rather than
 * a seek per listed indicator and period: when the listed ids (?3) are at least a third of all
 * indicators (a seek cost about three rows of a range, Spånga-Tensta 2022; docs/speed.md, IVC).
 * No column in it: SQLite tests it once, before the loops. */
#define ORG_VALUES_CITY_RANGE \
	"(json_array_length('[' || ?3 || ']') * 5 >= (SELECT count(*) FROM indicator) * 3)"

const char *const sqlite_sql_view_tables[STMT__MAX] = {
	/* (key, name or alias) -> id, key, name of the organisation */
	[STMT_VTAB_ORG] =
		"SELECT id, key, name FROM (SELECT id, key, name, 1 AS p FROM organisation WHERE key = ?1"
		" UNION ALL SELECT id, key, name, 2 FROM organisation WHERE name = ?1 COLLATE NOCASE"
		" UNION ALL SELECT o.id, o.key, o.name, 3 FROM org_alias x JOIN organisation o ON o.id = x.org_id"
		"  WHERE x.alias = ?1 COLLATE NOCASE) ORDER BY p LIMIT 1",
	/* (org_id, year) -> id, key, name, goal_number, goal_title, unit, glevel, gnum, gkey, ord:
	 * the organisation's indicators on its goal chain of the year, unordered: the loader puts
	 * them in the export's order (glevel, gnum, gkey, ord, key; texts by bytes), which SQLite's
	 * sorter of these wide rows took 0.32M instructions for (Spånga-Tensta 2022, 74 rows) */
	[STMT_VTAB_ORG_INDS] =
		CHAIN INDS " SELECT id, key, name, goal_number, goal_title, unit, glevel, gnum, gkey, ord FROM inds",
	/* (org_id, year, indicator ids: VTAB_ORG_INDS's in its order, joined by commas) ->
	 * indicator_id, kind (1 own target, 2 KF's target, 3 outcome), area_id, area, area_name,
	 * area_level, period (T1, T2, FY), sex, value, missing, text (a target as written), source,
	 * derived, example: the indicators' targets of the year and their outcomes of the year in the
	 * organisation's districts and the municipality that the viewer may see, unordered and narrow
	 * (the loader sorts them and keeps the indicators' texts, read once by VTAB_ORG_INDS). Three
	 * parts: the targets by target's key; the municipality's outcomes sought per indicator and
	 * period through outcome_cover (every organisation's indicators have figures there); the
	 * districts' outcomes as one range per period and area of outcome_period_area (0063: with
	 * derived, read without the table), of EVERY indicator: the loader keeps the listed ones
	 * (a seek per indicator, period and area was 4.5K instructions; a row of the range 1.2K). An
	 * area with a committee is a district (area's CHECK), never the municipality. */
	[STMT_VTAB_ORG_VALUES] =
		"SELECT t.indicator_id, CASE t.kind WHEN 'own' THEN 1 ELSE 2 END, NULL, NULL, NULL, NULL, NULL, t.sex,"
		"  t.value, 0, t.text, t.source, 0, 0"
		"  FROM json_each('[' || ?3 || ']') j CROSS JOIN target t ON t.indicator_id = j.value AND +t.year = ?2"
		" UNION ALL"
		" SELECT x.indicator_id, 3, a.id, a.key, a.name, a.level, pe.kind, x.sex, x.value, x.missing, NULL,"
		"  x.source, x.derived, x.example"
		"  FROM area a CROSS JOIN period pe CROSS JOIN json_each('[' || ?3 || ']') j CROSS JOIN outcome x"
		"  ON x.indicator_id = j.value AND x.period_id = pe.id AND x.area_id = a.id"
		"  WHERE NOT " ORG_VALUES_CITY_RANGE " AND a.level = 'municipality' AND pe.year = ?2"
		"  AND " SEE_FIGURE_OF("x", "x.indicator_id")
		" UNION ALL"
		" SELECT x.indicator_id, 3, a.id, a.key, a.name, a.level, pe.kind, x.sex, x.value, x.missing, NULL,"
		"  x.source, x.derived, x.example"
		"  FROM area a CROSS JOIN period pe CROSS JOIN outcome x INDEXED BY outcome_period_area"
		"  ON x.period_id = pe.id AND x.area_id = a.id"
		"  WHERE " ORG_VALUES_CITY_RANGE " AND a.level = 'municipality' AND pe.year = ?2"
		"  AND " SEE_FIGURE_OF("x", "x.indicator_id")
		" UNION ALL"
		" SELECT x.indicator_id, 3, a.id, a.key, a.name, a.level, pe.kind, x.sex, x.value, x.missing, NULL,"
		"  x.source, x.derived, x.example"
		"  FROM area a CROSS JOIN period pe CROSS JOIN outcome x INDEXED BY outcome_period_area"
		"  ON x.period_id = pe.id AND x.area_id = a.id"
		"  WHERE (a.committee_id = ?1"
		"  OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = ?1))"
		"  AND pe.year = ?2 AND " SEE_FIGURE_OF("x", "x.indicator_id"),
	/* (org_id, year) -> key, title, goal_number, goal_title, owner_name, status, role,
	 * start_text, start_first, end_text, end_last, areas: the organisation's activities in the
	 * year (as on its page) */
	[STMT_VTAB_ORG_ACTIVITIES] =
		"SELECT a.key, a.title, g.number AS goal_number, g.title AS goal_title, o.name AS owner_name,"
		" a.status, a.role, a.start_text, a.start_first, a.end_text, a.end_last,"
		" (SELECT group_concat(name, ', ') FROM (SELECT x.name FROM activity_district ad"
		"  JOIN area x ON x.id = ad.area_id WHERE ad.activity_id = a.id ORDER BY x.name COLLATE sv)) AS areas"
		" FROM activity a JOIN organisation o ON o.id = a.owner_id LEFT JOIN goal g ON g.id = a.goal_id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE " OWNED_BY("a.owner_id", "1")
		" AND ?2 BETWEEN coalesce(a.start_first / 10000, p.year_from, ?2) AND coalesce(a.end_last / 10000, p.year_to, ?2)"
		" AND " PUB_ACTIVITY("a")
		" ORDER BY a.start_first IS NULL, a.start_first, a.key",

	/* The city-wide tables (src/view/tables-city.h); ?1 is the year or NULL (every year). */
	/* (year) -> district, district_name, prioritised, plan, ord, theme, measures: every
	 * district's themes in its LUP covering the year (every LUP without one), newest adopted
	 * version, with the count of measures under each theme (the city page's districts x themes) */
	[STMT_VTAB_DISTRICTS_THEMES] =
		"SELECT d.key AS district, d.name AS district_name, d.prioritised, p.key AS plan, t.ord,"
		" t.name AS theme, (SELECT count(*) FROM measure_theme mt WHERE mt.theme_id = t.id) AS measures"
		" FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" JOIN area d ON d.id = p.district_id WHERE " LATEST_LUP("p", "pv") " AND t.extra = 0"
		" AND (?1 IS NULL OR ?1 BETWEEN p.year_from AND p.year_to)"
		" ORDER BY d.name COLLATE sv, p.year_from, t.ord",
	/* (year) -> org, org_name, district, district_name, activities: per organisation and
	 * district the count of its published activities there running in the year */
	[STMT_VTAB_ORGS_DISTRICTS] =
		"SELECT o.key AS org, o.name AS org_name, d.key AS district, d.name AS district_name,"
		" count(*) AS activities FROM activity a JOIN organisation o ON o.id = a.owner_id"
		" JOIN activity_district ad ON ad.activity_id = a.id JOIN area d ON d.id = ad.area_id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE d.level = 'district' AND " PUB_ACTIVITY("a") " AND " ACT_IN_YEAR("a", "p")
		" GROUP BY o.id, d.id ORDER BY o.name COLLATE sv, d.name COLLATE sv",
	/* (year) -> key, title, owner, owner_name, goal_number, goal_title, status, role,
	 * start_text, start_first, end_text, end_last, districts, partners: every published
	 * activity running in the year */
	[STMT_VTAB_ACTIVITIES] =
		"SELECT a.key, a.title, o.key AS owner, o.name AS owner_name, g.number AS goal_number,"
		" g.title AS goal_title, a.status, a.role, a.start_text, a.start_first, a.end_text, a.end_last,"
		" (SELECT group_concat(name, ', ') FROM (SELECT x.name FROM activity_district ad"
		"  JOIN area x ON x.id = ad.area_id WHERE ad.activity_id = a.id ORDER BY x.name COLLATE sv)) AS districts,"
		" (SELECT group_concat(name, ', ') FROM (SELECT y.name FROM activity_partner ap"
		"  JOIN organisation y ON y.id = ap.org_id WHERE ap.activity_id = a.id ORDER BY y.name COLLATE sv)) AS partners"
		" FROM activity a JOIN organisation o ON o.id = a.owner_id LEFT JOIN goal g ON g.id = a.goal_id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE " PUB_ACTIVITY("a") " AND " ACT_IN_YEAR("a", "p")
		" ORDER BY o.name COLLATE sv, a.start_first IS NULL, a.start_first, a.key",
	/* (year) -> report, report_title, report_year, measure, measure_text, org, org_name, stance,
	 * stance_phrase, no_response: every response to a measure of the commission's reports (of
	 * the year's reports when ?1 is given) */
	[STMT_VTAB_COMMISSION] =
		"SELECT cr.key AS report, cr.title AS report_title, cr.year AS report_year, m.number AS measure,"
		" m.text AS measure_text, o.key AS org, o.name AS org_name, r.stance, r.stance_phrase, r.no_response"
		" FROM response r JOIN commission_measure m ON m.id = r.measure_id"
		" JOIN commission_report cr ON cr.id = m.report_id JOIN organisation o ON o.id = r.org_id"
		" WHERE ?1 IS NULL OR cr.year = ?1 ORDER BY cr.key, m.id, o.name COLLATE sv",
	/* (year) -> org, org_name, area, area_name, year, kind, amount, unit, note, example: the
	 * resource allocations (of the year; schema 0025) */
	[STMT_VTAB_ALLOCATIONS] =
		"SELECT o.key AS org, o.name AS org_name, a.key AS area, a.name AS area_name, r.year,"
		" r.kind, r.amount, r.unit, r.note, r.example FROM resource_allocation r"
		" JOIN organisation o ON o.id = r.org_id JOIN area a ON a.id = r.area_id"
		" WHERE ?1 IS NULL OR r.year = ?1 ORDER BY r.year, o.name COLLATE sv, a.name COLLATE sv, r.kind, r.id",
	/* (year) -> id, at, actor, action, entity, entity_id, before, after: the audit log (of the
	 * year, by its UTC time), oldest first, as far as the viewer may see it (AUDIT_SEE) */
	[STMT_VTAB_AUDIT] =
		"SELECT id, at, actor, action, entity, entity_id, before, after FROM audit"
		" WHERE (?1 IS NULL OR substr(at, 1, 4) = CAST(?1 AS TEXT)) AND " AUDIT_SEE("audit") " ORDER BY id",
	/* (response id) -> text: the response's labelled parts in order, joined by spaces (the
	 * commission document's excerpt) */
	[STMT_VTAB_RESPONSE_TEXT] =
		"SELECT group_concat(text, ' ') FROM (SELECT text FROM response_part WHERE response_id = ?1 ORDER BY ord)",
};
