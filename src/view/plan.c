/* plan.c: one plan version as one document (see plan.h). Every read statement names its columns
 * as the document's fields (store/stmt-plan-doc.h), so a row becomes an object column by column;
 * a column named "_x" is the loader's (row ids for the nested lists) and is dropped at the end. */
#include <string.h>

#include "core/err.h"
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

/* A reference to a theme or measure: its identity when it is in version pv, else
 * {"plan": key, "version": n, "id": identity}. */
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

static int set_ref(struct store *st, json_t *obj, const char *from, const char *key, enum stmt s,
		   int64_t pv, struct err *e)
{
	struct ref x = { 0 };
	struct sval args[] = { SVI(id_of(obj, from)) };
	json_t *v;
	int rc;

	if (!id_of(obj, from)) {
		v = json_null();
	} else {
		if ((rc = store_query(st, s, args, 1, ref_cb, &x, e)) != LUP_OK)
			return rc;
		if (!x.found)
			v = json_null();
		else if (x.pv == pv)
			v = json_string(x.ident);
		else
			v = json_pack("{s:s, s:I, s:s}", "plan", x.plan, "version", (json_int_t)x.version,
				      "id", x.ident);
	}
	if (!v || json_object_set_new(obj, key, v) != 0)
		return err_set(e, LUP_EDB, "out of memory");
	return LUP_OK;
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

static int load_themes(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	json_t *arr, *t;
	size_t i;
	int rc;

	if ((rc = rows_get(st, STMT_PD_THEMES, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "themes", arr);
	json_array_foreach(arr, i, t) {
		if ((rc = set_rows(st, t, "aliases", STMT_PD_THEME_ALIASES, id_of(t, "_id"), 0, 0, e)) ||
		    (rc = set_rows(st, t, "target_groups", STMT_PD_THEME_TGS, id_of(t, "_id"), 0, 1, e)))
			return rc;
		drop_private(t);
	}
	return LUP_OK;
}

static int load_indicators(struct store *st, json_t *arr, struct err *e)
{
	json_t *ind;
	size_t i;
	int rc;

	json_array_foreach(arr, i, ind) {
		if ((rc = set_rows(st, ind, "targets", STMT_PD_TARGETS, id_of(ind, "_id"), 0, 0, e)) != LUP_OK)
			return rc;
		drop_private(ind);
	}
	return LUP_OK;
}

static int load_goals(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	static const char *const slots[] = { "parent", "theme", NULL };
	json_t *arr, *g, *inds;
	size_t i;
	int rc;

	if ((rc = rows_get_slots(st, STMT_PD_GOALS, pv, 0, 0, slots, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "goals", arr);
	json_array_foreach(arr, i, g) {
		if ((rc = set_ref(st, g, "_theme", "theme", STMT_PD_THEME_REF, pv, e)) != LUP_OK)
			return rc;
		if ((rc = set_rows(st, g, "results", STMT_PD_GOAL_RESULTS, id_of(g, "_id"), 0, 0, e)) ||
		    (rc = rows_get(st, STMT_PD_GOAL_INDICATORS, id_of(g, "_id"), pv, 0, &inds, e)))
			return rc;
		json_object_set_new(g, "indicators", inds);
		if ((rc = load_indicators(st, inds, e)) != LUP_OK)
			return rc;
		drop_private(g);
	}
	if ((rc = rows_get(st, STMT_PD_EXT_INDICATORS, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "indicators", arr);
	return load_indicators(st, arr, e);
}

static int load_measures(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	json_t *arr, *m;
	size_t i;
	int rc;

	if ((rc = rows_get(st, STMT_PD_MEASURES, pv, 0, 0, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "measures", arr);
	json_array_foreach(arr, i, m) {
		int64_t id = id_of(m, "_id");
		/* goals: the LUP goals the measure serves (0018), in the document after the areas */
		if ((rc = set_rows(st, m, "themes", STMT_PD_MEASURE_THEMES, id, 0, 1, e)) ||
		    (rc = set_rows(st, m, "areas", STMT_PD_MEASURE_AREAS, id, 0, 1, e)) ||
		    (rc = set_rows(st, m, "goals", STMT_PM_DOC_GOALS, id, 0, 1, e)) ||
		    (rc = set_rows(st, m, "target_groups", STMT_PD_MEASURE_TGS, id, 0, 1, e)) ||
		    (rc = set_rows(st, m, "partners", STMT_PD_MEASURE_PARTNERS, id, 0, 0, e)))
			return rc;
		drop_private(m);
	}
	return LUP_OK;
}

static int load_activities(struct store *st, json_t *doc, int64_t pv, struct err *e)
{
	static const char *const slots[] = { "goal", "theme", "goal", "measure", NULL };
	json_t *arr, *a;
	size_t i;
	int rc;

	if ((rc = rows_get_slots(st, STMT_PD_ACTIVITIES, pv, 0, 0, slots, &arr, e)) != LUP_OK)
		return rc;
	json_object_set_new(doc, "activities", arr);
	json_array_foreach(arr, i, a) {
		int64_t id = id_of(a, "_id");
		if ((rc = set_ref(st, a, "_theme", "theme", STMT_PD_THEME_REF, pv, e)) ||
		    (rc = set_ref(st, a, "_measure", "measure", STMT_PD_MEASURE_REF, pv, e)))
			return rc;
		if ((rc = set_rows(st, a, "districts", STMT_PD_ACTIVITY_DISTRICTS, id, 0, 1, e)) ||
		    (rc = set_rows(st, a, "partners", STMT_PD_ACTIVITY_PARTNERS, id, 0, 0, e)))
			return rc;
		drop_private(a);
	}
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
