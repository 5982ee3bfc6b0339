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

static int pick_row(void *ctx, const struct store_row *row)
{
	struct pick *p = ctx;

	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 16;
		int64_t *id = arena_alloc(p->a, cap * sizeof(*id));
		double *w = arena_alloc(p->a, cap * sizeof(*w));
		if (p->n) {
			memcpy(id, p->id, p->n * sizeof(*id));
			memcpy(w, p->w, p->n * sizeof(*w));
		}
		p->id = id, p->w = w, p->cap = cap;
	}
	p->id[p->n] = store_col_int(row, 0);
	p->w[p->n++] = store_col_real(row, 1);
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

static int ind_row(void *ctx, const struct store_row *row)
{
	struct view_need_ind *x = ((void **)ctx)[0];
	struct arena *a = ((void **)ctx)[1];
	const char *u = store_col_text(row, 3);

	x->id = store_col_int(row, 0);
	x->key = arena_strdup(a, store_col_text(row, 1));
	x->name = arena_strdup(a, store_col_text(row, 2));
	x->unit = u ? arena_strdup(a, u) : NULL;
	x->direction = arena_strdup(a, store_col_text(row, 4));
	model_direction_parse(x->direction, &x->m.dir, NULL, 0);
	return 1;
}

struct val_ctx {
	struct view_need *v;
	size_t k;
};

static int value_row(void *ctx, const struct store_row *row)
{
	struct val_ctx *c = ctx;
	struct view_need *v = c->v;
	int64_t area = store_col_int(row, 0);
	const char *level = store_col_text(row, 1);
	int example = store_col_int(row, 3) != 0;

	if (strcmp(level, "municipality") == 0) {
		if (isnan(v->inds[c->k].m.city)) {
			v->inds[c->k].m.city = store_col_real(row, 2);
			v->inds[c->k].city_example = example;
		}
		return 0;
	}
	for (size_t d = 0; d < v->nd; d++)
		if (v->ds[d].id == area) {
			v->cells[c->k * v->nd + d].value = store_col_real(row, 2);
			v->ds[d].example |= example;
		}
	return 0;
}

/* indicators: the chosen (else default) indicators with their values into v. */
static int indicators(struct store *st, struct arena *a, struct view_need *v, struct err *e)
{
	struct pick p = { a, 0, 0, NULL, NULL };
	struct sval y = SVI(v->need_year);

	if (store_query(st, STMT_NEED_CHOSEN, NULL, 0, pick_row, &p, e) != LUP_OK)
		return e->code;
	v->chosen = p.n > 0;
	if (!p.n && store_query(st, STMT_NEED_DEFAULT, &y, 1, pick_row, &p, e) != LUP_OK)
		return e->code;
	v->inds = arena_alloc(a, (p.n + 1) * sizeof(*v->inds));
	v->cells = arena_alloc(a, (p.n * v->nd + 1) * sizeof(*v->cells));
	for (size_t i = 0; i < p.n * v->nd; i++)
		v->cells[i].value = v->cells[i].gap = v->cells[i].z = NAN;
	for (size_t k = 0; k < p.n; k++) {
		struct view_need_ind *x = &v->inds[v->ni];
		void *ctx[2] = { x, a };
		struct sval id = SVI(p.id[k]);
		memset(x, 0, sizeof(*x));
		x->m.weight = p.w[k];
		x->m.city = NAN;
		if (store_query(st, STMT_NEED_INDICATOR, &id, 1, ind_row, ctx, e) != LUP_OK)
			return e->code;
		if (!x->id)
			continue;
		struct val_ctx vc = { v, v->ni };
		struct sval args[] = { SVI(x->id), SVI(v->need_year) };
		if (store_query(st, STMT_NEED_VALUES, args, 2, value_row, &vc, e) != LUP_OK)
			return e->code;
		v->example |= x->city_example;
		v->ni++;
	}
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
