/* stmt-web-follow.h: statements of the 'follow' web pages: the commission pages (/kommissionen)
 * and the activities of a follow-up report with their status in it (table activity_update;
 * shared by the report page, the API's report routes and the to-do list); the search page's are in
 * stmt-web-search.h. SQL in sql-sqlite-web-follow.c, parameters documented there. Each
 * X(WEB_FOLLOW_NAME) becomes STMT_WEB_FOLLOW_NAME in enum stmt. */
#ifndef LUP_STMT_WEB_FOLLOW_H
#define LUP_STMT_WEB_FOLLOW_H

#define STMT_LIST_WEB_FOLLOW(X) \
	X(WEB_FOLLOW_REPORTS) X(WEB_FOLLOW_MEASURES) X(WEB_FOLLOW_COLUMNS) X(WEB_FOLLOW_CELLS) \
	X(WEB_FOLLOW_ADMINS) X(WEB_FOLLOW_RESPONSE) X(WEB_FOLLOW_RESPONSE_REFS) \
	X(WEB_FOLLOW_MEASURE_RESPONSES) X(WEB_FOLLOW_ADMIN) X(WEB_FOLLOW_ADMIN_REPORTS) \
	X(WEB_FOLLOW_ADMIN_RESPONSES) \
	X(WEB_FOLLOW_REPORT_ACTIVITIES) X(WEB_FOLLOW_REPORT_ACTIVITY) X(WEB_FOLLOW_REPORT_ACTS) \
	X(WEB_FOLLOW_REPORT_GOAL_TEXTS) \
	X(WEB_FOLLOW_REL_REPORT_ACTIVITIES)

#endif
