/* plan-rollover.c: next year's verksamhetsplan from this year's (plan-rollover.h). */
#include "edit/plan-rollover.h"
#include "core/err.h"
#include "store/audit.h"
#include "store/store.h"
#include "view/plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct src_plan {
	int64_t id, owner;
	long year_from, year_to;
	char kind[16], owner_name[256];
	int found;
};

static int plan_row(void *ctx, const struct store_row *row)
{
	struct src_plan *s = ctx;

	s->found = 1;
	s->id = store_col_int(row, 0);
	snprintf(s->kind, sizeof(s->kind), "%s", store_col_text(row, 2));
	s->owner = store_col_int(row, 3);
	s->year_from = (long)store_col_int(row, 4);
	s->year_to = (long)store_col_int(row, 5);
	snprintf(s->owner_name, sizeof(s->owner_name), "%s", store_col_text(row, 8));
	return 1;
}

struct text1 { char s[PLAN_ROLLOVER_KEY_MAX]; };

static int text_row(void *ctx, const struct store_row *row)
{
	snprintf(((struct text1 *)ctx)->s, PLAN_ROLLOVER_KEY_MAX, "%s", store_col_text(row, 0));
	return 1;
}

/* new_key: vp-YEAR-REST for a key vp-FROM-REST, else vp-YEAR-<the old key>. */
static void new_key(const char *key, long from, int year, char *out, size_t n)
{
	char prefix[32];

	snprintf(prefix, sizeof(prefix), "vp-%ld-", from);
	if (strncmp(key, prefix, strlen(prefix)) == 0)
		snprintf(out, n, "vp-%d-%s", year, key + strlen(prefix));
	else
		snprintf(out, n, "vp-%d-%s", year, key);
}

/* kf_map: *ref (a goal reference of the document) to the council's goal of year that matches
 * it, when it names a KF goal; counts mapped and kept KF parents. */
static int kf_map(struct store *st, json_t *obj, const char *field, int year, struct plan_rollover_out *out,
		  struct err *e)
{
	json_t *ref = json_object_get(obj, field);
	struct text1 t = { "" };
	int rc;

	if (!json_is_string(ref))
		return LUP_OK;
	struct sval a[] = { SVS(json_string_value(ref)), SVI(year) };
	if ((rc = store_query(st, STMT_RO_KF_GOAL, a, 2, text_row, &t, e)) != LUP_OK)
		return rc;
	if (t.s[0]) {
		out->kf_mapped++;
		return json_object_set_new(obj, field, json_string(t.s)) ? err_set(e, LUP_EDB, "out of memory") : LUP_OK;
	}
	return LUP_OK;
}

/* indicators: drops the targets of each indicator of list (counted) and maps their goals. */
static int indicators(struct store *st, json_t *list, int year, struct plan_rollover_out *out, struct err *e)
{
	size_t i;
	json_t *ind;
	int rc;

	json_array_foreach(list, i, ind) {
		json_t *t = json_object_get(ind, "targets");
		out->targets_left += json_is_array(t) ? (int)json_array_size(t) : 0;
		json_object_set_new(ind, "targets", json_array());
		if ((rc = kf_map(st, ind, "goal", year, out, e)) != LUP_OK)
			return rc;
		out->indicators++;
	}
	return LUP_OK;
}

/* transform: this year's document into next year's (see plan-rollover.h). */
static int transform(struct store *st, json_t *doc, const char *key, const char *title, int year,
		     struct plan_rollover_out *out, struct err *e)
{
	json_t *plan = json_object_get(doc, "plan"), *ver = json_object_get(doc, "version");
	json_t *goals = json_object_get(doc, "goals"), *acts = json_object_get(doc, "activities"), *g;
	size_t i;
	int rc;

	json_object_set_new(plan, "key", json_string(key));
	json_object_set_new(plan, "title", json_string(title));
	json_object_set_new(plan, "year_from", json_integer(year));
	json_object_set_new(plan, "year_to", json_integer(year));
	json_object_set_new(ver, "number", json_null());
	json_object_set_new(ver, "based_on", json_null());
	json_array_foreach(goals, i, g) {
		json_t *res = json_object_get(g, "results");
		int before = out->kf_mapped;
		json_object_set_new(g, "year", json_integer(year));
		if ((rc = kf_map(st, g, "parent", year, out, e)) != LUP_OK)
			return rc;
		if (out->kf_mapped == before && json_is_string(json_object_get(g, "parent")))
			out->kf_kept++;
		if ((rc = indicators(st, json_object_get(g, "indicators"), year, out, e)) != LUP_OK)
			return rc;
		out->results += json_is_array(res) ? (int)json_array_size(res) : 0;
		out->goals++;
	}
	if ((rc = indicators(st, json_object_get(doc, "indicators"), year, out, e)) != LUP_OK)
		return rc;
	for (i = 0; i < json_array_size(acts);) {
		const char *s = json_string_value(json_object_get(json_array_get(acts, i), "status"));
		if (s && (strcmp(s, "done") == 0 || strcmp(s, "cancelled") == 0)) {
			json_array_remove(acts, i);
			out->activities_left++;
		} else {
			out->activities++;
			i++;
		}
	}
	return LUP_OK;
}

/* audit: the plan row's entry: its key, where it came from and what was copied. */
static int audit(struct store *st, const struct plan_version_opts *o, const char *from,
		 const struct plan_rollover_out *out, int year, struct err *e)
{
	json_t *j = json_pack("{s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i}", "key", out->key,
			      "rolled_over_from", from, "year", year, "goals", out->goals, "results", out->results,
			      "indicators", out->indicators, "activities", out->activities, "activities_left",
			      out->activities_left, "targets_left", out->targets_left, "kf_mapped", out->kf_mapped,
			      "kf_kept", out->kf_kept);
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	struct audit_rec rec = { .user_id = o->user_id, .actor = o->actor ? o->actor : "lup", .action = "insert",
				 .entity = "plan", .entity_id = out->plan_id, .after = text };
	int rc = text ? audit_write(st, &rec, e) : err_set(e, LUP_EDB, "out of memory");

	free(text);
	json_decref(j);
	return rc;
}

int plan_rollover(struct store *st, const char *plan_key, int year, const struct plan_version_opts *o,
		  struct plan_rollover_out *out, struct doc_problems *p, struct err *e)
{
	struct plan_version_opts vo = *o;
	struct src_plan s = { 0 };
	struct text1 taken = { "" };
	json_t *doc = NULL;
	char title[400];
	int rc, number = 0;

	memset(out, 0, sizeof(*out));
	vo.in_txn = 1;
	if ((rc = store_begin(st, e)) != LUP_OK)
		return rc;
	struct sval k = SVS(plan_key);
	if ((rc = store_query(st, STMT_RO_PLAN, &k, 1, plan_row, &s, e)) != LUP_OK)
		goto err;
	if (!s.found) {
		rc = err_set(e, LUP_ENOTFOUND, "no plan '%s'", plan_key);
		goto err;
	}
	if (strcmp(s.kind, "vp") != 0) {
		rc = err_set(e, LUP_EINVAL, "plan '%s' is not a verksamhetsplan (kind vp); only those roll over", plan_key);
		goto err;
	}
	if (year <= s.year_to || year > 2999) {
		rc = err_set(e, LUP_EINVAL, "year: %d is not after the plan's last year %ld (at most 2999)", year, s.year_to);
		goto err;
	}
	new_key(plan_key, s.year_from, year, out->key, sizeof(out->key));
	struct sval t[] = { SVI(s.owner), SVI(year), SVS(out->key) };
	if ((rc = store_query(st, STMT_RO_PLAN_FOR_YEAR, t, 3, text_row, &taken, e)) != LUP_OK)
		goto err;
	if (taken.s[0]) {
		rc = err_set(e, LUP_ECONFLICT, "the plan for %d exists already: '%s'", year, taken.s);
		goto err;
	}
	snprintf(title, sizeof(title), "Verksamhetsplan %d för %s", year, s.owner_name);
	if ((rc = plan_doc_load(st, plan_key, 0, &doc, e)) != LUP_OK ||
	    (rc = transform(st, doc, out->key, title, year, out, e)) != LUP_OK)
		goto err;
	char source[200];
	snprintf(source, sizeof(source), "rollover %s", plan_key);
	struct sval ins[] = { SVS(out->key), SVI(s.owner), SVS(title), SVI(year), SVS(source) };
	if ((rc = store_exec(st, STMT_RO_PLAN_INSERT, ins, 5, &out->plan_id, NULL, e)) != LUP_OK ||
	    (rc = plan_version_create(st, doc, &vo, p, &number, &out->pv_id, e)) != LUP_OK ||
	    (rc = audit(st, o, plan_key, out, year, e)) != LUP_OK || (rc = store_commit(st, e)) != LUP_OK)
		goto err;
	json_decref(doc);
	return LUP_OK;
err:
	json_decref(doc);
	store_rollback(st);
	return rc;
}
