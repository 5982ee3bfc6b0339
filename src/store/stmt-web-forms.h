/* stmt-web-forms.h: statements of the 'forms' web pages (SQL in sql-sqlite-web-forms.c): the
 * follow-up reports with their goals, indicators and suggested assessments, and the things the
 * editing forms change. Writes use the API's statements (stmt.h). */
#ifndef LUP_STMT_WEB_FORMS_H
#define LUP_STMT_WEB_FORMS_H

#define STMT_LIST_WEB_FORMS(X) \
	X(WEB_FORMS_REPORT) X(WEB_FORMS_REPORTS) X(WEB_FORMS_REPORT_FIND) X(WEB_FORMS_REPORT_GOALS) \
	X(WEB_FORMS_ASSESSMENTS) X(WEB_FORMS_ORG_AREA) X(WEB_FORMS_ORG) \
	X(WEB_FORMS_REPORT_INDICATORS) X(WEB_FORMS_REPORT_FIGURES) \
	X(WEB_FORMS_REPORT_ORGS) X(WEB_FORMS_GOAL) X(WEB_FORMS_INDICATOR) X(WEB_FORMS_INDICATOR_OUTCOMES) \
	X(WEB_FORMS_ACTIVITY) X(WEB_FORMS_OUTCOME_AREAS) X(WEB_FORMS_AREA_ID) X(WEB_FORMS_KF_GOALS) X(WEB_FORMS_PLAN_YEAR)

#endif
