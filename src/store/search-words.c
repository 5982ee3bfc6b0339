/* search-words.c: splitting a search query into words (search-words.h); no database here. */
#include "store/search-words.h"

#include <string.h>

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
