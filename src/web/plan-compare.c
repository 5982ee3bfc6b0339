/* plan-compare.c: two versions of a plan and their diff (see plan-compare.h). */
#include "web/plan-compare.h"
#include "doc/plan-diff.h"
#include "store/store.h"
#include "view/plan.h"
#include "web/page.h"

#include <stdlib.h>
#include <string.h>

/* answer: a JSON error, or the Swedish page of the same status for a page route. */
static int answer(struct http_req *r, int status, const char *code, const char *msg, const char *sv)
{
	if (http_is_page(r))
		return page_error(r, status, sv);
	return http_error(r, status, code, "%s", msg);
}

int pv_plan_load(struct http_req *r, const char *key, struct pv_head *v)
{
	struct sval k = SVS(key);
	struct rowset rs;

	memset(v, 0, sizeof(*v));
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PV_PLAN, &k, 1, &r->err) != LUP_OK)
		return http_is_page(r) ? page_error(r, 500, "Ett internt fel inträffade.") : http_fail(r);
	if (rs.nrows != 1)
		return answer(r, 404, "not_found", "no such plan", "Det finns ingen sådan plan.");
	v->plan_id = strtoll(rs.rows[0][rowset_col(&rs, "id")].s, NULL, 10);
	v->owner = strtoll(rs.rows[0][rowset_col(&rs, "owner_id")].s, NULL, 10);
	v->owner_pair = rs.rows[0][rowset_col(&rs, "owner_pair")].s ?
		strtoll(rs.rows[0][rowset_col(&rs, "owner_pair")].s, NULL, 10) : 0;
	v->plan = rs.rows[0][rowset_col(&rs, "key")].s;
	v->title = rs.rows[0][rowset_col(&rs, "title")].s;
	v->owner_name = rs.rows[0][rowset_col(&rs, "owner_name")].s;
	v->district_key = rs.rows[0][rowset_col(&rs, "district")].s;
	return 0;
}

int pv_head_find(struct http_req *r, const char *key, const char *n, struct pv_head *v, int *found)
{
	const char *save[2] = { r->params[0], r->params[1] };
	int rc;

	r->params[0] = key;
	r->params[1] = n;
	rc = pv_head_load(r, v, found);
	r->params[0] = save[0];
	r->params[1] = save[1];
	return rc;
}

/* version: version n of key, readable by the caller, and its document (in the request's arena).
 * 0 or the status answered. */
static int version(struct http_req *r, const char *key, const char *n, struct pv_head *v, struct pval *doc)
{
	int found;

	if (pv_head_find(r, key, n, v, &found) != LUP_OK)
		return http_is_page(r) ? page_error(r, 500, "Ett internt fel inträffade.") : http_fail(r);
	if (!found || !pv_readable(&r->user, v))
		return answer(r, 404, "not_found", "no such version of the plan (or not one you may read)",
			      "Planen har ingen sådan version som du kan se.");
	if (plan_doc_val_load_id(r->st, v->id, &r->a, doc, &r->err) != LUP_OK)
		return http_is_page(r) ? page_error(r, 500, "Ett internt fel inträffade.") : http_fail(r);
	return 0;
}

int pv_compare_load(struct http_req *r, const char *key, const char *from, const char *to, struct pv_compare *c)
{
	struct pval da, db;
	int rc, own;

	memset(c, 0, sizeof(*c));
	if (!from || !to || !*from || !*to || strspn(from, "0123456789") != strlen(from) ||
	    strspn(to, "0123456789") != strlen(to) || strlen(from) > 9 || strlen(to) > 9)
		return answer(r, 400, "bad_request", "give from=N and to=M, two version numbers",
			      "Välj två versioner att jämföra.");
	/* both versions in one read transaction: one snapshot, one BEGIN and ROLLBACK */
	own = store_begin_read(r->st, NULL) == LUP_OK;
	if ((rc = version(r, key, from, &c->a, &da)) == 0 && (rc = version(r, key, to, &c->b, &db)) == 0 &&
	    plan_diff_val(&da, &db, &c->diff, &r->err) != LUP_OK)
		rc = http_is_page(r) ? page_error(r, 500, "Ett internt fel inträffade.") : http_fail(r);
	if (own)
		store_rollback(r->st);
	return rc;
}

void pv_compare_free(struct pv_compare *c)
{
	json_decref(c->diff);
	c->diff = NULL;
}
