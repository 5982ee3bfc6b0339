/* sql-sqlite-imp-plan.c: SQLite text of the 'plan' importer's statements (see stmt-imp-plan.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_imp_plan[STMT__MAX] = {
	0,	/* entries: [STMT_IMP_PLAN_NAME] = "SQL text", */
};
