/* sql-sqlite-imp-lup.c: SQLite text of the 'lup' importer's statements (see stmt-imp-lup.h).
 * Lookups only: the importer writes through the core's upserts (PLAN_UPSERT, THEME_UPSERT,
 * MEASURE_UPSERT, PARTNER_UPSERT, ACTIVITY_UPSERT, ...). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_imp_lup[STMT__MAX] = {
	/* (area id) -> key, name, committee id (0 when none) */
	[STMT_IMP_LUP_AREA_INFO] = "SELECT key, name, coalesce(committee_id, 0) FROM area WHERE id = ?1",
	/* (organisation id) -> key, name, kind */
	[STMT_IMP_LUP_ORG_INFO] = "SELECT key, name, kind FROM organisation WHERE id = ?1",
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
		"SELECT id, name FROM theme WHERE plan_version_id = ?1"
		" UNION ALL SELECT t.id, a.alias FROM theme_alias a JOIN theme t ON t.id = a.theme_id"
		" WHERE t.plan_version_id = ?1 ORDER BY 1, 2",
	/* (plan_version_id) -> the next theme ord */
	[STMT_IMP_LUP_THEME_NEXT_ORD] =
		"SELECT coalesce(max(ord), 0) + 1 FROM theme WHERE plan_version_id = ?1",
	/* (district id, key, name or alias) -> an area inside the district (its neighbourhoods, their
	 * places and the places under those: the levels lup check accepts), names before aliases */
	[STMT_IMP_LUP_AREA_IN_DISTRICT] =
		"SELECT a.id FROM area a LEFT JOIN area p ON p.id = a.parent_id"
		" LEFT JOIN area g ON g.id = p.parent_id"
		" WHERE a.id <> ?1 AND ?1 IN (p.id, g.id) AND (a.key = ?2 OR a.name = ?2 COLLATE NOCASE"
		"  OR EXISTS (SELECT 1 FROM area_alias x WHERE x.area_id = a.id AND x.alias = ?2 COLLATE NOCASE))"
		" ORDER BY (a.name = ?2 COLLATE NOCASE) DESC, a.id LIMIT 1",
	/* (district id) -> its neighbourhoods */
	[STMT_IMP_LUP_NEIGHBOURHOODS] =
		"SELECT id FROM area WHERE parent_id = ?1 AND level = 'neighbourhood' ORDER BY id",
	/* (plan_version_id, area id) -> 1 when the area is prioritised already */
	[STMT_IMP_LUP_PAREA_EXISTS] =
		"SELECT 1 FROM prioritised_area WHERE plan_version_id = ?1 AND area_id = ?2",
	/* (plan_version_id) -> (partner id, organisation id or 0, label) */
	[STMT_IMP_LUP_PARTNERS] =
		"SELECT id, coalesce(org_id, 0), label FROM plan_partner WHERE plan_version_id = ?1 ORDER BY id",
	/* (plan_version_id, key prefix "lup-x-m-", n) -> measures numbered beyond n */
	[STMT_IMP_LUP_STALE_MEASURES] =
		"SELECT count(*) FROM measure WHERE plan_version_id = ?1 AND substr(key, 1, length(?2)) = ?2"
		" AND CAST(substr(key, length(?2) + 1) AS INTEGER) > ?3",
	/* (plan_version_id, key prefix "lup-x-m-") -> the version's measures keyed otherwise (written
	 * by the dataset, the API or another source) */
	[STMT_IMP_LUP_OTHER_MEASURES] =
		"SELECT count(*) FROM measure WHERE plan_version_id = ?1 AND substr(key, 1, length(?2)) <> ?2",
	/* (plan_version_id, key prefix "lupplan-y-org-a-", n) -> activities numbered beyond n */
	[STMT_IMP_LUP_STALE_ACTIVITIES] =
		"SELECT count(*) FROM activity WHERE plan_version_id = ?1 AND substr(key, 1, length(?2)) = ?2"
		" AND CAST(substr(key, length(?2) + 1) AS INTEGER) > ?3",
};
