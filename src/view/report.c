/* report.c: a follow-up report as one view (see report.h): the report, its nämndmål, each
 * goal's indicators judged against their targets for the period, the suggested assessment with
 * its rule in words (model/assess.h) and the stored assessment, and the organisation's
 * activities of the year with their status in the report. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "model/period.h"
#include "model/status.h"
#include "store/store.h"
#include "view/report.h"

/* The store, the arena and the error of one load. */
struct ctx {
	struct store *st;
	struct arena *a;
	struct err *e;
};

/* direction_of: the direction a stored name gives (compared as such first: the parser's fold
 * and trim were 0.75K instructions an indicator); NONE for NULL or an unknown name. */
static enum model_direction direction_of(const char *text)
{
	enum model_direction dir = MODEL_DIR_NONE;

	for (int d = 0; text && d < MODEL_DIR__MAX; d++)
		if (!strcmp(text, model_direction_name((enum model_direction)d)))
			return (enum model_direction)d;
	model_direction_parse(text, &dir, NULL, 0);
	return dir;
}

/* judge: whether indicator in (its figures and targets set) meets its target (the årsmål, else
 * KF:s årsmål) for direction dir. */
static void judge(enum model_direction dir, struct view_report_indicator *in)
{
	struct model_target t;

	in->judged_by = in->target ? "årsmål" : in->kf_target ? "KF:s årsmål" : NULL;
	model_target_parse(in->target ? in->target : in->kf_target, &t, NULL, 0);
	in->meets = model_outcome_meets_target(dir, in->has_value, in->value, &t, in->has_prev, in->prev);
	in->why = NULL;
	if (in->meets != MODEL_MEETS_UNKNOWN)
		return;
	if (!in->has_value)
		in->why = "utfall saknas";
	else if (t.kind == MODEL_TARGET_EMPTY)
		in->why = "målvärde saknas";
	else if (t.kind == MODEL_TARGET_DIRECTION)
		in->why = "tidigare värde saknas";
	else
		in->why = "målvärdet är inte ett tal";
}

static const char *col_dup(struct arena *a, const struct store_row *r, int i)
{
	const char *s = store_col_text(r, i);

	return s ? arena_strdup(a, s) : NULL;
}

/* An indicator of WEB_FORMS_REPORT_INDICATORS, judged once, with what places it under the goals. */
struct ind_row {
	int64_t goal, ord;
	int shared;
	enum model_direction dir;
	struct view_report_indicator in;
};

/* An outcome of WEB_FORMS_REPORT_FIGURES: an indicator's value (as a number). */
struct ind_fig {
	int64_t ind;
	double value;
	int example;
};

/* The figures of one kind being read: the period's, the year before's, that year's annual. */
struct figs {
	struct ind_fig *v;
	int n, cap;
};

/* The indicators and their figures being read straight into structs (no row set). */
struct inds_read {
	struct arena *a;
	struct ind_row *v;
	int n, cap;
	struct figs figs[3];
};

/* grow: room for one more element of size sz in *v (n used, *cap allocated), from a. */
static void *grow(struct arena *a, void *v, int n, int *cap, size_t sz)
{
	if (n < *cap)
		return v;
	int c = *cap ? *cap * 2 : 64;
	void *w = arena_alloc_raw(a, sz * (size_t)c);
	if (n)
		memcpy(w, v, sz * (size_t)n);
	*cap = c;
	return w;
}

/* fig_row: one row of WEB_FORMS_REPORT_FIGURES (kind 1-3, indicator_id, value, example) into its
 * kind's list; one without a value is left out (as none). */
static int fig_row(void *ctx, const struct store_row *r)
{
	struct inds_read *x = ctx;
	int kind = (int)store_col_int(r, 0);
	struct figs *f;

	if (kind < 1 || kind > 3 || store_col_type(r, 2) == SV_NULL)
		return 0;
	f = &x->figs[kind - 1];
	f->v = grow(x->a, f->v, f->n, &f->cap, sizeof(*f->v));
	f->v[f->n++] = (struct ind_fig){ store_col_int(r, 1), store_col_real(r, 2), (int)store_col_int(r, 3) };
	return 0;
}

/* ind_row_read: one row of WEB_FORMS_REPORT_INDICATORS (columns in its order): an indicator,
 * judged once its figures are in (ind_judge). */
static int ind_row_read(void *ctx, const struct store_row *r)
{
	struct inds_read *x = ctx;

	x->v = grow(x->a, x->v, x->n, &x->cap, sizeof(*x->v));
	struct ind_row *o = &x->v[x->n++];
	struct view_report_indicator *in = &o->in;
	memset(o, 0, sizeof(*o));
	in->id = store_col_int(r, 0);
	o->goal = store_col_int(r, 1);
	o->ord = store_col_int(r, 2);
	o->shared = (int)store_col_int(r, 3);
	in->key = col_dup(x->a, r, 4);
	in->name = col_dup(x->a, r, 5);
	in->unit = col_dup(x->a, r, 6);
	o->dir = direction_of(store_col_text(r, 7));
	in->target = col_dup(x->a, r, 8);
	in->kf_target = col_dup(x->a, r, 9);
	return 0;
}

static int fig_cmp(const void *x, const void *y)
{
	const struct ind_fig *a = x, *b = y;

	return a->ind < b->ind ? -1 : a->ind > b->ind;
}

/* fig_find: indicator id's figure in f (sorted by fig_sort), or NULL. */
static const struct ind_fig *fig_find(const struct figs *f, int64_t id)
{
	int lo = 0, hi = f->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (f->v[mid].ind < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->n && f->v[lo].ind == id ? &f->v[lo] : NULL;
}

/* fig_sort: f by indicator (a range of the index comes sorted already: then no sort). */
static void fig_sort(struct figs *f)
{
	for (int i = 1; i < f->n; i++)
		if (f->v[i - 1].ind > f->v[i].ind) {
			qsort(f->v, (size_t)f->n, sizeof(*f->v), fig_cmp);
			return;
		}
}

/* ind_judge: indicator row o's figures from x (the period's value and example flag, the
 * previous value: the same period the year before, else that year's annual), judged. */
static void ind_judge(const struct inds_read *x, struct ind_row *o)
{
	struct view_report_indicator *in = &o->in;
	const struct ind_fig *cur = fig_find(&x->figs[0], in->id);
	const struct ind_fig *prv = fig_find(&x->figs[1], in->id);

	if (!prv)
		prv = fig_find(&x->figs[2], in->id);
	in->has_value = cur != NULL;
	in->value = cur ? cur->value : NAN;
	in->example = cur ? cur->example : 0;
	in->has_prev = prv != NULL;
	in->prev = prv ? prv->value : NAN;
	judge(o->dir, in);
}

/* ind_row_cmp: by goal, then ord and id (a goal's indicators one run in the order shown) */
static int ind_row_cmp(const void *x, const void *y)
{
	const struct ind_row *a = x, *b = y;

	if (a->goal != b->goal)
		return a->goal < b->goal ? -1 : 1;
	if (a->ord != b->ord)
		return a->ord < b->ord ? -1 : 1;
	return a->in.id < b->in.id ? -1 : a->in.id > b->in.id;
}

/* ind_unique: rows v (n, sorted by ind_row_cmp) with each indicator once (one read twice is
 * the same row twice, next to each other: the same goal, ord and id); returns how many are left. */
static int ind_unique(struct ind_row *v, int n)
{
	int m = 0;

	for (int i = 0; i < n; i++)
		if (!m || v[m - 1].in.id != v[i].in.id)
			v[m++] = v[i];
	return m;
}

/* A stored assessment of WEB_FORMS_ASSESSMENTS: its goal, assessment and analysis (copied). */
struct assess {
	int64_t goal;
	const char *assessment, *analysis;
};

/* The report's nämndmål and its assessments being read straight into structs (no row set). */
struct goals_read {
	struct arena *a;
	struct view_report_goal *g;
	int64_t *parent;		/* each goal's KF goal above it (0: none) */
	int n, cap, capp;
	struct assess *as;
	int nas, capas;
};

/* goal_read_row: one row of WEB_FORMS_REPORT_GOALS (id, key, number, name, parent_id). */
static int goal_read_row(void *ctx, const struct store_row *r)
{
	struct goals_read *x = ctx;

	x->parent = grow(x->a, x->parent, x->n, &x->capp, sizeof(*x->parent));
	x->g = grow(x->a, x->g, x->n, &x->cap, sizeof(*x->g));
	struct view_report_goal *g = &x->g[x->n];
	memset(g, 0, sizeof(*g));
	g->id = store_col_int(r, 0);
	g->key = col_dup(x->a, r, 1);
	g->number = col_dup(x->a, r, 2);
	g->name = col_dup(x->a, r, 3);
	x->parent[x->n++] = store_col_int(r, 4);
	return 0;
}

/* goals_sort: gr's goals (with their parents) by id, as SQLite's sorter gave them (0.04M
 * instructions of the statement's 0.1M): the rows come as one sorted run per organisation,
 * so an insertion sort moves few. */
static void goals_sort(struct goals_read *gr)
{
	for (int i = 1; i < gr->n; i++) {
		struct view_report_goal g = gr->g[i];
		int64_t parent = gr->parent[i];
		int j = i;

		for (; j > 0 && gr->g[j - 1].id > g.id; j--) {
			gr->g[j] = gr->g[j - 1];
			gr->parent[j] = gr->parent[j - 1];
		}
		gr->g[j] = g;
		gr->parent[j] = parent;
	}
}

/* assess_row: one row of WEB_FORMS_ASSESSMENTS (goal_id, assessment, analysis). */
static int assess_row(void *ctx, const struct store_row *r)
{
	struct goals_read *x = ctx;

	x->as = grow(x->a, x->as, x->nas, &x->capas, sizeof(*x->as));
	x->as[x->nas++] = (struct assess){ store_col_int(r, 0), col_dup(x->a, r, 1), col_dup(x->a, r, 2) };
	return 0;
}

/* goal_run: the first of rows (n, sorted by ind_row_cmp) on goal id; *end past its last. */
static int goal_run(const struct ind_row *rows, int n, int64_t id, int *end)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (rows[mid].goal < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (*end = lo; *end < n && rows[*end].goal == id; (*end)++)
		;
	return lo;
}

/* add_run: rows [from, to) (with shared set, when not own) to g's indicators (n of them so far,
 * their judgements in meets); returns the new count. */
static int add_run(struct view_report *rep, struct view_report_goal *g, const struct ind_row *rows, int from, int to,
		   int own, enum model_meets *meets, int n)
{
	for (int i = from; i < to; i++) {
		if (!own && !rows[i].shared)
			continue;
		g->inds[n] = rows[i].in;
		g->inds[n].on_goal = own;
		if (n < 256)
			meets[n] = g->inds[n].meets;
		if (g->inds[n].has_value && g->inds[n].example)
			rep->any_example = 1;
		n++;
	}
	return n;
}

/* goal_indicators: goal g's indicators of rows (n, by goal, ord and id): its own, then the shared
 * ones on the KF goal above it (parent, 0: none), each group by ord and id (two runs found by
 * binary search, not a pass over every row per goal and group: 20 goals x 74 rows x 4 tests were
 * 55K instructions); its suggested assessment and its stored one in as. */
static void goal_indicators(struct ctx *c, struct view_report *rep, struct view_report_goal *g, int64_t parent,
			    const struct ind_row *rows, int nrows, const struct goals_read *gr)
{
	enum model_meets meets[256];
	int own_end, par_end = 0, n;
	int own = goal_run(rows, nrows, g->id, &own_end);
	int par = parent ? goal_run(rows, nrows, parent, &par_end) : 0;

	n = own_end - own;
	for (int i = par; i < par_end; i++)
		n += rows[i].shared != 0;
	g->inds = arena_alloc(c->a, sizeof(*g->inds) * (size_t)(n + 1));
	n = add_run(rep, g, rows, own, own_end, 1, meets, 0);
	n = add_run(rep, g, rows, par, par_end, 0, meets, n);
	g->ninds = n;
	g->suggest = model_assess_suggest(meets, (size_t)(n < 256 ? n : 256), g->why, sizeof(g->why));
	g->assessment = "none";
	for (int i = 0; i < gr->nas; i++)
		if (gr->as[i].goal == g->id) {
			g->assessed = 1;
			g->assessment = gr->as[i].assessment;
			g->analysis = gr->as[i].analysis;
		}
}

/* The room for indicators taken at once (Spånga-Tensta's 2022 report has 74). */
#define INDS_FIRST 128

/* load_goals: the goals of gr with their indicators, read and judged for all of them at once. */
static int load_goals(struct ctx *c, struct view_report *rep, int64_t area, const struct goals_read *gr)
{
	struct inds_read x = { .a = c->a, .cap = INDS_FIRST };
	struct sval oy[] = { SVI(rep->org), SVI(rep->year) }, yka[] = { SVI(rep->year), SVS(rep->kind), SVI(area) };
	struct store_q q[] = {
		{ STMT_WEB_FORMS_REPORT_INDICATORS, oy, 2, ind_row_read, &x },
		{ STMT_WEB_FORMS_REPORT_FIGURES, yka, 3, fig_row, &x },
	};

	x.v = arena_alloc_raw(c->a, sizeof(*x.v) * INDS_FIRST);
	if (store_query_many(c->st, q, 2, c->e) != LUP_OK)
		return c->e->code;
	if (x.n > 1)
		qsort(x.v, (size_t)x.n, sizeof(*x.v), ind_row_cmp);
	x.n = ind_unique(x.v, x.n);
	for (int k = 0; k < 3; k++)
		fig_sort(&x.figs[k]);
	for (int i = 0; i < x.n; i++)
		ind_judge(&x, &x.v[i]);
	rep->ngoals = gr->n;
	rep->goals = gr->g ? gr->g : arena_alloc(c->a, sizeof(*rep->goals));
	for (int i = 0; i < gr->n; i++)
		goal_indicators(c, rep, &rep->goals[i], gr->parent[i], x.v, x.n, gr);
	return LUP_OK;
}

/* The order of a report's activities: by goal (nämndmål first, then the goals above them, then
 * none), then by key in byte order. */
struct act_key {
	int group;		/* 0: a nämndmål, 1: another goal, 2: no goal */
	int64_t goal;
	const char *key;
	int ix;			/* the activity's place as read (ties keep it, as a stable sort) */
};

static int act_key_cmp(const void *x, const void *y)
{
	const struct act_key *a = x, *b = y;
	int c;

	if (a->group != b->group)
		return a->group - b->group;
	if (a->goal != b->goal)
		return a->goal < b->goal ? -1 : 1;
	if ((c = strcmp(a->key ? a->key : "", b->key ? b->key : "")) != 0)
		return c;
	return a->ix - b->ix;
}

/* A goal's texts as the activities show them, found once per goal. */
struct act_goal {
	int64_t id;
	int found;		/* the goal exists (else the activity shows no goal, as a LEFT JOIN did) */
	const char *key, *level, *number, *name;
};

/* An update of the report: its activity's status and comment in it. */
struct act_update {
	int64_t act;
	const char *status, *comment;
};

/* The activities and updates of STMT_WEB_FOLLOW_REPORT_ACTS being read straight into structs
 * (no row set, with its copy of every cell and its columns found by name per access). */
struct acts_read {
	struct arena *a;
	struct view_report_activity *v;
	int n, cap;
	struct act_update *u;
	int nu, capu;
};

/* status_text: a status as one of model/status.h's codes when it is one (no copy), else a copy
 * in a (NULL for NULL). */
static const char *status_text(struct arena *a, const struct store_row *r, int i)
{
	const char *t = store_col_text(r, i);

	for (int k = 0; t && k < ACT_STATUS_N; k++)
		if (!strcmp(act_status_codes[k], t))
			return act_status_codes[k];
	return t ? arena_strdup(a, t) : NULL;
}

/* act_row: one row of STMT_WEB_FOLLOW_REPORT_ACTS (columns in its order): an activity (kind
 * 0) or an update (kind 1). */
static int act_row(void *ctx, const struct store_row *r)
{
	struct acts_read *x = ctx;

	if (store_col_int(r, 0) == 1) {
		x->u = grow(x->a, x->u, x->nu, &x->capu, sizeof(*x->u));
		x->u[x->nu++] = (struct act_update){ store_col_int(r, 1), status_text(x->a, r, 6), col_dup(x->a, r, 8) };
		return 0;
	}
	x->v = grow(x->a, x->v, x->n, &x->cap, sizeof(*x->v));
	struct view_report_activity *a = &x->v[x->n++];
	memset(a, 0, sizeof(*a));
	a->id = store_col_int(r, 1);
	a->key = col_dup(x->a, r, 2);
	a->name = col_dup(x->a, r, 3);
	a->start = col_dup(x->a, r, 4);
	a->end = col_dup(x->a, r, 5);
	a->own_status = status_text(x->a, r, 6);
	a->goal_id = store_col_int(r, 7);
	return 0;
}

static int update_cmp(const void *x, const void *y)
{
	const struct act_update *a = x, *b = y;

	return a->act < b->act ? -1 : a->act > b->act;
}

/* update_of: activity id's update in u (n, sorted by activity), or NULL. */
static const struct act_update *update_of(const struct act_update *u, int n, int64_t id)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (u[mid].act < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && u[lo].act == id ? &u[lo] : NULL;
}

/* The goals of a report's activities being found, each once (an organisation's 150 activities
 * have some 30 goals): the report's nämndmål from the view, the others read by one
 * STMT_WEB_FOLLOW_REPORT_GOAL_TEXTS of their ids (one statement a goal was 7K instructions
 * each, 8 a page). */
struct goals_find {
	struct arena *a;
	struct act_goal *g;
	int n;
};

/* goal_row: one row of STMT_WEB_FOLLOW_REPORT_GOAL_TEXTS (id, key, level, number, title) onto its
 * goal in x, its texts copied. */
static int goal_row(void *ctx, const struct store_row *r)
{
	struct goals_find *x = ctx;
	int64_t id = store_col_int(r, 0);

	for (int k = 0; k < x->n; k++)
		if (x->g[k].id == id && !x->g[k].found) {
			x->g[k] = (struct act_goal){ id, 1, col_dup(x->a, r, 1), col_dup(x->a, r, 2), col_dup(x->a, r, 3),
						     col_dup(x->a, r, 4) };
			break;
		}
	return 0;
}

/* goal_slot: the index of goal id in x, added when new: from known (the report's nämndmål, nk
 * of them), else to be read (found 0; *pending counts those). */
static int goal_slot(struct goals_find *x, int64_t id, const struct view_report_goal *known, int nk, int *pending)
{
	for (int k = x->n - 1; k >= 0; k--)
		if (x->g[k].id == id)
			return k;
	x->g[x->n] = (struct act_goal){ .id = id };
	for (int k = 0; k < nk; k++)
		if (known[k].id == id) {
			x->g[x->n] = (struct act_goal){ id, 1, known[k].key, "namndmal", known[k].number, known[k].name };
			return x->n++;
		}
	(*pending)++;
	return x->n++;
}

/* goals_read: the goals of x still to be read (pending of them), by one statement of their ids
 * joined by commas; a goal that is gone stays not found. Returns LUP_OK or the store's error
 * in e. */
static int goals_read(struct store *st, struct goals_find *x, int pending, struct err *e)
{
	size_t cap = (size_t)pending * 21 + 1, len = 0;
	char *ids = arena_alloc_raw(x->a, cap);
	struct sval arg;

	ids[0] = 0;
	for (int k = 0; k < x->n && len < cap; k++)
		if (!x->g[k].found)
			len += (size_t)snprintf(ids + len, cap - len, "%s%lld", len ? "," : "", (long long)x->g[k].id);
	arg = SVS(ids);
	if (store_query(st, STMT_WEB_FOLLOW_REPORT_GOAL_TEXTS, &arg, 1, goal_row, x, e) != LUP_OK)
		return e->code;
	return LUP_OK;
}

/* acts_goals: each activity's goal texts (goals_find); an activity whose goal is gone shows
 * none. */
static int acts_goals(struct store *st, struct arena *a, struct view_report_activity *v, int n,
		      const struct view_report_goal *known, int nk, struct err *e)
{
	struct goals_find x = { a, arena_alloc_raw(a, sizeof(*x.g) * (size_t)(n + 1)), 0 };
	int *slot = arena_alloc_raw(a, sizeof(*slot) * (size_t)(n + 1));
	int pending = 0;

	for (int i = 0; i < n; i++)
		slot[i] = v[i].goal_id ? goal_slot(&x, v[i].goal_id, known, nk, &pending) : -1;
	if (pending && goals_read(st, &x, pending, e) != LUP_OK)
		return e->code;
	for (int i = 0; i < n; i++) {
		const struct act_goal *g = slot[i] >= 0 ? &x.g[slot[i]] : NULL;

		if (!g)
			continue;
		if (!g->found) {
			v[i].goal_id = 0;
			continue;
		}
		v[i].goal_key = g->key, v[i].goal_level = g->level, v[i].goal_number = g->number, v[i].goal_name = g->name;
	}
	return LUP_OK;
}

/* acts_updates: each activity's status in the report: its update's (reported), else its own. */
static void acts_updates(struct acts_read *x)
{
	int sorted = 1;

	for (int i = 1; i < x->nu && sorted; i++)
		sorted = x->u[i - 1].act <= x->u[i].act;
	if (!sorted)
		qsort(x->u, (size_t)x->nu, sizeof(*x->u), update_cmp);
	for (int i = 0; i < x->n; i++) {
		struct view_report_activity *a = &x->v[i];
		const struct act_update *u = update_of(x->u, x->nu, a->id);
		a->reported = u != NULL;
		a->status = u ? u->status : a->own_status;
		a->comment = u ? u->comment : NULL;
	}
}

/* act_key_of: activity v[i]'s sort key. */
static struct act_key act_key_of(const struct view_report_activity *v, int i)
{
	return (struct act_key){ !v[i].goal_id ? 2 : !(v[i].goal_level && strcmp(v[i].goal_level, "namndmal") == 0),
				 v[i].goal_id, v[i].key, i };
}

/* A run of activities as read: one goal's, keys ascending; k is its first activity's key. */
struct act_run {
	struct act_key k;
	int end;
};

static int act_run_cmp(const void *x, const void *y)
{
	const struct act_run *a = x, *b = y;

	if (a->k.group != b->k.group)
		return a->k.group - b->k.group;
	return a->k.goal < b->k.goal ? -1 : a->k.goal > b->k.goal;
}

/* act_runs: v (n) as runs of one goal with keys ascending (as read: by owner and id, which
 * follows the plans' goals and keys), into out (n + 1) placed in act_key_cmp's order; 0 when v
 * is not such runs, one per goal (then out is not set). */
static int act_runs(struct arena *a, const struct view_report_activity *v, int n, struct view_report_activity *out)
{
	struct act_run *run = arena_alloc_raw(a, sizeof(*run) * (size_t)n);
	int nr = 0, o = 0;

	for (int i = 0; i < n; i++) {
		if (i && v[i].goal_id == v[i - 1].goal_id) {
			if (strcmp(v[i - 1].key ? v[i - 1].key : "", v[i].key ? v[i].key : "") > 0)
				return 0;
			run[nr - 1].end = i + 1;
			continue;
		}
		run[nr++] = (struct act_run){ act_key_of(v, i), i + 1 };
	}
	qsort(run, (size_t)nr, sizeof(*run), act_run_cmp);
	for (int r = 1; r < nr; r++)
		if (!act_run_cmp(&run[r - 1], &run[r]))
			return 0;
	for (int r = 0; r < nr; r++)
		for (int i = run[r].k.ix; i < run[r].end; i++)
			out[o++] = v[i];
	return 1;
}

/* act_sort: the activities v (n) in a report's order (act_key_cmp) in a new array from a: as
 * runs of one goal when they come so (act_runs: a sort of some 30 goals, not of 150 keys:
 * 0.05M instructions a page), else their keys sorted, each found once, then the activities
 * placed (qsort of the activities themselves moved 150-byte elements and compared goal levels
 * per step: 0.1M instructions a page). */
static struct view_report_activity *act_sort(struct arena *a, struct view_report_activity *v, int n)
{
	struct act_key *k;
	struct view_report_activity *out = arena_alloc_raw(a, sizeof(*out) * (size_t)(n + 1));

	if (act_runs(a, v, n, out))
		return out;
	k = arena_alloc_raw(a, sizeof(*k) * (size_t)n);
	for (int i = 0; i < n; i++)
		k[i] = act_key_of(v, i);
	qsort(k, (size_t)n, sizeof(*k), act_key_cmp);
	for (int i = 0; i < n; i++)
		out[i] = v[k[i].ix];
	return out;
}

/* The room for activities taken at once: an organisation's year has some 150 (grown from 64,
 * the array was copied twice: 15K instructions). */
#define ACTS_FIRST 256

/* activities: view_report_activities with the report's nämndmål known (nk), whose texts need no
 * read. */
static int activities(struct store *st, struct arena *a, int64_t id, const struct view_report_goal *known, int nk,
		      struct view_report_activity **acts, int *n, struct err *e)
{
	struct acts_read x = { .a = a, .cap = ACTS_FIRST };
	struct sval arg = SVI(id);

	*acts = NULL;
	*n = 0;
	x.v = arena_alloc_raw(a, sizeof(*x.v) * ACTS_FIRST);
	if (store_query(st, STMT_WEB_FOLLOW_REPORT_ACTS, &arg, 1, act_row, &x, e) != LUP_OK)
		return e->code;
	acts_updates(&x);
	if (acts_goals(st, a, x.v, x.n, known, nk, e) != LUP_OK)
		return e->code;
	if (x.n > 1)
		x.v = act_sort(a, x.v, x.n);
	*n = x.n;
	*acts = x.n ? x.v : arena_alloc(a, sizeof(**acts));
	return LUP_OK;
}

int view_report_activities(struct store *st, struct arena *a, int64_t id, struct view_report_activity **acts, int *n,
			   struct err *e)
{
	return activities(st, a, id, NULL, 0, acts, n, e);
}

/* load_activities: the organisation's activities of the year with their status in the report. */
static int load_activities(struct ctx *c, struct view_report *rep)
{
	return activities(c->st, c->a, rep->id, rep->goals, rep->ngoals, &rep->acts, &rep->nacts, c->e);
}

/* The history, the decision and the carried marks of STMT_RC_* being read into structs. */
struct cycle_read {
	struct arena *a;
	struct view_report *rep;
	int cap;
};

/* event_row: one row of STMT_RC_EVENTS (at, user, step, comment, meeting_date, paragraph). */
static int event_row(void *ctx, const struct store_row *r)
{
	struct cycle_read *x = ctx;
	struct view_report *rep = x->rep;

	rep->events = grow(x->a, rep->events, rep->nevents, &x->cap, sizeof(*rep->events));
	rep->events[rep->nevents++] = (struct view_report_event){ col_dup(x->a, r, 0), col_dup(x->a, r, 1),
								 col_dup(x->a, r, 2), col_dup(x->a, r, 3),
								 col_dup(x->a, r, 4), col_dup(x->a, r, 5) };
	return 0;
}

/* state_row: the first row of STMT_RC_STATE (decision_date at 6, decision_paragraph at 7). */
static int state_row(void *ctx, const struct store_row *r)
{
	struct cycle_read *x = ctx;

	x->rep->decision_date = col_dup(x->a, r, 6);
	x->rep->decision_paragraph = col_dup(x->a, r, 7);
	return 1;
}

/* carried_row: one row of STMT_RC_CARRIED (what, ref_id): marks its goal or activity. */
static int carried_row(void *ctx, const struct store_row *r)
{
	struct view_report *rep = ((struct cycle_read *)ctx)->rep;
	const char *what = store_col_text(r, 0);
	int goal = what && strcmp(what, "goal") == 0;
	int64_t ref = store_col_int(r, 1);

	for (int j = 0; goal && j < rep->ngoals; j++)
		rep->goals[j].carried |= rep->goals[j].id == ref;
	for (int j = 0; !goal && j < rep->nacts; j++)
		rep->acts[j].carried |= rep->acts[j].id == ref;
	return 0;
}

/* load_cycle: the history, the committee's decision and the carried marks of the goals and
 * activities. */
static int load_cycle(struct ctx *c, struct view_report *rep)
{
	struct cycle_read x = { c->a, rep, 0 };
	struct sval arg = SVI(rep->id);
	struct store_q q[] = {
		{ STMT_RC_EVENTS, &arg, 1, event_row, &x },
		{ STMT_RC_STATE, &arg, 1, state_row, &x },
		{ STMT_RC_CARRIED, &arg, 1, carried_row, &x },
	};

	if (store_query_many(c->st, q, 3, c->e) != LUP_OK)
		return c->e->code;
	if (!rep->events)
		rep->events = arena_alloc(c->a, sizeof(*rep->events));
	return LUP_OK;
}

/* head_row: the one row of STMT_WEB_FORMS_REPORT (columns in its order) into the view. */
static int head_row(void *ctx, const struct store_row *r)
{
	struct cycle_read *x = ctx;
	struct view_report *rep = x->rep;

	x->cap = 1;
	rep->org = store_col_int(r, 1);
	rep->org_key = col_dup(x->a, r, 2);
	rep->org_name = col_dup(x->a, r, 3);
	rep->org_pair = store_col_int(r, 4);
	rep->year = (long)store_col_int(r, 5);
	rep->kind = col_dup(x->a, r, 6);
	rep->status = col_dup(x->a, r, 7);
	rep->forecast = col_dup(x->a, r, 8);
	rep->comment = col_dup(x->a, r, 9);
	rep->submitted_by = col_dup(x->a, r, 10);
	rep->submitted_at = col_dup(x->a, r, 11);
	rep->decided_by = col_dup(x->a, r, 12);
	rep->decided_at = col_dup(x->a, r, 13);
	return 1;
}

/* The area of STMT_WEB_FORMS_ORG_AREA: its id and name (copied). */
struct area_read {
	struct arena *a;
	int64_t id;
	const char *name;
};

/* area_read_row: the first row of STMT_WEB_FORMS_ORG_AREA (id, key, name, level). */
static int area_read_row(void *ctx, const struct store_row *r)
{
	struct area_read *x = ctx;

	x->id = store_col_int(r, 0);
	x->name = col_dup(x->a, r, 2);
	return 1;
}

/* load_body: the goals with their indicators and assessments, the activities (unless goals is
 * VIEW_REPORT_GOALS) and the history of rep, whose head is read. */
static int load_body(struct ctx *c, struct view_report *rep, int goals, const struct sval *arg)
{
	struct goals_read gr = { .a = c->a };
	struct area_read area = { .a = c->a };
	struct sval oy[] = { SVI(rep->org), SVI(rep->year) };
	struct sval org = SVI(rep->org);
	struct store_q q[] = {
		{ STMT_WEB_FORMS_REPORT_GOALS, oy, 2, goal_read_row, &gr },
		{ STMT_WEB_FORMS_ASSESSMENTS, arg, 1, assess_row, &gr },
		{ STMT_WEB_FORMS_ORG_AREA, &org, 1, area_read_row, &area },
	};
	int rc;

	if ((rc = store_query_many(c->st, q, 3, c->e)) != LUP_OK)
		return rc;
	rep->area_name = area.name;
	goals_sort(&gr);
	if ((rc = load_goals(c, rep, area.id, &gr)) != LUP_OK)
		return rc;
	if (goals != VIEW_REPORT_GOALS && (rc = load_activities(c, rep)) != LUP_OK)
		return rc;
	return load_cycle(c, rep);
}

int view_report_load(struct store *st, struct arena *a, int64_t id, int goals, struct view_report *rep,
		     int *found, struct err *e)
{
	struct ctx c = { st, a, e };
	struct cycle_read h = { a, rep, 0 };
	struct sval arg = SVI(id);
	int64_t readable = 0;
	int rc;

	memset(rep, 0, sizeof(*rep));
	rep->id = id;
	*found = 0;
	if ((rc = store_query(st, STMT_WEB_FORMS_REPORT, &arg, 1, head_row, &h, e)) != LUP_OK)
		return rc;
	if (!h.cap)
		return LUP_OK;
	*found = 1;
	if ((rc = store_query_id(st, STMT_VR_READABLE, &arg, 1, &readable, e)) != LUP_OK)
		return rc;
	rep->readable = readable != 0;
	rep->label = view_report_period_label(a, rep->year, rep->kind);
	if (!goals)
		return LUP_OK;
	return load_body(&c, rep, goals, &arg);
}

int view_report_load_body(struct store *st, struct arena *a, int goals, struct view_report *rep, struct err *e)
{
	struct ctx c = { st, a, e };
	struct sval arg = SVI(rep->id);

	return load_body(&c, rep, goals, &arg);
}

const char *view_report_period_label(struct arena *a, long year, const char *kind)
{
	struct model_period p = { (int)year, MODEL_PERIOD_FY };
	char buf[MODEL_PERIOD_TEXT_MAX * 2];

	if (kind && strcmp(kind, "T1") == 0)
		p.kind = MODEL_PERIOD_T1;
	else if (kind && strcmp(kind, "T2") == 0)
		p.kind = MODEL_PERIOD_T2;
	if (model_period_label_sv(&p, buf, sizeof(buf)) != 0)
		return "";
	return arena_strdup(a, buf);
}
