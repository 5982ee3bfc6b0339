/* page.h: the frame every HTML page shares (head, navigation, main landmark, footer), the
 * per-section route and stylesheet tables, and helpers for pages. All interface text is
 * Swedish. */
#ifndef LUP_PAGE_H
#define LUP_PAGE_H

#include "render/html.h"
#include "web/http.h"
#include "web/routes.h"

/* Navigation entries; page_begin marks the active one with aria-current. */
enum page_nav { NAV_NONE, NAV_CITY, NAV_DISTRICTS, NAV_ORGS, NAV_FOLLOWUP, NAV_COMMISSION, NAV_SEARCH, NAV_IMPORT, NAV_LOGIN, NAV_TODO };

/*
 * page_begin: starts an HTML response (status 200, text/html): doctype, <html lang="sv">, head
 * with the title "TITLE – lup" and the stylesheet, the skip link, the header with the
 * navigation (and who is logged in), and an open <main id="innehall">. Returns the writer,
 * valid until the response is sent.
 */
struct html *page_begin(struct http_req *r, const char *title, enum page_nav active);

/* page_end: closes main, writes the footer and finishes the document. A writer error answers
 * 500. Returns the status. */
int page_end(struct http_req *r, struct html *h);

/* page_end_status: page_end for a page answered with status (a form again with its errors:
 * 422, 413 ...). Returns status, or 500 when the page could not be written. */
int page_end_status(struct http_req *r, struct html *h, int status);

/*
 * page_source: the line "Källa: NAME, rad A–B" of row id of table entity (provenance.sql's
 * names: "goal", "indicator", "activity", "measure", "response", ...) when an import recorded
 * where it came from, else "Källa: TEXT" when text (the row's own source note) is given, else
 * nothing. Returns 0, or -1 with the 500 page answered.
 */
int page_source(struct http_req *r, struct html *h, const char *entity, int64_t id, const char *text);

/* page_error: an HTML error page with status and a Swedish message. Returns status. */
int page_error(struct http_req *r, int status, const char *message);

/* page_example_note: the visible label for example data ("Exempeldata ..."). */
void page_example_note(struct html *h);

/* page_href: "/prefix/<arg percent-encoded>" in the request arena. */
const char *page_href(struct http_req *r, const char *prefix, const char *arg);

/* page_time: a stored time ("2026-12-06T00:33:00Z") or date ("2026-12-06") as people read it,
 * in local time: "6 december 2026 kl. 01.33", "6 december 2026" (model_time_sv), in the request
 * arena; NULL gives "–", text of another form is shown as it is. */
const char *page_time(struct http_req *r, const char *text);

/* page_css: GET /static/lup.css. */
int page_css(struct http_req *r);

/* Route tables of the page sections, each in its own file, NULL-pattern terminated. The
 * dispatcher tries them before the API's table. */
extern const struct route page_routes_base[], page_routes_city[], page_routes_places[], page_routes_follow[],
	page_routes_forms[], page_routes_import[], page_routes_download[], page_routes_wheel[], page_routes_commit[], page_routes_need[];

/* Stylesheet parts, one per section, served one after the other at /static/lup.css. */
extern const char page_css_base[], page_css_city[], page_css_places[], page_css_follow[],
	page_css_forms[], page_css_import[], page_css_commit[];

/* "Att göra" (page-todo.c): GET /att-gora and the administrators' POST /att-gora/oppna-period. */
int page_todo(struct http_req *r);
int page_todo_reopen_post(struct http_req *r);

#endif
