/* city.c: the city overview (see city.h). Six or seven reads whatever the number of districts,
 * indicators or organisations; the choices (indicator, year, period) are made here from what
 * was read, so that the page, an export and a test make them alike. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/collate.h"
#include "core/err.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/city.h"

/* ---- reading rows ---------------------------------------------------------------------- */

static const char *cell(const struct rowset *rs, int i, const char *col)
{
	int c = rowset_col(rs, col);

	return c < 0 || i < 0 || i >= rs->nrows ? NULL : rs->rows[i][c].s;
}

static long long cell_int(const struct rowset *rs, int i, const char *col)
{
	const char *s = cell(rs, i, col);

	return s ? strtoll(s, NULL, 10) : 0;
}

/* The load's store, arena and error. */
struct ctx {
	struct store *st;
	struct arena *a;
	struct err *e;
	int last;	/* view_city_args.last */
};

static enum model_period_kind kind_of(const char *k)
{
	return k && strcmp(k, "T1") == 0 ? MODEL_PERIOD_T1 : k && strcmp(k, "T2") == 0 ? MODEL_PERIOD_T2 : MODEL_PERIOD_FY;
}

/* ---- what is read ------------------------------------------------------------------------ */

/* room: makes room in *p (n used of *cap elements of size bytes, in the arena) for one more;
 * the reads below keep their rows as numbers and texts in arrays of their own, where a rowset
 * would print each number and keep a cell per column. */
static void room(struct arena *a, void **p, int n, int *cap, size_t size)
{
	if (n < *cap)
		return;
	int ncap = *cap ? *cap * 2 : 64;
	void *np = arena_alloc_raw(a, size * (size_t)ncap);
	if (n)
		memcpy(np, *p, size * (size_t)n);
	*p = np;
	*cap = ncap;
}

/* An indicator of STMT_WEB_CITY_INDICATORS (id, key, name, unit, direction). */
struct ind_rec {
	int64_t id;
	const char *key, *name, *unit, *direction;
};

/* The full years with district figures of each indicator, (year, indicator id), as numbers:
 * from the years of STMT_WEB_CITY_INDICATORS' rows and the rows of STMT_WEB_CITY_INDICATOR_YEARS
 * (collect_year's context). */
struct year_ids {
	struct arena *a;
	struct year_id {
		long year;
		int64_t id;
		int k;		/* the indicator's place in STMT_WEB_CITY_INDICATORS' rows, -1: found by id */
	} *p;
	int n, cap, ncols;
	int by_id;	/* rows with k -1 */
};

static void add_year(struct year_ids *y, long year, int64_t id, int k)
{
	room(y->a, (void **)&y->p, y->n, &y->cap, sizeof(*y->p));
	y->p[y->n++] = (struct year_id){ year, id, k };
	y->by_id += k < 0;
}

/* add_years: the years of the indicator id (at place k) in text (years separated by spaces, or
 * NULL) added to y. */
static void add_years(struct year_ids *y, int64_t id, int k, const char *text)
{
	for (const char *s = text; s && *s;) {
		long year = 0;
		if (*s < '0' || *s > '9') {
			s++;
			continue;
		}
		while (*s >= '0' && *s <= '9' && year < 100000)
			year = year * 10 + (*s++ - '0');
		add_year(y, year, id, k);
	}
}

/* The indicators as read (collect_ind's context), their years into ys. */
struct ind_recs {
	struct arena *a;
	struct ind_rec *p;
	int n, cap, ncols;
	struct year_ids *ys;
	char last[128];		/* the last row's years text, "" for none or one too long to keep */
	long last_years[32];	/* its years, as add_years read them */
	int nlast;
};

/* ind_years: the years (text) of the indicator id at place k into l->ys; a text equal to the
 * last row's (most indicators have the same years) takes that row's years without reading it. */
static void ind_years(struct ind_recs *l, int64_t id, int k, const char *text, size_t len)
{
	struct year_ids *y = l->ys;
	int from = y->n;

	if (text && len && *l->last && strcmp(text, l->last) == 0) {
		for (int j = 0; j < l->nlast; j++)
			add_year(y, l->last_years[j], id, k);
		return;
	}
	add_years(y, id, k, text);
	l->last[0] = '\0';
	if (!text || len >= sizeof(l->last) || y->n - from > (int)(sizeof(l->last_years) / sizeof(l->last_years[0])))
		return;
	memcpy(l->last, text, len + 1);
	l->nlast = y->n - from;
	for (int j = 0; j < l->nlast; j++)
		l->last_years[j] = y->p[from + j].year;
}

/* direction_of: the direction's text as one of the literals it may be, else copied into a */
static const char *direction_of(struct arena *a, const struct store_cell *c)
{
	static const char *const dirs[] = { "higher", "lower", "none" };

	for (size_t k = 0; c->s && k < sizeof(dirs) / sizeof(dirs[0]); k++)
		if (strcmp(c->s, dirs[k]) == 0)
			return dirs[k];
	return c->s ? arena_strndup(a, c->s, c->len) : NULL;
}

/* texts_dup: the texts of cells (n of them, each NULL or text) copied into one allocation of a,
 * their copies (NULL for NULL) into out. */
static void texts_dup(struct arena *a, const struct store_cell *cells, int n, const char **out)
{
	size_t len = 0;

	for (int k = 0; k < n; k++)
		len += cells[k].s ? cells[k].len + 1 : 0;
	char *p = arena_alloc_raw(a, len + 1);
	for (int k = 0; k < n; k++) {
		out[k] = NULL;
		if (!cells[k].s)
			continue;
		memcpy(p, cells[k].s, cells[k].len);
		p[cells[k].len] = '\0';
		out[k] = p;
		p += cells[k].len + 1;
	}
}

/* collect_ind: a row of STMT_WEB_CITY_INDICATORS (id, key, name, unit, direction, years). */
static int collect_ind(void *ctx, const struct store_row *r)
{
	struct ind_recs *l = ctx;
	struct store_cell c[6];
	const char *t[3];

	if ((l->ncols = store_ncols(r)) < 6)
		return 1;
	for (int k = 0; k < 6; k++)
		store_col_cell(r, k, &c[k]);
	texts_dup(l->a, c + 1, 3, t);
	room(l->a, (void **)&l->p, l->n, &l->cap, sizeof(*l->p));
	l->p[l->n++] = (struct ind_rec){ c[0].i, t[0], t[1], t[2], direction_of(l->a, &c[4]) };
	ind_years(l, c[0].i, l->n - 1, c[5].s, c[5].len);
	return 0;
}

/* An indicator (STMT_WEB_CITY_INDICATORS) by id or key. */
struct ind_at {
	int64_t id;
	const struct ind_rec *row;
	int at;		/* its place in STMT_WEB_CITY_INDICATORS' rows */
};

static int ind_by_id(const void *pa, const void *pb)
{
	const struct ind_at *a = pa, *b = pb;

	return (a->id > b->id) - (a->id < b->id);
}

/* ind_by_key: by key in byte order (SQLite's BINARY: keys are unique). */
static int ind_by_key(const void *pa, const void *pb)
{
	const struct ind_at *a = pa, *b = pb;

	return strcmp(a->row->key, b->row->key);
}

/* by_key_already: ind (n) is in ind_by_key's order already (the indicators' ids, SQLite's scan
 * order, mostly follow their keys: a check of n - 1 pairs instead of a sort's n log n calls). */
static int by_key_already(const struct ind_at *ind, int n)
{
	for (int k = 1; k < n; k++)
		if (strcmp(ind[k - 1].row->key, ind[k].row->key) > 0)
			return 0;
	return 1;
}

static int collect_year(void *ctx, const struct store_row *r)
{
	struct year_ids *y = ctx;

	y->ncols = store_ncols(r);
	if (y->ncols < 2)
		return 1;
	add_year(y, (long)store_col_int(r, 0), store_col_int(r, 1), -1);
	return 0;
}

static int year_asc(const void *pa, const void *pb)
{
	const long *a = pa, *b = pb;

	return (*a > *b) - (*a < *b);
}

/* ind_find: the place in by_id (n, sorted by id) of the indicator id, -1 when none. */
static int ind_find(const struct ind_at *by_id, int n, int64_t id)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (by_id[mid].id == id)
			return mid;
		if (by_id[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* year_at: the place of year in years (ny of them), -1 when none; the place after the last one
 * found (*next) is tried first, as an indicator's years come in the same order each. */
static int year_at(const long *years, int ny, long year, int *next)
{
	int j = *next < ny ? *next : 0;

	if (j < ny && years[j] == year) {
		*next = j + 1;
		return j;
	}
	for (j = 0; j < ny; j++)
		if (years[j] == year) {
			*next = j + 1;
			return j;
		}
	return -1;
}

/* list_years: the distinct years of ys into years (room for ys->n), oldest first; returns
 * their number. */
static int list_years(const struct year_ids *ys, long *years)
{
	int ny = 0, next = 0;

	for (int i = 0; i < ys->n; i++)
		if (year_at(years, ny, ys->p[i].year, &next) < 0)
			years[ny++] = ys->p[i].year;
	qsort(years, (size_t)ny, sizeof(*years), year_asc);
	return ny;
}

/* mark_years: has[k * ny + j] = 1 for each indicator k (its place as read) with a row of year j
 * (years[j]); a row without the place finds it by id in by_id (n, sorted by id, NULL when no
 * row needs it). Returns the number of marks. */
static size_t mark_years(const struct ind_at *by_id, int n, const struct year_ids *ys, const long *years, int ny,
			 unsigned char *has)
{
	size_t marks = 0;
	int next = 0;

	for (int i = 0; i < ys->n; i++) {
		int j = year_at(years, ny, ys->p[i].year, &next), k = ys->p[i].k, f;
		if (k < 0 && by_id)
			k = (f = ind_find(by_id, n, ys->p[i].id)) >= 0 ? by_id[f].at : -1;
		if (j >= 0 && k >= 0 && !has[(size_t)k * (size_t)ny + (size_t)j]++)
			marks++;
	}
	return marks;
}

/* list_marked: the years (years, ny of them, oldest first) marked for some indicator (has, n
 * indicators) into c->years, newest first, the newest VIEW_CITY_MAX_YEARS of them. */
static void list_marked(struct view_city *c, const unsigned char *has, int n, const long *years, int ny)
{
	for (int j = ny - 1; j >= 0 && c->nyears < VIEW_CITY_MAX_YEARS; j--) {
		int marked = 0;
		for (int k = 0; k < n && !marked; k++)
			marked = has[(size_t)k * (size_t)ny + (size_t)j];
		if (marked)
			c->years[c->nyears++] = years[j];
	}
}

/* fill_indicators: one entry per public indicator (is: STMT_WEB_CITY_INDICATORS) and full year
 * with figures per district (ys: is's years and STMT_WEB_CITY_INDICATOR_YEARS' rows), by key and year. */
static void fill_indicators(struct ctx *x, struct view_city *c, const struct ind_recs *is, const struct year_ids *ys)
{
	int n = is->n;
	struct ind_at *ind = arena_alloc(x->a, sizeof(*ind) * (size_t)(n + 1));
	long *years = arena_alloc(x->a, sizeof(*years) * (size_t)(ys->n + 1));
	int ny = list_years(ys, years);
	unsigned char *has = arena_alloc(x->a, (size_t)n * (size_t)ny + 1);
	size_t marks;

	if (is->ncols < 6)
		return;
	for (int k = 0; k < n; k++)
		ind[k] = (struct ind_at){ is->p[k].id, &is->p[k], k };
	if (ys->by_id)	/* rows of STMT_WEB_CITY_INDICATOR_YEARS: found by id */
		qsort(ind, (size_t)n, sizeof(*ind), ind_by_id);
	marks = mark_years(ys->by_id ? ind : NULL, n, ys, years, ny, has);
	if (!by_key_already(ind, n))
		qsort(ind, (size_t)n, sizeof(*ind), ind_by_key);
	c->inds = arena_alloc_raw(x->a, sizeof(*c->inds) * (marks + 1));	/* every entry written */
	for (int k = 0; k < n; k++)
		for (int j = 0; j < ny; j++)
			if (has[(size_t)ind[k].at * (size_t)ny + (size_t)j]) {
				const struct ind_rec *r = ind[k].row;
				c->inds[c->ninds++] = (struct view_city_indicator){ ind[k].id, r->key, r->name, r->unit,
					r->direction, years[j] };
			}
	list_marked(c, has, n, years, ny);
}

/* A theme row (STMT_WEB_CITY_THEMES) with its district's place in view_city.districts. */
struct theme_at {
	size_t district;
	long ord;
	int64_t id;
	long measures;
	const char *theme;
};

/* The themes as read (collect_theme's context), district_id in their district field until
 * fill_themes places them. */
struct theme_recs {
	struct arena *a;
	struct theme_at *p;
	int n, cap, ncols;
};

/* collect_theme: a row of STMT_WEB_CITY_THEMES (district_id, ord, theme, measures, id). */
static int collect_theme(void *ctx, const struct store_row *r)
{
	struct theme_recs *l = ctx;

	if ((l->ncols = store_ncols(r)) < 5)
		return 1;
	room(l->a, (void **)&l->p, l->n, &l->cap, sizeof(*l->p));
	l->p[l->n++] = (struct theme_at){ (size_t)store_col_int(r, 0), (long)store_col_int(r, 1), store_col_int(r, 4),
		(long)store_col_int(r, 3), arena_strdup(l->a, store_col_text(r, 2)) };
	return 0;
}

/* by_district: themes by their district's place, then ord, then id. */
static int by_district(const void *pa, const void *pb)
{
	const struct theme_at *a = pa, *b = pb;

	if (a->district != b->district)
		return a->district < b->district ? -1 : 1;
	if (a->ord != b->ord)
		return a->ord < b->ord ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* fill_themes: each district's run of themes (th: STMT_WEB_CITY_THEMES, in no order), by ord,
 * the runs in the districts' order (by name). */
static void fill_themes(struct ctx *x, struct view_city *c, const struct theme_recs *th)
{
	struct theme_at *t = arena_alloc(x->a, sizeof(*t) * (size_t)(th->n + 1));
	size_t n = 0;

	for (int i = 0; th->ncols >= 5 && i < th->n; i++) {
		int64_t id = (int64_t)th->p[i].district;
		for (size_t d = 0; d < c->ndistricts; d++)
			if (c->districts[d].id == id) {
				t[n] = th->p[i];
				t[n++].district = d;
				break;
			}
	}
	qsort(t, n, sizeof(*t), by_district);
	c->nthemes = n;
	c->themes = arena_alloc(x->a, sizeof(*c->themes) * (n + 1));
	for (size_t i = 0; i < n; i++) {
		struct view_city_district *d = &c->districts[t[i].district];
		c->themes[i] = (struct view_city_theme){ d->key, t[i].theme, t[i].ord, t[i].measures };
		if (!d->nthemes)
			d->theme0 = i;
		d->nthemes++;
	}
}

/* The districts as read (collect_district's context), by name. */
struct district_recs {
	struct arena *a;
	struct view_city_district *p;
	int n, cap, ncols;
};

/* collect_district: a row of STMT_LIST_DISTRICTS (id, key, name, code, prioritised, committee),
 * its texts in one allocation. */
static int collect_district(void *ctx, const struct store_row *r)
{
	struct district_recs *l = ctx;
	struct store_cell c[6];
	const char *t[4];

	if ((l->ncols = store_ncols(r)) < 6)
		return 1;
	for (int k = 0; k < 6; k++)
		store_col_cell(r, k, &c[k]);
	struct store_cell texts[4] = { c[1], c[2], c[3], c[5] };
	texts_dup(l->a, texts, 4, t);
	room(l->a, (void **)&l->p, l->n, &l->cap, sizeof(*l->p));
	l->p[l->n++] = (struct view_city_district){ store_col_int(r, 0), t[0], t[1], t[2], t[3], store_col_int(r, 4) != 0,
		NAN, MODEL_GAP_UNKNOWN, 0, 0 };
	return 0;
}

/* fill_districts: the districts (ds, by name) and each one's run of themes (th). */
static void fill_districts(struct ctx *x, struct view_city *c, const struct district_recs *ds, const struct theme_recs *th)
{
	c->ndistricts = ds->ncols >= 6 ? (size_t)ds->n : 0;
	c->districts = c->ndistricts ? ds->p : arena_alloc(x->a, sizeof(*c->districts));
	for (size_t i = 0; i < c->ndistricts; i++)
		c->nprioritised += c->districts[i].prioritised;
	fill_themes(x, c, th);
}

/* period_asc: periods oldest first, T1, T2, FY within a year. */
static int period_asc(const void *pa, const void *pb)
{
	const struct view_city_period *a = pa, *b = pb;

	if (a->per.year != b->per.year)
		return a->per.year < b->per.year ? -1 : 1;
	return ((int)a->per.kind > (int)b->per.kind) - ((int)a->per.kind < (int)b->per.kind);
}

/* The periods as read (collect_period's context). */
struct period_recs {
	struct arena *a;
	struct view_city_period *p;
	int n, cap, ncols;
};

/* collect_period: a row of STMT_WEB_CITY_PERIODS (id, year, kind, reports: 0). */
static int collect_period(void *ctx, const struct store_row *r)
{
	struct period_recs *l = ctx;

	if ((l->ncols = store_ncols(r)) < 3)
		return 1;
	room(l->a, (void **)&l->p, l->n, &l->cap, sizeof(*l->p));
	l->p[l->n++] = (struct view_city_period){ store_col_int(r, 0),
		{ (int)store_col_int(r, 1), kind_of(store_col_text(r, 2)) }, 0 };
	return 0;
}

/* The reports as read (collect_report's context): each one's period and whether the viewer
 * may read it. */
struct report_recs {
	struct arena *a;
	struct report_rec {
		int64_t period;
		int readable;
	} *p;
	int n, cap, ncols;
};

/* collect_report: a row of STMT_WEB_CITY_PERIOD_REPORTS (period_id, status, org_id, org_pair,
 * readable). */
static int collect_report(void *ctx, const struct store_row *r)
{
	struct report_recs *l = ctx;

	if ((l->ncols = store_ncols(r)) < 5)
		return 1;
	room(l->a, (void **)&l->p, l->n, &l->cap, sizeof(*l->p));
	l->p[l->n++] = (struct report_rec){ store_col_int(r, 0), store_col_int(r, 4) != 0 };
	return 0;
}

/* fill_periods: the periods (ps) with the reports (rep) of each the viewer may read (a draft
 * counts only for those who may read it, so that the default period does not give away that
 * one exists). */
static void fill_periods(struct ctx *x, struct view_city *c, const struct period_recs *ps, const struct report_recs *rep)
{
	c->nperiods = ps->ncols >= 3 ? (size_t)ps->n : 0;
	c->periods = c->nperiods ? ps->p : arena_alloc(x->a, sizeof(*c->periods));
	for (size_t i = 0; i < c->nperiods; i++) {
		struct view_city_period *p = &c->periods[i];
		for (int k = 0; rep->ncols >= 5 && k < rep->n; k++)
			p->reports += rep->p[k].period == p->id && rep->p[k].readable;
	}
	qsort(c->periods, c->nperiods, sizeof(*c->periods), period_asc);
}

/* read_all: the view's independent reads in one go (one round trip on PostgreSQL): the
 * indicators, districts, periods, themes, reports and, when none is asked for, the default
 * indicator (into def). */
static int read_all(struct ctx *x, struct view_city *c, int want_default, struct rowset *def)
{
	struct year_ids years = { x->a, NULL, 0, 0, 2, 0 };
	struct ind_recs inds = { x->a, NULL, 0, 0, 6, &years, "", { 0 }, 0 };
	struct theme_recs th = { x->a, NULL, 0, 0, 5 };
	struct district_recs ds = { x->a, NULL, 0, 0, 6 };
	struct period_recs ps = { x->a, NULL, 0, 0, 3 };
	struct report_recs rep = { x->a, NULL, 0, 0, 5 };
	struct sval none = SVNULL;
	struct store_q q[] = {
		{ STMT_WEB_CITY_INDICATORS, NULL, 0, collect_ind, &inds },
		{ STMT_WEB_CITY_INDICATOR_YEARS, NULL, 0, collect_year, &years },
		{ STMT_LIST_DISTRICTS, &none, 1, collect_district, &ds },
		{ STMT_WEB_CITY_PERIODS, NULL, 0, collect_period, &ps },
		{ STMT_WEB_CITY_THEMES, NULL, 0, collect_theme, &th },
		{ STMT_WEB_CITY_PERIOD_REPORTS, NULL, 0, collect_report, &rep },
		{ STMT_WEB_CITY_DEFAULT_INDICATOR, NULL, 0, rowset_collect, def },
	};
	int rc;

	rowset_init(def, x->a);
	if ((rc = store_query_many(x->st, q, want_default ? 7 : 6, x->e)) != LUP_OK)
		return rc;
	fill_indicators(x, c, &inds, &years);
	fill_districts(x, c, &ds, &th);
	fill_periods(x, c, &ps, &rep);
	return LUP_OK;
}

/* ---- the choices ------------------------------------------------------------------------- */

/* choose_indicator: the indicator asked for, else the first one with values for every
 * district, else the first one with any. */
static int choose_indicator(struct ctx *x, struct view_city *c, const char *want, const struct rowset *def)
{
	const char *key = want;
	int rc;

	c->ind = -1;
	if (!key && c->ninds > 0)
		key = def->nrows ? def->rows[0][0].s : c->inds[0].key;
	for (size_t i = 0; key && i < c->ninds && c->ind < 0; i++)
		if (strcmp(c->inds[i].key, key) == 0)
			c->ind = (int)i;
	if (want && c->ind < 0) {
		struct sval k = SVS(want);
		int64_t id = 0;
		if ((rc = store_query_id(x->st, STMT_INDICATOR_ID, &k, 1, &id, x->e)) != LUP_OK)
			return rc;
		c->miss = id ? VIEW_CITY_UNMAPPED_INDICATOR : VIEW_CITY_NO_INDICATOR;
	}
	return LUP_OK;
}

/* choose_year: the year asked for, else the chosen indicator's latest (c->years, the years of
 * any indicator, are listed by fill_indicators). */
static void choose_year(struct view_city *c, long want)
{
	int64_t id = c->ind >= 0 ? c->inds[c->ind].id : 0;	/* ids are unique, as keys */
	int chosen = c->ind >= 0;
	long latest = 0;

	for (size_t i = chosen ? (size_t)c->ind : c->ninds; i < c->ninds && c->inds[i].id == id; i++)
		if (c->inds[i].year > latest)	/* the indicator's run of entries, by year */
			latest = c->inds[i].year;
	if (want) {
		int known = 0;
		for (int k = 0; k < c->nyears; k++)
			known |= c->years[k] == want;
		if (!known)
			c->miss = VIEW_CITY_NO_YEAR;
		c->year = want;
	} else {
		c->year = latest;
	}
	for (size_t i = chosen ? (size_t)c->ind : c->ninds; i < c->ninds && c->inds[i].id == id; i++)
		if (c->inds[i].year == c->year)
			c->has_year = 1;
}

/* choose_period: the period asked for, else the latest with a report, else the latest. */
static void choose_period(struct view_city *c, const struct model_period *want)
{
	c->period = -1;
	for (size_t i = 0; i < c->nperiods; i++) {
		const struct view_city_period *p = &c->periods[i];
		if (want) {
			if (p->per.year == want->year && p->per.kind == want->kind)
				c->period = (int)i;
		} else if (p->reports > 0 || c->period < 0 || c->periods[c->period].reports == 0) {
			c->period = (int)i;
		}
	}
	if (want && c->period < 0)
		c->miss = VIEW_CITY_NO_PERIOD;
}

/* decimals_of: the decimals v needs, 0..2. */
static int decimals_of(double v)
{
	for (int d = 0; d < 2; d++)
		if (fabs(v * pow(10, d) - round(v * pow(10, d))) < 1e-6)
			return d;
	return 2;
}

/* fill_values: the chosen indicator's full-year totals per district and the city average
 * (cmp: STMT_WEB_CITY_VALUES), and their gap bands. */
static void fill_values(struct view_city *c, const struct rowset *cmp)
{
	for (int i = 0; cmp->ncols >= 4 && i < cmp->nrows; i++) {
		double v = rowset_cell_d(&cmp->rows[i][2]);
		int64_t area = rowset_ic(cmp, i, 0);
		if (isnan(v))
			continue;
		c->example |= rowset_ic(cmp, i, 3) != 0;
		c->decimals = decimals_of(v) > c->decimals ? decimals_of(v) : c->decimals;
		if (rowset_ic(cmp, i, 1)) {
			c->city = v;
			continue;
		}
		for (size_t d = 0; d < c->ndistricts; d++)
			if (c->districts[d].id == area)
				c->districts[d].value = v;
	}
	for (size_t d = 0; d < c->ndistricts; d++)
		if (!isnan(c->districts[d].value) && !isnan(c->city))
			c->districts[d].band = model_gap_class(model_gap(c->dir, c->districts[d].value, c->city), c->city);
}

/* An organisation's row of STMT_WEB_CITY_FULFILMENT with its name's Swedish rank. */
struct org_rank {
	int rank;
	int64_t id;
	int row;
};

static int by_rank_id(const void *pa, const void *pb)
{
	const struct org_rank *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

/* fulfilment_order: f's rows by name in Swedish order, then id (as SQL's ORDER BY o.name
 * COLLATE sv, o.id), one row per organisation (the statement may give one twice, the same
 * row); the rows' places into order, their number into n. LUP_EDB when the collation fails. */
static int fulfilment_order(struct ctx *x, const struct rowset *f, int *order, int *n)
{
	int rows = f->nrows, name = rowset_col(f, "name"), id = rowset_col(f, "org_id");
	const char **names = arena_alloc(x->a, sizeof(*names) * (size_t)(rows + 1));
	int *rank = arena_alloc(x->a, sizeof(*rank) * (size_t)(rows + 1));
	struct org_rank *s = arena_alloc(x->a, sizeof(*s) * (size_t)(rows + 1));

	for (int i = 0; i < rows; i++)
		names[i] = name >= 0 ? f->rows[i][name].s : NULL;
	if (collate_ranks(names, rows, rank) != 0)
		return err_set(x->e, LUP_EDB, "cannot sort the goal fulfilment by name: the Swedish collation failed");
	for (int i = 0; i < rows; i++)
		s[i] = (struct org_rank){ rank[i], rowset_ic(f, i, id), i };
	qsort(s, (size_t)rows, sizeof(*s), by_rank_id);
	*n = 0;
	for (int i = 0; i < rows; i++)
		if (i == 0 || s[i].id != s[i - 1].id || s[i].rank != s[i - 1].rank)
			order[(*n)++] = s[i].row;
	return LUP_OK;
}

/* fill_fulfilment: goal fulfilment per organisation in the chosen period (f:
 * STMT_WEB_CITY_FULFILMENT), by name. */
static int fill_fulfilment(struct ctx *x, struct view_city *c, const struct rowset *f)
{
	int *order = arena_alloc(x->a, sizeof(*order) * (size_t)(f->nrows + 1)), n = 0, rc;

	if ((rc = fulfilment_order(x, f, order, &n)) != LUP_OK)
		return rc;
	c->nfulfil = (size_t)n;
	c->fulfil = arena_alloc(x->a, sizeof(*c->fulfil) * (c->nfulfil + 1));
	for (int k = 0; k < n; k++) {
		int i = order[k];
		struct view_city_fulfilment *o = &c->fulfil[k];
		*o = (struct view_city_fulfilment){ cell(f, i, "key"), cell(f, i, "name"), cell_int(f, i, "report"),
			cell(f, i, "status"), (long)cell_int(f, i, "fulfilled"), (long)cell_int(f, i, "partly"),
			(long)cell_int(f, i, "not"), (long)cell_int(f, i, "none"), (long)cell_int(f, i, "unassessed"),
			(long)cell_int(f, i, "goals") };
		if (cell(f, i, "report") && !cell_int(f, i, "readable")) {
			o->report = 0;
			o->status = NULL;
			o->fulfilled = o->partly = o->not_met = o->none = 0;
			o->unassessed = o->goals;
		}
	}
	return LUP_OK;
}

/* read_chosen: the reads that depend on the choices (the indicator and year, the period), in one
 * go (one round trip on PostgreSQL): the chosen indicator's values when an indicator and a year
 * are chosen, the fulfilment when a period is. */
static int read_chosen(struct ctx *x, struct view_city *c)
{
	const char *dir = c->ind >= 0 ? c->inds[c->ind].direction : NULL;
	struct sval vargs[2], fargs[2];
	struct rowset cmp, f;
	struct store_q q[2];
	int n = 0, rc;

	c->dir = dir && strcmp(dir, "higher") == 0 ? MODEL_DIR_HIGHER : dir && strcmp(dir, "lower") == 0 ? MODEL_DIR_LOWER
											       : MODEL_DIR_NONE;
	rowset_init(&cmp, x->a);
	rowset_init(&f, x->a);
	int values = c->ind >= 0 && c->has_year, fulfil = c->nperiods && c->period >= 0;
	if (values) {
		vargs[0] = SVI(c->inds[c->ind].id), vargs[1] = SVI(c->year);
		q[n++] = (struct store_q){ STMT_WEB_CITY_VALUES, vargs, 2, rowset_collect, &cmp };
	}
	if (fulfil) {
		const struct model_period *per = &c->periods[c->period].per;
		fargs[0] = SVI(per->year), fargs[1] = SVS(model_period_kind_name(per->kind));
		q[n++] = (struct store_q){ STMT_WEB_CITY_FULFILMENT, fargs, 2, rowset_collect, &f };
	}
	if (n && x->last)
		store_read_last(x->st);
	if (n && (rc = store_query_many(x->st, q, n, x->e)) != LUP_OK)
		return rc;
	if (values)
		fill_values(c, &cmp);
	if (fulfil)
		return fill_fulfilment(x, c, &f);
	return LUP_OK;
}

int view_city_load(struct store *st, struct arena *a, const struct view_city_args *args, struct view_city *c,
		   struct err *e)
{
	struct ctx x = { st, a, e, args->last };
	struct rowset def;
	int rc;

	memset(c, 0, sizeof(*c));
	c->ind = c->period = -1;
	c->city = NAN;
	if ((rc = read_all(&x, c, !args->indicator, &def)) != LUP_OK ||
	    (rc = choose_indicator(&x, c, args->indicator, &def)) != LUP_OK || c->miss)
		return rc;
	choose_year(c, args->year);
	if (c->miss)
		return LUP_OK;
	choose_period(c, args->period);
	if (c->miss)
		return LUP_OK;
	return read_chosen(&x, c);
}
