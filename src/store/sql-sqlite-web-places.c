/* sql-sqlite-web-places.c: SQLite text of the 'places' pages' statements (see stmt-web-places.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_web_places[STMT__MAX] = {
	0,	/* entries: [STMT_WEB_PLACES_NAME] = "SQL text", */
};
