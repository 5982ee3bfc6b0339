/* page-plan-new-version.c: POST /stadsdel/{key}/ny-version: "Skapa ny version", the form on the
 * district page that starts a new draft of the district's LUP (a copy of its adopted version)
 * through edit/plan-version.h plan_version_new, for the owner's editors and administrators. */
#include "web/pages-places.h"
#include "web/pages-forms.h"
#include "web/form.h"
#include "web/authz.h"
#include "edit/plan-version.h"
#include "store/store.h"

#include <string.h>

#define HAS_DRAFT_SV "Programmet har redan ett utkast. Ändra utkastet eller anta det innan du skapar en ny version."

/* load: the district's LUP (its current version) into lup; the Swedish 404 or 403 page when
 * there is none or the caller may not start a version of it. */
static int load(struct http_req *r, struct rowset *lup)
{
	struct sval key = SVS(r->params[0]);
	int64_t id = 0;

	if (store_query_id(r->st, STMT_DISTRICT_ID_LOOSE, &key, 1, &id, &r->err) != LUP_OK)
		return places_fail(r);
	if (!id)
		return page_error(r, 404, "Det finns inget stadsdelsområde med den adressen.");
	struct sval args[] = { SVI(id), SVNULL };
	if (places_query(r, lup, STMT_PV_DISTRICT_VERSION, args, 2))
		return -1;
	if (!lup->nrows)
		return page_error(r, 404, "Stadsdelsområdet har inget lokalt utvecklingsprogram i lup.");
	if (r->user.role != ROLE_ADMIN && !(r->user.role == ROLE_EDITOR &&
	    authz_member(&r->user, places_i(lup, 0, "owner_id"), places_i(lup, 0, "owner_pair"))))
		return page_error(r, 403, "Bara redaktörer i planens organisation och administratörer kan skapa en ny "
				  "version av programmet.");
	return 0;
}

int page_plan_new_version_post(struct http_req *r)
{
	struct plan_version_opts o = { .actor = r->user.name, .user_id = r->user.id, .origin = "new-version (form)" };
	struct rowset lup;
	struct form f;
	int number = 0, rc;

	if ((rc = form_begin(r, &f)) != 0 || load(r, &lup))
		return rc ? rc : r->status;
	switch (plan_version_new(r->st, places_s(&lup, 0, "key"), &o, &number, &r->err)) {
	case LUP_OK:
		return form_redirect(r, pf_href(r, "/stadsdel/%s?version=utkast&klart=ny-version", r->params[0]));
	case LUP_ECONFLICT:
		return page_error(r, 409, HAS_DRAFT_SV);
	case LUP_ENOTFOUND:
		return page_error(r, 404, "Stadsdelsområdet har inget lokalt utvecklingsprogram i lup.");
	default:
		return places_fail(r);
	}
}
