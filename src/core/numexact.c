/* numexact.c: the shortest of "%.15g" and "%.17g" that reads back, in integers (numexact.h). */
#include "core/numexact.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

typedef unsigned __int128 u128;

/* pow5[k]: 5^k, for k from 0 to 27 (5^27 < 2^63). */
static const uint64_t pow5[28] = {
	1ull, 5ull, 25ull, 125ull, 625ull, 3125ull, 15625ull, 78125ull, 390625ull, 1953125ull,
	9765625ull, 48828125ull, 244140625ull, 1220703125ull, 6103515625ull, 30517578125ull,
	152587890625ull, 762939453125ull, 3814697265625ull, 19073486328125ull, 95367431640625ull,
	476837158203125ull, 2384185791015625ull, 11920928955078125ull, 59604644775390625ull,
	298023223876953125ull, 1490116119384765625ull, 7450580596923828125ull,
};

/* scaled: v's exact product with 10^k as p / 2^t (p = m * 5^k, t = -(e + k), v = m * 2^e, m a
 * 53-bit integer); 0 when it does not fit (t < 0 or t > 120, k outside 0..27). v is finite and
 * normal (numexact_g15_17 takes none below 1e-4): its bits give m and e. */
static int scaled(double v, int k, u128 *p, int *t, uint64_t *m)
{
	uint64_t bits;

	if (k < 0 || k > 27)
		return 0;
	memcpy(&bits, &v, sizeof(bits));
	*m = (bits & (((uint64_t)1 << 52) - 1)) | ((uint64_t)1 << 52);
	*t = -((int)((bits >> 52) & 0x7ff) - 1075 + k);
	if (*t < 0 || *t > 120)
		return 0;
	*p = (u128)*m * pow5[k];
	return 1;
}

/* tens[i]: 10^(i - 6) as the nearest double, for i from 0 to 22. */
static const double tens[23] = {
	1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
};

/* round_digits: v * 10^k rounded to the nearest integer into *n; 0 on an exact tie (printf's
 * rule for ties is left to printf) or when it does not fit. */
static int round_digits(double v, int k, uint64_t *n)
{
	u128 p, rem, half;
	uint64_t m;
	int t;

	if (!scaled(v, k, &p, &t, &m))
		return 0;
	if (t == 0) {
		*n = (uint64_t)p;
		return 1;
	}
	rem = p & (((u128)1 << t) - 1);
	half = (u128)1 << (t - 1);
	if (rem == half)
		return 0;
	*n = (uint64_t)(p >> t) + (rem > half);
	return 1;
}

/* reads_back: the decimal n / 10^k is nearer to v than half of v's ulp (so strtod gives v);
 * 0 also when that cannot be told here (a power of two, whose ulp below is half; a tie). */
static int reads_back(double v, int k, uint64_t n)
{
	u128 p, five, a, b, d;
	uint64_t m;
	int t;

	if (!scaled(v, k, &p, &t, &m) || m == (uint64_t)1 << 52 || t > 70)
		return -1;
	five = pow5[k];
	a = (u128)n << (t + 1);
	b = p << 1;
	d = a > b ? a - b : b - a;
	return d < five ? 1 : d == five ? -1 : 0;
}

/* digits: v (> 0, normal) to `prec` significant digits as n with decimal exponent *x (the first
 * digit's place after the rounding, as %g decides it), and the k with n = round(v * 10^k); 0
 * when it cannot be done here. The first estimate of x comes from v's binary exponent e (v in
 * [2^e, 2^(e+1)): x is floor(e * log10(2)) or one more, which a comparison with 10^x tells);
 * it is corrected when one off. */
static int digits(double v, int prec, uint64_t *n, int *x, int *k)
{
	uint64_t lo = pow5[prec - 1] << (prec - 1), hi = lo * 10, n2, bits;
	int e;

	memcpy(&bits, &v, sizeof(bits));
	e = (int)((bits >> 52) & 0x7ff) - 1023;
	*x = (int)floor(e * 0.30102999566398120);	/* log10(2) */
	if (*x >= -6 && *x < 16 && v >= tens[*x + 1 + 6])
		*x += 1;	/* (10^x as a double is inexact below 1: a last error is corrected below) */
	for (int tries = 0; tries < 3; tries++) {
		*k = prec - 1 - *x;
		if (!round_digits(v, *k, n))
			return 0;
		if (*n >= hi) {
			*x += 1;	/* x too low, or v rounds up to 10^(x + 1) */
		} else if (*n < lo) {
			*x -= 1;
		} else if (*n == lo) {
			/* 10^x itself, or v below it that rounds up to it: then the place below holds
			 * all prec digits */
			if (!round_digits(v, *k + 1, &n2))
				return 0;
			if (n2 < hi) {
				*n = n2, *x -= 1, *k += 1;
			}
			return 1;
		} else {
			return 1;
		}
	}
	return 0;
}

/* put_g: n's prec digits with first-digit place x as %g writes them (fixed notation: only
 * for -4 <= x < prec), trailing zeros of the fraction dropped. */
static size_t put_g(int neg, uint64_t n, int prec, int x, char *out)
{
	static const char pairs[] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";
	char d[24];
	int nd = prec, left = prec;
	size_t o = 0;

	for (; left >= 2; left -= 2, n /= 100)	/* two digits at a time, from the last */
		memcpy(d + left - 2, pairs + 2 * (n % 100), 2);
	if (left)
		d[0] = (char)('0' + n % 10);
	while (nd > 1 && nd > x + 1 && d[nd - 1] == '0')
		nd--;
	if (neg)
		out[o++] = '-';
	if (x < 0) {
		out[o++] = '0';
		out[o++] = '.';
		for (int i = 0; i < -x - 1; i++)
			out[o++] = '0';
		memcpy(out + o, d, (size_t)nd);
		o += (size_t)nd;
	} else {
		memcpy(out + o, d, (size_t)x + 1);
		o += (size_t)x + 1;
		if (nd > x + 1) {
			out[o++] = '.';
			memcpy(out + o, d + x + 1, (size_t)(nd - x - 1));
			o += (size_t)(nd - x - 1);
		}
	}
	out[o] = '\0';
	return o;
}

size_t numexact_g15_17(double v, char *out)
{
	double a = fabs(v);
	uint64_t n;
	int x, k, rb;

	if (!isfinite(v) || !(a >= 1e-4 && a < 1e14))
		return 0;
	if (!digits(a, 15, &n, &x, &k) || x < -4 || x >= 15)
		return 0;
	if ((rb = reads_back(a, k, n)) < 0)
		return 0;
	if (rb)
		return put_g(signbit(v) != 0, n, 15, x, out);
	if (!digits(a, 17, &n, &x, &k) || x < -4 || x >= 17)
		return 0;
	return put_g(signbit(v) != 0, n, 17, x, out);
}
