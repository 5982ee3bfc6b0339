/* page-plan-adopt.c: GET and POST /stadsdel/{key}/anta?version=N: the form that adopts a draft
 * of the district's LUP (the decision's date, paragraph and diarienummer) through
 * edit/plan-adopt.h, for the owner's editors and administrators. */
#include "web/pages-places.h"
#include "web/pages-forms.h"
#include "web/form.h"
#include "web/authz.h"
#include "edit/plan-adopt.h"
#include "model/planver.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* load: the district's LUP in version ?version=N (a draft) into lup; 404 when there is none. */
static int load(struct http_req *r, struct rowset *lup)
{
	struct sval key = SVS(r->params[0]);
	const char *v = http_query(r, "version");
	int64_t id = 0;
	char *end = NULL;
	long n = v ? strtol(v, &end, 10) : 0;

	if (store_query_id(r->st, STMT_DISTRICT_ID_LOOSE, &key, 1, &id, &r->err) != LUP_OK)
		return places_fail(r);
	if (!id || !v || *end || n < 1 || n > 100000)
		return page_error(r, 404, "Det finns ingen sådan version av programmet.");
	struct sval args[] = { SVI(id), SVI(n) };
	if (places_query(r, lup, STMT_PV_DISTRICT_VERSION, args, 2))
		return -1;
	if (!lup->nrows)
		return page_error(r, 404, "Det finns ingen sådan version av programmet.");
	if (r->user.role != ROLE_ADMIN && !(r->user.role == ROLE_EDITOR &&
	    authz_member(&r->user, places_i(lup, 0, "owner_id"), places_i(lup, 0, "owner_pair"))))
		return page_error(r, 403, "Bara redaktörer i planens organisation och administratörer kan anta planen.");
	return 0;
}

static int render(struct http_req *r, const struct rowset *lup, const struct form *f, const struct form_errors *e,
		  int status)
{
	const char *title = pf_printf(r, "Anta version %s", places_s(lup, 0, "version"));
	struct html *h = page_begin(r, title, NAV_DISTRICTS);

	html_elem(h, "h1", title, NULL);
	html_elem(h, "p", pf_printf(r, "%s, %s–%s. När versionen är antagen blir den offentlig och kan inte "
		  "längre ändras; den tidigare antagna versionen blir ersatt.", places_s(lup, 0, "title"),
		  places_s(lup, 0, "year_from"), places_s(lup, 0, "year_to")), NULL);
	form_error_summary(h, e, 2);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/stadsdel/%s/anta?version=%s", r->params[0],
		  places_s(lup, 0, "version")), NULL);
	form_csrf_field(r, h);
	form_input(h, e, "datum", "Datum för beslutet", "date", f ? form_get(f, "datum") : NULL,
		   "Sammanträdets datum, ÅÅÅÅ-MM-DD.", NULL);
	form_input(h, e, "paragraf", "Paragraf (§)", "text", f ? form_get(f, "paragraf") : NULL,
		   "Paragrafen i protokollet, till exempel 12.", NULL);
	form_input(h, e, "dnr", "Diarienummer", "text", f ? form_get(f, "dnr") : NULL, NULL, NULL);
	form_button(h, "Anta versionen", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_plan_adopt(struct http_req *r)
{
	struct rowset lup;

	if (load(r, &lup))
		return r->status;
	return render(r, &lup, NULL, NULL, 200);
}

int page_plan_adopt_post(struct http_req *r)
{
	static const char *const names[][2] = { { "date", "datum" }, { "paragraph", "paragraf" }, { "dnr", "dnr" } };
	struct form_errors e = { 0 };
	struct plan_adopt_out out;
	struct rowset lup;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || load(r, &lup))
		return rc ? rc : r->status;
	struct plan_adopt_in in = { places_s(&lup, 0, "key"), places_i(&lup, 0, "version"),
				    form_get_trim(r, &f, "datum"), form_get_trim(r, &f, "paragraf"),
				    form_get_trim(r, &f, "dnr") };
	switch (plan_adopt(r->st, &r->user, r->user.name, &in, plan_today(), &out, &r->err)) {
	case PLAN_ADOPT_OK:
		return form_redirect(r, pf_href(r, "/stadsdel/%s?klart=antagen", r->params[0]));
	case PLAN_ADOPT_INVALID:
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strcmp(out.field, names[i][0]) == 0)
				form_error(r, &e, names[i][1], "%s", out.msg_sv);
		if (!e.n)
			return page_error(r, 404, "Det finns ingen sådan version av programmet.");
		return render(r, &lup, &f, &e, 422);
	case PLAN_ADOPT_NOTFOUND: return page_error(r, 404, out.msg_sv);
	case PLAN_ADOPT_FORBIDDEN: return page_error(r, 403, out.msg_sv);
	case PLAN_ADOPT_CONFLICT: return page_error(r, 409, out.msg_sv);
	default: return places_fail(r);
	}
}
