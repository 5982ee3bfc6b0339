/* commission.c: the commission matrix (see commission.h). Five reads; the measures are sorted
 * here (numbers compare part by part) and split per report, the cells are kept sorted by
 * (measure, org) for lookup, and each report's columns come from one pass over the cells. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/commission.h"

static const char *cs(const struct rowset *rs, int row, int col) { return rs->rows[row][col].s; }
static int64_t ci(const struct rowset *rs, int row, int col)
{
	const char *s = rs->rows[row][col].s;
	return s ? strtoll(s, NULL, 10) : 0;
}

int view_commission_num_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);
			if (x != y)
				return x < y ? -1 : 1;
			a = ea, b = eb;
		} else {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			a++, b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
}

/* measure_cmp: by number, then by id as text (as the page always ordered them). */
static int measure_cmp(const void *pa, const void *pb)
{
	const struct view_cm_measure *a = *(const struct view_cm_measure *const *)pa;
	const struct view_cm_measure *b = *(const struct view_cm_measure *const *)pb;
	int c = view_commission_num_cmp(a->number, b->number);
	char x[24], y[24];

	if (c)
		return c;
	snprintf(x, sizeof(x), "%lld", (long long)a->id);
	snprintf(y, sizeof(y), "%lld", (long long)b->id);
	return strcmp(x, y);
}

static int cell_cmp(const void *pa, const void *pb)
{
	const struct view_cm_cell *a = pa, *b = pb;
	if (a->measure != b->measure)
		return a->measure < b->measure ? -1 : 1;
	return a->org < b->org ? -1 : a->org > b->org;
}

/* group_of: the recommendation a measure belongs to: its own, else its number without the
 * last part. */
static const char *group_of(struct arena *a, const struct view_cm_measure *m)
{
	const char *dot;

	if (m->rec_number)
		return m->rec_number;
	dot = strrchr(m->number, '.');
	return dot ? arena_strndup(a, m->number, (size_t)(dot - m->number)) : m->number;
}

/* measures: every measure, sorted, then each report's run of them. */
static void measures(struct arena *a, struct view_commission *v, const struct rowset *ms)
{
	struct view_cm_measure *all = arena_alloc(a, sizeof(*all) * (size_t)(ms->nrows + 1));
	struct view_cm_measure **sorted = arena_alloc(a, sizeof(*sorted) * (size_t)(ms->nrows + 1));

	v->nmeasures = (size_t)ms->nrows;
	for (int i = 0; i < ms->nrows; i++) {
		struct view_cm_measure *m = &all[i];
		m->id = ci(ms, i, 0);
		m->report_id = ci(ms, i, 1);
		m->number = cs(ms, i, 2) ? cs(ms, i, 2) : "";
		m->text = cs(ms, i, 3);
		m->rec_number = cs(ms, i, 4);
		m->rec_text = cs(ms, i, 5);
		m->group = group_of(a, m);
		sorted[i] = m;
	}
	for (size_t ri = 0; ri < v->nreports; ri++) {
		struct view_cm_report *r = &v->reports[ri];
		r->measures = sorted;
		for (size_t i = 0; i < v->nmeasures; i++)
			if (all[i].report_id == r->id)
				sorted[r->nmeasures++] = &all[i];
		qsort(sorted, r->nmeasures, sizeof(*sorted), measure_cmp);
		sorted += r->nmeasures;
	}
}

/* report_index: the index of report id in v, or -1. */
static long report_index(const struct view_commission *v, int64_t id)
{
	for (size_t i = 0; i < v->nreports; i++)
		if (v->reports[i].id == id)
			return (long)i;
	return -1;
}

/* An organisation's id and its column, for bsearch by id. */
struct org_ix {
	int64_t id;
	size_t col;
};

static int org_ix_cmp(const void *pa, const void *pb)
{
	const struct org_ix *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* columns: per report, the columns (in their order) of the administrations that answered a
 * measure of it. */
static void columns(struct arena *a, struct view_commission *v)
{
	size_t nc = v->ncolumns, nr = v->nreports;
	unsigned char *has = arena_alloc(a, nr * nc + 1);
	struct org_ix *ix = arena_alloc(a, sizeof(*ix) * (nc + 1));
	long ri = -1;

	for (size_t c = 0; c < nc; c++)
		ix[c] = (struct org_ix){ v->columns[c].org, c };
	qsort(ix, nc, sizeof(*ix), org_ix_cmp);
	for (size_t i = 0; i < v->ncells; i++) {
		struct org_ix key = { v->cells[i].org, 0 }, *o;
		if (ri < 0 || v->reports[ri].id != v->cells[i].report)
			ri = report_index(v, v->cells[i].report);
		o = bsearch(&key, ix, nc, sizeof(*ix), org_ix_cmp);
		if (o && ri >= 0)
			has[(size_t)ri * nc + o->col] = 1;
	}
	for (size_t r = 0; r < nr; r++) {
		v->reports[r].cols = arena_alloc(a, sizeof(size_t) * (nc + 1));
		for (size_t c = 0; c < nc; c++)
			if (has[r * nc + c])
				v->reports[r].cols[v->reports[r].ncols++] = c;
	}
}

static void fill(struct arena *a, struct view_commission *v, const struct rowset *reps, const struct rowset *cols,
		 const struct rowset *cl, const struct rowset *ad)
{
	v->nreports = (size_t)reps->nrows;
	v->reports = arena_alloc(a, sizeof(*v->reports) * (v->nreports + 1));
	for (int i = 0; i < reps->nrows; i++)
		v->reports[i] = (struct view_cm_report){ .id = ci(reps, i, 0), .key = cs(reps, i, 1),
							 .title = cs(reps, i, 2), .year = (long)ci(reps, i, 3) };
	v->ncolumns = (size_t)cols->nrows;
	v->columns = arena_alloc(a, sizeof(*v->columns) * (v->ncolumns + 1));
	for (int i = 0; i < cols->nrows; i++)
		v->columns[i] = (struct view_cm_column){ ci(cols, i, 0), cs(cols, i, 1), cs(cols, i, 2), cs(cols, i, 3) };
	v->ncells = (size_t)cl->nrows;
	v->cells = arena_alloc(a, sizeof(*v->cells) * (v->ncells + 1));
	for (int i = 0; i < cl->nrows; i++)
		v->cells[i] = (struct view_cm_cell){ ci(cl, i, 0), ci(cl, i, 1), ci(cl, i, 2), ci(cl, i, 5),
						     cs(cl, i, 3), ci(cl, i, 4) != 0 };
	qsort(v->cells, v->ncells, sizeof(*v->cells), cell_cmp);
	v->nadmins = (size_t)ad->nrows;
	v->admins = arena_alloc(a, sizeof(*v->admins) * (v->nadmins + 1));
	for (int i = 0; i < ad->nrows; i++)
		v->admins[i] = (struct view_cm_admin){ cs(ad, i, 0), cs(ad, i, 1), cs(ad, i, 2), ci(ad, i, 3) != 0,
						       cs(ad, i, 4), cs(ad, i, 5), (long)ci(ad, i, 6), ci(ad, i, 7) != 0 };
}

int view_commission_load(struct store *st, struct arena *a, struct view_commission *v, struct err *e)
{
	struct rowset reps, ms, cols, cl, ad;
	int rc;

	struct rowset *sets[] = { &reps, &ms, &cols, &cl, &ad };
	/* the five reads in one go (one round trip on PostgreSQL) */
	const struct store_q q[] = {
		{ STMT_WEB_FOLLOW_REPORTS, NULL, 0, rowset_collect, &reps },
		{ STMT_WEB_FOLLOW_MEASURES, NULL, 0, rowset_collect, &ms },
		{ STMT_WEB_FOLLOW_COLUMNS, NULL, 0, rowset_collect, &cols },
		{ STMT_WEB_FOLLOW_CELLS, NULL, 0, rowset_collect, &cl },
		{ STMT_WEB_FOLLOW_ADMINS, NULL, 0, rowset_collect, &ad },
	};

	memset(v, 0, sizeof(*v));
	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		rowset_init(sets[i], a);
	if ((rc = store_query_many(st, q, (int)(sizeof(q) / sizeof(q[0])), e)) != LUP_OK)
		return rc;
	fill(a, v, &reps, &cols, &cl, &ad);
	measures(a, v, &ms);
	columns(a, v);
	return LUP_OK;
}

const struct view_cm_cell *view_commission_cell(const struct view_commission *v, int64_t measure, int64_t org)
{
	struct view_cm_cell key = { .measure = measure, .org = org };

	return bsearch(&key, v->cells, v->ncells, sizeof(*v->cells), cell_cmp);
}
