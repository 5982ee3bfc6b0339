/* api-periods.c: an administrator's reopening of a locked period,
 * POST /api/v1/periods/{year}/{T1|T2|VB}/reopen {"org"?, "reason", "until"?} (edit/period-lock.h:
 * the rule, the write and its audit entry), and the state of a year's period locks,
 * GET /api/v1/periods/{year}/locks (?org=KEY). */
#include "web/api.h"
#include "web/body.h"
#include "edit/period-lock.h"
#include "model/datex.h"
#include "model/today.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* year_param: the route's param i as a year, else answers 404. */
static int year_param(struct http_req *r, int i, int *year)
{
	char *end;
	long y = strtol(r->params[i], &end, 10);

	if (*end || y < MODEL_YEAR_MIN || y > MODEL_YEAR_MAX)
		return http_error(r, 404, "not_found", "'%s' is not a year", r->params[i]);
	*year = (int)y;
	return 0;
}

static int kind_param(struct http_req *r, int i, const char **kind)
{
	if (!(*kind = period_kind_norm(r->params[i])))
		return http_error(r, 404, "not_found", "'%s' is not a report period (T1, T2 or VB)", r->params[i]);
	return 0;
}

int api_period_reopen(struct http_req *r)
{
	enum { F_ORG, F_REASON, F_UNTIL, F__MAX };
	static const struct field fields[F__MAX] = {
		{ "org", FT_TEXT, 0, 0, 200, NULL },
		{ "reason", FT_TEXT, 1, 0, PERIOD_REASON_MAX, NULL },
		{ "until", FT_TEXT, 0, 0, 20, NULL },
	};
	struct edit_actor who = { r->user.id, r->user.name };
	enum period_reopen_rule rule;
	struct http_fields errs = { .n = 0 };
	const char *kind;
	struct body b;
	int64_t id;
	int year, until = 0, rc;

	if ((rc = year_param(r, 0, &year)) != 0 || (rc = kind_param(r, 1, &kind)) != 0 ||
	    (rc = body_parse(r, fields, F__MAX, &b)) != 0)
		return rc;
	if (b.s[F_UNTIL] && *b.s[F_UNTIL] && model_date_parse(b.s[F_UNTIL], &until, NULL, 0) != 0) {
		http_field_error(r, &errs, "until", "'%s' is not a date YYYY-MM-DD", b.s[F_UNTIL]);
		return http_fields_reply(r, &errs, 422);
	}
	if (period_reopen(r->st, &who, year, kind, b.s[F_ORG], b.s[F_REASON] ? b.s[F_REASON] : "", until,
			  model_today(), &id, &rule, &r->err) != LUP_OK) {
		if (r->err.code == LUP_EINVAL && rule != PERIOD_R_NONE) {
			http_field_error(r, &errs, period_reopen_field(rule), "%s", period_reopen_rule_en(rule));
			return http_fields_reply(r, &errs, 422);
		}
		return http_fail(r);
	}
	struct sval one = SVI(id);
	struct rowset rs;
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PL_REOPEN_ONE, &one, 1, &r->err) != LUP_OK || !rs.nrows)
		return http_fail(r);
	struct json *j = http_json_begin(r, 201);
	json_obj_open(j);
	rowset_json_row(&rs, 0, j, NULL);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_period_locks(struct http_req *r)
{
	static const char *const kinds[] = { "T1", "T2", "FY" };
	const char *okey = http_query(r, "org");
	int year, today = model_today(), rc;
	int64_t org = 0;
	char day[16];

	if ((rc = year_param(r, 0, &year)) != 0)
		return rc;
	if (okey && *okey) {
		struct sval v = SVS(okey);
		if (store_query_id(r->st, STMT_ORG_ID, &v, 1, &org, &r->err) != LUP_OK)
			return http_fail(r);
		if (!org)
			return http_error(r, 404, "not_found", "no organisation '%s'", okey);
	}
	struct period_lock lk[3];
	for (int k = 0; k < 3; k++)
		if (period_lock_get(r->st, year, kinds[k], org, today, &lk[k], &r->err) != LUP_OK)
			return http_fail(r);
	struct json *j = http_json_begin(r, 200);
	json_obj_open(j);
	model_date_format(today, day, sizeof(day));
	json_key(j, "today"); json_str(j, day);
	json_key(j, "year"); json_int(j, year);
	json_key(j, "org"); json_str(j, okey && *okey ? okey : NULL);
	json_key(j, "periods");
	json_arr_open(j);
	for (int k = 0; k < 3; k++) {
		json_obj_open(j);
		json_key(j, "period"); json_str(j, k == 2 ? "VB" : kinds[k]);
		json_key(j, "deadline");
		json_str(j, lk[k].due && model_date_format(lk[k].due, day, sizeof(day)) == 0 ? day : NULL);
		json_key(j, "grace_days"); json_int(j, lk[k].grace);
		json_key(j, "locked_from");
		json_str(j, lk[k].since && model_date_format(lk[k].since, day, sizeof(day)) == 0 ? day : NULL);
		json_key(j, "locked"); json_bool(j, lk[k].locked);
		json_key(j, "reopened_until");
		json_str(j, lk[k].reopened_until && model_date_format(lk[k].reopened_until, day, sizeof(day)) == 0 ? day : NULL);
		json_obj_close(j);
	}
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}
