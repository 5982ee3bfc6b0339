/* sql-sqlite.h: the SQLite dialect's statement texts, indexed by enum stmt. */
#ifndef LUP_SQL_SQLITE_H
#define LUP_SQL_SQLITE_H

#include "store/stmt.h"

/* The dialect of the SQL files that include this header (store/sql-public.h picks its
 * fragments by it); store/sql-pg.h includes this header for struct sql_migration after naming
 * its own dialect, which stays. */
#ifndef LUP_SQL_DIALECT_PG
#define LUP_SQL_DIALECT_SQLITE 1
#endif

/* sqlite_sql: SQL text per statement of the core; the importers keep theirs in their own
 * tables. Every statement has its text in exactly one of these (checked at open). */
extern const char *const sqlite_sql[STMT__MAX];
extern const char *const sqlite_sql_imp_plan[STMT__MAX];
extern const char *const sqlite_sql_imp_commission[STMT__MAX];
extern const char *const sqlite_sql_imp_lup[STMT__MAX];
extern const char *const sqlite_sql_imp_kolada[STMT__MAX];
extern const char *const sqlite_sql_imp_csv[STMT__MAX];
extern const char *const sqlite_sql_web_city[STMT__MAX];
extern const char *const sqlite_sql_web_places[STMT__MAX];
extern const char *const sqlite_sql_web_follow[STMT__MAX];
extern const char *const sqlite_sql_web_forms[STMT__MAX];
extern const char *const sqlite_sql_web_search[STMT__MAX];
extern const char *const sqlite_sql_plan_version[STMT__MAX];
extern const char *const sqlite_sql_plan_doc[STMT__MAX];
extern const char *const sqlite_sql_view_chain[STMT__MAX];
extern const char *const sqlite_sql_view_report[STMT__MAX];
extern const char *const sqlite_sql_plan_theme[STMT__MAX];
extern const char *const sqlite_sql_edit_plan[STMT__MAX];
extern const char *const sqlite_sql_plan_replace[STMT__MAX];
extern const char *const sqlite_sql_plan_measure[STMT__MAX];
extern const char *const sqlite_sql_plan_goal[STMT__MAX];
extern const char *const sqlite_sql_goal_edit[STMT__MAX];
extern const char *const sqlite_sql_contrib[STMT__MAX];
extern const char *const sqlite_sql_provenance[STMT__MAX];
extern const char *const sqlite_sql_view_tables[STMT__MAX];
extern const char *const sqlite_sql_commit[STMT__MAX];
extern const char *const sqlite_sql_wheel[STMT__MAX];
extern const char *const sqlite_sql_period_lock[STMT__MAX];
extern const char *const sqlite_sql_todo[STMT__MAX];
extern const char *const sqlite_sql_indicator[STMT__MAX];
extern const char *const sqlite_sql_need[STMT__MAX];
extern const char *const sqlite_sql_report_cycle[STMT__MAX];
extern const char *const sqlite_sql_lists[STMT__MAX];

/* One schema migration: its version (the NNNN of its file name) and its SQL. */
struct sql_migration {
	int version;
	const char *sql;
};

/* sqlite_migrations: every migration in ascending version, ended by {0, NULL}. Generated from
 * src/store/sqlite/NNNN-*.sql by scripts/sql2c.sh. */
extern const struct sql_migration sqlite_migrations[];

#endif
