/* stmt-imp-csv.h: statements of the 'csv' importer (SQL in sql-sqlite-imp-csv.c). Add entries as
 * X(IMP_CSV_NAME); they become STMT_IMP_CSV_NAME in enum stmt. */
#ifndef LUP_STMT_IMP_CSV_H
#define LUP_STMT_IMP_CSV_H

#define STMT_LIST_IMP_CSV(X) X(IMP_CSV_INDICATOR) X(IMP_CSV_AREA)

#endif
