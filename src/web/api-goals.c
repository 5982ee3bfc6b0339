/* api-goals.c: PATCH /api/v1/goals/{id} and GET /api/v1/organisations/{id}/goal-chain. */
#include "web/api.h"
#include "web/body.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/kinds.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

static const char *const benchmarks[] = { "city_average", "district_average", "absolute", "direction", "parity", NULL };

enum { G_TITLE, G_DESC, G_NUMBER, G_HORIZON, G_BENCH, G__MAX };
static const struct field goal_fields[G__MAX] = {
	{ "name", FT_STRING, 0, 0, 500, NULL },
	{ "description", FT_TEXT, 0, 0, 20000, NULL },
	{ "number", FT_TEXT, 0, 0, 20, NULL },
	{ "horizon_year", FT_INT, 0, 1900, 2999, NULL },
	{ "benchmark", FT_ENUM, 0, 0, 0, benchmarks },
};

int api_goal_patch(struct http_req *r)
{
	const struct kind *k = kind_find("goals");
	struct body b;
	char *before;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_GOAL_ID, "goal", &id)) != 0 ||
	    (rc = body_parse(r, goal_fields, G__MAX, &b)) != 0)
		return rc;
	if (b.present[G_TITLE] && b.isnull[G_TITLE])
		return http_error(r, 422, "invalid_fields", "'name' cannot be null");
	if ((rc = api_write_begin(r, k, id, STMT_GOAL_OWNER, &before)) != 0)
		return rc;
	struct sval args[] = {
		SVI(id), SVI(b.present[G_TITLE]), SVS(b.s[G_TITLE]), SVI(b.present[G_DESC]), SVS(b.s[G_DESC]),
		SVI(b.present[G_NUMBER]), SVS(b.s[G_NUMBER]), SVI(b.present[G_HORIZON]),
		b.isnull[G_HORIZON] ? SVNULL : SVI(b.i[G_HORIZON]), SVI(b.present[G_BENCH]), SVS(b.s[G_BENCH]),
	};
	if (store_exec(r->st, STMT_GOAL_PATCH, args, 11, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "goal", "update", id, before, 200);
}

/* chain_goal: one goal of the chain with its indicators (targets, outcomes) and assessments. */
static int chain_goal(struct http_req *r, const struct rowset *goals, int i, long year, int64_t org,
		      struct json *j)
{
	int64_t gid = strtoll(goals->rows[i][0].s, NULL, 10);
	struct sval g = SVI(gid);
	struct sval gy[] = { SVI(gid), SVI(year) };
	struct rowset inds, as;
	static const char *const bools[] = { "missing", "example", NULL };

	rowset_init(&inds, &r->a);
	rowset_init(&as, &r->a);
	if (rowset_query(&inds, r->st, STMT_REL_GOAL_INDICATORS, &g, 1, &r->err) != LUP_OK ||
	    rowset_query(&as, r->st, STMT_GOAL_ASSESSMENTS, gy, 2, &r->err) != LUP_OK)
		return r->err.code;
	json_obj_open(j);
	rowset_json_row(goals, i, j, NULL);
	json_key(j, "assessments");
	rowset_json(&as, j, NULL);
	json_key(j, "indicators");
	json_arr_open(j);
	for (int k = 0; k < inds.nrows; k++) {
		struct rowset out;
		struct sval iy[] = { SVI(strtoll(inds.rows[k][0].s, NULL, 10)), SVI(year), SVI(org) };
		rowset_init(&out, &r->a);
		if (rowset_query(&out, r->st, STMT_INDICATOR_OUTCOMES_YEAR, iy, 3, &r->err) != LUP_OK)
			return r->err.code;
		json_obj_open(j);
		rowset_json_row(&inds, k, j, NULL);
		json_key(j, "outcomes");
		rowset_json(&out, j, bools);
		json_obj_close(j);
	}
	json_arr_close(j);
	json_obj_close(j);
	return LUP_OK;
}

int api_goal_chain(struct http_req *r)
{
	const char *ys = http_query(r, "year");
	struct rowset goals;
	struct json *j;
	int64_t org;
	long year = ys ? strtol(ys, NULL, 10) : 0;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_ORG_ID_LOOSE, "organisation", &org)) != 0)
		return rc;
	if (!ys || year < 1900 || year > 2999)
		return http_error(r, 400, "bad_request", "give the year: ?year=YYYY");
	struct sval args[] = { SVI(org), SVI(year) };
	rowset_init(&goals, &r->a);
	if (rowset_query(&goals, r->st, STMT_GOAL_CHAIN, args, 2, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "organisation_id"); json_int(j, org);
	json_key(j, "year"); json_int(j, year);
	json_key(j, "goals");
	json_arr_open(j);
	for (int i = 0; i < goals.nrows; i++)
		if (chain_goal(r, &goals, i, year, org, j) != LUP_OK)
			return http_fail(r);
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}
