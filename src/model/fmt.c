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

/* appends c to buf[*n] when there is room for it and a NUL; returns 0 or -1 */
static int put(char *buf, size_t size, size_t *n, char c)
{
	if (*n + 1 >= size)
		return -1;
	buf[(*n)++] = c;
	return 0;
}

/* writes sign, grouped integer digits raw[0..intlen) and the fraction after raw[intlen] */
static int put_grouped(const char *raw, size_t intlen, int neg, char *buf, size_t size)
{
	size_t n = 0, i;
	int rc = 0;

	if (neg)
		rc |= put(buf, size, &n, '-');
	for (i = 0; i < intlen && rc == 0; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			rc |= put(buf, size, &n, ' ');
		rc |= put(buf, size, &n, raw[i]);
	}
	if (raw[intlen] != '\0' && rc == 0) {
		rc |= put(buf, size, &n, ',');
		for (i = intlen + 1; raw[i] != '\0' && rc == 0; i++)
			rc |= put(buf, size, &n, raw[i]);
	}
	buf[rc ? 0 : n] = '\0';
	return rc ? -1 : 0;
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
	return put_grouped(raw, strspn(raw, "0123456789"), signbit(v) && !all_zero(raw), buf, size);
}
