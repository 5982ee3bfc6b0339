/* export-district.c: a district's indicators against the city as XLSX or CSV (export.h;
 * view/district.h): one sheet "Indikatorer", named "Indikatorer District year". */
#include <stdio.h>

#include "core/buf.h"
#include "doc/export.h"
#include "doc/table.h"
#include "view/district.h"

/* district_file: the table of a->key and a->year as a workbook (xlsx) or CSV into f */
static int district_file(int xlsx, struct store *st, const struct export_args *a, struct export_file *f,
			 struct err *e)
{
	struct district_view v;
	struct table t;
	const struct table *tp[1] = { &t };
	char title[400];
	struct buf b;
	int rc = district_view_load(st, a->key, a->year, &v, e);

	if (rc != LUP_OK) {
		district_view_release(&v);
		return rc;
	}
	district_table(&v, &t);
	snprintf(title, sizeof(title), "Indikatorer %s %d", v.name, v.year);
	buf_init(&b, 0);
	if (xlsx)
		rc = export_xlsx_bytes(tp, 1, title, f, e);
	else if ((rc = table_csv(&t, a->comma ? TABLE_CSV_COMMA : TABLE_CSV_EXCEL_SV, &b, e)) == LUP_OK)
		f->data = buf_detach(&b, &f->len);
	if (rc == LUP_OK)
		export_name(f, "%s", title);
	buf_release(&b);
	table_release(&t);
	district_view_release(&v);
	return rc;
}

int export_xlsx_district(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return district_file(1, st, a, f, e);
}

int export_csv_district(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return district_file(0, st, a, f, e);
}
