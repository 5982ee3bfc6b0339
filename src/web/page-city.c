/* page-city.c: GET / - the city: the districts on a schematic map coloured by an indicator's gap
 * to the city average (with the numbers in a table), the prioritised programmes, the districts x
 * themes matrix and goal fulfilment per organisation for a period. Six or seven queries per
 * page, whatever the number of districts, indicators or organisations. */
#include "web/pages-city.h"
#include "web/page.h"
#include "web/pages-places.h"
#include "web/api.h"
#include "web/authz.h"
#include "web/server.h"
#include "render/html.h"
#include "render/rows.h"
#include "render/svg.h"
#include "model/gap.h"
#include "model/period.h"
#include "store/store.h"
#include "view/city.h"
#include "core/buf.h"
#include "core/numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The page's state: its arguments and the view (view/city.h). */
struct city {
	struct http_req *r;
	struct html *h;
	struct view_city v;
	const char *ind_arg;		/* ?indikator=, NULL when not given */
	int year_given, period_given;
	long year;			/* ?ar= */
	struct model_period per;	/* ?period=, else the chosen period */
	const char **href;		/* each district's page, made once (district_href) */
};

/* db_error: a database error: logged, and a Swedish page without the database's words. */
static int db_error(struct http_req *r)
{
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	return page_error(r, 500, "Uppgifterna kunde inte läsas från databasen. Försök igen om en stund.");
}

/* chosen: the chosen indicator, or NULL. */
static const struct view_city_indicator *chosen(const struct city *c)
{
	return c->v.ind >= 0 ? &c->v.inds[c->v.ind] : NULL;
}

/* district_href: the link to district i's page (the map, the tables and the list each link it),
 * made at its first use. */
static const char *district_href(struct city *c, size_t i)
{
	if (!c->href)
		c->href = arena_alloc(&c->r->a, sizeof(*c->href) * (c->v.ndistricts + 1));
	if (!c->href[i])
		c->href[i] = page_href(c->r, "/stadsdel", c->v.districts[i].key);
	return c->href[i];
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

/* load: the view for the arguments; answers 404 for what cannot be found, 500 for the store. */
static int load(struct city *c)
{
	struct http_req *r = c->r;
	struct view_city_args a = { c->ind_arg, c->year_given ? c->year : 0, c->period_given ? &c->per : NULL, 1 };
	char msg[160];

	if (view_city_load(r->st, &r->a, &a, &c->v, &r->err) != LUP_OK)
		return db_error(r);
	switch (c->v.miss) {
	case VIEW_CITY_NO_INDICATOR:
		return page_error(r, 404, "Det finns ingen indikator med den nyckeln.");
	case VIEW_CITY_UNMAPPED_INDICATOR:
		return page_error(r, 404, "Indikatorn har inga helårsutfall per stadsdelsområde att visa på kartan.");
	case VIEW_CITY_NO_YEAR:
		snprintf(msg, sizeof(msg), "Det finns inga helårsutfall per stadsdelsområde för år %ld.", c->year);
		return page_error(r, 404, msg);
	case VIEW_CITY_NO_PERIOD:
		return page_error(r, 404, "Det finns ingen sådan uppföljningsperiod.");
	default:
		break;
	}
	if (!c->period_given && c->v.period >= 0)
		c->per = c->v.periods[c->v.period].per;
	return 0;
}

/* ---- writing ----------------------------------------------------------------------------- */

static const char *unit_of(const struct city *c)
{
	const char *u = chosen(c) ? chosen(c)->unit : NULL;

	return u && *u ? u : NULL;
}

/* option: <option value="VALUE"[ selected]>LABEL</option>; one template when not selected (a
 * template cannot write the bare attribute), which is all but one option of a list. */
static void option(struct html *h, const char *value, const char *label, int selected)
{
	if (!selected) {
		HTML_TPL(h, "<option value=\"" HTML_HOLE "\">" HTML_HOLE "</option>", value, label);
		return;
	}
	HTML_START(h, "option");
	HTML_ATTR(h, "value", value);
	HTML_ATTR(h, "selected", selected ? "" : NULL);
	html_start_end(h, 1);
	html_text(h, label);
	html_close(h);
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
	int64_t prev = 0, id = chosen(c) ? chosen(c)->id : 0;	/* an indicator's entries are adjacent */
	char y[NUMFMT_SIZE], pt[MODEL_PERIOD_TEXT_MAX];

	html_open(h, "form", "method", "get", "action", "/", "class", "choose no-print", NULL);
	HTML_OPEN_A(h, "div", "class", "field field-wide");
	HTML_ELEM_A(h, "label", "for", "val-indikator", "Indikator");
	html_open(h, "select", "id", "val-indikator", "name", "indikator", NULL);
	for (size_t i = 0; i < c->v.ninds; i++) {
		const struct view_city_indicator *ind = &c->v.inds[i];
		if (i && ind->id == prev)
			continue;
		prev = ind->id;
		option(h, ind->key, ind->name, chosen(c) && ind->id == id);
	}
	html_close(h);
	html_close(h);
	HTML_OPEN_A(h, "div", "class", "field");
	HTML_ELEM_A(h, "label", "for", "val-ar", "År");
	html_open(h, "select", "id", "val-ar", "name", "ar", NULL);
	for (int i = 0; i < c->v.nyears; i++) {
		numfmt_long(c->v.years[i], y);	/* "%ld" */
		option(h, y, y, c->v.years[i] == c->v.year);
	}
	html_close(h);
	html_close(h);
	if (c->period_given)
		hidden(h, "period", period_text(&c->per, pt, sizeof(pt)));
	HTML_ELEM_A(h, "button", "type", "submit", "Visa");
	html_close(h);
}

static void write_map(struct city *c, const char *name, const char *unit)
{
	struct http_req *r = c->r;
	struct html *h = c->h;
	const struct view_city *v = &c->v;
	struct svg_map_area *a = arena_alloc(&r->a, sizeof(*a) * (v->ndistricts + 1));
	int count[MODEL_GAP__MAX] = { 0 };
	char cv[96], title[512];
	struct buf desc;

	for (size_t i = 0; i < v->ndistricts; i++) {
		const struct view_city_district *d = &v->districts[i];
		a[i] = (struct svg_map_area){ d->key, d->name, district_href(c, i), d->value, d->band, 0 };
		count[d->band]++;
	}
	buf_init(&desc, 1 << 16);
	buf_addf(&desc, "Schematisk karta över %d stadsdelsområden, färgade efter skillnaden mot stadens snitt (%s). ",
		 (int)v->ndistricts, svg_fmt_value(v->city, v->decimals, unit, 0, cv, sizeof(cv)));
	buf_addf(&desc, "%d bättre än snittet, %d nära snittet, %d sämre, %d mycket sämre och %d utan jämförelse. ",
		 count[MODEL_GAP_BETTER], count[MODEL_GAP_NEAR], count[MODEL_GAP_WORSE], count[MODEL_GAP_MUCH_WORSE],
		 count[MODEL_GAP_UNKNOWN]);
	if (v->example)
		buf_adds(&desc, "Värdena är exempeldata. ");
	buf_adds(&desc, "Samma värden finns i tabellen under kartan.");
	snprintf(title, sizeof(title), "Karta: %s, %ld", name, v->year);
	struct svg_opts o = { "karta", title, desc.ptr, unit, v->decimals, v->example };
	HTML_OPEN_A(h, "figure", "class", "chart-figure");
	svg_district_map(h, &o, a, v->ndistricts);
	html_elem(h, "figcaption", "Färg, mönster och tecken visar hur området ligger till jämfört med stadens snitt: "
		  "nära snittet är inom 5 procent av stadens värde, mycket sämre är mer än 25 procent sämre. "
		  "Klicka på ett område för dess sida; alla värden och länkar finns också i tabellen.", NULL);
	html_close(h);
	buf_release(&desc);
}

static void write_values_table(struct city *c, const char *name, const char *unit)
{
	struct html *h = c->h;
	const struct view_city *w = &c->v;
	int pct = unit && (strcmp(unit, "%") == 0 || strcmp(unit, "procent") == 0);
	char v[96], dv2[96], g[96], cap[600];

	snprintf(cap, sizeof(cap), "%s, %ld: stadsdelsområdena jämförda med stadens snitt%s", name, w->year,
		 w->example ? " (exempeldata)" : "");
	HTML_OPEN_A(h, "table", "class", "city-values");
	HTML_ELEM(h, "caption", cap);
	const char *cols[] = { "Stadsdelsområde", "#Värde", "#Stadens snitt",
		pct ? "#Skillnad mot snittet (procentenheter)" : "#Skillnad mot snittet", "Jämfört med snittet",
		"Prioriterat LUP", NULL };
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	svg_fmt_value(w->city, w->decimals, unit, 0, g, sizeof(g));
	for (size_t i = 0; i < w->ndistricts; i++) {	/* a row in one template */
		const struct view_city_district *d = &w->districts[i];
		double dv = d->value;
		HTML_TPL(h, "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></th><td class=\"num\">" HTML_HOLE
			 "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td><span class=\"band-symbol\""
			 " aria-hidden=\"true\">" HTML_HOLE "</span> " HTML_HOLE "</td><td>" HTML_HOLE "</td></tr>",
			 district_href(c, i), d->name, svg_fmt_value(dv, w->decimals, unit, 0, v, sizeof(v)), g,
			 svg_fmt_value(dv - w->city, w->decimals, pct ? "procentenheter" : unit, 1, dv2, sizeof(dv2)),
			 svg_band_symbol(d->band), model_gap_class_label_sv(d->band), d->prioritised ? "Ja" : "Nej");
	}
	html_close(h);
	html_close(h);
}

static void write_map_section(struct city *c)
{
	struct html *h = c->h;
	const char *name = chosen(c) ? chosen(c)->name : NULL, *unit = unit_of(c);
	char v[96];

	HTML_OPEN_A(h, "section", "aria-labelledby", "rubrik-karta");
	HTML_ELEM_A(h, "h2", "id", "rubrik-karta", "Stadsdelsområdena jämförda med stadens snitt");
	if (c->v.ind < 0) {
		HTML_ELEM(h, "p", "Det finns inga helårsutfall per stadsdelsområde ännu.");
		html_close(h);
		return;
	}
	write_choose_form(c);
	HTML_OPEN_A(h, "p", "class", "indicator-lead");
	HTML_ELEM(h, "strong", name);
	html_textf(h, " – år %ld", c->v.year);
	if (unit)
		html_textf(h, ", enhet: %s", unit);
	html_text(h, c->v.dir == MODEL_DIR_HIGHER ? ". Högre värde är bättre." : c->v.dir == MODEL_DIR_LOWER ?
		  ". Lägre värde är bättre." : ". Indikatorn har ingen riktning, så kartan visar inte bättre eller sämre.");
	if (c->v.has_year) {
		html_text(h, " Stadens snitt: ");
		html_text(h, svg_fmt_value(c->v.city, c->v.decimals, unit, 0, v, sizeof(v)));
		html_text(h, ".");
	}
	html_close(h);
	if (!c->v.has_year)
		html_elem(h, "p", "Indikatorn har inga helårsutfall för det valda året; kartan visar därför inga värden.",
			  "class", "notice", NULL);
	if (c->v.example)
		page_example_note(h);
	write_map(c, name, unit);
	write_values_table(c, name, unit);
	html_close(h);
}

static void write_prioritised(struct city *c)
{
	struct html *h = c->h;
	int n = (int)c->v.nprioritised;

	HTML_OPEN_A(h, "section", "aria-labelledby", "rubrik-prioriterade");
	HTML_ELEM_A(h, "h2", "id", "rubrik-prioriterade", "Prioriterade lokala utvecklingsprogram");
	if (n == 0) {
		HTML_ELEM(h, "p", "Inga stadsdelsområden är markerade som prioriterade.");
		html_close(h);
		return;
	}
	HTML_OPEN(h, "p");
	html_textf(h, "I budget 2017 prioriterade kommunfullmäktige de lokala utvecklingsprogrammen i %d av "
		   "stadens %d stadsdelsområden:", n, (int)c->v.ndistricts);
	html_close(h);
	HTML_OPEN_A(h, "ul", "class", "prioritised-list");
	for (size_t i = 0; i < c->v.ndistricts; i++) {
		const struct view_city_district *d = &c->v.districts[i];
		if (!d->prioritised)
			continue;
		HTML_TPL(h, "<li><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></li>", district_href(c, i),
			 d->name);
	}
	html_close(h);
	html_close(h);
}

/* measures_text: " – M åtgärd(er)" into n (64 bytes), as "%ld" writes M. */
static void measures_text(char *n, long m)
{
	static const char dash[] = " \xe2\x80\x93 ";
	const char *word = m == 1 ? " åtgärd" : " åtgärder";
	size_t at = sizeof(dash) - 1;

	memcpy(n, dash, at);
	at += numfmt_long(m, n + at);
	memcpy(n + at, word, strlen(word) + 1);
}

static void write_themes(struct city *c)
{
	struct html *h = c->h;
	char n[64];

	HTML_OPEN_A(h, "section", "aria-labelledby", "rubrik-teman");
	HTML_ELEM_A(h, "h2", "id", "rubrik-teman", "Stadsdelsområden och teman");
	if (c->v.ndistricts == 0) {
		HTML_ELEM(h, "p", "Det finns inga stadsdelsområden ännu.");
		html_close(h);
		return;
	}
	HTML_OPEN_A(h, "table", "class", "city-themes");
	html_elem(h, "caption", "Teman i varje stadsdelsområdes LUP (senaste versionen) med antal prioriterade "
		  "åtgärder per tema", NULL);
	static const char *const cols[] = { "Stadsdelsområde", "Prioriterat LUP", "Teman och åtgärder", NULL };
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (size_t i = 0; i < c->v.ndistricts; i++) {	/* a row's head, each theme, its end: a template each */
		const struct view_city_district *d = &c->v.districts[i];
		const char *href = district_href(c, i);
		if (d->prioritised)
			HTML_TPL(h, "<tr class=\"prioritised\"><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></th><td>"
				 "<span class=\"prio-mark\" aria-hidden=\"true\">\xe2\x98\x85</span> Ja</td><td>", href, d->name);
		else
			HTML_TPL(h, "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></th><td>Nej</td><td>", href,
				 d->name);
		for (size_t t = d->theme0; t < d->theme0 + d->nthemes; t++) {
			measures_text(n, c->v.themes[t].measures);
			if (t == d->theme0)
				HTML_TPL(h, "<ol class=\"themes\"><li>" HTML_HOLE "<span class=\"count\">" HTML_HOLE "</span></li>",
					 c->v.themes[t].theme, n);
			else
				HTML_TPL(h, "<li>" HTML_HOLE "<span class=\"count\">" HTML_HOLE "</span></li>", c->v.themes[t].theme, n);
		}
		if (d->nthemes)
			HTML_TPL0(h, "</ol></td></tr>");
		else
			HTML_TPL0(h, "Inga teman registrerade.</td></tr>");
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
	if (c->v.ind >= 0 && c->ind_arg)
		hidden(h, "indikator", c->ind_arg);
	if (c->year_given) {
		snprintf(y, sizeof(y), "%ld", c->year);
		hidden(h, "ar", y);
	}
	HTML_OPEN_A(h, "div", "class", "field");
	HTML_ELEM_A(h, "label", "for", "val-period", "Period");
	html_open(h, "select", "id", "val-period", "name", "period", NULL);
	for (int i = (int)c->v.nperiods - 1; i >= 0; i--) {
		struct model_period p = c->v.periods[i].per;
		if (model_period_label_sv(&p, label, sizeof(label)) != 0)
			continue;
		option(h, period_text(&p, pt, sizeof(pt)), label, i == c->v.period);
	}
	html_close(h);
	html_close(h);
	HTML_ELEM_A(h, "button", "type", "submit", "Visa");
	html_close(h);
}

static void write_fulfilment(struct city *c)
{
	struct http_req *r = c->r;
	struct html *h = c->h;
	char label[MODEL_PERIOD_TEXT_MAX], cap[160];
	long long total = 0;

	HTML_OPEN_A(h, "section", "aria-labelledby", "rubrik-maluppfyllelse");
	HTML_ELEM_A(h, "h2", "id", "rubrik-maluppfyllelse", "Måluppfyllelse per organisation");
	if (c->v.period < 0) {
		HTML_ELEM(h, "p", "Det finns inga uppföljningsperioder ännu.");
		html_close(h);
		return;
	}
	write_period_form(c);
	model_period_label_sv(&c->per, label, sizeof(label));
	for (size_t i = 0; i < c->v.nfulfil; i++)
		total += c->v.fulfil[i].fulfilled + c->v.fulfil[i].partly + c->v.fulfil[i].not_met + c->v.fulfil[i].none;
	HTML_OPEN(h, "p");
	html_text(h, "Bedömningar av nämndmålen i ");
	HTML_ELEM(h, "strong", label);
	html_text(h, total ? ", räknade per organisation." : ": inga bedömningar ännu.");
	html_close(h);
	if (c->v.nfulfil == 0) {
		HTML_ELEM(h, "p", "Ingen organisation har nämndmål eller rapporter för perioden.");
		html_close(h);
		return;
	}
	snprintf(cap, sizeof(cap), "Målbedömningar i %s per organisation", label);
	HTML_OPEN_A(h, "table", "class", "city-fulfilment");
	HTML_ELEM(h, "caption", cap);
	static const char *const cols[] = { "Organisation", "Rapport", "#Uppfyllt helt", "#Delvis uppfyllt",
		"#Ej uppfyllt", "#Ej bedömt", "#Mål totalt", NULL };
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (size_t i = 0; i < c->v.nfulfil; i++) {
		const struct view_city_fulfilment *f = &c->v.fulfil[i];
		long long done = f->fulfilled + f->partly + f->not_met;
		char n[5][NUMFMT_SIZE];	/* "%ld" each */
		numfmt_long(f->fulfilled, n[0]), numfmt_long(f->partly, n[1]), numfmt_long(f->not_met, n[2]);
		numfmt_long(f->none + f->unassessed, n[3]), numfmt_long(f->goals, n[4]);
		HTML_TPL(h, "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a></th><td>" HTML_HOLE HTML_HOLE
			 "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE
			 "</td><td class=\"num\">" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td></tr>",
			 page_href(r, "/organisation", f->key), f->name, report_status_sv(f->status),
			 f->report && done + f->none == 0 ? " – inga bedömningar ännu" : NULL, n[0], n[1], n[2], n[3], n[4]);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

static void write_intro(struct city *c)
{
	struct html *h = c->h;
	int prio = 0;

	prio = (int)c->v.nprioritised;
	HTML_ELEM(h, "h1", "Stockholms lokala utvecklingsprogram");
	HTML_OPEN_A(h, "p", "class", "lead");
	html_textf(h, "Stockholm har %d stadsdelsområden. Varje stadsdelsnämnd har ett lokalt utvecklingsprogram "
		   "(LUP) med teman, prioriterade områden och åtgärder tillsammans med samverkansparter; %d av "
		   "programmen är prioriterade. Här jämförs stadsdelsområdena med stadens snitt och visas hur "
		   "organisationerna bedömer sina nämndmål.", (int)c->v.ndistricts, prio);
	html_close(h);
	HTML_OPEN_A(h, "ul", "class", "plain");
	HTML_OPEN(h, "li");
	html_elem(h, "a", "Samverkan i stadsdelsområdena: organisationer och stadsdelsområden", "href",
		  "/stadsdelar/samverkan", NULL);
	html_close(h);
	HTML_OPEN(h, "li");
	html_elem(h, "a", "Åtaganden och uppföljning per tertial: vem har levererat och vem har inte rapporterat",
		  "href", "/uppfoljning/atagande", NULL);
	html_close(h);
	html_close(h);
}

/* page_city: GET /, the city page (see pages-city.h). Cached through R_CACHE: the page is the
 * same for every anonymous visitor, and for each user, while the data is unchanged. */
int page_city(struct http_req *r)
{
	struct city c = { .r = r };
	int rc;

	if ((rc = parse_args(&c)) != 0 || (rc = load(&c)) != 0)
		return rc;
	c.h = page_begin(r, "Staden", NAV_CITY);
	write_intro(&c);
	write_map_section(&c);
	write_prioritised(&c);
	write_themes(&c);
	write_fulfilment(&c);
	/* resources versus need (page-resources.c) */
	html_elem(c.h, "h2", "Resurser och behov", "id", "rubrik-resurser", NULL);
	html_open(c.h, "p", NULL);
	html_text(c.h, "Vad facknämnder och bolag lägger i varje stadsdelsområde, mot ett behovsindex per område: ");
	html_elem(c.h, "a", "Resurser och behov", "href", "/resurser", NULL);
	html_text(c.h, ".");
	html_close(c.h);
	return page_end(r, c.h);
}
