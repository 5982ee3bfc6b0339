/* chain.h: an organisation's goal chain for a year as one view, read from the store: the KF
 * goals (inriktningsmål, verksamhetsområdesmål) down to its nämndmål and LUP goals, each with
 * Beskrivning, Förväntat resultat, indicators with årsmål and KF:s årsmål, outcomes per
 * period/area/sex, the assessments of the year's reports and the activities. No HTTP: called
 * by the JSON API (web/api-goals.c), the organisation page (web/page-org.c), the CLI
 * (`lup show chain`) and the document writers. */
#ifndef LUP_VIEW_CHAIN_H
#define LUP_VIEW_CHAIN_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct err;
struct store;

/* One outcome: an indicator's value for a period of the year (or the previous year's full
 * year) in an area (the municipality or a district of the organisation) for a sex. */
struct view_outcome {
	int64_t area_id;
	int64_t period_id;	/* the period (year and period below are its year and kind) */
	long year;		/* the period's year: the chain's year, or the year before (FY only) */
	const char *period;	/* "T1", "T2" or "FY" */
	const char *area;	/* the area's key */
	const char *sex;	/* "T", "K" or "M" */
	double value;		/* NaN when missing */
	int missing;		/* 1 when the value is recorded as missing */
	int example;		/* 1 for example data (never a real figure) */
};

/* One indicator of a goal of the chain with the year's targets as written. */
struct view_indicator {
	int64_t id;
	const char *key, *name, *unit;	/* unit may be NULL */
	const char *direction;		/* "higher", "lower" or "none" */
	const char *periodicity;	/* "tertial", "year", "month" or "quarter" */
	const char *target;		/* the year's årsmål as written (NULL: none) */
	const char *kf_target;		/* KF:s årsmål of the year (NULL: none) */
	int own;			/* owned by the organisation or its pair (not a KF indicator) */
	int64_t ord;			/* its place among its goal's (then by key) */
	struct view_outcome *outs;	/* its outcomes, ordered by year, period, area, sex */
	size_t nouts;
};

/* One assessment of a goal in a report of the year that the store's viewer may read. */
struct view_assessment {
	const char *period;		/* "T1", "T2" or "FY" */
	const char *assessment;		/* as stored (model/assess.h parses it) */
	const char *analysis;		/* may be NULL */
	const char *report_status;	/* "draft", "submitted", "approved", ... */
	int own;			/* the report is the organisation's (or its pair's) */
};

/* One activity of the organisation (or its pair) in the year. */
struct view_activity {
	int64_t id, goal_id;		/* goal_id 0: linked to no goal */
	const char *key, *title;
	const char *role, *status;	/* role may be NULL */
	const char *start_text, *end_text;	/* as written; NULL when unknown */
	const char *areas;		/* the names of the areas it serves, ", " between them in
					 * Swedish order: view_org_load's, for the activities the
					 * organisation page lists apart; the chain leaves it NULL */
	int goal;			/* index of its goal in the chain, -1 when not in the chain */
};

/* One goal of the chain. */
struct view_goal {
	int64_t id;
	const char *key, *level;	/* level: inriktningsmal, verksamhetsomradesmal, namndmal, lup */
	const char *number, *name;	/* number may be NULL */
	const char *parent, *owner;	/* keys; parent NULL at the top */
	const char *description;	/* Beskrivning, may be NULL */
	const char **results;		/* Förväntat resultat, in order */
	size_t nresults;
	int parent_ix;			/* index of the parent in the chain, -1 when not in it */
	struct view_indicator *inds;	/* its indicators, in their order */
	size_t ninds;
	struct view_assessment *assess;	/* its readable assessments, by period */
	size_t nassess;
	size_t *acts;			/* indexes into view_chain.acts of its activities */
	size_t nacts;
};

/* The goal chain of organisation org for year: every array lives in the arena given to
 * view_chain_load. Goals come in the chain's order (KF goals first, then nämndmål by number). */
/* A link of an activity of the chain to an area it serves (activity_district). */
struct view_act_link {
	size_t act;			/* index in the chain's acts */
	int64_t area;			/* the linked area's id */
};

struct view_chain {
	int64_t org;
	long year;
	struct view_goal *goals;
	size_t ngoals;
	struct view_activity *acts;	/* ordered by start */
	size_t nacts;
	struct view_act_link *links;	/* the acts' links, by activity as read (in no order) */
	size_t nlinks;
};

/*
 * view_chain_load: reads into *c the goal chain of organisation org for year, with everything
 * that hangs on it, as the store's viewer (store_set_viewer) may see it: unpublished goals,
 * indicators, figures and activities by the publication rule, and assessments only of
 * approved reports or of reports of organisations the viewer reads for. Memory comes from a
 * (the caller releases it); *c is overwritten. An organisation without goals that year gives
 * an empty chain. Returns LUP_OK or the store's error (LUP_EDB) in e.
 */
int view_chain_load(struct store *st, struct arena *a, int64_t org, long year, struct view_chain *c,
		    struct err *e);

/* Which outcomes a reader of the chain needs (each indicator's outs): fewer rows, less work. */
enum view_chain_outs {
	VIEW_OUTS_ALL,		/* the year's and the previous year's FY; the municipality and the
				 * organisation's districts; every sex (view_chain_load) */
	VIEW_OUTS_YEAR,		/* the year's only (the API's goal chain) */
	VIEW_OUTS_AREA,		/* the year's and the previous year's FY in one area, sex T only
				 * (the organisation page) */
};

/* Parts of the chain a reader does not show, left unread (view_chain_opts.skip): with
 * VIEW_SKIP_RESULTS every goal's results are empty, with VIEW_SKIP_ACTS the chain has no
 * activities (nor any goal). */
enum { VIEW_SKIP_RESULTS = 1, VIEW_SKIP_ACTS = 2 };

/* view_chain_opts: what view_chain_more reads; area_id is VIEW_OUTS_AREA's area, skip the
 * VIEW_SKIP_* parts left unread (0: none). */
struct view_chain_opts {
	enum view_chain_outs outs;
	int64_t area_id;
	unsigned skip;
};

/* view_chain_more: view_chain_load with the outcomes opts asks for (NULL: VIEW_OUTS_ALL) and
 * the caller's nmore other reads (at most VIEW_CHAIN_MORE_MAX; store.h struct store_q) in the
 * first of the chain's two store_query_many (the goals and the reads that do not need their
 * ids; the second, skipped when there are no goals, reads what belongs to them): two round
 * trips on PostgreSQL in all. */
#define VIEW_CHAIN_MORE_MAX 8
struct store_q;
int view_chain_more(struct store *st, struct arena *a, int64_t org, long year, struct view_chain *c,
		    const struct view_chain_opts *opts, const struct store_q *more, int nmore, struct err *e);

/* view_chain_goal: the index of the goal with key in c, or -1 (key may be NULL). */
int view_chain_goal(const struct view_chain *c, const char *key);

/* view_sort_nearly: sorts base[0..n), elements of size bytes, by cmp (a total order; stable),
 * with room from a; for rows that come mostly in order: about n calls of cmp where they are
 * in order, n log2 of the number of ascending stretches otherwise (qsort: n log2 n). */
void view_sort_nearly(struct arena *a, void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
