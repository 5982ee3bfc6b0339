/* imp-plan-text.c: the 'plan' parser's view of lines, words and running text. */
#include "import/imp-plan-int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CUT_BYTES 60		/* text kept in trace details */
#define MAX_HEAD_WORDS 8	/* words of a table header line */
#define MIN_YEAR 1990		/* years a plan may be for */
#define MAX_YEAR 2100

/* page headers and footers of Stockholm's documents, as whole trimmed lines */
static const char *const furniture_lines[] = { "Tjänsteutlåtande", "start.stockholm", NULL };

size_t imp_plan_ws(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == ' ' || (u[0] >= '\t' && u[0] <= '\r'))
		return 1;
	if (u[0] == 0xC2 && (u[1] == 0xA0 || u[1] == 0x85))
		return 2;	/* no-break space, next line */
	if (u[0] == 0xE1 && u[1] == 0x9A && u[2] == 0x80)
		return 3;	/* ogham space mark */
	if (u[0] == 0xE2 && u[1] == 0x80 && ((u[2] >= 0x80 && u[2] <= 0x8A) || u[2] == 0xA8 || u[2] == 0xA9 ||
					     u[2] == 0xAF))
		return 3;	/* en quad .. hair space, line and paragraph separators, narrow no-break */
	if ((u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) || (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80))
		return 3;	/* medium mathematical space, ideographic space */
	return 0;
}

const char *imp_plan_match(const char *s, const char *pat)
{
	while (*pat) {
		if (*pat == ' ') {
			if (!imp_plan_ws(s))
				return NULL;
			while (imp_plan_ws(s))
				s += imp_plan_ws(s);
			pat++;
			continue;
		}
		if (*s != *pat)
			return NULL;
		s++;
		pat++;
	}
	return s;
}

void imp_plan_trim(const char *s, const char **b, const char **e)
{
	const char *p = s, *last = s;
	size_t k;

	while ((k = imp_plan_ws(p)) > 0)
		p += k;
	*b = p;
	while (*p) {
		if ((k = imp_plan_ws(p)) > 0) {
			p += k;
			continue;
		}
		p++;
		last = p;
	}
	*e = last > *b ? last : *b;
}

/* 1 when [b, e) equals word w */
static int word_is(const char *b, const char *e, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(e - b) == n && memcmp(b, w, n) == 0;
}

/* splits s into at most max words [wb[i], we[i]); returns the count (max + 1 when more) */
static int words(const char *s, const char **wb, const char **we, int max)
{
	const char *p = s;
	int n = 0;
	size_t k;

	for (;;) {
		while ((k = imp_plan_ws(p)) > 0)
			p += k;
		if (!*p)
			return n;
		if (n == max)
			return max + 1;
		wb[n] = p;
		while (*p && !imp_plan_ws(p))
			p++;
		we[n++] = p;
	}
}

/* 1 when s is digits only, at least one */
static int all_digits(const char *b, const char *e)
{
	if (b == e)
		return 0;
	for (; b < e; b++)
		if (*b < '0' || *b > '9')
			return 0;
	return 1;
}

/* page furniture: "Tjänsteutlåtande", "start.stockholm", "Sid 20 (95)", "Sida 3 av 9", "20 (95)" */
static int is_furniture(const char *s)
{
	const char *wb[MAX_HEAD_WORDS], *we[MAX_HEAD_WORDS];
	int n = words(s, wb, we, MAX_HEAD_WORDS), i = 0;

	if (n == 1)
		for (const char *const *f = furniture_lines; *f; f++)
			if (word_is(wb[0], we[0], *f))
				return 1;
	if (n >= 2 && n <= 4 && (word_is(wb[0], we[0], "Sid") || word_is(wb[0], we[0], "Sida")))
		i = 1;
	if (n - i == 2 && all_digits(wb[i], we[i]) && we[i + 1] - wb[i + 1] >= 3 && wb[i + 1][0] == '(' &&
	    we[i + 1][-1] == ')' && all_digits(wb[i + 1] + 1, we[i + 1] - 1))
		return 1;
	if (i && n == 4 && all_digits(wb[1], we[1]) && word_is(wb[2], we[2], "av") && all_digits(wb[3], we[3]))
		return 1;
	return n >= 2 && n <= 4 && word_is(wb[0], we[0], "Dnr") && strlen(s) <= 40;
}

/* the table headers */
static enum pp_kind table_head(const char *s)
{
	const char *wb[MAX_HEAD_WORDS], *we[MAX_HEAD_WORDS];
	int n = words(s, wb, we, MAX_HEAD_WORDS), has_a = 0, has_b = 0;

	if (n < 3 || n > 6)
		return PK_TEXT;
	for (int i = 1; i < n; i++) {
		has_a |= word_is(wb[i], we[i], "Årsmål") || word_is(wb[i], we[i], "Startdatum");
		has_b |= word_is(wb[i], we[i], "Periodicitet") || word_is(wb[i], we[i], "Slutdatum");
	}
	if (word_is(wb[0], we[0], "Indikator") && has_a && word_is(wb[n - 1], we[n - 1], "Periodicitet"))
		return PK_IND_HEAD;
	if (word_is(wb[0], we[0], "Aktivitet") && has_a && has_b)
		return PK_ACT_HEAD;
	return PK_TEXT;
}

/* the goal heading prefixes: after one of them come an optional ':' and the goal's number */
static const char *const im_prefixes[] = {
	"KF:s inriktningsmål", "Kommunfullmäktiges inriktningsmål", "Inriktningsmål", NULL
};
static const char *const vo_prefixes[] = {
	"KF:s mål för verksamhetsområdet", "Kommunfullmäktiges mål för verksamhetsområdet",
	"Mål för verksamhetsområdet", "Verksamhetsområdesmål", NULL
};

/* the text after a prefix of list in [b, e) and an optional ':', or NULL (a space in a prefix
 * matches any run of whitespace) */
static const char *after_prefix(const char *b, const char *const *list)
{
	for (; *list; list++) {
		const char *p = imp_plan_match(b, *list);
		if (!p)
			continue;
		while (imp_plan_ws(p))
			p += imp_plan_ws(p);
		if (*p == ':')
			p++;
		while (imp_plan_ws(p))
			p += imp_plan_ws(p);
		return p;
	}
	return NULL;
}

/* s without whitespace, ASCII letters in lower case, at most n - 1 bytes, into out */
static void squash(const char *s, char *out, size_t n)
{
	size_t k = 0;

	while (*s && k + 1 < n) {
		size_t w = imp_plan_ws(s);
		if (w) {
			s += w;
			continue;
		}
		out[k++] = (*s >= 'A' && *s <= 'Z') ? (char)(*s - 'A' + 'a') : *s;
		s++;
	}
	out[k] = '\0';
}

int imp_plan_near_heading(const char *s)
{
	static const char *const *const lists[] = { im_prefixes, vo_prefixes };
	char q[160], pre[96];

	squash(s, q, sizeof(q));
	for (size_t l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
		for (const char *const *x = lists[l]; *x; x++) {
			size_t n;
			squash(*x, pre, sizeof(pre));
			n = strlen(pre);
			if (strncmp(q, pre, n) != 0)
				continue;
			if (q[n] == ':')
				return 1;	/* "KF:s mål för verksamhetsområdet:" and anything */
			if ((q[n] >= '0' && q[n] <= '9') || q[n] == '\0')
				return 1;
		}
	return 0;
}

const char *imp_plan_nm_title(const char *s)
{
	const char *b, *e, *p;

	imp_plan_trim(s, &b, &e);
	if (!(p = imp_plan_match(b, "Nämndmål")))
		return NULL;
	while (imp_plan_ws(p))
		p += imp_plan_ws(p);
	return *p == ':' ? p + 1 : NULL;
}

/* reads a number part 1..IMP_PLAN_MAX_NUMBER at *s; returns it and moves *s, or 0 */
static int number_part(const char **s)
{
	const char *p = *s;
	int v = 0;

	while (*p >= '0' && *p <= '9' && v <= IMP_PLAN_MAX_NUMBER)
		v = v * 10 + (*p++ - '0');
	if (p == *s || v < 1 || v > IMP_PLAN_MAX_NUMBER)
		return 0;
	*s = p;
	return v;
}

int imp_plan_heading(const char *s, enum pp_kind k, int *n, int *m, const char **title)
{
	const char *b, *e, *p;
	int dot;

	imp_plan_trim(s, &b, &e);
	if (!(p = after_prefix(b, k == PK_IM ? im_prefixes : vo_prefixes)) || !(*n = number_part(&p)))
		return 0;
	*m = 0;
	if (k == PK_VO) {
		if (*p++ != '.' || !(*m = number_part(&p)))
			return 0;
	}
	dot = *p == '.';
	p += dot;
	if (*p && !imp_plan_ws(p) && !(dot && !(*p >= '0' && *p <= '9') && *p != '.'))
		return 0;	/* "1.2x" is no number; "1.2.Titel" is one (a lost space) */
	while (imp_plan_ws(p))
		p += imp_plan_ws(p);
	*title = p;
	return 1;
}

enum pp_kind imp_plan_kind(const char *s)
{
	const char *b, *e, *title;
	int n, m;
	enum pp_kind k;

	if (!*s)
		return PK_EMPTY;
	imp_plan_trim(s, &b, &e);
	if (b == e)
		return PK_BLANK;
	if (is_furniture(s))
		return PK_FURNITURE;
	if (imp_plan_match(b, "Beskrivning") == e)
		return PK_DESC;
	if (imp_plan_match(b, "Förväntat resultat") == e || imp_plan_match(b, "Förväntade resultat") == e)
		return PK_RESULTS;
	if ((k = table_head(s)) != PK_TEXT)
		return k;
	if (imp_plan_heading(s, PK_IM, &n, &m, &title))
		return PK_IM;
	if (imp_plan_heading(s, PK_VO, &n, &m, &title))
		return PK_VO;
	if (imp_plan_nm_title(s))
		return PK_NM;
	return PK_TEXT;
}

enum pp_kind imp_plan_kind_at(const struct pp *p, int i)
{
	return (enum pp_kind)p->kinds[i];
}

int imp_plan_structural(enum pp_kind k)
{
	return k != PK_EMPTY && k != PK_BLANK && k != PK_FURNITURE && k != PK_TEXT;
}

void imp_plan_tokens(struct pp *p, int li, struct pp_toks *out, int *glue)
{
	const char *s = p->t->lines[li], *b;
	int nsp = 0, bol = 1;
	size_t k;

	while (*s) {
		if ((k = imp_plan_ws(s)) > 0) {
			nsp++;
			s += k;
			continue;
		}
		for (b = s; *s && !imp_plan_ws(s); s++)
			;
		if (*glue && bol && out->n > 0) {
			struct pp_tok *t = &out->v[out->n - 1];
			size_t n0 = strlen(t->s);
			char *g = arena_alloc(p->c->a, n0 + (size_t)(s - b) + 1);
			memcpy(g, t->s, n0);
			memcpy(g + n0, b, (size_t)(s - b));
			t->s = g;
		} else if (out->n == PP_MAX_TOKENS) {
			out->over = 1;
		} else {
			if (out->n == out->cap) {
				int ncap = out->cap ? 2 * out->cap : 64;
				struct pp_tok *v = arena_alloc(p->c->a, sizeof(*v) * (size_t)ncap);
				if (out->n)
					memcpy(v, out->v, sizeof(*v) * (size_t)out->n);
				out->v = v;
				out->cap = ncap;
			}
			out->v[out->n++] = (struct pp_tok){ arena_strndup(p->c->a, b, (size_t)(s - b)), li, bol,
							    !bol && nsp >= 2 };
		}
		*glue = 0;
		bol = 0;
		nsp = 0;
	}
	*glue = imp_plan_glues(p, p->t->lines[li]);
}

int imp_plan_glues(const struct pp *p, const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || imp_plan_ws(s + n - 1) || (n >= 2 && imp_plan_ws(s + n - 2) == 2) ||
	    (n >= 3 && imp_plan_ws(s + n - 3) == 3))
		return 0;
	if (p->trail_sp)
		return 1;
	/* without the trailing-space convention only a hyphen after a letter joins words */
	return n >= 2 && s[n - 1] == '-' && s[n - 2] != '-' && !imp_plan_ws(s + n - 2) && s[n - 2] != ' ';
}

char *imp_plan_join(struct pp *p, const struct pp_toks *tk, int from, int to)
{
	size_t n = 0, at = 0;
	char *s;

	if (from >= to)
		return NULL;
	for (int i = from; i < to; i++)
		n += strlen(tk->v[i].s) + 1;
	s = arena_alloc(p->c->a, n);
	for (int i = from; i < to; i++) {
		size_t k = strlen(tk->v[i].s);
		if (i > from)
			s[at++] = ' ';
		memcpy(s + at, tk->v[i].s, k);
		at += k;
	}
	s[at] = '\0';
	return s;
}

void imp_plan_text_add(const struct pp *p, struct buf *b, const char *s, int *glue)
{
	const char *line = s, *w;
	int first = 1;
	size_t k;

	while (*s) {
		if ((k = imp_plan_ws(s)) > 0) {
			s += k;
			continue;
		}
		for (w = s; *s && !imp_plan_ws(s); s++)
			;
		if (b->len && !(first && *glue) && b->ptr[b->len - 1] != '\n')
			buf_addc(b, ' ');
		buf_add(b, w, (size_t)(s - w));
		first = 0;
	}
	*glue = first ? 0 : imp_plan_glues(p, line);
}

char *imp_plan_text_done(struct pp *p, struct buf *b)
{
	char *s = NULL;

	while (b->len && (b->ptr[b->len - 1] == '\n' || b->ptr[b->len - 1] == ' '))
		buf_truncate(b, b->len - 1);
	if (b->len)
		s = arena_strndup(p->c->a, b->ptr, b->len);
	buf_release(b);
	return s;
}

char *imp_plan_cut(struct pp *p, const char *s)
{
	const char *b, *e;
	size_t n;

	imp_plan_trim(s, &b, &e);
	n = (size_t)(e - b);
	if (n <= CUT_BYTES)
		return arena_strndup(p->c->a, b, n);
	n = CUT_BYTES;
	while (n > 0 && ((unsigned char)b[n] & 0xC0) == 0x80)
		n--;
	{
		char *r = arena_alloc(p->c->a, n + 4);
		memcpy(r, b, n);
		memcpy(r + n, "...", 4);
		return r;
	}
}

int imp_plan_is_date(const char *s)
{
	for (int i = 0; i < 10; i++) {
		int dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	}
	return s[10] == '\0';
}

char *imp_plan_dedupe(struct pp *p, const char *name, int n)
{
	size_t len = strlen(name) + 16;
	char *s = arena_alloc(p->c->a, len);

	snprintf(s, len, "%s (%d)", name, n);
	return s;
}

int imp_plan_grow(struct pp *p, void **v, int n, int *cap, size_t size, int line, const char *what)
{
	void *nv;
	int ncap;

	if (n < *cap)
		return LUP_OK;
	if (n >= IMP_PLAN_MAX_ITEMS)
		return imp_fail(p->c, line, "fler än %d %s: detta är ingen verksamhetsplan som kan läsas",
				IMP_PLAN_MAX_ITEMS, what);
	ncap = *cap ? *cap * 2 : 16;
	nv = arena_alloc(p->c->a, size * (size_t)ncap);
	if (n)
		memcpy(nv, *v, size * (size_t)n);
	*v = nv;
	*cap = ncap;
	return LUP_OK;
}

/* --- the organisation and the year ------------------------------------------------------ */

/* 1 when the UTF-8 character at s is an upper-case letter (ASCII or Latin-1) */
static int is_upper(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (u[0] >= 'A' && u[0] <= 'Z') || (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E && u[1] != 0x97);
}

/* the committee named at s ("Spånga-Tensta stadsdelsnämnds ..." -> "Spånga-Tensta stadsdelsnämnd"), or NULL */
static char *committee_at(struct pp *p, const char *line, const char *hit)
{
	static const char word[] = "stadsdelsnämnd";
	const char *b = hit, *after = hit + strlen(word);

	if (b == line || !imp_plan_ws(b - 1))
		return NULL;
	b--;
	while (b > line && imp_plan_ws(b))
		b--;
	while (b > line && !imp_plan_ws(b - 1))
		b--;
	if (!is_upper(b))
		return NULL;
	if (*after == 's' || (after[0] == 'e' && after[1] == 'n'))
		after += *after == 's' ? 1 : (after[2] == 's' ? 3 : 2);
	if ((*after >= 'a' && *after <= 'z') || (unsigned char)*after >= 0x80)
		return NULL;
	{
		const char *we = b;
		char *r;
		while (*we && !imp_plan_ws(we))
			we++;
		r = arena_alloc(p->c->a, (size_t)(we - b) + sizeof(word) + 1);
		memcpy(r, b, (size_t)(we - b));
		r[we - b] = ' ';
		memcpy(r + (we - b) + 1, word, sizeof(word));
		return r;
	}
}

static void detect_org(struct pp *p)
{
	for (int i = 0; i < p->t->nlines; i++) {
		const char *s = p->t->lines[i], *h = s;
		while ((h = strstr(h, "stadsdelsnämnd")) != NULL) {
			char *org = committee_at(p, s, h);
			if (org) {
				p->d->org = org;
				p->d->org_line = i + 1;
				return;
			}
			h++;
		}
	}
}

/* the year YYYY written right after word w in s ("budget 2022"), ignoring case; 0 if none */
static int year_after(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (const char *p = s; *p; p++) {
		if (strncasecmp(p, w, n) != 0 || (p > s && !imp_plan_ws(p - 1) && p[-1] != '(')) {
			continue;
		}
		const char *q = p + n;
		while (imp_plan_ws(q))
			q += imp_plan_ws(q);
		if (strncmp(q, "för ", 4) == 0)
			q += 4;
		if (strncmp(q, "år ", 3) == 0)
			q += 3;
		if (all_digits(q, q + 4) && strlen(q) >= 4 && !(q[4] >= '0' && q[4] <= '9')) {
			int y = atoi(q);
			if (y >= MIN_YEAR && y <= MAX_YEAR)
				return y;
		}
	}
	return 0;
}

/* the year most activities start in (the earliest of equals), or 0 */
static int year_of_activities(const struct imp_plan_doc *d)
{
	int count[MAX_YEAR - MIN_YEAR + 1] = { 0 }, best = 0;

	for (int i = 0; i < d->nacts; i++) {
		int y = d->acts[i].start ? atoi(d->acts[i].start) : 0;
		if (y >= MIN_YEAR && y <= MAX_YEAR)
			count[y - MIN_YEAR]++;
	}
	for (int y = MIN_YEAR; y <= MAX_YEAR; y++)
		if (count[y - MIN_YEAR] > (best ? count[best - MIN_YEAR] : 0))
			best = y;
	return best;
}

static void detect_year(struct pp *p)
{
	static const char *const words_before[] = { "verksamhetsplan", "verksamhetsplanen", "budget", NULL };
	int stop = p->d->ngoals ? p->d->goals[0].line - 1 : p->t->nlines;

	for (const char *const *w = words_before; *w; w++)
		for (int i = 0; i < stop; i++) {
			int y = year_after(p->t->lines[i], *w);
			if (y) {
				p->d->year = y;
				p->d->year_line = i + 1;
				return;
			}
		}
	if ((p->d->year = year_of_activities(p->d)) != 0) {
		for (int i = 0; i < p->d->nacts; i++)
			if (p->d->acts[i].start && atoi(p->d->acts[i].start) == p->d->year) {
				p->d->year_line = p->d->acts[i].line;
				break;
			}
	}
}

void imp_plan_detect(struct pp *p)
{
	detect_org(p);
	detect_year(p);
}

/* --- keys ------------------------------------------------------------------------------- */

/* the ASCII letter for the Latin-1 letter C3 xx, or 0 */
static char fold_latin1(unsigned char x)
{
	static const char from[] = "\x80\x81\x82\x83\x84\x85\x87\x88\x89\x8a\x8b\x96\x98\x9c"
				   "\xa0\xa1\xa2\xa3\xa4\xa5\xa7\xa8\xa9\xaa\xab\xb6\xb8\xbc";
	static const char to[] = "aaaaaaceeeeoouaaaaaaceeeeoou";
	const char *f = memchr(from, (char)x, sizeof(from) - 1);

	return f ? to[f - from] : 0;
}

char *imp_plan_slug(struct arena *a, const char *name)
{
	size_t n = strlen(name), k = 0;
	char *s = arena_alloc(a, n + 1);

	for (const unsigned char *u = (const unsigned char *)name; *u; u++) {
		char c = 0;
		if ((*u >= 'a' && *u <= 'z') || (*u >= '0' && *u <= '9'))
			c = (char)*u;
		else if (*u >= 'A' && *u <= 'Z')
			c = (char)(*u - 'A' + 'a');
		else if (*u == 0xC3 && u[1] && (c = fold_latin1(u[1])) != 0)
			u++;
		if (c)
			s[k++] = c;
		else if (k && s[k - 1] != '-')
			s[k++] = '-';
	}
	while (k && s[k - 1] == '-')
		k--;
	s[k] = '\0';
	return s;
}
