/* buf.h: a bounded, growable string builder.
 *
 * Invariants (after buf_init and until buf_release):
 * - ptr is never NULL and ptr[len] == '\0', so ptr is always a valid C string (the data may
 *   also hold NUL bytes when added with buf_add).
 * - len <= max. An append that would pass max appends nothing, sets the sticky flag
 *   `overflow` and returns -1; later appends keep failing until buf_reset.
 * - Memory comes from xmalloc (aborts on OOM): only `max` limits growth, so set it from the
 *   size the input may legitimately reach.
 * Lifecycle: buf_init -> appends -> buf_release (frees) or buf_detach (hands the string over).
 */
#ifndef LUP_BUF_H
#define LUP_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *ptr;	/* the data, NUL-terminated; never NULL after buf_init */
	size_t len;	/* bytes used, not counting the terminating NUL */
	size_t cap;	/* bytes allocated for ptr (0 while ptr is the static empty string) */
	size_t max;	/* largest len allowed */
	int overflow;	/* set when an append was refused for passing max */
};

/* BUF_MAX_DEFAULT: the cap used when buf_init is given 0 (64 MiB). */
#define BUF_MAX_DEFAULT ((size_t)64 << 20)

/* buf_init: makes b empty with cap `max` bytes (0 means BUF_MAX_DEFAULT). Allocates nothing. */
void buf_init(struct buf *b, size_t max);

/* buf_release: frees the data and leaves b empty and usable (as after buf_init). */
void buf_release(struct buf *b);

/* buf_reset: empties b, keeps its memory, clears the overflow flag. */
void buf_reset(struct buf *b);

/* buf_detach: returns the data as a malloc'd string the caller must free(); b becomes empty. */
char *buf_detach(struct buf *b, size_t *len);

/* buf_add_grow: buf_add's path when the bytes may not fit the memory b has (grows it, or
 * refuses past max). For the inline functions below; call buf_add. */
int buf_add_grow(struct buf *b, const void *data, size_t n);

/* buf_reserve: room for n more bytes and the NUL in one allocation (for a writer that knows
 * about how much it will append: no doubling and copying on the way). A hint: 0, or -1 with
 * nothing done when that would pass max or b has overflowed (b is not marked: the appends
 * themselves decide). */
int buf_reserve(struct buf *b, size_t n);

/* buf_fits: n more bytes and the NUL fit in the memory b has, within max, and b has not
 * overflowed (the append needs no growth). */
static inline int buf_fits(const struct buf *b, size_t n)
{
	return n < b->cap - b->len && n <= b->max - b->len && !b->overflow;
}

/* buf_add: appends n bytes. Returns 0, or -1 when max would be passed (nothing appended).
 * Inline: the HTML and JSON writers append a few bytes at a time, and the call was a tenth of a
 * large page's instructions. */
static inline int buf_add(struct buf *b, const void *data, size_t n)
{
	if (!buf_fits(b, n))
		return buf_add_grow(b, data, n);
	if (n)
		memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

/* buf_space: where n more bytes may be written directly, to be counted by buf_wrote; NULL when
 * they would not fit the memory b has (append them with buf_add instead). For a writer's
 * short pieces: a copy of a short length the compiler knows to be small is inlined as
 * "rep movs", whose start-up cost was half of the JSON writer's keys. */
static inline char *buf_space(struct buf *b, size_t n)
{
	return buf_fits(b, n) ? b->ptr + b->len : NULL;
}

/* buf_wrote: counts n bytes written at buf_space's pointer (n no more than buf_space was asked). */
static inline void buf_wrote(struct buf *b, size_t n)
{
	b->len += n;
	b->ptr[b->len] = '\0';
}

/* buf_adds: appends a C string. Returns as buf_add. */
static inline int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

/* buf_addc: appends one byte. Returns as buf_add. */
static inline int buf_addc(struct buf *b, char c)
{
	if (!buf_fits(b, 1))
		return buf_add_grow(b, &c, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
	return 0;
}

/* buf_addf: appends printf-formatted text. Returns as buf_add. Never use it to build SQL,
 * HTML or JSON from data: those have their own writers. */
int buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* buf_vaddf: va_list form of buf_addf. */
int buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* buf_truncate: shortens b to n bytes (no-op when n >= len). */
void buf_truncate(struct buf *b, size_t n);

#endif
