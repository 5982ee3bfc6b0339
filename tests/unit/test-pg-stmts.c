/* test-pg-stmts.c: on a PostgreSQL database (LUP_TEST_PG: its address; the program empties its
 * public schema first), migrates to the latest schema and prepares every statement of the
 * PostgreSQL dialect, one "ok"/"not ok" line per statement with PostgreSQL's error; also
 * checks that the two backends have the same migration versions. Without LUP_TEST_PG it only
 * compares the versions (the PostgreSQL suite of tests/run.sh sets it). */
#include "store/store.h"
#include "store/sql-pg.h"
#include "core/err.h"

#include <libpq-fe.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME_(n) "STMT_" #n,
static const char *const names[] = { STMT_LIST(NAME_) };

static int npass, nfail;

static void result(int ok, const char *name, const char *why)
{
	if (ok) {
		printf("ok - %s\n", name);
		npass++;
	} else {
		printf("not ok - %s: %s\n", name, why);
		nfail++;
	}
}

/* The same migration versions on both backends, in ascending order. */
static void same_versions(void)
{
	const struct sql_migration *a = sqlite_migrations, *b = pg_migrations;
	char why[128] = "";

	for (; a->sql && b->sql; a++, b++)
		if (a->version != b->version) {
			snprintf(why, sizeof(why), "SQLite has %d where PostgreSQL has %d", a->version, b->version);
			break;
		}
	if (!*why && (a->sql || b->sql))
		snprintf(why, sizeof(why), "%s has more migrations (next: %d)", a->sql ? "SQLite" : "PostgreSQL",
			 a->sql ? a->version : b->version);
	result(!*why, "the backends have the same migration versions", why);
}

int main(void)
{
	const char *addr = getenv("LUP_TEST_PG");
	struct store *st = NULL;
	struct err e = { 0 };
	PGconn *c;
	PGresult *res;

	same_versions();
	if (!addr || !*addr) {
		printf("# LUP_TEST_PG not set: statements not prepared\n");
		goto done;
	}
	c = PQconnectdb(addr);
	if (PQstatus(c) != CONNECTION_OK) {
		result(0, "connect", PQerrorMessage(c));
		PQfinish(c);
		goto done;
	}
	PQclear(PQexec(c, "SET client_min_messages = warning"));
	res = PQexec(c, "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
	result(PQresultStatus(res) == PGRES_COMMAND_OK, "empty the public schema", PQresultErrorMessage(res));
	PQclear(res);
	if (store_open(addr, STORE_CREATE, &st, &e) != LUP_OK) {
		result(0, "migrate to the latest schema", e.msg);
		PQfinish(c);
		goto done;
	}
	result(store_schema_version(st) == store_schema_latest(), "migrate to the latest schema", "version");
	store_close(st);
	/* the bulk statements read the session's staging table (bulk-pg.c) */
	res = PQexec(c, "CREATE TEMP TABLE " PG_BULK_TABLE PG_BULK_COLUMNS);
	result(PQresultStatus(res) == PGRES_COMMAND_OK, "create the bulk staging table", PQresultErrorMessage(res));
	PQclear(res);
	for (int i = 0; i < STMT__MAX; i++) {
		char name[16];
		snprintf(name, sizeof(name), "t%d", i);
		res = PQprepare(c, name, pg_sql_text(i), 0, NULL);
		result(PQresultStatus(res) == PGRES_COMMAND_OK, names[i], PQresultErrorMessage(res));
		PQclear(res);
	}
	PQfinish(c);
done:
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
