/* page-district-trajectory.c: the trajectories per LUP goal and sex on the district page
 * (page-district-trajectory.h). The numbers are view/trajectory.h's; the chart is
 * render/svg.h's line chart of the values, the city average and the path the goals need. */
#include "web/page-district-trajectory.h"
#include "web/pages-forms.h"
#include "render/svg.h"
#include "store/store.h"
#include "view/trajectory.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *sex_sv(char s)
{
	return s == 'K' ? "Kvinnor" : s == 'M' ? "Män" : "Totalt";
}

static const char *val(struct http_req *r, double v, int year, const char *unit)
{
	if (isnan(v))
		return "–";
	return pf_printf(r, "%s%s%s%s", pf_num(r, v), unit && *unit ? " " : "", unit && *unit ? unit : "",
			 year ? pf_printf(r, " (%d)", year) : "");
}

/* need: "0,5 per år (i fas)", "1,2 per år (inte i fas)", "0 per år (redan nått)", "–" */
static const char *need(struct http_req *r, const struct model_traj *t, double n)
{
	int ok = model_traj_on_track(t->dir, t->slope, n);

	if (isnan(n))
		return "–";
	if (n == 0)
		return "0 per år (redan nått)";
	return pf_printf(r, "%s per år%s", pf_num(r, n), ok == 1 ? " (i fas)" : ok == 0 ? " (inte i fas)" : "");
}

static void table(struct http_req *r, struct html *h, const struct traj_goal *g)
{
	static const char *const cols[] = { "Kön", "Utgångsläge", "Senaste", "Stadens snitt", "Femårsmål",
					    "Förändring per år hittills", "Behövs per år till femårsmålet",
					    "Behövs per år till snittet på 15 år", "Behövs per år till snittet på 20 år", NULL };

	HTML_OPEN_AV(h, "div", "class", "table-wrap");
	HTML_OPEN_AV(h, "table", "class", "trajectory");
	HTML_OPEN(h, "caption");
	html_textf(h, "%s: banan per kön", g->indicator_name);
	html_close(h);
	pf_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int k = 0; k < g->nseries; k++) {
		const struct traj_series *s = &g->series[k];
		const struct model_traj *t = &s->t;
		html_open(h, "tr", "data-sex", pf_printf(r, "%c", s->sex), NULL);
		HTML_ELEM_AV(h, "th", "scope", "row", sex_sv(s->sex));
		HTML_ELEM(h, "td", val(r, t->base, t->base_year, g->unit));
		HTML_ELEM(h, "td", val(r, t->last, t->last_year, g->unit));
		HTML_ELEM(h, "td", val(r, t->city, s->ncity ? s->city_years[s->ncity - 1] : 0, g->unit));
		HTML_ELEM(h, "td", isnan(t->goal) ? "inget tal" : val(r, t->goal, t->goal_year, g->unit));
		HTML_ELEM(h, "td", isnan(t->slope) ? "–" : pf_printf(r, "%s per år", pf_num(r, t->slope)));
		HTML_ELEM(h, "td", need(r, t, t->need_goal));
		HTML_ELEM(h, "td", t->horizon_near ? pf_printf(r, "%s till %d", need(r, t, t->need_near), t->horizon_near) : "–");
		HTML_ELEM(h, "td", t->horizon_far ? pf_printf(r, "%s till %d", need(r, t, t->need_far), t->horizon_far) : "–");
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* chart: per sex the values and the path; the city average of the total (or per sex) */
static void chart(struct http_req *r, struct html *h, const struct traj_goal *g)
{
	int y0 = 0, y1 = 0, example = 0;

	for (int k = 0; k < g->nseries; k++) {
		const struct model_traj *t = &g->series[k].t;
		if (!t->points)
			continue;
		y0 = !y0 || t->base_year < y0 ? t->base_year : y0;
		y1 = t->horizon_far > y1 ? t->horizon_far : y1;
		y1 = t->last_year > y1 ? t->last_year : y1;
		y1 = t->goal_year > y1 ? t->goal_year : y1;
		example |= g->series[k].example;
	}
	if (!y0 || y1 - y0 > 60)
		return;
	size_t nx = (size_t)(y1 - y0 + 1), ns = 0;
	const char **labels = arena_alloc(&r->a, nx * sizeof(*labels));
	struct svg_series *s = arena_alloc(&r->a, 3 * (size_t)g->nseries * sizeof(*s));
	for (size_t x = 0; x < nx; x++)
		labels[x] = pf_printf(r, "%d", y0 + (int)x);
	for (int k = 0; k < g->nseries; k++) {
		const struct traj_series *se = &g->series[k];
		double *v = arena_alloc(&r->a, nx * sizeof(double)), *p = arena_alloc(&r->a, nx * sizeof(double));
		double *c = arena_alloc(&r->a, nx * sizeof(double));
		for (size_t x = 0; x < nx; x++) {
			v[x] = p[x] = c[x] = NAN;
			p[x] = model_traj_value_at(&se->t, y0 + (int)x);
		}
		for (int i = 0; i < se->n; i++)
			if (se->years[i] >= y0 && se->years[i] <= y1)
				v[se->years[i] - y0] = se->values[i];
		for (int i = 0; i < se->ncity; i++)
			if (se->city_years[i] >= y0 && se->city_years[i] <= y1)
				c[se->city_years[i] - y0] = se->city_values[i];
		const char *sx = g->nseries > 1 ? pf_printf(r, " (%s)", se->sex == 'K' ? "kvinnor" : "män") : "";
		s[ns++] = (struct svg_series){ pf_printf(r, "Utfall%s", sx), SVG_LINE_OUTCOME, v };
		s[ns++] = (struct svg_series){ pf_printf(r, "Banan%s", sx), SVG_LINE_TARGET, p };
		s[ns++] = (struct svg_series){ pf_printf(r, "Stadens snitt%s", sx), SVG_LINE_CITY, c };
	}
	struct svg_opts o = { pf_printf(r, "bana-%lld", (long long)g->id),
			      pf_printf(r, "%s: utfall, stadens snitt och banan mot målet", g->title), NULL, g->unit, 1, example };
	svg_line_chart(h, &o, labels, nx, s, ns);
}

int district_trajectory_section(struct http_req *r, struct html *h, int64_t district)
{
	struct traj_view v;

	if (traj_view_load(r->st, district, &v, &r->err) != LUP_OK) {
		traj_view_release(&v);
		fprintf(stderr, "lup serve: %s: %s\n", r->path, r->err.msg);
		page_error(r, 500, "Ett internt fel inträffade när sidan skulle läsas. Försök igen senare.");
		return -1;
	}
	if (!v.n) {
		traj_view_release(&v);
		return 0;
	}
	HTML_OPEN_AV(h, "section", "aria-labelledby", "banor");
	HTML_ELEM_AV(h, "h2", "id", "banor", "Banan mot målen per kön");
	html_elem(h, "p", "För varje målsättning med en indikator: utgångsläget (första året med ett helårsvärde), "
		  "femårsmålet och ambitionen att nå stadens snitt inom 15–20 år räknat från utgångsläget. "
		  "Förändringen per år som behövs är avståndet från det senaste värdet delat med åren som är kvar; "
		  "förändringen hittills är lutningen enligt minsta kvadrat-metoden över alla helårsvärden.", NULL);
	for (size_t i = 0; i < v.n; i++) {
		const struct traj_goal *g = &v.goals[i];
		HTML_OPEN(h, "h3");
		html_textf(h, "%s%s%s", g->number ? g->number : "", g->number ? " " : "", g->title);
		html_close(h);
		HTML_OPEN(h, "p");
		html_text(h, "Indikator: ");
		pf_link(h, pf_href(r, "/indikator/%s", g->indicator), g->indicator_name);
		html_close(h);
		table(r, h, g);
		chart(r, h, g);
	}
	html_close(h);
	traj_view_release(&v);
	return 0;
}
