/* upload.c: multipart/form-data bodies through libmicrohttpd's MHD_PostProcessor, checked
 * against a field table (upload-parts.c), with the CSRF check of form posts. */
#include "web/upload-int.h"
#include "web/auth.h"

#include <microhttpd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PP_BUFFER (64 * 1024)	/* the post processor's buffer: the size of the chunks it hands on */

/* refuse: sets u's failure (message printf-formatted into the arena); returns status. */
static int refuse(struct http_req *r, struct upload *u, int status, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int refuse(struct http_req *r, struct upload *u, int status, const char *field, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	u->status = status;
	u->field = field;
	u->msg = arena_strdup(&r->a, msg);
	return status;
}

static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
			       const char *ctype, const char *encoding, const char *data, uint64_t off, size_t size)
{
	(void)kind;
	(void)ctype;
	(void)encoding;
	return upload_collect_part(cls, key, filename, data, off, size) == 0 ? MHD_YES : MHD_NO;
}

/* collect_fail: the collector's failure in Swedish, naming the field. */
static int collect_fail(struct http_req *r, struct upload *u, const struct upload_collect *c)
{
	const char *f = c->fail_field >= 0 ? c->fields[c->fail_field].name : NULL;

	switch (c->fail) {
	case UPF_NO_PARTS:
		return refuse(r, u, 400, NULL, "Formuläret kom fram utan några fält. Ladda om sidan och försök igen.");
	case UPF_TOO_MANY:
		return refuse(r, u, 400, NULL, "Formuläret har fler än %d delar.", UPLOAD_MAX_PARTS);
	case UPF_UNKNOWN:
		if (!c->bad_name)
			return refuse(r, u, 400, NULL, "Formuläret har ett fält vars namn inte är giltig UTF-8.");
		return refuse(r, u, 400, NULL, "Formuläret har ett okänt fält ”%s”. Använd formuläret på sidan.",
			      c->bad_name);
	case UPF_TWICE:
		return refuse(r, u, 400, f, "Fältet ”%s” skickades mer än en gång.", f);
	case UPF_FILE_FIELD:
		return refuse(r, u, 400, f, "Fältet ”%s” ska vara text, inte en fil.", f);
	case UPF_SEQUENCE:
		return refuse(r, u, 400, f, "Formuläret kunde inte läsas: fältet ”%s” kom i oordning.", f ? f : "?");
	case UPF_TOO_BIG:
		return refuse(r, u, 413, f, "Fältet ”%s” är större än %zu kB.", f,
			      (c->fields[c->fail_field].t == UP_FIELD ? FORM_MAX_VALUE : c->data[c->fail_field].max) / 1024);
	case UPF_FIELD_TEXT:
		return refuse(r, u, 400, f, "Fältet ”%s” innehåller tecken som inte är giltig UTF-8 eller otillåtna "
			      "styrtecken.", f);
	case UPF_FILENAME:
		return refuse(r, u, 400, f, "Filnamnet i fältet ”%s” är för långt eller inte giltig UTF-8.", f);
	case UPF_DOC_TEXT:
		return refuse(r, u, 422, f, "Innehållet i fältet ”%s” är inte text i UTF-8 (fel vid byte %zu). Spara "
			      "filen som text med teckenkodningen UTF-8 och försök igen.", f, c->bad_at + 1);
	case UPF_NONE:
		break;
	}
	return refuse(r, u, 400, NULL, "Formuläret kunde inte läsas.");
}

/* split: runs the post processor over the body into c. Returns 0, or the status with u filled. */
static int split(struct http_req *r, struct upload *u, struct upload_collect *c)
{
	struct MHD_PostProcessor *pp = MHD_create_post_processor(r->conn, PP_BUFFER, on_part, c);
	enum MHD_Result ok, done;

	if (!pp)
		return refuse(r, u, 400, NULL, "Formuläret kunde inte läsas: det saknar gränsmarkering (boundary).");
	ok = MHD_post_process(pp, r->body.ptr, r->body.len);
	done = MHD_destroy_post_processor(pp);
	if (c->fail != UPF_NONE)
		return collect_fail(r, u, c);
	if (ok != MHD_YES || done != MHD_YES)
		return refuse(r, u, 400, NULL, "Formuläret kunde inte läsas: det är avbrutet eller felaktigt "
			      "uppbyggt. Ladda om sidan och försök igen.");
	if (upload_collect_finish(c) != 0)
		return collect_fail(r, u, c);
	return 0;
}

/* take: moves the collected parts into u (fields into u->f, documents into u->doc). */
static void take(struct http_req *r, struct upload *u, struct upload_collect *c)
{
	for (int i = 0; i < c->nfields; i++) {
		if (!c->seen[i])
			continue;
		if (c->fields[i].t == UP_FIELD) {
			u->f.name[u->f.n] = c->fields[i].name;
			u->f.value[u->f.n] = arena_strndup(&r->a, c->data[i].ptr, c->data[i].len);
			u->f.n++;
			continue;
		}
		u->has_doc[i] = 1;
		u->doc[i].filename = c->filename[i];
		u->owned[i] = buf_detach(&c->data[i], &u->doc[i].len);
		u->doc[i].data = u->owned[i];
	}
}

int upload_parse(struct http_req *r, const struct upload_field *fields, int n, struct upload *u)
{
	const char *ct = http_header_in(r, "Content-Type"), *site = http_header_in(r, "Sec-Fetch-Site");
	struct upload_collect c;
	int rc;

	memset(u, 0, sizeof(*u));
	if (site && strcmp(site, "cross-site") == 0)
		return refuse(r, u, 403, NULL, "Formuläret skickades från en annan webbplats. Använd formulären på "
			      "lups egna sidor.");
	if (r->body_too_big)
		return refuse(r, u, 413, NULL, "Det som skickades är för stort: en fil får vara högst %zu MB.",
			      r->body.max >> 20);
	if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return refuse(r, u, 415, NULL, "Formuläret ska skickas som multipart/form-data.");
	upload_collect_init(&c, fields, n, &r->a);
	if ((rc = split(r, u, &c)) == 0)
		take(r, u, &c);
	upload_collect_release(&c);
	if (rc)
		return rc;
	if (r->user.by_cookie && !auth_csrf_matches(r, form_get(&u->f, "csrf")))
		return refuse(r, u, 403, "csrf", "Formuläret saknar en giltig säkerhetskod (CSRF-skydd) i fältet "
			      "”csrf”. Ladda om sidan och skicka formuläret igen.");
	return 0;
}

const struct upload_doc *upload_doc(const struct upload *u, const struct upload_field *fields, int n,
				    const char *name)
{
	for (int i = 0; i < n && i < UPLOAD_MAX_FIELDS; i++)
		if (fields[i].t == UP_DOC && strcmp(fields[i].name, name) == 0)
			return u->has_doc[i] ? &u->doc[i] : NULL;
	return NULL;
}

void upload_release(struct upload *u)
{
	for (int i = 0; i < UPLOAD_MAX_FIELDS; i++) {
		free(u->owned[i]);
		u->owned[i] = NULL;
		u->has_doc[i] = 0;
	}
}
