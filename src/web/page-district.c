/* page-district.c: GET /stadsdel/{key}[?ar=YYYY&indikator=KEY], one district (stadsdelsområde):
 * its LUP (the 7 sections where the plan has them, themes, prioritised areas, its goals with their
 * trajectories (page-district-goals.c), measures by theme
 * with partners, intended partners), the other organisations' activities there, its indicators
 * against the city average (page-district-indicators.c), an activity
 * timeline and the resources allocated to it. Anonymous visitors see the LUP's adopted version;
 * users who may read its draft (authz_plan_draft_readable) choose a version with ?version=N or
 * ?version=utkast, and the owner's editors and administrators get a link to adopt a draft, or,
 * when the plan has none, the "Skapa ny version" form (page-plan-new-version.c). */
#include "web/pages-places.h"
#include "web/page-district-trajectory.h"
#include "web/download.h"
#include "web/authz.h"
#include "web/pages-forms.h"
#include "web/form.h"
#include "web/page-district-contributions.h"
#include "model/need.h"
#include "model/planver.h"
#include "edit/plan-section.h"
#include "render/markdown.h"
#include "store/store.h"
#include "core/collate.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "core/err.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The last TIME_MEMO texts of dates and their Swedish forms (date_sv); the texts are the row
 * sets' and the forms the request's arena's, so both live as long as the page. */
#define TIME_MEMO 8
struct time_memo {
	const char *in[TIME_MEMO], *out[TIME_MEMO];
	unsigned n;
};

/* An activity of STMT_WEB_PLACES_DISTRICT_ACTIVITIES, read into its own struct (act_cb): its
 * integers are not formatted to text and no column is looked up by name per row. Its owner's
 * key, name and pair are its owner's row of STMT_WEB_PLACES_ORGS_BY_ID (act_owners). Its role's,
 * status' and dates' texts come as read (others' table shows the dates so) and in the Swedish
 * forms the page writes, each found once per distinct text (act_word). */
struct act {
	int64_t id, owner_id, owner_pair, start_first, end_last, plan_version_id;	/* NULL: 0 */
	int undated;			/* start_first is NULL */
	int owner_rank;			/* its owner's name's place in Swedish order (act_owners) */
	const char *key, *title, *owner, *owner_name, *start_text, *end_text;
	const char *role_sv, *status_sv, *start_sv, *end_sv;	/* places_role_sv, _status_sv, date_sv */
};

/* The distinct texts of a column of few values (a role, a status, a date) met so far, each as
 * read (a copy) and in its Swedish form: a row's text is looked up here, not copied and
 * translated per row. */
#define ACT_WORDS 16
struct act_words {
	const char *raw[ACT_WORDS], *sv[ACT_WORDS];
	int n, last;			/* last: the one met last, looked at first */
};

/* The activities as read (act_cb): the columns' places, found by name from the first row. */
enum { AC_ID, AC_KEY, AC_TITLE, AC_OWNER_ID, AC_ROLE, AC_STATUS, AC_START_TEXT, AC_END_TEXT, AC_START_FIRST,
       AC_END_LAST, AC_PLAN_VERSION, AC__MAX };
enum { AW_ROLE, AW_STATUS, AW_START, AW_END, AW__MAX };
struct acts {
	struct arena *a;
	struct act *row;
	int n, cap;
	int col[AC__MAX];		/* -1 until the first row */
	int bad;			/* a column was missing: the rows stopped */
	struct district *x;		/* the page (date_sv) */
	struct act_words words[AW__MAX];	/* the roles, statuses and dates met (act_word) */
};

/* cols_of: the places in r of the n columns names, in col, found by name (once per statement,
 * from its first row; the place of the name before it, plus one, first: the statements give
 * them in order). Returns 0, or -1 when one is missing. */
static int cols_of(const struct store_row *r, const char *const *names, int n, int *col)
{
	int nc = store_ncols(r);

	for (int c = 0; c < n; c++) {
		int at = c ? col[c - 1] + 1 : 0;
		col[c] = at < nc && strcmp(store_col_name(r, at), names[c]) == 0 ? at : -1;
		for (int i = 0; i < nc && col[c] < 0; i++)
			if (strcmp(store_col_name(r, i), names[c]) == 0)
				col[c] = i;
		if (col[c] < 0)
			return -1;
	}
	return 0;
}

/* col_copy: column c of r, a copy in a (NULL when NULL) */
static const char *col_copy(struct arena *a, const struct store_row *r, int c)
{
	const char *t = store_col_text(r, c);

	return t ? arena_strdup(a, t) : NULL;
}

/* A prioritised measure of STMT_WEB_PLACES_DISTRICT_MEASURES (measure_cb), once per theme; its
 * source is a row of STMT_WEB_PLACES_MEASURE_SOURCES (measure_row). */
struct measure {
	int64_t id, theme_id;		/* NULL: 0 */
	const char *title, *description, *status, *start_text, *end_text;
};

enum { MC_ID, MC_THEME_ID, MC_TITLE, MC_DESCRIPTION, MC_STATUS, MC_START_TEXT, MC_END_TEXT, MC__MAX };
struct measures {
	struct arena *a;
	struct measure *row;
	int n, cap;
	int col[MC__MAX];		/* -1 until the first row */
	int bad;			/* a column was missing: the rows stopped */
};

/* A resource allocated to the district of STMT_WEB_PLACES_DISTRICT_ALLOCATIONS (alloc_cb). */
struct alloc {
	int64_t org_id, area_id, example, year;
	const char *org, *org_name;	/* its organisation's key and name (act_owners) */
	const char *area, *year_text, *kind, *kind_sv, *unit, *note;
	double amount;			/* NAN when NULL */
	int rank[2];			/* the org's and area's names' Swedish ranks (sort_alloc) */
	int kind_ord;			/* money, staff, places, the others (kind_order) */
};

enum { LC_ORG_ID, LC_AREA, LC_YEAR, LC_KIND, LC_AMOUNT, LC_UNIT, LC_NOTE, LC_EXAMPLE, LC_AREA_ID, LC__MAX };
struct allocs {
	struct arena *a;
	struct alloc *row;
	int n, cap;
	int col[LC__MAX];		/* -1 until the first row */
	int bad;			/* a column was missing: the rows stopped */
	/* the texts met (alloc_cb), each read and copied once: the kinds (sv: the Swedish word),
	 * the units, the areas' names and years' texts */
	struct act_words kinds, units;
	int64_t area_id[ACT_WORDS], year[ACT_WORDS];
	const char *area[ACT_WORDS], *year_text[ACT_WORDS];
	int nareas, nyears;
};

/* What the parts of the page share. */
struct district {
	struct http_req *r;
	struct html *h;
	struct rowset d;		/* STMT_WEB_PLACES_DISTRICT_COMMITTEE: the district, its committee */
	struct rowset lup;		/* STMT_PV_DISTRICT_VERSION (0 or 1 row): the version shown */
	struct acts acts;		/* STMT_WEB_PLACES_DISTRICT_ACTIVITIES */
	struct rowset standing;		/* STMT_CB_DISTRICT_STATUS */
	struct district_goals goals;	/* STMT_PG_GOALS, STMT_PG_OUTCOMES */
	struct sval key_arg;
	struct rowset contrib;		/* STMT_WEB_PLACES_DISTRICT_CONTRIB: other organisations' contributions */
	struct rowset cversions;	/* STMT_WEB_PLACES_CONTRIB_VERSIONS: the contribution plans' versions */
	struct rowset owners;		/* STMT_WEB_PLACES_ORGS_BY_ID: the activities' owners */
	/* the sections' reads, fetched together (fetch) */
	struct rowset nb;		/* STMT_WEB_PLACES_DISTRICT_NEIGHBOURHOODS: level, name */
	struct rowset vs;		/* STMT_PV_LIST: the versions the caller may read (with a LUP) */
	struct rowset sec;		/* STMT_PV_SECTIONS (with a LUP) */
	struct rowset themes;		/* STMT_WEB_PLACES_THEMES */
	struct rowset aliases, groups;	/* STMT_WEB_PLACES_THEME_ALIASES, _THEME_GROUPS */
	struct rowset pareas;		/* STMT_PV_PAREAS */
	struct measures measures;	/* STMT_WEB_PLACES_DISTRICT_MEASURES */
	struct rowset mpartners;	/* STMT_WEB_PLACES_MEASURE_PARTNERS */
	struct rowset msources;		/* STMT_WEB_PLACES_MEASURE_SOURCES: by measure */
	struct rowset partners;		/* STMT_PV_PARTNERS */
	struct allocs alloc;		/* STMT_WEB_PLACES_DISTRICT_ALLOCATIONS */
	int64_t id, committee_id, version_id;
	int64_t committee_pair;		/* the committee's pair (its administration): 0 when none */
	int drafts;			/* the caller may read the LUP's draft */
	const char *key, *name;
	struct time_memo dates;		/* page_time's answers by text (date_sv) */
};

/* date_sv: page_time's Swedish form of a date's text, remembered by the text for the request:
 * the measures and the activity timeline hold few distinct dates (Spånga-Tensta: about 300
 * dates of 25 texts, each 600 instructions in model_time_sv and a copy). */
static const char *date_sv(struct district *x, const char *text)
{
	struct time_memo *m = &x->dates;
	unsigned n = m->n < TIME_MEMO ? m->n : TIME_MEMO;

	if (!text)
		return page_time(x->r, text);
	for (unsigned i = 0; i < n; i++)
		if (m->in[i][0] == text[0] && strcmp(m->in[i], text) == 0)
			return m->out[i];
	const char *s = page_time(x->r, text);
	m->in[m->n % TIME_MEMO] = text;
	m->out[m->n % TIME_MEMO] = s;
	m->n++;
	return s;
}

/* section: <section> with <h2 id=anchor>title</h2>; the caller closes the section. */
static void section(struct html *h, const char *anchor, const char *title)
{
	HTML_OPEN_A(h, "section", "aria-labelledby", anchor);
	HTML_ELEM_A(h, "h2", "id", anchor, title);
}

static void fact(struct html *h, const char *term, const char *text)
{
	HTML_ELEM(h, "dt", term);
	HTML_ELEM(h, "dd", text);
}

/* version_fact: the version shown, its status and decision ("Antagen 2024-02-03, § 5, dnr D"). */
static void version_fact(struct district *x)
{
	struct html *h = x->h;
	const char *status = places_s(&x->lup, 0, "status");

	HTML_ELEM(h, "dt", "Version");
	HTML_OPEN_AV(h, "dd", "id", "version");
	html_textf(h, "Version %s: %s", places_s(&x->lup, 0, "version"), planver_status_sv(status));
	if (places_s(&x->lup, 0, "decided_on"))
		html_textf(h, " %s", page_time(x->r, places_s(&x->lup, 0, "decided_on")));
	if (places_s(&x->lup, 0, "paragraph"))
		html_textf(h, ", § %s", places_s(&x->lup, 0, "paragraph"));
	if (places_s(&x->lup, 0, "dnr"))
		html_textf(h, ", dnr %s", places_s(&x->lup, 0, "dnr"));
	if (strcmp(status ? status : "", "draft") != 0 && places_s(&x->lup, 0, "decided_by"))
		html_textf(h, " (beslut av %s)", places_s(&x->lup, 0, "decided_by"));
	html_close(h);
}

/* compare_link: "Jämför med föregående version" when a version the caller may read (vs) comes
 * before the one shown. */
static void compare_link(struct district *x, const struct rowset *vs)
{
	const char *shown = places_s(&x->lup, 0, "version");

	for (int i = 1; i < vs->nrows; i++)
		if (shown && strcmp(places_s(vs, i, "version"), shown) == 0) {
			HTML_OPEN_AV(x->h, "p", "class", "compare");
			pf_link(x->h, pf_href(x->r, "/plan/%s/jamfor?fran=%s&till=%s", places_s(&x->lup, 0, "key"),
					      places_s(vs, i - 1, "version"), shown), "Jämför med föregående version");
			html_close(x->h);
			return;
		}
}

/* has_draft: one of the versions vs (STMT_PV_LIST) is a draft. */
static int has_draft(const struct rowset *vs)
{
	for (int i = 0; i < vs->nrows; i++)
		if (strcmp(places_s(vs, i, "status"), "draft") == 0)
			return 1;
	return 0;
}

/* new_version_form: "Skapa ny version" (POST /stadsdel/{key}/ny-version), for those who may
 * adopt the plan when it has no draft. */
static void new_version_form(struct district *x)
{
	struct html *h = x->h;

	html_open(h, "form", "method", "post", "action", pf_href(x->r, "/stadsdel/%s/ny-version", x->key),
		  "class", "new-version", NULL);
	form_csrf_field(x->r, h);
	html_elem(h, "p", "Programmet har inget utkast. En ny version börjar som en kopia av den antagna "
		  "versionen och visas inte för allmänheten förrän den är antagen.", "class", "muted", NULL);
	form_button(h, "Skapa ny version", NULL);
	html_close(h);
}

/* done_notice: the notice of ?klart= after the adoption or the new-version form. */
static void done_notice(struct district *x)
{
	const char *k = http_query(x->r, "klart");

	if (k && strcmp(k, "antagen") == 0)
		pf_notice(x->h, "Versionen är antagen. Den är nu den version som alla ser.");
	else if (k && strcmp(k, "ny-version") == 0)
		pf_notice(x->h, "En ny version är skapad som utkast. Den visas inte för allmänheten förrän den är antagen.");
}

/* versions: for users who may read the draft, the choice between the plan's versions, and for
 * those who may adopt it a link to the adoption form. */
static void versions(struct district *x)
{
	struct http_req *r = x->r;
	struct html *h = x->h;
	const struct rowset *vs = &x->vs;

	if (!x->lup.nrows)
		return;
	compare_link(x, vs);
	if (!x->drafts)
		return;
	html_open(h, "nav", "class", "yearnav", "aria-label", "Programmets versioner", NULL);
	html_text(h, "Versioner: ");
	for (int i = 0; i < vs->nrows; i++) {
		const char *v = places_s(vs, i, "version"), *st = places_s(vs, i, "status");
		const char *label = pf_printf(r, "%s (%s)", v, planver_status_sv(st));
		if (i)
			html_text(h, " · ");
		if (strcmp(v, places_s(&x->lup, 0, "version")) == 0)
			HTML_ELEM_AV(h, "strong", "aria-current", "page", label);
		else
			html_elem(h, "a", label, "href", pf_href(r, "/stadsdel/%s?version=%s", x->key,
				  strcmp(st, "draft") == 0 ? "utkast" : v), NULL);
	}
	html_close(h);
	const char *status = places_s(&x->lup, 0, "status");
	int may_adopt = r->user.role == ROLE_ADMIN || (r->user.role == ROLE_EDITOR &&
		authz_member(&r->user, places_i(&x->lup, 0, "owner_id"), places_i(&x->lup, 0, "owner_pair")));
	if (may_adopt && !has_draft(vs))
		new_version_form(x);
	if (status && strcmp(status, "draft") == 0) {
		html_elem(h, "p", "Du ser ett utkast. Utkastet är inte offentligt: besökare som inte är inloggade ser "
			  "den antagna versionen.", "class", "muted", NULL);
		if (may_adopt)
			html_elem(h, "a", "Anta versionen", "href",
				  pf_href(r, "/stadsdel/%s/anta?version=%s", x->key, places_s(&x->lup, 0, "version")),
				  NULL);
	}
}

/* facts: committee, prioritised, neighbourhoods and the programme's plan. */
static void facts(struct district *x)
{
	const struct rowset *nb = &x->nb;
	struct html *h = x->h;

	HTML_OPEN_AV(h, "dl", "class", "facts");
	HTML_ELEM(h, "dt", "Stadsdelsnämnd");
	HTML_OPEN(h, "dd");
	places_link(x->r, h, "/organisation", places_s(&x->d, 0, "committee"), places_s(&x->d, 0, "committee_name"));
	html_close(h);
	fact(h, "Prioriterat program", places_i(&x->d, 0, "prioritised") ? "Ja, enligt budget 2017" : "Nej");
	HTML_ELEM(h, "dt", "Stadsdelar");
	HTML_OPEN(h, "dd");
	for (int i = 0, n = 0; i < nb->nrows; i++)
		if (strcmp(places_s(nb, i, "level"), "neighbourhood") == 0)
			html_textf(h, "%s%s", n++ ? ", " : "", places_s(nb, i, "name"));
	html_close(h);
	if (x->lup.nrows) {
		HTML_ELEM(h, "dt", "Lokalt utvecklingsprogram");
		HTML_OPEN(h, "dd");
		html_textf(h, "%s, %s–%s", places_s(&x->lup, 0, "title"), places_s(&x->lup, 0, "year_from"),
			   places_s(&x->lup, 0, "year_to"));
		html_close(h);
		version_fact(x);
	}
	html_close(h);
}

static void toc(struct html *h)
{
	static const char *const items[][2] = {
		{ "#avsnitt", "Programmets avsnitt" }, { "#teman", "Teman" },
		{ "#omraden", "Prioriterade områden" }, { "#malsattningar", "Målsättningar" }, { "#atgarder", "Åtgärder" },
		{ "#parter", "Samverkansparter" }, { "#bidrag", "Bidrag till programmet" },
		{ "#andra", "Andra organisationer här" },
		{ "#indikatorer", "Indikatorer" }, { "#tidslinje", "Tidslinje" }, { "#resurser", "Resursfördelning" },
	};
	html_open(h, "nav", "class", "toc", "aria-label", "Innehåll på sidan", NULL);
	HTML_OPEN(h, "ul");
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		HTML_OPEN(h, "li");
		HTML_ELEM_A(h, "a", "href", items[i][0], items[i][1]);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* section_body: a section's Markdown text (render/markdown.h; its "#" under the h3 of the title). */
static void section_body(struct html *h, const char *body)
{
	if (!body || !*body)
		HTML_ELEM(h, "p", "(Avsnittet saknar text.)");
	else if (md_render(h, body, strlen(body), 4) != MD_OK)
		HTML_ELEM(h, "p", body);
}

/* draft_edit_path: "/plan/KEY/version/N/avsnitt/" (in the arena) when the version shown is a
 * draft the caller may edit (an administrator, an editor of the plan's owner or its pair), else
 * NULL. */
static const char *draft_edit_path(struct district *x)
{
	struct http_req *r = x->r;
	const char *status = places_s(&x->lup, 0, "status");

	if (!status || strcmp(status, "draft") != 0 ||
	    !(r->user.role == ROLE_ADMIN || (r->user.role == ROLE_EDITOR &&
	      authz_member(&r->user, places_i(&x->lup, 0, "owner_id"), places_i(&x->lup, 0, "owner_pair")))))
		return NULL;
	return pf_href(r, "/plan/%s/version/%s/avsnitt/", places_s(&x->lup, 0, "key"), places_s(&x->lup, 0, "version"));
}

/* section_edit_link: a paragraph with a link to section ord of the draft at path ("Redigera
 * avsnitt N", or text). */
static void section_edit_link(struct http_req *r, struct html *h, const char *path, long ord, const char *text)
{
	char href[512], label[64];

	snprintf(href, sizeof(href), "%s%ld", path, ord);
	snprintf(label, sizeof(label), "Redigera avsnitt %ld", ord);
	HTML_OPEN_AV(h, "p", "class", "edit-link");
	HTML_ELEM_A(h, "a", "href", arena_strdup(&r->a, href), text ? text : label);
	html_close(h);
}

/* lup_sections: the 7 sections of the LUP template, where the plan has them. */
static void lup_sections(struct district *x)
{
	struct html *h = x->h;
	const struct rowset *s = &x->sec;

	section(h, "avsnitt", "Programmets avsnitt");
	if (!x->lup.nrows) {
		HTML_ELEM(h, "p", "Stadsdelsområdet har inget lokalt utvecklingsprogram i lup.");
		html_close(h);
		return;
	}
	if (!s->nrows)
		html_elem(h, "p", "Programmets text med LUP-mallens sju avsnitt (inledning, nulägesanalys, "
			  "prioriteringar, målsättningar, åtgärder, genomförande och mätmetoder) finns inte i lup "
			  "för det här stadsdelsområdet. Teman, områden, åtgärder och parter visas nedan.", NULL);
	const char *edit = draft_edit_path(x);
	for (int i = 0; i < s->nrows; i++) {
		HTML_OPEN(h, "h3");
		html_textf(h, "%s. %s", places_s(s, i, "ord"), places_s(s, i, "title"));
		html_close(h);
		if (edit)
			section_edit_link(x->r, h, edit, (long)places_i(s, i, "ord"), NULL);
		section_body(h, places_s(s, i, "body"));
	}
	for (int ord = 1; edit && !s->nrows && ord <= PLAN_SECTIONS; ord++)
		section_edit_link(x->r, h, edit, ord, plan_section_default_title(ord));
	html_close(h);
}

/* run_list: "Label: a, b, c" from column 1 of rs's run for id, each with the date until which it
 * was the name when column 2 has one (a theme's former name); nothing when empty. */
static void run_list(struct html *h, const struct rowset *rs, int64_t id, const char *lab)
{
	int from, to;

	places_run(rs, id, &from, &to);
	if (from == to)
		return;
	HTML_OPEN_AV(h, "p", "class", "desc");
	html_textf(h, "%s: ", lab);
	for (int i = from; i < to; i++)
	{
		html_textf(h, "%s%s", i > from ? ", " : "", rs->rows[i][1].s);
		if (rs->ncols > 2 && rs->rows[i][2].s)
			html_textf(h, " (tidigare namn till %s)", rs->rows[i][2].s);
	}
	html_close(h);
}

/* edit_link: for a draft shown to someone who may change it (an administrator, an editor of the
 * district's committee or its pair), a link to the version's form at page ("teman", "omraden"). */
static void edit_link(struct district *x, const char *page, const char *label)
{
	const struct http_user *u = &x->r->user;
	const char *status = x->lup.nrows ? places_s(&x->lup, 0, "status") : NULL;

	if (!status || strcmp(status, "draft") != 0 ||
	    !(u->role == ROLE_ADMIN || (u->role == ROLE_EDITOR && authz_member(u, x->committee_id, 0))))
		return;
	HTML_OPEN_AV(x->h, "p", "class", "edit-link");
	pf_link(x->h, pf_href(x->r, "/plan/%s/version/%s/%s", places_s(&x->lup, 0, "key"),
			      places_s(&x->lup, 0, "version"), page), label);
	html_close(x->h);
}

/* themes: the programme's themes in order with their other names and target groups. */
static void themes(struct district *x)
{
	struct html *h = x->h;
	const struct rowset *t = &x->themes;

	section(h, "teman", "Teman");
	edit_link(x, "teman", "Ändra teman");
	if (!t->nrows)
		HTML_ELEM(h, "p", "Programmet har inga teman i lup.");
	HTML_OPEN(h, "ol");
	for (int i = 0; i < t->nrows; i++) {
		int64_t id = places_i(t, i, "id");
		HTML_OPEN(h, "li");
		HTML_ELEM(h, "strong", places_s(t, i, "name"));
		if (places_i(t, i, "extra"))
			html_text(h, " (prioritering utöver temana)");
		if (places_s(t, i, "description"))
			HTML_ELEM_AV(h, "span", "class", "desc", places_s(t, i, "description"));
		run_list(h, &x->aliases, id, "Även kallat");
		run_list(h, &x->groups, id, "Målgrupper");
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* goals: the programme's goals with their trajectories (page-district-goals.c). */
static void goals(struct district *x)
{
	section(x->h, "malsattningar", "Målsättningar");
	edit_link(x, "mal", "Ändra målsättningar");
	page_district_goals(x->r, x->h, &x->goals);
	html_close(x->h);
}

/* pareas: the prioritised areas and how much of the district they cover. */
static void pareas(struct district *x)
{
	struct html *h = x->h;
	const char *scope = x->lup.nrows ? places_s(&x->lup, 0, "area_scope") : NULL;
	const struct rowset *pa = &x->pareas;

	section(h, "omraden", "Prioriterade områden");
	edit_link(x, "omraden", "Ändra prioriterade områden");
	if (scope && strcmp(scope, "all") == 0)
		HTML_ELEM(h, "p", "Programmet prioriterar alla stadsdelar i stadsdelsområdet.");
	else if (scope && strcmp(scope, "none") == 0)
		HTML_ELEM(h, "p", "Programmet pekar inte ut några särskilda områden.");
	if (!pa->nrows && !(scope && strcmp(scope, "none") == 0))
		HTML_ELEM(h, "p", "Inga prioriterade områden finns i lup.");
	HTML_OPEN(h, "ul");
	for (int i = 0; i < pa->nrows; i++) {
		HTML_OPEN(h, "li");
		html_text(h, places_s(pa, i, "name"));
		if (places_s(pa, i, "note"))
			html_textf(h, " – %s", places_s(pa, i, "note"));
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* measure_source: where an import found measure m (its row of x->msources, by measure: the
 * dataset's rows have none). */
static void measure_source(struct district *x, const struct measure *m)
{
	const struct rowset *s = &x->msources;
	struct html *h = x->h;
	int from, to;

	places_run(s, m->id, &from, &to);
	if (from == to || !s->rows[from][1].s)
		return;
	long long first = rowset_ic(s, from, 2), last = rowset_ic(s, from, 3);
	HTML_OPEN_AV(h, "span", "class", "source");
	if (last > first)
		html_textf(h, "Källa: %s, rad %lld–%lld", s->rows[from][1].s, first, last);
	else
		html_textf(h, "Källa: %s, rad %lld", s->rows[from][1].s, first);
	html_close(h);
}

/* measure_row: one measure with its status, start and partners (roles in Swedish). */
static void measure_row(struct district *x, const struct measure *m, const struct rowset *p)
{
	struct html *h = x->h;
	int from, to;

	HTML_TPL(h, "<tr><th scope=\"row\">" HTML_HOLE, m->title);
	if (m->description)
		HTML_TPL(h, "<span class=\"desc\">" HTML_HOLE "</span>", m->description);
	district_contrib_measure(x->r, h, &x->contrib, m->id);
	measure_source(x, m);
	HTML_TPL(h, "</th><td>" HTML_HOLE "</td><td class=\"date\">" HTML_HOLE "</td><td class=\"date\">"
		 HTML_HOLE "</td><td>", m->status ? places_measure_status_sv(m->status) : "–",
		 date_sv(x, m->start_text), date_sv(x, m->end_text));
	places_run(p, m->id, &from, &to);
	if (from == to)
		html_text(h, "–");
	for (int k = from; k < to; k++) {
		if (k > from)
			html_text(h, ", ");
		places_link(x->r, h, "/organisation", p->rows[k][1].s, p->rows[k][2].s);
		HTML_TPL(h, " (" HTML_HOLE ")", places_partner_role_sv(p->rows[k][3].s));
	}
	html_close(h);
	html_close(h);
}

/* measure_table: the measures of theme theme_id (0: those without a theme) under heading title. */
static void measure_table(struct district *x, const struct measures *m, const struct rowset *p,
			  int64_t theme_id, const char *title)
{
	static const char *const cols[] = { "Åtgärd", "Status", "Start", "Slut", "Parter (roll)", NULL };
	struct html *h = x->h;
	int n = 0;

	for (int i = 0; i < m->n; i++)
		n += m->row[i].theme_id == theme_id;
	if (!n)
		return;
	HTML_ELEM(h, "h3", title);
	HTML_OPEN(h, "table");
	HTML_OPEN(h, "caption");
	html_textf(h, "Åtgärder under %s (%d)", title, n);
	html_close(h);
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < m->n; i++)
		if (m->row[i].theme_id == theme_id)
			measure_row(x, &m->row[i], p);
	html_close(h);
	html_close(h);
}

/* measures: the prioritised measures grouped by theme, with partners. */
static void measures(struct district *x)
{
	const struct rowset *t = &x->themes, *p = &x->mpartners;
	const struct measures *m = &x->measures;

	section(x->h, "atgarder", "Åtgärder");
	edit_link(x, "atgarder", "Ändra åtgärder");
	if (!m->n)
		HTML_ELEM(x->h, "p", "Programmet har inga prioriterade åtgärder i lup.");
	for (int i = 0; i < t->nrows; i++)
		measure_table(x, m, p, places_i(t, i, "id"), places_s(t, i, "name"));
	measure_table(x, m, p, 0, "Åtgärder utan tema");
	html_close(x->h);
}

/* partners: the intended partners (samverkansparter) grouped by kind. */
static void partners(struct district *x)
{
	static const char *const groups[] = { "specialist", "district", "company", "state", "region",
		"civil_society", "business", "residents", "other", NULL };
	struct html *h = x->h;
	const struct rowset *p = &x->partners;

	section(h, "parter", "Samverkansparter");
	edit_link(x, "parter", "Ändra samverkansparter");
	if (!p->nrows)
		HTML_ELEM(h, "p", "Programmet nämner inga samverkansparter i lup.");
	for (int g = 0; groups[g]; g++) {
		int n = 0;
		for (int i = 0; i < p->nrows; i++) {
			if (strcmp(places_s(p, i, "group"), groups[g]) != 0)
				continue;
			if (!n++) {
				HTML_ELEM(h, "h3", places_group_sv(groups[g]));
				HTML_OPEN(h, "ul");
			}
			HTML_OPEN(h, "li");
			places_link(x->r, h, "/organisation", places_s(p, i, "org"), places_s(p, i, "label"));
			html_close(h);
		}
		if (n)
			html_close(h);
	}
	html_close(h);
}

/* act_own: activity row i is the committee's own: its owner is the committee, the committee's
 * pair, or an organisation whose pair is the committee (its administration) */
static int act_own(const struct district *x, int i)
{
	const struct act *a = &x->acts.row[i];

	return x->committee_id && (a->owner_id == x->committee_id || a->owner_pair == x->committee_id ||
				   (x->committee_pair && a->owner_id == x->committee_pair));
}

/* shown_elsewhere: activity row i is the district's own, or a contribution ("Bidrag till
 * programmet"). */
static int shown_elsewhere(const struct district *x, int i)
{
	return act_own(x, i) || district_contrib_has(&x->contrib, x->acts.row[i].id);
}

/* others_table: the activities of the owner starting at row i (rows are by owner); returns the
 * row after them. */
static int others_table(struct district *x, int i)
{
	static const char *const cols[] = { "Aktivitet", "Roll", "Status", "Start", "Slut", NULL };
	struct html *h = x->h;
	const struct act *a = x->acts.row;
	const char *owner = a[i].owner;
	int end = i, n;

	while (end < x->acts.n && strcmp(a[end].owner, owner) == 0)
		end++;
	n = 0;
	for (int k = i; k < end; k++)
		n += !shown_elsewhere(x, k);
	if (!n)
		return end;
	HTML_OPEN(h, "h3");
	places_link(x->r, h, "/organisation", owner, a[i].owner_name);
	html_close(h);
	HTML_OPEN_AV(h, "table", "class", "list");
	HTML_OPEN(h, "caption");
	html_textf(h, "%s i %s: %d %s", a[i].owner_name, x->name, n, n == 1 ? "aktivitet" : "aktiviteter");
	html_close(h);
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int k = i; k < end; k++) {
		if (shown_elsewhere(x, k))
			continue;
		HTML_TPL(h, "<tr><th scope=\"row\">" HTML_HOLE "</th><td>" HTML_HOLE "</td><td>" HTML_HOLE
			 "</td><td class=\"date\">" HTML_HOLE "</td><td class=\"date\">" HTML_HOLE "</td></tr>",
			 a[k].title, a[k].role_sv, a[k].status_sv,
			 a[k].start_text ? a[k].start_text : "–", a[k].end_text ? a[k].end_text : "–");
	}
	html_close(h);
	html_close(h);
	return end;
}

/* others: who does what here: the other organisations' activities in the district. */
static void others(struct district *x)
{
	int n = 0;

	section(x->h, "andra", "Andra organisationers aktiviteter i stadsdelsområdet");
	for (int i = 0; i < x->acts.n; i++)
		n += !shown_elsewhere(x, i);
	if (!n)
		HTML_ELEM(x->h, "p", "Inga andra organisationer har aktiviteter här i lup.");
	else
		html_elem(x->h, "p", "Facknämnder, bolag och andra som bidrar till programmet: vad de gör här "
			  "och i vilken roll.", NULL);
	for (int i = 0; i < x->acts.n;)
		i = others_table(x, i);
	html_close(x->h);
}

/* One activity with its sort key (sort_acts, timeline): the leading keys packed into k, so
 * that most comparisons are one of integers (act_before). */
struct act_key {
	uint64_t k;
	const struct act *a;
};

/* act_before: a before b, by k, then (when k is equal, as it is when a value did not fit into
 * it) in full: for the page's order (tl 0, sort_acts) the owner's rank, undated last, start and
 * the activity's key (byte order; NULL first); for the timeline's (tl 1) start (undated last),
 * end and the row. */
static inline int act_before(const struct act_key *ka, const struct act_key *kb, int tl)
{
	const struct act *a = ka->a, *b = kb->a;

	if (ka->k != kb->k)
		return ka->k < kb->k;
	if (tl) {
		if ((a->start_first == 0) != (b->start_first == 0))
			return b->start_first == 0;
		if (a->start_first != b->start_first)
			return a->start_first < b->start_first;
		if (a->end_last != b->end_last)
			return a->end_last < b->end_last;
		return a < b;
	}
	if (a->owner_rank != b->owner_rank)
		return a->owner_rank < b->owner_rank;
	if (a->undated != b->undated)
		return a->undated < b->undated;
	if (a->start_first != b->start_first)
		return a->start_first < b->start_first;
	if (!a->key || !b->key)
		return a->key == NULL && b->key != NULL;
	return strcmp(a->key, b->key) < 0;
}

/* fit: v within [0, max], the nearest bound when not (an order-keeping key part) */
static inline uint64_t fit(int64_t v, int64_t max)
{
	return v < 0 ? 0 : v > max ? (uint64_t)max : (uint64_t)v;
}

/* sort_act_keys: k[0..n) in act_before's order, stable, with tmp room for n keys and run for
 * n + 1 ints: the runs they come in (the activities by link, each owner's mostly by start)
 * merged in pairs, the comparison inlined, where qsort's and sort_runs' calls through a pointer
 * were most of their 100K instructions. Returns k or tmp, whichever holds the result. */
static struct act_key *sort_act_keys(struct act_key *k, struct act_key *tmp, int n, int *run, int tl)
{
	int nr = 0;

	for (int i = 0; i < n; i++)
		if (i == 0 || act_before(&k[i], &k[i - 1], tl))
			run[nr++] = i;
	run[nr] = n;
	while (nr > 1) {
		int m = 0;
		for (int r = 0; r < nr; r += 2, m++) {
			int i = run[r], mid = r + 1 < nr ? run[r + 1] : n, end = r + 1 < nr ? run[r + 2] : n, j = mid, o = i;
			while (i < mid && j < end)	/* the earlier one on ties: stable */
				tmp[o++] = act_before(&k[j], &k[i], tl) ? k[j++] : k[i++];
			while (i < mid)
				tmp[o++] = k[i++];
			while (j < end)
				tmp[o++] = k[j++];
			run[m] = run[r];
		}
		run[m] = n;
		nr = m;
		struct act_key *t = k;
		k = tmp, tmp = t;
	}
	return k;
}

/* timeline: every activity in the district by start, one row group per start year. */
static void timeline(struct district *x)
{
	static const char *const cols[] = { "Start", "Slut", "Aktivitet", "Ansvarig", "Status", NULL };
	struct html *h = x->h;
	const struct act *a = x->acts.row;
	int na = x->acts.n;
	struct act_key *ord = arena_alloc_raw(&x->r->a, sizeof(*ord) * (size_t)(2 * na + 1));
	int *run = arena_alloc_raw(&x->r->a, sizeof(*run) * (size_t)(na + 1));
	long year = -1;

	section(h, "tidslinje", "Tidslinje för aktiviteter");
	if (!na) {
		HTML_ELEM(h, "p", "Inga aktiviteter i stadsdelsområdet i lup.");
		html_close(h);
		return;
	}
	for (int i = 0; i < na; i++)	/* undated last, start, end (dates' YYYYMMDD) and the row in k */
		ord[i] = (struct act_key){ (uint64_t)(a[i].start_first == 0) << 63 | fit(a[i].start_first, (1 << 25) - 1) << 38 |
					   fit(a[i].end_last, (1 << 25) - 1) << 13 | fit(i, (1 << 13) - 1), &a[i] };
	ord = sort_act_keys(ord, ord + na, na, run, 1);	/* by owner, each owner's by start: few runs */
	HTML_OPEN_AV(h, "table", "class", "list");
	HTML_OPEN(h, "caption");
	html_textf(h, "Alla %d aktiviteter i %s, ordnade efter start och grupperade per startår", na, x->name);
	html_close(h);
	places_thead(h, cols);
	for (int k = 0; k < na; k++) {
		int i = (int)(ord[k].a - a);
		long y = (long)(ord[k].a->start_first / 10000);
		if (y != year || k == 0) {
			char g[6 + NUMFMT_SIZE] = "Start ";
			if (y)
				numfmt_long(y, g + 6);
			if (k)
				HTML_TPL0(h, "</tbody>");
			HTML_TPL(h, "<tbody><tr><th scope=\"rowgroup\" colspan=\"5\">" HTML_HOLE "</th></tr>",
				 y ? g : "Utan datum");
			year = y;
		}
		HTML_TPL(h, "<tr><td class=\"date\">" HTML_HOLE "</td><td class=\"date\">" HTML_HOLE
			 "</td><th scope=\"row\">" HTML_HOLE "</th><td>" HTML_HOLE "</td><td>" HTML_HOLE "</td></tr>",
			 a[i].start_sv, a[i].end_sv, a[i].title, a[i].owner_name, a[i].status_sv);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* allocations: the resources the district receives, or "inga uppgifter". */
static void allocations(struct district *x)
{
	static const char *const cols[] = { "År", "Organisation", "Område", "Slag", "#Mängd", "Enhet",
		"Anteckning", NULL };
	struct html *h = x->h;
	const struct alloc *al = x->alloc.row;
	int example = 0, n = x->alloc.n, nh = 0;
	const char *hk[ACT_WORDS], *hv[ACT_WORDS];	/* the organisations' links made (by the key's copy) */

	section(h, "resurser", "Resursfördelning");
	if (!n) {
		HTML_ELEM(h, "p", "Inga uppgifter om resurser som fördelats till stadsdelsområdet.");
		html_close(h);
		return;
	}
	for (int i = 0; i < n; i++)
		example |= al[i].example != 0;
	if (example)
		page_example_note(h);
	HTML_OPEN(h, "table");
	html_elem(h, "caption", example ? "Resurser till stadsdelsområdet (exempeldata)" :
		  "Resurser till stadsdelsområdet", NULL);
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < n; i++) {	/* a row a template, the organisation linked when it has a key */
		char v[PLACES_VALUE_SIZE];
		const char *amount = places_value_buf(al[i].amount, NULL, v), *href = NULL;
		for (int k = 0; al[i].org && k < nh && !href; k++)	/* the keys are the owners' row set's (act_owners) */
			href = hk[k] == al[i].org ? hv[k] : NULL;
		if (al[i].org && !href) {
			href = page_href(x->r, "/organisation", al[i].org);
			if (nh < ACT_WORDS)
				hk[nh] = al[i].org, hv[nh++] = href;
		}
		if (al[i].org)
			HTML_TPL(h, "<tr><td>" HTML_HOLE "</td><th scope=\"row\"><a href=\"" HTML_HOLE "\">" HTML_HOLE
				 "</a></th><td>" HTML_HOLE "</td><td>" HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td>"
				 HTML_HOLE "</td><td>" HTML_HOLE "</td></tr>", al[i].year_text,
				 href, al[i].org_name, al[i].area, al[i].kind_sv, amount,
				 al[i].unit, al[i].note);
		else
			HTML_TPL(h, "<tr><td>" HTML_HOLE "</td><th scope=\"row\">" HTML_HOLE "</th><td>" HTML_HOLE "</td><td>"
				 HTML_HOLE "</td><td class=\"num\">" HTML_HOLE "</td><td>" HTML_HOLE "</td><td>" HTML_HOLE
				 "</td></tr>", al[i].year_text, al[i].org_name, al[i].area, al[i].kind_sv, amount, al[i].unit,
				 al[i].note);
	}
	html_close(h);
	html_close(h);
	html_close(h);
}

/* load_version: the LUP's version to show (?version=N or utkast; the current one, cur, by
 * default) into x->lup; a draft only for those who may read it (else 404, as if it did not
 * exist). */
static int load_version(struct district *x, struct sval district, const struct rowset *cur)
{
	struct http_req *r = x->r;
	const char *v = http_query(r, "version");
	long n = 0;
	char *end;

	x->drafts = cur->nrows && authz_plan_draft_readable(&r->user, places_i(cur, 0, "owner_id"),
							    places_i(cur, 0, "owner_pair"));
	x->lup = *cur;
	if (!v || !*v)
		return 0;
	if (strcmp(v, "utkast") == 0) {
		struct sval args[] = { SVI(places_i(cur, 0, "id")), SVI(1) };
		struct rowset vs;
		if (cur->nrows && places_query(r, &vs, STMT_PV_LIST, args, 2))
			return -1;
		for (int i = 0; cur->nrows && i < vs.nrows; i++)
			if (strcmp(places_s(&vs, i, "status"), "draft") == 0)
				n = places_i(&vs, i, "version");
	} else {
		n = strtol(v, &end, 10);
		if (*end || n < 1 || n > 100000)
			n = 0;
	}
	if (n && places_query(r, &x->lup, STMT_PV_DISTRICT_VERSION, (struct sval[]){ district, SVI(n) }, 2))
		return -1;
	if (!n || !x->lup.nrows || (!planver_public(places_s(&x->lup, 0, "status")) && !x->drafts)) {
		page_error(r, 404, "Programmet har ingen sådan version som du kan se.");
		return -1;
	}
	return 0;
}

static int act_cb(void *ctx, const struct store_row *r);
static int alloc_cb(void *ctx, const struct store_row *r);

/* load: the district (404 when unknown) with its current LUP version, its committee, its
 * activities, the contribution plans' versions, its neighbourhoods and the resources allocated
 * to it (one go: the activities' owners and the allocations' organisations are read together
 * next, fetch), and the version to show. */
static int load(struct district *x)
{
	struct http_req *r = x->r;
	struct sval key = SVS(r->params[0]);
	struct store_q q[6];
	struct rowset cur;
	int64_t id = 0;
	int n = 0;

	if (store_query_id(r->st, STMT_DISTRICT_ID_LOOSE, &key, 1, &id, &r->err) != LUP_OK)
		return places_fail(r);
	struct sval a = SVI(id), dv[] = { SVI(id), SVNULL };
	places_want(r, q, &n, &x->d, STMT_WEB_PLACES_DISTRICT_COMMITTEE, &a, 1);
	places_want(r, q, &n, &cur, STMT_PV_DISTRICT_VERSION, dv, 2);
	x->acts = (struct acts){ .a = &r->a, .col = { -1 }, .x = x };
	q[n++] = (struct store_q){ STMT_WEB_PLACES_DISTRICT_ACTIVITIES, &a, 1, act_cb, &x->acts };
	places_want(r, q, &n, &x->cversions, STMT_WEB_PLACES_CONTRIB_VERSIONS, NULL, 0);
	places_want(r, q, &n, &x->nb, STMT_WEB_PLACES_DISTRICT_NEIGHBOURHOODS, &a, 1);
	x->alloc = (struct allocs){ .a = &r->a, .col = { -1 } };
	q[n++] = (struct store_q){ STMT_WEB_PLACES_DISTRICT_ALLOCATIONS, &a, 1, alloc_cb, &x->alloc };
	if (id && places_fetch(r, q, n))
		return -1;
	if (!id || !x->d.nrows) {
		page_error(r, 404, "Det finns inget stadsdelsområde med den adressen. Se listan på sidan "
			   "Stadsdelsområden.");
		return -1;
	}
	x->id = id;
	x->key = places_s(&x->d, 0, "key");
	x->name = places_s(&x->d, 0, "name");
	x->committee_id = places_i(&x->d, 0, "committee_id");
	x->committee_pair = places_i(&x->d, 0, "committee_pair");
	if (load_version(x, a, &cur))
		return -1;
	x->version_id = x->lup.nrows ? places_i(&x->lup, 0, "version_id") : 0;
	return 0;
}

/* words_find: the place of text t among w's texts (the one met last looked at first), or -1 */
static int words_find(struct act_words *w, const char *t)
{
	for (int k = 0; k < w->n; k++) {
		int i = k ? k - (k <= w->last) : w->last;	/* the last first, then the others in order */
		if (w->raw[i][0] == t[0] && strcmp(w->raw[i], t) == 0)
			return w->last = i;
	}
	return -1;
}

/* words_add: raw (a copy that lasts the request) and its form sv into w, when it has room */
static void words_add(struct act_words *w, const char *raw, const char *sv)
{
	if (w->n < ACT_WORDS) {
		w->raw[w->n] = raw, w->sv[w->n] = sv;
		w->last = w->n++;
	}
}

/* act_word: the copy of column c's text of r and its Swedish form (*sv), from the texts met
 * before (as->words[kind]), else copied, translated (by kind: places_role_sv, places_status_sv,
 * date_sv) and remembered; NULL (with the form of NULL) when NULL. */
static const char *act_word(struct acts *as, const struct store_row *r, int c, int kind, const char **sv)
{
	struct act_words *w = &as->words[kind];
	const char *t = store_col_text(r, c), *raw;
	int i;

	if (!t) {
		*sv = kind == AW_ROLE ? places_role_sv(NULL) : kind == AW_STATUS ? places_status_sv(NULL) :
			date_sv(as->x, NULL);	/* "", "", "–" */
		return NULL;
	}
	if ((i = words_find(w, t)) >= 0) {
		*sv = w->sv[i];
		return w->raw[i];
	}
	raw = arena_strdup(as->a, t);
	*sv = kind == AW_ROLE ? places_role_sv(raw) : kind == AW_STATUS ? places_status_sv(raw) : date_sv(as->x, raw);
	words_add(w, raw, *sv);
	return raw;
}

/* act_cb: a row of STMT_WEB_PLACES_DISTRICT_ACTIVITIES into the activities (ctx), its owner
 * by id only (act_owners); the key and title copied into one piece of the arena, the role,
 * status and dates found among the texts met before (act_word) */
static int act_cb(void *ctx, const struct store_row *r)
{
	struct acts *as = ctx;

	static const char *const names[AC__MAX] = { "id", "key", "title", "owner_id", "role", "status", "start_text",
		"end_text", "start_first", "end_last", "plan_version_id" };

	if (as->col[0] < 0 && cols_of(r, names, AC__MAX, as->col) != 0) {
		as->bad = 1;
		return 1;
	}
	as->row = arena_grow(as->a, as->row, as->n, &as->cap, sizeof(struct act), 256);	/* few districts need a copy */
	const int *c = as->col;
	struct act *a = &as->row[as->n++];
	a->id = store_col_int(r, c[AC_ID]);
	a->owner_id = store_col_int(r, c[AC_OWNER_ID]);
	a->owner_pair = 0, a->owner_rank = 0, a->owner = a->owner_name = NULL;
	a->start_first = store_col_int(r, c[AC_START_FIRST]);
	a->undated = a->start_first == 0 && store_col_type(r, c[AC_START_FIRST]) == SV_NULL;
	a->end_last = store_col_int(r, c[AC_END_LAST]);
	a->plan_version_id = store_col_int(r, c[AC_PLAN_VERSION]);
	const char *key = store_col_text(r, c[AC_KEY]), *title;
	size_t klen = key ? strlen(key) : 0;
	char *p = key ? arena_alloc_raw(as->a, klen + 1) : NULL;
	if (p)
		memcpy(p, key, klen + 1);
	a->key = p;
	title = store_col_text(r, c[AC_TITLE]);
	a->title = arena_strdup(as->a, title);
	act_word(as, r, c[AC_ROLE], AW_ROLE, &a->role_sv);
	act_word(as, r, c[AC_STATUS], AW_STATUS, &a->status_sv);
	a->start_text = act_word(as, r, c[AC_START_TEXT], AW_START, &a->start_sv);
	a->end_text = act_word(as, r, c[AC_END_TEXT], AW_END, &a->end_sv);
	return 0;
}

/* measure_cb: a row of STMT_WEB_PLACES_DISTRICT_MEASURES into the measures (ctx) */
static int measure_cb(void *ctx, const struct store_row *r)
{
	static const char *const names[MC__MAX] = { "id", "theme_id", "title", "description", "status", "start_text",
		"end_text" };
	struct measures *ms = ctx;

	if (ms->col[0] < 0 && cols_of(r, names, MC__MAX, ms->col) != 0) {
		ms->bad = 1;
		return 1;
	}
	ms->row = arena_grow(ms->a, ms->row, ms->n, &ms->cap, sizeof(struct measure), 64);
	const int *c = ms->col;
	struct measure *m = &ms->row[ms->n++];
	*m = (struct measure){ .id = store_col_int(r, c[MC_ID]), .theme_id = store_col_int(r, c[MC_THEME_ID]) };
	m->title = col_copy(ms->a, r, c[MC_TITLE]);
	m->description = col_copy(ms->a, r, c[MC_DESCRIPTION]);
	m->status = col_copy(ms->a, r, c[MC_STATUS]);
	m->start_text = col_copy(ms->a, r, c[MC_START_TEXT]);
	m->end_text = col_copy(ms->a, r, c[MC_END_TEXT]);
	return 0;
}

/* sort_acts: the district's activities (STMT_WEB_PLACES_DISTRICT_ACTIVITIES, read unsorted,
 * once per link) by owner name in Swedish order (core/collate.h, the order COLLATE sv gives),
 * start (undated last) and key, each once: in C, where the database sorted them through its
 * collation per comparison (and a list of the links' activities dropped the repeats); the
 * owners' names ranked once per owner (act_owners); an activity's repeats (the same id) are
 * adjacent once sorted, and the first is kept. Returns 0, or -1 with the error page sent when
 * a column was missing. */
static int sort_acts(struct district *x)
{
	struct acts *as = &x->acts;
	int n = as->n, m = 1;

	if (as->bad) {
		err_set(&x->r->err, LUP_EDB, "the district's activities lack a column (act_cols)");
		return places_fail(x->r);
	}
	if (n < 2)
		return 0;
	struct act_key *k = arena_alloc_raw(&x->r->a, sizeof(*k) * (size_t)n * 2);
	int *run = arena_alloc_raw(&x->r->a, sizeof(*run) * (size_t)(n + 1));
	struct act *out = arena_alloc_raw(&x->r->a, sizeof(*out) * (size_t)n);
	for (int i = 0; i < n; i++) {	/* rank, undated and start (a date's YYYYMMDD) in k */
		const struct act *a = &as->row[i];
		k[i].a = a;
		k[i].k = fit(a->owner_rank, INT32_MAX) << 32 | (uint64_t)(a->undated != 0) << 31 |
			 fit(a->start_first, INT32_MAX);
	}
	k = sort_act_keys(k, k + n, n, run, 0);
	out[0] = *k[0].a;
	for (int i = 1; i < n; i++)
		if (k[i].a->id != out[m - 1].id)
			out[m++] = *k[i].a;
	as->row = out, as->n = m, as->cap = n;
	return 0;
}

static int kind_order(const char *k)
{
	return !k ? 4 : strcmp(k, "money") == 0 ? 1 : strcmp(k, "staff") == 0 ? 2 : strcmp(k, "places") == 0 ? 3 : 4;
}

/* alloc_text: column c's text of r from w (its copy, and its form in *sv), else copied, its
 * form made by form (NULL: the text), and kept in w; NULL when NULL */
static const char *alloc_text(struct allocs *as, struct act_words *w, const struct store_row *r, int c,
			      const char *(*form)(const char *), const char **sv)
{
	const char *t = store_col_text(r, c), *raw;
	int i;

	if (!t) {
		*sv = form ? form(NULL) : NULL;
		return NULL;
	}
	if ((i = words_find(w, t)) >= 0) {
		*sv = w->sv[i];
		return w->raw[i];
	}
	raw = arena_strdup(as->a, t);
	*sv = form ? form(raw) : raw;
	words_add(w, raw, *sv);
	return raw;
}

/* kind_sv: a resource kind's Swedish word (need_kind_sv) */
static const char *kind_sv(const char *kind)
{
	return need_kind_sv(need_kind_index(kind));
}

/* alloc_cb: a row of STMT_WEB_PLACES_DISTRICT_ALLOCATIONS into the allocations (ctx), its
 * organisation by id only (act_owners); the texts of few values (area, year, kind, unit) read
 * and copied once each */
static int alloc_cb(void *ctx, const struct store_row *r)
{
	static const char *const names[LC__MAX] = { "org_id", "area", "year", "kind", "amount", "unit", "note",
		"example", "area_id" };
	struct allocs *as = ctx;
	const char *unit;
	int k;

	if (as->col[0] < 0 && cols_of(r, names, LC__MAX, as->col) != 0) {
		as->bad = 1;
		return 1;
	}
	as->row = arena_grow(as->a, as->row, as->n, &as->cap, sizeof(struct alloc), 32);
	const int *c = as->col;
	struct alloc *l = &as->row[as->n++];
	*l = (struct alloc){ .org_id = store_col_int(r, c[LC_ORG_ID]), .area_id = store_col_int(r, c[LC_AREA_ID]), .example = store_col_int(r, c[LC_EXAMPLE]),
		.year = store_col_int(r, c[LC_YEAR]), .amount = store_col_type(r, c[LC_AMOUNT]) == SV_NULL ? NAN : store_col_real(r, c[LC_AMOUNT]) };
	if (store_col_type(r, c[LC_YEAR]) == SV_INT) {	/* the year's text without the database's */
		for (k = 0; k < as->nyears && as->year[k] != l->year; k++)
			;
		if (k < as->nyears) {
			l->year_text = as->year_text[k];
		} else {
			char y[NUMFMT_SIZE];
			numfmt_long(l->year, y);
			l->year_text = arena_strdup(as->a, y);
			if (as->nyears < ACT_WORDS)
				as->year[as->nyears] = l->year, as->year_text[as->nyears++] = l->year_text;
		}
	} else {
		l->year_text = col_copy(as->a, r, c[LC_YEAR]);
	}
	for (k = 0; k < as->nareas && as->area_id[k] != l->area_id; k++)	/* the name by the id */
		;
	if (k < as->nareas) {
		l->area = as->area[k];
	} else {
		l->area = col_copy(as->a, r, c[LC_AREA]);
		if (as->nareas < ACT_WORDS)
			as->area_id[as->nareas] = l->area_id, as->area[as->nareas++] = l->area;
	}
	l->kind = alloc_text(as, &as->kinds, r, c[LC_KIND], kind_sv, &l->kind_sv);
	l->kind_ord = kind_order(l->kind);
	l->unit = alloc_text(as, &as->units, r, c[LC_UNIT], NULL, &unit);
	l->note = col_copy(as->a, r, c[LC_NOTE]);
	return 0;
}

/* by_alloc: newest year first, then the organisation's name and the area's name in Swedish
 * order, the kind (money, staff, places, the others), then, for names that compare equal, the
 * organisation's key (byte order) and the area's id: a total order, as (org, area, year, kind)
 * is unique. */
static int by_alloc(const void *pa, const void *pb)
{
	const struct alloc *a = pa, *b = pb;
	int c;

	if (a->year != b->year)
		return a->year > b->year ? -1 : 1;
	if (a->rank[0] != b->rank[0])
		return a->rank[0] - b->rank[0];
	if (a->rank[1] != b->rank[1])
		return a->rank[1] - b->rank[1];
	if (a->kind_ord != b->kind_ord)
		return a->kind_ord - b->kind_ord;
	if ((c = strcmp(a->org ? a->org : "", b->org ? b->org : "")) != 0)
		return c;
	return (a->area_id > b->area_id) - (a->area_id < b->area_id);
}

/* sort_alloc: the allocations (STMT_WEB_PLACES_DISTRICT_ALLOCATIONS, read unordered) in by_alloc's
 * order, in C: the statement's ORDER BY through COLLATE sv was half its 0.27M instructions
 * (SQLite's sorter for some 30 rows). Returns 0, or -1 with the error page sent when a column
 * was missing or the collation fails. */
static int sort_alloc(struct district *x)
{
	struct allocs *al = &x->alloc;
	int n = al->n;

	if (al->bad) {
		err_set(&x->r->err, LUP_EDB, "cannot sort the allocations: a column is missing");
		return places_fail(x->r);
	}
	if (n < 2)
		return 0;
	const char **on = arena_alloc(&x->r->a, sizeof(*on) * (size_t)n * 2), **an = on + n;
	int *rank = arena_alloc(&x->r->a, sizeof(*rank) * (size_t)n * 2);
	for (int i = 0; i < n; i++)
		on[i] = al->row[i].org_name, an[i] = al->row[i].area;
	if (collate_ranks(on, n, rank) != 0 || collate_ranks(an, n, rank + n) != 0) {
		err_set(&x->r->err, LUP_EDB, "cannot sort the allocations: the Swedish collation failed");
		return places_fail(x->r);
	}
	for (int i = 0; i < n; i++)
		al->row[i].rank[0] = rank[i], al->row[i].rank[1] = rank[n + i];
	qsort(al->row, (size_t)n, sizeof(*al->row), by_alloc);
	return 0;
}

/* A row of a rowset with its sort keys, compared in order (sort_keyed). */
#define ROW_KEYS 5
struct row_key {
	int64_t k[ROW_KEYS];
	struct row_cell *row;
};

static int by_row_keys(const void *pa, const void *pb)
{
	const struct row_key *a = pa, *b = pb;

	for (int i = 0; i < ROW_KEYS; i++)
		if (a->k[i] != b->k[i])
			return a->k[i] < b->k[i] ? -1 : 1;
	return 0;
}

/* sort_keyed: rs's rows in the order of their keys k (one per row, filled by the caller) */
static void sort_keyed(struct rowset *rs, struct row_key *k)
{
	qsort(k, (size_t)rs->nrows, sizeof(*k), by_row_keys);
	for (int i = 0; i < rs->nrows; i++)
		rs->rows[i] = k[i].row;
}

/* text_ranks: the Swedish ranks (collate_ranks) of column col's texts of rs, in rank (room for
 * rs->nrows). Returns 0, or -1 when the collation fails. */
static int text_ranks(struct http_req *r, const struct rowset *rs, int col, int *rank)
{
	const char **t = arena_alloc_raw(&r->a, sizeof(*t) * (size_t)rs->nrows);

	for (int i = 0; i < rs->nrows; i++)
		t[i] = col < 0 ? NULL : rs->rows[i][col].s;
	return collate_ranks(t, rs->nrows, rank);
}

/* keys_for: zeroed sort keys of rs's rows, each pointing at its row, and room for their ranks */
static struct row_key *keys_for(struct http_req *r, const struct rowset *rs, int **rank)
{
	struct row_key *k = arena_alloc(&r->a, sizeof(*k) * (size_t)rs->nrows);

	*rank = arena_alloc_raw(&r->a, sizeof(**rank) * (size_t)rs->nrows);
	for (int i = 0; i < rs->nrows; i++)
		k[i].row = rs->rows[i];
	return k;
}

/* sort_sections: the rows of the sections read unordered on SQLite (a sorter each there, about
 * 13K instructions even for a few rows), in the order their statements' ORDER BY gives on
 * PostgreSQL: the themes by ord and id; their other names by theme and name (Swedish order),
 * their target groups by theme and the order written; the neighbourhoods by name; the
 * measures' partners by measure, the lead first, then name; the contributions by owner name,
 * owner, start (undated first) and id, each once (an activity STMT_WEB_PLACES_DISTRICT_CONTRIB
 * found in two of its lists comes twice, and the first is kept). Returns 0, or -1 with the
 * error page sent when the collation fails. */
static int sort_sections(struct district *x)
{
	struct http_req *r = x->r;
	struct rowset *t = &x->themes, *nb = &x->nb, *mp = &x->mpartners, *c = &x->contrib;
	struct rowset *al = &x->aliases, *g = &x->groups;
	struct row_key *k;
	int *rank;

	if (t->nrows > 1) {
		int cord = rowset_col(t, "ord"), cid = rowset_col(t, "id");
		k = keys_for(r, t, &rank);
		for (int i = 0; i < t->nrows; i++)
			k[i].k[0] = rowset_ic(t, i, cord), k[i].k[1] = rowset_ic(t, i, cid);
		sort_keyed(t, k);
	}
	if (al->nrows > 1) {
		int ct = rowset_col(al, "theme_id");
		k = keys_for(r, al, &rank);
		if (text_ranks(r, al, rowset_col(al, "alias"), rank) != 0)
			goto err;
		for (int i = 0; i < al->nrows; i++)
			k[i].k[0] = rowset_ic(al, i, ct), k[i].k[1] = rank[i];
		sort_keyed(al, k);
	}
	if (g->nrows > 1) {
		int ct = rowset_col(g, "theme_id"), cs = rowset_col(g, "seq");
		k = keys_for(r, g, &rank);
		for (int i = 0; i < g->nrows; i++)
			k[i].k[0] = rowset_ic(g, i, ct), k[i].k[1] = rowset_ic(g, i, cs);
		sort_keyed(g, k);
	}
	if (g->ncols == 3)	/* seq, the last column, served the sort only (run_list shows a third) */
		g->ncols = 2;
	if (nb->nrows > 1) {
		k = keys_for(r, nb, &rank);
		if (text_ranks(r, nb, rowset_col(nb, "name"), rank) != 0)
			goto err;
		for (int i = 0; i < nb->nrows; i++)
			k[i].k[0] = rank[i];
		sort_keyed(nb, k);
	}
	if (mp->nrows > 1) {
		int cm = rowset_col(mp, "measure_id"), crole = rowset_col(mp, "role");
		k = keys_for(r, mp, &rank);
		if (text_ranks(r, mp, rowset_col(mp, "name"), rank) != 0)
			goto err;
		for (int i = 0; i < mp->nrows; i++) {
			const char *role = crole < 0 ? NULL : mp->rows[i][crole].s;
			k[i].k[0] = rowset_ic(mp, i, cm), k[i].k[1] = !role || strcmp(role, "lead") != 0;
			k[i].k[2] = rank[i];
		}
		sort_keyed(mp, k);
	}
	if (c->nrows > 1) {
		int cown = rowset_col(c, "owner_id"), cstart = rowset_col(c, "start_first"), cid = rowset_col(c, "id");
		int m = 0;
		k = keys_for(r, c, &rank);
		if (text_ranks(r, c, rowset_col(c, "owner_name"), rank) != 0)
			goto err;
		for (int i = 0; i < c->nrows; i++) {
			int undated = cstart < 0 || c->rows[i][cstart].t == SV_NULL;
			k[i].k[0] = rank[i], k[i].k[1] = rowset_ic(c, i, cown), k[i].k[2] = undated;
			k[i].k[3] = undated ? 0 : rowset_ic(c, i, cstart), k[i].k[4] = rowset_ic(c, i, cid);
		}
		sort_keyed(c, k);
		for (int i = 0; i < c->nrows; i++)
			if (!m || rowset_ic(c, i, cid) != rowset_ic(c, m - 1, cid))
				c->rows[m++] = c->rows[i];
		c->nrows = m;
	}
	return 0;
err:
	err_set(&r->err, LUP_EDB, "cannot sort the district's sections: the Swedish collation failed");
	return places_fail(r);
}

/* contrib_ids: the JSON array of the ids of the activities read (load) that are contributions
 * (their version is a contribution plan's current one: x->cversions), for
 * STMT_WEB_PLACES_DISTRICT_CONTRIB; an activity linked to two places is read twice and listed
 * twice (the statement takes each once). Where STMT_CB_LIST walked the places' links again. */
static const char *contrib_ids(struct district *x)
{
	int nv = x->cversions.nrows;
	int64_t *ver = arena_alloc_raw(&x->r->a, sizeof(*ver) * (size_t)(nv + 1));
	char *out = arena_alloc_raw(&x->r->a, (size_t)x->acts.n * NUMFMT_SIZE + 3), *p = out;

	for (int k = 0; k < nv; k++)
		ver[k] = places_i(&x->cversions, k, "id");
	*p++ = '[';
	for (int i = 0; i < x->acts.n; i++) {
		int64_t v = x->acts.row[i].plan_version_id;
		int k = 0;
		while (v && k < nv && ver[k] != v)
			k++;
		if (!v || k == nv)
			continue;
		if (p > out + 1)
			*p++ = ',';
		p += numfmt_long(x->acts.row[i].id, p);
	}
	*p++ = ']';
	*p = 0;
	return out;
}

/* owner_ids: the JSON array of the activities' owners' and the allocations' organisations' ids
 * (load), each once, for STMT_WEB_PLACES_ORGS_BY_ID; *nown their number. */
static const char *owner_ids(struct district *x, int *nown)
{
	const struct act *a = x->acts.row;
	const struct alloc *al = x->alloc.row;
	int na = x->acts.n, nl = x->alloc.n, n = 0;
	int64_t *seen = arena_alloc_raw(&x->r->a, sizeof(*seen) * (size_t)(na + nl + 1));
	char *out = arena_alloc_raw(&x->r->a, (size_t)(na + nl) * NUMFMT_SIZE + 3), *p = out;

	*p++ = '[';
	for (int i = 0; i < na + nl; i++) {
		int64_t id = i < na ? a[i].owner_id : al[i - na].org_id;
		int k = 0;
		if (i && i != na && id == (i < na ? a[i - 1].owner_id : al[i - na - 1].org_id))
			continue;	/* the rows come by link or area: runs of one owner */
		while (k < n && seen[k] != id)
			k++;
		if (k < n)
			continue;
		seen[n++] = id;
		if (p > out + 1)
			*p++ = ',';
		p += numfmt_long(id, p);
	}
	*p++ = ']';
	*p = 0;
	*nown = n;
	return out;
}

/* owner_row: the row of organisation id in o (STMT_WEB_PLACES_ORGS_BY_ID, id in column cid),
 * from the row where the last was found (*at); -1 when it was not read */
static int owner_row(const struct rowset *o, int cid, int64_t id, int *at)
{
	for (int j = 0; j < o->nrows; j++) {
		int k = (*at + j) % o->nrows;
		if (rowset_ic(o, k, cid) == id)
			return *at = k;
	}
	return -1;
}

/* act_owners: each activity's owner's key, name, pair and its name's Swedish rank among the
 * owners' (sort_acts: ranked once per owner, not per activity), and each allocation's
 * organisation's key and name, from x->owners (STMT_WEB_PLACES_ORGS_BY_ID; an allocation whose
 * organisation was not read is dropped, as the join it replaces dropped it). Returns 0, or -1
 * with the error page sent when an activity's owner was not read or the collation fails. */
static int act_owners(struct district *x)
{
	const struct rowset *o = &x->owners;
	int cid = rowset_col(o, "id"), cpair = rowset_col(o, "pair_id"), at = 0, m = 0;
	const char **names = arena_alloc_raw(&x->r->a, sizeof(*names) * (size_t)(o->nrows + 1));
	int *rank = arena_alloc_raw(&x->r->a, sizeof(*rank) * (size_t)(o->nrows + 1));

	for (int k = 0; k < o->nrows; k++)
		names[k] = places_s(o, k, "name");
	if (o->nrows && collate_ranks(names, o->nrows, rank) != 0) {
		err_set(&x->r->err, LUP_EDB, "cannot sort by name: the Swedish collation failed");
		return places_fail(x->r);
	}
	for (int i = 0; i < x->acts.n; i++) {
		struct act *a = &x->acts.row[i], *prev = i ? a - 1 : NULL;
		int k;
		if (prev && prev->owner_id == a->owner_id) {	/* runs of one owner: its texts shared */
			a->owner = prev->owner, a->owner_name = prev->owner_name, a->owner_pair = prev->owner_pair;
			a->owner_rank = prev->owner_rank;
			continue;
		}
		if ((k = owner_row(o, cid, a->owner_id, &at)) < 0) {
			err_set(&x->r->err, LUP_EDB, "the owner of activity %lld was not read", (long long)a->id);
			return places_fail(x->r);
		}
		a->owner = places_s(o, k, "key");
		a->owner_name = names[k];
		a->owner_pair = rowset_ic(o, k, cpair);
		a->owner_rank = rank[k];
	}
	for (int i = 0; i < x->alloc.n; i++) {
		struct alloc *l = &x->alloc.row[i];
		int k = owner_row(o, cid, l->org_id, &at);
		if (k < 0)
			continue;
		l->org = places_s(o, k, "key"), l->org_name = names[k];
		x->alloc.row[m++] = *l;
	}
	x->alloc.n = m;
	return 0;
}

/* fetch: the reads of the page's sections that depend on the district, its committee and the
 * version shown only, in one go (one round trip on PostgreSQL). */
static int fetch(struct district *x)
{
	struct http_req *r = x->r;
	struct sval ver = SVI(x->version_id), vs[] = { SVI(places_i(&x->lup, 0, "id")), SVI(x->drafts) };
	struct store_q q[STORE_QUERY_MAX];
	int n = 0;

	int nown = 0;
	struct sval own = SVS(owner_ids(x, &nown));

	district_contrib_want(r, q, &n, x->id, x->version_id, contrib_ids(x), &x->contrib);
	rowset_init(&x->owners, &r->a);
	if (nown)
		places_want(r, q, &n, &x->owners, STMT_WEB_PLACES_ORGS_BY_ID, &own, 1);
	places_want(r, q, &n, &x->themes, STMT_WEB_PLACES_THEMES, &ver, 1);
	rowset_init(&x->vs, &r->a);
	rowset_init(&x->sec, &r->a);
	if (x->lup.nrows) {
		places_want(r, q, &n, &x->vs, STMT_PV_LIST, vs, 2);
		places_want(r, q, &n, &x->sec, STMT_PV_SECTIONS, &ver, 1);
	}
	places_want(r, q, &n, &x->aliases, STMT_WEB_PLACES_THEME_ALIASES, &ver, 1);
	places_want(r, q, &n, &x->groups, STMT_WEB_PLACES_THEME_GROUPS, &ver, 1);
	places_want(r, q, &n, &x->pareas, STMT_PV_PAREAS, &ver, 1);
	x->measures = (struct measures){ .a = &r->a, .col = { -1 } };
	q[n++] = (struct store_q){ STMT_WEB_PLACES_DISTRICT_MEASURES, &ver, 1, measure_cb, &x->measures };
	places_want(r, q, &n, &x->mpartners, STMT_WEB_PLACES_MEASURE_PARTNERS, &ver, 1);
	places_want(r, q, &n, &x->msources, STMT_WEB_PLACES_MEASURE_SOURCES, &ver, 1);
	places_want(r, q, &n, &x->partners, STMT_PV_PARTNERS, &ver, 1);
	x->key_arg = SVS(x->key);
	district_contrib_status_want(r, q, &n, &x->key_arg, &x->standing);
	page_district_goals_want(r, q, &n, x->version_id, x->id, &x->goals);
	if (places_fetch(r, q, n))
		return -1;
	if (x->measures.bad) {
		err_set(&r->err, LUP_EDB, "the district's measures lack a column (measure_cb)");
		return places_fail(r);
	}
	return sort_sections(x) || act_owners(x) || sort_acts(x) || sort_alloc(x);
}

/* The room the district pages' last one took and an eighth more (a hint for buf_reserve: the
 * page is written without doubling its buffer on the way, each doubling a copy of what is
 * written; a smaller page lowers it by an eighth at a time). */
static _Atomic size_t page_room;

/* room_note: page_room after a page of len bytes. */
static void room_note(size_t len)
{
	size_t was = atomic_load_explicit(&page_room, memory_order_relaxed), now = len + len / 8;

	if (now > was || now < was - was / 8)
		atomic_store_explicit(&page_room, now > was ? now : was - was / 8, memory_order_relaxed);
}

int page_district(struct http_req *r)
{
	struct district x = { .r = r };
	long year;
	int rc;

	if (places_year_arg(r, &year) || load(&x) || fetch(&x))
		return r->status;
	x.h = page_begin(r, x.name, NAV_DISTRICTS);
	buf_reserve(&r->out, atomic_load_explicit(&page_room, memory_order_relaxed));
	HTML_OPEN_AV(x.h, "p", "class", "muted");
	HTML_ELEM_AV(x.h, "a", "href", "/stadsdelar", "Stadsdelsområden");
	html_textf(x.h, " / %s", x.name);	/* the trail names the district, never its key */
	html_close(x.h);
	HTML_ELEM(x.h, "h1", x.name);
	done_notice(&x);
	facts(&x);
	versions(&x);
	if (x.lup.nrows)	/* the version shown, as files (the table of exports, web/download.h) */
		download_menu(r, x.h, "plan", page_href(r, "/plan", places_s(&x.lup, 0, "key")),
			      pf_printf(r, "version=%s", places_s(&x.lup, 0, "version")));
	toc(x.h);
	lup_sections(&x);
	themes(&x);
	pareas(&x);
	goals(&x);
	measures(&x);
	partners(&x);
	if (district_contrib_section(r, x.h, &x.contrib, &x.standing, x.key, x.name))
		return r->status;
	others(&x);
	if (page_district_indicators(r, x.h, x.id, x.committee_id, x.key, x.name, year) ||
	    district_trajectory_section(r, x.h, x.id))
		return r->status;
	timeline(&x);
	allocations(&x);
	rc = page_end(r, x.h);
	if (rc == 200)
		room_note(r->out.len);
	return rc;
}
