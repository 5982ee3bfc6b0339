/* allocations-table.c: the resource allocations as an export table (see tables-city.h): one row
 * per organisation, area, year and kind of resource, in the kind's unit (schema 0025). */
#include "view/tables-city.h"
#include "model/need.h"
#include "store/store.h"

enum { RT_ORG, RT_ORG_NAME, RT_AREA, RT_AREA_NAME, RT_YEAR, RT_KIND, RT_AMOUNT, RT_UNIT, RT_NOTE, RT_EXAMPLE,
       RT__MAX };

static const struct table_col cols[RT__MAX] = {
	[RT_ORG] = { "Organisation", NULL, TABLE_TEXT, 0, 28 },
	[RT_ORG_NAME] = { "Organisationsnamn", NULL, TABLE_TEXT, 0, 36 },
	[RT_AREA] = { "Område", NULL, TABLE_TEXT, 0, 18 },
	[RT_AREA_NAME] = { "Områdesnamn", NULL, TABLE_TEXT, 0, 22 },
	[RT_YEAR] = { "År", NULL, TABLE_INT, 0, 8 },
	[RT_KIND] = { "Slag", NULL, TABLE_TEXT, 0, 12 },
	[RT_AMOUNT] = { "Mängd", NULL, TABLE_DEC, -1, 16 },
	[RT_UNIT] = { "Enhet", NULL, TABLE_TEXT, 0, 14 },
	[RT_NOTE] = { "Anteckning", NULL, TABLE_TEXT, 0, 50 },
	[RT_EXAMPLE] = { "Exempeldata", NULL, TABLE_BOOL, 0, 13 },
};

static int row(void *ctx, const struct store_row *r)
{
	struct table *t = ctx;

	table_row(t);
	table_set_text(t, RT_ORG, store_col_text(r, 0));
	table_set_text(t, RT_ORG_NAME, store_col_text(r, 1));
	table_set_text(t, RT_AREA, store_col_text(r, 2));
	table_set_text(t, RT_AREA_NAME, store_col_text(r, 3));
	table_set_int(t, RT_YEAR, store_col_int(r, 4));
	table_set_text(t, RT_KIND, need_kind_sv(need_kind_index(store_col_text(r, 5))));
	table_set_dec(t, RT_AMOUNT, store_col_real(r, 6));
	table_set_text(t, RT_UNIT, store_col_text(r, 7));
	table_set_text(t, RT_NOTE, store_col_text(r, 8));
	table_set_bool(t, RT_EXAMPLE, (int)store_col_int(r, 9));
	return 0;
}

int allocations_table_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct sval a[] = { SVID(year) };

	table_init(t, "Resurser", cols, RT__MAX);
	return store_query(st, STMT_VTAB_ALLOCATIONS, a, 1, row, t, e);
}
