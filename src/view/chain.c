/* chain.c: an organisation's goal chain for a year (see chain.h). Six reads, each ordered by
 * the id of what its rows belong to; each becomes a flat array in the arena, and every goal and
 * indicator gets its share as one contiguous run, found through a sorted id index (no scans).
 * A seventh read gives the activities' districts in Swedish order of their names, each appended
 * to its activity's list through the activities' id index (one sort, none per activity). */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"
#include "view/chain.h"

/* An id with the index of its row: the index sorted by id. */
struct idix {
	int64_t id;
	size_t ix;
};

/* A read in progress: the rows so far, the arena, and the chain being built. */
struct load {
	struct arena *a;
	struct view_chain *c;
	void *rows;			/* the current read's array */
	int64_t *owner;			/* per row: the id of the goal or indicator it belongs to */
	size_t n, cap, size;		/* rows, capacity, size of a row */
};

/* grow: room for one more row in l (arrays double; the old ones stay in the arena). */
static void *grow(struct load *l)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 32;
		void *nr = arena_alloc(l->a, ncap * l->size);
		int64_t *no = arena_alloc(l->a, ncap * sizeof(*no));
		if (l->n) {
			memcpy(nr, l->rows, l->n * l->size);
			memcpy(no, l->owner, l->n * sizeof(*no));
		}
		l->rows = nr;
		l->owner = no;
		l->cap = ncap;
	}
	return (char *)l->rows + l->n++ * l->size;
}

static const char *text(struct load *l, const struct store_row *r, int i)
{
	return arena_strdup(l->a, store_col_text(r, i));
}

static int idix_cmp(const void *x, const void *y)
{
	const struct idix *p = x, *q = y;
	return p->id < q->id ? -1 : p->id > q->id;
}

/* find: the index of the row with id in the sorted index ix[0..n), or -1. */
static long find(const struct idix *ix, size_t n, int64_t id)
{
	struct idix key = { id, 0 };
	const struct idix *hit = bsearch(&key, ix, n, sizeof(*ix), idix_cmp);
	return hit ? (long)hit->ix : -1;
}

static int goal_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_goal *g = grow(l);

	g->id = store_col_int(r, 0);
	g->key = text(l, r, 1);
	g->level = text(l, r, 2);
	g->number = text(l, r, 3);
	g->name = text(l, r, 4);
	g->parent = text(l, r, 5);
	g->owner = text(l, r, 6);
	g->description = text(l, r, 7);
	g->parent_ix = -1;
	l->owner[l->n - 1] = store_col_int(r, 8);	/* the parent's id (0: none) */
	return 0;
}

static int result_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	const char **t = grow(l);

	l->owner[l->n - 1] = store_col_int(r, 0);
	*t = text(l, r, 1);
	return 0;
}

static int indicator_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_indicator *in = grow(l);

	l->owner[l->n - 1] = store_col_int(r, 0);
	in->id = store_col_int(r, 1);
	in->key = text(l, r, 2);
	in->name = text(l, r, 3);
	in->unit = text(l, r, 4);
	in->direction = text(l, r, 5);
	in->periodicity = text(l, r, 6);
	in->target = text(l, r, 7);
	in->kf_target = text(l, r, 8);
	in->own = store_col_int(r, 9) != 0;
	return 0;
}

static int outcome_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_outcome *o = grow(l);

	l->owner[l->n - 1] = store_col_int(r, 0);
	o->year = (long)store_col_int(r, 1);
	o->period = text(l, r, 2);
	o->area_id = store_col_int(r, 3);
	o->area = text(l, r, 4);
	o->sex = text(l, r, 5);
	o->value = store_col_type(r, 6) == SV_NULL ? NAN : store_col_real(r, 6);
	o->missing = store_col_int(r, 7) != 0;
	o->example = store_col_int(r, 8) != 0;
	return 0;
}

static int assessment_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_assessment *as = grow(l);

	l->owner[l->n - 1] = store_col_int(r, 0);
	as->period = text(l, r, 1);
	as->assessment = text(l, r, 2);
	as->analysis = text(l, r, 3);
	as->report_status = text(l, r, 4);
	as->own = store_col_int(r, 5) != 0;
	return 0;
}

static int activity_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_activity *ac = grow(l);

	ac->id = store_col_int(r, 0);
	ac->key = text(l, r, 1);
	ac->title = text(l, r, 2);
	ac->owner_name = text(l, r, 3);
	ac->role = text(l, r, 4);
	ac->status = text(l, r, 5);
	ac->start_text = text(l, r, 6);
	ac->end_text = text(l, r, 7);
	ac->goal_id = store_col_int(r, 8);
	ac->areas = NULL;
	ac->goal = -1;
	return 0;
}

/* runs: calls fn(owner index, first row, count) once per run of rows in l with the same owner
 * id that ix knows (rows are ordered by owner; owners unknown to ix are skipped). */
static void runs(struct load *l, const struct idix *ix, size_t nix, void *ctx,
		 void (*fn)(void *ctx, long owner, size_t first, size_t n))
{
	for (size_t i = 0, end; i < l->n; i = end) {
		for (end = i + 1; end < l->n && l->owner[end] == l->owner[i]; end++)
			;
		long o = find(ix, nix, l->owner[i]);
		if (o >= 0)
			fn(ctx, o, i, end - i);
	}
}

/* The chain's loader state across the reads. */
struct build {
	struct load l;
	struct store *st;
	struct idix *goal_ix, *ind_ix, *act_ix;
	struct view_indicator *inds;
	size_t ninds;
};

static struct idix *index_of(struct arena *a, size_t n, const void *rows, size_t size, size_t id_off)
{
	struct idix *ix = arena_alloc(a, (n ? n : 1) * sizeof(*ix));

	for (size_t i = 0; i < n; i++) {
		memcpy(&ix[i].id, (const char *)rows + i * size + id_off, sizeof(int64_t));
		ix[i].ix = i;
	}
	qsort(ix, n, sizeof(*ix), idix_cmp);
	return ix;
}

static void set_results(void *ctx, long g, size_t first, size_t n)
{
	struct build *b = ctx;
	b->l.c->goals[g].results = (const char **)b->l.rows + first;
	b->l.c->goals[g].nresults = n;
}

static void set_inds(void *ctx, long g, size_t first, size_t n)
{
	struct build *b = ctx;
	b->l.c->goals[g].inds = (struct view_indicator *)b->l.rows + first;
	b->l.c->goals[g].ninds = n;
}

static void set_outs(void *ctx, long i, size_t first, size_t n)
{
	struct build *b = ctx;
	b->inds[i].outs = (struct view_outcome *)b->l.rows + first;
	b->inds[i].nouts = n;
}

static void set_assess(void *ctx, long g, size_t first, size_t n)
{
	struct build *b = ctx;
	b->l.c->goals[g].assess = (struct view_assessment *)b->l.rows + first;
	b->l.c->goals[g].nassess = n;
}

/* query: run_query on b's store. */
static int query(struct build *b, enum stmt s, size_t size, store_row_fn fn, struct err *e)
{
	struct sval args[] = { SVI(b->l.c->org), SVI(b->l.c->year) };

	b->l.rows = NULL;
	b->l.owner = NULL;
	b->l.n = b->l.cap = 0;
	b->l.size = size;
	return store_query(b->st, s, args, 2, fn, &b->l, e);
}

static int load_goals(struct build *b, struct err *e)
{
	struct view_chain *c = b->l.c;
	int rc;

	if ((rc = query(b, STMT_VC_GOALS, sizeof(struct view_goal), goal_row, e)) != LUP_OK)
		return rc;
	c->goals = b->l.rows;
	c->ngoals = b->l.n;
	b->goal_ix = index_of(b->l.a, c->ngoals, c->goals, sizeof(*c->goals), offsetof(struct view_goal, id));
	for (size_t i = 0; i < c->ngoals; i++)
		c->goals[i].parent_ix = b->l.owner[i] ? (int)find(b->goal_ix, c->ngoals, b->l.owner[i]) : -1;
	return LUP_OK;
}

static int load_indicators(struct build *b, struct err *e)
{
	int rc;

	if ((rc = query(b, STMT_VC_INDICATORS, sizeof(struct view_indicator), indicator_row, e)) != LUP_OK)
		return rc;
	runs(&b->l, b->goal_ix, b->l.c->ngoals, b, set_inds);
	b->inds = b->l.rows;
	b->ninds = b->l.n;
	b->ind_ix = index_of(b->l.a, b->ninds, b->inds, sizeof(*b->inds), offsetof(struct view_indicator, id));
	if ((rc = query(b, STMT_VC_OUTCOMES, sizeof(struct view_outcome), outcome_row, e)) != LUP_OK)
		return rc;
	runs(&b->l, b->ind_ix, b->ninds, b, set_outs);
	return LUP_OK;
}

/* area_row: appends a district's name (STMT_VC_ACTIVITY_AREAS: activity_id, name; in Swedish
 * order) to its activity's list, ", " between names. */
static int area_row(void *ctx, const struct store_row *r)
{
	struct build *b = ctx;
	struct view_chain *c = b->l.c;
	long i = find(b->act_ix, c->nacts, store_col_int(r, 0));
	const char *name = store_col_text(r, 1);

	if (i < 0 || !name)
		return 0;
	if (!c->acts[i].areas) {
		c->acts[i].areas = arena_strdup(b->l.a, name);
	} else {
		size_t n = strlen(c->acts[i].areas), m = strlen(name);
		char *s = arena_alloc(b->l.a, n + m + 3);
		memcpy(s, c->acts[i].areas, n);
		memcpy(s + n, ", ", 2);
		memcpy(s + n + 2, name, m + 1);
		c->acts[i].areas = s;
	}
	return 0;
}

/* load_acts: the activities with their districts, each goal's list of them. */
static int load_acts(struct build *b, struct err *e)
{
	struct view_chain *c = b->l.c;
	int rc;

	if ((rc = query(b, STMT_VC_ACTIVITIES, sizeof(struct view_activity), activity_row, e)) != LUP_OK)
		return rc;
	c->acts = b->l.rows;
	c->nacts = b->l.n;
	b->act_ix = index_of(b->l.a, c->nacts, c->acts, sizeof(*c->acts), offsetof(struct view_activity, id));
	struct sval args[] = { SVI(c->org), SVI(c->year) };
	if ((rc = store_query(b->st, STMT_VC_ACTIVITY_AREAS, args, 2, area_row, b, e)) != LUP_OK)
		return rc;
	for (size_t i = 0; i < c->nacts; i++) {
		long g = c->acts[i].goal_id ? find(b->goal_ix, c->ngoals, c->acts[i].goal_id) : -1;
		c->acts[i].goal = (int)g;
		if (g >= 0)
			c->goals[g].nacts++;
	}
	for (size_t g = 0; g < c->ngoals; g++) {
		c->goals[g].acts = arena_alloc(b->l.a, (c->goals[g].nacts ? c->goals[g].nacts : 1) * sizeof(size_t));
		c->goals[g].nacts = 0;
	}
	for (size_t i = 0; i < c->nacts; i++)
		if (c->acts[i].goal >= 0) {
			struct view_goal *g = &c->goals[c->acts[i].goal];
			g->acts[g->nacts++] = i;
		}
	return LUP_OK;
}

int view_chain_load(struct store *st, struct arena *a, int64_t org, long year, struct view_chain *c,
		    struct err *e)
{
	struct build b = { .l = { .a = a, .c = c }, .st = st };
	int rc;

	memset(c, 0, sizeof(*c));
	c->org = org;
	c->year = year;
	if ((rc = load_goals(&b, e)) != LUP_OK ||
	    (rc = query(&b, STMT_VC_RESULTS, sizeof(const char *), result_row, e)) != LUP_OK)
		return rc;
	runs(&b.l, b.goal_ix, c->ngoals, &b, set_results);
	if ((rc = load_indicators(&b, e)) != LUP_OK ||
	    (rc = query(&b, STMT_VC_ASSESSMENTS, sizeof(struct view_assessment), assessment_row, e)) != LUP_OK)
		return rc;
	runs(&b.l, b.goal_ix, c->ngoals, &b, set_assess);
	return load_acts(&b, e);
}

int view_chain_goal(const struct view_chain *c, const char *key)
{
	for (size_t i = 0; key && i < c->ngoals; i++)
		if (strcmp(c->goals[i].key, key) == 0)
			return (int)i;
	return -1;
}
