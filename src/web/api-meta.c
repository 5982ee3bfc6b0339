/* api-meta.c: GET /healthz and GET /api/openapi.json (generated from the route table). */
#include "web/api.h"
#include "web/download.h"
#include "web/routes.h"
#include "web/openapi.h"
#include "web/query.h"
#include "core/buf.h"
#include "render/json.h"
#include "store/kinds.h"
#include "store/store.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int api_healthz(struct http_req *r)
{
	struct json *j = http_json_begin(r, 200);

	json_obj_open(j);
	json_key(j, "status"); json_str(j, "ok");
	store_read_last(r->st);	/* the schema version is its one read */
	json_key(j, "schema_version"); json_int(j, store_schema_version(r->st));
	json_key(j, "backend"); json_str(j, store_backend(r->st));
	json_obj_close(j);
	return http_json_end(r, j);
}

/* One operation of the document: a route and method; the generic {kind} routes give one per
 * kind, on the kind's own path (GET /api/v1/outcomes). */
struct op {
	char path[160];
	const struct route *rt;
	unsigned m;
	const struct kind *k;
};

#define MAX_OPS 512

/* path_params: the {names} of path, their starts and lengths. */
static int path_params(const char *path, const char *names[HTTP_MAX_PARAMS], size_t lens[HTTP_MAX_PARAMS])
{
	int n = 0;

	for (const char *p = strchr(path, '{'); p && n < HTTP_MAX_PARAMS; p = strchr(p + 1, '{')) {
		const char *e = strchr(p, '}');
		if (!e)
			break;
		names[n] = p + 1;
		lens[n++] = (size_t)(e - p - 1);
	}
	return n;
}

static void error_response(struct json *j, const char *status, const char *desc)
{
	json_key(j, status);
	json_obj_open(j);
	json_key(j, "description"); json_str(j, desc);
	json_key(j, "content"); json_obj_open(j);
	json_key(j, "application/json"); json_obj_open(j);
	json_key(j, "schema"); json_obj_open(j);
	json_key(j, "$ref"); json_str(j, "#/components/schemas/Error");
	json_obj_close(j); json_obj_close(j); json_obj_close(j);
	json_obj_close(j);
}

/* path_param_schema: a path parameter's schema: numbers for years, version numbers and
 * section numbers; text (an id or a key) else */
static void path_param_schema(struct json *j, const char *name, size_t len)
{
	static const char *const numeric[] = { "year", "n", "ord", NULL };
	int num = 0;

	for (int i = 0; numeric[i]; i++)
		num |= strlen(numeric[i]) == len && strncmp(name, numeric[i], len) == 0;
	json_key(j, "schema");
	json_obj_open(j);
	json_key(j, "type"); json_str(j, num ? "integer" : "string");
	json_obj_close(j);
}

/* format_enum: the export formats of the route's download (web/download.h) */
static void format_enum(struct json *j, const char *kind, const char *slug)
{
	json_key(j, "enum");
	json_arr_open(j);
	for (const struct export_row *x = export_rows; x->format && kind; x++)
		if (download_row_of(x, kind, slug))
			json_str(j, x->format);
	json_arr_close(j);
}

static void query_param(struct json *j, const struct qparam *q, const char *kind, const char *slug)
{
	json_obj_open(j);
	json_key(j, "name"); json_str(j, q->name);
	json_key(j, "in"); json_str(j, "query");
	json_key(j, "required"); json_bool(j, q->required);
	if (q->desc) {
		json_key(j, "description"); json_str(j, q->desc);
	}
	json_key(j, "schema");
	json_obj_open(j);
	switch (q->type) {
	case Q_INT: json_key(j, "type"); json_str(j, "integer"); break;
	case Q_ID:
		json_key(j, "type"); json_str(j, "integer");
		json_key(j, "minimum"); json_int(j, 1);
		break;
	case Q_YEAR:
		json_key(j, "type"); json_str(j, "integer");
		json_key(j, "minimum"); json_int(j, 1900);
		json_key(j, "maximum"); json_int(j, 2999);
		break;
	case Q_NUM: json_key(j, "type"); json_str(j, "number"); break;
	case Q_ENUM: {
		json_key(j, "type"); json_str(j, "string");
		json_key(j, "enum");
		json_arr_open(j);
		for (const char *p = q->values; p && *p;) {
			const char *e = strchr(p, '|');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			json_strn(j, p, n);
			p = e ? e + 1 : NULL;
		}
		json_arr_close(j);
		break;
	}
	case Q_FORMAT:
		json_key(j, "type"); json_str(j, "string");
		format_enum(j, kind, slug);
		break;
	case Q_STR:
	default:
		json_key(j, "type"); json_str(j, "string");
		break;
	}
	json_obj_close(j);
	json_obj_close(j);
}

/* seen_type: an earlier row of kind has format f's media type (pdf and pdfa share one) */
static int seen_type(const struct export_row *upto, const char *kind, const char *slug, const struct export_format *f)
{
	for (const struct export_row *x = export_rows; x != upto; x++) {
		const struct export_format *g = export_format(x->format);
		if (g && download_row_of(x, kind, slug) && !strcmp(g->ctype, f->ctype))
			return 1;
	}
	return 0;
}

/* export_content: the 200 answer's media types of kind's formats, each once; JSON is the
 * schema named json_schema */
static void export_content(struct json *j, const char *kind, const char *slug, const char *json_schema)
{
	for (const struct export_row *x = export_rows; x->format; x++) {
		const struct export_format *f = export_format(x->format);
		if (!download_row_of(x, kind, slug) || !f || seen_type(x, kind, slug, f))
			continue;
		size_t n = strcspn(f->ctype, ";");
		char type[128];
		snprintf(type, sizeof(type), "%.*s", (int)n, f->ctype);
		json_key(j, type); json_obj_open(j);
		json_key(j, "schema");
		if (!strcmp(x->format, "json") && json_schema) {
			oa_type_json(j, json_schema, strlen(json_schema));
		} else {
			json_obj_open(j);
			json_key(j, "type"); json_str(j, "string");
			json_key(j, "format"); json_str(j, "binary");
			json_obj_close(j);
		}
		json_obj_close(j);
	}
}

/* word: appends segment text (n bytes) to out in CamelCase ("goal-chain" -> "GoalChain"),
 * singular when one says so ("activities" -> "Activity") */
static void word(struct buf *out, const char *t, size_t n, int singular)
{
	if (singular && n > 3 && strncmp(t + n - 3, "ies", 3) == 0) {
		word(out, t, n - 3, 0);
		buf_adds(out, "y");
		return;
	}
	if (singular && n > 1 && t[n - 1] == 's')
		n--;
	for (size_t i = 0, up = 1; i < n; i++) {
		char c = t[i];
		if (c == '-' || c == '_' || c == '.') {
			up = 1;
			continue;
		}
		buf_addc(out, up && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c);
		up = 0;
	}
}

/* The operations whose name made of the method and the path would not say what they do: the
 * actions (a POST to a verb: "postReportSubmit" is submitReport) and the meta routes. */
static const struct { unsigned m; const char *path, *id; } named_ops[] = {
	{ HTTP_GET, "/api", "getApiIndex" },
	{ HTTP_GET, "/healthz", "getHealth" },
	{ HTTP_GET, "/api/openapi.json", "getOpenApiDocument" },
	{ HTTP_POST, "/api/v1/login", "logIn" },
	{ HTTP_POST, "/api/v1/logout", "logOut" },
	{ HTTP_POST, "/api/v1/users/{id}/disable", "disableUser" },
	{ HTTP_POST, "/api/v1/users/{id}/enable", "enableUser" },
	{ HTTP_POST, "/api/v1/me/password", "changeOwnPassword" },
	{ HTTP_POST, "/api/v1/plans/{key}/goal-order", "reorderPlanGoals" },
	{ HTTP_POST, "/api/v1/plans/{key}/rollover", "rollOverPlan" },
	{ HTTP_POST, "/api/v1/reports/{id}/submit", "submitReport" },
	{ HTTP_POST, "/api/v1/reports/{id}/approve", "approveReport" },
	{ HTTP_POST, "/api/v1/reports/{id}/return", "returnReport" },
	{ HTTP_POST, "/api/v1/reports/{id}/decision", "recordReportDecision" },
	{ HTTP_POST, "/api/v1/plans/{key}/versions/{n}/adopt", "adoptPlanVersion" },
	{ HTTP_POST, "/api/v1/plans/{key}/versions/{n}/themes/order", "reorderPlanVersionThemes" },
	{ HTTP_POST, "/api/v1/plans/{key}/versions/{n}/measures/order", "reorderPlanVersionMeasures" },
	{ HTTP_POST, "/api/v1/periods/{year}/{period}/reopen", "reopenPeriod" },
};

/* operation_id: a name for method m on path: named_ops' name, else a verb (get, create for a
 * POST to a collection, post, set for PUT, update for PATCH, delete) and the path's words, a
 * word before {param} singular: GET /api/v1/organisations/{id}/goal-chain is
 * getOrganisationGoalChain. */
static void operation_id(struct buf *out, unsigned m, const char *path)
{
	const char *p = path, *last = NULL;
	size_t lastn = 0;

	for (size_t i = 0; i < sizeof(named_ops) / sizeof(named_ops[0]); i++)
		if (named_ops[i].m == m && strcmp(named_ops[i].path, path) == 0) {
			buf_adds(out, named_ops[i].id);
			return;
		}

	if (strncmp(p, "/api/v1/", 8) == 0)
		p += 8;
	else if (p[0] == '/')
		p++;
	for (const char *s = p; *s;) {
		size_t n = strcspn(s, "/");
		if (s[0] != '{')
			last = s, lastn = n;
		s += n + (s[n] == '/');
	}
	int collection = last && !memchr(last, '.', lastn) && lastn > 1 && last[lastn - 1] == 's' &&
			 last[lastn] == '\0';
	switch (m) {
	case HTTP_GET: buf_adds(out, "get"); break;
	case HTTP_POST: buf_adds(out, collection ? "create" : "post"); break;
	case HTTP_PUT: buf_adds(out, "set"); break;
	case HTTP_PATCH: buf_adds(out, "update"); break;
	default: buf_adds(out, "delete"); break;
	}
	for (const char *s = p; *s;) {
		size_t n = strcspn(s, "/");
		const char *next = s + n + (s[n] == '/');
		if (s[0] != '{')
			word(out, s, n, next[0] == '{' || (m == HTTP_POST && collection && s == last));
		s = next;
	}
}

/* success: the route's answer as reply_schema says: "[STATUS[,STATUS] ]Name", "204", or a
 * media type ("text/calendar") */
static void success(struct json *j, const struct op *o, const char *kind, const char *slug)
{
	const char *rs = o->rt->reply_schema, *name;
	char schema[96] = "", statuses[32] = "200";
	const char *desc = "success";

	if (o->k) {	/* a generic {kind} route */
		snprintf(schema, sizeof(schema), "%c%s%s", o->k->singular[0] - 'a' + 'A', o->k->singular + 1,
			 strstr(o->rt->pattern, "{id}") ? "" : "List");
	} else if (rs) {
		name = rs;
		if (rs[0] >= '0' && rs[0] <= '9') {
			size_t n = strspn(rs, "0123456789,");
			snprintf(statuses, sizeof(statuses), "%.*s", (int)n, rs);
			name = rs + n + strspn(rs + n, " ");
		}
		snprintf(schema, sizeof(schema), "%s", name);
	}
	for (char *st = statuses; *st;) {
		char code[4];
		snprintf(code, sizeof(code), "%.3s", st);
		st += strlen(code) + (st[3] == ',');
		json_key(j, code);
		json_obj_open(j);
		json_key(j, "description");
		json_str(j, !strcmp(code, "201") ? "created" : !strcmp(code, "204") ? "done (no body)" : desc);
		if (strcmp(code, "204") != 0) {
			json_key(j, "content"); json_obj_open(j);
			if (kind) {
				export_content(j, kind, slug, schema[0] ? schema : NULL);
			} else if (strchr(schema, '/')) {
				json_key(j, schema); json_obj_open(j);
				json_key(j, "schema"); json_obj_open(j); json_key(j, "type"); json_str(j, "string"); json_obj_close(j);
				json_obj_close(j);
			} else {
				json_key(j, "application/json"); json_obj_open(j);
				json_key(j, "schema");
				if (schema[0]) {
					oa_type_json(j, schema, strlen(schema));
				} else {
					json_obj_open(j); json_key(j, "type"); json_str(j, "object"); json_obj_close(j);
				}
				json_obj_close(j);
			}
			json_obj_close(j);
		}
		json_obj_close(j);
	}
}

static void operation(struct json *j, const struct op *o)
{
	const struct route *rt = o->rt;
	const char *names[HTTP_MAX_PARAMS];
	size_t lens[HTTP_MAX_PARAMS];
	struct qparam qp[QUERY_MAX];
	int np = path_params(o->path, names, lens), nq = query_params(rt, o->k, qp);
	const char *slug = NULL, *kind = o->m == HTTP_GET ? download_kind(rt->handler, &slug) : NULL;
	char lower[16];
	struct buf id;

	snprintf(lower, sizeof(lower), "%s", http_method_name((enum http_method)o->m));
	for (char *p = lower; *p; p++)
		*p = (char)(*p - 'A' + 'a');
	buf_init(&id, 128);
	operation_id(&id, o->m, o->path);
	json_key(j, lower);
	json_obj_open(j);
	json_key(j, "operationId"); json_str(j, id.ptr);
	buf_release(&id);
	if (o->k) {
		char sum[256];
		if (strstr(rt->pattern, "{id}"))
			snprintf(sum, sizeof(sum), "one %s with its relations (id or key)", o->k->singular);
		else
			snprintf(sum, sizeof(sum), "list %s (filtered, paginated, sorted)", o->k->name);
		json_key(j, "summary"); json_str(j, sum);
	} else {
		json_key(j, "summary"); json_str(j, rt->summary);
	}
	json_key(j, "tags"); json_arr_open(j); json_str(j, rt->tag); json_arr_close(j);
	if (rt->access == ACC_PUBLIC) {
		json_key(j, "security"); json_arr_open(j);
		json_obj_open(j); json_obj_close(j);
		json_obj_open(j); json_key(j, "bearer"); json_arr_open(j); json_arr_close(j); json_obj_close(j);
		json_obj_open(j); json_key(j, "cookie"); json_arr_open(j); json_arr_close(j); json_obj_close(j);
		json_arr_close(j);
	}
	if (np || nq) {
		json_key(j, "parameters");
		json_arr_open(j);
		for (int i = 0; i < np; i++) {
			json_obj_open(j);
			json_key(j, "name"); json_strn(j, names[i], lens[i]);
			json_key(j, "in"); json_str(j, "path");
			json_key(j, "required"); json_bool(j, 1);
			path_param_schema(j, names[i], lens[i]);
			json_obj_close(j);
		}
		for (int i = 0; i < nq; i++)
			query_param(j, &qp[i], kind, slug);
		json_arr_close(j);
	}
	if (rt->flags & R_BODY) {
		json_key(j, "requestBody");
		json_obj_open(j);
		json_key(j, "required"); json_bool(j, !(rt->flags & R_BODY_OPT));
		json_key(j, "content"); json_obj_open(j);
		json_key(j, "application/json"); json_obj_open(j);
		json_key(j, "schema");
		if (rt->body_schema) {
			oa_type_json(j, rt->body_schema, strlen(rt->body_schema));
		} else {
			json_obj_open(j); json_key(j, "type"); json_str(j, "object"); json_obj_close(j);
		}
		json_obj_close(j); json_obj_close(j);
		json_obj_close(j);
	}
	json_key(j, "responses");
	json_obj_open(j);
	success(j, o, kind, slug);
	error_response(j, "400", "malformed request or query parameters");
	if (kind)
		error_response(j, "406", "no such format");
	if (rt->access != ACC_PUBLIC) {
		error_response(j, "401", "not logged in");
		error_response(j, "403", "not allowed for this role or organisation");
	}
	if (np)
		error_response(j, "404", "not found");
	if (o->m != HTTP_GET)
		error_response(j, "409", "in conflict with the data (the message says why)");
	if (rt->flags & R_IF_MATCH)
		error_response(j, "412", "If-Match names an ETag the resource no longer has");
	if (rt->flags & R_BODY) {
		error_response(j, "413", "body too large");
		error_response(j, "415", "not JSON");
	}
	if (rt->flags & (R_BODY | R_INVALID))
		error_response(j, "422", "invalid fields");
	if (rt->flags & R_IF_MATCH_REQ)
		error_response(j, "428", "If-Match is required");
	json_obj_close(j);
	json_obj_close(j);
}

/* collect: the document's operations, in the route table's order */
static int collect(struct op *ops, int max)
{
	int n = 0;

	for (const struct route *rt = routes; rt->pattern; rt++)
		for (unsigned m = HTTP_GET; m <= HTTP_DELETE; m <<= 1) {
			if (!(rt->methods & m))
				continue;
			const char *kp = strncmp(rt->pattern, "/api/v1/{kind}", 14) == 0 ? rt->pattern + 8 : NULL;
			for (int k = 0; k < (kp ? kind_count() : 1) && n < max; k++) {
				struct op *o = &ops[n];
				int dup = 0;
				o->rt = rt, o->m = m, o->k = kp ? kind_at(k) : NULL;
				if (kp)
					snprintf(o->path, sizeof(o->path), "%.*s%s%s", (int)(kp - rt->pattern), rt->pattern,
						 o->k->name, kp + 6);
				else
					snprintf(o->path, sizeof(o->path), "%s", rt->pattern);
				for (int i = 0; i < n; i++)	/* a specific route serves it first */
					dup |= ops[i].m == m && strcmp(ops[i].path, o->path) == 0;
				n += !dup;
			}
		}
	return n;
}

static void components(struct json *j)
{
	json_key(j, "components");
	json_obj_open(j);
	json_key(j, "securitySchemes");
	json_obj_open(j);
	json_key(j, "bearer"); json_obj_open(j);
	json_key(j, "type"); json_str(j, "http");
	json_key(j, "scheme"); json_str(j, "bearer");
	json_obj_close(j);
	json_key(j, "cookie"); json_obj_open(j);
	json_key(j, "type"); json_str(j, "apiKey");
	json_key(j, "in"); json_str(j, "cookie");
	json_key(j, "name"); json_str(j, "lup_session");
	json_obj_close(j);
	json_obj_close(j);
	json_key(j, "schemas");
	json_obj_open(j);
	for (const struct oa_schema *s = oa_schemas; s->name; s++) {
		json_key(j, s->name);
		oa_schema_json(j, s->def);
	}
	json_obj_close(j);
	json_obj_close(j);
}

/* openapi_write: the document into j (ops: scratch room for MAX_OPS operations). */
static void openapi_write(struct json *j, struct op *ops)
{
	int n = collect(ops, MAX_OPS);

	json_obj_open(j);
	json_key(j, "openapi"); json_str(j, "3.1.0");
	json_key(j, "info"); json_obj_open(j);
	json_key(j, "title"); json_str(j, "lup API");
	json_key(j, "version"); json_str(j, "1");
	json_key(j, "description"); json_str(j, "Plans, goals, indicators, outcomes and follow-up of Stockholm's local development programmes.");
	json_key(j, "license"); json_obj_open(j);
	json_key(j, "name"); json_str(j, "MIT");
	json_key(j, "identifier"); json_str(j, "MIT");
	json_obj_close(j);
	json_obj_close(j);
	json_key(j, "servers"); json_arr_open(j);
	json_obj_open(j); json_key(j, "url"); json_str(j, "http://127.0.0.1:8080"); json_obj_close(j);
	json_arr_close(j);
	json_key(j, "security"); json_arr_open(j);
	json_obj_open(j); json_key(j, "bearer"); json_arr_open(j); json_arr_close(j); json_obj_close(j);
	json_obj_open(j); json_key(j, "cookie"); json_arr_open(j); json_arr_close(j); json_obj_close(j);
	json_arr_close(j);
	json_key(j, "paths");
	json_obj_open(j);
	for (int i = 0; i < n; i++) {
		int seen = 0;
		for (int p = 0; p < i; p++)
			seen |= strcmp(ops[p].path, ops[i].path) == 0;
		if (seen)
			continue;
		json_key(j, ops[i].path);
		json_obj_open(j);
		for (int k = i; k < n; k++)
			if (strcmp(ops[k].path, ops[i].path) == 0)
				operation(j, &ops[k]);
		json_obj_close(j);
	}
	json_obj_close(j);
	components(j);
	json_obj_close(j);
}

/* The document depends on the route table and the schemas only, both fixed when the program
 * is built, so it is written once per process (the first request) and copied from then on:
 * 6M instructions a request otherwise, for 200 KB that never change. */
static struct buf openapi_doc;
static int openapi_ok;
static pthread_once_t openapi_once = PTHREAD_ONCE_INIT;

static void openapi_build(void)
{
	struct op *ops = malloc(MAX_OPS * sizeof(*ops));
	struct json j;

	buf_init(&openapi_doc, 0);
	if (!ops)
		return;
	json_init(&j, &openapi_doc, 0);
	openapi_write(&j, ops);
	openapi_ok = json_finish(&j) == 0 && !openapi_doc.overflow;
	free(ops);
}

int api_openapi(struct http_req *r)
{
	pthread_once(&openapi_once, openapi_build);
	if (!openapi_ok)
		return http_error(r, 500, "internal", "the response could not be written");
	buf_reset(&r->out);
	r->status = 200;
	r->ctype = "application/json";
	if (buf_add(&r->out, openapi_doc.ptr, openapi_doc.len) != 0)
		return http_error(r, 500, "internal", "the response could not be written");
	return 200;
}
