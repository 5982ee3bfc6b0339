/* stmt-web-search.h: the statement behind store_search (the search page, /sok). Only the
 * store's own search code runs it (search-sqlite.c, search-pg.c), each with its backend's
 * parameters, documented with the SQL in sql-sqlite-web-search.c and sql-pg-web-search.c; the
 * result columns are the same on both. Each X(WEB_SEARCH_NAME) becomes STMT_WEB_SEARCH_NAME. */
#ifndef LUP_STMT_WEB_SEARCH_H
#define LUP_STMT_WEB_SEARCH_H

#define STMT_LIST_WEB_SEARCH(X) X(WEB_SEARCH_HITS)

#endif
