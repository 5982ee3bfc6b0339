/* routes.h: the route table (data) and the one place where access is decided. */
#ifndef LUP_ROUTES_H
#define LUP_ROUTES_H

#include "web/http.h"

/* Who may call a route. Object-level rules (an editor writes only within its own
 * organisation) are checked by the handler with authz_org once it knows the object. */
enum access {
	ACC_PUBLIC,	/* anyone, also anonymous */
	ACC_INTERNAL,	/* any logged-in user (reader, editor, city, admin) */
	ACC_WRITE,	/* editor (own organisation, see authz_org), admin */
	ACC_CITY,	/* city, admin */
	ACC_ADMIN,	/* admin */
};

enum {
	R_BODY = 1,	/* the route takes a JSON body */
	R_CACHE = 2,	/* a GET view whose 200 answers may be cached (see cache.h); its scope is
			 * the city: any write drops it */
	R_FORM = 4,	/* an HTML form post: the body is application/x-www-form-urlencoded and the
			 * handler checks the CSRF token of its hidden field with auth_csrf_matches
			 * (instead of the X-CSRF-Token header the dispatcher checks for the API) */
	R_UPLOAD = 8,	/* an HTML form post that carries a document: the body is multipart/form-data
			 * of up to UPLOAD_MAX_BODY bytes for callers the access level admits, and the
			 * handler checks the CSRF token of its part "csrf" (upload.h) */
	R_LOGIN = 16,	/* a login: served without the caller's cookie or token (auth_identify
			 * ignores them, so neither a stale cookie's 401 nor a live cookie's CSRF demand
			 * stands in its way), and the session it starts replaces the cookie's */
	R_BODY_OPT = 32,	/* with R_BODY: the JSON body is optional; an empty one is accepted
			 * without a Content-Type (POST /api/v1/reports/{id}/approve) */
	R_KIND_QUERY = 64,	/* the route also takes the list filters of the entity kind its
				 * {kind} names (store/kinds.h; GET /api/v1/{kind}) */
	R_IF_MATCH = 128,	/* the write honours If-Match: 412 when the resource changed (the
				 * OpenAPI document lists 412 for it) */
	R_IF_MATCH_REQ = 256,	/* with R_IF_MATCH: If-Match is required, 428 without it */
	R_INVALID = 512,	/* a write without a body that still answers 422 naming a field (a
				 * state it refuses: POST /api/v1/reports/{id}/submit's unassessed goals) */
	R_CACHE_ORG = 1024,	/* with R_CACHE: the view shows one organisation's page or goal chain,
				 * the organisation its first path parameter names (id or key), so only
				 * writes that may change that organisation's goal chain drop it (the
				 * mapping: STMT_CACHE_TOUCHED) */
};

/* The type of a query parameter's value, checked before the handler runs (web/query.h). */
enum qtype {
	Q_STR,		/* any text (a key, a name: the handler resolves it) */
	Q_INT,		/* a whole number (optional sign) */
	Q_ID,		/* a positive whole number */
	Q_YEAR,		/* a year 1900-2999 */
	Q_NUM,		/* a number ("1,5" or "1.5") */
	Q_ENUM,		/* one of values */
	Q_FORMAT,	/* an export format of the route's download (web/download.h): the handler
			 * answers 406 for one it does not serve */
};

/* One query parameter a route takes: the route table's declarations are the only list of what
 * a route accepts (query_check answers 400 for anything else) and the OpenAPI document's. */
struct qparam {
	const char *name;
	enum qtype type;
	const char *values;	/* Q_ENUM: the allowed values, '|'-separated */
	int required;		/* 1: the handler answers 400 without it */
	const char *desc;	/* OpenAPI description */
};

struct route {
	unsigned methods;		/* HTTP_GET | ... */
	const char *pattern;		/* "/api/v1/goals/{id}"; {x} matches one segment */
	int (*handler)(struct http_req *r);
	enum access access;
	int flags;
	const char *tag;		/* OpenAPI tag */
	const char *summary;		/* OpenAPI summary */
	const char *body_schema;	/* OpenAPI schema name of the body, or NULL */
	const struct qparam *query;	/* the query parameters it takes ({NULL}-terminated), or
					 * NULL for none; API routes only (pages are not checked) */
	const char *reply_schema;	/* OpenAPI schema name of the 200/201 JSON answer, or NULL */
};

extern const struct route routes[];	/* terminated by a NULL pattern */

/* route_dispatch: finds the route for r (404, 405 with Allow), checks access (401, 403), the
 * CSRF token of cookie writes (403) and the body (415, 413), and runs the handler. Returns the
 * status. */
int route_dispatch(struct http_req *r);

/* route_find: the route that would serve r's method and path, or NULL (no side effects but
 * r->params). For the server, which must know the body limit before the body arrives. */
const struct route *route_find(struct http_req *r);

/* route_allows: 1 when r->user's role passes the route's access level, else 0 (answers
 * nothing). */
int route_allows(const struct http_req *r, const struct route *rt);

/* authz_org: may the caller write data owned by organisation org? admin always; an editor
 * when org is its organisation or that organisation's committee/administration pair.
 * Returns 0, or answers 403 and returns it. */
int authz_org(struct http_req *r, int64_t org);

/* role_name / role_parse: "admin", "city", "editor", "reader" (ROLE_ANON: "anonymous"). */
const char *role_name(enum role r);
enum role role_parse(const char *s);

#endif
