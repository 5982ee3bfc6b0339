/* imp-json.h: the plan interchange document as an import kind ("json"). */
#ifndef LUP_IMP_JSON_H
#define LUP_IMP_JSON_H

#include <stddef.h>

#include "import/import.h"

/*
 * imp_json_plan: imports the plan document buf[0..len) (name: for messages, e.g. the uploaded
 * file's name) as a new draft version of the plan it names, in c's transaction. Every problem
 * names its JSON pointer ("plan.json: /measures/3/partners/0/org: no organisation 'x'"); e holds
 * as many as fit. Returns LUP_OK, LUP_EINVAL, LUP_ETOOBIG, LUP_ENOTFOUND, LUP_ECONFLICT (a draft
 * exists) or LUP_EDB.
 */
int imp_json_plan(struct imp_ctx *c, const char *buf, size_t len, const char *name);

#endif
