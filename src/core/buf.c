/* buf.c: a bounded, growable string builder (see buf.h for the invariants). */
#include "core/buf.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char empty[1];

void buf_init(struct buf *b, size_t max)
{
	b->ptr = empty;
	b->len = b->cap = 0;
	b->max = max ? max : BUF_MAX_DEFAULT;
	b->overflow = 0;
}

void buf_release(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b, b->max);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->ptr[0] = '\0';
	if (!b->cap)
		b->ptr = empty;
	b->overflow = 0;
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *s;

	if (len)
		*len = b->len;
	s = b->cap ? b->ptr : xstrdup("");
	buf_init(b, b->max);
	return s;
}

/* grow: makes room for `extra` more bytes plus the NUL; -1 if that would pass max. */
static int grow(struct buf *b, size_t extra)
{
	size_t want, ncap;

	if (b->overflow || extra > b->max - b->len) {
		b->overflow = 1;
		return -1;
	}
	want = b->len + extra + 1;
	if (want <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : 64;
	while (ncap < want)
		ncap *= 2;
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, ncap);
	} else {
		b->ptr = xmalloc(ncap);
		b->ptr[0] = '\0';
	}
	b->cap = ncap;
	return 0;
}

int buf_reserve(struct buf *b, size_t n)
{
	if (b->overflow || n >= b->max - b->len)
		return -1;
	return grow(b, n);
}

int buf_add_grow(struct buf *b, const void *data, size_t n)
{
	if (grow(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return -1;
	if (grow(b, (size_t)n) < 0)
		return -1;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

void buf_truncate(struct buf *b, size_t n)
{
	if (n >= b->len)
		return;
	b->len = n;
	b->ptr[n] = '\0';
}
