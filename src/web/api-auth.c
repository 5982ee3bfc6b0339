/* api-auth.c: login, logout, the caller's identity, users (admin) and the audit log. */
#include "web/api.h"
#include "web/authz.h"
#include "web/auth.h"
#include "web/body.h"
#include "web/routes.h"
#include "web/server.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

static const char *const role_values[] = { "admin", "city", "editor", "reader", NULL };

int api_login(struct http_req *r)
{
	static const struct field fields[] = {
		{ "name", FT_STRING, 1, 0, 128, NULL },
		{ "password", FT_STRING, 1, 0, 1024, NULL },
	};
	struct body b;
	int rc;

	if ((rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	return auth_login(r, b.s[0], b.s[1], server_conf.secure_cookies);
}

int api_logout(struct http_req *r)
{
	return auth_logout(r, server_conf.secure_cookies);
}

int api_me(struct http_req *r)
{
	struct json *j = http_json_begin(r, 200);

	json_obj_open(j);
	json_key(j, "id"); json_int(j, r->user.id);
	json_key(j, "name"); json_str(j, r->user.name);
	json_key(j, "role"); json_str(j, role_name(r->user.role));
	json_key(j, "org_id"); if (r->user.org_id) json_int(j, r->user.org_id); else json_null(j);
	json_key(j, "via"); json_str(j, r->user.by_cookie ? "cookie" : "token");
	json_obj_close(j);
	return http_json_end(r, j);
}

static int rows_reply(struct http_req *r, enum stmt s, const struct sval *args, int n,
		      const char *const *bools)
{
	struct rowset rs;
	struct json *j;

	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, s, args, n, &r->err) != LUP_OK ||
	    ((s == STMT_AUDIT_LIST || s == STMT_AUDIT_LIST_ALL) && authz_audit_rows(&r->user, r->st, &rs, &r->err) != LUP_OK))
		return http_fail(r);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "items");
	rowset_json(&rs, j, bools);
	json_key(j, "total"); json_int(j, rs.nrows);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_users_list(struct http_req *r)
{
	static const char *const bools[] = { "disabled", NULL };

	return rows_reply(r, STMT_USER_LIST, NULL, 0, bools);
}

int api_users_create(struct http_req *r)
{
	static const struct field fields[] = {
		{ "name", FT_STRING, 1, 0, 128, NULL },
		{ "org", FT_STRING, 0, 0, 200, NULL },
		{ "role", FT_ENUM, 1, 0, 0, role_values },
		{ "password", FT_STRING, 1, 0, 1024, NULL },
	};
	char hash[AUTH_HASH_MAX], now[32], *after;
	struct http_fields errs = { .n = 0 };
	struct body b;
	int64_t org = 0, id = 0;
	int rc;

	if ((rc = body_parse(r, fields, 4, &b)) != 0)
		return rc;
	if (b.s[1]) {
		struct sval v = SVS(b.s[1]);
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &v, 1, &org, &r->err) != LUP_OK)
			return http_fail(r);
		if (!org)
			http_field_error(r, &errs, "org", "unknown organisation '%s'", b.s[1]);
	}
	if (strcmp(b.s[2], "editor") == 0 && !b.s[1])
		http_field_error(r, &errs, "org", "an editor needs an organisation");
	if (strlen(b.s[3]) < 10)
		http_field_error(r, &errs, "password", "at least 10 characters");
	if (errs.n)
		return http_fields_reply(r, &errs, 422);
	if (auth_hash_password(b.s[3], hash) != 0)
		return http_error(r, 500, "internal", "cannot hash the password");
	http_now_iso(now, sizeof(now));
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	struct sval args[] = { SVS(b.s[0]), SVID(org), SVS(b.s[2]), SVS(hash), SVS(now) };
	if (store_exec(r->st, STMT_USER_INSERT, args, 5, &id, NULL, &r->err) != LUP_OK) {
		store_rollback(r->st);
		if (r->err.code == LUP_ECONFLICT)
			return http_error(r, 409, "conflict", "a user '%s' exists already", b.s[0]);
		return http_fail(r);
	}
	{
		struct buf ab;
		struct json aj;
		buf_init(&ab, 4096);
		json_init(&aj, &ab, 0);
		json_obj_open(&aj);
		json_key(&aj, "name"); json_str(&aj, b.s[0]);
		json_key(&aj, "role"); json_str(&aj, b.s[2]);
		json_key(&aj, "org_id"); if (org) json_int(&aj, org); else json_null(&aj);
		json_obj_close(&aj);
		json_finish(&aj);
		after = arena_strdup(&r->a, ab.ptr);
		buf_release(&ab);
	}
	if (api_audit(r, "insert", "user", id, NULL, after) != LUP_OK) {
		store_rollback(r->st);
		return http_fail(r);
	}
	if ((rc = api_commit(r)) != 0)
		return rc;
	struct json *j = http_json_begin(r, 201);
	json_obj_open(j);
	json_key(j, "id"); json_int(j, id);
	json_key(j, "name"); json_str(j, b.s[0]);
	json_key(j, "role"); json_str(j, b.s[2]);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_audit_list(struct http_req *r)
{
	const char *entity = http_query(r, "entity"), *id = http_query(r, "id");
	char *end;

	if (!entity) {
		struct sval lim = SVI(200);
		if (id)
			return http_error(r, 400, "bad_request", "'id' needs 'entity'");
		return rows_reply(r, STMT_AUDIT_LIST_ALL, &lim, 1, NULL);
	}
	long long n = id ? strtoll(id, &end, 10) : 0;
	if (id && (*end || n <= 0))
		return http_error(r, 400, "bad_request", "'id' must be a positive whole number");
	struct sval args[] = { SVS(entity), SVID(n) };
	return rows_reply(r, STMT_AUDIT_LIST, args, 2, NULL);
}
