/* docx-plan.h: the LUP document of a plan version as DOCX (the committee's programme: title page,
 * table of contents, the seven sections, themes, prioritised areas, goals, measures, partners). */
#ifndef LUP_DOCX_PLAN_H
#define LUP_DOCX_PLAN_H

#include <stddef.h>

#include <jansson.h>

struct err;
struct store;

/*
 * docx_plan: the LUP document of doc (a plan version as plan_doc_load gives it, view/plan.h;
 * docs/plan-json.md) on the DOCX template at tpl (docx.h). Names of organisations and areas are
 * read from st with its viewer (registry facts, public). A draft says "Utkast" in the header and
 * on its title page; another version its status and decision (body, date, §, dnr, where known).
 * On LUP_OK *data (free with free) holds *len bytes, the same for the same input. Errors:
 * LUP_EINVAL (doc is no lup plan: the message names its kind), LUP_EIO (the template or the
 * zip), LUP_EDB.
 */
int docx_plan(struct store *st, const json_t *doc, const char *tpl, char **data, size_t *len, struct err *e);

#endif
