/* sql-pg-plan-replace.c: PostgreSQL text of the statements that replace a draft version's
 * content (see stmt-plan-replace.h). Every delete takes the version id as $1; the rows hanging
 * off the deleted ones (aliases, target groups, results, targets, outcomes, partners, districts)
 * go with them (ON DELETE CASCADE). */
#include "store/sql-pg.h"

const char *const pg_sql_plan_replace[STMT__MAX] = {
	/* (version id) -> id, plan id, plan key, version number, status, area_scope, note */
	[STMT_PR_VERSION] =
		"SELECT pv.id, p.id AS plan_id, p.key AS plan, pv.version, pv.status, pv.area_scope, pv.note"
		" FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE pv.id = $1",
	[STMT_PR_DEL_ACTIVITIES] = "DELETE FROM activity WHERE plan_version_id = $1",
	/* the version's indicators: of its goals, and its own of goals outside it */
	[STMT_PR_DEL_INDICATORS] =
		"DELETE FROM indicator WHERE plan_version_id = $1"
		" OR goal_id IN (SELECT id FROM goal WHERE plan_version_id = $1)",
	[STMT_PR_DEL_GOALS] = "DELETE FROM goal WHERE plan_version_id = $1",
	[STMT_PR_DEL_MEASURES] = "DELETE FROM measure WHERE plan_version_id = $1",
	[STMT_PR_DEL_THEMES] = "DELETE FROM theme WHERE plan_version_id = $1",
	[STMT_PR_DEL_PARTNERS] = "DELETE FROM plan_partner WHERE plan_version_id = $1",
	[STMT_PR_DEL_PAREAS] = "DELETE FROM prioritised_area WHERE plan_version_id = $1",
	[STMT_PR_DEL_SECTIONS] = "DELETE FROM lup_section WHERE plan_version_id = $1",
	/* (version id, area_scope, note): the version's own content; only a draft changes */
	[STMT_PR_VERSION_SET] =
		"UPDATE plan_version SET area_scope = $2, note = $3 WHERE id = $1 AND status = 'draft'",
	/* (plan key) -> its owner organisation's id */
	[STMT_PR_PLAN_OWNER] = "SELECT owner_id FROM plan WHERE key = $1",
};
