/* page-district-goals.c: the goals part of the district page (GET /stadsdel/{key}): the LUP
 * version's goals (målsättningar) by theme, each with its area, sex, horizon and indicator, and
 * its trajectory: the baseline, the latest full-year outcome of the indicator in the goal's area
 * for the goal's sex with the city average of the same year (the comparison of
 * page-district-indicators.c, per goal), the target (a value, a direction, or the city average
 * for the 15-20-year ambition) and the yearly change needed to reach it by the horizon year
 * (model/gap.h). The numbers are a table; a goal with two or more known points also gets a line
 * chart of the same numbers (render/svg.h). */
#include "web/pages-places.h"
#include "web/pages-forms.h"
#include "model/gap.h"
#include "render/svg.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One goal's numbers. */
struct traj {
	double base, last, city, target;	/* NaN when unknown; target: the value to reach */
	long base_year, last_year, horizon_year;
	int example;				/* the outcome is example data */
	const char *unit;
};

static enum model_direction dir_of(const char *s)
{
	return s && strcmp(s, "higher") == 0 ? MODEL_DIR_HIGHER : s && strcmp(s, "lower") == 0 ? MODEL_DIR_LOWER
											       : MODEL_DIR_NONE;
}

static int is(const char *s, const char *t)
{
	return s && strcmp(s, t) == 0;
}

/* traj_of: goal i of g with its latest outcome from o (STMT_PG_OUTCOMES). */
static struct traj traj_of(const struct rowset *g, int i, const struct rowset *o)
{
	struct traj t = { places_d(g, i, "baseline_value"), NAN, NAN, places_d(g, i, "target_value"),
			  (long)places_i(g, i, "baseline_year"), 0, (long)places_i(g, i, "horizon_year"), 0,
			  places_s(g, i, "indicator_unit") };

	for (int k = 0; k < o->nrows; k++)
		if (places_i(o, k, "goal") == places_i(g, i, "id")) {
			t.last = places_d(o, k, "value");
			t.city = places_d(o, k, "city");
			t.last_year = (long)places_i(o, k, "year");
			t.example = (int)places_i(o, k, "example");
		}
	if (isnan(t.target) && is(places_s(g, i, "benchmark"), "city_average"))
		t.target = t.city;
	return t;
}

/* val: "61,5 % (2024)" (no year when year is 0), "–" when v is unknown. */
static const char *val(struct http_req *r, double v, long year, const char *unit)
{
	if (isnan(v))
		return "–";
	return year ? pf_printf(r, "%s (%ld)", places_value(r, v, unit), year) : places_value(r, v, unit);
}

/* target_sv: the goal's target: "66 % (2029)", "stadens genomsnitt (2040)", "ökande (2029)". */
static const char *target_sv(struct http_req *r, const struct rowset *g, int i, const struct traj *t)
{
	const char *td = places_s(g, i, "target_direction");
	const char *what = !isnan(places_d(g, i, "target_value")) ? places_value(r, t->target, t->unit)
			   : is(places_s(g, i, "benchmark"), "city_average") ? "stadens genomsnitt"
			   : is(td, "higher") ? "ökande" : is(td, "lower") ? "minskande" : "–";

	if (!isnan(places_d(g, i, "target_value")) && td)
		what = pf_printf(r, "%s, %s", what, is(td, "higher") ? "ökande" : "minskande");
	return t->horizon_year ? pf_printf(r, "%s till %ld", what, t->horizon_year) : what;
}

/* change_sv: the yearly change from the latest value (else the baseline) to the target by the
 * horizon year: "+1,1 procentenheter per år", "uppnått", or "–" when a number is missing. */
static const char *change_sv(struct http_req *r, const struct rowset *g, int i, const struct traj *t)
{
	const char *td = places_s(g, i, "target_direction");
	enum model_direction d = dir_of(td ? td : places_s(g, i, "indicator_direction"));
	double from = isnan(t->last) ? t->base : t->last, chg;
	long year = isnan(t->last) ? t->base_year : t->last_year;
	const char *unit = is(t->unit, "%") || is(t->unit, "procent") ? "procentenheter" : t->unit;
	char buf[64];

	if (isnan(from) || isnan(t->target) || !year ||
	    model_yearly_change_to_close(d, from, t->target, (int)(t->horizon_year - year), &chg, NULL, 0) != 0)
		return "–";
	if (chg == 0)
		return "uppnått";
	return pf_printf(r, "%s per år", svg_fmt_value(chg, places_decimals(chg) ? places_decimals(chg) : 1, unit, 1,
						       buf, sizeof(buf)));
}

static const char *sex_sv(const char *s)
{
	return is(s, "K") ? "Kvinnor" : is(s, "M") ? "Män" : "Alla";
}

static void goal_row(struct http_req *r, struct html *h, const struct rowset *g, int i, const struct traj *t)
{
	const char *ind = places_s(g, i, "indicator_name");

	HTML_OPEN(h, "tr");
	HTML_OPEN_AV(h, "th", "scope", "row");
	html_text(h, places_s(g, i, "title"));
	if (places_s(g, i, "description"))
		HTML_ELEM_AV(h, "span", "class", "desc", places_s(g, i, "description"));
	if (ind)
		html_elem(h, "span", pf_printf(r, "Indikator: %s%s", ind,
					       is(places_s(g, i, "indicator_source"), "kolada") ? " (Kolada)" : ""),
			  "class", "desc", NULL);
	html_close(h);
	HTML_ELEM(h, "td", places_s(g, i, "area_name") ? places_s(g, i, "area_name") : "–");
	HTML_ELEM(h, "td", sex_sv(places_s(g, i, "sex")));
	HTML_ELEM(h, "td", is(places_s(g, i, "horizon"), "long") ? "15–20 år: stadens genomsnitt" : "5 år");
	places_td_num(h, val(r, t->base, t->base_year, t->unit));
	places_td_num(h, isnan(t->last) ? "–" : pf_printf(r, "%s%s", val(r, t->last, t->last_year, t->unit),
							  t->example ? " (exempeldata)" : ""));
	places_td_num(h, val(r, t->city, t->last_year, t->unit));
	places_td_num(h, target_sv(r, g, i, t));
	places_td_num(h, change_sv(r, g, i, t));
	html_close(h);
}

/* chart: the goal's trajectory as a line chart over the years of its known points: the outcome
 * (baseline, latest), the target line from the baseline to the target, and the city average. */
static void chart(struct http_req *r, struct html *h, const struct rowset *g, int i, const struct traj *t)
{
	long years[3] = { t->base_year, t->last_year, t->horizon_year }, xs[3];
	double out[3], tgt[3], city[3];
	const char *labels[3];
	size_t n = 0, known = 0;

	for (int k = 0; k < 3; k++) {	/* the distinct years, in order */
		long y = 0;
		for (int m = 0; m < 3; m++)
			if (years[m] && (n == 0 || years[m] > xs[n - 1]) && (!y || years[m] < y))
				y = years[m];
		if (y)
			xs[n++] = y;
	}
	for (size_t k = 0; k < n; k++) {
		labels[k] = pf_printf(r, "%ld", xs[k]);
		out[k] = xs[k] == t->last_year && !isnan(t->last) ? t->last : xs[k] == t->base_year ? t->base : NAN;
		tgt[k] = xs[k] == t->horizon_year ? t->target : xs[k] == t->base_year ? t->base : NAN;
		city[k] = xs[k] == t->last_year ? t->city : NAN;
		known += !isnan(out[k]) + !isnan(city[k]);
	}
	if (known < 2 && isnan(t->target))
		return;
	struct svg_series s[] = { { "Utfall", SVG_LINE_OUTCOME, out }, { "Mål", SVG_LINE_TARGET, tgt },
				  { "Stadens snitt", SVG_LINE_CITY, city } };
	struct svg_opts o = { pf_printf(r, "mal-%lld", (long long)places_i(g, i, "id")),
			      pf_printf(r, "%s: utgångsläge, utfall, stadens snitt och mål", places_s(g, i, "title")),
			      NULL, t->unit, 1, t->example };
	html_elem(h, "h4", pf_printf(r, "%s (%s, %s)", places_s(g, i, "title"), sex_sv(places_s(g, i, "sex")),
				     is(places_s(g, i, "horizon"), "long") ? "15–20 år" : "5 år"), NULL);
	svg_line_chart(h, &o, labels, n, s, 3);
}

/* theme_table: the goals [from, to) of one theme. */
static void theme_table(struct http_req *r, struct html *h, const struct rowset *g, int from, int to,
			const struct rowset *o)
{
	static const char *const cols[] = { "Mål", "Område", "Kön", "Tidshorisont", "#Utgångsläge", "#Senaste utfall",
					    "#Stadens genomsnitt", "#Mål", "#Förändring per år",
					    NULL };

	const char *theme = places_s(g, from, "theme_name") ? places_s(g, from, "theme_name") : "Utan tema";

	HTML_ELEM(h, "h3", theme);
	/* a scrolling region that keyboard users can reach and scroll (WCAG 2.1.1) */
	html_open(h, "div", "class", "matrix-wrap", "role", "region", "tabindex", "0",
		  "aria-label", theme, NULL);
	HTML_OPEN_AV(h, "table", "class", "goals");
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int i = from; i < to; i++) {
		struct traj t = traj_of(g, i, o);
		goal_row(r, h, g, i, &t);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	for (int i = from; i < to; i++) {
		struct traj t = traj_of(g, i, o);
		chart(r, h, g, i, &t);
	}
}

void page_district_goals_want(struct http_req *r, struct store_q *q, int *n, int64_t version, int64_t district,
			      struct district_goals *g)
{
	g->version = version;
	g->v = SVI(version);
	g->vd[0] = SVI(version), g->vd[1] = SVI(district);
	rowset_init(&g->goals, &r->a);
	rowset_init(&g->outcomes, &r->a);
	if (!version)
		return;
	places_want(r, q, n, &g->goals, STMT_PG_GOALS, &g->v, 1);
	places_want(r, q, n, &g->outcomes, STMT_PG_OUTCOMES, g->vd, 2);
}

void page_district_goals(struct http_req *r, struct html *h, const struct district_goals *dg)
{
	const struct rowset *g = &dg->goals, *o = &dg->outcomes;

	if (!dg->version) {
		HTML_ELEM(h, "p", "Stadsdelsområdet har inget lokalt utvecklingsprogram i lup.");
		return;
	}
	if (!g->nrows) {
		HTML_ELEM(h, "p", "Programmet har inga målsättningar i lup.");
		return;
	}
	html_elem(h, "p", "Målsättningarna per tema: för kvinnor, män eller alla, med 5-årsmålet och ambitionen att "
		  "nå stadens genomsnitt på 15–20 år. Utfallet är indikatorns senaste helårsvärde för målets område "
		  "och kön; förändringen är den som behövs per år för att nå målet till målåret.", NULL);
	for (int from = 0, to; from < g->nrows; from = to) {
		for (to = from + 1; to < g->nrows && places_i(g, to, "theme") == places_i(g, from, "theme"); to++)
			;
		theme_table(r, h, g, from, to, o);
	}
}
