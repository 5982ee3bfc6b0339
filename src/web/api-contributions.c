/* api-contributions.c: contributions of other organisations to a district's LUP in the API:
 *	POST /api/v1/contributions
 *	PATCH, DELETE /api/v1/contributions/{id}
 *	GET /api/v1/districts/{key}/contributions
 * The writes go through edit/contribution (the rules, one transaction with its audit entry); who
 * may write: the contributor's editors (authz_org of its organisation) and administrators; a
 * district committee's or administration's editor writes no contribution (403). The list is
 * public content only (store/sql-public.h), on the LUP's adopted version. */
#include "web/api.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/routes.h"
#include "edit/contribution.h"
#include "model/status.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_ORG, C_NAME, C_DESC, C_START, C_END, C_STATUS, C_ROLE, C_MEASURE, C_GOAL, C_DISTRICTS, C__MAX };
static const struct field fields[C__MAX] = {
	{ "organisation", FT_STRING, 0, 0, API_REF_MAX, NULL },
	{ "name", FT_STRING, 0, 0, CONTRIB_NAME_MAX, NULL },
	{ "description", FT_TEXT, 0, 0, CONTRIB_TEXT_MAX, NULL },
	{ "start", FT_TEXT, 0, 0, CONTRIB_DATE_MAX, NULL },
	{ "end", FT_TEXT, 0, 0, CONTRIB_DATE_MAX, NULL },
	{ "status", FT_ENUM, 0, 0, 0, act_status_codes },
	{ "role", FT_ENUM, 0, 0, 0, act_role_codes },
	{ "measure", FT_TEXT, 0, 0, CONTRIB_REF_MAX, NULL },
	{ "goal", FT_TEXT, 0, 0, CONTRIB_REF_MAX, NULL },
	{ "districts", FT_STRINGS, 0, 0, 0, NULL },
};

static struct edit_actor actor(const struct http_req *r)
{
	struct edit_actor a = { r->user.id, r->user.name };

	return a;
}

/* in_of: the body as the edit layer's input (for a PATCH only the fields sent are set). */
static struct contrib_in in_of(const struct body *b)
{
	struct contrib_in in = {
		.name = b->s[C_NAME], .description = b->s[C_DESC], .start = b->s[C_START], .end = b->s[C_END],
		.status = b->s[C_STATUS], .role = b->s[C_ROLE], .measure = b->s[C_MEASURE], .goal = b->s[C_GOAL],
		.districts = (const char *const *)b->list[C_DISTRICTS], .ndistricts = b->nlist[C_DISTRICTS],
		.set_name = b->present[C_NAME], .set_description = b->present[C_DESC], .set_start = b->present[C_START],
		.set_end = b->present[C_END], .set_status = b->present[C_STATUS], .set_role = b->present[C_ROLE],
		.set_measure = b->present[C_MEASURE], .set_goal = b->present[C_GOAL],
		.set_districts = b->present[C_DISTRICTS], .source = "api",
	};
	return in;
}

static enum api_rule api_rule_of(enum contrib_rule r)
{
	switch (r) {
	case CONTRIB_R_REQUIRED: return API_RULE_REQUIRED;
	case CONTRIB_R_TOO_LONG: return API_RULE_TOO_LONG;
	case CONTRIB_R_CHOICE: return API_RULE_CHOICE;
	case CONTRIB_R_DATE: return API_RULE_DATE;
	case CONTRIB_R_ORDER: return API_RULE_ORDER;
	default: return API_RULE_UNKNOWN;
	}
}

/* edit_fail: answers an error of the edit layer. */
static int edit_fail(struct http_req *r, const struct contrib_fail *f)
{
	if (r->err.code == LUP_EINVAL && f->field) {
		struct api_violations v = { .n = 0 };
		api_violation(r, &v, f->field, api_rule_of(f->rule), "%s", r->err.msg);
		return api_violations_reply(r, &v);
	}
	if (r->err.code == LUP_ECONFLICT)
		return http_error(r, 409, "plan_version_adopted", "%s", r->err.msg);
	if (r->err.code == LUP_ENOTFOUND)
		return http_error(r, 404, "not_found", "%s", r->err.msg);
	return http_fail(r);
}

/* one_json: contribution row i of rs (STMT_CB_ONE) with its districts ds. */
static void one_json(struct json *j, const struct rowset *rs, const struct rowset *ds)
{
	static const char *const cols[] = { "key", "title", "description", "start_text", "end_text", "status", "role",
		"measure", "goal", "plan", NULL };
	static const char *const keys[] = { "key", "name", "description", "start", "end", "status", "role",
		"measure", "goal", "plan", NULL };

	json_obj_open(j);
	json_key(j, "id"); json_int(j, strtoll(rs->rows[0][rowset_col(rs, "id")].s, NULL, 10));
	for (int k = 0; cols[k]; k++) {
		json_key(j, keys[k]);
		json_str(j, rs->rows[0][rowset_col(rs, cols[k])].s);
	}
	json_key(j, "role_sv"); json_str(j, act_role_word(rs->rows[0][rowset_col(rs, "role")].s));
	json_key(j, "organisation"); json_str(j, rs->rows[0][rowset_col(rs, "owner")].s);
	json_key(j, "plan_version"); json_int(j, strtoll(rs->rows[0][rowset_col(rs, "version")].s, NULL, 10));
	json_key(j, "plan_status"); json_str(j, rs->rows[0][rowset_col(rs, "plan_status")].s);
	json_key(j, "districts");
	json_arr_open(j);
	for (int i = 0; i < ds->nrows; i++)
		json_str(j, ds->rows[i][1].s);
	json_arr_close(j);
	json_obj_close(j);
}

/* reply_one: answers contribution id with status. */
static int reply_one(struct http_req *r, int64_t id, int status)
{
	struct sval v = SVI(id);
	struct rowset rs, ds;
	struct json *j;

	rowset_init(&rs, &r->a);
	rowset_init(&ds, &r->a);
	if (rowset_query(&rs, r->st, STMT_CB_ONE, &v, 1, &r->err) != LUP_OK ||
	    rowset_query(&ds, r->st, STMT_CB_DISTRICTS, &v, 1, &r->err) != LUP_OK)
		return http_fail(r);
	if (!rs.nrows)
		return http_error(r, 404, "not_found", "no contribution %lld", (long long)id);
	j = http_json_begin(r, status);
	one_json(j, &rs, &ds);
	return http_json_end(r, j);
}

/* contributor: the organisation a new contribution is of (the body's, else the caller's), which
 * the caller may write for and which is no district's: 0 with *org set, or the status answered. */
static int contributor(struct http_req *r, const struct body *b, int64_t *org)
{
	int district = 0, rc;

	*org = r->user.org_id;
	if (b->s[C_ORG]) {
		struct sval o = SVS(b->s[C_ORG]);
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &o, 1, org, &r->err) != LUP_OK)
			return http_fail(r);
		if (!*org)
			return http_error(r, 422, "invalid_fields", "organisation: unknown organisation '%s'", b->s[C_ORG]);
	} else if (!*org) {
		return http_error(r, 422, "invalid_fields", "organisation: is required (you belong to no organisation)");
	}
	if ((rc = authz_org(r, *org)) != 0)
		return rc;
	if (contrib_district_org(r->st, *org, &district, &r->err) != LUP_OK)
		return http_fail(r);
	if (district)
		return http_error(r, 403, "forbidden", "organisation: %s", contrib_rule_en(CONTRIB_R_DISTRICT_ORG));
	return 0;
}

int api_contribution_post(struct http_req *r)
{
	struct contrib_fail f = { NULL, CONTRIB_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct contrib_in in;
	struct body b;
	int64_t org = 0, id = 0;
	char loc[64];
	int rc;

	if ((rc = body_parse(r, fields, C__MAX, &b)) != 0 || (rc = contributor(r, &b, &org)) != 0)
		return rc;
	in = in_of(&b);
	if (contrib_add(r->st, &who, org, &in, &id, &f, &r->err) != LUP_OK)
		return edit_fail(r, &f);
	snprintf(loc, sizeof(loc), "/api/v1/contributions/%lld", (long long)id);
	http_header(r, "Location", loc);
	return reply_one(r, id, 201);
}

/* existing: the route's contribution, which the caller may change: 0 with *id, or the status
 * answered (404 for none, 403 for another organisation's). */
static int existing(struct http_req *r, int64_t *id)
{
	int64_t owner = 0;
	char *end;
	int rc;

	*id = strtoll(r->params[0], &end, 10);
	if (*end || *id <= 0)
		*id = 0;
	if (*id && contrib_owner(r->st, *id, &owner, &r->err) != LUP_OK)
		return http_fail(r);
	if (!owner)
		return http_error(r, 404, "not_found", "no contribution %s", r->params[0]);
	if ((rc = authz_org(r, owner)) != 0)
		return rc;
	return 0;
}

int api_contribution_patch(struct http_req *r)
{
	struct contrib_fail f = { NULL, CONTRIB_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct contrib_in in;
	struct body b;
	int64_t id;
	int rc;

	if ((rc = existing(r, &id)) != 0 || (rc = body_parse(r, fields, C__MAX, &b)) != 0)
		return rc;
	if (b.present[C_ORG])
		return http_error(r, 422, "invalid_fields", "organisation: cannot be changed");
	if ((b.present[C_NAME] && b.isnull[C_NAME]) || (b.present[C_ROLE] && b.isnull[C_ROLE]))
		return http_error(r, 422, "invalid_fields", "'%s' cannot be null", b.isnull[C_NAME] ? "name" : "role");
	in = in_of(&b);
	if (contrib_change(r->st, &who, id, &in, NULL, &f, &r->err) != LUP_OK)
		return edit_fail(r, &f);
	return reply_one(r, id, 200);
}

int api_contribution_delete(struct http_req *r)
{
	struct contrib_fail f = { NULL, CONTRIB_R_REQUIRED };
	struct edit_actor who = actor(r);
	int64_t id;
	int rc;

	if ((rc = existing(r, &id)) != 0)
		return rc;
	if (contrib_remove(r->st, &who, id, &r->err) != LUP_OK)
		return edit_fail(r, &f);
	r->status = 204;
	return 204;
}

/* list_item: row i of the district's list (STMT_CB_LIST). */
static void list_item(struct json *j, const struct rowset *c, int i)
{
	static const char *const cols[] = { "key", "title", "description", "role", "status", "start_text", "end_text",
		"owner", "owner_name", "plan", NULL };
	static const char *const keys[] = { "key", "name", "description", "role", "status", "start", "end",
		"organisation", "organisation_name", "plan", NULL };
	const char *ds = c->rows[i][rowset_col(c, "districts")].s;

	json_obj_open(j);
	json_key(j, "id"); json_int(j, strtoll(c->rows[i][0].s, NULL, 10));
	for (int k = 0; cols[k]; k++) {
		json_key(j, keys[k]);
		json_str(j, c->rows[i][rowset_col(c, cols[k])].s);
	}
	json_key(j, "role_sv"); json_str(j, act_role_word(c->rows[i][rowset_col(c, "role")].s));
	json_key(j, "measure");
	json_obj_open(j);
	json_key(j, "key"); json_str(j, c->rows[i][rowset_col(c, "measure")].s);
	json_key(j, "title"); json_str(j, c->rows[i][rowset_col(c, "measure_title")].s);
	json_key(j, "named"); json_str(j, c->rows[i][rowset_col(c, "measure0")].s);
	json_obj_close(j);
	json_key(j, "goal");
	json_obj_open(j);
	json_key(j, "key"); json_str(j, c->rows[i][rowset_col(c, "goal")].s);
	json_key(j, "title"); json_str(j, c->rows[i][rowset_col(c, "goal_title")].s);
	json_key(j, "named"); json_str(j, c->rows[i][rowset_col(c, "goal0")].s);
	json_obj_close(j);
	json_key(j, "districts");
	json_arr_open(j);
	for (const char *p = ds; p && *p;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		json_strn(j, p, n);
		p = e ? e + 1 : p + n;
	}
	json_arr_close(j);
	json_obj_close(j);
}

int api_district_contributions(struct http_req *r)
{
	struct sval key = SVS(r->params[0]);
	struct rowset ad, c;
	int64_t district = 0;
	struct json *j;

	if (store_query_id(r->st, STMT_DISTRICT_ID_LOOSE, &key, 1, &district, &r->err) != LUP_OK)
		return http_fail(r);
	if (!district)
		return http_error(r, 404, "not_found", "no district '%s'", r->params[0]);
	struct sval d = SVI(district);
	rowset_init(&ad, &r->a);
	rowset_init(&c, &r->a);
	if (rowset_query(&ad, r->st, STMT_CB_ADOPTED, &d, 1, &r->err) != LUP_OK)
		return http_fail(r);
	struct sval a[] = { SVI(district), ad.nrows ? SVI(strtoll(ad.rows[0][0].s, NULL, 10)) : SVNULL };
	if (rowset_query(&c, r->st, STMT_CB_LIST, a, 2, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "district"); json_str(j, r->params[0]);
	json_key(j, "plan"); json_str(j, ad.nrows ? ad.rows[0][1].s : NULL);
	json_key(j, "version");
	if (ad.nrows)
		json_int(j, strtoll(ad.rows[0][2].s, NULL, 10));
	else
		json_nothing(j);
	json_key(j, "contributions");
	json_arr_open(j);
	for (int i = 0; i < c.nrows; i++)
		list_item(j, &c, i);
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}
