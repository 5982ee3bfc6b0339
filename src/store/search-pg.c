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
	rc = store_query(st, STMT_WEB_SEARCH_HITS, a, PG_NARGS, fn, ctx, e);
out:
	for (int i = 0; i < PG_NARGS; i++)
		buf_release(&b[i]);
	return rc;
}
