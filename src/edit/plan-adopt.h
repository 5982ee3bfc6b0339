/* plan-adopt.h: adopting a plan version, the one write path that records a plan's decision
 * (called by `lup plan adopt`, POST /api/v1/plans/{key}/versions/{n}/adopt and the "Anta" form
 * of /stadsdel/{key}). No HTTP here: callers turn the result into an exit status, a JSON error
 * or a Swedish message at the form's field.
 *
 * Adoption records the decision of the plan's owner (its committee): the date of the meeting,
 * the paragraph of the minutes (§) and the diarienummer. Only a draft is adopted; it becomes
 * 'decided' and frozen (model/planver.h), and the plan's previously adopted version becomes
 * 'superseded'. One transaction, with an audit entry for each version changed.
 *
 * Who may adopt: an administrator; an editor of the plan's owner or of the owner's committee/
 * administration pair (authz_member); the command line (u == NULL: the operator).
 */
#ifndef LUP_EDIT_PLAN_ADOPT_H
#define LUP_EDIT_PLAN_ADOPT_H

#include <stdint.h>

struct err;
struct store;
struct http_user;

/* What to adopt. The strings are borrowed. */
struct plan_adopt_in {
	const char *plan;		/* the plan's key */
	long version;			/* its version number (>= 1) */
	const char *date;		/* the decision's date, YYYY-MM-DD, not in the future */
	const char *paragraph;		/* the paragraph of the minutes: non-empty, PLANVER_PARAGRAPH_MAX */
	const char *dnr;		/* the diarienummer: non-empty, PLANVER_DNR_MAX */
};

/* The outcome of plan_adopt. */
enum plan_adopt_rc {
	PLAN_ADOPT_OK = 0,
	PLAN_ADOPT_INVALID,	/* a field is wrong: field names it ("date", "paragraph", "dnr", "version") */
	PLAN_ADOPT_NOTFOUND,	/* no such plan or version */
	PLAN_ADOPT_FORBIDDEN,	/* the user may not adopt the owner's plans */
	PLAN_ADOPT_CONFLICT,	/* the version is not a draft (adopted already, or superseded) */
	PLAN_ADOPT_STORE,	/* the database failed: see e */
};

struct plan_adopt_out {
	enum plan_adopt_rc rc;
	const char *field;	/* PLAN_ADOPT_INVALID: the field's name, else NULL */
	char msg[256];		/* English: what went wrong (the CLI, the API) */
	char msg_sv[256];	/* Swedish: the same, for the form */
	int64_t version_id;	/* the version's id (when found) */
	int64_t superseded;	/* PLAN_ADOPT_OK: the version number superseded, or 0 */
};

/*
 * plan_adopt: adopts in->version of plan in->plan in st for user u (NULL: the command line)
 * acting as actor (the audit entry's name), with today (YYYYMMDD) the latest allowed date.
 * Checks, in this order: the fields, the plan and version exist, u may adopt, the version is a
 * draft. Returns out->rc; on PLAN_ADOPT_OK the change is committed, else nothing is written.
 * Opens and ends its own transaction (none may be open).
 */
enum plan_adopt_rc plan_adopt(struct store *st, const struct http_user *u, const char *actor,
			      const struct plan_adopt_in *in, int today, struct plan_adopt_out *out, struct err *e);

/* plan_today: today's date in local time as YYYYMMDD. */
int plan_today(void);

#endif
