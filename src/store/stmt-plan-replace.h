/* stmt-plan-replace.h: statements of replacing a draft plan version's content with a document
 * (edit/plan-version.c plan_version_replace) and the owner a scoped import of a document checks
 * (import/imp-json.c); SQL in sql-sqlite-plan-replace.c. */
#ifndef LUP_STMT_PLAN_REPLACE_H
#define LUP_STMT_PLAN_REPLACE_H

#define STMT_LIST_PLAN_REPLACE(X) \
	X(PR_VERSION) X(PR_DEL_ACTIVITIES) X(PR_DEL_INDICATORS) X(PR_DEL_GOALS) X(PR_DEL_MEASURES) \
	X(PR_DEL_THEMES) X(PR_DEL_PARTNERS) X(PR_DEL_PAREAS) X(PR_DEL_SECTIONS) X(PR_VERSION_SET) \
	X(PR_PLAN_OWNER)

#endif
