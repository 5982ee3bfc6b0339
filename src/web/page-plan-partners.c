/* page-plan-partners.c: the partners (samverkansparter) of a draft plan version in forms, for the
 * plan owner's editors and administrators:
 *	GET/POST /plan/{key}/version/{n}/parter: the partners by group, each with its own small form
 *	  (group, label) and a remove button; the form for a new partner (the POST): a registry
 *	  organisation, or a named partner outside the registry (an association, a business, the
 *	  residents) with its group;
 *	POST /plan/{key}/version/{n}/parter/{id}: change one;
 *	POST /plan/{key}/version/{n}/parter/{id}/ta-bort: remove one (refused, naming the measures,
 *	  while measures use it).
 * The writes are edit/plan-partner's (the frozen rule, one transaction with its audit entry). */
#include "web/pages-forms.h"
#include "web/pages-places.h"
#include "web/plan-edit.h"
#include "web/frozen.h"
#include "edit/plan-partner.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

static const char *base(struct http_req *r, const struct pv_head *v)
{
	return pf_href(r, "/plan/%s/version/%lld/parter", v->plan, (long long)v->version);
}

static const char *const *group_labels(struct http_req *r)
{
	const char **l = arena_alloc(&r->a, 10 * sizeof(*l));

	for (int i = 0; i < 10; i++)
		l[i] = plan_partner_groups[i] ? places_group_sv(plan_partner_groups[i]) : NULL;
	return l;
}

/* one_partner: partner row i: its name, use, a form to change it and one to remove it. */
static void one_partner(struct http_req *r, struct html *h, const struct pv_head *v, const struct rowset *p, int i,
			const struct form_errors *e, int64_t err_id)
{
	const char *id = pf_s(p, i, "id"), *at = pf_printf(r, "%s/%s", base(r, v), id);
	const struct form_errors *mine = pf_i(p, i, "id") == err_id ? e : NULL;
	int64_t uses = pf_i(p, i, "measures");

	html_open(h, "li", "id", pf_printf(r, "part-%s", id), NULL);
	html_elem(h, "strong", pf_s(p, i, "label"), NULL);
	if (pf_s(p, i, "org"))
		html_textf(h, " (i registret: %s)", pf_s(p, i, "org_name"));
	if (uses)
		html_textf(h, " – används av %lld %s", (long long)uses, uses == 1 ? "åtgärd" : "åtgärder");
	html_open(h, "form", "method", "post", "action", at, NULL);
	form_error_summary(h, mine, 3);
	form_csrf_field(r, h);
	form_select(h, mine, pf_printf(r, "grupp-%s", id), "Grupp", plan_partner_groups, group_labels(r),
		    pf_s(p, i, "group"), NULL);
	form_input(h, mine, pf_printf(r, "namn-%s", id), "Namn", "text", pf_s(p, i, "label"), NULL, NULL);
	form_button(h, "Spara", "secondary");
	html_close(h);
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/ta-bort", at), "class", "inline", NULL);
	form_csrf_field(r, h);
	form_button(h, pf_printf(r, "Ta bort %s", pf_s(p, i, "label")), "danger");
	html_close(h);
	html_close(h);
}

static int render(struct http_req *r, const struct pv_head *v, const struct form *f, const struct form_errors *e,
		  int64_t err_id, int status)
{
	struct sval a[] = { SVI(v->id), SVNULL };
	struct rowset p, orgs;
	struct html *h;

	if (pf_query(r, &p, STMT_PP_LIST, a, 2) || pf_query(r, &orgs, STMT_PM_ORGS, NULL, 0))
		return r->status;
	const char **ov = arena_alloc(&r->a, (size_t)(orgs.nrows + 2) * sizeof(*ov));
	const char **ol = arena_alloc(&r->a, (size_t)(orgs.nrows + 2) * sizeof(*ol));
	ov[0] = "";
	ol[0] = "Ingen: en part utanför registret";
	for (int i = 0; i < orgs.nrows; i++)
		ov[i + 1] = pf_s(&orgs, i, "key"), ol[i + 1] = pf_s(&orgs, i, "name");
	ov[orgs.nrows + 1] = ol[orgs.nrows + 1] = NULL;
	h = page_begin(r, "Samverkansparter", NAV_DISTRICTS);
	html_open(h, "p", NULL);
	if (v->district_key)
		pf_link(h, pf_href(r, "/stadsdel/%s?version=%lld", v->district_key, (long long)v->version),
			pf_printf(r, "Tillbaka till %s", v->district_name));
	html_text(h, " · ");
	pf_link(h, pf_href(r, "/plan/%s/version/%lld/atgarder", v->plan, (long long)v->version), "Åtgärder");
	html_close(h);
	html_elem(h, "h1", "Samverkansparter", NULL);
	html_open(h, "p", NULL);
	html_textf(h, "%s, version %lld (utkast).", v->title, (long long)v->version);
	html_close(h);
	if (http_query(r, "klart") && strcmp(http_query(r, "klart"), "borttagen") == 0)
		pf_notice(h, "Parten är borttagen.");
	else
		pf_notice_done(r, h, "Parten är tillagd.");
	html_elem(h, "h2", "Programmets parter", NULL);
	if (!p.nrows)
		html_elem(h, "p", "Versionen har inga samverkansparter ännu.", NULL);
	html_open(h, "ul", "class", "partners", NULL);
	for (int i = 0; i < p.nrows; i++)
		one_partner(r, h, v, &p, i, e, err_id);
	html_close(h);
	html_elem(h, "h2", "Ny part", NULL);
	html_open(h, "form", "method", "post", "action", base(r, v), NULL);
	form_error_summary(h, err_id ? NULL : e, 3);
	form_csrf_field(r, h);
	form_select(h, err_id ? NULL : e, "org", "Organisation i registret", ov, ol, form_kept(f, "org", ""), NULL);
	form_select(h, err_id ? NULL : e, "grupp", "Grupp", plan_partner_groups, group_labels(r),
		    form_kept(f, "grupp", "civil_society"), NULL);
	form_input(h, err_id ? NULL : e, "namn", "Namn", "text", form_kept(f, "namn", NULL),
		   "Krävs för en part utanför registret, t.ex. en förening eller ett företag.", NULL);
	form_button(h, "Lägg till parten", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_pv_partners(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = page_pv(r, &v)) != 0)
		return rc;
	return render(r, &v, NULL, NULL, 0, 200);
}

/* edit_error: the Swedish message of a refusal at its field (names: org, grupp, namn, with the
 * suffix sfx for a listed partner's form); 0 when it is none. */
static int edit_error(struct http_req *r, const char *field, const char *sfx, struct form_errors *e)
{
	if (r->err.code != LUP_EINVAL || !field)
		return 0;
	if (!strcmp(field, "org"))
		form_error(r, e, "org", "%s", strstr(r->err.msg, "already") ? "Organisationen är redan en part i versionen."
									    : "Välj en organisation i listan.");
	else if (!strcmp(field, "group"))
		form_error(r, e, pf_printf(r, "grupp%s", sfx), "Välj en grupp i listan.");
	else if (strstr(r->err.msg, "taken"))
		form_error(r, e, pf_printf(r, "namn%s", sfx), "Det finns redan en part med det namnet i versionen.");
	else if (strstr(r->err.msg, "required"))
		form_error(r, e, pf_printf(r, "namn%s", sfx), "Skriv partens namn, eller välj en organisation i registret.");
	else
		form_error(r, e, pf_printf(r, "namn%s", sfx), "Namnet är en rad på högst 200 tecken.");
	return 1;
}

static int edit_fail_page(struct http_req *r)
{
	if (r->err.code == LUP_ECONFLICT)
		return page_error(r, 409, FROZEN_SV);
	if (r->err.code == LUP_ENOTFOUND)
		return page_error(r, 404, "Det finns ingen sådan part i versionen.");
	return form_fail_page(r, http_fail(r));
}

int page_pv_partners_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	const char *field = NULL;
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0)
		return rc;
	struct plan_partner_in in = { form_get(&f, "org"), 1, form_get(&f, "grupp"), 1, form_get_trim(r, &f, "namn"), 1,
				      "web" };
	if (plan_partner_add(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return edit_error(r, field, "", &e) ? render(r, &v, &f, &e, 0, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=ny", base(r, &v)));
}

static int partner_id(struct http_req *r, int64_t *id)
{
	const char *p = r->params[2];
	char *end = NULL;

	*id = p && *p && strlen(p) < 19 ? strtoll(p, &end, 10) : 0;
	if (*id <= 0 || !end || *end)
		return page_error(r, 404, "Det finns ingen sådan part i versionen.");
	return 0;
}

int page_pv_partner_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	const char *field = NULL;
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = partner_id(r, &id)) != 0)
		return rc;
	const char *sfx = pf_printf(r, "-%lld", (long long)id);
	struct plan_partner_in in = { NULL, 0, form_get(&f, pf_printf(r, "grupp%s", sfx)), 1,
				      form_get_trim(r, &f, pf_printf(r, "namn%s", sfx)), 1, "web" };
	if (plan_partner_change(r->st, &who, v.id, id, &in, &field, &r->err) != LUP_OK)
		return edit_error(r, field, sfx, &e) ? render(r, &v, NULL, &e, id, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=sparat", base(r, &v)));
}

int page_pv_partner_remove(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	char *users = NULL;
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = partner_id(r, &id)) != 0)
		return rc;
	if (plan_partner_remove(r->st, &who, v.id, id, &users, &r->err) == LUP_OK)
		return form_redirect(r, pf_printf(r, "%s?klart=borttagen", base(r, &v)));
	if (r->err.code == LUP_ECONFLICT && users) {
		form_error(r, &e, pf_printf(r, "namn-%lld", (long long)id),
			   "Parten används av åtgärderna %s. Ta bort den från dem först.", users);
		free(users);
		return render(r, &v, NULL, &e, id, 409);
	}
	free(users);
	return edit_fail_page(r);
}
