/* tables-goal.c: dataset loaders for the goal chain (goals, expected results, indicators,
 * targets) and activities. */
#include "store/values.h"
#include "load/load-int.h"
#include "model/datex.h"
#include "model/target.h"

#include <string.h>

static const char *const goal_levels[] = { "inriktningsmal", "verksamhetsomradesmal", "namndmal", "lup", NULL };
static const char *const sexes[] = { "T", "K", "M", NULL };
static const char *const benchmarks[] = { "city_average", "district_average", "absolute", "direction", "parity", NULL };
static const char *const directions[] = { "higher", "lower", "none", NULL };
static const char *const periodicities[] = { "tertial", "year", "month", "quarter", NULL };
static const char *const source_kinds[] = { "own", "kolada", "survey", NULL };
static const char *const target_kinds[] = { "own", "kf", NULL };
static const char *const activity_statuses[] = { "planned", "ongoing", "done", "waiting", "cancelled", NULL };
static const char *const activity_roles[] = {
	"process_lead", "hub", "support", "assist", "participate", "training", "knowledge",
	"consultative", "follow_up", "reference_group", "joint_planning", "investigate",
	"collaboration", "owner", NULL
};

enum { G_KEY, G_OWNER, G_PLAN, G_LEVEL, G_NUMBER, G_PARENT, G_TITLE, G_DESC, G_YEAR, G_THEME,
       G_AREA, G_SEX, G_HORIZON, G_BENCH, G_SOURCE, G__MAX };
static const struct tsv_col goal_cols[G__MAX] = {
	{ "key", 1 }, { "owner", 1 }, { "plan", 0 }, { "level", 1 }, { "number", 0 }, { "parent", 0 },
	{ "title", 1 }, { "description", 0 }, { "year", 0 }, { "theme", 0 }, { "area", 0 },
	{ "sex", 0 }, { "horizon_year", 0 }, { "benchmark", 0 }, { "source", 0 },
};

static int goal_theme(struct load_ctx *c, int64_t pv, int64_t *theme)
{
	const char *name = ld_cell(c, G_THEME);
	int rc;

	*theme = 0;
	if (!name)
		return LUP_OK;
	if (!pv)
		return ld_fail(c, G_THEME, "a theme needs the goal's plan");
	{
		struct sval args[] = { SVI(pv), SVS(name) };
		if ((rc = store_query_id(c->st, STMT_THEME_ID, args, 2, theme, c->e)) != LUP_OK)
			return rc;
	}
	return *theme ? LUP_OK : ld_fail(c, G_THEME, "plan has no theme '%s'", name);
}

static int goal_row(struct load_ctx *c)
{
	const char *level, *sex, *bench;
	int64_t owner, pv, parent, theme, area;
	long year, horizon;
	int rc;

	if ((rc = ld_ref(c, G_OWNER, STMT_ORG_ID, "organisation", 1, &owner)) ||
	    (rc = ld_plan_version(c, G_PLAN, 0, &pv)) ||
	    (rc = ld_enum(c, G_LEVEL, goal_levels, 1, &level)) ||
	    (rc = ld_ref(c, G_PARENT, STMT_GOAL_ID, "goal (parents come first)", 0, &parent)) ||
	    (rc = ld_int(c, G_YEAR, 1900, 2999, 0, 0, &year)) ||
	    (rc = goal_theme(c, pv, &theme)) ||
	    (rc = ld_ref(c, G_AREA, STMT_AREA_ID, "area", 0, &area)) ||
	    (rc = ld_enum(c, G_SEX, sexes, 0, &sex)) ||
	    (rc = ld_int(c, G_HORIZON, 1900, 2999, 0, 0, &horizon)) ||
	    (rc = ld_enum(c, G_BENCH, benchmarks, 0, &bench)))
		return rc;
	{
		struct sval args[] = {
			SVS(ld_cell(c, G_KEY)), SVI(owner), SVID(pv), SVS(level), SVS(ld_cell(c, G_NUMBER)),
			SVID(parent), SVS(ld_cell(c, G_TITLE)), SVS(ld_cell(c, G_DESC)), SVID(year),
			SVID(theme), SVID(area), SVS(sex), SVID(horizon), SVS(bench), SVS(ld_cell(c, G_SOURCE))
		};
		return ld_write(c, STMT_GOAL_UPSERT, args, 15);
	}
}

enum { R_GOAL, R_ORD, R_TEXT, R_SOURCE, R__MAX };
static const struct tsv_col result_cols[R__MAX] = {
	{ "goal", 1 }, { "ord", 1 }, { "text", 1 }, { "source", 0 },
};

static int result_row(struct load_ctx *c)
{
	int64_t goal;
	long ord;
	int rc;

	if ((rc = ld_ref(c, R_GOAL, STMT_GOAL_ID, "goal", 1, &goal)) ||
	    (rc = ld_int(c, R_ORD, 0, 10000, 1, 0, &ord)))
		return rc;
	{
		struct sval args[] = { SVI(goal), SVI(ord), SVS(ld_cell(c, R_TEXT)), SVS(ld_cell(c, R_SOURCE)) };
		return ld_write(c, STMT_GOAL_RESULT_UPSERT, args, 4);
	}
}

enum { I_KEY, I_GOAL, I_ORD, I_NAME, I_UNIT, I_DIR, I_PERIODICITY, I_SOURCE_KIND, I_KPI,
       I_BY_SEX, I_BY_AREA, I_SOURCE, I_OWNER, I__MAX };
static const struct tsv_col indicator_cols[I__MAX] = {
	{ "key", 1 }, { "goal", 0 }, { "ord", 0 }, { "name", 1 }, { "unit", 0 }, { "direction", 0 },
	{ "periodicity", 0 }, { "source_kind", 0 }, { "kolada_kpi", 0 }, { "by_sex", 0 },
	{ "by_area", 0 }, { "source", 0 }, { "owner", 0 },
};

static int indicator_row(struct load_ctx *c)
{
	const char *dir, *per, *sk;
	int64_t goal, owner;
	long ord, by_sex, by_area;
	int rc;

	if ((rc = ld_ref(c, I_GOAL, STMT_GOAL_ID, "goal", 0, &goal)) ||
	    (rc = ld_ref(c, I_OWNER, STMT_ORG_ID, "organisation", !goal, &owner)) ||
	    (rc = ld_int(c, I_ORD, 0, 100000, 0, 0, &ord)) ||
	    (rc = ld_enum(c, I_DIR, directions, 0, &dir)) ||
	    (rc = ld_enum(c, I_PERIODICITY, periodicities, 0, &per)) ||
	    (rc = ld_enum(c, I_SOURCE_KIND, source_kinds, 0, &sk)) ||
	    (rc = ld_bool(c, I_BY_SEX, &by_sex)) || (rc = ld_bool(c, I_BY_AREA, &by_area)))
		return rc;
	if (sk && strcmp(sk, "kolada") == 0 && !ld_cell(c, I_KPI))
		return ld_fail(c, I_KPI, "a Kolada indicator needs its KPI id");
	if (!owner) {
		struct sval g = SVI(goal);
		if ((rc = store_query_id(c->st, STMT_GOAL_OWNER, &g, 1, &owner, c->e)) != LUP_OK)
			return rc;
	}
	{
		struct sval args[] = {
			SVS(ld_cell(c, I_KEY)), SVID(goal), SVI(owner), SVI(ord), SVS(ld_cell(c, I_NAME)),
			SVS(ld_cell(c, I_UNIT)), SVS(dir ? dir : "none"), SVS(per ? per : "year"),
			SVS(sk ? sk : "own"), SVS(ld_cell(c, I_KPI)), SVI(by_sex), SVI(by_area),
			SVS(ld_cell(c, I_SOURCE))
		};
		return ld_write(c, STMT_INDICATOR_UPSERT, args, 13);
	}
}

enum { TG_INDICATOR, TG_YEAR, TG_KIND, TG_VALUE, TG_SOURCE, TG__MAX };
static const struct tsv_col target_cols[TG__MAX] = {
	{ "indicator", 1 }, { "year", 1 }, { "kind", 1 }, { "value", 1 }, { "source", 0 },
};

static int target_row(struct load_ctx *c)
{
	struct model_target t;
	struct sval value, unit;
	const char *kind, *mode;
	int64_t ind;
	long year;
	int rc;

	if ((rc = ld_ref(c, TG_INDICATOR, STMT_INDICATOR_ID, "indicator", 1, &ind)) ||
	    (rc = ld_int(c, TG_YEAR, 1900, 2999, 1, 0, &year)) ||
	    (rc = ld_enum(c, TG_KIND, target_kinds, 1, &kind)))
		return rc;
	if (model_target_parse(ld_cell(c, TG_VALUE), &t, NULL, 0) != 0 || t.kind == MODEL_TARGET_EMPTY)
		return ld_fail(c, TG_VALUE, "a target value is required");
	mode = store_target_values(&t, &value, &unit);
	{
		struct sval args[] = { SVI(ind), SVI(year), SVS(kind), SVS(mode), value, unit,
				       SVS(ld_cell(c, TG_VALUE)), SVS(ld_cell(c, TG_SOURCE)) };
		return ld_write(c, STMT_TARGET_UPSERT, args, 8);
	}
}

enum { AC_KEY, AC_PLAN, AC_OWNER, AC_TITLE, AC_DESC, AC_START, AC_END, AC_STATUS, AC_ROLE,
       AC_DISTRICTS, AC_THEME, AC_GOAL, AC_MEASURE, AC_PARTNERS, AC_SOURCE, AC__MAX };
static const struct tsv_col activity_cols[AC__MAX] = {
	{ "key", 1 }, { "plan", 0 }, { "owner", 1 }, { "title", 1 }, { "description", 0 },
	{ "start", 0 }, { "end", 0 }, { "status", 0 }, { "role", 0 }, { "districts", 0 },
	{ "theme", 0 }, { "goal", 0 }, { "measure", 0 }, { "partners", 0 }, { "source", 0 },
};

static int parse_when(struct load_ctx *c, int col, struct model_datex *d)
{
	char msg[256];

	if (model_datex_parse(ld_cell(c, col), d, msg, sizeof(msg)) != 0)
		return ld_fail(c, col, "%s", msg);
	return LUP_OK;
}

/* activity_theme: "district-key:Theme name" -> the theme in that district's LUP. */
static int activity_theme(struct load_ctx *c, int64_t *theme)
{
	const char *v = ld_cell(c, AC_THEME), *colon;
	char district[128];
	int64_t area;
	int rc;

	*theme = 0;
	if (!v)
		return LUP_OK;
	colon = strchr(v, ':');
	if (!colon || colon == v || (size_t)(colon - v) >= sizeof(district) || !colon[1])
		return ld_fail(c, AC_THEME, "'%s' is not 'district:Theme name'", v);
	memcpy(district, v, (size_t)(colon - v));
	district[colon - v] = '\0';
	if ((rc = ld_ref_text(c, AC_THEME, district, STMT_AREA_ID, "district", &area)) != LUP_OK)
		return rc;
	{
		struct sval args[] = { SVI(area), SVS(colon + 1) };
		if ((rc = store_query_id(c->st, STMT_THEME_ID_DISTRICT, args, 2, theme, c->e)) != LUP_OK)
			return rc;
	}
	return *theme ? LUP_OK : ld_fail(c, AC_THEME, "the LUP of '%s' has no theme '%s'", district, colon + 1);
}

static int activity_links(struct load_ctx *c, int64_t act)
{
	char **items;
	int64_t id;
	int n, rc;

	n = ld_list(c, AC_DISTRICTS, &items);
	for (int i = 0; i < n; i++) {
		if ((rc = ld_ref_text(c, AC_DISTRICTS, items[i], STMT_AREA_ID, "area", &id)) != LUP_OK)
			return rc;
		struct sval args[] = { SVI(act), SVI(id) };
		if ((rc = ld_write(c, STMT_ACTIVITY_DISTRICT_ADD, args, 2)) != LUP_OK)
			return rc;
	}
	n = ld_list(c, AC_PARTNERS, &items);
	for (int i = 0; i < n; i++) {
		if ((rc = ld_ref_text(c, AC_PARTNERS, items[i], STMT_ORG_ID, "organisation", &id)) != LUP_OK)
			return rc;
		struct sval args[] = { SVI(act), SVI(id), SVNULL };
		if ((rc = ld_write(c, STMT_ACTIVITY_PARTNER_ADD, args, 3)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

static int activity_row(struct load_ctx *c)
{
	struct model_datex s, e;
	const char *status, *role;
	int64_t pv, owner, goal, theme, measure, act;
	int rc;

	if ((rc = ld_plan_version(c, AC_PLAN, 0, &pv)) ||
	    (rc = ld_ref(c, AC_OWNER, STMT_ORG_ID, "organisation", 1, &owner)) ||
	    (rc = parse_when(c, AC_START, &s)) || (rc = parse_when(c, AC_END, &e)) ||
	    (rc = ld_enum(c, AC_STATUS, activity_statuses, 0, &status)) ||
	    (rc = ld_enum(c, AC_ROLE, activity_roles, 0, &role)) ||
	    (rc = activity_theme(c, &theme)) ||
	    (rc = ld_ref(c, AC_GOAL, STMT_GOAL_ID, "goal", 0, &goal)) ||
	    (rc = ld_ref(c, AC_MEASURE, STMT_MEASURE_ID, "measure", 0, &measure)))
		return rc;
	if (s.first && e.last && e.last < s.first)
		return ld_fail(c, AC_END, "'%s' ends before its start '%s'", ld_cell(c, AC_END), ld_cell(c, AC_START));
	{
		struct sval args[] = {
			SVS(ld_cell(c, AC_KEY)), SVID(pv), SVI(owner), SVS(ld_cell(c, AC_TITLE)),
			SVS(ld_cell(c, AC_DESC)), SVS(ld_cell(c, AC_START)), SVID(s.first), SVID(s.last),
			SVS(store_prec(s.prec)), SVS(ld_cell(c, AC_END)), SVID(e.first), SVID(e.last),
			SVS(store_prec(e.prec)), SVS(status ? status : "planned"), SVS(role), SVID(goal),
			SVID(theme), SVID(measure), SVS(ld_cell(c, AC_SOURCE))
		};
		if ((rc = ld_write(c, STMT_ACTIVITY_UPSERT, args, 19)) != LUP_OK)
			return rc;
	}
	if ((rc = ld_ref(c, AC_KEY, STMT_ACTIVITY_ID, "activity", 1, &act)) != LUP_OK)
		return rc;
	return activity_links(c, act);
}

const struct table_loader load_goal_tables[] = {
	{ "goals", goal_cols, G__MAX, goal_row, NULL },
	{ "goal_results", result_cols, R__MAX, result_row, NULL },
	{ "indicators", indicator_cols, I__MAX, indicator_row, NULL },
	{ "targets", target_cols, TG__MAX, target_row, NULL },
	{ "activities", activity_cols, AC__MAX, activity_row, NULL },
	{ NULL, NULL, 0, NULL, NULL },
};
