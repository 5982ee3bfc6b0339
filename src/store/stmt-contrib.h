/* stmt-contrib.h: statements of the contributions of other organisations to a district's LUP
 * (edit/contribution.c, web/api-contributions.c, web/page-district-contributions.c,
 * web/page-contribution.c); SQL in sql-sqlite-contrib.c. */
#ifndef LUP_STMT_CONTRIB_H
#define LUP_STMT_CONTRIB_H

#define STMT_LIST_CONTRIB(X) \
	X(CB_ORG) X(CB_PLAN) X(CB_PLAN_VERSION) X(CB_PLAN_INSERT) X(CB_VERSION_INSERT) X(CB_MEASURE) \
	X(CB_GOAL) X(CB_INSERT) X(CB_SET) X(CB_DISTRICTS_CLEAR) X(CB_DISTRICT_ADD) X(CB_ONE) \
	X(CB_DISTRICTS) X(CB_LIST) X(CB_ADOPTED) X(CB_TARGETS) X(CB_DISTRICT_STATUS)

#endif
