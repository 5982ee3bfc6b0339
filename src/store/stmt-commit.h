/* stmt-commit.h: statements of the city's overview of commitments (view/commitments.c: who
 * contributes to which district's programme, through LUP measures and activities, with roles)
 * and of the commitment ledger per tertial (view/ledger.c). SQL in sql-sqlite-commit.c,
 * parameters documented there. Each X(COMMIT_NAME) becomes STMT_COMMIT_NAME in enum stmt. */
#ifndef LUP_STMT_COMMIT_H
#define LUP_STMT_COMMIT_H

#define STMT_LIST_COMMIT(X) \
	X(COMMIT_LINKS) X(COMMIT_DISTRICTS) X(COMMIT_ADOPTED) X(COMMIT_ORGS) \
	X(COMMIT_LEDGER_PARTIES) X(COMMIT_LEDGER_PAIRS) X(COMMIT_LEDGER_REPORTS) X(COMMIT_LEDGER_DUE) \
	X(COMMIT_LEDGER_MEASURES) X(COMMIT_LEDGER_ACTIVITIES) X(COMMIT_LEDGER_UPDATES) X(COMMIT_LEDGER_RESOURCES)

#endif
