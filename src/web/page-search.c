/* page-search.c: GET /sok?q=...: Swedish full-text search over goals, measures, activities,
 * indicators, the commission's measures and the administrations' responses, through the FTS5
 * index of migration 0008 (trigram: case-insensitive also for Å, Ä, Ö, and matching parts of
 * words, so "förskola" finds "Förskolan") and, for what that one misses, the words index of
 * 0010 (diacritics removed, words matched from their beginning, so "forskola" typed without
 * Swedish letters finds "Förskolan" too). Hits are grouped by kind and sorted in Swedish order
 * (å, ä, ö after z). The user's words are quoted, so FTS5 syntax in them is plain text. */
#include "web/page.h"
#include "render/rows.h"
#include "core/arena.h"
#include "core/buf.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int page_search(struct http_req *r);

#define Q_MAX 200		/* bytes of the query that are used */
#define TERMS_MAX 8		/* words of the query that are used */
#define HITS_MAX 1000		/* hits read from the index */
#define SHOWN_MAX 50		/* hits shown per kind */
#define MARK_ON '\001'		/* highlight() markers (STMT_WEB_SEARCH_HITS) */
#define MARK_OFF '\002'

static const char *const kind_names[] = {
	NULL, "Mål", "Åtgärder i de lokala utvecklingsprogrammen", "Aktiviteter", "Indikatorer",
	"Svar till kommissionen", "Kommissionens åtgärder",
};
#define KINDS ((int)(sizeof(kind_names) / sizeof(kind_names[0])))

/* The result columns of STMT_WEB_SEARCH_HITS. */
enum { S_KIND, S_ID, S_LABEL, S_CONTEXT, S_DETAIL, S_LINK_KEY, S_LINK_YEAR, S_TITLE_HL, S_BODY_HL };

/* utf8_len: the number of code points of s[0..n), or -1 when it is not valid UTF-8. */
static int utf8_len(const char *s, size_t n)
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
			return -1;	/* control characters: not something a person types */
		p += len;
		count++;
	}
	return count;
}

/* Characters that separate words, and that are dropped at a word's ends. */
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int is_edge(char c) { return c && strchr(",;:!?.()[]{}\"'*^+<>", c) != NULL; }

/* Strips the UTF-8 quotation marks ” “ « » at the ends of [*b, *e). */
static void strip_quotes(const char **b, const char **e)
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

/*
 * fts_query: the FTS5 query for the user's words: each word of at least three characters as a
 * quoted string (a '"' inside doubled), all of them required; with prefix, each word matches
 * the beginnings of words (the words index). *dropped counts the words left out for being too
 * short or too many. Returns the query in the arena, or NULL when no word is left.
 */
static const char *fts_query(struct http_req *r, const char *q, int prefix, int *dropped)
{
	struct buf b;
	const char *s = q, *out = NULL;
	int terms = 0;

	*dropped = 0;
	buf_init(&b, 4 * Q_MAX + 64 + 2 * TERMS_MAX);
	while (*s) {
		const char *w, *e;
		while (is_space(*s))
			s++;
		if (!*s)
			break;
		w = s;
		while (*s && !is_space(*s))
			s++;
		e = s;
		strip_quotes(&w, &e);
		if (e == w)
			continue;
		if (utf8_len(w, (size_t)(e - w)) < 3 || terms == TERMS_MAX) {
			(*dropped)++;
			continue;
		}
		buf_adds(&b, terms++ ? " \"" : "\"");
		for (const char *p = w; p < e; p++) {
			if (*p == '"')
				buf_addc(&b, '"');
			buf_addc(&b, *p);
		}
		buf_adds(&b, prefix ? "\" *" : "\"");
	}
	if (terms && !b.overflow)
		out = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return out;
}

/* Writes s[0..n) as text, with the highlight markers as <mark> elements. */
static void marked_text(struct http_req *r, struct html *h, const char *s, size_t n)
{
	int open = 0, depth = h->depth;
	size_t i = 0, from = 0;

	for (; i <= n; i++) {
		if (i < n && s[i] != MARK_ON && s[i] != MARK_OFF)
			continue;
		if (i > from)
			html_text(h, arena_strndup(&r->a, s + from, i - from));
		from = i + 1;
		if (i == n)
			break;
		if (s[i] == MARK_ON && !open) {
			html_open(h, "mark", NULL);
			open = 1;
		} else if (s[i] == MARK_OFF && open) {
			html_close(h);
			open = 0;
		}
	}
	html_close_to(h, depth);
}

/* A window of about 250 bytes of a highlighted body around its first match, cut at spaces, as
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
	e = m + 200 < end ? m + 200 : end;
	while (e < end && !is_space(*e))
		e++;
	html_open(h, "p", "class", "snippet", NULL);
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
		buf_addf(&b, "/kommissionen/svar/%s", c[S_ID].s);
	} else if (kind == 6) {
		buf_addf(&b, "/kommissionen#atgard-%s", c[S_ID].s);
	} else if (kind == 1 || kind == 4) {
		buf_adds(&b, kind == 1 ? "/mal/" : "/indikator/");
		html_url_arg(&b, c[S_LINK_KEY].s ? c[S_LINK_KEY].s : "");
	} else if (kind == 3) {
		buf_addf(&b, "/aktivitet/%s", c[S_ID].s);
	} else if (!c[S_LINK_YEAR].s) {
		/* a measure of a district's LUP */
		buf_adds(&b, "/stadsdel/");
		html_url_arg(&b, c[S_LINK_KEY].s ? c[S_LINK_KEY].s : "");
	} else {
		/* a measure of a plan without a district: its owner's plan for the year */
		buf_adds(&b, "/organisation/");
		html_url_arg(&b, c[S_LINK_KEY].s ? c[S_LINK_KEY].s : "");
		buf_addf(&b, "?ar=%s", c[S_LINK_YEAR].s);
	}
	s = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return s;
}

static void hit(struct http_req *r, struct html *h, const struct row_cell *c, int kind)
{
	const char *t = c[S_TITLE_HL].s;

	html_open(h, "li", NULL);
	html_open(h, "a", "href", hit_href(r, c, kind), NULL);
	if (kind == 5)
		html_textf(h, "%s om åtgärd %s", c[S_LABEL].s, c[S_DETAIL].s ? c[S_DETAIL].s : "");
	else if (t)
		marked_text(r, h, t, strlen(t));
	else
		html_text(h, c[S_LABEL].s);
	html_close(h);
	html_open(h, "span", "class", "hit-context", NULL);
	html_text(h, " – ");
	if (kind == 1 && goal_level(c[S_DETAIL].s))
		html_textf(h, "%s, ", goal_level(c[S_DETAIL].s));
	html_text(h, c[S_CONTEXT].s);
	if (kind == 4 && c[S_DETAIL].s)
		html_textf(h, " (%s)", c[S_DETAIL].s);
	html_close(h);
	snippet(r, h, c[S_BODY_HL].s);
	html_close(h);
}

static void form(struct html *h, const char *q)
{
	char max[16];

	snprintf(max, sizeof(max), "%d", Q_MAX);
	html_open(h, "form", "role", "search", "method", "get", "action", "/sok", "class", "search", NULL);
	html_elem(h, "label", "Sök bland mål, åtgärder, aktiviteter, indikatorer och svar till kommissionen",
		  "for", "q", NULL);
	html_open(h, "div", "class", "search-row", NULL);
	html_void(h, "input", "type", "search", "id", "q", "name", "q", "value", q ? q : "", "maxlength", max,
		  "autocomplete", "off", NULL);
	html_elem(h, "button", "Sök", "type", "submit", NULL);
	html_close(h);
	html_close(h);
}

/* Cuts q to at most Q_MAX bytes at a character boundary; returns whether it was cut. */
static int cap_query(struct http_req *r, const char **q)
{
	size_t n = strlen(*q);

	if (n <= Q_MAX)
		return 0;
	n = Q_MAX;
	while (n > 0 && ((unsigned char)(*q)[n] & 0xC0) == 0x80)
		n--;
	*q = arena_strndup(&r->a, *q, n);
	return 1;
}

static void results(struct http_req *r, struct html *h, const struct rowset *rs, const char *q)
{
	int counts[KINDS] = { 0 };

	for (int i = 0; i < rs->nrows; i++) {
		int k = atoi(rs->rows[i][S_KIND].s);
		if (k > 0 && k < KINDS)
			counts[k]++;
	}
	html_open(h, "p", "class", "summary", NULL);
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
			html_open(h, "li", NULL);
			html_open(h, "a", "href", frag, NULL);
			html_textf(h, "%s (%d)", kind_names[k], counts[k]);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	for (int k = 1, i = 0; k < KINDS; k++) {
		char id[24];
		int shown = 0;
		if (!counts[k])
			continue;
		snprintf(id, sizeof(id), "slag-%d", k);
		html_open(h, "h2", "id", id, NULL);
		html_textf(h, "%s (%d)", kind_names[k], counts[k]);
		html_close(h);
		html_open(h, "ul", "class", "hits", NULL);
		for (; i < rs->nrows && atoi(rs->rows[i][S_KIND].s) <= k; i++)
			if (atoi(rs->rows[i][S_KIND].s) == k && shown++ < SHOWN_MAX)
				hit(r, h, rs->rows[i], k);
		html_close(h);
		if (counts[k] > SHOWN_MAX) {
			html_open(h, "p", NULL);
			html_textf(h, "Visar de %d första av %d. Lägg till fler ord för att hitta rätt.", SHOWN_MAX, counts[k]);
			html_close(h);
		}
	}
}

/* GET /sok?q=...: the search form, and the hits for q when it is given. */
int page_search(struct http_req *r)
{
	const char *q = http_query(r, "q"), *fq;
	struct rowset rs;
	struct sval a[3];
	struct html *h;
	int cut = 0, dropped = 0;

	if (q) {
		while (is_space(*q))
			q++;
		cut = cap_query(r, &q);
		if (utf8_len(q, strlen(q)) < 0)
			return page_error(r, 400, "Sökfrågan innehåller tecken som inte kan sökas på.");
	}
	if (!q || !*q) {
		h = page_begin(r, "Sök", NAV_SEARCH);
		html_elem(h, "h1", "Sök", NULL);
		form(h, NULL);
		return page_end(r, h);
	}
	fq = fts_query(r, q, 0, &dropped);
	rowset_init(&rs, &r->a);
	a[0] = sv_text(fq);
	a[1] = sv_int(HITS_MAX);
	a[2] = sv_text(fts_query(r, q, 1, &dropped));
	if (fq && rowset_query(&rs, r->st, STMT_WEB_SEARCH_HITS, a, 3, &r->err) != LUP_OK)
		return page_error(r, 500, "Sökningen kunde inte göras. Försök igen om en stund.");
	h = page_begin(r, "Sökresultat", NAV_SEARCH);
	html_elem(h, "h1", "Sök", NULL);
	form(h, q);
	if (cut) {
		html_open(h, "p", "class", "search-note", NULL);
		html_textf(h, "Sökfrågan var för lång: bara de första %d tecknen används.", Q_MAX);
		html_close(h);
	}
	if (dropped)
		html_elem(h, "p", "Ord med färre än tre tecken, och ord utöver de åtta första, tas inte med i sökningen.",
			  "class", "search-note", NULL);
	if (!fq)
		html_elem(h, "p", "Skriv minst ett ord med tre tecken eller fler.", "class", "summary", NULL);
	else
		results(r, h, &rs, q);
	return page_end(r, h);
}
