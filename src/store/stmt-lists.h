/* stmt-lists.h: the statements of the lists of kinds (store/kinds.h: `lup list` and GET
 * /api/v1/{kind}), with their SQL in sql-sqlite-lists.c and sql-pg-lists.c. Each X(NAME)
 * becomes STMT_NAME.
 *
 * LIST_<KIND> takes the kind's filters (?1.. in the order of its params, NULL when not given)
 * and then the page: a limit and an offset (the rows of the page only). COUNT_<KIND> takes the
 * same filters and gives one row: how many rows the list has without the page. The outcomes
 * have a list per filter that leads (their indicator, area or district: read through an
 * index rather than by a walk over every outcome) and a count for an area or a district.
 * LIST_DISTRICTS: every district, without a page ((district_id): `lup summary`, the city view). */
#ifndef LUP_STMT_LISTS_H
#define LUP_STMT_LISTS_H

#define STMT_LIST_LISTS(X) \
	X(LIST_ORGANISATIONS) X(LIST_DISTRICTS_PAGE) X(LIST_THEMES) X(LIST_GOALS) X(LIST_INDICATORS) \
	X(LIST_ACTIVITIES) X(LIST_MEASURES) X(LIST_PLANS) X(LIST_REPORTS) X(LIST_RECOMMENDATIONS) \
	X(LIST_AREAS) X(LIST_PERIODS) X(LIST_OUTCOMES) X(LIST_ALLOCATIONS) X(LIST_RESPONSES) \
	X(COUNT_ORGANISATIONS) X(COUNT_DISTRICTS) X(COUNT_THEMES) X(COUNT_GOALS) X(COUNT_INDICATORS) \
	X(COUNT_ACTIVITIES) X(COUNT_MEASURES) X(COUNT_PLANS) X(COUNT_REPORTS) X(COUNT_RECOMMENDATIONS) \
	X(COUNT_AREAS) X(COUNT_PERIODS) X(COUNT_OUTCOMES) X(COUNT_ALLOCATIONS) X(COUNT_RESPONSES) \
	X(LIST_OUTCOMES_INDICATOR) X(LIST_OUTCOMES_AREA) X(LIST_OUTCOMES_DISTRICT) \
	X(COUNT_OUTCOMES_AREA) X(COUNT_OUTCOMES_DISTRICT) \
	X(LIST_DISTRICTS)

#endif
