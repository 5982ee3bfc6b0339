/* stmt.h: the names of every SQL statement lup runs. Each backend maps every name to SQL
 * text in its own dialect (store-sqlite.c: sqlite_sql[]). Parameters are documented at the
 * SQL; their order is part of the contract between the caller and every backend. */
#ifndef LUP_STMT_H
#define LUP_STMT_H

#include "store/stmt-imp-plan.h"
#include "store/stmt-imp-commission.h"
#include "store/stmt-imp-lup.h"
#include "store/stmt-imp-kolada.h"
#include "store/stmt-imp-csv.h"
#include "store/stmt-web-city.h"
#include "store/stmt-web-places.h"
#include "store/stmt-web-follow.h"
#include "store/stmt-web-forms.h"
#include "store/stmt-web-search.h"
#include "store/stmt-plan-version.h"
#include "store/stmt-plan-replace.h"
#include "store/stmt-plan-doc.h"
#include "store/stmt-plan-theme.h"
#include "store/stmt-edit-plan.h"
#include "store/stmt-plan-measure.h"
#include "store/stmt-plan-goal.h"
#include "store/stmt-goal-edit.h"
#include "store/stmt-contrib.h"
#include "store/stmt-provenance.h"
#include "store/stmt-view-tables.h"
#include "store/stmt-view-chain.h"
#include "store/stmt-view-report.h"
#include "store/stmt-commit.h"
#include "store/stmt-wheel.h"
#include "store/stmt-period-lock.h"
#include "store/stmt-todo.h"
#include "store/stmt-indicator.h"
#include "store/stmt-need.h"
#include "store/stmt-report-cycle.h"
#include "store/stmt-lists.h"

#define STMT_LIST(X) \
	/* lookups by natural key: (key) -> id */ \
	X(ORG_ID) X(ORG_ID_LOOSE) X(AREA_ID) X(AREA_ID_LOOSE) X(PLAN_ID) X(PLAN_VERSION_LATEST) \
	X(THEME_ID) X(THEME_ID_DISTRICT) X(GOAL_ID) X(GOAL_OWNER) X(ORG_PAIR) X(MEASURE_ID) X(INDICATOR_ID) X(ACTIVITY_ID) \
	X(PERIOD_ID) X(DISTRICT_ID_LOOSE) \
	/* dataset writes (upserts: no change when the values are the same) */ \
	X(ORG_UPSERT) X(ORG_LINKS) X(ORG_ALIAS_ADD) \
	X(AREA_UPSERT) X(AREA_LINKS) X(AREA_ALIAS_ADD) \
	X(PLAN_UPSERT) X(PLAN_VERSION_UPSERT) X(SECTION_UPSERT) \
	X(THEME_UPSERT) X(THEME_ALIAS_ADD) X(THEME_TG_ADD) X(PAREA_UPSERT) X(PARTNER_UPSERT) \
	X(GOAL_UPSERT) X(GOAL_RESULT_UPSERT) \
	X(MEASURE_UPSERT) X(MEASURE_THEME_ADD) X(MEASURE_AREA_ADD) X(MEASURE_TG_ADD) \
	X(MEASURE_PARTNER_UPSERT) \
	X(ACTIVITY_UPSERT) X(ACTIVITY_DISTRICT_ADD) X(ACTIVITY_PARTNER_ADD) \
	X(INDICATOR_UPSERT) X(TARGET_UPSERT) X(PERIOD_UPSERT) X(OUTCOME_UPSERT) X(OUTCOME_UPSERT_BULK) \
	X(AUDIT_INSERT) \
	/* reads for the CLI */ \
	X(COUNTS) X(EXAMPLE_SERIES) X(EXAMPLE_AREAS) X(EXAMPLE_ALLOC_UPSERT) \
	X(DISTRICT_THEMES) X(DISTRICT_PAREAS) \
	X(DISTRICTS_EXTRAS) \
	X(SHOW_ORGANISATION) X(SHOW_DISTRICT) X(SHOW_THEME) X(SHOW_GOAL) X(SHOW_INDICATOR) \
	X(SHOW_ACTIVITY) X(SHOW_MEASURE) X(SHOW_PLAN) X(SHOW_REPORT) X(SHOW_RECOMMENDATION) \
	X(REL_ORG_ALIASES) X(REL_ORG_PLANS) X(REL_ORG_CHILDREN) \
	X(REL_DISTRICT_NEIGHBOURHOODS) X(REL_DISTRICT_PAREAS) X(REL_DISTRICT_THEMES) \
	X(REL_DISTRICT_MEASURES) X(REL_DISTRICT_PARTNERS) X(REL_DISTRICT_ACTIVITIES) \
	X(DISTRICT_KEY_SHOW) X(DISTRICT_KEY_NEIGHBOURHOODS) X(DISTRICT_KEY_PAREAS) X(DISTRICT_KEY_THEMES) \
	X(DISTRICT_KEY_MEASURES) X(DISTRICT_KEY_PARTNERS) X(DISTRICT_KEY_ACTIVITIES) \
	X(REL_THEME_ALIASES) X(REL_THEME_MEASURES) \
	X(REL_GOAL_CHILDREN) X(REL_GOAL_RESULTS) X(REL_GOAL_INDICATORS) X(REL_GOAL_ACTIVITIES) \
	X(REL_INDICATOR_TARGETS) X(REL_INDICATOR_OUTCOMES) \
	X(REL_ACTIVITY_DISTRICTS) X(REL_ACTIVITY_PARTNERS) \
	X(REL_MEASURE_THEMES) X(REL_MEASURE_PARTNERS) X(REL_MEASURE_AREAS) \
	X(REL_PLAN_VERSIONS) X(REL_PLAN_SECTIONS) X(REL_PLAN_THEMES) X(REL_PLAN_GOALS) \
	X(REL_REPORT_ASSESSMENTS) X(REL_RECOMMENDATION_MEASURES) \
	/* users, sessions, tokens, audit (the server) */ \
	X(USER_BY_NAME) X(USER_BY_ID) X(USER_INSERT) X(USER_SET_PASSWORD) X(USER_LIST) \
	X(SESSION_INSERT) X(SESSION_GET) X(SESSION_DELETE) X(SESSION_PURGE) \
	X(TOKEN_INSERT) X(TOKEN_GET) X(AUDIT_LIST) X(AUDIT_LIST_ALL) \
	X(USER_SET_DISABLED) X(SESSION_DELETE_USER) X(TOKEN_LIST) X(TOKEN_SHOW) X(TOKEN_REVOKE) \
	X(THROTTLE_WAIT) X(THROTTLE_FAIL) X(THROTTLE_BLOCK) X(THROTTLE_CLEAR) X(THROTTLE_PRUNE) \
	/* API writes and views */ \
	X(GOAL_PATCH) X(INDICATOR_OWNER) X(TARGET_DELETE) X(ACTIVITY_OWNER) X(ACTIVITY_PATCH) \
	X(ACTIVITY_DELETE) X(ACTIVITY_REPORTED) X(REPORT_INSERT) X(REPORT_STATE) X(REPORT_DELETE) \
	X(REPORT_FROZEN) \
	X(INDICATOR_OUTCOMES_YEAR) X(COMPARISON) X(IND_API_PERIODS) X(IND_API_AREAS) X(IND_API_OUTCOMES) X(DATA_GENERATION) X(CACHE_TOUCHED) \
	X(SHOW_AREA) X(REL_AREA_ALIASES) X(REL_AREA_CHILDREN) \
	X(SHOW_PERIOD) X(SHOW_OUTCOME) \
	X(SHOW_ALLOCATION) X(SHOW_RESPONSE) X(REL_RESPONSE_PARTS) \
	X(VIEW_DISTRICTS_THEMES) X(VIEW_COMMISSION) X(INDICATOR_PATCH) X(GOAL_LEVEL) \
	/* domain invariants: rows (what, detail) are problems */ \
	X(CHECK_DISTRICT_COMMITTEE) X(CHECK_DISTRICT_PARENT) X(CHECK_PAIR_KIND) \
	X(CHECK_GOAL_CHAIN) X(CHECK_THEME_PLAN) X(CHECK_LUP_DISTRICT) X(CHECK_NEIGHBOURHOOD_PARENT) \
	X(CHECK_PAREA_IN_DISTRICT) X(CHECK_OUTCOME_SEX) X(CHECK_PROVENANCE_ORPHAN) X(CHECK_DRAFT) \
	/* the lists of kinds and their counts */ \
	STMT_LIST_LISTS(X) \
	/* the importers' own statements */ \
	STMT_LIST_IMP_PLAN(X) STMT_LIST_IMP_COMMISSION(X) STMT_LIST_IMP_LUP(X) \
	STMT_LIST_IMP_KOLADA(X) STMT_LIST_IMP_CSV(X) \
	/* the web pages' own statements */ \
	STMT_LIST_WEB_CITY(X) STMT_LIST_WEB_PLACES(X) STMT_LIST_WEB_FOLLOW(X) STMT_LIST_WEB_FORMS(X) \
	STMT_LIST_WEB_SEARCH(X) \
	/* plan versions: adoption, the frozen rule, version lists */ \
	STMT_LIST_PLAN_VERSION(X) \
	/* the plan document (view/plan.c, edit/plan-version.c) */ \
	STMT_LIST_PLAN_DOC(X) \
	/* the views without HTTP (src/view/) */ \
	STMT_LIST_VIEW_CHAIN(X) STMT_LIST_VIEW_REPORT(X) STMT_LIST_INDICATOR(X) \
	/* a plan version's themes and prioritised areas */ \
	STMT_LIST_PLAN_THEME(X) \
	/* the plan content's write paths */ \
	STMT_LIST_EDIT_PLAN(X) \
	/* replacing a draft version's content with a document */ \
	STMT_LIST_PLAN_REPLACE(X) \
	/* an LUP version's measures and plan partners */ \
	STMT_LIST_PLAN_MEASURE(X) \
	/* an LUP version's goals (målsättningar) */ \
	STMT_LIST_PLAN_GOAL(X) \
	/* nämndmål: numbers, results, order, removal; the year rollover */ \
	STMT_LIST_GOAL_EDIT(X) \
	/* contributions of other organisations to a district's LUP */ \
	STMT_LIST_CONTRIB(X) \
	/* imported rows' source documents and lines */ \
	STMT_LIST_PROVENANCE(X) \
	/* the export tables' loaders (src/view/org-outcomes.c) */ \
	STMT_LIST_VIEW_TABLES(X) \
	/* the city's overview of commitments and the commitment ledger */ \
	STMT_LIST_COMMIT(X) \
	/* the annual wheel: deadlines, reminders */ \
	STMT_LIST_WHEEL(X) \
	/* period locks and their reopening (edit/period-lock.c) */ \
	STMT_LIST_PERIOD_LOCK(X) \
	/* "Att göra" (view/todo.c) */ \
	STMT_LIST_TODO(X) \
	/* resources versus need: allocations, populations, the need index */ \
	STMT_LIST_NEED(X) \
	/* the follow-up report's cycle (edit/report*.c) */ \
	STMT_LIST_REPORT_CYCLE(X)

#define STMT_ENUM_(name) STMT_##name,
enum stmt { STMT_LIST(STMT_ENUM_) STMT__MAX };
#undef STMT_ENUM_

/* The domain-invariant statements that store_check runs, in order. */
#define STMT_CHECK_FIRST STMT_CHECK_DISTRICT_COMMITTEE
#define STMT_CHECK_LAST STMT_CHECK_DRAFT

#endif
