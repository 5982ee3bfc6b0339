/* page-account.c: GET /konto: who is logged in, the role and organisation, what the role may
 * do, and the logout form (POST /logga-ut with the CSRF field). */
#include "web/pages-forms.h"
#include "store/store.h"

static void can_do(struct http_req *r, struct html *h, const char *org_name)
{
	html_elem(h, "h2", "Det här kan du göra", NULL);
	html_open(h, "ul", NULL);
	html_elem(h, "li", "Läsa allt som är publicerat, rapporter som arbetas med i din organisation och "
		  "historiken för mål, indikatorer, aktiviteter och rapporter.", NULL);
	if (r->user.role == ROLE_EDITOR || r->user.role == ROLE_ADMIN) {
		html_open(h, "li", NULL);
		html_textf(h, "Ändra nämndmål, målvärden, utfall och aktiviteter som %s äger, och skriva ",
			   r->user.role == ROLE_ADMIN ? "alla organisationer" : org_name ? org_name : "din organisation");
		pf_link(h, "/uppfoljning", "uppföljningsrapporter");
		html_text(h, " och skicka in dem.");
		html_close(h);
	}
	if (pf_is_city(r)) {
		html_open(h, "li", NULL);
		html_text(h, "Godkänna eller returnera inskickade ");
		pf_link(h, "/uppfoljning", "rapporter");
		html_text(h, ".");
		html_close(h);
	}
	html_close(h);
}

int page_account(struct http_req *r)
{
	struct sval org = SVI(r->user.org_id);
	const char *org_name = NULL, *org_key = NULL;
	struct rowset rs;
	struct html *h;

	if (r->user.org_id) {
		if (pf_query(r, &rs, STMT_WEB_FORMS_ORG, &org, 1) != 0)
			return r->status;
		org_name = pf_s(&rs, 0, "name");
		org_key = pf_s(&rs, 0, "key");
	}
	h = page_begin(r, "Ditt konto", NAV_LOGIN);
	html_elem(h, "h1", "Ditt konto", NULL);
	html_open(h, "dl", "class", "facts", NULL);
	pf_dl_row(h, "Inloggad som", r->user.name);
	pf_dl_row(h, "Roll", pf_role_sv(r->user.role));
	html_elem(h, "dt", "Organisation", NULL);
	html_open(h, "dd", NULL);
	if (org_key)
		pf_link(h, pf_href(r, "/organisation/%s", org_key), org_name);
	else
		html_text(h, "ingen");
	html_close(h);
	html_close(h);
	can_do(r, h, org_name);
	if (r->user.by_cookie) {
		html_elem(h, "h2", "Logga ut", NULL);
		html_open(h, "form", "method", "post", "action", "/logga-ut", "class", "no-print", NULL);
		form_csrf_field(r, h);
		form_button(h, "Logga ut", NULL);
		html_close(h);
	}
	return page_end(r, h);
}
