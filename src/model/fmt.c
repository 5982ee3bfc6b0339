/* fmt.c: Swedish number formatting (decimal comma, space as thousands separator). */
#include "model/fmt.h"
#include "core/numfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* 1 when the digits of raw are all zero (so the rounded value is zero) */
static int all_zero(const char *raw)
{
	for (; *raw; raw++)
		if (*raw >= '1' && *raw <= '9')
			return 0;
	return 1;
}

/* writes sign, grouped integer digits raw[0..intlen) and the fraction after raw[intlen] (len
 * bytes in all), or "" and -1 when that does not fit size with its NUL */
static int put_grouped(const char *raw, size_t len, size_t intlen, int neg, char *buf, size_t size)
{
	size_t frac = raw[intlen] ? len - intlen : 0;	/* ',' and the decimals */
	size_t total = (neg ? 1 : 0) + intlen + (intlen ? (intlen - 1) / 3 : 0) + frac;
	char *p = buf;

	if (total >= size) {
		buf[0] = '\0';
		return -1;
	}
	if (neg)
		*p++ = '-';
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			*p++ = ' ';
		*p++ = raw[i];
	}
	if (frac) {
		*p++ = ',';
		memcpy(p, raw + intlen + 1, frac - 1);
		p += frac - 1;
	}
	*p = '\0';
	return 0;
}

/* 10^0 .. 10^MODEL_FMT_MAX_DECIMALS, exact */
static const double pow10_[MODEL_FMT_MAX_DECIMALS + 1] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };

/* fmt_direct: model_fmt_num's text written backwards from the rounded integer |v| * 10^decimals
 * (numfmt_fixed's rule: below 2^52, and not within the product's ulp of a half, where it asks
 * printf), groups and sign included, without the "%.*f" text in between. Returns 0 or -1 as
 * model_fmt_num does, or 1 when the value is not one it takes (model_fmt_num goes the long way). */
static int fmt_direct(double v, int decimals, char *buf, size_t size)
{
	char tmp[80], *end = tmp + 48, *p = end;	/* written back from end; 32 bytes read from p */
	double t = fabs(v) * pow10_[decimals], fl, fr;
	uint64_t u;

	if (!(t < 4503599627370496.0))	/* 2^52 */
		return 1;
	fl = (double)(uint64_t)t;	/* floor: t is at least 0 and below 2^52 (no libm call) */
	fr = t - fl;
	if (fabs(fr - 0.5) <= t * 0x1p-52)
		return 1;
	u = (uint64_t)fl + (fr > 0.5);
	int neg = signbit(v) && u != 0;	/* a value rounded to zero gets no sign */
	for (int k = 0; k < decimals; k++, u /= 10)
		*--p = (char)('0' + u % 10);
	if (decimals > 0)
		*--p = ',';
	for (int g = 3;; g--) {	/* g: digits left in this group of three */
		if (!g) {
			*--p = ' ';
			g = 3;
		}
		*--p = (char)('0' + u % 10);
		if (!(u /= 10))
			break;
	}
	if (neg)
		*--p = '-';
	*end = '\0';
	size_t n = (size_t)(end - p);
	if (n >= size)
		return -1;
	if (n < 32 && size >= 32)	/* with its NUL in one fixed-size copy (no call) */
		memcpy(buf, p, 32);
	else
		memcpy(buf, p, n + 1);
	return 0;
}

int model_fmt_num(double v, int decimals, char *buf, size_t size)
{
	char raw[400];	/* DBL_MAX has 309 integer digits */
	int n;

	if (!buf || size == 0)
		return -1;
	buf[0] = '\0';
	if (!isfinite(v) || decimals < 0 || decimals > MODEL_FMT_MAX_DECIMALS)
		return -1;
	if ((n = fmt_direct(v, decimals, buf, size)) <= 0)
		return n;
	n = numfmt_fixed(fabs(v), decimals, raw, sizeof raw);	/* "%.*f" */
	if (n < 0 || (size_t)n >= sizeof raw)
		return -1;
	/* the decimal point may be '.' or a locale's ',': take the first non-digit */
	size_t intlen = 0;
	while (raw[intlen] >= '0' && raw[intlen] <= '9')
		intlen++;
	return put_grouped(raw, (size_t)n, intlen, signbit(v) && !all_zero(raw), buf, size);
}
