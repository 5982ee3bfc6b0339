/* deadline.h: the one write path of the annual wheel's deadlines (table deadline, 0021), shared
 * by the CLI (`lup deadline set|delete`), the API (PUT/DELETE /api/v1/deadlines/..., and
 * /api/v1/organisations/{key}/deadlines/...) and the Årshjul form (/arshjul).
 *
 * A deadline is the day a report (T1, T2 or the verksamhetsberättelse, kind FY, written VB) of a
 * year is due: the city's (org 0, level "city") or an organisation's earlier internal one for
 * one of its levels ("unit", "administration", "committee": the report goes from the unit to the
 * administration to the committee before it reaches the city).
 *
 * Rules:
 *   - Who: the city's deadlines, the city office (role city) and administrators; an
 *     organisation's internal deadlines, also the organisation's editors (or its pair's:
 *     authz_attach_org). The CLI (u NULL) is the machine's operator and may do all.
 *   - What: due is a real calendar date (YYYY-MM-DD) in the report's year or the next one (the
 *     verksamhetsberättelse is due in the spring after).
 *   - Order: an organisation's internal deadlines run unit <= administration <= committee <= the
 *     city's deadline (when the city has set one). A city deadline moved before an internal one
 *     already set is refused, naming that organisation (it moves its own first).
 * Every write is one transaction with its audit entry (entity "deadline": year, kind, org,
 * level, due). Refusals name the field ("due", "kind", "level", "org") with a Swedish and an
 * English message, so the form and the API word them each in their language.
 */
#ifndef LUP_EDIT_DEADLINE_H
#define LUP_EDIT_DEADLINE_H

#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct http_user;
struct store;

/* Which deadline: the report's year and kind ("T1", "T2", "FY"; wheel_kind parses VB), the
 * organisation (0: the city's) and the level ("city" for the city's; NULL reads as "city"). */
struct deadline_key {
	long year;
	const char *kind;
	int64_t org;
	const char *level;
};

/* Why a write was refused. forbidden: the caller may not write it (the API's 403). Else field
 * names what is wrong and sv/en say why. */
struct deadline_fail {
	int forbidden;
	const char *field;
	char sv[300], en[300];
};

/* deadline_may_write: may u (NULL: the CLI) write deadlines of organisation org (0: the city's)?
 * Returns 1, 0, or -1 for a store error in e. */
int deadline_may_write(const struct http_user *u, struct store *st, int64_t org, struct err *e);

/*
 * deadline_set: sets the deadline k to due (see the rules at the top), creating or changing it.
 * *id gets its id; *changed (may be NULL) is 0 when it was so already (nothing audited). Errors:
 * LUP_EINVAL with *f filled (forbidden, or the field and why); store errors in e. Nothing is
 * changed on error.
 */
int deadline_set(struct store *st, const struct edit_actor *who, const struct http_user *u,
		 const struct deadline_key *k, const char *due, int64_t *id, int *changed, struct deadline_fail *f,
		 struct err *e);

/*
 * deadline_delete: removes the deadline k. LUP_ENOTFOUND when there is none; LUP_EINVAL with *f
 * for a bad key or a caller who may not; store errors in e.
 */
int deadline_delete(struct store *st, const struct edit_actor *who, const struct http_user *u,
		    const struct deadline_key *k, struct deadline_fail *f, struct err *e);

/*
 * deadline_set_in, deadline_delete_in: as deadline_set and deadline_delete, inside the caller's
 * open write transaction, so that several deadlines (a form's fields) change together or not at
 * all: on an error nothing of this call is written, and the caller rolls the whole back.
 */
int deadline_set_in(struct store *st, const struct edit_actor *who, const struct http_user *u,
		    const struct deadline_key *k, const char *due, int64_t *id, int *changed, struct deadline_fail *f,
		    struct err *e);
int deadline_delete_in(struct store *st, const struct edit_actor *who, const struct http_user *u,
		       const struct deadline_key *k, struct deadline_fail *f, struct err *e);

#endif
