/* http.h: one HTTP request as the server's handlers see it, and the helpers to answer it.
 *
 * A request owns an arena (freed when the response is sent), its body (capped), the caller's
 * identity, and the response being built: status, body, content type and extra headers. A
 * handler never talks to the HTTP library: it fills the response through http_json_*,
 * http_error and http_header, and the server sends it with the security headers.
 */
#ifndef LUP_HTTP_H
#define LUP_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

struct store;
struct json;
struct MHD_Connection;

#define HTTP_MAX_BODY ((size_t)1 << 20)	/* larger bodies get 413 */
#define HTTP_MAX_PARAMS 4		/* {captures} in a route pattern */
#define HTTP_MAX_HEADERS 8		/* extra response headers */

enum http_method { HTTP_GET = 1, HTTP_HEAD = 2, HTTP_POST = 4, HTTP_PUT = 8, HTTP_PATCH = 16,
		   HTTP_DELETE = 32, HTTP_OPTIONS = 64 };

/* Roles, in the order of app_user.role; ROLE_ANON is nobody logged in. */
enum role { ROLE_ANON = 0, ROLE_READER, ROLE_EDITOR, ROLE_CITY, ROLE_ADMIN, ROLE__MAX };

struct http_user {
	int64_t id;		/* 0 when anonymous */
	char name[128];
	int64_t org_id;		/* the user's organisation (0 if none) */
	int64_t org_pair;	/* its committee <-> administration counterpart (0 if none) */
	enum role role;
	int by_cookie;		/* authenticated by session cookie (writes need the CSRF token) */
	char csrf[72];		/* the session's CSRF token (cookie sessions) */
};

struct http_req {
	struct MHD_Connection *conn;
	enum http_method method;
	const char *path;
	const char *params[HTTP_MAX_PARAMS];	/* the route's {captures}, in order */
	struct arena a;
	struct buf body;		/* request body: at most HTTP_MAX_BODY (an R_UPLOAD route: UPLOAD_MAX_BODY) */
	int body_too_big;
	struct store *st;		/* this thread's database connection */
	struct http_user user;
	const char *remote;		/* client address as text */
	struct err err;
	/* the response */
	int status;
	struct buf out;
	size_t out_sent;		/* out's length when its memory went to the library */
	const char *ctype;
	const char *hname[HTTP_MAX_HEADERS], *hval[HTTP_MAX_HEADERS];
	int nheaders;
	double t0;			/* monotonic start, for the access log */
	int deferred;			/* web/writeq.h: WQ_QUEUED while a writer thread has it, then WQ_ANSWERED */
};

/* http_query: the query-string argument name, or NULL. */
const char *http_query(struct http_req *r, const char *name);

/* http_header_in: the request header name, or NULL. */
const char *http_header_in(struct http_req *r, const char *name);

/* http_header: adds a response header (name and value are copied into the arena). */
void http_header(struct http_req *r, const char *name, const char *value);

/* http_json_begin: starts a JSON response with status; returns the writer (valid until the
 * response is sent). http_json_end finishes it (a writer error becomes a 500). */
struct json *http_json_begin(struct http_req *r, int status);
int http_json_end(struct http_req *r, struct json *j);

/* http_error: a JSON error response {"error": {"status", "code", "message"}}; returns status. */
int http_error(struct http_req *r, int status, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* http_err_status: the HTTP status for a lup error code (one place: 400, 404, 409, 413, 500). */
int http_err_status(enum lup_err code);

/* http_fail: answers the error in r->err with http_err_status; returns the status. */
int http_fail(struct http_req *r);

/* Field errors for 400/422: collect with http_field_error, then answer with http_fields_reply. */
struct http_fields {
	const char *field[32];
	const char *msg[32];
	int n;
};
void http_field_error(struct http_req *r, struct http_fields *f, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int http_fields_reply(struct http_req *r, const struct http_fields *f, int status);
/* http_fields_answer: the same with its own message (printf format). */
int http_fields_answer(struct http_req *r, const struct http_fields *f, int status, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* http_is_page: 1 when r asks for a web page (not /api..., not /healthz): its errors are then
 * HTML pages in Swedish rather than JSON. */
int http_is_page(const struct http_req *r);

/* http_method_name: "GET", ...; http_now_iso: the UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
const char *http_method_name(enum http_method m);
void http_now_iso(char *out, size_t n);

#endif
