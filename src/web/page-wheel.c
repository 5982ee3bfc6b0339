/* page-wheel.c: the Årshjul page (the annual wheel):
 *	GET /arshjul[?ar=YYYY][&organisation=KEY]	the year's deadlines: the city's and those of the
 *		organisation (the one named, else an editor's or reader's own; the city office and
 *		administrators choose one), with the iCalendar link; for
 *		the city office and administrators the form of the city's deadlines; for those who may
 *		write an organisation's deadlines (its editors, city office, admin) the form of its
 *		internal ones
 *	POST /arshjul					the city's deadlines (form)
 *	POST /arshjul/organisation/{key}		an organisation's internal deadlines (form)
 *	GET /organisation/{key}/arshjul.ics		the organisation's calendar (as the API's feed)
 * Writes go through edit/deadline (its rules, authorisation, one transaction and an audit entry
 * per deadline); an emptied field removes the deadline. */
#include "web/pages-forms.h"
#include "web/api.h"
#include "edit/deadline.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/wheel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int page_wheel(struct http_req *r);
int page_wheel_city_post(struct http_req *r);
int page_wheel_org_post(struct http_req *r);

const struct route page_routes_wheel[] = {
	{ HTTP_GET, "/arshjul", page_wheel, ACC_PUBLIC, 0, "pages", "the annual wheel: the year's deadlines, the city's and an organisation's, with their forms", NULL, NULL, NULL },
	{ HTTP_POST, "/arshjul", page_wheel_city_post, ACC_CITY, R_FORM, "pages", "set the city's deadlines (form)", NULL, NULL, NULL },
	{ HTTP_POST, "/arshjul/organisation/{key}", page_wheel_org_post, ACC_INTERNAL, R_FORM, "pages", "set an organisation's internal deadlines (form)", NULL, NULL, NULL },
	{ HTTP_GET, "/organisation/{key}/arshjul.ics", api_org_deadlines_ics, ACC_PUBLIC, 0, "pages", "an organisation's deadlines as an iCalendar feed", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};

static const char *const kinds[] = { "T1", "T2", "FY" };
static const char *const levels[] = { "unit", "administration", "committee" };
static const char *const levels_label[] = { "Enhet", "Förvaltning", "Nämnd" };

/* The page's state: the year, the organisation shown (0: none) and the deadlines. */
struct wheel_page {
	long year;
	int64_t org;
	const char *org_key, *org_name;
	struct rowset rs;
};

/* due_of: the due date of the deadline (kind, level) of the page's rows (NULL: not set). */
static const char *due_of(const struct wheel_page *w, const char *kind, const char *level)
{
	for (int i = 0; i < w->rs.nrows; i++)
		if (strcmp(rowset_s(&w->rs, i, "kind"), kind) == 0 && strcmp(rowset_s(&w->rs, i, "level"), level) == 0)
			return rowset_s(&w->rs, i, "due");
	return NULL;
}

static const char *report_sv(struct http_req *r, long year, const char *kind)
{
	char b[64];

	wheel_report_sv(year, kind, b, sizeof(b));
	return pf_printf(r, "%s", b);
}

static const char *date_sv(struct http_req *r, const char *due)
{
	char b[48];

	if (!due)
		return "Inte satt";
	wheel_date_sv(due, b, sizeof(b));
	return pf_printf(r, "%s", b);
}

/* load: the page's year (?ar=, else this year), organisation and deadlines: 0 or the status. */
static int load(struct http_req *r, int64_t org, struct wheel_page *w)
{
	char today[16];
	int rc;

	memset(w, 0, sizeof(*w));
	wheel_today(today, sizeof(today));
	if ((rc = pf_year_arg(r, strtol(today, NULL, 10), &w->year)) != 0)
		return rc;
	w->org = org;
	if (!w->org && http_query(r, "organisation")) {
		struct sval v = SVS(http_query(r, "organisation"));
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &v, 1, &w->org, &r->err) != LUP_OK)
			return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
		if (!w->org)
			return page_error(r, 404, "Det finns ingen organisation med det namnet.");
	}
	if (!w->org && r->user.role != ROLE_CITY && r->user.role != ROLE_ADMIN)
		w->org = r->user.org_id;	/* the city office chooses which organisation to see */
	if (w->org) {
		struct rowset o;
		struct sval v = SVI(w->org);
		if (pf_query(r, &o, STMT_WH_ORG, &v, 1) != 0)
			return r->status;
		w->org_key = pf_s(&o, 0, "key");
		w->org_name = pf_s(&o, 0, "name");
	}
	if (wheel_deadlines_load(r->st, &r->a, w->year, w->org, 0, &w->rs, &r->err) != LUP_OK)
		return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
	return 0;
}

static void year_nav(struct http_req *r, struct html *h, const struct wheel_page *w)
{
	const char *org = w->org_key && w->org != r->user.org_id ? w->org_key : NULL;

	html_open(h, "p", "class", "no-print", NULL);
	pf_link(h, org ? pf_href(r, "/arshjul?ar=%lld&organisation=%s", (long long)w->year - 1, org)
		       : pf_href(r, "/arshjul?ar=%lld", (long long)w->year - 1), pf_printf(r, "← %ld", w->year - 1));
	html_text(h, " · ");
	pf_link(h, org ? pf_href(r, "/arshjul?ar=%lld&organisation=%s", (long long)w->year + 1, org)
		       : pf_href(r, "/arshjul?ar=%lld", (long long)w->year + 1), pf_printf(r, "%ld →", w->year + 1));
	html_close(h);
}

static void city_table(struct http_req *r, struct html *h, const struct wheel_page *w)
{
	static const char *const cols[] = { "Rapport", "Sista dag till stadsledningskontoret", NULL };

	html_open(h, "table", NULL);
	html_elem(h, "caption", pf_printf(r, "Stadens tidsfrister %ld", w->year), NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int k = 0; k < 3; k++) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", report_sv(r, w->year, kinds[k]), "scope", "row", NULL);
		html_elem(h, "td", date_sv(r, due_of(w, kinds[k], "city")), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void city_form(struct http_req *r, struct html *h, const struct wheel_page *w, const struct form *f,
		      const struct form_errors *e)
{
	static const char *const labels[] = { "Sista dag för tertialrapport 1", "Sista dag för tertialrapport 2",
					      "Sista dag för verksamhetsberättelsen" };

	html_elem(h, "h3", "Ändra stadens tidsfrister", NULL);
	html_open(h, "form", "method", "post", "action", "/arshjul", "class", "no-print", NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "ar", "value", pf_printf(r, "%ld", w->year), NULL);
	for (int k = 0; k < 3; k++)
		form_input(h, e, kinds[k], labels[k], "date", form_kept(f, kinds[k], due_of(w, kinds[k], "city")),
			   "Datum som ÅÅÅÅ-MM-DD. Lämna tomt för att ta bort tidsfristen.", NULL);
	form_button(h, "Spara stadens tidsfrister", NULL);
	html_close(h);
}

static void org_table(struct http_req *r, struct html *h, const struct wheel_page *w)
{
	static const char *const cols[] = { "Rapport", "Enhet", "Förvaltning", "Nämnd", "Staden", NULL };

	html_open(h, "table", NULL);
	html_elem(h, "caption", pf_printf(r, "Tidsfrister %ld för %s", w->year, w->org_name), NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int k = 0; k < 3; k++) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", report_sv(r, w->year, kinds[k]), "scope", "row", NULL);
		for (int l = 0; l < 3; l++)
			html_elem(h, "td", date_sv(r, due_of(w, kinds[k], levels[l])), NULL);
		html_elem(h, "td", date_sv(r, due_of(w, kinds[k], "city")), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void org_form(struct http_req *r, struct html *h, const struct wheel_page *w, const struct form *f,
		     const struct form_errors *e)
{
	html_elem(h, "h3", pf_printf(r, "Ändra interna tidsfrister för %s", w->org_name), NULL);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/arshjul/organisation/%s", w->org_key), "class",
		  "no-print", NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "ar", "value", pf_printf(r, "%ld", w->year), NULL);
	html_elem(h, "p", "Interna tidsfrister går i ordningen enhet, förvaltning, nämnd och får inte vara senare än "
		  "stadens. Lämna ett fält tomt för att ta bort tidsfristen.", "class", "hint", NULL);
	for (int k = 0; k < 3; k++) {
		html_open(h, "fieldset", NULL);
		html_elem(h, "legend", report_sv(r, w->year, kinds[k]), NULL);
		for (int l = 0; l < 3; l++) {
			const char *name = pf_printf(r, "%s-%s", kinds[k], levels[l]);
			form_input(h, e, name, pf_printf(r, "%s: sista dag", levels_label[l]), "date",
				   form_kept(f, name, due_of(w, kinds[k], levels[l])), NULL, NULL);
		}
		html_close(h);
	}
	form_button(h, "Spara interna tidsfrister", NULL);
	html_close(h);
}

/* org_choice: a GET form choosing the organisation whose deadlines are shown. */
static int org_choice(struct http_req *r, struct html *h, const struct wheel_page *w)
{
	struct rowset rs;
	const char **values, **labels;

	if (pf_query(r, &rs, STMT_WEB_FORMS_REPORT_ORGS, NULL, 0) != 0)
		return -1;
	values = arena_alloc(&r->a, sizeof(char *) * (size_t)(rs.nrows + 2));
	labels = arena_alloc(&r->a, sizeof(char *) * (size_t)(rs.nrows + 2));
	for (int i = 0; i < rs.nrows; i++) {
		values[i] = pf_s(&rs, i, "key");
		labels[i] = pf_s(&rs, i, "name");
	}
	html_open(h, "form", "method", "get", "action", "/arshjul", "class", "no-print", NULL);
	html_void(h, "input", "type", "hidden", "name", "ar", "value", pf_printf(r, "%ld", w->year), NULL);
	form_select(h, NULL, "organisation", "Visa en organisations interna tidsfrister", values, labels, w->org_key, NULL);
	form_button(h, "Visa", NULL);
	html_close(h);
	return 0;
}

static int render(struct http_req *r, const struct wheel_page *w, const struct form *cf, const struct form_errors *ce,
		  const struct form *of, const struct form_errors *oe, int status)
{
	struct html *h = page_begin(r, pf_printf(r, "Årshjul %ld", w->year), NAV_FOLLOWUP);
	int may = w->org ? deadline_may_write(r->user.id ? &r->user : NULL, r->st, w->org, &r->err) : 0;
	const char *done = http_query(r, "klart");

	if (!r->user.id)
		may = 0;
	html_elem(h, "h1", pf_printf(r, "Årshjul %ld", w->year), NULL);
	html_elem(h, "p", "Årshjulet visar när rapporterna ska vara inne: stadens sista dag för tertialrapport 1, "
		  "tertialrapport 2 och verksamhetsberättelsen, och de tidigare interna tidsfrister som en organisation "
		  "sätter för sina nivåer (enhet, förvaltning och nämnd).", NULL);
	if (!cf && !of && done && strcmp(done, "sparat") == 0)
		pf_notice(h, "Tidsfristerna är sparade.");
	year_nav(r, h, w);
	html_elem(h, "h2", "Stadens tidsfrister", NULL);
	city_table(r, h, w);
	if (pf_is_city(r))
		city_form(r, h, w, cf, ce);
	if (w->org) {
		html_elem(h, "h2", pf_printf(r, "Interna tidsfrister för %s", w->org_name), NULL);
		org_table(r, h, w);
		html_open(h, "p", NULL);
		pf_link(h, pf_href(r, "/organisation/%s/arshjul.ics", w->org_key),
			pf_printf(r, "Prenumerera på tidsfristerna för %s i din kalender (iCalendar)", w->org_name));
		html_close(h);
		if (may > 0)
			org_form(r, h, w, of, oe);
	}
	html_elem(h, "h2", w->org ? "Andra organisationer" : "Välj organisation", NULL);
	if (org_choice(r, h, w) != 0)
		return r->status;
	html_open(h, "p", NULL);
	pf_link(h, "/uppfoljning", "Till uppföljningen");
	html_close(h);
	return page_end_status(r, h, status);
}

int page_wheel(struct http_req *r)
{
	struct wheel_page w;
	int rc;

	if ((rc = load(r, 0, &w)) != 0)
		return rc;
	return render(r, &w, NULL, NULL, NULL, NULL, 200);
}

/* apply: in the open transaction, sets (or, emptied, removes) deadline k from field name of f
 * against its stored value; a refusal goes to e at the field and rolls the transaction back.
 * Returns 0, or the status answered (403, 500; rolled back). */
static int apply(struct http_req *r, const struct form *f, const char *name, const struct deadline_key *k,
		 const char *stored, struct form_errors *e)
{
	struct edit_actor who = { r->user.id, r->user.name };
	struct deadline_fail fail = { 0 };
	const char *v = form_get_trim(r, f, name);
	int64_t id;
	int rc;

	if (!v)
		return 0;
	if (!*v && !stored)
		return 0;
	if (stored && strcmp(v, stored) == 0)
		return 0;
	rc = *v ? deadline_set_in(r->st, &who, &r->user, k, v, &id, NULL, &fail, &r->err)
		: deadline_delete_in(r->st, &who, &r->user, k, &fail, &r->err);
	if (rc == LUP_OK)
		return 0;
	store_rollback(r->st);
	if (rc == LUP_EINVAL && fail.forbidden)
		return page_error(r, 403, "Du har inte behörighet att ändra de här tidsfristerna.");
	if (rc == LUP_EINVAL) {
		form_error(r, e, name, "%s", fail.sv);
		return 0;
	}
	return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
}

/* apply_all: the form's fields in one transaction: every change is written, or (a field
 * refused: its message in e) none. Returns 0, or the status answered (403, 500). */
static int apply_all(struct http_req *r, const struct form *f, const struct wheel_page *w, long year, int64_t org,
		     struct form_errors *e)
{
	int rc;

	if (store_begin(r->st, &r->err) != LUP_OK)
		return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
	for (int k = 0; k < 3; k++) {
		for (int l = 0; l < (org ? 3 : 1); l++) {
			struct deadline_key key = { year, kinds[k], org, org ? levels[l] : "city" };
			const char *name = org ? pf_printf(r, "%s-%s", kinds[k], levels[l]) : kinds[k];
			int before = e->n;
			if ((rc = apply(r, f, name, &key, due_of(w, kinds[k], key.level), e)) != 0)
				return rc;
			/* a refusal rolled the transaction back: the other fields are checked in one of
			 * their own, which is rolled back too */
			if (e->n > before && store_begin(r->st, &r->err) != LUP_OK)
				return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
		}
	}
	if (e->n) {
		store_rollback(r->st);
		return 0;
	}
	if (store_commit(r->st, &r->err) != LUP_OK)
		return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
	return 0;
}

/* post: the form of the city's (org 0) or an organisation's deadlines. */
static int post(struct http_req *r, int64_t org)
{
	struct form_errors e = { 0 };
	struct wheel_page w;
	struct form f;
	long year;
	int rc;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	if (pf_parse_year(form_get(&f, "ar"), &year) != 0)
		return page_error(r, 400, "Året saknas i formuläret.");
	if ((rc = load(r, org, &w)) != 0)
		return rc;
	w.year = year;
	if (wheel_deadlines_load(r->st, &r->a, w.year, w.org, 0, &w.rs, &r->err) != LUP_OK)
		return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
	if (org && deadline_may_write(&r->user, r->st, org, &r->err) <= 0)
		return page_error(r, 403, "Du har inte behörighet att ändra de här tidsfristerna.");
	if ((rc = apply_all(r, &f, &w, year, org, &e)) != 0)
		return rc;
	if (e.n) {
		if (wheel_deadlines_load(r->st, &r->a, w.year, w.org, 0, &w.rs, &r->err) != LUP_OK)
			return page_error(r, 500, "Databasen svarade inte. Försök igen om en stund.");
		return render(r, &w, org ? NULL : &f, org ? NULL : &e, org ? &f : NULL, org ? &e : NULL, 422);
	}
	if (org)
		return form_redirect(r, pf_href(r, "/arshjul?ar=%lld&organisation=%s&klart=sparat", (long long)year, w.org_key));
	return form_redirect(r, pf_href(r, "/arshjul?ar=%lld&klart=sparat", (long long)year));
}

int page_wheel_city_post(struct http_req *r)
{
	return post(r, 0);
}

int page_wheel_org_post(struct http_req *r)
{
	int64_t org;
	int rc;

	if ((rc = pf_id_param(r, 0, STMT_ORG_ID_LOOSE, "ingen organisation", &org)) != 0)
		return rc;
	return post(r, org);
}
