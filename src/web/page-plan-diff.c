/* page-plan-diff.c: GET /plan/{key}/jamfor?fran=N&till=M: what changed between two versions of a
 * plan (doc/plan-diff.h through web/plan-compare.h), in Swedish: a form with two selects to
 * choose the versions (the versions the caller may read; by default the newest and the one
 * before it), a header naming each version with its status and decision ("Version 2, antagen
 * 2026-11-20, § 12, dnr SN 2026/123"), then per kind a heading and each change as "Tillagt",
 * "Borttaget" or "Ändrat" with the fields' Swedish names and their values before and after; a
 * section's text paragraph by paragraph, added ones in <ins> and removed ones in <del>, each
 * also named in words (never colour alone). Versions the caller may not read are 404. */
#include "web/pages-places.h"
#include "web/pages-forms.h"
#include "web/plan-compare.h"
#include "web/authz.h"
#include "model/planver.h"
#include "render/fieldnames.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* The kinds of change in the order of the document, with their Swedish headings. */
static const char *const kinds[][2] = {
	{ "plan", "Planen" }, { "version", "Versionen" }, { "section", "Avsnitt" }, { "theme", "Teman" },
	{ "area", "Prioriterade områden" }, { "partner", "Samverkansparter" }, { "goal", "Mål" },
	{ "indicator", "Indikatorer" }, { "measure", "Åtgärder" }, { "activity", "Aktiviteter" },
};

/* field_sv: a field's Swedish name (render/fieldnames.h, shared with the history pages). */
static const char *field_sv(const char *f)
{
	return fieldname_sv(f);
}

static const char *op_sv(const char *op)
{
	return strcmp(op, "added") == 0 ? "Tillagt" : strcmp(op, "removed") == 0 ? "Borttaget" : "Ändrat";
}

/* value_text: a JSON value as text: a string as it is, null as "(tomt)", true/false in Swedish,
 * anything else as compact JSON (arena). */
static const char *raw_value_text(struct http_req *r, const json_t *v);
static const char *field_value_text(struct http_req *r, const char *key, const json_t *v);

static const char *value_text(struct http_req *r, const json_t *v)
{
	return field_value_text(r, "", v);
}

/* field_value_text: value_text of a value of field key, a code as its Swedish word
 * ("higher" -> "högre värde är bättre") and a flag's 0/1 as nej/ja. */
static const char *field_value_text(struct http_req *r, const char *key, const json_t *v)
{
	if (json_is_string(v))
		return fieldvalue_sv(key, json_string_value(v));
	if (json_is_integer(v) && fieldname_is_flag(key))
		return json_integer_value(v) ? "ja" : "nej";
	return raw_value_text(r, v);
}

/* raw_value_text: value_text without the field's codes. */
static const char *raw_value_text(struct http_req *r, const json_t *v)
{
	char *s;
	const char *out;

	if (!v || json_is_null(v))
		return "(tomt)";
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_true(v))
		return "ja";
	if (json_is_false(v))
		return "nej";
	if (json_is_object(v)) {
		/* a member of a list (a former name, a result, a partner): its naming field */
		static const char *const names[] = { "alias", "name", "text", "label", "title", "org", "partner", "area", NULL };
		for (int i = 0; names[i]; i++)
			if (json_is_string(json_object_get(v, names[i])))
				return json_string_value(json_object_get(v, names[i]));
	}
	if (!(s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER)))
		return "";
	out = arena_strdup(&r->a, s);
	free(s);
	return out;
}

/* version_line: "Version 2, antagen 2026-11-20, § 12, dnr SN 2026/123" (a draft: "utkast"). */
static const char *version_line(struct http_req *r, const json_t *side)
{
	const json_t *d = json_object_get(side, "decision");
	const char *st = json_string_value(json_object_get(side, "status"));
	const char *date = json_string_value(json_object_get(d, "date"));
	const char *par = json_string_value(json_object_get(d, "paragraph"));
	const char *dnr = json_string_value(json_object_get(d, "dnr"));
	int sup = st && strcmp(st, "superseded") == 0;
	const char *s = pf_printf(r, "Version %lld, %s", (long long)json_integer_value(json_object_get(side, "version")),
				  sup ? "ersatt" : st && strcmp(st, "draft") == 0 ? "utkast" : "antagen");
	if (date)
		s = pf_printf(r, "%s%s%s", s, sup ? ", antagen " : " ", page_time(r, date));
	if (par)
		s = pf_printf(r, "%s, § %s", s, par);
	if (dnr)
		s = pf_printf(r, "%s, dnr %s", s, dnr);
	return s;
}

/* paragraphs: a section's text, paragraph by paragraph. */
static void paragraphs(struct html *h, const json_t *ps)
{
	const json_t *p;
	size_t i;

	html_open(h, "div", "class", "diff-text", NULL);
	json_array_foreach(ps, i, p) {
		const char *op = json_string_value(json_object_get(p, "op"));
		const char *text = json_string_value(json_object_get(p, "text"));
		if (op && strcmp(op, "added") == 0) {
			html_open(h, "p", "class", "diff-added", NULL);
			html_open(h, "ins", NULL);
			html_elem(h, "strong", "Tillagt stycke: ", NULL);
			html_text(h, text ? text : "");
			html_close(h);
			html_close(h);
		} else if (op && strcmp(op, "removed") == 0) {
			html_open(h, "p", "class", "diff-removed", NULL);
			html_open(h, "del", NULL);
			html_elem(h, "strong", "Borttaget stycke: ", NULL);
			html_text(h, text ? text : "");
			html_close(h);
			html_close(h);
		} else {
			html_elem(h, "p", text ? text : "", "class", "diff-kept", NULL);
		}
	}
	html_close(h);
}

/* members: "Tillagt: a; b" / "Borttaget: c" of a set field. */
static void members(struct http_req *r, struct html *h, const char *label, const json_t *list)
{
	const json_t *x;
	size_t i;

	if (!json_array_size(list))
		return;
	html_open(h, "li", NULL);
	html_elem(h, "strong", pf_printf(r, "%s: ", label), NULL);
	json_array_foreach(list, i, x)
		html_textf(h, "%s%s", i ? "; " : "", value_text(r, x));
	html_close(h);
}

/* field: one changed field of a change. */
static void field(struct http_req *r, struct html *h, const json_t *f)
{
	const char *name = json_string_value(json_object_get(f, "field"));

	html_open(h, "li", NULL);
	html_elem(h, "strong", field_sv(name ? name : ""), NULL);
	if (json_object_get(f, "paragraphs")) {
		paragraphs(h, json_object_get(f, "paragraphs"));
	} else if (json_object_get(f, "added") || json_object_get(f, "removed")) {
		const json_t *ch = json_object_get(f, "changed"), *x;
		size_t i;
		html_open(h, "ul", NULL);
		members(r, h, "Tillagt", json_object_get(f, "added"));
		members(r, h, "Borttaget", json_object_get(f, "removed"));
		json_array_foreach(ch, i, x) {
			html_open(h, "li", NULL);
			html_textf(h, "Ändrat: %s", value_text(r, json_object_get(x, "id")));
			const json_t *y;
			size_t k;
			html_open(h, "ul", NULL);
			json_array_foreach(json_object_get(x, "fields"), k, y)
				field(r, h, y);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	} else {
		html_open(h, "dl", "class", "diff-values", NULL);
		html_elem(h, "dt", "Före", NULL);
		html_open(h, "dd", NULL);
		html_open(h, "del", NULL);
		html_text(h, field_value_text(r, name ? name : "", json_object_get(f, "before")));
		html_close(h);
		html_close(h);
		html_elem(h, "dt", "Efter", NULL);
		html_open(h, "dd", NULL);
		html_open(h, "ins", NULL);
		html_text(h, field_value_text(r, name ? name : "", json_object_get(f, "after")));
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

/* para: one paragraph [p, end) of a section added (added 1) or removed (0) whole. */
static void para(struct http_req *r, struct html *h, const char *p, const char *end, int added)
{
	html_open(h, "p", "class", added ? "diff-added" : "diff-removed", NULL);
	html_open(h, added ? "ins" : "del", NULL);
	html_elem(h, "strong", added ? "Tillagt stycke: " : "Borttaget stycke: ", NULL);
	html_text(h, arena_strndup(&r->a, p, (size_t)(end - p)));
	html_close(h);
	html_close(h);
}

/* body_paragraphs: the text of a section added or removed whole, paragraph by paragraph (runs of
 * non-blank lines, as the diff counts them), each in <ins> or <del> and named in words. */
static void body_paragraphs(struct http_req *r, struct html *h, const char *body, int added)
{
	const char *p = body, *start = NULL, *last = NULL;

	html_open(h, "div", "class", "diff-text", NULL);
	for (;;) {
		const char *nl = strchr(p, '\n'), *eol = nl ? nl : p + strlen(p);
		int blank = 1;
		for (const char *q = p; q < eol && blank; q++)
			blank = *q == ' ' || *q == '\t' || *q == '\r';
		if (!blank) {
			start = start ? start : p;
			last = eol;
		} else if (start) {
			para(r, h, start, last, added);
			start = NULL;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	if (start)
		para(r, h, start, last, added);
	html_close(h);
}

/* area_name: the name of the area with key (a prioritised area's change names only its key), or
 * NULL when there is none. */
static const char *area_name(struct http_req *r, const char *key)
{
	struct sval k = SVS(key);
	int64_t id = 0;
	struct rowset rs;

	if (!key || store_query_id(r->st, STMT_AREA_ID, &k, 1, &id, &r->err) != LUP_OK || !id)
		return NULL;
	struct sval v = SVI(id);
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_SHOW_AREA, &v, 1, &r->err) != LUP_OK || !rs.nrows)
		return NULL;
	return pf_s(&rs, 0, "name");
}

/* change: one change as an item: "Tillagt: NAME (ID)" and, for a changed thing, its fields. */
static void change(struct http_req *r, struct html *h, const json_t *c)
{
	const char *op = json_string_value(json_object_get(c, "op"));
	const char *kind = json_string_value(json_object_get(c, "kind"));
	const char *name = json_string_value(json_object_get(c, "name"));
	const json_t *f;
	size_t i;

	const char *an = kind && strcmp(kind, "area") == 0 ? area_name(r, json_string_value(json_object_get(c, "id"))) : NULL;

	if (an)
		name = an;	/* the diff names a prioritised area by its key */

	html_open(h, "li", "class", pf_printf(r, "diff-%s", op ? op : "changed"), NULL);
	html_elem(h, "strong", pf_printf(r, "%s: ", op_sv(op ? op : "")), NULL);
	html_text(h, name ? name : value_text(r, json_object_get(c, "id")));
	if (name)
		html_textf(h, " (%s)", value_text(r, json_object_get(c, "id")));
	if (json_object_get(c, "goal"))
		html_textf(h, ", mål %s", value_text(r, json_object_get(c, "goal")));
	if (op && strcmp(op, "changed") == 0) {
		html_open(h, "ul", NULL);
		json_array_foreach(json_object_get(c, "fields"), i, f)
			field(r, h, f);
		html_close(h);
	} else if (op && json_is_string(json_object_get(json_object_get(c, "value"), "body"))) {
		body_paragraphs(r, h, json_string_value(json_object_get(json_object_get(c, "value"), "body")),
				strcmp(op, "added") == 0);
	}
	html_close(h);
}

/* changes: per kind a heading and its changes. */
static void changes(struct http_req *r, struct html *h, const json_t *list)
{
	const json_t *c;
	size_t i;

	if (!json_array_size(list)) {
		html_elem(h, "p", "Versionerna har samma innehåll.", NULL);
		return;
	}
	html_elem(h, "p", pf_printf(r, "%zu ändringar.", json_array_size(list)), NULL);
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		int n = 0;
		json_array_foreach(list, i, c) {
			if (strcmp(json_string_value(json_object_get(c, "kind")) ? json_string_value(json_object_get(c, "kind")) : "",
				   kinds[k][0]) != 0)
				continue;
			if (!n++) {
				html_elem(h, "h2", kinds[k][1], NULL);
				html_open(h, "ul", "class", "diff-list", NULL);
			}
			change(r, h, c);
		}
		if (n)
			html_close(h);
	}
}

/* chooser: the form with two selects of the versions the caller may read. */
static void chooser(struct http_req *r, struct html *h, const char *key, const struct rowset *vs, const char *from,
		    const char *to)
{
	const char **vals = arena_alloc(&r->a, (size_t)(vs->nrows + 1) * sizeof(*vals));
	const char **labels = arena_alloc(&r->a, (size_t)(vs->nrows + 1) * sizeof(*labels));

	for (int i = 0; i < vs->nrows; i++) {
		vals[i] = places_s(vs, i, "version");
		labels[i] = pf_printf(r, "Version %s (%s)", vals[i], planver_status_sv(places_s(vs, i, "status")));
	}
	vals[vs->nrows] = labels[vs->nrows] = NULL;
	html_open(h, "form", "method", "get", "action", pf_href(r, "/plan/%s/jamfor", key), "class", "diff-choose", NULL);
	form_select(h, NULL, "fran", "Från version", vals, labels, from, NULL);
	form_select(h, NULL, "till", "Till version", vals, labels, to, NULL);
	form_button(h, "Jämför", NULL);
	html_close(h);
}

int page_plan_diff(struct http_req *r)
{
	const char *key = r->params[0], *from = http_query(r, "fran"), *to = http_query(r, "till");
	struct pv_compare c;
	struct pv_head plan;
	struct rowset vs;
	struct html *h;
	int rc;

	if ((rc = pv_plan_load(r, key, &plan)) != 0)
		return rc;
	struct sval args[] = { SVI(plan.plan_id), SVI(authz_plan_draft_readable(&r->user, plan.owner, plan.owner_pair)) };
	if (places_query(r, &vs, STMT_PV_LIST, args, 2))
		return r->status;
	if (!from && !to && vs.nrows >= 2) {	/* the newest and the one before it */
		from = places_s(&vs, vs.nrows - 2, "version");
		to = places_s(&vs, vs.nrows - 1, "version");
	}
	if (vs.nrows < 2 && !from && !to) {
		h = page_begin(r, "Jämför versioner", NAV_DISTRICTS);
		html_elem(h, "h1", pf_printf(r, "Jämför versioner av %s", plan.title ? plan.title : key), NULL);
		html_elem(h, "p", "Planen har bara en version som du kan se, så det finns inget att jämföra.", NULL);
		return page_end(r, h);
	}
	if ((rc = pv_compare_load(r, key, from, to, &c)) != 0)
		return rc;
	h = page_begin(r, "Jämför versioner", NAV_DISTRICTS);
	html_elem(h, "h1", pf_printf(r, "Jämför versioner av %s", plan.title ? plan.title : key), NULL);
	if (plan.district_key) {
		html_open(h, "p", NULL);
		pf_link(h, pf_href(r, "/stadsdel/%s", plan.district_key), "Till stadsdelens sida");
		html_close(h);
	}
	chooser(r, h, key, &vs, from, to);
	html_open(h, "dl", "class", "diff-versions", NULL);
	html_elem(h, "dt", "Från", NULL);
	html_elem(h, "dd", version_line(r, json_object_get(c.diff, "from")), "id", "diff-from", NULL);
	html_elem(h, "dt", "Till", NULL);
	html_elem(h, "dd", version_line(r, json_object_get(c.diff, "to")), "id", "diff-to", NULL);
	html_close(h);
	changes(r, h, json_object_get(c.diff, "changes"));
	pv_compare_free(&c);
	return page_end(r, h);
}
