/* cmd-user.c: `lup user add|passwd|disable|enable|list` and `lup token create|list|revoke`
 * manage accounts. Passwords are read from standard input (or a prompt without echo), never
 * from the command line. A running server reads sessions, tokens and users from the database
 * on every request, so what these commands change takes effect on its next request. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "edit/account.h"
#include "render/rows.h"
#include "store/audit.h"
#include "store/store.h"
#include "web/auth.h"
#include "web/http.h"
#include "web/routes.h"

#include <stdlib.h>
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

/* the CLI as the actor of the writes of edit/account.c */
static const struct edit_actor cli_actor = { 0, "lup user" };

/* audit_row: records a write by the CLI (actor "lup user") in the open transaction. */
static int audit_row(struct cmd_ctx *c, struct store *st, const char *action, const char *entity, int64_t id,
		     const char *before, const char *after)
{
	char at[32];

	http_now_iso(at, sizeof(at));
	struct audit_rec rec = { at, 0, "lup user", action, entity, id, before, after };
	return audit_write(st, &rec, &c->err);
}

static int audit(struct cmd_ctx *c, struct store *st, const char *action, int64_t id, const char *name)
{
	return audit_row(c, st, action, "user", id, NULL, name);
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
	int ended = 0;
	if (account_set_password(st, &cli_actor, id, hash, NULL, &ended, &c->err) != LUP_OK)
		return cmd_fail(c);
	printf("changed the password of %s; ended %d session%s (API tokens stay valid)\n", name, ended,
	       ended == 1 ? "" : "s");
	return EXIT_OK;
}

/* set_disabled: `lup user disable|enable NAME`. Disabling ends the user's sessions; its tokens
 * are refused while it is disabled and work again once it is enabled. */
static int set_disabled(struct cmd_ctx *c, struct store *st, const char *name, int disabled)
{
	int64_t id;
	int changed = 0, ended = 0, rc;

	if ((rc = user_id(c, st, name, &id)) != EXIT_OK)
		return rc;
	if (account_set_disabled(st, &cli_actor, id, disabled, &changed, &ended, &c->err) != LUP_OK)
		return cmd_fail(c);
	if (!changed)
		printf("%s is %s already\n", name, disabled ? "disabled" : "enabled");
	else if (disabled)
		printf("disabled %s; ended %d session%s\n", name, ended, ended == 1 ? "" : "s");
	else
		printf("enabled %s\n", name);
	return EXIT_OK;
}

/* set_email: `lup user email NAME ADDRESS` ("-" clears): where `lup remind --mail` writes to the
 * user (0023). Audited as an update of the user. */
static int set_email(struct cmd_ctx *c, struct store *st, const char *name, const char *addr)
{
	char after[320];
	size_t len = strlen(addr);
	int64_t id;
	int changed = 0, rc;

	if (strcmp(addr, "-") == 0)
		addr = NULL;
	else if (len < 3 || len > 254 || !strchr(addr, '@') || addr[0] == '@' || addr[len - 1] == '@' ||
		 strpbrk(addr, " \t\r\n,;<>\"\\")) {
		fprintf(stderr, "lup user email: ADDRESS '%s': an e-mail address such as namn@stockholm.se (- removes it)\n",
			addr);
		return EXIT_FAIL;
	}
	if ((rc = user_id(c, st, name, &id)) != EXIT_OK)
		return rc;
	snprintf(after, sizeof(after), addr ? "{\"email\":\"%s\"}" : "{\"email\":null%s}", addr ? addr : "");
	struct sval args[] = { SVI(id), SVS(addr) };
	if (store_begin(st, &c->err) != LUP_OK ||
	    store_exec(st, STMT_WH_USER_EMAIL, args, 2, NULL, &changed, &c->err) != LUP_OK ||
	    (changed && audit_row(c, st, "update", "user", id, NULL, after) != LUP_OK) ||
	    store_commit(st, &c->err) != LUP_OK) {
		store_rollback(st);
		return cmd_fail(c);
	}
	printf(addr ? "%s: e-mail %s\n" : "%s: no e-mail address%s\n", name, addr ? addr : "");
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
	const char *org = NULL, *role = NULL, *pos[3];
	int help = 0, npos, rc;
	const struct opt opts[] = { { "--org", &org, NULL }, { "--role", &role, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;

	if ((rc = cmd_parse(&cmd_user, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_user, stdout);
	if (npos < 1 || (strcmp(pos[0], "list") == 0) != (npos == 1) ||
	    (strcmp(pos[0], "add") != 0 && strcmp(pos[0], "passwd") != 0 && strcmp(pos[0], "list") != 0 &&
	     strcmp(pos[0], "disable") != 0 && strcmp(pos[0], "enable") != 0 && strcmp(pos[0], "email") != 0) ||
	    (strcmp(pos[0], "email") == 0 ? npos != 3 : npos > 2)) {
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
	else if (strcmp(pos[0], "email") == 0)
		rc = set_email(c, st, pos[1], pos[2]);
	else if (strcmp(pos[0], "disable") == 0 || strcmp(pos[0], "enable") == 0)
		rc = set_disabled(c, st, pos[1], strcmp(pos[0], "disable") == 0);
	else
		rc = list(c, st);
	store_close(st);
	return rc;
}

const struct cmd cmd_user = {
	"user", run_user,
	"user add NAME --role ROLE [--org ORG] | user passwd NAME | user email NAME ADDRESS | user disable NAME"
	" | user enable NAME | user list",
	"manage user accounts (passwords are read from standard input)",
	"  add NAME --role ROLE [--org ORG]  a new user; ROLE is admin, city, editor or reader;\n"
	"                                    an editor belongs to ORG and writes only there\n"
	"  passwd NAME                       set a new password; ends the user's sessions\n"
	"                                    (its API tokens stay valid: revoke them with lup token)\n"
	"  email NAME ADDRESS                the user's e-mail address (- removes it), where lup remind\n"
	"                                    --mail sends an editor's reminders\n"
	"  disable NAME                      the user can no longer log in; its sessions end and its\n"
	"                                    tokens are refused, from a running server's next request\n"
	"  enable NAME                       undoes disable (its tokens work again)\n"
	"  list                              the users\n"
	"The password is read from standard input (a prompt without echo on a terminal), never\n"
	"from the command line, and stored as an Argon2id hash. At least 10 characters.",
};

static int token_create(struct cmd_ctx *c, struct store *st, const char *name, const char *label)
{
	char token[160];
	int64_t id;
	int rc;

	if ((rc = user_id(c, st, name, &id)) != EXIT_OK)
		return rc;
	if (store_begin(st, &c->err) != LUP_OK ||
	    auth_token_create(st, id, label, token, sizeof(token), &c->err) != LUP_OK ||
	    audit(c, st, "insert", id, "api token") != LUP_OK || store_commit(st, &c->err) != LUP_OK) {
		store_rollback(st);
		return cmd_fail(c);
	}
	printf("%s\n", token);
	fprintf(stderr, "lup: this token is shown once; send it as 'Authorization: Bearer TOKEN'\n");
	return EXIT_OK;
}

/* token_list: `lup token list [--user NAME]`: id, user, label, created, expires, revoked. */
static int token_list(struct cmd_ctx *c, struct store *st, const char *name)
{
	struct arena a = ARENA_INIT;
	struct rowset rs;
	int64_t id = 0;
	int rc;

	if (name && (rc = user_id(c, st, name, &id)) != EXIT_OK)
		return rc;
	struct sval arg = SVID(id);
	rowset_init(&rs, &a);
	if (rowset_query(&rs, st, STMT_TOKEN_LIST, &arg, 1, &c->err) != LUP_OK) {
		arena_release(&a);
		return cmd_fail(c);
	}
	rowset_print(&rs, stdout, "(no tokens)");
	arena_release(&a);
	return EXIT_OK;
}

/* token_revoke: `lup token revoke ID`; a running server refuses it from its next request. */
static int token_revoke(struct cmd_ctx *c, struct store *st, const char *ids)
{
	char *end;
	long long id = strtoll(ids, &end, 10);
	int changed = 0;

	if (*end || id <= 0) {
		fprintf(stderr, "lup token revoke: '%s' is not a token id (see lup token list)\n", ids);
		return EXIT_USAGE;
	}
	if (account_revoke_token(st, &cli_actor, id, &changed, &c->err) != LUP_OK)
		return cmd_fail(c);
	printf(changed ? "revoked token %lld\n" : "token %lld is revoked already\n", id);
	return EXIT_OK;
}

static int run_token(struct cmd_ctx *c, int argc, char **argv)
{
	const char *label = NULL, *user = NULL, *pos[2];
	int help = 0, npos, rc;
	const struct opt opts[] = { { "--label", &label, NULL }, { "--user", &user, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;

	if ((rc = cmd_parse(&cmd_token, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_token, stdout);
	if (npos < 1 || (strcmp(pos[0], "list") == 0) != (npos == 1) ||
	    (strcmp(pos[0], "create") != 0 && strcmp(pos[0], "list") != 0 && strcmp(pos[0], "revoke") != 0) ||
	    (label && strcmp(pos[0], "create") != 0) || (user && strcmp(pos[0], "list") != 0)) {
		fprintf(stderr, "usage: lup %s\n", cmd_token.usage);
		return EXIT_USAGE;
	}
	if (auth_init() != 0 || (rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return EXIT_FAIL;
	if (strcmp(pos[0], "create") == 0)
		rc = token_create(c, st, pos[1], label);
	else if (strcmp(pos[0], "list") == 0)
		rc = token_list(c, st, user);
	else
		rc = token_revoke(c, st, pos[1]);
	store_close(st);
	return rc;
}

const struct cmd cmd_token = {
	"token", run_token, "token create NAME [--label LABEL] | token list [--user NAME] | token revoke ID",
	"create, list and revoke API tokens",
	"  create NAME [--label LABEL]  prints a new API token for user NAME (shown once: only its\n"
	"                               Argon2id hash is stored); scripts send it as\n"
	"                               'Authorization: Bearer TOKEN'\n"
	"  list [--user NAME]           the tokens: id, user, label, created, expires, revoked\n"
	"  revoke ID                    the token stops working, in a running server from its\n"
	"                               next request",
};
