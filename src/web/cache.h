/* cache.h: a response cache for public GET views, exact by construction and selective.
 *
 * The audit log is the shared log of writes: every write of data records an entry, in the
 * same transaction, and writers are serialised, so audit ids grow in commit order and the
 * newest id (the data generation) names everything committed. Each process reads the entries
 * newer than the last it saw (cache_sync, through STMT_CACHE_TOUCHED) and notes per organisation
 * the newest entry that may change its organisation page and goal chain; an entry it cannot map
 * to organisations touches everything. Every cached view declares its scope when it is kept:
 * an organisation (its id), or 0, the city: a view that may read any data (city and district
 * views, lists, entities), changed by every write.
 *
 * An entry made at generation g (read before the view was built, so the view holds at least
 * every write up to g) is served only while no write newer than g touched its scope: for the
 * city, while g is the newest entry seen; for an organisation, while g is not older than the
 * newest entry touching that organisation or everything. So a view is never served stale, in
 * this process or after a write through another one (PostgreSQL), and a write to organisation
 * A leaves organisation B's views cached.
 *
 * The public (anonymous callers, one shared entry per view) sees only what the publication rule
 * lets it see (store/sql-public.h): drafts of reports and figures of periods without an
 * approved report are hidden. A write the public sees neither before nor after (STMT_CACHE_TOUCHED
 * says which: the deadline day's assessments in draft reports and outcomes not yet published)
 * leaves the anonymous entries; it drops the entries of logged-in callers of its scopes. */
#ifndef LUP_CACHE_H
#define LUP_CACHE_H

#include <stddef.h>
#include <stdint.h>

#define CACHE_SLOTS 512
#define CACHE_MAX_BODY ((size_t)4 << 20)
#define CACHE_ORGS 1024		/* organisations whose newest touching entry is kept (more: all) */
#define CACHE_SYNC_MAX 2000	/* newer entries mapped one by one; more at once drop everything */

#define CACHE_FLIGHTS 64	/* views being made at once that others may wait for */
#define CACHE_WAIT_MS 2000	/* the longest a request waits for another to make its view */

#define CACHE_CTYPE 48

struct buf;
struct err;
struct store;

/* cache_get: when key is cached and still valid (see above), copies its body, content type and
 * ETag into the caller's buffers and returns 1; 0 when there is none. Thread-safe. */
int cache_get(const char *key, struct buf *body, char ctype[CACHE_CTYPE], char etag[40]);

/* cache_put: remembers body and its content type for key, made at generation gen, of scope org
 * (an organisation's id, or 0: the city, any write), for an anonymous caller when pub (then
 * only writes the public may see drop it). Bodies over CACHE_MAX_BODY are not kept. */
void cache_put(const char *key, int64_t gen, int64_t org, int pub, const char *body, size_t len,
	       const char *ctype, const char *etag);

/* cache_claim: after a miss of key: returns 1 when the caller is to make the view (then it calls
 * cache_done(key) once it has kept it or failed); 0 when another request was making it and is
 * done (or CACHE_WAIT_MS passed): then the caller asks cache_get again, and makes the view
 * itself on a miss (the other's view may be older than a write the caller must see). The
 * waiter's thread is blocked, but only on a request another thread is serving, so a burst of
 * requests for a view just dropped makes it once, not once per request. */
int cache_claim(const char *key);

/* cache_done: the view of key that this caller claimed is kept or failed: wakes its waiters. */
void cache_done(const char *key);

/* cache_sync: brings this process's knowledge of writes up to generation gen (the newest audit
 * id, read by the caller) by mapping the entries it has not seen through st. Must be called
 * before cache_get with the generation read for the request. Returns LUP_OK or the store's
 * error (then the caller must not use the cache for this request). */
int cache_sync(struct store *st, int64_t gen, struct err *e);

/* cache_clear: forgets everything (at shutdown). */
void cache_clear(void);

#endif
