/* stmt-view-tables.h: statements of the export tables' loaders (src/view/org-outcomes.c ...;
 * SQL in sql-sqlite-view-tables.c). Add entries as X(VTAB_NAME); they become STMT_VTAB_NAME. */
#ifndef LUP_STMT_VIEW_TABLES_H
#define LUP_STMT_VIEW_TABLES_H

#define STMT_LIST_VIEW_TABLES(X) X(VTAB_ORG) X(VTAB_ORG_VALUES) X(VTAB_ORG_ACTIVITIES)

#endif
