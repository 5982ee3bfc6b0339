/* imp-plan-parse.c: the 'plan' parser's main loop: goal headings, Beskrivning, Förväntat
 * resultat and running text; the tables are in imp-plan-tables.c. */
#include "import/imp-plan-int.h"

#include <stdio.h>
#include <string.h>

#define MAX_TITLE_LINES 4	/* lines a KF goal title may wrap onto */
#define MAX_NM_TITLE_LINES 6	/* lines a nämndmål title may take before its Beskrivning */
#define MAX_ITEM_LINES 6	/* lines an expected result may wrap onto */
#define MAX_TITLE_BYTES 70	/* a title line starting in upper case at most */
#define PROGRESS_LINES 8192	/* lines between progress reports */

/* words that cannot end a title: the title goes on on the next line */
static const char *const open_words[] = {
	"och", "i", "med", "av", "för", "till", "på", "som", "att", "en", "ett", "samt", "eller",
	"från", "om", "där", "är", "har", "de", "det", "den", "vid", "under", "över", "mot", "genom",
	"utan", "efter", "inom", "mellan", "hos", NULL
};

/* list bullets, followed by whitespace (or, for "-", directly by a capital: "-Text") */
static const char *const bullets[] = {
	"-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xEF\x82\xB7", "*", "\xC2\xB7", "\xE2\x96\xAA", NULL
};

/* 1 when the character at s is a lower-case letter or a digit */
static int starts_lower(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	return (u[0] >= 'a' && u[0] <= 'z') || (u[0] >= '0' && u[0] <= '9') ||
	       (u[0] == 0xC3 && u[1] >= 0x9F && u[1] <= 0xBF && u[1] != 0xB7);
}

/* 1 when the title so far in b cannot end there */
static int title_open(const struct buf *b)
{
	const char *w = b->ptr + b->len;
	char last;

	if (b->len == 0)
		return 1;
	last = b->ptr[b->len - 1];
	if (last == ',' || last == '-')
		return 1;
	while (w > b->ptr && w[-1] != ' ')
		w--;
	for (const char *const *o = open_words; *o; o++)
		if (strcmp(w, *o) == 0)
			return 1;
	return 0;
}

/* the next line from i that has text (page furniture and blank lines skipped), or nlines */
static int next_text(const struct pp *p, int i)
{
	for (; i < p->t->nlines; i++) {
		enum pp_kind k = imp_plan_kind_at(p, i);
		if (k != PK_EMPTY && k != PK_BLANK && k != PK_FURNITURE)
			break;
	}
	return i;
}

/* traces the page furniture among lines [from, to) */
static void trace_furniture(struct pp *p, int from, int to)
{
	for (int i = from; i < to; i++)
		if (imp_plan_kind_at(p, i) == PK_FURNITURE)
			imp_trace(p->c, i + 1, i + 1, "skipped: page header", "%s", imp_plan_cut(p, p->t->lines[i]));
}

/* 1 when line s goes on with the title in b: it starts in lower case, or the title cannot end
 * where it does and s is short enough for a heading line (running text lines are longer) */
static int title_goes_on(const struct buf *b, const char *s, int glue)
{
	const char *tb, *te;

	imp_plan_trim(s, &tb, &te);
	if (glue || starts_lower(tb))
		return 1;
	return title_open(b) && te - tb <= MAX_TITLE_BYTES && te[-1] != '.';
}

/* adds lines to a goal title from j on while they continue it; returns the last line used. A
 * line of spaces ends the title. */
static int title_more(struct pp *p, struct buf *b, int *glue, int j, int last)
{
	for (int n = 0; n < MAX_TITLE_LINES && j < p->t->nlines; j++) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		if (k == PK_EMPTY || k == PK_FURNITURE)
			continue;
		if (k != PK_TEXT || !title_goes_on(b, p->t->lines[j], *glue))
			break;
		imp_plan_text_add(p, b, p->t->lines[j], glue);
		last = j;
		n++;
	}
	return last;
}

/* a new goal at line i; *g points at it */
static int new_goal(struct pp *p, int i, enum imp_plan_level level, struct imp_plan_goal **g)
{
	struct imp_plan_doc *d = p->d;
	int rc;

	if ((rc = imp_plan_grow(p, (void **)&d->goals, d->ngoals, &d->capgoals, sizeof(*d->goals), i + 1, "mål")))
		return rc;
	*g = &d->goals[d->ngoals];
	memset(*g, 0, sizeof(**g));
	(*g)->level = level;
	(*g)->line = i + 1;
	(*g)->parent = -1;
	d->count[level]++;
	p->goal = d->ngoals++;
	return LUP_OK;
}

/* the latest inriktningsmål numbered n before the goal being read, or -1 */
static int im_numbered(const struct pp *p, int n)
{
	for (int gi = p->d->ngoals - 2; gi >= 0; gi--)
		if (p->d->goals[gi].level == IMP_PLAN_IM && p->d->goals[gi].n == n)
			return gi;
	return -1;
}

/* the number of KF goal g ("2", "1.3") with its last part num (arena) */
static const char *number_text(struct pp *p, const struct imp_plan_goal *g, int num)
{
	char s[32];

	if (g->level == IMP_PLAN_IM)
		snprintf(s, sizeof(s), "%d", num);
	else
		snprintf(s, sizeof(s), "%d.%d", g->n, num);
	return arena_strdup(p->c->a, s);
}

/* warns when KF goal g does not follow prev (the goal of its level before it, NULL: none) in the
 * numbering: its last number part should be after + 1, else a heading between them is missing
 * or could not be read */
static void numbering(struct pp *p, const struct imp_plan_goal *g, const struct imp_plan_goal *prev, int after)
{
	const char *what = g->level == IMP_PLAN_IM ? "inriktningsmål" : "mål för verksamhetsområdet";
	int num = g->level == IMP_PLAN_IM ? g->n : g->m;

	if (num == after + 1)
		return;
	if (prev)
		imp_warn(p->c, g->line, "KF:s %s %s följer på %s (rad %d): %s %s saknas i texten eller kunde inte "
			 "läsas", what, number_text(p, g, num), number_text(p, prev, after), prev->line, what,
			 number_text(p, g, after + 1));
	else
		imp_warn(p->c, g->line, "KF:s %s %s är det första i sin ordning: %s %s saknas i texten eller kunde "
			 "inte läsas", what, number_text(p, g, num), what, number_text(p, g, after + 1));
}

/* "KF:s inriktningsmål: 1. ..." or "KF:s mål för verksamhetsområdet: 1.2. ..." at line i */
static int kf_goal(struct pp *p, int i, enum pp_kind k, int *next)
{
	struct imp_plan_goal *g;
	const char *title;
	struct buf b;
	int n, m, glue = 0, last, rc;

	imp_plan_heading(p->t->lines[i], k, &n, &m, &title);
	if ((rc = new_goal(p, i, k == PK_IM ? IMP_PLAN_IM : IMP_PLAN_VO, &g)) != LUP_OK)
		return rc;
	g->n = n;
	g->m = m;
	buf_init(&b, 0);
	imp_plan_text_add(p, &b, title, &glue);
	last = title_more(p, &b, &glue, i + 1, i);
	g->title = imp_plan_text_done(p, &b);
	g->last = last + 1;
	trace_furniture(p, i + 1, last);
	if (k == PK_IM) {
		const struct imp_plan_goal *prev = p->im >= 0 ? &p->d->goals[p->im] : NULL;
		numbering(p, g, prev, prev ? prev->n : 0);
		p->im = p->goal;
		p->vo = p->nm = -1;
	} else {
		const struct imp_plan_goal *prev = p->vo_prev >= 0 && p->d->goals[p->vo_prev].n == n ?
						   &p->d->goals[p->vo_prev] : NULL;
		g->parent = im_numbered(p, n);
		numbering(p, g, prev, prev ? prev->m : 0);
		p->vo = p->vo_prev = p->goal;
		p->nm = -1;
	}
	p->kf_text = p->goal;
	if (!g->title && m)
		imp_warn(p->c, i + 1, "KF:s mål %d.%d saknar rubriktext", n, m);
	else if (!g->title)
		imp_warn(p->c, i + 1, "KF:s mål %d saknar rubriktext", n);
	*next = last + 1;
	return LUP_OK;
}

/* the line of the "Beskrivning" that ends the nämndmål title starting at line i, or -1 */
static int title_end(const struct pp *p, int i)
{
	int j = i + 1;

	for (int n = 0; n < MAX_NM_TITLE_LINES; n++, j++) {
		enum pp_kind k;
		if ((j = next_text(p, j)) >= p->t->nlines)
			return -1;
		if ((k = imp_plan_kind_at(p, j)) == PK_DESC)
			return j;
		if (k != PK_TEXT)
			return -1;
	}
	return -1;
}

/* "Nämndmål: ..." at line i: the title runs to "Beskrivning" (or wraps like a KF goal's) */
static int nm_goal(struct pp *p, int i, int *next)
{
	struct imp_plan_goal *g;
	struct buf tb;
	int end = title_end(p, i), glue = 0, last = i, rc;

	if ((rc = new_goal(p, i, IMP_PLAN_NM, &g)) != LUP_OK)
		return rc;
	g->m = p->d->count[IMP_PLAN_NM];
	g->parent = p->vo >= 0 ? p->vo : p->im;
	p->nm = p->goal;
	buf_init(&tb, 0);
	imp_plan_text_add(p, &tb, imp_plan_nm_title(p->t->lines[i]), &glue);
	if (end < 0) {
		last = title_more(p, &tb, &glue, i + 1, i);
	} else {
		for (int k = i + 1; k < end; k++)
			if (imp_plan_kind_at(p, k) == PK_TEXT) {
				imp_plan_text_add(p, &tb, p->t->lines[k], &glue);
				last = k;
			}
	}
	g->title = imp_plan_text_done(p, &tb);
	g->last = last + 1;
	trace_furniture(p, i + 1, last);
	if (!g->title)
		imp_warn(p->c, i + 1, "nämndmål %d saknar rubriktext", g->m);
	*next = last + 1;
	return LUP_OK;
}

/* the first line from i on that ends a block of text: a label, heading or table header, or the
 * first line of a money table (its name, which may take lines back to lo) */
static int block_end(struct pp *p, int i, int lo)
{
	struct pp_money_head h;

	for (int j = i; j < p->t->nlines; j++) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		if (imp_plan_structural(k))
			return j;
		if (k == PK_TEXT && imp_plan_money_at(p, j, lo, &h))
			return h.from;
	}
	return p->t->nlines;
}

/* the error for label `what` at line i outside a nämndmål or the second of its nämndmål: a
 * "Nämndmål:" heading before it is missing or could not be read, so what follows it has no
 * known goal */
static int lost_heading(struct pp *p, int i, const char *what)
{
	if (p->nm < 0)
		return imp_fail(p->c, i + 1, "'%s' hör inte till något nämndmål: rubriken 'Nämndmål: ...' före den "
				"saknas eller kan inte läsas, så det som följer kan inte knytas till rätt mål", what);
	return imp_fail(p->c, i + 1, "en andra '%s' under nämndmålet på rad %d: rubriken 'Nämndmål: ...' före "
			"den saknas eller kan inte läsas, så det som följer kan inte knytas till rätt mål", what,
			p->d->goals[p->nm].line);
}

/* the running text of lines [from, to) in the arena (NULL when none): words joined by single
 * spaces, a line of spaces parting paragraphs ("\n\n"), page furniture skipped (and traced);
 * *first and *last are its first and last lines (0-based; unchanged when none) */
static char *collect(struct pp *p, int from, int to, int *first, int *last)
{
	struct buf b;
	int glue = 0, para = 0;

	buf_init(&b, 0);
	for (int j = from; j < to; j++) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		if (k == PK_EMPTY)
			continue;
		if (k == PK_BLANK) {
			para = b.len > 0;	/* a line of spaces parts paragraphs; an empty line does not */
			continue;
		}
		if (k == PK_FURNITURE) {
			trace_furniture(p, j, j + 1);
			continue;
		}
		if (para) {
			buf_adds(&b, "\n\n");
			glue = para = 0;
		}
		imp_plan_text_add(p, &b, p->t->lines[j], &glue);
		if (*first < 0)
			*first = j;
		*last = j;
	}
	return imp_plan_text_done(p, &b);
}

/* "Beskrivning" at line i: the text up to the next label, heading or table */
static int description(struct pp *p, int i, int *next)
{
	struct imp_plan_goal *g = p->nm >= 0 && !p->d->goals[p->nm].desc ? &p->d->goals[p->nm] : NULL;
	int end = block_end(p, i + 1, i + 1), first = -1, last = i;
	char *text;

	if (!g)
		return lost_heading(p, i, "Beskrivning");
	text = collect(p, i + 1, end, &first, &last);
	g->desc = text;
	g->desc_line = first + 1;
	g->desc_last = last + 1;
	imp_trace(p->c, i + 1, last + 1, "description", "Beskrivning of nämndmål %d", g->m);
	*next = end;
	return LUP_OK;
}

/* the running text of lines [from, to) right under the heading of KF goal p->kf_text: its
 * description (the first such text only) */
static void kf_text(struct pp *p, int from, int to)
{
	struct imp_plan_goal *g;
	int first = -1, last = from;

	if (p->kf_text < 0 || (g = &p->d->goals[p->kf_text])->desc)
		return;
	if (!(g->desc = collect(p, from, to, &first, &last)))
		return;
	g->desc_line = first + 1;
	g->desc_last = last + 1;
	imp_trace(p->c, first + 1, last + 1, "description", "text of KF goal %d%s%.0d", g->n, g->m ? "." : "", g->m);
}

/* the length of the list bullet and its space at s, or 0 ("- Text", "• Text", "-Text") */
static size_t bullet_len(const char *s)
{
	for (const char *const *b = bullets; *b; b++) {
		size_t n = strlen(*b);
		if (strncmp(s, *b, n) != 0)
			continue;
		if (imp_plan_ws(s + n))
			return n + imp_plan_ws(s + n);
		if (s[0] == '-' && s[1] >= 'A' && s[1] <= 'Z')
			return 1;
		if (s[0] == '-' && (unsigned char)s[1] == 0xC3 && (unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x9E)
			return 1;
	}
	return 0;
}

/* stores the expected result in b (if any) into g */
static int result_done(struct pp *p, struct imp_plan_goal *g, struct buf *b, int line, int last)
{
	char *text = imp_plan_text_done(p, b);
	int rc;

	buf_init(b, 0);
	if (!text || !g)
		return LUP_OK;
	if ((rc = imp_plan_grow(p, (void **)&g->results, g->nresults, &g->capresults, sizeof(*g->results), line + 1,
			  "förväntade resultat för ett mål")) != LUP_OK)
		return rc;
	g->results[g->nresults++] = (struct imp_plan_result){ text, line + 1, last + 1 };
	return LUP_OK;
}

/* one line of a Förväntat resultat list; returns 0, or 1 when the list has ended before it */
static int result_line(struct pp *p, struct buf *b, int *glue, int *item, int *nlines, int j)
{
	const char *s, *e;
	size_t bl;

	imp_plan_trim(p->t->lines[j], &s, &e);
	if ((bl = bullet_len(s)) > 0 || *item < 0)
		return 2 + (bl > 0);	/* a new item */
	if (*nlines >= MAX_ITEM_LINES || (b->len && b->ptr[b->len - 1] == '.' && !starts_lower(s)))
		return 1;
	imp_plan_text_add(p, b, p->t->lines[j], glue);
	(*nlines)++;
	return 0;
}

/* "Förväntat resultat" at line i: the list of expected results of the current nämndmål */
static int results(struct pp *p, int i, int *next)
{
	struct imp_plan_goal *g = p->nm >= 0 && !p->d->goals[p->nm].nresults ? &p->d->goals[p->nm] : NULL;
	struct buf b;
	int j, end = block_end(p, i + 1, i + 1), glue = 0, item = -1, nlines = 0, last = i, r, rc;

	buf_init(&b, 0);
	for (j = i + 1; j < end; j++) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		if (k == PK_EMPTY || k == PK_BLANK)
			continue;
		if (k == PK_FURNITURE) {
			trace_furniture(p, j, j + 1);
			continue;
		}
		if ((r = result_line(p, &b, &glue, &item, &nlines, j)) == 1)
			break;
		if (r >= 2) {
			const char *s, *e;
			if ((rc = result_done(p, g, &b, item, last)) != LUP_OK)
				return rc;
			imp_plan_trim(p->t->lines[j], &s, &e);
			glue = nlines = 0;
			imp_plan_text_add(p, &b, s + bullet_len(s), &glue);
			item = j;
		}
		last = j;
	}
	if ((rc = result_done(p, g, &b, item, last)) != LUP_OK)
		return rc;
	buf_release(&b);
	if (!g)
		return lost_heading(p, i, "Förväntat resultat");
	imp_trace(p->c, i + 1, i + 1, "label", "Förväntat resultat");
	*next = j;
	return LUP_OK;
}

/* traces the running text of lines [from, to) */
static void prose(struct pp *p, int from, int to)
{
	int last = to - 1;

	while (last > from && imp_plan_kind_at(p, last) <= PK_BLANK)
		last--;
	if (from < to)
		imp_trace(p->c, from + 1, last + 1, "prose", "%s", imp_plan_cut(p, p->t->lines[from]));
}

/* 1 when most lines with text end with a space (the PDF extraction's sign of a line break
 * between words; a line without one breaks inside a word) */
static int trailing_spaces(const struct imp_text *t)
{
	long with = 0, all = 0;

	for (int i = 0; i < t->nlines; i++) {
		size_t n = strlen(t->lines[i]);
		if (n == 0)
			continue;
		all++;
		with += t->lines[i][n - 1] == ' ';
	}
	return all > 0 && with * 2 > all;
}

/* handles the structural line i of kind k */
static int structure(struct pp *p, int i, enum pp_kind k, int *next)
{
	switch (k) {
	case PK_IM:
	case PK_VO:
		return kf_goal(p, i, k, next);
	case PK_NM:
		return nm_goal(p, i, next);
	case PK_DESC:
		return description(p, i, next);
	case PK_RESULTS:
		return results(p, i, next);
	case PK_IND_HEAD:
		return imp_plan_ind_table(p, i, next);
	case PK_ACT_HEAD:
		return imp_plan_act_table(p, i, next);
	default:
		imp_trace(p->c, i + 1, i + 1, "skipped: page header", "%s", imp_plan_cut(p, p->t->lines[i]));
		*next = i + 1;
		return LUP_OK;
	}
}

/* the error for a text without goals */
static int no_goals(struct pp *p)
{
	for (int i = 0; i < p->t->nlines; i++)
		if (imp_plan_kind_at(p, i) > PK_BLANK)
			return imp_fail(p->c, 0, "inget mål hittades: rubriker som 'KF:s inriktningsmål: 1. ...', "
					"'KF:s mål för verksamhetsområdet: 1.1 ...' eller 'Nämndmål: ...' väntades (är "
					"detta en verksamhetsplan som text?)");
	return imp_fail(p->c, 0, "filen är tom: en verksamhetsplan som text väntades");
}

int imp_plan_parse(struct imp_ctx *c, const struct imp_text *t, struct imp_plan_doc *d)
{
	struct pp p = { c, t, d, trailing_spaces(t), -1, -1, -1, -1, NULL, 0, 0, -1, -1 };
	struct pp_money_head h;
	int i = 0, run = -1, rc;

	memset(d, 0, sizeof(*d));
	p.kinds = arena_alloc(c->a, (size_t)t->nlines + 1);
	for (int j = 0; j < t->nlines; j++) {
		p.kinds[j] = (unsigned char)imp_plan_kind(t->lines[j]);
		if (p.kinds[j] == PK_TEXT && imp_plan_near_heading(t->lines[j]))
			return imp_fail(c, j + 1, "raden ser ut som en rubrik för ett av KF:s mål men dess nummer kan "
					"inte läsas ('%s'): det som följer kan inte knytas till rätt mål",
					imp_plan_cut(&p, t->lines[j]));
	}
	while (i < t->nlines) {
		enum pp_kind k = imp_plan_kind_at(&p, i);
		if (i % PROGRESS_LINES == 0)
			imp_progress(c, (size_t)i, (size_t)t->nlines);
		if (k == PK_EMPTY || k == PK_BLANK) {
			i++;
			continue;
		}
		if (k == PK_TEXT && !imp_plan_money_at(&p, i, run < 0 ? i : run, &h)) {
			run = run < 0 ? i : run;
			i++;
			continue;
		}
		if (run >= 0) {
			kf_text(&p, run, k == PK_TEXT ? h.from : i);
			prose(&p, run, k == PK_TEXT ? h.from : i);
		}
		run = -1;
		p.kf_text = -1;
		rc = k == PK_TEXT ? imp_plan_money_table(&p, &h, &i) : structure(&p, i, k, &i);
		if (rc != LUP_OK)
			return rc;
	}
	if (run >= 0) {
		kf_text(&p, run, t->nlines);
		prose(&p, run, t->nlines);
	}
	if (d->ngoals == 0)
		return no_goals(&p);
	imp_plan_detect(&p);
	for (int k = 0; k < d->nacts; k++)
		if (d->acts[k].goal >= 0 && d->goals[d->acts[k].goal].level != IMP_PLAN_NM &&
		    (rc = imp_plan_bodies(&p, &d->acts[k])) != LUP_OK)
			return rc;
	return LUP_OK;
}
