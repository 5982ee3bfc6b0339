/* table-csv.c: a table as RFC 4180 CSV in Swedish Excel's dialect or the comma one (table.h). */
#include "doc/table.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dialect {
	char sep;	/* cell separator */
	char point;	/* decimal separator */
	int bom;	/* begin with a UTF-8 byte order mark */
	const char *special;	/* the bytes that make a cell quoted: sep, '"', CR, LF */
};

static const struct dialect dialects[TABLE_CSV__MAX] = {
	[TABLE_CSV_EXCEL_SV] = { ';', ',', 1, ";\"\r\n" },
	[TABLE_CSV_COMMA] = { ',', '.', 0, ",\"\r\n" },
};

/* fixed: v in d decimals (1 <= d <= FIXED_MAX) without printf when v is exactly the double
 * nearest r / 10^d for the integer r nearest v * 10^d, |r| < 2^50: then "%.*f" would print r's
 * digits (v is within half an ulp of r / 10^d, and an ulp is below a tenth of 10^-d there) and
 * strtod reads them back as v (r and 10^d are exact doubles; the division rounds correctly).
 * Returns 1 with the text (point '.') in out; 0 when "%.*f" would not read back as v (then r
 * would have been its digits); -1 when it cannot tell (|v * 10^d| too large, out too short). */
#define FIXED_MAX 6
static int fixed(double v, int d, char *out, size_t n)
{
	static const double p10[FIXED_MAX + 1] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	double s = v * p10[d];
	char dig[24];
	long long r;
	int k = 0, len = 0;

	if (!(fabs(s) < 1125899906842624.0))	/* 2^50; also NaN */
		return -1;
	r = llround(s);
	if ((double)r / p10[d] != v)
		return 0;
	for (unsigned long long u = (unsigned long long)(r < 0 ? -r : r); u || k <= d; u /= 10)
		dig[k++] = (char)('0' + u % 10);
	if ((size_t)k + 3 > n)
		return -1;
	if (r < 0)
		out[len++] = '-';
	while (k > 0) {
		if (k == d)
			out[len++] = '.';
		out[len++] = dig[--k];
	}
	out[len] = '\0';
	return 1;
}

/* number: v in the fewest decimals (at most 20) that read back as the same double, with
 * decimal separator point; no exponent, no thousands separators. An integer below 2^53 (not
 * -0) is its digits, which is what %.0f gives and reads back; a number with a fraction needs a
 * decimal at least: the search starts there (the export's figures: 2.0M -> 0.9M instructions),
 * and its first FIXED_MAX steps are tried without printf and strtod (fixed). */
static void number(double v, char point, char *out, size_t n)
{
	int d = v == floor(v) ? 0 : 1;

	if (!d && fabs(v) < 9007199254740992.0 && !(v == 0 && signbit(v))) {
		snprintf(out, n, "%lld", (long long)v);
		return;
	}
	for (int f = 0; d && d <= FIXED_MAX && (f = fixed(v, d, out, n)) >= 0; d++)
		if (f == 1)
			goto point;
	for (; d <= 20; d++) {
		snprintf(out, n, "%.*f", d, v);
		if (strtod(out, NULL) == v)
			break;
	}
	if (d > 20 || !isfinite(v))
		snprintf(out, n, "%.17g", v);
point:
	if (point != '.') {
		char *p = strchr(out, '.');
		if (p)
			*p = point;
	}
}

/* formula_like: whether a spreadsheet would take text s as a formula when it is opened (or s
 * starts with apostrophes before such a character, so that the importer's removal of one
 * apostrophe gives s back); a plain number is not */
static int formula_like(const char *s)
{
	const char *p = s;
	char *end;

	while (*p == '\'')
		p++;
	switch (*p) {	/* a switch, not strchr: every text cell is asked */
	case '=': case '+': case '-': case '@': case '\t': case '\r':
		break;
	default:
		return 0;
	}
	if (p == s) {
		strtod(s, &end);
		if (end != s && !*end)
			return 0;
	}
	return 1;
}

/* quoted: appends s, quoted when it must be (RFC 4180): one search for d's special bytes, which
 * gives the length when there is none (strlen, strchr and strpbrk were three), then the text in
 * runs between its quotes */
static int quoted(struct buf *out, const char *s, const struct dialect *d)
{
	size_t n = strcspn(s, d->special);
	int q = s[n] != '\0';

	if (q)
		n += strlen(s + n);
	if (n && (s[0] == ' ' || s[n - 1] == ' '))
		q = 1;
	if (!q)
		return buf_add(out, s, n);
	if (buf_addc(out, '"') != 0)
		return -1;
	for (const char *p = s, *qt; *p; p = qt + 1) {
		if (!(qt = strchr(p, '"')))
			return buf_adds(out, p) | buf_addc(out, '"');
		if (buf_add(out, p, (size_t)(qt - p) + 1) != 0 || buf_addc(out, '"') != 0)
			return -1;
	}
	return buf_addc(out, '"');
}

/* cell: appends one cell */
static int cell(struct buf *out, const struct table_cell *c, const struct dialect *d)
{
	char tmp[64];

	if (c->null)
		return 0;
	switch (c->type) {
	case TABLE_INT:
		snprintf(tmp, sizeof(tmp), "%lld", (long long)c->i);
		return buf_adds(out, tmp);
	case TABLE_DEC:
		number(c->d, d->point, tmp, sizeof(tmp));
		return buf_adds(out, tmp);
	case TABLE_DATE:
		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", (int)(c->i / 10000), (int)(c->i / 100 % 100),
			 (int)(c->i % 100));
		return buf_adds(out, tmp);
	case TABLE_BOOL:
		return c->i ? buf_adds(out, "ja") : 0;
	case TABLE_DATETIME:
		return quoted(out, c->s, d);
	case TABLE_TEXT:
	default:
		if (formula_like(c->s) && buf_addc(out, '\'') != 0)
			return -1;
		return quoted(out, c->s, d);
	}
}

/* A column's last text cell as written: the text's pointer and where its bytes are in the
 * output. A table's texts are kept once and pointed at by every row that repeats them (the
 * indicator values' names, goals, areas, periods: table_set_text_kept), so a cell whose pointer
 * is its column's last one is a copy of those bytes: no formula test, search or quoting again. */
#define MEMO_COLS 32
struct memo {
	const char *s;
	size_t at, len;
};

/* memo_cell: appends cell c of column j, a copy of the column's last text when it is the same
 * text (m: the memos, NULL past MEMO_COLS) */
static int memo_cell(struct buf *out, const struct table_cell *c, struct memo *m, const struct dialect *d)
{
	size_t at = out->len;
	char *p;
	int rc;

	if (!m || c->null || (c->type != TABLE_TEXT && c->type != TABLE_DATETIME))
		return cell(out, c, d);
	if (c->s == m->s && (p = buf_space(out, m->len)) != NULL) {
		memcpy(p, out->ptr + m->at, m->len);
		buf_wrote(out, m->len);
		return 0;
	}
	if ((rc = cell(out, c, d)) == 0)
		*m = (struct memo){ c->s, at, out->len - at };
	return rc;
}

int table_csv(const struct table *t, enum table_csv_dialect dia, struct buf *out, struct err *e)
{
	const struct dialect *d = &dialects[dia < TABLE_CSV__MAX ? dia : TABLE_CSV_EXCEL_SV];
	char head[300];
	struct memo memo[MEMO_COLS] = { { 0 } };
	int bad = 0;

	if (d->bom)
		bad |= buf_adds(out, "\xef\xbb\xbf");
	for (int j = 0; j < t->ncols; j++) {
		table_header(t, j, head, sizeof(head));
		bad |= (j && buf_addc(out, d->sep)) | quoted(out, head, d);
	}
	bad |= buf_adds(out, "\r\n");
	for (size_t i = 0; i < t->nrows && !bad; i++) {
		size_t at = out->len;

		for (int j = 0; j < t->ncols; j++)
			bad |= (j && buf_addc(out, d->sep)) |
			       memo_cell(out, table_cell(t, i, j), j < MEMO_COLS ? &memo[j] : NULL, d);
		bad |= buf_adds(out, "\r\n");
		/* room for the rest at the first row's size and a quarter: no doubling on the way */
		if (i == 0 && !bad)
			buf_reserve(out, (t->nrows - 1) * ((out->len - at) + (out->len - at) / 4));
	}
	if (bad || out->overflow)
		return err_set(e, LUP_ETOOBIG, "the table '%s' is larger than %zu bytes as CSV", t->name, out->max);
	return LUP_OK;
}
