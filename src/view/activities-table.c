/* activities-table.c: every published activity of the year as an export table (see
 * tables-city.h). */
#include "view/tables-city.h"
#include "model/status.h"
#include "store/store.h"

#include <stdio.h>

enum { AT_KEY, AT_TITLE, AT_OWNER, AT_OWNER_NAME, AT_GOAL, AT_STATUS, AT_ROLE, AT_START, AT_START_FIRST,
       AT_END, AT_END_LAST, AT_DISTRICTS, AT_PARTNERS, AT__MAX };

static const struct table_col cols[AT__MAX] = {
	[AT_KEY] = { "Aktivitet", NULL, TABLE_TEXT, 0, 28 },
	[AT_TITLE] = { "Titel", NULL, TABLE_TEXT, 0, 50 },
	[AT_OWNER] = { "Ansvarig", NULL, TABLE_TEXT, 0, 28 },
	[AT_OWNER_NAME] = { "Ansvarig organisation", NULL, TABLE_TEXT, 0, 36 },
	[AT_GOAL] = { "Mål", NULL, TABLE_TEXT, 0, 40 },
	[AT_STATUS] = { "Status", NULL, TABLE_TEXT, 0, 12 },
	[AT_ROLE] = { "Roll", NULL, TABLE_TEXT, 0, 16 },
	[AT_START] = { "Start", NULL, TABLE_TEXT, 0, 14 },
	[AT_START_FIRST] = { "Start tidigast", NULL, TABLE_DATE, 0, 0 },
	[AT_END] = { "Slut", NULL, TABLE_TEXT, 0, 14 },
	[AT_END_LAST] = { "Slut senast", NULL, TABLE_DATE, 0, 0 },
	[AT_DISTRICTS] = { "Stadsdelar", NULL, TABLE_TEXT, 0, 30 },
	[AT_PARTNERS] = { "Samverkansparter", NULL, TABLE_TEXT, 0, 30 },
};

static int row(void *ctx, const struct store_row *r)
{
	struct table *t = ctx;
	const char *num = store_col_text(r, 4), *goal = store_col_text(r, 5);
	char label[1200];

	table_row(t);
	table_set_text(t, AT_KEY, store_col_text(r, 0));
	table_set_text(t, AT_TITLE, store_col_text(r, 1));
	table_set_text(t, AT_OWNER, store_col_text(r, 2));
	table_set_text(t, AT_OWNER_NAME, store_col_text(r, 3));
	if (goal) {
		snprintf(label, sizeof(label), "%s%s%s", num && *num ? num : "", num && *num ? ". " : "", goal);
		table_set_text(t, AT_GOAL, label);
	}
	table_set_text(t, AT_STATUS, act_status_label(store_col_text(r, 6)));
	if (store_col_text(r, 7))
		table_set_text(t, AT_ROLE, act_role_label(store_col_text(r, 7)));
	table_set_text(t, AT_START, store_col_text(r, 8));
	table_set_date(t, AT_START_FIRST, (int)store_col_int(r, 9));
	table_set_text(t, AT_END, store_col_text(r, 10));
	table_set_date(t, AT_END_LAST, (int)store_col_int(r, 11));
	table_set_text(t, AT_DISTRICTS, store_col_text(r, 12));
	table_set_text(t, AT_PARTNERS, store_col_text(r, 13));
	return 0;
}

int activities_table_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct sval a[] = { SVID(year) };

	table_init(t, "Aktiviteter", cols, AT__MAX);
	return store_query(st, STMT_VTAB_ACTIVITIES, a, 1, row, t, e);
}
