/* stash.h: documents uploaded for import, kept in memory between the dry run and its
 * confirmation, so that confirming does not need the file again. Each is reached by a random
 * token (256 bits, hex) and bound to the user and the cookie session that uploaded it; it
 * expires after STASH_SECONDS and is taken out (used once) by the confirmation. The stash is
 * process-wide and thread-safe; a restart of the server forgets it (the user uploads again).
 *
 * Limits: STASH_PER_USER documents per user and STASH_MAX_ITEMS / STASH_MAX_BYTES in all; a new
 * document pushes out the oldest one of its user, then the oldest overall. Nothing is written to
 * disk.
 */
#ifndef LUP_STASH_H
#define LUP_STASH_H

#include <stddef.h>
#include <stdint.h>

#define STASH_SECONDS (30 * 60)
#define STASH_PER_USER 3
#define STASH_MAX_ITEMS 32
#define STASH_MAX_BYTES ((size_t)128 << 20)
#define STASH_TOKEN_HEX 64		/* hex digits of a token */
#define STASH_SESSION_MAX 72		/* bytes of the session binding (the CSRF token) */

/* A stashed document and what the import needs to repeat the dry run for real. */
struct stash_item {
	char kind[16];		/* the importer's kind */
	int year;		/* the year given, or 0 */
	char name[96];		/* the document's (safe) file name, for messages */
	char *data;		/* the text, NUL-terminated */
	size_t len;
};

/*
 * stash_put: keeps a copy of data[0..len) with kind, year and name for user_id and the session
 * whose binding is session (the session's CSRF token; "" for a caller without a cookie session)
 * and writes its token (STASH_TOKEN_HEX hex digits and a NUL) into token. Expired documents
 * are dropped first. Never fails (memory: the xmalloc policy); len must be at most
 * STASH_MAX_BYTES.
 */
void stash_put(int64_t user_id, const char *session, const char *kind, int year, const char *name,
	       const char *data, size_t len, char token[STASH_TOKEN_HEX + 1]);

/*
 * stash_take: removes and returns the document of token when it belongs to user_id and session
 * and has not expired; the caller frees it with stash_item_free. NULL when there is no such
 * document (unknown, expired, pushed out, already taken, or another user's or session's: those
 * are left alone). token may be NULL or anything.
 */
struct stash_item *stash_take(const char *token, int64_t user_id, const char *session);

/* stash_item_free: frees an item from stash_take (NULL is allowed). */
void stash_item_free(struct stash_item *it);

/* stash_clear: forgets every document (at shutdown). */
void stash_clear(void);

#endif
