/* table.c: the typed table model of the exports (see table.h). */
#include "doc/table.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void table_init(struct table *t, const char *name, const struct table_col *cols, int ncols)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->cols = cols;
	t->ncols = ncols;
	t->a = (struct arena)ARENA_INIT;
}

void table_release(struct table *t)
{
	free(t->cells);
	arena_release(&t->a);
	t->cells = NULL;
	t->nrows = t->cap = 0;
}

void table_row(struct table *t)
{
	size_t n = (size_t)t->ncols;

	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cells = xrealloc(t->cells, t->cap * n * sizeof(*t->cells));
	}
	for (size_t i = 0; i < n; i++)
		t->cells[t->nrows * n + i] = (struct table_cell){ .type = t->cols[i].type, .null = 1 };
	t->nrows++;
}

/* last: the cell col of the last row (a row must have been added) */
static struct table_cell *last(struct table *t, int col, enum table_type type)
{
	struct table_cell *c = &t->cells[(t->nrows - 1) * (size_t)t->ncols + (size_t)col];

	c->type = type;
	c->null = 0;
	return c;
}

void table_set_text(struct table *t, int col, const char *text)
{
	if (text)
		last(t, col, TABLE_TEXT)->s = arena_strdup(&t->a, text);
}

void table_set_text_kept(struct table *t, int col, const char *text)
{
	if (text)
		last(t, col, TABLE_TEXT)->s = text;
}

struct arena *table_arena(struct table *t)
{
	return &t->a;
}

void table_set_int(struct table *t, int col, int64_t v)
{
	last(t, col, TABLE_INT)->i = v;
}

void table_set_dec(struct table *t, int col, double v)
{
	last(t, col, TABLE_DEC)->d = v;
}

void table_set_date(struct table *t, int col, int ymd)
{
	if (ymd > 0)
		last(t, col, TABLE_DATE)->i = ymd;
}

void table_set_datetime(struct table *t, int col, const char *iso)
{
	if (iso && *iso)
		last(t, col, TABLE_DATETIME)->s = arena_strdup(&t->a, iso);
}

void table_set_bool(struct table *t, int col, int yes)
{
	last(t, col, TABLE_BOOL)->i = yes != 0;
}

const struct table_cell *table_cell(const struct table *t, size_t row, int col)
{
	return &t->cells[row * (size_t)t->ncols + (size_t)col];
}

void table_header(const struct table *t, int col, char *buf, size_t n)
{
	const struct table_col *c = &t->cols[col];

	if (c->unit && *c->unit)
		snprintf(buf, n, "%s (%s)", c->name, c->unit);
	else
		snprintf(buf, n, "%s", c->name);
}
