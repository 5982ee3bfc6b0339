/* numexact.c: the shortest of "%.15g" and "%.17g" that reads back, in integers (numexact.h). */
#include "core/numexact.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

typedef unsigned __int128 u128;

/* scaled: v's exact product with 10^k as p / 2^t (p = m * 5^k, t = -(e + k), v = m * 2^e, m a
 * 53-bit integer); 0 when it does not fit (t < 0 or t > 120, k outside 0..27). */
static int scaled(double v, int k, u128 *p, int *t, uint64_t *m)
{
	int ex;
	double f = frexp(v, &ex);	/* v = f * 2^ex, f in [0.5, 1) */
	u128 five = 1;

	if (k < 0 || k > 27)
		return 0;
	*m = (uint64_t)ldexp(f, 53);
	*t = -((ex - 53) + k);
	if (*t < 0 || *t > 120)
		return 0;
	for (int i = 0; i < k; i++)
		five *= 5;
	*p = (u128)*m * five;
	return 1;
}

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
	u128 p, five = 1, a, b, d;
	uint64_t m;
	int t;

	if (!scaled(v, k, &p, &t, &m) || m == (uint64_t)1 << 52 || t > 70)
		return -1;
	for (int i = 0; i < k; i++)
		five *= 5;
	a = (u128)n << (t + 1);
	b = p << 1;
	d = a > b ? a - b : b - a;
	return d < five ? 1 : d == five ? -1 : 0;
}

/* digits: v (> 0) to `prec` significant digits as n with decimal exponent *x (the first
 * digit's place after the rounding, as %g decides it), and the k with n = round(v * 10^k); 0
 * when it cannot be done here. log10's estimate of x may be one off either way. */
static int digits(double v, int prec, uint64_t *n, int *x, int *k)
{
	uint64_t lo = 1, hi, n2;

	for (int i = 1; i < prec; i++)
		lo *= 10;
	hi = lo * 10;
	*x = (int)floor(log10(v));
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
	char d[24];
	int nd = prec;
	size_t o = 0;

	for (int i = prec - 1; i >= 0; i--, n /= 10)
		d[i] = (char)('0' + n % 10);
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
