/* test-csvnum.c: the numbers of table_csv (doc/table-csv.c) against the search it replaced in
 * part: the fewest decimals (from one, for a number with a fraction) whose "%.*f" reads back as
 * the same double. Values of every kind the exports hold: figures of one to six decimals,
 * shares, random bits, values next to the fast path's limit (|v * 10^d| = 2^50) and halves. */
#include "testlib.h"

#include "doc/table.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct table_col cols[] = { { "v", NULL, TABLE_DEC, -1, 10 } };

/* slow: the search before the fast path, point '.' (as TABLE_CSV_COMMA writes it), into a buffer
 * of table-csv.c's size (64: a number of more digits is cut and so ends as "%.17g") */
static void slow(double v, char *out, size_t n)
{
	int d = v == floor(v) ? 0 : 1;

	if (!d && fabs(v) < 9007199254740992.0 && !(v == 0 && signbit(v))) {
		snprintf(out, n, "%lld", (long long)v);
		return;
	}
	for (; d <= 20; d++) {
		snprintf(out, n, "%.*f", d, v);
		if (strtod(out, NULL) == v)
			break;
	}
	if (d > 20 || !isfinite(v))
		snprintf(out, n, "%.17g", v);
}

static double vals[200000];
static int nvals;

/* flush: writes vals as a CSV column and compares each line with slow's text */
static void flush(void)
{
	struct table t;
	struct buf b;
	struct err e = { 0 };
	char want[512];
	const char *p;

	table_init(&t, "t", cols, 1);
	for (int i = 0; i < nvals; i++) {
		table_row(&t);
		table_set_dec(&t, 0, vals[i]);
	}
	buf_init(&b, 0);
	T_CHECK(table_csv(&t, TABLE_CSV_COMMA, &b, &e) == LUP_OK);
	p = strstr(b.ptr, "\r\n");
	for (int i = 0; p && i < nvals; i++) {
		const char *q;

		p += 2;
		q = strstr(p, "\r\n");
		slow(vals[i], want, 64);
		if (!q || (size_t)(q - p) != strlen(want) || strncmp(p, want, strlen(want)) != 0) {
			T_FAIL_("%a: table_csv \"%.*s\", the search \"%s\"", vals[i], q ? (int)(q - p) : 8, p, want);
			break;
		}
		p = q;
	}
	buf_release(&b);
	table_release(&t);
	nvals = 0;
}

static void add(double v)
{
	vals[nvals++] = v;
	if (nvals == (int)(sizeof(vals) / sizeof(vals[0])))
		flush();
}

static uint64_t rnd_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static void test_decimals(void)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };

	for (int d = 1; d <= 8; d++)
		for (int i = 0; i < 15000; i++) {
			int64_t k = (int64_t)(rnd() % 2000000001ULL) - 1000000000;

			add((double)k / p10[d]);
			add((double)(k % 1000) / p10[d]);
		}
	flush();
}

static void test_bits(void)
{
	for (int i = 0; i < 100000; i++) {
		uint64_t u = rnd();
		double v;

		memcpy(&v, &u, sizeof(v));
		if (i % 8 == 0 && isfinite(v))	/* any magnitude: few, the search is slow there */
			add(v);
		/* mostly ordinary magnitudes: an exponent near 0 */
		u = (u & 0x800FFFFFFFFFFFFFULL) | ((uint64_t)(1023 - 30 + (int)(rnd() % 60)) << 52);
		memcpy(&v, &u, sizeof(v));
		add(v);
	}
	flush();
}

static void test_edges(void)
{
	static const double p10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7 };
	const double lim = 1125899906842624.0;	/* 2^50 */

	for (int d = 0; d <= 7; d++)
		for (int k = -40; k <= 40; k++) {
			double v = lim / p10[d];

			add(nextafter(v, 0) + k * 0.5);
			add(-v + k * 0.25);
			add(v * (1 + k * 1e-15));
			add(nextafter(0.5 / p10[d] * (2 * k + 1), INFINITY));
			add(nextafter(0.5 / p10[d] * (2 * k + 1), -INFINITY));
		}
	add(0.1 + 0.2);
	add(-0.0);
	add(0.0);
	add(5e-324);
	add(-5e-324);
	add(2.2250738585072014e-308);
	add(1e-7);
	add(0.05);
	add(-0.04);
	add(9007199254740993.0);
	add(9007199254740991.5);
	add(1e20);
	add(1.7976931348623157e308);
	add(123456.789);
	add(-0.5);
	for (int i = 1; i <= 1000; i++) {
		add(1.0 / i);
		add(i / 3.0);
		add(100.0 * i / 7.0);
	}
	flush();
}

int main(void)
{
	T_RUN(test_decimals);
	T_RUN(test_bits);
	T_RUN(test_edges);
	return t_done();
}
