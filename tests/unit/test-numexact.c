/* test-numexact.c: core/numexact's "%.15g, else %.17g" against printf and strtod on values
 * of every kind it takes: shares and gaps as the need index computes them, quotients, random
 * bits, values next to powers of ten and to halves of the last digit. */
#include "testlib.h"

#include "core/hexfloat.h"
#include "core/numexact.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long n_fast, n_checked;

/* slow: what json_num_text wrote before numexact (printf and strtod) */
static void slow(double v, char *out, size_t size)
{
	snprintf(out, size, "%.15g", v);
	if (strtod(out, NULL) != v)
		snprintf(out, size, "%.17g", v);
}

static void check(double v)
{
	char want[64], got[64];
	size_t n;

	n_checked++;
	memset(got, 'x', sizeof(got));
	if ((n = numexact_g15_17(v, got)) == 0)
		return;
	n_fast++;
	slow(v, want, sizeof(want));
	if (strcmp(want, got) != 0 || n != strlen(want))
		T_FAIL_("%a: numexact \"%s\" (%zu), printf \"%s\"", v, got, n, want);
}

static uint64_t rnd_state = 88172645463325252ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

static void test_computed_values(void)
{
	for (int i = 1; i < 3000; i++)
		for (int j = 1; j < 40; j++) {
			double a = (double)i / 7.0, b = (double)j / 3.0;
			check(a / b);
			check(-(a - b) / (b + 0.5));
			check(sqrt(a * b));
			check((a - 51.3) / 17.0);
		}
	T_CHECK(n_fast > 100000);
}

static void test_random_bits(void)
{
	for (int i = 0; i < 400000; i++) {
		uint64_t u = rnd();
		double v;
		/* exponents that put v between about 1e-5 and 1e15 */
		u = (u & 0x800FFFFFFFFFFFFFULL) | ((uint64_t)(1023 - 17 + (int)(rnd() % 68)) << 52);
		memcpy(&v, &u, sizeof(v));
		check(v);
	}
	T_CHECK(n_fast > 300000);
}

static void test_edges(void)
{
	for (int e = -4; e <= 14; e++) {
		double p = pow(10.0, e);
		double v = p;
		for (int i = 0; i < 40; i++) {
			check(v);
			check(-v);
			v = nextafter(v, 0);
		}
		v = p;
		for (int i = 0; i < 40; i++, v = nextafter(v, INFINITY))
			check(v);
	}
	/* decimals with 15 to 17 digits and their neighbours */
	for (int i = 0; i < 20000; i++) {
		double v = (double)(rnd() % 100000000000000000ULL) / pow(10.0, (double)(rnd() % 20));
		check(v);
		check(nextafter(v, 0));
		check(nextafter(v, INFINITY));
	}
	char buf[64];
	T_EQ_INT(numexact_g15_17(NAN, buf), 0);
	T_EQ_INT(numexact_g15_17(INFINITY, buf), 0);
	T_EQ_INT(numexact_g15_17(0.0, buf), 0);
	T_EQ_INT(numexact_g15_17(1e-5, buf), 0);
	T_EQ_INT(numexact_g15_17(1e15, buf), 0);
	T_EQ_INT(numexact_g15_17(0.5, buf), 0);	/* a power of two */
	T_CHECK(numexact_g15_17(0.1 + 0.2, buf) > 0);
	T_EQ_STR(buf, "0.30000000000000004");
	T_CHECK(numexact_g15_17(-1.0 / 3.0, buf) > 0);
	T_EQ_STR(buf, "-0.33333333333333331");
	T_CHECK(numexact_g15_17(1.1, buf) > 0);
	T_EQ_STR(buf, "1.1");
}

/* hex_text: v as the triggers of 0067 and 0075 write it ("[-]0x%xp%d": |v| * 2^(53 - e), e the
 * exponent, an integer of 54 bits, in lower-case hexadecimal; "0" for zero) */
static void hex_text(double v, char *out, size_t size)
{
	int e;

	if (v == 0) {
		snprintf(out, size, "0");
		return;
	}
	frexp(fabs(v), &e);
	e -= 1;
	snprintf(out, size, "%s0x%llxp%d", v < 0 ? "-" : "", (unsigned long long)ldexp(fabs(v), 53 - e), -(53 - e));
}

/* hexread: hexfloat_read of the whole text t (core/hexfloat.h), whether it read it */
static int hexread(const char *t, double *out)
{
	return hexfloat_read(t, t + strlen(t), out) != 0;
}

/* hexfloat_read gives strtod's double for the triggers' texts, its fields ending at ' ', ';'
 * or the end, and refuses (0) a text with a byte that is no lower-case hexadecimal digit, which
 * its eight-byte lanes must not take for one ('g' would give 16, ':' and 'A' a wrong digit), and
 * a text of fewer digits than the triggers write (strtod reads that) */
static void test_hex_read(void)
{
	char text[64];
	double got;

	for (int i = 0; i < 200000; i++) {
		uint64_t u = rnd();
		double v;

		memcpy(&v, &u, sizeof(v));
		if (!isfinite(v) || (i & 1 && fabs(v) > 1e-300 && fabs(v) < 1e300 && (v = (double)(i % 1000) / 7.0) == 0))
			continue;
		hex_text(v, text, sizeof(text));
		if (strcmp(text, "0") == 0)
			continue;
		if (!hexread(text, &got) || memcmp(&got, &v, sizeof(v)) != 0)
			T_FAIL_("%s: read %a, want %a", text, got, v);
		strcat(text, ";1 2");
		if (!hexread(text, &got) || got != v)
			T_FAIL_("%s: not read before ';'", text);
	}
	T_CHECK(hexread("0x20000000000000p-54", &got) && got == 0.5);
	T_CHECK(hexread("-0x2ddb8000000000p-39 ", &got) && got == strtod("-0x2ddb8000000000p-39", NULL));
	T_CHECK(!hexread("0x3p1", &got));
	const char *bad[] = { "0x2ddb800000000gp-39", "0x2ddg8000000000p-39", "0x2ddB8000000000p-39",
		"0x2dd:8000000000p-39", "0x2dd/8000000000p-39", "0x2dd`8000000000p-39", "0x2dd 8000000000p-39",
		"0x2ddb80000000G0p-39", "12.5", "0x", "0xp3", "0x2ddb8000000000p", "0x2ddb8000000000p-39x" };
	for (size_t k = 0; k < sizeof(bad) / sizeof(*bad); k++)
		if (hexread(bad[k], &got))
			T_FAIL_("%s: read as %a", bad[k], got);
}

int main(void)
{
	T_RUN(test_hex_read);
	T_RUN(test_computed_values);
	T_RUN(test_random_bits);
	T_RUN(test_edges);
	printf("# %ld of %ld values written by numexact\n", n_fast, n_checked);
	return t_done();
}
