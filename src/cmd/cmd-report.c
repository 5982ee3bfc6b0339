/* cmd-report.c: `lup report SUBCOMMAND ... --as USER`: the follow-up report's cycle from the
 * command line, through the one write path (edit/report.h) with the rules of the API and the
 * forms. --as names the user whose role and organisation apply (required: the command line has
 * no login). One function per subcommand, found through the table `subs`. */
#include "cmd/cmd.h"
#include "edit/report.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* A user as --as names it. */
struct as_user {
	int64_t id, org, pair;
	char name[128], role[16];
	int disabled;
};

static int user_row(void *ctx, const struct store_row *row)
{
	struct as_user *u = ctx;

	u->id = store_col_int(row, 0);
	snprintf(u->name, sizeof(u->name), "%s", store_col_text(row, 1));
	u->org = store_col_int(row, 2);
	snprintf(u->role, sizeof(u->role), "%s", store_col_text(row, 3) ? store_col_text(row, 3) : "");
	u->disabled = (int)store_col_int(row, 5);
	u->pair = store_col_int(row, 6);
	return 1;
}

static enum report_role role_of(const char *s)
{
	return strcmp(s, "admin") == 0 ? REPORT_ROLE_ADMIN : strcmp(s, "city") == 0 ? REPORT_ROLE_CITY :
	       strcmp(s, "editor") == 0 ? REPORT_ROLE_EDITOR : strcmp(s, "reader") == 0 ? REPORT_ROLE_READER :
										REPORT_ROLE_ANON;
}

/* caller: opens the database and reads --as into *who (u holds its strings). Returns EXIT_OK, or
 * prints and returns EXIT_USAGE (no --as) or EXIT_FAIL (no such user, disabled, store). */
static int caller(struct cmd_ctx *c, const char *sub, const char *as, struct store **st, struct as_user *u,
		  struct report_caller *who)
{
	int rc;

	memset(u, 0, sizeof(*u));
	if (!as || !*as) {
		fprintf(stderr, "lup report %s: --as USER is required (the user whose role and organisation apply)\n", sub);
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, st)) != EXIT_OK)
		return rc;
	struct sval v = SVS(as);
	if (store_query(*st, STMT_USER_BY_NAME, &v, 1, user_row, u, &c->err) != LUP_OK)
		return cmd_fail(c);
	if (!u->id || u->disabled) {
		fprintf(stderr, "lup report %s: --as: %s user '%s'\n", sub, u->id ? "disabled" : "no", as);
		return EXIT_FAIL;
	}
	*who = (struct report_caller){ { u->id, u->name }, role_of(u->role), u->org, u->pair, NULL, NULL };
	/* the viewer of the reads, as the server's authz_viewer sets it for the user */
	if (who->role == REPORT_ROLE_CITY || who->role == REPORT_ROLE_ADMIN)
		store_set_viewer(*st, STORE_VIEW_ALL, 0, 0);
	else if (u->org)
		store_set_viewer(*st, STORE_VIEW_ORG, u->org, u->pair);
	else
		store_set_viewer(*st, STORE_VIEW_PUBLIC, 0, 0);
	return EXIT_OK;
}

/* refused: prints a refusal of the edit layer, naming the argument (the API's field). */
static int refused(struct cmd_ctx *c, const char *sub, const struct report_fail *f)
{
	static const char *const args[] = { "period", "PERIOD", "org", "ORG", "goal", "GOAL", "goals", "ID",
		"assessment", "ASSESSMENT", "analysis", "--analysis", "comment", "--comment", "date", "--date",
		"paragraph", "--paragraph", "decision", "--date", NULL };
	const char *arg = NULL;

	if (f->why == REPORT_W_STORE)
		return cmd_fail(c);
	for (int i = 0; f->field && args[i]; i += 2)
		if (strcmp(f->field, args[i]) == 0)
			arg = args[i + 1];
	if (f->why == REPORT_W_FIELD && arg)
		fprintf(stderr, "lup report %s: %s: %s\n", sub, arg, c->err.msg);
	else
		fprintf(stderr, "lup report %s: %s\n", sub, c->err.msg);
	return EXIT_FAIL;
}

static int64_t report_id(const char *sub, const char *s)
{
	char *end = NULL;
	long long id = s ? strtoll(s, &end, 10) : 0;

	if (!s || !*s || *end || id <= 0) {
		fprintf(stderr, "lup report %s: ID: '%s' is not a report id\n", sub, s ? s : "");
		return 0;
	}
	return (int64_t)id;
}

/* ---- the subcommands ---- */

static int sub_create(struct cmd_ctx *c, int argc, char **argv);
static const struct cmd create_usage = { "report create", sub_create, "report create ORG PERIOD --as USER",
	"start a draft report (T2 and VB carry over the previous report's rows)",
	"ORG is an organisation's key (or name); PERIOD as 2026-T1, 2026-T2, VB 2026. Prints the id." };

static int sub_create(struct cmd_ctx *c, int argc, char **argv)
{
	const char *as = NULL, *pos[2];
	const struct opt opts[] = { { "--as", &as, NULL }, { NULL, NULL, NULL } };
	struct report_caller who;
	struct report_fail f;
	struct store *st = NULL;
	struct as_user u;
	int64_t org = 0, id = 0;
	int help = 0, npos, rc;

	if ((rc = cmd_parse(&create_usage, argc, argv, opts, pos, 2, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&create_usage, stdout);
	if (npos != 2) {
		fprintf(stderr, "lup report create: ORG and PERIOD are required\nusage: lup %s\n", create_usage.usage);
		return EXIT_USAGE;
	}
	if ((rc = caller(c, "create", as, &st, &u, &who)) != EXIT_OK)
		goto out;
	struct sval o = SVS(pos[0]);
	if (store_query_id(st, STMT_ORG_ID_LOOSE, &o, 1, &org, &c->err) != LUP_OK) {
		rc = cmd_fail(c);
		goto out;
	}
	if (!org) {
		fprintf(stderr, "lup report create: ORG: unknown organisation '%s'\n", pos[0]);
		rc = EXIT_FAIL;
		goto out;
	}
	if (report_create(st, &who, org, pos[1], &id, &f, &c->err) != LUP_OK) {
		rc = refused(c, "create", &f);
		goto out;
	}
	printf("%lld\n", (long long)id);
out:
	store_close(st);
	return rc;
}

static int sub_assess(struct cmd_ctx *c, int argc, char **argv);
static const struct cmd assess_usage = { "report assess", sub_assess,
	"report assess ID GOAL fulfilled|partly|not|none [--analysis TEXT] --as USER",
	"assess a goal of a draft or returned report",
	"GOAL is a goal's key or id. An assessment other than the suggested one, and none (Ej bedömt),\n"
	"need an analysis of at least 10 letters or digits (docs/web-follow-cycle.md)." };

static int sub_assess(struct cmd_ctx *c, int argc, char **argv)
{
	const char *as = NULL, *analysis = NULL, *pos[3];
	const struct opt opts[] = { { "--as", &as, NULL }, { "--analysis", &analysis, NULL }, { NULL, NULL, NULL } };
	struct report_save_in in = { 0 };
	struct report_goal_in g;
	struct report_caller who;
	struct report_fail f;
	struct store *st = NULL;
	struct as_user u;
	int64_t id, goal = 0;
	int help = 0, npos, rc;

	if ((rc = cmd_parse(&assess_usage, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&assess_usage, stdout);
	if (npos != 3) {
		fprintf(stderr, "lup report assess: ID, GOAL and ASSESSMENT are required\nusage: lup %s\n", assess_usage.usage);
		return EXIT_USAGE;
	}
	if (!(id = report_id("assess", pos[0])))
		return EXIT_USAGE;
	if ((rc = caller(c, "assess", as, &st, &u, &who)) != EXIT_OK)
		goto out;
	char *end = NULL;
	goal = strtoll(pos[1], &end, 10);
	if (!*pos[1] || *end) {
		struct sval k = SVS(pos[1]);
		if (store_query_id(st, STMT_GOAL_ID, &k, 1, &goal, &c->err) != LUP_OK) {
			rc = cmd_fail(c);
			goto out;
		}
	}
	if (goal <= 0) {
		fprintf(stderr, "lup report assess: GOAL: unknown goal '%s'\n", pos[1]);
		rc = EXIT_FAIL;
		goto out;
	}
	g = (struct report_goal_in){ goal, pos[2], analysis };
	in.goals = &g;
	in.ngoals = 1;
	if (report_save(st, &who, id, &in, NULL, &f, &c->err) != LUP_OK)
		rc = refused(c, "assess", &f);
out:
	store_close(st);
	return rc;
}

/* step: the subcommands that take ID and options: submit, approve, return, decision. */
static int step(struct cmd_ctx *c, int argc, char **argv, const struct cmd *usage, const char *sub)
{
	const char *as = NULL, *comment = NULL, *date = NULL, *paragraph = NULL, *pos[1];
	const struct opt opts[] = { { "--as", &as, NULL }, { "--comment", &comment, NULL }, { "--date", &date, NULL },
				    { "--paragraph", &paragraph, NULL }, { NULL, NULL, NULL } };
	struct report_caller who;
	struct report_fail f;
	struct store *st = NULL;
	struct as_user u;
	int64_t id;
	int help = 0, npos, rc, e;

	if ((rc = cmd_parse(usage, argc, argv, opts, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(usage, stdout);
	if (npos != 1) {
		fprintf(stderr, "lup report %s: the report ID is required\nusage: lup %s\n", sub, usage->usage);
		return EXIT_USAGE;
	}
	if (!(id = report_id(sub, pos[0])))
		return EXIT_USAGE;
	if ((strcmp(sub, "submit") == 0 && (comment || date || paragraph)) ||
	    (strcmp(sub, "decision") != 0 && (date || paragraph)) || (strcmp(sub, "decision") == 0 && comment)) {
		fprintf(stderr, "lup report %s: an option this step does not take\nusage: lup %s\n", sub, usage->usage);
		return EXIT_USAGE;
	}
	if ((rc = caller(c, sub, as, &st, &u, &who)) != EXIT_OK)
		goto out;
	if (strcmp(sub, "submit") == 0)
		e = report_submit(st, &who, id, &f, &c->err);
	else if (strcmp(sub, "approve") == 0)
		e = report_approve(st, &who, id, comment, &f, &c->err);
	else if (strcmp(sub, "return") == 0)
		e = report_return(st, &who, id, comment, &f, &c->err);
	else
		e = report_decision(st, &who, id, date, paragraph, &f, &c->err);
	if (e != LUP_OK)
		rc = refused(c, sub, &f);
out:
	store_close(st);
	return rc;
}

static int sub_submit(struct cmd_ctx *c, int argc, char **argv);
static int sub_approve(struct cmd_ctx *c, int argc, char **argv);
static int sub_return(struct cmd_ctx *c, int argc, char **argv);
static int sub_decision(struct cmd_ctx *c, int argc, char **argv);
static const struct cmd submit_usage = { "report submit", sub_submit, "report submit ID --as USER",
	"submit a draft or returned report", "Refused while a goal is unassessed (no assessment, or none without a reason)." };
static const struct cmd approve_usage = { "report approve", sub_approve, "report approve ID [--comment T] --as USER",
	"approve a submitted report (city office, administrators)", "The comment is kept in the report's history." };
static const struct cmd return_usage = { "report return", sub_return, "report return ID --comment T --as USER",
	"return a submitted report with a comment (city office, administrators)", "The comment is kept in the history." };
static const struct cmd decision_usage = { "report decision", sub_decision,
	"report decision ID --date YYYY-MM-DD --paragraph P --as USER", "record the committee's decision on a report",
	"When: the setting committee_decision (before, after or either; docs/web-follow-cycle.md)." };

static int sub_submit(struct cmd_ctx *c, int argc, char **argv) { return step(c, argc, argv, &submit_usage, "submit"); }
static int sub_approve(struct cmd_ctx *c, int argc, char **argv) { return step(c, argc, argv, &approve_usage, "approve"); }
static int sub_return(struct cmd_ctx *c, int argc, char **argv) { return step(c, argc, argv, &return_usage, "return"); }
static int sub_decision(struct cmd_ctx *c, int argc, char **argv) { return step(c, argc, argv, &decision_usage, "decision"); }

static const struct cmd_sub subs[] = {
	{ "create", sub_create, &create_usage }, { "assess", sub_assess, &assess_usage },
	{ "submit", sub_submit, &submit_usage }, { "approve", sub_approve, &approve_usage },
	{ "return", sub_return, &return_usage }, { "decision", sub_decision, &decision_usage },
};
#define NSUBS (sizeof(subs) / sizeof(subs[0]))

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	return cmd_subcommands(c, &cmd_report, subs, NSUBS, argc, argv);
}

const struct cmd cmd_report = {
	"report", run, "report SUBCOMMAND ID|ORG ... --as USER",
	"the follow-up report's cycle: create, assess, submit, approve, return, decision",
	"The same rules as the API and the forms (docs/web-follow-cycle.md); --as names the user whose\n"
	"role and organisation apply. Errors name the argument; exit 1. Subcommands:",
};
