/* cmd-plan.c: `lup plan SUBCOMMAND ...`: writing plans (versions, adoption, differences). One
 * function per subcommand, found through the table `subs`. */
#include <string.h>

#include "cmd/cmd.h"
#include "edit/plan-version.h"
#include "store/store.h"

/* One subcommand: its name, entry point (argv[0] is the subcommand) and one-line usage. */
struct plan_sub {
	const char *name;
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
	const char *usage;
};

/* `lup plan new-version KEY`: "Ny version": a draft copy of the adopted version. */
static int sub_new_version(struct cmd_ctx *c, int argc, char **argv)
{
	struct plan_version_opts o = { .actor = "lup plan new-version", .origin = "new-version" };
	struct store *st = NULL;
	const char *pos[1];
	int help = 0, npos, rc, number = 0;

	if ((rc = cmd_parse(&cmd_plan, argc, argv, NULL, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_plan, stdout);
	if (npos != 1) {
		fprintf(stderr, "lup plan new-version: the plan KEY is missing\nusage: lup plan new-version KEY\n");
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rc = plan_version_new(st, pos[0], &o, &number, &c->err);
	store_close(st);
	if (rc != LUP_OK)
		return cmd_fail(c);
	printf("plan %s: version %d (draft)\n", pos[0], number);
	return EXIT_OK;
}

static const struct plan_sub subs[] = {
	{ "new-version", sub_new_version, "new-version KEY" },
};
#define NSUBS (sizeof(subs) / sizeof(subs[0]))

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return cmd_help(&cmd_plan, stdout);
	for (size_t i = 0; argc >= 2 && i < NSUBS; i++)
		if (!strcmp(argv[1], subs[i].name))
			return subs[i].run(c, argc - 1, argv + 1);
	fprintf(stderr, "lup plan: %s%s\nusage: lup %s\n", argc >= 2 ? "unknown subcommand " : "the subcommand is missing",
		argc >= 2 ? argv[1] : "", cmd_plan.usage);
	return EXIT_USAGE;
}

const struct cmd cmd_plan = {
	"plan", run, "plan new-version KEY",
	"write plans: new versions",
	"new-version KEY  copies the plan's adopted version (the newest 'decided' one, else the\n"
	"                 newest) into a new draft version (\"Ny version\"); refused while the plan\n"
	"                 has a draft. Rows get new keys IDENT-vN; their ids in `lup export json`\n"
	"                 stay those of the version copied.",
};
