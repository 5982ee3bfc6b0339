/* collate.c: Swedish ranks of strings: the distinct strings sorted by ICU's comparison. */
#include "core/collate.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>

/* One string of the input. */
struct item {
	const char *s;
	int ix;			/* its index in the input */
	int place;		/* the distinct text's rank */
	int first;		/* the first of its text (in byte order) */
};

/* The collator of the running collate_ranks (qsort passes no context); one per thread. */
static _Thread_local UCollator *sort_coll;

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

/* ascii_fold: an ASCII letter's lower case, 0 for any other byte. */
static int ascii_fold(unsigned char c)
{
	c |= 0x20;
	return c >= 'a' && c <= 'z' ? c : 0;
}

/* quick_cmp: the Swedish order of a and b where bytes decide it, else 0 (ask ICU): after a run
 * of bytes that are the same in both (ASCII only: each the same collation elements on both
 * sides, the Swedish tailoring having no contraction of ASCII letters), two ASCII letters
 * that differ other than by case differ at the primary level, which decides before any
 * later difference, in the order of the English alphabet (the tailoring moves only letters
 * outside ASCII: Å, Ä, Ö after Z, Ü as Y, and the like). Any other first difference (a case,
 * a non-letter, a byte past ASCII, an end) is left to ICU. */
static int quick_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	while (*p == *q && *p && *p < 0x80)
		p++, q++;
	for (; *p < 0x80 && *q < 0x80; p++, q++) {
		int x = ascii_fold(*p), y = ascii_fold(*q);
		if (*p == *q && *p)
			continue;
		if (!x || !y)
			return 0;
		if (x != y)
			return x < y ? -1 : 1;
	}
	return 0;
}

/* by_coll: items by Swedish order of their text (sort_coll's), NULL first. One comparison
 * (ucol_strcollUTF8, which stops at the first difference) costs a fraction of a sort key of
 * the tailored Swedish collator: on 210 organisation names the n log n comparisons took a
 * third of the instructions of one key per name. */
static int by_coll(const void *pa, const void *pb)
{
	const struct item *a = *(const struct item *const *)pa, *b = *(const struct item *const *)pb;
	UErrorCode status = U_ZERO_ERROR;

	int quick;

	if (!a->s || !b->s)
		return (a->s != NULL) - (b->s != NULL);
	if ((quick = quick_cmp(a->s, b->s)) != 0)
		return quick;
	return (int)ucol_strcollUTF8(sort_coll, a->s, -1, b->s, -1, &status);
}

/* rank_distinct: the places of the nd distinct items d in Swedish order, equal texts (to the
 * collator) the same place. */
static void rank_distinct(struct item **d, int nd)
{
	qsort(d, (size_t)nd, sizeof(*d), by_coll);
	for (int i = 0; i < nd; i++)
		d[i]->place = i > 0 && by_coll(&d[i - 1], &d[i]) == 0 ? d[i - 1]->place : i;
}

int collate_ranks(const char *const *s, int n, int *rank)
{
	UErrorCode status = U_ZERO_ERROR;
	struct item *it, **d;
	int nd = 0;

	if (n <= 0)
		return 0;
	sort_coll = ucol_open("sv_SE", &status);
	if (U_FAILURE(status))
		return -1;
	it = xcalloc((size_t)n, sizeof(*it));
	d = xcalloc((size_t)n, sizeof(*d));
	for (int i = 0; i < n; i++)
		it[i] = (struct item){ .s = s[i], .ix = i };
	/* equal texts side by side: each compared once */
	qsort(it, (size_t)n, sizeof(*it), by_text);
	for (int i = 0; i < n; i++)
		if (i == 0 || text_cmp(it[i - 1].s, it[i].s) != 0) {
			it[i].first = 1;
			d[nd++] = &it[i];
		}
	rank_distinct(d, nd);
	for (int i = 0, first = 0; i < n; i++) {
		if (it[i].first)
			first = i;
		rank[it[i].ix] = it[first].place;
	}
	free(d);
	free(it);
	ucol_close(sort_coll);
	sort_coll = NULL;
	return 0;
}
