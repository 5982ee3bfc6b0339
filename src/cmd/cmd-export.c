/* cmd-export.c: `lup export FORMAT KIND [KEY] [--year Y] [--period T1|T2|VB] [--version N]
 * [--dialect excel|comma] [-o FILE]`: a dispatch table (format x kind -> writer); the writers
 * live in their own files (the plan as JSON here, the tables in cmd-export-tables.c). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd-export.h"
#include "doc/docx-plan.h"
#include "doc/docx.h"
#include "doc/plan-json.h"
#include "store/store.h"
#include "view/plan.h"

/* What a writer needs from the command line: --year; no KEY (a city-wide table). */
enum { NEED_YEAR = 1, NO_KEY = 2 };

/* One export: format x kind -> writer, and what it needs (NEED_*); the document rows (docx,
 * pdf, pdfa) name their document's maker, which the writer gets as a->docx. */
struct export_row {
	const char *format;
	const char *kind;
	export_fn fn;
	unsigned need;
	docx_fn docx;
};

/* write_direct: text to a path that is not a regular file (a device, a pipe). */
static int write_direct(struct cmd_ctx *c, const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return err_set(&c->err, LUP_EIO, "cannot open %s", path);
	int bad = fwrite(text, 1, len, f) != len;	/* close whatever the write did */

	if (fclose(f) != 0 || bad)
		return err_set(&c->err, LUP_EIO, "cannot write %s", path);
	return LUP_OK;
}

int export_tmp_path(const char *path, char *buf, size_t n)
{
	return (size_t)snprintf(buf, n, "%s.tmp", path) < n ? 0 : -1;
}

int export_commit(struct cmd_ctx *c, const char *tmp, const char *path)
{
	if (rename(tmp, path) != 0) {
		remove(tmp);
		return err_set(&c->err, LUP_EIO, "cannot rename %s to %s", tmp, path);
	}
	return LUP_OK;
}

int export_write(struct cmd_ctx *c, const char *path, const char *text, size_t len)
{
	char tmp[4096];
	struct stat sb;
	FILE *f;

	if (!path || !strcmp(path, "-"))
		return fwrite(text, 1, len, stdout) != len ? err_set(&c->err, LUP_EIO, "cannot write standard output") : LUP_OK;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return write_direct(c, path, text, len);
	if (export_tmp_path(path, tmp, sizeof(tmp)) != 0)
		return err_set(&c->err, LUP_EIO, "the file name %s is too long", path);
	if (!(f = fopen(tmp, "wb")))
		return err_set(&c->err, LUP_EIO, "cannot create %s", tmp);
	if (fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		remove(tmp);
		return err_set(&c->err, LUP_EIO, "cannot write %s", tmp);
	}
	return export_commit(c, tmp, path);
}

/* export_json_plan: a plan version as the interchange document (docs/plan-json.md) */
static int export_json_plan(struct cmd_ctx *c, struct store *st, const struct export_args *a)
{
	json_t *doc = NULL;
	char *text = NULL;
	int rc = plan_doc_load(st, a->key, (int)a->version, &doc, &c->err);

	if (rc == LUP_OK && !(text = plan_json_dump(doc)))
		rc = err_set(&c->err, LUP_EDB, "out of memory");
	if (rc == LUP_OK)
		rc = export_write(c, a->out, text, strlen(text));
	free(text);
	json_decref(doc);
	return rc;
}

/* docx_of_plan: the plan version's document (doc/docx-plan.h; an LUP) on the template
 * --template FILE, else the default (docx_template_path); the maker of the docx, pdf and pdfa
 * plan rows */
static int docx_of_plan(struct cmd_ctx *c, struct store *st, const struct export_args *a, char **data, size_t *len)
{
	char tpl[4096];
	json_t *doc = NULL;
	int rc = plan_doc_load(st, a->key, (int)a->version, &doc, &c->err);

	*data = NULL;
	*len = 0;
	if (rc == LUP_OK)
		rc = docx_plan(st, doc, a->tpl ? a->tpl : docx_template_path(tpl, sizeof(tpl)), data, len, &c->err);
	json_decref(doc);
	return rc;
}

/* The exports: one row per format and kind. */
static const struct export_row exports[] = {
	{ "json", "plan", export_json_plan, 0, NULL },
	{ "docx", "plan", export_docx, 0, docx_of_plan },
	{ "pdf", "plan", export_pdf, 0, docx_of_plan },
	{ "pdfa", "plan", export_pdfa, 0, docx_of_plan },
	{ "xlsx", "organisation", export_xlsx_organisation, NEED_YEAR, NULL },
	{ "csv", "organisation", export_csv_organisation, NEED_YEAR, NULL },
	{ "xlsx", "districts-themes", export_xlsx_districts_themes, NO_KEY, NULL },
	{ "csv", "districts-themes", export_csv_districts_themes, NO_KEY, NULL },
	{ "xlsx", "orgs-districts", export_xlsx_orgs_districts, NO_KEY, NULL },
	{ "csv", "orgs-districts", export_csv_orgs_districts, NO_KEY, NULL },
	{ "xlsx", "activities", export_xlsx_activities, NO_KEY, NULL },
	{ "csv", "activities", export_csv_activities, NO_KEY, NULL },
	{ "xlsx", "commission", export_xlsx_commission, NO_KEY, NULL },
	{ "csv", "commission", export_csv_commission, NO_KEY, NULL },
	{ "xlsx", "allocations", export_xlsx_allocations, NO_KEY, NULL },
	{ "csv", "allocations", export_csv_allocations, NO_KEY, NULL },
	{ "xlsx", "audit", export_xlsx_audit, NO_KEY, NULL },
	{ "csv", "audit", export_csv_audit, NO_KEY, NULL },
	{ NULL, NULL, NULL, 0, NULL },
};

/* find: the row of format and kind, or NULL (after printing what there is) */
static const struct export_row *find(const char *format, const char *kind)
{
	for (const struct export_row *x = exports; x->format; x++)
		if (!strcmp(x->format, format) && !strcmp(x->kind, kind))
			return x;
	fprintf(stderr, "lup export: cannot export '%s' as '%s' (available:", kind, format);
	for (const struct export_row *x = exports; x->format; x++)
		fprintf(stderr, "%s %s %s", x == exports ? "" : ",", x->format, x->kind);
	fprintf(stderr, ")\nusage: lup %s\n", cmd_export.usage);
	return NULL;
}

/* args: the options checked into *a; EXIT_OK or EXIT_USAGE (printed) */
static int args(const struct export_row *x, const char *year, const char *version, const char *dialect,
		struct export_args *a)
{
	char *end;
	int rc;

	if ((rc = cmd_year(&cmd_export, year, &a->year)) != EXIT_OK)
		return rc;
	if ((x->need & NEED_YEAR) && !a->year) {
		fprintf(stderr, "lup export: %s %s needs --year\n", x->format, x->kind);
		return EXIT_USAGE;
	}
	if (version && ((a->version = strtol(version, &end, 10)) < 1 || *end || a->version > 1000000)) {
		fprintf(stderr, "lup export: --version must be a version number\n");
		return EXIT_USAGE;
	}
	if (a->period && strcmp(a->period, "T1") && strcmp(a->period, "T2") && strcmp(a->period, "VB")) {
		fprintf(stderr, "lup export: --period must be T1, T2 or VB\n");
		return EXIT_USAGE;
	}
	if (dialect && strcmp(dialect, "excel") && strcmp(dialect, "comma")) {
		fprintf(stderr, "lup export: --dialect must be excel or comma\n");
		return EXIT_USAGE;
	}
	a->comma = dialect && !strcmp(dialect, "comma");
	return EXIT_OK;
}

static int run(struct cmd_ctx *c, int argc, char **argv)
{
	const char *version = NULL, *year = NULL, *dialect = NULL, *pos[3];
	struct export_args a = { 0 };
	const struct opt opts[] = {
		{ "--version", &version, NULL }, { "--year", &year, NULL }, { "--period", &a.period, NULL },
		{ "--dialect", &dialect, NULL }, { "-o", &a.out, NULL }, { "--template", &a.tpl, NULL },
		{ NULL, NULL, NULL },
	};
	const struct export_row *x;
	struct store *st = NULL;
	int help = 0, npos, rc;

	if ((rc = cmd_parse(&cmd_export, argc, argv, opts, pos, 3, &npos, &help)) != EXIT_OK)
		return rc;
	if (help)
		return cmd_help(&cmd_export, stdout);
	if (npos < 2) {
		fprintf(stderr, "lup export: what to export is missing or unknown\nusage: lup %s\n", cmd_export.usage);
		return EXIT_USAGE;
	}
	if (!(x = find(pos[0], pos[1])))
		return EXIT_USAGE;
	if (npos != ((x->need & NO_KEY) ? 2 : 3)) {
		fprintf(stderr, "lup export: %s %s %s\nusage: lup %s\n", x->format, x->kind,
			(x->need & NO_KEY) ? "takes no KEY (a city-wide table)" : "needs a KEY", cmd_export.usage);
		return EXIT_USAGE;
	}
	a.key = npos == 3 ? pos[2] : NULL;
	a.docx = x->docx;
	if ((rc = args(x, year, version, dialect, &a)) != EXIT_OK)
		return rc;
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	rc = x->fn(c, st, &a);
	store_close(st);
	if (rc == LUP_EUSAGE) {
		fprintf(stderr, "lup export: %s\n", c->err.msg);
		return EXIT_USAGE;
	}
	return rc == LUP_OK ? EXIT_OK : cmd_fail(c);
}

const struct cmd cmd_export = {
	"export", run,
	"export FORMAT KIND [KEY] [--year Y] [--period T1|T2|VB] [--version N] [--dialect excel|comma]"
	" [--template FILE] [-o FILE]",
	"write a plan as JSON, a Word document or PDF, an organisation's indicators or a city-wide table as XLSX or CSV",
	"FORMAT KIND pairs:\n"
	"  json plan KEY [--version N]     one version of plan KEY as the plan interchange document\n"
	"                                  (docs/plan-json.md); without --version the newest adopted\n"
	"                                  ('decided') version, else the newest. `lup import json FILE`\n"
	"                                  reads it back as a new draft version.\n"
	"  docx plan KEY [--version N]     the LUP document (docs/documents.md) on the template\n"
	"                                  --template FILE, else $LUP_DOCX_TEMPLATE, else\n"
	"                                  templates/lup-mall.docx. A verksamhetsplan has no document\n"
	"                                  yet (exit 1).\n"
	"  pdf plan KEY [--version N]      the LUP document as tagged PDF (headings, tables, bookmarks,\n"
	"                                  language sv-SE, its title), converted by LibreOffice\n"
	"                                  (soffice: $LUP_SOFFICE, else on $PATH; package\n"
	"                                  libreoffice-writer-nogui); takes a few seconds\n"
	"  pdfa plan KEY [--version N]     the same as PDF/A-2b for the archive\n"
	"  xlsx organisation KEY --year Y  the organisation's indicators on its goal chain of year Y\n"
	"                                  with targets and outcomes (sheet Indikatorer) and its\n"
	"                                  activities (sheet Aktiviteter); needs -o FILE\n"
	"  csv organisation KEY --year Y   the indicator sheet as CSV that `lup import csv` reads back\n"
	"                                  unchanged; --dialect excel (default: UTF-8 with BOM, ';',\n"
	"                                  decimal comma) or comma (',', decimal point, no BOM)\n"
	"  xlsx|csv KIND [--year Y]        a city-wide table, no KEY; KIND is districts-themes\n"
	"                                  (the LUPs' themes), orgs-districts (activities per\n"
	"                                  organisation and district), activities, commission (the\n"
	"                                  responses to the commission's measures), allocations\n"
	"                                  (resources) or audit (the whole audit log); --year Y keeps\n"
	"                                  that year's rows, without it every year\n"
	"Output goes to FILE (written through FILE.tmp, renamed when complete), or to standard output.\n"
	"docs/exports.md describes the tables and their columns.",
};
