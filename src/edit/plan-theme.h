/* plan-theme.h: the one write path of a plan version's themes, shared by the API
 * (/api/v1/plans/{key}/versions/{n}/themes...) and the form pages (/plan/{key}/version/{n}/teman):
 * add, change (rename, description, target groups), reorder and remove. Each function checks the
 * frozen rule (plan_draft_check: only a draft changes) and writes in one transaction with its
 * audit entry. Authorisation is the caller's (the plan owner's editors and administrators).
 *
 * A rename keeps the old name as an alias dated the day of the rename (theme_alias.valid_to),
 * so that a theme renamed over time keeps its history. Names are unique within a version
 * whatever their case (the Swedish collation without case, COLLATE sv_ci). A theme that goals,
 * activities or measures refer to is removed only together with moving them to another theme
 * of the same version. */
#ifndef LUP_EDIT_PLAN_THEME_H
#define LUP_EDIT_PLAN_THEME_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define PLAN_THEME_NAME_MAX 200		/* bytes of a name */
#define PLAN_THEME_TEXT_MAX 20000	/* bytes of a description */
#define PLAN_THEME_GROUPS_MAX 32	/* target groups of a theme */
#define PLAN_THEME_GROUP_MAX 200	/* bytes of one target group */

/* What to write. For plan_theme_change, each part is written only when its set_ flag is on. */
struct plan_theme_in {
	const char *name;			/* one line, 1..PLAN_THEME_NAME_MAX bytes */
	int set_name;
	const char *description;		/* NULL or "": none */
	int set_description;
	const char *const *groups;		/* target groups, in order (duplicates kept once) */
	int ngroups, set_groups;
	const char *source;			/* "api", "web" */
};

/* What refers to a theme. */
struct plan_theme_refs {
	int64_t goals, activities, measures;
};

/*
 * plan_theme_add: adds a theme last in the order of draft version pv. *id gets its id. Errors:
 * LUP_EINVAL with *field ("name", "description", "target_groups") naming the bad field (a name
 * that another theme of the version has: LUP_EINVAL, field "name", message "is taken ...");
 * LUP_ENOTFOUND, LUP_ECONFLICT (not a draft) from plan_draft_check; store errors. Nothing is
 * changed on error.
 */
int plan_theme_add(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_theme_in *in,
		   int64_t *id, const char **field, struct err *e);

/*
 * plan_theme_change: changes theme id of draft version pv as in says; a new name keeps the old
 * one as an alias dated today (UTC). The errors of plan_theme_add, and LUP_ENOTFOUND when id is
 * not a theme of pv. *changed (may be NULL) is 0 when nothing differed (nothing audited).
 */
int plan_theme_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
		      const struct plan_theme_in *in, int *changed, const char **field, struct err *e);

/*
 * plan_theme_order: puts the themes of draft version pv in the order of ids[0..n), which must
 * name each theme of the version exactly once (else LUP_EINVAL, field "order"). Plus the errors
 * of plan_draft_check.
 */
int plan_theme_order(struct store *st, const struct edit_actor *who, int64_t pv, const int64_t *ids, int n,
		     const char **field, struct err *e);

/*
 * plan_theme_remove: removes theme id of draft version pv with its aliases and target groups.
 * *refs gets what referred to it. When something does and move_to is 0: LUP_ECONFLICT, nothing
 * changed. With move_to (another theme of pv, else LUP_EINVAL, field "move_to"), the goals,
 * activities and measures are moved to it first, in the same transaction. Plus the errors of
 * plan_draft_check, and LUP_ENOTFOUND when id is not a theme of pv.
 */
int plan_theme_remove(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, int64_t move_to,
		      struct plan_theme_refs *refs, const char **field, struct err *e);

/* plan_theme_refs_total: goals + activities + measures. */
int64_t plan_theme_refs_total(const struct plan_theme_refs *r);

#endif
