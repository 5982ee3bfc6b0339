/* cmd-backup.c: `lup backup FILE` writes an online, consistent copy of the database. */
#include "cmd/cmd.h"
#include "store/store.h"

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	char shown[512];
	struct store *st = NULL;
	int help = 0, npos, rc;
	const char *pos[1];

	if ((rc = cmd_parse(&cmd_backup, argc, argv, NULL, pos, 1, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_backup, stdout);
	if (npos != 1) {
		fprintf(stderr, "lup backup: the backup FILE is missing\nusage: lup %s\n", cmd_backup.usage);
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rc = store_backup(st, pos[0], &c->err);
	store_close(st);
	if (rc != LUP_OK)
		return cmd_fail(c);
	printf("backed up %s to %s\n", store_shown_address(c->db, shown, sizeof(shown)), pos[0]);
	return EXIT_OK;
}

const struct cmd cmd_backup = {
	"backup", run, "backup FILE",
	"write a consistent copy of the database to FILE",
	"Copies the open database to FILE with the database's online backup, so readers and\n"
	"writers may go on meanwhile. FILE is written under a temporary name and then renamed,\n"
	"so an existing FILE is replaced only by a complete copy.",
};
