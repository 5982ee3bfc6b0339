/* upload-parts.c: collecting the parts of a multipart body against a field table, UTF-8
 * checks, and safe file names. No I/O and no HTTP library: the fuzz target drives it. */
#include "web/upload-int.h"
#include "core/utf8.h"

#include <string.h>

int upload_utf8_ok(const char *str, size_t n, int strict, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, len;

	while (i < n) {
		unsigned char c = s[i];
		len = utf8_seq(s + i, n - i, NULL);
		if (!len || c == 0 || (strict && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)))
			goto bad;
		/* C1 controls (U+0080-U+009F) are as unwanted in a field as C0 ones */
		if (strict && len == 2 && c == 0xc2 && s[i + 1] < 0xa0)
			goto bad;
		i += len;
	}
	return 1;
bad:
	if (bad)
		*bad = i;
	return 0;
}

/* name_ok: may byte c (ASCII) stay in a safe file name? */
static int name_ok(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
	       c == '-' || c == '_' || c == ' ';
}

char *upload_safe_name(const char *name, const char *fallback, char out[UPLOAD_NAME_MAX])
{
	const char *base = name ? name : "";
	size_t o = 0, n, len;

	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	n = strlen(base);
	if (!upload_utf8_ok(base, n, 0, NULL))
		n = 0;
	while (n && (*base == '.' || *base == ' '))
		base++, n--;
	for (size_t i = 0; i < n; i += len) {
		unsigned char c = (unsigned char)base[i];
		len = utf8_seq((const unsigned char *)base + i, n - i, NULL);
		if (o + len >= UPLOAD_NAME_MAX)
			break;
		if (len > 1 && !(len == 2 && c == 0xc2 && (unsigned char)base[i + 1] < 0xa0))
			memcpy(out + o, base + i, len), o += len;
		else
			out[o++] = len == 1 && name_ok(c) ? (char)c : '_';
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	if (!o) {
		strncpy(out, fallback, UPLOAD_NAME_MAX - 1);
		out[UPLOAD_NAME_MAX - 1] = '\0';
	}
	return out;
}

void upload_collect_init(struct upload_collect *c, const struct upload_field *fields, int n, struct arena *a)
{
	memset(c, 0, sizeof(*c));
	c->fields = fields;
	c->nfields = n < UPLOAD_MAX_FIELDS ? n : UPLOAD_MAX_FIELDS;
	c->a = a;
	c->cur = -1;
	c->fail_field = -1;
	for (int i = 0; i < c->nfields; i++) {
		size_t max = fields[i].max;
		if (fields[i].t == UP_FIELD && (!max || max > FORM_MAX_VALUE))
			max = FORM_MAX_VALUE;
		if (!max || max > UPLOAD_MAX_BODY)
			max = UPLOAD_MAX_BODY;
		buf_init(&c->data[i], max);
	}
}

static int fail(struct upload_collect *c, enum upload_fail why, int field)
{
	if (c->fail == UPF_NONE) {
		c->fail = why;
		c->fail_field = field;
	}
	return -1;
}

/* printable: name cut to 60 bytes at a character boundary, or a description when it is not
 * UTF-8 text; in the arena. */
static const char *printable(struct upload_collect *c, const char *name)
{
	size_t n = strlen(name), cut = 0, len;

	if (!upload_utf8_ok(name, n, 1, NULL))
		return NULL;
	while (cut < n && (len = utf8_seq((const unsigned char *)name + cut, n - cut, NULL)) && cut + len <= 60)
		cut += len;
	return arena_strndup(c->a, name, cut);
}

static int start_part(struct upload_collect *c, const char *key, const char *filename)
{
	int i;

	if (++c->nparts > UPLOAD_MAX_PARTS)
		return fail(c, UPF_TOO_MANY, -1);
	for (i = 0; i < c->nfields; i++)
		if (strcmp(c->fields[i].name, key) == 0)
			break;
	if (i == c->nfields) {
		c->bad_name = printable(c, key);
		return fail(c, UPF_UNKNOWN, -1);
	}
	if (c->seen[i])
		return fail(c, UPF_TWICE, i);
	if (filename && c->fields[i].t == UP_FIELD)
		return fail(c, UPF_FILE_FIELD, i);
	if (filename && (strlen(filename) > UPLOAD_MAX_FILENAME || !upload_utf8_ok(filename, strlen(filename), 1, NULL)))
		return fail(c, UPF_FILENAME, i);
	c->seen[i] = 1;
	c->filename[i] = filename ? arena_strdup(c->a, filename) : NULL;
	c->cur = i;
	return 0;
}

int upload_collect_part(struct upload_collect *c, const char *key, const char *filename, const char *data,
			uint64_t off, size_t size)
{
	if (c->fail != UPF_NONE)
		return -1;
	if (!key)
		key = "";
	if (off == 0) {
		if (start_part(c, key, filename) != 0)
			return -1;
	} else if (c->cur < 0 || strcmp(c->fields[c->cur].name, key) != 0 || off != c->data[c->cur].len) {
		return fail(c, UPF_SEQUENCE, c->cur);
	}
	if (size && buf_add(&c->data[c->cur], data, size) != 0)
		return fail(c, UPF_TOO_BIG, c->cur);
	return 0;
}

/* to_lf: CR LF and a lone CR in b become LF. */
static void to_lf(struct buf *b)
{
	size_t o = 0;

	for (size_t i = 0; i < b->len; i++) {
		char ch = b->ptr[i];
		if (ch == '\r') {
			if (i + 1 < b->len && b->ptr[i + 1] == '\n')
				continue;
			ch = '\n';
		}
		b->ptr[o++] = ch;
	}
	buf_truncate(b, o);
}

int upload_collect_finish(struct upload_collect *c)
{
	if (c->fail != UPF_NONE)
		return -1;
	if (!c->nparts)
		return fail(c, UPF_NO_PARTS, -1);
	for (int i = 0; i < c->nfields; i++) {
		struct buf *b = &c->data[i];
		if (!c->seen[i])
			continue;
		if (c->fields[i].t == UP_FIELD) {
			to_lf(b);
			if (!upload_utf8_ok(b->ptr, b->len, 1, NULL))
				return fail(c, UPF_FIELD_TEXT, i);
		} else if (!upload_utf8_ok(b->ptr, b->len, 0, &c->bad_at)) {
			return fail(c, UPF_DOC_TEXT, i);
		}
	}
	return 0;
}

void upload_collect_release(struct upload_collect *c)
{
	for (int i = 0; i < c->nfields; i++)
		buf_release(&c->data[i]);
}
