/* backend.h: what a database backend provides behind store.h: one table of operations per
 * backend (store-sqlite.c, store-pg.c). store.c picks the backend by the database address and
 * forwards each store_* call to it. Only the store's own files include this header. */
#ifndef LUP_STORE_BACKEND_H
#define LUP_STORE_BACKEND_H

#include "store/store.h"

struct store_ops;

/* The first member of every backend's connection and row: the backend's operations. */
struct store {
	const struct store_ops *ops;
};

struct store_row {
	const struct store_ops *ops;
};

/* The first member of every backend's bulk (store.h store_bulk_*): what store.c needs. */
struct store_bulk {
	const struct store_ops *ops;
	struct store *st;
	enum stmt s;
	int nargs, nkeys;
	int64_t changed;	/* rows changed by the rows applied so far */
};

/* The operations: the same contracts as the store.h functions of the same names. */
struct store_ops {
	const char *name;
	int max_writers;	/* store.h store_max_writers */
	int (*open)(const char *address, int flags, struct store **out, struct err *e);
	void (*close)(struct store *st);
	void (*set_viewer)(struct store *st, enum store_view view, int64_t org, int64_t org_pair);
	int (*schema_version)(struct store *st);
	int (*migrate)(struct store *st, int target, int *from, int *to, struct err *e);
	int (*begin)(struct store *st, struct err *e);
	int (*begin_read)(struct store *st, struct err *e);
	int (*commit)(struct store *st, struct err *e);
	void (*rollback)(struct store *st);
	void (*read_last)(struct store *st);	/* NULL: nothing to gain */
	int (*exec)(struct store *st, enum stmt s, const struct sval *args, int nargs, int64_t *id,
		    int *changed, struct err *e);
	int (*query)(struct store *st, enum stmt s, const struct sval *args, int nargs,
		     store_row_fn fn, void *ctx, struct err *e);
	int (*query_many)(struct store *st, const struct store_q *q, int n, struct err *e);
	int (*ncols)(const struct store_row *r);
	const char *(*col_name)(const struct store_row *r, int i);
	enum sv_type (*col_type)(const struct store_row *r, int i);
	int64_t (*col_int)(const struct store_row *r, int i);
	double (*col_real)(const struct store_row *r, int i);
	const char *(*col_text)(const struct store_row *r, int i);
	void (*col_cell)(const struct store_row *r, int i, struct store_cell *c);	/* NULL: the four above */
	int (*check)(struct store *st, store_check_fn fn, void *ctx, int *problems, struct err *e);
	int (*backup)(struct store *st, const char *path, struct err *e);
	int (*analyze)(struct store *st, struct err *e);
	int (*search)(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
		      void *ctx, struct err *e);
	/* Copying a whole database (copy.c). copy_tables: one row (name) per table that holds
	 * data of its own, by name (not the search index, which triggers fill, nor the migration
	 * record); copy_read: every row of table (SELECT *); copy_clear: in the open write
	 * transaction, defers the foreign-key checks to the commit and empties every table (the
	 * search index too); copy_write: inserts one row given by column names and values;
	 * copy_done: after the writes (PostgreSQL: moves each identity past the largest id);
	 * copy_count: the rows of table. Table and column names come from the database's own
	 * catalog and are checked to be plain identifiers before they are quoted into SQL. */
	int (*copy_tables)(struct store *st, store_row_fn fn, void *ctx, struct err *e);
	int (*copy_read)(struct store *st, const char *table, store_row_fn fn, void *ctx, struct err *e);
	int (*copy_clear)(struct store *st, struct err *e);
	int (*copy_write)(struct store *st, const char *table, int n, const char *const *cols,
			  const struct sval *vals, struct err *e);
	int (*copy_done)(struct store *st, struct err *e);
	int (*copy_count)(struct store *st, const char *table, int64_t *n, struct err *e);
	/* Bulk writes (store.h store_bulk_*): bulk_begin allocates the backend's bulk and fills
	 * its first member; bulk_end applies what is pending (not freeing: store.c frees through
	 * bulk_free). */
	int (*bulk_begin)(struct store *st, enum stmt s, int nargs, int nkeys, struct store_bulk **out,
			  struct err *e);
	int (*bulk_add)(struct store_bulk *b, const struct sval *args, struct err *e);
	int (*bulk_flush)(struct store_bulk *b, struct err *e);
	void (*bulk_free)(struct store_bulk *b);
};

/* store_query_seq: store_query_many as n calls of st's query op one after another (SQLite's
 * query_many), a failure's message prefixed with its statement's name unless it names it. */
int store_query_seq(struct store *st, const struct store_q *q, int n, struct err *e);

/* store_q_name_err: prefixes e's message with the name of statement s unless it already
 * names it (store_query_many's messages name the statement that failed). Returns e's code. */
int store_q_name_err(struct err *e, enum stmt s, int code);

/* store_stmt_name: the name of statement s without its STMT_ prefix ("ORG_UPSERT"), for
 * messages; "?" for a number that is no statement. */
const char *store_stmt_name(int s);

/* store_copy_insert_sql: into buf (n bytes) the INSERT of one row of table with cols, its
 * values numbered placeholders written mark and the number ('?' for SQLite's ?1, '$' for
 * PostgreSQL's $1). Returns 0, or -1 when it does not fit. The names must be plain identifiers
 * (store_plain_ident: the caller checks). */
int store_copy_insert_sql(char *buf, size_t n, const char *table, int ncols, const char *const *cols, char mark);

/* store_plain_ident: 1 when s is a plain lower-case SQL identifier ([a-z_][a-z0-9_]*, at most
 * 63 bytes) that may be quoted into SQL text, else 0. */
int store_plain_ident(const char *s);

/* The backends' bulk operations (bulk-sqlite.c, bulk-pg.c): the store_ops entries above. */
int bulk_sqlite_begin(struct store *st, enum stmt s, int nargs, int nkeys, struct store_bulk **out,
		      struct err *e);
int bulk_sqlite_add(struct store_bulk *b, const struct sval *args, struct err *e);
int bulk_sqlite_flush(struct store_bulk *b, struct err *e);
void bulk_sqlite_free(struct store_bulk *b);
int bulk_pg_begin(struct store *st, enum stmt s, int nargs, int nkeys, struct store_bulk **out,
		  struct err *e);
int bulk_pg_add(struct store_bulk *b, const struct sval *args, struct err *e);
int bulk_pg_flush(struct store_bulk *b, struct err *e);
void bulk_pg_free(struct store_bulk *b);

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pg_ops;

/* store_is_pg_address: 1 when address names a PostgreSQL database (postgresql:// or
 * postgres://, or a libpq key=value string starting "dbname=" / "host="), else 0. */
int store_is_pg_address(const char *address);

#endif
