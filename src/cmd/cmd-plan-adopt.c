/* cmd-plan-adopt.c: `lup plan adopt` records a plan version's adoption; `lup plan list` shows
 * a plan's versions with their status and decision. */
#include "cmd/cmd-plan.h"
#include "core/arena.h"
#include "core/buf.h"
#include "edit/plan-adopt.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>

const struct cmd cmd_plan_adopt_usage = {
	"plan adopt", NULL, "plan adopt KEY --version N --date YYYY-MM-DD --paragraph P --dnr DIARIENUMMER",
	"adopt a draft version of a plan",
	"Records the decision of the plan's owner (its committee) that adopted version N of plan KEY:\n"
	"the date of the meeting (not in the future), the paragraph of the minutes and the\n"
	"diarienummer. The version must be a draft; it becomes 'decided' (adopted, public, frozen)\n"
	"and the plan's previously adopted version becomes 'superseded'. Exit 1 when the plan or\n"
	"version is missing or the version is adopted already; 2 for a bad field.",
};

const struct cmd cmd_plan_list_usage = {
	"plan list", NULL, "plan list KEY [--json]",
	"list a plan's versions",
	"The versions of plan KEY, oldest first: version, status (draft, decided = adopted,\n"
	"superseded), the deciding body, date, paragraph and diarienummer, the version it was based\n"
	"on, when it was created, and its note.",
};

int cmd_plan_adopt(struct cmd_ctx *c, int argc, char **argv)
{
	const char *pos[1], *ver = NULL, *date = NULL, *para = NULL, *dnr = NULL;
	const struct opt opts[] = { { "--version", &ver, NULL }, { "--date", &date, NULL },
				    { "--paragraph", &para, NULL }, { "--dnr", &dnr, NULL }, { NULL, NULL, NULL } };
	struct plan_adopt_out out;
	struct store *st = NULL;
	int help = 0, npos, rc;
	char *end = NULL;

	if ((rc = cmd_parse(&cmd_plan_adopt_usage, argc, argv, opts, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_plan_adopt_usage, stdout);
	if (npos != 1 || !ver) {
		fprintf(stderr, "lup plan adopt: give the plan's KEY and --version\nusage: lup %s\n",
			cmd_plan_adopt_usage.usage);
		return EXIT_USAGE;
	}
	long n = strtol(ver, &end, 10);
	if (*end || n < 1) {
		fprintf(stderr, "lup plan adopt: --version '%s' must be a whole number from 1\n", ver);
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	struct plan_adopt_in in = { pos[0], n, date, para, dnr };
	switch (plan_adopt(st, NULL, "lup plan", &in, plan_today(), &out, &c->err)) {
	case PLAN_ADOPT_OK:
		printf("adopted version %ld of %s", n, pos[0]);
		if (out.superseded)
			printf("; version %lld is superseded", (long long)out.superseded);
		printf("\n");
		rc = EXIT_OK;
		break;
	case PLAN_ADOPT_INVALID:
		fprintf(stderr, "lup plan adopt: --%s\n", out.msg);
		rc = EXIT_USAGE;
		break;
	default:
		fprintf(stderr, "lup: %s\n", out.msg);
		rc = EXIT_FAIL;
	}
	store_close(st);
	return rc;
}

int cmd_plan_list(struct cmd_ctx *c, int argc, char **argv)
{
	const char *pos[1];
	int help = 0, as_json = 0, npos, rc;
	const struct opt opts[] = { { "--json", NULL, &as_json }, { NULL, NULL, NULL } };
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	struct rowset plan, rs;

	if ((rc = cmd_parse(&cmd_plan_list_usage, argc, argv, opts, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_plan_list_usage, stdout);
	if (npos != 1) {
		fprintf(stderr, "lup plan list: give the plan's KEY\nusage: lup %s\n", cmd_plan_list_usage.usage);
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rowset_init(&plan, &a);
	rowset_init(&rs, &a);
	struct sval key = SVS(pos[0]);
	if (rowset_query(&plan, st, STMT_PV_PLAN, &key, 1, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (plan.nrows == 0) {
		fprintf(stderr, "lup: no plan '%s'\n", pos[0]);
		rc = EXIT_FAIL;
		goto out;
	}
	struct sval args[] = { SVI(strtoll(plan.rows[0][0].s, NULL, 10)), SVI(1) };
	if (rowset_query(&rs, st, STMT_PV_LIST, args, 2, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (as_json) {
		struct buf b;
		struct json j;
		buf_init(&b, 0);
		json_init(&j, &b, 1);
		rowset_json(&rs, &j, NULL);
		json_finish(&j);
		fputs(b.ptr, stdout);
		buf_release(&b);
	} else {
		rowset_print(&rs, stdout, "(no versions)");
	}
out:
	store_close(st);
	arena_release(&a);
	return rc;
}
