/* test-trajectory.c: unit tests of src/model/trajectory.c (a district's path toward the 5-year
 * goal and the city average) and src/model/indicator.c (the sex rule, KPI ids, revision text). */
#include "testlib.h"

#include "model/indicator.h"
#include "model/trajectory.h"

#include <math.h>
#include <string.h>

static void test_baseline_latest_slope(void)
{
	/* 2019 70, 2020 (missing), 2021 72, 2022 75: least squares over (0,70) (2,72) (3,75):
	 * mean x 5/3, mean y 217/3; sxy = 0*70 + 2*72 + 3*75 = 369; sxx = 13;
	 * slope = (3*369 - 5*217) / (3*13 - 25) = (1107 - 1085) / 14 = 22/14 */
	int years[] = { 2019, 2020, 2021, 2022 };
	double values[] = { 70, NAN, 72, 75 };
	struct model_traj_in in = { MODEL_DIR_HIGHER, years, values, 4, 80, NAN, 0 };
	struct model_traj t;

	T_EQ_INT(model_trajectory(&in, &t), 0);
	T_EQ_INT(t.points, 3);
	T_EQ_INT(t.base_year, 2019);
	T_EQ_DBL(t.base, 70, 1e-12);
	T_EQ_INT(t.last_year, 2022);
	T_EQ_DBL(t.last, 75, 1e-12);
	T_EQ_DBL(t.slope, 22.0 / 14.0, 1e-12);
	T_CHECK(isnan(t.need_goal));
	T_EQ_INT(t.horizon_near, 2034);
	T_EQ_INT(t.horizon_far, 2039);
	/* (80 - 75) / (2034 - 2022) and / (2039 - 2022) */
	T_EQ_DBL(t.need_near, 5.0 / 12.0, 1e-12);
	T_EQ_DBL(t.need_far, 5.0 / 17.0, 1e-12);
	T_EQ_INT(model_traj_on_track(t.dir, t.slope, t.need_near), 1);
	/* no goal: the path runs from the baseline to the city average at 2039 */
	T_EQ_DBL(model_traj_value_at(&t, 2029), 70 + 10 * 10.0 / 20.0, 1e-12);
	T_EQ_DBL(model_traj_value_at(&t, 2045), 80, 1e-12);
	T_CHECK(isnan(model_traj_value_at(&t, 2018)));
}

static void test_goal(void)
{
	/* a falling indicator (lower is better) with a 5-year goal of 10 in 2027 */
	int years[] = { 2022, 2023, 2024 };
	double values[] = { 16, 15.5, 15 };
	struct model_traj_in in = { MODEL_DIR_LOWER, years, values, 3, 8, 10, 2027 };
	struct model_traj t;

	T_EQ_INT(model_trajectory(&in, &t), 0);
	T_EQ_DBL(t.slope, -0.5, 1e-12);
	T_EQ_INT(t.goal_year, 2027);
	T_EQ_DBL(t.need_goal, (10 - 15.0) / 3, 1e-12);
	T_EQ_INT(model_traj_on_track(t.dir, t.slope, t.need_goal), 0);
	/* the line from (2022, 16) to (2027, 10) */
	T_EQ_DBL(model_traj_value_at(&t, 2025), 16 - 6 * 3.0 / 5.0, 1e-12);
	T_EQ_DBL(model_traj_value_at(&t, 2030), 10, 1e-12);
	/* city average 8 by 2037 and 2042 */
	T_EQ_DBL(t.need_near, (8 - 15.0) / 13, 1e-12);
	T_EQ_DBL(t.need_far, (8 - 15.0) / 18, 1e-12);
	/* the goal year defaults to baseline + 5 */
	in.goal_year = 0;
	T_EQ_INT(model_trajectory(&in, &t), 0);
	T_EQ_INT(t.goal_year, 2027);
}

static void test_already_there_and_edges(void)
{
	int years[] = { 2020, 2021 };
	double values[] = { 90, 91 };
	struct model_traj_in in = { MODEL_DIR_HIGHER, years, values, 2, 85, 88, 2025 };
	struct model_traj t;

	T_EQ_INT(model_trajectory(&in, &t), 0);
	T_EQ_DBL(t.need_goal, 0, 0);
	T_EQ_DBL(t.need_near, 0, 0);
	T_EQ_DBL(model_traj_value_at(&t, 2023), 90, 0);	/* at or better than the goal: hold */
	/* one value: no slope */
	in.n = 1;
	T_EQ_INT(model_trajectory(&in, &t), 0);
	T_CHECK(isnan(t.slope));
	T_EQ_INT(model_traj_on_track(t.dir, t.slope, 1), -1);
	/* no values; unknown city; descending years; bad direction */
	in.n = 0;
	T_EQ_INT(model_trajectory(&in, &t), 0);
	T_EQ_INT(t.points, 0);
	T_CHECK(isnan(model_traj_value_at(&t, 2022)));
	in.n = 2;
	in.city = NAN;
	in.goal = NAN;
	T_EQ_INT(model_trajectory(&in, &t), 0);
	T_CHECK(isnan(t.need_near));
	T_CHECK(isnan(model_traj_value_at(&t, 2022)));
	int back[] = { 2021, 2020 };
	in.years = back;
	T_EQ_INT(model_trajectory(&in, &t), -1);
	in.years = years;
	in.dir = MODEL_DIR__MAX;
	T_EQ_INT(model_trajectory(&in, &t), -1);
	T_EQ_INT(model_trajectory(NULL, &t), -1);
}

static void test_on_track(void)
{
	T_EQ_INT(model_traj_on_track(MODEL_DIR_HIGHER, 0.5, 0.4), 1);
	T_EQ_INT(model_traj_on_track(MODEL_DIR_HIGHER, 0.3, 0.4), 0);
	T_EQ_INT(model_traj_on_track(MODEL_DIR_LOWER, -0.5, -0.4), 1);
	T_EQ_INT(model_traj_on_track(MODEL_DIR_LOWER, -0.3, -0.4), 0);
	T_EQ_INT(model_traj_on_track(MODEL_DIR_NONE, -0.5, -0.4), 1);
	T_EQ_INT(model_traj_on_track(MODEL_DIR_NONE, 0.5, -0.4), 0);
	T_EQ_INT(model_traj_on_track(MODEL_DIR_NONE, 0.5, 0), 1);
	T_EQ_INT(model_traj_on_track(MODEL_DIR_HIGHER, NAN, 0), -1);
}

static void test_indicator_rules(void)
{
	char buf[128];

	T_EQ_INT(model_sex_allowed(0, 'T'), 1);
	T_EQ_INT(model_sex_allowed(0, 'K'), 0);
	T_EQ_INT(model_sex_allowed(0, 'M'), 0);
	T_EQ_INT(model_sex_allowed(1, 'K'), 1);
	T_EQ_INT(model_sex_allowed(1, 'M'), 1);
	T_EQ_INT(model_sex_allowed(1, 'X'), 0);
	T_EQ_INT(model_kolada_kpi_valid("N15033"), 1);
	T_EQ_INT(model_kolada_kpi_valid("U21468"), 1);
	T_EQ_INT(model_kolada_kpi_valid("n15033"), 0);
	T_EQ_INT(model_kolada_kpi_valid("N1503"), 0);
	T_EQ_INT(model_kolada_kpi_valid("N150333"), 0);
	T_EQ_INT(model_kolada_kpi_valid("NN5033"), 0);
	T_EQ_INT(model_kolada_kpi_valid(""), 0);
	T_EQ_INT(model_kolada_kpi_valid(NULL), 0);
	T_EQ_INT(model_revision_text(79.1, 79.3, 1, 1, buf, sizeof(buf)), 0);
	T_EQ_STR(buf, "värdet har reviderats från 79,1 till 79,3 efter godkännandet");
	T_EQ_INT(model_revision_text(NAN, 4.25, 2, 0, buf, sizeof(buf)), 0);
	T_EQ_STR(buf, "värdet har reviderats från saknas till 4,25 efter inskickandet");
	T_EQ_INT(model_revision_text(79.1, 79.35, -1, 0, buf, sizeof(buf)), 0);
	T_EQ_STR(buf, "värdet har reviderats från 79,10 till 79,35 efter inskickandet");
	T_EQ_INT(model_revision_text(80, 81, -1, 1, buf, sizeof(buf)), 0);
	T_EQ_STR(buf, "värdet har reviderats från 80,0 till 81,0 efter godkännandet");
	T_EQ_INT(model_revision_text(1, 2, 1, 1, buf, 10), -1);
	T_EQ_STR(buf, "");
}

int main(void)
{
	T_RUN(test_baseline_latest_slope);
	T_RUN(test_goal);
	T_RUN(test_already_there_and_edges);
	T_RUN(test_on_track);
	T_RUN(test_indicator_rules);
	return t_done();
}
