/* commission.c: the commission matrix (see commission.h). Five reads; the measures are sorted
 * here (numbers compare part by part) and split per report, the cells are kept sorted by
 * (measure, org) for lookup with their measures' reports found here, the administrations'
 * responses are counted among them, and each report's columns come from one pass over the
 * cells. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/collate.h"
#include "core/numfmt.h"
#include "core/err.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/commission.h"

static const char *cs(const struct rowset *rs, int row, int col) { return rs->rows[row][col].s; }
/* The cell as an integer: its number as read (rowset_ic), no parse of its text per call. */
static int64_t ci(const struct rowset *rs, int row, int col) { return rowset_ic(rs, row, col); }

/* digits: the run of decimal digits at *s as strtoul reads it (saturating at ULONG_MAX);
 * moves *s past it. */
static unsigned long digits(const char **s)
{
	unsigned long x = 0;
	const char *p = *s;

	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');
		x = x > (ULONG_MAX - d) / 10 ? ULONG_MAX : x * 10 + d;
	}
	*s = p;
	return x;
}

int view_commission_num_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			unsigned long x = digits(&a), y = digits(&b);
			if (x != y)
				return x < y ? -1 : 1;
		} else {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			a++, b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
}

/* id_text_cmp: x and y compared as their decimal texts compare (strcmp of "%lld"), without
 * writing them: for ids >= 0 the shorter text, scaled to the longer's length, decides, and a
 * tie puts the shorter first ("12" < "120"). Negative ids (never given) compare by their texts. */
static int id_text_cmp(int64_t x, int64_t y)
{
	uint64_t a = (uint64_t)x, b = (uint64_t)y;
	int la = 1, lb = 1;

	if (x < 0 || y < 0) {
		char tx[NUMFMT_SIZE], ty[NUMFMT_SIZE];
		numfmt_long(x, tx);
		numfmt_long(y, ty);
		return strcmp(tx, ty);
	}
	for (uint64_t t = a; t >= 10; t /= 10)
		la++;
	for (uint64_t t = b; t >= 10; t /= 10)
		lb++;
	for (; la < lb; la++)
		if ((a = a * 10) > b)	/* no overflow: a's text is shorter than b's */
			return 1;
	for (; lb < la; lb++)
		if ((b = b * 10) > a)
			return -1;
	if (a != b)
		return a < b ? -1 : 1;
	return (x > y) - (x < y);	/* one text starts the other: the shorter (smaller) first */
}

/* measure_cmp: by number, then by id as text (as the page always ordered them). */
static int measure_cmp(const void *pa, const void *pb)
{
	const struct view_cm_measure *a = *(const struct view_cm_measure *const *)pa;
	const struct view_cm_measure *b = *(const struct view_cm_measure *const *)pb;
	int c = view_commission_num_cmp(a->number, b->number);

	return c ? c : id_text_cmp(a->id, b->id);
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

/* An id with another (a measure's report), for bsearch by id. */
struct id_pair {
	int64_t id, val;
};

static int id_pair_cmp(const void *pa, const void *pb)
{
	const struct id_pair *a = pa, *b = pb;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int id_cmp(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
	return a < b ? -1 : a > b;
}

static void fill_reports(struct arena *a, struct view_commission *v, const struct rowset *reps, const struct rowset *cols)
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
}

/* fill_cells: the responses of cl as cells, each with its measure's report (from ms, the
 * measures' rows); a response whose measure is not among them is left out, as a join would. */
static void fill_cells(struct arena *a, struct view_commission *v, const struct rowset *ms, const struct rowset *cl)
{
	struct id_pair *rep = arena_alloc(a, sizeof(*rep) * (size_t)(ms->nrows + 1)), *m;

	for (int i = 0; i < ms->nrows; i++)
		rep[i] = (struct id_pair){ ci(ms, i, 0), ci(ms, i, 1) };
	qsort(rep, (size_t)ms->nrows, sizeof(*rep), id_pair_cmp);
	v->cells = arena_alloc(a, sizeof(*v->cells) * (size_t)(cl->nrows + 1));
	for (int i = 0; i < cl->nrows; i++) {
		struct id_pair key = { ci(cl, i, 0), 0 };
		if ((m = bsearch(&key, rep, (size_t)ms->nrows, sizeof(*rep), id_pair_cmp)) != NULL)
			v->cells[v->ncells++] = (struct view_cm_cell){ key.id, ci(cl, i, 1), ci(cl, i, 2), m->val,
									cs(cl, i, 3), ci(cl, i, 4) != 0 };
	}
	qsort(v->cells, v->ncells, sizeof(*v->cells), cell_cmp);
}

/* An administration's name and the place of its row, for the order of those that share a
 * place in the document. */
struct named_ix {
	int rank, ix;
};

static int named_ix_cmp(const void *pa, const void *pb)
{
	const struct named_ix *a = pa, *b = pb;
	return a->rank != b->rank ? (a->rank > b->rank) - (a->rank < b->rank) : (a->ix > b->ix) - (a->ix < b->ix);
}

/* order_ties: puts the administrations ad[from..to) (which share their place in the document)
 * in Swedish order of their names, as ORDER BY ord, name COLLATE sv. Returns 0, or -1 when
 * the collation fails. */
static int order_ties(struct arena *a, struct view_cm_admin *ad, size_t from, size_t to)
{
	size_t n = to - from;
	const char **names = arena_alloc(a, sizeof(*names) * n);
	int *rank = arena_alloc(a, sizeof(*rank) * n);
	struct named_ix *k = arena_alloc(a, sizeof(*k) * n);
	struct view_cm_admin *copy = arena_alloc(a, sizeof(*copy) * n);

	for (size_t i = 0; i < n; i++)
		names[i] = ad[from + i].name;
	if (collate_ranks(names, (int)n, rank) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		k[i] = (struct named_ix){ rank[i], (int)i };
		copy[i] = ad[from + i];
	}
	qsort(k, n, sizeof(*k), named_ix_cmp);
	for (size_t i = 0; i < n; i++)
		ad[from + i] = copy[k[i].ix];
	return 0;
}

/* fill_admins: the administrations of ad, each with the number of its responses in cl.
 * Returns 0, or -1 when the collation fails. */
static int fill_admins(struct arena *a, struct view_commission *v, const struct rowset *cl, const struct rowset *ad)
{
	size_t n = (size_t)cl->nrows;
	int64_t *orgs = arena_alloc(a, sizeof(*orgs) * (n + 1));

	for (size_t i = 0; i < n; i++)
		orgs[i] = ci(cl, (int)i, 1);
	qsort(orgs, n, sizeof(*orgs), id_cmp);
	v->nadmins = (size_t)ad->nrows;
	v->admins = arena_alloc(a, sizeof(*v->admins) * (v->nadmins + 1));
	for (int i = 0; i < ad->nrows; i++) {
		int64_t org = ci(ad, i, 0);
		size_t lo = 0, hi = n, k;
		while (lo < hi)		/* the first of org's responses */
			if (orgs[k = lo + (hi - lo) / 2] < org)
				lo = k + 1;
			else
				hi = k;
		for (k = lo; k < n && orgs[k] == org; k++)
			;
		v->admins[i] = (struct view_cm_admin){ cs(ad, i, 1), cs(ad, i, 2), cs(ad, i, 3), ci(ad, i, 4) != 0,
						       cs(ad, i, 5), cs(ad, i, 6), (long)(k - lo) };
	}
	for (int i = 0, j; i < ad->nrows; i = j) {
		for (j = i + 1; j < ad->nrows && ci(ad, j, 7) == ci(ad, i, 7); j++)
			;
		if (j - i > 1 && order_ties(a, v->admins, (size_t)i, (size_t)j) != 0)
			return -1;
	}
	return 0;
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
	fill_reports(a, v, &reps, &cols);
	measures(a, v, &ms);
	fill_cells(a, v, &ms, &cl);
	if (fill_admins(a, v, &cl, &ad) != 0)
		return err_set(e, LUP_EDB, "commission: no Swedish collator");
	columns(a, v);
	return LUP_OK;
}

const struct view_cm_cell *view_commission_cell(const struct view_commission *v, int64_t measure, int64_t org)
{
	struct view_cm_cell key = { .measure = measure, .org = org };

	return bsearch(&key, v->cells, v->ncells, sizeof(*v->cells), cell_cmp);
}
