/* district.c: a district's indicators against the city (see district.h). */
#include "view/district.h"
#include "core/hexfloat.h"
#include "core/runsort.h"
#include "core/xalloc.h"
#include "store/store.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct table_col district_cols[DC__MAX] = {
	[DC_INDICATOR] = { "Indikator", NULL, TABLE_TEXT, 0, 28 },
	[DC_NAME] = { "Indikatornamn", NULL, TABLE_TEXT, 0, 50 },
	[DC_UNIT] = { "Enhet", NULL, TABLE_TEXT, 0, 10 },
	[DC_PERIOD] = { "Period", NULL, TABLE_TEXT, 0, 10 },
	[DC_SEX] = { "Kön", NULL, TABLE_TEXT, 0, 6 },
	[DC_DISTRICT] = { "Stadsdelsområdet", NULL, TABLE_DEC, -1, 18 },
	[DC_CITY] = { "Staden", NULL, TABLE_DEC, -1, 12 },
	[DC_GAP] = { "Skillnad", "mot staden", TABLE_DEC, -1, 12 },
	[DC_GAP_UNIT] = { "Skillnadens enhet", NULL, TABLE_TEXT, 0, 16 },
	[DC_EXAMPLE] = { "Exempeldata", NULL, TABLE_BOOL, 0, 13 },
};

const char *district_change_unit(const char *unit)
{
	return unit && (strcmp(unit, "%") == 0 || strcmp(unit, "procent") == 0) ? "procentenheter" : unit;
}

/* The powers of ten of decimals() and gap(): exact in a double, so the same as pow(10, d). */
static const double ten[7] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

/* decimals: the decimals v is written with (0 to 6) */
static int decimals(double v)
{
	for (int d = 0; d < 6; d++)
		if (fabs(round(v * ten[d]) - v * ten[d]) < 1e-6)
			return d;
	return 6;
}

/* gap: d - c rounded to the larger of their decimals */
static double gap(double d, double c)
{
	int nd = decimals(d), nc = decimals(c);
	double p = ten[nd > nc ? nd : nc];

	return round((d - c) * p) / p;
}

/* grown: the room for n + 1 elements where there is room for cap: cap itself, or doubled (the
 * arrays grow by doubling, not by one element per row), first room for first */
static size_t grown(size_t n, size_t cap, size_t first)
{
	return n < cap ? cap : cap ? cap * 2 : first;
}

/* The first room of the comparison's arrays: a district of Stockholm's demo has 71 indicators
 * (up to 213 rows of three sexes; as many city values) and 355 totals of five years; growing to
 * that by doubling from 16 was 23 reallocations a request. */
enum { FIRST_ROWS = 256, FIRST_SERIES = 512, FIRST_SMALL = 16 };

/* col_value: column col of r as a number into *out (0 when NULL); whether it is not NULL. One
 * column lookup (store_col_cell), where store_col_type and store_col_real were two. */
static int col_value(const struct store_row *r, int col, double *out)
{
	struct store_cell c;

	store_col_cell(r, col, &c);
	*out = c.t == SV_REAL ? c.d : c.t == SV_INT ? (double)c.i : c.t == SV_NULL ? 0 : store_col_real(r, col);
	return c.t != SV_NULL;
}

/* col_share: column c of r copied into a, or prev itself when the text is the same (units,
 * directions and owners repeat from indicator to indicator: one copy serves them); NULL when
 * NULL */
static const char *col_share(struct arena *a, const struct store_row *r, int c, const char *prev)
{
	const char *t = store_col_text(r, c);

	if (!t)
		return NULL;
	return prev && strcmp(prev, t) == 0 ? prev : arena_strdup(a, t);
}

/* head_cb: the district's id, key, name and committee key (STMT_SHOW_DISTRICT) */
struct head {
	struct district_view *v;
	char committee[256];
};

static int head_cb(void *ctx, const struct store_row *r)
{
	struct head *h = ctx;

	h->v->id = store_col_int(r, 0);
	h->v->key = arena_strdup(&h->v->a, store_col_text(r, 1));
	h->v->name = arena_strdup(&h->v->a, store_col_text(r, 2));
	snprintf(h->committee, sizeof(h->committee), "%s", store_col_text(r, 5) ? store_col_text(r, 5) : "");
	return 1;
}

/* sex_rank: T, K, M (the order the rows of an indicator are shown in) */
static int sex_rank(const char *sex)
{
	return !sex || sex[1] ? 2 : sex[0] == 'T' ? 0 : sex[0] == 'K' ? 1 : 2;
}

/* A city outcome of the comparison's year (part 1 of STMT_WEB_PLACES_DISTRICT_COMPARE), found
 * by (indicator, sex) once the rows are read. */
struct city_val {
	int64_t ind;
	int sex;			/* sex_rank */
	int has_value, example;
	double value;
};

/* One full year of a district row's fy text (part 0 of STMT_WEB_PLACES_DISTRICT_COMPARE): its
 * entries' sexes and shut bits ORed, the texts of its values (vt, vk, vm; NULL: none), each
 * ending at ' ', ';' or the text's end (strtod stops there). SQLite gives an entry per year,
 * PostgreSQL one per outcome. */
struct fy_year {
	int64_t year;
	unsigned sexes, shut;
	const char *val[3];
};

/* A district row of part 0 kept until the year compared is known (no year asked for: the
 * newest year with a figure the viewer sees): its texts, owner, a copy of its fy text and its
 * seen. */
struct pending {
	struct district_cmp base;
	int64_t owner;
	struct fy_year *fy;		/* its entries (read_fy's), their texts in a copy ending at end */
	size_t nfy;
	const char *end;
	const char *seen;
};

/* The comparison's parts as read: the district's rows in v, the city's values and the
 * committee's organisations here (released by compare). */
struct cmp_read {
	struct district_view *v;
	int64_t *owner_of;		/* per row of v: its indicator's owner */
	size_t owner_cap;
	struct city_val *city;
	size_t ncity, city_cap;
	int64_t *owners;		/* the committee, its administration(s), its pair */
	size_t nowners, owners_cap;
	int64_t *yrs;			/* the years with a figure the viewer sees (district_row) */
	size_t nyrs, yrs_cap;
	int64_t ybase;			/* year_seen's bits: year ybase + i is in yrs when bit i is set */
	uint64_t ymask;
	struct pending *pend;		/* the district rows kept until the year is known */
	size_t npend, pend_cap;
	struct fy_year *fy;		/* the years of the district row being read (read_fy) */
	size_t nfy, fy_cap;
	const char *fy_end;		/* the end of that row's text */
	int64_t fy_latest;		/* the latest year in fy */
};

/* The sexes of a row of the outcome parts (columns 8-11: sexes, vt, vk, vm; a fy entry's values
 * in the same order): the bit of each in sexes (its example bit is bit << 3), its value's
 * column, its rank (sex_rank) and text. */
static const struct {
	unsigned bit;
	int col, rank;
	const char *text;
} sexes[] = { { 4, 9, 0, "T" }, { 1, 10, 1, "K" }, { 2, 11, 2, "M" } };

/* fy_year_of: the entry of year in cr->fy, added (empty) when there is none; SQLite's entries
 * come one a year in year order, so a year after the latest so far is new without a search
 * (PostgreSQL's, an entry per outcome in any order, are searched) */
static struct fy_year *fy_year_of(struct cmp_read *cr, int64_t year)
{
	if (cr->nfy && year <= cr->fy_latest)
		for (size_t i = 0; i < cr->nfy; i++)
			if (cr->fy[i].year == year)
				return &cr->fy[i];
	if (!cr->nfy || year > cr->fy_latest)
		cr->fy_latest = year;
	if (cr->nfy == cr->fy_cap) {
		cr->fy_cap = grown(cr->nfy, cr->fy_cap, FIRST_SMALL);
		cr->fy = xrealloc(cr->fy, sizeof(*cr->fy) * cr->fy_cap);
	}
	cr->fy[cr->nfy] = (struct fy_year){ .year = year };
	return &cr->fy[cr->nfy++];
}

/* fy_int: the unsigned decimal at *t (before end), *t moved past it and the one space after it */
static int64_t fy_int(const char **t, const char *end)
{
	const char *p = *t;
	int64_t n = 0;

	while (p < end && *p >= '0' && *p <= '9')
		n = n * 10 + (*p++ - '0');
	*t = p + (p < end && *p == ' ');
	return n;
}

/* read_fy: the entries "year sexes shut vt vk vm" of the text t of len bytes (joined by ';')
 * into cr->fy by year, in one pass: a value's text is passed over (hexfloat_field_end) and read
 * only when asked (fy_value) */
static void read_fy(struct cmp_read *cr, const char *t, size_t len)
{
	const char *end = t + len;

	cr->nfy = 0;
	cr->fy_end = end;
	while (t && t < end) {
		struct fy_year *y = fy_year_of(cr, fy_int(&t, end));
		y->sexes |= (unsigned)fy_int(&t, end);
		y->shut |= (unsigned)fy_int(&t, end);
		for (int k = 0; k < 3 && t < end && *t != ';'; k++) {
			const char *e = hexfloat_field_end(t, end);
			if (e > t)
				y->val[k] = t;
			t = e + (k < 2 && e < end && *e == ' ');
		}
		while (t < end && *t != ';')
			t++;
		t++;
	}
}

/* seen_has: whether year is among the space-separated years of seen (NULL: none) */
static int seen_has(const char *seen, int64_t year)
{
	char *end;

	while (seen && *seen) {
		if (strtoll(seen, &end, 10) == year)
			return 1;
		if (end == seen)
			return 0;
		seen = end;
	}
	return 0;
}

/* fy_value: the value text f of the text ending at end (NULL: none) as a number into *out (0
 * when none); whether set. The triggers' hexadecimal floats by hexfloat_read, other texts
 * (PostgreSQL's decimals) by strtod. */
static int fy_value(const char *f, const char *end, double *out)
{
	if (!f) {
		*out = 0;
		return 0;
	}
	if (!hexfloat_read(f, end, out))
		*out = strtod(f, NULL);
	return 1;
}

/* add_point: the total of indicator ind in year (its value's text f, NULL: missing, in the text
 * ending at end; example: it is example data) into v->series */
static void add_point(struct district_view *v, int64_t ind, int64_t year, const char *f, const char *end,
		      int example)
{
	double value;

	if (v->nseries == v->series_cap) {
		v->series_cap = grown(v->nseries, v->series_cap, FIRST_SERIES);
		v->series = xrealloc(v->series, sizeof(*v->series) * v->series_cap);
	}
	v->series[v->nseries++] = (struct district_point){ ind, year, fy_value(f, end, &value) ? value : NAN, example };
}

/* grow_rows: room in v->rows and cr->owner_of for one more row */
static void grow_rows(struct cmp_read *cr)
{
	struct district_view *v = cr->v;

	if (v->n == v->rows_cap) {
		v->rows_cap = grown(v->n, v->rows_cap, FIRST_ROWS);
		v->rows = xrealloc(v->rows, sizeof(*v->rows) * v->rows_cap);
	}
	if (v->n == cr->owner_cap) {
		cr->owner_cap = grown(v->n, cr->owner_cap, FIRST_ROWS);
		cr->owner_of = xrealloc(cr->owner_of, sizeof(*cr->owner_of) * cr->owner_cap);
	}
}

/* fy_shown: the sexes of y the viewer sees: a shut sex only in a year of seen */
static unsigned fy_shown(const struct fy_year *y, const char *seen)
{
	return y->shut && !seen_has(seen, y->year) ? y->sexes & ~y->shut : y->sexes;
}

/* year_seen: year into cr->yrs (the years with a figure the viewer sees) unless there: a bit
 * per year of the 64 around the first one (ybase, ymask) tells most without a search */
static void year_seen(struct cmp_read *cr, int64_t year)
{
	if (!cr->nyrs)
		cr->ybase = year - 32;
	uint64_t d = (uint64_t)(year - cr->ybase);
	if (d < 64) {
		if (cr->ymask & (UINT64_C(1) << d))
			return;
		cr->ymask |= UINT64_C(1) << d;
	} else {
		for (size_t i = 0; i < cr->nyrs; i++)
			if (cr->yrs[i] == year)
				return;
	}
	if (cr->nyrs == cr->yrs_cap) {
		cr->yrs_cap = grown(cr->nyrs, cr->yrs_cap, FIRST_SMALL);
		cr->yrs = xrealloc(cr->yrs, sizeof(*cr->yrs) * cr->yrs_cap);
	}
	cr->yrs[cr->nyrs++] = year;
}

/* year_rows: the entry of v->year among the nfy of fy (read_fy's, whose texts end at
 * cr->fy_end) made into a row of v per sex the viewer sees (seen: the row's seen), sharing
 * base's texts */
static void year_rows(struct cmp_read *cr, const struct fy_year *fy, size_t nfy, const struct district_cmp *base,
		      int64_t owner, const char *seen)
{
	struct district_view *v = cr->v;
	const struct fy_year *cur = NULL;

	for (size_t i = 0; i < nfy && !cur; i++)
		if (fy[i].year == v->year)
			cur = &fy[i];
	unsigned shown = cur ? fy_shown(cur, seen) : 0;
	for (size_t k = 0; k < sizeof(sexes) / sizeof(sexes[0]); k++) {
		if (!(shown & sexes[k].bit))
			continue;
		grow_rows(cr);
		cr->owner_of[v->n] = owner;
		struct district_cmp *c = &v->rows[v->n++];
		*c = *base;
		c->sex = sexes[k].text;
		c->has_value = fy_value(cur->val[sexes[k].col - 9], cr->fy_end, &c->value);
		c->example = (shown & sexes[k].bit << 3) != 0;
	}
}

/* district_row: a district row (part 0: id, key, name, unit, direction, owner_name, owner_id,
 * then seen and fy in columns 12 and 13): its totals of every year into v->series, the years of
 * the figures the viewer sees into cr->yrs, and, when the year compared is known (v->year), its
 * entry of that year made into rows of v (year_rows); else the row is kept with a copy of its
 * text (cr->pend) for when the year is known (the newest of cr->yrs: pending_rows) */
static void district_row(struct cmp_read *cr, const struct store_row *r)
{
	struct district_view *v = cr->v;
	int64_t ind = store_col_int(r, 1);
	const char *seen = store_col_text(r, 12);
	int has_year = 0;
	struct store_cell fy;

	store_col_cell(r, 13, &fy);
	read_fy(cr, fy.t == SV_TEXT ? fy.s : NULL, fy.t == SV_TEXT ? fy.len : 0);
	for (size_t i = 0; i < cr->nfy; i++) {
		unsigned s = fy_shown(&cr->fy[i], seen);
		if (s & 7)
			year_seen(cr, cr->fy[i].year);
		if (s & 4)
			add_point(v, ind, cr->fy[i].year, cr->fy[i].val[0], cr->fy_end, (s & 4 << 3) != 0);
		has_year |= (s & 7) && cr->fy[i].year == v->year;
	}
	if (v->year && !has_year)
		return;
	const struct district_cmp *prev = v->year ? (v->n ? &v->rows[v->n - 1] : NULL)
		: cr->npend ? &cr->pend[cr->npend - 1].base : NULL;
	struct district_cmp base = {
		.ind = ind, .key = arena_strdup(&v->a, store_col_text(r, 2)),
		.name = arena_strdup(&v->a, store_col_text(r, 3)),
		.unit = col_share(&v->a, r, 4, prev ? prev->unit : NULL),
		.direction = col_share(&v->a, r, 5, prev ? prev->direction : NULL),
		.owner_name = col_share(&v->a, r, 6, prev ? prev->owner_name : NULL),
	};
	int64_t owner = store_col_int(r, 7);
	if (v->year) {
		year_rows(cr, cr->fy, cr->nfy, &base, owner, seen);
		return;
	}
	if (cr->npend == cr->pend_cap) {
		cr->pend_cap = grown(cr->npend, cr->pend_cap, FIRST_ROWS);
		cr->pend = xrealloc(cr->pend, sizeof(*cr->pend) * cr->pend_cap);
	}
	/* the entries as read, their value texts moved to a copy of the row's text */
	size_t len = fy.t == SV_TEXT ? fy.len : 0;
	char *t = arena_alloc_raw(&v->a, len + 1);
	struct fy_year *y = arena_alloc_raw(&v->a, sizeof(*y) * (cr->nfy ? cr->nfy : 1));
	if (len)
		memcpy(t, fy.s, len);
	t[len] = '\0';		/* strtod's texts end at the end */
	for (size_t i = 0; i < cr->nfy; i++) {
		y[i] = cr->fy[i];
		for (int k = 0; k < 3; k++)
			if (y[i].val[k])
				y[i].val[k] = t + (y[i].val[k] - fy.s);
	}
	cr->pend[cr->npend++] = (struct pending){ base, owner, y, cr->nfy, t + len, seen ? arena_strdup(&v->a, seen) : NULL };
}

/* by_year_desc: years, newest first */
static int by_year_desc(const void *pa, const void *pb)
{
	int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;

	return a > b ? -1 : a < b;
}

/* pending_rows: the years seen into v->years (newest first), the year compared the newest when
 * neither asked for nor read (part 3), and the rows kept for it (district_row) made */
static void pending_rows(struct cmp_read *cr)
{
	struct district_view *v = cr->v;

	if (cr->nyrs > 1)
		qsort(cr->yrs, cr->nyrs, sizeof(*cr->yrs), by_year_desc);
	v->years = xrealloc(v->years, sizeof(*v->years) * (cr->nyrs ? cr->nyrs : 1));
	v->years_cap = cr->nyrs ? cr->nyrs : 1;
	for (size_t i = 0; i < cr->nyrs; i++)
		v->years[i] = (int)cr->yrs[i];
	v->nyears = cr->nyrs;
	if (!v->year)
		v->year = v->nyears ? v->years[0] : 0;
	for (size_t i = 0; v->year && i < cr->npend; i++) {
		cr->fy_end = cr->pend[i].end;
		year_rows(cr, cr->pend[i].fy, cr->pend[i].nfy, &cr->pend[i].base, cr->pend[i].owner, cr->pend[i].seen);
	}
}

/* city_row: the city's values (part 1: id, sexes, vt, vk, vm), one per sex shown */
static void city_row(struct cmp_read *cr, const struct store_row *r)
{
	unsigned shown = (unsigned)store_col_int(r, 8);
	int64_t ind = store_col_int(r, 1);

	for (size_t k = 0; k < sizeof(sexes) / sizeof(sexes[0]); k++) {
		if (!(shown & sexes[k].bit))
			continue;
		if (cr->ncity == cr->city_cap) {
			cr->city_cap = grown(cr->ncity, cr->city_cap, FIRST_ROWS);
			cr->city = xrealloc(cr->city, sizeof(*cr->city) * cr->city_cap);
		}
		struct city_val *cv = &cr->city[cr->ncity++];
		*cv = (struct city_val){ .ind = ind, .sex = sexes[k].rank, .example = (shown & sexes[k].bit << 3) != 0 };
		cv->has_value = col_value(r, sexes[k].col, &cv->value);
	}
}

/* cmp_cb: a row of STMT_WEB_PLACES_DISTRICT_COMPARE, by its part (column 0) */
static int cmp_cb(void *ctx, const struct store_row *r)
{
	struct cmp_read *cr = ctx;
	int64_t part = store_col_int(r, 0);

	if (part == 0)
		district_row(cr, r);
	else if (part == 1)
		city_row(cr, r);
	else if (part == 3) {	/* the year compared: first, so that the rows of part 0 are made as read */
		if (!cr->v->year && store_col_type(r, 1) != SV_NULL)
			cr->v->year = (int)store_col_int(r, 1);
	}
	else if (part == 2 && store_col_type(r, 1) != SV_NULL) {
		if (cr->nowners == cr->owners_cap) {
			cr->owners_cap = grown(cr->nowners, cr->owners_cap, FIRST_SMALL);
			cr->owners = xrealloc(cr->owners, sizeof(*cr->owners) * cr->owners_cap);
		}
		cr->owners[cr->nowners++] = store_col_int(r, 1);
	}
	return 0;
}

/* by_ind_sex: city values by indicator, then sex */
static int by_ind_sex(const void *pa, const void *pb)
{
	const struct city_val *a = pa, *b = pb;

	if (a->ind != b->ind)
		return a->ind < b->ind ? -1 : 1;
	return a->sex - b->sex;
}

/* own_of: whether owner is one of the committee's organisations */
static int own_of(const struct cmp_read *cr, int64_t owner)
{
	for (size_t i = 0; i < cr->nowners; i++)
		if (cr->owners[i] == owner)
			return 1;
	return 0;
}

/* join_city: each district row's own mark, city value (the city's outcome of the same
 * indicator and sex: the year is one full-year period) and gap */
static void join_city(struct cmp_read *cr)
{
	struct district_view *v = cr->v;

	if (cr->ncity > 1)
		sort_runs(cr->city, cr->ncity, sizeof(*cr->city), by_ind_sex);
	for (size_t i = 0; i < v->n; i++) {
		struct district_cmp *c = &v->rows[i];
		struct city_val k = { .ind = c->ind, .sex = sex_rank(c->sex) };
		const struct city_val *cv = cr->ncity ? bsearch(&k, cr->city, cr->ncity, sizeof(*cr->city), by_ind_sex) : NULL;

		c->own = own_of(cr, cr->owner_of[i]);
		if (cv) {
			c->has_city = cv->has_value;
			c->city = cv->has_value ? cv->value : 0;
			c->city_example = cv->example;
		}
		if (c->has_value && c->has_city)
			c->gap = gap(c->value, c->city);
	}
}

/* by_own_key_sex: the committee's indicators first, then by key (byte order: SQLite's BINARY,
 * PostgreSQL's C collation), then T, K, M; an indicator's key and sex are one row, so the order
 * is total. */
static int by_own_key_sex(const void *pa, const void *pb)
{
	const struct district_cmp *a = pa, *b = pb;
	int c;

	if (a->own != b->own)
		return b->own - a->own;
	if ((c = strcmp(a->key ? a->key : "", b->key ? b->key : "")) != 0)
		return c;
	return sex_rank(a->sex) - sex_rank(b->sex);
}

/* by_ind_year: the totals by indicator, then year */
static int by_ind_year(const void *pa, const void *pb)
{
	const struct district_point *a = pa, *b = pb;

	if (a->ind != b->ind)
		return a->ind < b->ind ? -1 : 1;
	return a->year < b->year ? -1 : a->year > b->year;
}

/* compare: the years and the comparison for year (0: the newest with a figure the viewer sees)
 * of the district v->id (committee v->committee) in one statement: the years from the district's
 * entries (pending_rows), the city's part of the year the statement finds the same way; its rows
 * read unordered and sorted here (a sort in C of the loaded rows, not the database's sort of the
 * wide rows) */
static int compare(struct store *st, int year, struct district_view *v, struct err *e)
{
	int rc;

	v->year = year;
	struct sval args[] = { SVI(v->id), SVI(v->year), SVID(v->committee) };
	struct cmp_read cr = { .v = v };
	rc = store_query(st, STMT_WEB_PLACES_DISTRICT_COMPARE, args, 3, cmp_cb, &cr, e);
	if (rc == LUP_OK) {
		pending_rows(&cr);
		join_city(&cr);
	}
	free(cr.owner_of);
	free(cr.city);
	free(cr.owners);
	free(cr.fy);
	free(cr.yrs);
	free(cr.pend);
	if (rc != LUP_OK)
		return rc;
	if (v->n > 1)
		sort_runs(v->rows, v->n, sizeof(*v->rows), by_own_key_sex);
	if (v->nseries > 1)
		sort_runs(v->series, v->nseries, sizeof(*v->series), by_ind_year);
	return LUP_OK;
}

int district_view_load(struct store *st, const char *key, int year, struct district_view *v, struct err *e)
{
	struct sval k = SVS(key);
	struct head h = { v, "" };
	int rc;

	memset(v, 0, sizeof(*v));
	if ((rc = store_query_id(st, STMT_DISTRICT_ID_LOOSE, &k, 1, &v->id, e)) != LUP_OK)
		return rc;
	struct sval id = SVI(v->id);
	if (v->id && (rc = store_query(st, STMT_SHOW_DISTRICT, &id, 1, head_cb, &h, e)) != LUP_OK)
		return rc;
	if (!v->id || !v->key)
		return err_set(e, LUP_ENOTFOUND, "no district '%s'", key);
	struct sval ck = SVS(h.committee);
	if (h.committee[0] && (rc = store_query_id(st, STMT_ORG_ID, &ck, 1, &v->committee, e)) != LUP_OK)
		return rc;
	return compare(st, year, v, e);
}

int district_view_load_known(struct store *st, int64_t id, int64_t committee, const char *key, const char *name,
			     int year, struct district_view *v, struct err *e)
{
	memset(v, 0, sizeof(*v));
	v->id = id;
	v->committee = committee;
	v->key = arena_strdup(&v->a, key);
	v->name = arena_strdup(&v->a, name);
	return compare(st, year, v, e);
}

void district_view_release(struct district_view *v)
{
	free(v->rows);
	free(v->years);
	free(v->series);
	arena_release(&v->a);
	memset(v, 0, sizeof(*v));
}

void district_table(struct district_view *v, struct table *t)
{
	char period[16];

	memcpy(v->cols, district_cols, sizeof(v->cols));
	v->cols[DC_DISTRICT].name = v->name;	/* the district's value under its name */
	table_init(t, "Indikatorer", v->cols, DC__MAX);
	snprintf(period, sizeof(period), "%d-VB", v->year);
	for (size_t i = 0; i < v->n; i++) {
		const struct district_cmp *c = &v->rows[i];
		table_row(t);
		table_set_text(t, DC_INDICATOR, c->key);
		table_set_text(t, DC_NAME, c->name);
		table_set_text(t, DC_UNIT, c->unit);
		table_set_text(t, DC_PERIOD, period);
		table_set_text(t, DC_SEX, c->sex);
		if (c->has_value)
			table_set_dec(t, DC_DISTRICT, c->value);
		if (c->has_city)
			table_set_dec(t, DC_CITY, c->city);
		if (c->has_value && c->has_city)
			table_set_dec(t, DC_GAP, c->gap);
		table_set_text(t, DC_GAP_UNIT, district_change_unit(c->unit));
		table_set_bool(t, DC_EXAMPLE, c->example || c->city_example);
	}
}
