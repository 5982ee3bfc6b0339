/* need-web.h: what the API (api-allocations.c) and the pages of resources versus need
 * (page-resources.c, page-org-resources.c) share: who may record an organisation's resources,
 * the view's year and organisation from the query, and the city's choice of need indicators. */
#ifndef LUP_WEB_NEED_WEB_H
#define LUP_WEB_NEED_WEB_H

#include <stdint.h>

#include "web/http.h"

struct api_violations;

#define NEED_PICK_MAX 64	/* need indicators the city may choose */

/* A chosen indicator as sent: its key or id, and its weight (> 0, at most 100). */
struct need_pick {
	const char *ref;
	double weight;
};

/*
 * need_web_may_record: may the caller record resources of organisation org? The organisation's
 * editors (it or its pair: authz_org), the city office and administrators. Returns 0, or answers
 * 401/403 (JSON or a Swedish page, as http_error does) and returns it.
 */
int need_web_may_record(struct http_req *r, int64_t org);

/*
 * need_web_params: the year (?year= or ?ar=; default: the current year, LUP_TODAY=YYYY-MM-DD
 * overriding today) and the organisation (?org= key; 0: none) of a view. Returns 0, or answers
 * 400 (a bad year) or 404 (an unknown organisation) and returns it.
 */
int need_web_params(struct http_req *r, int *year, int64_t *org);

/* An organisation of a page. */
struct need_org {
	int64_t id;
	const char *key, *name, *kind;
};

/*
 * need_web_org: the organisation of the route's key (r->params[0]: key, name or alias) into *o.
 * Returns 0, or answers the Swedish 404 page (or 500) and returns its status.
 */
int need_web_org(struct http_req *r, struct need_org *o);

/* need_web_year_now: the current year (LUP_TODAY=YYYY-MM-DD overrides the date). */
int need_web_year_now(void);

/*
 * need_web_set_indicators: replaces the city's need indicators with picks[0..n) (n 0: back to the
 * default) in one transaction with its audit entry (entity "need_indicators"). A pick naming no
 * public indicator or with a weight not in (0, 100] is added to v (field "indicators") and nothing
 * is written; sv (may be NULL; room for API_MAX_VIOLATIONS) gets each violation's Swedish
 * sentence for the form. Returns 0 (also with violations in v), or the status of a store error
 * answered.
 */
int need_web_set_indicators(struct http_req *r, const struct need_pick *picks, size_t n, struct api_violations *v,
			    const char **sv);

#endif
