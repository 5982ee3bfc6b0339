/* query.h: a route's query parameters, as its entry in the route table declares them
 * (struct qparam, routes.h), checked in one place before the handler runs. */
#ifndef LUP_QUERY_H
#define LUP_QUERY_H

#include "web/routes.h"

struct kind;

#define QUERY_MAX 16	/* the most parameters one route takes (its own and its kind's) */

/* query_params: the query parameters route rt takes into out (at most QUERY_MAX): its own
 * declarations, then with R_KIND_QUERY the list filters of kind k (NULL: none). Returns their
 * number. */
int query_params(const struct route *rt, const struct kind *k, struct qparam out[QUERY_MAX]);

/* query_check: for an API request (not a page: pages keep ignoring what they do not know, such
 * as utm_* tracking parameters), checks r's query string against what rt takes: a parameter it
 * does not take, one given twice or a value of the wrong type (not a whole number, not a year,
 * not one of the allowed values) answers 400 with {"error": {"fields": [...]}} naming each
 * and, for unknown ones, the parameters the route takes. A route with R_KIND_QUERY whose
 * {kind} names no kind is left to its handler (404). Returns 0, or the status answered. */
int query_check(struct http_req *r, const struct route *rt);

/* query_utf8_check: checks that r's path and every name and value of its query string (as
 * decoded from %XX) are UTF-8 without NUL, before any route sees them: text that is not can
 * name nothing lup stores, and PostgreSQL refuses it as a bound value. Answers 400 (an API
 * error, or a Swedish page outside /api) when one is not. Returns 0, or the status answered. */
int query_utf8_check(struct http_req *r);

#endif
