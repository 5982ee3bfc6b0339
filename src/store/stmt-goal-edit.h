/* stmt-goal-edit.h: statements of the nämndmål write paths (web/api-goal-edit.c: numbering,
 * expected results, order, removal) and of the year rollover of a verksamhetsplan
 * (edit/plan-rollover.c) (SQL in sql-sqlite-goal-edit.c). */
#ifndef LUP_STMT_GOAL_EDIT_H
#define LUP_STMT_GOAL_EDIT_H

#define STMT_LIST_GOAL_EDIT(X) \
	X(GE_RESULTS_CLEAR) X(GE_RESULT_ADD) X(GE_PLAN_VERSION) X(GE_NEXT_NUMBER) X(GE_ATTACH) \
	X(GE_SIBLINGS) X(GE_SET_NUMBER) X(GE_ASSESSED) X(GE_IND_OUTCOMES) X(GE_HANGING) X(GE_CHILDREN) \
	X(GE_MOVE_TARGET) X(GE_MOVE_INDICATORS) X(GE_MOVE_ACTIVITIES) X(GE_DELETE) X(GE_PLAN_EDITABLE) \
	X(RO_PLAN) X(RO_PLAN_FOR_YEAR) X(RO_PLAN_INSERT) X(RO_KF_GOAL) X(GE_GOAL_PV) X(RO_ORG_PLAN) X(RO_PLAN_OWNER) X(GE_SIBLING_NAMES) X(GE_IND_IDS) X(GE_ACT_IDS)

#endif
