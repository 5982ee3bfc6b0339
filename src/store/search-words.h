/* search-words.h: the words of a search, split the same way for every backend (store_search).
 *
 * A query is its first SEARCH_Q_MAX bytes (cut at a character boundary). Words are separated
 * by white space (and control characters); the punctuation ,;:!?.()[]{}"'*^+<> and the quotation
 * marks ” “ « » are taken off a word's ends. A word of fewer than SEARCH_WORD_MIN characters, a
 * word that is not valid UTF-8, and the words after the SEARCH_WORDS_MAX-th are left out and
 * counted in `dropped`. The backends turn the words into their own query syntax (search-int.h).
 */
#ifndef LUP_SEARCH_WORDS_H
#define LUP_SEARCH_WORDS_H

#include <stddef.h>
#include <stdint.h>

#define SEARCH_Q_MAX 200	/* bytes of a query that are used */
#define SEARCH_WORDS_MAX 8	/* words of a query that are used */
#define SEARCH_WORD_MIN 3	/* characters of the shortest word used */

struct search_word {
	const char *s;	/* into search_words.text; not NUL-terminated */
	size_t len;	/* bytes */
};

struct search_words {
	char text[SEARCH_Q_MAX + 1];	/* the query as used (cut), NUL-terminated */
	struct search_word w[SEARCH_WORDS_MAX];
	int n;				/* words in w */
	int dropped;			/* words left out */
};

/* search_words_split: splits q (NULL reads as "") into sw's words as the header describes.
 * sw needs no initialisation and holds no pointer into q. */
void search_words_split(struct search_words *sw, const char *q);

/* search_cap_len: the number of bytes of q a search uses: strlen(q) up to SEARCH_Q_MAX, cut back
 * to the start of a UTF-8 character. */
size_t search_cap_len(const char *q);

/* search_utf8_len: the number of code points of s[0..n), or -1 when it is not valid UTF-8 or
 * holds a control character other than tab (not something a person types). */
int search_utf8_len(const char *s, size_t n);

/* The marks around each match in a hit's title and body (store.h store_search). */
#define SEARCH_MARK_ON '\001'
#define SEARCH_MARK_OFF '\002'

struct buf;

/* search_mark: appends s[0..n) to out with SEARCH_MARK_ON before and SEARCH_MARK_OFF after each
 * span where one of sw's words occurs, as a part of a word or more, ignoring case (Unicode
 * simple case folding, as the trigram index folds): what the trigram index found, marked as
 * FTS5's highlight() marks it (occurrences that overlap share one mark; one that only touches
 * another has its own), without the index's second reading of the text. A byte that starts no
 * valid UTF-8 sequence matches nothing and is copied. Returns 0, or -1 when out overflowed.
 * Time: the text's length times the words' total length at worst. */
int search_mark(const struct search_words *sw, const char *s, size_t n, struct buf *out);

/* A word of a query, case-folded (search_marker). */
struct search_folded {
	int32_t cp[SEARCH_Q_MAX];	/* code points; -1 for a byte that starts no valid UTF-8 sequence */
	size_t m;
};

/* search_marker: a query's words prepared once for search_mark_with over many texts (a page
 * marks up to 50 hits per kind): folded, and the bytes a match may begin with. */
struct search_marker {
	struct search_folded w[SEARCH_WORDS_MAX];
	int n;					/* words in w */
	unsigned char may[256];			/* may[b]: a match may begin with byte b */
	unsigned char next[256];		/* next[b]: b may follow an ASCII first byte of a match */
	unsigned char p0[SEARCH_WORDS_MAX];	/* pairs > 0: the words' first code points | 0x20 */
	unsigned char p1[SEARCH_WORDS_MAX];	/* their ASCII second code points | 0x20, np1 of them */
	int pairs, np1;				/* pairs: the words in p0, or 0 (no pair scan) */
	unsigned char b[2 * SEARCH_WORDS_MAX];	/* those bytes, when all are ASCII */
	int k;					/* bytes in b; -1 when a non-ASCII one may begin a match */
};

/* search_marker_init: prepares mk for sw's words (sw may go after). */
void search_marker_init(struct search_marker *mk, const struct search_words *sw);

/* search_mark_with: search_mark with the words prepared in mk (same contract and output). */
int search_mark_with(const struct search_marker *mk, const char *s, size_t n, struct buf *out);

/* search_mark_part: search_mark_with's output for a prefix of s only, for a snippet around the
 * first match: it stops at the first place, past the first ' ', '\t', '\n' or '\r' at least
 * after bytes beyond the first match's start (or at n), where no mark is open and every match
 * that begins before it is read; what it appends is then a prefix of what search_mark_with
 * appends, and *covered the bytes of s it stands for (n when all; all when s has no match).
 * Returns 0, or -1 when out overflowed. */
int search_mark_part(const struct search_marker *mk, const char *s, size_t n, size_t after, struct buf *out,
		     size_t *covered);

#endif
