/* page-report-save.c: the form posts of a follow-up report: saving the assessments, the
 * forecast and the activities' statuses and comments (POST /uppfoljning/{id}: each of the
 * page's forms sends some of these fields; what is not sent is left alone), and the workflow:
 * submit (/skicka-in), approve with an optional comment (/godkann), return with a comment
 * (/returnera), delete an empty draft (/ta-bort) and the committee's decision (/beslut). Every
 * rule and write is edit/report.h's (the one write path the API uses too); these handlers read
 * the form, call it and show its refusal at the form's field, in Swedish. */
#include "web/pages-forms.h"
#include "web/api.h"
#include "edit/report.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static const char *fname(struct http_req *r, const char *prefix, int64_t id)
{
	char name[64];

	snprintf(name, sizeof(name), "%s-%lld", prefix, (long long)id);
	return arena_strdup(&r->a, name);
}

/* field_of: the form field a refusal of the edit layer concerns (comment: the step's comment
 * field). */
static const char *field_of(struct http_req *r, const struct report_fail *f, const char *comment)
{
	static const char *const pairs[] = { "analysis", "analys", "assessment", "bedomning", "goal", "bedomning",
					     "goals", "bedomning", "status", "status", "activity", "status", NULL };
	const char *field = f->field ? f->field : "";

	for (int i = 0; pairs[i]; i += 2)
		if (strcmp(field, pairs[i]) == 0 && f->ref)
			return fname(r, pairs[i + 1], f->ref);
	if (strcmp(field, "comment") == 0)
		return f->ref ? fname(r, "kommentar", f->ref) : comment;
	if (strcmp(field, "forecast") == 0)
		return "prognos";
	if (strcmp(field, "date") == 0 || strcmp(field, "decision") == 0)
		return "beslut-datum";
	if (strcmp(field, "paragraph") == 0)
		return "beslut-paragraf";
	return comment ? comment : "prognos";
}

/* refused: the answer to a refusal: the report page again with the message at its field
 * (422), or the page for 403, 404, 409 and store errors. */
static int refused(struct http_req *r, int64_t id, const struct form *form, const struct report_fail *f,
		   const char *comment)
{
	struct form_errors e = { 0 };
	struct view_report rep;
	int found = 0;

	switch (f->why) {
	case REPORT_W_FIELD:
		if (pf_report_load(r, id, 1, &rep, &found) != 0)
			return r->status;
		if (!found)
			break;
		form_error(r, &e, field_of(r, f, comment), "%s", f->sv);
		return pf_report_render(r, &rep, form, &e, NULL, 422);
	case REPORT_W_FORBIDDEN:
		return pf_forbidden(r, NULL);
	case REPORT_W_STATUS:
	case REPORT_W_EXISTS:
	case REPORT_W_PRECONDITION:
		return page_error(r, 409, f->sv);
	case REPORT_W_NOTFOUND:
		break;
	case REPORT_W_STORE:
		return form_fail_page(r, http_fail(r));
	}
	return page_error(r, 404, "Det finns ingen rapport med den adressen.");
}

/* check: the form's fields on their own (lengths); fills e. The rules are the edit layer's. */
static void check(struct http_req *r, const struct view_report *rep, const struct form *f, struct form_errors *e)
{
	const char *fc = form_get(f, "prognos");

	for (int i = 0; i < rep->ngoals; i++) {
		const char *an = fname(r, "analys", rep->goals[i].id), *text = form_get(f, an);
		if (text && strlen(text) > REPORT_TEXT_MAX)
			form_error(r, e, an, "Nämndmålet ”%s”: analysen får vara högst 20 000 tecken.", rep->goals[i].name);
	}
	if (fc && strlen(fc) > REPORT_TEXT_MAX)
		form_error(r, e, "prognos", "Prognosen får vara högst 20 000 tecken.");
	pf_report_activities_check(r, rep, f, e);
}

/* goals_in: the form's assessments as input of report_save (an unassessed goal left at
 * "Ej bedömt" with no reason is not sent: nothing to write). */
static int goals_in(struct http_req *r, const struct view_report *rep, const struct form *f,
		    struct report_goal_in **out)
{
	int n = 0;

	*out = arena_alloc(&r->a, sizeof(**out) * (size_t)(rep->ngoals + 1));
	for (int i = 0; i < rep->ngoals; i++) {
		const struct view_report_goal *g = &rep->goals[i];
		const char *a = form_get(f, fname(r, "bedomning", g->id));
		const char *text = form_get_trim(r, f, fname(r, "analys", g->id));
		if (!a)
			continue;
		if (!g->assessed && strcmp(a, "none") == 0 && form_blank(text))
			continue;
		(*out)[n++] = (struct report_goal_in){ g->id, a, text ? text : "" };
	}
	return n;
}

/* back: where a save leads: the report, at the group of activities the form was (when its
 * hidden field "grupp" names one of the page's groups). */
static const char *back(struct http_req *r, const struct view_report *rep, const struct form *f)
{
	const char *g = form_get(f, "grupp");

	for (int i = 0; g && i < rep->nacts; i++)
		if (strcmp(g, pf_report_activities_group(r, &rep->acts[i])) == 0)
			return pf_href(r, "/uppfoljning/%lld?klart=sparat&grupp=%s#%s", (long long)rep->id, g, g);
	return pf_href(r, "/uppfoljning/%lld?klart=sparat", (long long)rep->id);
}

/* load: the form and the report named by the route (404 page when missing). */
static int load(struct http_req *r, struct form *f, int goals, struct view_report *rep)
{
	int64_t id;
	int found, rc;

	if ((rc = form_begin(r, f)) != 0 || (rc = pf_id_param(r, 0, STMT__MAX, "ingen rapport", &id)) != 0)
		return rc;
	if (pf_report_load(r, id, goals, rep, &found) != 0)
		return r->status;
	if (!found)
		return page_error(r, 404, "Det finns ingen rapport med den adressen.");
	return 0;
}

static struct report_caller caller(struct http_req *r)
{
	struct report_caller c = api_report_caller(r);

	c.check_before = NULL;	/* the forms carry no ETag */
	return c;
}

int page_report_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	struct report_caller who = caller(r);
	struct report_save_in in = { 0 };
	struct report_goal_in *goals;
	struct report_act_in *acts;
	struct report_fail fail;
	struct view_report rep;
	struct form f;
	int rc;

	if ((rc = load(r, &f, 1, &rep)) != 0)
		return rc;
	if (!pf_may_write(r, rep.org))
		return pf_forbidden(r, rep.org_name);
	if (!pf_report_editable(r, &rep)) {
		char msg[300];
		snprintf(msg, sizeof(msg), "Rapporten är ”%s” och kan inte ändras.", pf_report_status_sv(rep.status));
		return page_error(r, 409, msg);
	}
	check(r, &rep, &f, &e);
	if (e.n)
		return pf_report_render(r, &rep, &f, &e, NULL, 422);
	in.ngoals = goals_in(r, &rep, &f, &goals);
	in.goals = goals;
	in.nacts = pf_report_activities_in(r, &rep, &f, &acts);
	in.acts = acts;
	in.forecast = form_get_trim(r, &f, "prognos");
	in.set_forecast = in.forecast != NULL;
	if (report_save(r->st, &who, rep.id, &in, NULL, &fail, &r->err) != LUP_OK)
		return refused(r, rep.id, &f, &fail, NULL);
	return form_redirect(r, back(r, &rep, &f));
}

int page_report_submit(struct http_req *r)
{
	struct report_caller who = caller(r);
	struct report_fail fail;
	struct view_report rep;
	struct form f;
	int rc;

	if ((rc = load(r, &f, 0, &rep)) != 0)
		return rc;
	if (!pf_may_write(r, rep.org))
		return pf_forbidden(r, rep.org_name);
	if (report_submit(r->st, &who, rep.id, &fail, &r->err) != LUP_OK)
		return refused(r, rep.id, &f, &fail, NULL);
	return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=inskickad", (long long)rep.id));
}

int page_report_delete(struct http_req *r)
{
	struct report_caller who = caller(r);
	struct report_fail fail;
	struct view_report rep;
	struct form f;
	int rc;

	if ((rc = load(r, &f, 0, &rep)) != 0)
		return rc;
	if (!pf_may_write(r, rep.org))
		return pf_forbidden(r, rep.org_name);
	if (strcmp(rep.status, "draft") != 0) {
		char msg[300];
		snprintf(msg, sizeof(msg), "Rapporten är ”%s” och kan inte tas bort. Bara ett utkast kan tas bort.",
			 pf_report_status_sv(rep.status));
		return page_error(r, 409, msg);
	}
	if (report_delete(r->st, &who, rep.id, &fail, &r->err) != LUP_OK)
		return refused(r, rep.id, &f, &fail, NULL);
	return form_redirect(r, "/uppfoljning?klart=borttagen");
}

int page_report_approve(struct http_req *r)
{
	struct report_caller who = caller(r);
	struct report_fail fail;
	struct view_report rep;
	struct form f;
	int rc;

	if ((rc = load(r, &f, 0, &rep)) != 0)
		return rc;
	if (report_approve(r->st, &who, rep.id, form_get_trim(r, &f, "kommentar-godkann"), &fail, &r->err) != LUP_OK)
		return refused(r, rep.id, &f, &fail, "kommentar-godkann");
	return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=godkand", (long long)rep.id));
}

int page_report_return(struct http_req *r)
{
	struct report_caller who = caller(r);
	struct report_fail fail;
	struct view_report rep;
	struct form f;
	int rc;

	if ((rc = load(r, &f, 0, &rep)) != 0)
		return rc;
	if (report_return(r->st, &who, rep.id, form_get_trim(r, &f, "kommentar"), &fail, &r->err) != LUP_OK)
		return refused(r, rep.id, &f, &fail, "kommentar");
	return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=returnerad", (long long)rep.id));
}

int page_report_decision(struct http_req *r)
{
	struct report_caller who = caller(r);
	struct report_fail fail;
	struct view_report rep;
	struct form f;
	int rc;

	if ((rc = load(r, &f, 0, &rep)) != 0)
		return rc;
	if (!pf_may_write(r, rep.org))
		return pf_forbidden(r, rep.org_name);
	if (report_decision(r->st, &who, rep.id, form_get_trim(r, &f, "beslut-datum"),
			    form_get_trim(r, &f, "beslut-paragraf"), &fail, &r->err) != LUP_OK)
		return refused(r, rep.id, &f, &fail, NULL);
	return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=beslut", (long long)rep.id));
}
