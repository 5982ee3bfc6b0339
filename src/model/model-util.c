/* model-util.c: text helpers shared by the model/ sources (whitespace, case folding, messages). */
#include "model/model-int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void model_int_err(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err || errsz == 0)
		return;
	va_start(ap, fmt);
	n = vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	if (n < 0)
		err[0] = '\0';
	else if ((size_t)n >= errsz)
		err[model_int_utf8_clip(err, errsz - 1, errsz - 1)] = '\0';
}

size_t model_int_space_len(const char *s, const char *e)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = s < e ? (size_t)(e - s) : 0;

	if (n == 0)
		return 0;
	if (p[0] == ' ' || p[0] == '\t' || p[0] == '\n' || p[0] == '\r' || p[0] == '\v' || p[0] == '\f')
		return 1;
	if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x87 || p[2] == 0x89 || p[2] == 0xAF))
		return 3;
	return 0;
}

/* the byte length of a whitespace character ending at e (e > b), or 0 */
static size_t space_len_before(const char *b, const char *e)
{
	size_t k;

	for (k = 1; k <= 3 && (size_t)(e - b) >= k; k++)
		if (model_int_space_len(e - k, e) == k)
			return k;
	return 0;
}

void model_int_trim(const char **b, const char **e)
{
	size_t k;

	while (*b < *e && (k = model_int_space_len(*b, *e)) > 0)
		*b += k;
	while (*e > *b && (k = space_len_before(*b, *e)) > 0)
		*e -= k;
}

size_t model_int_utf8_clip(const char *s, size_t len, size_t max)
{
	size_t n = max;

	if (len <= max)
		return len;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* the byte length of the UTF-8 sequence that lead byte c starts (1 for stray bytes) */
static size_t utf8_seq_len(unsigned char c)
{
	if (c >= 0xF0 && c <= 0xF7)
		return 4;
	if (c >= 0xE0)
		return c <= 0xEF ? 3 : 1;
	if (c >= 0xC0)
		return 2;
	return 1;
}

void model_int_quote(const char *b, const char *e, char out[MODEL_INT_QUOTE_BUF])
{
	size_t n = 0, k, i;

	while (b < e) {
		if ((k = model_int_space_len(b, e)) > 0) {
			if (n > 0 && out[n - 1] != ' ' && n < MODEL_INT_QUOTE_MAX)
				out[n++] = ' ';
			b += k;
			continue;
		}
		k = utf8_seq_len((unsigned char)*b);
		if (k > (size_t)(e - b))
			k = (size_t)(e - b);
		if (n + k > MODEL_INT_QUOTE_MAX) {
			memcpy(out + n, "...", 3);
			n += 3;
			break;
		}
		for (i = 0; i < k; i++, b++)
			out[n++] = ((unsigned char)*b < 0x20 || *b == 0x7F) ? '?' : *b;
	}
	out[n] = '\0';
}

/* folds the character at *pb into out[*pn]; returns 0, or -1 when it does not fit */
static int fold_char(const char **pb, const char *e, char *out, size_t *pn, size_t size)
{
	const unsigned char *p = (const unsigned char *)*pb;

	if (*pn + 2 >= size)
		return -1;
	if (p[0] >= 'A' && p[0] <= 'Z') {
		out[(*pn)++] = (char)(p[0] + ('a' - 'A'));
		*pb += 1;
	} else if (p[0] == 0xC3 && e - *pb >= 2 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
		out[(*pn)++] = (char)0xC3;
		out[(*pn)++] = (char)(p[1] + 0x20);
		*pb += 2;
	} else {
		out[(*pn)++] = **pb;
		*pb += 1;
	}
	return 0;
}

int model_int_fold(const char *b, const char *e, int keep_space, char *out, size_t size)
{
	size_t n = 0, k;

	while (b < e) {
		if ((k = model_int_space_len(b, e)) > 0) {
			b += k;
			if (!keep_space || n == 0 || out[n - 1] == ' ')
				continue;
			if (n + 1 >= size)
				goto full;
			out[n++] = ' ';
			continue;
		}
		if (fold_char(&b, e, out, &n, size) < 0)
			goto full;
	}
	if (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return 0;
full:
	out[n] = '\0';
	return -1;
}

int model_int_is_digit(char c)
{
	return c >= '0' && c <= '9';
}
