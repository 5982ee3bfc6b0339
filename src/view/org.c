/* org.c: one organisation for a year (see org.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/collate.h"
#include "core/err.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/org.h"

/* head: the organisation's own columns (STMT_WEB_PLACES_ORG's row). */
static void head(struct view_org *o, const struct rowset *r)
{
	o->key = rowset_s(r, 0, "key");
	o->name = rowset_s(r, 0, "name");
	o->kind = rowset_s(r, 0, "kind");
	o->parent = rowset_s(r, 0, "parent");
	o->parent_name = rowset_s(r, 0, "parent_name");
	o->pair = rowset_s(r, 0, "pair");
	o->pair_name = rowset_s(r, 0, "pair_name");
	o->city_owned = rowset_i(r, 0, "city_owned") != 0;
	o->housing = rowset_i(r, 0, "housing") != 0;
	o->district_id = rowset_i(r, 0, "district_id");
	o->district = rowset_s(r, 0, "district");
	o->district_name = rowset_s(r, 0, "district_name");
}

/* by_year_desc: newest year first. */
static int by_year_desc(const void *x, const void *y)
{
	const struct view_org_year *p = x, *q = y;

	return (p->year < q->year) - (p->year > q->year);
}

/* The years' rows (STMT_WEB_PLACES_ORG_YEARS) as they come: read straight from the store's row
 * (year, has_goals), not kept as text cells. */
struct year_rows {
	struct arena *a;
	struct view_org_year *y;
	size_t n, cap;
};

/* year_row: one row (year, has_goals) into the struct year_rows at ctx. */
static int year_row(void *ctx, const struct store_row *r)
{
	struct year_rows *ys = ctx;

	if (ys->n == ys->cap) {
		size_t cap = ys->cap ? ys->cap * 2 : 32;
		struct view_org_year *y = arena_alloc_raw(ys->a, sizeof(*y) * (cap + 1));
		if (ys->n)
			memcpy(y, ys->y, sizeof(*y) * ys->n);
		ys->y = y;
		ys->cap = cap;
	}
	ys->y[ys->n++] = (struct view_org_year){ (long)store_col_int(r, 0), store_col_int(r, 1) != 0 };
	return 0;
}

/* years: the years newest first, each once (the rows ys may name a year several times, in any
 * order: has_goals when one of them has), the year shown and the outcome area. */
static void years(struct arena *a, struct view_org *o, struct year_rows *ys, const struct rowset *city)
{
	size_t n = ys->n, k = 0;

	o->years = ys->y ? ys->y : arena_alloc(a, sizeof(*o->years));
	view_sort_nearly(a, o->years, n, sizeof(*o->years), by_year_desc);
	for (size_t i = 0; i < n; i++) {
		if (k && o->years[k - 1].year == o->years[i].year)
			o->years[k - 1].has_goals |= o->years[i].has_goals;
		else
			o->years[k++] = o->years[i];
	}
	o->nyears = k;
	for (size_t i = 0; !o->year && i < o->nyears; i++)
		if (o->years[i].has_goals)
			o->year = o->years[i].year;
	if (!o->year && o->nyears)
		o->year = o->years[0].year;
	o->area_id = o->district_id ? o->district_id : rowset_i(city, 0, "id");
	o->area_name = o->district_id ? o->district_name : rowset_s(city, 0, "name");
}

/* A plan version's row (STMT_WEB_PLACES_ORG_PLAN_VERSIONS) with what it is ordered by. */
struct pv_row {
	const char *plan_key;
	int64_t version;	/* -1: none (a plan of drafts only: its one row) */
	int row;
};

/* by_plan_version: by plan key (bytes, as SQL's BINARY collation), then version. */
static int by_plan_version(const void *x, const void *y)
{
	const struct pv_row *p = x, *q = y;
	int c = strcmp(p->plan_key, q->plan_key);

	return c ? c : (p->version > q->version) - (p->version < q->version);
}

/* plan_versions: the versions of the plans that cover the year shown, by plan key and version
 * (the rows come in no order). */
static void plan_versions(struct arena *a, struct view_org *o, const struct rowset *v)
{
	struct pv_row *k = arena_alloc(a, sizeof(*k) * ((size_t)v->nrows + 1));
	size_t n = 0;

	for (int i = 0; i < v->nrows; i++) {
		if (rowset_i(v, i, "year_from") > o->year || rowset_i(v, i, "year_to") < o->year)
			continue;
		const char *ver = rowset_s(v, i, "version");
		k[n++] = (struct pv_row){ rowset_s(v, i, "plan_key"), ver ? rowset_i(v, i, "version") : -1, i };
	}
	view_sort_nearly(a, k, n, sizeof(*k), by_plan_version);
	o->versions = arena_alloc(a, sizeof(*o->versions) * (n + 1));
	for (size_t j = 0; j < n; j++) {
		int i = k[j].row;
		o->versions[o->nversions++] = (struct view_org_version){ rowset_i(v, i, "plan_id"),
			rowset_s(v, i, "plan"), rowset_s(v, i, "version"), rowset_s(v, i, "status"),
			rowset_s(v, i, "decided_by"), rowset_s(v, i, "decided_by_name"), rowset_s(v, i, "decided_on"),
			rowset_s(v, i, "note") };
	}
}

/* An area of the tree (STMT_WEB_PLACES_ORG_AREA_DISTRICTS' row): its id, its parent's, or,
 * for another district, its key and name. */
struct area_district {
	int64_t area, parent;
	const char *district, *name;
};

/* The tree's rows as they come, read straight from the store's row (not kept as text cells:
 * about ninety rows of integers, rowset_collect's text per cell was most of their cost): the
 * parents p[0..np) and the other districts d[0..nd). */
struct area_rows {
	struct arena *a;
	struct area_district *p, *d;
	size_t np, nd, cap_p, cap_d;
};

/* area_push: room for one more in the array *v of *n (capacity *cap); NULL never (the arena
 * aborts when out of memory, as every arena_alloc). */
static struct area_district *area_push(struct arena *a, struct area_district **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct area_district *x = arena_alloc_raw(a, sizeof(*x) * (c + 1));
		if (*n)
			memcpy(x, *v, sizeof(*x) * *n);
		*v = x;
		*cap = c;
	}
	return &(*v)[(*n)++];
}

/* area_row: one row (area_id, parent_id, district, district_name) into the struct area_rows at
 * ctx: a parent when district is NULL, else another district (its texts copied). */
static int area_row(void *ctx, const struct store_row *r)
{
	struct area_rows *t = ctx;
	const char *key = store_col_text(r, 2);

	if (!key) {
		*area_push(t->a, &t->p, &t->np, &t->cap_p) = (struct area_district){ store_col_int(r, 0),
			store_col_int(r, 1), NULL, NULL };
		return 0;
	}
	struct area_district *x = area_push(t->a, &t->d, &t->nd, &t->cap_d);
	*x = (struct area_district){ store_col_int(r, 0), 0, arena_strdup(t->a, key), NULL };
	x->name = arena_strdup(t->a, store_col_text(r, 3));
	return 0;
}

/* A contribution in the making: the chain's activity (its index) in a district, the district's
 * rank by name. */
struct link {
	const char *district, *name;
	long ix;
	int rank;
};

static int by_area(const void *x, const void *y)
{
	const struct area_district *p = x, *q = y;

	return (p->area > q->area) - (p->area < q->area);
}

/* by_place: by the district's name in Swedish order, then as the chain orders the activities
 * (start, unknown last, key), then by the district's key (two districts of one name). */
static int by_place(const void *x, const void *y)
{
	const struct link *p = x, *q = y;

	if (p->rank != q->rank)
		return (p->rank > q->rank) - (p->rank < q->rank);
	if (p->ix != q->ix)
		return (p->ix > q->ix) - (p->ix < q->ix);
	return strcmp(p->district, q->district);
}

/* area_find: the area with id in m[0..n) (sorted by id), or NULL. */
static const struct area_district *area_find(const struct area_district *m, size_t n, int64_t id)
{
	struct area_district key = { id, 0, NULL, NULL };

	return n ? bsearch(&key, m, n, sizeof(*m), by_area) : NULL;	/* m is NULL when n is 0 */
}

/* district_of: the other district that area id is, or lies in (its parent or grandparent),
 * from the tree's parents p[0..np) and the other districts d[0..nd); NULL when none. */
static const struct area_district *district_of(const struct area_district *p, size_t np,
					       const struct area_district *d, size_t nd, int64_t id)
{
	for (int up = 0; up < 3 && id; up++) {
		const struct area_district *x = area_find(d, nd, id);
		if (x)
			return x;
		x = area_find(p, np, id);
		id = x ? x->parent : 0;
	}
	return NULL;
}

/* districts: into out, the links of the chain's activities to areas of other districts (the
 * tree t), each with its district; returns how many. */
static size_t districts(struct arena *a, const struct view_chain *c, struct area_rows *t, struct link *out)
{
	size_t k = 0;
	const struct area_district *dist = NULL;

	if (!t->nd)	/* no other district (or the tree not read: tree_needed) */
		return 0;
	view_sort_nearly(a, t->p, t->np, sizeof(*t->p), by_area);	/* the tree's walk: mostly by id */
	view_sort_nearly(a, t->d, t->nd, sizeof(*t->d), by_area);
	for (size_t i = 0; i < c->nlinks; i++) {
		/* the link before's district again for the same area: most of the links of an
		 * organisation's activities name one area, its own district */
		if (i == 0 || c->links[i].area != c->links[i - 1].area)
			dist = district_of(t->p, t->np, t->d, t->nd, c->links[i].area);
		if (dist)
			out[k++] = (struct link){ dist->district, dist->name, (long)c->links[i].act, 0 };
	}
	return k;
}

/* contributions: the chain's activities per district they serve other than the organisation's
 * own (the chain's links mapped through the area tree c: STMT_WEB_PLACES_ORG_AREA_DISTRICTS), each
 * activity and district once, by district name, then as the chain orders them. -1 when the
 * Swedish collation fails. */
static int contributions(struct arena *a, struct view_org *o, struct area_rows *c)
{
	size_t n, k = 0;
	struct link *l = arena_alloc(a, sizeof(*l) * (o->chain.nlinks + 1));
	const char **names;
	int *rank;

	n = districts(a, &o->chain, c, l);
	names = arena_alloc(a, sizeof(*names) * (n + 1));
	rank = arena_alloc(a, sizeof(*rank) * (n + 1));
	for (size_t i = 0; i < n; i++)
		names[i] = l[i].name;
	if (n > INT32_MAX || collate_ranks(names, (int)n, rank) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		l[i].rank = rank[i];
	view_sort_nearly(a, l, n, sizeof(*l), by_place);
	o->contrib = arena_alloc(a, sizeof(*o->contrib) * (n + 1));
	for (size_t i = 0; i < n; i++) {
		const struct view_activity *x = &o->chain.acts[l[i].ix];
		if (k && l[i].ix == l[i - 1].ix && strcmp(l[i].district, l[i - 1].district) == 0)
			continue;	/* two links of the activity into one district */
		o->contrib[k++] = (struct view_org_contrib){ l[i].district, l[i].name, x->id, x->key, x->title,
			x->role, x->status, x->start_text, x->end_text };
	}
	o->ncontrib = k;
	return 0;
}

/* listed_apart: whether the chain's activity i is one the organisation page lists apart, with
 * the names of the areas it serves (web/page-org.c act_place): under no goal of the chain, and
 * no contribution to another district. */
static int listed_apart(const struct view_org *o, size_t i)
{
	if (o->chain.acts[i].goal >= 0)
		return 0;
	for (size_t k = 0; k < o->ncontrib; k++)
		if (o->contrib[k].id == o->chain.acts[i].id)
			return 0;
	return 1;
}

/* A link of an activity listed apart with its area's name and that name's place in Swedish
 * order; as STMT_WEB_PLACES_ORG_AREA_NAMES' rows: the area's id and name. */
struct named_link {
	size_t act;
	int64_t area;
	const char *name;
	int rank;
};

/* The names' rows as they come (at most one per id asked: the ids are distinct). */
struct name_rows {
	struct arena *a;
	struct named_link *v;
	size_t n, cap;
};

static int name_row(void *ctx, const struct store_row *r)
{
	struct name_rows *t = ctx;

	if (t->n < t->cap)
		t->v[t->n++] = (struct named_link){ 0, store_col_int(r, 0), arena_strdup(t->a, store_col_text(r, 1)), 0 };
	return 0;
}

static int by_link_area(const void *x, const void *y)
{
	const struct named_link *p = x, *q = y;

	return (p->area > q->area) - (p->area < q->area);
}

/* by_act_name: by activity, then by the name's place in Swedish order, then by area id (the
 * order ORDER BY name COLLATE sv, activity_id gave the links, an activity's by area id). */
static int by_act_name(const void *x, const void *y)
{
	const struct named_link *p = x, *q = y;

	if (p->act != q->act)
		return (p->act > q->act) - (p->act < q->act);
	if (p->rank != q->rank)
		return (p->rank > q->rank) - (p->rank < q->rank);
	return (p->area > q->area) - (p->area < q->area);
}

/* ids_join: the distinct ids of l[0..n) (sorted by area) as decimal text joined by commas. */
static const char *ids_join(struct arena *a, const struct named_link *l, size_t n)
{
	size_t size = n * 21 + 1;
	char *s = arena_alloc(a, size), *p = s;

	*p = '\0';
	for (size_t i = 0; i < n; i++)
		if (i == 0 || l[i].area != l[i - 1].area)	/* 21 bytes hold a comma and any id */
			p += snprintf(p, size - (size_t)(p - s), "%s%lld", p == s ? "" : ",", (long long)l[i].area);
	return s;
}

/* put_names: each activity's names of l[0..n) (by activity, then in their order) joined by ", "
 * as its areas (l's names NULL where an area was not found are left out). */
static void put_names(struct arena *a, struct view_org *o, const struct named_link *l, size_t n)
{
	for (size_t i = 0, end; i < n; i = end) {
		size_t len = 0, k;
		for (end = i; end < n && l[end].act == l[i].act; end++)
			len += l[end].name ? strlen(l[end].name) + 2 : 0;
		if (!len)
			continue;
		char *s = arena_alloc(a, len + 1), *p = s;
		for (k = i; k < end; k++) {
			if (!l[k].name)
				continue;
			if (p != s) {
				memcpy(p, ", ", 2);
				p += 2;
			}
			size_t m = strlen(l[k].name);
			memcpy(p, l[k].name, m);
			p += m;
		}
		*p = '\0';
		o->chain.acts[l[i].act].areas = s;
	}
}

/* area_names: each activity the page lists apart (listed_apart) that serves areas gets their
 * names in chain.acts[].areas, ", " between them, in Swedish order: read only for these (the
 * chain's links give the areas' ids; most activities are under their goals or contributions,
 * and most pages read no name). -1 when the Swedish collation fails, else LUP_OK or the
 * store's error in e. */
static int area_names(struct store *st, struct arena *a, struct view_org *o, struct err *e)
{
	const struct view_chain *c = &o->chain;
	struct named_link *l = arena_alloc(a, sizeof(*l) * (c->nlinks + 1));
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < c->nlinks; i++)
		if (listed_apart(o, c->links[i].act))
			l[n++] = (struct named_link){ c->links[i].act, c->links[i].area, NULL, 0 };
	if (!n)
		return LUP_OK;
	view_sort_nearly(a, l, n, sizeof(*l), by_link_area);
	struct sval ids = SVS(ids_join(a, l, n));
	struct name_rows t = { a, arena_alloc(a, sizeof(*t.v) * n), 0, n };
	struct store_q q = { STMT_WEB_PLACES_ORG_AREA_NAMES, &ids, 1, name_row, &t };
	if ((rc = store_query_many(st, &q, 1, e)) != LUP_OK)
		return rc;
	const char **names = arena_alloc(a, sizeof(*names) * (t.n + 1));
	int *rank = arena_alloc(a, sizeof(*rank) * (t.n + 1));
	for (size_t i = 0; i < t.n; i++)
		names[i] = t.v[i].name;
	if (t.n > INT32_MAX || collate_ranks(names, (int)t.n, rank) != 0)
		return -1;
	for (size_t i = 0; i < t.n; i++)
		t.v[i].rank = rank[i];
	view_sort_nearly(a, t.v, t.n, sizeof(*t.v), by_link_area);
	for (size_t i = 0; i < n; i++) {
		const struct named_link *x = t.n ? bsearch(&l[i], t.v, t.n, sizeof(*t.v), by_link_area) : NULL;
		if (x) {
			l[i].name = x->name;
			l[i].rank = x->rank;
		}
	}
	view_sort_nearly(a, l, n, sizeof(*l), by_act_name);
	put_names(a, o, l, n);
	return LUP_OK;
}

/* tree_needed: whether a link of the chain c names an area other than district, the
 * organisation's own (STMT_WEB_PLACES_ORG's district: one of the districts the tree's statement
 * leaves out as its own). Links only to it map to no other district, and the tree (90 rows in
 * the demo: about 0.16M instructions with their reading) would be read for nothing: most
 * districts' committees link their activities to their own district only. */
static int tree_needed(const struct view_chain *c, int64_t district)
{
	for (size_t i = 0; i < c->nlinks; i++)
		if (c->links[i].area != district)
			return 1;
	return 0;
}

int view_org_load(struct store *st, struct arena *a, const char *key, long year, struct view_org *o, int *found,
		  struct err *e)
{
	struct rowset r, al, city, pv;
	struct year_rows ys = { a, NULL, 0, 0 };
	struct area_rows c = { a, NULL, NULL, 0, 0, 0, 0 };
	struct sval k = SVS(key);
	int rc;

	memset(o, 0, sizeof(*o));
	*found = 0;
	if ((rc = store_query_id(st, STMT_ORG_ID_LOOSE, &k, 1, &o->id, e)) != LUP_OK || !o->id)
		return rc;
	struct sval id = SVI(o->id);
	/* the organisation and what else depends on its id only, in one go (one round trip on
	 * PostgreSQL); the rest goes unused when there is no organisation */
	struct store_q q[] = {
		{ STMT_WEB_PLACES_ORG, &id, 1, rowset_collect, &r },
		{ STMT_REL_ORG_ALIASES, &id, 1, rowset_collect, &al },
		{ STMT_WEB_PLACES_ORG_YEARS, &id, 1, year_row, &ys },
		{ STMT_WEB_PLACES_CITY, NULL, 0, rowset_collect, &city },
		{ STMT_WEB_PLACES_ORG_PLAN_VERSIONS, &id, 1, rowset_collect, &pv },
	};
	rowset_init(&r, a);
	rowset_init(&al, a);
	rowset_init(&city, a);
	rowset_init(&pv, a);
	if ((rc = store_query_many(st, q, (int)(sizeof(q) / sizeof(q[0])), e)) != LUP_OK || !r.nrows) {
		o->id = 0;
		return rc;
	}
	*found = 1;
	head(o, &r);
	o->naliases = (size_t)al.nrows;
	o->aliases = arena_alloc(a, sizeof(*o->aliases) * (o->naliases + 1));
	for (int i = 0; i < al.nrows; i++)
		o->aliases[i] = rowset_s(&al, i, "alias");
	o->year = year;
	years(a, o, &ys, &city);
	if (!o->year)
		return LUP_OK;
	plan_versions(a, o, &pv);
	/* the chain with the outcomes the page shows (its area's, both sexes together), and the
	 * area tree that maps its activities' links to districts: for an organisation without a
	 * district with the chain's first go (view_chain_more: its links all leave it), for a
	 * district's after the chain, and only when a link leaves the district (see tree_needed) */
	struct store_q acts = { STMT_WEB_PLACES_ORG_AREA_DISTRICTS, &id, 1, area_row, &c };
	struct view_chain_opts opts = { VIEW_OUTS_AREA, o->area_id, 0 };
	int early = !o->district_id;
	if ((rc = view_chain_more(st, a, o->id, o->year, &o->chain, &opts, &acts, early, e)) != LUP_OK)
		return rc;
	if (!early && tree_needed(&o->chain, o->district_id) &&
	    (rc = store_query_many(st, &acts, 1, e)) != LUP_OK)
		return rc;
	if (contributions(a, o, &c) != 0 || (rc = area_names(st, a, o, e)) < 0)
		return err_set(e, LUP_EDB, "view_org_load: cannot sort the districts: the Swedish collation failed");
	return rc;
}
