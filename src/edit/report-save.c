/* report-save.c: the content writes of the follow-up report's write path (see report.h): the
 * goals' assessments with their analyses, the activities' statuses, the forecast (report_save),
 * the committee's decision and the city's setting of when it is recorded. */
#include "edit/report.h"
#include "edit/report-int.h"
#include "core/arena.h"
#include "core/err.h"
#include "model/assess.h"
#include "model/status.h"
#include "store/audit.h"
#include "store/store.h"
#include "view/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *nz(const char *s)
{
	return s && *s ? s : NULL;
}

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

static const struct view_report_goal *goal_of(const struct view_report *rep, int64_t id)
{
	for (int i = 0; i < rep->ngoals; i++)
		if (rep->goals[i].id == id)
			return &rep->goals[i];
	return NULL;
}

/* check_goal: one goal's assessment against the rules (report.h); g is the report's goal. */
static int check_goal(const struct view_report_goal *g, const struct report_goal_in *in, struct report_fail *f,
		      struct err *e)
{
	const char *name = g->name ? g->name : g->key;
	char sv[600];

	if (!valid_assessment(in->assessment)) {
		snprintf(sv, sizeof(sv), "Nämndmålet ”%s”: välj en bedömning i listan.", name);
		return rpt_fail(f, REPORT_W_FIELD, "assessment", g->id, e, sv, "assessment: must be fulfilled, partly, not or none");
	}
	if (in->analysis && strlen(in->analysis) > REPORT_TEXT_MAX) {
		snprintf(sv, sizeof(sv), "Nämndmålet ”%s”: analysen får vara högst 20 000 tecken.", name);
		return rpt_fail(f, REPORT_W_FIELD, "analysis", g->id, e, sv, "analysis: is longer than %d bytes", REPORT_TEXT_MAX);
	}
	if (strcmp(in->assessment, "none") == 0) {
		if (report_text_says_something(in->analysis))
			return LUP_OK;
		snprintf(sv, sizeof(sv), "Nämndmålet ”%s”: skriv i analysen varför målet inte bedöms (minst %d bokstäver "
			 "eller siffror).", name, REPORT_TEXT_MIN);
		return rpt_fail(f, REPORT_W_FIELD, "analysis", g->id, e, sv, "analysis: \"none\" (not assessed) needs a "
				"reason of at least %d letters or digits", REPORT_TEXT_MIN);
	}
	if (strcmp(in->assessment, model_assess_name(g->suggest)) == 0 || report_text_says_something(in->analysis))
		return LUP_OK;
	snprintf(sv, sizeof(sv), "Nämndmålet ”%s”: bedömningen %s avviker från förslaget %s. Skriv i analysen varför "
		 "(minst %d bokstäver eller siffror).", name, label_of(in->assessment), model_assess_label_sv(g->suggest),
		 REPORT_TEXT_MIN);
	return rpt_fail(f, REPORT_W_FIELD, "analysis", g->id, e, sv, "analysis: the assessment %s differs from the "
			"suggested %s: an analysis of at least %d letters or digits must say why", in->assessment,
			model_assess_name(g->suggest), REPORT_TEXT_MIN);
}

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* write_goals: checks and writes in's goals that differ from what rep holds; *n counts them. */
static int write_goals(struct store *st, const struct view_report *rep, const struct report_save_in *in, int *n,
		       struct report_fail *f, struct err *e)
{
	for (int i = 0; i < in->ngoals; i++) {
		const struct report_goal_in *gi = &in->goals[i];
		const struct view_report_goal *g = goal_of(rep, gi->goal);
		if (!g)
			return rpt_fail(f, REPORT_W_FIELD, "goal", gi->goal, e, "Målet är inte ett av rapportens nämndmål.",
					"goal %lld is not a goal of the report's organisation for its year", (long long)gi->goal);
		if (g->assessed && same(g->assessment, gi->assessment) && same(g->analysis, nz(gi->analysis)))
			continue;	/* as stored (also a row written before these rules) */
		if (check_goal(g, gi, f, e) != LUP_OK)
			return e->code;
		struct sval args[] = { SVI(rep->id), SVI(g->id), SVS(gi->assessment), SVS(nz(gi->analysis)) };
		if (store_exec(st, STMT_RC_ASSESS_UPSERT, args, 4, NULL, NULL, e) != LUP_OK)
			return rpt_store_fail(st, f, e);
		(*n)++;
	}
	return LUP_OK;
}

static const struct view_report_activity *act_of(const struct view_report *rep, int64_t id)
{
	for (int i = 0; i < rep->nacts; i++)
		if (rep->acts[i].id == id)
			return &rep->acts[i];
	return NULL;
}

/* write_acts: checks and writes in's activities that differ from what rep holds. */
static int write_acts(struct store *st, const struct view_report *rep, const struct report_save_in *in, int *n,
		      struct report_fail *f, struct err *e)
{
	for (int i = 0; i < in->nacts; i++) {
		const struct report_act_in *ai = &in->acts[i];
		const struct view_report_activity *a = act_of(rep, ai->activity);
		struct sval ra[] = { SVI(rep->id), SVI(ai->activity) };
		int64_t mine = 0;
		if (store_query_id(st, STMT_WEB_FOLLOW_REPORT_ACTIVITY, ra, 2, &mine, e) != LUP_OK)
			return rpt_store_fail(st, f, e);
		if (!mine || !a)
			return rpt_fail(f, REPORT_W_FIELD, "activity", ai->activity, e, "Aktiviteten är inte en av "
					"organisationens aktiviteter under rapportens år.", "activity %lld is not an activity of "
					"the report's organisation in %ld", (long long)ai->activity, rep->year);
		if (ai->clear) {
			int changed = 0;
			if (store_exec(st, STMT_RC_ACT_DELETE, ra, 2, NULL, &changed, e) != LUP_OK)
				return rpt_store_fail(st, f, e);
			*n += changed;
			continue;
		}
		if (act_status_index(ai->status) < 0)
			return rpt_fail(f, REPORT_W_FIELD, "status", ai->activity, e, "Välj en status i listan.",
					"status: is not one of the activity statuses");
		if (ai->comment && strlen(ai->comment) > REPORT_TEXT_MAX)
			return rpt_fail(f, REPORT_W_FIELD, "comment", ai->activity, e, "Kommentaren får vara högst 20 000 tecken.",
					"comment: is longer than %d bytes", REPORT_TEXT_MAX);
		if (a->reported && same(a->status, ai->status) && same(a->comment, nz(ai->comment)))
			continue;
		struct sval args[] = { SVI(rep->id), SVI(ai->activity), SVS(ai->status), SVS(nz(ai->comment)) };
		if (store_exec(st, STMT_RC_ACT_UPSERT, args, 4, NULL, NULL, e) != LUP_OK)
			return rpt_store_fail(st, f, e);
		(*n)++;
	}
	return LUP_OK;
}

int report_save(struct store *st, const struct report_caller *who, int64_t id, const struct report_save_in *in,
		int *changed, struct report_fail *f, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct view_report rep;
	struct rpt_state s;
	char *before;
	int n = 0, found = 0, rc;

	if (changed)
		*changed = 0;
	if (in->set_forecast && in->forecast && strlen(in->forecast) > REPORT_TEXT_MAX)
		return rpt_fail(f, REPORT_W_FIELD, "forecast", 0, e, "Prognosen får vara högst 20 000 tecken.",
				"forecast: is longer than %d bytes", REPORT_TEXT_MAX);
	if ((rc = rpt_begin(st, who, id, 0, "draft returned", &s, &a, &before, f, e)) != LUP_OK)
		goto out;
	/* the activities only when some are written (an assessment alone does not need them) */
	if (view_report_load(st, &a, id, in->nacts ? VIEW_REPORT_ALL : VIEW_REPORT_GOALS, &rep, &found, e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	if ((rc = write_goals(st, &rep, in, &n, f, e)) != LUP_OK || (rc = write_acts(st, &rep, in, &n, f, e)) != LUP_OK) {
		store_rollback(st);
		goto out;
	}
	if (in->set_forecast && !same(rep.forecast, nz(in->forecast))) {
		struct sval args[] = { SVI(id), SVS(nz(in->forecast)) };
		if (store_exec(st, STMT_RC_FORECAST, args, 2, NULL, NULL, e) != LUP_OK) {
			rc = rpt_store_fail(st, f, e);
			goto out;
		}
		n++;
	}
	if (changed)
		*changed = n;
	if (!n) {
		store_rollback(st);
		rc = LUP_OK;
		goto out;
	}
	rc = rpt_end(st, who, id, "update", before, &a, f, e);
out:
	arena_release(&a);
	return rc;
}

/* ---- the committee's decision ---- */

/* The setting's value as read: into out (n bytes). */
struct setting_out {
	char *out;
	size_t n;
};

static int setting_row(void *ctx, const struct store_row *row)
{
	struct setting_out *o = ctx;

	snprintf(o->out, o->n, "%s", store_col_text(row, 0) ? store_col_text(row, 0) : "");
	return 1;
}

int report_committee_setting(struct store *st, char *out, size_t outsz, struct err *e)
{
	struct setting_out o = { out, outsz };
	struct sval k = SVS("committee_decision");

	snprintf(out, outsz, "either");
	return store_query(st, STMT_RC_SETTING, &k, 1, setting_row, &o, e);
}

/* real_date: d is YYYY-MM-DD and a day of the calendar. */
static int real_date(const char *d)
{
	struct tm tm = { 0 };
	int y, m, day;
	char tail;

	if (!d || strlen(d) != 10 || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3 || d[4] != '-' || d[7] != '-')
		return 0;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || day < 1 || day > 31)
		return 0;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = day;
	tm.tm_hour = 12;
	tm.tm_isdst = 0;
	if (mktime(&tm) == (time_t)-1)
		return 0;
	return tm.tm_mday == day && tm.tm_mon == m - 1;
}

int report_decision(struct store *st, const struct report_caller *who, int64_t id, const char *date,
		    const char *paragraph, struct report_fail *f, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct rpt_state s;
	char *before, setting[16], sv[300];
	int rc;

	if (!real_date(date))
		return rpt_fail(f, REPORT_W_FIELD, "date", 0, e, "Skriv sammanträdets datum som ÅÅÅÅ-MM-DD, till exempel "
				"2026-05-15.", "date: must be a date YYYY-MM-DD");
	if (!paragraph || !*paragraph || strlen(paragraph) > REPORT_PARAGRAPH_MAX || strpbrk(paragraph, "\r\n\t"))
		return rpt_fail(f, REPORT_W_FIELD, "paragraph", 0, e, "Skriv protokollets paragraf, till exempel § 12 "
				"(högst 40 tecken på en rad).", "paragraph: is required, one line of at most %d bytes",
				REPORT_PARAGRAPH_MAX);
	if ((rc = rpt_begin(st, who, id, 0, NULL, &s, &a, &before, f, e)) != LUP_OK)
		goto out;
	if (report_committee_setting(st, setting, sizeof(setting), e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	if ((strcmp(setting, "before") == 0 && strcmp(s.status, "draft") != 0 && strcmp(s.status, "returned") != 0) ||
	    (strcmp(setting, "after") == 0 && strcmp(s.status, "approved") != 0)) {
		store_rollback(st);
		snprintf(sv, sizeof(sv), "Nämndens beslut registreras %s. Rapporten är nu ”%s”.",
			 strcmp(setting, "before") == 0 ? "innan rapporten skickas in (utkast eller returnerad)" :
							  "när rapporten är godkänd", rpt_status_sv(s.status));
		rc = rpt_fail(f, REPORT_W_STATUS, "decision", 0, e, sv, "the committee's decision is recorded %s (setting "
			      "committee_decision '%s'); the report is %s", strcmp(setting, "before") == 0 ?
			      "before the report is submitted" : "once the report is approved", setting, s.status);
		goto out;
	}
	struct sval args[] = { SVI(id), SVS(date), SVS(paragraph) };
	if (store_exec(st, STMT_RC_DECISION_SET, args, 3, NULL, NULL, e) != LUP_OK ||
	    rpt_event(st, who, id, "decision", NULL, date, paragraph, e) != LUP_OK) {
		rc = rpt_store_fail(st, f, e);
		goto out;
	}
	rc = rpt_end(st, who, id, "update", before, &a, f, e);
out:
	arena_release(&a);
	return rc;
}

int report_set_committee_setting(struct store *st, const struct report_caller *who, const char *value,
				 int *changed, struct report_fail *f, struct err *e)
{
	char old[16], at[32], before[64], after[64];

	if (changed)
		*changed = 0;
	if (who->role != REPORT_ROLE_CITY && who->role != REPORT_ROLE_ADMIN)
		return rpt_fail(f, REPORT_W_FORBIDDEN, NULL, 0, e, "Bara stadsledningskontoret kan ändra inställningen.",
				"only the city office may change the setting");
	if (!value || (strcmp(value, "before") != 0 && strcmp(value, "after") != 0 && strcmp(value, "either") != 0))
		return rpt_fail(f, REPORT_W_FIELD, "value", 0, e, "Välj när nämndens beslut registreras.",
				"value: must be before, after or either");
	if (store_begin(st, e) != LUP_OK || report_committee_setting(st, old, sizeof(old), e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	if (strcmp(old, value) == 0) {
		store_rollback(st);
		return LUP_OK;
	}
	rpt_now(at, sizeof(at));
	struct sval args[] = { SVS("committee_decision"), SVS(value),
			       who->actor.user_id ? SVI(who->actor.user_id) : SVNULL, SVS(at) };
	if (store_exec(st, STMT_RC_SETTING_SET, args, 4, NULL, NULL, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	snprintf(before, sizeof(before), "{\"key\":\"committee_decision\",\"value\":\"%s\"}", old);
	snprintf(after, sizeof(after), "{\"key\":\"committee_decision\",\"value\":\"%s\"}", value);
	struct audit_rec rec = { at, who->actor.user_id, who->actor.name ? who->actor.name : "anonymous", "update",
				 "setting", 0, before, after };
	if (audit_write(st, &rec, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		return rpt_store_fail(st, f, e);
	if (changed)
		*changed = 1;
	return LUP_OK;
}
