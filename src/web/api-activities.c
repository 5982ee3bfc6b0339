/* api-activities.c: POST /api/v1/activities, PATCH and DELETE /api/v1/activities/{id}. */
#include "store/values.h"
#include "web/api.h"
#include "web/body.h"
#include "web/routes.h"
#include "model/datex.h"
#include "store/kinds.h"
#include "store/store.h"

#include <sodium.h>
#include <string.h>

static const char *const statuses[] = { "planned", "ongoing", "done", "waiting", "cancelled", NULL };
static const char *const roles[] = {
	"process_lead", "hub", "support", "assist", "participate", "training", "knowledge",
	"consultative", "follow_up", "reference_group", "joint_planning", "investigate",
	"collaboration", "owner", NULL
};

enum { A_TITLE, A_DESC, A_START, A_END, A_STATUS, A_ROLE, A_OWNER, A_GOAL, A_DISTRICTS, A__MAX };
static const struct field fields[A__MAX] = {
	{ "name", FT_STRING, 0, 0, 2000, NULL },
	{ "description", FT_TEXT, 0, 0, 20000, NULL },
	{ "start", FT_TEXT, 0, 0, 32, NULL },
	{ "end", FT_TEXT, 0, 0, 32, NULL },
	{ "status", FT_ENUM, 0, 0, 0, statuses },
	{ "role", FT_ENUM, 0, 0, 0, roles },
	{ "owner", FT_STRING, 0, 0, 200, NULL },
	{ "goal", FT_STRING, 0, 0, 200, NULL },
	{ "districts", FT_STRINGS, 0, 0, 0, NULL },
};

/* dates: parses start and end (422 listing failures; end before start is a failure). */
static int dates(struct http_req *r, const struct body *b, struct model_datex *s, struct model_datex *e)
{
	struct http_fields errs = { .n = 0 };
	char msg[200];

	memset(s, 0, sizeof(*s));
	memset(e, 0, sizeof(*e));
	if (b->s[A_START] && model_datex_parse(b->s[A_START], s, msg, sizeof(msg)) != 0)
		http_field_error(r, &errs, "start", "%s", msg);
	if (b->s[A_END] && model_datex_parse(b->s[A_END], e, msg, sizeof(msg)) != 0)
		http_field_error(r, &errs, "end", "%s", msg);
	if (!errs.n && s->first && e->last && e->last < s->first)
		http_field_error(r, &errs, "end", "ends before it starts");
	return errs.n ? http_fields_reply(r, &errs, 422) : 0;
}

static int resolve_refs(struct http_req *r, const struct body *b, int64_t *owner, int64_t *goal,
			int64_t *districts)
{
	struct http_fields errs = { .n = 0 };

	*owner = r->user.org_id;
	if (b->s[A_OWNER]) {
		struct sval v = SVS(b->s[A_OWNER]);
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &v, 1, owner, &r->err) != LUP_OK)
			return http_fail(r);
		if (!*owner)
			http_field_error(r, &errs, "owner", "unknown organisation '%s'", b->s[A_OWNER]);
	} else if (!*owner) {
		http_field_error(r, &errs, "owner", "is required (you belong to no organisation)");
	}
	if (b->s[A_GOAL]) {
		if (api_id_lookup(r, b->s[A_GOAL], STMT_GOAL_ID, goal) != LUP_OK)
			return http_fail(r);
		if (!*goal)
			http_field_error(r, &errs, "goal", "unknown goal '%s'", b->s[A_GOAL]);
	}
	for (int i = 0; i < b->nlist[A_DISTRICTS]; i++) {
		struct sval v = SVS(b->list[A_DISTRICTS][i]);
		if (store_query_id(r->st, STMT_AREA_ID_LOOSE, &v, 1, &districts[i], &r->err) != LUP_OK)
			return http_fail(r);
		if (!districts[i])
			http_field_error(r, &errs, "districts", "unknown area '%s'", b->list[A_DISTRICTS][i]);
	}
	return errs.n ? http_fields_reply(r, &errs, 422) : 0;
}

int api_activity_post(struct http_req *r)
{
	const struct kind *k = kind_find("activities");
	struct model_datex s, e;
	struct body b;
	int64_t owner = 0, goal = 0, districts[64] = { 0 }, id = 0;
	unsigned char rnd[8];
	char key[40], hex[17];
	int rc;

	if ((rc = body_parse(r, fields, A__MAX, &b)) != 0 || (rc = dates(r, &b, &s, &e)) != 0)
		return rc;
	if (!b.s[A_TITLE])
		return http_error(r, 422, "invalid_fields", "'name' is required");
	if ((rc = resolve_refs(r, &b, &owner, &goal, districts)) != 0 || (rc = authz_org(r, owner)) != 0)
		return rc;
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(key, sizeof(key), "api-%s", hex);
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	struct sval args[] = {
		SVS(key), SVNULL, SVI(owner), SVS(b.s[A_TITLE]), SVS(b.s[A_DESC]), SVS(b.s[A_START]),
		SVID(s.first), SVID(s.last), SVS(store_prec(s.prec)), SVS(b.s[A_END]), SVID(e.first),
		SVID(e.last), SVS(store_prec(e.prec)), SVS(b.s[A_STATUS] ? b.s[A_STATUS] : "planned"),
		SVS(b.s[A_ROLE]), SVID(goal), SVNULL, SVNULL, SVS("api"),
	};
	if (store_exec(r->st, STMT_ACTIVITY_UPSERT, args, 19, &id, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	for (int i = 0; i < b.nlist[A_DISTRICTS]; i++) {
		struct sval d[] = { SVI(id), SVI(districts[i]) };
		if (store_exec(r->st, STMT_ACTIVITY_DISTRICT_ADD, d, 2, NULL, NULL, &r->err) != LUP_OK)
			return api_rollback_fail(r);
	}
	char loc[64];
	snprintf(loc, sizeof(loc), "/api/v1/activities/%lld", (long long)id);
	http_header(r, "Location", loc);
	return api_write_end(r, k, "activity", "insert", id, NULL, 201);
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
	if ((rc = api_write_begin(r, k, id, STMT_ACTIVITY_OWNER, &before)) != 0)
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

int api_activity_delete(struct http_req *r)
{
	const struct kind *k = kind_find("activities");
	char *before;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_ACTIVITY_ID, "activity", &id)) != 0 ||
	    (rc = api_write_begin(r, k, id, STMT_ACTIVITY_OWNER, &before)) != 0)
		return rc;
	struct sval arg = SVI(id);
	if (store_exec(r->st, STMT_ACTIVITY_DELETE, &arg, 1, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "activity", "delete", id, before, 204);
}
