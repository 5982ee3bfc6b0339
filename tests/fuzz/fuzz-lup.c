/* fuzz-lup.c: libFuzzer target for the 'lup' importer's parser (imp-lup-parse.c) and its text
 * helpers, without a database. Any input must parse or fail cleanly, and the parse must give
 * every line exactly one item. */
#include "core/arena.h"
#include "core/err.h"
#include "import/imp-lup.h"
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
	struct lup_doc d;

	memset(&r, 0, sizeof(r));
	if (imp_split_text(&c, (const char *)data, size, &t) == LUP_OK &&
	    imp_lup_parse(&c, &t, &d) == LUP_OK) {
		for (int l = 0; l < d.nlines; l++)
			if (d.owner[l] < 0 || d.owner[l] >= d.nitems)
				abort();	/* a line without an item: the trace would miss it */
		for (int i = 0; i < d.nitems; i++) {
			const struct lup_item *it = &d.items[i];
			if (it->first < 1 || it->last > d.nlines || it->first > it->last)
				abort();
			if (it->text)
				imp_lup_role(&a, it->text, "socialforvaltningen");
			if (it->text && i > 0 && d.items[i - 1].text)
				imp_lup_token_score(&a, it->text, d.items[i - 1].text);
		}
	}
	arena_release(&a);
	return 0;
}
