/* stmt-imp-kolada.h: statements of the 'kolada' importer (SQL in sql-sqlite-imp-kolada.c). Add entries as
 * X(IMP_KOLADA_NAME); they become STMT_IMP_KOLADA_NAME in enum stmt. */
#ifndef LUP_STMT_IMP_KOLADA_H
#define LUP_STMT_IMP_KOLADA_H

#define STMT_LIST_IMP_KOLADA(X) \
	X(IMP_KOLADA_INDICATORS) X(IMP_KOLADA_INDICATOR_UPSERT) X(IMP_KOLADA_AREA_BY_CODE)

#endif
