/* api-util.c: snapshots, ETags, If-Match, audit entries and id parameters for the handlers. */
#include "web/api.h"
#include "core/buf.h"
#include "render/entity.h"
#include "render/json.h"
#include "store/audit.h"
#include "store/kinds.h"
#include "store/store.h"
#include "web/routes.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* snapshot_json: what entity_load loaded, as JSON in *json (arena). */
static int snapshot_json(struct http_req *r, const struct kind *k, const struct rowset *main,
			 const struct rowset *rels, char **json)
{
	struct buf b;
	struct json j;

	buf_init(&b, (size_t)32 << 20);
	json_init(&j, &b, 0);
	entity_json(k, main, rels, &j);
	if (json_finish(&j) != 0) {
		buf_release(&b);
		return err_set(&r->err, LUP_EDB, "the %s could not be written as JSON", k->singular);
	}
	*json = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return LUP_OK;
}

int api_snapshot(struct http_req *r, const struct kind *k, int64_t id, char **json)
{
	struct rowset main, rels[KIND_MAX_RELS];
	int found = 0, rc;

	*json = NULL;
	if ((rc = entity_load(r->st, k, id, &main, rels, &found, &r->a, &r->err)) != LUP_OK || !found)
		return rc;
	return snapshot_json(r, k, &main, rels, json);
}

int api_snapshot_key(struct http_req *r, const struct kind *k, const char *text, int last, int64_t *id,
		     char **json)
{
	struct rowset main, rels[KIND_MAX_RELS];
	int found = 0, rc;

	*json = NULL;
	if ((rc = entity_load_key(r->st, k, text, last, id, &main, rels, &found, &r->a, &r->err)) != LUP_OK ||
	    !found)
		return rc;
	return snapshot_json(r, k, &main, rels, json);
}

void api_etag(const char *json, char out[40])
{
	XXH128_hash_t h = XXH3_128bits(json, strlen(json));

	/* XXH3: a tag, not a secret; blake2b took 50 us of the district API's 480 (51 KB) */
	snprintf(out, 40, "\"%016llx%016llx\"", (unsigned long long)h.high64, (unsigned long long)h.low64);
}

int api_if_match(struct http_req *r, const char *current)
{
	const char *want = http_header_in(r, "If-Match");
	char tag[40];

	if (!want || strcmp(want, "*") == 0)
		return 0;
	api_etag(current, tag);
	if (strcmp(want, tag) == 0)
		return 0;
	http_header(r, "ETag", tag);
	return http_error(r, 412, "precondition_failed", "the resource has changed since you read it (ETag %s)", tag);
}

int api_audit(struct http_req *r, const char *action, const char *entity, int64_t id,
	      const char *before, const char *after)
{
	char at[32];

	http_now_iso(at, sizeof(at));
	struct audit_rec rec = { at, r->user.id, r->user.name[0] ? r->user.name : "anonymous", action, entity, id,
				 before, after };
	return audit_write(r->st, &rec, &r->err);
}

int api_id_param(struct http_req *r, int i, int s, const char *what, int64_t *id)
{
	const char *p = r->params[i];
	char *end;

	*id = 0;
	if (p && *p >= '0' && *p <= '9' && strlen(p) < 19) {
		*id = strtoll(p, &end, 10);
		if (*end)
			*id = 0;
	} else if (p && s != STMT__MAX) {
		struct sval v = SVS(p);
		if (store_query_id(r->st, (enum stmt)s, &v, 1, id, &r->err) != LUP_OK)
			return http_fail(r);
	}
	if (*id <= 0)
		return http_error(r, 404, "not_found", "no %s '%s'", what, p ? p : "");
	return 0;
}

/* reply_tagged: json as the answer with status, under ETag tag. */
static int reply_tagged(struct http_req *r, int status, const char *json, const char *tag)
{
	buf_reset(&r->out);
	buf_adds(&r->out, json);
	r->status = status;
	r->ctype = "application/json";
	http_header(r, "ETag", tag);
	return status;
}

int api_reply_snapshot(struct http_req *r, int status, const char *json)
{
	char tag[40];

	api_etag(json, tag);
	return reply_tagged(r, status, json, tag);
}

int api_reply_read(struct http_req *r, const char *json)
{
	const char *inm = http_header_in(r, "If-None-Match");
	char tag[40];

	api_etag(json, tag);	/* once: the representation can be large */
	if (inm && strcmp(inm, tag) == 0) {
		http_header(r, "ETag", tag);
		r->status = 304;
		return 304;
	}
	return reply_tagged(r, 200, json, tag);
}

int api_reply_written(struct http_req *r)
{
	const char *inm = http_header_in(r, "If-None-Match");
	char tag[40];

	api_etag(r->out.ptr, tag);
	http_header(r, "ETag", tag);
	if (inm && strcmp(inm, tag) == 0) {
		buf_reset(&r->out);
		r->status = 304;
		return 304;
	}
	r->status = 200;
	r->ctype = "application/json";
	return 200;
}

int api_commit(struct http_req *r)
{
	if (store_commit(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	return 0;
}

int api_rollback_fail(struct http_req *r)
{
	store_rollback(r->st);
	return http_fail(r);
}

int api_write_begin(struct http_req *r, const struct kind *k, int64_t id, int owner_stmt, char **before)
{
	struct sval arg = SVI(id);
	int64_t owner = 0;
	int rc;

	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	if (api_snapshot(r, k, id, before) != LUP_OK)
		return api_rollback_fail(r);
	if (!*before) {
		store_rollback(r->st);
		return http_error(r, 404, "not_found", "no %s %lld", k->singular, (long long)id);
	}
	if (store_query_id(r->st, (enum stmt)owner_stmt, &arg, 1, &owner, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if ((rc = authz_org(r, owner)) != 0 || (rc = api_if_match(r, *before)) != 0) {
		store_rollback(r->st);
		return rc;
	}
	return 0;
}

int api_write_end(struct http_req *r, const struct kind *k, const char *entity, const char *action,
		  int64_t id, const char *before, int status)
{
	char *after = NULL;
	int rc;

	if (strcmp(action, "delete") != 0 && api_snapshot(r, k, id, &after) != LUP_OK)
		return api_rollback_fail(r);
	if (api_audit(r, action, entity, id, before, after) != LUP_OK)
		return api_rollback_fail(r);
	if ((rc = api_commit(r)) != 0)
		return rc;
	if (!after) {
		r->status = 204;
		return 204;
	}
	return api_reply_snapshot(r, status, after);
}

int api_id_lookup(struct http_req *r, const char *text, int s, int64_t *id)
{
	char *end;

	*id = 0;
	if (*text >= '0' && *text <= '9' && strlen(text) < 19) {
		*id = strtoll(text, &end, 10);
		if (*end)
			*id = 0;
		return LUP_OK;
	}
	struct sval v = SVS(text);
	return store_query_id(r->st, (enum stmt)s, &v, 1, id, &r->err);
}

void api_page_close(struct json *j, int64_t total, long limit, long offset)
{
	json_arr_close(j);
	json_key(j, "total"); json_int(j, total);
	json_key(j, "limit"); json_int(j, limit);
	json_key(j, "offset"); json_int(j, offset);
	json_obj_close(j);
}
