/* api-goal-edit.c: the nämndmål of a plan beyond their fields (api-create.h): a new one's place
 * and number in its verksamhetsplan, the expected results, the order (renumbering), and removal
 * (DELETE /api/v1/goals/{id}, POST /api/v1/plans/{key}/goal-order), shared with the forms
 * (page-goal-delete.c, page-edit-goal.c). Each write: authz_org of the owner, the frozen rule,
 * one transaction, an audit entry per goal changed. */
#include "web/api.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/form.h"
#include "web/frozen.h"
#include "web/page.h"
#include "web/routes.h"
#include "render/json.h"
#include "store/kinds.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* fail: rolls back and answers status in English (API) or Swedish (page). */
static int fail(struct http_req *r, int page, int status, const char *code, const char *en, const char *sv)
{
	store_rollback(r->st);
	return page ? page_error(r, status, sv) : http_error(r, status, code, "%s", en);
}

void api_goal_results_check(struct http_req *r, struct api_violations *v, const char *const *texts, int n)
{
	if (n > API_GOAL_RESULTS_MAX) {
		api_violation(r, v, "results", API_RULE_RANGE, "at most %d expected results", API_GOAL_RESULTS_MAX);
		return;
	}
	for (int i = 0; i < n; i++)
		if (!texts[i] || !*texts[i] || strlen(texts[i]) > API_GOAL_RESULT_MAX) {
			api_violation(r, v, "results", API_RULE_TOO_LONG, "item %d must be 1-%d bytes", i,
				      API_GOAL_RESULT_MAX);
			return;
		}
}

int api_goal_results_set(struct http_req *r, int64_t id, const char *const *texts, int n, const char *source)
{
	struct sval arg = SVI(id);

	if (store_exec(r->st, STMT_GE_RESULTS_CLEAR, &arg, 1, NULL, NULL, &r->err) != LUP_OK)
		return r->err.code;
	for (int i = 0; i < n; i++) {
		struct sval a[] = { SVI(id), SVI(i + 1), SVS(texts[i]), SVS(source) };
		if (store_exec(r->st, STMT_GE_RESULT_ADD, a, 4, NULL, NULL, &r->err) != LUP_OK)
			return r->err.code;
	}
	return LUP_OK;
}

int api_goal_place(struct http_req *r, int64_t id, int64_t owner, long year, int page)
{
	struct sval a[] = { SVI(owner), SVI(year) }, g = SVI(id);
	int64_t pv = 0, next = 0;
	char num[24];

	if (store_query_id(r->st, STMT_GE_PLAN_VERSION, a, 2, &pv, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	struct sval at[] = { SVI(id), SVID(pv), SVNULL };
	if (store_exec(r->st, STMT_GE_ATTACH, at, 3, NULL, NULL, &r->err) != LUP_OK ||
	    store_query_id(r->st, STMT_GE_NEXT_NUMBER, &g, 1, &next, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	snprintf(num, sizeof(num), "%lld", (long long)next);
	at[2] = (struct sval)SVS(num);
	if (store_exec(r->st, STMT_GE_ATTACH, at, 3, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return frozen_or_409(r, STMT_PV_FROZEN_GOAL, id, page);
}

/* The nämndmål of one plan in their order. */
struct sibs {
	int64_t *id;
	int n, cap;
	struct http_req *r;
};

static int sib_row(void *ctx, const struct store_row *row)
{
	struct sibs *s = ctx;

	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 32;
		int64_t *id = arena_alloc(&s->r->a, sizeof(*id) * (size_t)cap);
		if (s->n)
			memcpy(id, s->id, sizeof(*id) * (size_t)s->n);
		s->id = id;
		s->cap = cap;
	}
	s->id[s->n++] = store_col_int(row, 0);
	return 0;
}

int api_goal_siblings(struct http_req *r, int64_t id, int64_t **ids, int *n)
{
	struct sibs s = { .r = r };
	struct sval arg = SVI(id);

	if (store_query(r->st, STMT_GE_SIBLINGS, &arg, 1, sib_row, &s, &r->err) != LUP_OK)
		return r->err.code;
	*ids = s.id;
	*n = s.n;
	return LUP_OK;
}

/* renumber: numbers ids[0..n) 1..n (skipping skip), with an audit entry for each goal whose
 * number changes. In the open transaction; LUP_OK or a store error. */
static int renumber(struct http_req *r, const int64_t *ids, int n, int64_t skip)
{
	const struct kind *k = kind_find("goals");
	int num = 0;

	for (int i = 0; i < n; i++) {
		char *before, *after, text[24];
		int changed = 0;
		if (ids[i] == skip)
			continue;
		snprintf(text, sizeof(text), "%d", ++num);
		struct sval a[] = { SVI(ids[i]), SVS(text) };
		if (api_snapshot(r, k, ids[i], &before) != LUP_OK ||
		    store_exec(r->st, STMT_GE_SET_NUMBER, a, 2, NULL, &changed, &r->err) != LUP_OK)
			return r->err.code;
		if (changed && (api_snapshot(r, k, ids[i], &after) != LUP_OK ||
				api_audit(r, "update", "goal", ids[i], before, after) != LUP_OK))
			return r->err.code;
	}
	return LUP_OK;
}

int api_goal_order(struct http_req *r, int64_t pv, const int64_t *ids, int n, int page)
{
	struct sval first = SVI(n ? ids[0] : 0);
	int64_t *have, owner = 0, in_pv = 0;
	int nhave, rc;

	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	if (pv && n && store_query_id(r->st, STMT_GE_GOAL_PV, &first, 1, &in_pv, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (pv && n && in_pv != pv)
		return fail(r, page, 422, "invalid_fields", "order: the goals are not the nämndmål of this plan's "
			    "version", "Målen hör inte till planen.");
	if (!n || api_goal_siblings(r, ids[0], &have, &nhave) != LUP_OK)
		return n ? api_rollback_fail(r) : fail(r, page, 422, "invalid_fields", "order: name each nämndmål of "
							"the plan once", "Ordningen saknas.");
	int ok = nhave == n;
	for (int i = 0; ok && i < n; i++) {
		int found = 0;
		for (int j = 0; j < n; j++)
			found += have[j] == ids[i];
		ok = found == 1;
		for (int j = 0; ok && j < i; j++)
			ok = ids[j] != ids[i];
	}
	if (!ok)
		return fail(r, page, 422, "invalid_fields", "order: must name each nämndmål of the plan exactly once "
			    "(ids of one plan)", "Ordningen ska ta med varje nämndmål i planen en gång.");
	if (store_query_id(r->st, STMT_GOAL_OWNER, &first, 1, &owner, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if ((rc = authz_org(r, owner)) != 0) {
		store_rollback(r->st);
		return page ? form_fail_page(r, rc) : rc;
	}
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_GOAL, ids[0], page)) != 0)
		return rc;
	if (renumber(r, ids, n, 0) != LUP_OK)
		return api_rollback_fail(r);
	return api_commit(r);
}

/* count: one number from statement s of goal id. */
static int count(struct http_req *r, enum stmt s, int64_t id, int64_t *n)
{
	struct sval arg = SVI(id);

	return store_query_id(r->st, s, &arg, 1, n, &r->err);
}

struct two { int64_t a, b; };

static int two_row(void *ctx, const struct store_row *row)
{
	((struct two *)ctx)->a = store_col_int(row, 0);
	((struct two *)ctx)->b = store_col_int(row, 1);
	return 1;
}

/* move_audited: moves the things of kind (listed by ids) from goal id to goal to (statement
 * move), with an audit entry for each. In the open transaction; LUP_OK or a store error. */
static int move_audited(struct http_req *r, int64_t id, int64_t to, const char *kind, const char *entity,
			enum stmt ids, enum stmt move)
{
	const struct kind *k = kind_find(kind);
	struct sval arg = SVI(id), mv[] = { SVI(id), SVI(to) };
	struct sibs s = { .r = r };
	char **before;

	if (store_query(r->st, ids, &arg, 1, sib_row, &s, &r->err) != LUP_OK)
		return r->err.code;
	before = arena_alloc(&r->a, sizeof(*before) * (size_t)(s.n + 1));
	for (int i = 0; i < s.n; i++)
		if (api_snapshot(r, k, s.id[i], &before[i]) != LUP_OK)
			return r->err.code;
	if (store_exec(r->st, move, mv, 2, NULL, NULL, &r->err) != LUP_OK)
		return r->err.code;
	for (int i = 0; i < s.n; i++) {
		char *after;
		if (api_snapshot(r, k, s.id[i], &after) != LUP_OK ||
		    api_audit(r, "update", entity, s.id[i], before[i], after) != LUP_OK)
			return r->err.code;
	}
	return LUP_OK;
}

/* remove_rules: 0 when goal id may go (what hangs under it moved to move_to when given), else
 * the status answered (the transaction rolled back). */
static int remove_rules(struct http_req *r, int64_t id, int64_t move_to, int page)
{
	struct sval arg = SVI(id), mv[] = { SVI(id), SVI(move_to) };
	int64_t assessed = 0, measured = 0, children = 0, target = 0;
	struct two hang = { 0, 0 };
	char en[400], sv[600];
	int rc;

	if (count(r, STMT_GE_ASSESSED, id, &assessed) != LUP_OK || count(r, STMT_GE_IND_OUTCOMES, id, &measured) != LUP_OK ||
	    count(r, STMT_GE_CHILDREN, id, &children) != LUP_OK ||
	    store_query(r->st, STMT_GE_HANGING, &arg, 1, two_row, &hang, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (assessed) {
		snprintf(en, sizeof(en), "the goal is assessed in %lld follow-up report%s; change its name and description "
			 "instead of deleting it", (long long)assessed, assessed == 1 ? "" : "s");
		return fail(r, page, 409, "goal_assessed", en, "Målet bedöms i en uppföljningsrapport och kan inte tas bort. "
			    "Ändra i stället målets namn och beskrivning.");
	}
	if (measured)
		return fail(r, page, 409, "goal_measured", "the goal has indicators with outcomes; the follow-up keeps "
			    "them: change the goal instead of deleting it", "Målet har indikatorer med utfall och kan inte "
			    "tas bort, eftersom uppföljningen bygger på dem. Ändra i stället målets namn och beskrivning.");
	if (children)
		return fail(r, page, 409, "goal_has_children", "goals sit under this goal; move or delete them first",
			    "Andra mål hör till målet. Flytta eller ta bort dem först.");
	if (!hang.a && !hang.b)
		return 0;
	if (!move_to) {
		snprintf(en, sizeof(en), "the goal has %lld indicator%s and %lld activit%s; give move_to (another goal of "
			 "the organisation) to move them, or delete them first", (long long)hang.a, hang.a == 1 ? "" : "s",
			 (long long)hang.b, hang.b == 1 ? "y" : "ies");
		snprintf(sv, sizeof(sv), "Målet har %lld indikatorer och %lld aktiviteter. Välj ett annat mål att flytta dem "
			 "till, eller ta bort dem först.", (long long)hang.a, (long long)hang.b);
		return fail(r, page, 409, "goal_not_empty", en, sv);
	}
	if (store_query_id(r->st, STMT_GE_MOVE_TARGET, mv, 2, &target, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (!target)
		return fail(r, page, 422, "invalid_fields", "move_to: not another goal of the same organisation",
			    "Välj ett annat mål i samma organisation att flytta till.");
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_GOAL, move_to, page)) != 0)
		return rc;
	if (move_audited(r, id, move_to, "indicators", "indicator", STMT_GE_IND_IDS, STMT_GE_MOVE_INDICATORS) != LUP_OK ||
	    move_audited(r, id, move_to, "activities", "activity", STMT_GE_ACT_IDS, STMT_GE_MOVE_ACTIVITIES) != LUP_OK)
		return api_rollback_fail(r);
	return 0;
}

int api_goal_remove(struct http_req *r, int64_t id, int64_t move_to, int page)
{
	const struct kind *k = kind_find("goals");
	struct sval arg = SVI(id);
	int64_t *sibs = NULL;
	char *before;
	int nsibs = 0, rc;

	if ((rc = api_write_begin(r, k, id, STMT_GOAL_OWNER, &before)) != 0)
		return page ? form_fail_page(r, rc) : rc;
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_GOAL, id, page)) != 0 || (rc = remove_rules(r, id, move_to, page)) != 0)
		return rc;
	if (api_goal_siblings(r, id, &sibs, &nsibs) != LUP_OK ||
	    store_exec(r->st, STMT_GE_DELETE, &arg, 1, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	for (int i = 0; i < nsibs; i++)	/* the numbers close up only when the goal was numbered */
		if (sibs[i] == id && renumber(r, sibs, nsibs, id) != LUP_OK)
			return api_rollback_fail(r);
	return api_write_end(r, k, "goal", "delete", id, before, 204);
}

int api_goal_delete(struct http_req *r)
{
	const char *mv = http_query(r, "move_to");
	int64_t id, to = 0;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_GOAL_ID, "goal", &id)) != 0)
		return rc;
	if (mv) {
		char *end;
		to = strtoll(mv, &end, 10);
		if (*end || to <= 0)
			return http_error(r, 422, "invalid_fields", "move_to: a goal id");
	}
	return api_goal_remove(r, id, to, 0);
}

/* order_ids: the body's {"order": [ids]} into *ids (arena); 0, or the status answered. */
static int order_ids(struct http_req *r, int64_t **ids, int *n)
{
	json_error_t jerr;
	json_t *root = json_loadb(r->body.ptr, r->body.len, JSON_REJECT_DUPLICATES, &jerr), *o, *x;
	size_t i;

	if (!root)
		return http_error(r, 400, "bad_request", "malformed JSON at line %d, column %d: %s", jerr.line,
				  jerr.column, jerr.text);
	o = json_object_get(root, "order");
	if (!json_is_object(root) || json_object_size(root) != 1 || !json_is_array(o) || !json_array_size(o) ||
	    json_array_size(o) > 500) {
		json_decref(root);
		return http_error(r, 422, "invalid_fields", "order: give {\"order\": [goal ids]} and nothing else");
	}
	*n = (int)json_array_size(o);
	*ids = arena_alloc(&r->a, (size_t)(*n + 1) * sizeof(**ids));
	json_array_foreach(o, i, x) {
		if (!json_is_integer(x)) {
			json_decref(root);
			return http_error(r, 422, "invalid_fields", "order: each member is a goal id (an integer)");
		}
		(*ids)[i] = (int64_t)json_integer_value(x);
	}
	json_decref(root);
	return 0;
}

int api_plan_goal_order(struct http_req *r)
{
	struct sval key = SVS(r->params[0]);
	int64_t *ids = NULL, pv = 0;
	int n = 0, rc;

	if (store_query_id(r->st, STMT_GE_PLAN_EDITABLE, &key, 1, &pv, &r->err) != LUP_OK)
		return http_fail(r);
	if (!pv)
		return http_error(r, 404, "not_found", "no plan '%s'", r->params[0]);
	if ((rc = order_ids(r, &ids, &n)) != 0 || (rc = api_goal_order(r, pv, ids, n, 0)) != 0)
		return rc;
	struct json *j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "order");
	json_arr_open(j);
	for (int i = 0; i < n; i++)
		json_int(j, ids[i]);
	json_arr_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}
