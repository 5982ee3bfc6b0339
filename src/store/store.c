/* store.c: store.h's functions, forwarded to the backend that the database address names
 * (backend.h): a postgresql:// address is PostgreSQL, anything else a SQLite file. */
#include "store/backend.h"
#include "store/sql-sqlite.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int store_is_pg_address(const char *a)
{
	return a && (strncmp(a, "postgresql://", 13) == 0 || strncmp(a, "postgres://", 11) == 0 ||
		     strncmp(a, "dbname=", 7) == 0 || strncmp(a, "host=", 5) == 0);
}

/* mask: s (with room for 3 more bytes) with its password replaced by ***. */
static void mask(char *s)
{
	char *at, *colon, *pw, *scheme = strstr(s, "://");

	at = scheme ? strchr(scheme + 3, '@') : NULL;
	colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
	if (colon && at - colon > 1) {	/* user:secret@ -> user:***@ */
		memmove(colon + 4, at, strlen(at) + 1);
		memcpy(colon + 1, "***", 3);
	}
	if ((pw = strstr(s, "password=")) != NULL) {
		char *end = pw + 9;
		while (*end && *end != ' ' && *end != '&')
			end++;
		memmove(pw + 12, end, strlen(end) + 1);
		memcpy(pw + 9, "***", 3);
	}
}

const char *store_shown_address(const char *a, char *buf, size_t n)
{
	char *s;

	if (!a || !store_is_pg_address(a)) {
		snprintf(buf, n, "%s", a ? a : "");
		return buf;
	}
	s = xmalloc(strlen(a) + 8);	/* masked whole, then cut: no part of a secret shows */
	memcpy(s, a, strlen(a) + 1);
	mask(s);
	snprintf(buf, n, "%s", s);
	free(s);
	return buf;
}

int store_open(const char *address, int flags, struct store **out, struct err *e)
{
	*out = NULL;
	if (!address || !*address)
		return err_set(e, LUP_EUSAGE, "no database address given");
	if (store_is_pg_address(address))
		return store_pg_ops.open(address, flags, out, e);
	return store_sqlite_ops.open(address, flags, out, e);
}

void store_close(struct store *st)
{
	if (st)
		st->ops->close(st);
}

const char *store_backend(const struct store *st) { return st->ops->name; }
int store_max_writers(const struct store *st) { return st->ops->max_writers; }

#define STMT_NAME_(n) #n,
static const char *const stmt_names[] = { STMT_LIST(STMT_NAME_) };

const char *store_stmt_name(int s)
{
	return s >= 0 && s < STMT__MAX ? stmt_names[s] : "?";
}

int store_schema_latest(void)
{
	int v = 0;

	for (const struct sql_migration *m = sqlite_migrations; m->sql; m++)
		if (m->version > v)
			v = m->version;
	return v;
}

void store_set_viewer(struct store *st, enum store_view view, int64_t org, int64_t org_pair)
{
	st->ops->set_viewer(st, view, org, org_pair);
}

int store_schema_version(struct store *st) { return st->ops->schema_version(st); }

int store_analyze(struct store *st, struct err *e)
{
	return st->ops->analyze(st, e);
}

int store_migrate(struct store *st, int target, int *from, int *to, struct err *e)
{
	return st->ops->migrate(st, target, from, to, e);
}

int store_begin(struct store *st, struct err *e) { return st->ops->begin(st, e); }
int store_begin_read(struct store *st, struct err *e) { return st->ops->begin_read(st, e); }
int store_commit(struct store *st, struct err *e) { return st->ops->commit(st, e); }
void store_rollback(struct store *st) { st->ops->rollback(st); }

void store_read_last(struct store *st)
{
	if (st->ops->read_last)
		st->ops->read_last(st);
}

int store_exec(struct store *st, enum stmt s, const struct sval *args, int nargs,
	       int64_t *id, int *changed, struct err *e)
{
	return st->ops->exec(st, s, args, nargs, id, changed, e);
}

int store_query(struct store *st, enum stmt s, const struct sval *args, int nargs,
		store_row_fn fn, void *ctx, struct err *e)
{
	return st->ops->query(st, s, args, nargs, fn, ctx, e);
}

int store_query_many(struct store *st, const struct store_q *q, int n, struct err *e)
{
	if (n < 0 || n > STORE_QUERY_MAX)
		return err_set(e, LUP_EDB, "store_query_many: %d statements (at most %d)", n, STORE_QUERY_MAX);
	return n ? st->ops->query_many(st, q, n, e) : LUP_OK;
}

int store_q_name_err(struct err *e, enum stmt s, int code)
{
	const char *name = store_stmt_name((int)s);
	size_t n = strlen(name);
	char stated[96];

	if (!e)
		return code;
	snprintf(stated, sizeof(stated), "statement %s", name);
	if (!(strncmp(e->msg, name, n) == 0 && e->msg[n] == ':') && !strstr(e->msg, stated))
		err_prefix(e, "%s: ", name);
	return code;
}

int store_query_seq(struct store *st, const struct store_q *q, int n, struct err *e)
{
	int rc;

	for (int i = 0; i < n; i++)
		if ((rc = st->ops->query(st, q[i].s, q[i].args, q[i].nargs, q[i].fn, q[i].ctx, e)) != LUP_OK)
			return store_q_name_err(e, q[i].s, rc);
	return LUP_OK;
}

/* is_bulk: whether statement s is a bulk statement (its name ends in _BULK) */
static int is_bulk(enum stmt s)
{
	const char *n = store_stmt_name((int)s);
	size_t len = strlen(n);

	return len > 5 && strcmp(n + len - 5, "_BULK") == 0;
}

int store_bulk_begin(struct store *st, enum stmt s, int nargs, int nkeys, struct store_bulk **out,
		     struct err *e)
{
	*out = NULL;
	if (!is_bulk(s))
		return err_set(e, LUP_EDB, "statement %s is no bulk statement", store_stmt_name((int)s));
	if (nargs < 1 || nargs > STORE_BULK_MAX_ARGS || nkeys < 1 || nkeys > nargs)
		return err_set(e, LUP_EDB, "bulk %s: %d values with %d keys (at most %d values)",
			       store_stmt_name((int)s), nargs, nkeys, STORE_BULK_MAX_ARGS);
	return st->ops->bulk_begin(st, s, nargs, nkeys, out, e);
}

int store_bulk_add(struct store_bulk *b, const struct sval *args, struct err *e)
{
	return b->ops->bulk_add(b, args, e);
}

int store_bulk_flush(struct store_bulk *b, struct err *e)
{
	return b->ops->bulk_flush(b, e);
}

int store_bulk_end(struct store_bulk *b, int64_t *changed, struct err *e)
{
	int rc = b->ops->bulk_flush(b, e);

	if (changed)
		*changed = rc == LUP_OK ? b->changed : 0;
	b->ops->bulk_free(b);
	return rc;
}

void store_bulk_free(struct store_bulk *b)
{
	if (b)
		b->ops->bulk_free(b);
}

static int first_id(void *ctx, const struct store_row *r)
{
	*(int64_t *)ctx = store_col_int(r, 0);
	return 1;
}

int store_query_id(struct store *st, enum stmt s, const struct sval *args, int nargs,
		   int64_t *id, struct err *e)
{
	*id = 0;
	return store_query(st, s, args, nargs, first_id, id, e);
}

int store_ncols(const struct store_row *r) { return r->ops->ncols(r); }
const char *store_col_name(const struct store_row *r, int i) { return r->ops->col_name(r, i); }
enum sv_type store_col_type(const struct store_row *r, int i) { return r->ops->col_type(r, i); }
int64_t store_col_int(const struct store_row *r, int i) { return r->ops->col_int(r, i); }
double store_col_real(const struct store_row *r, int i) { return r->ops->col_real(r, i); }
const char *store_col_text(const struct store_row *r, int i) { return r->ops->col_text(r, i); }

void store_col_cell(const struct store_row *r, int i, struct store_cell *c)
{
	if (r->ops->col_cell) {
		r->ops->col_cell(r, i, c);
		return;
	}
	*c = (struct store_cell){ .t = r->ops->col_type(r, i) };
	if (c->t == SV_INT)
		c->i = r->ops->col_int(r, i);
	else if (c->t == SV_REAL)
		c->d = r->ops->col_real(r, i);
	else if (c->t == SV_TEXT && (c->s = r->ops->col_text(r, i)) != NULL)
		c->len = strlen(c->s);
	else
		c->t = SV_NULL;
}

int store_check(struct store *st, store_check_fn fn, void *ctx, int *problems, struct err *e)
{
	return st->ops->check(st, fn, ctx, problems, e);
}

int store_backup(struct store *st, const char *path, struct err *e)
{
	return st->ops->backup(st, path, e);
}

int store_search(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
		 void *ctx, struct err *e)
{
	if (dropped)
		*dropped = 0;
	if (!st->ops->search)
		return err_set(e, LUP_EDB, "search is not available on the %s backend", st->ops->name);
	return st->ops->search(st, q, limit, dropped, fn, ctx, e);
}
