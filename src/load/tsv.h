/* tsv.h: reads the dataset's tab-separated files, with file:line in every error. */
#ifndef LUP_TSV_H
#define LUP_TSV_H

#include <stddef.h>

struct arena;
struct err;

#define TSV_MAX_COLS 32
#define TSV_MAX_FILE ((size_t)32 << 20)	/* larger files are refused (LUP_ETOOBIG) */

/* One expected column: its header name and whether the header must have it. */
struct tsv_col {
	const char *name;
	int required;
};

struct tsv {
	const char *path;		/* file name used in messages (not owned) */
	char *data;			/* whole file, modified in place; owned */
	size_t len, pos;		/* size and read position */
	int line;			/* line number of the current row (1-based) */
	const struct tsv_col *cols;	/* the expected columns (not owned) */
	int ncols;			/* entries in cols */
	int nfile;			/* columns in the file's header */
	int map[TSV_MAX_COLS];		/* file column -> index in cols */
	const char *cell[TSV_MAX_COLS];	/* current row by index in cols; NULL when empty */
};

/*
 * tsv_open: reads path and its header line (the first line that is neither blank nor a
 * '#' comment). A UTF-8 BOM is skipped; CRLF line ends are accepted. Fails with LUP_EIO
 * (unreadable), LUP_ETOOBIG (over TSV_MAX_FILE) or LUP_EINVAL (no header, unknown or
 * duplicate column, required column missing), the message naming "path:line". On success
 * the caller must tsv_close(t).
 */
int tsv_open(struct tsv *t, const char *path, const struct tsv_col *cols, int ncols,
	     struct err *e);

/*
 * tsv_next: reads the next record into t->cell. Returns 1 for a record, 0 at the end, and
 * -1 with LUP_EINVAL in e for a record with more cells than the header or invalid UTF-8.
 * Missing trailing cells read as empty. Cells stay valid until tsv_close.
 */
int tsv_next(struct tsv *t, struct err *e);

/* tsv_close: frees the file data. */
void tsv_close(struct tsv *t);

/*
 * tsv_split_list: splits a list cell on " | " into trimmed, non-empty items allocated in a.
 * Returns the number of items (0 for NULL or empty); *items is set to an arena array.
 */
int tsv_split_list(struct arena *a, const char *cell, char ***items);

#endif
