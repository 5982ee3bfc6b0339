/* page-org-history.c: the part of the organisation page (GET /organisation/{key}) on earlier
 * versions of its plans and what changed: the plan versions of the year's plans, and for
 * logged-in users the audit log of its goals and indicators with each change in words (the
 * entries' JSON before and after, compared field by field). */
#include "web/pages-places.h"
#include "view/org.h"
#include "model/fmt.h"
#include "render/fieldnames.h"
#include "store/store.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_CHANGES 12		/* changes listed per audit entry */
#define QUOTE_MAX 160		/* bytes of a text value quoted */

static const char *status_sv(const char *s)
{
	return !s ? "" : strcmp(s, "draft") == 0 ? "utkast" : strcmp(s, "decided") == 0 ? "beslutad" :
	       strcmp(s, "revision") == 0 ? "under revidering" : strcmp(s, "superseded") == 0 ? "ersatt" : s;
}

/* scalar: a JSON scalar of field key as text for people (codes as Swedish words, numbers the
 * Swedish way, text cut). */
static void scalar(const char *key, const json_t *v, char *out, size_t n)
{
	if (!v || json_is_null(v)) {
		snprintf(out, n, "(tomt)");
	} else if (json_is_string(v) && fieldvalue_sv(key, json_string_value(v)) != json_string_value(v)) {
		snprintf(out, n, "%s", fieldvalue_sv(key, json_string_value(v)));
	} else if (json_is_integer(v) && fieldname_is_flag(key)) {
		snprintf(out, n, "%s", json_integer_value(v) ? "ja" : "nej");
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		size_t len = strlen(s), cut = len > QUOTE_MAX ? QUOTE_MAX : len;
		while (cut < len && cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
		snprintf(out, n, "”%.*s%s”", (int)cut, s, cut < len ? " …" : "");
	} else if (json_is_number(v)) {
		double d = json_number_value(v);
		if (model_fmt_num(d, places_decimals(d), out, n) != 0)
			snprintf(out, n, "?");
	} else if (json_is_boolean(v)) {
		snprintf(out, n, "%s", json_is_true(v) ? "ja" : "nej");
	} else {
		snprintf(out, n, "(lista)");
	}
}

/* item_id: the identity of an element of targets (year, kind) or outcomes (period, area, sex). */
static void item_id(const char *key, const json_t *e, char *out, size_t n)
{
	if (strcmp(key, "targets") == 0) {
		const char *kind = json_string_value(json_object_get(e, "kind"));
		snprintf(out, n, "%s %lld", kind && strcmp(kind, "kf") == 0 ? "KF:s årsmål" : "Årsmål",
			 (long long)json_integer_value(json_object_get(e, "year")));
	} else {
		const char *p = json_string_value(json_object_get(e, "period"));
		const char *a = json_string_value(json_object_get(e, "area"));
		const char *s = json_string_value(json_object_get(e, "sex"));
		snprintf(out, n, "Utfall %s, %s, %s", p ? p : "", a ? a : "", places_sex_sv(s ? s : "T"));
	}
}

static const json_t *find_item(const char *key, const json_t *arr, const json_t *e)
{
	char want[160], have[160];
	size_t i;
	const json_t *x;

	item_id(key, e, want, sizeof(want));
	json_array_foreach(arr, i, x) {
		item_id(key, x, have, sizeof(have));
		if (strcmp(want, have) == 0)
			return x;
	}
	return NULL;
}

/* item_value: the value people read in a target (its text) or an outcome (value). */
static const json_t *item_value(const char *key, const json_t *e)
{
	return e ? json_object_get(e, strcmp(key, "targets") == 0 ? "text" : "value") : NULL;
}

/* list_changes: the changed elements of targets or outcomes, as "what: before → after". */
static void list_changes(struct html *h, const char *key, const json_t *b, const json_t *a, int *n)
{
	char id[160], bv[200], av[200];
	size_t i;
	const json_t *e, *other;

	json_array_foreach(a, i, e) {
		other = find_item(key, b, e);
		if (other && json_equal(other, e))
			continue;
		if ((*n)++ >= MAX_CHANGES)
			return;
		item_id(key, e, id, sizeof(id));
		scalar("", item_value(key, other), bv, sizeof(bv));
		scalar("", item_value(key, e), av, sizeof(av));
		HTML_OPEN(h, "li");
		html_textf(h, "%s: %s → %s", id, other ? bv : "(nytt)", av);
		html_close(h);
	}
	json_array_foreach(b, i, e) {
		if (find_item(key, a, e) || (*n)++ >= MAX_CHANGES)
			continue;
		item_id(key, e, id, sizeof(id));
		HTML_OPEN(h, "li");
		html_textf(h, "%s: togs bort", id);
		html_close(h);
	}
}

/* changes: what differs between the JSON before and after, one list item per change. */
static void changes(struct html *h, const char *action, const char *before, const char *after)
{
	json_t *b = before ? json_loads(before, 0, NULL) : NULL, *a = after ? json_loads(after, 0, NULL) : NULL;
	const char *k;
	json_t *v;
	int n = 0;
	char bv[200], av[200];

	HTML_OPEN_A(h, "ul", "class", "plain");
	if (!b || !a) {
		html_elem(h, "li", strcmp(action, "insert") == 0 ? "Skapades" : strcmp(action, "delete") == 0 ?
			  "Togs bort" : "Ändrades", NULL);
	} else {
		json_object_foreach(a, k, v) {
			const json_t *old = json_object_get(b, k);
			if (old && json_equal(old, v))
				continue;
			if (strcmp(k, "targets") == 0 || strcmp(k, "outcomes") == 0) {
				list_changes(h, k, old, v, &n);
				continue;
			}
			if (n++ >= MAX_CHANGES)
				break;
			scalar(k, old, bv, sizeof(bv));
			scalar(k, v, av, sizeof(av));
			HTML_OPEN(h, "li");
			if (json_is_array(v) || json_is_object(v))
				html_textf(h, "%s ändrades", fieldname_sv(k));
			else
				html_textf(h, "%s: %s → %s", fieldname_sv(k), bv, av);
			html_close(h);
		}
		if (!n)
			HTML_ELEM(h, "li", "Inga ändrade fält");
		else if (n > MAX_CHANGES)
			HTML_ELEM(h, "li", "… och fler ändringar");
	}
	html_close(h);
	json_decref(b);
	json_decref(a);
}

/* decided_by: the cell of the organisation that decided a version (its key and name), linked. */
static void decided_by(struct http_req *r, struct html *h, const struct view_org_version *v)
{
	HTML_OPEN(h, "td");
	if (v->decided_by)
		places_link(r, h, "/organisation", v->decided_by, v->decided_by_name);
	else
		html_text(h, "–");
	html_close(h);
}

/* versions: the versions of the plans that cover the year (o->versions); the number of plans
 * with more than one version in *earlier. */
static void versions(struct http_req *r, struct html *h, const struct view_org *o, int *earlier)
{
	static const char *const cols[] = { "Plan", "Version", "Status", "Beslutad av", "Beslutsdatum", "Anteckning", NULL };

	*earlier = 0;
	if (!o->nversions)
		return;
	HTML_OPEN(h, "table");
	HTML_OPEN(h, "caption");
	html_textf(h, "Planer för %ld och deras versioner", o->year);
	html_close(h);
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (size_t i = 0; i < o->nversions; i++) {
		const struct view_org_version *v = &o->versions[i];

		/* a plan's second version counts it once */
		*earlier += i > 0 && v->version && o->versions[i - 1].plan_id == v->plan_id &&
			    (i < 2 || o->versions[i - 2].plan_id != v->plan_id);
		if (!v->version)
			continue;
		HTML_OPEN(h, "tr");
		HTML_ELEM_A(h, "th", "scope", "row", v->plan);
		HTML_ELEM(h, "td", v->version);
		HTML_ELEM(h, "td", status_sv(v->status));
		decided_by(r, h, v);
		HTML_ELEM(h, "td", page_time(r, v->decided_on));
		HTML_ELEM(h, "td", v->note ? v->note : "");
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* audit: the changes of the organisation's goals and indicators of the year (logged-in users). */
static int audit(struct http_req *r, struct html *h, int64_t org, long year, int *n)
{
	static const char *const cols[] = { "Tidpunkt", "Av", "Vad", "Ändring", NULL };
	struct sval args[] = { SVI(org), SVI(year) };
	struct rowset a;

	if (places_query(r, &a, STMT_WEB_PLACES_ORG_AUDIT, args, 2))
		return -1;
	*n = a.nrows;
	if (!a.nrows)
		return 0;
	HTML_OPEN(h, "table");
	HTML_OPEN(h, "caption");
	html_textf(h, "Ändringar i mål och indikatorer för %ld, senaste först (ur ändringsloggen)", year);
	html_close(h);
	places_thead(h, cols);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < a.nrows; i++) {
		HTML_OPEN(h, "tr");
		HTML_ELEM(h, "td", page_time(r, places_s(&a, i, "at")));
		HTML_ELEM(h, "td", places_s(&a, i, "actor"));
		HTML_OPEN_A(h, "th", "scope", "row");
		html_textf(h, "%s: %s", fieldname_entity_sv(places_s(&a, i, "entity")),
			   places_s(&a, i, "name"));
		html_close(h);
		HTML_OPEN(h, "td");
		changes(h, places_s(&a, i, "action"), places_s(&a, i, "before"), places_s(&a, i, "after"));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	return 0;
}

int page_org_history(struct http_req *r, struct html *h, const struct view_org *o)
{
	int64_t org = o->id;
	long year = o->year;
	int earlier = 0, changed = 0;

	HTML_OPEN_A(h, "section", "aria-labelledby", "versioner");
	HTML_ELEM_A(h, "h2", "id", "versioner", "Tidigare versioner och ändringar");
	versions(r, h, o, &earlier);
	if (r->user.role != ROLE_ANON && audit(r, h, org, year, &changed))
		return -1;
	if (!earlier)
		HTML_ELEM(h, "p", "Inga tidigare versioner av planen.");
	if (r->user.role != ROLE_ANON && !changed) {
		HTML_OPEN(h, "p");
		html_textf(h, "Målen och indikatorerna för %ld har inte ändrats sedan de lästes in.", year);
		html_close(h);
	}
	if (r->user.role == ROLE_ANON)
		html_elem(h, "p", "Vem som ändrade vad och när (ändringsloggen) visas för inloggade användare.",
			  "class", "muted", NULL);
	html_close(h);
	return 0;
}
