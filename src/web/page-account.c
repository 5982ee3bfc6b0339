/* page-account.c: GET /konto: who is logged in, the role and organisation, what the role may
 * do, the password change form (POST /konto/losenord: the API's password change, which ends
 * the user's other sessions) and the logout form (POST /logga-ut), both with the CSRF field. */
#include "web/pages-forms.h"
#include "web/api.h"
#include "store/store.h"

#include <string.h>

#define PASSWORD_MIN 10
#define PASSWORD_MAX_LEN 1024

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

/* password_form: the password change form of a cookie session. */
static void password_form(struct http_req *r, struct html *h, const struct form_errors *e)
{
	html_elem(h, "h2", "Byt lösenord", NULL);
	html_open(h, "form", "method", "post", "action", "/konto/losenord", "class", "no-print", NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	form_input(h, e, "nuvarande", "Nuvarande lösenord", "password", NULL, NULL, "current-password");
	form_input(h, e, "nytt", "Nytt lösenord", "password", NULL,
		   "Minst 10 tecken. Dina inloggningar i andra webbläsare avslutas när du byter.", "new-password");
	form_input(h, e, "nytt2", "Upprepa det nya lösenordet", "password", NULL, NULL, "new-password");
	form_button(h, "Byt lösenord", NULL);
	html_close(h);
}

static int render(struct http_req *r, const struct form_errors *e, int status)
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
	if (status == 200 && http_query(r, "klart") && strcmp(http_query(r, "klart"), "losenord") == 0)
		pf_notice(h, "Lösenordet är bytt. Dina inloggningar i andra webbläsare har avslutats.");
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
		password_form(r, h, e);
		html_elem(h, "h2", "Logga ut", NULL);
		html_open(h, "form", "method", "post", "action", "/logga-ut", "class", "no-print", NULL);
		form_csrf_field(r, h);
		form_button(h, "Logga ut", NULL);
		html_close(h);
	}
	return page_end_status(r, h, status);
}

int page_account(struct http_req *r)
{
	return render(r, NULL, 200);
}

int page_account_password_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	const char *cur, *pw, *pw2;
	struct form f;
	int ended = 0, rc;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	cur = form_get(&f, "nuvarande");
	pw = form_get(&f, "nytt");
	pw2 = form_get(&f, "nytt2");
	if (!cur || !*cur)
		form_error(r, &e, "nuvarande", "Skriv ditt nuvarande lösenord.");
	if (!pw || strlen(pw) < PASSWORD_MIN)
		form_error(r, &e, "nytt", "Det nya lösenordet måste ha minst %d tecken.", PASSWORD_MIN);
	else if (strlen(pw) > PASSWORD_MAX_LEN || (cur && strlen(cur) > PASSWORD_MAX_LEN))
		form_error(r, &e, "nytt", "Lösenordet får vara högst 1 024 tecken.");
	else if (!pw2 || strcmp(pw, pw2) != 0)
		form_error(r, &e, "nytt2", "Lösenorden är inte lika. Skriv det nya lösenordet två gånger.");
	if (e.n)
		return render(r, &e, 422);
	rc = api_password_change(r, cur, pw, &ended);
	if (rc == 0)
		return form_redirect(r, "/konto?klart=losenord");
	if (rc == 403) {
		form_error(r, &e, "nuvarande", "Fel nuvarande lösenord.");
		return render(r, &e, 403);
	}
	if (rc == 429) {
		form_error(r, &e, "nuvarande", "För många misslyckade försök. Vänta en stund och försök igen.");
		return render(r, &e, 429);
	}
	return form_fail_page(r, rc);
}
