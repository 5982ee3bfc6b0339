/* page.c: the shared page frame, the stylesheet route and page helpers. */
#include "web/page.h"
#include "web/api.h"
#include "core/buf.h"
#include "model/datex.h"
#include "model/today.h"
#include "core/err.h"
#include "view/todo.h"

#include <string.h>

static const struct { enum page_nav nav; const char *href, *label; } nav[] = {
	{ NAV_CITY, "/", "Staden" },
	{ NAV_DISTRICTS, "/stadsdelar", "Stadsdelsområden" },
	{ NAV_ORGS, "/organisationer", "Organisationer" },
	{ NAV_FOLLOWUP, "/uppfoljning", "Uppföljning" },
	{ NAV_COMMISSION, "/kommissionen", "Kommissionen" },
	{ NAV_SEARCH, "/sok", "Sök" },
};

/* todo_link: the header's link to "Att göra", with the number of things the user's
 * organisation has to do (users of an organisation; the city office sees its table). */
static void todo_link(struct http_req *r, struct html *h, enum page_nav active)
{
	struct err e = { 0 };
	struct todo t;
	int n = 0;

	if (r->user.org_id && r->user.role != ROLE_CITY && r->user.role != ROLE_ADMIN &&
	    todo_load_org(r->st, &r->a, r->user.org_id, model_today(), &t, &e) == LUP_OK && t.norgs)
		n = t.orgs[0].nitems;
	HTML_OPEN(h, "li");
	html_open(h, "a", "href", "/att-gora", "aria-current", active == NAV_TODO ? "page" : NULL, NULL);
	html_text(h, "Att göra");
	if (n) {
		HTML_OPEN_A(h, "span", "class", "badge");
		html_textf(h, "%d", n);
		HTML_ELEM_A(h, "span", "class", "visually-hidden", n == 1 ? " sak" : " saker");
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

struct html *page_begin(struct http_req *r, const char *title, enum page_nav active)
{
	struct html *h = arena_alloc(&r->a, sizeof(*h));

	buf_reset(&r->out);
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	html_init(h, &r->out);
	html_raw_trusted(h, "<!DOCTYPE html>\n");
	HTML_OPEN_A(h, "html", "lang", "sv");
	HTML_OPEN(h, "head");
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_void(h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1", NULL);
	HTML_OPEN(h, "title");
	html_textf(h, "%s – lup", title);
	html_close(h);
	html_void(h, "link", "rel", "stylesheet", "href", "/static/lup.css", NULL);
	html_close(h);
	HTML_OPEN(h, "body");
	html_elem(h, "a", "Hoppa till innehållet", "class", "skip", "href", "#innehall", NULL);
	HTML_OPEN_A(h, "header", "class", "site");
	html_elem(h, "a", "lup – lokala utvecklingsprogram", "class", "brand", "href", "/", NULL);
	HTML_OPEN_A(h, "nav", "aria-label", "Huvudmeny");
	HTML_OPEN(h, "ul");
	for (size_t i = 0; i < sizeof(nav) / sizeof(nav[0]); i++) {
		HTML_OPEN(h, "li");
		html_elem(h, "a", nav[i].label, "href", nav[i].href,
			  "aria-current", nav[i].nav == active ? "page" : NULL, NULL);
		html_close(h);
	}
	if (r->user.role == ROLE_EDITOR || r->user.role == ROLE_ADMIN) {	/* who may import */
		HTML_OPEN(h, "li");
		html_elem(h, "a", "Importera", "href", "/importera",
			  "aria-current", active == NAV_IMPORT ? "page" : NULL, NULL);
		html_close(h);
	}
	if (r->user.id)
		todo_link(r, h, active);
	HTML_OPEN(h, "li");
	if (r->user.id)
		html_elem(h, "a", "Konto och utloggning", "href", "/konto",
			  "aria-current", active == NAV_LOGIN ? "page" : NULL, NULL);
	else
		html_elem(h, "a", "Logga in", "href", "/logga-in",
			  "aria-current", active == NAV_LOGIN ? "page" : NULL, NULL);
	html_close(h);
	html_close(h);
	html_close(h);
	if (r->user.id) {
		HTML_OPEN_A(h, "p", "class", "who");
		html_textf(h, "Inloggad som %s", r->user.name);
		html_close(h);
	}
	html_close(h);
	HTML_OPEN_A(h, "main", "id", "innehall");
	return h;
}

void page_example_note(struct html *h)
{
	HTML_OPEN_A(h, "p", "class", "example-note");
	HTML_ELEM(h, "strong", "Exempeldata:");
	html_text(h, " utfallen är genererade av lup för att visa jämförelser. De kommer inte från "
		  "källdokumenten och ska inte läsas som verkliga värden.");
	html_close(h);
}

int page_end(struct http_req *r, struct html *h)
{
	html_close_to(h, 2);	/* html, body */
	HTML_OPEN_A(h, "footer", "class", "site");
	HTML_OPEN(h, "p");
	html_text(h, "lup – planering och uppföljning av Stockholms lokala utvecklingsprogram. ");
	HTML_ELEM_A(h, "a", "href", "/api", "API");
	html_close(h);
	html_close(h);
	if (html_finish(h) != 0) {
		buf_reset(&r->out);
		return http_error(r, 500, "internal", "the page could not be written");
	}
	return r->status;
}

int page_end_status(struct http_req *r, struct html *h, int status)
{
	r->status = status;
	return page_end(r, h);
}

int page_error(struct http_req *r, int status, const char *message)
{
	struct html *h = page_begin(r, status == 404 ? "Hittades inte" : "Något gick fel", NAV_NONE);

	HTML_ELEM(h, "h1", status == 404 ? "Sidan finns inte" : "Något gick fel");
	HTML_ELEM(h, "p", message);
	HTML_OPEN(h, "p");
	HTML_ELEM_A(h, "a", "href", "/", "Till startsidan");
	html_close(h);
	page_end(r, h);
	r->status = status;
	return status;
}

const char *page_time(struct http_req *r, const char *text)
{
	char out[MODEL_TIME_TEXT_MAX];

	if (!text)
		return "–";
	if (model_time_sv(text, out, sizeof(out)) != 0)
		return text;
	return arena_strdup(&r->a, out);
}

const char *page_href(struct http_req *r, const char *prefix, const char *arg)
{
	char room[256];
	struct buf b = { room, 0, sizeof(room), sizeof(room) - 1, 0 };	/* on the stack: never grown */
	const char *s;

	room[0] = '\0';
	buf_adds(&b, prefix);
	buf_addc(&b, '/');
	html_url_arg(&b, arg);
	if (!b.overflow)	/* most links fit: no allocation but the arena's */
		return arena_strdup(&r->a, room);
	buf_init(&b, 4096);
	buf_adds(&b, prefix);
	buf_addc(&b, '/');
	html_url_arg(&b, arg);
	s = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return s;
}

/* GET /static/lup.css: the one stylesheet, from its parts. */
int page_css(struct http_req *r)
{
	const char *const parts[] = { page_css_base, page_css_city, page_css_places, page_css_follow, page_css_forms, page_css_import, page_css_commit };

	buf_reset(&r->out);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		buf_adds(&r->out, parts[i]);
	r->status = 200;
	r->ctype = "text/css; charset=utf-8";
	return 200;
}

const struct route page_routes_base[] = {
	{ HTTP_GET, "/static/lup.css", page_css, ACC_PUBLIC, 0, "pages", "the stylesheet", NULL, NULL, NULL },
	{ 0, NULL, NULL, ACC_PUBLIC, 0, NULL, NULL, NULL, NULL, NULL },
};
