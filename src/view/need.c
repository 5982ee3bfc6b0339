/* view/need.c: resources versus need for a year (see need.h). */
#include "view/need.h"
#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A growing list of chosen indicators: (id, weight). */
struct pick {
	struct arena *a;
	size_t n, cap;
	int64_t *id;
	double *w;
};

static void pick_add(struct pick *p, int64_t id, double w)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		int64_t *ids = arena_alloc(p->a, cap * sizeof(*ids));
		double *ws = arena_alloc(p->a, cap * sizeof(*ws));
		if (p->n) {
			memcpy(ids, p->id, p->n * sizeof(*ids));
			memcpy(ws, p->w, p->n * sizeof(*ws));
		}
		p->id = ids, p->w = ws, p->cap = cap;
	}
	p->id[p->n] = id;
	p->w[p->n++] = w;
}

static int pick_row(void *ctx, const struct store_row *row)
{
	pick_add(ctx, store_col_int(row, 0), store_col_real(row, 1));
	return 0;
}

struct dist_ctx {
	struct arena *a;
	struct view_need *v;
	size_t cap;
};

static int district_row(void *ctx, const struct store_row *row)
{
	struct dist_ctx *c = ctx;
	struct view_need *v = c->v;
	struct view_need_district *d;

	if (v->nd == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 16;
		struct view_need_district *n = arena_alloc(c->a, cap * sizeof(*n));
		if (v->nd)
			memcpy(n, v->ds, v->nd * sizeof(*n));
		v->ds = n, c->cap = cap;
	}
	d = &v->ds[v->nd++];
	memset(d, 0, sizeof(*d));
	d->id = store_col_int(row, 0);
	d->key = arena_strdup(c->a, store_col_text(row, 1));
	d->name = arena_strdup(c->a, store_col_text(row, 2));
	d->population = store_col_type(row, 3) == SV_NULL ? 0 : store_col_int(row, 3);
	d->population_year = store_col_type(row, 4) == SV_NULL ? 0 : (int)store_col_int(row, 4);
	return 0;
}

/* An indicator as STMT_NEED_INDICATORS gives it, and what the year's values say of it. */
struct ind_info {
	int64_t id;
	const char *key, *name, *unit, *direction;
	int pub, lup;		/* in no draft; measures a goal of a LUP */
	int city, ndist;	/* visible values of the year: the city's (0/1), districts' */
	long pick;		/* its place among the picks, -1: not picked */
};

/* A visible full-year total of the need year (STMT_NEED_VALUES). */
struct val {
	size_t ind;		/* into the indicators */
	int64_t area;
	long d;			/* into the districts; -1: the city's */
	int example;
	double value;
};

struct load {
	struct arena *a;
	const struct view_need *v;	/* its districts */
	struct ind_info *ind;
	int nind, capind;
	struct val *val;
	int nval, capval;
	int64_t last_area;	/* the area of the row before and its district (-1: none) */
	long last_d;
};

static int ind_row(void *ctx, const struct store_row *row)
{
	struct load *l = ctx;
	struct ind_info *x;

	l->ind = arena_grow(l->a, l->ind, l->nind, &l->capind, sizeof(*l->ind), 128);
	x = &l->ind[l->nind++];
	x->id = store_col_int(row, 0);
	x->key = arena_strdup(l->a, store_col_text(row, 1));
	x->name = arena_strdup(l->a, store_col_text(row, 2));
	x->unit = arena_strdup(l->a, store_col_text(row, 3));
	x->direction = arena_strdup(l->a, store_col_text(row, 4));
	x->pub = store_col_int(row, 5) != 0;
	x->lup = store_col_int(row, 6) != 0;
	x->city = x->ndist = 0;
	x->pick = -1;
	return 0;
}

/* ind_find: the index of indicator id among l's (by id), -1 when none. */
static long ind_find(const struct load *l, int64_t id)
{
	long lo = 0, hi = l->nind - 1;

	while (lo <= hi) {
		long mid = lo + (hi - lo) / 2;
		if (l->ind[mid].id == id)
			return mid;
		if (l->ind[mid].id < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* district_of: the index of area among l's districts, -1 when it is none (the city); the row
 * before's answer when the area is the same (the rows come area by area on SQLite). */
static long district_of(struct load *l, int64_t area)
{
	if (area == l->last_area)
		return l->last_d;
	l->last_area = area;
	for (size_t d = 0; d < l->v->nd; d++)
		if (l->v->ds[d].id == area)
			return l->last_d = (long)d;
	return l->last_d = -1;
}

/* value_row: a value of a public indicator, counted for the default's rule. */
static int value_row(void *ctx, const struct store_row *row)
{
	struct load *l = ctx;
	long k = ind_find(l, store_col_int(row, 0));
	struct val *x;

	if (k < 0 || !l->ind[k].pub)
		return 0;
	l->val = arena_grow(l->a, l->val, l->nval, &l->capval, sizeof(*l->val), 1024);
	x = &l->val[l->nval++];
	x->ind = (size_t)k;
	x->area = store_col_int(row, 1);
	x->d = district_of(l, x->area);
	x->value = store_col_real(row, 2);
	x->example = store_col_int(row, 3) != 0;
	if (x->d < 0)
		l->ind[k].city = 1;
	else
		l->ind[k].ndist++;
	return 0;
}

/* default_picks: the documented default (docs/resources-need.md): public indicators with a
 * direction measured as a share, with a city value and values of at least two districts in
 * the need year; those of LUP goals when any qualify, else all that qualify; by id, weight 1. */
static void default_picks(const struct load *l, struct pick *p)
{
	int lup = 0;

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < l->nind; i++) {
			const struct ind_info *x = &l->ind[i];
			if (!x->pub || !x->city || x->ndist < 2 || !x->unit || strcmp(x->unit, "%") != 0 ||
			    !x->direction || (strcmp(x->direction, "higher") != 0 && strcmp(x->direction, "lower") != 0))
				continue;
			if (pass == 0)
				lup |= x->lup;
			else if (x->lup == lup)
				pick_add(p, x->id, 1.0);
		}
}

/* place_values: each picked indicator's values into v (the city's of the lowest area id). */
static void place_values(const struct load *l, struct view_need *v)
{
	int64_t *city_area = arena_alloc(l->a, (v->ni + 1) * sizeof(*city_area));

	for (int i = 0; i < l->nval; i++) {
		const struct val *x = &l->val[i];
		long k = l->ind[x->ind].pick;

		if (k < 0)
			continue;
		if (x->d < 0) {
			if (isnan(v->inds[k].m.city) || x->area < city_area[k]) {
				v->inds[k].m.city = x->value;
				v->inds[k].city_example = x->example;
				city_area[k] = x->area;
			}
			continue;
		}
		v->cells[(size_t)k * v->nd + (size_t)x->d].value = x->value;
		v->ds[x->d].example |= x->example;
	}
	for (size_t k = 0; k < v->ni; k++)
		v->example |= v->inds[k].city_example;
}

/* indicators: the chosen (else default) indicators with their values into v: every indicator
 * and every visible value of the need year in two reads, the picks and values placed here. */
static int indicators(struct store *st, struct arena *a, struct view_need *v, struct err *e)
{
	struct pick p = { a, 0, 0, NULL, NULL };
	struct load l = { .a = a, .v = v, .last_area = -1, .last_d = -1 };
	struct sval y = SVI(v->need_year);

	if (store_query(st, STMT_NEED_CHOSEN, NULL, 0, pick_row, &p, e) != LUP_OK ||
	    store_query(st, STMT_NEED_INDICATORS, NULL, 0, ind_row, &l, e) != LUP_OK ||
	    store_query(st, STMT_NEED_VALUES, &y, 1, value_row, &l, e) != LUP_OK)
		return e->code;
	v->chosen = p.n > 0;
	if (!p.n)
		default_picks(&l, &p);
	v->inds = arena_alloc(a, (p.n + 1) * sizeof(*v->inds));
	v->cells = arena_alloc(a, (p.n * v->nd + 1) * sizeof(*v->cells));
	for (size_t i = 0; i < p.n * v->nd; i++)
		v->cells[i].value = v->cells[i].gap = v->cells[i].z = NAN;
	for (size_t k = 0; k < p.n; k++) {
		long i = ind_find(&l, p.id[k]);
		struct view_need_ind *x = &v->inds[v->ni];

		if (i < 0)
			continue;
		memset(x, 0, sizeof(*x));
		x->m.weight = p.w[k];
		x->m.city = NAN;
		x->id = l.ind[i].id;
		x->key = l.ind[i].key;
		x->name = l.ind[i].name;
		x->unit = l.ind[i].unit;
		x->direction = l.ind[i].direction;
		model_direction_parse(x->direction, &x->m.dir, NULL, 0);
		l.ind[i].pick = (long)v->ni++;
	}
	place_values(&l, v);
	return LUP_OK;
}

static int sum_row(void *ctx, const struct store_row *row)
{
	struct view_need *v = ctx;
	int64_t area = store_col_int(row, 0);
	int k = need_kind_index(store_col_text(row, 1));

	if (k < 0)
		return 0;
	for (size_t d = 0; d < v->nd; d++)
		if (v->ds[d].id == area) {
			v->ds[d].amount[k] += store_col_real(row, 2);
			v->ds[d].has[k] = 1;
			v->ds[d].example |= store_col_int(row, 3) != 0;
		}
	return 0;
}

static void per_resident(struct view_need *v)
{
	for (size_t d = 0; d < v->nd; d++)
		for (int k = 0; k < NEED_KIND__MAX; k++)
			v->ds[d].per1000[k] = v->ds[d].population > 0 ?
				v->ds[d].amount[k] * 1000.0 / (double)v->ds[d].population : NAN;
}

int view_need_load(struct store *st, struct arena *a, int year, int64_t org, struct view_need *v, struct err *e)
{
	struct dist_ctx dc = { a, v, 0 };
	struct sval y = SVI(year);
	struct sval s[] = { SVI(year), SVID(org) };
	double *index;
	int64_t ny = 0;
	int *nused;

	memset(v, 0, sizeof(*v));
	v->year = year;
	v->org = org;
	if (store_query_id(st, STMT_NEED_YEAR, &y, 1, &ny, e) != LUP_OK)
		return e->code;
	v->need_year = ny ? (int)ny : year;
	if (store_query(st, STMT_NEED_DISTRICTS, &y, 1, district_row, &dc, e) != LUP_OK ||
	    indicators(st, a, v, e) != LUP_OK || store_query(st, STMT_AL_SUMS, s, 2, sum_row, v, e) != LUP_OK)
		return e->code;
	per_resident(v);
	index = arena_alloc(a, (v->nd + 1) * sizeof(*index));
	nused = arena_alloc(a, (v->nd + 1) * sizeof(*nused));
	struct need_ind *m = arena_alloc(a, (v->ni + 1) * sizeof(*m));
	for (size_t k = 0; k < v->ni; k++)
		m[k] = v->inds[k].m;
	if (need_compute(m, v->ni, v->cells, v->nd, index, nused) != 0)
		return err_set(e, LUP_EINVAL, "a need indicator's weight is not positive");
	for (size_t k = 0; k < v->ni; k++)
		v->inds[k].m = m[k];
	for (size_t d = 0; d < v->nd; d++) {
		v->ds[d].index = index[d];
		v->ds[d].nused = nused[d];
		v->example |= v->ds[d].example;
	}
	v->ord = arena_alloc(a, (v->nd + 1) * sizeof(*v->ord));
	need_order(index, v->nd, v->ord);
	return LUP_OK;
}
