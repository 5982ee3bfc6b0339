/* page-download.c: the web's downloads (doc/export.h through web/download.h):
 *	GET /plan/{key}/dokument.{docx|json|...}?version=N	a plan version's document
 *	GET /organisation/{key}/indikatorer.{xlsx|csv}?ar=Y	an organisation's indicators of a year
 *	GET /organisation/{key}/verksamhetsplan.{docx|pdf|pdfa}?ar=Y	its verksamhetsplan of a year
 *	GET /stadsdel/{key}/indikatorer.{xlsx|csv}?ar=Y	a district's indicators against the city
 *							(?ar= optional: the newest year with outcomes)
 *	GET /uppfoljning/{id}/rapport.{docx|pdf|pdfa}		a follow-up report (404 when unreadable)
 *	GET /kommissionen/kommissionen.{docx|pdf|pdfa}		the commission matrix as a document
 * The last segment is a row's "SLUG.FORMAT" of the table of exports, so new rows are served
 * without new routes. Errors are Swedish pages: 404 for what the caller may not see. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/download.h"
#include "web/page.h"
#include "web/pages-places.h"
#include "view/report.h"

/* fail: the Swedish page of a failed export (the error in r->err) */
static int fail(struct http_req *r, const char *what)
{
	if (r->err.code == LUP_ENOTFOUND)
		return page_error(r, 404, what);
	if (r->err.code == LUP_EBUSY) {	/* the PDF conversions are all busy */
		http_header(r, "Retry-After", "5");
		return page_error(r, 503, "Många filer skapas just nu. Försök igen om några sekunder.");
	}
	fprintf(stderr, "lup serve: %s: %s\n", r->path, r->err.msg);
	return page_error(r, 500, "Filen kunde inte skapas. Försök igen om en stund.");
}

static int page_plan_download(struct http_req *r)
{
	const struct export_row *x = export_find_slug("plan", r->params[1]);
	struct export_args a = { .key = r->params[0] };
	int priv, rc;

	if (!x)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	if ((rc = download_plan_version(r, a.key, http_query(r, "version"), &a.version, &priv)) != 0)
		return rc < 0 ? fail(r, "") : page_error(r, 404, "Programmet eller versionen finns inte.");
	if (download_send(r, x, &a, priv || r->user.role != ROLE_ANON) != 200)
		return fail(r, "Programmet eller versionen finns inte.");
	return 200;
}

static int page_org_download(struct http_req *r)
{
	const struct export_row *x = export_find_slug("organisation", r->params[1]);
	struct export_args a = { .key = r->params[0] };
	long year;

	if (!x)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	if (places_year_arg(r, &year))
		return r->status;
	if ((x->need & EXPORT_NEED_YEAR) && !year)
		return page_error(r, 400, "Ange vilket år filen ska gälla, till exempel ?ar=2022.");
	a.year = (int)year;
	/* what a logged-in caller reads may hold unpublished figures: never in a shared cache */
	if (download_send(r, x, &a, r->user.role != ROLE_ANON) != 200)
		return fail(r, "Organisationen finns inte.");
	return 200;
}

/* page_district_download: the district's files (?ar=Y optional where the row needs no year) */
static int page_district_download(struct http_req *r)
{
	const struct export_row *x = export_find_slug("district", r->params[1]);
	struct export_args a = { .key = r->params[0] };
	long year;

	if (!x)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	if (places_year_arg(r, &year))
		return r->status;
	a.year = (int)year;
	if (download_send(r, x, &a, r->user.role != ROLE_ANON) != 200)
		return fail(r, "Stadsdelsområdet finns inte.");
	return 200;
}

/* page_report_download: report {id}'s document; the writer finds the report by its organisation,
 * year and period and answers "not found" when the caller may not read it (rep.readable) */
static int page_report_download(struct http_req *r)
{
	const struct export_row *x = export_find_slug("report", r->params[1]);
	struct view_report rep;
	char *end = NULL;
	long long id = strtoll(r->params[0], &end, 10);
	int found = 0;

	if (!x || !end || *end || id <= 0)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	if (view_report_load(r->st, &r->a, id, 0, &rep, &found, &r->err) != LUP_OK)
		return fail(r, "");
	if (!found || !rep.readable)
		return page_error(r, 404, "Det finns ingen godkänd rapport med den adressen.");
	struct export_args a = { .key = rep.org_key, .year = (int)rep.year, .period = rep.kind };
	if (download_send(r, x, &a, r->user.role != ROLE_ANON || strcmp(rep.status, "approved") != 0) != 200)
		return fail(r, "Det finns ingen godkänd rapport med den adressen.");
	return 200;
}

/* page_commission_download: the commission matrix's document (public, as the /kommissionen page) */
static int page_commission_download(struct http_req *r)
{
	const struct export_row *x = export_find_slug("commission", r->params[0]);
	struct export_args a = { 0 };

	if (!x)
		return page_error(r, 404, "Det finns ingen sida med den adressen.");
	if (download_send(r, x, &a, 0) != 200)
		return fail(r, "Inga svar till kommissionen är inlästa.");
	return 200;
}

const struct route page_routes_download[] = {
	{ HTTP_GET, "/plan/{key}/{fil}", page_plan_download, ACC_PUBLIC, 0, "pages", "a plan version's document as a file (dokument.docx, dokument.json; ?version=N, a draft for those who may read it)", NULL, NULL, NULL },
	{ HTTP_GET, "/organisation/{key}/{fil}", page_org_download, ACC_PUBLIC, 0, "pages", "an organisation's files of a year (indikatorer.xlsx, indikatorer.csv, verksamhetsplan.docx/.pdf/.pdfa; ?ar=YYYY)", NULL, NULL, NULL },
	{ HTTP_GET, "/stadsdel/{key}/{fil}", page_district_download, ACC_PUBLIC, 0, "pages", "a district's files (indikatorer.xlsx, indikatorer.csv: its indicators against the city; ?ar=YYYY, default the newest year with outcomes)", NULL, NULL, NULL },
	{ HTTP_GET, "/uppfoljning/{id}/{fil}", page_report_download, ACC_PUBLIC, 0, "pages", "a follow-up report as a file (rapport.docx, rapport.pdf, rapport.pdfa)", NULL, NULL, NULL },
	{ HTTP_GET, "/kommissionen/{fil}", page_commission_download, ACC_PUBLIC, 0, "pages", "the commission matrix as a document (kommissionen.docx, kommissionen.pdf, kommissionen.pdfa)", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};
