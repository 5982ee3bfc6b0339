/* plan-measure.c: the write path of an LUP version's prioritised measures (see plan-measure.h). */
#include "edit/plan-measure.h"
#include "edit/plan-draft.h"
#include "edit/idlist.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "model/datex.h"
#include "store/audit.h"
#include "store/store.h"
#include "store/values.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The roles: machine name and Swedish word, one table for the edit layer, the API and the pages. */
static const char *const roles[][2] = {
	{ "lead", "ansvarig" }, { "partner", "samverkanspart" }, { "support", "stöd" }, { "funder", "finansiär" },
};
#define NROLES (sizeof(roles) / sizeof(roles[0]))
const char *const plan_measure_roles[] = { "lead", "partner", "support", "funder", NULL };

static const char *const statuses[] = { "idea", "prestudy", "project", "permanent", "ended", NULL };

const char *plan_measure_role(const char *word)
{
	for (size_t i = 0; word && i < NROLES; i++)
		if (!strcmp(word, roles[i][0]) || !strcmp(word, roles[i][1]))
			return roles[i][0];
	return NULL;
}

const char *plan_measure_role_sv(const char *role)
{
	for (size_t i = 0; role && i < NROLES; i++)
		if (!strcmp(role, roles[i][0]))
			return roles[i][1];
	return role;
}

/* ---- the audit snapshot ------------------------------------------------------------------ */

static json_t *col(const struct store_row *r, int i)
{
	switch (store_col_type(r, i)) {
	case SV_INT: return json_integer((json_int_t)store_col_int(r, i));
	case SV_TEXT: return json_string(store_col_text(r, i));
	default: return json_null();
	}
}

/* A list of link rows (column 0 the measure id) into obj[key]: each row's column 1 (scalar) or
 * its columns 1.. as an object. */
struct links {
	json_t *obj;
	const char *key;
	int scalar;
};

static int measure_row(void *ctx, const struct store_row *r)
{
	struct links *l = ctx;

	l->obj = json_object();
	for (int i = 0; i < store_ncols(r); i++)
		json_object_set_new(l->obj, store_col_name(r, i), col(r, i));
	return 1;
}

static int link_row(void *ctx, const struct store_row *r)
{
	struct links *l = ctx;
	json_t *v;

	if (l->scalar) {
		v = col(r, 1);
	} else {
		v = json_object();
		for (int i = 1; i < store_ncols(r); i++)
			json_object_set_new(v, store_col_name(r, i), col(r, i));
	}
	json_array_append_new(json_object_get(l->obj, l->key), v);
	return 0;
}

/* snapshot: measure id of pv as JSON text into *out (malloc'd; NULL when there is no such one). */
static int snapshot(struct store *st, int64_t pv, int64_t id, char **out, struct err *e)
{
	static const struct { enum stmt s; const char *key; int scalar; } parts[] = {
		{ STMT_PM_THEMES, "themes", 1 }, { STMT_PM_AREAS, "areas", 1 }, { STMT_PM_GOALS, "goals", 1 },
		{ STMT_PM_PARTNERS, "partners", 0 }, { STMT_PM_TGS, "target_groups", 1 },
	};
	struct sval a[] = { SVI(id), SVI(pv) };
	struct links l = { NULL, NULL, 0 };

	*out = NULL;
	if (store_query(st, STMT_PM_MEASURES, a, 2, measure_row, &l, e) != LUP_OK)
		return e->code;
	if (!l.obj)
		return LUP_OK;
	json_object_del(l.obj, "start_first");
	json_object_del(l.obj, "end_last");
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		l.key = parts[i].key;
		l.scalar = parts[i].scalar;
		json_object_set_new(l.obj, l.key, json_array());
		if (store_query(st, parts[i].s, a, 2, link_row, &l, e) != LUP_OK) {
			json_decref(l.obj);
			return e->code;
		}
	}
	*out = json_dumps(l.obj, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(l.obj);
	if (!*out)
		abort();
	return LUP_OK;
}

static int record(struct store *st, const struct edit_actor *who, const char *action, int64_t id,
		  const char *before, const char *after, struct err *e)
{
	struct audit_rec rec = { NULL, who->user_id, who->name, action, "measure", id, before, after };

	return audit_write(st, &rec, e);
}

/* ---- checks ------------------------------------------------------------------------------ */

static int bad(const char **field, const char *f, struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int bad(const char **field, const char *f, struct err *e, const char *fmt, ...)
{
	char msg[300];
	va_list ap;

	*field = f;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(e, LUP_EINVAL, "%s: %s", f, msg);
}

static const char *text_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static int one_line(const char *s, size_t max)
{
	return s && *s && strlen(s) <= max && !strpbrk(s, "\n\r\t");
}

static int in_list(const char *const *l, const char *s)
{
	for (; *l; l++)
		if (!strcmp(*l, s))
			return 1;
	return 0;
}

/* check_date: text (NULL or "": open) parsed into *d, else LUP_EINVAL at f. */
static int check_date(const char *f, const char *text, struct model_datex *d, const char **field, struct err *e)
{
	char msg[200];

	memset(d, 0, sizeof(*d));
	if (text && strlen(text) > PLAN_MEASURE_DATE_MAX)
		return bad(field, f, e, "is longer than 40 bytes");
	if (model_datex_parse(text, d, msg, sizeof(msg)) != 0)
		return bad(field, f, e, "%s (write e.g. 'ht 2017', '2018', '2019-03')", msg);
	return LUP_OK;
}

/* check_in: the fields of in that are set, on their own (not their references). */
static int check_in(const struct plan_measure_in *in, const char **field, struct err *e)
{
	if (in->set_title && !one_line(in->title, PLAN_MEASURE_TITLE_MAX))
		return bad(field, "title", e, "is required: one line of at most 300 bytes");
	if (in->set_description && in->description && strlen(in->description) > PLAN_MEASURE_TEXT_MAX)
		return bad(field, "description", e, "is longer than 20000 bytes");
	if (in->set_status && text_or_null(in->status) && !in_list(statuses, in->status))
		return bad(field, "status", e, "'%.60s' is not one of idea, prestudy, project, permanent, ended",
			   in->status);
	const struct { const char *f; int set, n; } lists[] = {
		{ "themes", in->set_themes, in->nthemes }, { "areas", in->set_areas, in->nareas },
		{ "goals", in->set_goals, in->ngoals }, { "partners", in->set_partners, in->npartners },
		{ "target_groups", in->set_groups, in->ngroups },
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (lists[i].set && (lists[i].n < 0 || lists[i].n > PLAN_MEASURE_LINKS_MAX))
			return bad(field, lists[i].f, e, "has more than 64 members");
	for (int i = 0; in->set_groups && i < in->ngroups; i++)
		if (!one_line(in->groups[i], PLAN_MEASURE_GROUP_MAX))
			return bad(field, "target_groups", e, "each target group is one line of 1..200 bytes");
	for (int i = 0; in->set_partners && i < in->npartners; i++) {
		const struct plan_measure_partner *p = &in->partners[i];
		if (!text_or_null(p->org) == !p->partner)
			return bad(field, "partners", e, "each partner is an organisation (org) or a plan partner "
				   "(partner), not both");
		if (!plan_measure_role(p->role))
			return bad(field, "partners", e, "role '%.60s' is not one of lead (ansvarig), partner "
				   "(samverkanspart), support (stöd), funder (finansiär)", p->role ? p->role : "(none)");
	}
	return LUP_OK;
}

/* in_version: LUP_OK when stmt (id, pv) finds id; else LUP_EINVAL at f naming it. */
static int in_version(struct store *st, enum stmt s, int64_t id, int64_t pv, const char *f, const char *what,
		      const char **field, struct err *e)
{
	struct sval a[] = { SVI(id), SVI(pv) };
	int64_t found = 0;

	if (store_query_id(st, s, a, 2, &found, e) != LUP_OK)
		return e->code;
	if (!found)
		return bad(field, f, e, "%s %lld is not a %s of this version", what, (long long)id, what);
	return LUP_OK;
}

/* ---- writing ----------------------------------------------------------------------------- */

/* The write of one measure in its open transaction: pv, its district, the measure. */
struct mctx {
	struct store *st;
	int64_t pv, district, id;
	const char **field;
	struct err *e;
};

static int w_themes(struct mctx *c, const struct plan_measure_in *in)
{
	struct sval v = SVI(c->id);

	if (store_exec(c->st, STMT_PM_THEMES_CLEAR, &v, 1, NULL, NULL, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < in->nthemes; i++) {
		struct sval a[] = { SVI(c->id), SVI(in->themes[i]) };
		if (in_version(c->st, STMT_PM_THEME_IN, in->themes[i], c->pv, "themes",
			       "theme", c->field, c->e) != LUP_OK ||
		    store_exec(c->st, STMT_PM_THEME_ADD, a, 2, NULL, NULL, c->e) != LUP_OK)
			return c->e->code;
	}
	return LUP_OK;
}

static int w_goals(struct mctx *c, const struct plan_measure_in *in)
{
	struct sval v = SVI(c->id);

	if (store_exec(c->st, STMT_PM_GOALS_CLEAR, &v, 1, NULL, NULL, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < in->ngoals; i++) {
		struct sval a[] = { SVI(c->id), SVI(in->goals[i]) };
		if (in_version(c->st, STMT_PM_GOAL_IN, in->goals[i], c->pv, "goals",
			       "goal", c->field, c->e) != LUP_OK ||
		    store_exec(c->st, STMT_PM_GOAL_ADD, a, 2, NULL, NULL, c->e) != LUP_OK)
			return c->e->code;
	}
	return LUP_OK;
}

static int w_areas(struct mctx *c, const struct plan_measure_in *in)
{
	struct sval v = SVI(c->id);

	if (store_exec(c->st, STMT_PM_AREAS_CLEAR, &v, 1, NULL, NULL, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < in->nareas; i++) {
		struct sval k[] = { SVI(c->district), SVS(in->areas[i]) };
		int64_t area = 0;
		if (store_query_id(c->st, STMT_PT_AREA_IN_DISTRICT, k, 2, &area, c->e) != LUP_OK)
			return c->e->code;
		if (!area)
			return bad(c->field, "areas", c->e, "'%.100s' is not a neighbourhood or place of the plan's district",
				   in->areas[i]);
		struct sval a[] = { SVI(c->id), SVI(area) };
		if (store_exec(c->st, STMT_PM_AREA_ADD, a, 2, NULL, NULL, c->e) != LUP_OK)
			return c->e->code;
	}
	return LUP_OK;
}

/* partner_ids: partner p's organisation (*org) or plan partner (*pp), checked. */
static int partner_ids(struct mctx *c, const struct plan_measure_partner *p, int64_t *org, int64_t *pp)
{
	*org = 0;
	*pp = p->partner;
	if (p->partner)
		return in_version(c->st, STMT_PM_PP_IN, p->partner, c->pv, "partners",
				  "partner", c->field, c->e);
	struct sval k = SVS(p->org);
	if (store_query_id(c->st, STMT_ORG_ID, &k, 1, org, c->e) != LUP_OK)
		return c->e->code;
	return *org ? LUP_OK : bad(c->field, "partners", c->e, "no organisation '%.100s' in the registry", p->org);
}

static int w_partners(struct mctx *c, const struct plan_measure_in *in, const char *source)
{
	struct sval v = SVI(c->id);

	if (store_exec(c->st, STMT_PM_PARTNERS_CLEAR, &v, 1, NULL, NULL, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < in->npartners; i++) {
		int64_t org, pp;
		int rc;
		if (partner_ids(c, &in->partners[i], &org, &pp) != LUP_OK)
			return c->e->code;
		struct sval a[] = { SVI(c->id), SVID(org), SVID(pp), SVS(plan_measure_role(in->partners[i].role)),
				    SVS(source) };
		rc = store_exec(c->st, STMT_PM_PARTNER_ADD, a, 5, NULL, NULL, c->e);
		if (rc == LUP_ECONFLICT)
			return bad(c->field, "partners", c->e, "'%.100s' is named twice",
				   in->partners[i].org ? in->partners[i].org : "a plan partner");
		if (rc != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

static int w_groups(struct mctx *c, const struct plan_measure_in *in)
{
	struct sval v = SVI(c->id);

	if (store_exec(c->st, STMT_PM_TGS_CLEAR, &v, 1, NULL, NULL, c->e) != LUP_OK)
		return c->e->code;
	for (int i = 0; i < in->ngroups; i++) {
		struct sval a[] = { SVI(c->id), SVS(in->groups[i]) };
		if (store_exec(c->st, STMT_PM_TG_ADD, a, 2, NULL, NULL, c->e) != LUP_OK)
			return c->e->code;
	}
	return LUP_OK;
}

static int w_links(struct mctx *c, const struct plan_measure_in *in)
{
	if ((in->set_themes && w_themes(c, in) != LUP_OK) || (in->set_areas && w_areas(c, in) != LUP_OK) ||
	    (in->set_goals && w_goals(c, in) != LUP_OK) ||
	    (in->set_partners && w_partners(c, in, in->source) != LUP_OK) ||
	    (in->set_groups && w_groups(c, in) != LUP_OK))
		return c->e->code;
	return LUP_OK;
}

/* The measure's own row as it will be written. */
struct row {
	const char *title, *description, *status, *start, *end;
	struct model_datex s, en;
};

/* dates: parses row's start and end; the end may not lie before the start. */
static int dates(struct row *w, const char **field, struct err *e)
{
	if (check_date("start", w->start, &w->s, field, e) != LUP_OK ||
	    check_date("end", w->end, &w->en, field, e) != LUP_OK)
		return e->code;
	if (w->s.first && w->en.last && w->en.last < w->s.first)
		return bad(field, "end", e, "'%.40s' is before the start", w->end);
	return LUP_OK;
}

static void row_args(const struct row *w, struct sval *a)
{
	a[0] = SVS(w->title);
	a[1] = SVS(text_or_null(w->description));
	a[2] = SVS(text_or_null(w->status));
	a[3] = SVS(text_or_null(w->start));
	a[4] = SVID(w->s.first);
	a[5] = SVID(w->s.last);
	a[6] = SVS(store_prec(w->s.prec));
	a[7] = SVS(text_or_null(w->end));
	a[8] = SVID(w->en.first);
	a[9] = SVID(w->en.last);
	a[10] = SVS(store_prec(w->en.prec));
}

static int district_row(void *ctx, const struct store_row *r)
{
	*(int64_t *)ctx = store_col_int(r, 2);
	return 1;
}

/* district_of: the district of pv's plan (0: none). */
static int district_of(struct store *st, int64_t pv, int64_t *district, struct err *e)
{
	struct sval v = SVI(pv);

	*district = 0;
	return store_query(st, STMT_PT_PLAN_OF, &v, 1, district_row, district, e);
}

/* new_key: a free measure key for version pv: "<plan>-v<n>-m<k>". */
static int key_row(void *ctx, const struct store_row *r)
{
	snprintf(ctx, 300, "%.200s-v%lld", store_col_text(r, 0), (long long)store_col_int(r, 1));
	return 1;
}

static int new_key(struct store *st, int64_t pv, char key[320], struct err *e)
{
	struct sval v = SVI(pv);
	char base[300] = "measure";

	if (store_query(st, STMT_PT_PLAN_OF, &v, 1, key_row, base, e) != LUP_OK)
		return e->code;
	for (int k = 1; k < 100000; k++) {
		int64_t taken = 0;
		snprintf(key, 320, "%s-m%d", base, k);
		struct sval a = SVS(key);
		if (store_query_id(st, STMT_MEASURE_ID, &a, 1, &taken, e) != LUP_OK)
			return e->code;
		if (!taken)
			return LUP_OK;
	}
	return err_set(e, LUP_ECONFLICT, "no free measure key");
}

int plan_measure_add(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_measure_in *in,
		     int64_t *id, const char **field, struct err *e)
{
	struct row w = { in->title, in->description, in->status, in->start, in->end, { 0 }, { 0 } };
	struct mctx c = { st, pv, 0, 0, field, e };
	struct plan_measure_in all = *in;
	char key[320], *after = NULL;
	struct sval a[14];

	*id = 0;
	*field = NULL;
	all.set_title = all.set_description = all.set_status = 1;
	if (check_in(&all, field, e) != LUP_OK || dates(&w, field, e) != LUP_OK)
		return e->code;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || district_of(st, pv, &c.district, e) != LUP_OK ||
	    new_key(st, pv, key, e) != LUP_OK)
		goto err;
	a[0] = SVS(key);
	a[1] = SVI(pv);
	row_args(&w, a + 2);
	a[13] = SVS(in->source);
	if (store_exec(st, STMT_PM_INSERT, a, 14, &c.id, NULL, e) != LUP_OK || w_links(&c, in) != LUP_OK ||
	    snapshot(st, pv, c.id, &after, e) != LUP_OK || record(st, who, "insert", c.id, NULL, after, e) != LUP_OK ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	free(after);
	*id = c.id;
	return LUP_OK;
err:
	free(after);
	store_rollback(st);
	return e->code;
}

/* The measure's current row. */
struct cur {
	int found;
	char *title, *description, *status, *start, *end;
};

static char *dup_col(const struct store_row *r, int i)
{
	const char *s = store_col_text(r, i);

	return s ? xstrdup(s) : NULL;
}

static int cur_row(void *ctx, const struct store_row *r)
{
	struct cur *c = ctx;

	c->found = 1;
	c->title = dup_col(r, 3);
	c->description = dup_col(r, 4);
	c->status = dup_col(r, 5);
	c->start = dup_col(r, 6);
	c->end = dup_col(r, 7);
	return 1;
}

static void cur_free(struct cur *c)
{
	free(c->title), free(c->description), free(c->status), free(c->start), free(c->end);
}

int plan_measure_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
			const struct plan_measure_in *in, int *changed, const char **field, struct err *e)
{
	struct sval k[] = { SVI(id), SVI(pv) }, a[12];
	struct mctx c = { st, pv, 0, id, field, e };
	struct cur cu = { 0 };
	char *before = NULL, *after = NULL;
	struct row w;
	int dummy;

	if (!changed)
		changed = &dummy;
	*changed = 0;
	*field = NULL;
	if (check_in(in, field, e) != LUP_OK)
		return e->code;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || store_query(st, STMT_PM_MEASURES, k, 2, cur_row, &cu, e) != LUP_OK)
		goto err;
	if (!cu.found) {
		err_set(e, LUP_ENOTFOUND, "no measure %lld in the version", (long long)id);
		goto err;
	}
	w = (struct row){ in->set_title ? in->title : cu.title, in->set_description ? in->description : cu.description,
			  in->set_status ? in->status : cu.status, in->set_start ? in->start : cu.start,
			  in->set_end ? in->end : cu.end, { 0 }, { 0 } };
	if (dates(&w, field, e) != LUP_OK)
		goto err;
	a[0] = SVI(id);
	row_args(&w, a + 1);
	if (district_of(st, pv, &c.district, e) != LUP_OK || snapshot(st, pv, id, &before, e) != LUP_OK ||
	    store_exec(st, STMT_PM_SET, a, 12, NULL, NULL, e) != LUP_OK || w_links(&c, in) != LUP_OK ||
	    snapshot(st, pv, id, &after, e) != LUP_OK)
		goto err;
	*changed = strcmp(before, after) != 0;
	if ((*changed && record(st, who, "update", id, before, after, e) != LUP_OK) || store_commit(st, e) != LUP_OK)
		goto err;
	cur_free(&cu), free(before), free(after);
	return LUP_OK;
err:
	cur_free(&cu), free(before), free(after);
	store_rollback(st);
	*changed = 0;
	return e->code;
}

static char *ids_text(const int64_t *ids, int n)
{
	json_t *a = json_array(), *o;
	char *s;

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_integer((json_int_t)ids[i]));
	o = json_pack("{s:o}", "measure_order", a);
	if (!o || !(s = json_dumps(o, JSON_COMPACT)))
		abort();
	json_decref(o);
	return s;
}

int plan_measure_order(struct store *st, const struct edit_actor *who, int64_t pv, const int64_t *ids, int n,
		       const char **field, struct err *e)
{
	struct idlist have = { 0, 0, NULL };
	struct sval v[] = { SVNULL, SVI(pv) };
	char *bs = NULL, *as = NULL;

	*field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || store_query(st, STMT_PM_MEASURES, v, 2, idlist_row, &have, e) != LUP_OK)
		goto err;
	if (!idlist_is_permutation(&have, ids, n)) {
		bad(field, "order", e, "must name each measure of the version exactly once");
		goto err;
	}
	for (int i = 0; i < n; i++) {
		struct sval a[] = { SVI(ids[i]), SVI(i + 1) };
		if (store_exec(st, STMT_PM_ORD_SET, a, 2, NULL, NULL, e) != LUP_OK)
			goto err;
	}
	bs = ids_text(have.id, have.n);
	as = ids_text(ids, n);
	if (strcmp(bs, as) != 0) {
		struct audit_rec rec = { NULL, who->user_id, who->name, "update", "plan_version", pv, bs, as };
		if (audit_write(st, &rec, e) != LUP_OK)
			goto err;
	}
	if (store_commit(st, e) != LUP_OK)
		goto err;
	free(have.id), free(bs), free(as);
	return LUP_OK;
err:
	free(have.id), free(bs), free(as);
	store_rollback(st);
	return e->code;
}

int plan_measure_remove(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, struct err *e)
{
	struct sval v = SVI(id);
	char *before = NULL;
	int64_t acts = 0;

	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || snapshot(st, pv, id, &before, e) != LUP_OK)
		goto err;
	if (!before) {
		err_set(e, LUP_ENOTFOUND, "no measure %lld in the version", (long long)id);
		goto err;
	}
	if (store_query_id(st, STMT_PM_ACTIVITIES, &v, 1, &acts, e) != LUP_OK)
		goto err;
	if (acts) {
		err_set(e, LUP_ECONFLICT, "%lld activities carry out the measure; change them first", (long long)acts);
		goto err;
	}
	if (store_exec(st, STMT_PM_DELETE, &v, 1, NULL, NULL, e) != LUP_OK ||
	    record(st, who, "delete", id, before, NULL, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	free(before);
	return LUP_OK;
err:
	free(before);
	store_rollback(st);
	return e->code;
}
