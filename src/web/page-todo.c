/* page-todo.c: GET /att-gora, "Att göra" (view/todo.h): for a user of an organisation the
 * things its organisation (and pair) has to do, each linked to where it is done; for the city
 * office and administrators a table of every organisation, late and silent first, followed by
 * the administrators' form to reopen a locked period (POST /att-gora/oppna-period, through
 * edit/period-lock.h). Anonymous callers are sent to the login (ACC_INTERNAL). */
#include "web/pages-forms.h"
#include "web/form.h"
#include "edit/period-lock.h"
#include "model/datex.h"
#include "model/today.h"
#include "view/todo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *date_sv(struct http_req *r, int ymd)
{
	char buf[32];

	return model_date_sv(ymd, buf, sizeof(buf)) == 0 ? arena_strdup(&r->a, buf) : "–";
}

/* report_href: the report's page, or the report list of the year (where a report is started). */
static const char *report_href(struct http_req *r, int64_t id, int year)
{
	return id ? pf_href(r, "/uppfoljning/%lld", (long long)id) : pf_href(r, "/uppfoljning?ar=%lld", (long long)year);
}

/* due_text: "15 dagar kvar", "i dag", "försenad 3 dagar". */
static const char *due_text(struct http_req *r, int days_left)
{
	if (days_left == 0)
		return "lämnas i dag";
	if (days_left > 0)
		return pf_printf(r, "%d %s kvar", days_left, days_left == 1 ? "dag" : "dagar");
	return pf_printf(r, "försenad %d %s", -days_left, days_left == -1 ? "dag" : "dagar");
}

static void item(struct http_req *r, struct html *h, const struct todo_item *it)
{
	const char *label = pf_period_label(r, it->year, it->period);

	html_open(h, "li", "class", it->kind == TODO_DUE && it->days_left < 0 ? "todo late" : "todo", NULL);
	switch (it->kind) {
	case TODO_DUE:
		pf_link(h, report_href(r, it->report_id, it->year), label);
		html_textf(h, " ska lämnas senast %s: ", date_sv(r, it->due));
		html_elem(h, "strong", due_text(r, it->days_left), NULL);
		html_textf(h, " (%s).", it->status ? pf_report_status_sv(it->status) : "ingen rapport påbörjad");
		break;
	case TODO_RETURNED:
		pf_link(h, report_href(r, it->report_id, it->year), label);
		html_text(h, " är returnerad av stadsledningskontoret.");
		if (it->comment && *it->comment) {
			html_text(h, " Kommentar: ");
			html_elem(h, "q", it->comment, NULL);
		}
		break;
	case TODO_UNASSESSED:
		html_textf(h, "%d %s utan bedömning i ", it->count, it->count == 1 ? "mål" : "mål");
		pf_link(h, report_href(r, it->report_id, it->year), label);
		html_text(h, ".");
		break;
	case TODO_NO_STATUS:
		html_textf(h, "%d %s utan status i ", it->count, it->count == 1 ? "aktivitet" : "aktiviteter");
		pf_link(h, pf_printf(r, "%s#aktiviteter", report_href(r, it->report_id, it->year)), label);
		html_text(h, ".");
		break;
	case TODO_MISSING:
		html_text(h, "Utfall saknas: ");
		pf_link(h, pf_href(r, "/indikator/%s/redigera?ar=%lld", it->indicator_key, (long long)it->year),
			it->indicator_name);
		html_textf(h, " (%s).", label);
		break;
	case TODO__MAX:
		break;
	}
	html_close(h);
}

static void own(struct http_req *r, struct html *h, const struct todo *t)
{
	static const char *const heads[TODO__MAX] = { "Rapporter att lämna", "Returnerade rapporter",
		"Mål utan bedömning", "Aktiviteter utan status", "Utfall som saknas" };

	if (!t->norgs) {
		html_elem(h, "p", "Ditt konto hör inte till någon organisation, så det finns inget att göra här.", NULL);
		html_open(h, "p", NULL);
		pf_link(h, "/uppfoljning", "Alla uppföljningsrapporter du får läsa");
		html_close(h);
		return;
	}
	const struct todo_org *o = &t->orgs[0];
	html_open(h, "p", NULL);
	html_textf(h, "Det här behöver %s göra i uppföljningen. Rapporterna finns under ", o->name);
	pf_link(h, pf_href(r, "/uppfoljning?ar=%lld", (long long)(t->today / 10000)), "Uppföljning");
	html_text(h, ".");
	html_close(h);
	if (!o->nitems) {
		pf_notice(h, "Det finns inget att göra just nu.");
		return;
	}
	for (int k = 0; k < TODO__MAX; k++) {
		int n = 0;
		for (int i = 0; i < o->nitems; i++)
			n += o->items[i].kind == (enum todo_kind)k;
		if (!n)
			continue;
		html_open(h, "h2", NULL);
		html_textf(h, "%s (%d)", heads[k], n);
		html_close(h);
		html_open(h, "ul", "class", "todo-list", NULL);
		for (int i = 0; i < o->nitems; i++)
			if (o->items[i].kind == (enum todo_kind)k)
				item(r, h, &o->items[i]);
		html_close(h);
	}
}

static void city_row(struct http_req *r, struct html *h, const struct todo *t, const struct todo_org *o)
{
	html_open(h, "tr", NULL);
	html_open(h, "th", "scope", "row", NULL);
	pf_link(h, pf_href(r, "/organisation/%s", o->key), o->name);
	html_close(h);
	for (int p = 0; p < o->nperiods; p++) {
		const struct todo_period *pp = &o->periods[p];
		html_open(h, "td", NULL);
		if (pp->report_id)
			pf_link(h, report_href(r, pp->report_id, pp->year), pf_report_status_sv(pp->status));
		else
			html_text(h, pp->due < t->today ? "Ingen rapport" : "–");
		html_close(h);
	}
	html_elem(h, "td", pf_printf(r, "%d", o->unassessed), "class", "num", NULL);
	html_elem(h, "td", pf_printf(r, "%d", o->missing), "class", "num", NULL);
	html_open(h, "td", "class", "num", NULL);
	if (o->late_days)
		html_elem(h, "strong", pf_printf(r, "%d", o->late_days), NULL);
	else
		html_text(h, "0");
	if (o->silent)
		html_elem(h, "span", " (tyst)", "class", "hint", NULL);
	html_close(h);
	html_close(h);
}

static void city(struct http_req *r, struct html *h, const struct todo *t)
{
	int late = 0, silent = 0;

	for (int i = 0; i < t->norgs; i++) {
		late += t->orgs[i].late_days > 0;
		silent += t->orgs[i].silent;
	}
	html_open(h, "p", NULL);
	html_textf(h, "Alla organisationer som lämnar rapporter: %d är försenade och %d har inte lämnat någon "
		   "rapport alls (tysta). De försenade och tysta står först.", late, silent);
	html_close(h);
	if (!t->norgs)
		return;
	if (!t->orgs[0].nperiods)
		html_elem(h, "p", "Staden har inte satt några sista dagar för rapporterna ännu.", NULL);
	html_open(h, "div", "class", "table-wrap", NULL);
	html_open(h, "table", "class", "todo-city", NULL);
	html_elem(h, "caption", "Rapportläge per organisation", NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Organisation", "scope", "col", NULL);
	for (int p = 0; p < t->orgs[0].nperiods; p++) {
		const struct todo_period *pp = &t->orgs[0].periods[p];
		html_open(h, "th", "scope", "col", NULL);
		html_textf(h, "%s (senast %s)", pf_period_label(r, pp->year, pp->period), date_sv(r, pp->due));
		html_close(h);
	}
	html_elem(h, "th", "Mål utan bedömning", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Utfall som saknas", "scope", "col", "class", "num", NULL);
	html_elem(h, "th", "Dagar försenad", "scope", "col", "class", "num", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < t->norgs; i++)
		city_row(r, h, t, &t->orgs[i]);
	html_close(h);
	html_close(h);
	html_close(h);
}

/* --- the administrators' reopening form ---------------------------------------------------- */

static const char *const kind_values[] = { "T1", "T2", "VB", NULL };
static const char *const kind_labels[] = { "Tertialrapport 1", "Tertialrapport 2", "Verksamhetsberättelse", NULL };

static void reopen_form(struct http_req *r, struct html *h, const struct form *f, const struct form_errors *e)
{
	char year[16];

	snprintf(year, sizeof(year), "%d", model_today() / 10000);
	html_elem(h, "h2", "Öppna en låst period", "id", "oppna-period", NULL);
	html_elem(h, "p", "En periods utfall låses när stadens sista dag för rapporten och respektive "
		  "frist har passerat. Som administratör kan du öppna perioden igen för en organisation eller för "
		  "alla, med ett skäl och till och med ett datum. Öppningen skrivs i historiken.", NULL);
	html_open(h, "form", "method", "post", "action", "/att-gora/oppna-period", NULL);
	form_error_summary(h, e, 5);
	form_csrf_field(r, h);
	form_input(h, e, "ar", "År", "number", f ? form_get(f, "ar") : year, NULL, NULL);
	form_select(h, e, "period", "Period", kind_values, kind_labels, f ? form_get(f, "period") : "T2", NULL);
	form_input(h, e, "organisation", "Organisation (nyckel)", "text", f ? form_get(f, "organisation") : NULL,
		   "Till exempel spanga-tensta-stadsdelsnamnd. Lämna tomt för att öppna perioden för alla.", NULL);
	form_textarea(h, e, "skal", "Skäl", f ? form_get(f, "skal") : NULL, "Varför perioden öppnas (krävs).", 3);
	form_input(h, e, "till", "Öppen till och med", "date", f ? form_get(f, "till") : NULL,
		   "ÅÅÅÅ-MM-DD. Lämna tomt för i dag plus fristen.", NULL);
	form_button(h, "Öppna perioden", NULL);
	html_close(h);
}

/* reopenings: the reopenings of this year's periods, newest first (administrators). */
static int reopenings(struct http_req *r, struct html *h, int year)
{
	static const char *const cols[] = { "Period", "Organisation", "Skäl", "Öppen till och med", "Av", "När", NULL };
	struct sval y = SVI(year);
	struct rowset rs;

	if (pf_query(r, &rs, STMT_PL_REOPENS, &y, 1) != 0)
		return -1;
	if (!rs.nrows)
		return 0;
	html_open(h, "table", NULL);
	html_open(h, "caption", NULL);
	html_textf(h, "Öppnade perioder %d", year);
	html_close(h);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < rs.nrows; i++) {
		int until = 0;
		const char *per = pf_s(&rs, i, "period");
		html_open(h, "tr", NULL);
		html_elem(h, "th", pf_period_label(r, year, strcmp(per, "VB") == 0 ? "FY" : per), "scope", "row", NULL);
		html_elem(h, "td", pf_s(&rs, i, "org_name") ? pf_s(&rs, i, "org_name") : "Alla", NULL);
		html_elem(h, "td", pf_s(&rs, i, "reason"), NULL);
		model_date_parse(pf_s(&rs, i, "until"), &until, NULL, 0);
		html_elem(h, "td", date_sv(r, until), NULL);
		html_elem(h, "td", pf_s(&rs, i, "reopened_by") ? pf_s(&rs, i, "reopened_by") : "lup period", NULL);
		html_elem(h, "td", page_time(r, pf_s(&rs, i, "reopened_at")), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	return 0;
}

static int render(struct http_req *r, const struct form *f, const struct form_errors *e, int status)
{
	int is_city = pf_is_city(r);
	struct todo t;
	struct html *h;

	if ((is_city ? todo_load_city(r->st, &r->a, model_today(), &t, &r->err) :
		       todo_load_org(r->st, &r->a, r->user.org_id, model_today(), &t, &r->err)) != LUP_OK)
		return page_error(r, 500, "Att göra-listan kunde inte läsas. Försök igen om en stund.");
	h = page_begin(r, "Att göra", NAV_TODO);
	html_elem(h, "h1", "Att göra", NULL);
	html_open(h, "p", "class", "hint", NULL);
	html_textf(h, "Läget %s.", date_sv(r, t.today));
	html_close(h);
	if (http_query(r, "klart"))
		pf_notice(h, "Perioden är öppnad igen.");
	if (is_city)
		city(r, h, &t);
	else
		own(r, h, &t);
	if (r->user.role == ROLE_ADMIN) {
		reopen_form(r, h, f, e);
		if (reopenings(r, h, t.today / 10000) != 0)
			return r->status;
	}
	return page_end_status(r, h, status);
}

int page_todo(struct http_req *r)
{
	return render(r, NULL, NULL, 200);
}

static const char *rule_sv(enum period_reopen_rule rule)
{
	switch (rule) {
	case PERIOD_R_KIND: return "Välj en period i listan.";
	case PERIOD_R_YEAR: return "Skriv året med fyra siffror, till exempel 2026.";
	case PERIOD_R_REASON: return "Skriv varför perioden öppnas.";
	case PERIOD_R_REASON_LONG: return "Skälet får vara högst 2000 tecken.";
	case PERIOD_R_UNTIL: return "Skriv ett datum i dag eller senare, till exempel 2026-10-15.";
	case PERIOD_R_ORG: return "Det finns ingen organisation med den nyckeln.";
	case PERIOD_R_NONE: break;
	}
	return "Uppgiften är ogiltig.";
}

static const char *form_field(enum period_reopen_rule rule)
{
	switch (rule) {
	case PERIOD_R_KIND: return "period";
	case PERIOD_R_YEAR: return "ar";
	case PERIOD_R_REASON: case PERIOD_R_REASON_LONG: return "skal";
	case PERIOD_R_UNTIL: return "till";
	case PERIOD_R_ORG: return "organisation";
	case PERIOD_R_NONE: break;
	}
	return "ar";
}

int page_todo_reopen_post(struct http_req *r)
{
	struct edit_actor who = { r->user.id, r->user.name };
	struct form_errors e = { 0 };
	enum period_reopen_rule rule = PERIOD_R_NONE;
	const char *till;
	struct form f;
	int64_t id;
	long year = 0;
	int until = 0, rc;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	if (pf_parse_year(form_get(&f, "ar"), &year) != 0)
		form_error(r, &e, "ar", "%s", rule_sv(PERIOD_R_YEAR));
	till = form_get_trim(r, &f, "till");
	if (till && *till && model_date_parse(till, &until, NULL, 0) != 0)
		form_error(r, &e, "till", "%s", rule_sv(PERIOD_R_UNTIL));
	if (e.n)
		return render(r, &f, &e, 422);
	if (period_reopen(r->st, &who, (int)year, form_get(&f, "period"), form_get_trim(r, &f, "organisation"),
			  form_get(&f, "skal") ? form_get(&f, "skal") : "", until, model_today(), &id, &rule,
			  &r->err) != LUP_OK) {
		if (r->err.code != LUP_EINVAL || rule == PERIOD_R_NONE)
			return page_error(r, 500, "Perioden kunde inte öppnas. Försök igen om en stund.");
		form_error(r, &e, form_field(rule), "%s", rule_sv(rule));
		return render(r, &f, &e, 422);
	}
	return form_redirect(r, "/att-gora?klart=oppnad#oppna-period");
}
