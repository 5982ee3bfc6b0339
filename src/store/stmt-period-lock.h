/* stmt-period-lock.h: statements of the period locks and their reopening (edit/period-lock.c).
 * SQL in sql-sqlite-period-lock.c, parameters documented there. Each X(PL_NAME) becomes
 * STMT_PL_NAME in enum stmt. */
#ifndef LUP_STMT_PERIOD_LOCK_H
#define LUP_STMT_PERIOD_LOCK_H

#define STMT_LIST_PERIOD_LOCK(X) \
	X(PL_PERIOD) X(PL_DEADLINE) X(PL_REOPENED) X(PL_REOPEN_INSERT) X(PL_REOPEN_ONE) X(PL_REOPENS)

#endif
