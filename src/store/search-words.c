/* search-words.c: splitting a search query into words (search-words.h); no database here. */
#include "store/search-words.h"
#include "core/buf.h"
#include "core/utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

int search_utf8_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	int count = 0;

	while (p < e) {
		int len = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
		if (!len || (len == 2 && *p < 0xC2) || (len == 4 && *p > 0xF4) || e - p < len)
			return -1;
		for (int i = 1; i < len; i++)
			if ((p[i] & 0xC0) != 0x80)
				return -1;
		if ((len == 3 && *p == 0xE0 && p[1] < 0xA0) || (len == 3 && *p == 0xED && p[1] >= 0xA0) ||
		    (len == 4 && *p == 0xF0 && p[1] < 0x90) || (len == 4 && *p == 0xF4 && p[1] >= 0x90))
			return -1;
		if (*p < 0x20 && *p != '\t')
			return -1;
		p += len;
		count++;
	}
	return count;
}

size_t search_cap_len(const char *q)
{
	size_t n = strlen(q);

	if (n <= SEARCH_Q_MAX)
		return n;
	n = SEARCH_Q_MAX;
	while (n > 0 && ((unsigned char)q[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* White space and control characters separate words; the edge characters are dropped at a
 * word's ends. */
static int is_sep(char c) { return c && (unsigned char)c <= 0x20; }
static int is_edge(char c) { return c && strchr(",;:!?.()[]{}\"'*^+<>", c) != NULL; }

/* Strips the edge characters and the UTF-8 quotation marks ” “ « » at the ends of [*b, *e). */
static void strip_edges(const char **b, const char **e)
{
	static const char *const q[] = { "\u201D", "\u201C", "\u00AB", "\u00BB" };

	for (int again = 1; again && *e > *b;) {
		again = 0;
		for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
			size_t n = strlen(q[i]);
			if ((size_t)(*e - *b) >= n && memcmp(*b, q[i], n) == 0)
				*b += n, again = 1;
			if ((size_t)(*e - *b) >= n && memcmp(*e - n, q[i], n) == 0)
				*e -= n, again = 1;
		}
		while (*b < *e && is_edge(**b))
			(*b)++, again = 1;
		while (*e > *b && is_edge((*e)[-1]))
			(*e)--, again = 1;
	}
}

void search_words_split(struct search_words *sw, const char *q)
{
	const char *s = sw->text;
	size_t n;

	q = q ? q : "";
	n = search_cap_len(q);
	memcpy(sw->text, q, n);
	sw->text[n] = '\0';
	sw->n = sw->dropped = 0;
	while (*s) {
		const char *b, *e;
		while (is_sep(*s))
			s++;
		if (!*s)
			break;
		b = s;
		while (*s && !is_sep(*s))
			s++;
		e = s;
		strip_edges(&b, &e);
		if (e == b)
			continue;
		if (search_utf8_len(b, (size_t)(e - b)) < SEARCH_WORD_MIN || sw->n == SEARCH_WORDS_MAX) {
			sw->dropped++;
			continue;
		}
		sw->w[sw->n].s = b;
		sw->w[sw->n].len = (size_t)(e - b);
		sw->n++;
	}
}

/* fold_at: the case-folded code point at s[i..n) (n > i), its length in *len; -1 (matching
 * nothing) for a byte that starts no valid UTF-8 sequence. */
static int32_t fold_at(const unsigned char *s, size_t n, size_t i, size_t *len)
{
	unsigned c;

	if (s[i] < 0x80) {	/* ASCII, most of the text: folded here */
		*len = 1;
		return s[i] >= 'A' && s[i] <= 'Z' ? s[i] + ('a' - 'A') : s[i];
	}
	if ((*len = utf8_seq(s + i, n - i, &c)) == 0) {
		*len = 1;
		return -1;
	}
	return u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
}

/* match_at: the end (byte offset) of word w occurring at s[i..n) whose first code point is
 * already known to match and is len bytes long, or 0 when it does not occur there. */
static size_t match_at(const unsigned char *s, size_t n, size_t i, size_t len, const struct search_folded *w)
{
	size_t j = 1;

	i += len;
	while (j < w->m && i < n && fold_at(s, n, i, &len) == w->cp[j]) {
		i += len;
		j++;
	}
	return j == w->m ? i : 0;
}

/* Where each of a marker's start bytes next occurs in a text (search_mark_with), when they are
 * all ASCII: the text is skipped with memchr rather than a table look-up per byte. */
struct starts {
	const struct search_marker *mk;
	size_t at[2 * SEARCH_WORDS_MAX];	/* the next offset of mk->b[j] at or after the last asked, or n */
};

/* starts_add: byte c may start a match (any byte from 0x80 on: every byte is looked at). */
static void starts_add(struct search_marker *mk, int c)
{
	for (int j = 0; j < mk->k; j++)
		if (mk->b[j] == c)
			return;
	if (c >= 0x80 || mk->k < 0 || mk->k == (int)sizeof(mk->b))
		mk->k = -1;
	else
		mk->b[mk->k++] = (unsigned char)c;
}

/* starts_begin: the first offset of each start byte in s[0..n). */
static void starts_begin(struct starts *st, const unsigned char *s, size_t n)
{
	for (int j = 0; j < st->mk->k; j++) {
		const unsigned char *p = memchr(s, st->mk->b[j], n);
		st->at[j] = p ? (size_t)(p - s) : n;
	}
}

/* next_start: the first offset at or after i where a match may start, or n. */
static size_t next_start(struct starts *st, const unsigned char *s, size_t n, size_t i)
{
	const struct search_marker *mk = st->mk;
	size_t best = n;

	if (mk->k < 0) {
		while (i < n && !mk->may[s[i]])
			i++;
		return i;
	}
	for (int j = 0; j < mk->k; j++) {
		if (st->at[j] < i) {
			const unsigned char *p = memchr(s + i, mk->b[j], n - i);
			st->at[j] = p ? (size_t)(p - s) : n;
		}
		best = st->at[j] < best ? st->at[j] : best;
	}
	return best;
}

/* pair_add: c (a byte, or'ed with 0x20) into set[0..*n) unless it is there. */
static void pair_add(unsigned char *set, int *n, unsigned char c)
{
	for (int i = 0; i < *n; i++)
		if (set[i] == c)
			return;
	set[(*n)++] = c;
}

/* pairs_init: mk's pair scan (pair_next) when every word begins with an ASCII code point and has
 * a second one that is a valid character; else mk->pairs is 0. */
static void pairs_init(struct search_marker *mk)
{
	mk->pairs = 0;
	mk->np1 = 0;
	if (mk->k < 0)
		return;
	for (int w = 0; w < mk->n; w++)
		if (mk->w[w].m < 2 || mk->w[w].cp[0] < 0 || mk->w[w].cp[0] >= 0x80 || mk->w[w].cp[1] < 0)
			return;
	for (int w = 0; w < mk->n; w++) {
		pair_add(mk->p0, &mk->pairs, (unsigned char)(mk->w[w].cp[0] | 0x20));
		if (mk->w[w].cp[1] < 0x80)
			pair_add(mk->p1, &mk->np1, (unsigned char)(mk->w[w].cp[1] | 0x20));
	}
}

/* pair_next: the first offset at or after i where a match may start, or n, by the first two
 * bytes at once (mk->pairs): s[i] | 0x20 is a word's first code point | 0x20, and s[i + 1] |
 * 0x20 a second one's, or s[i + 1] is not ASCII (a character that may fold to anything: the
 * Kelvin sign folds to k). Or'ing 0x20 finds both cases of a letter, and a few other bytes,
 * which the match itself then rejects. Sixteen places at a time where SSE2 is there. */
static size_t pair_next(const struct search_marker *mk, const unsigned char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	const __m128i low = _mm_set1_epi8(0x20);

	for (; i + 17 <= n; i += 16) {
		__m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), low);
		__m128i y = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
		__m128i m0 = _mm_setzero_si128(), m1 = _mm_cmplt_epi8(y, _mm_setzero_si128());
		y = _mm_or_si128(y, low);
		for (int j = 0; j < mk->pairs; j++)
			m0 = _mm_or_si128(m0, _mm_cmpeq_epi8(x, _mm_set1_epi8((char)mk->p0[j])));
		for (int j = 0; j < mk->np1; j++)
			m1 = _mm_or_si128(m1, _mm_cmpeq_epi8(y, _mm_set1_epi8((char)mk->p1[j])));
		unsigned bits = (unsigned)_mm_movemask_epi8(_mm_and_si128(m0, m1));
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i < n; i++)
		if (mk->may[s[i]] && i + 1 < n && mk->next[s[i + 1]])
			return i;
	return n;
}

/* put_mark: appends text[*from..ms) and then text[ms..me) marked; *from becomes me. */
static void put_mark(struct buf *out, const char *text, size_t *from, size_t ms, size_t me)
{
	buf_add(out, text + *from, ms - *from);
	buf_addc(out, SEARCH_MARK_ON);
	buf_add(out, text + ms, me - ms);
	buf_addc(out, SEARCH_MARK_OFF);
	*from = me;
}

void search_marker_init(struct search_marker *mk, const struct search_words *sw)
{
	size_t len;

	mk->n = 0;
	mk->k = 0;
	memset(mk->may, 0, sizeof(mk->may));
	memset(mk->next, 0, 0x80);
	memset(mk->next + 0x80, 1, 0x80);	/* a lead byte: its character may fold to anything */
	for (int w = 0; w < sw->n; w++) {
		const unsigned char *p = (const unsigned char *)sw->w[w].s;
		struct search_folded *f = &mk->w[mk->n];
		size_t k = 0, m = 0;
		while (k < sw->w[w].len && m < SEARCH_Q_MAX) {
			f->cp[m++] = fold_at(p, sw->w[w].len, k, &len);
			k += len;
		}
		if ((f->m = m) == 0)
			continue;
		mk->n++;
		if (m < 2 || f->cp[1] < 0 || f->cp[1] >= 0x80) {
			memset(mk->next, 1, 0x80);
		} else {
			mk->next[f->cp[1]] = 1;
			if (f->cp[1] >= 'a' && f->cp[1] <= 'z')
				mk->next[f->cp[1] - ('a' - 'A')] = 1;
		}
		int32_t c0 = f->cp[0];
		if (c0 >= 0 && c0 < 0x80) {
			mk->may[c0] = 1;
			starts_add(mk, c0);
			if (c0 >= 'a' && c0 <= 'z') {
				mk->may[c0 - ('a' - 'A')] = 1;
				starts_add(mk, c0 - ('a' - 'A'));
			}
		} else {
			memset(mk->may + 0x80, 1, 0x80);	/* any other character's lead byte */
			starts_add(mk, 0x80);
		}
	}
	pairs_init(mk);
}

/* cut_after: the end of the prefix search_mark_part keeps when the first match begins at ms:
 * one past the first ' ', '\t', '\n' or '\r' at least after bytes past ms, or n. */
static size_t cut_after(const unsigned char *s, size_t n, size_t ms, size_t after)
{
	for (size_t i = ms + after; i < n; i++)
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			return i + 1;
	return n;
}

/* mark_upto: search_mark_with's marking of s[0..n), stopping (when after is not SIZE_MAX) at
 * the first place, at or past cut_after of the first match, before which the output is final:
 * no mark is open and no match starts before it unread. Returns the bytes of s covered. */
static size_t mark_upto(const struct search_marker *mk, const char *text, size_t n, size_t after, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, len, from = 0, ms = 0, me = 0;	/* [ms, me): the mark being gathered */
	size_t cut = n;
	struct starts st = { .mk = mk };

	if (!mk->pairs)
		starts_begin(&st, s, n);
	/* the bytes no word begins at are passed quickly */
	while ((i = mk->pairs ? pair_next(mk, s, n, i) : next_start(&st, s, n, i)) < n) {
		if (i >= cut && i >= me)
			break;
		if (s[i] < 0x80 && i + 1 < n && !mk->next[s[i + 1]]) {	/* no word goes on with s[i + 1] */
			i++;
			continue;
		}
		int32_t c = fold_at(s, n, i, &len);
		size_t end = 0;
		for (int w = 0; w < mk->n; w++) {
			size_t e;
			if (c == mk->w[w].cp[0] && c >= 0 && (e = match_at(s, n, i, len, &mk->w[w])) > end)
				end = e;
		}
		if (end) {
			/* an occurrence that overlaps the mark joins it; one that only touches it gets its own */
			if (i < me) {
				me = end > me ? end : me;
			} else {
				if (me)
					put_mark(out, text, &from, ms, me);
				else if (after != SIZE_MAX)
					cut = cut_after(s, n, i, after);	/* the first match */
				ms = i;
				me = end;
			}
		}
		i += len;
	}
	if (i > n)
		i = n;
	if (me)
		put_mark(out, text, &from, ms, me);
	buf_add(out, text + from, i - from);
	return i;
}

int search_mark_with(const struct search_marker *mk, const char *text, size_t n, struct buf *out)
{
	mark_upto(mk, text, n, SIZE_MAX, out);
	return out->overflow ? -1 : 0;
}

int search_mark_part(const struct search_marker *mk, const char *text, size_t n, size_t after, struct buf *out,
		     size_t *covered)
{
	*covered = mark_upto(mk, text, n, after, out);
	return out->overflow ? -1 : 0;
}

int search_mark(const struct search_words *sw, const char *text, size_t n, struct buf *out)
{
	struct search_marker mk;

	search_marker_init(&mk, sw);
	return search_mark_with(&mk, text, n, out);
}
