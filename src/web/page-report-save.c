/* page-report-save.c: the form posts of a follow-up report: saving the assessments, the
 * forecast and the activities' statuses and comments (POST /uppfoljning/{id}: each of the
 * page's forms sends some of these fields; what is not sent is left alone), and the workflow:
 * submit (/skicka-in), approve (/godkann) and return with a comment (/returnera). Each write
 * goes through the API's rules and statements: authz_org for the report's organisation, the
 * report's status, one transaction with its audit entry (api_write_begin/api_write_end);
 * submit and approve are the API's own handlers. */
#include "web/pages-forms.h"
#include "web/api.h"
#include "store/kinds.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static int valid_assessment(const char *a)
{
	return a && (strcmp(a, "none") == 0 || strcmp(a, "fulfilled") == 0 || strcmp(a, "partly") == 0 ||
		     strcmp(a, "not") == 0);
}

static const char *label_of(const char *a)
{
	enum model_assessment x = MODEL_ASSESS_NONE;

	model_assess_parse(a, &x, NULL, 0);
	return model_assess_label_sv(x);
}

static const char *fname(struct http_req *r, const char *prefix, int64_t id)
{
	char name[64];

	snprintf(name, sizeof(name), "%s-%lld", prefix, (long long)id);
	return arena_strdup(&r->a, name);
}

/* check: the form's assessments and forecast against the report; fills e. An assessment
 * other than the suggestion (and other than "not assessed") needs a written analysis. */
static void check(struct http_req *r, const struct view_report *rep, const struct form *f, struct form_errors *e)
{
	const char *fc = form_get(f, "prognos");

	for (int i = 0; i < rep->ngoals; i++) {
		const struct view_report_goal *g = &rep->goals[i];
		const char *bn = fname(r, "bedomning", g->id), *an = fname(r, "analys", g->id);
		const char *a = form_get(f, bn), *text = form_get(f, an);
		if (!a)
			continue;
		if (!valid_assessment(a)) {
			form_error(r, e, bn, "Nämndmålet ”%s”: välj en bedömning i listan.", g->name);
			continue;
		}
		if (text && strlen(text) > PF_MAX_TEXT)
			form_error(r, e, an, "Nämndmålet ”%s”: analysen får vara högst 20 000 tecken.", g->name);
		else if (strcmp(a, "none") != 0 && strcmp(a, model_assess_name(g->suggest)) != 0 && form_blank(text))
			form_error(r, e, an, "Nämndmålet ”%s”: bedömningen %s avviker från förslaget %s. Skriv i "
				   "analysen varför.", g->name, label_of(a), model_assess_label_sv(g->suggest));
	}
	if (fc && strlen(fc) > PF_MAX_TEXT)
		form_error(r, e, "prognos", "Prognosen får vara högst 20 000 tecken.");
	pf_report_activities_check(r, rep, f, e);
}

static int changed(const struct view_report_goal *g, const char *a, const char *text)
{
	if (!g->assessed)
		return strcmp(a, "none") != 0 || *text;
	return strcmp(a, g->assessment) != 0 || strcmp(text, g->analysis ? g->analysis : "") != 0;
}

struct state {
	char status[16];
};

static int state_row(void *ctx, const struct store_row *row)
{
	snprintf(((struct state *)ctx)->status, sizeof(((struct state *)ctx)->status), "%s", store_col_text(row, 1));
	return 1;
}

/* status_now: the report's status read in the open transaction ("" when it is gone). */
static int status_now(struct http_req *r, int64_t id, struct state *s)
{
	struct sval arg = SVI(id);

	s->status[0] = '\0';
	return store_query(r->st, STMT_REPORT_STATE, &arg, 1, state_row, s, &r->err);
}

/* conflict: rolls back and answers the 409 page for a report whose status does not allow
 * the step. */
static int conflict(struct http_req *r, const char *status)
{
	char msg[300];

	store_rollback(r->st);
	snprintf(msg, sizeof(msg), "Rapportens status är nu ”%s”, så det här steget går inte att göra. Ladda om "
		 "rapporten och försök igen.", pf_report_status_sv(status));
	return page_error(r, 409, msg);
}

/* write_goals: upserts the assessments of the form that differ from the stored ones; *n
 * counts the changes. */
static int write_goals(struct http_req *r, const struct view_report *rep, const struct form *f, int *n)
{
	for (int i = 0; i < rep->ngoals; i++) {
		const struct view_report_goal *g = &rep->goals[i];
		const char *a = form_get(f, fname(r, "bedomning", g->id));
		const char *text = form_get_trim(r, f, fname(r, "analys", g->id));
		if (!a)
			continue;
		if (!text)
			text = "";
		if (!changed(g, a, text))
			continue;
		struct sval args[] = { SVI(rep->id), SVI(g->id), SVS(a), SVS(*text ? text : NULL) };
		if (store_exec(r->st, STMT_ASSESSMENT_UPSERT, args, 4, NULL, NULL, &r->err) != LUP_OK)
			return -1;
		(*n)++;
	}
	return 0;
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

static int save(struct http_req *r, const struct view_report *rep, const struct form *f)
{
	const struct kind *k = kind_find("reports");
	const char *fc = form_get_trim(r, f, "prognos");
	struct state s;
	char *before;
	int n = 0, rc;

	if ((rc = api_write_begin(r, k, rep->id, STMT_REPORT_STATE, &before)) != 0)
		return form_fail_page(r, rc);
	if (status_now(r, rep->id, &s) != LUP_OK)
		return form_fail_page(r, api_rollback_fail(r));
	if (strcmp(s.status, "draft") != 0 && strcmp(s.status, "returned") != 0)
		return conflict(r, s.status);
	if (write_goals(r, rep, f, &n) != 0 || pf_report_activities_write(r, rep, f, &n) != 0)
		return form_fail_page(r, api_rollback_fail(r));
	if (fc && strcmp(fc, rep->forecast ? rep->forecast : "") != 0) {
		struct sval args[] = { SVI(rep->id), SVS(*fc ? fc : NULL) };
		if (store_exec(r->st, STMT_REPORT_SET_FORECAST, args, 2, NULL, NULL, &r->err) != LUP_OK)
			return form_fail_page(r, api_rollback_fail(r));
		n++;
	}
	if (!n)
		store_rollback(r->st);
	else if ((rc = api_write_end(r, k, "report", "update", rep->id, before, 200)) != 200)
		return form_fail_page(r, rc);
	return form_redirect(r, back(r, rep, f));
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

int page_report_post(struct http_req *r)
{
	struct form_errors e = { 0 };
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
	return save(r, &rep, &f);
}

/* step: a workflow step answered by the API's handler api (which reads the report id from the
 * route, checks the role, organisation and status, and writes with its audit entry). */
static int step(struct http_req *r, int (*api)(struct http_req *), const char *done)
{
	struct view_report rep;
	struct form f;
	int rc;

	if ((rc = load(r, &f, 0, &rep)) != 0)
		return rc;
	if ((rc = api(r)) != 200)
		return rc == 403 && !pf_may_write(r, rep.org) && !pf_is_city(r) ? pf_forbidden(r, rep.org_name)
									      : form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=%s", (long long)rep.id, done));
}

int page_report_submit(struct http_req *r)
{
	return step(r, api_report_submit, "inskickad");
}

int page_report_delete(struct http_req *r)
{
	struct view_report rep;
	struct form f;
	int64_t written = 0;
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
	struct sval arg = SVI(rep.id);
	if (store_query_id(r->st, STMT_REPORT_CONTENT, &arg, 1, &written, &r->err) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	if (written)
		return page_error(r, 409, "Rapporten kan inte tas bort eftersom något redan är skrivet i den "
				  "(bedömningar, analyser, aktiviteters status eller en prognos). Bara ett tomt utkast "
				  "kan tas bort.");
	if ((rc = api_report_delete(r)) != 204)
		return form_fail_page(r, rc);
	return form_redirect(r, "/uppfoljning?klart=borttagen");
}

int page_report_approve(struct http_req *r)
{
	return step(r, api_report_approve, "godkand");
}

/* decide_return: returns the submitted report with comment, as the API's return does. */
static int decide_return(struct http_req *r, int64_t id, const char *comment)
{
	const struct kind *k = kind_find("reports");
	struct state s;
	char *before, now[32];
	int rc;

	if (store_begin(r->st, &r->err) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	if (status_now(r, id, &s) != LUP_OK || api_snapshot(r, k, id, &before) != LUP_OK)
		return form_fail_page(r, api_rollback_fail(r));
	if (strcmp(s.status, "submitted") != 0)
		return conflict(r, s.status);
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVI(id), SVS("returned"), SVI(r->user.id), SVS(now), SVS(comment) };
	if (store_exec(r->st, STMT_REPORT_DECIDE, args, 5, NULL, NULL, &r->err) != LUP_OK)
		return form_fail_page(r, api_rollback_fail(r));
	if ((rc = api_write_end(r, k, "report", "update", id, before, 200)) != 200)
		return form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/uppfoljning/%lld?klart=returnerad", (long long)id));
}

int page_report_return(struct http_req *r)
{
	struct form_errors e = { 0 };
	struct view_report rep;
	struct form f;
	const char *comment;
	int rc;

	if ((rc = load(r, &f, 1, &rep)) != 0)
		return rc;
	if (strcmp(rep.status, "submitted") != 0)
		return conflict(r, rep.status);
	comment = form_get_trim(r, &f, "kommentar");
	if (form_blank(comment))
		form_error(r, &e, "kommentar", "Skriv en kommentar till nämnden om vad som behöver ändras.");
	else if (strlen(comment) > PF_MAX_TEXT)
		form_error(r, &e, "kommentar", "Kommentaren får vara högst 20 000 tecken.");
	if (e.n)
		return pf_report_render(r, &rep, &f, &e, NULL, 422);
	return decide_return(r, rep.id, comment);
}
