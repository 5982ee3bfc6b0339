/* numfmt.c: numbers as text in printf's bytes, mostly without printf (see numfmt.h). */
#include "core/numfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Powers of ten, each exact in a double (10^22 is the last). */
static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

/* Two digits at a time: "00" to "99". */
static const char digits2[] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

size_t numfmt_long(long long v, char *out)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t n;

	for (; u >= 100; u /= 100) {
		p -= 2;
		memcpy(p, digits2 + 2 * (u % 100), 2);
	}
	if (u >= 10) {
		p -= 2;
		memcpy(p, digits2 + 2 * u, 2);
	} else {
		*--p = (char)('0' + u);
	}
	if (v < 0)
		*--p = '-';
	n = (size_t)(tmp + sizeof(tmp) - p);
	for (size_t i = 0; i < n; i++)	/* at most 20 bytes: no call */
		out[i] = p[i];
	out[n] = '\0';
	return n;
}

#ifdef __SSE2__
/* join_block: copies the part at *c into buf from *len sixteen bytes at a time while the block
 * lies in *c's page and fits buf with room after it; returns 1 when the part's NUL was reached
 * (the part is copied), 0 when the rest is left to the byte loop. Bytes past the NUL are stored
 * too and later overwritten or left after the result's NUL. */
__attribute__((no_sanitize_address)) static int join_block(char *buf, size_t size, size_t *len,
							   const char **c)
{
	while (((uintptr_t)*c & 4095) <= 4096 - 16 && *len + 16 < size) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)*c);
		unsigned nul = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128()));
		_mm_storeu_si128((__m128i *)(void *)(buf + *len), x);
		if (nul) {
			*len += (size_t)__builtin_ctz(nul);
			return 1;
		}
		*len += 16;
		*c += 16;
	}
	return 0;
}
#endif

void numfmt_join(char *buf, size_t size, const char *const *part, int n)
{
	size_t len = 0;

	for (int i = 0; i < n; i++) {
		const char *c = part[i];
#ifdef __SSE2__
		if (join_block(buf, size, &len, &c))
			continue;
#endif
		for (; *c && len + 1 < size; c++)
			buf[len++] = *c;
	}
	buf[len] = '\0';
}

#define SHORT_REAL_DECIMALS 8

/* Why the bytes are printf's: u / 10^d in doubles is the correctly rounded quotient of two
 * exact doubles, so v == u / 10^d says v is the double nearest the decimal D = u / 10^d, the
 * one strtod reads from D's digits. "%.15g" rounds v to 15 significant digits: D has at most
 * 15 and |v - D| is at most half an ulp of v (< |v| * 1.2e-16), far less than half the step of
 * 15 digits (> |v| * 5e-16), so the rounding gives D; D's exponent is in -4..14, so %g writes
 * D without an exponent and without trailing zeros, which is what is written here (the
 * smallest d comes first, so u has no trailing zero). */
size_t numfmt_short_real(double v, char *out)
{
	double a = fabs(v);
	char tmp[NUMFMT_SIZE], *p = tmp + sizeof(tmp);

	if (!(a >= 1e-4 && a < 1e15))
		return 0;
	for (int d = 1; d <= SHORT_REAL_DECIMALS; d++) {
		double m = a * p10[d] + 0.5;
		if (m >= 1e15)
			return 0;
		unsigned long long u = (unsigned long long)m;
		if ((double)u / p10[d] != a)
			continue;
		for (int k = 0; k < d; k++, u /= 10)
			*--p = (char)('0' + u % 10);
		*--p = '.';
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (v < 0)
			*--p = '-';
		size_t n = (size_t)(tmp + sizeof(tmp) - p);
		memcpy(out, p, n);
		out[n] = '\0';
		return n;
	}
	return 0;
}

size_t numfmt_g15(double v, char *out)
{
	size_t n;

	/* an integer below 10^15 has at most 15 digits: %g writes them all, with no point (but
	 * -0.0, which it writes "-0") */
	if (v == (double)(long long)v && fabs(v) < 1e15 && !(v == 0 && signbit(v)))
		return numfmt_long((long long)v, out);
	if ((n = numfmt_short_real(v, out)) > 0)
		return n;
	return (size_t)snprintf(out, NUMFMT_SIZE, "%.15g", v);
}

/* The fast path of numfmt_fixed: t = |v| * 10^decimals is computed with one rounding (10^d is
 * exact), so it is within half an ulp of the exact product P. printf rounds P to the nearest
 * integer (ties by its own rule); t rounds to the same integer unless P and t lie on either
 * side of a half, that is unless t is within an ulp of one: those go to printf. t < 2^52 keeps
 * t - floor(t) exact. The digits of that integer N are then printf's: N / 10^d, a point and
 * N % 10^d in d digits, after a '-' when v is negative (printf writes "-0.0" for -0.04). */
int numfmt_fixed(double v, int decimals, char *out, size_t size)
{
	char tmp[48], *p = tmp + sizeof(tmp);
	double t, fl, fr;
	uint64_t u;
	size_t n;

	if (!isfinite(v) || decimals < 0 || decimals > 15)
		goto slow;
	t = fabs(v) * p10[decimals];
	if (!(t < 4503599627370496.0))	/* 2^52 */
		goto slow;
	fl = floor(t);
	fr = t - fl;
	if (fabs(fr - 0.5) <= t * 0x1p-52)	/* at least t's ulp (nextafter(t) - t), no call */
		goto slow;
	u = (uint64_t)fl + (fr > 0.5);
	for (int k = 0; k < decimals; k++, u /= 10)
		*--p = (char)('0' + u % 10);
	if (decimals > 0)
		*--p = '.';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (signbit(v))
		*--p = '-';
	n = (size_t)(tmp + sizeof(tmp) - p);
	if (size > 0) {
		size_t c = n < size ? n : size - 1;
		memcpy(out, p, c);
		out[c] = '\0';
	}
	return (int)n;
slow:
	return snprintf(out, size, "%.*f", decimals, v);
}
