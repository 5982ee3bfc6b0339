/* api-deadlines.c: the annual wheel in the API:
 *	GET /api/v1/deadlines[?year=Y][&org=KEY]		the deadlines (public: the calendar is not secret)
 *	PUT, DELETE /api/v1/deadlines/{year}/{kind}		the city's deadline (city office, admin)
 *	GET /api/v1/organisations/{key}/deadlines[?year=Y]	the city's and the organisation's
 *	PUT, DELETE /api/v1/organisations/{key}/deadlines/{year}/{kind}/{level}
 *								an internal deadline (its editors, city, admin)
 *	GET /api/v1/organisations/{key}/deadlines.ics		the same as an iCalendar feed
 * Writes go through edit/deadline (the rules, authorisation, one transaction with its audit
 * entry); {kind} is T1, T2 or VB (FY too). */
#include "web/api.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/routes.h"
#include "core/buf.h"
#include "doc/ics.h"
#include "edit/deadline.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"
#include "view/wheel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { D_DUE, D__MAX };
static const struct field fields[D__MAX] = {
	{ "due", FT_STRING, 0, 0, 32, NULL },
};

/* year_arg: ?year= (0 when absent): 0, or answers 400. */
static int year_arg(struct http_req *r, long *year)
{
	const char *y = http_query(r, "year");
	char *end;

	*year = 0;
	if (!y)
		return 0;
	*year = strtol(y, &end, 10);
	if (*end || end == y || *year < 1900 || *year > 2999)
		return http_error(r, 400, "bad_request", "year: a year 1900-2999, not '%s'", y);
	return 0;
}

/* reply_list: answers {"deadlines": [...]} of rs. */
static int reply_list(struct http_req *r, const struct rowset *rs)
{
	struct json *j = http_json_begin(r, 200);

	json_obj_open(j);
	json_key(j, "deadlines");
	json_arr_open(j);
	for (int i = 0; i < rs->nrows; i++)
		wheel_deadline_json(rs, i, j);
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}

/* org_param: the route's organisation (param 0, key or id): 0 with *org, or 404 answered. */
static int org_param(struct http_req *r, int64_t *org)
{
	return api_id_param(r, 0, STMT_ORG_ID_LOOSE, "organisation", org);
}

int api_deadlines_list(struct http_req *r)
{
	const char *o = http_query(r, "org");
	struct rowset rs;
	int64_t org = 0;
	long year;
	int rc;

	if ((rc = year_arg(r, &year)) != 0)
		return rc;
	if (o) {
		struct sval v = SVS(o);
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &v, 1, &org, &r->err) != LUP_OK)
			return http_fail(r);
		if (!org)
			return http_error(r, 404, "not_found", "no organisation '%s'", o);
	}
	if (wheel_deadlines_load(r->st, &r->a, year, org, !o, &rs, &r->err) != LUP_OK)
		return http_fail(r);
	return reply_list(r, &rs);
}

int api_org_deadlines(struct http_req *r)
{
	struct rowset rs;
	int64_t org;
	long year;
	int rc;

	if ((rc = org_param(r, &org)) != 0 || (rc = year_arg(r, &year)) != 0)
		return rc;
	if (wheel_deadlines_load(r->st, &r->a, year, org, 0, &rs, &r->err) != LUP_OK)
		return http_fail(r);
	return reply_list(r, &rs);
}

int api_org_deadlines_ics(struct http_req *r)
{
	struct rowset rs, o;
	char name[400];
	int64_t org;
	int rc;

	if ((rc = org_param(r, &org)) != 0)
		return rc;
	struct sval v = SVI(org);
	rowset_init(&o, &r->a);
	if (rowset_query(&o, r->st, STMT_WH_ORG, &v, 1, &r->err) != LUP_OK ||
	    wheel_deadlines_load(r->st, &r->a, 0, org, 0, &rs, &r->err) != LUP_OK)
		return http_fail(r);
	snprintf(name, sizeof(name), "Årshjul – %s", rowset_s(&o, 0, "name"));
	buf_reset(&r->out);
	if (ics_deadlines(&rs, name, &r->out, &r->err) != LUP_OK)
		return http_fail(r);
	r->status = 200;
	r->ctype = "text/calendar; charset=utf-8";
	return 200;
}

/* key_of: the deadline of the route's params from p on (year, kind[, level]); org 0: the city. */
static int key_of(struct http_req *r, int p, int64_t org, struct deadline_key *k)
{
	char *end;

	memset(k, 0, sizeof(*k));
	k->org = org;
	k->year = strtol(r->params[p], &end, 10);
	if (*end || end == r->params[p] || k->year < 1900 || k->year > 2999)
		return http_error(r, 404, "not_found", "year: a year 1900-2999, not '%s'", r->params[p]);
	k->kind = wheel_kind(r->params[p + 1]);
	if (!k->kind)
		return http_error(r, 404, "not_found", "kind: T1, T2 or VB, not '%s'", r->params[p + 1]);
	k->level = org ? r->params[p + 2] : "city";
	if (org && !wheel_level(k->level))
		return http_error(r, 404, "not_found", "level: unit, administration or committee, not '%s'", k->level);
	k->level = org ? wheel_level(k->level) : "city";
	return 0;
}

/* refused: answers the edit layer's refusal or error. */
static int refused(struct http_req *r, const struct deadline_fail *f)
{
	if (r->err.code == LUP_EINVAL && f->forbidden)
		return http_error(r, 403, "forbidden", "%s", f->en);
	if (r->err.code == LUP_EINVAL && f->field) {
		struct api_violations v = { .n = 0 };
		api_violation(r, &v, f->field, strcmp(f->field, "due") == 0 ? API_RULE_DATE : API_RULE_CHOICE, "%s", f->en);
		return api_violations_reply(r, &v);
	}
	if (r->err.code == LUP_ENOTFOUND)
		return http_error(r, 404, "not_found", "%s", r->err.msg);
	return http_fail(r);
}

/* reply_one: answers deadline id of k's year with status. */
static int reply_one(struct http_req *r, const struct deadline_key *k, int64_t id, int status)
{
	struct rowset rs;
	struct json *j;

	if (wheel_deadlines_load(r->st, &r->a, k->year, k->org, 0, &rs, &r->err) != LUP_OK)
		return http_fail(r);
	for (int i = 0; i < rs.nrows; i++) {
		if (rowset_i(&rs, i, "id") != id)
			continue;
		j = http_json_begin(r, status);
		wheel_deadline_json(&rs, i, j);
		return http_json_end(r, j);
	}
	return http_error(r, 404, "not_found", "no deadline %lld", (long long)id);
}

static int put(struct http_req *r, int64_t org, int p)
{
	struct edit_actor who = { r->user.id, r->user.name };
	struct deadline_fail f = { 0 };
	struct deadline_key k;
	struct body b;
	int64_t id = 0;
	int rc;

	if ((rc = key_of(r, p, org, &k)) != 0 || (rc = body_parse(r, fields, D__MAX, &b)) != 0)
		return rc;
	if (!b.s[D_DUE]) {
		struct api_violations v = { .n = 0 };
		api_violation(r, &v, "due", API_RULE_REQUIRED, "is required (YYYY-MM-DD)");
		return api_violations_reply(r, &v);
	}
	if (deadline_set(r->st, &who, &r->user, &k, b.s[D_DUE], &id, NULL, &f, &r->err) != LUP_OK)
		return refused(r, &f);
	return reply_one(r, &k, id, 200);
}

static int del(struct http_req *r, int64_t org, int p)
{
	struct edit_actor who = { r->user.id, r->user.name };
	struct deadline_fail f = { 0 };
	struct deadline_key k;
	int rc;

	if ((rc = key_of(r, p, org, &k)) != 0)
		return rc;
	if (deadline_delete(r->st, &who, &r->user, &k, &f, &r->err) != LUP_OK)
		return refused(r, &f);
	r->status = 204;
	buf_reset(&r->out);
	return 204;
}

int api_deadline_put(struct http_req *r)
{
	return put(r, 0, 0);
}

int api_deadline_delete(struct http_req *r)
{
	return del(r, 0, 0);
}

int api_org_deadline_put(struct http_req *r)
{
	int64_t org;
	int rc;

	if ((rc = org_param(r, &org)) != 0)
		return rc;
	return put(r, org, 1);
}

int api_org_deadline_delete(struct http_req *r)
{
	int64_t org;
	int rc;

	if ((rc = org_param(r, &org)) != 0)
		return rc;
	return del(r, org, 1);
}
