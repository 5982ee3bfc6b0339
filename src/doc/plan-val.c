/* plan-val.c: JSON values in an arena (see plan-val.h). */
#include "doc/plan-val.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

const struct pval pval_null = { PVAL_NULL, 0, 0, 0, { 0 } };

const struct pval *pval_get(const struct pval *o, const char *k)
{
	if (!o || o->t != PVAL_OBJ)
		return NULL;
	for (int i = 0; i < o->n; i++)
		if (o->u.m[i].key[0] == k[0] && strcmp(o->u.m[i].key, k) == 0)
			return &o->u.m[i].v;
	return NULL;
}

struct pval *pval_set(struct arena *a, struct pval *o, const char *k, struct pval v)
{
	struct pval *old = (struct pval *)pval_get(o, k);

	if (old) {
		*old = v;
		return old;
	}
	if (o->n == o->cap)
		o->u.m = arena_grow(a, o->u.m, o->n, &o->cap, sizeof(*o->u.m), 8);
	o->u.m[o->n].key = k;
	o->u.m[o->n].v = v;
	return &o->u.m[o->n++].v;
}

void pval_del(struct pval *o, const char *k)
{
	for (int i = 0; o->t == PVAL_OBJ && i < o->n; i++)
		if (strcmp(o->u.m[i].key, k) == 0) {
			memmove(&o->u.m[i], &o->u.m[i + 1], (size_t)(o->n - i - 1) * sizeof(*o->u.m));
			o->n--;
			return;
		}
}

struct pval *pval_push(struct arena *a, struct pval *arr, struct pval v)
{
	if (arr->n == arr->cap)
		arr->u.a = arena_grow(a, arr->u.a, arr->n, &arr->cap, sizeof(*arr->u.a), 8);
	arr->u.a[arr->n] = v;
	return &arr->u.a[arr->n++];
}

/* obj_equal: the same members (by key), each equal, whatever their order */
static int obj_equal(const struct pval *x, const struct pval *y)
{
	for (int i = 0; i < x->n; i++) {
		const struct pval *w;

		/* the common case: the same key at the same place */
		if (strcmp(x->u.m[i].key, y->u.m[i].key) == 0)
			w = &y->u.m[i].v;
		else if (!(w = pval_get(y, x->u.m[i].key)))
			return 0;
		if (!pval_equal(&x->u.m[i].v, w))
			return 0;
	}
	return 1;
}

int pval_equal(const struct pval *x, const struct pval *y)
{
	if (x == y)
		return 1;
	if (x->t != y->t)
		return 0;
	switch (x->t) {
	case PVAL_INT:
		return x->u.i == y->u.i;
	case PVAL_REAL:
		return x->u.d == y->u.d;
	case PVAL_STR:
		return x->len == y->len && memcmp(x->u.s, y->u.s, x->len) == 0;
	case PVAL_ARR:
		if (x->n != y->n)
			return 0;
		for (int i = 0; i < x->n; i++)
			if (!pval_equal(&x->u.a[i], &y->u.a[i]))
				return 0;
		return 1;
	case PVAL_OBJ:
		return x->n == y->n && obj_equal(x, y);
	default:
		return 1;
	}
}

static json_t *to_json(const struct pval *v, int check);

/* container_json: the items or members of v added to c (a new array or object); NULL on failure */
static json_t *container_json(const struct pval *v, json_t *c, int check)
{
	for (int i = 0; c && i < v->n; i++) {
		json_t *x = to_json(v->t == PVAL_ARR ? &v->u.a[i] : &v->u.m[i].v, check);
		int rc = !x ? -1 : v->t == PVAL_ARR ? json_array_append_new(c, x)
						   : json_object_set_new(c, v->u.m[i].key, x);

		if (rc != 0) {
			json_decref(c);
			c = NULL;
		}
	}
	return c;
}

/* lossy_string: a string of the n bytes at s with U+FFFD for each byte that does not begin a
 * UTF-8 sequence (as render/json.c writes such text) */
static json_t *lossy_string(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	char *t = xmalloc(3 * n + 1);
	size_t k = 0;
	json_t *j;

	for (size_t i = 0, len; i < n; i += len) {
		if ((len = utf8_seq(p + i, n - i, NULL)) == 0) {
			memcpy(t + k, "\xef\xbf\xbd", 3);
			k += 3;
			len = 1;
			continue;
		}
		memcpy(t + k, s + i, len);
		k += len;
	}
	j = json_stringn(t, k);
	free(t);
	return j;
}

/* to_json: pval_json, a string that is not UTF-8 refused (check) or made so (lossy_string) */
static json_t *to_json(const struct pval *v, int check)
{
	switch (v->t) {
	case PVAL_FALSE:
		return json_false();
	case PVAL_TRUE:
		return json_true();
	case PVAL_INT:
		return json_integer((json_int_t)v->u.i);
	case PVAL_REAL:
		return json_real(v->u.d);
	case PVAL_STR:
		if (!check && !utf8_valid(v->u.s, v->len))
			return lossy_string(v->u.s, v->len);
		return json_stringn(v->u.s, v->len);
	case PVAL_ARR:
		return container_json(v, json_array(), check);
	case PVAL_OBJ:
		return container_json(v, json_object(), check);
	default:
		return json_null();
	}
}

json_t *pval_json(const struct pval *v)
{
	return to_json(v, 1);
}

json_t *pval_json_lossy(const struct pval *v)
{
	return to_json(v, 0);
}

struct pval pval_from_json(struct arena *a, const json_t *v)
{
	struct pval p = { PVAL_NULL, 0, 0, 0, { 0 } };
	const char *k;
	char *str;
	json_t *x;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_TRUE:
		p.t = PVAL_TRUE;
		break;
	case JSON_FALSE:
		p.t = PVAL_FALSE;
		break;
	case JSON_INTEGER:
		p.t = PVAL_INT;
		p.u.i = (int64_t)json_integer_value(v);
		break;
	case JSON_REAL:
		p.t = PVAL_REAL;
		p.u.d = json_real_value(v);
		break;
	case JSON_STRING:
		p.t = PVAL_STR;
		p.len = json_string_length(v);
		p.u.s = str = arena_alloc_raw(a, p.len + 1);
		memcpy(str, json_string_value(v), p.len);
		str[p.len] = '\0';
		break;
	case JSON_ARRAY:
		p.t = PVAL_ARR;
		p.cap = (int)json_array_size(v);
		p.u.a = p.cap ? arena_alloc_raw(a, (size_t)p.cap * sizeof(*p.u.a)) : NULL;
		json_array_foreach(v, i, x)
			p.u.a[p.n++] = pval_from_json(a, x);
		break;
	case JSON_OBJECT:
		p.t = PVAL_OBJ;
		p.cap = (int)json_object_size(v);
		p.u.m = p.cap ? arena_alloc_raw(a, (size_t)p.cap * sizeof(*p.u.m)) : NULL;
		json_object_foreach((json_t *)v, k, x) {
			p.u.m[p.n].key = arena_strdup(a, k);
			p.u.m[p.n++].v = pval_from_json(a, x);
		}
		break;
	default:
		break;
	}
	return p;
}
