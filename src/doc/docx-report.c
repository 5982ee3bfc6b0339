/* docx-report.c: the follow-up report documents T1, T2 and VB (docx-vp.h docx_report): the
 * report view (view/report.h) through the DOCX writer (docx.h). */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "doc/docx-vp.h"
#include "doc/docx.h"
#include "model/assess.h"
#include "model/status.h"
#include "view/report.h"

/* status: "Utkast", "Inskickad 2022-05-01", "Godkänd 2022-05-20" or "Returnerad" into b */
static void status(const struct view_report *r, struct buf *b)
{
	const char *st = r->status ? r->status : "draft";

	if (!strcmp(st, "approved"))
		buf_adds(b, "Godkänd");
	else if (!strcmp(st, "submitted"))
		buf_adds(b, "Inskickad");
	else if (!strcmp(st, "returned"))
		buf_adds(b, "Returnerad");
	else
		buf_adds(b, "Utkast");
	const char *at = !strcmp(st, "approved") ? r->decided_at : !strcmp(st, "submitted") ? r->submitted_at : NULL;
	if (at)
		buf_addf(b, " %.10s", at);
}

/* assessment: the Swedish label of a stored assessment ("Ej bedömt" when none or unknown) */
static const char *assessment(const char *stored)
{
	enum model_assessment a = MODEL_ASSESS_NONE;

	if (stored && model_assess_parse(stored, &a, NULL, 0) != 0)
		a = MODEL_ASSESS_NONE;
	return model_assess_label_sv(a);
}

/* number: v in Swedish notation into out */
static const char *number(double v, char *out, size_t n)
{
	snprintf(out, n, "%.15g", v);
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
	return out;
}

static void outcomes(struct docx *d, const struct view_report_goal *g)
{
	static const char *const head[] = { "Indikator", "Mål", "Utfall", "Uppfyllt" };
	static const int widths[] = { 46, 20, 17, 17 };
	static const char *const meets[] = { "Kan inte bedömas", "Ja", "Nej" };

	if (!g->ninds)
		return;
	docx_table_begin(d, "Utfall mot mål", 4, head, widths);
	for (int i = 0; i < g->ninds; i++) {
		const struct view_report_indicator *x = &g->inds[i];
		const char *target = x->judged_by && !strcmp(x->judged_by, "KF:s årsmål") ? x->kf_target :
				     x->target ? x->target : x->kf_target;
		char num[64], val[96] = "";
		if (x->has_value)
			snprintf(val, sizeof(val), "%s%s", number(x->value, num, sizeof(num)), x->example ? " (Exempeldata)" : "");
		const char *cells[] = { x->name, target, val, x->meets < MODEL_MEETS__MAX ? meets[x->meets] : "" };
		docx_table_row(d, cells);
	}
	docx_table_end(d);
}

static void goal(struct docx *d, const struct view_report_goal *g, struct buf *b)
{
	buf_reset(b);
	if (g->number && *g->number)
		buf_addf(b, "%s %s", g->number, g->name ? g->name : "");
	else
		buf_adds(b, g->name ? g->name : "");
	docx_heading(d, 2, b->ptr);
	buf_reset(b);
	buf_addf(b, "Bedömning: %s", assessment(g->assessed ? g->assessment : NULL));
	docx_para(d, "Dokumentfakta", b->ptr);
	buf_reset(b);
	buf_addf(b, "Förslag enligt regeln: %s. %s", model_assess_label_sv(g->suggest), g->why);
	docx_para(d, NULL, b->ptr);
	if (g->analysis && *g->analysis) {
		docx_para(d, "Dokumentfakta", "Analys");
		docx_markdown(d, g->analysis, 3);
	}
	outcomes(d, g);
}

static void activities(struct docx *d, const struct view_report *r)
{
	static const char *const head[] = { "Aktivitet", "Nämndmål", "Status", "Kommentar" };
	static const int widths[] = { 35, 25, 13, 27 };

	if (!r->nacts)
		return;
	docx_heading(d, 1, "Aktiviteter");
	docx_table_begin(d, "Aktiviteternas status", 4, head, widths);
	for (int i = 0; i < r->nacts; i++) {
		const struct view_report_activity *a = &r->acts[i];
		const char *cells[] = { a->name, a->goal_name, act_status_label(a->status), a->comment };
		docx_table_row(d, cells);
	}
	docx_table_end(d);
}

static void body(struct docx *d, const struct view_report *r, const char *stat)
{
	struct buf b;

	buf_init(&b, 64 * 1024);
	if (!strcmp(stat, "Utkast"))
		docx_para(d, "Utkastmarkering", "Utkast");
	docx_para(d, "Title", r->label);
	docx_para(d, "Subtitle", r->org_name);
	buf_addf(&b, "Status: %s", stat);
	docx_para(d, "Dokumentfakta", b.ptr);
	if (r->area_name) {
		buf_reset(&b);
		buf_addf(&b, "Utfall för %s", r->area_name);
		docx_para(d, "Dokumentfakta", b.ptr);
	}
	if (r->any_example)
		docx_para(d, "Dokumentfakta", "Exempeldata: utfall markerade (Exempeldata) är exempel, inte verkliga siffror.");
	if (r->forecast && *r->forecast) {
		docx_heading(d, 1, "Prognos");
		docx_markdown(d, r->forecast, 2);
	}
	if (r->comment && *r->comment) {
		docx_heading(d, 1, "Kommentar");
		docx_markdown(d, r->comment, 2);
	}
	if (r->ngoals)
		docx_heading(d, 1, "Nämndmål");
	for (int i = 0; i < r->ngoals; i++)
		goal(d, &r->goals[i], &b);
	activities(d, r);
	buf_release(&b);
}

int docx_report(struct store *st, int64_t id, const char *tpl, char **data, size_t *len, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct view_report r;
	struct docx *d = NULL;
	struct buf stat;
	int found = 0, rc;

	*data = NULL;
	*len = 0;
	buf_init(&stat, 4096);
	if ((rc = view_report_load(st, &a, id, 1, &r, &found, e)) != LUP_OK)
		goto out;
	if (!found || !r.readable) {
		rc = err_set(e, LUP_ENOTFOUND, "no report %lld", (long long)id);
		goto out;
	}
	status(&r, &stat);
	if ((rc = docx_new(tpl, &d, e)) != LUP_OK)
		goto out;
	body(d, &r, stat.ptr);
	struct docx_meta m = { r.label, "Uppföljning", r.org_name, stat.ptr, NULL };
	rc = docx_finish(d, &m, data, len, e);
out:
	docx_free(d);
	buf_release(&stat);
	arena_release(&a);
	return rc;
}
