/* commission.c: the commission matrix (see commission.h). Five reads, each row read by a
 * callback of its own into the view's structs (texts copied, numbers kept as numbers: a rowset
 * would print every number and copy every text); the measures are sorted here (numbers compare
 * part by part) and split per report, the cells are kept sorted by (measure, org) for lookup
 * with their measures' reports found here, the administrations' responses are counted among
 * them, and each report's columns come from one pass over the cells. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/collate.h"
#include "core/numfmt.h"
#include "core/err.h"
#include "store/store.h"
#include "view/commission.h"

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

/* measures: every measure (v->all, as read) sorted, then each report's run of them. */
static void measures(struct arena *a, struct view_commission *v, struct view_cm_measure *all)
{
	struct view_cm_measure **sorted = arena_alloc(a, sizeof(*sorted) * (v->nmeasures + 1));

	for (size_t i = 0; i < v->nmeasures; i++)
		all[i].group = group_of(a, &all[i]);
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

/* fill_cells: the responses read (v->cells, as read) each with its measure's report (from
 * all, the measures as read); a response whose measure is not among them is left out, as a join
 * would; then sorted by (measure, org). */
static void fill_cells(struct arena *a, struct view_commission *v, const struct view_cm_measure *all)
{
	struct id_pair *rep = arena_alloc(a, sizeof(*rep) * (v->nmeasures + 1)), *m;
	size_t n = 0;

	for (size_t i = 0; i < v->nmeasures; i++)
		rep[i] = (struct id_pair){ all[i].id, all[i].report_id };
	qsort(rep, v->nmeasures, sizeof(*rep), id_pair_cmp);
	for (size_t i = 0; i < v->ncells; i++) {
		struct id_pair key = { v->cells[i].measure, 0 };
		if ((m = bsearch(&key, rep, v->nmeasures, sizeof(*rep), id_pair_cmp)) != NULL) {
			v->cells[n] = v->cells[i];
			v->cells[n++].report = m->val;
		}
	}
	v->ncells = n;
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

/* fill_admins: each administration (v->admins, as read, with ord[i] its place in the document)
 * with the number of its responses among the cells (read, before fill_cells drops any), those
 * that share a place in Swedish order of their names. Returns 0, or -1 when the collation
 * fails. */
static int fill_admins(struct arena *a, struct view_commission *v, const int64_t *ord)
{
	size_t n = v->ncells;
	int64_t *orgs = arena_alloc(a, sizeof(*orgs) * (n + 1));

	for (size_t i = 0; i < n; i++)
		orgs[i] = v->cells[i].org;
	qsort(orgs, n, sizeof(*orgs), id_cmp);
	for (size_t i = 0; i < v->nadmins; i++) {
		int64_t org = v->admins[i].responses;	/* the org id, as read */
		size_t lo = 0, hi = n, k;
		while (lo < hi)		/* the first of org's responses */
			if (orgs[k = lo + (hi - lo) / 2] < org)
				lo = k + 1;
			else
				hi = k;
		for (k = lo; k < n && orgs[k] == org; k++)
			;
		v->admins[i].responses = (long)(k - lo);
	}
	for (size_t i = 0, j; i < v->nadmins; i = j) {
		for (j = i + 1; j < v->nadmins && ord[j] == ord[i]; j++)
			;
		if (j - i > 1 && order_ties(a, v->admins, i, j) != 0)
			return -1;
	}
	return 0;
}

/* The reads' state (the callbacks' context). */
struct cm_read {
	struct arena *a;
	struct view_commission *v;
	struct view_cm_measure *all;	/* the measures as read */
	int64_t *ord;			/* per administration: its place in the document */
	int cap[5];			/* room of reports, measures, columns, cells, administrations */
	int bad;			/* a statement gave too few columns */
};

/* text: column i of r copied into the arena (NULL for NULL). */
static const char *text(struct cm_read *x, const struct store_row *r, int i)
{
	return arena_strdup(x->a, store_col_text(r, i));
}

/* stance_key: a stance as one of the program's constant texts (the values the import writes),
 * else copied. */
static const char *stance_key(struct cm_read *x, const struct store_row *r, int i)
{
	static const char *const known[] = { "agree", "positive", "hesitant", "disagree", "none" };
	const char *s = store_col_text(r, i);

	for (size_t k = 0; s && k < sizeof(known) / sizeof(known[0]); k++)
		if (s[0] == known[k][0] && strcmp(s, known[k]) == 0)
			return known[k];
	return arena_strdup(x->a, s);
}

/* grow: room for one more of *n items of elem bytes in *p (cap: x->cap[which]). */
#define GROW(x, p, n, which) ((p) = arena_grow((x)->a, (p), (int)(n), &(x)->cap[which], sizeof(*(p)), 64))

/* read_report: (id, key, title, year) */
static int read_report(void *ctx, const struct store_row *r)
{
	struct cm_read *x = ctx;
	struct view_commission *v = x->v;

	if (store_ncols(r) < 4)
		return x->bad = 1;
	GROW(x, v->reports, v->nreports, 0);
	v->reports[v->nreports++] = (struct view_cm_report){ .id = store_col_int(r, 0), .key = text(x, r, 1),
							     .title = text(x, r, 2), .year = (long)store_col_int(r, 3) };
	return 0;
}

/* read_measure: (id, report_id, number, text, rec_number, rec_text) */
static int read_measure(void *ctx, const struct store_row *r)
{
	struct cm_read *x = ctx;
	const char *number;

	if (store_ncols(r) < 6)
		return x->bad = 1;
	GROW(x, x->all, x->v->nmeasures, 1);
	number = text(x, r, 2);
	x->all[x->v->nmeasures++] = (struct view_cm_measure){ store_col_int(r, 0), store_col_int(r, 1),
		number ? number : "", text(x, r, 3), text(x, r, 4), text(x, r, 5), NULL };
	return 0;
}

/* read_column: (org_id, key, short_name, name) */
static int read_column(void *ctx, const struct store_row *r)
{
	struct cm_read *x = ctx;
	struct view_commission *v = x->v;

	if (store_ncols(r) < 4)
		return x->bad = 1;
	GROW(x, v->columns, v->ncolumns, 2);
	v->columns[v->ncolumns++] = (struct view_cm_column){ store_col_int(r, 0), text(x, r, 1), text(x, r, 2),
							     text(x, r, 3) };
	return 0;
}

/* read_cell: (measure_id, org_id, response_id, stance, no_response); the report found later */
static int read_cell(void *ctx, const struct store_row *r)
{
	struct cm_read *x = ctx;
	struct view_commission *v = x->v;

	if (store_ncols(r) < 5)
		return x->bad = 1;
	GROW(x, v->cells, v->ncells, 3);
	v->cells[v->ncells++] = (struct view_cm_cell){ store_col_int(r, 0), store_col_int(r, 1), store_col_int(r, 2), 0,
						       stance_key(x, r, 3), store_col_int(r, 4) != 0 };
	return 0;
}

/* read_admin: (org_id, key, name, grp, no_response, marker, stance, ord); responses holds the
 * org id until fill_admins counts them */
static int read_admin(void *ctx, const struct store_row *r)
{
	struct cm_read *x = ctx;
	struct view_commission *v = x->v;
	int cap = x->cap[4];

	if (store_ncols(r) < 8)
		return x->bad = 1;
	GROW(x, v->admins, v->nadmins, 4);
	if (x->cap[4] != cap) {
		int64_t *ord = arena_alloc(x->a, sizeof(*ord) * (size_t)x->cap[4]);
		if (v->nadmins)
			memcpy(ord, x->ord, sizeof(*ord) * v->nadmins);
		x->ord = ord;
	}
	x->ord[v->nadmins] = store_col_int(r, 7);
	v->admins[v->nadmins++] = (struct view_cm_admin){ text(x, r, 1), text(x, r, 2), text(x, r, 3),
		store_col_int(r, 4) != 0, text(x, r, 5), text(x, r, 6), (long)store_col_int(r, 0) };
	return 0;
}

int view_commission_load(struct store *st, struct arena *a, struct view_commission *v, struct err *e)
{
	struct cm_read x = { .a = a, .v = v };
	int rc;
	/* the five reads in one go (one round trip on PostgreSQL) */
	const struct store_q q[] = {
		{ STMT_WEB_FOLLOW_REPORTS, NULL, 0, read_report, &x },
		{ STMT_WEB_FOLLOW_MEASURES, NULL, 0, read_measure, &x },
		{ STMT_WEB_FOLLOW_COLUMNS, NULL, 0, read_column, &x },
		{ STMT_WEB_FOLLOW_CELLS, NULL, 0, read_cell, &x },
		{ STMT_WEB_FOLLOW_ADMINS, NULL, 0, read_admin, &x },
	};

	memset(v, 0, sizeof(*v));
	if ((rc = store_query_many(st, q, (int)(sizeof(q) / sizeof(q[0])), e)) != LUP_OK)
		return rc;
	if (x.bad)
		return err_set(e, LUP_EDB, "commission: a statement gave too few columns");
	if (!v->reports)	/* empty lists, never NULL */
		v->reports = arena_alloc(a, sizeof(*v->reports));
	if (!v->columns)
		v->columns = arena_alloc(a, sizeof(*v->columns));
	if (!v->cells)
		v->cells = arena_alloc(a, sizeof(*v->cells));
	if (!v->admins)
		v->admins = arena_alloc(a, sizeof(*v->admins));
	measures(a, v, x.all);
	if (fill_admins(a, v, x.ord) != 0)
		return err_set(e, LUP_EDB, "commission: no Swedish collator");
	fill_cells(a, v, x.all);
	columns(a, v);
	return LUP_OK;
}

const struct view_cm_cell *view_commission_cell(const struct view_commission *v, int64_t measure, int64_t org)
{
	struct view_cm_cell key = { .measure = measure, .org = org };

	return bsearch(&key, v->cells, v->ncells, sizeof(*v->cells), cell_cmp);
}
