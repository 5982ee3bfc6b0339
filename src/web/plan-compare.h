/* plan-compare.h: two versions of a plan and their diff (doc/plan-diff.h), as the diff's API
 * (api-plan-doc.c) and its page (page-plan-diff.c) load them, each version under the read rule
 * (pv_readable: public versions for everyone, a draft for those who may read it). */
#ifndef LUP_WEB_PLAN_COMPARE_H
#define LUP_WEB_PLAN_COMPARE_H

#include <jansson.h>

#include "web/plan-edit.h"

struct pv_compare {
	struct pv_head a, b;	/* the older (from) and the newer (to) version */
	json_t *diff;		/* plan_diff's object (owned) */
};

/* pv_plan_load: the plan key (STMT_PV_PLAN) into v (plan_id, plan, title, owner, owner_pair,
 * owner_name, district_key; no version). Answers 404 (JSON or, for a page, Swedish) when there is
 * none. Returns 0 or the status answered. */
int pv_plan_load(struct http_req *r, const char *key, struct pv_head *v);

/* pv_head_find: version number n (text) of plan key into *v; *found 0 when there is none or n
 * is not a number. Returns LUP_OK or a store error in r->err. */
int pv_head_find(struct http_req *r, const char *key, const char *n, struct pv_head *v, int *found);

/*
 * pv_compare_load: versions from and to (numbers as text) of plan key and the diff between
 * them into *c (pv_compare_free releases it). Answers (JSON, or a Swedish page for a page
 * route) 400 when from or to is missing or not a number, 404 when either is not a version the
 * caller may read, 500 on a store or diff error. Returns 0 or the status answered.
 */
int pv_compare_load(struct http_req *r, const char *key, const char *from, const char *to, struct pv_compare *c);

void pv_compare_free(struct pv_compare *c);

#endif
