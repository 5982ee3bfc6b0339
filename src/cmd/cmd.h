/* cmd.h: the CLI commands (one file each) and what they share. */
#ifndef LUP_CMD_H
#define LUP_CMD_H

#include <stdio.h>

#include "core/err.h"

struct store;

/* Exit codes of every command. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* What main passes to a command. */
struct cmd_ctx {
	const char *db;		/* database path (--db, $LUP_DB or var/lup.db) */
	struct err err;		/* the failure of the last store or load call */
};

/* A command: its name, entry point, one-line usage and help text (printed by --help). */
struct cmd {
	const char *name;
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
	const char *usage;
	const char *summary;
	const char *help;
};

extern const struct cmd cmd_init, cmd_demo, cmd_list, cmd_show, cmd_check, cmd_backup, cmd_summary,
	cmd_import, cmd_serve, cmd_user, cmd_token, cmd_audit, cmd_export, cmd_plan,
	cmd_deadline, cmd_remind, cmd_period, cmd_report, cmd_copy;

/* cmd_show_chain: `lup show chain ORG --year Y [--json]` (cmd-show-chain.c): prints the goal
 * chain of organisation ORG (key, name or alias) for the year, as JSON (the API's document) or
 * as an outline. Returns EXIT_OK, EXIT_USAGE (no year) or EXIT_FAIL (unknown organisation, store
 * error: printed). */
int cmd_show_chain(struct cmd_ctx *c, const char *org, const char *year, int as_json);

/* One command-line option: "--name" with a value (val) or a flag (flag). */
struct opt {
	const char *name;	/* with the leading "--" */
	const char **val;	/* set to the value for an option that takes one */
	int *flag;		/* set to 1 for a flag */
};

/*
 * cmd_parse: splits argv (argv[0] is the command name) into the options in opts (terminated
 * by a {NULL} entry) and positional arguments, stored in pos (at most maxpos; *npos gets the
 * count). "--name=value" and "--name value" both work; "--help" sets *help when help is
 * non-NULL. Returns 0, or prints "lup CMD: problem" and the usage to stderr and returns
 * EXIT_USAGE.
 */
int cmd_parse(const struct cmd *cmd, int argc, char **argv, const struct opt *opts,
	      const char **pos, int maxpos, int *npos, int *help);

/* cmd_help: prints the command's usage and help to f. Returns EXIT_OK. */
int cmd_help(const struct cmd *cmd, FILE *f);

/* A subcommand of a command with several (lup plan, lup report): its name, its function (argv[0]
 * is the subcommand's name) and the cmd that holds its usage and help. */
struct cmd_sub {
	const char *name;
	int (*run)(struct cmd_ctx *c, int argc, char **argv);
	const struct cmd *usage;
};

/* cmd_subcommands: runs the subcommand argv[1] of top from subs[0..n). Without one, or with
 * --help/-h, prints top's help and every subcommand's usage (to stderr and EXIT_USAGE without
 * one, to stdout and EXIT_OK for --help); an unknown name is EXIT_USAGE, named on stderr. */
int cmd_subcommands(struct cmd_ctx *c, const struct cmd *top, const struct cmd_sub *subs, size_t n, int argc,
		    char **argv);

/* cmd_fail: prints "lup: message" from c->err to stderr and returns EXIT_FAIL. */
int cmd_fail(struct cmd_ctx *c);

/* cmd_open: opens c->db (migrating it) into *st; prints the error and returns EXIT_FAIL on
 * failure, else EXIT_OK. create: create the file when missing. */
int cmd_open(struct cmd_ctx *c, int create, struct store **st);

/* cmd_year: parses a year option (NULL allowed: *year = 0). Returns EXIT_OK or prints and
 * returns EXIT_USAGE. */
int cmd_year(const struct cmd *cmd, const char *s, long *year);

#endif
