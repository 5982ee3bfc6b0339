/* plan-ref.h: a plan version named by the route's {key} and {n}, as the plan content's API
 * handlers and pages find it (no answer written: each answers in its own language). */
#ifndef LUP_PLAN_REF_H
#define LUP_PLAN_REF_H

#include <stdint.h>

#include "web/http.h"

struct plan_ref {
	int64_t version_id, plan_id, owner, owner_pair;
	long version;
	const char *key, *kind, *title, *status, *owner_name, *district;	/* district: NULL for a plan without */
};

/* plan_ref_load: version n (decimal text) of plan key into *p (strings in r's arena); *found 0
 * when there is no such plan or version (or n is not a number). Returns LUP_OK or a store error
 * in r->err. */
int plan_ref_load(struct http_req *r, const char *key, const char *n, struct plan_ref *p, int *found);

/* plan_ref_may_edit: may the caller edit the content of the plan's draft (an administrator, or an
 * editor of the owner organisation or its pair)? 1 or 0; the status is not looked at. */
int plan_ref_may_edit(const struct http_req *r, const struct plan_ref *p);

/* plan_ref_ord: text as a section number 1..7, else 0. */
int plan_ref_ord(const char *text);

#endif
