/* table.h: one typed table model for the exports (docs/exports.md), and its two writers.
 *
 * A table has a name (the sheet name in XLSX), columns (a name, a unit shown in the header,
 * a type, a precision and a width) and rows of cells. A cell is NULL (empty), or holds a value
 * of its column's type, or text: a text cell may stand in any column (a target written as
 * words in a column of numbers). Loaders in src/view/ fill tables from the store; the writers
 * here turn them into files without looking at the store:
 *	table_csv:  RFC 4180 text in one of two dialects (Swedish Excel's or the comma one)
 *	table_xlsx: a workbook with one sheet per table (libxlsxwriter)
 * Both are deterministic: the same tables give byte-identical output.
 *
 * Lifecycle: table_init -> table_row/table_set_* per row -> writers -> table_release.
 * Strings given to table_set_text are copied (the table owns its cells); column arrays are
 * the caller's and must outlive the table (static const arrays in the loaders).
 */
#ifndef LUP_DOC_TABLE_H
#define LUP_DOC_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

/* What a column (or a cell) holds. */
enum table_type {
	TABLE_TEXT,	/* text */
	TABLE_INT,	/* an integer */
	TABLE_DEC,	/* a decimal number, shown with the column's precision */
	TABLE_DATE,	/* a date, held as YYYYMMDD */
	TABLE_DATETIME,	/* a point in time, held as text "YYYY-MM-DDTHH:MM:SS[...]" (UTC) */
	TABLE_BOOL,	/* yes ("ja") or empty: the example-data and derived flags */
	TABLE_TYPE__MAX
};

/* A column. */
struct table_col {
	const char *name;	/* header text (Swedish; the importer's names where it reads them) */
	const char *unit;	/* shown as "name (unit)" in the header; NULL for none */
	enum table_type type;
	int prec;		/* TABLE_DEC: decimals shown in XLSX; -1: as stored (General) */
	int width;		/* XLSX column width in characters; 0: from the type */
};

/* A cell. type is TABLE_TEXT for a text cell in a column of another type. */
struct table_cell {
	enum table_type type;
	int null;		/* empty (the default of a new row) */
	int64_t i;		/* TABLE_INT, TABLE_DATE (YYYYMMDD), TABLE_BOOL (0 or 1) */
	double d;		/* TABLE_DEC */
	const char *s;		/* TABLE_TEXT, TABLE_DATETIME (in the table's arena) */
};

struct table {
	const char *name;		/* sheet name: at most 31 characters, none of []:*?/\ */
	const struct table_col *cols;
	int ncols;
	struct table_cell *cells;	/* row-major, nrows x ncols */
	size_t nrows, cap;		/* rows used and allocated */
	struct arena a;			/* the cells' strings */
};

/* table_init: an empty table named name with the ncols columns cols (kept by pointer). */
void table_init(struct table *t, const char *name, const struct table_col *cols, int ncols);

/* table_release: frees the rows and strings; t is then as after table_init with no rows. */
void table_release(struct table *t);

/* table_row: appends a row of NULL cells; the table_set_* calls fill the last row. */
void table_row(struct table *t);

/* table_set_*: sets column col (0-based) of the last row. text: NULL leaves the cell empty
 * (so do table_set_date with 0 and table_set_datetime with NULL or ""). */
void table_set_text(struct table *t, int col, const char *text);
/* table_set_text_kept: table_set_text without the copy: text (NULL: empty) must live as long as
 * t, in t's arena (table_arena) or static. For a loader whose rows repeat the same texts. */
void table_set_text_kept(struct table *t, int col, const char *text);
/* table_arena: t's arena, where its cells' strings live until table_release. */
struct arena *table_arena(struct table *t);
void table_set_int(struct table *t, int col, int64_t v);
void table_set_dec(struct table *t, int col, double v);
void table_set_date(struct table *t, int col, int ymd);
void table_set_datetime(struct table *t, int col, const char *iso);
void table_set_bool(struct table *t, int col, int yes);

/* table_cell: the cell at row, col (both in range). */
const struct table_cell *table_cell(const struct table *t, size_t row, int col);

/* table_header: the header text of column col: "name" or "name (unit)", into buf (size n). */
void table_header(const struct table *t, int col, char *buf, size_t n);

/* The CSV dialects. */
enum table_csv_dialect {
	TABLE_CSV_EXCEL_SV,	/* UTF-8 BOM, ';', decimal comma, CRLF: Swedish Excel's "CSV UTF-8" */
	TABLE_CSV_COMMA,	/* no BOM, ',', decimal point, CRLF: RFC 4180 as most tools read it */
	TABLE_CSV__MAX
};

/*
 * table_csv: appends table t as CSV in dialect d to out: a header row, then a row per table
 * row, CRLF line ends, cells quoted (RFC 4180: "" for a quote) when they hold the separator, a
 * quote, a line break or leading/trailing spaces. Numbers are written so that reading them back
 * gives the same double (shortest form, no thousands separators); dates as YYYY-MM-DD; booleans
 * as "ja" or empty. A text cell that a spreadsheet would run as a formula (first character
 * = + - @, a tab or CR, unless the text is a plain number) is written with a leading apostrophe
 * (lup import csv removes it again). Returns LUP_OK, or LUP_ETOOBIG when out's cap is reached
 * (message in e).
 */
int table_csv(const struct table *t, enum table_csv_dialect d, struct buf *out, struct err *e);

/*
 * table_xlsx: writes the n tables as one workbook to path (created or replaced), a sheet per
 * table in order: the header row bold, frozen and filtered, column widths set, numbers as
 * number cells (the column's precision as number format), dates as date cells (yyyy-mm-dd),
 * points in time as date-time cells, text as (shared) strings, never formulas. title is the
 * workbook's title property. The creation time and the zip entries' times are fixed, so the
 * same tables give byte-identical files. Returns LUP_OK or LUP_EIO (message in e).
 */
int table_xlsx(const struct table *const *tables, int n, const char *title, const char *path,
	       struct err *e);

#endif
