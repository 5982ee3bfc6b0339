/* api-plan-measures.c: an LUP version's prioritised measures and plan partners in the API:
 *	GET, POST /api/v1/plans/{key}/versions/{n}/measures
 *	GET, PATCH, DELETE /api/v1/plans/{key}/versions/{n}/measures/{id}
 *	POST /api/v1/plans/{key}/versions/{n}/measures/order {"order": [ids]}
 *	GET, POST /api/v1/plans/{key}/versions/{n}/partners
 *	PATCH, DELETE /api/v1/plans/{key}/versions/{n}/partners/{id}
 * The writes go through edit/plan-measure and edit/plan-partner (the frozen rule, one transaction
 * with its audit entry); who may write: the plan owner's editors and administrators. A draft is
 * visible only to those who may read it (pv_readable); others get 404. */
#include "web/api.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/plan-edit.h"
#include "edit/plan-measure.h"
#include "edit/plan-partner.h"
#include "render/json.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int id_param(struct http_req *r, const char *what, int64_t *id)
{
	return api_id_param(r, 2, STMT__MAX, what, id);
}

/* ---- measures: reading ------------------------------------------------------------------- */

/* The version's measures (or one) with their links, each set sorted by measure id (column 0). */
struct mset {
	struct rowset m, th, ar, go, pa, tg;
};

static int mset_load(struct http_req *r, int64_t pv, int64_t only, struct mset *s)
{
	struct sval a[] = { only ? SVI(only) : SVNULL, SVI(pv) };
	struct { struct rowset *rs; enum stmt st; } q[] = {
		{ &s->m, STMT_PM_MEASURES }, { &s->th, STMT_PM_THEMES }, { &s->ar, STMT_PM_AREAS },
		{ &s->go, STMT_PM_GOALS }, { &s->pa, STMT_PM_PARTNERS }, { &s->tg, STMT_PM_TGS },
	};

	for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		rowset_init(q[i].rs, &r->a);
		if (rowset_query(q[i].rs, r->st, q[i].st, a, 2, &r->err) != LUP_OK)
			return r->err.code;
	}
	return LUP_OK;
}

static void str_or_null(struct json *j, const char *key, const char *s)
{
	json_key(j, key);
	if (s)
		json_str(j, s);
	else
		json_nothing(j);
}

/* links: the run of rs for measure id as objects of its columns from 1 on, under key. */
static void links(struct json *j, const char *key, const struct rowset *rs, int64_t id)
{
	int from, to, role = rowset_col(rs, "role");

	json_key(j, key);
	json_arr_open(j);
	pv_run(rs, id, &from, &to);
	for (int k = from; k < to; k++) {
		json_obj_open(j);
		rowset_json_cols(rs, k, 1, j, NULL);
		if (role >= 0 && rs->rows[k][role].s) {	/* a partner's role in Swedish */
			json_key(j, "role_sv");
			json_str(j, plan_measure_role_sv(rs->rows[k][role].s));
		}
		json_obj_close(j);
	}
	json_arr_close(j);
}

static void measure_json(struct json *j, const struct mset *s, int i)
{
	const struct rowset *m = &s->m;
	int64_t id = strtoll(m->rows[i][0].s, NULL, 10);
	int from, to;

	json_obj_open(j);
	json_key(j, "id"); json_int(j, id);
	json_key(j, "key"); json_str(j, m->rows[i][rowset_col(m, "key")].s);
	json_key(j, "ord"); json_int(j, strtoll(m->rows[i][rowset_col(m, "ord")].s, NULL, 10));
	json_key(j, "title"); json_str(j, m->rows[i][rowset_col(m, "title")].s);
	str_or_null(j, "description", m->rows[i][rowset_col(m, "description")].s);
	str_or_null(j, "status", m->rows[i][rowset_col(m, "status")].s);
	str_or_null(j, "start", m->rows[i][rowset_col(m, "start")].s);
	str_or_null(j, "end", m->rows[i][rowset_col(m, "end")].s);
	links(j, "themes", &s->th, id);
	links(j, "areas", &s->ar, id);
	links(j, "goals", &s->go, id);
	json_key(j, "target_groups");
	json_arr_open(j);
	pv_run(&s->tg, id, &from, &to);
	for (int k = from; k < to; k++)
		json_str(j, s->tg.rows[k][1].s);
	json_arr_close(j);
	links(j, "partners", &s->pa, id);
	json_obj_close(j);
}

/* reply_measures: the version's measures (only 0) or measure only (404 when not there). */
static int reply_measures(struct http_req *r, const struct pv_head *v, int64_t only, int status)
{
	struct mset s;
	struct json *j;

	if (mset_load(r, v->id, only, &s) != LUP_OK)
		return http_fail(r);
	if (only) {
		if (!s.m.nrows)
			return http_error(r, 404, "not_found", "no measure %lld in the version", (long long)only);
		j = http_json_begin(r, status);
		measure_json(j, &s, 0);
		return http_json_end(r, j);
	}
	j = http_json_begin(r, status);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, v->plan);
	json_key(j, "version"); json_int(j, v->version);
	json_key(j, "status"); json_str(j, v->status);
	json_key(j, "measures");
	json_arr_open(j);
	for (int i = 0; i < s.m.nrows; i++)
		measure_json(j, &s, i);
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_pv_measures_get(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0)
		return rc;
	return reply_measures(r, &v, 0, 200);
}

int api_pv_measure_get(struct http_req *r)
{
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0 || (rc = id_param(r, "measure", &id)) != 0)
		return rc;
	return reply_measures(r, &v, id, 200);
}

/* ---- measures: the body ------------------------------------------------------------------ */

/* A body's problem: the field and the message (the first one found). */
struct prob {
	const char *field, *msg;
};

static int nullable_str(json_t *x)
{
	return json_is_string(x) || json_is_null(x);
}

static const char *str_of(struct http_req *r, json_t *x)
{
	return json_is_string(x) ? arena_strdup(&r->a, json_string_value(x)) : NULL;
}

/* ids: an array of integers into *out (arena). */
static int ids(struct http_req *r, json_t *x, const int64_t **out, int *n)
{
	int64_t *v;
	json_t *y;
	size_t i;

	if (!json_is_array(x) || json_array_size(x) > PLAN_MEASURE_LINKS_MAX)
		return -1;
	v = arena_alloc(&r->a, (json_array_size(x) + 1) * sizeof(*v));
	json_array_foreach(x, i, y) {
		if (!json_is_integer(y))
			return -1;
		v[i] = (int64_t)json_integer_value(y);
	}
	*out = v;
	*n = (int)json_array_size(x);
	return 0;
}

/* strs: an array of strings into *out (arena). */
static int strs(struct http_req *r, json_t *x, const char *const **out, int *n)
{
	const char **v;
	json_t *y;
	size_t i;

	if (!json_is_array(x) || json_array_size(x) > PLAN_MEASURE_LINKS_MAX)
		return -1;
	v = arena_alloc(&r->a, (json_array_size(x) + 1) * sizeof(*v));
	json_array_foreach(x, i, y) {
		if (!json_is_string(y))
			return -1;
		v[i] = arena_strdup(&r->a, json_string_value(y));
	}
	*out = v;
	*n = (int)json_array_size(x);
	return 0;
}

/* partners: [{"org": KEY, "role": R} | {"partner": ID, "role": R}] into *out (arena). */
static int partners(struct http_req *r, json_t *x, struct plan_measure_in *in)
{
	struct plan_measure_partner *p;
	json_t *y;
	size_t i;

	if (!json_is_array(x) || json_array_size(x) > PLAN_MEASURE_LINKS_MAX)
		return -1;
	p = arena_alloc(&r->a, (json_array_size(x) + 1) * sizeof(*p));
	json_array_foreach(x, i, y) {
		json_t *org = json_object_get(y, "org"), *pp = json_object_get(y, "partner"), *role = json_object_get(y, "role");
		if (!json_is_object(y) || !json_is_string(role) || (org != NULL) == (pp != NULL) ||
		    (org && !json_is_string(org)) || (pp && !json_is_integer(pp)) || json_object_size(y) != 2)
			return -1;
		p[i].org = str_of(r, org);
		p[i].partner = pp ? (int64_t)json_integer_value(pp) : 0;
		p[i].role = str_of(r, role);
	}
	in->partners = p;
	in->npartners = (int)json_array_size(x);
	in->set_partners = 1;
	return 0;
}

/* member: one member k = x of the body into in; a problem in *pb. */
static void member(struct http_req *r, const char *k, json_t *x, struct plan_measure_in *in, struct prob *pb)
{
	if (!strcmp(k, "title")) {
		in->title = str_of(r, x), in->set_title = 1;
		if (!json_is_string(x))
			*pb = (struct prob){ "title", "must be a string" };
	} else if (!strcmp(k, "description") || !strcmp(k, "status") || !strcmp(k, "start") || !strcmp(k, "end")) {
		if (!nullable_str(x))
			*pb = (struct prob){ k, "must be a string or null" };
		else if (!strcmp(k, "description"))
			in->description = str_of(r, x), in->set_description = 1;
		else if (!strcmp(k, "status"))
			in->status = str_of(r, x), in->set_status = 1;
		else if (!strcmp(k, "start"))
			in->start = str_of(r, x), in->set_start = 1;
		else
			in->end = str_of(r, x), in->set_end = 1;
	} else if (!strcmp(k, "themes")) {
		if (ids(r, x, &in->themes, &in->nthemes))
			*pb = (struct prob){ k, "must be an array of at most 64 theme ids" };
		in->set_themes = 1;
	} else if (!strcmp(k, "goals")) {
		if (ids(r, x, &in->goals, &in->ngoals))
			*pb = (struct prob){ k, "must be an array of at most 64 goal ids" };
		in->set_goals = 1;
	} else if (!strcmp(k, "areas")) {
		if (strs(r, x, &in->areas, &in->nareas))
			*pb = (struct prob){ k, "must be an array of at most 64 area keys" };
		in->set_areas = 1;
	} else if (!strcmp(k, "target_groups")) {
		if (strs(r, x, &in->groups, &in->ngroups))
			*pb = (struct prob){ k, "must be an array of at most 64 strings" };
		in->set_groups = 1;
	} else if (!strcmp(k, "partners")) {
		if (partners(r, x, in))
			*pb = (struct prob){ k, "must be an array of at most 64 {\"org\": KEY, \"role\": ROLE} or "
					     "{\"partner\": ID, \"role\": ROLE}" };
	} else {
		*pb = (struct prob){ k, "is not a field of a measure" };
	}
}

/* measure_body: the request's body into *in. 0, or the status answered. */
static int measure_body(struct http_req *r, struct plan_measure_in *in)
{
	struct prob pb = { NULL, NULL };
	json_error_t jerr;
	json_t *root = json_loadb(r->body.ptr, r->body.len, JSON_REJECT_DUPLICATES, &jerr), *x;
	const char *k;

	memset(in, 0, sizeof(*in));
	in->source = "api";
	if (!root)
		return http_error(r, 400, "bad_request", "malformed JSON at line %d, column %d: %s", jerr.line,
				  jerr.column, jerr.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return http_error(r, 400, "bad_request", "the body is one JSON object");
	}
	json_object_foreach(root, k, x) {
		if (pb.field)
			break;
		member(r, k, x, in, &pb);
		if (pb.field)
			pb.field = arena_strdup(&r->a, pb.field);
	}
	json_decref(root);
	if (pb.field) {
		struct api_violations v = { .n = 0 };
		api_violation(r, &v, pb.field, API_RULE_UNKNOWN, "%s", pb.msg);
		return api_violations_reply(r, &v);
	}
	return 0;
}

/* ---- measures: writing ------------------------------------------------------------------- */

int api_pv_measures_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct plan_measure_in in;
	const char *field = NULL;
	struct pv_head v;
	int64_t id = 0;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = measure_body(r, &in)) != 0)
		return rc;
	if (!in.set_title || !in.title || !*in.title) {
		struct api_violations bad = { .n = 0 };
		api_violation(r, &bad, "title", API_RULE_REQUIRED, "is required");
		return api_violations_reply(r, &bad);
	}
	if (plan_measure_add(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	char loc[600];
	snprintf(loc, sizeof(loc), "/api/v1/plans/%s/versions/%lld/measures/%lld", v.plan, (long long)v.version,
		 (long long)id);
	http_header(r, "Location", loc);
	return reply_measures(r, &v, id, 201);
}

int api_pv_measure_patch(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct plan_measure_in in;
	const char *field = NULL;
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = id_param(r, "measure", &id)) != 0 ||
	    (rc = measure_body(r, &in)) != 0)
		return rc;
	if (plan_measure_change(r->st, &who, v.id, id, &in, NULL, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	return reply_measures(r, &v, id, 200);
}

int api_pv_measure_delete(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = id_param(r, "measure", &id)) != 0)
		return rc;
	if (plan_measure_remove(r->st, &who, v.id, id, &r->err) != LUP_OK)
		return pv_api_fail(r, NULL);
	r->status = 204;
	return 204;
}

int api_pv_measures_order(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *field = NULL;
	struct pv_head v;
	int64_t *ids = NULL;
	int n = 0, rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = pv_api_order(r, "measure", &ids, &n)) != 0)
		return rc;
	if (plan_measure_order(r->st, &who, v.id, ids, n, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	return reply_measures(r, &v, 0, 200);
}

/* ---- plan partners ----------------------------------------------------------------------- */

static int reply_partners(struct http_req *r, const struct pv_head *v, int64_t only, int status)
{
	struct sval a[] = { SVI(v->id), only ? SVI(only) : SVNULL };
	struct rowset p;
	struct json *j;

	rowset_init(&p, &r->a);
	if (rowset_query(&p, r->st, STMT_PP_LIST, a, 2, &r->err) != LUP_OK)
		return http_fail(r);
	if (only) {
		if (!p.nrows)
			return http_error(r, 404, "not_found", "no partner %lld in the version", (long long)only);
		j = http_json_begin(r, status);
		json_obj_open(j);
		rowset_json_row(&p, 0, j, NULL);
		json_obj_close(j);
		return http_json_end(r, j);
	}
	j = http_json_begin(r, status);
	json_obj_open(j);
	json_key(j, "plan"); json_str(j, v->plan);
	json_key(j, "version"); json_int(j, v->version);
	json_key(j, "partners");
	rowset_json(&p, j, NULL);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_pv_partners_get(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = pv_api_version(r, &v, 0)) != 0)
		return rc;
	return reply_partners(r, &v, 0, 200);
}

enum { P_ORG, P_GROUP, P_LABEL, P__MAX };
static const struct field partner_fields[P__MAX] = {
	{ "org", FT_TEXT, 0, 0, 200, NULL },
	{ "group", FT_ENUM, 0, 0, 0, plan_partner_groups },
	{ "label", FT_TEXT, 0, 0, PLAN_PARTNER_LABEL_MAX, NULL },
};

static struct plan_partner_in partner_in(const struct body *b)
{
	struct plan_partner_in in = {
		.org = b->s[P_ORG], .set_org = b->present[P_ORG],
		.group = b->s[P_GROUP], .set_group = b->present[P_GROUP],
		.label = b->s[P_LABEL], .set_label = b->present[P_LABEL], .source = "api",
	};
	return in;
}

int api_pv_partners_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *field = NULL;
	struct pv_head v;
	struct body b;
	int64_t id = 0;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = body_parse(r, partner_fields, P__MAX, &b)) != 0)
		return rc;
	if (!b.present[P_GROUP]) {
		struct api_violations bad = { .n = 0 };
		api_violation(r, &bad, "group", API_RULE_REQUIRED, "is required");
		return api_violations_reply(r, &bad);
	}
	struct plan_partner_in in = partner_in(&b);
	if (plan_partner_add(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	char loc[600];
	snprintf(loc, sizeof(loc), "/api/v1/plans/%s/versions/%lld/partners/%lld", v.plan, (long long)v.version,
		 (long long)id);
	http_header(r, "Location", loc);
	return reply_partners(r, &v, id, 201);
}

int api_pv_partner_patch(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *field = NULL;
	struct pv_head v;
	struct body b;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = id_param(r, "partner", &id)) != 0 ||
	    (rc = body_parse(r, partner_fields, P__MAX, &b)) != 0)
		return rc;
	struct plan_partner_in in = partner_in(&b);
	if (plan_partner_change(r->st, &who, v.id, id, &in, &field, &r->err) != LUP_OK)
		return pv_api_fail(r, field);
	return reply_partners(r, &v, id, 200);
}

int api_pv_partner_delete(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = pv_api_version(r, &v, 1)) != 0 || (rc = id_param(r, "partner", &id)) != 0)
		return rc;
	if (plan_partner_remove(r->st, &who, v.id, id, NULL, &r->err) != LUP_OK)
		return pv_api_fail(r, NULL);
	r->status = 204;
	return 204;
}
