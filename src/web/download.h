/* download.h: serving the exports of doc/export.h over HTTP (the web's downloads and the API's
 * formats) and the "Ladda ned" menu that lists them, written from the table of exports so that
 * a new row appears on its kind's pages without page changes. Authorisation is the pages': the
 * store's viewer is the caller's (route_dispatch), and a plan version is chosen with the rule
 * of pv_readable (a draft only for those who may read it, and only when asked for by number). */
#ifndef LUP_DOWNLOAD_H
#define LUP_DOWNLOAD_H

#include "doc/export.h"
#include "web/http.h"

struct html;

/*
 * download_send: runs row x for a and answers 200 with the bytes: Content-Type of its format,
 * Content-Disposition: attachment with the file's name (filename= an ASCII form, filename*=
 * UTF-8 percent-encoded, RFC 6266/5987), Cache-Control "private, no-store" when priv (a draft,
 * or a caller whose view may hold more than the public one) else "public, max-age=300" with
 * Vary on the credentials. Returns 200, or the lup error code with nothing answered (message
 * in r->err) so that the caller answers in its own language.
 */
int download_send(struct http_req *r, const struct export_row *x, const struct export_args *a, int priv);

/*
 * download_plan_version: the version of plan key that a download of ?version=ver (NULL: the
 * newest adopted one) gives r's caller, into *version, and whether it is no public version
 * (*priv). Returns 0, 404 (no such plan or version, or one the caller may not read; a draft
 * needs its number) or -1 (store error in r->err); answers nothing.
 */
int download_plan_version(struct http_req *r, const char *key, const char *ver, int *version, int *priv);

/*
 * download_menu: the "Ladda ned" menu of kind's exports (a <details> with one link per row
 * of the kind, named by its format, "Word (.docx)"): each link is base + "/" + slug + "." +
 * format, then query when not NULL ("version=2", "ar=2022"; the caller's text, escaped by the
 * writer). Writes nothing when the kind has no rows.
 */
void download_menu(struct http_req *r, struct html *h, const char *kind, const char *base, const char *query);

/*
 * download_pick: the row of kind and slug (one document in its formats) the API caller asks
 * for: ?format=NAME, else the first such row whose Content-Type the Accept header names; *x NULL when neither asks for another
 * representation than the resource's default (no format, application/json, * / *). Returns 0,
 * or answers 406 (an unknown format) and returns it.
 */
int download_pick(struct http_req *r, const char *kind, const char *slug, const struct export_row **x);

/* download_kind: the export kind of an API route whose handler serves export formats (OpenAPI
 * lists them), with *slug the document of the kind it serves; NULL for other routes. */
const char *download_kind(int (*handler)(struct http_req *), const char **slug);

/* download_row_of: x is one of the formats of the document (kind, slug). */
int download_row_of(const struct export_row *x, const char *kind, const char *slug);

#endif
