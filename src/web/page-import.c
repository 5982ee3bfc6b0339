/* page-import.c: importing a document through the web: GET /importera, a form where an editor
 * (or an administrator) chooses the kind and pastes the document's text, and POST /importera,
 * which runs the importer (import.h) on that text as a dry run and shows its report (counts,
 * warnings with their lines, the first lines of the trace) with a form that posts the same text
 * again with bekrafta=1; that post imports for real and shows the result. The text goes to a
 * private temporary file (a fresh 0700 directory from mkdtemp under $TMPDIR, removed again at
 * once), since the importers read files. imp_run is one transaction and writes the audit entry
 * itself; a failed import writes nothing. For a plan an editor imports, the organisation is the
 * editor's own. */
#include "web/pages-forms.h"
#include "import/import.h"
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int page_import(struct http_req *r);
int page_import_post(struct http_req *r);

#define TRACE_SHOWN 200		/* trace lines shown on the dry-run page */
#define DOC_NAME "inklistrad-text"	/* the temporary file's name, as messages name it */

static const char *const kind_values[] = { "plan", "commission", "lup", "kolada", "csv", NULL };
static const char *const kind_labels[] = {
	"Verksamhetsplan (text)", "Kommissionens åtgärder och förvaltningarnas svar (text)",
	"Lokal utvecklingsplan, LUP (text)", "Kolada (JSON)", "Utfall och mål (CSV)", NULL,
};

/* count_label: the Swedish label of a count key of any kind. */
static const char *count_label(const char *key)
{
	static const char *const map[][2] = {
		{ "inriktningsmal", "Inriktningsmål" }, { "verksamhetsomradesmal", "Verksamhetsområdesmål" },
		{ "namndmal", "Nämndmål" }, { "indicators", "Indikatorer" }, { "activities", "Aktiviteter" },
		{ "budget_lines", "Budgetrader" }, { "administrations", "Förvaltningar" },
		{ "reports", "Rapporter" }, { "recommendations", "Rekommendationer" },
		{ "measures", "Åtgärder" }, { "responses", "Svar" }, { "districts", "Stadsdelsområden" },
		{ "themes", "Teman" }, { "prioritised_areas", "Prioriterade områden" },
		{ "partners", "Samverkanspartner" }, { "kpis", "Nyckeltal" }, { "values", "Värden" },
		{ "missing", "Saknade värden" }, { "municipalities", "Kommuner" },
		{ "skipped", "Överhoppade" }, { "rows", "Rader" }, { "targets", "Målvärden" },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i][0], key) == 0)
			return map[i][1];
	return key;
}

static const char *kind_label(const char *kind)
{
	for (int i = 0; kind_values[i]; i++)
		if (strcmp(kind_values[i], kind) == 0)
			return kind_labels[i];
	return kind;
}

/* render_form: the import form with the values of f (NULL: empty) and errors e. */
static int render_form(struct http_req *r, const struct form *f, const struct form_errors *e, int status)
{
	struct html *h = page_begin(r, "Importera", NAV_NONE);

	html_elem(h, "h1", "Importera", NULL);
	html_elem(h, "p", "Klistra in texten ur ett dokument eller en datafil. Först görs en provkörning som visar "
		  "vad importen skulle skapa och ändra, utan att något sparas. Sedan kan du bekräfta importen.", NULL);
	html_elem(h, "p", "Filer laddas inte upp här: öppna dokumentet (till exempel en PDF som text), markera allt, "
		  "kopiera och klistra in texten i rutan. Texten får vara högst 64 kB.", "class", "hint", NULL);
	html_open(h, "form", "method", "post", "action", "/importera", "accept-charset", "UTF-8", NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_select(h, e, "typ", "Typ av dokument", kind_values, kind_labels, f ? form_get(f, "typ") : "plan", NULL);
	form_input(h, e, "ar", "År (om dokumentet inte anger det)", "text", f ? form_get(f, "ar") : NULL,
		   "Fyra siffror, till exempel 2022. Lämna tomt om året står i dokumentet.", "off");
	form_textarea(h, e, "innehall", "Dokumentets text", f ? form_get(f, "innehall") : NULL,
		      r->user.role == ROLE_EDITOR ? "En verksamhetsplan importeras för din egen organisation." : NULL, 16);
	form_button(h, "Provkör importen", NULL);
	html_close(h);
	page_end(r, h);
	r->status = status;
	return status;
}

int page_import(struct http_req *r)
{
	return render_form(r, NULL, NULL, 200);
}

/* strip_dir: msg without every occurrence of the temporary directory "dir/" (in the arena). */
static const char *strip_dir(struct http_req *r, const char *msg, const char *dir)
{
	size_t dl = strlen(dir);
	char *out = arena_alloc(&r->a, strlen(msg) + 1), *o = out;

	while (*msg) {
		if (strncmp(msg, dir, dl) == 0 && msg[dl] == '/') {
			msg += dl + 1;
			continue;
		}
		*o++ = *msg++;
	}
	*o = '\0';
	return out;
}

/* write_temp: text into a new private file DIR/inklistrad-text; dir receives the directory
 * (to remove afterwards), path the file. Returns 0 or -1 (errno set). */
static int write_temp(const char *text, char dir[512], char path[600])
{
	const char *tmp = getenv("TMPDIR");
	size_t len = strlen(text), done = 0;
	int fd;

	if (!tmp || !*tmp || tmp[0] != '/' || strlen(tmp) > 400)
		tmp = "/tmp";
	snprintf(dir, 512, "%s/lup-import-XXXXXX", tmp);
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, 600, "%s/%s", dir, DOC_NAME);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0) {
		int save = errno;
		rmdir(dir);
		errno = save;
		return -1;
	}
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int save = errno;
			close(fd);
			unlink(path);
			rmdir(dir);
			errno = save ? save : EIO;
			return -1;
		}
		done += (size_t)n;
	}
	if (close(fd) != 0) {
		int save = errno;
		unlink(path);
		rmdir(dir);
		errno = save;
		return -1;
	}
	return 0;
}

static void counts_table(struct http_req *r, struct html *h, const struct imp_kind *k,
			 const struct imp_report *rep, const char *caption)
{
	static const char *const cols[] = { "Vad", "#Antal", NULL };
	char num[32];

	html_open(h, "table", "class", "import-counts", NULL);
	html_elem(h, "caption", caption, NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; k->keys[i] && i < IMP_MAX_KEYS; i++) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", count_label(k->keys[i]), "scope", "row", NULL);
		snprintf(num, sizeof(num), "%ld", rep->counts[i]);
		html_elem(h, "td", num, "class", "num", NULL);
		html_close(h);
	}
	html_open(h, "tr", NULL);
	html_elem(h, "th", "Rader i databasen som skapas eller ändras", "scope", "row", NULL);
	snprintf(num, sizeof(num), "%d", rep->changed);
	html_elem(h, "td", num, "class", "num", NULL);
	html_close(h);
	html_close(h);
	html_close(h);
	(void)r;
}

static void warnings_list(struct html *h, const struct imp_report *rep)
{
	html_elem(h, "h2", "Varningar", NULL);
	if (!rep->nwarn) {
		html_elem(h, "p", "Inga varningar.", NULL);
		return;
	}
	html_open(h, "ul", "class", "import-warnings", NULL);
	for (int i = 0; i < rep->nwarn; i++) {
		html_open(h, "li", NULL);
		if (rep->warn[i].line > 0)
			html_textf(h, "Rad %d: %s", rep->warn[i].line, rep->warn[i].msg);
		else
			html_text(h, rep->warn[i].msg);
		html_close(h);
	}
	html_close(h);
}

static void trace_table(struct html *h, const struct imp_report *rep)
{
	static const char *const cols[] = { "Rader", "Blev", "Innehåll", NULL };
	int n = rep->ntrace < TRACE_SHOWN ? rep->ntrace : TRACE_SHOWN;
	char lines[48];

	html_elem(h, "h2", "Vad raderna blev", NULL);
	if (!n) {
		html_elem(h, "p", "Importen redovisar inga rader.", NULL);
		return;
	}
	if (rep->ntrace > TRACE_SHOWN) {
		html_open(h, "p", NULL);
		html_textf(h, "De första %d av %d posterna visas.", TRACE_SHOWN, rep->ntrace);
		html_close(h);
	}
	html_open(h, "table", "class", "import-trace", NULL);
	html_elem(h, "caption", "Dokumentets rader och vad de blev", NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < n; i++) {
		const struct imp_trace_entry *t = &rep->trace[i];
		if (t->last > t->line)
			snprintf(lines, sizeof(lines), "%d–%d", t->line, t->last);
		else
			snprintf(lines, sizeof(lines), "%d", t->line);
		html_open(h, "tr", NULL);
		html_elem(h, "td", lines, "class", "line", NULL);
		html_elem(h, "td", t->what ? t->what : "", "class", "what", NULL);
		html_elem(h, "td", t->detail ? t->detail : "", "class", "detail", NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* confirm_form: the same text, kind and year again with bekrafta=1. */
static void confirm_form(struct http_req *r, struct html *h, const char *kind, const char *year, const char *text)
{
	html_open(h, "form", "method", "post", "action", "/importera", "accept-charset", "UTF-8", "class", "workflow", NULL);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "typ", "value", kind, NULL);
	html_void(h, "input", "type", "hidden", "name", "ar", "value", year ? year : "", NULL);
	html_void(h, "input", "type", "hidden", "name", "bekrafta", "value", "1", NULL);
	html_void(h, "input", "type", "hidden", "name", "innehall", "value", text, NULL);
	form_button(h, "Bekräfta import", NULL);
	html_close(h);
	html_open(h, "p", NULL);
	pf_link(h, "/importera", "Avbryt och börja om");
	html_close(h);
}

/* failed: the form again with the importer's message (file:line) in Swedish. */
static int failed(struct http_req *r, const struct form *f, int rc, const char *msg)
{
	struct html *h;
	int status = rc == LUP_EINVAL ? 422 : rc == LUP_ETOOBIG ? 413 : 500;

	if (status == 500)
		fprintf(stderr, "lup serve: POST /importera: %s\n", msg);
	h = page_begin(r, "Importen misslyckades", NAV_NONE);
	html_elem(h, "h1", "Importen misslyckades", NULL);
	html_open(h, "div", "class", "import-error", "role", "alert", NULL);
	html_elem(h, "p", "Dokumentet kunde inte importeras, och ingenting har sparats. Felet (med radnumret i den "
		  "inklistrade texten):", NULL);
	html_elem(h, "pre", status == 500 ? "Ett internt fel inträffade. Försök igen senare." : msg, NULL);
	html_close(h);
	html_elem(h, "h2", "Rätta texten och försök igen", NULL);
	html_open(h, "form", "method", "post", "action", "/importera", "accept-charset", "UTF-8", NULL);
	form_csrf_field(r, h);
	form_select(h, NULL, "typ", "Typ av dokument", kind_values, kind_labels, form_get(f, "typ"), NULL);
	form_input(h, NULL, "ar", "År (om dokumentet inte anger det)", "text", form_get(f, "ar"), NULL, "off");
	form_textarea(h, NULL, "innehall", "Dokumentets text", form_get(f, "innehall"), NULL, 16);
	form_button(h, "Provkör importen", NULL);
	html_close(h);
	page_end(r, h);
	r->status = status;
	return status;
}

int page_import_post(struct http_req *r)
{
	struct form_errors e = { 0 };
	const char *kind, *year_s, *text, *org = NULL, *files[1];
	const struct imp_kind *k = NULL;
	struct imp_opts o = { 0 };
	struct imp_report rep;
	struct arena a = ARENA_INIT;
	struct err err = { 0 };
	char dir[512], path[600];
	long year = 0;
	struct form f;
	struct html *h;
	int rc, confirm;

	if ((rc = form_begin(r, &f)) != 0)
		return rc;
	kind = form_get_trim(r, &f, "typ");
	year_s = form_get_trim(r, &f, "ar");
	text = form_get(&f, "innehall");
	confirm = form_get(&f, "bekrafta") && strcmp(form_get(&f, "bekrafta"), "1") == 0;
	if (!kind || !(k = imp_kind_find(kind)))
		form_error(r, &e, "typ", "Välj en typ av dokument i listan.");
	if (!form_blank(year_s) && pf_parse_year(year_s, &year) != 0)
		form_error(r, &e, "ar", "Skriv året med fyra siffror, till exempel 2022, eller lämna fältet tomt.");
	if (form_blank(text))
		form_error(r, &e, "innehall", "Klistra in dokumentets text.");
	if (e.n)
		return render_form(r, &f, &e, 422);

	/* an editor imports only its own organisation's data: a plan for it, or CSV outcomes and
	 * targets of its indicators; the other kinds touch many organisations: administrators only */
	if (r->user.role != ROLE_ADMIN && strcmp(k->name, "plan") != 0 && strcmp(k->name, "csv") != 0)
		return page_error(r, 403, "Den här typen av import berör flera organisationer och görs av en administratör.");
	if (r->user.role != ROLE_ADMIN && strcmp(k->name, "csv") == 0) {
		if (!r->user.org_id)
			return page_error(r, 403, "Du hör inte till någon organisation och kan därför inte importera utfall.");
		o.only_org = r->user.org_id;
	}
	if (r->user.role != ROLE_ADMIN && strcmp(k->name, "plan") == 0) {
		struct rowset rs;
		struct sval arg = SVI(r->user.org_id);
		if (!r->user.org_id)
			return page_error(r, 403, "Du hör inte till någon organisation och kan därför inte importera en verksamhetsplan.");
		if (pf_query(r, &rs, STMT_WEB_FORMS_ORG, &arg, 1) != 0)
			return r->status;
		if (!rs.nrows || !(org = pf_s(&rs, 0, "key")))
			return page_error(r, 403, "Din organisation finns inte längre.");
	}

	if (write_temp(text, dir, path) != 0) {
		fprintf(stderr, "lup serve: POST /importera: temporary file: %s\n", strerror(errno));
		return page_error(r, 500, "Texten kunde inte sparas tillfälligt för importen. Försök igen senare.");
	}
	files[0] = path;
	o.org = org;
	o.year = (int)year;
	o.dry_run = !confirm;
	o.trace = !confirm;
	o.actor = r->user.name;
	o.user_id = r->user.id;
	rc = imp_run(r->st, k, files, 1, &o, &a, &rep, &err);
	unlink(path);
	rmdir(dir);
	if (rc != LUP_OK) {
		rc = failed(r, &f, rc, strip_dir(r, err.msg, dir));
		arena_release(&a);
		return rc;
	}

	if (confirm) {
		h = page_begin(r, "Importen är klar", NAV_NONE);
		html_elem(h, "h1", "Importen är klar", NULL);
		html_open(h, "p", "class", "notice", "role", "status", NULL);
		html_textf(h, "%s är importerad: %d rader i databasen skapades eller ändrades.", kind_label(k->name),
			   rep.changed);
		html_close(h);
		counts_table(r, h, k, &rep, "Vad importen gällde");
		warnings_list(h, &rep);
		html_open(h, "p", NULL);
		pf_link(h, "/importera", "Importera ett dokument till");
		html_close(h);
	} else {
		h = page_begin(r, "Provkörning av import", NAV_NONE);
		html_elem(h, "h1", "Provkörning av import", NULL);
		html_open(h, "p", "class", "notice", "role", "status", NULL);
		html_textf(h, "Provkörning av %s: ingenting har sparats ännu. Granska resultatet och bekräfta importen "
			   "längst ned.", kind_label(k->name));
		html_close(h);
		counts_table(r, h, k, &rep, "Vad importen skulle skapa eller ändra");
		warnings_list(h, &rep);
		trace_table(h, &rep);
		html_elem(h, "h2", "Bekräfta", NULL);
		confirm_form(r, h, k->name, year_s, text);
	}
	arena_release(&a);
	return page_end(r, h);
}
