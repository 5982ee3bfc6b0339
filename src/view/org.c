/* org.c: one organisation for a year (see org.h). */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/org.h"

static const char *s_(const struct rowset *rs, int i, const char *col)
{
	int c = rowset_col(rs, col);
	return c < 0 || i < 0 || i >= rs->nrows ? NULL : rs->rows[i][c].s;
}

static int64_t i_(const struct rowset *rs, int i, const char *col)
{
	const char *s = s_(rs, i, col);
	return s ? strtoll(s, NULL, 10) : 0;
}

static int query(struct store *st, struct arena *a, struct rowset *rs, enum stmt s, const struct sval *args, int n,
		 struct err *e)
{
	rowset_init(rs, a);
	return rowset_query(rs, st, s, args, n, e);
}

/* head: the organisation's own columns (STMT_WEB_PLACES_ORG's row). */
static void head(struct view_org *o, const struct rowset *r)
{
	o->key = s_(r, 0, "key");
	o->name = s_(r, 0, "name");
	o->kind = s_(r, 0, "kind");
	o->parent = s_(r, 0, "parent");
	o->parent_name = s_(r, 0, "parent_name");
	o->pair = s_(r, 0, "pair");
	o->pair_name = s_(r, 0, "pair_name");
	o->city_owned = i_(r, 0, "city_owned") != 0;
	o->housing = i_(r, 0, "housing") != 0;
	o->district_id = i_(r, 0, "district_id");
	o->district = s_(r, 0, "district");
	o->district_name = s_(r, 0, "district_name");
}

/* years: the years newest first, the year shown and the outcome area. */
static void years(struct arena *a, struct view_org *o, const struct rowset *ys, const struct rowset *city)
{
	o->nyears = (size_t)ys->nrows;
	o->years = arena_alloc(a, sizeof(*o->years) * (o->nyears + 1));
	for (int i = 0; i < ys->nrows; i++)
		o->years[i] = (struct view_org_year){ (long)i_(ys, i, "year"), i_(ys, i, "has_goals") != 0 };
	for (size_t i = 0; !o->year && i < o->nyears; i++)
		if (o->years[i].has_goals)
			o->year = o->years[i].year;
	if (!o->year && o->nyears)
		o->year = o->years[0].year;
	o->area_id = o->district_id ? o->district_id : i_(city, 0, "id");
	o->area_name = o->district_id ? o->district_name : s_(city, 0, "name");
}

static void contributions(struct arena *a, struct view_org *o, const struct rowset *c)
{
	o->ncontrib = (size_t)c->nrows;
	o->contrib = arena_alloc(a, sizeof(*o->contrib) * (o->ncontrib + 1));
	for (int i = 0; i < c->nrows; i++)
		o->contrib[i] = (struct view_org_contrib){ s_(c, i, "district"), s_(c, i, "district_name"), i_(c, i, "id"),
			s_(c, i, "key"), s_(c, i, "title"), s_(c, i, "role"), s_(c, i, "status"), s_(c, i, "start_text"),
			s_(c, i, "end_text") };
}

int view_org_load(struct store *st, struct arena *a, const char *key, long year, struct view_org *o, int *found,
		  struct err *e)
{
	struct rowset r, al, ys, city, c;
	struct sval k = SVS(key);
	int rc;

	memset(o, 0, sizeof(*o));
	*found = 0;
	if ((rc = store_query_id(st, STMT_ORG_ID_LOOSE, &k, 1, &o->id, e)) != LUP_OK || !o->id)
		return rc;
	struct sval id = SVI(o->id);
	if ((rc = query(st, a, &r, STMT_WEB_PLACES_ORG, &id, 1, e)) != LUP_OK || !r.nrows) {
		o->id = 0;
		return rc;
	}
	*found = 1;
	head(o, &r);
	if ((rc = query(st, a, &al, STMT_REL_ORG_ALIASES, &id, 1, e)) != LUP_OK ||
	    (rc = query(st, a, &ys, STMT_WEB_PLACES_ORG_YEARS, &id, 1, e)) != LUP_OK ||
	    (rc = query(st, a, &city, STMT_WEB_PLACES_CITY, NULL, 0, e)) != LUP_OK)
		return rc;
	o->naliases = (size_t)al.nrows;
	o->aliases = arena_alloc(a, sizeof(*o->aliases) * (o->naliases + 1));
	for (int i = 0; i < al.nrows; i++)
		o->aliases[i] = s_(&al, i, "alias");
	o->year = year;
	years(a, o, &ys, &city);
	if (!o->year)
		return LUP_OK;
	struct sval oy[] = { SVI(o->id), SVI(o->year) };
	if ((rc = view_chain_load(st, a, o->id, o->year, &o->chain, e)) != LUP_OK ||
	    (rc = query(st, a, &c, STMT_WEB_PLACES_ORG_DISTRICT_ACTS, oy, 2, e)) != LUP_OK)
		return rc;
	contributions(a, o, &c);
	return LUP_OK;
}
