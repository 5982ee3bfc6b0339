/* api-plan-goals.c: an LUP version's goals (målsättningar) in the API:
 *	GET, POST /api/v1/plans/{key}/versions/{n}/goals
 *	GET, PATCH, DELETE /api/v1/plans/{key}/versions/{n}/goals/{id}
 * The writes go through edit/plan-goal (the frozen rule, one transaction with its audit
 * entries); who may write: the plan owner's editors and administrators. A draft is visible only
 * to those who may read it (pv_readable); others get 404. The body is one object of the fields
 * of docs/api.md; "new_indicator" is an object {name, unit, direction, by_sex}. */
#include "web/api.h"
#include "web/api-create.h"
#include "web/plan-edit.h"
#include "edit/plan-goal.h"
#include "render/json.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const GOAL_BOOLS[] = { "indicator_by_sex", "indicator_own", NULL };

/* reply_goals: the version's LUP goals (only_id 0) or its goal only_id (404 when not there). */
static int reply_goals(struct http_req *r, const struct pv_head *v, int64_t only_id, int status)
{
	struct sval a = SVI(v->id), one[] = { SVI(only_id), SVI(v->id) };
	struct rowset g;
	struct json *j;

	rowset_init(&g, &r->a);
	if ((only_id ? rowset_query(&g, r->st, STMT_PG_GOAL, one, 2, &r->err)
		     : rowset_query(&g, r->st, STMT_PG_GOALS, &a, 1, &r->err)) != LUP_OK)
		return http_fail(r);
	if (only_id) {
		if (!g.nrows)
			return http_error(r, 404, "not_found", "no LUP goal %lld in the version", (long long)only_id);
		j = http_json_begin(r, status);
		json_obj_open(j);
		rowset_json_row(&g, 0, j, GOAL_BOOLS);
		json_obj_close(j);
		return http_json_end(r, j);
	}
	j = http_json_begin(r, status);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, v->plan);
	json_key(j, "version"); json_int(j, v->version);
	json_key(j, "status"); json_str(j, v->status);
	json_key(j, "goals");
	rowset_json(&g, j, GOAL_BOOLS);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_pv_goals_get(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0)
		return rc;
	return reply_goals(r, &v, 0, 200);
}

/* A body's fields: (name, kind). */
enum gk { K_STR, K_TEXT, K_INT, K_NUM, K_IND };
static const struct { const char *name; enum gk k; } GOAL_FIELDS[] = {
	{ "title", K_STR }, { "description", K_TEXT }, { "theme", K_INT }, { "area", K_STR }, { "sex", K_STR },
	{ "horizon", K_STR }, { "horizon_year", K_INT }, { "baseline_value", K_NUM }, { "baseline_year", K_INT },
	{ "target_value", K_NUM }, { "target_direction", K_STR }, { "benchmark", K_STR }, { "indicator", K_STR },
	{ "new_indicator", K_IND },
};
#define NFIELDS (sizeof(GOAL_FIELDS) / sizeof(GOAL_FIELDS[0]))

static const char *dup(struct http_req *r, json_t *x)
{
	return json_is_string(x) ? arena_strdup(&r->a, json_string_value(x)) : NULL;
}

/* new_ind: the "new_indicator" object into *n; a violation per bad member. */
static void new_ind(struct http_req *r, json_t *x, struct plan_goal_new_ind *n, struct api_violations *bad)
{
	const char *k;
	json_t *y;

	json_object_foreach(x, k, y) {
		if (!strcmp(k, "name") && json_is_string(y))
			n->name = dup(r, y);
		else if (!strcmp(k, "unit") && (json_is_string(y) || json_is_null(y)))
			n->unit = dup(r, y);
		else if (!strcmp(k, "direction") && json_is_string(y))
			n->direction = dup(r, y);
		else if (!strcmp(k, "by_sex") && json_is_boolean(y))
			n->by_sex = json_is_true(y);
		else
			api_violation(r, bad, "new_indicator", API_RULE_CHOICE,
				      "'%.60s' is not a field of new_indicator (name, unit, direction, by_sex) or has the "
				      "wrong type", k);
	}
}

/* set_field: member k (GOAL_FIELDS[f]) of the body into *in. */
static void set_field(struct http_req *r, size_t f, json_t *x, struct plan_goal_in *in, struct plan_goal_new_ind *n,
		      struct api_violations *bad)
{
	int isnull = json_is_null(x);
	const char *s = dup(r, x);
	int64_t i = json_is_integer(x) ? (int64_t)json_integer_value(x) : 0;
	double d = json_is_number(x) ? json_number_value(x) : 0;

	switch (f) {
	case 0: in->title = s, in->set_title = 1; break;
	case 1: in->description = s, in->set_description = 1; break;
	case 2: in->theme = i, in->set_theme = 1; break;
	case 3: in->area = s, in->set_area = 1; break;
	case 4: in->sex = s, in->set_sex = 1; break;
	case 5: in->horizon = s, in->set_horizon = 1; break;
	case 6: in->horizon_year = i, in->has_horizon_year = !isnull, in->set_horizon_year = 1; break;
	case 7: in->baseline_value = d, in->has_baseline_value = !isnull, in->set_baseline_value = 1; break;
	case 8: in->baseline_year = i, in->has_baseline_year = !isnull, in->set_baseline_year = 1; break;
	case 9: in->target_value = d, in->has_target_value = !isnull, in->set_target_value = 1; break;
	case 10: in->target_direction = s, in->set_target_direction = 1; break;
	case 11: in->benchmark = s, in->set_benchmark = 1; break;
	case 12: in->indicator = s, in->set_indicator = 1; break;
	default:
		if (!isnull) {
			new_ind(r, x, n, bad);
			in->new_indicator = n;
		}
	}
}

static int type_ok(enum gk k, json_t *x)
{
	switch (k) {
	case K_STR: return json_is_string(x) || json_is_null(x);
	case K_TEXT: return json_is_string(x) || json_is_null(x);
	case K_INT: return json_is_integer(x) || json_is_null(x);
	case K_NUM: return json_is_number(x) || json_is_null(x);
	default: return json_is_object(x) || json_is_null(x);
	}
}

/* goal_body: the request body into *in (texts in the arena); 0, or the status answered: 400 for
 * malformed JSON, 422 listing the unknown fields and those of the wrong type. */
static int goal_body(struct http_req *r, struct plan_goal_in *in, struct plan_goal_new_ind *n)
{
	static const char *const kind[] = { "a string", "a string or null", "an integer", "a number", "an object" };
	struct api_violations bad = { .n = 0 };
	json_error_t jerr;
	json_t *root = json_loadb(r->body.ptr, r->body.len, JSON_REJECT_DUPLICATES, &jerr), *x;
	const char *k;

	if (!root)
		return http_error(r, 400, "bad_request", "malformed JSON at line %d, column %d: %s", jerr.line,
				  jerr.column, jerr.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return http_error(r, 400, "bad_request", "the body is one JSON object");
	}
	memset(in, 0, sizeof(*in));
	memset(n, 0, sizeof(*n));
	in->source = "api";
	json_object_foreach(root, k, x) {
		size_t f = 0;
		while (f < NFIELDS && strcmp(GOAL_FIELDS[f].name, k))
			f++;
		if (f == NFIELDS)
			api_violation(r, &bad, arena_strdup(&r->a, k), API_RULE_UNKNOWN, "is not a field of a goal");
		else if (!type_ok(GOAL_FIELDS[f].k, x))
			api_violation(r, &bad, GOAL_FIELDS[f].name, API_RULE_CHOICE, "must be %s", kind[GOAL_FIELDS[f].k]);
		else
			set_field(r, f, x, in, n, &bad);
	}
	json_decref(root);
	return bad.n ? api_violations_reply(r, &bad) : 0;
}

int api_pv_goals_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct plan_goal_new_ind n;
	struct plan_goal_in in;
	const char *field = NULL;
	struct pv_head v;
	int64_t id = 0;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = goal_body(r, &in, &n)) != 0)
		return rc;
	if (plan_goal_create(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	char loc[600];
	snprintf(loc, sizeof(loc), "/api/v1/plans/%s/versions/%lld/goals/%lld", v.plan, (long long)v.version,
		 (long long)id);
	http_header(r, "Location", loc);
	return reply_goals(r, &v, id, 201);
}

static int goal_param(struct http_req *r, int64_t *id)
{
	return api_id_param(r, 2, STMT__MAX, "goal", id);
}

int api_pv_goal_get(struct http_req *r)
{
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0 || (rc = goal_param(r, &id)) != 0)
		return rc;
	return reply_goals(r, &v, id, 200);
}

int api_pv_goal_patch(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct plan_goal_new_ind n;
	struct plan_goal_in in;
	const char *field = NULL;
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = goal_param(r, &id)) != 0 || (rc = goal_body(r, &in, &n)) != 0)
		return rc;
	if (plan_goal_change(r->st, &who, v.id, id, &in, NULL, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	return reply_goals(r, &v, id, 200);
}

int api_pv_goal_delete(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = goal_param(r, &id)) != 0)
		return rc;
	if (plan_goal_delete(r->st, &who, v.id, id, &r->err) != LUP_OK)
		return pv_api_fail(r, NULL);
	r->status = 204;
	return 204;
}
