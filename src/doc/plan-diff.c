/* plan-diff.c: the diff of two plan documents: things matched by identity, fields compared,
 * member lists compared as sets (or keyed by org), section bodies by paragraph (an LCS). */
#include "doc/plan-diff.h"

#include "core/hash.h"
#include "core/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a field of a thing is compared. */
enum fhow {
	F_SCALAR,	/* any JSON value, compared whole: before/after */
	F_TEXT,		/* a string (or null) compared by paragraph */
	F_SET,		/* an array compared as a multiset of whole values: added/removed members */
	F_KEYED,	/* an array of objects keyed by sub->id: added/removed/changed members */
	F_CHILD,	/* an array of things of kind sub, reported as changes of their own */
};

struct kspec;

struct fspec {
	const char *name;
	enum fhow how;
	const struct kspec *sub;	/* F_KEYED and F_CHILD */
};

/* A kind of thing in the document. */
struct kspec {
	const char *kind;	/* "theme"... */
	const char *array;	/* its array in the document or in its parent */
	const char *id;		/* the member holding its identity (string or integer) */
	const char *label;	/* the member that names it for people */
	const char *parent;	/* for a child kind: the key naming its parent in a change */
	int closed;		/* compare only the listed fields (else also any other member) */
	const struct fspec *fields;	/* terminated by {NULL} */
};

/* ---- the document's kinds ---------------------------------------------------------------- */

static const struct fspec f_mpartner[] = { { "role", F_SCALAR, NULL }, { "source", F_SCALAR, NULL }, { NULL, 0, NULL } };
/* a measure's partner is a registry organisation or a plan partner: its identity is the first of
 * "org" and "partner" that is not null (an id naming members separated by '|') */
static const struct kspec k_mpartner = { "partner", "partners", "org|partner", "org|partner", NULL, 0, f_mpartner };
static const struct fspec f_apartner[] = { { "role", F_SCALAR, NULL }, { NULL, 0, NULL } };
static const struct kspec k_apartner = { "partner", "partners", "org", "org", NULL, 0, f_apartner };

static const struct fspec f_plan[] = {
	{ "key", F_SCALAR, NULL }, { "kind", F_SCALAR, NULL }, { "owner", F_SCALAR, NULL },
	{ "district", F_SCALAR, NULL }, { "title", F_SCALAR, NULL }, { "year_from", F_SCALAR, NULL },
	{ "year_to", F_SCALAR, NULL }, { "source", F_SCALAR, NULL }, { NULL, 0, NULL } };
static const struct kspec k_plan = { "plan", "plan", NULL, "title", NULL, 0, f_plan };

/* number, status, decision and based_on are bookkeeping: not compared */
static const struct fspec f_version[] = { { "area_scope", F_SCALAR, NULL }, { "note", F_SCALAR, NULL }, { NULL, 0, NULL } };
static const struct kspec k_version = { "version", "version", NULL, NULL, NULL, 1, f_version };

static const struct fspec f_section[] = {
	{ "title", F_SCALAR, NULL }, { "body", F_TEXT, NULL }, { "source", F_SCALAR, NULL }, { NULL, 0, NULL } };
static const struct kspec k_section = { "section", "sections", "ord", "title", NULL, 0, f_section };

static const struct fspec f_theme[] = {
	{ "name", F_SCALAR, NULL }, { "description", F_SCALAR, NULL }, { "extra", F_SCALAR, NULL },
	{ "source", F_SCALAR, NULL }, { "aliases", F_SET, NULL }, { "target_groups", F_SET, NULL },
	{ NULL, 0, NULL } };
static const struct kspec k_theme = { "theme", "themes", "id", "name", NULL, 0, f_theme };

static const struct fspec f_area[] = { { "note", F_SCALAR, NULL }, { "source", F_SCALAR, NULL }, { NULL, 0, NULL } };
static const struct kspec k_area = { "area", "areas", "area", "area", NULL, 0, f_area };

static const struct fspec f_partner[] = {
	{ "org", F_SCALAR, NULL }, { "group", F_SCALAR, NULL }, { "label", F_SCALAR, NULL },
	{ "source", F_SCALAR, NULL }, { NULL, 0, NULL } };
static const struct kspec k_partner = { "partner", "partners", "id", "label", NULL, 0, f_partner };

static const struct fspec f_indicator[] = {
	{ "name", F_SCALAR, NULL }, { "unit", F_SCALAR, NULL }, { "direction", F_SCALAR, NULL },
	{ "periodicity", F_SCALAR, NULL }, { "source_kind", F_SCALAR, NULL },
	{ "kolada_kpi", F_SCALAR, NULL }, { "by_sex", F_SCALAR, NULL }, { "by_area", F_SCALAR, NULL },
	{ "source", F_SCALAR, NULL }, { "targets", F_SET, NULL }, { NULL, 0, NULL } };
static const struct kspec k_indicator = { "indicator", "indicators", "id", "name", "goal", 0, f_indicator };

static const struct fspec f_goal[] = {
	{ "level", F_SCALAR, NULL }, { "number", F_SCALAR, NULL }, { "title", F_SCALAR, NULL },
	{ "description", F_SCALAR, NULL }, { "year", F_SCALAR, NULL }, { "parent", F_SCALAR, NULL },
	{ "theme", F_SCALAR, NULL }, { "area", F_SCALAR, NULL }, { "sex", F_SCALAR, NULL },
	{ "horizon_year", F_SCALAR, NULL }, { "benchmark", F_SCALAR, NULL }, { "source", F_SCALAR, NULL },
	{ "results", F_SET, NULL }, { "indicators", F_CHILD, &k_indicator }, { NULL, 0, NULL } };
static const struct kspec k_goal = { "goal", "goals", "id", "title", NULL, 0, f_goal };

static const struct fspec f_measure[] = {
	{ "title", F_SCALAR, NULL }, { "description", F_SCALAR, NULL }, { "status", F_SCALAR, NULL },
	{ "start", F_SCALAR, NULL }, { "end", F_SCALAR, NULL }, { "source", F_SCALAR, NULL },
	{ "themes", F_SET, NULL }, { "areas", F_SET, NULL }, { "goals", F_SET, NULL },
	{ "target_groups", F_SET, NULL }, { "partners", F_KEYED, &k_mpartner }, { NULL, 0, NULL } };
static const struct kspec k_measure = { "measure", "measures", "id", "title", NULL, 0, f_measure };

static const struct fspec f_activity[] = {
	{ "owner", F_SCALAR, NULL }, { "title", F_SCALAR, NULL }, { "description", F_SCALAR, NULL },
	{ "start", F_SCALAR, NULL }, { "end", F_SCALAR, NULL }, { "status", F_SCALAR, NULL },
	{ "role", F_SCALAR, NULL }, { "goal", F_SCALAR, NULL }, { "theme", F_SCALAR, NULL },
	{ "measure", F_SCALAR, NULL }, { "source", F_SCALAR, NULL }, { "districts", F_SET, NULL },
	{ "partners", F_KEYED, &k_apartner }, { NULL, 0, NULL } };
static const struct kspec k_activity = { "activity", "activities", "id", "title", NULL, 0, f_activity };

/* The document's arrays in document order. */
static const struct kspec *const lists[] = {
	&k_section, &k_theme, &k_area, &k_partner, &k_goal, &k_measure, &k_activity,
};
#define NLISTS (sizeof(lists) / sizeof(lists[0]))

/* ---- helpers ----------------------------------------------------------------------------- */

/* A diff in progress. */
struct dctx {
	json_t *changes;	/* the list being built */
	const struct pval *ida;	/* identity of the parent (child kinds), else NULL */
	struct arena *a;	/* the diff's own (indexes) */
	struct err *e;
};

/* member k of o (o may be anything), null when absent: never NULL */
static const struct pval *member(const struct pval *o, const char *k)
{
	const struct pval *v = pval_get(o, k);

	return v ? v : &pval_null;
}

/* pick_named: member `names` of o, where names may list several members separated by '|': the
 * first of them that is not null (never NULL); *name (may be NULL) gets the member's name (the
 * last one listed when all are null) */
static const struct pval *pick_named(const struct pval *o, const char *names, char name[64])
{
	char one[64];

	while (strchr(names, '|')) {
		size_t n = (size_t)(strchr(names, '|') - names);
		const struct pval *v;

		snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), names);
		if ((v = member(o, one))->t != PVAL_NULL) {
			if (name)
				memcpy(name, one, sizeof one);
			return v;
		}
		names += n + 1;
	}
	if (name) {
		size_t n = strlen(names);

		n = n < 63 ? n : 63;
		memcpy(name, names, n);
		name[n] = '\0';
	}
	return member(o, names);
}

static const struct pval *pick(const struct pval *o, const char *names)
{
	return strchr(names, '|') ? pick_named(o, names, NULL) : member(o, names);
}

/* whether name is one of the members of names ("a|b") */
static int names_has(const char *names, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = names; p; p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL)
		if (strncmp(p, name, n) == 0 && (p[n] == '|' || p[n] == '\0'))
			return 1;
	return 0;
}

/* json_array_append_new that treats a NULL value (failed allocation) as a programming fault */
static void push(json_t *arr, json_t *v)
{
	if (!v || json_array_append_new(arr, v) != 0)
		abort();	/* jansson ran out of memory: the OOM policy is to abort */
}

static void set(json_t *o, const char *k, json_t *v)
{
	if (!v || json_object_set_new(o, k, v) != 0)
		abort();
}

/* jv: v as a new jansson value (never NULL: the OOM policy). A string that is not UTF-8 (which
 * the store should not hold; a parsed file cannot) gets U+FFFD (pval_json_lossy). */
static json_t *jv(const struct pval *v)
{
	json_t *j = pval_json_lossy(v);

	if (!j)
		abort();
	return j;
}

/* a canonical string of v, its JSON text (for messages and the text form): malloc'd */
static char *canon_json(const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);

	if (!s)
		abort();
	return s;
}

/* same: whether x and y have the same canonical text (the JSON text with sorted keys): as
 * pval_equal, but a real by its bits (-0.0 is not 0.0: their texts differ) */
static int same(const struct pval *x, const struct pval *y)
{
	if (x->t != y->t)
		return 0;
	switch (x->t) {
	case PVAL_INT:
		return x->u.i == y->u.i;
	case PVAL_REAL:
		return memcmp(&x->u.d, &y->u.d, sizeof(double)) == 0;
	case PVAL_STR:
		return x->len == y->len && memcmp(x->u.s, y->u.s, x->len) == 0;
	case PVAL_ARR:
		if (x->n != y->n)
			return 0;
		for (int i = 0; i < x->n; i++)
			if (!same(&x->u.a[i], &y->u.a[i]))
				return 0;
		return 1;
	case PVAL_OBJ:
		if (x->n != y->n)
			return 0;
		for (int i = 0; i < x->n; i++) {
			const struct pval *w = pval_get(y, x->u.m[i].key);

			if (!w || !same(&x->u.m[i].v, w))
				return 0;
		}
		return 1;
	default:
		return 1;
	}
}

/* hash: a hash of v that same() values share (an object's members in any order) */
static uint32_t hash(const struct pval *v)
{
	uint32_t h = (uint32_t)v->t * 0x9e3779b1u;

	switch (v->t) {
	case PVAL_INT:
	case PVAL_REAL:
		return h ^ hash_fnv1a((const char *)&v->u, sizeof(v->u.i));
	case PVAL_STR:
		return h ^ hash_fnv1a(v->u.s, v->len);
	case PVAL_ARR:
		for (int i = 0; i < v->n; i++)
			h = (h ^ hash(&v->u.a[i])) * 16777619u;
		return h;
	case PVAL_OBJ:
		for (int i = 0; i < v->n; i++)
			h += hash_fnv1a(v->u.m[i].key, strlen(v->u.m[i].key)) * (hash(&v->u.m[i].v) | 1u);
		return h;
	default:
		return h;
	}
}

/*
 * An index of values by same(): an open-addressing table of positions into vals. Used for the
 * things of a list by identity and for the members of a set.
 */
struct vindex {
	const struct pval **vals;	/* n values */
	uint32_t *hv;			/* their hashes */
	int *slot;			/* mask + 1 slots: a position, or -1 */
	unsigned char *used;		/* per position (sets: taken away) */
	int n;
	uint32_t mask;
};

static void vindex_init(struct arena *a, struct vindex *x, int n)
{
	uint32_t size = 8;

	while (size < 2u * (uint32_t)n)
		size *= 2;
	x->vals = arena_alloc_raw(a, (size_t)(n + 1) * sizeof(*x->vals));
	x->hv = arena_alloc_raw(a, (size_t)(n + 1) * sizeof(*x->hv));
	x->used = arena_alloc(a, (size_t)n + 1);
	x->slot = arena_alloc_raw(a, size * sizeof(*x->slot));
	memset(x->slot, 0xff, size * sizeof(*x->slot));
	x->mask = size - 1;
	x->n = 0;
}

/* vindex_find: the first position whose value is same() as v and (when unused) not used; -1 */
static int vindex_find(const struct vindex *x, const struct pval *v, uint32_t h, int unused)
{
	for (uint32_t s = h & x->mask;; s = (s + 1) & x->mask) {
		int p = x->slot[s];

		if (p < 0)
			return -1;
		if (x->hv[p] == h && (!unused || !x->used[p]) && same(x->vals[p], v))
			return p;
	}
}

/* vindex_add: adds v at the next position */
static void vindex_add(struct vindex *x, const struct pval *v, uint32_t h)
{
	uint32_t s = h & x->mask;

	while (x->slot[s] >= 0)
		s = (s + 1) & x->mask;
	x->vals[x->n] = v;
	x->hv[x->n] = h;
	x->slot[s] = x->n++;
}

static int size_of(const struct pval *arr)
{
	return arr && arr->t == PVAL_ARR ? arr->n : 0;
}

/* the array o[k]: *arr = it, or NULL when missing or null. Fails on another type. */
static int array_of(const struct pval *o, const char *k, const char *where, const struct pval **arr,
		    struct err *e)
{
	const struct pval *v = member(o, k);

	*arr = NULL;
	if (v->t == PVAL_NULL)
		return LUP_OK;
	if (v->t != PVAL_ARR)
		return err_set(e, LUP_EINVAL, "%s: '%s' is not an array", where, k);
	if (v->n > PLAN_DIFF_MAX_ITEMS)
		return err_set(e, LUP_ETOOBIG, "%s: '%s' has more than %d items", where, k, PLAN_DIFF_MAX_ITEMS);
	*arr = v;
	return LUP_OK;
}

static int index_list(struct arena *a, const struct pval *arr, const struct kspec *k, const char *where,
		      struct vindex *idx, struct err *e);

/* at_of: the place of thing i of the list at where, for messages */
static const char *at_of(char at[512], const char *where, int i)
{
	snprintf(at, 512, "%.400s[%d]", where, i);
	return at;
}

/* checks the members of thing el (thing i of the list at where) that the diff relies on,
 * recursively */
static int check_thing(struct arena *a, const struct pval *el, const struct kspec *k, const char *where, int i,
		       struct err *e)
{
	char at[512];

	for (const struct fspec *f = k->fields; f->name; f++) {
		const struct pval *arr, *v;
		struct vindex idx;
		char sub[512];
		int rc;

		if (f->how == F_SCALAR)
			continue;
		v = member(el, f->name);
		if (f->how == F_TEXT) {
			if (v->t != PVAL_NULL && v->t != PVAL_STR)
				return err_set(e, LUP_EINVAL, "%s: '%s' is not a string", at_of(at, where, i), f->name);
			continue;
		}
		if (v->t == PVAL_NULL || (v->t == PVAL_ARR && (f->how == F_SET || v->n == 0) && v->n <= PLAN_DIFF_MAX_ITEMS))
			continue;	/* nothing more to check: no message needed */
		if ((rc = array_of(el, f->name, at_of(at, where, i), &arr, e)) != LUP_OK)
			return rc;
		if (f->how == F_SET || !size_of(arr))
			continue;
		snprintf(sub, sizeof sub, "%.400s.%.60s", at, f->name);
		if ((rc = index_list(a, arr, f->sub, sub, &idx, e)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

/* an identity usable as a key: a non-empty string or an integer */
static int good_id(const struct pval *id)
{
	return (id->t == PVAL_STR && id->len > 0) || id->t == PVAL_INT;
}

/* index_fail: the error of thing i of arr (at where), which is not an object or lacks an id */
static int index_fail(const struct pval *el, const struct kspec *k, const char *at, const char *idname,
		      struct err *e)
{
	if (el->t != PVAL_OBJ)
		return err_set(e, LUP_EINVAL, "%s: not an object", at);
	return err_set(e, LUP_EINVAL, "%s: '%s' is missing or not a non-empty string or integer",
		       at, strchr(k->id, '|') ? k->id : idname);
}

/* index_dup: the error of a repeated identity id */
static int index_dup(const struct pval *id, const char *at, const char *idname, struct err *e)
{
	json_t *j = jv(id);
	char *key = canon_json(j);
	int rc = err_set(e, LUP_EINVAL, "%s: duplicate %s %.200s", at, idname, key);

	free(key);
	json_decref(j);
	return rc;
}

/*
 * index_list: checks the things in arr (NULL: none) and sets *idx to an index of their
 * identities by position. Fails on a thing that is not an object, lacks an identity or repeats
 * one.
 */
static int index_list(struct arena *a, const struct pval *arr, const struct kspec *k, const char *where,
		      struct vindex *idx, struct err *e)
{
	int n = size_of(arr), rc = LUP_OK;

	vindex_init(a, idx, n);
	for (int i = 0; i < n && rc == LUP_OK; i++) {
		const struct pval *el = &arr->u.a[i];
		char at[512], idname[64];
		const struct pval *id = pick_named(el, k->id, idname);
		uint32_t h;

		if (el->t != PVAL_OBJ || !good_id(id))
			return index_fail(el, k, at_of(at, where, i), idname, e);
		h = hash(id);
		if (vindex_find(idx, id, h, 0) >= 0)
			return index_dup(id, at_of(at, where, i), idname, e);
		vindex_add(idx, id, h);
		rc = check_thing(a, el, k, where, i, e);
	}
	return rc;
}

/* position of thing el's identity in idx, or -1 */
static int find(const struct vindex *idx, const struct pval *el, const struct kspec *k)
{
	const struct pval *id = pick(el, k->id);

	return vindex_find(idx, id, hash(id), 0);
}

/* ---- member lists ------------------------------------------------------------------------ */

/* the members of x (in order) left over after taking away those of y (same()): a new array */
static json_t *members_minus(struct arena *a, const struct pval *x, const struct pval *y)
{
	struct vindex left;
	json_t *out = json_array();

	if (!out)
		abort();
	if (!size_of(x))
		return out;
	vindex_init(a, &left, size_of(y));
	for (int i = 0; i < size_of(y); i++)
		vindex_add(&left, &y->u.a[i], hash(&y->u.a[i]));
	for (int i = 0; i < size_of(x); i++) {
		int p = vindex_find(&left, &x->u.a[i], hash(&x->u.a[i]), 1);

		if (p >= 0)
			left.used[p] = 1;
		else
			push(out, jv(&x->u.a[i]));
	}
	return out;
}

/* sets_equal: whether arrays (or nulls) x and y hold the same members in the same order */
static int sets_equal(const struct pval *x, const struct pval *y)
{
	if (size_of(x) != size_of(y))
		return 0;
	for (int i = 0; i < size_of(x); i++)
		if (!same(&x->u.a[i], &y->u.a[i]))
			return 0;
	return 1;
}

/* F_SET: {"field", "added", "removed"} when the member multisets differ, else NULL */
static json_t *set_diff(struct arena *a, const char *name, const struct pval *x, const struct pval *y)
{
	json_t *added, *removed, *f;

	if (sets_equal(x, y))
		return NULL;	/* the common case, without an index */
	added = members_minus(a, y, x);
	removed = members_minus(a, x, y);
	if (!json_array_size(added) && !json_array_size(removed)) {
		json_decref(added);
		json_decref(removed);
		return NULL;
	}
	if (!(f = json_object()))
		abort();
	set(f, "field", json_string(name));
	set(f, "added", added);
	set(f, "removed", removed);
	return f;
}

static int diff_fields(struct arena *ar, const struct pval *a, const struct pval *b, const struct kspec *k,
		       json_t *fields, struct err *e);

/* the things of arr (in order) whose identity idx lacks: a new array */
static json_t *things_minus(const struct pval *arr, const struct vindex *idx, const struct kspec *k)
{
	json_t *out = json_array();

	if (!out)
		abort();
	for (int i = 0; i < size_of(arr); i++)
		if (find(idx, &arr->u.a[i], k) < 0)
			push(out, jv(&arr->u.a[i]));
	return out;
}

/* keyed_changed: the "changed" list of keyed_diff: {id, fields} of each thing of b in a whose
 * fields differ */
static int keyed_changed(struct arena *ar, const struct pval *a, const struct pval *b, const struct vindex *ia,
			 const struct kspec *k, json_t *changed, struct err *e)
{
	for (int j = 0; j < size_of(b); j++) {
		const struct pval *eb = &b->u.a[j];
		int i = find(ia, eb, k), rc;
		json_t *ch, *fl;

		if (i < 0)
			continue;
		if (!(fl = json_array()))
			abort();
		if ((rc = diff_fields(ar, &a->u.a[i], eb, k, fl, e)) != LUP_OK) {
			json_decref(fl);
			return rc;
		}
		if (!json_array_size(fl)) {
			json_decref(fl);
			continue;
		}
		if (!(ch = json_object()))
			abort();
		set(ch, "id", jv(pick(eb, k->id)));
		set(ch, "fields", fl);
		push(changed, ch);
	}
	return LUP_OK;
}

/* F_KEYED: {"field", "added", "removed", "changed": [{id, fields}]} when they differ, else
 * *out = NULL. The lists were checked by check_thing. */
static int keyed_diff(struct arena *ar, const char *name, const struct pval *a, const struct pval *b,
		      const struct kspec *k, json_t **out, struct err *e)
{
	struct vindex ia, ib;
	json_t *changed, *added, *removed, *f;
	int rc;

	*out = NULL;
	if ((rc = index_list(ar, a, k, name, &ia, e)) != LUP_OK || (rc = index_list(ar, b, k, name, &ib, e)) != LUP_OK)
		return rc;
	if (!(changed = json_array()))
		abort();
	if ((rc = keyed_changed(ar, a, b, &ia, k, changed, e)) != LUP_OK) {
		json_decref(changed);
		return rc;
	}
	added = things_minus(b, &ia, k);
	removed = things_minus(a, &ib, k);
	if (json_array_size(added) || json_array_size(removed) || json_array_size(changed)) {
		if (!(f = json_object()))
			abort();
		set(f, "field", json_string(name));
		set(f, "added", json_incref(added));
		set(f, "removed", json_incref(removed));
		set(f, "changed", json_incref(changed));
		*out = f;
	}
	json_decref(added);
	json_decref(removed);
	json_decref(changed);
	return LUP_OK;
}

/* ---- paragraphs -------------------------------------------------------------------------- */

struct para {
	const char *p;
	size_t n;
	uint64_t h;
};

static int blank_line(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return 0;
	return 1;
}

/* splits s (n bytes) into paragraphs: runs of non-blank lines. Returns the count (*out is
 * malloc'd, NULL when none). */
static size_t split_paras(const char *s, size_t n, struct para **out)
{
	struct para *v = NULL;
	size_t cnt = 0, cap = 0, i = 0, start = 0;
	int in = 0;

	while (i <= n) {
		const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
		size_t end = nl ? (size_t)(nl - s) : n;	/* the line is s[i, end) */
		int blank = blank_line(s + i, end - i);

		if (!blank && !in) {
			start = i;
			in = 1;
		}
		if (in && (blank || !nl)) {
			size_t stop = blank ? (i > 0 ? i - 1 : 0) : end;	/* before the blank line's \n */

			if (cnt == cap)
				v = xrealloc(v, (cap = cap ? 2 * cap : 8) * sizeof *v);
			v[cnt].p = s + start;
			v[cnt].n = stop - start;
			v[cnt].h = 1469598103934665603ULL;
			for (size_t k = 0; k < v[cnt].n; k++)
				v[cnt].h = (v[cnt].h ^ (unsigned char)v[cnt].p[k]) * 1099511628211ULL;
			cnt++;
			in = 0;
		}
		if (!nl)
			break;
		i = end + 1;
	}
	*out = v;
	return cnt;
}

static int para_eq(const struct para *x, const struct para *y)
{
	return x->h == y->h && x->n == y->n && memcmp(x->p, y->p, x->n) == 0;
}

static void push_para(json_t *list, const char *op, const struct para *p)
{
	json_t *o = json_object();

	if (!o)
		abort();
	set(o, "op", json_string(op));
	set(o, "text", json_stringn(p->p, p->n));
	push(list, o);
}

/* The largest LCS table (cells) computed; beyond it the middle is shown as removed + added. */
#define LCS_MAX_CELLS ((size_t)4 << 20)

/* appends to list the edit script turning x[0, nx) into y[0, ny): an LCS, or when too large,
 * everything removed then everything added */
static void para_lcs(json_t *list, const struct para *x, size_t nx, const struct para *y, size_t ny)
{
	uint32_t *t;
	size_t i = 0, j = 0, w = ny + 1;

	if (nx == 0 || ny == 0 || (nx + 1) > LCS_MAX_CELLS / (ny + 1)) {
		for (; i < nx; i++)
			push_para(list, "removed", &x[i]);
		for (; j < ny; j++)
			push_para(list, "added", &y[j]);
		return;
	}
	/* t[i][j]: length of the LCS of x[i..] and y[j..] */
	t = xcalloc((nx + 1) * w, sizeof *t);
	for (size_t a = nx; a-- > 0;)
		for (size_t b = ny; b-- > 0;)
			t[a * w + b] = para_eq(&x[a], &y[b]) ? t[(a + 1) * w + b + 1] + 1
				: (t[(a + 1) * w + b] >= t[a * w + b + 1] ? t[(a + 1) * w + b] : t[a * w + b + 1]);
	while (i < nx && j < ny) {
		if (para_eq(&x[i], &y[j])) {
			push_para(list, "kept", &y[j]);
			i++, j++;
		} else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) {
			push_para(list, "removed", &x[i++]);
		} else {
			push_para(list, "added", &y[j++]);
		}
	}
	for (; i < nx; i++)
		push_para(list, "removed", &x[i]);
	for (; j < ny; j++)
		push_para(list, "added", &y[j]);
	free(t);
}

/* F_TEXT: {"field", "paragraphs": [{"op": kept|added|removed, "text"}]} (every paragraph of
 * both, in order) when the texts differ, else NULL. Both are strings or null (checked). */
static json_t *text_diff(const char *name, const struct pval *a, const struct pval *b, struct err *e, int *rc)
{
	struct para *x = NULL, *y = NULL;
	size_t nx = 0, ny = 0, pre = 0, suf = 0;
	json_t *f = NULL, *list;

	*rc = LUP_OK;
	if (pval_equal(a, b))
		return NULL;
	if (a->t == PVAL_STR)
		nx = split_paras(a->u.s, a->len, &x);
	if (b->t == PVAL_STR)
		ny = split_paras(b->u.s, b->len, &y);
	if (nx > PLAN_DIFF_MAX_ITEMS || ny > PLAN_DIFF_MAX_ITEMS) {
		*rc = err_set(e, LUP_ETOOBIG, "'%s' has more than %d paragraphs", name, PLAN_DIFF_MAX_ITEMS);
		goto done;
	}
	if (!(list = json_array()) || !(f = json_object()))
		abort();
	while (pre < nx && pre < ny && para_eq(&x[pre], &y[pre]))
		pre++;
	while (suf < nx - pre && suf < ny - pre && para_eq(&x[nx - 1 - suf], &y[ny - 1 - suf]))
		suf++;
	for (size_t i = 0; i < pre; i++)
		push_para(list, "kept", &y[i]);
	/* x or y is NULL when its side has no text: no offset on it then (undefined behaviour) */
	para_lcs(list, x ? x + pre : NULL, nx - pre - suf, y ? y + pre : NULL, ny - pre - suf);
	for (size_t i = ny - suf; i < ny; i++)
		push_para(list, "kept", &y[i]);
	set(f, "field", json_string(name));
	set(f, "paragraphs", list);
done:
	free(x);
	free(y);
	return f;
}

/* ---- things ------------------------------------------------------------------------------ */

static int listed(const struct kspec *k, const char *name)
{
	if (k->id && names_has(k->id, name))
		return 1;
	for (const struct fspec *f = k->fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return 1;
	return 0;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* appends {"field", "before", "after"} to fields when a.name and b.name differ */
static void scalar_diff(const char *name, const struct pval *a, const struct pval *b, json_t *fields)
{
	json_t *f;

	if (pval_equal(member(a, name), member(b, name)))
		return;
	if (!(f = json_object()))
		abort();
	set(f, "field", json_string(name));
	set(f, "before", jv(member(a, name)));
	set(f, "after", jv(member(b, name)));
	push(fields, f);
}

/* the members of a and b that k does not list, sorted, compared as scalars */
static void other_fields(struct arena *ar, const struct pval *a, const struct pval *b, const struct kspec *k,
			 json_t *fields)
{
	int na = a->t == PVAL_OBJ ? a->n : 0, nb = b->t == PVAL_OBJ ? b->n : 0;
	const char **names = arena_alloc_raw(ar, (size_t)(na + nb + 1) * sizeof *names);
	size_t n = 0;

	for (int i = 0; i < na; i++)
		if (!listed(k, a->u.m[i].key))
			names[n++] = a->u.m[i].key;
	for (int i = 0; i < nb; i++)
		if (!listed(k, b->u.m[i].key) && !pval_get(a, b->u.m[i].key))
			names[n++] = b->u.m[i].key;
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++)
		scalar_diff(names[i], a, b, fields);
}

/* appends to fields how thing a became thing b (their F_CHILD lists aside) */
static int diff_fields(struct arena *ar, const struct pval *a, const struct pval *b, const struct kspec *k,
		       json_t *fields, struct err *e)
{
	for (const struct fspec *f = k->fields; f->name; f++) {
		const struct pval *fa = member(a, f->name), *fb = member(b, f->name);
		json_t *d = NULL;
		int rc = LUP_OK;

		switch (f->how) {
		case F_SCALAR:
			scalar_diff(f->name, a, b, fields);
			break;
		case F_TEXT:
			d = text_diff(f->name, fa, fb, e, &rc);
			break;
		case F_SET:
			d = set_diff(ar, f->name, fa, fb);
			break;
		case F_KEYED:
			rc = keyed_diff(ar, f->name, fa->t == PVAL_ARR ? fa : NULL, fb->t == PVAL_ARR ? fb : NULL,
					f->sub, &d, e);
			break;
		case F_CHILD:
			break;
		}
		if (rc != LUP_OK)
			return rc;
		if (d)
			push(fields, d);
	}
	if (!k->closed)
		other_fields(ar, a, b, k, fields);
	return LUP_OK;
}

/* a new change {kind, op, id, name[, parent]} about thing el */
static json_t *change(const struct dctx *dc, const struct kspec *k, const char *op, const struct pval *el)
{
	json_t *c = json_object();

	if (!c)
		abort();
	set(c, "kind", json_string(k->kind));
	set(c, "op", json_string(op));
	if (k->parent)
		set(c, k->parent, jv(dc->ida));
	set(c, "id", k->id ? jv(pick(el, k->id)) : json_null());
	set(c, "name", k->label ? jv(pick(el, k->label)) : json_null());
	return c;
}

static void whole(struct dctx *dc, const struct kspec *k, const char *op, const struct pval *el)
{
	json_t *c = change(dc, k, op, el);

	set(c, "value", jv(el));
	push(dc->changes, c);
}

static int diff_list(struct dctx *dc, const struct pval *a, const struct pval *b, const struct kspec *k,
		     const char *wa, const char *wb);

/* diff_children: the changes of thing a's and thing b's F_CHILD lists (b's identity their
 * parent's) */
static int diff_children(struct dctx *dc, const struct pval *a, const struct pval *b, const struct kspec *k,
			 const char *wa, const char *wb)
{
	for (const struct fspec *f = k->fields; f->name; f++) {
		const struct pval *ca, *cb, *saved = dc->ida;
		char sa[512], sb[512];
		int rc;

		if (f->how != F_CHILD)
			continue;
		snprintf(sa, sizeof sa, "%.400s.%.60s", wa, f->name);
		snprintf(sb, sizeof sb, "%.400s.%.60s", wb, f->name);
		if ((rc = array_of(a, f->name, wa, &ca, dc->e)) != LUP_OK ||
		    (rc = array_of(b, f->name, wb, &cb, dc->e)) != LUP_OK)
			return rc;
		dc->ida = pick(b, k->id);
		rc = diff_list(dc, ca, cb, f->sub, sa, sb);
		dc->ida = saved;
		if (rc != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

/* reports how thing a became thing b: one "changed" change, then its children's changes */
static int diff_thing(struct dctx *dc, const struct pval *a, const struct pval *b, const struct kspec *k,
		      const char *wa, const char *wb)
{
	json_t *fields = json_array(), *c;
	int rc;

	if (!fields)
		abort();
	if ((rc = diff_fields(dc->a, a, b, k, fields, dc->e)) != LUP_OK) {
		json_decref(fields);
		return rc;
	}
	if (json_array_size(fields)) {
		c = change(dc, k, "changed", b);
		set(c, "fields", fields);
		push(dc->changes, c);
	} else {
		json_decref(fields);
	}
	return diff_children(dc, a, b, k, wa, wb);
}

/*
 * diff_list: reports the things of kind k added, removed and changed from list a to list b, in
 * b's order with each removed thing placed before the first thing that followed it in a.
 */
static int diff_list(struct dctx *dc, const struct pval *a, const struct pval *b, const struct kspec *k,
		     const char *wa, const char *wb)
{
	struct vindex ia, ib;
	int na = size_of(a), next = 0, rc;

	if ((rc = index_list(dc->a, a, k, wa, &ia, dc->e)) != LUP_OK ||
	    (rc = index_list(dc->a, b, k, wb, &ib, dc->e)) != LUP_OK)
		return rc;
	for (int j = 0; j < size_of(b) && rc == LUP_OK; j++) {
		const struct pval *eb = &b->u.a[j];
		int i = find(&ia, eb, k);
		char wi[512], wj[512];

		if (i < 0) {
			whole(dc, k, "added", eb);
			continue;
		}
		for (; next < i; next++)
			if (find(&ib, &a->u.a[next], k) < 0)
				whole(dc, k, "removed", &a->u.a[next]);
		if (next == i)
			next++;
		if (pval_equal(&a->u.a[i], eb))
			continue;	/* nothing changed, inside either */
		snprintf(wi, sizeof wi, "%.400s[%d]", wa, i);
		snprintf(wj, sizeof wj, "%.400s[%d]", wb, j);
		rc = diff_thing(dc, &a->u.a[i], eb, k, wi, wj);
	}
	for (; rc == LUP_OK && next < na; next++)
		if (find(&ib, &a->u.a[next], k) < 0)
			whole(dc, k, "removed", &a->u.a[next]);
	return rc;
}

/* ---- documents --------------------------------------------------------------------------- */

/* checks that d is a lup-plan document of format version 1 or 2 */
static int check_doc(const struct pval *d, const char *name, struct err *e)
{
	const struct pval *fv = member(d, "format_version"), *f = member(d, "format");

	if (d->t != PVAL_OBJ)
		return err_set(e, LUP_EINVAL, "document %s: not a JSON object", name);
	if (f->t != PVAL_STR || strcmp(f->u.s, "lup-plan") != 0)
		return err_set(e, LUP_EINVAL, "document %s: 'format' is not \"lup-plan\"", name);
	if (fv->t != PVAL_INT || fv->u.i < 1 || fv->u.i > 2)
		return err_set(e, LUP_EINVAL, "document %s: unsupported 'format_version' (this lup reads 1 and 2)", name);
	for (size_t i = 0; i < 2; i++) {
		const char *k = i ? "version" : "plan";
		const struct pval *v = member(d, k);

		if (v->t != PVAL_NULL && v->t != PVAL_OBJ)
			return err_set(e, LUP_EINVAL, "document %s: '%s' is not an object", name, k);
	}
	return LUP_OK;
}

/* {"version", "status", "decision", "based_on"} of document d's version */
static json_t *version_of(const struct pval *d)
{
	const struct pval *v = member(d, "version");
	json_t *o = json_object();

	if (!o)
		abort();
	set(o, "version", jv(member(v, "number")));
	set(o, "status", jv(member(v, "status")));
	set(o, "decision", jv(member(v, "decision")));
	set(o, "based_on", jv(member(v, "based_on")));
	return o;
}

/* the plan and version objects: one "changed" change each when their content differs */
static int diff_heads(struct dctx *dc, const struct pval *a, const struct pval *b)
{
	const struct kspec *heads[] = { &k_plan, &k_version };

	for (size_t i = 0; i < 2; i++) {
		const struct pval *ha = member(a, heads[i]->array), *hb = member(b, heads[i]->array);
		json_t *fields = json_array(), *c;
		int rc;

		if (!fields)
			abort();
		if ((rc = diff_fields(dc->a, ha, hb, heads[i], fields, dc->e)) != LUP_OK) {
			json_decref(fields);
			return rc;
		}
		if (!json_array_size(fields)) {
			json_decref(fields);
			continue;
		}
		c = change(dc, heads[i], "changed", hb);
		set(c, "id", jv(member(hb, heads[i] == &k_plan ? "key" : "number")));
		set(c, "fields", fields);
		push(dc->changes, c);
	}
	return LUP_OK;
}

/* targets_sex: gives every target of the indicators in list (an array of indicators) without a
 * "sex" the one format version 1 meant: "T", the total. */
static void targets_sex(struct arena *ar, const struct pval *list)
{
	static const struct pval total = { PVAL_STR, 0, 0, 1, { .s = "T" } };

	for (int i = 0; i < size_of(list); i++) {
		const struct pval *ts = member(&list->u.a[i], "targets");

		for (int j = 0; j < size_of(ts); j++)
			if (ts->u.a[j].t == PVAL_OBJ && !pval_get(&ts->u.a[j], "sex"))
				pval_set(ar, &ts->u.a[j], "sex", total);
	}
}

/* upgrade: d as format version 2 would write it when other is a version 2 document (a new
 * reference): a version 1 document's targets get "sex": "T"; otherwise d as it is (two
 * documents of one version are compared as they are). */
static void upgrade(struct arena *ar, struct pval *d, const struct pval *other)
{
	const struct pval *goals = member(d, "goals");

	if (member(d, "format_version")->u.i != 1 || member(other, "format_version")->u.i == 1)
		return;
	targets_sex(ar, member(d, "indicators"));
	for (int i = 0; i < size_of(goals); i++)
		targets_sex(ar, member(&goals->u.a[i], "indicators"));
}

static int plan_diff_docs(struct arena *ar, const struct pval *a, const struct pval *b, json_t **out,
			  struct err *e);

int plan_diff_val(struct pval *a, struct pval *b, json_t **out, struct err *e)
{
	struct arena ar = ARENA_INIT;
	int rc;

	*out = NULL;
	if ((rc = check_doc(a, "A", e)) != LUP_OK || (rc = check_doc(b, "B", e)) != LUP_OK)
		return rc;
	upgrade(&ar, a, b);
	upgrade(&ar, b, a);
	rc = plan_diff_docs(&ar, a, b, out, e);
	arena_release(&ar);
	return rc;
}

int plan_diff(const json_t *a, const json_t *b, json_t **out, struct err *e)
{
	struct arena ar = ARENA_INIT;
	struct pval pa = pval_from_json(&ar, a), pb = pval_from_json(&ar, b);
	int rc = plan_diff_val(&pa, &pb, out, e);

	arena_release(&ar);
	return rc;
}

/* plan_diff_docs: plan_diff of two checked documents of one format version. */
static int plan_diff_docs(struct arena *ar, const struct pval *a, const struct pval *b, json_t **out,
			  struct err *e)
{
	struct dctx dc = { NULL, NULL, ar, e };
	json_t *d = NULL;
	int rc;

	*out = NULL;
	if (!(dc.changes = json_array()))
		abort();
	if ((rc = diff_heads(&dc, a, b)) != LUP_OK)
		goto err;
	for (size_t i = 0; i < NLISTS; i++) {
		const struct pval *la, *lb;
		char wa[64], wb[64];

		snprintf(wa, sizeof wa, "document A: %s", lists[i]->array);
		snprintf(wb, sizeof wb, "document B: %s", lists[i]->array);
		if ((rc = array_of(a, lists[i]->array, "document A", &la, e)) != LUP_OK ||
		    (rc = array_of(b, lists[i]->array, "document B", &lb, e)) != LUP_OK ||
		    (rc = diff_list(&dc, la, lb, lists[i], wa, wb)) != LUP_OK)
			goto err;
	}
	if (!(d = json_object()))
		abort();
	set(d, "from", version_of(a));
	set(d, "to", version_of(b));
	set(d, "changes", dc.changes);
	*out = d;
	return LUP_OK;
err:
	json_decref(dc.changes);
	return rc;
}

/* ---- text -------------------------------------------------------------------------------- */

/* member k of o (o may be anything), null when absent: never NULL, borrowed */
static json_t *jmember(const json_t *o, const char *k)
{
	json_t *v = json_is_object(o) ? json_object_get(o, k) : NULL;

	return v ? v : json_null();
}

/* appends v for one line of text: a string quoted with its control characters escaped, a
 * number or other value in its JSON form */
static void text_value(struct buf *out, const json_t *v)
{
	const char *s;
	size_t n;

	if (!json_is_string(v)) {
		char *j = canon_json(v);

		buf_adds(out, j);
		free(j);
		return;
	}
	s = json_string_value(v);
	n = json_string_length(v);
	buf_addc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\')
			buf_addf(out, "\\%c", ch);
		else if (ch == '\n')
			buf_adds(out, "\\n");
		else if (ch < 0x20 || ch == 0x7f)
			buf_addf(out, "\\x%02x", ch);
		else
			buf_addc(out, (char)ch);
	}
	buf_addc(out, '"');
}

/* appends an identity: strings bare (they are keys), others in JSON form */
static void text_id(struct buf *out, const json_t *v)
{
	if (json_is_string(v) && !strpbrk(json_string_value(v), " \t\r\n\"\\"))
		buf_adds(out, json_string_value(v));
	else
		text_value(out, v);
}

/* "version 2 (decided; decision: kf 2024-05-02 § 12, dnr KS 2024/1)" */
static void text_version(struct buf *out, const json_t *v)
{
	const json_t *d = jmember(v, "decision");
	const char *parts[] = { "body", "date", "paragraph", "dnr" };
	int any = 0;

	buf_adds(out, "version ");
	text_value(out, jmember(v, "version"));
	buf_adds(out, " (");
	if (json_is_string(jmember(v, "status")))
		buf_adds(out, json_string_value(jmember(v, "status")));
	else
		text_value(out, jmember(v, "status"));
	for (size_t i = 0; i < 4; i++) {
		const json_t *p = jmember(d, parts[i]);

		if (json_is_null(p) || (json_is_string(p) && !json_string_length(p)))
			continue;
		buf_adds(out, any ? " " : "; decision: ");
		if (i == 2)
			buf_adds(out, "§ ");
		else if (i == 3)
			buf_adds(out, "dnr ");
		if (json_is_string(p))
			buf_adds(out, json_string_value(p));
		else
			text_value(out, p);
		any = 1;
	}
	buf_addc(out, ')');
}

/* counts the members of f[k] (an array) */
static size_t count(const json_t *f, const char *k)
{
	return json_is_array(jmember(f, k)) ? json_array_size(jmember(f, k)) : 0;
}

/* "name", "body (+1 -0 paragraphs)", "themes (+1 -1)", "partners (+1 -0 ~1)" */
static void text_field(struct buf *out, const json_t *f)
{
	const json_t *paras = jmember(f, "paragraphs");

	text_id(out, jmember(f, "field"));
	if (json_is_array(paras)) {
		size_t add = 0, rem = 0;

		for (size_t i = 0; i < json_array_size(paras); i++) {
			const char *op = json_string_value(jmember(json_array_get(paras, i), "op"));

			add += op && strcmp(op, "added") == 0;
			rem += op && strcmp(op, "removed") == 0;
		}
		buf_addf(out, " (+%zu -%zu paragraphs)", add, rem);
	} else if (json_is_array(jmember(f, "changed"))) {
		buf_addf(out, " (+%zu -%zu ~%zu)", count(f, "added"), count(f, "removed"), count(f, "changed"));
	} else if (json_is_array(jmember(f, "added"))) {
		buf_addf(out, " (+%zu -%zu)", count(f, "added"), count(f, "removed"));
	}
}

/* one change's line */
static void text_change(struct buf *out, const json_t *c)
{
	const char *op = json_string_value(jmember(c, "op")), *kind = json_string_value(jmember(c, "kind"));
	const json_t *fields = jmember(c, "fields"), *renamed = NULL;
	const char *label = NULL;

	for (size_t i = 0; i < NLISTS + 2; i++) {
		const struct kspec *k = i < NLISTS ? lists[i] : i == NLISTS ? &k_plan : &k_indicator;

		if (kind && strcmp(k->kind, kind) == 0)
			label = k->label;
	}
	buf_addc(out, !op ? '?' : strcmp(op, "added") == 0 ? '+' : strcmp(op, "removed") == 0 ? '-' : '~');
	buf_addf(out, " %s ", kind ? kind : "?");
	text_id(out, jmember(c, "id"));
	if (!json_is_null(jmember(c, "goal"))) {
		buf_adds(out, " (goal ");
		text_id(out, jmember(c, "goal"));
		buf_addc(out, ')');
	}
	for (size_t i = 0; label && i < json_array_size(fields); i++) {
		const char *name = json_string_value(jmember(json_array_get(fields, i), "field"));

		if (name && strcmp(name, label) == 0 && json_is_object(json_array_get(fields, i)) &&
		    json_object_get(json_array_get(fields, i), "before"))
			renamed = json_array_get(fields, i);
	}
	if (renamed) {
		buf_addc(out, ' ');
		text_value(out, jmember(renamed, "before"));
		buf_adds(out, " -> ");
		text_value(out, jmember(renamed, "after"));
	} else if (!json_is_null(jmember(c, "name"))) {
		buf_addc(out, ' ');
		text_value(out, jmember(c, "name"));
	}
	for (size_t i = 0; i < json_array_size(fields); i++) {
		buf_adds(out, i ? ", " : ": ");
		text_field(out, json_array_get(fields, i));
	}
	buf_addc(out, '\n');
}

int plan_diff_text(const json_t *diff, struct buf *out)
{
	const json_t *changes = jmember(diff, "changes");

	text_version(out, jmember(diff, "from"));
	buf_adds(out, " -> ");
	text_version(out, jmember(diff, "to"));
	buf_addc(out, '\n');
	if (!json_array_size(changes))
		buf_adds(out, "no changes\n");
	for (size_t i = 0; i < json_array_size(changes); i++)
		text_change(out, json_array_get(changes, i));
	return out->overflow ? LUP_ETOOBIG : LUP_OK;
}
