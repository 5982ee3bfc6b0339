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

/* The marked hits of STMT_WEB_SEARCH_MARKED, each appended to its kind's array (ctx: KINDS bufs). */
static int add_marked(void *ctx, const struct store_row *row)
{
	struct buf *kinds = ctx;
	int64_t k = store_col_int(row, 0);
	const char *el = store_col_text(row, 1);

	if (k > 0 && k < KINDS && el)
		json_add(&kinds[k], el, strlen(el));
	return 0;
}

/* hits: runs STMT_WEB_SEARCH_HITS for the trigram hits r->tri[0..ntri) and the words-only hits
 * r->words[0..nonly), these marked by STMT_WEB_SEARCH_MARKED (words query wq). */
static int hits(struct store *st, const struct rowids *r, int nonly, const char *wq, store_row_fn fn, void *ctx,
		struct err *e)
{
	struct buf b[2 * KINDS], only;
	struct sval a[2 * (KINDS - 1)];
	int rc = LUP_OK, over = 0;

	for (int k = 0; k < 2 * KINDS; k++)
		buf_init(&b[k], 0);
	buf_init(&only, 0);
	for (int i = 0; i < r->ntri; i++)
		if (r->tri[i] % 8 > 0 && r->tri[i] % 8 < KINDS)
			json_add_int(&b[r->tri[i] % 8], r->tri[i] / 8);
	for (int i = 0; i < nonly; i++)
		json_add_int(&only, r->words[i]);
	if (nonly) {
		buf_addc(&only, ']');
		a[0] = sv_text(wq);
		a[1] = sv_text(only.ptr);
		if ((rc = store_query(st, STMT_WEB_SEARCH_MARKED, a, 2, add_marked, b + KINDS, e)) != LUP_OK)
			goto out;
	}
	for (int k = 1; k < KINDS; k++) {
		for (int h = 0; h < 2; h++) {
			struct buf *x = &b[h * KINDS + k];
			if (x->len)
				buf_addc(x, ']');
			over |= x->overflow;
			a[h * (KINDS - 1) + k - 1] = sv_text(x->len ? x->ptr : NULL);
		}
	}
	if (over || only.overflow)
		rc = err_set(e, LUP_EDB, "search: too many hits to list");
	else
		rc = store_query(st, STMT_WEB_SEARCH_HITS, a, 2 * (KINDS - 1), fn, ctx, e);
out:
	for (int k = 0; k < 2 * KINDS; k++)
		buf_release(&b[k]);
	buf_release(&only);
	return rc;
}

/* store_search on SQLite: STMT_WEB_SEARCH_ROWIDS (trigram query, most hits, words query) gives
 * both indexes' rowids; the words index's rows the trigram index did not give are kept, after
 * the trigram index's and at most `limit` hits in all, and marked by STMT_WEB_SEARCH_MARKED
 * (only when there are any); STMT_WEB_SEARCH_HITS gives the public ones with what the page
 * shows of them (the statements are documented with their text). */
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
