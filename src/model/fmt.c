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

/* "00" to "99": two digits at a time (fmt_back) */
static const char digits2[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/* fmt_few: fmt_back's text for a value of up to two decimals whose integer part is below 1,000
 * (the charts' and tables' values nearly all are), a digit pair at a time; NULL when u is not
 * one. */
static inline char *fmt_few(char *p, uint64_t u, int decimals)
{
	if (u >= 1000000 || decimals > 2)
		return NULL;
	uint32_t w = (uint32_t)u, q;
	if (decimals == 1) {
		q = w / 10;
		*--p = (char)('0' + (w - q * 10));
		*--p = ',';
		w = q;
	} else if (decimals == 2) {
		q = w / 100;
		p -= 2;
		memcpy(p, digits2 + 2 * (w - q * 100), 2);
		*--p = ',';
		w = q;
	}
	if (w >= 1000)
		return NULL;
	if (w >= 100) {
		q = w / 100;
		p -= 2;
		memcpy(p, digits2 + 2 * (w - q * 100), 2);
		*--p = (char)('0' + q);
	} else if (w >= 10) {
		p -= 2;
		memcpy(p, digits2 + 2 * w, 2);
	} else {
		*--p = (char)('0' + w);
	}
	return p;
}

/* fmt_back: writes u's digits backwards before p (decimals of them after a comma, the integer
 * part in groups of three) and the sign when neg; returns where the text starts. */
static inline char *fmt_back(char *p, uint64_t u, int decimals, int neg)
{
	char *f = fmt_few(p, u, decimals);

	if (f) {
		p = f;
	} else {
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
	}
	if (neg)
		*--p = '-';
	return p;
}

/* fmt_round: |v| * 10^decimals rounded to the nearest integer in *u (numfmt_fixed's rule: below
 * 2^52, and not within the product's ulp of a half, where it asks printf); 0, or 1 when v is
 * not a value it takes (model_fmt_num goes the long way). */
static int fmt_round(double v, int decimals, uint64_t *u)
{
	double t = fabs(v) * pow10_[decimals], fl, fr;

	if (!(t < 4503599627370496.0))	/* 2^52 */
		return 1;
	fl = (double)(int64_t)t;	/* floor: t is at least 0 and below 2^52 (no libm call) */
	fr = t - fl;
	if (fabs(fr - 0.5) <= t * 0x1p-52)
		return 1;
	*u = (uint64_t)(int64_t)fl + (fr > 0.5);
	return 0;
}

/* fmt_direct: model_fmt_num's text written backwards from the rounded integer |v| * 10^decimals
 * (fmt_round), groups and sign included, without the "%.*f" text in between. Returns 0 or -1 as
 * model_fmt_num does, or 1 when the value is not one it takes (model_fmt_num goes the long way). */
static int fmt_direct(double v, int decimals, char *buf, size_t size)
{
	char tmp[80], *end = tmp + 48, *p;	/* written back from end; 32 bytes read from p */
	uint64_t u;

	if (fmt_round(v, decimals, &u))
		return 1;
	p = fmt_back(end, u, decimals, signbit(v) && u != 0);	/* a value rounded to zero gets no sign */
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

/* unit_slow: model_fmt_num_unit of the rounded u (fmt_round) of a value of sign neg (not
 * rounded to zero), through fmt_back's text */
static int unit_slow(uint64_t u, int decimals, int neg, int plus, const char *unit, char *buf, size_t size)
{
	char tmp[80], *end = tmp + 48, *p;	/* written back from end; 32 bytes read from p */
	size_t ul = unit ? strlen(unit) : 0;

	p = fmt_back(end, u, decimals, neg);
	if (plus && !neg && u != 0)
		*--p = '+';
	size_t n = (size_t)(end - p), total = n + (ul ? ul + 1 : 0);
	if (total >= size)
		return -1;
	if (size >= 32)	/* the number in one fixed-size copy (no call): it has at most 28 bytes */
		memcpy(buf, p, 32);
	else
		memcpy(buf, p, n);
	if (ul) {
		buf[n] = ' ';
		memcpy(buf + n + 1, unit, ul);
	}
	buf[total] = '\0';
	return (int)total;
}

/* unit_few: model_fmt_num_unit written forward into buf (room for 32) for a rounded u of at most two
 * decimals (dec) whose integer part is below 1,000, with the sign ('-', or '+' when plus) and
 * the unit; the text's length, or -1 when the unit does not fit. */
static int unit_few(uint32_t u, int dec, char sign, const char *unit, char *buf, size_t size)
{
	uint32_t ip = dec == 0 ? u : dec == 1 ? u / 10 : u / 100, fr = u - ip * (dec == 0 ? 1 : dec == 1 ? 10 : 100), q;
	char *p = buf;

	if (sign)
		*p++ = sign;
	if (ip >= 100) {
		q = ip / 100;
		*p++ = (char)('0' + q);
		memcpy(p, digits2 + 2 * (ip - q * 100), 2);
		p += 2;
	} else if (ip >= 10) {
		memcpy(p, digits2 + 2 * ip, 2);
		p += 2;
	} else {
		*p++ = (char)('0' + ip);
	}
	if (dec == 1) {
		*p++ = ',';
		*p++ = (char)('0' + fr);
	} else if (dec == 2) {
		*p++ = ',';
		memcpy(p, digits2 + 2 * fr, 2);
		p += 2;
	}
	if (unit && unit[0]) {	/* a one-byte unit ("%") without the calls */
		size_t ul = unit[1] ? strlen(unit) : 1, n = (size_t)(p - buf);
		if (n + 1 + ul >= size)
			return -1;
		*p++ = ' ';
		if (ul == 1)
			*p++ = unit[0];
		else {
			memcpy(p, unit, ul);
			p += ul;
		}
	}
	*p = '\0';
	return (int)(p - buf);
}

int model_fmt_num_unit(double v, int decimals, int plus, const char *unit, char *buf, size_t size)
{
	uint64_t u;

	if (!buf || size == 0 || !isfinite(v) || decimals < 0 || decimals > MODEL_FMT_MAX_DECIMALS ||
	    fmt_round(v, decimals, &u))
		return -1;
	if (decimals <= 2 && size >= 32 && u < (decimals == 0 ? 1000u : decimals == 1 ? 10000u : 100000u))
		return unit_few((uint32_t)u, decimals, u == 0 ? 0 : signbit(v) ? '-' : plus ? '+' : 0, unit, buf, size);
	return unit_slow(u, decimals, signbit(v) && u != 0, plus, unit, buf, size);
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
