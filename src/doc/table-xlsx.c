/* table-xlsx.c: tables as an XLSX workbook through libxlsxwriter (table.h). */
#include "doc/table.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

/* The workbook's creation time: fixed (2000-01-01 00:00 UTC), so that the same tables give the
 * same bytes; libxlsxwriter writes the zip entries with a fixed time of its own. */
#define XLSX_CREATED ((time_t)946684800)

/* The formats of one workbook. */
struct fmts {
	lxw_format *head;	/* bold header row */
	lxw_format *date;	/* yyyy-mm-dd */
	lxw_format *datetime;	/* yyyy-mm-dd hh:mm:ss */
	lxw_format *dec[7];	/* 0, 0.0, ... 0.000000 */
};

static void fmts_init(lxw_workbook *wb, struct fmts *f)
{
	static const char *const num[7] = { "0", "0.0", "0.00", "0.000", "0.0000", "0.00000", "0.000000" };

	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	f->date = workbook_add_format(wb);
	format_set_num_format(f->date, "yyyy-mm-dd");
	f->datetime = workbook_add_format(wb);
	format_set_num_format(f->datetime, "yyyy-mm-dd hh:mm:ss");
	for (int i = 0; i < 7; i++) {
		f->dec[i] = workbook_add_format(wb);
		format_set_num_format(f->dec[i], num[i]);
	}
}

/* width: the column's width in characters: its own, else from its type, at least the header's */
static double width(const struct table_col *c, const char *head)
{
	static const int by_type[TABLE_TYPE__MAX] = { 30, 10, 12, 12, 20, 12 };
	size_t n = strlen(head) + 3;
	double w = c->width > 0 ? c->width : by_type[c->type];

	return w > (double)n ? w : (double)n;
}

/* datetime: "YYYY-MM-DD[T ]HH:MM:SS..." as an lxw_datetime; 0 or -1 when it is not one */
static int datetime(const char *s, lxw_datetime *dt)
{
	int y, mo, d, h = 0, mi = 0;
	double sec = 0;

	if (sscanf(s, "%4d-%2d-%2d%*1[T ]%2d:%2d:%lf", &y, &mo, &d, &h, &mi, &sec) < 3)
		return -1;
	*dt = (lxw_datetime){ y, mo, d, h, mi, sec };
	return 0;
}

static lxw_error cell(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col, const struct table_col *tc,
		      const struct table_cell *c, const struct fmts *f)
{
	lxw_datetime dt;

	if (c->null)
		return LXW_NO_ERROR;
	switch (c->type) {
	case TABLE_INT:
		return worksheet_write_number(ws, r, col, (double)c->i, f->dec[0]);
	case TABLE_DEC:
		return worksheet_write_number(ws, r, col, c->d,
					      tc->prec >= 0 && tc->prec < 7 ? f->dec[tc->prec] : NULL);
	case TABLE_DATE:
		dt = (lxw_datetime){ (int)(c->i / 10000), (int)(c->i / 100 % 100), (int)(c->i % 100), 0, 0, 0 };
		return worksheet_write_datetime(ws, r, col, &dt, f->date);
	case TABLE_DATETIME:
		if (datetime(c->s, &dt) == 0)
			return worksheet_write_datetime(ws, r, col, &dt, f->datetime);
		return worksheet_write_string(ws, r, col, c->s, NULL);
	case TABLE_BOOL:
		return c->i ? worksheet_write_string(ws, r, col, "ja", NULL) : LXW_NO_ERROR;
	case TABLE_TEXT:
	default:
		return worksheet_write_string(ws, r, col, c->s, NULL);
	}
}

/* sheet: one table as a worksheet */
static lxw_error sheet(lxw_workbook *wb, const struct table *t, const struct fmts *f)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
	char head[300];
	lxw_error rc = LXW_NO_ERROR;

	if (!ws)
		return LXW_ERROR_SHEETNAME_ALREADY_USED;
	for (int j = 0; j < t->ncols && !rc; j++) {
		table_header(t, j, head, sizeof(head));
		rc = worksheet_write_string(ws, 0, (lxw_col_t)j, head, f->head);
		if (!rc)
			rc = worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j, width(&t->cols[j], head), NULL);
	}
	for (size_t i = 0; i < t->nrows && !rc; i++)
		for (int j = 0; j < t->ncols && !rc; j++)
			rc = cell(ws, (lxw_row_t)(i + 1), (lxw_col_t)j, &t->cols[j], table_cell(t, i, j), f);
	if (!rc)
		worksheet_freeze_panes(ws, 1, 0);
	if (!rc && t->ncols)
		rc = worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1));
	return rc;
}

int table_xlsx(const struct table *const *tables, int n, const char *title, const char *path,
	       struct err *e)
{
	lxw_workbook_options opts = { .constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0 };
	lxw_doc_properties props = { .title = (char *)title, .author = "lup", .created = XLSX_CREATED };
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	struct fmts f;
	lxw_error rc;

	if (!wb)
		return err_set(e, LUP_EIO, "cannot create the workbook %s", path);
	fmts_init(wb, &f);
	rc = workbook_set_properties(wb, &props);
	for (int i = 0; i < n && !rc; i++)
		rc = sheet(wb, tables[i], &f);
	if (rc) {
		err_set(e, LUP_EIO, "cannot write the workbook %s: %s", path, lxw_strerror(rc));
		workbook_close(wb);
		remove(path);
		return LUP_EIO;
	}
	if ((rc = workbook_close(wb)) != LXW_NO_ERROR)
		return err_set(e, LUP_EIO, "cannot write the workbook %s: %s", path, lxw_strerror(rc));
	return LUP_OK;
}
