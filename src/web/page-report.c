/* page-report.c: GET /uppfoljning/{id}: one follow-up report (T1, T2, VB). Per nämndmål the
 * suggested assessment with its rule, the indicators' outcomes against their targets, a count
 * of its activities and the committee's own assessment and analysis (a form while the report
 * is a draft or returned and the caller may write for its organisation); the forecast; the
 * activities with their status in the report (page-report-activities.c); the status and its
 * history; the workflow buttons for those who may use them. */
#include "web/download.h"
#include "web/pages-forms.h"
#include "web/report-revisions.h"
#include "core/buf.h"
#include "edit/report.h"

#include <stdio.h>
#include <string.h>

static const char *const assess_values[] = { "none", "fulfilled", "partly", "not", NULL };
static const char *const assess_labels[] = { "Ej bedömt", "Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", NULL };

static const char *assess_label(const char *v)
{
	for (int i = 0; assess_values[i]; i++)
		if (v && strcmp(v, assess_values[i]) == 0)
			return assess_labels[i];
	return "Ej bedömt";
}

static const char *field_name(struct http_req *r, const char *prefix, int64_t id)
{
	char name[64];

	snprintf(name, sizeof(name), "%s-%lld", prefix, (long long)id);
	return arena_strdup(&r->a, name);
}

/* value: the form's value of name when a form is shown again and sent it, else the stored one
 * (the page has several forms: a post sends the fields of one). */
static const char *value(const struct form *f, const char *name, const char *stored)
{
	const char *v = f ? form_get(f, name) : NULL;

	return v ? v : stored;
}

const char *pf_report_carried_sv(const struct view_report *rep)
{
	return rep->kind && strcmp(rep->kind, "FY") == 0 ? "Överfört från tertialrapport 2" :
							   "Överfört från tertialrapport 1";
}

static const char *step_sv(const char *step)
{
	static const char *const pairs[] = { "created", "Skapad", "submitted", "Inskickad", "returned",
		"Returnerad med kommentar", "approved", "Godkänd", "decision", "Nämndens beslut registrerat",
		"reopened", "Öppnad igen", NULL };

	for (int i = 0; step && pairs[i]; i += 2)
		if (strcmp(step, pairs[i]) == 0)
			return pairs[i + 1];
	return step ? step : "";
}

/* history: every step of the report (report_event), oldest first, in local time. */
static void history(struct http_req *r, struct html *h, const struct view_report *rep)
{
	html_elem(h, "h3", "Historik", NULL);
	if (!rep->nevents) {
		html_elem(h, "p", "Rapporten har ingen historik ännu.", "class", "hint", NULL);
		return;
	}
	html_open(h, "ol", "class", "report-history", NULL);
	for (int i = 0; i < rep->nevents; i++) {
		const struct view_report_event *x = &rep->events[i];
		html_open(h, "li", NULL);
		html_elem(h, "strong", step_sv(x->step), NULL);
		html_textf(h, " %s av %s", page_time(r, x->at), x->user ? x->user : "okänd användare");
		if (x->meeting_date)
			html_textf(h, ": sammanträdet %s, %s", page_time(r, x->meeting_date), x->paragraph ? x->paragraph : "");
		if (x->comment) {
			html_elem(h, "span", ". Kommentar:", "class", "visually-hidden", NULL);
			pf_paragraphs(r, h, x->comment, "pre");
		}
		html_close(h);
	}
	html_close(h);
}

static void status_head(struct http_req *r, struct html *h, const struct view_report *rep)
{
	char cls[64];

	snprintf(cls, sizeof(cls), "status status-%s", rep->status ? rep->status : "draft");
	html_open(h, "p", NULL);
	html_text(h, "Status: ");
	html_elem(h, "span", pf_report_status_sv(rep->status), "class", cls, NULL);
	html_close(h);
	html_elem(h, "h2", "Status och historik", NULL);
	html_open(h, "dl", "class", "facts", NULL);
	html_elem(h, "dt", "Organisation", NULL);
	html_open(h, "dd", NULL);
	pf_link(h, pf_href(r, "/organisation/%s", rep->org_key), rep->org_name);
	html_close(h);
	pf_dl_row(h, "Period", rep->label);
	pf_dl_row(h, "Status", pf_report_status_sv(rep->status));
	if (rep->submitted_at) {
		html_elem(h, "dt", "Inskickad", NULL);
		html_open(h, "dd", NULL);
		html_textf(h, "%s av %s", page_time(r, rep->submitted_at), rep->submitted_by ? rep->submitted_by : "okänd användare");
		html_close(h);
	}
	if (rep->decided_at) {
		html_elem(h, "dt", strcmp(rep->status, "approved") == 0 ? "Godkänd" : "Beslut", NULL);
		html_open(h, "dd", NULL);
		html_textf(h, "%s av %s", page_time(r, rep->decided_at), rep->decided_by ? rep->decided_by : "okänd användare");
		html_close(h);
	}
	if (rep->comment) {
		html_elem(h, "dt", "Senaste kommentar från stadsledningskontoret", NULL);
		html_open(h, "dd", NULL);
		pf_paragraphs(r, h, rep->comment, "pre");
		html_close(h);
	}
	html_elem(h, "dt", "Nämndens beslut", NULL);
	html_open(h, "dd", NULL);
	if (rep->decision_date)
		html_textf(h, "Sammanträdet %s, %s", page_time(r, rep->decision_date),
			   rep->decision_paragraph ? rep->decision_paragraph : "");
	else
		html_text(h, "Inte registrerat");
	html_close(h);
	html_close(h);
	history(r, h, rep);
	if (r->user.id) {
		html_open(h, "p", NULL);
		pf_link(h, pf_href(r, "/historik/rapport/%lld", (long long)rep->id), "Rapportens hela historik");
		html_close(h);
	}
}

/* indicator_row: one indicator's row: two templates (its head and figures, in the variant with or
 * without the KF goal's hint; its judgement, with or without the example data's hint), not four
 * or five writer calls */
static void indicator_row(struct http_req *r, struct html *h, const struct view_report_indicator *in)
{
	const char *value = in->has_value ? pf_num(r, in->value) : "saknas";
	const char *sep = in->has_value && in->unit ? " " : NULL;
	const char *href = pf_report_path_key(r, "/indikator/", in->key);
	const char *target = in->target ? in->target : "–", *kf = in->kf_target ? in->kf_target : "–";
	const char *unit = sep ? in->unit : NULL;

#define ROW_HEAD "<tr><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE "</a>"
#define ROW_FIGS "</th><td>" HTML_HOLE "</td><td>" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE HTML_HOLE HTML_HOLE
#define ROW_EX "<span class=\"hint\"> (exempeldata)</span>"
#define ROW_YES "</td><td class=\"meets-yes\">Når målet</td></tr>"
#define ROW_NO "</td><td class=\"meets-no\">Når inte målet</td></tr>"
#define ROW_WHY "</td><td>Kan inte bedömas: " HTML_HOLE "</td></tr>"
	if (!in->on_goal)
		HTML_TPL(h, ROW_HEAD "<span class=\"hint\"> (följs upp under KF:s mål)</span>" ROW_FIGS, href, in->name, target,
			 kf, value, sep, unit);
	else
		HTML_TPL(h, ROW_HEAD ROW_FIGS, href, in->name, target, kf, value, sep, unit);
	if (in->has_value && in->example) {
		if (in->meets == MODEL_MEETS_YES)
			HTML_TPL0(h, ROW_EX ROW_YES);
		else if (in->meets == MODEL_MEETS_NO)
			HTML_TPL0(h, ROW_EX ROW_NO);
		else
			HTML_TPL(h, ROW_EX ROW_WHY, in->why ? in->why : "okänt");
	} else if (in->meets == MODEL_MEETS_YES) {
		HTML_TPL0(h, ROW_YES);
	} else if (in->meets == MODEL_MEETS_NO) {
		HTML_TPL0(h, ROW_NO);
	} else {
		HTML_TPL(h, ROW_WHY, in->why ? in->why : "okänt");
	}
#undef ROW_HEAD
#undef ROW_FIGS
#undef ROW_EX
#undef ROW_YES
#undef ROW_NO
#undef ROW_WHY
}

static void indicators(struct http_req *r, struct html *h, const struct view_report *rep, const struct view_report_goal *g)
{
	if (!g->ninds) {
		html_elem(h, "p", "Inga indikatorer är kopplade till målet.", NULL);
		return;
	}
	HTML_TPL(h, "<table><caption>Indikatorer: utfall för " HTML_HOLE " i " HTML_HOLE "</caption><thead><tr>"
		 "<th scope=\"col\">Indikator</th><th scope=\"col\">Årsmål</th><th scope=\"col\">KF:s årsmål</th>"
		 "<th scope=\"col\" class=\"num\">Utfall</th><th scope=\"col\">Jämfört med målet</th></tr></thead><tbody>",
		 rep->label, rep->area_name ? rep->area_name : "staden");
	for (int i = 0; i < g->ninds; i++)
		indicator_row(r, h, &g->inds[i]);
	HTML_TPL0(h, "</tbody></table>");
}

static void assessment(struct http_req *r, struct html *h, const struct view_report *rep,
		       const struct view_report_goal *g, int editable, const struct form *f, const struct form_errors *e)
{
	const char *bname, *aname, *suggested;
	char hint[300];

	if (!editable) {
		HTML_TPL(h, "<p>Nämndens bedömning: <strong>" HTML_HOLE "</strong></p>", assess_label(g->assessment));
		if (g->assessed && strcmp(g->assessment, "none") == 0 && g->analysis && *g->analysis)
			html_elem(h, "p", "Varför målet inte bedöms:", NULL);
		if (g->analysis && *g->analysis)
			pf_paragraphs(r, h, g->analysis, "analysis");
		else
			html_elem(h, "p", "Ingen analys är skriven.", "class", "hint", NULL);
		if (g->carried)
			html_elem(h, "p", pf_report_carried_sv(rep), "class", "carried", NULL);
		return;
	}
	bname = field_name(r, "bedomning", g->id);
	aname = field_name(r, "analys", g->id);
	suggested = model_assess_label_sv(g->suggest);
	html_open(h, "fieldset", NULL);
	html_open(h, "legend", NULL);
	html_textf(h, "Nämndens bedömning av ”%s”", g->name ? g->name : "");
	html_close(h);
	form_select(h, e, bname, "Bedömning", assess_values, assess_labels,
		    value(f, bname, g->assessment), NULL);
	snprintf(hint, sizeof(hint), "Beskriv utvecklingen och vad den beror på. Förslaget är %s: väljer du en "
		 "annan bedömning måste du motivera den här. Väljer du Ej bedömt skriver du här varför. En motivering "
		 "har minst 10 bokstäver eller siffror.", suggested);
	form_textarea(h, e, aname, "Analys", value(f, aname, g->analysis), hint, 5);
	if (g->carried)
		html_elem(h, "p", pf_report_carried_sv(rep), "class", "carried", NULL);
	html_close(h);
}

/* goal_section: goal g's section, left open for its indicators, activities and assessment; its
 * heading and suggestion as one template (was 11 writer calls, a printf and a link buffer). */
static void goal_section(struct http_req *r, struct html *h, const struct view_report *rep, const struct view_report_goal *g,
			 int editable, const struct form *f, const struct form_errors *e)
{
	const char *num = g->number && *g->number ? g->number : NULL;

	HTML_TPL(h, "<section class=\"goal-report\" id=\"" HTML_HOLE "\"><h3>" HTML_HOLE HTML_HOLE HTML_HOLE "<a href=\""
		 HTML_HOLE "\">" HTML_HOLE "</a></h3><p class=\"suggest\"><strong>Förslag: </strong>" HTML_HOLE ". Regel: "
		 HTML_HOLE ".</p>",
		 pf_report_path_id(r, "mal-", g->id), num ? "Nämndmål " : "Nämndmål: ", num, num ? ": " : NULL,
		 pf_report_path_key(r, "/mal/", g->key), g->name, model_assess_label_sv(g->suggest), g->why);
	indicators(r, h, rep, g);
	pf_report_goal_activities(r, h, rep, g);
	assessment(r, h, rep, g, editable, f, e);
	html_close(h);
}

static void forecast(struct http_req *r, struct html *h, const struct view_report *rep, int editable,
		     const struct form *f, const struct form_errors *e)
{
	html_elem(h, "h2", "Prognos för helåret", NULL);
	if (editable) {
		form_textarea(h, e, "prognos", "Prognos", value(f, "prognos", rep->forecast),
			      "Hur bedömer nämnden att helåret kommer att sluta, för verksamheten och ekonomin?", 5);
		return;
	}
	if (rep->forecast && *rep->forecast)
		pf_paragraphs(r, h, rep->forecast, "analysis");
	else
		html_elem(h, "p", "Ingen prognos är skriven.", "class", "hint", NULL);
}

static const char *status_text(const char *status)
{
	if (strcmp(status, "draft") == 0)
		return "Rapporten är ett utkast. När bedömningarna är klara skickar nämnden in den till stadsledningskontoret.";
	if (strcmp(status, "submitted") == 0)
		return "Rapporten är inskickad och väntar på stadsledningskontorets beslut.";
	if (strcmp(status, "approved") == 0)
		return "Rapporten är godkänd. Den är låst och kan inte längre ändras.";
	return "Rapporten är returnerad med en kommentar. Nämnden kan ändra den och skicka in den igen.";
}

/* decision_form: the form that records the committee's decision, for those who may write for the
 * report's organisation when the setting committee_decision allows it in the report's status;
 * returns 1 when shown. */
static int decision_form(struct http_req *r, struct html *h, const struct view_report *rep, const struct form_errors *e,
			 const struct form *f)
{
	char setting[16];
	int draft = strcmp(rep->status, "draft") == 0 || strcmp(rep->status, "returned") == 0;

	if (!r->user.id || !pf_may_write(r, rep->org) ||
	    report_committee_setting(r->st, setting, sizeof(setting), &r->err) != LUP_OK)
		return 0;
	if ((strcmp(setting, "before") == 0 && !draft) ||
	    (strcmp(setting, "after") == 0 && strcmp(rep->status, "approved") != 0))
		return 0;
	html_elem(h, "h3", "Nämndens beslut", NULL);
	html_elem(h, "p", strcmp(setting, "before") == 0 ? "Registrera sammanträdet där nämnden antog rapporten. Det "
		  "krävs innan rapporten skickas in." : "Registrera sammanträdet där nämnden antog rapporten.", NULL);
	html_open(h, "form", "class", "workflow", "method", "post",
		  "action", pf_href(r, "/uppfoljning/%lld/beslut", (long long)rep->id), NULL);
	form_csrf_field(r, h);
	form_input(h, e, "beslut-datum", "Sammanträdets datum", "date",
		   value(f, "beslut-datum", rep->decision_date), "ÅÅÅÅ-MM-DD", NULL);
	form_input(h, e, "beslut-paragraf", "Paragraf i protokollet", "text",
		   value(f, "beslut-paragraf", rep->decision_paragraph), "Till exempel § 12.", NULL);
	form_button(h, "Registrera nämndens beslut", "secondary");
	html_close(h);
	return 1;
}

static void workflow(struct http_req *r, struct html *h, const struct view_report *rep, const struct form_errors *e,
		     const struct form *f)
{
	int submit = pf_report_editable(r, rep), decide = pf_is_city(r) && strcmp(rep->status, "submitted") == 0;

	html_elem(h, "h2", "Arbetsflöde", NULL);
	html_elem(h, "p", status_text(rep->status), NULL);
	if (submit) {
		html_open(h, "form", "class", "workflow", "method", "post",
			  "action", pf_href(r, "/uppfoljning/%lld/skicka-in", (long long)rep->id), NULL);
		form_csrf_field(r, h);
		html_elem(h, "p", "Spara dina ändringar innan du skickar in rapporten.", "class", "hint", NULL);
		form_button(h, "Skicka in", NULL);
		html_close(h);
	}
	if (submit && strcmp(rep->status, "draft") == 0) {
		html_open(h, "form", "class", "workflow", "method", "post",
			  "action", pf_href(r, "/uppfoljning/%lld/ta-bort", (long long)rep->id), NULL);
		form_csrf_field(r, h);
		html_elem(h, "p", "Har rapporten startats av misstag kan den tas bort så länge den är ett utkast där "
			  "inget är skrivet.", "class", "hint", NULL);
		form_button(h, "Ta bort rapporten", "secondary");
		html_close(h);
	}
	if (decide) {
		html_open(h, "div", "class", "actions", NULL);
		html_open(h, "form", "class", "workflow", "method", "post",
			  "action", pf_href(r, "/uppfoljning/%lld/godkann", (long long)rep->id), NULL);
		form_csrf_field(r, h);
		form_textarea(h, e, "kommentar-godkann", "Kommentar vid godkännandet (valfri)",
			      f ? form_get(f, "kommentar-godkann") : NULL, "Kommentaren sparas i rapportens historik.", 2);
		form_button(h, "Godkänn", NULL);
		html_close(h);
		html_open(h, "form", "class", "workflow", "method", "post",
			  "action", pf_href(r, "/uppfoljning/%lld/returnera", (long long)rep->id), NULL);
		form_csrf_field(r, h);
		form_textarea(h, e, "kommentar", "Kommentar till nämnden", f ? form_get(f, "kommentar") : NULL,
			      "Skriv vad nämnden behöver ändra. Kommentaren krävs när rapporten returneras.", 3);
		form_button(h, "Returnera med kommentar", "secondary");
		html_close(h);
		html_close(h);
	}
	int decision = decision_form(r, h, rep, e, f);
	if (!submit && !decide && !decision && r->user.id)
		html_elem(h, "p", "Du har inga steg att göra i rapporten just nu.", "class", "hint", NULL);
}

/* reserve: room in the response for the page at about its size (an approved T1 of 20 goals, 149
 * indicator rows and 153 activities: 148 KB; an activity's form about 1.6 KB), so that it is not
 * grown by doubling and copying on the way (a hint: buf_reserve) */
static void reserve(struct http_req *r, const struct view_report *rep, int editable)
{
	size_t n = 16384 + 2000 * (size_t)rep->ngoals + (editable ? 1700 : 560) * (size_t)rep->nacts;

	for (int i = 0; i < rep->ngoals; i++)
		n += 450 * (size_t)rep->goals[i].ninds;
	buf_reserve(&r->out, n);
}

int pf_report_render(struct http_req *r, const struct view_report *rep, const struct form *f,
		     const struct form_errors *e, const char *notice, int status)
{
	int editable = pf_report_editable(r, rep);
	const char *title;
	struct buf t;
	struct html *h;

	buf_init(&t, 1024);
	buf_addf(&t, "%s – %s", rep->label, rep->org_name ? rep->org_name : "");
	title = arena_strdup(&r->a, t.ptr);
	buf_release(&t);
	h = page_begin(r, title, NAV_FOLLOWUP);
	reserve(r, rep, editable);
	html_open(h, "p", NULL);
	pf_link(h, "/uppfoljning", "Uppföljning");
	html_close(h);
	html_elem(h, "h1", title, NULL);
	if (notice && !http_query(r, "grupp"))
		pf_notice(h, notice);
	form_error_summary(h, e, 2);
	status_head(r, h, rep);
	if (report_revisions_section(r, h, rep->id) != 0)
		return r->status;
	download_menu(r, h, "report", pf_href(r, "/uppfoljning/%lld", (long long)rep->id), NULL);
	if (rep->any_example)
		page_example_note(h);
	html_elem(h, "h2", "Målbedömningar", NULL);
	html_elem(h, "p", "För varje nämndmål föreslår lup en bedömning utifrån indikatorerna: uppfyllt när alla "
		  "indikatorer med utfall når sina mål, delvis uppfyllt när minst hälften gör det, annars ej uppfyllt. "
		  "Indikatorer utan utfall eller med mål som inte är tal räknas inte. Förslaget är ett stöd: nämndens "
		  "egen bedömning, som också väger in trenden, gäller.", NULL);
	if (editable) {
		html_open(h, "form", "method", "post", "action", pf_href(r, "/uppfoljning/%lld", (long long)rep->id), NULL);
		form_csrf_field(r, h);
	}
	if (!rep->ngoals)
		html_elem(h, "p", "Organisationen har inga nämndmål för året.", NULL);
	for (int i = 0; i < rep->ngoals; i++)
		goal_section(r, h, rep, &rep->goals[i], editable, f, e);
	forecast(r, h, rep, editable, f, e);
	if (editable) {
		form_button(h, "Spara bedömningar och prognos", NULL);
		html_close(h);
	}
	pf_report_activities(r, h, rep, editable, f, e, notice);
	workflow(r, h, rep, e, f);
	return page_end_status(r, h, status);
}

/* notice_of: the message for the ?klart= argument a form's redirect leaves. */
static const char *notice_of(struct http_req *r)
{
	static const char *const pairs[] = {
		"sparat", "Ändringarna är sparade.", "ny", "Rapporten är skapad som utkast.",
		"fanns", "Det fanns redan en rapport för organisationen och perioden. Här är den.",
		"inskickad", "Rapporten är inskickad till stadsledningskontoret.", "godkand", "Rapporten är godkänd.",
		"returnerad", "Rapporten är returnerad till nämnden med din kommentar.",
		"beslut", "Nämndens beslut är registrerat.", NULL,
	};
	const char *k = http_query(r, "klart");

	for (int i = 0; k && pairs[i]; i += 2)
		if (strcmp(k, pairs[i]) == 0)
			return pairs[i + 1];
	return NULL;
}

int page_report(struct http_req *r)
{
	struct view_report rep;
	int64_t id;
	int found, rc;

	if ((rc = pf_id_param(r, 0, STMT__MAX, "ingen rapport", &id)) != 0)
		return rc;
	/* the head first: a report the caller may not read costs its two statements, not the goals'
	 * and activities' reads (most of the page) */
	if (pf_report_load(r, id, VIEW_REPORT_HEAD, &rep, &found) != 0)
		return r->status;
	if (!found || (!pf_report_visible(r, &rep) && r->user.role == ROLE_ANON))
		return page_error(r, 404, "Det finns ingen godkänd rapport med den adressen. Rapporter som inte är "
				  "godkända ännu visas bara för inloggade användare.");
	if (!pf_report_visible(r, &rep))
		return page_error(r, 403, "Rapporten är inte godkänd ännu och tillhör en annan organisation.");
	if (pf_report_load_body(r, &rep) != 0)	/* the head as read: not twice */
		return r->status;
	return pf_report_render(r, &rep, NULL, NULL, notice_of(r), 200);
}
