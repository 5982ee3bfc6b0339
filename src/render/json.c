/* json.c: structural JSON writer with escaping and UTF-8 repair. */
#include "render/json.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "core/utf8.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void json_init(struct json *j, struct buf *out, int pretty)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->pretty = pretty;
}

static void newline(struct json *j)
{
	int i;

	if (!j->pretty)
		return;
	buf_addc(j->out, '\n');
	for (i = 0; i < j->depth; i++)
		buf_adds(j->out, "  ");
}

/* begin_value: checks that a value may come here and writes the separator before it. */
static int begin_value(struct json *j)
{
	if (j->bad)
		return -1;
	if (j->depth == 0) {
		if (j->done)
			return j->bad = 1, -1;
		return 0;
	}
	if (j->kind[j->depth - 1] == 'o') {
		if (!j->want_value)
			return j->bad = 1, -1;
		j->want_value = 0;
		return 0;
	}
	if (j->count[j->depth - 1]++)
		buf_addc(j->out, ',');
	newline(j);
	return 0;
}

static void end_value(struct json *j)
{
	if (j->depth == 0)
		j->done = 1;
}

/* What json_escape_str does with each byte: copy it in the run (1: printable ASCII but the
 * quote and the backslash), keep the two-byte UTF-8 sequence it starts in the run (2: å, ä, ö,
 * é, most of Swedish text's) or look at it (0). A table: one load per byte of the plain runs. */
enum { J_PLAIN = 1, J_LEAD2 };
static const unsigned char json_class[256] = { /* 16 bytes a row */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

int json_escape_str(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, len;
	char esc[8];

	buf_addc(out, '"');
	while (i < n) {
		unsigned char c = p[i];
		if (json_class[c] == J_PLAIN) {
			i++;	/* plain ASCII: copied in runs below */
			continue;
		}
		/* a two-byte sequence stays in the run, without the call that checks longer ones */
		if (json_class[c] == J_LEAD2 && i + 1 < n && (p[i + 1] & 0xc0) == 0x80) {
			i += 2;
			continue;
		}
		buf_add(out, p + run, i - run);
		if (c == '"' || c == '\\') {
			buf_addc(out, '\\');
			buf_addc(out, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			buf_adds(out, esc);
			i++;
		} else if ((len = utf8_seq(p + i, n - i, NULL)) == 0) {
			buf_adds(out, "\xef\xbf\xbd");
			i++;
		} else {
			buf_add(out, p + i, len);
			i += len;
		}
		run = i;
	}
	buf_add(out, p + run, i - run);
	return buf_addc(out, '"');
}

static void open_container(struct json *j, char kind)
{
	if (begin_value(j) < 0)
		return;
	if (j->depth >= JSON_MAX_DEPTH) {
		j->bad = 1;
		return;
	}
	buf_addc(j->out, kind == 'o' ? '{' : '[');
	j->kind[j->depth] = kind;
	j->count[j->depth] = 0;
	j->depth++;
}

static void close_container(struct json *j, char kind)
{
	int had;

	if (j->bad || j->depth == 0 || j->kind[j->depth - 1] != kind || j->want_value) {
		j->bad = 1;
		return;
	}
	had = j->count[j->depth - 1];
	j->depth--;
	if (had)
		newline(j);
	buf_addc(j->out, kind == 'o' ? '}' : ']');
	end_value(j);
}

void json_obj_open(struct json *j) { open_container(j, 'o'); }
void json_obj_close(struct json *j) { close_container(j, 'o'); }
void json_arr_open(struct json *j) { open_container(j, 'a'); }
void json_arr_close(struct json *j) { close_container(j, 'a'); }

/* KEY_PLAIN_MAX: the longest piece key_plain writes (separator, quotes, key and colon). */
#define KEY_PLAIN_MAX 64

/* key_plain: writes the separator, key in quotes and the colon when the piece has at most
 * KEY_PLAIN_MAX bytes and the key is printable ASCII with nothing to escape (a name in the
 * code); 0 (nothing written) otherwise. Tests and copies each byte in one pass, straight into
 * the output when it has the room (buf_space), else through tmp. */
static int key_plain(struct json *j, const char *key)
{
	char tmp[KEY_PLAIN_MAX], *room = buf_space(j->out, KEY_PLAIN_MAX), *d = room ? room : tmp;
	size_t k = 0;

	if (j->count[j->depth - 1])
		d[k++] = ',';
	d[k++] = '"';
	for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
		if (k >= KEY_PLAIN_MAX - 2 || *p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\') {
			if (room)
				room[0] = '\0';	/* the output's end as it was */
			return 0;
		}
		d[k++] = (char)*p;
	}
	d[k++] = '"';
	d[k++] = ':';
	j->count[j->depth - 1]++;
	if (room)
		buf_wrote(j->out, k);
	else
		buf_add(j->out, tmp, k);
	return 1;
}

void json_key(struct json *j, const char *key)
{
	if (j->bad || j->depth == 0 || j->kind[j->depth - 1] != 'o' || j->want_value || !key) {
		j->bad = 1;
		return;
	}
	j->want_value = 1;
	if (!j->pretty && key_plain(j, key))
		return;
	if (j->count[j->depth - 1]++)
		buf_addc(j->out, ',');
	newline(j);
	json_escape_str(j->out, key, strlen(key));
	buf_adds(j->out, j->pretty ? ": " : ":");
}

void json_strn(struct json *j, const char *s, size_t n)
{
	if (begin_value(j) < 0)
		return;
	if (s)
		json_escape_str(j->out, s, n);
	else
		buf_adds(j->out, "null");
	end_value(j);
}

void json_str(struct json *j, const char *s)
{
	json_strn(j, s, s ? strlen(s) : 0);
}

/* add_int: appends v in decimal, the bytes printf's "%lld" writes, without printf's cost (the
 * API's documents are mostly numbers). */
static void add_int(struct buf *b, long long v)
{
	char tmp[NUMFMT_SIZE];

	buf_add(b, tmp, numfmt_long(v, tmp));
}

void json_int(struct json *j, int64_t v)
{
	if (begin_value(j) < 0)
		return;
	add_int(j->out, (long long)v);
	end_value(j);
}

/* add_short_real: appends v in the bytes "%.15g" writes for it when v is a short decimal
 * (core/numfmt.h numfmt_short_real: the follow-up figures, 12.5, 0.37, 1234.56); returns 0,
 * having written nothing, for any other v. tests/unit/test-core compares json_num with printf
 * on 600,000 values. */
static int add_short_real(struct buf *b, double v)
{
	char tmp[NUMFMT_SIZE];
	size_t n = numfmt_short_real(v, tmp);

	if (n)
		buf_add(b, tmp, n);
	return n > 0;
}

void json_num(struct json *j, double v)
{
	char tmp[64];

	if (begin_value(j) < 0)
		return;
	if (!isfinite(v)) {
		buf_adds(j->out, "null");
	} else if (v == (double)(long long)v && fabs(v) < 1e15) {
		add_int(j->out, (long long)v);
	} else if (add_short_real(j->out, v)) {
		/* written */
	} else {
		/* 15 significant digits read back exactly for almost every value; else 17 */
		snprintf(tmp, sizeof(tmp), "%.15g", v);
		if (strtod(tmp, NULL) != v)
			snprintf(tmp, sizeof(tmp), "%.17g", v);
		buf_adds(j->out, tmp);
	}
	end_value(j);
}

void json_bool(struct json *j, int v)
{
	if (begin_value(j) < 0)
		return;
	buf_adds(j->out, v ? "true" : "false");
	end_value(j);
}

void json_nothing(struct json *j)
{
	if (begin_value(j) < 0)
		return;
	buf_adds(j->out, "null");
	end_value(j);
}

int json_finish(struct json *j)
{
	if (j->bad || !j->done || j->depth != 0 || j->out->overflow)
		return -1;
	if (j->pretty)
		buf_addc(j->out, '\n');
	return 0;
}
