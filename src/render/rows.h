/* rows.h: query results held as text cells, printed as a JSON array of objects or a text table. */
#ifndef LUP_ROWS_H
#define LUP_ROWS_H

#include <stdio.h>

#include "store/store.h"

struct arena;
struct json;

struct row_cell {
	enum sv_type t;		/* SV_NULL, SV_INT, SV_REAL or SV_TEXT */
	unsigned char exact;	/* SV_REAL: strtod(s) gives d exactly (a short decimal or an integer) */
	const char *s;		/* the value as text (NULL for SV_NULL) */
	union {
		double d;	/* SV_REAL: the value */
		int64_t i;	/* SV_INT: the value (its text read as by strtoll) */
	};
};

struct rowset {
	struct arena *a;	/* holds everything below (not owned) */
	int ncols;
	const char **names;	/* column names */
	struct row_cell **rows;	/* rows[i][col] */
	int nrows, cap;
	/* rowset_col's recent answers by the address of the name asked (the pages ask by literal
	 * names per cell); each checked against the name before use. A cache, not the set's
	 * content: rowset_col fills it through a const set (rowsets are never defined const). */
	struct { const char *name; int col; } memo[32];
};

/* rowset_init: an empty set whose memory comes from a. */
void rowset_init(struct rowset *rs, struct arena *a);

/* rowset_query: appends the rows of statement s. Returns LUP_OK or the store's error. */
int rowset_query(struct rowset *rs, struct store *st, enum stmt s, const struct sval *args,
		 int nargs, struct err *e);

/* rowset_collect: a store_row_fn that appends the row to the rowset given as ctx (for calls
 * that take a callback rather than a statement, such as store_search). Returns 0. */
int rowset_collect(void *ctx, const struct store_row *r);

/* rowset_col: the index of column name, or -1. */
int rowset_col(const struct rowset *rs, const char *name);

/* rowset_s: the text of column col in row i (NULL when NULL, no such row or column). */
const char *rowset_s(const struct rowset *rs, int i, const char *col);

/* rowset_i: column col of row i as an integer (0 when NULL, no such row or column). */
int64_t rowset_i(const struct rowset *rs, int i, const char *col);

/* rowset_order_by_name: sorts rs's rows in C, where a statement would sort through its
 * collation per comparison: by column name_col's text in Swedish order (core/collate.h, the
 * order COLLATE sv gives; NULL first), then by column int_col's integer (-1: no such key; NULL
 * after the others), then by column key_col's text in byte order (SQL's BINARY, PostgreSQL's
 * C collation; NULL first). Returns 0, or -1 when the collation fails (rows unmoved). */
int rowset_order_by_name(struct rowset *rs, int name_col, int int_col, int key_col);

/* rowset_ic: rowset_i for a column found once with rowset_col (col may be -1: 0). For loops
 * that read one column of every row. */
int64_t rowset_ic(const struct rowset *rs, int i, int col);

/* rowset_cell_d: the cell's value as strtod reads its text (NAN for NULL), without strtod
 * where the cell's number is known to be the same: a real that its text writes exactly, an
 * integer below 2^53. */
double rowset_cell_d(const struct row_cell *cell);

/* rowset_real_read: what rowset_d gives for a REAL cell of value d (not NAN): d when its
 * "%.15g" text, which rowset_collect keeps, reads back exactly, else that text as strtod reads
 * it; for a reader that merges values of its own with a row set's as if they were its rows. */
double rowset_real_read(double d);

/* rowset_d: column col of row i as rowset_cell_d reads it (NAN when NULL, no such row or
 * column). */
double rowset_d(const struct rowset *rs, int i, const char *col);

/* rowset_json_row: writes row i as an object's members (the caller opens and closes the object).
 * Columns named in bools (NULL-terminated, may be NULL) are written as true/false. */
void rowset_json_row(const struct rowset *rs, int i, struct json *j, const char *const *bools);

/* rowset_json_cols: like rowset_json_row for the columns from `first` on only. */
void rowset_json_cols(const struct rowset *rs, int i, int first, struct json *j, const char *const *bools);

/* Which columns of a rowset are written as bools, and their names' lengths, judged once for
 * many rows (rowset_judge) rather than per row by their names. */
#define ROWSET_JUDGED_MAX 64
#define ROWSET_JUDGED_NAMES 1024
struct rowset_judged {
	const struct rowset *rs;	/* the set judged (NULL: none yet) */
	int ok;				/* 0 when it has more than ROWSET_JUDGED_MAX columns */
	int rows;			/* rowset_json_store_row: its columns judged (0: not yet) */
	unsigned char bool_col[ROWSET_JUDGED_MAX];
	size_t name_len[ROWSET_JUDGED_MAX];
	/* rowset_json_store_row: the columns' names, copied at the first row (ok only when they
	 * fit), so that a row does not ask the statement for them again */
	char names[ROWSET_JUDGED_NAMES];
	unsigned short name_at[ROWSET_JUDGED_MAX];
};

/* rowset_judge: rs's columns named in bools (as rowset_json_row takes them) into *jd. */
void rowset_judge(const struct rowset *rs, const char *const *bools, struct rowset_judged *jd);

/* rowset_json_row_judged: rowset_json_row with the columns judged by rowset_judge (jd of rs
 * with the same bools). */
void rowset_json_row_judged(const struct rowset *rs, int i, struct json *j, const char *const *bools,
			    const struct rowset_judged *jd);

/* rowset_json_store_row: writes row r of a statement as an object's members, as rowset_collect
 * and then rowset_json_row would write it, without a row set (a page written as it is read);
 * jd (zeroed before the first row) judges the statement's columns at its first row. */
struct store_row;
void rowset_json_store_row(const struct store_row *r, struct json *j, const char *const *bools,
			   struct rowset_judged *jd);

/* rowset_json: writes the whole set as an array of objects. */
void rowset_json(const struct rowset *rs, struct json *j, const char *const *bools);

/* rowset_print: writes the set as an aligned text table with a header line (nothing for an
 * empty set unless `empty` is given: then that line). Cells are cut at 60 characters. */
void rowset_print(const struct rowset *rs, FILE *f, const char *empty);

#endif
