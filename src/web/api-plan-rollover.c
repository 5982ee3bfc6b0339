/* api-plan-rollover.c: POST /api/v1/plans/{key}/rollover {"year": YYYY}: next year's
 * verksamhetsplan from this one, as a draft (edit/plan-rollover.h), for the plan owner's editors
 * and administrators; api_plan_rollover_run is shared with the organisation page's form. */
#include "web/api.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/routes.h"
#include "doc/plan-json.h"
#include "edit/plan-rollover.h"
#include "render/json.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

int api_plan_rollover_run(struct http_req *r, const char *key, int year, struct plan_rollover_out *out)
{
	struct plan_version_opts o = { .actor = r->user.name, .user_id = r->user.id, .origin = "rollover" };
	struct doc_problems p = { 0 };
	struct sval k = SVS(key);
	int64_t owner = 0;
	int rc;

	if (store_query_id(r->st, STMT_RO_PLAN_OWNER, &k, 1, &owner, &r->err) != LUP_OK)
		return http_fail(r);
	if (!owner)
		return http_error(r, 404, "not_found", "no plan '%s'", key);
	if ((rc = authz_org(r, owner)) != 0)
		return rc;
	rc = plan_rollover(r->st, key, year, &o, out, &p, &r->err);
	doc_problems_free(&p);
	switch (rc) {
	case LUP_OK:
		return 0;
	case LUP_EINVAL:
		return http_error(r, 422, "invalid_fields", "%s", r->err.msg);
	case LUP_ECONFLICT:
		return http_error(r, 409, "conflict", "%s", r->err.msg);
	case LUP_ENOTFOUND:
		return http_error(r, 404, "not_found", "%s", r->err.msg);
	default:
		return http_fail(r);
	}
}

static const struct field fields[] = { { "year", FT_INT, 1, 1900, 2999, NULL } };

int api_plan_rollover(struct http_req *r)
{
	struct plan_rollover_out out;
	struct body b;
	int rc;

	if ((rc = body_parse(r, fields, 1, &b)) != 0 ||
	    (rc = api_plan_rollover_run(r, r->params[0], (int)b.i[0], &out)) != 0)
		return rc;
	char loc[200];
	snprintf(loc, sizeof(loc), "/api/v1/plans/%s", out.key);
	http_header(r, "Location", loc);
	struct json *j = http_json_begin(r, 201);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, out.key);
	json_key(j, "version"); json_int(j, 1);
	json_key(j, "status"); json_str(j, "draft");
	json_key(j, "goals"); json_int(j, out.goals);
	json_key(j, "results"); json_int(j, out.results);
	json_key(j, "indicators"); json_int(j, out.indicators);
	json_key(j, "activities"); json_int(j, out.activities);
	json_key(j, "activities_left"); json_int(j, out.activities_left);
	json_key(j, "targets_left"); json_int(j, out.targets_left);
	json_key(j, "kf_mapped"); json_int(j, out.kf_mapped);
	json_key(j, "kf_kept"); json_int(j, out.kf_kept);
	json_obj_close(j);
	return http_json_end(r, j);
}
