/* page-district-contributions.h: the contributions of other organisations to a district's LUP on
 * the district page (/stadsdel/{key}): under each measure, and the section "Bidrag till
 * programmet" (per LUP goal and by organisation), with the links to the forms
 * (page-contribution.c). */
#ifndef LUP_PAGE_DISTRICT_CONTRIBUTIONS_H
#define LUP_PAGE_DISTRICT_CONTRIBUTIONS_H

#include <stdint.h>

#include "render/html.h"
#include "render/rows.h"
#include "web/http.h"

/* district_contrib_want: appends to q (at *n: places_want) the read of the public
 * contributions to district's programme, their measures and goals as rows of LUP version
 * version_id (0: none), into c (STMT_WEB_PLACES_DISTRICT_CONTRIB: STMT_CB_LIST's rows and
 * order); linked, a JSON array of the ids of the contributions linked to the district's places
 * (the page's activities), must live until places_fetch; the ones naming a measure or goal of
 * the district's LUPs are found by the statement. */
void district_contrib_want(struct http_req *r, struct store_q *q, int *n, int64_t district, int64_t version_id,
			   const char *linked, struct rowset *c);

/* district_contrib_status_want: appends to q (at *n) the read of the district's standing in
 * organisations' contribution plans (that its committee waits with or declined a cooperation)
 * into s (STMT_CB_DISTRICT_STATUS); key (the district's key) must live until places_fetch. */
void district_contrib_status_want(struct http_req *r, struct store_q *q, int *n, const struct sval *key,
				  struct rowset *s);

/* district_contrib_measure: under a measure (its id in the version shown), one line per
 * contribution to it: "Bidrag från andra: ORGANISATION – roll: rubrik". */
void district_contrib_measure(struct http_req *r, struct html *h, const struct rowset *c, int64_t measure_id);

/* district_contrib_has: 1 when activity id is one of the contributions in c, else 0. */
int district_contrib_has(const struct rowset *c, int64_t id);

/* district_contrib_section: the section "Bidrag till programmet" of district key (name): its
 * standing (status, district_contrib_status_want), the contributions to the programme's goals,
 * then every contribution by organisation, with the links to add one (editors of organisations
 * other than districts, administrators) and to change one (the contributor's editors). Returns
 * 0, or -1 after answering a 500 page. */
int district_contrib_section(struct http_req *r, struct html *h, const struct rowset *c,
			     const struct rowset *status, const char *key, const char *name);

#endif
