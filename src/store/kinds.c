/* kinds.c: the entity kinds of `lup list` and `lup show`, as a table. */
#include "store/kinds.h"

#include <stdio.h>
#include <string.h>

static const char *const org_bools[] = { "city_owned", "housing", NULL };
static const char *const district_bools[] = { "prioritised", NULL };
static const char *const theme_bools[] = { "extra", NULL };
static const char *const indicator_bools[] = { "by_sex", "by_area", NULL };

static const struct kind kinds[] = {
	{ "organisations", "organisation", STMT_LIST_ORGANISATIONS, { F_KIND, F_DISTRICT },
	  STMT_SHOW_ORGANISATION, STMT_ORG_ID_LOOSE, org_bools,
	  { { "aliases", STMT_REL_ORG_ALIASES }, { "plans", STMT_REL_ORG_PLANS },
	    { "units_and_pairs", STMT_REL_ORG_CHILDREN } } },
	{ "districts", "district", STMT_LIST_DISTRICTS, { F_DISTRICT },
	  STMT_SHOW_DISTRICT, STMT_DISTRICT_ID_LOOSE, district_bools,
	  { { "areas", STMT_REL_DISTRICT_NEIGHBOURHOODS }, { "prioritised_areas", STMT_REL_DISTRICT_PAREAS },
	    { "themes", STMT_REL_DISTRICT_THEMES }, { "measures", STMT_REL_DISTRICT_MEASURES },
	    { "partners", STMT_REL_DISTRICT_PARTNERS }, { "activities", STMT_REL_DISTRICT_ACTIVITIES } } },
	{ "themes", "theme", STMT_LIST_THEMES, { F_DISTRICT },
	  STMT_SHOW_THEME, STMT__MAX, theme_bools,
	  { { "aliases", STMT_REL_THEME_ALIASES }, { "measures", STMT_REL_THEME_MEASURES } } },
	{ "goals", "goal", STMT_LIST_GOALS, { F_ORG, F_YEAR, F_DISTRICT, F_LEVEL },
	  STMT_SHOW_GOAL, STMT_GOAL_ID, NULL,
	  { { "children", STMT_REL_GOAL_CHILDREN }, { "expected_results", STMT_REL_GOAL_RESULTS },
	    { "indicators", STMT_REL_GOAL_INDICATORS }, { "activities", STMT_REL_GOAL_ACTIVITIES } } },
	{ "indicators", "indicator", STMT_LIST_INDICATORS, { F_ORG, F_YEAR, F_DISTRICT },
	  STMT_SHOW_INDICATOR, STMT_INDICATOR_ID, indicator_bools,
	  { { "targets", STMT_REL_INDICATOR_TARGETS }, { "outcomes", STMT_REL_INDICATOR_OUTCOMES } } },
	{ "activities", "activity", STMT_LIST_ACTIVITIES, { F_ORG, F_DISTRICT, F_YEAR },
	  STMT_SHOW_ACTIVITY, STMT_ACTIVITY_ID, NULL,
	  { { "districts", STMT_REL_ACTIVITY_DISTRICTS }, { "partners", STMT_REL_ACTIVITY_PARTNERS } } },
	{ "measures", "measure", STMT_LIST_MEASURES, { F_DISTRICT, F_ORG },
	  STMT_SHOW_MEASURE, STMT_MEASURE_ID, NULL,
	  { { "themes", STMT_REL_MEASURE_THEMES }, { "partners", STMT_REL_MEASURE_PARTNERS },
	    { "areas", STMT_REL_MEASURE_AREAS } } },
	{ "plans", "plan", STMT_LIST_PLANS, { F_ORG, F_DISTRICT, F_YEAR },
	  STMT_SHOW_PLAN, STMT_PLAN_ID, NULL,
	  { { "versions", STMT_REL_PLAN_VERSIONS }, { "sections", STMT_REL_PLAN_SECTIONS },
	    { "themes", STMT_REL_PLAN_THEMES }, { "goals", STMT_REL_PLAN_GOALS } } },
	{ "reports", "report", STMT_LIST_REPORTS, { F_ORG, F_YEAR },
	  STMT_SHOW_REPORT, STMT__MAX, NULL,
	  { { "assessments", STMT_REL_REPORT_ASSESSMENTS } } },
	{ "recommendations", "recommendation", STMT_LIST_RECOMMENDATIONS, { F_END },
	  STMT_SHOW_RECOMMENDATION, STMT__MAX, NULL,
	  { { "measures", STMT_REL_RECOMMENDATION_MEASURES } } },
};

const struct kind *kind_find(const char *name)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(name, kinds[i].name) == 0 || strcmp(name, kinds[i].singular) == 0)
			return &kinds[i];
	return NULL;
}

void kind_names_print(FILE *f)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		fprintf(f, "%s%s", i ? ", " : "", kinds[i].name);
}
