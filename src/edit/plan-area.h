/* plan-area.h: the one write path of a plan version's prioritised areas, shared by the API (PUT
 * /api/v1/plans/{key}/versions/{n}/areas) and the form (/plan/{key}/version/{n}/omraden): the
 * version's area scope (none, some or all of the district) and its set of neighbourhoods and
 * places, each with a note. The frozen rule (plan_draft_check), one transaction, one audit
 * entry (entity plan_version). Authorisation is the caller's. */
#ifndef LUP_EDIT_PLAN_AREA_H
#define LUP_EDIT_PLAN_AREA_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define PLAN_AREA_MAX 200		/* areas of one version */
#define PLAN_AREA_NOTE_MAX 2000		/* bytes of a note */

/* One prioritised area: an area's key and a note (NULL or "": none). */
struct plan_area_in {
	const char *area;
	const char *note;
};

/*
 * plan_area_set: sets the area scope of draft version pv ("none", "some", "all") and replaces
 * its prioritised areas by areas[0..n). Each must be a neighbourhood or place of the plan's
 * district (its parent chain reaches the district), named once. Errors: LUP_EINVAL with *field
 * ("scope", "areas") and, for an area that is not one of the district's, *bad_area its key
 * (the message names it); scope "none" with areas is refused; LUP_ENOTFOUND, LUP_ECONFLICT
 * from plan_draft_check; store errors. *changed (may be NULL) is 0 when nothing differed.
 * Nothing is changed on error.
 */
int plan_area_set(struct store *st, const struct edit_actor *who, int64_t pv, const char *scope,
		  const struct plan_area_in *areas, int n, const char *source, int *changed, const char **field,
		  const char **bad_area, struct err *e);

#endif
