/* sql-pg-edit-plan.c: PostgreSQL text of the plan content's statements (see stmt-edit-plan.h). */
#include "store/sql-pg.h"

const char *const pg_sql_edit_plan[STMT__MAX] = {
	/* (plan_version_id, ord) -> the section */
	[STMT_SECTION_GET] =
		"SELECT id, ord, title, body FROM lup_section WHERE plan_version_id = $1 AND ord = $2",
	/* (plan_version_id) -> its sections in order */
	[STMT_SECTION_LIST] =
		"SELECT id, ord, title, body FROM lup_section WHERE plan_version_id = $1 ORDER BY ord",
	/* (plan_version_id, ord, title, body) -> the section written (inserted or changed) */
	[STMT_SECTION_SET] =
		"INSERT INTO lup_section (plan_version_id, ord, title, body) VALUES ($1, $2, $3, $4)"
		" ON CONFLICT (plan_version_id, ord) DO UPDATE SET title = excluded.title, body = excluded.body"
		" RETURNING id",
};
