/* bulk-pg.c: store_bulk_* (store.h) on PostgreSQL: the rows of a bulk are kept in C as COPY text
 * (one line per row: the values, tab-separated, \t \n \r \\ escaped, NULL as \N, then the row's
 * number), streamed with COPY ... FROM STDIN into the session's temporary staging table
 * (sql-pg.h PG_BULK_TABLE, dropped at the commit) and applied by ONE set-based statement, the
 * bulk statement's text (sql-pg*.c), when a batch is full and at flush and end. A batch holds
 * each key (the first nkeys values) once: a row whose key is pending applies the batch first, so
 * the set-based statement changes what that many per-row statements would, and counts the same.
 * A flush costs three round trips (COPY; its data and end; the statement with the TRUNCATE of
 * the staging table) however many rows it holds. */
#include "store/backend.h"
#include "store/sql-pg.h"
#include "store/pg-int.h"
#include "core/buf.h"
#include "core/hash.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BULK_ROWS 8192			/* rows per batch */
#define BULK_BYTES ((size_t)4 << 20)	/* COPY text per batch (a batch may pass it by one row) */
#define BULK_SLOTS (2 * BULK_ROWS)	/* the pending keys' hash table (a power of two) */
#define BULK_ROW_MAX ((size_t)16 << 20)	/* one row's COPY text */

/* a pending key: bytes [off, off + len) of rows (0 len: a free slot) */
struct bulk_key {
	uint32_t hash;
	size_t off, len;
};

struct bulk_pg {
	struct store_bulk base;		/* first: what store.c reads */
	PGconn *conn;
	struct buf rows;		/* the pending rows' COPY text */
	struct buf row;			/* the row being added */
	int nrows;
	int64_t next;			/* the next row's number (n) */
	struct bulk_key *slot;		/* BULK_SLOTS */
	char copy[300];			/* COPY lup_bulk (a1, ..., aN, n) FROM STDIN */
	char what[80];			/* "statement NAME" for messages */
};

#define BP(x) ((struct bulk_pg *)(x))

/* add_text: s in COPY's text format: backslash, tab, newline and carriage return escaped */
static int add_text(struct buf *b, const char *s)
{
	const char *run = s;
	int rc = 0;

	for (; *s; s++) {
		const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r" : NULL;
		if (!esc)
			continue;
		rc |= buf_add(b, run, (size_t)(s - run));
		rc |= buf_adds(b, esc);
		run = s + 1;
	}
	rc |= buf_adds(b, run);
	return rc;
}

/* add_value: v in COPY's text format (numbers as store-pg.c binds them) */
static int add_value(struct buf *b, const struct sval *v)
{
	switch (v->t) {
	case SV_NULL: return buf_adds(b, "\\N");
	case SV_INT: return buf_addf(b, "%" PRId64, v->i);
	case SV_REAL:
		if (isnan(v->d))
			return buf_adds(b, "NaN");
		if (isinf(v->d))
			return buf_adds(b, v->d < 0 ? "-Infinity" : "Infinity");
		return buf_addf(b, "%.17g", v->d);
	case SV_TEXT: return add_text(b, v->s);
	}
	return -1;
}

int bulk_pg_begin(struct store *st, enum stmt s, int nargs, int nkeys, struct store_bulk **out,
		  struct err *e)
{
	struct bulk_pg *b;
	PGconn *conn = store_pg_conn(st);
	PGresult *res;
	int rc = LUP_OK, n;

	*out = NULL;
	if (!pg_sql_text((int)s))
		return err_set(e, LUP_EDB, "statement %s has no PostgreSQL text", store_stmt_name((int)s));
	if (PQtransactionStatus(conn) != PQTRANS_INTRANS)
		return err_set(e, LUP_EDB, "statement %s: a bulk needs an open write transaction",
			       store_stmt_name((int)s));
	res = PQexec(conn, PG_BULK_DDL "; TRUNCATE " PG_BULK_TABLE);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		char what[80];
		snprintf(what, sizeof(what), "statement %s: the staging table", store_stmt_name((int)s));
		rc = store_pg_fail(st, res, e, what);
	}
	PQclear(res);
	if (rc != LUP_OK)
		return rc;
	b = xcalloc(1, sizeof(*b));
	b->base = (struct store_bulk){ st->ops, st, s, nargs, nkeys, 0 };
	b->conn = conn;
	buf_init(&b->rows, 0);
	buf_init(&b->row, BULK_ROW_MAX);
	b->slot = xcalloc(BULK_SLOTS, sizeof(*b->slot));
	n = snprintf(b->copy, sizeof(b->copy), "COPY " PG_BULK_TABLE " (");
	for (int i = 1; i <= nargs; i++)
		n += snprintf(b->copy + n, sizeof(b->copy) - (size_t)n, "a%d, ", i);
	snprintf(b->copy + n, sizeof(b->copy) - (size_t)n, "n) FROM STDIN");
	snprintf(b->what, sizeof(b->what), "statement %s", store_stmt_name((int)s));
	*out = &b->base;
	return LUP_OK;
}

/* fail: res's failure (or the connection's) as "statement NAME (bulk of N rows): ..." */
static int fail(struct bulk_pg *b, PGresult *res, struct err *e)
{
	char what[120];

	snprintf(what, sizeof(what), "%s (bulk of %d rows)", b->what, b->nrows);
	return store_pg_fail(b->base.st, res, e, what);
}

/* copy_rows: streams the pending rows into the staging table */
static int copy_rows(struct bulk_pg *b, struct err *e)
{
	PGresult *res = PQexec(b->conn, b->copy);
	int rc = LUP_OK;

	if (PQresultStatus(res) != PGRES_COPY_IN) {
		rc = fail(b, res, e);
		PQclear(res);
		return rc;
	}
	PQclear(res);
	/* on a failed send the end still goes out, so that the connection leaves COPY mode */
	if (PQputCopyData(b->conn, b->rows.ptr, (int)b->rows.len) != 1) {
		rc = fail(b, NULL, e);
		PQputCopyEnd(b->conn, "lup: the rows could not be sent");
	} else if (PQputCopyEnd(b->conn, NULL) != 1)
		rc = fail(b, NULL, e);
	while ((res = PQgetResult(b->conn))) {
		if (rc == LUP_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = fail(b, res, e);
		PQclear(res);
	}
	return rc;
}

/* apply: runs the bulk statement over the staging table and empties it (one round trip) */
static int apply(struct bulk_pg *b, struct err *e)
{
	char sql[16384];
	PGresult *res;
	int rc = LUP_OK, first = 1;

	if ((size_t)snprintf(sql, sizeof(sql), "%s; TRUNCATE " PG_BULK_TABLE, pg_sql_text((int)b->base.s)) >= sizeof(sql))
		return err_set(e, LUP_EDB, "%s: its text is too long for a bulk", b->what);
	if (!PQsendQuery(b->conn, sql))
		return fail(b, NULL, e);
	while ((res = PQgetResult(b->conn))) {
		if (rc == LUP_OK && PQresultStatus(res) != PGRES_COMMAND_OK)
			rc = fail(b, res, e);
		else if (rc == LUP_OK && first)
			b->base.changed += strtoll(PQcmdTuples(res), NULL, 10);
		first = 0;
		PQclear(res);
	}
	return rc;
}

int bulk_pg_flush(struct store_bulk *base, struct err *e)
{
	struct bulk_pg *b = BP(base);
	int rc;

	if (!b->nrows)
		return LUP_OK;
	rc = copy_rows(b, e);
	if (rc == LUP_OK)
		rc = apply(b, e);
	buf_reset(&b->rows);
	memset(b->slot, 0, BULK_SLOTS * sizeof(*b->slot));
	b->nrows = 0;
	return rc;
}

/* find_key: the slot of key (len bytes, hash h) among the pending rows: its own, or the free
 * one where it goes */
static struct bulk_key *find_key(struct bulk_pg *b, const char *key, size_t len, uint32_t h)
{
	size_t i = h & (BULK_SLOTS - 1);

	for (; b->slot[i].len; i = (i + 1) & (BULK_SLOTS - 1))
		if (b->slot[i].hash == h && b->slot[i].len == len && memcmp(b->rows.ptr + b->slot[i].off, key, len) == 0)
			break;
	return &b->slot[i];
}

int bulk_pg_add(struct store_bulk *base, const struct sval *args, struct err *e)
{
	struct bulk_pg *b = BP(base);
	struct bulk_key *k;
	size_t keylen = 0;
	uint32_t h;
	int rc;

	buf_reset(&b->row);
	for (int i = 0; i < base->nargs; i++) {
		if (i == base->nkeys)
			keylen = b->row.len;
		add_value(&b->row, &args[i]);
		buf_addc(&b->row, '\t');
	}
	if (base->nkeys == base->nargs)
		keylen = b->row.len;
	buf_addf(&b->row, "%" PRId64 "\n", b->next++);
	if (b->row.overflow)
		return err_set(e, LUP_ETOOBIG, "%s: a row of more than %zu bytes", b->what, BULK_ROW_MAX);
	h = hash_fnv1a(b->row.ptr, keylen);
	k = find_key(b, b->row.ptr, keylen, h);
	if (k->len) {	/* the key is pending: apply the batch first, as per-row statements would */
		if ((rc = bulk_pg_flush(base, e)) != LUP_OK)
			return rc;
		k = find_key(b, b->row.ptr, keylen, h);
	}
	*k = (struct bulk_key){ h, b->rows.len, keylen };
	if (buf_add(&b->rows, b->row.ptr, b->row.len) != 0)
		return err_set(e, LUP_ETOOBIG, "%s: the batch passed %zu bytes", b->what, b->rows.max);
	b->nrows++;
	if (b->nrows >= BULK_ROWS || b->rows.len >= BULK_BYTES)
		return bulk_pg_flush(base, e);
	return LUP_OK;
}

void bulk_pg_free(struct store_bulk *base)
{
	struct bulk_pg *b = BP(base);

	if (!b)
		return;
	buf_release(&b->rows);
	buf_release(&b->row);
	free(b->slot);
	free(b);
}
