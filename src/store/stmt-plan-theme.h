/* stmt-plan-theme.h: statements of the write paths of a plan version's themes and prioritised
 * areas (edit/plan-theme.c, edit/plan-area.c, edit/plan-draft.c) and of their API and pages
 * (SQL in sql-sqlite-plan-theme.c). */
#ifndef LUP_STMT_PLAN_THEME_H
#define LUP_STMT_PLAN_THEME_H

#define STMT_LIST_PLAN_THEME(X) \
	X(PT_VERSION) X(PT_DRAFT) X(PT_PLAN_OF) X(PT_THEMES) X(PT_THEME) X(PT_ALIASES) X(PT_GROUPS) X(PT_NAME_TAKEN) \
	X(PT_THEME_INSERT) X(PT_THEME_SET) X(PT_ALIAS_DATED) X(PT_ALIAS_DROP) X(PT_GROUPS_CLEAR) \
	X(PT_GROUP_ADD) X(PT_ORD_SET) X(PT_REFS) X(PT_MOVE_GOALS) X(PT_MOVE_ACTIVITIES) \
	X(PT_MOVE_MEASURES) X(PT_THEME_DELETE) X(PT_AREAS) X(PT_AREA_IN_DISTRICT) X(PT_PAREAS) \
	X(PT_PAREAS_CLEAR) X(PT_PAREA_ADD) X(PT_SCOPE_SET)

#endif
