/* plan-measure.h: the one write path of an LUP version's prioritised measures, shared by the API
 * (/api/v1/plans/{key}/versions/{n}/measures...) and the form pages (/plan/{key}/version/{n}/
 * atgarder): add, change, reorder and remove. Each function checks the frozen rule
 * (plan_draft_check: only a draft changes) and writes in one transaction with its audit entry.
 * Authorisation is the caller's (the plan owner's editors and administrators).
 *
 * A measure links to themes and goals of its own version, to neighbourhoods and places of its
 * plan's district, and to partners: a registry organisation (by key) or one of the version's
 * plan partners (edit/plan-partner.h), each with one role. Its start and end are texts as the
 * documents write them ("ht 2017", "2018", "2019-03"), parsed with model/datex; the end may not
 * lie before the start. */
#ifndef LUP_EDIT_PLAN_MEASURE_H
#define LUP_EDIT_PLAN_MEASURE_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define PLAN_MEASURE_TITLE_MAX 300	/* bytes of a title */
#define PLAN_MEASURE_TEXT_MAX 20000	/* bytes of a description */
#define PLAN_MEASURE_DATE_MAX 40	/* bytes of a start or end text */
#define PLAN_MEASURE_LINKS_MAX 64	/* themes, areas, goals, partners, target groups: each */
#define PLAN_MEASURE_GROUP_MAX 200	/* bytes of one target group */

/* One partner of a measure: a registry organisation (org, a key) or a plan partner of the
 * version (partner, its id): exactly one. role: a role's machine name or its Swedish word. */
struct plan_measure_partner {
	const char *org;
	int64_t partner;
	const char *role;
};

/* What to write. For plan_measure_change, each part is written only when its set_ flag is on. */
struct plan_measure_in {
	const char *title;			/* one line, 1..PLAN_MEASURE_TITLE_MAX bytes */
	int set_title;
	const char *description;		/* NULL or "": none */
	int set_description;
	const char *status;			/* idea|prestudy|project|permanent|ended; NULL or "": none */
	int set_status;
	const char *start, *end;		/* datex texts; NULL or "": open */
	int set_start, set_end;
	const int64_t *themes;			/* theme ids of the version */
	int nthemes, set_themes;
	const char *const *areas;		/* area keys of the district */
	int nareas, set_areas;
	const int64_t *goals;			/* goal ids of the version */
	int ngoals, set_goals;
	const struct plan_measure_partner *partners;
	int npartners, set_partners;
	const char *const *groups;		/* target groups */
	int ngroups, set_groups;
	const char *source;			/* "api", "web" */
};

/*
 * plan_measure_add: adds a measure last in the order of draft version pv; *id gets its id.
 * Errors: LUP_EINVAL with *field naming the bad field ("title", "description", "status",
 * "start", "end", "themes", "areas", "goals", "partners", "target_groups") and a message naming
 * the bad value; LUP_ENOTFOUND, LUP_ECONFLICT (not a draft) from plan_draft_check; store errors.
 * Nothing is changed on error.
 */
int plan_measure_add(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_measure_in *in,
		     int64_t *id, const char **field, struct err *e);

/*
 * plan_measure_change: changes measure id of draft version pv as in says (the start and end are
 * checked together, with the one not given as it is). The errors of plan_measure_add, and
 * LUP_ENOTFOUND when id is not a measure of pv. *changed (may be NULL) is 0 when nothing differed.
 */
int plan_measure_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
			const struct plan_measure_in *in, int *changed, const char **field, struct err *e);

/*
 * plan_measure_order: puts the measures of draft version pv in the order of ids[0..n), which
 * must name each measure of the version exactly once (else LUP_EINVAL, field "order").
 */
int plan_measure_order(struct store *st, const struct edit_actor *who, int64_t pv, const int64_t *ids, int n,
		       const char **field, struct err *e);

/*
 * plan_measure_remove: removes measure id of draft version pv with its links. LUP_ECONFLICT when
 * activities carry it out (they name it; nothing changed); LUP_ENOTFOUND when id is not a
 * measure of pv; plus the errors of plan_draft_check.
 */
int plan_measure_remove(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, struct err *e);

/* plan_measure_role: the machine name of a role given as itself or as its Swedish word
 * ("ansvarig" = lead, "samverkanspart" = partner, "stöd" = support, "finansiär" = funder);
 * NULL when it is neither. */
const char *plan_measure_role(const char *word);

/* plan_measure_role_sv: the Swedish word of role ("ansvarig"), or role itself when unknown. */
const char *plan_measure_role_sv(const char *role);

/* The roles' machine names in the table's order, NULL-terminated (the forms' select). */
extern const char *const plan_measure_roles[];

#endif
