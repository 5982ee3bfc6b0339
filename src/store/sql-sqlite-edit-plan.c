/* sql-sqlite-edit-plan.c: SQLite text of the plan content's statements (see stmt-edit-plan.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_edit_plan[STMT__MAX] = {
	/* (plan_version_id) -> its status and its plan's owner organisation (no row: no version) */
	[STMT_PLAN_DRAFT_STATE] =
		"SELECT pv.status, p.owner_id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE pv.id = ?1",
	/* (plan key, version number) -> the version with its plan, owner and owner's pair */
	[STMT_PLAN_VERSION_INFO] =
		"SELECT pv.id AS version_id, pv.version, pv.status, p.id AS plan_id, p.key, p.kind, p.title,"
		" p.owner_id, o.key AS owner, o.name AS owner_name, o.pair_id AS owner_pair, a.key AS district"
		" FROM plan p JOIN plan_version pv ON pv.plan_id = p.id JOIN organisation o ON o.id = p.owner_id"
		" LEFT JOIN area a ON a.id = p.district_id WHERE p.key = ?1 AND pv.version = ?2",
	/* (plan_id) -> the number of its draft version, if it has one */
	[STMT_PLAN_DRAFT_NUMBER] =
		"SELECT version FROM plan_version WHERE plan_id = ?1 AND status = 'draft'",
	/* (plan_version_id, ord) -> the section */
	[STMT_SECTION_GET] =
		"SELECT id, ord, title, body FROM lup_section WHERE plan_version_id = ?1 AND ord = ?2",
	/* (plan_version_id) -> its sections in order */
	[STMT_SECTION_LIST] =
		"SELECT id, ord, title, body FROM lup_section WHERE plan_version_id = ?1 ORDER BY ord",
	/* (plan_version_id, ord, title, body) -> the section written (inserted or changed) */
	[STMT_SECTION_SET] =
		"INSERT INTO lup_section (plan_version_id, ord, title, body) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (plan_version_id, ord) DO UPDATE SET title = excluded.title, body = excluded.body",
};
