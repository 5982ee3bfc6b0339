/* api.h: the API's handlers (one file per resource, api-*.c) and what they share. */
#ifndef LUP_API_H
#define LUP_API_H

#include <stdint.h>

#include "web/http.h"
#include "edit/report.h"

struct kind;
struct kind_bound;

/* api_snapshot: the JSON of entity id of kind k (as GET returns it) into *json (arena), or
 * *json = NULL when it does not exist. Returns LUP_OK or a store error in r->err. */
int api_snapshot(struct http_req *r, const struct kind *k, int64_t id, char **json);
/* api_snapshot_key: api_snapshot of the entity that text names (render/entity.h
 * entity_load_key, last as there), its id in *id (0 when none; *json NULL then). */
int api_snapshot_key(struct http_req *r, const struct kind *k, const char *text, int last, int64_t *id,
		     char **json);

/* api_etag: the strong ETag of a representation ("\"<32 hex>\"") into out (40 bytes): its
 * 128-bit XXH3 hash (a tag that changes with every byte, not a secret: fast on large views). */
void api_etag(const char *json, char out[40]);

/* api_page_close: closes a paged list's open "items" array and writes its "total", "limit" and
 * "offset" members and the closing brace of the object (the list envelope of docs/api.md). */
struct json;
void api_page_close(struct json *j, int64_t total, long limit, long offset);

/* api_if_match: when the request has If-Match and it differs from the ETag of current, answers
 * 412 and returns it; else 0. */
int api_if_match(struct http_req *r, const char *current);

/* api_audit: records a write (action insert/update/delete) by the caller, in the open
 * transaction, through audit_write (store/audit.h): before and after may be the thing's whole
 * JSON; the entry keeps its own fields, of an update only what changed. Returns LUP_OK or a
 * store error. */
int api_audit(struct http_req *r, const char *action, const char *entity, int64_t id,
	      const char *before, const char *after);

/* api_id_param: the route's param i as a positive id, or resolved through lookup statement s
 * when it is a key (s may be STMT__MAX: ids only). *id 0 answers 404 and returns it. */
int api_id_param(struct http_req *r, int i, int s, const char *what, int64_t *id);

/* api_reply_snapshot: answers status with the JSON text and its ETag. */
int api_reply_snapshot(struct http_req *r, int status, const char *json);

/* api_reply_read: answers a GET with the JSON text and its ETag: 304 without a body when the
 * request's If-None-Match names that ETag, else 200. Returns the status. */
int api_reply_read(struct http_req *r, const char *json);

/* api_reply_written: api_reply_read for a representation a handler wrote straight into r->out
 * (whole: the ETag is of those bytes): 304 with the body dropped when If-None-Match names its
 * ETag, else 200 as JSON. Returns the status. */
int api_reply_written(struct http_req *r);

/* api_password_change: sets the logged-in caller's password to new_pw (its length checked by
 * the caller) once current is right (auth_recheck_password: 403, 429), ends the caller's other
 * sessions (all of them when it came with a token; *ended gets their number) and audits it,
 * in one transaction. Returns 0 without answering, or the status answered (JSON). */
int api_password_change(struct http_req *r, const char *current, const char *new_pw, int *ended);

/* api_commit: commits the write transaction or answers the error; returns 0 or the status. */
int api_commit(struct http_req *r);

/* Handlers. */
int api_healthz(struct http_req *r);
int api_period_reopen(struct http_req *r);
int api_period_locks(struct http_req *r);
int api_view_todo(struct http_req *r);
int api_openapi(struct http_req *r);
int api_entity_list(struct http_req *r);
int api_entity_get(struct http_req *r);
/* api_allocation_list: GET /api/v1/allocations's page (limit rows from offset) of the
 * allocations that b's filters (kind_bind for the kind "allocations": org, district, year)
 * select, in the list's order, written from the rows (api_entity_list's answer, but
 * ?sort=): the same bytes as the generic list. Returns the status. */
int api_allocation_list(struct http_req *r, const struct kind_bound *b, long limit, long offset);
int api_login(struct http_req *r);
int api_logout(struct http_req *r);
int api_me(struct http_req *r);
int api_users_list(struct http_req *r);
int api_users_create(struct http_req *r);
int api_audit_list(struct http_req *r);
int api_goal_delete(struct http_req *r);
int api_plan_goal_order(struct http_req *r);
int api_plan_rollover(struct http_req *r);
int api_user_disable(struct http_req *r);
int api_user_enable(struct http_req *r);
int api_me_password(struct http_req *r);
int api_tokens_list(struct http_req *r);
int api_token_revoke(struct http_req *r);
int api_goal_patch(struct http_req *r);
int api_goal_chain(struct http_req *r);
int api_target_put(struct http_req *r);
int api_target_delete(struct http_req *r);
int api_outcome_post(struct http_req *r);
int api_comparison(struct http_req *r);
/* api_indicator_get: GET /api/v1/indicators/{id} for api_entity_get (k: the indicators' kind):
 * the entity API's document of the indicator, its outcomes read and written by
 * web/api-indicator-get.c. Returns the status. */
struct kind;
int api_indicator_get(struct http_req *r, const struct kind *k);
int api_activity_post(struct http_req *r);
int api_activity_patch(struct http_req *r);
int api_activity_delete(struct http_req *r);
int api_report_post(struct http_req *r);
int api_report_patch(struct http_req *r);
int api_assessment_put(struct http_req *r);
int api_report_submit(struct http_req *r);
int api_report_approve(struct http_req *r);
int api_report_return(struct http_req *r);
/* api_report_decision: POST /api/v1/reports/{id}/decision {"date", "paragraph"}: the committee's
 * decision (edit/report.h report_decision). */
int api_report_decision(struct http_req *r);
/* api_setting_committee_get/put: GET and PUT /api/v1/settings/committee_decision {"value"}. */
int api_setting_committee_get(struct http_req *r);
int api_setting_committee_put(struct http_req *r);
/* api_report_caller: the request's caller for edit/report.h, with the If-Match check of the
 * report as read before a write (a mismatch sets the ETag header). */
struct report_caller api_report_caller(struct http_req *r);
/* api_report_fail: answers a refusal of edit/report.h: 422 naming the field, 401/403, 404, 409,
 * 412, or the store's error. Returns the status. */
struct report_fail;
int api_report_fail(struct http_req *r, const struct report_fail *f);
/* api_report_delete: DELETE /api/v1/reports/{id}: deletes a report created by mistake, only while
 * it is a draft with nothing written (no assessment other than "none", no analysis, no activity
 * status, no forecast; its empty assessment rows go with it): 204; 409 otherwise; an editor of
 * the report's organisation (or its pair) or an administrator; audited as a delete. */
int api_report_delete(struct http_req *r);
/* GET /api/v1/reports/{id}/activities: the activities of the report's organisation for its
 * year, each with its status in the report (its own status, reported false, when the report
 * has none) and the report's comment on it; a strong ETag, If-None-Match gives 304. */
int api_report_activities(struct http_req *r);
/* PUT /api/v1/reports/{id}/activities/{activity}: {"status", "comment"}: the activity's status
 * in a draft or returned report, by an editor of the report's organisation (or an admin); the
 * rules, If-Match (the report's ETag) and the answer (the report) are those of an assessment. */
int api_report_activity_put(struct http_req *r);
/* DELETE /api/v1/reports/{id}/activities/{activity}: the report no longer records the activity
 * (it shows the activity's own status again); the rules and the answer are those of the PUT;
 * 404 when the report records nothing for it. */
int api_report_activity_delete(struct http_req *r);

/* GET /api/v1/plans/{key}/versions: the plan's versions with status and decision, oldest first;
 * drafts only for callers who may read them (authz_plan_draft_readable). 404 for no plan. */
int api_plan_versions(struct http_req *r);

/* POST /api/v1/plans/{key}/versions/{n}/adopt {date, paragraph, dnr}: adopts draft n
 * (edit/plan-adopt.h): 200 with the version; 422 naming a bad field, 404, 403, 409 when the
 * version is not a draft. */
int api_plan_adopt(struct http_req *r);

/* The annual wheel's deadlines (api-deadlines.c; the rules in edit/deadline.h). */
int api_deadlines_list(struct http_req *r);		/* GET /api/v1/deadlines[?year=&org=] */
int api_deadline_put(struct http_req *r);		/* PUT /api/v1/deadlines/{year}/{kind} */
int api_deadline_delete(struct http_req *r);		/* DELETE /api/v1/deadlines/{year}/{kind} */
int api_org_deadlines(struct http_req *r);		/* GET /api/v1/organisations/{key}/deadlines */
int api_org_deadlines_ics(struct http_req *r);		/* GET .../{key}/deadlines.ics (text/calendar) */
int api_org_deadline_put(struct http_req *r);		/* PUT .../{key}/deadlines/{year}/{kind}/{level} */
int api_org_deadline_delete(struct http_req *r);	/* DELETE .../{key}/deadlines/{year}/{kind}/{level} */

/* Contributions of other organisations to a district's LUP (api-contributions.c). */
int api_contribution_post(struct http_req *r);		/* POST /api/v1/contributions */
int api_contribution_patch(struct http_req *r);		/* PATCH /api/v1/contributions/{id} */
int api_contribution_delete(struct http_req *r);	/* DELETE /api/v1/contributions/{id} */
int api_district_contributions(struct http_req *r);	/* GET /api/v1/districts/{key}/contributions */
/* resources versus need (api-allocations.c) */
int api_allocation_post(struct http_req *r);		/* POST /api/v1/allocations */
int api_allocation_patch(struct http_req *r);		/* PATCH /api/v1/allocations/{id} */
int api_allocation_delete(struct http_req *r);		/* DELETE /api/v1/allocations/{id} */
int api_view_resources_need(struct http_req *r);	/* GET /api/v1/views/resources-need */
int api_need_indicators_get(struct http_req *r);	/* GET /api/v1/views/resources-need/indicators */
int api_need_indicators_put(struct http_req *r);	/* PUT /api/v1/views/resources-need/indicators */

#endif

/*
 * api_write_begin: starts a write on entity id of kind k owned by the organisation that
 * owner_stmt (id -> owner_id) gives: opens the transaction, loads the current representation
 * into *before (404 when missing), checks authz_org (401/403) and If-Match (412). Returns 0 with
 * the transaction open, or the status already answered (transaction rolled back).
 */
int api_write_begin(struct http_req *r, const struct kind *k, int64_t id, int owner_stmt, char **before);

/* api_write_end: loads the new representation, audits (action, before, after), commits and
 * answers it with status and its ETag (after == NULL for a delete: answers 204). Rolls back
 * and answers the error on failure. */
int api_write_end(struct http_req *r, const struct kind *k, const char *entity, const char *action,
		  int64_t id, const char *before, int status);

/* api_rollback_fail: rolls back and answers r->err. */
int api_rollback_fail(struct http_req *r);

/* api_id_lookup: an id from text that is a number or a key (lookup statement s); 0 if none. */
int api_id_lookup(struct http_req *r, const char *text, int s, int64_t *id);

/* A plan version's themes and prioritised areas (api-plan-themes.c). */
int api_pv_themes_get(struct http_req *r);
int api_pv_themes_post(struct http_req *r);
int api_pv_themes_order(struct http_req *r);
int api_pv_theme_get(struct http_req *r);
int api_pv_theme_patch(struct http_req *r);
int api_pv_theme_delete(struct http_req *r);
int api_pv_goals_get(struct http_req *r);
int api_pv_goals_post(struct http_req *r);
int api_pv_goal_get(struct http_req *r);
int api_pv_goal_patch(struct http_req *r);
int api_pv_goal_delete(struct http_req *r);
int api_pv_areas_get(struct http_req *r);
int api_pv_areas_put(struct http_req *r);

/* A plan version as one document and the diff of two (api-plan-doc.c). */
int api_plan_doc_get(struct http_req *r);
/* api_org_indicator_values: GET /api/v1/organisations/{id}/indicator-values?year=Y (api-downloads.c) */
int api_org_indicator_values(struct http_req *r);
int api_plan_doc_put(struct http_req *r);
int api_plan_versions_post(struct http_req *r);
int api_plan_diff(struct http_req *r);
/* An LUP version's measures and plan partners (api-plan-measures.c). */
int api_pv_measures_get(struct http_req *r);
int api_pv_measures_post(struct http_req *r);
int api_pv_measures_order(struct http_req *r);
int api_pv_measure_get(struct http_req *r);
int api_pv_measure_patch(struct http_req *r);
int api_pv_measure_delete(struct http_req *r);
int api_pv_partners_get(struct http_req *r);
int api_pv_partners_post(struct http_req *r);
int api_pv_partner_patch(struct http_req *r);
int api_pv_partner_delete(struct http_req *r);

int api_view_districts_themes(struct http_req *r);
int api_view_orgs_districts(struct http_req *r);	/* api-commitments.c */
int api_view_commitments(struct http_req *r);		/* api-commitments.c */
int api_view_commission(struct http_req *r);
int api_index(struct http_req *r);

int api_goal_post(struct http_req *r);
int api_indicator_post(struct http_req *r);
int api_indicator_patch(struct http_req *r);

/* api-plan-sections.c: a plan version's sections (GET list, GET one, PUT one). */
int api_plan_sections_list(struct http_req *r);
int api_plan_section_get(struct http_req *r);
int api_plan_section_put(struct http_req *r);
