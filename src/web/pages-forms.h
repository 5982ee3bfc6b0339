/* pages-forms.h: the 'forms' section of the web pages: logging in, the account, the follow-up
 * reports (list, one report with its assessments and workflow), the editing forms of goals,
 * indicators and activities, and the history of a thing. Its handlers and the helpers its page
 * files share. Every page writes through the HTML writer; every write goes through the API's
 * rules (authz_org, one transaction with its audit entry). */
#ifndef LUP_PAGES_FORMS_H
#define LUP_PAGES_FORMS_H

#include <stdint.h>

#include "model/assess.h"
#include "model/target.h"
#include "render/rows.h"
#include "view/report.h"
#include "web/form.h"
#include "web/page.h"

/* Handlers. */
int page_login(struct http_req *r);		/* GET /logga-in[?till=PATH] */
int page_login_post(struct http_req *r);	/* POST /logga-in (form) */
int page_logout_post(struct http_req *r);	/* POST /logga-ut (form) */
int page_account(struct http_req *r);		/* GET /konto[?klart=losenord] */
int page_account_password_post(struct http_req *r);	/* POST /konto/losenord */
int page_reports(struct http_req *r);		/* GET /uppfoljning[?ar=YYYY] */
int page_reports_post(struct http_req *r);	/* POST /uppfoljning: start a report */
int page_report(struct http_req *r);		/* GET /uppfoljning/{id} */
int page_report_post(struct http_req *r);	/* POST /uppfoljning/{id}: assessments, forecast */
int page_report_submit(struct http_req *r);	/* POST /uppfoljning/{id}/skicka-in */
int page_report_approve(struct http_req *r);	/* POST /uppfoljning/{id}/godkann */
int page_report_delete(struct http_req *r);	/* POST /uppfoljning/{id}/ta-bort */
int page_report_return(struct http_req *r);	/* POST /uppfoljning/{id}/returnera */
int page_report_decision(struct http_req *r);	/* POST /uppfoljning/{id}/beslut */
int page_reports_setting(struct http_req *r);	/* POST /uppfoljning/installningar */
int page_goal(struct http_req *r);		/* GET /mal/{key} */
int page_goal_edit(struct http_req *r);		/* GET /mal/{key}/redigera */
int page_goal_edit_post(struct http_req *r);	/* POST /mal/{key}/redigera */
int page_indicator(struct http_req *r);		/* GET /indikator/{key}[?ar=YYYY] */
int page_indicator_edit(struct http_req *r);	/* GET /indikator/{key}/redigera[?ar=YYYY] */
int page_indicator_edit_post(struct http_req *r);	/* POST /indikator/{key}/redigera */
int page_activity(struct http_req *r);		/* GET /aktivitet/{id} */
int page_activity_edit(struct http_req *r);	/* GET /aktivitet/{id}/redigera */
int page_activity_edit_post(struct http_req *r);	/* POST /aktivitet/{id}/redigera */
int page_history(struct http_req *r);		/* GET /historik/{entity}/{id} */
int page_goal_new(struct http_req *r);		/* GET /organisation/{key}/nytt-mal[?ar=YYYY] */
int page_goal_new_post(struct http_req *r);	/* POST /organisation/{key}/nytt-mal */
int page_indicator_new(struct http_req *r);	/* GET /mal/{key}/ny-indikator */
int page_indicator_new_post(struct http_req *r);	/* POST /mal/{key}/ny-indikator */
int page_activity_new(struct http_req *r);	/* GET /mal/{key}/ny-aktivitet */
int page_activity_new_post(struct http_req *r);	/* POST /mal/{key}/ny-aktivitet */
int page_goal_delete(struct http_req *r);		/* GET /mal/{key}/ta-bort: the question */
int page_goal_delete_post(struct http_req *r);		/* POST /mal/{key}/ta-bort */
int page_goal_move_post(struct http_req *r);		/* POST /mal/{key}/flytta */
int page_org_rollover_post(struct http_req *r);		/* POST /organisation/{key}/arsskifte */
int page_activity_delete(struct http_req *r);	/* GET /aktivitet/{id}/ta-bort: the question */
int page_activity_delete_post(struct http_req *r);	/* POST /aktivitet/{id}/ta-bort */
/* A draft plan version's themes and prioritised areas (page-plan-themes.c, page-plan-areas.c). */
int page_pv_themes(struct http_req *r);		/* GET /plan/{key}/version/{n}/teman */
int page_pv_themes_post(struct http_req *r);	/* POST /plan/{key}/version/{n}/teman: a new theme */
int page_pv_themes_order(struct http_req *r);	/* POST .../teman/ordning: tema, riktning upp|ned */
int page_pv_theme(struct http_req *r);		/* GET .../teman/{id} */
int page_pv_theme_post(struct http_req *r);	/* POST .../teman/{id} */
int page_pv_theme_remove(struct http_req *r);	/* POST .../teman/{id}/ta-bort: flytta_till */
int page_pv_areas(struct http_req *r);		/* GET /plan/{key}/version/{n}/omraden */
int page_pv_areas_post(struct http_req *r);	/* POST /plan/{key}/version/{n}/omraden */
int page_plan_section(struct http_req *r);	/* GET /plan/{key}/version/{n}/avsnitt/{ord} */
int page_plan_section_post(struct http_req *r);	/* POST /plan/{key}/version/{n}/avsnitt/{ord} */
int page_pv_measures(struct http_req *r);	/* GET /plan/{key}/version/{n}/atgarder */
int page_pv_measures_post(struct http_req *r);	/* POST .../atgarder: a new measure */
int page_pv_measure(struct http_req *r);	/* GET .../atgarder/{id} */
int page_pv_measure_post(struct http_req *r);	/* POST .../atgarder/{id} */
int page_pv_measure_remove(struct http_req *r);	/* POST .../atgarder/{id}/ta-bort */
int page_pv_partners(struct http_req *r);	/* GET /plan/{key}/version/{n}/parter */
int page_pv_partners_post(struct http_req *r);	/* POST .../parter: a new partner */
int page_pv_partner_post(struct http_req *r);	/* POST .../parter/{id}: grupp-ID, namn-ID */
int page_pv_partner_remove(struct http_req *r);	/* POST .../parter/{id}/ta-bort */
int page_pv_goals(struct http_req *r);		/* GET /plan/{key}/version/{n}/mal */
int page_pv_goals_post(struct http_req *r);	/* POST /plan/{key}/version/{n}/mal: a new goal */
int page_pv_goal(struct http_req *r);		/* GET .../mal/{id} */
int page_pv_goal_post(struct http_req *r);	/* POST .../mal/{id} */
int page_pv_goal_delete(struct http_req *r);	/* GET .../mal/{id}/ta-bort: the question */
int page_pv_goal_delete_post(struct http_req *r);	/* POST .../mal/{id}/ta-bort */

/* Limits of the fields, the same as the API's. */
#define PF_MAX_TEXT 20000	/* descriptions, analyses, forecasts, comments */

/* --- helpers shared by the section's files (pages-forms.c) ------------------------------- */

/*
 * pf_query: appends the rows of statement s to rs (initialised here from the request arena).
 * Returns 0, or answers the Swedish 500 page (the database's message goes to the server log
 * only) and returns -1: the caller then returns r->status.
 */
int pf_query(struct http_req *r, struct rowset *rs, enum stmt s, const struct sval *args, int n);

/* pf_s: the text of column col in row i (NULL when NULL, no such row or column). */
const char *pf_s(const struct rowset *rs, int i, const char *col);

/* pf_i: column col of row i as an integer (0 when NULL). */
int64_t pf_i(const struct rowset *rs, int i, const char *col);

/*
 * pf_id_param: the route's param i as an id: a number, or a key resolved through by_key (a
 * lookup statement (key) -> id; STMT__MAX: numbers only). Answers the Swedish 404 page "Det
 * finns WHAT med den adressen." (what: "inget mål") and returns 404 when nothing matches;
 * returns 0 with *id set.
 */
int pf_id_param(struct http_req *r, int i, enum stmt by_key, const char *what, int64_t *id);

/*
 * pf_year_arg: the optional query argument ?ar=YYYY: 0 with *year set (def when not given),
 * or the Swedish 400 page and its status for anything but a year 1900-2999.
 */
int pf_year_arg(struct http_req *r, long def, long *year);

/* pf_parse_year: text as a year 1900-2999 (surrounding white space allowed): 0, else -1. */
int pf_parse_year(const char *text, long *year);

/* pf_may_write: may the caller write data owned by organisation org? The same rule as
 * authz_org (admin; an editor of org or of its pair), without answering anything. */
int pf_may_write(const struct http_req *r, int64_t org);

/* pf_is_city: the caller is the city office or an administrator (approves reports). */
int pf_is_city(const struct http_req *r);

/* pf_forbidden: the Swedish 403 page for a thing owned by owner_name (may be NULL). */
int pf_forbidden(struct http_req *r, const char *owner_name);

/* pf_activity_load: the activity of the route's first parameter (id or key) into *a
 * (STMT_WEB_FORMS_ACTIVITY); with write, also the caller's right to change it. Returns 0, or the
 * status of the Swedish error page it answered (404 unknown, 403 not the caller's). */
int pf_activity_load(struct http_req *r, struct rowset *a, int write);

/* pf_goal_load: the goal of the route's first parameter (id or key) into *g
 * (STMT_WEB_FORMS_GOAL); with write, also the caller's right to change what its owner owns.
 * Returns 0, or the status of the Swedish error page it answered (404, 403). */
int pf_goal_load(struct http_req *r, struct rowset *g, int write);

/* pf_href: printf-style path "/a/%s/b" with each %s argument percent-encoded, in the arena.
 * Only %s and %lld are understood. */
const char *pf_href(struct http_req *r, const char *fmt, ...);

/* pf_printf: printf-formatted text in the arena (plain text: the writer escapes it when it is
 * written; at most 4 kB, cut beyond). */
const char *pf_printf(struct http_req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* pf_num: v the Swedish way with as few decimals as it needs (at most 2), in the arena;
 * "–" for a value that cannot be written. */
const char *pf_num(struct http_req *r, double v);

/* Swedish labels of stored codes (static strings; the code itself when unknown, "" for NULL). */
const char *pf_role_sv(int role);			/* "redaktör" */
const char *pf_report_status_sv(const char *status);	/* "Utkast", "Inskickad", ... */
const char *pf_activity_status_sv(const char *status);	/* "Planerad", "Pågår", ... */
const char *pf_level_sv(const char *level);		/* "nämndmål" */
const char *pf_sex_sv(const char *sex);			/* "Totalt", "Kvinnor", "Män" */
const char *pf_direction_sv(const char *direction);	/* "högre är bättre" */

/* pf_period_label: "Tertialrapport 1 2022" for year and kind ("T1", "T2", "FY"), in the arena. */
const char *pf_period_label(struct http_req *r, long year, const char *kind);

/* pf_thead: <thead> with one <th scope="col"> per label of the NULL-terminated list; a label
 * starting with '#' is a number column (class num; the '#' is not shown). */
void pf_thead(struct html *h, const char *const *labels);

/* pf_link: <a href=href>text</a>. */
void pf_link(struct html *h, const char *href, const char *text);

/* pf_dl_row: a <dt>term</dt><dd>value</dd> pair ("–" when value is NULL or empty). */
void pf_dl_row(struct html *h, const char *term, const char *value);

/* pf_paragraphs: text as paragraphs (blank lines split them; single newlines are kept by the
 * stylesheet's pre-line) with class cls (may be NULL). */
void pf_paragraphs(struct http_req *r, struct html *h, const char *text, const char *cls);

/* pf_notice: a status message (role="status") with class "notice". */
void pf_notice(struct html *h, const char *text);

/* One field of a form that creates a thing through api-create.h: the API's field it feeds and
 * the Swedish messages for its broken rules. */
struct pf_field_sv {
	const char *api;	/* the API's field name ("name"); NULL ends a table */
	const char *form;	/* the form's field name ("namn") */
	const char *required;	/* "Skriv målets namn." */
	const char *label;	/* for a text that is too long: "Namnet" (får vara högst N tecken) */
	const char *invalid;	/* any other broken rule: "Välj en status i listan." */
};

struct api_violations;

/*
 * pf_violations_sv: the broken rules of v as Swedish messages at the form's fields of table t
 * (an end before the start and a goal under the wrong level have their own sentences); a rule
 * of a field the table lacks is reported at the table's first field.
 */
void pf_violations_sv(struct http_req *r, const struct api_violations *v, const struct pf_field_sv *t,
		      struct form_errors *e);

/* pf_notice_done: the notice of ?klart= on a goal's, indicator's or activity's page: ny,
 * ny-aktivitet, borttagen, else "Ändringarna är sparade." (nothing without ?klart=). */
void pf_notice_done(struct http_req *r, struct html *h, const char *what);

/* --- the follow-up report (page-report-model.c) ------------------------------------------ */

/* The report's view (struct view_report and its goals, indicators and activities) is
 * view/report.h's; the pages render it. */

/*
 * pf_report_load: the report id with its nämndmål, each with its indicators judged against
 * their targets for the period (model_outcome_meets_target) and the suggested assessment
 * (model_assess_suggest), its activities and its stored assessment. The head only (no goals)
 * when goals is 0. Returns 0 with *found set (0: no such report), or answers the 500 page
 * and returns -1.
 */
int pf_report_load(struct http_req *r, int64_t id, int goals, struct view_report *rep, int *found);

/* pf_report_load_body: the rest of rep (goals, activities, history), whose head pf_report_load
 * read with goals 0 (view_report_load_body). Returns 0, or answers the 500 page and returns -1. */
int pf_report_load_body(struct http_req *r, struct view_report *rep);

/* pf_report_visible: may the caller read the report? The one rule of authz_report_readable
 * (web/authz.h): approved reports everyone; otherwise the city office and administrators, and
 * readers and editors of the report's organisation (or its pair). */
int pf_report_visible(const struct http_req *r, const struct view_report *rep);

/* pf_report_editable: the caller may change the report's assessments and forecast now
 * (a draft or returned report of an organisation it may write for). */
int pf_report_editable(const struct http_req *r, const struct view_report *rep);

/* pf_report_carried_sv: the mark of a row carried over from the year's previous report and not
 * edited since: "Överfört från tertialrapport 1" (T2) or "... tertialrapport 2" (VB). */
const char *pf_report_carried_sv(const struct view_report *rep);

/* --- the activities of a report (page-report-activities.c) ------------------------------ */

/* pf_report_goal_activities: in a goal's section, how many of the report's activities belong
 * to the goal and their statuses in the report, with a link to them in the Aktiviteter part. */
void pf_report_goal_activities(struct http_req *r, struct html *h, const struct view_report *rep,
			       const struct view_report_goal *g);

/*
 * pf_report_activities: the Aktiviteter part of the report page: per goal the activities with
 * their status in the report and its comment; when editable, one form per goal (at most
 * PF_ACTS_PER_FORM activities each, within the form parser's field cap) with a status list and
 * a comment per activity, posting to POST /uppfoljning/{id}. f and e as for pf_report_render;
 * the group named by the query argument ?grupp= gets the notice (may be NULL).
 */
void pf_report_activities(struct http_req *r, struct html *h, const struct view_report *rep, int editable,
			  const struct form *f, const struct form_errors *e, const char *notice);

#define PF_ACTS_PER_FORM 100

/* pf_report_activities_check: the form's activity statuses and comments against the report
 * (a status of the list, a comment of at most PF_MAX_TEXT bytes); fills e. */
void pf_report_activities_check(struct http_req *r, const struct view_report *rep, const struct form *f,
				struct form_errors *e);

/* pf_report_activities_in: the form's activity statuses and comments that differ from what the
 * report holds (an activity whose status field was not sent is left alone; "rensa-ID" clears
 * what the report records for it), as input of report_save, into *out (arena); returns their
 * number. */
struct report_act_in;
int pf_report_activities_in(struct http_req *r, const struct view_report *rep, const struct form *f,
			    struct report_act_in **out);

/* pf_report_path_id: prefix followed by id in decimal ("/aktivitet/17"), in r's arena: what
 * pf_href(r, "PREFIX%lld", id) returns, without its buffer (the report page writes 150-300 such
 * links). */
const char *pf_report_path_id(struct http_req *r, const char *prefix, int64_t id);
/* pf_report_path_key: prefix followed by key percent-encoded as a path segment
 * ("/indikator/x-1"): what pf_href(r, "PREFIX%s", key) returns; a key of unreserved bytes only
 * (the usual) is copied without pf_href's buffer. */
const char *pf_report_path_key(struct http_req *r, const char *prefix, const char *key);

/* pf_report_activities_group: the anchor ("aktiviteter-mal-16", "aktiviteter-utan-mal") of the
 * group of activity i, in the arena. */
const char *pf_report_activities_group(struct http_req *r, const struct view_report_activity *a);

/*
 * pf_report_render: the report page with status. When f is given the form's values are shown
 * instead of the stored ones (a form sent back with the errors in e); notice (may be NULL) is
 * a status message at the top. Returns the status.
 */
int pf_report_render(struct http_req *r, const struct view_report *rep, const struct form *f,
		     const struct form_errors *e, const char *notice, int status);

/* Contributions of other organisations to a district's LUP (page-contribution.c). */
int page_contribution_new(struct http_req *r);		/* GET /stadsdel/{key}/bidrag/nytt */
int page_contribution_new_post(struct http_req *r);	/* POST /stadsdel/{key}/bidrag/nytt */
int page_contribution(struct http_req *r);		/* GET /stadsdel/{key}/bidrag/{id} */
int page_contribution_post(struct http_req *r);		/* POST /stadsdel/{key}/bidrag/{id} */
int page_contribution_remove(struct http_req *r);	/* POST /stadsdel/{key}/bidrag/{id}/ta-bort */

#endif
