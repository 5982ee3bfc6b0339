/* stmt-need.h: statements of resources versus need (docs/resources-need.md): the allocations'
 * write path (edit/allocation.c), the need index's loader (view/need.c), the districts'
 * populations and the city's choice of need indicators; SQL in sql-sqlite-need.c, parameters
 * documented there. Each X(NAME) becomes STMT_NAME in enum stmt. */
#ifndef LUP_STMT_NEED_H
#define LUP_STMT_NEED_H

#define STMT_LIST_NEED(X) \
	X(AL_ORG) X(AL_ONE) X(AL_FIND) X(AL_DROP_EXAMPLE) X(AL_INSERT) X(AL_SET) X(AL_DELETE) X(AL_OF_ORG) \
	X(AL_BUDGET) X(AL_SUMS) X(AL_LIST) X(AL_COUNT) \
	X(NEED_POP_UPSERT) X(NEED_DISTRICTS) X(NEED_CHOSEN) X(NEED_INDICATORS) X(NEED_INDICATOR) \
	X(NEED_VALUES) X(NEED_SEEN) X(NEED_CLEAR) X(NEED_ADD) X(NEED_YEAR)

#endif
