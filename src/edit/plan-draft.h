/* plan-draft.h: the frozen rule of plan versions, the one check every write of a version's
 * content makes: only a draft may change. */
#ifndef LUP_EDIT_PLAN_DRAFT_H
#define LUP_EDIT_PLAN_DRAFT_H

#include <stdint.h>

struct err;
struct store;

/*
 * plan_draft_check: whether plan version plan_version_id may be changed. Returns LUP_OK when it
 * exists and is a draft, with its plan's owner organisation in *owner_org (may be NULL);
 * LUP_ENOTFOUND when there is no such version; LUP_ECONFLICT with the message "the version is
 * adopted; create a new version to change it" when it is not a draft; or a store error; e set.
 */
int plan_draft_check(struct store *st, int64_t plan_version_id, int64_t *owner_org, struct err *e);

#endif
