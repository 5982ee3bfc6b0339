/* runsort.h: a stable sort for lists that arrive in a few sorted runs (rows read by an index
 * in another order than the page shows them). */
#ifndef LUP_CORE_RUNSORT_H
#define LUP_CORE_RUNSORT_H

#include <stddef.h>

/* sort_runs: base's n elements of size bytes in cmp's order, stable (equal elements keep their
 * order): the ascending runs they arrive in are found and merged pairwise through an index,
 * then the elements are moved once (not at all when they are in order). Costs n comparisons
 * for a sorted list and about n * log2(runs) for others; aborts on OOM (xmalloc). */
void sort_runs(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
