/* page-edit-activity.c: an activity: GET /aktivitet/{id} and its editing form GET/POST
 * /aktivitet/{id}/redigera (name, description, start, end, status) for editors of the owning
 * organisation, with the link to deleting it (page-edit-activity-delete.c). The write is the
 * API's PATCH /api/v1/activities/{id}: dates as written in
 * plans ("2022-03-01", "2022-03", "ht 2022"), authz_org for the owner, one transaction with
 * its audit entry. */
#include "web/frozen.h"
#include "web/pages-forms.h"
#include "model/status.h"
#include "web/api.h"
#include "model/datex.h"
#include "store/kinds.h"
#include "store/store.h"
#include "store/values.h"

#include <string.h>

#define NAME_MAX_LEN 2000
#define DATE_MAX_LEN 32

int page_activity(struct http_req *r)
{
	struct rowset a, d;
	struct html *h;
	int64_t id;
	int rc;

	if ((rc = pf_activity_load(r, &a, 0)) != 0)
		return rc;
	id = pf_i(&a, 0, "id");
	struct sval arg = SVI(id);
	if (pf_query(r, &d, STMT_REL_ACTIVITY_DISTRICTS, &arg, 1) != 0)
		return r->status;
	h = page_begin(r, pf_s(&a, 0, "name"), NAV_ORGS);
	html_elem(h, "h1", pf_s(&a, 0, "name"), NULL);
	pf_notice_done(r, h, NULL);
	html_open(h, "p", "class", "edit-link", NULL);
	if (pf_may_write(r, pf_i(&a, 0, "owner_id"))) {
		pf_link(h, pf_href(r, "/aktivitet/%lld/redigera", (long long)id), "Redigera aktiviteten");
		html_text(h, " ");
		pf_link(h, pf_href(r, "/aktivitet/%lld/ta-bort", (long long)id), "Ta bort aktiviteten");
		html_text(h, " ");
	}
	if (r->user.id)
		pf_link(h, pf_href(r, "/historik/aktivitet/%lld", (long long)id), "Historik");
	html_close(h);
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", "Ägare", NULL);
	html_open(h, "dd", NULL);
	pf_link(h, pf_href(r, "/organisation/%s", pf_s(&a, 0, "owner")), pf_s(&a, 0, "owner_name"));
	html_close(h);
	if (pf_s(&a, 0, "goal")) {
		html_elem(h, "dt", "Mål", NULL);
		html_open(h, "dd", NULL);
		pf_link(h, pf_href(r, "/mal/%s", pf_s(&a, 0, "goal")), pf_s(&a, 0, "goal_name"));
		html_close(h);
	}
	pf_dl_row(h, "Start", pf_s(&a, 0, "start"));
	pf_dl_row(h, "Slut", pf_s(&a, 0, "end"));
	pf_dl_row(h, "Status", pf_activity_status_sv(pf_s(&a, 0, "status")));
	if (pf_s(&a, 0, "role"))
		pf_dl_row(h, "Organisationens roll", act_role_label(pf_s(&a, 0, "role")));
	html_elem(h, "dt", "Stadsdelsområden", NULL);
	html_open(h, "dd", NULL);
	for (int i = 0; i < d.nrows; i++) {
		if (i)
			html_text(h, ", ");
		pf_link(h, pf_href(r, "/stadsdel/%s", pf_s(&d, i, "key")), pf_s(&d, i, "name"));
	}
	if (!d.nrows)
		html_text(h, "–");
	html_close(h);
	html_close(h);
	if (page_source(r, h, "activity", id, pf_s(&a, 0, "source")) != 0)
		return r->status;
	html_elem(h, "h2", "Beskrivning", NULL);
	if (pf_s(&a, 0, "description"))
		pf_paragraphs(r, h, pf_s(&a, 0, "description"), "pre");
	else
		html_elem(h, "p", "Ingen beskrivning.", "class", "hint", NULL);
	return page_end(r, h);
}

static int render_form(struct http_req *r, const struct rowset *a, const struct form *f,
		       const struct form_errors *e, int status)
{
	long long id = (long long)pf_i(a, 0, "id");
	struct html *h = page_begin(r, "Redigera aktivitet", NAV_ORGS);
	const char *dates = "Som i planen: en dag (2022-03-01), en månad (2022-03), ett år (2022) eller en termin "
			    "(vt 2022, ht 2022). Lämna tomt om det inte är bestämt.";

	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/aktivitet/%lld", id), "Tillbaka till aktiviteten");
	html_close(h);
	html_elem(h, "h1", "Redigera aktivitet", NULL);
	html_open(h, "p", NULL);
	html_textf(h, "Ägs av %s.", pf_s(a, 0, "owner_name"));
	html_close(h);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/aktivitet/%lld/redigera", id), NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_textarea(h, e, "namn", "Namn", form_kept(f, "namn", pf_s(a, 0, "name")), NULL, 3);
	form_textarea(h, e, "beskrivning", "Beskrivning", form_kept(f, "beskrivning", pf_s(a, 0, "description")), NULL, 6);
	form_input(h, e, "start", "Start", "text", form_kept(f, "start", pf_s(a, 0, "start")), dates, NULL);
	form_input(h, e, "slut", "Slut", "text", form_kept(f, "slut", pf_s(a, 0, "end")), "Samma sätt att skriva som starten.", NULL);
	form_select(h, e, "status", "Status", act_status_codes, act_status_labels, form_kept(f, "status", pf_s(a, 0, "status")), NULL);
	form_select(h, e, "roll", "Organisationens roll", act_role_choices, act_role_choice_labels,
		    form_kept(f, "roll", pf_s(a, 0, "role") ? pf_s(a, 0, "role") : ""), "Vilken roll organisationen har i aktiviteten.");
	form_button(h, "Spara", NULL);
	html_close(h);
	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/aktivitet/%lld/ta-bort", id), "Ta bort aktiviteten");
	html_close(h);
	return page_end_status(r, h, status);
}

int page_activity_edit(struct http_req *r)
{
	struct rowset a;
	int rc;

	if ((rc = pf_activity_load(r, &a, 1)) != 0)
		return rc;
	return render_form(r, &a, NULL, NULL, 200);
}

struct activity_in {
	const char *name, *desc, *start, *end, *status, *role;	/* role: NULL for none */
	struct model_datex s, e;
};

static void date(struct http_req *r, struct form_errors *e, const char *field, const char *text, struct model_datex *d)
{
	memset(d, 0, sizeof(*d));
	if (!text || !*text)
		return;
	if (strlen(text) > DATE_MAX_LEN || model_datex_parse(text, d, NULL, 0) != 0)
		form_error(r, e, field, "Skriv %s som en dag (2022-03-01), en månad (2022-03), ett år (2022) eller en "
			   "termin (vt 2022, ht 2022).", strcmp(field, "start") == 0 ? "starten" : "slutet");
}

static void check(struct http_req *r, const struct form *f, struct form_errors *e, struct activity_in *in)
{
	const char *st = form_get(f, "status");

	in->name = form_get_trim(r, f, "namn");
	in->desc = form_get_trim(r, f, "beskrivning");
	in->start = form_get_trim(r, f, "start");
	in->end = form_get_trim(r, f, "slut");
	in->status = NULL;
	if (form_blank(in->name))
		form_error(r, e, "namn", "Skriv aktivitetens namn.");
	else if (strlen(in->name) > NAME_MAX_LEN)
		form_error(r, e, "namn", "Namnet får vara högst 2 000 tecken.");
	if (in->desc && strlen(in->desc) > PF_MAX_TEXT)
		form_error(r, e, "beskrivning", "Beskrivningen får vara högst 20 000 tecken.");
	date(r, e, "start", in->start, &in->s);
	date(r, e, "slut", in->end, &in->e);
	if (!form_error_of(e, "start") && !form_error_of(e, "slut") && in->s.first && in->e.last && in->e.last < in->s.first)
		form_error(r, e, "slut", "Slutet ligger före starten.");
	for (int i = 0; st && act_status_codes[i]; i++)
		if (strcmp(st, act_status_codes[i]) == 0)
			in->status = act_status_codes[i];
	if (!in->status)
		form_error(r, e, "status", "Välj en status i listan.");
	in->role = form_nonempty(form_get(f, "roll"));
	if (in->role && act_role_index(in->role) < 0)
		form_error(r, e, "roll", "Välj en roll i listan.");
}

/* save_activity: the API's activity patch with the form's fields; redirects to the activity. */
static int save_activity(struct http_req *r, int64_t id, const struct activity_in *in)
{
	const struct kind *k = kind_find("activities");
	char *before;
	int rc;

	if ((rc = api_write_begin(r, k, id, STMT_ACTIVITY_OWNER, &before)) != 0)
		return form_fail_page(r, rc);
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_ACTIVITY, id, 1)) != 0)
		return rc;
	struct sval args[] = {
		SVI(id), SVI(1), SVS(in->name), SVI(1), SVS(form_nonempty(in->desc)),
		SVI(1), SVS(form_nonempty(in->start)), SVID(in->s.first), SVID(in->s.last), SVS(store_prec(in->s.prec)),
		SVI(1), SVS(form_nonempty(in->end)), SVID(in->e.first), SVID(in->e.last), SVS(store_prec(in->e.prec)),
		SVI(1), SVS(in->status), SVI(1), SVS(in->role),
	};
	if (store_exec(r->st, STMT_ACTIVITY_PATCH, args, 19, NULL, NULL, &r->err) != LUP_OK)
		return form_fail_page(r, api_rollback_fail(r));
	if ((rc = api_write_end(r, k, "activity", "update", id, before, 200)) != 200)
		return form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/aktivitet/%lld?klart=sparat", (long long)id));
}

static int unchanged(const struct rowset *a, const struct activity_in *in)
{
	const char *const cols[] = { "name", "description", "start", "end", "status", "role" };
	const char *const vals[] = { in->name, in->desc, in->start, in->end, in->status, in->role };

	for (int i = 0; i < 6; i++) {
		const char *old = pf_s(a, 0, cols[i]);
		if (strcmp(old ? old : "", vals[i] ? vals[i] : "") != 0)
			return 0;
	}
	return 1;
}

int page_activity_edit_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	struct activity_in in;
	struct rowset a;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = pf_activity_load(r, &a, 1)) != 0)
		return rc;
	check(r, &f, &e, &in);
	if (e.n)
		return render_form(r, &a, &f, &e, 422);
	if (unchanged(&a, &in))
		return form_redirect(r, pf_href(r, "/aktivitet/%lld", (long long)pf_i(&a, 0, "id")));
	return save_activity(r, pf_i(&a, 0, "id"), &in);
}
