/* ledger.h: the commitment ledger of a follow-up period, as one view read from the store: for
 * each specialist committee and company (with its administration: a party is the committee,
 * its recorded pair and whoever records it as theirs; an administration of no committee is a
 * party of its own), per district, what it committed (its public activities serving the
 * district that run in the year, the measures of the district's adopted LUP it is a partner of,
 * its resources there that year) and what its report of the period says happened to each
 * activity. The statuses of a report that is not approved show only to those who may read it
 * (web/authz.h authz_report_readable, applied in SQL through the connection's viewer); anyone
 * else reads "ej publicerad". No HTTP: called by the page (web/page-ledger.c) and the API view
 * (GET /api/v1/views/commitments). */
#ifndef LUP_VIEW_LEDGER_H
#define LUP_VIEW_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "model/period.h"

struct arena;
struct err;
struct store;

enum ledger_via { LEDGER_ACTIVITY, LEDGER_MEASURE, LEDGER_RESOURCE };

/* What the viewer can tell of a party's report of the period. */
enum ledger_report {
	LEDGER_NO_REPORT,	/* none ("ingen rapport"): told only to those who may read the
				 * party's unpublished reports */
	LEDGER_UNPUBLISHED,	/* no approved report, and the viewer may not read the others
				 * ("ej publicerad") */
	LEDGER_REPORTED,	/* a report the viewer may read: status says which */
};

struct ledger_item {
	size_t party;			/* its party's pos */
	size_t district;		/* index into view_ledger.district_keys, _names */
	enum ledger_via via;
	int64_t item_id;		/* activity, measure: its id; resource: 0 */
	const char *item, *title;	/* activity, measure: its key and title; resource: NULL */
	const char *role;		/* activity: its role ("owner" when none); measure: the
					 * party's role in it; resource: NULL */
	const char *status;		/* activity: its status in the report (planned, ongoing, done,
					 * waiting, cancelled), NULL when none or not readable */
	const char *kind, *unit;	/* resource: money|staff|places|hours and its unit */
	double amount;			/* resource: the amount in unit */
	int64_t org_id;			/* the member organisation it comes through */
	long seq;			/* activity, measure: its title's Swedish rank among the items'
					 * (the loader's order key) */
};

struct ledger_party {
	size_t pos;			/* its place in the order read (by name) */
	int64_t id;
	const char *key, *name, *kind;
	enum ledger_report report;
	int64_t report_id;		/* LEDGER_REPORTED: the report, else 0 */
	const char *report_status;	/* LEDGER_REPORTED: draft|submitted|returned|approved */
	const char *report_org;		/* LEDGER_REPORTED: the member whose report it is */
	int late;			/* the city's deadline has passed without a submitted or
					 * approved report the viewer can see */
	size_t item0, nitems;		/* its run in view_ledger.items, by district then via */
	long activities, measures;	/* distinct ones (one serving three districts counts once) */
	long resources, districts;	/* resource entries; districts with an item */
	long status_n[5];		/* its activities by status (model/status.h order) */
	long unreported;		/* its activities without a (readable) status */
};

struct view_ledger {
	struct model_period period;
	const char *due;		/* the city's deadline of the period (YYYY-MM-DD), NULL: none */
	char today[11];			/* the date the lateness is judged on (LUP_TODAY or the date) */
	struct ledger_party *parties;	/* silent first, then late, then the rest; by name within */
	size_t nparties;
	size_t nidle;			/* parties with nothing committed and no report: left out */
	struct ledger_item *items;
	size_t nitems;
	const char **district_keys, **district_names;	/* every district, by name */
	size_t ndistricts;
};

/*
 * view_ledger_load: reads the ledger of period p into *l (overwritten), every array in a, as the
 * store's viewer may see it. Lateness is judged on today's date in Stockholm, or on LUP_TODAY
 * (YYYY-MM-DD) when set. Returns LUP_OK or the store's error in e.
 */
int view_ledger_load(struct store *st, struct arena *a, const struct model_period *p, struct view_ledger *l,
		     struct err *e);

/* view_ledger_today: model_today() (model/today.h: the Stockholm date, LUP_TODAY overrides) as
 * YYYY-MM-DD into out. */
void view_ledger_today(char out[11]);

/* ledger_report_code: the API's word for the party's report: "none", "unpublished", or the
 * report's status. */
const char *ledger_report_code(const struct ledger_party *p);

/* ledger_via_code: "activity", "measure" or "resource". */
const char *ledger_via_code(enum ledger_via v);

#endif
