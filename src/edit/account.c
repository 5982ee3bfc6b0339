/* account.c: the write path of a user's credentials (see account.h). */
#include "edit/account.h"
#include "core/err.h"
#include "store/audit.h"
#include "store/store.h"
#include "web/auth.h"	/* auth_end_sessions: the session store, which needs no request */

#include <stdio.h>

/* record: the audit entry of an update of entity id by who, flag before -> after. */
static int record(struct store *st, const struct edit_actor *who, const char *entity, int64_t id,
		  const char *before, const char *after, struct err *e)
{
	struct audit_rec rec = { NULL, who->user_id, who->name, "update", entity, id, before, after };

	return audit_write(st, &rec, e);
}

int account_set_password(struct store *st, const struct edit_actor *who, int64_t id, const char *hash,
			 const char *keep, int *ended, struct err *e)
{
	struct sval args[] = { SVI(id), SVS(hash) };

	*ended = 0;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (store_exec(st, STMT_USER_SET_PASSWORD, args, 2, NULL, NULL, e) != LUP_OK ||
	    auth_end_sessions(st, id, keep, ended, e) != LUP_OK ||
	    record(st, who, "user", id, NULL, "{\"password\":\"changed\"}", e) != LUP_OK ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	return LUP_OK;
err:
	store_rollback(st);
	return e->code;
}

int account_set_disabled(struct store *st, const struct edit_actor *who, int64_t id, int disabled,
			 int *changed, int *ended, struct err *e)
{
	struct sval args[] = { SVI(id), SVI(disabled) };
	const char *off = "{\"disabled\":false}", *on = "{\"disabled\":true}";

	*changed = *ended = 0;
	if (disabled && who->user_id && who->user_id == id)
		return err_set(e, LUP_ECONFLICT, "an administrator cannot disable its own account");
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (store_exec(st, STMT_USER_SET_DISABLED, args, 2, NULL, changed, e) != LUP_OK ||
	    (disabled && auth_end_sessions(st, id, NULL, ended, e) != LUP_OK) ||
	    (*changed && record(st, who, "user", id, disabled ? off : on, disabled ? on : off, e) != LUP_OK) ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	return LUP_OK;
err:
	store_rollback(st);
	return e->code;
}

int account_revoke_token(struct store *st, const struct edit_actor *who, int64_t id, int *changed,
			 struct err *e)
{
	struct sval v = SVI(id);
	int64_t found = 0;

	*changed = 0;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (store_query_id(st, STMT_TOKEN_SHOW, &v, 1, &found, e) != LUP_OK)
		goto err;
	if (!found) {
		store_rollback(st);
		return err_set(e, LUP_ENOTFOUND, "no token %lld", (long long)id);
	}
	if (store_exec(st, STMT_TOKEN_REVOKE, &v, 1, NULL, changed, e) != LUP_OK ||
	    (*changed && record(st, who, "api_token", id, "{\"revoked\":false}", "{\"revoked\":true}", e) != LUP_OK) ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	return LUP_OK;
err:
	store_rollback(st);
	return e->code;
}
