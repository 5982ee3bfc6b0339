/* page-edit-activity-delete.c: deleting an activity: GET /aktivitet/{id}/ta-bort asks (the
 * activity, what goes with it, a button), POST /aktivitet/{id}/ta-bort deletes it, for the
 * editors of the owner and administrators. The write is api_activity_remove, the API's DELETE
 * /api/v1/activities/{id}: authz_org for the owner, one transaction with an audit entry that
 * keeps the activity's JSON before. */
#include "web/frozen.h"
#include "web/pages-forms.h"
#include "web/api-create.h"
#include "store/store.h"

int page_activity_delete(struct http_req *r)
{
	long long id;
	struct rowset a;
	struct html *h;
	int rc;

	if ((rc = pf_activity_load(r, &a, 1)) != 0)
		return rc;
	id = (long long)pf_i(&a, 0, "id");
	h = page_begin(r, "Ta bort aktivitet", NAV_ORGS);
	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/aktivitet/%lld", id), "Tillbaka till aktiviteten");
	html_close(h);
	html_open(h, "h1", NULL);
	html_textf(h, "Ta bort aktiviteten ”%s”?", pf_s(&a, 0, "name"));
	html_close(h);
	html_open(h, "dl", "class", "facts", NULL);
	pf_dl_row(h, "Ägare", pf_s(&a, 0, "owner_name"));
	pf_dl_row(h, "Mål", pf_s(&a, 0, "goal_name"));
	pf_dl_row(h, "Start", pf_s(&a, 0, "start"));
	pf_dl_row(h, "Slut", pf_s(&a, 0, "end"));
	pf_dl_row(h, "Status", pf_activity_status_sv(pf_s(&a, 0, "status")));
	html_close(h);
	html_elem(h, "p", "Aktiviteten tas bort med sina stadsdelsområden och samarbetspartner. Det går inte att ångra, "
		  "men historiken sparar hur aktiviteten såg ut. En aktivitet som finns med i en uppföljningsrapport "
		  "kan inte tas bort: sätt i stället dess status till Inställd.", NULL);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/aktivitet/%lld/ta-bort", id), "class", "actions", NULL);
	form_csrf_field(r, h);
	form_button(h, "Ta bort aktiviteten", "danger");
	pf_link(h, pf_href(r, "/aktivitet/%lld", id), "Avbryt");
	html_close(h);
	return page_end(r, h);
}

int page_activity_delete_post(struct http_req *r)
{
	struct rowset a;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = pf_activity_load(r, &a, 1)) != 0)
		return rc;
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_ACTIVITY, pf_i(&a, 0, "id"), 1)) != 0)
		return rc;
	rc = api_activity_remove(r, pf_i(&a, 0, "id"));
	if (rc == 409)
		return page_error(r, 409, "Aktiviteten finns med i en uppföljningsrapport och kan inte tas bort. "
				  "Sätt i stället dess status till Inställd.");
	if (rc != 204)
		return form_fail_page(r, rc);
	if (pf_s(&a, 0, "goal"))
		return form_redirect(r, pf_href(r, "/mal/%s?klart=borttagen", pf_s(&a, 0, "goal")));
	return form_redirect(r, pf_href(r, "/organisation/%s?klart=borttagen", pf_s(&a, 0, "owner")));
}
