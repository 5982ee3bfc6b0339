/* stmt-plan-doc.h: statements of a plan version as one document (src/view/plan.c reads it,
 * src/edit/plan-version.c writes a new draft version from one; SQL in sql-sqlite-plan-doc.c).
 * Each entry X(PD_NAME) becomes STMT_PD_NAME in enum stmt; the parameters are documented at
 * the SQL. The reads name their columns as the document's fields (docs/plan-json.md), in the
 * document's order; a column whose name starts with '_' is for the loader, not the document. */
#ifndef LUP_STMT_PLAN_DOC_H
#define LUP_STMT_PLAN_DOC_H

#define STMT_LIST_PLAN_DOC(X) \
	/* reads */ \
	X(PD_PICK) X(PD_PLAN) X(PD_VERSION) X(PD_SECTIONS) X(PD_THEMES) X(PD_THEME_ALIASES) \
	X(PD_THEME_TGS) X(PD_AREAS) X(PD_PARTNERS) X(PD_GOALS) X(PD_GOAL_RESULTS) \
	X(PD_GOAL_INDICATORS) X(PD_EXT_INDICATORS) X(PD_TARGETS) X(PD_MEASURES) \
	X(PD_MEASURE_THEMES) X(PD_MEASURE_AREAS) X(PD_MEASURE_TGS) X(PD_MEASURE_PARTNERS) \
	X(PD_ACTIVITIES) X(PD_ACTIVITY_DISTRICTS) X(PD_ACTIVITY_PARTNERS) X(PD_THEME_REF) \
	X(PD_MEASURE_REF) \
	/* lookups of the writer */ \
	X(PD_PLAN_KIND) X(PD_DRAFT) X(PD_NEXT) X(PD_VERSION_ID) X(PD_THEME_FIND) X(PD_MEASURE_FIND) \
	/* writes */ \
	X(PD_PV_INSERT) X(PD_SECTION_INSERT) X(PD_THEME_INSERT) X(PD_THEME_ALIAS_INSERT) \
	X(PD_THEME_TG_INSERT) X(PD_PAREA_INSERT) X(PD_PARTNER_INSERT) X(PD_GOAL_INSERT) \
	X(PD_GOAL_PARENT) X(PD_GOAL_INDICATOR_SET) X(PD_GOAL_RESULT_INSERT) X(PD_INDICATOR_INSERT) X(PD_TARGET_INSERT) \
	X(PD_MEASURE_INSERT) X(PD_MEASURE_THEME_INSERT) X(PD_MEASURE_AREA_INSERT) \
	X(PD_MEASURE_TG_INSERT) X(PD_MEASURE_PARTNER_INSERT) X(PD_ACTIVITY_INSERT) \
	X(PD_ACTIVITY_DISTRICT_INSERT) X(PD_ACTIVITY_PARTNER_INSERT)

#endif
