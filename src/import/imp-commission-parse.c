/* imp-commission-parse.c: the 'commission' importer's parser, text -> struct cm_doc without a
 * database. The layout it reads and the rules it applies are in docs/import-commission.md.
 *
 * The text is read in three passes over its logical lines (page footers removed):
 *  1. the reports named in report headings and the measures listed under them;
 *  2. everything: administrations, reports, recommendations, measure headings (a heading
 *     outside a report heading is placed by the measures of pass 1 and those before it), the
 *     labelled parts under them, and the running text cut into segments at sentences that
 *     cite measures;
 *  3. citations resolved (they may name measures listed later), segments turned into
 *     responses or the administration's statement, stances classified
 *     (imp-commission-resolve.c).
 * The document's tables are kept by imp-commission-doc.c.
 */
#include "import/imp-commission-int.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TITLE 600		/* bytes kept of a heading's title */
#define TITLE_LINES 4		/* logical lines a heading's title may take */
#define MAX_NUMS 4		/* measures under one heading ("4.3.1 / 4.3.2 ...") */
#define MAX_GROUP 32		/* measure headings that share one answer */

/* The kinds of logical line. */
enum lk { LK_BLANK, LK_GROUP, LK_ADMIN, LK_NORESP, LK_REPORT, LK_SKIP, LK_REC, LK_MEASURE, LK_TEXT };

/* What a logical line is. */
struct lclass {
	enum lk kind;
	enum cm_grp grp;		/* LK_GROUP */
	int known;			/* LK_REPORT: known report index, or -1 */
	const char *title;		/* LK_REPORT (as written, cleaned), LK_REC, LK_MEASURE */
	char num[MAX_NUMS][CM_NUM_MAX];	/* LK_REC, LK_MEASURE */
	int nnum, rank;
	int used;			/* logical lines it takes (>= 1) */
	int last;			/* the file line of the last of them */
	const char *rest;		/* text after the title on that line, or NULL */
};

/* ---- characters ---- */

/* is_upper: s starts with a capital (ASCII or Latin-1: Å Ä Ö É ...). */
static int is_upper(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (u[0] >= 'A' && u[0] <= 'Z') || (u[0] == 0xc3 && u[1] >= 0x80 && u[1] <= 0x9e && u[1] != 0x97);
}

/* is_lower: s starts with a small letter (ASCII or Latin-1: å ä ö é ...). */
static int is_lower(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (u[0] >= 'a' && u[0] <= 'z') || (u[0] == 0xc3 && u[1] >= 0x9f && u[1] != 0xb7);
}

/* quote_len: the length of the quotation mark at s (" “ ” « »), or 0. */
static size_t quote_len(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == '"')
		return 1;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x9c || u[2] == 0x9d))
		return 3;
	if (u[0] == 0xc2 && (u[1] == 0xab || u[1] == 0xbb))
		return 2;
	return 0;
}

/* ends_sentence: the last byte of s is one of . ! ? : */
static int ends_sentence(const char *s, size_t n)
{
	return n > 0 && strchr(".!?:", s[n - 1]) != NULL;
}

/* starts_ci: s begins with the casefolded prefix w (ASCII and å ä ö only in w). */
static int starts_ci(const char *s, const char *w)
{
	size_t n = strlen(w);
	char *f;
	int r;

	if (strlen(s) < n)
		return 0;
	f = imp_commission_casefold(s, n);
	r = memcmp(f, w, n) == 0;
	free(f);
	return r;
}

/* ws_trim: a copy of s[0..n) in the arena without white space at the ends. */
static char *ws_trim(struct arena *a, const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		n--;
	return arena_strndup(a, s, n);
}

/* utf8_cut: the largest length <= n that does not split a UTF-8 character of s. */
static size_t utf8_cut(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* ---- logical lines ---- */

/* is_footer: a page number line ("4 (44)", "22", "(44)", "Sida 3 av 9"). */
static int is_footer(const char *s)
{
	const char *p = s;
	int d = 0;

	if (starts_ci(s, "sida "))
		p += 5;
	if (*p == '(')
		p++;
	while (*p >= '0' && *p <= '9' && d < 5) {
		p++;
		d++;
	}
	if (d == 0 || d > 4)
		return 0;
	while (*p == ' ')
		p++;
	if (*p == ')')
		p++;
	if (starts_ci(p, "av "))
		for (p += 3; *p >= '0' && *p <= '9'; p++)
			;
	if (*p == '(') {
		for (p++, d = 0; *p >= '0' && *p <= '9'; p++)
			d++;
		if (d == 0 || *p++ != ')')
			return 0;
	}
	return *p == '\0';
}

/* trim_line: s without white space (also form feeds and no-break spaces) at the ends. */
static char *trim_line(char *s)
{
	size_t n;

	for (char *q = s; *q; q++)
		if (*q == '\f' || *q == '\t' || *q == '\v')
			*q = ' ';
	for (;;) {
		if (*s == ' ')
			s++;
		else if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
			s += 2;
		else
			break;
	}
	n = strlen(s);
	for (;;) {
		if (n > 0 && s[n - 1] == ' ')
			n--;
		else if (n > 1 && (unsigned char)s[n - 2] == 0xc2 && (unsigned char)s[n - 1] == 0xa0)
			n -= 2;
		else
			break;
	}
	s[n] = '\0';
	return s;
}

/* double_spaced: t has a blank line after every line of text (a copy whose line ends were
 * doubled): at least 98 % of its lines of text (8 or more) are followed by a blank line, and
 * at least one in 20 runs of blank lines is 3 or more long (the blank lines of the original). A
 * text that merely puts each paragraph on one line has few such runs. */
static int double_spaced(const struct imp_text *t)
{
	int text = 0, followed = 0, runs = 0, long_runs = 0;

	for (int i = 0; i < t->nlines; i++) {
		int k = i;
		if (*trim_line(t->lines[i])) {
			text++;
			followed += i + 1 < t->nlines && !*trim_line(t->lines[i + 1]);
			continue;
		}
		while (k < t->nlines && !*trim_line(t->lines[k]))
			k++;
		runs++;
		long_runs += k - i >= 3;
		i = k - 1;
	}
	return text >= 8 && followed * 50 >= text * 49 && long_runs * 20 >= runs;
}

/* make_lines: the logical lines of t. A page footer and the blank lines around it vanish when
 * the text runs on across it (the line before does not end a sentence and the line after
 * starts in lowercase); otherwise they become one blank line. In a double-spaced text
 * (double_spaced) a single blank line is dropped and a longer run of them is one. */
static void make_lines(struct parser *p, const struct imp_text *t)
{
	struct lline *o = arena_alloc(p->c->a, sizeof(*o) * ((size_t)t->nlines + 1));
	int n = 0, dbl = double_spaced(t);

	for (int i = 0; i < t->nlines; i++) {
		char *s = trim_line(t->lines[i]), *next = "";
		int j, last;
		if (dbl && !*s) {
			for (j = i; j < t->nlines && !*trim_line(t->lines[j]); j++)
				;
			if (j - i >= 2) {
				o[n].s = s;
				o[n++].no = i + 1;
			}
			i = j - 1;
			continue;
		}
		if (!is_footer(s)) {
			o[n].s = s;
			o[n++].no = i + 1;
			continue;
		}
		while (n > 0 && !*o[n - 1].s)
			n--;
		for (j = i + 1; j < t->nlines; j++) {
			next = trim_line(t->lines[j]);
			if (*next && !is_footer(next))
				break;
		}
		last = n > 0 && !ends_sentence(o[n - 1].s, strlen(o[n - 1].s));
		if (!(last && j < t->nlines && is_lower(next))) {
			o[n].s = "";
			o[n++].no = i + 1;
		}
		if (p->c->trace)
			imp_trace(p->c, i + 1, j, "skipped", "page footer");
		i = j - 1;
	}
	p->ln = o;
	p->n = n;
}

/* ---- classifying a logical line ---- */

/* next_blank: the logical line after i is blank or missing. */
static int next_blank(const struct parser *p, int i)
{
	return i + 1 >= p->n || !*p->ln[i + 1].s;
}

/* prev_break: the logical line before i is blank, missing or ends a sentence. */
static int prev_break(const struct parser *p, int i)
{
	const char *s;

	if (i == 0)
		return 1;
	s = p->ln[i - 1].s;
	return !*s || ends_sentence(s, strlen(s));
}

/* group_heading: "Fackförvaltningar", "Stadsdelsförvaltningar" ... and the group it opens. */
static int group_heading(const char *s, enum cm_grp *grp)
{
	static const struct { const char *w; enum cm_grp g; } groups[] = {
		{ "fackförvaltningar", CM_GRP_SPECIALIST }, { "fackförvaltningarna", CM_GRP_SPECIALIST },
		{ "facknämnder", CM_GRP_SPECIALIST }, { "facknämnderna", CM_GRP_SPECIALIST },
		{ "stadsdelsförvaltningar", CM_GRP_DISTRICT }, { "stadsdelsförvaltningarna", CM_GRP_DISTRICT },
		{ "stadsdelsnämnder", CM_GRP_DISTRICT }, { "stadsdelsnämnderna", CM_GRP_DISTRICT },
	};
	size_t n = strlen(s);

	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (n == strlen(groups[i].w) && starts_ci(s, groups[i].w)) {
			*grp = groups[i].g;
			return 1;
		}
	return 0;
}

/* name_shape: a district's name: 1-3 words, each part between hyphens capitalised. */
static int name_shape(const char *s)
{
	int words = 1;

	if (strlen(s) > 40)
		return 0;
	for (const char *q = s; *q; q++) {
		if (*q == ' ')
			words++;
		if ((*q == ' ' || *q == '-') && !is_upper(q + 1))
			return 0;
	}
	return words <= 3;
}

/* admin_heading: s is an administration's name (see docs/import-commission.md). */
static int admin_heading(const char *s, enum cm_grp grp)
{
	static const char *const suffixes[] = {
		"förvaltningen", "förvaltning", "kontoret", "arkivet", "nämnden", "nämnd", "bolaget", NULL
	};
	size_t n = strlen(s), wl;
	const char *last = s;
	int words = 1;

	if (n == 0 || n > 80 || !is_upper(s))
		return 0;
	for (const char *q = s; *q; q++) {
		if (strchr("0123456789:;,.?!()\"/&", *q) || (unsigned char)*q == 0xe2)
			return 0;
		if (*q == ' ') {
			words++;
			last = q + 1;
		}
	}
	if (words > 6)
		return 0;
	wl = strlen(last);
	for (int i = 0; suffixes[i]; i++) {
		size_t sl = strlen(suffixes[i]);
		if (wl >= sl && starts_ci(last + wl - sl, suffixes[i]))
			return 1;
	}
	return grp == CM_GRP_DISTRICT && name_shape(s);
}

/* noresp_marker: "Skrivelse saknas" and its like, with or without a full stop. */
static int noresp_marker(const char *s)
{
	static const char *const marks[] = {
		"skrivelse saknas", "skrivning saknas", "yttrande saknas", "svar saknas", NULL
	};
	size_t n = strlen(s);

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	for (int i = 0; marks[i]; i++)
		if (n == strlen(marks[i]) && starts_ci(s, marks[i]))
			return 1;
	return 0;
}

/* clean_title: the title at t without quotes, spaces and a final full stop, in the arena. */
static char *clean_title(struct arena *a, const char *t)
{
	size_t n, q;

	while (*t == ' ')
		t++;
	if ((q = quote_len(t)) != 0)
		t += q;
	n = strlen(t);
	for (;;) {
		while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.'))
			n--;
		if (n >= 1 && t[n - 1] == '"')
			n--;
		else if (n >= 3 && quote_len(t + n - 3) == 3)
			n -= 3;
		else if (n >= 2 && quote_len(t + n - 2) == 2)
			n -= 2;
		else
			break;
	}
	return ws_trim(a, t, n);
}

/* quoted_alone: the quotation starting at t runs to the end of the line (a full stop aside). */
static int quoted_alone(const char *t)
{
	const char *q = t + quote_len(t);

	while (*q && !quote_len(q))
		q++;
	if (!*q)
		return 1;
	for (q += quote_len(q); *q == ' ' || *q == '.'; q++)
		;
	return !*q;
}

/* report_heading: "Rapport: T", "Delrapport(en) [N][:|-] T" or a known report's title alone. */
static int report_heading(struct parser *p, int i, struct lclass *cl)
{
	const char *s = p->ln[i].s, *t = NULL;
	size_t n = strlen(s), at = 0;
	int bare = 0;

	if (!next_blank(p, i) || !prev_break(p, i) || n > 200)
		return 0;
	if (starts_ci(s, "rapport:")) {
		t = s + 8;
	} else if (starts_ci(s, "delrapporten ")) {
		t = s + 13;
	} else if (starts_ci(s, "delrapport")) {
		int sep = 0;
		t = s + 10;
		while (*t == ' ')
			t++;
		while (*t >= '0' && *t <= '9')
			t++, sep = 1;
		while (*t == ' ')
			t++;
		if (*t == ':' || *t == '-')
			t++, sep = 1;
		else if (memcmp(t, "\xe2\x80\x93", 3) == 0)
			t += 3, sep = 1;
		if (!sep)
			return 0;
	} else {
		t = s;
		bare = 1;
	}
	while (*t == ' ')
		t++;
	if (!bare && quote_len(t) && !quoted_alone(t))
		return 0;
	cl->title = clean_title(p->c->a, t);
	if (!*cl->title || !is_upper(cl->title))
		return 0;
	cl->known = imp_commission_known_report(cl->title, NULL, &at);
	/* a title alone on its line: it begins with the report's name ("Stad i samverkan") */
	if (bare && (cl->known < 0 || at > 0 || n > 100 || ends_sentence(s, n)))
		return 0;
	if (!bare && cl->known < 0 && (strlen(cl->title) > 150 || s[n - 1] == '.'))
		return 0;
	cl->kind = LK_REPORT;
	return 1;
}

/* parse_num: "6.2.1", "1." at s into out; returns the bytes taken (0: none) and *depth,
 * *dot (a final full stop). */
static size_t parse_num(const char *s, char out[CM_NUM_MAX], int *depth, int *dot)
{
	const char *q = s;
	size_t o = 0;

	*depth = 0;
	*dot = 0;
	for (;;) {
		const char *d0 = q;
		while (*q >= '0' && *q <= '9')
			q++;
		if (q == d0 || q - d0 > 2 || *depth == 3)
			return 0;
		memcpy(out + o, d0, (size_t)(q - d0));
		o += (size_t)(q - d0);
		(*depth)++;
		if (*q == '.' && q[1] >= '0' && q[1] <= '9' && *depth < 3) {
			out[o++] = '.';
			q++;
			continue;
		}
		break;
	}
	out[o] = '\0';
	if (*q == '.') {
		*dot = 1;
		q++;
	}
	return (size_t)(q - s);
}

/* take_title: the title of a heading starting at text t on logical line i: up to the first
 * sentence end, running on to lines that start in lowercase (also across a blank line). */
static void take_title(struct parser *p, int i, const char *t, struct lclass *cl)
{
	struct buf b;
	int j = i;

	buf_init(&b, 4 * MAX_TITLE);
	cl->used = 1;
	cl->rest = NULL;
	for (;;) {
		size_t n = strlen(t), e = imp_commission_sentence_end(t, n, 0);
		int k;
		if (b.len)
			buf_addc(&b, ' ');
		if (e < n) {
			buf_add(&b, t, e);
			cl->rest = t + e;
			break;
		}
		buf_add(&b, t, n);
		if (ends_sentence(t, n) || cl->used >= TITLE_LINES)
			break;
		for (k = j + 1; k < p->n && !*p->ln[k].s && k - j <= 4; k++)
			;
		if (k >= p->n || !*p->ln[k].s || !is_lower(p->ln[k].s))
			break;
		j = k;
		cl->used = j - i + 1;
		t = p->ln[j].s;
	}
	cl->last = p->ln[j].no;
	{
		size_t n = b.len;
		while (n > 0 && (b.ptr[n - 1] == ' ' || b.ptr[n - 1] == '.'))
			n--;
		if (n > MAX_TITLE)
			n = utf8_cut(b.ptr, MAX_TITLE);
		cl->title = ws_trim(p->c->a, b.ptr, n);
	}
	buf_release(&b);
}

/* numbered: a measure heading ("1.1 Åtgärd: T", "6.2.1 T", "4.3.1 / 4.3.2 T") or a
 * recommendation ("1. T", "6.2 T") inside a report. */
static int numbered(struct parser *p, int i, struct lclass *cl)
{
	const char *s = p->ln[i].s, *q;
	int depth, dot, d2, dot2;
	size_t l = parse_num(s, cl->num[0], &depth, &dot);

	if (!l)
		return 0;
	cl->nnum = 1;
	q = s + l;
	for (;;) {
		const char *r = q;
		while (*r == ' ')
			r++;
		if (*r != '/' || cl->nnum >= MAX_NUMS)
			break;
		r++;
		while (*r == ' ')
			r++;
		if (!(l = parse_num(r, cl->num[cl->nnum], &d2, &dot2)) || d2 != depth)
			break;
		cl->nnum++;
		q = r + l;
	}
	if (*q != ' ')
		return 0;
	while (*q == ' ')
		q++;
	if (starts_ci(q, "åtgärd")) {
		const char *r = q + strlen("åtgärd");
		while (*r == ' ')
			r++;
		if (*r == ':') {
			for (r++; *r == ' '; r++)
				;
			cl->kind = LK_MEASURE;
			cl->rank = 2;
			take_title(p, i, r, cl);
			return 1;
		}
	}
	if (!is_upper(q) || !prev_break(p, i))
		return 0;
	if (depth == 3 || cl->nnum > 1) {
		cl->kind = LK_MEASURE;
		cl->rank = 1;
		take_title(p, i, q, cl);
		return 1;
	}
	if (depth == 1 && !dot)
		return 0;
	if (!next_blank(p, i) && !(p->ln[i + 1].s[0] >= '0' && p->ln[i + 1].s[0] <= '9'))
		return 0;
	cl->kind = LK_REC;
	take_title(p, i, q, cl);
	return 1;
}

/* subheading: "Rekommendationer och åtgärder [som ...]" on a line of its own (not the
 * sentence "Rekommendationer och åtgärder berör ..."). */
static int subheading(const struct parser *p, int i)
{
	static const char w[] = "Rekommendationer och åtgärder";
	const char *s = p->ln[i].s, *q = s + sizeof(w) - 1;

	if (strncmp(s, w, sizeof(w) - 1) != 0 || strlen(s) > 160 || !next_blank(p, i) || !prev_break(p, i))
		return 0;
	return !*q || strcmp(q, ":") == 0 || strncmp(q, " som ", 5) == 0;
}

/* classify: what logical line i is (a heading's title may take the lines after it). */
static void classify(struct parser *p, int i, struct lclass *cl)
{
	const char *s = p->ln[i].s;

	memset(cl, 0, sizeof(*cl));
	cl->used = 1;
	cl->last = p->ln[i].no;
	cl->known = -1;
	if (!*s)
		cl->kind = LK_BLANK;
	else if (next_blank(p, i) && prev_break(p, i) && group_heading(s, &cl->grp))
		cl->kind = LK_GROUP;
	else if (next_blank(p, i) && prev_break(p, i) && admin_heading(s, p->grp))
		cl->kind = LK_ADMIN;
	else if (noresp_marker(s))
		cl->kind = LK_NORESP;
	else if (report_heading(p, i, cl))
		cl->kind = LK_REPORT;
	else if (subheading(p, i))
		cl->kind = LK_SKIP;
	else if (!numbered(p, i, cl))
		cl->kind = LK_TEXT;
	if (cl->kind == LK_TEXT || cl->kind == LK_BLANK || cl->kind == LK_GROUP ||
	    cl->kind == LK_ADMIN || cl->kind == LK_NORESP || cl->kind == LK_SKIP) {
		cl->used = 1;
		cl->last = p->ln[i].no;
	}
}

/* ---- measure blocks: the text under a group of measure headings ---- */

/* The labels of a response's parts (as written, before a colon). */
static const char *const labels[] = {
	"Pågående arbete", "Planerat arbete", "Kommentarer", "Kommentar", "Ansvarig", "Beskrivning",
	"Svar", "Hantering", "Synpunkter", "Bedömning", "Yttrande", NULL
};

/* label_at: the label ("Kommentar:") that starts s, and its length with the colon. */
static const char *label_at(const char *s, size_t *len)
{
	for (int i = 0; labels[i]; i++) {
		size_t l = strlen(labels[i]);
		if (strncmp(s, labels[i], l) == 0 && s[l] == ':') {
			*len = l + 1;
			return labels[i];
		}
	}
	return NULL;
}

/* part_close: the open part joins the block's parts (an empty unlabelled one is dropped). */
static int part_close(struct parser *p)
{
	char *text;

	if (!p->part_open)
		return LUP_OK;
	text = ws_trim(p->c->a, p->part.ptr, p->part.len);
	p->part_open = 0;
	buf_reset(&p->part);
	if (!*text && strcmp(p->part_label, "Text") == 0)
		return LUP_OK;
	if (p->nbpart >= CM_MAX_PARTS)
		return imp_fail(p->c, p->part_line, "fler än %d delar under en åtgärd", CM_MAX_PARTS);
	GROW(p->c->a, p->bpart, p->nbpart, p->capbpart);
	p->bpart[p->nbpart].label = p->part_label;
	p->bpart[p->nbpart].text = text;
	p->bpart[p->nbpart].last = p->part_last;
	p->bpart[p->nbpart++].line = p->part_line;
	if (p->c->trace)
		imp_trace(p->c, p->part_line, p->part_line, "part", "%s", p->part_label);
	return LUP_OK;
}

/* part_start: a label opens a new part of the open block. */
static int part_start(struct parser *p, const char *label, int line)
{
	int rc = part_close(p);

	p->part_label = label;
	p->part_line = p->part_last = line;
	p->part_open = 1;
	p->part_brk = 0;
	p->blk_text = 1;
	return rc;
}

/* part_add: text s[0..n) joins the open part ("Text" when none is open). */
static int part_add(struct parser *p, const char *s, size_t n, int line)
{
	int rc;

	while (n > 0 && s[0] == ' ')
		s++, n--;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (!n)
		return LUP_OK;
	if (!p->part_open && (rc = part_start(p, "Text", line)) != LUP_OK)
		return rc;
	if (p->part.len)
		buf_addc(&p->part, p->part_brk ? '\n' : ' ');
	p->part_last = line;
	p->part_brk = 0;
	p->blk_text = 1;
	if (buf_add(&p->part, s, n) < 0)
		return err_set(p->c->e, LUP_ETOOBIG, "%s:%d: ett svar längre än %zu byte",
			       p->c->path, line, p->part.max);
	return LUP_OK;
}

/* block_text: a line of the open measure block, cut at its labels (at the start of the line
 * or after a sentence end and a space). */
static int block_text(struct parser *p, const char *s, int line)
{
	size_t pos = 0, n = strlen(s), ll;
	char last = '.';	/* the last byte before q that is not a space; '.' at the start */
	int rc;

	for (size_t q = 0; q < n; q++) {
		const char *lab;
		if ((q == 0 || s[q - 1] == ' ') && strchr(".!?", last) && (lab = label_at(s + q, &ll))) {
			if ((rc = part_add(p, s + pos, q - pos, line)) != LUP_OK ||
			    (rc = part_start(p, lab, line)) != LUP_OK)
				return rc;
			pos = q + ll;
			q = pos - 1;
			last = ':';
			continue;
		}
		if (s[q] != ' ')
			last = s[q];
	}
	return part_add(p, s + pos, n - pos, line);
}

/* block_close: the parts of the open block go to each of its responses. */
static int block_close(struct parser *p)
{
	int rc;

	if (!p->blk_open)
		return LUP_OK;
	if ((rc = part_close(p)) != LUP_OK)
		return rc;
	for (int b = 0; b < p->nblk; b++)
		for (int k = 0; k < p->nbpart; k++)
			if ((rc = imp_commission_part_push(p, p->blk[b], &p->bpart[k])) != LUP_OK)
				return rc;
	p->blk_open = p->blk_text = 0;
	p->nblk = p->nbpart = 0;
	return LUP_OK;
}

/* ---- running text: paragraphs, sentences, segments ---- */

/* line_at: the file line of offset off of the open paragraph. */
static int line_at(const struct parser *p, size_t off)
{
	int lo = 0, hi = p->npl - 1;

	if (!p->npl)
		return 0;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (p->pl[mid].off <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return p->pl[lo].no;
}

/* seg_emit: the open paragraph's bytes from..to become a segment citing cite[0..ncite). */
static int seg_emit(struct parser *p, size_t from, size_t to, const struct cm_cite *cite,
		    const int *ctx, int ncite)
{
	struct seg *g;
	char *text = ws_trim(p->c->a, p->para.ptr + from, to - from);

	if (!*text)
		return LUP_OK;
	GROW(p->c->a, p->seg, p->nseg, p->capseg);
	g = &p->seg[p->nseg++];
	g->admin = p->admin;
	g->line = line_at(p, from);
	g->last = line_at(p, to > from ? to - 1 : from);
	g->para = p->para_id;
	g->text = text;
	g->ncite = ncite;
	g->cite = arena_alloc(p->c->a, sizeof(*cite) * (size_t)(ncite + 1));
	g->ctx = arena_alloc(p->c->a, sizeof(*ctx) * (size_t)(ncite + 1));
	if (ncite) {
		memcpy(g->cite, cite, sizeof(*cite) * (size_t)ncite);
		memcpy(g->ctx, ctx, sizeof(*ctx) * (size_t)ncite);
	}
	return LUP_OK;
}

/* mention: running text names a known report: it becomes the context (unless a report heading
 * of the administration set it) and one of the reports the administration names. */
static void mention(struct parser *p, int known, int line)
{
	int r = imp_commission_report_known(p, known, line);

	if (r < 0)
		return;
	imp_commission_admin_report(p, r);
	if (!p->ctx_heading)
		p->ctx = r;
}

/* quoted_aliases: quoted titles of known reports in s[0..n) become aliases. */
static void quoted_aliases(struct parser *p, const char *s, size_t n, int line)
{
	for (size_t i = 0; i < n; i++) {
		size_t q = quote_len(s + i), j;
		if (!q)
			continue;
		for (j = i + q; j < n && !quote_len(s + j); j++)
			;
		if (j >= n)
			return;
		if (j - (i + q) >= 4 && j - (i + q) <= 200) {
			char *t = clean_title(p->c->a, arena_strndup(p->c->a, s + i + q, j - i - q));
			int k = imp_commission_known_report(t, NULL, NULL), r;
			if (k >= 0 && is_upper(t) && (r = imp_commission_report_known(p, k, line)) >= 0)
				imp_commission_alias_add(p, r, t);
		}
		i = j + quote_len(s + j) - 1;
	}
}

/* para_flush: the open paragraph of running text is cut into segments: a sentence that cites
 * measures starts one, which runs to the next such sentence or the paragraph's end. */
static int para_flush(struct parser *p)
{
	const char *t = p->para.ptr;
	size_t n = p->para.len, pos = 0, from = 0;
	int nm, nc, mi = 0, ci = 0, c0 = 0, c1 = 0, rc = LUP_OK;
	struct cm_mention *ment;
	struct cm_cite *cite;
	int *ctx;

	if (!n || p->pass != 2)
		goto out;
	nm = imp_commission_mentions(t, n, NULL, 0);
	nc = imp_commission_cites(t, n, NULL, 0);
	ment = arena_alloc(p->c->a, sizeof(*ment) * (size_t)(nm + 1));
	cite = arena_alloc(p->c->a, sizeof(*cite) * (size_t)(nc + 1));
	ctx = arena_alloc(p->c->a, sizeof(*ctx) * (size_t)(nc + 1));
	imp_commission_mentions(t, n, ment, nm);
	imp_commission_cites(t, n, cite, nc);
	quoted_aliases(p, t, n, line_at(p, 0));
	while (pos < n) {
		size_t e = imp_commission_sentence_end(t, n, pos);
		int first = ci;
		while ((mi < nm && ment[mi].at < e) || (ci < nc && cite[ci].at < e)) {
			if (mi < nm && ment[mi].at < e && (ci >= nc || ment[mi].at <= cite[ci].at)) {
				mention(p, ment[mi].known, line_at(p, ment[mi].at));
				mi++;
			} else {
				ctx[ci++] = p->ctx;
			}
		}
		if (ci > first) {
			if ((rc = seg_emit(p, from, pos, cite + c0, ctx + c0, c1 - c0)) != LUP_OK)
				goto out;
			from = pos;
			c0 = first;
			c1 = ci;
		}
		pos = e;
	}
	rc = seg_emit(p, from, n, cite + c0, ctx + c0, c1 - c0);
out:
	buf_reset(&p->para);
	p->npl = 0;
	return rc;
}

/* para_add: a line of running text joins the open paragraph. */
static int para_add(struct parser *p, const char *s, int line)
{
	if (!p->para.len)
		p->para_id++;
	else
		buf_addc(&p->para, ' ');
	GROW(p->c->a, p->pl, p->npl, p->cappl);
	p->pl[p->npl].off = p->para.len;
	p->pl[p->npl++].no = line;
	if (buf_adds(&p->para, s) < 0)
		return err_set(p->c->e, LUP_ETOOBIG, "%s:%d: ett stycke längre än %zu byte",
			       p->c->path, line, p->para.max);
	return LUP_OK;
}

/* end_text: closes the open measure block and paragraph (before a heading). */
static int end_text(struct parser *p)
{
	int rc = block_close(p);

	p->blank = 0;
	return rc != LUP_OK ? rc : para_flush(p);
}

/* ---- placing a measure heading in a report ---- */

/* compatible: two measure titles begin with the same two words (their first 5 bytes). */
static int compatible(const char *a, const char *b)
{
	if (!a || !b || !*a || !*b)
		return 1;
	for (int w = 0; w < 2; w++) {
		size_t la = strcspn(a, " "), lb = strcspn(b, " "), k = la < 5 ? la : 5;
		char *fa, *fb;
		int same;
		if ((la < 5 || lb < 5) && la != lb)
			return 0;
		fa = imp_commission_casefold(a, k);
		fb = imp_commission_casefold(b, k);
		same = lb >= k && memcmp(fa, fb, k) == 0;
		free(fa);
		free(fb);
		if (!same)
			return 0;
		a += la;
		b += lb;
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (!*a || !*b)
			return 1;
	}
	return 1;
}

/* place: the report of a measure heading outside any report heading, by the rules of
 * docs/import-commission.md; -1 when none applies. *why receives the rule. */
static int place(struct parser *p, const char *num, const char *title, const char **why)
{
	struct cm_doc *d = p->d;
	int cand = -1, ncand = 0, fam = -1, nfam = 0;

	for (int r = 0; r < d->nreport; r++) {
		int m = imp_commission_measure_find(p, r, num);
		if (m < 0 || !compatible(d->measure[m].title, title))
			continue;
		if (r == p->ctx) {
			*why = "the report in context has it";
			return r;
		}
		if (ncand++ == 0)
			cand = r;
	}
	if (ncand) {
		*why = ncand == 1 ? "the only report with it" : "the first report with it";
		return cand;
	}
	if (p->ctx >= 0 && imp_commission_map_get(&p->fammap, imp_commission_family_key(p->ctx, num)) >= 0) {
		*why = "the report in context has measures numbered alike";
		return p->ctx;
	}
	for (int r = 0; r < d->nreport; r++)
		if (imp_commission_map_get(&p->fammap, imp_commission_family_key(r, num)) >= 0 && nfam++ == 0)
			fam = r;
	if (nfam == 1) {
		*why = "the only report with measures numbered alike";
		return fam;
	}
	*why = "the report in context";
	return p->ctx;
}

/* ---- the handlers of the passes ---- */

/* on_admin: an administration's heading starts its section (a repeated one continues it). */
static int on_admin(struct parser *p, const struct lclass *cl, int line)
{
	struct cm_doc *d = p->d;
	int rc;

	if ((rc = end_text(p)) != LUP_OK)
		return rc;
	p->ctx = -1;
	p->ctx_heading = 0;
	if (p->pass == 1) {
		p->admin = 0;
		return LUP_OK;
	}
	for (int a = 0; a < d->nadmin; a++) {
		char *x = imp_commission_casefold(d->admin[a].heading, strlen(d->admin[a].heading));
		char *y = imp_commission_casefold(cl->title, strlen(cl->title));
		int same = strcmp(x, y) == 0;
		free(x);
		free(y);
		if (same) {
			imp_warn(p->c, line, "'%s' igen (första gången på rad %d): läses som en förvaltning",
				 cl->title, d->admin[a].line);
			p->admin = a;
			return LUP_OK;
		}
	}
	if (d->nadmin >= CM_MAX_ADMINS)
		return imp_fail(p->c, line, "fler än %d förvaltningar i ett dokument", CM_MAX_ADMINS);
	GROW(p->c->a, d->admin, d->nadmin, d->capadmin);
	p->admin = d->nadmin++;
	memset(&d->admin[p->admin], 0, sizeof(d->admin[0]));
	d->admin[p->admin].heading = cl->title;
	d->admin[p->admin].grp = p->grp;
	d->admin[p->admin].line = line;
	if (p->c->trace)
		imp_trace(p->c, line, line, "administration", "%s (%s)", cl->title,
			  p->grp == CM_GRP_DISTRICT ? "district" :
			  p->grp == CM_GRP_SPECIALIST ? "specialist" : "no group");
	return LUP_OK;
}

/* on_report: a report heading sets the report of what follows in the section. */
static int on_report(struct parser *p, const struct lclass *cl, int line)
{
	int rc = end_text(p), r;

	if (rc != LUP_OK)
		return rc;
	if ((r = imp_commission_report_add(p, cl->known, cl->title, line)) < 0)
		return imp_fail(p->c, line, "fler än %d rapporter i ett dokument", CM_MAX_REPORTS);
	imp_commission_alias_add(p, r, cl->title);
	if (p->admin >= 0) {
		p->ctx = r;
		p->ctx_heading = 1;
		imp_commission_admin_report(p, r);
	}
	if (p->pass == 2 && p->c->trace)
		imp_trace(p->c, line, line, "report", "%s -> %s", cl->title, p->d->report[r].key);
	return LUP_OK;
}

static int on_text(struct parser *p, int i);
static int on_blank(struct parser *p);

/* on_rec: a recommendation inside a report; elsewhere (or naming a report) the lines are text. */
static int on_rec(struct parser *p, int i, const struct lclass *cl, int line)
{
	struct cm_doc *d = p->d;
	int rc;

	if (p->admin >= 0 && (rc = para_flush(p)) != LUP_OK)
		return rc;
	if (p->admin < 0 || p->ctx < 0 || imp_commission_known_report(cl->title, NULL, NULL) >= 0) {
		for (int k = i; k < i + cl->used; k++)
			if ((rc = *p->ln[k].s ? on_text(p, k) : on_blank(p)) != LUP_OK)
				return rc;
		return LUP_OK;
	}
	if ((rc = block_close(p)) != LUP_OK || p->pass != 2)
		return rc;
	if (imp_commission_map_get(&p->recmap, imp_commission_measure_key(p->ctx, cl->num[0])) >= 0)
		return LUP_OK;
	if (d->nrec >= CM_MAX_RECS)
		return imp_fail(p->c, line, "fler än %d rekommendationer i ett dokument", CM_MAX_RECS);
	GROW(p->c->a, d->rec, d->nrec, d->caprec);
	memset(&d->rec[d->nrec], 0, sizeof(d->rec[0]));
	d->rec[d->nrec].report = p->ctx;
	snprintf(d->rec[d->nrec].number, CM_NUM_MAX, "%s", cl->num[0]);
	d->rec[d->nrec].text = cl->title;
	d->rec[d->nrec].line = line;
	d->rec[d->nrec].last = cl->last;
	imp_commission_map_put(p->c->a, &p->recmap, imp_commission_measure_key(p->ctx, cl->num[0]), d->nrec);
	d->nrec++;
	if (p->c->trace)
		imp_trace(p->c, line, cl->last, "recommendation", "%s %s (%s)", cl->num[0], cl->title,
			  d->report[p->ctx].key);
	return LUP_OK;
}

/* on_measure: a measure heading opens a block (or joins the open one while it has no text). */
static int on_measure(struct parser *p, const struct lclass *cl, int line)
{
	const char *why = "under a report heading";
	int r, rc, m, x;

	if (p->pass == 1) {
		for (int k = 0; p->admin >= 0 && p->ctx_heading && k < cl->nnum; k++) {
			rc = imp_commission_measure_get(p, p->ctx, cl->num[k], cl->title, cl->rank, line, &m);
			if (rc != LUP_OK)
				return rc;
		}
		return LUP_OK;
	}
	if (p->admin < 0)
		return imp_fail(p->c, line, "åtgärd %s före första förvaltningen: en förvaltnings rubrik "
				"(dess namn på en egen rad) väntades först", cl->num[0]);
	if ((rc = para_flush(p)) != LUP_OK)
		return rc;
	p->blank = 0;
	r = p->ctx_heading ? p->ctx : place(p, cl->num[0], cl->title, &why);
	if (r < 0)
		return imp_fail(p->c, line, "åtgärd %s före första rapporten: en rapportrubrik "
				"('Rapport: ...', 'Delrapport ...') eller en rapport nämnd i texten väntades i %s",
				cl->num[0], p->d->admin[p->admin].heading);
	if (p->blk_open && p->blk_text && (rc = block_close(p)) != LUP_OK)
		return rc;
	if (p->nblk + cl->nnum > MAX_GROUP)
		return imp_fail(p->c, line, "fler än %d åtgärdsrubriker utan text mellan dem: "
				"texten som svarar på dem väntades", MAX_GROUP);
	p->blk_open = 1;
	p->ctx = r;
	imp_commission_admin_report(p, r);
	for (int k = 0; k < cl->nnum; k++) {
		rc = imp_commission_measure_get(p, r, cl->num[k], cl->title, cl->rank, line, &m);
		if (rc != LUP_OK || (rc = imp_commission_response_get(p, p->admin, m, line, &x)) != LUP_OK)
			return rc;
		GROW(p->c->a, p->blk, p->nblk, p->capblk);
		p->blk[p->nblk++] = x;
		if (p->c->trace)
			imp_trace(p->c, line, cl->last, "measure", "%s %s (%s: %s)", cl->num[k], cl->title,
				  p->d->report[r].key, why);
	}
	return cl->rest && *cl->rest ? block_text(p, cl->rest, cl->last) : LUP_OK;
}

/* starts_para: s can begin a paragraph (capital, digit, quote or bullet). */
static int starts_para(const char *s)
{
	return is_upper(s) || (*s >= '0' && *s <= '9') || quote_len(s) || *s == '-' || *s == '*' ||
	       memcmp(s, "\xe2\x80\xa2", 3) == 0 || memcmp(s, "\xe2\x80\x93", 3) == 0;
}

/* on_text: a line of text. After a blank line it starts a new paragraph when the text before
 * ends a sentence or it begins like a paragraph; otherwise the paragraph runs on (the blank
 * line was a page break or an extra line). */
static int on_text(struct parser *p, int i)
{
	const struct lline *l = &p->ln[i];
	int rc, brk = p->blank && starts_para(l->s);

	p->blank = 0;
	p->last_kind = LK_TEXT;
	p->last_no = i;
	if (p->pass != 2)
		return LUP_OK;
	if (p->admin < 0) {
		if (p->c->trace)
			imp_trace(p->c, l->no, l->no, "skipped", "before the first administration: %.60s", l->s);
		return LUP_OK;
	}
	if (p->blk_open) {
		if (brk && p->part_open)
			p->part_brk = 1;
		return block_text(p, l->s, l->no);
	}
	if (brk && (rc = para_flush(p)) != LUP_OK)
		return rc;
	return para_add(p, l->s, l->no);
}

/* on_blank: a blank line ends a paragraph whose text ends a sentence; else it is noted for
 * the next line of text (see on_text). */
static int on_blank(struct parser *p)
{
	if (p->pass != 2)
		return LUP_OK;
	if (p->blk_open && p->part_open && ends_sentence(p->part.ptr, p->part.len))
		p->part_brk = 1;
	else if (!p->blk_open && p->para.len && ends_sentence(p->para.ptr, p->para.len))
		return para_flush(p);
	p->blank = 1;
	return LUP_OK;
}

/* on_noresp: "Skrivelse saknas": the administration sent no response. */
static int on_noresp(struct parser *p, int i)
{
	const struct lline *l = &p->ln[i];
	int rc = end_text(p);

	if (rc != LUP_OK || p->pass != 2)
		return rc;
	if (p->admin < 0)
		return imp_fail(p->c, l->no, "'%s' före första förvaltningen: rubriken för den "
				"förvaltning som inte svarat väntades", l->s);
	p->d->admin[p->admin].no_response = 1;
	p->d->admin[p->admin].marker = l->s;
	if (p->c->trace)
		imp_trace(p->c, l->no, l->no, "no response", "%s: %s", p->d->admin[p->admin].heading, l->s);
	return LUP_OK;
}

/* handle: what logical line i (classified as cl) does in the current pass. */
static int handle(struct parser *p, int i, struct lclass *cl)
{
	int line = p->ln[i].no, rc;

	if (cl->kind != LK_BLANK) {
		p->last_kind = cl->kind;
		p->last_no = i;
	}
	switch (cl->kind) {
	case LK_BLANK:
		return on_blank(p);
	case LK_GROUP:
		if ((rc = end_text(p)) != LUP_OK)
			return rc;
		p->grp = cl->grp;
		p->admin = p->ctx = -1;
		p->ctx_heading = 0;
		if (p->pass == 2 && p->c->trace)
			imp_trace(p->c, line, line, "group", "%s", p->ln[i].s);
		return LUP_OK;
	case LK_ADMIN:
		cl->title = p->ln[i].s;
		return on_admin(p, cl, line);
	case LK_NORESP:
		return on_noresp(p, i);
	case LK_REPORT:
		return on_report(p, cl, line);
	case LK_SKIP:
		if ((rc = end_text(p)) == LUP_OK && p->pass == 2 && p->c->trace)
			imp_trace(p->c, line, line, "skipped", "%s", p->ln[i].s);
		return rc;
	case LK_REC:
		return on_rec(p, i, cl, line);
	case LK_MEASURE:
		return on_measure(p, cl, line);
	case LK_TEXT:
		return on_text(p, i);
	}
	return LUP_OK;
}

/* ends_complete: text s ends a sentence (. ! ? or an ellipsis, before closing quotes and
 * brackets): the last line of a document that was not cut. A colon does not: something was to
 * follow it. */
static int ends_complete(const char *s)
{
	size_t n = strlen(s);

	for (;;) {
		if (n > 0 && strchr(" )]\"'", s[n - 1]))
			n--;
		else if (n >= 3 && (unsigned char)s[n - 3] == 0xe2 && (unsigned char)s[n - 2] == 0x80 &&
			 ((unsigned char)s[n - 1] == 0x9d || (unsigned char)s[n - 1] == 0x99))
			n -= 3;	/* ” ’ */
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 && (unsigned char)s[n - 1] == 0xbb)
			n -= 2;	/* » */
		else
			break;
	}
	if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0)
		return 1;	/* … */
	return n > 0 && strchr(".!?", s[n - 1]) != NULL;
}

/* end_open: at the end of pass 2, before the open block and paragraph close: how the document
 * ends when it ends in a measure block (its responses are marked at_end). */
static void end_open(struct parser *p)
{
	struct cm_doc *d = p->d;
	char what[64];

	d->end_admin = p->admin;
	if (!p->last_kind)
		return;
	d->end_line = p->ln[p->last_no].no;
	if (p->blk_open && !p->blk_text) {
		const struct cm_measure *m = &d->measure[d->resp[p->blk[p->nblk - 1]].measure];
		d->end = CM_END_NO_ANSWER;
		snprintf(what, sizeof(what), "åtgärd %s", m->number);
		d->end_what = arena_strdup(p->c->a, what);
	} else if (p->blk_open && p->part_open && !p->part.len && strcmp(p->part_label, "Text") != 0) {
		d->end = CM_END_NO_ANSWER;
		snprintf(what, sizeof(what), "%s:", p->part_label);
		d->end_what = arena_strdup(p->c->a, what);
	} else if (p->last_kind == LK_TEXT || p->blk_open) {
		d->end = ends_complete(p->ln[p->last_no].s) ? CM_END_COMPLETE : CM_END_MID_SENTENCE;
	} else if (p->last_kind == LK_NORESP) {
		d->end = CM_END_COMPLETE;
	} else {
		d->end = CM_END_HEADING;
		d->end_what = p->ln[p->last_no].s;
	}
	for (int b = 0; p->blk_open && b < p->nblk; b++)
		d->resp[p->blk[b]].at_end = 1;
}

/* end_closed: after the last paragraph closed: the segments that hold the document's last
 * line of text are marked at_end (their responses are the ones it ends in). */
static void end_closed(struct parser *p)
{
	if (p->last_kind != LK_TEXT)
		return;
	for (int g = p->nseg - 1; g >= 0 && p->seg[g].last >= p->d->end_line; g--)
		p->seg[g].at_end = 1;
}

/* run_pass: one pass over the logical lines (a heading may take several). */
static int run_pass(struct parser *p, int pass)
{
	int rc;

	p->pass = pass;
	p->grp = CM_GRP_NONE;
	p->admin = p->ctx = -1;
	p->ctx_heading = 0;
	for (int i = 0; i < p->n;) {
		struct lclass cl;
		classify(p, i, &cl);
		if ((rc = handle(p, i, &cl)) != LUP_OK)
			return rc;
		i += cl.used;
	}
	if (pass != 2)
		return end_text(p);
	end_open(p);
	if ((rc = end_text(p)) == LUP_OK)
		end_closed(p);
	return rc;
}

int imp_commission_parse(struct imp_ctx *c, const struct imp_text *t, struct cm_doc *d)
{
	struct parser p;
	int rc;

	memset(d, 0, sizeof(*d));
	memset(&p, 0, sizeof(p));
	p.c = c;
	p.d = d;
	d->end_admin = -1;
	d->mmap = arena_alloc(c->a, sizeof(*d->mmap));
	d->rmap = arena_alloc(c->a, sizeof(*d->rmap));
	imp_commission_map_init(c->a, d->mmap, 64);
	imp_commission_map_init(c->a, d->rmap, 64);
	imp_commission_map_init(c->a, &p.recmap, 64);
	imp_commission_map_init(c->a, &p.fammap, 64);
	buf_init(&p.part, IMP_MAX_TEXT);
	buf_init(&p.para, IMP_MAX_TEXT);
	make_lines(&p, t);
	if ((rc = run_pass(&p, 1)) != LUP_OK || (rc = run_pass(&p, 2)) != LUP_OK)
		goto out;
	if (!d->nadmin) {
		rc = imp_fail(c, t->nlines ? 1 : 0, "ingen förvaltning hittades: väntade kommissionssvarens "
			      "uppställning, en rubrik per förvaltning (dess namn på en egen rad, t.ex. "
			      "'Arbetsmarknadsförvaltningen') under 'Fackförvaltningar' eller "
			      "'Stadsdelsförvaltningar'");
		goto out;
	}
	rc = imp_commission_resolve(&p);
out:
	buf_release(&p.part);
	buf_release(&p.para);
	return rc;
}
