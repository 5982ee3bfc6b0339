/* page-new-goal.c: GET/POST /organisation/{key}/nytt-mal[?ar=YYYY]: a new nämndmål (under one
 * of the council's goals) of an organisation, for its editors and administrators. The write is
 * api_goal_create, the API's POST /api/v1/goals: the same limits and checks, authz_org for the
 * owner, one transaction with its audit entry. LUP goals (målsättningar) belong to a version of
 * the district's LUP and are written in its goals' form (page-plan-goals.c): this page links
 * there and refuses the level 'lup'. */
#include "web/pages-forms.h"
#include "web/api-create.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const level_values[] = { "namndmal", NULL };
static const char *const level_labels[] = { "Nämndmål", NULL };

static const struct pf_field_sv fields_sv[] = {
	{ "name", "namn", "Skriv målets namn.", "Namnet", NULL },
	{ "level", "niva", "Välj målets nivå.", NULL, "Välj en nivå i listan." },
	{ "parent", "overordnat", "Välj det av kommunfullmäktiges mål som nämndmålet hör till.", "Det överordnade målet",
	  "Det överordnade målet finns inte. Välj ett mål i listan." },
	{ "number", "nummer", NULL, "Numret", NULL },
	{ "description", "beskrivning", NULL, "Beskrivningen", NULL },
	{ "year", "ar", "Skriv året med fyra siffror, till exempel 2023.", NULL,
	  "Skriv året med fyra siffror, till exempel 2023." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* The organisation of the address, the year and the council's goals a nämndmål may sit under. */
struct new_goal {
	struct rowset org;	/* STMT_WEB_FORMS_ORG */
	struct rowset kf;	/* STMT_WEB_FORMS_KF_GOALS */
	struct rowset lups;	/* STMT_PG_ORG_LUP */
	int64_t id;
	long year;
};

static long this_year(void)
{
	time_t now = time(NULL);
	struct tm tm;

	return gmtime_r(&now, &tm) ? tm.tm_year + 1900L : 2022L;
}

/* load: the organisation (404), the year of ?ar= (400), the right to write for it (403) and
 * the council's goals of the year. Returns 0 or the status answered. */
static int load(struct http_req *r, struct new_goal *g)
{
	int rc;

	if ((rc = pf_id_param(r, 0, STMT_ORG_ID_LOOSE, "ingen organisation", &g->id)) != 0 ||
	    (rc = pf_year_arg(r, this_year(), &g->year)) != 0)
		return rc;
	struct sval id = SVI(g->id), year = SVI(g->year);
	if (pf_query(r, &g->org, STMT_WEB_FORMS_ORG, &id, 1) != 0)
		return r->status;
	if (!g->org.nrows)
		return page_error(r, 404, "Det finns ingen organisation med den adressen.");
	if (!pf_may_write(r, g->id))
		return pf_forbidden(r, pf_s(&g->org, 0, "name"));
	return pf_query(r, &g->kf, STMT_WEB_FORMS_KF_GOALS, &year, 1) != 0 ||
	       pf_query(r, &g->lups, STMT_PG_ORG_LUP, &id, 1) != 0 ? r->status : 0;
}

/* parent_select: the council's goals as a list, with a first choice for none. */
static void parent_select(struct http_req *r, struct html *h, const struct new_goal *g, const struct form_errors *e,
			  const char *selected)
{
	int n = g->kf.nrows;
	const char **values = arena_alloc(&r->a, sizeof(*values) * (size_t)(n + 2));
	const char **labels = arena_alloc(&r->a, sizeof(*labels) * (size_t)(n + 2));
	char hint[300];

	values[0] = "";
	labels[0] = "Inget";
	for (int i = 0; i < n; i++) {
		const char *num = pf_s(&g->kf, i, "number");
		values[i + 1] = pf_s(&g->kf, i, "key");
		labels[i + 1] = pf_printf(r, "%s%s%s: %s", strcmp(pf_s(&g->kf, i, "level"), "inriktningsmal") == 0 ?
					     "Inriktningsmål" : "Verksamhetsområdesmål", num ? " " : "", num ? num : "",
					     pf_s(&g->kf, i, "name"));
	}
	values[n + 1] = labels[n + 1] = NULL;
	if (n)
		snprintf(hint, sizeof(hint), "Kommunfullmäktiges inriktningsmål och verksamhetsområdesmål för %s. "
			 "Ett nämndmål hör till ett av dem.", pf_s(&g->kf, 0, "year"));
	else
		snprintf(hint, sizeof(hint), "Det finns inga mål från kommunfullmäktige för %ld eller tidigare år i lup.",
			 g->year);
	form_select(h, e, "overordnat", "Överordnat mål", values, labels, selected, hint);
}

/* lup_links: where the organisation's LUP goals are written: the goals' form of each LUP's
 * draft, else its district page (a new version is needed first). */
static void lup_links(struct http_req *r, struct html *h, const struct new_goal *g)
{
	for (int i = 0; i < g->lups.nrows; i++) {
		html_open(h, "p", NULL);
		if (pf_s(&g->lups, i, "draft")) {
			html_text(h, "LUP-mål (målsättningar) skrivs i programmets utkast, med tema, område, kön, "
				  "tidshorisont, utgångsläge och indikator: ");
			pf_link(h, pf_href(r, "/plan/%s/version/%s/mal", pf_s(&g->lups, i, "key"), pf_s(&g->lups, i, "draft")),
				"Målsättningar i det lokala utvecklingsprogrammet");
		} else {
			html_text(h, "LUP-mål (målsättningar) skrivs i ett utkast till det lokala utvecklingsprogrammet. "
				  "Programmet har inget utkast nu; en ny version skapas med lup plan new-version. ");
			if (pf_s(&g->lups, i, "district"))
				pf_link(h, pf_href(r, "/stadsdel/%s", pf_s(&g->lups, i, "district")), "Programmet");
		}
		html_close(h);
	}
}

static int render(struct http_req *r, const struct new_goal *g, const struct form *f, const struct form_errors *e,
		  int status)
{
	const char *key = pf_s(&g->org, 0, "key");
	const char *action = pf_href(r, "/organisation/%s/nytt-mal?ar=%lld", key, (long long)g->year);
	char year[16];
	struct html *h = page_begin(r, "Nytt mål", NAV_ORGS);

	snprintf(year, sizeof(year), "%ld", g->year);
	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/organisation/%s?ar=%lld", key, (long long)g->year), "Tillbaka till organisationen");
	html_close(h);
	html_elem(h, "h1", "Nytt mål", NULL);
	html_open(h, "p", NULL);
	html_textf(h, "Ett nytt nämndmål för %s. Indikatorer och aktiviteter lägger du till på "
		   "målets sida när det är sparat.", pf_s(&g->org, 0, "name"));
	html_close(h);
	lup_links(r, h, g);
	html_open(h, "form", "method", "post", "action", action, NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_select(h, e, "niva", "Nivå", level_values, level_labels, form_kept(f, "niva", "namndmal"), NULL);
	parent_select(r, h, g, e, form_kept(f, "overordnat", ""));
	form_input(h, e, "nummer", "Nummer", "text", form_kept(f, "nummer", NULL), "Målets nummer i planen, till exempel 3. "
		   "Frivilligt.", NULL);
	form_input(h, e, "namn", "Namn", "text", form_kept(f, "namn", NULL), NULL, NULL);
	form_textarea(h, e, "beskrivning", "Beskrivning", form_kept(f, "beskrivning", NULL),
		      "Vad målet innebär och hur nämnden arbetar för att nå det.", 8);
	form_input(h, e, "ar", "År", "text", form_kept(f, "ar", year), "Året planen gäller, till exempel 2023.", NULL);
	form_button(h, "Lägg till målet", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_goal_new(struct http_req *r)
{
	struct new_goal g;
	int rc;

	if ((rc = load(r, &g)) != 0)
		return rc;
	return render(r, &g, NULL, NULL, 200);
}

int page_goal_new_post(struct http_req *r)
{
	struct api_violations v = { .n = 0 };
	struct form_errors e = { 0 };
	struct new_goal g;
	struct form f;
	int64_t id = 0;
	long year = 0;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = load(r, &g)) != 0)
		return rc;
	if (pf_parse_year(form_get(&f, "ar"), &year) != 0)
		year = 0;
	if (form_get(&f, "niva") && strcmp(form_get(&f, "niva"), "lup") == 0) {
		form_error(r, &e, "niva", "Här skrivs nämndmål. LUP-mål skrivs i det lokala utvecklingsprogrammets "
			   "målsättningar (länken ovan).");
		return render(r, &g, &f, &e, 422);
	}
	struct api_goal_new in = {
		.level = form_nonempty(form_get(&f, "niva")), .parent = form_nonempty(form_get_trim(r, &f, "overordnat")),
		.name = form_get_trim(r, &f, "namn"), .description = form_nonempty(form_get_trim(r, &f, "beskrivning")),
		.number = form_nonempty(form_get_trim(r, &f, "nummer")), .owner = pf_printf(r, "%lld", (long long)g.id),
		.year = year, .source = "webb", .parent_required = 1, .page = 1,
	};
	rc = api_goal_create(r, &in, &v, &id);
	if (rc == 422 && v.n) {
		pf_violations_sv(r, &v, fields_sv, &e);
		return render(r, &g, &f, &e, 422);
	}
	if (rc != 201)
		return form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/mal/%lld?klart=ny", (long long)id));
}
