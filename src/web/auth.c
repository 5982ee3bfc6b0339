/* auth.c: passwords, sessions, API tokens and the login throttle. */
#include "web/auth.h"
#include "web/routes.h"
#include "render/json.h"
#include "store/store.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define THROTTLE_ACCOUNT_FREE 5		/* failures an account may have before it is slowed down */
#define THROTTLE_ADDRESS_FREE 20	/* the same for a client address (shared behind NAT) */
#define THROTTLE_WINDOW 900		/* seconds a failure is remembered */
#define THROTTLE_MAX_WAIT 900		/* the longest wait, in seconds */
#define TOKEN_CACHE 64

static void hex_random(char *out, size_t nbytes);

/* A real hash of a throw-away password, checked against when a login names an unknown user
 * so that such a login takes as long as a wrong password. */
static char dummy_hash[AUTH_HASH_MAX];

int auth_init(void)
{
	char pw[33];

	if (sodium_init() < 0)
		return -1;
	if (!dummy_hash[0]) {
		hex_random(pw, 16);
		if (auth_hash_password(pw, dummy_hash) != 0)
			return -1;
	}
	return 0;
}

int auth_test_pwhash(void)
{
	const char *v = getenv("LUP_TEST_PWHASH");

	return v && strcmp(v, "fast") == 0;
}

int auth_hash_password(const char *pw, char out[AUTH_HASH_MAX])
{
	char tmp[crypto_pwhash_STRBYTES];
	int fast = auth_test_pwhash();

	if (crypto_pwhash_str(tmp, pw, strlen(pw),
			      fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return -1;
	snprintf(out, AUTH_HASH_MAX, "%s", tmp);
	return 0;
}

int auth_verify_password(const char *hash, const char *pw)
{
	return hash && pw && crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

static void hex_random(char *out, size_t nbytes)
{
	unsigned char b[64];

	randombytes_buf(b, nbytes);
	sodium_bin2hex(out, nbytes * 2 + 1, b, nbytes);
}

static void hash_hex(const char *s, char out[65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)s, strlen(s), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static void iso_after(double seconds, char *out, size_t n)
{
	time_t t = time(NULL) + (time_t)seconds;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* --- the login throttle -------------------------------------------------------------- */

/* The failure counts live in the database (table login_failure, migration 0013): no number of
 * other failures can push a counted account or address out before its window ends, every
 * worker thread sees the same counts, and a restart keeps them. */

/* throttled: into *wait the seconds the caller must still wait for key (0: it may try).
 * Returns LUP_OK or a store error in r->err. */
static int throttled(struct http_req *r, const char *key, int64_t *wait)
{
	int64_t until = 0, now = (int64_t)time(NULL);
	struct sval args[] = { SVS(key), SVI(now) };
	int rc = store_query_id(r->st, STMT_THROTTLE_WAIT, args, 2, &until, &r->err);

	*wait = until > now ? until - now : 0;
	return rc;
}

/* record_failure: counts one failure for key (in the caller's transaction) and blocks it for
 * 1, 2, 4 ... s (at most THROTTLE_MAX_WAIT) from its free-th failure in the window on. */
static int record_failure(struct http_req *r, const char *key, int free_fails)
{
	int64_t now = (int64_t)time(NULL);
	struct sval fail[] = { SVS(key), SVI(now), SVI(THROTTLE_WINDOW) };
	struct sval block[] = { SVS(key), SVI(now), SVI(free_fails), SVI(THROTTLE_MAX_WAIT) };
	int rc;

	if ((rc = store_exec(r->st, STMT_THROTTLE_FAIL, fail, 3, NULL, NULL, &r->err)) != LUP_OK)
		return rc;
	return store_exec(r->st, STMT_THROTTLE_BLOCK, block, 4, NULL, NULL, &r->err);
}

/* record_failures: prunes the ended windows and counts a failure for the account and the
 * address, in one transaction. */
static int record_failures(struct http_req *r, const char *ukey, const char *akey)
{
	struct sval prune[] = { SVI((int64_t)time(NULL)), SVI(THROTTLE_WINDOW) };

	if (store_begin(r->st, &r->err) != LUP_OK)
		return r->err.code;
	if (store_exec(r->st, STMT_THROTTLE_PRUNE, prune, 2, NULL, NULL, &r->err) != LUP_OK ||
	    record_failure(r, ukey, THROTTLE_ACCOUNT_FREE) != LUP_OK ||
	    record_failure(r, akey, THROTTLE_ADDRESS_FREE) != LUP_OK ||
	    store_commit(r->st, &r->err) != LUP_OK) {
		store_rollback(r->st);
		return r->err.code ? r->err.code : LUP_EDB;
	}
	return LUP_OK;
}

/* --- identities ------------------------------------------------------------------------- */

/* fill_user: r->user from a row (id, name, org_id, role, ..., disabled at dcol, pair at pcol). */
static int fill_user(struct http_req *r, const struct store_row *row, int dcol, int pcol)
{
	struct http_user *u = &r->user;

	if (store_col_int(row, dcol))
		return 0;
	u->id = store_col_int(row, 0);
	snprintf(u->name, sizeof(u->name), "%s", store_col_text(row, 1));
	u->org_id = store_col_int(row, 2);
	u->role = role_parse(store_col_text(row, 3));
	u->org_pair = store_col_int(row, pcol);
	return 1;
}

struct session_ctx {
	struct http_req *r;
	int found;
};

static int session_row(void *ctx, const struct store_row *row)
{
	struct session_ctx *c = ctx;

	if ((c->found = fill_user(c->r, row, 4, 5))) {
		snprintf(c->r->user.csrf, sizeof(c->r->user.csrf), "%s", store_col_text(row, 6));
		c->r->user.by_cookie = 1;
	}
	return 1;
}

/* cookie_value: the value of cookie name in the Cookie header, copied into buf. */
static const char *cookie_value(struct http_req *r, const char *name, char *buf, size_t n)
{
	const char *c = http_header_in(r, "Cookie"), *p;
	size_t nl = strlen(name);

	for (p = c; p && *p;) {
		while (*p == ' ' || *p == ';')
			p++;
		if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
			size_t len = strcspn(p + nl + 1, ";");
			if (len >= n)
				return NULL;
			memcpy(buf, p + nl + 1, len);
			buf[len] = '\0';
			return buf;
		}
		p = strchr(p, ';');
	}
	return NULL;
}

static int unauthenticated(struct http_req *r, const char *why)
{
	memset(&r->user, 0, sizeof(r->user));
	http_header(r, "WWW-Authenticate", "Bearer realm=\"lup\", error=\"invalid_token\"");
	return http_error(r, 401, "unauthenticated", "%s", why);
}

static int by_cookie(struct http_req *r, const char *token)
{
	char h[65], now[32];
	struct session_ctx c = { r, 0 };

	hash_hex(token, h);
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVS(h), SVS(now) };
	if (store_query(r->st, STMT_SESSION_GET, args, 2, session_row, &c, &r->err) != LUP_OK)
		return http_fail(r);
	if (c.found)
		return 0;
	if (http_is_page(r)) {
		/* an ended session on a page: go on as anonymous and drop the stale cookie */
		memset(&r->user, 0, sizeof(r->user));
		http_header(r, "Set-Cookie", AUTH_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
		return 0;
	}
	return unauthenticated(r, "the session has ended: log in again");
}

/* The token cache: which presented tokens have passed the Argon2id check against which stored
 * hash, so that Argon2id runs once per token and not on every request. It remembers only that
 * check, never who may do what: every request still reads the token's row (STMT_TOKEN_GET, one
 * primary-key lookup that leaves out revoked and expired tokens) and its user's row (disabled,
 * role, organisation), so that a revocation, a disabled user or a new role, whether made by
 * this server or by `lup` in another process, takes effect on the next request. */
struct cached {
	unsigned char h[32];		/* BLAKE2b of the presented token */
	unsigned char stored[32];	/* BLAKE2b of the stored Argon2id hash it matched */
	uint64_t used;			/* when it was last used (a counter), for replacement */
};
static struct cached cache[TOKEN_CACHE];
static uint64_t cache_tick;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static int cache_has(const unsigned char h[32], const unsigned char stored[32])
{
	int hit = 0;

	pthread_mutex_lock(&cache_lock);
	for (int i = 0; i < TOKEN_CACHE && !hit; i++)
		if (cache[i].used && sodium_memcmp(cache[i].h, h, 32) == 0 &&
		    sodium_memcmp(cache[i].stored, stored, 32) == 0) {
			cache[i].used = ++cache_tick;
			hit = 1;
		}
	pthread_mutex_unlock(&cache_lock);
	return hit;
}

static void cache_put(const unsigned char h[32], const unsigned char stored[32])
{
	int k = 0;

	pthread_mutex_lock(&cache_lock);
	for (int i = 1; i < TOKEN_CACHE; i++)
		if (cache[i].used < cache[k].used)
			k = i;
	memcpy(cache[k].h, h, 32);
	memcpy(cache[k].stored, stored, 32);
	cache[k].used = ++cache_tick;
	pthread_mutex_unlock(&cache_lock);
}

struct token_ctx {
	struct http_req *r;
	const char *secret;
	const unsigned char *h;		/* BLAKE2b of the whole presented token */
	int ok;
};

static int token_row(void *ctx, const struct store_row *row)
{
	struct token_ctx *c = ctx;
	const char *hash = store_col_text(row, 6);
	unsigned char stored[32];

	crypto_generichash(stored, sizeof(stored), (const unsigned char *)hash, strlen(hash), NULL, 0);
	if (cache_has(c->h, stored))
		c->ok = 1;
	else if ((c->ok = auth_verify_password(hash, c->secret)))
		cache_put(c->h, stored);
	c->ok = c->ok && fill_user(c->r, row, 4, 5);
	return 1;
}

static int by_token(struct http_req *r, const char *token)
{
	unsigned char h[32];
	char idbuf[24], now[32];
	const char *p, *sep;
	struct token_ctx c = { r, NULL, h, 0 };
	size_t n;

	if (strncmp(token, "lup_", 4) != 0 || !(sep = strchr(token + 4, '_')))
		return unauthenticated(r, "malformed token");
	p = token + 4;
	n = (size_t)(sep - p);
	if (n == 0 || n >= sizeof(idbuf) || strspn(p, "0123456789") != n)
		return unauthenticated(r, "malformed token");
	memcpy(idbuf, p, n);
	idbuf[n] = '\0';
	c.secret = sep + 1;
	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVI(strtoll(idbuf, NULL, 10)), SVS(now) };
	if (store_query(r->st, STMT_TOKEN_GET, args, 2, token_row, &c, &r->err) != LUP_OK)
		return http_fail(r);
	if (!c.ok)
		return unauthenticated(r, "unknown, revoked or expired token, or a disabled user");
	return 0;
}

/* is_login: does the request go to a login route (R_LOGIN)? A login is served without the
 * caller's old credentials, which it replaces. */
static int is_login(struct http_req *r)
{
	const struct route *rt;

	if (r->method != HTTP_POST)
		return 0;
	rt = route_find(r);
	return rt && (rt->flags & R_LOGIN);
}

int auth_identify(struct http_req *r)
{
	const char *az = http_header_in(r, "Authorization");
	char tok[160];

	memset(&r->user, 0, sizeof(r->user));
	if ((az || http_header_in(r, "Cookie")) && is_login(r))
		return 0;
	if (az) {
		if (strncmp(az, "Bearer ", 7) != 0 || strlen(az + 7) >= 150)
			return unauthenticated(r, "use 'Authorization: Bearer TOKEN'");
		return by_token(r, az + 7);
	}
	if (cookie_value(r, AUTH_COOKIE, tok, sizeof(tok)))
		return by_cookie(r, tok);
	return 0;
}

int auth_csrf_matches(struct http_req *r, const char *t)
{
	return t && r->user.by_cookie && r->user.csrf[0] && strlen(t) == strlen(r->user.csrf) &&
	       sodium_memcmp(t, r->user.csrf, strlen(t)) == 0;
}

int auth_check_csrf(struct http_req *r)
{
	if (auth_csrf_matches(r, http_header_in(r, "X-CSRF-Token")))
		return 0;
	return http_error(r, 403, "csrf", "a write with a session cookie needs the X-CSRF-Token header");
}

/* --- login, logout, tokens ------------------------------------------------------------- */

struct login_ctx {
	struct http_req *r;
	const char *pw;
	int found, ok;
};

static int login_row(void *ctx, const struct store_row *row)
{
	struct login_ctx *c = ctx;

	c->found = 1;
	c->ok = auth_verify_password(store_col_text(row, 4), c->pw) && fill_user(c->r, row, 5, 6);
	return 1;
}

static int too_many(struct http_req *r, double wait)
{
	char s[32];

	snprintf(s, sizeof(s), "%d", (int)wait + 1);
	http_header(r, "Retry-After", s);
	return http_error(r, 429, "too_many_attempts", "too many failed logins: try again in %s s", s);
}

static int start_session(struct http_req *r, int secure)
{
	char token[65], h[65], csrf[65], now[32], until[32], cookie[256];
	struct json *j;

	hex_random(token, 32);
	hex_random(csrf, 32);
	hash_hex(token, h);
	http_now_iso(now, sizeof(now));
	iso_after(AUTH_SESSION_SECONDS, until, sizeof(until));
	struct sval purge = SVS(now);
	struct sval args[] = { SVS(h), SVI(r->user.id), SVS(csrf), SVS(now), SVS(until) };
	if (store_exec(r->st, STMT_SESSION_PURGE, &purge, 1, NULL, NULL, &r->err) != LUP_OK ||
	    store_exec(r->st, STMT_SESSION_INSERT, args, 5, NULL, NULL, &r->err) != LUP_OK)
		return http_fail(r);
	snprintf(cookie, sizeof(cookie), "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s",
		 AUTH_COOKIE, token, AUTH_SESSION_SECONDS, secure ? "; Secure" : "");
	http_header(r, "Set-Cookie", cookie);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "user"); json_str(j, r->user.name);
	json_key(j, "role"); json_str(j, role_name(r->user.role));
	json_key(j, "csrf_token"); json_str(j, csrf);
	json_key(j, "expires_at"); json_str(j, until);
	json_obj_close(j);
	return http_json_end(r, j);
}

/* end_old_session: ends the session of the cookie the request carries, if any (a login
 * replaces it). */
static int end_old_session(struct http_req *r)
{
	char tok[160], h[65];

	if (!cookie_value(r, AUTH_COOKIE, tok, sizeof(tok)))
		return LUP_OK;
	hash_hex(tok, h);
	struct sval arg = SVS(h);
	return store_exec(r->st, STMT_SESSION_DELETE, &arg, 1, NULL, NULL, &r->err);
}

int auth_login(struct http_req *r, const char *name, const char *password, int secure_cookie)
{
	char ukey[192], akey[192];
	struct login_ctx c = { r, password, 0, 0 };
	int64_t wait = 0;

	snprintf(ukey, sizeof(ukey), "u:%s", name);
	snprintf(akey, sizeof(akey), "a:%s", r->remote ? r->remote : "?");
	if (throttled(r, ukey, &wait) != LUP_OK || (!wait && throttled(r, akey, &wait) != LUP_OK))
		return http_fail(r);
	if (wait > 0)
		return too_many(r, (double)wait);
	struct sval arg = SVS(name);
	if (store_query(r->st, STMT_USER_BY_NAME, &arg, 1, login_row, &c, &r->err) != LUP_OK)
		return http_fail(r);
	if (!c.ok) {
		/* a disabled user gets the same answer as a wrong password */
		if (!c.found)	/* spend the same time on unknown names */
			auth_verify_password(dummy_hash, password);
		memset(&r->user, 0, sizeof(r->user));
		if (record_failures(r, ukey, akey) != LUP_OK)
			return http_fail(r);
		return http_error(r, 401, "bad_credentials", "wrong user name or password");
	}
	/* only the account's own count is forgotten: the address's failures stay counted, so
	 * that logging in to an account of one's own does not lift the limit on guessing others */
	struct sval clear = SVS(ukey);
	if (store_exec(r->st, STMT_THROTTLE_CLEAR, &clear, 1, NULL, NULL, &r->err) != LUP_OK ||
	    end_old_session(r) != LUP_OK)
		return http_fail(r);
	return start_session(r, secure_cookie);
}

int auth_logout(struct http_req *r, int secure_cookie)
{
	char tok[160], h[65], cookie[160];
	struct json *j;

	if (cookie_value(r, AUTH_COOKIE, tok, sizeof(tok))) {
		hash_hex(tok, h);
		struct sval arg = SVS(h);
		if (store_exec(r->st, STMT_SESSION_DELETE, &arg, 1, NULL, NULL, &r->err) != LUP_OK)
			return http_fail(r);
	}
	snprintf(cookie, sizeof(cookie), "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s",
		 AUTH_COOKIE, secure_cookie ? "; Secure" : "");
	http_header(r, "Set-Cookie", cookie);
	j = http_json_begin(r, 200);
	json_obj_open(j);
	json_key(j, "logged_out"); json_bool(j, 1);
	json_obj_close(j);
	return http_json_end(r, j);
}

int auth_end_sessions(struct store *st, int64_t user_id, const char *keep, int *ended, struct err *e)
{
	char h[65];

	if (keep)
		hash_hex(keep, h);
	struct sval args[] = { SVI(user_id), keep ? SVS(h) : SVNULL };
	return store_exec(st, STMT_SESSION_DELETE_USER, args, 2, NULL, ended, e);
}

int auth_recheck_password(struct http_req *r, const char *password)
{
	char ukey[192], akey[192];
	struct http_user keep = r->user;
	struct login_ctx c = { r, password, 0, 0 };
	int64_t wait = 0;

	snprintf(ukey, sizeof(ukey), "u:%s", keep.name);
	snprintf(akey, sizeof(akey), "a:%s", r->remote ? r->remote : "?");
	if (throttled(r, ukey, &wait) != LUP_OK || (!wait && throttled(r, akey, &wait) != LUP_OK))
		return http_fail(r);
	if (wait > 0)
		return too_many(r, (double)wait);
	struct sval arg = SVS(keep.name);
	int rc = store_query(r->st, STMT_USER_BY_NAME, &arg, 1, login_row, &c, &r->err);
	int64_t found = r->user.id;	/* the row's user, when the password matched */

	r->user = keep;
	if (rc != LUP_OK)
		return http_fail(r);
	if (!c.ok || found != keep.id) {
		if (record_failures(r, ukey, akey) != LUP_OK)
			return http_fail(r);
		return http_error(r, 403, "bad_credentials", "the current password is wrong");
	}
	return 0;
}

int auth_token_create(struct store *st, int64_t user_id, const char *label, char *out, size_t outsz,
		      struct err *e)
{
	char secret[65], hash[AUTH_HASH_MAX], now[32];
	int64_t id = 0;
	int rc;

	hex_random(secret, 32);
	if (auth_hash_password(secret, hash) != 0)
		return err_set(e, LUP_EDB, "cannot hash the token (out of memory)");
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVI(user_id), SVS(label), SVS(hash), SVS(now), SVNULL };
	if ((rc = store_exec(st, STMT_TOKEN_INSERT, args, 5, &id, NULL, e)) != LUP_OK)
		return rc;
	snprintf(out, outsz, "lup_%lld_%s", (long long)id, secret);
	return LUP_OK;
}

const char *auth_session_token(struct http_req *r, char *buf, size_t n)
{
	return cookie_value(r, AUTH_COOKIE, buf, n);
}
