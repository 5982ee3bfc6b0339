/* plan-area.c: the write path of a plan version's prioritised areas (see plan-area.h). */
#include "edit/plan-area.h"
#include "edit/plan-draft.h"
#include "core/err.h"
#include "store/audit.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int row_scope(void *ctx, const struct store_row *row)
{
	const char *s = store_col_text(row, 3);

	json_object_set_new(ctx, "area_scope", s ? json_string(s) : json_null());
	return 1;
}

static int row_parea(void *ctx, const struct store_row *row)
{
	const char *note = store_col_text(row, 3);

	json_array_append_new(ctx, json_pack("{s:s, s:o}", "area", store_col_text(row, 0),
					     "note", note ? json_string(note) : json_null()));
	return 0;
}

/* snapshot: the version's scope and prioritised areas as JSON text (malloc'd). */
static int snapshot(struct store *st, int64_t pv, const char *plan, int64_t version, char **out, struct err *e)
{
	json_t *o = json_object(), *list = json_array();
	struct sval v = SVI(pv), pk[] = { SVS(plan), SVI(version) };
	int rc;

	*out = NULL;
	json_object_set_new(o, "prioritised_areas", list);
	if ((rc = store_query(st, STMT_PT_VERSION, pk, 2, row_scope, o, e)) == LUP_OK &&
	    (rc = store_query(st, STMT_PT_PAREAS, &v, 1, row_parea, list, e)) == LUP_OK &&
	    !(*out = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS)))
		abort();
	json_decref(o);
	return rc;
}

/* The version's plan key and number, for STMT_PT_VERSION. */
struct head {
	char plan[256];
	int64_t version, district;
};

static int head_row(void *ctx, const struct store_row *row)
{
	struct head *h = ctx;
	const char *p = store_col_text(row, 0);

	snprintf(h->plan, sizeof(h->plan), "%s", p ? p : "");
	h->version = store_col_int(row, 1);
	h->district = store_col_int(row, 2);
	return 1;
}

static int bad(const char **field, const char *f, struct err *e, const char *msg, const char *area)
{
	*field = f;
	return area ? err_set(e, LUP_EINVAL, "%s: '%s' %s", f, area, msg) : err_set(e, LUP_EINVAL, "%s: %s", f, msg);
}

/* check: the scope, the count, the notes and the repeats, before any lookup. */
static int check(const char *scope, const struct plan_area_in *areas, int n, const char **field, struct err *e)
{
	if (!scope || (strcmp(scope, "none") && strcmp(scope, "some") && strcmp(scope, "all")))
		return bad(field, "scope", e, "must be one of none, some, all", NULL);
	if (!strcmp(scope, "none") && n)
		return bad(field, "areas", e, "must be empty when the scope is none", NULL);
	if (n > PLAN_AREA_MAX)
		return bad(field, "areas", e, "more than 200 areas", NULL);
	for (int i = 0; i < n; i++) {
		if (!areas[i].area || !*areas[i].area)
			return bad(field, "areas", e, "an area's key is missing", NULL);
		if (areas[i].note && strlen(areas[i].note) > PLAN_AREA_NOTE_MAX)
			return bad(field, "areas", e, "has a note longer than 2000 bytes", areas[i].area);
		for (int k = 0; k < i; k++)
			if (!strcmp(areas[k].area, areas[i].area))
				return bad(field, "areas", e, "is named twice", areas[i].area);
	}
	return LUP_OK;
}

/* clear_others: removes the version's areas that are not among areas (those kept keep their
 * source: where the area was first named). */
static int clear_others(struct store *st, int64_t pv, const struct plan_area_in *areas, int n, struct err *e)
{
	json_t *keys = json_array();
	char *s = NULL;
	int rc;

	for (int i = 0; keys && i < n; i++)
		json_array_append_new(keys, json_string(areas[i].area));
	if (!keys || !(s = json_dumps(keys, JSON_COMPACT))) {
		json_decref(keys);
		return err_set(e, LUP_EDB, "out of memory listing the areas");
	}
	struct sval a[] = { SVI(pv), SVS(s) };
	rc = store_exec(st, STMT_PT_PAREAS_CLEAR, a, 2, NULL, NULL, e);
	free(s);
	json_decref(keys);
	return rc;
}

/* write_rows: the scope and the areas, in the open transaction. */
static int write_rows(struct store *st, int64_t pv, int64_t district, const char *scope,
		      const struct plan_area_in *areas, int n, const char *source, const char **field,
		      const char **bad_area, struct err *e)
{
	struct sval sc[] = { SVI(pv), SVS(scope) };

	if (store_exec(st, STMT_PT_SCOPE_SET, sc, 2, NULL, NULL, e) != LUP_OK ||
	    clear_others(st, pv, areas, n, e) != LUP_OK)
		return e->code;
	for (int i = 0; i < n; i++) {
		struct sval q[] = { SVI(district), SVS(areas[i].area) };
		int64_t id = 0;
		if (store_query_id(st, STMT_PT_AREA_IN_DISTRICT, q, 2, &id, e) != LUP_OK)
			return e->code;
		if (!id) {
			*bad_area = areas[i].area;
			return bad(field, "areas", e, "is not a neighbourhood or place of the plan's district", areas[i].area);
		}
		struct sval a[] = { SVI(pv), SVI(id), SVS(areas[i].note && *areas[i].note ? areas[i].note : NULL),
				    SVS(source) };
		if (store_exec(st, STMT_PT_PAREA_ADD, a, 4, NULL, NULL, e) != LUP_OK)
			return e->code;
	}
	return LUP_OK;
}

int plan_area_set(struct store *st, const struct edit_actor *who, int64_t pv, const char *scope,
		  const struct plan_area_in *areas, int n, const char *source, int *changed, const char **field,
		  const char **bad_area, struct err *e)
{
	struct head h = { "", 0, 0 };
	struct sval v = SVI(pv);
	char *before = NULL, *after = NULL;
	int dummy;

	if (!changed)
		changed = &dummy;
	*changed = 0;
	*field = *bad_area = NULL;
	if (check(scope, areas, n, field, e) != LUP_OK)
		return e->code;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK ||
	    store_query(st, STMT_PT_PLAN_OF, &v, 1, head_row, &h, e) != LUP_OK ||
	    snapshot(st, pv, h.plan, h.version, &before, e) != LUP_OK ||
	    write_rows(st, pv, h.district, scope, areas, n, source, field, bad_area, e) != LUP_OK ||
	    snapshot(st, pv, h.plan, h.version, &after, e) != LUP_OK)
		goto err;
	*changed = strcmp(before, after) != 0;
	if ((*changed && audit_write(st, &(struct audit_rec){ NULL, who->user_id, who->name, "update", "plan_version",
							       pv, before, after }, e) != LUP_OK) ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	free(before), free(after);
	return LUP_OK;
err:
	free(before), free(after);
	store_rollback(st);
	*changed = 0;
	return e->code;
}
