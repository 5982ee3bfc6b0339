/* rows.c: query results as JSON or a text table. */
#include "render/rows.h"
#include "render/json.h"
#include "core/arena.h"
#include "core/collate.h"
#include "core/err.h"
#include "core/numfmt.h"
#include "core/xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CELL_WIDTH_MAX 60

void rowset_init(struct rowset *rs, struct arena *a)
{
	memset(rs, 0, sizeof(*rs));
	rs->a = a;
}

int rowset_collect(void *ctx, const struct store_row *r)
{
	struct rowset *rs = ctx;
	struct row_cell *cells;
	int n = store_ncols(r);

	if (!rs->names) {
		rs->ncols = n;
		rs->names = arena_alloc(rs->a, sizeof(*rs->names) * (size_t)n);
		for (int i = 0; i < n; i++)
			rs->names[i] = arena_strdup(rs->a, store_col_name(r, i));
	}
	if (rs->nrows == rs->cap) {
		int ncap = rs->cap ? rs->cap * 2 : 32;
		struct row_cell **nr = arena_alloc(rs->a, sizeof(*nr) * (size_t)ncap);
		if (rs->nrows)
			memcpy(nr, rs->rows, sizeof(*nr) * (size_t)rs->nrows);
		rs->rows = nr;
		rs->cap = ncap;
	}
	cells = arena_alloc(rs->a, sizeof(*cells) * (size_t)n);
	for (int i = 0; i < n; i++) {
		int64_t v;
		cells[i].t = store_col_type(r, i);
		if (cells[i].t == SV_REAL) {
			char tmp[NUMFMT_SIZE];
			double d = cells[i].d = store_col_real(r, i);
			int whole = d == trunc(d) && fabs(d) < 1e15;
			/* "%.15g"; an integer below 10^15 and a short decimal read back exactly (see
			 * core/numfmt.h), others may not */
			if (!whole && numfmt_short_real(d, tmp) > 0) {
				cells[i].exact = 1;
			} else {
				cells[i].exact = (unsigned char)whole;
				numfmt_g15(d, tmp);
			}
			cells[i].s = arena_strdup(rs->a, tmp);
		} else if (cells[i].t == SV_INT && (v = store_col_int(r, i)) != INT64_MAX && v != INT64_MIN) {
			/* the integer's text ("%lld"), without SQLite's conversion of the value (an
			 * allocation per cell); the extremes are what PostgreSQL's integers past int64
			 * (numeric) read as: those keep their text */
			char tmp[NUMFMT_SIZE];
			numfmt_long(v, tmp);
			cells[i].s = arena_strdup(rs->a, tmp);
			cells[i].i = v;
		} else {
			cells[i].s = cells[i].t == SV_NULL ? NULL : arena_strdup(rs->a, store_col_text(r, i));
			if (cells[i].t == SV_INT)
				cells[i].i = cells[i].s ? strtoll(cells[i].s, NULL, 10) : 0;
		}
	}
	rs->rows[rs->nrows++] = cells;
	return 0;
}

int rowset_query(struct rowset *rs, struct store *st, enum stmt s, const struct sval *args,
		 int nargs, struct err *e)
{
	return store_query(st, s, args, nargs, rowset_collect, rs, e);
}

int rowset_col(const struct rowset *rs, const char *name)
{
	struct rowset *m = (struct rowset *)rs;	/* its memo only */
	size_t h = (size_t)(((uintptr_t)name * UINT64_C(0x9e3779b97f4a7c15)) >> 59);	/* 32 slots */

	/* the memo first: a page asks the same few literal names per cell */
	if (m->memo[h].name == name && m->memo[h].col < rs->ncols && strcmp(rs->names[m->memo[h].col], name) == 0)
		return m->memo[h].col;
	/* the first byte first: most names differ there */
	for (int i = 0; i < rs->ncols; i++)
		if (rs->names[i][0] == name[0] && strcmp(rs->names[i], name) == 0) {
			m->memo[h].name = name;
			m->memo[h].col = i;
			return i;
		}
	return -1;
}

const char *rowset_s(const struct rowset *rs, int i, const char *col)
{
	int c = rowset_col(rs, col);

	return c >= 0 && i >= 0 && i < rs->nrows ? rs->rows[i][c].s : NULL;
}

int64_t rowset_i(const struct rowset *rs, int i, const char *col)
{
	return rowset_ic(rs, i, rowset_col(rs, col));
}

int64_t rowset_ic(const struct rowset *rs, int i, int col)
{
	const struct row_cell *cell;

	if (col < 0 || col >= rs->ncols || i < 0 || i >= rs->nrows)
		return 0;
	cell = &rs->rows[i][col];
	if (cell->t == SV_INT)
		return cell->i;
	return cell->s ? strtoll(cell->s, NULL, 10) : 0;
}

double rowset_cell_d(const struct row_cell *cell)
{
	if (cell->t == SV_REAL && cell->exact)
		return cell->d;
	if (cell->t == SV_INT && cell->i > -(INT64_C(1) << 53) && cell->i < (INT64_C(1) << 53))
		return (double)cell->i;
	return cell->s ? strtod(cell->s, NULL) : NAN;
}

double rowset_real_read(double d)
{
	char tmp[NUMFMT_SIZE];

	if ((d == trunc(d) && fabs(d) < 1e15) || numfmt_short_real(d, tmp) > 0)	/* as rowset_collect's exact */
		return d;
	numfmt_g15(d, tmp);
	return strtod(tmp, NULL);
}

double rowset_d(const struct rowset *rs, int i, const char *col)
{
	int c = rowset_col(rs, col);

	return c >= 0 && i >= 0 && i < rs->nrows ? rowset_cell_d(&rs->rows[i][c]) : NAN;
}

static int is_bool(const char *name, const char *const *bools)
{
	for (; bools && *bools; bools++)
		if (strcmp(*bools, name) == 0)
			return 1;
	return 0;
}

void rowset_json_row(const struct rowset *rs, int i, struct json *j, const char *const *bools)
{
	rowset_json_cols(rs, i, 0, j, bools);
}

/* json_cells: the cells of row i from column first as JSON members; bool_col[c] (NULL: asked of
 * bools per cell) says whether column c is one of bools, name_len[c] (NULL: strlen per cell)
 * the length of its name. An integer cell's number is its text's (rowset_collect). */
static void json_cells(const struct rowset *rs, int i, int first, struct json *j, const char *const *bools,
		       const unsigned char *bool_col, const size_t *name_len)
{
	for (int c = first; c < rs->ncols; c++) {
		const struct row_cell *cell = &rs->rows[i][c];
		json_keyn(j, rs->names[c], name_len ? name_len[c] : strlen(rs->names[c]));
		if (cell->t == SV_NULL)
			json_nothing(j);
		else if (bool_col ? bool_col[c] : is_bool(rs->names[c], bools))
			json_bool(j, strcmp(cell->s, "0") != 0);
		else if (cell->t == SV_INT)
			json_int(j, cell->i);
		else if (cell->t == SV_REAL)
			json_num(j, cell->d);
		else
			json_str(j, cell->s);
	}
}

void rowset_json_cols(const struct rowset *rs, int i, int first, struct json *j, const char *const *bools)
{
	json_cells(rs, i, first, j, bools, NULL, NULL);
}

void rowset_judge(const struct rowset *rs, const char *const *bools, struct rowset_judged *jd)
{
	jd->rs = rs;
	jd->ok = rs->ncols <= ROWSET_JUDGED_MAX;
	for (int c = 0; jd->ok && c < rs->ncols; c++) {
		jd->bool_col[c] = (unsigned char)is_bool(rs->names[c], bools);
		jd->name_len[c] = strlen(rs->names[c]);
	}
}

void rowset_json_row_judged(const struct rowset *rs, int i, struct json *j, const char *const *bools,
			    const struct rowset_judged *jd)
{
	if (jd->ok)
		json_cells(rs, i, 0, j, bools, jd->bool_col, jd->name_len);
	else
		json_cells(rs, i, 0, j, bools, NULL, NULL);
}

/* store_bool_text: whether the text a row set keeps of cell c (column i of r: rowset_collect)
 * is other than "0", which rowset_json_row writes as true */
static int store_bool_text(const struct store_row *r, int i, const struct store_cell *c)
{
	char tmp[NUMFMT_SIZE];
	const char *s;

	if (c->t == SV_REAL) {
		if (c->d == trunc(c->d) && fabs(c->d) < 1e15)
			numfmt_g15(c->d, tmp);
		else if (numfmt_short_real(c->d, tmp) <= 0)
			numfmt_g15(c->d, tmp);
		return strcmp(tmp, "0") != 0;
	}
	s = c->t == SV_TEXT ? c->s : store_col_text(r, i);
	return strcmp(s ? s : "", "0") != 0;
}

/* json_store_cell: column i of r as json_cells writes its row set cell */
static void json_store_cell(const struct store_row *r, int i, struct json *j, int is_bool)
{
	struct store_cell c;
	const char *s;

	store_col_cell(r, i, &c);
	if (c.t == SV_NULL)
		json_nothing(j);
	else if (c.t == SV_INT && c.i != INT64_MAX && c.i != INT64_MIN && !is_bool)
		json_int(j, c.i);
	else if (c.t == SV_INT && c.i != INT64_MAX && c.i != INT64_MIN)
		json_bool(j, c.i != 0);
	else if (is_bool)
		json_bool(j, store_bool_text(r, i, &c));
	else if (c.t == SV_INT)	/* past int64 (PostgreSQL's numeric): as rowset_collect reads its text */
		json_int(j, (s = store_col_text(r, i)) ? strtoll(s, NULL, 10) : 0);
	else if (c.t == SV_REAL)
		json_num(j, c.d);
	else if (c.t == SV_TEXT)
		json_strn(j, c.s, c.len);
	else
		json_str(j, store_col_text(r, i));
}

/* judge_store_row: judges the n columns of r's statement into jd (rowset_json_store_row's first
 * row): which are bools, their names' lengths and the names themselves (ok 0 when they do not fit) */
static void judge_store_row(const struct store_row *r, int n, const char *const *bools, struct rowset_judged *jd)
{
	size_t at = 0;

	jd->rows = 1;
	jd->ok = n <= ROWSET_JUDGED_MAX;
	for (int c = 0; jd->ok && c < n; c++) {
		const char *name = store_col_name(r, c);
		size_t len = name ? strlen(name) : 0;

		if (!name || len >= sizeof(jd->names) - at) {
			jd->ok = 0;
			break;
		}
		jd->bool_col[c] = (unsigned char)is_bool(name, bools);
		jd->name_len[c] = len;
		jd->name_at[c] = (unsigned short)at;
		memcpy(jd->names + at, name, len + 1);
		at += len + 1;
	}
}

void rowset_json_store_row(const struct store_row *r, struct json *j, const char *const *bools,
			   struct rowset_judged *jd)
{
	int n = store_ncols(r);

	if (!jd->rows)
		judge_store_row(r, n, bools, jd);
	for (int c = 0; c < n; c++) {
		if (jd->ok) {
			json_keyn(j, jd->names + jd->name_at[c], jd->name_len[c]);
			json_store_cell(r, c, j, jd->bool_col[c]);
		} else {
			const char *name = store_col_name(r, c);

			json_keyn(j, name, strlen(name));
			json_store_cell(r, c, j, is_bool(name, bools));
		}
	}
}

void rowset_json(const struct rowset *rs, struct json *j, const char *const *bools)
{
	unsigned char bool_col[64];	/* which columns are bools, judged once for all rows */
	size_t name_len[64];		/* and their names' lengths */
	const unsigned char *bc = NULL;
	const size_t *nl = NULL;

	if (rs->ncols <= (int)sizeof(bool_col)) {
		for (int c = 0; c < rs->ncols; c++) {
			bool_col[c] = (unsigned char)is_bool(rs->names[c], bools);
			name_len[c] = strlen(rs->names[c]);
		}
		bc = bool_col;
		nl = name_len;
	}
	json_arr_open(j);
	for (int i = 0; i < rs->nrows; i++) {
		json_obj_open(j);
		json_cells(rs, i, 0, j, bools, bc, nl);
		json_obj_close(j);
	}
	json_arr_close(j);
}

/* width: display width in characters (UTF-8 code points), capped. */
static int width(const char *s)
{
	int n = 0;

	for (; s && *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n > CELL_WIDTH_MAX ? CELL_WIDTH_MAX : n;
}

/* put_cell: prints s cut to w characters and padded to w. */
static void put_cell(FILE *f, const char *s, int w, int last)
{
	int n = 0;
	const char *p = s ? s : "";

	for (; *p; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80 && ++n > w)
			break;
		fputc(*p == '\n' || *p == '\t' ? ' ' : *p, f);
	}
	if (!last)
		for (; n < w + 2; n++)
			fputc(' ', f);
}

void rowset_print(const struct rowset *rs, FILE *f, const char *empty)
{
	int *w;

	if (!rs->nrows) {
		if (empty)
			fprintf(f, "%s\n", empty);
		return;
	}
	w = xcalloc((size_t)rs->ncols, sizeof(*w));
	for (int c = 0; c < rs->ncols; c++) {
		w[c] = width(rs->names[c]);
		for (int i = 0; i < rs->nrows; i++)
			if (width(rs->rows[i][c].s) > w[c])
				w[c] = width(rs->rows[i][c].s);
	}
	for (int c = 0; c < rs->ncols; c++)
		put_cell(f, rs->names[c], w[c], c == rs->ncols - 1);
	fputc('\n', f);
	for (int i = 0; i < rs->nrows; i++) {
		for (int c = 0; c < rs->ncols; c++)
			put_cell(f, rs->rows[i][c].s, w[c], c == rs->ncols - 1);
		fputc('\n', f);
	}
	free(w);
}

/* One row with its sort keys (rowset_order_by_name). */
struct named_row {
	int rank;		/* its name's place in Swedish order */
	int nonum;		/* the integer key is NULL: after the others */
	int64_t num;		/* the integer key (0 without one) */
	const char *key;	/* the text key, compared by bytes */
	struct row_cell *row;
};

static int by_name_num_key(const void *pa, const void *pb)
{
	const struct named_row *a = pa, *b = pb;

	if (a->rank != b->rank)
		return (a->rank > b->rank) - (a->rank < b->rank);
	if (a->nonum != b->nonum)
		return a->nonum - b->nonum;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	if (!a->key || !b->key)
		return (a->key != NULL) - (b->key != NULL);
	return strcmp(a->key, b->key);
}

int rowset_order_by_name(struct rowset *rs, int name_col, int int_col, int key_col)
{
	int n = rs->nrows, rc = -1;
	const char **names;
	int *rank;
	struct named_row *k;

	if (n < 2)
		return 0;
	names = xcalloc((size_t)n, sizeof(*names));
	rank = xcalloc((size_t)n, sizeof(*rank));
	k = xcalloc((size_t)n, sizeof(*k));
	for (int i = 0; i < n; i++)
		names[i] = rs->rows[i][name_col].s;
	if (collate_ranks(names, n, rank) != 0)
		goto out;
	for (int i = 0; i < n; i++) {
		const struct row_cell *c = rs->rows[i];
		k[i] = (struct named_row){ rank[i], int_col >= 0 && c[int_col].t == SV_NULL,
					   int_col >= 0 && c[int_col].t != SV_NULL ? c[int_col].i : 0,
					   key_col >= 0 ? c[key_col].s : NULL, rs->rows[i] };
	}
	qsort(k, (size_t)n, sizeof(*k), by_name_num_key);
	for (int i = 0; i < n; i++)
		rs->rows[i] = k[i].row;
	rc = 0;
out:
	free(k);
	free(rank);
	free(names);
	return rc;
}
