/* stmt-web-city.h: statements of the 'city' web pages (SQL in sql-sqlite-web-city.c). Add entries as
 * X(WEB_CITY_NAME); they become STMT_WEB_CITY_NAME in enum stmt. */
#ifndef LUP_STMT_WEB_CITY_H
#define LUP_STMT_WEB_CITY_H

#define STMT_LIST_WEB_CITY(X) \
	X(WEB_CITY_INDICATORS) X(WEB_CITY_DEFAULT_INDICATOR) X(WEB_CITY_PERIODS) X(WEB_CITY_PERIOD_REPORTS) \
	X(WEB_CITY_FULFILMENT) X(WEB_CITY_ORG_LIST) X(WEB_CITY_ORG_DISTRICTS) X(WEB_CITY_ORG_COUNTS)

#endif
