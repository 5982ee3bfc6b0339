/* stmt-web-follow.h: statements of the 'follow' web pages (SQL in sql-sqlite-web-follow.c). Add entries as
 * X(WEB_FOLLOW_NAME); they become STMT_WEB_FOLLOW_NAME in enum stmt. */
#ifndef LUP_STMT_WEB_FOLLOW_H
#define LUP_STMT_WEB_FOLLOW_H

#define STMT_LIST_WEB_FOLLOW(X)

#endif
