/* api-meta.c: GET /healthz and GET /api/openapi.json (generated from the route table). */
#include "web/api.h"
#include "web/download.h"
#include "web/routes.h"
#include "render/json.h"
#include "store/kinds.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

int api_healthz(struct http_req *r)
{
	struct json *j = http_json_begin(r, 200);

	json_obj_open(j);
	json_key(j, "status"); json_str(j, "ok");
	json_key(j, "schema_version"); json_int(j, store_schema_version(r->st));
	json_key(j, "backend"); json_str(j, store_backend(r->st));
	json_obj_close(j);
	return http_json_end(r, j);
}

/* openapi_path: "/api/v1/goals/{id}" as OpenAPI writes it (the same text); collects param names. */
static int path_params(const char *pattern, const char *names[HTTP_MAX_PARAMS], size_t lens[HTTP_MAX_PARAMS])
{
	int n = 0;

	for (const char *p = strchr(pattern, '{'); p && n < HTTP_MAX_PARAMS; p = strchr(p + 1, '{')) {
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

static void param_schema(struct json *j, const char *name, size_t len)
{
	json_key(j, "schema");
	json_obj_open(j);
	json_key(j, "type"); json_str(j, "string");
	if (len == 4 && strncmp(name, "kind", 4) == 0) {
		json_key(j, "enum");
		json_arr_open(j);
		for (int i = 0; i < kind_count(); i++)
			json_str(j, kind_at(i)->name);
		json_arr_close(j);
	}
	json_obj_close(j);
}

/* export_params: the query parameters of a route that serves kind's exports (web/download.h):
 * format (the kind's formats) and year when a row needs one */
static void export_params(struct json *j, const char *kind, const char *slug)
{
	unsigned need = 0;

	json_obj_open(j);
	json_key(j, "name"); json_str(j, "format");
	json_key(j, "in"); json_str(j, "query");
	json_key(j, "required"); json_bool(j, 0);
	json_key(j, "description"); json_str(j, "the representation (else the Accept header's, else the default)");
	json_key(j, "schema"); json_obj_open(j);
	json_key(j, "type"); json_str(j, "string");
	json_key(j, "enum"); json_arr_open(j);
	for (const struct export_row *x = export_rows; x->format; x++)
		if (download_row_of(x, kind, slug)) {
			json_str(j, x->format);
			need |= x->need;
		}
	json_arr_close(j);
	json_obj_close(j);
	json_obj_close(j);
	if (need & EXPORT_NEED_YEAR) {
		json_obj_open(j);
		json_key(j, "name"); json_str(j, "year");
		json_key(j, "in"); json_str(j, "query");
		json_key(j, "required"); json_bool(j, 1);
		json_key(j, "schema"); json_obj_open(j); json_key(j, "type"); json_str(j, "integer"); json_obj_close(j);
		json_obj_close(j);
	}
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

/* export_content: the 200 answer's media types of kind's formats, each once */
static void export_content(struct json *j, const char *kind, const char *slug)
{
	for (const struct export_row *x = export_rows; x->format; x++) {
		const struct export_format *f = export_format(x->format);
		if (!download_row_of(x, kind, slug) || !f || seen_type(x, kind, slug, f))
			continue;
		size_t n = strcspn(f->ctype, ";");
		char type[128];
		snprintf(type, sizeof(type), "%.*s", (int)n, f->ctype);
		json_key(j, type); json_obj_open(j);
		json_key(j, "schema"); json_obj_open(j);
		if (!strcmp(x->format, "json")) {
			json_key(j, "type"); json_str(j, "object");
		} else {
			json_key(j, "type"); json_str(j, "string");
			json_key(j, "format"); json_str(j, "binary");
		}
		json_obj_close(j);
		json_obj_close(j);
	}
}

static void operation(struct json *j, const struct route *rt, unsigned m, int idx)
{
	const char *names[HTTP_MAX_PARAMS];
	size_t lens[HTTP_MAX_PARAMS];
	int np = path_params(rt->pattern, names, lens);
	const char *slug = NULL, *kind = m == HTTP_GET ? download_kind(rt->handler, &slug) : NULL;
	char opid[64], lower[16];

	snprintf(lower, sizeof(lower), "%s", http_method_name((enum http_method)m));
	for (char *p = lower; *p; p++)
		*p = (char)(*p - 'A' + 'a');
	snprintf(opid, sizeof(opid), "%s%d", lower, idx);
	json_key(j, lower);
	json_obj_open(j);
	json_key(j, "operationId"); json_str(j, opid);
	json_key(j, "summary"); json_str(j, rt->summary);
	json_key(j, "tags"); json_arr_open(j); json_str(j, rt->tag); json_arr_close(j);
	if (rt->access == ACC_PUBLIC) {
		json_key(j, "security"); json_arr_open(j);
		json_obj_open(j); json_obj_close(j);
		json_obj_open(j); json_key(j, "bearer"); json_arr_open(j); json_arr_close(j); json_obj_close(j);
		json_obj_open(j); json_key(j, "cookie"); json_arr_open(j); json_arr_close(j); json_obj_close(j);
		json_arr_close(j);
	}
	if (np) {
		json_key(j, "parameters");
		json_arr_open(j);
		for (int i = 0; i < np; i++) {
			json_obj_open(j);
			json_key(j, "name"); json_strn(j, names[i], lens[i]);
			json_key(j, "in"); json_str(j, "path");
			json_key(j, "required"); json_bool(j, 1);
			param_schema(j, names[i], lens[i]);
			json_obj_close(j);
		}
		if (kind)
			export_params(j, kind, slug);
		json_arr_close(j);
	}
	if (rt->flags & R_BODY) {
		json_key(j, "requestBody");
		json_obj_open(j);
		json_key(j, "required"); json_bool(j, !(rt->flags & R_BODY_OPT));
		json_key(j, "content"); json_obj_open(j);
		json_key(j, "application/json"); json_obj_open(j);
		json_key(j, "schema"); json_obj_open(j);
		json_key(j, "type"); json_str(j, "object");
		json_obj_close(j); json_obj_close(j); json_obj_close(j);
		json_obj_close(j);
	}
	json_key(j, "responses");
	json_obj_open(j);
	json_key(j, "200");
	json_obj_open(j);
	json_key(j, "description"); json_str(j, "success");
	json_key(j, "content"); json_obj_open(j);
	if (kind) {
		export_content(j, kind, slug);
	} else {
		json_key(j, "application/json"); json_obj_open(j);
		json_key(j, "schema"); json_obj_open(j); json_key(j, "type"); json_str(j, "object"); json_obj_close(j);
		json_obj_close(j);
	}
	json_obj_close(j);
	json_obj_close(j);
	error_response(j, "400", "malformed request");
	if (kind)
		error_response(j, "406", "no such format");
	if (rt->access != ACC_PUBLIC) {
		error_response(j, "401", "not logged in");
		error_response(j, "403", "not allowed for this role or organisation");
	}
	if (np)
		error_response(j, "404", "not found");
	if (rt->flags & R_BODY) {
		error_response(j, "413", "body too large");
		error_response(j, "415", "not JSON");
		error_response(j, "422", "invalid fields");
	}
	json_obj_close(j);
	json_obj_close(j);
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
	json_key(j, "Error"); json_obj_open(j);
	json_key(j, "type"); json_str(j, "object");
	json_key(j, "required"); json_arr_open(j); json_str(j, "error"); json_arr_close(j);
	json_key(j, "properties"); json_obj_open(j);
	json_key(j, "error"); json_obj_open(j); json_key(j, "type"); json_str(j, "object"); json_obj_close(j);
	json_obj_close(j);
	json_obj_close(j);
	json_obj_close(j);
	json_obj_close(j);
}

int api_openapi(struct http_req *r)
{
	struct json *j = http_json_begin(r, 200);
	int idx = 0;

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
	for (const struct route *rt = routes; rt->pattern; rt++) {
		int seen = 0;
		for (const struct route *p = routes; p < rt; p++)
			seen |= strcmp(p->pattern, rt->pattern) == 0;
		if (seen)
			continue;
		json_key(j, rt->pattern);
		json_obj_open(j);
		for (const struct route *same = rt; same->pattern; same++) {
			if (strcmp(same->pattern, rt->pattern) != 0)
				continue;
			for (unsigned m = HTTP_GET; m <= HTTP_DELETE; m <<= 1)
				if (same->methods & m)
					operation(j, same, m, ++idx);
		}
		json_obj_close(j);
	}
	json_obj_close(j);
	components(j);
	json_obj_close(j);
	return http_json_end(r, j);
}
