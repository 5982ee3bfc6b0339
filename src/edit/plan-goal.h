/* plan-goal.h: the one write path of an LUP version's goals (målsättningar), shared by the API
 * (/api/v1/plans/{key}/versions/{n}/goals...) and the form pages (/plan/{key}/version/{n}/mal):
 * create, change and delete. An LUP goal belongs to a draft version of a plan (level 'lup') and
 * says, per theme, area (the plan's district or one of its neighbourhoods or places) and sex
 * (K, M or T: kvinnor, män, alla), its horizon (the 5-year goal '5y', or the 15-20-year ambition
 * 'long' of reaching the city average) and the year of it, its baseline (value, year), its
 * target (a value, a direction, or for the long horizon the city average), and the indicator
 * that measures it: an existing one (the plan owner's or its pair's, or an official Kolada
 * indicator) or a new one written in the same transaction (it then belongs to the goal).
 *
 * Each function checks the frozen rule (plan_draft_check) and writes in one transaction with its
 * audit entries (the goal; a new indicator). Authorisation is the caller's (the plan owner's
 * editors and administrators). */
#ifndef LUP_EDIT_PLAN_GOAL_H
#define LUP_EDIT_PLAN_GOAL_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define PLAN_GOAL_TITLE_MAX 500		/* bytes of a title */
#define PLAN_GOAL_TEXT_MAX 20000	/* bytes of a description */
#define PLAN_GOAL_IND_NAME_MAX 300	/* bytes of a new indicator's name */
#define PLAN_GOAL_IND_UNIT_MAX 40	/* bytes of its unit */
#define PLAN_GOAL_YEAR_MIN 1990		/* years a baseline or horizon may name */
#define PLAN_GOAL_YEAR_MAX 2100
#define PLAN_GOAL_5Y_MIN 1		/* a 5-year goal: this many years after its start ... */
#define PLAN_GOAL_5Y_MAX 8		/* ... to this many */
#define PLAN_GOAL_LONG_MIN 10		/* the long ambition (15-20 years), with slack */
#define PLAN_GOAL_LONG_MAX 25

/* A new indicator to measure the goal (owned by the plan's owner, yearly, source 'own'). */
struct plan_goal_new_ind {
	const char *name;		/* one line, 1..PLAN_GOAL_IND_NAME_MAX bytes */
	const char *unit;		/* NULL or "": none */
	const char *direction;		/* "higher", "lower" or "none"; NULL: "none" */
	int by_sex;			/* reported per sex */
};

/* What to write. plan_goal_create uses every field (unset numbers: none); plan_goal_change
 * writes a field only when its set_ flag is on (has_: the number is given, else it is cleared). */
struct plan_goal_in {
	const char *title; int set_title;
	const char *description; int set_description;		/* NULL or "": none */
	int64_t theme; int set_theme;				/* a theme id of the version */
	const char *area; int set_area;				/* an area key; NULL or "" on create: the district */
	const char *sex; int set_sex;				/* "K", "M", "T"; NULL on create: "T" */
	const char *horizon; int set_horizon;			/* "5y" or "long" */
	int64_t horizon_year; int has_horizon_year, set_horizon_year;
	double baseline_value; int has_baseline_value, set_baseline_value;
	int64_t baseline_year; int has_baseline_year, set_baseline_year;
	double target_value; int has_target_value, set_target_value;
	const char *target_direction; int set_target_direction;	/* "higher", "lower"; NULL: none */
	const char *benchmark; int set_benchmark;		/* NULL: from the horizon and target */
	const char *indicator; int set_indicator;		/* an existing indicator's key */
	const struct plan_goal_new_ind *new_indicator;		/* or a new one (not both) */
	const char *source;					/* "api", "web" */
};

/*
 * plan_goal_create: writes a new LUP goal of draft version pv (and its new indicator); *id gets
 * its id. The benchmark, when not given: 'city_average' for the long horizon, 'absolute' with a
 * target value, else 'direction'. Errors: LUP_EINVAL with *field naming the bad field ("title",
 * "description", "theme", "area", "sex", "horizon", "horizon_year", "baseline_value",
 * "baseline_year", "target_value", "target_direction", "benchmark", "indicator",
 * "new_indicator.name", "new_indicator.unit", "new_indicator.direction"); LUP_ENOTFOUND and
 * LUP_ECONFLICT (not a draft) from plan_draft_check; store errors. Nothing is changed on error.
 */
int plan_goal_create(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_goal_in *in,
		     int64_t *id, const char **field, struct err *e);

/*
 * plan_goal_change: changes LUP goal id of draft version pv as in says (the result is checked as
 * a whole, as on create; a benchmark not given is derived again when the horizon or the target
 * changes). The errors of plan_goal_create, and LUP_ENOTFOUND when id is not an LUP goal of pv.
 * *changed (may be NULL) is 0 when nothing differed (nothing audited).
 */
int plan_goal_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
		     const struct plan_goal_in *in, int *changed, const char **field, struct err *e);

/*
 * plan_goal_delete: deletes LUP goal id of draft version pv with its results and the indicators
 * written for it; such an indicator that measures another goal passes to that goal instead.
 * LUP_ECONFLICT when activities, goals or assessments refer to the goal (nothing changed); the
 * errors of plan_draft_check; LUP_ENOTFOUND when id is not an LUP goal of pv.
 */
int plan_goal_delete(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, struct err *e);

#endif
