/* report.h: the one write path of follow-up reports (T1, T2, VB), shared by the API
 * (/api/v1/reports...), the forms (/uppfoljning...) and every later caller. The rules live here
 * and only here (docs/web-follow-cycle.md words them for users):
 *
 *   - Status: draft -> submitted (an editor of the organisation) -> approved or returned (the city
 *     office: role city, or an administrator); a returned report is edited and submitted again;
 *     an approved one is frozen. Assessments, activity statuses and the forecast are written
 *     while the report is a draft or returned.
 *   - Who: the editor steps (create, save, delete, submit, decision) are for editors of the
 *     report's organisation or its pair and administrators; return and approve for the city
 *     office and administrators; the setting committee_decision for the city office and
 *     administrators.
 *   - References: an assessed goal is one of the report's goals (view/report.h: the nämndmål of
 *     the organisation or its pair for the year); an activity is one of the report's
 *     (STMT_WEB_FOLLOW_REPORT_ACTIVITY).
 *   - An assessment that differs from the suggested one needs an analysis that says something:
 *     at least REPORT_TEXT_MIN letters or digits (report_text_says_something). "none" (Ej bedömt)
 *     always needs a reason under the same minimum, kept in the analysis.
 *   - Submit is refused while a goal of the report is unassessed: no assessment, or "none"
 *     without a reason (field "goals"); with committee_decision 'before', also while the
 *     committee's decision is not recorded (field "decision").
 *   - Every step is kept in report_event (created, submitted, returned with its required comment,
 *     approved with its optional comment, decision with the meeting's date and paragraph).
 *   - The committee's decision (date YYYY-MM-DD, paragraph such as "§ 12"): setting
 *     committee_decision 'before' allows it while the report is a draft or returned, 'after' only
 *     once it is approved, 'either' in any status.
 *   - Carry-over: creating the T2 report starts from the organisation's T1 report of the year
 *     (its assessments, analyses and activity statuses), the VB (FY) from the T2 report; each
 *     copied row is marked carried until it is written again.
 *
 * Each function writes in one transaction with its audit entry (entity "report", the report as
 * GET /api/v1/reports/{id} shows it, before and after; entity "setting" for the setting). On a
 * refusal nothing is changed and *f says why, the field, and a Swedish message; e->msg holds the
 * English one.
 */
#ifndef LUP_EDIT_REPORT_H
#define LUP_EDIT_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "edit/account.h"	/* struct edit_actor */

struct err;
struct store;

#define REPORT_TEXT_MAX 20000	/* bytes of an analysis, reason, comment or forecast */
#define REPORT_TEXT_MIN 10	/* letters or digits an analysis or "Ej bedömt" reason must hold */
#define REPORT_PARAGRAPH_MAX 40	/* bytes of a decision's paragraph */

/* The caller's role, in the order of the server's (web/http.h enum role). */
enum report_role { REPORT_ROLE_ANON, REPORT_ROLE_READER, REPORT_ROLE_EDITOR, REPORT_ROLE_CITY, REPORT_ROLE_ADMIN };

/* Who acts: the user (for the audit and the history), its role and organisation (and pair).
 * check_before, when set, is called with the report as read before the write (the JSON the
 * audit keeps); non-zero refuses the write with REPORT_W_PRECONDITION (the API's If-Match). */
struct report_caller {
	struct edit_actor actor;
	enum report_role role;
	int64_t org, org_pair;
	int (*check_before)(void *ctx, const char *before);
	void *ctx;
};

/* Why a write was refused. */
enum report_why {
	REPORT_W_FIELD,		/* bad input: field (and ref) name it (LUP_EINVAL) */
	REPORT_W_FORBIDDEN,	/* the caller may not (LUP_EINVAL) */
	REPORT_W_STATUS,	/* the report's status does not allow the step (LUP_ECONFLICT) */
	REPORT_W_NOTFOUND,	/* no such report (LUP_ENOTFOUND) */
	REPORT_W_EXISTS,	/* a report of the organisation and period exists (LUP_ECONFLICT) */
	REPORT_W_PRECONDITION,	/* check_before refused (LUP_ECONFLICT) */
	REPORT_W_STORE,		/* the store failed (its code) */
};

/* A refusal: why, the field in the API's words ("assessment", "analysis", "goal", "goals",
 * "activity", "status", "comment", "forecast", "date", "paragraph", "decision", "value", "org",
 * "period"), the goal or activity id it concerns (0: none) and the message in Swedish. */
struct report_fail {
	enum report_why why;
	const char *field;
	int64_t ref;
	char sv[600];
};

/* One goal's assessment to write. */
struct report_goal_in {
	int64_t goal;
	const char *assessment;		/* fulfilled, partly, not, none */
	const char *analysis;		/* NULL or "": none */
};

/* One activity's status in the report to write, or to clear (the report then records nothing). */
struct report_act_in {
	int64_t activity;
	const char *status;		/* model/status.h act_status_codes (ignored when clear) */
	const char *comment;		/* NULL or "": none */
	int clear;
};

/* What report_save writes: the goals, the activities and (with set_forecast) the forecast. A row
 * equal to what the report holds is not written (its carried mark stays). */
struct report_save_in {
	const struct report_goal_in *goals;
	int ngoals;
	const struct report_act_in *acts;
	int nacts;
	const char *forecast;		/* NULL or "": none */
	int set_forecast;
};

/* report_text_says_something: 1 when s holds at least REPORT_TEXT_MIN letters or digits (every
 * character beyond ASCII counts as a letter), else 0. */
int report_text_says_something(const char *s);

/*
 * report_create: a draft report of organisation org (an id) for period (as model_period_parse
 * reads it: "2026-T2", "VB 2026"), with its 'created' event and the carry-over from the previous
 * report of the year. *id gets the report's id. Errors: REPORT_W_FIELD ("period"),
 * REPORT_W_FORBIDDEN, REPORT_W_EXISTS.
 */
int report_create(struct store *st, const struct report_caller *who, int64_t org, const char *period,
		  int64_t *id, struct report_fail *f, struct err *e);

/*
 * report_save: writes in's goals, activities and forecast into report id (a draft or returned).
 * *changed (may be NULL) counts the rows written; with none, nothing is audited.
 */
int report_save(struct store *st, const struct report_caller *who, int64_t id, const struct report_save_in *in,
		int *changed, struct report_fail *f, struct err *e);

/* report_delete: deletes report id, a draft with nothing written since it was created (carried
 * rows do not count). REPORT_W_STATUS otherwise. */
int report_delete(struct store *st, const struct report_caller *who, int64_t id, struct report_fail *f,
		  struct err *e);

/* report_submit: submits report id (draft or returned) under the rules at the top. */
int report_submit(struct store *st, const struct report_caller *who, int64_t id, struct report_fail *f,
		  struct err *e);

/* report_return: returns submitted report id with comment (required, REPORT_TEXT_MIN). */
int report_return(struct store *st, const struct report_caller *who, int64_t id, const char *comment,
		  struct report_fail *f, struct err *e);

/* report_approve: approves submitted report id; comment is optional (NULL or ""). */
int report_approve(struct store *st, const struct report_caller *who, int64_t id, const char *comment,
		   struct report_fail *f, struct err *e);

/* report_decision: records the committee's decision on report id: the meeting's date
 * (YYYY-MM-DD, a real date) and paragraph (1..REPORT_PARAGRAPH_MAX bytes), when the setting
 * committee_decision allows it in the report's status. */
int report_decision(struct store *st, const struct report_caller *who, int64_t id, const char *date,
		    const char *paragraph, struct report_fail *f, struct err *e);

/* report_committee_setting: the setting committee_decision ("before", "after" or "either") into
 * out (at least 8 bytes). Returns LUP_OK or a store error. */
int report_committee_setting(struct store *st, char *out, size_t outsz, struct err *e);

/* report_set_committee_setting: sets committee_decision to value (city office and
 * administrators); *changed (may be NULL) is 0 when it was so already (nothing audited).
 * Errors: REPORT_W_FIELD ("value"), REPORT_W_FORBIDDEN. */
int report_set_committee_setting(struct store *st, const struct report_caller *who, const char *value,
				 int *changed, struct report_fail *f, struct err *e);

#endif
