/* page-orgs.c: GET /organisationer[?typ=SLUG], every organisation grouped by kind, with a filter
 * form (GET) by kind. The whole list is one statement (STMT_WEB_CITY_ORGS, kind first), sorted by
 * Swedish name, counted and grouped by kind here; one kind is the kinds' counts and that kind's
 * organisations (STMT_WEB_PLACES_ORG_KINDS, STMT_WEB_PLACES_ORGS), a fifth of the whole list's
 * cost on SQLite. */
#include "web/pages-places.h"
#include "store/store.h"
#include "core/arena.h"
#include "core/collate.h"
#include "core/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KINDS_MAX 32	/* kinds counted (places_kind_at has fewer) */

/* The organisations shown (rows of STMT_WEB_CITY_ORGS or STMT_WEB_PLACES_ORGS, an organisation's
 * rows adjacent: one per district of its own), each row's kind as its place in places_kind_at
 * (-1: another), and the number of organisations of each kind. */
struct orgs {
	struct rowset rs;
	int *kind;
	long count[KINDS_MAX];
};

/* kinds_of: fills o->kind from the rows' kind column. */
static void kinds_of(struct http_req *r, struct orgs *o)
{
	o->kind = arena_alloc(&r->a, sizeof(*o->kind) * (size_t)(o->rs.nrows + 1));
	for (int i = 0; i < o->rs.nrows; i++) {
		o->kind[i] = -1;
		for (int k = 0; places_kind_at(k) && o->kind[i] < 0; k++)
			if (strcmp(o->rs.rows[i][0].s, places_kind_at(k)) == 0)
				o->kind[i] = k;
	}
}

/* A row of STMT_WEB_CITY_ORGS with its place in Swedish name order and its place as read. */
struct by_name_row {
	int rank;
	int at;
	struct row_cell *row;
};

/* by_name: rows by name in Swedish order, then as read (by id, an organisation's rows in a run). */
static int by_name(const void *pa, const void *pb)
{
	const struct by_name_row *a = pa, *b = pb;

	return a->rank != b->rank ? (a->rank > b->rank) - (a->rank < b->rank) : (a->at > b->at) - (a->at < b->at);
}

/* sort_by_name: the rows of STMT_WEB_CITY_ORGS (by id) put in Swedish order of their names
 * (column 3), then by id: the distinct names ranked once (core/collate.h) where SQLite's sort
 * of the whole rows through ICU took a third of the statement (0.1 of 0.3 ms on the demo). -1
 * when the collation fails (answered). */
static int sort_by_name(struct http_req *r, struct rowset *rs)
{
	int n = rs->nrows;
	const char **names = arena_alloc(&r->a, sizeof(*names) * (size_t)(n + 1));
	int *rank = arena_alloc(&r->a, sizeof(*rank) * (size_t)(n + 1));
	struct by_name_row *o = arena_alloc(&r->a, sizeof(*o) * (size_t)(n + 1));

	if (rs->ncols < 4)
		return 0;
	for (int i = 0; i < n; i++)
		names[i] = rs->rows[i][3].s;
	if (collate_ranks(names, n, rank) != 0) {
		err_set(&r->err, LUP_EDB, "cannot sort the organisations by name: the Swedish collation failed");
		return places_fail(r);
	}
	for (int i = 0; i < n; i++)
		o[i] = (struct by_name_row){ rank[i], i, rs->rows[i] };
	qsort(o, (size_t)n, sizeof(*o), by_name);
	for (int i = 0; i < n; i++)
		rs->rows[i] = o[i].row;
	return 0;
}

/* load_all: every organisation (STMT_WEB_CITY_ORGS) by name, with the kinds counted from its
 * rows (an organisation once, not per row); -1 on a database error (answered). */
static int load_all(struct http_req *r, struct orgs *o)
{
	if (places_query(r, &o->rs, STMT_WEB_CITY_ORGS, NULL, 0) || sort_by_name(r, &o->rs))
		return -1;
	kinds_of(r, o);
	for (int i = 0; i < o->rs.nrows; i++)
		if (o->kind[i] >= 0 && o->kind[i] < KINDS_MAX &&
		    (i == 0 || strcmp(o->rs.rows[i - 1][1].s, o->rs.rows[i][1].s) != 0))
			o->count[o->kind[i]]++;
	return 0;
}

/* load_kind: the organisations of kind (STMT_WEB_PLACES_ORGS) and every kind's count
 * (STMT_WEB_PLACES_ORG_KINDS: rows "kind, count"); -1 on a database error (answered). */
static int load_kind(struct http_req *r, struct orgs *o, const char *kind)
{
	struct sval k = SVS(kind);
	struct rowset counts;
	int at = -1;

	if (places_query(r, &counts, STMT_WEB_PLACES_ORG_KINDS, NULL, 0) ||
	    places_query(r, &o->rs, STMT_WEB_PLACES_ORGS, &k, 1))
		return -1;
	for (int n = 0; places_kind_at(n) && n < KINDS_MAX; n++) {
		if (strcmp(places_kind_at(n), kind) == 0)
			at = n;
		for (int i = 0; i < counts.nrows; i++)
			if (strcmp(counts.rows[i][0].s, places_kind_at(n)) == 0)
				o->count[n] = strtol(counts.rows[i][1].s, NULL, 10);
	}
	o->kind = arena_alloc(&r->a, sizeof(*o->kind) * (size_t)(o->rs.nrows + 1));
	for (int i = 0; i < o->rs.nrows; i++)
		o->kind[i] = at;
	return 0;
}

/* filter_form: the kind filter, each kind with its number of organisations. */
static void filter_form(struct html *h, const struct orgs *o, const char *chosen)
{
	html_open(h, "form", "class", "filter no-print", "method", "get", "action", "/organisationer", NULL);
	html_open(h, "div", NULL);
	html_elem(h, "label", "Typ av organisation", "for", "typ", NULL);
	html_open(h, "select", "id", "typ", "name", "typ", NULL);
	html_elem(h, "option", "Alla typer", "value", "", "selected", chosen ? NULL : "", NULL);
	for (int k = 0; places_kind_at(k); k++) {
		const char *kind = places_kind_at(k);
		long n = k < KINDS_MAX ? o->count[k] : 0;
		if (!n)
			continue;
		html_open(h, "option", "value", places_kind_slug(kind),
			  "selected", chosen && strcmp(chosen, kind) == 0 ? "" : NULL, NULL);
		html_textf(h, "%s (%ld)", places_kind_plural_sv(kind), n);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	html_elem(h, "button", "Visa", "type", "submit", NULL);
	html_close(h);
}

/* org_row: one organisation: name, counterpart, district, flags, goals and activities. */
static void org_row(struct http_req *r, struct html *h, const struct rowset *o, int i, int is_company)
{
	char n[32];

	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "row", NULL);
	places_link(r, h, "/organisation", places_s(o, i, "key"), places_s(o, i, "name"));
	html_close(h);
	html_open(h, "td", NULL);
	places_link(r, h, "/organisation", places_s(o, i, "pair"), places_s(o, i, "pair_name"));
	html_close(h);
	html_open(h, "td", NULL);
	places_link(r, h, "/stadsdel", places_s(o, i, "district"), places_s(o, i, "district_name"));
	if (places_i(o, i, "city_owned") && is_company)
		html_text(h, places_i(o, i, "housing") ? "Stadens bostadsbolag" : "Ägs av staden");
	html_close(h);
	snprintf(n, sizeof(n), "%lld", (long long)places_i(o, i, "goals"));
	places_td_num(h, n);
	snprintf(n, sizeof(n), "%lld", (long long)places_i(o, i, "activities"));
	places_td_num(h, n);
	html_close(h);
}

/* kind_section: the heading and table of the organisations of the k-th kind; nothing when it
 * has none. */
static void kind_section(struct http_req *r, struct html *h, const struct orgs *o, int k)
{
	static const char *const cols[] = { "Organisation", "Hör ihop med", "Stadsdelsområde eller ägande",
		"#Mål", "#Aktiviteter", NULL };
	const char *kind = places_kind_at(k);
	int nrows = 0;

	for (int i = 0; i < o->rs.nrows; i++)
		nrows += o->kind[i] == k;
	if (!nrows)
		return;
	html_open(h, "section", "aria-labelledby", places_kind_slug(kind), NULL);
	html_open(h, "h2", "id", places_kind_slug(kind), NULL);
	html_textf(h, "%s (%d)", places_kind_plural_sv(kind), nrows);
	html_close(h);
	html_open(h, "table", NULL);
	html_open(h, "caption", "class", "visually-hidden", NULL);
	html_textf(h, "Organisationer av typen %s", places_kind_sv(kind));
	html_close(h);
	places_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < o->rs.nrows; i++)
		if (o->kind[i] == k)
			org_row(r, h, &o->rs, i, strcmp(kind, "company_board") == 0);
	html_close(h);
	html_close(h);
	html_close(h);
}

int page_orgs(struct http_req *r)
{
	const char *slug = http_query(r, "typ"), *chosen = NULL;
	struct orgs o = { 0 };
	struct html *h;

	if (slug && *slug && !(chosen = places_kind_from_slug(slug)))
		return page_error(r, 400, "Det finns ingen sådan typ av organisation. Välj en typ i listan.");
	if (chosen ? load_kind(r, &o, chosen) : load_all(r, &o))
		return r->status;
	h = page_begin(r, chosen ? places_kind_plural_sv(chosen) : "Organisationer", NAV_ORGS);
	html_elem(h, "h1", "Organisationer", NULL);
	html_elem(h, "p", "Alla organisationer som stadens planer och uppföljningar nämner: kommunfullmäktige, "
		  "nämnder och förvaltningar, stadens bolag och de myndigheter, föreningar och nätverk som de "
		  "samverkar med.", "class", "lede", NULL);
	filter_form(h, &o, chosen);
	for (int k = 0; places_kind_at(k); k++)
		if (!chosen || strcmp(chosen, places_kind_at(k)) == 0)
			kind_section(r, h, &o, k);
	return page_end(r, h);
}
