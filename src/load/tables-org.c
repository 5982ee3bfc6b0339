/* tables-org.c: dataset loaders for organisations.tsv, areas.tsv and populations.tsv. */
#include "load/load-int.h"

#include <string.h>

static const char *const org_kinds[] = {
	"council", "city_office", "district_committee", "district_admin", "specialist_committee",
	"specialist_admin", "company_board", "state_agency", "region", "civil_society", "business",
	"network", "academic", "commission", "other_public", "municipality", "person", "unit", NULL
};

static const char *const area_levels[] = { "municipality", "district", "neighbourhood", "place", NULL };

/* check_key: keys are lowercase ASCII slugs (docs/dataset-format.md). */
static int check_key(struct load_ctx *c, int col)
{
	const char *k = ld_cell(c, col);

	if (!k)
		return ld_fail(c, col, "a key is required");
	for (const char *p = k; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return ld_fail(c, col, "'%s' is not a key (lowercase a-z, 0-9 and '-')", k);
	if (k[0] == '-' || k[strlen(k) - 1] == '-')
		return ld_fail(c, col, "'%s' is not a key (starts or ends with '-')", k);
	return LUP_OK;
}

/* add_aliases: writes every item of list column col with statement s for owner id. */
static int add_aliases(struct load_ctx *c, int col, int src_col, enum stmt s, int64_t id)
{
	char **items;
	int n = ld_list(c, col, &items), rc;

	for (int i = 0; i < n; i++) {
		struct sval args[] = { SVI(id), SVS(items[i]), SVS(ld_cell(c, src_col)) };
		if ((rc = ld_write(c, s, args, 3)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

enum { O_KEY, O_NAME, O_KIND, O_PARENT, O_PAIR, O_CITY, O_HOUSING, O_ALIASES, O_SOURCE, O__MAX };
static const struct tsv_col org_cols[O__MAX] = {
	{ "key", 1 }, { "name", 1 }, { "kind", 1 }, { "parent", 0 }, { "pair", 0 },
	{ "city_owned", 0 }, { "housing", 0 }, { "aliases", 0 }, { "source", 0 },
};

static int org_row(struct load_ctx *c)
{
	const char *kind;
	long city, housing;
	int64_t id;
	int rc;

	if ((rc = check_key(c, O_KEY)) || (rc = ld_enum(c, O_KIND, org_kinds, 1, &kind)) ||
	    (rc = ld_bool(c, O_CITY, &city)) || (rc = ld_bool(c, O_HOUSING, &housing)))
		return rc;
	if (!ld_cell(c, O_NAME))
		return ld_fail(c, O_NAME, "a name is required");
	{
		struct sval args[] = { SVS(ld_cell(c, O_KEY)), SVS(ld_cell(c, O_NAME)), SVS(kind),
				       SVI(city), SVI(housing), SVS(ld_cell(c, O_SOURCE)) };
		if ((rc = ld_write(c, STMT_ORG_UPSERT, args, 6)) != LUP_OK)
			return rc;
	}
	if ((rc = ld_ref(c, O_KEY, STMT_ORG_ID, "organisation", 1, &id)) != LUP_OK)
		return rc;
	return add_aliases(c, O_ALIASES, O_SOURCE, STMT_ORG_ALIAS_ADD, id);
}

static int org_link(struct load_ctx *c)
{
	int64_t id, parent, pair;
	int rc;

	if ((rc = ld_ref(c, O_KEY, STMT_ORG_ID, "organisation", 1, &id)) ||
	    (rc = ld_ref(c, O_PARENT, STMT_ORG_ID, "organisation", 0, &parent)) ||
	    (rc = ld_ref(c, O_PAIR, STMT_ORG_ID, "organisation", 0, &pair)))
		return rc;
	if (parent == id || pair == id)
		return ld_fail(c, parent == id ? O_PARENT : O_PAIR, "an organisation cannot refer to itself");
	{
		struct sval args[] = { SVI(id), SVID(parent), SVID(pair) };
		return ld_write(c, STMT_ORG_LINKS, args, 3);
	}
}

enum { A_KEY, A_NAME, A_LEVEL, A_PARENT, A_CODE, A_COMMITTEE, A_PRIO, A_ALIASES, A_SOURCE, A__MAX };
static const struct tsv_col area_cols[A__MAX] = {
	{ "key", 1 }, { "name", 1 }, { "level", 1 }, { "parent", 0 }, { "code", 0 },
	{ "committee", 0 }, { "prioritised", 0 }, { "aliases", 0 }, { "source", 0 },
};

static int area_row(struct load_ctx *c)
{
	const char *level;
	long prio;
	int64_t id;
	int rc;

	if ((rc = check_key(c, A_KEY)) || (rc = ld_enum(c, A_LEVEL, area_levels, 1, &level)) ||
	    (rc = ld_bool(c, A_PRIO, &prio)))
		return rc;
	if (!ld_cell(c, A_NAME))
		return ld_fail(c, A_NAME, "a name is required");
	if (prio && strcmp(level, "district") != 0)
		return ld_fail(c, A_PRIO, "only a district can be a prioritised programme");
	{
		struct sval args[] = { SVS(ld_cell(c, A_KEY)), SVS(ld_cell(c, A_NAME)), SVS(level),
				       SVS(ld_cell(c, A_CODE)), SVI(prio), SVS(ld_cell(c, A_SOURCE)) };
		if ((rc = ld_write(c, STMT_AREA_UPSERT, args, 6)) != LUP_OK)
			return rc;
	}
	if ((rc = ld_ref(c, A_KEY, STMT_AREA_ID, "area", 1, &id)) != LUP_OK)
		return rc;
	return add_aliases(c, A_ALIASES, A_SOURCE, STMT_AREA_ALIAS_ADD, id);
}

static int area_link(struct load_ctx *c)
{
	int64_t id, parent, committee;
	int rc;

	if ((rc = ld_ref(c, A_KEY, STMT_AREA_ID, "area", 1, &id)) ||
	    (rc = ld_ref(c, A_PARENT, STMT_AREA_ID, "area", 0, &parent)) ||
	    (rc = ld_ref(c, A_COMMITTEE, STMT_ORG_ID, "organisation", 0, &committee)))
		return rc;
	if (committee && strcmp(ld_cell(c, A_LEVEL), "district") != 0)
		return ld_fail(c, A_COMMITTEE, "only a district has a committee");
	if (parent == id)
		return ld_fail(c, A_PARENT, "an area cannot lie within itself");
	{
		struct sval args[] = { SVI(id), SVID(parent), SVID(committee) };
		return ld_write(c, STMT_AREA_LINKS, args, 3);
	}
}

enum { P_AREA, P_YEAR, P_POP, P_SOURCE, P__MAX };
static const struct tsv_col pop_cols[P__MAX] = {
	{ "area", 1 }, { "year", 1 }, { "population", 1 }, { "source", 0 },
};

/* pop_row: a district's population: stored (area_population, for resources per resident on the
 * resources-versus-need view) and kept in c->pops for the example outcomes. */
static int pop_row(struct load_ctx *c)
{
	struct ld_population *p;
	long year, pop;
	int64_t area;
	int rc;

	if ((rc = ld_ref(c, P_AREA, STMT_AREA_ID, "area", 1, &area)) ||
	    (rc = ld_int(c, P_YEAR, 1900, 2999, 1, 0, &year)) ||
	    (rc = ld_int(c, P_POP, 1, 100000000, 1, 0, &pop)))
		return rc;
	if (c->npops == c->capops) {
		int cap = c->capops ? 2 * c->capops : 16;
		p = arena_alloc(c->a, sizeof(*p) * (size_t)cap);
		if (c->npops)
			memcpy(p, c->pops, sizeof(*p) * (size_t)c->npops);
		c->pops = p;
		c->capops = cap;
	}
	c->pops[c->npops++] = (struct ld_population){ area, (int)year, pop };
	{
		struct sval args[] = { SVI(area), SVI(year), SVI(pop), SVS(ld_cell(c, P_SOURCE)) };
		return ld_write(c, STMT_NEED_POP_UPSERT, args, 4);
	}
}

const struct table_loader load_org_tables[] = {
	{ "organisations", org_cols, O__MAX, org_row, org_link },
	{ "areas", area_cols, A__MAX, area_row, area_link },
	{ "populations", pop_cols, P__MAX, pop_row, NULL },
	{ NULL, NULL, 0, NULL, NULL },
};
