/* plan-edit.c: the plan version of a route and its rules (see plan-edit.h). */
#include "web/plan-edit.h"
#include "model/planver.h"
#include "web/authz.h"
#include "web/api-create.h"
#include "core/arena.h"
#include "store/store.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static int64_t num(const struct rowset *rs, const char *col)
{
	int c = rowset_col(rs, col);

	return c >= 0 && rs->rows[0][c].s ? strtoll(rs->rows[0][c].s, NULL, 10) : 0;
}

static const char *text(const struct rowset *rs, const char *col)
{
	int c = rowset_col(rs, col);

	return c >= 0 ? rs->rows[0][c].s : NULL;
}

int pv_head_load(struct http_req *r, struct pv_head *v, int *found)
{
	const char *n = r->params[1];
	struct rowset rs;
	char *end;
	long long ver;

	memset(v, 0, sizeof(*v));
	*found = 0;
	if (!n || !*n || strlen(n) > 9 || *n < '0' || *n > '9')
		return LUP_OK;
	ver = strtoll(n, &end, 10);
	if (*end)
		return LUP_OK;
	struct sval a[] = { SVS(r->params[0]), SVI(ver) };
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PT_VERSION, a, 2, &r->err) != LUP_OK)
		return r->err.code;
	if (!rs.nrows)
		return LUP_OK;
	*found = 1;
	v->id = num(&rs, "id");
	v->version = num(&rs, "version");
	v->plan_id = num(&rs, "plan_id");
	v->owner = num(&rs, "owner_id");
	v->owner_pair = num(&rs, "owner_pair");
	v->district = num(&rs, "district_id");
	v->status = text(&rs, "status");
	v->plan = text(&rs, "plan");
	v->title = text(&rs, "title");
	v->owner_name = text(&rs, "owner_name");
	v->district_key = text(&rs, "district");
	v->district_name = text(&rs, "district_name");
	v->area_scope = text(&rs, "area_scope");
	return LUP_OK;
}

int pv_readable(const struct http_user *u, const struct pv_head *v)
{
	return planver_public(v->status) || authz_plan_draft_readable(u, v->owner, v->owner_pair);
}

int pv_writable(const struct http_user *u, const struct pv_head *v)
{
	return u->role == ROLE_ADMIN || (u->role == ROLE_EDITOR && authz_member(u, v->owner, v->owner_pair));
}

struct edit_actor pv_actor(const struct http_req *r)
{
	struct edit_actor a = { r->user.id, r->user.name };

	return a;
}

int pv_themes(struct http_req *r, int64_t pv, struct rowset *t, struct rowset *al, struct rowset *gr)
{
	struct sval v = SVI(pv);

	rowset_init(t, &r->a);
	rowset_init(al, &r->a);
	rowset_init(gr, &r->a);
	if (rowset_query(t, r->st, STMT_PT_THEMES, &v, 1, &r->err) != LUP_OK ||
	    rowset_query(al, r->st, STMT_PT_ALIASES, &v, 1, &r->err) != LUP_OK ||
	    rowset_query(gr, r->st, STMT_PT_GROUPS, &v, 1, &r->err) != LUP_OK)
		return r->err.code;
	return LUP_OK;
}

void pv_run(const struct rowset *rs, int64_t id, int *from, int *to)
{
	*from = *to = 0;
	for (int i = 0; i < rs->nrows; i++)
		if (rs->rows[i][0].s && strtoll(rs->rows[i][0].s, NULL, 10) == id) {
			*from = i;
			for (*to = i; *to < rs->nrows && rs->rows[*to][0].s &&
			     strtoll(rs->rows[*to][0].s, NULL, 10) == id; (*to)++)
				;
			return;
		}
}

int pv_api_version(struct http_req *r, struct pv_head *v, int write)
{
	int found;

	if (pv_head_load(r, v, &found) != LUP_OK)
		return http_fail(r);
	if (found && write && !pv_writable(&r->user, v))
		return http_error(r, 403, "forbidden", "this plan belongs to another organisation");
	if (!found || !pv_readable(&r->user, v))
		return http_error(r, 404, "not_found", "no version %s of plan '%s'", r->params[1], r->params[0]);
	if (write && strcmp(v->status, "draft") != 0)
		return http_error(r, 409, "plan_version_adopted", "the version is adopted; create a new version to change it");
	return 0;
}

int pv_api_fail(struct http_req *r, const char *field)
{
	if (r->err.code == LUP_EINVAL && field) {
		struct api_violations v = { .n = 0 };
		api_violation(r, &v, field, API_RULE_UNKNOWN, "%s", r->err.msg);
		return api_violations_reply(r, &v);
	}
	if (r->err.code == LUP_ECONFLICT)
		return http_error(r, 409, "conflict", "%s", r->err.msg);
	if (r->err.code == LUP_ENOTFOUND)
		return http_error(r, 404, "not_found", "%s", r->err.msg);
	return http_fail(r);
}

int pv_api_order(struct http_req *r, const char *what, int64_t **ids, int *n)
{
	json_error_t jerr;
	json_t *root = json_loadb(r->body.ptr ? r->body.ptr : "", r->body.len, JSON_REJECT_DUPLICATES, &jerr), *o, *x;
	size_t i;

	if (!root)
		return http_error(r, 400, "bad_request", "malformed JSON at line %d, column %d: %s", jerr.line,
				  jerr.column, jerr.text);
	o = json_object_get(root, "order");
	if (!json_is_object(root) || json_object_size(root) != 1 || !json_is_array(o) ||
	    json_array_size(o) > PV_ORDER_MAX) {
		json_decref(root);
		return http_error(r, 422, "invalid_fields", "order: give {\"order\": [%s ids]} and nothing else", what);
	}
	*n = (int)json_array_size(o);
	*ids = arena_alloc(&r->a, (size_t)(*n + 1) * sizeof(**ids));
	json_array_foreach(o, i, x) {
		if (!json_is_integer(x)) {
			json_decref(root);
			return http_error(r, 422, "invalid_fields", "order: each member is a %s id (an integer)", what);
		}
		(*ids)[i] = (int64_t)json_integer_value(x);
	}
	json_decref(root);
	return 0;
}
