/* sql-sqlite-imp-csv.c: SQLite text of the 'csv' importer's statements (see stmt-imp-csv.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_imp_csv[STMT__MAX] = {
	0,	/* entries: [STMT_IMP_CSV_NAME] = "SQL text", */
};
