/* store.h: the backend-neutral database interface.
 *
 * Callers name statements by enum (enum stmt); each backend keeps the SQL text for every
 * statement in its own table, in its own dialect, so adding a backend touches only its file
 * and its migrations. Values are always bound, never spliced into SQL text. Results come
 * back row by row through a callback.
 *
 * Thread use: one struct store per thread.
 */
#ifndef LUP_STORE_H
#define LUP_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store/stmt.h"

struct err;
struct store;
struct store_row;

/* The type of a bound value or of a result column. */
enum sv_type { SV_NULL, SV_INT, SV_REAL, SV_TEXT };

/* One bound value. Text is borrowed for the duration of the call. */
struct sval {
	enum sv_type t;
	int64_t i;
	double d;
	const char *s;
};

/* Constructors of bound values. sv_text(NULL) and sv_id(0) give NULL. */
static inline struct sval sv_null(void) { struct sval v = { .t = SV_NULL }; return v; }
static inline struct sval sv_int(int64_t x) { struct sval v = { .t = SV_INT, .i = x }; return v; }
static inline struct sval sv_real(double x) { struct sval v = { .t = SV_REAL, .d = x }; return v; }
static inline struct sval sv_text(const char *x)
{
	struct sval v = { .t = x ? SV_TEXT : SV_NULL, .s = x };
	return v;
}
static inline struct sval sv_id(int64_t x) { return x ? sv_int(x) : sv_null(); }

#define SVNULL sv_null()
#define SVI(x) sv_int(x)
#define SVD(x) sv_real(x)
#define SVS(x) sv_text(x)
#define SVID(x) sv_id(x)

/* Open flags. */
enum {
	STORE_CREATE = 1,	/* create the file if missing (else a missing file is an error) */
	STORE_READONLY = 2,	/* open read-only; no migration */
	STORE_NO_MIGRATE = 4,	/* do not upgrade the schema at open (for `lup init` and tests) */
};

/*
 * store_open: opens the database at path: a postgresql:// (or postgres://) URI is a PostgreSQL
 * database through libpq (with STORE_CREATE a missing database is created), anything else a
 * SQLite file (":memory:" works). For SQLite it turns on foreign keys, WAL and a busy timeout.
 * It checks the schema version and, unless
 * STORE_NO_MIGRATE or STORE_READONLY, applies pending migrations (each in a transaction).
 * Errors: LUP_ENOTFOUND (missing file without STORE_CREATE), LUP_EDB (not a database,
 * corrupt, unreadable), LUP_EBUSY (a PostgreSQL server that does not answer: try again),
 * LUP_EVERSION (schema newer than this program). On success *out
 * must be freed with store_close.
 */
int store_open(const char *path, int flags, struct store **out, struct err *e);

/* store_shown_address: address as it may be shown in messages and output: a password in a
 * PostgreSQL address (postgresql://user:PASSWORD@host, password=PASSWORD) becomes ***. Writes
 * into buf (n bytes, truncated when longer) and returns buf. */
const char *store_shown_address(const char *address, char *buf, size_t n);

/* store_close: finalises statements and closes the connection. NULL is accepted. */
void store_close(struct store *st);

/*
 * The viewer of a connection: who the reads on it are for, behind the SQL function
 * lup_reads(org, org_pair) that the publication rule (store/sql-public.h) asks about what is
 * not public yet (a draft plan version's goals, activities and indicators; outcomes of a period
 * whose report is not approved). STORE_VIEW_ALL (the default of store_open: the command line is
 * the operator) reads everything; STORE_VIEW_PUBLIC nothing unpublished; STORE_VIEW_ORG what
 * belongs to organisation org, to its recorded pair, or to an organisation recording org as
 * its pair (web/authz.h's authz_member). The server sets the viewer for every request from
 * its caller (web/authz.h authz_viewer).
 */
enum store_view { STORE_VIEW_ALL = 0, STORE_VIEW_PUBLIC, STORE_VIEW_ORG };

/* store_set_viewer: the viewer of st's reads from now on (org and org_pair: only for
 * STORE_VIEW_ORG; 0 for none). */
void store_set_viewer(struct store *st, enum store_view view, int64_t org, int64_t org_pair);

/* store_backend: the backend's name ("sqlite" or "postgresql"). */
const char *store_backend(const struct store *st);

/* store_max_writers: how many write transactions on the database can make progress at once,
 * or 0 for no such limit: SQLite 1 (a second one waits for the write lock in its busy
 * handler), PostgreSQL 0. The server sizes its writer threads by it (web/writeq.h). */
int store_max_writers(const struct store *st);

/* store_schema_version: the schema version in the database (0 for an empty one). */
int store_schema_version(struct store *st);

/* store_schema_latest: the newest schema version this program knows. */
int store_schema_latest(void);

/* store_analyze: after a load that changed many rows (lup demo, lup copy, an import), outside a
 * transaction: refreshes the query planner's statistics where the backend keeps them and what
 * else a bulk load leaves to do. PostgreSQL: VACUUM (ANALYZE): until autovacuum gets to a fresh
 * database its planner guesses (e.g. the district comparison read 8 times the pages it reads
 * with statistics), and until a VACUUM marks the new pages all-visible an index-only scan still
 * reads every row's page (the district's yearly totals: twice the time). SQLite: no statistics
 * (the statements fix its plans, and statistics would change them); the full-text search
 * indexes are merged into one segment each (a search looks its words up in every segment).
 * Returns LUP_OK, or an error (LUP_EDB; also inside a transaction on PostgreSQL). */
int store_analyze(struct store *st, struct err *e);

/*
 * store_migrate: upgrades the schema to `target` (0 = latest), one migration per
 * transaction; a failing migration is rolled back and reported. *from and *to (may be
 * NULL) receive the versions before and after. Errors: LUP_EDB, LUP_EVERSION.
 */
int store_migrate(struct store *st, int target, int *from, int *to, struct err *e);

/* Transactions. store_begin starts a write transaction (nesting is an error: LUP_EDB). */
int store_begin(struct store *st, struct err *e);
int store_commit(struct store *st, struct err *e);
/* store_begin_read: starts a read transaction, so that many reads see one snapshot and take
 * the database's locks once. End it with store_rollback. */
int store_begin_read(struct store *st, struct err *e);
/* store_rollback: rolls back the open transaction; harmless when none is open. */
void store_rollback(struct store *st);
/* store_read_last: the next store_query or store_query_many is the open read transaction's
 * last read: the backend may end the transaction with it (PostgreSQL: its ROLLBACK in the same
 * round trip, not a message of its own after the response). A read after it still works, in a
 * snapshot of its own; store_rollback is still called and harmless. No effect outside a read
 * transaction (store_begin_read) or on SQLite. */
void store_read_last(struct store *st);

/*
 * store_exec: runs a write statement with nargs bound values. *id (may be NULL) receives
 * the new row's id when the statement inserted one, else 0. *changed (may be NULL) receives
 * the number of rows the statement changed. Errors: LUP_ECONFLICT (constraint), LUP_EDB.
 */
int store_exec(struct store *st, enum stmt s, const struct sval *args, int nargs,
	       int64_t *id, int *changed, struct err *e);

/*
 * Bulk writes: many rows of one write statement in few round trips (the importers' values).
 * s is a bulk statement (STMT_*_BULK): per row it means what its per-row statement means with
 * the same nargs values (STMT_OUTCOME_UPSERT_BULK: STMT_OUTCOME_UPSERT), and the first nkeys
 * values are the row's key (its ON CONFLICT target). Rows are applied in the order added, as
 * that many store_exec calls would apply them, and the changed count is the same: a row whose
 * key is already pending applies the pending rows first. SQLite runs the per-row statement for
 * each row as it is added; PostgreSQL streams rows with COPY into a temporary staging table and
 * applies them with one set-based statement when a batch is full, at store_bulk_flush and at
 * store_bulk_end. So a read of what was added sees it only after store_bulk_flush.
 * Must run inside a write transaction (store_begin): a failure leaves the transaction to be
 * rolled back, and a rollback undoes every row. At most one bulk per store at a time.
 *
 * store_bulk_begin: starts a bulk of statement s (nargs values per row, 1..16; 1 <= nkeys <=
 * nargs) on st in *out. Errors: LUP_EDB (no bulk statement, too many values; PostgreSQL: no
 * write transaction open).
 * store_bulk_add: adds one row of nargs values (text is copied). Errors: as store_exec, the
 * message naming the statement.
 * store_bulk_flush: applies the pending rows now.
 * store_bulk_end: applies the pending rows and frees b (also on an error); *changed (may be
 * NULL) receives the rows changed by the whole bulk, as the sum of store_exec's counts.
 * store_bulk_free: frees b, dropping rows not yet applied; NULL is accepted.
 */
struct store_bulk;
int store_bulk_begin(struct store *st, enum stmt s, int nargs, int nkeys, struct store_bulk **out,
		     struct err *e);
int store_bulk_add(struct store_bulk *b, const struct sval *args, struct err *e);
int store_bulk_flush(struct store_bulk *b, struct err *e);
int store_bulk_end(struct store_bulk *b, int64_t *changed, struct err *e);
void store_bulk_free(struct store_bulk *b);

#define STORE_BULK_MAX_ARGS 16

/* store_row_fn: called per result row; return non-zero to stop early (store_query returns 0). */
typedef int (*store_row_fn)(void *ctx, const struct store_row *row);

/*
 * store_query: runs a read statement and calls fn for each row. Returns LUP_OK or LUP_EDB.
 */
int store_query(struct store *st, enum stmt s, const struct sval *args, int nargs,
		store_row_fn fn, void *ctx, struct err *e);

/*
 * store_query_many: runs n read statements (0 <= n <= STORE_QUERY_MAX) that do not depend on
 * each other, as n store_query calls in order would: q[i].fn receives the rows of q[i].s (with
 * q[i].nargs values q[i].args) with q[i].ctx, all rows of q[0] before any of q[1], and a
 * non-zero return stops that statement's rows only. SQLite runs them one after another;
 * PostgreSQL sends them together in one round trip (docs/postgresql.md), so a view's
 * independent reads cost one trip, not n. Inside store_begin_read they read one snapshot.
 * Errors: LUP_EDB (LUP_EBUSY: the server is unreachable; LUP_EDB also for n out of range), the
 * message naming the first statement that failed; the fns may then have received rows of the
 * statements before it (callers drop what they collected). On PostgreSQL a failure inside a
 * transaction aborts it, as one store_query's would: end it with store_rollback.
 */
#define STORE_QUERY_MAX 16
struct store_q {
	enum stmt s;
	const struct sval *args;
	int nargs;
	store_row_fn fn;
	void *ctx;
};
int store_query_many(struct store *st, const struct store_q *q, int n, struct err *e);

/*
 * store_query_id: runs a statement whose first column is an integer and returns the first
 * row's value in *id (0 when there is no row). Returns LUP_OK or LUP_EDB.
 */
int store_query_id(struct store *st, enum stmt s, const struct sval *args, int nargs,
		   int64_t *id, struct err *e);

/* Row access: column count, name, type, and values. Text is valid until fn returns;
 * a NULL column reads as NULL text, 0 or 0.0. */
int store_ncols(const struct store_row *r);
const char *store_col_name(const struct store_row *r, int i);
enum sv_type store_col_type(const struct store_row *r, int i);
int64_t store_col_int(const struct store_row *r, int i);
double store_col_real(const struct store_row *r, int i);
const char *store_col_text(const struct store_row *r, int i);

/* One column's value read in one call: its type, and its integer (SV_INT), number (SV_REAL)
 * or text with its length in bytes (SV_TEXT); s is NULL but for SV_TEXT. */
struct store_cell {
	enum sv_type t;
	int64_t i;
	double d;
	const char *s;
	size_t len;
};

/* store_col_cell: column i of r into *c, as store_col_type and then store_col_int, _real or
 * _text would give it, in one call (SQLite: one column lookup, and the length without strlen:
 * the stored bytes, so a NUL inside a text, which lup does not write, would count). Text is
 * valid until fn returns. */
void store_col_cell(const struct store_row *r, int i, struct store_cell *c);

/* store_check_fn: receives one problem found by store_check. */
typedef void (*store_check_fn)(void *ctx, const char *what, const char *detail);

/*
 * store_check: runs the backend's integrity check, the foreign-key check and every
 * domain-invariant statement (STMT_CHECK_*), calling fn once per problem. *problems
 * receives the count. Returns LUP_OK when the checks ran (even with problems), else LUP_EDB.
 */
int store_check(struct store *st, store_check_fn fn, void *ctx, int *problems, struct err *e);

/*
 * store_backup: writes a consistent copy of the open database to path (online: readers and
 * writers may go on). An existing file at path is replaced. Errors: LUP_EIO, LUP_EDB.
 */
int store_backup(struct store *st, const char *path, struct err *e);

/*
 * store_search: full-text search for the words a user typed (raw text, at most 200 bytes used):
 * the store splits it into words (a word of fewer than 3 characters, and words after the 8th,
 * are left out and counted in *dropped), finds goals, measures, activities, indicators,
 * commission measures and responses matching every word (case- and diacritic-insensitive, parts
 * of words), and calls fn per hit (at most limit hits) with the columns (kind, id, label,
 * context, detail, link_key, link_year, title_hl, body_hl, half). A hit of half 2 (only the
 * words without diacritics found it) has each match in its _hl columns marked between \001
 * and \002; a hit of half 1 (its text holds every word) has its title and body unmarked, for
 * the caller to mark with search_mark (search-words.h) where it shows them. Only public content
 * (sql-public.h PUB_*). Returns LUP_OK (also for no words: no hits), LUP_EDB.
 */
int store_search(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
		 void *ctx, struct err *e);

/* store_copy_fn: receives each copied table with its row counts in the source and the target. */
typedef void (*store_copy_fn)(void *ctx, const char *table, int64_t from_rows, int64_t to_rows);

/*
 * store_copy: copies every row of every data table of from into to (both at this program's
 * schema; the backends may differ: SQLite to PostgreSQL and back), in ONE write transaction on
 * to: the target's rows are replaced, foreign keys are checked at the commit, the search index
 * is rebuilt by the target's triggers, and the row counts of every table are compared before
 * the commit (a difference rolls everything back). Unless replace, a target holding
 * organisations is refused (LUP_ECONFLICT) so that no data is overwritten by mistake. report
 * (may be NULL) receives each table's counts. Errors: LUP_ECONFLICT, LUP_EINVAL (the two
 * schemas differ: a table is missing), LUP_EDB, LUP_EBUSY.
 */
int store_copy(struct store *from, struct store *to, int replace, store_copy_fn report, void *ctx,
	       struct err *e);

#endif
