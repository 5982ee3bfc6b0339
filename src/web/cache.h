/* cache.h: a response cache for public GET views, exact by construction: an entry is used only
 * while the database's data generation (the newest audit entry: every write of data records
 * one, in the same transaction) is the one it was made under. */
#ifndef LUP_CACHE_H
#define LUP_CACHE_H

#include <stddef.h>
#include <stdint.h>

#define CACHE_SLOTS 512
#define CACHE_MAX_BODY ((size_t)4 << 20)

#define CACHE_CTYPE 48

/* cache_get: copies the body, content type and ETag cached for key at generation gen into the
 * caller's buffers and returns 1; 0 when there is none. Thread-safe. */
struct buf;
int cache_get(const char *key, int64_t gen, struct buf *body, char ctype[CACHE_CTYPE], char etag[40]);

/* cache_put: remembers body and its content type for key at generation gen (bodies over
 * CACHE_MAX_BODY are not kept). */
void cache_put(const char *key, int64_t gen, const char *body, size_t len, const char *ctype,
	       const char *etag);

/* cache_clear: forgets everything (at shutdown). */
void cache_clear(void);

#endif
