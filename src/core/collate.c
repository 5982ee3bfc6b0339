/* collate.c: Swedish ranks of strings: the strings sorted by their primary weights where those
 * decide (a table of the characters names are made of, checked against ICU by test-core), by
 * ICU's comparison where they do not. */
#include "core/collate.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>

/* Primary classes of the characters the shortcut knows, in the order of sv_SE's primary
 * weights (ICU 72, alternate non-ignorable: space, punctuation, digits, letters; é as e, ü as
 * y, Å Ä Ö after Z). 0 is the string's end, Q_UNKNOWN any other character. */
enum { Q_END = 0, Q_SPACE, Q_LOW_LINE, Q_HYPHEN, Q_EN_DASH, Q_COMMA, Q_COLON, Q_FULL_STOP, Q_APOSTROPHE,
       Q_LEFT_PAREN, Q_RIGHT_PAREN, Q_SLASH, Q_AMPERSAND, Q_DIGIT0, Q_A = Q_DIGIT0 + 10, Q_E = Q_A + 4,
       Q_Y = Q_A + 24, Q_A_RING = Q_A + 26, Q_A_DIAERESIS, Q_O_DIAERESIS, Q_UNKNOWN = 63 };

/* The classes of single bytes, each plus one (0: a byte the table does not know): the ASCII
 * characters', and Q_LEAD_C3 and Q_LEAD_E2 for the leads of the two-byte and three-byte
 * characters it knows. */
enum { Q_LEAD_C3 = 64, Q_LEAD_E2 };
#define Q_RUN2(c, q) [c] = q + 1, [c + 1] = q + 2
#define Q_RUN10(c, q) Q_RUN2(c, q), Q_RUN2(c + 2, q + 2), Q_RUN2(c + 4, q + 4), Q_RUN2(c + 6, q + 6), \
	Q_RUN2(c + 8, q + 8)
#define Q_RUN26(c, q) Q_RUN10(c, q), Q_RUN10(c + 10, q + 10), Q_RUN2(c + 20, q + 20), \
	Q_RUN2(c + 22, q + 22), Q_RUN2(c + 24, q + 24)
static const unsigned char byte_class[256] = {
	[0] = Q_END + 1, [' '] = Q_SPACE + 1, ['_'] = Q_LOW_LINE + 1, ['-'] = Q_HYPHEN + 1, [','] = Q_COMMA + 1,
	[':'] = Q_COLON + 1, ['.'] = Q_FULL_STOP + 1, ['\''] = Q_APOSTROPHE + 1, ['('] = Q_LEFT_PAREN + 1,
	[')'] = Q_RIGHT_PAREN + 1, ['/'] = Q_SLASH + 1, ['&'] = Q_AMPERSAND + 1, Q_RUN10('0', Q_DIGIT0),
	Q_RUN26('a', Q_A), Q_RUN26('A', Q_A), [0xC3] = Q_LEAD_C3 + 1, [0xE2] = Q_LEAD_E2 + 1,
};

/* char_class: the class of the character at p (Q_END at the NUL) and its length in bytes. */
static inline int char_class(const unsigned char *p, int *len)
{
	int c = byte_class[*p] - 1;

	*len = 1;
	if (c < 0)
		return Q_UNKNOWN;
	if (c < Q_LEAD_C3)
		return c;
	if (c == Q_LEAD_C3) {
		*len = 2;
		switch (p[1] | 0x20) {	/* the capital's second byte is the small's less 0x20 */
		case 0xA5: return Q_A_RING;
		case 0xA4: return Q_A_DIAERESIS;
		case 0xB6: return Q_O_DIAERESIS;
		case 0xA9: return Q_E;
		case 0xBC: return Q_Y;
		}
		return Q_UNKNOWN;
	}
	if (p[1] == 0x80 && p[2] == 0x93) {
		*len = 3;
		return Q_EN_DASH;
	}
	return Q_UNKNOWN;
}

/* primary: the class of the character at p as a primary weight of its own: Q_UNKNOWN also when
 * the next character is one the table does not know (a combining mark may join it, as a ring
 * makes a into å). Its length in *len. */
static inline int primary(const unsigned char *p, int *len)
{
	int c = char_class(p, len), next;

	if (c != Q_END && c != Q_UNKNOWN && p[*len] >= 0x80 && char_class(p + *len, &next) == Q_UNKNOWN)
		return Q_UNKNOWN;
	return c;
}

#define KEY_CHARS 10	/* classes of 6 bits in a key, from bit 63 down */

/* One string of the input. */
struct item {
	const char *s;
	uint64_t key;		/* the primaries of its first KEY_CHARS characters, Q_UNKNOWN ending them */
	int ix;			/* its index in the input */
};

/* A collate_ranks' collator, opened when first needed. */
struct sort_ctx {
	UCollator *coll;
	int failed;		/* it could not be opened */
};

/* make_key: the primaries of the first KEY_CHARS characters of s as a key. */
static uint64_t make_key(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t key = 0;
	int i = 0, len, c;

	while (i < KEY_CHARS) {
		unsigned b = byte_class[*p];	/* the class plus one */
		i++;
		if (b - 2 < Q_LEAD_C3 - 1 && p[1] < 0x80) {	/* an ASCII character the table knows */
			key = key << 6 | (b - 1);
			p++;
			continue;
		}
		key = key << 6 | (unsigned)(c = primary(p, &len));
		if (c == Q_END || c == Q_UNKNOWN)
			break;
		p += len;
	}
	return key << (4 + 6 * (KEY_CHARS - i));
}

/* key_cmp: the order of two different keys where their primaries decide it, else 0. */
static inline int key_cmp(uint64_t a, uint64_t b)
{
	int shift = 58 - 6 * (__builtin_clzll(a ^ b) / 6);
	unsigned x = (unsigned)(a >> shift) & 63, y = (unsigned)(b >> shift) & 63;

	return x == Q_UNKNOWN || y == Q_UNKNOWN ? 0 : x < y ? -1 : 1;
}

/* walk_cmp: a against b by their primaries where the table decides, from the given bytes on: the
 * first two that differ, both known, decide (primaries decide before any other level); else 0
 * (ask ICU: a character not known, or the same primaries to the end). */
static int walk_cmp(const unsigned char *p, const unsigned char *q)
{
	for (;;) {
		int lp, lq, x = primary(p, &lp), y = primary(q, &lq);
		if (x == Q_UNKNOWN || y == Q_UNKNOWN || (x == Q_END && y == Q_END))
			return 0;
		if (x != y)
			return x < y ? -1 : 1;
		p += lp, q += lq;
	}
}

/* tail_cmp: two different texts by their primaries where the table decides, else 0. Their
 * bytes up to the first that differs give the same collation elements on both sides, so the
 * order is decided from the character holding it on, by walk_cmp, when the character before it
 * is one the table knows (none of those begins a contraction). */
static int tail_cmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	size_t k = 0, j;
	int len;

	while (p[k] == q[k] && p[k])
		k++;
	while (k > 0 && (p[k] & 0xC0) == 0x80)	/* back to the character's first byte */
		k--;
	if (k > 0) {
		for (j = k - 1; j > 0 && (p[j] & 0xC0) == 0x80; j--)
			;
		if (char_class(p + j, &len) == Q_UNKNOWN)
			return 0;
	}
	return walk_cmp(p + k, q + k);
}


/* char_class_n: char_class of the character at p before end (Q_END at end, Q_UNKNOWN for a NUL
 * or a sequence cut by end: ICU reads those, the table does not). */
static inline int char_class_n(const unsigned char *p, const unsigned char *end, int *len)
{
	*len = 1;
	if (p >= end)
		return Q_END;
	if (*p == 0 || (*p >= 0x80 && end - p < (*p == 0xC3 ? 2 : 3)))
		return Q_UNKNOWN;
	return char_class(p, len);
}

/* primary_n: primary of the character at p before end (see primary). */
static inline int primary_n(const unsigned char *p, const unsigned char *end, int *len)
{
	int c = char_class_n(p, end, len), next;

	if (c != Q_END && c != Q_UNKNOWN && p + *len < end && p[*len] >= 0x80 &&
	    char_class_n(p + *len, end, &next) == Q_UNKNOWN)
		return Q_UNKNOWN;
	return c;
}

int collate_quick(const char *a, int na, const char *b, int nb)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	const unsigned char *pe = p + na, *qe = q + nb;
	int n = na < nb ? na : nb, k = 0, lp, lq;

	while (k < n && p[k] == q[k])
		k++;
	while (k > 0 && k < n && (p[k] & 0xC0) == 0x80)	/* back to the character's first byte */
		k--;
	if (k > 0 && k == n && ((k < na && (p[k] & 0xC0) == 0x80) || (k < nb && (q[k] & 0xC0) == 0x80)))
		return 0;	/* one ends inside the other's character */
	if (k > 0) {	/* the character before must be one the table knows (none begins a contraction) */
		int j = k - 1;
		while (j > 0 && (p[j] & 0xC0) == 0x80)
			j--;
		if (char_class_n(p + j, p + k, &lp) == Q_UNKNOWN)
			return 0;
	}
	for (p += k, q += k;; p += lp, q += lq) {	/* walk_cmp, bounded */
		int x = primary_n(p, pe, &lp), y = primary_n(q, qe, &lq);
		if (x == Q_UNKNOWN || y == Q_UNKNOWN || (x == Q_END && y == Q_END))
			return 0;
		if (x != y)
			return x < y ? -1 : 1;
	}
}

/* icu_cmp: ICU's Swedish order of two texts (ucol_strcollUTF8), the collator opened in x on
 * first use; 0 when it cannot be (x->failed). */
static int icu_cmp(struct sort_ctx *x, const char *a, const char *b)
{
	UErrorCode status = U_ZERO_ERROR;

	if (!x->coll && !x->failed) {
		x->coll = ucol_open("sv_SE", &status);
		x->failed = U_FAILURE(status);
		status = U_ZERO_ERROR;
	}
	return x->failed ? 0 : (int)ucol_strcollUTF8(x->coll, a, -1, b, -1, &status);
}

/* coll_cmp: the Swedish order of two items' texts (not NULL): their keys where the table
 * decides, 0 for the same bytes, their bytes from the first that differs (tail_cmp), else
 * ICU's comparison. */
static inline int coll_cmp(struct sort_ctx *x, const struct item *a, const struct item *b)
{
	int quick;

	if (a->key != b->key)
		quick = key_cmp(a->key, b->key);
	else if (a->s == b->s || strcmp(a->s, b->s) == 0)	/* lists repeat names: the bytes first */
		return 0;
	else
		quick = tail_cmp(a->s, b->s);
	return quick ? quick : icu_cmp(x, a->s, b->s);
}

/* text_cmp: byte order of two texts, NULL first. */
static int text_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* before: whether item a comes before b: by Swedish order of their texts (NULL first), then by
 * bytes, then by index (a total order: equal texts side by side). */
static inline int before(struct sort_ctx *x, const struct item *a, const struct item *b)
{
	int c;

	if (!a->s || !b->s)
		c = (a->s != NULL) - (b->s != NULL);
	else if ((c = coll_cmp(x, a, b)) == 0)
		c = strcmp(a->s, b->s);
	return c ? c < 0 : a->ix < b->ix;
}

/* sort_items: d[0..n) in the order of before (a merge sort, tmp as large as d: the comparison
 * inlined, where qsort would call it through a pointer). */
static void sort_items(struct sort_ctx *x, const struct item **d, const struct item **tmp, int n)
{
	const struct item **from = d, **to = tmp, **t;

	for (int i = 1; i < n; i++) {	/* runs of 4 by insertion */
		const struct item *v = d[i];
		int j = i;
		for (; j > (i & ~3) && before(x, v, d[j - 1]); j--)
			d[j] = d[j - 1];
		d[j] = v;
	}
	for (int w = 4; w < n; w *= 2, t = from, from = to, to = t)
		for (int lo = 0; lo < n; lo += 2 * w) {
			int mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n, i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				to[k++] = before(x, from[j], from[i]) ? from[j++] : from[i++];
			while (i < mid)
				to[k++] = from[i++];
			while (j < hi)
				to[k++] = from[j++];
		}
	if (from != d)
		memcpy(d, from, sizeof(*d) * (size_t)n);
}

/* sort_by_first: d[0..n) in the order of before, placed first by the primary of their first
 * character (a counting sort: the key's top class decides between those, NULL first) and then
 * sorted within each class; all sorted at once when one's first character is not known (ICU
 * may put it anywhere). tmp as large as d. */
static void sort_by_first(struct sort_ctx *x, const struct item **d, const struct item **tmp, int n)
{
	int at[Q_UNKNOWN + 2] = { 0 };	/* per class plus one (0: NULL), where its items start */

	for (int i = 0; i < n; i++) {
		int c = d[i]->s ? (int)(d[i]->key >> 58) + 1 : 0;
		if (c == Q_UNKNOWN + 1) {
			sort_items(x, d, tmp, n);
			return;
		}
		at[c + 1]++;
	}
	for (int c = 1; c <= Q_UNKNOWN + 1; c++)
		at[c] += at[c - 1];
	for (int i = 0; i < n; i++)
		tmp[at[d[i]->s ? (int)(d[i]->key >> 58) + 1 : 0]++] = d[i];
	memcpy(d, tmp, sizeof(*d) * (size_t)n);
	for (int c = 0, from = 0; c <= Q_UNKNOWN && from < n; c++) {	/* at[c]: where class c - 1 ended */
		if (at[c] - from > 1)
			sort_items(x, d + from, tmp, at[c] - from);
		from = at[c];
	}
}

/* same_place: whether the text of b, which sorts after a's, is equal to it for the collator. */
static int same_place(struct sort_ctx *x, const struct item *a, const struct item *b)
{
	if (!a->s || !b->s)
		return a->s == b->s;
	return strcmp(a->s, b->s) == 0 || coll_cmp(x, a, b) == 0;
}

int collate_ranks(const char *const *s, int n, int *rank)
{
	struct sort_ctx x = { NULL, 0 };
	struct item *it;
	const struct item **d;
	int place = 0, distinct = 0;

	if (n <= 0)
		return 0;
	it = xmalloc(sizeof(*it) * (size_t)n);
	d = xmalloc(sizeof(*d) * (size_t)n * 2);
	for (int i = 0; i < n; i++) {	/* a text as the one before (lists repeat names): its key */
		int again = i > 0 && s[i] && s[i - 1] && strcmp(s[i], s[i - 1]) == 0;
		it[i] = (struct item){ .s = s[i], .key = again ? it[i - 1].key : s[i] ? make_key(s[i]) : 0, .ix = i };
		d[i] = &it[i];
	}
	sort_by_first(&x, d, d + n, n);
	/* a place is the number of distinct texts before it that the collator orders before it */
	for (int i = 0; i < n; i++) {
		if (i > 0 && text_cmp(d[i - 1]->s, d[i]->s) == 0) {
			rank[d[i]->ix] = place;
			continue;
		}
		if (i == 0 || !same_place(&x, d[i - 1], d[i]))
			place = distinct;
		distinct++;
		rank[d[i]->ix] = place;
	}
	if (x.coll)
		ucol_close(x.coll);
	free(d);
	free(it);
	return x.failed ? -1 : 0;
}
