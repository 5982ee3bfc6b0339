/* cmd-audit.c: `lup audit [ENTITY [ID]]` shows the audit log. */
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/buf.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/store.h"

#include <stdlib.h>

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *pos[2];
	int help = 0, as_json = 0, npos, rc;
	const struct opt opts[] = { { "--json", NULL, &as_json }, { NULL, NULL, NULL } };
	struct arena a = ARENA_INIT;
	struct store *st = NULL;
	struct rowset rs;
	char *end;

	if ((rc = cmd_parse(&cmd_audit, argc, argv, opts, pos, 2, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_audit, stdout);
	long long id = npos == 2 ? strtoll(pos[1], &end, 10) : 0;
	if (npos == 2 && (*end || id <= 0)) {
		fprintf(stderr, "lup audit: ID '%s' must be a positive whole number\n", pos[1]);
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rowset_init(&rs, &a);
	struct sval all = SVI(1000);
	struct sval args[] = { SVS(npos ? pos[0] : NULL), SVID(id) };
	if ((npos ? rowset_query(&rs, st, STMT_AUDIT_LIST, args, 2, &c->err) :
		    rowset_query(&rs, st, STMT_AUDIT_LIST_ALL, &all, 1, &c->err)) != LUP_OK) {
		rc = cmd_fail(c);
	} else if (as_json) {
		struct buf b;
		struct json j;
		buf_init(&b, 0);
		json_init(&j, &b, 1);
		rowset_json(&rs, &j, NULL);
		json_finish(&j);
		fputs(b.ptr, stdout);
		buf_release(&b);
	} else {
		rowset_print(&rs, stdout, "(no entries)");
	}
	store_close(st);
	arena_release(&a);
	return rc;
}

const struct cmd cmd_audit = {
	"audit", run, "audit [ENTITY [ID]] [--json]",
	"show the audit log (of one entity)",
	"Without arguments the newest 1000 entries; with ENTITY (goal, indicator, activity, report,\n"
	"user, dataset, import) its entries; with ID those of one thing. Each entry says who, when,\n"
	"what, and the values before and after.",
};
