/* api-activities.c: POST /api/v1/activities and DELETE /api/v1/activities/{id} (through
 * api_activity_create and api_activity_remove, which the web forms share), PATCH
 * /api/v1/activities/{id}. */
#include "store/values.h"
#include "web/api.h"
#include "web/api-create.h"
#include "web/authz.h"
#include "web/body.h"
#include "web/frozen.h"
#include "web/routes.h"
#include "model/datex.h"
#include "model/status.h"
#include "store/kinds.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

enum { A_TITLE, A_DESC, A_START, A_END, A_STATUS, A_ROLE, A_OWNER, A_GOAL, A_DISTRICTS, A__MAX };
static const struct field fields[A__MAX] = {
	{ "name", FT_STRING, 0, 0, API_ACTIVITY_NAME_MAX, NULL },
	{ "description", FT_TEXT, 0, 0, API_TEXT_MAX, NULL },
	{ "start", FT_TEXT, 0, 0, API_DATE_MAX, NULL },
	{ "end", FT_TEXT, 0, 0, API_DATE_MAX, NULL },
	{ "status", FT_ENUM, 0, 0, 0, act_status_codes },
	{ "role", FT_ENUM, 0, 0, 0, act_role_codes },
	{ "owner", FT_STRING, 0, 0, API_REF_MAX, NULL },
	{ "goal", FT_STRING, 0, 0, API_REF_MAX, NULL },
	{ "districts", FT_STRINGS, 0, 0, 0, NULL },
};

/* dates_check: parses start and end into s and e, adding DATE for what is not a date and
 * ORDER for an end before the start. */
static void dates_check(struct http_req *r, const char *start, const char *end, struct api_violations *v,
			struct model_datex *s, struct model_datex *e)
{
	char msg[200];
	int n = v->n;

	memset(s, 0, sizeof(*s));
	memset(e, 0, sizeof(*e));
	if (start && model_datex_parse(start, s, msg, sizeof(msg)) != 0)
		api_violation(r, v, "start", API_RULE_DATE, "%s", msg);
	if (end && model_datex_parse(end, e, msg, sizeof(msg)) != 0)
		api_violation(r, v, "end", API_RULE_DATE, "%s", msg);
	if (v->n == n && s->first && e->last && e->last < s->first)
		api_violation(r, v, "end", API_RULE_ORDER, "ends before it starts");
}

/* dates: the dates of a PATCH body (422 listing failures). */
static int dates(struct http_req *r, const struct body *b, struct model_datex *s, struct model_datex *e)
{
	struct api_violations v = { .n = 0 };

	dates_check(r, b->s[A_START], b->s[A_END], &v, s, e);
	return v.n ? api_violations_reply(r, &v) : 0;
}

/* activity_fields: the first round of api_activity_create. */
static void activity_fields(struct http_req *r, const struct api_activity_new *in, struct api_violations *v,
			    struct model_datex *s, struct model_datex *e)
{
	api_check_text(r, v, "start", in->start, 0, API_DATE_MAX);
	api_check_text(r, v, "end", in->end, 0, API_DATE_MAX);
	if (!v->n)
		dates_check(r, in->start, in->end, v, s, e);
	api_check_text(r, v, "name", in->name, 1, API_ACTIVITY_NAME_MAX);
	api_check_text(r, v, "description", in->description, 0, API_TEXT_MAX);
	api_check_choice(r, v, "status", in->status, act_status_codes);
	api_check_choice(r, v, "role", in->role, act_role_codes);
	api_check_text(r, v, "owner", in->owner, 0, API_REF_MAX);
	api_check_text(r, v, "goal", in->goal, 0, API_REF_MAX);
	if (in->ndistricts > API_MAX_DISTRICTS)
		api_violation(r, v, "districts", API_RULE_TOO_LONG, "must be an array of at most 64 strings");
	for (int i = 0; i < in->ndistricts && i < API_MAX_DISTRICTS; i++)
		api_check_text(r, v, "districts", in->districts[i], 1, API_REF_MAX);
}

/* activity_refs: the second round: owner, goal and districts exist. Returns LUP_OK or a store
 * error in r->err. */
static int activity_refs(struct http_req *r, const struct api_activity_new *in, struct api_violations *v,
			 int64_t *owner, int64_t *goal, int64_t *districts)
{
	*owner = r->user.org_id;
	*goal = 0;
	if (in->owner) {
		struct sval o = SVS(in->owner);
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &o, 1, owner, &r->err) != LUP_OK)
			return r->err.code;
		if (!*owner)
			api_violation(r, v, "owner", API_RULE_UNKNOWN, "unknown organisation '%s'", in->owner);
	} else if (!*owner) {
		api_violation(r, v, "owner", API_RULE_REQUIRED, "is required (you belong to no organisation)");
	}
	if (in->goal) {
		if (api_id_lookup(r, in->goal, STMT_GOAL_ID, goal) != LUP_OK)
			return r->err.code;
		if (!*goal)
			api_violation(r, v, "goal", API_RULE_UNKNOWN, "unknown goal '%s'", in->goal);
	}
	for (int i = 0; i < in->ndistricts; i++) {
		struct sval d = SVS(in->districts[i]);
		if (store_query_id(r->st, STMT_AREA_ID_LOOSE, &d, 1, &districts[i], &r->err) != LUP_OK)
			return r->err.code;
		if (!districts[i])
			api_violation(r, v, "districts", API_RULE_UNKNOWN, "unknown area '%s'", in->districts[i]);
	}
	return LUP_OK;
}

/* activity_insert: in the open transaction, the activity and its districts. Returns LUP_OK or
 * a store error in r->err. */
static int activity_insert(struct http_req *r, const struct api_activity_new *in, const struct model_datex *s,
			   const struct model_datex *e, int64_t owner, int64_t goal, const int64_t *districts,
			   int64_t *id)
{
	struct sval args[] = {
		SVS(api_new_key(r, in->source, "")), SVNULL, SVI(owner), SVS(in->name), SVS(in->description),
		SVS(in->start), SVID(s->first), SVID(s->last), SVS(store_prec(s->prec)), SVS(in->end), SVID(e->first),
		SVID(e->last), SVS(store_prec(e->prec)), SVS(in->status ? in->status : "planned"), SVS(in->role),
		SVID(goal), SVNULL, SVNULL, SVS(in->source),
	};
	if (store_exec(r->st, STMT_ACTIVITY_UPSERT, args, 19, id, NULL, &r->err) != LUP_OK)
		return r->err.code;
	for (int i = 0; i < in->ndistricts; i++) {
		struct sval d[] = { SVI(*id), SVI(districts[i]) };
		if (store_exec(r->st, STMT_ACTIVITY_DISTRICT_ADD, d, 2, NULL, NULL, &r->err) != LUP_OK)
			return r->err.code;
	}
	return LUP_OK;
}

/* goal_attachable: 0 when the caller may hang an activity on goal (none, a KF goal, or a goal
 * of its own organisation or pair: authz_attach_goal), else answers 403 naming the field.
 * Districts are any (authz.h). */
static int goal_attachable(struct http_req *r, const struct api_activity_new *in, int64_t goal)
{
	int ok;

	if (!goal)
		return 0;
	if ((ok = authz_attach_goal(&r->user, r->st, goal, &r->err)) < 0)
		return http_fail(r);
	if (ok)
		return 0;
	return http_error(r, 403, "forbidden", "goal: goal '%s' belongs to another organisation; an activity "
			  "hangs on a KF goal or a goal of its own organisation", in->goal);
}

int api_activity_create(struct http_req *r, const struct api_activity_new *in, struct api_violations *v,
			int64_t *id)
{
	const struct kind *k = kind_find("activities");
	int64_t owner = 0, goal = 0, districts[API_MAX_DISTRICTS] = { 0 };
	struct model_datex s, e;
	int rc;

	*id = 0;
	activity_fields(r, in, v, &s, &e);
	if (v->n)
		return 422;
	if (activity_refs(r, in, v, &owner, &goal, districts) != LUP_OK)
		return http_fail(r);
	if (v->n)
		return 422;
	if ((rc = authz_org(r, owner)) != 0 || (rc = goal_attachable(r, in, goal)) != 0)
		return rc;
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	if (activity_insert(r, in, &s, &e, owner, goal, districts, id) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "activity", "insert", *id, NULL, 201);
}

int api_activity_post(struct http_req *r)
{
	struct api_violations v = { .n = 0 };
	struct body b;
	int64_t id = 0;
	int rc;

	if ((rc = body_parse(r, fields, A__MAX, &b)) != 0)
		return rc;
	struct api_activity_new in = {
		.name = b.s[A_TITLE], .description = b.s[A_DESC], .start = b.s[A_START], .end = b.s[A_END],
		.status = b.s[A_STATUS], .role = b.s[A_ROLE], .owner = b.s[A_OWNER], .goal = b.s[A_GOAL],
		.districts = b.list[A_DISTRICTS], .ndistricts = b.nlist[A_DISTRICTS], .source = "api",
	};
	rc = api_activity_create(r, &in, &v, &id);
	if (rc == 422 && v.n) {
		/* the API's order: the dates first, then the name, then what the body refers to */
		struct api_violations d = { .n = 0 };
		for (int i = 0; i < v.n; i++)
			if (v.rule[i] == API_RULE_DATE || v.rule[i] == API_RULE_ORDER)
				api_violation(r, &d, v.field[i], v.rule[i], "%s", v.msg[i]);
		if (d.n)
			return api_violations_reply(r, &d);
		if (api_violation_of(&v, "name", API_RULE_REQUIRED) >= 0)
			return http_error(r, 422, "invalid_fields", "'name' is required");
		return api_violations_reply(r, &v);
	}
	if (rc == 201) {
		char loc[64];
		snprintf(loc, sizeof(loc), "/api/v1/activities/%lld", (long long)id);
		http_header(r, "Location", loc);
	}
	return rc;
}

int api_activity_patch(struct http_req *r)
{
	const struct kind *k = kind_find("activities");
	struct model_datex s, e;
	struct body b;
	char *before;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_ACTIVITY_ID, "activity", &id)) != 0 ||
	    (rc = body_parse(r, fields, A__MAX, &b)) != 0 || (rc = dates(r, &b, &s, &e)) != 0)
		return rc;
	if (b.present[A_OWNER] || b.present[A_GOAL] || b.present[A_DISTRICTS])
		return http_error(r, 422, "invalid_fields", "owner, goal and districts cannot be changed here");
	if (b.present[A_TITLE] && b.isnull[A_TITLE])
		return http_error(r, 422, "invalid_fields", "'name' cannot be null");
	if ((rc = api_write_begin(r, k, id, STMT_ACTIVITY_OWNER, &before)) != 0 ||
	    (rc = frozen_or_409(r, STMT_PV_FROZEN_ACTIVITY, id, 0)) != 0)
		return rc;
	struct sval args[] = {
		SVI(id), SVI(b.present[A_TITLE]), SVS(b.s[A_TITLE]), SVI(b.present[A_DESC]), SVS(b.s[A_DESC]),
		SVI(b.present[A_START]), SVS(b.s[A_START]), SVID(s.first), SVID(s.last), SVS(store_prec(s.prec)),
		SVI(b.present[A_END]), SVS(b.s[A_END]), SVID(e.first), SVID(e.last), SVS(store_prec(e.prec)),
		SVI(b.present[A_STATUS] && !b.isnull[A_STATUS]), SVS(b.s[A_STATUS]),
		SVI(b.present[A_ROLE]), SVS(b.s[A_ROLE]),
	};
	if (store_exec(r->st, STMT_ACTIVITY_PATCH, args, 19, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "activity", "update", id, before, 200);
}

int api_activity_remove(struct http_req *r, int64_t id)
{
	const struct kind *k = kind_find("activities");
	char *before;
	int64_t reports = 0;
	int rc;

	if ((rc = api_write_begin(r, k, id, STMT_ACTIVITY_OWNER, &before)) != 0 ||
	    (rc = frozen_or_409(r, STMT_PV_FROZEN_ACTIVITY, id, 0)) != 0)
		return rc;
	struct sval arg = SVI(id);
	if (store_query_id(r->st, STMT_ACTIVITY_REPORTED, &arg, 1, &reports, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (reports) {	/* the reports keep what they said about it */
		err_set(&r->err, LUP_ECONFLICT, "the activity is recorded in %lld follow-up report%s; set its "
			"status to 'cancelled' instead of deleting it", (long long)reports, reports == 1 ? "" : "s");
		return api_rollback_fail(r);
	}
	if (store_exec(r->st, STMT_ACTIVITY_DELETE, &arg, 1, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "activity", "delete", id, before, 204);
}

int api_activity_delete(struct http_req *r)
{
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_ACTIVITY_ID, "activity", &id)) != 0)
		return rc;
	return api_activity_remove(r, id);
}
