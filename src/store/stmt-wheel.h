/* stmt-wheel.h: statements of the annual wheel: the deadlines of the follow-up reports (the
 * city's and the organisations' internal ones, table deadline of 0021), the reminders of
 * `lup remind` and the users' e-mail addresses (0023) (edit/deadline.c, view/wheel.c,
 * web/api-deadlines.c, web/page-wheel.c, cmd/cmd-deadline.c, cmd/cmd-remind.c); SQL in
 * sql-sqlite-wheel.c. */
#ifndef LUP_STMT_WHEEL_H
#define LUP_STMT_WHEEL_H

#define STMT_LIST_WHEEL(X) \
	X(WH_LIST) X(WH_ONE) X(WH_INSERT) X(WH_UPDATE) X(WH_DELETE) X(WH_LEVELS) X(WH_LATE_INTERNAL) \
	X(WH_ORG) X(WH_USER_EMAIL) X(WH_REMIND) X(WH_EDITORS)

#endif
