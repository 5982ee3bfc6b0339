/* api-downloads.c: the export formats of the API (web/download.h):
 *	GET /api/v1/organisations/{id}/indicator-values?year=Y[&format=csv|xlsx]
 * an organisation's indicators with targets and outcomes of a year, the table of
 * `lup export csv|xlsx organisation` (docs/exports.md); CSV unless ?format= or Accept asks for
 * another of the kind's formats. (A plan version's formats are served by api_plan_doc_get.) */
#include <stdlib.h>
#include <string.h>

#include "web/api.h"
#include "web/download.h"

int api_org_indicator_values(struct http_req *r)
{
	const char *y = http_query(r, "year");
	struct export_args a = { .key = r->params[0], .comma = 0 };
	const struct export_row *x;
	char *end;
	long year;
	int rc;

	if ((rc = download_pick(r, "organisation", "indikatorer", &x)) != 0)
		return rc;
	if (!x)	/* the default: CSV */
		x = export_find_slug("organisation", "indikatorer.csv");
	if (!x)
		return http_error(r, 406, "not_acceptable", "no table format is available");
	if (!y || (year = strtol(y, &end, 10)) < 1900 || year > 2999 || *end)
		return http_error(r, 400, "bad_request", "give the year as ?year=YYYY");
	a.year = (int)year;
	if (http_query(r, "dialect"))
		a.comma = !strcmp(http_query(r, "dialect"), "comma");
	if (download_send(r, x, &a, r->user.role != ROLE_ANON) != 200)
		return http_fail(r);
	return 200;
}
