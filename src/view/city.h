/* city.h: the city overview as one view, read from the store: the indicators with full-year
 * outcomes per district, the chosen indicator's values per district against the city average
 * (with their gap bands), the districts and their LUP themes, the follow-up periods with the
 * reports the viewer may read, and goal fulfilment per organisation for a period. No HTTP:
 * called by the city page (web/page-city.c) and the document and table writers. */
#ifndef LUP_VIEW_CITY_H
#define LUP_VIEW_CITY_H

#include <stddef.h>
#include <stdint.h>

#include "model/gap.h"
#include "model/period.h"
#include "model/target.h"

struct arena;
struct err;
struct store;

#define VIEW_CITY_MAX_YEARS 64

/* What the caller asks for; every part is optional. */
struct view_city_args {
	const char *indicator;		/* an indicator key, NULL: the default one */
	long year;			/* the map's year, 0: the chosen indicator's latest */
	const struct model_period *period;	/* the fulfilment's period, NULL: the latest with a
						 * report the viewer may read, else the latest */
	int last;		/* 1: the view's reads are the read transaction's last (its last
				 * batch ends it: store_read_last) */
};

/* What of the arguments could not be found (the view is otherwise filled as far as it got). */
enum view_city_miss {
	VIEW_CITY_FOUND = 0,
	VIEW_CITY_NO_INDICATOR,		/* no indicator has that key */
	VIEW_CITY_UNMAPPED_INDICATOR,	/* it exists but has no full-year outcomes per district */
	VIEW_CITY_NO_YEAR,		/* no indicator has full-year outcomes per district that year */
	VIEW_CITY_NO_PERIOD,		/* no such follow-up period */
};

/* An indicator with full-year outcomes per district in a year (one entry per year). */
struct view_city_indicator {
	int64_t id;
	const char *key, *name, *unit, *direction;	/* unit may be NULL */
	long year;
};

/* A district with the chosen indicator's full-year total there. */
struct view_city_district {
	int64_t id;
	const char *key, *name, *code, *committee;	/* code, committee may be NULL */
	int prioritised;				/* its LUP is prioritised (budget 2017) */
	double value;					/* NaN when none */
	enum model_gap_class band;			/* against the city average */
	size_t theme0, nthemes;				/* its run in view_city.themes */
};

/* A theme of a district's latest LUP with its number of measures. */
struct view_city_theme {
	const char *district, *theme;
	long ord, measures;
};

/* A follow-up period with the number of reports of it the viewer may read. */
struct view_city_period {
	int64_t id;
	struct model_period per;
	long reports;
};

/* An organisation's goal fulfilment in the period. A report the viewer may not read counts as
 * none: report 0, status NULL, no assessments, every goal unassessed. */
struct view_city_fulfilment {
	const char *key, *name;
	int64_t report;			/* 0: no (readable) report */
	const char *status;		/* NULL: none */
	long fulfilled, partly, not_met, none, unassessed, goals;
};

struct view_city {
	enum view_city_miss miss;
	struct view_city_indicator *inds;	/* by key, then year */
	size_t ninds;
	int ind;				/* the chosen entry of inds, -1: none */
	long years[VIEW_CITY_MAX_YEARS];	/* years with full-year outcomes per district, newest first */
	int nyears;
	long year;				/* the map's year */
	int has_year;				/* the chosen indicator has outcomes that year */
	enum model_direction dir;		/* the chosen indicator's */
	double city;				/* the city average, NaN when none */
	int example;				/* a value shown is example data */
	int decimals;				/* the decimals the values need (0..2) */
	struct view_city_district *districts;	/* by name */
	size_t ndistricts, nprioritised;
	struct view_city_theme *themes;		/* by district name, then order */
	size_t nthemes;
	struct view_city_period *periods;	/* oldest first */
	size_t nperiods;
	int period;				/* the chosen entry of periods, -1: none */
	struct view_city_fulfilment *fulfil;	/* by organisation name (none when period is -1) */
	size_t nfulfil;
};

/*
 * view_city_load: reads the city overview for args into *c (overwritten), every array in a, as
 * the store's viewer may see it. An argument that cannot be found sets c->miss (and the view
 * holds what was read before it); the caller answers it. Returns LUP_OK or the store's error
 * (LUP_EDB) in e.
 */
int view_city_load(struct store *st, struct arena *a, const struct view_city_args *args, struct view_city *c,
		   struct err *e);

#endif
