/* stmt-web-search.h: the statements behind store_search (the search page, /sok). Only the
 * store's own search code runs them (search-sqlite.c, search-pg.c), each with its backend's
 * parameters, documented with the SQL in sql-sqlite-web-search.c and sql-pg-web-search.c;
 * WEB_SEARCH_HITS gives the hits, with the same result columns on both. SQLite finds the
 * hits' rowids first (WEB_SEARCH_ROWIDS) and gives those only its words index found, marked,
 * by WEB_SEARCH_WORDS; PostgreSQL runs WEB_SEARCH_HITS alone. Each X(WEB_SEARCH_NAME) becomes
 * STMT_WEB_SEARCH_NAME. */
#ifndef LUP_STMT_WEB_SEARCH_H
#define LUP_STMT_WEB_SEARCH_H

#define STMT_LIST_WEB_SEARCH(X) X(WEB_SEARCH_HITS) X(WEB_SEARCH_ROWIDS) X(WEB_SEARCH_WORDS)

#endif
