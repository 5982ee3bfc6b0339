/* search-pg.c: store_search on PostgreSQL, through the search_doc table of migrations 0008 and
 * 0010 (src/store/pg): every word must occur in the case-folded text (a trigram GIN index, like
 * SQLite's trigram index: parts of words, Å, Ä and Ö as typed), or else every word must begin a
 * word of the text with case and diacritics removed (unaccent; the same rows as SQLite's words
 * index: "forskola" finds "Förskolan"). The words go to the statement as bound values only; this
 * file builds LIKE patterns and regular expressions from them with every special character
 * escaped. */
#include "store/search-int.h"
#include "store/backend.h"
#include "core/buf.h"
#include "core/err.h"

#include <string.h>

/* Parameters of STMT_WEB_SEARCH_HITS on PostgreSQL (sql-pg-web-search.c). */
enum {
	PG_LIKE = 0,				/* 8: each word as a LIKE pattern body, or NULL */
	PG_TOKENS = PG_LIKE + SEARCH_WORDS_MAX,	/* 8: each word's tokens, or NULL */
	PG_LIMIT = PG_TOKENS + SEARCH_WORDS_MAX,	/* most hits */
	PG_MARK_BARE,				/* the words' prefix phrases as one regular expression */
	PG_NARGS
};

/* The statement's columns that concern the marks: title and body, then which half found the row
 * (1: the words as parts of words; its title and body come unmarked and are marked here). */
enum { COL_TH = 7, COL_BH = 8, COL_HALF = 9 };

static int is_token_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void search_pg_like(const struct search_word *w, struct buf *out)
{
	for (size_t i = 0; i < w->len; i++) {
		if (w->s[i] == '\\' || w->s[i] == '%' || w->s[i] == '_')
			buf_addc(out, '\\');
		buf_addc(out, w->s[i]);
	}
}

int search_pg_tokens(const struct search_word *w, struct buf *out)
{
	int n = 0;

	for (size_t i = 0; i < w->len;) {
		size_t j = i;
		while (j < w->len && is_token_byte((unsigned char)w->s[j]))
			j++;
		if (j > i) {
			if (n++)
				buf_addc(out, ' ');
			buf_add(out, w->s + i, j - i);
		}
		i = j > i ? j : i + 1;
	}
	return n;
}

/* The Latin letters with diacritics that a base letter stands for in search_pg_regex_bare, in
 * lower and upper case (the search also runs case-insensitively). */
static const struct { char base; const char *forms; } letters[] = {
	{ 'a', "àáâãäåāăąÀÁÂÃÄÅĀĂĄ" }, { 'c', "çćčÇĆČ" }, { 'd', "ďđĎĐ" },
	{ 'e', "èéêëēėęěÈÉÊËĒĖĘĚ" }, { 'g', "ğĞ" }, { 'i', "ìíîïīıÌÍÎÏĪİ" }, { 'l', "łĺľŁĹĽ" },
	{ 'n', "ñńňÑŃŇ" }, { 'o', "òóôõöøōőÒÓÔÕÖØŌŐ" }, { 'r', "řŕŘŔ" }, { 's', "śšşŚŠŞ" },
	{ 't', "ťţŤŢ" }, { 'u', "ùúûüůūűÙÚÛÜŮŪŰ" }, { 'y', "ýÿÝŸ" }, { 'z', "źżžŹŻŽ" },
};
#define NLETTERS (sizeof(letters) / sizeof(letters[0]))

/* The base letter of the character at s[0..n) (its byte length in *len), or 0. */
static char base_letter(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];

	*len = 1;
	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (c >= 'a' && c <= 'z') ? (char)c : 0;
	*len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
	if (*len > n)
		*len = n;
	for (size_t i = 0; i < NLETTERS; i++)
		for (const char *f = letters[i].forms; *f;) {
			size_t fl = ((unsigned char)*f & 0xE0) == 0xC0 ? 2 : 3;
			if (fl == *len && memcmp(f, s, fl) == 0)
				return letters[i].base;
			f += fl;
		}
	return 0;
}

/* Appends one token as a regular expression: letters as [base forms], the rest as itself. */
static void token_regex(const char *s, size_t n, struct buf *out)
{
	for (size_t i = 0, len; i < n; i += len) {
		char b = base_letter(s + i, n - i, &len);
		size_t k;
		if (!b) {
			buf_add(out, s + i, len);
			continue;
		}
		for (k = 0; k < NLETTERS && letters[k].base != b; k++)
			;
		buf_addc(out, '[');
		buf_addc(out, b);
		if (k < NLETTERS)
			buf_adds(out, letters[k].forms);
		buf_addc(out, ']');
	}
}

int search_pg_regex_bare(const struct search_word *w, struct buf *out)
{
	int n = 0;

	for (size_t i = 0; i < w->len;) {
		size_t j = i;
		while (j < w->len && is_token_byte((unsigned char)w->s[j]))
			j++;
		if (j > i) {
			if (n++)
				buf_adds(out, "[^[:alnum:]]+");
			token_regex(w->s + i, j - i, out);
		}
		i = j > i ? j : i + 1;
	}
	if (n)
		buf_adds(out, "[[:alnum:]]*");
	return n;
}

/* Fills the parameters in bufs[] from sw (see the enum). Returns the number of words with a
 * token (the slots PG_TOKENS.. filled; with none the words half is off). */
static int pg_args(const struct search_words *sw, struct buf *bufs)
{
	int words = 0;

	for (int i = 0; i < sw->n; i++) {
		struct buf tok;
		search_pg_like(&sw->w[i], &bufs[PG_LIKE + i]);
		buf_init(&tok, 2 * SEARCH_Q_MAX);
		if (search_pg_tokens(&sw->w[i], &tok) > 0) {
			/* a word without tokens is left out, as FTS5 leaves out an empty phrase */
			buf_adds(&bufs[PG_TOKENS + words], tok.ptr);
			buf_adds(&bufs[PG_MARK_BARE], words ? "|" : "(^|[^[:alnum:]])(");
			search_pg_regex_bare(&sw->w[i], &bufs[PG_MARK_BARE]);
			words++;
		}
		buf_release(&tok);
	}
	if (words)
		buf_adds(&bufs[PG_MARK_BARE], ")");
	return words;
}

/* A hit as the caller sees it: the statement's row without its half column, the title and body
 * of a first-half hit marked by search_mark (as SQLite's lup_mark marks them: one rule). */
struct marked_row {
	struct store_row base;
	const struct store_row *in;
	const char *th, *bh;
};
#define MR(r) ((const struct marked_row *)(const void *)(r))

static int mr_ncols(const struct store_row *r) { (void)r; return COL_HALF; }
static const char *mr_col_name(const struct store_row *r, int i) { return store_col_name(MR(r)->in, i); }
static int64_t mr_col_int(const struct store_row *r, int i) { return store_col_int(MR(r)->in, i); }
static double mr_col_real(const struct store_row *r, int i) { return store_col_real(MR(r)->in, i); }

static const char *mr_col_text(const struct store_row *r, int i)
{
	return i == COL_TH ? MR(r)->th : i == COL_BH ? MR(r)->bh : store_col_text(MR(r)->in, i);
}

static enum sv_type mr_col_type(const struct store_row *r, int i)
{
	if (i == COL_TH || i == COL_BH)
		return mr_col_text(r, i) ? SV_TEXT : SV_NULL;
	return store_col_type(MR(r)->in, i);
}

static const struct store_ops marked_ops = {
	.name = "search hit",
	.ncols = mr_ncols, .col_name = mr_col_name, .col_type = mr_col_type,
	.col_int = mr_col_int, .col_real = mr_col_real, .col_text = mr_col_text,
};

struct mark_ctx {
	store_row_fn fn;
	void *ctx;
	const struct search_words *sw;
};

/* mark_one: col of row, marked into b when the first half found the row; NULL stays NULL. */
static const char *mark_one(const struct mark_ctx *m, const struct store_row *row, int col, int half,
			    struct buf *b)
{
	const char *t = store_col_type(row, col) == SV_NULL ? NULL : store_col_text(row, col);

	if (!t || half != 1)
		return t;
	return search_mark(m->sw, t, strlen(t), b) == 0 ? b->ptr : t;
}

/* mark_hit: passes row to the caller's function as a marked_row. */
static int mark_hit(void *ctx, const struct store_row *row)
{
	const struct mark_ctx *m = ctx;
	int half = (int)store_col_int(row, COL_HALF), rc;
	struct buf th, bh;

	buf_init(&th, 0);
	buf_init(&bh, 0);
	struct marked_row mr = { { &marked_ops }, row, mark_one(m, row, COL_TH, half, &th),
				 mark_one(m, row, COL_BH, half, &bh) };
	rc = m->fn(m->ctx, &mr.base);
	buf_release(&th);
	buf_release(&bh);
	return rc;
}

int search_pg(struct store *st, const char *q, int limit, int *dropped, store_row_fn fn,
	      void *ctx, struct err *e)
{
	struct search_words sw;
	struct buf b[PG_NARGS];
	struct sval a[PG_NARGS];
	int rc = LUP_OK, words, overflow = 0;

	search_words_split(&sw, q);
	*dropped = sw.dropped;
	if (!sw.n || limit <= 0)
		return LUP_OK;
	for (int i = 0; i < PG_NARGS; i++)
		buf_init(&b[i], 64 * SEARCH_Q_MAX);
	words = pg_args(&sw, b);
	for (int i = 0; i < PG_NARGS; i++)
		overflow |= b[i].overflow;
	if (overflow) {
		rc = err_set(e, LUP_EDB, "search query too long");
		goto out;
	}
	for (int i = 0; i < SEARCH_WORDS_MAX; i++) {
		a[PG_LIKE + i] = i < sw.n ? sv_text(b[PG_LIKE + i].ptr) : sv_null();
		a[PG_TOKENS + i] = i < words ? sv_text(b[PG_TOKENS + i].ptr) : sv_null();
	}
	a[PG_LIMIT] = sv_int(limit);
	a[PG_MARK_BARE] = words ? sv_text(b[PG_MARK_BARE].ptr) : sv_null();
	struct mark_ctx m = { fn, ctx, &sw };
	rc = store_query(st, STMT_WEB_SEARCH_HITS, a, PG_NARGS, mark_hit, &m, e);
out:
	for (int i = 0; i < PG_NARGS; i++)
		buf_release(&b[i]);
	return rc;
}
