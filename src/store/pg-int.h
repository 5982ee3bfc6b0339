/* pg-int.h: what store-pg.c lends the other PostgreSQL files of the store (bulk-pg.c). Only
 * src/store includes this. */
#ifndef LUP_PG_INT_H
#define LUP_PG_INT_H

#include <libpq-fe.h>

struct store;
struct err;

/* store_pg_conn: the libpq connection of st (a PostgreSQL store). */
PGconn *store_pg_conn(struct store *st);

/* store_pg_fail: maps the failed result res (may be NULL: the connection's message) to a lup
 * code and message "what: PostgreSQL's message" in e, as the backend's own calls do
 * (LUP_EBUSY for a lost server, LUP_ECONFLICT for a constraint, else LUP_EDB). Returns the code. */
int store_pg_fail(struct store *st, PGresult *res, struct err *e, const char *what);

#endif
