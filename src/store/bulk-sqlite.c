/* bulk-sqlite.c: store_bulk_* (store.h) on SQLite: each row runs the bulk statement's SQLite text
 * (the per-row statement's text: sql-sqlite.c) through the backend's exec as it is added, which
 * in one transaction is as fast as SQLite can go (no round trips to save). */
#include "store/backend.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <stdlib.h>

int bulk_sqlite_begin(struct store *st, enum stmt s, int nargs, int nkeys, struct store_bulk **out,
		      struct err *e)
{
	struct store_bulk *b = xcalloc(1, sizeof(*b));

	(void)e;
	b->ops = st->ops;
	b->st = st;
	b->s = s;
	b->nargs = nargs;
	b->nkeys = nkeys;
	*out = b;
	return LUP_OK;
}

int bulk_sqlite_add(struct store_bulk *b, const struct sval *args, struct err *e)
{
	int changed = 0, rc = b->st->ops->exec(b->st, b->s, args, b->nargs, NULL, &changed, e);

	b->changed += changed;
	if (rc != LUP_OK)
		err_prefix(e, "statement %s: ", store_stmt_name((int)b->s));
	return rc;
}

int bulk_sqlite_flush(struct store_bulk *b, struct err *e)
{
	(void)b;
	(void)e;
	return LUP_OK;
}

void bulk_sqlite_free(struct store_bulk *b)
{
	free(b);
}
