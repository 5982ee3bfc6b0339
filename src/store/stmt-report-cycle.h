/* stmt-report-cycle.h: statements of the follow-up report's one write path (edit/report*.c) and
 * of the cycle's reads (the history, the carried marks, the "Ej bedömt" goals, the setting
 * committee_decision). SQL in sql-sqlite-report-cycle.c, parameters documented there. Each
 * X(RC_NAME) becomes STMT_RC_NAME in enum stmt. */
#ifndef LUP_STMT_REPORT_CYCLE_H
#define LUP_STMT_REPORT_CYCLE_H

#define STMT_LIST_REPORT_CYCLE(X) \
	X(RC_STATE) X(RC_SETTING) X(RC_SETTING_SET) X(RC_EVENT_INSERT) X(RC_EVENTS) \
	X(RC_ASSESS_UPSERT) X(RC_ACT_UPSERT) X(RC_ACT_DELETE) X(RC_FORECAST) X(RC_SUBMIT) X(RC_DECIDE) \
	X(RC_DECISION_SET) X(RC_PREV_REPORT) X(RC_CARRY_ASSESSMENTS) X(RC_CARRY_ACTIVITIES) \
	X(RC_CONTENT) X(RC_DELETE_CARRIED) X(RC_DELETE_CARRIED_ACTS) X(RC_CARRIED) X(RC_NONE_GOALS_ALL)

#endif
