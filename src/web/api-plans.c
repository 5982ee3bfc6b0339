/* api-plans.c: a plan's versions: GET /api/v1/plans/{key}/versions and POST
 * /api/v1/plans/{key}/versions/{n}/adopt (through edit/plan-adopt.h, the one write path). */
#include "web/api.h"
#include "web/authz.h"
#include "web/body.h"
#include "edit/plan-adopt.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* plan_load: the plan of the route's {key} (PV_PLAN) into rs; answers 404 when there is none.
 * Returns 0 or the status answered. */
static int plan_load(struct http_req *r, struct rowset *rs)
{
	struct sval key = SVS(r->params[0]);

	rowset_init(rs, &r->a);
	if (rowset_query(rs, r->st, STMT_PV_PLAN, &key, 1, &r->err) != LUP_OK)
		return http_fail(r);
	if (rs->nrows != 1)
		return http_error(r, 404, "not_found", "no plan '%s'", r->params[0]);
	return 0;
}

static int64_t cell(const struct rowset *rs, const char *col)
{
	int c = rowset_col(rs, col);
	return c >= 0 && rs->rows[0][c].s ? strtoll(rs->rows[0][c].s, NULL, 10) : 0;
}

int api_plan_versions(struct http_req *r)
{
	struct rowset plan, rs;
	struct json *j;
	int rc;

	if ((rc = plan_load(r, &plan)) != 0)
		return rc;
	int drafts = authz_plan_draft_readable(&r->user, cell(&plan, "owner_id"), cell(&plan, "owner_pair"));
	struct sval args[] = { SVI(cell(&plan, "id")), SVI(drafts) };
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PV_LIST, args, 2, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, r->params[0]);
	json_key(j, "items");
	rowset_json(&rs, j, NULL);
	json_obj_close(j);
	return http_json_end(r, j);
}

enum { P_DATE, P_PARAGRAPH, P_DNR, P__MAX };
static const struct field adopt_fields[P__MAX] = {
	{ "date", FT_TEXT, 0, 0, 200, NULL },
	{ "paragraph", FT_TEXT, 0, 0, 200, NULL },
	{ "dnr", FT_TEXT, 0, 0, 200, NULL },
};

/* adopt_reply: the answer to plan_adopt's outcome. */
static int adopt_reply(struct http_req *r, const struct plan_adopt_out *out)
{
	struct http_fields f = { 0 };

	switch (out->rc) {
	case PLAN_ADOPT_OK: break;
	case PLAN_ADOPT_INVALID:
		http_field_error(r, &f, out->field, "%s", strchr(out->msg, ':') ? strchr(out->msg, ':') + 2 : out->msg);
		return http_fields_reply(r, &f, 422);
	case PLAN_ADOPT_NOTFOUND: return http_error(r, 404, "not_found", "%s", out->msg);
	case PLAN_ADOPT_FORBIDDEN: return http_error(r, 403, "forbidden", "%s", out->msg);
	case PLAN_ADOPT_CONFLICT: return http_error(r, 409, "plan_version_adopted", "%s", out->msg);
	default: return http_fail(r);
	}
	struct rowset rs;
	struct sval arg = SVI(out->version_id);
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PV_ROW, &arg, 1, &r->err) != LUP_OK || rs.nrows != 1)
		return http_fail(r);
	struct json *j = http_json_begin(r, 200);
	json_obj_open(j);
	rowset_json_row(&rs, 0, j, NULL);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_plan_adopt(struct http_req *r)
{
	struct plan_adopt_out out;
	struct body b;
	char *end;
	int rc;

	long n = strtol(r->params[1], &end, 10);
	if (*end || n < 1 || strlen(r->params[1]) > 9)
		return http_error(r, 404, "not_found", "no version '%s'", r->params[1]);
	if ((rc = body_parse(r, adopt_fields, P__MAX, &b)) != 0)
		return rc;
	struct plan_adopt_in in = { r->params[0], n, b.s[P_DATE], b.s[P_PARAGRAPH], b.s[P_DNR] };
	plan_adopt(r->st, &r->user, r->user.name[0] ? r->user.name : "anonymous", &in, plan_today(), &out, &r->err);
	return adopt_reply(r, &out);
}
