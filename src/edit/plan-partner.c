/* plan-partner.c: the write path of a plan version's partners (see plan-partner.h). */
#include "edit/plan-partner.h"
#include "edit/plan-draft.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/audit.h"
#include "store/store.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

const char *const plan_partner_groups[] = {
	"specialist", "district", "company", "state", "region", "civil_society", "business", "residents", "other", NULL,
};

/* The partner as its row (STMT_PP_LIST) and as its audit entry's text. */
struct cur {
	int found;
	int64_t org_id;
	char *org, *org_name, *group, *label;
	json_t *obj;
};

static int cur_row(void *ctx, const struct store_row *r)
{
	struct cur *c = ctx;
	const char *org = store_col_text(r, 1), *name = store_col_text(r, 2);

	c->found = 1;
	c->org = org ? xstrdup(org) : NULL;
	c->org_name = name ? xstrdup(name) : NULL;
	c->group = xstrdup(store_col_text(r, 3));
	c->label = xstrdup(store_col_text(r, 4));
	c->obj = json_pack("{s:I, s:s?, s:s, s:s}", "id", (json_int_t)store_col_int(r, 0), "org", org,
			   "group", c->group, "label", c->label);
	return 1;
}

static void cur_free(struct cur *c)
{
	free(c->org), free(c->org_name), free(c->group), free(c->label);
	json_decref(c->obj);
	memset(c, 0, sizeof(*c));
}

static int load(struct store *st, int64_t pv, int64_t id, struct cur *c, struct err *e)
{
	struct sval a[] = { SVI(pv), SVI(id) };

	memset(c, 0, sizeof(*c));
	return store_query(st, STMT_PP_LIST, a, 2, cur_row, c, e);
}

static char *text(const struct cur *c)
{
	char *s;

	if (!c->obj || !(s = json_dumps(c->obj, JSON_COMPACT | JSON_SORT_KEYS)))
		abort();
	return s;
}

static int record(struct store *st, const struct edit_actor *who, const char *action, int64_t id,
		  const struct cur *before, const struct cur *after, struct err *e)
{
	char *b = before ? text(before) : NULL, *a = after ? text(after) : NULL;
	struct audit_rec rec = { NULL, who->user_id, who->name, action, "plan_partner", id, b, a };
	int rc = audit_write(st, &rec, e);

	free(b), free(a);
	return rc;
}

static int bad(const char **field, const char *f, struct err *e, const char *msg)
{
	*field = f;
	return err_set(e, LUP_EINVAL, "%s: %s", f, msg);
}

static int in_list(const char *const *l, const char *s)
{
	for (; s && *l; l++)
		if (!strcmp(*l, s))
			return 1;
	return 0;
}

/* The row as it will be written. */
struct row {
	const char *org, *group, *label;
	int64_t org_id;
};

static int name_row(void *ctx, const struct store_row *r)
{
	*(char **)ctx = xstrdup(store_col_text(r, 2));
	return 1;
}

/* resolve: checks w against the registry and the version's other partners (all but id); an
 * organisation without a label gets its registry name (*name, malloc'd). */
static int resolve(struct store *st, int64_t pv, int64_t id, struct row *w, char **name, const char **field,
		   struct err *e)
{
	int64_t other = 0;

	if (w->org && *w->org) {
		struct sval k = SVS(w->org);
		if (store_query_id(st, STMT_ORG_ID, &k, 1, &w->org_id, e) != LUP_OK)
			return e->code;
		if (!w->org_id)
			return bad(field, "org", e, "no such organisation in the registry");
		struct sval a[] = { SVI(pv), SVI(w->org_id), SVID(id) };
		if (store_query_id(st, STMT_PP_ORG_TAKEN, a, 3, &other, e) != LUP_OK)
			return e->code;
		if (other)
			return bad(field, "org", e, "is already a partner of the version");
		struct sval o = SVI(w->org_id);
		if ((!w->label || !*w->label) && store_query(st, STMT_SHOW_ORGANISATION, &o, 1, name_row, name, e) != LUP_OK)
			return e->code;
		if (*name)
			w->label = *name;
	}
	if (!in_list(plan_partner_groups, w->group))
		return bad(field, "group", e, "is not one of specialist, district, company, state, region, civil_society, "
			   "business, residents, other");
	if (!w->label || !*w->label)
		return bad(field, "label", e, "is required for a partner outside the registry");
	if (strlen(w->label) > PLAN_PARTNER_LABEL_MAX || strpbrk(w->label, "\n\r\t"))
		return bad(field, "label", e, "must be one line of at most 200 bytes");
	struct sval a[] = { SVI(pv), SVS(w->label), SVID(id) };
	if (store_query_id(st, STMT_PP_LABEL_TAKEN, a, 3, &other, e) != LUP_OK)
		return e->code;
	return other ? bad(field, "label", e, "is taken by another partner of the version") : LUP_OK;
}

int plan_partner_add(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_partner_in *in,
		     int64_t *id, const char **field, struct err *e)
{
	struct row w = { in->org, in->group, in->label, 0 };
	struct cur after = { 0 };
	char *name = NULL;

	*id = 0;
	*field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || resolve(st, pv, 0, &w, &name, field, e) != LUP_OK)
		goto err;
	struct sval a[] = { SVI(pv), SVID(w.org_id), SVS(w.group), SVS(w.label), SVS(in->source) };
	if (store_exec(st, STMT_PP_INSERT, a, 5, id, NULL, e) != LUP_OK || load(st, pv, *id, &after, e) != LUP_OK ||
	    record(st, who, "insert", *id, NULL, &after, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	cur_free(&after);
	free(name);
	return LUP_OK;
err:
	cur_free(&after);
	free(name);
	store_rollback(st);
	*id = 0;
	return e->code;
}

int plan_partner_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
			const struct plan_partner_in *in, const char **field, struct err *e)
{
	struct cur before = { 0 }, after = { 0 };
	char *name = NULL;
	struct row w;

	*field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || load(st, pv, id, &before, e) != LUP_OK)
		goto err;
	if (!before.found) {
		err_set(e, LUP_ENOTFOUND, "no partner %lld in the version", (long long)id);
		goto err;
	}
	w = (struct row){ in->set_org ? in->org : before.org, in->set_group ? in->group : before.group,
			  in->set_label ? in->label : before.label, 0 };
	if (resolve(st, pv, id, &w, &name, field, e) != LUP_OK)
		goto err;
	struct sval a[] = { SVI(id), SVID(w.org_id), SVS(w.group), SVS(w.label) };
	if (store_exec(st, STMT_PP_SET, a, 4, NULL, NULL, e) != LUP_OK || load(st, pv, id, &after, e) != LUP_OK)
		goto err;
	if (!json_equal(before.obj, after.obj) && record(st, who, "update", id, &before, &after, e) != LUP_OK)
		goto err;
	if (store_commit(st, e) != LUP_OK)
		goto err;
	cur_free(&before), cur_free(&after), free(name);
	return LUP_OK;
err:
	cur_free(&before), cur_free(&after), free(name);
	store_rollback(st);
	return e->code;
}

static int user_row(void *ctx, const struct store_row *r)
{
	struct buf *b = ctx;

	buf_addf(b, "%s«%s»", b->len ? ", " : "", store_col_text(r, 0));
	return 0;
}

int plan_partner_remove(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, char **users,
			struct err *e)
{
	struct cur before = { 0 };
	struct sval v = SVI(id);
	struct buf b;

	buf_init(&b, 0);
	if (users)
		*users = NULL;
	if (store_begin(st, e) != LUP_OK)
		goto out;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || load(st, pv, id, &before, e) != LUP_OK)
		goto err;
	if (!before.found) {
		err_set(e, LUP_ENOTFOUND, "no partner %lld in the version", (long long)id);
		goto err;
	}
	if (store_query(st, STMT_PP_USERS, &v, 1, user_row, &b, e) != LUP_OK)
		goto err;
	if (b.len) {
		err_set(e, LUP_ECONFLICT, "the partner is used by the measures %s; remove it from them first", b.ptr);
		if (users)
			*users = xstrdup(b.ptr);
		goto err;
	}
	if (store_exec(st, STMT_PP_DELETE, &v, 1, NULL, NULL, e) != LUP_OK ||
	    record(st, who, "delete", id, &before, NULL, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	cur_free(&before);
	buf_release(&b);
	return LUP_OK;
err:
	store_rollback(st);
out:
	cur_free(&before);
	buf_release(&b);
	return e->code;
}
