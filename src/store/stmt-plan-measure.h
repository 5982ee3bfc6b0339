/* stmt-plan-measure.h: statements of the write paths of an LUP version's prioritised measures
 * and plan partners (edit/plan-measure.c, edit/plan-partner.c) and of their API and pages (SQL
 * in sql-sqlite-plan-measure.c). */
#ifndef LUP_STMT_PLAN_MEASURE_H
#define LUP_STMT_PLAN_MEASURE_H

#define STMT_LIST_PLAN_MEASURE(X) \
	X(PM_MEASURES) X(PM_THEMES) X(PM_AREAS) X(PM_GOALS) X(PM_PARTNERS) X(PM_TGS) \
	X(PM_THEME_IN) X(PM_GOAL_IN) X(PM_PP_IN) X(PM_VERSION_GOALS) X(PM_INSERT) X(PM_SET) \
	X(PM_THEMES_CLEAR) X(PM_THEME_ADD) X(PM_AREAS_CLEAR) X(PM_AREA_ADD) X(PM_GOALS_CLEAR) \
	X(PM_GOAL_ADD) X(PM_PARTNERS_CLEAR) X(PM_PARTNER_ADD) X(PM_TGS_CLEAR) X(PM_TG_ADD) \
	X(PM_ORD_SET) X(PM_ACTIVITIES) X(PM_DELETE) X(PM_ORGS) \
	X(PP_LIST) X(PP_LABEL_TAKEN) X(PP_ORG_TAKEN) X(PP_INSERT) X(PP_SET) X(PP_DELETE) X(PP_USERS) \
	X(PM_DOC_GOALS) X(PM_DOC_DATES)

#endif
