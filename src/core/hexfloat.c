/* hexfloat.c: the hexadecimal floats of derived_district_fy read back (see hexfloat.h). The 14
 * digits are read eight bytes at a time (two overlapping words): each byte's value as a
 * hexadecimal digit worked out in all eight at once, the word checked by writing the values back
 * as digits and comparing, then the nibbles packed. */
#include "core/hexfloat.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define ONES UINT64_C(0x0101010101010101)

/* nibbles: the 8 bytes x (little-endian: the first in the low byte) each as the value of a
 * lower-case hexadecimal digit ('0'-'9': the low nibble; 'a'-'f', with bit 6 set: the low
 * nibble + 9); *bad gets bits set when a byte is not such a digit (the values written back as
 * digits differ from x, or one is 16 or more) */
static uint64_t nibbles(uint64_t x, uint64_t *bad)
{
	uint64_t nib = (x & (ONES * 0x0f)) + ((x >> 6) & ONES) * 9;
	uint64_t enc = nib + ONES * 0x30 + (((nib + ONES * 6) >> 4) & ONES) * 0x27;

	*bad |= (nib & (ONES * 0xf0)) | (enc ^ x);
	return nib;
}

/* pack8: the 8 nibbles of nib (the first in the low byte) as one number, the first digit the
 * most significant */
static uint64_t pack8(uint64_t nib)
{
	uint64_t t = ((nib << 4) | (nib >> 8)) & UINT64_C(0x00ff00ff00ff00ff);	/* byte pairs */

	t = (t | (t >> 8)) & UINT64_C(0x0000ffff0000ffff);
	t = (t | (t >> 16)) & UINT64_C(0xffffffff);
	return __builtin_bswap32((uint32_t)t);
}

/* hex14: the 14 lower-case hexadecimal digits at s into *m (the first the most significant), as
 * two overlapping words of 8; 0 when one is not such a digit */
static int hex14(const char *s, uint64_t *m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t x, y, bad = 0;

	memcpy(&x, s, sizeof(x));
	memcpy(&y, s + 6, sizeof(y));
	uint64_t hi = pack8(nibbles(x, &bad)), lo = pack8(nibbles(y, &bad));
	*m = hi << 24 | (lo & 0xffffff);
	return bad == 0;
#else
	uint64_t v = 0;

	for (int i = 0; i < 14; i++) {
		int c = (unsigned char)s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return 0;
		v = v << 4 | (uint64_t)d;
	}
	*m = v;
	return 1;
#endif
}

/* pow2: 2^e, exactly, for e in the normal range (-1022 to 1023) */
static double pow2(int e)
{
	uint64_t bits = (uint64_t)(e + 1023) << 52;
	double d;

	memcpy(&d, &bits, sizeof(d));
	return d;
}

size_t hexfloat_read(const char *f, const char *end, double *out)
{
	const char *p = f;
	int neg = p < end && *p == '-', eneg, n, e = 0;
	uint64_t m;

	p += neg;
	/* "0x", 14 digits, 'p' and at least one digit of the exponent */
	if (end - p < 18 || p[0] != '0' || p[1] != 'x' || p[16] != 'p')
		return 0;
	if (!hex14(p + 2, &m))
		return 0;
	p += 17;
	eneg = *p == '-';
	p += eneg;
	for (n = 0; n < 5 && p < end && *p >= '0' && *p <= '9'; n++)
		e = e * 10 + (*p++ - '0');
	if (n == 0 || n == 5 || (p < end && *p != ' ' && *p != ';'))
		return 0;
	e = eneg ? -e : e;
	double d = (double)m;	/* below 2^56 and, as written, exact */
	double v = e >= -1022 && e <= 1023 ? d * pow2(e) : ldexp(d, e);
	*out = neg ? -v : v;
	return (size_t)(p - f);
}

const char *hexfloat_field_end(const char *f, const char *end)
{
	const char *p = f + (f < end && *f == '-');

	if (end - p >= 18 && p[0] == '0' && p[1] == 'x' && p[16] == 'p')
		p += 17;
	else
		p = f;
	while (p < end && *p != ' ' && *p != ';')
		p++;
	return p;
}
