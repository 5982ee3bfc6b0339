/* trajectory.h: a district's path on one indicator (and sex) from its baseline toward the LUP's
 * 5-year goal and the long ambition of reaching the city average, and the change per year each
 * needs against the change per year so far. Pure: no I/O. docs/indicators.md "Trajectory".
 *
 * The rule, in words:
 *   baseline     the first year with a value, and that value;
 *   latest       the last year with a value, and that value;
 *   so far       the least-squares slope of all the values against their years (change per year;
 *                NaN with fewer than two years);
 *   5-year goal  the LUP goal's numeric target, due in its year (goal_year; when 0, baseline
 *                year + 5); needed per year = (goal - latest) / (goal_year - latest year), 0 when
 *                the latest value already reaches the goal in the indicator's direction; NaN when
 *                there is no goal or its year is not after the latest year;
 *   ambition     reaching the city average by baseline year + 15 and + 20 (the horizons);
 *                needed per year = model_yearly_change_to_close(latest, city, horizon - latest
 *                year): 0 when the district is already at or better than the city average, NaN
 *                when the city value is unknown or the horizon is not after the latest year;
 *   this year    the value the path needs in year Y: on the straight line from the baseline to the
 *                goal (goal, goal_year) when there is a numeric goal, else to the city average at
 *                the 20-year horizon; the baseline itself when the district already is at or
 *                better than the target of the path; the target after its year.
 */
#ifndef LUP_MODEL_TRAJECTORY_H
#define LUP_MODEL_TRAJECTORY_H

#include <stddef.h>

#include "model/target.h"

#define MODEL_TRAJ_HORIZON_NEAR 15	/* years from the baseline: the ambition's early horizon */
#define MODEL_TRAJ_HORIZON_FAR 20	/* ... and its late one */
#define MODEL_TRAJ_GOAL_YEARS 5		/* a 5-year goal without a year is due baseline + 5 */

/* What the trajectory is computed from. */
struct model_traj_in {
	enum model_direction dir;	/* which way the indicator is better */
	const int *years;		/* the years with values, ascending, n of them */
	const double *values;		/* the values of those years; NaN entries are skipped */
	size_t n;
	double city;			/* the city average (its latest value); NaN when unknown */
	double goal;			/* the 5-year goal's target value; NaN when none */
	int goal_year;			/* the goal's year; 0: baseline year + MODEL_TRAJ_GOAL_YEARS */
};

/* The trajectory (see the rule above). Years are 0 and values NaN where there is nothing. */
struct model_traj {
	enum model_direction dir;
	int base_year, last_year;
	double base, last;
	int points;			/* values used */
	double slope;			/* change per year so far (least squares) */
	double city;
	double goal;
	int goal_year;
	double need_goal;		/* change per year needed to reach the goal */
	int horizon_near, horizon_far;	/* base_year + 15, + 20 */
	double need_near, need_far;	/* change per year needed to reach the city average by them */
};

/*
 * model_trajectory: computes *out from *in. Returns 0, or -1 when in or out is NULL, dir is out of
 * range, or in->n > 0 with years or values NULL, or the years are not strictly ascending (*out is
 * then zeroed with NaN values). No value at all is not an error: out->points is 0.
 */
int model_trajectory(const struct model_traj_in *in, struct model_traj *out);

/*
 * model_traj_value_at: the value the path needs in year (see "this year" above); NaN when t has
 * no baseline, year lies before the baseline year, or the path has no target (no goal and no city
 * value).
 */
double model_traj_value_at(const struct model_traj *t, int year);

/*
 * model_traj_on_track: 1 when the change so far (slope) is at least the change needed (need) in
 * the indicator's direction (HIGHER: slope >= need; LOWER: slope <= need; NONE: the slope has
 * need's sign and at least its size, or need is 0), 0 when not, -1 when either is NaN.
 * Compared with MODEL_EPS of slack.
 */
int model_traj_on_track(enum model_direction dir, double slope, double need);

#endif
