/* sql-sqlite-web-forms.c: SQLite text of the 'forms' pages' statements (see stmt-web-forms.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_web_forms[STMT__MAX] = {
	0,	/* entries: [STMT_WEB_FORMS_NAME] = "SQL text", */
};
