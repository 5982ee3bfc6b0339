/* commitments.h: the city's overview of who contributes to which district's programme, as one
 * view read from the store: organisations x the 14 districts, each cell counting the LUP
 * measures the organisation is a partner of (in the district's adopted LUP version), the public
 * activities it owns that serve the district, and those it takes part in as another's partner,
 * with the roles it has; and the links behind a cell. Public content only (store/sql-public.h):
 * the same for every caller. No HTTP: called by the page (web/page-commitments.c) and the API
 * view (web/api-views.c, GET /api/v1/views/organisations-districts). */
#ifndef LUP_VIEW_COMMITMENTS_H
#define LUP_VIEW_COMMITMENTS_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct err;
struct store;

/* How an organisation contributes to a district. */
enum commit_via {
	COMMIT_MEASURE = 0,	/* a partner of a measure of the district's adopted LUP (0, 1, 2: the
				 * numbers STMT_COMMIT_LINKS gives as via) */
	COMMIT_ACTIVITY,	/* the owner of an activity serving the district */
	COMMIT_PARTNER,		/* a partner of another organisation's activity serving the district */
	COMMIT__MAX
};

/* One link: organisation x district through one measure or activity. */
struct commit_link {
	size_t org, district;		/* indexes into view_commitments.orgs, .districts */
	enum commit_via via;
	int64_t item_id;		/* the measure's or activity's id */
	const char *item, *title;	/* the measure's or activity's key and title */
	const char *role;		/* measure: lead|partner|support|funder; activity: its role
					 * (activity.role, "owner" when none); partner: the partner's
					 * own words, may be NULL */
	const char *owner, *owner_name;	/* COMMIT_PARTNER: the activity's owner, else NULL */
};

struct commit_org {
	int64_t id;
	const char *key, *name, *kind;
	long n[COMMIT__MAX];		/* its links by kind, over every district */
};

struct commit_district {
	int64_t id;
	const char *key, *name;
	int prioritised;
	long n[COMMIT__MAX];		/* the links into it by kind, over every organisation */
};

/* One non-empty cell: an organisation's links into a district. */
struct commit_cell {
	size_t org, district;
	long n[COMMIT__MAX];
	const char **roles;		/* the distinct roles in the cell (NULL-terminated), in the
					 * order of the links (measure roles first) */
	size_t link0, nlinks;		/* its run in view_commitments.links */
};

struct view_commitments {
	struct commit_org *orgs;		/* by name: those with a link */
	size_t norgs;
	struct commit_district *districts;	/* all districts, by name */
	size_t ndistricts;
	struct commit_link *links;		/* by organisation, district, then measures, activities,
						 * partnerships */
	size_t nlinks;
	struct commit_cell *cells;		/* by organisation, then district */
	size_t ncells;
};

/*
 * view_commitments_load: reads the overview into *c (overwritten), every array in a. texts 0
 * leaves the links' titles and the activities' keys NULL (the matrix's counts and roles need
 * neither: they cost a fifth of the reads). Returns LUP_OK or the store's error in e.
 */
int view_commitments_load(struct store *st, struct arena *a, int texts, struct view_commitments *c,
			  struct err *e);

/* view_commitments_org, view_commitments_district: the index of the organisation (district)
 * with key in c, or -1 when it has none (an organisation without links has none). */
long view_commitments_org(const struct view_commitments *c, const char *key);
long view_commitments_district(const struct view_commitments *c, const char *key);

/* view_commitments_cell: the cell of organisation org and district d, or NULL when empty. */
const struct commit_cell *view_commitments_cell(const struct view_commitments *c, size_t org, size_t d);

/* commit_districts_order: perm[i] receives the index (among the n) of the i-th district by name
 * (Swedish), then id: the order of the loaders' districts (STMT_COMMIT_DISTRICTS gives them in
 * none). Returns 0, or -1 when there is no Swedish collator. */
int commit_districts_order(struct arena *a, const char *const *names, const int64_t *ids, size_t n, size_t *perm);

/* commit_via_code: "measure", "activity" or "partner". */
const char *commit_via_code(enum commit_via v);

#endif
