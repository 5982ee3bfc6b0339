/* imp-lup.c: the 'lup' importer (placeholder until it is written). */
#include "import/import.h"

static const char *const keys[] = { NULL };

static int run(struct imp_ctx *c)
{
	return imp_fail(c, 0, "the lup importer is missing from this build");
}

const struct imp_kind imp_kind_lup = { "lup", keys, run, "lup" };
