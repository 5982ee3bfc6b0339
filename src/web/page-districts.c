/* page-districts.c: GET /stadsdelar, the 14 districts (stadsdelsområden) with their committee,
 * whether their programme is prioritised, their themes and prioritised areas. */
#include "web/pages-places.h"
#include "store/store.h"

#include <stdio.h>

/* names_cell: a cell listing the names (column 1) of rs's run for district id, or none_text. */
static void names_cell(struct html *h, const struct rowset *rs, int64_t id, const char *none_text)
{
	int from, to;

	places_run(rs, id, &from, &to);
	HTML_OPEN(h, "td");
	if (from == to) {
		HTML_ELEM_A(h, "span", "class", "muted", none_text);
	} else {
		HTML_OPEN_A(h, "ul", "class", "plain");
		for (int i = from; i < to; i++)
			HTML_ELEM(h, "li", rs->rows[i][1].s);
		html_close(h);
	}
	html_close(h);
}

static void district_row(struct http_req *r, struct html *h, const struct rowset *d, int i,
			 const struct rowset *themes, const struct rowset *pareas)
{
	int64_t id = places_i(d, i, "id");
	char n[32];

	HTML_OPEN(h, "tr");
	HTML_OPEN_A(h, "th", "scope", "row");
	places_link(r, h, "/stadsdel", places_s(d, i, "key"), places_s(d, i, "name"));
	html_close(h);
	HTML_OPEN(h, "td");
	places_link(r, h, "/organisation", places_s(d, i, "committee"), places_s(d, i, "committee_name"));
	html_close(h);
	HTML_ELEM(h, "td", places_i(d, i, "prioritised") ? "Ja" : "Nej");
	names_cell(h, themes, id, "Inga teman");
	names_cell(h, pareas, id, "Inga utpekade");
	snprintf(n, sizeof(n), "%lld", (long long)places_i(d, i, "measures"));
	places_td_num(h, n);
	snprintf(n, sizeof(n), "%lld", (long long)places_i(d, i, "activities"));
	places_td_num(h, n);
	html_close(h);
}

int page_districts(struct http_req *r)
{
	static const char *const cols[] = { "Stadsdelsområde", "Stadsdelsnämnd", "Prioriterat program",
		"Teman", "Prioriterade områden", "#Åtgärder", "#Aktiviteter", NULL };
	struct rowset d, themes, pareas;
	struct html *h;
	int prio = 0;

	if (places_query(r, &d, STMT_WEB_PLACES_DISTRICTS, NULL, 0) ||
	    places_query(r, &themes, STMT_WEB_PLACES_ALL_THEMES, NULL, 0) ||
	    places_query(r, &pareas, STMT_WEB_PLACES_ALL_PAREAS, NULL, 0))
		return r->status;
	for (int i = 0; i < d.nrows; i++)
		prio += places_i(&d, i, "prioritised") != 0;
	h = page_begin(r, "Stadsdelsområden", NAV_DISTRICTS);
	HTML_ELEM(h, "h1", "Stadsdelsområden");
	HTML_OPEN_A(h, "p", "class", "lede");
	html_textf(h, "Stockholm har %d stadsdelsområden. Var och en har en stadsdelsnämnd och ett lokalt "
		   "utvecklingsprogram (LUP) med teman, prioriterade områden och åtgärder. %d av dem har ett "
		   "prioriterat program enligt budget 2017.", d.nrows, prio);
	html_close(h);
	HTML_OPEN(h, "table");
	HTML_ELEM(h, "caption", "Stadsdelsområdena och deras lokala utvecklingsprogram");
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < d.nrows; i++)
		district_row(r, h, &d, i, &themes, &pareas);
	html_close(h);
	html_close(h);
	html_elem(h, "p", "Åtgärder räknas ur programmets senaste version; aktiviteter är alla organisationers "
		  "aktiviteter i stadsdelsområdet och dess stadsdelar.", "class", "muted", NULL);
	HTML_OPEN(h, "p");
	html_elem(h, "a", "Samverkan: vilka organisationer bidrar till vilket stadsdelsområdes program",
		  "href", "/stadsdelar/samverkan", NULL);
	html_close(h);
	return page_end(r, h);
}
