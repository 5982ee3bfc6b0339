/* commitments.c: the city's overview of commitments (see commitments.h). Two reads: the
 * districts and every link (STMT_COMMIT_LINKS, already by organisation and district); the
 * organisations, cells and counts are gathered here in one pass. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
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

/* gather: organisations, cells and counts from the links (rs, by organisation and district). */
static void gather(struct arena *a, struct view_commitments *c, const struct rowset *rs)
{
	size_t n = (size_t)rs->nrows;

	c->links = arena_alloc(a, sizeof(*c->links) * (n + 1));
	c->orgs = arena_alloc(a, sizeof(*c->orgs) * (n + 1));
	c->cells = arena_alloc(a, sizeof(*c->cells) * (n + 1));
	for (int i = 0; i < rs->nrows; i++) {
		int64_t org = rowset_i(rs, i, "org_id");
		size_t d = district_index(c, rowset_i(rs, i, "district_id"));
		struct commit_link *l = &c->links[c->nlinks];
		struct commit_cell *cell;

		if (!c->norgs || c->orgs[c->norgs - 1].id != org)
			c->orgs[c->norgs++] = (struct commit_org){ org, rowset_s(rs, i, "org"), rowset_s(rs, i, "org_name"),
				rowset_s(rs, i, "org_kind"), { 0 } };
		*l = (struct commit_link){ c->norgs - 1, d, via_of(rowset_s(rs, i, "via")), rowset_i(rs, i, "item_id"),
			rowset_s(rs, i, "item"),
			rowset_s(rs, i, "title"), rowset_s(rs, i, "role"), rowset_s(rs, i, "owner"),
			rowset_s(rs, i, "owner_name") };
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
	struct rowset ds, links;

	memset(c, 0, sizeof(*c));
	rowset_init(&ds, a);
	rowset_init(&links, a);
	if (rowset_query(&ds, st, STMT_COMMIT_DISTRICTS, NULL, 0, e) != LUP_OK ||
	    rowset_query(&links, st, STMT_COMMIT_LINKS, NULL, 0, e) != LUP_OK)
		return LUP_EDB;
	c->ndistricts = (size_t)ds.nrows;
	c->districts = arena_alloc(a, sizeof(*c->districts) * (c->ndistricts + 1));
	for (int i = 0; i < ds.nrows; i++)
		c->districts[i] = (struct commit_district){ rowset_i(&ds, i, "id"), rowset_s(&ds, i, "key"),
			rowset_s(&ds, i, "name"), rowset_i(&ds, i, "prioritised") != 0, { 0 } };
	gather(a, c, &links);
	fill_roles(a, c);
	return LUP_OK;
}
