/* idlist.h: a growing list of row ids read from a statement, and the check of a reorder request
 * against it (the themes' and the measures' order). */
#ifndef LUP_EDIT_IDLIST_H
#define LUP_EDIT_IDLIST_H

#include <stdint.h>

struct store_row;

struct idlist {
	int n, cap;
	int64_t *id;	/* malloc'd; free with free(l.id) */
};

/* idlist_row: a store_query callback (ctx: struct idlist) appending the row's column 0. */
int idlist_row(void *ctx, const struct store_row *row);

/* idlist_is_permutation: 1 when ids[0..n) names each of have's ids exactly once, else 0. */
int idlist_is_permutation(const struct idlist *have, const int64_t *ids, int n);

#endif
