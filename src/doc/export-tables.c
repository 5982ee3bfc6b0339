/* export-tables.c: the table exports (export.h; docs/exports.md): load a view's tables
 * (src/view/) and hand them to a writer (src/doc/table*.c). XLSX goes through a private
 * temporary file (libxlsxwriter writes files), read back and removed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/xalloc.h"
#include "doc/export.h"
#include "doc/table.h"
#include "store/store.h"
#include "view/org-outcomes.h"
#include "view/tables-city.h"

/* slurp: the whole file fd into *data (malloc'd) and *len; 0, or -1 */
static int slurp(int fd, char **data, size_t *len)
{
	struct buf b;
	char chunk[65536];
	ssize_t n;

	buf_init(&b, 0);
	if (lseek(fd, 0, SEEK_SET) != 0)
		return -1;
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		if (buf_add(&b, chunk, (size_t)n) != 0)
			break;
	if (n != 0) {
		buf_release(&b);
		return -1;
	}
	*data = buf_detach(&b, len);
	return 0;
}

/* export_xlsx_bytes: export.h */
int export_xlsx_bytes(const struct table *const *t, int n, const char *title, struct export_file *f, struct err *e)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	int fd, rc;

	if (snprintf(path, sizeof(path), "%s/lup-xlsx-XXXXXX", dir && *dir ? dir : "/tmp") >= (int)sizeof(path))
		return err_set(e, LUP_EIO, "the temporary directory's name is too long");
	if ((fd = mkstemp(path)) < 0)
		return err_set(e, LUP_EIO, "cannot create a temporary file in %s", dir && *dir ? dir : "/tmp");
	rc = table_xlsx(t, n, title, path, e);
	if (rc == LUP_OK && slurp(fd, &f->data, &f->len) != 0)
		rc = err_set(e, LUP_EIO, "cannot read the workbook back from %s", path);
	close(fd);
	unlink(path);
	return rc;
}

int export_xlsx_organisation(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	struct table values, acts;
	const struct table *t[2] = { &values, &acts };
	char title[500];
	int rc = org_outcomes_load(st, a->key, a->year, &values, &acts, title, sizeof(title), e);

	if (rc == LUP_OK)
		rc = export_xlsx_bytes(t, 2, title, f, e);
	if (rc == LUP_OK)
		export_name(f, "Indikatorer %s", title);
	table_release(&values);
	table_release(&acts);
	return rc;
}

int export_csv_organisation(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	struct table values;
	struct buf b;
	char title[500];
	int rc = org_outcomes_load(st, a->key, a->year, &values, NULL, title, sizeof(title), e);

	buf_init(&b, 0);
	if (rc == LUP_OK)
		rc = table_csv(&values, a->comma ? TABLE_CSV_COMMA : TABLE_CSV_EXCEL_SV, &b, e);
	if (rc == LUP_OK) {
		f->data = buf_detach(&b, &f->len);
		export_name(f, "Indikatorer %s", title);
	}
	buf_release(&b);
	table_release(&values);
	return rc;
}

/* city_table: the city-wide table of kind (view/tables-city.h) for a->year (0: every year), as
 * a workbook of one sheet (xlsx) or CSV, named "Title year" or "Title, alla år" */
static int city_table(const char *kind, int xlsx, struct store *st, const struct export_args *a,
		      struct export_file *f, struct err *e)
{
	const struct city_table *ct = city_table_find(kind);
	const struct table *tp[1];
	struct table t;
	char title[300];
	struct buf b;
	int rc = ct->load(st, a->year, &t, e);

	tp[0] = &t;
	if (a->year)
		snprintf(title, sizeof(title), "%s %d", ct->title, a->year);
	else
		snprintf(title, sizeof(title), "%s, alla år", ct->title);
	buf_init(&b, 0);
	if (rc == LUP_OK && xlsx)
		rc = export_xlsx_bytes(tp, 1, title, f, e);
	else if (rc == LUP_OK && (rc = table_csv(&t, a->comma ? TABLE_CSV_COMMA : TABLE_CSV_EXCEL_SV, &b, e)) == LUP_OK)
		f->data = buf_detach(&b, &f->len);
	if (rc == LUP_OK)
		export_name(f, "%s", title);
	buf_release(&b);
	table_release(&t);
	return rc;
}

#define CITY_WRITERS(name, kind) \
	int export_xlsx_##name(struct store *st, const struct export_args *a, struct export_file *f, struct err *e) \
	{ return city_table(kind, 1, st, a, f, e); } \
	int export_csv_##name(struct store *st, const struct export_args *a, struct export_file *f, struct err *e) \
	{ return city_table(kind, 0, st, a, f, e); }

CITY_WRITERS(districts_themes, "districts-themes")
CITY_WRITERS(orgs_districts, "orgs-districts")
CITY_WRITERS(activities, "activities")
CITY_WRITERS(commission, "commission")
CITY_WRITERS(allocations, "allocations")
CITY_WRITERS(resources_need, "resources-need")
CITY_WRITERS(audit, "audit")
