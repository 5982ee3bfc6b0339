/* page-new-activity.c: GET/POST /mal/{key}/ny-aktivitet: a new activity under a goal (name,
 * description, start, end, status, the districts it serves), owned by the goal's owner, for
 * that organisation's editors and administrators. The write is api_activity_create, the API's
 * POST /api/v1/activities: the same limits and checks (dates as written in plans), authz_org
 * for the owner, one transaction with its audit entry. */
#include "web/pages-forms.h"
#include "model/status.h"
#include "web/api-create.h"
#include "store/store.h"

#include <string.h>


static const struct pf_field_sv fields_sv[] = {
	{ "name", "namn", "Skriv aktivitetens namn.", "Namnet", NULL },
	{ "description", "beskrivning", NULL, "Beskrivningen", NULL },
	{ "start", "start", NULL, "Starten",
	  "Skriv starten som en dag (2022-03-01), en månad (2022-03), ett år (2022) eller en termin (vt 2022, ht 2022)." },
	{ "end", "slut", NULL, "Slutet",
	  "Skriv slutet som en dag (2022-03-01), en månad (2022-03), ett år (2022) eller en termin (vt 2022, ht 2022)." },
	{ "status", "status", "Välj en status.", NULL, "Välj en status i listan." },
	{ "districts", "omrade", NULL, NULL, "Välj stadsdelsområden i listan." },
	{ "role", "roll", NULL, NULL, "Välj en roll i listan." },
	{ "goal", "namn", NULL, NULL, "Målet finns inte längre." },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* The goal of the address and the districts the form offers. */
struct new_act {
	struct rowset goal;	/* STMT_WEB_FORMS_GOAL */
	struct rowset areas;	/* STMT_WEB_FORMS_OUTCOME_AREAS: the municipality, then the districts */
	const char *home;	/* the key of the owner's district (checked at first), or NULL */
};

/* load: the goal (404), the right to write for its owner (403), the districts. */
static int load(struct http_req *r, struct new_act *a)
{
	struct rowset home;
	int rc;

	if ((rc = pf_goal_load(r, &a->goal, 1)) != 0)
		return rc;
	struct sval owner = SVI(pf_i(&a->goal, 0, "owner_id"));
	if (pf_query(r, &a->areas, STMT_WEB_FORMS_OUTCOME_AREAS, NULL, 0) != 0 ||
	    pf_query(r, &home, STMT_WEB_FORMS_ORG_AREA, &owner, 1) != 0)
		return r->status;
	a->home = home.nrows && strcmp(pf_s(&home, 0, "level"), "district") == 0 ? pf_s(&home, 0, "key") : NULL;
	return 0;
}

/* checked: is district key among the form's "omrade" values (or, without a form, the home)? */
static int checked(const struct new_act *a, const struct form *f, const char *key)
{
	if (!f)
		return a->home && strcmp(a->home, key) == 0;
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->name[i], "omrade") == 0 && strcmp(f->value[i], key) == 0)
			return 1;
	return 0;
}

/* districts: the districts as checkboxes in a fieldset; the first box has the id the error
 * summary links to (f-omrade). */
static void districts(struct http_req *r, struct html *h, const struct new_act *a, const struct form *f,
		      const struct form_errors *e)
{
	const char *msg = form_error_of(e, "omrade");
	int first = 1;

	html_open(h, "fieldset", "class", msg ? "field field-invalid checks" : "field checks",
		  "aria-describedby", msg ? "f-omrade-hjalp f-omrade-fel" : "f-omrade-hjalp", NULL);
	html_elem(h, "legend", "Stadsdelsområden", NULL);
	html_elem(h, "p", "Där aktiviteten görs. Frivilligt.", "class", "hint", "id", "f-omrade-hjalp", NULL);
	if (msg) {
		html_open(h, "p", "class", "field-error", "id", "f-omrade-fel", NULL);
		html_elem(h, "span", "Fel: ", "class", "visually-hidden", NULL);
		html_text(h, msg);
		html_close(h);
	}
	for (int i = 0; i < a->areas.nrows; i++) {
		const char *key = pf_s(&a->areas, i, "key"), *id;
		if (strcmp(pf_s(&a->areas, i, "level"), "district") != 0)
			continue;
		id = first ? "f-omrade" : pf_printf(r, "f-omrade-%s", key);
		first = 0;
		html_open(h, "div", "class", "check", NULL);
		html_void(h, "input", "type", "checkbox", "id", id, "name", "omrade", "value", key,
			  "checked", checked(a, f, key) ? "" : NULL, NULL);
		html_elem(h, "label", pf_s(&a->areas, i, "name"), "for", id, NULL);
		html_close(h);
	}
	html_close(h);
}

static int render(struct http_req *r, const struct new_act *a, const struct form *f, const struct form_errors *e,
		  int status)
{
	const char *key = pf_s(&a->goal, 0, "key");
	const char *dates = "Som i planen: en dag (2022-03-01), en månad (2022-03), ett år (2022) eller en termin "
			    "(vt 2022, ht 2022). Lämna tomt om det inte är bestämt.";
	struct html *h = page_begin(r, "Ny aktivitet", NAV_ORGS);

	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/mal/%s", key), "Tillbaka till målet");
	html_close(h);
	html_elem(h, "h1", "Ny aktivitet", NULL);
	html_open(h, "p", NULL);
	html_textf(h, "Under %s ”%s”. Aktiviteten ägs av %s.", pf_level_sv(pf_s(&a->goal, 0, "level")),
		   pf_s(&a->goal, 0, "name"), pf_s(&a->goal, 0, "owner_name"));
	html_close(h);
	html_open(h, "form", "method", "post", "action", pf_href(r, "/mal/%s/ny-aktivitet", key), NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	form_textarea(h, e, "namn", "Namn", form_kept(f, "namn", NULL), NULL, 3);
	form_textarea(h, e, "beskrivning", "Beskrivning", form_kept(f, "beskrivning", NULL), NULL, 6);
	form_input(h, e, "start", "Start", "text", form_kept(f, "start", NULL), dates, NULL);
	form_input(h, e, "slut", "Slut", "text", form_kept(f, "slut", NULL), "Samma sätt att skriva som starten.", NULL);
	form_select(h, e, "status", "Status", act_status_codes, act_status_labels, form_kept(f, "status", "planned"), NULL);
	form_select(h, e, "roll", "Organisationens roll", act_role_choices, act_role_choice_labels,
		    form_kept(f, "roll", ""), "Vilken roll organisationen har i aktiviteten.");
	districts(r, h, a, f, e);
	form_button(h, "Lägg till aktiviteten", NULL);
	html_close(h);
	return page_end_status(r, h, status);
}

int page_activity_new(struct http_req *r)
{
	struct new_act a;
	int rc;

	if ((rc = load(r, &a)) != 0)
		return rc;
	return render(r, &a, NULL, NULL, 200);
}

/* form_districts: the form's "omrade" values (at most API_MAX_DISTRICTS + 1: more are a
 * broken rule of the core), in the arena. */
static const char **form_districts(struct http_req *r, const struct form *f, int *n)
{
	const char **out = arena_alloc(&r->a, sizeof(*out) * (API_MAX_DISTRICTS + 1));

	*n = 0;
	for (int i = 0; i < f->n && *n <= API_MAX_DISTRICTS; i++)
		if (strcmp(f->name[i], "omrade") == 0)
			out[(*n)++] = f->value[i];
	return out;
}

int page_activity_new_post(struct http_req *r)
{
	struct api_violations v = { .n = 0 };
	struct form_errors e = { 0 };
	struct new_act a;
	struct form f;
	int64_t id = 0;
	int rc, nd;

	if ((rc = form_begin(r, &f)) != 0 || (rc = load(r, &a)) != 0)
		return rc;
	const char **ds = form_districts(r, &f, &nd);
	struct api_activity_new in = {
		.name = form_get_trim(r, &f, "namn"), .description = form_nonempty(form_get_trim(r, &f, "beskrivning")),
		.start = form_nonempty(form_get_trim(r, &f, "start")), .end = form_nonempty(form_get_trim(r, &f, "slut")),
		.status = form_get(&f, "status"), .role = form_nonempty(form_get(&f, "roll")), .owner = pf_s(&a.goal, 0, "owner"),
		.goal = pf_printf(r, "%lld", (long long)pf_i(&a.goal, 0, "id")), .districts = ds, .ndistricts = nd,
		.source = "webb",
	};
	rc = api_activity_create(r, &in, &v, &id);
	if (rc == 422 && v.n) {
		pf_violations_sv(r, &v, fields_sv, &e);
		return render(r, &a, &f, &e, 422);
	}
	if (rc != 201)
		return form_fail_page(r, rc);
	return form_redirect(r, pf_href(r, "/mal/%s?klart=ny-aktivitet", pf_s(&a.goal, 0, "key")));
}
