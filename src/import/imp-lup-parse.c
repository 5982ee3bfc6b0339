/* imp-lup-parse.c: the 'lup' importer's parser: text -> struct lup_doc, without a database.
 *
 * The text is read in layers:
 * 1. lines: trimmed; blank lines; page numbers and the running header next to them, page-break
 *    marks and the table of contents are skipped;
 * 2. numbered headings ("3.1 Rinkeby-Kista", "5.Prioriterade atgarder"), accepted only in
 *    order (a numbered list inside a section is not a heading) and not inside a paragraph;
 * 3. sections: their kind from the title (prioriteringar -> themes, åtgärder -> measures,
 *    genomförande -> partners, aktiviteter -> activities); a document whose sections follow
 *    the LUP template (1 Inledning ... 7 Metoder) is an LUP; subsections of a kind section are
 *    district blocks;
 * 4. paragraphs and units: a paragraph is split into headings (short lines without a full stop
 *    that begin a paragraph or a sentence) and running text;
 * 5. per block kind, units become themes, areas, measures, partner lists, activities.
 * Every line ends up owned by exactly one item.
 */
#include "import/imp-lup.h"

#include <stdlib.h>
#include <string.h>

enum { CL_EMPTY, CL_WS, CL_TEXT };
enum { U_HEAD, U_PARA, U_BULLET };

/* An accepted numbered heading. */
struct head {
	int first, last;	/* 0-based lines (last > first when the title wraps) */
	int depth;
	int path[4];
	const char *num;
	const char *title;
};

/* A paragraph: its text lines (0-based line numbers). */
struct chunk {
	int *ln;
	int n, cap;
};

/* A unit of a paragraph: a heading line, running text or a bullet. */
struct unit {
	int type;
	int k0, k1;		/* chunk line range */
	int ep;			/* a heading ending with a full stop */
	const char *text;	/* joined */
};

/* Scratch body parts of an item (joined into item->body at the end). */
struct parts {
	const char **p;
	int n, cap;
};

struct ps {
	struct imp_ctx *c;
	struct arena *a;
	struct lup_doc *d;
	int n;			/* lines */
	char **tl;		/* trimmed line text */
	unsigned char *cls;
	unsigned char *brk;	/* line i lies in a gap that separates paragraphs */
	const char **skip;	/* why line i is skipped, or NULL */
	int *hd;		/* the heading covering line i, or -1 */
	struct head *heads;
	int nheads;
	struct parts *parts;	/* per item */
	int **themes;		/* per block: its LI_THEME items, -1 terminated */
	int cursec;		/* the template section being read, or -1 */
	int err;		/* a limit was passed */
};

/* ---- small text helpers ---------------------------------------------------------------- */

/* last_char: the last character of s that is not a closing quote or bracket. */
static char last_char(const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		unsigned char ch = (unsigned char)s[n - 1];
		if (ch == '"' || ch == '\'' || ch == ')' || ch == ']')
			n--;
		else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 && (unsigned char)s[n - 2] == 0x80 &&
			 (ch == 0x9d || ch == 0x99))	/* ” ’ */
			n -= 3;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 && ch == 0xbb)	/* » */
			n -= 2;
		else
			return s[n - 1];
	}
	return 0;
}

static int ends_sentence(const char *s)
{
	char ch = last_char(s);

	return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == ';';
}

/* ends_hyphen: s ends with a letter and '-' (a word split over two lines). */
static int ends_hyphen(const char *s)
{
	size_t n = strlen(s);

	return n >= 2 && s[n - 1] == '-' && s[n - 2] != ' ' && s[n - 2] != '-';
}

/* bullet_len: the length of a bullet mark starting s ("- ", "• "), or 0. */
static size_t bullet_len(const char *s)
{
	static const char *const marks[] = { "- ", "\xe2\x80\x93 ", "\xe2\x80\xa2 ", "* ", "\xc2\xb7 ",
					     "\xef\x82\xb7 ", NULL };

	for (int i = 0; marks[i]; i++)
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return strlen(marks[i]);
	return 0;
}

/* first_word_is: the first word of s (folded) is one of words. */
static int first_word_in(struct arena *a, const char *s, const char *const *words)
{
	char *f = imp_lup_fold(a, s), *sp = strchr(f, ' ');

	if (sp)
		*sp = '\0';
	for (int i = 0; words[i]; i++)
		if (strcmp(f, words[i]) == 0)
			return 1;
	return 0;
}

/* lower_word: the last word of s in lower case (ASCII and Å Ä Ö É), trailing punctuation off. */
static char *last_word_lower(struct arena *a, const char *s)
{
	const char *e = s + strlen(s), *b;
	char *w;

	while (e > s && (e[-1] == '.' || e[-1] == ' ' || e[-1] == '!' || e[-1] == '?'))
		e--;
	b = e;
	while (b > s && b[-1] != ' ')
		b--;
	w = arena_strndup(a, b, (size_t)(e - b));
	for (unsigned char *p = (unsigned char *)w; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p + 32);
		else if (p[0] == 0xc3 && p[1] >= 0x80 && p[1] <= 0x9e && p[1] != 0x97)
			p[1] = (unsigned char)(p[1] + 0x20);
	}
	return w;
}

/* last_word_small: the last word of s cannot end a heading ("och", "att", "för" ...; OCR
 * spellings too, but not "ar", which is also "år"). */
static int last_word_small(struct arena *a, const char *s)
{
	static const char *const w[] = { "och", "att", "med", "för", "for", "i", "1", "på", "pa", "av",
					 "till", "om", "som", "samt", "eller", "en", "ett", "den", "det",
					 "de", "från", "fran", "under", "mellan", "inom", "vid", "hos",
					 "är", "dr", "har", "kan", "ska", "skall", "kommer", "mot", "sig",
					 "sitt", "sin", "sina", "dessa", "detta", "denna", "vara", "bli",
					 "blir", "var", "när", "där", "hur", "vad", "genom", "efter", "utan",
					 "samtliga", "olika", "några", "flera", "sker", "finns", "the",
					 "and", NULL };
	char *f = last_word_lower(a, s);

	for (int i = 0; w[i]; i++)
		if (strcmp(f, w[i]) == 0)
			return 1;
	return 0;
}

/* sentence_break_inside: s has ". X" (a full stop, space, capital) before its end. */
static int sentence_break_inside(const char *s)
{
	for (const char *p = s; p[0] && p[1] && p[2]; p++)
		if ((p[0] == '.' || p[0] == '!' || p[0] == '?') && p[1] == ' ' && imp_lup_upper_first(p + 2))
			return 1;
	return 0;
}

/* heading_shaped: text can be a heading (wrapped: of a wrapped paragraph); *ep gets whether it
 * ends with a full stop. */
static int heading_shaped(struct ps *s, const char *t, int wrapped, int *ep)
{
	size_t len = strlen(t);
	int w = imp_lup_words(t);
	char ch = last_char(t);

	*ep = 0;
	if (!imp_lup_upper_first(t) || bullet_len(t))
		return 0;
	if (len > (wrapped ? 110u : 130u) || w > (wrapped ? 14 : 20))
		return 0;
	if (ch == ',' || ch == ';' || ch == ':' || ch == '-' || ch == 0)
		return 0;
	if (last_word_small(s->a, t) || sentence_break_inside(t))
		return 0;
	*ep = ch == '.' || ch == '!' || ch == '?';
	return !*ep || w <= (wrapped ? 10 : 6);
}

/* join: the text of lines ln[k0..k1] joined: a word split with '-' at a line end is put back
 * together ("stadsdels-" "omradet"), "19-" "29" stays "19-29", "råd-" "och" keeps "råd- och". */
static char *join(struct ps *s, const int *ln, int k0, int k1)
{
	size_t n = 0, o = 0;
	char *r;

	for (int k = k0; k <= k1; k++)
		n += strlen(s->tl[ln[k]]) + 1;
	r = arena_alloc(s->a, n + 1);
	for (int k = k0; k <= k1; k++) {
		const char *t = s->tl[ln[k]];
		size_t tn = strlen(t);
		if (k > k0) {
			static const char *const keep[] = { "och", "eller", "samt", "till", NULL };
			if (o > 0 && r[o - 1] == '-' && o >= 2 && r[o - 2] != ' ') {
				if (imp_lup_lower_first(t) && !first_word_in(s->a, t, keep))
					o--;
				else if (imp_lup_lower_first(t))
					r[o++] = ' ';
			} else {
				r[o++] = ' ';
			}
		}
		memcpy(r + o, t, tn);
		o += tn;
	}
	r[o] = '\0';
	return r;
}

static const char *dup_range(struct ps *s, const char *b, const char *e)
{
	while (b < e && (*b == ' ' || *b == ','))
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '.' || e[-1] == ','))
		e--;
	return arena_strndup(s->a, b, (size_t)(e - b));
}

/* split_list: the names of a written list "A, B, C och D" ("samt" too); at most LUP_MAX_NAMES. */
static int split_list(struct ps *s, const char *text, const char ***out)
{
	const char **v = arena_alloc(s->a, sizeof(*v) * LUP_MAX_NAMES);
	const char *p = text;
	int n = 0;

	while (*p && n < LUP_MAX_NAMES - 1) {
		const char *e = strchr(p, ','), *end = e ? e : p + strlen(p);
		const char *cut = NULL;
		if (!e) {	/* the last item: "X samt Y", "X och Y" */
			for (const char *q = p; (q = strstr(q, " samt ")) && q < end; q++)
				cut = q;
			if (!cut)
				for (const char *q = p; (q = strstr(q, " och ")) && q < end; q++)
					if (q > p && q[-1] != '-')
						cut = q;
		}
		if (cut) {
			const char *a = dup_range(s, p, cut), *b = dup_range(s, strchr(cut + 1, ' ') + 1, end);
			if (*a)
				v[n++] = a;
			if (*b)
				v[n++] = b;
		} else {
			const char *a = dup_range(s, p, end);
			static const char *const lead[] = { "och ", "samt ", NULL };
			for (int i = 0; lead[i]; i++)
				if (strncmp(a, lead[i], strlen(lead[i])) == 0)
					a += strlen(lead[i]);
			if (*a)
				v[n++] = a;
		}
		p = e ? e + 1 : end;
	}
	*out = v;
	return n;
}

/* ---- items and ownership ----------------------------------------------------------------- */

static int new_item(struct ps *s, enum lup_item_kind k, int block, int line0)
{
	struct lup_doc *d = s->d;
	struct lup_item *it;

	if (d->nitems >= LUP_MAX_ITEMS) {
		if (!s->err)
			err_set(s->c->e, LUP_ETOOBIG, "%s:%d: fler än %d delar i ett dokument",
				s->c->path, line0 + 1, LUP_MAX_ITEMS);
		s->err = 1;
		return -1;
	}
	if (d->nitems == d->capitems) {
		int cap = d->capitems ? 2 * d->capitems : 256;
		struct lup_item *ni = arena_alloc(s->a, sizeof(*ni) * (size_t)cap);
		struct parts *np = arena_alloc(s->a, sizeof(*np) * (size_t)cap);
		if (d->nitems) {
			memcpy(ni, d->items, sizeof(*ni) * (size_t)d->nitems);
			memcpy(np, s->parts, sizeof(*np) * (size_t)d->nitems);
		}
		d->items = ni;
		s->parts = np;
		d->capitems = cap;
	}
	it = &d->items[d->nitems];
	memset(it, 0, sizeof(*it));
	it->kind = k;
	it->block = block;
	it->theme = it->ref = -1;
	it->sec = s->cursec;
	it->first = it->last = line0 + 1;
	return d->nitems++;
}

/* own: item i owns lines ln[k0..k1]. */
static void own(struct ps *s, int i, const int *ln, int k0, int k1)
{
	if (i < 0)
		return;
	for (int k = k0; k <= k1; k++)
		s->d->owner[ln[k]] = i;
}

static void own_range(struct ps *s, int i, int l0, int l1)
{
	if (i < 0)
		return;
	for (int l = l0; l <= l1; l++)
		s->d->owner[l] = i;
}

static void add_part(struct ps *s, int i, const char *text)
{
	struct parts *p;

	if (i < 0)
		return;
	p = &s->parts[i];
	if (p->n == p->cap) {
		int cap = p->cap ? 2 * p->cap : 4;
		const char **np = arena_alloc(s->a, sizeof(*np) * (size_t)cap);
		if (p->n)
			memcpy(np, p->p, sizeof(*np) * (size_t)p->n);
		p->p = np;
		p->cap = cap;
	}
	p->p[p->n++] = text;
}

/* unit_item: a new item of kind k for unit u of chunk ch, owning its lines. */
static int unit_item(struct ps *s, enum lup_item_kind k, int block, const struct chunk *ch,
		     const struct unit *u)
{
	int i = new_item(s, k, block, ch->ln[u->k0]);

	if (i >= 0) {
		own(s, i, ch->ln, u->k0, u->k1);
		s->d->items[i].text = u->text;
	}
	return i;
}

/* ---- layer 1: lines ---------------------------------------------------------------------- */

static int is_space_at(const char *p, size_t *n)
{
	*n = 1;
	if (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\v')
		return 1;
	if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0) {	/* no-break space */
		*n = 2;
		return 1;
	}
	return 0;
}

static char *trim(char *p)
{
	size_t k, n;

	while (*p && is_space_at(p, &k))
		p += k;
	n = strlen(p);
	while (n > 0) {
		if (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\f' || p[n - 1] == '\v')
			n--;
		else if (n >= 2 && (unsigned char)p[n - 2] == 0xc2 && (unsigned char)p[n - 1] == 0xa0)
			n -= 2;
		else
			break;
	}
	p[n] = '\0';
	return p;
}

static void read_lines(struct ps *s, const struct imp_text *t)
{
	s->tl = arena_alloc(s->a, sizeof(char *) * (size_t)(s->n + 1));
	s->cls = arena_alloc(s->a, (size_t)s->n + 1);
	s->skip = arena_alloc(s->a, sizeof(char *) * (size_t)(s->n + 1));
	s->hd = arena_alloc(s->a, sizeof(int) * (size_t)(s->n + 1));
	for (int i = 0; i < s->n; i++) {
		char *raw = t->lines[i];
		s->cls[i] = !*raw ? CL_EMPTY : CL_TEXT;
		s->tl[i] = trim(raw);
		if (s->cls[i] == CL_TEXT && !*s->tl[i])
			s->cls[i] = CL_WS;
		s->hd[i] = -1;
	}
}

/* layout: wrapping (short lines) and double spacing (most lines of a wrapped text followed by
 * the same number of empty lines, a good share of them inside a sentence: then only a line of
 * spaces or a longer run of empty lines separates paragraphs); fills brk[] for every gap. */
static void layout(struct ps *s)
{
	int text = 0, longl = 0, adjacent = 0, gaps = 0, spaced = 0, lower = 0, hist[8] = { 0 }, mode = 0;

	for (int i = 0; i < s->n; i++)
		if (s->cls[i] == CL_TEXT) {
			text++;
			longl += strlen(s->tl[i]) > 120;
			adjacent += i + 1 < s->n && s->cls[i + 1] == CL_TEXT;
		}
	for (int i = 0; i < s->n; ) {	/* the gaps between text lines */
		int j = i, ws = 0, k = 0;
		if (s->cls[i] == CL_TEXT) {
			i++;
			continue;
		}
		for (; j < s->n && s->cls[j] != CL_TEXT; j++)
			s->cls[j] == CL_WS ? ws++ : k++;
		gaps++;
		if (!ws && k > 0) {
			spaced++;
			hist[k < 7 ? k : 7]++;
			lower += j < s->n && imp_lup_lower_first(s->tl[j]);
		}
		i = j;
	}
	for (int k = 1; k < 8; k++)
		if (hist[k] > hist[mode])
			mode = k;
	/* wrapped: short lines, and paragraphs of several lines (lines next to each other, or
	 * gaps inside sentences); double-spaced: most lines followed by a gap, many of them inside
	 * a sentence (one-line paragraphs have almost none: seed 001 1 %, seed 000 62 %) */
	s->d->wrapped = longl * 20 <= text && (adjacent * 5 >= text || lower * 100 >= spaced * 15);
	s->d->dspaced = s->d->wrapped && text > 0 && gaps * 10 >= text * 7 && lower * 100 >= spaced * 15;
	s->brk = arena_alloc(s->a, (size_t)s->n + 1);
	for (int i = 0; i < s->n; ) {
		int j = i, ws = 0, k = 0, b;
		if (s->cls[i] == CL_TEXT) {
			i++;
			continue;
		}
		for (; j < s->n && s->cls[j] != CL_TEXT; j++)
			s->cls[j] == CL_WS ? ws++ : k++;
		b = !s->d->dspaced || ws > 0 || k > mode;
		for (int x = i; x < j; x++)
			s->brk[x] = (unsigned char)b;
		i = j;
	}
}

/* brk_line: line i (not text) is part of a gap that separates paragraphs. */
static int brk_line(const struct ps *s, int i)
{
	return s->brk[i];
}

static int is_page_number(const char *t)
{
	const char *p = t;
	int nd = 0;

	while (*p >= '0' && *p <= '9')
		p++, nd++;
	if (nd < 1 || nd > 4)
		return 0;
	while (*p == ' ')
		p++;
	if (*p == '(') {
		p++, nd = 0;
		while (*p >= '0' && *p <= '9')
			p++, nd++;
		if (nd < 1 || nd > 4 || *p++ != ')')
			return 0;
	}
	return *p == '\0';
}

static int is_rule(const char *t)
{
	size_t n = strlen(t);

	if (n < 2 || n > 100)
		return 0;
	return strspn(t, "-_=~*") == n;
}

/* toc_entry: "3.1 Rinkeby-Kista<TAB>7": a title ending in a page number. */
static int toc_entry(const char *t, int in_toc)
{
	size_t n = strlen(t), k = n;

	while (k > 0 && t[k - 1] >= '0' && t[k - 1] <= '9')
		k--;
	if (k == n || n - k > 3 || k == 0 || (t[k - 1] != ' ' && t[k - 1] != '\t'))
		return 0;
	return in_toc || (strchr(t, '\t') && t[0] >= '0' && t[0] <= '9');
}

static void mark_skips(struct ps *s)
{
	int in_toc = 0;

	for (int i = 0; i < s->n; i++) {
		const char *t = s->tl[i];
		char *f;
		if (s->cls[i] != CL_TEXT)
			continue;
		if (is_page_number(t)) {
			s->skip[i] = "page number";
			continue;
		}
		if (is_rule(t)) {
			s->skip[i] = "page break";
			continue;
		}
		f = imp_lup_fold(s->a, t);
		if (strncmp(f, "innehall", 8) == 0 && (toc_entry(t, 1) || strcmp(f, "innehall") == 0 ||
							strcmp(f, "innehallsforteckning") == 0)) {
			s->skip[i] = "table of contents";
			in_toc = 1;
			continue;
		}
		if (toc_entry(t, in_toc)) {
			s->skip[i] = "table of contents";
			continue;
		}
		in_toc = 0;
	}
	/* the running header: a line next to a page number (no paragraph break between) */
	for (int i = 0; i < s->n; i++) {
		if (!s->skip[i] || strcmp(s->skip[i], "page number") != 0)
			continue;
		for (int dir = -1; dir <= 1; dir += 2) {
			const char *t;
			char ch;
			int j = i + dir;
			while (j >= 0 && j < s->n && s->cls[j] != CL_TEXT && !s->brk[j])
				j += dir;
			if (j < 0 || j >= s->n || s->cls[j] != CL_TEXT || s->skip[j])
				continue;
			t = s->tl[j], ch = last_char(t);
			if (strlen(t) <= 150 && ch != '.' && ch != ',' && ch != ':' && ch != ';')
				s->skip[j] = "running header";
		}
	}
}

/* ---- layer 2: numbered headings ------------------------------------------------------------ */

/* parse_number: "3.1 Title" / "5.Title": the number path and where the title starts. */
static int parse_number(const char *t, struct head *h, const char **title)
{
	const char *p = t;

	h->depth = 0;
	while (h->depth < 4 && *p >= '0' && *p <= '9') {
		int v = 0, nd = 0;
		while (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p - '0');
			p++;
			if (++nd > 2)
				return 0;
		}
		h->path[h->depth++] = v;
		if (*p == '.' && p[1] >= '0' && p[1] <= '9')
			p++;
		else
			break;
	}
	if (!h->depth || (*p >= '0' && *p <= '9'))
		return 0;
	if (*p == '.')
		p++;
	else if (*p != ' ' && *p != '\t')
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!imp_lup_upper_first(p))
		return 0;
	*title = p;
	return 1;
}

/* successor: h may follow cur: the next number at some level, or a first subsection (1 or 2). */
static int successor(const struct head *cur, const struct head *h)
{
	if (!cur)
		return 1;
	if (h->depth == cur->depth + 1) {
		for (int i = 0; i < cur->depth; i++)
			if (h->path[i] != cur->path[i])
				return 0;
		return h->path[h->depth - 1] == 1 || h->path[h->depth - 1] == 2;
	}
	if (h->depth > cur->depth)
		return 0;
	for (int i = 0; i < h->depth - 1; i++)
		if (h->path[i] != cur->path[i])
			return 0;
	return h->path[h->depth - 1] == cur->path[h->depth - 1] + 1;
}

/* next_text / prev_text: the nearest text line after/before i that is not skipped, or -1;
 * *brk gets whether a paragraph break lies between. */
static int next_text(const struct ps *s, int i, int *brk)
{
	*brk = 0;
	for (int j = i + 1; j < s->n; j++) {
		if (s->cls[j] == CL_TEXT && !s->skip[j])
			return j;
		if (brk_line(s, j))
			*brk = 1;
	}
	return -1;
}

static int prev_text(const struct ps *s, int i, int *brk)
{
	*brk = 0;
	for (int j = i - 1; j >= 0; j--) {
		if (s->cls[j] == CL_TEXT && !s->skip[j])
			return j;
		if (brk_line(s, j))
			*brk = 1;
	}
	return -1;
}

static enum lup_kind kind_of(struct ps *s, const char *title);

/* jump: h skips numbers after cur at one level ("3.2" -> "6") by at most 5. */
static int jump(const struct head *cur, const struct head *h)
{
	if (!cur || h->depth > cur->depth)
		return 0;
	for (int i = 0; i < h->depth - 1; i++)
		if (h->path[i] != cur->path[i])
			return 0;
	return h->path[h->depth - 1] > cur->path[h->depth - 1] + 1 &&
	       h->path[h->depth - 1] <= cur->path[h->depth - 1] + 5;
}

/* try_heading: line i as a numbered heading that may follow cur (the next number; or a later
 * one when the title names a section the importer reads); fills h. */
static int try_heading(struct ps *s, int i, const struct head *cur, struct head *h)
{
	const char *title;
	int brk, j, k, last = i;

	if (!parse_number(s->tl[i], h, &title))
		return 0;
	if (!successor(cur, h) && !(jump(cur, h) && kind_of(s, title) != LUP_K_PROSE))
		return 0;
	{
		size_t nl = (size_t)(title - s->tl[i]);
		while (nl > 0 && (s->tl[i][nl - 1] == ' ' || s->tl[i][nl - 1] == '\t' || s->tl[i][nl - 1] == '.'))
			nl--;
		h->num = arena_strndup(s->a, s->tl[i], nl);
	}
	j = prev_text(s, i, &brk);
	if (j >= 0 && !brk && !ends_sentence(s->tl[j]) && !(s->hd[j] >= 0))
		return 0;
	k = next_text(s, i, &brk);
	if (ends_hyphen(title) && k >= 0 && !brk && imp_lup_lower_first(s->tl[k]) &&
	    imp_lup_words(s->tl[k]) <= 3) {
		int k2 = next_text(s, k, &brk);
		if (k2 < 0 || brk || !imp_lup_lower_first(s->tl[k2])) {
			size_t n1 = strlen(title) - 1, n2 = strlen(s->tl[k]);
			char *t = arena_alloc(s->a, n1 + n2 + 1);	/* zero-filled */
			memcpy(t, title, n1);
			memcpy(t + n1, s->tl[k], n2);
			title = t;
			last = k;
			k = k2;
		}
	}
	if (k >= 0 && !brk && last == i && imp_lup_lower_first(s->tl[k]))
		return 0;
	if (strlen(title) > 120 || imp_lup_words(title) > 15 || last_char(title) == ',')
		return 0;
	h->first = i;
	h->last = last;
	h->title = last == i ? arena_strdup(s->a, title) : title;
	return 1;
}

static int find_headings(struct ps *s)
{
	const struct head *cur = NULL;

	s->heads = arena_alloc(s->a, sizeof(struct head) * LUP_MAX_HEADINGS);
	for (int i = 0; i < s->n; i++) {
		struct head h;
		if (s->cls[i] != CL_TEXT || s->skip[i] || s->hd[i] >= 0)
			continue;
		if (!try_heading(s, i, cur, &h))
			continue;
		if (s->nheads >= LUP_MAX_HEADINGS)
			return err_set(s->c->e, LUP_ETOOBIG, "%s:%d: fler än %d numrerade rubriker",
				       s->c->path, i + 1, LUP_MAX_HEADINGS);
		s->heads[s->nheads] = h;
		for (int l = h.first; l <= h.last; l++)
			s->hd[l] = s->nheads;
		cur = &s->heads[s->nheads++];
		i = h.last;
	}
	return LUP_OK;
}

/* ---- layer 3: title, year, organisation hints --------------------------------------------- */

static void add_str(struct ps *s, const char ***v, int *n, const char *x)
{
	const char **nv = arena_alloc(s->a, sizeof(*nv) * (size_t)(*n + 1));

	if (*n)
		memcpy(nv, *v, sizeof(*nv) * (size_t)*n);
	nv[(*n)++] = x;
	*v = nv;
}

static int year_of(const char *w)
{
	if (strlen(w) == 4 && (strncmp(w, "19", 2) == 0 || strncmp(w, "20", 2) == 0) &&
	    w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9')
		return atoi(w);
	return 0;
}

/* org_candidates: "Socialförvaltningens arbete ..." -> "Socialförvaltningen"; "... för X" -> X. */
static void org_candidates(struct ps *s, const char *title)
{
	const char *sp = strchr(title, ' '), *f;
	size_t n = sp ? (size_t)(sp - title) : strlen(title);

	if (n >= 6 && title[n - 1] == 's' && imp_lup_upper_first(title))
		add_str(s, &s->d->orgs, &s->d->norgs, arena_strndup(s->a, title, n - 1));
	if ((f = strstr(title, " för ")) && imp_lup_upper_first(f + 6))
		add_str(s, &s->d->orgs, &s->d->norgs, arena_strdup(s->a, f + 6));
}

static void find_title(struct ps *s)
{
	int first_head = s->nheads ? s->heads[0].first : s->n;
	int counts[200] = { 0 }, best = 0;

	for (int i = 0; i < first_head; i++) {
		if (s->cls[i] != CL_TEXT || s->skip[i])
			continue;
		if (strlen(s->tl[i]) <= 200 && imp_lup_words(s->tl[i]) <= 25) {
			int it = new_item(s, LI_TITLE, -1, i);
			own_range(s, it, i, i);
			if (it >= 0)
				s->d->items[it].text = s->tl[i];
			s->d->title = s->tl[i];
		}
		break;
	}
	if (s->d->title) {
		add_str(s, &s->d->hints, &s->d->nhints, s->d->title);
		org_candidates(s, s->d->title);
		char *save = NULL, *f = imp_lup_fold(s->a, s->d->title);
		for (char *w = strtok_r(f, " ", &save); w; w = strtok_r(NULL, " ", &save))
			if (year_of(w))
				s->d->year = year_of(w);
	}
	for (int i = 0; i < s->n; i++)
		if (s->skip[i] && strcmp(s->skip[i], "running header") == 0)
			add_str(s, &s->d->hints, &s->d->nhints, s->tl[i]);
	for (int h = 0; h < s->nheads; h++)
		org_candidates(s, s->heads[h].title);
	if (s->d->year)
		return;
	for (int i = 0; i < s->n; i++) {
		char *save = NULL, *f;
		if (s->cls[i] != CL_TEXT || s->skip[i])
			continue;
		f = imp_lup_fold(s->a, s->tl[i]);
		for (char *w = strtok_r(f, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
			int y = year_of(w);
			if (y >= 1900 && y < 2100 && ++counts[(y - 1900) % 200] > counts[best])
				best = (y - 1900) % 200;
		}
	}
	if (counts[best])
		s->d->year = 1900 + best;
}

/* all_text: every text line, for finding the district an LUP names most often. */
static void all_text_hint(struct ps *s)
{
	size_t n = 0, o = 0;
	char *r;

	for (int i = 0; i < s->n; i++)
		if (s->cls[i] == CL_TEXT && !s->skip[i])
			n += strlen(s->tl[i]) + 1;
	r = arena_alloc(s->a, n + 1);
	for (int i = 0; i < s->n; i++) {
		if (s->cls[i] != CL_TEXT || s->skip[i])
			continue;
		memcpy(r + o, s->tl[i], strlen(s->tl[i]));
		o += strlen(s->tl[i]);
		r[o++] = ' ';
	}
	r[o] = '\0';
	add_str(s, &s->d->hints, &s->d->nhints, r);
}

/* ---- layer 4: paragraphs and units ---------------------------------------------------------- */

static void chunk_add(struct ps *s, struct chunk *ch, int l)
{
	if (ch->n == ch->cap) {
		int cap = ch->cap ? 2 * ch->cap : 16;
		int *nl = arena_alloc(s->a, sizeof(int) * (size_t)cap);
		if (ch->n)
			memcpy(nl, ch->ln, sizeof(int) * (size_t)ch->n);
		ch->ln = nl;
		ch->cap = cap;
	}
	ch->ln[ch->n++] = l;
}

/* gap_joins: whether text line b continues the paragraph of line a across the lines between. */
static int gap_joins(const struct ps *s, int a, int b)
{
	int brk = 0, page = 0;
	const char *ta = s->tl[a], *tb = s->tl[b];

	for (int j = a + 1; j < b; j++) {
		if (s->skip[j])
			page = 1;
		else if (brk_line(s, j))
			brk = 1;
	}
	if (page)
		return imp_lup_lower_first(tb) || ends_hyphen(ta) || last_char(ta) == ',';
	if (brk)	/* a sentence going on after a blank line: "... (utifrån samlade behov i" "enskild" */
		return (ends_hyphen(ta) || !ends_sentence(ta)) && imp_lup_lower_first(tb);
	return 1;
}

/* head_at: line k of ch as a heading (prev_head: the line before is one); *k1 gets its last
 * line (a heading split with '-' takes two), *text its text. */
static int head_at(struct ps *s, const struct chunk *ch, int k, int prev_head, int *k1,
		   const char **text, int *ep)
{
	const char *t = s->tl[ch->ln[k]];

	if (prev_head || (k > 0 && !ends_sentence(s->tl[ch->ln[k - 1]])))
		return 0;
	*k1 = k;
	*text = t;
	if (ends_hyphen(t) && k + 1 < ch->n && imp_lup_lower_first(s->tl[ch->ln[k + 1]]) &&
	    imp_lup_words(s->tl[ch->ln[k + 1]]) <= 2 &&
	    (k + 2 >= ch->n || !imp_lup_lower_first(s->tl[ch->ln[k + 2]]))) {
		*k1 = k + 1;
		*text = join(s, ch->ln, k, k + 1);
	} else if (k + 1 < ch->n && imp_lup_lower_first(s->tl[ch->ln[k + 1]])) {
		return 0;
	}
	if (!heading_shaped(s, *text, 1, ep))
		return 0;
	return !*ep || k == 0;
}

/* units: splits a paragraph into units (at most ch->n). */
static int units(struct ps *s, const struct chunk *ch, struct unit *u)
{
	int n = 0, k = 0, prev_head = 0;

	if (!s->d->wrapped) {
		memset(&u[0], 0, sizeof(u[0]));
		u[0].k0 = 0, u[0].k1 = ch->n - 1;
		u[0].text = join(s, ch->ln, 0, ch->n - 1);
		u[0].type = bullet_len(u[0].text) ? U_BULLET :
			    heading_shaped(s, u[0].text, 0, &u[0].ep) ? U_HEAD : U_PARA;
		return 1;
	}
	while (k < ch->n) {
		int k1;
		const char *t;
		struct unit *x = &u[n++];
		memset(x, 0, sizeof(*x));
		if (head_at(s, ch, k, prev_head, &k1, &t, &x->ep)) {
			x->type = U_HEAD, x->k0 = k, x->k1 = k1, x->text = t;
			prev_head = 1;
			k = k1 + 1;
		} else {
			int b = bullet_len(s->tl[ch->ln[k]]) > 0, j, dummy;
			const char *dt;
			x->type = b ? U_BULLET : U_PARA, x->k0 = k;
			for (j = k + 1; j < ch->n; j++) {
				if (bullet_len(s->tl[ch->ln[j]]))
					break;
				if (b && !imp_lup_lower_first(s->tl[ch->ln[j]]))
					break;
				if (head_at(s, ch, j, 0, &dummy, &dt, &dummy))
					break;
			}
			x->k1 = j - 1;
			x->text = join(s, ch->ln, k, j - 1);
			prev_head = 0;
			k = j;
		}
	}
	return n;
}

/* ---- layer 5: what units are ----------------------------------------------------------------- */

/* count_of: "arbetar utifrån tre prioriterade teman" -> 3, or -1. */
static int count_of(struct ps *s, const char *text)
{
	char *f = imp_lup_fold(s->a, text), *w[64], *save = NULL;
	int n = 0;

	for (char *t = strtok_r(f, " ", &save); t && n < 64; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	for (int i = 0; i + 1 < n; i++) {
		int v = imp_lup_number(w[i]);
		if (v < 0 || v > 30 || (i > 0 && (strcmp(w[i - 1], "dessa") == 0 || strcmp(w[i - 1], "de") == 0)))
			continue;	/* "dessa tre teman" refers back, it does not state */
		if (strncmp(w[i + 1], "tema", 4) == 0)
			return v;
		if (i + 2 < n && strncmp(w[i + 2], "tema", 4) == 0 &&
		    (strcmp(w[i + 1], "prioriterade") == 0 || strcmp(w[i + 1], "prioriterat") == 0 ||
		     strcmp(w[i + 1], "overgripande") == 0 ||
		     strcmp(w[i + 1], "olika") == 0))
			return v;
	}
	return -1;
}

/* areas_of: whether text states the prioritised areas; fills the item's names and n (all). */
static int areas_of(struct ps *s, const char *text, struct lup_item *it)
{
	char *f = imp_lup_fold(s->a, text);
	const char *p, *e, *semi;

	if (strstr(f, "tema"))
		return 0;
	if (strstr(f, "pekar inte ut") || strstr(f, "inget geografiskt") || strstr(f, "inga geografiska"))
		return 1;
	if (!strstr(f, "prioriterade omraden") && !strstr(f, "prioriterat omrade") &&
	    !strstr(f, "som prioriterat") &&
	    !(strstr(f, "samtliga") && strstr(f, "stadsdelar") && strstr(f, "prioriterade")))
		return 0;
	it->n = strstr(f, "samtliga") != NULL;
	if (!(p = strstr(text, "prioriter")))
		return 1;
	e = p;
	while (e > text && e[-1] == ' ')
		e--;
	while (e > text && e[-1] != ' ')	/* the verb: "är" (OCR "dr") */
		e--;
	if ((semi = memchr(text, ';', (size_t)(e - text))))
		text = semi + 1;
	else if (it->n)
		return 1;
	it->nnames = split_list(s, dup_range(s, text, e), &it->names);
	return 1;
}

/* has_verb: text has one of the verbs that make a sentence of a short line. */
static int has_verb(struct ps *s, const char *text)
{
	static const char *const verbs[] = { "ska", "skall", "ar", "har", "kan", "vill", "bor", "maste",
					     "finns", "blir", "gor", NULL };
	char *f = imp_lup_fold(s->a, text), *save = NULL;

	for (char *w = strtok_r(f, " ", &save); w; w = strtok_r(NULL, " ", &save))
		for (int i = 0; verbs[i]; i++)
			if (strcmp(w, verbs[i]) == 0)
				return 1;
	return 0;
}

static int is_subheading(struct ps *s, const char *text)
{
	static const char *const subs[] = { "tematiska prioriteringar", "prioriterade geografiska omraden",
					    "geografiska prioriteringar", "prioriterade omraden",
					    "geografiska omraden", "tematiska omraden", "prioriterade teman",
					    "teman", NULL };
	char *f = imp_lup_fold(s->a, text);

	for (int i = 0; subs[i]; i++)
		if (imp_lup_similar(f, subs[i]))
			return 1;
	return 0;
}

/* known_themes: the LI_THEME items an earlier themes block gave the district of block b. */
static const int *known_themes(struct ps *s, int b)
{
	const char *db = s->d->blocks[b].district;
	char *fb = db ? imp_lup_fold(s->a, db) : NULL;

	for (int i = b - 1; i >= 0; i--) {
		const char *di = s->d->blocks[i].district;
		if (s->d->blocks[i].kind != LUP_K_THEMES || !s->themes[i] || (!di) != (!db))
			continue;
		if (!db || strcmp(imp_lup_fold(s->a, di), fb) == 0)
			return s->themes[i];
	}
	return NULL;
}

/* match_theme: whether heading text names a theme of block b's district (one the document
 * defined, or one its introduction lists); *ref gets the LI_THEME item or -1. */
static int match_theme(struct ps *s, int b, const char *text, int *ref)
{
	const int *kt = known_themes(s, b);
	const struct lup_block *bl = &s->d->blocks[b];
	double best = 0;

	*ref = -1;
	for (int i = 0; kt && kt[i] >= 0; i++) {
		double sc = imp_lup_token_score(s->a, text, s->d->items[kt[i]].text);
		if (sc >= 0.5 && sc > best)
			best = sc, *ref = kt[i];
	}
	for (int i = 0; i < bl->nsegs; i++) {
		double sc = imp_lup_token_score(s->a, text, bl->segs[i]);
		if (sc >= 0.5 && sc > best)
			best = sc, *ref = -1;
	}
	return best > 0;
}

/* intro_segments: the pieces of a theme introduction: split at , . ; "samt" and "och". */
static void intro_segments(struct ps *s, int b, const char *text)
{
	struct lup_block *bl = &s->d->blocks[b];
	char *copy = arena_strdup(s->a, text), *save = NULL;

	for (char *p = strtok_r(copy, ",.;", &save); p && bl->nsegs < LUP_MAX_NAMES;
	     p = strtok_r(NULL, ",.;", &save)) {
		const char **v;
		int n = 0;
		char *q = arena_strdup(s->a, p);
		for (char *x; (x = strstr(q, " samt ")); )
			memcpy(x, " och  ", 6);
		add_str(s, &bl->segs, &bl->nsegs, dup_range(s, p, p + strlen(p)));
		n = split_list(s, q, &v);
		for (int i = 0; i < n && bl->nsegs < LUP_MAX_NAMES; i++)
			add_str(s, &bl->segs, &bl->nsegs, v[i]);
	}
}

static void block_theme(struct ps *s, int b, int item)
{
	int n = 0, *v;

	while (s->themes[b] && s->themes[b][n] >= 0)
		n++;
	v = arena_alloc(s->a, sizeof(int) * (size_t)(n + 2));
	if (n)
		memcpy(v, s->themes[b], sizeof(int) * (size_t)n);
	v[n] = item;
	v[n + 1] = -1;
	s->themes[b] = v;
}

/* extend: item i takes unit u (its text becomes a part of the body). */
static void extend(struct ps *s, int i, const struct chunk *ch, const struct unit *u)
{
	own(s, i, ch->ln, u->k0, u->k1);
	add_part(s, i, u->text);
}

/* State while reading one block. */
struct bstate {
	int b;			/* block */
	enum lup_kind kind;
	int theme;		/* the current theme heading item, or -1 */
	int cur;		/* the current theme/measure/activity item taking text, or -1 */
	int names;		/* the current LI_THEME_NAMES item, or -1 */
	const char *grp;	/* partners: the group heading just read */
	int intro;		/* partners: an introduction just read */
};

static void themes_unit(struct ps *s, struct bstate *st, const struct chunk *ch, const struct unit *u)
{
	struct lup_item tmp = { 0 };
	char *f = imp_lup_fold(s->a, u->text);
	int i, n;

	if (u->type == U_BULLET) {
		if (st->names < 0) {
			st->names = unit_item(s, LI_THEME_NAMES, st->b, ch, u);
		} else {
			own(s, st->names, ch->ln, u->k0, u->k1);
		}
		if (st->names >= 0 && s->d->items[st->names].nnames < LUP_MAX_NAMES) {
			struct lup_item *it = &s->d->items[st->names];
			add_str(s, &it->names, &it->nnames, u->text + bullet_len(u->text));
		}
		return;
	}
	st->names = -1;
	if ((n = count_of(s, u->text)) >= 0) {
		if ((i = unit_item(s, LI_COUNT, st->b, ch, u)) >= 0)
			s->d->items[i].n = n;
		return;
	}
	if (areas_of(s, u->text, &tmp)) {
		if ((i = unit_item(s, LI_AREAS, st->b, ch, u)) >= 0) {
			s->d->items[i].n = tmp.n;
			s->d->items[i].names = tmp.names;
			s->d->items[i].nnames = tmp.nnames;
		}
		st->cur = -1;
		return;
	}
	if (strncmp(f, "utover dessa", 12) == 0 || strncmp(f, "utover detta", 12) == 0) {
		unit_item(s, LI_EXTRA, st->b, ch, u);
		st->cur = -1;
		return;
	}
	if (u->type == U_HEAD && u->ep && (imp_lup_words(u->text) > 6 || has_verb(s, u->text))) {
		/* a short sentence ("Alla ska vara trygga."), not a theme ("Förbättra trygghet.") */
		if (st->cur >= 0)
			extend(s, st->cur, ch, u);
		else
			unit_item(s, LI_PROSE, st->b, ch, u);
		return;
	}
	if (u->type == U_HEAD && is_subheading(s, u->text)) {
		unit_item(s, LI_HEADING, st->b, ch, u);
		st->cur = -1;
		return;
	}
	if (u->type == U_HEAD) {
		if ((st->cur = unit_item(s, LI_THEME, st->b, ch, u)) >= 0)
			block_theme(s, st->b, st->cur);
		return;
	}
	if (st->cur >= 0)
		extend(s, st->cur, ch, u);
	else
		unit_item(s, LI_PROSE, st->b, ch, u);
}

/* start_item: a new measure or activity from unit u (titled by its heading, or by its first
 * sentence when untitled). */
static void start_item(struct ps *s, struct bstate *st, const struct chunk *ch, const struct unit *u,
		       int titled)
{
	enum lup_item_kind k = st->kind == LUP_K_MEASURES ? LI_MEASURE : LI_ACTIVITY;
	int i = unit_item(s, k, st->b, ch, u);

	st->cur = i;
	if (i < 0)
		return;
	s->d->items[i].theme = st->theme;
	if (titled && !u->ep) {
		s->d->items[i].text = u->text;
	} else {
		s->d->items[i].text = imp_lup_first_sentence(s->a, u->text, 250);
		add_part(s, i, u->text);
	}
}

static void items_unit(struct ps *s, struct bstate *st, const struct chunk *ch, const struct unit *u)
{
	int ref, wrapped = s->d->wrapped;
	const int *kt = known_themes(s, st->b);

	if (u->type == U_HEAD && !u->ep && (match_theme(s, st->b, u->text, &ref) ||
	     (!wrapped && !kt && st->kind == LUP_K_MEASURES))) {
		int i = unit_item(s, LI_THEME_REF, st->b, ch, u);
		if (i >= 0)
			s->d->items[i].ref = ref;
		st->theme = i;
		st->cur = -1;
		return;
	}
	if (st->kind == LUP_K_ACTIVITIES && st->theme < 0 && st->cur < 0 && u->type != U_HEAD &&
	    (count_of(s, u->text) >= 0 || strstr(imp_lup_fold(s->a, u->text), "tema"))) {
		unit_item(s, LI_THEME_LIST, st->b, ch, u);
		intro_segments(s, st->b, u->text);
		return;
	}
	if (!wrapped) {
		start_item(s, st, ch, u, u->type == U_HEAD);
		return;
	}
	if (u->type == U_HEAD && (!u->ep || st->theme >= 0)) {
		start_item(s, st, ch, u, 1);
		return;
	}
	if (st->cur >= 0)
		extend(s, st->cur, ch, u);
	else if (st->theme >= 0)
		start_item(s, st, ch, u, 0);
	else
		unit_item(s, LI_PROSE, st->b, ch, u);
}

/* is_list: "A, B, C": at least two commas (or one) between short names. */
static int is_list(const char *t)
{
	int commas = 0, words = 0, maxw = 0;

	for (const char *p = t; ; p++) {
		if (*p == ',' || !*p) {
			if (words > maxw)
				maxw = words;
			words = 0;
			if (!*p)
				break;
			commas++;
		} else if (*p != ' ' && (p == t || p[-1] == ' ' || p[-1] == ',')) {
			words++;
		}
	}
	return (commas >= 2 && maxw <= 9) || (commas == 1 && maxw <= 5 && !sentence_break_inside(t));
}

static void partners_unit(struct ps *s, struct bstate *st, const struct chunk *ch, const struct unit *u)
{
	const char *g = u->type == U_HEAD ? imp_lup_group_heading(s->a, u->text) : NULL;
	char *f = imp_lup_fold(s->a, u->text), *with = strstr(f, "samverka med");
	const char *rest = NULL;
	int i;

	if (g) {
		if ((i = unit_item(s, LI_PARTNER_GROUP, st->b, ch, u)) >= 0)
			s->d->items[i].grp = g;
		st->grp = g;
		return;
	}
	if (last_char(u->text) == ':' || (with && strncmp(with + 12, " foljande", 9) == 0)) {
		unit_item(s, LI_PARTNER_INTRO, st->b, ch, u);
		st->intro = 1;
		return;
	}
	if (with && (rest = strstr(u->text, "samverka med ")))
		rest += 13;
	if (!rest && !st->intro && !st->grp && !is_list(u->text)) {
		unit_item(s, LI_PROSE, st->b, ch, u);
		return;
	}
	if ((i = unit_item(s, LI_PARTNERS, st->b, ch, u)) >= 0) {
		struct lup_item *it = &s->d->items[i];
		it->grp = st->grp;
		it->nnames = split_list(s, rest ? rest : u->text, &it->names);
	}
	st->grp = NULL;
	st->intro = 0;
}

/* read_chunk: what the units of one paragraph are, by block kind. */
static void read_chunk(struct ps *s, struct bstate *st, const struct chunk *ch)
{
	struct unit *u;
	int n;

	if (st->kind == LUP_K_PROSE) {	/* one item per paragraph */
		struct unit p = { U_PARA, 0, ch->n - 1, 0, join(s, ch->ln, 0, ch->n - 1) };
		unit_item(s, LI_PROSE, st->b, ch, &p);
		return;
	}
	u = arena_alloc(s->a, sizeof(*u) * (size_t)ch->n);
	n = units(s, ch, u);

	for (int i = 0; i < n && !s->err; i++) {
		switch (st->kind) {
		case LUP_K_THEMES:
			themes_unit(s, st, ch, &u[i]);
			break;
		case LUP_K_MEASURES:
		case LUP_K_ACTIVITIES:
			items_unit(s, st, ch, &u[i]);
			break;
		case LUP_K_PARTNERS:
			partners_unit(s, st, ch, &u[i]);
			break;
		default:
			unit_item(s, LI_PROSE, st->b, ch, &u[i]);
			break;
		}
	}
}

/* heading_item: the item of heading h (once). */
static void heading_item(struct ps *s, int h, enum lup_item_kind k, int block)
{
	int i;

	if (s->d->owner[s->heads[h].first] >= 0)
		return;
	i = new_item(s, k, block, s->heads[h].first);
	own_range(s, i, s->heads[h].first, s->heads[h].last);
	if (i >= 0)
		s->d->items[i].text = s->heads[h].title;
}

/* read_range: lines l0..l1 as block b of kind k (b = -1: prose outside blocks). */
static void read_range(struct ps *s, int b, enum lup_kind k, int l0, int l1)
{
	struct bstate st = { b, k, -1, -1, -1, NULL, 0 };
	struct chunk ch = { 0 };
	int last = -1;

	for (int l = l0; l <= l1 && !s->err; l++) {
		if (s->hd[l] >= 0) {
			if (ch.n)
				read_chunk(s, &st, &ch);
			ch.n = 0;
			heading_item(s, s->hd[l], LI_HEADING, b);
			st.cur = -1;
			last = -1;
			continue;
		}
		if (s->cls[l] != CL_TEXT || s->skip[l] || s->d->owner[l] >= 0)
			continue;
		if (ch.n && !gap_joins(s, last, l)) {
			read_chunk(s, &st, &ch);
			ch.n = 0;
		}
		chunk_add(s, &ch, l);
		last = l;
	}
	if (ch.n && !s->err)
		read_chunk(s, &st, &ch);
}

/* ---- sections and blocks -------------------------------------------------------------------- */

static enum lup_kind kind_of(struct ps *s, const char *title)
{
	char *f = imp_lup_fold(s->a, title);

	if (strstr(f, "aktivitet"))
		return LUP_K_ACTIVITIES;
	if (strstr(f, "atgard"))
		return LUP_K_MEASURES;
	if (strstr(f, "genomforande"))
		return LUP_K_PARTNERS;
	if (strstr(f, "prioritering") || strstr(f, "tema"))
		return LUP_K_THEMES;
	return LUP_K_PROSE;
}

static int new_block(struct ps *s, enum lup_kind k, const char *district, const char *num, int item)
{
	struct lup_doc *d = s->d;
	struct lup_block *bl;

	if (d->nblocks >= LUP_MAX_BLOCKS) {
		if (!s->err)
			err_set(s->c->e, LUP_ETOOBIG, "%s: fler än %d stadsdelsavsnitt", s->c->path,
				LUP_MAX_BLOCKS);
		s->err = 1;
		return -1;
	}
	bl = &d->blocks[d->nblocks];
	memset(bl, 0, sizeof(*bl));
	bl->kind = k;
	bl->district = district;
	bl->num = num;
	bl->item = item;
	return d->nblocks++;
}

/* section_body: the text of lines l0..l1 as written: lines kept, paragraphs separated by a
 * blank line, skipped lines left out. */
static const char *section_body(struct ps *s, int l0, int l1)
{
	size_t n = 0, o = 0;
	char *r;
	int last = -1;

	for (int l = l0; l <= l1; l++)
		if (s->cls[l] == CL_TEXT && !s->skip[l])
			n += strlen(s->tl[l]) + 2;
	r = arena_alloc(s->a, n + 1);
	for (int l = l0; l <= l1; l++) {
		if (s->cls[l] != CL_TEXT || s->skip[l])
			continue;
		if (last >= 0) {
			r[o++] = '\n';
			if (!gap_joins(s, last, l))
				r[o++] = '\n';
		}
		memcpy(r + o, s->tl[l], strlen(s->tl[l]));
		o += strlen(s->tl[l]);
		last = l;
	}
	r[o] = '\0';
	return r;
}

static void top_section(struct ps *s, int t, int l1, int top_depth)
{
	const struct head *h = &s->heads[t];
	int tmpl = s->d->is_lup ? imp_lup_template_ord(s->a, h->title) : 0;
	enum lup_kind k = s->d->is_lup ? (tmpl == 3 ? LUP_K_THEMES : tmpl == 5 ? LUP_K_MEASURES :
					  tmpl == 6 ? LUP_K_PARTNERS : LUP_K_PROSE) :
			  kind_of(s, h->title);
	int l0 = h->last + 1, child = -1, nchild = 0;

	s->cursec = -1;
	if (tmpl && s->d->nsecs < 7) {
		struct lup_section *sec = &s->d->secs[s->d->nsecs];
		s->cursec = s->d->nsecs;
		heading_item(s, t, LI_SECTION, -1);
		sec->ord = tmpl;
		sec->title = imp_lup_template[tmpl];
		sec->written = h->title;
		sec->num = h->num;
		sec->body = section_body(s, l0, l1);
		sec->item = s->d->owner[h->first];
		s->d->nsecs++;
	} else {
		heading_item(s, t, LI_HEADING, -1);
	}
	for (int j = t + 1; j < s->nheads && s->heads[j].first <= l1; j++)
		if (s->heads[j].depth == top_depth + 1 && nchild++ == 0)
			child = j;
	if (k == LUP_K_PROSE) {
		read_range(s, -1, LUP_K_PROSE, l0, l1);
		return;
	}
	if (!nchild) {
		int b = new_block(s, k, NULL, h->num, -1);
		if (b >= 0)
			read_range(s, b, k, l0, l1);
		return;
	}
	read_range(s, -1, LUP_K_PROSE, l0, s->heads[child].first - 1);
	for (int j = child; j < s->nheads && s->heads[j].first <= l1 && !s->err; j++) {
		int end = l1, b, item;
		if (s->heads[j].depth != top_depth + 1)
			continue;
		for (int x = j + 1; x < s->nheads && s->heads[x].first <= l1; x++)
			if (s->heads[x].depth <= top_depth + 1) {
				end = s->heads[x].first - 1;
				break;
			}
		heading_item(s, j, LI_DISTRICT, -1);
		item = s->d->owner[s->heads[j].first];
		b = new_block(s, k, s->heads[j].title, s->heads[j].num, item);
		if (b < 0)
			return;
		if (item >= 0)
			s->d->items[item].block = b;
		read_range(s, b, k, s->heads[j].last + 1, end);
	}
}

static void sections(struct ps *s)
{
	int top = 99, matches = 0, first = s->nheads ? s->heads[0].first : s->n;

	for (int h = 0; h < s->nheads; h++)
		if (s->heads[h].depth < top)
			top = s->heads[h].depth;
	for (int h = 0; h < s->nheads; h++)
		if (s->heads[h].depth == 1 && top == 1 &&
		    imp_lup_template_ord(s->a, s->heads[h].title) == s->heads[h].path[0])
			matches++;
	s->d->tmpl_matches = matches;
	s->d->is_lup = matches >= 3;
	read_range(s, -1, LUP_K_PROSE, 0, first - 1);
	for (int h = 0; h < s->nheads && !s->err; h++) {
		int end = s->n - 1;
		if (s->heads[h].depth != top)
			continue;
		for (int x = h + 1; x < s->nheads; x++)
			if (s->heads[x].depth <= top) {
				end = s->heads[x].first - 1;
				break;
			}
		top_section(s, h, end, top);
	}
	s->cursec = -1;
}

/* ---- ownership of the rest ----------------------------------------------------------------- */

static void skip_items(struct ps *s)
{
	int last_item = -1, last_line = -1;

	for (int i = 0; i < s->n && !s->err; i++) {
		int between_blank = 1;
		if (!s->skip[i] || s->d->owner[i] >= 0)
			continue;
		for (int j = last_line + 1; last_line >= 0 && j < i; j++)
			if (s->cls[j] == CL_TEXT)
				between_blank = 0;
		if (last_item >= 0 && between_blank && strcmp(s->d->items[last_item].text, s->skip[i]) == 0) {
			s->d->owner[i] = last_item;
		} else {
			last_item = new_item(s, LI_SKIP, -1, i);
			own_range(s, last_item, i, i);
			if (last_item >= 0)
				s->d->items[last_item].text = s->skip[i];
		}
		last_line = i;
	}
}

/* blanks: a blank line between two lines of one item belongs to it; other blank runs and any
 * line still without an item become skip items. */
static void blanks(struct ps *s)
{
	int *owner = s->d->owner;

	for (int i = 0; i < s->n && !s->err; i++) {
		int j = i, before, after, it;
		if (owner[i] >= 0)
			continue;
		while (j < s->n && owner[j] < 0 && s->cls[j] != CL_TEXT)
			j++;
		if (j == i) {	/* a text line nothing took */
			it = new_item(s, LI_SKIP, -1, i);
			own_range(s, it, i, i);
			if (it >= 0)
				s->d->items[it].text = "text";
			continue;
		}
		before = i > 0 ? owner[i - 1] : -1;
		after = j < s->n ? owner[j] : -1;
		if (before >= 0 && before == after) {
			own_range(s, before, i, j - 1);
		} else {
			it = new_item(s, LI_SKIP, -1, i);
			own_range(s, it, i, j - 1);
			if (it >= 0)
				s->d->items[it].text = "blank";
		}
		i = j - 1;
	}
}

static void finish(struct ps *s)
{
	struct lup_doc *d = s->d;

	for (int i = 0; i < d->nitems; i++) {
		d->items[i].first = d->nlines + 1;
		d->items[i].last = 0;
	}
	for (int l = 0; l < d->nlines; l++) {
		struct lup_item *it;
		if (d->owner[l] < 0)
			continue;
		it = &d->items[d->owner[l]];
		if (l + 1 < it->first)
			it->first = l + 1;
		if (l + 1 > it->last)
			it->last = l + 1;
	}
	for (int i = 0; i < d->nitems; i++) {
		struct parts *p = &s->parts[i];
		size_t n = 0, o = 0;
		char *r;
		if (!p->n)
			continue;
		for (int k = 0; k < p->n; k++)
			n += strlen(p->p[k]) + 2;
		r = arena_alloc(s->a, n + 1);
		for (int k = 0; k < p->n; k++) {
			if (k) {
				memcpy(r + o, "\n\n", 2);
				o += 2;
			}
			memcpy(r + o, p->p[k], strlen(p->p[k]));
			o += strlen(p->p[k]);
		}
		r[o] = '\0';
		d->items[i].body = r;
	}
}

int imp_lup_parse(struct imp_ctx *c, const struct imp_text *t, struct lup_doc *d)
{
	struct ps s = { .c = c, .a = c->a, .d = d, .n = t->nlines, .cursec = -1 };
	int rc;

	memset(d, 0, sizeof(*d));
	d->nlines = t->nlines;
	d->owner = arena_alloc(c->a, sizeof(int) * (size_t)(t->nlines + 1));
	for (int i = 0; i < t->nlines; i++)
		d->owner[i] = -1;
	d->blocks = arena_alloc(c->a, sizeof(struct lup_block) * LUP_MAX_BLOCKS);
	d->secs = arena_alloc(c->a, sizeof(struct lup_section) * 7);
	s.themes = arena_alloc(c->a, sizeof(int *) * LUP_MAX_BLOCKS);
	read_lines(&s, t);
	layout(&s);
	mark_skips(&s);
	if ((rc = find_headings(&s)) != LUP_OK)
		return rc;
	find_title(&s);
	all_text_hint(&s);
	sections(&s);
	skip_items(&s);
	blanks(&s);
	if (s.err)
		return c->e->code;
	finish(&s);
	return LUP_OK;
}

const char *imp_lup_kind_name(enum lup_item_kind k)
{
	static const char *const names[LI__MAX] = {
		[LI_SKIP] = "skipped", [LI_TITLE] = "title", [LI_HEADING] = "heading",
		[LI_SECTION] = "section", [LI_DISTRICT] = "district", [LI_PROSE] = "prose",
		[LI_COUNT] = "theme count", [LI_AREAS] = "prioritised areas", [LI_THEME] = "theme",
		[LI_THEME_REF] = "theme heading", [LI_THEME_NAMES] = "theme names",
		[LI_THEME_LIST] = "theme list", [LI_EXTRA] = "extra priorities",
		[LI_MEASURE] = "measure", [LI_PARTNER_INTRO] = "partner intro",
		[LI_PARTNER_GROUP] = "partner group", [LI_PARTNERS] = "partners",
		[LI_ACTIVITY] = "activity",
	};

	return (unsigned)k < LI__MAX ? names[k] : "?";
}
