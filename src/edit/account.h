/* account.h: the one write path of a user's credentials (password, disabled, API tokens), shared
 * by the CLI (`lup user`, `lup token`) and the API (/me/password, /users/{id}/disable|enable,
 * /tokens/{id}). Each function is one transaction with its audit entry; each takes effect on
 * the next request of a running server, since every request reads the user's and the token's
 * rows (web/auth.c). Authorisation is the caller's: only administrators reach the user and token
 * routes, the CLI is the machine's operator, and a password change is the user's own after the
 * current password was checked. */
#ifndef LUP_EDIT_ACCOUNT_H
#define LUP_EDIT_ACCOUNT_H

#include <stdint.h>

struct err;
struct store;

/* Who makes a change: the acting user (0 and a name such as "lup user" for the CLI). */
struct edit_actor {
	int64_t user_id;
	const char *name;
};

/*
 * account_set_password: stores hash (an Argon2id hash string) as user id's password and ends
 * every session of the user but the one whose cookie token is keep (NULL: all); API tokens are
 * separate credentials and stay. *ended gets the number of sessions ended. Returns LUP_OK or an
 * error in e (nothing changed).
 */
int account_set_password(struct store *st, const struct edit_actor *who, int64_t id, const char *hash,
			 const char *keep, int *ended, struct err *e);

/*
 * account_set_disabled: disables (disabled 1) or enables user id. Disabling ends the user's
 * sessions; its tokens are refused while it is disabled and work again once it is enabled.
 * *changed is 0 when the user was so already (nothing audited); *ended counts the sessions
 * ended. An actor cannot disable its own account (LUP_ECONFLICT). Returns LUP_OK or an error in
 * e (nothing changed).
 */
int account_set_disabled(struct store *st, const struct edit_actor *who, int64_t id, int disabled,
			 int *changed, int *ended, struct err *e);

/* account_revoke_token: revokes API token id (from the next request on); *changed is 0 when it
 * was revoked already. Returns LUP_OK, LUP_ENOTFOUND (no such token) or an error in e. */
int account_revoke_token(struct store *st, const struct edit_actor *who, int64_t id, int *changed,
			 struct err *e);

#endif
