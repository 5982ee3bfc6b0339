/* cmd-period.c: `lup period reopen YEAR T1|T2|VB --reason TEXT [--org KEY] [--until YYYY-MM-DD]`
 * reopens a locked period (edit/period-lock.h) as the machine's operator, audited; and
 * `lup period locks YEAR [--org KEY]` prints the year's period locks. */
#include "cmd/cmd.h"
#include "edit/period-lock.h"
#include "model/datex.h"
#include "model/today.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(const char *msg)
{
	fprintf(stderr, "lup period: %s\nusage: lup %s\n", msg, cmd_period.usage);
	return EXIT_USAGE;
}

static int reopen(struct cmd_ctx *c, struct store *st, int year, const char *kind, const char *org, const char *reason,
		  const char *until_s)
{
	struct edit_actor who = { 0, "lup period" };
	enum period_reopen_rule rule;
	int64_t id;
	int until = 0;

	if (until_s && model_date_parse(until_s, &until, NULL, 0) != 0)
		return usage("--until is not a date YYYY-MM-DD");
	if (period_reopen(st, &who, year, kind, org, reason ? reason : "", until, model_today(), &id, &rule,
			  &c->err) != LUP_OK)
		return cmd_fail(c);
	printf("reopened %d %s for %s (reopening %lld)\n", year, kind, org && *org ? org : "all organisations",
	       (long long)id);
	return EXIT_OK;
}

static int locks(struct cmd_ctx *c, struct store *st, int year, const char *org)
{
	static const char *const kinds[] = { "T1", "T2", "FY" };
	int64_t oid = 0;
	int today = model_today();

	if (org) {
		struct sval v = SVS(org);
		if (store_query_id(st, STMT_ORG_ID, &v, 1, &oid, &c->err) != LUP_OK)
			return cmd_fail(c);
		if (!oid) {
			fprintf(stderr, "lup period: no organisation '%s'\n", org);
			return EXIT_FAIL;
		}
	}
	for (int k = 0; k < 3; k++) {
		struct period_lock lk;
		char due[16] = "-", since[16] = "-", until[16] = "";
		if (period_lock_get(st, year, kinds[k], oid, today, &lk, &c->err) != LUP_OK)
			return cmd_fail(c);
		if (lk.due) {
			model_date_format(lk.due, due, sizeof(due));
			model_date_format(lk.since, since, sizeof(since));
		}
		if (lk.reopened_until)
			model_date_format(lk.reopened_until, until, sizeof(until));
		printf("%d %s\tdeadline %s\tlocked from %s\t%s%s%s%s\n", year, k == 2 ? "VB" : kinds[k], due, since,
		       lk.locked ? "locked" : "open", *until ? " (reopened until " : "", until, *until ? ")" : "");
	}
	return EXIT_OK;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *reason = NULL, *org = NULL, *until = NULL, *pos[3];
	const struct opt opts[] = { { "--reason", &reason, NULL }, { "--org", &org, NULL }, { "--until", &until, NULL },
				    { NULL, NULL, NULL } };
	struct store *st = NULL;
	int help = 0, npos, rc;
	long year;

	if ((rc = cmd_parse(&cmd_period, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_period, stdout);
	if (npos < 2)
		return usage("give the action (reopen or locks) and the YEAR");
	if (cmd_year(&cmd_period, pos[1], &year) != EXIT_OK)
		return EXIT_USAGE;
	if (strcmp(pos[0], "reopen") == 0) {
		if (npos != 3 || !period_kind_norm(pos[2]))
			return usage("give the period: T1, T2 or VB");
		if (!reason)
			return usage("--reason is required: say why the period is reopened");
	} else if (strcmp(pos[0], "locks") != 0 || npos != 2)
		return usage("unknown action (reopen YEAR KIND or locks YEAR)");
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rc = strcmp(pos[0], "reopen") == 0 ? reopen(c, st, (int)year, pos[2], org, reason, until) :
	     locks(c, st, (int)year, org);
	store_close(st);
	return rc;
}

const struct cmd cmd_period = {
	"period", run, "period reopen YEAR T1|T2|VB --reason TEXT [--org KEY] [--until YYYY-MM-DD] | period locks YEAR [--org KEY]",
	"reopen a locked period, or show a year's period locks",
	"A period's outcomes lock when the city's deadline for its report plus the setting\n"
	"lock_grace_days (default 14) has passed (docs/todo-and-locks.md). `reopen` lets them be\n"
	"written again for one organisation (--org KEY; its committee/administration pair too) or\n"
	"for all, through --until (default: today plus the grace days), with a required reason;\n"
	"the reopening is in the audit log. `locks` prints each report period's deadline, the day\n"
	"it locks and whether it is locked today. LUP_TODAY=YYYY-MM-DD sets today (tests, operations).",
};
