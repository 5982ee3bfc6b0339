/* cmd-init.c: `lup init` creates the database or upgrades its schema in place. */
#include "cmd/cmd.h"
#include "store/store.h"

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	char shown[512];
	struct store *st = NULL;
	int help = 0, npos, from, to, rc;
	const char *pos[1];

	if ((rc = cmd_parse(&cmd_init, argc, argv, NULL, pos, 0, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_init, stdout);
	if (store_open(c->db, STORE_CREATE | STORE_NO_MIGRATE, &st, &c->err) != LUP_OK)
		return cmd_fail(c);
	rc = store_migrate(st, 0, &from, &to, &c->err);
	store_close(st);
	if (rc != LUP_OK)
		return cmd_fail(c);
	if (from == to)
		printf("%s: up to date (schema version %d)\n", store_shown_address(c->db, shown, sizeof(shown)), to);
	else
		printf("%s: schema version %d -> %d\n", store_shown_address(c->db, shown, sizeof(shown)), from, to);
	return EXIT_OK;
}

const struct cmd cmd_init = {
	"init", run, "init",
	"create the database, or upgrade it to this program's schema",
	"Creates the database file when it does not exist and applies every pending schema\n"
	"migration, each in its own transaction (a failing one is rolled back). Running it on a\n"
	"database that is up to date changes nothing. A database written by a newer lup is refused.",
};
