/* idlist.c: row ids and reorder checks (see idlist.h). */
#include "edit/idlist.h"
#include "core/xalloc.h"
#include "store/store.h"

int idlist_row(void *ctx, const struct store_row *row)
{
	struct idlist *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->id = xrealloc(l->id, (size_t)l->cap * sizeof(*l->id));
	}
	l->id[l->n++] = store_col_int(row, 0);
	return 0;
}

int idlist_is_permutation(const struct idlist *have, const int64_t *ids, int n)
{
	if (n != have->n)
		return 0;
	for (int i = 0; i < n; i++) {
		int found = 0;
		for (int k = 0; k < have->n; k++)
			found |= have->id[k] == ids[i];
		for (int k = 0; k < i; k++)
			found &= ids[k] != ids[i];
		if (!found)
			return 0;
	}
	return 1;
}
