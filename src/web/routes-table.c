/* routes-table.c: every route of the server, as data. Specific routes come before the
 * generic /api/v1/{kind} ones; the OpenAPI document is generated from this table. */
#include "web/api.h"
#include "web/routes.h"

#define GET HTTP_GET
#define POST HTTP_POST
#define PUT HTTP_PUT
#define PATCH HTTP_PATCH
#define DELETE HTTP_DELETE

const struct route routes[] = {
	{ GET, "/api", api_index, ACC_PUBLIC, 0, "meta", "where the API and its description are", NULL },
	{ GET, "/healthz", api_healthz, ACC_PUBLIC, 0, "meta", "liveness and the schema version", NULL },
	{ GET, "/api/openapi.json", api_openapi, ACC_PUBLIC, 0, "meta", "this API as OpenAPI 3.1", NULL },
	{ POST, "/api/v1/login", api_login, ACC_PUBLIC, R_BODY | R_LOGIN, "auth", "log in: sets the session cookie, returns the CSRF token; replaces the session of a cookie sent along", "Login" },
	{ POST, "/api/v1/logout", api_logout, ACC_PUBLIC, 0, "auth", "end the cookie session", NULL },
	{ GET, "/api/v1/me", api_me, ACC_INTERNAL, 0, "auth", "the caller's identity and role", NULL },
	{ GET, "/api/v1/users", api_users_list, ACC_ADMIN, 0, "users", "list users (admin)", NULL },
	{ POST, "/api/v1/users", api_users_create, ACC_ADMIN, R_BODY, "users", "create a user (admin)", "User" },
	{ POST, "/api/v1/users/{id}/disable", api_user_disable, ACC_ADMIN, 0, "users", "disable a user (admin): its sessions end and its tokens stop working on the next request; it cannot log in", NULL },
	{ POST, "/api/v1/users/{id}/enable", api_user_enable, ACC_ADMIN, 0, "users", "enable a disabled user again (admin): it can log in and its tokens work again", NULL },
	{ POST, "/api/v1/me/password", api_me_password, ACC_INTERNAL, R_BODY, "auth", "change the caller's own password; ends the caller's other sessions (tokens stay)", "PasswordChange" },
	{ GET, "/api/v1/tokens", api_tokens_list, ACC_ADMIN, 0, "tokens", "list API tokens (admin; ?user=NAME): id, user, label, created, expires, revoked; never the secret", NULL },
	{ DELETE, "/api/v1/tokens/{id}", api_token_revoke, ACC_ADMIN, 0, "tokens", "revoke an API token (admin): it stops working on the next request", NULL },
	{ GET, "/api/v1/audit", api_audit_list, ACC_INTERNAL, 0, "audit", "the audit log of a thing (?entity=&id=) or the newest entries", NULL },
	{ POST, "/api/v1/goals", api_goal_post, ACC_WRITE, R_BODY, "goals", "create a nämndmål or LUP goal of the own organisation", "GoalNew" },
	{ POST, "/api/v1/indicators", api_indicator_post, ACC_WRITE, R_BODY, "indicators", "create an indicator under a goal of the own organisation", "IndicatorNew" },
	{ PATCH, "/api/v1/indicators/{id}", api_indicator_patch, ACC_WRITE, R_BODY, "indicators", "change an indicator", "IndicatorPatch" },
	{ PATCH, "/api/v1/goals/{id}", api_goal_patch, ACC_WRITE, R_BODY, "goals", "change a goal of the own organisation", "GoalPatch" },
	{ GET, "/api/v1/organisations/{id}/goal-chain", api_goal_chain, ACC_PUBLIC, R_CACHE, "views", "an organisation's goal chain for a year (?year=) with indicators, targets, outcomes and assessments", NULL },
	{ PUT, "/api/v1/indicators/{id}/targets/{year}/{kind}", api_target_put, ACC_WRITE, R_BODY, "indicators", "set a target (kind own = årsmål, kf = KF:s årsmål)", "Target" },
	{ DELETE, "/api/v1/indicators/{id}/targets/{year}/{kind}", api_target_delete, ACC_WRITE, 0, "indicators", "remove a target", NULL },
	{ GET, "/api/v1/indicators/{id}/comparison", api_comparison, ACC_PUBLIC, R_CACHE, "views", "an indicator across districts and sexes against the city average (?year=)", NULL },
	{ POST, "/api/v1/outcomes", api_outcome_post, ACC_WRITE, R_BODY, "indicators", "record an outcome (indicator x period x area x sex)", "Outcome" },
	{ POST, "/api/v1/activities", api_activity_post, ACC_WRITE, R_BODY, "activities", "create an activity of the own organisation", "Activity" },
	{ PATCH, "/api/v1/activities/{id}", api_activity_patch, ACC_WRITE, R_BODY, "activities", "change an activity", "Activity" },
	{ DELETE, "/api/v1/activities/{id}", api_activity_delete, ACC_WRITE, 0, "activities", "delete an activity", NULL },
	{ POST, "/api/v1/reports", api_report_post, ACC_WRITE, R_BODY, "reports", "start a follow-up report (draft) for an organisation and period", "ReportNew" },
	{ PATCH, "/api/v1/reports/{id}", api_report_patch, ACC_WRITE, R_BODY, "reports", "change a draft report's forecast", "ReportPatch" },
	{ PUT, "/api/v1/reports/{id}/assessments/{goal}", api_assessment_put, ACC_WRITE, R_BODY, "reports", "assess a goal in a draft report", "Assessment" },
	{ GET, "/api/v1/reports/{id}/activities", api_report_activities, ACC_PUBLIC, 0, "reports", "the activities of the report's organisation and year with their status in the report (approved reports: everyone; others: their organisation and the city office)", NULL },
	{ PUT, "/api/v1/reports/{id}/activities/{activity}", api_report_activity_put, ACC_WRITE, R_BODY, "reports", "record an activity's status and a comment in a draft report", "ActivityUpdate" },
	{ DELETE, "/api/v1/reports/{id}/activities/{activity}", api_report_activity_delete, ACC_WRITE, 0, "reports", "remove an activity's status and comment from a draft report", NULL },
	{ POST, "/api/v1/reports/{id}/submit", api_report_submit, ACC_WRITE, 0, "reports", "submit a draft or returned report", NULL },
	{ POST, "/api/v1/reports/{id}/approve", api_report_approve, ACC_CITY, 0, "reports", "approve a submitted report (city office); it is then frozen", NULL },
	{ POST, "/api/v1/reports/{id}/return", api_report_return, ACC_CITY, R_BODY, "reports", "return a submitted report with a comment (city office)", "ReportReturn" },
	{ GET, "/api/v1/plans/{key}/versions", api_plan_versions, ACC_PUBLIC, 0, "plans", "a plan's versions with status and decision (drafts: the owner's users, the city office, administrators)", NULL },
	{ POST, "/api/v1/plans/{key}/versions/{n}/adopt", api_plan_adopt, ACC_WRITE, R_BODY, "plans", "adopt a draft version: records the decision (date, paragraph, diarienummer); the previous adopted version is superseded", "PlanAdopt" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/themes", api_pv_themes_get, ACC_PUBLIC, 0, "plans", "a plan version's themes in order, with target groups, former names (aliases with valid_to) and what uses them (a draft: those who may read it)", NULL },
	{ POST, "/api/v1/plans/{key}/versions/{n}/themes", api_pv_themes_post, ACC_WRITE, R_BODY, "plans", "add a theme to a draft version (name unique within the version, whatever its case)", "ThemeNew" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/themes/order", api_pv_themes_order, ACC_WRITE, R_BODY, "plans", "reorder a draft version's themes: {\"order\": [every theme id once]}", "ThemeOrder" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/themes/{id}", api_pv_theme_get, ACC_PUBLIC, 0, "plans", "one theme of a plan version", NULL },
	{ PATCH, "/api/v1/plans/{key}/versions/{n}/themes/{id}", api_pv_theme_patch, ACC_WRITE, R_BODY, "plans", "rename a theme (the old name stays as an alias dated today), change its description or target groups", "ThemePatch" },
	{ DELETE, "/api/v1/plans/{key}/versions/{n}/themes/{id}", api_pv_theme_delete, ACC_WRITE, 0, "plans", "remove a theme; 409 while goals, activities or measures use it, unless ?move_to=ID moves them to another theme of the version first", NULL },
	{ GET, "/api/v1/plans/{key}/versions/{n}/goals", api_pv_goals_get, ACC_PUBLIC, 0, "plans", "an LUP version's goals (målsättningar) by theme, with horizon, baseline, target and indicator (a draft: those who may read it)", NULL },
	{ POST, "/api/v1/plans/{key}/versions/{n}/goals", api_pv_goals_post, ACC_WRITE, R_BODY, "plans", "add an LUP goal to a draft version: theme, area, sex, horizon, baseline, target, and an existing or a new indicator", "LupGoalNew" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/goals/{id}", api_pv_goal_get, ACC_PUBLIC, 0, "plans", "one LUP goal of a plan version", NULL },
	{ PATCH, "/api/v1/plans/{key}/versions/{n}/goals/{id}", api_pv_goal_patch, ACC_WRITE, R_BODY, "plans", "change an LUP goal of a draft version (the fields given)", "LupGoalPatch" },
	{ DELETE, "/api/v1/plans/{key}/versions/{n}/goals/{id}", api_pv_goal_delete, ACC_WRITE, 0, "plans", "delete an LUP goal of a draft version (409 while activities or goals refer to it)", NULL },
	{ GET, "/api/v1/plans/{key}/versions/{n}/areas", api_pv_areas_get, ACC_PUBLIC, 0, "plans", "a plan version's area scope and prioritised areas with notes", NULL },
	{ PUT, "/api/v1/plans/{key}/versions/{n}/areas", api_pv_areas_put, ACC_WRITE, R_BODY, "plans", "set a draft version's area scope (none, some, all) and its prioritised neighbourhoods and places of the district, each with a note", "PrioritisedAreas" },
	{ GET, "/api/v1/views/districts-themes", api_view_districts_themes, ACC_PUBLIC, R_CACHE, "views", "the city matrix of districts x their themes, with measure counts", NULL },
	{ GET, "/api/v1/views/organisations-districts", api_view_orgs_districts, ACC_PUBLIC, R_CACHE, "views", "the city matrix of organisations x the districts their activities serve", NULL },
	{ GET, "/api/v1/views/commission", api_view_commission, ACC_PUBLIC, R_CACHE, "views", "the commission matrix: measures x administrations with each response's stance", NULL },
	{ GET, "/api/v1/{kind}", api_entity_list, ACC_PUBLIC, R_CACHE, "entities", "list a collection (filters district, org, year, level, kind; limit, offset, sort)", NULL },
	{ GET, "/api/v1/{kind}/{id}", api_entity_get, ACC_PUBLIC, R_CACHE, "entities", "one entity with its relations (id or key)", NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL },
};
