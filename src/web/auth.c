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

#define THROTTLE_SLOTS 512
#define THROTTLE_FREE_FAILS 5		/* failures allowed before slowing down */
#define THROTTLE_WINDOW 900.0		/* seconds a failure is remembered */
#define THROTTLE_MAX_WAIT 900.0
#define TOKEN_CACHE 64
#define TOKEN_CACHE_SECONDS 60.0

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

int auth_hash_password(const char *pw, char out[AUTH_HASH_MAX])
{
	char tmp[crypto_pwhash_STRBYTES];

	if (crypto_pwhash_str(tmp, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return -1;
	snprintf(out, AUTH_HASH_MAX, "%s", tmp);
	return 0;
}

int auth_verify_password(const char *hash, const char *pw)
{
	return hash && pw && crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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

struct slot {
	char key[192];
	int fails;
	double first, until;
};

static struct slot slots[THROTTLE_SLOTS];
static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;

static struct slot *slot_for(const char *key, int create)
{
	struct slot *oldest = &slots[0];
	double now = mono();

	for (int i = 0; i < THROTTLE_SLOTS; i++) {
		if (slots[i].key[0] && strcmp(slots[i].key, key) == 0) {
			if (now - slots[i].first > THROTTLE_WINDOW && now > slots[i].until) {
				slots[i].fails = 0;
				slots[i].first = now;
			}
			return &slots[i];
		}
		if (!slots[i].key[0] || slots[i].first < oldest->first)
			oldest = &slots[i];
	}
	if (!create)
		return NULL;
	memset(oldest, 0, sizeof(*oldest));
	snprintf(oldest->key, sizeof(oldest->key), "%s", key);
	oldest->first = now;
	return oldest;
}

/* throttled: seconds the caller must still wait for key (0 when it may try). */
static double throttled(const char *key)
{
	struct slot *s;
	double wait = 0, now = mono();

	pthread_mutex_lock(&slots_lock);
	if ((s = slot_for(key, 0)) && s->until > now)
		wait = s->until - now;
	pthread_mutex_unlock(&slots_lock);
	return wait;
}

static void record_failure(const char *key)
{
	struct slot *s;

	pthread_mutex_lock(&slots_lock);
	s = slot_for(key, 1);
	s->fails++;
	if (s->fails >= THROTTLE_FREE_FAILS) {
		double wait = 1.0;
		for (int i = THROTTLE_FREE_FAILS; i < s->fails && wait < THROTTLE_MAX_WAIT; i++)
			wait *= 2;
		s->until = mono() + (wait > THROTTLE_MAX_WAIT ? THROTTLE_MAX_WAIT : wait);
	}
	pthread_mutex_unlock(&slots_lock);
}

static void record_success(const char *key)
{
	struct slot *s;

	pthread_mutex_lock(&slots_lock);
	if ((s = slot_for(key, 0)))
		memset(s, 0, sizeof(*s));
	pthread_mutex_unlock(&slots_lock);
}

void auth_throttle_reset(void)
{
	pthread_mutex_lock(&slots_lock);
	memset(slots, 0, sizeof(slots));
	pthread_mutex_unlock(&slots_lock);
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

/* The token cache: verified tokens for a minute, so that Argon2id runs once per minute per
 * token rather than on every request. */
struct cached {
	unsigned char h[32];
	struct http_user user;
	double until;
};
static struct cached cache[TOKEN_CACHE];
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static int cache_get(const unsigned char h[32], struct http_user *u)
{
	int hit = 0;
	double now = mono();

	pthread_mutex_lock(&cache_lock);
	for (int i = 0; i < TOKEN_CACHE && !hit; i++)
		if (cache[i].until > now && sodium_memcmp(cache[i].h, h, 32) == 0) {
			*u = cache[i].user;
			hit = 1;
		}
	pthread_mutex_unlock(&cache_lock);
	return hit;
}

static void cache_put(const unsigned char h[32], const struct http_user *u)
{
	int k = 0;

	pthread_mutex_lock(&cache_lock);
	for (int i = 1; i < TOKEN_CACHE; i++)
		if (cache[i].until < cache[k].until)
			k = i;
	memcpy(cache[k].h, h, 32);
	cache[k].user = *u;
	cache[k].until = mono() + TOKEN_CACHE_SECONDS;
	pthread_mutex_unlock(&cache_lock);
}

struct token_ctx {
	struct http_req *r;
	const char *secret;
	int ok;
};

static int token_row(void *ctx, const struct store_row *row)
{
	struct token_ctx *c = ctx;

	c->ok = auth_verify_password(store_col_text(row, 6), c->secret) && fill_user(c->r, row, 4, 5);
	return 1;
}

static int by_token(struct http_req *r, const char *token)
{
	unsigned char h[32];
	char idbuf[24], now[32];
	const char *p, *sep;
	struct token_ctx c = { r, NULL, 0 };
	size_t n;

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	if (cache_get(h, &r->user))
		return 0;
	if (strncmp(token, "lup_", 4) != 0 || !(sep = strchr(token + 4, '_')))
		return unauthenticated(r, "malformed token");
	p = token + 4;
	n = (size_t)(sep - p);
	if (n == 0 || n >= sizeof(idbuf) || strspn(p, "0123456789") != n)
		return unauthenticated(r, "malformed token");
	memcpy(idbuf, p, n);
	idbuf[n] = '\0';
	c.secret = sep + 1;
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVI(strtoll(idbuf, NULL, 10)), SVS(now) };
	if (store_query(r->st, STMT_TOKEN_GET, args, 2, token_row, &c, &r->err) != LUP_OK)
		return http_fail(r);
	if (!c.ok)
		return unauthenticated(r, "unknown, revoked or expired token");
	cache_put(h, &r->user);
	return 0;
}

int auth_identify(struct http_req *r)
{
	const char *az = http_header_in(r, "Authorization");
	char tok[160];

	memset(&r->user, 0, sizeof(r->user));
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

int auth_login(struct http_req *r, const char *name, const char *password, int secure_cookie)
{
	char ukey[192], akey[192];
	struct login_ctx c = { r, password, 0, 0 };
	double wait;

	snprintf(ukey, sizeof(ukey), "u:%s", name);
	snprintf(akey, sizeof(akey), "a:%s", r->remote ? r->remote : "?");
	if ((wait = throttled(ukey)) > 0 || (wait = throttled(akey)) > 0)
		return too_many(r, wait);
	struct sval arg = SVS(name);
	if (store_query(r->st, STMT_USER_BY_NAME, &arg, 1, login_row, &c, &r->err) != LUP_OK)
		return http_fail(r);
	if (!c.ok) {
		if (!c.found)	/* spend the same time on unknown names */
			auth_verify_password(dummy_hash, password);
		memset(&r->user, 0, sizeof(r->user));
		record_failure(ukey);
		record_failure(akey);
		return http_error(r, 401, "bad_credentials", "wrong user name or password");
	}
	record_success(ukey);
	record_success(akey);
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
