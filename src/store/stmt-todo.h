/* stmt-todo.h: statements of "Att göra" (src/view/todo.c). SQL in sql-sqlite-todo.c,
 * parameters documented there. Each X(TODO_NAME) becomes STMT_TODO_NAME in enum stmt. */
#ifndef LUP_STMT_TODO_H
#define LUP_STMT_TODO_H

#define STMT_LIST_TODO(X) \
	X(TODO_DEADLINES) X(TODO_ORG) X(TODO_ORGS) X(TODO_REPORT) X(TODO_OPEN_REPORTS) X(TODO_UNASSESSED) \
	X(TODO_MISSING)

#endif
