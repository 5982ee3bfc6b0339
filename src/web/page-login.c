/* page-login.c: GET /logga-in (the login form), POST /logga-in (checks the name and password
 * through auth_login: the same Argon2id check, throttle and session as the API's login, whose
 * JSON answer becomes a redirect to the page asked for or /konto) and POST /logga-ut. */
#include "web/pages-forms.h"
#include "web/auth.h"
#include "web/server.h"

#include <stdio.h>
#include <string.h>

#define NAME_MAX_LEN 128
#define PASSWORD_MAX_LEN 1024

static int render(struct http_req *r, const char *name, const char *back, const struct form_errors *e, int status)
{
	struct html *h = page_begin(r, "Logga in", NAV_LOGIN);

	html_elem(h, "h1", "Logga in", NULL);
	if (r->user.id) {
		html_open(h, "p", "class", "notice", "role", "status", NULL);
		html_textf(h, "Du är redan inloggad som %s. ", r->user.name);
		pf_link(h, "/konto", "Till ditt konto");
		html_close(h);
	}
	html_elem(h, "p", "Logga in med ditt användarnamn och lösenord för att skriva uppföljningar, ändra din "
		  "organisations mål, indikatorer och aktiviteter eller granska rapporter. Allt som är publicerat kan "
		  "läsas utan inloggning.", NULL);
	html_open(h, "form", "method", "post", "action", "/logga-in", NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	if (back)
		html_void(h, "input", "type", "hidden", "name", "till", "value", back, NULL);
	form_input(h, e, "namn", "Användarnamn", "text", name, NULL, "username");
	form_input(h, e, "losenord", "Lösenord", "password", NULL, NULL, "current-password");
	form_button(h, "Logga in", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_login(struct http_req *r)
{
	return render(r, NULL, form_local_path(http_query(r, "till"), NULL), NULL, 200);
}

/* retry_after: the Retry-After the throttle set on the response, or "några". */
static const char *retry_after(const struct http_req *r)
{
	for (int i = 0; i < r->nheaders; i++)
		if (strcmp(r->hname[i], "Retry-After") == 0)
			return r->hval[i];
	return "några";
}

int page_login_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	const char *name, *pw, *back;
	struct form f;
	int rc;

	if ((rc = form_parse(r, &f)) != 0)
		return rc;
	name = form_get_trim(r, &f, "namn");
	pw = form_get(&f, "losenord");
	back = form_local_path(form_get(&f, "till"), NULL);
	if (form_blank(name))
		form_error(r, &e, "namn", "Skriv ditt användarnamn.");
	else if (strlen(name) > NAME_MAX_LEN)
		form_error(r, &e, "namn", "Användarnamnet får vara högst 128 tecken.");
	if (!pw || !*pw)
		form_error(r, &e, "losenord", "Skriv ditt lösenord.");
	else if (strlen(pw) > PASSWORD_MAX_LEN)
		form_error(r, &e, "losenord", "Lösenordet får vara högst 1 024 tecken.");
	if (e.n)
		return render(r, name, back, &e, 422);
	rc = auth_login(r, name, pw, server_conf.secure_cookies);
	if (rc == 200)
		return form_redirect(r, back ? back : "/konto");
	if (rc == 401) {
		form_error(r, &e, "namn", "Fel användarnamn eller lösenord. Kontrollera stavningen och försök igen.");
		return render(r, name, back, &e, 401);
	}
	if (rc == 429) {
		form_error(r, &e, "namn", "För många misslyckade inloggningar. Vänta %s sekunder och försök igen.",
			   retry_after(r));
		return render(r, name, back, &e, 429);
	}
	return form_fail_page(r, rc);
}

int page_logout_post(struct http_req *r)
{
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	if ((rc = auth_logout(r, server_conf.secure_cookies)) != 200)
		return form_fail_page(r, rc);
	return form_redirect(r, "/");
}
