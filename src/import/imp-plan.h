/* imp-plan.h: the 'plan' importer: a Stockholm verksamhetsplan as text extracted from PDF.
 *
 * imp_plan_parse turns the text into a document (struct imp_plan_doc, in the import's arena)
 * without touching the database, so that it can be fuzzed and unit-tested; imp-plan.c writes
 * the document. docs/import-plan.md describes the layout read and the keys written.
 */
#ifndef LUP_IMP_PLAN_H
#define LUP_IMP_PLAN_H

#include "import/import.h"

#define IMP_PLAN_MAX_ITEMS 20000	/* goals, indicators, activities, money rows: each at most */
#define IMP_PLAN_MAX_COLS 16		/* amount columns of a money table */
#define IMP_PLAN_MAX_NUMBER 99		/* largest goal number part ("1.12") */

/* The goal levels the document holds. */
enum imp_plan_level {
	IMP_PLAN_IM,	/* KF:s inriktningsmål ("KF:s inriktningsmål: 1. ...") */
	IMP_PLAN_VO,	/* KF:s mål för verksamhetsområdet ("... verksamhetsområdet: 1.2. ...") */
	IMP_PLAN_NM,	/* the committee's nämndmål ("Nämndmål: ...") */
	IMP_PLAN__LEVELS
};

/* One expected result (a "Förväntat resultat" list item). */
struct imp_plan_result {
	const char *text;	/* the item without its bullet, wrapped lines joined */
	int line, last;		/* its lines (1-based) */
};

/* One goal, in document order. */
struct imp_plan_goal {
	enum imp_plan_level level;
	int n, m;			/* inriktningsmål n; verksamhetsområdesmål n.m; nämndmål: m = its
					 * order among the nämndmål (1, 2, ...), n = 0 */
	const char *title;		/* wrapped lines joined */
	const char *desc;		/* a nämndmål's Beskrivning, a KF goal's running text right under its
					 * heading; NULL when the document has none */
	int desc_line, desc_last;	/* lines of that text */
	struct imp_plan_result *results;
	int nresults, capresults;
	int parent;			/* index of the parent goal in goals[], -1 when not in the text */
	int ninds;			/* indicators in the tables that follow it */
	int line, last;			/* lines of the heading */
};

/* One indicator table row. */
struct imp_plan_indicator {
	int goal;		/* index of the goal whose table it is, -1 when the table precedes every goal */
	int ord;		/* 1-based order among the indicators of that goal */
	const char *name;
	const char *own;	/* Årsmål as written (wrapping and spacing normalised), NULL when empty */
	const char *kf;		/* KF:s årsmål likewise; NULL when empty or when the table has no such column */
	const char *periodicity;	/* "tertial", "year", "month" or "quarter" */
	int line, last;
};

/* A body a KF assignment names ("Kommunstyrelsen ska i samarbete med socialnämnden ..."). */
struct imp_plan_body {
	const char *name;	/* as written ("arbetsmarknadsnämnden") */
	const char *role;	/* "lead" (before "ska"), "support" ("med stöd av") or "partner" ("i samarbete
				 * med", "i dialog med", "i samråd med", "tillsammans med") */
};

/* One activity table row. */
struct imp_plan_activity {
	int goal;		/* as for indicators */
	const char *title;
	const char *start, *end;	/* YYYY-MM-DD as written; NULL when the cell is empty */
	int line, last;
	struct imp_plan_body *bodies;	/* a KF assignment's bodies (an activity of a KF goal whose title
					 * reads "<bodies> ska ..."); none otherwise */
	int nbodies, capbodies;
};

/* One money table (amounts in mnkr). */
struct imp_plan_money {
	const char *name;			/* the row-label column's header, e.g. "Äldreomsorg" */
	const char *cols[IMP_PLAN_MAX_COLS];	/* column headers, e.g. "Budget 2022" */
	int ncols;
	int nrows;
	int line, last;
};

/* One money table row. */
struct imp_plan_money_row {
	int table;				/* index into tables[] */
	int ord;				/* 1-based within its table */
	const char *label;
	double amount[IMP_PLAN_MAX_COLS];	/* one per column of its table */
	int line, last;
};

/* A parsed verksamhetsplan. Everything lives in the import's arena. */
struct imp_plan_doc {
	const char *org;	/* the committee the text names first ("Spånga-Tensta stadsdelsnämnd"), or NULL */
	int org_line;
	int year;		/* the year the text plans for, 0 when it does not say */
	int year_line;
	int count[IMP_PLAN__LEVELS];	/* goals per level */
	struct imp_plan_goal *goals;
	int ngoals, capgoals;
	struct imp_plan_indicator *inds;
	int ninds, capinds;
	struct imp_plan_activity *acts;
	int nacts, capacts;
	struct imp_plan_money *tables;
	int ntables, captables;
	struct imp_plan_money_row *rows;
	int nrows, caprows;
};

/*
 * imp_plan_parse: reads the verksamhetsplan in t into d (zeroed first; memory from c->a).
 * Traces what every non-blank line became (imp_trace, when c->trace) and warns about rows it
 * cannot read (imp_warn). c->st is not used (it may be NULL). Returns LUP_OK, or LUP_EINVAL
 * naming file:line (through imp_fail) when the text holds no goal at all or more than
 * IMP_PLAN_MAX_ITEMS of something.
 */
int imp_plan_parse(struct imp_ctx *c, const struct imp_text *t, struct imp_plan_doc *d);

/* imp_plan_slug: the dataset's key for a name ("Spånga-Tensta stadsdelsnämnd" ->
 * "spanga-tensta-stadsdelsnamnd"; see docs/dataset-format.md), in a. Never NULL. */
char *imp_plan_slug(struct arena *a, const char *name);

#endif
