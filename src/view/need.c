/* view/need.c: resources versus need for a year (see need.h). */
#include "view/need.h"
#include "core/arena.h"
#include "core/err.h"
#include "core/hexfloat.h"
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

/* A total not public in itself, kept until STMT_NEED_SEEN says whether the viewer sees it. */
struct shut_val {
	int64_t id, area;
	double value;
	int example;
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
	struct shut_val *shut;	/* totals not public in themselves (value_row) */
	int nshut, capshut;
	long *byid;		/* the indicators' places by id - minid (nbyid of them), -1: none */
	int64_t minid;
	size_t nbyid;
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

/* value_add: the total value of indicator id in area (example: example data), counted for the
 * default's rule when the indicator is public. */
static void value_add(struct load *l, int64_t id, int64_t area, double value, int example)
{
	long k = l->byid ? (id >= l->minid && (uint64_t)(id - l->minid) < l->nbyid ? l->byid[id - l->minid] : -1)
		: ind_find(l, id);
	struct val *x;

	if (k < 0 || !l->ind[k].pub)
		return;
	if (l->nval == l->capval)
		l->val = arena_grow(l->a, l->val, l->nval, &l->capval, sizeof(*l->val), 1024);
	x = &l->val[l->nval++];
	x->ind = (size_t)k;
	x->area = area;
	x->d = district_of(l, area);
	x->value = value;
	x->example = example;
	if (x->d < 0)
		l->ind[k].city = 1;
	else
		l->ind[k].ndist++;
}

/* entry_int: the decimal integer at *p (digits, perhaps a '-'), *p moved past it */
static int64_t entry_int(const char **p)
{
	const char *s = *p;
	int neg = *s == '-';
	int64_t n = 0;

	for (s += neg; *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (*s - '0');
	*p = s;
	return neg ? -n : n;
}

/* by_id: l's indicators' places by id, when their ids are not much sparser than a list: else
 * value_add finds each by binary search (ind_find) */
static void by_id(struct load *l)
{
	int64_t span;

	if (!l->nind)
		return;
	l->minid = l->ind[0].id;
	span = l->ind[l->nind - 1].id - l->minid + 1;
	if (span <= 0 || span > 4 * (int64_t)l->nind + 64)
		return;
	l->nbyid = (size_t)span;
	l->byid = arena_alloc(l->a, l->nbyid * sizeof(*l->byid));
	for (size_t i = 0; i < l->nbyid; i++)
		l->byid[i] = -1;
	for (int i = 0; i < l->nind; i++)
		l->byid[l->ind[i].id - l->minid] = i;
}

/* value_row: an area's totals (area_id, vals: entries " indicator_id bits value;", see
 * STMT_NEED_VALUES), each added (value_add) or, when not public in itself, kept in l's shut. */
static int value_row(void *ctx, const struct store_row *row)
{
	struct load *l = ctx;
	int64_t area = store_col_int(row, 0);
	const char *p = store_col_text(row, 1), *end = p ? p + strlen(p) : NULL;

	if (!l->byid)
		by_id(l);
	while (p && *p == ' ') {
		int64_t id;
		int bits;
		double value;

		p++;
		id = entry_int(&p);
		if (*p++ != ' ')
			break;
		bits = (int)entry_int(&p);
		if (*p++ != ' ')
			break;
		if (!hexfloat_read(p, end, &value))
			value = strtod(p, NULL);
		p = strchr(p, ';');
		if (!p)
			break;
		p++;
		if (bits & 2) {
			l->shut = arena_grow(l->a, l->shut, l->nshut, &l->capshut, sizeof(*l->shut), 16);
			l->shut[l->nshut++] = (struct shut_val){ id, area, value, bits & 1 };
		} else
			value_add(l, id, area, value, bits & 1);
	}
	return 0;
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

struct ids {
	struct arena *a;
	int64_t *id;
	int n, cap;
};

static int id_row(void *ctx, const struct store_row *row)
{
	struct ids *s = ctx;

	s->id = arena_grow(s->a, s->id, s->n, &s->cap, sizeof(*s->id), 64);
	s->id[s->n++] = store_col_int(row, 0);
	return 0;
}

/* shut_values: l's totals not public in themselves added when the viewer sees their
 * indicator's figures of the year (STMT_NEED_SEEN) */
static int shut_values(struct store *st, struct load *l, int year, struct err *e)
{
	struct ids seen = { l->a, NULL, 0, 0 };
	struct sval y = SVI(year);

	if (!l->nshut)
		return LUP_OK;
	if (store_query(st, STMT_NEED_SEEN, &y, 1, id_row, &seen, e) != LUP_OK)
		return e->code;
	if (seen.n > 1)
		qsort(seen.id, (size_t)seen.n, sizeof(*seen.id), cmp_id);
	for (int i = 0; i < l->nshut; i++)
		if (seen.n && bsearch(&l->shut[i].id, seen.id, (size_t)seen.n, sizeof(*seen.id), cmp_id))
			value_add(l, l->shut[i].id, l->shut[i].area, l->shut[i].value, l->shut[i].example);
	return LUP_OK;
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
	    store_query(st, STMT_NEED_VALUES, &y, 1, value_row, &l, e) != LUP_OK ||
	    shut_values(st, &l, v->need_year, e) != LUP_OK)
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
