/* page-org-resources.c: an organisation's resources per district and year, with their form
 * (docs/resources-need.md):
 *	GET /organisation/{key}/resurser			the list per year, the budget lines of its
 *								verksamhetsplan, and the form (those who may record)
 *	POST /organisation/{key}/resurser			record a resource (form)
 *	GET, POST /organisation/{key}/resurser/{id}		change it (form)
 *	POST /organisation/{key}/resurser/{id}/ta-bort		remove it (form)
 * Writes go through edit/allocation (rules, one transaction with its audit entry). Who may
 * record: the organisation's editors, the city office, administrators (need_web_may_record);
 * a district committee or administration receives resources and records none. */
#include "web/page.h"
#include "web/pages-forms.h"
#include "web/pages-places.h"
#include "web/form.h"
#include "web/need-web.h"
#include "web/pages-need.h"
#include "edit/allocation.h"
#include "model/need.h"
#include "render/rows.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_labels[] = { "Pengar (tkr)", "Personal (årsarbetare)", "Platser (platser)",
	"Timmar (timmar)", NULL };

struct ctx {
	struct http_req *r;
	struct need_org o;
	int district_org;	/* the organisation receives resources: no form */
	int may;		/* the caller may record for it */
	struct rowset cur;	/* the allocation being changed (0 rows: a new one) */
};

static int load(struct ctx *c)
{
	struct http_req *r = c->r;
	int rc;

	if ((rc = need_web_org(r, &c->o)) != 0)
		return rc;
	c->district_org = strcmp(c->o.kind, "district_committee") == 0 || strcmp(c->o.kind, "district_admin") == 0;
	c->may = !c->district_org && (pf_is_city(r) || pf_may_write(r, c->o.id));
	rowset_init(&c->cur, &r->a);
	return 0;
}

/* existing: the route's allocation (params[1]) of the organisation, which the caller may change. */
static int existing(struct ctx *c)
{
	struct http_req *r = c->r;
	char *end;
	int64_t id = strtoll(r->params[1], &end, 10);
	struct sval v = SVI(*end ? 0 : id);

	if (pf_query(r, &c->cur, STMT_AL_ONE, &v, 1))
		return r->status;
	if (!c->cur.nrows || pf_i(&c->cur, 0, "org_id") != c->o.id)
		return page_error(r, 404, "Det finns ingen sådan resurs.");
	if (!c->may)
		return pf_forbidden(r, c->o.name);
	return 0;
}

static const char *base(struct ctx *c)
{
	return pf_href(c->r, "/organisation/%s/resurser", c->o.key);
}

static void district_select(struct ctx *c, struct html *h, const struct form *f, const struct form_errors *e,
			    const char *def)
{
	struct http_req *r = c->r;
	struct sval y = SVI(need_web_year_now());
	struct rowset ds;
	const char **vals, **labs;

	if (pf_query(r, &ds, STMT_NEED_DISTRICTS, &y, 1))
		ds.nrows = 0;
	vals = arena_alloc(&r->a, (size_t)(ds.nrows + 2) * sizeof(*vals));
	labs = arena_alloc(&r->a, (size_t)(ds.nrows + 2) * sizeof(*labs));
	vals[0] = "";
	labs[0] = "Välj stadsdelsområde";
	for (int i = 0; i < ds.nrows; i++) {
		vals[i + 1] = pf_s(&ds, i, "key");
		labs[i + 1] = pf_s(&ds, i, "name");
	}
	form_select(h, e, "stadsdel", "Stadsdelsområde", vals, labs, form_kept(f, "stadsdel", def), NULL);
}

/* the_form: the form of a new resource (cur empty) or of the one being changed. */
static void the_form(struct ctx *c, struct html *h, const struct form *f, const struct form_errors *e)
{
	struct http_req *r = c->r;
	const struct rowset *k = &c->cur;
	int edit = k->nrows > 0;

	html_open(h, "form", "method", "post", "action", edit ? pf_printf(r, "%s/%s", base(c), pf_s(k, 0, "id")) : base(c),
		  NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	district_select(c, h, f, e, edit ? pf_s(k, 0, "district") : NULL);
	form_input(h, e, "ar", "År", "number", form_kept(f, "ar", edit ? pf_s(k, 0, "year") : pf_printf(r, "%d", need_web_year_now())),
		   NULL, NULL);
	form_select(h, e, "slag", "Slag", need_kind_codes, kind_labels, form_kept(f, "slag", edit ? pf_s(k, 0, "kind") : "money"),
		    "Varje slag har sin enhet: pengar i tkr, personal i årsarbetare, platser, timmar.");
	form_input(h, e, "mangd", "Mängd", "text", form_kept(f, "mangd", edit ? places_value(r, strtod(pf_s(k, 0, "amount"), NULL), NULL) : NULL),
		   "Ett tal, minst 0, i slagets enhet (till exempel 1 250,5).", NULL);
	form_textarea(h, e, "anteckning", "Anteckning", form_kept(f, "anteckning", edit ? pf_s(k, 0, "note") : NULL),
		      "Vad resursen går till (valfritt).", 3);
	form_button(h, edit ? "Spara ändringen" : "Registrera resursen", NULL);
	html_close(h);
}

static void row_actions(struct ctx *c, struct html *h, const struct rowset *al, int i)
{
	struct http_req *r = c->r;

	HTML_OPEN(h, "td");
	pf_link(h, pf_printf(r, "%s/%s", base(c), pf_s(al, i, "id")),
		pf_printf(r, "Ändra %s %s", pf_s(al, i, "district_name"), need_kind_sv(need_kind_index(pf_s(al, i, "kind")))));
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/%s/ta-bort", base(c), pf_s(al, i, "id")),
		  "class", "inline", NULL);
	form_csrf_field(r, h);
	html_elem(h, "button", "Ta bort", "type", "submit", "class", "secondary", "aria-label",
		  pf_printf(r, "Ta bort %s %s %s", pf_s(al, i, "district_name"), pf_s(al, i, "year"),
			    need_kind_sv(need_kind_index(pf_s(al, i, "kind")))), NULL);
	html_close(h);
	html_close(h);
}

/* list: the organisation's resources, a table per year. */
static int list(struct ctx *c, struct html *h)
{
	static const char *const head[] = { "Stadsdelsområde", "Slag", "#Mängd", "Enhet", "Anteckning", NULL };
	static const char *const head_edit[] = { "Stadsdelsområde", "Slag", "#Mängd", "Enhet", "Anteckning", "Ändra",
		NULL };
	struct http_req *r = c->r;
	struct sval o = SVI(c->o.id);
	struct rowset al;

	if (pf_query(r, &al, STMT_AL_OF_ORG, &o, 1))
		return -1;
	HTML_ELEM_A(h, "h2", "id", "resurser", "Registrerade resurser");
	if (!al.nrows)
		HTML_ELEM(h, "p", "Inga resurser är registrerade.");
	for (int i = 0; i < al.nrows;) {
		const char *year = pf_s(&al, i, "year");
		html_open(h, "table", "id", pf_printf(r, "resurser-%s", year), NULL);
		HTML_ELEM(h, "caption", pf_printf(r, "Resurser %s", year));
		places_thead(h, c->may ? head_edit : head);
		HTML_OPEN(h, "tbody");
		for (; i < al.nrows && strcmp(pf_s(&al, i, "year"), year) == 0; i++) {
			HTML_OPEN(h, "tr");
			HTML_OPEN_A(h, "th", "scope", "row");
			pf_link(h, page_href(r, "/stadsdel", pf_s(&al, i, "district")), pf_s(&al, i, "district_name"));
			html_close(h);
			HTML_ELEM(h, "td", need_kind_sv(need_kind_index(pf_s(&al, i, "kind"))));
			places_td_num(h, places_value(r, strtod(pf_s(&al, i, "amount"), NULL), NULL));
			HTML_ELEM(h, "td", pf_s(&al, i, "unit"));
			HTML_ELEM(h, "td", pf_s(&al, i, "note"));
			if (c->may)
				row_actions(c, h, &al, i);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	return 0;
}

/* budget: the budget lines imported from the organisation's verksamhetsplan, as they are. */
static int budget(struct ctx *c, struct html *h)
{
	static const char *const head[] = { "Tabell", "Rad", "Kolumn", "#Belopp (mnkr)", NULL };
	struct http_req *r = c->r;
	struct sval o = SVI(c->o.id);
	struct rowset b;

	if (pf_query(r, &b, STMT_AL_BUDGET, &o, 1))
		return -1;
	HTML_ELEM_A(h, "h2", "id", "budget", "Budget enligt verksamhetsplanen");
	if (!b.nrows) {
		HTML_ELEM(h, "p", "Inga budgetrader är inlästa från organisationens verksamhetsplan.");
		return 0;
	}
	for (int i = 0; i < b.nrows;) {
		const char *plan = pf_s(&b, i, "plan"), *ver = pf_s(&b, i, "version");
		HTML_OPEN(h, "table");
		html_elem(h, "caption", pf_printf(r, "Källa: verksamhetsplanen %s, version %s (%s)", plan, ver,
						  pf_s(&b, i, "year_from")), NULL);
		places_thead(h, head);
		HTML_OPEN(h, "tbody");
		for (; i < b.nrows && strcmp(pf_s(&b, i, "plan"), plan) == 0 && strcmp(pf_s(&b, i, "version"), ver) == 0; i++) {
			HTML_OPEN(h, "tr");
			HTML_ELEM(h, "td", pf_s(&b, i, "tbl"));
			HTML_ELEM_A(h, "th", "scope", "row", pf_s(&b, i, "label"));
			HTML_ELEM(h, "td", pf_s(&b, i, "col"));
			places_td_num(h, places_value(r, strtod(pf_s(&b, i, "amount_mnkr") ? pf_s(&b, i, "amount_mnkr") : "nan", NULL), NULL));
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	return 0;
}

static int render(struct ctx *c, const struct form *f, const struct form_errors *e, int status)
{
	struct http_req *r = c->r;
	int edit = c->cur.nrows > 0;
	struct html *h = page_begin(r, edit ? "Ändra resurs" : pf_printf(r, "Resurser: %s", c->o.name), NAV_ORGS);

	HTML_ELEM(h, "h1", edit ? pf_printf(r, "Ändra resurs: %s", c->o.name) : pf_printf(r, "%s: resurser per stadsdelsområde", c->o.name));
	HTML_OPEN(h, "p");
	pf_link(h, page_href(r, "/organisation", c->o.key), pf_printf(r, "Tillbaka till %s", c->o.name));
	html_text(h, " · ");
	pf_link(h, pf_href(r, "/organisation/%s/resurser-behov", c->o.key), "Resurserna mot behovet");
	html_close(h);
	if (edit) {
		the_form(c, h, f, e);
		return page_end_status(r, h, status);
	}
	if (c->district_org)
		html_elem(h, "p", "En stadsdelsnämnd eller stadsdelsförvaltning tar emot resurser och registrerar inga "
			  "själv. Facknämnder, bolag och andra registrerar vad de lägger i varje stadsdelsområde.", NULL);
	if (c->may) {
		HTML_ELEM_A(h, "h2", "id", "ny", "Registrera resurser");
		the_form(c, h, f, e);
	}
	if (list(c, h) || budget(c, h))
		return r->status;
	return page_end_status(r, h, status);
}

/* The form's names of the edit layer's fields. */
static const char *form_field(const char *field)
{
	static const char *const map[][2] = { { "district", "stadsdel" }, { "year", "ar" }, { "kind", "slag" },
		{ "amount", "mangd" }, { "unit", "slag" }, { "note", "anteckning" }, { "org", "stadsdel" } };

	for (size_t i = 0; field && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i][0], field) == 0)
			return map[i][1];
	return "stadsdel";
}

/* read: the form into in (every part set). A year or amount that is no number is refused here
 * with the edit layer's words. */
static int read(struct http_req *r, const struct form *f, struct alloc_in *in, struct form_errors *e)
{
	const char *y = form_get_trim(r, f, "ar"), *m = form_get_trim(r, f, "mangd");
	long year = 0;

	memset(in, 0, sizeof(*in));
	in->district = form_nonempty(form_get(f, "stadsdel"));
	in->kind = form_nonempty(form_get(f, "slag"));
	in->note = form_nonempty(form_get_trim(r, f, "anteckning"));
	in->amount = NAN;
	if (!form_blank(y) && pf_parse_year(y, &year) != 0)
		form_error(r, e, "ar", "År %s (skriv ett år, till exempel 2026).", alloc_rule_sv(ALLOC_R_RANGE));
	if (!form_blank(m) && alloc_parse_amount(m, &in->amount) != 0)
		form_error(r, e, "mangd", "Mängd: skriv ett tal, till exempel 1 250,5.");
	in->year = (int)year;
	in->set_district = in->set_year = in->set_kind = in->set_amount = in->set_unit = in->set_note = 1;
	return e->n;
}

static struct edit_actor actor(const struct http_req *r)
{
	struct edit_actor a = { r->user.id, r->user.name };

	return a;
}

/* done: the answer of a write: back to the list, or the form with its error. */
static int done(struct ctx *c, const struct form *f, const struct alloc_fail *af, int rc)
{
	struct http_req *r = c->r;
	struct form_errors e = { .n = 0 };

	if (rc == LUP_OK)
		return form_redirect(r, pf_printf(r, "%s#resurser", base(c)));
	if (r->err.code == LUP_EINVAL && af->field) {
		form_error(r, &e, form_field(af->field), "%s %s.", alloc_field_sv(af->field), alloc_rule_sv(af->rule));
		return render(c, f, &e, 422);
	}
	if (r->err.code == LUP_ENOTFOUND)
		return page_error(r, 404, "Det finns ingen sådan resurs.");
	return form_fail_page(r, http_fail(r));
}

static int may_post(struct ctx *c)
{
	if (c->district_org)
		return page_error(c->r, 403, "En stadsdelsnämnd eller stadsdelsförvaltning tar emot resurser och registrerar inga.");
	if (!c->may)
		return pf_forbidden(c->r, c->o.name);
	return 0;
}

int page_org_resources(struct http_req *r)
{
	struct ctx c = { .r = r };
	int rc;

	if ((rc = load(&c)) != 0)
		return rc;
	return render(&c, NULL, NULL, 200);
}

int page_org_resources_post(struct http_req *r)
{
	struct alloc_fail af = { NULL, ALLOC_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct form_errors e = { .n = 0 };
	struct ctx c = { .r = r };
	struct alloc_in in;
	struct form f;
	int64_t id = 0;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = load(&c)) != 0 || (rc = may_post(&c)) != 0)
		return rc;
	if (read(r, &f, &in, &e))
		return render(&c, &f, &e, 422);
	in.org = c.o.id;
	return done(&c, &f, &af, alloc_add(r->st, &who, &in, &id, &af, &r->err));
}

int page_org_resource(struct http_req *r)
{
	struct ctx c = { .r = r };
	int rc;

	if ((rc = load(&c)) != 0 || (rc = existing(&c)) != 0)
		return rc;
	return render(&c, NULL, NULL, 200);
}

int page_org_resource_post(struct http_req *r)
{
	struct alloc_fail af = { NULL, ALLOC_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct form_errors e = { .n = 0 };
	struct ctx c = { .r = r };
	struct alloc_in in;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = load(&c)) != 0 || (rc = existing(&c)) != 0)
		return rc;
	if (read(r, &f, &in, &e))
		return render(&c, &f, &e, 422);
	return done(&c, &f, &af, alloc_change(r->st, &who, pf_i(&c.cur, 0, "id"), &in, NULL, &af, &r->err));
}

int page_org_resource_remove(struct http_req *r)
{
	struct alloc_fail af = { NULL, ALLOC_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct ctx c = { .r = r };
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = load(&c)) != 0 || (rc = existing(&c)) != 0)
		return rc;
	return done(&c, &f, &af, alloc_remove(r->st, &who, pf_i(&c.cur, 0, "id"), &r->err));
}
