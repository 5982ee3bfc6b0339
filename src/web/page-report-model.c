/* page-report-model.c: the follow-up report of a request: the view (view/report.h) read for the
 * caller, with a 500 page when the store fails, and who may read and change it. */
#include "web/pages-forms.h"
#include "web/authz.h"
#include "store/store.h"
#include "view/report.h"

#include <stdio.h>
#include <string.h>

int pf_report_load(struct http_req *r, int64_t id, int goals, struct view_report *rep, int *found)
{
	if (view_report_load(r->st, &r->a, id, goals, rep, found, &r->err) == LUP_OK)
		return 0;
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	page_error(r, 500, "Ett internt fel inträffade när sidan skulle läsas. Försök igen senare.");
	return -1;
}

int pf_report_load_body(struct http_req *r, struct view_report *rep)
{
	if (view_report_load_body(r->st, &r->a, VIEW_REPORT_ALL, rep, &r->err) == LUP_OK)
		return 0;
	fprintf(stderr, "lup serve: %s %s: %s\n", http_method_name(r->method), r->path, r->err.msg);
	page_error(r, 500, "Ett internt fel inträffade när sidan skulle läsas. Försök igen senare.");
	return -1;
}

int pf_report_visible(const struct http_req *r, const struct view_report *rep)
{
	return authz_report_readable(&r->user, rep->status, rep->org, rep->org_pair);
}

int pf_report_editable(const struct http_req *r, const struct view_report *rep)
{
	return rep->status && (strcmp(rep->status, "draft") == 0 || strcmp(rep->status, "returned") == 0) &&
	       pf_may_write(r, rep->org);
}
