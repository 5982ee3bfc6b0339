/* fuzz-allocations.c: libFuzzer target for the 'allocations' importer's parser
 * (imp-allocations.c), without a database. Any input must parse or fail cleanly; every row must
 * name a line of the text and hold a cell (maybe "") for every column. */
#include "core/arena.h"
#include "core/err.h"
#include "import/imp-allocations.h"
#include "import/import.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct err e = { 0 };
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "fuzz", .r = &r };
	struct imp_text t;
	struct imp_al_doc d;

	memset(&r, 0, sizeof(r));
	if (imp_split_text(&c, (const char *)data, size, &t) == LUP_OK && imp_alloc_parse(&c, &t, &d) == LUP_OK) {
		for (int i = 0; i < d.nrows; i++) {
			if (d.rows[i].line < 2 || d.rows[i].line > t.nlines)
				abort();
			for (int k = 0; k < IMP_AL__MAX; k++)
				if (!d.rows[i].cell[k])
					abort();
		}
	}
	arena_release(&a);
	return 0;
}
