/* sql-pg-plan-theme.c: PostgreSQL text of the themes' and prioritised areas' statements (see
 * stmt-plan-theme.h). */
#include "store/sql-pg.h"

/* The neighbourhoods and places of district $1: the areas whose parent chain reaches it. */
#define DISTRICT_AREAS \
	"WITH RECURSIVE sub(id) AS (SELECT id FROM area WHERE parent_id = $1" \
	" UNION SELECT a.id FROM area a JOIN sub ON a.parent_id = sub.id) "

const char *const pg_sql_plan_theme[STMT__MAX] = {
	/* (plan key, version) -> the version with its plan, owner (and the owner's pair), district */
	[STMT_PT_VERSION] =
		"SELECT pv.id, pv.version, pv.status, pv.area_scope, p.id AS plan_id, p.key AS plan, p.title,"
		" p.kind, p.owner_id, o.pair_id AS owner_pair, o.key AS owner, o.name AS owner_name,"
		" p.district_id, d.key AS district, d.name AS district_name FROM plan p"
		" JOIN plan_version pv ON pv.plan_id = p.id JOIN organisation o ON o.id = p.owner_id"
		" LEFT JOIN area d ON d.id = p.district_id WHERE p.key = $1 AND pv.version = $2",
	/* (plan_version_id) -> its status and its plan's owner */
	[STMT_PT_DRAFT] =
		"SELECT pv.status, p.owner_id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id"
		" WHERE pv.id = $1",
	/* (plan_version_id) -> its plan's key, the version's number and the plan's district */
	[STMT_PT_PLAN_OF] =
		"SELECT p.key, pv.version, p.district_id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id"
		" WHERE pv.id = $1",
	/* (plan_version_id) -> its themes in order, with how many things refer to each */
	[STMT_PT_THEMES] =
		"SELECT t.id, t.ord, t.name, t.description, t.extra, t.ident,"
		" (SELECT count(*) FROM goal WHERE theme_id = t.id) AS goals,"
		" (SELECT count(*) FROM activity WHERE theme_id = t.id) AS activities,"
		" (SELECT count(*) FROM measure_theme WHERE theme_id = t.id) AS measures"
		" FROM theme t WHERE t.plan_version_id = $1 ORDER BY t.ord, t.id",
	/* (theme_id, plan_version_id) -> the theme, when it belongs to the version */
	[STMT_PT_THEME] =
		"SELECT t.id, t.ord, t.name, t.description, t.extra, t.ident,"
		" (SELECT count(*) FROM goal WHERE theme_id = t.id) AS goals,"
		" (SELECT count(*) FROM activity WHERE theme_id = t.id) AS activities,"
		" (SELECT count(*) FROM measure_theme WHERE theme_id = t.id) AS measures"
		" FROM theme t WHERE t.id = $1 AND t.plan_version_id = $2",
	/* (plan_version_id) -> theme_id, alias, valid_to of the version's themes */
	[STMT_PT_ALIASES] =
		"SELECT a.theme_id, a.alias, a.valid_to FROM theme_alias a JOIN theme t ON t.id = a.theme_id"
		" WHERE t.plan_version_id = $1 ORDER BY a.theme_id, a.valid_to IS NULL, a.valid_to, a.alias COLLATE sv",
	/* (plan_version_id) -> theme_id, target_group in the order given */
	[STMT_PT_GROUPS] =
		"SELECT g.theme_id, g.target_group FROM theme_target_group g JOIN theme t ON t.id = g.theme_id"
		" WHERE t.plan_version_id = $1 ORDER BY g.theme_id, g.rowid",
	/* (plan_version_id, name, except theme_id) -> a theme of the version with that name, whatever
	 * the case (Swedish collation without case) */
	[STMT_PT_NAME_TAKEN] =
		"SELECT id FROM theme WHERE plan_version_id = $1 AND name = $2::text COLLATE sv_ci"
		" AND id IS DISTINCT FROM $3::bigint LIMIT 1",
	/* (plan_version_id, name, description, source): last in the order */
	[STMT_PT_THEME_INSERT] =
		"INSERT INTO theme (plan_version_id, ord, name, description, extra, source) VALUES ($1,"
		" (SELECT coalesce(max(ord), 0) + 1 FROM theme WHERE plan_version_id = $1), $2, $3, 0, $4)"
		" RETURNING id",
	/* (id, name, description) */
	[STMT_PT_THEME_SET] =
		"UPDATE theme SET name = $2, description = $3 WHERE id = $1",
	/* (theme_id, alias, valid_to, source): a former name */
	[STMT_PT_ALIAS_DATED] =
		"INSERT INTO theme_alias (theme_id, alias, source, valid_to) VALUES ($1, $2, $4, $3)"
		" ON CONFLICT (theme_id, alias) DO UPDATE SET valid_to = excluded.valid_to, source = excluded.source",
	/* (theme_id, alias): a name that is the theme's name again is no alias */
	[STMT_PT_ALIAS_DROP] =
		"DELETE FROM theme_alias WHERE theme_id = $1 AND alias = $2",
	/* (theme_id) */
	[STMT_PT_GROUPS_CLEAR] =
		"DELETE FROM theme_target_group WHERE theme_id = $1",
	/* (theme_id, target_group) */
	[STMT_PT_GROUP_ADD] =
		"INSERT INTO theme_target_group (theme_id, target_group) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	/* (theme_id, ord) */
	[STMT_PT_ORD_SET] =
		"UPDATE theme SET ord = $2 WHERE id = $1",
	/* (theme_id) -> goals, activities, measures referring to it */
	[STMT_PT_REFS] =
		"SELECT (SELECT count(*) FROM goal WHERE theme_id = $1) AS goals,"
		" (SELECT count(*) FROM activity WHERE theme_id = $1) AS activities,"
		" (SELECT count(*) FROM measure_theme WHERE theme_id = $1) AS measures",
	/* (from theme_id, to theme_id) */
	[STMT_PT_MOVE_GOALS] =
		"UPDATE goal SET theme_id = $2 WHERE theme_id = $1",
	[STMT_PT_MOVE_ACTIVITIES] =
		"UPDATE activity SET theme_id = $2 WHERE theme_id = $1",
	/* a measure under both themes keeps one link; the old links go with the theme */
	[STMT_PT_MOVE_MEASURES] =
		"INSERT INTO measure_theme (measure_id, theme_id) SELECT measure_id, $2::bigint FROM measure_theme"
		" WHERE theme_id = $1 ON CONFLICT DO NOTHING",
	/* (theme_id): its aliases, target groups and measure links go with it (ON DELETE CASCADE) */
	[STMT_PT_THEME_DELETE] =
		"DELETE FROM theme WHERE id = $1",
	/* (district_id, plan_version_id) -> the district's neighbourhoods and places, each with
	 * whether the version prioritises it and its note */
	[STMT_PT_AREAS] =
		DISTRICT_AREAS
		"SELECT a.id, a.key, a.name, a.level, (pa.area_id IS NOT NULL)::int AS chosen, pa.note,"
		" par.name AS parent_name FROM area a JOIN sub ON sub.id = a.id"
		" JOIN area par ON par.id = a.parent_id"
		" LEFT JOIN prioritised_area pa ON pa.area_id = a.id AND pa.plan_version_id = $2"
		" WHERE a.level IN ('neighbourhood', 'place')"
		" ORDER BY a.level = 'place', a.name COLLATE sv",
	/* (district_id, area key) -> the area when it is a neighbourhood or place of the district */
	[STMT_PT_AREA_IN_DISTRICT] =
		DISTRICT_AREAS
		"SELECT a.id FROM area a JOIN sub ON sub.id = a.id WHERE a.key = $2"
		" AND a.level IN ('neighbourhood', 'place')",
	/* (plan_version_id) -> its prioritised areas */
	[STMT_PT_PAREAS] =
		"SELECT a.key AS area, a.name, a.level, pa.note FROM prioritised_area pa"
		" JOIN area a ON a.id = pa.area_id WHERE pa.plan_version_id = $1 ORDER BY a.name COLLATE sv",
	/* (plan_version_id) */
	/* (plan_version_id, the areas kept: a JSON array of area keys) */
	[STMT_PT_PAREAS_CLEAR] =
		"DELETE FROM prioritised_area WHERE plan_version_id = $1 AND area_id NOT IN "
		"(SELECT a.id FROM area a JOIN json_array_elements_text($2::json) AS j(value) ON j.value = a.key)",
	/* (plan_version_id, area_id, note, source): an area already there keeps its source */
	[STMT_PT_PAREA_ADD] =
		"INSERT INTO prioritised_area (plan_version_id, area_id, note, source) VALUES ($1, $2, $3, $4) "
		"ON CONFLICT (plan_version_id, area_id) DO UPDATE SET note = excluded.note",
	/* (plan_version_id, scope) */
	[STMT_PT_SCOPE_SET] =
		"UPDATE plan_version SET area_scope = $2 WHERE id = $1",
};
