/* json.c: structural JSON writer with escaping and UTF-8 repair. */
#include "render/json.h"
#include "core/buf.h"
#include "core/numexact.h"
#include "core/numfmt.h"
#include "core/utf8.h"

#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void json_init(struct json *j, struct buf *out, int pretty)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->pretty = pretty;
}

void json_init_doc(struct json *j, struct buf *out)
{
	json_init(j, out, 1);
	j->doc = 1;
}

/* INDENT_MAX: the deepest level whose indent goes in one piece (deeper ones byte by byte). */
#define INDENT_MAX 32
static const char spaces[2 * INDENT_MAX] = "                                                                ";

static void newline(struct json *j)
{
	size_t n = 2 * (size_t)j->depth;

	if (!j->pretty)
		return;
	buf_addc(j->out, '\n');
	for (; n > sizeof(spaces); n -= sizeof(spaces))
		buf_add(j->out, spaces, sizeof(spaces));
	buf_add(j->out, spaces, n);
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

#ifdef __SSE2__
/* plain_16: whether the sixteen bytes of x are all J_PLAIN (the tests of plain_end). */
static int plain_16(__m128i x)
{
	__m128i m = _mm_or_si128(_mm_cmplt_epi8(x, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(x, _mm_set1_epi8('"')));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\')), _mm_cmpeq_epi8(x, _mm_set1_epi8(0x7f))));
	return _mm_movemask_epi8(m) == 0;
}
#endif

/* copy_plain: copies p[0..n) to d and returns whether every byte is J_PLAIN. Keys of 4 to 16
 * bytes (most of them) as two overlapping loads, stores and one vector test where SSE2 is
 * there; the others a byte at a time, without a branch per byte. */
static int copy_plain(char *d, const unsigned char *p, size_t n)
{
	unsigned bad = 0;

#ifdef __SSE2__
	if (n >= 8 && n <= 16) {
		uint64_t a, b;
		memcpy(&a, p, 8);
		memcpy(&b, p + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
		return plain_16(_mm_set_epi64x((long long)b, (long long)a));
	}
	if (n >= 4 && n < 8) {
		uint32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		memcpy(d, &a, 4);
		memcpy(d + n - 4, &b, 4);
		return plain_16(_mm_set_epi32((int)a, (int)b, (int)a, (int)b));
	}
#endif
	for (size_t i = 0; i < n; i++) {
		bad |= json_class[p[i]] ^ J_PLAIN;
		d[i] = (char)p[i];
	}
	return !bad;
}

/* plain_end: the index of the first byte of p[i..n) that json_escape_str must look at
 * (json_class not J_PLAIN), or n. Sixteen bytes at a time where SSE2 is there (every x86-64):
 * bytes below 0x20 or at or above 0x80 (signed, one compare), '"', '\\' and 0x7f; fewer than
 * sixteen left of a text of sixteen or more: the text's last sixteen, those before i masked
 * off (a byte at a time cost about 4 instructions a byte). Reads only inside p[0..n). */
static size_t plain_end(const unsigned char *p, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i ctl = _mm_set1_epi8(0x20), quot = _mm_set1_epi8('"'), bsl = _mm_set1_epi8('\\'),
		      del = _mm_set1_epi8(0x7f);

	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i m = _mm_or_si128(_mm_cmplt_epi8(x, ctl), _mm_cmpeq_epi8(x, quot));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, bsl), _mm_cmpeq_epi8(x, del)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
	if (i < n && n >= 16) {	/* the last bytes as one block ending at n, the ones before i left out */
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + n - 16));
		__m128i m = _mm_or_si128(_mm_cmplt_epi8(x, ctl), _mm_cmpeq_epi8(x, quot));
		m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(x, bsl), _mm_cmpeq_epi8(x, del)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m) >> (i - (n - 16));
		return bits ? i + (size_t)__builtin_ctz(bits) : n;
	}
#endif
	while (i < n && json_class[p[i]] == J_PLAIN)
		i++;
	return i;
}

/* add_quoted_plain: appends s[0..n), which needs no escaping, in quotes as one piece; 0 when it
 * does not fit the memory out has (nothing written: the caller takes the long way). */
static int add_quoted_plain(struct buf *out, const char *s, size_t n)
{
	char *room = buf_space(out, n + 2);

	if (!room)
		return 0;
	room[0] = '"';
	memcpy(room + 1, s, n);
	room[n + 1] = '"';
	buf_wrote(out, n + 2);
	return 1;
}

/* add_doc_escape: add_escape's control characters and DEL in the plan document's style
 * (json_init_doc); 0 for another byte. */
static size_t add_doc_escape(struct buf *out, unsigned char c)
{
	static const char hex[] = "0123456789ABCDEF", shortc[] = "btn\0fr";

	if (c == 0x7f) {
		buf_addc(out, (char)c);
		return 1;
	}
	if (c >= 0x20)
		return 0;
	if (c >= '\b' && c <= '\r' && c != '\v') {
		char e[2] = { '\\', shortc[c - '\b'] };
		buf_add(out, e, 2);
		return 1;
	}
	char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
	buf_add(out, e, 6);
	return 1;
}

/* add_escape: appends the escape of the byte (or sequence) at p[i] that json_class marks (doc:
 * in the plan document's style); returns how many bytes of p it stood for. */
static size_t add_escape(struct buf *out, const unsigned char *p, size_t i, size_t n, int doc)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c = p[i];
	size_t len;

	if (doc && (len = add_doc_escape(out, c)) > 0)
		return len;
	if (c == '"' || c == '\\') {
		char e[2] = { '\\', (char)c };
		buf_add(out, e, 2);
		return 1;
	}
	if (c < 0x20 || c == 0x7f) {
		char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
		buf_add(out, e, 6);
		return 1;
	}
	if ((len = utf8_seq(p + i, n - i, NULL)) == 0) {
		buf_add(out, "\xef\xbf\xbd", 3);
		return 1;
	}
	buf_add(out, p + i, len);
	return len;
}

/* SHORT_PLAIN_MAX: the longest text escape_str copies by copy_plain before it looks for bytes to
 * escape (copy_plain's two overlapping loads). */
#define SHORT_PLAIN_MAX 16

/* escape_str: json_escape_str, in the plan document's style when doc. */
static int escape_str(struct buf *out, const char *s, size_t n, int doc)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, run = 0;
	char *room;

	/* a short text (most of a row's cells: keys, codes, periods) copied and tested at once */
	if (n <= SHORT_PLAIN_MAX && (room = buf_space(out, n + 2)) != NULL && copy_plain(room + 1, p, n)) {
		room[0] = '"';
		room[n + 1] = '"';
		buf_wrote(out, n + 2);
		return 0;
	}
	i = plain_end(p, 0, n);
	if (i == n && add_quoted_plain(out, s, n))
		return 0;	/* the common case: nothing to escape, one piece */
	buf_addc(out, '"');
	while (i < n) {
		unsigned char c = p[i];
		/* a two-byte sequence stays in the run, without the call that checks longer ones */
		if (json_class[c] == J_LEAD2 && i + 1 < n && (p[i + 1] & 0xc0) == 0x80) {
			i = plain_end(p, i + 2, n);
			continue;
		}
		buf_add(out, p + run, i - run);
		i += add_escape(out, p, i, n, doc);
		run = i;
		i = plain_end(p, i, n);
	}
	buf_add(out, p + run, i - run);
	return buf_addc(out, '"');
}

int json_escape_str(struct buf *out, const char *s, size_t n)
{
	return escape_str(out, s, n, 0);
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

/* KEY_PLAIN_MAX: the longest key key_plain writes (without separator, quotes and colon). */
#define KEY_PLAIN_MAX 60

/* key_plain: writes the separator (and, when pretty, the new line and indent), key[0..n) in
 * quotes and the colon (": " when pretty) in one piece when the key has at most KEY_PLAIN_MAX
 * bytes, is printable ASCII with nothing to escape (a name in the code), the indent fits one
 * piece and the output has the room; 0 (nothing written) otherwise. */
static int key_plain(struct json *j, const char *key, size_t n)
{
	size_t ind = j->pretty ? 2 * (size_t)j->depth : 0;
	char *room = n <= KEY_PLAIN_MAX && ind <= sizeof(spaces) ? buf_space(j->out, n + 6 + ind) : NULL, *d;

	if (!room)
		return 0;
	d = room;
	if (j->count[j->depth - 1])
		*d++ = ',';
	if (j->pretty) {
		*d++ = '\n';
		memcpy(d, spaces, ind);
		d += ind;
	}
	*d++ = '"';
	if (!copy_plain(d, (const unsigned char *)key, n)) {
		room[0] = '\0';	/* the output's end as it was */
		return 0;
	}
	d += n;
	*d++ = '"';
	*d++ = ':';
	if (j->pretty)
		*d++ = ' ';
	j->count[j->depth - 1]++;
	buf_wrote(j->out, (size_t)(d - room));
	return 1;
}

void json_keyn(struct json *j, const char *key, size_t n)
{
	if (j->bad || j->depth == 0 || j->kind[j->depth - 1] != 'o' || j->want_value || !key) {
		j->bad = 1;
		return;
	}
	j->want_value = 1;
	if (key_plain(j, key, n))
		return;
	if (j->count[j->depth - 1]++)
		buf_addc(j->out, ',');
	newline(j);
	escape_str(j->out, key, n, j->doc);
	buf_adds(j->out, j->pretty ? ": " : ":");
}

void json_key(struct json *j, const char *key)
{
	json_keyn(j, key, key ? strlen(key) : 0);
}

void json_strn(struct json *j, const char *s, size_t n)
{
	if (begin_value(j) < 0)
		return;
	if (s)
		escape_str(j->out, s, n, j->doc);
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
	char tmp[NUMFMT_SIZE], *room = buf_space(b, NUMFMT_SIZE);

	if (room)
		buf_wrote(b, numfmt_long(v, room));	/* straight into the output */
	else
		buf_add(b, tmp, numfmt_long(v, tmp));
}

void json_int(struct json *j, int64_t v)
{
	if (begin_value(j) < 0)
		return;
	add_int(j->out, (long long)v);
	end_value(j);
}

size_t json_num_text(double v, char *out)
{
	size_t n;

	if (!isfinite(v)) {
		memcpy(out, "null", 5);
		return 4;
	}
	if (v == (double)(long long)v && fabs(v) < 1e15)
		return numfmt_long((long long)v, out);
	if ((n = numfmt_short_real(v, out)) > 0 || (n = numexact_g15_17(v, out)) > 0)
		return n;
	/* 15 significant digits read back exactly for almost every value; else 17 */
	snprintf(out, JSON_NUM_SIZE, "%.15g", v);
	if (strtod(out, NULL) != v)
		snprintf(out, JSON_NUM_SIZE, "%.17g", v);
	return strlen(out);
}

/* doc_real_text: v as the plan document writes a real (json_init_doc) into out (JSON_NUM_SIZE
 * bytes; null for NaN/inf); returns its length. */
static size_t doc_real_text(double v, char *out)
{
	char *e, *from, *to;
	int n;

	if (!isfinite(v)) {
		memcpy(out, "null", 5);
		return 4;
	}
	n = snprintf(out, JSON_NUM_SIZE, "%.15g", v);
	if (n < 0 || n >= JSON_NUM_SIZE - 3)
		return 0;
	if (!strchr(out, '.') && !strchr(out, 'e')) {
		memcpy(out + n, ".0", 3);
		n += 2;
	}
	if ((e = strchr(out, 'e')) != NULL) {	/* "e+07" -> "e7", "e-07" -> "e-7" */
		to = e + 1;
		from = to + 1;
		if (*to == '-')
			to++;
		while (*from == '0')
			from++;
		if (from != to) {
			memmove(to, from, (size_t)(out + n + 1 - from));
			n -= (int)(from - to);
		}
	}
	return (size_t)n;
}

void json_num(struct json *j, double v)
{
	char tmp[JSON_NUM_SIZE], *room;
	size_t (*text)(double, char *) = j->doc ? doc_real_text : json_num_text;

	if (begin_value(j) < 0)
		return;
	if ((room = buf_space(j->out, JSON_NUM_SIZE)) != NULL)
		buf_wrote(j->out, text(v, room));	/* straight into the output */
	else
		buf_add(j->out, tmp, text(v, tmp));
	end_value(j);
}

void json_value(struct json *j, const char *s, size_t n)
{
	if (j->pretty) {
		j->bad = 1;
		return;
	}
	if (begin_value(j) < 0)
		return;
	buf_add(j->out, s, n);
	end_value(j);
}

struct buf *json_value_out(struct json *j)
{
	if (j->pretty) {
		j->bad = 1;
		return NULL;
	}
	if (begin_value(j) < 0)
		return NULL;
	end_value(j);
	return j->out;
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
