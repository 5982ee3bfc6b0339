/* tables-city.c: the list of city-wide tables, districts x themes and organisations x
 * districts (see tables-city.h). */
#include "view/tables-city.h"
#include "store/store.h"

#include <string.h>

static const struct city_table tables[] = {
	{ "districts-themes", "Stadsdelar och teman", districts_themes_load },
	{ "orgs-districts", "Organisationer och stadsdelar", orgs_districts_load },
	{ "activities", "Aktiviteter", activities_table_load },
	{ "commission", "Kommissionens åtgärder och förvaltningarnas svar", commission_table_load },
	{ "allocations", "Resurser", allocations_table_load },
	{ "resources-need", "Resurser och behov", need_table_load },
	{ "audit", "Ändringslogg", audit_table_load },
};

const struct city_table *city_table_find(const char *kind)
{
	for (size_t i = 0; kind && i < sizeof(tables) / sizeof(tables[0]); i++)
		if (!strcmp(tables[i].kind, kind))
			return &tables[i];
	return NULL;
}

const struct city_table *city_table_at(int i)
{
	return i >= 0 && (size_t)i < sizeof(tables) / sizeof(tables[0]) ? &tables[i] : NULL;
}

/* --- districts x themes */

enum { DT_DISTRICT, DT_DISTRICT_NAME, DT_PRIORITISED, DT_PLAN, DT_ORD, DT_THEME, DT_MEASURES, DT__MAX };

static const struct table_col dt_cols[DT__MAX] = {
	[DT_DISTRICT] = { "Stadsdel", NULL, TABLE_TEXT, 0, 18 },
	[DT_DISTRICT_NAME] = { "Stadsdelsnamn", NULL, TABLE_TEXT, 0, 22 },
	[DT_PRIORITISED] = { "Prioriterat", NULL, TABLE_BOOL, 0, 12 },
	[DT_PLAN] = { "LUP", NULL, TABLE_TEXT, 0, 28 },
	[DT_ORD] = { "Temanummer", NULL, TABLE_INT, 0, 12 },
	[DT_THEME] = { "Tema", NULL, TABLE_TEXT, 0, 50 },
	[DT_MEASURES] = { "Insatser", "st", TABLE_INT, 0, 14 },
};

static int dt_row(void *ctx, const struct store_row *r)
{
	struct table *t = ctx;

	table_row(t);
	table_set_text(t, DT_DISTRICT, store_col_text(r, 0));
	table_set_text(t, DT_DISTRICT_NAME, store_col_text(r, 1));
	table_set_bool(t, DT_PRIORITISED, (int)store_col_int(r, 2));
	table_set_text(t, DT_PLAN, store_col_text(r, 3));
	table_set_int(t, DT_ORD, store_col_int(r, 4));
	table_set_text(t, DT_THEME, store_col_text(r, 5));
	table_set_int(t, DT_MEASURES, store_col_int(r, 6));
	return 0;
}

int districts_themes_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct sval a[] = { SVID(year) };

	table_init(t, "Stadsdelar och teman", dt_cols, DT__MAX);
	return store_query(st, STMT_VTAB_DISTRICTS_THEMES, a, 1, dt_row, t, e);
}

/* --- organisations x districts */

enum { OD_ORG, OD_ORG_NAME, OD_DISTRICT, OD_DISTRICT_NAME, OD_ACTIVITIES, OD__MAX };

static const struct table_col od_cols[OD__MAX] = {
	[OD_ORG] = { "Organisation", NULL, TABLE_TEXT, 0, 28 },
	[OD_ORG_NAME] = { "Organisationsnamn", NULL, TABLE_TEXT, 0, 40 },
	[OD_DISTRICT] = { "Stadsdel", NULL, TABLE_TEXT, 0, 18 },
	[OD_DISTRICT_NAME] = { "Stadsdelsnamn", NULL, TABLE_TEXT, 0, 22 },
	[OD_ACTIVITIES] = { "Aktiviteter", "st", TABLE_INT, 0, 16 },
};

static int od_row(void *ctx, const struct store_row *r)
{
	struct table *t = ctx;

	table_row(t);
	table_set_text(t, OD_ORG, store_col_text(r, 0));
	table_set_text(t, OD_ORG_NAME, store_col_text(r, 1));
	table_set_text(t, OD_DISTRICT, store_col_text(r, 2));
	table_set_text(t, OD_DISTRICT_NAME, store_col_text(r, 3));
	table_set_int(t, OD_ACTIVITIES, store_col_int(r, 4));
	return 0;
}

int orgs_districts_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct sval a[] = { SVID(year) };

	table_init(t, "Organisationer och stadsdelar", od_cols, OD__MAX);
	return store_query(st, STMT_VTAB_ORGS_DISTRICTS, a, 1, od_row, t, e);
}
