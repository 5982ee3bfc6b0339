/* stmt-web-places.h: statements of the 'places' web pages (SQL in sql-sqlite-web-places.c). Add entries as
 * X(WEB_PLACES_NAME); they become STMT_WEB_PLACES_NAME in enum stmt. */
#ifndef LUP_STMT_WEB_PLACES_H
#define LUP_STMT_WEB_PLACES_H

#define STMT_LIST_WEB_PLACES(X)

#endif
