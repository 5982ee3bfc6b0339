/* plan-text.c: one plan version's document written as text while its rows arrive (see plan.h,
 * plan_doc_write): the same statements as plan.c's tree, in the same order, the same fields
 * in the same places, through the JSON writer in the document's style (json_init_doc). The
 * version's rows are read in two batches of statements (store_query_many: one round trip each
 * on PostgreSQL), one statement per list for the whole version (PD_V_*: a measure's themes for
 * every measure), kept in an arena, sorted in C by their owner's place and their own, and
 * written by merging each list with its owners. */
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "render/json.h"
#include "store/store.h"
#include "view/plan.h"

/* KEY: a key that is a string literal (no strlen). */
#define KEY(j, lit) json_keyn((j), "" lit "", sizeof(lit) - 1)

/* Columns stored as 0/1 that the document holds as booleans (plan.c's is_bool). */
static int is_bool(const char *name)
{
	return !strcmp(name, "extra") || !strcmp(name, "by_sex") || !strcmp(name, "by_area");
}

/* One column of a kept row. */
struct cell {
	const char *name;	/* the statement's (arena; shared by the rows) */
	unsigned short nlen;	/* its length */
	unsigned char isbool;	/* is_bool(name) */
	enum sv_type t;
	int64_t i;
	double d;
	const char *s;		/* arena */
};

/* The rows of one statement, kept: n rows of ncols cells. */
struct rows {
	struct arena *a;
	struct cell *c;
	int ncols, n, cap;
};

static int keep_cb(void *ctx, const struct store_row *r)
{
	struct rows *x = ctx;
	struct cell *c;

	if (!x->n)
		x->ncols = store_ncols(r);
	x->c = arena_grow(x->a, x->c, x->n, &x->cap, sizeof(*x->c) * (size_t)x->ncols, 16);
	c = x->c + (size_t)x->n * (size_t)x->ncols;
	for (int i = 0; i < x->ncols; i++) {
		if (x->n) {
			c[i].name = x->c[i].name;
			c[i].nlen = x->c[i].nlen;
			c[i].isbool = x->c[i].isbool;
		} else {
			c[i].name = arena_strdup(x->a, store_col_name(r, i));
			c[i].nlen = (unsigned short)strlen(c[i].name);
			c[i].isbool = (unsigned char)is_bool(c[i].name);
		}
		c[i].t = store_col_type(r, i);
		c[i].i = c[i].t == SV_INT ? store_col_int(r, i) : 0;
		c[i].d = c[i].t == SV_REAL ? store_col_real(r, i) : 0;
		c[i].s = c[i].t == SV_TEXT ? arena_strdup(x->a, store_col_text(r, i)) : NULL;
	}
	x->n++;
	return 0;
}

/* row: row k's cells. */
static const struct cell *row(const struct rows *x, int k)
{
	return x->c + (size_t)k * (size_t)x->ncols;
}

/* col: the index of the column named name in x, or x->ncols. */
static int col(const struct rows *x, const char *name)
{
	int i = 0;

	while (i < x->ncols && strcmp(row(x, 0)[i].name, name) != 0)
		i++;
	return i;
}

/* id_at: the integer of column i of a row (0 when NULL or absent). */
static int64_t id_at(const struct rows *x, const struct cell *c, int i)
{
	return i < x->ncols ? c[i].i : 0;
}

static void put_value(struct json *j, int isbool, enum sv_type t, int64_t i, double d, const char *s)
{
	switch (t) {
	case SV_INT:
		if (isbool)
			json_bool(j, i != 0);
		else
			json_int(j, i);
		break;
	case SV_REAL:
		json_num(j, d);
		break;
	case SV_TEXT:
		json_str(j, s);
		break;
	default:
		if (isbool)
			json_bool(j, 0);
		else
			json_nothing(j);
	}
}

/* put_cells: the fields of cells [from, to) but the loader's ("_x"). */
static void put_cells(struct json *j, const struct cell *c, int from, int to)
{
	for (int i = from; i < to; i++) {
		if (c[i].name[0] == '_')
			continue;
		json_keyn(j, c[i].name, c[i].nlen);
		put_value(j, c[i].isbool, c[i].t, c[i].i, c[i].d, c[i].s);
	}
}

/* The version's statements read at once (one round trip each batch on PostgreSQL), kept. */
enum part {
	P_PLAN, P_VERSION, P_SECTIONS, P_THEMES, P_THEME_ALIASES, P_THEME_TGS, P_AREAS, P_PARTNERS, P_GOALS,
	P_MEASURES, P_M_THEMES, P_M_AREAS, P_M_GOALS, P_M_TGS, P_M_PARTNERS, P_ACTIVITIES,
	P_BATCH1,	/* the first batch's end */
	P_A_DISTRICTS = P_BATCH1, P_A_PARTNERS, P_A_THEMES, P_A_MEASURES, P_G_THEMES, P_G_RESULTS,
	P_G_INDICATORS, P_G_TARGETS, P_EXT, P_EXT_TARGETS,
	P_N
};
static const enum stmt part_stmt[P_N] = {
	[P_PLAN] = STMT_PD_PLAN, [P_VERSION] = STMT_PD_VERSION, [P_SECTIONS] = STMT_PD_SECTIONS,
	[P_THEMES] = STMT_PD_V_THEMES, [P_THEME_ALIASES] = STMT_PD_V_THEME_ALIASES, [P_THEME_TGS] = STMT_PD_V_THEME_TGS,
	[P_AREAS] = STMT_PD_V_AREAS, [P_PARTNERS] = STMT_PD_V_PARTNERS, [P_GOALS] = STMT_PD_GOALS,
	[P_MEASURES] = STMT_PD_MEASURES, [P_M_THEMES] = STMT_PD_V_MEASURE_THEMES, [P_M_AREAS] = STMT_PD_V_MEASURE_AREAS,
	[P_M_GOALS] = STMT_PD_V_MEASURE_GOALS, [P_M_TGS] = STMT_PD_V_MEASURE_TGS,
	[P_M_PARTNERS] = STMT_PD_V_MEASURE_PARTNERS, [P_ACTIVITIES] = STMT_PD_ACTIVITIES,
	[P_A_DISTRICTS] = STMT_PD_V_ACTIVITY_DISTRICTS, [P_A_PARTNERS] = STMT_PD_V_ACTIVITY_PARTNERS,
	[P_A_THEMES] = STMT_PD_V_ACTIVITY_THEME_REFS, [P_A_MEASURES] = STMT_PD_V_ACTIVITY_MEASURE_REFS,
	[P_G_THEMES] = STMT_PD_V_GOAL_THEME_REFS, [P_G_RESULTS] = STMT_PD_V_GOAL_RESULTS,
	[P_G_INDICATORS] = STMT_PD_V_GOAL_INDICATORS, [P_G_TARGETS] = STMT_PD_V_GOAL_TARGETS,
	[P_EXT] = STMT_PD_EXT_INDICATORS, [P_EXT_TARGETS] = STMT_PD_V_EXT_TARGETS,
};

/* The document's writing: the kept rows, and for the lists by owner (first column _of, in the
 * owners' order) how far each has been written. */
struct w {
	struct store *st;
	struct json *j;
	struct arena *a;
	int64_t pv;
	struct err *e;
	struct rows r[P_N];
	int at[P_N];
};

/* read_parts: the statements [from, to) of part_stmt for the version, kept in w->r. */
static int read_parts(struct w *w, int from, int to)
{
	struct store_q q[STORE_QUERY_MAX];
	struct sval arg = SVI(w->pv);
	int i;

	for (i = from; i < to; i++) {
		memset(&w->r[i], 0, sizeof(w->r[i]));
		w->r[i].a = w->a;
		q[i - from] = (struct store_q){ part_stmt[i], &arg, 1, keep_cb, &w->r[i] };
	}
	return store_query_many(w->st, q, to - from, w->e);
}

/* A row of a list by owner, for the sort: its owner's place and its own (_seq). */
struct okey {
	int64_t pos;
	int64_t seq;
	int row;
};

/* owner_pos: the place of owner id among ids[0..n) (sorted ids[i].seq = id, .pos = place), or -1. */
static int64_t owner_pos(const struct okey *ids, int n, int64_t id)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (ids[mid].seq < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && ids[lo].seq == id ? ids[lo].pos : -1;
}

/* okey_less: a before b (owner's place, then _seq). */
static int okey_less(const struct okey *a, const struct okey *b)
{
	return a->pos < b->pos || (a->pos == b->pos && a->seq < b->seq);
}

/* isort: sorts k[0..n) by less, in place; the rows mostly come near their order (the
 * statements follow the owners' index), where insertion is about one compare a row. */
static void isort(struct okey *k, int n, int (*less)(const struct okey *, const struct okey *))
{
	for (int i = 1; i < n; i++) {
		struct okey x = k[i];
		int j = i;
		while (j > 0 && less(&x, &k[j - 1])) {
			k[j] = k[j - 1];
			j--;
		}
		k[j] = x;
	}
}

static int id_less(const struct okey *a, const struct okey *b)
{
	return a->seq < b->seq;
}

/* put_sorted: k[0..n) (rows of x) as x's rows in k's order. */
static void put_sorted(struct w *w, struct rows *x, const struct okey *k, int n)
{
	struct cell *c = arena_alloc_raw(w->a, sizeof(*c) * (size_t)x->ncols * (size_t)(n ? n : 1));

	for (int i = 0; i < n; i++)
		memcpy(c + (size_t)i * (size_t)x->ncols, row(x, k[i].row), sizeof(*c) * (size_t)x->ncols);
	x->c = c;
	x->n = n;
}

/* order_list: puts list p's rows (_of, _seq first) in the order of their owners, the rows of
 * part owner (by their "_id"), and within an owner by _seq; rows of no owner are dropped. */
static void order_list(struct w *w, enum part p, enum part owner)
{
	struct rows *x = &w->r[p];
	const struct rows *o = &w->r[owner];
	struct okey *ids, *k;
	int i, n = 0, col_id = col(o, "_id");

	if (!x->n)
		return;
	ids = arena_alloc_raw(w->a, sizeof(*ids) * (size_t)(o->n ? o->n : 1));
	for (i = 0; i < o->n; i++)
		ids[i] = (struct okey){ i, id_at(o, row(o, i), col_id), i };
	isort(ids, o->n, id_less);
	k = arena_alloc_raw(w->a, sizeof(*k) * (size_t)x->n);
	for (i = 0; i < x->n; i++) {
		const struct cell *r = row(x, i);
		int64_t pos = owner_pos(ids, o->n, r[0].i);
		if (pos >= 0)
			k[n++] = (struct okey){ pos, r[1].i, i };
	}
	isort(k, n, okey_less);
	put_sorted(w, x, k, n);
}

/* order_rows: puts part p's rows (_k1, _seq first) in the order of (_k1, _seq). */
static void order_rows(struct w *w, enum part p)
{
	struct rows *x = &w->r[p];
	struct okey *k;

	if (!x->n)
		return;
	k = arena_alloc_raw(w->a, sizeof(*k) * (size_t)x->n);
	for (int i = 0; i < x->n; i++)
		k[i] = (struct okey){ row(x, i)[0].i, row(x, i)[1].i, i };
	isort(k, x->n, okey_less);
	put_sorted(w, x, k, x->n);
}

/* owned: the next row of list p when it is owner of's (its first column), else NULL; advances. */
static const struct cell *owned(struct w *w, enum part p, int64_t of)
{
	const struct cell *c;

	if (w->at[p] >= w->r[p].n || (c = row(&w->r[p], w->at[p]))[0].i != of)
		return NULL;
	w->at[p]++;
	return c;
}

/* put_owned: key and the array of owner of's rows of list p: their third column (scalar: after
 * _of and _seq) or their fields as objects. */
static void put_owned(struct w *w, const char *key, enum part p, int64_t of, int scalar)
{
	const struct cell *c;

	json_key(w->j, key);
	json_arr_open(w->j);
	while ((c = owned(w, p, of)) != NULL) {
		if (scalar) {
			put_value(w->j, c[2].isbool, c[2].t, c[2].i, c[2].d, c[2].s);
			continue;
		}
		json_obj_open(w->j);
		put_cells(w->j, c, 0, w->r[p].ncols);
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
}

/* put_ref_cells: key and a reference from its cells (_of, _seq, plan_version id, plan key,
 * version, identity; NULL: none): the identity when in this version, else {"plan", "version",
 * "id"}. */
static void put_ref_cells(struct w *w, const char *key, const struct cell *c)
{
	json_key(w->j, key);
	if (!c) {
		json_nothing(w->j);
	} else if (c[2].i == w->pv) {
		json_str(w->j, c[5].s);
	} else {
		json_obj_open(w->j);
		KEY(w->j, "plan");
		json_str(w->j, c[3].s);
		KEY(w->j, "version");
		json_int(w->j, c[4].i);
		KEY(w->j, "id");
		json_str(w->j, c[5].s);
		json_obj_close(w->j);
	}
}

/* put_objects: key and the rows of part p as objects. */
static void put_objects(struct w *w, const char *key, enum part p)
{
	json_key(w->j, key);
	json_arr_open(w->j);
	for (int k = 0; k < w->r[p].n; k++) {
		json_obj_open(w->j);
		put_cells(w->j, row(&w->r[p], k), 0, w->r[p].ncols);
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
}

static int put_plan(struct w *w)
{
	if (!w->r[P_PLAN].n)
		return err_set(w->e, LUP_ENOTFOUND, "no plan version %lld", (long long)w->pv);
	KEY(w->j, "plan");
	json_obj_open(w->j);
	put_cells(w->j, row(&w->r[P_PLAN], 0), 0, w->r[P_PLAN].ncols);
	json_obj_close(w->j);
	return LUP_OK;
}

/* put_version: the version row with its decision's four columns as one object, last. */
static int put_version(struct w *w)
{
	static const char *const dec[][2] = { { "decision_body", "body" }, { "decision_date", "date" },
		{ "decision_paragraph", "paragraph" }, { "decision_dnr", "dnr" } };
	const struct rows *x = &w->r[P_VERSION];
	const struct cell *c;
	int i, k;

	if (!x->n)
		return err_set(w->e, LUP_ENOTFOUND, "no plan version %lld", (long long)w->pv);
	c = row(x, 0);
	KEY(w->j, "version");
	json_obj_open(w->j);
	for (i = 0; i < x->ncols; i++)
		if (strncmp(c[i].name, "decision_", 9) != 0)
			put_cells(w->j, c, i, i + 1);
	KEY(w->j, "decision");
	json_obj_open(w->j);
	for (k = 0; k < 4; k++) {
		i = col(x, dec[k][0]);
		json_key(w->j, dec[k][1]);
		if (i < x->ncols)
			put_value(w->j, 0, c[i].t, c[i].i, c[i].d, c[i].s);
		else
			json_nothing(w->j);
	}
	json_obj_close(w->j);
	json_obj_close(w->j);
	return LUP_OK;
}

static void put_themes(struct w *w)
{
	const struct rows *x = &w->r[P_THEMES];
	int k, id = col(x, "_id");

	KEY(w->j, "themes");
	json_arr_open(w->j);
	for (k = 0; k < x->n; k++) {
		const struct cell *c = row(x, k);
		json_obj_open(w->j);
		put_cells(w->j, c, 0, x->ncols);
		put_owned(w, "aliases", P_THEME_ALIASES, id_at(x, c, id), 0);
		put_owned(w, "target_groups", P_THEME_TGS, id_at(x, c, id), 1);
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
}

/* put_ext_indicators: the indicators of goals outside the version, each with its targets. */
static void put_ext_indicators(struct w *w)
{
	const struct rows *x = &w->r[P_EXT];
	int k, col_id = col(x, "_id");

	KEY(w->j, "indicators");
	json_arr_open(w->j);
	for (k = 0; k < x->n; k++) {
		const struct cell *c = row(x, k);
		json_obj_open(w->j);
		put_cells(w->j, c, 0, x->ncols);
		put_owned(w, "targets", P_EXT_TARGETS, id_at(x, c, col_id), 0);
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
}

/* put_goal_indicators: goal id's indicators, each with its targets (the kept lists). */
static void put_goal_indicators(struct w *w, int64_t id)
{
	const struct rows *x = &w->r[P_G_INDICATORS];
	const struct cell *c;
	int col_id = col(x, "_id");

	KEY(w->j, "indicators");
	json_arr_open(w->j);
	while ((c = owned(w, P_G_INDICATORS, id)) != NULL) {
		json_obj_open(w->j);
		put_cells(w->j, c, 0, x->ncols);
		put_owned(w, "targets", P_G_TARGETS, id_at(x, c, col_id), 0);
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
}

/* put_goal: goal row c of x: its theme right after its parent, then its results and indicators. */
static void put_goal(struct w *w, const struct rows *x, const struct cell *c)
{
	int parent = col(x, "parent");
	int64_t id = id_at(x, c, col(x, "_id"));
	const struct cell *t = owned(w, P_G_THEMES, id);

	json_obj_open(w->j);
	put_cells(w->j, c, 0, parent < x->ncols ? parent + 1 : 0);
	if (parent < x->ncols)
		put_ref_cells(w, "theme", t);
	put_cells(w->j, c, parent < x->ncols ? parent + 1 : 0, x->ncols);
	put_owned(w, "results", P_G_RESULTS, id, 0);
	put_goal_indicators(w, id);
	json_obj_close(w->j);
}

static int put_goals(struct w *w)
{
	const struct rows *x = &w->r[P_GOALS];
	int k;

	KEY(w->j, "goals");
	json_arr_open(w->j);
	for (k = 0; k < x->n; k++)
		put_goal(w, x, row(x, k));
	json_arr_close(w->j);
	put_ext_indicators(w);
	return LUP_OK;
}

/* put_measures: each measure's columns, then its themes, areas, goals, target groups, partners. */
static void put_measures(struct w *w)
{
	const struct rows *x = &w->r[P_MEASURES];
	int k, col_id = col(x, "_id");

	KEY(w->j, "measures");
	json_arr_open(w->j);
	for (k = 0; k < x->n; k++) {
		const struct cell *c = row(x, k);
		int64_t id = id_at(x, c, col_id);
		json_obj_open(w->j);
		put_cells(w->j, c, 0, x->ncols);
		put_owned(w, "themes", P_M_THEMES, id, 1);
		put_owned(w, "areas", P_M_AREAS, id, 1);
		put_owned(w, "goals", P_M_GOALS, id, 1);
		put_owned(w, "target_groups", P_M_TGS, id, 1);
		put_owned(w, "partners", P_M_PARTNERS, id, 0);
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
}

/* put_activity: activity row c of x: its theme and measure right after its goal, then its
 * districts and partners. */
static void put_activity(struct w *w, const struct rows *x, const struct cell *c)
{
	int goal = col(x, "goal");
	int64_t id = id_at(x, c, col(x, "_id"));
	const struct cell *t = owned(w, P_A_THEMES, id), *m = owned(w, P_A_MEASURES, id);

	json_obj_open(w->j);
	put_cells(w->j, c, 0, goal < x->ncols ? goal + 1 : 0);
	if (goal < x->ncols) {
		put_ref_cells(w, "theme", t);
		put_ref_cells(w, "measure", m);
	}
	put_cells(w->j, c, goal < x->ncols ? goal + 1 : 0, x->ncols);
	put_owned(w, "districts", P_A_DISTRICTS, id, 1);
	put_owned(w, "partners", P_A_PARTNERS, id, 0);
	json_obj_close(w->j);
}

static void put_activities(struct w *w)
{
	const struct rows *x = &w->r[P_ACTIVITIES];

	KEY(w->j, "activities");
	json_arr_open(w->j);
	for (int k = 0; k < x->n; k++)
		put_activity(w, x, row(x, k));
	json_arr_close(w->j);
}

/* put_doc: the document's members after format and format_version. */
static int put_doc(struct w *w)
{
	int rc;

	static const enum part lists[][2] = {
		{ P_THEME_ALIASES, P_THEMES }, { P_THEME_TGS, P_THEMES }, { P_M_THEMES, P_MEASURES },
		{ P_M_AREAS, P_MEASURES }, { P_M_GOALS, P_MEASURES }, { P_M_TGS, P_MEASURES },
		{ P_M_PARTNERS, P_MEASURES }, { P_A_DISTRICTS, P_ACTIVITIES }, { P_A_PARTNERS, P_ACTIVITIES },
		{ P_A_THEMES, P_ACTIVITIES }, { P_A_MEASURES, P_ACTIVITIES }, { P_G_THEMES, P_GOALS },
		{ P_G_RESULTS, P_GOALS }, { P_G_INDICATORS, P_GOALS }, { P_G_TARGETS, P_G_INDICATORS },
		{ P_EXT_TARGETS, P_EXT } };

	if ((rc = read_parts(w, 0, P_BATCH1)) || (rc = read_parts(w, P_BATCH1, P_N)) || (rc = put_plan(w)) ||
	    (rc = put_version(w)))
		return rc;
	order_rows(w, P_THEMES);
	order_rows(w, P_AREAS);
	order_rows(w, P_PARTNERS);
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		order_list(w, lists[i][0], lists[i][1]);
	put_objects(w, "sections", P_SECTIONS);
	put_themes(w);
	put_objects(w, "areas", P_AREAS);
	put_objects(w, "partners", P_PARTNERS);
	if ((rc = put_goals(w)) != LUP_OK)
		return rc;
	put_measures(w);
	put_activities(w);
	return LUP_OK;
}

/* DOC_GUESS: the room reserved for a document at first (Spånga-Tensta's LUP: 26 KB). */
#define DOC_GUESS ((size_t)32 << 10)

int plan_doc_write(struct store *st, int64_t pv, struct buf *out, struct err *e)
{
	static struct w zero;
	struct arena a = ARENA_INIT;
	struct json j;
	struct w w = zero;
	size_t start = out->len;
	int rc, own = store_begin_read(st, NULL) == LUP_OK;

	w.st = st;
	w.j = &j;
	w.a = &a;
	w.pv = pv;
	w.e = e;
	buf_reserve(out, DOC_GUESS);
	json_init_doc(&j, out);
	json_obj_open(&j);
	KEY(&j, "format");
	json_str(&j, PLAN_DOC_FORMAT);
	KEY(&j, "format_version");
	json_int(&j, PLAN_DOC_VERSION);
	rc = put_doc(&w);
	json_obj_close(&j);
	if (own)
		store_rollback(st);
	arena_release(&a);
	if (rc == LUP_OK && json_finish(&j) != 0)
		rc = err_set(e, LUP_EDB, "the plan document could not be written (out of memory)");
	if (rc != LUP_OK)
		buf_truncate(out, start);
	return rc;
}

int plan_doc_write_key(struct store *st, const char *plan_key, int version, struct buf *out, struct err *e)
{
	int64_t pv;
	int rc;

	if ((rc = plan_doc_pick(st, plan_key, version, &pv, e)) != LUP_OK)
		return rc;
	return plan_doc_write(st, pv, out, e);
}
