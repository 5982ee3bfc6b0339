/* stmt-view-tables.h: statements of the export tables' loaders (src/view/org-outcomes.c, the
 * city-wide tables of src/view/tables-city.h;
 * SQL in sql-sqlite-view-tables.c). Add entries as X(VTAB_NAME); they become STMT_VTAB_NAME. */
#ifndef LUP_STMT_VIEW_TABLES_H
#define LUP_STMT_VIEW_TABLES_H

#define STMT_LIST_VIEW_TABLES(X) X(VTAB_ORG) X(VTAB_ORG_INDS) X(VTAB_ORG_VALUES) X(VTAB_ORG_ACTIVITIES) \
	X(VTAB_DISTRICTS_THEMES) X(VTAB_ORGS_DISTRICTS) X(VTAB_ACTIVITIES) X(VTAB_COMMISSION) \
	X(VTAB_ALLOCATIONS) X(VTAB_AUDIT) X(VTAB_RESPONSE_TEXT)

#endif
