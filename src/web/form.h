/* form.h: HTML forms: parsing application/x-www-form-urlencoded bodies (with caps and UTF-8
 * checks), the CSRF hidden field, field-level errors in Swedish, and the writers of labelled
 * form fields. Handlers never touch the raw body: they read decoded, checked values through
 * form_get.
 *
 * A form post is a route with R_FORM (routes.h): the dispatcher lets it through without the
 * X-CSRF-Token header, and the handler calls form_begin, which checks the session's token in
 * the hidden field "csrf" (form_csrf_field writes it).
 */
#ifndef LUP_FORM_H
#define LUP_FORM_H

#include <stdint.h>

#include "render/html.h"
#include "web/http.h"

#define FORM_MAX_FIELDS 256		/* more fields answer 413 */
#define FORM_MAX_VALUE (64 * 1024)	/* bytes of one decoded value; more answer 413 */
#define FORM_MAX_ERRORS 32

/* A decoded form: names and values in the request arena, in the order sent. */
struct form {
	int n;
	const char *name[FORM_MAX_FIELDS];
	const char *value[FORM_MAX_FIELDS];
};

/* Field-level errors of a form, each a Swedish sentence. */
struct form_errors {
	int n;
	const char *field[FORM_MAX_ERRORS];	/* the field's name (its input has id "f-NAME") */
	const char *msg[FORM_MAX_ERRORS];
};

/*
 * form_parse: decodes r->body as application/x-www-form-urlencoded into f ('+' is a space,
 * %XX an escaped byte, CR LF in values becomes LF). Answers an HTML page and returns its
 * status: 403 for a post the browser marks as coming from another site (Sec-Fetch-Site:
 * cross-site; this also covers the login form, which has no session to carry a token);
 * 413 for more than FORM_MAX_FIELDS fields or a value over FORM_MAX_VALUE bytes;
 * 400 for a broken %-escape, a NUL byte or control character other than tab and newline, or
 * a name or value that is not valid UTF-8. Returns 0 when f is filled.
 */
int form_parse(struct http_req *r, struct form *f);

/*
 * form_begin: form_parse, then the CSRF check: a caller with a cookie session must send the
 * session's token in the field "csrf" (compared in constant time), else a 403 page. Callers
 * with a bearer token, and anonymous callers, have no session to protect. Returns 0 or the
 * status already answered.
 */
int form_begin(struct http_req *r, struct form *f);

/* form_get: the value of the first field called name, or NULL when it was not sent. */
const char *form_get(const struct form *f, const char *name);

/* form_kept: the value a form field shows: what was sent when the form comes back with errors
 * (f not NULL and the field sent), else def (the stored value, or the default of a new thing). */
const char *form_kept(const struct form *f, const char *name, const char *def);

/* form_nonempty: s, or NULL when s is NULL or "" (an optional field left empty). */
const char *form_nonempty(const char *s);

/* form_get_trim: as form_get with surrounding white space removed (a copy in the arena). */
const char *form_get_trim(struct http_req *r, const struct form *f, const char *name);

/* form_blank: 1 when s is NULL or holds only white space. */
int form_blank(const char *s);

/* form_error: adds a message for field (printf-formatted, copied into the arena). */
void form_error(struct http_req *r, struct form_errors *e, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* form_error_of: the first message for field, or NULL (e may be NULL). */
const char *form_error_of(const struct form_errors *e, const char *field);

/* form_csrf_field: the hidden field "csrf" with the session's token (nothing without a
 * cookie session). */
void form_csrf_field(struct http_req *r, struct html *h);

/* form_error_summary: when e has errors, a box (role="alert") with a heading of level
 * `level` (2 or 3) that lists them, each a link to its field. */
void form_error_summary(struct html *h, const struct form_errors *e, int level);

/*
 * The field writers: a <div class="field"> with the <label for="f-NAME">, an optional hint,
 * the field's error (aria-invalid and aria-describedby point at hint and error) and the
 * control, whose value is value (escaped; NULL is empty). e may be NULL.
 *	form_input: <input type=TYPE> ("text", "password", "number"...); autocomplete may be NULL.
 *	form_textarea: <textarea rows=ROWS>.
 *	form_select: <select> of values[i] shown as labels[i] (NULL-terminated), with selected.
 */
void form_input(struct html *h, const struct form_errors *e, const char *name, const char *label,
		const char *type, const char *value, const char *hint, const char *autocomplete);
void form_textarea(struct html *h, const struct form_errors *e, const char *name, const char *label,
		   const char *value, const char *hint, int rows);
void form_select(struct html *h, const struct form_errors *e, const char *name, const char *label,
		 const char *const *values, const char *const *labels, const char *selected,
		 const char *hint);

/* form_button: <button type="submit" class=CLASS>label</button> (cls may be NULL). */
void form_button(struct html *h, const char *label, const char *cls);

/* form_redirect: answers 303 See Other to location (a path on this site) with an empty body,
 * keeping headers already set (a Set-Cookie). Returns 303. */
int form_redirect(struct http_req *r, const char *location);

/*
 * form_fail_page: turns an error that an API helper has already answered as JSON (status
 * rc: 401, 403, 404, 409, 412, 413, 422, 429, 500) into an HTML page with a Swedish message,
 * keeping the status. Returns rc.
 */
int form_fail_page(struct http_req *r, int rc);

/* form_local_path: s when it is a safe local path to return to after a form ("/..." without
 * "//", backslashes or control characters, at most 512 bytes), else fallback. */
const char *form_local_path(const char *s, const char *fallback);

#endif
