/* tables-city.h: the city-wide export tables (store in, table out, no HTTP; docs/exports.md):
 * districts x themes, organisations x districts, activities, the commission matrix, resource
 * allocations and the audit log. One loader per table, each in its own file (tables-city.c
 * holds the first two and the list of them all), and a list that names them by the export's
 * KIND, so that the command line, the API and the web's download menu share one set.
 *
 * Every loader has the same contract (city_table_fn):
 *	load(st, year, t, e): table_init's t (the table's own name and columns) and fills it with
 *	the rows of year (0: every year; what "of the year" means is the table's, see below and
 *	docs/exports.md). The caller releases t (table_release), also on failure. Reads with the
 *	store's viewer (store_set_viewer): activities only when published (PUB_ACTIVITY), the audit
 *	log as AUDIT_SEE lets the viewer see it. Returns LUP_OK or LUP_EDB (message in e).
 */
#ifndef LUP_VIEW_TABLES_CITY_H
#define LUP_VIEW_TABLES_CITY_H

#include "core/err.h"
#include "doc/table.h"

struct store;

typedef int (*city_table_fn)(struct store *st, int year, struct table *t, struct err *e);

/* One city-wide table. */
struct city_table {
	const char *kind;	/* the export's KIND: "districts-themes", "audit", ... */
	const char *title;	/* the workbook's title before the year ("Stadsdelar och teman") */
	city_table_fn load;
};

/* city_table_find: the table of KIND kind, or NULL. */
const struct city_table *city_table_find(const char *kind);

/* city_table_at: the i-th table (0-based) of the list, or NULL past its end. */
const struct city_table *city_table_at(int i);

/* districts_themes_load: per district its themes in its LUP covering the year (every LUP for
 * year 0): the newest adopted version, else the newest that is not a draft (the city page's
 * choice), with the number of measures under each theme (sheet "Stadsdelar och teman"). */
int districts_themes_load(struct store *st, int year, struct table *t, struct err *e);

/* orgs_districts_load: per organisation and district the number of its published activities
 * in the district running in the year (sheet "Organisationer och stadsdelar"). */
int orgs_districts_load(struct store *st, int year, struct table *t, struct err *e);

/* activities_table_load: every published activity running in the year, by owner (activities-
 * table.c; sheet "Aktiviteter"). */
int activities_table_load(struct store *st, int year, struct table *t, struct err *e);

/* commission_table_load: every administration's response to each measure of the commission's
 * reports (of the year's reports), a row each (commission-table.c; sheet "Kommissionen"). */
int commission_table_load(struct store *st, int year, struct table *t, struct err *e);

/* allocations_table_load: the resource allocations of the year (allocations-table.c; sheet
 * "Resurser"), example data marked. */
int allocations_table_load(struct store *st, int year, struct table *t, struct err *e);

/* need_table_load: resources versus need of the year (need-table.c; sheet "Resurser och behov"):
 * per district in need order its need index and the year's resources per kind, in sum and per
 * 1 000 residents (view/need.h). Year 0: the current year. */
int need_table_load(struct store *st, int year, struct table *t, struct err *e);

/* audit_table_load: the audit log (its entries of the year, by UTC time), oldest first, with
 * the Swedish names of the fields each entry changed (audit-table.c; sheet "Ändringslogg"). */
int audit_table_load(struct store *st, int year, struct table *t, struct err *e);

#endif
