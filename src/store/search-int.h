/* search-int.h: the backends' halves of store_search (store.h), and the query builders they
 * share with the unit tests. Only src/store and tests/unit include this. */
#ifndef LUP_SEARCH_INT_H
#define LUP_SEARCH_INT_H

#include "store/search-words.h"
#include "store/store.h"

struct buf;

/* search_sqlite / search_pg: store_search for a store of that backend (same contract). PostgreSQL
 * runs STMT_WEB_SEARCH_HITS alone, SQLite STMT_WEB_SEARCH_ROWIDS, then STMT_WEB_SEARCH_HITS and
 * STMT_WEB_SEARCH_WORDS, each with its own dialect's parameters (documented with its text). */
int search_sqlite(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
		  void *ctx, struct err *e);
int search_pg(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
	      void *ctx, struct err *e);

/* search_fts5_query: appends to out the FTS5 query that requires every word of sw: each word as
 * a quoted string (a '"' in it doubled), so FTS5 syntax in it is text; with prefix, each word
 * also matches the beginnings of longer words ("w" *). Returns the number of words written
 * (0: out unchanged), or -1 when out overflowed. */
int search_fts5_query(const struct search_words *sw, int prefix, struct buf *out);

/* search_pg_like: appends word w as the body of a LIKE pattern: \, % and _ escaped by \. */
void search_pg_like(const struct search_word *w, struct buf *out);

/* search_pg_tokens: appends w's tokens (the runs of ASCII letters and digits and of non-ASCII
 * characters; what separates them is dropped) separated by single spaces, as FTS5's unicode61
 * tokenizer reads a phrase. Returns the number of tokens. */
int search_pg_tokens(const struct search_word *w, struct buf *out);

/* search_pg_regex_bare: appends a regular expression (ARE, to be used case-insensitively)
 * matching the tokens of w (search_pg_tokens) at the start of a word, separated by anything that
 * is not a letter or digit, with the last one going on to its word's end: the span FTS5 marks
 * for a prefix phrase. Each Latin letter matches its forms with the common diacritics (o: ö,
 * ó, ø, ...; an accented letter in w counts as its base letter), so "forskola" marks
 * "Förskolan". Returns the number of tokens (0: nothing appended). */
int search_pg_regex_bare(const struct search_word *w, struct buf *out);

#endif
