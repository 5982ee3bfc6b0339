/* page-district-indicators.c: the indicators part of the district page (GET /stadsdel/{key}):
 * the committee's indicators against the city average for a year, by sex, with the gap and the
 * yearly change needed to reach the average in 5 years; one indicator in detail (?indikator=)
 * with bars for every district and a line over the years with the årsmål and the city average.
 * Every chart has its numbers in a table beside it. */
#include "web/pages-places.h"
#include "view/district.h"
#include "web/download.h"
#include "web/pages-forms.h"
#include "model/gap.h"
#include "render/svg.h"
#include "store/store.h"
#include "core/collate.h"
#include "core/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLOSE_YEARS 5	/* the LUP horizon: years to reach the city average */

/* The district's totals of the comparison's view (district_view's series: by indicator and
 * year, the order spark_run's bisection needs). */
struct series {
	const struct district_point *p;
	int n;
};

/* Per district of the comparison: name, key and values by sex (T, K, M). */
struct cmp_area {
	const char *key, *name;
	double v[3];
};

/* STMT_WEB_PLACES_DISTRICT_BARS's rows folded per district (cmp_cb), sorted by name (sort_bars). */
struct cmp_fold {
	struct arena *ar;
	struct cmp_area *a;	/* with room for one more (the bars' city) */
	int n, cap;
	double city[3];		/* the city's values by sex (NAN: none) */
	int ex;			/* some value is example data */
	int checked, bad;	/* the columns checked on the first row; not the ones cmp_cb reads */
};

struct ind {
	struct http_req *r;
	struct html *h;
	int64_t district, committee;
	const char *key, *name;
	long year;
	struct district_view v;	/* the comparison (view/district.h) */
	int own_only;		/* show only the committee's own indicators */
	int by_sex;		/* some shown row is K or M */
	int example;		/* some shown value is example data */
	int sel;		/* the row of the indicator shown in detail */
	/* read by fetch: the chosen indicator's value in every district
	 * (STMT_WEB_PLACES_DISTRICT_BARS), its totals over the years in the city
	 * (STMT_WEB_PLACES_INDICATOR_SERIES), its targets (STMT_REL_INDICATOR_TARGETS); the
	 * district's totals of every indicator over the years are the view's (v.series, also the
	 * line's district) */
	struct cmp_fold cmp;
	struct rowset line, targets;
	struct series series;
	struct sval cmp_args[2], line_args[2], ind_arg;
	const char *ind_prefix;	/* ind_href's start, made at its first call */
	struct buf hb;		/* ind_href's work space, reused for every row */
	/* texts escaped once (render/html.h), made by pre_names: each shown row's indicator name
	 * (the option, the row's header, the sparkline's title), the district's name, the links'
	 * start */
	struct html_pre *pname, dname, link_prefix;
	/* the sparklines' titles' end, " i <district> <first year>–<last year>", escaped for the
	 * years spark_y0, spark_y1 (one span for nearly every row) */
	struct html_pre spark_end;
	long spark_y0, spark_y1;
	char spark_room[512];
};

/* cmp_value, cmp_city: row i's district and city values, NAN when missing */
static double cmp_value(const struct ind *x, int i)
{
	return x->v.rows[i].has_value ? x->v.rows[i].value : NAN;
}

static double cmp_city(const struct ind *x, int i)
{
	return x->v.rows[i].has_city ? x->v.rows[i].city : NAN;
}

static int shown(const struct ind *x, int i)
{
	return !x->own_only || x->v.rows[i].own;
}

static enum model_direction direction(const char *s)
{
	return s && strcmp(s, "higher") == 0 ? MODEL_DIR_HIGHER : s && strcmp(s, "lower") == 0 ? MODEL_DIR_LOWER
											       : MODEL_DIR_NONE;
}

static const char *direction_sv(const char *s)
{
	enum model_direction d = direction(s);

	return d == MODEL_DIR_HIGHER ? "högre är bättre" : d == MODEL_DIR_LOWER ? "lägre är bättre" : "ingen riktning";
}

/* ind_href: this page showing indicator ikey for the year, at the detail, in x->hb: valid until
 * the next call. The start, the same for every indicator (one link per row of the table), is
 * made once and stays in the buffer. */
static const char *ind_href(struct ind *x, const char *ikey)
{
	struct buf *b = &x->hb;

	if (!x->ind_prefix) {
		buf_reset(b);
		buf_adds(b, page_href(x->r, "/stadsdel", x->key));
		buf_addf(b, "?ar=%ld&indikator=", x->year);
		x->ind_prefix = arena_strdup(&x->r->a, b->ptr);
	}
	buf_truncate(b, strlen(x->ind_prefix));
	html_url_arg(b, ikey);
	buf_adds(b, "#vald-indikator");
	return b->ptr;
}

/* ind_link: ind_href(x, ikey) escaped, in room (size bytes): its start escaped once
 * (x->link_prefix), the key percent-encoded and the anchor after it; 0, or -1 when it does not
 * fit. */
static int ind_link(struct ind *x, const char *ikey, struct html_pre *p, char *room, size_t size)
{
	return html_pre_url(p, room, size, &x->link_prefix, ikey, "#vald-indikator");
}

/* pre_names: the texts escaped once: every shown row's indicator name (the rows of an indicator
 * share one), the district's name, the indicator links' start. */
static void pre_names(struct ind *x)
{
	struct arena *a = &x->r->a;
	const char **text = arena_alloc_raw(a, sizeof(*text) * (x->v.n + 2));
	int *of = arena_alloc_raw(a, sizeof(*of) * (x->v.n ? x->v.n : 1));
	size_t m = 0;

	for (int i = 0; i < (int)x->v.n; i++) {	/* of[i]: row i's name among the texts */
		if (!shown(x, i))
			of[i] = -1;
		else if (i && of[i - 1] >= 0 && x->v.rows[i].ind == x->v.rows[i - 1].ind &&
			 (x->v.rows[i].name == x->v.rows[i - 1].name || strcmp(x->v.rows[i].name, x->v.rows[i - 1].name) == 0))
			of[i] = of[i - 1];	/* the same indicator's other sex: its name */
		else
			of[i] = (int)m, text[m++] = x->v.rows[i].name;
	}
	ind_href(x, "");	/* its start, made once */
	text[m] = x->name;
	text[m + 1] = x->ind_prefix;
	struct html_pre *p = arena_alloc_raw(a, sizeof(*p) * (m + 2));
	html_pre_escape_all(p, a, text, m + 2);
	x->pname = arena_alloc_raw(a, sizeof(*x->pname) * (x->v.n ? x->v.n : 1));
	for (int i = 0; i < (int)x->v.n; i++)
		x->pname[i] = of[i] >= 0 ? p[of[i]] : (struct html_pre){ "", 0 };
	x->dname = p[m];
	x->link_prefix = p[m + 1];
}

/* year_nav: links to the other years with outcomes. */
static void year_nav(struct ind *x)
{
	struct html *h = x->h;

	if (x->v.nyears < 2)
		return;
	HTML_OPEN_AV(h, "p", "class", "yearnav");
	html_text(h, "År: ");
	for (size_t i = 0; i < x->v.nyears; i++) {
		long y = x->v.years[i];
		char href[256], label[16];
		if (i)
			html_text(h, " · ");
		char ys[NUMFMT_SIZE];
		numfmt_long(y, ys);
		const char *part[] = { page_href(x->r, "/stadsdel", x->key), "?ar=", ys, "#indikatorer" };
		numfmt_join(href, sizeof(href), part, 4);	/* "%s?ar=%ld#indikatorer" */
		numfmt_join(label, sizeof(label), part + 2, 1);	/* "%ld" */
		html_elem(h, "a", label, "href", href, "aria-current", y == x->year ? "page" : NULL, NULL);
	}
	html_close(h);
}

/* choose: the selection form (GET) of the indicator shown in detail. */
static void choose(struct ind *x)
{
	struct html *h = x->h;
	char year[NUMFMT_SIZE];

	numfmt_long(x->year, year);	/* "%ld" */
	html_open(h, "form", "class", "filter no-print", "method", "get",
		  "action", page_href(x->r, "/stadsdel", x->key), NULL);
	html_void(h, "input", "type", "hidden", "name", "ar", "value", year, NULL);
	HTML_OPEN(h, "div");
	HTML_ELEM_AV(h, "label", "for", "indikator", "Visa indikator i detalj");
	html_open(h, "select", "id", "indikator", "name", "indikator", NULL);
	for (int i = 0; i < (int)x->v.n; i++) {
		if (!shown(x, i) || (i && strcmp(x->v.rows[i].key, x->v.rows[i - 1].key) == 0))
			continue;
		if (strcmp(x->v.rows[i].key, x->v.rows[x->sel].key) != 0) {	/* one template (no bare attribute) */
			HTML_TPLX(h, "<option value=\"" HTML_HOLE "\">" HTML_HOLE "</option>", HTML_T(x->v.rows[i].key),
				  HTML_P(&x->pname[i]));
			continue;
		}
		HTML_START(h, "option");
		HTML_ATTR(h, "value", x->v.rows[i].key);
		HTML_ATTR(h, "selected", "");
		html_start_end(h, 1);
		html_text(h, x->v.rows[i].name);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	HTML_ELEM_AV(h, "button", "type", "submit", "Visa");
	html_close(h);
}

/* gap_sentence: the Swedish sentence on row i's gap to the city and what closes it in 5 years. */
static void gap_sentence(struct ind *x, int i)
{
	double d = cmp_value(x, i), c = cmp_city(x, i);
	const char *sex = x->v.rows[i].sex;
	char buf[512], name[200];
	struct model_gap_spec s = {
		.area = name, .dir = direction(x->v.rows[i].direction), .district = d, .city = c,
		.unit = x->v.rows[i].unit, .years = CLOSE_YEARS,
		.decimals = places_decimals(d) > places_decimals(c) ? places_decimals(d) : places_decimals(c),
	};

	if (isnan(d) || isnan(c))
		return;
	const char *part[] = { x->name, strcmp(sex, "K") == 0 ? ", kvinnor" : strcmp(sex, "M") == 0 ? ", män" : "" };
	numfmt_join(name, sizeof(name), part, 2);	/* "%s%s" */
	if (model_gap_sentence(&s, buf, sizeof(buf), NULL, 0) == 0)
		HTML_ELEM(x->h, "p", buf);
}

/* cols_are: 1 when r's first columns are named as names (NULL-ended), in that order: the
 * callbacks below read their columns by place, and a statement's text changed on one backend
 * must fail loudly rather than fill the page from the wrong columns. */
static int cols_are(const struct store_row *r, const char *const *names)
{
	int i = 0;

	for (; names[i]; i++)
		if (i >= store_ncols(r) || strcmp(store_col_name(r, i), names[i]) != 0)
			return 0;
	return 1;
}

/* fold_area: the entry of district key (area) in f, a new one (named name) when there is none;
 * the rows come in no set order, those of a district mostly together (the last entry first) */
static struct cmp_area *fold_area(struct cmp_fold *f, const char *area, const char *name)
{
	for (int i = f->n - 1; i >= 0; i--)
		if (strcmp(f->a[i].key, area) == 0)
			return &f->a[i];
	if (f->n == f->cap) {
		int ncap = f->cap ? f->cap * 2 : 32;
		struct cmp_area *na = arena_alloc_raw(f->ar, sizeof(*na) * (size_t)(ncap + 1));
		if (f->n)
			memcpy(na, f->a, sizeof(*na) * (size_t)f->n);
		f->a = na, f->cap = ncap;
	}
	f->a[f->n] = (struct cmp_area){ arena_strdup(f->ar, area), arena_strdup(f->ar, name), { NAN, NAN, NAN } };
	return &f->a[f->n++];
}

/* cmp_cb: a row of STMT_WEB_PLACES_DISTRICT_BARS (area, name, level, sexes, vt, vk, vm;
 * unordered) folded into one entry per district of the comparison (ctx), the city's values apart
 * (sort_bars orders the districts): each sex of sexes (K 1, M 2, T 4; shifted by 3, example
 * data) its value's column (NULL: missing). SQLite gives a row per area, PostgreSQL one per
 * outcome; a row with no sex the viewer may see adds nothing. The columns by their place in the
 * statement's text (both backends' are the same). */
static int cmp_cb(void *ctx, const struct store_row *r)
{
	static const char *const cols[] = { "area", "name", "level", "sexes", "vt", "vk", "vm", NULL };
	static const struct {
		unsigned bit;
		int col, s;
	} sx[] = { { 4, 4, 0 }, { 1, 5, 1 }, { 2, 6, 2 } };	/* T, K, M: v[0], v[1], v[2] */
	struct cmp_fold *f = ctx;

	if (!f->checked && !(f->checked = cols_are(r, cols)))
		return f->bad = 1;
	unsigned sexes = (unsigned)store_col_int(r, 3);
	if ((sexes & 7) == 0)
		return 0;
	f->ex |= (sexes >> 3 & 7) != 0;
	const char *level = store_col_text(r, 2);
	double *v = f->city;
	if (!level || strcmp(level, "municipality") != 0) {
		const char *area = store_col_text(r, 0);
		v = fold_area(f, area ? area : "", store_col_text(r, 1))->v;
	}
	for (size_t k = 0; k < sizeof(sx) / sizeof(sx[0]); k++) {
		if (!(sexes & sx[k].bit))
			continue;
		struct store_cell c;
		store_col_cell(r, sx[k].col, &c);
		v[sx[k].s] = c.t == SV_NULL ? NAN : c.t == SV_REAL ? c.d : c.t == SV_INT ? (double)c.i
			: store_col_real(r, sx[k].col);
	}
	return 0;
}

/* A district of the bars with its name's place in Swedish order (sort_bars). */
struct bar_key {
	int rank;
	struct cmp_area a;
};

/* by_rank_key: name (Swedish rank), then key (byte order): STMT_COMPARISON's ORDER BY a.name
 * COLLATE sv, with the key for names that compare equal */
static int by_rank_key(const void *pa, const void *pb)
{
	const struct bar_key *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(a->a.key, b->a.key);
}

/* sort_bars: the folded districts (read unordered) by name in Swedish order (core/collate.h, the
 * order COLLATE sv gives), as STMT_COMPARISON sorted them. Returns 0, or -1 when the collation
 * fails. */
static int sort_bars(struct cmp_fold *f)
{
	int n = f->n;

	if (n < 2)
		return 0;
	const char **names = arena_alloc_raw(f->ar, sizeof(*names) * (size_t)n);
	int *rank = arena_alloc_raw(f->ar, sizeof(*rank) * (size_t)n);
	struct bar_key *k = arena_alloc_raw(f->ar, sizeof(*k) * (size_t)n);
	for (int i = 0; i < n; i++)
		names[i] = f->a[i].name;
	if (collate_ranks(names, n, rank) != 0)
		return -1;
	for (int i = 0; i < n; i++)
		k[i] = (struct bar_key){ rank[i], f->a[i] };
	qsort(k, (size_t)n, sizeof(*k), by_rank_key);
	for (int i = 0; i < n; i++)
		f->a[i] = k[i].a;
	return 0;
}

/* bars_table: the numbers of the bar chart. */
static void bars_table(struct ind *x, const struct cmp_area *a, int n, const double city[3], int by_sex,
		       const char *unit, int dec)
{
	static const char *const cols_t[] = { "Område", "#Värde", "#Skillnad mot staden", NULL };
	static const char *const cols_s[] = { "Område", "#Totalt", "#Kvinnor", "#Män", "#Skillnad mot staden", NULL };
	struct html *h = x->h;
	char b[64];

	HTML_OPEN(h, "table");
	HTML_OPEN(h, "caption");
	html_textf(h, "%s, helår %ld: alla stadsdelsområden och staden", x->v.rows[x->sel].name, x->year);
	html_close(h);
	places_thead(h, by_sex ? cols_s : cols_t);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i <= n; i++) {	/* a row in two templates: the area, the values */
		const double *v = i < n ? a[i].v : city;
		char b1[64], b2[64], b3[64];
		if (i < n && a[i].key)
			HTML_TPL(h, "<tr class=\"" HTML_HOLE "\"><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE
				 "</a></th>", strcmp(a[i].key, x->key) == 0 ? "current" : NULL,
				 page_href(x->r, "/stadsdel", a[i].key), a[i].name);
		else
			HTML_TPL(h, "<tr><th scope=\"row\">" HTML_HOLE "</th>", i < n ? a[i].name : "Stadens snitt");
		const char *diff = i < n ? svg_fmt_value(v[0] - city[0], dec, district_change_unit(unit), 1, b, sizeof(b)) : "";
		if (by_sex)
			HTML_TPL(h, "<td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">"
				 HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td></tr>",
				 svg_fmt_value(v[0], dec, unit, 0, b1, sizeof(b1)), svg_fmt_value(v[1], dec, unit, 0, b2, sizeof(b2)),
				 svg_fmt_value(v[2], dec, unit, 0, b3, sizeof(b3)), diff);
		else
			HTML_TPL(h, "<td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td></tr>",
				 svg_fmt_value(v[0], dec, unit, 0, b1, sizeof(b1)), diff);
	}
	html_close(h);
	html_close(h);
}

/* detail_bars: every district's value for the chosen indicator, this one emphasised. */
static int detail_bars(struct ind *x, const char *unit, int dec)
{
	const struct cmp_area *a = x->cmp.a;
	const double *city = x->cmp.city;
	struct svg_bar *bars;
	int n = x->cmp.n, ex = x->cmp.ex, by_sex = 0;
	char title[400];

	bars = arena_alloc(&x->r->a, sizeof(*bars) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) {
		bars[i] = (struct svg_bar){ a[i].name, a[i].v[0], a[i].v[1], a[i].v[2], strcmp(a[i].key, x->key) == 0 };
		by_sex |= !isnan(a[i].v[1]) || !isnan(a[i].v[2]);
	}
	char ys[NUMFMT_SIZE];
	numfmt_long(x->year, ys);
	const char *part[] = { x->v.rows[x->sel].name, ", helår ", ys, ", per stadsdelsområde", by_sex ? " och kön" : "" };
	numfmt_join(title, sizeof(title), part, 5);	/* "%s, helår %ld, per stadsdelsområde%s" */
	struct svg_opts o = { .id = "jamforelse", .title = title, .unit = unit, .decimals = dec, .example = ex,
		.desc = "Stapeldiagram över alla stadsdelsområden med stadens snitt som streckad linje. "
			"Samma siffror finns i tabellen under diagrammet." };
	HTML_OPEN_AV(x->h, "div", "class", "chart");
	svg_bar_chart(x->h, &o, bars, (size_t)n, by_sex, city[0]);
	html_close(x->h);
	bars_table(x, a, n, city, by_sex, unit, dec);
	return 0;
}

/* Years of the line chart: outcomes' years and the årsmål's years. */
struct line {
	const char *labels[32];
	long years[32];
	double dist[32], city[32], target[32];
	int n, example;
};

static int year_slot(struct line *l, long y)
{
	for (int i = 0; i < l->n; i++)
		if (l->years[i] == y)
			return i;
	if (l->n == 32)
		return -1;
	int i = l->n++;
	while (i > 0 && l->years[i - 1] > y) {
		l->years[i] = l->years[i - 1], l->dist[i] = l->dist[i - 1];
		l->city[i] = l->city[i - 1], l->target[i] = l->target[i - 1];
		i--;
	}
	l->years[i] = y;
	l->dist[i] = l->city[i] = l->target[i] = NAN;
	return i;
}

/* line_fill: the district's and the city's totals and the numeric årsmål per year. The
 * district's are the comparison's (x->series: the chosen indicator's points with a value), the
 * city's STMT_WEB_PLACES_INDICATOR_SERIES's rows; both by year, taken in year order (the
 * district's first in a year), as the statement gave the two areas' rows until session 20: the
 * first 32 years are the ones shown. */
static void line_fill(struct ind *x, struct line *l, int own)
{
	const struct rowset *s = &x->line, *t = &x->targets;
	int64_t id = x->v.rows[x->sel].ind;
	int j = 0, nd = x->series.n;

	while (j < nd && x->series.p[j].ind != id)
		j++;
	for (int i = 0; i < s->nrows || (j < nd && x->series.p[j].ind == id);) {
		const struct district_point *p = j < nd && x->series.p[j].ind == id ? &x->series.p[j] : NULL;
		int k;
		if (p && (i >= s->nrows || p->year <= places_i(s, i, "year"))) {
			j++;
			if (isnan(p->value) || (k = year_slot(l, (long)p->year)) < 0)
				continue;
			l->example |= p->example;
			l->dist[k] = rowset_real_read(p->value);	/* as the statement's row was read */
			continue;
		}
		if (strcmp(places_s(s, i, "sex"), "T") != 0 || (k = year_slot(l, (long)places_i(s, i, "year"))) < 0) {
			i++;
			continue;
		}
		l->example |= places_i(s, i, "example") != 0;
		if (strcmp(places_s(s, i, "level"), "district") == 0)
			l->dist[k] = places_d(s, i, "value");
		else
			l->city[k] = places_d(s, i, "value");
		i++;
	}
	for (int i = 0; own && i < t->nrows; i++) {
		int k;
		if (strcmp(places_s(t, i, "kind"), "own") == 0 && strcmp(places_s(t, i, "mode"), "number") == 0 &&
		    (k = year_slot(l, (long)places_i(t, i, "year"))) >= 0)
			l->target[k] = places_d(t, i, "value");
	}
	for (int i = 0; i < l->n; i++) {
		char y[NUMFMT_SIZE];
		numfmt_long(l->years[i], y);	/* "%ld" */
		l->labels[i] = arena_strdup(&x->r->a, y);
	}
}

/* line_table: the numbers of the line chart. */
static void line_table(struct ind *x, const struct line *l, const char *unit, int dec)
{
	struct html *h = x->h;
	const char *cols[] = { "År", NULL, "#Stadens snitt", "#Årsmål", NULL };
	char b[64], dn[160];

	const char *dpart[] = { "#", x->name };
	numfmt_join(dn, sizeof(dn), dpart, 2);	/* "#%s" */
	cols[1] = dn;
	HTML_OPEN(h, "table");
	HTML_OPEN(h, "caption");
	html_textf(h, "%s över åren (helår): %s, stadens snitt och årsmål", x->v.rows[x->sel].name, x->name);
	html_close(h);
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < l->n; i++) {
		char b1[64], b2[64];
		HTML_TPL(h, "<tr><th scope=\"row\">" HTML_HOLE "</th><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">"
			 HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td></tr>", l->labels[i],
			 svg_fmt_value(l->dist[i], dec, unit, 0, b, sizeof(b)), svg_fmt_value(l->city[i], dec, unit, 0, b1, sizeof(b1)),
			 isnan(l->target[i]) ? "–" : svg_fmt_value(l->target[i], dec, unit, 0, b2, sizeof(b2)));
	}
	html_close(h);
	html_close(h);
}

/* detail_line: the chosen indicator over the years with the årsmål and the city average. */
static void detail_line(struct ind *x, const char *unit, int dec)
{
	struct line *l = arena_alloc(&x->r->a, sizeof(*l));
	char title[400];
	size_t ns = 2;

	line_fill(x, l, (int)x->v.rows[x->sel].own);
	for (int i = 0; i < l->n; i++)
		ns = isnan(l->target[i]) ? ns : 3;
	struct svg_series s[] = {
		{ x->name, SVG_LINE_OUTCOME, l->dist },
		{ "Stadens snitt", SVG_LINE_CITY, l->city },
		{ "Årsmål", SVG_LINE_TARGET, l->target },
	};
	const char *part[] = { x->v.rows[x->sel].name, " över åren i ", x->name };
	numfmt_join(title, sizeof(title), part, 3);	/* "%s över åren i %s" */
	struct svg_opts o = { .id = "over-tid", .title = title, .unit = unit, .decimals = dec, .example = l->example,
		.desc = "Linjediagram över helårsvärden: stadsdelsområdet (heldragen linje), stadens snitt "
			"(prickad) och årsmålet (streckad). Samma siffror finns i tabellen under diagrammet." };
	HTML_OPEN_AV(x->h, "div", "class", "chart");
	svg_line_chart(x->h, &o, l->labels, (size_t)l->n, s, ns);
	html_close(x->h);
	line_table(x, l, unit, dec);
}

/* detail: the chosen indicator: who follows it, the gap sentences, the charts and tables. */
static void detail(struct ind *x)
{
	struct html *h = x->h;
	const char *unit = x->v.rows[x->sel].unit;
	int64_t id = x->v.rows[x->sel].ind;
	int dec = 0;

	for (int i = x->sel; i < (int)x->v.n && x->v.rows[i].ind == id; i++) {
		int a = places_decimals(cmp_value(x, i)), b = places_decimals(cmp_city(x, i));
		dec = a > dec ? a : dec;
		dec = b > dec ? b : dec;
	}
	HTML_ELEM_AV(h, "h3", "id", "vald-indikator", x->v.rows[x->sel].name);
	HTML_OPEN_AV(h, "p", "class", "muted");
	html_textf(h, "Följs upp av %s. Enhet: %s; %s.", x->v.rows[x->sel].owner_name,
		   unit ? unit : "ingen", direction_sv(x->v.rows[x->sel].direction));
	html_close(h);
	for (int i = x->sel; i < (int)x->v.n && x->v.rows[i].ind == id; i++)
		gap_sentence(x, i);
	detail_bars(x, unit, dec);
	detail_line(x, unit, dec);
}

/* overview_spark: the district's full-year totals of row i's indicator over the years. */
/* spark_run: the rows [*from, *to) of indicator id in the sorted series s (bisection) */
static void spark_run(const struct series *s, int64_t id, int *from, int *to)
{
	int lo = 0, hi = s->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (s->p[mid].ind < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = lo;
	for (hi = s->n; lo < hi;) {
		int mid = lo + (hi - lo) / 2;
		if (s->p[mid].ind <= id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*to = lo;
}

/* spark_end: x->spark_end for the years y0 to y1 (their texts ys0, ys1), made when they are
 * not the last ones; 0, or -1 when it does not fit. */
static int spark_end(struct ind *x, long y0, long y1, const char *ys0, const char *ys1)
{
	if (x->spark_end.esc && x->spark_y0 == y0 && x->spark_y1 == y1)
		return 0;
	const struct html_pre *pre[] = { NULL, &x->dname, NULL, NULL, NULL, NULL };
	const char *text[] = { " i ", NULL, " ", ys0, "–", ys1 };
	x->spark_y0 = y0, x->spark_y1 = y1;
	if (html_pre_join(&x->spark_end, x->spark_room, sizeof(x->spark_room), pre, text, 6) == 0)
		return 0;
	x->spark_end.esc = NULL;	/* not made: made again at the next call */
	return -1;
}

static void overview_spark(struct ind *x, int i, const struct series *series, int n)
{
	int from, to;
	double *v;
	char id[11 + NUMFMT_SIZE], title[300], y0[NUMFMT_SIZE], y1[NUMFMT_SIZE];

	spark_run(series, x->v.rows[i].ind, &from, &to);
	if (to - from < 2) {
		html_text(x->h, "–");
		return;
	}
	v = arena_alloc(&x->r->a, sizeof(double) * (size_t)(to - from));
	for (int k = from; k < to; k++)
		v[k - from] = series->p[k].value;
	numfmt_long(series->p[from].year, y0);
	numfmt_long(series->p[to - 1].year, y1);
	struct svg_opts o = { .unit = x->v.rows[i].unit, .decimals = places_decimals(v[to - from - 1]) };
	if (spark_end(x, series->p[from].year, series->p[to - 1].year, y0, y1) == 0 &&
	    svg_sparkline_pre(x->h, &o, &x->pname[i], &x->spark_end, v, (size_t)(to - from)) == 0)
		return;	/* the title from the name and its end, each escaped once */
	memcpy(id, "utveckling-", 11);		/* "utveckling-%d", without printf (once per row) */
	numfmt_long(n, id + 11);
	const char *part[] = { x->v.rows[i].name, " i ", x->name, " ", y0, "–", y1 };
	numfmt_join(title, sizeof(title), part, 7);	/* "%s i %s %s–%s" */
	o.id = id;
	o.title = title;
	svg_sparkline(x->h, &o, v, (size_t)(to - from));
}

/* overview_head_text: <tr> and row i's indicator as the row header of its span rows (span 1
 * or more) (its sexes):
 * the linked name and the direction, once per indicator (overview_head: span 0 the <tr> alone). A th with
 * scope="row" applies to the cells of every row it spans (the HTML table model), so each sex's
 * row keeps its header. The row stays open. */
static void overview_head_text(struct ind *x, int i, int span)
{
	struct html *h = x->h;
	const struct district_cmp *row = &x->v.rows[i];
	char n[NUMFMT_SIZE];

	if (span == 1) {
		HTML_TPL(h, "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a><span class=\"desc\">"
			 HTML_HOLE "</span></th>", ind_href(x, row->key), row->name, direction_sv(row->direction));
		return;
	}
	numfmt_long(span, n);
	HTML_TPL(h, "<tr><th scope=\"row\" rowspan=\"" HTML_HOLE "\"><a href=\"" HTML_HOLE "\">" HTML_HOLE
		 "</a><span class=\"desc\">" HTML_HOLE "</span></th>", n, ind_href(x, row->key), row->name,
		 direction_sv(row->direction));
}

/* overview_head: overview_head_text with the name and the link escaped once (pre_names,
 * ind_link). */
static void overview_head(struct ind *x, int i, int span)
{
	struct html *h = x->h;
	const struct district_cmp *row = &x->v.rows[i];
	char n[NUMFMT_SIZE];

	if (!span) {
		HTML_TPL0(h, "<tr>");
		return;
	}
	char room[512];
	struct html_pre link;
	if (ind_link(x, row->key, &link, room, sizeof(room)) != 0) {
		overview_head_text(x, i, span);
		return;
	}
	if (span == 1) {
		HTML_TPLX(h, "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a><span class=\"desc\">"
			  HTML_HOLE "</span></th>", HTML_P(&link), HTML_P(&x->pname[i]), HTML_T(direction_sv(row->direction)));
		return;
	}
	numfmt_long(span, n);
	HTML_TPLX(h, "<tr><th scope=\"row\" rowspan=\"" HTML_HOLE "\"><a href=\"" HTML_HOLE "\">" HTML_HOLE
		  "</a><span class=\"desc\">" HTML_HOLE "</span></th>", HTML_T(n), HTML_P(&link), HTML_P(&x->pname[i]),
		  HTML_T(direction_sv(row->direction)));
}

/* overview_span: the number of shown rows from row i on of row i's indicator when i is its
 * first (the rows of an indicator are adjacent), else 0: the header is above. */
static int overview_span(const struct ind *x, int i)
{
	int j = i + 1;

	if (i && strcmp(x->v.rows[i].key, x->v.rows[i - 1].key) == 0 && shown(x, i - 1))
		return 0;
	while (j < (int)x->v.n && shown(x, j) && strcmp(x->v.rows[j].key, x->v.rows[i].key) == 0)
		j++;
	return j - i;
}

/* overview_head_cells: overview_head and overview_row's cells in one template where the row is
 * a total (by sex: its header spans its sexes' rows; else: it spans its own row alone), the
 * trend's cell left open; 1 when written, else 0 (nothing written: the caller writes them apart). */
static int overview_head_cells(struct ind *x, int i, int span, const char *vd, const char *vc, const char *vg,
			       const char *vx, const char *band)
{
	const struct district_cmp *row = &x->v.rows[i];
	char n[NUMFMT_SIZE], room[512];
	struct html_pre link;

	if (!(x->by_sex && span > 1) && !(!x->by_sex && span == 1))
		return 0;
	if (ind_link(x, row->key, &link, room, sizeof(room)) != 0)
		return 0;
	if (x->by_sex) {
		numfmt_long(span, n);
		HTML_TPLX(x->h, "<tr><th scope=\"row\" rowspan=\"" HTML_HOLE "\"><a href=\"" HTML_HOLE "\">" HTML_HOLE
			  "</a><span class=\"desc\">" HTML_HOLE "</span></th><td>" HTML_HOLE "</td><td class=\"num\">"
			  HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE
			  "</td><td class=\"num\">" HTML_HOLE "</td><td>" HTML_HOLE "</td><td>", HTML_T(n), HTML_P(&link),
			  HTML_P(&x->pname[i]), HTML_T(direction_sv(row->direction)), HTML_T(places_sex_sv(row->sex)),
			  HTML_T(vd), HTML_T(vc), HTML_T(vg), HTML_T(vx), HTML_T(band));
		return 1;
	}
	HTML_TPLX(x->h, "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a><span class=\"desc\">"
		  HTML_HOLE "</span></th><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE
		  "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td>" HTML_HOLE
		  "</td><td>", HTML_P(&link), HTML_P(&x->pname[i]), HTML_T(direction_sv(row->direction)), HTML_T(vd),
		  HTML_T(vc), HTML_T(vg), HTML_T(vx), HTML_T(band));
	return 1;
}

/* overview_row: one indicator and sex: values, difference, yearly change to close, band, trend
 * (its cells written by one template, the trend's cell left open for the sparkline). */
static void overview_row(struct ind *x, int i, const struct series *series, int n)
{
	struct html *h = x->h;
	const char *unit = x->v.rows[i].unit, *sex = x->v.rows[i].sex;
	double d = cmp_value(x, i), c = cmp_city(x, i), change = NAN;
	enum model_direction dir = direction(x->v.rows[i].direction);
	int dd = places_decimals(d), dc = places_decimals(c), dec = dd > dc ? dd : dc;
	char bd[64], bc[64], bg[64], bx[64];
	const char *vd, *vc, *vg, *vx, *band, *cu = district_change_unit(unit);
	int span = overview_span(x, i), alone = !span && x->by_sex && strcmp(sex, "T") != 0;

	vd = svg_fmt_value(d, dec, unit, 0, bd, sizeof(bd));
	vc = svg_fmt_value(c, dec, unit, 0, bc, sizeof(bc));
	vg = svg_fmt_value(d - c, dec, cu, 1, bg, sizeof(bg));
	if (!isnan(d) && !isnan(c))
		model_yearly_change_to_close(dir, d, c, CLOSE_YEARS, &change, NULL, 0);
	vx = isnan(change) ? "–" : change == 0 ? "behövs inte" :
		svg_fmt_value(change, dec + 1 > 2 ? 2 : dec + 1, cu, 1, bx, sizeof(bx));
	band = model_gap_class_label_sv(model_gap_class(model_gap(dir, d, c), c));
	if (alone) {	/* <tr>, the cells and the empty trend's cell: no sparkline (a total's alone) */
		HTML_TPL(h, "<tr><td>" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE
			 "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td>" HTML_HOLE
			 "</td><td></td></tr>", places_sex_sv(sex), vd, vc, vg, vx, band);
		return;
	}
	if (!overview_head_cells(x, i, span, vd, vc, vg, vx, band)) {	/* else the two apart */
		overview_head(x, i, span);
		if (x->by_sex)
			HTML_TPL(h, "<td>" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">"
				 HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE
				 "</td><td>" HTML_HOLE "</td><td>", places_sex_sv(sex), vd, vc, vg, vx, band);
		else
			HTML_TPL(h, "<td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE
				 "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td>"
				 HTML_HOLE "</td><td>", vd, vc, vg, vx, band);
	}
	if (strcmp(sex, "T") == 0)
		overview_spark(x, i, series, n);
	HTML_TPL0(h, "</td></tr>");
}

/* overview: every shown indicator and sex against the city, with a trend sparkline. */
static void overview(struct ind *x)
{
	const char *cols[] = { "Indikator", "Kön", NULL, "#Staden", "#Skillnad",
		"#Förändring per år för att nå snittet på 5 år", "Läge", "Utveckling", NULL };
	char dn[160];
	struct html *h = x->h;
	int n = 0;
	HTML_OPEN(h, "h3");
	html_textf(h, "Alla indikatorer %ld", x->year);
	html_close(h);
	HTML_OPEN(h, "table");
	HTML_OPEN(h, "caption");
	html_textf(h, "%s jämfört med stadens snitt, helår %ld%s", x->name, x->year,
		   x->example ? " (utfallen är exempeldata)" : "");
	html_close(h);
	const char *dpart[] = { "#", x->name };
	numfmt_join(dn, sizeof(dn), dpart, 2);	/* "#%s" */
	cols[2] = dn;
	if (!x->by_sex)
		cols[1] = "Indikator";
	places_thead(h, x->by_sex ? cols : cols + 1);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < (int)x->v.n; i++)
		if (shown(x, i))
			overview_row(x, i, &x->series, n++);
	html_close(h);
	html_close(h);
}

/* fetch: the reads of the detail of the chosen indicator (row x->sel) and of the overview, in
 * one go (one round trip on PostgreSQL). */
static int fetch(struct ind *x)
{
	int64_t id = x->v.rows[x->sel].ind;
	struct store_q q[4];
	int n = 0;

	x->cmp_args[0] = SVI(id), x->cmp_args[1] = SVI(x->year);
	x->line_args[0] = SVI(id), x->line_args[1] = SVI(x->district);
	x->ind_arg = SVI(id);
	x->cmp = (struct cmp_fold){ .ar = &x->r->a, .city = { NAN, NAN, NAN } };
	q[n++] = (struct store_q){ STMT_WEB_PLACES_DISTRICT_BARS, x->cmp_args, 2, cmp_cb, &x->cmp };
	places_want(x->r, q, &n, &x->line, STMT_WEB_PLACES_INDICATOR_SERIES, x->line_args, 2);
	places_want(x->r, q, &n, &x->targets, STMT_REL_INDICATOR_TARGETS, &x->ind_arg, 1);
	if (places_fetch(x->r, q, n))
		return -1;
	if (x->cmp.bad) {
		err_set(&x->r->err, LUP_EDB, "STMT_WEB_PLACES_DISTRICT_BARS: columns not the ones the page reads");
		return places_fail(x->r);
	}
	if (sort_bars(&x->cmp) != 0) {
		err_set(&x->r->err, LUP_EDB, "cannot sort the districts: the Swedish collation failed");
		return places_fail(x->r);
	}
	x->series = (struct series){ x->v.series, (int)x->v.nseries };
	return 0;
}

/* pick: the row of ?indikator= (404 page when it is not shown here), else the first shown. */
static int pick(struct ind *x)
{
	const char *want = http_query(x->r, "indikator");

	x->sel = -1;
	for (int i = 0; i < (int)x->v.n && x->sel < 0; i++)
		if (shown(x, i) && (!want || strcmp(x->v.rows[i].key, want) == 0))
			x->sel = i;
	if (x->sel >= 0)
		return 0;
	page_error(x->r, 404, "Indikatorn finns inte för det här stadsdelsområdet och året.");
	return -1;
}

/* scan: which rows are shown, and whether they hold sexes and example data. */
static void scan(struct ind *x)
{
	x->own_only = 0;
	for (int i = 0; i < (int)x->v.n; i++)
		x->own_only |= x->v.rows[i].own != 0;
	for (int i = 0; i < (int)x->v.n; i++) {
		if (!shown(x, i))
			continue;
		x->by_sex |= strcmp(x->v.rows[i].sex, "T") != 0;
		x->example |= x->v.rows[i].example || x->v.rows[i].city_example;
	}
}

/* intro: which indicators are shown, and the example-data label. */
static void intro(struct ind *x)
{
	struct html *h = x->h;

	HTML_OPEN(h, "p");
	if (x->own_only)
		html_textf(h, "Stadsdelsnämndens indikatorer för %s jämförda med stadens snitt (helår %ld). "
			   "Skillnaden räknas som stadsdelsområdets värde minus stadens; förändringen per år är den "
			   "som behövs för att nå snittet inom programmets fem år.", x->name, x->year);
	else
		html_textf(h, "Stadsdelsnämnden följer inte upp egna indikatorer i lup. Här visas de indikatorer som "
			   "andra organisationer följer upp för %s, jämförda med stadens snitt (helår %ld).",
			   x->name, x->year);
	html_close(h);
	if (x->example)
		page_example_note(h);
}

/* show: the section of a loaded comparison */
static int show(struct ind *x)
{
	struct http_req *r = x->r;
	struct html *h = x->h;

	HTML_OPEN_AV(h, "section", "aria-labelledby", "indikatorer");
	HTML_ELEM_AV(h, "h2", "id", "indikatorer", "Indikatorer jämfört med staden");
	year_nav(x);
	if (!x->v.n) {
		if (x->year)
			html_textf(h, "Det finns inga utfall för helåret %ld för stadsdelsområdet i lup.", x->year);
		else
			html_text(h, "Det finns inga utfall för stadsdelsområdet i lup.");
		html_close(h);
		return 0;
	}
	scan(x);
	if (pick(x) || fetch(x))
		return -1;
	pre_names(x);
	intro(x);
	/* the comparison as files (the table of exports: kind district, web/page-download.c) */
	download_menu(r, h, "district", page_href(r, "/stadsdel", x->key), pf_printf(r, "ar=%ld", x->year));
	choose(x);
	detail(x);
	overview(x);
	html_close(h);
	return 0;
}

int page_district_indicators(struct http_req *r, struct html *h, int64_t district, int64_t committee,
			     const char *key, const char *name, long year)
{
	struct ind x = { .r = r, .h = h, .district = district, .committee = committee, .key = key, .name = name };
	int rc;

	if (district_view_load_known(r->st, district, committee, key, name, (int)year, &x.v, &r->err) != LUP_OK) {
		district_view_release(&x.v);
		return places_fail(r);
	}
	x.year = x.v.year;
	buf_init(&x.hb, 4096);
	rc = show(&x);
	buf_release(&x.hb);
	district_view_release(&x.v);
	return rc;
}
