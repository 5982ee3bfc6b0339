/* page-plan-section.c: GET/POST /plan/{key}/version/{n}/avsnitt/{ord}: the form of one of a
 * draft's seven sections (title and Markdown text, with a short help on the syntax) for the
 * plan owner's editors and administrators, and the section as the district page shows it below
 * the form (a preview once saved). The write is edit/plan-section.c's, as the API's PUT. */
#include "web/pages-forms.h"
#include "web/plan-edit.h"
#include "edit/plan-section.h"
#include "render/markdown.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define FROZEN_SV "Versionen är antagen och kan inte ändras. Skapa en ny version för att göra ändringar."

static const char help_sv[] =
	"Texten skrivs i Markdown: en tom rad mellan stycken, # i början av raden för en rubrik, "
	"- eller 1. för en punktlista eller numrerad lista, *kursiv* och **fet** text, "
	"[länktext](https://adress) för en länk och tabeller med | mellan kolumnerna och en rad "
	"|---|---| under rubrikraden. HTML visas som vanlig text; bilder visas som en länk.";

/* load: the version and section of the route, and the caller's right to edit it; 0 or the
 * status of the Swedish page answered (404, 403, 409 for a version that is not a draft). */
static int load(struct http_req *r, struct pv_head *p, int *ord)
{
	int found;

	if (pv_head_load(r, p, &found) != LUP_OK)
		return page_error(r, 500, "Sidan kunde inte visas just nu.");
	if (!found || !(*ord = plan_section_ord(r->params[2])))
		return page_error(r, 404, "Det finns inget sådant avsnitt av programmet med den adressen.");
	if (!pv_writable(&r->user, p))
		return pf_forbidden(r, p->owner_name);
	if (strcmp(p->status, "draft") != 0)
		return page_error(r, 409, FROZEN_SV);
	return 0;
}

static const char *self(struct http_req *r, const struct pv_head *p, int ord)
{
	return pf_href(r, "/plan/%s/version/%lld/avsnitt/%lld", p->plan, (long long)p->version, (long long)ord);
}

/* preview: the stored section as the district page shows it. */
static int preview(struct http_req *r, struct html *h, const struct pv_head *p, int ord)
{
	struct sval args[] = { SVI(p->id), SVI(ord) };
	struct rowset s;

	if (pf_query(r, &s, STMT_SECTION_GET, args, 2) != 0)
		return -1;
	html_open(h, "section", "aria-labelledby", "forhandsgranskning", "class", "preview", NULL);
	html_elem(h, "h2", "Så här visas avsnittet", "id", "forhandsgranskning", NULL);
	if (!s.nrows || form_blank(pf_s(&s, 0, "body")))
		html_elem(h, "p", "Avsnittet har ingen text ännu.", "class", "hint", NULL);
	else {
		html_open(h, "h3", NULL);
		html_textf(h, "%d. %s", ord, pf_s(&s, 0, "title"));
		html_close(h);
		const char *body = pf_s(&s, 0, "body");
		if (md_render(h, body, strlen(body), 4) != MD_OK)
			html_elem(h, "p", body, NULL);
	}
	html_close(h);
	return 0;
}

static int render(struct http_req *r, const struct pv_head *p, int ord, const struct form *f,
		  const struct form_errors *e, int status)
{
	struct sval args[] = { SVI(p->id), SVI(ord) };
	struct rowset s;

	if (pf_query(r, &s, STMT_SECTION_GET, args, 2) != 0)
		return r->status;
	const char *title = s.nrows ? pf_s(&s, 0, "title") : plan_section_default_title(ord);
	const char *body = s.nrows ? pf_s(&s, 0, "body") : NULL;
	struct html *h = page_begin(r, pf_printf(r, "Avsnitt %d – %s", ord, p->title), NAV_DISTRICTS);
	if (p->district_key) {
		html_open(h, "p", NULL);
		pf_link(h, pf_href(r, "/stadsdel/%s", p->district_key), "Tillbaka till stadsdelsområdet");
		html_close(h);
	}
	html_open(h, "h1", NULL);
	html_textf(h, "Avsnitt %d: %s", ord, title);
	html_close(h);
	html_open(h, "p", NULL);
	html_textf(h, "%s, version %ld (utkast). Ägs av %s.", p->title, p->version, p->owner_name);
	html_close(h);
	if (!f && http_query(r, "klart"))
		html_elem(h, "p", "Avsnittet är sparat.", "class", "notice", "role", "status", NULL);
	html_open(h, "form", "method", "post", "action", self(r, p, ord), NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_input(h, e, "rubrik", "Rubrik", "text", form_kept(f, "rubrik", title), NULL, NULL);
	form_textarea(h, e, "text", "Text", form_kept(f, "text", body), help_sv, 20);
	form_button(h, "Spara", NULL);
	html_close(h);
	if (!f && preview(r, h, p, ord) != 0)
		return r->status;
	return page_end_status(r, h, status);
}

int page_plan_section(struct http_req *r)
{
	struct pv_head p;
	int ord, rc;

	if ((rc = load(r, &p, &ord)) != 0)
		return rc;
	return render(r, &p, ord, NULL, NULL, 200);
}

/* form_field: the form's name of the write path's field. */
static const char *form_field(const char *field)
{
	return strcmp(field, "title") == 0 ? "rubrik" : "text";
}

int page_plan_section_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	struct plan_section_out out;
	struct pv_head p;
	struct form f;
	int ord, rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = load(r, &p, &ord)) != 0)
		return rc;
	struct plan_section_in in = { ord, form_get_trim(r, &f, "rubrik"), form_get(&f, "text") };
	const char *field, *sv;
	if (!in.title)
		in.title = "";
	if (plan_section_invalid(&in, &field, &sv)) {
		form_error(r, &e, form_field(field), "%s", sv);
		return render(r, &p, ord, &f, &e, 422);
	}
	rc = plan_section_set(r->st, &r->user, p.id, &in, NULL, NULL, &out, &r->err);
	free(out.after);
	if (rc == LUP_OK)
		return form_redirect(r, pf_printf(r, "%s?klart=sparat", self(r, &p, ord)));
	if (out.denied)
		return pf_forbidden(r, p.owner_name);
	if (rc == LUP_ECONFLICT)
		return page_error(r, 409, FROZEN_SV);
	if (rc == LUP_ENOTFOUND)
		return page_error(r, 404, "Det finns inget sådant avsnitt av programmet med den adressen.");
	return page_error(r, 500, "Avsnittet kunde inte sparas just nu. Försök igen om en stund.");
}
