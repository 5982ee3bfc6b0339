/* sql-sqlite.c: the SQL text of every statement in the SQLite dialect (?N placeholders,
 * COLLATE sv for Swedish order). The parameter order of each statement is the contract with
 * its callers: it is written in the comment or visible from ?N. */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"
#include "store/sql-cache.h"

/* The latest version of the LUP plan of district ?1: used by several statements. The latest
 * decided version, else the latest that is no draft: two max() reads, with no sort per row. */
#define LUP_LATEST(p, pv) \
	p ".kind = 'lup' AND " pv ".version = coalesce(" \
	"(SELECT max(version) FROM plan_version WHERE plan_id = " p ".id AND status = 'decided')," \
	" (SELECT max(version) FROM plan_version WHERE plan_id = " p ".id AND status <> 'draft'))"

/* The change guard of an upsert: update only when a value differs, so that loading the same
 * data twice changes nothing. */
#define DIFF(cols, ex) " WHERE (" cols ") IS NOT (" ex ")"

/* (indicator_id, period_id, area_id, sex, value, missing, source, derived, example) */
#define OUTCOME_UPSERT \
	"INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, missing, source," \
	" derived, example) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)" \
	" ON CONFLICT (indicator_id, period_id, area_id, sex) DO UPDATE SET value = excluded.value," \
	" missing = excluded.missing, source = excluded.source, derived = excluded.derived," \
	" example = excluded.example" \
	DIFF("value, missing, source, derived, example", \
	     "excluded.value, excluded.missing, excluded.source, excluded.derived, excluded.example")

/* The district API's show and relations, by the district's id (ID: "?1") or, for the
 * DISTRICT_KEY_ statements, by its exact key (KEY_ID: one index probe each): the loader's
 * reads need not wait for the id (one round trip on PostgreSQL; render/entity.c
 * entity_load_key falls back to DISTRICT_ID_LOOSE when the key finds nothing). */
#define KEY_ID "(SELECT id FROM area WHERE level = 'district' AND key = ?1)"
#define SQL_SHOW_DISTRICT(ID) \
		"SELECT a.id, a.key, a.name, a.code, a.prioritised, o.key AS committee, o.name AS committee_name," \
		" par.key AS municipality FROM area a LEFT JOIN organisation o ON o.id = a.committee_id" \
		" LEFT JOIN area par ON par.id = a.parent_id WHERE a.id = " ID " AND a.level = 'district'"
/* LEVEL_ORD: an area's level (area.level's CHECK: four values) as an integer in the byte order
 * of its text (district < municipality < neighbourhood < place): a REL_BY_KEY_NAME key. */
#define LEVEL_ORD(x) "CASE " x " WHEN 'district' THEN 0 WHEN 'municipality' THEN 1" \
	" WHEN 'neighbourhood' THEN 2 ELSE 3 END"
#define SQL_REL_DISTRICT_NEIGHBOURHOODS(ID) \
		"SELECT " LEVEL_ORD("a.level") " AS _k1, a.name AS _k2, a.id, a.key, a.name, a.level, par.key AS parent FROM area par JOIN area a ON a.parent_id = par.id" \
		" WHERE par.id = " ID " OR par.parent_id = " ID
#define SQL_REL_DISTRICT_PAREAS(ID) \
		"SELECT pa.rowid AS _k1, 0 AS _k2, a.id, a.key, a.name, a.level, pa.note FROM prioritised_area pa JOIN area a ON a.id = pa.area_id" \
		" JOIN plan_version pv ON pv.id = pa.plan_version_id JOIN plan p ON p.id = pv.plan_id" \
		" WHERE " LUP_LATEST("p", "pv") " AND p.district_id = " ID
#define SQL_REL_DISTRICT_THEMES(ID) \
		"SELECT t.ord AS _k1, t.id AS _k2, t.id, t.name, t.ord, t.extra, (SELECT group_concat(alias, ' | ') FROM theme_alias" \
		" WHERE theme_id = t.id) AS aliases FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id" \
		" JOIN plan p ON p.id = pv.plan_id WHERE " LUP_LATEST("p", "pv") " AND p.district_id = " ID
#define SQL_REL_DISTRICT_MEASURES(ID) \
		"SELECT m.ord AS _k1, m.id AS _k2, m.id, m.key, m.title AS name, m.status FROM measure m" \
		" JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id" \
		" WHERE " LUP_LATEST("p", "pv") " AND p.district_id = " ID
#define SQL_REL_DISTRICT_PARTNERS(ID) \
		"SELECT pp.id AS _k1, 0 AS _k2, pp.label, pp.grp AS \"group\", o.key AS org FROM plan p" \
		" CROSS JOIN plan_version pv ON pv.plan_id = p.id CROSS JOIN plan_partner pp ON pp.plan_version_id = pv.id" \
		" LEFT JOIN organisation o ON o.id = pp.org_id WHERE " LUP_LATEST("p", "pv") " AND p.district_id = " ID
#define SQL_REL_DISTRICT_ACTIVITIES(ID) \
		"SELECT o.name AS owner_name, a.id, a.key, a.title AS name, o.key AS owner, a.role, a.status" \
		" FROM activity a JOIN organisation o ON o.id = a.owner_id JOIN activity_district ad ON ad.activity_id = a.id" \
		" WHERE ad.area_id = " ID " AND " PUB_ACTIVITY("a")

const char *const sqlite_sql[STMT__MAX] = {
	/* lookups; the loose ones try key, name and alias in turn (coalesce stops at the first
	 * that finds one: no sorter for a UNION's rows) and return no row when none does */
	[STMT_ORG_ID] = "SELECT id FROM organisation WHERE key = ?1",
	[STMT_ORG_ID_LOOSE] =
		"SELECT id FROM (SELECT coalesce((SELECT id FROM organisation WHERE key = ?1),"
		" (SELECT id FROM organisation WHERE name = ?1 COLLATE NOCASE),"
		" (SELECT org_id FROM org_alias WHERE alias = ?1 COLLATE NOCASE)) AS id) WHERE id IS NOT NULL",
	[STMT_AREA_ID] = "SELECT id FROM area WHERE key = ?1",
	[STMT_AREA_ID_LOOSE] =
		"SELECT id FROM (SELECT coalesce((SELECT id FROM area WHERE key = ?1),"
		" (SELECT id FROM area WHERE name = ?1 COLLATE NOCASE),"
		" (SELECT area_id FROM area_alias WHERE alias = ?1 COLLATE NOCASE)) AS id) WHERE id IS NOT NULL",
	[STMT_DISTRICT_ID_LOOSE] =
		"SELECT id FROM (SELECT coalesce("
		" (SELECT id FROM area WHERE level = 'district' AND key = ?1),"
		" (SELECT id FROM area WHERE level = 'district' AND name = ?1 COLLATE NOCASE),"
		" (SELECT a.id FROM area_alias x JOIN area a ON a.id = x.area_id"
		"   WHERE a.level = 'district' AND x.alias = ?1 COLLATE NOCASE),"
		" (SELECT a.id FROM area a JOIN organisation o ON o.id = a.committee_id"
		"   WHERE o.key = ?1 OR o.name = ?1 COLLATE NOCASE)) AS id) WHERE id IS NOT NULL",
	[STMT_PLAN_ID] = "SELECT id FROM plan WHERE key = ?1",
	[STMT_PLAN_VERSION_LATEST] =
		"SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id"
		" WHERE p.key = ?1 ORDER BY pv.version DESC LIMIT 1",
	/* (plan_version_id, name or alias) */
	[STMT_THEME_ID] =
		"SELECT id FROM (SELECT id, 1 AS p FROM theme WHERE plan_version_id = ?1 AND name = ?2"
		" UNION ALL SELECT t.id, 2 FROM theme_alias a JOIN theme t ON t.id = a.theme_id"
		"   WHERE t.plan_version_id = ?1 AND a.alias = ?2) ORDER BY p LIMIT 1",
	/* (district area id, theme name or alias) in the district's latest LUP */
	[STMT_THEME_ID_DISTRICT] =
		"SELECT t.id FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id LEFT JOIN theme_alias a ON a.theme_id = t.id"
		" WHERE " LUP_LATEST("p", "pv") " AND p.district_id = ?1 AND (t.name = ?2 OR a.alias = ?2)"
		" ORDER BY (t.name = ?2) DESC LIMIT 1",
	[STMT_GOAL_ID] = "SELECT id FROM goal WHERE key = ?1",
	[STMT_GOAL_OWNER] = "SELECT owner_id FROM goal WHERE id = ?1",
	/* (org_id) -> its committee/administration pair (NULL when none is recorded on it) */
	[STMT_ORG_PAIR] = "SELECT pair_id FROM organisation WHERE id = ?1",
	[STMT_MEASURE_ID] = "SELECT id FROM measure WHERE key = ?1",
	[STMT_INDICATOR_ID] = "SELECT id FROM indicator WHERE key = ?1",
	[STMT_ACTIVITY_ID] = "SELECT id FROM activity WHERE key = ?1",
	[STMT_PERIOD_ID] = "SELECT id FROM period WHERE year = ?1 AND kind = ?2",

	/* writes */
	[STMT_ORG_UPSERT] =
		"INSERT INTO organisation (key, name, kind, city_owned, housing, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (key) DO UPDATE SET name = excluded.name,"
		" kind = excluded.kind, city_owned = excluded.city_owned, housing = excluded.housing,"
		" source = excluded.source"
		DIFF("name, kind, city_owned, housing, source",
		     "excluded.name, excluded.kind, excluded.city_owned, excluded.housing, excluded.source"),
	/* (id, parent_id, pair_id) */
	[STMT_ORG_LINKS] =
		"UPDATE organisation SET parent_id = ?2, pair_id = ?3"
		" WHERE id = ?1 AND (parent_id, pair_id) IS NOT (?2, ?3)",
	[STMT_ORG_ALIAS_ADD] =
		"INSERT INTO org_alias (org_id, alias, source) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (org_id, alias) DO UPDATE SET source = excluded.source"
		" WHERE source IS NOT excluded.source",
	[STMT_AREA_UPSERT] =
		"INSERT INTO area (key, name, level, code, prioritised, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT (key) DO UPDATE SET name = excluded.name, level = excluded.level,"
		" code = excluded.code, prioritised = excluded.prioritised, source = excluded.source"
		DIFF("name, level, code, prioritised, source",
		     "excluded.name, excluded.level, excluded.code, excluded.prioritised, excluded.source"),
	/* (id, parent_id, committee_id) */
	[STMT_AREA_LINKS] =
		"UPDATE area SET parent_id = ?2, committee_id = ?3"
		" WHERE id = ?1 AND (parent_id, committee_id) IS NOT (?2, ?3)",
	[STMT_AREA_ALIAS_ADD] =
		"INSERT INTO area_alias (area_id, alias, source) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (area_id, alias) DO UPDATE SET source = excluded.source"
		" WHERE source IS NOT excluded.source",
	/* (key, kind, owner_id, district_id, title, year_from, year_to, source) */
	[STMT_PLAN_UPSERT] =
		"INSERT INTO plan (key, kind, owner_id, district_id, title, year_from, year_to, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (key) DO UPDATE SET"
		" kind = excluded.kind, owner_id = excluded.owner_id, district_id = excluded.district_id,"
		" title = excluded.title, year_from = excluded.year_from, year_to = excluded.year_to,"
		" source = excluded.source"
		DIFF("kind, owner_id, district_id, title, year_from, year_to, source",
		     "excluded.kind, excluded.owner_id, excluded.district_id, excluded.title,"
		     " excluded.year_from, excluded.year_to, excluded.source"),
	/* (plan_id, version, status, decided_by, decided_on, area_scope, note) */
	[STMT_PLAN_VERSION_UPSERT] =
		"INSERT INTO plan_version (plan_id, version, status, decided_by, decided_on, area_scope, note)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (plan_id, version) DO UPDATE SET"
		" status = excluded.status, decided_by = excluded.decided_by,"
		" decided_on = excluded.decided_on, area_scope = excluded.area_scope, note = excluded.note"
		DIFF("status, decided_by, decided_on, area_scope, note",
		     "excluded.status, excluded.decided_by, excluded.decided_on, excluded.area_scope,"
		     " excluded.note"),
	/* (plan_version_id, ord, title, body, source) */
	[STMT_SECTION_UPSERT] =
		"INSERT INTO lup_section (plan_version_id, ord, title, body, source) VALUES (?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT (plan_version_id, ord) DO UPDATE SET title = excluded.title,"
		" body = excluded.body, source = excluded.source"
		DIFF("title, body, source", "excluded.title, excluded.body, excluded.source"),
	/* (plan_version_id, ord, name, description, extra, source) */
	[STMT_THEME_UPSERT] =
		"INSERT INTO theme (plan_version_id, ord, name, description, extra, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (plan_version_id, name) DO UPDATE SET"
		" ord = excluded.ord, description = excluded.description, extra = excluded.extra,"
		" source = excluded.source"
		DIFF("ord, description, extra, source",
		     "excluded.ord, excluded.description, excluded.extra, excluded.source"),
	[STMT_THEME_ALIAS_ADD] =
		"INSERT INTO theme_alias (theme_id, alias, source) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (theme_id, alias) DO UPDATE SET source = excluded.source"
		" WHERE source IS NOT excluded.source",
	[STMT_THEME_TG_ADD] =
		"INSERT INTO theme_target_group (theme_id, target_group) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	/* (plan_version_id, area_id, note, source) */
	[STMT_PAREA_UPSERT] =
		"INSERT INTO prioritised_area (plan_version_id, area_id, note, source) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (plan_version_id, area_id) DO UPDATE SET note = excluded.note,"
		" source = excluded.source"
		DIFF("note, source", "excluded.note, excluded.source"),
	/* (plan_version_id, org_id, grp, label, source) */
	[STMT_PARTNER_UPSERT] =
		"INSERT INTO plan_partner (plan_version_id, org_id, grp, label, source) VALUES (?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT (plan_version_id, label) DO UPDATE SET org_id = excluded.org_id,"
		" grp = excluded.grp, source = excluded.source"
		DIFF("org_id, grp, source", "excluded.org_id, excluded.grp, excluded.source"),
	/* (key, owner_id, plan_version_id, level, number, parent_id, title, description, year,
	 *  theme_id, area_id, sex, horizon_year, benchmark, source) */
	[STMT_GOAL_UPSERT] =
		"INSERT INTO goal (key, owner_id, plan_version_id, level, number, parent_id, title,"
		" description, year, theme_id, area_id, sex, horizon_year, benchmark, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
		" ON CONFLICT (key) DO UPDATE SET owner_id = excluded.owner_id,"
		" plan_version_id = excluded.plan_version_id, level = excluded.level,"
		" number = excluded.number, parent_id = excluded.parent_id, title = excluded.title,"
		" description = excluded.description, year = excluded.year, theme_id = excluded.theme_id,"
		" area_id = excluded.area_id, sex = excluded.sex, horizon_year = excluded.horizon_year,"
		" benchmark = excluded.benchmark, source = excluded.source"
		DIFF("owner_id, plan_version_id, level, number, parent_id, title, description, year,"
		     " theme_id, area_id, sex, horizon_year, benchmark, source",
		     "excluded.owner_id, excluded.plan_version_id, excluded.level, excluded.number,"
		     " excluded.parent_id, excluded.title, excluded.description, excluded.year,"
		     " excluded.theme_id, excluded.area_id, excluded.sex, excluded.horizon_year,"
		     " excluded.benchmark, excluded.source"),
	/* (goal_id, ord, text, source) */
	[STMT_GOAL_RESULT_UPSERT] =
		"INSERT INTO goal_result (goal_id, ord, text, source) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (goal_id, ord) DO UPDATE SET text = excluded.text, source = excluded.source"
		DIFF("text, source", "excluded.text, excluded.source"),
	/* (key, plan_version_id, ord, title, description, status, start_text, source) */
	[STMT_MEASURE_UPSERT] =
		"INSERT INTO measure (key, plan_version_id, ord, title, description, status, start_text, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (key) DO UPDATE SET"
		" plan_version_id = excluded.plan_version_id, ord = excluded.ord, title = excluded.title,"
		" description = excluded.description, status = excluded.status,"
		" start_text = excluded.start_text, source = excluded.source"
		DIFF("plan_version_id, ord, title, description, status, start_text, source",
		     "excluded.plan_version_id, excluded.ord, excluded.title, excluded.description,"
		     " excluded.status, excluded.start_text, excluded.source"),
	[STMT_MEASURE_THEME_ADD] =
		"INSERT INTO measure_theme (measure_id, theme_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	[STMT_MEASURE_AREA_ADD] =
		"INSERT INTO measure_area (measure_id, area_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	[STMT_MEASURE_TG_ADD] =
		"INSERT INTO measure_target_group (measure_id, target_group) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	/* (measure_id, org_id, role, source) */
	[STMT_MEASURE_PARTNER_UPSERT] =
		"INSERT INTO measure_partner (measure_id, org_id, role, source) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (measure_id, org_id) DO UPDATE SET role = excluded.role, source = excluded.source"
		DIFF("role, source", "excluded.role, excluded.source"),
	/* (key, plan_version_id, owner_id, title, description, start_text, start_first, start_last,
	 *  start_prec, end_text, end_first, end_last, end_prec, status, role, goal_id, theme_id,
	 *  measure_id, source) */
	[STMT_ACTIVITY_UPSERT] =
		"INSERT INTO activity (key, plan_version_id, owner_id, title, description, start_text,"
		" start_first, start_last, start_prec, end_text, end_first, end_last, end_prec, status,"
		" role, goal_id, theme_id, measure_id, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) ON CONFLICT (key) DO UPDATE SET"
		" plan_version_id = excluded.plan_version_id, owner_id = excluded.owner_id,"
		" title = excluded.title, description = excluded.description,"
		" start_text = excluded.start_text, start_first = excluded.start_first,"
		" start_last = excluded.start_last, start_prec = excluded.start_prec,"
		" end_text = excluded.end_text, end_first = excluded.end_first,"
		" end_last = excluded.end_last, end_prec = excluded.end_prec, status = excluded.status,"
		" role = excluded.role, goal_id = excluded.goal_id, theme_id = excluded.theme_id,"
		" measure_id = excluded.measure_id, source = excluded.source"
		DIFF("plan_version_id, owner_id, title, description, start_text, start_first,"
		     " start_last, start_prec, end_text, end_first, end_last, end_prec, status, role,"
		     " goal_id, theme_id, measure_id, source",
		     "excluded.plan_version_id, excluded.owner_id, excluded.title, excluded.description,"
		     " excluded.start_text, excluded.start_first, excluded.start_last,"
		     " excluded.start_prec, excluded.end_text, excluded.end_first, excluded.end_last,"
		     " excluded.end_prec, excluded.status, excluded.role, excluded.goal_id,"
		     " excluded.theme_id, excluded.measure_id, excluded.source"),
	[STMT_ACTIVITY_DISTRICT_ADD] =
		"INSERT INTO activity_district (activity_id, area_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	[STMT_ACTIVITY_PARTNER_ADD] =
		"INSERT INTO activity_partner (activity_id, org_id, role) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (activity_id, org_id) DO UPDATE SET role = excluded.role"
		" WHERE role IS NOT excluded.role",
	/* (key, goal_id, owner_id, ord, name, unit, direction, periodicity, source_kind,
	 *  kolada_kpi, by_sex, by_area, source) */
	[STMT_INDICATOR_UPSERT] =
		"INSERT INTO indicator (key, goal_id, owner_id, ord, name, unit, direction, periodicity,"
		" source_kind, kolada_kpi, by_sex, by_area, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
		" ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (key) DO UPDATE SET goal_id = excluded.goal_id,"
		" owner_id = excluded.owner_id, ord = excluded.ord, name = excluded.name,"
		" unit = excluded.unit, direction = excluded.direction, periodicity = excluded.periodicity,"
		" source_kind = excluded.source_kind, kolada_kpi = excluded.kolada_kpi,"
		" by_sex = excluded.by_sex, by_area = excluded.by_area, source = excluded.source"
		DIFF("goal_id, owner_id, ord, name, unit, direction, periodicity, source_kind,"
		     " kolada_kpi, by_sex, by_area, source",
		     "excluded.goal_id, excluded.owner_id, excluded.ord, excluded.name, excluded.unit,"
		     " excluded.direction, excluded.periodicity, excluded.source_kind,"
		     " excluded.kolada_kpi, excluded.by_sex, excluded.by_area, excluded.source"),
	/* (indicator_id, year, kind, mode, value, unit, text, source) */
	[STMT_TARGET_UPSERT] =
		"INSERT INTO target (indicator_id, year, kind, mode, value, unit, text, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (indicator_id, year, kind, sex)"
		" DO UPDATE SET mode = excluded.mode, value = excluded.value, unit = excluded.unit,"
		" text = excluded.text, source = excluded.source"
		DIFF("mode, value, unit, text, source",
		     "excluded.mode, excluded.value, excluded.unit, excluded.text, excluded.source"),
	/* (year, kind, first_day, last_day) */
	[STMT_PERIOD_UPSERT] =
		"INSERT INTO period (year, kind, first_day, last_day) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (year, kind) DO NOTHING",
	/* (indicator_id, period_id, area_id, sex, value, missing, source, derived, example) */
	[STMT_OUTCOME_UPSERT] = OUTCOME_UPSERT,
	/* the same per row: SQLite's store_bulk runs it for each row (bulk-sqlite.c) */
	[STMT_OUTCOME_UPSERT_BULK] = OUTCOME_UPSERT,
	/* (at, user_id, actor, action, entity, entity_id, before, after) */
	[STMT_AUDIT_INSERT] =
		"INSERT INTO audit (at, user_id, actor, action, entity, entity_id, before, after)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",

	/* reads */
	[STMT_COUNTS] =
		"SELECT (SELECT count(*) FROM organisation) AS organisations,"
		" (SELECT count(*) FROM area WHERE level = 'district') AS districts,"
		" (SELECT count(*) FROM area WHERE level = 'district' AND prioritised = 1) AS prioritised,"
		" (SELECT count(*) FROM area WHERE level IN ('neighbourhood', 'place')) AS neighbourhoods_and_places,"
		" (SELECT count(*) FROM plan) AS plans,"
		" (SELECT count(*) FROM lup_section) AS lup_sections,"
		" (SELECT count(*) FROM theme) AS themes,"
		" (SELECT count(*) FROM prioritised_area) AS prioritised_areas,"
		" (SELECT count(*) FROM measure) AS measures,"
		" (SELECT count(*) FROM plan_partner) AS intended_partners,"
		" (SELECT count(*) FROM goal) AS goals,"
		" (SELECT count(*) FROM indicator) AS indicators,"
		" (SELECT count(*) FROM target) AS targets,"
		" (SELECT count(*) FROM activity) AS activities,"
		" (SELECT count(*) FROM outcome) AS outcomes,"
		" (SELECT count(*) FROM outcome WHERE example = 1) AS example_outcomes,"
		" (SELECT count(*) FROM report) AS reports,"
		" (SELECT count(*) FROM recommendation) AS recommendations,"
		" (SELECT count(*) FROM audit) AS audit_entries",
	/* indicators with a numeric own target, for example outcomes, one row each (the newest such
	 * target), by goal: (id, key, direction, periodicity, unit, name, by_sex, goal key, year,
	 * own target value, the owner's district id) */
	[STMT_EXAMPLE_SERIES] =
		"SELECT i.id, i.key, i.direction, i.periodicity, i.unit, i.name, i.by_sex, g.key AS goal,"
		" t.year, t.value, (SELECT a.id FROM area a WHERE a.committee_id = i.owner_id) AS district"
		" FROM indicator i LEFT JOIN goal g ON g.id = i.goal_id"
		" JOIN target t ON t.indicator_id = i.id AND t.kind = 'own' AND t.sex = 'T' AND t.mode = 'number'"
		" AND t.year = (SELECT max(u.year) FROM target u WHERE u.indicator_id = i.id"
		"  AND u.kind = 'own' AND u.mode = 'number')"
		" ORDER BY g.key, i.ord, i.key",
	/* districts for example series: (id, key, prioritised, municipality id) */
	[STMT_EXAMPLE_AREAS] =
		"SELECT id, key, prioritised, parent_id FROM area WHERE level = 'district' ORDER BY key",
	/* (org_id, area_id, year, kind, amount, unit, note): an example allocation (load/example-alloc.c);
	 * a row the organisation recorded itself (example = 0) is left alone, an unchanged one too */
	[STMT_EXAMPLE_ALLOC_UPSERT] =
		"INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note, example)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1) ON CONFLICT (org_id, area_id, year, kind) DO UPDATE SET"
		" amount = excluded.amount, unit = excluded.unit, note = excluded.note"
		" WHERE resource_allocation.example = 1 AND (resource_allocation.amount IS NOT excluded.amount"
		" OR resource_allocation.unit IS NOT excluded.unit OR resource_allocation.note IS NOT excluded.note)",

	/* the lists of kinds and their counts: sql-sqlite-lists.c */
	/* (district_id) -> theme names in order */
	[STMT_DISTRICT_THEMES] =
		"SELECT t.name FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id WHERE " LUP_LATEST("p", "pv") " AND p.district_id = ?1"
		" AND t.extra = 0 ORDER BY t.ord, t.id",
	/* (district_id) -> prioritised area names in document order */
	[STMT_DISTRICT_PAREAS] =
		"SELECT a.name FROM prioritised_area pa JOIN area a ON a.id = pa.area_id"
		" JOIN plan_version pv ON pv.id = pa.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE " LUP_LATEST("p", "pv") " AND p.district_id = ?1 ORDER BY pa.rowid",
	/* () -> (district_id, what, name, o1, o2): DISTRICT_THEMES (what 1) and DISTRICT_PAREAS
	 * (what 2) of every district at once (a list of districts: one statement, not two per
	 * district nor one per kind), unsorted: the caller orders them by what, district_id, o1,
	 * o2 (the ORDER BY over the UNION ALL was 0.25M of the list's 0.84M instructions, the
	 * statement driven by its pareas' rows, LUP_LATEST per row, 0.1M more); the plans' latest
	 * versions found once for both halves (a materialised CTE: LUP_LATEST in each half was
	 * about 54K of its 140K, the temporary table costs about 15K) */
	[STMT_DISTRICTS_EXTRAS] =
		"WITH lv AS MATERIALIZED (SELECT p.district_id, pv.id AS pv_id"
		" FROM plan p CROSS JOIN plan_version pv WHERE pv.plan_id = p.id AND " LUP_LATEST("p", "pv") ")"
		" SELECT lv.district_id, 1 AS what, t.name, t.ord AS o1, t.id AS o2"
		" FROM lv CROSS JOIN theme t WHERE t.plan_version_id = lv.pv_id AND t.extra = 0"
		" UNION ALL SELECT lv.district_id, 2, a.name, pa.rowid, 0"
		" FROM lv CROSS JOIN prioritised_area pa CROSS JOIN area a"
		" WHERE pa.plan_version_id = lv.pv_id AND a.id = pa.area_id",

	/* show: (id) */
	[STMT_SHOW_ORGANISATION] =
		"SELECT o.id, o.key, o.name, o.kind, par.key AS parent, pair.key AS pair,"
		" o.city_owned, o.housing, o.source FROM organisation o"
		" LEFT JOIN organisation par ON par.id = o.parent_id"
		" LEFT JOIN organisation pair ON pair.id = o.pair_id WHERE o.id = ?1",
	[STMT_SHOW_DISTRICT] = SQL_SHOW_DISTRICT("?1"),
	[STMT_SHOW_THEME] =
		"SELECT t.id, t.name, t.ord, t.description, t.extra, p.key AS plan, d.key AS district,"
		" t.source FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id LEFT JOIN area d ON d.id = p.district_id WHERE t.id = ?1",
	[STMT_SHOW_GOAL] =
		"SELECT g.id, g.key, g.level, g.number, g.title AS name, g.description, g.year,"
		" o.key AS owner, pg.key AS parent, pg.title AS parent_name, p.key AS plan, t.name AS theme,"
		" a.key AS area, g.sex, g.horizon_year, g.benchmark, g.source FROM goal g"
		" JOIN organisation o ON o.id = g.owner_id LEFT JOIN goal pg ON pg.id = g.parent_id"
		" LEFT JOIN plan_version pv ON pv.id = g.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" LEFT JOIN theme t ON t.id = g.theme_id LEFT JOIN area a ON a.id = g.area_id WHERE g.id = ?1"
		" AND " SEE_GOAL("g"),
	[STMT_SHOW_INDICATOR] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, i.periodicity, i.source_kind,"
		" i.kolada_kpi, i.by_sex, i.by_area, g.key AS goal, g.title AS goal_name, o.key AS owner,"
		" i.source FROM indicator i JOIN organisation o ON o.id = i.owner_id"
		" LEFT JOIN goal g ON g.id = i.goal_id WHERE i.id = ?1 AND " SEE_INDICATOR("i"),
	[STMT_SHOW_ACTIVITY] =
		"SELECT a.id, a.key, a.title AS name, a.description, o.key AS owner, a.role, a.status,"
		" a.start_text AS start, a.start_prec, a.end_text AS end, a.end_prec, p.key AS plan,"
		" g.key AS goal, t.name AS theme, m.key AS measure, a.source FROM activity a"
		" JOIN organisation o ON o.id = a.owner_id LEFT JOIN plan_version pv ON pv.id = a.plan_version_id"
		" LEFT JOIN plan p ON p.id = pv.plan_id LEFT JOIN goal g ON g.id = a.goal_id"
		" LEFT JOIN theme t ON t.id = a.theme_id LEFT JOIN measure m ON m.id = a.measure_id"
		" WHERE a.id = ?1 AND " SEE_ACTIVITY("a"),
	[STMT_SHOW_MEASURE] =
		"SELECT m.id, m.key, m.title AS name, m.description, m.status, m.start_text AS start,"
		" p.key AS plan, d.key AS district, m.source FROM measure m"
		" JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" LEFT JOIN area d ON d.id = p.district_id WHERE m.id = ?1 AND " SEE_IN("m.plan_version_id"),
	[STMT_SHOW_PLAN] =
		"SELECT p.id, p.key, p.title AS name, p.kind, o.key AS owner, d.key AS district,"
		" p.year_from, p.year_to, pv.version, pv.status, dec.key AS decided_by, pv.decided_on,"
		" pv.area_scope, p.source FROM plan p JOIN organisation o ON o.id = p.owner_id"
		" LEFT JOIN area d ON d.id = p.district_id JOIN plan_version pv ON pv.plan_id = p.id"
		" AND pv.version = (SELECT version FROM plan_version WHERE plan_id = p.id"
		" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"
		" LEFT JOIN organisation dec ON dec.id = pv.decided_by WHERE p.id = ?1",
	[STMT_SHOW_REPORT] =
		"SELECT r.id, o.key AS org, pe.year, pe.kind AS period, r.status, r.forecast, r.comment,"
		" r.submitted_at, r.decided_at, r.decision_date, r.decision_paragraph FROM report r JOIN organisation o ON o.id = r.org_id"
		" JOIN period pe ON pe.id = r.period_id WHERE r.id = ?1",
	[STMT_SHOW_RECOMMENDATION] =
		"SELECT r.id, cr.key AS report, cr.title AS report_title, r.number, r.text AS name"
		" FROM recommendation r JOIN commission_report cr ON cr.id = r.report_id WHERE r.id = ?1",

	/* relations of show: (id of the shown thing) */
	[STMT_REL_ORG_ALIASES] = "SELECT alias, source FROM org_alias WHERE org_id = ?1 ORDER BY alias",
	[STMT_REL_ORG_PLANS] =
		"SELECT p.id, p.key, p.title AS name, p.kind, p.year_from, p.year_to FROM plan p"
		" WHERE p.owner_id = ?1 OR p.owner_id = (SELECT pair_id FROM organisation WHERE id = ?1)"
		" ORDER BY p.key",
	[STMT_REL_ORG_CHILDREN] =
		"SELECT id, key, name, kind FROM organisation WHERE parent_id = ?1 OR pair_id = ?1 ORDER BY name COLLATE sv",
	/* the district's places: the children of the district and of its children, found from the
	 * parent (the district by its rowid, its children by area_parent: one OR of two seeks), not
	 * by a scan of every area testing its parent */
	[STMT_REL_DISTRICT_NEIGHBOURHOODS] = SQL_REL_DISTRICT_NEIGHBOURHOODS("?1"),
	[STMT_REL_DISTRICT_PAREAS] = SQL_REL_DISTRICT_PAREAS("?1"),
	[STMT_REL_DISTRICT_THEMES] = SQL_REL_DISTRICT_THEMES("?1"),
	[STMT_REL_DISTRICT_MEASURES] = SQL_REL_DISTRICT_MEASURES("?1"),
	/* the partners of the district's LUP, from the plan (CROSS JOIN keeps the order): its
	 * version, then that version's partners by plan_partner's unique index, not a scan of every
	 * plan's partners */
	[STMT_REL_DISTRICT_PARTNERS] = SQL_REL_DISTRICT_PARTNERS("?1"),
	[STMT_REL_DISTRICT_ACTIVITIES] = SQL_REL_DISTRICT_ACTIVITIES("?1"),
	/* the same, by the district's key: (key) */
	[STMT_DISTRICT_KEY_SHOW] = SQL_SHOW_DISTRICT(KEY_ID),
	[STMT_DISTRICT_KEY_NEIGHBOURHOODS] = SQL_REL_DISTRICT_NEIGHBOURHOODS(KEY_ID),
	[STMT_DISTRICT_KEY_PAREAS] = SQL_REL_DISTRICT_PAREAS(KEY_ID),
	[STMT_DISTRICT_KEY_THEMES] = SQL_REL_DISTRICT_THEMES(KEY_ID),
	[STMT_DISTRICT_KEY_MEASURES] = SQL_REL_DISTRICT_MEASURES(KEY_ID),
	[STMT_DISTRICT_KEY_PARTNERS] = SQL_REL_DISTRICT_PARTNERS(KEY_ID),
	[STMT_DISTRICT_KEY_ACTIVITIES] = SQL_REL_DISTRICT_ACTIVITIES(KEY_ID),
	[STMT_REL_THEME_ALIASES] = "SELECT alias, source FROM theme_alias WHERE theme_id = ?1 ORDER BY alias",
	[STMT_REL_THEME_MEASURES] =
		"SELECT m.id, m.key, m.title AS name FROM measure m JOIN measure_theme mt ON mt.measure_id = m.id"
		" WHERE mt.theme_id = ?1 ORDER BY m.ord, m.id",
	[STMT_REL_GOAL_CHILDREN] =
		"SELECT g.id, g.key, g.number, g.title AS name, g.level FROM goal g WHERE g.parent_id = ?1"
		" AND " SEE_GOAL("g") " ORDER BY g.key",
	[STMT_REL_GOAL_RESULTS] = "SELECT ord, text FROM goal_result WHERE goal_id = ?1 ORDER BY ord",
	[STMT_REL_GOAL_INDICATORS] =
		"SELECT i.id, i.key, i.name, i.unit, i.periodicity,"
		" (SELECT text FROM target t WHERE t.indicator_id = i.id AND t.kind = 'own' AND t.sex = 'T' ORDER BY year DESC LIMIT 1) AS target,"
		" (SELECT text FROM target t WHERE t.indicator_id = i.id AND t.kind = 'kf' AND t.sex = 'T' ORDER BY year DESC LIMIT 1) AS kf_target"
		" FROM indicator i WHERE i.goal_id = ?1 AND " SEE_INDICATOR("i") " ORDER BY i.ord, i.key",
	[STMT_REL_GOAL_ACTIVITIES] =
		"SELECT a.id, a.key, a.title AS name, a.start_text AS start, a.end_text AS end, a.status FROM activity a"
		" WHERE a.goal_id = ?1 AND " SEE_ACTIVITY("a") " ORDER BY a.key",
	[STMT_REL_INDICATOR_TARGETS] =
		"SELECT year, kind, sex, mode, value, unit, text FROM target WHERE indicator_id = ?1"
		" ORDER BY year, kind, CASE sex WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END",
	/* Ordered by period only (REL_IN_RUNS, store/kinds.h: the loader orders each period's rows
	 * by area key and sex): the periods are the outer loop, in (year, kind) order by period's
	 * unique index, each period's outcomes read by outcome_cover, and nothing is sorted (the
	 * sorter of 1,000+ rows by period, area key and sex was half the statement's cost, and a
	 * sort of each period's rows still 40 %). The rule: the indicator's publication once per
	 * run (a constant subquery), the rest of SEE_OUTCOME only for figures not open in
	 * themselves; the same rows as SEE_OUTCOME alone. The periods are a subquery with their
	 * text (lup_period, store-sqlite.c) made once per period, not per row (0.37M of 675 rows):
	 * its LIMIT keeps it from being flattened into the join, CROSS JOIN keeps it the outer loop,
	 * so the rows come in its ORDER BY; an outer ORDER BY would sort them (SQLite does not carry
	 * a subquery's order out). t3520 fails when the periods come out of order. */
	[STMT_REL_INDICATOR_OUTCOMES] =
		"SELECT pe.t AS period, a.key AS area, x.sex, x.value, x.missing, x.source, x.example"
		" FROM (SELECT id, lup_period(year, kind) AS t FROM period ORDER BY year, kind LIMIT -1) pe"
		" CROSS JOIN outcome x CROSS JOIN area a"
		" WHERE x.indicator_id = ?1 AND x.period_id = pe.id AND a.id = x.area_id"
		" AND EXISTS (SELECT 1 FROM indicator pi_ WHERE pi_.id = ?1 AND " PUB_INDICATOR("pi_") ")"
		" AND (" FIGURE_OPEN("x") " OR " SEE_OUTCOME("x", "x.indicator_id") ")",
	[STMT_REL_ACTIVITY_DISTRICTS] =
		"SELECT a.id, a.key, a.name FROM activity_district ad JOIN area a ON a.id = ad.area_id"
		" WHERE ad.activity_id = ?1 ORDER BY a.name COLLATE sv",
	[STMT_REL_ACTIVITY_PARTNERS] =
		"SELECT o.id, o.key, o.name, ap.role FROM activity_partner ap JOIN organisation o ON o.id = ap.org_id"
		" WHERE ap.activity_id = ?1 ORDER BY o.name COLLATE sv",
	[STMT_REL_MEASURE_THEMES] =
		"SELECT t.id, t.name FROM theme t JOIN measure_theme mt ON mt.theme_id = t.id"
		" WHERE mt.measure_id = ?1 ORDER BY t.ord",
	[STMT_REL_MEASURE_PARTNERS] =
		"SELECT o.id, o.key, o.name, mp.role FROM measure_partner mp JOIN organisation o ON o.id = mp.org_id"
		" WHERE mp.measure_id = ?1 ORDER BY o.name COLLATE sv",
	[STMT_REL_MEASURE_AREAS] =
		"SELECT a.id, a.key, a.name FROM measure_area ma JOIN area a ON a.id = ma.area_id"
		" WHERE ma.measure_id = ?1 ORDER BY a.name COLLATE sv",
	[STMT_REL_PLAN_VERSIONS] =
		"SELECT pv.version, pv.status, o.key AS decided_by, pv.decided_on, pv.note FROM plan_version pv"
		" LEFT JOIN organisation o ON o.id = pv.decided_by WHERE pv.plan_id = ?1 AND pv.status <> 'draft'"
		" ORDER BY pv.version",
	[STMT_REL_PLAN_SECTIONS] =
		"SELECT s.ord, s.title, s.body FROM lup_section s JOIN plan_version pv ON pv.id = s.plan_version_id"
		" WHERE pv.plan_id = ?1 AND pv.version = (SELECT version FROM plan_version WHERE plan_id = ?1"
		" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"
		" ORDER BY s.ord",
	[STMT_REL_PLAN_THEMES] =
		"SELECT t.id, t.name, t.ord FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id"
		" WHERE pv.plan_id = ?1 AND pv.version = (SELECT version FROM plan_version WHERE plan_id = ?1"
		" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"
		" ORDER BY t.ord, t.id",
	[STMT_REL_PLAN_GOALS] =
		"SELECT g.id, g.key, g.number, g.title AS name, g.level FROM goal g"
		" JOIN plan_version pv ON pv.id = g.plan_version_id WHERE pv.plan_id = ?1 AND " PUB_GOAL("g")
		" ORDER BY g.key",
	[STMT_REL_REPORT_ASSESSMENTS] =
		"SELECT g.key AS goal, g.title AS goal_name, a.assessment, a.analysis, a.carried FROM assessment a"
		" JOIN goal g ON g.id = a.goal_id WHERE a.report_id = ?1 ORDER BY g.key",
	[STMT_REL_RECOMMENDATION_MEASURES] =
		"SELECT id, number, text FROM commission_measure WHERE recommendation_id = ?1 ORDER BY number",

	/* users: (name) -> id, name, org_id, role, pw_hash, disabled, org pair */
	[STMT_USER_BY_NAME] =
		"SELECT u.id, u.name, u.org_id, u.role, u.pw_hash, u.disabled, o.pair_id FROM app_user u"
		" LEFT JOIN organisation o ON o.id = u.org_id WHERE u.name = ?1",
	[STMT_USER_BY_ID] =
		"SELECT u.id, u.name, u.org_id, u.role, u.pw_hash, u.disabled, o.pair_id FROM app_user u"
		" LEFT JOIN organisation o ON o.id = u.org_id WHERE u.id = ?1",
	/* (name, org_id, role, pw_hash, created_at) */
	[STMT_USER_INSERT] =
		"INSERT INTO app_user (name, org_id, role, pw_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	/* (id, pw_hash) */
	[STMT_USER_SET_PASSWORD] = "UPDATE app_user SET pw_hash = ?2 WHERE id = ?1",
	[STMT_USER_LIST] =
		"SELECT u.id, u.name, o.key AS org, u.role, u.disabled, u.created_at FROM app_user u"
		" LEFT JOIN organisation o ON o.id = u.org_id ORDER BY u.name",
	/* (id_hash, user_id, csrf, created_at, expires_at) */
	[STMT_SESSION_INSERT] =
		"INSERT INTO session (id_hash, user_id, csrf, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
	/* (id_hash, now) -> user id, name, org_id, role, disabled, org pair, csrf */
	[STMT_SESSION_GET] =
		"SELECT u.id, u.name, u.org_id, u.role, u.disabled, o.pair_id, s.csrf FROM session s"
		" JOIN app_user u ON u.id = s.user_id LEFT JOIN organisation o ON o.id = u.org_id"
		" WHERE s.id_hash = ?1 AND s.expires_at > ?2",
	[STMT_SESSION_DELETE] = "DELETE FROM session WHERE id_hash = ?1",
	[STMT_SESSION_PURGE] = "DELETE FROM session WHERE expires_at <= ?1",
	/* (user_id, label, token_hash, created_at, expires_at) */
	[STMT_TOKEN_INSERT] =
		"INSERT INTO api_token (user_id, label, token_hash, created_at, expires_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5)",
	/* (token id, now) -> user id, name, org_id, role, disabled, org pair, token_hash */
	[STMT_TOKEN_GET] =
		"SELECT u.id, u.name, u.org_id, u.role, u.disabled, o.pair_id, t.token_hash FROM api_token t"
		" JOIN app_user u ON u.id = t.user_id LEFT JOIN organisation o ON o.id = u.org_id"
		" WHERE t.id = ?1 AND t.revoked = 0 AND (t.expires_at IS NULL OR t.expires_at > ?2)",
	/* (id, disabled 0/1) */
	[STMT_USER_SET_DISABLED] = "UPDATE app_user SET disabled = ?2 WHERE id = ?1 AND disabled <> ?2",
	/* (user_id, id_hash to keep or NULL): ends a user's sessions but the one kept */
	[STMT_SESSION_DELETE_USER] = "DELETE FROM session WHERE user_id = ?1 AND (?2 IS NULL OR id_hash <> ?2)",
	/* (user_id or NULL) -> the tokens, never their hashes */
	[STMT_TOKEN_LIST] =
		"SELECT t.id, u.name AS user, t.label, t.created_at, t.expires_at, t.revoked FROM api_token t"
		" JOIN app_user u ON u.id = t.user_id WHERE (?1 IS NULL OR t.user_id = ?1) ORDER BY t.id",
	/* (id) -> id, user name, label, revoked */
	[STMT_TOKEN_SHOW] =
		"SELECT t.id, u.name AS user, t.label, t.revoked FROM api_token t"
		" JOIN app_user u ON u.id = t.user_id WHERE t.id = ?1",
	/* (id) */
	[STMT_TOKEN_REVOKE] = "UPDATE api_token SET revoked = 1 WHERE id = ?1 AND revoked = 0",
	/* the login throttle (login_failure): (key, now) -> until_at while the key is blocked */
	[STMT_THROTTLE_WAIT] = "SELECT until_at FROM login_failure WHERE key = ?1 AND until_at > ?2",
	/* (key, now, window): one more failure; a window that has ended (and no block) starts anew */
	[STMT_THROTTLE_FAIL] =
		"INSERT INTO login_failure (key, fails, first_at, until_at) VALUES (?1, 1, ?2, 0)"
		" ON CONFLICT (key) DO UPDATE SET"
		" fails = CASE WHEN first_at <= ?2 - ?3 AND until_at <= ?2 THEN 1 ELSE fails + 1 END,"
		" first_at = CASE WHEN first_at <= ?2 - ?3 AND until_at <= ?2 THEN ?2 ELSE first_at END",
	/* (key, now, free failures, longest wait): blocks for 1, 2, 4 ... s from the free-th failure */
	[STMT_THROTTLE_BLOCK] =
		"UPDATE login_failure SET until_at = ?2 + min(?4, 1 << min(fails - ?3, 20))"
		" WHERE key = ?1 AND fails >= ?3",
	/* (key) */
	[STMT_THROTTLE_CLEAR] = "DELETE FROM login_failure WHERE key = ?1",
	/* (now, window) */
	[STMT_THROTTLE_PRUNE] = "DELETE FROM login_failure WHERE first_at <= ?1 - ?2 AND until_at <= ?1",
	/* (entity, entity_id) */
	[STMT_AUDIT_LIST] =
		"SELECT id, at, actor, action, entity, entity_id, before, after FROM audit"
		" WHERE entity = ?1 AND (?2 IS NULL OR entity_id = ?2) AND " AUDIT_SEE("audit") " ORDER BY id",
	/* (limit) the newest entries */
	[STMT_AUDIT_LIST_ALL] =
		"SELECT id, at, actor, action, entity, entity_id, before, after FROM audit"
		" WHERE " AUDIT_SEE("audit") " ORDER BY id DESC LIMIT ?1",

	/* API writes. Patches take (id, then per field: present flag, value) */
	[STMT_GOAL_PATCH] =
		"UPDATE goal SET title = CASE WHEN ?2 THEN ?3 ELSE title END,"
		" description = CASE WHEN ?4 THEN ?5 ELSE description END,"
		" number = CASE WHEN ?6 THEN ?7 ELSE number END,"
		" horizon_year = CASE WHEN ?8 THEN ?9 ELSE horizon_year END,"
		" benchmark = CASE WHEN ?10 THEN ?11 ELSE benchmark END WHERE id = ?1",
	[STMT_INDICATOR_OWNER] = "SELECT owner_id FROM indicator WHERE id = ?1",
	/* (indicator_id, year, kind) */
	[STMT_TARGET_DELETE] = "DELETE FROM target WHERE indicator_id = ?1 AND year = ?2 AND kind = ?3 AND sex = 'T'",
	[STMT_ACTIVITY_OWNER] = "SELECT owner_id FROM activity WHERE id = ?1",
	/* (id, has title, title, has description, description, has start, start_text, start_first,
	 *  start_last, start_prec, has end, end_text, end_first, end_last, end_prec, has status,
	 *  status, has role, role) */
	[STMT_ACTIVITY_PATCH] =
		"UPDATE activity SET title = CASE WHEN ?2 THEN ?3 ELSE title END,"
		" description = CASE WHEN ?4 THEN ?5 ELSE description END,"
		" start_text = CASE WHEN ?6 THEN ?7 ELSE start_text END,"
		" start_first = CASE WHEN ?6 THEN ?8 ELSE start_first END,"
		" start_last = CASE WHEN ?6 THEN ?9 ELSE start_last END,"
		" start_prec = CASE WHEN ?6 THEN ?10 ELSE start_prec END,"
		" end_text = CASE WHEN ?11 THEN ?12 ELSE end_text END,"
		" end_first = CASE WHEN ?11 THEN ?13 ELSE end_first END,"
		" end_last = CASE WHEN ?11 THEN ?14 ELSE end_last END,"
		" end_prec = CASE WHEN ?11 THEN ?15 ELSE end_prec END,"
		" status = CASE WHEN ?16 THEN ?17 ELSE status END,"
		" role = CASE WHEN ?18 THEN ?19 ELSE role END WHERE id = ?1",
	[STMT_ACTIVITY_DELETE] = "DELETE FROM activity WHERE id = ?1",
	/* (activity id) -> the number of follow-up reports that record its status */
	[STMT_ACTIVITY_REPORTED] = "SELECT count(*) FROM activity_update WHERE activity_id = ?1",
	/* (org_id, period_id) */
	[STMT_REPORT_INSERT] = "INSERT INTO report (org_id, period_id, status) VALUES (?1, ?2, 'draft')",
	/* (id) -> org_id, status, period_id, org pair, period year */
	[STMT_REPORT_STATE] =
		"SELECT r.org_id, r.status, r.period_id, o.pair_id, pe.year FROM report r"
		" JOIN organisation o ON o.id = r.org_id JOIN period pe ON pe.id = r.period_id WHERE r.id = ?1",
	/* (id): a draft report (nothing when it is no longer a draft) */
	[STMT_REPORT_DELETE] = "DELETE FROM report WHERE id = ?1 AND status = 'draft'",
	/* (org_id, period_id) -> approved reports of the organisation or its pair for the period */
	[STMT_REPORT_FROZEN] =
		"SELECT count(*) FROM report r JOIN organisation o ON o.id = ?1 WHERE r.period_id = ?2"
		" AND r.status = 'approved' AND (r.org_id = ?1 OR r.org_id = o.pair_id)",
	/* (indicator_id, year, org_id) -> outcomes of the year in the organisation's district
	 * (of its committee or administration) and in the municipality */
	[STMT_INDICATOR_OUTCOMES_YEAR] =
		"SELECT pe.kind AS period, a.key AS area, x.sex, x.value, x.missing, x.example"
		" FROM outcome x JOIN period pe ON pe.id = x.period_id JOIN area a ON a.id = x.area_id"
		" WHERE x.indicator_id = ?1 AND pe.year = ?2 AND (a.level = 'municipality'"
		" OR a.committee_id = ?3 OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = ?3))"
		" AND " SEE_OUTCOME("x", "x.indicator_id") " ORDER BY pe.kind, a.key, x.sex",
	/* (indicator_id, year) -> full-year outcomes per district and municipality (area id, key,
	 * name, level, sex, value, missing, example), unordered: the comparison sorts them in C
	 * (web/api-indicators.c; the ORDER BY through COLLATE sv was 0.17M of 0.28M instructions);
	 * the indicator joined once (the publication rule on it and its figures), where SEE_OUTCOME
	 * looked it up for each outcome (2,924 -> 1,463 VM steps on the demo) */
	[STMT_COMPARISON] =
		"SELECT a.id, a.key AS area, a.name, a.level, x.sex, x.value, x.missing, x.example"
		" FROM indicator i CROSS JOIN period pe CROSS JOIN outcome x CROSS JOIN area a"
		" WHERE i.id = ?1 AND pe.year = ?2 AND pe.kind = 'FY' AND x.indicator_id = i.id AND x.period_id = pe.id"
		" AND a.id = x.area_id AND a.level IN ('municipality', 'district') AND " PUB_INDICATOR("i")
		" AND " SEE_FIGURE("x", "i"),
	/* GET /api/v1/indicators/{id} (web/api-indicator-get.c): every period (id, year, kind) and
	 * every area (id, key) once, by key (the loader checks the order in byte order), and the
	 * indicator's outcomes the viewer may see (period id, area id, sex, value, source, example;
	 * missing is whether the value is NULL: outcome's CHECK), unordered: one range of the
	 * indicator's index, each placed by the loader by its period and area; the same figures as
	 * STMT_REL_INDICATOR_OUTCOMES without a look-up of the area and the period per outcome.
	 * The indicator is joined once, before its outcomes (its publication not checked per row). */
	[STMT_IND_API_PERIODS] = "SELECT id, year, kind FROM period",
	[STMT_IND_API_AREAS] = "SELECT id, key FROM area ORDER BY key",
	[STMT_IND_API_OUTCOMES] =
		"SELECT x.period_id, x.area_id, x.sex, x.value, x.source, x.example"
		" FROM indicator i CROSS JOIN outcome x WHERE i.id = ?1 AND " PUB_INDICATOR("i")
		" AND x.indicator_id = i.id AND " SEE_FIGURE("x", "i"),

	/* (indicator_id, year) -> the indicator's full-year totals (sex T) with a value in each
	 * district and the municipality, for the city page: (area_id, city: 1 for the municipality,
	 * value, example), in no set order: COMPARISON's rows the page uses, without its sort by
	 * the areas' names through the Swedish collation, the sexes' rows and their keys */
	[STMT_WEB_CITY_VALUES] =
		"SELECT x.area_id, a.level = 'municipality' AS city, x.value, x.example"
		" FROM indicator i CROSS JOIN period pe CROSS JOIN outcome x CROSS JOIN area a"
		" WHERE i.id = ?1 AND pe.year = ?2 AND pe.kind = 'FY' AND x.indicator_id = i.id AND x.period_id = pe.id"
		" AND x.sex = 'T' AND x.value IS NOT NULL"
		" AND a.id = x.area_id AND a.level IN ('municipality', 'district') AND " PUB_INDICATOR("i")
		" AND " SEE_FIGURE("x", "i"),

	/* the data generation: every write of data records an audit entry in its transaction */
	[STMT_DATA_GENERATION] = "SELECT coalesce(max(id), 0) FROM audit",

	/* (after_id) -> audit_id, org, pub: what each newer audit entry changed, for the response
	 * cache's invalidation (web/cache.h): one row (id, -1, pub) per entry the cache can map, with
	 * one row (id, org, pub) per organisation whose organisation page and goal chain may show the
	 * change (with the organisations paired with it), and one row (id, 0, 1) per entry it cannot
	 * map (everything else, deletes, and updates that move the thing to another goal, owner or
	 * organisation): that one drops every cached view. Mapped: an indicator's insert or update
	 * (its targets and outcomes) reaches the owners of its goal and every goal below it and its
	 * own owner; a report's (its assessments, statuses; its approval publishes the figures of
	 * its organisation's indicators: sql-public.h SEE_FIGURE) the owners of every goal below
	 * the goals of its organisation (and pair), of those it assesses and of the goals of the
	 * indicators its organisation (and pair) owns. pub is 0 when the public
	 * sees the change neither before nor after (the publication rule, sql-public.h): an update
	 * of a report that is not approved that leaves its status, or an update of an indicator's
	 * outcomes alone (no other field) whose rows before and after are all figures SEE_FIGURE
	 * hides from the public (not example data, not Kolada's, of a period with no approved report
	 * of the owner or its pair); such a write keeps the anonymous views. */
	[STMT_CACHE_TOUCHED] =
		"WITH RECURSIVE e(id, entity, action, eid, b, a, changed) AS (SELECT id, entity, action, entity_id, before, after,"
		"  coalesce(before, '') || coalesce(after, '') FROM audit WHERE id > ?1),"
		" hid(id) AS (SELECT e.id FROM e JOIN report r ON r.id = e.eid WHERE e.entity = 'report' AND e.action = 'update'"
		"  AND r.status <> 'approved' AND instr(e.changed, '\"status') = 0"
		"  UNION SELECT e.id FROM e JOIN indicator i ON i.id = e.eid WHERE e.entity = 'indicator' AND e.action = 'update'"
		"  AND substr(e.b, 1, 1) = '{' AND json_valid(e.b) AND substr(e.a, 1, 1) = '{' AND json_valid(e.a) AND coalesce(i.source_kind, '') <> 'kolada'"
		"  AND NOT EXISTS (SELECT 1 FROM (SELECT key AS k FROM json_each(e.b)) kb WHERE k NOT IN ('id', 'key', 'outcomes'))"
		"  AND NOT EXISTS (SELECT 1 FROM (SELECT key AS k FROM json_each(e.a)) ka WHERE k NOT IN ('id', 'key', 'outcomes'))"
		"  AND NOT EXISTS (SELECT 1 FROM (SELECT value AS v FROM json_each(e.b, '$.outcomes') UNION ALL SELECT value AS v FROM json_each(e.a, '$.outcomes')) j"
		"   WHERE coalesce(json_type(v, '$.example'), '') <> 'false' OR coalesce(json_extract(v, '$.source'), '') = 'kolada'"
		"   OR NOT EXISTS (SELECT 1 FROM period p WHERE p.year || '-' || p.kind = json_extract(v, '$.period'))"
		"   OR EXISTS (SELECT 1 FROM period p JOIN report r_ ON r_.period_id = p.id JOIN organisation ro_ ON ro_.id = r_.org_id"
		"    WHERE p.year || '-' || p.kind = json_extract(v, '$.period') AND r_.status = 'approved' AND (r_.org_id = i.owner_id"
		"    OR ro_.pair_id = i.owner_id OR r_.org_id = (SELECT pair_id FROM organisation WHERE id = i.owner_id))))),"
		" ok(id, entity, eid, pub) AS (SELECT id, entity, eid, CASE WHEN id IN (SELECT id FROM hid) THEN 0 ELSE 1 END"
		"  FROM e WHERE action IN ('insert', 'update') AND ("
		"  (entity = 'indicator' AND eid IN (SELECT id FROM indicator) AND (action = 'insert'"
		"   OR (instr(changed, '\"goal') = 0 AND instr(changed, '\"owner') = 0)))"
		"  OR (entity = 'report' AND eid IN (SELECT id FROM report) AND (action = 'insert'"
		"   OR instr(changed, '\"org') = 0)))),"
		SQL_CACHE_TOUCHED_TAIL,

	/* more collections (their lists: sql-sqlite-lists.c) */
	[STMT_SHOW_AREA] =
		"SELECT a.id, a.key, a.name, a.level, p.key AS parent, a.code, o.key AS committee, a.prioritised,"
		" a.source FROM area a LEFT JOIN area p ON p.id = a.parent_id"
		" LEFT JOIN organisation o ON o.id = a.committee_id WHERE a.id = ?1",
	[STMT_REL_AREA_ALIASES] = "SELECT alias, source FROM area_alias WHERE area_id = ?1 ORDER BY alias",
	[STMT_REL_AREA_CHILDREN] =
		"SELECT id, key, name, level FROM area WHERE parent_id = ?1 ORDER BY name COLLATE sv",
	[STMT_SHOW_PERIOD] =
		"SELECT id, year || '-' || kind AS name, year, kind, first_day, last_day FROM period WHERE id = ?1",
	[STMT_SHOW_OUTCOME] =
		"SELECT x.id, i.key AS indicator, i.name AS indicator_name, pe.year || '-' || pe.kind AS period,"
		" a.key AS area, x.sex, x.value, x.missing, x.source, x.derived, x.example FROM outcome x"
		" JOIN indicator i ON i.id = x.indicator_id JOIN period pe ON pe.id = x.period_id"
		" JOIN area a ON a.id = x.area_id WHERE x.id = ?1 AND " PUB_INDICATOR("i") " AND " SEE_FIGURE("x", "i"),
	[STMT_SHOW_ALLOCATION] =
		"SELECT r.id, o.key AS org, a.key AS area, r.year, r.kind, r.amount, r.unit, r.note, r.example,"
		" r.created_at"
		" FROM resource_allocation r JOIN organisation o ON o.id = r.org_id JOIN area a ON a.id = r.area_id"
		" WHERE r.id = ?1",
	[STMT_SHOW_RESPONSE] =
		"SELECT r.id, o.key AS org, cr.key AS report, m.number AS measure, m.text AS measure_text,"
		" r.stance, r.stance_phrase, r.no_response FROM response r JOIN organisation o ON o.id = r.org_id"
		" JOIN commission_measure m ON m.id = r.measure_id JOIN commission_report cr ON cr.id = m.report_id"
		" WHERE r.id = ?1",
	[STMT_REL_RESPONSE_PARTS] = "SELECT ord, label, text FROM response_part WHERE response_id = ?1 ORDER BY ord",
	/* city views */
	/* plans first: the latest version found once per plan, not once per theme (3,576 -> 2,787
	 * VM steps on the demo) */
	[STMT_VIEW_DISTRICTS_THEMES] =
		"SELECT d.key AS district, d.name AS district_name, d.prioritised, t.ord, t.name AS theme,"
		" (SELECT count(*) FROM measure_theme mt WHERE mt.theme_id = t.id) AS measures"
		" FROM plan p CROSS JOIN plan_version pv CROSS JOIN theme t JOIN area d ON d.id = p.district_id"
		" WHERE pv.plan_id = p.id AND t.plan_version_id = pv.id AND " LUP_LATEST("p", "pv") " AND t.extra = 0"
		" ORDER BY d.name COLLATE sv, t.ord",
	/* () -> the themes of each district's latest LUP version, for the city page: (district_id,
	 * ord, theme, measures, id), in no set order (view/city.c sorts them by the districts' order
	 * and ord): VIEW_DISTRICTS_THEMES' rows without its sort by the district's name through the
	 * Swedish collation (2,787 VM steps and a sorter on the demo). Here for LUP_LATEST. The
	 * measures counted from derived_theme_measures, the themes read from the covering
	 * theme_city (migration 0046; a count per theme over measure_theme was about 180K
	 * instructions a page on the demo, the themes' row seeks 51K). */
	[STMT_WEB_CITY_THEMES] =
		"SELECT p.district_id, t.ord, t.name AS theme, coalesce(dm.measures, 0) AS measures, t.id"
		" FROM plan p CROSS JOIN plan_version pv CROSS JOIN theme t"
		" LEFT JOIN derived_theme_measures dm ON dm.theme_id = t.id"
		" WHERE p.district_id IS NOT NULL AND pv.plan_id = p.id AND t.plan_version_id = pv.id AND "
		LUP_LATEST("p", "pv") " AND t.extra = 0",
	[STMT_VIEW_COMMISSION] =
		"SELECT cr.key AS report, m.number AS measure, o.key AS org, r.stance, r.no_response, r.id AS response"
		" FROM response r JOIN commission_measure m ON m.id = r.measure_id"
		" JOIN commission_report cr ON cr.id = m.report_id JOIN organisation o ON o.id = r.org_id"
		" ORDER BY cr.key, m.number, o.name COLLATE sv",

	/* (id, has name, name, has unit, unit, has direction, direction, has periodicity, periodicity) */
	[STMT_INDICATOR_PATCH] =
		"UPDATE indicator SET name = CASE WHEN ?2 THEN ?3 ELSE name END,"
		" unit = CASE WHEN ?4 THEN ?5 ELSE unit END,"
		" direction = CASE WHEN ?6 THEN ?7 ELSE direction END,"
		" periodicity = CASE WHEN ?8 THEN ?9 ELSE periodicity END WHERE id = ?1",
	[STMT_GOAL_LEVEL] = "SELECT level FROM goal WHERE id = ?1",

	/* domain invariants: each row is (what, detail) */
	[STMT_CHECK_DISTRICT_COMMITTEE] =
		"SELECT 'district ' || a.key, 'its committee ' || coalesce(o.key, '(none)')"
		" || ' is not a district committee' FROM area a LEFT JOIN organisation o ON o.id = a.committee_id"
		" WHERE a.level = 'district' AND (o.id IS NULL OR o.kind <> 'district_committee')",
	[STMT_CHECK_DISTRICT_PARENT] =
		"SELECT 'district ' || a.key, 'its parent is not a municipality' FROM area a"
		" LEFT JOIN area p ON p.id = a.parent_id WHERE a.level = 'district'"
		" AND (p.id IS NULL OR p.level <> 'municipality')",
	[STMT_CHECK_PAIR_KIND] =
		"SELECT 'organisation ' || o.key, 'paired with ' || p.key || ' (' || p.kind || '), which does not"
		" match its kind ' || o.kind FROM organisation o JOIN organisation p ON p.id = o.pair_id"
		" WHERE NOT ((o.kind = 'district_admin' AND p.kind = 'district_committee')"
		" OR (o.kind = 'district_committee' AND p.kind = 'district_admin')"
		" OR (o.kind = 'specialist_admin' AND p.kind = 'specialist_committee')"
		" OR (o.kind = 'specialist_committee' AND p.kind = 'specialist_admin')"
		" OR (o.kind = 'city_office' AND p.kind = 'council') OR (o.kind = 'council' AND p.kind = 'city_office'))",
	[STMT_CHECK_GOAL_CHAIN] =
		"SELECT 'goal ' || g.key, 'a ' || g.level || ' cannot sit under a ' || coalesce(p.level, 'missing goal')"
		" FROM goal g LEFT JOIN goal p ON p.id = g.parent_id WHERE g.parent_id IS NOT NULL AND ("
		" g.level = 'inriktningsmal'"
		" OR (g.level = 'verksamhetsomradesmal' AND p.level <> 'inriktningsmal')"
		" OR (g.level = 'namndmal' AND p.level NOT IN ('inriktningsmal', 'verksamhetsomradesmal')))",
	[STMT_CHECK_THEME_PLAN] =
		"SELECT 'measure ' || m.key, 'its theme ' || t.name || ' belongs to another plan'"
		" FROM measure_theme mt JOIN measure m ON m.id = mt.measure_id JOIN theme t ON t.id = mt.theme_id"
		" WHERE t.plan_version_id <> m.plan_version_id",
	[STMT_CHECK_LUP_DISTRICT] =
		"SELECT 'plan ' || p.key, 'an LUP must belong to a district and be owned by its committee'"
		" FROM plan p LEFT JOIN area a ON a.id = p.district_id WHERE p.kind = 'lup'"
		" AND (a.id IS NULL OR a.level <> 'district' OR a.committee_id IS NOT p.owner_id)",
	[STMT_CHECK_NEIGHBOURHOOD_PARENT] =
		"SELECT a.level || ' ' || a.key, 'its parent ' || coalesce(p.key, '(none)') || ' is at the wrong level'"
		" FROM area a LEFT JOIN area p ON p.id = a.parent_id WHERE"
		" (a.level = 'neighbourhood' AND (p.id IS NULL OR p.level <> 'district'))"
		" OR (a.level = 'place' AND (p.id IS NULL OR p.level = 'place'))",
	[STMT_CHECK_PAREA_IN_DISTRICT] =
		"SELECT 'plan ' || p.key, 'prioritised area ' || a.key || ' lies outside the district'"
		" FROM prioritised_area pa JOIN plan_version pv ON pv.id = pa.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id JOIN area a ON a.id = pa.area_id"
		" LEFT JOIN area a1 ON a1.id = a.parent_id LEFT JOIN area a2 ON a2.id = a1.parent_id"
		" WHERE p.district_id IS NOT NULL AND p.district_id NOT IN (a.id, coalesce(a1.id, -1), coalesce(a2.id, -1))",
	/* example outcomes are left out: the generator splits shares and counts of people by sex
	 * whatever the flag says (src/load/example.c), labelled as example data.
	 * The rule is model_sex_allowed (model/indicator.h), the one every write path asks. */
	[STMT_CHECK_OUTCOME_SEX] =
		"SELECT 'indicator ' || i.key, 'has outcomes or targets by sex but is not disaggregated by sex'"
		" FROM indicator i WHERE EXISTS (SELECT 1 FROM outcome x"
		" WHERE x.indicator_id = i.id AND x.example = 0 AND NOT lup_sex_allowed(i.by_sex, x.sex))"
		" OR EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND NOT lup_sex_allowed(i.by_sex, t.sex))",
	/* the column draft against the full publication rule (store/sql-public.h) */
	[STMT_CHECK_DRAFT] = CHECK_DRAFT_SQL,
};
