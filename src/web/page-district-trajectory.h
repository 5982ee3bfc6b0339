/* page-district-trajectory.h: the district page's trajectories per LUP goal and sex
 * (page-district-trajectory.c; the rule in model/trajectory.h and docs/indicators.md). */
#ifndef LUP_WEB_PAGE_DISTRICT_TRAJECTORY_H
#define LUP_WEB_PAGE_DISTRICT_TRAJECTORY_H

#include <stdint.h>

#include "render/html.h"
#include "web/http.h"

/*
 * district_trajectory_section: the section "Banan mot målen" of the district page (GET
 * /stadsdel/{key}) for district (area id): per goal of the LUP in force that has an indicator,
 * per sex (K and M for an indicator divided by sex, else the total), the baseline, the latest
 * value, the city average, the 5-year goal, the change per year needed to reach the goal and to
 * reach the city average in 15 and 20 years against the change per year so far, as a table and
 * a line chart. Returns 0, or -1 with the error page answered.
 */
int district_trajectory_section(struct http_req *r, struct html *h, int64_t district);

#endif
