/* page-search.c: GET /sok?q=...: Swedish full-text search over goals, measures, activities,
 * indicators, the commission's measures and the administrations' responses, through
 * store_search (the store finds the hits on either backend: case- and diacritic-insensitive,
 * parts of words, so "förskola" and "forskola" both find "Förskolan"). Hits are grouped by
 * kind and sorted in Swedish order (å, ä, ö after z). */
#include "web/page.h"
#include "render/rows.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/collate.h"
#include "core/numfmt.h"
#include "store/search-words.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int page_search(struct http_req *r);

#define Q_MAX SEARCH_Q_MAX	/* bytes of the query that are used */
#define HITS_MAX 1000		/* hits read from the store */
#define SHOWN_MAX 50		/* hits shown per kind */
#define SNIP_AFTER 200	/* a snippet's bytes after its first match, then to a space */
#define MARK_ON SEARCH_MARK_ON	/* store_search's marks (store/search-words.h) */
#define MARK_OFF SEARCH_MARK_OFF
#define HIT_ROOM 400	/* bytes a shown hit's item about takes at most (the demo's: 310-350) */

static const char *const kind_names[] = {
	NULL, "Mål", "Åtgärder i de lokala utvecklingsprogrammen", "Aktiviteter", "Indikatorer",
	"Svar till kommissionen", "Kommissionens åtgärder",
};
#define KINDS ((int)(sizeof(kind_names) / sizeof(kind_names[0])))

/* The result columns of store_search. */
enum { S_KIND, S_ID, S_LABEL, S_CONTEXT, S_DETAIL, S_LINK_KEY, S_LINK_YEAR, S_TITLE_HL, S_BODY_HL, S_HALF };

/* cint: an integer cell's value (its text read when the backend gave it as text). */
static int64_t cint(const struct row_cell *c)
{
	return c->t == SV_INT ? c->i : c->s ? strtoll(c->s, NULL, 10) : 0;
}

/* collect_hit: store_search's row as rowset_collect keeps it (names aside, which the page does not
 * read), in one column read per cell: a text copied with its length, an integer with its text.
 * A row with another kind of cell (a number, PostgreSQL's integers past int64: not among the
 * search's columns) goes to rowset_collect. */
static int collect_hit(void *ctx, const struct store_row *r)
{
	struct rowset *rs = ctx;
	struct row_cell *cells;
	struct store_cell c;
	int n = store_ncols(r);

	if (rs->nrows == rs->cap) {
		int ncap = rs->cap ? rs->cap * 2 : 64;
		struct row_cell **nr = arena_alloc_raw(rs->a, sizeof(*nr) * (size_t)ncap);
		if (rs->nrows)
			memcpy(nr, rs->rows, sizeof(*nr) * (size_t)rs->nrows);
		rs->rows = nr;
		rs->cap = ncap;
	}
	cells = arena_alloc(rs->a, sizeof(*cells) * (size_t)n);
	for (int i = 0; i < n; i++) {
		store_col_cell(r, i, &c);
		cells[i].t = c.t;
		if (c.t == SV_TEXT) {
			char *t = arena_alloc_raw(rs->a, c.len + 1);
			memcpy(t, c.s, c.len);
			t[c.len] = '\0';
			cells[i].s = t;
		} else if (c.t == SV_INT && c.i != INT64_MAX && c.i != INT64_MIN) {
			char num[NUMFMT_SIZE];
			cells[i].s = arena_strndup(rs->a, num, numfmt_long(c.i, num));
			cells[i].i = c.i;
		} else if (c.t != SV_NULL) {
			return rowset_collect(ctx, r);
		}
	}
	rs->ncols = n;
	rs->rows[rs->nrows++] = cells;
	return 0;
}

/* A hit with its places in the order of the page (order_hits). */
struct hit_key {
	int64_t kind, id;
	int label, context;		/* ranks in Swedish order */
	const char *detail;
	struct row_cell *row;
};

static int hit_key_cmp(const void *pa, const void *pb)
{
	const struct hit_key *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->label != b->label)
		return a->label < b->label ? -1 : 1;
	if (a->context != b->context)
		return a->context < b->context ? -1 : 1;
	if (!a->detail || !b->detail) {
		if (a->detail || b->detail)
			return a->detail ? 1 : -1;	/* NULL first */
	} else {
		int c = strcmp(a->detail, b->detail);
		if (c)
			return c;
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

/* rank_labels: the Swedish places of the labels of k[0..n) among themselves (k[i].label). */
static int rank_labels(struct http_req *r, struct hit_key *k, int n)
{
	const char **s = arena_alloc_raw(&r->a, sizeof(*s) * (size_t)n);
	int *rank = arena_alloc_raw(&r->a, sizeof(*rank) * (size_t)n);

	for (int i = 0; i < n; i++)
		s[i] = k[i].row[S_LABEL].s;
	if (collate_ranks(s, n, rank) != 0)
		return -1;
	for (int i = 0; i < n; i++)
		k[i].label = rank[i];
	return 0;
}

/* rank_contexts: the Swedish places of the contexts of the hits whose kind and label another
 * hit shares (k sorted by kind and label); the others' contexts decide nothing. */
static int rank_contexts(struct http_req *r, struct hit_key *k, int n)
{
	const char **s = arena_alloc_raw(&r->a, sizeof(*s) * (size_t)n);
	int *rank = arena_alloc_raw(&r->a, sizeof(*rank) * (size_t)n), *ix = arena_alloc_raw(&r->a, sizeof(*ix) * (size_t)n);
	int m = 0;

	for (int i = 0; i < n; i++)
		if ((i > 0 && k[i - 1].kind == k[i].kind && k[i - 1].label == k[i].label) ||
		    (i + 1 < n && k[i + 1].kind == k[i].kind && k[i + 1].label == k[i].label)) {
			s[m] = k[i].row[S_CONTEXT].s;
			ix[m++] = i;
		}
	if (m == 0)
		return 0;
	if (collate_ranks(s, m, rank) != 0)
		return -1;
	for (int j = 0; j < m; j++)
		k[ix[j]].context = rank[j];
	return 1;
}

/* by_kind: the hits' keys grouped by kind (a counting sort: the order within a kind is the
 * store's, which the labels' ranks do not depend on), or NULL for a kind out of range. */
static struct hit_key *by_kind(struct http_req *r, const struct rowset *rs)
{
	struct hit_key *k = arena_alloc_raw(&r->a, sizeof(*k) * (size_t)rs->nrows);
	int at[KINDS + 1] = { 0 };

	for (int i = 0; i < rs->nrows; i++) {
		int64_t kind = cint(&rs->rows[i][S_KIND]);
		if (kind < 0 || kind >= KINDS)
			return NULL;
		at[kind + 1]++;
	}
	for (int i = 1; i <= KINDS; i++)
		at[i] += at[i - 1];
	for (int i = 0; i < rs->nrows; i++) {
		struct row_cell *c = rs->rows[i];
		int64_t kind = cint(&c[S_KIND]);
		k[at[kind]++] = (struct hit_key){ kind, cint(&c[S_ID]), 0, 0, c[S_DETAIL].s, c };
	}
	return k;
}

/* order_hits: sorts the hits as the page lists them: by kind, then label and context in
 * Swedish order (core/collate, as COLLATE sv), then detail in byte order (NULL first), then
 * id. The store gives them in no set order. Labels are ranked within their kind and contexts
 * only where kind and label tie (the collator's comparisons are most of the sort's cost).
 * Returns 0, or -1 when the collation fails or a hit has a kind the page does not know. */
static int order_hits(struct http_req *r, struct rowset *rs)
{
	int n = rs->nrows, rc;
	struct hit_key *k;

	if (n < 2)
		return 0;
	if (!(k = by_kind(r, rs)))
		return -1;
	for (int i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && k[j].kind == k[i].kind; j++)
			;
		if (j - i > 1 && rank_labels(r, k + i, j - i) != 0)
			return -1;
	}
	qsort(k, (size_t)n, sizeof(*k), hit_key_cmp);	/* by kind and label */
	if ((rc = rank_contexts(r, k, n)) < 0)
		return -1;
	if (rc > 0)
		qsort(k, (size_t)n, sizeof(*k), hit_key_cmp);
	for (int i = 0; i < n; i++)
		rs->rows[i] = k[i].row;
	return 0;
}

/* Characters that separate words (snippets are cut there). */
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* next_mark: the first highlight marker in s[0..n), or s + n when there is none (two memchr scans
 * rather than a comparison per byte: the texts are long and their marks few). */
static const char *next_mark(const char *s, size_t n)
{
	const char *on = memchr(s, MARK_ON, n), *off = memchr(s, MARK_OFF, on ? (size_t)(on - s) : n);

	return off ? off : on ? on : s + n;
}

/* Writes s[0..n) as text, with the highlight markers as <mark> elements; s[n] must be readable
 * (s is a part of a NUL-terminated text: a piece that ends there is written without a copy). */
static void marked_text(struct http_req *r, struct html *h, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *m;
	int open = 0, depth = h->depth;

	for (;; p = m + 1) {
		m = next_mark(p, (size_t)(end - p));
		if (m > p)
			html_text(h, m == end && !*end ? p : arena_strndup(&r->a, p, (size_t)(m - p)));
		if (m == end)
			break;
		if (*m == MARK_ON && !open) {
			HTML_OPEN(h, "mark");
			open = 1;
		} else if (*m == MARK_OFF && open) {
			html_close(h);
			open = 0;
		}
	}
	html_close_to(h, depth);
}

/* A window of about 280 bytes of a highlighted body around its first match, cut at spaces, as
 * a paragraph; nothing when the body has no match. */
static void snippet(struct http_req *r, struct html *h, const char *body)
{
	const char *m = body ? strchr(body, MARK_ON) : NULL, *b, *e, *end;

	if (!m)
		return;
	end = body + strlen(body);
	b = m - 80 > body ? m - 80 : body;
	while (b > body && !is_space(b[-1]))
		b--;	/* back to the start of a word (never into a UTF-8 sequence) */
	e = m + SNIP_AFTER < end ? m + SNIP_AFTER : end;
	while (e < end && !is_space(*e))
		e++;
	HTML_OPEN_A(h, "p", "class", "snippet");
	if (b > body)
		html_text(h, "… ");
	marked_text(r, h, b, (size_t)(e - b));
	if (e < end)
		html_text(h, " …");
	html_close(h);
}

static const char *goal_level(const char *level)
{
	if (!level)
		return NULL;
	if (strcmp(level, "inriktningsmal") == 0)
		return "KF:s inriktningsmål";
	if (strcmp(level, "verksamhetsomradesmal") == 0)
		return "Verksamhetsområdesmål";
	if (strcmp(level, "namndmal") == 0)
		return "Nämndmål";
	return "Mål i lokalt utvecklingsprogram";
}

/* The page a hit links to. */
static const char *hit_href(struct http_req *r, const struct row_cell *c, int kind)
{
	struct buf b;
	const char *s;

	buf_init(&b, 4096);
	if (kind == 5) {
		buf_adds(&b, "/kommissionen/svar/");
		buf_adds(&b, c[S_ID].s);
	} else if (kind == 6) {
		buf_adds(&b, "/kommissionen#atgard-");
		buf_adds(&b, c[S_ID].s);
	} else if (kind == 1 || kind == 4) {
		buf_adds(&b, kind == 1 ? "/mal/" : "/indikator/");
		html_url_arg(&b, c[S_LINK_KEY].s ? c[S_LINK_KEY].s : "");
	} else if (kind == 3) {
		buf_adds(&b, "/aktivitet/");
		buf_adds(&b, c[S_ID].s);
	} else if (!c[S_LINK_YEAR].s) {
		/* a measure of a district's LUP */
		buf_adds(&b, "/stadsdel/");
		html_url_arg(&b, c[S_LINK_KEY].s ? c[S_LINK_KEY].s : "");
	} else {
		/* a measure of a plan without a district: its owner's plan for the year */
		buf_adds(&b, "/organisation/");
		html_url_arg(&b, c[S_LINK_KEY].s ? c[S_LINK_KEY].s : "");
		buf_adds(&b, "?ar=");
		buf_adds(&b, c[S_LINK_YEAR].s);
	}
	s = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return s;
}

/* hit_text: column col (S_TITLE_HL or S_BODY_HL) of hit c with its matches marked: a hit of
 * half 1 comes unmarked from store_search and is marked here, into scratch (valid until its next
 * use), only for the hits shown; on an overflow the text stays unmarked. snip (the body): only
 * the prefix the snippet can show is marked (search_mark_part: the text up to a space at least
 * SNIP_AFTER bytes past the first match), which is all the snippet reads of it. */
static const char *hit_text(const struct search_marker *mk, const struct row_cell *c, int col, struct buf *scratch,
			    int snip)
{
	const char *t = c[col].s;
	size_t n, covered;

	if (!t || cint(&c[S_HALF]) != 1)
		return t;
	n = strlen(t);
	buf_reset(scratch);
	buf_reserve(scratch, n + n / 4 + 16);	/* room for the text and mostly its marks at once */
	if (!snip)
		return search_mark_with(mk, t, n, scratch) == 0 ? scratch->ptr : t;
	return search_mark_part(mk, t, n, SNIP_AFTER, scratch, &covered) == 0 ? scratch->ptr : t;
}

static void hit(struct http_req *r, struct html *h, const struct search_marker *mk, const struct row_cell *c,
		int kind, struct buf *scratch)
{
	const char *t = hit_text(mk, c, S_TITLE_HL, scratch, 0);

	HTML_OPEN(h, "li");
	html_open(h, "a", "href", hit_href(r, c, kind), NULL);
	if (kind == 5) {
		html_text(h, c[S_LABEL].s);
		html_text(h, " om åtgärd ");
		html_text(h, c[S_DETAIL].s);
	} else if (t)
		marked_text(r, h, t, strlen(t));
	else
		html_text(h, c[S_LABEL].s);
	html_close(h);
	HTML_OPEN_A(h, "span", "class", "hit-context");
	html_text(h, " – ");
	if (kind == 1 && goal_level(c[S_DETAIL].s)) {
		html_text(h, goal_level(c[S_DETAIL].s));
		html_text(h, ", ");
	}
	html_text(h, c[S_CONTEXT].s);
	if (kind == 4 && c[S_DETAIL].s) {
		html_text(h, " (");
		html_text(h, c[S_DETAIL].s);
		html_text(h, ")");
	}
	html_close(h);
	snippet(r, h, hit_text(mk, c, S_BODY_HL, scratch, 1));	/* the title is written: scratch is free */
	html_close(h);
}

static void form(struct html *h, const char *q)
{
	char max[16];

	snprintf(max, sizeof(max), "%d", Q_MAX);
	html_open(h, "form", "role", "search", "method", "get", "action", "/sok", "class", "search", NULL);
	html_elem(h, "label", "Sök bland mål, åtgärder, aktiviteter, indikatorer och svar till kommissionen",
		  "for", "q", NULL);
	HTML_OPEN_A(h, "div", "class", "search-row");
	html_void(h, "input", "type", "search", "id", "q", "name", "q", "value", q ? q : "", "maxlength", max,
		  "autocomplete", "off", NULL);
	HTML_ELEM_A(h, "button", "type", "submit", "Sök");
	html_close(h);
	html_close(h);
}

/* Cuts q to the bytes a search uses (search_cap_len); returns whether it was cut. */
static int cap_query(struct http_req *r, const char **q)
{
	size_t n = search_cap_len(*q);

	if (n == strlen(*q))
		return 0;
	*q = arena_strndup(&r->a, *q, n);
	return 1;
}

static void results(struct http_req *r, struct html *h, const struct search_words *sw, const struct rowset *rs,
		    const char *q)
{
	int counts[KINDS] = { 0 };
	struct buf scratch;	/* a shown hit's marked text (hit_text) */
	struct search_marker mk;	/* the words, folded once for every hit shown */

	size_t items = 0;	/* the list items to write: kinds and the hits shown */

	for (int i = 0; i < rs->nrows; i++) {
		int k = (int)cint(&rs->rows[i][S_KIND]);
		if (k > 0 && k < KINDS)
			counts[k]++;
	}
	for (int k = 1; k < KINDS; k++)
		items += counts[k] ? 1 + (size_t)(counts[k] < SHOWN_MAX ? counts[k] : SHOWN_MAX) : 0;
	buf_reserve(&r->out, 1024 + HIT_ROOM * items);	/* no doubling and copying on the way */
	HTML_OPEN_A(h, "p", "class", "summary");
	if (rs->nrows == 0)
		html_textf(h, "Inga träffar för ”%s”.", q);
	else
		html_textf(h, "%d %s för ”%s”%s.", rs->nrows, rs->nrows == 1 ? "träff" : "träffar", q,
			   rs->nrows >= HITS_MAX ? " (de första; gör sökningen mer precis för att se alla)" : "");
	html_close(h);
	if (rs->nrows) {
		html_open(h, "ul", "class", "kinds", "aria-label", "Träffar per slag", NULL);
		for (int k = 1; k < KINDS; k++) {
			if (!counts[k])
				continue;
			char frag[24];
			snprintf(frag, sizeof(frag), "#slag-%d", k);
			HTML_OPEN(h, "li");
			html_open(h, "a", "href", frag, NULL);
			html_textf(h, "%s (%d)", kind_names[k], counts[k]);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	if (!rs->nrows)
		return;
	buf_init(&scratch, (size_t)64 << 20);
	search_marker_init(&mk, sw);
	for (int k = 1, i = 0; k < KINDS; k++) {
		char id[24];
		int shown = 0;
		if (!counts[k])
			continue;
		snprintf(id, sizeof(id), "slag-%d", k);
		html_open(h, "h2", "id", id, NULL);
		html_textf(h, "%s (%d)", kind_names[k], counts[k]);
		html_close(h);
		HTML_OPEN_A(h, "ul", "class", "hits");
		for (; i < rs->nrows && cint(&rs->rows[i][S_KIND]) <= k; i++)
			if (cint(&rs->rows[i][S_KIND]) == k && shown++ < SHOWN_MAX)
				hit(r, h, &mk, rs->rows[i], k, &scratch);
		html_close(h);
		if (counts[k] > SHOWN_MAX) {
			HTML_OPEN(h, "p");
			html_textf(h, "Visar de %d första av %d. Lägg till fler ord för att hitta rätt.", SHOWN_MAX, counts[k]);
			html_close(h);
		}
	}
	buf_release(&scratch);
}

/* GET /sok?q=...: the search form, and the hits for q when it is given. */
int page_search(struct http_req *r)
{
	const char *q = http_query(r, "q");
	struct search_words words;
	struct rowset rs;
	struct html *h;
	int cut = 0, dropped = 0;

	if (q) {
		while (is_space(*q))
			q++;
		cut = cap_query(r, &q);
		if (search_utf8_len(q, strlen(q)) < 0)
			return page_error(r, 400, "Sökfrågan innehåller tecken som inte kan sökas på.");
	}
	if (!q || !*q) {
		h = page_begin(r, "Sök", NAV_SEARCH);
		HTML_ELEM(h, "h1", "Sök");
		form(h, NULL);
		return page_end(r, h);
	}
	search_words_split(&words, q);	/* to tell whether a word is left */
	dropped = words.dropped;
	rowset_init(&rs, &r->a);
	if (words.n && (store_search(r->st, q, HITS_MAX, &dropped, collect_hit, &rs, &r->err) != LUP_OK ||
			order_hits(r, &rs) != 0))
		return page_error(r, 500, "Sökningen kunde inte göras. Försök igen om en stund.");
	h = page_begin(r, "Sökresultat", NAV_SEARCH);
	HTML_ELEM(h, "h1", "Sök");
	form(h, q);
	if (cut) {
		HTML_OPEN_A(h, "p", "class", "search-note");
		html_textf(h, "Sökfrågan var för lång: bara de första %d tecknen används.", Q_MAX);
		html_close(h);
	}
	if (dropped)
		html_elem(h, "p", "Ord med färre än tre tecken, och ord utöver de åtta första, tas inte med i sökningen.",
			  "class", "search-note", NULL);
	if (!words.n)
		HTML_ELEM_A(h, "p", "class", "summary", "Skriv minst ett ord med tre tecken eller fler.");
	else
		results(r, h, &words, &rs, q);
	return page_end(r, h);
}
