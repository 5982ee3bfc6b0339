/* sql-sqlite-imp-kolada.c: SQLite text of the 'kolada' importer's statements (see stmt-imp-kolada.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_imp_kolada[STMT__MAX] = {
	0,	/* entries: [STMT_IMP_KOLADA_NAME] = "SQL text", */
};
