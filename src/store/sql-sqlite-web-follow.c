/* sql-sqlite-web-follow.c: SQLite text of the 'follow' pages' statements (see stmt-web-follow.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_web_follow[STMT__MAX] = {
	0,	/* entries: [STMT_WEB_FOLLOW_NAME] = "SQL text", */
};
