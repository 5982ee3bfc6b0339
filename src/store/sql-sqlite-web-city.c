/* sql-sqlite-web-city.c: SQLite text of the 'city' pages' statements (see stmt-web-city.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_web_city[STMT__MAX] = {
	0,	/* entries: [STMT_WEB_CITY_NAME] = "SQL text", */
};
