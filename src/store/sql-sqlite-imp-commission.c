/* sql-sqlite-imp-commission.c: SQLite text of the 'commission' importer's statements (see stmt-imp-commission.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_imp_commission[STMT__MAX] = {
	0,	/* entries: [STMT_IMP_COMMISSION_NAME] = "SQL text", */
};
