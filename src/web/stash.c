/* stash.c: uploaded documents kept in memory between a dry run and its confirmation. */
#include "web/stash.h"
#include "core/xalloc.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct slot {
	int used;
	char token[STASH_TOKEN_HEX + 1];
	int64_t user_id;
	char session[STASH_SESSION_MAX];	/* zero-padded, compared whole */
	double born;				/* monotonic seconds */
	struct stash_item *it;
};

static struct slot slots[STASH_MAX_ITEMS];
static size_t bytes;			/* the data held */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* drop: frees slot s (with the lock held). */
static void drop(struct slot *s)
{
	bytes -= s->it->len;
	stash_item_free(s->it);
	memset(s, 0, sizeof(*s));
}

static void drop_expired(double t)
{
	for (int i = 0; i < STASH_MAX_ITEMS; i++)
		if (slots[i].used && t - slots[i].born > STASH_SECONDS)
			drop(&slots[i]);
}

/* oldest: the oldest used slot, of user_id when mine, else of anyone; -1 when none. */
static int oldest(int64_t user_id, int mine)
{
	int k = -1;

	for (int i = 0; i < STASH_MAX_ITEMS; i++)
		if (slots[i].used && (!mine || slots[i].user_id == user_id) && (k < 0 || slots[i].born < slots[k].born))
			k = i;
	return k;
}

/* make_room: frees slots until the user has fewer than STASH_PER_USER, a slot is free and
 * len more bytes fit; returns a free slot. */
static struct slot *make_room(int64_t user_id, size_t len)
{
	int n = 0, k;

	for (int i = 0; i < STASH_MAX_ITEMS; i++)
		n += slots[i].used && slots[i].user_id == user_id;
	for (; n >= STASH_PER_USER && (k = oldest(user_id, 1)) >= 0; n--)
		drop(&slots[k]);
	for (;;) {
		int free_slot = -1;
		for (int i = 0; i < STASH_MAX_ITEMS && free_slot < 0; i++)
			if (!slots[i].used)
				free_slot = i;
		if (free_slot >= 0 && bytes + len <= STASH_MAX_BYTES)
			return &slots[free_slot];
		if ((k = oldest(0, 0)) < 0)
			return &slots[0];	/* len alone passes the cap: callers keep it below */
		drop(&slots[k]);
	}
}

static void bind_session(char out[STASH_SESSION_MAX], const char *session)
{
	memset(out, 0, STASH_SESSION_MAX);
	if (session)
		strncpy(out, session, STASH_SESSION_MAX - 1);
}

void stash_put(int64_t user_id, const char *session, const char *kind, int year, const char *name,
	       const char *data, size_t len, char token[STASH_TOKEN_HEX + 1])
{
	struct stash_item *it = xcalloc(1, sizeof(*it));
	unsigned char raw[STASH_TOKEN_HEX / 2];
	struct slot *s;

	strncpy(it->kind, kind, sizeof(it->kind) - 1);
	strncpy(it->name, name, sizeof(it->name) - 1);
	it->year = year;
	it->data = xmalloc(len + 1);
	memcpy(it->data, data, len);
	it->data[len] = '\0';
	it->len = len;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(token, STASH_TOKEN_HEX + 1, raw, sizeof(raw));

	pthread_mutex_lock(&lock);
	drop_expired(now());
	s = make_room(user_id, len);
	if (s->used)
		drop(s);
	s->used = 1;
	memcpy(s->token, token, STASH_TOKEN_HEX + 1);
	s->user_id = user_id;
	bind_session(s->session, session);
	s->born = now();
	s->it = it;
	bytes += len;
	pthread_mutex_unlock(&lock);
}

struct stash_item *stash_take(const char *token, int64_t user_id, const char *session)
{
	struct stash_item *it = NULL;
	char bound[STASH_SESSION_MAX];

	if (!token || strlen(token) != STASH_TOKEN_HEX)
		return NULL;
	bind_session(bound, session);
	pthread_mutex_lock(&lock);
	drop_expired(now());
	for (int i = 0; i < STASH_MAX_ITEMS && !it; i++) {
		struct slot *s = &slots[i];
		if (!s->used || sodium_memcmp(s->token, token, STASH_TOKEN_HEX) != 0)
			continue;
		if (s->user_id != user_id || sodium_memcmp(s->session, bound, STASH_SESSION_MAX) != 0)
			break;
		it = s->it;
		bytes -= it->len;
		memset(s, 0, sizeof(*s));
	}
	pthread_mutex_unlock(&lock);
	return it;
}

void stash_item_free(struct stash_item *it)
{
	if (!it)
		return;
	free(it->data);
	free(it);
}

void stash_clear(void)
{
	pthread_mutex_lock(&lock);
	for (int i = 0; i < STASH_MAX_ITEMS; i++)
		if (slots[i].used)
			drop(&slots[i]);
	pthread_mutex_unlock(&lock);
}
