/* page-plan-areas.c: GET/POST /plan/{key}/version/{n}/omraden: the prioritised areas of a draft
 * plan version in a form, for the plan owner's editors and administrators: the scope (none, some
 * or all of the district) and the district's neighbourhoods and places as checkboxes, each with
 * a note. The write is edit/plan-area's (the frozen rule, one transaction with its audit entry). */
#include "web/pages-forms.h"
#include "web/plan-edit.h"
#include "web/frozen.h"
#include "edit/plan-area.h"
#include "store/store.h"

#include <string.h>

static const char *const scopes[] = { "none", "some", "all", NULL };
static const char *const scope_labels[] = { "Inga särskilda områden", "Vissa områden (de valda nedan)",
					    "Hela stadsdelsområdet", NULL };

static const char *href(struct http_req *r, const struct pv_head *v)
{
	return pf_href(r, "/plan/%s/version/%lld/omraden", v->plan, (long long)v->version);
}

/* chosen: is area key checked (the form sent back, else stored)? */
static int chosen(const struct form *f, const struct rowset *a, int i)
{
	if (!f)
		return pf_i(a, i, "chosen") != 0;
	for (int k = 0; k < f->n; k++)
		if (strcmp(f->name[k], "omrade") == 0 && strcmp(f->value[k], pf_s(a, i, "key")) == 0)
			return 1;
	return 0;
}

static void area_boxes(struct http_req *r, struct html *h, const struct rowset *a, const struct form *f,
		       const struct form_errors *e)
{
	const char *msg = form_error_of(e, "omrade");

	html_open(h, "fieldset", "class", msg ? "field field-invalid checks" : "field checks", NULL);
	html_elem(h, "legend", "Prioriterade stadsdelar och platser", NULL);
	if (msg) {
		html_open(h, "p", "class", "field-error", "id", "f-omrade", "tabindex", "-1", NULL);
		html_elem(h, "span", "Fel: ", "class", "visually-hidden", NULL);
		html_text(h, msg);
		html_close(h);
	}
	if (!a->nrows)
		html_elem(h, "p", "Stadsdelsområdet har inga stadsdelar eller platser i lup.", NULL);
	for (int i = 0; i < a->nrows; i++) {
		const char *key = pf_s(a, i, "key"), *id = pf_printf(r, "f-omrade-%s", key);
		const char *nid = pf_printf(r, "f-anteckning-%s", key), *nname = pf_printf(r, "anteckning-%s", key);
		const char *kind = strcmp(pf_s(a, i, "level"), "place") == 0 ? "plats" : "stadsdel";
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "id", id, "name", "omrade", "value", key,
			  "checked", chosen(f, a, i) ? "" : NULL, NULL);
		html_elem(h, "label", pf_printf(r, "%s (%s i %s)", pf_s(a, i, "name"), kind, pf_s(a, i, "parent_name")),
			  "for", id, NULL);
		html_elem(h, "label", pf_printf(r, "Anteckning om %s", pf_s(a, i, "name")), "for", nid,
			  "class", "visually-hidden", NULL);
		html_void(h, "input", "type", "text", "id", nid, "name", nname,
			  "value", form_kept(f, nname, pf_s(a, i, "note")), NULL);
		html_close(h);
	}
	html_close(h);
}

static int render(struct http_req *r, const struct pv_head *v, const struct form *f, const struct form_errors *e,
		  int status)
{
	struct sval args[] = { SVI(v->district), SVI(v->id) };
	struct rowset a;
	struct html *h;

	if (pf_query(r, &a, STMT_PT_AREAS, args, 2) != 0)
		return r->status;
	h = page_begin(r, "Prioriterade områden", NAV_DISTRICTS);
	html_open(h, "p", NULL);
	if (v->district_key)
		pf_link(h, pf_href(r, "/stadsdel/%s?version=%lld", v->district_key, (long long)v->version),
			pf_printf(r, "Tillbaka till %s", v->district_name));
	html_close(h);
	html_elem(h, "h1", "Prioriterade områden", NULL);
	html_open(h, "p", NULL);
	html_textf(h, "%s, version %lld (utkast).", v->title, (long long)v->version);
	html_close(h);
	pf_notice_done(r, h, NULL);
	html_open(h, "form", "method", "post", "action", href(r, v), NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_select(h, e, "omfattning", "Programmet prioriterar", scopes, scope_labels,
		    form_kept(f, "omfattning", v->area_scope ? v->area_scope : "some"), NULL);
	area_boxes(r, h, &a, f, e);
	form_button(h, "Spara", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_pv_areas(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = page_pv(r, &v)) != 0)
		return rc;
	return render(r, &v, NULL, NULL, 200);
}

/* read_areas: the checked areas with their notes (arena). */
static int read_areas(struct http_req *r, const struct form *f, struct plan_area_in **in)
{
	int n = 0;

	*in = arena_alloc(&r->a, (size_t)(f->n + 1) * sizeof(**in));
	for (int k = 0; k < f->n; k++)
		if (strcmp(f->name[k], "omrade") == 0) {
			(*in)[n].area = f->value[k];
			(*in)[n++].note = form_get_trim(r, f, pf_printf(r, "anteckning-%s", f->value[k]));
		}
	return n;
}

int page_pv_areas_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	const char *scope, *field = NULL, *bad_area = NULL;
	struct plan_area_in *in;
	struct pv_head v;
	struct form f;
	int n, rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0)
		return rc;
	scope = form_get(&f, "omfattning");
	n = read_areas(r, &f, &in);
	if (plan_area_set(r->st, &who, v.id, scope, in, n, "web", NULL, &field, &bad_area, &r->err) == LUP_OK)
		return form_redirect(r, pf_printf(r, "%s?klart=sparat", href(r, &v)));
	if (r->err.code == LUP_ECONFLICT)
		return page_error(r, 409, FROZEN_SV);
	if (r->err.code != LUP_EINVAL || !field)
		return form_fail_page(r, http_fail(r));
	if (strcmp(field, "scope") == 0)
		form_error(r, &e, "omfattning", "Välj vad programmet prioriterar.");
	else if (bad_area)
		form_error(r, &e, "omrade", "%s är ingen stadsdel eller plats i stadsdelsområdet.", bad_area);
	else if (scope && strcmp(scope, "none") == 0 && n)
		form_error(r, &e, "omrade", "Välj inga områden när programmet inte prioriterar några särskilda områden.");
	else
		form_error(r, &e, "omrade", "Varje anteckning får vara högst 2 000 tecken.");
	return render(r, &v, &f, &e, 422);
}
