/* stmt-imp-plan.h: statements of the 'plan' importer (SQL in sql-sqlite-imp-plan.c). Add entries as
 * X(IMP_PLAN_NAME); they become STMT_IMP_PLAN_NAME in enum stmt. */
#ifndef LUP_STMT_IMP_PLAN_H
#define LUP_STMT_IMP_PLAN_H

#define STMT_LIST_IMP_PLAN(X)

#endif
