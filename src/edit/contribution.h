/* contribution.h: the one write path of contributions, shared by the API (/api/v1/contributions)
 * and the forms (/stadsdel/{key}/bidrag/...).
 *
 * A contribution is what another organisation (a specialist committee or administration, a
 * company, ...) does for a district's local development programme: an activity of that
 * organisation's contribution plan (plan.kind 'contribution', the model is the seeds'
 * Socialförvaltningen plan) with its role (model/status.h act_role_codes), the districts it
 * serves, and the measure and/or LUP goal of the district's LUP it contributes to.
 *
 * Rules:
 *   - What it names: a measure or a LUP goal (level 'lup') of the ADOPTED version (status
 *     'decided') of a district's LUP. A measure or goal that exists only in a draft cannot be
 *     contributed to until the draft is adopted (rule CONTRIB_R_DRAFT_ONLY); one of a replaced
 *     version neither (CONTRIB_R_SUPERSEDED). Measure and goal, when both are named, are of the
 *     same LUP. The districts it serves include that LUP's district (by default: only it).
 *   - Across LUP versions: the contribution names the row of the version adopted when it was
 *     written; pages and the API show it on every version of that LUP that has a row with the
 *     same identity (COALESCE(ident, key), schema 0014), so `lup plan new-version` + adoption
 *     keeps it attached without rewriting it. A change that names the measure again names the
 *     current adopted version's row.
 *   - Where it is written: the newest contribution plan of the contributor or its
 *     committee/administration pair; into its draft when it has one, else into its newest
 *     adopted version while that is not frozen (model/planver.h: a plan imported as decided stays
 *     editable until its first adoption in lup). A frozen version: LUP_ECONFLICT (the caller's
 *     409: create a new version of the contribution plan). An organisation without a contribution
 *     plan gets one for the current year with a draft version 1 (public once adopted, like every
 *     plan). A change or removal is of the version the contribution is in, under the same rule.
 *   - Who contributes: not a district committee or administration (CONTRIB_R_DISTRICT_ORG:
 *     their own work is their LUP). Authorisation is the caller's (the contributor's editors
 *     and administrators: web/authz.h authz_attach_org of the owner).
 * Every write is one transaction with its audit entry (entity "activity").
 */
#ifndef LUP_EDIT_CONTRIBUTION_H
#define LUP_EDIT_CONTRIBUTION_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define CONTRIB_NAME_MAX 2000		/* bytes of a title */
#define CONTRIB_TEXT_MAX 20000		/* bytes of a description */
#define CONTRIB_DATE_MAX 32		/* bytes of a start or end as written */
#define CONTRIB_REF_MAX 200		/* bytes of a measure's, goal's or district's id or key */
#define CONTRIB_DISTRICTS_MAX 64

/* Why a field is refused (the callers word it: the API in English, the forms in Swedish). */
enum contrib_rule {
	CONTRIB_R_REQUIRED,	/* missing */
	CONTRIB_R_TOO_LONG,
	CONTRIB_R_CHOICE,	/* status or role not one of its codes */
	CONTRIB_R_DATE,		/* start or end not a date as plans write them */
	CONTRIB_R_ORDER,	/* the end before the start */
	CONTRIB_R_UNKNOWN,	/* names nothing */
	CONTRIB_R_NOT_LUP,	/* a goal that is not a LUP goal of a LUP */
	CONTRIB_R_DRAFT_ONLY,	/* a measure or goal of a draft only */
	CONTRIB_R_SUPERSEDED,	/* a measure or goal of a replaced version */
	CONTRIB_R_MISMATCH,	/* measure and goal of different LUPs */
	CONTRIB_R_DISTRICT,	/* the districts leave out the LUP's district */
	CONTRIB_R_DISTRICT_ORG,	/* the contributor is a district committee or administration */
};

/* A refused field: its API name ("name", "measure", "districts", ...) and why. */
struct contrib_fail {
	const char *field;
	enum contrib_rule rule;
};

/* What to write. For contrib_change, each part is written only when its set_ flag is on; for
 * contrib_add every part is read (name and role are required, and a measure or a goal). */
struct contrib_in {
	const char *name;
	const char *description;	/* NULL or "": none */
	const char *start, *end;	/* as plans write them ("2026-03", "ht 2026"); NULL or "": open */
	const char *status;		/* act_status_codes; NULL: "planned" (change: unchanged) */
	const char *role;		/* act_role_codes */
	const char *measure, *goal;	/* id or key; NULL or "": none */
	const char *const *districts;	/* keys (or names, aliases) of areas */
	int ndistricts;
	int set_name, set_description, set_start, set_end, set_status, set_role, set_measure, set_goal,
	    set_districts;
	const char *source;		/* "api", "web" */
};

/* contrib_rule_en: the English text of rule r ("is required", ...). */
const char *contrib_rule_en(enum contrib_rule r);

/*
 * contrib_add: writes a new contribution of organisation org as in says (see the rules at the
 * top). *id gets its activity id. Errors: LUP_EINVAL with *f naming the field and the rule;
 * LUP_ECONFLICT when the contribution plan's version is frozen; store errors; e set. Nothing is
 * changed on error.
 */
int contrib_add(struct store *st, const struct edit_actor *who, int64_t org, const struct contrib_in *in,
		int64_t *id, struct contrib_fail *f, struct err *e);

/*
 * contrib_change: changes contribution id as in says. *changed (may be NULL) is 0 when nothing
 * differed (nothing audited). The errors of contrib_add, and LUP_ENOTFOUND when id is no
 * contribution.
 */
int contrib_change(struct store *st, const struct edit_actor *who, int64_t id, const struct contrib_in *in,
		   int *changed, struct contrib_fail *f, struct err *e);

/*
 * contrib_remove: removes contribution id with its districts. LUP_ENOTFOUND when id is no
 * contribution; LUP_ECONFLICT when its version is frozen or a follow-up report records it.
 */
int contrib_remove(struct store *st, const struct edit_actor *who, int64_t id, struct err *e);

/*
 * contrib_owner: the owner organisation of contribution id into *owner (0 when id is no
 * contribution: an activity of no contribution plan, or none at all). Returns LUP_OK or a store
 * error in e.
 */
int contrib_owner(struct store *st, int64_t id, int64_t *owner, struct err *e);

/*
 * contrib_district_org: *yes = 1 when organisation org is a district committee or administration
 * (who does not write contributions), else 0 (also for no organisation). Returns LUP_OK or a
 * store error in e.
 */
int contrib_district_org(struct store *st, int64_t org, int *yes, struct err *e);

#endif
