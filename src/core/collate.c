/* collate.c: Swedish ranks of strings through ICU sort keys, made once per distinct string. */
#include "core/collate.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/uiter.h>

/* One string of the input, and (for the first of each distinct text) its ICU sort key. */
struct item {
	const char *s;
	int ix;			/* its index in the input */
	int place;		/* the distinct text's rank */
	uint8_t *key;
	size_t len;
};

/* text_cmp: byte order of two texts, NULL first. */
static int text_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* by_text: items by byte order of their text; then by index (a total order). */
static int by_text(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	int c = text_cmp(a->s, b->s);

	return c ? c : (a->ix > b->ix) - (a->ix < b->ix);
}

/* by_key: items by sort key (a shorter key that is a prefix first). */
static int by_key(const void *pa, const void *pb)
{
	const struct item *a = *(const struct item *const *)pa, *b = *(const struct item *const *)pb;
	int c = memcmp(a->key, b->key, a->len < b->len ? a->len : b->len);

	return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* sort_key: its ICU sort key (NULL text: the empty key, before every other). Returns 0 or -1. */
static int sort_key(UCollator *coll, struct item *it)
{
	UCharIterator iter;
	uint32_t state[2] = { 0, 0 };
	size_t cap = 64;
	UErrorCode status = U_ZERO_ERROR;

	it->len = 0;
	it->key = xmalloc(cap);
	if (!it->s)
		return 0;
	uiter_setUTF8(&iter, it->s, -1);
	for (;;) {
		int32_t got = ucol_nextSortKeyPart(coll, &iter, state, it->key + it->len,
						   (int32_t)(cap - it->len), &status);
		if (U_FAILURE(status) || got < 0)
			return -1;
		it->len += (size_t)got;
		if (it->len < cap)
			return 0;
		cap *= 2;
		it->key = xrealloc(it->key, cap);
	}
}

/* rank_distinct: the places of the nd distinct items d (their keys made) in Swedish order,
 * equal keys the same place. */
static void rank_distinct(struct item **d, int nd)
{
	qsort(d, (size_t)nd, sizeof(*d), by_key);
	for (int i = 0; i < nd; i++)
		d[i]->place = i > 0 && by_key(&d[i - 1], &d[i]) == 0 ? d[i - 1]->place : i;
}

int collate_ranks(const char *const *s, int n, int *rank)
{
	UErrorCode status = U_ZERO_ERROR;
	UCollator *coll;
	struct item *it, **d;
	int nd = 0, rc = 0;

	if (n <= 0)
		return 0;
	coll = ucol_open("sv_SE", &status);
	if (U_FAILURE(status))
		return -1;
	it = xcalloc((size_t)n, sizeof(*it));
	d = xcalloc((size_t)n, sizeof(*d));
	for (int i = 0; i < n; i++)
		it[i] = (struct item){ .s = s[i], .ix = i };
	/* equal texts side by side: one key each */
	qsort(it, (size_t)n, sizeof(*it), by_text);
	for (int i = 0; i < n && rc == 0; i++)
		if (i == 0 || text_cmp(it[i - 1].s, it[i].s) != 0) {
			d[nd++] = &it[i];
			rc = sort_key(coll, &it[i]);
		}
	if (rc == 0) {
		rank_distinct(d, nd);
		for (int i = 0, first = 0; i < n; i++) {
			if (it[i].key)	/* the first of its text */
				first = i;
			rank[it[i].ix] = it[first].place;
		}
	}
	for (int i = 0; i < n; i++)
		free(it[i].key);
	free(d);
	free(it);
	ucol_close(coll);
	return rc;
}
