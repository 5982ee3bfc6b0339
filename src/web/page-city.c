/* page-city.c: GET / - the city: the districts on a schematic map coloured by an indicator's gap
 * to the city average (with the numbers in a table), the prioritised programmes, the districts x
 * themes matrix and goal fulfilment per organisation for a period. Six or seven queries per
 * page, whatever the number of districts, indicators or organisations. */
#include "web/pages-city.h"
#include "web/page.h"
#include "web/api.h"
#include "web/authz.h"
#include "web/server.h"
#include "render/html.h"
#include "render/rows.h"
#include "render/svg.h"
#include "model/gap.h"
#include "model/period.h"
#include "store/store.h"
#include "core/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_YEARS 64

/* One district's value on the map. */
struct dval {
	double v;
	enum model_gap_class band;
};

/* The page's state: its arguments and what it read. */
struct city {
	struct http_req *r;
	struct html *h;
	struct rowset inds, districts, cmp, periods, themes, fulfil;
	const char *ind_arg;		/* ?indikator=, NULL when not given */
	int year_given, period_given;
	long year;			/* the year shown on the map */
	struct model_period per;	/* the period of the goal fulfilment */
	int ind;			/* row of the chosen indicator in inds (-1: none) */
	int has_year;			/* the indicator has full-year outcomes in year */
	int period;			/* row of the period in periods (-1: none) */
	long years[MAX_YEARS];		/* years with full-year outcomes of any indicator, newest first */
	int nyears;
	struct dval *dv;		/* per row of districts */
	double city;			/* the city average (NaN: none) */
	int example, decimals;
	enum model_direction dir;
};

/* ---- reading rows ------------------------------------------------------------------------ */

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

static double cell_num(const struct rowset *rs, int i, const char *col)
{
	const char *s = cell(rs, i, col);

	return s ? strtod(s, NULL) : NAN;
}

static int cell_is(const struct rowset *rs, int i, const char *col, const char *want)
{
	const char *s = cell(rs, i, col);

	return s && strcmp(s, want) == 0;
}

/* db_error: a database error: logged, and a Swedish page without the database's words. */
static int db_error(struct http_req *r)
{
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	return page_error(r, 500, "Uppgifterna kunde inte läsas från databasen. Försök igen om en stund.");
}

/* ---- arguments and choices --------------------------------------------------------------- */

static int parse_args(struct city *c)
{
	struct http_req *r = c->r;
	const char *ind = http_query(r, "indikator"), *ar = http_query(r, "ar"), *per = http_query(r, "period");

	c->ind_arg = ind && *ind ? ind : NULL;
	if (ar && *ar) {
		if (strlen(ar) != 4 || strspn(ar, "0123456789") != 4 || atol(ar) < 1900 || atol(ar) > 2999)
			return page_error(r, 400, "Året ska anges med fyra siffror, till exempel ar=2022.");
		c->year = atol(ar);
		c->year_given = 1;
	}
	if (per && *per) {
		if (model_period_parse(per, &c->per, NULL, 0) != 0)
			return page_error(r, 400, "Perioden ska anges som till exempel 2022-T1, 2022-T2 eller 2022-VB.");
		c->period_given = 1;
	}
	return 0;
}

/* count_reports: the reports column of c->periods: per period, the reports the caller may
 * read (authz_report_rows; a draft counts only for those who may read it, so that the default
 * period does not give away that a draft exists). Returns 0, or answers the page (500). */
static int count_reports(struct city *c)
{
	struct http_req *r = c->r;
	struct rowset rep;
	int col = rowset_col(&c->periods, "reports");

	rowset_init(&rep, &r->a);
	if (rowset_query(&rep, r->st, STMT_WEB_CITY_PERIOD_REPORTS, NULL, 0, &r->err) != LUP_OK)
		return db_error(r);
	authz_report_rows(&r->user, &rep, "status", "org_id", "org_pair");
	for (int i = 0; col >= 0 && i < c->periods.nrows; i++) {
		long long id = cell_int(&c->periods, i, "id"), n = 0;
		char s[24];
		for (int k = 0; k < rep.nrows; k++)
			n += cell_int(&rep, k, "period_id") == id;
		snprintf(s, sizeof(s), "%lld", n);
		c->periods.rows[i][col].s = arena_strdup(&r->a, s);
	}
	return 0;
}

static int read_all(struct city *c)
{
	struct http_req *r = c->r;
	struct sval none = SVNULL;

	rowset_init(&c->inds, &r->a);
	rowset_init(&c->districts, &r->a);
	rowset_init(&c->cmp, &r->a);
	rowset_init(&c->periods, &r->a);
	rowset_init(&c->themes, &r->a);
	rowset_init(&c->fulfil, &r->a);
	if (rowset_query(&c->inds, r->st, STMT_WEB_CITY_INDICATORS, NULL, 0, &r->err) != LUP_OK ||
	    rowset_query(&c->districts, r->st, STMT_LIST_DISTRICTS, &none, 1, &r->err) != LUP_OK ||
	    rowset_query(&c->periods, r->st, STMT_WEB_CITY_PERIODS, NULL, 0, &r->err) != LUP_OK ||
	    rowset_query(&c->themes, r->st, STMT_VIEW_DISTRICTS_THEMES, NULL, 0, &r->err) != LUP_OK)
		return db_error(r);
	return count_reports(c);
}

/* choose_indicator: the indicator asked for (404 when unknown), else the first one with values
 * for every district, else the first one with any. */
static int choose_indicator(struct city *c)
{
	struct http_req *r = c->r;
	const char *want = c->ind_arg;
	struct rowset def;

	c->ind = -1;
	if (!want && c->inds.nrows > 0) {
		rowset_init(&def, &r->a);
		if (rowset_query(&def, r->st, STMT_WEB_CITY_DEFAULT_INDICATOR, NULL, 0, &r->err) != LUP_OK)
			return db_error(r);
		want = def.nrows ? def.rows[0][0].s : cell(&c->inds, 0, "key");
	}
	for (int i = 0; want && i < c->inds.nrows && c->ind < 0; i++)
		if (cell_is(&c->inds, i, "key", want))
			c->ind = i;
	if (c->ind_arg && c->ind < 0) {
		struct sval k = SVS(c->ind_arg);
		int64_t id = 0;
		if (store_query_id(r->st, STMT_INDICATOR_ID, &k, 1, &id, &r->err) != LUP_OK)
			return db_error(r);
		return page_error(r, 404, id ? "Indikatorn har inga helårsutfall per stadsdelsområde att visa på kartan."
					     : "Det finns ingen indikator med den nyckeln.");
	}
	return 0;
}

/* choose_year: the years of any indicator (newest first); the year asked for (404 when no
 * indicator has outcomes that year), else the chosen indicator's latest. */
static int choose_year(struct city *c)
{
	const char *key = cell(&c->inds, c->ind, "key");
	long latest = 0;

	for (int i = c->inds.nrows - 1; i >= 0; i--) {
		long y = (long)cell_int(&c->inds, i, "year");
		int seen = 0;
		for (int k = 0; k < c->nyears; k++)
			seen |= c->years[k] == y;
		if (!seen && c->nyears < MAX_YEARS)
			c->years[c->nyears++] = y;
		if (key && cell_is(&c->inds, i, "key", key) && y > latest)
			latest = y;
	}
	for (int a = 1; a < c->nyears; a++)	/* newest first */
		for (int b = a; b > 0 && c->years[b] > c->years[b - 1]; b--) {
			long t = c->years[b];
			c->years[b] = c->years[b - 1];
			c->years[b - 1] = t;
		}
	if (c->year_given) {
		int known = 0;
		for (int k = 0; k < c->nyears; k++)
			known |= c->years[k] == c->year;
		if (!known) {
			char msg[160];
			snprintf(msg, sizeof(msg), "Det finns inga helårsutfall per stadsdelsområde för år %ld.", c->year);
			return page_error(c->r, 404, msg);
		}
	} else {
		c->year = latest;
	}
	for (int i = 0; key && i < c->inds.nrows; i++)
		if (cell_is(&c->inds, i, "key", key) && cell_int(&c->inds, i, "year") == c->year)
			c->has_year = 1;
	return 0;
}

/* choose_period: the period asked for (404 when unknown), else the latest with a report, else
 * the latest. */
static int choose_period(struct city *c)
{
	c->period = -1;
	for (int i = 0; i < c->periods.nrows; i++) {
		if (c->period_given) {
			if (cell_int(&c->periods, i, "year") == c->per.year &&
			    cell_is(&c->periods, i, "kind", model_period_kind_name(c->per.kind)))
				c->period = i;
		} else if (cell_int(&c->periods, i, "reports") > 0 || c->period < 0 ||
			   cell_int(&c->periods, c->period, "reports") == 0) {
			c->period = i;
		}
	}
	if (c->period_given && c->period < 0)
		return page_error(c->r, 404, "Det finns ingen sådan uppföljningsperiod.");
	if (!c->period_given && c->period >= 0) {
		const char *k = cell(&c->periods, c->period, "kind");
		c->per.year = (int)cell_int(&c->periods, c->period, "year");
		c->per.kind = strcmp(k, "T1") == 0 ? MODEL_PERIOD_T1 : strcmp(k, "T2") == 0 ? MODEL_PERIOD_T2 : MODEL_PERIOD_FY;
	}
	return 0;
}

/* decimals_of: the decimals v needs, 0..2. */
static int decimals_of(double v)
{
	for (int d = 0; d < 2; d++)
		if (fabs(v * pow(10, d) - round(v * pow(10, d))) < 1e-6)
			return d;
	return 2;
}

/* read_values: the chosen indicator's full-year values per district and the city average, and
 * their gap bands. */
static int read_values(struct city *c)
{
	struct http_req *r = c->r;
	const char *dir = cell(&c->inds, c->ind, "direction");

	c->city = NAN;
	c->dv = arena_alloc(&r->a, sizeof(*c->dv) * (size_t)(c->districts.nrows + 1));
	for (int i = 0; i < c->districts.nrows; i++)
		c->dv[i] = (struct dval){ NAN, MODEL_GAP_UNKNOWN };
	c->dir = dir && strcmp(dir, "higher") == 0 ? MODEL_DIR_HIGHER : dir && strcmp(dir, "lower") == 0 ? MODEL_DIR_LOWER : MODEL_DIR_NONE;
	if (c->ind < 0 || !c->has_year)
		return 0;
	struct sval args[] = { SVI(cell_int(&c->inds, c->ind, "id")), SVI(c->year) };
	if (rowset_query(&c->cmp, r->st, STMT_COMPARISON, args, 2, &r->err) != LUP_OK)
		return db_error(r);
	for (int i = 0; i < c->cmp.nrows; i++) {
		if (!cell_is(&c->cmp, i, "sex", "T") || !cell(&c->cmp, i, "value"))
			continue;
		double v = cell_num(&c->cmp, i, "value");
		c->example |= cell_int(&c->cmp, i, "example") != 0;
		c->decimals = decimals_of(v) > c->decimals ? decimals_of(v) : c->decimals;
		if (cell_is(&c->cmp, i, "level", "municipality")) {
			c->city = v;
			continue;
		}
		for (int d = 0; d < c->districts.nrows; d++)
			if (strcmp(cell(&c->districts, d, "key"), cell(&c->cmp, i, "area")) == 0)
				c->dv[d].v = v;
	}
	for (int d = 0; d < c->districts.nrows; d++)
		if (!isnan(c->dv[d].v) && !isnan(c->city))
			c->dv[d].band = model_gap_class(model_gap(c->dir, c->dv[d].v, c->city), c->city);
	return 0;
}

/* ---- writing ----------------------------------------------------------------------------- */

static const char *unit_of(const struct city *c)
{
	const char *u = cell(&c->inds, c->ind, "unit");

	return u && *u ? u : NULL;
}

static void option(struct html *h, const char *value, const char *label, int selected)
{
	html_elem(h, "option", label, "value", value, "selected", selected ? "" : NULL, NULL);
}

static void hidden(struct html *h, const char *name, const char *value)
{
	html_void(h, "input", "type", "hidden", "name", name, "value", value, NULL);
}

static const char *period_text(const struct model_period *p, char *buf, size_t n)
{
	if (model_period_format(p, buf, n) != 0)
		snprintf(buf, n, "%s", "");
	return buf;
}

static void write_choose_form(struct city *c)
{
	struct html *h = c->h;
	const char *prev = NULL, *key = cell(&c->inds, c->ind, "key");
	char y[16], pt[MODEL_PERIOD_TEXT_MAX];

	html_open(h, "form", "method", "get", "action", "/", "class", "choose no-print", NULL);
	html_open(h, "div", "class", "field field-wide", NULL);
	html_elem(h, "label", "Indikator", "for", "val-indikator", NULL);
	html_open(h, "select", "id", "val-indikator", "name", "indikator", NULL);
	for (int i = 0; i < c->inds.nrows; i++) {
		const char *k = cell(&c->inds, i, "key");
		if (prev && strcmp(prev, k) == 0)
			continue;
		prev = k;
		option(h, k, cell(&c->inds, i, "name"), key && strcmp(k, key) == 0);
	}
	html_close(h);
	html_close(h);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", "År", "for", "val-ar", NULL);
	html_open(h, "select", "id", "val-ar", "name", "ar", NULL);
	for (int i = 0; i < c->nyears; i++) {
		snprintf(y, sizeof(y), "%ld", c->years[i]);
		option(h, y, y, c->years[i] == c->year);
	}
	html_close(h);
	html_close(h);
	if (c->period_given)
		hidden(h, "period", period_text(&c->per, pt, sizeof(pt)));
	html_elem(h, "button", "Visa", "type", "submit", NULL);
	html_close(h);
}

static void write_map(struct city *c, const char *name, const char *unit)
{
	struct http_req *r = c->r;
	struct html *h = c->h;
	struct svg_map_area *a = arena_alloc(&r->a, sizeof(*a) * (size_t)(c->districts.nrows + 1));
	int count[MODEL_GAP__MAX] = { 0 };
	char cv[96], title[512];
	struct buf desc;

	for (int i = 0; i < c->districts.nrows; i++) {
		a[i] = (struct svg_map_area){ cell(&c->districts, i, "key"), cell(&c->districts, i, "name"),
			page_href(r, "/stadsdel", cell(&c->districts, i, "key")), c->dv[i].v, c->dv[i].band, 0 };
		count[c->dv[i].band]++;
	}
	buf_init(&desc, 1 << 16);
	buf_addf(&desc, "Schematisk karta över %d stadsdelsområden, färgade efter skillnaden mot stadens snitt (%s). ",
		 c->districts.nrows, svg_fmt_value(c->city, c->decimals, unit, 0, cv, sizeof(cv)));
	buf_addf(&desc, "%d bättre än snittet, %d nära snittet, %d sämre, %d mycket sämre och %d utan jämförelse. ",
		 count[MODEL_GAP_BETTER], count[MODEL_GAP_NEAR], count[MODEL_GAP_WORSE], count[MODEL_GAP_MUCH_WORSE],
		 count[MODEL_GAP_UNKNOWN]);
	if (c->example)
		buf_adds(&desc, "Värdena är exempeldata. ");
	buf_adds(&desc, "Samma värden finns i tabellen under kartan.");
	snprintf(title, sizeof(title), "Karta: %s, %ld", name, c->year);
	struct svg_opts o = { "karta", title, desc.ptr, unit, c->decimals, c->example };
	html_open(h, "figure", "class", "chart-figure", NULL);
	svg_district_map(h, &o, a, (size_t)c->districts.nrows);
	html_elem(h, "figcaption", "Färg, mönster och tecken visar hur området ligger till jämfört med stadens snitt: "
		  "nära snittet är inom 5 procent av stadens värde, mycket sämre är mer än 25 procent sämre. "
		  "Klicka på ett område för dess sida; alla värden och länkar finns också i tabellen.", NULL);
	html_close(h);
	buf_release(&desc);
}

static void write_values_table(struct city *c, const char *name, const char *unit)
{
	struct http_req *r = c->r;
	struct html *h = c->h;
	int pct = unit && (strcmp(unit, "%") == 0 || strcmp(unit, "procent") == 0);
	char v[96], g[96], cap[600];

	snprintf(cap, sizeof(cap), "%s, %ld: stadsdelsområdena jämförda med stadens snitt%s", name, c->year,
		 c->example ? " (exempeldata)" : "");
	html_open(h, "table", "class", "city-values", NULL);
	html_elem(h, "caption", cap, NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Stadsdelsområde", "scope", "col", NULL);
	html_elem(h, "th", "Värde", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Stadens snitt", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", pct ? "Skillnad mot snittet (procentenheter)" : "Skillnad mot snittet", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Jämfört med snittet", "scope", "col", NULL);
	html_elem(h, "th", "Prioriterat LUP", "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	svg_fmt_value(c->city, c->decimals, unit, 0, g, sizeof(g));
	for (int i = 0; i < c->districts.nrows; i++) {
		const char *key = cell(&c->districts, i, "key");
		double dv = c->dv[i].v;
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", cell(&c->districts, i, "name"), "href", page_href(r, "/stadsdel", key), NULL);
		html_close(h);
		html_elem(h, "td", svg_fmt_value(dv, c->decimals, unit, 0, v, sizeof(v)), "class", "num", NULL);
		html_elem(h, "td", g, "class", "num", NULL);
		html_elem(h, "td", svg_fmt_value(dv - c->city, c->decimals, pct ? "procentenheter" : unit, 1, v, sizeof(v)), "class", "num", NULL);
		html_open(h, "td", NULL);
		html_elem(h, "span", svg_band_symbol(c->dv[i].band), "class", "band-symbol", "aria-hidden", "true", NULL);
		html_text(h, " ");
		html_text(h, model_gap_class_label_sv(c->dv[i].band));
		html_close(h);
		html_elem(h, "td", cell_int(&c->districts, i, "prioritised") ? "Ja" : "Nej", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void write_map_section(struct city *c)
{
	struct html *h = c->h;
	const char *name = cell(&c->inds, c->ind, "name"), *unit = unit_of(c);
	char v[96];

	html_open(h, "section", "aria-labelledby", "rubrik-karta", NULL);
	html_elem(h, "h2", "Stadsdelsområdena jämförda med stadens snitt", "id", "rubrik-karta", NULL);
	if (c->ind < 0) {
		html_elem(h, "p", "Det finns inga helårsutfall per stadsdelsområde ännu.", NULL);
		html_close(h);
		return;
	}
	write_choose_form(c);
	html_open(h, "p", "class", "indicator-lead", NULL);
	html_elem(h, "strong", name, NULL);
	html_textf(h, " – år %ld", c->year);
	if (unit)
		html_textf(h, ", enhet: %s", unit);
	html_text(h, c->dir == MODEL_DIR_HIGHER ? ". Högre värde är bättre." : c->dir == MODEL_DIR_LOWER ?
		  ". Lägre värde är bättre." : ". Indikatorn har ingen riktning, så kartan visar inte bättre eller sämre.");
	if (c->has_year) {
		html_text(h, " Stadens snitt: ");
		html_text(h, svg_fmt_value(c->city, c->decimals, unit, 0, v, sizeof(v)));
		html_text(h, ".");
	}
	html_close(h);
	if (!c->has_year)
		html_elem(h, "p", "Indikatorn har inga helårsutfall för det valda året; kartan visar därför inga värden.",
			  "class", "notice", NULL);
	if (c->example)
		page_example_note(h);
	write_map(c, name, unit);
	write_values_table(c, name, unit);
	html_close(h);
}

static void write_prioritised(struct city *c)
{
	struct html *h = c->h;
	int n = 0;

	for (int i = 0; i < c->districts.nrows; i++)
		n += cell_int(&c->districts, i, "prioritised") != 0;
	html_open(h, "section", "aria-labelledby", "rubrik-prioriterade", NULL);
	html_elem(h, "h2", "Prioriterade lokala utvecklingsprogram", "id", "rubrik-prioriterade", NULL);
	if (n == 0) {
		html_elem(h, "p", "Inga stadsdelsområden är markerade som prioriterade.", NULL);
		html_close(h);
		return;
	}
	html_open(h, "p", NULL);
	html_textf(h, "I budget 2017 prioriterade kommunfullmäktige de lokala utvecklingsprogrammen i %d av "
		   "stadens %d stadsdelsområden:", n, c->districts.nrows);
	html_close(h);
	html_open(h, "ul", "class", "prioritised-list", NULL);
	for (int i = 0; i < c->districts.nrows; i++) {
		if (!cell_int(&c->districts, i, "prioritised"))
			continue;
		html_open(h, "li", NULL);
		html_elem(h, "a", cell(&c->districts, i, "name"), "href",
			  page_href(c->r, "/stadsdel", cell(&c->districts, i, "key")), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void write_themes(struct city *c)
{
	struct html *h = c->h;
	char n[64];

	html_open(h, "section", "aria-labelledby", "rubrik-teman", NULL);
	html_elem(h, "h2", "Stadsdelsområden och teman", "id", "rubrik-teman", NULL);
	if (c->districts.nrows == 0) {
		html_elem(h, "p", "Det finns inga stadsdelsområden ännu.", NULL);
		html_close(h);
		return;
	}
	html_open(h, "table", "class", "city-themes", NULL);
	html_elem(h, "caption", "Teman i varje stadsdelsområdes LUP (senaste versionen) med antal prioriterade "
		  "åtgärder per tema", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Stadsdelsområde", "scope", "col", NULL);
	html_elem(h, "th", "Prioriterat LUP", "scope", "col", NULL);
	html_elem(h, "th", "Teman och åtgärder", "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < c->districts.nrows; i++) {
		const char *key = cell(&c->districts, i, "key");
		int prio = cell_int(&c->districts, i, "prioritised") != 0, any = 0;
		html_open(h, "tr", "class", prio ? "prioritised" : NULL, NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", cell(&c->districts, i, "name"), "href", page_href(c->r, "/stadsdel", key), NULL);
		html_close(h);
		html_open(h, "td", NULL);
		if (prio)
			html_elem(h, "span", "\xe2\x98\x85", "class", "prio-mark", "aria-hidden", "true", NULL);
		html_text(h, prio ? " Ja" : "Nej");
		html_close(h);
		html_open(h, "td", NULL);
		for (int t = 0; t < c->themes.nrows; t++) {
			if (!cell_is(&c->themes, t, "district", key))
				continue;
			if (!any++)
				html_open(h, "ol", "class", "themes", NULL);
			long long m = cell_int(&c->themes, t, "measures");
			html_open(h, "li", NULL);
			html_text(h, cell(&c->themes, t, "theme"));
			snprintf(n, sizeof(n), " – %lld %s", m, m == 1 ? "åtgärd" : "åtgärder");
			html_elem(h, "span", n, "class", "count", NULL);
			html_close(h);
		}
		if (any)
			html_close(h);
		else
			html_text(h, "Inga teman registrerade.");
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

static const char *report_status_sv(const char *s)
{
	if (!s)
		return "Ingen rapport ännu";
	if (strcmp(s, "draft") == 0)
		return "Utkast";
	if (strcmp(s, "submitted") == 0)
		return "Inskickad";
	if (strcmp(s, "approved") == 0)
		return "Godkänd";
	if (strcmp(s, "returned") == 0)
		return "Återsänd";
	return s;
}

static void write_period_form(struct city *c)
{
	struct html *h = c->h;
	char pt[MODEL_PERIOD_TEXT_MAX], label[MODEL_PERIOD_TEXT_MAX], y[16];

	html_open(h, "form", "method", "get", "action", "/", "class", "choose no-print", NULL);
	if (c->ind >= 0 && c->ind_arg)
		hidden(h, "indikator", c->ind_arg);
	if (c->year_given) {
		snprintf(y, sizeof(y), "%ld", c->year);
		hidden(h, "ar", y);
	}
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", "Period", "for", "val-period", NULL);
	html_open(h, "select", "id", "val-period", "name", "period", NULL);
	for (int i = c->periods.nrows - 1; i >= 0; i--) {
		const char *k = cell(&c->periods, i, "kind");
		struct model_period p = { (int)cell_int(&c->periods, i, "year"),
			strcmp(k, "T1") == 0 ? MODEL_PERIOD_T1 : strcmp(k, "T2") == 0 ? MODEL_PERIOD_T2 : MODEL_PERIOD_FY };
		if (model_period_label_sv(&p, label, sizeof(label)) != 0)
			continue;
		option(h, period_text(&p, pt, sizeof(pt)), label, i == c->period);
	}
	html_close(h);
	html_close(h);
	html_elem(h, "button", "Visa", "type", "submit", NULL);
	html_close(h);
}

static void count_cell(struct html *h, long long n)
{
	char s[32];

	snprintf(s, sizeof(s), "%lld", n);
	html_elem(h, "td", s, "class", "num", NULL);
}

/* hide_unreadable: a report of the fulfilment table that the caller may not read (a draft for
 * the public: authz_report_readable) counts as none: no status, no assessments, every goal
 * unassessed. */
static void hide_unreadable(struct http_req *r, struct rowset *f)
{
	static const char *const counts[] = { "fulfilled", "partly", "not", "none", NULL };
	int rep = rowset_col(f, "report"), st = rowset_col(f, "status"), un = rowset_col(f, "unassessed");
	int goals = rowset_col(f, "goals");

	if (rep < 0 || st < 0 || un < 0 || goals < 0)
		return;
	for (int i = 0; i < f->nrows; i++) {
		struct row_cell *row = f->rows[i];
		if (!row[rep].s || authz_report_readable(&r->user, row[st].s, cell_int(f, i, "org_id"), cell_int(f, i, "org_pair")))
			continue;
		row[rep].s = row[st].s = NULL;
		row[rep].t = row[st].t = SV_NULL;
		for (int k = 0; counts[k]; k++)
			if (rowset_col(f, counts[k]) >= 0)
				row[rowset_col(f, counts[k])].s = "0";
		row[un].s = row[goals].s;
	}
}

static int write_fulfilment(struct city *c)
{
	struct http_req *r = c->r;
	struct html *h = c->h;
	char label[MODEL_PERIOD_TEXT_MAX], cap[160];
	long long total = 0;

	html_open(h, "section", "aria-labelledby", "rubrik-maluppfyllelse", NULL);
	html_elem(h, "h2", "Måluppfyllelse per organisation", "id", "rubrik-maluppfyllelse", NULL);
	if (c->period < 0) {
		html_elem(h, "p", "Det finns inga uppföljningsperioder ännu.", NULL);
		html_close(h);
		return 0;
	}
	write_period_form(c);
	struct sval args[] = { SVI(c->per.year), SVS(model_period_kind_name(c->per.kind)) };
	if (rowset_query(&c->fulfil, r->st, STMT_WEB_CITY_FULFILMENT, args, 2, &r->err) != LUP_OK)
		return db_error(r);
	hide_unreadable(r, &c->fulfil);
	model_period_label_sv(&c->per, label, sizeof(label));
	for (int i = 0; i < c->fulfil.nrows; i++)
		total += cell_int(&c->fulfil, i, "fulfilled") + cell_int(&c->fulfil, i, "partly") +
			 cell_int(&c->fulfil, i, "not") + cell_int(&c->fulfil, i, "none");
	html_open(h, "p", NULL);
	html_text(h, "Bedömningar av nämndmålen i ");
	html_elem(h, "strong", label, NULL);
	html_text(h, total ? ", räknade per organisation." : ": inga bedömningar ännu.");
	html_close(h);
	if (c->fulfil.nrows == 0) {
		html_elem(h, "p", "Ingen organisation har nämndmål eller rapporter för perioden.", NULL);
		html_close(h);
		return 0;
	}
	snprintf(cap, sizeof(cap), "Målbedömningar i %s per organisation", label);
	html_open(h, "table", "class", "city-fulfilment", NULL);
	html_elem(h, "caption", cap, NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Organisation", "scope", "col", NULL);
	html_elem(h, "th", "Rapport", "scope", "col", NULL);
	html_elem(h, "th", "Uppfyllt helt", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Delvis uppfyllt", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Ej uppfyllt", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Ej bedömt", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Mål totalt", "scope", "col", "class", "num", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < c->fulfil.nrows; i++) {
		const struct rowset *f = &c->fulfil;
		long long done = cell_int(f, i, "fulfilled") + cell_int(f, i, "partly") + cell_int(f, i, "not");
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		html_elem(h, "a", cell(f, i, "name"), "href", page_href(r, "/organisation", cell(f, i, "key")), NULL);
		html_close(h);
		html_open(h, "td", NULL);
		html_text(h, report_status_sv(cell(f, i, "status")));
		if (cell(f, i, "report") && done + cell_int(f, i, "none") == 0)
			html_text(h, " – inga bedömningar ännu");
		html_close(h);
		count_cell(h, cell_int(f, i, "fulfilled"));
		count_cell(h, cell_int(f, i, "partly"));
		count_cell(h, cell_int(f, i, "not"));
		count_cell(h, cell_int(f, i, "none") + cell_int(f, i, "unassessed"));
		count_cell(h, cell_int(f, i, "goals"));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	return 0;
}

static void write_intro(struct city *c)
{
	struct html *h = c->h;
	int prio = 0;

	for (int i = 0; i < c->districts.nrows; i++)
		prio += cell_int(&c->districts, i, "prioritised") != 0;
	html_elem(h, "h1", "Stockholms lokala utvecklingsprogram", NULL);
	html_open(h, "p", "class", "lead", NULL);
	html_textf(h, "Stockholm har %d stadsdelsområden. Varje stadsdelsnämnd har ett lokalt utvecklingsprogram "
		   "(LUP) med teman, prioriterade områden och åtgärder tillsammans med samverkansparter; %d av "
		   "programmen är prioriterade. Här jämförs stadsdelsområdena med stadens snitt och visas hur "
		   "organisationerna bedömer sina nämndmål.", c->districts.nrows, prio);
	html_close(h);
}

/* page_city: GET /, the city page (see pages-city.h). Cached through R_CACHE: the page is the
 * same for every anonymous visitor, and for each user, while the data is unchanged. */
int page_city(struct http_req *r)
{
	struct city c = { .r = r, .ind = -1, .period = -1, .city = NAN };
	int rc;

	if ((rc = parse_args(&c)) != 0 || (rc = read_all(&c)) != 0 || (rc = choose_indicator(&c)) != 0 ||
	    (rc = choose_year(&c)) != 0 || (rc = choose_period(&c)) != 0 || (rc = read_values(&c)) != 0)
		return rc;
	c.h = page_begin(r, "Staden", NAV_CITY);
	write_intro(&c);
	write_map_section(&c);
	write_prioritised(&c);
	write_themes(&c);
	if ((rc = write_fulfilment(&c)) != 0)
		return rc;
	return page_end(r, c.h);
}
