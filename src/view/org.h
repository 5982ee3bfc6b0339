/* org.h: one organisation for a year as one view, read from the store: what it is (kind,
 * parent, counterpart, district, other spellings), the years it has goals, plans or activities
 * in, the year shown and the area its outcomes are read for, its goal chain of that year
 * (view/chain.h) and its activities in the districts it serves. No HTTP: called by the
 * organisation page (web/page-org.c) and the verksamhetsplan's document writers. */
#ifndef LUP_VIEW_ORG_H
#define LUP_VIEW_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "view/chain.h"

struct arena;
struct err;
struct store;

/* A year of the organisation (newest first). */
struct view_org_year {
	long year;
	int has_goals;			/* it (or its pair) has goals that year */
};

/* One of its activities in a district it serves other than its own (a contribution). */
struct view_org_contrib {
	const char *district, *district_name;	/* the district's key and name */
	int64_t id;				/* the activity */
	const char *key, *title, *role, *status, *start_text, *end_text;	/* role, dates may be NULL */
};

/* A version (other than a draft) of a plan of the organisation (or its counterpart) that
 * covers the year shown. */
struct view_org_version {
	int64_t plan_id;
	const char *plan;			/* the plan's title */
	const char *version;			/* NULL: the plan has drafts only (no other column set) */
	const char *status, *decided_by, *decided_by_name, *decided_on, *note;	/* decided_by: a key */
};

struct view_org {
	int64_t id;
	const char *key, *name, *kind;
	const char *parent, *parent_name;	/* the organisation it is part of (NULL: none) */
	const char *pair, *pair_name;		/* its committee or administration (NULL: none) */
	int city_owned, housing;
	int64_t district_id;			/* the district it is the committee (or administration) of, 0 */
	const char *district, *district_name;
	const char **aliases;			/* other spellings */
	size_t naliases;
	struct view_org_year *years;
	size_t nyears;
	long year;				/* the year shown: asked for, else the newest with goals, else
						 * the newest; 0 when it has none */
	int64_t area_id;			/* where its outcomes are read: its district, else the city */
	const char *area_name;
	struct view_chain chain;		/* the goal chain of year (empty when year is 0), with
					 * the outcomes in area_id only, sex T (VIEW_OUTS_AREA) */
	struct view_org_contrib *contrib;	/* by district name, then start (as chain.acts) */
	size_t ncontrib;
	struct view_org_version *versions;	/* of the plans that cover year, by plan key and version */
	size_t nversions;
};

/*
 * view_org_load: reads into *o the organisation named key (its key, name or another spelling)
 * for year (0: the default, see view_org.year), as the store's viewer may see it; memory from a.
 * Returns LUP_OK with *found set (0: no such organisation; *o is then zeroed), or the store's
 * error in e.
 */
int view_org_load(struct store *st, struct arena *a, const char *key, long year, struct view_org *o, int *found,
		  struct err *e);

#endif
