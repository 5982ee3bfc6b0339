/* stmt-web-search.h: statements of the search page (/sok); SQL in sql-sqlite-web-search.c,
 * parameters documented there. Each X(WEB_SEARCH_NAME) becomes STMT_WEB_SEARCH_NAME. */
#ifndef LUP_STMT_WEB_SEARCH_H
#define LUP_STMT_WEB_SEARCH_H

#define STMT_LIST_WEB_SEARCH(X) X(WEB_SEARCH_HITS)

#endif
