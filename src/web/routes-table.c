/* routes-table.c: every route of the server, as data. Specific routes come before the
 * generic /api/v1/{kind} ones; the OpenAPI document is generated from this table. */
#include "web/api.h"
#include "web/routes.h"
#include "web/indicator-aid.h"

#define GET HTTP_GET
#define POST HTTP_POST
#define PUT HTTP_PUT
#define PATCH HTTP_PATCH
#define DELETE HTTP_DELETE

/* The query parameters of the routes (struct qparam, web/query.h checks them). */
#define Q_END { NULL, Q_STR, NULL, 0, NULL }
static const struct qparam q_year[] = {
	{ "year", Q_YEAR, NULL, 0, "the year" }, Q_END };
static const struct qparam q_org[] = {
	{ "org", Q_STR, NULL, 0, "an organisation (key, name or id)" }, Q_END };
static const struct qparam q_year_org[] = {
	{ "year", Q_YEAR, NULL, 0, "the year" },
	{ "org", Q_STR, NULL, 0, "an organisation (key, name or id)" }, Q_END };
static const struct qparam q_move_to[] = {
	{ "move_to", Q_ID, NULL, 0, "first move what depends on it to this one (id)" }, Q_END };
static const struct qparam q_tokens[] = {
	{ "user", Q_STR, NULL, 0, "only this user's tokens (name)" }, Q_END };
static const struct qparam q_audit[] = {
	{ "entity", Q_STR, NULL, 0, "the kind of thing (goal, indicator, report, ...)" },
	{ "id", Q_ID, NULL, 0, "the thing's id (with entity)" }, Q_END };
static const struct qparam q_target_aid[] = {
	{ "year", Q_YEAR, NULL, 1, "the target's year" },
	{ "value", Q_STR, NULL, 0, "a proposed target as written (\"12,5\")" }, Q_END };
static const struct qparam q_target_delete[] = {
	{ "sex", Q_ENUM, "T|K|M", 0, "the target's sex (default T)" }, Q_END };
static const struct qparam q_plan_doc[] = {
	{ "format", Q_FORMAT, NULL, 0, "the representation (else the Accept header's, else JSON)" }, Q_END };
static const struct qparam q_org_values[] = {
	{ "year", Q_YEAR, NULL, 1, "the year" },
	{ "format", Q_FORMAT, NULL, 0, "the representation (else the Accept header's, else CSV)" },
	{ "dialect", Q_ENUM, "comma|semicolon", 0, "CSV: comma-separated with a decimal point (else the Swedish dialect: semicolons, decimal comma)" },
	Q_END };
static const struct qparam q_diff[] = {
	{ "from", Q_ID, NULL, 1, "the earlier version's number" },
	{ "to", Q_ID, NULL, 1, "the later version's number" }, Q_END };
static const struct qparam q_orgs_districts[] = {
	{ "org", Q_STR, NULL, 0, "only this organisation's row (key or id)" },
	{ "district", Q_STR, NULL, 0, "only this district's column (key)" },
	{ "links", Q_ENUM, "0|1", 0, "1: each cell with the links behind it" }, Q_END };
static const struct qparam q_commitments[] = {
	{ "year", Q_YEAR, NULL, 1, "the period's year" },
	{ "period", Q_ENUM, "T1|T2|VB|FY", 1, "the report period (FY is VB)" }, Q_END };
static const struct qparam q_list[] = {
	{ "limit", Q_INT, NULL, 0, "at most this many items (0-1000, default 100)" },
	{ "offset", Q_INT, NULL, 0, "skip this many items (default 0)" },
	{ "sort", Q_STR, NULL, 0, "id, key, name, year or number (where the collection has it); -name sorts descending" },
	Q_END };

const struct route routes[] = {
	{ GET, "/api", api_index, ACC_PUBLIC, 0, "meta", "where the API and its description are", NULL, NULL, "ApiIndex" },
	{ GET, "/healthz", api_healthz, ACC_PUBLIC, 0, "meta", "liveness and the schema version", NULL, NULL, "Health" },
	{ GET, "/api/openapi.json", api_openapi, ACC_PUBLIC, 0, "meta", "this API as OpenAPI 3.1", NULL, NULL, "OpenApiDocument" },
	{ POST, "/api/v1/login", api_login, ACC_PUBLIC, R_BODY | R_LOGIN, "auth", "log in: sets the session cookie, returns the CSRF token; replaces the session of a cookie sent along", "Login", NULL, "Session" },
	{ POST, "/api/v1/logout", api_logout, ACC_PUBLIC, 0, "auth", "end the cookie session", NULL, NULL, "LoggedOut" },
	{ GET, "/api/v1/me", api_me, ACC_INTERNAL, 0, "auth", "the caller's identity and role", NULL, NULL, "Me" },
	{ GET, "/api/v1/users", api_users_list, ACC_ADMIN, 0, "users", "list users (admin)", NULL, NULL, "UserList" },
	{ POST, "/api/v1/users", api_users_create, ACC_ADMIN, R_BODY, "users", "create a user (admin)", "UserNew", NULL, "201 UserCreated" },
	{ POST, "/api/v1/users/{id}/disable", api_user_disable, ACC_ADMIN, 0, "users", "disable a user (admin): its sessions end and its tokens stop working on the next request; it cannot log in", NULL, NULL, "UserState" },
	{ POST, "/api/v1/users/{id}/enable", api_user_enable, ACC_ADMIN, 0, "users", "enable a disabled user again (admin): it can log in and its tokens work again", NULL, NULL, "UserState" },
	{ POST, "/api/v1/me/password", api_me_password, ACC_INTERNAL, R_BODY, "auth", "change the caller's own password; ends the caller's other sessions (tokens stay)", "PasswordChange", NULL, "PasswordChanged" },
	{ GET, "/api/v1/tokens", api_tokens_list, ACC_ADMIN, 0, "tokens", "list API tokens (admin; ?user=NAME): id, user, label, created, expires, revoked; never the secret", NULL, q_tokens, "TokenList" },
	{ DELETE, "/api/v1/tokens/{id}", api_token_revoke, ACC_ADMIN, 0, "tokens", "revoke an API token (admin): it stops working on the next request", NULL, NULL, "TokenRevoked" },
	{ GET, "/api/v1/audit", api_audit_list, ACC_INTERNAL, 0, "audit", "the audit log of a thing (?entity=&id=) or the newest entries", NULL, q_audit, "AuditList" },
	{ POST, "/api/v1/goals", api_goal_post, ACC_WRITE, R_BODY, "goals", "create a nämndmål or LUP goal of the own organisation", "GoalNew", NULL, "201 Goal" },
	{ POST, "/api/v1/indicators", api_indicator_post, ACC_WRITE, R_BODY, "indicators", "create an indicator under a goal of the own organisation", "IndicatorNew", NULL, "201 Indicator" },
	{ GET, "/api/v1/indicators/{id}/target-aid", api_indicator_target_aid, ACC_PUBLIC, 0, "indicators", "the target-setting aid of a year (?year=Y, optional ?value=V): recent values, trend, city average, KF target, the value the trajectory needs, and where V lies against each", NULL, q_target_aid, "TargetAid" },
	{ PATCH, "/api/v1/indicators/{id}", api_indicator_patch, ACC_WRITE, R_BODY, "indicators", "change an indicator", "IndicatorPatch", NULL, "Indicator" },
	{ PATCH, "/api/v1/goals/{id}", api_goal_patch, ACC_WRITE, R_BODY, "goals", "change a goal of the own organisation", "GoalPatch", NULL, "Goal" },
	{ GET, "/api/v1/organisations/{id}/goal-chain", api_goal_chain, ACC_PUBLIC, R_CACHE | R_CACHE_ORG, "views", "an organisation's goal chain for a year (?year=) with indicators, targets, outcomes and assessments", NULL, q_year, "GoalChain" },
	{ PUT, "/api/v1/indicators/{id}/targets/{year}/{kind}", api_target_put, ACC_WRITE, R_BODY, "indicators", "set a target (kind own = årsmål, kf = KF:s årsmål)", "Target", NULL, "Indicator" },
	{ DELETE, "/api/v1/indicators/{id}/targets/{year}/{kind}", api_target_delete, ACC_WRITE, R_INVALID, "indicators", "remove a target", NULL, q_target_delete, "Indicator" },
	{ GET, "/api/v1/indicators/{id}/comparison", api_comparison, ACC_PUBLIC, R_CACHE, "views", "an indicator across districts and sexes against the city average (?year=)", NULL, q_year, "Comparison" },
	{ POST, "/api/v1/outcomes", api_outcome_post, ACC_WRITE, R_BODY, "indicators", "record an outcome (indicator x period x area x sex)", "OutcomeNew", NULL, "Indicator" },
	{ POST, "/api/v1/activities", api_activity_post, ACC_WRITE, R_BODY, "activities", "create an activity of the own organisation", "ActivityNew", NULL, "201 Activity" },
	{ PATCH, "/api/v1/activities/{id}", api_activity_patch, ACC_WRITE, R_BODY, "activities", "change an activity", "ActivityNew", NULL, "Activity" },
	{ DELETE, "/api/v1/activities/{id}", api_activity_delete, ACC_WRITE, 0, "activities", "delete an activity", NULL, NULL, "204" },
	{ DELETE, "/api/v1/goals/{id}", api_goal_delete, ACC_WRITE, R_INVALID, "goals", "delete a goal; 409 while a report assesses it, its indicators have outcomes, or (without ?move_to=ID, another goal of the organisation) it has indicators or activities", NULL, q_move_to, "204" },
	{ POST, "/api/v1/plans/{key}/goal-order", api_plan_goal_order, ACC_WRITE, R_BODY, "plans", "renumber a plan's nämndmål in a new order: {\"order\": [every nämndmål id once]}", "GoalOrder", NULL, "GoalOrderDone" },
	{ POST, "/api/v1/plans/{key}/rollover", api_plan_rollover, ACC_WRITE, R_BODY, "plans", "start next year's verksamhetsplan from this one as a draft: {\"year\": YYYY}", "PlanRollover", NULL, "201 PlanRolledOver" },
	{ POST, "/api/v1/reports", api_report_post, ACC_WRITE, R_BODY, "reports", "start a follow-up report (draft) for an organisation and period", "ReportNew", NULL, "201 Report" },
	{ DELETE, "/api/v1/reports/{id}", api_report_delete, ACC_WRITE, R_IF_MATCH | R_INVALID, "reports", "delete a report created by mistake: only a draft with nothing written (no assessment, analysis, activity status or forecast); 409 otherwise", NULL, NULL, "204" },
	{ PATCH, "/api/v1/reports/{id}", api_report_patch, ACC_WRITE, R_BODY | R_IF_MATCH, "reports", "change a draft report's forecast", "ReportPatch", NULL, "Report" },
	{ PUT, "/api/v1/reports/{id}/assessments/{goal}", api_assessment_put, ACC_WRITE, R_BODY | R_IF_MATCH, "reports", "assess a goal in a draft report", "Assessment", NULL, "Report" },
	{ GET, "/api/v1/reports/{id}/activities", api_report_activities, ACC_PUBLIC, 0, "reports", "the activities of the report's organisation and year with their status in the report (approved reports: everyone; others: their organisation and the city office)", NULL, NULL, "ReportActivities" },
	{ PUT, "/api/v1/reports/{id}/activities/{activity}", api_report_activity_put, ACC_WRITE, R_BODY | R_IF_MATCH, "reports", "record an activity's status and a comment in a draft report", "ActivityUpdate", NULL, "Report" },
	{ DELETE, "/api/v1/reports/{id}/activities/{activity}", api_report_activity_delete, ACC_WRITE, R_IF_MATCH | R_INVALID, "reports", "remove an activity's status and comment from a draft report", NULL, NULL, "Report" },
	{ POST, "/api/v1/reports/{id}/submit", api_report_submit, ACC_WRITE, R_IF_MATCH | R_INVALID, "reports", "submit a draft or returned report (no body); 422 while a goal is unassessed (field goals) or, with committee_decision before, the decision is missing (field decision)", NULL, NULL, "Report" },
	{ POST, "/api/v1/reports/{id}/approve", api_report_approve, ACC_CITY, R_BODY | R_BODY_OPT | R_IF_MATCH, "reports", "approve a submitted report (city office) with an optional {\"comment\"}; it is then frozen", "ReportApprove", NULL, "Report" },
	{ POST, "/api/v1/reports/{id}/decision", api_report_decision, ACC_WRITE, R_BODY | R_IF_MATCH, "reports", "record the committee's decision on the report: {\"date\": \"YYYY-MM-DD\", \"paragraph\": \"§ 12\"}; when is the setting committee_decision's", "ReportDecision", NULL, "Report" },
	{ GET, "/api/v1/settings/committee_decision", api_setting_committee_get, ACC_PUBLIC, 0, "reports", "when the committee's decision on a report is recorded: before (submitting), after (approval) or either", NULL, NULL, "Setting" },
	{ PUT, "/api/v1/settings/committee_decision", api_setting_committee_put, ACC_CITY, R_BODY, "reports", "set when the committee's decision is recorded (city office): {\"value\": \"before\"|\"after\"|\"either\"}", "SettingValue", NULL, "Setting" },
	{ POST, "/api/v1/reports/{id}/return", api_report_return, ACC_CITY, R_BODY | R_IF_MATCH, "reports", "return a submitted report with a comment (city office)", "ReportReturn", NULL, "Report" },
	{ GET, "/api/v1/plans/{key}/versions", api_plan_versions, ACC_PUBLIC, 0, "plans", "a plan's versions with status and decision (drafts: the owner's users, the city office, administrators)", NULL, NULL, "PlanVersions" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/adopt", api_plan_adopt, ACC_WRITE, R_BODY, "plans", "adopt a draft version: records the decision (date, paragraph, diarienummer); the previous adopted version is superseded", "PlanAdopt", NULL, "PlanVersionItem" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/themes", api_pv_themes_get, ACC_PUBLIC, 0, "plans", "a plan version's themes in order, with target groups, former names (aliases with valid_to) and what uses them (a draft: those who may read it)", NULL, NULL, "PlanThemes" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/themes", api_pv_themes_post, ACC_WRITE, R_BODY, "plans", "add a theme to a draft version (name unique within the version, whatever its case)", "ThemeNew", NULL, "201 PlanThemeItem" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/themes/order", api_pv_themes_order, ACC_WRITE, R_BODY, "plans", "reorder a draft version's themes: {\"order\": [every theme id once]}", "ThemeOrder", NULL, "PlanThemes" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/themes/{id}", api_pv_theme_get, ACC_PUBLIC, 0, "plans", "one theme of a plan version", NULL, NULL, "PlanThemeItem" },
	{ PATCH, "/api/v1/plans/{key}/versions/{n}/themes/{id}", api_pv_theme_patch, ACC_WRITE, R_BODY, "plans", "rename a theme (the old name stays as an alias dated today), change its description or target groups", "ThemePatch", NULL, "PlanThemeItem" },
	{ DELETE, "/api/v1/plans/{key}/versions/{n}/themes/{id}", api_pv_theme_delete, ACC_WRITE, R_INVALID, "plans", "remove a theme; 409 while goals, activities or measures use it, unless ?move_to=ID moves them to another theme of the version first", NULL, q_move_to, "204" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/goals", api_pv_goals_get, ACC_PUBLIC, 0, "plans", "an LUP version's goals (målsättningar) by theme, with horizon, baseline, target and indicator (a draft: those who may read it)", NULL, NULL, "PlanGoals" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/goals", api_pv_goals_post, ACC_WRITE, R_BODY, "plans", "add an LUP goal to a draft version: theme, area, sex, horizon, baseline, target, and an existing or a new indicator", "LupGoalNew", NULL, "201 LupGoalItem" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/goals/{id}", api_pv_goal_get, ACC_PUBLIC, 0, "plans", "one LUP goal of a plan version", NULL, NULL, "LupGoalItem" },
	{ PATCH, "/api/v1/plans/{key}/versions/{n}/goals/{id}", api_pv_goal_patch, ACC_WRITE, R_BODY, "plans", "change an LUP goal of a draft version (the fields given)", "LupGoalPatch", NULL, "LupGoalItem" },
	{ DELETE, "/api/v1/plans/{key}/versions/{n}/goals/{id}", api_pv_goal_delete, ACC_WRITE, R_INVALID, "plans", "delete an LUP goal of a draft version (409 while activities or goals refer to it)", NULL, NULL, "204" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/areas", api_pv_areas_get, ACC_PUBLIC, 0, "plans", "a plan version's area scope and prioritised areas with notes", NULL, NULL, "PlanAreas" },
	{ PUT, "/api/v1/plans/{key}/versions/{n}/areas", api_pv_areas_put, ACC_WRITE, R_BODY, "plans", "set a draft version's area scope (none, some, all) and its prioritised neighbourhoods and places of the district, each with a note", "PrioritisedAreas", NULL, "PlanAreas" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/sections", api_plan_sections_list, ACC_PUBLIC, 0, "plans", "the seven sections of a plan version (title and Markdown body; a draft's only for its organisation and the city office)", NULL, NULL, "PlanSections" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/sections/{ord}", api_plan_section_get, ACC_PUBLIC, 0, "plans", "one section (1..7) of a plan version, with its ETag", NULL, NULL, "PlanSectionItem" },
	{ PUT, "/api/v1/plans/{key}/versions/{n}/sections/{ord}", api_plan_section_put, ACC_WRITE, R_BODY | R_IF_MATCH, "plans", "set a section's title and Markdown body in a draft version (If-Match)", "PlanSection", NULL, "200,201 PlanSectionItem" },
	{ GET, "/api/v1/plans/{key}/versions/{n}", api_plan_doc_get, ACC_PUBLIC, 0, "plans", "a plan version as one document (docs/plan-json.md, the format of lup export json plan) with its ETag (a draft: those who may read it); ?format=docx (or Accept) gives the LUP document as a file (docs/documents.md)", NULL, q_plan_doc, "PlanDocumentOut" },
	{ GET, "/api/v1/organisations/{id}/indicator-values", api_org_indicator_values, ACC_PUBLIC, 0, "views", "an organisation's indicators with targets and outcomes of ?year=YYYY as a table file (docs/exports.md): CSV (?dialect=comma for the comma dialect) or XLSX through ?format= or Accept; unpublished figures only for those who may read them", NULL, q_org_values, NULL },
	{ PUT, "/api/v1/plans/{key}/versions/{n}", api_plan_doc_put, ACC_WRITE, R_BODY | R_IF_MATCH | R_IF_MATCH_REQ, "plans", "replace a draft version's content with a plan document (If-Match required: 428 without, 412 when changed; 422 lists the document's problems by JSON pointer; 409 for an adopted version)", "PlanDocument", NULL, "PlanDocumentOut" },
	{ POST, "/api/v1/plans/{key}/versions", api_plan_versions_post, ACC_WRITE, R_BODY, "plans", "a new draft version: from the plan document sent, or with {} a copy of the adopted version (Ny version); 409 while the plan has a draft", "PlanDocument", NULL, "201 PlanDocumentOut" },
	{ GET, "/api/v1/plans/{key}/diff", api_plan_diff, ACC_PUBLIC, 0, "plans", "what changed between versions ?from=N and ?to=M of a plan (docs/plan-diff.md), with both versions' decisions; each version under the read rule", NULL, q_diff, "PlanDiff" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/measures", api_pv_measures_get, ACC_PUBLIC, 0, "plans", "an LUP version's prioritised measures in order, with themes, areas, goals, target groups, partners (role and its Swedish word), start and end", NULL, NULL, "PlanMeasures" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/measures", api_pv_measures_post, ACC_WRITE, R_BODY, "plans", "add a measure to a draft version: themes and goals of the version, areas of the district, partners (a registry organisation or a plan partner, each with a role), start and end as plans write them", "MeasureNew", NULL, "201 PlanMeasureItem" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/measures/order", api_pv_measures_order, ACC_WRITE, R_BODY, "plans", "reorder a draft version's measures: {\"order\": [every measure id once]}", "MeasureOrder", NULL, "PlanMeasures" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/measures/{id}", api_pv_measure_get, ACC_PUBLIC, 0, "plans", "one measure of a plan version", NULL, NULL, "PlanMeasureItem" },
	{ PATCH, "/api/v1/plans/{key}/versions/{n}/measures/{id}", api_pv_measure_patch, ACC_WRITE, R_BODY, "plans", "change a measure of a draft version (a list given replaces the measure's list)", "MeasurePatch", NULL, "PlanMeasureItem" },
	{ DELETE, "/api/v1/plans/{key}/versions/{n}/measures/{id}", api_pv_measure_delete, ACC_WRITE, R_INVALID, "plans", "remove a measure of a draft version; 409 while activities carry it out", NULL, NULL, "204" },
	{ GET, "/api/v1/plans/{key}/versions/{n}/partners", api_pv_partners_get, ACC_PUBLIC, 0, "plans", "a plan version's partners (registry organisations and others by group) with how many measures use each", NULL, NULL, "PlanPartners" },
	{ POST, "/api/v1/plans/{key}/versions/{n}/partners", api_pv_partners_post, ACC_WRITE, R_BODY, "plans", "add a partner to a draft version: a registry organisation (org) or a named partner (label), with its group", "PartnerNew", NULL, "201 PlanPartnerItem" },
	{ PATCH, "/api/v1/plans/{key}/versions/{n}/partners/{id}", api_pv_partner_patch, ACC_WRITE, R_BODY, "plans", "change a partner of a draft version", "PartnerPatch", NULL, "PlanPartnerItem" },
	{ DELETE, "/api/v1/plans/{key}/versions/{n}/partners/{id}", api_pv_partner_delete, ACC_WRITE, R_INVALID, "plans", "remove a partner of a draft version; 409 naming the measures that use it", NULL, NULL, "204" },
	{ GET, "/api/v1/deadlines", api_deadlines_list, ACC_PUBLIC, 0, "deadlines", "the annual wheel: the deadlines of the reports (?year=Y; ?org=KEY: the city's and that organisation's internal ones; else every organisation's too)", NULL, q_year_org, "Deadlines" },
	{ PUT, "/api/v1/deadlines/{year}/{kind}", api_deadline_put, ACC_CITY, R_BODY, "deadlines", "set the city's deadline of report {kind} (T1, T2, VB) of {year}: {\"due\": \"YYYY-MM-DD\"} (city office, admin); 422 names a date that is not real, outside the year and the next, or before an organisation's internal deadline", "DeadlineSet", NULL, "Deadline" },
	{ DELETE, "/api/v1/deadlines/{year}/{kind}", api_deadline_delete, ACC_CITY, 0, "deadlines", "remove the city's deadline of a report (city office, admin)", NULL, NULL, "204" },
	{ GET, "/api/v1/organisations/{key}/deadlines", api_org_deadlines, ACC_PUBLIC, 0, "deadlines", "the deadlines that apply to an organisation: the city's and its own internal ones (?year=Y)", NULL, q_year, "Deadlines" },
	{ GET, "/api/v1/organisations/{key}/deadlines.ics", api_org_deadlines_ics, ACC_PUBLIC, 0, "deadlines", "the same as an iCalendar feed (text/calendar, RFC 5545): one all-day event per deadline with a stable UID and a reminder three days before", NULL, NULL, "text/calendar" },
	{ PUT, "/api/v1/organisations/{key}/deadlines/{year}/{kind}/{level}", api_org_deadline_put, ACC_INTERNAL, R_BODY, "deadlines", "set an organisation's internal deadline of a report for a level (unit, administration, committee): {\"due\"}; they run unit <= administration <= committee <= the city's (its editors, city office, admin)", "DeadlineSet", NULL, "Deadline" },
	{ DELETE, "/api/v1/organisations/{key}/deadlines/{year}/{kind}/{level}", api_org_deadline_delete, ACC_INTERNAL, 0, "deadlines", "remove an organisation's internal deadline (its editors, city office, admin)", NULL, NULL, "204" },
	{ POST, "/api/v1/contributions", api_contribution_post, ACC_WRITE, R_BODY, "contributions", "a contribution of the caller's organisation (or ?organisation for admins) to a measure or LUP goal of a district's adopted LUP: role, districts, name, description, start, end, status; 403 for a district's own editors", "ContributionNew", NULL, "201 ContributionSaved" },
	{ PATCH, "/api/v1/contributions/{id}", api_contribution_patch, ACC_WRITE, R_BODY, "contributions", "change a contribution (the contributor's editors)", "ContributionPatch", NULL, "ContributionSaved" },
	{ DELETE, "/api/v1/contributions/{id}", api_contribution_delete, ACC_WRITE, 0, "contributions", "remove a contribution (the contributor's editors)", NULL, NULL, "204" },
	{ GET, "/api/v1/districts/{key}/contributions", api_district_contributions, ACC_PUBLIC, 0, "contributions", "the public contributions of other organisations to the district's LUP, with their measure or goal in the adopted version", NULL, NULL, "DistrictContributions" },
	{ POST, "/api/v1/periods/{year}/{period}/reopen", api_period_reopen, ACC_ADMIN, R_BODY, "periods", "reopen a locked period (T1, T2 or VB) for an organisation ({\"org\": KEY}) or for all, with a reason, until a day (default: today plus the grace days); administrators only, audited", "PeriodReopen", NULL, "201 PeriodReopened" },
	{ GET, "/api/v1/periods/{year}/locks", api_period_locks, ACC_PUBLIC, 0, "periods", "the period locks of a year: each report period's city deadline, grace days, the day its outcomes lock, whether they are locked today and any reopening (?org=KEY)", NULL, q_org, "PeriodLocks" },
	{ GET, "/api/v1/views/todo", api_view_todo, ACC_INTERNAL, 0, "views", "\"Att göra\": the caller's organisation's reports due, unassessed goals, missing outcomes, activities without a status and returned reports; for the city office and administrators the same for every organisation, late and silent first", NULL, NULL, "Todo" },
	{ POST, "/api/v1/allocations", api_allocation_post, ACC_INTERNAL, R_BODY, "allocations", "record resources an organisation puts into a district in a year: {org, district, year, kind (money|staff|places|hours), amount, unit (tkr|årsarbetare|platser|timmar), note}; the organisation's editors, the city office, administrators; district committees and administrations record none (403)", "AllocationNew", NULL, "201 AllocationSaved" },
	{ PATCH, "/api/v1/allocations/{id}", api_allocation_patch, ACC_INTERNAL, R_BODY, "allocations", "change an allocation (district, year, kind, amount, unit, note)", "AllocationPatch", NULL, "AllocationSaved" },
	{ DELETE, "/api/v1/allocations/{id}", api_allocation_delete, ACC_INTERNAL, 0, "allocations", "remove an allocation", NULL, NULL, "204" },
	{ GET, "/api/v1/views/resources-need", api_view_resources_need, ACC_PUBLIC, R_CACHE, "views", "resources versus need (?year=Y[&org=KEY]): one item per district ordered by its need index (need_index) with its resources per kind, in sum and per 1 000 residents, and every step of the index", NULL, q_year_org, "ResourcesNeed" },
	{ GET, "/api/v1/views/resources-need/indicators", api_need_indicators_get, ACC_PUBLIC, 0, "views", "the need index's indicators as the city chose them (empty: the documented default)", NULL, NULL, "NeedIndicators" },
	{ PUT, "/api/v1/views/resources-need/indicators", api_need_indicators_put, ACC_CITY, R_BODY, "views", "choose the need index's indicators and weights (city office): {\"indicators\": [{\"indicator\": key, \"weight\": w}]}; an empty list restores the default", "NeedIndicatorsSet", NULL, "NeedIndicators" },
	{ GET, "/api/v1/views/districts-themes", api_view_districts_themes, ACC_PUBLIC, R_CACHE, "views", "the city matrix of districts x their themes, with measure counts", NULL, NULL, "Matrix" },
	{ GET, "/api/v1/views/organisations-districts", api_view_orgs_districts, ACC_PUBLIC, R_CACHE, "views", "the city matrix of organisations x the districts they contribute to: per cell the measures of the district's adopted LUP they are partners of, the public activities they own there and those they are partners of, with their roles and (?links=1) the links behind", NULL, q_orgs_districts, "Matrix" },
	{ GET, "/api/v1/views/commitments", api_view_commitments, ACC_PUBLIC, 0, "views", "the commitment ledger of a period (?year=YYYY&period=T1|T2|VB): per specialist committee and company, per district, its activities with their status in its report, its LUP measures and resources; statuses of unapproved reports only for those who may read them", NULL, q_commitments, "Commitments" },
	{ GET, "/api/v1/views/commission", api_view_commission, ACC_PUBLIC, R_CACHE, "views", "the commission matrix: measures x administrations with each response's stance", NULL, NULL, "Matrix" },
	{ GET, "/api/v1/{kind}", api_entity_list, ACC_PUBLIC, R_CACHE | R_KIND_QUERY, "entities", "list a collection (filters district, org, year, level, kind; limit, offset, sort)", NULL, q_list, NULL },
	{ GET, "/api/v1/{kind}/{id}", api_entity_get, ACC_PUBLIC, R_CACHE, "entities", "one entity with its relations (id or key)", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};
