/* page-new-indicator.c: GET/POST /mal/{key}/ny-indikator: a new indicator under a goal (name,
 * unit, direction, periodicity, division by sex and area, Kolada KPI), for the editors of the goal's owner and administrators. The
 * write is api_indicator_create, the API's POST /api/v1/indicators: the same limits and
 * checks, authz_org for the goal's owner, one transaction with its audit entry. Targets and
 * outcomes are then set on the indicator's editing page. */
#include "web/pages-forms.h"
#include "web/api-create.h"
#include "store/store.h"

#include <string.h>

static const char *const direction_values[] = { "higher", "lower", "none", NULL };
static const char *const direction_labels[] = { "Högre värde är bättre", "Lägre värde är bättre",
						"Ingen riktning (värdet ska nås)", NULL };
static const char *const periodicity_values[] = { "year", "tertial", "quarter", "month", NULL };
static const char *const periodicity_labels[] = { "År", "Tertial", "Kvartal", "Månad", NULL };
static const char *const yn_values[] = { "0", "1", NULL }, *const yn_labels[] = { "Nej", "Ja", NULL };

static const struct pf_field_sv fields_sv[] = {
	{ "name", "namn", "Skriv indikatorns namn.", "Namnet", NULL },
	{ "unit", "enhet", NULL, "Enheten", NULL },
	{ "direction", "riktning", "Välj en riktning.", NULL, "Välj en riktning i listan." },
	{ "periodicity", "periodicitet", "Välj hur ofta indikatorn följs upp.", NULL, "Välj en periodicitet i listan." },
	{ "goal", "namn", NULL, NULL, "Målet finns inte längre." },
	{ "kolada_kpi", "kolada", NULL, NULL, "Skriv nyckeltalets id som en stor bokstav och fem siffror, till exempel N15033." },
	{ NULL, NULL, NULL, NULL, NULL },
};

static int render(struct http_req *r, const struct rowset *g, const struct form *f, const struct form_errors *e,
		  int status)
{
	const char *key = pf_s(g, 0, "key");
	struct html *h = page_begin(r, "Ny indikator", NAV_ORGS);

	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/mal/%s", key), "Tillbaka till målet");
	html_close(h);
	html_elem(h, "h1", "Ny indikator", NULL);
	html_open(h, "p", NULL);
	html_textf(h, "Under %s ”%s”, som ägs av %s. Årsmål och utfall lägger du till på indikatorns sida när den "
		   "är sparad.", pf_level_sv(pf_s(g, 0, "level")), pf_s(g, 0, "name"), pf_s(g, 0, "owner_name"));
	html_close(h);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/mal/%s/ny-indikator", key), NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_input(h, e, "namn", "Namn", "text", form_kept(f, "namn", NULL), NULL, NULL);
	form_input(h, e, "enhet", "Enhet", "text", form_kept(f, "enhet", NULL), "Till exempel %, antal eller index. Frivilligt.",
		   NULL);
	form_select(h, e, "riktning", "Riktning", direction_values, direction_labels, form_kept(f, "riktning", "higher"),
		    "Vilket håll som är bättre när utfallet jämförs med målet och med staden.");
	form_select(h, e, "periodicitet", "Periodicitet", periodicity_values, periodicity_labels,
		    form_kept(f, "periodicitet", "year"), "Hur ofta indikatorn följs upp.");
	form_select(h, e, "per-kon", "Uppdelad på kön", yn_values, yn_labels, form_kept(f, "per-kon", "0"),
		    "Ja: utfall och mål kan anges för kvinnor och män utöver totalen.");
	form_select(h, e, "per-omrade", "Uppdelad på område", yn_values, yn_labels, form_kept(f, "per-omrade", "0"), NULL);
	form_input(h, e, "kolada", "Kolada-nyckeltal", "text", form_kept(f, "kolada", NULL),
		   "Nyckeltalets id i Kolada, till exempel N15033. Frivilligt.", NULL);
	form_button(h, "Lägg till indikatorn", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_indicator_new(struct http_req *r)
{
	struct rowset g;
	int rc;

	if ((rc = pf_goal_load(r, &g, 1)) != 0)
		return rc;
	return render(r, &g, NULL, NULL, 200);
}

int page_indicator_new_post(struct http_req *r)
{
	struct api_violations v = { .n = 0 };
	struct form_errors e = { 0 };
	struct rowset g;
	struct form f;
	const char *unit, *kpi, *sx, *ar;
	int64_t id = 0;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = pf_goal_load(r, &g, 1)) != 0)
		return rc;
	unit = form_get_trim(r, &f, "enhet");
	kpi = form_get_trim(r, &f, "kolada");
	sx = form_get(&f, "per-kon");
	ar = form_get(&f, "per-omrade");
	struct api_indicator_new in = {
		.goal = pf_printf(r, "%lld", (long long)pf_i(&g, 0, "id")), .name = form_get_trim(r, &f, "namn"),
		.unit = unit && *unit ? unit : NULL, .direction = form_get(&f, "riktning"),
		.periodicity = form_get(&f, "periodicitet"), .source = "webb", .page = 1,
		.by_sex = sx && strcmp(sx, "1") == 0, .by_area = ar && strcmp(ar, "1") == 0,
		.kolada_kpi = kpi && *kpi ? kpi : NULL,
	};
	rc = api_indicator_create(r, &in, &v, &id);
	if (rc == 422 && v.n) {
		pf_violations_sv(r, &v, fields_sv, &e);
		return render(r, &g, &f, &e, 422);
	}
	if (rc == 409)	/* the goal's plan version is adopted: answered by api_indicator_create */
		return rc;
	if (rc != 201)
		return form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/indikator/%lld?klart=ny", (long long)id));
}
