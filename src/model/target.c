/* target.c: target values as written in goal tables, and whether an outcome meets its target. */
#include "model/target.h"
#include "model/fmt.h"
#include "model/model-int.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define MAX_SIG_DIGITS 17	/* enough for any double written in its shortest form */
#define MAX_DECIMALS 20
_Static_assert(MAX_DECIMALS < 100, "exp_text writes at most two digits of decimals");

static const char *const dir_names[MODEL_DIR__MAX] = { "none", "higher", "lower" };
static const char *const meets_names[MODEL_MEETS__MAX] = { "unknown", "yes", "no" };
static const char *const kind_names[MODEL_TARGET__MAX] = {
	"empty", "number", "by_committee", "direction", "text"
};

/* the direction words, case-folded */
static const struct dir_word {
	const char *word;
	int dir;
} dir_words[] = {
	{ "öka", 1 }, { "ökning", 1 }, { "ökad", 1 },
	{ "minska", -1 }, { "minskning", -1 }, { "minskad", -1 },
};

/* the signs a number may start with: ASCII, U+2212 MINUS SIGN, U+2013 EN DASH */
static const struct sign {
	const char *s;
	int neg;
} signs[] = { { "-", 1 }, { "+", 0 }, { "\xE2\x88\x92", 1 }, { "\xE2\x80\x93", 1 } };

/* a number being read: value = mant / 10^frac, negated when neg */
struct num {
	double mant;	/* the significant digits as an integer (0 while only zeros were read) */
	char dig[MAX_SIG_DIGITS + 1];	/* the significant digits as text */
	int sig;	/* significant digits read */
	int frac;	/* digits after the decimal separator */
	int neg;	/* a minus sign was read */
	int bad;	/* too many digits */
};

/* copies [b, e) into out with whitespace runs as one space, cut at a UTF-8 boundary */
static void copy_text(const char *b, const char *e, char *out, size_t size)
{
	size_t n = 0, k;

	while (b < e) {
		if ((k = model_int_space_len(b, e)) > 0) {
			if (n > 0 && out[n - 1] != ' ' && n + 1 < size)
				out[n++] = ' ';
			b += k;
			continue;
		}
		if (n + 1 >= size)
			break;
		out[n++] = *b++;
	}
	if (b < e && ((unsigned char)*b & 0xC0) == 0x80) {	/* cut inside a character */
		while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
			n--;
		n -= n > 0;	/* the lead byte */
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

/* 1 when [b, e) is a "Tas fram av ..." cell */
static int is_by_committee(const char *b, const char *e)
{
	char f[64];

	model_int_fold(b, e, 0, f, sizeof f);	/* a prefix is enough */
	return strncmp(f, "tasframav", 9) == 0;
}

/* the direction of [b, e): +1, -1, or 0 when it is not a direction word */
static int direction_of(const char *b, const char *e)
{
	char f[32];
	size_t i, len;

	if (model_int_fold(b, e, 1, f, sizeof f) < 0)
		return 0;
	len = strlen(f);
	if (len > 0 && f[len - 1] == '.')
		f[len - 1] = '\0';
	for (i = 0; i < sizeof dir_words / sizeof dir_words[0]; i++)
		if (strcmp(f, dir_words[i].word) == 0)
			return dir_words[i].dir;
	return 0;
}

/* adds the digit c to n */
static void add_digit(struct num *n, char c)
{
	if (n->mant == 0 && c == '0')
		return;	/* leading zeros are not significant */
	if (++n->sig > MAX_SIG_DIGITS) {
		n->bad = 1;
		return;
	}
	n->dig[n->sig - 1] = c;
	n->mant = n->mant * 10 + (c - '0');
}

/* reads an optional sign at p; returns the position after it */
static const char *read_sign(const char *p, const char *e, struct num *n)
{
	size_t i, len;

	for (i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		len = strlen(signs[i].s);
		if ((size_t)(e - p) >= len && memcmp(p, signs[i].s, len) == 0) {
			n->neg = signs[i].neg;
			return p + len;
		}
	}
	return p;
}

/* the length of a thousands group (whitespace, exactly three digits) at p, or 0 */
static size_t group_len(const char *p, const char *e)
{
	size_t k = model_int_space_len(p, e);

	if (k == 0 || (size_t)(e - p) < k + 3)
		return 0;
	if (!model_int_is_digit(p[k]) || !model_int_is_digit(p[k + 1]) || !model_int_is_digit(p[k + 2]))
		return 0;
	if ((size_t)(e - p) > k + 3 && model_int_is_digit(p[k + 3]))
		return 0;
	return k + 3;
}

/* reads the integer part with its thousands groups; returns the position after it */
static const char *read_int(const char *p, const char *e, struct num *n)
{
	const char *start = p;
	size_t k;

	while (p < e && model_int_is_digit(*p))
		add_digit(n, *p++);
	if (p - start > 3)
		return p;
	while ((k = group_len(p, e)) > 0) {
		p += k - 3;
		add_digit(n, *p++);
		add_digit(n, *p++);
		add_digit(n, *p++);
	}
	return p;
}

/* reads an optional decimal part; returns the position after it */
static const char *read_frac(const char *p, const char *e, struct num *n)
{
	if (e - p < 2 || (*p != ',' && *p != '.') || !model_int_is_digit(p[1]))
		return p;
	for (p++; p < e && model_int_is_digit(*p); p++) {
		if (++n->frac > MAX_DECIMALS)
			n->bad = 1;
		add_digit(n, *p);
	}
	return p;
}

/* 1 when [b, e) is a valid unit: one short word without digits starting with '%' or a letter */
static int is_unit(const char *b, const char *e)
{
	const char *p;
	unsigned char c = (unsigned char)*b;

	if (e - b >= MODEL_TARGET_UNIT_MAX)
		return 0;
	if (c != '%' && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c < 0x80)
		return 0;
	for (p = b; p < e; p++)
		if (model_int_is_digit(*p) || model_int_space_len(p, e) > 0)
			return 0;
	return 1;
}

/* exp_text: n's digits as "DIGITSe-FRAC" in text (MAX_SIG_DIGITS + 16 bytes; n not bad: at most
 * MAX_SIG_DIGITS digits and MAX_DECIMALS decimals), what "%se-%d" writes, without printf (a
 * target is parsed per indicator row of a page); returns text. */
static char *exp_text(const struct num *n, char *text)
{
	const char *d = n->sig ? n->dig : "0";
	size_t k = 0;

	while (*d)
		text[k++] = *d++;
	text[k++] = 'e';
	text[k++] = '-';
	if (n->frac >= 10)
		text[k++] = (char)('0' + n->frac / 10);
	text[k++] = (char)('0' + n->frac % 10);
	text[k] = '\0';
	return text;
}

/* pow10_exact: 10^0 .. 10^22, each an exact double */
static const double pow10_exact[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
	1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* parses [b, e) as a number with unit into t; returns 0, or -1 when it is not one */
static int parse_number(const char *b, const char *e, struct model_target *t)
{
	struct num n = { 0, "", 0, 0, 0, 0 };
	char text[MAX_SIG_DIGITS + 16];
	const char *p = read_sign(b, e, &n), *u;
	double v;
	size_t k;

	if (p >= e || !model_int_is_digit(*p))
		return -1;
	p = read_frac(read_int(p, e, &n), e, &n);
	for (u = p; (k = model_int_space_len(u, e)) > 0; u += k)
		;
	if (n.bad || (u < e && !is_unit(u, e)))
		return -1;
	/* the double nearest to the decimal number, as every reader of the text (a spreadsheet, lup
	 * export's writer) takes it: at most 15 digits over a power of ten up to 10^22 are both
	 * exact doubles, so their quotient is correctly rounded (one division, as strtod would
	 * round); any other through strtod */
	if (n.sig <= 15 && n.frac <= 22)
		v = n.mant / pow10_exact[n.frac];
	else
		v = strtod(exp_text(&n, text), NULL);
	t->value = n.neg && v != 0 ? -v : v;
	memcpy(t->unit, u, (size_t)(e - u));
	t->unit[e - u] = '\0';
	return 0;
}

int model_target_parse(const char *text, struct model_target *out, char *err, size_t errsz)
{
	const char *b = text ? text : "", *e = b + strlen(b);

	if (!out)
		return model_int_err(err, errsz, "target: no place for the result"), -1;
	memset(out, 0, sizeof *out);
	model_int_trim(&b, &e);
	copy_text(b, e, out->text, sizeof out->text);
	if (b == e)
		out->kind = MODEL_TARGET_EMPTY;
	/* text starting with an ASCII digit is neither "tas fram av" nor a direction word (folding
	 * keeps digits): most targets are numbers, and the two folds were most of their cost */
	else if (!model_int_is_digit(*b) && is_by_committee(b, e))
		out->kind = MODEL_TARGET_BY_COMMITTEE;
	else if (!model_int_is_digit(*b) && (out->dir = direction_of(b, e)) != 0)
		out->kind = MODEL_TARGET_DIRECTION;
	else if (parse_number(b, e, out) == 0)
		out->kind = MODEL_TARGET_NUMBER;
	else {
		out->kind = MODEL_TARGET_TEXT;
		out->value = 0;
		out->unit[0] = '\0';
	}
	return 0;
}

/* the fewest decimals (0..6) that show v exactly enough */
static int decimals_needed(double v)
{
	double scale = 1;
	int d;

	for (d = 0; d < 6; d++, scale *= 10)
		if (fabs(round(v * scale) / scale - v) <= MODEL_EPS * fmax(1, fabs(v)))
			break;
	return d;
}

/* writes a NUMBER target; returns snprintf's result or -1 */
static int format_number(const struct model_target *t, char *buf, size_t size)
{
	char num[64];

	if (!isfinite(t->value) || !memchr(t->unit, '\0', sizeof t->unit))
		return -1;
	if (model_fmt_num(t->value, decimals_needed(t->value), num, sizeof num) < 0)
		return -1;
	return snprintf(buf, size, "%s%s%s", num, t->unit[0] ? " " : "", t->unit);
}

/* writes t's text form; returns snprintf's result, or -1 when t is inconsistent */
static int format_target(const struct model_target *t, char *buf, size_t size)
{
	switch (t->kind) {
	case MODEL_TARGET_EMPTY:
		return snprintf(buf, size, "%s", "");
	case MODEL_TARGET_NUMBER:
		return format_number(t, buf, size);
	case MODEL_TARGET_BY_COMMITTEE:
		return snprintf(buf, size, "%s", "Tas fram av nämnd");
	case MODEL_TARGET_DIRECTION:
		if (t->dir != 1 && t->dir != -1)
			return -1;
		return snprintf(buf, size, "%s", t->dir > 0 ? "öka" : "minska");
	case MODEL_TARGET_TEXT:
		if (!memchr(t->text, '\0', sizeof t->text))
			return -1;
		return snprintf(buf, size, "%s", t->text);
	default:
		return -1;
	}
}

int model_target_format(const struct model_target *t, char *buf, size_t size)
{
	int n;

	if (!buf || size == 0)
		return -1;
	buf[0] = '\0';
	if (!t)
		return -1;
	n = format_target(t, buf, size);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

/* a NUMBER target compared by the indicator's direction */
static enum model_meets meets_number(enum model_direction dir, double outcome, double value)
{
	int ok;

	if (!isfinite(value))
		return MODEL_MEETS_UNKNOWN;
	switch (dir) {
	case MODEL_DIR_HIGHER:
		ok = outcome >= value - MODEL_EPS;
		break;
	case MODEL_DIR_LOWER:
		ok = outcome <= value + MODEL_EPS;
		break;
	default:
		ok = fabs(outcome - value) <= MODEL_EPS;
		break;
	}
	return ok ? MODEL_MEETS_YES : MODEL_MEETS_NO;
}

/* a DIRECTION target compared with the previous value */
static enum model_meets meets_direction(int tdir, double outcome, int has_prev, double prev)
{
	if (!has_prev || !isfinite(prev) || (tdir != 1 && tdir != -1))
		return MODEL_MEETS_UNKNOWN;
	if (tdir > 0)
		return outcome > prev + MODEL_EPS ? MODEL_MEETS_YES : MODEL_MEETS_NO;
	return outcome < prev - MODEL_EPS ? MODEL_MEETS_YES : MODEL_MEETS_NO;
}

enum model_meets model_outcome_meets_target(enum model_direction dir, int has_outcome,
	double outcome, const struct model_target *t, int has_prev, double prev)
{
	if (!t || !has_outcome || !isfinite(outcome) || (unsigned)dir >= MODEL_DIR__MAX)
		return MODEL_MEETS_UNKNOWN;
	if (t->kind == MODEL_TARGET_NUMBER)
		return meets_number(dir, outcome, t->value);
	if (t->kind == MODEL_TARGET_DIRECTION)
		return meets_direction(t->dir, outcome, has_prev, prev);
	return MODEL_MEETS_UNKNOWN;
}

const char *model_direction_name(enum model_direction d)
{
	return (unsigned)d < MODEL_DIR__MAX ? dir_names[d] : NULL;
}

int model_direction_parse(const char *text, enum model_direction *out, char *err, size_t errsz)
{
	char q[MODEL_INT_QUOTE_BUF], f[16];
	const char *b = text ? text : "", *e = b + strlen(b);
	int i;

	model_int_trim(&b, &e);
	model_int_quote(b, e, q);
	if (!out)
		return model_int_err(err, errsz, "direction: no place for the result"), -1;
	if (model_int_fold(b, e, 1, f, sizeof f) == 0)
		for (i = 0; i < MODEL_DIR__MAX; i++)
			if (strcmp(f, dir_names[i]) == 0) {
				*out = (enum model_direction)i;
				return 0;
			}
	model_int_err(err, errsz, "direction '%s': unknown value (expected higher, lower or none)", q);
	return -1;
}

const char *model_meets_name(enum model_meets m)
{
	return (unsigned)m < MODEL_MEETS__MAX ? meets_names[m] : NULL;
}

const char *model_target_kind_name(enum model_target_kind k)
{
	return (unsigned)k < MODEL_TARGET__MAX ? kind_names[k] : NULL;
}
