/* api-auth.c: login, logout, the caller's identity and password, users and their tokens
 * (admin: list, create, disable, enable, revoke) and the audit log. */
#include "web/api.h"
#include "edit/account.h"
#include "web/authz.h"
#include "web/auth.h"
#include "web/body.h"
#include "web/routes.h"
#include "web/server.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdio.h>
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
	json_key(j, "org_id"); if (r->user.org_id) json_int(j, r->user.org_id); else json_nothing(j);
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
		json_key(&aj, "org_id"); if (org) json_int(&aj, org); else json_nothing(&aj);
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

/* set_disabled: POST /api/v1/users/{id}/disable and /enable. Disabling also ends the user's
 * sessions; its tokens are kept but refused while it is disabled. */
static int set_disabled(struct http_req *r, int disabled)
{
	int64_t id = 0, found = 0;
	int changed = 0, ended = 0, rc;

	if ((rc = api_id_param(r, 0, STMT_USER_BY_NAME, "user", &id)) != 0)
		return rc;
	struct sval v = SVI(id);
	if (store_query_id(r->st, STMT_USER_BY_ID, &v, 1, &found, &r->err) != LUP_OK)
		return http_fail(r);
	if (!found)
		return http_error(r, 404, "not_found", "no user '%s'", r->params[0]);
	struct edit_actor who = { r->user.id, r->user.name };
	if (account_set_disabled(r->st, &who, id, disabled, &changed, &ended, &r->err) != LUP_OK)
		return r->err.code == LUP_ECONFLICT ? http_error(r, 409, "conflict", "%s", r->err.msg) : http_fail(r);
	struct json *j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "id"); json_int(j, id);
	json_key(j, "disabled"); json_bool(j, disabled);
	json_key(j, "changed"); json_bool(j, changed > 0);
	json_key(j, "sessions_ended"); json_int(j, ended);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_user_disable(struct http_req *r)
{
	return set_disabled(r, 1);
}

int api_user_enable(struct http_req *r)
{
	return set_disabled(r, 0);
}

int api_password_change(struct http_req *r, const char *current, const char *new_pw, int *ended)
{
	char hash[AUTH_HASH_MAX], tok[160];
	const char *keep = NULL;
	int rc;

	if ((rc = auth_recheck_password(r, current)) != 0)
		return rc;
	if (auth_hash_password(new_pw, hash) != 0)
		return http_error(r, 500, "internal", "cannot hash the password");
	if (r->user.by_cookie)
		keep = auth_session_token(r, tok, sizeof(tok));
	struct edit_actor who = { r->user.id, r->user.name };
	if (account_set_password(r->st, &who, r->user.id, hash, keep, ended, &r->err) != LUP_OK)
		return http_fail(r);
	return 0;
}

int api_me_password(struct http_req *r)
{
	static const struct field fields[] = {
		{ "current_password", FT_STRING, 1, 0, 1024, NULL },
		{ "new_password", FT_STRING, 1, 0, 1024, NULL },
	};
	struct http_fields errs = { .n = 0 };
	struct body b;
	int ended = 0, rc;

	if ((rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	if (strlen(b.s[1]) < 10)
		http_field_error(r, &errs, "new_password", "at least 10 characters");
	if (errs.n)
		return http_fields_reply(r, &errs, 422);
	if ((rc = api_password_change(r, b.s[0], b.s[1], &ended)) != 0)
		return rc;
	struct json *j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "password_changed"); json_bool(j, 1);
	json_key(j, "sessions_ended"); json_int(j, ended);
	json_obj_close(j);
	return http_json_end(r, j);
}

int api_tokens_list(struct http_req *r)
{
	static const char *const bools[] = { "revoked", NULL };
	const char *user = http_query(r, "user");
	int64_t id = 0;

	if (user) {
		struct sval v = SVS(user);
		if (store_query_id(r->st, STMT_USER_BY_NAME, &v, 1, &id, &r->err) != LUP_OK)
			return http_fail(r);
		if (!id)
			return http_error(r, 404, "not_found", "no user '%s'", user);
	}
	struct sval arg = SVID(id);
	return rows_reply(r, STMT_TOKEN_LIST, &arg, 1, bools);
}

struct token_show {
	int64_t id;
	char user[128];
	int revoked;
};

static int token_show_row(void *ctx, const struct store_row *row)
{
	struct token_show *t = ctx;

	t->id = store_col_int(row, 0);
	snprintf(t->user, sizeof(t->user), "%s", store_col_text(row, 1));
	t->revoked = (int)store_col_int(row, 3);
	return 1;
}

int api_token_revoke(struct http_req *r)
{
	struct token_show t = { 0, "", 0 };
	int64_t id = 0;
	int changed = 0, rc;

	if ((rc = api_id_param(r, 0, STMT__MAX, "token", &id)) != 0)
		return rc;
	struct edit_actor who = { r->user.id, r->user.name };
	if (account_revoke_token(r->st, &who, id, &changed, &r->err) != LUP_OK)
		return r->err.code == LUP_ENOTFOUND ? http_error(r, 404, "not_found", "no token %lld", (long long)id)
						    : http_fail(r);
	struct sval v = SVI(id);
	if (store_query(r->st, STMT_TOKEN_SHOW, &v, 1, token_show_row, &t, &r->err) != LUP_OK)
		return http_fail(r);
	struct json *j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "id"); json_int(j, id);
	json_key(j, "user"); json_str(j, t.user);
	json_key(j, "revoked"); json_bool(j, 1);
	json_key(j, "changed"); json_bool(j, changed > 0);
	json_obj_close(j);
	return http_json_end(r, j);
}
