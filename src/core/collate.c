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

/* The classes of single bytes: those of the ASCII characters the table knows, Q_LEAD_C3 and
 * Q_LEAD_E2 for the leads of its two-byte and three-byte characters, 0 for any other byte. */
enum { Q_LEAD_C3 = 64, Q_LEAD_E2 };
static const unsigned char byte_class[256] = {
	[' '] = Q_SPACE, ['_'] = Q_LOW_LINE, ['-'] = Q_HYPHEN, [','] = Q_COMMA, [':'] = Q_COLON,
	['.'] = Q_FULL_STOP, ['\''] = Q_APOSTROPHE, ['('] = Q_LEFT_PAREN, [')'] = Q_RIGHT_PAREN,
	['/'] = Q_SLASH, ['&'] = Q_AMPERSAND, [0xC3] = Q_LEAD_C3, [0xE2] = Q_LEAD_E2,
};

/* char_class: the class of the character at p (Q_END at the NUL) and its length in bytes. */
static inline int char_class(const unsigned char *p, int *len)
{
	unsigned char b = *p, l = b | 0x20;
	int c = byte_class[b];

	*len = 1;
	if (l >= 'a' && l <= 'z')
		return Q_A + (l - 'a');
	if ((unsigned)(b - '0') < 10u)
		return Q_DIGIT0 + (b - '0');
	if (c < Q_LEAD_C3)
		return c ? c : b ? Q_UNKNOWN : Q_END;
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

	if (p[*len] >= 0x80 && c != Q_END && c != Q_UNKNOWN && char_class(p + *len, &next) == Q_UNKNOWN)
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

/* The running collate_ranks' collator, opened when first needed (qsort passes no context). */
static _Thread_local struct {
	UCollator *coll;
	int failed;		/* it could not be opened */
} sort_ctx;

/* make_key: the primaries of the first KEY_CHARS characters of s as a key. */
static uint64_t make_key(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t key = 0;

	for (int i = 0, len, c; i < KEY_CHARS; i++, p += len) {
		c = primary(p, &len);
		key |= (uint64_t)c << (58 - 6 * i);
		if (c == Q_END || c == Q_UNKNOWN)
			break;
	}
	return key;
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

/* quick_order: the Swedish order of two items' texts (not NULL) where their primaries decide
 * it, else 0: their keys, then their bytes from the first that differs. */
static inline int quick_order(const struct item *a, const struct item *b)
{
	return a->key != b->key ? key_cmp(a->key, b->key) : tail_cmp(a->s, b->s);
}

/* coll_cmp: the Swedish order of two items' texts (not NULL): their primaries where the table
 * decides, else ICU's comparison (ucol_strcollUTF8). */
static int coll_cmp(const struct item *a, const struct item *b)
{
	UErrorCode status = U_ZERO_ERROR;
	int quick = quick_order(a, b);

	if (quick)
		return quick;
	if (!sort_ctx.coll && !sort_ctx.failed) {
		sort_ctx.coll = ucol_open("sv_SE", &status);
		sort_ctx.failed = U_FAILURE(status);
		status = U_ZERO_ERROR;
	}
	if (sort_ctx.failed)
		return 0;
	return (int)ucol_strcollUTF8(sort_ctx.coll, a->s, -1, b->s, -1, &status);
}

/* text_cmp: byte order of two texts, NULL first. */
static int text_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* by_order: items by Swedish order of their texts (NULL first), then by bytes, then by index
 * (a total order: equal texts side by side). */
static int by_order(const void *pa, const void *pb)
{
	const struct item *a = *(const struct item *const *)pa, *b = *(const struct item *const *)pb;
	int c;

	if (!a->s || !b->s)
		c = (a->s != NULL) - (b->s != NULL);
	else if ((c = coll_cmp(a, b)) == 0)
		c = strcmp(a->s, b->s);
	return c ? c : (a->ix > b->ix) - (a->ix < b->ix);
}

/* same_place: whether the text of b, which sorts after a's, is equal to it for the collator. */
static int same_place(const struct item *a, const struct item *b)
{
	if (!a->s || !b->s)
		return a->s == b->s;
	return strcmp(a->s, b->s) == 0 || coll_cmp(a, b) == 0;
}

int collate_ranks(const char *const *s, int n, int *rank)
{
	struct item *it, **d;
	int place = 0, distinct = 0, failed;

	if (n <= 0)
		return 0;
	it = xcalloc((size_t)n, sizeof(*it));
	d = xcalloc((size_t)n, sizeof(*d));
	for (int i = 0; i < n; i++) {
		it[i] = (struct item){ .s = s[i], .key = s[i] ? make_key(s[i]) : 0, .ix = i };
		d[i] = &it[i];
	}
	sort_ctx.failed = 0;
	qsort(d, (size_t)n, sizeof(*d), by_order);
	/* a place is the number of distinct texts before it that the collator orders before it */
	for (int i = 0; i < n; i++) {
		if (i > 0 && text_cmp(d[i - 1]->s, d[i]->s) == 0) {
			rank[d[i]->ix] = place;
			continue;
		}
		if (i == 0 || !same_place(d[i - 1], d[i]))
			place = distinct;
		distinct++;
		rank[d[i]->ix] = place;
	}
	failed = sort_ctx.failed;
	if (sort_ctx.coll)
		ucol_close(sort_ctx.coll);
	sort_ctx.coll = NULL;
	free(d);
	free(it);
	return failed ? -1 : 0;
}
