/* cmd-plan-diff.c: `lup plan diff` shows what changed between two versions of a plan. */
#include "cmd/cmd.h"
#include "cmd/cmd-plan.h"
#include "core/buf.h"
#include "doc/plan-diff.h"
#include "store/store.h"
#include "view/plan.h"

#include <jansson.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* The largest plan document read from a file (bytes). */
#define PLAN_DOC_MAX ((size_t)64 << 20)

const struct cmd cmd_plan_diff_usage = {
	"plan diff", cmd_plan_diff, "plan diff [--json] (KEY V1 V2 | --files A.json B.json)",
	"show what changed between two versions of a plan",
	"Compares two versions of a plan: what was added, removed and changed per section (by\n"
	"paragraph), theme, prioritised area, partner, goal, indicator, measure and activity.\n"
	"Prints one line per change (+ added, - removed, ~ changed, with the changed fields), or\n"
	"with --json the diff as JSON (docs/plan-diff.md). --files compares two plan documents\n"
	"(as written by `lup export json plan`) instead of two versions in the database.",
};

/* reads the plan document in file path into *doc (in a) */
static int load_file(struct cmd_ctx *c, const char *path, struct arena *a, struct pval *doc)
{
	json_error_t je;
	json_t *j;

	if (!(j = json_load_file(path, JSON_REJECT_DUPLICATES, &je))) {
		if (je.line < 1)
			return err_set(&c->err, LUP_EIO, "cannot read plan document '%s': %s", path, je.text);
		return err_set(&c->err, LUP_EINVAL, "cannot read plan document '%s': line %d: %s",
			       path, je.line, je.text);
	}
	*doc = pval_from_json(a, j);
	json_decref(j);
	return LUP_OK;
}

/* reads versions pos[1] and pos[2] of plan pos[0] from the database into *a and *b (in ar) */
static int load_versions(struct cmd_ctx *c, const char *const pos[3], struct arena *ar, struct pval *a,
			 struct pval *b)
{
	struct store *st = NULL;
	int v[2], rc;

	for (int i = 0; i < 2; i++) {
		char *end;
		long n = strtol(pos[i + 1], &end, 10);
		if (*end || end == pos[i + 1] || n < 1 || n > 1000000)
			return err_set(&c->err, LUP_EUSAGE, "'%s' is not a version number", pos[i + 1]);
		v[i] = (int)n;
	}
	if (cmd_open(c, 0, &st) != EXIT_OK)
		return LUP_EDB;
	rc = plan_doc_val_load(st, pos[0], v[0], ar, a, &c->err);
	if (rc == LUP_OK)
		rc = plan_doc_val_load(st, pos[0], v[1], ar, b, &c->err);
	store_close(st);
	return rc;
}

/* diffs a against b and prints the result (JSON or text) on stdout */
static int diff_and_print(struct cmd_ctx *c, struct pval *a, struct pval *b, int as_json)
{
	json_t *d = NULL;
	struct buf out;
	int rc;

	buf_init(&out, PLAN_DOC_MAX * 4);
	if ((rc = plan_diff_val(a, b, &d, &c->err)) != LUP_OK)
		goto done;
	if (as_json) {
		char *s = json_dumps(d, JSON_INDENT(2));

		if (!s) {
			rc = err_set(&c->err, LUP_ETOOBIG, "cannot write the diff as JSON");
			goto done;
		}
		buf_adds(&out, s);
		buf_addc(&out, '\n');
		free(s);
	} else if ((rc = plan_diff_text(d, &out)) != LUP_OK) {
		err_set(&c->err, rc, "the diff is too large to print");
		goto done;
	}
	if (fwrite(out.ptr, 1, out.len, stdout) != out.len || fflush(stdout) != 0)
		rc = err_set(&c->err, LUP_EIO, "cannot write the diff: %s", strerror(errno));
done:
	buf_release(&out);
	json_decref(d);
	return rc;
}

int cmd_plan_diff(struct cmd_ctx *c, int argc, char **argv)
{
	int help = 0, files = 0, as_json = 0, npos, rc;
	const char *pos[3];
	const struct opt opts[] = { { "--files", NULL, &files }, { "--json", NULL, &as_json }, { NULL, NULL, NULL } };
	struct arena ar = ARENA_INIT;
	struct pval a, b;

	if ((rc = cmd_parse(&cmd_plan_diff_usage, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_plan_diff_usage, stdout);
	if (npos != (files ? 2 : 3)) {
		fprintf(stderr, "lup plan diff: %s\nusage: lup [--db PATH] %s\n",
			files ? "--files needs two plan documents" : "needs a plan key and two version numbers",
			cmd_plan_diff_usage.usage);
		return EXIT_USAGE;
	}
	if (files) {
		if (load_file(c, pos[0], &ar, &a) != LUP_OK || load_file(c, pos[1], &ar, &b) != LUP_OK)
			goto fail;
	} else if (load_versions(c, pos, &ar, &a, &b) != LUP_OK) {
		goto fail;
	}
	if (diff_and_print(c, &a, &b, as_json) != LUP_OK)
		goto fail;
	arena_release(&ar);
	return EXIT_OK;
fail:
	arena_release(&ar);
	return cmd_fail(c);
}
