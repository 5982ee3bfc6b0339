/* example.c: deterministic example outcome series, so that comparisons can be seen before real
 * outcomes are imported. Every row is marked example = 1 and source 'exempeldata', so that every
 * view and export can label it; nothing here comes from the seeds.
 *
 * For each indicator with a numeric own target for year Y (its plan year):
 * - Years Y-4 .. Y (the plan year newest, so that the default views show it): the full year (FY)
 *   for every indicator, T1 and T2 too when its periodicity is 'tertial'. Every district and the city (area 'stockholm') get a value for every period.
 * - A district's value comes from its performance z (0 at the target, positive worse): a district
 *   part (prioritised districts worse, the others better), an indicator part, a yearly trend
 *   (most indicators improve, some worsen) and a little noise per period; example-value.c turns
 *   z into a value of the indicator's kind (example.h: counts whole, shares 0-100, ...). Counts
 *   and amounts scale with the district's population (populations.tsv) relative to the owner's.
 * - Cumulative counts (counts followed up per tertial) are the year so far: T1 and T2 are shares
 *   of the full year, so T1 <= T2 <= full year, for every area and sex.
 * - Shares and counts of people are split by sex (example.h): counts K + M = total; shares and
 *   rates K and M lie either side of the total, which is their mean (equal weights).
 * - The city is derived from the districts, per period and sex: the sum for counts and amounts,
 *   the mean weighted by the districts' populations for shares and rates.
 * - The owner district's full-year value in Y is steered so that every state of the suggested
 *   assessment (model/assess.h) shows on the organisation page. In the order of the goals' keys,
 *   goals with two or more such indicators take turns to be partly met (60 % of the indicators
 *   meet their target), not met (a third meet) and fulfilled (all meet); goals with one take turns
 *   to be met, not met and not measured (every area's value of that year is written as missing,
 *   as for a survey not carried out), which leaves the goal "Ej bedömt".
 * Values derive from hashes of (indicator, area, year, period), so loading twice writes the same
 * numbers.
 */
#include "load/load-int.h"
#include "load/example.h"
#include "core/xalloc.h"
#include "model/period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXAMPLE_SOURCE "exempeldata"
#define MAX_DISTRICTS 64
#define YEARS_BEFORE 4
#define YEARS_AFTER 0
#define MAX_PERIODS 64

struct ex_area {
	int64_t id;
	char key[64];
	int prioritised;
	int64_t city;
	double weight;		/* population (example weight) */
};

/* A period's id, once looked up. */
struct ex_period {
	int year;
	enum model_period_kind kind;
	int64_t id;
};

/* One period's values of one indicator: per district and the city, total, K and M. */
struct ex_values {
	double v[MAX_DISTRICTS + 1][3];	/* [district or city at nareas][T, K, M] */
	int missing;
};

struct ex_ctx {
	struct store *st;
	struct err *e;
	struct ex_area areas[MAX_DISTRICTS];
	int nareas;
	struct ex_series *series;
	int nseries, cap;
	struct ex_period periods[MAX_PERIODS];	/* the period ids looked up so far */
	int nperiods;
	int written, changed;
	struct store_bulk *bulk;	/* the outcomes, in batches (nothing reads them back) */
};

static int area_row(void *ctx, const struct store_row *r)
{
	struct ex_ctx *x = ctx;
	struct ex_area *a;

	if (x->nareas >= MAX_DISTRICTS)
		return 1;
	a = &x->areas[x->nareas++];
	a->id = store_col_int(r, 0);
	snprintf(a->key, sizeof(a->key), "%s", store_col_text(r, 1));
	a->prioritised = (int)store_col_int(r, 2);
	a->city = store_col_int(r, 3);
	return 0;
}

static int series_row(void *ctx, const struct store_row *r)
{
	struct ex_ctx *x = ctx;
	struct ex_series *s;
	const char *dir = store_col_text(r, 2), *per = store_col_text(r, 3), *goal = store_col_text(r, 7);

	if (x->nseries == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->series = xrealloc(x->series, sizeof(*x->series) * (size_t)x->cap);
	}
	s = &x->series[x->nseries++];
	memset(s, 0, sizeof(*s));
	s->ind = store_col_int(r, 0);
	snprintf(s->key, sizeof(s->key), "%s", store_col_text(r, 1));
	snprintf(s->goal, sizeof(s->goal), "%s", goal ? goal : "");
	s->dir = strcmp(dir, "higher") == 0 ? 1 : strcmp(dir, "lower") == 0 ? -1 : 0;
	s->tertial = per && strcmp(per, "tertial") == 0;
	s->year = (int)store_col_int(r, 8);
	s->target = store_col_real(r, 9);
	s->district = store_col_int(r, 10);
	ex_classify(s, store_col_text(r, 4), store_col_text(r, 5), (int)store_col_int(r, 6));
	return 0;
}

/* weights: each district's population, the newest row of pops; a district without one gets the
 * mean of the others (1 when none has one). */
static void weights(struct ex_ctx *x, const struct ld_population *pops, int npops)
{
	double sum = 0;
	int n = 0;

	for (int i = 0; i < x->nareas; i++) {
		int best = -1;
		for (int k = 0; k < npops; k++)
			if (pops[k].area == x->areas[i].id && (best < 0 || pops[k].year > pops[best].year))
				best = k;
		x->areas[i].weight = best >= 0 ? (double)pops[best].population : 0;
		sum += x->areas[i].weight;
		n += best >= 0;
	}
	for (int i = 0; i < x->nareas; i++)
		if (x->areas[i].weight <= 0)
			x->areas[i].weight = n ? sum / n : 1;
}

/* fates: steers the owner districts' values (see the top of the file). */
static void fates(struct ex_ctx *x)
{
	static const enum ex_fate single[] = { EX_FATE_MET, EX_FATE_NOT_MET, EX_FATE_MISSING };
	static const double share_met[] = { 0.6, 1.0 / 3, 1.0 };	/* partly, not, fulfilled */
	int singles = 0, multis = 0;

	for (int i = 0, j; i < x->nseries; i = j) {
		for (j = i + 1; j < x->nseries && strcmp(x->series[j].goal, x->series[i].goal) == 0; j++)
			;
		int n = j - i;
		if (n == 1 || !x->series[i].goal[0]) {
			for (int k = i; k < j; k++)
				x->series[k].fate = single[singles++ % 3];
			continue;
		}
		double want = share_met[multis++ % 3];
		int met = want >= 1 ? n : want > 0.5 ? (int)ceil(n * want) : (int)floor((n - 1) * want);
		if (want > 0.5 && want < 1 && met >= n)
			met = n - 1;
		int off = (int)(ex_unit_hash(x->series[i].goal, "met", NULL) * n);
		for (int k = i; k < j; k++)
			x->series[k].fate = (k - i + off) % n < met ? EX_FATE_MET : EX_FATE_NOT_MET;
	}
}

static int64_t period_id(struct ex_ctx *x, int year, enum model_period_kind kind)
{
	struct model_period p = { year, kind };
	char first[16], last[16];
	const char *k = kind == MODEL_PERIOD_T1 ? "T1" : kind == MODEL_PERIOD_T2 ? "T2" : "FY";
	struct sval up[] = { SVI(year), SVS(k), SVS(first), SVS(last) };
	int64_t id = 0;
	int changed = 0;

	for (int i = 0; i < x->nperiods; i++)
		if (x->periods[i].year == year && x->periods[i].kind == kind)
			return x->periods[i].id;
	if (model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last)) != 0)
		return 0;
	if (store_exec(x->st, STMT_PERIOD_UPSERT, up, 4, NULL, &changed, x->e) != LUP_OK ||
	    store_query_id(x->st, STMT_PERIOD_ID, up, 2, &id, x->e) != LUP_OK)
		return -1;
	x->changed += changed;
	if (x->nperiods < MAX_PERIODS)
		x->periods[x->nperiods++] = (struct ex_period){ year, kind, id };
	return id;
}

/* standing: the performance of district a for indicator s in the plan year, before noise. */
static double standing(const struct ex_series *s, const struct ex_area *a)
{
	double common = ex_unit_hash(a->key, "standing", NULL), own = ex_unit_hash(s->key, a->key, "standing");
	double district = a->prioritised ? 0.2 + 0.7 * common : -0.9 + 0.9 * common;

	if (a->id == s->district && s->fate != EX_FATE_MISSING) {
		double margin = 0.05 + 0.15 * ex_unit_hash(s->key, "margin", NULL);
		return s->fate == EX_FATE_MET ? -margin : margin;
	}
	return district + 0.6 * (own - 0.5);
}

/* base: the target scaled to district a (counts and amounts by population). */
static double base(const struct ex_series *s, const struct ex_area *a)
{
	double b = s->target;

	if (s->kind != EX_COUNT && s->kind != EX_AMOUNT)
		return b;
	if (b <= 0)
		b = 2;
	return s->owner_weight > 0 ? b * a->weight / s->owner_weight : b;
}

/* trend_of: the yearly improvement of s's performance: 0.04-0.10 a year, for a quarter of the
 * indicators a worsening as large. */
static double trend_of(const struct ex_series *s)
{
	double size = 0.04 + 0.06 * ex_unit_hash(s->key, "trend", NULL);

	return ex_unit_hash(s->key, "worse", NULL) < 0.25 ? -size : size;
}

/* full_year: district a's rounded total of year y (steered for the owner in the plan year). */
static double full_year(const struct ex_series *s, const struct ex_area *a, int y)
{
	char ys[16];
	double trend = trend_of(s), z, v;
	int owner_plan = a->id == s->district && y == s->year && s->fate != EX_FATE_MISSING;

	snprintf(ys, sizeof(ys), "%d", y);
	z = standing(s, a) - trend * (y - s->year);
	if (!owner_plan)
		z += 0.08 * (ex_unit_hash(s->key, a->key, ys) - 0.5);
	v = ex_round(ex_value(s, base(s, a), z), s->decimals);
	return owner_plan ? ex_force(s, v, s->fate == EX_FATE_MET) : v;
}

/* tertial: district a's rounded total of tertial k (1, 2) of year y, given its full year fy. */
static double tertial(const struct ex_series *s, const struct ex_area *a, int y,
		      int k, double fy)
{
	char ys[16], ks[16];
	double u;

	snprintf(ys, sizeof(ys), "%d", y);
	snprintf(ks, sizeof(ks), "T%d", k);
	u = ex_unit_hash(s->key, a->key, ys) * 0.5 + ex_unit_hash(s->key, ks, ys) * 0.5;
	if (s->cumulative)	/* the year so far: about a third after T1, two thirds after T2 */
		return floor(fy * (k == 1 ? 0.22 + 0.14 * u : 0.55 + 0.2 * u) + 0.5);
	double trend = trend_of(s);
	double z = standing(s, a) - trend * (y - s->year) + 0.12 * (u - 0.5);
	return ex_round(ex_value(s, base(s, a), z), s->decimals);
}

/* split: K and M of district a (row[1], row[2]) from its total row[0]. */
static void split(const struct ex_series *s, const struct ex_area *a, double row[3])
{
	double bias = 0.24 * (ex_unit_hash(s->key, "sex", NULL) - 0.5);
	double jitter = 0.06 * (ex_unit_hash(s->key, a->key, "sex") - 0.5);

	ex_split(s, row[0], 0.5 + (bias + jitter) / 2, (bias + jitter) / 2, &row[1], &row[2]);
}

/* city: the city's row from the districts' rows: sums or population-weighted means. */
static void city(const struct ex_ctx *x, const struct ex_series *s, struct ex_values *vals)
{
	int sum = s->kind == EX_COUNT || s->kind == EX_AMOUNT;
	double w = 0;

	for (int i = 0; i < x->nareas; i++)
		w += x->areas[i].weight;
	for (int c = 0; c < 3; c++) {
		double acc = 0;
		for (int i = 0; i < x->nareas; i++)
			acc += vals->v[i][c] * (sum ? 1 : x->areas[i].weight);
		vals->v[x->nareas][c] = ex_round(sum ? acc : acc / w, s->decimals);
	}
}

static int put(struct ex_ctx *x, const struct ex_series *s, int64_t period, int64_t area, const double *v,
	       const char *sex)
{
	struct sval args[] = { SVI(s->ind), SVI(period), SVI(area), SVS(sex), v ? SVD(*v) : SVNULL,
			       SVI(v ? 0 : 1), SVS(EXAMPLE_SOURCE), SVI(0), SVI(1) };

	x->written++;
	return store_bulk_add(x->bulk, args, x->e);
}

/* write: one period's rows for every district and the city. */
static int write(struct ex_ctx *x, const struct ex_series *s, int64_t period, const struct ex_values *vals)
{
	static const char *const sexes[] = { "T", "K", "M" };
	int rc;

	for (int i = 0; i <= x->nareas; i++) {
		int64_t area = i < x->nareas ? x->areas[i].id : x->areas[0].city;
		if (!area)
			continue;
		for (int c = 0; c < (s->by_sex ? 3 : 1); c++)
			if ((rc = put(x, s, period, area, vals->missing ? NULL : &vals->v[i][c], sexes[c])) != LUP_OK)
				return rc;
	}
	return LUP_OK;
}

/* one_year: the periods of year y for every district and the city. */
static int one_year(struct ex_ctx *x, const struct ex_series *s, int y, struct ex_values *fy, struct ex_values *t)
{
	static const enum model_period_kind kinds[] = { MODEL_PERIOD_T1, MODEL_PERIOD_T2, MODEL_PERIOD_FY };
	int rc;

	fy->missing = s->fate == EX_FATE_MISSING && y == s->year;
	for (int i = 0; i < x->nareas; i++) {
		fy->v[i][0] = full_year(s, &x->areas[i], y);
		if (s->by_sex)
			split(s, &x->areas[i], fy->v[i]);
	}
	city(x, s, fy);
	for (int k = s->tertial ? 0 : 2; k < 3; k++) {
		const struct ex_values *vals = fy;
		int64_t p = period_id(x, y, kinds[k]);
		if (p <= 0)
			return p < 0 ? x->e->code : LUP_OK;
		if (k < 2) {
			t->missing = fy->missing;
			for (int i = 0; i < x->nareas; i++) {
				t->v[i][0] = tertial(s, &x->areas[i], y, k + 1, fy->v[i][0]);
				if (s->by_sex)
					split(s, &x->areas[i], t->v[i]);
			}
			city(x, s, t);
			vals = t;
		}
		if ((rc = write(x, s, p, vals)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

static int one_series(struct ex_ctx *x, struct ex_series *s, struct ex_values *fy, struct ex_values *t)
{
	int rc;

	s->owner_weight = 0;
	for (int i = 0; i < x->nareas; i++)
		if (x->areas[i].id == s->district)
			s->owner_weight = x->areas[i].weight;
	if (!s->owner_weight && s->kind != EX_SHARE && s->kind != EX_RATE) {
		double w = 0;	/* no owner district: the target is a typical district's */
		for (int i = 0; i < x->nareas; i++)
			w += x->areas[i].weight / x->nareas;
		s->owner_weight = w;
	}
	for (int y = s->year - YEARS_BEFORE; y <= s->year + YEARS_AFTER; y++)
		if ((rc = one_year(x, s, y, fy, t)) != LUP_OK)
			return rc;
	return LUP_OK;
}

/* allocations: the example resource allocations (example-alloc.c) of the example outcomes' years. */
static int allocations(struct ex_ctx *x)
{
	struct ex_place places[MAX_DISTRICTS];
	int first = 0, last = 0;

	for (int i = 0; i < x->nseries; i++) {
		if (!first || x->series[i].year - YEARS_BEFORE < first)
			first = x->series[i].year - YEARS_BEFORE;
		if (x->series[i].year + YEARS_AFTER > last)
			last = x->series[i].year + YEARS_AFTER;
	}
	if (!first)
		return LUP_OK;
	for (int i = 0; i < x->nareas; i++)
		places[i] = (struct ex_place){ x->areas[i].id, x->areas[i].key, x->areas[i].prioritised, x->areas[i].weight };
	int written = 0;	/* not counted with the outcomes: the load reports "N example outcomes" */
	return ex_allocations(x->st, places, x->nareas, first, last, &written, &x->changed, x->e);
}

int load_examples(struct store *st, struct err *e, const struct ld_population *pops, int npops,
		  int *n, int *changed)
{
	struct ex_ctx x = { .st = st, .e = e };
	struct ex_values *vals = NULL;
	int rc;

	*n = *changed = 0;
	if ((rc = store_query(st, STMT_EXAMPLE_AREAS, NULL, 0, area_row, &x, e)) != LUP_OK ||
	    (rc = store_query(st, STMT_EXAMPLE_SERIES, NULL, 0, series_row, &x, e)) != LUP_OK)
		goto out;
	if (x.nareas == 0)
		goto out;
	weights(&x, pops, npops);
	fates(&x);
	vals = xcalloc(2, sizeof(*vals));
	if ((rc = store_bulk_begin(st, STMT_OUTCOME_UPSERT_BULK, 9, 4, &x.bulk, e)) != LUP_OK)
		goto out;
	for (int i = 0; i < x.nseries; i++)
		if ((rc = one_series(&x, &x.series[i], &vals[0], &vals[1])) != LUP_OK)
			goto out;
	{
		int64_t bulk_changed = 0;
		rc = store_bulk_end(x.bulk, &bulk_changed, e);
		x.bulk = NULL;
		x.changed += (int)bulk_changed;
		if (rc != LUP_OK)
			goto out;
	}
	if ((rc = allocations(&x)) != LUP_OK)
		goto out;
	*n = x.written;
	*changed = x.changed;
out:
	store_bulk_free(x.bulk);
	free(vals);
	free(x.series);
	return rc;
}
