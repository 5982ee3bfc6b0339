/* sql-pg.h: the PostgreSQL dialect's statement texts, indexed by enum stmt. */
#ifndef LUP_SQL_PG_H
#define LUP_SQL_PG_H

#include "store/stmt.h"

/* The dialect of the SQL files that include this header (store/sql-public.h picks its
 * fragments by it); named before store/sql-sqlite.h is included below. */
#define LUP_SQL_DIALECT_PG 1

/* ORG_RANK_JOIN(o) and ORG_RANK: a long list sorted by its rows' owner's name sorts by the
 * owner's rank in the order of names (derived_org_name_rank, migration 0030, kept by a trigger),
 * an integer, instead of by the name COLLATE sv, for which PostgreSQL builds an ICU sort key per
 * row; the order is the same, ties between equal names included. o is the owner's alias. An
 * owner without a rank (none should lack one) still has its rows, after the others. */
#define ORG_RANK_JOIN(o) " LEFT JOIN derived_org_name_rank onr_ ON onr_.organisation_id = " o ".id"
#define ORG_RANK "onr_.rank"

/* pg_sql: SQL text per statement of the core; the importers keep theirs in their own
 * tables. Every statement has its text in exactly one of these (checked at open). */
extern const char *const pg_sql[STMT__MAX];
extern const char *const pg_sql_imp_plan[STMT__MAX];
extern const char *const pg_sql_imp_commission[STMT__MAX];
extern const char *const pg_sql_imp_lup[STMT__MAX];
extern const char *const pg_sql_imp_kolada[STMT__MAX];
extern const char *const pg_sql_imp_csv[STMT__MAX];
extern const char *const pg_sql_web_city[STMT__MAX];
extern const char *const pg_sql_web_places[STMT__MAX];
extern const char *const pg_sql_web_follow[STMT__MAX];
extern const char *const pg_sql_web_forms[STMT__MAX];
extern const char *const pg_sql_web_search[STMT__MAX];
extern const char *const pg_sql_plan_version[STMT__MAX];
extern const char *const pg_sql_plan_doc[STMT__MAX];
extern const char *const pg_sql_view_chain[STMT__MAX];
extern const char *const pg_sql_view_report[STMT__MAX];
extern const char *const pg_sql_plan_theme[STMT__MAX];
extern const char *const pg_sql_edit_plan[STMT__MAX];
extern const char *const pg_sql_plan_replace[STMT__MAX];
extern const char *const pg_sql_plan_measure[STMT__MAX];
extern const char *const pg_sql_plan_goal[STMT__MAX];
extern const char *const pg_sql_goal_edit[STMT__MAX];
extern const char *const pg_sql_contrib[STMT__MAX];
extern const char *const pg_sql_provenance[STMT__MAX];
extern const char *const pg_sql_view_tables[STMT__MAX];
extern const char *const pg_sql_commit[STMT__MAX];
extern const char *const pg_sql_wheel[STMT__MAX];
extern const char *const pg_sql_period_lock[STMT__MAX];
extern const char *const pg_sql_todo[STMT__MAX];
extern const char *const pg_sql_indicator[STMT__MAX];
extern const char *const pg_sql_need[STMT__MAX];
extern const char *const pg_sql_report_cycle[STMT__MAX];
extern const char *const pg_sql_lists[STMT__MAX];

/* The bulk statements' staging table (bulk-pg.c): a temporary table of the session, dropped at
 * the commit, with a text column per value (a1 ... a16) and the row's number n. Every bulk
 * statement (STMT_*_BULK) reads it; PG_BULK_DDL creates it (test-pg-stmts creates it
 * from PG_BULK_COLUMNS before preparing the statements). */
#define PG_BULK_TABLE "lup_bulk"
#define PG_BULK_COLUMNS \
	" (a1 text, a2 text, a3 text, a4 text, a5 text, a6 text, a7 text, a8 text, a9 text," \
	" a10 text, a11 text, a12 text, a13 text, a14 text, a15 text, a16 text, n bigint)"
#define PG_BULK_DDL "CREATE TEMP TABLE IF NOT EXISTS " PG_BULK_TABLE PG_BULK_COLUMNS " ON COMMIT DROP"

#include "store/sql-sqlite.h"	/* struct sql_migration */

/* pg_sql_text: the PostgreSQL text of statement s (enum stmt), or NULL when no table has one
 * or two tables do (store-pg.c refuses to open then). */
const char *pg_sql_text(int s);

/* pg_migrations: every migration in ascending version (the same versions as SQLite's), ended
 * by {0, NULL}. Generated from src/store/pg/NNNN-*.sql by scripts/sql2c.sh. */
extern const struct sql_migration pg_migrations[];

#endif
