/* commission.h: the commission matrix as one view, read from the store: the commission's
 * reports, each with its measures (grouped by recommendation, in number order) and the
 * administrations that answered any of them; every response's stance as a cell; and every
 * administration the commission document lists with its statement's stance. No HTTP: called by
 * the commission page (web/page-commission.c) and the table writers. */
#ifndef LUP_VIEW_COMMISSION_H
#define LUP_VIEW_COMMISSION_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct err;
struct store;

/* A measure of a report with its recommendation. */
struct view_cm_measure {
	int64_t id, report_id;
	const char *number;		/* "6.2.10" as written ("" when the document gives none) */
	const char *text;		/* may be NULL (the document gave no heading) */
	const char *rec_number, *rec_text;	/* its recommendation (NULL when none is given) */
	const char *group;		/* the recommendation it is grouped under: rec_number, else
					 * its number without the last part */
};

/* An administration that answered some measure (a column of the matrix). */
struct view_cm_column {
	int64_t org;
	const char *key, *short_name, *name;
};

/* One response: an administration's answer to a measure. */
struct view_cm_cell {
	int64_t measure, org, response, report;
	const char *stance;		/* agree, positive, hesitant, disagree, none (or NULL) */
	int no_response;		/* the administration sent no answer to it */
};

/* An administration the commission document lists. */
struct view_cm_admin {
	const char *key, *name;
	const char *grp;		/* "district", "specialist" or another group */
	int no_response;		/* sent no statement at all */
	const char *marker;		/* the document's note on that (may be NULL) */
	const char *stance;		/* the statement's stance as a whole (may be NULL) */
	long responses;			/* the measures it answered */
};

/* A commission report with its matrix: measures[0..nmeasures) in number order, and the
 * indexes into view_commission.columns of the administrations that answered any of them. */
struct view_cm_report {
	int64_t id;
	const char *key, *title;
	long year;
	struct view_cm_measure **measures;
	size_t nmeasures;
	size_t *cols;
	size_t ncols;
};

/* The whole matrix. */
struct view_commission {
	struct view_cm_report *reports;		/* by title */
	size_t nreports;
	size_t nmeasures;			/* all reports' measures */
	struct view_cm_column *columns;		/* in the document's order */
	size_t ncolumns;
	struct view_cm_cell *cells;		/* by (measure, org) */
	size_t ncells;
	struct view_cm_admin *admins;		/* in the document's order */
	size_t nadmins;
};

/*
 * view_commission_load: reads the commission matrix into *v (overwritten), every array in a.
 * No commission data gives empty lists. Returns LUP_OK or the store's error (LUP_EDB) in e.
 */
int view_commission_load(struct store *st, struct arena *a, struct view_commission *v, struct err *e);

/* view_commission_cell: the response of organisation org to measure, or NULL (none). */
const struct view_cm_cell *view_commission_cell(const struct view_commission *v, int64_t measure, int64_t org);

/* view_commission_num_cmp: compares measure numbers part by part as numbers ("6.2.10" after
 * "6.2.9"); <0, 0 or >0. */
int view_commission_num_cmp(const char *a, const char *b);

#endif
