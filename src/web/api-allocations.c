/* api-allocations.c: resources versus need in the API (docs/api.md "Resources versus need"):
 *	POST /api/v1/allocations		{"org","district","year","kind","amount","unit"[,"note"]}
 *	PATCH, DELETE /api/v1/allocations/{id}
 *	GET /api/v1/allocations (a page of the list: api_entity_list's, written here)
 *	GET /api/v1/views/resources-need?year=Y[&org=KEY]
 *	GET, PUT /api/v1/views/resources-need/indicators
 * The writes go through edit/allocation (the rules, one transaction with its audit entry). Who
 * may write an allocation: the giving organisation's editors (authz_org: it or its pair), the
 * city office for any organisation, administrators; readers and anonymous callers not. The need
 * indicators are the city's (role city, administrators). The view is public (outcomes under the
 * publication rule of the caller). */
#include "web/api.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/need-web.h"
#include "web/routes.h"
#include "edit/allocation.h"
#include "model/need.h"
#include "render/json.h"
#include "render/rows.h"
#include "core/buf.h"
#include "core/collate.h"
#include "core/numexact.h"
#include "store/kinds.h"
#include "store/store.h"
#include "view/need.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { A_ORG, A_DISTRICT, A_YEAR, A_KIND, A_AMOUNT, A_UNIT, A_NOTE, A__MAX };
static const struct field fields[A__MAX] = {
	{ "org", FT_STRING, 0, 0, API_REF_MAX, NULL },
	{ "district", FT_STRING, 0, 0, ALLOC_REF_MAX, NULL },
	{ "year", FT_INT, 0, ALLOC_YEAR_MIN, ALLOC_YEAR_MAX, NULL },
	{ "kind", FT_ENUM, 0, 0, 0, need_kind_codes },
	{ "amount", FT_NUMBER, 0, 0, 0, NULL },
	{ "unit", FT_ENUM, 0, 0, 0, need_unit_codes },
	{ "note", FT_TEXT, 0, 0, ALLOC_NOTE_MAX, NULL },
};

static struct edit_actor actor(const struct http_req *r)
{
	struct edit_actor a = { r->user.id, r->user.name };

	return a;
}

static enum api_rule api_rule_of(enum alloc_rule r)
{
	switch (r) {
	case ALLOC_R_REQUIRED: return API_RULE_REQUIRED;
	case ALLOC_R_TOO_LONG: return API_RULE_TOO_LONG;
	case ALLOC_R_CHOICE: case ALLOC_R_UNIT: return API_RULE_CHOICE;
	case ALLOC_R_RANGE: return API_RULE_RANGE;
	default: return API_RULE_UNKNOWN;
	}
}

/* edit_fail: answers an error of the edit layer. */
static int edit_fail(struct http_req *r, const struct alloc_fail *f)
{
	if (r->err.code == LUP_EINVAL && f->field) {
		struct api_violations v = { .n = 0 };
		if (f->rule == ALLOC_R_DISTRICT_ORG)
			return http_error(r, 403, "forbidden", "%s", r->err.msg);
		api_violation(r, &v, f->field, api_rule_of(f->rule), "%s", r->err.msg);
		return api_violations_reply(r, &v);
	}
	if (r->err.code == LUP_ENOTFOUND)
		return http_error(r, 404, "not_found", "%s", r->err.msg);
	return http_fail(r);
}

static int one_row(void *ctx, const struct store_row *row)
{
	struct json *j = ctx;

	json_obj_open(j);
	json_key(j, "id"); json_int(j, store_col_int(row, 0));
	json_key(j, "org"); json_str(j, store_col_text(row, 1));
	json_key(j, "org_name"); json_str(j, store_col_text(row, 2));
	json_key(j, "district"); json_str(j, store_col_text(row, 4));
	json_key(j, "district_name"); json_str(j, store_col_text(row, 5));
	json_key(j, "year"); json_int(j, store_col_int(row, 7));
	json_key(j, "kind"); json_str(j, store_col_text(row, 8));
	json_key(j, "amount"); json_num(j, store_col_real(row, 9));
	json_key(j, "unit"); json_str(j, store_col_text(row, 10));
	json_key(j, "note"); json_str(j, store_col_text(row, 11));
	json_key(j, "example"); json_bool(j, store_col_int(row, 12) != 0);
	json_key(j, "created_at"); json_str(j, store_col_text(row, 13));
	json_obj_close(j);
	return 1;
}

static int reply_one(struct http_req *r, int64_t id, int status)
{
	struct sval v = SVI(id);
	struct json *j = http_json_begin(r, status);

	if (store_query(r->st, STMT_AL_ONE, &v, 1, one_row, j, &r->err) != LUP_OK)
		return http_fail(r);
	return http_json_end(r, j);
}

/* in_of: the body as the edit layer's input (for a PATCH only the fields sent are set). */
static struct alloc_in in_of(const struct body *b, int64_t org)
{
	struct alloc_in in = {
		.org = org, .district = b->s[A_DISTRICT], .year = (int)b->i[A_YEAR], .kind = b->s[A_KIND],
		.amount = b->present[A_AMOUNT] && !b->isnull[A_AMOUNT] ? b->d[A_AMOUNT] : NAN,
		.unit = b->s[A_UNIT], .note = b->s[A_NOTE],
		.set_district = b->present[A_DISTRICT], .set_year = b->present[A_YEAR], .set_kind = b->present[A_KIND],
		.set_amount = b->present[A_AMOUNT], .set_unit = b->present[A_UNIT], .set_note = b->present[A_NOTE],
	};
	return in;
}

/* giver: the organisation of a new allocation (the body's "org", else the caller's), which the
 * caller may record for: 0 with *org set, or the status answered. */
static int giver(struct http_req *r, const struct body *b, int64_t *org)
{
	*org = r->user.org_id;
	if (b->s[A_ORG]) {
		struct sval o = SVS(b->s[A_ORG]);
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &o, 1, org, &r->err) != LUP_OK)
			return http_fail(r);
		if (!*org) {
			struct api_violations v = { .n = 0 };
			api_violation(r, &v, "org", API_RULE_UNKNOWN, "unknown organisation '%s'", b->s[A_ORG]);
			return api_violations_reply(r, &v);
		}
	} else if (!*org) {
		struct api_violations v = { .n = 0 };
		api_violation(r, &v, "org", API_RULE_REQUIRED, "is required (you belong to no organisation)");
		return api_violations_reply(r, &v);
	}
	return need_web_may_record(r, *org);
}

int api_allocation_post(struct http_req *r)
{
	struct alloc_fail f = { NULL, ALLOC_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct alloc_in in;
	struct body b;
	int64_t org = 0, id = 0;
	char loc[64];
	int rc;

	if ((rc = body_parse(r, fields, A__MAX, &b)) != 0 || (rc = giver(r, &b, &org)) != 0)
		return rc;
	in = in_of(&b, org);
	if (!b.present[A_YEAR])
		in.year = 0;
	if (alloc_add(r->st, &who, &in, &id, &f, &r->err) != LUP_OK)
		return edit_fail(r, &f);
	snprintf(loc, sizeof(loc), "/api/v1/allocations/%lld", (long long)id);
	http_header(r, "Location", loc);
	return reply_one(r, id, 201);
}

/* existing: the route's allocation, which the caller may change: 0 with *id, or the status. */
static int existing(struct http_req *r, int64_t *id)
{
	int64_t owner = 0;
	char *end;

	*id = strtoll(r->params[0], &end, 10);
	if (*end || *id <= 0)
		*id = 0;
	if (*id && alloc_owner(r->st, *id, &owner, &r->err) != LUP_OK)
		return http_fail(r);
	if (!owner)
		return http_error(r, 404, "not_found", "no allocation %s", r->params[0]);
	return need_web_may_record(r, owner);
}

int api_allocation_patch(struct http_req *r)
{
	struct alloc_fail f = { NULL, ALLOC_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct alloc_in in;
	struct body b;
	int64_t id;
	int rc;

	if ((rc = existing(r, &id)) != 0 || (rc = body_parse(r, fields, A__MAX, &b)) != 0)
		return rc;
	if (b.present[A_ORG])
		return http_error(r, 422, "invalid_fields", "org: cannot be changed (remove the allocation and record it anew)");
	in = in_of(&b, 0);
	if (alloc_change(r->st, &who, id, &in, NULL, &f, &r->err) != LUP_OK)
		return edit_fail(r, &f);
	return reply_one(r, id, 200);
}

int api_allocation_delete(struct http_req *r)
{
	struct edit_actor who = actor(r);
	struct alloc_fail f = { NULL, ALLOC_R_REQUIRED };
	int64_t id;
	int rc;

	if ((rc = existing(r, &id)) != 0)
		return rc;
	if (alloc_remove(r->st, &who, id, &r->err) != LUP_OK)
		return edit_fail(r, &f);
	r->status = 204;
	return 204;
}

/* ---- the list ---- */

/* An organisation or area of the list's rows: its name, key and place among the others' names
 * in Swedish order (collate_ranks); few of each, however many rows. */
struct al_named {
	int64_t id;
	const char *name, *key;
	int rank;
};

struct al_names {
	struct al_named *v;
	int n, cap, last;
};

/* A row of STMT_AL_LIST. */
struct al_item {
	int64_t id, year;
	int org, area;			/* into the list's organisations and areas */
	int org_rank, area_rank;	/* theirs (al_sort) */
	const char *kind, *unit, *note;
	enum sv_type amount_t;		/* the amount as the backend gives it (SQLite REAL, PostgreSQL double) */
	double amount;
	int64_t amount_i;
	int example;
};

struct al_items {
	struct arena *a;
	struct al_item *v;
	int n, cap;
	int64_t want;		/* the rows up to the page's end (offset + limit) */
	struct al_names orgs, areas;
};

static const char *dup_col(struct arena *a, const struct store_row *row, int c)
{
	return store_col_type(row, c) == SV_NULL ? NULL : arena_strdup(a, store_col_text(row, c));
}

/* al_named_of: the index among t's of the organisation or area of id column c (its name and
 * key in the next two), added when new (the row before's first: rows come in runs). */
static int al_named_of(struct arena *a, struct al_names *t, const struct store_row *row, int c)
{
	int64_t id = store_col_int(row, c);

	if (t->last < t->n && t->v[t->last].id == id)
		return t->last;
	for (t->last = 0; t->last < t->n; t->last++)
		if (t->v[t->last].id == id)
			return t->last;
	t->v = arena_grow(a, t->v, t->n, &t->cap, sizeof(*t->v), 16);
	t->v[t->n] = (struct al_named){ id, dup_col(a, row, c + 1), dup_col(a, row, c + 2), 0 };
	return t->n++;
}

/* shared: the text of column c: same (NULL or equal to it) when it is the same, else a copy. */
static const char *shared(struct arena *a, const struct store_row *row, int c, const char *same)
{
	const char *s = store_col_text(row, c);

	if (!s || (same && strcmp(s, same) == 0))
		return s ? same : NULL;
	return arena_strdup(a, s);
}

/* al_item_row: a row of STMT_AL_LIST (which come by year); texts that repeat (names, kinds,
 * units, the notes of example rows) shared. Stops (1) at the first row of a year after that of
 * the page's last row: the rows read then are every row that sorts before it and the years'
 * other rows. */
static int al_item_row(void *ctx, const struct store_row *row)
{
	struct al_items *l = ctx;
	const struct al_item *prev;
	struct al_item *x;
	int k;

	if (l->want <= 0 || (l->n >= l->want && store_col_int(row, 7) > l->v[l->want - 1].year))
		return 1;
	l->v = arena_grow(l->a, l->v, l->n, &l->cap, sizeof(*l->v), 512);
	prev = l->n ? &l->v[l->n - 1] : NULL;
	x = &l->v[l->n++];
	x->id = store_col_int(row, 0);
	x->org = al_named_of(l->a, &l->orgs, row, 1);
	x->area = al_named_of(l->a, &l->areas, row, 4);
	x->year = store_col_int(row, 7);
	k = need_kind_index(store_col_text(row, 8));
	x->kind = k >= 0 ? need_kind_codes[k] : dup_col(l->a, row, 8);
	x->amount_t = store_col_type(row, 9);
	x->amount = x->amount_t == SV_REAL ? store_col_real(row, 9) : 0;
	x->amount_i = x->amount_t == SV_INT ? store_col_int(row, 9) : 0;
	x->unit = shared(l->a, row, 10, k >= 0 ? need_kind_unit(k) : NULL);
	x->note = shared(l->a, row, 11, prev ? prev->note : NULL);
	x->example = store_col_int(row, 12) != 0;
	return 0;
}

static int cmp_text(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* by_list_order: STMT_LIST_ALLOCATIONS' ORDER BY r.year, o.name COLLATE sv, a.name COLLATE sv,
 * r.kind; then the id (rows that tie on all four: organisations or areas of the same name). */
static int by_list_order(const void *pa, const void *pb)
{
	const struct al_item *a = pa, *b = pb;
	int c;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->org_rank != b->org_rank)
		return a->org_rank < b->org_rank ? -1 : 1;
	if (a->area_rank != b->area_rank)
		return a->area_rank < b->area_rank ? -1 : 1;
	if ((c = cmp_text(a->kind, b->kind)) != 0)
		return c;
	return (a->id > b->id) - (a->id < b->id);
}

/* rank_names: each of t's places among their names in Swedish order. Returns 0, or -1 when the
 * collation fails. */
static int rank_names(struct arena *a, struct al_names *t)
{
	const char **names = arena_alloc(a, (size_t)(t->n + 1) * sizeof(*names));
	int *rank = arena_alloc(a, (size_t)(t->n + 1) * sizeof(*rank));

	for (int i = 0; i < t->n; i++)
		names[i] = t->v[i].name;
	if (t->n > 1 && collate_ranks(names, t->n, rank) != 0)
		return -1;
	for (int i = 0; i < t->n; i++)
		t->v[i].rank = t->n > 1 ? rank[i] : 0;
	return 0;
}

/* al_sort: l's rows in the list's order. Returns 0, or -1 when the collation fails. */
static int al_sort(struct al_items *l)
{
	if (rank_names(l->a, &l->orgs) != 0 || rank_names(l->a, &l->areas) != 0)
		return -1;
	for (int i = 0; i < l->n; i++) {
		l->v[i].org_rank = l->orgs.v[l->v[i].org].rank;
		l->v[i].area_rank = l->areas.v[l->v[i].area].rank;
	}
	if (l->n > 1)	/* no rows: l->v may be NULL */
		qsort(l->v, (size_t)l->n, sizeof(*l->v), by_list_order);
	return 0;
}

/* al_item_json: one item as the generic list writes a row of STMT_LIST_ALLOCATIONS (its
 * columns' names, "example" a boolean). */
static void al_item_json(struct json *j, const struct al_items *l, const struct al_item *x, struct arena *a)
{
	const struct al_named *o = &l->orgs.v[x->org], *ar = &l->areas.v[x->area];

	json_obj_open(j);
	json_key(j, "id"); json_int(j, x->id);
	json_key(j, "name");
	if (o->name && ar->name) {
		char y[24];
		int ny = snprintf(y, sizeof(y), "%lld", (long long)x->year);
		size_t no = strlen(o->name), na = strlen(ar->name);
		char *s = arena_alloc(a, no + na + (size_t)ny + 3);
		memcpy(s, o->name, no);
		s[no] = ' ';
		memcpy(s + no + 1, ar->name, na);
		s[no + 1 + na] = ' ';
		memcpy(s + no + na + 2, y, (size_t)ny + 1);
		json_strn(j, s, no + na + (size_t)ny + 2);
	} else {
		json_nothing(j);
	}
	json_key(j, "org"); json_str(j, o->key);
	json_key(j, "area"); json_str(j, ar->key);
	json_key(j, "year"); json_int(j, x->year);
	json_key(j, "kind"); json_str(j, x->kind);
	json_key(j, "amount");
	if (x->amount_t == SV_REAL) json_num(j, x->amount);
	else if (x->amount_t == SV_INT) json_int(j, x->amount_i);
	else json_nothing(j);
	json_key(j, "unit"); json_str(j, x->unit);
	json_key(j, "note"); json_str(j, x->note);
	json_key(j, "example"); json_bool(j, x->example);
	json_obj_close(j);
}

static int count_row(void *ctx, const struct store_row *row)
{
	*(int64_t *)ctx = store_col_int(row, 0);
	return 0;
}

/* unfiltered: 1 when none of b's filters is given. */
static int unfiltered(const struct kind_bound *b)
{
	for (int i = 0; i < b->nargs; i++)
		if (b->args[i].t != SV_NULL)
			return 0;
	return 1;
}

int api_allocation_list(struct http_req *r, const struct kind_bound *b, long limit, long offset)
{
	struct al_items l = { .a = &r->a, .want = INT64_MAX };
	int64_t total = -1;
	struct store_q q[2];
	struct json *j;
	int n = 0;

	/* every row: the years up to the page's and a count; filtered (few rows, or one year):
	 * the rows, all of them */
	if (unfiltered(b)) {
		l.want = (int64_t)offset + limit;
		q[n++] = (struct store_q){ STMT_AL_COUNT, b->args, b->nargs, count_row, &total };
	}
	q[n++] = (struct store_q){ STMT_AL_LIST, b->args, b->nargs, al_item_row, &l };
	store_read_last(r->st);
	if (store_query_many(r->st, q, n, &r->err) != LUP_OK)
		return http_fail(r);
	if (total < 0)
		total = l.n;
	if (al_sort(&l) != 0) {
		err_set(&r->err, LUP_EDB, "cannot sort the allocations: the Swedish collation failed");
		return http_fail(r);
	}
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "items");
	json_arr_open(j);
	for (long i = offset; i < l.n && i < offset + limit; i++)
		al_item_json(j, &l, &l.v[i], &r->a);
	api_page_close(j, total, limit, offset);
	return http_json_end(r, j);
}

/* ---- the view ---- */

static void ind_json(struct json *j, const struct view_need_ind *x)
{
	json_obj_open(j);
	json_key(j, "id"); json_int(j, x->id);
	json_key(j, "key"); json_str(j, x->key);
	json_key(j, "name"); json_str(j, x->name);
	json_key(j, "unit"); json_str(j, x->unit);
	json_key(j, "direction"); json_str(j, x->direction);
	json_key(j, "weight"); json_num(j, x->m.weight);
	json_key(j, "city_value"); json_num(j, x->m.city);
	json_key(j, "districts_with_value"); json_int(j, x->m.n);
	json_key(j, "gap_mean"); json_num(j, x->m.mean);
	json_key(j, "gap_sd"); json_num(j, x->m.sd);
	json_key(j, "used"); json_bool(j, x->m.used);
	json_key(j, "no_spread"); json_bool(j, x->m.used && x->m.flat);
	json_obj_close(j);
}

static void resources_json(struct json *j, const struct view_need_district *d)
{
	json_obj_open(j);
	for (int k = 0; k < NEED_KIND__MAX; k++) {
		json_key(j, need_kind_codes[k]);
		json_obj_open(j);
		json_key(j, "amount"); json_num(j, d->amount[k]);
		json_key(j, "unit"); json_str(j, need_kind_unit(k));
		json_key(j, "per_1000_residents"); json_num(j, d->per1000[k]);
		json_obj_close(j);
	}
	json_obj_close(j);
}

/* A step's text before its value: {"indicator":KEY,"value": (one per indicator). */
struct step_head {
	char *s;
	size_t n;
};

/* LIT: appends a string literal to b. */
#define LIT(b, lit) buf_add((b), "" lit "", sizeof(lit) - 1)

/* step_heads: each indicator's step_head, or NULL when the writer is pretty (the steps are then
 * written member by member). */
static struct step_head *step_heads(struct arena *a, const struct view_need *v, const struct json *j)
{
	struct step_head *h;
	struct buf b;

	if (j->pretty)
		return NULL;
	h = arena_alloc(a, (v->ni + 1) * sizeof(*h));
	for (size_t k = 0; k < v->ni; k++) {
		buf_init(&b, 0);
		LIT(&b, "{\"indicator\":");
		if (v->inds[k].key)
			json_escape_str(&b, v->inds[k].key, strlen(v->inds[k].key));
		else
			LIT(&b, "null");
		LIT(&b, ",\"value\":");
		h[k].n = b.len;
		h[k].s = arena_alloc(a, b.len + 1);
		memcpy(h[k].s, b.ptr, b.len);
		buf_release(&b);
	}
	return h;
}

/* long_num_text: json_num_text's text of v, for a v that seldom has a short decimal (a gap, a
 * z-value: mostly 17 digits): numexact_g15_17 asked before json_num_text's test of the short
 * decimals, which gives the same "%.15g" bytes where both answer (core/numfmt.h); integers
 * first, as there. */
static size_t long_num_text(double v, char *out)
{
	size_t n;

	if (isfinite(v) && !(v == (double)(long long)v && fabs(v) < 1e15) && (n = numexact_g15_17(v, out)) > 0)
		return n;
	return json_num_text(v, out);
}

/* step_piece: a step as one piece straight into the output: the same bytes as step_members'. */
static void step_piece(struct buf *b, const struct step_head *h, const struct need_cell *c)
{
	char num[JSON_NUM_SIZE];

	buf_add(b, h->s, h->n);
	buf_add(b, num, json_num_text(c->value, num));
	LIT(b, ",\"gap\":");
	buf_add(b, num, long_num_text(c->gap, num));
	LIT(b, ",\"z\":");
	buf_add(b, num, long_num_text(c->z, num));
	LIT(b, "}");
}

static void step_members(struct json *j, const struct view_need_ind *x, const struct need_cell *c)
{
	json_obj_open(j);
	json_key(j, "indicator"); json_str(j, x->key);
	json_key(j, "value"); json_num(j, c->value);
	json_key(j, "gap"); json_num(j, c->gap);
	json_key(j, "z"); json_num(j, c->z);
	json_obj_close(j);
}

static void district_json(struct json *j, const struct view_need *v, const struct step_head *heads, size_t rank,
			  size_t d)
{
	const struct view_need_district *x = &v->ds[d];
	struct buf *b;

	json_obj_open(j);
	json_key(j, "district"); json_str(j, x->key);
	json_key(j, "name"); json_str(j, x->name);
	json_key(j, "rank"); json_int(j, (int64_t)rank + 1);
	json_key(j, "need_index"); json_num(j, x->index);
	json_key(j, "need_indicators_with_value"); json_int(j, x->nused);
	json_key(j, "population");
	if (x->population) json_int(j, x->population); else json_nothing(j);
	json_key(j, "population_year");
	if (x->population_year) json_int(j, x->population_year); else json_nothing(j);
	json_key(j, "resources"); resources_json(j, x);
	json_key(j, "steps");
	json_arr_open(j);
	for (size_t k = 0; k < v->ni; k++) {
		const struct need_cell *c = &v->cells[k * v->nd + d];
		if (heads && (b = json_value_out(j)) != NULL)
			step_piece(b, &heads[k], c);
		else
			step_members(j, &v->inds[k], c);
	}
	json_arr_close(j);
	json_key(j, "example"); json_bool(j, x->example);
	json_obj_close(j);
}

/* Bytes of the view's parts, a little above the demo's (about 250 per indicator, 450 per
 * district without its steps, 125 per step). */
enum { EST_IND = 288, EST_DISTRICT = 512, EST_STEP = 144 };

int api_view_resources_need(struct http_req *r)
{
	const struct step_head *heads;
	struct view_need v;
	struct json *j;
	int64_t org = 0;
	int year, rc;

	if ((rc = need_web_params(r, &year, &org)) != 0)
		return rc;
	if (view_need_load(r->st, &r->a, year, org, &v, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	if (!j->pretty)	/* the answer's room at once: about its size on the demo, never a limit */
		buf_reserve(j->out, 1024 + EST_IND * v.ni + EST_DISTRICT * v.nd + EST_STEP * v.ni * v.nd);
	json_obj_open(j);
	json_key(j, "year"); json_int(j, v.year);
	json_key(j, "need_year"); json_int(j, v.need_year);
	json_key(j, "org"); json_str(j, org ? http_query(r, "org") : NULL);
	json_key(j, "rule"); json_str(j, NEED_RULE_EN);
	json_key(j, "indicators_chosen_by"); json_str(j, v.chosen ? "city" : "default");
	json_key(j, "indicators");
	json_arr_open(j);
	for (size_t k = 0; k < v.ni; k++)
		ind_json(j, &v.inds[k]);
	json_arr_close(j);
	json_key(j, "items");
	json_arr_open(j);
	heads = step_heads(&r->a, &v, j);
	for (size_t i = 0; i < v.nd; i++)
		district_json(j, &v, heads, i, v.ord[i]);
	json_arr_close(j);
	json_key(j, "example"); json_bool(j, v.example);
	json_obj_close(j);
	return http_json_end(r, j);
}

/* ---- the city's choice of indicators ---- */

int api_need_indicators_get(struct http_req *r)
{
	struct rowset rs;
	struct json *j;

	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_NEED_CHOSEN, NULL, 0, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "chosen_by"); json_str(j, rs.nrows ? "city" : "default");
	json_key(j, "indicators");
	json_arr_open(j);
	for (int i = 0; i < rs.nrows; i++) {
		struct sval id = SVI(strtoll(rs.rows[i][0].s, NULL, 10));
		struct rowset ind;
		rowset_init(&ind, &r->a);
		if (rowset_query(&ind, r->st, STMT_NEED_INDICATOR, &id, 1, &r->err) != LUP_OK)
			return http_fail(r);
		json_obj_open(j);
		json_key(j, "indicator"); json_str(j, ind.nrows ? ind.rows[0][1].s : NULL);
		json_key(j, "name"); json_str(j, ind.nrows ? ind.rows[0][2].s : NULL);
		json_key(j, "weight"); json_num(j, strtod(rs.rows[i][1].s, NULL));
		json_obj_close(j);
	}
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_need_indicators_put(struct http_req *r)
{
	struct need_pick picks[NEED_PICK_MAX];
	struct api_violations v = { .n = 0 };
	json_error_t je;
	json_t *root, *list;
	size_t n = 0;
	int rc;

	root = json_loadb(r->body.ptr ? r->body.ptr : "", r->body.len, 0, &je);
	if (!root || !json_is_object(root))
		return json_decref(root), http_error(r, 400, "bad_json", "the body is not a JSON object: %s", je.text);
	list = json_object_get(root, "indicators");
	if (!json_is_array(list) || json_object_size(root) != 1) {
		json_decref(root);
		api_violation(r, &v, "indicators", API_RULE_REQUIRED,
			      "is required: an array of {\"indicator\": key or id, \"weight\": number > 0} (empty: the default)");
		return api_violations_reply(r, &v);
	}
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *o = json_array_get(list, i), *ind = json_object_get(o, "indicator"), *w = json_object_get(o, "weight");
		if (n == NEED_PICK_MAX) {
			api_violation(r, &v, "indicators", API_RULE_TOO_LONG, "at most 64 indicators");
			break;
		}
		picks[n].ref = json_is_string(ind) ? arena_strdup(&r->a, json_string_value(ind)) : NULL;
		if (json_is_integer(ind)) {
			char buf[32];
			snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(ind));
			picks[n].ref = arena_strdup(&r->a, buf);
		}
		picks[n].weight = w ? (json_is_number(w) ? json_number_value(w) : -1) : 1.0;
		n++;
	}
	json_decref(root);
	if (v.n)
		return api_violations_reply(r, &v);
	rc = need_web_set_indicators(r, picks, n, &v, NULL);
	if (rc > 0)
		return rc;
	if (v.n)
		return api_violations_reply(r, &v);
	return api_need_indicators_get(r);
}
