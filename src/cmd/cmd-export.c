/* cmd-export.c: `lup export FORMAT KIND KEY [--year Y] [--period T1|T2|VB] [--version N]
 * [--dialect excel|comma] [-o FILE]`: the arguments, then the row of the table of exports
 * (doc/export.h, shared with the web and the API) writes the bytes that go to the file. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd-export.h"
#include "doc/export.h"
#include "store/store.h"

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

/* find: the row of format and kind, or NULL (after printing what there is) */
static const struct export_row *find(const char *format, const char *kind)
{
	const struct export_row *x = export_find(format, kind);

	if (x)
		return x;
	fprintf(stderr, "lup export: cannot export '%s' as '%s' (available:", kind, format);
	for (x = export_rows; x->format; x++)
		fprintf(stderr, "%s %s %s", x == export_rows ? "" : ",", x->format, x->kind);
	fprintf(stderr, ")\nusage: lup %s\n", cmd_export.usage);
	return NULL;
}

/* args: the options checked into *a; EXIT_OK or EXIT_USAGE (printed) */
static int args(const struct export_row *x, const char *year, const char *version, const char *dialect,
		struct export_args *a)
{
	long y = 0, v = 0;
	char *end;
	int rc;

	if ((rc = cmd_year(&cmd_export, year, &y)) != EXIT_OK)
		return rc;
	a->year = (int)y;
	if ((x->need & EXPORT_NEED_YEAR) && !a->year) {
		fprintf(stderr, "lup export: %s %s needs --year\n", x->format, x->kind);
		return EXIT_USAGE;
	}
	if (version && ((v = strtol(version, &end, 10)) < 1 || *end || v > 1000000)) {
		fprintf(stderr, "lup export: --version must be a version number\n");
		return EXIT_USAGE;
	}
	a->version = (int)v;
	if ((x->need & EXPORT_NEED_PERIOD) && !a->period) {
		fprintf(stderr, "lup export: %s %s needs --period\n", x->format, x->kind);
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
	const char *version = NULL, *year = NULL, *dialect = NULL, *out = NULL, *pos[3];
	struct export_args a = { 0 };
	struct export_file f;
	const struct opt opts[] = {
		{ "--version", &version, NULL }, { "--year", &year, NULL }, { "--period", &a.period, NULL },
		{ "--dialect", &dialect, NULL }, { "-o", &out, NULL }, { "--template", &a.tpl, NULL },
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
	if (npos != ((x->need & EXPORT_NO_KEY) ? 2 : 3)) {
		fprintf(stderr, "lup export: %s %s %s\nusage: lup %s\n", pos[0], pos[1],
			(x->need & EXPORT_NO_KEY) ? "takes no KEY (a city-wide table)" : "needs a KEY", cmd_export.usage);
		return EXIT_USAGE;
	}
	a.key = npos == 3 ? pos[2] : NULL;
	if ((rc = args(x, year, version, dialect, &a)) != EXIT_OK)
		return rc;
	if ((rc = cmd_open(c, 0, &st)) != EXIT_OK)
		return rc;
	if ((rc = export_run(x, st, &a, &f, &c->err)) == LUP_OK) {
		rc = export_write(c, out, f.data, f.len);
		export_file_release(&f);
	}
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
	"write a plan, a verksamhetsplan or a report as a Word document or PDF, a plan as JSON, an organisation's indicators or a city-wide table as XLSX or CSV",
	"FORMAT KIND pairs:\n"
	"  json plan KEY [--version N]     one version of plan KEY as the plan interchange document\n"
	"                                  (docs/plan-json.md); without --version the newest adopted\n"
	"                                  ('decided') version, else the newest. `lup import json FILE`\n"
	"                                  reads it back as a new draft version.\n"
	"  docx plan KEY [--version N]     the LUP document (docs/documents.md) on the template\n"
	"                                  --template FILE, else $LUP_DOCX_TEMPLATE, else\n"
	"                                  templates/lup-mall.docx; of a verksamhetsplan (vp-...) the\n"
	"                                  verksamhetsplan document of that version.\n"
	"  pdf plan KEY [--version N]      the LUP document as tagged PDF (headings, tables, bookmarks,\n"
	"                                  language sv-SE, its title), converted by LibreOffice\n"
	"                                  (soffice: $LUP_SOFFICE, else on $PATH; package\n"
	"                                  libreoffice-writer-nogui); takes a few seconds\n"
	"  pdfa plan KEY [--version N]     the same as PDF/A-2b for the archive\n"
	"  xlsx organisation KEY --year Y  the organisation's indicators on its goal chain of year Y\n"
	"                                  with targets and outcomes (sheet Indikatorer) and its\n"
	"                                  activities (sheet Aktiviteter)\n"
	"  csv organisation KEY --year Y   the indicator sheet as CSV that `lup import csv` reads back\n"
	"                                  unchanged; --dialect excel (default: UTF-8 with BOM, ';',\n"
	"                                  decimal comma) or comma (',', decimal point, no BOM)\n"
	"  docx|pdf|pdfa organisation KEY --year Y\n"
	"                                  the organisation's verksamhetsplan of year Y: its goal\n"
	"                                  chain with indicators, activities and budget tables\n"
	"  docx|pdf|pdfa report KEY --year Y --period T1|T2|VB\n"
	"                                  organisation KEY's follow-up report of the period:\n"
	"                                  assessments, rules, analyses, outcomes against targets\n"
	"  xlsx|csv district KEY [--year Y]\n"
	"                                  the district's indicators against the city (full year,\n"
	"                                  per sex) as on its page; without --year the newest year\n"
	"  xlsx|csv KIND [--year Y]        a city-wide table, no KEY; KIND is districts-themes\n"
	"                                  (the LUPs' themes), orgs-districts (activities per\n"
	"                                  organisation and district), activities, commission (the\n"
	"                                  responses to the commission's measures), allocations\n"
	"                                  (resources), resources-need (the districts by need index\n"
	"                                  with the year's resources per resident; without --year\n"
	"                                  the current year) or audit (the whole audit log); --year Y\n"
	"                                  keeps that year's rows, without it every year\n"
	"Output goes to FILE (written through FILE.tmp, renamed when complete), or to standard output.\n"
	"docs/exports.md describes the tables and their columns.",
};
