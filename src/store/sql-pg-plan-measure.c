/* sql-pg-plan-measure.c: PostgreSQL text of the measures' and plan partners' statements (see
 * stmt-plan-measure.h). The reads of a version's measures take (measure id or NULL for all,
 * plan_version_id). */
#include "store/sql-pg.h"

/* the measures of version $2, or only measure $1 of it */
#define OF_VERSION " m.plan_version_id = $2 AND ($1::bigint IS NULL OR m.id = $1::bigint)"

const char *const pg_sql_plan_measure[STMT__MAX] = {
	[STMT_PM_MEASURES] =
		"SELECT m.id, m.key, m.ord, m.title, m.description, m.status, m.start_text AS start,"
		" m.end_text AS \"end\", m.start_first, m.end_last, coalesce(m.ident, m.key) AS ident"
		" FROM measure m WHERE" OF_VERSION " ORDER BY m.ord, m.id",
	/* -> measure_id, theme_id, name */
	[STMT_PM_THEMES] =
		"SELECT mt.measure_id, t.id, t.name FROM measure_theme mt JOIN measure m ON m.id = mt.measure_id"
		" JOIN theme t ON t.id = mt.theme_id WHERE" OF_VERSION " ORDER BY mt.measure_id, t.ord, t.id",
	/* -> measure_id, area key, name */
	[STMT_PM_AREAS] =
		"SELECT ma.measure_id, a.key, a.name FROM measure_area ma JOIN measure m ON m.id = ma.measure_id"
		" JOIN area a ON a.id = ma.area_id WHERE" OF_VERSION " ORDER BY ma.measure_id, a.name COLLATE sv",
	/* -> measure_id, goal id, key, number, title */
	[STMT_PM_GOALS] =
		"SELECT mg.measure_id, g.id, g.key, g.number, g.title FROM measure_goal mg"
		" JOIN measure m ON m.id = mg.measure_id JOIN goal g ON g.id = mg.goal_id WHERE" OF_VERSION
		" ORDER BY mg.measure_id, g.number NULLS FIRST, g.id",
	/* -> measure_id, org key, plan_partner id, name (the organisation's or the partner's), role */
	[STMT_PM_PARTNERS] =
		"SELECT mp.measure_id, o.key AS org, mp.plan_partner_id AS partner,"
		" coalesce(o.name, pp.label) AS name, mp.role FROM measure_partner mp"
		" JOIN measure m ON m.id = mp.measure_id LEFT JOIN organisation o ON o.id = mp.org_id"
		" LEFT JOIN plan_partner pp ON pp.id = mp.plan_partner_id WHERE" OF_VERSION
		" ORDER BY mp.measure_id, mp.rowid",
	/* -> measure_id, target_group */
	[STMT_PM_TGS] =
		"SELECT g.measure_id, g.target_group FROM measure_target_group g JOIN measure m ON m.id = g.measure_id"
		" WHERE" OF_VERSION " ORDER BY g.measure_id, g.rowid",
	/* (theme id, plan_version_id) -> the theme when it is the version's */
	[STMT_PM_THEME_IN] = "SELECT id FROM theme WHERE id = $1 AND plan_version_id = $2",
	/* (goal id, plan_version_id) -> the goal when it is the version's */
	[STMT_PM_GOAL_IN] = "SELECT id FROM goal WHERE id = $1 AND plan_version_id = $2",
	/* (plan_partner id, plan_version_id) -> the partner when it is the version's */
	[STMT_PM_PP_IN] = "SELECT id FROM plan_partner WHERE id = $1 AND plan_version_id = $2",
	/* (plan_version_id) -> its goals (the form's checkboxes) */
	[STMT_PM_VERSION_GOALS] =
		"SELECT id, key, number, title FROM goal WHERE plan_version_id = $1 ORDER BY number NULLS FIRST, id",
	/* (key, plan_version_id, title, description, status, start_text, start_first, start_last,
	 * start_prec, end_text, end_first, end_last, end_prec, source): last in the order */
	[STMT_PM_INSERT] =
		"INSERT INTO measure (key, plan_version_id, ord, title, description, status, start_text,"
		" start_first, start_last, start_prec, end_text, end_first, end_last, end_prec, source)"
		" VALUES ($1, $2, (SELECT coalesce(max(ord), 0) + 1 FROM measure WHERE plan_version_id = $2),"
		" $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
	/* (id, title, description, status, start_text, start_first, start_last, start_prec, end_text,
	 * end_first, end_last, end_prec) */
	[STMT_PM_SET] =
		"UPDATE measure SET title = $2, description = $3, status = $4, start_text = $5, start_first = $6,"
		" start_last = $7, start_prec = $8, end_text = $9, end_first = $10, end_last = $11, end_prec = $12"
		" WHERE id = $1",
	/* (measure id) and (measure id, value): the links, rewritten whole */
	[STMT_PM_THEMES_CLEAR] = "DELETE FROM measure_theme WHERE measure_id = $1",
	[STMT_PM_THEME_ADD] = "INSERT INTO measure_theme (measure_id, theme_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	[STMT_PM_AREAS_CLEAR] = "DELETE FROM measure_area WHERE measure_id = $1",
	[STMT_PM_AREA_ADD] = "INSERT INTO measure_area (measure_id, area_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	[STMT_PM_GOALS_CLEAR] = "DELETE FROM measure_goal WHERE measure_id = $1",
	[STMT_PM_GOAL_ADD] = "INSERT INTO measure_goal (measure_id, goal_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	[STMT_PM_PARTNERS_CLEAR] = "DELETE FROM measure_partner WHERE measure_id = $1",
	/* (measure id, org id, plan_partner id, role, source) */
	[STMT_PM_PARTNER_ADD] =
		"INSERT INTO measure_partner (measure_id, org_id, plan_partner_id, role, source)"
		" VALUES ($1, $2, $3, $4, $5)",
	[STMT_PM_TGS_CLEAR] = "DELETE FROM measure_target_group WHERE measure_id = $1",
	[STMT_PM_TG_ADD] =
		"INSERT INTO measure_target_group (measure_id, target_group) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	/* (measure id, ord) */
	[STMT_PM_ORD_SET] = "UPDATE measure SET ord = $2 WHERE id = $1",
	/* (measure id) -> the activities that carry it out */
	[STMT_PM_ACTIVITIES] = "SELECT count(*) FROM activity WHERE measure_id = $1",
	/* (measure id): its links go with it (ON DELETE CASCADE) */
	[STMT_PM_DELETE] = "DELETE FROM measure WHERE id = $1",
	/* () -> the registry's organisations (the form's partner choice) */
	[STMT_PM_ORGS] = "SELECT key, name FROM organisation ORDER BY name COLLATE sv",

	/* (plan_version_id, partner id or NULL) -> the version's plan partners with how many measures
	 * use each (as itself, or as the same registry organisation) */
	[STMT_PP_LIST] =
		"SELECT pp.id, o.key AS org, o.name AS org_name, pp.grp AS \"group\", pp.label, pp.source,"
		" coalesce(pp.ident, pp.label) AS ident,"
		" (SELECT count(DISTINCT mp.measure_id) FROM measure_partner mp JOIN measure m ON m.id = mp.measure_id"
		"  WHERE m.plan_version_id = pp.plan_version_id AND (mp.plan_partner_id = pp.id"
		"  OR (pp.org_id IS NOT NULL AND mp.org_id = pp.org_id))) AS measures"
		" FROM plan_partner pp LEFT JOIN organisation o ON o.id = pp.org_id"
		" WHERE pp.plan_version_id = $1 AND ($2::bigint IS NULL OR pp.id = $2::bigint) ORDER BY pp.id",
	/* (plan_version_id, label, except id) -> another partner of the version with that label */
	[STMT_PP_LABEL_TAKEN] =
		"SELECT id FROM plan_partner WHERE plan_version_id = $1 AND label = $2::text COLLATE sv_ci"
		" AND id IS DISTINCT FROM $3::bigint LIMIT 1",
	/* (plan_version_id, org id, except id) -> another partner of the version for that organisation */
	[STMT_PP_ORG_TAKEN] =
		"SELECT id FROM plan_partner WHERE plan_version_id = $1 AND org_id = $2"
		" AND id IS DISTINCT FROM $3::bigint LIMIT 1",
	/* (plan_version_id, org id, group, label, source) */
	[STMT_PP_INSERT] =
		"INSERT INTO plan_partner (plan_version_id, org_id, grp, label, source) VALUES ($1, $2, $3, $4, $5)"
		" RETURNING id",
	/* (id, org id, group, label) */
	[STMT_PP_SET] = "UPDATE plan_partner SET org_id = $2, grp = $3, label = $4 WHERE id = $1",
	/* (id) */
	[STMT_PP_DELETE] = "DELETE FROM plan_partner WHERE id = $1",
	/* (partner id) -> the titles of the measures of its version that use it */
	[STMT_PP_USERS] =
		"SELECT DISTINCT m.title, m.ord FROM plan_partner pp JOIN measure m ON m.plan_version_id = pp.plan_version_id"
		" JOIN measure_partner mp ON mp.measure_id = m.id WHERE pp.id = $1"
		" AND (mp.plan_partner_id = pp.id OR (pp.org_id IS NOT NULL AND mp.org_id = pp.org_id))"
		" ORDER BY m.ord, m.title",

	/* the plan document (view/plan.c, edit/plan-version.c) */
	/* (measure id) -> the identities of the goals it serves: the goal's in its version, else its key */
	[STMT_PM_DOC_GOALS] =
		"SELECT CASE WHEN g.plan_version_id = m.plan_version_id THEN coalesce(g.ident, g.key) ELSE g.key END"
		" FROM measure_goal mg JOIN goal g ON g.id = mg.goal_id JOIN measure m ON m.id = mg.measure_id"
		" WHERE mg.measure_id = $1 ORDER BY mg.rowid",
	/* (measure id, start_first, start_last, start_prec, end_text, end_first, end_last, end_prec) */
	[STMT_PM_DOC_DATES] =
		"UPDATE measure SET start_first = $2, start_last = $3, start_prec = $4, end_text = $5, end_first = $6,"
		" end_last = $7, end_prec = $8 WHERE id = $1",
};
