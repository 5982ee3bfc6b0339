/* stmt-imp-lup.h: statements of the 'lup' importer (SQL in sql-sqlite-imp-lup.c). Add entries as
 * X(IMP_LUP_NAME); they become STMT_IMP_LUP_NAME in enum stmt. */
#ifndef LUP_STMT_IMP_LUP_H
#define LUP_STMT_IMP_LUP_H

#define STMT_LIST_IMP_LUP(X)

#endif
