/* search-sqlite.c: store_search on SQLite, through the FTS5 indexes of migrations 0008 (trigram:
 * parts of words, Å, Ä and Ö as typed) and 0010 (unicode61 without diacritics: words from their
 * beginning, so "forskola" finds "Förskolan"). The user's words are quoted, so FTS5 syntax in
 * them is text. */
#include "store/search-int.h"
#include "core/buf.h"
#include "core/err.h"

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

/* Parameters of STMT_WEB_SEARCH_HITS on SQLite: (trigram query, most hits, words query). */
int search_sqlite(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
		  void *ctx, struct err *e)
{
	struct search_words sw;
	struct buf tri, words;
	struct sval a[3];
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
	a[0] = sv_text(tri.ptr);
	a[1] = sv_int(limit);
	a[2] = sv_text(words.ptr);
	rc = store_query(st, STMT_WEB_SEARCH_HITS, a, 3, fn, ctx, e);
out:
	buf_release(&tri);
	buf_release(&words);
	return rc;
}
