/* cache.c: the response cache and its invalidation by scope (see cache.h). */
#include "web/cache.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/hash.h"
#include "core/xalloc.h"
#include "store/store.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct entry {
	char *key;
	int64_t gen;		/* the generation it was made at */
	int64_t org;		/* its scope: an organisation, or 0 (the city) */
	int pub;		/* made for an anonymous caller: only writes the public sees drop it */
	char *body;
	size_t len;
	char etag[40];
	char ctype[CACHE_CTYPE];
	uint64_t used;		/* clock of the last use, for replacement */
};

/* The newest audit entry that touched one organisation, and the newest the public sees. */
struct touch {
	int64_t org;		/* 0: a free slot */
	int64_t id, pub_id;
};

/* Guarded by lock: the entries and what this process knows of the writes. Invariant: every
 * audit entry up to seen has been applied to floor and touched. */
static struct entry slots[CACHE_SLOTS];
static struct touch touched[CACHE_ORGS];
static int64_t seen;		/* the newest audit entry mapped */
static int64_t pub_seen;	/* the newest entry mapped that the public sees */
static int64_t floor_id;	/* the newest entry that touched everything */
static uint64_t tick;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* The views being made after a miss (cache_claim), guarded by lock; landed is signalled when one
 * is done. */
static char *flights[CACHE_FLIGHTS];
static pthread_cond_t landed = PTHREAD_COND_INITIALIZER;
/* One sync at a time (a sync reads the store without holding lock). */
static pthread_mutex_t sync_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t slot_of(const char *key)
{
	return (size_t)(hash_fnv1a(key, strlen(key)) % CACHE_SLOTS);
}

/* touch_slot: org's slot in touched (lock held), or NULL when the table is full. */
static struct touch *touch_slot(int64_t org)
{
	size_t h = (size_t)((uint64_t)org * 11400714819323198485ULL >> 32) % CACHE_ORGS;

	for (size_t n = 0; n < CACHE_ORGS; n++, h = (h + 1) % CACHE_ORGS)
		if (touched[h].org == org || touched[h].org == 0)
			return &touched[h];
	return NULL;
}

/* valid: may e be served (lock held)? See cache.h. */
static int valid(const struct entry *e)
{
	struct touch *t;

	if (e->org <= 0)
		return e->gen >= (e->pub ? pub_seen : seen);
	if (e->gen < floor_id)
		return 0;
	t = touch_slot(e->org);
	return !t || t->org == 0 || e->gen >= (e->pub ? t->pub_id : t->id);
}

int cache_get(const char *key, struct buf *body, char ctype[CACHE_CTYPE], char etag[40])
{
	struct entry *e;
	int hit = 0;

	pthread_mutex_lock(&lock);
	e = &slots[slot_of(key)];
	if (e->key && strcmp(e->key, key) == 0 && valid(e)) {
		buf_reset(body);
		hit = buf_add(body, e->body, e->len) == 0;
		memcpy(etag, e->etag, 40);
		memcpy(ctype, e->ctype, CACHE_CTYPE);
		e->used = ++tick;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void cache_put(const char *key, int64_t gen, int64_t org, int pub, const char *body, size_t len,
	       const char *ctype, const char *etag)
{
	struct entry *e;

	if (len > CACHE_MAX_BODY)
		return;
	pthread_mutex_lock(&lock);
	e = &slots[slot_of(key)];
	free(e->key);
	free(e->body);
	e->key = xstrdup(key);
	e->body = xmalloc(len ? len : 1);
	memcpy(e->body, body, len);
	e->len = len;
	e->gen = gen;
	e->org = org;
	e->pub = pub;
	snprintf(e->etag, sizeof(e->etag), "%s", etag);
	snprintf(e->ctype, sizeof(e->ctype), "%s", ctype);
	e->used = ++tick;
	pthread_mutex_unlock(&lock);
}

/* flight_of: key's slot in flights (lock held), or NULL. */
static char **flight_of(const char *key)
{
	for (size_t i = 0; i < CACHE_FLIGHTS; i++)
		if (flights[i] && strcmp(flights[i], key) == 0)
			return &flights[i];
	return NULL;
}

int cache_claim(const char *key)
{
	struct timespec until;
	int rc = 1;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += CACHE_WAIT_MS / 1000;
	until.tv_nsec += (long)(CACHE_WAIT_MS % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lock);
	if (flight_of(key)) {
		/* another request makes it: wait until it is done (or the wait's bound) */
		while (flight_of(key) && pthread_cond_timedwait(&landed, &lock, &until) == 0)
			;
		rc = 0;
	} else {
		/* this request makes it (with every slot taken, unannounced) */
		for (size_t i = 0; i < CACHE_FLIGHTS; i++)
			if (!flights[i]) {
				flights[i] = xstrdup(key);
				break;
			}
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

void cache_done(const char *key)
{
	char **f;

	pthread_mutex_lock(&lock);
	if ((f = flight_of(key))) {
		free(*f);
		*f = NULL;
		pthread_cond_broadcast(&landed);
	}
	pthread_mutex_unlock(&lock);
}

/* apply: one row of STMT_CACHE_TOUCHED (audit id, org: -1 mapped, 0 everything; pub: whether
 * the public may see the change). */
static int apply(void *ctx, const struct store_row *row)
{
	int64_t id = store_col_int(row, 0), org = store_col_int(row, 1), *newest = ctx;
	int pub = store_col_int(row, 2) != 0;
	struct touch *t;

	if (id > *newest)
		*newest = id;
	pthread_mutex_lock(&lock);
	if (pub && id > pub_seen)
		pub_seen = id;
	if (org == 0 || (org > 0 && !(t = touch_slot(org)))) {
		if (id > floor_id)
			floor_id = id;
	} else if (org > 0) {
		t->org = org;
		if (id > t->id)
			t->id = id;
		if (pub && id > t->pub_id)
			t->pub_id = id;
	}
	pthread_mutex_unlock(&lock);
	return 0;
}

/* seen_set: everything up to id is applied; with all set, it touched everything (also what
 * the public sees). */
static void seen_set(int64_t id, int all)
{
	pthread_mutex_lock(&lock);
	if (all) {
		if (id > floor_id)
			floor_id = id;
		if (id > pub_seen)
			pub_seen = id;
	}
	if (id > seen)
		seen = id;
	pthread_mutex_unlock(&lock);
}

int cache_sync(struct store *st, int64_t gen, struct err *e)
{
	int64_t from, newest = 0;
	int rc = LUP_OK;

	pthread_mutex_lock(&lock);
	from = seen;
	pthread_mutex_unlock(&lock);
	if (gen <= from)
		return LUP_OK;
	pthread_mutex_lock(&sync_lock);
	pthread_mutex_lock(&lock);
	from = seen;
	pthread_mutex_unlock(&lock);
	if (gen <= from) {
		/* another thread synced meanwhile */
	} else if (from == 0 || gen - from > CACHE_SYNC_MAX) {
		/* the first request (nothing cached yet) or too much at once: drop everything */
		seen_set(gen, 1);
	} else {
		struct sval arg = SVI(from);
		if ((rc = store_query(st, STMT_CACHE_TOUCHED, &arg, 1, apply, &newest, e)) == LUP_OK)
			seen_set(newest > gen ? newest : gen, 0);
	}
	pthread_mutex_unlock(&sync_lock);
	return rc;
}

void cache_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		free(slots[i].key);
		free(slots[i].body);
		memset(&slots[i], 0, sizeof(slots[i]));
	}
	for (size_t i = 0; i < CACHE_FLIGHTS; i++) {
		free(flights[i]);
		flights[i] = NULL;
	}
	memset(touched, 0, sizeof(touched));
	seen = pub_seen = floor_id = 0;
	pthread_mutex_unlock(&lock);
}
