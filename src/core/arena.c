/* arena.c: a bump allocator freed all at once. */
#include "core/arena.h"
#include "core/xalloc.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 16384

struct arena_block {
	struct arena_block *next;
	size_t size, off;
	alignas(max_align_t) unsigned char data[];
};

/* raw_alloc: n bytes aligned for any type, not cleared (for copies that fill them). */
static void *raw_alloc(struct arena *a, size_t n)
{
	const size_t al = alignof(max_align_t);
	struct arena_block *b = a->head;
	size_t need = (n + al - 1) & ~(al - 1);
	void *p;

	if (!need)
		need = al;
	if (!b || b->size - b->off < need) {
		size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->off = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->off;
	b->off += need;
	a->used += need;
	return p;
}

void *arena_alloc_raw(struct arena *a, size_t n)
{
	return raw_alloc(a, n);
}

void *arena_grow(struct arena *a, void *p, int n, int *cap, size_t elem, int first)
{
	void *np;

	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : first;
	np = raw_alloc(a, elem * (size_t)*cap);
	if (n)
		memcpy(np, p, elem * (size_t)n);
	return np;
}

void *arena_alloc(struct arena *a, size_t n)
{
	void *p = raw_alloc(a, n);

	memset(p, 0, n);
	return p;
}

/* copy: len bytes of s and a NUL in the arena (the bytes are written, so not cleared first) */
static char *copy(struct arena *a, const char *s, size_t len)
{
	char *p = raw_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	return s ? copy(a, s, strnlen(s, n)) : NULL;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? copy(a, s, strlen(s)) : NULL;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
	a->used = 0;
}
