/* page-history.c: GET /historik/{entity}/{id}: the audit log of a goal, indicator, activity or
 * follow-up report: who changed it, when, and what changed (the fields whose values differ
 * between the entry's before and after, rows added to and removed from its lists). */
#include "web/pages-forms.h"
#include "web/authz.h"
#include "core/buf.h"
#include "render/fieldnames.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#define LIST_MAX 10	/* list rows shown per field and entry */

struct entity {
	const char *slug, *alias;	/* in the URL: Swedish, or the audit log's own name */
	const char *entity;		/* audit.entity */
	const char *what;		/* "inget mål" */
	enum stmt by_key, name_stmt;
	enum stmt exists;		/* (id) -> a row when it exists, whoever asks (STMT__MAX: none) */
	const char *page;		/* the thing's page: prefix for its id or key */
	const char *back;		/* the link to it: "Till målet" */
};

static const struct entity entities[] = {
	{ "mal", "goal", "goal", "inget mål", STMT_GOAL_ID, STMT_WEB_FORMS_GOAL, STMT_GOAL_OWNER, "/mal", "Till målet" },
	{ "indikator", "indicator", "indicator", "ingen indikator", STMT_INDICATOR_ID, STMT_WEB_FORMS_INDICATOR, STMT_INDICATOR_OWNER, "/indikator", "Till indikatorn" },
	{ "aktivitet", "activity", "activity", "ingen aktivitet", STMT_ACTIVITY_ID, STMT_WEB_FORMS_ACTIVITY, STMT_ACTIVITY_OWNER, "/aktivitet", "Till aktiviteten" },
	{ "rapport", "report", "report", "ingen rapport", STMT__MAX, STMT_WEB_FORMS_REPORT, STMT__MAX, "/uppfoljning", "Till rapporten" },
};

/* value_sv: the Swedish word of a stored code of field key ("fulfilled" -> "Uppfyllt"). */
static const char *value_sv(const char *key, const char *v)
{
	return fieldvalue_sv(key, v);
}

/* scalar: a JSON scalar of field key as text into b (codes as Swedish labels, numbers the
 * Swedish way). */
static void scalar(struct http_req *r, struct buf *b, const char *key, const json_t *v)
{
	if (!v || json_is_null(v))
		buf_adds(b, "–");
	else if (json_is_string(v))
		buf_adds(b, value_sv(key, json_string_value(v)));
	else if (json_is_integer(v) && fieldname_is_flag(key))
		buf_adds(b, json_integer_value(v) ? "ja" : "nej");
	else if (json_is_integer(v))
		buf_addf(b, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		buf_adds(b, pf_num(r, json_real_value(v)));
	else if (json_is_boolean(v))
		buf_adds(b, json_is_true(v) ? "ja" : "nej");
	else
		buf_adds(b, json_is_array(v) ? "(lista)" : "(objekt)");
}

/* item: a list row: an object as "Fält: värde, ..." of its scalar members. */
static const char *item(struct http_req *r, const json_t *v)
{
	struct buf b;
	const char *key, *out;
	json_t *m;
	int n = 0;

	buf_init(&b, 8192);
	if (!json_is_object(v))
		scalar(r, &b, "", v);
	json_object_foreach((json_t *)v, key, m) {
		if (json_is_array(m) || json_is_object(m) || json_is_null(m))
			continue;
		buf_adds(&b, n++ ? ", " : "");
		buf_adds(&b, fieldname_sv(key));
		buf_adds(&b, ": ");
		scalar(r, &b, key, m);
	}
	out = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return out;
}

static int contains(const json_t *arr, const json_t *v)
{
	for (size_t i = 0; i < json_array_size(arr); i++)
		if (json_equal(json_array_get(arr, i), (json_t *)v))
			return 1;
	return 0;
}

/* list_diff: the rows of `of` that `other` lacks, each in a <tag> (ins or del). */
static void list_diff(struct http_req *r, struct html *h, const json_t *of, const json_t *other, const char *tag,
		      const char *verb)
{
	size_t shown = 0, left = 0;

	for (size_t i = 0; i < json_array_size(of); i++) {
		const json_t *v = json_array_get(of, i);
		if (other && contains(other, v))
			continue;
		if (shown >= LIST_MAX) {
			left++;
			continue;
		}
		html_open(h, "li", NULL);
		html_text(h, verb);
		html_elem(h, tag, item(r, v), NULL);
		html_close(h);
		shown++;
	}
	if (left) {
		html_open(h, "li", NULL);
		html_textf(h, "och %zu rader till", left);
		html_close(h);
	}
}

static void field_change(struct http_req *r, struct html *h, const char *key, const json_t *b, const json_t *a)
{
	struct buf t;

	html_open(h, "li", NULL);
	html_elem(h, "strong", fieldname_sv(key), NULL);
	if ((!b || json_is_array(b) || json_is_null(b)) && (!a || json_is_array(a) || json_is_null(a))) {
		html_open(h, "ul", NULL);
		list_diff(r, h, a, b, "ins", "Tillagt: ");
		list_diff(r, h, b, a, "del", "Borttaget: ");
		html_close(h);
	} else {
		buf_init(&t, 1 << 20);
		html_text(h, ": ");
		if (b) {
			scalar(r, &t, key, b);
			html_elem(h, "del", t.ptr, NULL);
			html_text(h, " → ");
			buf_reset(&t);
		}
		scalar(r, &t, key, a);
		html_elem(h, b ? "ins" : "span", t.ptr, NULL);
		buf_release(&t);
	}
	html_close(h);
}

/* changes: what differs between before and after (JSON texts; either may be NULL). */
static void changes(struct http_req *r, struct html *h, const char *before, const char *after)
{
	json_t *b = before ? json_loads(before, 0, NULL) : NULL, *a = after ? json_loads(after, 0, NULL) : NULL;
	const char *key;
	json_t *v;
	int n = 0;

	if ((before && !json_is_object(b)) || (after && !json_is_object(a))) {
		html_text(h, after ? after : before ? before : "");
		goto out;
	}
	if (!a) {
		html_text(h, "Togs bort.");
		goto out;
	}
	html_open(h, "ul", NULL);
	json_object_foreach(a, key, v) {
		json_t *old = b ? json_object_get(b, key) : NULL;
		if (strcmp(key, "id") == 0 || (b && json_equal(old, v)) || (!b && (json_is_null(v) ||
		    (json_is_array(v) && !json_array_size(v)))))
			continue;
		field_change(r, h, key, old, v);
		n++;
	}
	json_object_foreach(b, key, v)
		if (!json_object_get(a, key)) {
			field_change(r, h, key, v, NULL);
			n++;
		}
	if (!n)
		html_elem(h, "li", "Inga ändrade värden.", NULL);
	html_close(h);
out:
	json_decref(b);
	json_decref(a);
}

/* title_of: the thing's name (a report: its period and organisation) and its page's address,
 * "(borttagen)" without an address when it no longer exists; NULL after answering a 500. */
static const char *title_of(struct http_req *r, const struct entity *en, int64_t id, const char **href)
{
	struct sval arg = SVI(id);
	struct rowset rs;
	struct buf b;
	const char *t;

	*href = NULL;
	if (pf_query(r, &rs, en->name_stmt, &arg, 1) != 0)
		return NULL;
	if (!rs.nrows && en->exists != STMT__MAX) {
		/* it exists but the caller may not read it (a draft's: authz.h); else it was deleted */
		struct rowset ex;
		if (pf_query(r, &ex, en->exists, &arg, 1) != 0)
			return NULL;
		if (ex.nrows) {
			page_error(r, 404, "Det finns ingen sida med den adressen.");
			return NULL;
		}
	}
	if (!rs.nrows)
		return "(borttagen)";
	if (en->by_key != STMT__MAX) {
		*href = page_href(r, en->page, pf_s(&rs, 0, "key"));
		return pf_s(&rs, 0, "name");
	}
	*href = pf_href(r, "/uppfoljning/%lld", (long long)id);
	buf_init(&b, 1024);
	buf_addf(&b, "%s – %s", pf_period_label(r, (long)pf_i(&rs, 0, "year"), pf_s(&rs, 0, "period")),
		 pf_s(&rs, 0, "org_name"));
	t = arena_strdup(&r->a, b.ptr);
	buf_release(&b);
	return t;
}

static void entries(struct http_req *r, struct html *h, const struct rowset *au, const char *title)
{
	static const char *const cols[] = { "När", "Vem", "Vad", "Ändringar", NULL };

	if (!au->nrows) {
		html_elem(h, "p", "Det finns inga ändringar i loggen.", NULL);
		return;
	}
	html_open(h, "table", NULL);
	html_open(h, "caption", NULL);
	html_textf(h, "Ändringar av %s, nyast först", title);
	html_close(h);
	pf_thead(h, cols);
	html_open(h, "tbody", NULL);
	for (int i = au->nrows - 1; i >= 0; i--) {
		html_open(h, "tr", NULL);
		html_elem(h, "th", page_time(r, pf_s(au, i, "at")), "scope", "row", NULL);
		html_elem(h, "td", pf_s(au, i, "actor"), NULL);
		html_elem(h, "td", fieldname_action_sv(pf_s(au, i, "action")), NULL);
		html_open(h, "td", NULL);
		changes(r, h, pf_s(au, i, "before"), pf_s(au, i, "after"));
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* report_readable: 0 when the caller may read report id and so its history (a draft's
 * entries hold its assessments: authz_report_readable), else the 404 or 403 page. */
static int report_readable(struct http_req *r, int64_t id)
{
	int found, ok = authz_report_id(&r->user, r->st, id, &found, &r->err);

	if (ok < 0)
		return page_error(r, 500, "Uppgifterna kunde inte läsas från databasen. Försök igen om en stund.");
	if (!found)
		return page_error(r, 404, "Det finns ingen rapport med den adressen.");
	if (!ok)
		return page_error(r, 403, "Rapporten är inte godkänd än. Bara dess organisation och stadsledningskontoret "
				  "kan läsa den och dess historik.");
	return 0;
}

int page_history(struct http_req *r)
{
	const struct entity *en = NULL;
	const char *title, *href;
	struct rowset au;
	struct html *h;
	int64_t id;
	int rc;

	for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strcmp(r->params[0], entities[i].slug) == 0 || strcmp(r->params[0], entities[i].alias) == 0)
			en = &entities[i];
	if (!en)
		return page_error(r, 404, "Historik finns för mål, indikatorer, aktiviteter och rapporter.");
	if ((rc = pf_id_param(r, 1, en->by_key, en->what, &id)) != 0)
		return rc;
	if (en->by_key == STMT__MAX && (rc = report_readable(r, id)) != 0)
		return rc;
	if (!(title = title_of(r, en, id, &href)))
		return r->status;
	struct sval args[] = { SVS(en->entity), SVI(id) };
	if (pf_query(r, &au, STMT_AUDIT_LIST, args, 2) != 0)
		return r->status;
	h = page_begin(r, "Historik", NAV_NONE);
	html_open(h, "h1", NULL);
	html_textf(h, "Historik: %s", title);
	html_close(h);
	if (href) {
		html_open(h, "p", NULL);
		pf_link(h, href, en->back);
		html_close(h);
	}
	html_elem(h, "p", "Varje ändring sparas med vem som gjorde den och när, och med värdena före och efter. "
		  "Ändrade värden visas som borttaget och tillagt.", NULL);
	entries(r, h, &au, title);
	return page_end(r, h);
}
