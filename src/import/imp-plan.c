/* imp-plan.c: the 'plan' importer (placeholder until it is written). */
#include "import/import.h"

static const char *const keys[] = { NULL };

static int run(struct imp_ctx *c)
{
	return imp_fail(c, 0, "the plan importer is missing from this build");
}

const struct imp_kind imp_kind_plan = { "plan", keys, run, "plan" };
