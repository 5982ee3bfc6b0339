/* runsort.c: a stable sort by merging the runs a list arrives in (see runsort.h). The district
 * page's comparison arrives in runs (by sex, then indicator: the index the statement reads), its
 * timeline by owner; qsort's comparisons and moves of the wide rows were 120K instructions. */
#include "core/runsort.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

void sort_runs(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *b = base;

	if (n < 2)
		return;
	size_t *a = xmalloc(sizeof(*a) * (3 * n + 1)), *t = a + n, *run = t + n, nr = 0;
	for (size_t i = 0; i < n; i++) {
		a[i] = i;
		if (i == 0 || cmp(b + i * size, b + (i - 1) * size) < 0)
			run[nr++] = i;
	}
	run[nr] = n;
	if (nr == 1) {		/* in order already: nothing to move */
		free(a);
		return;
	}
	while (nr > 1) {
		size_t m = 0;
		for (size_t k = 0; k < nr; k += 2, m++) {
			size_t i = run[k], mid = k + 1 < nr ? run[k + 1] : n, end = k + 1 < nr ? run[k + 2] : n, j = mid, o = i;
			while (i < mid && j < end)	/* the earlier element on ties: stable */
				t[o++] = cmp(b + a[j] * size, b + a[i] * size) < 0 ? a[j++] : a[i++];
			while (i < mid)
				t[o++] = a[i++];
			while (j < end)
				t[o++] = a[j++];
			run[m] = run[k];
		}
		run[m] = n;
		nr = m;
		size_t *s = a;
		a = t, t = s;
	}
	char *out = xmalloc(n * size);
	for (size_t i = 0; i < n; i++)
		memcpy(out + i * size, b + a[i] * size, size);
	memcpy(b, out, n * size);
	free(out);
	free(a < t ? a : t);
}
