/* api-reports.c: the follow-up workflow. A report of an organisation for a period moves
 * draft -> submitted (an editor of the organisation) -> approved or returned with a comment
 * (the city office); a returned report can be edited and submitted again; an approved report
 * is frozen. While it is a draft or returned, the editor assesses its goals and records the
 * status of each of the organisation's activities in it (with a comment). */
#include "web/api.h"
#include "web/authz.h"
#include "web/body.h"
#include "web/routes.h"
#include "model/period.h"
#include "model/status.h"
#include "core/buf.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/kinds.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

struct report_state {
	int64_t org, period, pair;
	char status[16];
	long year;
};

static int state_row(void *ctx, const struct store_row *row)
{
	struct report_state *s = ctx;

	s->org = store_col_int(row, 0);
	snprintf(s->status, sizeof(s->status), "%s", store_col_text(row, 1));
	s->period = store_col_int(row, 2);
	s->pair = store_col_int(row, 3);
	s->year = (long)store_col_int(row, 4);
	return 1;
}

/* load_state: the report's state in the open transaction (404 and rollback when missing). */
static int load_state(struct http_req *r, int64_t id, struct report_state *s)
{
	struct sval arg = SVI(id);

	memset(s, 0, sizeof(*s));
	if (store_query(r->st, STMT_REPORT_STATE, &arg, 1, state_row, s, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (!s->org) {
		store_rollback(r->st);
		return http_error(r, 404, "not_found", "no report %lld", (long long)id);
	}
	return 0;
}

static int conflict(struct http_req *r, const char *msg)
{
	store_rollback(r->st);
	return http_error(r, 409, "conflict", "%s", msg);
}

/* begin_report: opens the write on report id, checks that the caller may act as `who`
 * ("editor": the report's organisation; "city": city office) and that its status is one of
 * allowed (space-separated). */
static int begin_report(struct http_req *r, int64_t id, const char *who, const char *allowed,
			struct report_state *s, char **before)
{
	const struct kind *k = kind_find("reports");
	int rc;

	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	if ((rc = load_state(r, id, s)) != 0)
		return rc;
	if (strcmp(who, "editor") == 0 && (rc = authz_org(r, s->org)) != 0) {
		store_rollback(r->st);
		return rc;
	}
	if (!strstr(allowed, s->status)) {
		store_rollback(r->st);
		return http_error(r, 409, "conflict", "the report is %s: this step does not apply", s->status);
	}
	if (api_snapshot(r, k, id, before) != LUP_OK)
		return api_rollback_fail(r);
	if ((rc = api_if_match(r, *before)) != 0) {
		store_rollback(r->st);
		return rc;
	}
	return 0;
}

int api_report_post(struct http_req *r)
{
	static const struct field fields[] = {
		{ "org", FT_STRING, 1, 0, 200, NULL }, { "period", FT_STRING, 1, 0, 40, NULL },
	};
	const struct kind *k = kind_find("reports");
	struct model_period p;
	struct body b;
	char msg[200], first[16], last[16];
	int64_t org = 0, period = 0, id = 0;
	int rc;

	if ((rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	if (api_id_lookup(r, b.s[0], STMT_ORG_ID_LOOSE, &org) != LUP_OK)
		return http_fail(r);
	if (!org)
		return http_error(r, 422, "invalid_fields", "unknown organisation '%s'", b.s[0]);
	if (model_period_parse(b.s[1], &p, msg, sizeof(msg)) != 0 ||
	    model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last)) != 0)
		return http_error(r, 422, "invalid_fields", "period: %s", msg);
	if ((rc = authz_org(r, org)) != 0)
		return rc;
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	const char *kind = p.kind == MODEL_PERIOD_T1 ? "T1" : p.kind == MODEL_PERIOD_T2 ? "T2" : "FY";
	struct sval up[] = { SVI(p.year), SVS(kind), SVS(first), SVS(last) };
	if (store_exec(r->st, STMT_PERIOD_UPSERT, up, 4, NULL, NULL, &r->err) != LUP_OK ||
	    store_query_id(r->st, STMT_PERIOD_ID, up, 2, &period, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	struct sval args[] = { SVI(org), SVI(period) };
	if (store_exec(r->st, STMT_REPORT_INSERT, args, 2, &id, NULL, &r->err) != LUP_OK) {
		if (r->err.code == LUP_ECONFLICT)
			return conflict(r, "a report for this organisation and period exists already");
		return api_rollback_fail(r);
	}
	char loc[64];
	snprintf(loc, sizeof(loc), "/api/v1/reports/%lld", (long long)id);
	http_header(r, "Location", loc);
	return api_write_end(r, k, "report", "insert", id, NULL, 201);
}

int api_report_delete(struct http_req *r)
{
	const struct kind *k = kind_find("reports");
	struct report_state s;
	char *before;
	int64_t id, written = 0;
	int rc, changed = 0;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 ||
	    (rc = begin_report(r, id, "editor", "draft", &s, &before)) != 0)
		return rc;
	struct sval arg = SVI(id);
	if (store_query_id(r->st, STMT_REPORT_CONTENT, &arg, 1, &written, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (written)
		return conflict(r, "the report has assessments, analyses, activity statuses or a forecast: only an "
			    "empty draft can be deleted");
	if (store_exec(r->st, STMT_REPORT_DELETE_EMPTY, &arg, 1, NULL, NULL, &r->err) != LUP_OK ||
	    store_exec(r->st, STMT_REPORT_DELETE, &arg, 1, NULL, &changed, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (!changed)
		return conflict(r, "the report is no longer a draft");
	return api_write_end(r, k, "report", "delete", id, before, 204);
}

int api_report_patch(struct http_req *r)
{
	static const struct field fields[] = { { "forecast", FT_TEXT, 1, 0, 20000, NULL } };
	const struct kind *k = kind_find("reports");
	struct report_state s;
	struct body b;
	char *before;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 || (rc = body_parse(r, fields, 1, &b)) != 0 ||
	    (rc = begin_report(r, id, "editor", "draft returned", &s, &before)) != 0)
		return rc;
	struct sval args[] = { SVI(id), SVS(b.s[0]) };
	if (store_exec(r->st, STMT_REPORT_SET_FORECAST, args, 2, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "report", "update", id, before, 200);
}

static const char *const assessments[] = { "fulfilled", "partly", "not", "none", NULL };

int api_assessment_put(struct http_req *r)
{
	static const struct field fields[] = {
		{ "assessment", FT_ENUM, 1, 0, 0, assessments }, { "analysis", FT_TEXT, 0, 0, 20000, NULL },
	};
	const struct kind *k = kind_find("reports");
	struct report_state s;
	struct body b;
	char *before;
	int64_t id, goal, owner = 0;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 ||
	    (rc = api_id_param(r, 1, STMT_GOAL_ID, "goal", &goal)) != 0 ||
	    (rc = body_parse(r, fields, 2, &b)) != 0 ||
	    (rc = begin_report(r, id, "editor", "draft returned", &s, &before)) != 0)
		return rc;
	struct sval g = SVI(goal);
	if (store_query_id(r->st, STMT_GOAL_OWNER, &g, 1, &owner, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (!owner || (owner != s.org && owner != s.pair)) {
		store_rollback(r->st);
		return http_error(r, 422, "invalid_fields", "goal %lld is not a goal of the report's organisation", (long long)goal);
	}
	struct sval args[] = { SVI(id), SVI(goal), SVS(b.s[0]), SVS(b.s[1]) };
	if (store_exec(r->st, STMT_ASSESSMENT_UPSERT, args, 4, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "report", "update", id, before, 200);
}

int api_report_submit(struct http_req *r)
{
	const struct kind *k = kind_find("reports");
	struct report_state s;
	char *before, now[32];
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 ||
	    (rc = begin_report(r, id, "editor", "draft returned", &s, &before)) != 0)
		return rc;
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVI(id), SVI(r->user.id), SVS(now) };
	if (store_exec(r->st, STMT_REPORT_SUBMIT, args, 3, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "report", "update", id, before, 200);
}

static int decide(struct http_req *r, const char *status, const char *comment)
{
	const struct kind *k = kind_find("reports");
	struct report_state s;
	char *before, now[32];
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 ||
	    (rc = begin_report(r, id, "city", "submitted", &s, &before)) != 0)
		return rc;
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVI(id), SVS(status), SVI(r->user.id), SVS(now), SVS(comment) };
	if (store_exec(r->st, STMT_REPORT_DECIDE, args, 5, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "report", "update", id, before, 200);
}

int api_report_approve(struct http_req *r)
{
	return decide(r, "approved", NULL);
}

int api_report_return(struct http_req *r)
{
	static const struct field fields[] = { { "comment", FT_STRING, 1, 0, 20000, NULL } };
	struct body b;
	int rc;

	if ((rc = body_parse(r, fields, 1, &b)) != 0)
		return rc;
	return decide(r, "returned", b.s[0]);
}


/* activities_text: the JSON of the report's activities (items with their status in it) into
 * *out (arena). Returns LUP_OK or a store error in r->err. */
static int activities_text(struct http_req *r, int64_t id, const struct report_state *s, char **out)
{
	static const char *const bools[] = { "reported", NULL };
	struct sval arg = SVI(id);
	struct rowset rs;
	struct buf b;
	struct json j;

	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_WEB_FOLLOW_REPORT_ACTIVITIES, &arg, 1, &r->err) != LUP_OK)
		return r->err.code;
	buf_init(&b, (size_t)32 << 20);
	json_init(&j, &b, 0);
	json_obj_open(&j);
	json_key(&j, "report"); json_int(&j, id);
	json_key(&j, "status"); json_str(&j, s->status);
	json_key(&j, "year"); json_int(&j, s->year);
	json_key(&j, "items");
	json_arr_open(&j);
	for (int i = 0; i < rs.nrows; i++) {
		json_obj_open(&j);
		rowset_json_row(&rs, i, &j, bools);
		json_obj_close(&j);
	}
	json_arr_close(&j);
	json_key(&j, "total"); json_int(&j, rs.nrows);
	json_obj_close(&j);
	if (json_finish(&j) != 0) {
		buf_release(&b);
		return err_set(&r->err, LUP_EDB, "the report's activities could not be written as JSON");
	}
	*out = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return LUP_OK;
}

int api_report_activities(struct http_req *r)
{
	struct report_state s;
	struct sval arg;
	char *json = NULL;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0)
		return rc;
	memset(&s, 0, sizeof(s));
	arg = SVI(id);
	if (store_query(r->st, STMT_REPORT_STATE, &arg, 1, state_row, &s, &r->err) != LUP_OK)
		return http_fail(r);
	/* as GET /api/v1/reports/{id}: the rule of authz_report_readable, 404 for anonymous callers */
	int readable = s.org && authz_report_readable(&r->user, s.status, s.org, s.pair);
	if (!s.org || (!readable && r->user.role == ROLE_ANON))
		return http_error(r, 404, "not_found", "no report '%s'", r->params[0]);
	if (!readable)
		return http_error(r, 403, "forbidden", "report '%s' is not approved: only its organisation and the city "
				  "office may read it", r->params[0]);
	if (activities_text(r, id, &s, &json) != LUP_OK)
		return http_fail(r);
	return api_reply_read(r, json);
}

/* activity_target: the report and activity of the route's parameters (404 for an unknown one). */
static int activity_target(struct http_req *r, int64_t *id, int64_t *act)
{
	int64_t owner = 0;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", id)) != 0 ||
	    (rc = api_id_param(r, 1, STMT_ACTIVITY_ID, "activity", act)) != 0)
		return rc;
	struct sval a = SVI(*act);
	if (store_query_id(r->st, STMT_ACTIVITY_OWNER, &a, 1, &owner, &r->err) != LUP_OK)
		return http_fail(r);
	if (!owner)
		return http_error(r, 404, "not_found", "no activity '%s'", r->params[1]);
	return 0;
}

/* activity_mine: in the report's transaction, 0 when act is one of the report's activities, else
 * the 422 (rolled back). */
static int activity_mine(struct http_req *r, int64_t id, int64_t act, const struct report_state *s)
{
	struct sval ra[] = { SVI(id), SVI(act) };
	int64_t mine = 0;

	if (store_query_id(r->st, STMT_WEB_FOLLOW_REPORT_ACTIVITY, ra, 2, &mine, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (!mine) {
		store_rollback(r->st);
		return http_error(r, 422, "invalid_fields", "activity '%s' is not an activity of the report's "
				  "organisation in %ld", r->params[1], s->year);
	}
	return 0;
}

int api_report_activity_put(struct http_req *r)
{
	static const struct field fields[] = {
		{ "status", FT_ENUM, 1, 0, 0, act_status_codes }, { "comment", FT_TEXT, 0, 0, 20000, NULL },
	};
	const struct kind *k = kind_find("reports");
	struct report_state s;
	struct body b;
	char *before;
	int64_t id, act;
	int rc;

	if ((rc = activity_target(r, &id, &act)) != 0 || (rc = body_parse(r, fields, 2, &b)) != 0 ||
	    (rc = begin_report(r, id, "editor", "draft returned", &s, &before)) != 0 ||
	    (rc = activity_mine(r, id, act, &s)) != 0)
		return rc;
	const char *comment = b.s[1] && *b.s[1] ? b.s[1] : NULL;
	struct sval args[] = { SVI(id), SVI(act), SVS(b.s[0]), SVS(comment) };
	if (store_exec(r->st, STMT_WEB_FOLLOW_ACTIVITY_UPDATE_UPSERT, args, 4, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "report", "update", id, before, 200);
}

int api_report_activity_delete(struct http_req *r)
{
	const struct kind *k = kind_find("reports");
	struct report_state s;
	char *before;
	int64_t id, act;
	int rc, changed = 0;

	if ((rc = activity_target(r, &id, &act)) != 0 ||
	    (rc = begin_report(r, id, "editor", "draft returned", &s, &before)) != 0 ||
	    (rc = activity_mine(r, id, act, &s)) != 0)
		return rc;
	struct sval args[] = { SVI(id), SVI(act) };
	if (store_exec(r->st, STMT_WEB_FOLLOW_ACTIVITY_UPDATE_DELETE, args, 2, NULL, &changed, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (!changed) {
		store_rollback(r->st);
		return http_error(r, 404, "not_found", "the report records nothing for activity '%s'", r->params[1]);
	}
	return api_write_end(r, k, "report", "update", id, before, 200);
}
