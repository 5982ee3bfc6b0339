/* stmt-imp-commission.h: statements of the 'commission' importer (SQL in sql-sqlite-imp-commission.c). Add entries as
 * X(IMP_COMMISSION_NAME); they become STMT_IMP_COMMISSION_NAME in enum stmt. */
#ifndef LUP_STMT_IMP_COMMISSION_H
#define LUP_STMT_IMP_COMMISSION_H

#define STMT_LIST_IMP_COMMISSION(X)

#endif
