/* export-city.c: the city overview as a table (export.h: export_xlsx_city, export_csv_city;
 * docs/exports.md): for the year, every indicator the city page offers that year (full-year
 * outcomes per district, view/city.h) and every district, a row with the district's value, the
 * city average, the gap (value - average) and whether the indicator's figures shown hold
 * example data. No KEY (the whole city); --year optional (0: the newest year with outcomes). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "doc/export.h"
#include "doc/table.h"
#include "view/city.h"

enum { CC_INDICATOR, CC_INDICATOR_NAME, CC_UNIT, CC_YEAR, CC_DISTRICT, CC_DISTRICT_NAME, CC_VALUE, CC_CITY, CC_GAP,
       CC_EXAMPLE, CC__MAX };

static const struct table_col cols[CC__MAX] = {
	[CC_INDICATOR] = { "Indikator", NULL, TABLE_TEXT, 0, 24 },
	[CC_INDICATOR_NAME] = { "Indikatorns namn", NULL, TABLE_TEXT, 0, 40 },
	[CC_UNIT] = { "Enhet", NULL, TABLE_TEXT, 0, 10 },
	[CC_YEAR] = { "År", NULL, TABLE_INT, 0, 8 },
	[CC_DISTRICT] = { "Stadsdelsområde", NULL, TABLE_TEXT, 0, 20 },
	[CC_DISTRICT_NAME] = { "Stadsdelsområdets namn", NULL, TABLE_TEXT, 0, 28 },
	[CC_VALUE] = { "Värde", NULL, TABLE_DEC, -1, 12 },
	[CC_CITY] = { "Stadens snitt", NULL, TABLE_DEC, -1, 14 },
	[CC_GAP] = { "Skillnad mot staden", NULL, TABLE_DEC, -1, 16 },
	[CC_EXAMPLE] = { "Exempeldata", NULL, TABLE_BOOL, 0, 12 },
};

/* rows: the districts of the loaded view c as rows of t */
static void rows(struct table *t, const struct view_city *c)
{
	const struct view_city_indicator *ind = &c->inds[c->ind];

	for (size_t i = 0; i < c->ndistricts; i++) {
		const struct view_city_district *d = &c->districts[i];
		table_row(t);
		table_set_text(t, CC_INDICATOR, ind->key);
		table_set_text(t, CC_INDICATOR_NAME, ind->name);
		table_set_text(t, CC_UNIT, ind->unit);
		table_set_int(t, CC_YEAR, c->year);
		table_set_text(t, CC_DISTRICT, d->key);
		table_set_text(t, CC_DISTRICT_NAME, d->name);
		if (!isnan(d->value))
			table_set_dec(t, CC_VALUE, d->value);
		if (!isnan(c->city))
			table_set_dec(t, CC_CITY, c->city);
		if (!isnan(d->value) && !isnan(c->city))
			table_set_dec(t, CC_GAP, round((d->value - c->city) * 1e6) / 1e6);	/* no float noise */
		table_set_bool(t, CC_EXAMPLE, c->example);
	}
}

/* city_load: the table of year (0: the newest) into t (table_init'ed here); *year the year used */
static int city_load(struct store *st, int *year, struct table *t, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct view_city_args args = { NULL, *year, NULL, 0 };
	struct view_city c, one;
	int rc;

	table_init(t, "Staden", cols, CC__MAX);
	if ((rc = view_city_load(st, &a, &args, &c, e)) != LUP_OK)
		goto out;
	if (!*year && c.nyears)
		*year = (int)c.years[0];
	if (!*year || c.miss == VIEW_CITY_NO_YEAR) {
		rc = err_set(e, LUP_ENOTFOUND, "no full-year outcomes per district for %d", *year);
		goto out;
	}
	for (size_t i = 0; i < c.ninds; i++) {	/* by key, then year: one entry per key and year */
		if (c.inds[i].year != *year)
			continue;
		struct view_city_args one_args = { c.inds[i].key, *year, NULL, 0 };
		if ((rc = view_city_load(st, &a, &one_args, &one, e)) != LUP_OK)
			goto out;
		if (one.miss == VIEW_CITY_FOUND && one.ind >= 0 && one.has_year)
			rows(t, &one);
	}
out:
	arena_release(&a);
	return rc;
}

/* city: the table as a workbook (xlsx) or CSV into f, named "Staden YEAR" */
static int city(int xlsx, struct store *st, const struct export_args *x, struct export_file *f, struct err *e)
{
	struct table t;
	const struct table *tp[1] = { &t };
	char title[64];
	struct buf b;
	int year = x->year, rc = city_load(st, &year, &t, e);

	buf_init(&b, 0);
	snprintf(title, sizeof(title), "Staden %d", year);
	if (rc == LUP_OK && xlsx)
		rc = export_xlsx_bytes(tp, 1, title, f, e);
	else if (rc == LUP_OK && (rc = table_csv(&t, x->comma ? TABLE_CSV_COMMA : TABLE_CSV_EXCEL_SV, &b, e)) == LUP_OK)
		f->data = buf_detach(&b, &f->len);
	if (rc == LUP_OK)
		export_name(f, "%s", title);
	buf_release(&b);
	table_release(&t);
	return rc;
}

int export_xlsx_city(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return city(1, st, a, f, e);
}

int export_csv_city(struct store *st, const struct export_args *a, struct export_file *f, struct err *e)
{
	return city(0, st, a, f, e);
}
