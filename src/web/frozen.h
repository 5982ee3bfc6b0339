/* frozen.h: the frozen rule of plan versions (model/planver.h) at the write routes: a change to
 * the content of an adopted version (a goal, an indicator with its targets, an activity of a
 * plan version) is refused with 409, in English by the API and in Swedish by the forms.
 * Follow-up data (outcomes, reports) does not pass here. */
#ifndef LUP_WEB_FROZEN_H
#define LUP_WEB_FROZEN_H

#include <stdint.h>

#include "store/store.h"
#include "web/http.h"

/* The Swedish message of the forms. */
#define FROZEN_SV "Versionen är antagen och kan inte ändras. Skapa en ny version för att göra ändringar."

/*
 * frozen_or_409: in r's open transaction, whether thing id belongs to a frozen plan version
 * (s: STMT_PV_FROZEN_GOAL, _ACTIVITY or _INDICATOR). Returns 0 when it does not (the
 * transaction stays open); else rolls back and answers 409 (code "plan_version_adopted", or
 * the Swedish page FROZEN_SV when page is non-zero) or 500 for a store error, and returns it.
 */
int frozen_or_409(struct http_req *r, enum stmt s, int64_t id, int page);

#endif
