/* page-resources.c: resources versus need as a page (docs/resources-need.md):
 *	GET /resurser?ar=Y				the whole city's resources
 *	GET /organisation/{key}/resurser-behov?ar=Y	one organisation's
 *	GET /resurser/{fil}				the table as a file (resurser-och-behov.csv/.xlsx; ?ar=Y)
 *	POST /resurser/indikatorer			the city's choice of need indicators (form)
 * The districts ordered by their need index, a chart of the index beside one of money per
 * resident in the same order, the table, the rule in words and every step (the indicators with
 * their weights and city values, each district's value, gap and z-value) in an expandable part.
 * Public: outcomes under the publication rule of the caller (view/need.h). */
#include "web/page.h"
#include "web/pages-forms.h"
#include "web/pages-places.h"
#include "web/api-create.h"
#include "web/download.h"
#include "web/form.h"
#include "web/need-web.h"
#include "web/pages-need.h"
#include "doc/export.h"
#include "edit/allocation.h"
#include "core/buf.h"
#include "model/fmt.h"
#include "render/svg.h"
#include "store/store.h"
#include "view/need.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* num: v with decimals the Swedish way ("1,39", "−"), in the arena; "–" for NaN. */
static const char *num(struct http_req *r, double v, int decimals)
{
	char buf[64];

	if (!isfinite(v))
		return "–";
	model_fmt_num(v, decimals, buf, sizeof(buf));
	return arena_strdup(&r->a, buf);
}

static void year_form(struct http_req *r, struct html *h, const char *action, int year)
{
	html_open(h, "form", "method", "get", "action", action, "class", "inline", NULL);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", "År", "for", "f-ar", NULL);
	html_void(h, "input", "type", "number", "id", "f-ar", "name", "ar", "value", pf_printf(r, "%d", year),
		  "min", "2000", "max", "2100", NULL);
	html_close(h);
	form_button(h, "Visa", "secondary");
	html_close(h);
}

static void charts(struct http_req *r, struct html *h, const struct view_need *v)
{
	struct svg_bar *need = arena_alloc(&r->a, (v->nd + 1) * sizeof(*need));
	struct svg_bar *money = arena_alloc(&r->a, (v->nd + 1) * sizeof(*money));
	struct svg_opts on = { "behov", "Behovsindex per stadsdelsområde, störst behov först",
			       "Stapeldiagram: behovsindex per stadsdelsområde. Samma siffror står i tabellen nedan.",
			       NULL, 2, v->example };
	struct svg_opts om = { "pengar", "Pengar per invånare (kr), i samma ordning",
			       "Stapeldiagram: årets pengar per invånare i kronor per stadsdelsområde, i behovsordning. "
			       "Samma siffror står i tabellen nedan.", "kr", 0, v->example };

	for (size_t i = 0; i < v->nd; i++) {
		const struct view_need_district *d = &v->ds[v->ord[i]];
		need[i] = (struct svg_bar){ d->name, d->index, NAN, NAN, 0 };
		money[i] = (struct svg_bar){ d->name, d->per1000[NEED_MONEY], NAN, NAN, 0 };
	}
	html_open(h, "div", "class", "need-charts", NULL);
	svg_bar_chart(h, &on, need, v->nd, 0, NAN);
	svg_bar_chart(h, &om, money, v->nd, 0, NAN);
	html_close(h);
}

static void table(struct http_req *r, struct html *h, const struct view_need *v)
{
	static const char *const head[] = { "#Rang", "Stadsdelsområde", "#Behovsindex", "#Indikatorer med värde",
		"#Invånare", "#Pengar (tkr)", "#Kr per invånare", "#Personal (årsarbetare)", "#Per 1 000 invånare",
		"#Platser", "#Per 1 000 invånare", "#Timmar", "#Per 1 000 invånare", NULL };

	html_open(h, "div", "class", "matrix-wrap", "role", "region", "tabindex", "0", "aria-label",
		  "Resurser och behov per stadsdelsområde", NULL);
	html_open(h, "table", "id", "behovstabell", NULL);
	html_elem(h, "caption", pf_printf(r, "Resurser %d och behov (utfall %d) per stadsdelsområde, störst behov först",
					  v->year, v->need_year), NULL);
	places_thead(h, head);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < v->nd; i++) {
		const struct view_need_district *d = &v->ds[v->ord[i]];
		html_open(h, "tr", "data-district", d->key, NULL);
		places_td_num(h, pf_printf(r, "%zu", i + 1));
		html_open(h, "th", "scope", "row", NULL);
		pf_link(h, page_href(r, "/stadsdel", d->key), d->name);
		html_close(h);
		places_td_num(h, isfinite(d->index) ? num(r, d->index, 2) : "Inget index (saknar värden)");
		places_td_num(h, pf_printf(r, "%d av %zu", d->nused, v->ni));
		places_td_num(h, d->population ? num(r, (double)d->population, 0) : "saknas");
		for (int k = 0; k < NEED_KIND__MAX; k++) {
			places_td_num(h, num(r, d->amount[k], places_decimals(d->amount[k])));
			places_td_num(h, num(r, d->per1000[k], k == NEED_MONEY ? 0 : 2));
		}
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* z_cell: a district's value and z-value of an indicator of unit ("5,37 %; -0,81"; "saknar
 * värde"), written from a buffer of the cell's own. */
static void z_cell(struct html *h, const struct need_cell *c, const char *unit)
{
	char text[PLACES_VALUE_SIZE + 2 + 64];
	size_t n;

	if (!isfinite(c->value)) {
		places_td_num(h, "saknar värde");
		return;
	}
	places_value_buf(c->value, unit, text);
	n = strlen(text);
	memcpy(text + n, "; ", 3);
	n += 2;
	if (!isfinite(c->z))
		memcpy(text + n, "–", sizeof("–"));
	else
		model_fmt_num(c->z, 2, text + n, 64);	/* "" when it cannot, as num's */
	places_td_num(h, text);
}

/* steps: the indicators and every district's value, gap and z-value. */
static void steps(struct http_req *r, struct html *h, const struct view_need *v)
{
	static const char *const ih[] = { "Indikator", "Riktning", "#Vikt", "#Stadens snitt", "#Områden med värde",
		"#Medelavstånd", "#Standardavvikelse", "Anmärkning", NULL };

	html_open(h, "details", "id", "steg", NULL);
	html_elem(h, "summary", "Så räknades indexet: indikatorer, värden och z-värden", NULL);
	html_elem(h, "p", v->chosen ? "Indikatorerna och vikterna är stadens val." :
		  "Staden har inte valt indikatorer, så standardurvalet gäller: publicerade indikatorer som mäts "
		  "som andel (%) och har en riktning, ett värde för staden och värden för minst två "
		  "stadsdelsområden under året (de för LUP-målen om några finns), alla med vikt 1.", NULL);
	html_open(h, "div", "class", "matrix-wrap", "role", "region", "tabindex", "0", "aria-label", "Indikatorerna", NULL);
	html_open(h, "table", NULL);
	html_elem(h, "caption", "Indikatorerna i behovsindexet", NULL);
	places_thead(h, ih);
	html_open(h, "tbody", NULL);
	for (size_t k = 0; k < v->ni; k++) {
		const struct view_need_ind *x = &v->inds[k];
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		pf_link(h, page_href(r, "/indikator", x->key), x->name);
		html_close(h);
		html_elem(h, "td", strcmp(x->direction, "lower") == 0 ? "lägre är bättre" :
				   strcmp(x->direction, "higher") == 0 ? "högre är bättre" : "ingen riktning", NULL);
		places_td_num(h, num(r, x->m.weight, places_decimals(x->m.weight)));
		places_td_num(h, places_value(r, x->m.city, x->unit));
		places_td_num(h, pf_printf(r, "%d", x->m.n));
		places_td_num(h, num(r, x->m.mean, 2));
		places_td_num(h, num(r, x->m.sd, 2));
		html_elem(h, "td", !x->m.used ? "Ingår inte: saknar stadens värde eller områdesvärden" :
				   x->m.flat ? "Ingen spridning: z = 0 för alla" : "", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);

	html_open(h, "div", "class", "matrix-wrap", "role", "region", "tabindex", "0", "aria-label", "Värden och z-värden", NULL);
	html_open(h, "table", "id", "z-varden", NULL);
	html_elem(h, "caption", "Varje områdes värde och z-värde per indikator (värde; z)", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Indikator", "scope", "col", NULL);
	for (size_t i = 0; i < v->nd; i++)
		html_elem(h, "th", v->ds[v->ord[i]].name, "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (size_t k = 0; k < v->ni; k++) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", v->inds[k].name, "scope", "row", NULL);
		for (size_t i = 0; i < v->nd; i++)
			z_cell(h, &v->cells[k * v->nd + v->ord[i]], v->inds[k].unit);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* choose_form: the city's form for the need indicators (one "nyckel vikt" per line). */
static void choose_form(struct http_req *r, struct html *h, const struct view_need *v, const struct form_errors *e,
			const char *kept)
{
	char *text = NULL;

	if (!pf_is_city(r))
		return;
	if (!kept && v->chosen) {
		struct buf b;
		buf_init(&b, 0);
		for (size_t k = 0; k < v->ni; k++)
			buf_addf(&b, "%s %s\n", v->inds[k].key, num(r, v->inds[k].m.weight, places_decimals(v->inds[k].m.weight)));
		text = arena_strdup(&r->a, b.ptr ? b.ptr : "");
		buf_release(&b);
	}
	html_elem(h, "h2", "Välj indikatorer för behovsindexet", "id", "valj", NULL);
	html_open(h, "form", "method", "post", "action", "/resurser/indikatorer", NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	form_textarea(h, e, "indikatorer", "Indikatorer och vikter", kept ? kept : text,
		      "En indikator per rad: dess nyckel, ett mellanslag och vikten (över 0, högst 100; utelämnad: 1). "
		      "Tomt: standardurvalet.", 6);
	form_button(h, "Spara urvalet", NULL);
	html_close(h);
}

static int render(struct http_req *r, int64_t org, const char *org_key, const char *org_name, int year,
		  const struct form_errors *e, const char *kept, int status)
{
	struct view_need v;
	struct html *h;
	const char *self = org ? page_href(r, pf_printf(r, "/organisation/%s", org_key), "resurser-behov") : "/resurser";

	if (view_need_load(r->st, &r->a, year, org, &v, &r->err) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	/* the page's room at once (a hint, about 85 bytes a step on the demo): its 65 KB grown by
	 * doubling and copying on the way cost about 0.1M instructions */
	buf_reserve(&r->out, 16384 + 96 * (v.ni + 1) * (v.nd + 1));
	h = page_begin(r, org ? pf_printf(r, "Resurser och behov: %s", org_name) : "Resurser och behov",
		       org ? NAV_ORGS : NAV_CITY);
	html_elem(h, "h1", org ? pf_printf(r, "%s: resurser och behov %d", org_name, year) :
				 pf_printf(r, "Resurser och behov %d", year), NULL);
	if (org) {
		html_open(h, "p", NULL);
		pf_link(h, page_href(r, "/organisation", org_key), pf_printf(r, "Tillbaka till %s", org_name));
		html_text(h, " · ");
		pf_link(h, pf_href(r, "/organisation/%s/resurser", org_key), "Organisationens resurser");
		html_text(h, " · ");
		pf_link(h, pf_printf(r, "/resurser?ar=%d", year), "Hela stadens resurser");
		html_close(h);
	}
	year_form(r, h, self, year);
	html_elem(h, "h2", "Regeln", "id", "regeln", NULL);
	html_elem(h, "p", NEED_RULE_SV, NULL);
	html_elem(h, "p", pf_printf(r, "Resurserna är %s under %d; behovet bygger på utfall för %d. "
				    "Pengar per invånare: tkr per 1 000 invånare är kronor per invånare.",
				    org ? pf_printf(r, "vad %s har registrerat", org_name) : "alla organisationers", year,
				    v.need_year), NULL);
	if (v.example)
		page_example_note(h);
	if (!v.ni)
		html_elem(h, "p", "Inga indikatorer med värden för staden och stadsdelsområdena finns för året, "
			  "så inget behovsindex kan räknas.", NULL);
	html_elem(h, "h2", "Stadsdelsområden efter behov", "id", "efter-behov", NULL);
	charts(r, h, &v);
	table(r, h, &v);
	if (!org)
		download_menu(r, h, "resources-need", "/resurser", pf_printf(r, "ar=%d", year));
	steps(r, h, &v);
	if (!org)
		choose_form(r, h, &v, e, kept);
	return page_end_status(r, h, status);
}

static int year_of(struct http_req *r, int *year)
{
	long y;
	int rc = pf_year_arg(r, need_web_year_now(), &y);

	*year = (int)y;
	return rc;
}

int page_resources(struct http_req *r)
{
	int year, rc;

	if ((rc = year_of(r, &year)) != 0)
		return rc;
	return render(r, 0, NULL, NULL, year, NULL, NULL, 200);
}

int page_org_resources_need(struct http_req *r)
{
	struct need_org o;
	int year, rc;

	if ((rc = year_of(r, &year)) != 0 || (rc = need_web_org(r, &o)) != 0)
		return rc;
	return render(r, o.id, o.key, o.name, year, NULL, NULL, 200);
}

int page_resources_download(struct http_req *r)
{
	const struct export_row *x = export_find_slug("resources-need", r->params[0]);
	struct export_args a = { 0 };
	int year, rc;

	if (!x)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	if ((rc = year_of(r, &year)) != 0)
		return rc;
	a.year = year;
	return download_send(r, x, &a, 0);
}

int page_need_indicators_post(struct http_req *r)
{
	struct need_pick picks[NEED_PICK_MAX + 1];
	const char *sv[API_MAX_VIOLATIONS];
	struct api_violations v = { .n = 0 };
	struct form_errors fe = { .n = 0 };
	struct form f;
	const char *text;
	size_t n = 0;
	int rc, year = need_web_year_now();

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	text = form_get(&f, "indikatorer");
	for (const char *p = text ? text : ""; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = arena_strndup(&r->a, p, len), *w;
		p += len + (p[len] == '\n');
		while (*line == ' ' || *line == '\t' || *line == '\r')
			line++;
		if (!*line)
			continue;
		if (n == NEED_PICK_MAX + 1)
			break;
		w = line + strcspn(line, " \t\r");
		picks[n].weight = 1.0;
		if (*w) {
			*w++ = 0;
			w += strspn(w, " \t");
			w[strcspn(w, " \t\r")] = 0;
			if (*w && alloc_parse_amount(w, &picks[n].weight) != 0)
				picks[n].weight = -1;
		}
		picks[n++].ref = line;
	}
	rc = need_web_set_indicators(r, picks, n, &v, sv);
	if (rc > 0)
		return rc;
	if (v.n) {
		for (int i = 0; i < v.n && i < FORM_MAX_ERRORS; i++)
			form_error(r, &fe, "indikatorer", "%s", sv[i]);
		return render(r, 0, NULL, NULL, year, &fe, text, 422);
	}
	return form_redirect(r, "/resurser#steg");
}
