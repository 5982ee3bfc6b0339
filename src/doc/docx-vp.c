/* docx-vp.c: the verksamhetsplan document (docx-vp.h): an organisation's goal chain for a year
 * (view/chain.h) with the head of its plan version (view/plan.h) and the version's budget
 * tables, through the DOCX writer (docx.h). One function per part, in the order they appear. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "doc/docx-vp.h"
#include "doc/docx.h"
#include "model/planver.h"
#include "model/status.h"
#include "store/store.h"
#include "view/chain.h"
#include "view/plan.h"

#define BUDGET_MAX 4096	/* budget lines read per document */

/* One budget line (budget_line). */
struct bline {
	char *tbl, *label, *col;
	long ord;
	int has;
	double mnkr;
};

struct budget {
	struct bline *l;
	size_t n;
};

static const char *s(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int text_row(void *ctx, const struct store_row *r)
{
	char **out = ctx;

	if (store_col_text(r, 2))
		*out = xstrdup(store_col_text(r, 2));
	return 1;	/* the one row */
}

/* org_name: the registry's name of organisation id (STMT_SHOW_ORGANISATION), malloc'd, or NULL */
static int org_name(struct store *st, int64_t id, char **out, struct err *e)
{
	struct sval a = SVI(id);

	*out = NULL;
	return store_query(st, STMT_SHOW_ORGANISATION, &a, 1, text_row, out, e);
}

static int budget_row(void *ctx, const struct store_row *r)
{
	struct budget *b = ctx;

	if (b->n == BUDGET_MAX)
		return 1;
	struct bline *l = &b->l[b->n++];
	l->tbl = xstrdup(store_col_text(r, 0) ? store_col_text(r, 0) : "");
	l->ord = (long)store_col_int(r, 1);
	l->label = xstrdup(store_col_text(r, 2) ? store_col_text(r, 2) : "");
	l->col = xstrdup(store_col_text(r, 3) ? store_col_text(r, 3) : "");
	l->has = store_col_type(r, 4) != SV_NULL;
	l->mnkr = store_col_real(r, 4);
	return 0;
}

static void budget_free(struct budget *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->l[i].tbl);
		free(b->l[i].label);
		free(b->l[i].col);
	}
	free(b->l);
}

/* mnkr: an amount in Swedish notation (decimal comma), into out */
static const char *mnkr(const struct bline *l, char *out, size_t n)
{
	if (!l->has)
		return "";
	snprintf(out, n, "%.15g", l->mnkr);
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
	return out;
}

/* budget_table: the lines [from, to) of one table (one tbl, by ord) as a table whose columns
 * are their col values in the order first met */
static void budget_table(struct docx *d, const struct budget *b, size_t from, size_t to)
{
	const char *cols[DOCX_MAX_COLS];
	const char *head[DOCX_MAX_COLS];
	const char *cells[DOCX_MAX_COLS];
	char num[DOCX_MAX_COLS][48];
	int nc = 0;
	char caption[512];

	for (size_t i = from; i < to; i++) {
		int k = 0;
		while (k < nc && strcmp(cols[k], b->l[i].col))
			k++;
		if (k == nc && nc < DOCX_MAX_COLS - 1)
			cols[nc++] = b->l[i].col;
	}
	head[0] = "Post";
	for (int k = 0; k < nc; k++)
		head[k + 1] = cols[k];
	snprintf(caption, sizeof(caption), "%s (mnkr)", b->l[from].tbl);
	docx_table_begin(d, caption, nc + 1, head, NULL);
	for (size_t i = from; i < to;) {
		size_t j = i;
		for (int k = 0; k <= nc; k++)
			cells[k] = NULL;
		cells[0] = b->l[i].label;
		for (; j < to && b->l[j].ord == b->l[i].ord; j++)
			for (int k = 0; k < nc; k++)
				if (!strcmp(cols[k], b->l[j].col))
					cells[k + 1] = mnkr(&b->l[j], num[k], sizeof(num[k]));
		docx_table_row(d, cells);
		i = j;
	}
	docx_table_end(d);
}

static int budget(struct store *st, struct docx *d, int64_t pv, struct err *e)
{
	struct budget b = { xcalloc(BUDGET_MAX, sizeof(struct bline)), 0 };
	struct sval a = SVI(pv);
	int rc = store_query(st, STMT_VR_BUDGET, &a, 1, budget_row, &b, e);

	if (rc == LUP_OK && b.n) {
		docx_heading(d, 1, "Budget");
		for (size_t i = 0; i < b.n;) {
			size_t j = i;
			while (j < b.n && !strcmp(b.l[j].tbl, b.l[i].tbl))
				j++;
			budget_table(d, &b, i, j);
			i = j;
		}
	}
	budget_free(&b);
	return rc;
}

/* ---- the goal chain ---- */

static const char *periodicity(const char *p)
{
	static const char *const t[][2] = {
		{ "tertial", "Tertial" }, { "year", "År" }, { "month", "Månad" }, { "quarter", "Kvartal" },
	};
	for (size_t i = 0; p && i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcmp(t[i][0], p))
			return t[i][1];
	return p;
}

/* goal_title: "NUMBER NAME" (or NAME) of g into b */
static const char *goal_title(const struct view_goal *g, struct buf *b)
{
	buf_reset(b);
	if (g->number && *g->number)
		buf_addf(b, "%s %s", g->number, g->name ? g->name : "");
	else
		buf_adds(b, g->name ? g->name : "");
	return b->ptr;
}

static void indicators(struct docx *d, const struct view_goal *g)
{
	static const char *const head[] = { "Indikator", "Årsmål", "KF:s årsmål", "Periodicitet" };
	static const int widths[] = { 43, 17, 22, 18 };	/* "Tas fram av nämnd/styrelse" */

	if (!g->ninds)
		return;
	docx_table_begin(d, "Indikatorer", 4, head, widths);
	for (size_t i = 0; i < g->ninds; i++) {
		const struct view_indicator *x = &g->inds[i];
		const char *cells[] = { x->name, x->target, x->kf_target, periodicity(x->periodicity) };
		docx_table_row(d, cells);
	}
	docx_table_end(d);
}

static void activity_table(struct docx *d, const struct view_chain *c, const size_t *ix, size_t n, const char *caption)
{
	static const char *const head[] = { "Aktivitet", "Start", "Slut", "Status" };
	static const int widths[] = { 44, 19, 19, 18 };	/* a date (2022-01-01) on one line */

	if (!n)
		return;
	docx_table_begin(d, caption, 4, head, widths);
	for (size_t i = 0; i < n; i++) {
		const struct view_activity *a = &c->acts[ix[i]];
		const char *cells[] = { a->title, a->start_text, a->end_text, act_status_label(a->status) };
		docx_table_row(d, cells);
	}
	docx_table_end(d);
}

/* goal_body: what hangs on goal g under its heading */
static void goal_body(struct docx *d, const struct view_chain *c, const struct view_goal *g)
{
	if (g->description && *g->description) {
		docx_para(d, "Dokumentfakta", "Beskrivning");
		docx_markdown(d, g->description, 3);
	}
	if (g->nresults) {
		docx_para(d, "Dokumentfakta", "Förväntat resultat");
		for (size_t i = 0; i < g->nresults; i++)
			docx_para(d, "ListBullet", g->results[i]);
	}
	indicators(d, g);
	activity_table(d, c, g->acts, g->nacts, "Aktiviteter");
}

static int is_level(const struct view_goal *g, const char *level)
{
	return g->level && !strcmp(g->level, level);
}

/* goal: goal i's heading at level (1-3), its body and the goals under it of the next level */
static void goal(struct docx *d, const struct view_chain *c, size_t i, int level, struct buf *b)
{
	static const char *const levels[] = { "inriktningsmal", "verksamhetsomradesmal", "namndmal" };

	docx_heading(d, level, goal_title(&c->goals[i], b));
	goal_body(d, c, &c->goals[i]);
	if (level == 3)
		return;
	for (size_t k = 0; k < c->ngoals; k++)
		if (c->goals[k].parent_ix == (int)i && is_level(&c->goals[k], levels[level]))
			goal(d, c, k, level + 1, b);
}

/* placed: whether nämndmål i has a place in the chain's tree (its parent a KF verksamhetsområdesmål
 * whose parent is an inriktningsmål at the top) */
static int placed(const struct view_chain *c, size_t i)
{
	int p = c->goals[i].parent_ix, q = p >= 0 ? c->goals[p].parent_ix : -1;

	return p >= 0 && is_level(&c->goals[p], "verksamhetsomradesmal") && q >= 0 &&
	       is_level(&c->goals[q], "inriktningsmal") && c->goals[q].parent_ix < 0;
}

static void chain(struct docx *d, const struct view_chain *c, struct arena *ar)
{
	struct buf b;
	size_t *loose = arena_alloc(ar, (c->nacts + 1) * sizeof(size_t)), nloose = 0;
	int head = 0;

	buf_init(&b, 64 * 1024);
	for (size_t i = 0; i < c->ngoals; i++)
		if (c->goals[i].parent_ix < 0 && is_level(&c->goals[i], "inriktningsmal"))
			goal(d, c, i, 1, &b);
	for (size_t i = 0; i < c->ngoals; i++) {
		if (!is_level(&c->goals[i], "namndmal") || placed(c, i))
			continue;
		if (!head++)
			docx_heading(d, 1, "Nämndmål utanför KF:s mål");
		docx_heading(d, 2, goal_title(&c->goals[i], &b));
		goal_body(d, c, &c->goals[i]);
	}
	for (size_t i = 0; i < c->nacts; i++)
		if (c->acts[i].goal < 0 || is_level(&c->goals[c->acts[i].goal], "lup"))
			loose[nloose++] = i;
	if (nloose) {
		docx_heading(d, 1, "Övriga aktiviteter");
		activity_table(d, c, loose, nloose, "Aktiviteter utan nämndmål");
	}
	buf_release(&b);
}

/* ---- the title page ---- */

/* head: the plan version's status into st ("Utkast", "Antagen 2022-01-20") and the decision's
 * line into dec, from its document (pv 0: none) */
static int head(struct store *st, int64_t pv, char **title, struct buf *stat, struct buf *dec, struct err *e)
{
	json_t *doc = NULL;
	int rc;

	if (!pv) {
		buf_adds(stat, "Utkast");
		buf_adds(dec, "Utkast: ingen verksamhetsplan är antagen för året.");
		return LUP_OK;
	}
	if ((rc = plan_doc_load_id(st, pv, &doc, e)) != LUP_OK)
		return rc;
	const json_t *v = json_object_get(doc, "version"), *d = json_object_get(v, "decision");
	const char *status = s(v, "status") ? s(v, "status") : "draft";
	if (!strcmp(status, "draft")) {
		buf_adds(stat, "Utkast");
		buf_adds(dec, "Utkast: verksamhetsplanen är inte antagen.");
	} else {
		buf_adds(stat, planver_status_sv(status));
		if (s(d, "date"))
			buf_addf(stat, " %s", s(d, "date"));
		buf_adds(dec, stat->ptr);
		if (s(d, "paragraph"))
			buf_addf(dec, ", § %s", s(d, "paragraph"));
		if (s(d, "dnr"))
			buf_addf(dec, ", dnr %s", s(d, "dnr"));
	}
	*title = s(json_object_get(doc, "plan"), "title") ? xstrdup(s(json_object_get(doc, "plan"), "title")) : NULL;
	json_decref(doc);
	return LUP_OK;
}

int docx_vp(struct store *st, int64_t org, long year, int64_t pv, const char *tpl, char **data, size_t *len,
	    struct err *e)
{
	struct arena ar = ARENA_INIT;
	struct view_chain c;
	struct docx *d = NULL;
	struct buf stat, dec, t;
	struct sval args[2] = { SVI(org), SVI(year) };
	char *name = NULL, *title = NULL;
	int rc;

	*data = NULL;
	*len = 0;
	buf_init(&stat, 4096);
	buf_init(&dec, 4096);
	buf_init(&t, 4096);
	if ((rc = org_name(st, org, &name, e)) != LUP_OK)
		goto out;
	if (!name) {
		rc = err_set(e, LUP_ENOTFOUND, "no organisation %lld", (long long)org);
		goto out;
	}
	if ((!pv && (rc = store_query_id(st, STMT_VR_VP_VERSION, args, 2, &pv, e)) != LUP_OK) ||
	    (rc = head(st, pv, &title, &stat, &dec, e)) != LUP_OK ||
	    (rc = view_chain_load(st, &ar, org, year, &c, e)) != LUP_OK || (rc = docx_new(tpl, &d, e)) != LUP_OK)
		goto out;
	buf_addf(&t, "Verksamhetsplan %ld", year);
	if (!strcmp(stat.ptr, "Utkast"))
		docx_para(d, "Utkastmarkering", "Utkast");
	docx_para(d, "Title", name);
	docx_para(d, "Subtitle", t.ptr);
	if (title)
		docx_para(d, "Dokumentfakta", title);
	docx_para(d, "Dokumentfakta", dec.ptr);
	docx_page_break(d);
	docx_toc(d, "Innehåll");
	chain(d, &c, &ar);
	if (pv && (rc = budget(st, d, pv, e)) != LUP_OK)
		goto out;
	struct docx_meta m = { title ? title : t.ptr, "Verksamhetsplan", name, stat.ptr, NULL };
	rc = docx_finish(d, &m, data, len, e);
out:
	docx_free(d);
	free(name);
	free(title);
	buf_release(&stat);
	buf_release(&dec);
	buf_release(&t);
	arena_release(&ar);
	return rc;
}
