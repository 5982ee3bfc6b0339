/* api-plan-sections.c: a plan version's seven sections (edit/plan-section.h):
 *   GET /api/v1/plans/{key}/versions/{n}/sections: all seven, in order;
 *   GET /api/v1/plans/{key}/versions/{n}/sections/{ord}: one, with its ETag;
 *   PUT /api/v1/plans/{key}/versions/{n}/sections/{ord} {"title", "body"}: sets it (If-Match).
 * A draft's sections are read only by those pv_readable admits (anonymous 401, others
 * 403); the write's rules are plan_section_set's. */
#include "web/api.h"
#include "web/body.h"
#include "web/plan-edit.h"
#include "edit/plan-section.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* hidden: 401 or 403 for a draft the caller may not read; 0 when it may. */
static int hidden(struct http_req *r, const struct pv_head *p)
{
	if (pv_readable(&r->user, p))
		return 0;
	if (r->user.role == ROLE_ANON) {
		http_header(r, "WWW-Authenticate", "Bearer realm=\"lup\"");
		return http_error(r, 401, "unauthenticated", "a draft is not public: log in or give a bearer token");
	}
	return http_error(r, 403, "forbidden", "a draft is read only by its plan's organisation and the city office");
}

/* load: the version of the route's {key} and {n} (404 when none); 0 or the status answered. */
static int load(struct http_req *r, struct pv_head *p)
{
	int found;

	if (pv_head_load(r, p, &found) != LUP_OK)
		return http_fail(r);
	if (!found)
		return http_error(r, 404, "not_found", "no version '%s' of plan '%s'", r->params[1], r->params[0]);
	return 0;
}

static int load_ord(struct http_req *r, struct pv_head *p, int *ord)
{
	int rc = load(r, p);

	if (rc)
		return rc;
	if (!(*ord = plan_section_ord(r->params[2])))
		return http_error(r, 404, "not_found", "no section '%s': sections are 1..7", r->params[2]);
	return 0;
}

int api_plan_sections_list(struct http_req *r)
{
	struct pv_head p;
	struct rowset rs;
	int rc;

	if ((rc = load(r, &p)) || (rc = hidden(r, &p)))
		return rc;
	struct sval arg = SVI(p.id);
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_SECTION_LIST, &arg, 1, &r->err) != LUP_OK)
		return http_fail(r);
	struct json *j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, p.plan);
	json_key(j, "version"); json_int(j, p.version);
	json_key(j, "status"); json_str(j, p.status);
	json_key(j, "sections"); json_arr_open(j);
	for (int ord = 1, i = 0; ord <= PLAN_SECTIONS; ord++) {
		int stored = i < rs.nrows && atoi(rs.rows[i][1].s) == ord;
		json_obj_open(j);
		json_key(j, "ord"); json_int(j, ord);
		json_key(j, "title"); json_str(j, stored ? rs.rows[i][2].s : plan_section_default_title(ord));
		json_key(j, "body"); json_str(j, stored && rs.rows[i][3].s ? rs.rows[i][3].s : "");
		json_key(j, "stored"); json_bool(j, stored);
		json_obj_close(j);
		i += stored;
	}
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_plan_section_get(struct http_req *r)
{
	struct pv_head p;
	char *json;
	int ord, rc;

	if ((rc = load_ord(r, &p, &ord)) || (rc = hidden(r, &p)))
		return rc;
	if (plan_section_json(r->st, p.id, ord, &json, &r->err) != LUP_OK)
		return http_fail(r);
	char *copy = arena_strdup(&r->a, json);
	free(json);
	return api_reply_read(r, copy);
}

/* if_match: the API's If-Match on the section as it is (answers 412 itself). */
static int if_match(void *ctx, const char *before)
{
	return api_if_match(ctx, before);
}

int api_plan_section_put(struct http_req *r)
{
	static const struct field fields[] = {
		{ "title", FT_TEXT, 0, 0, PLAN_SECTION_TITLE_MAX, NULL },
		{ "body", FT_TEXT, 1, 0, PLAN_SECTION_BODY_MAX, NULL },
	};
	struct plan_section_out out;
	struct pv_head p;
	struct body b;
	int ord, rc;

	if ((rc = load_ord(r, &p, &ord)) || (rc = body_parse(r, fields, 2, &b)))
		return rc;
	struct plan_section_in in = { ord, b.present[0] && !b.isnull[0] ? b.s[0] : NULL, b.isnull[1] ? "" : b.s[1] };
	const char *field, *sv, *why = plan_section_invalid(&in, &field, &sv);
	if (why) {
		struct http_fields f = { 0 };
		http_field_error(r, &f, field, "%s", why);
		return http_fields_reply(r, &f, 422);
	}
	rc = plan_section_set(r->st, &r->user, p.id, &in, if_match, r, &out, &r->err);
	if (rc != LUP_OK) {
		free(out.after);
		if (out.stale)
			return r->status;
		if (out.denied)
			return http_error(r, 403, "forbidden", "%s", r->err.msg);
		if (rc == LUP_ECONFLICT)
			return http_error(r, 409, "conflict", "%s", r->err.msg);
		return http_fail(r);
	}
	char *after = arena_strdup(&r->a, out.after);
	free(out.after);
	return api_reply_snapshot(r, out.created ? 201 : 200, after);
}
