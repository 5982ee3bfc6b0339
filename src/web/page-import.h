/* page-import.h: the parts of the import page shared by its files (page-import.c: the forms
 * and the handlers; page-import-report.c: the import's report as HTML). */
#ifndef LUP_PAGE_IMPORT_H
#define LUP_PAGE_IMPORT_H

#include "import/import.h"
#include "render/html.h"

/* The importer kinds the form offers and their Swedish names (NULL-terminated, in step). */
extern const char *const pim_kind_values[], *const pim_kind_labels[];

/* pim_kind_label: the Swedish name of an importer kind ("Verksamhetsplan (text)"). */
const char *pim_kind_label(const char *kind);

/* pim_counts: the table of the report's counts (by the kind's keys) and rows changed. */
void pim_counts(struct html *h, const struct imp_kind *k, const struct imp_report *rep, const char *caption);

/* pim_warnings: the heading "Varningar" and the list of warnings with their lines. */
void pim_warnings(struct html *h, const struct imp_report *rep);

/* pim_refusal: a scoped import's refusal in Swedish (the file, line, column, field and why). */
void pim_refusal(struct html *h, const struct imp_refusal *x);

/* pim_trace: the heading and table of what the document's lines became (the first 200), the
 * importers' English keys and phrases in Swedish (text in the arena a). */
void pim_trace(struct arena *a, struct html *h, const struct imp_report *rep);

#endif
