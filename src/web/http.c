/* http.c: request helpers and JSON/error responses. */
#include "web/http.h"
#include "render/json.h"

#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

const char *http_query(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *http_header_in(struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

void http_header(struct http_req *r, const char *name, const char *value)
{
	if (r->nheaders >= HTTP_MAX_HEADERS)
		return;
	r->hname[r->nheaders] = arena_strdup(&r->a, name);
	r->hval[r->nheaders] = arena_strdup(&r->a, value);
	r->nheaders++;
}

struct json *http_json_begin(struct http_req *r, int status)
{
	struct json *j = arena_alloc(&r->a, sizeof(*j));

	buf_reset(&r->out);
	r->status = status;
	r->ctype = "application/json";
	json_init(j, &r->out, 0);
	return j;
}

int http_json_end(struct http_req *r, struct json *j)
{
	if (json_finish(j) != 0)
		return http_error(r, 500, "internal", "the response could not be written");
	return r->status;
}

static void error_body(struct http_req *r, int status, const char *code, const char *msg,
		       const struct http_fields *f)
{
	struct json *j = http_json_begin(r, status);

	json_obj_open(j);
	json_key(j, "error");
	json_obj_open(j);
	json_key(j, "status"); json_int(j, status);
	json_key(j, "code"); json_str(j, code);
	json_key(j, "message"); json_str(j, msg);
	if (f) {
		json_key(j, "fields");
		json_arr_open(j);
		for (int i = 0; i < f->n; i++) {
			json_obj_open(j);
			json_key(j, "field"); json_str(j, f->field[i]);
			json_key(j, "message"); json_str(j, f->msg[i]);
			json_obj_close(j);
		}
		json_arr_close(j);
	}
	json_obj_close(j);
	json_obj_close(j);
	json_finish(j);
}

int http_error(struct http_req *r, int status, const char *code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	error_body(r, status, code, msg, NULL);
	return status;
}

int http_err_status(enum lup_err code)
{
	switch (code) {
	case LUP_OK: return 200;
	case LUP_EINVAL: return 400;
	case LUP_ENOTFOUND: return 404;
	case LUP_ECONFLICT: return 409;
	case LUP_ETOOBIG: return 413;
	case LUP_EBUSY: return 503;
	default: return 500;
	}
}

int http_fail(struct http_req *r)
{
	int status = http_err_status(r->err.code);
	static const char *const codes[] = { [400] = "bad_request", [404] = "not_found",
					     [409] = "conflict", [413] = "too_large", [500] = "internal",
					     [503] = "busy" };
	const char *msg = status == 500 ? "internal error (see the server log)" : r->err.msg;

	if (status == 500)
		fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	if (status == 503)
		http_header(r, "Retry-After", "5");
	return http_error(r, status, codes[status] ? codes[status] : "error", "%s", msg);
}

void http_field_error(struct http_req *r, struct http_fields *f, const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (f->n >= 32)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	f->field[f->n] = arena_strdup(&r->a, field);
	f->msg[f->n] = arena_strdup(&r->a, msg);
	f->n++;
}

int http_fields_answer(struct http_req *r, const struct http_fields *f, int status, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	error_body(r, status, status == 422 ? "invalid_fields" : "bad_request", msg, f);
	return status;
}

int http_fields_reply(struct http_req *r, const struct http_fields *f, int status)
{
	error_body(r, status, status == 422 ? "invalid_fields" : "bad_request",
		   f->n == 1 ? "a field is invalid" : "some fields are invalid", f);
	return status;
}

int http_is_page(const struct http_req *r)
{
	return strncmp(r->path, "/api/", 5) != 0 && strcmp(r->path, "/api") != 0 &&
	       strcmp(r->path, "/healthz") != 0;
}

const char *http_method_name(enum http_method m)
{
	switch (m) {
	case HTTP_GET: return "GET";
	case HTTP_HEAD: return "HEAD";
	case HTTP_POST: return "POST";
	case HTTP_PUT: return "PUT";
	case HTTP_PATCH: return "PATCH";
	case HTTP_DELETE: return "DELETE";
	case HTTP_OPTIONS: return "OPTIONS";
	}
	return "?";
}

void http_now_iso(char *out, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
