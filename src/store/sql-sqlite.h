/* sql-sqlite.h: the SQLite dialect's statement texts, indexed by enum stmt. */
#ifndef LUP_SQL_SQLITE_H
#define LUP_SQL_SQLITE_H

#include "store/stmt.h"

/* sqlite_sql: SQL text per statement; every entry is non-NULL (checked at open). */
extern const char *const sqlite_sql[STMT__MAX];

/* sqlite_migrations: migration n (1-based) is sqlite_migrations[n - 1]; NULL-terminated.
 * Generated from src/store/sqlite/NNNN-*.sql by scripts/sql2c.sh. */
extern const char *const sqlite_migrations[];

#endif
