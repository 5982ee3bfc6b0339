/* form.c: urlencoded form bodies, the CSRF field, field errors and labelled form fields. */
#include "web/form.h"
#include "web/auth.h"
#include "web/page.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* utf8_ok: 1 when s[0..n) is valid UTF-8 (no overlongs, surrogates or values past U+10FFFF)
 * without control characters other than tab and newline. */
static int utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0, len;
	unsigned cp;

	while (i < n) {
		if (!(len = utf8_seq(s + i, n - i, &cp)) || (cp < 0x20 && cp != '\t' && cp != '\n') ||
		    (cp >= 0x7f && cp < 0xa0))
			return 0;
		i += len;
	}
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* decode: percent-decodes s[0..n) into the arena with CR LF (and a lone CR) as LF. Returns the text, or NULL
 * with *why set: 400 (broken escape or not UTF-8) or 413 (too long). */
static const char *decode(struct http_req *r, const char *s, size_t n, int *why)
{
	char *out = arena_alloc(&r->a, n + 1);
	size_t o = 0;
	int cr = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			int hi = i + 1 < n ? hexval(s[i + 1]) : -1;
			int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0) {
				*why = 400;
				return NULL;
			}
			c = hi * 16 + lo;
			i += 2;
		}
		if (c == '\n' && cr) {
			cr = 0;
			continue;
		}
		cr = c == '\r';
		out[o++] = cr ? '\n' : (char)c;
	}
	out[o] = '\0';
	if (o > FORM_MAX_VALUE) {
		*why = 413;
		return NULL;
	}
	if (!utf8_ok((const unsigned char *)out, o)) {
		*why = 400;
		return NULL;
	}
	return out;
}

static int parse_fail(struct http_req *r, int status)
{
	if (status == 413)
		return page_error(r, 413, "Formuläret är för stort: det har för många fält eller en text som är "
				  "längre än 64 kB. Korta texten och skicka igen.");
	return page_error(r, 400, "Formuläret kunde inte läsas: det innehåller tecken som inte är giltig "
			  "UTF-8 eller en felaktig kodning. Ladda om sidan och försök igen.");
}

int form_parse(struct http_req *r, struct form *f)
{
	const char *p = r->body.ptr, *end = r->body.ptr + r->body.len;
	const char *site = http_header_in(r, "Sec-Fetch-Site");
	int why = 0;

	f->n = 0;
	if (site && strcmp(site, "cross-site") == 0)
		return page_error(r, 403, "Formuläret skickades från en annan webbplats. Använd formulären på lups "
				  "egna sidor.");
	if (r->body_too_big)
		return parse_fail(r, 413);
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p)), *stop = amp ? amp : end;
		const char *eq = memchr(p, '=', (size_t)(stop - p));
		if (stop > p) {
			if (f->n >= FORM_MAX_FIELDS)
				return parse_fail(r, 413);
			const char *ne = eq ? eq : stop;
			f->name[f->n] = decode(r, p, (size_t)(ne - p), &why);
			f->value[f->n] = f->name[f->n] ? decode(r, eq ? eq + 1 : stop, eq ? (size_t)(stop - eq - 1) : 0, &why) : NULL;
			if (!f->name[f->n] || !f->value[f->n])
				return parse_fail(r, why);
			f->n++;
		}
		p = stop + 1;
	}
	return 0;
}

int form_begin(struct http_req *r, struct form *f)
{
	int rc;

	if ((rc = form_parse(r, f)) != 0)
		return rc;
	if (r->user.by_cookie && !auth_csrf_matches(r, form_get(f, "csrf")))
		return page_error(r, 403, "Formuläret saknar en giltig säkerhetskod (CSRF-skydd). Ladda om sidan "
				  "och skicka formuläret igen.");
	return 0;
}

const char *form_get(const struct form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0)
			return f->value[i];
	return NULL;
}

const char *form_kept(const struct form *f, const char *name, const char *def)
{
	const char *v = f ? form_get(f, name) : NULL;

	return v ? v : def;
}

const char *form_nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

const char *form_get_trim(struct http_req *r, const struct form *f, const char *name)
{
	const char *s = form_get(f, name), *e;

	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
		e--;
	return arena_strndup(&r->a, s, (size_t)(e - s));
}

int form_blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return 0;
	return 1;
}

void form_error(struct http_req *r, struct form_errors *e, const char *field, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (e->n >= FORM_MAX_ERRORS)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	e->field[e->n] = arena_strdup(&r->a, field);
	e->msg[e->n] = arena_strdup(&r->a, msg);
	e->n++;
}

const char *form_error_of(const struct form_errors *e, const char *field)
{
	for (int i = 0; e && i < e->n; i++)
		if (strcmp(e->field[i], field) == 0)
			return e->msg[i];
	return NULL;
}

void form_csrf_field(struct http_req *r, struct html *h)
{
	if (r->user.by_cookie && r->user.csrf[0])
		html_void(h, "input", "type", "hidden", "name", "csrf", "value", r->user.csrf, NULL);
}

void form_error_summary(struct html *h, const struct form_errors *e, int level)
{
	struct buf href;

	if (!e || !e->n)
		return;
	buf_init(&href, 1024);
	html_open(h, "div", "class", "error-summary", "role", "alert", "tabindex", "-1", "id", "fel", NULL);
	html_elem(h, level == 3 ? "h3" : "h2", e->n == 1 ? "Det finns ett fel i formuläret" :
		  "Det finns fel i formuläret", NULL);
	html_open(h, "ul", NULL);
	for (int i = 0; i < e->n; i++) {
		buf_reset(&href);
		buf_adds(&href, "#f-");
		buf_adds(&href, e->field[i]);
		html_open(h, "li", NULL);
		html_elem(h, "a", e->msg[i], "href", href.ptr, NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	buf_release(&href);
}

/* ids: the ids of a field's control, hint and error ("f-NAME", "f-NAME-hjalp", "f-NAME-fel")
 * and the aria-describedby list, in the caller's buffers. */
struct field_ids {
	char id[96], hint[112], err[112], described[240];
};

static void field_begin(struct html *h, const struct form_errors *e, const char *name, const char *label,
			const char *hint, struct field_ids *ids)
{
	const char *msg = form_error_of(e, name);

	snprintf(ids->id, sizeof(ids->id), "f-%s", name);
	snprintf(ids->hint, sizeof(ids->hint), "f-%s-hjalp", name);
	snprintf(ids->err, sizeof(ids->err), "f-%s-fel", name);
	snprintf(ids->described, sizeof(ids->described), "%s%s%s", hint ? ids->hint : "",
		 hint && msg ? " " : "", msg ? ids->err : "");
	html_open(h, "div", "class", msg ? "field field-invalid" : "field", NULL);
	html_elem(h, "label", label, "for", ids->id, NULL);
	if (hint)
		html_elem(h, "p", hint, "class", "hint", "id", ids->hint, NULL);
	if (msg) {
		html_open(h, "p", "class", "field-error", "id", ids->err, NULL);
		html_elem(h, "span", "Fel: ", "class", "visually-hidden", NULL);
		html_text(h, msg);
		html_close(h);
	}
}

void form_input(struct html *h, const struct form_errors *e, const char *name, const char *label,
		const char *type, const char *value, const char *hint, const char *autocomplete)
{
	struct field_ids ids;
	const char *msg = form_error_of(e, name);

	field_begin(h, e, name, label, hint, &ids);
	html_void(h, "input", "type", type, "id", ids.id, "name", name, "value", value ? value : "",
		  "autocomplete", autocomplete, "aria-invalid", msg ? "true" : NULL,
		  "aria-describedby", ids.described[0] ? ids.described : NULL, NULL);
	html_close(h);
}

void form_textarea(struct html *h, const struct form_errors *e, const char *name, const char *label,
		   const char *value, const char *hint, int rows)
{
	struct field_ids ids;
	const char *msg = form_error_of(e, name);
	char nrows[16];

	snprintf(nrows, sizeof(nrows), "%d", rows > 0 ? rows : 4);
	field_begin(h, e, name, label, hint, &ids);
	html_open(h, "textarea", "id", ids.id, "name", name, "rows", nrows,
		  "aria-invalid", msg ? "true" : NULL,
		  "aria-describedby", ids.described[0] ? ids.described : NULL, NULL);
	/* a newline right after <textarea> is dropped by parsers: keep a leading one */
	if (value && value[0] == '\n')
		html_raw_trusted(h, "\n");
	html_text(h, value);
	html_close(h);
	html_close(h);
}

void form_select(struct html *h, const struct form_errors *e, const char *name, const char *label,
		 const char *const *values, const char *const *labels, const char *selected,
		 const char *hint)
{
	struct field_ids ids;
	const char *msg = form_error_of(e, name);

	field_begin(h, e, name, label, hint, &ids);
	html_open(h, "select", "id", ids.id, "name", name, "aria-invalid", msg ? "true" : NULL,
		  "aria-describedby", ids.described[0] ? ids.described : NULL, NULL);
	for (int i = 0; values[i]; i++)
		html_elem(h, "option", labels[i], "value", values[i],
			  "selected", selected && strcmp(selected, values[i]) == 0 ? "" : NULL, NULL);
	html_close(h);
	html_close(h);
}

void form_button(struct html *h, const char *label, const char *cls)
{
	html_elem(h, "button", label, "type", "submit", "class", cls, NULL);
}

int form_redirect(struct http_req *r, const char *location)
{
	buf_reset(&r->out);
	r->status = 303;
	r->ctype = "text/plain; charset=utf-8";
	http_header(r, "Location", location);
	return 303;
}

int form_fail_page(struct http_req *r, int rc)
{
	const char *msg;

	switch (rc) {
	case 401: msg = "Du behöver logga in för att göra det här."; break;
	case 403: msg = "Du har inte behörighet: det här tillhör en annan organisation eller kräver en annan roll."; break;
	case 404: msg = "Det du söker finns inte."; break;
	case 409: msg = "Ändringen går inte att göra i det läge saken är nu, till exempel en rapport som redan "
			"är inskickad eller godkänd. Ladda om sidan."; break;
	case 412: msg = "Någon annan har ändrat uppgifterna sedan du öppnade sidan. Ladda om sidan och försök igen."; break;
	case 413: msg = "Formuläret är för stort."; break;
	case 422: msg = "Uppgifterna kunde inte sparas: något fält har ett ogiltigt värde."; break;
	case 429: msg = "För många försök. Vänta en stund och försök igen."; break;
	default: msg = "Ett internt fel inträffade. Försök igen senare."; break;
	}
	return page_error(r, rc >= 400 && rc <= 599 ? rc : 500, msg);
}

const char *form_local_path(const char *s, const char *fallback)
{
	size_t n;

	if (!s || s[0] != '/' || s[1] == '/' || (n = strlen(s)) > 512)
		return fallback;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '\\' || s[i] == 0x7f)
			return fallback;
	return s;
}
