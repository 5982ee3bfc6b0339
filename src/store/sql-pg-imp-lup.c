/* sql-pg-imp-lup.c: PostgreSQL text of the 'lup' importer's statements (see stmt-imp-lup.h).
 * Lookups only: the importer writes through the core's upserts (PLAN_UPSERT, THEME_UPSERT,
 * MEASURE_UPSERT, PARTNER_UPSERT, ACTIVITY_UPSERT, ...). */
#include "store/sql-pg.h"

/* The number a key prefix $1 <N> carries, as SQLite's CAST(substr(key, length($1) + 1) AS
 * INTEGER) reads it: its leading digits, NULL (SQLite: 0) when there are none. */
#define KEY_NUMBER "substring(substr(key, length($1::text) + 1) FROM '^[0-9]{1,18}')::bigint"

const char *const pg_sql_imp_lup[STMT__MAX] = {
	/* (area id) -> key, name, committee id (0 when none) */
	[STMT_IMP_LUP_AREA_INFO] = "SELECT key, name, coalesce(committee_id, 0) FROM area WHERE id = $1",
	/* (organisation id) -> key, name, kind */
	[STMT_IMP_LUP_ORG_INFO] = "SELECT key, name, kind FROM organisation WHERE id = $1",
	/* () -> (district id, name or alias) */
	[STMT_IMP_LUP_DISTRICT_NAMES] =
		"SELECT id, name FROM area WHERE level = 'district'"
		" UNION ALL SELECT a.id, x.alias FROM area_alias x JOIN area a ON a.id = x.area_id"
		" WHERE a.level = 'district' ORDER BY 1, 2",
	/* () -> (organisation id, name or alias) */
	[STMT_IMP_LUP_ORG_NAMES] =
		"SELECT id, name FROM organisation UNION ALL SELECT org_id, alias FROM org_alias ORDER BY 1, 2",
	/* (plan_version_id) -> (theme id, name or alias) */
	[STMT_IMP_LUP_THEME_NAMES] =
		"SELECT id, name FROM theme WHERE plan_version_id = $1"
		" UNION ALL SELECT t.id, a.alias FROM theme_alias a JOIN theme t ON t.id = a.theme_id"
		" WHERE t.plan_version_id = $1 ORDER BY 1, 2",
	/* (plan_version_id) -> the next theme ord */
	[STMT_IMP_LUP_THEME_NEXT_ORD] =
		"SELECT coalesce(max(ord), 0) + 1 FROM theme WHERE plan_version_id = $1",
	/* (district id, key, name or alias) -> an area inside the district (its neighbourhoods, their
	 * places and the places under those: the levels lup check accepts), names before aliases */
	[STMT_IMP_LUP_AREA_IN_DISTRICT] =
		"SELECT a.id FROM area a LEFT JOIN area p ON p.id = a.parent_id"
		" LEFT JOIN area g ON g.id = p.parent_id"
		" WHERE a.id <> $1::bigint AND $1::bigint IN (p.id, g.id) AND (a.key = $2::text"
		"  OR a.name = $2::text COLLATE sv_ci OR EXISTS (SELECT 1 FROM area_alias x"
		"  WHERE x.area_id = a.id AND x.alias = $2::text COLLATE sv_ci))"
		" ORDER BY (a.name = $2::text COLLATE sv_ci) DESC, a.id LIMIT 1",
	/* (district id) -> its neighbourhoods */
	[STMT_IMP_LUP_NEIGHBOURHOODS] =
		"SELECT id FROM area WHERE parent_id = $1 AND level = 'neighbourhood' ORDER BY id",
	/* (plan_version_id, area id) -> 1 when the area is prioritised already */
	[STMT_IMP_LUP_PAREA_EXISTS] =
		"SELECT 1 FROM prioritised_area WHERE plan_version_id = $1 AND area_id = $2",
	/* (plan_version_id) -> (partner id, organisation id or 0, label) */
	[STMT_IMP_LUP_PARTNERS] =
		"SELECT id, coalesce(org_id, 0), label FROM plan_partner WHERE plan_version_id = $1 ORDER BY id",
	/* (plan_version_id, key prefix "lup-x-m-") -> the version's measures keyed otherwise (written
	 * by the dataset, the API or another source) */
	[STMT_IMP_LUP_OTHER_MEASURES] =
		"SELECT count(*) FROM measure WHERE plan_version_id = $1 AND substr(key, 1, length($2::text)) <> $2::text",
	/* (plan_version_id, owner id, district id or 0) -> (activity id, title): the version's
	 * activities of that owner for that district (0: with no district), oldest first */
	[STMT_IMP_LUP_ACT_CANDIDATES] =
		"SELECT a.id, a.title FROM activity a WHERE a.plan_version_id = $1 AND a.owner_id = $2"
		" AND CASE WHEN $3::bigint = 0"
		"  THEN NOT EXISTS (SELECT 1 FROM activity_district d WHERE d.activity_id = a.id)"
		"  ELSE EXISTS (SELECT 1 FROM activity_district d WHERE d.activity_id = a.id AND d.area_id = $3::bigint)"
		" END ORDER BY a.id",
	/* (activity id, description, role, theme id): fills what the activity lacks (never
	 * overwrites what it has) */
	[STMT_IMP_LUP_ACT_MERGE] =
		"UPDATE activity SET description = CASE WHEN coalesce(description, '') = '' THEN $2::text"
		" ELSE description END, role = coalesce(role, $3::text), theme_id = coalesce(theme_id, $4::bigint)"
		" WHERE id = $1 AND ((coalesce(description, '') = '' AND coalesce($2::text, '') <> '')"
		" OR (role IS NULL AND $3::text IS NOT NULL) OR (theme_id IS NULL AND $4::bigint IS NOT NULL))",
	/* (key prefix) -> the highest number an activity key prefix<N> carries (0: none) */
	[STMT_IMP_LUP_KEY_NEXT_ACT] =
		"SELECT coalesce(max(" KEY_NUMBER "), 0) FROM activity"
		" WHERE substr(key, 1, length($1::text)) = $1::text",
	/* (plan_version_id) -> (measure id, title), oldest first */
	[STMT_IMP_LUP_MEASURE_CANDIDATES] =
		"SELECT id, title FROM measure WHERE plan_version_id = $1 ORDER BY id",
	/* (measure id, description): fills a missing description */
	[STMT_IMP_LUP_MEASURE_MERGE] =
		"UPDATE measure SET description = $2::text WHERE id = $1 AND coalesce(description, '') = ''"
		" AND coalesce($2::text, '') <> ''",
	/* (key prefix) -> the highest number a measure key prefix<N> carries (0: none) */
	[STMT_IMP_LUP_KEY_NEXT_MEASURE] =
		"SELECT coalesce(max(" KEY_NUMBER "), 0) FROM measure"
		" WHERE substr(key, 1, length($1::text)) = $1::text",
	/* (plan_version_id) -> the next measure ord */
	[STMT_IMP_LUP_MEASURE_NEXT_ORD] =
		"SELECT coalesce(max(ord), 0) + 1 FROM measure WHERE plan_version_id = $1",
	/* (plan_version_id, owner id) -> how many activities of that owner the version holds */
	[STMT_IMP_LUP_ACT_COUNT] =
		"SELECT count(*) FROM activity WHERE plan_version_id = $1 AND owner_id = $2",
	/* (entity, entity id) -> 1 when the row has a provenance */
	[STMT_IMP_LUP_PROV_HAS] = "SELECT 1 FROM provenance WHERE entity = $1 AND entity_id = $2",
	/* (plan_version_id) -> (goal id, title): the version's LUP goals, oldest first */
	[STMT_IMP_LUP_GOAL_CANDIDATES] =
		"SELECT id, title FROM goal WHERE plan_version_id = $1 AND level = 'lup' ORDER BY id",
	/* (key prefix) -> the highest number a goal key prefix<N> carries (0: none) */
	[STMT_IMP_LUP_KEY_NEXT_GOAL] =
		"SELECT coalesce(max(" KEY_NUMBER "), 0) FROM goal"
		" WHERE substr(key, 1, length($1::text)) = $1::text",
	/* (goal id, horizon): the horizon a goal statement names, when the goal has none */
	[STMT_IMP_LUP_GOAL_HORIZON] =
		"UPDATE goal SET horizon = $2 WHERE id = $1 AND horizon IS NULL",
	/* (plan_version_id, area id, status, note, source): the district's standing in a contribution
	 * plan (0020); unchanged when it says the same */
	[STMT_IMP_LUP_CONTRIB_STATUS] =
		"INSERT INTO contribution_district (plan_version_id, area_id, status, note, source)"
		" VALUES ($1, $2, $3, $4, $5) ON CONFLICT (plan_version_id, area_id) DO UPDATE SET"
		" status = excluded.status, note = excluded.note, source = excluded.source"
		" WHERE contribution_district.status IS DISTINCT FROM excluded.status"
		" OR contribution_district.note IS DISTINCT FROM excluded.note"
		" OR contribution_district.source IS DISTINCT FROM excluded.source",
};
