/* page-report-model.c: what a follow-up report's page shows: the report, its nämndmål, each
 * goal's indicators judged against their targets for the period, the suggested assessment with
 * its rule in words (model/assess.h) and the stored assessment, and the organisation's
 * activities of the year with their status in the report. */
#include "web/pages-forms.h"
#include "web/authz.h"
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double num(const struct rowset *rs, int i, const char *col, int *has)
{
	const char *s = pf_s(rs, i, col);

	*has = s != NULL;
	return s ? strtod(s, NULL) : NAN;
}

/* judge: whether indicator row i meets its target (the årsmål, else KF:s årsmål). */
static void judge(const struct rowset *rs, int i, struct pf_indicator *in)
{
	struct model_target t;
	enum model_direction dir = MODEL_DIR_NONE;

	in->id = pf_i(rs, i, "id");
	in->key = pf_s(rs, i, "key");
	in->name = pf_s(rs, i, "name");
	in->unit = pf_s(rs, i, "unit");
	in->on_goal = (int)pf_i(rs, i, "on_goal");
	in->target = pf_s(rs, i, "target");
	in->kf_target = pf_s(rs, i, "kf_target");
	in->example = (int)pf_i(rs, i, "example");
	in->value = num(rs, i, "value", &in->has_value);
	in->prev = num(rs, i, "prev", &in->has_prev);
	in->judged_by = in->target ? "årsmål" : in->kf_target ? "KF:s årsmål" : NULL;
	model_direction_parse(pf_s(rs, i, "direction"), &dir, NULL, 0);
	model_target_parse(in->target ? in->target : in->kf_target, &t, NULL, 0);
	in->meets = model_outcome_meets_target(dir, in->has_value, in->value, &t, in->has_prev, in->prev);
	in->why = NULL;
	if (in->meets != MODEL_MEETS_UNKNOWN)
		return;
	if (!in->has_value)
		in->why = "utfall saknas";
	else if (t.kind == MODEL_TARGET_EMPTY)
		in->why = "målvärde saknas";
	else if (t.kind == MODEL_TARGET_DIRECTION)
		in->why = "tidigare värde saknas";
	else
		in->why = "målvärdet är inte ett tal";
}

static int load_goal(struct http_req *r, struct pf_report *rep, int64_t area, struct pf_goal *g,
		     const struct rowset *as)
{
	struct rowset inds;
	enum model_meets meets[256];
	struct sval args[] = { SVI(g->id), SVI(rep->org), SVI(rep->year), SVS(rep->kind), SVI(area) };

	if (pf_query(r, &inds, STMT_WEB_FORMS_GOAL_INDICATORS, args, 5) != 0)
		return -1;
	g->ninds = inds.nrows;
	g->inds = arena_alloc(&r->a, sizeof(*g->inds) * (size_t)(inds.nrows + 1));
	for (int i = 0; i < inds.nrows; i++) {
		judge(&inds, i, &g->inds[i]);
		if (i < 256)
			meets[i] = g->inds[i].meets;
		if (g->inds[i].has_value && g->inds[i].example)
			rep->any_example = 1;
	}
	g->suggest = model_assess_suggest(meets, (size_t)(inds.nrows < 256 ? inds.nrows : 256), g->why, sizeof(g->why));
	g->assessment = "none";
	for (int i = 0; i < as->nrows; i++)
		if (pf_i(as, i, "goal_id") == g->id) {
			g->assessed = 1;
			g->assessment = pf_s(as, i, "assessment");
			g->analysis = pf_s(as, i, "analysis");
		}
	return 0;
}

/* load_activities: the organisation's activities of the year with their status in the report. */
static int load_activities(struct http_req *r, struct pf_report *rep)
{
	struct rowset rs;
	struct sval arg = SVI(rep->id);

	if (pf_query(r, &rs, STMT_WEB_FOLLOW_REPORT_ACTIVITIES, &arg, 1) != 0)
		return -1;
	rep->nacts = rs.nrows;
	rep->acts = arena_alloc(&r->a, sizeof(*rep->acts) * (size_t)(rs.nrows + 1));
	for (int i = 0; i < rs.nrows; i++) {
		struct pf_activity *a = &rep->acts[i];
		a->id = pf_i(&rs, i, "id");
		a->key = pf_s(&rs, i, "key");
		a->name = pf_s(&rs, i, "name");
		a->start = pf_s(&rs, i, "start");
		a->end = pf_s(&rs, i, "end");
		a->own_status = pf_s(&rs, i, "activity_status");
		a->goal_id = pf_i(&rs, i, "goal_id");
		a->goal_key = pf_s(&rs, i, "goal");
		a->goal_level = pf_s(&rs, i, "goal_level");
		a->goal_number = pf_s(&rs, i, "goal_number");
		a->goal_name = pf_s(&rs, i, "goal_name");
		a->status = pf_s(&rs, i, "status");
		a->comment = pf_s(&rs, i, "comment");
		a->reported = (int)pf_i(&rs, i, "reported");
	}
	return 0;
}

static void head(const struct rowset *rs, struct pf_report *rep)
{
	rep->org = pf_i(rs, 0, "org_id");
	rep->org_pair = pf_i(rs, 0, "org_pair");
	rep->org_key = pf_s(rs, 0, "org");
	rep->org_name = pf_s(rs, 0, "org_name");
	rep->year = (long)pf_i(rs, 0, "year");
	rep->kind = pf_s(rs, 0, "period");
	rep->status = pf_s(rs, 0, "status");
	rep->forecast = pf_s(rs, 0, "forecast");
	rep->comment = pf_s(rs, 0, "comment");
	rep->submitted_by = pf_s(rs, 0, "submitted_by");
	rep->submitted_at = pf_s(rs, 0, "submitted_at");
	rep->decided_by = pf_s(rs, 0, "decided_by");
	rep->decided_at = pf_s(rs, 0, "decided_at");
}

int pf_report_load(struct http_req *r, int64_t id, int goals, struct pf_report *rep, int *found)
{
	struct rowset rs, gs, as, area;
	struct sval arg = SVI(id);

	memset(rep, 0, sizeof(*rep));
	rep->id = id;
	*found = 0;
	if (pf_query(r, &rs, STMT_WEB_FORMS_REPORT, &arg, 1) != 0)
		return -1;
	if (!rs.nrows)
		return 0;
	*found = 1;
	head(&rs, rep);
	rep->label = pf_period_label(r, rep->year, rep->kind);
	if (!goals)
		return 0;
	struct sval oy[] = { SVI(rep->org), SVI(rep->year) };
	struct sval org = SVI(rep->org);
	if (pf_query(r, &gs, STMT_WEB_FORMS_REPORT_GOALS, oy, 2) != 0 ||
	    pf_query(r, &as, STMT_WEB_FORMS_ASSESSMENTS, &arg, 1) != 0 ||
	    pf_query(r, &area, STMT_WEB_FORMS_ORG_AREA, &org, 1) != 0)
		return -1;
	rep->area_name = pf_s(&area, 0, "name");
	rep->ngoals = gs.nrows;
	rep->goals = arena_alloc(&r->a, sizeof(*rep->goals) * (size_t)(gs.nrows + 1));
	for (int i = 0; i < gs.nrows; i++) {
		struct pf_goal *g = &rep->goals[i];
		g->id = pf_i(&gs, i, "id");
		g->key = pf_s(&gs, i, "key");
		g->number = pf_s(&gs, i, "number");
		g->name = pf_s(&gs, i, "name");
		if (load_goal(r, rep, pf_i(&area, 0, "id"), g, &as) != 0)
			return -1;
	}
	return load_activities(r, rep);
}

int pf_report_visible(const struct http_req *r, const struct pf_report *rep)
{
	return authz_report_readable(&r->user, rep->status, rep->org, rep->org_pair);
}

int pf_report_editable(const struct http_req *r, const struct pf_report *rep)
{
	return rep->status && (strcmp(rep->status, "draft") == 0 || strcmp(rep->status, "returned") == 0) &&
	       pf_may_write(r, rep->org);
}
