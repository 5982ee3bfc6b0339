/* stmt-provenance.h: statements of imported rows' provenance (SQL in sql-sqlite-provenance.c;
 * schema in 0019-provenance.sql). They become STMT_PROV_* in enum stmt.
 * CHECK_PROVENANCE_ORPHAN is in stmt.h's range of checks; its SQL is in the same file. */
#ifndef LUP_STMT_PROVENANCE_H
#define LUP_STMT_PROVENANCE_H

#define STMT_LIST_PROVENANCE(X) X(PROV_DOC_FIND) X(PROV_DOC_ADD) X(PROV_SET) X(PROV_GET) X(PROV_DROP) \
	X(PROV_OF_GOAL) X(PROV_OF_INDICATOR) X(PROV_OF_ACTIVITY) X(PROV_OF_MEASURE) X(PROV_OF_RESPONSE)

#endif
