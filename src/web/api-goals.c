/* api-goals.c: POST /api/v1/goals (through api_goal_create, which the new-goal form shares),
 * PATCH /api/v1/goals/{id} and GET /api/v1/organisations/{id}/goal-chain. */
#include "web/api.h"
#include "web/api-create.h"
#include "web/authz.h"
#include "web/body.h"
#include "web/frozen.h"
#include "web/routes.h"
#include "render/json.h"
#include "render/rows.h"
#include "doc/chain-json.h"
#include "view/chain.h"
#include "store/kinds.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const benchmarks[] = { "city_average", "district_average", "absolute", "direction", "parity", NULL };

enum { G_TITLE, G_DESC, G_NUMBER, G_HORIZON, G_BENCH, G_RESULTS, G__MAX };
static const struct field goal_fields[G__MAX] = {
	{ "name", FT_STRING, 0, 0, API_GOAL_NAME_MAX, NULL },
	{ "description", FT_TEXT, 0, 0, API_TEXT_MAX, NULL },
	{ "number", FT_TEXT, 0, 0, API_GOAL_NUMBER_MAX, NULL },
	{ "horizon_year", FT_INT, 0, 1900, 2999, NULL },
	{ "benchmark", FT_ENUM, 0, 0, 0, benchmarks },
	{ "results", FT_STRINGS, 0, 0, API_GOAL_RESULT_MAX, NULL },
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
	if (b.present[G_RESULTS]) {
		struct api_violations v = { .n = 0 };
		api_goal_results_check(r, &v, b.list[G_RESULTS], b.nlist[G_RESULTS]);
		if (v.n)
			return api_violations_reply(r, &v);
	}
	if ((rc = api_write_begin(r, k, id, STMT_GOAL_OWNER, &before)) != 0 ||
	    (rc = frozen_or_409(r, STMT_PV_FROZEN_GOAL, id, 0)) != 0)
		return rc;
	struct sval args[] = {
		SVI(id), SVI(b.present[G_TITLE]), SVS(b.s[G_TITLE]), SVI(b.present[G_DESC]), SVS(b.s[G_DESC]),
		SVI(b.present[G_NUMBER]), SVS(b.s[G_NUMBER]), SVI(b.present[G_HORIZON]),
		b.isnull[G_HORIZON] ? SVNULL : SVI(b.i[G_HORIZON]), SVI(b.present[G_BENCH]), SVS(b.s[G_BENCH]),
	};
	if (store_exec(r->st, STMT_GOAL_PATCH, args, 11, NULL, NULL, &r->err) != LUP_OK ||
	    (b.present[G_RESULTS] && api_goal_results_set(r, id, b.list[G_RESULTS], b.nlist[G_RESULTS], "api") != LUP_OK))
		return api_rollback_fail(r);
	return api_write_end(r, k, "goal", "update", id, before, 200);
}

int api_goal_chain(struct http_req *r)
{
	/* what the JSON shows (doc/chain-json.h): the year's outcomes, no results nor activities */
	static const struct view_chain_opts shown = { VIEW_OUTS_YEAR, 0, VIEW_SKIP_RESULTS | VIEW_SKIP_ACTS };
	const char *ys = http_query(r, "year");
	struct view_chain ch;
	struct json *j;
	int64_t org;
	long year = ys ? strtol(ys, NULL, 10) : 0;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_ORG_ID_LOOSE, "organisation", &org)) != 0)
		return rc;
	if (!ys || year < 1900 || year > 2999)
		return http_error(r, 400, "bad_request", "give the year: ?year=YYYY");
	/* assessments of reports the caller may not read (drafts: the public never) are left out
	 * by the view, through the store's viewer (authz_viewer) */
	if (view_chain_more(r->st, &r->a, org, year, &ch, &shown, NULL, 0, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	chain_json_write(&ch, j);
	return http_json_end(r, j);
}

static const char *const levels[] = { "namndmal", "lup", NULL };

enum { N_LEVEL, N_PARENT, N_TITLE, N_DESC, N_YEAR, N_NUMBER, N_OWNER, N__MAX };
static const struct field new_fields[N__MAX] = {
	{ "level", FT_ENUM, 1, 0, 0, levels },
	{ "parent", FT_STRING, 0, 0, API_REF_MAX, NULL },
	{ "name", FT_STRING, 1, 0, API_GOAL_NAME_MAX, NULL },
	{ "description", FT_TEXT, 0, 0, API_TEXT_MAX, NULL },
	{ "year", FT_INT, 1, 1900, 2999, NULL },
	{ "number", FT_TEXT, 0, 0, API_GOAL_NUMBER_MAX, NULL },
	{ "owner", FT_STRING, 0, 0, API_REF_MAX, NULL },
};

/* The levels of the chain: a nämndmål sits under a KF goal, an LUP goal under anything. */
static int parent_ok(const char *level, const char *parent_level)
{
	if (!parent_level)
		return 1;
	if (strcmp(level, "namndmal") == 0)
		return strcmp(parent_level, "inriktningsmal") == 0 || strcmp(parent_level, "verksamhetsomradesmal") == 0;
	return 1;
}

struct level_ctx { char level[32]; };

static int level_row(void *ctx, const struct store_row *row)
{
	snprintf(((struct level_ctx *)ctx)->level, 32, "%s", store_col_text(row, 0));
	return 1;
}

/* goal_fields_check: the first round of api_goal_create: the fields themselves. */
static void goal_fields_check(struct http_req *r, const struct api_goal_new *in, struct api_violations *v)
{
	if (!in->level)
		api_violation(r, v, "level", API_RULE_REQUIRED, "is required");
	api_check_choice(r, v, "level", in->level, levels);
	api_check_text(r, v, "parent", in->parent, in->parent_required && in->level &&
		       strcmp(in->level, "namndmal") == 0, API_REF_MAX);
	api_check_text(r, v, "name", in->name, 1, API_GOAL_NAME_MAX);
	api_check_text(r, v, "description", in->description, 0, API_TEXT_MAX);
	api_check_text(r, v, "number", in->number, 0, API_GOAL_NUMBER_MAX);
	api_check_text(r, v, "owner", in->owner, 0, API_REF_MAX);
	if (in->year < 1900 || in->year > 2999)
		api_violation(r, v, "year", API_RULE_RANGE, "must be between 1900 and 2999");
}

/* goal_refs: the second round: the owner and the parent exist, and the parent's level fits.
 * Returns LUP_OK or a store error in r->err. */
static int goal_refs(struct http_req *r, const struct api_goal_new *in, struct api_violations *v,
		     int64_t *owner, int64_t *parent)
{
	struct level_ctx lc = { "" };

	*owner = r->user.org_id;
	*parent = 0;
	if (in->owner && api_id_lookup(r, in->owner, STMT_ORG_ID_LOOSE, owner) != LUP_OK)
		return r->err.code;
	if (!*owner)
		api_violation(r, v, "owner", API_RULE_UNKNOWN, "unknown organisation");
	if (!in->parent)
		return LUP_OK;
	if (api_id_lookup(r, in->parent, STMT_GOAL_ID, parent) != LUP_OK)
		return r->err.code;
	struct sval p = SVI(*parent);
	if (*parent && store_query(r->st, STMT_GOAL_LEVEL, &p, 1, level_row, &lc, &r->err) != LUP_OK)
		return r->err.code;
	if (!*parent)
		api_violation(r, v, "parent", API_RULE_UNKNOWN, "unknown goal '%s'", in->parent);
	else if (!parent_ok(in->level, lc.level))
		api_violation(r, v, "parent", API_RULE_LEVEL, "a %s cannot sit under a %s", in->level, lc.level);
	return LUP_OK;
}

/* parent_attachable: 0 when the caller may put a goal under parent (none, a KF goal, or a goal
 * of its own organisation or pair: authz_attach_goal), else answers 403 naming the field. */
static int parent_attachable(struct http_req *r, const struct api_goal_new *in, int64_t parent)
{
	int ok;

	if (!parent || !in->parent)
		return 0;
	if ((ok = authz_attach_goal(&r->user, r->st, parent, &r->err)) < 0)
		return http_fail(r);
	if (ok)
		return 0;
	return http_error(r, 403, "forbidden", "parent: goal '%s' belongs to another organisation; a goal sits "
			  "under a KF goal or a goal of its own organisation", in->parent);
}

int api_goal_create(struct http_req *r, const struct api_goal_new *in, struct api_violations *v, int64_t *id)
{
	const struct kind *k = kind_find("goals");
	int64_t owner = 0, parent = 0;
	int rc;

	*id = 0;
	goal_fields_check(r, in, v);
	if (v->n)
		return 422;
	if (goal_refs(r, in, v, &owner, &parent) != LUP_OK)
		return http_fail(r);
	if (v->n)
		return 422;
	if ((rc = authz_org(r, owner)) != 0 || (rc = parent_attachable(r, in, parent)) != 0)
		return rc;
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	struct sval args[] = {
		SVS(api_new_key(r, in->source, "goal-")), SVI(owner), SVNULL, SVS(in->level), SVS(in->number),
		SVID(parent), SVS(in->name), SVS(in->description), SVI(in->year), SVNULL, SVNULL, SVNULL, SVNULL,
		SVNULL, SVS(in->source),
	};
	if (store_exec(r->st, STMT_GOAL_UPSERT, args, 15, id, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (strcmp(in->level, "namndmal") == 0 && (rc = api_goal_place(r, *id, owner, in->year, in->page)) != 0)
		return rc;
	return api_write_end(r, k, "goal", "insert", *id, NULL, 201);
}

int api_goal_post(struct http_req *r)
{
	struct api_violations v = { .n = 0 };
	struct body b;
	int64_t id = 0;
	int rc;

	if ((rc = body_parse(r, new_fields, N__MAX, &b)) != 0)
		return rc;
	struct api_goal_new in = {
		.level = b.s[N_LEVEL], .parent = b.s[N_PARENT], .name = b.s[N_TITLE], .description = b.s[N_DESC],
		.number = b.s[N_NUMBER], .owner = b.s[N_OWNER], .year = (long)b.i[N_YEAR], .source = "api",
	};
	rc = api_goal_create(r, &in, &v, &id);
	if (rc == 422 && v.n)
		return api_violations_reply(r, &v);
	if (rc == 201) {
		char loc[64];
		snprintf(loc, sizeof(loc), "/api/v1/goals/%lld", (long long)id);
		http_header(r, "Location", loc);
	}
	return rc;
}
