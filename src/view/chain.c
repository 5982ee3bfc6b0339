/* chain.c: an organisation's goal chain for a year (see chain.h). Seven reads by (org, year),
 * in two goes (store_query_many: a round trip each on PostgreSQL): the goals (the one read that
 * computes the chain) with the reads that do not need it, then, given the goals' ids, the
 * results, indicators, outcomes and assessments. The results come ordered by the id of
 * their goal; each read becomes a flat array in the arena, and every goal and
 * indicator gets its share as one contiguous run, found through a sorted id index (no scans).
 * The goals, the indicators, the outcomes, the assessments and the activities come unordered
 * and are sorted here (by level, number and key; by goal, ord and key; by indicator, year,
 * period, area and sex; by goal and period; by start and key), in the byte
 * order of the texts that SQLite's ORDER BY gave: SQLite's sorter copied every row into a
 * temporary b-tree. The outcomes name their periods and areas by id; one read gives those
 * ids' years, kinds and keys. The activities come with the ids of the areas they serve (a row
 * per link), kept as the chain's links through the activities' id index. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "store/store.h"
#include "view/chain.h"

/* An id with the index of its row: the index sorted by id. */
struct idix {
	int64_t id;
	size_t ix;
};

/* A read in progress: the rows so far, the arena, and the chain being built. */
struct load {
	struct arena *a;
	struct view_chain *c;
	void *rows;			/* the current read's array */
	int64_t *owner;			/* per row: the id of the goal or indicator it belongs to */
	size_t n, cap, size;		/* rows, capacity, size of a row */
	const int64_t *keep;		/* the outcomes': the periods whose rows are kept (keep_periods) */
	size_t nkeep;
	const int64_t *owners;		/* the indicators' and assessments': the organisations whose */
	size_t nowners;			/* rows are the organisation's own (set_owners) */
	struct load *links;		/* the activities': the load of their district links */
	const struct idix *chain;	/* the indicators': the chain's goals by id (SQLite may give */
	size_t nchain;			/* indicators of other goals: set_chain) */
};

/* grow: room for one more row in l (arrays of 64 rows, then four times as many each time: the
 * old ones stay in the arena; doubling from 32 copied 224 rows of 150 activities, through
 * memcpy's rep movs: 12-25K instructions a view). The row is left as it is: every row callback
 * fills all of its row (a compound literal, zeroed inline where memset was a call per row). */
static void *grow(struct load *l)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 4 : 64;
		void *nr = arena_alloc_raw(l->a, ncap * l->size);
		int64_t *no = arena_alloc_raw(l->a, ncap * sizeof(*no));
		if (l->n) {
			memcpy(nr, l->rows, l->n * l->size);
			memcpy(no, l->owner, l->n * sizeof(*no));
		}
		l->rows = nr;
		l->owner = no;
		l->cap = ncap;
	}
	return (char *)l->rows + l->n++ * l->size;
}

static const char *text(struct load *l, const struct store_row *r, int i)
{
	return arena_strdup(l->a, store_col_text(r, i));
}

/* text_as: column i of r as text() gives it, or prev (the row before's, or NULL) where equal:
 * for the columns of a few values (levels, owners, units, directions, periods), shared rather
 * than copied. */
static const char *text_as(struct load *l, const struct store_row *r, int i, const char *prev)
{
	const char *s = store_col_text(r, i);

	return s && prev && strcmp(s, prev) == 0 ? prev : arena_strdup(l->a, s);
}

/* PREV: field f of the row before the one just grown in l (rows of type T), or NULL. */
#define PREV(l, T, f) ((l)->n > 1 ? ((const T *)(l)->rows)[(l)->n - 2].f : NULL)

/* cell_int: whether column i of r is not NULL, with its integer in *v (one lookup). */
static int cell_int(const struct store_row *r, int i, int64_t *v)
{
	struct store_cell c;

	store_col_cell(r, i, &c);
	if (c.t == SV_NULL)
		return 0;
	*v = c.t == SV_INT ? c.i : store_col_int(r, i);
	return 1;
}

static int idix_cmp(const void *x, const void *y)
{
	const struct idix *p = x, *q = y;
	return p->id < q->id ? -1 : p->id > q->id;
}

/* find: the index of the row with id in the sorted index ix[0..n), or -1. */
static long find(const struct idix *ix, size_t n, int64_t id)
{
	struct idix key = { id, 0 };
	const struct idix *hit = bsearch(&key, ix, n, sizeof(*ix), idix_cmp);
	return hit ? (long)hit->ix : -1;
}

static int goal_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_goal *g = grow(l);

	*g = (struct view_goal){ .id = store_col_int(r, 0), .parent_ix = -1 };
	g->key = text(l, r, 1);
	g->level = text_as(l, r, 2, PREV(l, struct view_goal, level));
	g->number = text(l, r, 3);
	g->name = text(l, r, 4);
	g->owner = text_as(l, r, 5, PREV(l, struct view_goal, owner));
	g->description = text(l, r, 6);
	l->owner[l->n - 1] = store_col_int(r, 7);	/* the parent's id (0: none; its key: link_goals) */
	return 0;
}

static int result_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	const char **t = grow(l);

	l->owner[l->n - 1] = store_col_int(r, 0);
	*t = text(l, r, 1);
	return 0;
}

/* A district link of an activity (from STMT_VC_ACTIVITIES' rows; the activity's id is the
 * owner): the linked area's id. */
struct area_link {
	int64_t area;
};

/* own: whether organisation id is among l's owners (the organisation, its pair, those naming
 * it their pair: a few ids). */
static int own(const struct load *l, int64_t id)
{
	for (size_t i = 0; i < l->nowners; i++)
		if (l->owners[i] == id)
			return 1;
	return 0;
}

static int indicator_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_indicator *in;
	int64_t owner, goal = store_col_int(r, 0);

	if (find(l->chain, l->nchain, goal) < 0)
		return 0;	/* a goal's not in the chain, in the ids' range (STMT_VC_INDICATORS) */
	in = grow(l);
	l->owner[l->n - 1] = goal;
	*in = (struct view_indicator){ .id = store_col_int(r, 1) };
	in->key = text(l, r, 2);
	in->name = text(l, r, 3);
	in->unit = text_as(l, r, 4, PREV(l, struct view_indicator, unit));
	in->direction = text_as(l, r, 5, PREV(l, struct view_indicator, direction));
	in->periodicity = text_as(l, r, 6, PREV(l, struct view_indicator, periodicity));
	in->target = text(l, r, 7);
	in->kf_target = text(l, r, 8);
	in->own = cell_int(r, 9, &owner) && own(l, owner);
	in->ord = store_col_int(r, 10);
	return 0;
}

/* kept: whether period is among l's periods to keep. */
static int kept(const struct load *l, int64_t period)
{
	for (size_t i = 0; i < l->nkeep; i++)
		if (l->keep[i] == period)
			return 1;
	return 0;
}

/* The sexes of an outcome row (STMT_VC_OUTCOMES*: indicator, period, area, sexes, then the
 * values of T, K and M): each sex's bit in sexes (its example bit 3 above it), its value's
 * column, its text; in the order of the texts (by_outcome's). */
static const struct {
	unsigned bit;
	int col;
	const char *text;
} sexes[] = { { 1, 5, "K" }, { 2, 6, "M" }, { 4, 4, "T" } };
#define NSEXES (sizeof(sexes) / sizeof(sexes[0]))

/* An (indicator, period, area) of the outcomes (the indicator is the row's owner): the sexes
 * shown with their example bits (sexes[]' bits), those of them missing (the value NULL), their
 * values in sexes[]' order; the period's year and kind and the area's key (put_keys). */
struct triple {
	int64_t period_id, area_id;
	unsigned shown, missing;
	double value[NSEXES];
	long year;
	const char *period, *area;
};

/* outcome_row: the sexes shown of an (indicator, period, area) of a period to keep (the
 * statements may give other periods between the least and the greatest of those:
 * STMT_VC_OUTCOMES), unless none is shown. expand_outcomes makes an outcome of each; those of
 * indicators the chain did not read (SQLite's statements may give them) are left out by runs. */
static int outcome_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	int64_t period = store_col_int(r, 1), shown;
	struct triple *t;
	struct store_cell c;

	if (!kept(l, period) || ((shown = store_col_int(r, 3)) & 7) == 0)
		return 0;
	t = grow(l);
	l->owner[l->n - 1] = store_col_int(r, 0);
	*t = (struct triple){ .period_id = period, .area_id = store_col_int(r, 2), .shown = (unsigned)shown };
	for (size_t k = 0; k < NSEXES; k++) {
		if (!(t->shown & sexes[k].bit))
			continue;
		/* the schema's CHECK: value is NULL exactly when missing is 1 */
		store_col_cell(r, sexes[k].col, &c);
		if (c.t == SV_NULL)
			t->missing |= sexes[k].bit;
		else
			t->value[k] = c.t == SV_REAL ? c.d : c.t == SV_INT ? (double)c.i : store_col_real(r, sexes[k].col);
	}
	return 0;
}

/* P10: the powers of ten a value's text may divide by (year_value), each a double exactly. */
static const double P10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
			      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

/* value_at: the value whose text starts at *p (STMT_VC_OUTCOMES_YEAR's entries: SQLite's
 * derived_outcome_year, 0073, or PostgreSQL's float8 texts), 0 when it is empty (missing: *p at
 * a blank, ';' or the end), else 1 with *p moved past the text. A decimal "[-]D[.D][e-K]" of at
 * most 15 digits is M / 10^k (M the digits as an integer, k the digits after the point and K):
 * below 2^53 and 10^22 both are doubles exactly and the one division is rounded as strtod rounds
 * the text (SQLite's texts are written where that division gives the value: the migration);
 * anything else (a hexadecimal float, another exponent, inf, NaN, more digits) through strtod,
 * which stops where the text does. */
static int value_at(const char **pp, double *v)
{
	const char *p = *pp, *start = p;
	uint64_t m = 0;
	int digits = 0, k = 0, neg = *p == '-';
	char *end;

	if (*p == ' ' || *p == ';' || *p == '\0')
		return 0;
	for (p += neg; *p >= '0' && *p <= '9'; p++, digits++)
		m = m * 10 + (uint64_t)(*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++, k++)
			m = m * 10 + (uint64_t)(*p - '0');
	if (p[0] == 'e' && p[1] == '-' && p[2] >= '0' && p[2] <= '9')
		k += p[2] - '0', p += 3;
	if ((*p == ' ' || *p == ';' || *p == '\0') && digits > 0 && digits <= 15 && k <= 22) {
		*v = neg ? -((double)m / P10[k]) : (double)m / P10[k];
		*pp = p;
		return 1;
	}
	*v = strtod(start, &end);
	*pp = end > start ? end : start + 1;
	return 1;
}

/* int_at: the decimal integer at *p (0 when none), *p moved past it and one byte after (its
 * blank). */
static int64_t int_at(const char **p)
{
	const char *s = *p;
	uint64_t v = 0;
	int neg = *s == '-';

	for (s += neg; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (uint64_t)(*s - '0');
	*p = *s ? s + 1 : s;
	return neg ? (int64_t)(0 - v) : (int64_t)v;
}

/* seen_has: whether period's shut figures are shown by seen (STMT_VC_OUTCOMES_YEAR's: "*" all,
 * else the periods " id id ... "; NULL none). */
static int seen_has(const char *seen, int64_t period)
{
	if (!seen)
		return 0;
	if (*seen == '*')
		return 1;
	while (*seen == ' ')
		seen++;
	while (*seen) {
		if (int_at(&seen) == period)
			return 1;
		while (*seen == ' ')
			seen++;
	}
	return 0;
}

/* outcome_year_row: an indicator's outcomes of the year in an area (STMT_VC_OUTCOMES_YEAR:
 * indicator, area, seen, e; e's entries "period sexes shut vt vk vm" joined by ';'), a triple
 * per entry of a period to keep with a sex shown, as outcome_row makes of a row each: a shut sex
 * (not public in itself) shown only where seen names the period. One pass over the text. */
static int outcome_year_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	int64_t ind = store_col_int(r, 0), area = store_col_int(r, 1);
	const char *seen = store_col_text(r, 2), *p = store_col_text(r, 3);
	static const int of_field[3] = { 2, 0, 1 };	/* field j (vt vk vm): its sex's index in sexes[] */

	while (p && *p) {
		int64_t period = int_at(&p), shown = int_at(&p), shut = int_at(&p);
		struct triple *t = NULL;

		if (shut && !seen_has(seen, period))
			shown &= ~shut;
		if (kept(l, period) && (shown & 7) != 0) {
			t = grow(l);
			l->owner[l->n - 1] = ind;
			*t = (struct triple){ .period_id = period, .area_id = area, .shown = (unsigned)shown };
		}
		for (int j = 0; j < 3; j++) {	/* the values: each up to a blank, ';' or the end */
			size_t k = (size_t)of_field[j];
			if (t && (t->shown & sexes[k].bit)) {
				if (!value_at(&p, &t->value[k]))
					t->missing |= sexes[k].bit;
			}
			while (*p && *p != ' ' && *p != ';')
				p++;
			if (*p && (j < 2 || *p == ';'))
				p++;
		}
	}
	return 0;
}

/* A period (what 0: year and kind) or an area (what 1: key) the outcomes name by id. */
struct outkey {
	int what;
	int64_t id;
	long year;
	const char *name;
	uint64_t rank;		/* its place among its kind's keys (put_keys) */
};

static int outkey_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct outkey *k = grow(l);

	*k = (struct outkey){ .what = (int)store_col_int(r, 0), .id = store_col_int(r, 1) };
	k->year = (long)store_col_int(r, 2);
	k->name = text(l, r, 3);
	return 0;
}

static int assessment_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_assessment *as = grow(l);
	int64_t org;

	l->owner[l->n - 1] = store_col_int(r, 0);
	as->period = text_as(l, r, 1, PREV(l, struct view_assessment, period));
	as->assessment = text(l, r, 2);
	as->analysis = text(l, r, 3);
	as->report_status = text_as(l, r, 4, PREV(l, struct view_assessment, report_status));
	as->own = cell_int(r, 5, &org) && own(l, org);
	return 0;
}

/* activity_row: an activity with one of its district links (column 9: the area's id, NULL for
 * none), or another link of the activity of the row before (an activity's rows come together:
 * STMT_VC_ACTIVITIES), which only adds the link to l->links. */
static int activity_row(void *ctx, const struct store_row *r)
{
	struct load *l = ctx;
	struct view_activity *ac;
	int64_t id = store_col_int(r, 0), start, area;

	if (cell_int(r, 9, &area)) {
		struct area_link *t = grow(l->links);
		l->links->owner[l->links->n - 1] = id;
		*t = (struct area_link){ area };
	}
	if (l->n && ((struct view_activity *)l->rows)[l->n - 1].id == id)
		return 0;
	ac = grow(l);
	ac->id = id;
	ac->key = text(l, r, 1);
	ac->title = text(l, r, 2);
	ac->role = text_as(l, r, 3, PREV(l, struct view_activity, role));
	ac->status = text_as(l, r, 4, PREV(l, struct view_activity, status));
	ac->start_text = text(l, r, 5);
	ac->end_text = text(l, r, 6);
	ac->goal_id = store_col_int(r, 7);
	ac->areas = NULL;
	ac->goal = -1;
	/* the sort key's first part: the start (YYYYMMDD), unknown last */
	if (!cell_int(r, 8, &start))
		start = INT64_MAX;
	l->owner[l->n - 1] = start;
	return 0;
}

/* A row with the first part of its sort key (its owner's id, or an activity's start). */
struct keyed {
	int64_t k;
	uint64_t k2;		/* the outcomes' triples': period and area as one number (put_keys) */
	const void *row;
};

/* cmp_text: texts in byte order (SQLite's BINARY collation), NULL first. */
static int cmp_text(const char *a, const char *b)
{
	return !a || !b ? (a != NULL) - (b != NULL) : strcmp(a, b);
}

static int cmp_int(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

/* by_triple: by indicator, then year, period and area key (k2's ranks: put_keys); the sexes of
 * each come in their texts' order (expand_outcomes), so that the outcomes are by indicator,
 * year, period, area key and sex (all four make an outcome unique). */
static int by_triple(const void *x, const void *y)
{
	const struct keyed *p = x, *q = y;
	int c = cmp_int(p->k, q->k);

	return c ? c : (p->k2 > q->k2) - (p->k2 < q->k2);
}

/* by_indicator: indicators by goal id, ord and key (unique), as ORDER BY goal_id, ord, key. */
static int by_indicator(const void *x, const void *y)
{
	const struct keyed *p = x, *q = y;
	const struct view_indicator *a = p->row, *b = q->row;
	int c = cmp_int(p->k, q->k);

	if (c || (c = cmp_int(a->ord, b->ord)))
		return c;
	return cmp_text(a->key, b->key);
}

/* by_start: activities by start, unknown last, then by key (unique). */
static int by_start(const void *x, const void *y)
{
	const struct keyed *p = x, *q = y;
	const struct view_activity *a = p->row, *b = q->row;
	int c = cmp_int(p->k, q->k);

	return c ? c : cmp_text(a->key, b->key);
}

/* by_assess: assessments by goal id, then period kind (stable: a goal's of one kind stay in the
 * order they came), as ORDER BY goal_id, kind. */
static int by_assess(const void *x, const void *y)
{
	const struct keyed *p = x, *q = y;
	int c = cmp_int(p->k, q->k);

	return c ? c : cmp_text(((const struct view_assessment *)p->row)->period,
				((const struct view_assessment *)q->row)->period);
}

/* level_rank: a goal level's place: KF's inriktningsmål, verksamhetsområdesmål, nämndmål, others
 * (one compare, with the level its first letter names). */
static int level_rank(const char *level)
{
	static const char *const order[] = { "inriktningsmal", "verksamhetsomradesmal", "namndmal" };
	int i = !level ? 3 : level[0] == 'i' ? 0 : level[0] == 'v' ? 1 : level[0] == 'n' ? 2 : 3;

	return i < 3 && strcmp(level, order[i]) == 0 ? i : 3;
}

/* number_key: a nämndmål's number as SQLite's CAST(number AS INTEGER) reads it (its longest
 * integer prefix after blanks, 0 when none, clamped), 1000000000 when it has none. */
static long long number_key(const char *number)
{
	return number ? strtoll(number, NULL, 10) : 1000000000LL;
}

/* by_goal: goals by level, nämndmål by number, then by key (unique). */
static int by_goal(const void *x, const void *y)
{
	const struct view_goal *a = ((const struct keyed *)x)->row, *b = ((const struct keyed *)y)->row;
	int la = level_rank(a->level), lb = level_rank(b->level);

	if (la != lb)
		return la < lb ? -1 : 1;
	if (la == 2) {
		long long na = number_key(a->number), nb = number_key(b->number);
		if (na != nb)
			return na < nb ? -1 : 1;
	}
	return cmp_text(a->key, b->key);
}

/* A run of rows with the same k (sort_by_runs). */
struct run {
	int64_t k;
	size_t first, n;
};

static int run_cmp(const void *x, const void *y)
{
	const struct run *p = x, *q = y;
	int c = cmp_int(p->k, q->k);

	return c ? c : (p->first > q->first) - (p->first < q->first);
}

/* merge: src's ascending stretches [lo, mid) and [mid, hi) of elements of size bytes as one
 * into dst[lo, hi), the left one's first where cmp finds two equal. */
static void merge(const char *src, char *dst, size_t lo, size_t mid, size_t hi, size_t size,
		  int (*cmp)(const void *, const void *))
{
	size_t i = lo, j = mid, k = lo;

	while (i < mid && j < hi) {
		size_t from = cmp(src + j * size, src + i * size) < 0 ? j++ : i++;
		memcpy(dst + k++ * size, src + from * size, size);
	}
	memcpy(dst + k * size, src + i * size, (mid - i) * size);
	k += mid - i;
	memcpy(dst + k * size, src + j * size, (hi - j) * size);
}

/* view_sort_nearly (chain.h): base[0..n), elements of size bytes, in cmp's order, for rows
 * that come mostly in order (the activities by start, the goals' and activities' ids, the area
 * tree): a natural merge sort, the ascending stretches found in one pass of n - 1 calls of cmp
 * (nothing more where all is in order), then merged in pairs, about n log2(stretches) calls
 * where qsort made about n log2 n and moved every element in each of its passes (the
 * organisation page's qsorts were 0.18M instructions). Stable. */
void view_sort_nearly(struct arena *a, void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *src = base, *dst, *t;
	size_t *st, ns = 1;

	if (n < 2)
		return;
	st = arena_alloc_raw(a, (n + 1) * sizeof(*st));	/* filled below before it is read */
	st[0] = 0;
	for (size_t i = 1; i < n; i++)
		if (cmp(src + (i - 1) * size, src + i * size) > 0)
			st[ns++] = i;
	if (ns == 1)
		return;
	dst = arena_alloc_raw(a, n * size);	/* filled by merge */
	while (ns > 1) {
		size_t m = 0;
		st[ns] = n;
		for (size_t r = 0; r < ns; r += 2) {
			merge(src, dst, st[r], st[r + 1], st[r + 2 <= ns ? r + 2 : ns], size, cmp);
			st[m++] = st[r];
		}
		ns = m;
		t = src, src = dst, dst = t;
	}
	if (src != base)
		memcpy(base, src, n * size);
}

/* RUN_INSERT_MAX: the longest run sort_by_runs sorts by insertion (longer ones: view_sort_nearly). */
#define RUN_INSERT_MAX 32

/* sort_by_runs: kr[0..n) in cmp's order, for a cmp that orders by k first and rows that come
 * in runs of the same k (the outcomes: an indicator's few rows together): the runs put in
 * order of k (already so, as a rule), then each run's rows by insertion, where a sort made
 * n log n calls of cmp. Rows that come mostly one per run (the outcomes read by period and
 * area: a few stretches ascending in k) are merged as they are (view_sort_nearly). */
static void sort_by_runs(struct arena *a, struct keyed *kr, size_t n, int (*cmp)(const void *, const void *))
{
	size_t nr = 0, sorted = 1;
	struct run *r;

	for (size_t i = 0; i < n; i++)
		nr += i == 0 || kr[i].k != kr[i - 1].k;
	if (nr > n / 2) {
		view_sort_nearly(a, kr, n, sizeof(*kr), cmp);
		return;
	}
	r = arena_alloc_raw(a, (nr ? nr : 1) * sizeof(*r));	/* filled below */
	nr = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || kr[i].k != kr[i - 1].k) {
			sorted &= nr == 0 || r[nr - 1].k < kr[i].k;
			r[nr++] = (struct run){ kr[i].k, i, 0 };
		}
		r[nr - 1].n++;
	}
	if (!sorted) {
		struct keyed *tmp = arena_alloc_raw(a, n * sizeof(*tmp));	/* filled below */
		size_t m = 0;
		view_sort_nearly(a, r, nr, sizeof(*r), run_cmp);
		for (size_t i = 0; i < nr; i++) {
			memcpy(tmp + m, kr + r[i].first, r[i].n * sizeof(*tmp));
			m += r[i].n;
		}
		memcpy(kr, tmp, n * sizeof(*kr));
	}
	for (size_t i = 0, end; i < n; i = end) {	/* runs of the same k, joined where they were apart */
		for (end = i + 1; end < n && kr[end].k == kr[i].k; end++)
			;
		if (end - i > RUN_INSERT_MAX) {
			view_sort_nearly(a, kr + i, end - i, sizeof(*kr), cmp);
			continue;
		}
		for (size_t x = i + 1; x < end; x++) {
			struct keyed v = kr[x];
			size_t y = x;
			for (; y > i && cmp(&kr[y - 1], &v) > 0; y--)
				kr[y] = kr[y - 1];
			kr[y] = v;
		}
	}
}

/* sort_rows: sorts l's rows, with their owner entries, by cmp (which sees struct keyed, with
 * k2[i] for row i, or 0 when k2 is NULL); by runs of the same owner (sort_by_runs) when
 * runs is set and cmp orders by k first. Rows already in order stay where they are (the
 * goals, as a rule: each a copy of 150 bytes). */
static void sort_rows(struct load *l, int (*cmp)(const void *, const void *), const uint64_t *k2, int runs)
{
	size_t n = l->n ? l->n : 1, moved = 0;
	/* each filled below before it is read */
	struct keyed *kr = arena_alloc_raw(l->a, n * sizeof(*kr));
	char *rows;
	int64_t *owner;

	for (size_t i = 0; i < l->n; i++)
		kr[i] = (struct keyed){ l->owner[i], k2 ? k2[i] : 0, (const char *)l->rows + i * l->size };
	if (runs)
		sort_by_runs(l->a, kr, l->n, cmp);
	else
		view_sort_nearly(l->a, kr, l->n, sizeof(*kr), cmp);
	for (size_t i = 0; i < l->n && !moved; i++)
		moved = kr[i].row != (const char *)l->rows + i * l->size;
	if (!moved)
		return;
	rows = arena_alloc_raw(l->a, n * l->size);	/* filled below */
	owner = arena_alloc_raw(l->a, n * sizeof(*owner));
	for (size_t i = 0; i < l->n; i++) {
		memcpy(rows + i * l->size, kr[i].row, l->size);
		owner[i] = kr[i].k;
	}
	l->rows = rows;
	l->owner = owner;
}

/* runs: calls fn(owner index, first row, count) once per run of rows in l with the same owner
 * id that ix knows (rows are ordered by owner; owners unknown to ix are skipped). */
static void runs(struct load *l, const struct idix *ix, size_t nix, void *ctx,
		 void (*fn)(void *ctx, long owner, size_t first, size_t n))
{
	for (size_t i = 0, end; i < l->n; i = end) {
		for (end = i + 1; end < l->n && l->owner[end] == l->owner[i]; end++)
			;
		long o = find(ix, nix, l->owner[i]);
		if (o >= 0)
			fn(ctx, o, i, end - i);
	}
}

/* The chain's reads, each into its own load. */
enum { L_GOALS, L_RESULTS, L_INDS, L_OUTS, L_KEYS, L_ASSESS, L_ACTS, L_AREAS, L__MAX };

/* A read's arguments: (org, year), (org, year, area), (goal ids, lo, hi), (year, goal ids, lo,
 * hi), (org, year, goal ids), (area, year, goal ids); the goal ids are the chain's (ids_text),
 * lo and hi their range or NULL (chain_ids), given in the second go. */
enum args { A_OY, A_OYA, A_I, A_YI, A_OYI, A_AYI };

static const struct {
	enum stmt s;
	size_t size;
	store_row_fn fn;
	enum args args;
} reads[L__MAX] = {
	[L_GOALS] = { STMT_VC_GOALS, sizeof(struct view_goal), goal_row, A_OY },
	[L_RESULTS] = { STMT_VC_RESULTS, sizeof(const char *), result_row, A_I },
	[L_INDS] = { STMT_VC_INDICATORS, sizeof(struct view_indicator), indicator_row, A_YI },
	[L_OUTS] = { STMT_VC_OUTCOMES, sizeof(struct triple), outcome_row, A_OYI },
	/* the outcomes' periods and areas (org, year, area) */
	[L_KEYS] = { STMT_VC_OUTCOME_KEYS, sizeof(struct outkey), outkey_row, A_OYA },
	[L_ASSESS] = { STMT_VC_ASSESSMENTS, sizeof(struct view_assessment), assessment_row, A_YI },
	[L_ACTS] = { STMT_VC_ACTIVITIES, sizeof(struct view_activity), activity_row, A_OY },
	/* the activities' district links, read with them (activity_row) */
	[L_AREAS] = { STMT__MAX, sizeof(struct area_link), NULL, A_OY },
};

/* The reads of the second go: those given the chain's goal ids. */
static int by_ids(int i)
{
	return reads[i].args >= A_I;
}

/* The chain's loader state: the reads' rows, and the id indexes built from them. */
struct build {
	struct load l[L__MAX];
	struct view_chain *c;
	struct idix *goal_ix, *act_ix;
};

static struct idix *index_of(struct arena *a, size_t n, const void *rows, size_t size, size_t id_off)
{
	struct idix *ix = arena_alloc_raw(a, (n ? n : 1) * sizeof(*ix));	/* filled below */

	for (size_t i = 0; i < n; i++) {
		memcpy(&ix[i].id, (const char *)rows + i * size + id_off, sizeof(int64_t));
		ix[i].ix = i;
	}
	view_sort_nearly(a, ix, n, sizeof(*ix), idix_cmp);
	return ix;
}

static void set_results(void *ctx, long g, size_t first, size_t n)
{
	struct build *b = ctx;
	b->c->goals[g].results = (const char **)b->l[L_RESULTS].rows + first;
	b->c->goals[g].nresults = n;
}

static void set_inds(void *ctx, long g, size_t first, size_t n)
{
	struct build *b = ctx;
	b->c->goals[g].inds = (struct view_indicator *)b->l[L_INDS].rows + first;
	b->c->goals[g].ninds = n;
}

static void set_assess(void *ctx, long g, size_t first, size_t n)
{
	struct build *b = ctx;
	b->c->goals[g].assess = (struct view_assessment *)b->l[L_ASSESS].rows + first;
	b->c->goals[g].nassess = n;
}

/* The outcomes' statement per enum view_chain_outs (VIEW_OUTS_AREA's takes the area too). */
static const enum stmt outs_stmt[] = {
	[VIEW_OUTS_ALL] = STMT_VC_OUTCOMES,
	[VIEW_OUTS_YEAR] = STMT_VC_OUTCOMES_YEAR,
	[VIEW_OUTS_AREA] = STMT_VC_OUTCOMES_AREA,
};

/* key_less: whether period or area key a comes before b in the outcomes' order (periods by
 * year and kind, areas by key; texts in byte order, NULL first). */
static int key_less(const struct outkey *a, const struct outkey *b)
{
	int c = a->year < b->year ? -1 : a->year > b->year;

	return (c ? c : cmp_text(a->name, b->name)) < 0;
}

/* key_rank: k's place among the keys of its kind in ks[0..n): twice the number of distinct
 * places before it, and one more when k is among them (so that a key not read, as an outcome
 * whose period or area was not found has, still falls between its neighbours). */
static uint64_t key_rank(const struct outkey *ks, size_t n, const struct outkey *k, int found)
{
	uint64_t before = 0;

	for (size_t j = 0; j < n; j++)
		if (ks[j].what == k->what && key_less(&ks[j], k)) {
			size_t d = 0;	/* counted once per distinct place: at its first key */
			while (d < j && !(ks[d].what == k->what && !key_less(&ks[d], &ks[j]) && !key_less(&ks[j], &ks[d])))
				d++;
			before += d == j;
		}
	return before * 2 + (found != 0);
}

/* key_at: the index in k[0..n) of the key of kind what with id, or -1; *last (the index the
 * previous call found, or -1) is tried first: an indicator's outcomes come by area and period,
 * so that most rows name the key the row before them named. */
static long key_at(const struct outkey *k, size_t n, int what, int64_t id, long *last)
{
	if (*last >= 0 && k[*last].id == id && k[*last].what == what)
		return *last;
	for (size_t j = 0; j < n; j++)
		if (k[j].what == what && k[j].id == id)
			return *last = (long)j;
	return -1;
}

/* put_keys: each triple's year, period kind and area key from the keys read (a few periods
 * and areas, each id once: key_at), and in k2[i] triple i's period and area as one number
 * that orders them as by_triple's fields did one by one: the period's rank (year, kind), the
 * area's rank (key). */
static void put_keys(struct load *outs, struct load *keys, uint64_t *k2)
{
	struct outkey *k = keys->rows;
	struct triple *t = outs->rows;
	const struct outkey none[2] = { { 0, 0, 0, NULL, 0 }, { 1, 0, 0, NULL, 0 } };
	uint64_t none_rank[2];
	long lp = -1, la = -1;

	for (size_t j = 0; j < keys->n; j++)
		k[j].rank = key_rank(k, keys->n, &k[j], 1);
	for (int w = 0; w < 2; w++)
		none_rank[w] = key_rank(k, keys->n, &none[w], 0);
	for (size_t i = 0; i < outs->n; i++) {
		uint64_t pr = none_rank[0], ar = none_rank[1];
		long p = key_at(k, keys->n, 0, t[i].period_id, &lp), a = key_at(k, keys->n, 1, t[i].area_id, &la);
		if (p >= 0) {
			t[i].year = k[p].year;
			t[i].period = k[p].name;
			pr = k[p].rank;
		}
		if (a >= 0) {
			t[i].area = k[a].name;
			ar = k[a].rank;
		}
		k2[i] = pr << 40 | ar << 16;
	}
}

/* ind_slots: in slot[i], the index among the indicators inds[0..ni) of the indicator owner[i]
 * (an outcome triple's), -1 for an indicator the chain did not read (SQLite's ranges by period
 * and area give them: dropped). A table by id where the indicators' ids lie close together (a
 * plan's, made together), else a binary search of their index by id. */
static void ind_slots(struct arena *a, const struct view_indicator *inds, size_t ni, const int64_t *owner,
		      size_t n, long *slot)
{
	int64_t lo = ni ? inds[0].id : 0, hi = lo;
	struct idix *ix;

	for (size_t i = 1; i < ni; i++) {
		lo = inds[i].id < lo ? inds[i].id : lo;
		hi = inds[i].id > hi ? inds[i].id : hi;
	}
	if (ni && (uint64_t)hi - (uint64_t)lo < 4 * (uint64_t)ni + 64) {
		size_t span = (size_t)((uint64_t)hi - (uint64_t)lo) + 1;
		long *by_id = arena_alloc_raw(a, span * sizeof(*by_id));	/* filled below */
		for (size_t j = 0; j < span; j++)
			by_id[j] = -1;
		for (size_t j = 0; j < ni; j++)
			by_id[inds[j].id - lo] = (long)j;
		for (size_t i = 0; i < n; i++)
			slot[i] = owner[i] >= lo && owner[i] <= hi ? by_id[owner[i] - lo] : -1;
		return;
	}
	ix = index_of(a, ni, inds, sizeof(*inds), offsetof(struct view_indicator, id));
	for (size_t i = 0; i < n; i++)
		slot[i] = i && owner[i] == owner[i - 1] ? slot[i - 1] : find(ix, ni, owner[i]);
}

/* sort_bucket: kr[0..n) (the triples of one indicator) by k2 (by_triple's order within an
 * indicator): by insertion, as they mostly come in order (a few periods and areas). */
static void sort_bucket(struct arena *a, struct keyed *kr, size_t n)
{
	if (n > RUN_INSERT_MAX) {
		view_sort_nearly(a, kr, n, sizeof(*kr), by_triple);
		return;
	}
	for (size_t x = 1; x < n; x++) {
		struct keyed v = kr[x];
		size_t y = x;
		for (; y > 0 && kr[y - 1].k2 > v.k2; y--)
			kr[y] = kr[y - 1];
		kr[y] = v;
	}
}

/* group_outcomes: the triples (L_OUTS; k2: put_keys) of each indicator of the chain (L_INDS,
 * sorted) in by_triple's order, each made into an outcome per sex shown, in sexes[]' order, and
 * given to its indicator (outs, nouts); triples of indicators not read are dropped. The triples
 * are put in their indicators' buckets by counting (stable), then each bucket sorted alone:
 * sorting all of them by indicator merged the six ranges the statement read (a sort of 242
 * triples, 80K instructions a chain). */
static void group_outcomes(struct build *b, const uint64_t *k2)
{
	struct load *l = &b->l[L_OUTS];
	struct view_indicator *inds = b->l[L_INDS].rows;
	size_t ni = b->l[L_INDS].n, n = l->n ? l->n : 1, nouts = 0;
	long *slot = arena_alloc_raw(l->a, n * sizeof(*slot));	/* filled by ind_slots */
	size_t *at = arena_alloc(l->a, (ni + 1) * sizeof(*at));	/* per indicator: its first triple */
	struct keyed *kr = arena_alloc_raw(l->a, n * sizeof(*kr));	/* filled below */
	struct view_outcome *o;

	ind_slots(l->a, inds, ni, l->owner, l->n, slot);
	for (size_t i = 0; i < l->n; i++) {
		const struct triple *t = (const struct triple *)l->rows + i;
		if (slot[i] < 0)
			continue;
		at[slot[i] + 1]++;
		nouts += (t->shown & 1) + (t->shown >> 1 & 1) + (t->shown >> 2 & 1);
	}
	for (size_t j = 0; j < ni; j++)
		at[j + 1] += at[j];
	for (size_t i = 0; i < l->n; i++)
		if (slot[i] >= 0)
			kr[at[slot[i]]++] = (struct keyed){ l->owner[i], k2[i], (const struct triple *)l->rows + i };
	o = arena_alloc_raw(l->a, (nouts ? nouts : 1) * sizeof(*o));	/* filled below */
	nouts = 0;
	for (size_t j = 0, first = 0; j < ni; first = at[j++]) {	/* at[j]: now bucket j's end */
		size_t from = nouts;
		sort_bucket(l->a, kr + first, at[j] - first);
		for (size_t i = first; i < at[j]; i++) {
			const struct triple *t = kr[i].row;
			for (size_t k = 0; k < NSEXES; k++) {
				unsigned bit = sexes[k].bit;
				if (!(t->shown & bit))
					continue;
				o[nouts++] = (struct view_outcome){
					.area_id = t->area_id, .period_id = t->period_id, .year = t->year,
					.period = t->period, .area = t->area, .sex = sexes[k].text,
					.value = (t->missing & bit) ? NAN : t->value[k], .missing = (t->missing & bit) != 0,
					.example = (t->shown & bit << 3) != 0,
				};
			}
		}
		if (nouts > from) {
			inds[j].outs = o + from;
			inds[j].nouts = nouts - from;
		}
	}
}

/* The VIEW_SKIP_* flag that leaves each read out (0: always read). */
static const unsigned skipped_by[L__MAX] = {
	[L_RESULTS] = VIEW_SKIP_RESULTS,
	[L_ACTS] = VIEW_SKIP_ACTS,
	[L_AREAS] = VIEW_SKIP_ACTS,
};

/* ids_text: the ids of the goals read, from their index ix[0..n) (by id), decimal, ascending,
 * joined by commas, in a: the statements given them may read the range from the first to the
 * last (stmt-view-chain.h). */
static const char *ids_text(struct arena *a, const struct idix *ix, size_t n)
{
	char *s = arena_alloc_raw(a, n * 21 + 1), *p = s;	/* filled below */

	for (size_t i = 0; i < n; i++) {
		char d[20];
		uint64_t v = (uint64_t)ix[i].id;
		int k = 0;
		if (i)
			*p++ = ',';
		if (ix[i].id < 0) {
			*p++ = '-';
			v = 0 - v;
		}
		do
			d[k++] = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		while (k)
			*p++ = d[--k];
	}
	*p = '\0';
	return s;
}

/* go: one store_query_many of the reads in l[] whose second-go flag is second (the outcomes as
 * opts asks; those it skips left unread) and, in the first go, the caller's nmore. args holds
 * org, year, the goal ids and the area. */
static int go(struct store *st, struct build *b, const struct view_chain_opts *opts, int second,
	      const struct sval *args, const struct store_q *more, int nmore, struct err *e)
{
	struct sval oya[] = { args[0], args[1], args[5] }, ayi[] = { args[5], args[1], args[2] };
	const struct { const struct sval *v; int n; } by[] = {
		[A_OY] = { args, 2 }, [A_OYA] = { oya, 3 },
		[A_I] = { args + 2, 3 }, [A_YI] = { args + 1, 4 }, [A_OYI] = { args, 3 }, [A_AYI] = { ayi, 3 },
	};
	struct store_q q[L__MAX + VIEW_CHAIN_MORE_MAX];
	int n = 0;

	for (int i = 0; i < L__MAX; i++) {
		enum args k = reads[i].args;
		if (!reads[i].fn || (opts->skip & skipped_by[i]) || by_ids(i) != second)
			continue;
		if (i == L_OUTS && opts->outs == VIEW_OUTS_AREA)
			k = A_AYI;
		q[n++] = (struct store_q){ i == L_OUTS ? outs_stmt[opts->outs] : reads[i].s, by[k].v, by[k].n,
					   i == L_OUTS && opts->outs == VIEW_OUTS_YEAR ? outcome_year_row : reads[i].fn,
					   &b->l[i] };
	}
	for (int i = 0; !second && i < nmore; i++)
		q[n++] = more[i];
	return store_query_many(st, q, n, e);
}

/* keep_periods: the periods whose outcomes l (L_OUTS) keeps, from the keys read (L_KEYS: the
 * periods of the year and the year before): the year's, and the year before's full year (FY)
 * unless outs is VIEW_OUTS_YEAR. */
static void keep_periods(struct load *l, const struct load *keys, long year, enum view_chain_outs outs)
{
	const struct outkey *k = keys->rows;
	int64_t *keep = arena_alloc_raw(l->a, (keys->n ? keys->n : 1) * sizeof(*keep));	/* filled below */

	l->nkeep = 0;
	for (size_t i = 0; i < keys->n; i++)
		if (k[i].what == 0 && (k[i].year == year || (outs != VIEW_OUTS_YEAR && k[i].year == year - 1 &&
							     k[i].name && strcmp(k[i].name, "FY") == 0)))
			keep[l->nkeep++] = k[i].id;
	l->keep = keep;
}

/* set_owners: the organisations whose indicators and assessments are the organisation's own
 * (L_KEYS' what 2: the organisation, its pair, those naming it their pair), for their rows. */
static void set_owners(struct build *b)
{
	const struct load *keys = &b->l[L_KEYS];
	const struct outkey *k = keys->rows;
	int64_t *owners = arena_alloc_raw(keys->a, (keys->n ? keys->n : 1) * sizeof(*owners));	/* filled below */
	size_t n = 0;

	for (size_t i = 0; i < keys->n; i++)
		if (k[i].what == 2)
			owners[n++] = k[i].id;
	b->l[L_INDS].owners = b->l[L_ASSESS].owners = owners;
	b->l[L_INDS].nowners = b->l[L_ASSESS].nowners = n;
}

/* chain_ids: the goals' ids for the second go's reads (args[2]; their least and greatest in
 * args[3] and args[4] where the range holds at most twice as many ids: the statements may read
 * it, and give other goals' rows, stmt-view-chain.h) and for the indicators' (which drop those
 * rows: the results' and assessments' are dropped by runs). */
static void chain_ids(struct build *b, struct sval *args)
{
	struct load *g = &b->l[L_GOALS];
	size_t n = g->n;
	struct idix *ix = index_of(g->a, n, g->rows, sizeof(struct view_goal), offsetof(struct view_goal, id));

	args[2] = SVS(ids_text(g->a, ix, n));
	if ((uint64_t)ix[n - 1].id - (uint64_t)ix[0].id < 2 * (uint64_t)n) {
		args[3] = SVI(ix[0].id);
		args[4] = SVI(ix[n - 1].id);
	}
	b->l[L_INDS].chain = ix;
	b->l[L_INDS].nchain = n;
}

/* read_all: the reads (the outcomes as opts asks; those it skips left empty) and the caller's
 * nmore, each of the reads into its load: first the goals with the reads that do not need the
 * chain, then, when there are goals, those given their ids (a round trip each on PostgreSQL;
 * on SQLite the chain is computed once, not in each of four or five statements). */
static int read_all(struct store *st, struct arena *a, struct build *b, const struct view_chain_opts *opts,
		    const struct store_q *more, int nmore, struct err *e)
{
	struct sval args[] = { SVI(b->c->org), SVI(b->c->year), SVS(""), SVNULL, SVNULL, SVI(opts->area_id) };
	int rc;

	if (nmore < 0 || nmore > VIEW_CHAIN_MORE_MAX)
		return err_set(e, LUP_EDB, "view_chain_more: %d other reads (at most %d)", nmore, VIEW_CHAIN_MORE_MAX);
	if ((unsigned)opts->outs >= sizeof(outs_stmt) / sizeof(outs_stmt[0]))
		return err_set(e, LUP_EDB, "view_chain_more: unknown outcomes %d", (int)opts->outs);
	for (int i = 0; i < L__MAX; i++)
		b->l[i] = (struct load){ .a = a, .c = b->c, .size = reads[i].size };
	b->l[L_ACTS].links = &b->l[L_AREAS];
	if ((rc = go(st, b, opts, 0, args, more, nmore, e)) != LUP_OK || !b->l[L_GOALS].n)
		return rc;
	chain_ids(b, args);
	keep_periods(&b->l[L_OUTS], &b->l[L_KEYS], b->c->year, opts->outs);
	set_owners(b);
	return go(st, b, opts, 1, args, NULL, 0, e);
}

/* link_goals: the chain's goals, each with its parent's index and key (the parent is in the
 * chain: the goals above a goal are all read, VC_GOALS). */
static void link_goals(struct build *b)
{
	struct view_chain *c = b->c;
	struct load *l = &b->l[L_GOALS];

	c->goals = l->rows;
	c->ngoals = l->n;
	b->goal_ix = index_of(l->a, c->ngoals, c->goals, sizeof(*c->goals), offsetof(struct view_goal, id));
	for (size_t i = 0; i < c->ngoals; i++) {
		c->goals[i].parent_ix = l->owner[i] ? (int)find(b->goal_ix, c->ngoals, l->owner[i]) : -1;
		if (c->goals[i].parent_ix >= 0)
			c->goals[i].parent = c->goals[c->goals[i].parent_ix].key;
	}
}

static void link_indicators(struct build *b)
{
	struct load *l = &b->l[L_INDS];

	runs(l, b->goal_ix, b->c->ngoals, b, set_inds);
}

/* link_acts: the activities with their districts, each goal's list of them. */
static void link_acts(struct build *b)
{
	struct view_chain *c = b->c;
	struct load *l = &b->l[L_ACTS], *ar = &b->l[L_AREAS];

	c->acts = l->rows;
	c->nacts = l->n;
	b->act_ix = index_of(l->a, c->nacts, c->acts, sizeof(*c->acts), offsetof(struct view_activity, id));
	c->links = arena_alloc(l->a, (ar->n ? ar->n : 1) * sizeof(*c->links));
	for (size_t k = 0; k < ar->n; k++) {
		long i = find(b->act_ix, c->nacts, ar->owner[k]);
		const struct area_link *x = &((const struct area_link *)ar->rows)[k];
		if (i < 0)
			continue;
		c->links[c->nlinks++] = (struct view_act_link){ (size_t)i, x->area };
	}
	for (size_t i = 0; i < c->nacts; i++) {
		long g = c->acts[i].goal_id ? find(b->goal_ix, c->ngoals, c->acts[i].goal_id) : -1;
		c->acts[i].goal = (int)g;
		if (g >= 0)
			c->goals[g].nacts++;
	}
	for (size_t g = 0; g < c->ngoals; g++) {
		c->goals[g].acts = arena_alloc(l->a, (c->goals[g].nacts ? c->goals[g].nacts : 1) * sizeof(size_t));
		c->goals[g].nacts = 0;
	}
	for (size_t i = 0; i < c->nacts; i++)
		if (c->acts[i].goal >= 0) {
			struct view_goal *g = &c->goals[c->acts[i].goal];
			g->acts[g->nacts++] = i;
		}
}

int view_chain_more(struct store *st, struct arena *a, int64_t org, long year, struct view_chain *c,
		    const struct view_chain_opts *opts, const struct store_q *more, int nmore, struct err *e)
{
	static const struct view_chain_opts all = { VIEW_OUTS_ALL, 0, 0 };
	struct build b = { .c = c };
	uint64_t *k2;
	int rc;

	memset(c, 0, sizeof(*c));
	c->org = org;
	c->year = year;
	if ((rc = read_all(st, a, &b, opts ? opts : &all, more, nmore, e)) != LUP_OK)
		return rc;
	k2 = arena_alloc_raw(a, (b.l[L_OUTS].n ? b.l[L_OUTS].n : 1) * sizeof(*k2));	/* put_keys fills it */
	sort_rows(&b.l[L_GOALS], by_goal, NULL, 0);
	sort_rows(&b.l[L_INDS], by_indicator, NULL, 1);
	put_keys(&b.l[L_OUTS], &b.l[L_KEYS], k2);
	group_outcomes(&b, k2);
	sort_rows(&b.l[L_ASSESS], by_assess, NULL, 1);
	sort_rows(&b.l[L_ACTS], by_start, NULL, 0);
	link_goals(&b);
	runs(&b.l[L_RESULTS], b.goal_ix, c->ngoals, &b, set_results);
	link_indicators(&b);
	runs(&b.l[L_ASSESS], b.goal_ix, c->ngoals, &b, set_assess);
	link_acts(&b);
	return LUP_OK;
}

int view_chain_load(struct store *st, struct arena *a, int64_t org, long year, struct view_chain *c,
		    struct err *e)
{
	return view_chain_more(st, a, org, year, c, NULL, NULL, 0, e);
}

int view_chain_goal(const struct view_chain *c, const char *key)
{
	for (size_t i = 0; key && i < c->ngoals; i++)
		if (strcmp(c->goals[i].key, key) == 0)
			return (int)i;
	return -1;
}
