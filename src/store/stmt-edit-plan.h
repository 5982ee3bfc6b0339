/* stmt-edit-plan.h: statements of the plan content's write paths (src/edit/plan-*.c) and of the
 * routes that read a plan version's sections (SQL in sql-sqlite-edit-plan.c). */
#ifndef LUP_STMT_EDIT_PLAN_H
#define LUP_STMT_EDIT_PLAN_H

#define STMT_LIST_EDIT_PLAN(X) \
	X(SECTION_GET) X(SECTION_LIST) X(SECTION_SET)

#endif
