/* period.c: reporting periods (tertial reports T1, T2 and the annual report) and their bounds. */
#include "model/period.h"
#include "model/datex.h"
#include "model/model-int.h"

#include <string.h>

#define KIND_HINT "(expected T1, T2 or VB)"

static const char *const kind_names[MODEL_PERIOD__MAX] = { "T1", "T2", "FY" };
static const int kind_last_mmdd[MODEL_PERIOD__MAX] = { 430, 831, 1231 };

/* the words accepted for a kind (compared ignoring ASCII case) */
static const struct kind_word {
	const char *word;
	enum model_period_kind kind;
} kind_words[] = {
	{ "t1", MODEL_PERIOD_T1 }, { "t2", MODEL_PERIOD_T2 },
	{ "vb", MODEL_PERIOD_FY }, { "fy", MODEL_PERIOD_FY },
};

/* the Swedish labels, case-folded; the year follows after a space */
static const struct kind_word label_words[] = {
	{ "tertialrapport 1", MODEL_PERIOD_T1 }, { "tertialrapport 2", MODEL_PERIOD_T2 },
	{ "verksamhetsberättelse", MODEL_PERIOD_FY },
};

/* a token of period text: a run of digits, or letters (a single letter with one digit: "T1") */
struct tok {
	const char *b, *e;
	int is_year;
};

int model_period_valid(const struct model_period *p)
{
	return p && p->year >= MODEL_YEAR_MIN && p->year <= MODEL_YEAR_MAX
		&& (unsigned)p->kind < MODEL_PERIOD__MAX;
}

int model_period_bounds(const struct model_period *p, int *first, int *last)
{
	if (!model_period_valid(p))
		return -1;
	if (first)
		*first = p->year * 10000 + 101;
	if (last)
		*last = p->year * 10000 + kind_last_mmdd[p->kind];
	return 0;
}

int model_period_bounds_text(const struct model_period *p, char *first, size_t firstsz,
	char *last, size_t lastsz)
{
	int f = 0, l = 0, rc = 0;

	if (model_period_bounds(p, &f, &l) < 0)
		f = l = 0;	/* model_date_format rejects 0 and clears the buffers */
	if (first)
		rc |= model_date_format(f, first, firstsz);
	if (last)
		rc |= model_date_format(l, last, lastsz);
	return rc ? -1 : 0;
}

/* 1 when byte c may be part of a kind word (ASCII letters and any non-ASCII byte) */
static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* reads one token at p; returns its end, or p itself when no token starts there */
static const char *scan_tok(const char *p, const char *e, struct tok *t)
{
	t->b = p;
	t->is_year = p < e && model_int_is_digit(*p);
	if (t->is_year) {
		while (p < e && model_int_is_digit(*p))
			p++;
	} else {
		while (p < e && is_letter(*p) && model_int_space_len(p, e) == 0)
			p++;
		/* "T1", "Q4": a single letter takes one digit; "VB2022" is "VB" and a year */
		p += p - t->b == 1 && p < e && model_int_is_digit(*p);
	}
	t->e = p;
	return p;
}

/* skips whitespace and at most one '-' */
static const char *skip_sep(const char *p, const char *e)
{
	int dash = 0;
	size_t k;

	for (;;) {
		if ((k = model_int_space_len(p, e)) > 0)
			p += k;
		else if (p < e && *p == '-' && !dash)
			p++, dash = 1;
		else
			return p;
	}
}

/* checks a year token; on error writes a message quoting q */
static int tok_year(const struct tok *t, const char *q, int *year, char *err, size_t errsz)
{
	size_t len = (size_t)(t->e - t->b), i;

	if (len != 4)
		return model_int_err(err, errsz, "period '%s': year '%.*s' is not a 4-digit year", q,
			(int)model_int_utf8_clip(t->b, len, 12), t->b), -1;
	for (*year = 0, i = 0; i < len; i++)
		*year = *year * 10 + (t->b[i] - '0');
	if (*year < MODEL_YEAR_MIN || *year > MODEL_YEAR_MAX)
		return model_int_err(err, errsz, "period '%s': year %d out of range (%d..%d)", q, *year,
			MODEL_YEAR_MIN, MODEL_YEAR_MAX), -1;
	return 0;
}

/* checks a kind token; on error writes a message quoting q and the token */
static int tok_kind(const struct tok *t, const char *q, enum model_period_kind *kind,
	char *err, size_t errsz)
{
	size_t len = (size_t)(t->e - t->b), i, j;

	for (i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++) {
		if (strlen(kind_words[i].word) != len)
			continue;
		for (j = 0; j < len && (t->b[j] | 0x20) == kind_words[i].word[j]; j++)
			;
		if (j == len) {
			*kind = kind_words[i].kind;
			return 0;
		}
	}
	model_int_err(err, errsz, "period '%s': unknown period kind '%.*s' " KIND_HINT, q,
		(int)model_int_utf8_clip(t->b, len, 24), t->b);
	return -1;
}

/* parses "<year>", "<year> <kind>" or "<kind> <year>" with optional separator */
static int parse_tokens(const char *b, const char *e, const char *q, struct model_period *out,
	char *err, size_t errsz)
{
	struct tok t[2];
	const char *p = b;
	int n;

	for (n = 0; n < 2 && p < e; n++) {
		if (scan_tok(p, e, &t[n]) == p)
			break;
		p = skip_sep(t[n].e, e);
	}
	if (p != e || n == 0 || t[n - 1].e != e || (n == 2 && t[0].is_year == t[1].is_year)) {
		model_int_err(err, errsz, "period '%s': expected a year and T1, T2 or VB (e.g. '2022-T1')", q);
		return -1;
	}
	if (n == 1 && !t[0].is_year) {
		if (tok_kind(&t[0], q, &out->kind, err, errsz) < 0)
			return -1;
		return model_int_err(err, errsz, "period '%s': missing year (e.g. '2022-T1')", q), -1;
	}
	out->kind = MODEL_PERIOD_FY;
	if (n == 2 && tok_kind(&t[t[0].is_year ? 1 : 0], q, &out->kind, err, errsz) < 0)
		return -1;
	return tok_year(&t[t[0].is_year ? 0 : 1], q, &out->year, err, errsz);
}

/* parses a Swedish label; returns 0, 1 when text is not a label, -1 on error */
static int parse_label(const char *b, const char *e, const char *q, struct model_period *out,
	char *err, size_t errsz)
{
	char f[MODEL_PERIOD_TEXT_MAX + 16];
	struct tok t;
	size_t i, len;

	if (model_int_fold(b, e, 1, f, sizeof f) < 0)
		return 1;
	for (i = 0; i < sizeof label_words / sizeof label_words[0]; i++) {
		len = strlen(label_words[i].word);
		if (strncmp(f, label_words[i].word, len) != 0 || (f[len] != ' ' && f[len] != '\0'))
			continue;
		len += f[len] == ' ';
		if (scan_tok(f + len, f + strlen(f), &t) != f + strlen(f) || !t.is_year)
			return model_int_err(err, errsz, "period '%s': expected a year after the label", q), -1;
		out->kind = label_words[i].kind;
		return tok_year(&t, q, &out->year, err, errsz);
	}
	return 1;
}

int model_period_parse(const char *text, struct model_period *out, char *err, size_t errsz)
{
	struct model_period p = { 0, MODEL_PERIOD_FY };
	char q[MODEL_INT_QUOTE_BUF];
	const char *b = text ? text : "", *e = b + strlen(b);
	int rc;

	if (!out)
		return model_int_err(err, errsz, "period: no place for the result"), -1;
	model_int_trim(&b, &e);
	model_int_quote(b, e, q);
	if (b == e)
		return model_int_err(err, errsz, "period '': empty (expected e.g. '2022-T1')"), -1;
	rc = parse_label(b, e, q, &p, err, errsz);
	if (rc == 1)
		rc = parse_tokens(b, e, q, &p, err, errsz);
	if (rc != 0)
		return -1;
	*out = p;
	return 0;
}

/* year_text: "BEFORE%04dAFTER" of a valid period's year (four digits) into buf (size bytes) as
 * snprintf would write it: 0, or -1 and "" when it does not fit; without printf (the city page
 * writes two of these per period of its list). */
static int year_text(char *buf, size_t size, const char *before, int year, const char *after)
{
	size_t lb = strlen(before), la = strlen(after);

	if (lb + 4 + la >= size) {
		buf[0] = '\0';
		return -1;
	}
	memcpy(buf, before, lb);
	for (int k = 3, y = year; k >= 0; k--, y /= 10)
		buf[lb + (size_t)k] = (char)('0' + y % 10);
	memcpy(buf + lb + 4, after, la + 1);
	return 0;
}

int model_period_format(const struct model_period *p, char *buf, size_t size)
{
	static const char *const suffix[MODEL_PERIOD__MAX] = { "-T1", "-T2", "-FY" };	/* "-" kind_names */

	if (!buf || size == 0)
		return -1;
	buf[0] = '\0';
	if (!model_period_valid(p))
		return -1;
	return year_text(buf, size, "", p->year, suffix[p->kind]);
}

int model_period_label_sv(const struct model_period *p, char *buf, size_t size)
{
	if (!buf || size == 0)
		return -1;
	buf[0] = '\0';
	if (!model_period_valid(p))
		return -1;
	if (p->kind == MODEL_PERIOD_FY)
		return year_text(buf, size, "Verksamhetsberättelse ", p->year, "");
	return year_text(buf, size, p->kind == MODEL_PERIOD_T1 ? "Tertialrapport 1 " : "Tertialrapport 2 ", p->year, "");
}

int model_period_of_date(int ymd, struct model_period *out)
{
	int month = ymd / 100 % 100;

	if (!out || !model_date_valid(ymd))
		return -1;
	out->year = ymd / 10000;
	out->kind = month <= 4 ? MODEL_PERIOD_T1 : month <= 8 ? MODEL_PERIOD_T2 : MODEL_PERIOD_FY;
	return 0;
}

int model_period_contains(const struct model_period *p, int ymd)
{
	int first, last;

	if (!model_date_valid(ymd) || model_period_bounds(p, &first, &last) < 0)
		return 0;
	return ymd >= first && ymd <= last;
}

int model_period_cmp(const struct model_period *a, const struct model_period *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return (a->kind > b->kind) - (a->kind < b->kind);
}

const char *model_period_kind_name(enum model_period_kind k)
{
	return (unsigned)k < MODEL_PERIOD__MAX ? kind_names[k] : NULL;
}
