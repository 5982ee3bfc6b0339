/* plan-theme.c: the write path of a plan version's themes (see plan-theme.h). */
#include "edit/plan-theme.h"
#include "edit/plan-draft.h"
#include "edit/idlist.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/audit.h"
#include "store/store.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A theme as its audit entry holds it: its row, target groups and other names. */
struct snap {
	json_t *obj;
	int64_t id;
};

static int theme_row(void *ctx, const struct store_row *row)
{
	struct snap *s = ctx;
	const char *d = store_col_text(row, 3);

	s->obj = json_pack("{s:I, s:I, s:s, s:o}", "id", (json_int_t)store_col_int(row, 0),
			   "ord", (json_int_t)store_col_int(row, 1), "name", store_col_text(row, 2),
			   "description", d ? json_string(d) : json_null());
	return 1;
}

static int alias_row(void *ctx, const struct store_row *row)
{
	struct snap *s = ctx;
	const char *to = store_col_text(row, 2);

	if (store_col_int(row, 0) == s->id)
		json_array_append_new(json_object_get(s->obj, "former_names"),
				      json_pack("{s:s, s:o}", "name", store_col_text(row, 1),
						"valid_to", to ? json_string(to) : json_null()));
	return 0;
}

static int group_row(void *ctx, const struct store_row *row)
{
	struct snap *s = ctx;

	if (store_col_int(row, 0) == s->id)
		json_array_append_new(json_object_get(s->obj, "target_groups"), json_string(store_col_text(row, 1)));
	return 0;
}

/* snapshot: theme id of pv as JSON text into *out (malloc'd; NULL when there is no such theme).
 * ("former_names", not "aliases": the kind's aliases are a linked relation the audit cuts.) */
static int snapshot(struct store *st, int64_t pv, int64_t id, char **out, struct err *e)
{
	struct snap s = { NULL, id };
	struct sval a[] = { SVI(id), SVI(pv) }, v = SVI(pv);

	*out = NULL;
	if (store_query(st, STMT_PT_THEME, a, 2, theme_row, &s, e) != LUP_OK)
		return e->code;
	if (!s.obj)
		return LUP_OK;
	json_object_set_new(s.obj, "former_names", json_array());
	json_object_set_new(s.obj, "target_groups", json_array());
	if (store_query(st, STMT_PT_ALIASES, &v, 1, alias_row, &s, e) != LUP_OK ||
	    store_query(st, STMT_PT_GROUPS, &v, 1, group_row, &s, e) != LUP_OK) {
		json_decref(s.obj);
		return e->code;
	}
	*out = json_dumps(s.obj, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(s.obj);
	if (!*out)
		abort();
	return LUP_OK;
}

static int record(struct store *st, const struct edit_actor *who, const char *action, const char *entity,
		  int64_t id, const char *before, const char *after, struct err *e)
{
	struct audit_rec rec = { NULL, who->user_id, who->name, action, entity, id, before, after };

	return audit_write(st, &rec, e);
}

static int bad(const char **field, const char *f, struct err *e, const char *msg)
{
	*field = f;
	return err_set(e, LUP_EINVAL, "%s: %s", f, msg);
}

/* check_in: the fields of in that are set, on their own. */
static int check_in(const struct plan_theme_in *in, const char **field, struct err *e)
{
	if (in->set_name) {
		if (!in->name || !*in->name)
			return bad(field, "name", e, "is required");
		if (strlen(in->name) > PLAN_THEME_NAME_MAX)
			return bad(field, "name", e, "is longer than 200 bytes");
		if (strpbrk(in->name, "\n\r\t"))
			return bad(field, "name", e, "must be one line");
	}
	if (in->set_description && in->description && strlen(in->description) > PLAN_THEME_TEXT_MAX)
		return bad(field, "description", e, "is longer than 20000 bytes");
	if (in->set_groups) {
		if (in->ngroups > PLAN_THEME_GROUPS_MAX)
			return bad(field, "target_groups", e, "has more than 32 target groups");
		for (int i = 0; i < in->ngroups; i++)
			if (!in->groups[i] || !*in->groups[i] || strlen(in->groups[i]) > PLAN_THEME_GROUP_MAX ||
			    strpbrk(in->groups[i], "\n\r\t"))
				return bad(field, "target_groups", e, "each target group is one line of 1..200 bytes");
	}
	return LUP_OK;
}

/* name_free: LUP_OK when no other theme of pv than id has name, whatever its case. */
static int name_free(struct store *st, int64_t pv, const char *name, int64_t id, const char **field,
		     struct err *e)
{
	struct sval a[] = { SVI(pv), SVS(name), SVID(id) };
	int64_t other = 0;

	if (store_query_id(st, STMT_PT_NAME_TAKEN, a, 3, &other, e) != LUP_OK)
		return e->code;
	return other ? bad(field, "name", e, "is taken by another theme of the version") : LUP_OK;
}

static int set_groups(struct store *st, int64_t id, const struct plan_theme_in *in, struct err *e)
{
	struct sval v = SVI(id);

	if (store_exec(st, STMT_PT_GROUPS_CLEAR, &v, 1, NULL, NULL, e) != LUP_OK)
		return e->code;
	for (int i = 0; i < in->ngroups; i++) {
		struct sval a[] = { SVI(id), SVS(in->groups[i]) };
		if (store_exec(st, STMT_PT_GROUP_ADD, a, 2, NULL, NULL, e) != LUP_OK)
			return e->code;
	}
	return LUP_OK;
}

static const char *text_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

int plan_theme_add(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_theme_in *in,
		   int64_t *id, const char **field, struct err *e)
{
	struct plan_theme_in all = *in;
	char *after = NULL;

	*id = 0;
	*field = NULL;
	all.set_name = all.set_description = 1;
	if (check_in(&all, field, e) != LUP_OK)
		return e->code;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	struct sval a[] = { SVI(pv), SVS(in->name), SVS(text_or_null(in->description)), SVS(in->source) };
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || name_free(st, pv, in->name, 0, field, e) != LUP_OK ||
	    store_exec(st, STMT_PT_THEME_INSERT, a, 4, id, NULL, e) != LUP_OK ||
	    (in->set_groups && set_groups(st, *id, in, e) != LUP_OK) ||
	    snapshot(st, pv, *id, &after, e) != LUP_OK ||
	    record(st, who, "insert", "theme", *id, NULL, after, e) != LUP_OK ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	free(after);
	return LUP_OK;
err:
	free(after);
	store_rollback(st);
	*id = 0;
	return e->code;
}

/* today: the UTC date, YYYY-MM-DD. */
static void today(char out[16])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
}

struct cur {
	char *name, *desc;
};

static int cur_row(void *ctx, const struct store_row *row)
{
	struct cur *c = ctx;
	const char *d = store_col_text(row, 3);

	c->name = xstrdup(store_col_text(row, 2));
	c->desc = d ? xstrdup(d) : NULL;
	return 1;
}

/* rename: the new name of theme id, keeping old as an alias dated today. */
static int rename_theme(struct store *st, int64_t id, const char *old, const char *name, const char *source,
			struct err *e)
{
	char day[16];

	today(day);
	struct sval al[] = { SVI(id), SVS(old), SVS(day), SVS(source) }, dr[] = { SVI(id), SVS(name) };
	if (store_exec(st, STMT_PT_ALIAS_DATED, al, 4, NULL, NULL, e) != LUP_OK ||
	    store_exec(st, STMT_PT_ALIAS_DROP, dr, 2, NULL, NULL, e) != LUP_OK)
		return e->code;
	return LUP_OK;
}

/* change_rows: the writes of plan_theme_change in its open transaction, c the current row. */
static int change_rows(struct store *st, int64_t id, const struct plan_theme_in *in, const struct cur *c,
		       struct err *e)
{
	const char *name = in->set_name ? in->name : c->name;
	const char *desc = in->set_description ? text_or_null(in->description) : c->desc;
	struct sval a[] = { SVI(id), SVS(name), SVS(desc) };

	if (in->set_name && strcmp(in->name, c->name) != 0 && rename_theme(st, id, c->name, in->name, in->source, e) != LUP_OK)
		return e->code;
	if (store_exec(st, STMT_PT_THEME_SET, a, 3, NULL, NULL, e) != LUP_OK)
		return e->code;
	return in->set_groups ? set_groups(st, id, in, e) : LUP_OK;
}

int plan_theme_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
		      const struct plan_theme_in *in, int *changed, const char **field, struct err *e)
{
	struct sval a[] = { SVI(id), SVI(pv) };
	struct cur c = { NULL, NULL };
	char *before = NULL, *after = NULL;
	int dummy;

	if (!changed)
		changed = &dummy;
	*changed = 0;
	*field = NULL;
	if (check_in(in, field, e) != LUP_OK)
		return e->code;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || store_query(st, STMT_PT_THEME, a, 2, cur_row, &c, e) != LUP_OK)
		goto err;
	if (!c.name) {
		err_set(e, LUP_ENOTFOUND, "no theme %lld in the version", (long long)id);
		goto err;
	}
	if ((in->set_name && name_free(st, pv, in->name, id, field, e) != LUP_OK) ||
	    snapshot(st, pv, id, &before, e) != LUP_OK || change_rows(st, id, in, &c, e) != LUP_OK ||
	    snapshot(st, pv, id, &after, e) != LUP_OK)
		goto err;
	*changed = strcmp(before, after) != 0;
	if ((*changed && record(st, who, "update", "theme", id, before, after, e) != LUP_OK) ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	free(c.name), free(c.desc), free(before), free(after);
	return LUP_OK;
err:
	free(c.name), free(c.desc), free(before), free(after);
	store_rollback(st);
	*changed = 0;
	return e->code;
}

static json_t *ids_json(const int64_t *ids, int n)
{
	json_t *a = json_array();

	for (int i = 0; i < n; i++)
		json_array_append_new(a, json_integer((json_int_t)ids[i]));
	return json_pack("{s:o}", "theme_order", a);
}

/* order_audit: the entry of a reorder of pv, from the order have to ids. */
static int order_audit(struct store *st, const struct edit_actor *who, int64_t pv, const struct idlist *have,
		       const int64_t *ids, int n, struct err *e)
{
	json_t *b = ids_json(have->id, have->n), *a = ids_json(ids, n);
	char *bs = json_dumps(b, JSON_COMPACT), *as = json_dumps(a, JSON_COMPACT);
	int rc = LUP_OK;

	if (!bs || !as)
		abort();
	if (strcmp(bs, as) != 0)
		rc = record(st, who, "update", "plan_version", pv, bs, as, e);
	json_decref(b), json_decref(a), free(bs), free(as);
	return rc;
}

int plan_theme_order(struct store *st, const struct edit_actor *who, int64_t pv, const int64_t *ids, int n,
		     const char **field, struct err *e)
{
	struct idlist have = { 0, 0, NULL };
	struct sval v = SVI(pv);

	*field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || store_query(st, STMT_PT_THEMES, &v, 1, idlist_row, &have, e) != LUP_OK)
		goto err;
	if (!idlist_is_permutation(&have, ids, n)) {
		bad(field, "order", e, "must name each theme of the version exactly once");
		goto err;
	}
	for (int i = 0; i < n; i++) {
		struct sval a[] = { SVI(ids[i]), SVI(i + 1) };
		if (store_exec(st, STMT_PT_ORD_SET, a, 2, NULL, NULL, e) != LUP_OK)
			goto err;
	}
	if (order_audit(st, who, pv, &have, ids, n, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	free(have.id);
	return LUP_OK;
err:
	free(have.id);
	store_rollback(st);
	return e->code;
}

int64_t plan_theme_refs_total(const struct plan_theme_refs *r)
{
	return r->goals + r->activities + r->measures;
}

static int refs_row(void *ctx, const struct store_row *row)
{
	struct plan_theme_refs *r = ctx;

	r->goals = store_col_int(row, 0);
	r->activities = store_col_int(row, 1);
	r->measures = store_col_int(row, 2);
	return 1;
}

/* move_refs: moves what refers to theme id to theme to (a theme of pv other than id). */
static int move_refs(struct store *st, int64_t pv, int64_t id, int64_t to, const char **field, struct err *e)
{
	struct sval a[] = { SVI(to), SVI(pv) }, m[] = { SVI(id), SVI(to) };
	int64_t found = 0;

	if (to == id)
		return bad(field, "move_to", e, "is the theme being removed");
	if (store_query_id(st, STMT_PT_THEME, a, 2, &found, e) != LUP_OK)
		return e->code;
	if (!found)
		return bad(field, "move_to", e, "is not a theme of the version");
	if (store_exec(st, STMT_PT_MOVE_GOALS, m, 2, NULL, NULL, e) != LUP_OK ||
	    store_exec(st, STMT_PT_MOVE_ACTIVITIES, m, 2, NULL, NULL, e) != LUP_OK ||
	    store_exec(st, STMT_PT_MOVE_MEASURES, m, 2, NULL, NULL, e) != LUP_OK)
		return e->code;
	return LUP_OK;
}

/* removed_entry: the audit entry's before: the theme, and where what referred to it went. */
static char *removed_entry(const char *before, const struct plan_theme_refs *refs, int64_t move_to)
{
	json_t *b = json_loads(before, 0, NULL);
	char *s;

	if (!b)
		abort();
	if (plan_theme_refs_total(refs))
		json_object_set_new(b, "moved", json_pack("{s:I, s:I, s:I, s:I}", "to_theme", (json_int_t)move_to,
							  "goals", (json_int_t)refs->goals, "activities",
							  (json_int_t)refs->activities, "measures", (json_int_t)refs->measures));
	if (!(s = json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS)))
		abort();
	json_decref(b);
	return s;
}

int plan_theme_remove(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, int64_t move_to,
		      struct plan_theme_refs *refs, const char **field, struct err *e)
{
	struct sval v = SVI(id);
	char *before = NULL, *entry = NULL;

	*field = NULL;
	memset(refs, 0, sizeof(*refs));
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || snapshot(st, pv, id, &before, e) != LUP_OK)
		goto err;
	if (!before) {
		err_set(e, LUP_ENOTFOUND, "no theme %lld in the version", (long long)id);
		goto err;
	}
	if (store_query(st, STMT_PT_REFS, &v, 1, refs_row, refs, e) != LUP_OK)
		goto err;
	if (plan_theme_refs_total(refs) && !move_to) {
		err_set(e, LUP_ECONFLICT, "the theme is used by %lld goals, %lld activities and %lld measures; "
			"move them to another theme first (move_to)", (long long)refs->goals,
			(long long)refs->activities, (long long)refs->measures);
		goto err;
	}
	if (move_to && move_refs(st, pv, id, move_to, field, e) != LUP_OK)
		goto err;
	entry = removed_entry(before, refs, move_to);
	if (store_exec(st, STMT_PT_THEME_DELETE, &v, 1, NULL, NULL, e) != LUP_OK ||
	    record(st, who, "delete", "theme", id, entry, NULL, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	free(before), free(entry);
	return LUP_OK;
err:
	free(before), free(entry);
	store_rollback(st);
	return e->code;
}
