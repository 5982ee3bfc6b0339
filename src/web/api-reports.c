/* api-reports.c: the follow-up workflow. A report of an organisation for a period moves
 * draft -> submitted (an editor of the organisation) -> approved or returned with a comment
 * (the city office); a returned report can be edited and submitted again; an approved report
 * is frozen. While it is a draft or returned, the editor assesses its goals and records the
 * status of each of the organisation's activities in it (with a comment). The rules and the
 * writes are edit/report.h's (the one write path, shared with the forms); these handlers parse
 * the JSON, call it and answer. */
#include "web/api.h"
#include "edit/report.h"
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
#include "view/report.h"

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

/* if_match: the edit layer's check of the report as read before a write against If-Match. */
static int if_match(void *ctx, const char *before)
{
	struct http_req *r = ctx;
	const char *want = http_header_in(r, "If-Match");
	char tag[40];

	if (!want || strcmp(want, "*") == 0)
		return 0;
	api_etag(before, tag);
	if (strcmp(want, tag) == 0)
		return 0;
	http_header(r, "ETag", tag);
	return 1;
}

struct report_caller api_report_caller(struct http_req *r)
{
	struct report_caller c = { { r->user.id, r->user.name[0] ? r->user.name : "anonymous" },
				   (enum report_role)r->user.role, r->user.org_id, r->user.org_pair, if_match, r };

	_Static_assert((int)REPORT_ROLE_ADMIN == (int)ROLE_ADMIN && (int)REPORT_ROLE_CITY == (int)ROLE_CITY &&
		       (int)REPORT_ROLE_EDITOR == (int)ROLE_EDITOR, "report roles follow enum role");
	return c;
}

int api_report_fail(struct http_req *r, const struct report_fail *f)
{
	struct http_fields errs = { .n = 0 };

	switch (f->why) {
	case REPORT_W_FIELD:
		http_field_error(r, &errs, f->field ? f->field : "body", "%s", r->err.msg);
		return http_fields_reply(r, &errs, 422);
	case REPORT_W_FORBIDDEN:
		if (r->user.role == ROLE_ANON) {
			http_header(r, "WWW-Authenticate", "Bearer realm=\"lup\"");
			return http_error(r, 401, "unauthenticated", "log in or give a bearer token");
		}
		return http_error(r, 403, "forbidden", "%s", r->err.msg);
	case REPORT_W_STATUS:
	case REPORT_W_EXISTS:
		return http_error(r, 409, "conflict", "%s", r->err.msg);
	case REPORT_W_NOTFOUND:
		return http_error(r, 404, "not_found", "%s", r->err.msg);
	case REPORT_W_PRECONDITION:
		return http_error(r, 412, "precondition_failed", "%s", r->err.msg);
	case REPORT_W_STORE:
		break;
	}
	return http_fail(r);
}

/* reply: the report as it is now, with status. */
static int reply(struct http_req *r, int64_t id, int status)
{
	char *json = NULL;

	if (api_snapshot(r, kind_find("reports"), id, &json) != LUP_OK)
		return http_fail(r);
	if (!json)
		return http_error(r, 404, "not_found", "no report %lld", (long long)id);
	return api_reply_snapshot(r, status, json);
}

int api_report_post(struct http_req *r)
{
	static const struct field fields[] = {
		{ "org", FT_STRING, 1, 0, 200, NULL }, { "period", FT_STRING, 1, 0, 40, NULL },
	};
	struct report_caller who = api_report_caller(r);
	struct report_fail f;
	struct body b;
	int64_t org = 0, id = 0;
	char loc[64];
	int rc;

	if ((rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	if (api_id_lookup(r, b.s[0], STMT_ORG_ID_LOOSE, &org) != LUP_OK)
		return http_fail(r);
	if (!org)
		return http_error(r, 422, "invalid_fields", "unknown organisation '%s'", b.s[0]);
	if (report_create(r->st, &who, org, b.s[1], &id, &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	snprintf(loc, sizeof(loc), "/api/v1/reports/%lld", (long long)id);
	http_header(r, "Location", loc);
	return reply(r, id, 201);
}

int api_report_delete(struct http_req *r)
{
	struct report_caller who = api_report_caller(r);
	struct report_fail f;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0)
		return rc;
	if (report_delete(r->st, &who, id, &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	r->status = 204;
	return 204;
}

/* save: report_save of in on the route's report, answered with the report. */
static int save(struct http_req *r, int64_t id, const struct report_save_in *in, int *changed)
{
	struct report_caller who = api_report_caller(r);
	struct report_fail f;

	if (report_save(r->st, &who, id, in, changed, &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	return 0;
}

int api_report_patch(struct http_req *r)
{
	static const struct field fields[] = { { "forecast", FT_TEXT, 1, 0, 20000, NULL } };
	struct report_save_in in = { 0 };
	struct body b;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 || (rc = body_parse(r, fields, 1, &b)) != 0)
		return rc;
	in.forecast = b.s[0];
	in.set_forecast = 1;
	if ((rc = save(r, id, &in, NULL)) != 0)
		return rc;
	return reply(r, id, 200);
}

static const char *const assessments[] = { "fulfilled", "partly", "not", "none", NULL };

int api_assessment_put(struct http_req *r)
{
	static const struct field fields[] = {
		{ "assessment", FT_ENUM, 1, 0, 0, assessments }, { "analysis", FT_TEXT, 0, 0, 20000, NULL },
	};
	struct report_save_in in = { 0 };
	struct report_goal_in g;
	struct body b;
	int64_t id, goal;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 ||
	    (rc = api_id_param(r, 1, STMT_GOAL_ID, "goal", &goal)) != 0 ||
	    (rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	g = (struct report_goal_in){ goal, b.s[0], b.s[1] };
	in.goals = &g;
	in.ngoals = 1;
	if ((rc = save(r, id, &in, NULL)) != 0)
		return rc;
	return reply(r, id, 200);
}

int api_report_submit(struct http_req *r)
{
	struct report_caller who = api_report_caller(r);
	struct report_fail f;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0)
		return rc;
	if (report_submit(r->st, &who, id, &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	return reply(r, id, 200);
}

int api_report_approve(struct http_req *r)
{
	static const struct field fields[] = { { "comment", FT_TEXT, 0, 0, 20000, NULL } };
	struct report_caller who = api_report_caller(r);
	struct report_fail f;
	struct body b = { 0 };
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 ||
	    (r->body.len && (rc = body_parse(r, fields, 1, &b)) != 0))
		return rc;
	if (report_approve(r->st, &who, id, r->body.len ? b.s[0] : NULL, &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	return reply(r, id, 200);
}

int api_report_return(struct http_req *r)
{
	static const struct field fields[] = { { "comment", FT_STRING, 1, 0, 20000, NULL } };
	struct report_caller who = api_report_caller(r);
	struct report_fail f;
	struct body b;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 || (rc = body_parse(r, fields, 1, &b)) != 0)
		return rc;
	if (report_return(r->st, &who, id, b.s[0], &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	return reply(r, id, 200);
}

int api_report_decision(struct http_req *r)
{
	static const struct field fields[] = {
		{ "date", FT_STRING, 1, 0, 10, NULL }, { "paragraph", FT_STRING, 1, 0, REPORT_PARAGRAPH_MAX, NULL },
	};
	struct report_caller who = api_report_caller(r);
	struct report_fail f;
	struct body b;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "report", &id)) != 0 || (rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	if (report_decision(r->st, &who, id, b.s[0], b.s[1], &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	return reply(r, id, 200);
}

/* setting_reply: {"key": "committee_decision", "value": ...} with status. */
static int setting_reply(struct http_req *r, int status)
{
	char value[16], body[96];

	if (report_committee_setting(r->st, value, sizeof(value), &r->err) != LUP_OK)
		return http_fail(r);
	snprintf(body, sizeof(body), "{\"key\":\"committee_decision\",\"value\":\"%s\"}", value);
	return api_reply_snapshot(r, status, arena_strdup(&r->a, body));
}

int api_setting_committee_get(struct http_req *r)
{
	return setting_reply(r, 200);
}

int api_setting_committee_put(struct http_req *r)
{
	static const char *const values[] = { "before", "after", "either", NULL };
	static const struct field fields[] = { { "value", FT_ENUM, 1, 0, 0, values } };
	struct report_caller who = api_report_caller(r);
	struct report_fail f;
	struct body b;
	int rc;

	if ((rc = body_parse(r, fields, 1, &b)) != 0)
		return rc;
	if (report_set_committee_setting(r->st, &who, b.s[0], NULL, &f, &r->err) != LUP_OK)
		return api_report_fail(r, &f);
	return setting_reply(r, 200);
}


/* j_str: s as a JSON string (null for NULL), as json_str writes it. */
static void j_str(struct buf *b, const char *s)
{
	if (s)
		json_escape_str(b, s, strlen(s));
	else
		buf_adds(b, "null");
}

/* j_int: v in decimal. */
static void j_int(struct buf *b, int64_t v)
{
	char d[24];
	int n = sizeof(d);
	uint64_t u = v < 0 ? 0ULL - (uint64_t)v : (uint64_t)v;

	do
		d[--n] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		d[--n] = '-';
	buf_add(b, d + n, sizeof(d) - (size_t)n);
}

/* The last goal's members as the activities' JSON wrote them: where they lie in the output. */
struct goal_seg {
	int64_t goal;		/* 0: none yet */
	size_t at, len;
};

/* goal_members: ',"goal_id":...,"goal_name":...' of a's goal; the members of the goal before
 * (activities come grouped by goal) copied from where they were written. */
static void goal_members(struct buf *b, const struct view_report_activity *a, struct goal_seg *g)
{
	char *w;

	if (!a->goal_id) {
		buf_adds(b, ",\"goal_id\":null,\"goal\":null,\"goal_level\":null,\"goal_number\":null,\"goal_name\":null");
		return;
	}
	if (a->goal_id == g->goal && (w = buf_space(b, g->len))) {
		memcpy(w, b->ptr + g->at, g->len);
		buf_wrote(b, g->len);
		return;
	}
	g->goal = a->goal_id;
	g->at = b->len;
	buf_adds(b, ",\"goal_id\":");
	j_int(b, a->goal_id);
	buf_adds(b, ",\"goal\":");
	j_str(b, a->goal_key);
	buf_adds(b, ",\"goal_level\":");
	j_str(b, a->goal_level);
	buf_adds(b, ",\"goal_number\":");
	j_str(b, a->goal_number);
	buf_adds(b, ",\"goal_name\":");
	j_str(b, a->goal_name);
	g->len = b->len - g->at;
}

/* activity_item: one item of the activities' JSON: the members in the statement's column order
 * (STMT_WEB_FOLLOW_REPORT_ACTIVITIES), as the row set's JSON wrote them (no goal: its five null). */
static void activity_item(struct buf *b, const struct view_report_activity *a, struct goal_seg *g)
{
	buf_adds(b, "{\"id\":");
	j_int(b, a->id);
	buf_adds(b, ",\"key\":");
	j_str(b, a->key);
	buf_adds(b, ",\"name\":");
	j_str(b, a->name);
	buf_adds(b, ",\"start\":");
	j_str(b, a->start);
	buf_adds(b, ",\"end\":");
	j_str(b, a->end);
	buf_adds(b, ",\"activity_status\":");
	j_str(b, a->own_status);
	goal_members(b, a, g);
	buf_adds(b, ",\"status\":");
	j_str(b, a->status);
	buf_adds(b, ",\"comment\":");
	j_str(b, a->comment);
	buf_adds(b, a->reported ? ",\"reported\":true}" : ",\"reported\":false}");
}

/* activities_write: the JSON of the report's activities (items with their status in it) into
 * the response's body (r->out), as api_reply_written takes it: written in place, not built in
 * a buffer of its own and copied twice (to the arena, then to the response). The activities
 * are read into structs (view_report_activities) and each item written as one piece: a row
 * set and its member-by-member JSON were 1.5M instructions of 2.7M for Spånga-Tensta's 152
 * (session 18). Returns LUP_OK, or a store error in r->err (the body then empty). */
static int activities_write(struct http_req *r, int64_t id, const struct report_state *s)
{
	struct view_report_activity *acts;
	struct goal_seg g = { 0, 0, 0 };
	struct buf *o;
	struct json j;
	int n;

	if (view_report_activities(r->st, &r->a, id, &acts, &n, &r->err) != LUP_OK)
		return r->err.code;
	buf_reset(&r->out);
	buf_reserve(&r->out, (size_t)n * 600 + 128);
	json_init(&j, &r->out, 0);
	json_obj_open(&j);
	json_key(&j, "report"); json_int(&j, id);
	json_key(&j, "status"); json_str(&j, s->status);
	json_key(&j, "year"); json_int(&j, s->year);
	json_key(&j, "items");
	json_arr_open(&j);
	for (int i = 0; i < n; i++)
		if ((o = json_value_out(&j)))
			activity_item(o, &acts[i], &g);
	json_arr_close(&j);
	json_key(&j, "total"); json_int(&j, n);
	json_obj_close(&j);
	if (json_finish(&j) != 0 || r->out.overflow) {
		buf_reset(&r->out);
		return err_set(&r->err, LUP_EDB, "the report's activities could not be written as JSON");
	}
	return LUP_OK;
}

int api_report_activities(struct http_req *r)
{
	struct report_state s;
	struct sval arg;
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
	if (activities_write(r, id, &s) != LUP_OK)
		return http_fail(r);
	return api_reply_written(r);
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

int api_report_activity_put(struct http_req *r)
{
	static const struct field fields[] = {
		{ "status", FT_ENUM, 1, 0, 0, act_status_codes }, { "comment", FT_TEXT, 0, 0, 20000, NULL },
	};
	struct report_save_in in = { 0 };
	struct report_act_in a;
	struct body b;
	int64_t id, act;
	int rc;

	if ((rc = activity_target(r, &id, &act)) != 0 || (rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	a = (struct report_act_in){ act, b.s[0], b.s[1], 0 };
	in.acts = &a;
	in.nacts = 1;
	if ((rc = save(r, id, &in, NULL)) != 0)
		return rc;
	return reply(r, id, 200);
}

int api_report_activity_delete(struct http_req *r)
{
	struct report_save_in in = { 0 };
	struct report_act_in a;
	int64_t id, act;
	int rc, changed = 0;

	if ((rc = activity_target(r, &id, &act)) != 0)
		return rc;
	a = (struct report_act_in){ act, NULL, NULL, 1 };
	in.acts = &a;
	in.nacts = 1;
	if ((rc = save(r, id, &in, &changed)) != 0)
		return rc;
	if (!changed)
		return http_error(r, 404, "not_found", "the report records nothing for activity '%s'", r->params[1]);
	return reply(r, id, 200);
}
