/* api-create.h: creating goals, indicators and activities and deleting an activity, shared by
 * the API's handlers (POST /api/v1/goals, /api/v1/indicators, /api/v1/activities and DELETE
 * /api/v1/activities/{id}) and the web forms (page-new-*.c, page-edit-activity-delete.c): one
 * set of field limits and checks, the same look-up of what a new thing refers to, authz_org for
 * the owning organisation, authz_attach_goal (web/authz.h) for the goal an activity hangs on and
 * a new goal's parent, one transaction with its audit entry (the new thing's JSON after, or the
 * deleted one's before).
 *
 * The creating functions return 201 when the thing is written (the answer is its JSON with its
 * ETag, as the API gives it; a form replaces it with a redirect), 422 with the broken rules in
 * the caller's struct api_violations and nothing answered (each caller words them: the API in
 * English, a form in Swedish at its fields), or another status already answered as JSON (401
 * and 403 from authz_org, 403 naming the field for a goal or parent of another organisation,
 * 500 for a store error; a form turns those into a page with form_fail_page).
 *
 * The rules are checked in two rounds: the fields themselves (required, lengths, choices,
 * ranges, dates), then, only when they hold, what they refer to (owner, parent goal, goal,
 * districts) and the goal chain's levels.
 */
#ifndef LUP_API_CREATE_H
#define LUP_API_CREATE_H

#include <stddef.h>
#include <stdint.h>

#include "web/http.h"

/* Field limits in bytes: the API's field tables (body_parse) and the forms use the same. */
#define API_REF_MAX 200			/* an id, key or name of something referred to */
#define API_TEXT_MAX 20000		/* descriptions */
#define API_GOAL_NAME_MAX 500
#define API_GOAL_NUMBER_MAX 20
#define API_INDICATOR_NAME_MAX 1000
#define API_UNIT_MAX 40
#define API_ACTIVITY_NAME_MAX 2000
#define API_DATE_MAX 32
#define API_MAX_DISTRICTS 64
#define API_GOAL_RESULT_MAX 1000	/* one expected result */
#define API_GOAL_RESULTS_MAX 30		/* expected results of a goal */

/* A broken rule of a new thing. */
enum api_rule {
	API_RULE_REQUIRED,	/* missing or empty */
	API_RULE_TOO_LONG,	/* longer than the field's limit (limit) */
	API_RULE_RANGE,		/* a number outside its range */
	API_RULE_CHOICE,	/* not one of the field's values */
	API_RULE_UNKNOWN,	/* refers to nothing known */
	API_RULE_LEVEL,		/* a goal that cannot sit under the parent's level */
	API_RULE_DATE,		/* not a date as plans write them */
	API_RULE_ORDER,		/* the end lies before the start */
};

#define API_MAX_VIOLATIONS 16

/* The broken rules of a request, in the order found (more than API_MAX_VIOLATIONS are dropped). */
struct api_violations {
	int n;
	const char *field[API_MAX_VIOLATIONS];	/* the API's field name: "name", "parent", "end" */
	enum api_rule rule[API_MAX_VIOLATIONS];
	size_t limit[API_MAX_VIOLATIONS];	/* API_RULE_TOO_LONG: the limit in bytes */
	const char *msg[API_MAX_VIOLATIONS];	/* English, as the API answers it (in the arena) */
};

/* api_violation: adds a broken rule of field with a printf-formatted English message. */
void api_violation(struct http_req *r, struct api_violations *v, const char *field, enum api_rule rule,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* api_violation_of: the index of the first violation of field (and rule, when rule >= 0), or -1. */
int api_violation_of(const struct api_violations *v, const char *field, int rule);

/* api_violations_reply: answers 422 with v as the API's list of field errors; returns 422. */
int api_violations_reply(struct http_req *r, const struct api_violations *v);

/* api_check_text: adds REQUIRED when required and s is NULL or empty, TOO_LONG (with the
 * limit) when s is longer than max bytes. */
void api_check_text(struct http_req *r, struct api_violations *v, const char *field, const char *s,
		    int required, size_t max);

/* api_check_choice: adds CHOICE when s is given and is not one of values (NULL-terminated). */
void api_check_choice(struct http_req *r, struct api_violations *v, const char *field, const char *s,
		      const char *const *values);

/* api_new_key: "<source>-<infix><16 random hex digits>" in the request arena
 * ("api-goal-0123..." for source "api" and infix "goal-"). */
const char *api_new_key(struct http_req *r, const char *source, const char *infix);

/* A new nämndmål or LUP goal. Strings may be NULL where the field is optional. */
struct api_goal_new {
	const char *level;		/* "namndmal" or "lup" */
	const char *parent;		/* the parent goal's id or key (a nämndmål's: a KF goal), or NULL */
	const char *name;
	const char *description;
	const char *number;
	const char *owner;		/* the owner's id or key; NULL: the caller's organisation */
	long year;			/* 1900-2999 */
	const char *source;		/* "api" or "webb": the goal's source and its key's prefix */
	int parent_required;		/* a nämndmål must name its parent (the form's rule; the API's
					 * nämndmål may stand alone) */
	int page;			/* answer a frozen plan version (409) with the Swedish page */
};

/* api_goal_create: checks and writes a new goal (see the top of this file); *id is its id
 * when 201 is returned. */
int api_goal_create(struct http_req *r, const struct api_goal_new *in, struct api_violations *v, int64_t *id);

/* A new indicator under a goal; it belongs to the goal's owner. */
struct api_indicator_new {
	const char *goal;		/* the goal's id or key */
	const char *name;
	const char *unit;		/* or NULL */
	const char *direction;		/* "higher", "lower", "none"; NULL: "none" */
	const char *periodicity;	/* "tertial", "year", "month", "quarter"; NULL: "year" */
	const char *source;		/* "api" or "webb" */
	int page;			/* answer a frozen goal (409) with the Swedish page, not JSON */
	int by_sex, by_area;		/* the flags (docs/indicators.md); 0: not divided */
	const char *kolada_kpi;		/* a Kolada KPI id (model_kolada_kpi_valid), or NULL */
};

/* The choices of an indicator's direction and periodicity (NULL-terminated). */
extern const char *const api_indicator_directions[], *const api_indicator_periodicities[];

/* api_indicator_create: checks and writes a new indicator; *id as for api_goal_create. */
int api_indicator_create(struct http_req *r, const struct api_indicator_new *in, struct api_violations *v,
			 int64_t *id);

/* A new activity. */
struct api_activity_new {
	const char *name;
	const char *description;
	const char *start, *end;	/* as written in plans ("2022-03-01", "2022-03", "ht 2022"), or NULL */
	const char *status;		/* act_status_codes (model/status.h); NULL: "planned" */
	const char *role;		/* act_role_codes, or NULL */
	const char *owner;		/* the owner's key, name or alias; NULL: the caller's organisation */
	const char *goal;		/* the goal's id or key, or NULL */
	const char *const *districts;	/* keys, names or aliases of areas */
	int ndistricts;			/* at most API_MAX_DISTRICTS */
	const char *source;		/* "api" or "webb" */
};


/* api_activity_create: checks and writes a new activity; *id as for api_goal_create. */
int api_activity_create(struct http_req *r, const struct api_activity_new *in, struct api_violations *v,
			int64_t *id);

/*
 * api_activity_remove: deletes activity id (its districts and partners go with it) under
 * api_write_begin's rules (404, authz_org of the owner, If-Match), with an audit entry holding
 * its JSON before. Returns 204, or the status already answered (409 when a follow-up report
 * still records the activity).
 */
int api_activity_remove(struct http_req *r, int64_t id);

/*
 * The nämndmål of a plan (api-goal-edit.c). A nämndmål's number is its place in its plan
 * ("Nämndmål 3"): numbered through the plan (its owner's verksamhetsplan version; outside any,
 * the owner's nämndmål of the year), as the dataset's keys count them (nm-01 ... nm-20).
 */

/* api_goal_results_check: adds the broken rules of expected results texts[0..n) ("results"). */
void api_goal_results_check(struct http_req *r, struct api_violations *v, const char *const *texts, int n);

/* api_goal_results_set: in r's open transaction, replaces goal id's expected results by
 * texts[0..n) in that order. Returns LUP_OK or a store error in r->err (nothing answered). */
int api_goal_results_set(struct http_req *r, int64_t id, const char *const *texts, int n, const char *source);

/* api_goal_place: in r's open transaction, after nämndmål id (of owner, year) is written: it
 * joins the owner's verksamhetsplan holding the year (its draft, else its newest version) and,
 * unless it has a number, gets the next number of that plan. Returns 0, or the status answered
 * (the transaction rolled back): 409 when that version is frozen (the Swedish page when page). */
int api_goal_place(struct http_req *r, int64_t id, int64_t owner, long year, int page);

/* api_goal_siblings: the nämndmål of goal id's plan in their order (itself among them) into
 * *ids (arena). LUP_OK or a store error in r->err. */
int api_goal_siblings(struct http_req *r, int64_t id, int64_t **ids, int *n);

/*
 * api_goal_order: renumbers the nämndmål of one plan 1..n in the order ids[0..n) (each of the
 * plan's nämndmål exactly once; pv non-zero: the plan version they must belong to), in one
 * transaction with an audit entry per goal whose number changes. Returns 0 without answering,
 * or the status answered: 422 (not a permutation of one plan's nämndmål), 401/403 (authz_org
 * of the owner), 409 (frozen), 500; in Swedish pages when page is non-zero.
 */
int api_goal_order(struct http_req *r, int64_t pv, const int64_t *ids, int n, int page);

/*
 * api_goal_remove: deletes goal id (its expected results go with it) under api_write_begin's
 * rules, and closes up the numbers of its plan's nämndmål after it. Refused with 409 while a
 * follow-up report assesses it, an indicator under it has outcomes, or goals sit under it; its
 * indicators and activities are moved to move_to (another goal of the same owner; 422
 * otherwise) when given, else 409 while it has any. Returns 204 or the status answered (the
 * refusals as Swedish pages when page is non-zero).
 */
int api_goal_remove(struct http_req *r, int64_t id, int64_t move_to, int page);

struct plan_rollover_out;

/* api_plan_rollover_run: next year's verksamhetsplan from plan key (edit/plan-rollover.h) for
 * the owner's editors and administrators (authz_org). Returns 0 with *out filled, or the status
 * answered as JSON: 404 (no plan), 401/403, 422 (not a verksamhetsplan, a bad year), 409 (the
 * plan of the year exists), 500. */
int api_plan_rollover_run(struct http_req *r, const char *key, int year, struct plan_rollover_out *out);

#endif
