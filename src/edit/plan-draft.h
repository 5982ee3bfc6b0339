/* plan-draft.h: the frozen rule of plan content: only a draft version may change. */
#ifndef LUP_EDIT_PLAN_DRAFT_H
#define LUP_EDIT_PLAN_DRAFT_H

#include <stdint.h>

struct err;
struct store;

/*
 * plan_draft_check: LUP_OK when plan version plan_version_id exists and is a draft, with
 * *owner_org its plan's owner organisation; LUP_ENOTFOUND when there is no such version;
 * LUP_ECONFLICT ("the version is adopted; create a new version to change it") when it is not a
 * draft; or a store error, each with e set.
 */
int plan_draft_check(struct store *st, int64_t plan_version_id, int64_t *owner_org, struct err *e);

#endif
