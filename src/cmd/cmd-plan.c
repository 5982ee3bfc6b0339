/* cmd-plan.c: `lup plan SUBCOMMAND ...`: a plan's versions (the subcommands' table). */
#include "cmd/cmd.h"
#include "cmd/cmd-plan.h"

#include <string.h>

struct plan_sub {
	const char *name;
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
	const struct cmd *usage;	/* its usage and help */
};

static const struct plan_sub subs[] = {
	{ "adopt", cmd_plan_adopt, &cmd_plan_adopt_usage },
	{ "list", cmd_plan_list, &cmd_plan_list_usage },
};
#define NSUBS (sizeof(subs) / sizeof(subs[0]))

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cmd_help(&cmd_plan, argc < 2 ? stderr : stdout);
		for (size_t i = 0; i < NSUBS; i++)
			fprintf(argc < 2 ? stderr : stdout, "  lup %s\n", subs[i].usage->usage);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	for (size_t i = 0; i < NSUBS; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(c, argc - 1, argv + 1);
	fprintf(stderr, "lup plan: unknown subcommand '%s'\n", argv[1]);
	return EXIT_USAGE;
}

const struct cmd cmd_plan = {
	"plan", run, "plan SUBCOMMAND [ARGS]",
	"a plan's versions: list them, adopt a draft",
	"A plan (LUP, verksamhetsplan, contribution plan) has versions: one draft (editable), the\n"
	"adopted one (frozen, public) and the superseded ones (history). Subcommands:",
};
