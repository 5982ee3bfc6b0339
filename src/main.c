/* main.c: the lup command line: global options and the command table. */
#include "cmd/cmd.h"

#include <stdlib.h>
#include <string.h>

#define LUP_VERSION "0.1.0"
#define DEFAULT_DB "var/lup.db"

static const struct cmd *const commands[] = {
	&cmd_init, &cmd_demo, &cmd_import, &cmd_list, &cmd_show, &cmd_check, &cmd_backup, &cmd_copy, &cmd_summary,
	&cmd_serve, &cmd_user, &cmd_token, &cmd_audit, &cmd_export, &cmd_plan, &cmd_deadline, &cmd_remind,
	&cmd_period, &cmd_report,
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
	fprintf(f, "usage: lup [--db PATH] COMMAND [ARGS]\n\n"
		"lup keeps Stockholm's local development programmes (LUP), the goal chain and the\n"
		"follow-up in one database (default %s, or $LUP_DB).\n\ncommands:\n", DEFAULT_DB);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-9s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(f, "\n'lup COMMAND --help' tells more. Exit status: 0 success, 1 failure, 2 bad usage.\n");
}

static const struct cmd *find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	struct cmd_ctx c = { 0 };
	const struct cmd *cmd;
	int i = 1;

	c.db = getenv("LUP_DB") && *getenv("LUP_DB") ? getenv("LUP_DB") : DEFAULT_DB;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc && argv[i + 1][0]) {
			c.db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0 && argv[i][5]) {
			c.db = argv[i] + 5;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return EXIT_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("lup %s\n", LUP_VERSION);
			return EXIT_OK;
		} else {
			fprintf(stderr, "lup: unknown or incomplete option '%s'\n", argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[i], "help") == 0) {
		if (i + 1 < argc && (cmd = find(argv[i + 1])))
			return cmd_help(cmd, stdout);
		usage(stdout);
		return EXIT_OK;
	}
	if (!(cmd = find(argv[i]))) {
		fprintf(stderr, "lup: unknown command '%s'\n", argv[i]);
		usage(stderr);
		return EXIT_USAGE;
	}
	return cmd->run(&c, argc - i, argv + i);
}
