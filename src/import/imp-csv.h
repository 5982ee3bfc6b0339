/* imp-csv.h: the csv importer's streaming parser (CSV text -> typed rows, no database).
 *
 * The layout (docs/import-csv.md): a header line naming the columns (any order, any case,
 * English or Swedish names), then one row per value. The separator is ',', ';' or a tab, decided
 * from the header line; cells may be quoted ("..." with "" for a quote, separators and line
 * breaks inside); a UTF-8 BOM is skipped; text must be UTF-8. Columns that `lup export csv`
 * writes for people (Indikatornamn, Mål, Enhet, Områdesnamn) are known and not read; a cell
 * that starts with an apostrophe before = + - @ (the exporter's guard against spreadsheet
 * formulas) loses that apostrophe. libcsv does the splitting, fed a
 * line at a time so that every row knows the line it starts on. Rows go to a sink as soon as they
 * are read, so a file of a million rows is read in constant memory. Caps: bytes per cell, cells
 * per row.
 */
#ifndef LUP_IMP_CSV_H
#define LUP_IMP_CSV_H

#include <stddef.h>

#include "import/import.h"
#include "model/period.h"
#include "model/target.h"

#define IMP_CSV_MAX_CELL 4096	/* bytes of one cell */
#define IMP_CSV_MAX_CELLS 32	/* cells of one row */
#define IMP_CSV_MAX_HEADER 65536	/* bytes before the end of the header line */

/* The columns lup knows. */
enum imp_csv_col {
	IMP_CSV_INDICATOR,	/* indicator key or exact name (required) */
	IMP_CSV_AREA,		/* area code, key or name (required; may be empty on target rows) */
	IMP_CSV_PERIOD,		/* "2022", "2022-T1", "T2 2022", "VB 2022" (required) */
	IMP_CSV_SEX,		/* T, K or M; empty = T */
	IMP_CSV_VALUE,		/* the value (required); empty = missing */
	IMP_CSV_KIND,		/* outcome (empty), own (årsmål) or kf (KF:s årsmål) */
	IMP_CSV_SOURCE,		/* where the value comes from; empty = the file's name */
	IMP_CSV_DERIVED,	/* ja: lup computed the figure (outcome.derived); empty = no */
	IMP_CSV_EXAMPLE,	/* ja: example data, which the importer skips; empty = no */
	IMP_CSV_BY_SEX,		/* ja/nej: sets the indicator's division by sex; empty = as it is */
	IMP_CSV_BY_AREA,	/* ja/nej: sets the indicator's division by area; empty = as it is */
	IMP_CSV__MAX
};

/* What a row holds. */
enum imp_csv_kind {
	IMP_CSV_OUTCOME,	/* an outcome (utfall) for a period, area and sex */
	IMP_CSV_OWN,		/* the committee's own annual target (årsmål) */
	IMP_CSV_KF,		/* the council's annual target (KF:s årsmål) */
};

/* One data row, checked and typed. Strings are valid until the sink returns. */
struct imp_csv_row {
	int line;				/* line where the row starts */
	const char *cell[IMP_CSV__MAX];		/* cells trimmed ("" when empty or no such column);
						 * indicator and area with whitespace runs as one space */
	int colno[IMP_CSV__MAX];		/* 1-based column of each, 0 when no such column */
	struct model_period period;
	char sex;				/* 'T', 'K' or 'M' */
	enum imp_csv_kind kind;
	int missing;				/* outcome: the value cell was empty */
	int derived;				/* the derived cell said yes */
	int example;				/* the example cell said yes (the row is to be skipped) */
	int by_sex, by_area;			/* the by_sex and by_area cells: 1, 0, or -1 when empty */
	double value;				/* outcome: the value */
	struct model_target target;		/* own and kf: the target as written */
};

/* Where rows go: row returns LUP_OK, or an error already set in the context's err. */
struct imp_csv_sink {
	void *ctx;
	int (*row)(void *ctx, const struct imp_csv_row *r);
};

/* What the parse saw besides the rows. */
struct imp_csv_info {
	long rows;	/* data rows (blank rows not counted) */
	char sep;	/* the separator found in the header line */
	int lines;	/* lines in the file */
};

struct imp_csv_parser;

/* imp_csv_open: a parser reporting rows to sink and errors through c (c->e, c->path); free it
 * with imp_csv_close. Never fails (allocation aborts on OOM). */
struct imp_csv_parser *imp_csv_open(struct imp_ctx *c, const struct imp_csv_sink *sink);

/*
 * imp_csv_feed: parses the next len bytes (any split is fine). Returns LUP_OK, or LUP_EINVAL
 * with c->e naming file:line, the column and what was expected (a wrong header, a malformed
 * quote, a cell that is not a period, sex, kind or number, invalid UTF-8, a cap passed), or the
 * sink's error. After an error the parser accepts nothing more.
 */
int imp_csv_feed(struct imp_csv_parser *p, const char *buf, size_t len);

/* imp_csv_finish: ends the input (an empty file, a file without data rows is fine only with a
 * header; a quote left open is an error). On LUP_OK fills *info. */
int imp_csv_finish(struct imp_csv_parser *p, struct imp_csv_info *info);

/* imp_csv_close: frees p (NULL is accepted). */
void imp_csv_close(struct imp_csv_parser *p);

/* imp_csv_parse: open + feed + finish + close; for tests and fuzzing. */
int imp_csv_parse(struct imp_ctx *c, const char *buf, size_t len, const struct imp_csv_sink *sink,
		  struct imp_csv_info *info);

/* imp_csv_col_name: the English name of a column ("indicator" ...); never NULL. */
const char *imp_csv_col_name(enum imp_csv_col col);

#endif
