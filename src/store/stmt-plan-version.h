/* stmt-plan-version.h: statements of plan versions: adoption (edit/plan-adopt.c), the frozen
 * rule of the write routes, and the version lists of the CLI, the API and the district page
 * (SQL in sql-sqlite-plan-version.c). */
#ifndef LUP_STMT_PLAN_VERSION_H
#define LUP_STMT_PLAN_VERSION_H

#define STMT_LIST_PLAN_VERSION(X) \
	X(PV_PLAN) X(PV_HEAD) X(PV_ROW) X(PV_ADOPT) X(PV_SUPERSEDE) X(PV_LIST) \
	X(PV_FROZEN_GOAL) X(PV_FROZEN_ACTIVITY) X(PV_FROZEN_INDICATOR) X(PV_DISTRICT_LUP) \
	X(PV_DISTRICT_VERSION) X(PV_SECTIONS) X(PV_PAREAS) X(PV_PARTNERS)

#endif
