/* page-contribution.c: the forms of a contribution to a district's LUP, for the editors of other
 * organisations (not districts) and administrators:
 *	GET/POST /stadsdel/{key}/bidrag/nytt: a new contribution of the caller's organisation (an
 *	  administrator names the organisation) to a measure or LUP goal of the district's adopted
 *	  LUP: role, districts (the district pre-filled), title, description, start, end, status;
 *	GET/POST /stadsdel/{key}/bidrag/{id}: change it (the contributor's editors);
 *	POST /stadsdel/{key}/bidrag/{id}/ta-bort: remove it.
 * The writes are edit/contribution's (the rules, one transaction with its audit entry). */
#include "web/pages-forms.h"
#include "web/frozen.h"
#include "edit/contribution.h"
#include "model/status.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* The district of the route and its adopted LUP version's measures and goals. */
struct ctx {
	struct http_req *r;
	int64_t district, version_id;
	const char *key, *name;
	struct rowset targets;		/* STMT_CB_TARGETS */
	struct rowset cur;		/* STMT_CB_ONE: the contribution changed (0 rows: a new one) */
	const char *selected;		/* the current "m:ID" / "g:ID" in the adopted version */
};

#define NO_ADOPTED "Programmet har ingen antagen version ännu. Bidrag knyts till programmets antagna version."
#define PLAN_FROZEN "Organisationens bidragsplan är antagen och kan inte ändras. Skapa en ny version av den för att ändra bidrag."
#define DISTRICT_ORG "Stadsdelsnämnder och stadsdelsförvaltningar skriver inte bidrag: deras eget arbete står i deras program. " \
	"Bidrag kommer från facknämnder, bolag och andra organisationer."

/* district: the route's district with its adopted LUP version. Returns 0 or the page's status. */
static int district(struct ctx *c)
{
	struct http_req *r = c->r;
	struct sval key = SVS(r->params[0]);
	struct rowset d, ad;

	if (store_query_id(r->st, STMT_DISTRICT_ID_LOOSE, &key, 1, &c->district, &r->err) != LUP_OK)
		return form_fail_page(r, http_fail(r));
	struct sval id = SVI(c->district);
	if (!c->district)
		return page_error(r, 404, "Det finns inget stadsdelsområde med den adressen.");
	if (pf_query(r, &d, STMT_SHOW_DISTRICT, &id, 1) || pf_query(r, &ad, STMT_CB_ADOPTED, &id, 1))
		return r->status;
	c->key = pf_s(&d, 0, "key");
	c->name = pf_s(&d, 0, "name");
	if (!ad.nrows)
		return page_error(r, 409, NO_ADOPTED);
	c->version_id = pf_i(&ad, 0, "id");
	struct sval v = SVI(c->version_id);
	return pf_query(r, &c->targets, STMT_CB_TARGETS, &v, 1) ? r->status : 0;
}

/* contributor_ok: the caller writes contributions at all (403 page for a district's editors). */
static int contributor_ok(struct ctx *c)
{
	int d = 0;

	if (c->r->user.role == ROLE_ADMIN)
		return 0;
	if (contrib_district_org(c->r->st, c->r->user.org_id, &d, &c->r->err) != LUP_OK)
		return form_fail_page(c->r, http_fail(c->r));
	return d ? page_error(c->r, 403, DISTRICT_ORG) : 0;
}

/* existing: the route's contribution (params[1]) that the caller may change, and what it names
 * in the adopted version. Returns 0 or the page's status. */
static int existing(struct ctx *c)
{
	struct http_req *r = c->r;
	char *end;
	int64_t id = strtoll(r->params[1], &end, 10);
	struct rowset all;

	if (*end || id <= 0)
		id = 0;
	struct sval v = SVI(id), a[] = { SVI(c->district), SVI(c->version_id) };
	if (pf_query(r, &c->cur, STMT_CB_ONE, &v, 1))
		return r->status;
	if (!c->cur.nrows)
		return page_error(r, 404, "Det finns inget sådant bidrag.");
	if (!pf_may_write(r, pf_i(&c->cur, 0, "owner_id")))
		return pf_forbidden(r, pf_s(&c->cur, 0, "owner_name"));
	if (pf_i(&c->cur, 0, "frozen"))
		return page_error(r, 409, PLAN_FROZEN);
	if (pf_query(r, &all, STMT_CB_LIST, a, 2))
		return r->status;
	for (int i = 0; i < all.nrows; i++)
		if (pf_i(&all, i, "id") == id)
			c->selected = pf_i(&all, i, "measure_id") ? pf_printf(r, "m:%lld", (long long)pf_i(&all, i, "measure_id"))
				      : pf_i(&all, i, "goal_id") ? pf_printf(r, "g:%lld", (long long)pf_i(&all, i, "goal_id")) : NULL;
	return 0;
}

static const char *action(const struct ctx *c)
{
	if (!c->cur.nrows)
		return pf_href(c->r, "/stadsdel/%s/bidrag/nytt", c->key);
	return pf_href(c->r, "/stadsdel/%s/bidrag/%s", c->key, pf_s(&c->cur, 0, "id"));
}

/* target_select: the measures and goals of the adopted version. */
static void target_select(struct ctx *c, struct html *h, const struct form *f, const struct form_errors *e)
{
	int n = c->targets.nrows;
	const char **vals = arena_alloc(&c->r->a, (size_t)(n + 2) * sizeof(*vals));
	const char **labs = arena_alloc(&c->r->a, (size_t)(n + 2) * sizeof(*labs));

	vals[0] = "";
	labs[0] = "Välj åtgärd eller mål";
	for (int i = 0; i < n; i++) {
		int goal = strcmp(pf_s(&c->targets, i, "kind"), "goal") == 0;
		vals[i + 1] = pf_printf(c->r, "%c:%s", goal ? 'g' : 'm', pf_s(&c->targets, i, "id"));
		labs[i + 1] = pf_printf(c->r, "%s: %s", goal ? "Mål" : "Åtgärd", pf_s(&c->targets, i, "title"));
	}
	vals[n + 1] = labs[n + 1] = NULL;
	form_select(h, e, "mal", "Bidrar till", vals, labs, form_kept(f, "mal", c->selected),
		    "En åtgärd eller ett mål i programmets antagna version.");
}

static int render(struct ctx *c, const struct form *f, const struct form_errors *e, int status)
{
	struct http_req *r = c->r;
	const struct rowset *k = &c->cur;
	int edit = k->nrows > 0;
	struct html *h = page_begin(r, edit ? "Ändra bidrag" : "Nytt bidrag", NAV_DISTRICTS);

	html_open(h, "p", NULL);
	pf_link(h, pf_href(r, "/stadsdel/%s#bidrag", c->key), pf_printf(r, "Tillbaka till %s", c->name));
	html_close(h);
	html_elem(h, "h1", edit ? pf_printf(r, "Ändra bidraget från %s", pf_s(k, 0, "owner_name"))
				: pf_printf(r, "Nytt bidrag till programmet i %s", c->name), NULL);
	html_open(h, "form", "method", "post", "action", action(c), NULL);
	form_error_summary(h, e, 2);
	form_csrf_field(r, h);
	if (!edit && r->user.role == ROLE_ADMIN)
		form_input(h, e, "organisation", "Organisation", "text", form_kept(f, "organisation", NULL),
			   "Den bidragande organisationens nyckel, till exempel socialforvaltningen.", NULL);
	target_select(c, h, f, e);
	form_select(h, e, "roll", "Organisationens roll", act_role_choices, act_role_choice_labels,
		    form_kept(f, "roll", edit ? pf_s(k, 0, "role") : NULL), NULL);
	form_input(h, e, "stadsdelar", "Stadsdelsområden", "text", form_kept(f, "stadsdelar", edit ? NULL : c->key),
		   "Nycklar åtskilda med komma. Programmets stadsdelsområde ska vara med; tomt: bara det.", NULL);
	form_input(h, e, "namn", "Rubrik", "text", form_kept(f, "namn", edit ? pf_s(k, 0, "title") : NULL), NULL, NULL);
	form_textarea(h, e, "beskrivning", "Beskrivning", form_kept(f, "beskrivning", edit ? pf_s(k, 0, "description") : NULL),
		      NULL, 4);
	form_input(h, e, "start", "Start", "text", form_kept(f, "start", edit ? pf_s(k, 0, "start_text") : NULL),
		   "Till exempel 2026-03-01, 2026-03, 2026, vt 2026 eller ht 2026.", NULL);
	form_input(h, e, "slut", "Slut", "text", form_kept(f, "slut", edit ? pf_s(k, 0, "end_text") : NULL), NULL, NULL);
	form_select(h, e, "status", "Status", act_status_codes, act_status_labels,
		    form_kept(f, "status", edit ? pf_s(k, 0, "status") : "planned"), NULL);
	form_button(h, "Spara bidraget", NULL);
	html_close(h);
	if (edit) {
		html_open(h, "form", "method", "post", "action", pf_printf(r, "%s/ta-bort", action(c)), NULL);
		form_csrf_field(r, h);
		form_button(h, "Ta bort bidraget", "secondary");
		html_close(h);
	}
	return page_end_status(r, h, status);
}

/* The form's names of the edit layer's fields. */
static const char *form_field(const char *field)
{
	static const char *const map[][2] = { { "name", "namn" }, { "description", "beskrivning" }, { "start", "start" },
		{ "end", "slut" }, { "status", "status" }, { "role", "roll" }, { "measure", "mal" }, { "goal", "mal" },
		{ "districts", "stadsdelar" }, { "organisation", "organisation" } };

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i][0], field) == 0)
			return map[i][1];
	return "mal";
}

/* sv: the Swedish message of a refused field. */
static const char *sv(const struct contrib_fail *f)
{
	switch (f->rule) {
	case CONTRIB_R_REQUIRED:
		if (strcmp(f->field, "name") == 0) return "Skriv bidragets rubrik.";
		if (strcmp(f->field, "role") == 0) return "Välj organisationens roll.";
		if (strcmp(f->field, "organisation") == 0) return "Skriv organisationens nyckel.";
		return "Välj en åtgärd eller ett mål i programmet.";
	case CONTRIB_R_TOO_LONG:
		if (strcmp(f->field, "districts") == 0) return "Högst 64 stadsdelsområden.";
		if (strcmp(f->field, "description") == 0) return "Beskrivningen får vara högst 20 000 tecken.";
		if (strcmp(f->field, "name") == 0) return "Rubriken får vara högst 2 000 tecken.";
		return "Texten är för lång.";
	case CONTRIB_R_CHOICE:
		return strcmp(f->field, "role") == 0 ? "Välj organisationens roll." : "Välj en status.";
	case CONTRIB_R_DATE: return "Skriv ett datum som planer skriver dem: 2026-03-01, 2026-03, 2026, vt 2026 eller ht 2026.";
	case CONTRIB_R_ORDER: return "Slutet ligger före starten.";
	case CONTRIB_R_UNKNOWN:
		if (strcmp(f->field, "districts") == 0) return "Okänt stadsdelsområde: skriv nycklar åtskilda med komma.";
		if (strcmp(f->field, "organisation") == 0) return "Det finns ingen organisation med den nyckeln.";
		return "Välj en åtgärd eller ett mål i programmets antagna version.";
	case CONTRIB_R_NOT_LUP: return "Välj en åtgärd eller ett mål i ett lokalt utvecklingsprogram.";
	case CONTRIB_R_DRAFT_ONLY:
		return "Åtgärden eller målet finns bara i ett utkast av programmet. Bidrag knyts till den antagna "
		       "versionen: vänta tills utkastet är antaget.";
	case CONTRIB_R_SUPERSEDED: return "Åtgärden eller målet hör till en ersatt version av programmet. Välj i den antagna versionen.";
	case CONTRIB_R_MISMATCH: return "Åtgärden och målet hör till olika program.";
	case CONTRIB_R_DISTRICT: return "Stadsdelsområdet vars program bidraget gäller måste vara med.";
	case CONTRIB_R_DISTRICT_ORG: return DISTRICT_ORG;
	}
	return "Fältet är fel.";
}

/* read: the form's fields into in (every part set); districts split at commas and spaces. */
static void read(struct http_req *r, const struct form *f, struct contrib_in *in)
{
	const char *mal = form_get(f, "mal"), *ds = form_get(f, "stadsdelar");
	const char **list = arena_alloc(&r->a, (CONTRIB_DISTRICTS_MAX + 1) * sizeof(*list));
	int n = 0;

	memset(in, 0, sizeof(*in));
	in->name = form_nonempty(form_get_trim(r, f, "namn"));
	in->description = form_nonempty(form_get_trim(r, f, "beskrivning"));
	in->start = form_nonempty(form_get_trim(r, f, "start"));
	in->end = form_nonempty(form_get_trim(r, f, "slut"));
	in->status = form_nonempty(form_get(f, "status"));
	in->role = form_nonempty(form_get(f, "roll"));
	if (mal && strncmp(mal, "m:", 2) == 0 && mal[2])
		in->measure = mal + 2;
	else if (mal && strncmp(mal, "g:", 2) == 0 && mal[2])
		in->goal = mal + 2;
	for (const char *p = ds; p && *p;) {
		size_t skip = strspn(p, ", \t\n"), len;
		p += skip;
		len = strcspn(p, ", \t\n");
		if (!len)
			break;
		if (n < CONTRIB_DISTRICTS_MAX + 1)
			list[n++] = arena_strndup(&r->a, p, len);
		p += len;
	}
	in->districts = list;
	in->ndistricts = n;
	in->set_name = in->set_description = in->set_start = in->set_end = in->set_status = in->set_role = 1;
	in->set_measure = in->set_goal = in->set_districts = 1;
	in->source = "web";
}

static struct edit_actor actor(const struct http_req *r)
{
	struct edit_actor a = { r->user.id, r->user.name };

	return a;
}

/* done: the answer of a write: back to the district page, or the form with its error. */
static int done(struct ctx *c, const struct form *f, const struct contrib_fail *cf, int rc)
{
	struct http_req *r = c->r;
	struct form_errors e = { .n = 0 };

	if (rc == LUP_OK)
		return form_redirect(r, pf_href(r, "/stadsdel/%s#bidrag", c->key));
	if (r->err.code == LUP_EINVAL && cf->field) {
		form_error(r, &e, form_field(cf->field), "%s", sv(cf));
		return render(c, f, &e, 422);
	}
	if (r->err.code == LUP_ECONFLICT)
		return page_error(r, 409, PLAN_FROZEN);
	if (r->err.code == LUP_ENOTFOUND)
		return page_error(r, 404, "Det finns inget sådant bidrag.");
	return form_fail_page(r, http_fail(r));
}

int page_contribution_new(struct http_req *r)
{
	struct ctx c = { .r = r };
	int rc;

	if ((rc = district(&c)) != 0 || (rc = contributor_ok(&c)) != 0)
		return rc;
	return render(&c, NULL, NULL, 200);
}

int page_contribution_new_post(struct http_req *r)
{
	struct contrib_fail cf = { NULL, CONTRIB_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct ctx c = { .r = r };
	struct contrib_in in;
	struct form f;
	int64_t org = r->user.org_id, id = 0;
	int rc, district_org = 0;

	if ((rc = form_begin(r, &f)) != 0 || (rc = district(&c)) != 0 || (rc = contributor_ok(&c)) != 0)
		return rc;
	if (r->user.role == ROLE_ADMIN && !form_blank(form_get(&f, "organisation"))) {
		struct sval o = SVS(form_get_trim(r, &f, "organisation"));
		if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &o, 1, &org, &r->err) != LUP_OK ||
		    contrib_district_org(r->st, org, &district_org, &r->err) != LUP_OK)
			return form_fail_page(r, http_fail(r));
		if (district_org)
			return page_error(r, 403, DISTRICT_ORG);
	}
	read(r, &f, &in);
	return done(&c, &f, &cf, contrib_add(r->st, &who, org, &in, &id, &cf, &r->err));
}

int page_contribution(struct http_req *r)
{
	struct ctx c = { .r = r };
	int rc;

	if ((rc = district(&c)) != 0 || (rc = existing(&c)) != 0)
		return rc;
	return render(&c, NULL, NULL, 200);
}

int page_contribution_post(struct http_req *r)
{
	struct contrib_fail cf = { NULL, CONTRIB_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct ctx c = { .r = r };
	struct contrib_in in;
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = district(&c)) != 0 || (rc = existing(&c)) != 0)
		return rc;
	read(r, &f, &in);
	return done(&c, &f, &cf, contrib_change(r->st, &who, pf_i(&c.cur, 0, "id"), &in, NULL, &cf, &r->err));
}

int page_contribution_remove(struct http_req *r)
{
	struct contrib_fail cf = { NULL, CONTRIB_R_REQUIRED };
	struct edit_actor who = actor(r);
	struct ctx c = { .r = r };
	struct form f;
	int rc;

	if ((rc = form_begin(r, &f)) != 0 || (rc = district(&c)) != 0 || (rc = existing(&c)) != 0)
		return rc;
	return done(&c, &f, &cf, contrib_remove(r->st, &who, pf_i(&c.cur, 0, "id"), &r->err));
}
