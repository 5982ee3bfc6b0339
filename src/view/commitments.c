/* commitments.c: the city's overview of commitments (see commitments.h). Three reads in one go
 * (one round trip on PostgreSQL): the districts (ordered here), the LUP plans' adopted versions
 * and every link as a narrow row (STMT_COMMIT_LINKS: ids rather than the organisations' and
 * districts' texts, the partnerships as (activity, partner) pairs joined here with the
 * activities' rows); then the texts of the organisations that have links, each once
 * (STMT_COMMIT_ORGS). The links are sorted here, the organisations by their names' Swedish
 * ranks; the organisations, cells and counts are gathered in one pass. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/collate.h"
#include "core/numfmt.h"
#include "core/err.h"
#include "store/store.h"
#include "view/commitments.h"

const char *commit_via_code(enum commit_via v)
{
	return v == COMMIT_MEASURE ? "measure" : v == COMMIT_ACTIVITY ? "activity" : "partner";
}

/* via_of: STMT_COMMIT_LINKS' via (0, 1, 2: the enum's values) as the enum. */
static enum commit_via via_of(int64_t v)
{
	return v == COMMIT_MEASURE ? COMMIT_MEASURE : v == COMMIT_ACTIVITY ? COMMIT_ACTIVITY : COMMIT_PARTNER;
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

/* A district's sort keys. */
struct dkey {
	int rank;
	int64_t id;
	size_t i;
};

static int cmp_dkey(const void *pa, const void *pb)
{
	const struct dkey *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int commit_districts_order(struct arena *a, const char *const *names, const int64_t *ids, size_t n, size_t *perm)
{
	int *rank = arena_alloc_raw(a, sizeof(*rank) * (n + 1));
	struct dkey *k = arena_alloc_raw(a, sizeof(*k) * (n + 1));

	if (collate_ranks(names, (int)n, rank) != 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		k[i] = (struct dkey){ rank[i], ids[i], i };
	if (n > 1)
		qsort(k, n, sizeof(*k), cmp_dkey);
	for (size_t i = 0; i < n; i++)
		perm[i] = k[i].i;
	return 0;
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

/* A link as the loader keeps it, with its sort keys. */
struct raw {
	int64_t org_id, item_id, ord, owner_id;	/* owner_id: a partnership's activity owner, else 0 */
	size_t district;
	int org_rank;
	const struct commit_org *org;	/* resolve_orgs: the organisation of org_id */
	struct commit_link l;
};

/* A partner of an activity, paired with the activity's rows once all are read. */
struct partner {
	int64_t activity_id, org_id;
	const char *role;
};

/* An adopted LUP version and the index of its district (-1: its area is no district; the
 * districts are read first). */
struct adopted {
	int64_t pv;
	long district;
};

struct read {
	struct arena *a;
	struct view_commitments *c;
	int64_t *district_ids;
	int capd;
	struct adopted *ad;
	int nad, capad;
	struct raw *r;
	int n, cap;
	struct partner *p;
	int np, capp;
	struct commit_org *orgs;	/* by id */
	int norgs, caporgs;
	const int *rank;		/* resolve_orgs: the orgs' Swedish ranks */
};

static const char *dup_col(struct arena *a, const struct store_row *row, int i)
{
	return arena_strdup(a, store_col_text(row, i));
}

static long district_of(const struct read *rd, int64_t id)
{
	for (size_t i = 0; i < rd->c->ndistricts; i++)
		if (rd->district_ids[i] == id)
			return (long)i;
	return -1;
}

/* district_row: one district (STMT_COMMIT_DISTRICTS' columns by place), in its order. */
static int district_row(void *ctx, const struct store_row *row)
{
	struct read *rd = ctx;
	struct view_commitments *c = rd->c;
	int n = (int)c->ndistricts, cap = rd->capd;

	c->districts = arena_grow(rd->a, c->districts, n, &rd->capd, sizeof(*c->districts), 16);
	rd->district_ids = arena_grow(rd->a, rd->district_ids, n, &cap, sizeof(*rd->district_ids), 16);
	rd->district_ids[n] = store_col_int(row, 0);
	c->districts[n] = (struct commit_district){ rd->district_ids[n], dup_col(rd->a, row, 1), dup_col(rd->a, row, 2),
		store_col_int(row, 3) != 0, { 0 } };
	c->ndistricts++;
	return 0;
}

static int adopted_row(void *ctx, const struct store_row *row)
{
	struct read *rd = ctx;

	rd->ad = arena_grow(rd->a, rd->ad, rd->nad, &rd->capad, sizeof(*rd->ad), 32);
	rd->ad[rd->nad++] = (struct adopted){ store_col_int(row, 0), district_of(rd, store_col_int(row, 1)) };
	return 0;
}

/* adopted_district: the district of the adopted version pv, or -1 (not adopted, no district). */
static long adopted_district(const struct read *rd, int64_t pv)
{
	for (int i = 0; i < rd->nad; i++)
		if (rd->ad[i].pv == pv)
			return rd->ad[i].district;
	return -1;
}

static struct raw *new_raw(struct read *rd)
{
	rd->r = arena_grow(rd->a, rd->r, rd->n, &rd->cap, sizeof(*rd->r), 256);
	return &rd->r[rd->n++];
}

/* link_row: one row (STMT_COMMIT_LINKS' columns by place): a measure of an adopted version or
 * an activity serving a district kept as a link, a partner kept for pairing. */
static int link_row(void *ctx, const struct store_row *row)
{
	struct read *rd = ctx;
	enum commit_via via = via_of(store_col_int(row, 0));
	long d;
	struct raw *x;

	if (via == COMMIT_PARTNER) {
		rd->p = arena_grow(rd->a, rd->p, rd->np, &rd->capp, sizeof(*rd->p), 64);
		rd->p[rd->np++] = (struct partner){ store_col_int(row, 3), store_col_int(row, 1), dup_col(rd->a, row, 6) };
		return 0;
	}
	d = via == COMMIT_MEASURE ? adopted_district(rd, store_col_int(row, 2)) : district_of(rd, store_col_int(row, 2));
	if (d < 0)
		return 0;
	x = new_raw(rd);
	*x = (struct raw){ .org_id = store_col_int(row, 1), .item_id = store_col_int(row, 3), .ord = store_col_int(row, 7),
		.district = (size_t)d };
	x->l = (struct commit_link){ 0, (size_t)d, via, x->item_id, dup_col(rd->a, row, 4), dup_col(rd->a, row, 5),
		dup_col(rd->a, row, 6), NULL, NULL };
	return 0;
}

static int cmp_partner(const void *pa, const void *pb)
{
	const struct partner *a = pa, *b = pb;

	return (a->activity_id > b->activity_id) - (a->activity_id < b->activity_id);
}

/* pair_partners: a partnership link per partner and district row of its (public) activity (the
 * partners sorted by activity, found per activity row). */
static void pair_partners(struct read *rd)
{
	int n = rd->n;

	if (rd->np)
		qsort(rd->p, (size_t)rd->np, sizeof(*rd->p), cmp_partner);
	for (int i = 0; i < n && rd->np; i++) {
		struct partner key = { .activity_id = rd->r[i].item_id };
		const struct partner *p;

		if (rd->r[i].l.via != COMMIT_ACTIVITY)
			continue;
		p = bsearch(&key, rd->p, (size_t)rd->np, sizeof(*rd->p), cmp_partner);
		while (p && p > rd->p && p[-1].activity_id == key.activity_id)
			p--;
		for (; p && p < rd->p + rd->np && p->activity_id == key.activity_id; p++) {
			struct raw a = rd->r[i], *x = new_raw(rd);	/* a copy: new_raw may move rd->r */

			*x = (struct raw){ .org_id = p->org_id, .item_id = a.item_id, .ord = a.item_id,
				.owner_id = a.org_id, .district = a.district };
			x->l = (struct commit_link){ 0, a.district, COMMIT_PARTNER, a.item_id, a.l.item, a.l.title,
				p->role, NULL, NULL };
		}
	}
}

/* raw_cmp: by organisation (Swedish name, id), district (the districts' order), measures, then
 * activities, then partnerships, then the measure's place or the activity's id, then the key. */
static int raw_cmp(const void *pa, const void *pb)
{
	const struct raw *a = *(const struct raw *const *)pa, *b = *(const struct raw *const *)pb;

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
	return a->l.item && b->l.item ? strcmp(a->l.item, b->l.item) : (a->l.item != NULL) - (b->l.item != NULL);
}

/* An organisation's place in the links' order: by Swedish name (rank), then id. */
struct opos {
	int rank;
	int64_t id;
	size_t i;
};

static int cmp_opos(const void *pa, const void *pb)
{
	const struct opos *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* links_order: rd's links into order (n + 1 room) in raw_cmp's order, stably: counted into
 * their cells (organisation's place, district: raw_cmp's first keys; start: where each cell's
 * run begins, end: where its next link goes), each placed among its cell's by raw_cmp. A qsort
 * of the matrix's 365 links cost 0.15M instructions. */
static void links_order(struct read *rd, const struct raw **order, const int *rank)
{
	size_t n = (size_t)rd->n, no = (size_t)rd->norgs, nd = rd->c->ndistricts, nb = no * nd;
	struct opos *op = arena_alloc_raw(rd->a, sizeof(*op) * (no + 1));
	size_t *place = arena_alloc_raw(rd->a, sizeof(*place) * (no + 1));
	size_t *cell = arena_alloc_raw(rd->a, sizeof(*cell) * (n + 1));
	size_t *start = arena_alloc(rd->a, sizeof(*start) * (nb + 1)), *end = arena_alloc_raw(rd->a, sizeof(*end) * (nb + 1));

	for (size_t i = 0; i < no; i++)
		op[i] = (struct opos){ rank[i], rd->orgs[i].id, i };
	if (no > 1)
		qsort(op, no, sizeof(*op), cmp_opos);
	for (size_t i = 0; i < no; i++)
		place[op[i].i] = i;
	for (size_t i = 0; i < n; i++) {
		cell[i] = place[rd->r[i].org - rd->orgs] * nd + rd->r[i].district;
		if (cell[i] + 1 < nb)
			start[cell[i] + 1]++;
	}
	for (size_t b = 1; b < nb; b++)
		start[b] += start[b - 1];
	memcpy(end, start, sizeof(*end) * nb);
	for (size_t i = 0; i < n; i++) {
		size_t j = end[cell[i]]++;
		const struct raw *x = &rd->r[i];

		while (j > start[cell[i]] && raw_cmp(&order[j - 1], &x) > 0) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = x;
	}
}

static int cmp_org_id(const void *pa, const void *pb)
{
	const struct commit_org *a = pa, *b = pb;

	return (a->id > b->id) - (a->id < b->id);
}

static int cmp_id(const void *pa, const void *pb)
{
	const int64_t *a = pa, *b = pb;

	return (*a > *b) - (*a < *b);
}

static int org_row(void *ctx, const struct store_row *row)
{
	struct read *rd = ctx;

	rd->orgs = arena_grow(rd->a, rd->orgs, rd->norgs, &rd->caporgs, sizeof(*rd->orgs), 64);
	rd->orgs[rd->norgs++] = (struct commit_org){ store_col_int(row, 0), dup_col(rd->a, row, 1), dup_col(rd->a, row, 2),
		dup_col(rd->a, row, 3), { 0 } };
	return 0;
}

/* read_orgs: the texts of the links' organisations (each once, by id: STMT_COMMIT_ORGS). */
static int read_orgs(struct store *st, struct read *rd, struct err *e)
{
	int64_t *ids = arena_alloc_raw(rd->a, sizeof(*ids) * ((size_t)rd->n + 1));
	char *list = arena_alloc_raw(rd->a, (size_t)rd->n * NUMFMT_SIZE + 1);
	size_t len = 0;
	int n = 0;

	for (int i = 0; i < rd->n; i++)
		ids[i] = rd->r[i].org_id;
	if (rd->n > 1)
		qsort(ids, (size_t)rd->n, sizeof(*ids), cmp_id);
	for (int i = 0; i < rd->n; i++) {
		if (i && ids[i] == ids[i - 1])
			continue;
		if (n++)
			list[len++] = ',';
		len += numfmt_long(ids[i], list + len);
	}
	list[len] = '\0';
	if (n) {
		struct sval arg = SVS(list);

		if (store_query(st, STMT_COMMIT_ORGS, &arg, 1, org_row, rd, e) != LUP_OK)
			return LUP_EDB;
	}
	if (rd->norgs)
		qsort(rd->orgs, (size_t)rd->norgs, sizeof(*rd->orgs), cmp_org_id);
	return LUP_OK;
}

static const struct commit_org *org_by_id(const struct read *rd, int64_t id)
{
	struct commit_org key = { .id = id };

	return id && rd->norgs ? bsearch(&key, rd->orgs, (size_t)rd->norgs, sizeof(*rd->orgs), cmp_org_id) : NULL;
}

/* resolve_orgs: each link's organisation and a partnership's owner (the links of an
 * organisation that is not there left out, as an inner join would; an owner not there is none)
 * and the organisations' Swedish ranks (over the distinct names). */
static int resolve_orgs(struct read *rd, struct err *e)
{
	const char **names = arena_alloc(rd->a, sizeof(*names) * ((size_t)rd->norgs + 1));
	int *rank = arena_alloc(rd->a, sizeof(*rank) * ((size_t)rd->norgs + 1));
	int n = 0;

	for (int i = 0; i < rd->norgs; i++)
		names[i] = rd->orgs[i].name;
	if (collate_ranks(names, rd->norgs, rank) != 0)
		return err_set(e, LUP_EDB, "no Swedish collator");
	rd->rank = rank;
	for (int i = 0; i < rd->n; i++) {
		struct raw *x = &rd->r[i];
		const struct commit_org *o = org_by_id(rd, x->org_id), *w = org_by_id(rd, x->owner_id);

		if (!o)
			continue;
		x->org = o;
		x->org_rank = rank[o - rd->orgs];
		if (w)
			x->l.owner = w->key, x->l.owner_name = w->name;
		rd->r[n++] = *x;
	}
	rd->n = n;
	return LUP_OK;
}

/* order_districts: the districts by name (read in no order), the links' district indexes with
 * them. */
static int order_districts(struct read *rd, struct err *e)
{
	struct view_commitments *c = rd->c;
	size_t n = c->ndistricts;
	const char **names = arena_alloc_raw(rd->a, sizeof(*names) * (n + 1));
	size_t *perm = arena_alloc_raw(rd->a, sizeof(*perm) * (n + 1)), *inv = arena_alloc_raw(rd->a, sizeof(*inv) * (n + 1));
	struct commit_district *d = arena_alloc_raw(rd->a, sizeof(*d) * (n + 1));

	for (size_t i = 0; i < n; i++)
		names[i] = c->districts[i].name;
	if (commit_districts_order(rd->a, names, rd->district_ids, n, perm) != 0)
		return err_set(e, LUP_EDB, "no Swedish collator");
	for (size_t i = 0; i < n; i++)
		d[i] = c->districts[perm[i]], inv[perm[i]] = i;
	c->districts = d;
	for (int i = 0; i < rd->n; i++)
		rd->r[i].district = rd->r[i].l.district = inv[rd->r[i].district];
	return LUP_OK;
}

/* gather: organisations, cells and counts from the links in order (pointers into rd->r: a
 * sort of the large structs themselves cost twice as much in copies). */
static void gather(struct arena *a, struct view_commitments *c, const struct raw *const *order, size_t n)
{
	c->links = arena_alloc_raw(a, sizeof(*c->links) * (n + 1));
	c->orgs = arena_alloc_raw(a, sizeof(*c->orgs) * (n + 1));
	c->cells = arena_alloc_raw(a, sizeof(*c->cells) * (n + 1));
	for (size_t i = 0; i < n; i++) {
		const struct raw *x = order[i];
		size_t d = x->district;
		struct commit_link *l = &c->links[c->nlinks];
		struct commit_cell *cell;

		if (!c->norgs || c->orgs[c->norgs - 1].id != x->org_id)
			c->orgs[c->norgs++] = *x->org;
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

int view_commitments_load(struct store *st, struct arena *a, int texts, struct view_commitments *c, struct err *e)
{
	struct read rd = { .a = a, .c = c };
	struct sval arg = SVI(texts != 0);
	const struct raw **order;
	const struct store_q q[] = {
		{ STMT_COMMIT_DISTRICTS, NULL, 0, district_row, &rd },
		{ STMT_COMMIT_ADOPTED, NULL, 0, adopted_row, &rd },
		{ STMT_COMMIT_LINKS, &arg, 1, link_row, &rd },
	};

	memset(c, 0, sizeof(*c));
	if (store_query_many(st, q, 3, e) != LUP_OK)
		return LUP_EDB;
	pair_partners(&rd);
	if (order_districts(&rd, e) != LUP_OK || read_orgs(st, &rd, e) != LUP_OK || resolve_orgs(&rd, e) != LUP_OK)
		return e->code;
	order = arena_alloc_raw(a, sizeof(*order) * ((size_t)rd.n + 1));
	links_order(&rd, order, rd.rank);
	gather(a, c, order, (size_t)rd.n);
	fill_roles(a, c);
	return LUP_OK;
}
