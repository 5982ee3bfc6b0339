/* cmd-util.c: option parsing and error reporting shared by the commands. */
#include "cmd/cmd.h"
#include "store/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cmd_help(const struct cmd *cmd, FILE *f)
{
	fprintf(f, "usage: lup [--db PATH] %s\n\n%s\n", cmd->usage, cmd->help);
	return EXIT_OK;
}

static int usage_error(const struct cmd *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int usage_error(const struct cmd *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "lup %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: lup [--db PATH] %s\n", cmd->usage);
	return EXIT_USAGE;
}

static const struct opt *find_opt(const struct opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

int cmd_parse(const struct cmd *cmd, int argc, char **argv, const struct opt *opts,
	      const char **pos, int maxpos, int *npos, int *help)
{
	*npos = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *eq;
		const struct opt *o;
		size_t len;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			if (help)
				*help = 1;
			continue;
		}
		/* a short option ("-o") is an option only when opts names it */
		if ((strncmp(a, "--", 2) != 0 && !find_opt(opts, a, strlen(a))) || strcmp(a, "--") == 0) {
			if (*npos >= maxpos)
				return usage_error(cmd, "unexpected argument '%s'", a);
			pos[(*npos)++] = a;
			continue;
		}
		eq = strchr(a, '=');
		len = eq ? (size_t)(eq - a) : strlen(a);
		if (!(o = find_opt(opts, a, len)))
			return usage_error(cmd, "unknown option '%s'", a);
		if (o->flag) {
			if (eq)
				return usage_error(cmd, "option '%s' takes no value", a);
			*o->flag = 1;
		} else if (eq) {
			*o->val = eq + 1;
		} else if (i + 1 < argc) {
			*o->val = argv[++i];
		} else {
			return usage_error(cmd, "option '%s' needs a value", a);
		}
	}
	return EXIT_OK;
}

int cmd_fail(struct cmd_ctx *c)
{
	fprintf(stderr, "lup: %s\n", c->err.msg[0] ? c->err.msg : lup_strerror(c->err.code));
	return EXIT_FAIL;
}

int cmd_open(struct cmd_ctx *c, int create, struct store **st)
{
	if (store_open(c->db, create ? STORE_CREATE : 0, st, &c->err) != LUP_OK)
		return cmd_fail(c);
	return EXIT_OK;
}

int cmd_year(const struct cmd *cmd, const char *s, long *year)
{
	char *end;

	*year = 0;
	if (!s)
		return EXIT_OK;
	errno = 0;
	*year = strtol(s, &end, 10);
	if (errno || end == s || *end || *year < 1900 || *year > 2999)
		return usage_error(cmd, "'%s' is not a year (1900-2999)", s);
	return EXIT_OK;
}

int cmd_subcommands(struct cmd_ctx *c, const struct cmd *top, const struct cmd_sub *subs, size_t n, int argc,
		    char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		FILE *f = argc < 2 ? stderr : stdout;
		cmd_help(top, f);
		for (size_t i = 0; i < n; i++)
			fprintf(f, "  lup %s\n", subs[i].usage->usage);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return subs[i].run(c, argc - 1, argv + 1);
	fprintf(stderr, "lup %s: unknown subcommand '%s'\n", top->name, argv[1]);
	return EXIT_USAGE;
}
