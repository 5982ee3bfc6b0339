/* plan.c: one plan version as one document (see plan.h). Every read statement names its columns
 * as the document's fields (store/stmt-plan-doc.h), so a row becomes an object column by column;
 * a column named "_x" is the loader's (row ids for the nested lists) and is dropped at the end. */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "view/plan.h"

/* Columns stored as 0/1 that the document holds as booleans. */
static int is_bool(const char *name)
{
	return !strcmp(name, "extra") || !strcmp(name, "by_sex") || !strcmp(name, "by_area");
}

static json_t *col_json(const struct store_row *r, int i)
{
	switch (store_col_type(r, i)) {
	case SV_INT:
		if (is_bool(store_col_name(r, i)))
			return json_boolean(store_col_int(r, i));
		return json_integer(store_col_int(r, i));
	case SV_REAL:
		return json_real(store_col_real(r, i));
	case SV_TEXT:
		return json_string(store_col_text(r, i));
	default:
		return is_bool(store_col_name(r, i)) ? json_false() : json_null();
	}
}

/* Appends each row to an array: as an object (objects) or its first column (strings). slots:
 * NULL or pairs (column, key) ending in NULL: after the column, a null key is set that the
 * loader fills later, so that the object has its fields in the document's order without being
 * rebuilt (jansson keeps a key's place when its value is replaced). */
struct rows {
	json_t *arr;
	int scalar;
	int oom;
	const char *const *slots;
};

/* set_slots: after column name of object v, the null keys that slots name for it */
static int set_slots(json_t *v, const char *const *slots, const char *name)
{
	for (; slots && slots[0]; slots += 2)
		if (!strcmp(slots[0], name) && json_object_set_new(v, slots[1], json_null()) != 0)
			return -1;
	return 0;
}

static int row_cb(void *ctx, const struct store_row *r)
{
	struct rows *x = ctx;
	json_t *v;

	if (x->scalar) {
		v = col_json(r, 0);
	} else {
		v = json_object();
		for (int i = 0; v && i < store_ncols(r); i++) {
			const char *name = store_col_name(r, i);

			if (json_object_set_new(v, name, col_json(r, i)) != 0 || set_slots(v, x->slots, name))
				x->oom = 1;
		}
	}
	if (!v || json_array_append_new(x->arr, v) != 0)
		x->oom = 1;
	return x->oom;
}

/* rows_get_slots: runs s with one id argument (two when id2) into a new array in *out, with the
 * null keys of slots (struct rows) in each object. */
static int rows_get_slots(struct store *st, enum stmt s, int64_t id, int64_t id2, int scalar,
			  const char *const *slots, json_t **out, struct err *e)
{
	struct rows x = { json_array(), scalar, 0, slots };
	struct sval args[] = { SVI(id), SVI(id2) };
	int rc;

	if (!x.arr)
		return err_set(e, LUP_EDB, "out of memory");
	rc = store_query(st, s, args, id2 ? 2 : 1, row_cb, &x, e);
	if (rc == LUP_OK && x.oom)
		rc = err_set(e, LUP_EDB, "out of memory");
	if (rc != LUP_OK) {
		json_decref(x.arr);
		return rc;
	}
	*out = x.arr;
	return LUP_OK;
}

/* rows_get: rows_get_slots without slots */
static int rows_get(struct store *st, enum stmt s, int64_t id, int64_t id2, int scalar, json_t **out,
		    struct err *e)
{
	return rows_get_slots(st, s, id, id2, scalar, NULL, out, e);
}

/* set_rows: sets obj[key] to the rows of s for id. */
static int set_rows(struct store *st, json_t *obj, const char *key, enum stmt s, int64_t id, int64_t id2,
		    int scalar, struct err *e)
{
	json_t *arr;
	int rc = rows_get(st, s, id, id2, scalar, &arr, e);

	if (rc == LUP_OK && json_object_set_new(obj, key, arr) != 0)
		rc = err_set(e, LUP_EDB, "out of memory");
	return rc;
}

static int64_t id_of(json_t *obj, const char *key)
{
	return json_integer_value(json_object_get(obj, key));
}

/* drop_private: removes the "_x" keys of obj. */
static void drop_private(json_t *obj)
{
	const char *k;
	json_t *v;
	void *tmp;

	json_object_foreach_safe(obj, tmp, k, v)
		if (k[0] == '_')
			json_object_del(obj, k);
}

/* A row of a list of the whole version (the PD_V_* statements: the owner's id _of and the row's
 * place _seq first), as its value in the document, kept for the sort. */
struct item {
	int64_t of, seq;
	int ord;	/* the order it came in: the last key, so that ties keep it */
	json_t *v;	/* NULL once taken */
};

enum { ITEM_SCALAR, ITEM_OBJECT, ITEM_REF };

struct items {
	struct item *v;
	int n, cap;
	int mode;	/* ITEM_SCALAR: the third column; ITEM_OBJECT: the columns after _seq;
			 * ITEM_REF: a reference (ref_json) */
	int64_t pv;	/* ITEM_REF: the version loaded */
	int oom;
};

/* ref_json: a reference from a row (_of, _seq, plan_version id, plan key, version, identity): the
 * identity when it is in version pv, else {"plan": key, "version": n, "id": identity}. */
static json_t *ref_json(const struct store_row *r, int64_t pv)
{
	if (store_col_int(r, 2) == pv)
		return json_string(store_col_text(r, 5));
	return json_pack("{s:s, s:I, s:s}", "plan", store_col_text(r, 3), "version",
			 (json_int_t)store_col_int(r, 4), "id", store_col_text(r, 5));
}

static int items_cb(void *ctx, const struct store_row *r)
{
	struct items *x = ctx;
	json_t *v;

	if (x->mode == ITEM_SCALAR) {
		v = col_json(r, 2);
	} else if (x->mode == ITEM_REF) {
		v = ref_json(r, x->pv);
	} else {
		v = json_object();
		for (int i = 2; v && i < store_ncols(r); i++)
			if (json_object_set_new(v, store_col_name(r, i), col_json(r, i)) != 0)
				x->oom = 1;
	}
	if (!v) {
		x->oom = 1;
		return 1;
	}
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->v = xrealloc(x->v, (size_t)x->cap * sizeof(*x->v));
	}
	x->v[x->n] = (struct item){ store_col_int(r, 0), store_col_int(r, 1), x->n, v };
	x->n++;
	return x->oom;
}

static int item_cmp(const void *a, const void *b)
{
	const struct item *p = a, *q = b;

	if (p->of != q->of)
		return p->of < q->of ? -1 : 1;
	if (p->seq != q->seq)
		return p->seq < q->seq ? -1 : 1;
	return (p->ord > q->ord) - (p->ord < q->ord);
}

/* take: owner of's value from x (sorted): the array of its rows' values, or with ITEM_REF its
 * first row's value (null when none); the values taken move into it. NULL when out of memory. */
static json_t *take(struct items *x, int64_t of)
{
	int lo = 0, hi = x->n;
	json_t *arr;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (x->v[mid].of < of)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (x->mode == ITEM_REF) {
		json_t *v = lo < x->n && x->v[lo].of == of && x->v[lo].v ? x->v[lo].v : json_null();

		if (lo < x->n && x->v[lo].of == of)
			x->v[lo].v = NULL;
		return v;
	}
	if (!(arr = json_array()))
		return NULL;
	for (; lo < x->n && x->v[lo].of == of; lo++) {
		if (!x->v[lo].v)
			continue;	/* an owner twice in the list: its rows went to the first */
		if (json_array_append_new(arr, x->v[lo].v) != 0) {
			json_decref(arr);
			return NULL;
		}
		x->v[lo].v = NULL;
	}
	return arr;
}

/* attach: runs list s (a PD_V_* statement) for version pv, and sets key on each object of the
 * array owners to its part (take: by the object's "_id"), in the place of a null slot when
 * there is one. One statement for the version rather than one per owner. */
static int attach(struct store *st, json_t *owners, const char *key, enum stmt s, int mode, int64_t pv,
		  struct err *e)
{
	struct items x = { .mode = mode, .pv = pv };
	struct sval arg = SVI(pv);
	json_t *o;
	size_t i;
	int rc;

	if ((rc = store_query(st, s, &arg, 1, items_cb, &x, e)) == LUP_OK && x.oom)
		rc = err_set(e, LUP_EDB, "out of memory");
	if (rc != LUP_OK)
		goto out;
	if (x.n > 1)
		qsort(x.v, (size_t)x.n, sizeof(*x.v), item_cmp);
	json_array_foreach(owners, i, o) {
		json_t *v = take(&x, id_of(o, "_id"));

		if (!v || json_object_set_new(o, key, v) != 0) {
			rc = err_set(e, LUP_EDB, "out of memory");
			goto out;
		}
	}
out:
	for (int k = 0; k < x.n; k++)
		json_decref(x.v[k].v);
	free(x.v);
	return rc;
}

/* drop_all: drop_private on each object of arr */
static void drop_all(json_t *arr)
{
	json_t *o;
	size_t i;

	json_array_foreach(arr, i, o)
		drop_private(o);
}

static int load_themes(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	json_t *arr;
	int rc;

	if ((rc = rows_get(st, STMT_PD_THEMES, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "themes", arr);
	if ((rc = attach(st, arr, "aliases", STMT_PD_V_THEME_ALIASES, ITEM_OBJECT, pv, e)) ||
	    (rc = attach(st, arr, "target_groups", STMT_PD_V_THEME_TGS, ITEM_SCALAR, pv, e)))
		return rc;
	drop_all(arr);
	return LUP_OK;
}

/* goal_indicators: the indicators of all the goals of arr, in one array (references). */
static json_t *goal_indicators(json_t *goals)
{
	json_t *all = json_array(), *g, *ind;
	size_t i, j;

	json_array_foreach(goals, i, g)
		json_array_foreach(json_object_get(g, "indicators"), j, ind)
			if (!all || json_array_append(all, ind) != 0) {
				json_decref(all);
				return NULL;
			}
	return all;
}

static int load_goals(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	static const char *const slots[] = { "parent", "theme", NULL };
	json_t *arr, *inds;
	int rc;

	if ((rc = rows_get_slots(st, STMT_PD_GOALS, pv, 0, 0, slots, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "goals", arr);
	if ((rc = attach(st, arr, "theme", STMT_PD_V_GOAL_THEME_REFS, ITEM_REF, pv, e)) ||
	    (rc = attach(st, arr, "results", STMT_PD_V_GOAL_RESULTS, ITEM_OBJECT, pv, e)) ||
	    (rc = attach(st, arr, "indicators", STMT_PD_V_GOAL_INDICATORS, ITEM_OBJECT, pv, e)))
		return rc;
	if (!(inds = goal_indicators(arr)))
		return err_set(e, LUP_EDB, "out of memory");
	rc = attach(st, inds, "targets", STMT_PD_V_GOAL_TARGETS, ITEM_OBJECT, pv, e);
	drop_all(inds);
	json_decref(inds);
	if (rc != LUP_OK)
		return rc;
	drop_all(arr);
	if ((rc = rows_get(st, STMT_PD_EXT_INDICATORS, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "indicators", arr);
	if ((rc = attach(st, arr, "targets", STMT_PD_V_EXT_TARGETS, ITEM_OBJECT, pv, e)) != LUP_OK)
		return rc;
	drop_all(arr);
	return LUP_OK;
}

static int load_measures(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	json_t *arr;
	int rc;

	if ((rc = rows_get(st, STMT_PD_MEASURES, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "measures", arr);
	/* goals: the LUP goals the measure serves (0018), in the document after the areas */
	if ((rc = attach(st, arr, "themes", STMT_PD_V_MEASURE_THEMES, ITEM_SCALAR, pv, e)) ||
	    (rc = attach(st, arr, "areas", STMT_PD_V_MEASURE_AREAS, ITEM_SCALAR, pv, e)) ||
	    (rc = attach(st, arr, "goals", STMT_PD_V_MEASURE_GOALS, ITEM_SCALAR, pv, e)) ||
	    (rc = attach(st, arr, "target_groups", STMT_PD_V_MEASURE_TGS, ITEM_SCALAR, pv, e)) ||
	    (rc = attach(st, arr, "partners", STMT_PD_V_MEASURE_PARTNERS, ITEM_OBJECT, pv, e)))
		return rc;
	drop_all(arr);
	return LUP_OK;
}

static int load_activities(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	static const char *const slots[] = { "goal", "theme", "goal", "measure", NULL };
	json_t *arr;
	int rc;

	if ((rc = rows_get_slots(st, STMT_PD_ACTIVITIES, pv, 0, 0, slots, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "activities", arr);
	if ((rc = attach(st, arr, "theme", STMT_PD_V_ACTIVITY_THEME_REFS, ITEM_REF, pv, e)) ||
	    (rc = attach(st, arr, "measure", STMT_PD_V_ACTIVITY_MEASURE_REFS, ITEM_REF, pv, e)) ||
	    (rc = attach(st, arr, "districts", STMT_PD_V_ACTIVITY_DISTRICTS, ITEM_SCALAR, pv, e)) ||
	    (rc = attach(st, arr, "partners", STMT_PD_V_ACTIVITY_PARTNERS, ITEM_OBJECT, pv, e)))
		return rc;
	drop_all(arr);
	return LUP_OK;
}

/* version_obj: the version row with its decision as one object. */
static int load_version(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	json_t *arr, *v, *d;
	int rc;

	if ((rc = rows_get(st, STMT_PD_VERSION, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	v = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	if (!v)
		return err_set(e, LUP_ENOTFOUND, "no plan version %lld", (long long)pv);
	d = json_pack("{s:O, s:O, s:O, s:O}", "body", json_object_get(v, "decision_body"),
		      "date", json_object_get(v, "decision_date"),
		      "paragraph", json_object_get(v, "decision_paragraph"),
		      "dnr", json_object_get(v, "decision_dnr"));
	json_object_del(v, "decision_body");
	json_object_del(v, "decision_date");
	json_object_del(v, "decision_paragraph");
	json_object_del(v, "decision_dnr");
	json_object_set_new(v, "decision", d ? d : json_null());
	json_object_set_new(doc, "version", v);
	return LUP_OK;
}

static int load(struct store *st, int64_t pv, json_t *doc, struct err *e)
{
	json_t *arr, *plan;
	int rc;

	if ((rc = rows_get(st, STMT_PD_PLAN, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	plan = json_incref(json_array_get(arr, 0));
	json_decref(arr);
	if (!plan)
		return err_set(e, LUP_ENOTFOUND, "no plan version %lld", (long long)pv);
	drop_private(plan);
	json_object_set_new(doc, "plan", plan);
	if ((rc = load_version(st, doc, pv, e)) ||
	    (rc = set_rows(st, doc, "sections", STMT_PD_SECTIONS, pv, 0, 0, e)) ||
	    (rc = load_themes(st, doc, pv, e)) ||
	    (rc = set_rows(st, doc, "areas", STMT_PD_AREAS, pv, 0, 0, e)) ||
	    (rc = set_rows(st, doc, "partners", STMT_PD_PARTNERS, pv, 0, 0, e)) ||
	    (rc = load_goals(st, doc, pv, e)) || (rc = load_measures(st, doc, pv, e)) ||
	    (rc = load_activities(st, doc, pv, e)))
		return rc;
	return LUP_OK;
}

int plan_doc_load_id(struct store *st, int64_t pv, json_t **doc, struct err *e)
{
	json_t *d = json_pack("{s:s, s:i}", "format", PLAN_DOC_FORMAT, "format_version", PLAN_DOC_VERSION);
	int rc, own = store_begin_read(st, NULL) == LUP_OK;

	*doc = NULL;
	if (!d)
		rc = err_set(e, LUP_EDB, "out of memory");
	else
		rc = load(st, pv, d, e);
	if (own)
		store_rollback(st);
	if (rc != LUP_OK) {
		json_decref(d);
		return rc;
	}
	*doc = d;
	return LUP_OK;
}

int plan_doc_pick(struct store *st, const char *plan_key, int version, int64_t *pv, struct err *e)
{
	struct sval args[] = { SVS(plan_key), SVI(version) };
	int rc;

	*pv = 0;
	if ((rc = store_query_id(st, STMT_PD_PICK, args, 2, pv, e)) != LUP_OK)
		return rc;
	if (!*pv)
		return version ? err_set(e, LUP_ENOTFOUND, "plan '%s' has no version %d", plan_key, version)
			       : err_set(e, LUP_ENOTFOUND, "no plan '%s'", plan_key);
	return LUP_OK;
}

int plan_doc_load(struct store *st, const char *plan_key, int version, json_t **doc, struct err *e)
{
	int64_t pv;
	int rc;

	*doc = NULL;
	if ((rc = plan_doc_pick(st, plan_key, version, &pv, e)) != LUP_OK)
		return rc;
	return plan_doc_load_id(st, pv, doc, e);
}
