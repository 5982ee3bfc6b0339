/* tables-plan.c: dataset loaders for plans and LUP content (sections, themes, prioritised
 * areas, measures, partners). */
#include "load/load-int.h"
#include "model/datex.h"

#include <string.h>

static const char *const plan_kinds[] = { "lup", "vp", "contribution", NULL };
static const char *const plan_statuses[] = { "draft", "decided", "revision", "superseded", NULL };
static const char *const area_scopes[] = { "none", "some", "all", NULL };
static const char *const measure_statuses[] = { "idea", "prestudy", "project", "permanent", "ended", NULL };
static const char *const partner_roles[] = { "lead", "partner", "support", "funder", NULL };
static const char *const partner_groups[] = {
	"specialist", "district", "company", "state", "region", "civil_society", "business",
	"residents", "other", NULL
};

enum { P_KEY, P_KIND, P_OWNER, P_DISTRICT, P_TITLE, P_FROM, P_TO, P_VERSION, P_STATUS,
       P_DECIDED_BY, P_DECIDED_ON, P_SCOPE, P_SOURCE, P__MAX };
static const struct tsv_col plan_cols[P__MAX] = {
	{ "key", 1 }, { "kind", 1 }, { "owner", 1 }, { "district", 0 }, { "title", 1 },
	{ "year_from", 1 }, { "year_to", 1 }, { "version", 0 }, { "status", 0 },
	{ "decided_by", 0 }, { "decided_on", 0 }, { "area_scope", 0 }, { "source", 0 },
};

static int check_date(struct load_ctx *c, int col)
{
	struct model_datex d;
	char msg[256];

	if (ld_cell(c, col) && model_datex_parse(ld_cell(c, col), &d, msg, sizeof(msg)) != 0)
		return ld_fail(c, col, "%s", msg);
	return LUP_OK;
}

static int plan_row(struct load_ctx *c)
{
	const char *kind, *status, *scope;
	int64_t owner, district, decided_by, plan;
	long from, to, version;
	int rc;

	if ((rc = ld_enum(c, P_KIND, plan_kinds, 1, &kind)) ||
	    (rc = ld_ref(c, P_OWNER, STMT_ORG_ID, "organisation", 1, &owner)) ||
	    (rc = ld_ref(c, P_DISTRICT, STMT_AREA_ID, "area", 0, &district)) ||
	    (rc = ld_int(c, P_FROM, 1900, 2999, 1, 0, &from)) ||
	    (rc = ld_int(c, P_TO, 1900, 2999, 1, 0, &to)) ||
	    (rc = ld_int(c, P_VERSION, 1, 1000, 0, 1, &version)) ||
	    (rc = ld_enum(c, P_STATUS, plan_statuses, 0, &status)) ||
	    (rc = ld_ref(c, P_DECIDED_BY, STMT_ORG_ID, "organisation", 0, &decided_by)) ||
	    (rc = check_date(c, P_DECIDED_ON)) ||
	    (rc = ld_enum(c, P_SCOPE, area_scopes, 0, &scope)))
		return rc;
	if (to < from)
		return ld_fail(c, P_TO, "year_to %ld is before year_from %ld", to, from);
	if (strcmp(kind, "lup") == 0 && !district)
		return ld_fail(c, P_DISTRICT, "an LUP needs its district");
	{
		struct sval args[] = { SVS(ld_cell(c, P_KEY)), SVS(kind), SVI(owner), SVID(district),
				       SVS(ld_cell(c, P_TITLE)), SVI(from), SVI(to), SVS(ld_cell(c, P_SOURCE)) };
		if ((rc = ld_write(c, STMT_PLAN_UPSERT, args, 8)) != LUP_OK)
			return rc;
	}
	if ((rc = ld_ref(c, P_KEY, STMT_PLAN_ID, "plan", 1, &plan)) != LUP_OK)
		return rc;
	{
		struct sval args[] = { SVI(plan), SVI(version), SVS(status ? status : "draft"),
				       SVID(decided_by), SVS(ld_cell(c, P_DECIDED_ON)), SVS(scope), SVNULL };
		return ld_write(c, STMT_PLAN_VERSION_UPSERT, args, 7);
	}
}

enum { S_PLAN, S_ORD, S_TITLE, S_BODY, S_SOURCE, S__MAX };
static const struct tsv_col section_cols[S__MAX] = {
	{ "plan", 1 }, { "ord", 1 }, { "title", 1 }, { "body", 0 }, { "source", 0 },
};

static int section_row(struct load_ctx *c)
{
	int64_t pv;
	long ord;
	int rc;

	if ((rc = ld_plan_version(c, S_PLAN, 1, &pv)) || (rc = ld_int(c, S_ORD, 1, 7, 1, 0, &ord)))
		return rc;
	{
		struct sval args[] = { SVI(pv), SVI(ord), SVS(ld_cell(c, S_TITLE)), SVS(ld_cell(c, S_BODY)),
				       SVS(ld_cell(c, S_SOURCE)) };
		return ld_write(c, STMT_SECTION_UPSERT, args, 5);
	}
}

enum { T_PLAN, T_ORD, T_NAME, T_DESC, T_GROUPS, T_EXTRA, T_SOURCE, T__MAX };
static const struct tsv_col theme_cols[T__MAX] = {
	{ "plan", 1 }, { "ord", 1 }, { "name", 1 }, { "description", 0 }, { "target_groups", 0 },
	{ "extra", 0 }, { "source", 0 },
};

/* theme_in_plan: the id of theme `name` (or alias) in plan version pv; an error if none. */
static int theme_in_plan(struct load_ctx *c, int col, int64_t pv, const char *name, int64_t *id)
{
	struct sval args[] = { SVI(pv), SVS(name) };
	int rc = store_query_id(c->st, STMT_THEME_ID, args, 2, id, c->e);

	if (rc != LUP_OK)
		return rc;
	return *id ? LUP_OK : ld_fail(c, col, "plan has no theme '%s'", name);
}

static int theme_row(struct load_ctx *c)
{
	int64_t pv, id;
	long ord, extra;
	char **groups;
	int rc, n;

	if ((rc = ld_plan_version(c, T_PLAN, 1, &pv)) || (rc = ld_int(c, T_ORD, 0, 1000, 1, 0, &ord)) ||
	    (rc = ld_bool(c, T_EXTRA, &extra)))
		return rc;
	{
		struct sval args[] = { SVI(pv), SVI(ord), SVS(ld_cell(c, T_NAME)), SVS(ld_cell(c, T_DESC)),
				       SVI(extra), SVS(ld_cell(c, T_SOURCE)) };
		if ((rc = ld_write(c, STMT_THEME_UPSERT, args, 6)) != LUP_OK)
			return rc;
	}
	if ((rc = theme_in_plan(c, T_NAME, pv, ld_cell(c, T_NAME), &id)) != LUP_OK)
		return rc;
	n = ld_list(c, T_GROUPS, &groups);
	for (int i = 0; i < n; i++) {
		struct sval args[] = { SVI(id), SVS(groups[i]) };
		if ((rc = ld_write(c, STMT_THEME_TG_ADD, args, 2)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

enum { TA_PLAN, TA_THEME, TA_ALIAS, TA_SOURCE, TA__MAX };
static const struct tsv_col alias_cols[TA__MAX] = {
	{ "plan", 1 }, { "theme", 1 }, { "alias", 1 }, { "source", 0 },
};

static int alias_row(struct load_ctx *c)
{
	int64_t pv, theme;
	int rc;

	if ((rc = ld_plan_version(c, TA_PLAN, 1, &pv)) ||
	    (rc = theme_in_plan(c, TA_THEME, pv, ld_cell(c, TA_THEME), &theme)))
		return rc;
	{
		struct sval args[] = { SVI(theme), SVS(ld_cell(c, TA_ALIAS)), SVS(ld_cell(c, TA_SOURCE)) };
		return ld_write(c, STMT_THEME_ALIAS_ADD, args, 3);
	}
}

enum { PA_PLAN, PA_AREA, PA_NOTE, PA_SOURCE, PA__MAX };
static const struct tsv_col parea_cols[PA__MAX] = {
	{ "plan", 1 }, { "area", 1 }, { "note", 0 }, { "source", 0 },
};

static int parea_row(struct load_ctx *c)
{
	int64_t pv, area;
	int rc;

	if ((rc = ld_plan_version(c, PA_PLAN, 1, &pv)) ||
	    (rc = ld_ref(c, PA_AREA, STMT_AREA_ID, "area", 1, &area)))
		return rc;
	{
		struct sval args[] = { SVI(pv), SVI(area), SVS(ld_cell(c, PA_NOTE)), SVS(ld_cell(c, PA_SOURCE)) };
		return ld_write(c, STMT_PAREA_UPSERT, args, 4);
	}
}

enum { M_KEY, M_PLAN, M_ORD, M_TITLE, M_THEMES, M_STATUS, M_START, M_AREAS, M_GROUPS, M_DESC,
       M_SOURCE, M__MAX };
static const struct tsv_col measure_cols[M__MAX] = {
	{ "key", 1 }, { "plan", 1 }, { "ord", 0 }, { "title", 1 }, { "themes", 0 }, { "status", 0 },
	{ "start", 0 }, { "areas", 0 }, { "target_groups", 0 }, { "description", 0 }, { "source", 0 },
};

static int measure_links(struct load_ctx *c, int64_t pv, int64_t m)
{
	char **items;
	int64_t id;
	int n, rc;

	n = ld_list(c, M_THEMES, &items);
	for (int i = 0; i < n; i++) {
		if ((rc = theme_in_plan(c, M_THEMES, pv, items[i], &id)) != LUP_OK)
			return rc;
		struct sval args[] = { SVI(m), SVI(id) };
		if ((rc = ld_write(c, STMT_MEASURE_THEME_ADD, args, 2)) != LUP_OK)
			return rc;
	}
	n = ld_list(c, M_AREAS, &items);
	for (int i = 0; i < n; i++) {
		if ((rc = ld_ref_text(c, M_AREAS, items[i], STMT_AREA_ID, "area", &id)) != LUP_OK)
			return rc;
		struct sval args[] = { SVI(m), SVI(id) };
		if ((rc = ld_write(c, STMT_MEASURE_AREA_ADD, args, 2)) != LUP_OK)
			return rc;
	}
	n = ld_list(c, M_GROUPS, &items);
	for (int i = 0; i < n; i++) {
		struct sval args[] = { SVI(m), SVS(items[i]) };
		if ((rc = ld_write(c, STMT_MEASURE_TG_ADD, args, 2)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

static int measure_row(struct load_ctx *c)
{
	const char *status;
	int64_t pv, m;
	long ord;
	int rc;

	if ((rc = ld_plan_version(c, M_PLAN, 1, &pv)) || (rc = ld_int(c, M_ORD, 0, 100000, 0, 0, &ord)) ||
	    (rc = ld_enum(c, M_STATUS, measure_statuses, 0, &status)))
		return rc;
	{
		struct sval args[] = { SVS(ld_cell(c, M_KEY)), SVI(pv), SVI(ord), SVS(ld_cell(c, M_TITLE)),
				       SVS(ld_cell(c, M_DESC)), SVS(status), SVS(ld_cell(c, M_START)),
				       SVS(ld_cell(c, M_SOURCE)) };
		if ((rc = ld_write(c, STMT_MEASURE_UPSERT, args, 8)) != LUP_OK)
			return rc;
	}
	if ((rc = ld_ref(c, M_KEY, STMT_MEASURE_ID, "measure", 1, &m)) != LUP_OK)
		return rc;
	return measure_links(c, pv, m);
}

enum { MP_MEASURE, MP_ORG, MP_ROLE, MP_SOURCE, MP__MAX };
static const struct tsv_col mpartner_cols[MP__MAX] = {
	{ "measure", 1 }, { "org", 1 }, { "role", 1 }, { "source", 0 },
};

static int mpartner_row(struct load_ctx *c)
{
	const char *role;
	int64_t m, org;
	int rc;

	if ((rc = ld_ref(c, MP_MEASURE, STMT_MEASURE_ID, "measure", 1, &m)) ||
	    (rc = ld_ref(c, MP_ORG, STMT_ORG_ID, "organisation", 1, &org)) ||
	    (rc = ld_enum(c, MP_ROLE, partner_roles, 1, &role)))
		return rc;
	{
		struct sval args[] = { SVI(m), SVI(org), SVS(role), SVS(ld_cell(c, MP_SOURCE)) };
		return ld_write(c, STMT_MEASURE_PARTNER_UPSERT, args, 4);
	}
}

enum { PP_PLAN, PP_ORG, PP_GROUP, PP_LABEL, PP_SOURCE, PP__MAX };
static const struct tsv_col partner_cols[PP__MAX] = {
	{ "plan", 1 }, { "org", 0 }, { "group", 1 }, { "label", 1 }, { "source", 0 },
};

static int partner_row(struct load_ctx *c)
{
	const char *group;
	int64_t pv, org;
	int rc;

	if ((rc = ld_plan_version(c, PP_PLAN, 1, &pv)) ||
	    (rc = ld_ref(c, PP_ORG, STMT_ORG_ID, "organisation", 0, &org)) ||
	    (rc = ld_enum(c, PP_GROUP, partner_groups, 1, &group)))
		return rc;
	{
		struct sval args[] = { SVI(pv), SVID(org), SVS(group), SVS(ld_cell(c, PP_LABEL)),
				       SVS(ld_cell(c, PP_SOURCE)) };
		return ld_write(c, STMT_PARTNER_UPSERT, args, 5);
	}
}

const struct table_loader load_plan_tables[] = {
	{ "plans", plan_cols, P__MAX, plan_row, NULL },
	{ "sections", section_cols, S__MAX, section_row, NULL },
	{ "themes", theme_cols, T__MAX, theme_row, NULL },
	{ "theme_aliases", alias_cols, TA__MAX, alias_row, NULL },
	{ "prioritised_areas", parea_cols, PA__MAX, parea_row, NULL },
	{ "measures", measure_cols, M__MAX, measure_row, NULL },
	{ "measure_partners", mpartner_cols, MP__MAX, mpartner_row, NULL },
	{ "partners", partner_cols, PP__MAX, partner_row, NULL },
	{ NULL, NULL, 0, NULL, NULL },
};
