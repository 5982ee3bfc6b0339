/* stmt-lists.h: the statements of the lists of kinds (store/kinds.h: `lup list` and GET
 * /api/v1/{kind}), with their SQL in sql-sqlite-lists.c and sql-pg-lists.c. Each X(NAME)
 * becomes STMT_NAME.
 *
 * LIST_<KIND> takes the kind's filters (?1.. in the order of its params, NULL when not given)
 * and gives the whole list, which the API cuts to its page (lists of a few hundred rows at most,
 * which SQL sorts whole in any case). The outcomes (19,725 on the demo) are paged in SQL: their
 * lists take a limit and an offset after the filters and read the rows of the page only, one
 * per filter that leads (none: in the order of the ids; an indicator, an area, a district:
 * through an index), and COUNT_OUTCOMES* take the filters and give the list's length without
 * the page (from migration 0055's tables where no area or district is given).
 * LIST_DISTRICTS_BY_ID: LIST_DISTRICTS' rows in the order of their ids (the kind's list: the
 * loader puts them in LIST_DISTRICTS' order, the names' Swedish one, without SQL's collation
 * sort); LIST_DISTRICTS itself is the city page's and `lup summary`'s. */
#ifndef LUP_STMT_LISTS_H
#define LUP_STMT_LISTS_H

#define STMT_LIST_LISTS(X) \
	X(LIST_ORGANISATIONS) X(LIST_DISTRICTS) X(LIST_DISTRICTS_BY_ID) X(LIST_THEMES) X(LIST_GOALS) X(LIST_INDICATORS) \
	X(LIST_ACTIVITIES) X(LIST_MEASURES) X(LIST_PLANS) X(LIST_REPORTS) X(LIST_RECOMMENDATIONS) \
	X(LIST_AREAS) X(LIST_PERIODS) X(LIST_OUTCOMES) X(LIST_ALLOCATIONS) X(LIST_RESPONSES) \
	X(COUNT_OUTCOMES) \
	X(LIST_OUTCOMES_INDICATOR) X(LIST_OUTCOMES_AREA) X(LIST_OUTCOMES_DISTRICT) \
	X(COUNT_OUTCOMES_AREA) X(COUNT_OUTCOMES_DISTRICT) X(COUNT_OUTCOMES_ALL)

#endif
