/* cmd-export.c: `lup export json plan KEY [--version N] [-o FILE]` writes a plan version as the
 * interchange document (docs/plan-json.md). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "doc/plan-json.h"
#include "store/store.h"
#include "view/plan.h"

/* write_direct: text to a path that is not a regular file (a device, a pipe). */
static int write_direct(struct cmd_ctx *c, const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return err_set(&c->err, LUP_EIO, "cannot open %s", path);
	int bad = fputs(text, f) < 0;	/* close whatever the write did */

	if (fclose(f) != 0 || bad)
		return err_set(&c->err, LUP_EIO, "cannot write %s", path);
	return LUP_OK;
}

/* write_out: text to stdout, to a regular file through a temporary name renamed when complete,
 * or straight to anything else (never renaming over a device such as /dev/null). */
static int write_out(struct cmd_ctx *c, const char *path, const char *text)
{
	char tmp[4096];
	struct stat sb;
	FILE *f;

	if (!path || !strcmp(path, "-"))
		return fputs(text, stdout) < 0 ? err_set(&c->err, LUP_EIO, "cannot write standard output") : LUP_OK;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return write_direct(c, path, text);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (!(f = fopen(tmp, "wb")))
		return err_set(&c->err, LUP_EIO, "cannot create %s", tmp);
	if (fputs(text, f) < 0 || fclose(f) != 0) {
		remove(tmp);
		return err_set(&c->err, LUP_EIO, "cannot write %s", tmp);
	}
	if (rename(tmp, path) != 0) {
		remove(tmp);
		return err_set(&c->err, LUP_EIO, "cannot rename %s to %s", tmp, path);
	}
	return LUP_OK;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *version = NULL, *out = NULL, *pos[3];
	const struct opt opts[] = { { "--version", &version, NULL }, { "-o", &out, NULL }, { NULL, NULL, NULL } };
	struct store *st = NULL;
	json_t *doc = NULL;
	char *text = NULL, *end;
	int help = 0, npos, rc;
	long v = 0;

	if ((rc = cmd_parse(&cmd_export, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_export, stdout);
	if (npos != 3 || strcmp(pos[0], "json") || strcmp(pos[1], "plan")) {
		fprintf(stderr, "lup export: what to export is missing or unknown\nusage: lup %s\n", cmd_export.usage);
		return EXIT_USAGE;
	}
	if (version && ((v = strtol(version, &end, 10)) < 1 || *end || v > 1000000)) {
		fprintf(stderr, "lup export: --version must be a version number\n");
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rc = plan_doc_load(st, pos[2], (int)v, &doc, &c->err);
	store_close(st);
	if (rc == LUP_OK && !(text = plan_json_dump(doc)))
		rc = err_set(&c->err, LUP_EDB, "out of memory");
	if (rc == LUP_OK)
		rc = write_out(c, out, text);
	free(text);
	json_decref(doc);
	return rc == LUP_OK ? EXIT_OK : cmd_fail(c);
}

const struct cmd cmd_export = {
	"export", run, "export json plan KEY [--version N] [-o FILE]",
	"write a plan version as a JSON document",
	"Writes one version of plan KEY as the plan interchange document (docs/plan-json.md,\n"
	"schema docs/schema/lup-plan.schema.json) to FILE, or to standard output. Without\n"
	"--version: the newest adopted ('decided') version, else the newest. `lup import json\n"
	"FILE` reads the document back as a new draft version of the plan.",
};
