/* pages-city.h: the handlers of the 'city' section (routes in pages-city.c). */
#ifndef LUP_PAGES_CITY_H
#define LUP_PAGES_CITY_H

#include "web/http.h"

/*
 * page_city: GET / (public), "Start / the city": the districts on a schematic map coloured by
 * an indicator's gap to the city average with the same numbers in a table, the prioritised
 * programmes, the districts x themes matrix and goal fulfilment per organisation.
 * Query: indikator (an indicator key; unknown: 404), ar (a year, four digits; malformed: 400,
 * no outcomes of any indicator that year: 404), period ("2022-T1", "VB 2022", ...; malformed:
 * 400, not a known period: 404). Defaults are described in docs/web-city.md.
 * Returns the status.
 */
int page_city(struct http_req *r);

#endif
