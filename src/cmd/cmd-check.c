/* cmd-check.c: `lup check` runs integrity, foreign-key and domain-invariant checks. */
#include "cmd/cmd.h"
#include "store/store.h"

static void report(void *ctx, const char *what, const char *detail)
{
	(void)ctx;
	printf("problem: %s: %s\n", what, detail);
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	char shown[512];
	struct store *st = NULL;
	int help = 0, npos, problems = 0, rc;
	const char *pos[1];

	if ((rc = cmd_parse(&cmd_check, argc, argv, NULL, pos, 0, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_check, stdout);
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rc = store_check(st, report, NULL, &problems, &c->err);
	store_close(st);
	if (rc != LUP_OK)
		return cmd_fail(c);
	if (problems) {
		fprintf(stderr, "lup: %s: %d problem%s found\n", store_shown_address(c->db, shown, sizeof(shown)), problems, problems == 1 ? "" : "s");
		return EXIT_FAIL;
	}
	printf("%s: ok (integrity, foreign keys, domain rules)\n", store_shown_address(c->db, shown, sizeof(shown)));
	return EXIT_OK;
}

const struct cmd cmd_check = {
	"check", run, "check",
	"check the database's integrity, foreign keys and domain rules",
	"Runs the database's own integrity check, the foreign-key check and lup's domain\n"
	"invariants (districts have district committees, the goal chain runs inriktningsmål ->\n"
	"verksamhetsområdesmål -> nämndmål, an LUP's themes and prioritised areas belong to its\n"
	"district, ...). Prints one line per problem; exits 1 when any is found.",
};
