/* copy.c: store_copy, a whole database from one store to another, backend to backend
 * (SQLite <-> PostgreSQL), through each backend's copy operations (backend.h). */
#include "store/backend.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABLES_MAX 200
#define COLS_MAX 64

int store_plain_ident(const char *s)
{
	size_t n = 0;

	if (!s || !((*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (; s[n]; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '_'))
			return 0;
	return n <= 63;
}

int store_copy_insert_sql(char *buf, size_t n, const char *table, int ncols, const char *const *cols, char mark)
{
	size_t len = 0;
	int w = snprintf(buf, n, "INSERT INTO \"%s\" (", table);

	for (int i = 0; w >= 0 && (size_t)w < n - len && i < ncols; i++) {
		len += (size_t)w;
		w = snprintf(buf + len, n - len, "%s\"%s\"", i ? ", " : "", cols[i]);
	}
	for (int i = 0; w >= 0 && (size_t)w < n - len && i < ncols; i++) {
		len += (size_t)w;
		w = snprintf(buf + len, n - len, "%s%c%d", i ? ", " : ") VALUES (", mark, i + 1);
	}
	if (w < 0 || (size_t)w >= n - len)
		return -1;
	len += (size_t)w;
	w = snprintf(buf + len, n - len, ")");
	return w < 0 || (size_t)w >= n - len ? -1 : 0;
}

struct names {
	char *name[TABLES_MAX];
	int n;
};

static int add_name(void *ctx, const struct store_row *r)
{
	struct names *t = ctx;
	const char *s = store_col_text(r, 0);

	if (t->n < TABLES_MAX && s)
		t->name[t->n++] = xstrdup(s);
	return t->n == TABLES_MAX;
}

static void free_names(struct names *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->name[i]);
	t->n = 0;
}

/* One table's rows on their way: each source row is written to the target as it comes. */
struct pass {
	struct store *to;
	const char *table;
	struct err *e;
	int rc;
	int64_t rows;
};

static int copy_row(void *ctx, const struct store_row *r)
{
	struct pass *p = ctx;
	const char *cols[COLS_MAX];
	struct sval vals[COLS_MAX];
	int n = store_ncols(r);

	if (n > COLS_MAX) {
		p->rc = err_set(p->e, LUP_EDB, "table %s has more than %d columns", p->table, COLS_MAX);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		cols[i] = store_col_name(r, i);
		switch (store_col_type(r, i)) {
		case SV_NULL: vals[i] = sv_null(); break;
		case SV_INT: vals[i] = sv_int(store_col_int(r, i)); break;
		case SV_REAL: vals[i] = sv_real(store_col_real(r, i)); break;
		default: vals[i] = sv_text(store_col_text(r, i)); break;
		}
		if (!store_plain_ident(cols[i])) {
			p->rc = err_set(p->e, LUP_EDB, "table %s: column name '%s' is not a plain identifier",
					p->table, cols[i]);
			return 1;
		}
	}
	if ((p->rc = p->to->ops->copy_write(p->to, p->table, n, cols, vals, p->e)) != LUP_OK) {
		err_prefix(p->e, "table %s: ", p->table);
		return 1;
	}
	p->rows++;
	return 0;
}

/* same_tables: the two lists (sorted by name by the backends) name the same tables. */
static int same_tables(const struct names *a, const struct names *b, struct err *e)
{
	int i = 0, j = 0;

	while (i < a->n || j < b->n) {
		int c = i == a->n ? 1 : j == b->n ? -1 : strcmp(a->name[i], b->name[j]);
		if (c < 0)
			return err_set(e, LUP_EINVAL, "table %s is in the source but not in the target"
				       " (are both at this program's schema?)", a->name[i]);
		if (c > 0)
			return err_set(e, LUP_EINVAL, "table %s is in the target but not in the source"
				       " (are both at this program's schema?)", b->name[j]);
		i++, j++;
	}
	return LUP_OK;
}

/* copy_all: every table's rows, then the counts compared. */
static int copy_all(struct store *from, struct store *to, const struct names *t, store_copy_fn report,
		    void *ctx, struct err *e)
{
	int rc;

	for (int i = 0; i < t->n; i++) {
		struct pass p = { to, t->name[i], e, LUP_OK, 0 };
		int64_t a = 0, b = 0;
		if (!store_plain_ident(t->name[i]))
			return err_set(e, LUP_EDB, "table name '%s' is not a plain identifier", t->name[i]);
		if ((rc = from->ops->copy_read(from, t->name[i], copy_row, &p, e)) != LUP_OK)
			return rc;
		if (p.rc != LUP_OK)
			return p.rc;
		if ((rc = from->ops->copy_count(from, t->name[i], &a, e)) != LUP_OK ||
		    (rc = to->ops->copy_count(to, t->name[i], &b, e)) != LUP_OK)
			return rc;
		if (a != b || a != p.rows)
			return err_set(e, LUP_EDB, "table %s: %lld rows in the source, %lld copied, %lld in the"
				       " target: nothing was copied", t->name[i], (long long)a,
				       (long long)p.rows, (long long)b);
		if (report)
			report(ctx, t->name[i], a, b);
	}
	return LUP_OK;
}

int store_copy(struct store *from, struct store *to, int replace, store_copy_fn report, void *ctx,
	       struct err *e)
{
	struct names a = { .n = 0 }, b = { .n = 0 };
	int64_t orgs = 0;
	int rc;

	if (store_schema_version(from) != store_schema_latest() || store_schema_version(to) != store_schema_latest())
		return err_set(e, LUP_EINVAL, "both databases must be at schema version %d (run 'lup init' on each)",
			       store_schema_latest());
	if ((rc = from->ops->copy_tables(from, add_name, &a, e)) != LUP_OK ||
	    (rc = to->ops->copy_tables(to, add_name, &b, e)) != LUP_OK ||
	    (rc = same_tables(&a, &b, e)) != LUP_OK)
		goto out;
	if ((rc = to->ops->copy_count(to, "organisation", &orgs, e)) != LUP_OK)
		goto out;
	if (orgs && !replace) {
		rc = err_set(e, LUP_ECONFLICT, "the target database already holds data (%lld organisations):"
			     " give --replace to overwrite it", (long long)orgs);
		goto out;
	}
	if ((rc = store_begin_read(from, e)) != LUP_OK)
		goto out;
	if ((rc = store_begin(to, e)) != LUP_OK) {
		store_rollback(from);
		goto out;
	}
	if ((rc = to->ops->copy_clear(to, e)) != LUP_OK ||
	    (rc = copy_all(from, to, &a, report, ctx, e)) != LUP_OK ||
	    (rc = to->ops->copy_done(to, e)) != LUP_OK ||
	    (rc = store_commit(to, e)) != LUP_OK) {
		store_rollback(to);
		store_rollback(from);
		goto out;
	}
	store_rollback(from);
	rc = store_analyze(to, e);
out:
	free_names(&a);
	free_names(&b);
	return rc;
}
