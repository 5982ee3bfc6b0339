/* stmt-plan-goal.h: statements of the write path of an LUP version's goals (målsättningar,
 * edit/plan-goal.c), their API and form pages and the district page's goals section (SQL in
 * sql-sqlite-plan-goal.c). */
#ifndef LUP_STMT_PLAN_GOAL_H
#define LUP_STMT_PLAN_GOAL_H

#define STMT_LIST_PLAN_GOAL(X) \
	X(PG_GOALS) X(PG_GOAL) X(PG_PLAN) X(PG_AREA) X(PG_INDICATOR) X(PG_GOAL_INSERT) X(PG_GOAL_SET) \
	X(PG_GOAL_INDICATOR) X(PG_INDICATOR_INSERT) X(PG_REFS) X(PG_REHOME) X(PG_GOAL_DELETE) \
	X(PG_INDICATORS) X(PG_OUTCOMES) X(PG_ORG_LUP)

#endif
