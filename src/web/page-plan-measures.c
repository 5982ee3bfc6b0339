/* page-plan-measures.c: the prioritised measures (åtgärder) of a draft LUP version in forms, for
 * the plan owner's editors and administrators:
 *	GET/POST /plan/{key}/version/{n}/atgarder: the measures in order with status, start, end and
 *	  partners, and the form for a new measure (the POST);
 *	GET/POST /plan/{key}/version/{n}/atgarder/{id}: a measure's form: title, description,
 *	  status, start and end ("ht 2017"), themes, areas and goals as checkboxes, target groups
 *	  (one a line) and partners as rows of organisation or plan partner + role (two empty rows
 *	  to add more);
 *	POST /plan/{key}/version/{n}/atgarder/{id}/ta-bort: remove it.
 * The writes are edit/plan-measure's (the frozen rule, one transaction with its audit entry). */
#include "web/pages-forms.h"
#include "web/pages-places.h"
#include "web/plan-edit.h"
#include "web/frozen.h"
#include "edit/plan-measure.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#define EMPTY_ROWS 2		/* empty partner rows offered for new partners */
#define ROWS_MAX (PLAN_MEASURE_LINKS_MAX + EMPTY_ROWS)
#define DATE_HINT "t.ex. ht 2017, 2018, mars 2019"

static const char *const status_vals[] = { "", "idea", "prestudy", "project", "permanent", "ended", NULL };
static const char *const status_labs[] = { "Ingen uppgift", "Idé", "Förstudie", "Projekt", "Permanent verksamhet",
					   "Avslutad", NULL };

static const char *base(struct http_req *r, const struct pv_head *v)
{
	return pf_href(r, "/plan/%s/version/%lld/atgarder", v->plan, (long long)v->version);
}

/* What the forms choose from, and the version's measures with their links (sorted by measure). */
struct ctx {
	struct rowset themes, areas, goals, orgs, pps;
	struct rowset m, th, ar, go, pa, tg;
};

static int load(struct http_req *r, const struct pv_head *v, int64_t only, struct ctx *c)
{
	struct sval pv = SVI(v->id), da[] = { SVI(v->district), SVI(v->id) }, pp[] = { SVI(v->id), SVNULL };
	struct sval ma[] = { only ? SVI(only) : SVNULL, SVI(v->id) };

	if (pf_query(r, &c->themes, STMT_PT_THEMES, &pv, 1) || pf_query(r, &c->areas, STMT_PT_AREAS, da, 2) ||
	    pf_query(r, &c->goals, STMT_PM_VERSION_GOALS, &pv, 1) || pf_query(r, &c->orgs, STMT_PM_ORGS, NULL, 0) ||
	    pf_query(r, &c->pps, STMT_PP_LIST, pp, 2) || pf_query(r, &c->m, STMT_PM_MEASURES, ma, 2) ||
	    pf_query(r, &c->th, STMT_PM_THEMES, ma, 2) || pf_query(r, &c->ar, STMT_PM_AREAS, ma, 2) ||
	    pf_query(r, &c->go, STMT_PM_GOALS, ma, 2) || pf_query(r, &c->pa, STMT_PM_PARTNERS, ma, 2) ||
	    pf_query(r, &c->tg, STMT_PM_TGS, ma, 2))
		return -1;
	return 0;
}

static void heading(struct http_req *r, struct html *h, const struct pv_head *v, const char *title)
{
	html_open(h, "p", NULL);
	if (v->district_key)
		pf_link(h, pf_href(r, "/stadsdel/%s?version=%lld", v->district_key, (long long)v->version),
			pf_printf(r, "Tillbaka till %s", v->district_name));
	html_text(h, " · ");
	pf_link(h, pf_href(r, "/plan/%s/version/%lld/parter", v->plan, (long long)v->version), "Samverkansparter");
	html_close(h);
	html_elem(h, "h1", title, NULL);
	html_open(h, "p", NULL);
	html_textf(h, "%s, version %lld (utkast).", v->title, (long long)v->version);
	html_close(h);
}

/* dates: "ht 2017 – 2019", "från ht 2017", "till 2019" or "–". */
static const char *dates(struct http_req *r, const char *start, const char *end)
{
	if (start && end)
		return pf_printf(r, "%s – %s", start, end);
	if (start)
		return pf_printf(r, "från %s", start);
	return end ? pf_printf(r, "till %s", end) : "–";
}

/* partners_text: "Skarpnäcks stadsdelsförvaltning (ansvarig), Föreningen X (samverkanspart)". */
static const char *partners_text(struct http_req *r, const struct rowset *pa, int64_t id)
{
	const char *s = "";
	int from, to;

	pv_run(pa, id, &from, &to);
	for (int k = from; k < to; k++)
		s = pf_printf(r, "%s%s%s (%s)", s, k > from ? ", " : "", pf_s(pa, k, "name"),
			      plan_measure_role_sv(pf_s(pa, k, "role")));
	return *s ? s : "–";
}

static void measure_list(struct http_req *r, struct html *h, const struct pv_head *v, const struct ctx *c)
{
	static const char *const cols[] = { "Åtgärd", "Status", "Tid", "Parter (roll)", NULL };

	html_elem(h, "h2", "Åtgärder i ordning", NULL);
	if (!c->m.nrows) {
		html_elem(h, "p", "Versionen har inga åtgärder ännu.", NULL);
		return;
	}
	html_open(h, "table", NULL);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = 0; i < c->m.nrows; i++) {
		const char *status = pf_s(&c->m, i, "status");
		html_open(h, "tr", NULL);
		html_open(h, "th", "scope", "row", NULL);
		pf_link(h, pf_printf(r, "%s/%s", base(r, v), pf_s(&c->m, i, "id")), pf_s(&c->m, i, "title"));
		html_close(h);
		html_elem(h, "td", status ? places_measure_status_sv(status) : "–", NULL);
		html_elem(h, "td", dates(r, pf_s(&c->m, i, "start"), pf_s(&c->m, i, "end")), NULL);
		html_elem(h, "td", partners_text(r, &c->pa, pf_i(&c->m, i, "id")), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* ---- the measure's form -------------------------------------------------------------------- */

static int sent(const struct form *f, const char *name, const char *value)
{
	for (int k = 0; f && k < f->n; k++)
		if (!strcmp(f->name[k], name) && !strcmp(f->value[k], value))
			return 1;
	return 0;
}

/* in_run: whether the run of rs for measure id has value in column col. */
static int in_run(const struct rowset *rs, int64_t id, const char *col, const char *value)
{
	int from, to;

	pv_run(rs, id, &from, &to);
	for (int k = from; k < to; k++)
		if (pf_s(rs, k, col) && !strcmp(pf_s(rs, k, col), value))
			return 1;
	return 0;
}

/* boxes: a fieldset of checkboxes name=value[i] labelled label[i]; checked from the form sent (f)
 * or else the measure's run in cur (column col). */
static void boxes(struct http_req *r, struct html *h, const struct form *f, const struct form_errors *e,
		  const char *name, const char *legend, const char *const *vals, const char *const *labs, int n,
		  const struct rowset *cur, int64_t id, const char *col, const char *none)
{
	const char *msg = form_error_of(e, name);

	html_open(h, "fieldset", "class", msg ? "field field-invalid checks" : "field checks", NULL);
	html_elem(h, "legend", legend, NULL);
	if (msg) {
		html_open(h, "p", "class", "field-error", "id", pf_printf(r, "f-%s", name), "tabindex", "-1", NULL);
		html_elem(h, "span", "Fel: ", "class", "visually-hidden", NULL);
		html_text(h, msg);
		html_close(h);
	}
	if (!n)
		html_elem(h, "p", none, NULL);
	for (int i = 0; i < n; i++) {
		const char *bid = pf_printf(r, "f-%s-%s", name, vals[i]);
		int on = f ? sent(f, name, vals[i]) : id && in_run(cur, id, col, vals[i]);
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "id", bid, "name", name, "value", vals[i], "checked", on ? "" : NULL, NULL);
		html_elem(h, "label", labs[i], "for", bid, NULL);
		html_close(h);
	}
	html_close(h);
}

/* column: column col of every row of rs (arena), and as labels the format of two columns. */
static const char **column(struct http_req *r, const struct rowset *rs, const char *col)
{
	const char **v = arena_alloc(&r->a, (size_t)(rs->nrows + 1) * sizeof(*v));

	for (int i = 0; i < rs->nrows; i++)
		v[i] = pf_s(rs, i, col);
	v[rs->nrows] = NULL;
	return v;
}

static void link_boxes(struct http_req *r, struct html *h, const struct ctx *c, const struct form *f,
		       const struct form_errors *e, int64_t id)
{
	const char **al = arena_alloc(&r->a, (size_t)(c->areas.nrows + 1) * sizeof(*al));
	const char **gl = arena_alloc(&r->a, (size_t)(c->goals.nrows + 1) * sizeof(*gl));

	for (int i = 0; i < c->areas.nrows; i++)
		al[i] = pf_printf(r, "%s (%s)", pf_s(&c->areas, i, "name"), pf_s(&c->areas, i, "parent_name"));
	for (int i = 0; i < c->goals.nrows; i++)
		gl[i] = pf_s(&c->goals, i, "number") ? pf_printf(r, "%s %s", pf_s(&c->goals, i, "number"), pf_s(&c->goals, i, "title"))
						       : pf_s(&c->goals, i, "title");
	boxes(r, h, f, e, "tema", "Teman", column(r, &c->themes, "id"), column(r, &c->themes, "name"), c->themes.nrows,
	      &c->th, id, "id", "Versionen har inga teman.");
	boxes(r, h, f, e, "omrade", "Stadsdelar och platser", column(r, &c->areas, "key"), al, c->areas.nrows,
	      &c->ar, id, "key", "Stadsdelsområdet har inga stadsdelar eller platser i lup.");
	boxes(r, h, f, e, "mal", "Mål i programmet som åtgärden bidrar till", column(r, &c->goals, "id"), gl,
	      c->goals.nrows, &c->go, id, "id", "Versionen har inga mål.");
}

/* The partner choice: "" (none), "org:KEY" (the registry) and "pp:ID" (the plan's partners). */
struct choice {
	const char **vals, **labs;
};

static void choices(struct http_req *r, const struct ctx *c, struct choice *ch)
{
	int n = 0, max = c->orgs.nrows + c->pps.nrows + 2;

	ch->vals = arena_alloc(&r->a, (size_t)max * sizeof(*ch->vals));
	ch->labs = arena_alloc(&r->a, (size_t)max * sizeof(*ch->labs));
	ch->vals[n] = "";
	ch->labs[n++] = "Välj part";
	for (int i = 0; i < c->pps.nrows; i++)
		if (!pf_s(&c->pps, i, "org")) {
			ch->vals[n] = pf_printf(r, "pp:%s", pf_s(&c->pps, i, "id"));
			ch->labs[n++] = pf_printf(r, "%s (programmets part)", pf_s(&c->pps, i, "label"));
		}
	for (int i = 0; i < c->orgs.nrows; i++) {
		ch->vals[n] = pf_printf(r, "org:%s", pf_s(&c->orgs, i, "key"));
		ch->labs[n++] = pf_s(&c->orgs, i, "name");
	}
	ch->vals[n] = ch->labs[n] = NULL;
}

static const char *const *role_labels(struct http_req *r)
{
	const char **l = arena_alloc(&r->a, 5 * sizeof(*l));

	for (int i = 0; i < 5; i++)
		l[i] = plan_measure_roles[i] ? plan_measure_role_sv(plan_measure_roles[i]) : NULL;
	return l;
}

/* partner_rows: the measure's partners (or the rows sent) and EMPTY_ROWS empty rows. */
static void partner_rows(struct http_req *r, struct html *h, const struct ctx *c, const struct form *f,
			 const struct form_errors *e, int64_t id)
{
	struct choice ch;
	int from = 0, to = 0, rows;
	const char *kept = f ? form_get(f, "rader") : NULL;

	choices(r, c, &ch);
	if (id)
		pv_run(&c->pa, id, &from, &to);
	rows = f && kept ? atoi(kept) : to - from + EMPTY_ROWS;
	rows = rows < EMPTY_ROWS ? EMPTY_ROWS : rows > ROWS_MAX ? ROWS_MAX : rows;
	html_open(h, "fieldset", "class", "field partners", NULL);
	html_elem(h, "legend", "Parter och roller", NULL);
	html_elem(h, "p", "En organisation i registret eller en av programmets parter per rad. Lägg till fler parter "
		  "på sidan Samverkansparter.", "class", "hint", NULL);
	html_void(h, "input", "type", "hidden", "name", "rader", "value", pf_printf(r, "%d", rows), NULL);
	for (int i = 0; i < rows; i++) {
		const char *pname = pf_printf(r, "part-%d", i), *rname = pf_printf(r, "roll-%d", i);
		const char *pv = "", *rv = "partner";
		if (from + i < to) {
			pv = pf_s(&c->pa, from + i, "org") ? pf_printf(r, "org:%s", pf_s(&c->pa, from + i, "org"))
							  : pf_printf(r, "pp:%s", pf_s(&c->pa, from + i, "partner"));
			rv = pf_s(&c->pa, from + i, "role");
		}
		html_open(h, "div", "class", "partner-row", NULL);
		form_select(h, e, pname, pf_printf(r, "Part %d", i + 1), ch.vals, ch.labs, form_kept(f, pname, pv), NULL);
		form_select(h, e, rname, pf_printf(r, "Roll för part %d", i + 1), plan_measure_roles, role_labels(r),
			    form_kept(f, rname, rv), NULL);
		html_close(h);
	}
	html_close(h);
}

/* joined: column col of the run of rs for id, one a line. */
static const char *joined(struct http_req *r, const struct rowset *rs, int64_t id)
{
	const char *s = "";
	int from, to;

	pv_run(rs, id, &from, &to);
	for (int k = from; k < to; k++)
		s = pf_printf(r, "%s%s%s", s, k > from ? "\n" : "", rs->rows[k][1].s);
	return s;
}

/* measure_form: the form of measure row i of c->m (i < 0: a new one) posting to action. */
static void measure_form(struct http_req *r, struct html *h, const struct ctx *c, int i, const struct form *f,
			 const struct form_errors *e, const char *action, const char *button)
{
	int64_t id = i >= 0 ? pf_i(&c->m, i, "id") : 0;
	const char *cur_status = i >= 0 && pf_s(&c->m, i, "status") ? pf_s(&c->m, i, "status") : "";

	html_open(h, "form", "method", "post", "action", action, NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	form_input(h, e, "titel", "Titel", "text", form_kept(f, "titel", i >= 0 ? pf_s(&c->m, i, "title") : NULL), NULL, NULL);
	form_textarea(h, e, "beskrivning", "Beskrivning",
		      form_kept(f, "beskrivning", i >= 0 ? pf_s(&c->m, i, "description") : NULL), NULL, 4);
	form_select(h, e, "status", "Status", status_vals, status_labs, form_kept(f, "status", cur_status), NULL);
	form_input(h, e, "start", "Start", "text", form_kept(f, "start", i >= 0 ? pf_s(&c->m, i, "start") : NULL),
		   DATE_HINT, NULL);
	form_input(h, e, "slut", "Slut", "text", form_kept(f, "slut", i >= 0 ? pf_s(&c->m, i, "end") : NULL),
		   DATE_HINT, NULL);
	link_boxes(r, h, c, f, e, id);
	form_textarea(h, e, "malgrupper", "Målgrupper", form_kept(f, "malgrupper", id ? joined(r, &c->tg, id) : NULL),
		      "En målgrupp per rad.", 3);
	partner_rows(r, h, c, f, e, id);
	form_button(h, button, NULL);
	html_close(h);
}

static int render_list(struct http_req *r, const struct pv_head *v, const struct form *f,
		       const struct form_errors *e, int status)
{
	struct ctx c;
	struct html *h;

	if (load(r, v, 0, &c))
		return r->status;
	h = page_begin(r, "Åtgärder", NAV_DISTRICTS);
	heading(r, h, v, "Åtgärder");
	if (http_query(r, "klart") && strcmp(http_query(r, "klart"), "borttagen") == 0)
		pf_notice(h, "Åtgärden är borttagen.");
	else
		pf_notice_done(r, h, "Åtgärden är tillagd.");
	measure_list(r, h, v, &c);
	html_elem(h, "h2", "Ny åtgärd", NULL);
	measure_form(r, h, &c, -1, f, e, base(r, v), "Lägg till åtgärden");
	return page_end_status(r, h, status);
}

int page_pv_measures(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = page_pv(r, &v)) != 0)
		return rc;
	return render_list(r, &v, NULL, NULL, 200);
}

/* ---- reading the form ---------------------------------------------------------------------- */

/* lines: the non-blank lines of text, trimmed (arena); their count. */
static int lines(struct http_req *r, const char *text, const char *const **out)
{
	const char **v = arena_alloc(&r->a, (PLAN_MEASURE_LINKS_MAX + 2) * sizeof(*v));
	int n = 0;

	for (const char *p = text; p && *p && n <= PLAN_MEASURE_LINKS_MAX;) {
		const char *end = strchr(p, '\n'), *s = p, *t;
		if (!end)
			end = p + strlen(p);
		for (t = end; s < t && (*s == ' ' || *s == '\t' || *s == '\r'); s++)
			;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\r'))
			t--;
		if (t > s)
			v[n++] = arena_strndup(&r->a, s, (size_t)(t - s));
		p = *end ? end + 1 : end;
	}
	*out = v;
	return n;
}

/* ids_sent: the values of field name as ids (arena); -1 when one is not a number. */
static int ids_sent(struct http_req *r, const struct form *f, const char *name, const int64_t **out)
{
	int64_t *v = arena_alloc(&r->a, (size_t)(f->n + 1) * sizeof(*v));
	int n = 0;

	for (int k = 0; k < f->n; k++)
		if (!strcmp(f->name[k], name)) {
			char *end;
			v[n] = strlen(f->value[k]) < 19 ? strtoll(f->value[k], &end, 10) : 0;
			if (v[n] <= 0 || *end)
				return -1;
			n++;
		}
	*out = v;
	return n;
}

static int strs_sent(struct http_req *r, const struct form *f, const char *name, const char *const **out)
{
	const char **v = arena_alloc(&r->a, (size_t)(f->n + 1) * sizeof(*v));
	int n = 0;

	for (int k = 0; k < f->n; k++)
		if (!strcmp(f->name[k], name))
			v[n++] = f->value[k];
	*out = v;
	return n;
}

/* read_partners: the rows part-i / roll-i that name a partner. */
static void read_partners(struct http_req *r, const struct form *f, struct plan_measure_in *in, struct form_errors *e)
{
	struct plan_measure_partner *p = arena_alloc(&r->a, (ROWS_MAX + 1) * sizeof(*p));
	const char *rows = form_get(f, "rader");
	int n = 0, nrows = rows ? atoi(rows) : 0;

	for (int i = 0; i < nrows && i < ROWS_MAX; i++) {
		const char *who = form_get(f, pf_printf(r, "part-%d", i)), *role = form_get(f, pf_printf(r, "roll-%d", i));
		char *end;
		if (!who || !*who)
			continue;
		memset(&p[n], 0, sizeof(p[n]));
		if (!strncmp(who, "org:", 4) && who[4])
			p[n].org = who + 4;
		else if (!strncmp(who, "pp:", 3) && strlen(who) < 22 && (p[n].partner = strtoll(who + 3, &end, 10)) > 0 && !*end)
			;
		else {
			form_error(r, e, pf_printf(r, "part-%d", i), "Välj en organisation eller en av programmets parter i listan.");
			continue;
		}
		if (!plan_measure_role(role))
			form_error(r, e, pf_printf(r, "roll-%d", i), "Välj en roll: ansvarig, samverkanspart, stöd eller finansiär.");
		p[n++].role = role;
	}
	in->partners = p;
	in->npartners = n;
	in->set_partners = 1;
}

/* read_measure: the form's fields into in, with Swedish messages for what is wrong on its face. */
static void read_measure(struct http_req *r, const struct form *f, struct plan_measure_in *in, struct form_errors *e)
{
	memset(in, 0, sizeof(*in));
	in->title = form_get_trim(r, f, "titel");
	in->description = form_get_trim(r, f, "beskrivning");
	in->status = form_get(f, "status");
	in->start = form_get_trim(r, f, "start");
	in->end = form_get_trim(r, f, "slut");
	in->set_title = in->set_description = in->set_status = in->set_start = in->set_end = 1;
	in->set_themes = in->set_areas = in->set_goals = in->set_groups = 1;
	in->source = "web";
	if (form_blank(in->title))
		form_error(r, e, "titel", "Skriv åtgärdens titel.");
	else if (strlen(in->title) > PLAN_MEASURE_TITLE_MAX)
		form_error(r, e, "titel", "Titeln får vara högst 300 tecken.");
	if (in->description && strlen(in->description) > PLAN_MEASURE_TEXT_MAX)
		form_error(r, e, "beskrivning", "Beskrivningen får vara högst 20 000 tecken.");
	if ((in->nthemes = ids_sent(r, f, "tema", &in->themes)) < 0)
		form_error(r, e, "tema", "Välj teman i listan."), in->nthemes = 0;
	if ((in->ngoals = ids_sent(r, f, "mal", &in->goals)) < 0)
		form_error(r, e, "mal", "Välj mål i listan."), in->ngoals = 0;
	in->nareas = strs_sent(r, f, "omrade", &in->areas);
	in->ngroups = lines(r, form_get(f, "malgrupper"), &in->groups);
	if (in->ngroups > PLAN_MEASURE_LINKS_MAX)
		form_error(r, e, "malgrupper", "Högst 64 målgrupper.");
	read_partners(r, f, in, e);
}

/* edit_error: the Swedish message of an edit-layer refusal at its field; 0 when it is none. */
static int edit_error(struct http_req *r, const char *field, struct form_errors *e)
{
	static const char *const t[][3] = {
		{ "title", "titel", "Skriv titeln på en rad, högst 300 tecken." },
		{ "status", "status", "Välj en status i listan." },
		{ "start", "start", "Skriv starten som t.ex. ht 2017, 2018 eller mars 2019." },
		{ "themes", "tema", "Välj teman ur den här versionen av programmet." },
		{ "areas", "omrade", "Välj stadsdelar och platser i programmets stadsdelsområde." },
		{ "goals", "mal", "Välj mål ur den här versionen av programmet." },
		{ "partners", "part-0", "Välj organisationer i registret eller programmets parter, var och en en gång, med en roll." },
		{ "target_groups", "malgrupper", "Varje målgrupp är en rad på högst 200 tecken." },
	};

	if (r->err.code != LUP_EINVAL || !field)
		return 0;
	if (!strcmp(field, "end")) {
		form_error(r, e, "slut", strstr(r->err.msg, "before the start") ? "Slutet kan inte ligga före starten."
			   : "Skriv slutet som t.ex. ht 2017, 2018 eller mars 2019.");
		return 1;
	}
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcmp(field, t[i][0])) {
			form_error(r, e, t[i][1], "%s", t[i][2]);
			return 1;
		}
	form_error(r, e, "titel", "Kontrollera uppgifterna.");
	return 1;
}

static int edit_fail_page(struct http_req *r)
{
	if (r->err.code == LUP_ECONFLICT && strstr(r->err.msg, "activities"))
		return page_error(r, 409, "Aktiviteter genomför åtgärden. Ändra dem först.");
	if (r->err.code == LUP_ECONFLICT)
		return page_error(r, 409, FROZEN_SV);
	if (r->err.code == LUP_ENOTFOUND)
		return page_error(r, 404, "Det finns ingen sådan åtgärd i versionen.");
	return form_fail_page(r, http_fail(r));
}

int page_pv_measures_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	struct plan_measure_in in;
	const char *field = NULL;
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0)
		return rc;
	read_measure(r, &f, &in, &e);
	if (e.n)
		return render_list(r, &v, &f, &e, 422);
	if (plan_measure_add(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return edit_error(r, field, &e) ? render_list(r, &v, &f, &e, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=ny", base(r, &v)));
}

/* ---- one measure --------------------------------------------------------------------------- */

static int measure_id(struct http_req *r, int64_t *id)
{
	const char *p = r->params[2];
	char *end = NULL;

	*id = p && *p && strlen(p) < 19 ? strtoll(p, &end, 10) : 0;
	if (*id <= 0 || !end || *end)
		return page_error(r, 404, "Det finns ingen sådan åtgärd i versionen.");
	return 0;
}

static int render_one(struct http_req *r, const struct pv_head *v, int64_t id, const struct form *f,
		      const struct form_errors *e, int status)
{
	struct ctx c;
	struct html *h;

	if (load(r, v, id, &c))
		return r->status;
	if (!c.m.nrows)
		return page_error(r, 404, "Det finns ingen sådan åtgärd i versionen.");
	const char *title = pf_printf(r, "Åtgärd: %s", pf_s(&c.m, 0, "title"));
	h = page_begin(r, title, NAV_DISTRICTS);
	heading(r, h, v, title);
	html_open(h, "p", NULL);
	pf_link(h, base(r, v), "Alla åtgärder");
	html_close(h);
	pf_notice_done(r, h, NULL);
	if (page_source(r, h, "measure", id, pf_s(&c.m, 0, "source")) != 0)
		return r->status;
	html_elem(h, "h2", "Ändra åtgärden", NULL);
	measure_form(r, h, &c, 0, f, e, pf_printf(r, "%s/%lld", base(r, v), (long long)id), "Spara");
	html_elem(h, "h2", "Ta bort åtgärden", NULL);
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/%lld/ta-bort", base(r, v), (long long)id), NULL);
	form_csrf_field(r, h);
	form_button(h, "Ta bort åtgärden", "danger");
	html_close(h);
	return page_end_status(r, h, status);
}

int page_pv_measure(struct http_req *r)
{
	struct pv_head v;
	int64_t id;
	int rc;

	if ((rc = page_pv(r, &v)) != 0 || (rc = measure_id(r, &id)) != 0)
		return rc;
	return render_one(r, &v, id, NULL, NULL, 200);
}

int page_pv_measure_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	struct plan_measure_in in;
	const char *field = NULL;
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = measure_id(r, &id)) != 0)
		return rc;
	read_measure(r, &f, &in, &e);
	if (e.n)
		return render_one(r, &v, id, &f, &e, 422);
	if (plan_measure_change(r->st, &who, v.id, id, &in, NULL, &field, &r->err) != LUP_OK)
		return edit_error(r, field, &e) ? render_one(r, &v, id, &f, &e, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s/%lld?klart=sparat", base(r, &v), (long long)id));
}

int page_pv_measure_remove(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = measure_id(r, &id)) != 0)
		return rc;
	if (plan_measure_remove(r->st, &who, v.id, id, &r->err) != LUP_OK)
		return edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=borttagen", base(r, &v)));
}
