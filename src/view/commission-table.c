/* commission-table.c: the commission matrix (measures x administrations) as an export table, a
 * response a row (see tables-city.h). */
#include "view/tables-city.h"
#include "render/fieldnames.h"
#include "store/store.h"

enum { CT_REPORT, CT_REPORT_TITLE, CT_REPORT_YEAR, CT_MEASURE, CT_MEASURE_TEXT, CT_ORG, CT_ORG_NAME, CT_STANCE,
       CT_PHRASE, CT_NO_RESPONSE, CT__MAX };

static const struct table_col cols[CT__MAX] = {
	[CT_REPORT] = { "Betänkande", NULL, TABLE_TEXT, 0, 28 },
	[CT_REPORT_TITLE] = { "Betänkandets titel", NULL, TABLE_TEXT, 0, 40 },
	[CT_REPORT_YEAR] = { "År", NULL, TABLE_INT, 0, 8 },
	[CT_MEASURE] = { "Åtgärd", NULL, TABLE_TEXT, 0, 10 },
	[CT_MEASURE_TEXT] = { "Åtgärdens text", NULL, TABLE_TEXT, 0, 60 },
	[CT_ORG] = { "Förvaltning", NULL, TABLE_TEXT, 0, 28 },
	[CT_ORG_NAME] = { "Förvaltningens namn", NULL, TABLE_TEXT, 0, 36 },
	[CT_STANCE] = { "Ställningstagande", NULL, TABLE_TEXT, 0, 18 },
	[CT_PHRASE] = { "Formulering", NULL, TABLE_TEXT, 0, 40 },
	[CT_NO_RESPONSE] = { "Inget svar", NULL, TABLE_BOOL, 0, 12 },
};

static int row(void *ctx, const struct store_row *r)
{
	struct table *t = ctx;
	int none = (int)store_col_int(r, 9);

	table_row(t);
	table_set_text(t, CT_REPORT, store_col_text(r, 0));
	table_set_text(t, CT_REPORT_TITLE, store_col_text(r, 1));
	if (store_col_type(r, 2) != SV_NULL)
		table_set_int(t, CT_REPORT_YEAR, store_col_int(r, 2));
	table_set_text(t, CT_MEASURE, store_col_text(r, 3));
	table_set_text(t, CT_MEASURE_TEXT, store_col_text(r, 4));
	table_set_text(t, CT_ORG, store_col_text(r, 5));
	table_set_text(t, CT_ORG_NAME, store_col_text(r, 6));
	if (!none)
		table_set_text(t, CT_STANCE, fieldvalue_sv("stance", store_col_text(r, 7)));
	table_set_text(t, CT_PHRASE, store_col_text(r, 8));
	table_set_bool(t, CT_NO_RESPONSE, none);
	return 0;
}

int commission_table_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct sval a[] = { SVID(year) };

	table_init(t, "Kommissionen", cols, CT__MAX);
	return store_query(st, STMT_VTAB_COMMISSION, a, 1, row, t, e);
}
