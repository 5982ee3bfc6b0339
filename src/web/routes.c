/* routes.c: dispatching a request to its route, and access control in one place. */
#include "web/routes.h"
#include "web/api.h"
#include "web/auth.h"
#include "web/cache.h"
#include "web/authz.h"
#include "web/page.h"
#include "web/query.h"
#include "web/server.h"
#include "store/store.h"

#include <microhttpd.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *role_name(enum role r)
{
	static const char *const names[ROLE__MAX] = { "anonymous", "reader", "editor", "city", "admin" };
	return (unsigned)r < ROLE__MAX ? names[r] : "anonymous";
}

enum role role_parse(const char *s)
{
	for (int i = ROLE_READER; i < ROLE__MAX; i++)
		if (s && strcmp(s, role_name((enum role)i)) == 0)
			return (enum role)i;
	return ROLE_ANON;
}

/* match: does path match pattern? On a match fills r->params with the captures (in the arena).
 * A literal segment is compared byte by byte as it is read, so a route that does not match
 * (nearly all of them, for any request) costs a few comparisons and nothing is allocated. */
static int match(struct http_req *r, const char *pattern, const char *path)
{
	const char *cap[HTTP_MAX_PARAMS];
	size_t caplen[HTTP_MAX_PARAMS];
	int np = 0;

	while (*pattern && *path) {
		if (*pattern != '/' || *path != '/')
			return 0;
		pattern++, path++;
		const char *pe = pattern;
		if (*pattern == '{')
			while (*pe && *pe != '/')
				pe++;
		if (pe - pattern > 2) {	/* a capture: {name} */
			size_t sl = 0;
			while (path[sl] && path[sl] != '/')
				sl++;
			if (sl == 0 || np >= HTTP_MAX_PARAMS)
				return 0;
			cap[np] = path;
			caplen[np++] = sl;
			path += sl;
			pattern = pe;
			continue;
		}
		while (*pattern && *pattern != '/' && *pattern == *path)
			pattern++, path++;
		if ((*pattern && *pattern != '/') || (*path && *path != '/'))
			return 0;
	}
	if (*pattern || *path)
		return 0;
	for (int i = 0; i < np; i++)
		r->params[i] = arena_strndup(&r->a, cap[i], caplen[i]);
	return 1;
}

/* page_refused: a page the caller may not see: anonymous GETs go to the login page (and come
 * back), everything else gets a 403 page in Swedish. */
static int page_refused(struct http_req *r)
{
	struct buf to;

	if (r->user.role == ROLE_ANON && (r->method & (HTTP_GET | HTTP_HEAD))) {
		buf_init(&to, 4096);
		buf_adds(&to, "/logga-in?till=");
		html_url_arg(&to, r->path);
		http_header(r, "Location", to.ptr);
		buf_release(&to);
		buf_reset(&r->out);
		r->ctype = "text/plain; charset=utf-8";
		buf_adds(&r->out, "Logga in för att se sidan.\n");
		r->status = 303;
		return 303;
	}
	return page_error(r, r->user.role == ROLE_ANON ? 401 : 403,
			  r->user.role == ROLE_ANON ? "Du behöver logga in för att göra detta." :
			  "Din roll eller organisation får inte göra detta.");
}

/* role_passes: may role call a route of access level acc? */
static int role_passes(enum role role, enum access acc)
{
	switch (acc) {
	case ACC_PUBLIC: return 1;
	case ACC_INTERNAL: return role >= ROLE_READER;
	case ACC_WRITE: return role == ROLE_EDITOR || role == ROLE_ADMIN;
	case ACC_CITY: return role == ROLE_CITY || role == ROLE_ADMIN;
	case ACC_ADMIN: return role == ROLE_ADMIN;
	default: return 0;
	}
}

int route_allows(const struct http_req *r, const struct route *rt)
{
	return role_passes(r->user.role, rt->access);
}

static int check_access(struct http_req *r, enum access acc)
{
	enum role role = r->user.role;

	if (role_passes(role, acc))
		return 0;
	if (http_is_page(r))
		return page_refused(r);
	if (role == ROLE_ANON) {
		http_header(r, "WWW-Authenticate", "Bearer realm=\"lup\"");
		return http_error(r, 401, "unauthenticated", "log in or give a bearer token");
	}
	return http_error(r, 403, "forbidden", "the role '%s' may not do this", role_name(role));
}

int authz_org(struct http_req *r, int64_t org)
{
	if (r->user.role == ROLE_ADMIN)
		return 0;
	if (r->user.role == ROLE_EDITOR && org &&
	    (org == r->user.org_id || (r->user.org_pair && org == r->user.org_pair)))
		return 0;
	if (r->user.role == ROLE_ANON) {
		http_header(r, "WWW-Authenticate", "Bearer realm=\"lup\"");
		return http_error(r, 401, "unauthenticated", "log in or give a bearer token");
	}
	return http_error(r, 403, "forbidden", "this belongs to another organisation");
}

static int check_body(struct http_req *r, const struct route *rt)
{
	const char *ct = http_header_in(r, "Content-Type");

	if (rt->flags & R_UPLOAD) {
		/* the handler words 413 and 415 itself, next to its form (upload_parse) */
		return 0;
	}
	if (r->body_too_big)
		return http_is_page(r) ? page_error(r, 413, "Formuläret är för stort.") :
		       http_error(r, 413, "too_large", "the body is larger than %zu bytes", HTTP_MAX_BODY);
	if (rt->flags & R_FORM) {
		if (!ct || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0)
			return page_error(r, 415, "Formuläret skickades i ett format som inte stöds.");
		return 0;
	}
	if ((rt->flags & R_BODY_OPT) && !r->body.len)
		return 0;
	if (!(rt->flags & R_BODY)) {
		if (r->body.len)
			return http_error(r, 400, "bad_request", "this route takes no body");
		return 0;
	}
	if (!ct || strncasecmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';'))
		return http_error(r, 415, "unsupported_media_type", "send the body as application/json");
	return 0;
}

static void allow_header(struct http_req *r, unsigned methods)
{
	char allow[96] = "";
	size_t n = 0;

	for (unsigned m = HTTP_GET; m <= HTTP_OPTIONS; m <<= 1)
		if (methods & m)
			n += (size_t)snprintf(allow + n, sizeof(allow) - n, "%s%s", n ? ", " : "",
					      http_method_name((enum http_method)m));
	http_header(r, "Allow", allow);
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
	struct buf *b = cls;

	(void)kind;
	buf_addf(b, "%c%s=%s", b->len && strchr(b->ptr, '?') ? '&' : '?', k, v ? v : "");
	return MHD_YES;
}

/* cache_scope: the organisation whose views rt's answer for r belongs to (R_CACHE_ORG: its
 * first path parameter), or 0: the city (any write changes it; also when the name is unknown). */
static int64_t cache_scope(struct http_req *r, const struct route *rt)
{
	struct sval k;
	int64_t org = 0;

	if (!(rt->flags & R_CACHE_ORG) || !r->params[0])
		return 0;
	k = SVS(r->params[0]);
	if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &k, 1, &org, &r->err) != LUP_OK)
		return 0;
	return org;
}

/* cache_key: the cache's key of r's answer into key (0), or -1 when it does not fit. JSON views
 * differ by what the caller may read (authz.h: the role and the organisation decide which
 * reports show), so they are kept per role and organisation; pages also show who is logged
 * in, so they are kept per user; anonymous callers share one entry. */
static int cache_key(struct http_req *r, struct buf *key)
{
	if (r->user.role == ROLE_ANON)
		buf_addf(key, "a%s", r->path);
	else if (http_is_page(r))
		buf_addf(key, "u%lld%s", (long long)r->user.id, r->path);
	else
		buf_addf(key, "r%d.%lld%s", (int)r->user.role, (long long)r->user.org_id, r->path);
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, key);
	return key->overflow ? -1 : 0;
}

/* body_etag: the ETag of the answer's body into tag: the one the handler set (an API view's
 * is of the same bytes) or else computed. */
static void body_etag(const struct http_req *r, char tag[40])
{
	for (int i = 0; i < r->nheaders; i++)
		if (strcmp(r->hname[i], "ETag") == 0 && strlen(r->hval[i]) < 40) {
			snprintf(tag, 40, "%s", r->hval[i]);
			return;
		}
	api_etag(r->out.ptr, tag);
}

/* cached: runs a cacheable GET view through the cache (cache.h); the answer says whether it
 * came from the cache in X-Lup-Cache: hit or miss. */
static int cached(struct http_req *r, const struct route *rt)
{
	struct buf key;
	char tag[40], ctype[CACHE_CTYPE];
	int64_t gen = 0;
	int rc, claimed = 0;

	if (server_conf.no_cache || r->method != HTTP_GET ||
	    store_query_id(r->st, STMT_DATA_GENERATION, NULL, 0, &gen, &r->err) != LUP_OK ||
	    cache_sync(r->st, gen, &r->err) != LUP_OK)
		return rt->handler(r);
	buf_init(&key, 8192);
	if (cache_key(r, &key)) {
		buf_release(&key);
		return rt->handler(r);
	}
	if (cache_get(key.ptr, &r->out, ctype, tag) ||
	    (!(claimed = cache_claim(key.ptr)) && cache_get(key.ptr, &r->out, ctype, tag))) {
		const char *inm = http_header_in(r, "If-None-Match");
		r->ctype = arena_strdup(&r->a, ctype);
		http_header(r, "ETag", tag);
		http_header(r, "X-Lup-Cache", "hit");
		r->status = inm && strcmp(inm, tag) == 0 ? 304 : 200;
		buf_release(&key);
		return r->status;
	}
	rc = rt->handler(r);
	if (rc == 200) {
		body_etag(r, tag);
		cache_put(key.ptr, gen, cache_scope(r, rt), r->user.role == ROLE_ANON, r->out.ptr, r->out.len,
			  r->ctype ? r->ctype : "application/json", tag);
	}
	if (claimed)
		cache_done(key.ptr);
	http_header(r, "X-Lup-Cache", "miss");
	buf_release(&key);
	return rc;
}

static const struct route *const tables[] = {
	page_routes_base, page_routes_commit, page_routes_city, page_routes_places, page_routes_follow, page_routes_forms, page_routes_import, page_routes_wheel, page_routes_need, page_routes_download, routes,
};

const struct route *route_find(struct http_req *r)
{
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		for (const struct route *rt = tables[t]; rt->pattern; rt++) {
			unsigned m = rt->methods | ((rt->methods & HTTP_GET) ? HTTP_HEAD : 0);
			if ((m & r->method) && match(r, rt->pattern, r->path))
				return rt;
		}
	return NULL;
}

int route_dispatch(struct http_req *r)
{
	unsigned allowed = 0;
	int rc, writes;

	if ((rc = query_utf8_check(r)) != 0)
		return rc;
	authz_viewer(&r->user, r->st);	/* the publication rule's viewer (authz.h) */
	for (size_t t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
	for (const struct route *rt = tables[t]; rt->pattern; rt++) {
		if (!match(r, rt->pattern, r->path))
			continue;
		unsigned m = rt->methods | ((rt->methods & HTTP_GET) ? HTTP_HEAD : 0);
		if (!(m & r->method)) {
			allowed |= m;
			continue;
		}
		writes = r->method & (HTTP_POST | HTTP_PUT | HTTP_PATCH | HTTP_DELETE);
		if ((rc = check_access(r, rt->access)) != 0 || (rc = check_body(r, rt)) != 0)
			return rc;
		if (writes && r->user.by_cookie && !(rt->flags & (R_FORM | R_UPLOAD)) && (rc = auth_check_csrf(r)) != 0)
			return rc;
		if ((rc = query_check(r, rt)) != 0)
			return rc;
		return (rt->flags & R_CACHE) ? cached(r, rt) : rt->handler(r);
	}
	if (allowed) {
		allow_header(r, allowed);
		return http_error(r, 405, "method_not_allowed", "%s is not allowed here",
				  http_method_name(r->method));
	}
	if (strncmp(r->path, "/api/", 5) != 0 && strcmp(r->path, "/api") != 0 && strcmp(r->path, "/healthz") != 0)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	return http_error(r, 404, "not_found", "no route for %s", r->path);
}
