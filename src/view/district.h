/* district.h: a district's indicators against the city (store in, plain structs out, no HTTP):
 * what the district page's indicator comparison shows (web/page-district-indicators.c) and the
 * district's "indikatorer" exports (doc/export-district.c). docs/views.md. */
#ifndef LUP_VIEW_DISTRICT_H
#define LUP_VIEW_DISTRICT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "doc/table.h"

struct store;

/* The columns of the indicators table (district_table), in order. */
enum district_col {
	DC_INDICATOR,		/* Indikator: the indicator's key */
	DC_NAME,		/* Indikatornamn */
	DC_UNIT,		/* Enhet */
	DC_PERIOD,		/* Period: 2022-VB (full year) */
	DC_SEX,			/* Kön: T, K or M */
	DC_DISTRICT,		/* the district's name: its value (empty when missing) */
	DC_CITY,		/* Staden: the city's value */
	DC_GAP,			/* Skillnad (mot staden): district minus city, in DC_GAP_UNIT */
	DC_GAP_UNIT,		/* Skillnadens enhet: the unit, procentenheter for % */
	DC_EXAMPLE,		/* Exempeldata: ja when either value is example data */
	DC__MAX
};

/* One indicator and sex of the year: the district's and the city's full-year values. */
struct district_cmp {
	int64_t ind;			/* indicator id */
	const char *key, *name, *unit;	/* unit may be NULL */
	const char *direction;		/* higher, lower or NULL */
	const char *owner_name;		/* the organisation that follows the indicator up */
	const char *sex;		/* T, K or M */
	int own;			/* the district committee's (or its administration's) indicator */
	int has_value, has_city;	/* the values below are set (outcomes may be missing) */
	double value, city;		/* the district's and the city's (its municipality's) value */
	double gap;			/* value - city, rounded to the decimals of the two (at most
					 * 6), so 4.4 - 5.3 is -0.9; set when has_value and has_city */
	int example, city_example;	/* the values are example data */
};

/* A full-year total (sex T) of the district: an indicator's value of a year (the sparklines). */
struct district_point {
	int64_t ind;			/* indicator id */
	int64_t year;
	double value;			/* NAN when missing */
	int example;			/* the value is example data */
};

/* A district's comparison for a year. Strings live in a (release with district_view_release). */
struct district_view {
	int64_t id, committee;		/* committee: 0 when the district has none */
	const char *key, *name;
	int year;			/* the year compared; 0 when the district has no outcomes */
	int *years;			/* the years with full-year outcomes, newest first */
	size_t nyears, years_cap;	/* years_cap: room in years */
	struct district_cmp *rows;	/* the committee's indicators first, then by key, T, K, M */
	size_t n, rows_cap;		/* rows_cap: room in rows (grown by doubling) */
	struct district_point *series;	/* the public indicators' full-year totals the viewer may see,
					 * every year (the year compared too), by indicator, then year */
	size_t nseries, series_cap;	/* series_cap: room in series (grown by doubling) */
	struct table_col cols[DC__MAX];	/* district_table's columns */
	struct arena a;
};

/*
 * district_view_load: district key (key, name or alias) compared with the city for year
 * (0: the newest year with full-year outcomes) into *v (initialised here; the caller releases
 * it, also on failure). Rows are the indicators with a full-year outcome for the district in
 * the year, per sex, each with the city's value of the same indicator, period and sex; series
 * the district's totals of its public indicators over the full years (district_point). Reads
 * with the store's viewer: only figures it may see. Returns LUP_OK, LUP_ENOTFOUND (no such
 * district) or LUP_EDB (message in e).
 */
int district_view_load(struct store *st, const char *key, int year, struct district_view *v, struct err *e);

/*
 * district_view_load_known: the same for a district already found (a page that has read it):
 * id, its committee (0: none), key and name as district_view_load would find them; reads only
 * the years and the comparison. Returns LUP_OK or LUP_EDB (message in e).
 */
int district_view_load_known(struct store *st, int64_t id, int64_t committee, const char *key, const char *name,
			     int year, struct district_view *v, struct err *e);

/* district_view_release: frees v's rows and strings. */
void district_view_release(struct district_view *v);

/* district_change_unit: the unit of a difference of unit ("%" differs in procentenheter). */
const char *district_change_unit(const char *unit);

/* district_table: v as the table "Indikatorer" (initialised here; table_release by the caller):
 * one row per indicator and sex; the district's column is headed by its name (the columns live
 * in v). */
void district_table(struct district_view *v, struct table *t);

#endif
