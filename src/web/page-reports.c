/* page-reports.c: GET /uppfoljning: the follow-up reports the caller may read (approved reports
 * for everyone; for a logged-in user also every report of the own organisation, and for the
 * city office and administrators all), and for editors the form that starts a report (POST
 * /uppfoljning) for the own organisation and a period (T1, T2, VB) of a year. Each report's
 * goals marked "Ej bedömt" are listed with their reasons; the city office sets here when the
 * committee's decision is recorded (POST /uppfoljning/installningar, edit/report.h). */
#include "web/pages-forms.h"
#include "web/api.h"
#include "model/period.h"
#include "edit/report.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const period_values[] = { "T1", "T2", "FY", NULL };
static const char *const period_labels[] = { "Tertialrapport 1 (januari–april)", "Tertialrapport 2 (januari–augusti)",
					     "Verksamhetsberättelse (helår)", NULL };

/* visible: may the caller read report row i of the list? (the rule of pf_report_visible) */
static int visible(const struct http_req *r, const struct rowset *rs, int i)
{
	struct view_report rep = { 0 };

	rep.status = pf_s(rs, i, "status");
	rep.org = pf_i(rs, i, "org_id");
	rep.org_pair = pf_i(rs, i, "org_pair");
	return pf_report_visible(r, &rep);
}

/* not_assessed: the goals report id marks "Ej bedömt", each with its reason (none: "–"). */
static void not_assessed(struct html *h, const struct rowset *none, int64_t id)
{
	int any = 0;

	html_open(h, "td", NULL);
	for (int i = 0; i < none->nrows; i++) {
		if (pf_i(none, i, "report_id") != id)
			continue;
		if (!any)
			html_open(h, "ul", "class", "plain", NULL);
		any = 1;
		html_open(h, "li", NULL);
		html_elem(h, "strong", pf_s(none, i, "name"), NULL);
		html_textf(h, ": %s", pf_s(none, i, "reason"));
		html_close(h);
	}
	if (any)
		html_close(h);
	else
		html_text(h, "–");
	html_close(h);
}

static void list(struct http_req *r, struct html *h, const struct rowset *rs, const struct rowset *none)
{
	static const char *const cols[] = { "Rapport", "Organisation", "Status", "Inskickad", "Beslutad",
					     "Ej bedömda mål och varför", NULL };
	int shown = 0;

	for (int i = 0; i < rs->nrows; i++)
		shown += visible(r, rs, i);
	if (!shown) {
		html_elem(h, "p", r->user.id ? "Det finns inga rapporter som du kan se ännu." :
			  "Det finns inga godkända rapporter ännu. Logga in för att se rapporter som arbetas med.", NULL);
		return;
	}
	html_open(h, "table", NULL);
	html_elem(h, "caption", r->user.id ? "Rapporter som du kan se" : "Godkända rapporter", NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < rs->nrows; i++) {
		if (!visible(r, rs, i))
			continue;
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		pf_link(h, pf_href(r, "/uppfoljning/%lld", (long long)pf_i(rs, i, "id")),
			pf_period_label(r, (long)pf_i(rs, i, "year"), pf_s(rs, i, "period")));
		html_close(h);
		html_elem(h, "td", pf_s(rs, i, "org_name"), NULL);
		html_elem(h, "td", pf_report_status_sv(pf_s(rs, i, "status")), NULL);
		html_elem(h, "td", page_time(r, pf_s(rs, i, "submitted_at")), NULL);
		html_elem(h, "td", page_time(r, pf_s(rs, i, "decided_at")), NULL);
		not_assessed(h, none, pf_i(rs, i, "id"));
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* orgs: the organisations the caller may start reports for (the own and its pair; for an
 * administrator every organisation with nämndmål), as option values (ids) and labels. */
static int orgs(struct http_req *r, const char ***values, const char ***labels)
{
	struct rowset rs;
	int n = 0;

	if (r->user.role == ROLE_ADMIN) {
		if (pf_query(r, &rs, STMT_WEB_FORMS_REPORT_ORGS, NULL, 0) != 0)
			return -1;
	} else {
		struct sval a = SVI(r->user.org_id), b = SVI(r->user.org_pair);
		if (pf_query(r, &rs, STMT_WEB_FORMS_ORG, &a, 1) != 0 ||
		    (r->user.org_pair && rowset_query(&rs, r->st, STMT_WEB_FORMS_ORG, &b, 1, &r->err) != LUP_OK))
			return -1;
	}
	*values = arena_alloc(&r->a, sizeof(char *) * (size_t)(rs.nrows + 1));
	*labels = arena_alloc(&r->a, sizeof(char *) * (size_t)(rs.nrows + 1));
	for (int i = 0; i < rs.nrows; i++, n++) {
		(*values)[n] = pf_s(&rs, i, "id");
		(*labels)[n] = pf_s(&rs, i, "name");
	}
	return n;
}

/* plan_year: the year the start form proposes: the newest year of the nämndmål (and LUP goals) of
 * the caller's organisation and its pair (an administrator: of every organisation), the year of
 * the plan being followed up; today's year (local time) when there are none. */
static long plan_year(struct http_req *r)
{
	struct sval args[] = { r->user.role == ROLE_ADMIN ? SVNULL : SVI(r->user.org_id), SVI(r->user.org_pair) };
	int64_t y = 0;
	time_t t;
	struct tm tm;

	if (store_query_id(r->st, STMT_WEB_FORMS_PLAN_YEAR, args, 2, &y, &r->err) == LUP_OK && y > 0)
		return (long)y;
	t = time(NULL);
	localtime_r(&t, &tm);
	return tm.tm_year + 1900L;
}

static int start_form(struct http_req *r, struct html *h, const struct form *f, const struct form_errors *e)
{
	const char **values, **labels;
	char year[24];
	int n;

	if (!(r->user.role == ROLE_EDITOR || r->user.role == ROLE_ADMIN))
		return 0;
	if ((n = orgs(r, &values, &labels)) < 0)
		return -1;
	html_elem(h, "h2", "Starta en rapport", NULL);
	if (!n) {
		html_elem(h, "p", "Ditt konto hör inte till någon organisation som kan skriva rapporter.", NULL);
		return 0;
	}
	snprintf(year, sizeof(year), "%ld", plan_year(r));
	html_open(h, "form", "method", "post", "action", "/uppfoljning", "class", "no-print", NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	form_select(h, e, "org", "Organisation", values, labels, f ? form_get(f, "org") : NULL, NULL);
	form_select(h, e, "period", "Rapport", period_values, period_labels, f ? form_get(f, "period") : NULL, NULL);
	form_input(h, e, "ar", "År", "number", f ? form_get(f, "ar") : year, "Året som rapporten följer upp.", NULL);
	form_button(h, "Starta rapporten", NULL);
	html_close(h);
	return 0;
}

/* setting_form: for the city office and administrators, when the committee's decision on a report
 * is recorded (the setting committee_decision), with the form that changes it. */
static int setting_form(struct http_req *r, struct html *h, const struct form *f, const struct form_errors *e)
{
	static const char *const values[] = { "either", "before", "after", NULL };
	static const char *const labels[] = { "När som helst (före eller efter godkännandet)",
					      "Före: beslutet registreras innan rapporten skickas in",
					      "Efter: beslutet registreras när rapporten är godkänd", NULL };
	char now[16];

	if (!pf_is_city(r))
		return 0;
	if (report_committee_setting(r->st, now, sizeof(now), &r->err) != LUP_OK)
		return form_fail_page(r, http_fail(r)), -1;
	html_elem(h, "h2", "Nämndens beslut om rapporten", NULL);
	html_elem(h, "p", "Nämnden registrerar sammanträdet (datum och paragraf) där den antog rapporten. Här väljer "
		  "stadsledningskontoret när det görs.", NULL);
	html_open(h, "form", "method", "post", "action", "/uppfoljning/installningar", "class", "no-print", NULL);
	form_csrf_field(r, h);
	form_select(h, e, "nar", "När registreras nämndens beslut?", values, labels,
		    f && form_get(f, "nar") ? form_get(f, "nar") : now, NULL);
	form_button(h, "Spara inställningen", "secondary");
	html_close(h);
	return 0;
}

static int render(struct http_req *r, long year, const struct form *f, const struct form_errors *e, int status)
{
	struct sval y = year ? SVI(year) : SVNULL;
	struct rowset rs, none;
	struct html *h;

	if (pf_query(r, &rs, STMT_WEB_FORMS_REPORTS, &y, 1) != 0 || pf_query(r, &none, STMT_RC_NONE_GOALS_ALL, &y, 1) != 0)
		return r->status;
	h = page_begin(r, "Uppföljning", NAV_FOLLOWUP);
	html_elem(h, "h1", "Uppföljning: tertialrapporter och verksamhetsberättelser", NULL);
	html_elem(h, "p", "Varje nämnd följer upp sina nämndmål i tertialrapport 1 (januari–april), tertialrapport 2 "
		  "(januari–augusti, med prognos för helåret) och verksamhetsberättelsen (helåret). Nämnden skickar in "
		  "rapporten och stadsledningskontoret godkänner den eller returnerar den med en kommentar.", NULL);
	html_open(h, "p", NULL);
	pf_link(h, "/uppfoljning/atagande", "Åtaganden per tertial: vad facknämnder och bolag har lovat stadsdelsområdena "
		"och vad de har rapporterat");
	html_close(h);
	if (!r->user.id) {
		html_open(h, "p", NULL);
		html_text(h, "Du ser de godkända rapporterna. ");
		pf_link(h, "/logga-in?till=/uppfoljning", "Logga in");
		html_text(h, " för att skriva eller granska rapporter.");
		html_close(h);
	}
	if (!f && http_query(r, "klart") && strcmp(http_query(r, "klart"), "borttagen") == 0)
		html_elem(h, "p", "Rapporten är borttagen.", "class", "notice", "role", "status", NULL);
	html_open(h, "p", NULL);
	html_text(h, "När rapporterna ska vara inne står i ");
	pf_link(h, "/arshjul", "årshjulet");
	html_text(h, ".");
	html_close(h);
	if (!f && http_query(r, "klart") && strcmp(http_query(r, "klart"), "installning") == 0)
		html_elem(h, "p", "Inställningen är sparad.", "class", "notice", "role", "status", NULL);
	if (start_form(r, h, f, e) != 0 || setting_form(r, h, f, e) != 0)
		return r->status;
	html_elem(h, "h2", "Rapporter", NULL);
	list(r, h, &rs, &none);
	return page_end_status(r, h, status);
}

int page_reports(struct http_req *r)
{
	long year;
	int rc;

	if ((rc = pf_year_arg(r, 0, &year)) != 0)
		return rc;
	return render(r, year, NULL, NULL, 200);
}

/* check: the start form's fields; fills org, kind ("T1", "T2", "FY") and year. */
static void check(struct http_req *r, const struct form *f, struct form_errors *e, int64_t *org,
		  const char **kind, long *year)
{
	const char *o = form_get(f, "org"), *p = form_get(f, "period");

	*org = 0;
	*kind = NULL;
	if (o && *o >= '1' && *o <= '9' && strlen(o) < 19 && strspn(o, "0123456789") == strlen(o))
		*org = strtoll(o, NULL, 10);
	if (!*org)
		form_error(r, e, "org", "Välj en organisation i listan.");
	for (int i = 0; p && period_values[i]; i++)
		if (strcmp(p, period_values[i]) == 0)
			*kind = period_values[i];
	if (!*kind)
		form_error(r, e, "period", "Välj tertialrapport 1, tertialrapport 2 eller verksamhetsberättelse.");
	if (pf_parse_year(form_get(f, "ar"), year) != 0)
		form_error(r, e, "ar", "Skriv året med fyra siffror, till exempel 2022.");
}

/* create: the draft report of org for the period through the one write path (edit/report.h,
 * with the carry-over from the year's previous report); answers the redirect to it (or to the
 * report that exists already). */
static int create(struct http_req *r, int64_t org, const char *kind, long year)
{
	struct report_caller who = api_report_caller(r);
	struct report_fail fail;
	char period[32];
	int64_t id = 0;

	struct sval find[] = { SVI(org), SVI(year), SVS(kind) };
	if (store_query_id(r->st, STMT_WEB_FORMS_REPORT_FIND, find, 3, &id, &r->err) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	if (id)
		return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=fanns", (long long)id));
	snprintf(period, sizeof(period), "%ld-%s", year, kind);
	who.check_before = NULL;
	if (report_create(r->st, &who, org, period, &id, &fail, &r->err) != LUP_OK) {
		if (fail.why == REPORT_W_FORBIDDEN)
			return pf_forbidden(r, NULL);
		if (fail.why == REPORT_W_STORE)
			return form_fail_page(r, http_fail(r));
		return page_error(r, fail.why == REPORT_W_FIELD ? 422 : 409, fail.sv);
	}
	return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=ny", (long long)id));
}

int page_reports_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	const char *kind;
	struct form f;
	int64_t org;
	long year = 0;
	int rc;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	check(r, &f, &e, &org, &kind, &year);
	if (e.n)
		return render(r, 0, &f, &e, 422);
	if (!pf_may_write(r, org))
		return pf_forbidden(r, NULL);
	return create(r, org, kind, year);
}

int page_reports_setting(struct http_req *r)
{
	struct report_caller who = api_report_caller(r);
	struct form_errors e = { 0 };
	struct report_fail fail;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	who.check_before = NULL;
	if (report_set_committee_setting(r->st, &who, form_get(&f, "nar"), NULL, &fail, &r->err) != LUP_OK) {
		if (fail.why == REPORT_W_FORBIDDEN)
			return pf_forbidden(r, NULL);
		if (fail.why != REPORT_W_FIELD)
			return form_fail_page(r, http_fail(r));
		form_error(r, &e, "nar", "%s", fail.sv);
		return render(r, 0, &f, &e, 422);
	}
	return form_redirect(r, "/uppfoljning?klart=installning");
}
