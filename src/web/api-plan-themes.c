/* api-plan-themes.c: a plan version's themes and prioritised areas in the API:
 *	GET, POST /api/v1/plans/{key}/versions/{n}/themes
 *	GET, PATCH, DELETE[?move_to=ID] /api/v1/plans/{key}/versions/{n}/themes/{id}
 *	POST /api/v1/plans/{key}/versions/{n}/themes/order {"order": [ids]}
 *	GET, PUT /api/v1/plans/{key}/versions/{n}/areas {"scope", "areas": [{"area", "note"}]}
 * The writes go through edit/plan-theme and edit/plan-area (the frozen rule, one transaction
 * with its audit entry); who may write: the plan owner's editors and administrators. A draft is
 * visible only to those who may read it (pv_readable); others get 404. */
#include "web/api.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/plan-edit.h"
#include "edit/plan-area.h"
#include "edit/plan-theme.h"
#include "render/json.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static void theme_json(struct json *j, const struct rowset *t, int i, const struct rowset *al,
		       const struct rowset *gr)
{
	int64_t id = strtoll(t->rows[i][0].s, NULL, 10);
	int from, to;

	json_obj_open(j);
	json_key(j, "id"); json_int(j, id);
	json_key(j, "ord"); json_int(j, strtoll(t->rows[i][rowset_col(t, "ord")].s, NULL, 10));
	json_key(j, "name"); json_str(j, t->rows[i][rowset_col(t, "name")].s);
	json_key(j, "description");
	if (t->rows[i][rowset_col(t, "description")].s)
		json_str(j, t->rows[i][rowset_col(t, "description")].s);
	else
		json_nothing(j);
	json_key(j, "target_groups");
	json_arr_open(j);
	pv_run(gr, id, &from, &to);
	for (int k = from; k < to; k++)
		json_str(j, gr->rows[k][1].s);
	json_arr_close(j);
	json_key(j, "aliases");
	json_arr_open(j);
	pv_run(al, id, &from, &to);
	for (int k = from; k < to; k++) {
		json_obj_open(j);
		json_key(j, "name"); json_str(j, al->rows[k][1].s);
		json_key(j, "valid_to");
		if (al->rows[k][2].s)
			json_str(j, al->rows[k][2].s);
		else
			json_nothing(j);
		json_obj_close(j);
	}
	json_arr_close(j);
	json_key(j, "used_by");
	json_obj_open(j);
	json_key(j, "goals"); json_int(j, strtoll(t->rows[i][rowset_col(t, "goals")].s, NULL, 10));
	json_key(j, "activities"); json_int(j, strtoll(t->rows[i][rowset_col(t, "activities")].s, NULL, 10));
	json_key(j, "measures"); json_int(j, strtoll(t->rows[i][rowset_col(t, "measures")].s, NULL, 10));
	json_obj_close(j);
	json_obj_close(j);
}

/* reply_themes: the version's themes (only_id 0) or its theme only_id (404 when not there). */
static int reply_themes(struct http_req *r, const struct pv_head *v, int64_t only_id, int status)
{
	struct rowset t, al, gr;
	struct json *j;

	if (pv_themes(r, v->id, &t, &al, &gr) != LUP_OK)
		return http_fail(r);
	if (only_id) {
		for (int i = 0; i < t.nrows; i++)
			if (strtoll(t.rows[i][0].s, NULL, 10) == only_id) {
				j = http_json_begin(r, status);
				theme_json(j, &t, i, &al, &gr);
				return http_json_end(r, j);
			}
		return http_error(r, 404, "not_found", "no theme %lld in the version", (long long)only_id);
	}
	j = http_json_begin(r, status);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, v->plan);
	json_key(j, "version"); json_int(j, v->version);
	json_key(j, "status"); json_str(j, v->status);
	json_key(j, "themes");
	json_arr_open(j);
	for (int i = 0; i < t.nrows; i++)
		theme_json(j, &t, i, &al, &gr);
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_pv_themes_get(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0)
		return rc;
	return reply_themes(r, &v, 0, 200);
}

enum { T_NAME, T_DESC, T_GROUPS, T__MAX };
static const struct field theme_fields[T__MAX] = {
	{ "name", FT_STRING, 0, 0, PLAN_THEME_NAME_MAX, NULL },
	{ "description", FT_TEXT, 0, 0, PLAN_THEME_TEXT_MAX, NULL },
	{ "target_groups", FT_STRINGS, 0, 0, 0, NULL },
};

static struct plan_theme_in theme_in(const struct body *b)
{
	struct plan_theme_in in = {
		.name = b->s[T_NAME], .set_name = b->present[T_NAME],
		.description = b->s[T_DESC], .set_description = b->present[T_DESC],
		.groups = (const char *const *)b->list[T_GROUPS], .ngroups = b->nlist[T_GROUPS],
		.set_groups = b->present[T_GROUPS], .source = "api",
	};
	return in;
}

int api_pv_themes_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *field = NULL;
	struct pv_head v;
	struct body b;
	int64_t id = 0;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = body_parse(r, theme_fields, T__MAX, &b)) != 0)
		return rc;
	if (!b.present[T_NAME] || b.isnull[T_NAME]) {
		struct api_violations bad = { .n = 0 };
		api_violation(r, &bad, "name", API_RULE_REQUIRED, "is required");
		return api_violations_reply(r, &bad);
	}
	struct plan_theme_in in = theme_in(&b);
	if (plan_theme_add(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	char loc[600];
	snprintf(loc, sizeof(loc), "/api/v1/plans/%s/versions/%lld/themes/%lld", v.plan, (long long)v.version,
		 (long long)id);
	http_header(r, "Location", loc);
	return reply_themes(r, &v, id, 201);
}

/* theme_param: the route's theme id (param 2); 0 answers 404. */
static int theme_param(struct http_req *r, int64_t *id)
{
	return api_id_param(r, 2, STMT__MAX, "theme", id);
}

int api_pv_theme_get(struct http_req *r)
{
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0 || (rc = theme_param(r, &id)) != 0)
		return rc;
	return reply_themes(r, &v, id, 200);
}

int api_pv_theme_patch(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *field = NULL;
	struct pv_head v;
	struct body b;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = theme_param(r, &id)) != 0 ||
	    (rc = body_parse(r, theme_fields, T__MAX, &b)) != 0)
		return rc;
	if (b.present[T_NAME] && b.isnull[T_NAME])
		return http_error(r, 422, "invalid_fields", "'name' cannot be null");
	struct plan_theme_in in = theme_in(&b);
	if (plan_theme_change(r->st, &who, v.id, id, &in, NULL, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	return reply_themes(r, &v, id, 200);
}

int api_pv_theme_delete(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *mv = http_query(r, "move_to"), *field = NULL;
	struct plan_theme_refs refs;
	struct pv_head v;
	int64_t id, to = 0;
	char *end = NULL;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = theme_param(r, &id)) != 0)
		return rc;
	if (mv && (!*mv || strlen(mv) > 18 || (to = strtoll(mv, &end, 10)) <= 0 || *end))
		return http_error(r, 400, "bad_request", "move_to: give the id of another theme of the version");
	if (plan_theme_remove(r->st, &who, v.id, id, to, &refs, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	r->status = 204;
	return 204;
}

int api_pv_themes_order(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *field = NULL;
	struct pv_head v;
	int64_t *ids = NULL;
	int n = 0, rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = pv_api_order(r, "theme", &ids, &n)) != 0)
		return rc;
	if (plan_theme_order(r->st, &who, v.id, ids, n, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	return reply_themes(r, &v, 0, 200);
}

static int reply_areas(struct http_req *r, const struct pv_head *v, int status)
{
	struct sval a = SVI(v->id), pk[] = { SVS(v->plan), SVI(v->version) };
	struct rowset pa, head;
	struct json *j;

	rowset_init(&pa, &r->a);
	rowset_init(&head, &r->a);
	if (rowset_query(&pa, r->st, STMT_PT_PAREAS, &a, 1, &r->err) != LUP_OK ||
	    rowset_query(&head, r->st, STMT_PT_VERSION, pk, 2, &r->err) != LUP_OK || !head.nrows)
		return http_fail(r);
	const char *scope = head.rows[0][rowset_col(&head, "area_scope")].s;
	j = http_json_begin(r, status);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, v->plan);
	json_key(j, "version"); json_int(j, v->version);
	json_key(j, "district"); if (v->district_key) json_str(j, v->district_key); else json_nothing(j);
	json_key(j, "scope"); if (scope) json_str(j, scope); else json_nothing(j);
	json_key(j, "areas");
	rowset_json(&pa, j, NULL);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_pv_areas_get(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0)
		return rc;
	return reply_areas(r, &v, 200);
}

/* areas_body: {"scope": S, "areas": [{"area": KEY, "note": TEXT|null}]} into *scope and *in
 * (arena copies). 0, or the status answered (400 malformed, 422 naming the field). */
static int areas_body(struct http_req *r, const char **scope, struct plan_area_in **in, int *n)
{
	json_error_t jerr;
	json_t *root = json_loadb(r->body.ptr, r->body.len, JSON_REJECT_DUPLICATES, &jerr), *s, *l, *x;
	const char *bad = NULL;
	size_t i;

	if (!root)
		return http_error(r, 400, "bad_request", "malformed JSON at line %d, column %d: %s", jerr.line,
				  jerr.column, jerr.text);
	s = json_object_get(root, "scope");
	l = json_object_get(root, "areas");
	*n = 0;
	if (!json_is_object(root) || json_object_size(root) != (size_t)(1 + (l != NULL)))
		bad = "give {\"scope\": ..., \"areas\": [...]} and nothing else";
	else if (!json_is_string(s))
		bad = "scope: one of none, some, all";
	else if (l && (!json_is_array(l) || json_array_size(l) > PLAN_AREA_MAX))
		bad = "areas: an array of at most 200 {\"area\": KEY, \"note\": TEXT}";
	if (!bad && l) {
		*in = arena_alloc(&r->a, (json_array_size(l) + 1) * sizeof(**in));
		json_array_foreach(l, i, x) {
			json_t *a = json_object_get(x, "area"), *no = json_object_get(x, "note");
			if (!json_is_object(x) || !json_is_string(a) || (no && !json_is_string(no) && !json_is_null(no)) ||
			    json_object_size(x) != (size_t)(1 + (no != NULL))) {
				bad = "areas: each member is {\"area\": KEY, \"note\": TEXT or null}";
				break;
			}
			(*in)[i].area = arena_strdup(&r->a, json_string_value(a));
			(*in)[i].note = json_is_string(no) ? arena_strdup(&r->a, json_string_value(no)) : NULL;
			(*n)++;
		}
	}
	if (!bad)
		*scope = arena_strdup(&r->a, json_string_value(s));
	json_decref(root);
	return bad ? http_error(r, 422, "invalid_fields", "%s", bad) : 0;
}

int api_pv_areas_put(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *field = NULL, *bad_area = NULL, *scope = NULL;
	struct plan_area_in *in = NULL;
	struct pv_head v;
	int n = 0, rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = areas_body(r, &scope, &in, &n)) != 0)
		return rc;
	if (plan_area_set(r->st, &who, v.id, scope, in, n, "api", NULL, &field, &bad_area, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	return reply_areas(r, &v, 200);
}
