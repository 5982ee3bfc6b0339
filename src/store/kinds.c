/* kinds.c: the entity kinds of `lup list` and `lup show`, as a table. */
#include "store/kinds.h"

#include "core/err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const org_bools[] = { "city_owned", "housing", NULL };
static const char *const district_bools[] = { "prioritised", NULL };
static const char *const theme_bools[] = { "extra", NULL };
static const char *const indicator_bools[] = { "by_sex", "by_area", NULL };
static const char *const outcome_bools[] = { "missing", "derived", "example", NULL };
static const char *const example_bools[] = { "example", NULL };
static const char *const response_bools[] = { "no_response", NULL };

/* The district's show and relations by the text that names it, in the order of its rels. */
static const enum stmt district_by_key[] = { STMT_DISTRICT_KEY_SHOW, STMT_DISTRICT_KEY_NEIGHBOURHOODS,
	STMT_DISTRICT_KEY_PAREAS, STMT_DISTRICT_KEY_THEMES, STMT_DISTRICT_KEY_MEASURES,
	STMT_DISTRICT_KEY_PARTNERS, STMT_DISTRICT_KEY_ACTIVITIES };

/* REL: a relation its statement orders (REL_BY_SQL). */
#define REL(name, stmt, own) { name, stmt, own, REL_BY_SQL }
/* RELK: a relation whose statement begins with its order's keys (REL_BY_KEYS). */
#define RELK(name, stmt, own) { name, stmt, own, REL_BY_KEYS }

static const struct kind kinds[] = {
	{ "organisations", "organisation", STMT_LIST_ORGANISATIONS, STMT__MAX, { F_KIND, F_DISTRICT },
	  STMT_SHOW_ORGANISATION, STMT_ORG_ID_LOOSE, org_bools,
	  { REL("aliases", STMT_REL_ORG_ALIASES, REL_LINKED), REL("plans", STMT_REL_ORG_PLANS, REL_LINKED),
	    REL("units_and_pairs", STMT_REL_ORG_CHILDREN, REL_LINKED) } },
	{ "districts", "district", STMT_LIST_DISTRICTS_BY_ID, STMT__MAX, { F_DISTRICT },
	  STMT_SHOW_DISTRICT, STMT_DISTRICT_ID_LOOSE, district_bools,
	  { { "areas", STMT_REL_DISTRICT_NEIGHBOURHOODS, REL_LINKED, REL_BY_KEY_NAME },
	    RELK("prioritised_areas", STMT_REL_DISTRICT_PAREAS, REL_LINKED),
	    RELK("themes", STMT_REL_DISTRICT_THEMES, REL_LINKED), RELK("measures", STMT_REL_DISTRICT_MEASURES, REL_LINKED),
	    RELK("partners", STMT_REL_DISTRICT_PARTNERS, REL_LINKED),
	    { "activities", STMT_REL_DISTRICT_ACTIVITIES, REL_LINKED, REL_BY_OWNER } } },
	{ "themes", "theme", STMT_LIST_THEMES, STMT__MAX, { F_DISTRICT },
	  STMT_SHOW_THEME, STMT__MAX, theme_bools,
	  { REL("aliases", STMT_REL_THEME_ALIASES, REL_LINKED), REL("measures", STMT_REL_THEME_MEASURES, REL_LINKED) } },
	{ "goals", "goal", STMT_LIST_GOALS, STMT__MAX, { F_ORG, F_YEAR, F_DISTRICT, F_LEVEL },
	  STMT_SHOW_GOAL, STMT_GOAL_ID, NULL,
	  { REL("children", STMT_REL_GOAL_CHILDREN, REL_LINKED), REL("expected_results", STMT_REL_GOAL_RESULTS, REL_OWN),
	    REL("indicators", STMT_REL_GOAL_INDICATORS, REL_LINKED), REL("activities", STMT_REL_GOAL_ACTIVITIES, REL_LINKED),
	    REL("provenance", STMT_PROV_OF_GOAL, REL_LINKED) } },
	{ "indicators", "indicator", STMT_LIST_INDICATORS, STMT__MAX, { F_ORG, F_YEAR, F_DISTRICT },
	  STMT_SHOW_INDICATOR, STMT_INDICATOR_ID, indicator_bools,
	  { REL("targets", STMT_REL_INDICATOR_TARGETS, REL_OWN), { "outcomes", STMT_REL_INDICATOR_OUTCOMES, REL_OWN, REL_IN_RUNS },
	    REL("provenance", STMT_PROV_OF_INDICATOR, REL_LINKED) } },
	{ "activities", "activity", STMT_LIST_ACTIVITIES, STMT__MAX, { F_ORG, F_DISTRICT, F_YEAR },
	  STMT_SHOW_ACTIVITY, STMT_ACTIVITY_ID, NULL,
	  { REL("districts", STMT_REL_ACTIVITY_DISTRICTS, REL_OWN), REL("partners", STMT_REL_ACTIVITY_PARTNERS, REL_OWN),
	    REL("provenance", STMT_PROV_OF_ACTIVITY, REL_LINKED) } },
	{ "measures", "measure", STMT_LIST_MEASURES, STMT__MAX, { F_DISTRICT, F_ORG },
	  STMT_SHOW_MEASURE, STMT_MEASURE_ID, NULL,
	  { REL("themes", STMT_REL_MEASURE_THEMES, REL_LINKED), REL("partners", STMT_REL_MEASURE_PARTNERS, REL_LINKED),
	    REL("areas", STMT_REL_MEASURE_AREAS, REL_LINKED), REL("provenance", STMT_PROV_OF_MEASURE, REL_LINKED) } },
	{ "plans", "plan", STMT_LIST_PLANS, STMT__MAX, { F_ORG, F_DISTRICT, F_YEAR },
	  STMT_SHOW_PLAN, STMT_PLAN_ID, NULL,
	  { REL("versions", STMT_REL_PLAN_VERSIONS, REL_LINKED), REL("sections", STMT_REL_PLAN_SECTIONS, REL_LINKED),
	    REL("themes", STMT_REL_PLAN_THEMES, REL_LINKED), REL("goals", STMT_REL_PLAN_GOALS, REL_LINKED) } },
	{ "reports", "report", STMT_LIST_REPORTS, STMT__MAX, { F_ORG, F_YEAR },
	  STMT_SHOW_REPORT, STMT__MAX, NULL,
	  { REL("assessments", STMT_REL_REPORT_ASSESSMENTS, REL_OWN),
	    REL("activities", STMT_WEB_FOLLOW_REL_REPORT_ACTIVITIES, REL_OWN),
	    REL("revisions", STMT_IND_REPORT_REVISIONS, REL_LINKED),
	    REL("events", STMT_RC_EVENTS, REL_LINKED) } },
	{ "areas", "area", STMT_LIST_AREAS, STMT__MAX, { F_DISTRICT, F_KIND },
	  STMT_SHOW_AREA, STMT_AREA_ID_LOOSE, district_bools,
	  { REL("aliases", STMT_REL_AREA_ALIASES, REL_LINKED), REL("areas", STMT_REL_AREA_CHILDREN, REL_LINKED) } },
	{ "periods", "period", STMT_LIST_PERIODS, STMT__MAX, { F_YEAR },
	  STMT_SHOW_PERIOD, STMT__MAX, NULL, { REL(NULL, 0, REL_LINKED) } },
	{ "outcomes", "outcome", STMT_LIST_OUTCOMES, STMT_COUNT_OUTCOMES,
	  { F_ORG, F_DISTRICT, F_YEAR, F_INDICATOR, F_AREA, F_SEX, F_PERIOD },
	  STMT_SHOW_OUTCOME, STMT__MAX, outcome_bools, { REL(NULL, 0, REL_LINKED) } },
	{ "allocations", "allocation", STMT_LIST_ALLOCATIONS, STMT__MAX, { F_ORG, F_DISTRICT, F_YEAR },
	  STMT_SHOW_ALLOCATION, STMT__MAX, example_bools, { REL(NULL, 0, REL_LINKED) } },
	{ "responses", "response", STMT_LIST_RESPONSES, STMT__MAX, { F_ORG },
	  STMT_SHOW_RESPONSE, STMT__MAX, response_bools,
	  { REL("parts", STMT_REL_RESPONSE_PARTS, REL_LINKED), REL("provenance", STMT_PROV_OF_RESPONSE, REL_LINKED) } },
	{ "recommendations", "recommendation", STMT_LIST_RECOMMENDATIONS, STMT__MAX, { F_END },
	  STMT_SHOW_RECOMMENDATION, STMT__MAX, NULL,
	  { REL("measures", STMT_REL_RECOMMENDATION_MEASURES, REL_LINKED) } },
};

const struct kind *kind_find(const char *name)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(name, kinds[i].name) == 0 || strcmp(name, kinds[i].singular) == 0)
			return &kinds[i];
	return NULL;
}

const enum stmt *kind_key_stmts(const struct kind *k)
{
	return k->show == STMT_SHOW_DISTRICT ? district_by_key : NULL;
}

void kind_names_print(FILE *f)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		fprintf(f, "%s%s", i ? ", " : "", kinds[i].name);
}

int kind_count(void)
{
	return (int)(sizeof(kinds) / sizeof(kinds[0]));
}

const struct kind *kind_at(int i)
{
	return i >= 0 && i < kind_count() ? &kinds[i] : NULL;
}

const char *kind_filter_name(enum filter f)
{
	static const char *const names[F__MAX] = {
		[F_DISTRICT] = "district", [F_ORG] = "org", [F_YEAR] = "year", [F_LEVEL] = "level",
		[F_KIND] = "kind", [F_INDICATOR] = "indicator", [F_AREA] = "area", [F_SEX] = "sex",
		[F_PERIOD] = "period",
	};
	return (unsigned)f < F__MAX && names[f] ? names[f] : "";
}

const char *kind_filter_doc(enum filter f)
{
	static const char *const docs[F__MAX] = {
		[F_DISTRICT] = "a district (key, name or alias): its own rows and its areas'",
		[F_ORG] = "an organisation (key, name or alias)",
		[F_YEAR] = "a year (1900-2999)",
		[F_LEVEL] = "a goal level: inriktningsmal, verksamhetsomradesmal, namndmal or lup",
		[F_KIND] = "a kind (organisations: committee, administration, company, ...; areas: district, "
			   "neighbourhood, ...)",
		[F_INDICATOR] = "an indicator (key or id)",
		[F_AREA] = "exactly this area (key, name or alias)",
		[F_SEX] = "T (everyone), K (women) or M (men)",
		[F_PERIOD] = "a period kind (T1, T2, FY; VB is FY) or one period as the list writes it (2022-FY)",
	};
	return (unsigned)f < F__MAX && docs[f] ? docs[f] : "";
}

static const char *const goal_levels[] = { "inriktningsmal", "verksamhetsomradesmal", "namndmal", "lup", NULL };

int kind_takes(const struct kind *k, enum filter f)
{
	for (int i = 0; k->params[i] != F_END; i++)
		if (k->params[i] == f)
			return 1;
	return 0;
}

/* period_ok: "T1", "T2", "FY" (or "VB") or "YYYY-" one of them */
static int period_ok(const char *p)
{
	if (strlen(p) == 7 && p[4] == '-' && strspn(p, "0123456789") == 4)
		p += 5;
	return !strcmp(p, "T1") || !strcmp(p, "T2") || !strcmp(p, "FY") || !strcmp(p, "VB");
}

static int check_values(const struct kind *k, const char *const vals[F__MAX], struct kind_bound *b,
			struct err *e)
{
	char *end;
	int ok = 0;

	for (int f = F_DISTRICT; f < F__MAX; f++)
		if (vals[f] && !kind_takes(k, (enum filter)f))
			return err_set(e, LUP_EINVAL, "'%s' does not filter %s", kind_filter_name((enum filter)f), k->name);
	if (vals[F_YEAR]) {
		errno = 0;
		b->year = strtol(vals[F_YEAR], &end, 10);
		if (errno || end == vals[F_YEAR] || *end || b->year < 1900 || b->year > 2999)
			return err_set(e, LUP_EINVAL, "'%s' is not a year (1900-2999)", vals[F_YEAR]);
	}
	if (vals[F_LEVEL]) {
		for (int i = 0; goal_levels[i]; i++)
			ok |= strcmp(vals[F_LEVEL], goal_levels[i]) == 0;
		if (!ok)
			return err_set(e, LUP_EINVAL, "unknown level '%s' (inriktningsmal, verksamhetsomradesmal,"
				       " namndmal, lup)", vals[F_LEVEL]);
	}
	if (vals[F_SEX] && strcmp(vals[F_SEX], "T") && strcmp(vals[F_SEX], "K") && strcmp(vals[F_SEX], "M"))
		return err_set(e, LUP_EINVAL, "sex: '%s' is not T, K or M", vals[F_SEX]);
	if (vals[F_PERIOD] && !period_ok(vals[F_PERIOD]))
		return err_set(e, LUP_EINVAL, "period: '%s' is not T1, T2, FY (VB) or a period like 2022-FY",
			       vals[F_PERIOD]);
	if (vals[F_PERIOD]) {
		snprintf(b->period, sizeof(b->period), "%s", vals[F_PERIOD]);
		char *vb = strstr(b->period, "VB");
		if (vb)
			memcpy(vb, "FY", 2);
	}
	return LUP_OK;
}

static int resolve(struct store *st, enum stmt s, const char *name, const char *what, int64_t *id,
		   struct err *e)
{
	struct sval v = SVS(name);
	int rc = store_query_id(st, s, &v, 1, id, e);

	if (rc != LUP_OK)
		return rc;
	if (!*id)
		return err_set(e, LUP_ENOTFOUND, "unknown %s '%s'", what, name);
	return LUP_OK;
}

/* resolve_indicator: an indicator by id (digits; it must exist) or key */
static int resolve_indicator(struct store *st, const char *text, int64_t *id, struct err *e)
{
	int rc;

	if (text[0] && strspn(text, "0123456789") == strlen(text) && strlen(text) < 16) {
		struct sval v = SVI(strtoll(text, NULL, 10));
		const struct kind *k = kind_find("indicators");
		rc = store_query_id(st, k->show, &v, 1, id, e);
		if (rc != LUP_OK)
			return rc;
		if (*id)
			return LUP_OK;
	}
	return resolve(st, STMT_INDICATOR_ID, text, "indicator", id, e);
}

int kind_bind(struct store *st, const struct kind *k, const char *const vals[F__MAX],
	      struct kind_bound *b, struct err *e)
{
	int rc;

	memset(b, 0, sizeof(*b));
	if ((rc = check_values(k, vals, b, e)) != LUP_OK)
		return rc;
	if (vals[F_DISTRICT] &&
	    (rc = resolve(st, STMT_DISTRICT_ID_LOOSE, vals[F_DISTRICT], "district", &b->district_id, e)) != LUP_OK)
		return rc;
	if (vals[F_ORG] && (rc = resolve(st, STMT_ORG_ID_LOOSE, vals[F_ORG], "organisation", &b->org_id, e)) != LUP_OK)
		return rc;
	if (vals[F_AREA] && (rc = resolve(st, STMT_AREA_ID_LOOSE, vals[F_AREA], "area", &b->area_id, e)) != LUP_OK)
		return rc;
	if (vals[F_INDICATOR] && (rc = resolve_indicator(st, vals[F_INDICATOR], &b->indicator_id, e)) != LUP_OK)
		return rc;
	for (b->nargs = 0; k->params[b->nargs] != F_END; b->nargs++) {
		struct sval *a = &b->args[b->nargs];
		switch (k->params[b->nargs]) {
		case F_DISTRICT: *a = SVID(b->district_id); break;
		case F_ORG: *a = SVID(b->org_id); break;
		case F_YEAR: *a = SVID(b->year); break;
		case F_LEVEL: *a = SVS(vals[F_LEVEL]); break;
		case F_KIND: *a = SVS(vals[F_KIND]); break;
		case F_INDICATOR: *a = SVID(b->indicator_id); break;
		case F_AREA: *a = SVID(b->area_id); break;
		case F_SEX: *a = SVS(vals[F_SEX]); break;
		case F_PERIOD: *a = SVS(vals[F_PERIOD] ? b->period : NULL); break;
		default: *a = SVNULL; break;
		}
	}
	kind_page(b, k, KIND_ALL, 0);
	return LUP_OK;
}

void kind_page(struct kind_bound *b, const struct kind *k, int64_t limit, int64_t offset)
{
	b->npaged = b->nargs;
	if (k->count == STMT__MAX)
		return;
	b->args[b->npaged++] = SVI(limit);
	b->args[b->npaged++] = SVI(offset);
}

/* no_filter: 1 when b has no filter value */
static int no_filter(const struct kind_bound *b)
{
	for (int i = 0; i < b->nargs; i++)
		if (b->args[i].t != SV_NULL)
			return 0;
	return 1;
}

void kind_list_stmts(const struct kind *k, const struct kind_bound *b, enum stmt *list, enum stmt *count)
{
	*list = k->list;
	*count = k->count;
	if (k->list != STMT_LIST_OUTCOMES)
		return;
	if (b->indicator_id)
		*list = STMT_LIST_OUTCOMES_INDICATOR;
	else if (b->area_id)
		*list = STMT_LIST_OUTCOMES_AREA;
	else if (b->district_id)
		*list = STMT_LIST_OUTCOMES_DISTRICT;
	if (b->area_id)
		*count = STMT_COUNT_OUTCOMES_AREA;
	else if (b->district_id)
		*count = STMT_COUNT_OUTCOMES_DISTRICT;
	else if (no_filter(b))
		*count = STMT_COUNT_OUTCOMES_ALL;
}
