/* pages-import.c: the 'import' section of the web pages: GET /importera (the form where an
 * editor uploads a document or pastes its text), POST /importera (the dry run with its report;
 * the document is kept in the stash) and POST /importera/bekrafta (the confirmed import of the
 * stashed document). Its routes and its stylesheet part; the handlers are in page-import.c. */
#include "web/page.h"

int page_import(struct http_req *r);		/* GET /importera */
int page_import_post(struct http_req *r);	/* POST /importera (multipart upload): dry run */
int page_import_confirm(struct http_req *r);	/* POST /importera/bekrafta (form): the import */

const struct route page_routes_import[] = {
	{ HTTP_GET, "/importera", page_import, ACC_WRITE, 0, "pages", "the import form (upload a document or paste its text)", NULL, NULL, NULL },
	{ HTTP_POST, "/importera", page_import_post, ACC_WRITE, R_UPLOAD, "pages",
	  "upload a document (multipart/form-data, at most 16 MiB): a dry run with its report", NULL, NULL, NULL },
	{ HTTP_POST, "/importera/bekrafta", page_import_confirm, ACC_WRITE, R_FORM, "pages",
	  "import the document of a dry run (form: its token) for real", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};

const char page_css_import[] =
	".import-trace td.what{white-space:nowrap}.import-trace td.line{white-space:nowrap;text-align:right}\n"
	".import-trace td.detail{word-break:break-word}\n"
	".import-error{border:4px solid var(--bad);padding:.5rem 1rem;margin:1rem 0}\n"
	".import-error pre{white-space:pre-wrap;word-break:break-word}\n";
