/* page-ledger.c: GET /uppfoljning/atagande?ar=YYYY&period=T1|T2|VB, the commitment ledger of a
 * follow-up period (view/ledger.h): for each specialist committee and company, what it committed
 * to each district (its activities there, the LUP measures it is a partner of, its resources)
 * and what its report of the period says happened to each activity, silent and late ones first,
 * with counts per organisation. The statuses of a report that is not approved show only to
 * those who may read it (web/authz.h); anyone else reads "Ej publicerad". Without arguments:
 * the latest period that has ended. */
#include "web/pages-commit.h"
#include "web/pages-forms.h"
#include "web/pages-places.h"
#include "core/arena.h"
#include "model/period.h"
#include "model/today.h"
#include "web/download.h"
#include "model/status.h"
#include "view/ledger.h"
#include "render/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(struct http_req *r)
{
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	return page_error(r, 500, "Sidan kunde inte läsas från databasen. Försök igen om en stund.");
}

/* default_period: the latest period that has ended by today. */
static void default_period(struct model_period *p)
{
	if (model_period_of_date(model_today(), p) != 0)
		*p = (struct model_period){ 2026, MODEL_PERIOD_T2 };
	if (p->kind == MODEL_PERIOD_T1)
		*p = (struct model_period){ p->year - 1, MODEL_PERIOD_FY };
	else
		p->kind = p->kind == MODEL_PERIOD_T2 ? MODEL_PERIOD_T1 : MODEL_PERIOD_T2;
}

/* parse_args: ?ar= and ?period= into *p. Returns 0, or the status of the 400 page answered. */
static int parse_args(struct http_req *r, struct model_period *p)
{
	const char *ys = http_query(r, "ar"), *ps = http_query(r, "period");
	char text[64];

	if (!ys && !ps) {
		default_period(p);
		return 0;
	}
	snprintf(text, sizeof(text), "%s-%s", ys ? ys : "", ps ? ps : "");
	if (!ys || !ps || strlen(ys) != 4 || model_period_parse(text, p, NULL, 0) != 0)
		return page_error(r, 400, "Ange år och period: ?ar=ÅÅÅÅ&period=T1, T2 eller VB.");
	return 0;
}

/* period_code: the period as ?period= and the exports name it: T1, T2 or VB. */
static const char *period_code(enum model_period_kind k)
{
	return k == MODEL_PERIOD_T1 ? "T1" : k == MODEL_PERIOD_T2 ? "T2" : "VB";
}

static const char *report_sv(const struct ledger_party *p)
{
	static const char *const codes[] = { "draft", "submitted", "returned", "approved", NULL };
	static const char *const labels[] = { "Utkast", "Inskickad", "Returnerad", "Godkänd" };

	if (p->report == LEDGER_NO_REPORT)
		return "Ingen rapport";
	if (p->report == LEDGER_UNPUBLISHED)
		return "Ej publicerad";
	for (int i = 0; codes[i]; i++)
		if (strcmp(p->report_status, codes[i]) == 0)
			return labels[i];
	return p->report_status;
}

static void filter_form(struct http_req *r, struct html *h, const struct model_period *p)
{
	static const char *const kinds[] = { "T1", "T2", "VB" };
	static const char *const labels[] = { "Tertialrapport 1", "Tertialrapport 2", "Verksamhetsberättelse" };

	html_open(h, "form", "class", "filter", "method", "get", "action", "/uppfoljning/atagande", NULL);
	html_open(h, "div", NULL);
	html_elem(h, "label", "År", "for", "ar", NULL);
	html_void(h, "input", "type", "number", "id", "ar", "name", "ar", "min", "1900", "max", "2999",
		  "value", commit_num(r, p->year), NULL);
	html_close(h);
	html_open(h, "div", NULL);
	html_elem(h, "label", "Rapport", "for", "period", NULL);
	html_open(h, "select", "id", "period", "name", "period", NULL);
	for (int k = 0; k < 3; k++)
		html_elem(h, "option", labels[k], "value", kinds[k], "selected", (int)p->kind == k ? "" : NULL, NULL);
	html_close(h);
	html_close(h);
	html_elem(h, "button", "Visa", "type", "submit", NULL);
	html_close(h);
}

static void num_td(struct http_req *r, struct html *h, long n)
{
	HTML_ELEM_AV(h, "td", "class", "num", commit_num(r, n));
}

static void summary_row(struct http_req *r, struct html *h, const struct ledger_party *p)
{
	static const int order[] = { 2, 1, 3, 4, 0 };	/* done, ongoing, waiting, cancelled, planned */
	const char *cls = p->report != LEDGER_REPORTED ? "silent" : p->late ? "late" : NULL;

	HTML_OPEN_A(h, "tr", "class", cls);
	HTML_OPEN_AV(h, "th", "scope", "row");
	HTML_ELEM_A(h, "a", "href", pf_href(r, "#org-%s", p->key), p->name);
	html_close(h);
	HTML_OPEN(h, "td");
	if (p->report == LEDGER_REPORTED) {
		HTML_START(h, "a");
		HTML_ATTR(h, "href", pf_href(r, "/uppfoljning/%lld", (long long)p->report_id));
		HTML_ATTR_V(h, "class", "rep");
		html_start_end(h, 1);
		html_text(h, report_sv(p));
		html_close(h);
	} else {
		HTML_ELEM_A(h, "span", "class", p->report == LEDGER_NO_REPORT ? "rep rep-none" : "rep rep-unpublished",
			    report_sv(p));
	}
	if (p->late)
		html_text(h, ", försenad");
	html_close(h);
	num_td(r, h, p->districts);
	num_td(r, h, p->activities);
	for (int k = 0; k < 5; k++)
		num_td(r, h, p->status_n[order[k]]);
	num_td(r, h, p->unreported);
	num_td(r, h, p->measures);
	num_td(r, h, p->resources);
	html_close(h);
}

static void summary(struct http_req *r, struct html *h, const struct view_ledger *l)
{
	static const char *const cols[] = { "Nämnd eller bolag", "Rapport", "Stadsdelsområden", "Aktiviteter",
		"Genomförda", "Pågår", "Vilande", "Inställda", "Planerade", "Utan status", "Åtgärder i LUP", "Resurser", NULL };

	html_open(h, "table", "class", "ledger", NULL);
	html_elem(h, "caption", "Sammanställning per nämnd och bolag: de som inte har rapporterat och de som är "
		  "försenade först", NULL);
	places_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (size_t i = 0; i < l->nparties; i++)
		summary_row(r, h, &l->parties[i]);
	html_close(h);
	html_close(h);
}

/* status_text: what the ledger says of an activity's status in the party's report. */
static const char *status_text(const struct ledger_party *p, const struct ledger_item *it)
{
	if (p->report == LEDGER_NO_REPORT)
		return "Ingen rapport";
	if (p->report == LEDGER_UNPUBLISHED)
		return "Ej publicerad";
	return it->status ? act_status_label(it->status) : "Ingen status i rapporten";
}

static const char *resource_sv(const char *kind)
{
	return !kind ? "–" : strcmp(kind, "money") == 0 ? "Pengar" : strcmp(kind, "staff") == 0 ? "Personal"
		: strcmp(kind, "places") == 0 ? "Platser" : strcmp(kind, "hours") == 0 ? "Timmar" : kind;
}

static void item_row(struct http_req *r, struct html *h, const struct ledger_party *p, const struct ledger_item *it)
{
	static const char *const via[] = { "Aktivitet", "Åtgärd i LUP", "Resurser" };
	char id[24];

	HTML_OPEN(h, "tr");
	HTML_ELEM(h, "td", via[it->via]);
	HTML_OPEN_AV(h, "th", "scope", "row");
	if (it->via == LEDGER_ACTIVITY) {
		snprintf(id, sizeof(id), "%lld", (long long)it->item_id);
		HTML_ELEM_A(h, "a", "href", page_href(r, "/aktivitet", id), it->title);
	} else {
		html_text(h, it->via == LEDGER_MEASURE ? it->title : resource_sv(it->kind));
	}
	html_close(h);
	if (it->via == LEDGER_RESOURCE) {
		HTML_ELEM(h, "td", "–");
		HTML_ELEM(h, "td", places_value(r, it->amount, it->unit));
	} else {
		HTML_ELEM(h, "td", commit_role_sv(it->role));
		HTML_ELEM(h, "td", it->via == LEDGER_ACTIVITY ? status_text(p, it) : "–");
	}
	html_close(h);
}

static void district_table(struct http_req *r, struct html *h, const struct view_ledger *l,
			   const struct ledger_party *p, size_t from, size_t to)
{
	const char *name = l->district_names[l->items[from].district];
	char *cap = arena_alloc(&r->a, 512);

	snprintf(cap, 512, "%s i %s", p->name, name);
	HTML_ELEM(h, "h3", name);
	HTML_OPEN_AV(h, "table", "class", "list");
	HTML_ELEM(h, "caption", cap);
	static const char *const cols[] = { "Åtagande", "Vad", "Roll", "Status eller omfattning", NULL };
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (size_t k = from; k < to; k++)
		item_row(r, h, p, &l->items[k]);
	html_close(h);
	html_close(h);
}

static void party_section(struct http_req *r, struct html *h, const struct view_ledger *l, const struct ledger_party *p)
{
	size_t end = p->item0 + p->nitems;

	html_open(h, "section", "aria-labelledby", pf_href(r, "org-%s", p->key), NULL);
	html_open(h, "h2", "id", pf_href(r, "org-%s", p->key), NULL);
	html_elem(h, "a", p->name, "href", page_href(r, "/organisation", p->key), NULL);
	html_close(h);
	html_open(h, "p", NULL);
	html_textf(h, "Rapport: %s%s.", report_sv(p), p->late ? ", försenad" : "");
	html_close(h);
	if (!p->nitems)
		html_elem(h, "p", "Inga åtaganden i stadsdelsområdena det här året.", NULL);
	for (size_t k = p->item0; k < end;) {
		size_t to = k;

		while (to < end && l->items[to].district == l->items[k].district)
			to++;
		district_table(r, h, l, p, k, to);
		k = to;
	}
	html_close(h);
}

static void intro(struct http_req *r, struct html *h, const struct view_ledger *l)
{
	html_open(h, "p", "class", "lede", NULL);
	html_text(h, "Vad facknämnderna och bolagen har åtagit sig i varje stadsdelsområde – egna aktiviteter, åtgärder i "
		  "stadsdelsområdets lokala utvecklingsprogram (LUP) där de är samverkanspart och resurser – och vad deras "
		  "senaste rapport för perioden säger har hänt. De som inte har rapporterat och de som är försenade står först.");
	html_close(h);
	html_open(h, "p", NULL);
	if (l->due)
		html_textf(h, "Stadens sista dag för rapporten: %s.", page_time(r, l->due));
	else
		html_text(h, "Staden har inte satt någon sista dag för rapporten.");
	html_close(h);
	html_elem(h, "p", "En rapport som inte är godkänd visas bara för stadsledningskontoret och organisationen själv; "
		  "för andra står det ”Ej publicerad”. Aktiviteter räknas om de pågår någon gång under året.", "class", "muted", NULL);
}

int page_ledger(struct http_req *r)
{
	struct model_period p;
	struct view_ledger l;
	char label[MODEL_PERIOD_TEXT_MAX], title[96];
	struct html *h;
	int rc;

	if ((rc = parse_args(r, &p)) != 0)
		return rc;
	if (view_ledger_load(r->st, &r->a, &p, &l, &r->err) != LUP_OK)
		return fail(r);
	model_period_label_sv(&p, label, sizeof(label));
	snprintf(title, sizeof(title), "Åtaganden: %s", label);
	h = page_begin(r, title, NAV_FOLLOWUP);
	html_elem(h, "h1", title, NULL);
	filter_form(r, h, &p);
	intro(r, h, &l);
	if (!l.nparties) {
		html_elem(h, "p", "Ingen facknämnd eller bolag har åtaganden i stadsdelsområdena det året.", NULL);
		return page_end(r, h);
	}
	summary(r, h, &l);
	download_menu(r, h, "commitments", "/uppfoljning/atagande",
		      pf_printf(r, "ar=%d&period=%s", p.year, period_code(p.kind)));
	if (l.nidle) {
		html_open(h, "p", "class", "muted", NULL);
		html_textf(h, "%zu nämnder och bolag har varken åtaganden i stadsdelsområdena det året eller någon rapport "
			   "och visas inte.", l.nidle);
		html_close(h);
	}
	for (size_t i = 0; i < l.nparties; i++)
		party_section(r, h, &l, &l.parties[i]);
	return page_end(r, h);
}

int page_ledger_download(struct http_req *r)
{
	const struct export_row *x = export_find_slug("commitments", r->params[0]);
	struct export_args a = { 0 };
	struct model_period p;
	int rc;

	if (!x)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	if ((rc = parse_args(r, &p)) != 0)
		return rc;
	a.year = p.year;
	a.period = period_code(p.kind);
	/* statuses of reports not yet approved are in the file for those who may read them */
	if ((rc = download_send(r, x, &a, r->user.role != ROLE_ANON)) == 200)
		return rc;
	return fail(r);
}
