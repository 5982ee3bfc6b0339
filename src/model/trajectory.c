/* trajectory.c: a district's path toward the 5-year goal and the city average (trajectory.h). */
#include "model/trajectory.h"
#include "model/gap.h"

#include <math.h>
#include <string.h>

static void blank(struct model_traj *t)
{
	memset(t, 0, sizeof(*t));
	t->base = t->last = t->slope = t->city = t->goal = NAN;
	t->need_goal = t->need_near = t->need_far = NAN;
}

/* slope: least squares of values on years over the n points that are not NaN (>= 2). */
static double slope(const int *years, const double *values, size_t n)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0, m = 0;

	for (size_t i = 0; i < n; i++) {
		if (isnan(values[i]))
			continue;
		double x = years[i] - years[0];
		sx += x, sy += values[i], sxx += x * x, sxy += x * values[i], m++;
	}
	double d = m * sxx - sx * sx;
	return m < 2 || fabs(d) < MODEL_EPS ? NAN : (m * sxy - sx * sy) / d;
}

/* reached: v is at or better than target in dir (NONE: within MODEL_EPS). */
static int reached(enum model_direction dir, double v, double target)
{
	if (dir == MODEL_DIR_HIGHER)
		return v >= target - MODEL_EPS;
	if (dir == MODEL_DIR_LOWER)
		return v <= target + MODEL_EPS;
	return fabs(v - target) <= MODEL_EPS;
}

static double need_to_city(const struct model_traj *t, int horizon)
{
	double c;

	if (isnan(t->city) || horizon <= t->last_year ||
	    model_yearly_change_to_close(t->dir, t->last, t->city, horizon - t->last_year, &c, NULL, 0) != 0)
		return NAN;
	return c;
}

int model_trajectory(const struct model_traj_in *in, struct model_traj *out)
{
	if (!out)
		return -1;
	blank(out);
	if (!in || in->dir < 0 || in->dir >= MODEL_DIR__MAX || (in->n && (!in->years || !in->values)))
		return -1;
	for (size_t i = 1; i < in->n; i++)
		if (in->years[i] <= in->years[i - 1])
			return -1;
	out->dir = in->dir;
	out->city = isfinite(in->city) ? in->city : NAN;
	out->goal = isfinite(in->goal) ? in->goal : NAN;
	for (size_t i = 0; i < in->n; i++) {
		if (!isfinite(in->values[i]))
			continue;
		if (!out->points++)
			out->base_year = in->years[i], out->base = in->values[i];
		out->last_year = in->years[i], out->last = in->values[i];
	}
	if (!out->points)
		return 0;
	out->slope = slope(in->years, in->values, in->n);
	if (!isnan(out->goal)) {
		out->goal_year = in->goal_year ? in->goal_year : out->base_year + MODEL_TRAJ_GOAL_YEARS;
		if (out->goal_year > out->last_year)
			out->need_goal = reached(out->dir, out->last, out->goal) && out->dir != MODEL_DIR_NONE ? 0 :
					 (out->goal - out->last) / (out->goal_year - out->last_year);
	}
	out->horizon_near = out->base_year + MODEL_TRAJ_HORIZON_NEAR;
	out->horizon_far = out->base_year + MODEL_TRAJ_HORIZON_FAR;
	out->need_near = need_to_city(out, out->horizon_near);
	out->need_far = need_to_city(out, out->horizon_far);
	return 0;
}

double model_traj_value_at(const struct model_traj *t, int year)
{
	double target;
	int ty;

	if (!t || !t->points || year < t->base_year)
		return NAN;
	if (!isnan(t->goal))
		target = t->goal, ty = t->goal_year;
	else if (!isnan(t->city))
		target = t->city, ty = t->horizon_far;
	else
		return NAN;
	if (t->dir != MODEL_DIR_NONE && reached(t->dir, t->base, target))
		return t->base;
	if (year >= ty || ty <= t->base_year)
		return target;
	return t->base + (target - t->base) * (double)(year - t->base_year) / (double)(ty - t->base_year);
}

int model_traj_on_track(enum model_direction dir, double slope, double need)
{
	if (isnan(slope) || isnan(need))
		return -1;
	if (dir == MODEL_DIR_HIGHER)
		return slope >= need - MODEL_EPS;
	if (dir == MODEL_DIR_LOWER)
		return slope <= need + MODEL_EPS;
	if (fabs(need) <= MODEL_EPS)
		return 1;
	return (slope > 0) == (need > 0) && fabs(slope) >= fabs(need) - MODEL_EPS;
}
