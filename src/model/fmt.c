/* fmt.c: Swedish number formatting (decimal comma, space as thousands separator). */
#include "model/fmt.h"
#include "core/numfmt.h"

#include <math.h>
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

int model_fmt_num(double v, int decimals, char *buf, size_t size)
{
	char raw[400];	/* DBL_MAX has 309 integer digits */
	int n;

	if (!buf || size == 0)
		return -1;
	buf[0] = '\0';
	if (!isfinite(v) || decimals < 0 || decimals > MODEL_FMT_MAX_DECIMALS)
		return -1;
	n = numfmt_fixed(fabs(v), decimals, raw, sizeof raw);	/* "%.*f" */
	if (n < 0 || (size_t)n >= sizeof raw)
		return -1;
	/* the decimal point may be '.' or a locale's ',': take the first non-digit */
	size_t intlen = 0;
	while (raw[intlen] >= '0' && raw[intlen] <= '9')
		intlen++;
	return put_grouped(raw, (size_t)n, intlen, signbit(v) && !all_zero(raw), buf, size);
}
