/* pages-commit.c: the routes and stylesheet part of the commitment pages, and the helpers they
 * share (see pages-commit.h). */
#include "web/pages-commit.h"
#include "core/arena.h"
#include "core/numfmt.h"
#include "render/fieldnames.h"

#include <stdio.h>

const struct route page_routes_commit[] = {
	{ HTTP_GET, "/stadsdelar/samverkan", page_commitments, ACC_PUBLIC, R_CACHE, "pages",
	  "organisations x districts: who contributes to which district's programme, through LUP measures and activities, with roles (?org=KEY&stadsdel=KEY: the list behind a cell)", NULL, NULL, NULL },
	/* not cached: lateness changes with the date, not only with the data */
	{ HTTP_GET, "/uppfoljning/atagande/{fil}", page_ledger_download, ACC_PUBLIC, 0, "pages",
	  "the commitment ledger of a period as a file (atagande.csv, atagande.xlsx; ?ar=YYYY&period=T1|T2|VB)", NULL, NULL, NULL },
	{ HTTP_GET, "/uppfoljning/atagande", page_ledger, ACC_PUBLIC, 0, "pages",
	  "the commitment ledger of a period (?ar=YYYY&period=T1|T2|VB): what each specialist committee and company committed to each district and what its report says happened", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};

const char page_css_commit[] =
	".matrix td.cm{text-align:center;white-space:nowrap;min-width:3rem}.matrix td.cm-empty{color:var(--muted)}\n"
	".matrix tbody th.org{font-weight:400;background:#fff;min-width:12rem}\n"
	"table.ledger td.num{text-align:right}tr.silent th,tr.silent td{background:#fff4f2}"
	"tr.late th,tr.late td{background:#fff8e1}\n"
	".rep{font-weight:600}.rep-none,.rep-unpublished{color:#7a1712}\n";

const char *commit_role_sv(const char *role)
{
	return role ? fieldvalue_sv("role", role) : "–";
}

const char *commit_num(struct http_req *r, long n)
{
	char *s = arena_alloc_raw(&r->a, NUMFMT_SIZE);

	numfmt_long(n, s);
	return s;
}
