/* json.c: structural JSON writer with escaping and UTF-8 repair. */
#include "render/json.h"
#include "core/buf.h"
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

int json_escape_str(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, len;
	char esc[8];

	buf_addc(out, '"');
	while (i < n) {
		unsigned char c = p[i];
		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			i++;	/* plain ASCII: copied in runs below */
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

/* plain: n bytes of s need no escape (printable ASCII other than '"' and '\\'). */
static int plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			return 0;
	}
	return 1;
}

void json_key(struct json *j, const char *key)
{
	char tmp[64];
	size_t n, k = 0;

	if (j->bad || j->depth == 0 || j->kind[j->depth - 1] != 'o' || j->want_value || !key) {
		j->bad = 1;
		return;
	}
	n = strlen(key);
	if (!j->pretty && n <= sizeof(tmp) - 4 && plain(key, n)) {
		/* the usual key (a name in the code): separator, quotes and colon in one append */
		if (j->count[j->depth - 1]++)
			tmp[k++] = ',';
		tmp[k++] = '"';
		memcpy(tmp + k, key, n);
		k += n;
		tmp[k++] = '"';
		tmp[k++] = ':';
		buf_add(j->out, tmp, k);
		j->want_value = 1;
		return;
	}
	if (j->count[j->depth - 1]++)
		buf_addc(j->out, ',');
	newline(j);
	json_escape_str(j->out, key, n);
	buf_adds(j->out, j->pretty ? ": " : ":");
	j->want_value = 1;
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
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

void json_int(struct json *j, int64_t v)
{
	if (begin_value(j) < 0)
		return;
	add_int(j->out, (long long)v);
	end_value(j);
}

/* The powers of ten add_short_real tries as denominators (each exact in a double). */
static const double pow10_tab[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };
#define SHORT_REAL_DECIMALS 8

/* add_short_real: appends v (finite, not an integer) in the bytes "%.15g" writes for it, when
 * v is the double nearest a decimal u / 10^d with u < 10^15, 1 <= d <= 8, and 1e-4 <= |v| <
 * 1e15 (the follow-up figures: 12.5, 0.37, 1234.56); returns 0, having written nothing, for
 * any other v. Why the bytes are printf's: u / 10^d in doubles is the correctly rounded
 * quotient of two exact doubles, so v == u / 10^d says v is the double nearest the decimal D =
 * u / 10^d, the one strtod reads from D's digits. "%.15g" rounds v to 15 significant digits:
 * D has at most 15 and |v - D| is at most half an ulp of v (< |v| * 1.2e-16), far less than
 * half the step of 15 digits (> |v| * 5e-16), so the rounding gives D; D's exponent is in
 * -4..14, so %g writes D without an exponent and without trailing zeros, which is what is
 * written here (the smallest d comes first, so u has no trailing zero). tests/unit/test-core
 * compares both on 600,000 values. */
static int add_short_real(struct buf *b, double v)
{
	double a = fabs(v);
	char tmp[32], *p = tmp + sizeof(tmp);

	if (!(a >= 1e-4 && a < 1e15))
		return 0;
	for (int d = 1; d <= SHORT_REAL_DECIMALS; d++) {
		double m = a * pow10_tab[d] + 0.5;
		if (m >= 1e15)
			return 0;
		unsigned long long u = (unsigned long long)m;
		if ((double)u / pow10_tab[d] != a)
			continue;
		for (int k = 0; k < d; k++, u /= 10)
			*--p = (char)('0' + u % 10);
		*--p = '.';
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (v < 0)
			*--p = '-';
		buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
		return 1;
	}
	return 0;
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
