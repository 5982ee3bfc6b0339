/* arena.h: a bump allocator for data that lives as long as one request, command or import.
 *
 * Everything allocated from an arena is freed at once by arena_release; nothing is freed
 * one by one. Allocation never fails (xmalloc policy: abort on OOM).
 */
#ifndef LUP_ARENA_H
#define LUP_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;	/* newest block first */
	size_t used;			/* bytes handed out (for statistics) */
};

/* ARENA_INIT: an empty arena; no memory until the first allocation. */
#define ARENA_INIT { NULL, 0 }

/* arena_alloc: n bytes aligned for any type, zero-filled; valid until arena_release. */
void *arena_alloc(struct arena *a, size_t n);

/* arena_alloc_raw: arena_alloc without the zero fill, for memory the caller fills before
 * reading it (arrays that grow by copying). */
void *arena_alloc_raw(struct arena *a, size_t n);

/* arena_grow: an array of n items of elem bytes (p) with room for one more: p itself while
 * n < *cap, else a copy of its n items in a new array of twice *cap items (first when *cap is
 * 0), *cap updated. The old array stays in the arena until arena_release. */
void *arena_grow(struct arena *a, void *p, int n, int *cap, size_t elem, int first);

/* arena_strdup: a copy of s in the arena (s may be NULL: returns NULL). */
char *arena_strdup(struct arena *a, const char *s);

/* arena_strndup: a copy of at most n bytes of s, NUL-terminated. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* arena_release: frees every block; the arena is empty and reusable. */
void arena_release(struct arena *a);

#endif
