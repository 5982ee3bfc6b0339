/* page-import.c: importing a document through the web.
 *
 * GET /importera: a multipart/form-data form where an editor (or an administrator) chooses the
 * kind and uploads the document as a file (<input type="file">, at most UPLOAD_MAX_BODY) or
 * pastes its text. POST /importera (R_UPLOAD, upload.h) runs the importer (import.h) on it as a
 * dry run and shows its report (counts, warnings with their lines, the first lines of the trace)
 * and keeps the document in the stash (stash.h: in memory, under a random token bound to the
 * user and session, for 30 minutes, used once); the confirmation form posts only that token to
 * POST /importera/bekrafta, which imports the stashed document for real and shows the result.
 *
 * The importer gets the uploaded bytes themselves (imp_run_inputs), named after the uploaded
 * file (made safe) or "inklistrad-text", so that messages, the audit entry and the rows'
 * provenance name the document as the user knows it. imp_run_inputs is one
 * transaction and writes the audit entry itself; a failed import writes nothing. An editor
 * imports only its own organisation's data: a plan for it, CSV outcomes and targets of its
 * indicators, its district's LUP (into a new draft version; never the adopted one) or a plan
 * document (lup-plan JSON) of a plan it owns; the other kinds are for administrators. For anyone but an administrator the import
 * runs with the write rules of web/authz.h as its scope (import.h: every reference a row sets is
 * checked by the importer where it is resolved); a refusal fails the whole import (403, in
 * Swedish, naming the file's line and the field), and nothing is written.
 */
#include "web/page-import.h"
#include "web/pages-forms.h"
#include "web/stash.h"
#include "web/upload.h"
#include "web/authz.h"
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int page_import(struct http_req *r);
int page_import_post(struct http_req *r);
int page_import_confirm(struct http_req *r);

#define PASTED_NAME "inklistrad-text"	/* the document's name for pasted text */
#define UPLOAD_FALLBACK "uppladdad-fil"	/* ... for a file whose name is unusable */

enum { F_CSRF, F_TYP, F_AR, F_FIL, F_INNEHALL, F__MAX };

static const struct upload_field fields[F__MAX] = {
	[F_CSRF] = { "csrf", UP_FIELD, 200 },
	[F_TYP] = { "typ", UP_FIELD, 32 },
	[F_AR] = { "ar", UP_FIELD, 32 },
	[F_FIL] = { "fil", UP_DOC, UPLOAD_MAX_BODY },
	[F_INNEHALL] = { "innehall", UP_DOC, UPLOAD_MAX_BODY },
};

/* What a post asks to import. */
struct job {
	const struct imp_kind *k;
	const char *year_s;	/* as typed (NULL: not sent) */
	long year;
	const char *name;	/* the temporary file's name */
	const char *data;	/* the document */
	size_t len;
	const char *pasted;	/* the pasted text (kept in the form after a failure), or NULL */
};

/* alert: a box (role="alert") with a message that belongs to no field. */
static void alert(struct html *h, const char *msg)
{
	if (!msg)
		return;
	html_open(h, "div", "class", "import-error", "role", "alert", NULL);
	html_elem(h, "p", msg, NULL);
	html_close(h);
}

/* import_form: the form, with the kind, year and pasted text given (NULLs: defaults) and the
 * errors in e (may be NULL). */
static void import_form(struct http_req *r, struct html *h, const struct form_errors *e, const char *kind,
			const char *year, const char *pasted)
{
	html_open(h, "form", "method", "post", "action", "/importera", "enctype", "multipart/form-data",
		  "accept-charset", "UTF-8", NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_select(h, e, "typ", "Typ av dokument", pim_kind_values, pim_kind_labels, kind ? kind : "plan",
		    r->user.role == ROLE_EDITOR ? "En verksamhetsplan importeras för din egen organisation." : NULL);
	form_input(h, e, "ar", "År (om dokumentet inte anger det)", "text", year,
		   "Fyra siffror, till exempel 2022. Lämna tomt om året står i dokumentet.", "off");
	form_input(h, e, "fil", "Dokumentet som fil", "file", NULL,
		   "En textfil i UTF-8 (till exempel ett dokument sparat som text), en CSV-fil eller en "
		   "JSON-fil från Kolada. Högst 16 MB.", NULL);
	form_textarea(h, e, "innehall", "Eller klistra in dokumentets text", pasted,
		      "Använd rutan i stället för en fil, till exempel för text kopierad ur en PDF.", 10);
	form_button(h, "Provkör importen", NULL);
	html_close(h);
}

/* render_form: the import page with the form; msg (may be NULL) is shown above it. */
static int render_form(struct http_req *r, const struct form_errors *e, const char *msg, const struct form *f,
		       int status)
{
	struct html *h = page_begin(r, "Importera", NAV_IMPORT);

	html_elem(h, "h1", "Importera", NULL);
	html_elem(h, "p", "Ladda upp ett dokument eller en datafil, eller klistra in texten. Först görs en "
		  "provkörning som visar vad importen skulle skapa och ändra, utan att något sparas. Sedan "
		  "kan du bekräfta importen.", NULL);
	alert(h, msg);
	import_form(r, h, e, f ? form_get(f, "typ") : NULL, f ? form_get(f, "ar") : NULL, NULL);
	return page_end_status(r, h, status);
}

int page_import(struct http_req *r)
{
	return render_form(r, NULL, NULL, NULL, 200);
}

/* refused: an upload upload_parse refused: 403 as an error page, the rest as the form with
 * the message at its field (or above the form). */
static int refused(struct http_req *r, const struct upload *u)
{
	struct form_errors e = { 0 };
	const char *field = u->field;

	if (u->status == 403)
		return page_error(r, 403, u->msg);
	if (u->status == 413 && !field)
		field = "fil";
	if (field && (strcmp(field, "fil") == 0 || strcmp(field, "innehall") == 0 || strcmp(field, "typ") == 0 ||
		      strcmp(field, "ar") == 0)) {
		form_error(r, &e, field, "%s", u->msg);
		return render_form(r, &e, NULL, &u->f, u->status);
	}
	return render_form(r, NULL, u->msg, &u->f, u->status);
}

/* pick_doc: the file or the pasted text of u into j; errors at the fields into e. */
static void pick_doc(struct http_req *r, const struct upload *u, struct job *j, struct form_errors *e)
{
	const struct upload_doc *fil = upload_doc(u, fields, F__MAX, "fil");
	const struct upload_doc *txt = upload_doc(u, fields, F__MAX, "innehall");
	int has_file = fil && (fil->len || (fil->filename && *fil->filename));
	int has_text = txt && !form_blank(txt->data);
	char safe[UPLOAD_NAME_MAX];

	if (has_file && has_text) {
		form_error(r, e, "fil", "Ladda upp en fil eller klistra in text, inte båda.");
	} else if (has_file && !fil->len) {
		form_error(r, e, "fil", "Filen ”%s” är tom.", upload_safe_name(fil->filename, UPLOAD_FALLBACK, safe));
	} else if (has_file) {
		j->name = arena_strdup(&r->a, upload_safe_name(fil->filename, UPLOAD_FALLBACK, safe));
		j->data = fil->data;
		j->len = fil->len;
	} else if (has_text) {
		j->name = PASTED_NAME;
		j->data = txt->data;
		j->len = txt->len;
		j->pasted = txt->data;
	} else {
		form_error(r, e, "fil", "Välj en fil att ladda upp, eller klistra in dokumentets text.");
	}
}

/* check_job: the kind, year and document of u into j; errors at the fields into e. */
static void check_job(struct http_req *r, const struct upload *u, struct job *j, struct form_errors *e)
{
	const char *kind = form_get_trim(r, &u->f, "typ");

	j->year_s = form_get_trim(r, &u->f, "ar");
	if (!kind || !(j->k = imp_kind_find(kind)))
		form_error(r, e, "typ", "Välj en typ av dokument i listan.");
	if (!form_blank(j->year_s) && pf_parse_year(j->year_s, &j->year) != 0)
		form_error(r, e, "ar", "Skriv året med fyra siffror, till exempel 2022, eller lämna fältet tomt.");
	pick_doc(r, u, j, e);
}

/* scope_org, scope_goal: struct imp_scope's questions, answered by web/authz.h for the user */
static int scope_org(const void *ctx, struct store *st, int64_t org, struct err *e)
{
	return authz_attach_org(ctx, st, org, e);
}

static int scope_goal(const void *ctx, struct store *st, int64_t goal, struct err *e)
{
	return authz_attach_goal(ctx, st, goal, e);
}

/* scope: what the caller may import of kind k: sets o->scope to sc, filled with the caller's
 * rules (anyone but an administrator), and *org (an editor's plan: its organisation's key).
 * Returns 0, or answers 403 and returns it. */
static int scope(struct http_req *r, const struct imp_kind *k, struct imp_opts *o, const char **org,
		 struct imp_scope *sc)
{
	struct rowset rs;
	struct sval arg = SVI(r->user.org_id);

	*org = NULL;
	if (r->user.role == ROLE_ADMIN)
		return 0;
	sc->ctx = &r->user;
	sc->org = scope_org;
	sc->goal = scope_goal;
	o->scope = sc;
	/* the other kinds touch many organisations: administrators only (imp_run refuses them too) */
	if (!k->scoped)
		return page_error(r, 403, "Den här typen av import berör flera organisationer och görs av en administratör.");
	if (!r->user.org_id)
		return page_error(r, 403, strcmp(k->name, "csv") == 0 ?
				  "Du hör inte till någon organisation och kan därför inte importera utfall." :
				  "Du hör inte till någon organisation och kan därför inte importera en verksamhetsplan.");
	/* an LUP: the importer refuses another district's (imp-lup.c), writing into a draft; a plan
	 * document: the importer refuses another organisation's plan (imp-json.c) */
	if (strcmp(k->name, "csv") == 0 || strcmp(k->name, "lup") == 0 || strcmp(k->name, "json") == 0 ||
	    strcmp(k->name, "allocations") == 0)
		return 0;
	if (pf_query(r, &rs, STMT_WEB_FORMS_ORG, &arg, 1) != 0)
		return r->status;
	if (!rs.nrows || !(*org = pf_s(&rs, 0, "key")))
		return page_error(r, 403, "Din organisation finns inte längre.");
	return 0;
}

/* run: imports j (dry run unless confirm) into rep (memory in a), handing the importer the
 * uploaded bytes under the upload's name. Returns LUP_OK, or the importer's error with *msg its
 * message; -1 when the page has been answered (403). */
static int run(struct http_req *r, const struct job *j, int confirm, struct arena *a, struct imp_report *rep,
	       const char **msg)
{
	struct imp_opts o = { 0 };
	struct imp_scope sc = { 0 };
	struct err err = { 0 };
	struct imp_input in = { j->name, j->data ? j->data : "", j->len };
	int rc;

	if (scope(r, j->k, &o, &o.org, &sc) != 0)
		return -1;
	o.year = (int)j->year;
	o.dry_run = !confirm;
	o.trace = !confirm;
	o.actor = r->user.name;
	o.user_id = r->user.id;
	rc = imp_run_inputs(r->st, j->k, &in, 1, &o, a, rep, &err);
	if (rc != LUP_OK)
		*msg = arena_strdup(a, err.msg);
	return rc;
}

/* refused_page: a scoped import's refusal (403), in Swedish, and the form to try again. */
static int refused_page(struct http_req *r, const struct job *j, const struct imp_report *rep)
{
	struct html *h = page_begin(r, "Importen stoppades", NAV_IMPORT);

	html_elem(h, "h1", "Importen stoppades", NULL);
	html_open(h, "div", "class", "import-error", "role", "alert", NULL);
	html_elem(h, "p", "Dokumentet hänvisar till något du inte får ändra, så ingenting har importerats och "
		  "ingenting har sparats:", NULL);
	pim_refusal(h, &rep->refused);
	html_close(h);
	html_elem(h, "h2", "Rätta dokumentet och försök igen", NULL);
	import_form(r, h, NULL, j->k->name, j->year_s, j->pasted);
	return page_end_status(r, h, 403);
}

/* failed: the importer's message (file:line) and the form to try again; a refusal of the
 * import's scope in Swedish (refused_page). */
static int failed(struct http_req *r, const struct job *j, int rc, const char *msg, const struct imp_report *rep)
{
	struct html *h;
	int status = rc == LUP_EINVAL ? 422 : rc == LUP_ETOOBIG ? 413 : rc == LUP_ECONFLICT ? 409 : 500;

	if (rep->refused.why != IMP_DENY_NONE)
		return refused_page(r, j, rep);
	if (status == 500)
		fprintf(stderr, "lup serve: POST %s: %s\n", r->path, msg);
	h = page_begin(r, "Importen misslyckades", NAV_IMPORT);
	html_elem(h, "h1", "Importen misslyckades", NULL);
	html_open(h, "div", "class", "import-error", "role", "alert", NULL);
	html_elem(h, "p", "Dokumentet kunde inte importeras, och ingenting har sparats. Felet (med filens namn och "
		  "radnumret i dokumentet):", NULL);
	html_elem(h, "pre", status == 500 ? "Ett internt fel inträffade. Försök igen senare." : msg, NULL);
	html_close(h);
	html_elem(h, "h2", "Rätta dokumentet och försök igen", NULL);
	import_form(r, h, NULL, j->k->name, j->year_s, j->pasted);
	return page_end_status(r, h, status);
}

/* dry_run_page: the report of a dry run and the confirmation form with the stash token. */
static int dry_run_page(struct http_req *r, const struct job *j, const struct imp_report *rep, const char *token)
{
	struct html *h = page_begin(r, "Provkörning av import", NAV_IMPORT);

	html_elem(h, "h1", "Provkörning av import", NULL);
	html_open(h, "p", "class", "notice", "role", "status", NULL);
	html_textf(h, "Provkörning av %s: ingenting har sparats ännu. Granska resultatet och bekräfta importen "
		   "längst ned.", pim_kind_label(j->k->name));
	html_close(h);
	html_open(h, "p", NULL);
	html_textf(h, "Dokument: %s (%zu byte).", j->name, j->len);
	html_close(h);
	pim_counts(h, j->k, rep, "Vad importen skulle skapa eller ändra");
	pim_warnings(h, rep);
	pim_trace(&r->a, h, rep);
	html_elem(h, "h2", "Bekräfta", NULL);
	html_elem(h, "p", "Dokumentet finns kvar på servern i 30 minuter, så du behöver inte ladda upp det igen.",
		  NULL);
	html_open(h, "form", "method", "post", "action", "/importera/bekrafta", "accept-charset", "UTF-8",
		  "class", "workflow", NULL);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "id", "value", token, NULL);
	form_button(h, "Bekräfta import", NULL);
	html_close(h);
	html_open(h, "p", NULL);
	pf_link(h, "/importera", "Avbryt och börja om");
	html_close(h);
	return page_end(r, h);
}

/* session_of: what a stashed document is bound to besides the user: the cookie session's CSRF
 * token ("" for a caller without a cookie session). */
static const char *session_of(const struct http_req *r)
{
	return r->user.by_cookie ? r->user.csrf : "";
}

int page_import_post(struct http_req *r)
{
	struct upload u;
	struct form_errors e = { 0 };
	struct job j = { 0 };
	struct imp_report rep;
	struct arena a = ARENA_INIT;
	char token[STASH_TOKEN_HEX + 1];
	const char *msg = NULL;
	int rc;

	if (upload_parse(r, fields, F__MAX, &u) != 0) {
		rc = refused(r, &u);
		goto out;
	}
	check_job(r, &u, &j, &e);
	if (e.n) {
		rc = render_form(r, &e, NULL, &u.f, 422);
		goto out;
	}
	rc = run(r, &j, 0, &a, &rep, &msg);
	if (rc < 0) {
		rc = r->status;
		goto out;
	}
	if (rc != LUP_OK) {
		rc = failed(r, &j, rc, msg, &rep);
		goto out;
	}
	stash_put(r->user.id, session_of(r), j.k->name, (int)j.year, j.name, j.data, j.len, token);
	rc = dry_run_page(r, &j, &rep, token);
out:
	arena_release(&a);
	upload_release(&u);
	return rc;
}

/* done_page: the result of a confirmed import. */
static int done_page(struct http_req *r, const struct job *j, const struct imp_report *rep)
{
	struct html *h = page_begin(r, "Importen är klar", NAV_IMPORT);

	html_elem(h, "h1", "Importen är klar", NULL);
	html_open(h, "p", "class", "notice", "role", "status", NULL);
	html_textf(h, "%s är importerad från %s: %d rader i databasen skapades eller ändrades.",
		   pim_kind_label(j->k->name), j->name, rep->changed);
	html_close(h);
	pim_counts(h, j->k, rep, "Vad importen gällde");
	pim_warnings(h, rep);
	html_open(h, "p", NULL);
	pf_link(h, "/importera", "Importera ett dokument till");
	html_close(h);
	return page_end(r, h);
}

/* gone: the page for a token whose document is no longer stashed. */
static int gone(struct http_req *r)
{
	struct html *h = page_begin(r, "Provkörningen finns inte längre", NAV_IMPORT);

	html_elem(h, "h1", "Provkörningen finns inte längre", NULL);
	html_elem(h, "p", "Dokumentet från provkörningen finns inte kvar: importen är redan bekräftad, provkörningen "
		  "är äldre än 30 minuter, du har loggat in på nytt, eller så har servern startats om. "
		  "Ingenting har importerats nu. Ladda upp dokumentet igen.", NULL);
	html_open(h, "p", NULL);
	pf_link(h, "/importera", "Till importen");
	html_close(h);
	page_end(r, h);
	r->status = 410;
	return 410;
}

int page_import_confirm(struct http_req *r)
{
	struct stash_item *it = NULL;
	struct job j = { 0 };
	struct imp_report rep;
	struct arena a = ARENA_INIT;
	const char *msg = NULL;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	if (!(it = stash_take(form_get(&f, "id"), r->user.id, session_of(r))))
		return gone(r);
	if (!(j.k = imp_kind_find(it->kind))) {
		rc = page_error(r, 500, "Ett internt fel inträffade. Försök igen senare.");
		goto out;
	}
	j.year = it->year;
	j.name = it->name;
	j.data = it->data;
	j.len = it->len;
	rc = run(r, &j, 1, &a, &rep, &msg);
	if (rc < 0)
		rc = r->status;
	else if (rc != LUP_OK)
		rc = failed(r, &j, rc, msg, &rep);
	else
		rc = done_page(r, &j, &rep);
out:
	arena_release(&a);
	stash_item_free(it);
	return rc;
}
