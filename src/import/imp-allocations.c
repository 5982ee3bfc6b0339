/* imp-allocations.c: `lup import allocations FILE`: resources per organisation, district and
 * year as CSV (docs/resources-need.md), written through edit/allocation.c (alloc_put) in the
 * import's one transaction: all or nothing.
 *
 * The layout: a header line naming the columns (any order, any case; English or Swedish names):
 *	org (organisation)  district (stadsdelsområde, stadsdel, område)  year (år)
 *	kind (slag: money|staff|places|hours or pengar|personal|platser|timmar)
 *	amount (mängd, belopp: decimal comma or point, spaces between thousands)
 *	unit (enhet: tkr|årsarbetare|platser|timmar; empty: the kind's)  note (anteckning; optional)
 * example (exempeldata: a row marked ja is example data and skipped); the export's columns for
 * people (Organisationsnamn, Områdesnamn) are known and not read, so `lup export csv allocations`
 * reads back. Then one row per resource. The separator is ';', ',' or a tab, decided from the header line;
 * a cell may be quoted ("..." with "" for a quote; no line breaks inside). A row of an
 * organisation, district, year and kind already recorded replaces its amount, unit and note.
 * Every error names file:line and the column ("column 5 (amount)"); a web import by anyone but an
 * administrator is scoped: every row's organisation must be the importer's own (or its pair). */
#include "import/imp-allocations.h"
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

enum { K_ROWS, K_WRITTEN, K_UNCHANGED, K_SKIPPED };
static const char *const keys[] = { "rows", "written", "unchanged", "skipped", NULL };

#define MAX_CELLS 32

/* Column names (lower case); the first is the English name the errors use. */
static const char *const names[IMP_AL__MAX][5] = {
	[IMP_AL_ORG] = { "org", "organisation", NULL },
	[IMP_AL_DISTRICT] = { "district", "stadsdelsområde", "stadsdel", "område", NULL },
	[IMP_AL_YEAR] = { "year", "år", NULL },
	[IMP_AL_KIND] = { "kind", "slag", NULL },
	[IMP_AL_AMOUNT] = { "amount", "mängd", "belopp", NULL },
	[IMP_AL_UNIT] = { "unit", "enhet", NULL },
	[IMP_AL_NOTE] = { "note", "anteckning", NULL },
	[IMP_AL_EXAMPLE] = { "example", "exempeldata", NULL },
};

/* Columns the export writes for people (docs/exports.md "Resurser"), known and not read. */
static const char *const for_people[] = { "organisationsnamn", "områdesnamn", NULL };

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
	for (int k = 0; k < IMP_AL__MAX; k++)
		col[k] = -1;
	for (int i = 0; i < n; i++) {
		char low[128];
		int known = 0;
		fold(cell[i], low, sizeof(low));
		for (int k = 0; k < IMP_AL__MAX && !known; k++)
			for (int a = 0; names[k][a]; a++)
				if (strcmp(low, names[k][a]) == 0) {
					col[k] = i;
					known = 1;
					break;
				}
		for (int k = 0; !known && for_people[k]; k++)
			known = strcmp(low, for_people[k]) == 0;
		if (!known)
			return imp_fail(c, lineno, "column %d ('%s') is not a column of allocations "
					"(org;district;year;kind;amount;unit;note)", i + 1, cell[i]);
	}
	for (int k = 0; k < IMP_AL__MAX; k++)
		if (col[k] < 0 && k != IMP_AL_NOTE && k != IMP_AL_UNIT && k != IMP_AL_EXAMPLE)
			return imp_fail(c, lineno, "the header lacks the column %s (org;district;year;kind;amount;unit;note)",
					names[k][0]);
	return LUP_OK;
}

int imp_alloc_parse(struct imp_ctx *c, struct imp_text *t, struct imp_al_doc *d)
{
	char *cell[MAX_CELLS];
	int rc, seen = 0, n;

	memset(d, 0, sizeof(*d));
	d->rows = arena_alloc(c->a, ((size_t)t->nlines + 1) * sizeof(*d->rows));
	for (int i = 0; i < t->nlines; i++) {
		char *line = t->lines[i];
		struct imp_al_row *r;
		if (!line[strspn(line, " \t\r")])
			continue;
		if (!seen++) {
			if ((rc = header(c, line, i + 1, &d->sep, d->col)) != LUP_OK)
				return rc;
			continue;
		}
		if (split(line, d->sep, cell, &n) != 0)
			return imp_fail(c, i + 1, "the line is not CSV (a quote is not closed, or more than %d cells)", MAX_CELLS);
		r = &d->rows[d->nrows++];
		r->line = i + 1;
		for (int k = 0; k < IMP_AL__MAX; k++)
			r->cell[k] = d->col[k] >= 0 && d->col[k] < n ? cell[d->col[k]] : "";
	}
	if (!seen)
		return imp_fail(c, 0, "the file is empty: a header line (org;district;year;kind;amount;unit;note) is required");
	return LUP_OK;
}

/* bad: the error of a row's column k: "column N (name): why". */
static int bad(struct imp_ctx *c, const struct imp_al_doc *d, const struct imp_al_row *r, int k, const char *why)
{
	if (d->col[k] < 0)
		return imp_fail(c, r->line, "%s %s", names[k][0], why);
	return imp_fail(c, r->line, "column %d (%s): '%s' %s", d->col[k] + 1, names[k][0], r->cell[k], why);
}

/* apply: writes row r through edit/allocation (alloc_put) in the import's transaction. */
static int apply(struct imp_ctx *c, const struct imp_al_doc *d, const struct imp_al_row *r)
{
	struct edit_actor who = { c->user_id, c->actor ? c->actor : "lup import" };
	struct alloc_fail f = { NULL, ALLOC_R_REQUIRED };
	struct alloc_in in = { 0 };
	const char *kind = r->cell[IMP_AL_KIND];
	struct sval o = SVS(r->cell[IMP_AL_ORG]);
	int64_t id = 0;
	int k, changed = 0;
	char *end;
	long year;

	if (!strcasecmp(r->cell[IMP_AL_EXAMPLE], "ja") || !strcasecmp(r->cell[IMP_AL_EXAMPLE], "yes")) {
		imp_count(c, K_SKIPPED, 1);
		imp_trace(c, r->line, r->line, "skipped", "example data");
		return LUP_OK;
	}
	if (!*r->cell[IMP_AL_ORG])
		return bad(c, d, r, IMP_AL_ORG, alloc_rule_en(ALLOC_R_REQUIRED));
	if (imp_id(c, STMT_ORG_ID_LOOSE, &o, 1, &in.org) != LUP_OK)
		return c->e->code;
	if (!in.org)
		return bad(c, d, r, IMP_AL_ORG, "is no organisation");
	if (imp_scope_org(c, r->line, d->col[IMP_AL_ORG] + 1, IMP_F_ORG, r->cell[IMP_AL_ORG], in.org) != LUP_OK)
		return c->e->code;
	year = strtol(r->cell[IMP_AL_YEAR], &end, 10);
	if (!*r->cell[IMP_AL_YEAR] || *end)
		return bad(c, d, r, IMP_AL_YEAR, "is not a year");
	in.year = (int)year;
	in.district = r->cell[IMP_AL_DISTRICT];
	for (k = 0; kinds_sv[k]; k++)
		if (strcasecmp(kind, kinds_sv[k]) == 0 || strcasecmp(kind, need_kind_codes[k]) == 0)
			kind = need_kind_codes[k];
	in.kind = kind;
	in.amount = NAN;
	if (*r->cell[IMP_AL_AMOUNT] && alloc_parse_amount(r->cell[IMP_AL_AMOUNT], &in.amount) != 0)
		return bad(c, d, r, IMP_AL_AMOUNT, "is not a number");
	in.unit = r->cell[IMP_AL_UNIT];
	in.note = r->cell[IMP_AL_NOTE];
	if (alloc_put(c->st, &who, &in, &id, &changed, &f, c->e) != LUP_OK) {
		if (c->e->code != LUP_EINVAL || !f.field)
			return c->e->code;
		for (k = 0; k < IMP_AL__MAX && strcmp(names[k][0], f.field) != 0; k++)
			;
		return bad(c, d, r, k < IMP_AL__MAX ? k : IMP_AL_ORG, alloc_rule_en(f.rule));
	}
	imp_count(c, K_ROWS, 1);
	imp_count(c, changed ? K_WRITTEN : K_UNCHANGED, 1);
	c->r->changed += changed;
	imp_trace(c, r->line, r->line, "allocation", "%s %s %d %s %s", r->cell[IMP_AL_ORG], in.district, in.year,
		  in.kind, r->cell[IMP_AL_AMOUNT]);
	return LUP_OK;
}

static int run(struct imp_ctx *c)
{
	struct imp_al_doc d;
	struct imp_text t;
	int rc;

	if ((rc = imp_read_text(c, &t)) != LUP_OK || (rc = imp_alloc_parse(c, &t, &d)) != LUP_OK)
		return rc;
	for (int i = 0; i < d.nrows; i++)
		if ((rc = apply(c, &d, &d.rows[i])) != LUP_OK)
			return rc;
	return LUP_OK;
}

const struct imp_kind imp_kind_allocations = {
	"allocations", keys, run, "resources per organisation, district and year as CSV (org;district;year;kind;amount;unit;note)", 1,
};
