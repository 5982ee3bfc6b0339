/* cmd-plan.h: the subcommands of `lup plan` (cmd-plan.c holds their table). Each takes argv
 * with argv[0] the subcommand's name ("adopt") and returns an exit status (cmd.h). */
#ifndef LUP_CMD_PLAN_H
#define LUP_CMD_PLAN_H

#include "cmd/cmd.h"

/* cmd_plan_adopt: `lup plan adopt KEY --version N --date YYYY-MM-DD --paragraph P --dnr D`
 * (cmd-plan-adopt.c): records the decision that adopted a draft (edit/plan-adopt.h). */
int cmd_plan_adopt(struct cmd_ctx *c, int argc, char **argv);

/* cmd_plan_list: `lup plan list KEY [--json]` (cmd-plan-adopt.c): the plan's versions with
 * status and decision. */
int cmd_plan_list(struct cmd_ctx *c, int argc, char **argv);

/* cmd_plan_diff: `lup plan diff [--json] (KEY V1 V2 | --files A.json B.json)` (cmd-plan-diff.c):
 * what changed between two versions of a plan, or two plan documents. */
int cmd_plan_diff(struct cmd_ctx *c, int argc, char **argv);

extern const struct cmd cmd_plan_adopt_usage, cmd_plan_list_usage, cmd_plan_diff_usage;

#endif
