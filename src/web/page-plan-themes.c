/* page-plan-themes.c: the themes of a draft plan version in forms, for the plan owner's editors
 * and administrators:
 *	GET/POST /plan/{key}/version/{n}/teman: the themes in order, each with "upp"/"ned" buttons
 *	  (small forms, no script) and a link to its form; the form for a new theme (the POST);
 *	POST /plan/{key}/version/{n}/teman/ordning: move a theme one step up or down;
 *	GET/POST /plan/{key}/version/{n}/teman/{id}: rename (the old name stays as a dated alias),
 *	  description, target groups (one a line);
 *	POST /plan/{key}/version/{n}/teman/{id}/ta-bort: remove, moving what uses the theme to
 *	  another theme of the version when the user chooses one.
 * The writes are edit/plan-theme's (the frozen rule, one transaction with its audit entry). */
#include "web/pages-forms.h"
#include "web/plan-edit.h"
#include "web/frozen.h"
#include "edit/plan-theme.h"
#include "core/buf.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

int page_pv(struct http_req *r, struct pv_head *v)
{
	int found;

	if (pv_head_load(r, v, &found) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	if (found && !pv_writable(&r->user, v))
		return pf_forbidden(r, v->owner_name);
	if (!found || !pv_readable(&r->user, v))
		return page_error(r, 404, "Det finns ingen sådan version av programmet.");
	if (strcmp(v->status, "draft") != 0)
		return page_error(r, 409, FROZEN_SV);
	return 0;
}

static const char *base(struct http_req *r, const struct pv_head *v)
{
	return pf_href(r, "/plan/%s/version/%lld/teman", v->plan, (long long)v->version);
}

/* heading: the way back to the district and the page's title. */
static void heading(struct http_req *r, struct html *h, const struct pv_head *v, const char *title)
{
	html_open(h, "p", NULL);
	if (v->district_key)
		pf_link(h, pf_href(r, "/stadsdel/%s?version=%lld", v->district_key, (long long)v->version),
			pf_printf(r, "Tillbaka till %s", v->district_name));
	html_close(h);
	html_elem(h, "h1", title, NULL);
	html_open(h, "p", NULL);
	html_textf(h, "%s, version %lld (utkast).", v->title, (long long)v->version);
	html_close(h);
}

static void move_button(struct http_req *r, struct html *h, const struct pv_head *v, const char *id,
			const char *dir, const char *label, const char *name)
{
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/ordning", base(r, v)), "class", "inline", NULL);
	form_csrf_field(r, h);
	html_void(h, "input", "type", "hidden", "name", "tema", "value", id, NULL);
	html_void(h, "input", "type", "hidden", "name", "riktning", "value", dir, NULL);
	html_open(h, "button", "type", "submit", "class", "secondary", "aria-label", pf_printf(r, "%s: %s", label, name), NULL);
	html_text(h, label);
	html_close(h);
	html_close(h);
}

/* used_by: "3 mål, 1 aktivitet och 2 åtgärder" (NULL when nothing uses the theme). */
static const char *used_by(struct http_req *r, int64_t goals, int64_t acts, int64_t measures)
{
	const char *part[3];
	int n = 0;

	if (goals)
		part[n++] = pf_printf(r, "%lld mål", (long long)goals);
	if (acts)
		part[n++] = pf_printf(r, "%lld %s", (long long)acts, acts == 1 ? "aktivitet" : "aktiviteter");
	if (measures)
		part[n++] = pf_printf(r, "%lld %s", (long long)measures, measures == 1 ? "åtgärd" : "åtgärder");
	if (!n)
		return NULL;
	if (n == 1)
		return part[0];
	if (n == 2)
		return pf_printf(r, "%s och %s", part[0], part[1]);
	return pf_printf(r, "%s, %s och %s", part[0], part[1], part[2]);
}

static void theme_list(struct http_req *r, struct html *h, const struct pv_head *v, const struct rowset *t)
{
	html_elem(h, "h2", "Teman i ordning", NULL);
	if (!t->nrows) {
		html_elem(h, "p", "Versionen har inga teman ännu.", NULL);
		return;
	}
	html_open(h, "ol", "class", "themes", NULL);
	for (int i = 0; i < t->nrows; i++) {
		const char *id = pf_s(t, i, "id"), *name = pf_s(t, i, "name");
		const char *use = used_by(r, pf_i(t, i, "goals"), pf_i(t, i, "activities"), pf_i(t, i, "measures"));
		html_open(h, "li", NULL);
		pf_link(h, pf_printf(r, "%s/%s", base(r, v), id), name);
		if (use)
			html_textf(h, " – används av %s", use);
		html_text(h, " ");
		if (i > 0)
			move_button(r, h, v, id, "upp", "Flytta upp", name);
		if (i + 1 < t->nrows)
			move_button(r, h, v, id, "ned", "Flytta ned", name);
		html_close(h);
	}
	html_close(h);
}

static int render_list(struct http_req *r, const struct pv_head *v, const struct form *f,
		       const struct form_errors *e, int status)
{
	struct rowset t, al, gr;
	struct html *h;

	if (pv_themes(r, v->id, &t, &al, &gr) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	h = page_begin(r, "Teman", NAV_DISTRICTS);
	heading(r, h, v, "Teman");
	if (http_query(r, "klart") && strcmp(http_query(r, "klart"), "borttaget") == 0)
		pf_notice(h, "Temat är borttaget.");
	else
		pf_notice_done(r, h, "Temat är tillagt.");
	theme_list(r, h, v, &t);
	html_elem(h, "h2", "Nytt tema", NULL);
	html_open(h, "form", "method", "post", "action", base(r, v), NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	form_input(h, e, "namn", "Namn", "text", form_kept(f, "namn", NULL), "Unikt inom versionen.", NULL);
	form_textarea(h, e, "beskrivning", "Beskrivning", form_kept(f, "beskrivning", NULL), NULL, 4);
	form_textarea(h, e, "malgrupper", "Målgrupper", form_kept(f, "malgrupper", NULL), "En målgrupp per rad.", 3);
	form_button(h, "Lägg till temat", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_pv_themes(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = page_pv(r, &v)) != 0)
		return rc;
	return render_list(r, &v, NULL, NULL, 200);
}

/* lines: the non-blank lines of text, trimmed, into *out (arena); their count. */
static int lines(struct http_req *r, const char *text, const char ***out)
{
	int n = 0, cap = 0;

	*out = NULL;
	for (const char *p = text; p && *p;) {
		const char *end = strchr(p, '\n'), *s = p, *t;
		if (!end)
			end = p + strlen(p);
		t = end;
		while (s < t && (*s == ' ' || *s == '\t' || *s == '\r'))
			s++;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r'))
			t--;
		if (t > s) {
			if (n == cap) {
				const char **grown = arena_alloc(&r->a, (size_t)(cap = cap ? 2 * cap : 8) * sizeof(*grown));
				if (n)
					memcpy(grown, *out, (size_t)n * sizeof(*grown));
				*out = grown;
			}
			(*out)[n++] = arena_strndup(&r->a, s, (size_t)(t - s));
		}
		p = *end ? end + 1 : end;
	}
	return n;
}

/* read_theme: the form's fields into in, with Swedish messages for what is wrong on its face. */
static void read_theme(struct http_req *r, const struct form *f, struct plan_theme_in *in, struct form_errors *e)
{
	const char **groups;

	in->name = form_get_trim(r, f, "namn");
	in->description = form_get_trim(r, f, "beskrivning");
	in->ngroups = lines(r, form_get(f, "malgrupper"), &groups);
	in->groups = groups;
	in->set_name = in->set_description = in->set_groups = 1;
	in->source = "web";
	if (form_blank(in->name))
		form_error(r, e, "namn", "Skriv temats namn.");
	else if (strlen(in->name) > PLAN_THEME_NAME_MAX)
		form_error(r, e, "namn", "Namnet får vara högst 200 tecken.");
	if (in->description && strlen(in->description) > PLAN_THEME_TEXT_MAX)
		form_error(r, e, "beskrivning", "Beskrivningen får vara högst 20 000 tecken.");
	if (in->ngroups > PLAN_THEME_GROUPS_MAX)
		form_error(r, e, "malgrupper", "Högst 32 målgrupper.");
	for (int i = 0; i < in->ngroups && in->ngroups <= PLAN_THEME_GROUPS_MAX; i++)
		if (strlen(in->groups[i]) > PLAN_THEME_GROUP_MAX) {
			form_error(r, e, "malgrupper", "Varje målgrupp får vara högst 200 tecken.");
			break;
		}
}

/* edit_error: the Swedish message of an edit-layer refusal at its field; 0 when it is none
 * (the caller answers r->err as a page). */
static int edit_error(struct http_req *r, const char *field, struct form_errors *e)
{
	if (r->err.code != LUP_EINVAL || !field)
		return 0;
	if (strcmp(field, "name") == 0)
		form_error(r, e, "namn", "Det finns redan ett tema med det namnet i versionen.");
	else if (strcmp(field, "target_groups") == 0)
		form_error(r, e, "malgrupper", "Varje målgrupp är en rad på högst 200 tecken.");
	else if (strcmp(field, "move_to") == 0)
		form_error(r, e, "flytta_till", "Välj ett annat tema i samma version.");
	else
		form_error(r, e, "namn", "Kontrollera uppgifterna.");
	return 1;
}

/* edit_fail_page: a refusal that is no field's: the frozen rule (409), a theme gone (404). */
static int edit_fail_page(struct http_req *r)
{
	if (r->err.code == LUP_ECONFLICT)
		return page_error(r, 409, FROZEN_SV);
	if (r->err.code == LUP_ENOTFOUND)
		return page_error(r, 404, "Det finns inget sådant tema i versionen.");
	return form_fail_page(r, http_fail(r));
}

int page_pv_themes_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	struct plan_theme_in in = { 0 };
	const char *field = NULL;
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0)
		return rc;
	read_theme(r, &f, &in, &e);
	if (e.n)
		return render_list(r, &v, &f, &e, 422);
	if (plan_theme_add(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return edit_error(r, field, &e) ? render_list(r, &v, &f, &e, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=ny", base(r, &v)));
}

int page_pv_themes_order(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	const char *tema, *dir, *field = NULL;
	struct rowset t, al, gr;
	struct pv_head v;
	struct form f;
	int rc, at = -1;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0)
		return rc;
	if (pv_themes(r, v.id, &t, &al, &gr) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	tema = form_get(&f, "tema");
	dir = form_get(&f, "riktning");
	for (int i = 0; tema && i < t.nrows; i++)
		if (strcmp(pf_s(&t, i, "id"), tema) == 0)
			at = i;
	int to = dir && strcmp(dir, "upp") == 0 ? at - 1 : dir && strcmp(dir, "ned") == 0 ? at + 1 : -1;
	if (at < 0 || to < 0 || to >= t.nrows)
		return page_error(r, 400, "Välj ett tema och en riktning som går att flytta åt.");
	int64_t *ids = arena_alloc(&r->a, (size_t)t.nrows * sizeof(*ids));
	for (int i = 0; i < t.nrows; i++)
		ids[i] = pf_i(&t, i, "id");
	ids[at] = pf_i(&t, to, "id");
	ids[to] = pf_i(&t, at, "id");
	if (plan_theme_order(r->st, &who, v.id, ids, t.nrows, &field, &r->err) != LUP_OK)
		return edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=sparat", base(r, &v)));
}

/* The theme of the route's param 2 with the version's other themes. */
struct one {
	struct rowset t, al, gr;
	int i;		/* its row in t */
	int64_t id;
};

static int load_one(struct http_req *r, const struct pv_head *v, struct one *o)
{
	const char *p = r->params[2];

	o->id = p && strlen(p) < 19 ? strtoll(p, NULL, 10) : 0;
	o->i = -1;
	if (pv_themes(r, v->id, &o->t, &o->al, &o->gr) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	for (int i = 0; i < o->t.nrows; i++)
		if (pf_i(&o->t, i, "id") == o->id)
			o->i = i;
	if (o->i < 0)
		return page_error(r, 404, "Det finns inget sådant tema i versionen.");
	return 0;
}

/* joined: the run of rs for id, column 1, one a line (the target groups' textarea). */
static const char *joined(struct http_req *r, const struct rowset *rs, int64_t id)
{
	struct buf b;
	int from, to;

	buf_init(&b, 0);
	pv_run(rs, id, &from, &to);
	for (int i = from; i < to; i++)
		buf_addf(&b, "%s%s", i > from ? "\n" : "", rs->rows[i][1].s);
	const char *s = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return s;
}

static void former_names(struct http_req *r, struct html *h, const struct one *o)
{
	int from, to;

	pv_run(&o->al, o->id, &from, &to);
	if (from == to)
		return;
	html_elem(h, "h2", "Andra namn", NULL);
	html_open(h, "ul", NULL);
	for (int i = from; i < to; i++) {
		html_open(h, "li", NULL);
		html_text(h, o->al.rows[i][1].s);
		if (o->al.rows[i][2].s)
			html_textf(h, " (tidigare namn till %s)", o->al.rows[i][2].s);
		html_close(h);
	}
	html_close(h);
	(void)r;
}

/* remove_form: removing the theme, with the choice of a theme to move what uses it to. */
static void remove_form(struct http_req *r, struct html *h, const struct pv_head *v, const struct one *o,
			const struct form_errors *e)
{
	const char *use = used_by(r, pf_i(&o->t, o->i, "goals"), pf_i(&o->t, o->i, "activities"),
				  pf_i(&o->t, o->i, "measures"));
	const char **vals = arena_alloc(&r->a, (size_t)(o->t.nrows + 1) * sizeof(*vals));
	const char **labs = arena_alloc(&r->a, (size_t)(o->t.nrows + 1) * sizeof(*labs));
	int n = 0;

	html_elem(h, "h2", "Ta bort temat", NULL);
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/%lld/ta-bort", base(r, v), (long long)o->id), NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	html_elem(h, "p", use ? pf_printf(r, "Temat används av %s. Välj ett tema att flytta dem till; flytten och "
					  "borttagningen görs tillsammans.", use) : "Inget använder temat.", NULL);
	vals[n] = "";
	labs[n++] = "Flytta inte";
	for (int i = 0; i < o->t.nrows; i++)
		if (i != o->i) {
			vals[n] = pf_s(&o->t, i, "id");
			labs[n++] = pf_s(&o->t, i, "name");
		}
	vals[n] = labs[n] = NULL;
	form_select(h, e, "flytta_till", "Flytta till tema", vals, labs, "", NULL);
	form_button(h, "Ta bort temat", "danger");
	html_close(h);
}

static int render_one(struct http_req *r, const struct pv_head *v, const struct one *o, const struct form *f,
		      const struct form_errors *edit_e, const struct form_errors *rm_e, int status)
{
	const char *name = pf_s(&o->t, o->i, "name");
	struct html *h = page_begin(r, pf_printf(r, "Tema: %s", name), NAV_DISTRICTS);

	heading(r, h, v, pf_printf(r, "Tema: %s", name));
	html_open(h, "p", NULL);
	pf_link(h, base(r, v), "Alla teman");
	html_close(h);
	pf_notice_done(r, h, NULL);
	former_names(r, h, o);
	html_elem(h, "h2", "Ändra temat", NULL);
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/%lld", base(r, v), (long long)o->id), NULL);
	form_error_summary(h, edit_e, 3);
	form_csrf_field(r, h);
	form_input(h, edit_e, "namn", "Namn", "text", form_kept(f, "namn", name),
		   "Ett nytt namn sparar det gamla som tidigare namn.", NULL);
	form_textarea(h, edit_e, "beskrivning", "Beskrivning", form_kept(f, "beskrivning", pf_s(&o->t, o->i, "description")),
		      NULL, 4);
	form_textarea(h, edit_e, "malgrupper", "Målgrupper", form_kept(f, "malgrupper", joined(r, &o->gr, o->id)),
		      "En målgrupp per rad.", 3);
	form_button(h, "Spara", NULL);
	html_close(h);
	remove_form(r, h, v, o, rm_e);
	return page_end_status(r, h, status);
}

int page_pv_theme(struct http_req *r)
{
	struct pv_head v;
	struct one o;
	int rc;

	if ((rc = page_pv(r, &v)) != 0 || (rc = load_one(r, &v, &o)) != 0)
		return rc;
	return render_one(r, &v, &o, NULL, NULL, NULL, 200);
}

int page_pv_theme_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	struct plan_theme_in in = { 0 };
	const char *field = NULL;
	struct pv_head v;
	struct form f;
	struct one o;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = load_one(r, &v, &o)) != 0)
		return rc;
	read_theme(r, &f, &in, &e);
	if (e.n)
		return render_one(r, &v, &o, &f, &e, NULL, 422);
	if (plan_theme_change(r->st, &who, v.id, o.id, &in, NULL, &field, &r->err) != LUP_OK)
		return edit_error(r, field, &e) ? render_one(r, &v, &o, &f, &e, NULL, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s/%lld?klart=sparat", base(r, &v), (long long)o.id));
}

int page_pv_theme_remove(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	struct plan_theme_refs refs;
	const char *to_s, *field = NULL;
	struct pv_head v;
	struct form f;
	struct one o;
	int64_t to = 0;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = load_one(r, &v, &o)) != 0)
		return rc;
	to_s = form_get(&f, "flytta_till");
	if (to_s && *to_s) {
		char *end;
		to = strlen(to_s) < 19 ? strtoll(to_s, &end, 10) : 0;
		if (to <= 0 || *end) {
			form_error(r, &e, "flytta_till", "Välj ett annat tema i samma version.");
			return render_one(r, &v, &o, NULL, NULL, &e, 422);
		}
	}
	if (plan_theme_remove(r->st, &who, v.id, o.id, to, &refs, &field, &r->err) == LUP_OK)
		return form_redirect(r, pf_printf(r, "%s?klart=borttaget", base(r, &v)));
	if (r->err.code == LUP_ECONFLICT && plan_theme_refs_total(&refs)) {
		form_error(r, &e, "flytta_till", "Temat används av %s. Flytta dem till ett annat tema först.",
			   used_by(r, refs.goals, refs.activities, refs.measures));
		return render_one(r, &v, &o, NULL, NULL, &e, 409);
	}
	return edit_error(r, field, &e) ? render_one(r, &v, &o, NULL, NULL, &e, 422) : edit_fail_page(r);
}
