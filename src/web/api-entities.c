/* api-entities.c: GET /api/v1/{kind} (filtered, paginated, sorted lists) and
 * GET /api/v1/{kind}/{id} (one entity with its relations) for every entity kind. */
#include "web/api.h"
#include "web/authz.h"
#include "render/entity.h"
#include "render/json.h"
#include "core/buf.h"
#include "store/kinds.h"
#include "store/store.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define LIST_DEFAULT_LIMIT 100
#define LIST_MAX_LIMIT 1000

static const char *const sortable[] = { "id", "key", "name", "year", "number", NULL };

static const struct kind *kind_param(struct http_req *r)
{
	const struct kind *k = kind_find(r->params[0]);

	if (!k || strcmp(k->name, r->params[0]) != 0) {
		http_error(r, 404, "not_found", "no collection '%s'", r->params[0]);
		return NULL;
	}
	return k;
}

static int number_arg(struct http_req *r, const char *name, long def, long max, long *out)
{
	const char *s = http_query(r, name);
	char *end;

	*out = def;
	if (!s)
		return 0;
	errno = 0;
	*out = strtol(s, &end, 10);
	if (errno || end == s || *end || *out < 0 || *out > max)
		return http_error(r, 400, "bad_request", "'%s' must be a whole number from 0 to %ld", name, max);
	return 0;
}

/* sort rows by one column; numbers compare as numbers */
static int sort_col;
static int sort_desc;

static int cmp_rows(const void *a, const void *b)
{
	const struct row_cell *x = (*(struct row_cell *const *)a) + sort_col;
	const struct row_cell *y = (*(struct row_cell *const *)b) + sort_col;
	int c;

	if (!x->s || !y->s)
		c = (x->s != NULL) - (y->s != NULL);
	else if (x->t == SV_INT && y->t == SV_INT)
		c = (strtoll(x->s, NULL, 10) > strtoll(y->s, NULL, 10)) - (strtoll(x->s, NULL, 10) < strtoll(y->s, NULL, 10));
	else
		c = strcmp(x->s, y->s);
	return sort_desc ? -c : c;
}

static int sort_rows(struct http_req *r, struct rowset *rs)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	const char *s = http_query(r, "sort");
	int desc = 0, ok = 0, col;

	if (!s)
		return 0;
	if (*s == '-')
		desc = 1, s++;
	for (int i = 0; sortable[i]; i++)
		ok |= strcmp(s, sortable[i]) == 0;
	if (!ok || (col = rowset_col(rs, s)) < 0)
		return http_error(r, 400, "bad_request", "cannot sort by '%s' (id, key, name, year, number where the collection has them)", s);
	pthread_mutex_lock(&lock);	/* qsort's comparator reads the two statics */
	sort_col = col;
	sort_desc = desc;
	qsort(rs->rows, (size_t)rs->nrows, sizeof(rs->rows[0]), cmp_rows);
	pthread_mutex_unlock(&lock);
	return 0;
}

/* readable_only: keeps the reports the caller may read (authz_report_readable). Returns LUP_OK
 * or a store error in r->err. */
static int readable_only(struct http_req *r, struct rowset *rs)
{
	int col = rowset_col(rs, "id"), n = 0, found;

	for (int i = 0; i < rs->nrows; i++) {
		int64_t id = col < 0 ? 0 : strtoll(rs->rows[i][col].s, NULL, 10);
		int ok = id ? authz_report_id(&r->user, r->st, id, &found, &r->err) : 0;
		if (ok < 0)
			return r->err.code;
		if (ok)
			rs->rows[n++] = rs->rows[i];
	}
	rs->nrows = n;
	return LUP_OK;
}

/* list_reply: the list's answer: rows first..first+limit of rs (the page), the list's total,
 * limit and offset. */
static int list_reply(struct http_req *r, const struct kind *k, struct rowset *rs, struct entity_extras *x,
		      long first, int64_t total, long limit, long offset)
{
	struct json *j = http_json_begin(r, 200);
	int rc = LUP_OK;

	json_obj_open(j);
	json_key(j, "items");
	json_arr_open(j);
	for (long i = first; i < rs->nrows && i < first + limit && rc == LUP_OK; i++)
		rc = entity_list_item(r->st, k, rs, (int)i, x, j, &r->a, &r->err);
	api_page_close(j, total, limit, offset);
	if (rc != LUP_OK)
		return http_fail(r);
	return http_json_end(r, j);
}

static int count_row(void *ctx, const struct store_row *row)
{
	*(int64_t *)ctx = store_col_int(row, 0);
	return 0;
}

/* A page of a list that SQL reads whole (a kind without a count statement): rows from..to-1 of
 * the statement's are collected, every row counted (n). */
struct page_rows {
	struct rowset *rs;
	int64_t n, from, to;
};

static int page_row(void *ctx, const struct store_row *row)
{
	struct page_rows *p = ctx;
	int rc = 0;

	if (p->n >= p->from && p->n < p->to)
		rc = rowset_collect(p->rs, row);
	p->n++;
	return rc;
}

/* A page written as its statement's rows arrive: into j, its columns judged at the first. */
struct item_stream {
	struct json *j;
	const char *const *bools;
	struct rowset_judged jd;
};

static int stream_item(void *ctx, const struct store_row *row)
{
	struct item_stream *s = ctx;

	json_obj_open(s->j);
	rowset_json_store_row(row, s->j, s->bools, &s->jd);
	json_obj_close(s->j);
	return 0;
}

/* list_stream: the answer of a list paged in SQL (a kind with a count statement: the outcomes)
 * written as its page's rows are read, without a row set (rowset_collect was a
 * tenth of a page of 100 outcomes): the items, and the total, counted in the same batch (one
 * round trip on PostgreSQL), after them. */
static int list_stream(struct http_req *r, const struct kind *k, const struct kind_bound *b, long limit, long offset)
{
	struct json *j = http_json_begin(r, 200);
	struct item_stream s = { j, k->bools, { 0 } };
	struct store_q q[2];
	enum stmt list, count;
	int64_t total = 0;

	kind_list_stmts(k, b, &list, &count);
	q[0] = (struct store_q){ count, b->args, b->nargs, count_row, &total };
	q[1] = (struct store_q){ list, b->args, b->npaged, stream_item, &s };
	json_obj_open(j);
	json_key(j, "items");
	json_arr_open(j);
	store_read_last(r->st);
	if (store_query_many(r->st, q, 2, &r->err) != LUP_OK)
		return http_fail(r);
	api_page_close(j, total, limit, offset);
	return http_json_end(r, j);
}

/* list_cut: rs, kind k's whole list, put in its order (entity_list_order) and cut to the rows
 * limit from offset. Returns LUP_OK, or LUP_EDB in e when the collation fails. */
static int list_cut(const struct kind *k, struct rowset *rs, long limit, long offset, struct err *e)
{
	int rc = entity_list_order(k, rs, e);

	if (rc != LUP_OK)
		return rc;
	if (offset >= rs->nrows) {
		rs->nrows = 0;
		return LUP_OK;
	}
	rs->rows += offset;
	rs->nrows -= (int)offset;
	if (limit < rs->nrows)
		rs->nrows = (int)limit;
	return LUP_OK;
}

/* list_page: the rows of b's page (kind_page: limit from offset) of kind k's list (one without a
 * count statement: list_stream writes those) into rs, the list's rows into *total, and the
 * districts' extras into x: one batch, the view's last reads (one round trip on PostgreSQL).
 * The list is read whole and the page's rows kept (lists of a few hundred rows at most, which
 * SQL sorts whole in any case). Returns LUP_OK or a store error in r->err. */
static int list_page(struct http_req *r, const struct kind *k, const struct kind_bound *b, long limit,
		     long offset, struct rowset *rs, struct entity_extras *x, int64_t *total)
{
	struct page_rows p = { rs, 0, offset, (int64_t)offset + limit };
	struct store_q q[2];
	int n = 0, rc, whole = k->list == STMT_LIST_DISTRICTS_BY_ID;	/* ordered here: kept whole */

	entity_extras_init(x, &r->a);
	rowset_init(rs, &r->a);
	if (whole)
		p = (struct page_rows){ rs, 0, 0, INT64_MAX };
	q[n++] = (struct store_q){ k->list, b->args, b->npaged, page_row, &p };
	if (k->list == STMT_LIST_DISTRICTS_BY_ID)
		q[n++] = (struct store_q){ STMT_DISTRICTS_EXTRAS, NULL, 0, entity_extras_row, x };
	store_read_last(r->st);
	if ((rc = store_query_many(r->st, q, n, &r->err)) != LUP_OK)
		return rc;
	*total = p.n;
	x->loaded = whole;
	if (whole)
		return list_cut(k, rs, limit, offset, &r->err);
	return LUP_OK;
}

/* list_all: every row of kind k's list (b's page is every row), the reports the caller may not
 * read left out, sorted as ?sort asks, answered from offset: the lists that C sorts or
 * filters. */
static int list_all(struct http_req *r, const struct kind *k, const struct kind_bound *b, long limit, long offset)
{
	struct rowset rs;
	struct entity_extras x;
	int rc;

	if (k->list == STMT_LIST_DISTRICTS_BY_ID)	/* the list and its extras: the view's one batch */
		store_read_last(r->st);
	if (entity_list_load(r->st, k, b->args, b->npaged, &rs, &x, &r->a, &r->err) != LUP_OK)
		return http_fail(r);
	if (k->list == STMT_LIST_REPORTS && readable_only(r, &rs) != LUP_OK)
		return http_fail(r);
	if ((rc = sort_rows(r, &rs)) != 0)
		return rc;
	return list_reply(r, k, &rs, &x, offset, rs.nrows, limit, offset);
}

int api_entity_list(struct http_req *r)
{
	const struct kind *k = kind_param(r);
	const char *vals[F__MAX] = { 0 };
	struct kind_bound b;
	struct rowset rs;
	struct entity_extras x;
	int64_t total;
	long limit, offset;
	int rc;

	if (!k)
		return r->status;
	for (int f = F_DISTRICT; f < F__MAX; f++)
		vals[f] = http_query(r, kind_filter_name((enum filter)f));
	if ((rc = number_arg(r, "limit", LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT, &limit)) ||
	    (rc = number_arg(r, "offset", 0, 1L << 30, &offset)))
		return rc;
	if (kind_bind(r->st, k, vals, &b, &r->err) != LUP_OK)
		return r->err.code == LUP_EINVAL ? http_error(r, 400, "bad_request", "%s", r->err.msg) : http_fail(r);
	if (k->list == STMT_LIST_REPORTS || http_query(r, "sort"))
		return list_all(r, k, &b, limit, offset);
	if (k->list == STMT_LIST_ALLOCATIONS)	/* sorted in C, written from the rows */
		return api_allocation_list(r, &b, limit, offset);
	kind_page(&b, k, limit, offset);
	if (k->count != STMT__MAX)	/* paged in SQL (the outcomes): written as read */
		return list_stream(r, k, &b, limit, offset);
	if (list_page(r, k, &b, limit, offset, &rs, &x, &total) != LUP_OK)
		return http_fail(r);
	return list_reply(r, k, &rs, &x, 0, total, limit, offset);
}

/* report_gate: 0 when the caller may read report id (with its assessments and activities);
 * else 404 for anonymous callers and an unknown report, 403 for a logged-in caller. */
static int report_gate(struct http_req *r, int64_t id)
{
	int found, ok = authz_report_id(&r->user, r->st, id, &found, &r->err);

	if (ok < 0)
		return http_fail(r);
	if (ok)
		return 0;
	if (!found || r->user.role == ROLE_ANON)
		return http_error(r, 404, "not_found", "no report '%s'", r->params[1]);
	return http_error(r, 403, "forbidden", "report '%s' is not approved: only its organisation and the city "
			  "office may read it", r->params[1]);
}

#define ENTITY_JSON_MAX ((size_t)32 << 20)	/* as api_snapshot's */

static int entity_tag(struct http_req *r, const struct kind *k, struct json *j);

/* entity_reply: the entity (main, rels) as JSON written straight into the response, tagged as
 * api_reply_read tags it (304 when If-None-Match names it): no copy of the representation
 * (it can be large: a district's is 51 KB). */
static int entity_reply(struct http_req *r, const struct kind *k, const struct rowset *main,
			const struct rowset *rels)
{
	struct json j;

	buf_reset(&r->out);
	json_init(&j, &r->out, 0);
	entity_json(k, main, rels, &j);
	return entity_tag(r, k, &j);
}

/* entity_tag: the entity's JSON written into the response through j, checked and tagged (304
 * when If-None-Match names it). */
static int entity_tag(struct http_req *r, const struct kind *k, struct json *j)
{
	if (json_finish(j) != 0 || r->out.overflow || r->out.len >= ENTITY_JSON_MAX) {
		buf_reset(&r->out);
		err_set(&r->err, LUP_EDB, "the %s could not be written as JSON", k->singular);
		return http_fail(r);
	}
	return api_reply_written(r);
}

/* A hint per kind (kind_at's order) of the room its answers take: the last one's and an eighth
 * more, or, after a larger one, seven eighths of the hint before (a hint only: buf_reserve). */
#define KIND_HINTS 32
static _Atomic size_t size_hint[KIND_HINTS];

/* entity_stream: the entity (not a report) written into the response as it is read (render/
 * entity.h entity_stream_key), tagged as entity_reply tags it; 404 when there is none. */
static int entity_stream(struct http_req *r, const struct kind *k)
{
	struct json j;
	int64_t id;
	int found = 0, ki = 0, rc;

	while (ki < KIND_HINTS && kind_at(ki) != k)
		ki++;
	buf_reset(&r->out);
	if (ki < KIND_HINTS)	/* the room the kind's last answer took: no doubling on the way */
		buf_reserve(&r->out, atomic_load_explicit(&size_hint[ki], memory_order_relaxed));
	json_init(&j, &r->out, 0);
	if (entity_stream_key(r->st, k, r->params[1], 1, &id, &j, &found, &r->a, &r->err) != LUP_OK) {
		buf_reset(&r->out);
		return http_fail(r);
	}
	if (!id || !found) {
		buf_reset(&r->out);
		return http_error(r, 404, "not_found", "no %s '%s'", k->singular, r->params[1]);
	}
	if ((rc = entity_tag(r, k, &j)) == 200 && ki < KIND_HINTS) {
		size_t was = atomic_load_explicit(&size_hint[ki], memory_order_relaxed), now = r->out.len + r->out.len / 8;
		if (now < was - was / 8)	/* a smaller answer lowers the hint slowly */
			now = was - was / 8;
		atomic_store_explicit(&size_hint[ki], now, memory_order_relaxed);
	}
	return rc;
}

int api_entity_get(struct http_req *r)
{
	const struct kind *k = kind_param(r);
	struct rowset main, rels[KIND_MAX_RELS];
	int64_t id;
	int found = 0, rc;

	if (!k)
		return r->status;
	if (k->show == STMT_SHOW_INDICATOR)	/* its outcomes read and written apart */
		return api_indicator_get(r, k);
	if (k->list != STMT_LIST_REPORTS)	/* written as read; a report is gated first */
		return entity_stream(r, k);
	/* a report's reads are not the last (report_gate reads more) */
	if (entity_load_key(r->st, k, r->params[1], k->list != STMT_LIST_REPORTS, &id, &main, rels, &found, &r->a,
			    &r->err) != LUP_OK)
		return http_fail(r);
	if (!id || !found)
		return http_error(r, 404, "not_found", "no %s '%s'", k->singular, r->params[1]);
	if (k->list == STMT_LIST_REPORTS && (rc = report_gate(r, id)) != 0)
		return rc;
	return entity_reply(r, k, &main, rels);
}
