/* upload.h: HTML form posts that carry a document (multipart/form-data, RFC 7578). The body
 * is split into its parts by libmicrohttpd's MHD_PostProcessor; each part is checked against a
 * declared field table (kcgi-style), so handlers never touch the raw body: they read ordinary
 * fields through form_get on u->f and documents through upload_doc.
 *
 * An upload route has the flag R_UPLOAD (routes.h): the server accepts a body of up to
 * UPLOAD_MAX_BODY for it from a caller the route's access level admits (everyone else keeps
 * HTTP_MAX_BODY), and the dispatcher lets it through without the X-CSRF-Token header: the
 * handler calls upload_parse, which checks the session's token in the part "csrf".
 */
#ifndef LUP_UPLOAD_H
#define LUP_UPLOAD_H

#include <stddef.h>

#include "web/form.h"
#include "web/http.h"

#define UPLOAD_MAX_BODY ((size_t)16 << 20)	/* bytes of an upload route's body; more: 413 */
#define UPLOAD_MAX_FIELDS 16			/* entries of a field table */
#define UPLOAD_MAX_PARTS 32			/* parts of one body; more: 400 */
#define UPLOAD_MAX_FILENAME 255			/* bytes of a file name as sent; more: 400 */
#define UPLOAD_NAME_MAX 96			/* room for upload_safe_name's result */

enum upload_type {
	UP_FIELD,	/* an ordinary field: UTF-8 without control characters other than tab and
			 * newline (CR LF and a lone CR become LF); a file part is refused */
	UP_DOC,		/* a document: a file part, or a text part (pasted text); UTF-8 without NUL
			 * bytes, kept byte for byte as sent */
};

/* One declared field of a form. */
struct upload_field {
	const char *name;	/* the part's name */
	enum upload_type t;
	size_t max;		/* largest value in bytes (UP_FIELD: at most FORM_MAX_VALUE) */
};

/* A document as received. data is NUL-terminated and owned by the struct upload. */
struct upload_doc {
	const char *filename;	/* the file's name as sent (UTF-8, may be ""), or NULL for a
				 * text part */
	const char *data;
	size_t len;
};

/* A parsed upload: the ordinary fields in f (names and values in the request arena), the
 * documents by the index of their field in the table. */
struct upload {
	struct form f;
	int has_doc[UPLOAD_MAX_FIELDS];		/* the field was sent */
	struct upload_doc doc[UPLOAD_MAX_FIELDS];
	char *owned[UPLOAD_MAX_FIELDS];		/* the documents' memory (upload_release frees) */
	/* the failure, when upload_parse did not return 0 */
	int status;		/* 400, 403, 413, 415 or 422 */
	const char *field;	/* the field it concerns, or NULL */
	const char *msg;	/* a Swedish sentence naming the field, in the request arena */
};

/*
 * upload_parse: splits r->body (multipart/form-data) into u by fields[0..n) (n at most
 * UPLOAD_MAX_FIELDS) and checks it. It answers nothing: on failure it returns the status and
 * fills u->status, u->field and u->msg for the handler to show:
 *	403: a post the browser marks as cross-site (Sec-Fetch-Site), or a cookie session whose
 *	     CSRF token is not in the part "csrf" (compared in constant time);
 *	413: the body was larger than the route's limit (r->body.max), or a part larger than its
 *	     field's max;
 *	415: not multipart/form-data;
 *	400: no boundary, a truncated or malformed body, no parts, more than UPLOAD_MAX_PARTS
 *	     parts, a part whose name is not in the table or comes twice, a file sent for an
 *	     ordinary field, an ordinary field or file name that is not valid UTF-8 text;
 *	422: a document that is not UTF-8 text (or holds a NUL byte), naming the byte.
 * Returns 0 when u is filled. Call upload_release afterwards in every case.
 */
int upload_parse(struct http_req *r, const struct upload_field *fields, int n, struct upload *u);

/* upload_doc: the document sent for the field called name, or NULL when it was not sent (or
 * name is not an UP_DOC field of the table). Valid until upload_release. */
const struct upload_doc *upload_doc(const struct upload *u, const struct upload_field *fields, int n,
				    const char *name);

/* upload_release: frees the documents' memory; u is empty afterwards (safe to call twice). */
void upload_release(struct upload *u);

/*
 * upload_safe_name: a file name as sent made safe to use as the name of a file in a private
 * directory and to quote in messages: the part after the last '/' or '\', every byte that is
 * not a letter or digit (any non-ASCII UTF-8 character counts as a letter), '.', '-', '_' or a
 * space replaced by '_', leading dots and spaces dropped, cut at a character boundary to fit
 * out (UPLOAD_NAME_MAX bytes with the NUL). An empty result, or a name that is not valid
 * UTF-8, gives fallback (which must fit). Returns out.
 */
char *upload_safe_name(const char *name, const char *fallback, char out[UPLOAD_NAME_MAX]);

/* upload_utf8_ok: 1 when s[0..n) is valid UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF) with no NUL byte; with strict also no control character other than tab and
 * newline. Else 0, with *bad (may be NULL) the offset of the first bad byte. */
int upload_utf8_ok(const char *s, size_t n, int strict, size_t *bad);

#endif
