/* org-outcomes.h: the export tables of an organisation's year (store in, tables out, no HTTP):
 * its indicators' targets and outcomes (the layout `lup import csv` reads back) and its
 * activities. docs/exports.md describes the columns. */
#ifndef LUP_VIEW_ORG_OUTCOMES_H
#define LUP_VIEW_ORG_OUTCOMES_H

#include "core/err.h"
#include "doc/table.h"

struct store;

/* The columns of the values table (org_outcomes_load), in order. */
enum org_values_col {
	OV_INDICATOR,		/* Indikator: the indicator's key (read by the importer) */
	OV_INDICATOR_NAME,	/* Indikatornamn (not read) */
	OV_GOAL,		/* Mål: "number. title" of the indicator's goal (not read) */
	OV_UNIT,		/* Enhet: the indicator's unit (not read) */
	OV_AREA,		/* Område: the area's key (read; empty on target rows) */
	OV_AREA_NAME,		/* Områdesnamn (not read) */
	OV_PERIOD,		/* Period: 2022-T1, 2022-T2, 2022-VB; 2022 for a target (read) */
	OV_SEX,			/* Kön: T, K or M (read) */
	OV_KIND,		/* Typ: utfall, årsmål or KF:s årsmål (read) */
	OV_VALUE,		/* Värde: an outcome's number (empty when missing) or a target as written */
	OV_SOURCE,		/* Källa (read) */
	OV_DERIVED,		/* Beräknat: ja when lup computed the figure (read) */
	OV_EXAMPLE,		/* Exempeldata: ja for example data (the importer skips such rows) */
	OV__MAX
};

/*
 * org_outcomes_load: the tables of organisation org (its key, name or alias) for year:
 * values (sheet "Indikatorer": per indicator of the organisation on its goal chain of the year,
 * in the chain's order, its own and KF's targets of the year, then its outcomes of the year per
 * area (the organisation's district, then the municipality), period (T1, T2, helår) and sex)
 * and acts (sheet "Aktiviteter": the organisation's activities in the year with their dates).
 * Either table may be NULL (not loaded). Both are initialised here and released by the caller
 * (table_release), also on failure. title (size n, may be NULL) gets "Name year". Reads with
 * the store's viewer (store_set_viewer): figures only as SEE_FIGURE lets the viewer see them.
 * Returns LUP_OK, LUP_ENOTFOUND (no such organisation), or LUP_EDB (message in e).
 */
int org_outcomes_load(struct store *st, const char *org, int year, struct table *values, struct table *acts,
		      char *title, size_t n, struct err *e);

#endif
