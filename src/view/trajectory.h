/* trajectory.h: the data behind the district page's trajectories per LUP goal and sex and the
 * target-setting aid of an indicator (store in, plain structs out, no HTTP). The rules are
 * model/trajectory.h's; docs/indicators.md says them in words. */
#ifndef LUP_VIEW_TRAJECTORY_H
#define LUP_VIEW_TRAJECTORY_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "model/trajectory.h"

struct store;

#define TRAJ_MAX_YEARS 64	/* full-year values per series (older ones are dropped) */

/* One sex's series: the area's full-year values and the city's, and the trajectory. */
struct traj_series {
	char sex;				/* 'T', 'K' or 'M' */
	int n, ncity;
	int years[TRAJ_MAX_YEARS], city_years[TRAJ_MAX_YEARS];
	double values[TRAJ_MAX_YEARS], city_values[TRAJ_MAX_YEARS];
	int example;				/* some value is example data */
	struct model_traj t;			/* t.city: the city's latest value */
};

/* One LUP goal with an indicator: its series per sex (K and M when the indicator is divided
 * by sex, else T). The 5-year goal's value applies to the goal's sex; a goal for everyone to
 * every series. */
struct traj_goal {
	int64_t id, indicator_id;
	const char *key, *number, *title, *horizon, *sex;	/* number, horizon, sex may be NULL */
	const char *indicator, *indicator_name, *unit, *direction;
	int by_sex;
	double goal_value;			/* the 5-year goal's target value; NaN when none */
	int goal_year;				/* its horizon year; 0: baseline + 5 */
	int nseries;
	struct traj_series *series;		/* nseries of them */
};

struct traj_view {
	struct traj_goal *goals;
	size_t n;
	struct arena a;
};

/*
 * traj_view_load: the goals of the LUP in force of district (area id) that have an indicator,
 * each with its series in the goal's area and the trajectories. Returns LUP_OK (v->n may be 0)
 * or a store error in e; release v with traj_view_release either way.
 */
int traj_view_load(struct store *st, int64_t district, struct traj_view *v, struct err *e);
void traj_view_release(struct traj_view *v);

/* Where a proposed target lies against a reference value. */
enum aid_pos { AID_UNKNOWN, AID_BELOW, AID_EQUAL, AID_ABOVE };

/* The references of the aid, in the order shown. */
enum aid_ref { AID_LATEST, AID_TREND, AID_CITY, AID_KF, AID_NEEDED, AID__MAX };

/* The target-setting aid of an indicator for a year (the total, in the area it follows). */
struct aid_view {
	int64_t id;
	const char *key, *name, *unit, *direction;
	int year;
	const char *area_key, *area_name;	/* the owner's district, else the municipality */
	struct traj_series s;			/* the area's values (T); s.t the trajectory */
	int first_recent;			/* index in s of the first of the recent years shown */
	double goal_value;			/* the LUP 5-year goal; NaN when none */
	int goal_year;
	const char *kf_text;			/* KF's target for the year as written; NULL when none */
	double ref[AID__MAX];			/* the references; NaN when unknown:
						 * LATEST the latest value, TREND the latest value
						 * carried to the year with the slope so far, CITY
						 * the city's latest value, KF KF's numeric target,
						 * NEEDED model_traj_value_at(year) */
	int ref_year[AID__MAX];			/* the year of LATEST and CITY; 0 for the rest */
	struct arena a;
};

#define AID_RECENT_YEARS 5			/* the recent years shown */

/*
 * aid_view_load: the aid of indicator id for year. Returns LUP_OK with v->id set, v->id 0 when
 * the indicator is unknown or not visible, or a store error in e; release with aid_view_release.
 */
int aid_view_load(struct store *st, int64_t id, int year, struct aid_view *v, struct err *e);
void aid_view_release(struct aid_view *v);

/* aid_position: where proposed lies against ref (MODEL_EPS of slack); UNKNOWN when either is NaN. */
enum aid_pos aid_position(double proposed, double ref);

/* aid_ref_name: "latest", "trend", "city_average", "kf_target", "needed" (the API's names). */
const char *aid_ref_name(enum aid_ref r);

/* aid_ref_label_sv: "senaste utfallet", "trenden", "stadens snitt", "KF:s årsmål",
 * "vad banan kräver i år". */
const char *aid_ref_label_sv(enum aid_ref r);

#endif
