/* cmd-copy.c: `lup copy FROM TO` moves a whole database between backends (a SQLite file and a
 * postgresql:// database, either way) in one transaction on the target. */
#include "cmd/cmd.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static void report(void *ctx, const char *table, int64_t from, int64_t to)
{
	int64_t *total = ctx;

	*total += to;
	printf("%-32s %10lld %10lld\n", table, (long long)from, (long long)to);
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	struct store *from = NULL, *to = NULL;
	int help = 0, npos, rc, replace = 0;
	const struct opt opts[] = { { "--replace", NULL, &replace }, { NULL, NULL, NULL } };
	int64_t total = 0;
	const char *pos[2];

	if ((rc = cmd_parse(&cmd_copy, argc, argv, opts, pos, 2, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_copy, stdout);
	if (npos != 2) {
		fprintf(stderr, "lup copy: give the source and the target database\nusage: lup %s\n", cmd_copy.usage);
		return EXIT_USAGE;
	}
	if (store_open(pos[0], 0, &from, &c->err) != LUP_OK)
		return cmd_fail(c);
	if (store_open(pos[1], STORE_CREATE, &to, &c->err) != LUP_OK) {
		store_close(from);
		return cmd_fail(c);
	}
	printf("%-32s %10s %10s\n", "table", store_backend(from), store_backend(to));
	rc = store_copy(from, to, replace, report, &total, &c->err);
	store_close(from);
	store_close(to);
	if (rc != LUP_OK)
		return cmd_fail(c);
	printf("copied %lld rows; the counts of every table agree\n", (long long)total);
	return EXIT_OK;
}

const struct cmd cmd_copy = {
	"copy", run, "copy FROM TO [--replace]",
	"copy a whole database to another, SQLite or PostgreSQL",
	"Copies every row of FROM into TO, each a SQLite file or a postgresql:// address, in one\n"
	"transaction on TO: foreign keys are checked at its end, the search index is rebuilt, and\n"
	"the row counts of every table are compared before it commits (any difference, and any\n"
	"error, leaves TO as it was). TO is created (and brought to this program's schema) when\n"
	"missing. A TO that already holds data is refused unless --replace is given, which\n"
	"replaces its data. Prints each table's rows in FROM and TO.",
};
