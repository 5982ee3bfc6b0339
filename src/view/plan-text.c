/* plan-text.c: one plan version's document written as text while its rows arrive (see plan.h,
 * plan_doc_write): the same statements as plan.c's tree, in the same order, the same fields
 * in the same places, through the JSON writer in the document's style (json_init_doc). The
 * rows that have lists of their own (themes, goals, indicators, measures, activities) are kept
 * in an arena until their statement ends, since a statement's callback may not run another;
 * the lists without lists of their own are written from their callbacks. */
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
		c[i].name = x->n ? x->c[i].name : arena_strdup(x->a, store_col_name(r, i));
		c[i].t = store_col_type(r, i);
		c[i].i = c[i].t == SV_INT ? store_col_int(r, i) : 0;
		c[i].d = c[i].t == SV_REAL ? store_col_real(r, i) : 0;
		c[i].s = c[i].t == SV_TEXT ? arena_strdup(x->a, store_col_text(r, i)) : NULL;
	}
	x->n++;
	return 0;
}

/* keep: the rows of s for (id[, id2]) into *x. */
static int keep(struct store *st, struct arena *a, enum stmt s, int64_t id, int64_t id2, struct rows *x,
		struct err *e)
{
	struct sval args[] = { SVI(id), SVI(id2) };

	memset(x, 0, sizeof(*x));
	x->a = a;
	return store_query(st, s, args, id2 ? 2 : 1, keep_cb, x, e);
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

static void put_value(struct json *j, const char *name, enum sv_type t, int64_t i, double d, const char *s)
{
	switch (t) {
	case SV_INT:
		if (is_bool(name))
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
		if (is_bool(name))
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
		json_key(j, c[i].name);
		put_value(j, c[i].name, c[i].t, c[i].i, c[i].d, c[i].s);
	}
}

/* A list written from its statement's callback: objects, or the first column (scalar). */
struct direct {
	struct json *j;
	int scalar;
};

static int direct_cb(void *ctx, const struct store_row *r)
{
	struct direct *x = ctx;
	const char *name;
	int i, n;

	if (x->scalar) {
		name = store_col_name(r, 0);
		put_value(x->j, name, store_col_type(r, 0), store_col_int(r, 0), store_col_real(r, 0),
			  store_col_text(r, 0));
		return 0;
	}
	json_obj_open(x->j);
	for (i = 0, n = store_ncols(r); i < n; i++) {
		name = store_col_name(r, i);
		if (name[0] == '_')
			continue;
		json_key(x->j, name);
		put_value(x->j, name, store_col_type(r, i), store_col_int(r, i), store_col_real(r, i),
			  store_col_text(r, i));
	}
	json_obj_close(x->j);
	return 0;
}

/* list: key and the array of the rows of s for (id[, id2]), written as they arrive. */
static int list(struct store *st, struct json *j, const char *key, enum stmt s, int64_t id, int scalar,
		struct err *e)
{
	struct direct x = { j, scalar };
	struct sval args[] = { SVI(id) };
	int rc;

	json_key(j, key);
	json_arr_open(j);
	rc = store_query(st, s, args, 1, direct_cb, &x, e);
	json_arr_close(j);
	return rc;
}

/* A reference to a theme or measure (plan.c's struct ref). */
struct ref {
	int64_t pv, version;
	char plan[256], ident[512];
	int found;
};

static int ref_cb(void *ctx, const struct store_row *r)
{
	struct ref *x = ctx;

	x->pv = store_col_int(r, 0);
	snprintf(x->plan, sizeof(x->plan), "%s", store_col_text(r, 1));
	x->version = store_col_int(r, 2);
	snprintf(x->ident, sizeof(x->ident), "%s", store_col_text(r, 3));
	x->found = 1;
	return 1;
}

/* put_ref: key and the reference to row id of s: its identity when it is in version pv, else
 * {"plan", "version", "id"}; null when id is 0 or names no row. */
static int put_ref(struct store *st, struct json *j, const char *key, enum stmt s, int64_t id, int64_t pv,
		   struct err *e)
{
	struct ref x = { 0 };
	struct sval args[] = { SVI(id) };
	int rc;

	json_key(j, key);
	if (id && (rc = store_query(st, s, args, 1, ref_cb, &x, e)) != LUP_OK)
		return rc;
	if (!x.found) {
		json_nothing(j);
	} else if (x.pv == pv) {
		json_str(j, x.ident);
	} else {
		json_obj_open(j);
		KEY(j, "plan");
		json_str(j, x.plan);
		KEY(j, "version");
		json_int(j, x.version);
		KEY(j, "id");
		json_str(j, x.ident);
		json_obj_close(j);
	}
	return LUP_OK;
}

/* The document's parts, in its order. Each writes its key and value. */
struct w {
	struct store *st;
	struct json *j;
	struct arena *a;
	int64_t pv;
	struct err *e;
};

static int put_plan(struct w *w)
{
	struct rows x;
	int rc;

	if ((rc = keep(w->st, w->a, STMT_PD_PLAN, w->pv, 0, &x, w->e)) != LUP_OK)
		return rc;
	if (!x.n)
		return err_set(w->e, LUP_ENOTFOUND, "no plan version %lld", (long long)w->pv);
	KEY(w->j, "plan");
	json_obj_open(w->j);
	put_cells(w->j, row(&x, 0), 0, x.ncols);
	json_obj_close(w->j);
	return LUP_OK;
}

/* put_version: the version row with its decision's four columns as one object, last. */
static int put_version(struct w *w)
{
	static const char *const dec[][2] = { { "decision_body", "body" }, { "decision_date", "date" },
		{ "decision_paragraph", "paragraph" }, { "decision_dnr", "dnr" } };
	const struct cell *c;
	struct rows x;
	int rc, i, k;

	if ((rc = keep(w->st, w->a, STMT_PD_VERSION, w->pv, 0, &x, w->e)) != LUP_OK)
		return rc;
	if (!x.n)
		return err_set(w->e, LUP_ENOTFOUND, "no plan version %lld", (long long)w->pv);
	c = row(&x, 0);
	KEY(w->j, "version");
	json_obj_open(w->j);
	for (i = 0; i < x.ncols; i++)
		if (strncmp(c[i].name, "decision_", 9) != 0)
			put_cells(w->j, c, i, i + 1);
	KEY(w->j, "decision");
	json_obj_open(w->j);
	for (k = 0; k < 4; k++) {
		i = col(&x, dec[k][0]);
		json_key(w->j, dec[k][1]);
		if (i < x.ncols)
			put_value(w->j, dec[k][1], c[i].t, c[i].i, c[i].d, c[i].s);
		else
			json_nothing(w->j);
	}
	json_obj_close(w->j);
	json_obj_close(w->j);
	return LUP_OK;
}

static int put_themes(struct w *w)
{
	struct rows x;
	int rc, k, id;

	if ((rc = keep(w->st, w->a, STMT_PD_THEMES, w->pv, 0, &x, w->e)) != LUP_OK)
		return rc;
	id = col(&x, "_id");
	KEY(w->j, "themes");
	json_arr_open(w->j);
	for (k = 0; k < x.n; k++) {
		const struct cell *c = row(&x, k);
		json_obj_open(w->j);
		put_cells(w->j, c, 0, x.ncols);
		if ((rc = list(w->st, w->j, "aliases", STMT_PD_THEME_ALIASES, id_at(&x, c, id), 0, w->e)) ||
		    (rc = list(w->st, w->j, "target_groups", STMT_PD_THEME_TGS, id_at(&x, c, id), 1, w->e)))
			return rc;
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
	return LUP_OK;
}

/* put_indicators: the rows of s (with id, id2) as indicators with their targets. */
static int put_indicators(struct w *w, enum stmt s, int64_t id, int64_t id2)
{
	struct rows x;
	int rc, k, col_id;

	if ((rc = keep(w->st, w->a, s, id, id2, &x, w->e)) != LUP_OK)
		return rc;
	col_id = col(&x, "_id");
	KEY(w->j, "indicators");
	json_arr_open(w->j);
	for (k = 0; k < x.n; k++) {
		const struct cell *c = row(&x, k);
		json_obj_open(w->j);
		put_cells(w->j, c, 0, x.ncols);
		if ((rc = list(w->st, w->j, "targets", STMT_PD_TARGETS, id_at(&x, c, col_id), 0, w->e)) != LUP_OK)
			return rc;
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
	return LUP_OK;
}

/* put_goal: goal row c of x: its theme right after its parent, then its results and indicators. */
static int put_goal(struct w *w, const struct rows *x, const struct cell *c)
{
	int parent = col(x, "parent"), rc;
	int64_t id = id_at(x, c, col(x, "_id"));

	json_obj_open(w->j);
	put_cells(w->j, c, 0, parent < x->ncols ? parent + 1 : 0);
	if (parent < x->ncols &&
	    (rc = put_ref(w->st, w->j, "theme", STMT_PD_THEME_REF, id_at(x, c, col(x, "_theme")), w->pv, w->e)))
		return rc;
	put_cells(w->j, c, parent < x->ncols ? parent + 1 : 0, x->ncols);
	if ((rc = list(w->st, w->j, "results", STMT_PD_GOAL_RESULTS, id, 0, w->e)) ||
	    (rc = put_indicators(w, STMT_PD_GOAL_INDICATORS, id, w->pv)))
		return rc;
	json_obj_close(w->j);
	return LUP_OK;
}

static int put_goals(struct w *w)
{
	struct rows x;
	int rc, k;

	if ((rc = keep(w->st, w->a, STMT_PD_GOALS, w->pv, 0, &x, w->e)) != LUP_OK)
		return rc;
	KEY(w->j, "goals");
	json_arr_open(w->j);
	for (k = 0; k < x.n; k++)
		if ((rc = put_goal(w, &x, row(&x, k))) != LUP_OK)
			return rc;
	json_arr_close(w->j);
	return put_indicators(w, STMT_PD_EXT_INDICATORS, w->pv, 0);
}

/* put_measures: each measure's columns, then its themes, areas, goals, target groups, partners. */
static int put_measures(struct w *w)
{
	struct rows x;
	int rc, k, col_id;

	if ((rc = keep(w->st, w->a, STMT_PD_MEASURES, w->pv, 0, &x, w->e)) != LUP_OK)
		return rc;
	col_id = col(&x, "_id");
	KEY(w->j, "measures");
	json_arr_open(w->j);
	for (k = 0; k < x.n; k++) {
		const struct cell *c = row(&x, k);
		int64_t id = id_at(&x, c, col_id);
		json_obj_open(w->j);
		put_cells(w->j, c, 0, x.ncols);
		if ((rc = list(w->st, w->j, "themes", STMT_PD_MEASURE_THEMES, id, 1, w->e)) ||
		    (rc = list(w->st, w->j, "areas", STMT_PD_MEASURE_AREAS, id, 1, w->e)) ||
		    (rc = list(w->st, w->j, "goals", STMT_PM_DOC_GOALS, id, 1, w->e)) ||
		    (rc = list(w->st, w->j, "target_groups", STMT_PD_MEASURE_TGS, id, 1, w->e)) ||
		    (rc = list(w->st, w->j, "partners", STMT_PD_MEASURE_PARTNERS, id, 0, w->e)))
			return rc;
		json_obj_close(w->j);
	}
	json_arr_close(w->j);
	return LUP_OK;
}

/* put_activity: activity row c of x: its theme and measure right after its goal, then its
 * districts and partners. */
static int put_activity(struct w *w, const struct rows *x, const struct cell *c)
{
	int goal = col(x, "goal"), rc;
	int64_t id = id_at(x, c, col(x, "_id"));

	json_obj_open(w->j);
	put_cells(w->j, c, 0, goal < x->ncols ? goal + 1 : 0);
	if (goal < x->ncols &&
	    ((rc = put_ref(w->st, w->j, "theme", STMT_PD_THEME_REF, id_at(x, c, col(x, "_theme")), w->pv, w->e)) ||
	     (rc = put_ref(w->st, w->j, "measure", STMT_PD_MEASURE_REF, id_at(x, c, col(x, "_measure")), w->pv,
			   w->e))))
		return rc;
	put_cells(w->j, c, goal < x->ncols ? goal + 1 : 0, x->ncols);
	if ((rc = list(w->st, w->j, "districts", STMT_PD_ACTIVITY_DISTRICTS, id, 1, w->e)) ||
	    (rc = list(w->st, w->j, "partners", STMT_PD_ACTIVITY_PARTNERS, id, 0, w->e)))
		return rc;
	json_obj_close(w->j);
	return LUP_OK;
}

static int put_activities(struct w *w)
{
	struct rows x;
	int rc, k;

	if ((rc = keep(w->st, w->a, STMT_PD_ACTIVITIES, w->pv, 0, &x, w->e)) != LUP_OK)
		return rc;
	KEY(w->j, "activities");
	json_arr_open(w->j);
	for (k = 0; k < x.n; k++)
		if ((rc = put_activity(w, &x, row(&x, k))) != LUP_OK)
			return rc;
	json_arr_close(w->j);
	return LUP_OK;
}

/* put_doc: the document's members after format and format_version. */
static int put_doc(struct w *w)
{
	int rc;

	if ((rc = put_plan(w)) || (rc = put_version(w)) ||
	    (rc = list(w->st, w->j, "sections", STMT_PD_SECTIONS, w->pv, 0, w->e)) || (rc = put_themes(w)) ||
	    (rc = list(w->st, w->j, "areas", STMT_PD_AREAS, w->pv, 0, w->e)) ||
	    (rc = list(w->st, w->j, "partners", STMT_PD_PARTNERS, w->pv, 0, w->e)) || (rc = put_goals(w)) ||
	    (rc = put_measures(w)))
		return rc;
	return put_activities(w);
}

/* DOC_GUESS: the room reserved for a document at first (Spånga-Tensta's LUP: 26 KB). */
#define DOC_GUESS ((size_t)32 << 10)

int plan_doc_write(struct store *st, int64_t pv, struct buf *out, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct json j;
	struct w w = { st, &j, &a, pv, e };
	size_t start = out->len;
	int rc, own = store_begin_read(st, NULL) == LUP_OK;

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
	struct sval args[] = { SVS(plan_key), SVI(version) };
	int64_t pv = 0;
	int rc;

	if ((rc = store_query_id(st, STMT_PD_PICK, args, 2, &pv, e)) != LUP_OK)
		return rc;
	if (!pv)
		return version ? err_set(e, LUP_ENOTFOUND, "plan '%s' has no version %d", plan_key, version)
			       : err_set(e, LUP_ENOTFOUND, "no plan '%s'", plan_key);
	return plan_doc_write(st, pv, out, e);
}
