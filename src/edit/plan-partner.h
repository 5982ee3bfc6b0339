/* plan-partner.h: the one write path of a plan version's partners (samverkansparter), shared by
 * the API (/api/v1/plans/{key}/versions/{n}/partners...) and the form page (/plan/{key}/
 * version/{n}/parter): add, change and remove a registry organisation or a named partner outside
 * the registry (an association, a business, the residents), each with its group and label. Each
 * function checks the frozen rule (plan_draft_check) and writes in one transaction with its
 * audit entry; authorisation is the caller's. A partner that a measure of the version uses (as
 * itself, or as the same registry organisation) is not removed. */
#ifndef LUP_EDIT_PLAN_PARTNER_H
#define LUP_EDIT_PLAN_PARTNER_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define PLAN_PARTNER_LABEL_MAX 200	/* bytes of a label */

/* What to write. For plan_partner_change, each part is written only when its set_ flag is on. */
struct plan_partner_in {
	const char *org;		/* a registry organisation's key; NULL or "": none */
	int set_org;
	const char *group;		/* specialist|district|company|state|region|civil_society|business|
					 * residents|other */
	int set_group;
	const char *label;		/* one line; NULL or "" with org: the organisation's name */
	int set_label;
	const char *source;		/* "api", "web" */
};

/* The groups' machine names, NULL-terminated. */
extern const char *const plan_partner_groups[];

/*
 * plan_partner_add: adds a partner to draft version pv; *id gets its id. A partner without org
 * needs a label; labels are unique within the version whatever their case, and so is an
 * organisation. Errors: LUP_EINVAL with *field ("org", "group", "label"); the errors of
 * plan_draft_check; store errors. Nothing is changed on error.
 */
int plan_partner_add(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_partner_in *in,
		     int64_t *id, const char **field, struct err *e);

/* plan_partner_change: changes partner id of draft version pv. The errors of plan_partner_add,
 * and LUP_ENOTFOUND when id is not a partner of pv. */
int plan_partner_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
			const struct plan_partner_in *in, const char **field, struct err *e);

/*
 * plan_partner_remove: removes partner id of draft version pv. When measures of the version use
 * it: LUP_ECONFLICT, nothing changed, and *users (may be NULL; malloc'd, the caller frees) holds
 * their titles as "«A», «B»". Plus LUP_ENOTFOUND and the errors of plan_draft_check.
 */
int plan_partner_remove(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, char **users,
			struct err *e);

#endif
