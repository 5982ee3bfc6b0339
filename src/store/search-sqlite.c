/* search-sqlite.c: store_search on SQLite, through the FTS5 indexes of migrations 0008 (trigram:
 * parts of words, Å, Ä and Ö as typed) and 0010 (unicode61 without diacritics: words from their
 * beginning, so "forskola" finds "Förskolan"). The user's words are quoted, so FTS5 syntax in
 * them is text. */
#include "store/search-int.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/numfmt.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

int search_fts5_query(const struct search_words *sw, int prefix, struct buf *out)
{
	for (int i = 0; i < sw->n; i++) {
		const struct search_word *w = &sw->w[i];
		buf_adds(out, i ? " \"" : "\"");
		for (size_t k = 0; k < w->len; k++) {
			if (w->s[k] == '"')
				buf_addc(out, '"');
			buf_addc(out, w->s[k]);
		}
		buf_adds(out, prefix ? "\" *" : "\"");
	}
	return out->overflow ? -1 : sw->n;
}

#define KINDS 7	/* kinds 1..6 (rowid % 8); 0 is none */

/* The rowids STMT_WEB_SEARCH_ROWIDS gives: the trigram index's (tri) and the words index's
 * (words), each in its index's order, at most max of each. */
struct rowids {
	int64_t *tri, *words;
	int ntri, nwords, max;
};

static int add_rowid(void *ctx, const struct store_row *row)
{
	struct rowids *r = ctx;
	int64_t rid = store_col_int(row, 0);

	if (store_col_int(row, 1) == 1) {
		if (r->ntri < r->max)
			r->tri[r->ntri++] = rid;
	} else if (r->nwords < r->max) {
		r->words[r->nwords++] = rid;
	}
	return 0;
}

static int rid_cmp(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a < b ? -1 : a > b;
}

/* words_only: moves to the front of r->words those rows the trigram index did not give, in
 * their order, at most limit - r->ntri of them (the hits are at most limit, the trigram
 * index's first); returns how many. */
static int words_only(struct rowids *r, int limit)
{
	int64_t *sorted = NULL;
	int n = 0;

	if (r->ntri) {
		sorted = xmalloc(sizeof(*sorted) * (size_t)r->ntri);
		memcpy(sorted, r->tri, sizeof(*sorted) * (size_t)r->ntri);
		qsort(sorted, (size_t)r->ntri, sizeof(*sorted), rid_cmp);
	}
	for (int i = 0; i < r->nwords && n < limit - r->ntri; i++)
		if (!sorted || !bsearch(&r->words[i], sorted, (size_t)r->ntri, sizeof(*sorted), rid_cmp))
			r->words[n++] = r->words[i];
	free(sorted);
	return n;
}

/* json_add: appends piece to the JSON array being written in b ("[" before the first piece,
 * "," before the others; the caller closes it). */
static void json_add(struct buf *b, const char *piece, size_t n)
{
	buf_addc(b, b->len ? ',' : '[');
	buf_add(b, piece, n);
}

static void json_add_int(struct buf *b, int64_t v)
{
	char num[NUMFMT_SIZE];

	json_add(b, num, numfmt_long((long long)v, num));
}

/* hits: runs STMT_WEB_SEARCH_HITS for the trigram hits r->tri[0..ntri) (a JSON array of ids per
 * kind), then, when there are any, STMT_WEB_SEARCH_WORDS (words query wq) for the words-only
 * hits r->words[0..nonly); both give their rows to fn. */
static int hits(struct store *st, const struct rowids *r, int nonly, const char *wq, store_row_fn fn,
		void *ctx, struct err *e)
{
	struct buf b[KINDS], only;
	struct sval a[KINDS - 1];
	int rc = LUP_OK, over = 0;

	for (int k = 0; k < KINDS; k++)
		buf_init(&b[k], 0);
	buf_init(&only, 0);
	for (int i = 0; i < r->ntri; i++)
		if (r->tri[i] % 8 > 0 && r->tri[i] % 8 < KINDS)
			json_add_int(&b[r->tri[i] % 8], r->tri[i] / 8);
	for (int k = 1; k < KINDS; k++) {
		if (b[k].len)
			buf_addc(&b[k], ']');
		over |= b[k].overflow;
		a[k - 1] = sv_text(b[k].len ? b[k].ptr : NULL);
	}
	for (int i = 0; i < nonly; i++)
		json_add_int(&only, r->words[i]);
	if (nonly)
		buf_addc(&only, ']');
	if (over || only.overflow)
		rc = err_set(e, LUP_EDB, "search: too many hits to list");
	else if (r->ntri)
		rc = store_query(st, STMT_WEB_SEARCH_HITS, a, KINDS - 1, fn, ctx, e);
	if (rc == LUP_OK && nonly) {
		a[0] = sv_text(wq);
		a[1] = sv_text(only.ptr);
		rc = store_query(st, STMT_WEB_SEARCH_WORDS, a, 2, fn, ctx, e);
	}
	for (int k = 0; k < KINDS; k++)
		buf_release(&b[k]);
	buf_release(&only);
	return rc;
}

/* store_search on SQLite: STMT_WEB_SEARCH_ROWIDS (trigram query, most hits, words query) gives
 * both indexes' rowids; the words index's rows the trigram index did not give are kept, after
 * the trigram index's and at most `limit` hits in all. STMT_WEB_SEARCH_HITS gives the public
 * trigram hits and STMT_WEB_SEARCH_WORDS the public words-only ones (marked), with what the
 * page shows of them (the statements are documented with their text). */
int search_sqlite(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
		  void *ctx, struct err *e)
{
	struct search_words sw;
	struct buf tri, words;
	struct sval a[3];
	struct rowids r = { 0 };
	int rc = LUP_OK;

	search_words_split(&sw, q);
	*dropped = sw.dropped;
	if (!sw.n || limit <= 0)
		return LUP_OK;
	buf_init(&tri, 4 * SEARCH_Q_MAX + 64);
	buf_init(&words, 4 * SEARCH_Q_MAX + 64);
	if (search_fts5_query(&sw, 0, &tri) < 0 || search_fts5_query(&sw, 1, &words) < 0) {
		rc = err_set(e, LUP_EDB, "search query too long");
		goto out;
	}
	r.max = limit;
	r.tri = xmalloc(sizeof(*r.tri) * (size_t)limit);
	r.words = xmalloc(sizeof(*r.words) * (size_t)limit);
	a[0] = sv_text(tri.ptr);
	a[1] = sv_int(limit);
	a[2] = sv_text(words.ptr);
	if ((rc = store_query(st, STMT_WEB_SEARCH_ROWIDS, a, 3, add_rowid, &r, e)) == LUP_OK && (r.ntri || r.nwords))
		rc = hits(st, &r, words_only(&r, limit), words.ptr, fn, ctx, e);
out:
	free(r.tri);
	free(r.words);
	buf_release(&tri);
	buf_release(&words);
	return rc;
}
