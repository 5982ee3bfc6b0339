/* cmd-user.c: `lup user add|passwd|list` and `lup token create` manage accounts. Passwords are
 * read from standard input (or a prompt without echo), never from the command line. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "render/rows.h"
#include "store/audit.h"
#include "store/store.h"
#include "web/auth.h"
#include "web/http.h"
#include "web/routes.h"

#include <string.h>
#include <termios.h>
#include <unistd.h>

#define PASSWORD_MIN 10

/* read_password: one line from standard input; prompts without echo on a terminal. */
static int read_password(char *pw, size_t n)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);
	size_t len;

	if (tty) {
		fputs("password: ", stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (!fgets(pw, (int)n, stdin))
		pw[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	len = strcspn(pw, "\r\n");
	pw[len] = '\0';
	if (len < PASSWORD_MIN) {
		fprintf(stderr, "lup: the password must have at least %d characters (read from standard input)\n",
			PASSWORD_MIN);
		return -1;
	}
	return 0;
}

static int user_id(struct cmd_ctx *c, struct store *st, const char *name, int64_t *id)
{
	struct sval v = SVS(name);

	if (store_query_id(st, STMT_USER_BY_NAME, &v, 1, id, &c->err) != LUP_OK)
		return cmd_fail(c);
	if (!*id) {
		fprintf(stderr, "lup: no user '%s'\n", name);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

static int audit(struct cmd_ctx *c, struct store *st, const char *action, int64_t id, const char *name)
{
	char at[32];

	http_now_iso(at, sizeof(at));
	struct audit_rec rec = { at, 0, "lup user", action, "user", id, NULL, name };
	return audit_write(st, &rec, &c->err);
}

static int add(struct cmd_ctx *c, struct store *st, const char *name, const char *org, const char *role)
{
	char pw[1024], hash[AUTH_HASH_MAX], now[32];
	int64_t org_id = 0, id = 0;

	if (role_parse(role) == ROLE_ANON) {
		fprintf(stderr, "lup user: --role '%s': one of admin, city, editor, reader\n", role ? role : "");
		return EXIT_USAGE;
	}
	if (org) {
		struct sval v = SVS(org);
		if (store_query_id(st, STMT_ORG_ID_LOOSE, &v, 1, &org_id, &c->err) != LUP_OK)
			return cmd_fail(c);
		if (!org_id) {
			fprintf(stderr, "lup: unknown organisation '%s'\n", org);
			return EXIT_FAIL;
		}
	} else if (strcmp(role, "editor") == 0) {
		fprintf(stderr, "lup user: an editor needs --org\n");
		return EXIT_USAGE;
	}
	if (read_password(pw, sizeof(pw)) != 0)
		return EXIT_FAIL;
	if (auth_hash_password(pw, hash) != 0) {
		fprintf(stderr, "lup: cannot hash the password\n");
		return EXIT_FAIL;
	}
	http_now_iso(now, sizeof(now));
	struct sval args[] = { SVS(name), SVID(org_id), SVS(role), SVS(hash), SVS(now) };
	if (store_begin(st, &c->err) != LUP_OK ||
	    store_exec(st, STMT_USER_INSERT, args, 5, &id, NULL, &c->err) != LUP_OK ||
	    audit(c, st, "insert", id, name) != LUP_OK || store_commit(st, &c->err) != LUP_OK) {
		store_rollback(st);
		if (c->err.code == LUP_ECONFLICT)
			fprintf(stderr, "lup: a user '%s' exists already\n", name);
		else
			cmd_fail(c);
		return EXIT_FAIL;
	}
	printf("added user %s (%s)\n", name, role);
	return EXIT_OK;
}

static int passwd(struct cmd_ctx *c, struct store *st, const char *name)
{
	char pw[1024], hash[AUTH_HASH_MAX];
	int64_t id;
	int rc;

	if ((rc = user_id(c, st, name, &id)) != EXIT_OK)
		return rc;
	if (read_password(pw, sizeof(pw)) != 0 || auth_hash_password(pw, hash) != 0)
		return EXIT_FAIL;
	struct sval args[] = { SVI(id), SVS(hash) };
	if (store_begin(st, &c->err) != LUP_OK ||
	    store_exec(st, STMT_USER_SET_PASSWORD, args, 2, NULL, NULL, &c->err) != LUP_OK ||
	    audit(c, st, "update", id, name) != LUP_OK || store_commit(st, &c->err) != LUP_OK) {
		store_rollback(st);
		return cmd_fail(c);
	}
	printf("changed the password of %s\n", name);
	return EXIT_OK;
}

static int list(struct cmd_ctx *c, struct store *st)
{
	struct arena a = ARENA_INIT;
	struct rowset rs;

	rowset_init(&rs, &a);
	if (rowset_query(&rs, st, STMT_USER_LIST, NULL, 0, &c->err) != LUP_OK) {
		arena_release(&a);
		return cmd_fail(c);
	}
	rowset_print(&rs, stdout, "(no users)");
	arena_release(&a);
	return EXIT_OK;
}

static int run_user(struct cmd_ctx *c, int argc, char **argv)
{
	const char *org = NULL, *role = NULL, *pos[2];
	int help = 0, npos, rc;
	const struct opt opts[] = { { "--org", &org, NULL }, { "--role", &role, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;

	if ((rc = cmd_parse(&cmd_user, argc, argv, opts, pos, 2, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_user, stdout);
	if (npos < 1 || (strcmp(pos[0], "list") != 0 && npos != 2) ||
	    (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "passwd") != 0 && strcmp(pos[0], "list") != 0)) {
		fprintf(stderr, "usage: lup %s\n", cmd_user.usage);
		return EXIT_USAGE;
	}
	if (strcmp(pos[0], "add") == 0 && !role) {
		fprintf(stderr, "lup user add: --role is required\n");
		return EXIT_USAGE;
	}
	if (auth_init() != 0 || (rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return EXIT_FAIL;
	if (strcmp(pos[0], "add") == 0)
		rc = add(c, st, pos[1], org, role);
	else if (strcmp(pos[0], "passwd") == 0)
		rc = passwd(c, st, pos[1]);
	else
		rc = list(c, st);
	store_close(st);
	return rc;
}

const struct cmd cmd_user = {
	"user", run_user, "user add NAME --role ROLE [--org ORG] | user passwd NAME | user list",
	"manage user accounts (passwords are read from standard input)",
	"  add NAME --role ROLE [--org ORG]  a new user; ROLE is admin, city, editor or reader;\n"
	"                                    an editor belongs to ORG and writes only there\n"
	"  passwd NAME                       set a new password\n"
	"  list                              the users\n"
	"The password is read from standard input (a prompt without echo on a terminal), never\n"
	"from the command line, and stored as an Argon2id hash. At least 10 characters.",
};

static int run_token(struct cmd_ctx *c, int argc, char **argv)
{
	const char *label = NULL, *pos[2];
	int help = 0, npos, rc;
	const struct opt opts[] = { { "--label", &label, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;
	char token[160];
	int64_t id;

	if ((rc = cmd_parse(&cmd_token, argc, argv, opts, pos, 2, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_token, stdout);
	if (npos != 2 || strcmp(pos[0], "create") != 0) {
		fprintf(stderr, "usage: lup %s\n", cmd_token.usage);
		return EXIT_USAGE;
	}
	if (auth_init() != 0 || (rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return EXIT_FAIL;
	if ((rc = user_id(c, st, pos[1], &id)) == EXIT_OK) {
		if (store_begin(st, &c->err) != LUP_OK ||
		    auth_token_create(st, id, label, token, sizeof(token), &c->err) != LUP_OK ||
		    audit(c, st, "insert", id, "api token") != LUP_OK || store_commit(st, &c->err) != LUP_OK) {
			store_rollback(st);
			rc = cmd_fail(c);
		} else {
			printf("%s\n", token);
			fprintf(stderr, "lup: this token is shown once; send it as 'Authorization: Bearer TOKEN'\n");
		}
	}
	store_close(st);
	return rc;
}

const struct cmd cmd_token = {
	"token", run_token, "token create NAME [--label LABEL]",
	"create an API token for a user (shown once)",
	"Prints a new API token for user NAME. Only its Argon2id hash is stored, so it cannot be\n"
	"shown again. Scripts send it as 'Authorization: Bearer TOKEN'.",
};
