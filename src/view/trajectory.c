/* trajectory.c: the data of the district page's trajectories and of the target-setting aid
 * (trajectory.h). */
#include "view/trajectory.h"
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static enum model_direction dir_of(const char *s)
{
	return s && strcmp(s, "higher") == 0 ? MODEL_DIR_HIGHER :
	       s && strcmp(s, "lower") == 0 ? MODEL_DIR_LOWER : MODEL_DIR_NONE;
}

static const char *dup_col(struct arena *a, const struct store_row *r, int i)
{
	return arena_strdup(a, store_col_text(r, i));
}

static double num_col(const struct store_row *r, int i)
{
	return store_col_type(r, i) == SV_NULL ? NAN : store_col_real(r, i);
}

/* --- series ------------------------------------------------------------------------------ */

struct series_ctx {
	struct traj_series *s;
	int n;
};

/* series_cb: rows (level, year, sex, value, example) into the series of their sex */
static int series_cb(void *ctx, const struct store_row *r)
{
	struct series_ctx *c = ctx;
	const char *level = store_col_text(r, 0), *sex = store_col_text(r, 2);

	for (int i = 0; i < c->n; i++) {
		struct traj_series *s = &c->s[i];
		if (!sex || sex[0] != s->sex)
			continue;
		int city = level && strcmp(level, "city") == 0;
		int *n = city ? &s->ncity : &s->n, *years = city ? s->city_years : s->years;
		double *values = city ? s->city_values : s->values;
		if (*n >= TRAJ_MAX_YEARS) {	/* the rows come oldest first: keep the newest */
			memmove(years, years + 1, sizeof(int) * (TRAJ_MAX_YEARS - 1));
			memmove(values, values + 1, sizeof(double) * (TRAJ_MAX_YEARS - 1));
			(*n)--;
		}
		years[*n] = (int)store_col_int(r, 1);
		values[*n] = store_col_real(r, 3);
		(*n)++;
		s->example |= store_col_int(r, 4) != 0;
	}
	return 0;
}

/* series_load: the series of indicator ind in area for the n sexes of s, and their trajectories
 * toward goal (in the goal's sex gsex: 'T' for every series) */
static int series_load(struct store *st, int64_t ind, int64_t area, struct traj_series *s, int n,
		       enum model_direction dir, double goal, int goal_year, char gsex, struct err *e)
{
	struct series_ctx c = { s, n };
	struct sval args[] = { SVI(ind), SVI(area) };
	int rc;

	if ((rc = store_query(st, STMT_IND_SERIES, args, 2, series_cb, &c, e)) != LUP_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		int applies = gsex == 'T' || gsex == s[i].sex;
		struct model_traj_in in = { dir, s[i].years, s[i].values, (size_t)s[i].n,
					    s[i].ncity ? s[i].city_values[s[i].ncity - 1] : NAN,
					    applies ? goal : NAN, applies ? goal_year : 0 };
		model_trajectory(&in, &s[i].t);
	}
	return LUP_OK;
}

/* --- the district's goals ------------------------------------------------------------------ */

struct goals_ctx {
	struct traj_view *v;
	int64_t *areas;
	size_t cap;
};

static int goal_cb(void *ctx, const struct store_row *r)
{
	struct goals_ctx *c = ctx;
	struct traj_view *v = c->v;

	if (v->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 8;
		struct traj_goal *g = arena_alloc(&v->a, cap * sizeof(*g));
		int64_t *a = arena_alloc(&v->a, cap * sizeof(*a));
		if (v->n)
			memcpy(g, v->goals, v->n * sizeof(*g)), memcpy(a, c->areas, v->n * sizeof(*a));
		v->goals = g, c->areas = a, c->cap = cap;
	}
	struct traj_goal *g = &v->goals[v->n];
	memset(g, 0, sizeof(*g));
	g->id = store_col_int(r, 0);
	g->key = dup_col(&v->a, r, 1);
	g->number = dup_col(&v->a, r, 2);
	g->title = dup_col(&v->a, r, 3);
	g->sex = dup_col(&v->a, r, 4);
	g->horizon = dup_col(&v->a, r, 5);
	g->goal_value = g->horizon && strcmp(g->horizon, "5y") == 0 ? num_col(r, 9) : NAN;
	g->goal_year = store_col_type(r, 6) == SV_NULL ? 0 : (int)store_col_int(r, 6);
	c->areas[v->n] = store_col_int(r, 11);
	g->indicator_id = store_col_int(r, 12);
	g->indicator = dup_col(&v->a, r, 13);
	g->indicator_name = dup_col(&v->a, r, 14);
	g->unit = dup_col(&v->a, r, 15);
	g->direction = dup_col(&v->a, r, 16);
	g->by_sex = store_col_int(r, 17) != 0;
	v->n++;
	return 0;
}

int traj_view_load(struct store *st, int64_t district, struct traj_view *v, struct err *e)
{
	struct arena a0 = ARENA_INIT;
	struct goals_ctx c;
	struct sval arg = SVI(district);
	int rc;

	memset(v, 0, sizeof(*v));
	v->a = a0;
	c.v = v, c.areas = NULL, c.cap = 0;
	if ((rc = store_query(st, STMT_IND_DISTRICT_LUP_GOALS, &arg, 1, goal_cb, &c, e)) != LUP_OK)
		return rc;
	for (size_t i = 0; i < v->n; i++) {
		struct traj_goal *g = &v->goals[i];
		g->nseries = g->by_sex ? 2 : 1;
		g->series = arena_alloc(&v->a, (size_t)g->nseries * sizeof(*g->series));
		g->series[0].sex = g->by_sex ? 'K' : 'T';
		if (g->by_sex)
			g->series[1].sex = 'M';
		if ((rc = series_load(st, g->indicator_id, c.areas[i], g->series, g->nseries, dir_of(g->direction),
				      g->goal_value, g->goal_year, g->sex && *g->sex ? g->sex[0] : 'T', e)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

void traj_view_release(struct traj_view *v)
{
	arena_release(&v->a);
	v->goals = NULL;
	v->n = 0;
}

/* --- the target-setting aid -------------------------------------------------------------- */

static int aid_head_cb(void *ctx, const struct store_row *r)
{
	struct aid_view *v = ctx;

	v->id = store_col_int(r, 0);
	v->key = dup_col(&v->a, r, 1);
	v->name = dup_col(&v->a, r, 2);
	v->unit = dup_col(&v->a, r, 3);
	v->direction = dup_col(&v->a, r, 4);
	v->ref[AID_KF] = num_col(r, 6);
	v->kf_text = dup_col(&v->a, r, 7);
	return 1;
}

struct aid_area {
	int64_t id;
	struct aid_view *v;
};

static int aid_area_cb(void *ctx, const struct store_row *r)
{
	struct aid_area *c = ctx;

	c->id = store_col_int(r, 0);
	c->v->area_key = dup_col(&c->v->a, r, 1);
	c->v->area_name = dup_col(&c->v->a, r, 2);
	return 1;
}

static int aid_goal_cb(void *ctx, const struct store_row *r)
{
	struct aid_view *v = ctx;

	v->goal_value = num_col(r, 0);
	v->goal_year = store_col_type(r, 1) == SV_NULL ? 0 : (int)store_col_int(r, 1);
	return 1;
}

int aid_view_load(struct store *st, int64_t id, int year, struct aid_view *v, struct err *e)
{
	struct arena a0 = ARENA_INIT;
	struct sval args[] = { SVI(id), SVI(year) };
	struct aid_area area = { 0, v };
	int rc;

	memset(v, 0, sizeof(*v));
	v->a = a0;
	v->year = year;
	v->goal_value = NAN;
	for (int i = 0; i < AID__MAX; i++)
		v->ref[i] = NAN;
	if ((rc = store_query(st, STMT_IND_AID_HEAD, args, 2, aid_head_cb, v, e)) != LUP_OK || !v->id ||
	    (rc = store_query(st, STMT_IND_AID_AREA, args, 1, aid_area_cb, &area, e)) != LUP_OK ||
	    (rc = store_query(st, STMT_IND_AID_GOAL, args, 1, aid_goal_cb, v, e)) != LUP_OK)
		return rc;
	v->s.sex = 'T';
	if (area.id && (rc = series_load(st, id, area.id, &v->s, 1, dir_of(v->direction), v->goal_value,
					 v->goal_year, 'T', e)) != LUP_OK)
		return rc;
	/* only the years before the one targeted count */
	while (v->s.n && v->s.years[v->s.n - 1] >= year)
		v->s.n--;
	while (v->s.ncity && v->s.city_years[v->s.ncity - 1] >= year)
		v->s.ncity--;
	struct model_traj_in in = { dir_of(v->direction), v->s.years, v->s.values, (size_t)v->s.n,
				    v->s.ncity ? v->s.city_values[v->s.ncity - 1] : NAN, v->goal_value, v->goal_year };
	model_trajectory(&in, &v->s.t);
	v->first_recent = v->s.n > AID_RECENT_YEARS ? v->s.n - AID_RECENT_YEARS : 0;
	if (v->s.t.points) {
		v->ref[AID_LATEST] = v->s.t.last;
		v->ref_year[AID_LATEST] = v->s.t.last_year;
		if (!isnan(v->s.t.slope))
			v->ref[AID_TREND] = v->s.t.last + v->s.t.slope * (year - v->s.t.last_year);
		v->ref[AID_NEEDED] = model_traj_value_at(&v->s.t, year);
	}
	if (v->s.ncity) {
		v->ref[AID_CITY] = v->s.city_values[v->s.ncity - 1];
		v->ref_year[AID_CITY] = v->s.city_years[v->s.ncity - 1];
	}
	return LUP_OK;
}

void aid_view_release(struct aid_view *v)
{
	arena_release(&v->a);
	v->id = 0;
}

enum aid_pos aid_position(double proposed, double ref)
{
	if (isnan(proposed) || isnan(ref))
		return AID_UNKNOWN;
	if (fabs(proposed - ref) <= MODEL_EPS)
		return AID_EQUAL;
	return proposed > ref ? AID_ABOVE : AID_BELOW;
}

const char *aid_ref_name(enum aid_ref r)
{
	static const char *const names[AID__MAX] = { "latest", "trend", "city_average", "kf_target", "needed" };
	return r < AID__MAX ? names[r] : NULL;
}

const char *aid_ref_label_sv(enum aid_ref r)
{
	static const char *const names[AID__MAX] = { "senaste utfallet", "trenden", "stadens snitt", "KF:s årsmål",
						     "vad banan kräver i år" };
	return r < AID__MAX ? names[r] : NULL;
}
