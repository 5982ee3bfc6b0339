/* sql-pg-view-tables.c: PostgreSQL text of the export tables' statements (see
 * stmt-view-tables.h). The sets are the organisation page's: the goal chain of the year (no
 * drafts), the organisation's indicators on it, figures the viewer may see (SEE_FIGURE). */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* col is the organisation $n itself, its administration (whose pair_id is $n) or its committee. */
#define OWNED_BY(col, n) \
	"(" col " = $" n " OR " col " IN (SELECT id FROM organisation WHERE pair_id = $" n ")" \
	" OR " col " = (SELECT pair_id FROM organisation WHERE id = $" n "))"

/* The goals of organisation $1 (or its counterpart) for year $2 and every goal above them (the
 * table derived_goal_ancestor, 0038: readers test membership). */
#define CHAIN \
	"WITH chain(id) AS (SELECT da.ancestor_id FROM goal g JOIN organisation o ON o.id = $1" \
	" JOIN derived_goal_ancestor da ON da.goal_id = g.id" \
	"  WHERE (g.owner_id = $1 OR g.owner_id = o.pair_id) AND g.year = $2 AND " PUB_GOAL("g") ")"

/* SQLite's CAST(x AS INTEGER) of a text x: its leading integer (after blanks), else 0; NULL stays
 * NULL (PostgreSQL's cast would fail on text that is no number). */
#define SQLITE_INT(x) \
	"(CASE WHEN " x " IS NULL THEN NULL ELSE coalesce(substring(" x " FROM '^[[:space:]]*([+-]?[0-9]+)')::bigint, 0) END)"

/* The organisation's indicators on the chain with their goal and its place in the order. */
#define INDS \
	", inds AS (SELECT i.id, i.key, i.name, i.unit, i.owner_id, i.source_kind, g.number AS goal_number," \
	" g.title AS goal_title, CASE g.level WHEN 'inriktningsmal' THEN 1 WHEN 'verksamhetsomradesmal' THEN 2" \
	" WHEN 'namndmal' THEN 3 ELSE 4 END AS glevel," \
	" coalesce(" SQLITE_INT("g.number") ", 1000000000) AS gnum, g.key AS gkey, i.ord" \
	" FROM indicator i JOIN goal g ON g.id = i.goal_id WHERE i.goal_id IN (SELECT id FROM chain)" \
	" AND " OWNED_BY("i.owner_id", "1") " AND " PUB_INDICATOR("i") ")"

/* The newest adopted version of LUP p, else its newest non-draft one (as sql-pg.c's
 * LUP_LATEST, the city page's choice). */
#define LATEST_LUP(p, pv) \
	p ".kind = 'lup' AND " pv ".version = (SELECT version FROM plan_version WHERE plan_id = " p ".id" \
	" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"

/* Activity a (of plan p, LEFT JOINed through a.plan_version_id) runs in year $1, or $1 is NULL:
 * its dates, else its plan's years, decide. ($1 typed at every use: IS NULL cannot infer it.) */
#define ACT_IN_YEAR(a, p) \
	"($1::bigint IS NULL OR $1::bigint BETWEEN coalesce(" a ".start_first / 10000, " p ".year_from, $1::bigint)" \
	" AND coalesce(" a ".end_last / 10000, " p ".year_to, $1::bigint))"

const char *const pg_sql_view_tables[STMT__MAX] = {
	/* (key, name or alias) -> id, key, name of the organisation */
	[STMT_VTAB_ORG] =
		"SELECT id, key, name FROM (SELECT id, key, name, 1 AS p FROM organisation WHERE key = $1"
		" UNION ALL SELECT id, key, name, 2 FROM organisation WHERE name = $1 COLLATE sv_ci"
		" UNION ALL SELECT o.id, o.key, o.name, 3 FROM org_alias x JOIN organisation o ON o.id = x.org_id"
		"  WHERE x.alias = $1 COLLATE sv_ci) s ORDER BY p LIMIT 1",
	/* (org_id, year) -> id, key, name, goal_number, goal_title, unit, glevel, gnum, gkey, ord:
	 * the organisation's indicators on its goal chain of the year, unordered: the loader puts
	 * them in the export's order (glevel, gnum, gkey, ord, key; texts by bytes), which SQLite's
	 * sorter of these wide rows took 0.32M instructions for (Spånga-Tensta 2022, 74 rows) */
	[STMT_VTAB_ORG_INDS] =
		CHAIN INDS " SELECT id, key, name, goal_number, goal_title, unit, glevel, gnum, gkey, ord FROM inds",
	/* (org_id, year, indicator ids: VTAB_ORG_INDS's in its order, joined by commas) ->
	 * indicator_id, kind, area_id, area, area_name, area_level, period, sex, value, missing,
	 * text, source, derived, example, unordered: as sql-sqlite-view-tables.c's (here only the
	 * listed indicators' rows) */
	[STMT_VTAB_ORG_VALUES] =
		"WITH n AS (SELECT i.id, i.owner_id, i.source_kind"
		"  FROM unnest(string_to_array($3::text, ',')::bigint[]) AS j(id)"
		"  JOIN indicator i ON i.id = j.id)"
		" SELECT n.id, CASE t.kind WHEN 'own' THEN 1 ELSE 2 END AS kind, NULL::bigint AS area_id,"
		"  NULL::text AS area, NULL::text AS area_name, NULL::text AS area_level, NULL::text AS period, t.sex,"
		"  t.value, 0 AS missing, t.text, t.source, 0 AS derived, 0 AS example"
		"  FROM n JOIN target t ON t.indicator_id = n.id AND t.year = $2"
		" UNION ALL"
		" SELECT n.id, 3, a.id, a.key, a.name, a.level, pe.kind, x.sex, x.value, x.missing, NULL::text, x.source,"
		"  x.derived, x.example"
		"  FROM n JOIN outcome x ON x.indicator_id = n.id JOIN period pe ON pe.id = x.period_id"
		"  JOIN area a ON a.id = x.area_id"
		"  WHERE pe.year = $2 AND (a.level = 'municipality' OR a.committee_id = $1"
		"  OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = $1))"
		"  AND " SEE_FIGURE("x", "n"),
	/* (org_id, year) -> key, title, goal_number, goal_title, owner_name, status, role,
	 * start_text, start_first, end_text, end_last, areas: the organisation's activities in the
	 * year (as on its page) */
	[STMT_VTAB_ORG_ACTIVITIES] =
		"SELECT a.key, a.title, g.number AS goal_number, g.title AS goal_title, o.name AS owner_name,"
		" a.status, a.role, a.start_text, a.start_first, a.end_text, a.end_last,"
		" (SELECT string_agg(x.name, ', ' ORDER BY x.name COLLATE sv) FROM activity_district ad"
		"  JOIN area x ON x.id = ad.area_id WHERE ad.activity_id = a.id) AS areas"
		" FROM activity a JOIN organisation o ON o.id = a.owner_id LEFT JOIN goal g ON g.id = a.goal_id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE " OWNED_BY("a.owner_id", "1")
		" AND $2::bigint BETWEEN coalesce(a.start_first / 10000, p.year_from, $2::bigint)"
		" AND coalesce(a.end_last / 10000, p.year_to, $2::bigint)"
		" AND " PUB_ACTIVITY("a")
		" ORDER BY a.start_first IS NULL, a.start_first, a.key",

	/* The city-wide tables (src/view/tables-city.h); $1 is the year or NULL (every year). */
	/* (year) -> district, district_name, prioritised, plan, ord, theme, measures: every
	 * district's themes in its LUP covering the year (every LUP without one), newest adopted
	 * version, with the count of measures under each theme (the city page's districts x themes) */
	[STMT_VTAB_DISTRICTS_THEMES] =
		"SELECT d.key AS district, d.name AS district_name, d.prioritised, p.key AS plan, t.ord,"
		" t.name AS theme, (SELECT count(*) FROM measure_theme mt WHERE mt.theme_id = t.id) AS measures"
		" FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" JOIN area d ON d.id = p.district_id WHERE " LATEST_LUP("p", "pv") " AND t.extra = 0"
		" AND ($1::bigint IS NULL OR $1::bigint BETWEEN p.year_from AND p.year_to)"
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
		" (SELECT string_agg(x.name, ', ' ORDER BY x.name COLLATE sv) FROM activity_district ad"
		"  JOIN area x ON x.id = ad.area_id WHERE ad.activity_id = a.id) AS districts,"
		" (SELECT string_agg(y.name, ', ' ORDER BY y.name COLLATE sv) FROM activity_partner ap"
		"  JOIN organisation y ON y.id = ap.org_id WHERE ap.activity_id = a.id) AS partners"
		" FROM activity a JOIN organisation o ON o.id = a.owner_id" ORG_RANK_JOIN("o")
		" LEFT JOIN goal g ON g.id = a.goal_id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE " PUB_ACTIVITY("a") " AND " ACT_IN_YEAR("a", "p")
		" ORDER BY " ORG_RANK ", a.start_first IS NULL, a.start_first, a.key",
	/* (year) -> report, report_title, report_year, measure, measure_text, org, org_name, stance,
	 * stance_phrase, no_response: every response to a measure of the commission's reports (of
	 * the year's reports when $1 is given) */
	[STMT_VTAB_COMMISSION] =
		"SELECT cr.key AS report, cr.title AS report_title, cr.year AS report_year, m.number AS measure,"
		" m.text AS measure_text, o.key AS org, o.name AS org_name, r.stance, r.stance_phrase, r.no_response"
		" FROM response r JOIN commission_measure m ON m.id = r.measure_id"
		" JOIN commission_report cr ON cr.id = m.report_id JOIN organisation o ON o.id = r.org_id"
		" WHERE $1::bigint IS NULL OR cr.year = $1::bigint ORDER BY cr.key, m.id, o.name COLLATE sv",
	/* (year) -> org, org_name, area, area_name, year, kind, amount, unit, note, example: the
	 * resource allocations (of the year; schema 0025) */
	[STMT_VTAB_ALLOCATIONS] =
		"SELECT o.key AS org, o.name AS org_name, a.key AS area, a.name AS area_name, r.year,"
		" r.kind, r.amount, r.unit, r.note, r.example FROM resource_allocation r"
		" JOIN organisation o ON o.id = r.org_id JOIN area a ON a.id = r.area_id"
		" WHERE $1::bigint IS NULL OR r.year = $1::bigint ORDER BY r.year, o.name COLLATE sv, a.name COLLATE sv, r.kind, r.id",
	/* (year) -> id, at, actor, action, entity, entity_id, before, after: the audit log (of the
	 * year, by its UTC time), oldest first, as far as the viewer may see it (AUDIT_SEE) */
	[STMT_VTAB_AUDIT] =
		"SELECT id, at, actor, action, entity, entity_id, before, after FROM audit"
		" WHERE ($1::bigint IS NULL OR substr(at, 1, 4) = $1::bigint::text) AND " AUDIT_SEE("audit") " ORDER BY id",
	/* (response id) -> text: the response's labelled parts in order, joined by spaces (the
	 * commission document's excerpt) */
	[STMT_VTAB_RESPONSE_TEXT] =
		"SELECT string_agg(text, ' ' ORDER BY ord) AS \"group_concat(text, ' ')\" FROM response_part WHERE response_id = $1",
};
