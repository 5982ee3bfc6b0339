/* cmd-export-tables.c: the table exports of `lup export` (XLSX and CSV, docs/exports.md): load
 * a view's tables (src/view/) and hand them to a writer (src/doc/table*.c). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd-export.h"
#include "doc/table.h"
#include "store/store.h"
#include "view/org-outcomes.h"

/* xlsx_out: the tables as a workbook at a->out (through a temporary name for a regular file) */
static int xlsx_out(struct cmd_ctx *c, const struct export_args *a, const struct table *const *t, int n,
		    const char *title)
{
	char tmp[4096];
	struct stat sb;
	int rc;

	if (!a->out || !strcmp(a->out, "-"))
		return err_set(&c->err, LUP_EUSAGE, "an XLSX workbook needs -o FILE");
	if (stat(a->out, &sb) == 0 && !S_ISREG(sb.st_mode))
		return table_xlsx(t, n, title, a->out, &c->err);
	if (export_tmp_path(a->out, tmp, sizeof(tmp)) != 0)
		return err_set(&c->err, LUP_EUSAGE, "the file name is too long");
	if ((rc = table_xlsx(t, n, title, tmp, &c->err)) != LUP_OK)
		return rc;
	return export_commit(c, tmp, a->out);
}

/* csv_out: table t as CSV at a->out */
static int csv_out(struct cmd_ctx *c, const struct export_args *a, const struct table *t)
{
	struct buf b;
	int rc;

	buf_init(&b, 0);
	rc = table_csv(t, a->comma ? TABLE_CSV_COMMA : TABLE_CSV_EXCEL_SV, &b, &c->err);
	if (rc == LUP_OK)
		rc = export_write(c, a->out, b.ptr, b.len);
	buf_release(&b);
	return rc;
}

int export_xlsx_organisation(struct cmd_ctx *c, struct store *st, const struct export_args *a)
{
	struct table values, acts;
	const struct table *t[2] = { &values, &acts };
	char title[500];
	int rc = org_outcomes_load(st, a->key, (int)a->year, &values, &acts, title, sizeof(title), &c->err);

	if (rc == LUP_OK)
		rc = xlsx_out(c, a, t, 2, title);
	table_release(&values);
	table_release(&acts);
	return rc;
}

int export_csv_organisation(struct cmd_ctx *c, struct store *st, const struct export_args *a)
{
	struct table values;
	int rc = org_outcomes_load(st, a->key, (int)a->year, &values, NULL, NULL, 0, &c->err);

	if (rc == LUP_OK)
		rc = csv_out(c, a, &values);
	table_release(&values);
	return rc;
}
