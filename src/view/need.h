/* view/need.h: resources versus need for a year, loaded from the store without HTTP: the need
 * index of every district with every step of its computation (model/need.h: the indicators,
 * their weights, the city values, each district's value, gap and z-value) and the resources of
 * the year per district and kind (of all organisations or one), in sum and per 1 000 residents
 * (area_population, the dataset's populations.tsv). Shared by the API view
 * (/api/v1/views/resources-need), the pages (/resurser, /organisation/{key}/resurser-behov) and
 * the export table (resources-need). Outcomes follow the publication rule of the store's viewer.
 */
#ifndef LUP_VIEW_NEED_H
#define LUP_VIEW_NEED_H

#include <stdint.h>

#include "model/need.h"

/* The rule in words (docs/resources-need.md): in English for the API, in Swedish for the pages. */
#define NEED_RULE_EN \
	"For each chosen indicator, each district's gap to the city average is taken in the direction " \
	"that makes a worse value a positive gap; the gaps are standardised across the districts " \
	"(z = (gap - mean) / standard deviation); a district's need index is the weighted mean of its " \
	"z-values over the indicators it has a value of. Above 0: more need than the average district. " \
	"A district without any value has no index. Outcomes are of the latest year up to the year " \
	"with a city value (need_year); resources are of the year, per 1 000 residents."
#define NEED_RULE_SV \
	"För varje vald indikator räknas stadsdelsområdets avstånd till stadens snitt, så att ett sämre " \
	"värde ger ett positivt avstånd. Avstånden standardiseras över stadsdelsområdena (z = (avstånd " \
	"− medelvärde) / standardavvikelse). Behovsindex är det viktade medelvärdet av områdets z-värden " \
	"för de indikatorer det har värden för. Över 0 betyder större behov än genomsnittsområdet. Ett " \
	"område utan värden får inget index. Utfallen är från det senaste året till och med det valda " \
	"som har ett värde för staden; resurserna är årets, per 1 000 invånare."

struct arena;
struct err;
struct store;

/* One indicator of the index. */
struct view_need_ind {
	int64_t id;
	const char *key, *name, *unit;	/* unit may be NULL */
	const char *direction;		/* "higher", "lower" (or "none": takes no part) */
	int city_example;		/* the city value is example data */
	struct need_ind m;		/* weight, direction, city value; the computed mean, sd, n, flat */
};

/* One district. */
struct view_need_district {
	int64_t id;
	const char *key, *name;
	int64_t population;		/* 0: unknown */
	int population_year;
	double index;			/* NaN: no value of any indicator */
	int nused;			/* indicators it has a value of */
	double amount[NEED_KIND__MAX];	/* the year's resources of the kind (0 when none) */
	int has[NEED_KIND__MAX];	/* a row of the kind exists */
	double per1000[NEED_KIND__MAX];	/* amount per 1 000 residents; NaN without a population */
	int example;			/* a value or a resource shown is example data */
};

struct view_need {
	int year;			/* of the resources */
	int need_year;			/* of the outcomes: the latest year up to year with a city value
					 * (year itself when there is none) */
	int64_t org;			/* 0: every organisation's resources */
	int chosen;			/* 1: the city's chosen indicators; 0: the documented default */
	size_t ni, nd;
	struct view_need_ind *inds;
	struct view_need_district *ds;	/* in the areas' name order */
	struct need_cell *cells;	/* cells[k * nd + d] */
	size_t *ord;			/* ds by need: highest index first, no index last */
	int example;			/* anything shown is example data */
};

/*
 * view_need_load: resources versus need of year (of organisation org's resources; 0: all) into
 * *v, allocated in a. Returns LUP_OK, or a store error in e.
 */
int view_need_load(struct store *st, struct arena *a, int year, int64_t org, struct view_need *v, struct err *e);

#endif
