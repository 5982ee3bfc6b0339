/* api-goals.c: PATCH /api/v1/goals/{id} and GET /api/v1/organisations/{id}/goal-chain. */
#include "web/api.h"
#include "web/body.h"
#include "web/routes.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/kinds.h"
#include "store/store.h"

#include <sodium.h>
#include <stdio.h>
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

/* The goal chain's rows: goals, and indicators, outcomes and assessments each sorted by the id
 * of what they belong to (column 0), so that each goal's share is one contiguous run. */
struct chain {
	struct rowset goals, inds, outs, assess;
};

/* run_of: the rows of rs whose column 0 equals id, as [*from, *to). */
static void run_of(const struct rowset *rs, const char *id, int *from, int *to)
{
	*from = *to = 0;
	for (int i = 0; i < rs->nrows; i++)
		if (strcmp(rs->rows[i][0].s, id) == 0) {
			*from = i;
			for (*to = i; *to < rs->nrows && strcmp(rs->rows[*to][0].s, id) == 0; (*to)++)
				;
			return;
		}
}

/* json_rows_from: rows [from, to) of rs as objects, without their grouping column 0. */
static void json_rows_from(const struct rowset *rs, int from, int to, struct json *j,
			   const char *const *bools)
{
	json_arr_open(j);
	for (int i = from; i < to; i++) {
		json_obj_open(j);
		rowset_json_cols(rs, i, 1, j, bools);
		json_obj_close(j);
	}
	json_arr_close(j);
}

static void chain_goal(const struct chain *ch, int i, struct json *j)
{
	static const char *const bools[] = { "missing", "example", NULL };
	const char *gid = ch->goals.rows[i][0].s;
	int from, to;

	json_obj_open(j);
	rowset_json_row(&ch->goals, i, j, NULL);
	json_key(j, "assessments");
	run_of(&ch->assess, gid, &from, &to);
	json_rows_from(&ch->assess, from, to, j, NULL);
	json_key(j, "indicators");
	run_of(&ch->inds, gid, &from, &to);
	json_arr_open(j);
	for (int k = from; k < to; k++) {
		int of, ot;
		json_obj_open(j);
		rowset_json_cols(&ch->inds, k, 1, j, NULL);
		json_key(j, "outcomes");
		run_of(&ch->outs, ch->inds.rows[k][1].s, &of, &ot);
		json_rows_from(&ch->outs, of, ot, j, bools);
		json_obj_close(j);
	}
	json_arr_close(j);
	json_obj_close(j);
}

int api_goal_chain(struct http_req *r)
{
	const char *ys = http_query(r, "year");
	struct chain ch;
	struct json *j;
	int64_t org;
	long year = ys ? strtol(ys, NULL, 10) : 0;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_ORG_ID_LOOSE, "organisation", &org)) != 0)
		return rc;
	if (!ys || year < 1900 || year > 2999)
		return http_error(r, 400, "bad_request", "give the year: ?year=YYYY");
	struct sval args[] = { SVI(org), SVI(year) };
	rowset_init(&ch.goals, &r->a);
	rowset_init(&ch.inds, &r->a);
	rowset_init(&ch.outs, &r->a);
	rowset_init(&ch.assess, &r->a);
	if (rowset_query(&ch.goals, r->st, STMT_GOAL_CHAIN, args, 2, &r->err) != LUP_OK ||
	    rowset_query(&ch.inds, r->st, STMT_CHAIN_INDICATORS, args, 2, &r->err) != LUP_OK ||
	    rowset_query(&ch.outs, r->st, STMT_CHAIN_OUTCOMES, args, 2, &r->err) != LUP_OK ||
	    rowset_query(&ch.assess, r->st, STMT_CHAIN_ASSESSMENTS, args, 2, &r->err) != LUP_OK)
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "organisation_id"); json_int(j, org);
	json_key(j, "year"); json_int(j, year);
	json_key(j, "goals");
	json_arr_open(j);
	for (int i = 0; i < ch.goals.nrows; i++)
		chain_goal(&ch, i, j);
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}

static const char *const levels[] = { "namndmal", "lup", NULL };

enum { N_LEVEL, N_PARENT, N_TITLE, N_DESC, N_YEAR, N_NUMBER, N_OWNER, N__MAX };
static const struct field new_fields[N__MAX] = {
	{ "level", FT_ENUM, 1, 0, 0, levels },
	{ "parent", FT_STRING, 0, 0, 200, NULL },
	{ "name", FT_STRING, 1, 0, 500, NULL },
	{ "description", FT_TEXT, 0, 0, 20000, NULL },
	{ "year", FT_INT, 1, 1900, 2999, NULL },
	{ "number", FT_TEXT, 0, 0, 20, NULL },
	{ "owner", FT_STRING, 0, 0, 200, NULL },
};

/* random_key: "api-<prefix>-<16 hex>" in the request arena. */
static const char *random_key(struct http_req *r, const char *prefix)
{
	unsigned char rnd[8];
	char hex[17], key[64];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(key, sizeof(key), "api-%s-%s", prefix, hex);
	return arena_strdup(&r->a, key);
}

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

int api_goal_post(struct http_req *r)
{
	const struct kind *k = kind_find("goals");
	struct http_fields errs = { .n = 0 };
	struct level_ctx lc = { "" };
	struct body b;
	int64_t owner = r->user.org_id, parent = 0, id = 0;
	int rc;

	if ((rc = body_parse(r, new_fields, N__MAX, &b)) != 0)
		return rc;
	if (b.s[N_OWNER] && api_id_lookup(r, b.s[N_OWNER], STMT_ORG_ID_LOOSE, &owner) != LUP_OK)
		return http_fail(r);
	if (!owner)
		http_field_error(r, &errs, "owner", "unknown organisation");
	if (b.s[N_PARENT]) {
		if (api_id_lookup(r, b.s[N_PARENT], STMT_GOAL_ID, &parent) != LUP_OK)
			return http_fail(r);
		struct sval p = SVI(parent);
		if (parent && store_query(r->st, STMT_GOAL_LEVEL, &p, 1, level_row, &lc, &r->err) != LUP_OK)
			return http_fail(r);
		if (!parent)
			http_field_error(r, &errs, "parent", "unknown goal '%s'", b.s[N_PARENT]);
		else if (!parent_ok(b.s[N_LEVEL], lc.level))
			http_field_error(r, &errs, "parent", "a %s cannot sit under a %s", b.s[N_LEVEL], lc.level);
	}
	if (errs.n)
		return http_fields_reply(r, &errs, 422);
	if ((rc = authz_org(r, owner)) != 0)
		return rc;
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	const char *key = random_key(r, "goal");
	struct sval args[] = {
		SVS(key), SVI(owner), SVNULL, SVS(b.s[N_LEVEL]), SVS(b.s[N_NUMBER]), SVID(parent),
		SVS(b.s[N_TITLE]), SVS(b.s[N_DESC]), SVI(b.i[N_YEAR]), SVNULL, SVNULL, SVNULL, SVNULL,
		SVNULL, SVS("api"),
	};
	if (store_exec(r->st, STMT_GOAL_UPSERT, args, 15, &id, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	char loc[64];
	snprintf(loc, sizeof(loc), "/api/v1/goals/%lld", (long long)id);
	http_header(r, "Location", loc);
	return api_write_end(r, k, "goal", "insert", id, NULL, 201);
}
