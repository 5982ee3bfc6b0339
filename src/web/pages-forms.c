/* pages-forms.c: the 'forms' section's routes, its stylesheet part and the helpers its page
 * files share (queries answering the Swedish 500 page, id parameters, Swedish labels). */
#include "web/pages-forms.h"
#include "web/api-create.h"
#include "web/authz.h"
#include "model/fmt.h"
#include "model/period.h"
#include "model/status.h"
#include "store/store.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GET HTTP_GET
#define POST HTTP_POST

/* Form posts carry R_FORM: their handlers check the CSRF token of the hidden field (form_begin). */
const struct route page_routes_forms[] = {
	{ GET, "/logga-in", page_login, ACC_PUBLIC, 0, "pages", "the login form", NULL, NULL, NULL },
	{ POST, "/logga-in", page_login_post, ACC_PUBLIC, R_FORM | R_LOGIN, "pages", "log in (form): sets the session cookie", NULL, NULL, NULL },
	{ POST, "/logga-ut", page_logout_post, ACC_PUBLIC, R_FORM, "pages", "log out (form)", NULL, NULL, NULL },
	{ GET, "/konto", page_account, ACC_INTERNAL, 0, "pages", "who is logged in, with the password change and logout forms", NULL, NULL, NULL },
	{ POST, "/konto/losenord", page_account_password_post, ACC_INTERNAL, R_FORM, "pages", "change one's own password (form): ends one's other sessions", NULL, NULL, NULL },
	{ GET, "/uppfoljning", page_reports, ACC_PUBLIC, 0, "pages", "the follow-up reports the caller may read", NULL, NULL, NULL },
	{ POST, "/uppfoljning", page_reports_post, ACC_WRITE, R_FORM, "pages", "start a follow-up report (form)", NULL, NULL, NULL },
	{ POST, "/uppfoljning/installningar", page_reports_setting, ACC_CITY, R_FORM, "pages", "set when the committee's decision on a report is recorded (form, city office)", NULL, NULL, NULL },
	{ GET, "/uppfoljning/{id}", page_report, ACC_PUBLIC, 0, "pages", "one follow-up report", NULL, NULL, NULL },
	{ POST, "/uppfoljning/{id}", page_report_post, ACC_WRITE, R_FORM, "pages", "save a report's assessments and forecast (form)", NULL, NULL, NULL },
	{ POST, "/uppfoljning/{id}/skicka-in", page_report_submit, ACC_WRITE, R_FORM, "pages", "submit a report (form)", NULL, NULL, NULL },
	{ POST, "/uppfoljning/{id}/godkann", page_report_approve, ACC_CITY, R_FORM, "pages", "approve a report (form)", NULL, NULL, NULL },
	{ POST, "/uppfoljning/{id}/ta-bort", page_report_delete, ACC_WRITE, R_FORM, "pages", "delete an empty draft report (form)", NULL, NULL, NULL },
	{ POST, "/uppfoljning/{id}/returnera", page_report_return, ACC_CITY, R_FORM, "pages", "return a report with a comment (form)", NULL, NULL, NULL },
	{ POST, "/uppfoljning/{id}/beslut", page_report_decision, ACC_WRITE, R_FORM, "pages", "record the committee's decision on a report (form)", NULL, NULL, NULL },
	{ GET, "/mal/{key}", page_goal, ACC_PUBLIC, 0, "pages", "one goal", NULL, NULL, NULL },
	{ GET, "/mal/{key}/redigera", page_goal_edit, ACC_WRITE, 0, "pages", "the goal's editing form", NULL, NULL, NULL },
	{ POST, "/mal/{key}/redigera", page_goal_edit_post, ACC_WRITE, R_FORM, "pages", "change a goal (form)", NULL, NULL, NULL },
	{ GET, "/indikator/{key}", page_indicator, ACC_PUBLIC, 0, "pages", "one indicator with targets and outcomes", NULL, NULL, NULL },
	{ GET, "/indikator/{key}/redigera", page_indicator_edit, ACC_WRITE, 0, "pages", "the indicator's target and outcome forms", NULL, NULL, NULL },
	{ POST, "/indikator/{key}/redigera", page_indicator_edit_post, ACC_WRITE, R_FORM, "pages", "set targets or an outcome (form)", NULL, NULL, NULL },
	{ GET, "/aktivitet/{id}", page_activity, ACC_PUBLIC, 0, "pages", "one activity", NULL, NULL, NULL },
	{ GET, "/aktivitet/{id}/redigera", page_activity_edit, ACC_WRITE, 0, "pages", "the activity's editing form", NULL, NULL, NULL },
	{ POST, "/aktivitet/{id}/redigera", page_activity_edit_post, ACC_WRITE, R_FORM, "pages", "change an activity (form)", NULL, NULL, NULL },
	{ GET, "/historik/{entity}/{id}", page_history, ACC_INTERNAL, 0, "pages", "the audit log of a thing", NULL, NULL, NULL },
	{ GET, "/organisation/{key}/nytt-mal", page_goal_new, ACC_WRITE, 0, "pages", "the form for a new nämndmål or LUP goal of an organisation", NULL, NULL, NULL },
	{ POST, "/organisation/{key}/nytt-mal", page_goal_new_post, ACC_WRITE, R_FORM, "pages", "create a goal (form)", NULL, NULL, NULL },
	{ GET, "/mal/{key}/ny-indikator", page_indicator_new, ACC_WRITE, 0, "pages", "the form for a new indicator under a goal", NULL, NULL, NULL },
	{ POST, "/mal/{key}/ny-indikator", page_indicator_new_post, ACC_WRITE, R_FORM, "pages", "create an indicator (form)", NULL, NULL, NULL },
	{ GET, "/mal/{key}/ny-aktivitet", page_activity_new, ACC_WRITE, 0, "pages", "the form for a new activity under a goal", NULL, NULL, NULL },
	{ POST, "/mal/{key}/ny-aktivitet", page_activity_new_post, ACC_WRITE, R_FORM, "pages", "create an activity (form)", NULL, NULL, NULL },
	{ GET, "/mal/{key}/ta-bort", page_goal_delete, ACC_WRITE, 0, "pages", "asks whether to delete a goal", NULL, NULL, NULL },
	{ POST, "/mal/{key}/ta-bort", page_goal_delete_post, ACC_WRITE, R_FORM, "pages", "delete a goal (form)", NULL, NULL, NULL },
	{ POST, "/mal/{key}/flytta", page_goal_move_post, ACC_WRITE, R_FORM, "pages", "move a nämndmål one step in its plan's order (form)", NULL, NULL, NULL },
	{ POST, "/organisation/{key}/arsskifte", page_org_rollover_post, ACC_WRITE, R_FORM, "pages", "start next year's verksamhetsplan as a draft (form)", NULL, NULL, NULL },
	{ GET, "/aktivitet/{id}/ta-bort", page_activity_delete, ACC_WRITE, 0, "pages", "asks whether to delete an activity", NULL, NULL, NULL },
	{ POST, "/aktivitet/{id}/ta-bort", page_activity_delete_post, ACC_WRITE, R_FORM, "pages", "delete an activity (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/teman", page_pv_themes, ACC_WRITE, 0, "pages", "a draft plan version's themes: order, the form for a new one", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/teman", page_pv_themes_post, ACC_WRITE, R_FORM, "pages", "add a theme (form)", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/teman/ordning", page_pv_themes_order, ACC_WRITE, R_FORM, "pages", "move a theme up or down (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/teman/{id}", page_pv_theme, ACC_WRITE, 0, "pages", "a theme's form: rename, description, target groups, removal", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/teman/{id}", page_pv_theme_post, ACC_WRITE, R_FORM, "pages", "change a theme (form)", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/teman/{id}/ta-bort", page_pv_theme_remove, ACC_WRITE, R_FORM, "pages", "remove a theme, moving what uses it (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/mal", page_pv_goals, ACC_WRITE, 0, "pages", "a draft LUP version's goals (målsättningar) by theme, the form for a new one", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/mal", page_pv_goals_post, ACC_WRITE, R_FORM, "pages", "add an LUP goal (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/mal/{id}", page_pv_goal, ACC_WRITE, 0, "pages", "an LUP goal's form", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/mal/{id}", page_pv_goal_post, ACC_WRITE, R_FORM, "pages", "change an LUP goal (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/mal/{id}/ta-bort", page_pv_goal_delete, ACC_WRITE, 0, "pages", "the question before deleting an LUP goal", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/mal/{id}/ta-bort", page_pv_goal_delete_post, ACC_WRITE, R_FORM, "pages", "delete an LUP goal (form)", NULL, NULL, NULL },
	{ GET, "/stadsdel/{key}/bidrag/nytt", page_contribution_new, ACC_WRITE, 0, "pages", "the form of a new contribution to the district's adopted programme (editors of organisations other than districts)", NULL, NULL, NULL },
	{ POST, "/stadsdel/{key}/bidrag/nytt", page_contribution_new_post, ACC_WRITE, R_FORM, "pages", "add a contribution (form)", NULL, NULL, NULL },
	{ GET, "/stadsdel/{key}/bidrag/{id}", page_contribution, ACC_WRITE, 0, "pages", "a contribution's form (the contributor's editors)", NULL, NULL, NULL },
	{ POST, "/stadsdel/{key}/bidrag/{id}", page_contribution_post, ACC_WRITE, R_FORM, "pages", "change a contribution (form)", NULL, NULL, NULL },
	{ POST, "/stadsdel/{key}/bidrag/{id}/ta-bort", page_contribution_remove, ACC_WRITE, R_FORM, "pages", "remove a contribution (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/omraden", page_pv_areas, ACC_WRITE, 0, "pages", "a draft plan version's prioritised areas (form)", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/omraden", page_pv_areas_post, ACC_WRITE, R_FORM, "pages", "set the prioritised areas (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/avsnitt/{ord}", page_plan_section, ACC_WRITE, 0, "pages", "the form of a draft's section (title and Markdown text) with its preview", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/avsnitt/{ord}", page_plan_section_post, ACC_WRITE, R_FORM, "pages", "set a draft's section (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/atgarder", page_pv_measures, ACC_WRITE, 0, "pages", "a draft LUP version's measures and the form for a new one", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/atgarder", page_pv_measures_post, ACC_WRITE, R_FORM, "pages", "add a measure (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/atgarder/{id}", page_pv_measure, ACC_WRITE, 0, "pages", "a measure's form: themes, areas, goals, partners and roles, status, start and end", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/atgarder/{id}", page_pv_measure_post, ACC_WRITE, R_FORM, "pages", "change a measure (form)", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/atgarder/{id}/ta-bort", page_pv_measure_remove, ACC_WRITE, R_FORM, "pages", "remove a measure (form)", NULL, NULL, NULL },
	{ GET, "/plan/{key}/version/{n}/parter", page_pv_partners, ACC_WRITE, 0, "pages", "a draft plan version's partners and the form for a new one", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/parter", page_pv_partners_post, ACC_WRITE, R_FORM, "pages", "add a partner (form)", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/parter/{id}", page_pv_partner_post, ACC_WRITE, R_FORM, "pages", "change a partner (form)", NULL, NULL, NULL },
	{ POST, "/plan/{key}/version/{n}/parter/{id}/ta-bort", page_pv_partner_remove, ACC_WRITE, R_FORM, "pages", "remove a partner unless measures use it (form)", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};

const char page_css_forms[] =
	".field{margin:0 0 1rem}.field label{display:block;font-weight:600}\n"
	".field input[type=text],.field input[type=password],.field input[type=number],.field select,"
	".field textarea{font:inherit;padding:.35rem .5rem;border:2px solid var(--ink);border-radius:0;max-width:100%}\n"
	".field input[type=text],.field input[type=password],.field textarea{width:36rem}\n"
	".field input[type=number],.field input[name=varde],.field input[name=start],.field input[name=slut]{width:10rem}\n"
	".hint{margin:.1rem 0 .3rem;color:var(--muted)}\n"
	"p.source{color:var(--muted);font-size:.9rem}\n"
	".checks .check{margin:.2rem 0}.checks .check label{display:inline;font-weight:400;margin-left:.4rem}\n"
	".checks input[type=checkbox]{width:1.1rem;height:1.1rem;vertical-align:middle}\n"
	".field input,.field select,.field textarea{scroll-margin-top:7rem}\n"
	".field-invalid{border-left:4px solid var(--bad);padding-left:.75rem}\n"
	".field-invalid input,.field-invalid select,.field-invalid textarea{border-color:var(--bad)}\n"
	".field-error{color:var(--bad);font-weight:600;margin:.1rem 0 .3rem}\n"
	".error-summary{border:4px solid var(--bad);padding:.5rem 1rem;margin:1rem 0}\n"
	".error-summary h2,.error-summary h3{margin-top:.25rem;font-size:1.2rem}\n"
	"button{font:inherit;font-weight:600;padding:.45rem 1rem;border:2px solid var(--accent);"
	"background:var(--accent);color:#fff;cursor:pointer}\n"
	"button.secondary{background:#fff;color:var(--accent)}button.danger{background:var(--bad);border-color:var(--bad)}\n"
	"fieldset{border:1px solid var(--line);padding:.5rem 1rem;margin:1rem 0}legend{font-weight:700;padding:0 .25rem}\n"
	".notice{border-left:4px solid var(--good);background:#eef7ef;padding:.5rem .75rem}\n"
	".status{display:inline-block;padding:.1rem .5rem;border:2px solid var(--ink);font-weight:700}\n"
	".status-approved{border-color:var(--good);color:var(--good)}.status-returned{border-color:var(--bad);color:var(--bad)}\n"
	".suggest{background:var(--soft);padding:.5rem .75rem}\n"
	".goal-report{border-top:2px solid var(--line);margin-top:1.5rem}\n"
	".analysis,.pre{white-space:pre-line}\n"
	"dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.facts dd{margin:0}\n"
	".actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}\n"
	"td.date{white-space:nowrap}\n"
	".meets-yes{color:var(--good);font-weight:600}.meets-no{color:var(--bad);font-weight:600}\n"
	"ins{background:#e6f4ea;text-decoration:none}del{background:#fce8e6}\n"
	".md-left{text-align:left}.md-center{text-align:center}.md-right{text-align:right}\n"
	"pre.md-html{white-space:pre-wrap}.preview{border-top:2px solid var(--soft);margin-top:2rem}\n"
	"@media print{form.workflow,.edit-link,button{display:none}select,textarea,input{border:0}}\n";

int pf_query(struct http_req *r, struct rowset *rs, enum stmt s, const struct sval *args, int n)
{
	rowset_init(rs, &r->a);
	if (rowset_query(rs, r->st, s, args, n, &r->err) == LUP_OK)
		return 0;
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	page_error(r, 500, "Ett internt fel inträffade när sidan skulle läsas. Försök igen senare.");
	return -1;
}

const char *pf_s(const struct rowset *rs, int i, const char *col)
{
	return rowset_s(rs, i, col);
}

int64_t pf_i(const struct rowset *rs, int i, const char *col)
{
	return rowset_i(rs, i, col);
}

int pf_id_param(struct http_req *r, int i, enum stmt by_key, const char *what, int64_t *id)
{
	const char *p = r->params[i];
	char *end, msg[160];

	*id = 0;
	if (p && *p >= '0' && *p <= '9' && strlen(p) < 19) {
		*id = strtoll(p, &end, 10);
		if (*end)
			*id = 0;
	} else if (p && by_key != STMT__MAX && strlen(p) <= 200) {
		struct sval v = SVS(p);
		if (store_query_id(r->st, by_key, &v, 1, id, &r->err) != LUP_OK) {
			fprintf(stderr, "lup serve: %s: %s\n", r->path, r->err.msg);
			return page_error(r, 500, "Ett internt fel inträffade. Försök igen senare.");
		}
	}
	if (*id > 0)
		return 0;
	snprintf(msg, sizeof(msg), "Det finns %s med den adressen.", what);
	return page_error(r, 404, msg);
}

int pf_parse_year(const char *text, long *year)
{
	char *end;
	long y;

	if (!text)
		return -1;
	while (*text == ' ')
		text++;
	errno = 0;
	y = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (errno || end == text || *end || end - text > 6 || y < 1900 || y > 2999)
		return -1;
	*year = y;
	return 0;
}

int pf_year_arg(struct http_req *r, long def, long *year)
{
	const char *s = http_query(r, "ar");

	*year = def;
	if (!s || !*s)
		return 0;
	if (pf_parse_year(s, year) != 0)
		return page_error(r, 400, "Året i adressen (ar=) ska vara ett årtal med fyra siffror, till exempel 2022.");
	return 0;
}

int pf_may_write(const struct http_req *r, int64_t org)
{
	if (r->user.role == ROLE_ADMIN)
		return 1;
	return r->user.role == ROLE_EDITOR && org &&
	       (org == r->user.org_id || (r->user.org_pair && org == r->user.org_pair));
}

int pf_is_city(const struct http_req *r)
{
	return r->user.role == ROLE_CITY || r->user.role == ROLE_ADMIN;
}

int pf_forbidden(struct http_req *r, const char *owner_name)
{
	char msg[400];

	snprintf(msg, sizeof(msg), "Du har inte behörighet att ändra det här. Det ägs av %s, och du kan bara "
		 "ändra det som din egen organisation äger.", owner_name ? owner_name : "en annan organisation");
	return page_error(r, 403, msg);
}

int pf_goal_load(struct http_req *r, struct rowset *g, int write)
{
	int64_t id;
	int rc;

	if ((rc = pf_id_param(r, 0, STMT_GOAL_ID, "inget mål", &id)) != 0)
		return rc;
	struct sval arg = SVI(id);
	if (pf_query(r, g, STMT_WEB_FORMS_GOAL, &arg, 1) != 0)
		return r->status;
	/* a goal of a draft version is shown only to those who may read the draft */
	if (!g->nrows || (pf_s(g, 0, "version_status") && strcmp(pf_s(g, 0, "version_status"), "draft") == 0 &&
			  !authz_plan_draft_readable(&r->user, pf_i(g, 0, "owner_id"), pf_i(g, 0, "owner_pair"))))
		return page_error(r, 404, "Det finns inget mål med den adressen.");
	if (write && !pf_may_write(r, pf_i(g, 0, "owner_id")))
		return pf_forbidden(r, pf_s(g, 0, "owner_name"));
	return 0;
}

int pf_activity_load(struct http_req *r, struct rowset *a, int write)
{
	int64_t id;
	int rc;

	if ((rc = pf_id_param(r, 0, STMT_ACTIVITY_ID, "ingen aktivitet", &id)) != 0)
		return rc;
	struct sval arg = SVI(id);
	if (pf_query(r, a, STMT_WEB_FORMS_ACTIVITY, &arg, 1) != 0)
		return r->status;
	if (!a->nrows)
		return page_error(r, 404, "Det finns ingen aktivitet med den adressen.");
	if (write && !pf_may_write(r, pf_i(a, 0, "owner_id")))
		return pf_forbidden(r, pf_s(a, 0, "owner_name"));
	return 0;
}

/* add_lld: v in decimal, as "%lld" writes it, without printf. */
static void add_lld(struct buf *b, long long v)
{
	char d[24];
	int n = sizeof(d);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		d[--n] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		d[--n] = '-';
	buf_add(b, d + n, sizeof(d) - (size_t)n);
}

const char *pf_href(struct http_req *r, const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	const char *out;

	buf_init(&b, 4096);
	buf_reserve(&b, 256);	/* one allocation for the usual path, not one per growth */
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			html_url_arg(&b, va_arg(ap, const char *));
			p++;
		} else if (p[0] == '%' && strncmp(p + 1, "lld", 3) == 0) {
			add_lld(&b, va_arg(ap, long long));
			p += 3;
		} else {
			buf_addc(&b, *p);
		}
	}
	va_end(ap);
	out = arena_strndup(&r->a, b.ptr, b.len);
	buf_release(&b);
	return out;
}

const char *pf_printf(struct http_req *r, const char *fmt, ...)
{
	char text[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	return arena_strdup(&r->a, text);
}

const char *pf_num(struct http_req *r, double v)
{
	char num[64];
	int dec = 0;

	if (!isfinite(v))
		return "–";
	if (fabs(v - round(v)) > 1e-9)
		dec = fabs(v * 10 - round(v * 10)) > 1e-9 ? 2 : 1;
	if (model_fmt_num(v, dec, num, sizeof(num)) != 0)
		return "–";
	return arena_strdup(&r->a, num);
}

/* label: the Swedish label of code in the NULL-terminated pairs {code, label, ...}. */
static const char *label(const char *const *pairs, const char *code)
{
	if (!code)
		return "";
	for (int i = 0; pairs[i]; i += 2)
		if (strcmp(pairs[i], code) == 0)
			return pairs[i + 1];
	return code;
}

const char *pf_role_sv(int role)
{
	static const char *const names[ROLE__MAX] = { "anonym", "läsare", "redaktör", "stadsledningskontoret", "administratör" };
	return role >= 0 && role < ROLE__MAX ? names[role] : "";
}

const char *pf_report_status_sv(const char *status)
{
	static const char *const pairs[] = { "draft", "Utkast", "submitted", "Inskickad", "approved", "Godkänd",
					     "returned", "Returnerad", NULL };
	return label(pairs, status);
}

const char *pf_activity_status_sv(const char *status)
{
	return act_status_label(status);
}

const char *pf_level_sv(const char *level)
{
	static const char *const pairs[] = { "inriktningsmal", "inriktningsmål", "verksamhetsomradesmal",
					     "verksamhetsområdesmål", "namndmal", "nämndmål", "lup", "LUP-mål", NULL };
	return label(pairs, level);
}

const char *pf_sex_sv(const char *sex)
{
	static const char *const pairs[] = { "T", "Totalt", "K", "Kvinnor", "M", "Män", NULL };
	return label(pairs, sex);
}

const char *pf_direction_sv(const char *direction)
{
	static const char *const pairs[] = { "higher", "högre värde är bättre", "lower", "lägre värde är bättre",
					     "none", "värdet ska nås", NULL };
	return label(pairs, direction);
}

const char *pf_period_label(struct http_req *r, long year, const char *kind)
{
	return view_report_period_label(&r->a, year, kind);
}

void pf_thead(struct html *h, const char *const *labels)
{
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	for (int i = 0; labels[i]; i++) {
		int num = labels[i][0] == '#';
		html_elem(h, "th", labels[i] + num, "scope", "col", "class", num ? "num" : NULL, NULL);
	}
	html_close(h);
	html_close(h);
}

void pf_link(struct html *h, const char *href, const char *text)
{
	HTML_ELEM_A(h, "a", "href", href, text);
}

void pf_dl_row(struct html *h, const char *term, const char *value)
{
	html_elem(h, "dt", term, NULL);
	html_elem(h, "dd", value && *value ? value : "–", NULL);
}

void pf_paragraphs(struct http_req *r, struct html *h, const char *text, const char *cls)
{
	const char *p = text, *blank;
	size_t n;

	while (p && *p) {
		while (*p == '\n')
			p++;
		if (!*p)
			break;
		blank = strstr(p, "\n\n");
		n = blank ? (size_t)(blank - p) : strlen(p);
		html_elem(h, "p", arena_strndup(&r->a, p, n), "class", cls, NULL);
		p += n;
	}
}

void pf_notice(struct html *h, const char *text)
{
	html_elem(h, "p", text, "class", "notice", "role", "status", NULL);
}

/* field_sv: the row of t for the API's field name, or NULL. */
static const struct pf_field_sv *field_sv(const struct pf_field_sv *t, const char *api)
{
	for (const struct pf_field_sv *f = t; f->api; f++)
		if (strcmp(f->api, api) == 0)
			return f;
	return NULL;
}

void pf_violations_sv(struct http_req *r, const struct api_violations *v, const struct pf_field_sv *t,
		      struct form_errors *e)
{
	for (int i = 0; i < v->n; i++) {
		const struct pf_field_sv *f = field_sv(t, v->field[i]);
		const char *form = f ? f->form : t[0].form;

		if (form_error_of(e, form))
			continue;
		if (!f)
			form_error(r, e, form, "Uppgifterna kunde inte sparas (%s: %s).", v->field[i], v->msg[i]);
		else if (v->rule[i] == API_RULE_REQUIRED && f->required)
			form_error(r, e, form, "%s", f->required);
		else if (v->rule[i] == API_RULE_TOO_LONG && f->label)
			form_error(r, e, form, "%s får vara högst %s tecken.", f->label, pf_num(r, (double)v->limit[i]));
		else if (v->rule[i] == API_RULE_ORDER)
			form_error(r, e, form, "Slutet ligger före starten.");
		else if (v->rule[i] == API_RULE_LEVEL)
			form_error(r, e, form, "Ett nämndmål kan bara ligga under ett av kommunfullmäktiges mål "
				   "(ett inriktningsmål eller ett verksamhetsområdesmål).");
		else
			form_error(r, e, form, "%s", f->invalid ? f->invalid : f->required ? f->required : "Fältet har ett ogiltigt värde.");
	}
}

void pf_notice_done(struct http_req *r, struct html *h, const char *what)
{
	const char *k = http_query(r, "klart");

	if (!k)
		return;
	if (strcmp(k, "ny") == 0 && what)
		pf_notice(h, what);
	else if (strcmp(k, "ny-aktivitet") == 0)
		pf_notice(h, "Aktiviteten är tillagd.");
	else if (strcmp(k, "ny-indikator") == 0)
		pf_notice(h, "Indikatorn är tillagd.");
	else if (strcmp(k, "borttagen") == 0)
		pf_notice(h, "Aktiviteten är borttagen.");
	else if (strcmp(k, "mal-borttaget") == 0)
		pf_notice(h, "Målet är borttaget.");
	else if (strcmp(k, "arsskifte") == 0)
		pf_notice(h, "Nästa års verksamhetsplan är skapad som utkast. Den visas inte för allmänheten förrän den är antagen.");
	else
		pf_notice(h, "Ändringarna är sparade.");
}
