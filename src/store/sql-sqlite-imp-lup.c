/* sql-sqlite-imp-lup.c: SQLite text of the 'lup' importer's statements (see stmt-imp-lup.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_imp_lup[STMT__MAX] = {
	0,	/* entries: [STMT_IMP_LUP_NAME] = "SQL text", */
};
