/* plan.c: one plan version as one document (see plan.h), built as a value in an arena (doc/
 * plan-val.h): the diff reads it so, the others as a jansson tree made from it. Every read
 * statement names its columns as the document's fields (store/stmt-plan-doc.h), so a row
 * becomes an object column by column; a column named "_x" is the loader's (row ids for the
 * nested lists) and is dropped at the end. The version's statements run in two batches
 * (store_query_many: one round trip each on PostgreSQL); each nested list is one statement for
 * the whole version (PD_V_*), attached to its owners by "_id". */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"
#include "view/plan.h"

/* Columns stored as 0/1 that the document holds as booleans. */
static int is_bool(const char *name)
{
	return !strcmp(name, "extra") || !strcmp(name, "by_sex") || !strcmp(name, "by_area");
}

/* Room left in a row's object for the lists attached to it later. */
#define ROW_SPARE 6

/*
 * A statement's rows as objects: the members each row's object has, in order, and the column
 * each takes its value from (-1: a null slot). Worked out once, from the first row's column
 * names, as jansson would order them: each column set in turn from column `first` on, and
 * after a column the null keys that slots (pairs column, key ending in NULL) name for it; a
 * key set again keeps its first place and takes the later value.
 */
struct layout {
	int ncols, n;
	const char **key;
	int *src;
	unsigned char *isbool;	/* per column */
};

static void layout_set(struct layout *l, const char *key, int src)
{
	for (int k = 0; k < l->n; k++)
		if (!strcmp(l->key[k], key)) {
			l->src[k] = src;
			return;
		}
	l->key[l->n] = key;
	l->src[l->n++] = src;
}

static void layout_make(struct arena *a, struct layout *l, const struct store_row *r, int first,
			const char *const *slots)
{
	int nslots = 0;

	for (const char *const *s = slots; s && s[0]; s += 2)
		nslots++;
	l->ncols = store_ncols(r);
	l->key = arena_alloc(a, (size_t)(l->ncols + nslots + 1) * sizeof(*l->key));
	l->src = arena_alloc(a, (size_t)(l->ncols + nslots + 1) * sizeof(*l->src));
	l->isbool = arena_alloc(a, (size_t)l->ncols + 1);
	for (int i = first; i < l->ncols; i++) {
		const char *name = arena_strdup(a, store_col_name(r, i));

		l->isbool[i] = (unsigned char)is_bool(name);
		layout_set(l, name, i);
		for (const char *const *s = slots; s && s[0]; s += 2)
			if (!strcmp(s[0], name))
				layout_set(l, s[1], -1);
	}
}

/* cell: column i of r as a value (text copied into a) */
static struct pval cell(struct arena *a, const struct store_row *r, int i, int isbool)
{
	struct pval v = { PVAL_NULL, 0, 0, 0, { 0 } };
	struct store_cell c;
	char *s;

	store_col_cell(r, i, &c);
	switch (c.t) {
	case SV_INT:
		v.t = !isbool ? PVAL_INT : c.i ? PVAL_TRUE : PVAL_FALSE;
		v.u.i = c.i;
		break;
	case SV_REAL:
		v.t = PVAL_REAL;
		v.u.d = c.d;
		break;
	case SV_TEXT:
		v.t = PVAL_STR;
		v.len = c.len;
		v.u.s = s = arena_alloc_raw(a, c.len + 1);
		memcpy(s, c.s, c.len);
		s[c.len] = '\0';
		break;
	default:
		v.t = isbool ? PVAL_FALSE : PVAL_NULL;
	}
	return v;
}

/* row_obj: row r as an object of layout l */
static struct pval row_obj(struct arena *a, const struct layout *l, const struct store_row *r)
{
	struct pval o = { PVAL_OBJ, l->n, l->n + ROW_SPARE, 0, { 0 } };

	o.u.m = arena_alloc_raw(a, (size_t)o.cap * sizeof(*o.u.m));
	for (int k = 0; k < l->n; k++) {
		o.u.m[k].key = l->key[k];
		o.u.m[k].v = l->src[k] < 0 ? pval_null : cell(a, r, l->src[k], l->isbool[l->src[k]]);
	}
	return o;
}

/* A row of a list read for the whole version (the PD_V_* statements: the owner's id _of and
 * the row's place _seq first), as its value in the document, kept for the sort. */
struct item {
	int64_t of, seq;
	int ord;	/* the order it came in: the last key, so that ties keep it */
	int taken;
	struct pval v;
};

enum { ITEM_ROWS, ITEM_SCALAR, ITEM_OBJECT, ITEM_REF };

/* One statement's rows: objects (ITEM_ROWS, into arr) or items of a list by owner: its third
 * column (ITEM_SCALAR), its columns after _seq (ITEM_OBJECT) or a reference (ITEM_REF). */
struct part {
	struct arena *a;
	int mode;
	int64_t pv;		/* ITEM_REF: the version loaded */
	const char *const *slots;	/* ITEM_ROWS */
	struct layout l;
	struct pval arr;	/* ITEM_ROWS */
	struct item *v;
	int n, cap;
};

/* ref: a reference from a row (_of, _seq, plan_version id, plan key, version, identity): the
 * identity when it is in version pv, else {"plan": key, "version": n, "id": identity}. */
static struct pval ref(struct part *x, const struct store_row *r)
{
	static const char *const keys[] = { "plan", "version", "id" };
	struct pval o = { PVAL_OBJ, 3, 3, 0, { 0 } };

	if (store_col_int(r, 2) == x->pv)
		return cell(x->a, r, 5, 0);
	o.u.m = arena_alloc_raw(x->a, 3 * sizeof(*o.u.m));
	for (int k = 0; k < 3; k++) {
		o.u.m[k].key = keys[k];
		o.u.m[k].v = cell(x->a, r, 3 + k, 0);
	}
	return o;
}

static int part_cb(void *ctx, const struct store_row *r)
{
	struct part *x = ctx;
	struct pval v;

	if (!x->l.key && x->mode != ITEM_SCALAR && x->mode != ITEM_REF)
		layout_make(x->a, &x->l, r, x->mode == ITEM_ROWS ? 0 : 2, x->slots);
	if (x->mode == ITEM_ROWS) {
		pval_push(x->a, &x->arr, row_obj(x->a, &x->l, r));
		return 0;
	}
	if (x->mode == ITEM_SCALAR)
		v = cell(x->a, r, 2, is_bool(store_col_name(r, 2)));
	else if (x->mode == ITEM_REF)
		v = ref(x, r);
	else
		v = row_obj(x->a, &x->l, r);
	x->v = arena_grow(x->a, x->v, x->n, &x->cap, sizeof(*x->v), 64);
	x->v[x->n] = (struct item){ store_col_int(r, 0), store_col_int(r, 1), x->n, 0, v };
	x->n++;
	return 0;
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
 * first row's value (null when none); the values taken are marked. */
static struct pval take(struct part *x, int64_t of)
{
	struct pval arr = { PVAL_ARR, 0, 0, 0, { 0 } };
	int lo = 0, hi = x->n, end;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (x->v[mid].of < of)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (x->mode == ITEM_REF) {
		if (lo < x->n && x->v[lo].of == of && !x->v[lo].taken) {
			x->v[lo].taken = 1;
			return x->v[lo].v;
		}
		return pval_null;
	}
	for (end = lo; end < x->n && x->v[end].of == of; end++)
		;
	if (end > lo && !x->v[lo].taken) {	/* an owner twice in the list: its rows went to the first */
		arr.n = arr.cap = end - lo;
		arr.u.a = arena_alloc_raw(x->a, (size_t)arr.n * sizeof(*arr.u.a));
		for (int k = lo; k < end; k++) {
			arr.u.a[k - lo] = x->v[k].v;
			x->v[k].taken = 1;
		}
	}
	return arr;
}

/* id_of: the integer member k of o (0 when none) */
static int64_t id_of(const struct pval *o, const char *k)
{
	const struct pval *v = pval_get(o, k);

	return v && v->t == PVAL_INT ? v->u.i : 0;
}

/* attach: sets key on each object of owners (n pointers) to its part of list x (by the
 * object's "_id"), in the place of a null slot when there is one. */
static void attach(struct arena *a, struct pval *const *owners, int n, const char *key, struct part *x)
{
	if (x->n > 1)
		qsort(x->v, (size_t)x->n, sizeof(*x->v), item_cmp);
	for (int i = 0; i < n; i++)
		pval_set(a, owners[i], key, take(x, id_of(owners[i], "_id")));
}

/* ptrs: pointers to the items of arr */
static struct pval **ptrs(struct arena *a, struct pval *arr, int *n)
{
	struct pval **p = arena_alloc_raw(a, (size_t)(arr->n + 1) * sizeof(*p));

	for (int i = 0; i < arr->n; i++)
		p[i] = &arr->u.a[i];
	*n = arr->n;
	return p;
}

/* drop_private: removes the "_x" members of o (the others keep their order). */
static void drop_private(struct pval *o)
{
	int k = 0;

	if (o->t != PVAL_OBJ)
		return;
	for (int i = 0; i < o->n; i++)
		if (o->u.m[i].key[0] != '_')
			o->u.m[k++] = o->u.m[i];
	o->n = k;
}

static void drop_all(struct pval *const *o, int n)
{
	for (int i = 0; i < n; i++)
		drop_private(o[i]);
}

/* The version's statements, read at once. */
enum pn {
	N_PLAN, N_VERSION, N_SECTIONS, N_THEMES, N_THEME_ALIASES, N_THEME_TGS, N_AREAS, N_PARTNERS,
	N_GOALS, N_G_THEMES, N_G_RESULTS, N_G_INDICATORS, N_G_TARGETS, N_EXT, N_EXT_TARGETS,
	N_BATCH1,	/* the first batch's end */
	N_MEASURES = N_BATCH1, N_M_THEMES, N_M_AREAS, N_M_GOALS, N_M_TGS, N_M_PARTNERS,
	N_ACTIVITIES, N_A_THEMES, N_A_MEASURES, N_A_DISTRICTS, N_A_PARTNERS,
	N_N
};
static const struct {
	enum stmt s;
	int mode;
} pn_stmt[N_N] = {
	[N_PLAN] = { STMT_PD_PLAN, ITEM_ROWS }, [N_VERSION] = { STMT_PD_VERSION, ITEM_ROWS },
	[N_SECTIONS] = { STMT_PD_SECTIONS, ITEM_ROWS }, [N_THEMES] = { STMT_PD_THEMES, ITEM_ROWS },
	[N_THEME_ALIASES] = { STMT_PD_V_THEME_ALIASES, ITEM_OBJECT },
	[N_THEME_TGS] = { STMT_PD_V_THEME_TGS, ITEM_SCALAR }, [N_AREAS] = { STMT_PD_AREAS, ITEM_ROWS },
	[N_PARTNERS] = { STMT_PD_PARTNERS, ITEM_ROWS }, [N_GOALS] = { STMT_PD_GOALS, ITEM_ROWS },
	[N_G_THEMES] = { STMT_PD_V_GOAL_THEME_REFS, ITEM_REF },
	[N_G_RESULTS] = { STMT_PD_V_GOAL_RESULTS, ITEM_OBJECT },
	[N_G_INDICATORS] = { STMT_PD_V_GOAL_INDICATORS, ITEM_OBJECT },
	[N_G_TARGETS] = { STMT_PD_V_GOAL_TARGETS, ITEM_OBJECT }, [N_EXT] = { STMT_PD_EXT_INDICATORS, ITEM_ROWS },
	[N_EXT_TARGETS] = { STMT_PD_V_EXT_TARGETS, ITEM_OBJECT },
	[N_MEASURES] = { STMT_PD_MEASURES, ITEM_ROWS },
	[N_M_THEMES] = { STMT_PD_V_MEASURE_THEMES, ITEM_SCALAR },
	[N_M_AREAS] = { STMT_PD_V_MEASURE_AREAS, ITEM_SCALAR },
	[N_M_GOALS] = { STMT_PD_V_MEASURE_GOALS, ITEM_SCALAR },
	[N_M_TGS] = { STMT_PD_V_MEASURE_TGS, ITEM_SCALAR },
	[N_M_PARTNERS] = { STMT_PD_V_MEASURE_PARTNERS, ITEM_OBJECT },
	[N_ACTIVITIES] = { STMT_PD_ACTIVITIES, ITEM_ROWS },
	[N_A_THEMES] = { STMT_PD_V_ACTIVITY_THEME_REFS, ITEM_REF },
	[N_A_MEASURES] = { STMT_PD_V_ACTIVITY_MEASURE_REFS, ITEM_REF },
	[N_A_DISTRICTS] = { STMT_PD_V_ACTIVITY_DISTRICTS, ITEM_SCALAR },
	[N_A_PARTNERS] = { STMT_PD_V_ACTIVITY_PARTNERS, ITEM_OBJECT },
};

/* A document being loaded. */
struct ld {
	struct arena *a;
	struct part p[N_N];
	struct pval doc;
};

/* read: runs the statements [from, to) for version pv */
static int read_parts(struct store *st, struct ld *d, int64_t pv, int from, int to, struct err *e)
{
	static const char *const goal_slots[] = { "parent", "theme", NULL };
	static const char *const activity_slots[] = { "goal", "theme", "goal", "measure", NULL };
	struct store_q q[STORE_QUERY_MAX];
	struct sval arg = SVI(pv);

	for (int i = from; i < to; i++) {
		struct part *x = &d->p[i];

		memset(x, 0, sizeof(*x));
		x->a = d->a;
		x->mode = pn_stmt[i].mode;
		x->pv = pv;
		x->arr.t = PVAL_ARR;
		x->slots = i == N_GOALS ? goal_slots : i == N_ACTIVITIES ? activity_slots : NULL;
		q[i - from] = (struct store_q){ pn_stmt[i].s, &arg, 1, part_cb, x };
	}
	return store_query_many(st, q, to - from, e);
}

/* owners: pointers to the objects part i read (ITEM_ROWS) */
static struct pval **owners(struct ld *d, int i, int *n)
{
	return ptrs(d->a, &d->p[i].arr, n);
}

/* goal_indicators: pointers to the indicators of all the goals g[0..ng), in order */
static struct pval **goal_indicators(struct arena *a, struct pval *const *g, int ng, int *n)
{
	struct pval **all = NULL;
	int cap = 0;

	*n = 0;
	for (int i = 0; i < ng; i++) {
		const struct pval *inds = pval_get(g[i], "indicators");

		for (int k = 0; inds && inds->t == PVAL_ARR && k < inds->n; k++) {
			all = arena_grow(a, all, *n, &cap, sizeof(*all), 16);
			all[(*n)++] = &inds->u.a[k];
		}
	}
	return all;
}

/* the goals with their theme, results, indicators and targets; the external indicators */
static void build_goals(struct ld *d)
{
	struct pval **g, **ind, **ext;
	int ng, nind, next;

	g = owners(d, N_GOALS, &ng);
	attach(d->a, g, ng, "theme", &d->p[N_G_THEMES]);
	attach(d->a, g, ng, "results", &d->p[N_G_RESULTS]);
	attach(d->a, g, ng, "indicators", &d->p[N_G_INDICATORS]);
	ind = goal_indicators(d->a, g, ng, &nind);
	attach(d->a, ind, nind, "targets", &d->p[N_G_TARGETS]);
	drop_all(ind, nind);
	drop_all(g, ng);
	ext = owners(d, N_EXT, &next);
	attach(d->a, ext, next, "targets", &d->p[N_EXT_TARGETS]);
	drop_all(ext, next);
}

static void build_lists(struct ld *d)
{
	struct pval **o;
	int n;

	o = owners(d, N_THEMES, &n);
	attach(d->a, o, n, "aliases", &d->p[N_THEME_ALIASES]);
	attach(d->a, o, n, "target_groups", &d->p[N_THEME_TGS]);
	drop_all(o, n);
	build_goals(d);
	/* goals: the LUP goals the measure serves (0018), in the document after the areas */
	o = owners(d, N_MEASURES, &n);
	attach(d->a, o, n, "themes", &d->p[N_M_THEMES]);
	attach(d->a, o, n, "areas", &d->p[N_M_AREAS]);
	attach(d->a, o, n, "goals", &d->p[N_M_GOALS]);
	attach(d->a, o, n, "target_groups", &d->p[N_M_TGS]);
	attach(d->a, o, n, "partners", &d->p[N_M_PARTNERS]);
	drop_all(o, n);
	o = owners(d, N_ACTIVITIES, &n);
	attach(d->a, o, n, "theme", &d->p[N_A_THEMES]);
	attach(d->a, o, n, "measure", &d->p[N_A_MEASURES]);
	attach(d->a, o, n, "districts", &d->p[N_A_DISTRICTS]);
	attach(d->a, o, n, "partners", &d->p[N_A_PARTNERS]);
	drop_all(o, n);
}

/* version: the version row with its decision's four columns as one object at its end */
static struct pval version(struct ld *d)
{
	static const char *const cols[] = { "decision_body", "decision_date", "decision_paragraph", "decision_dnr" };
	static const char *const keys[] = { "body", "date", "paragraph", "dnr" };
	struct pval v = d->p[N_VERSION].arr.u.a[0], dec = { PVAL_OBJ, 0, 0, 0, { 0 } };

	for (int k = 0; k < 4; k++) {
		const struct pval *x = pval_get(&v, cols[k]);

		if (!x) {
			dec = pval_null;	/* as json_pack of a missing member: no object */
			break;
		}
		pval_set(d->a, &dec, keys[k], *x);
	}
	for (int k = 0; k < 4; k++)
		pval_del(&v, cols[k]);
	pval_set(d->a, &v, "decision", dec);
	return v;
}

/* build: the document from the parts read */
static void build(struct ld *d)
{
	struct pval f = { PVAL_STR, 0, 0, sizeof(PLAN_DOC_FORMAT) - 1, { .s = PLAN_DOC_FORMAT } };
	struct pval fv = { PVAL_INT, 0, 0, 0, { .i = PLAN_DOC_VERSION } };
	struct pval plan = d->p[N_PLAN].arr.u.a[0];

	build_lists(d);
	drop_private(&plan);
	d->doc = (struct pval){ PVAL_OBJ, 0, 0, 0, { 0 } };
	pval_set(d->a, &d->doc, "format", f);
	pval_set(d->a, &d->doc, "format_version", fv);
	pval_set(d->a, &d->doc, "plan", plan);
	pval_set(d->a, &d->doc, "version", version(d));
	pval_set(d->a, &d->doc, "sections", d->p[N_SECTIONS].arr);
	pval_set(d->a, &d->doc, "themes", d->p[N_THEMES].arr);
	pval_set(d->a, &d->doc, "areas", d->p[N_AREAS].arr);
	pval_set(d->a, &d->doc, "partners", d->p[N_PARTNERS].arr);
	pval_set(d->a, &d->doc, "goals", d->p[N_GOALS].arr);
	pval_set(d->a, &d->doc, "indicators", d->p[N_EXT].arr);
	pval_set(d->a, &d->doc, "measures", d->p[N_MEASURES].arr);
	pval_set(d->a, &d->doc, "activities", d->p[N_ACTIVITIES].arr);
}

int plan_doc_val_load_id(struct store *st, int64_t pv, struct arena *a, struct pval *doc, struct err *e)
{
	struct ld *d = arena_alloc(a, sizeof(*d));
	int rc, own = store_begin_read(st, NULL) == LUP_OK;

	*doc = pval_null;
	d->a = a;
	if ((rc = read_parts(st, d, pv, 0, N_BATCH1, e)) == LUP_OK &&
	    (rc = read_parts(st, d, pv, N_BATCH1, N_N, e)) == LUP_OK &&
	    (!d->p[N_PLAN].arr.n || !d->p[N_VERSION].arr.n))
		rc = err_set(e, LUP_ENOTFOUND, "no plan version %lld", (long long)pv);
	if (own)
		store_rollback(st);
	if (rc != LUP_OK)
		return rc;
	build(d);
	*doc = d->doc;
	return LUP_OK;
}

int plan_doc_load_id(struct store *st, int64_t pv, json_t **doc, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct pval d;
	int rc;

	*doc = NULL;
	if ((rc = plan_doc_val_load_id(st, pv, &a, &d, e)) == LUP_OK && !(*doc = pval_json(&d)))
		rc = err_set(e, LUP_EDB, "out of memory");
	arena_release(&a);
	return rc;
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

int plan_doc_val_load(struct store *st, const char *plan_key, int version, struct arena *a, struct pval *doc,
		      struct err *e)
{
	int64_t pv;
	int rc;

	*doc = pval_null;
	if ((rc = plan_doc_pick(st, plan_key, version, &pv, e)) != LUP_OK)
		return rc;
	return plan_doc_val_load_id(st, pv, a, doc, e);
}
