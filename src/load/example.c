/* example.c: deterministic example outcome series, so that comparisons can be seen before real
 * outcomes are imported. Every row is marked example = 1 and source 'exempeldata', so that every
 * view and export can label it; nothing here comes from the seeds.
 *
 * For each indicator with a numeric own target for year Y: the owner's district gets outcomes
 * for Y-T1, Y-T2 and Y-FY; every district and the city get Y-FY and (Y-1)-FY so that districts
 * can be compared with the city average and a trend can be seen. Values derive from a hash of
 * (indicator, area, period, sex), so loading twice writes the same numbers.
 */
#include "load/load-int.h"
#include "core/xalloc.h"
#include "model/period.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXAMPLE_SOURCE "exempeldata"
#define MAX_DISTRICTS 64

struct ex_area {
	int64_t id;
	char key[64];
	int prioritised;
	int64_t city;
};

struct ex_series {
	int64_t ind;
	char key[64];
	int dir;		/* +1 higher is better, -1 lower is better, 0 none */
	int year;
	double target;
	int by_sex;
	int percent;
	int64_t district;
};

struct ex_ctx {
	struct store *st;
	struct err *e;
	struct ex_area areas[MAX_DISTRICTS];
	int nareas;
	struct ex_series *series;
	int nseries, cap;
	int written, changed;
};

/* unit_hash: a value in [0, 1) from the text, stable across runs and machines (FNV-1a). */
static double unit_hash(const char *a, const char *b, const char *c)
{
	uint64_t h = 1469598103934665603ULL;
	const char *parts[3] = { a, b, c };

	for (int i = 0; i < 3; i++) {
		for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ '|') * 1099511628211ULL;
	}
	return (double)(h >> 11) / 9007199254740992.0;
}

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
	const char *dir = store_col_text(r, 2), *unit = store_col_text(r, 6);

	if (x->nseries == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->series = xrealloc(x->series, sizeof(*x->series) * (size_t)x->cap);
	}
	s = &x->series[x->nseries++];
	s->ind = store_col_int(r, 0);
	snprintf(s->key, sizeof(s->key), "%s", store_col_text(r, 1));
	s->dir = strcmp(dir, "higher") == 0 ? 1 : strcmp(dir, "lower") == 0 ? -1 : 0;
	s->year = (int)store_col_int(r, 3);
	s->target = store_col_real(r, 4);
	s->by_sex = (int)store_col_int(r, 5);
	s->percent = unit && strcmp(unit, "%") == 0;
	s->district = store_col_int(r, 7);
	return 0;
}

static int64_t period_id(struct ex_ctx *x, int year, enum model_period_kind kind)
{
	struct model_period p = { year, kind };
	char first[16], last[16];
	const char *k = kind == MODEL_PERIOD_T1 ? "T1" : kind == MODEL_PERIOD_T2 ? "T2" : "FY";
	struct sval up[] = { SVI(year), SVS(k), SVS(first), SVS(last) };
	int64_t id = 0;
	int changed = 0;

	if (model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last)) != 0)
		return 0;
	if (store_exec(x->st, STMT_PERIOD_UPSERT, up, 4, NULL, &changed, x->e) != LUP_OK ||
	    store_query_id(x->st, STMT_PERIOD_ID, up, 2, &id, x->e) != LUP_OK)
		return -1;
	x->changed += changed;
	return id;
}

/* value_for: the example value of series s in area a for a period label and sex. Prioritised
 * districts lie on the worse side of the city, the city near the target's better side. */
static double value_for(const struct ex_series *s, const struct ex_area *a, int is_city,
			const char *period, const char *sex)
{
	double u = unit_hash(s->key, is_city ? "city" : a->key, period), base, v;
	double worse = s->dir >= 0 ? -1.0 : 1.0;	/* the sign that makes a value worse */

	base = s->target != 0 ? s->target : 1.0;
	if (is_city)
		v = base * (1.0 - worse * 0.10);
	else
		v = base * (1.0 + worse * ((a->prioritised ? 0.25 : -0.05) + 0.30 * (u - 0.5)));
	if (strcmp(sex, "T") != 0)
		v *= 1.0 + (strcmp(sex, "K") == 0 ? 0.06 : -0.06) * (unit_hash(s->key, a->key, sex) + 0.2);
	if (s->percent)
		v = v < 0 ? 0 : v > 100 ? 100 : v;
	return fabs(v) < 10 ? round(v * 100) / 100 : round(v * 10) / 10;
}

static int put(struct ex_ctx *x, const struct ex_series *s, int64_t period, int64_t area, double v,
	       const char *sex)
{
	struct sval args[] = { SVI(s->ind), SVI(period), SVI(area), SVS(sex), SVD(v), SVI(0),
			       SVS(EXAMPLE_SOURCE), SVI(0), SVI(1) };
	int changed = 0, rc = store_exec(x->st, STMT_OUTCOME_UPSERT, args, 9, NULL, &changed, x->e);

	x->written++;
	x->changed += changed;
	return rc;
}

static int put_sexes(struct ex_ctx *x, const struct ex_series *s, int64_t period, const char *plabel,
		     const struct ex_area *a, int is_city)
{
	static const char *const sexes[] = { "T", "K", "M" };
	int64_t area = is_city ? a->city : a->id;
	int rc;

	for (int i = 0; i < (s->by_sex ? 3 : 1); i++)
		if ((rc = put(x, s, period, area, value_for(s, a, is_city, plabel, sexes[i]), sexes[i])) != LUP_OK)
			return rc;
	return LUP_OK;
}

static int one_series(struct ex_ctx *x, const struct ex_series *s)
{
	static const enum model_period_kind tertials[] = { MODEL_PERIOD_T1, MODEL_PERIOD_T2 };
	char label[32];
	int rc;

	for (int y = s->year - 1; y <= s->year; y++) {
		int64_t fy = period_id(x, y, MODEL_PERIOD_FY);
		if (fy <= 0)
			return fy < 0 ? x->e->code : LUP_OK;
		snprintf(label, sizeof(label), "%d-FY", y);
		for (int i = 0; i < x->nareas; i++)
			if ((rc = put_sexes(x, s, fy, label, &x->areas[i], 0)) != LUP_OK)
				return rc;
		if (x->nareas && x->areas[0].city &&
		    (rc = put_sexes(x, s, fy, label, &x->areas[0], 1)) != LUP_OK)
			return rc;
	}
	for (int i = 0; i < x->nareas; i++) {
		if (x->areas[i].id != s->district)
			continue;
		for (size_t k = 0; k < 2; k++) {
			int64_t p = period_id(x, s->year, tertials[k]);
			if (p < 0)
				return x->e->code;
			snprintf(label, sizeof(label), "%d-T%zu", s->year, k + 1);
			if ((rc = put_sexes(x, s, p, label, &x->areas[i], 0)) != LUP_OK)
				return rc;
		}
	}
	return LUP_OK;
}

int load_examples(struct store *st, struct err *e, int *n, int *changed)
{
	struct ex_ctx x = { .st = st, .e = e };
	int rc;

	*n = *changed = 0;
	if ((rc = store_query(st, STMT_EXAMPLE_AREAS, NULL, 0, area_row, &x, e)) != LUP_OK ||
	    (rc = store_query(st, STMT_EXAMPLE_SERIES, NULL, 0, series_row, &x, e)) != LUP_OK)
		goto out;
	for (int i = 0; i < x.nseries; i++)
		if ((rc = one_series(&x, &x.series[i])) != LUP_OK)
			goto out;
	*n = x.written;
	*changed = x.changed;
out:
	free(x.series);
	return rc;
}
