/* allocations-table.c: the resource allocations as an export table (see tables-city.h). */
#include "view/tables-city.h"
#include "store/store.h"

enum { RT_ORG, RT_ORG_NAME, RT_AREA, RT_AREA_NAME, RT_YEAR, RT_AMOUNT, RT_STAFF, RT_PURPOSE, RT_EXAMPLE, RT__MAX };

static const struct table_col cols[RT__MAX] = {
	[RT_ORG] = { "Organisation", NULL, TABLE_TEXT, 0, 28 },
	[RT_ORG_NAME] = { "Organisationsnamn", NULL, TABLE_TEXT, 0, 36 },
	[RT_AREA] = { "Område", NULL, TABLE_TEXT, 0, 18 },
	[RT_AREA_NAME] = { "Områdesnamn", NULL, TABLE_TEXT, 0, 22 },
	[RT_YEAR] = { "År", NULL, TABLE_INT, 0, 8 },
	[RT_AMOUNT] = { "Belopp", "kr", TABLE_DEC, 0, 16 },
	[RT_STAFF] = { "Personal", "årsarbetare", TABLE_DEC, -1, 22 },
	[RT_PURPOSE] = { "Syfte", NULL, TABLE_TEXT, 0, 50 },
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
	if (store_col_type(r, 5) != SV_NULL)
		table_set_dec(t, RT_AMOUNT, store_col_real(r, 5));
	if (store_col_type(r, 6) != SV_NULL)
		table_set_dec(t, RT_STAFF, store_col_real(r, 6));
	table_set_text(t, RT_PURPOSE, store_col_text(r, 7));
	table_set_bool(t, RT_EXAMPLE, (int)store_col_int(r, 8));
	return 0;
}

int allocations_table_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct sval a[] = { SVID(year) };

	table_init(t, "Resurser", cols, RT__MAX);
	return store_query(st, STMT_VTAB_ALLOCATIONS, a, 1, row, t, e);
}
