/* need-table.c: resources versus need as an export table (see tables-city.h; docs/exports.md):
 * one row per district in the order of its need index (view/need.h), with the index, the
 * number of indicators it rests on, the population and the year's resources per kind, in sum and
 * per 1 000 residents (money: tkr per 1 000 residents = kr per resident). Year 0: the current
 * year. */
#include "model/today.h"
#include "view/tables-city.h"
#include "view/need.h"
#include "core/arena.h"
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { NT_RANK, NT_AREA, NT_AREA_NAME, NT_INDEX, NT_NIND, NT_POP, NT_KINDS, NT_EXAMPLE = NT_KINDS + 2 * NEED_KIND__MAX,
       NT_YEAR, NT_NEED_YEAR, NT__MAX };

static const struct table_col cols[NT__MAX] = {
	[NT_RANK] = { "Rang", NULL, TABLE_INT, 0, 6 },
	[NT_AREA] = { "Område", NULL, TABLE_TEXT, 0, 18 },
	[NT_AREA_NAME] = { "Områdesnamn", NULL, TABLE_TEXT, 0, 22 },
	[NT_INDEX] = { "Behovsindex", NULL, TABLE_DEC, 3, 12 },
	[NT_NIND] = { "Indikatorer med värde", NULL, TABLE_INT, 0, 12 },
	[NT_POP] = { "Invånare", NULL, TABLE_INT, 0, 12 },
	[NT_KINDS + 0] = { "Pengar", "tkr", TABLE_DEC, -1, 14 },
	[NT_KINDS + 1] = { "Pengar per invånare", "kr", TABLE_DEC, 1, 14 },
	[NT_KINDS + 2] = { "Personal", "årsarbetare", TABLE_DEC, -1, 14 },
	[NT_KINDS + 3] = { "Personal per 1 000 invånare", "årsarbetare", TABLE_DEC, 3, 14 },
	[NT_KINDS + 4] = { "Platser", "platser", TABLE_DEC, -1, 12 },
	[NT_KINDS + 5] = { "Platser per 1 000 invånare", "platser", TABLE_DEC, 3, 14 },
	[NT_KINDS + 6] = { "Timmar", "timmar", TABLE_DEC, -1, 12 },
	[NT_KINDS + 7] = { "Timmar per 1 000 invånare", "timmar", TABLE_DEC, 2, 14 },
	[NT_EXAMPLE] = { "Exempeldata", NULL, TABLE_BOOL, 0, 13 },
	[NT_YEAR] = { "År", NULL, TABLE_INT, 0, 8 },
	[NT_NEED_YEAR] = { "Utfallsår", NULL, TABLE_INT, 0, 10 },
};

static void district_row(struct table *t, const struct view_need *v, size_t rank, const struct view_need_district *d)
{
	table_row(t);
	table_set_int(t, NT_RANK, (int64_t)rank + 1);
	table_set_text(t, NT_AREA, d->key);
	table_set_text(t, NT_AREA_NAME, d->name);
	if (isfinite(d->index))
		table_set_dec(t, NT_INDEX, d->index);
	table_set_int(t, NT_NIND, d->nused);
	if (d->population)
		table_set_int(t, NT_POP, d->population);
	for (int k = 0; k < NEED_KIND__MAX; k++) {
		table_set_dec(t, NT_KINDS + 2 * k, d->amount[k]);
		if (isfinite(d->per1000[k]))
			table_set_dec(t, NT_KINDS + 2 * k + 1, d->per1000[k]);
	}
	table_set_bool(t, NT_EXAMPLE, d->example);
	table_set_int(t, NT_YEAR, v->year);
	table_set_int(t, NT_NEED_YEAR, v->need_year);
}

static int year_now(void)
{
	return model_today() / 10000;
}

int need_table_load(struct store *st, int year, struct table *t, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct view_need v;
	int rc;

	table_init(t, "Resurser och behov", cols, NT__MAX);
	rc = view_need_load(st, &a, year ? year : year_now(), 0, &v, e);
	for (size_t i = 0; rc == LUP_OK && i < v.nd; i++)
		district_row(t, &v, i, &v.ds[v.ord[i]]);
	arena_release(&a);
	return rc;
}
