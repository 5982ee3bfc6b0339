/* test-core.c: unit tests of core/ (buf, arena, err, collate), render/ (json, rows) and load/tsv. */
#include "testlib.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/collate.h"
#include "core/err.h"
#include "core/hexfloat.h"
#include "core/numfmt.h"
#include "core/runsort.h"
#include "core/utf8.h"
#include "load/tsv.h"
#include "render/html.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/backend.h"

#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <math.h>
#include <inttypes.h>
#include <stdint.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/ucol.h>

static void test_buf_grows_and_terminates(void)
{
	struct buf b;

	buf_init(&b, 0);
	T_EQ_STR(b.ptr, "");
	for (int i = 0; i < 1000; i++)
		T_EQ_INT(buf_adds(&b, "abc"), 0);
	T_EQ_INT(b.len, 3000);
	T_EQ_INT(b.ptr[3000], '\0');
	T_EQ_INT(buf_addf(&b, "%d-%s", 42, "x"), 0);
	T_CONTAINS(b.ptr + 2990, "abc42-x");
	buf_release(&b);
	T_EQ_STR(b.ptr, "");
}

static void test_buf_max_is_sticky(void)
{
	struct buf b;

	buf_init(&b, 8);
	T_EQ_INT(buf_adds(&b, "12345678"), 0);
	T_EQ_INT(buf_addc(&b, '9'), -1);
	T_EQ_INT(b.overflow, 1);
	T_EQ_INT(b.len, 8);
	T_EQ_INT(buf_adds(&b, ""), -1);	/* sticky until reset */
	buf_reset(&b);
	T_EQ_INT(b.overflow, 0);
	T_EQ_INT(buf_addf(&b, "%s", "123456789"), -1);
	T_EQ_STR(b.ptr, "");
	buf_release(&b);
}

/* buf_reserve: one allocation holds what was reserved (appends up to it do not move the data);
 * past max it does nothing and leaves b usable (a hint, not an append) */
static void test_buf_reserve(void)
{
	struct buf b;
	const char *p;

	buf_init(&b, 100);
	buf_adds(&b, "ab");
	T_EQ_INT(buf_reserve(&b, 90), 0);
	T_EQ_INT(b.cap >= 93, 1);
	p = b.ptr;
	for (int i = 0; i < 30; i++)
		buf_adds(&b, "xyz");
	T_EQ_INT(b.ptr == p, 1);
	T_EQ_INT(b.len, 92);
	T_EQ_INT(buf_reserve(&b, 8), -1);	/* past max: nothing done, not overflowed */
	T_EQ_INT(b.overflow, 0);
	T_EQ_INT(buf_adds(&b, "1234567"), 0);
	T_EQ_INT(b.len, 99);
	buf_release(&b);
}

static void test_buf_detach(void)
{
	struct buf b;
	size_t len;
	char *s;

	buf_init(&b, 0);
	buf_adds(&b, "hej");
	s = buf_detach(&b, &len);
	T_EQ_STR(s, "hej");
	T_EQ_INT(len, 3);
	T_EQ_STR(b.ptr, "");
	free(s);
	s = buf_detach(&b, NULL);	/* an empty buffer detaches to a malloc'd "" */
	T_EQ_STR(s, "");
	free(s);
}

/* arena_grow: room for one more, the items kept in order, the capacity doubled from first */
static void test_arena_grow(void)
{
	struct arena a = ARENA_INIT;
	long *v = NULL;
	int n = 0, cap = 0, caps = 0;

	for (long i = 0; i < 1000; i++) {
		int before = cap;
		v = arena_grow(&a, v, n, &cap, sizeof(*v), 4);
		caps += cap != before;
		T_CHECK(cap > n);
		v[n++] = i * 7;
	}
	T_EQ_INT(cap, 1024);		/* 4, 8, ..., 1024 */
	T_EQ_INT(caps, 9);
	int ok = 1;
	for (int i = 0; i < n; i++)
		ok &= v[i] == (long)i * 7;
	T_CHECK(ok);
	arena_release(&a);
}

static void test_arena(void)
{
	struct arena a = ARENA_INIT;
	char *s = arena_strdup(&a, "Spånga-Tensta");
	int *big = arena_alloc(&a, 100000 * sizeof(int));

	T_EQ_STR(s, "Spånga-Tensta");
	T_EQ_INT(big[99999], 0);	/* zero-filled */
	T_EQ_STR(arena_strndup(&a, "abcdef", 3), "abc");
	T_CHECK(arena_strdup(&a, NULL) == NULL);
	T_EQ_INT((uintptr_t)arena_alloc(&a, 3) % sizeof(void *), 0);
	arena_release(&a);
	T_CHECK(a.head == NULL);
}

static void test_err_prefix(void)
{
	struct err e;

	err_clear(&e);
	T_EQ_INT(err_set(&e, LUP_EINVAL, "column '%s': bad", "x"), LUP_EINVAL);
	err_prefix(&e, "%s:%d: ", "f.tsv", 12);
	T_EQ_STR(e.msg, "f.tsv:12: column 'x': bad");
	T_EQ_STR(lup_strerror(LUP_ENOTFOUND), "not found");
	T_EQ_STR(lup_strerror((enum lup_err)999), "unknown error");
}

static void json_case(const char *want, void (*fill)(struct json *))
{
	struct buf b;
	struct json j;

	buf_init(&b, 0);
	json_init(&j, &b, 0);
	fill(&j);
	T_EQ_INT(json_finish(&j), 0);
	T_EQ_STR(b.ptr, want);
	buf_release(&b);
}

static void fill_object(struct json *j)
{
	json_obj_open(j);
	json_key(j, "name"); json_str(j, "Älvsjö \"x\"\n\x01");
	json_key(j, "n"); json_int(j, -7);
	json_key(j, "v"); json_num(j, 4.6);
	json_key(j, "ok"); json_bool(j, 1);
	json_key(j, "none"); json_nothing(j);
	json_key(j, "list"); json_arr_open(j); json_int(j, 1); json_str(j, NULL); json_arr_close(j);
	json_obj_close(j);
}

static void test_json_writer(void)
{
	json_case("{\"name\":\"Älvsjö \\\"x\\\"\\u000a\\u0001\",\"n\":-7,\"v\":4.6,\"ok\":true,"
		  "\"none\":null,\"list\":[1,null]}", fill_object);
}

/* fill_bytes: strings at the edges of json_escape_str's classes: DEL, a lone two-byte lead (at
 * the end and before ASCII), a three-byte sequence, an overlong NUL, a backslash, a byte past
 * the string's length (json_strn) */
static void fill_bytes(struct json *j)
{
	json_arr_open(j);
	json_str(j, "\x7f");
	json_str(j, "\xc3");
	json_str(j, "\xc3" "A");
	json_str(j, "\xe2\x82\xac \xc3\xa9");
	json_str(j, "\xc0\x80");
	json_str(j, "a\\b");
	json_strn(j, "x\xc3\xa9", 2);
	json_arr_close(j);
}

static void test_json_bytes(void)
{
	json_case("[\"\\u007f\",\"\xef\xbf\xbd\",\"\xef\xbf\xbd" "A\",\"\xe2\x82\xac \xc3\xa9\","
		  "\"\xef\xbf\xbd\xef\xbf\xbd\",\"a\\\\b\",\"x\xef\xbf\xbd\"]", fill_bytes);
}

static void fill_ints(struct json *j)
{
	json_arr_open(j);
	json_int(j, 0); json_int(j, 9); json_int(j, -10); json_int(j, INT64_MAX); json_int(j, INT64_MIN);
	json_num(j, -0.0); json_num(j, 1e14); json_num(j, -123456789012345.0); json_num(j, 2.5);
	json_arr_close(j);
}

/* json_value: a value written beforehand takes a value's place (the comma before it, none
 * after a key); json_num_text gives json_num's text, null where it is not finite */
static void fill_values(struct json *j)
{
	char t[JSON_NUM_SIZE];

	json_arr_open(j);
	json_value(j, "{\"a\":1}", 7);
	json_value(j, "{\"a\":1}", 7);
	json_int(j, 3);
	json_obj_open(j);
	json_key(j, "v"); json_value(j, t, json_num_text(4.6, t));
	json_key(j, "n"); json_value(j, t, json_num_text(NAN, t));
	json_key(j, "i"); json_value(j, t, json_num_text(-INFINITY, t));
	json_key(j, "z"); json_value(j, t, json_num_text(-0.0, t));
	json_obj_close(j);
	json_arr_close(j);
}

static void test_json_values(void)
{
	struct buf b;
	struct json j;

	json_case("[{\"a\":1},{\"a\":1},3,{\"v\":4.6,\"n\":null,\"i\":null,\"z\":0}]", fill_values);
	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_obj_open(&j);
	json_value(&j, "1", 1);		/* a key is due: refused */
	T_EQ_INT(j.bad, 1);
	buf_release(&b);
	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_arr_open(&j);
	json_value(&j, "1", 1);		/* pretty: refused */
	T_EQ_INT(j.bad, 1);
	buf_release(&b);
}

/* json_value_out: the caller appends a value where the writer places it (a comma before it in
 * an array, none after a key); refused (NULL, nothing written) where a key is due or pretty */
static void fill_value_out(struct json *j)
{
	struct buf *b;

	json_arr_open(j);
	if ((b = json_value_out(j)) != NULL)
		buf_add(b, "{\"a\":1}", 7);
	if ((b = json_value_out(j)) != NULL)
		buf_add(b, "2", 1);
	json_obj_open(j);
	json_key(j, "k");
	if ((b = json_value_out(j)) != NULL)
		buf_add(b, "[3]", 3);
	json_obj_close(j);
	json_arr_close(j);
}

static void test_json_value_out(void)
{
	struct buf b;
	struct json j;

	json_case("[{\"a\":1},2,{\"k\":[3]}]", fill_value_out);
	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_obj_open(&j);
	T_EQ_INT(json_value_out(&j) == NULL, 1);	/* a key is due */
	T_EQ_INT(j.bad, 1);
	T_EQ_STR(b.ptr, "{");
	buf_release(&b);
	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_arr_open(&j);
	T_EQ_INT(json_value_out(&j) == NULL, 1);	/* pretty */
	T_EQ_INT(j.bad, 1);
	buf_release(&b);
}

/* integers are written without printf: the same bytes as "%lld" (the extremes, zero, signs) */
static void test_json_ints(void)
{
	json_case("[0,9,-10,9223372036854775807,-9223372036854775808,0,100000000000000,"
		  "-123456789012345,2.5]", fill_ints);
}

static void fill_keys(struct json *j)
{
	json_obj_open(j);
	json_key(j, "a"); json_int(j, 1);
	json_key(j, "q\"b\\"); json_int(j, 2);
	json_key(j, "är"); json_int(j, 3);
	json_key(j, "a_key_longer_than_sixty_bytes_is_written_the_long_way_round_ok"); json_int(j, 4);
	json_key(j, ""); json_obj_open(j); json_key(j, "in"); json_nothing(j); json_obj_close(j);
	json_obj_close(j);
}

/* keys: plain ones in one append, the others escaped; the same bytes either way */
static void test_json_keys(void)
{
	struct buf b;
	struct json j;

	json_case("{\"a\":1,\"q\\\"b\\\\\":2,\"är\":3,"
		  "\"a_key_longer_than_sixty_bytes_is_written_the_long_way_round_ok\":4,\"\":{\"in\":null}}", fill_keys);
	buf_init(&b, 0);
	json_init(&j, &b, 1);
	json_obj_open(&j); json_key(&j, "a"); json_int(&j, 1); json_key(&j, "b"); json_int(&j, 2); json_obj_close(&j);
	T_EQ_INT(json_finish(&j), 0);
	T_EQ_STR(b.ptr, "{\n  \"a\": 1,\n  \"b\": 2\n}\n");
	buf_release(&b);
}

/* keys of every length around the short path's bound, after values that leave the output's
 * memory full, nearly full or roomy (a key written in place or through a copy), and a key to
 * escape after 69 plain bytes: the bytes the long way gives, and the output still ends in NUL */
static void test_json_key_lengths(void)
{
	static const size_t lead[] = { 0, 1, 40, 100, 4000 };
	char key[80], want_key[90], pad[4100], want[4300];
	struct buf b;
	struct json j;

	for (size_t l = 0; l < sizeof(lead) / sizeof(lead[0]); l++)
		for (size_t n = 55; n < sizeof(key); n++) {
			memset(key, 'k', n);
			key[n] = '\0';
			memcpy(want_key, key, n + 1);
			if (n == 70) {
				key[n - 1] = '"';
				memcpy(want_key + n - 1, "\\\"", 3);
			}
			memset(pad, 'x', lead[l]);
			pad[lead[l]] = '\0';
			buf_init(&b, 0);
			json_init(&j, &b, 0);
			json_obj_open(&j);
			json_key(&j, "s");
			json_str(&j, pad);
			json_key(&j, key);
			json_int(&j, 1);
			json_obj_close(&j);
			T_EQ_INT(json_finish(&j), 0);
			snprintf(want, sizeof(want), "{\"s\":\"%s\",\"%s\":1}", pad, want_key);
			T_EQ_STR(b.ptr, want);
			T_EQ_INT(b.ptr[b.len], 0);
			buf_release(&b);
		}
}

/* ref_escape: the JSON text of s (ASCII) as the byte-at-a-time rule writes it, in quotes. */
static void ref_escape(const char *s, char *out)
{
	*out++ = '"';
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			out += sprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			out += sprintf(out, "\\u%04x", c);
		else
			*out++ = (char)c;
	}
	*out++ = '"';
	*out = '\0';
}

/* one byte to escape at every place of keys and strings of 1 to 40 bytes (the vector scans'
 * blocks, the keys' overlapping loads of 4 to 16 bytes and their edges): the bytes the
 * byte-at-a-time rule writes, in keys and in values */
static void test_json_escape_places(void)
{
	static const char special[] = { '"', '\\', 0x01, 0x1f, 0x7f };
	char s[48], ek[128], want[300];
	struct buf b;
	struct json j;

	for (size_t n = 1; n <= 40; n++)
		for (size_t at = 0; at < n; at++)
			for (size_t k = 0; k < sizeof(special); k++) {
				memset(s, 'a' + (int)(n % 26), n);
				s[n] = '\0';
				s[at] = special[k];
				ref_escape(s, ek);
				buf_init(&b, 0);
				json_init(&j, &b, 0);
				json_obj_open(&j);
				json_key(&j, s);
				json_str(&j, s);
				json_obj_close(&j);
				T_EQ_INT(json_finish(&j), 0);
				snprintf(want, sizeof(want), "{%s:%s}", ek, ek);
				T_EQ_STR(b.ptr, want);
				buf_release(&b);
			}
}

/* printf_real: a real as json_num wrote every one before its short path: "%.15g" when that
 * reads back as v, else "%.17g". */
static void printf_real(double v, char *out, size_t n)
{
	snprintf(out, n, "%.15g", v);
	if (strtod(out, NULL) != v)
		snprintf(out, n, "%.17g", v);
}

/* same_real: 1 when json_num writes v (alone in an array) in printf_real's bytes; else 0, and
 * the first few differences are printed. */
static int same_real(double v)
{
	static int shown;
	struct buf b;
	struct json j;
	char want[64];
	int same;

	if (!isfinite(v) || (v == (double)(long long)v && fabs(v) < 1e15))
		return 1;	/* nulls and integers: test_json_ints */
	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_arr_open(&j);
	json_num(&j, v);
	json_arr_close(&j);
	printf_real(v, want, sizeof(want));
	same = json_finish(&j) == 0 && b.len == strlen(want) + 2 && memcmp(b.ptr + 1, want, strlen(want)) == 0;
	char t[JSON_NUM_SIZE];
	same = same && json_num_text(v, t) == strlen(want) && strcmp(t, want) == 0;	/* its text alone */
	if (!same && shown++ < 5)
		fprintf(stderr, "json_num(%.17g): %s, printf: %s\n", v, b.ptr, want);
	buf_release(&b);
	return same;
}

/* reals are written in printf's bytes: short decimals (the path without printf) of every
 * magnitude, their neighbours, the bounds of the short path, and random doubles */
static void test_json_reals_as_printf(void)
{
	static const double fixed[] = { 0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.5, -2.5, 4.6, 12.34, 99.99, 0.37,
		1e-4, -1e-4, 9.9999e-5, 0.00012, 0.001, 1e14 + 0.5, 999999999999999.9, 99999999999999.98,
		123456789.12345678, 0.123456789012345, 1.000000000000001, 5e-324, 1e300, -1e-7, 33.3 * 3 };
	unsigned long long x = 88172645463325252ULL;	/* xorshift64: the same values every run */
	long bad = 0;

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		bad += !same_real(fixed[i]);
	for (long i = 0; i < 200000; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		int d = (int)(x % 11);				/* 0..10 decimals */
		unsigned long long u = (x >> 8) % 1000000000000000ULL;
		u /= (unsigned long long)pow(10, (double)((x >> 4) % 15));	/* every length of digits */
		double v = (double)u / pow(10, d) * ((x >> 60) & 1 ? -1 : 1);
		bad += !same_real(v);
		bad += !same_real(nextafter(v, 1e300));
		double r;
		memcpy(&r, &x, sizeof(r));			/* any bit pattern */
		bad += !same_real(r);
	}
	T_EQ_INT(bad, 0);
}

/* numfmt writes printf's bytes: "%.*f" (numfmt_fixed) for 0..15 decimals of short decimals,
 * their neighbours, halves (ties, which printf rounds its own way), values either side of the
 * bounds of the fast path, negative values rounding to zero, and random doubles; "%.15g"
 * (numfmt_g15) and "%lld" (numfmt_long) of the same values */
static int same_fixed(double v, int d)
{
	static int shown;
	char got[400], want[400];
	int n = numfmt_fixed(v, d, got, sizeof(got)), m = snprintf(want, sizeof(want), "%.*f", d, v);

	if (n == m && strcmp(got, want) == 0)
		return 1;
	if (shown++ < 5)
		fprintf(stderr, "numfmt_fixed(%.17g, %d): %s (%d), printf: %s (%d)\n", v, d, got, n, want, m);
	return 0;
}

static int same_g15(double v)
{
	static int shown;
	char got[NUMFMT_SIZE], want[NUMFMT_SIZE];
	size_t n = numfmt_g15(v, got);

	snprintf(want, sizeof(want), "%.15g", v);
	if (n == strlen(want) && strcmp(got, want) == 0)
		return 1;
	if (shown++ < 5)
		fprintf(stderr, "numfmt_g15(%.17g): %s, printf: %s\n", v, got, want);
	return 0;
}

static void test_numfmt_as_printf(void)
{
	static const double fixed[] = { 0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.005, 2.675, 0.045,
		-0.04, -0.0004, 1e15, 4503599627370495.5, 4503599627370496.0, 9007199254740993.0, 1e22,
		1e-300, 5e-324, 123456789.125, 99.995, 0.1 + 0.2, 1.0 / 3, 1e14 + 0.5, 999999999999999.9 };
	unsigned long long x = 2463534242ULL;	/* xorshift64: the same values every run */
	long bad = 0;
	char got[NUMFMT_SIZE], want[NUMFMT_SIZE];

	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
		for (int d = 0; d <= 16; d++) {
			bad += !same_fixed(fixed[i], d);
			bad += !same_fixed(-fixed[i], d);
		}
		bad += !same_g15(fixed[i]) + !same_g15(-fixed[i]);
	}
	for (long i = 0; i < 60000; i++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		int d = (int)(x % 12);
		unsigned long long u = (x >> 8) % 1000000000000000ULL;
		u /= (unsigned long long)pow(10, (double)((x >> 4) % 15));
		double v = (double)u / pow(10, d) * ((x >> 60) & 1 ? -1 : 1);
		double half = ((double)u + 0.5) / pow(10, (double)((x >> 12) % 6));	/* ties at some decimals */
		double r;
		memcpy(&r, &x, sizeof(r));			/* any bit pattern */
		for (int k = 0; k <= 10; k += 1 + (int)((x >> 20) % 3)) {
			bad += !same_fixed(v, k);
			bad += !same_fixed(nextafter(v, 1e300), k);
			bad += !same_fixed(half, k);
			bad += !same_fixed(r, k);
		}
		bad += !same_g15(v) + !same_g15(nextafter(v, -1e300)) + !same_g15(half) + !same_g15(r);
		long long ll = (long long)x;
		snprintf(want, sizeof(want), "%lld", ll);
		bad += numfmt_long(ll, got) != strlen(want) || strcmp(got, want) != 0;
	}
	snprintf(want, sizeof(want), "%lld", (long long)INT64_MIN);
	bad += numfmt_long(INT64_MIN, got) != strlen(want) || strcmp(got, want) != 0;
	/* cut to the size given, as snprintf does */
	T_EQ_INT(numfmt_fixed(1234.5678, 2, got, 4), 7);
	T_EQ_STR(got, "123");
	T_EQ_INT(bad, 0);
	/* numfmt_join against snprintf's "%s%s%s", whole and cut at every size */
	const char *part[] = { "+", "12,5", " procent" };
	for (size_t size = 1; size < 20; size++) {
		numfmt_join(got, size, part, 3);
		snprintf(want, size, "%s%s%s", part[0], part[1], part[2]);
		T_EQ_STR(got, want);
	}
	/* parts of 0 to 40 bytes (copied in blocks of sixteen where they fit), cut at every size */
	char p1[48], p2[48], joined[128], ref[128];
	for (int l1 = 0; l1 <= 40; l1 += 3)
		for (int l2 = 0; l2 <= 40; l2 += 7) {
			memset(p1, 'a', (size_t)l1);
			p1[l1] = '\0';
			memset(p2, 'b', (size_t)l2);
			p2[l2] = '\0';
			const char *pp[] = { p1, "-", p2, "" };
			for (size_t size = 1; size < sizeof(joined); size += 5) {
				numfmt_join(joined, size, pp, 4);
				snprintf(ref, size, "%s-%s", p1, p2);
				T_EQ_STR(joined, ref);
			}
		}
}

/* test_json_doc_style: json_init_doc writes the bytes jansson's dump writes with the plan
 * document's flags (doc/plan-json.c's plan_json_dump: indent 2, order kept, 15 digits, a final
 * newline), for strings at every escape, reals of every shape, and empty and nested containers. */
static void test_json_doc_style(void)
{
	static const char *const strs[] = { "a\x01" "b\x7f" "c\b\f\t\r\n\x1f\x0b", "\"q\" \\ / \xc3\xa9 \xf0\x9f\x98\x80",
		"\xe2\x80\xa8 \x1e", "", "plain text of some length, more than sixteen bytes" };
	static const double reals[] = { 0.1 + 0.2, 1e20, 1e-7, 12.0, -0.0, 1.7976931348623157e308, 2.5e-300,
		123456789012345678.0, -4.25, 1e15, 1e16, 0.5, 100.0, -1e-300, 3.14159265358979 };
	json_t *doc = json_object(), *arr = json_array(), *sub = json_object();
	struct buf b;
	struct json j;
	char *want, *got;
	size_t i;

	buf_init(&b, 0);
	json_init_doc(&j, &b);
	json_obj_open(&j);
	json_key(&j, "strings");
	json_arr_open(&j);
	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		json_str(&j, strs[i]);
		json_array_append_new(arr, json_string(strs[i]));
	}
	json_arr_close(&j);
	json_object_set_new(doc, "strings", arr);
	json_key(&j, "reals");
	json_obj_open(&j);
	for (i = 0; i < sizeof(reals) / sizeof(reals[0]); i++) {
		char k[16];
		snprintf(k, sizeof(k), "r%zu", i);
		json_key(&j, k);
		json_num(&j, reals[i]);
		json_object_set_new(sub, k, json_real(reals[i]));
	}
	json_obj_close(&j);
	json_object_set_new(doc, "reals", sub);
	json_key(&j, "empty");
	json_arr_open(&j);
	json_arr_close(&j);
	json_object_set_new(doc, "empty", json_array());
	json_key(&j, "none");
	json_obj_open(&j);
	json_obj_close(&j);
	json_object_set_new(doc, "none", json_object());
	json_key(&j, "n");
	json_int(&j, -42);
	json_object_set_new(doc, "n", json_integer(-42));
	json_key(&j, "k\x01\"ey");	/* a key with escapes: the long way */
	json_bool(&j, 1);
	json_object_set_new(doc, "k\x01\"ey", json_true());
	json_obj_close(&j);
	T_EQ_INT(json_finish(&j), 0);
	want = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	T_CHECK(want != NULL);
	got = b.ptr;
	T_CHECK(b.len > 0 && got[b.len - 1] == '\n');
	got[b.len - 1] = '\0';	/* plan_json_dump adds the newline to jansson's text */
	T_EQ_STR(got, want);
	free(want);
	json_decref(doc);
	buf_release(&b);
}

static void test_json_invalid_utf8_replaced(void)
{
	struct buf b;

	buf_init(&b, 0);
	json_escape_str(&b, "a\xff" "b\xc3", 4);
	T_EQ_STR(b.ptr, "\"a\xef\xbf\xbd" "b\xef\xbf\xbd\"");
	buf_reset(&b);
	json_escape_str(&b, "\xed\xa0\x80", 3);	/* a UTF-16 surrogate is not UTF-8 */
	T_EQ_STR(b.ptr, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	buf_release(&b);
}

static void test_json_refuses_bad_sequences(void)
{
	struct buf b;
	struct json j;

	buf_init(&b, 0);
	json_init(&j, &b, 0);
	json_obj_open(&j);
	json_int(&j, 1);		/* a value where a key is due */
	T_EQ_INT(j.bad, 1);
	T_EQ_INT(json_finish(&j), -1);

	buf_reset(&b);
	json_init(&j, &b, 0);
	json_arr_open(&j);
	json_key(&j, "k");		/* a key in an array */
	T_EQ_INT(json_finish(&j), -1);

	buf_reset(&b);
	json_init(&j, &b, 0);
	json_arr_open(&j);
	json_obj_close(&j);		/* the wrong closer */
	T_EQ_INT(json_finish(&j), -1);

	buf_reset(&b);
	json_init(&j, &b, 0);
	json_int(&j, 1);
	json_int(&j, 2);		/* two top-level values */
	T_EQ_INT(json_finish(&j), -1);

	buf_reset(&b);
	json_init(&j, &b, 0);
	for (int i = 0; i <= JSON_MAX_DEPTH; i++)
		json_arr_open(&j);
	T_EQ_INT(j.bad, 1);
	buf_release(&b);
}

/* write_tmp: a temporary file with the given text; the caller unlinks it. */
static char *write_tmp(const char *text)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof(path), "/tmp/lup-test-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	if (write(fd, text, strlen(text)) < 0)
		path[0] = '\0';
	close(fd);
	return path;
}

static const struct tsv_col cols[] = { { "key", 1 }, { "name", 1 }, { "note", 0 } };

static void test_tsv_reads_rows(void)
{
	char *p = write_tmp("\xef\xbb\xbf# comment\r\nname\tkey\r\n\r\nÅrsta\tarsta\r\n# skip\nB\tb\textra\n");
	struct err e;
	struct tsv t;

	T_EQ_INT(tsv_open(&t, p, cols, 3, &e), LUP_OK);
	T_EQ_INT(tsv_next(&t, &e), 1);
	T_EQ_STR(t.cell[0], "arsta");
	T_EQ_STR(t.cell[1], "Årsta");
	T_CHECK(t.cell[2] == NULL);
	T_EQ_INT(t.line, 4);
	T_EQ_INT(tsv_next(&t, &e), -1);	/* three cells, two columns */
	T_CONTAINS(e.msg, ":6: more cells than the 2 columns");
	tsv_close(&t);
	unlink(p);
}

static void test_tsv_header_errors(void)
{
	struct err e;
	struct tsv t;
	char *p;

	p = write_tmp("key\tnote\n");
	T_EQ_INT(tsv_open(&t, p, cols, 3, &e), LUP_EINVAL);
	T_CONTAINS(e.msg, "required column 'name' is missing");
	unlink(p);
	p = write_tmp("key\tname\tcolour\n");
	T_EQ_INT(tsv_open(&t, p, cols, 3, &e), LUP_EINVAL);
	T_CONTAINS(e.msg, ":1: unknown column 'colour'");
	unlink(p);
	p = write_tmp("# only a comment\n");
	T_EQ_INT(tsv_open(&t, p, cols, 3, &e), LUP_EINVAL);
	T_CONTAINS(e.msg, "no header line");
	unlink(p);
	T_EQ_INT(tsv_open(&t, "/nonexistent/x.tsv", cols, 3, &e), LUP_EIO);
	T_CONTAINS(e.msg, "/nonexistent/x.tsv");
}

static void test_tsv_rejects_bad_utf8(void)
{
	char *p = write_tmp("key\tname\nk\tBad \xe5 byte\n");
	struct err e;
	struct tsv t;

	T_EQ_INT(tsv_open(&t, p, cols, 3, &e), LUP_OK);
	T_EQ_INT(tsv_next(&t, &e), -1);
	T_CONTAINS(e.msg, ":2: the line is not valid UTF-8");
	tsv_close(&t);
	unlink(p);
}

static void test_tsv_split_list(void)
{
	struct arena a = ARENA_INIT;
	char **items;

	T_EQ_INT(tsv_split_list(&a, " Husby | Rinkeby |  | Akalla", &items), 3);
	T_EQ_STR(items[0], "Husby");
	T_EQ_STR(items[2], "Akalla");
	T_EQ_INT(tsv_split_list(&a, "Hässelby Villastad/Smedshagen", &items), 1);
	T_EQ_INT(tsv_split_list(&a, NULL, &items), 0);
	arena_release(&a);
}

static void test_html_escapes_text_and_attributes(void)
{
	struct buf b;
	struct html h;

	buf_init(&b, 0);
	html_init(&h, &b);
	html_open(&h, "a", "href", "/d?x=1&y=\"2\"", "title", "<script>'", "hidden", "", "data-x", NULL, NULL);
	html_text(&h, "<b>Älvsjö & co</b>");
	html_close(&h);
	T_EQ_INT(html_finish(&h), 0);
	T_EQ_STR(b.ptr, "<a href=\"/d?x=1&amp;y=&quot;2&quot;\" title=\"&lt;script&gt;&#39;\" hidden>"
		 "&lt;b&gt;Älvsjö &amp; co&lt;/b&gt;</a>");
	/* names are lowercase letters, digits and '-' only: anything else marks the writer bad */
	static const char *const bad_names[] = { "", "A", "on click", "x\"y", "a>b", "\xc3\xa5", "data_x" };
	for (size_t i = 0; i < sizeof(bad_names) / sizeof(bad_names[0]); i++) {
		buf_reset(&b);
		html_init(&h, &b);
		html_void(&h, "br", bad_names[i], "v", NULL);
		T_CHECK(html_finish(&h) != 0);
		T_CHECK(strstr(b.ptr, "=\"v\"") == NULL);
		buf_reset(&b);
		html_init(&h, &b);
		html_void(&h, bad_names[i], NULL);
		T_CHECK(html_finish(&h) != 0);
	}
	buf_reset(&b);
	html_init(&h, &b);
	html_void(&h, "h2-x9", "aria-label", "ok", NULL);
	T_EQ_INT(html_finish(&h), 0);
	T_EQ_STR(b.ptr, "<h2-x9 aria-label=\"ok\">");
	buf_release(&b);
}

/* The decoder every parser uses: lengths, code points, and each way a sequence can be bad. */
static void test_utf8_seq_and_valid(void)
{
	static const struct { const char *s; size_t n, len; unsigned cp; } t[] = {
		{ "a", 1, 1, 'a' }, { "\xc3\xa5", 2, 2, 0xe5 }, { "\xe2\x80\x9d", 3, 3, 0x201d },
		{ "\xf0\x9f\x98\x80", 4, 4, 0x1f600 }, { "\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff },
		{ "\xc3\xa5", 1, 0, 0 },		/* n cuts it short */
		{ "\xe2\x80", 2, 0, 0 }, { "\x80", 1, 0, 0 }, { "\xbf", 1, 0, 0 },	/* continuation alone */
		{ "\xc0\x80", 2, 0, 0 }, { "\xc1\xbf", 2, 0, 0 },	/* overlong two-byte */
		{ "\xe0\x9f\xbf", 3, 0, 0 }, { "\xf0\x8f\xbf\xbf", 4, 0, 0 },	/* overlong */
		{ "\xed\xa0\x80", 3, 0, 0 }, { "\xed\xbf\xbf", 3, 0, 0 },	/* surrogates */
		{ "\xf4\x90\x80\x80", 4, 0, 0 }, { "\xf5\x80\x80\x80", 4, 0, 0 }, { "\xff", 1, 0, 0 },
		{ "\xc3" "a", 2, 0, 0 }, { "\xe2\x80", 4, 0, 0 },	/* NUL ends a cut-short one safely */
	};
	unsigned cp;

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cp = 0;
		T_EQ_INT((int)utf8_seq((const unsigned char *)t[i].s, t[i].n, &cp), (int)t[i].len);
		if (t[i].len)
			T_EQ_INT((int)cp, (int)t[i].cp);
	}
	T_EQ_INT((int)utf8_seq((const unsigned char *)"\xc3\xa5", 2, NULL), 2);
	T_EQ_INT(utf8_valid("Älvsjö – Skärholmen", strlen("Älvsjö – Skärholmen")), 1);
	T_EQ_INT(utf8_valid("", 0), 1);
	T_EQ_INT(utf8_valid("a\0b", 3), 0);		/* NUL inside */
	T_EQ_INT(utf8_valid("ab\xc3\xa5", 3), 0);	/* cut by n */
	T_EQ_INT(utf8_valid("ab\xed\xa0\x80", 5), 0);
}

/* Every single byte between two letters, then sequences that are and are not UTF-8. */
static void test_html_escape_every_byte(void)
{
	static const struct { const char *in, *want; } seq[] = {
		{ "\xc3\xa5\xc3\xa4\xc3\xb6", "\xc3\xa5\xc3\xa4\xc3\xb6" },	/* åäö kept */
		{ "\xe2\x80\x9d\xf0\x9f\x98\x80", "\xe2\x80\x9d\xf0\x9f\x98\x80" }, /* 3 and 4 bytes */
		{ "a\xc3", "a\xef\xbf\xbd" },					/* cut short */
		{ "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd" },			/* overlong '/' */
		{ "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },	/* a surrogate */
		{ "\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" }, /* > U+10FFFF */
		{ "\xc3<", "\xef\xbf\xbd&lt;" },
		{ "a\r\nb\tc", "a\xef\xbf\xbd\nb\tc" },
		{ "", "" },
	};
	struct buf b;
	char in[4], want[16];

	buf_init(&b, 0);
	for (int c = 1; c < 256; c++) {
		snprintf(in, sizeof(in), "x%cy", c);
		if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'')
			snprintf(want, sizeof(want), "x%sy", c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
				 : c == '"' ? "&quot;" : "&#39;");
		else if ((c < 0x20 && c != '\n' && c != '\t') || c >= 0x80)
			snprintf(want, sizeof(want), "x\xef\xbf\xbdy");
		else
			snprintf(want, sizeof(want), "x%cy", c);
		buf_reset(&b);
		html_escape(&b, in);
		T_EQ_STR(b.ptr, want);
	}
	for (size_t i = 0; i < sizeof(seq) / sizeof(seq[0]); i++) {
		buf_reset(&b);
		html_escape(&b, seq[i].in);
		T_EQ_STR(b.len ? b.ptr : "", seq[i].want);
	}
	buf_release(&b);
}

/* Every single byte at every place of lines of letters 1 to 40 bytes long, and two-byte letters
 * at every place: html_escape scans long strings many bytes at a time, and a byte it must look at is
 * found wherever it sits. */
static void test_html_escape_long_runs(void)
{
	char in[48], want[64], rep[8];
	struct buf b;

	buf_init(&b, 0);
	for (int c = 1; c < 256; c++) {
		if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'')
			snprintf(rep, sizeof(rep), "%s", c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;"
				 : c == '"' ? "&quot;" : "&#39;");
		else if ((c < 0x20 && c != '\n' && c != '\t') || c >= 0x80)
			snprintf(rep, sizeof(rep), "\xef\xbf\xbd");
		else
			snprintf(rep, sizeof(rep), "%c", c);
		for (int len = 1; len <= 40; len++)
			for (int at = 0; at < len; at++) {
				memset(in, 'a', (size_t)len);
				in[len] = '\0';
				in[at] = (char)c;
				snprintf(want, sizeof(want), "%.*s%s%s", at, in, rep, in + at + 1);
				buf_reset(&b);
				html_escape(&b, in);
				T_EQ_STR(b.ptr, want);
			}
	}
	for (int at = 0; at < 39; at++) {
		memset(in, 'b', 40);
		in[40] = '\0';
		in[at] = '\xc3';
		in[at + 1] = '\xa5';
		buf_reset(&b);
		html_escape(&b, in);
		T_EQ_STR(b.ptr, in);
	}
	buf_release(&b);
}

/* Names longer than the room the writer reserves for a name are checked and written whole. */
static void test_html_long_names(void)
{
	char name[80], want[300];
	struct buf b;
	struct html h;

	memset(name, 'x', 70);
	name[70] = '\0';
	buf_init(&b, 0);
	html_init(&h, &b);
	html_elem(&h, name, "t", name, "v", "data-a", "", "data-b", NULL, NULL);
	T_EQ_INT(html_finish(&h), 0);
	snprintf(want, sizeof(want), "<%s %s=\"v\" data-a>t</%s>", name, name, name);
	T_EQ_STR(b.ptr, want);
	name[65] = 'X';
	buf_reset(&b);
	html_init(&h, &b);
	html_void(&h, "br", name, "v", NULL);
	T_EQ_INT(html_finish(&h), -1);
	T_EQ_STR(b.ptr, "<br>");
	buf_release(&b);
}

/* ref_escape: html_escape's contract a byte at a time (the markup characters, control
 * characters but tab and newline, and bytes outside valid UTF-8 replaced), for comparison. */
static void html_ref_escape(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;

	while (*p) {
		const char *rep = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : *p == '"' ? "&quot;"
				: *p == '\'' ? "&#39;" : NULL;
		if (rep) {
			buf_adds(b, rep);
			p++;
		} else if (*p < 0x20 && *p != '\t' && *p != '\n') {
			buf_adds(b, "\xef\xbf\xbd");
			p++;
		} else if ((len = utf8_seq(p, 4, NULL)) > 0) {
			buf_add(b, p, len);
			p += len;
		} else {
			buf_adds(b, "\xef\xbf\xbd");
			p++;
		}
	}
}

/* rand_text: joins a random number (below maxpieces) of pieces of piece[0..np), each chosen by
 * the linear congruential *seed, into in, stopping before the first that would make it longer
 * than cap bytes; NUL-terminates it and returns its length. */
static size_t rand_text(const char *const *piece, size_t np, int maxpieces, size_t cap, unsigned *seed,
			char *in)
{
	size_t n = 0;

	for (int i = (int)((*seed = *seed * 1103515245u + 12345u) >> 16) % maxpieces; i > 0; i--) {
		const char *pc = piece[((*seed = *seed * 1103515245u + 12345u) >> 16) % np];
		size_t l = strlen(pc);
		if (n + l > cap)
			break;
		memcpy(in + n, pc, l);
		n += l;
	}
	in[n] = '\0';
	return n;
}

/* Random strings of 0 to 99 bytes from an alphabet of letters, markup, control bytes and UTF-8
 * pieces, escaped after outputs of every length (the output's free room varies, and a buffer
 * that must grow in the middle of a string takes the other path) and compared with html_ref_escape. */
static void test_html_escape_random(void)
{
	static const char *const piece[] = { "a", "b", "Z", " ", "\xc3\xa5", "\xc3\xb6", "\xe2\x80\x9d",
		"\xf0\x9f\x98\x80", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\x01", "\x7f", "\xc3",
		"\x80", "\xed\xa0\x80", "\xe2\x80", "0123456789abcdef", "\xc2", "\xdf", "\xc1", "\xe0",
		"\xbf", "\x7f\xc0" };
	char in[200];
	struct buf b, want;
	unsigned seed = 12345;

	buf_init(&want, 0);
	for (int round = 0; round < 20000; round++) {
		rand_text(piece, sizeof(piece) / sizeof(piece[0]), 30, 99, &seed, in);
		buf_init(&b, 0);
		if (round & 1)	/* room for the vector forms (else the first appends go byte by byte) */
			buf_reserve(&b, 4096);
		for (int pre = round % 40; pre > 0; pre--)
			buf_addc(&b, '.');
		buf_reset(&want);
		buf_add(&want, b.ptr, b.len);
		html_escape(&b, in);
		html_ref_escape(&want, in);
		T_EQ_STR(b.ptr, want.ptr);
		T_EQ_INT(b.len, want.len);
		buf_release(&b);
	}
	buf_release(&want);
}

/* Short random texts (0 to 40 bytes, one or two blocks: the writer's inlined paths) of letters,
 * markup, control bytes and valid and invalid UTF-8 of every length, written as text, as an
 * attribute value and into a template's holes (after outputs of every length, with and without
 * room), each compared with html_ref_escape. */
static void test_html_short_random(void)
{
	static const char *const piece[] = { "a", "Z", " ", "\xc3\xa5", "\xe2\x80\x93", "\xe2\x80\x9d",
		"\xf0\x9f\x98\x80", "&", "<", "'", "\t", "\n", "\x01", "\xc3", "\x80", "\xed\xa0\x80", "\xe2\x80",
		"\xe0\xa4\xa4", "\xe0\x80\x80", "\xef\xbf\xbd", "0123456789", "\xdf", "\xc1\xbf" };
	char in[64], pre[40];
	struct buf b, want;
	struct html h;
	unsigned seed = 4242;

	buf_init(&want, 0);
	for (int round = 0; round < 30000; round++) {
		rand_text(piece, sizeof(piece) / sizeof(piece[0]), 12, 40, &seed, in);
		memset(pre, 'p', (size_t)(round % 37));
		pre[round % 37] = '\0';
		buf_init(&b, 0);
		if (round & 1)
			buf_reserve(&b, 4096);
		html_init(&h, &b);
		html_raw_trusted(&h, pre);	/* the output's free room varies */
		html_text(&h, in);
		HTML_START(&h, "td");
		HTML_ATTR(&h, "title", in);
		html_start_end(&h, 1);
		html_close(&h);
		HTML_TPL(&h, "<b>" HTML_HOLE "</b><i>" HTML_HOLE "</i>", in, in);
		buf_reset(&want);
		buf_adds(&want, pre);
		html_ref_escape(&want, in);
		buf_adds(&want, "<td title=\"");
		html_ref_escape(&want, in);
		buf_adds(&want, "\"></td><b>");
		html_ref_escape(&want, in);
		buf_adds(&want, "</b><i>");
		html_ref_escape(&want, in);
		buf_adds(&want, "</i>");
		if (!*in)	/* an empty value writes the attribute bare */
			T_EQ_INT(html_finish(&h), 0);
		else {
			T_EQ_STR(b.ptr, want.ptr);
			T_EQ_INT(html_finish(&h), 0);
		}
		buf_release(&b);
	}
	buf_release(&want);
}

/* Strings and names that end at the last bytes of a page whose next page is not readable: the
 * writer loads sixteen bytes at a time only where that cannot pass the page. */
static void test_html_at_page_end(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("/dev/zero", O_RDWR);
	char *m = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	struct buf b, want;
	struct html h;

	close(fd);

	T_CHECK(m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	T_EQ_INT(mprotect(m + pg, (size_t)pg, PROT_NONE), 0);
	buf_init(&b, 0);
	buf_init(&want, 0);
	buf_add(&b, "x", 1);	/* room reserved, so the fast paths are taken */
	for (int len = 0; len < 40; len++)
		for (int at = 0; at < 3; at++) {
			char *s = m + pg - 1 - len;
			memset(s, 'a', (size_t)len);
			s[len] = '\0';
			if (len > at)
				s[len - 1 - at] = at == 0 ? '<' : at == 1 ? '\xc3' : '\n';
			buf_reset(&b);
			buf_reset(&want);
			html_escape(&b, s);
			html_ref_escape(&want, s);
			T_EQ_STR(b.ptr, want.ptr);
			if (len == 0 || len > 20)
				continue;
			memset(s, 'n', (size_t)len);	/* a valid name ending at the page's end */
			buf_reset(&b);
			html_init(&h, &b);
			html_open(&h, s, s, "v", NULL);
			html_close(&h);
			T_EQ_INT(html_finish(&h), 0);
			T_EQ_INT(b.len, 3 * (size_t)len + 10);
		}
	/* random texts from the last 40 bytes of the page on, after a two-byte sequence's lead (a
	 * text that starts with a continuation byte has no lead before it) */
	static const char *const piece[] = { "a", "\xc3\xa5", "\xe2\x80\x93", "\xf0\x9f\x98\x80", "&", "\t",
		"\x01", "\xc3", "\xa5", "\xe2\x80", "\xed\xa0\x80" };
	unsigned seed = 99;
	buf_reserve(&b, 4096);	/* room for escape_vec */
	for (int round = 0; round < 20000; round++) {
		char in[48];
		size_t n = rand_text(piece, 11, 12, 38, &seed, in);
		char *s = m + pg - 1 - n;
		memcpy(s, in, n + 1);
		s[-1] = '\xc3';
		buf_reset(&b);
		buf_reset(&want);
		html_escape(&b, s);
		html_ref_escape(&want, s);
		T_EQ_STR(b.ptr, want.ptr);
	}
	buf_release(&b);
	buf_release(&want);
	munmap(m, (size_t)pg * 2);
}

/* json_ref_escape: json_escape_str's contract a byte at a time (ASCII but '"', '\\', control
 * bytes and DEL copied; those escaped; a valid UTF-8 sequence (utf8_seq's) copied; any other
 * byte from 0x80 as U+FFFD), in quotes, into b. */
static void json_ref_escape(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	char e[8];

	buf_addc(b, '"');
	for (size_t i = 0; i < n; i += len) {
		len = 1;
		if (p[i] == '"' || p[i] == '\\') {
			e[0] = '\\', e[1] = (char)p[i];
			buf_add(b, e, 2);
		} else if (p[i] < 0x20 || p[i] == 0x7f) {
			snprintf(e, sizeof(e), "\\u%04x", p[i]);
			buf_add(b, e, 6);
		} else if (p[i] < 0x80) {
			buf_addc(b, (char)p[i]);
		} else if ((len = utf8_seq(p + i, n - i, NULL)) == 0) {
			buf_add(b, "\xef\xbf\xbd", 3);
			len = 1;
		} else {
			buf_add(b, s + i, len);
		}
	}
	buf_addc(b, '"');
}

/* json_escape_str on random texts of 0 to 90 bytes (letters, Swedish and longer sequences,
 * bytes to escape, broken sequences, a run of 16) ending where an unreadable page starts (the
 * 16-byte scans must not read past the text), against json_ref_escape: the sequences that
 * cross a 16-byte block's end, begin before or after a byte to escape, or are cut short. */
static void test_json_escape_random(void)
{
	static const char *const piece[] = { "a", "b", " ", "\xc3\xa5", "\xc3\xb6", "\xe2\x80\x93",
		"\xf0\x9f\x98\x80", "\"", "\\", "\t", "\x01", "\x7f", "\xc3", "\x80", "\xed\xa0\x80", "\xe2\x80",
		"0123456789abcdef", "\xc2", "\xc0\x80", "\xf4\x90\x80\x80", "\xe0\x9f\xbf", "\xc3\xa4r" };
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("/dev/zero", O_RDWR);
	char *m = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	struct buf b, want;
	unsigned seed = 7;

	close(fd);
	T_CHECK(m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	T_CHECK(mprotect(m + pg, (size_t)pg, PROT_NONE) == 0);
	buf_init(&b, 0);
	buf_init(&want, 0);
	for (int round = 0; round < 40000 && !t_failed_now; round++) {
		char in[100];
		size_t n = rand_text(piece, sizeof(piece) / sizeof(piece[0]), 30, 90, &seed, in);
		char *s = m + pg - n;
		memcpy(s, in, n);
		buf_reset(&b);
		buf_reset(&want);
		json_escape_str(&b, s, n);
		json_ref_escape(&want, s, n);
		T_EQ_INT(b.len, want.len);
		T_CHECK(b.len == want.len && memcmp(b.ptr, want.ptr, b.len) == 0);
	}
	buf_release(&b);
	buf_release(&want);
	munmap(m, (size_t)pg * 2);
}

/* html_escape writes nothing past the buffer's memory whatever room is left: texts whose first
 * replacement falls at every place near the end of the room the escaper took, into a buffer
 * whose memory ends where an unreadable page starts (and whose max keeps it from growing: the
 * escaping is then refused, never written past the end). */
static void test_html_escape_room_end(void)
{
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("/dev/zero", O_RDWR);
	char *m = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char s[400];
	struct buf want;

	close(fd);
	T_CHECK(m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	T_EQ_INT(mprotect(m + pg, (size_t)pg, PROT_NONE), 0);
	buf_init(&want, 0);
	for (int room = 257; room < 300; room++)
		for (int lead = 200; lead < 320; lead++) {
			struct buf b = { m, (size_t)pg - (size_t)room, (size_t)pg, (size_t)pg - 1, 0 };
			memset(s, 'a', (size_t)lead);
			memcpy(s + lead, "\"\xc3\xa5<", 5);
			b.ptr[b.len] = '\0';
			html_escape(&b, s);
			buf_reset(&want);
			html_ref_escape(&want, s);
			if (!b.overflow)
				T_EQ_STR(b.ptr + (size_t)pg - (size_t)room, want.ptr);
		}
	buf_release(&want);
	munmap(m, (size_t)pg * 2);
}

/* Names of 14 to 17 bytes (the vector check takes up to 15), valid and with a bad byte at each
 * place, as elements and attributes. */
static void test_html_names_by_length(void)
{
	char name[24], want[96];
	struct buf b;
	struct html h;

	buf_init(&b, 0);
	for (int len = 1; len <= 17; len++) {
		for (int bad = -1; bad < len; bad++) {
			memset(name, 'q', (size_t)len);
			name[len] = '\0';
			if (len > 2)
				name[1] = '-', name[2] = '7';
			if (bad >= 0)
				name[bad] = bad % 3 == 0 ? 'Q' : bad % 3 == 1 ? ' ' : '\xc3';
			buf_reset(&b);
			html_init(&h, &b);
			html_elem(&h, "p", "t", name, "v", NULL);
			html_open(&h, name, NULL);
			html_close(&h);
			if (bad >= 0) {
				T_EQ_INT(html_finish(&h), -1);
				T_EQ_STR(b.ptr, "<p>t</p>");
				continue;
			}
			T_EQ_INT(html_finish(&h), 0);
			snprintf(want, sizeof(want), "<p %s=\"v\">t</p><%s></%s>", name, name, name);
			T_EQ_STR(b.ptr, want);
		}
	}
	buf_release(&b);
}

/* html_ref_textf: html_textf's contract: vsnprintf into 4096 bytes, the text escaped. */
static void html_ref_textf(struct buf *want, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void html_ref_textf(struct buf *want, const char *fmt, ...)
{
	char tmp[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	html_escape(want, tmp);
}

/* html_textf without printf for %s, %d, %u, %ld, %lu, %lld, %llu, %zu and %%, and with it for
 * the rest: each the same as vsnprintf's text escaped, cut at 4095 bytes alike. */
static void test_html_textf_formats(void)
{
	char big[5000];
	struct buf b, want;
	struct html h;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	big[4093] = '\xc3';
	big[4094] = '\xa5';
	buf_init(&b, 0);
	buf_init(&want, 0);
#define TEXTF(...) do { \
		buf_reset(&b); html_init(&h, &b); html_textf(&h, __VA_ARGS__); \
		buf_reset(&want); html_ref_textf(&want, __VA_ARGS__); \
		T_EQ_STR(b.ptr, want.ptr); \
	} while (0)
	TEXTF("Åtgärder under %s (%d)", "2022 & <b>", -42);
	TEXTF("%d %u %ld %lu %lld %llu %zu %%", INT_MIN, UINT_MAX, LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX,
	      (size_t)123456789);
	TEXTF("%zu%s", SIZE_MAX, "");
	TEXTF("%5d|%-3s|%.1f|%x|%c", 7, "a", 2.25, 255, 'q');
	const char *volatile null = NULL;
	TEXTF("%s", null);
	TEXTF("%s%s", big, "tail");
	TEXTF("ab%ssuffix%%", big + 4080);
	TEXTF("%s", big + 1);	/* cut in the middle of å */
	TEXTF("no conversions");
#undef TEXTF
	buf_reset(&b);
	html_init(&h, &b);
	html_textf(&h, "%s: %lld", "Tensta", 2022LL);
	T_EQ_STR(b.ptr, "Tensta: 2022");
	buf_release(&b);
	buf_release(&want);
}

/* The literal-name forms write what html_open/html_elem/html_void write for the same names and
 * values (escaped, NULL left out, "" bare), each call site twice (its check remembered). */
static void test_html_literal_forms(void)
{
	static const char *const vals[] = { "num", "a&b \"c\" <d> 'e' \xc3\xa5\xff", "", NULL,
		"0123456789abcdef0123456789abcdef-long value past one block" };
	struct buf b, want;
	struct html h, w;

	buf_init(&b, 0);
	buf_init(&want, 0);
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
			const char *v = vals[i], *t = vals[(i + 1) % 5];
			buf_reset(&b);
			buf_reset(&want);
			html_init(&h, &b);
			html_init(&w, &want);
			HTML_OPEN(&h, "ul");
			html_open(&w, "ul", NULL);
			HTML_OPEN_A(&h, "li", "class", v);
			html_open(&w, "li", "class", v, NULL);
			HTML_ELEM(&h, "span", t);
			html_elem(&w, "span", t, NULL);
			HTML_ELEM_A(&h, "a", "href", v, t);
			html_elem(&w, "a", t, "href", v, NULL);
			HTML_ELEM_A(&h, "stroke-linejoin-and-more", "aria-describedby-long", v, t);
			html_elem(&w, "stroke-linejoin-and-more", t, "aria-describedby-long", v, NULL);
			HTML_START(&h, "rect");
			HTML_ATTR(&h, "x", "1.5");
			HTML_ATTR(&h, "fill", v);
			HTML_ATTR(&h, "data-v", t);
			html_start_end(&h, 0);
			html_void(&w, "rect", "x", "1.5", "fill", v, "data-v", t, NULL);
			HTML_START(&h, "g");
			HTML_ATTR(&h, "class", v);
			html_start_end(&h, 1);
			html_open(&w, "g", "class", v, NULL);
			html_close(&h);
			html_close(&w);
			T_EQ_INT(html_finish(&h), 0);
			T_EQ_INT(html_finish(&w), 0);
			T_EQ_STR(b.ptr, want.ptr);
		}
	buf_release(&b);
	buf_release(&want);
}

/* The literal-value forms write what the literal-name forms write for the same value; a value
 * that escaping would change (or an empty one) is refused like a bad name, on every call. */
static void test_html_literal_values(void)
{
	struct buf b, want;
	struct html h, w;

	buf_init(&b, 0);
	buf_init(&want, 0);
	for (int round = 0; round < 2; round++) {
		buf_reset(&b);
		buf_reset(&want);
		html_init(&h, &b);
		html_init(&w, &want);
		HTML_OPEN_AV(&h, "table", "class", "list");
		HTML_OPEN_A(&w, "table", "class", "list");
		HTML_ELEM_AV(&h, "td", "class", "num", "4,4 %");
		HTML_ELEM_A(&w, "td", "class", "num", "4,4 %");
		HTML_ELEM_AV(&h, "td", "class", "num", "a<b & \xc3\xa5\xff");
		HTML_ELEM_A(&w, "td", "class", "num", "a<b & \xc3\xa5\xff");
		HTML_ELEM_AV(&h, "stroke-linejoin-and-more", "aria-describedby-long", "a long value of 40 bytes, or so.", "t");
		HTML_ELEM_A(&w, "stroke-linejoin-and-more", "aria-describedby-long", "a long value of 40 bytes, or so.", "t");
		HTML_START(&h, "circle");
		HTML_ATTR_V(&h, "r", "2.5");
		HTML_ATTR_V(&h, "class", "a-much-longer-class-name than-sixteen");
		html_start_end(&h, 0);
		HTML_START(&w, "circle");
		HTML_ATTR(&w, "r", "2.5");
		HTML_ATTR(&w, "class", "a-much-longer-class-name than-sixteen");
		html_start_end(&w, 0);
		T_EQ_INT(html_finish(&h), 0);
		T_EQ_INT(html_finish(&w), 0);
		T_EQ_STR(b.ptr, want.ptr);
	}
	for (int round = 0; round < 2; round++) {
		buf_reset(&b);
		html_init(&h, &b);
		HTML_OPEN(&h, "div");
		HTML_ELEM_AV(&h, "td", "class", "a&b", "t");
		HTML_ELEM_AV(&h, "td", "class", "\"", "t");
		HTML_ELEM_AV(&h, "td", "class", "\xc3\xa5", "t");
		HTML_ELEM_AV(&h, "td", "class", "", "t");
		HTML_OPEN_AV(&h, "td", "title", "a\tb");
		HTML_ELEM_AV(&h, "td", "on click", "x", "t");
		HTML_START(&h, "rect");
		HTML_ATTR_V(&h, "z", "<2>");
		HTML_ATTR_V(&h, "y", "1");
		html_start_end(&h, 0);
		T_EQ_INT(html_finish(&h), -1);
		T_EQ_STR(b.ptr, "<div><rect y=\"1\"></div>");
	}
	buf_release(&b);
	buf_release(&want);
}

/* A template writes what the element forms write for the same markup and texts (escaped, NULL
 * as nothing, random texts too), ends the writer's open elements and leaves its own open; a bad
 * template, a wrong count of texts or an end that is not the innermost open element writes
 * nothing and fails html_finish, on every call. */
static void test_html_templates(void)
{
	static const char *const texts[] = { "4,4 %", "a<b & \"c\" 'd'", "\xc3\xa5r \xe2\x80\x93 \xff", "", NULL,
		"a long text of more than thirty-two bytes, with å in it" };
	struct buf b, want;
	struct html h, w;
	char rnd[40];
	unsigned seed = 7;

	buf_init(&b, 0);
	buf_init(&want, 0);
	for (int round = 0; round < 40; round++) {
		const char *x = texts[round % 6], *y = texts[(round / 6) % 6];
		if (round >= 36) {	/* random bytes */
			for (int i = 0; i < 39; i++)
				rnd[i] = (char)(1 + (seed = seed * 1103515245u + 12345u) % 255u);
			rnd[39] = '\0';
			x = rnd;
		}
		buf_release(&b);
		buf_reset(&want);
		if (round & 1)	/* room for html_tpl's one-check form (else the appends check each) */
			buf_reserve(&b, 4096);
		html_init(&h, &b);
		html_init(&w, &want);
		HTML_OPEN(&h, "table");
		HTML_OPEN(&w, "table");
		HTML_OPEN(&h, "tr");
		HTML_OPEN(&w, "tr");
		HTML_TPL(&h, "<th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></th><td class=\"num\">"
			 HTML_HOLE "</td>", y, x, y);
		HTML_OPEN_AV(&w, "th", "scope", "row");
		html_raw_trusted(&w, y ? "<a href=\"" : "<a>");	/* "": href="", NULL: none */
		html_escape(w.out, y);
		html_raw_trusted(&w, y ? "\">" : "");
		html_text(&w, x);
		html_raw_trusted(&w, "</a>");
		html_close(&w);
		HTML_ELEM_AV(&w, "td", "class", "num", y);
		HTML_TPL(&h, "</tr><tr><td>Utan datum " HTML_HOLE "</td><td>", x);
		html_close(&w);
		HTML_OPEN(&w, "tr");
		HTML_OPEN(&w, "td");
		html_text(&w, "Utan datum ");
		html_text(&w, x);
		html_close(&w);
		HTML_OPEN(&w, "td");
		html_text(&h, y);
		html_text(&w, y);
		HTML_TPL0(&h, "</td>");
		html_close(&w);
		HTML_TPL(&h, "<td class=\"a-class-name-of-more-than-thirty-two-bytes\" title=\"" HTML_HOLE "\">" HTML_HOLE
			 "</td>", x, y);
		html_raw_trusted(&w, "<td class=\"a-class-name-of-more-than-thirty-two-bytes\"");
		if (x) {
			html_raw_trusted(&w, " title=\"");
			html_escape(w.out, x);
			html_raw_trusted(&w, "\"");
		}
		html_raw_trusted(&w, ">");
		html_text(&w, y);
		html_raw_trusted(&w, "</td>");
		T_EQ_INT(h.depth, 3 - 1);
		T_EQ_INT(html_finish(&h), 0);
		T_EQ_INT(html_finish(&w), 0);
		T_EQ_STR(b.ptr, want.ptr);
	}
	for (int round = 0; round < 2; round++) {
		buf_reset(&b);
		html_init(&h, &b);
		HTML_OPEN(&h, "div");
		HTML_TPL(&h, "<td class=\"a&b\">" HTML_HOLE "</td>", "t");
		HTML_TPL(&h, "<td>a & b" HTML_HOLE "</td>", "t");
		HTML_TPL(&h, "<td>a > b</td>" HTML_HOLE, "t");
		HTML_TPL(&h, "<td on click=\"x\">" HTML_HOLE "</td>", "t");
		HTML_TPL(&h, "<Td>" HTML_HOLE "</Td>", "t");
		HTML_TPL(&h, "<td>" HTML_HOLE "</th>", "t");
		HTML_TPL(&h, "<td title=\"a" HTML_HOLE "\"></td>", "t");
		HTML_TPL0(&h, "<td>\xff</td>");
		HTML_TPL(&h, "<td>" HTML_HOLE "</td>", "t", "u");
		HTML_TPL0(&h, "<td>" HTML_HOLE "</td>");
		HTML_TPL0(&h, "</span>");
		HTML_TPL0(&h, "</div></div>");
		HTML_TPL(&h, "<p title=\"" HTML_HOLE "\">ok</p>", "x\"y");
		HTML_TPL(&h, "<p a=\"" HTML_HOLE "\" b=\"" HTML_HOLE "\" c=\"1\">" HTML_HOLE "</p>", NULL, NULL, NULL);
		HTML_TPL(&h, "<p a=\"" HTML_HOLE "\" bc=\"" HTML_HOLE "\">" HTML_HOLE "</p>", NULL, "", "t");
		T_EQ_INT(html_finish(&h), -1);
		T_EQ_STR(b.ptr, "<div><p title=\"x&quot;y\">ok</p><p c=\"1\"></p><p bc=\"\">t</p></div>");
	}
	buf_release(&b);
	buf_release(&want);
}

/* Bad names in the literal forms are refused on every call (the first checks, the later ones
 * remember): nothing of the element is written, html_finish fails; the good ones around them
 * are written. */
static void test_html_literal_bad_names(void)
{
	struct buf b;
	struct html h;

	buf_init(&b, 0);
	for (int round = 0; round < 3; round++) {
		buf_reset(&b);
		html_init(&h, &b);
		HTML_OPEN(&h, "div");
		HTML_OPEN(&h, "Div");
		HTML_OPEN_A(&h, "p", "on click", "x");
		HTML_ELEM(&h, "", "t");
		HTML_ELEM(&h, "b>", "t");
		HTML_ELEM_A(&h, "a", "href\"", "v", "t");
		HTML_ELEM_A(&h, "\xc3\xa5", "href", "v", "t");
		HTML_ELEM(&h, "i\0b", "t");
		HTML_START(&h, "rect x");
		HTML_ATTR(&h, "y", "1");
		html_start_end(&h, 0);
		HTML_START(&h, "rect");
		HTML_ATTR(&h, "y_", "1");
		HTML_ATTR(&h, "", "1");
		HTML_ATTR(&h, "z", "<2>");
		html_start_end(&h, 0);
		HTML_ELEM(&h, "em", "ok");
		T_EQ_INT(html_finish(&h), -1);
		T_EQ_STR(b.ptr, "<div><rect z=\"&lt;2&gt;\"><em>ok</em></div>");
	}
	/* an attribute or end without a begun tag, and a tag never ended */
	buf_reset(&b);
	html_init(&h, &b);
	HTML_ATTR(&h, "x", "1");
	T_EQ_INT(html_finish(&h), -1);
	T_EQ_STR(b.len ? b.ptr : "", "");
	html_init(&h, &b);
	html_start_end(&h, 1);
	T_EQ_INT(html_finish(&h), -1);
	buf_reset(&b);
	html_init(&h, &b);
	HTML_START(&h, "br");
	T_EQ_INT(html_finish(&h), -1);
	buf_reset(&b);
	html_init(&h, &b);
	HTML_START(&h, "br");
	html_start_end(&h, 0);
	T_EQ_INT(html_finish(&h), 0);
	T_EQ_STR(b.ptr, "<br>");
	buf_release(&b);
}

static void test_html_refuses_bad_names_and_closes(void)
{
	struct buf b;
	struct html h;

	buf_init(&b, 0);
	html_init(&h, &b);
	html_open(&h, "div", NULL);
	html_open(&h, "p", "class", "x", NULL);
	html_textf(&h, "%s", "a\xff<");
	T_EQ_INT(html_finish(&h), 0);
	T_EQ_STR(b.ptr, "<div><p class=\"x\">a\xef\xbf\xbd&lt;</p></div>");
	buf_reset(&b);
	html_init(&h, &b);
	html_open(&h, "div onclick=alert(1)", NULL);
	T_EQ_INT(html_finish(&h), -1);
	buf_reset(&b);
	html_init(&h, &b);
	html_void(&h, "img", "src x onerror", "1", NULL);
	T_EQ_INT(html_finish(&h), -1);
	buf_reset(&b);
	html_url_arg(&b, "Spånga-Tensta & x/y");
	T_EQ_STR(b.ptr, "Sp%C3%A5nga-Tensta%20%26%20x%2Fy");
	buf_release(&b);
}

/* collate_ranks against ICU's own comparison: the Swedish letters after Z (Å, Ä, Ö), case,
 * accents, equal strings with one rank, NULL first; and many random strings, each pair's ranks
 * in the order ucol_strcollUTF8 gives them (the COLLATE sv of both backends). */
static int sign(int x) { return (x > 0) - (x < 0); }

/* check_quick: collate_quick (SQLite's sv and sv_ci) on two different texts: 0 (ask ICU), or
 * ICU's order want at the tertiary strength and the same at the secondary one (sv_ci); 0 on a
 * failure. */
static int check_quick(const char *a, const char *b, int want)
{
	static UCollator *ci;
	UErrorCode st = U_ZERO_ERROR;
	int q = collate_quick(a, (int)strlen(a), b, (int)strlen(b)), want_ci;

	if (!ci) {
		ci = ucol_open("sv_SE", &st);
		ucol_setStrength(ci, UCOL_SECONDARY);
		st = U_ZERO_ERROR;
	}
	want_ci = sign(ucol_strcollUTF8(ci, a, -1, b, -1, &st));
	if (q && (q != want || q != want_ci)) {
		T_FAIL_("collate_quick('%s', '%s') %d: ICU says %d (sv), %d (sv_ci)", a, b, q, want, want_ci);
		return 0;
	}
	return 1;
}

static void check_ranks(const char *const *s, int n, UCollator *coll)
{
	int *rank = calloc((size_t)n, sizeof(*rank));

	T_EQ_INT(collate_ranks(s, n, rank), 0);
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++) {
			UErrorCode st = U_ZERO_ERROR;
			int want = !s[i] || !s[j] ? sign((s[i] != NULL) - (s[j] != NULL))
				 : sign(ucol_strcollUTF8(coll, s[i], -1, s[j], -1, &st));

			if (sign(rank[i] - rank[j]) != want) {
				T_FAIL_("'%s' (rank %d) against '%s' (rank %d): ICU says %d", s[i] ? s[i] : "NULL",
					rank[i], s[j] ? s[j] : "NULL", rank[j], want);
				free(rank);
				return;
			}
			if (s[i] && s[j] && strcmp(s[i], s[j]) != 0 && !check_quick(s[i], s[j], want)) {
				free(rank);
				return;
			}
		}
	free(rank);
}

/* rowset_col's memo: a name asked again from the same address after its text changed, and
 * after the set's columns moved (as entity.c's order_by_owner drops the first), answers by the
 * text, never past the columns */
static void test_rowset_col_memo(void)
{
	const char *names[] = { "a", "b", "c" };
	struct rowset rs = { .ncols = 3, .names = names };
	char name[4] = "a";
	static const char c[] = "c";

	T_EQ_INT(rowset_col(&rs, name), 0);
	memcpy(name, "c", 2);
	T_EQ_INT(rowset_col(&rs, name), 2);
	memcpy(name, "x", 2);
	T_EQ_INT(rowset_col(&rs, name), -1);
	T_EQ_INT(rowset_col(&rs, c), 2);
	T_EQ_INT(rowset_col(&rs, c), 2);
	rs.names++;
	rs.ncols--;
	T_EQ_INT(rowset_col(&rs, c), 1);
	rs.ncols--;	/* "c" was column 1: now past the end */
	T_EQ_INT(rowset_col(&rs, c), -1);
}

/* A one-row store result for rowset_collect: column 0 a real, column 1 an integer, column 2
 * a text (the number's "%.15g"), column 3 NULL. */
struct fake_row {
	struct store_row r;
	double d;
	int64_t i;
	char text[32];
};

static int fake_ncols(const struct store_row *r) { (void)r; return 4; }
static const char *fake_name(const struct store_row *r, int i) { (void)r; return (const char *[]){ "r", "i", "t", "n" }[i]; }
static enum sv_type fake_type(const struct store_row *r, int i) { (void)r; return (enum sv_type[]){ SV_REAL, SV_INT, SV_TEXT, SV_NULL }[i]; }
static int64_t fake_int(const struct store_row *r, int i) { (void)i; return ((const struct fake_row *)r)->i; }
static double fake_real(const struct store_row *r, int i) { (void)i; return ((const struct fake_row *)r)->d; }
static const char *fake_text(const struct store_row *r, int i) { return i == 2 ? ((const struct fake_row *)r)->text : NULL; }

/* rowset_d reads every cell as strtod reads its text, bit for bit: reals that are short
 * decimals, integers, -0, long fractions that "%.15g" rounds, large and tiny ones; integers
 * around 2^53; a text; NULL */
static void test_rowset_d(void)
{
	static const struct store_ops ops = { .ncols = fake_ncols, .col_name = fake_name, .col_type = fake_type,
					      .col_int = fake_int, .col_real = fake_real, .col_text = fake_text };
	static const double reals[] = { 0, -0.0, 12.5, 0.37, 1234.56, 42, -7, 0.1 + 0.2, 1.0 / 3, 2.0 / 3 * 1e6,
					1e15, 123456789012345.6, 1e-5, 3.14159265358979, 1e300, -2.5e-7, 99.99 };
	static const int64_t ints[] = { 0, -1, 7, (INT64_C(1) << 53) - 1, (INT64_C(1) << 53) + 1, -(INT64_C(1) << 53) - 1,
					INT64_C(9007199254740993), INT64_MAX - 1 };
	struct arena a = ARENA_INIT;
	struct rowset rs;
	struct fake_row f = { .r = { &ops } };
	char tmp[NUMFMT_SIZE];

	rowset_init(&rs, &a);
	for (size_t k = 0; k < sizeof(reals) / sizeof(reals[0]); k++) {
		f.d = reals[k];
		f.i = ints[k % (sizeof(ints) / sizeof(ints[0]))];
		numfmt_g15(f.d, f.text);
		T_EQ_INT(rowset_collect(&rs, &f.r), 0);
	}
	for (int i = 0; i < rs.nrows; i++) {
		double want = strtod(rs.rows[i][0].s, NULL), got = rowset_d(&rs, i, "r");
		T_CHECK(memcmp(&want, &got, sizeof(want)) == 0);
		snprintf(tmp, sizeof(tmp), "%lld", (long long)rs.rows[i][1].i);
		want = strtod(tmp, NULL);
		got = rowset_d(&rs, i, "i");
		T_CHECK(memcmp(&want, &got, sizeof(want)) == 0);
		T_CHECK(rowset_d(&rs, i, "t") == strtod(rs.rows[i][2].s, NULL));
		T_CHECK(isnan(rowset_d(&rs, i, "n")) && isnan(rowset_d(&rs, i, "nope")));
	}
	T_CHECK(isnan(rowset_d(&rs, rs.nrows, "r")));
	arena_release(&a);
}

/* rowset_order_by_name: name in Swedish order (NULL first), then the integer (NULL last), then
 * the key in byte order; the rows move whole. */
static void test_rowset_order_by_name(void)
{
	static const struct { const char *name; int has; int64_t num; const char *key; } in[] = {
		{ "Östra", 1, 5, "a" }, { "Åby", 0, 0, "b" }, { "Åby", 1, 9, "c" }, { "Åby", 1, 2, "e" },
		{ "Åby", 1, 2, "d" }, { NULL, 1, 1, "f" }, { "Zeta", 0, 0, "g" }, { "Ängby", 1, 0, "h" },
	};
	static const char want[] = "fgdecbha";	/* the keys in the order expected */
	struct row_cell cells[8][3], *rows[8];
	struct rowset rs = { .ncols = 3, .rows = rows, .nrows = 8, .cap = 8 };
	char got[9] = "";

	for (int i = 0; i < 8; i++) {
		cells[i][0] = (struct row_cell){ .t = in[i].name ? SV_TEXT : SV_NULL, .s = in[i].name };
		cells[i][1] = (struct row_cell){ .t = in[i].has ? SV_INT : SV_NULL, .s = in[i].has ? "n" : NULL,
						 .i = in[i].num };
		cells[i][2] = (struct row_cell){ .t = SV_TEXT, .s = in[i].key };
		rows[i] = cells[i];
	}
	T_EQ_INT(rowset_order_by_name(&rs, 0, 1, 2), 0);
	for (int i = 0; i < 8; i++)
		got[i] = rows[i][2].s[0];
	T_EQ_STR(got, want);
	/* without the integer key: name, then key */
	T_EQ_INT(rowset_order_by_name(&rs, 0, -1, 2), 0);
	for (int i = 0; i < 8; i++)
		got[i] = rows[i][2].s[0];
	T_EQ_STR(got, "fgbcdeha");
	/* rowset_ic: the integer by column index; NULL, no column and no row give 0 */
	T_EQ_INT(rowset_ic(&rs, 0, 1), 1);	/* f */
	T_EQ_INT(rowset_ic(&rs, 1, 1), 0);	/* g: NULL */
	T_EQ_INT(rowset_ic(&rs, 6, 1), 0);	/* h */
	T_EQ_INT(rowset_ic(&rs, 7, 1), 5);	/* a */
	T_EQ_INT(rowset_ic(&rs, 7, -1), 0);
	T_EQ_INT(rowset_ic(&rs, 7, 3), 0);
	T_EQ_INT(rowset_ic(&rs, 8, 1), 0);
}

/* collate_ranks' byte shortcut (two ASCII letters that differ other than by case, after the
 * same bytes): every pair of letters and cases, with the same and other prefixes and endings,
 * in the order ICU gives */
static void check_letter_pairs(UCollator *coll)
{
	static const char *const pre[] = { "", "Stads", "Å", "b " };
	static const char *const post[] = { "", "Z", " x", "å" };
	char a[40], b[40];
	const char *two[2] = { a, b };

	for (int x = 0; x < 52; x++)
		for (int y = 0; y < 52; y++)
			for (size_t k = 0; k < sizeof(pre) / sizeof(pre[0]); k++)
				for (size_t m = 0; m < sizeof(post) / sizeof(post[0]); m++) {
					int cx = x < 26 ? 'a' + x : 'A' + x - 26, cy = y < 26 ? 'a' + y : 'A' + y - 26;
					snprintf(a, sizeof(a), "%s%c%s", pre[k], cx, post[m]);
					snprintf(b, sizeof(b), "%s%c%s", pre[k], cy, post[(m + 1) % 4]);
					check_ranks(two, 2, coll);
				}
}

/* collate_ranks' table of primaries (core/collate.c): every pair of the characters it knows and
 * of some it does not (other punctuation, a tab, combining marks after a known letter, letters
 * outside the table, cut UTF-8 sequences), with prefixes and endings, in the order ICU gives;
 * random strings of them;
 * and the places: equal texts one place, the next text's the number of distinct texts before */
static void check_table_pairs(UCollator *coll)
{
	static const char *const ch[] = { " ", "_", "-", "\u2013", ",", ":", ".", "'", "(", ")", "/", "&", "0", "5",
		"9", "a", "A", "e", "E", "\u00e9", "\u00c9", "y", "Y", "\u00fc", "\u00dc", "z", "\u00e5", "\u00c5",
		"\u00e4", "\u00c4", "\u00f6", "\u00d6", "\u00e6", "\u00f8", "!", "?", "\"", "\t", "+", "a\u030a",
		"e\u0301", "o\u0308", "\u00ff", "\u2014", "\u00a0", "\u0142", "\u00df", "\xc3", "\xe2\x80" };
	static const char *const pre[] = { "", "Sp\u00e5nga-Tensta ", "K\u00e4rrtorp (", "0" };
	static const char *const post[] = { "", "b", " \u00f6", "\u0301", "-2" };
	enum { NCH = sizeof(ch) / sizeof(ch[0]), NPRE = sizeof(pre) / sizeof(pre[0]), NPOST = sizeof(post) / sizeof(post[0]) };
	char a[64], b[64], buf[300][24];
	const char *two[2] = { a, b }, *many[300];
	unsigned seed = 11;

	for (int x = 0; x < NCH; x++)
		for (int y = 0; y < NCH; y++)
			for (int k = 0; k < NPRE; k++)
				for (int m = 0; m < NPOST; m++) {
					snprintf(a, sizeof(a), "%s%s%s", pre[k], ch[x], post[m]);
					snprintf(b, sizeof(b), "%s%s%s", pre[k], ch[y], post[(m + x + y) % NPOST]);
					check_ranks(two, 2, coll);
				}
	for (int i = 0; i < 300; i++) {
		size_t len = 0;
		for (int k = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6; k >= 0; k--) {
			const char *c = ch[((seed = seed * 1103515245u + 12345u) >> 16) % NCH];
			memcpy(buf[i] + len, c, strlen(c) + 1);
			len += strlen(c);
		}
		many[i] = buf[i];
	}
	check_ranks(many, 300, coll);
	{
		const char *s[] = { "b", "a", "B", "a", NULL, "c", "A", NULL };
		int rank[8];
		T_EQ_INT(collate_ranks(s, 8, rank), 0);
		/* NULL 0; a 1 (twice); A 2; b 3; B 4; c 5: the places of the distinct texts */
		T_EQ_INT(rank[4], 0); T_EQ_INT(rank[7], 0); T_EQ_INT(rank[1], 1); T_EQ_INT(rank[3], 1);
		T_EQ_INT(rank[6], 2); T_EQ_INT(rank[0], 3); T_EQ_INT(rank[2], 4); T_EQ_INT(rank[5], 5);
	}
}

static void test_collate_ranks(void)
{
	const char *s[] = { "Östra", "Spånga-Tensta", NULL, "Ängby", "Aa", "Spånga-Tensta", "spånga-tensta",
			    "Zeta", "Åkersberga", "Étage", "Etage", "Ärvinge", "Ö", "" };
	int n = (int)(sizeof(s) / sizeof(s[0])), rank[sizeof(s) / sizeof(s[0])];
	UErrorCode st = U_ZERO_ERROR;
	UCollator *coll = ucol_open("sv_SE", &st);
	static const char *const alphabet[] = { "a", "A", "e", "é", "o", "ö", "Ö", "å", "Å", "ä", "z", "Z", " ", "-", "1",
						"v", "w", "W", "y", "ü", "s", "S" };
	char buf[200][16];
	const char *many[200];
	unsigned seed = 7;

	T_CHECK(!U_FAILURE(st));
	T_EQ_INT(collate_ranks(s, n, rank), 0);
	T_EQ_INT(rank[2], 0);			/* NULL first */
	T_EQ_INT(rank[1], rank[5]);		/* equal strings, one rank */
	T_CHECK(rank[1] < rank[7]);		/* S before Z */
	T_CHECK(rank[7] < rank[8] && rank[8] < rank[3] && rank[3] < rank[0]);	/* Z Å Ä Ö */
	check_ranks(s, n, coll);
	for (int i = 0; i < 200; i++) {
		size_t len = 0;

		buf[i][0] = '\0';
		for (int k = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 5; k >= 0; k--) {
			const char *c = alphabet[((seed = seed * 1103515245u + 12345u) >> 16) % 22];

			memcpy(buf[i] + len, c, strlen(c) + 1);
			len += strlen(c);
		}
		many[i] = buf[i];
	}
	check_ranks(many, 200, coll);
	check_letter_pairs(coll);
	check_table_pairs(coll);
	/* texts longer than the key's UTF-16 buffer on the stack (256 units) */
	static char longs[4][700];
	const char *lp[5] = { longs[0], longs[1], longs[2], longs[3], "Ö" };
	for (int i = 0; i < 4; i++) {
		for (int k = 0; k < 300; k++)
			memcpy(longs[i] + 2 * k, "å", 2);
		strcpy(longs[i] + 600, i == 0 ? "b" : i == 1 ? "a" : i == 2 ? "ä" : "A");
	}
	check_ranks(lp, 5, coll);
	T_EQ_INT(collate_ranks(NULL, 0, NULL), 0);
	ucol_close(coll);
}

/* A sorted element: its key and where it was (equal keys must keep their order). */
struct rs_el {
	int key, at;
};

static int rs_by_key(const void *pa, const void *pb)
{
	const struct rs_el *a = pa, *b = pb;

	return (a->key > b->key) - (a->key < b->key);
}

/* sort_runs orders lists of 0 to 300 elements arriving in 1 to 40 runs, with repeated keys,
 * by key and stably: checked element by element against a sort by (key, place). */
static void test_sort_runs(void)
{
	unsigned seed = 7;

	for (int round = 0; round < 500; round++) {
		struct rs_el e[300];
		int n = round % 301, runs = 1 + round % 40, bad = 0;
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* each run ascending from a random start; keys repeat (mod 50) */
			int start = i % (n / runs + 1) == 0;
			e[i] = (struct rs_el){ start || !i ? (int)(seed >> 20) % 50 : e[i - 1].key + (int)(seed >> 28) % 3, i };
		}
		sort_runs(e, (size_t)n, sizeof(*e), rs_by_key);
		for (int i = 1; i < n; i++)
			bad |= e[i - 1].key > e[i].key || (e[i - 1].key == e[i].key && e[i - 1].at > e[i].at);
		int seen[300] = { 0 };
		for (int i = 0; i < n; i++)
			seen[e[i].at]++;
		for (int i = 0; i < n; i++)
			bad |= seen[i] != 1;
		T_EQ_INT(bad, 0);
	}
}

/* html_url_arg against a byte-at-a-time percent-encoding of random texts of unreserved bytes,
 * markup, spaces, '%' and UTF-8, at every offset from a page's end (the page after it
 * unreadable: the sixteen-byte scan must stop at its page) and in the middle of memory. */
static void url_ref(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		    *p == '.' || *p == '_' || *p == '~') {
			buf_addc(b, (char)*p);
		} else {
			char pct[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			buf_add(b, pct, 3);
		}
	}
}

static void test_html_url_arg_random(void)
{
	static const char *const piece[] = { "a", "Z", "z", "A", "0", "9", "-", ".", "_", "~", " ", "/", "&", "%", "@", "[",
		"`", "{", "\x7f", "\xc3\xa5", "\x01", "vp-2022-spanga-tensta-i-001", ":", "/", "9", "+" };
	long pg = sysconf(_SC_PAGESIZE);
	int fd = open("/dev/zero", O_RDWR);
	char *m = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char in[128];
	unsigned seed = 99;
	struct buf b, want;

	close(fd);
	T_CHECK(m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	T_EQ_INT(mprotect(m + pg, (size_t)pg, PROT_NONE), 0);
	buf_init(&b, 0);
	buf_init(&want, 0);
	for (int round = 0; round < 20000; round++) {
		size_t n = rand_text(piece, sizeof(piece) / sizeof(piece[0]), 10, 100, &seed, in);
		const char *s = in;
		if (round & 1) {	/* ending at the page's end */
			memcpy(m + pg - n - 1, in, n + 1);
			s = m + pg - n - 1;
		}
		buf_reset(&b);
		buf_reset(&want);
		html_url_arg(&b, s);
		url_ref(&want, in);
		T_EQ_STR(b.ptr, want.ptr);
	}
	buf_release(&b);
	buf_release(&want);
	munmap(m, (size_t)pg * 2);
}

/* Texts escaped once (struct html_pre): a plain text in HTML_TPLX is escaped as in HTML_TPL
 * (markup characters come out escaped by default); a struct html_pre is the text html_escape
 * writes, copied as it is in text and attribute holes, short and long, with and without room;
 * html_pre_join escapes its text parts and copies its escaped ones, and refuses what does not
 * fit its room. Random texts against html_ref_escape. */
static void test_html_pre_texts(void)
{
	static const char *const piece[] = { "a", "Z", " ", "\xc3\xa5", "\xe2\x80\x93", "&", "<", ">", "\"", "'",
		"\t", "\x01", "\xc3", "\xed\xa0\x80", "0123456789", "abcdefghijklmnopqrstuvwxyz" };
	struct arena a = ARENA_INIT;
	struct html_pre p, q, j;
	struct buf b, want;
	struct html h;
	char in[200], in2[200], room[2048], small[8];
	unsigned seed = 777;

	/* escape by default: the same text as a plain argument and as a struct html_pre */
	buf_init(&b, 0);
	html_init(&h, &b);
	html_pre_escape(&p, &a, "<b>&\"'</b>");
	HTML_TPLX(&h, "<p title=\"" HTML_HOLE "\">" HTML_HOLE "|" HTML_HOLE "</p>", HTML_T("<i a=\"1\">'&"), HTML_P(&p),
		  HTML_T(NULL));
	T_EQ_STR(b.ptr, "<p title=\"&lt;i a=&quot;1&quot;&gt;&#39;&amp;\">&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;|</p>");
	T_EQ_INT(html_finish(&h), 0);
	buf_reset(&b);
	html_init(&h, &b);	/* a NULL text leaves its attribute out; a struct html_pre fills it */
	html_pre_escape(&q, &a, NULL);
	HTML_TPLX(&h, "<p a=\"" HTML_HOLE "\" b=\"" HTML_HOLE "\">x</p>", HTML_T(NULL), HTML_P(&q));
	T_EQ_STR(b.ptr, "<p b=\"\">x</p>");
	HTML_TPLX(&h, "<p>" HTML_HOLE "</p>", HTML_T("a"), HTML_T("b"));	/* a hole too many: refused */
	T_EQ_STR(b.ptr, "<p b=\"\">x</p>");
	T_EQ_INT(html_finish(&h), -1);
	buf_release(&b);
	/* html_pre_join: escaped parts copied, texts escaped, refused when it does not fit */
	{
		const struct html_pre *pp[] = { &p, NULL, NULL };
		const char *tt[] = { NULL, " & ", "\xe2\x80\x93<" };
		T_EQ_INT(html_pre_join(&j, room, sizeof(room), pp, tt, 3), 0);
		T_CHECK(j.len == strlen("&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt; &amp; \xe2\x80\x93&lt;") &&
			memcmp(j.esc, "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt; &amp; \xe2\x80\x93&lt;", j.len) == 0);
		T_EQ_INT(html_pre_join(&j, small, sizeof(small), pp, tt, 3), -1);
		T_EQ_INT(j.len, 0);
	}
	/* random texts, short and long, after outputs of every length, with and without room */
	buf_init(&want, 0);
	for (int round = 0; round < 20000; round++) {
		rand_text(piece, sizeof(piece) / sizeof(piece[0]), round % 3 ? 12 : 2, 150, &seed, in);
		rand_text(piece, sizeof(piece) / sizeof(piece[0]), 4, 40, &seed, in2);
		html_pre_escape(&p, &a, in);
		buf_init(&b, 0);
		if (round & 1)
			buf_reserve(&b, 4096);
		for (int k = round % 37; k > 0; k--)
			buf_addc(&b, '.');
		buf_reset(&want);
		buf_add(&want, b.ptr, b.len);
		html_init(&h, &b);
		HTML_TPLX(&h, "<td title=\"" HTML_HOLE "\">" HTML_HOLE "</td><td>" HTML_HOLE "</td>", HTML_P(&p),
			  HTML_T(in2), HTML_P(&p));
		buf_adds(&want, "<td title=\"");
		html_ref_escape(&want, in);
		buf_adds(&want, "\">");
		html_ref_escape(&want, in2);
		buf_adds(&want, "</td><td>");
		html_ref_escape(&want, in);
		buf_adds(&want, "</td>");
		T_EQ_STR(b.ptr, want.ptr);
		T_EQ_INT(html_finish(&h), 0);
		{
			const struct html_pre *pp[] = { &p, NULL, &p };
			const char *tt[] = { NULL, in2, NULL };
			T_EQ_INT(html_pre_join(&j, room, sizeof(room), pp, tt, 3), 0);
			buf_reset(&want);
			html_ref_escape(&want, in);
			html_ref_escape(&want, in2);
			html_ref_escape(&want, in);
			T_CHECK(j.len == want.len && memcmp(j.esc, want.ptr, j.len) == 0);
		}
		buf_release(&b);
	}
	buf_release(&want);
	arena_release(&a);
}

/* hexfloat_write: v (finite, not 0) as derived_district_fy's triggers write it: m = |v| *
 * 2^(53 - floor(log2 |v|)), an integer, as "[-]0x%xp%d" with the exponent -(53 - floor(log2 |v|)) */
static int hexfloat_write(double v, char *out, size_t size)
{
	int k;

	frexp(fabs(v), &k);	/* |v| = f * 2^k, f in [0.5, 1): floor(log2 |v|) = k - 1 */
	uint64_t m = (uint64_t)ldexp(fabs(v), 53 - (k - 1));
	return snprintf(out, size, "%s0x%" PRIx64 "p%d", v < 0 ? "-" : "", m, -(53 - (k - 1)));
}

static void test_hexfloat(void)
{
	uint64_t seed = 88172645463325252u;
	int bad = 0, read = 0;
	char t[64];
	double d;

	for (int i = 0; i < 200000; i++) {
		seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
		double v;
		memcpy(&v, &seed, sizeof(v));
		if (i % 4 == 0)	/* values as pages hold them */
			v = (double)(int64_t)(seed % 2000001) / (double)(1 + seed % 1000) - 1000;
		if (!isfinite(v) || v == 0)
			continue;
		int n = hexfloat_write(v, t, sizeof(t));
		double w = 0, s = strtod(t, NULL);
		size_t got = hexfloat_read(t, t + n, &w);
		if (got) {	/* 14 digits (a value not normal may have fewer): the same double as strtod's */
			read++;
			bad |= got != (size_t)n || memcmp(&w, &v, sizeof(v)) != 0 || memcmp(&s, &v, sizeof(v)) != 0;
			bad |= hexfloat_field_end(t, t + n) != t + n;
		} else {
			bad |= strlen(t) - (size_t)(t[0] == '-') == 2 + 14 + 1 + strlen(strchr(t, 'p') + 1);
		}
	}
	T_EQ_INT(bad, 0);
	T_CHECK(read > 150000);
	/* followed by a separator: read up to it */
	const char *f = "-0x2d000000000000p-50 0x20000000000000p-53;";
	T_EQ_INT(hexfloat_read(f, f + strlen(f), &d), 21);
	T_EQ_DBL(d, -11.25, 0);
	T_CHECK(hexfloat_field_end(f, f + strlen(f)) == f + 21);
	T_EQ_INT(hexfloat_read(f + 22, f + strlen(f), &d), 20);
	T_EQ_DBL(d, 1, 0);
	/* not of the form: 0, *out untouched */
	static const char *const no[] = { "0x2D000000000000p-50", "0x2d00000000000gp-50", "0x2d0000000000p-50",
		"0x2d000000000000p", "0x2d000000000000p-", "0x2d000000000000p-50x", "0x2d000000000000p12345",
		"0x2d000000000000q-50", "1x2d000000000000p-50", "12.5", "", "-", "0x2d0000:0000000p-50",
		"0x2d00000/000000p-50", "0x2d000000000000p+5" };
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		d = 7;
		T_EQ_INT(hexfloat_read(no[i], no[i] + strlen(no[i]), &d), 0);
		T_EQ_DBL(d, 7, 0);
	}
	/* a NUL among the digits, and the end before the exponent's digits */
	const char nul[] = "0x2d0000\0000000p-50";
	T_EQ_INT(hexfloat_read(nul, nul + sizeof(nul) - 1, &d), 0);
	f = "0x2d000000000000p-50";
	T_EQ_INT(hexfloat_read(f, f + 17, &d), 0);
	T_EQ_INT(hexfloat_read(f, f + 18, &d), 0);	/* "p-" then end: no digit */
	T_EQ_DBL(d, 7, 0);
	/* other texts end at the first separator */
	f = "12.5 3;x";
	T_CHECK(hexfloat_field_end(f, f + strlen(f)) == f + 4);
	T_CHECK(hexfloat_field_end(f + 5, f + strlen(f)) == f + 6);
	T_CHECK(hexfloat_field_end(f + 4, f + strlen(f)) == f + 4);
}

int main(void)
{
	T_RUN(test_buf_grows_and_terminates);
	T_RUN(test_buf_max_is_sticky);
	T_RUN(test_buf_reserve);
	T_RUN(test_buf_detach);
	T_RUN(test_arena);
	T_RUN(test_arena_grow);
	T_RUN(test_err_prefix);
	T_RUN(test_json_writer);
	T_RUN(test_json_bytes);
	T_RUN(test_json_ints);
	T_RUN(test_json_values);
	T_RUN(test_json_value_out);
	T_RUN(test_json_reals_as_printf);
	T_RUN(test_numfmt_as_printf);
	T_RUN(test_json_keys);
	T_RUN(test_json_escape_places);
	T_RUN(test_json_key_lengths);
	T_RUN(test_json_invalid_utf8_replaced);
	T_RUN(test_json_doc_style);
	T_RUN(test_json_refuses_bad_sequences);
	T_RUN(test_tsv_reads_rows);
	T_RUN(test_tsv_header_errors);
	T_RUN(test_tsv_rejects_bad_utf8);
	T_RUN(test_tsv_split_list);
	T_RUN(test_html_escapes_text_and_attributes);
	T_RUN(test_utf8_seq_and_valid);
	T_RUN(test_html_escape_every_byte);
	T_RUN(test_html_escape_long_runs);
	T_RUN(test_html_long_names);
	T_RUN(test_html_refuses_bad_names_and_closes);
	T_RUN(test_html_escape_random);
	T_RUN(test_html_short_random);
	T_RUN(test_html_at_page_end);
	T_RUN(test_html_escape_room_end);
	T_RUN(test_json_escape_random);
	T_RUN(test_html_names_by_length);
	T_RUN(test_html_textf_formats);
	T_RUN(test_html_literal_forms);
	T_RUN(test_html_literal_bad_names);
	T_RUN(test_html_literal_values);
	T_RUN(test_html_templates);
	T_RUN(test_html_pre_texts);
	T_RUN(test_html_url_arg_random);
	T_RUN(test_collate_ranks);
	T_RUN(test_rowset_order_by_name);
	T_RUN(test_rowset_d);
	T_RUN(test_rowset_col_memo);
	T_RUN(test_sort_runs);
	T_RUN(test_hexfloat);
	return t_done();
}
