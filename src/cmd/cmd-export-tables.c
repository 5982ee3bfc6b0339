/* cmd-export-tables.c: the table exports of `lup export` (XLSX and CSV, docs/exports.md): load
 * a view's tables (src/view/) and hand them to a writer (src/doc/table*.c). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/cmd-export.h"
#include "doc/table.h"
#include "store/store.h"
#include "view/org-outcomes.h"
#include "view/tables-city.h"

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

/* city_xlsx: the city-wide table of KIND kind (view/tables-city.h) for a->year (0: every year)
 * as a workbook of one sheet titled "Title year" */
static int city_xlsx(struct cmd_ctx *c, struct store *st, const struct export_args *a, const char *kind)
{
	const struct city_table *ct = city_table_find(kind);
	struct table t;
	const struct table *tp[1] = { &t };
	char title[300];
	int rc = ct->load(st, (int)a->year, &t, &c->err);

	if (a->year)
		snprintf(title, sizeof(title), "%s %ld", ct->title, a->year);
	else
		snprintf(title, sizeof(title), "%s, alla år", ct->title);
	if (rc == LUP_OK)
		rc = xlsx_out(c, a, tp, 1, title);
	table_release(&t);
	return rc;
}

/* city_csv: the same table as CSV */
static int city_csv(struct cmd_ctx *c, struct store *st, const struct export_args *a, const char *kind)
{
	struct table t;
	int rc = city_table_find(kind)->load(st, (int)a->year, &t, &c->err);

	if (rc == LUP_OK)
		rc = csv_out(c, a, &t);
	table_release(&t);
	return rc;
}

/* The writers of the city-wide tables: one pair per KIND of the list in view/tables-city.c. */
#define CITY_WRITERS(name, kind) \
	int export_xlsx_##name(struct cmd_ctx *c, struct store *st, const struct export_args *a) \
	{ return city_xlsx(c, st, a, kind); } \
	int export_csv_##name(struct cmd_ctx *c, struct store *st, const struct export_args *a) \
	{ return city_csv(c, st, a, kind); }

CITY_WRITERS(districts_themes, "districts-themes")
CITY_WRITERS(orgs_districts, "orgs-districts")
CITY_WRITERS(activities, "activities")
CITY_WRITERS(commission, "commission")
CITY_WRITERS(allocations, "allocations")
CITY_WRITERS(audit, "audit")
