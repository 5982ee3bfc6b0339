/* page-edit-goal.c: a goal: GET /mal/{key} (the goal with its expected results, indicators and
 * activities) and its editing form GET/POST /mal/{key}/redigera (name and description) for
 * editors of the owning organisation, who also find the links to a new indicator and a new
 * activity under it here. The write is the API's PATCH /api/v1/goals/{id}: authz_org for the
 * owner, one transaction with its audit entry. */
#include "web/frozen.h"
#include "web/pages-forms.h"
#include "web/api.h"
#include "web/api-create.h"
#include "core/buf.h"
#include "store/kinds.h"
#include "store/store.h"

#include <string.h>

#define NAME_MAX_LEN 500

static void tools(struct http_req *r, struct html *h, const struct rowset *g)
{
	const char *key = pf_s(g, 0, "key");

	html_open(h, "p", "class", "edit-link", NULL);
	if (pf_may_write(r, pf_i(g, 0, "owner_id"))) {
		pf_link(h, pf_href(r, "/mal/%s/redigera", key), "Redigera målet");
		html_text(h, " ");
		pf_link(h, pf_href(r, "/mal/%s/ny-indikator", key), "Ny indikator");
		html_text(h, " ");
		pf_link(h, pf_href(r, "/mal/%s/ny-aktivitet", key), "Ny aktivitet");
		html_text(h, " ");
		pf_link(h, pf_href(r, "/mal/%s/ta-bort", key), "Ta bort målet");
		html_text(h, " ");
	}
	if (r->user.id)
		pf_link(h, pf_href(r, "/historik/mal/%s", key), "Historik");
	html_close(h);
}

static void facts(struct http_req *r, struct html *h, const struct rowset *g)
{
	html_open(h, "dl", "class", "facts", NULL);
	pf_dl_row(h, "Nivå", pf_level_sv(pf_s(g, 0, "level")));
	if (pf_s(g, 0, "number"))
		pf_dl_row(h, "Nummer", pf_s(g, 0, "number"));
	html_elem(h, "dt", "Ägare", NULL);
	html_open(h, "dd", NULL);
	pf_link(h, pf_href(r, "/organisation/%s", pf_s(g, 0, "owner")), pf_s(g, 0, "owner_name"));
	html_close(h);
	pf_dl_row(h, "År", pf_s(g, 0, "year"));
	if (pf_s(g, 0, "parent")) {
		html_elem(h, "dt", "Överordnat mål", NULL);
		html_open(h, "dd", NULL);
		pf_link(h, pf_href(r, "/mal/%s", pf_s(g, 0, "parent")), pf_s(g, 0, "parent_name"));
		html_close(h);
	}
	html_close(h);
}

static int relations(struct http_req *r, struct html *h, int64_t id)
{
	static const char *const icols[] = { "Indikator", "Årsmål", "KF:s årsmål", "Periodicitet", NULL };
	static const char *const acols[] = { "Aktivitet", "Start", "Slut", "Status", NULL };
	struct rowset res, ind, act;
	struct sval arg = SVI(id);

	if (pf_query(r, &res, STMT_REL_GOAL_RESULTS, &arg, 1) != 0 ||
	    pf_query(r, &ind, STMT_REL_GOAL_INDICATORS, &arg, 1) != 0 ||
	    pf_query(r, &act, STMT_REL_GOAL_ACTIVITIES, &arg, 1) != 0)
		return -1;
	if (res.nrows) {
		html_elem(h, "h2", "Förväntat resultat", NULL);
		html_open(h, "ol", NULL);
		for (int i = 0; i < res.nrows; i++)
			html_elem(h, "li", pf_s(&res, i, "text"), NULL);
		html_close(h);
	}
	html_elem(h, "h2", "Indikatorer", NULL);
	if (!ind.nrows)
		html_elem(h, "p", "Inga indikatorer är kopplade direkt till målet.", NULL);
	else {
		html_open(h, "table", NULL);
		html_elem(h, "caption", "Indikatorer med det senaste årets mål", NULL);
		pf_thead(h, icols);
		html_open(h, "tbody", NULL);
		for (int i = 0; i < ind.nrows; i++) {
			html_open(h, "tr", NULL);
			html_open(h, "th", "scope", "row", NULL);
			pf_link(h, pf_href(r, "/indikator/%s", pf_s(&ind, i, "key")), pf_s(&ind, i, "name"));
			html_close(h);
			html_elem(h, "td", pf_s(&ind, i, "target") ? pf_s(&ind, i, "target") : "–", NULL);
			html_elem(h, "td", pf_s(&ind, i, "kf_target") ? pf_s(&ind, i, "kf_target") : "–", NULL);
			html_elem(h, "td", strcmp(pf_s(&ind, i, "periodicity"), "tertial") == 0 ? "tertial" :
				  strcmp(pf_s(&ind, i, "periodicity"), "year") == 0 ? "år" : pf_s(&ind, i, "periodicity"), NULL);
			html_close(h);
		}
		html_close(h);
		html_close(h);
	}
	html_elem(h, "h2", "Aktiviteter", NULL);
	if (!act.nrows) {
		html_elem(h, "p", "Inga aktiviteter är kopplade till målet.", NULL);
		return 0;
	}
	html_open(h, "table", NULL);
	html_elem(h, "caption", "Aktiviteter för målet", NULL);
	pf_thead(h, acols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < act.nrows; i++) {
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		pf_link(h, pf_href(r, "/aktivitet/%lld", (long long)pf_i(&act, i, "id")), pf_s(&act, i, "name"));
		html_close(h);
		html_elem(h, "td", page_time(r, pf_s(&act, i, "start")), "class", "date", NULL);
		html_elem(h, "td", page_time(r, pf_s(&act, i, "end")), "class", "date", NULL);
		html_elem(h, "td", pf_activity_status_sv(pf_s(&act, i, "status")), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	return 0;
}

int page_goal(struct http_req *r)
{
	struct rowset g;
	struct html *h;
	int rc;

	if ((rc = pf_goal_load(r, &g, 0)) != 0)
		return rc;
	h = page_begin(r, pf_s(&g, 0, "name"), NAV_ORGS);
	html_elem(h, "h1", pf_s(&g, 0, "name"), NULL);
	pf_notice_done(r, h, "Målet är tillagt. Lägg till indikatorer och aktiviteter med länkarna nedan.");
	tools(r, h, &g);
	facts(r, h, &g);
	if (page_source(r, h, "goal", pf_i(&g, 0, "id"), pf_s(&g, 0, "source")) != 0)
		return r->status;
	html_elem(h, "h2", "Beskrivning", NULL);
	if (pf_s(&g, 0, "description"))
		pf_paragraphs(r, h, pf_s(&g, 0, "description"), "pre");
	else
		html_elem(h, "p", "Ingen beskrivning.", "class", "hint", NULL);
	if (relations(r, h, pf_i(&g, 0, "id")) != 0)
		return r->status;
	return page_end(r, h);
}

/* results_text: the goal's expected results, one per line ("" when none or on a store error,
 * which the page's next query reports). */
static const char *results_text(struct http_req *r, const struct rowset *g)
{
	struct sval arg = SVI(pf_i(g, 0, "id"));
	struct rowset res;
	struct buf b;
	const char *out;

	if (pf_query(r, &res, STMT_REL_GOAL_RESULTS, &arg, 1) != 0)
		return "";
	buf_init(&b, 0);
	for (int i = 0; i < res.nrows; i++)
		buf_addf(&b, "%s%s", i ? "\n" : "", pf_s(&res, i, "text"));
	out = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return out;
}

/* results_lines: the form's text as expected results: one per non-blank line, trimmed. */
static int results_lines(struct http_req *r, const char *text, const char ***out)
{
	size_t len = text ? strlen(text) : 0;
	char *copy = arena_alloc(&r->a, len + 1);
	const char **lines = arena_alloc(&r->a, sizeof(*lines) * (len / 2 + 2));
	int n = 0;

	memcpy(copy, text ? text : "", len + 1);
	for (char *p = copy, *next; p; p = next) {
		next = strchr(p, '\n');
		if (next)
			*next++ = 0;
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		char *end = p + strlen(p);
		while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
			*--end = 0;
		if (*p)
			lines[n++] = p;
	}
	*out = lines;
	return n;
}

static int render_form(struct http_req *r, const struct rowset *g, const struct form *f,
		       const struct form_errors *e, int status)
{
	const char *key = pf_s(g, 0, "key");
	struct html *h = page_begin(r, "Redigera mål", NAV_ORGS);

	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/mal/%s", key), "Tillbaka till målet");
	html_close(h);
	html_open(h, "h1", NULL);
	html_textf(h, "Redigera %s", pf_level_sv(pf_s(g, 0, "level")));
	html_close(h);
	html_open(h, "p", NULL);
	html_textf(h, "Ägs av %s, år %s.", pf_s(g, 0, "owner_name"), pf_s(g, 0, "year") ? pf_s(g, 0, "year") : "–");
	html_close(h);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/mal/%s/redigera", key), NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_input(h, e, "namn", "Namn", "text", f ? form_get(f, "namn") : pf_s(g, 0, "name"), NULL, NULL);
	form_textarea(h, e, "beskrivning", "Beskrivning", f ? form_get(f, "beskrivning") : pf_s(g, 0, "description"),
		      "Vad målet innebär och hur nämnden arbetar för att nå det.", 8);
	form_textarea(h, e, "resultat", "Förväntat resultat", f ? form_get(f, "resultat") : results_text(r, g),
		      "Ett förväntat resultat per rad, i den ordning de ska stå. Tomma rader tas bort.", 8);
	form_button(h, "Spara", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_goal_edit(struct http_req *r)
{
	struct rowset g;
	int rc;

	if ((rc = pf_goal_load(r, &g, 1)) != 0)
		return rc;
	return render_form(r, &g, NULL, NULL, 200);
}

/* save_goal: the API's goal patch with the name, description and expected results (when
 * changed); redirects to the goal. */
static int save_goal(struct http_req *r, const struct rowset *g, const char *name, const char *desc,
		     const char *const *res, int nres, int res_changed)
{
	const struct kind *k = kind_find("goals");
	int64_t id = pf_i(g, 0, "id");
	const char *old = pf_s(g, 0, "description");
	char *before;
	int rc;

	if (strcmp(name, pf_s(g, 0, "name")) != 0 || strcmp(desc, old ? old : "") != 0 || res_changed) {
		if ((rc = api_write_begin(r, k, id, STMT_GOAL_OWNER, &before)) != 0)
			return form_fail_page(r, rc);
		if ((rc = frozen_or_409(r, STMT_PV_FROZEN_GOAL, id, 1)) != 0)
			return rc;
		struct sval args[] = { SVI(id), SVI(1), SVS(name), SVI(1), SVS(*desc ? desc : NULL),
				       SVI(0), SVNULL, SVI(0), SVNULL, SVI(0), SVNULL };
		if (store_exec(r->st, STMT_GOAL_PATCH, args, 11, NULL, NULL, &r->err) != LUP_OK ||
		    (res_changed && api_goal_results_set(r, id, res, nres, "webb") != LUP_OK))
			return form_fail_page(r, api_rollback_fail(r));
		if ((rc = api_write_end(r, k, "goal", "update", id, before, 200)) != 200)
			return form_fail_page(r, rc);
	}
	return form_redirect(r, pf_href(r, "/mal/%s?klart=sparat", pf_s(g, 0, "key")));
}

int page_goal_edit_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	const char *name, *desc;
	struct rowset g;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = pf_goal_load(r, &g, 1)) != 0)
		return rc;
	name = form_get_trim(r, &f, "namn");
	desc = form_get_trim(r, &f, "beskrivning");
	if (form_blank(name))
		form_error(r, &e, "namn", "Skriv målets namn.");
	else if (strlen(name) > NAME_MAX_LEN)
		form_error(r, &e, "namn", "Namnet får vara högst 500 tecken.");
	if (desc && strlen(desc) > PF_MAX_TEXT)
		form_error(r, &e, "beskrivning", "Beskrivningen får vara högst 20 000 tecken.");
	const char **res = NULL, *res_text = form_get(&f, "resultat");
	int nres = res_text ? results_lines(r, res_text, &res) : 0;
	struct api_violations v = { .n = 0 };
	api_goal_results_check(r, &v, res, nres);
	if (v.n)
		form_error(r, &e, "resultat", nres > API_GOAL_RESULTS_MAX ? "Skriv högst 30 förväntade resultat." :
			   "Ett förväntat resultat får vara högst 1 000 tecken.");
	if (e.n)
		return render_form(r, &g, &f, &e, 422);
	/* the results change when the form sends them and they differ from those stored */
	const char **cur = NULL;
	int ncur = results_lines(r, results_text(r, &g), &cur), changed = res_text && ncur != nres;
	for (int i = 0; res_text && !changed && i < nres; i++)
		changed = strcmp(res[i], cur[i]) != 0;
	return save_goal(r, &g, name, desc ? desc : "", res, nres, changed);
}
