/* sql-pg-plan-doc.c: PostgreSQL text of the plan document's statements (see stmt-plan-doc.h).
 * ORDER BY x.rowid: the insertion order, which migration 0001 keeps on PostgreSQL in a column
 * `rowid` of the tables without an id. */
#include "store/sql-pg.h"

/* The identities of 0014 and 0015. */
#define THEME_IDENT(t) "coalesce(" t ".ident, 'theme-' || " t ".id::text)"
#define KEY_IDENT(x) "coalesce(" x ".ident, " x ".key)"

const char *const pg_sql_plan_doc[STMT__MAX] = {
	/* (plan key, version: 0 for the newest 'decided' one, else the newest) -> plan_version id */
	[STMT_PD_PICK] =
		"SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE p.key = $1"
		" AND ($2::bigint = 0 OR pv.version = $2::bigint)"
		" ORDER BY pv.status = 'decided' DESC, pv.version DESC LIMIT 1",
	/* (plan_version id) -> the plan */
	[STMT_PD_PLAN] =
		"SELECT p.key, p.kind, o.key AS owner, a.key AS district, p.title, p.year_from, p.year_to,"
		" p.source, p.id AS _id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id"
		" JOIN organisation o ON o.id = p.owner_id LEFT JOIN area a ON a.id = p.district_id"
		" WHERE pv.id = $1",
	/* (plan_version id) -> the version (the decision's four columns become one object) */
	[STMT_PD_VERSION] =
		"SELECT pv.version AS number, pv.status, pv.area_scope, pv.note, b.version AS based_on,"
		" o.key AS decision_body, pv.decided_on AS decision_date,"
		" pv.decision_paragraph, pv.decision_dnr FROM plan_version pv"
		" LEFT JOIN plan_version b ON b.id = pv.based_on LEFT JOIN organisation o ON o.id = pv.decided_by"
		" WHERE pv.id = $1",
	/* (plan_version id) */
	[STMT_PD_SECTIONS] =
		"SELECT ord, title, body, source FROM lup_section WHERE plan_version_id = $1 ORDER BY ord",
	[STMT_PD_THEMES] =
		"SELECT t.id AS _id, " THEME_IDENT("t") " AS id, t.name, t.description, t.extra, t.source"
		" FROM theme t WHERE t.plan_version_id = $1 ORDER BY t.ord, t.id",
	/* (theme id) */
	[STMT_PD_THEME_ALIASES] =
		"SELECT alias, source FROM theme_alias WHERE theme_id = $1 ORDER BY rowid",
	[STMT_PD_THEME_TGS] =
		"SELECT target_group FROM theme_target_group WHERE theme_id = $1 ORDER BY rowid",
	/* (plan_version id) */
	[STMT_PD_AREAS] =
		"SELECT a.key AS area, pa.note, pa.source FROM prioritised_area pa JOIN area a ON a.id = pa.area_id"
		" WHERE pa.plan_version_id = $1 ORDER BY pa.rowid",
	[STMT_PD_PARTNERS] =
		"SELECT coalesce(pp.ident, pp.label) AS id, o.key AS org, pp.grp AS \"group\", pp.label, pp.source"
		" FROM plan_partner pp LEFT JOIN organisation o ON o.id = pp.org_id"
		" WHERE pp.plan_version_id = $1 ORDER BY pp.id",
	/* (plan_version id): the version's own goals; parent: the parent's identity when it is in the
	 * version, else its key */
	[STMT_PD_GOALS] =
		"SELECT g.id AS _id, " KEY_IDENT("g") " AS id, o.key AS owner, g.level, g.number, g.title,"
		" g.description, g.year,"
		" CASE WHEN pg.plan_version_id = g.plan_version_id THEN " KEY_IDENT("pg") " ELSE pg.key END AS parent,"
		" g.theme_id AS _theme, a.key AS area, g.sex, g.horizon_year, g.benchmark, g.horizon,"
		" g.baseline_value, g.baseline_year, g.target_value, g.target_direction,"
		" CASE WHEN i.plan_version_id = g.plan_version_id OR (i.plan_version_id IS NULL"
		"  AND ig.plan_version_id = g.plan_version_id) THEN " KEY_IDENT("i") " ELSE i.key END AS indicator,"
		" g.source"
		" FROM goal g JOIN organisation o ON o.id = g.owner_id LEFT JOIN goal pg ON pg.id = g.parent_id"
		" LEFT JOIN area a ON a.id = g.area_id LEFT JOIN indicator i ON i.id = g.indicator_id"
		" LEFT JOIN goal ig ON ig.id = i.goal_id WHERE g.plan_version_id = $1 ORDER BY g.id",
	/* (goal id) */
	[STMT_PD_GOAL_RESULTS] =
		"SELECT text, source FROM goal_result WHERE goal_id = $1 ORDER BY ord",
	/* (goal id, plan_version id): the indicators of a goal of the version */
	[STMT_PD_GOAL_INDICATORS] =
		"SELECT i.id AS _id, " KEY_IDENT("i") " AS id, o.key AS owner, i.name, i.unit, i.direction,"
		" i.periodicity, i.source_kind, i.kolada_kpi, i.by_sex, i.by_area, i.source"
		" FROM indicator i JOIN organisation o ON o.id = i.owner_id"
		" WHERE i.goal_id = $1 AND (i.plan_version_id IS NULL OR i.plan_version_id = $2) ORDER BY i.ord, i.id",
	/* (plan_version id): the version's indicators of goals outside it (the council's goals): its own
	 * (plan_version_id), and those written without a version (0015) when the version is the oldest
	 * of a plan that is not an LUP, owned by the indicator's owner or its pair, whose years hold the
	 * goal's year */
	[STMT_PD_EXT_INDICATORS] =
		"SELECT i.id AS _id, " KEY_IDENT("i") " AS id, g.key AS goal, o.key AS owner, i.name, i.unit,"
		" i.direction, i.periodicity, i.source_kind, i.kolada_kpi, i.by_sex, i.by_area, i.source"
		" FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN organisation o ON o.id = i.owner_id"
		" JOIN plan_version pv ON pv.id = $1 JOIN plan p ON p.id = pv.plan_id"
		" WHERE g.plan_version_id IS DISTINCT FROM pv.id AND (i.plan_version_id = pv.id"
		"  OR (i.plan_version_id IS NULL AND g.plan_version_id IS NULL AND p.kind <> 'lup'"
		"   AND (i.owner_id = p.owner_id OR i.owner_id = (SELECT pair_id FROM organisation WHERE id = p.owner_id))"
		"   AND g.year BETWEEN p.year_from AND p.year_to"
		"   AND pv.version = (SELECT min(version) FROM plan_version WHERE plan_id = p.id)))"
		" ORDER BY i.ord, i.id",
	/* (indicator id) */
	[STMT_PD_TARGETS] =
		"SELECT year, kind, mode, value, unit, text, source, sex FROM target WHERE indicator_id = $1"
		" ORDER BY year, kind, CASE sex WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END",
	/* (plan_version id) */
	[STMT_PD_MEASURES] =
		"SELECT m.id AS _id, " KEY_IDENT("m") " AS id, m.title, m.description, m.status,"
		" m.start_text AS start, m.end_text AS \"end\", m.source FROM measure m WHERE m.plan_version_id = $1 ORDER BY m.ord, m.id",
	/* (measure id) */
	[STMT_PD_MEASURE_THEMES] =
		"SELECT " THEME_IDENT("t") " FROM measure_theme mt JOIN theme t ON t.id = mt.theme_id"
		" WHERE mt.measure_id = $1 ORDER BY mt.rowid",
	[STMT_PD_MEASURE_AREAS] =
		"SELECT a.key FROM measure_area ma JOIN area a ON a.id = ma.area_id WHERE ma.measure_id = $1"
		" ORDER BY ma.rowid",
	[STMT_PD_MEASURE_TGS] =
		"SELECT target_group FROM measure_target_group WHERE measure_id = $1 ORDER BY rowid",
	[STMT_PD_MEASURE_PARTNERS] =
		"SELECT o.key AS org, coalesce(pp.ident, pp.label) AS partner, mp.role, mp.source FROM measure_partner mp"
		" LEFT JOIN organisation o ON o.id = mp.org_id LEFT JOIN plan_partner pp ON pp.id = mp.plan_partner_id"
		" WHERE mp.measure_id = $1 ORDER BY mp.rowid",
	/* (plan_version id); goal: its identity when it is in the version, else its key */
	[STMT_PD_ACTIVITIES] =
		"SELECT a.id AS _id, " KEY_IDENT("a") " AS id, o.key AS owner, a.title, a.description,"
		" a.start_text AS start, a.end_text AS \"end\", a.status, a.role,"
		" CASE WHEN g.plan_version_id = a.plan_version_id THEN " KEY_IDENT("g") " ELSE g.key END AS goal,"
		" a.theme_id AS _theme, a.measure_id AS _measure, a.source"
		" FROM activity a JOIN organisation o ON o.id = a.owner_id LEFT JOIN goal g ON g.id = a.goal_id"
		" WHERE a.plan_version_id = $1 ORDER BY a.id",
	/* (activity id) */
	[STMT_PD_ACTIVITY_DISTRICTS] =
		"SELECT a.key FROM activity_district ad JOIN area a ON a.id = ad.area_id WHERE ad.activity_id = $1"
		" ORDER BY ad.rowid",
	[STMT_PD_ACTIVITY_PARTNERS] =
		"SELECT o.key AS org, ap.role FROM activity_partner ap JOIN organisation o ON o.id = ap.org_id"
		" WHERE ap.activity_id = $1 ORDER BY ap.rowid",
	/* (theme id) -> plan_version id, plan key, version, identity */
	[STMT_PD_THEME_REF] =
		"SELECT pv.id, p.key, pv.version, " THEME_IDENT("t") " FROM theme t"
		" JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE t.id = $1",
	/* (measure id) -> the same */
	[STMT_PD_MEASURE_REF] =
		"SELECT pv.id, p.key, pv.version, " KEY_IDENT("m") " FROM measure m"
		" JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE m.id = $1",

	/* (plan_version id): the lists of the version's rows in one statement each, the owner's id
	 * first (_of), then the row's place in its owner's list (_seq: the per-owner statements'
	 * ORDER BY), unordered: view/plan-text.c sorts them in the owners' order (SQLite's sorter was
	 * about a third of each statement's cost). */
	/* each theme's aliases */
	[STMT_PD_V_THEME_ALIASES] =
		"SELECT ta.theme_id AS _of, ta.rowid AS _seq, ta.alias, ta.source FROM theme t JOIN theme_alias ta ON ta.theme_id = t.id"
		" WHERE t.plan_version_id = $1",
	[STMT_PD_V_THEME_TGS] =
		"SELECT tg.theme_id AS _of, tg.rowid AS _seq, tg.target_group FROM theme t JOIN theme_target_group tg ON tg.theme_id = t.id"
		" WHERE t.plan_version_id = $1",
	/* each measure's lists */
	[STMT_PD_V_MEASURE_THEMES] =
		"SELECT mt.measure_id AS _of, mt.rowid AS _seq, " THEME_IDENT("t") " FROM measure m JOIN measure_theme mt ON mt.measure_id = m.id"
		" JOIN theme t ON t.id = mt.theme_id WHERE m.plan_version_id = $1",
	[STMT_PD_V_MEASURE_AREAS] =
		"SELECT ma.measure_id AS _of, ma.rowid AS _seq, a.key FROM measure m JOIN measure_area ma ON ma.measure_id = m.id"
		" JOIN area a ON a.id = ma.area_id WHERE m.plan_version_id = $1",
	[STMT_PD_V_MEASURE_GOALS] =
		"SELECT mg.measure_id AS _of, mg.rowid AS _seq, CASE WHEN g.plan_version_id = m.plan_version_id THEN coalesce(g.ident, g.key)"
		" ELSE g.key END FROM measure m JOIN measure_goal mg ON mg.measure_id = m.id JOIN goal g ON g.id = mg.goal_id"
		" WHERE m.plan_version_id = $1",
	[STMT_PD_V_MEASURE_TGS] =
		"SELECT tg.measure_id AS _of, tg.rowid AS _seq, tg.target_group FROM measure m JOIN measure_target_group tg ON tg.measure_id = m.id"
		" WHERE m.plan_version_id = $1",
	[STMT_PD_V_MEASURE_PARTNERS] =
		"SELECT mp.measure_id AS _of, mp.rowid AS _seq, o.key AS org, coalesce(pp.ident, pp.label) AS partner, mp.role, mp.source"
		" FROM measure m JOIN measure_partner mp ON mp.measure_id = m.id LEFT JOIN organisation o ON o.id = mp.org_id"
		" LEFT JOIN plan_partner pp ON pp.id = mp.plan_partner_id WHERE m.plan_version_id = $1",
	/* each activity's lists and references (then PD_THEME_REF's, PD_MEASURE_REF's columns) */
	[STMT_PD_V_ACTIVITY_DISTRICTS] =
		"SELECT ad.activity_id AS _of, ad.rowid AS _seq, a.key FROM activity x JOIN activity_district ad ON ad.activity_id = x.id"
		" JOIN area a ON a.id = ad.area_id WHERE x.plan_version_id = $1",
	[STMT_PD_V_ACTIVITY_PARTNERS] =
		"SELECT ap.activity_id AS _of, ap.rowid AS _seq, o.key AS org, ap.role FROM activity x JOIN activity_partner ap ON ap.activity_id = x.id"
		" JOIN organisation o ON o.id = ap.org_id WHERE x.plan_version_id = $1",
	[STMT_PD_V_ACTIVITY_THEME_REFS] =
		"SELECT x.id AS _of, x.id AS _seq, pv.id, p.key, pv.version, " THEME_IDENT("t") " FROM activity x JOIN theme t ON t.id = x.theme_id"
		" JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE x.plan_version_id = $1",
	[STMT_PD_V_ACTIVITY_MEASURE_REFS] =
		"SELECT x.id AS _of, x.id AS _seq, pv.id, p.key, pv.version, " KEY_IDENT("m") " FROM activity x JOIN measure m ON m.id = x.measure_id"
		" JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE x.plan_version_id = $1",

	/* (plan_version id): the version's themes, areas and partners unordered, with what PD_THEMES, PD_AREAS and PD_PARTNERS order by first (_k1, _seq): view/plan-text.c sorts them */
	[STMT_PD_V_THEMES] =
		"SELECT t.ord AS _k1, t.id AS _seq, t.id AS _id, " THEME_IDENT("t") " AS id, t.name, t.description, t.extra,"
		" t.source FROM theme t WHERE t.plan_version_id = $1",
	[STMT_PD_V_AREAS] =
		"SELECT 0 AS _k1, pa.rowid AS _seq, a.key AS area, pa.note, pa.source FROM prioritised_area pa"
		" JOIN area a ON a.id = pa.area_id WHERE pa.plan_version_id = $1",
	[STMT_PD_V_PARTNERS] =
		"SELECT 0 AS _k1, pp.id AS _seq, coalesce(pp.ident, pp.label) AS id, o.key AS org, pp.grp AS \"group\","
		" pp.label, pp.source FROM plan_partner pp LEFT JOIN organisation o ON o.id = pp.org_id"
		" WHERE pp.plan_version_id = $1",

	/* (plan_version id): each goal's theme reference, results, indicators (PD_GOAL_INDICATORS' columns; _seq: ord, then id) and their targets (_seq: year, kind, sex as PD_TARGETS orders them) */
	[STMT_PD_V_GOAL_THEME_REFS] =
		"SELECT g.id AS _of, g.id AS _seq, pv.id, p.key, pv.version, " THEME_IDENT("t") " FROM goal g JOIN theme t ON t.id = g.theme_id"
		" JOIN plan_version pv ON pv.id = t.plan_version_id JOIN plan p ON p.id = pv.plan_id WHERE g.plan_version_id = $1",
	[STMT_PD_V_GOAL_RESULTS] =
		"SELECT gr.goal_id AS _of, gr.ord AS _seq, gr.text, gr.source FROM goal g JOIN goal_result gr ON gr.goal_id = g.id"
		" WHERE g.plan_version_id = $1",
	[STMT_PD_V_GOAL_INDICATORS] =
		"SELECT i.goal_id AS _of, i.ord * 4294967296 + i.id AS _seq, i.id AS _id, " KEY_IDENT("i") " AS id, o.key AS owner,"
		" i.name, i.unit, i.direction, i.periodicity, i.source_kind, i.kolada_kpi, i.by_sex, i.by_area, i.source"
		" FROM goal g JOIN indicator i ON i.goal_id = g.id AND (i.plan_version_id IS NULL OR i.plan_version_id = g.plan_version_id)"
		" JOIN organisation o ON o.id = i.owner_id WHERE g.plan_version_id = $1",
	[STMT_PD_V_GOAL_TARGETS] =
		"SELECT t.indicator_id AS _of, t.year * 8 + CASE t.kind WHEN 'kf' THEN 0 ELSE 4 END"
		" + CASE t.sex WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END AS _seq, t.year, t.kind, t.mode, t.value, t.unit, t.text,"
		" t.source, t.sex FROM goal g JOIN indicator i ON i.goal_id = g.id"
		" AND (i.plan_version_id IS NULL OR i.plan_version_id = g.plan_version_id) JOIN target t ON t.indicator_id = i.id"
		" WHERE g.plan_version_id = $1",

	/* (plan_version id): the targets of PD_EXT_INDICATORS' indicators (_seq as PD_V_GOAL_TARGETS') */
	[STMT_PD_V_EXT_TARGETS] =
		"SELECT t.indicator_id AS _of, t.year * 8 + CASE t.kind WHEN 'kf' THEN 0 ELSE 4 END"
		" + CASE t.sex WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END AS _seq, t.year, t.kind, t.mode, t.value, t.unit, t.text,"
		" t.source, t.sex"
		" FROM indicator i JOIN goal g ON g.id = i.goal_id JOIN target t ON t.indicator_id = i.id"
		" JOIN plan_version pv ON pv.id = $1 JOIN plan p ON p.id = pv.plan_id"
		" WHERE g.plan_version_id IS DISTINCT FROM pv.id AND (i.plan_version_id = pv.id"
		"  OR (i.plan_version_id IS NULL AND g.plan_version_id IS NULL AND p.kind <> 'lup'"
		"   AND (i.owner_id = p.owner_id OR i.owner_id = (SELECT pair_id FROM organisation WHERE id = p.owner_id))"
		"   AND g.year BETWEEN p.year_from AND p.year_to"
		"   AND pv.version = (SELECT min(version) FROM plan_version WHERE plan_id = p.id)))",
	/* (plan key) -> id, kind */
	[STMT_PD_PLAN_KIND] = "SELECT id, kind FROM plan WHERE key = $1",
	/* (plan id) -> the draft's version number, if any */
	[STMT_PD_DRAFT] = "SELECT version FROM plan_version WHERE plan_id = $1 AND status = 'draft'",
	/* (plan id) -> the next version number */
	[STMT_PD_NEXT] = "SELECT coalesce(max(version), 0) + 1 FROM plan_version WHERE plan_id = $1",
	/* (plan id, version) -> plan_version id */
	[STMT_PD_VERSION_ID] = "SELECT id FROM plan_version WHERE plan_id = $1 AND version = $2",
	/* (plan key, version, identity) -> theme id */
	[STMT_PD_THEME_FIND] =
		"SELECT t.id FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id WHERE p.key = $1 AND pv.version = $2"
		" AND " THEME_IDENT("t") " = $3",
	/* (plan key, version, identity) -> measure id */
	[STMT_PD_MEASURE_FIND] =
		"SELECT m.id FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id WHERE p.key = $1 AND pv.version = $2"
		" AND " KEY_IDENT("m") " = $3",

	/* (plan id, version, area_scope, note, based_on, created_at) */
	[STMT_PD_PV_INSERT] =
		"INSERT INTO plan_version (plan_id, version, status, area_scope, note, based_on, created_at)"
		" VALUES ($1, $2, 'draft', $3, $4, $5, $6) RETURNING id",
	/* (plan_version id, ord, title, body, source) */
	[STMT_PD_SECTION_INSERT] =
		"INSERT INTO lup_section (plan_version_id, ord, title, body, source) VALUES ($1, $2, $3, $4, $5)"
		" RETURNING id",
	/* (plan_version id, ord, name, description, extra, source, ident) */
	[STMT_PD_THEME_INSERT] =
		"INSERT INTO theme (plan_version_id, ord, name, description, extra, source, ident)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	/* (theme id, alias, source) */
	[STMT_PD_THEME_ALIAS_INSERT] = "INSERT INTO theme_alias (theme_id, alias, source) VALUES ($1, $2, $3)",
	/* (theme id, target group) */
	[STMT_PD_THEME_TG_INSERT] = "INSERT INTO theme_target_group (theme_id, target_group) VALUES ($1, $2)",
	/* (plan_version id, area id, note, source) */
	[STMT_PD_PAREA_INSERT] =
		"INSERT INTO prioritised_area (plan_version_id, area_id, note, source) VALUES ($1, $2, $3, $4)",
	/* (plan_version id, org id, group, label, source, ident) */
	[STMT_PD_PARTNER_INSERT] =
		"INSERT INTO plan_partner (plan_version_id, org_id, grp, label, source, ident)"
		" VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
	/* (key, owner, plan_version id, level, number, parent, title, description, year, theme, area,
	 * sex, horizon_year, benchmark, source, ident) */
	[STMT_PD_GOAL_INSERT] =
		"INSERT INTO goal (key, owner_id, plan_version_id, level, number, parent_id, title, description,"
		" year, theme_id, area_id, sex, horizon_year, benchmark, source, ident, horizon, baseline_value,"
		" baseline_year, target_value, target_direction)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)"
		" RETURNING id",
	/* (goal id, indicator id): the indicator that measures the goal (0017) */
	[STMT_PD_GOAL_INDICATOR_SET] = "UPDATE goal SET indicator_id = $2 WHERE id = $1",
	/* (goal id, parent id) */
	[STMT_PD_GOAL_PARENT] = "UPDATE goal SET parent_id = $2 WHERE id = $1",
	/* (goal id, ord, text, source) */
	[STMT_PD_GOAL_RESULT_INSERT] =
		"INSERT INTO goal_result (goal_id, ord, text, source) VALUES ($1, $2, $3, $4)",
	/* (key, goal, owner, ord, name, unit, direction, periodicity, source_kind, kolada_kpi, by_sex,
	 * by_area, source, ident, plan_version id) */
	[STMT_PD_INDICATOR_INSERT] =
		"INSERT INTO indicator (key, goal_id, owner_id, ord, name, unit, direction, periodicity,"
		" source_kind, kolada_kpi, by_sex, by_area, source, ident, plan_version_id)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
	/* (indicator id, year, kind, mode, value, unit, text, source, sex or NULL: the total) */
	[STMT_PD_TARGET_INSERT] =
		"INSERT INTO target (indicator_id, year, kind, mode, value, unit, text, source, sex)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::text, 'T'))",
	/* (key, plan_version id, ord, title, description, status, start_text, source, ident) */
	[STMT_PD_MEASURE_INSERT] =
		"INSERT INTO measure (key, plan_version_id, ord, title, description, status, start_text, source, ident)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
	/* (measure id, theme id) */
	[STMT_PD_MEASURE_THEME_INSERT] = "INSERT INTO measure_theme (measure_id, theme_id) VALUES ($1, $2)",
	/* (measure id, area id) */
	[STMT_PD_MEASURE_AREA_INSERT] = "INSERT INTO measure_area (measure_id, area_id) VALUES ($1, $2)",
	/* (measure id, target group) */
	[STMT_PD_MEASURE_TG_INSERT] =
		"INSERT INTO measure_target_group (measure_id, target_group) VALUES ($1, $2)",
	/* (measure id, org id, role, source) */
	[STMT_PD_MEASURE_PARTNER_INSERT] =
		"INSERT INTO measure_partner (measure_id, org_id, role, source) VALUES ($1, $2, $3, $4)",
	/* (key, plan_version id, owner, title, description, start_text, start_first, start_last,
	 * start_prec, end_text, end_first, end_last, end_prec, status, role, goal, theme, measure,
	 * source, ident) */
	[STMT_PD_ACTIVITY_INSERT] =
		"INSERT INTO activity (key, plan_version_id, owner_id, title, description, start_text,"
		" start_first, start_last, start_prec, end_text, end_first, end_last, end_prec, status, role,"
		" goal_id, theme_id, measure_id, source, ident) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
		" $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id",
	/* (activity id, area id) */
	[STMT_PD_ACTIVITY_DISTRICT_INSERT] =
		"INSERT INTO activity_district (activity_id, area_id) VALUES ($1, $2)",
	/* (activity id, org id, role) */
	[STMT_PD_ACTIVITY_PARTNER_INSERT] =
		"INSERT INTO activity_partner (activity_id, org_id, role) VALUES ($1, $2, $3)",
};
