/* plan-val.h: a JSON value in an arena (a plan document as view/plan.c loads it and the diff
 * reads it): objects keep their members in the order set, as jansson's do, without a hash table
 * or an allocation per value. Nothing is freed one by one: the arena holds it all. */
#ifndef LUP_DOC_PLAN_VAL_H
#define LUP_DOC_PLAN_VAL_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/arena.h"

enum pval_type { PVAL_NULL, PVAL_FALSE, PVAL_TRUE, PVAL_INT, PVAL_REAL, PVAL_STR, PVAL_ARR, PVAL_OBJ };

struct pval_mem;

struct pval {
	enum pval_type t;
	int n;		/* PVAL_ARR: items; PVAL_OBJ: members */
	int cap;	/* room in u.a or u.m */
	size_t len;	/* PVAL_STR: bytes (u.s is also NUL-terminated) */
	union {
		int64_t i;
		double d;
		const char *s;
		struct pval *a;		/* PVAL_ARR: n items */
		struct pval_mem *m;	/* PVAL_OBJ: n members in order */
	} u;
};

struct pval_mem {
	const char *key;
	struct pval v;
};

/* pval_null: a shared null value (never written). */
extern const struct pval pval_null;

/* pval_get: the member k of o, or NULL when o is not an object or has none. */
const struct pval *pval_get(const struct pval *o, const char *k);

/* pval_set: sets member k (a string that lives as long as the arena) of object o to v: in its
 * place when o has k, else appended (jansson's json_object_set keeps the place likewise).
 * Returns the member's value in o. */
struct pval *pval_set(struct arena *a, struct pval *o, const char *k, struct pval v);

/* pval_del: removes member k of object o (the others keep their order); none: no effect. */
void pval_del(struct pval *o, const char *k);

/* pval_push: appends v to array arr; returns the item in arr (valid until the next push). */
struct pval *pval_push(struct arena *a, struct pval *arr, struct pval v);

/* pval_equal: whether x and y are equal as jansson's json_equal says: same type (an integer is
 * never equal to a real), reals by ==, strings by bytes, arrays item by item, objects as sets
 * of members whatever their order. */
int pval_equal(const struct pval *x, const struct pval *y);

/* pval_json: a new jansson value equal to v, members in v's order; NULL when jansson refuses
 * it (a string that is not UTF-8) or runs out of memory. */
json_t *pval_json(const struct pval *v);

/* pval_json_lossy: pval_json with a string that is not UTF-8 (which the store should not hold)
 * given U+FFFD for each byte that does not begin a UTF-8 sequence, as lup's JSON writer writes
 * it: NULL only when out of memory. */
json_t *pval_json_lossy(const struct pval *v);

/* pval_from_json: v as a pval in a (strings copied). */
struct pval pval_from_json(struct arena *a, const json_t *v);

#endif
