/* cmd-export.c: `lup export FORMAT KIND KEY [--version N] [-o FILE]`: a view as a document or
 * an export. What can be written is a table of (format, kind) -> writer; each writer lives in
 * src/doc/ (one file per document and format) and answers bytes, which are written here. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd.h"
#include "doc/docx-plan.h"
#include "doc/docx.h"
#include "doc/plan-json.h"
#include "store/store.h"
#include "view/plan.h"

/* What the command line asked for, for the writers. */
struct export_args {
	const char *key;	/* KEY */
	int version;		/* --version N, 0 when not given */
	const char *tpl;	/* --template FILE, else NULL (the default template) */
};

/* A writer: the bytes of the document (*data, malloc'd, *len) of a->key read from st. Returns a
 * lup_err code with the message in e. */
typedef int (*export_fn)(struct store *st, const struct export_args *a, char **data, size_t *len, struct err *e);

/* write_direct: text to a path that is not a regular file (a device, a pipe). */
static int write_direct(struct cmd_ctx *c, const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return err_set(&c->err, LUP_EIO, "cannot open %s", path);
	int bad = fwrite(data, 1, len, f) != len;	/* close whatever the write did */

	if (fclose(f) != 0 || bad)
		return err_set(&c->err, LUP_EIO, "cannot write %s", path);
	return LUP_OK;
}

/* write_out: text to stdout, to a regular file through a temporary name renamed when complete,
 * or straight to anything else (never renaming over a device such as /dev/null). */
static int write_out(struct cmd_ctx *c, const char *path, const char *data, size_t len)
{
	char tmp[4096];
	struct stat sb;
	FILE *f;

	if (!path || !strcmp(path, "-"))
		return fwrite(data, 1, len, stdout) != len ? err_set(&c->err, LUP_EIO, "cannot write standard output") : LUP_OK;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return write_direct(c, path, data, len);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if (!(f = fopen(tmp, "wb")))
		return err_set(&c->err, LUP_EIO, "cannot create %s", tmp);
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		remove(tmp);
		return err_set(&c->err, LUP_EIO, "cannot write %s", tmp);
	}
	if (rename(tmp, path) != 0) {
		remove(tmp);
		return err_set(&c->err, LUP_EIO, "cannot rename %s to %s", tmp, path);
	}
	return LUP_OK;
}


/* plan_json: the plan version as the interchange document (docs/plan-json.md). */
static int plan_json(struct store *st, const struct export_args *a, char **data, size_t *len, struct err *e)
{
	json_t *doc = NULL;
	int rc = plan_doc_load(st, a->key, a->version, &doc, e);

	if (rc == LUP_OK && !(*data = plan_json_dump(doc)))
		rc = err_set(e, LUP_EDB, "out of memory");
	if (rc == LUP_OK)
		*len = strlen(*data);
	json_decref(doc);
	return rc;
}

/* plan_docx: the plan version's document (doc/docx-plan.h; for now an LUP only). */
static int plan_docx(struct store *st, const struct export_args *a, char **data, size_t *len, struct err *e)
{
	char tpl[4096];
	json_t *doc = NULL;
	int rc = plan_doc_load(st, a->key, a->version, &doc, e);

	if (rc == LUP_OK)
		rc = docx_plan(st, doc, a->tpl ? a->tpl : docx_template_path(tpl, sizeof(tpl)), data, len, e);
	json_decref(doc);
	return rc;
}

/* What can be exported: one row per format and kind. */
static const struct export_row {
	const char *format, *kind;
	export_fn fn;
} exports[] = {
	{ "json", "plan", plan_json },
	{ "docx", "plan", plan_docx },
};

static const struct export_row *find_export(const char *format, const char *kind)
{
	for (size_t i = 0; i < sizeof(exports) / sizeof(exports[0]); i++)
		if (!strcmp(exports[i].format, format) && !strcmp(exports[i].kind, kind))
			return &exports[i];
	return NULL;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *version = NULL, *out = NULL, *tpl = NULL, *pos[3];
	const struct opt opts[] = { { "--version", &version, NULL }, { "-o", &out, NULL },
				    { "--template", &tpl, NULL }, { NULL, NULL, NULL } };
	const struct export_row *x;
	struct store *st = NULL;
	char *data = NULL, *end;
	size_t len = 0;
	int help = 0, npos, rc;
	long v = 0;

	if ((rc = cmd_parse(&cmd_export, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_export, stdout);
	if (npos != 3 || !(x = find_export(pos[0], pos[1]))) {
		fprintf(stderr, "lup export: what to export is missing or unknown\nusage: lup %s\n", cmd_export.usage);
		return EXIT_USAGE;
	}
	if (version && ((v = strtol(version, &end, 10)) < 1 || *end || v > 1000000)) {
		fprintf(stderr, "lup export: --version must be a version number\n");
		return EXIT_USAGE;
	}
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	struct export_args a = { pos[2], (int)v, tpl };
	rc = x->fn(st, &a, &data, &len, &c->err);
	store_close(st);
	if (rc == LUP_OK)
		rc = write_out(c, out, data, len);
	free(data);
	return rc == LUP_OK ? EXIT_OK : cmd_fail(c);
}

const struct cmd cmd_export = {
	"export", run, "export json|docx plan KEY [--version N] [--template FILE] [-o FILE]",
	"write a plan version as a JSON document or a Word document",
	"Writes one version of plan KEY to FILE, or to standard output. Without --version: the\n"
	"newest adopted ('decided') version, else the newest.\n"
	"  json  the plan interchange document (docs/plan-json.md, schema\n"
	"        docs/schema/lup-plan.schema.json); `lup import json FILE` reads it back as a new\n"
	"        draft version of the plan.\n"
	"  docx  the LUP document (docs/documents.md) on the template --template FILE, else\n"
	"        $LUP_DOCX_TEMPLATE, else templates/lup-mall.docx. A verksamhetsplan has no\n"
	"        document yet (exit 1).\n",
};
