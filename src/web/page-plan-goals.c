/* page-plan-goals.c: the goals (målsättningar) of a draft LUP version in forms, for the plan
 * owner's editors and administrators:
 *	GET/POST /plan/{key}/version/{n}/mal: the goals by theme with links to their forms; the form
 *	  for a new goal (the POST);
 *	GET/POST /plan/{key}/version/{n}/mal/{id}: change a goal;
 *	GET/POST /plan/{key}/version/{n}/mal/{id}/ta-bort: the question, then the deletion.
 * The fields: Tema, Område (the district or one of its neighbourhoods and places), Kön (Kvinnor,
 * Män, Alla), Tidshorisont (5 år / 15–20 år: stadens genomsnitt) and its year, Utgångsläge (value,
 * year), Målvärde eller riktning, Indikator (an existing one, or the name, unit, direction and
 * "per kön" of a new one). The writes are edit/plan-goal's (the frozen rule, one transaction with
 * its audit entries). */
#include "web/pages-forms.h"
#include "web/plan-edit.h"
#include "web/frozen.h"
#include "edit/plan-goal.h"
#include "model/fmt.h"
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const SEX_V[] = { "K", "M", "T", NULL };
static const char *const SEX_L[] = { "Kvinnor", "Män", "Alla", NULL };
static const char *const HOR_V[] = { "5y", "long", NULL };
static const char *const HOR_L[] = { "5 år", "15–20 år: stadens genomsnitt", NULL };
static const char *const DIR_V[] = { "", "higher", "lower", NULL };
static const char *const DIR_L[] = { "Ingen riktning", "Ökande (högre är målet)", "Minskande (lägre är målet)", NULL };
static const char *const IDIR_V[] = { "higher", "lower", "none", NULL };
static const char *const IDIR_L[] = { "Högre värde är bättre", "Lägre värde är bättre", "Ingen riktning", NULL };
static const char *const BYSEX_V[] = { "1", "0", NULL };
static const char *const BYSEX_L[] = { "Ja, per kön", "Nej, bara totalt", NULL };

static const char *label_of(const char *const *v, const char *const *l, const char *s)
{
	for (int i = 0; s && v[i]; i++)
		if (strcmp(v[i], s) == 0)
			return l[i];
	return s;
}

static const char *base(struct http_req *r, const struct pv_head *v)
{
	return pf_href(r, "/plan/%s/version/%lld/mal", v->plan, (long long)v->version);
}

/* num_sv: a stored number as Swedish text with at most 2 decimals, trailing zeros dropped. */
static const char *num_sv(struct http_req *r, const char *s)
{
	char buf[64];
	size_t n;

	if (!s || model_fmt_num(strtod(s, NULL), 2, buf, sizeof(buf)) != 0)
		return s;
	n = strlen(buf);
	while (n && strchr(buf, ',') && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n && buf[n - 1] == ',')
		buf[--n] = '\0';
	return arena_strdup(&r->a, buf);
}

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

/* What the goal forms choose from: the version's themes, the district's areas, the indicators. */
struct choices {
	struct rowset themes, al, gr, areas, inds;
};

static int load_choices(struct http_req *r, const struct pv_head *v, struct choices *c)
{
	struct sval a[] = { SVI(v->district), SVI(v->id) }, o = SVI(v->owner);

	if (pv_themes(r, v->id, &c->themes, &c->al, &c->gr) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	if (pf_query(r, &c->areas, STMT_PT_AREAS, a, 2) || pf_query(r, &c->inds, STMT_PG_INDICATORS, &o, 1))
		return r->status;
	return 0;
}

/* select_of: a select of rs's column vcol shown as lcol (first: an optional leading choice). */
static void select_of(struct http_req *r, struct html *h, const struct form_errors *e, const char *name,
		      const char *label, const struct rowset *rs, const char *vcol, const char *lcol,
		      const char *first_v, const char *first_l, const char *selected, const char *hint)
{
	const char **vals = arena_alloc(&r->a, (size_t)(rs->nrows + 2) * sizeof(*vals));
	const char **labs = arena_alloc(&r->a, (size_t)(rs->nrows + 2) * sizeof(*labs));
	int n = 0;

	if (first_v)
		vals[n] = first_v, labs[n++] = first_l;
	for (int i = 0; i < rs->nrows; i++) {
		vals[n] = pf_s(rs, i, vcol);
		labs[n++] = pf_s(rs, i, lcol);
	}
	vals[n] = labs[n] = NULL;
	form_select(h, e, name, label, vals, labs, selected, hint);
}

/* goal_fields: the form's fields, kept from f, else from row i of g (NULL: a new goal). */
static void goal_fields(struct http_req *r, struct html *h, const struct pv_head *v, const struct choices *c,
			const struct form *f, const struct form_errors *e, const struct rowset *g)
{
	int new = g == NULL;
#define CUR(col) (new ? NULL : pf_s(g, 0, col))
	struct rowset ind_lab = c->inds;

	form_input(h, e, "titel", "Mål", "text", form_kept(f, "titel", CUR("title")), "Målet i en mening.", NULL);
	form_textarea(h, e, "beskrivning", "Beskrivning", form_kept(f, "beskrivning", CUR("description")), NULL, 3);
	select_of(r, h, e, "tema", "Tema", &c->themes, "id", "name", NULL, NULL,
		  form_kept(f, "tema", CUR("theme")), NULL);
	select_of(r, h, e, "omrade", "Område", &c->areas, "key", "name", v->district_key ? v->district_key : "",
		  v->district_name ? pf_printf(r, "%s (hela stadsdelsområdet)", v->district_name) : "Hela stadsdelsområdet",
		  form_kept(f, "omrade", CUR("area")), "Stadsdelsområdet eller ett av dess områden.");
	form_select(h, e, "kon", "Kön", SEX_V, SEX_L, form_kept(f, "kon", new ? "T" : CUR("sex")),
		    "Kvinnor och män får var sitt mål där det är relevant.");
	form_select(h, e, "horisont", "Tidshorisont", HOR_V, HOR_L, form_kept(f, "horisont", new ? "5y" : CUR("horizon")),
		    "5-årsmålet, eller ambitionen att nå stadens genomsnitt på 15–20 år.");
	form_input(h, e, "horisont_ar", "Målår", "text", form_kept(f, "horisont_ar", CUR("horizon_year")),
		   "Året målet ska vara nått, till exempel 2029.", NULL);
	form_input(h, e, "utgang_varde", "Utgångsläge: värde", "text",
		   form_kept(f, "utgang_varde", num_sv(r, CUR("baseline_value"))), "Indikatorns värde i utgångsåret.", NULL);
	form_input(h, e, "utgang_ar", "Utgångsläge: år", "text", form_kept(f, "utgang_ar", CUR("baseline_year")), NULL, NULL);
	form_input(h, e, "malvarde", "Målvärde", "text", form_kept(f, "malvarde", num_sv(r, CUR("target_value"))),
		   "Målvärde eller riktning (eller båda). Utan målvärde på 15–20 år är målet stadens genomsnitt.", NULL);
	form_select(h, e, "riktning", "Riktning", DIR_V, DIR_L, form_kept(f, "riktning", CUR("target_direction") ?
											     CUR("target_direction") : ""), NULL);
	for (int i = 0; i < ind_lab.nrows; i++) {	/* labels: "name (unit) – Kolada" */
		const char *u = pf_s(&c->inds, i, "unit"), *k = pf_s(&c->inds, i, "source_kind");
		ind_lab.rows[i][1].s = pf_printf(r, "%s%s%s%s%s", pf_s(&c->inds, i, "name"), u ? " (" : "", u ? u : "",
						 u ? ")" : "", k && strcmp(k, "kolada") == 0 ? " – Kolada" : "");
	}
	select_of(r, h, e, "indikator", "Indikator", &ind_lab, "key", "name", "", "Ny indikator (beskriv den nedan)",
		  form_kept(f, "indikator", CUR("indicator") ? CUR("indicator") : ""),
		  "En befintlig indikator (nämndens egen eller en officiell från Kolada), eller en ny.");
	html_open(h, "fieldset", NULL);
	html_elem(h, "legend", "Ny indikator", NULL);
	form_input(h, e, "ny_namn", "Namn", "text", form_kept(f, "ny_namn", NULL), NULL, NULL);
	form_input(h, e, "ny_enhet", "Enhet", "text", form_kept(f, "ny_enhet", NULL), "Till exempel %.", NULL);
	form_select(h, e, "ny_riktning", "Riktning", IDIR_V, IDIR_L, form_kept(f, "ny_riktning", "higher"), NULL);
	form_select(h, e, "ny_per_kon", "Redovisas per kön", BYSEX_V, BYSEX_L, form_kept(f, "ny_per_kon", "1"), NULL);
	html_close(h);
#undef CUR
}

/* goal_row: one goal of the list. */
static void goal_row(struct http_req *r, struct html *h, const struct pv_head *v, const struct rowset *g, int i)
{
	const char *tv = pf_s(g, i, "target_value"), *td = pf_s(g, i, "target_direction");
	const char *bv = pf_s(g, i, "baseline_value"), *u = pf_s(g, i, "indicator_unit");
	const char *sp = u ? " " : "";

	u = u ? u : "";

	html_open(h, "tr", NULL);
	html_open(h, "td", NULL);
	pf_link(h, pf_printf(r, "%s/%s", base(r, v), pf_s(g, i, "id")), pf_s(g, i, "title"));
	html_close(h);
	html_elem(h, "td", pf_s(g, i, "theme_name") ? pf_s(g, i, "theme_name") : "–", NULL);
	html_elem(h, "td", pf_s(g, i, "area_name") ? pf_s(g, i, "area_name") : "–", NULL);
	html_elem(h, "td", label_of(SEX_V, SEX_L, pf_s(g, i, "sex")), NULL);
	html_elem(h, "td", pf_printf(r, "%s (%s)", label_of(HOR_V, HOR_L, pf_s(g, i, "horizon")),
				     pf_s(g, i, "horizon_year") ? pf_s(g, i, "horizon_year") : "–"), NULL);
	html_elem(h, "td", bv ? pf_printf(r, "%s%s%s (%s)", num_sv(r, bv), sp, u, pf_s(g, i, "baseline_year")) : "–", NULL);
	html_elem(h, "td", tv ? pf_printf(r, "%s%s%s", num_sv(r, tv), sp, u) : td ? label_of(DIR_V, DIR_L, td) :
		  strcmp(pf_s(g, i, "benchmark") ? pf_s(g, i, "benchmark") : "", "city_average") == 0 ? "Stadens genomsnitt" : "–",
		  NULL);
	html_elem(h, "td", pf_s(g, i, "indicator_name") ? pf_s(g, i, "indicator_name") : "–", NULL);
	html_close(h);
}

static int render_list(struct http_req *r, const struct pv_head *v, const struct form *f,
		       const struct form_errors *e, int status)
{
	static const char *const cols[] = { "Mål", "Tema", "Område", "Kön", "Tidshorisont", "Utgångsläge",
					    "Målvärde eller riktning", "Indikator" };
	struct sval a = SVI(v->id);
	struct choices c;
	struct rowset g;
	struct html *h;
	int rc;

	if ((rc = load_choices(r, v, &c)) != 0 || pf_query(r, &g, STMT_PG_GOALS, &a, 1))
		return rc ? rc : r->status;
	h = page_begin(r, "Målsättningar", NAV_DISTRICTS);
	heading(r, h, v, "Målsättningar");
	const char *done = http_query(r, "klart");
	if (done && strcmp(done, "borttaget") == 0)
		pf_notice(h, "Målet är borttaget.");
	else if (done && strcmp(done, "ny") == 0)
		pf_notice(h, "Målet är tillagt.");
	html_elem(h, "h2", "Målsättningar per tema", NULL);
	if (!g.nrows)
		html_elem(h, "p", "Versionen har inga målsättningar ännu.", NULL);
	else {
		html_open(h, "table", NULL);
		html_open(h, "thead", NULL);
		html_open(h, "tr", NULL);
		for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
			html_elem(h, "th", cols[i], "scope", "col", NULL);
		html_close(h);
		html_close(h);
		html_open(h, "tbody", NULL);
		for (int i = 0; i < g.nrows; i++)
			goal_row(r, h, v, &g, i);
		html_close(h);
		html_close(h);
	}
	html_elem(h, "h2", "Ny målsättning", NULL);
	if (!c.themes.nrows)
		html_elem(h, "p", "Lägg först till ett tema: varje målsättning hör till ett tema.", NULL);
	html_open(h, "form", "method", "post", "action", base(r, v), NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	goal_fields(r, h, v, &c, f, e, NULL);
	form_button(h, "Lägg till målet", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_pv_goals(struct http_req *r)
{
	struct pv_head v;
	int rc;

	if ((rc = page_pv(r, &v)) != 0)
		return rc;
	return render_list(r, &v, NULL, NULL, 200);
}

/* number: the field as a number (a decimal comma allowed); 0 with *has 0 when blank; -1 with a
 * Swedish error at the field when it is no number. */
static int number(struct http_req *r, const struct form *f, const char *name, double *v, int *has,
		  struct form_errors *e)
{
	const char *s = form_get_trim(r, f, name);
	char *t, *end;

	*has = 0;
	if (form_blank(s))
		return 0;
	t = arena_strdup(&r->a, s);
	for (char *p = t; *p; p++)
		if (*p == ',')
			*p = '.';
	*v = strtod(t, &end);
	if (*end || !isfinite(*v) || strlen(s) > 40) {
		form_error(r, e, name, "Skriv ett tal, till exempel 61,5.");
		return -1;
	}
	*has = 1;
	return 0;
}

static int year(struct http_req *r, const struct form *f, const char *name, int64_t *y, int *has,
		struct form_errors *e)
{
	const char *s = form_get_trim(r, f, name);
	long v;

	*has = 0;
	if (form_blank(s))
		return 0;
	if (pf_parse_year(s, &v) != 0) {
		form_error(r, e, name, "Skriv året med fyra siffror, till exempel 2029.");
		return -1;
	}
	*y = v, *has = 1;
	return 0;
}

/* read_goal: the form's fields into in (every field set) and n (the new indicator). */
static void read_goal(struct http_req *r, const struct form *f, struct plan_goal_in *in, struct plan_goal_new_ind *n,
		      struct form_errors *e)
{
	const char *t = form_get(f, "tema"), *ind = form_get_trim(r, f, "indikator");
	char *end = NULL;

	memset(in, 0, sizeof(*in));
	memset(n, 0, sizeof(*n));
	in->title = form_get_trim(r, f, "titel");
	in->description = form_get_trim(r, f, "beskrivning");
	in->theme = t && strlen(t) < 19 ? strtoll(t, &end, 10) : 0;
	in->area = form_nonempty(form_get_trim(r, f, "omrade"));
	in->sex = form_nonempty(form_get(f, "kon"));
	in->horizon = form_nonempty(form_get(f, "horisont"));
	in->target_direction = form_nonempty(form_get(f, "riktning"));
	in->set_title = in->set_description = in->set_theme = in->set_area = in->set_sex = in->set_horizon = 1;
	in->set_horizon_year = in->set_baseline_value = in->set_baseline_year = in->set_target_value = 1;
	in->set_target_direction = 1;
	in->source = "web";
	year(r, f, "horisont_ar", &in->horizon_year, &in->has_horizon_year, e);
	number(r, f, "utgang_varde", &in->baseline_value, &in->has_baseline_value, e);
	year(r, f, "utgang_ar", &in->baseline_year, &in->has_baseline_year, e);
	number(r, f, "malvarde", &in->target_value, &in->has_target_value, e);
	if (!form_blank(ind)) {
		in->indicator = ind, in->set_indicator = 1;
		if (!form_blank(form_get_trim(r, f, "ny_namn")))
			form_error(r, e, "ny_namn", "Välj en befintlig indikator eller beskriv en ny, inte båda.");
	} else if (!form_blank(form_get_trim(r, f, "ny_namn"))) {
		n->name = form_get_trim(r, f, "ny_namn");
		n->unit = form_nonempty(form_get_trim(r, f, "ny_enhet"));
		n->direction = form_nonempty(form_get(f, "ny_riktning"));
		n->by_sex = form_get(f, "ny_per_kon") && strcmp(form_get(f, "ny_per_kon"), "1") == 0;
		in->new_indicator = n;
	} else {
		form_error(r, e, "indikator", "Välj en befintlig indikator eller beskriv en ny.");
	}
}

/* The edit layer's fields as the form's, with the Swedish message. */
static const struct { const char *field, *form, *msg; } FIELD_SV[] = {
	{ "title", "titel", "Skriv målet på en rad (högst 500 tecken)." },
	{ "description", "beskrivning", "Beskrivningen får vara högst 20 000 tecken." },
	{ "theme", "tema", "Välj ett av versionens teman." },
	{ "area", "omrade", "Välj stadsdelsområdet eller ett av dess områden." },
	{ "sex", "kon", "Välj Kvinnor, Män eller Alla." },
	{ "horizon", "horisont", "Välj tidshorisont: 5 år eller 15–20 år." },
	{ "horizon_year", "horisont_ar", "Målåret ska ligga 1–8 år efter utgångsåret för 5-årsmålet och 10–25 år "
	  "efter för stadens genomsnitt (utan utgångsår räknas från programmets första år)." },
	{ "baseline_value", "utgang_varde", "Utgångsläget är ett värde och ett år: ange båda eller inget." },
	{ "baseline_year", "utgang_ar", "Utgångsläget är ett värde och ett år, och året ligger inte efter målåret." },
	{ "target_value", "malvarde", "Ange ett målvärde eller en riktning." },
	{ "target_direction", "riktning", "Välj en riktning i listan." },
	{ "benchmark", "malvarde", "Ange ett målvärde eller en riktning." },
	{ "indicator", "indikator", "Välj en av nämndens indikatorer eller en officiell från Kolada, eller beskriv en ny." },
	{ "new_indicator.name", "ny_namn", "Skriv den nya indikatorns namn på en rad (högst 300 tecken)." },
	{ "new_indicator.unit", "ny_enhet", "Enheten är en rad på högst 40 tecken." },
	{ "new_indicator.direction", "ny_riktning", "Välj en riktning i listan." },
};

static int edit_error(struct http_req *r, const char *field, struct form_errors *e)
{
	if (r->err.code != LUP_EINVAL || !field)
		return 0;
	for (size_t i = 0; i < sizeof(FIELD_SV) / sizeof(FIELD_SV[0]); i++)
		if (strcmp(FIELD_SV[i].field, field) == 0) {
			form_error(r, e, FIELD_SV[i].form, "%s", FIELD_SV[i].msg);
			return 1;
		}
	form_error(r, e, "titel", "Kontrollera uppgifterna.");
	return 1;
}

static int edit_fail_page(struct http_req *r)
{
	if (r->err.code == LUP_ECONFLICT)
		return page_error(r, 409, strstr(r->err.msg, "adopted") ? FROZEN_SV :
					  "Målet används av aktiviteter eller andra mål och kan inte tas bort.");
	if (r->err.code == LUP_ENOTFOUND)
		return page_error(r, 404, "Det finns ingen sådan målsättning i versionen.");
	return form_fail_page(r, http_fail(r));
}

int page_pv_goals_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	struct plan_goal_new_ind n;
	struct plan_goal_in in;
	const char *field = NULL;
	struct pv_head v;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0)
		return rc;
	read_goal(r, &f, &in, &n, &e);
	if (e.n)
		return render_list(r, &v, &f, &e, 422);
	if (plan_goal_create(r->st, &who, v.id, &in, &id, &field, &r->err) != LUP_OK)
		return edit_error(r, field, &e) ? render_list(r, &v, &f, &e, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=ny", base(r, &v)));
}

/* load_one: the goal of the route's param 2 into *g (404 page when it is not one of v's). */
static int load_one(struct http_req *r, const struct pv_head *v, struct rowset *g, int64_t *id)
{
	const char *p = r->params[2];
	char *end = NULL;

	*id = p && strlen(p) < 19 ? strtoll(p, &end, 10) : 0;
	if (*id <= 0 || (end && *end))
		return page_error(r, 404, "Det finns ingen sådan målsättning i versionen.");
	struct sval a[] = { SVI(*id), SVI(v->id) };
	if (pf_query(r, g, STMT_PG_GOAL, a, 2))
		return r->status;
	if (!g->nrows)
		return page_error(r, 404, "Det finns ingen sådan målsättning i versionen.");
	return 0;
}

static int render_one(struct http_req *r, const struct pv_head *v, const struct rowset *g, int64_t id,
		      const struct form *f, const struct form_errors *e, int status)
{
	const char *title = pf_printf(r, "Målsättning: %s", pf_s(g, 0, "title"));
	struct choices c;
	struct html *h;
	int rc;

	if ((rc = load_choices(r, v, &c)) != 0)
		return rc;
	h = page_begin(r, title, NAV_DISTRICTS);
	heading(r, h, v, title);
	html_open(h, "p", NULL);
	pf_link(h, base(r, v), "Alla målsättningar");
	html_close(h);
	if (http_query(r, "klart"))
		pf_notice(h, "Ändringen är sparad.");
	html_elem(h, "h2", "Ändra målet", NULL);
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/%lld", base(r, v), (long long)id), NULL);
	form_error_summary(h, e, 3);
	form_csrf_field(r, h);
	goal_fields(r, h, v, &c, f, e, g);
	form_button(h, "Spara", NULL);
	html_close(h);
	html_elem(h, "h2", "Ta bort målet", NULL);
	html_open(h, "p", NULL);
	pf_link(h, pf_printf(r, "%s/%lld/ta-bort", base(r, v), (long long)id), "Ta bort målet …");
	html_close(h);
	return page_end_status(r, h, status);
}

int page_pv_goal(struct http_req *r)
{
	struct pv_head v;
	struct rowset g;
	int64_t id;
	int rc;

	if ((rc = page_pv(r, &v)) != 0 || (rc = load_one(r, &v, &g, &id)) != 0)
		return rc;
	return render_one(r, &v, &g, id, NULL, NULL, 200);
}

int page_pv_goal_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct form_errors e = { 0 };
	struct plan_goal_new_ind n;
	struct plan_goal_in in;
	const char *field = NULL;
	struct pv_head v;
	struct rowset g;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = load_one(r, &v, &g, &id)) != 0)
		return rc;
	read_goal(r, &f, &in, &n, &e);
	if (e.n)
		return render_one(r, &v, &g, id, &f, &e, 422);
	if (plan_goal_change(r->st, &who, v.id, id, &in, NULL, &field, &r->err) != LUP_OK)
		return edit_error(r, field, &e) ? render_one(r, &v, &g, id, &f, &e, 422) : edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s/%lld?klart=sparat", base(r, &v), (long long)id));
}

int page_pv_goal_delete(struct http_req *r)
{
	struct pv_head v;
	struct rowset g;
	struct html *h;
	int64_t id;
	int rc;

	if ((rc = page_pv(r, &v)) != 0 || (rc = load_one(r, &v, &g, &id)) != 0)
		return rc;
	h = page_begin(r, "Ta bort målet", NAV_DISTRICTS);
	heading(r, h, &v, "Ta bort målet");
	html_open(h, "p", NULL);
	html_textf(h, "Vill du ta bort målet ”%s”? En indikator som skrevs för målet tas bort med det, om inte "
		   "ett annat mål mäts med den.", pf_s(&g, 0, "title"));
	html_close(h);
	html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/%lld/ta-bort", base(r, &v), (long long)id), NULL);
	form_csrf_field(r, h);
	form_button(h, "Ja, ta bort målet", "danger");
	html_close(h);
	html_open(h, "p", NULL);
	pf_link(h, pf_printf(r, "%s/%lld", base(r, &v), (long long)id), "Nej, tillbaka till målet");
	html_close(h);
	return page_end(r, h);
}

int page_pv_goal_delete_post(struct http_req *r)
{
	struct edit_actor who = pv_actor(r);
	struct pv_head v;
	struct rowset g;
	struct form f;
	int64_t id;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = page_pv(r, &v)) != 0 || (rc = load_one(r, &v, &g, &id)) != 0)
		return rc;
	if (plan_goal_delete(r->st, &who, v.id, id, &r->err) != LUP_OK)
		return edit_fail_page(r);
	return form_redirect(r, pf_printf(r, "%s?klart=borttaget", base(r, &v)));
}
