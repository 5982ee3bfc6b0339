/* todo.h: "Att göra", what an organisation has to do in the follow-up cycle, and the same for
 * every organisation for the city office. No HTTP: the page (/att-gora, web/page-todo.c) and the
 * API view (GET /api/v1/views/todo, web/api-todo.c) both call it.
 *
 * Scope: the city's deadlines (table deadline, 0021: org_id NULL, level 'city') of last year and
 * later (a year's verksamhetsberättelse is due the year after), and the goals of last year and
 * this year, this year being the year of `today` (model/today.h). An organisation's things are
 * its own and its committee/administration pair's. The items:
 *   - TODO_DUE: a report whose city deadline is set and whose report is neither submitted nor
 *     approved (no report yet, a draft or returned): days left, or days late;
 *   - TODO_RETURNED: a report returned by the city office, with the return comment;
 *   - TODO_UNASSESSED: an open report (draft or returned) with nämndmål it does not assess
 *     (no assessment or "Ej bedömt");
 *   - TODO_NO_STATUS: an open report with activities (as the report page lists them) without a
 *     status recorded in it;
 *   - TODO_MISSING: an indicator of the organisation's goals with no outcome (example data does
 *     not count) for a period of the goal's year that has ended; an indicator followed up per
 *     year only for the full year; Kolada's indicators are not counted (they are imported).
 * The city's table: every committee and company board, and any other organisation with a
 * report in scope (whose pair is not one of those); each with its report status per deadline,
 * the totals, the days late (the most over passed deadlines without a submitted or approved
 * report) and whether it is silent (a deadline has passed and it has no report in scope at
 * all); sorted by days late (most first), silent first, then by name.
 */
#ifndef LUP_VIEW_TODO_H
#define LUP_VIEW_TODO_H

#include <stdint.h>

struct arena;
struct err;
struct store;

enum todo_kind {
	TODO_DUE,		/* a report due or late */
	TODO_RETURNED,		/* a report returned to the organisation */
	TODO_UNASSESSED,	/* goals unassessed in an open report */
	TODO_NO_STATUS,		/* activities without a status in an open report */
	TODO_MISSING,		/* an indicator without an outcome for an ended period */
	TODO__MAX
};

/* One thing to do. Strings live in the arena. */
struct todo_item {
	enum todo_kind kind;
	int year;			/* the period's year */
	const char *period;		/* "T1", "T2" or "FY" */
	int due;			/* TODO_DUE: the city's deadline, YYYYMMDD */
	int days_left;			/* TODO_DUE: due - today; negative: days late */
	int64_t report_id;		/* the report it is about, 0 when there is none yet */
	const char *status;		/* the report's status, NULL when there is none */
	int count;			/* TODO_UNASSESSED, TODO_NO_STATUS: how many */
	const char *comment;		/* TODO_RETURNED: the city office's comment (may be NULL) */
	const char *indicator_key;	/* TODO_MISSING */
	const char *indicator_name;
};

/* An organisation's report for one deadline in scope (the city's table). */
struct todo_period {
	int year;
	const char *period;		/* "T1", "T2" or "FY" */
	int due;			/* YYYYMMDD */
	int64_t report_id;		/* 0: no report */
	const char *status;		/* NULL: no report */
};

/* One organisation and what it has to do. */
struct todo_org {
	int64_t id;
	const char *key, *name;
	struct todo_item *items;
	int nitems;
	struct todo_period *periods;	/* one per deadline in scope, by due day */
	int nperiods;
	int late_days;			/* 0 when not late */
	int silent;			/* 1: a deadline has passed and it has no report in scope */
	int due, unassessed, no_status, missing, returned;	/* counts of its items by kind */
	int ord;			/* its place in the list by name */
};

struct todo {
	int today;			/* YYYYMMDD */
	int first_year;			/* the first year in scope */
	struct todo_org *orgs;
	int norgs;
};

/*
 * todo_load_org: what organisation org (with its pair) has to do on day today into *out (one
 * entry in out->orgs, none when org is 0 or no organisation). Memory from a. Returns LUP_OK or a
 * store error in e.
 */
int todo_load_org(struct store *st, struct arena *a, int64_t org, int today, struct todo *out, struct err *e);

/* todo_load_city: the same for every organisation the city expects reports from, sorted as the
 * header says. */
int todo_load_city(struct store *st, struct arena *a, int today, struct todo *out, struct err *e);

/* todo_kind_name: "due", "returned", "unassessed", "no_status", "missing" (the API's names). */
const char *todo_kind_name(enum todo_kind k);

#endif
