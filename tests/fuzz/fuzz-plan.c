/* fuzz-plan.c: libFuzzer target for the 'plan' importer's parser (a verksamhetsplan as text).
 * Any input must parse or fail cleanly, without a database. */
#include "core/arena.h"
#include "core/err.h"
#include "import/imp-plan.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct imp_report r;
	struct imp_ctx c = { .a = &a, .e = &e, .path = "fuzz", .trace = 1, .r = &r,
			     .started = 1e18 /* no progress line */ };
	struct imp_text text;
	struct imp_plan_doc d;

	memset(&r, 0, sizeof(r));
	err_clear(&e);
	if (imp_split_text(&c, (const char *)data, size, &text) == LUP_OK)
		imp_plan_parse(&c, &text, &d);
	arena_release(&a);
	return 0;
}
