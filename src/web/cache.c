/* cache.c: the response cache (see cache.h). */
#include "web/cache.h"
#include "core/buf.h"
#include "core/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

struct entry {
	char *key;
	int64_t gen;
	char *body;
	size_t len;
	char etag[40];
	char ctype[CACHE_CTYPE];
	uint64_t used;		/* clock of the last use, for replacement */
};

static struct entry slots[CACHE_SLOTS];
static uint64_t tick;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static size_t slot_of(const char *key)
{
	uint64_t h = 1469598103934665603ULL;

	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (size_t)(h % CACHE_SLOTS);
}

int cache_get(const char *key, int64_t gen, struct buf *body, char ctype[CACHE_CTYPE], char etag[40])
{
	struct entry *e;
	int hit = 0;

	pthread_mutex_lock(&lock);
	e = &slots[slot_of(key)];
	if (e->key && e->gen == gen && strcmp(e->key, key) == 0) {
		buf_reset(body);
		hit = buf_add(body, e->body, e->len) == 0;
		memcpy(etag, e->etag, 40);
		memcpy(ctype, e->ctype, CACHE_CTYPE);
		e->used = ++tick;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void cache_put(const char *key, int64_t gen, const char *body, size_t len, const char *ctype,
	       const char *etag)
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
	snprintf(e->etag, sizeof(e->etag), "%s", etag);
	snprintf(e->ctype, sizeof(e->ctype), "%s", ctype);
	e->used = ++tick;
	pthread_mutex_unlock(&lock);
}

void cache_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		free(slots[i].key);
		free(slots[i].body);
		memset(&slots[i], 0, sizeof(slots[i]));
	}
	pthread_mutex_unlock(&lock);
}
