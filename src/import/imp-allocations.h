/* imp-allocations.h: the allocations importer's parser (CSV text -> rows of cells, no database),
 * apart from its writes so that it can be fuzzed (tests/fuzz/fuzz-allocations.c). The layout:
 * imp-allocations.c and docs/resources-need.md. */
#ifndef LUP_IMP_ALLOCATIONS_H
#define LUP_IMP_ALLOCATIONS_H

#include "import/import.h"

/* The columns, by their English names: org;district;year;kind;amount;unit;note, and example
 * (the export's Exempeldata: rows marked ja are skipped). */
enum { IMP_AL_ORG, IMP_AL_DISTRICT, IMP_AL_YEAR, IMP_AL_KIND, IMP_AL_AMOUNT, IMP_AL_UNIT, IMP_AL_NOTE, IMP_AL_EXAMPLE,
       IMP_AL__MAX };

/* One data row: its line and its cells by column ("" when empty or no such column). */
struct imp_al_row {
	int line;
	const char *cell[IMP_AL__MAX];
};

/* The parsed file: the separator, the 0-based cell of each column (-1: absent), the rows. */
struct imp_al_doc {
	char sep;
	int col[IMP_AL__MAX];
	struct imp_al_row *rows;	/* in c->a */
	int nrows;
};

/*
 * imp_alloc_parse: the text t (lines split, modified in place) as allocations into d. Errors:
 * LUP_EINVAL naming the line (a header without a required column or with an unknown one, a
 * broken quote, too many cells; an empty file). No database is touched.
 */
int imp_alloc_parse(struct imp_ctx *c, struct imp_text *t, struct imp_al_doc *d);

#endif
