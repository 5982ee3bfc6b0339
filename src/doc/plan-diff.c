/* plan-diff.c: the diff of two plan documents: things matched by identity, fields compared,
 * member lists compared as sets (or keyed by org), section bodies by paragraph (an LCS). */
#include "doc/plan-diff.h"

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
	const json_t *ida;	/* identity of the parent (child kinds), else NULL */
	struct err *e;
};

/* member k of o (o may be anything), null when absent: never NULL, borrowed */
static json_t *member(const json_t *o, const char *k)
{
	json_t *v = json_is_object(o) ? json_object_get(o, k) : NULL;

	return v ? v : json_null();
}

/* pick_named: member `names` of o, where names may list several members separated by '|': the
 * first of them that is not null (never NULL, borrowed); *name (may be NULL) gets the member's
 * name (the last one listed when all are null) */
static json_t *pick_named(const json_t *o, const char *names, char name[64])
{
	char one[64];

	while (strchr(names, '|')) {
		size_t n = (size_t)(strchr(names, '|') - names);
		json_t *v;

		snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), names);
		if (!json_is_null(v = member(o, one))) {
			if (name)
				memcpy(name, one, sizeof one);
			return v;
		}
		names += n + 1;
	}
	if (name)
		snprintf(name, 64, "%s", names);
	return member(o, names);
}

static json_t *pick(const json_t *o, const char *names)
{
	return pick_named(o, names, NULL);
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

/* a canonical string of v, its JSON text (for maps and messages): malloc'd, never NULL */
static char *canon(const json_t *v)
{
	char *s;

	/* the common case without the serializer: a string with nothing to escape */
	if (json_is_string(v) && !strpbrk(json_string_value(v), "\"\\\x01\x02\x03\x04\x05\x06\x07\x08"
					   "\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
					   "\x1b\x1c\x1d\x1e\x1f\x7f") &&
	    strlen(json_string_value(v)) == json_string_length(v)) {
		size_t n = json_string_length(v);

		s = xmalloc(n + 3);
		s[0] = '"';
		memcpy(s + 1, json_string_value(v), n);
		s[n + 1] = '"';
		s[n + 2] = '\0';
		return s;
	}
	if (!(s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY)))
		abort();
	return s;
}

/* the array o[k]: *arr = it, or NULL when missing or null. Fails on another type. */
static int array_of(const json_t *o, const char *k, const char *where, const json_t **arr, struct err *e)
{
	const json_t *v = member(o, k);

	*arr = NULL;
	if (json_is_null(v))
		return LUP_OK;
	if (!json_is_array(v))
		return err_set(e, LUP_EINVAL, "%s: '%s' is not an array", where, k);
	if (json_array_size(v) > PLAN_DIFF_MAX_ITEMS)
		return err_set(e, LUP_ETOOBIG, "%s: '%s' has more than %d items", where, k, PLAN_DIFF_MAX_ITEMS);
	*arr = v;
	return LUP_OK;
}

static size_t size_of(const json_t *arr)
{
	return arr ? json_array_size(arr) : 0;
}

static int index_list(const json_t *arr, const struct kspec *k, const char *where, json_t **idx, struct err *e);

/* checks the members of thing el (at where) that the diff relies on, recursively */
static int check_thing(const json_t *el, const struct kspec *k, const char *where, struct err *e)
{
	for (const struct fspec *f = k->fields; f->name; f++) {
		const json_t *arr;
		json_t *idx = NULL;
		char sub[512];
		int rc;

		if (f->how == F_SCALAR)
			continue;
		if (f->how == F_TEXT) {
			if (!json_is_null(member(el, f->name)) && !json_is_string(member(el, f->name)))
				return err_set(e, LUP_EINVAL, "%s: '%s' is not a string", where, f->name);
			continue;
		}
		if ((rc = array_of(el, f->name, where, &arr, e)) != LUP_OK)
			return rc;
		if (f->how == F_SET)
			continue;
		snprintf(sub, sizeof sub, "%.400s.%.60s", where, f->name);
		rc = index_list(arr, f->sub, sub, &idx, e);
		json_decref(idx);
		if (rc != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

/* an identity usable as a key: a non-empty string or an integer */
static int good_id(const json_t *id)
{
	return (json_is_string(id) && json_string_length(id) > 0) || json_is_integer(id);
}

/*
 * index_list: checks the things in arr (NULL: none) and sets *idx to a new object mapping the
 * canonical form of each one's identity to its position. Fails on a thing that is not an
 * object, lacks an identity or repeats one.
 */
static int index_list(const json_t *arr, const struct kspec *k, const char *where, json_t **idx, struct err *e)
{
	json_t *m = json_object();
	size_t n = size_of(arr);
	int rc = LUP_OK;

	if (!m)
		abort();
	for (size_t i = 0; i < n && rc == LUP_OK; i++) {
		const json_t *el = json_array_get(arr, i);
		char at[512], idname[64], *key;
		const json_t *id = pick_named(el, k->id, idname);

		snprintf(at, sizeof at, "%.400s[%zu]", where, i);
		if (!json_is_object(el)) {
			rc = err_set(e, LUP_EINVAL, "%s: not an object", at);
			break;
		}
		if (!good_id(id)) {
			rc = err_set(e, LUP_EINVAL, "%s: '%s' is missing or not a non-empty string or integer",
				     at, strchr(k->id, '|') ? k->id : idname);
			break;
		}
		key = canon(id);
		if (json_object_get(m, key))
			rc = err_set(e, LUP_EINVAL, "%s: duplicate %s %.200s", at, idname, key);
		else
			set(m, key, json_integer((json_int_t)i));
		free(key);
		if (rc == LUP_OK)
			rc = check_thing(el, k, at, e);
	}
	if (rc != LUP_OK) {
		json_decref(m);
		m = NULL;
	}
	*idx = m;
	return rc;
}

/* position of thing el's identity in idx, or -1 */
static long find(const json_t *idx, const json_t *el, const struct kspec *k)
{
	char *key = canon(pick(el, k->id));
	json_t *v = json_object_get(idx, key);

	free(key);
	return v ? (long)json_integer_value(v) : -1;
}

/* ---- member lists ------------------------------------------------------------------------ */

/* counts of the canonical forms of arr's members */
static json_t *count_members(const json_t *arr)
{
	json_t *m = json_object();

	if (!m)
		abort();
	for (size_t i = 0; i < size_of(arr); i++) {
		char *key = canon(json_array_get(arr, i));
		json_t *c = json_object_get(m, key);

		set(m, key, json_integer(c ? json_integer_value(c) + 1 : 1));
		free(key);
	}
	return m;
}

/* the members of x (in order) left over after taking away those of y: a new array */
static json_t *members_minus(const json_t *x, const json_t *y)
{
	json_t *left = count_members(y), *out = json_array();

	if (!out)
		abort();
	for (size_t i = 0; i < size_of(x); i++) {
		json_t *v = json_array_get(x, i);
		char *key = canon(v);
		json_t *c = json_object_get(left, key);

		if (c && json_integer_value(c) > 0)
			set(left, key, json_integer(json_integer_value(c) - 1));
		else
			push(out, json_incref(v));
		free(key);
	}
	json_decref(left);
	return out;
}

/* F_SET: {"field", "added", "removed"} when the member multisets differ, else NULL */
static json_t *set_diff(const char *name, const json_t *a, const json_t *b)
{
	json_t *added = members_minus(b, a), *removed = members_minus(a, b), *f;

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

static int diff_fields(const json_t *a, const json_t *b, const struct kspec *k, json_t *fields, struct err *e);

/* the things of arr (in order) whose identity idx lacks: a new array */
static json_t *things_minus(const json_t *arr, const json_t *idx, const struct kspec *k)
{
	json_t *out = json_array();

	if (!out)
		abort();
	for (size_t i = 0; i < size_of(arr); i++)
		if (find(idx, json_array_get(arr, i), k) < 0)
			push(out, json_incref(json_array_get(arr, i)));
	return out;
}

/* F_KEYED: {"field", "added", "removed", "changed": [{id, fields}]} when they differ, else
 * *out = NULL. The lists were checked by check_thing. */
static int keyed_diff(const char *name, const json_t *a, const json_t *b, const struct kspec *k,
		      json_t **out, struct err *e)
{
	json_t *ia = NULL, *ib = NULL, *changed = json_array(), *added = NULL, *removed = NULL, *f;
	int rc;

	*out = NULL;
	if (!changed)
		abort();
	if ((rc = index_list(a, k, name, &ia, e)) != LUP_OK || (rc = index_list(b, k, name, &ib, e)) != LUP_OK)
		goto done;
	for (size_t j = 0; j < size_of(b); j++) {
		const json_t *eb = json_array_get(b, j);
		long i = find(ia, eb, k);
		json_t *ch, *fl;

		if (i < 0)
			continue;
		if (!(fl = json_array()))
			abort();
		if ((rc = diff_fields(json_array_get(a, (size_t)i), eb, k, fl, e)) != LUP_OK) {
			json_decref(fl);
			goto done;
		}
		if (!json_array_size(fl)) {
			json_decref(fl);
			continue;
		}
		if (!(ch = json_object()))
			abort();
		set(ch, "id", json_incref(pick(eb, k->id)));
		set(ch, "fields", fl);
		push(changed, ch);
	}
	added = things_minus(b, ia, k);
	removed = things_minus(a, ib, k);
	if (json_array_size(added) || json_array_size(removed) || json_array_size(changed)) {
		if (!(f = json_object()))
			abort();
		set(f, "field", json_string(name));
		set(f, "added", json_incref(added));
		set(f, "removed", json_incref(removed));
		set(f, "changed", json_incref(changed));
		*out = f;
	}
done:
	json_decref(ia);
	json_decref(ib);
	json_decref(added);
	json_decref(removed);
	json_decref(changed);
	return rc;
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
static json_t *text_diff(const char *name, const json_t *a, const json_t *b, struct err *e, int *rc)
{
	struct para *x = NULL, *y = NULL;
	size_t nx = 0, ny = 0, pre = 0, suf = 0;
	json_t *f = NULL, *list;

	*rc = LUP_OK;
	if (json_equal(a, b))
		return NULL;
	if (json_is_string(a))
		nx = split_paras(json_string_value(a), json_string_length(a), &x);
	if (json_is_string(b))
		ny = split_paras(json_string_value(b), json_string_length(b), &y);
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
static void scalar_diff(const char *name, const json_t *a, const json_t *b, json_t *fields)
{
	json_t *f;

	if (json_equal(member(a, name), member(b, name)))
		return;
	if (!(f = json_object()))
		abort();
	set(f, "field", json_string(name));
	set(f, "before", json_incref(member(a, name)));
	set(f, "after", json_incref(member(b, name)));
	push(fields, f);
}

/* the members of a and b that k does not list, sorted, compared as scalars */
static void other_fields(const json_t *a, const json_t *b, const struct kspec *k, json_t *fields)
{
	const char **names = xmalloc((json_object_size(a) + json_object_size(b) + 1) * sizeof *names);
	size_t n = 0;
	const char *key;
	json_t *v;

	json_object_foreach((json_t *)a, key, v)
		if (!listed(k, key))
			names[n++] = key;
	json_object_foreach((json_t *)b, key, v)
		if (!listed(k, key) && !json_object_get(a, key))
			names[n++] = key;
	qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++)
		scalar_diff(names[i], a, b, fields);
	free(names);
}

/* appends to fields how thing a became thing b (their F_CHILD lists aside) */
static int diff_fields(const json_t *a, const json_t *b, const struct kspec *k, json_t *fields, struct err *e)
{
	for (const struct fspec *f = k->fields; f->name; f++) {
		json_t *d = NULL;
		int rc = LUP_OK;

		switch (f->how) {
		case F_SCALAR:
			scalar_diff(f->name, a, b, fields);
			break;
		case F_TEXT:
			d = text_diff(f->name, member(a, f->name), member(b, f->name), e, &rc);
			break;
		case F_SET:
			d = set_diff(f->name, member(a, f->name), member(b, f->name));
			break;
		case F_KEYED:
			rc = keyed_diff(f->name, json_is_array(member(a, f->name)) ? member(a, f->name) : NULL,
					json_is_array(member(b, f->name)) ? member(b, f->name) : NULL, f->sub, &d, e);
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
		other_fields(a, b, k, fields);
	return LUP_OK;
}

/* a new change {kind, op, id, name[, parent]} about thing el */
static json_t *change(const struct dctx *dc, const struct kspec *k, const char *op, const json_t *el)
{
	json_t *c = json_object();

	if (!c)
		abort();
	set(c, "kind", json_string(k->kind));
	set(c, "op", json_string(op));
	if (k->parent)
		set(c, k->parent, json_incref((json_t *)dc->ida));
	set(c, "id", json_incref(k->id ? pick(el, k->id) : json_null()));
	set(c, "name", json_incref(k->label ? pick(el, k->label) : json_null()));
	return c;
}

static void whole(struct dctx *dc, const struct kspec *k, const char *op, const json_t *el)
{
	json_t *c = change(dc, k, op, el);

	set(c, "value", json_incref((json_t *)el));
	push(dc->changes, c);
}

static int diff_list(struct dctx *dc, const json_t *a, const json_t *b, const struct kspec *k,
		     const char *wa, const char *wb);

/* reports how thing a became thing b: one "changed" change, then its children's changes */
static int diff_thing(struct dctx *dc, const json_t *a, const json_t *b, const struct kspec *k,
		      const char *wa, const char *wb)
{
	json_t *fields = json_array(), *c;
	int rc;

	if (!fields)
		abort();
	if ((rc = diff_fields(a, b, k, fields, dc->e)) != LUP_OK) {
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
	for (const struct fspec *f = k->fields; f->name; f++) {
		const json_t *ca, *cb, *saved = dc->ida;
		char sa[512], sb[512];

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

/*
 * diff_list: reports the things of kind k added, removed and changed from list a to list b, in
 * b's order with each removed thing placed before the first thing that followed it in a.
 */
static int diff_list(struct dctx *dc, const json_t *a, const json_t *b, const struct kspec *k,
		     const char *wa, const char *wb)
{
	json_t *ia = NULL, *ib = NULL;
	size_t na = size_of(a), next = 0;
	int rc;

	if ((rc = index_list(a, k, wa, &ia, dc->e)) != LUP_OK || (rc = index_list(b, k, wb, &ib, dc->e)) != LUP_OK)
		goto done;
	for (size_t j = 0; j < size_of(b) && rc == LUP_OK; j++) {
		const json_t *eb = json_array_get(b, j);
		long i = find(ia, eb, k);
		char wi[512], wj[512];

		if (i < 0) {
			whole(dc, k, "added", eb);
			continue;
		}
		for (; next < (size_t)i; next++)
			if (find(ib, json_array_get(a, next), k) < 0)
				whole(dc, k, "removed", json_array_get(a, next));
		if (next == (size_t)i)
			next++;
		if (json_equal(json_array_get(a, (size_t)i), eb))
			continue;	/* nothing changed, inside either */
		snprintf(wi, sizeof wi, "%.400s[%ld]", wa, i);
		snprintf(wj, sizeof wj, "%.400s[%zu]", wb, j);
		rc = diff_thing(dc, json_array_get(a, (size_t)i), eb, k, wi, wj);
	}
	for (; rc == LUP_OK && next < na; next++)
		if (find(ib, json_array_get(a, next), k) < 0)
			whole(dc, k, "removed", json_array_get(a, next));
done:
	json_decref(ia);
	json_decref(ib);
	return rc;
}

/* ---- documents --------------------------------------------------------------------------- */

/* checks that d is a lup-plan document of format version 1 or 2 */
static int check_doc(const json_t *d, const char *name, struct err *e)
{
	const json_t *fv = member(d, "format_version");

	if (!json_is_object(d))
		return err_set(e, LUP_EINVAL, "document %s: not a JSON object", name);
	if (!json_is_string(member(d, "format")) || strcmp(json_string_value(member(d, "format")), "lup-plan") != 0)
		return err_set(e, LUP_EINVAL, "document %s: 'format' is not \"lup-plan\"", name);
	if (!json_is_integer(fv) || json_integer_value(fv) < 1 || json_integer_value(fv) > 2)
		return err_set(e, LUP_EINVAL, "document %s: unsupported 'format_version' (this lup reads 1 and 2)", name);
	for (size_t i = 0; i < 2; i++) {
		const char *k = i ? "version" : "plan";

		if (!json_is_null(member(d, k)) && !json_is_object(member(d, k)))
			return err_set(e, LUP_EINVAL, "document %s: '%s' is not an object", name, k);
	}
	return LUP_OK;
}

/* {"version", "status", "decision", "based_on"} of document d's version */
static json_t *version_of(const json_t *d)
{
	const json_t *v = member(d, "version");
	json_t *o = json_object();

	if (!o)
		abort();
	set(o, "version", json_incref(member(v, "number")));
	set(o, "status", json_incref(member(v, "status")));
	set(o, "decision", json_incref(member(v, "decision")));
	set(o, "based_on", json_incref(member(v, "based_on")));
	return o;
}

/* the plan and version objects: one "changed" change each when their content differs */
static int diff_heads(struct dctx *dc, const json_t *a, const json_t *b)
{
	const struct kspec *heads[] = { &k_plan, &k_version };

	for (size_t i = 0; i < 2; i++) {
		const json_t *ha = member(a, heads[i]->array), *hb = member(b, heads[i]->array);
		json_t *fields = json_array(), *c;
		int rc;

		if (!fields)
			abort();
		if ((rc = diff_fields(ha, hb, heads[i], fields, dc->e)) != LUP_OK) {
			json_decref(fields);
			return rc;
		}
		if (!json_array_size(fields)) {
			json_decref(fields);
			continue;
		}
		c = change(dc, heads[i], "changed", hb);
		if (heads[i] == &k_plan)
			set(c, "id", json_incref(member(hb, "key")));
		else
			set(c, "id", json_incref(member(hb, "number")));
		set(c, "fields", fields);
		push(dc->changes, c);
	}
	return LUP_OK;
}

/* targets_sex: gives every target of the indicators in list (an array of indicators) without a
 * "sex" the one format version 1 meant: "T", the total. */
static void targets_sex(json_t *list)
{
	size_t i, j;
	json_t *x, *t;

	json_array_foreach(list, i, x) {
		json_array_foreach(json_object_get(x, "targets"), j, t) {
			if (json_is_object(t) && !json_object_get(t, "sex"))
				json_object_set_new(t, "sex", json_string("T"));
		}
	}
}

/* upgraded: d as format version 2 would write it when other is a version 2 document (a new
 * reference): a version 1 document's targets get "sex": "T"; otherwise d as it is (two
 * documents of one version are compared as they are). */
static json_t *upgraded(const json_t *d, const json_t *other)
{
	size_t i;
	json_t *c, *g;

	if (json_integer_value(member(d, "format_version")) != 1 ||
	    json_integer_value(member(other, "format_version")) == 1)
		return json_incref((json_t *)d);
	if (!(c = json_deep_copy(d)))
		abort();
	targets_sex(json_object_get(c, "indicators"));
	json_array_foreach(json_object_get(c, "goals"), i, g)
		targets_sex(json_object_get(g, "indicators"));
	return c;
}

static int plan_diff_docs(const json_t *a, const json_t *b, json_t **out, struct err *e);

int plan_diff(const json_t *a, const json_t *b, json_t **out, struct err *e)
{
	json_t *ua, *ub;
	int rc;

	*out = NULL;
	if ((rc = check_doc(a, "A", e)) != LUP_OK || (rc = check_doc(b, "B", e)) != LUP_OK)
		return rc;
	ua = upgraded(a, b);
	ub = upgraded(b, a);
	rc = plan_diff_docs(ua, ub, out, e);
	json_decref(ua);
	json_decref(ub);
	return rc;
}

/* plan_diff_docs: plan_diff of two checked documents of one format version. */
static int plan_diff_docs(const json_t *a, const json_t *b, json_t **out, struct err *e)
{
	struct dctx dc = { NULL, NULL, e };
	json_t *d = NULL;
	int rc;

	*out = NULL;
	if (!(dc.changes = json_array()))
		abort();
	if ((rc = diff_heads(&dc, a, b)) != LUP_OK)
		goto err;
	for (size_t i = 0; i < NLISTS; i++) {
		const json_t *la, *lb;
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

/* appends v for one line of text: a string quoted with its control characters escaped, a
 * number or other value in its JSON form */
static void text_value(struct buf *out, const json_t *v)
{
	const char *s;
	size_t n;

	if (!json_is_string(v)) {
		char *j = canon(v);

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
	const json_t *d = member(v, "decision");
	const char *parts[] = { "body", "date", "paragraph", "dnr" };
	int any = 0;

	buf_adds(out, "version ");
	text_value(out, member(v, "version"));
	buf_adds(out, " (");
	if (json_is_string(member(v, "status")))
		buf_adds(out, json_string_value(member(v, "status")));
	else
		text_value(out, member(v, "status"));
	for (size_t i = 0; i < 4; i++) {
		const json_t *p = member(d, parts[i]);

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
	return json_is_array(member(f, k)) ? json_array_size(member(f, k)) : 0;
}

/* "name", "body (+1 -0 paragraphs)", "themes (+1 -1)", "partners (+1 -0 ~1)" */
static void text_field(struct buf *out, const json_t *f)
{
	const json_t *paras = member(f, "paragraphs");

	text_id(out, member(f, "field"));
	if (json_is_array(paras)) {
		size_t add = 0, rem = 0;

		for (size_t i = 0; i < json_array_size(paras); i++) {
			const char *op = json_string_value(member(json_array_get(paras, i), "op"));

			add += op && strcmp(op, "added") == 0;
			rem += op && strcmp(op, "removed") == 0;
		}
		buf_addf(out, " (+%zu -%zu paragraphs)", add, rem);
	} else if (json_is_array(member(f, "changed"))) {
		buf_addf(out, " (+%zu -%zu ~%zu)", count(f, "added"), count(f, "removed"), count(f, "changed"));
	} else if (json_is_array(member(f, "added"))) {
		buf_addf(out, " (+%zu -%zu)", count(f, "added"), count(f, "removed"));
	}
}

/* one change's line */
static void text_change(struct buf *out, const json_t *c)
{
	const char *op = json_string_value(member(c, "op")), *kind = json_string_value(member(c, "kind"));
	const json_t *fields = member(c, "fields"), *renamed = NULL;
	const char *label = NULL;

	for (size_t i = 0; i < NLISTS + 2; i++) {
		const struct kspec *k = i < NLISTS ? lists[i] : i == NLISTS ? &k_plan : &k_indicator;

		if (kind && strcmp(k->kind, kind) == 0)
			label = k->label;
	}
	buf_addc(out, !op ? '?' : strcmp(op, "added") == 0 ? '+' : strcmp(op, "removed") == 0 ? '-' : '~');
	buf_addf(out, " %s ", kind ? kind : "?");
	text_id(out, member(c, "id"));
	if (!json_is_null(member(c, "goal"))) {
		buf_adds(out, " (goal ");
		text_id(out, member(c, "goal"));
		buf_addc(out, ')');
	}
	for (size_t i = 0; label && i < json_array_size(fields); i++) {
		const char *name = json_string_value(member(json_array_get(fields, i), "field"));

		if (name && strcmp(name, label) == 0 && json_is_object(json_array_get(fields, i)) &&
		    json_object_get(json_array_get(fields, i), "before"))
			renamed = json_array_get(fields, i);
	}
	if (renamed) {
		buf_addc(out, ' ');
		text_value(out, member(renamed, "before"));
		buf_adds(out, " -> ");
		text_value(out, member(renamed, "after"));
	} else if (!json_is_null(member(c, "name"))) {
		buf_addc(out, ' ');
		text_value(out, member(c, "name"));
	}
	for (size_t i = 0; i < json_array_size(fields); i++) {
		buf_adds(out, i ? ", " : ": ");
		text_field(out, json_array_get(fields, i));
	}
	buf_addc(out, '\n');
}

int plan_diff_text(const json_t *diff, struct buf *out)
{
	const json_t *changes = member(diff, "changes");

	text_version(out, member(diff, "from"));
	buf_adds(out, " -> ");
	text_version(out, member(diff, "to"));
	buf_addc(out, '\n');
	if (!json_array_size(changes))
		buf_adds(out, "no changes\n");
	for (size_t i = 0; i < json_array_size(changes); i++)
		text_change(out, json_array_get(changes, i));
	return out->overflow ? LUP_ETOOBIG : LUP_OK;
}
