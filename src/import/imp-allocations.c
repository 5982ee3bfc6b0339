/* imp-allocations.c: `lup import allocations FILE`: resources per organisation, district and
 * year as CSV (docs/resources-need.md), written through edit/allocation.c (alloc_put) in the
 * import's one transaction: all or nothing.
 *
 * The layout: a header line naming the columns (any order, any case; English or Swedish names):
 *	org (organisation)  district (stadsdelsområde, stadsdel, område)  year (år)
 *	kind (slag: money|staff|places|hours or pengar|personal|platser|timmar)
 *	amount (mängd, belopp: decimal comma or point, spaces between thousands)
 *	unit (enhet: tkr|årsarbetare|platser|timmar; empty: the kind's)  note (anteckning; optional)
 * then one row per resource. The separator is ';', ',' or a tab, decided from the header line;
 * a cell may be quoted ("..." with "" for a quote; no line breaks inside). A row of an
 * organisation, district, year and kind already recorded replaces its amount, unit and note.
 * Every error names file:line and the column ("column 5 (amount)"); a web import by anyone but an
 * administrator is scoped: every row's organisation must be the importer's own (or its pair). */
#include "import/import.h"
#include "edit/allocation.h"
#include "core/arena.h"
#include "core/err.h"
#include "model/need.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { K_ROWS, K_WRITTEN, K_UNCHANGED };
static const char *const keys[] = { "rows", "written", "unchanged", NULL };

enum { C_ORG, C_DISTRICT, C_YEAR, C_KIND, C_AMOUNT, C_UNIT, C_NOTE, C__MAX };
#define MAX_CELLS 32

/* Column names (lower case); the first is the English name the errors use. */
static const char *const names[C__MAX][5] = {
	[C_ORG] = { "org", "organisation", NULL },
	[C_DISTRICT] = { "district", "stadsdelsområde", "stadsdel", "område", NULL },
	[C_YEAR] = { "year", "år", NULL },
	[C_KIND] = { "kind", "slag", NULL },
	[C_AMOUNT] = { "amount", "mängd", "belopp", NULL },
	[C_UNIT] = { "unit", "enhet", NULL },
	[C_NOTE] = { "note", "anteckning", NULL },
};

static const char *const kinds_sv[] = { "pengar", "personal", "platser", "timmar", NULL };

/* split: line into at most MAX_CELLS cells (in place) by sep, with quotes; -1 on a broken quote. */
static int split(char *line, char sep, char **cell, int *n)
{
	char *p = line, *w;

	*n = 0;
	for (;;) {
		if (*n == MAX_CELLS)
			return -1;
		while (*p == ' ' || (*p == '\t' && sep != '\t'))
			p++;
		cell[(*n)++] = w = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (!*p)
					return -1;
				if (*p == '"' && p[1] == '"') { *w++ = '"'; p += 2; continue; }
				if (*p == '"') { p++; break; }
				*w++ = *p++;
			}
			while (*p && *p != sep)
				p++;
		} else {
			while (*p && *p != sep)
				*w++ = *p++;
			while (w > cell[*n - 1] && (w[-1] == ' ' || w[-1] == '\t' || w[-1] == '\r'))
				w--;
		}
		if (!*p) {
			*w = 0;
			return 0;
		}
		*w = 0;
		p++;
	}
}

/* fold: s in lower case into out (ASCII and Å, Ä, Ö, É), at most n bytes with the NUL. */
static void fold(const char *s, char *out, size_t n)
{
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p && o + 3 < n; p++) {
		if (p[0] == 0xC3 && (p[1] == 0x85 || p[1] == 0x84 || p[1] == 0x96 || p[1] == 0x89)) {
			out[o++] = (char)0xC3;
			out[o++] = (char)(p[1] + 0x20);
			p++;
		} else {
			out[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		}
	}
	out[o] = 0;
}

/* header: the columns of the header line (col[C_x] is the 0-based cell, -1 when absent). */
static int header(struct imp_ctx *c, char *line, int lineno, char *sep, int *col)
{
	char *cell[MAX_CELLS];
	int n;

	*sep = strchr(line, ';') ? ';' : strchr(line, '\t') ? '\t' : ',';
	if (!strncmp(line, "\xEF\xBB\xBF", 3))
		memmove(line, line + 3, strlen(line + 3) + 1);
	if (split(line, *sep, cell, &n) != 0)
		return imp_fail(c, lineno, "the header line is not CSV (a quote is not closed, or more than %d columns)", MAX_CELLS);
	for (int k = 0; k < C__MAX; k++)
		col[k] = -1;
	for (int i = 0; i < n; i++) {
		char low[128];
		int known = 0;
		fold(cell[i], low, sizeof(low));
		for (int k = 0; k < C__MAX && !known; k++)
			for (int a = 0; names[k][a]; a++)
				if (strcmp(low, names[k][a]) == 0) {
					col[k] = i;
					known = 1;
					break;
				}
		if (!known)
			return imp_fail(c, lineno, "column %d ('%s') is not a column of allocations "
					"(org;district;year;kind;amount;unit;note)", i + 1, cell[i]);
	}
	for (int k = 0; k < C__MAX; k++)
		if (col[k] < 0 && k != C_NOTE && k != C_UNIT)
			return imp_fail(c, lineno, "the header lacks the column %s (org;district;year;kind;amount;unit;note)",
					names[k][0]);
	return LUP_OK;
}

static const char *cellof(char **cell, int n, const int *col, int k)
{
	return col[k] >= 0 && col[k] < n ? cell[col[k]] : "";
}

/* bad: the error of a row's column k: "column N (name): why". */
static int bad(struct imp_ctx *c, int lineno, const int *col, int k, const char *value, const char *why)
{
	return imp_fail(c, lineno, "column %d (%s): '%s' %s", col[k] + 1, names[k][0], value, why);
}

static int row(struct imp_ctx *c, char *line, int lineno, char sep, const int *col)
{
	struct edit_actor who = { c->user_id, c->actor ? c->actor : "lup import" };
	struct alloc_fail f = { NULL, ALLOC_R_REQUIRED };
	struct alloc_in in = { 0 };
	char *cell[MAX_CELLS], *end;
	const char *org, *ys, *kind, *amount;
	int n, k, changed = 0;
	int64_t id = 0;
	long year;

	if (split(line, sep, cell, &n) != 0)
		return imp_fail(c, lineno, "the line is not CSV (a quote is not closed, or more than %d cells)", MAX_CELLS);
	org = cellof(cell, n, col, C_ORG);
	ys = cellof(cell, n, col, C_YEAR);
	kind = cellof(cell, n, col, C_KIND);
	amount = cellof(cell, n, col, C_AMOUNT);
	struct sval o = SVS(org);
	if (!*org)
		return bad(c, lineno, col, C_ORG, org, alloc_rule_en(ALLOC_R_REQUIRED));
	if (imp_id(c, STMT_ORG_ID_LOOSE, &o, 1, &in.org) != LUP_OK)
		return c->e->code;
	if (!in.org)
		return bad(c, lineno, col, C_ORG, org, "is no organisation");
	if (imp_scope_org(c, lineno, col[C_ORG] + 1, IMP_F_ORG, org, in.org) != LUP_OK)
		return c->e->code;
	year = strtol(ys, &end, 10);
	if (!*ys || *end)
		return bad(c, lineno, col, C_YEAR, ys, "is not a year");
	in.year = (int)year;
	in.district = cellof(cell, n, col, C_DISTRICT);
	for (k = 0; kinds_sv[k]; k++)
		if (strcasecmp(kind, kinds_sv[k]) == 0 || strcasecmp(kind, need_kind_codes[k]) == 0)
			kind = need_kind_codes[k];
	in.kind = kind;
	in.amount = NAN;
	if (*amount && alloc_parse_amount(amount, &in.amount) != 0)
		return bad(c, lineno, col, C_AMOUNT, amount, "is not a number");
	in.unit = cellof(cell, n, col, C_UNIT);
	in.note = cellof(cell, n, col, C_NOTE);
	if (alloc_put(c->st, &who, &in, &id, &changed, &f, c->e) != LUP_OK) {
		if (c->e->code != LUP_EINVAL || !f.field)
			return c->e->code;
		for (k = 0; k < C__MAX && strcmp(names[k][0], f.field) != 0; k++)
			;
		if (k == C__MAX)
			k = C_ORG;
		if (col[k] < 0)
			return imp_fail(c, lineno, "%s %s", f.field, alloc_rule_en(f.rule));
		return bad(c, lineno, col, k, cellof(cell, n, col, k), alloc_rule_en(f.rule));
	}
	imp_count(c, K_ROWS, 1);
	imp_count(c, changed ? K_WRITTEN : K_UNCHANGED, 1);
	c->r->changed += changed;
	imp_trace(c, lineno, lineno, "allocation", "%s %s %d %s %s", org, in.district, in.year, in.kind, amount);
	return LUP_OK;
}

static int run(struct imp_ctx *c)
{
	struct imp_text t;
	int col[C__MAX], rc, seen = 0;
	char sep = ';';

	if ((rc = imp_read_text(c, &t)) != LUP_OK)
		return rc;
	for (int i = 0; i < t.nlines; i++) {
		char *line = t.lines[i];
		if (!line[strspn(line, " \t\r")])
			continue;
		if (!seen++) {
			if ((rc = header(c, line, i + 1, &sep, col)) != LUP_OK)
				return rc;
			continue;
		}
		if ((rc = row(c, line, i + 1, sep, col)) != LUP_OK)
			return rc;
	}
	if (!seen)
		return imp_fail(c, 0, "the file is empty: a header line (org;district;year;kind;amount;unit;note) is required");
	return LUP_OK;
}

const struct imp_kind imp_kind_allocations = {
	"allocations", keys, run, "resources per organisation, district and year as CSV (org;district;year;kind;amount;unit;note)", 1,
};
