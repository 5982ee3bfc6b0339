/* report-revisions.h: the Kolada revisions flagged on a follow-up report (table
 * outcome_revision, docs/indicators.md "Kolada revisions"), shown on the report page. The API
 * gives them as the report's "revisions" (store/kinds.c). */
#ifndef LUP_WEB_REPORT_REVISIONS_H
#define LUP_WEB_REPORT_REVISIONS_H

#include <stdint.h>

#include "render/html.h"
#include "web/http.h"

/*
 * report_revisions_section: writes a warning listing report id's revisions ("Andel ...,
 * Stockholm, 2024, totalt: värdet har reviderats från 79,1 till 79,3 efter godkännandet") into
 * h; nothing when there are none. Returns 0, or -1 with the error page answered.
 */
int report_revisions_section(struct http_req *r, struct html *h, int64_t id);

#endif
