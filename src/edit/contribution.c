/* contribution.c: the write path of contributions to a district's LUP (see contribution.h). */
#include "edit/contribution.h"
#include "core/err.h"
#include "model/datex.h"
#include "model/status.h"
#include "store/audit.h"
#include "store/store.h"
#include "store/values.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *contrib_rule_en(enum contrib_rule r)
{
	switch (r) {
	case CONTRIB_R_REQUIRED: return "is required";
	case CONTRIB_R_TOO_LONG: return "is too long";
	case CONTRIB_R_CHOICE: return "is not one of the allowed values";
	case CONTRIB_R_DATE: return "is not a date as plans write them (2026-03-01, 2026-03, 2026, vt 2026, ht 2026)";
	case CONTRIB_R_ORDER: return "ends before it starts";
	case CONTRIB_R_UNKNOWN: return "names nothing known";
	case CONTRIB_R_NOT_LUP: return "is not a measure or LUP goal of a district's LUP";
	case CONTRIB_R_DRAFT_ONLY: return "exists only in a draft of the LUP; contributions attach to the adopted "
					  "version, so wait until the draft is adopted";
	case CONTRIB_R_SUPERSEDED: return "is of a replaced version of the LUP; name the adopted version's";
	case CONTRIB_R_MISMATCH: return "is of another LUP than the measure";
	case CONTRIB_R_DISTRICT: return "must include the district of the LUP contributed to";
	case CONTRIB_R_DISTRICT_ORG: return "is a district committee or administration; contributions are other "
					    "organisations' (specialist committees, companies, ...)";
	}
	return "is invalid";
}

static int fail(struct contrib_fail *f, const char *field, enum contrib_rule r, struct err *e)
{
	f->field = field;
	f->rule = r;
	return err_set(e, LUP_EINVAL, "%s: %s", field, contrib_rule_en(r));
}

static const char *text_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

/* ---- the contribution as read: one JSON object (its audit entry) ---- */

static int obj_row(void *ctx, const struct store_row *row)
{
	json_t **o = ctx;

	*o = json_object();
	for (int i = 0; i < store_ncols(row); i++) {
		json_t *v;
		if (store_col_type(row, i) == SV_NULL)
			v = json_null();
		else if (store_col_type(row, i) == SV_INT)
			v = json_integer((json_int_t)store_col_int(row, i));
		else
			v = json_string(store_col_text(row, i));
		json_object_set_new(*o, store_col_name(row, i), v ? v : json_null());
	}
	return 1;
}

static int district_row(void *ctx, const struct store_row *row)
{
	json_array_append_new(ctx, json_string(store_col_text(row, 1)));
	return 0;
}

/* load: contribution id into *o (NULL when there is none) with its districts' keys. */
static int load(struct store *st, int64_t id, json_t **o, struct err *e)
{
	struct sval v = SVI(id);
	json_t *d;

	*o = NULL;
	if (store_query(st, STMT_CB_ONE, &v, 1, obj_row, o, e) != LUP_OK)
		return e->code;
	if (!*o)
		return LUP_OK;
	d = json_array();
	json_object_set_new(*o, "districts", d);
	if (store_query(st, STMT_CB_DISTRICTS, &v, 1, district_row, d, e) != LUP_OK) {
		json_decref(*o);
		*o = NULL;
		return e->code;
	}
	return LUP_OK;
}

static const char *os(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static int64_t oi(const json_t *o, const char *k)
{
	return (int64_t)json_integer_value(json_object_get(o, k));
}

static char *dump(const json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);

	if (!s)
		abort();
	return s;
}

/* The entry keeps what a reader needs, not the internal date columns. */
static char *entry(json_t *o)
{
	static const char *const drop[] = { "start_first", "start_last", "start_prec", "end_first", "end_last",
		"end_prec", "frozen", "owner_pair", NULL };

	for (int i = 0; drop[i]; i++)
		json_object_del(o, drop[i]);
	return dump(o);
}

static int record(struct store *st, const struct edit_actor *who, const char *action, int64_t id, const char *before,
		  const char *after, struct err *e)
{
	struct audit_rec rec = { NULL, who->user_id, who->name, action, "activity", id, before, after };

	return audit_write(st, &rec, e);
}

/* ---- checks ---- */

static int text_ok(const char *s, int required, size_t max, const char *field, struct contrib_fail *f, struct err *e)
{
	if (required && (!s || !*s))
		return fail(f, field, CONTRIB_R_REQUIRED, e);
	if (s && strlen(s) > max)
		return fail(f, field, CONTRIB_R_TOO_LONG, e);
	return LUP_OK;
}

/* check_fields: the fields of the full contribution in on their own; the dates into s and en. */
static int check_fields(const struct contrib_in *in, struct model_datex *s, struct model_datex *en,
			struct contrib_fail *f, struct err *e)
{
	char msg[200];

	memset(s, 0, sizeof(*s));
	memset(en, 0, sizeof(*en));
	if (text_ok(in->name, 1, CONTRIB_NAME_MAX, "name", f, e) || text_ok(in->description, 0, CONTRIB_TEXT_MAX, "description", f, e) ||
	    text_ok(in->start, 0, CONTRIB_DATE_MAX, "start", f, e) || text_ok(in->end, 0, CONTRIB_DATE_MAX, "end", f, e) ||
	    text_ok(in->measure, 0, CONTRIB_REF_MAX, "measure", f, e) || text_ok(in->goal, 0, CONTRIB_REF_MAX, "goal", f, e))
		return e->code;
	if (in->start && model_datex_parse(in->start, s, msg, sizeof(msg)) != 0)
		return fail(f, "start", CONTRIB_R_DATE, e);
	if (in->end && model_datex_parse(in->end, en, msg, sizeof(msg)) != 0)
		return fail(f, "end", CONTRIB_R_DATE, e);
	if (s->first && en->last && en->last < s->first)
		return fail(f, "end", CONTRIB_R_ORDER, e);
	if (in->status && act_status_index(in->status) < 0)
		return fail(f, "status", CONTRIB_R_CHOICE, e);
	if (!in->role || !*in->role)
		return fail(f, "role", CONTRIB_R_REQUIRED, e);
	if (act_role_index(in->role) < 0)
		return fail(f, "role", CONTRIB_R_CHOICE, e);
	if (!text_or_null(in->measure) && !text_or_null(in->goal))
		return fail(f, "measure", CONTRIB_R_REQUIRED, e);
	if (in->ndistricts > CONTRIB_DISTRICTS_MAX)
		return fail(f, "districts", CONTRIB_R_TOO_LONG, e);
	for (int i = 0; i < in->ndistricts; i++)
		if (text_ok(in->districts[i], 1, CONTRIB_REF_MAX, "districts", f, e))
			return e->code;
	return LUP_OK;
}

/* A measure or goal named, as found. */
struct target {
	int64_t id, district, plan;
	char status[16], kind[16], level[32];
};

static int target_row(void *ctx, const struct store_row *row)
{
	struct target *t = ctx;

	t->id = store_col_int(row, 0);
	snprintf(t->status, sizeof(t->status), "%s", store_col_text(row, 1) ? store_col_text(row, 1) : "");
	snprintf(t->kind, sizeof(t->kind), "%s", store_col_text(row, 2) ? store_col_text(row, 2) : "");
	t->district = store_col_int(row, 3);
	t->plan = store_col_int(row, 4);
	if (store_ncols(row) > 5)
		snprintf(t->level, sizeof(t->level), "%s", store_col_text(row, 5) ? store_col_text(row, 5) : "");
	return 1;
}

/* find_target: ref (an id or a key) with statement s into *t; with check, the adoption rules. */
static int find_target(struct store *st, enum stmt s, const char *ref, const char *field, int check,
		       struct target *t, struct contrib_fail *f, struct err *e)
{
	int digits = *ref && strspn(ref, "0123456789") == strlen(ref) && strlen(ref) < 18;
	struct sval a[] = { digits ? SVI(strtoll(ref, NULL, 10)) : SVNULL, SVS(ref) };

	memset(t, 0, sizeof(*t));
	if (store_query(st, s, a, 2, target_row, t, e) != LUP_OK)
		return e->code;
	if (!t->id)
		return fail(f, field, CONTRIB_R_UNKNOWN, e);
	if (strcmp(t->kind, "lup") != 0 || (s == STMT_CB_GOAL && strcmp(t->level, "lup") != 0) || !t->district)
		return fail(f, field, CONTRIB_R_NOT_LUP, e);
	if (check && strcmp(t->status, "draft") == 0)
		return fail(f, field, CONTRIB_R_DRAFT_ONLY, e);
	if (check && strcmp(t->status, "decided") != 0)
		return fail(f, field, CONTRIB_R_SUPERSEDED, e);
	return LUP_OK;
}

/* What a contribution refers to, resolved. */
struct refs {
	int64_t measure, goal, district;
	int n;
	int64_t area[CONTRIB_DISTRICTS_MAX];
};

/* resolve: the measure, goal and districts of the full contribution in (the adoption rules for
 * the measure and goal being set: check_m, check_g). */
static int resolve(struct store *st, const struct contrib_in *in, int check_m, int check_g, struct refs *r,
		   struct contrib_fail *f, struct err *e)
{
	struct target m = { 0 }, g = { 0 };
	int found = 0;

	memset(r, 0, sizeof(*r));
	if (text_or_null(in->measure) && find_target(st, STMT_CB_MEASURE, in->measure, "measure", check_m, &m, f, e))
		return e->code;
	if (text_or_null(in->goal) && find_target(st, STMT_CB_GOAL, in->goal, "goal", check_g, &g, f, e))
		return e->code;
	if (m.id && g.id && m.plan != g.plan)
		return fail(f, "goal", CONTRIB_R_MISMATCH, e);
	r->measure = m.id;
	r->goal = g.id;
	r->district = m.id ? m.district : g.district;
	for (int i = 0; i < in->ndistricts; i++) {
		struct sval d = SVS(in->districts[i]);
		int64_t a = 0;
		if (store_query_id(st, STMT_AREA_ID_LOOSE, &d, 1, &a, e) != LUP_OK)
			return e->code;
		if (!a)
			return fail(f, "districts", CONTRIB_R_UNKNOWN, e);
		found |= a == r->district;
		r->area[r->n++] = a;
	}
	if (!in->ndistricts)
		r->area[r->n++] = r->district;
	else if (!found)
		return fail(f, "districts", CONTRIB_R_DISTRICT, e);
	return LUP_OK;
}

/* ---- where a new contribution goes ---- */

struct ver {
	int64_t id;
	int frozen;
};

static int ver_row(void *ctx, const struct store_row *row)
{
	struct ver *v = ctx;

	v->id = store_col_int(row, 0);
	v->frozen = (int)store_col_int(row, 2);
	return 1;
}

struct org {
	int64_t id;
	char key[128], name[256], kind[32];
};

static int org_row(void *ctx, const struct store_row *row)
{
	struct org *o = ctx;

	o->id = store_col_int(row, 0);
	snprintf(o->key, sizeof(o->key), "%s", store_col_text(row, 1));
	snprintf(o->name, sizeof(o->name), "%s", store_col_text(row, 2));
	snprintf(o->kind, sizeof(o->kind), "%s", store_col_text(row, 3));
	return 1;
}

static int org_load(struct store *st, int64_t id, struct org *o, struct err *e)
{
	struct sval v = SVI(id);

	memset(o, 0, sizeof(*o));
	return store_query(st, STMT_CB_ORG, &v, 1, org_row, o, e);
}

static int year_now(void)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	return tm.tm_year + 1900;
}

/* new_plan: a contribution plan of org for the current year with a draft version 1, into *pv. */
static int new_plan(struct store *st, const struct org *o, const char *source, int64_t *pv, struct err *e)
{
	char key[200], title[400];
	int y = year_now();
	int64_t plan = 0;

	snprintf(key, sizeof(key), "bidrag-%s-%d", o->key, y);
	snprintf(title, sizeof(title), "%s: bidrag till lokala utvecklingsprogram %d", o->name, y);
	struct sval a[] = { SVS(key), SVI(o->id), SVS(title), SVI(y), SVS(source) };
	if (store_exec(st, STMT_CB_PLAN_INSERT, a, 5, &plan, NULL, e) != LUP_OK)
		return e->code;
	struct sval p = SVI(plan);
	return store_exec(st, STMT_CB_VERSION_INSERT, &p, 1, pv, NULL, e);
}

/* target_version: the version of org's contribution plan a new contribution goes into. */
static int target_version(struct store *st, const struct org *o, const char *source, int64_t *pv, struct err *e)
{
	struct sval a = SVI(o->id);
	struct ver v = { 0, 0 };
	int64_t plan = 0;

	*pv = 0;
	if (store_query_id(st, STMT_CB_PLAN, &a, 1, &plan, e) != LUP_OK)
		return e->code;
	if (!plan)
		return new_plan(st, o, source, pv, e);
	struct sval p = SVI(plan);
	if (store_query(st, STMT_CB_PLAN_VERSION, &p, 1, ver_row, &v, e) != LUP_OK)
		return e->code;
	if (!v.id || v.frozen)
		return err_set(e, LUP_ECONFLICT, "the contribution plan's version is adopted; create a new version "
			       "of it to add contributions");
	*pv = v.id;
	return LUP_OK;
}

/* ---- writes ---- */

static int set_districts(struct store *st, int64_t id, const struct refs *r, struct err *e)
{
	struct sval v = SVI(id);

	if (store_exec(st, STMT_CB_DISTRICTS_CLEAR, &v, 1, NULL, NULL, e) != LUP_OK)
		return e->code;
	for (int i = 0; i < r->n; i++) {
		struct sval a[] = { SVI(id), SVI(r->area[i]) };
		if (store_exec(st, STMT_CB_DISTRICT_ADD, a, 2, NULL, NULL, e) != LUP_OK)
			return e->code;
	}
	return LUP_OK;
}

int contrib_district_org(struct store *st, int64_t org, int *yes, struct err *e)
{
	struct org o;

	*yes = 0;
	if (org_load(st, org, &o, e) != LUP_OK)
		return e->code;
	*yes = strcmp(o.kind, "district_committee") == 0 || strcmp(o.kind, "district_admin") == 0;
	return LUP_OK;
}

int contrib_add(struct store *st, const struct edit_actor *who, int64_t org, const struct contrib_in *in,
		int64_t *id, struct contrib_fail *f, struct err *e)
{
	struct model_datex s, en;
	struct refs r;
	struct org o;
	int64_t pv = 0;
	json_t *after = NULL;
	char *as = NULL;

	*id = 0;
	f->field = NULL;
	if (!org)
		return fail(f, "organisation", CONTRIB_R_REQUIRED, e);
	if (check_fields(in, &s, &en, f, e) != LUP_OK)
		return e->code;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (org_load(st, org, &o, e) != LUP_OK)
		goto err;
	if (!o.id) {
		fail(f, "organisation", CONTRIB_R_UNKNOWN, e);
		goto err;
	}
	if (strcmp(o.kind, "district_committee") == 0 || strcmp(o.kind, "district_admin") == 0) {
		fail(f, "organisation", CONTRIB_R_DISTRICT_ORG, e);
		goto err;
	}
	if (resolve(st, in, 1, 1, &r, f, e) != LUP_OK || target_version(st, &o, in->source, &pv, e) != LUP_OK)
		goto err;
	struct sval a[] = {
		SVI(pv), SVI(org), SVS(in->name), SVS(text_or_null(in->description)), SVS(text_or_null(in->start)),
		SVID(s.first), SVID(s.last), SVS(store_prec(s.prec)), SVS(text_or_null(in->end)), SVID(en.first),
		SVID(en.last), SVS(store_prec(en.prec)), SVS(in->status ? in->status : "planned"), SVS(in->role),
		SVID(r.goal), SVID(r.measure), SVS(in->source),
	};
	if (store_exec(st, STMT_CB_INSERT, a, 17, id, NULL, e) != LUP_OK || set_districts(st, *id, &r, e) != LUP_OK ||
	    load(st, *id, &after, e) != LUP_OK)
		goto err;
	as = entry(after);
	if (record(st, who, "insert", *id, NULL, as, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	json_decref(after);
	free(as);
	return LUP_OK;
err:
	json_decref(after);
	free(as);
	store_rollback(st);
	*id = 0;
	return e->code;
}

/* merged: the full contribution: cur with the parts of in that are set; districts from cur
 * into keys (at most CONTRIB_DISTRICTS_MAX) when in does not set them. */
static struct contrib_in merged(const json_t *cur, const struct contrib_in *in, const char **keys, char *mid,
				char *gid)
{
	struct contrib_in m = *in;
	const json_t *d = json_object_get(cur, "districts");

	snprintf(mid, 24, "%lld", (long long)oi(cur, "measure_id"));
	snprintf(gid, 24, "%lld", (long long)oi(cur, "goal_id"));
	if (!in->set_name) m.name = os(cur, "title");
	if (!in->set_description) m.description = os(cur, "description");
	if (!in->set_start) m.start = os(cur, "start_text");
	if (!in->set_end) m.end = os(cur, "end_text");
	if (!in->set_status || !in->status) m.status = os(cur, "status");
	if (!in->set_role) m.role = os(cur, "role");
	if (!in->set_measure) m.measure = oi(cur, "measure_id") ? mid : NULL;
	if (!in->set_goal) m.goal = oi(cur, "goal_id") ? gid : NULL;
	if (!in->set_districts) {
		m.ndistricts = 0;
		for (size_t i = 0; i < json_array_size(d) && i < CONTRIB_DISTRICTS_MAX; i++)
			keys[m.ndistricts++] = json_string_value(json_array_get(d, i));
		m.districts = keys;
	}
	return m;
}

static int change_rows(struct store *st, int64_t id, const struct contrib_in *m, const struct model_datex *s,
		       const struct model_datex *en, const struct refs *r, struct err *e)
{
	struct sval a[] = {
		SVI(id), SVS(m->name), SVS(text_or_null(m->description)), SVS(text_or_null(m->start)), SVID(s->first),
		SVID(s->last), SVS(store_prec(s->prec)), SVS(text_or_null(m->end)), SVID(en->first), SVID(en->last),
		SVS(store_prec(en->prec)), SVS(m->status ? m->status : "planned"), SVS(m->role), SVID(r->goal),
		SVID(r->measure),
	};
	if (store_exec(st, STMT_CB_SET, a, 15, NULL, NULL, e) != LUP_OK)
		return e->code;
	return set_districts(st, id, r, e);
}

int contrib_change(struct store *st, const struct edit_actor *who, int64_t id, const struct contrib_in *in,
		   int *changed, struct contrib_fail *f, struct err *e)
{
	const char *keys[CONTRIB_DISTRICTS_MAX];
	char mid[24], gid[24], *bs = NULL, *as = NULL;
	json_t *cur = NULL, *after = NULL;
	struct model_datex s, en;
	struct contrib_in m;
	struct refs r;
	int dummy;

	if (!changed)
		changed = &dummy;
	*changed = 0;
	f->field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (load(st, id, &cur, e) != LUP_OK)
		goto err;
	if (!cur) {
		err_set(e, LUP_ENOTFOUND, "no contribution %lld", (long long)id);
		goto err;
	}
	if (oi(cur, "frozen")) {
		err_set(e, LUP_ECONFLICT, "the contribution plan's version is adopted; create a new version to change it");
		goto err;
	}
	m = merged(cur, in, keys, mid, gid);
	if (check_fields(&m, &s, &en, f, e) != LUP_OK || resolve(st, &m, in->set_measure, in->set_goal, &r, f, e) != LUP_OK ||
	    change_rows(st, id, &m, &s, &en, &r, e) != LUP_OK || load(st, id, &after, e) != LUP_OK)
		goto err;
	bs = entry(cur);
	as = entry(after);
	*changed = strcmp(bs, as) != 0;
	if ((*changed && record(st, who, "update", id, bs, as, e) != LUP_OK) || store_commit(st, e) != LUP_OK)
		goto err;
	json_decref(cur), json_decref(after), free(bs), free(as);
	return LUP_OK;
err:
	json_decref(cur), json_decref(after), free(bs), free(as);
	store_rollback(st);
	*changed = 0;
	return e->code;
}

int contrib_remove(struct store *st, const struct edit_actor *who, int64_t id, struct err *e)
{
	struct sval v = SVI(id);
	json_t *cur = NULL;
	char *bs = NULL;
	int64_t reports = 0;

	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (load(st, id, &cur, e) != LUP_OK)
		goto err;
	if (!cur) {
		err_set(e, LUP_ENOTFOUND, "no contribution %lld", (long long)id);
		goto err;
	}
	if (oi(cur, "frozen")) {
		err_set(e, LUP_ECONFLICT, "the contribution plan's version is adopted; create a new version to change it");
		goto err;
	}
	if (store_query_id(st, STMT_ACTIVITY_REPORTED, &v, 1, &reports, e) != LUP_OK)
		goto err;
	if (reports) {
		err_set(e, LUP_ECONFLICT, "a follow-up report records the contribution; set its status to 'cancelled' "
			"instead of removing it");
		goto err;
	}
	bs = entry(cur);
	if (store_exec(st, STMT_ACTIVITY_DELETE, &v, 1, NULL, NULL, e) != LUP_OK ||
	    record(st, who, "delete", id, bs, NULL, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	json_decref(cur), free(bs);
	return LUP_OK;
err:
	json_decref(cur), free(bs);
	store_rollback(st);
	return e->code;
}

static int owner_row(void *ctx, const struct store_row *row)
{
	*(int64_t *)ctx = store_col_int(row, 2);
	return 1;
}

int contrib_owner(struct store *st, int64_t id, int64_t *owner, struct err *e)
{
	struct sval v = SVI(id);

	*owner = 0;
	return store_query(st, STMT_CB_ONE, &v, 1, owner_row, owner, e);
}
