/* page-district-contributions.c: the contributions of other organisations on the district page
 * (see page-district-contributions.h). */
#include "web/page-district-contributions.h"
#include "web/pages-places.h"
#include "core/arena.h"
#include "web/pages-forms.h"
#include "edit/contribution.h"
#include "store/store.h"

#include <string.h>

void district_contrib_want(struct http_req *r, struct store_q *q, int *n, int64_t district, int64_t version_id,
			   const char *linked, struct rowset *c)
{
	struct sval *a = arena_alloc(&r->a, 3 * sizeof(*a));

	a[0] = SVI(district);
	a[1] = SVID(version_id);
	a[2] = SVS(linked);
	places_want(r, q, n, c, STMT_WEB_PLACES_DISTRICT_CONTRIB, a, 3);
}

int district_contrib_has(const struct rowset *c, int64_t id)
{
	for (int i = 0; i < c->nrows; i++)
		if (places_i(c, i, "id") == id)
			return 1;
	return 0;
}

/* who: "ORGANISATION – roll: rubrik" of row i. */
static void who(struct http_req *r, struct html *h, const struct rowset *c, int i)
{
	places_link(r, h, "/organisation", places_s(c, i, "owner"), places_s(c, i, "owner_name"));
	html_textf(h, " – %s: %s", places_role_sv(places_s(c, i, "role")), places_s(c, i, "title"));
}

void district_contrib_measure(struct http_req *r, struct html *h, const struct rowset *c, int64_t measure_id)
{
	int col = rowset_col(c, "measure_id");	/* found once: this runs once per measure */

	for (int i = 0; i < c->nrows; i++) {
		if (rowset_ic(c, i, col) != measure_id)
			continue;
		HTML_OPEN_AV(h, "p", "class", "contrib");
		html_text(h, "Bidrag från andra: ");
		who(r, h, c, i);
		html_close(h);
	}
}

/* goals: the contributions to the programme's goals. */
static void goals(struct http_req *r, struct html *h, const struct rowset *c)
{
	int n = 0;

	for (int i = 0; i < c->nrows; i++) {
		if (!places_i(c, i, "goal_id"))
			continue;
		if (!n++) {
			HTML_ELEM(h, "h3", "Bidrag till programmets mål");
			HTML_OPEN(h, "ul");
		}
		HTML_OPEN(h, "li");
		html_textf(h, "Mål: %s. Bidrag från andra: ", places_s(c, i, "goal_title"));
		who(r, h, c, i);
		html_close(h);
	}
	if (n)
		html_close(h);
}

/* aim: what row i contributes to in the version shown. */
static const char *aim(struct http_req *r, const struct rowset *c, int i)
{
	const char *m = places_s(c, i, "measure_title"), *g = places_s(c, i, "goal_title");

	if (m && g)
		return pf_printf(r, "Åtgärd: %s; mål: %s", m, g);
	if (m)
		return pf_printf(r, "Åtgärd: %s", m);
	if (g)
		return pf_printf(r, "Mål: %s", g);
	if (places_s(c, i, "measure0_title"))
		return pf_printf(r, "%s (finns inte i den här versionen av programmet)", places_s(c, i, "measure0_title"));
	if (places_s(c, i, "goal0_title"))
		return pf_printf(r, "%s (finns inte i den här versionen av programmet)", places_s(c, i, "goal0_title"));
	return "Stadsdelsområdet";
}

/* org_table: the contributions of the organisation starting at row i; returns the next row. */
static int org_table(struct http_req *r, struct html *h, const struct rowset *c, int i, const char *key)
{
	static const char *const cols[] = { "Bidrag", "Roll", "Bidrar till", "Status", "Start", "Slut", NULL };
	int64_t owner = places_i(c, i, "owner_id");
	int end = i;

	while (end < c->nrows && places_i(c, end, "owner_id") == owner)
		end++;
	HTML_OPEN(h, "h3");
	places_link(r, h, "/organisation", places_s(c, i, "owner"), places_s(c, i, "owner_name"));
	html_close(h);
	HTML_OPEN_AV(h, "table", "class", "list");
	HTML_OPEN(h, "caption");
	html_textf(h, "Bidrag från %s: %d", places_s(c, i, "owner_name"), end - i);
	html_close(h);
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int k = i; k < end; k++) {
		HTML_OPEN(h, "tr");
		HTML_OPEN_AV(h, "th", "scope", "row");
		html_text(h, places_s(c, k, "title"));
		if (pf_may_write(r, owner)) {
			html_text(h, " ");
			pf_link(h, pf_href(r, "/stadsdel/%s/bidrag/%s", key, places_s(c, k, "id")), "Ändra");
		}
		html_close(h);
		HTML_ELEM(h, "td", places_role_sv(places_s(c, k, "role")));
		HTML_ELEM(h, "td", aim(r, c, k));
		HTML_ELEM(h, "td", places_status_sv(places_s(c, k, "status")));
		HTML_ELEM_AV(h, "td", "class", "date", page_time(r, places_s(c, k, "start_text")));
		HTML_ELEM_AV(h, "td", "class", "date", page_time(r, places_s(c, k, "end_text")));
		html_close(h);
	}
	html_close(h);
	html_close(h);
	return end;
}

/* may_add: the caller may write contributions: an administrator, or an editor of an organisation
 * that is no district's. */
static int may_add(struct http_req *r, int *yes)
{
	int district = 0;

	*yes = r->user.role == ROLE_ADMIN;
	if (r->user.role != ROLE_EDITOR || !r->user.org_id)
		return 0;
	if (contrib_district_org(r->st, r->user.org_id, &district, &r->err) != LUP_OK)
		return places_fail(r);
	*yes = !district;
	return 0;
}

void district_contrib_status_want(struct http_req *r, struct store_q *q, int *n, const struct sval *key,
				  struct rowset *s)
{
	places_want(r, q, n, s, STMT_CB_DISTRICT_STATUS, key, 1);
}

/* standing: the district's standing in organisations' contribution plans (0020), e.g. that its
 * committee waits with the cooperation (s: district_contrib_status_want). */
static void standing(struct http_req *r, struct html *h, const struct rowset *s)
{
	for (int i = 0; i < s->nrows; i++) {
		const char *st = places_s(s, i, "status"), *note = places_s(s, i, "note");
		HTML_OPEN_AV(h, "p", "class", "contrib-status");
		html_textf(h, "%s: ", strcmp(st, "waiting") == 0 ? "Stadsdelsnämnden avvaktar samarbetet med" :
			   "Stadsdelsnämnden har avböjt samarbetet med");
		places_link(r, h, "/organisation", places_s(s, i, "owner"), places_s(s, i, "owner_name"));
		if (note && *note)
			html_textf(h, " (%s)", note);
		html_close(h);
	}
}

int district_contrib_section(struct http_req *r, struct html *h, const struct rowset *c,
			     const struct rowset *status, const char *key, const char *name)
{
	int add;

	if (may_add(r, &add))
		return -1;
	HTML_OPEN_AV(h, "section", "aria-labelledby", "bidrag");
	HTML_ELEM_AV(h, "h2", "id", "bidrag", "Bidrag till programmet");
	if (!c->nrows)
		HTML_ELEM(h, "p", "Inga andra organisationer har skrivit bidrag till programmet i lup.");
	else
		html_elem(h, "p", pf_printf(r, "Vad facknämnder, bolag och andra organisationer gör för programmet i %s, "
					    "och vem som ansvarar.", name), NULL);
	if (add) {
		HTML_OPEN(h, "p");
		pf_link(h, pf_href(r, "/stadsdel/%s/bidrag/nytt", key), "Lägg till ett bidrag");
		html_close(h);
	}
	standing(r, h, status);
	goals(r, h, c);
	for (int i = 0; i < c->nrows;)
		i = org_table(r, h, c, i, key);
	html_close(h);
	return 0;
}
