/* api-plan-doc.c: a plan version as one document (docs/plan-json.md) in the API:
 *	GET  /api/v1/plans/{key}/versions/{n}	the document, with its ETag
 *	PUT  /api/v1/plans/{key}/versions/{n}	replaces a draft's content (If-Match required)
 *	POST /api/v1/plans/{key}/versions	a new draft: from the document sent, or ("Ny version",
 *						an empty body or {}) a copy of the adopted version
 *	GET  /api/v1/plans/{key}/diff?from=N&to=M	what changed between two versions (plan_diff)
 * The writes go through edit/plan-version.h (one transaction, one audit entry); who may write:
 * the plan owner's editors and administrators. A draft is visible only to those who may read it
 * (pv_readable); others get 404. The document's problems are 422 with one entry per JSON pointer. */
#include "web/api.h"
#include "core/buf.h"
#include "web/download.h"
#include "model/planver.h"
#include "web/plan-compare.h"
#include "web/plan-edit.h"
#include "doc/plan-diff.h"
#include "doc/plan-json.h"
#include "edit/plan-version.h"
#include "render/json.h"
#include "store/store.h"
#include "view/plan.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* doc_text: version pv's document as text (arena), or NULL with r->err set. */
static char *doc_text(struct http_req *r, int64_t pv)
{
	struct buf b;
	char *copy = NULL;

	buf_init(&b, PLAN_JSON_MAX);
	if (plan_doc_write(r->st, pv, &b, &r->err) == LUP_OK)
		copy = arena_strndup(&r->a, b.ptr, b.len);
	buf_release(&b);
	return copy;
}

/* problems_reply: 422 listing the document's problems ("POINTER: message") as fields. */
static int problems_reply(struct http_req *r, const struct doc_problems *p)
{
	struct json *j = http_json_begin(r, 422);
	json_t *x;
	size_t i;

	json_obj_open(j);
	json_key(j, "error");
	json_obj_open(j);
	json_key(j, "status"); json_int(j, 422);
	json_key(j, "code"); json_str(j, "invalid_document");
	json_key(j, "message"); json_str(j, "the document has problems; nothing was changed");
	json_key(j, "fields");
	json_arr_open(j);
	json_array_foreach(p->list, i, x) {
		const char *s = json_string_value(x), *sep = s ? strstr(s, ": ") : NULL;
		json_obj_open(j);
		json_key(j, "field");
		if (sep)
			json_strn(j, s, (size_t)(sep - s));
		else
			json_str(j, "");
		json_key(j, "message"); json_str(j, sep ? sep + 2 : s ? s : "");
		json_obj_close(j);
	}
	json_arr_close(j);
	json_key(j, "omitted"); json_int(j, p->omitted);
	json_obj_close(j);
	json_obj_close(j);
	return http_json_end(r, j);
}

/* write_fail: the answer to a failed write of the edit layer (p: the document's problems). */
static int write_fail(struct http_req *r, const struct doc_problems *p)
{
	if (r->err.code == LUP_EINVAL && doc_problems_count(p))
		return problems_reply(r, p);
	if (r->err.code == LUP_EINVAL)
		return http_error(r, 400, "bad_request", "%s", r->err.msg);
	if (r->err.code == LUP_ETOOBIG)
		return http_error(r, 413, "too_large", "%s", r->err.msg);
	if (r->err.code == LUP_ECONFLICT && doc_problems_count(p))
		return problems_reply(r, p);
	if (r->err.code == LUP_ECONFLICT)
		return http_error(r, 409, strstr(r->err.msg, "adopted") ? "plan_version_adopted" : "conflict", "%s",
				  r->err.msg);
	if (r->err.code == LUP_ENOTFOUND)
		return http_error(r, 404, "not_found", "%s", r->err.msg);
	return http_fail(r);
}

/* parse_doc: the body as a plan document of plan key (a problem at /plan/key otherwise). 0 with
 * *doc set, or the status answered. */
static int parse_doc(struct http_req *r, const char *key, json_t **doc, struct doc_problems *p)
{
	const char *k;

	if (plan_json_parse(r->body.ptr ? r->body.ptr : "", r->body.len, "document", doc, p, &r->err) != LUP_OK)
		return write_fail(r, p);
	k = json_string_value(json_object_get(json_object_get(*doc, "plan"), "key"));
	if (!k || strcmp(k, key) != 0) {
		doc_problem(p, "/plan/key", "the document is of plan '%s', not of '%s' (the address)", k ? k : "", key);
		json_decref(*doc);
		*doc = NULL;
		return problems_reply(r, p);
	}
	return 0;
}

/* reply_version: the document of version pv (status, ETag; Location when loc). */
static int reply_version(struct http_req *r, int64_t pv, int status, const char *loc)
{
	char *text = doc_text(r, pv);

	if (!text)
		return http_fail(r);
	if (loc)
		http_header(r, "Location", loc);
	return api_reply_snapshot(r, status, text);
}

/* reply_read: GET's answer: the document of version pv written straight into the response,
 * under its ETag (304 when If-None-Match names it), as api_reply_read answers. */
static int reply_read(struct http_req *r, int64_t pv)
{
	buf_reset(&r->out);
	if (plan_doc_write(r->st, pv, &r->out, &r->err) != LUP_OK) {
		buf_reset(&r->out);
		return http_fail(r);
	}
	return api_reply_written(r);
}

int api_plan_doc_get(struct http_req *r)
{
	const struct export_row *x;
	struct pv_head v;
	int found;

	if (pv_head_load(r, &v, &found) != LUP_OK)
		return http_fail(r);
	if (!found || !pv_readable(&r->user, &v))
		return http_error(r, 404, "not_found", "no version %s of plan '%s'", r->params[1], r->params[0]);
	if (download_pick(r, "plan", "dokument", &x) != 0)
		return r->status;
	if (x && strcmp(x->format, "json") != 0) {	/* another format of the table of exports */
		struct export_args a = { .key = r->params[0], .version = (int)v.version };
		if (download_send(r, x, &a, !planver_public(v.status) || r->user.role != ROLE_ANON) != 200)
			return http_fail(r);
		return 200;
	}
	return reply_read(r, v.id);
}

int api_plan_doc_put(struct http_req *r)
{
	struct plan_version_opts o = { .actor = r->user.name, .user_id = r->user.id, .origin = "api", .in_txn = 1 };
	struct doc_problems p = { 0 };
	json_t *doc = NULL;
	struct pv_head v;
	const char *cur;
	int found, rc;

	if (pv_head_load(r, &v, &found) != LUP_OK)
		return http_fail(r);
	if (found && !pv_writable(&r->user, &v))
		return http_error(r, 403, "forbidden", "this plan belongs to another organisation");
	if (!found || !pv_readable(&r->user, &v))
		return http_error(r, 404, "not_found", "no version %s of plan '%s'", r->params[1], r->params[0]);
	if (strcmp(v.status, "draft") != 0)
		return http_error(r, 409, "plan_version_adopted", "the version is adopted; create a new version to change it");
	if (!http_header_in(r, "If-Match"))
		return http_error(r, 428, "precondition_required", "send If-Match with the ETag of the version's document"
				  " (GET it first), so that nobody else's change is overwritten");
	if ((rc = parse_doc(r, v.plan, &doc, &p)) != 0)
		goto out;
	if (store_begin(r->st, &r->err) != LUP_OK) {
		rc = http_fail(r);
		goto out;
	}
	if (!(cur = doc_text(r, v.id))) {
		rc = api_rollback_fail(r);
		goto out;
	}
	if ((rc = api_if_match(r, cur)) != 0) {
		store_rollback(r->st);
		goto out;
	}
	if (plan_version_replace(r->st, v.id, doc, &o, &p, &r->err) != LUP_OK) {
		store_rollback(r->st);
		rc = write_fail(r, &p);
		goto out;
	}
	if ((rc = api_commit(r)) != 0)
		goto out;
	rc = reply_version(r, v.id, 200, NULL);
out:
	json_decref(doc);
	doc_problems_free(&p);
	return rc;
}

/* empty_body: no body, only white space, or {}. */
static int empty_body(const struct http_req *r)
{
	size_t i = 0, n = r->body.len;
	const char *s = r->body.ptr;

	while (i < n && strchr(" \t\r\n", s[i]))
		i++;
	if (i == n)
		return 1;
	if (s[i++] != '{')
		return 0;
	while (i < n && strchr(" \t\r\n", s[i]))
		i++;
	if (i == n || s[i++] != '}')
		return 0;
	while (i < n && strchr(" \t\r\n", s[i]))
		i++;
	return i == n;
}

int api_plan_versions_post(struct http_req *r)
{
	struct plan_version_opts o = { .actor = r->user.name, .user_id = r->user.id, .in_txn = 0 };
	struct doc_problems p = { 0 };
	struct pv_head v;
	json_t *doc = NULL;
	int64_t pv = 0;
	int number = 0, rc;
	char loc[600];

	if ((rc = pv_plan_load(r, r->params[0], &v)) != 0)
		return rc;
	if (!pv_writable(&r->user, &v))
		return http_error(r, 403, "forbidden", "this plan belongs to another organisation");
	if (empty_body(r)) {
		o.origin = "new-version";
		rc = plan_version_new(r->st, v.plan, &o, &number, &r->err);
		if (rc == LUP_OK) {
			struct sval a[] = { SVS(v.plan), SVI(number) };
			rc = store_query_id(r->st, STMT_PD_PICK, a, 2, &pv, &r->err);
		}
	} else {
		o.origin = "api";
		if ((rc = parse_doc(r, v.plan, &doc, &p)) != 0)
			goto out;
		rc = plan_version_create(r->st, doc, &o, &p, &number, &pv, &r->err);
	}
	if (rc != LUP_OK) {
		rc = write_fail(r, &p);
		goto out;
	}
	snprintf(loc, sizeof(loc), "/api/v1/plans/%s/versions/%d", v.plan, number);
	rc = reply_version(r, pv, 201, loc);
out:
	json_decref(doc);
	doc_problems_free(&p);
	return rc;
}

int api_plan_diff(struct http_req *r)
{
	struct pv_compare c;
	char *text;
	int rc;

	if ((rc = pv_compare_load(r, r->params[0], http_query(r, "from"), http_query(r, "to"), &c)) != 0)
		return rc;
	json_object_set_new(c.diff, "plan", json_string(c.a.plan));
	text = json_dumps(c.diff, JSON_COMPACT | JSON_PRESERVE_ORDER);
	pv_compare_free(&c);
	if (!text)
		return http_error(r, 500, "internal", "out of memory");
	buf_reset(&r->out);
	buf_adds(&r->out, text);
	free(text);
	r->status = 200;
	r->ctype = "application/json";
	return 200;
}
