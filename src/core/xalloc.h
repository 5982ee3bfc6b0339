/* xalloc.h: allocation wrappers that abort on out-of-memory (the application's OOM policy). */
#ifndef LUP_XALLOC_H
#define LUP_XALLOC_H

#include <stddef.h>

/*
 * xmalloc, xcalloc, xrealloc, xstrdup, xstrndup: like their libc namesakes, but never return
 * NULL: on allocation failure they print "lup: out of memory" and abort(). Sizes that overflow
 * (xcalloc's n * size) also abort. The caller owns the result and frees it with free().
 * Input sizes from files or requests must be capped by the caller before they get here.
 */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
