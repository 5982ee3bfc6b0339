/* cmd-plan.c: `lup plan SUBCOMMAND ...`: writing plans (versions, adoption, differences). One
 * function per subcommand, found through the table `subs`. */
#include "cmd/cmd.h"
#include "cmd/cmd-plan.h"
#include "edit/plan-rollover.h"
#include "edit/plan-version.h"
#include "doc/plan-json.h"

#include <stdlib.h>
#include "store/store.h"

#include <string.h>

static int sub_new_version(struct cmd_ctx *c, int argc, char **argv);

static const struct cmd new_version_usage = {
	"plan new-version", sub_new_version, "plan new-version KEY",
	"a new draft version of a plan",
	"Copies the plan's adopted version (the newest 'decided' one, else the newest) into a new\n"
	"draft version (\"Ny version\"); refused while the plan has a draft. Rows get new keys\n"
	"IDENT-vN; their ids in `lup export json` stay those of the version copied.",
};

/* `lup plan new-version KEY`: "Ny version": a draft copy of the adopted version. */
static int sub_new_version(struct cmd_ctx *c, int argc, char **argv)
{
	struct plan_version_opts o = { .actor = "lup plan new-version", .origin = "new-version" };
	struct store *st = NULL;
	const char *pos[1];
	int help = 0, npos, rc, number = 0;

	if ((rc = cmd_parse(&new_version_usage, argc, argv, NULL, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&new_version_usage, stdout);
	if (npos != 1) {
		fprintf(stderr, "lup plan new-version: the plan KEY is missing\nusage: lup %s\n", new_version_usage.usage);
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

static int sub_rollover(struct cmd_ctx *c, int argc, char **argv);

static const struct cmd rollover_usage = {
	"plan rollover", sub_rollover, "plan rollover KEY --year YYYY",
	"next year's verksamhetsplan from this year's, as a draft",
	"Starts the verksamhetsplan of YYYY (a new plan vp-YYYY-..., one draft version) from plan KEY's\n"
	"adopted version: its nämndmål with their numbers, descriptions and expected results (a KF\n"
	"parent mapped to the KF goal of YYYY with the same number, else kept: a warning), their\n"
	"indicators without targets or outcomes, and the activities that are not done or cancelled.\n"
	"Exit 1 when the plan is missing or the owner has a plan for YYYY; 2 for a bad year.",
};

/* `lup plan rollover KEY --year YYYY`. */
static int sub_rollover(struct cmd_ctx *c, int argc, char **argv)
{
	struct plan_version_opts o = { .actor = "lup plan rollover", .origin = "rollover" };
	const char *ys = NULL, *pos[1];
	const struct opt opts[] = { { "--year", &ys, NULL }, { NULL, NULL, NULL } };
	struct doc_problems p = { 0 };
	struct plan_rollover_out out;
	struct store *st = NULL;
	int help = 0, npos, rc;
	char *end = NULL;
	long year;

	if ((rc = cmd_parse(&rollover_usage, argc, argv, opts, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&rollover_usage, stdout);
	year = ys ? strtol(ys, &end, 10) : 0;
	if (npos != 1 || !ys || *end || year < 1900 || year > 2999) {
		fprintf(stderr, "lup plan rollover: give the plan's KEY and --year YYYY (1900-2999)\nusage: lup %s\n",
			rollover_usage.usage);
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rc = plan_rollover(st, pos[0], (int)year, &o, &out, &p, &c->err);
	store_close(st);
	doc_problems_free(&p);
	if (rc == LUP_EINVAL) {
		fprintf(stderr, "lup plan rollover: %s\n", c->err.msg);
		return EXIT_USAGE;
	}
	if (rc != LUP_OK)
		return cmd_fail(c);
	printf("plan %s: version 1 (draft) from %s: %d goals, %d expected results, %d indicators (targets left "
	       "out: %d), %d activities (done or cancelled left out: %d)\n", out.key, pos[0], out.goals, out.results,
	       out.indicators, out.targets_left, out.activities, out.activities_left);
	if (out.kf_kept)
		fprintf(stderr, "lup plan rollover: warning: %d KF parent%s kept: the council has no goals for %ld in lup "
			"with the same number or title\n", out.kf_kept, out.kf_kept == 1 ? "" : "s", year);
	return EXIT_OK;
}

static const struct cmd_sub subs[] = {
	{ "list", cmd_plan_list, &cmd_plan_list_usage },
	{ "new-version", sub_new_version, &new_version_usage },
	{ "adopt", cmd_plan_adopt, &cmd_plan_adopt_usage },
	{ "diff", cmd_plan_diff, &cmd_plan_diff_usage },
	{ "rollover", sub_rollover, &rollover_usage },
};
#define NSUBS (sizeof(subs) / sizeof(subs[0]))

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	return cmd_subcommands(c, &cmd_plan, subs, NSUBS, argc, argv);
}

const struct cmd cmd_plan = {
	"plan", run, "plan SUBCOMMAND [ARGS]",
	"a plan's versions: list, new draft, adopt, compare",
	"A plan (LUP, verksamhetsplan, contribution plan) has versions: one draft (editable), the\n"
	"adopted one (frozen, public) and the superseded ones (history). Subcommands:",
};
