/* entity.c: JSON of entity lists and of one entity with its relations. */
#include "render/entity.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/collate.h"
#include "core/err.h"
#include "core/numfmt.h"
#include "render/json.h"
#include "store/kinds.h"
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Relation columns shown as booleans, whatever the relation. */
static const char *const rel_bools[] = { "missing", "example", "extra", "prioritised", "by_sex", "by_area", NULL };

void entity_extras_init(struct entity_extras *x, struct arena *a)
{
	memset(x, 0, sizeof(*x));
	x->a = a;
}

int entity_extras_row(void *ctx, const struct store_row *row)
{
	struct entity_extras *x = ctx;
	struct district_extra *d;
	struct store_cell name;

	if (x->n == x->cap) {
		int cap = x->cap ? x->cap * 2 : 128;
		struct district_extra *nr = arena_alloc_raw(x->a, sizeof(*nr) * (size_t)cap);
		if (x->n)
			memcpy(nr, x->rows, sizeof(*nr) * (size_t)x->n);
		x->rows = nr;
		x->cap = cap;
	}
	d = &x->rows[x->n++];
	store_col_cell(row, 2, &name);
	d->district = store_col_int(row, 0);
	d->what = (int)store_col_int(row, 1);
	if (name.t == SV_TEXT)
		d->name = arena_strndup(x->a, name.s, name.len);
	else	/* NULL, or a name stored as a number: its text, as rowset_collect keeps it */
		d->name = name.t == SV_NULL ? NULL : arena_strdup(x->a, store_col_text(row, 2));
	d->o1 = store_col_int(row, 3);
	d->o2 = store_col_int(row, 4);
	x->loaded = 1;
	return 0;
}

/* extra_cmp: STMT_DISTRICTS_EXTRAS' order: what, district, o1, o2. */
static int extra_cmp(const void *pa, const void *pb)
{
	const struct district_extra *a = pa, *b = pb;

	if (a->what != b->what)
		return a->what < b->what ? -1 : 1;
	if (a->district != b->district)
		return a->district < b->district ? -1 : 1;
	if (a->o1 != b->o1)
		return a->o1 < b->o1 ? -1 : 1;
	return (a->o2 > b->o2) - (a->o2 < b->o2);
}

/* extras_sort: x's rows in extra_cmp's order (SQLite's statement gives them unsorted: its
 * ORDER BY over the UNION was most of its cost; PostgreSQL's sorts them). */
static void extras_sort(struct entity_extras *x)
{
	int unsorted = 0;

	for (int i = 1; i < x->n && !unsorted; i++)
		unsorted = extra_cmp(&x->rows[i - 1], &x->rows[i]) > 0;
	if (unsorted)
		qsort(x->rows, (size_t)x->n, sizeof(*x->rows), extra_cmp);
	x->sorted = 1;
}

/* extra_id: a list row's id cell as the integer the extras' district_id column holds. */
static int64_t extra_id(const struct row_cell *c)
{
	return c->t == SV_INT ? c->i : strtoll(c->s, NULL, 10);
}

/* names_of: the names of x's rows (sorted) of kind what (1 themes, 2 prioritised areas) and
 * district id, as an array. */
static void names_of(const struct entity_extras *x, int64_t id, int what, struct json *j)
{
	int lo = 0, hi = x->n;

	while (lo < hi) {	/* the first row not before (what, id) */
		int mid = lo + (hi - lo) / 2;
		const struct district_extra *d = &x->rows[mid];
		if (d->what < what || (d->what == what && d->district < id))
			lo = mid + 1;
		else
			hi = mid;
	}
	json_arr_open(j);
	for (; lo < x->n && x->rows[lo].what == what && x->rows[lo].district == id; lo++)
		json_str(j, x->rows[lo].name);
	json_arr_close(j);
}

/* district_extras: the themes and prioritised areas of district id, from x (loaded at the
 * first call: one statement for the whole list). */
static int district_extras(struct store *st, int64_t id, struct entity_extras *x, struct json *j,
			   struct arena *a, struct err *e)
{
	int rc;

	if (!x->loaded) {
		entity_extras_init(x, a);
		if ((rc = store_query(st, STMT_DISTRICTS_EXTRAS, NULL, 0, entity_extras_row, x, e)) != LUP_OK)
			return rc;
		x->loaded = 1;
	}
	if (!x->sorted)
		extras_sort(x);
	json_key(j, "themes");
	names_of(x, id, 1, j);
	json_key(j, "prioritised_areas");
	names_of(x, id, 2, j);
	return LUP_OK;
}

int entity_list_load(struct store *st, const struct kind *k, const struct sval *args, int nargs,
		     struct rowset *rs, struct entity_extras *x, struct arena *a, struct err *e)
{
	struct store_q q[2] = { { k->list, args, nargs, rowset_collect, rs },
				{ STMT_DISTRICTS_EXTRAS, NULL, 0, entity_extras_row, x } };
	int n = k->list == STMT_LIST_DISTRICTS_BY_ID ? 2 : 1, rc;

	entity_extras_init(x, a);
	rowset_init(rs, a);
	if ((rc = store_query_many(st, q, n, e)) != LUP_OK)
		return rc;
	x->loaded = n == 2;
	return entity_list_order(k, rs, e);
}

int entity_list_item(struct store *st, const struct kind *k, const struct rowset *rs, int i,
		     struct entity_extras *x, struct json *j, struct arena *a, struct err *e)
{
	int rc = LUP_OK, idc;

	json_obj_open(j);
	if (x->judged.rs != rs)	/* once per list: the row's columns by name were 5K a row */
		rowset_judge(rs, k->bools, &x->judged);
	rowset_json_row_judged(rs, i, j, k->bools, &x->judged);
	if (k->list == STMT_LIST_DISTRICTS_BY_ID && (idc = rowset_col(rs, "id")) >= 0 && rs->rows[i][idc].s)
		rc = district_extras(st, extra_id(&rs->rows[i][idc]), x, j, a, e);
	json_obj_close(j);
	return rc;
}

/* order_by_owner: sorts rs (REL_BY_OWNER: its first column the owner's name) by that name in
 * Swedish order and then by its column "key" (byte order: SQLite's BINARY), and drops the
 * name column. Returns LUP_OK, or LUP_EDB when the collation fails. */
static int order_by_owner(struct rowset *rs, struct err *e)
{
	if (rs->ncols < 1)
		return LUP_OK;
	if (rowset_order_by_name(rs, 0, -1, rowset_col(rs, "key")) != 0)
		return err_set(e, LUP_EDB, "cannot sort by name: the Swedish collation failed");
	for (int i = 0; i < rs->nrows; i++)
		rs->rows[i]++;
	rs->names++;
	rs->ncols--;
	return LUP_OK;
}

/* One row of a REL_BY_KEYS relation being ordered: its keys (null: 1 for NULL), its place. */
struct keyed {
	int64_t k[REL_KEYS];
	unsigned char null[REL_KEYS];
	int ix;
};

/* by_keys: REL_BY_KEYS' order: the keys (NULL first), then the place (stable). */
static int by_keys(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;

	for (int i = 0; i < REL_KEYS; i++) {
		if (a->null[i] != b->null[i])
			return a->null[i] ? -1 : 1;
		if (a->k[i] != b->k[i])
			return a->k[i] < b->k[i] ? -1 : 1;
	}
	return (a->ix > b->ix) - (a->ix < b->ix);
}

/* keyed_order: puts the n items it in REL_BY_KEYS' order (stable); 0 when they were in it (one
 * comparison an item), 1 when moved. */
static int keyed_order(struct keyed *it, int n)
{
	int unsorted = 0;

	for (int i = 1; i < n && !unsorted; i++)
		unsorted = by_keys(&it[i - 1], &it[i]) > 0;
	if (unsorted)
		qsort(it, (size_t)n, sizeof(*it), by_keys);
	return unsorted;
}

/* name_ranks: the Swedish ranks (collate_ranks) of the n names into the items' second keys.
 * Returns LUP_OK, or LUP_EDB when the collation fails. */
static int name_ranks(const char *const *names, int n, struct keyed *it, struct arena *a, struct err *e)
{
	int *rank = arena_alloc_raw(a, sizeof(*rank) * (size_t)(n ? n : 1));

	if (collate_ranks(names, n, rank) != 0)
		return err_set(e, LUP_EDB, "cannot sort by name: the Swedish collation failed");
	for (int i = 0; i < n; i++) {
		it[i].k[1] = rank[i];
		it[i].null[1] = 0;	/* a NULL name has the first rank */
	}
	return LUP_OK;
}

/* order_by_keys: sorts rs (REL_BY_KEYS; REL_BY_KEY_NAME when by_name: its second column a name
 * in Swedish order) by its first REL_KEYS columns and drops them. Returns LUP_OK, or LUP_EDB when
 * the collation fails. */
static int order_by_keys(struct rowset *rs, int by_name, struct err *e)
{
	struct keyed *it;
	struct row_cell **rows;

	if (rs->ncols < REL_KEYS)
		return LUP_OK;
	if (rs->nrows > 1) {
		it = arena_alloc_raw(rs->a, sizeof(*it) * (size_t)rs->nrows);
		rows = arena_alloc_raw(rs->a, sizeof(*rows) * (size_t)rs->nrows);
		memcpy(rows, rs->rows, sizeof(*rows) * (size_t)rs->nrows);
		for (int i = 0; i < rs->nrows; i++) {
			it[i].ix = i;
			for (int c = 0; c < REL_KEYS; c++) {
				it[i].null[c] = rows[i][c].t == SV_NULL;
				it[i].k[c] = rows[i][c].t == SV_INT ? rows[i][c].i : 0;
			}
		}
		if (by_name) {
			const char **names = arena_alloc_raw(rs->a, sizeof(*names) * (size_t)rs->nrows);
			int rc;
			for (int i = 0; i < rs->nrows; i++)
				names[i] = rows[i][1].s;
			if ((rc = name_ranks(names, rs->nrows, it, rs->a, e)) != LUP_OK)
				return rc;
		}
		if (keyed_order(it, rs->nrows))
			for (int i = 0; i < rs->nrows; i++)
				rs->rows[i] = rows[it[i].ix];
	}
	for (int i = 0; i < rs->nrows; i++)
		rs->rows[i] += REL_KEYS;
	rs->names += REL_KEYS;
	rs->ncols -= REL_KEYS;
	return LUP_OK;
}

/* One row of a REL_IN_RUNS run being ordered: its second and third columns' texts (NULL for
 * NULL) and its place among the relation's rows or objects. */
struct run_item {
	const char *k1, *k2;
	int ix;
};

int entity_list_order(const struct kind *k, struct rowset *rs, struct err *e)
{
	struct keyed *it;
	struct row_cell **rows;
	const char **names;
	int c = rowset_col(rs, "name"), rc;

	if (k->list != STMT_LIST_DISTRICTS_BY_ID || rs->nrows < 2 || c < 0)
		return LUP_OK;
	it = arena_alloc_raw(rs->a, sizeof(*it) * (size_t)rs->nrows);
	rows = arena_alloc_raw(rs->a, sizeof(*rows) * (size_t)rs->nrows);
	names = arena_alloc_raw(rs->a, sizeof(*names) * (size_t)rs->nrows);
	memcpy(rows, rs->rows, sizeof(*rows) * (size_t)rs->nrows);
	for (int i = 0; i < rs->nrows; i++) {
		memset(&it[i], 0, sizeof(it[i]));
		it[i].ix = i;
		names[i] = rows[i][c].s;
	}
	if ((rc = name_ranks(names, rs->nrows, it, rs->a, e)) != LUP_OK)
		return rc;
	if (keyed_order(it, rs->nrows))
		for (int i = 0; i < rs->nrows; i++)
			rs->rows[i] = rows[it[i].ix];
	return LUP_OK;
}

/* text_cmp: texts in byte order, NULL first (SQLite's BINARY). */
static int text_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* by_run_keys: REL_IN_RUNS' order within a run: the second column, the third, the place. */
static int by_run_keys(const void *pa, const void *pb)
{
	const struct run_item *a = pa, *b = pb;
	int c = text_cmp(a->k1, b->k1);

	if (!c)
		c = text_cmp(a->k2, b->k2);
	return c ? c : (a->ix > b->ix) - (a->ix < b->ix);
}

/* run_order: puts the n items of one run in REL_IN_RUNS' order (stable); 0 when they were in it
 * already (one comparison an item: PostgreSQL's statement sorts them all), 1 when moved. */
static int run_order(struct run_item *it, int n)
{
	int unsorted = 0;

	for (int i = 1; i < n && !unsorted; i++)
		unsorted = by_run_keys(&it[i - 1], &it[i]) > 0;
	if (unsorted)
		qsort(it, (size_t)n, sizeof(*it), by_run_keys);
	return unsorted;
}

/* order_in_runs: orders rs (REL_IN_RUNS) within each run of rows of the same first column by
 * the second column, then the third. */
static void order_in_runs(struct rowset *rs)
{
	struct run_item *it;
	struct row_cell **rows;

	if (rs->ncols < 3 || rs->nrows < 2)
		return;
	it = arena_alloc_raw(rs->a, sizeof(*it) * (size_t)rs->nrows);
	rows = arena_alloc_raw(rs->a, sizeof(*rows) * (size_t)rs->nrows);
	memcpy(rows, rs->rows, sizeof(*rows) * (size_t)rs->nrows);
	for (int i = 0; i < rs->nrows; i++)
		it[i] = (struct run_item){ rows[i][1].s, rows[i][2].s, i };
	for (int run = 0, i = 1; i <= rs->nrows; i++) {
		if (i < rs->nrows && text_cmp(rows[i][0].s, rows[run][0].s) == 0)
			continue;
		if (run_order(it + run, i - run))
			for (int k = run; k < i; k++)
				rs->rows[k] = rows[it[k].ix];
		run = i;
	}
}

_Static_assert(1 + KIND_MAX_RELS <= STORE_QUERY_MAX, "an entity and its relations are one store_query_many");

static int all_digits(const char *s);

/* key_like: 1 when s may be a key (lower-case letters, digits and '-', not only digits): a
 * name or an alias (capitals, spaces, å, ä, ö) goes to the loose lookup at once. */
static int key_like(const char *s)
{
	int letter = 0;

	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
		letter |= !(*s >= '0' && *s <= '9');
	}
	return letter;
}

/* load: the entity and its relations by the statements show and rel[] (each taking *arg) in one
 * batch (one round trip on PostgreSQL); the relations' rows are dropped when there is no entity. */
static int load(struct store *st, const struct kind *k, enum stmt show, const enum stmt *rel,
		const struct sval *arg, struct rowset *main, struct rowset *rels, int *found,
		struct arena *a, struct err *e)
{
	struct store_q q[1 + KIND_MAX_RELS];
	int rc, n = 0;

	q[n++] = (struct store_q){ show, arg, 1, rowset_collect, main };
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++)
		q[n++] = (struct store_q){ rel ? rel[r] : k->rels[r].stmt, arg, 1, rowset_collect, &rels[r] };
	if ((rc = store_query_many(st, q, n, e)) != LUP_OK)
		return rc;
	if (!main->nrows) {
		for (int r = 0; r < KIND_MAX_RELS; r++)
			rowset_init(&rels[r], a);
		return LUP_OK;
	}
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++) {
		if (k->rels[r].order == REL_BY_OWNER && (rc = order_by_owner(&rels[r], e)) != LUP_OK)
			return rc;
		if (k->rels[r].order == REL_IN_RUNS)
			order_in_runs(&rels[r]);
		if ((k->rels[r].order == REL_BY_KEYS || k->rels[r].order == REL_BY_KEY_NAME) &&
		    (rc = order_by_keys(&rels[r], k->rels[r].order == REL_BY_KEY_NAME, e)) != LUP_OK)
			return rc;
	}
	*found = 1;
	return LUP_OK;
}

/* load_init: empty rowsets for entity_load's outputs. */
static void load_init(struct rowset *main, struct rowset *rels, int *found, struct arena *a)
{
	*found = 0;
	rowset_init(main, a);
	for (int r = 0; r < KIND_MAX_RELS; r++)
		rowset_init(&rels[r], a);
}

int entity_load(struct store *st, const struct kind *k, int64_t id, struct rowset *main,
		struct rowset *rels, int *found, struct arena *a, struct err *e)
{
	struct sval arg = SVI(id);

	load_init(main, rels, found, a);
	if (!id)
		return LUP_OK;
	return load(st, k, k->show, NULL, &arg, main, rels, found, a, e);
}

int entity_load_key(struct store *st, const struct kind *k, const char *text, int last, int64_t *id,
		    struct rowset *main, struct rowset *rels, int *found, struct arena *a, struct err *e)
{
	const enum stmt *ks = kind_key_stmts(k);
	struct sval arg = SVS(text);
	int rc, idc;

	*id = 0;
	if (ks && key_like(text)) {	/* by the exact key, lookup and loads together */
		load_init(main, rels, found, a);
		if (last)
			store_read_last(st);
		if ((rc = load(st, k, ks[0], ks + 1, &arg, main, rels, found, a, e)) != LUP_OK)
			return rc;
		if (*found && (idc = rowset_col(main, "id")) >= 0 && main->rows[0][idc].t == SV_INT)
			*id = main->rows[0][idc].i;
		if (*found)
			return LUP_OK;
	}
	/* an id, or a name or alias (the loose lookup), or a kind without key statements */
	if ((rc = entity_find_id(st, k, text, id, e)) != LUP_OK)
		return rc;
	if (last)
		store_read_last(st);
	return entity_load(st, k, *id, main, rels, found, a, e);
}

void entity_json(const struct kind *k, const struct rowset *main, const struct rowset *rels,
		 struct json *j)
{
	json_obj_open(j);
	rowset_json_row(main, 0, j, k->bools);
	for (int r = 0; r < KIND_MAX_RELS && k->rels[r].name; r++) {
		json_key(j, k->rels[r].name);
		rowset_json(&rels[r], j, rel_bools);
	}
	json_obj_close(j);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int entity_find_id(struct store *st, const struct kind *k, const char *text, int64_t *id, struct err *e)
{
	struct sval v = SVS(text);

	*id = 0;
	if (all_digits(text) && strlen(text) < 19) {
		*id = strtoll(text, NULL, 10);
		return LUP_OK;
	}
	if (k->by_key == STMT__MAX)
		return LUP_OK;
	return store_query_id(st, k->by_key, &v, 1, id, e);
}

/*
 * The API's path: the entity and its relations written as they are read (entity_stream_key),
 * in the bytes entity_json writes from the row sets, without the row sets: each statement's
 * keys are escaped once (at its first row), each cell is written from the store's row as
 * rowset_collect and rowset_json would have written it. A REL_BY_OWNER relation's objects are
 * written as they come, each moved aside at once (small copies), and written back in order
 * when the relation closes. A REL_IN_RUNS relation's objects stay where they are written; when
 * a run ends (its first column changes, or the relation closes) its objects, the output's tail,
 * are rewritten in order if they are not in it.
 */

/* One column of a part: its key as written (`"name":`, with the comma before it but for the
 * first column written), and whether it is written as a boolean. The key's memory has at least
 * KEY_PAD bytes (put_key copies that many at once when the key is no longer). */
#define KEY_PAD 32
struct col_out {
	const char *key;
	size_t len;
	unsigned char is_bool;
};

/* One object of a REL_BY_OWNER relation, written but not yet in place. */
struct owned_obj {
	int name;		/* its owner's name: an index into the part's distinct names */
	const char *key;	/* its column "key" (NULL when NULL or none), compared by bytes */
	const char *text;	/* its object's JSON (arena), len bytes */
	size_t len;
};

struct stream;

/* One statement's rows: the entity's (rel -1) or a relation's. */
struct part {
	struct stream *s;
	int rel;
	int ncols, first;	/* columns, the first written (1: REL_BY_OWNER drops its name) */
	struct col_out *cols;	/* NULL until the first row */
	int nrows;
	int key_col;		/* REL_BY_OWNER: the column "key", or -1 */
	const char **names;	/* REL_BY_OWNER: the distinct owners' names, nnames of cap */
	int nnames, cap_names;
	struct owned_obj *objs;	/* REL_BY_OWNER: its objects, nobjs of cap_objs */
	int nobjs, cap_objs;
	const char *run_key;	/* REL_IN_RUNS: the open run's first column (NULL for NULL) */
	struct run_obj *robjs;	/* REL_IN_RUNS: the open run's objects, nrobjs of cap_robjs */
	int nrobjs, cap_robjs;
	struct run_obj *prev;	/* REL_IN_RUNS: the run before, nprev objects of cap_prev */
	int nprev, cap_prev;
	const int *prev_perm;	/* its order (run_perm), NULL when it came in order */
	int same;		/* the open run's keys so far are the run before's, place by place */
	struct keyed *kobjs;	/* REL_BY_KEYS: its objects' keys (ix: the place in koff), nk of cap_k */
	size_t *koff;		/* REL_BY_KEYS: each object's place in the output and its end, 2 a row */
	const char **knames;	/* REL_BY_KEY_NAME: each object's name (arena copies) */
	int nkobjs, cap_kobjs;
};

/* One object of a REL_IN_RUNS run: its sort texts (arena copies) and its place in the output. */
struct run_obj {
	const char *k1, *k2;
	size_t off, len;
};

struct stream {
	struct store *st;
	struct buf *out;
	const struct kind *k;
	struct arena *a;
	int nrels;
	int found;
	int64_t id;
	int at;			/* the relation open in the output (its '[' written), -1: none yet */
	int failed;		/* an error (in e) stopped a callback */
	struct err *e;
	struct part parts[1 + KIND_MAX_RELS];
};

/* cols_init: part p's column keys and booleans from row r (its first). */
static void cols_init(struct part *p, const struct store_row *r, const char *const *bools)
{
	struct buf tmp;

	p->ncols = store_ncols(r);
	p->cols = arena_alloc(p->s->a, sizeof(*p->cols) * (size_t)(p->ncols ? p->ncols : 1));
	p->key_col = -1;
	buf_init(&tmp, 0);
	for (int c = 0; c < p->ncols; c++) {
		const char *name = store_col_name(r, c);
		char *key;

		if (strcmp(name, "key") == 0)
			p->key_col = c;
		if (c < p->first)
			continue;
		buf_reset(&tmp);
		if (c > p->first)
			buf_addc(&tmp, ',');
		json_escape_str(&tmp, name, strlen(name));
		buf_addc(&tmp, ':');
		key = arena_alloc(p->s->a, tmp.len + 1 > KEY_PAD ? tmp.len + 1 : KEY_PAD);
		memcpy(key, tmp.ptr, tmp.len + 1);
		p->cols[c] = (struct col_out){ key, tmp.len, 0 };
		for (const char *const *b = bools; b && *b; b++)
			p->cols[c].is_bool |= strcmp(*b, name) == 0;
	}
	buf_release(&tmp);
}

/* real_text: the text rowset_collect keeps for a real (a boolean's test reads it). */
static void real_text(double d, char *tmp)
{
	int whole = d == trunc(d) && fabs(d) < 1e15;

	if (whole || numfmt_short_real(d, tmp) <= 0)
		numfmt_g15(d, tmp);
}

/* put_num: a number's text as json_num_text writes it, straight into out. */
static void put_num(struct buf *out, double d)
{
	char tmp[JSON_NUM_SIZE], *room = buf_space(out, JSON_NUM_SIZE);

	if (room)
		buf_wrote(out, json_num_text(d, room));
	else
		buf_add(out, tmp, json_num_text(d, tmp));
}

/* put_int: an integer as "%lld", straight into out. */
static void put_int(struct buf *out, int64_t v)
{
	char tmp[NUMFMT_SIZE], *room = buf_space(out, NUMFMT_SIZE);

	if (room)
		buf_wrote(out, numfmt_long((long long)v, room));
	else
		buf_add(out, tmp, numfmt_long((long long)v, tmp));
}

/* put_bool: true or false, of a length the compiler knows (buf_adds measured it per cell). */
static void put_bool(struct buf *out, int v)
{
	if (v)
		buf_add(out, "true", 4);
	else
		buf_add(out, "false", 5);
}

/* put_cell: column i of r as rowset_json writes the cell rowset_collect makes of it: null, a
 * boolean (the cell's text is not "0"), an integer, a number or a string. */
static void put_cell(struct buf *out, const struct store_row *r, int i, const struct store_cell *c, int is_bool)
{
	char tmp[NUMFMT_SIZE];
	const char *t;

	switch (c->t) {
	case SV_NULL:
		buf_add(out, "null", 4);
		return;
	case SV_INT:
		if (c->i != INT64_MAX && c->i != INT64_MIN) {
			if (is_bool)
				put_bool(out, c->i != 0);
			else
				put_int(out, c->i);
			return;
		}
		/* past int64 (PostgreSQL's numeric): the text, as rowset_collect keeps it */
		t = store_col_text(r, i);
		if (is_bool && t)
			put_bool(out, strcmp(t, "0") != 0);
		else
			put_int(out, t ? strtoll(t, NULL, 10) : 0);
		return;
	case SV_REAL:
		if (is_bool) {
			real_text(c->d, tmp);
			put_bool(out, strcmp(tmp, "0") != 0);
		} else {
			put_num(out, c->d);
		}
		return;
	default:
		if (is_bool)
			put_bool(out, strcmp(c->s, "0") != 0);
		else
			json_escape_str(out, c->s, c->len);
		return;
	}
}

/* put_key: column k's key; one fixed-size copy (no call) when it is short and out has room. */
static void put_key(struct buf *out, const struct col_out *k)
{
	char *room;

	if (k->len <= KEY_PAD && (room = buf_space(out, KEY_PAD)) != NULL) {
		memcpy(room, k->key, KEY_PAD);
		buf_wrote(out, k->len);
	} else {
		buf_add(out, k->key, k->len);
	}
}

/* put_members: row r's columns from p's first as an object's members; the first nread of
 * them are read already, into read[]. */
static void put_members(struct buf *out, const struct part *p, const struct store_row *r,
			const struct store_cell *read, int nread)
{
	struct store_cell cell;

	for (int c = p->first; c < p->ncols; c++) {
		put_key(out, &p->cols[c]);
		if (c < nread) {
			put_cell(out, r, c, &read[c], p->cols[c].is_bool);
		} else {
			store_col_cell(r, c, &cell);
			put_cell(out, r, c, &cell, p->cols[c].is_bool);
		}
	}
}

/* RUN_KEYS: the columns a REL_IN_RUNS row is ordered by (the run's, then two within it). KEYS_READ:
 * the most columns stream_row reads before writing a row (a run's keys; REL_BY_OWNER's owner
 * name to its key). */
#define RUN_KEYS 3
#define KEYS_READ 4
_Static_assert(REL_KEYS <= KEYS_READ, "a keyed row's keys are read into k[]");

/* cell_text: read cell c of column i of r as text (NULL for NULL). */
static const char *cell_text(const struct store_row *r, int i, const struct store_cell *c)
{
	return c->t == SV_NULL ? NULL : c->t == SV_TEXT ? c->s : store_col_text(r, i);
}

/* by_key: the text keys' byte order (NULL first). */
static int by_key(const void *pa, const void *pb)
{
	const struct owned_obj *a = pa, *b = pb;

	if (!a->key || !b->key)
		return (a->key != NULL) - (b->key != NULL);
	return strcmp(a->key, b->key);
}

/* owned_order: p's objects in REL_BY_OWNER's order (order_by_owner's: the owner's rank, then
 * the key by bytes), into *sorted: a stable counting sort by rank (few owners), then each
 * owner's run sorted by key where it is not already (the rows mostly come in key order within
 * an owner: one comparison a row). Stable throughout, as order_by_owner's qsort (glibc's merge
 * sort) is. Returns LUP_OK, or LUP_EDB when the collation fails. */
static int owned_order(struct stream *s, struct part *p, struct owned_obj **sorted)
{
	int *rank = arena_alloc_raw(s->a, sizeof(*rank) * (size_t)p->nnames);
	int *at = arena_alloc(s->a, sizeof(*at) * (size_t)(p->nnames + 1));
	struct owned_obj *o = arena_alloc_raw(s->a, sizeof(*o) * (size_t)p->nobjs);

	if (collate_ranks(p->names, p->nnames, rank) != 0)
		return err_set(s->e, LUP_EDB, "cannot sort by name: the Swedish collation failed");
	for (int i = 0; i < p->nobjs; i++)	/* ranks are below nnames */
		at[rank[p->objs[i].name] + 1]++;
	for (int r = 0; r < p->nnames; r++)
		at[r + 1] += at[r];
	for (int i = 0; i < p->nobjs; i++)
		o[at[rank[p->objs[i].name]]++] = p->objs[i];
	for (int i = 0, run = 0; i <= p->nobjs; i++) {
		int unsorted = 0;
		if (i < p->nobjs && rank[o[i].name] == rank[o[run].name])
			continue;
		for (int k = run + 1; k < i && !unsorted; k++)
			unsorted = by_key(&o[k - 1], &o[k]) > 0;
		if (unsorted)
			qsort(o + run, (size_t)(i - run), sizeof(*o), by_key);
		run = i;
	}
	*sorted = o;
	return LUP_OK;
}

/* owned_close: writes p's objects (set aside as they came) in REL_BY_OWNER's order. Returns
 * LUP_OK or owned_order's error. */
static int owned_close(struct stream *s, struct part *p)
{
	struct owned_obj *o = p->objs;
	int rc;

	if (p->nobjs > 1 && (rc = owned_order(s, p, &o)) != LUP_OK)
		return rc;
	for (int i = 0; i < p->nobjs; i++) {
		if (i)
			buf_addc(s->out, ',');
		buf_add(s->out, o[i].text, o[i].len);
	}
	return LUP_OK;
}

/* run_perm: the order of the n objects o of a run (REL_IN_RUNS: run_order's), as their places,
 * or NULL when they are in it. */
static const int *run_perm(struct stream *s, const struct run_obj *o, int n)
{
	struct run_item *it;
	int *perm;

	if (n < 2)
		return NULL;
	it = arena_alloc_raw(s->a, sizeof(*it) * (size_t)n);
	for (int i = 0; i < n; i++)
		it[i] = (struct run_item){ o[i].k1, o[i].k2, i };
	if (!run_order(it, n))
		return NULL;
	perm = arena_alloc_raw(s->a, sizeof(*perm) * (size_t)n);
	for (int i = 0; i < n; i++)
		perm[i] = it[i].ix;
	return perm;
}

/* run_close: writes p's open run (REL_IN_RUNS) in order: its objects, the output's tail from
 * the first one's place, are rewritten in run_perm's order when they are not in it. A run whose
 * keys are the run before's, place by place (the outcomes: each period has the same areas and
 * sexes), has its order: it is not sorted again. The run becomes the run before. */
static void run_close(struct stream *s, struct part *p)
{
	struct buf *out = s->out;
	struct run_obj *o = p->robjs;
	const int *perm;
	size_t base;
	char *tail;
	int n = p->nrobjs, cap = p->cap_robjs;

	perm = p->same && n == p->nprev ? p->prev_perm : run_perm(s, o, n);
	p->robjs = p->prev;
	p->cap_robjs = p->cap_prev;
	p->prev = o;
	p->cap_prev = cap;
	p->nprev = n;
	p->prev_perm = perm;
	p->nrobjs = 0;
	p->same = 1;
	if (!perm)
		return;
	base = o[0].off;
	tail = arena_alloc_raw(s->a, out->len - base);
	memcpy(tail, out->ptr + base, out->len - base);
	buf_truncate(out, base);
	for (int i = 0; i < n; i++) {
		const struct run_obj *ob = &o[perm[i]];
		if (i)
			buf_addc(out, ',');
		buf_add(out, tail + (ob->off - base), ob->len);
	}
}

/* run_row: before row r of p (REL_IN_RUNS) is written, with its first RUN_KEYS columns read
 * into k (those it has): closes the open run when r begins another (its first column differs). */
static void run_row(struct stream *s, struct part *p, const struct store_row *r, const struct store_cell *k)
{
	const char *k0 = cell_text(r, 0, &k[0]);

	if (p->nrobjs && text_cmp(k0, p->run_key) == 0)
		return;
	run_close(s, p);
	p->run_key = arena_strdup(s->a, k0);
}

/* run_key: column i of r, read into k[i] (NULL when i is not below p->ncols), as a sort key of
 * the open run's object: before (the run before's key at its place) when they are equal and
 * p->same, else a copy (p->same becomes 0). */
static const char *run_key(struct part *p, const struct store_row *r, const struct store_cell *k, int i,
			   const char *before)
{
	const char *t = i < p->ncols ? cell_text(r, i, &k[i]) : NULL;

	if (p->same && text_cmp(t, before) == 0)
		return before;
	p->same = 0;
	return arena_strdup(p->s->a, t);
}

/* run_add: p's object (REL_IN_RUNS) of row r (its keys read into k), just written from off,
 * joins the open run. */
static void run_add(struct part *p, const struct store_row *r, const struct store_cell *k, size_t off)
{
	struct run_obj *o;
	const struct run_obj *b;

	if (p->nrobjs == p->cap_robjs) {
		int cap = p->cap_robjs ? p->cap_robjs * 2 : 64;
		struct run_obj *no = arena_alloc_raw(p->s->a, sizeof(*no) * (size_t)cap);
		if (p->nrobjs)
			memcpy(no, p->robjs, sizeof(*no) * (size_t)p->nrobjs);
		p->robjs = no;
		p->cap_robjs = cap;
	}
	if (p->nrobjs >= p->nprev)
		p->same = 0;
	b = p->same ? &p->prev[p->nrobjs] : NULL;
	o = &p->robjs[p->nrobjs++];
	o->k1 = run_key(p, r, k, 1, b ? b->k1 : NULL);
	o->k2 = run_key(p, r, k, 2, b ? b->k2 : NULL);
	o->off = off;
	o->len = p->s->out->len - off;
}

/* keys_add: p's object (REL_BY_KEYS, REL_BY_KEY_NAME when by_name) of row r, its keys read into
 * k, just written from off. */
static void keys_add(struct part *p, const struct store_row *r, const struct store_cell *k, int by_name, size_t off)
{
	struct keyed *o;

	if (p->nkobjs == p->cap_kobjs) {
		int cap = p->cap_kobjs ? p->cap_kobjs * 2 : 64;
		struct keyed *no = arena_alloc_raw(p->s->a, sizeof(*no) * (size_t)cap);
		size_t *nf = arena_alloc_raw(p->s->a, sizeof(*nf) * 2 * (size_t)cap);
		const char **nn = arena_alloc_raw(p->s->a, sizeof(*nn) * (size_t)cap);
		if (p->nkobjs) {
			memcpy(no, p->kobjs, sizeof(*no) * (size_t)p->nkobjs);
			memcpy(nf, p->koff, sizeof(*nf) * 2 * (size_t)p->nkobjs);
			memcpy(nn, p->knames, sizeof(*nn) * (size_t)p->nkobjs);
		}
		p->kobjs = no;
		p->koff = nf;
		p->knames = nn;
		p->cap_kobjs = cap;
	}
	p->knames[p->nkobjs] = by_name && p->ncols > 1 ? arena_strdup(p->s->a, cell_text(r, 1, &k[1])) : NULL;
	o = &p->kobjs[p->nkobjs];
	o->ix = p->nkobjs;
	for (int c = 0; c < REL_KEYS; c++) {
		o->null[c] = c >= p->ncols || k[c].t == SV_NULL;
		o->k[c] = c < p->ncols && k[c].t == SV_INT ? k[c].i : 0;
	}
	p->koff[2 * p->nkobjs] = off;
	p->koff[2 * p->nkobjs + 1] = p->s->out->len;
	p->nkobjs++;
}

/* keys_close: p's objects (REL_BY_KEYS; REL_BY_KEY_NAME when by_name), the output's tail from
 * the first one's place, rewritten in keyed_order's order when they are not in it. Returns
 * LUP_OK, or LUP_EDB when the collation fails. */
static int keys_close(struct stream *s, struct part *p, int by_name)
{
	struct buf *out = s->out;
	size_t base;
	char *tail;
	int rc;

	if (p->nkobjs < 2)
		return LUP_OK;
	if (by_name && (rc = name_ranks(p->knames, p->nkobjs, p->kobjs, s->a, s->e)) != LUP_OK)
		return rc;
	if (!keyed_order(p->kobjs, p->nkobjs))
		return LUP_OK;
	base = p->koff[0];
	tail = arena_alloc_raw(s->a, out->len - base);
	memcpy(tail, out->ptr + base, out->len - base);
	buf_truncate(out, base);
	for (int i = 0; i < p->nkobjs; i++) {
		const size_t *f = &p->koff[2 * p->kobjs[i].ix];
		if (i)
			buf_addc(out, ',');
		buf_add(out, tail + (f[0] - base), f[1] - f[0]);
	}
	return LUP_OK;
}

/* advance: closes the relations open in the output up to rel (not included) and opens each
 * after the open one up to rel (an empty relation: '[' and ']'). rel == s->nrels closes all.
 * Returns LUP_OK or owned_close's error. */
static int advance(struct stream *s, int rel)
{
	int rc;

	while (s->at < rel) {
		if (s->at >= 0) {
			struct part *p = &s->parts[1 + s->at];
			if (s->k->rels[s->at].order == REL_BY_OWNER && (rc = owned_close(s, p)) != LUP_OK)
				return rc;
			if (s->k->rels[s->at].order == REL_IN_RUNS)
				run_close(s, p);
			if ((s->k->rels[s->at].order == REL_BY_KEYS || s->k->rels[s->at].order == REL_BY_KEY_NAME) &&
			    (rc = keys_close(s, p, s->k->rels[s->at].order == REL_BY_KEY_NAME)) != LUP_OK)
				return rc;
			buf_addc(s->out, ']');
		}
		if (++s->at >= s->nrels)
			break;
		buf_addc(s->out, ',');
		json_escape_str(s->out, s->k->rels[s->at].name, strlen(s->k->rels[s->at].name));
		buf_add(s->out, ":[", 2);
	}
	return LUP_OK;
}

/* owner_name: the index of name among p's distinct owners' names (added when new). */
static int owner_name(struct part *p, const char *name)
{
	for (int i = p->nnames - 1; i >= 0; i--)
		if ((!name && !p->names[i]) || (name && p->names[i] && strcmp(name, p->names[i]) == 0))
			return i;
	if (p->nnames == p->cap_names) {
		int cap = p->cap_names ? p->cap_names * 2 : 16;
		const char **nn = arena_alloc_raw(p->s->a, sizeof(*nn) * (size_t)cap);
		if (p->nnames)
			memcpy(nn, p->names, sizeof(*nn) * (size_t)p->nnames);
		p->names = nn;
		p->cap_names = cap;
	}
	p->names[p->nnames] = arena_strdup(p->s->a, name);
	return p->nnames++;
}

/* owned_add: sets p's object of row r just written from off (REL_BY_OWNER) aside, out of the
 * output; its first nk columns are read into k[] (at least the owner's name, column 0). */
static void owned_add(struct part *p, const struct store_row *r, const struct store_cell *k, int nk, size_t off)
{
	struct buf *out = p->s->out;
	struct owned_obj *o;
	struct store_cell kc;
	const char *key = NULL;
	char *text;

	if (p->key_col >= 0) {
		if (p->key_col >= nk)
			store_col_cell(r, p->key_col, &kc);
		key = cell_text(r, p->key_col, p->key_col < nk ? &k[p->key_col] : &kc);
	}

	if (p->nobjs == p->cap_objs) {
		int cap = p->cap_objs ? p->cap_objs * 2 : 64;
		struct owned_obj *no = arena_alloc_raw(p->s->a, sizeof(*no) * (size_t)cap);
		if (p->nobjs)
			memcpy(no, p->objs, sizeof(*no) * (size_t)p->nobjs);
		p->objs = no;
		p->cap_objs = cap;
	}
	o = &p->objs[p->nobjs++];
	o->name = owner_name(p, nk > 0 ? cell_text(r, 0, &k[0]) : NULL);
	o->key = arena_strdup(p->s->a, key);
	o->len = out->len - off;
	text = arena_alloc_raw(p->s->a, o->len ? o->len : 1);
	memcpy(text, out->ptr + off, o->len);
	o->text = text;
	buf_truncate(out, off);
}

/* stream_row: a store_row_fn writing the row of part ctx: the entity's first row opens the
 * object; a relation's row is one object of its array. */
static int stream_row(void *ctx, const struct store_row *r)
{
	struct part *p = ctx;
	struct stream *s = p->s;
	struct store_cell k[KEYS_READ];
	size_t off;
	int rc, by_owner, in_runs, keyed, nk = 0;

	if (s->failed || (p->rel < 0) == s->found)	/* the entity's first row only; none: no relations */
		return 1;
	if (!p->cols)
		cols_init(p, r, p->rel < 0 ? s->k->bools : rel_bools);
	if (p->rel < 0) {
		int idc = -1;
		buf_addc(s->out, '{');
		put_members(s->out, p, r, NULL, 0);
		for (int c = 0; c < p->ncols && idc < 0; c++)
			if (strcmp(store_col_name(r, c), "id") == 0)
				idc = c;
		s->id = idc >= 0 && store_col_type(r, idc) == SV_INT ? store_col_int(r, idc) : 0;
		s->found = 1;
		return 1;
	}
	if ((rc = advance(s, p->rel)) != LUP_OK) {
		s->failed = rc;
		return 1;
	}
	by_owner = s->k->rels[p->rel].order == REL_BY_OWNER;
	in_runs = s->k->rels[p->rel].order == REL_IN_RUNS;
	keyed = s->k->rels[p->rel].order == REL_BY_KEYS ? 1 : s->k->rels[p->rel].order == REL_BY_KEY_NAME ? 2 : 0;
	if (keyed) {	/* its keys, not shown, read for setting it in order */
		nk = p->ncols < REL_KEYS ? p->ncols : REL_KEYS;
		for (int c = 0; c < nk; c++)
			store_col_cell(r, c, &k[c]);
	} else if (in_runs) {	/* its keys read once, for the run and the object */
		nk = p->ncols < RUN_KEYS ? p->ncols : RUN_KEYS;
		for (int c = 0; c < nk; c++)
			store_col_cell(r, c, &k[c]);
		run_row(s, p, r, k);
	} else if (by_owner) {	/* its owner's name and key read once, for the object and setting it aside */
		nk = p->key_col + 1 > KEYS_READ ? KEYS_READ : p->key_col + 1 > 1 ? p->key_col + 1 : 1;
		nk = nk < p->ncols ? nk : p->ncols;
		for (int c = 0; c < nk; c++)
			store_col_cell(r, c, &k[c]);
	}
	if (p->nrows++ && !by_owner)
		buf_addc(s->out, ',');
	off = s->out->len;
	buf_addc(s->out, '{');
	put_members(s->out, p, r, k, nk);
	buf_addc(s->out, '}');
	if (by_owner)
		owned_add(p, r, k, nk, off);
	if (in_runs)
		run_add(p, r, k, off);
	if (keyed)
		keys_add(p, r, k, keyed == 2, off);
	return 0;
}

/* stream_load: the entity and its relations by the statements show and rel[] (each taking
 * *arg) in one batch, written into s->out from its length at the call; nothing kept there
 * when there is no entity (s->found 0). */
static int stream_load(struct stream *s, enum stmt show, const enum stmt *rel, const struct sval *arg)
{
	struct store_q q[1 + KIND_MAX_RELS];
	size_t start = s->out->len;
	int rc, n = 0;

	s->found = 0;
	s->failed = 0;
	s->at = -1;
	for (int i = 0; i <= s->nrels; i++) {
		s->parts[i] = (struct part){ .s = s, .rel = i - 1,
					     .first = !i ? 0 : s->k->rels[i - 1].order == REL_BY_OWNER ? 1 :
						      s->k->rels[i - 1].order >= REL_BY_KEYS ? REL_KEYS : 0 };
		q[n++] = (struct store_q){ i == 0 ? show : rel ? rel[i - 1] : s->k->rels[i - 1].stmt, arg, 1,
					   stream_row, &s->parts[i] };
	}
	rc = store_query_many(s->st, q, n, s->e);
	if (rc == LUP_OK && s->failed)
		rc = s->failed;
	if (rc == LUP_OK && s->found && (rc = advance(s, s->nrels)) == LUP_OK)
		buf_addc(s->out, '}');
	if (rc != LUP_OK || !s->found)
		buf_truncate(s->out, start);
	return rc;
}

int entity_stream_key(struct store *st, const struct kind *k, const char *text, int last, int64_t *id,
		      struct json *j, int *found, struct arena *a, struct err *e)
{
	const enum stmt *ks = kind_key_stmts(k);
	struct stream *s = arena_alloc(a, sizeof(*s));
	struct sval arg = SVS(text);
	int rc;

	*id = 0;
	*found = 0;
	if (!(s->out = json_value_out(j)))
		return err_set(e, LUP_EINVAL, "the %s cannot be written here", k->singular);
	s->st = st;
	s->k = k;
	s->a = a;
	s->e = e;
	while (s->nrels < KIND_MAX_RELS && k->rels[s->nrels].name)
		s->nrels++;
	if (ks && key_like(text)) {	/* by the exact key, lookup and loads together */
		if (last)
			store_read_last(st);
		if ((rc = stream_load(s, ks[0], ks + 1, &arg)) != LUP_OK)
			return rc;
		if (s->found) {
			*id = s->id;
			*found = 1;
			return LUP_OK;
		}
	}
	/* an id, or a name or alias (the loose lookup), or a kind without key statements */
	if ((rc = entity_find_id(st, k, text, id, e)) != LUP_OK || !*id)
		return rc;
	if (last)
		store_read_last(st);
	arg = SVI(*id);
	if ((rc = stream_load(s, k->show, NULL, &arg)) != LUP_OK)
		return rc;
	*found = s->found;
	return LUP_OK;
}
