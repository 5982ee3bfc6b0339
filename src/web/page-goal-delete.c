/* page-goal-delete.c: the forms of a plan's nämndmål beyond their fields, for the owner's
 * editors and administrators:
 *	GET/POST /mal/{key}/ta-bort: asks (the goal, what hangs under it, another goal of the plan
 *		to move its indicators and activities to), then deletes it (api_goal_remove, the
 *		API's DELETE /api/v1/goals/{id}; its refusals as Swedish pages).
 *	POST /mal/{key}/flytta (riktning=upp|ned): one step in the plan's order (api_goal_order,
 *		the API's POST /api/v1/plans/{key}/goal-order); the numbers follow the order.
 *	POST /organisation/{key}/arsskifte (plan, ar): next year's verksamhetsplan as a draft
 *		(api_plan_rollover_run, the API's POST /api/v1/plans/{key}/rollover). */
#include "web/pages-forms.h"
#include "web/api-create.h"
#include "edit/plan-rollover.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* move_choice: the other nämndmål of the plan to move indicators and activities to. */
static int move_choice(struct http_req *r, struct html *h, const struct rowset *g)
{
	struct sval arg = SVI(pf_i(g, 0, "id"));
	struct rowset s;
	int n = 0;

	if (pf_query(r, &s, STMT_GE_SIBLING_NAMES, &arg, 1) != 0)
		return -1;
	const char **values = arena_alloc(&r->a, sizeof(*values) * (size_t)(s.nrows + 2));
	const char **labels = arena_alloc(&r->a, sizeof(*labels) * (size_t)(s.nrows + 2));
	values[n] = "";
	labels[n++] = "Inget: ta bara bort ett mål utan indikatorer och aktiviteter";
	for (int i = 0; i < s.nrows; i++) {
		if (pf_i(&s, i, "id") == pf_i(g, 0, "id"))
			continue;
		values[n] = pf_printf(r, "%lld", (long long)pf_i(&s, i, "id"));
		labels[n++] = pf_printf(r, "Nämndmål %s: %s", pf_s(&s, i, "number") ? pf_s(&s, i, "number") : "–",
					pf_s(&s, i, "name"));
	}
	values[n] = labels[n] = NULL;
	form_select(h, NULL, "flytta_till", "Flytta indikatorer och aktiviteter till", values, labels, "",
		    "Har målet indikatorer eller aktiviteter flyttas de till det mål du väljer.");
	return 0;
}

int page_goal_delete(struct http_req *r)
{
	struct rowset g;
	struct html *h;
	int rc;

	if ((rc = pf_goal_load(r, &g, 1)) != 0)
		return rc;
	const char *key = pf_s(&g, 0, "key");
	h = page_begin(r, "Ta bort mål", NAV_ORGS);
	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/mal/%s", key), "Tillbaka till målet");
	html_close(h);
	html_open(h, "h1", NULL);
	html_textf(h, "Ta bort målet ”%s”?", pf_s(&g, 0, "name"));
	html_close(h);
	html_open(h, "dl", "class", "facts", NULL);
	pf_dl_row(h, "Nivå", pf_level_sv(pf_s(&g, 0, "level")));
	if (pf_s(&g, 0, "number"))
		pf_dl_row(h, "Nummer", pf_s(&g, 0, "number"));
	pf_dl_row(h, "Ägare", pf_s(&g, 0, "owner_name"));
	html_close(h);
	html_elem(h, "p", "Målet tas bort med sina förväntade resultat, och de andra nämndmålen i planen numreras om. "
		  "Det går inte att ångra, men historiken sparar hur målet såg ut. Ett mål som bedöms i en "
		  "uppföljningsrapport eller har indikatorer med utfall kan inte tas bort: ändra det i stället.", NULL);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/mal/%s/ta-bort", key), "class", "actions", NULL);
	form_csrf_field(r, h);
	if (move_choice(r, h, &g) != 0)
		return r->status;
	form_button(h, "Ta bort målet", "danger");
	pf_link(h, pf_href(r, "/mal/%s", key), "Avbryt");
	html_close(h);
	return page_end(r, h);
}

int page_goal_delete_post(struct http_req *r)
{
	const char *to;
	struct rowset g;
	struct form f;
	int64_t move_to = 0;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = pf_goal_load(r, &g, 1)) != 0)
		return rc;
	to = form_nonempty(form_get(&f, "flytta_till"));
	if (to) {
		char *end;
		move_to = strtoll(to, &end, 10);
		if (*end || move_to <= 0)
			return page_error(r, 422, "Välj ett mål i listan att flytta till.");
	}
	rc = api_goal_remove(r, pf_i(&g, 0, "id"), move_to, 1);
	if (rc != 204)
		return rc == 500 ? form_fail_page(r, rc) : rc;
	return form_redirect(r, pf_href(r, "/organisation/%s?klart=mal-borttaget", pf_s(&g, 0, "owner")));
}

int page_goal_move_post(struct http_req *r)
{
	const char *dir;
	int64_t *ids = NULL, me;
	struct rowset g;
	struct form f;
	int n = 0, rc, at = -1;

	if ((rc = form_begin(r, &f)) != 0 || (rc = pf_goal_load(r, &g, 1)) != 0)
		return rc;
	dir = form_get(&f, "riktning");
	if (!dir || (strcmp(dir, "upp") != 0 && strcmp(dir, "ned") != 0))
		return page_error(r, 422, "Välj om målet ska flyttas upp eller ned.");
	me = pf_i(&g, 0, "id");
	if (api_goal_siblings(r, me, &ids, &n) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	for (int i = 0; i < n; i++)
		if (ids[i] == me)
			at = i;
	int other = at + (strcmp(dir, "upp") == 0 ? -1 : 1);
	if (at >= 0 && other >= 0 && other < n) {
		ids[at] = ids[other];
		ids[other] = me;
	}
	if (at >= 0 && (rc = api_goal_order(r, 0, ids, n, 1)) != 0)
		return rc;
	return form_redirect(r, pf_href(r, "/organisation/%s#%s", pf_s(&g, 0, "owner"), pf_s(&g, 0, "key")));
}

int page_org_rollover_post(struct http_req *r)
{
	struct plan_rollover_out out;
	const char *plan;
	struct form f;
	int64_t org;
	long year = 0;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = pf_id_param(r, 0, STMT_ORG_ID_LOOSE, "ingen organisation", &org)) != 0)
		return rc;
	plan = form_nonempty(form_get_trim(r, &f, "plan"));
	if (!plan || pf_parse_year(form_get(&f, "ar"), &year) != 0)
		return page_error(r, 422, "Välj planen och året, till exempel 2023.");
	if ((rc = api_plan_rollover_run(r, plan, (int)year, &out)) != 0)
		return form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/organisation/%s?klart=arsskifte", r->params[0]));
}
