/* auth.h: passwords (Argon2id), cookie sessions with CSRF tokens, API tokens, and the login
 * throttle. Passwords and API token secrets are stored only as Argon2id hashes (libsodium);
 * session tokens only as a BLAKE2b hash. */
#ifndef LUP_AUTH_H
#define LUP_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "web/http.h"

struct store;
struct err;

#define AUTH_HASH_MAX 128		/* room for an Argon2id hash string */
#define AUTH_SESSION_SECONDS (8 * 3600)
#define AUTH_COOKIE "lup_session"

/* auth_init: initialises libsodium. Returns 0, or -1 when it cannot. Call once at start. */
int auth_init(void);

/* auth_test_pwhash: 1 when LUP_TEST_PWHASH=fast, the test suites' setting: new hashes (and the
 * unknown-user decoy) use Argon2id's minimum cost instead of the interactive one, so that the
 * suites' hundreds of logins and user accounts cost microseconds. Never for real accounts: a
 * server started with it says so on standard error. Hashes made without it are verified at
 * their own cost either way (the parameters are in the hash string). */
int auth_test_pwhash(void);

/* auth_hash_password: the Argon2id hash string of pw into out (AUTH_HASH_MAX bytes).
 * Returns 0, or -1 (out of memory). */
int auth_hash_password(const char *pw, char out[AUTH_HASH_MAX]);

/* auth_verify_password: 1 when pw matches the Argon2id hash, else 0. */
int auth_verify_password(const char *hash, const char *pw);

/*
 * auth_identify: sets r->user from the request's bearer token or session cookie (anonymous
 * when neither is given, and always for a login route, R_LOGIN). The token's and the session's
 * rows and their user's (disabled, role) are read on every request; only the Argon2id check of
 * a token is cached. A token or cookie that is given but invalid, revoked, expired or of a
 * disabled user answers 401 and returns it; else returns 0.
 */
int auth_identify(struct http_req *r);

/* auth_csrf_matches: 1 when token equals the CSRF token of the request's cookie session
 * (compared in constant time), else 0 (also when the caller has no cookie session). */
int auth_csrf_matches(struct http_req *r, const char *token);

/* auth_check_csrf: a cookie-authenticated write must send X-CSRF-Token equal to the session's.
 * Returns 0 or answers 403 and returns it. */
int auth_check_csrf(struct http_req *r);

/*
 * auth_login: checks name and password (throttled per account and per address: 429 with
 * Retry-After when too many recent failures; the counts are kept in the database), creates a
 * session, sets the cookie and writes the user and CSRF token as JSON. A disabled user gets
 * the wrong-password answer. The session of the cookie the request carries, if any, is ended:
 * the new one replaces it. Returns the status (200, 401, 429, 500).
 */
int auth_login(struct http_req *r, const char *name, const char *password, int secure_cookie);

/* auth_logout: ends the request's cookie session (if any) and clears the cookie. */
int auth_logout(struct http_req *r, int secure_cookie);

/*
 * auth_token_create: makes an API token for user_id, stores its Argon2id hash, and writes the
 * token (shown once) into out (at least 128 bytes). Returns LUP_OK or an error in e.
 */
int auth_token_create(struct store *st, int64_t user_id, const char *label, char *out, size_t outsz,
		      struct err *e);

/*
 * auth_end_sessions: ends every session of user_id but the one whose cookie token is keep
 * (NULL: all of them), as a password change or a disabled account must; *ended (may be NULL)
 * gets their number. Sessions are read from the database on every request, so this takes
 * effect on the next one. Returns LUP_OK or an error in e.
 */
int auth_end_sessions(struct store *st, int64_t user_id, const char *keep, int *ended, struct err *e);

/* auth_recheck_password: 0 when password is the logged-in caller's own, else answers (403
 * bad_credentials, counted by the login throttle; 429 while throttled; 500) and returns the
 * status. For a password change, which must know the current password. */
int auth_recheck_password(struct http_req *r, const char *password);

/* auth_session_token: the request's session cookie token into buf (n bytes), or NULL. */
const char *auth_session_token(struct http_req *r, char *buf, size_t n);

#endif
