/* commitments.c: the city's overview of commitments (see commitments.h). Two reads: the
 * districts and every link (STMT_COMMIT_LINKS, in no order: read into structs and sorted here,
 * the organisations by their names' Swedish ranks, which cost less than the database's sort of
 * the rows through the collation); the organisations, cells and counts are gathered in one pass. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/collate.h"
#include "core/err.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/commitments.h"

const char *commit_via_code(enum commit_via v)
{
	return v == COMMIT_MEASURE ? "measure" : v == COMMIT_ACTIVITY ? "activity" : "partner";
}

static enum commit_via via_of(const char *s)
{
	return s && strcmp(s, "measure") == 0 ? COMMIT_MEASURE : s && strcmp(s, "activity") == 0 ? COMMIT_ACTIVITY
		: COMMIT_PARTNER;
}

long view_commitments_org(const struct view_commitments *c, const char *key)
{
	for (size_t i = 0; key && i < c->norgs; i++)
		if (strcmp(c->orgs[i].key, key) == 0)
			return (long)i;
	return -1;
}

long view_commitments_district(const struct view_commitments *c, const char *key)
{
	for (size_t i = 0; key && i < c->ndistricts; i++)
		if (strcmp(c->districts[i].key, key) == 0)
			return (long)i;
	return -1;
}

const struct commit_cell *view_commitments_cell(const struct view_commitments *c, size_t org, size_t d)
{
	for (size_t i = 0; i < c->ncells; i++)
		if (c->cells[i].org == org && c->cells[i].district == d)
			return &c->cells[i];
	return NULL;
}

static size_t district_index(const struct view_commitments *c, int64_t id)
{
	for (size_t i = 0; i < c->ndistricts; i++)
		if (c->districts[i].id == id)
			return i;
	return 0;	/* not reached: every link's district is one of them */
}

/* fill_roles: each cell's distinct roles, from its run of links. */
static void fill_roles(struct arena *a, struct view_commitments *c)
{
	for (size_t i = 0; i < c->ncells; i++) {
		struct commit_cell *cell = &c->cells[i];
		size_t k = 0;

		cell->roles = arena_alloc(a, sizeof(char *) * (cell->nlinks + 1));
		for (size_t j = cell->link0; j < cell->link0 + cell->nlinks; j++) {
			const char *role = c->links[j].role;
			size_t m = 0;

			while (role && m < k && strcmp(cell->roles[m], role) != 0)
				m++;
			if (role && m == k)
				cell->roles[k++] = role;
		}
	}
}

/* A link as STMT_COMMIT_LINKS gives it (in no order), with its sort keys. */
struct raw {
	int64_t org_id, item_id, ord;
	const char *org, *org_name, *org_kind;
	size_t district;
	int org_rank;
	struct commit_link l;
};

struct read {
	struct arena *a;
	const struct view_commitments *c;
	struct raw *r;
	int n, cap;
};

static const char *dup_col(struct arena *a, const struct store_row *row, int i)
{
	return arena_strdup(a, store_col_text(row, i));
}

/* link_row: one row (the columns by place: STMT_COMMIT_LINKS' list), its organisation's texts
 * shared with the row before when it is the same organisation. */
static int link_row(void *ctx, const struct store_row *row)
{
	struct read *rd = ctx;
	struct raw *x;

	rd->r = arena_grow(rd->a, rd->r, rd->n, &rd->cap, sizeof(*rd->r), 256);
	x = &rd->r[rd->n];
	x->org_id = store_col_int(row, 0);
	if (rd->n && rd->r[rd->n - 1].org_id == x->org_id) {
		x->org = rd->r[rd->n - 1].org, x->org_name = rd->r[rd->n - 1].org_name;
		x->org_kind = rd->r[rd->n - 1].org_kind;
	} else {
		x->org = dup_col(rd->a, row, 1), x->org_name = dup_col(rd->a, row, 2), x->org_kind = dup_col(rd->a, row, 3);
	}
	x->district = district_index(rd->c, store_col_int(row, 4));
	x->l = (struct commit_link){ 0, x->district, via_of(store_col_text(row, 7)), store_col_int(row, 8),
		dup_col(rd->a, row, 9), dup_col(rd->a, row, 10), dup_col(rd->a, row, 11), dup_col(rd->a, row, 12),
		dup_col(rd->a, row, 13) };
	x->ord = store_col_int(row, 14);
	rd->n++;
	return 0;
}

/* raw_cmp: by organisation (Swedish name, id), district (the districts' order), measures, then
 * activities, then partnerships, then the measure's place or the activity's id, then the key. */
static int raw_cmp(const void *pa, const void *pb)
{
	const struct raw *a = pa, *b = pb;

	if (a->org_rank != b->org_rank)
		return a->org_rank < b->org_rank ? -1 : 1;
	if (a->org_id != b->org_id)
		return a->org_id < b->org_id ? -1 : 1;
	if (a->district != b->district)
		return a->district < b->district ? -1 : 1;
	if (a->l.via != b->l.via)
		return a->l.via < b->l.via ? -1 : 1;
	if (a->ord != b->ord)
		return a->ord < b->ord ? -1 : 1;
	return strcmp(a->l.item, b->l.item);
}

/* order_links: the rows in the matrix's order (the organisations ranked by name once). */
static int order_links(struct arena *a, struct read *rd, struct err *e)
{
	const char **names = arena_alloc(a, sizeof(*names) * ((size_t)rd->n + 1));
	int *rank = arena_alloc(a, sizeof(*rank) * ((size_t)rd->n + 1));

	for (int i = 0; i < rd->n; i++)
		names[i] = rd->r[i].org_name;
	if (collate_ranks(names, rd->n, rank) != 0)
		return err_set(e, LUP_EDB, "no Swedish collator");
	for (int i = 0; i < rd->n; i++)
		rd->r[i].org_rank = rank[i];
	qsort(rd->r, (size_t)rd->n, sizeof(*rd->r), raw_cmp);
	return LUP_OK;
}

/* gather: organisations, cells and counts from the links (in order). */
static void gather(struct arena *a, struct view_commitments *c, const struct read *rd)
{
	size_t n = (size_t)rd->n;

	c->links = arena_alloc(a, sizeof(*c->links) * (n + 1));
	c->orgs = arena_alloc(a, sizeof(*c->orgs) * (n + 1));
	c->cells = arena_alloc(a, sizeof(*c->cells) * (n + 1));
	for (size_t i = 0; i < n; i++) {
		const struct raw *x = &rd->r[i];
		size_t d = x->district;
		struct commit_link *l = &c->links[c->nlinks];
		struct commit_cell *cell;

		if (!c->norgs || c->orgs[c->norgs - 1].id != x->org_id)
			c->orgs[c->norgs++] = (struct commit_org){ x->org_id, x->org, x->org_name, x->org_kind, { 0 } };
		*l = x->l;
		l->org = c->norgs - 1;
		if (!c->ncells || c->cells[c->ncells - 1].org != l->org || c->cells[c->ncells - 1].district != d)
			c->cells[c->ncells++] = (struct commit_cell){ l->org, d, { 0 }, NULL, c->nlinks, 0 };
		cell = &c->cells[c->ncells - 1];
		cell->nlinks++;
		cell->n[l->via]++;
		c->orgs[l->org].n[l->via]++;
		c->districts[d].n[l->via]++;
		c->nlinks++;
	}
}

int view_commitments_load(struct store *st, struct arena *a, struct view_commitments *c, struct err *e)
{
	struct rowset ds;
	struct read rd = { a, c, NULL, 0, 0 };

	memset(c, 0, sizeof(*c));
	rowset_init(&ds, a);
	if (rowset_query(&ds, st, STMT_COMMIT_DISTRICTS, NULL, 0, e) != LUP_OK)
		return LUP_EDB;
	c->ndistricts = (size_t)ds.nrows;
	c->districts = arena_alloc(a, sizeof(*c->districts) * (c->ndistricts + 1));
	for (int i = 0; i < ds.nrows; i++)
		c->districts[i] = (struct commit_district){ rowset_i(&ds, i, "id"), rowset_s(&ds, i, "key"),
			rowset_s(&ds, i, "name"), rowset_i(&ds, i, "prioritised") != 0, { 0 } };
	if (store_query(st, STMT_COMMIT_LINKS, NULL, 0, link_row, &rd, e) != LUP_OK)
		return LUP_EDB;
	if (order_links(a, &rd, e) != LUP_OK)
		return e->code;
	gather(a, c, &rd);
	fill_roles(a, c);
	return LUP_OK;
}
