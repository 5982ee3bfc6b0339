/* docx-plan.c: the LUP document of a plan version (docx-plan.h), written from the interchange
 * document of view/plan.h through the DOCX writer (docx.h). One function per part of the
 * document, in the order they appear. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "doc/docx-plan.h"
#include "doc/docx.h"
#include "edit/plan-measure.h"
#include "model/planver.h"
#include "store/store.h"

#define MAX_NAMES 512	/* names of organisations and areas kept per document */

/* A name of the registry, looked up once per document. */
struct name {
	char kind;	/* 'o' organisation, 'a' area */
	char *key, *name;
};

/* The document being written. */
struct lp {
	struct docx *d;
	struct store *st;
	const json_t *doc;
	struct err *e;
	int rc;		/* the first failed lookup (LUP_EDB), else LUP_OK */
	struct name names[MAX_NAMES];
	int nnames;
};

/* s: the string member key of o, or NULL. */
static const char *s(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* ---- names ---- */

static int name_row(void *ctx, const struct store_row *r)
{
	char **out = ctx;

	if (store_col_text(r, 2))
		*out = xstrdup(store_col_text(r, 2));
	return 1;
}

/* name: the registry's name of the organisation (kind 'o') or area ('a') key; the key itself
 * when there is none. Valid while x is. */
static const char *name(struct lp *x, char kind, const char *key)
{
	struct sval arg = SVS(key);
	int64_t id = 0;
	char *found = NULL;

	if (!key)
		return NULL;
	for (int i = 0; i < x->nnames; i++)
		if (x->names[i].kind == kind && !strcmp(x->names[i].key, key))
			return x->names[i].name;
	if (store_query_id(x->st, kind == 'o' ? STMT_ORG_ID : STMT_AREA_ID, &arg, 1, &id, x->e) != LUP_OK)
		x->rc = LUP_EDB;
	struct sval a2 = SVI(id);
	if (id && store_query(x->st, kind == 'o' ? STMT_SHOW_ORGANISATION : STMT_SHOW_AREA, &a2, 1, name_row, &found,
			      x->e) != LUP_OK)
		x->rc = LUP_EDB;
	if (x->nnames == MAX_NAMES) {
		free(found);
		return key;
	}
	struct name *n = &x->names[x->nnames++];
	n->kind = kind;
	n->key = xstrdup(key);
	n->name = found ? found : xstrdup(key);
	return n->name;
}

/* label: the Swedish word of code in the table t ({code, word}... {NULL}); code when unknown. */
static const char *label(const char *const (*t)[2], const char *code)
{
	for (; code && (*t)[0]; t++)
		if (!strcmp((*t)[0], code))
			return (*t)[1];
	return code;
}

static const char *const measure_status[][2] = {
	{ "idea", "idé" }, { "prestudy", "förstudie" }, { "project", "projekt" },
	{ "permanent", "permanent verksamhet" }, { "ended", "avslutad" }, { NULL, NULL },
};
static const char *const partner_group[][2] = {
	{ "specialist", "Facknämnder och fackförvaltningar" }, { "district", "Stadsdelsnämnder" },
	{ "company", "Stadens bolag" }, { "state", "Statliga myndigheter" }, { "region", "Region Stockholm" },
	{ "civil_society", "Civilsamhället" }, { "business", "Näringslivet" }, { "residents", "Invånare" },
	{ "other", "Övriga" }, { NULL, NULL },
};
static const char *const sexes[][2] = { { "T", "Totalt" }, { "K", "Kvinnor" }, { "M", "Män" }, { NULL, NULL } };

/* ---- the title page and the header ---- */

/* decision: "Antagen av NAMN 2017-03-15, § 12, dnr X" for a version that is no draft. */
static void decision(struct lp *x, const json_t *v, struct buf *b)
{
	const json_t *dec = json_object_get(v, "decision");
	const char *status = s(v, "status");

	buf_adds(b, planver_status_sv(status));
	if (s(dec, "body"))
		buf_addf(b, " av %s", name(x, 'o', s(dec, "body")));
	if (s(dec, "date"))
		buf_addf(b, " %s", s(dec, "date"));
	if (s(dec, "paragraph"))
		buf_addf(b, ", § %s", s(dec, "paragraph"));
	if (s(dec, "dnr"))
		buf_addf(b, ", dnr %s", s(dec, "dnr"));
}

static void title_page(struct lp *x, const json_t *plan, const json_t *v, int draft)
{
	struct buf b;
	const char *where = s(plan, "district") ? name(x, 'a', s(plan, "district")) : name(x, 'o', s(plan, "owner"));

	buf_init(&b, 4096);
	if (draft)
		docx_para(x->d, "Utkastmarkering", "Utkast");
	docx_para(x->d, "Title", s(plan, "title"));
	buf_addf(&b, "%s %lld–%lld", where ? where : "", (long long)json_integer_value(json_object_get(plan, "year_from")),
		 (long long)json_integer_value(json_object_get(plan, "year_to")));
	docx_para(x->d, "Subtitle", b.ptr);
	buf_reset(&b);
	buf_addf(&b, "Version %lld", (long long)json_integer_value(json_object_get(v, "number")));
	if (json_integer_value(json_object_get(v, "based_on")))
		buf_addf(&b, " (bygger på version %lld)", (long long)json_integer_value(json_object_get(v, "based_on")));
	docx_para(x->d, "Dokumentfakta", b.ptr);
	buf_reset(&b);
	if (draft)
		buf_adds(&b, "Utkast: programmet är inte antaget.");
	else
		decision(x, v, &b);
	docx_para(x->d, "Dokumentfakta", b.ptr);
	if (s(v, "note"))
		docx_para(x->d, "Dokumentfakta", s(v, "note"));
	buf_release(&b);
	docx_page_break(x->d);
	docx_toc(x->d, "Innehåll");	/* and a page break */
}

/* ---- the body ---- */

static void sections(struct lp *x)
{
	size_t i;
	json_t *sec;

	json_array_foreach(json_object_get(x->doc, "sections"), i, sec) {
		docx_heading(x->d, 1, s(sec, "title"));
		docx_markdown(x->d, s(sec, "body"), 2);
	}
}

/* list_line: "Lead: a, b, c" of the strings of array a (nothing when empty). */
static void list_line(struct lp *x, const char *lead, const json_t *a, char kind)
{
	struct buf b;
	size_t i;
	json_t *v;

	if (!json_array_size(a))
		return;
	buf_init(&b, 64 * 1024);
	buf_addf(&b, "%s: ", lead);
	json_array_foreach(a, i, v) {
		const char *t = json_string_value(v);
		buf_addf(&b, "%s%s", i ? ", " : "", kind ? name(x, kind, t) : t);
	}
	docx_para(x->d, NULL, b.ptr);
	buf_release(&b);
}

static void themes(struct lp *x)
{
	const json_t *a = json_object_get(x->doc, "themes");
	size_t i;
	json_t *t;

	if (!json_array_size(a))
		return;
	docx_heading(x->d, 1, "Teman");
	json_array_foreach(a, i, t) {
		docx_heading(x->d, 2, s(t, "name"));
		docx_markdown(x->d, s(t, "description"), 3);
		list_line(x, "Målgrupper", json_object_get(t, "target_groups"), 0);
	}
}

static void areas(struct lp *x)
{
	static const char *const head[] = { "Område", "Kommentar" };
	static const int widths[] = { 35, 65 };
	const json_t *a = json_object_get(x->doc, "areas");
	size_t i;
	json_t *r;

	if (!json_array_size(a))
		return;
	docx_heading(x->d, 1, "Prioriterade områden");
	docx_table_begin(x->d, "Prioriterade områden", 2, head, widths);
	json_array_foreach(a, i, r) {
		const char *cells[] = { name(x, 'a', s(r, "area")), s(r, "note") };
		docx_table_row(x->d, cells);
	}
	docx_table_end(x->d);
}

/* number: a JSON number as Swedish text (decimal comma) into out. */
static const char *number(const json_t *n, char *out, size_t size)
{
	if (!json_is_number(n))
		return NULL;
	snprintf(out, size, "%.15g", json_number_value(n));
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
	return out;
}

/* theme_name: the name of the document's theme id. */
static const char *theme_name(struct lp *x, const char *id)
{
	size_t i;
	json_t *t;

	json_array_foreach(json_object_get(x->doc, "themes"), i, t)
		if (id && s(t, "id") && !strcmp(s(t, "id"), id))
			return s(t, "name");
	return id;
}

/* goal_row: the cells of one goal: target, baseline and horizon as text. */
static void goal_row(struct lp *x, const json_t *g)
{
	char base[64] = "", target[96] = "", hor[64] = "", n1[32], n2[32];
	const char *dir = s(g, "target_direction");

	if (number(json_object_get(g, "baseline_value"), n1, sizeof(n1)))
		snprintf(base, sizeof(base), json_integer_value(json_object_get(g, "baseline_year")) ? "%s (%lld)" : "%s",
			 n1, (long long)json_integer_value(json_object_get(g, "baseline_year")));
	snprintf(target, sizeof(target), "%s%s%s", number(json_object_get(g, "target_value"), n2, sizeof(n2)) ? n2 : "",
		 dir && number(json_object_get(g, "target_value"), n2, sizeof(n2)) ? ", " : "",
		 !dir ? "" : !strcmp(dir, "higher") ? "högre" : "lägre");
	snprintf(hor, sizeof(hor), "%s", !s(g, "horizon") ? "" : !strcmp(s(g, "horizon"), "5y") ? "5 år" : "15–20 år");
	if (json_integer_value(json_object_get(g, "horizon_year")))
		snprintf(hor + strlen(hor), sizeof(hor) - strlen(hor), "%s%lld", *hor ? ", " : "",
			 (long long)json_integer_value(json_object_get(g, "horizon_year")));
	const char *cells[] = {
		s(g, "title"), theme_name(x, s(g, "theme")), name(x, 'a', s(g, "area")), label(sexes, s(g, "sex")),
		base, target, hor,
	};
	docx_table_row(x->d, cells);
}

static void goals(struct lp *x)
{
	static const char *const head[] = { "Mål", "Tema", "Område", "Kön", "Utgångsläge", "Målvärde", "Tidshorisont" };
	static const int widths[] = { 28, 14, 12, 9, 12, 12, 13 };
	const json_t *a = json_object_get(x->doc, "goals");
	size_t i;
	json_t *g;

	if (!json_array_size(a))
		return;
	docx_heading(x->d, 1, "Mål");
	docx_table_begin(x->d, "Mål per kön och tidshorisont", 7, head, widths);
	json_array_foreach(a, i, g)
		goal_row(x, g);
	docx_table_end(x->d);
}

/* measure_facts: themes, areas, target groups and partners of measure m, a line each. */
static void measure_facts(struct lp *x, const json_t *m)
{
	const json_t *th = json_object_get(m, "themes"), *ps = json_object_get(m, "partners");
	json_t *names = json_array(), *v;
	size_t i;

	json_array_foreach(th, i, v)
		json_array_append_new(names, json_string(theme_name(x, json_string_value(v)) ? theme_name(x, json_string_value(v)) : ""));
	list_line(x, "Teman", names, 0);
	json_array_clear(names);
	list_line(x, "Områden", json_object_get(m, "areas"), 'a');
	list_line(x, "Målgrupper", json_object_get(m, "target_groups"), 0);
	json_array_foreach(ps, i, v) {
		struct buf b;
		buf_init(&b, 4096);
		buf_addf(&b, "%s (%s)", s(v, "org") ? name(x, 'o', s(v, "org")) : s(v, "partner") ? s(v, "partner") : "",
			 plan_measure_role_sv(s(v, "role") ? s(v, "role") : ""));
		json_array_append_new(names, json_string(b.ptr));
		buf_release(&b);
	}
	list_line(x, "Samverkan", names, 0);
	json_decref(names);
}

static void measures(struct lp *x)
{
	static const char *const head[] = { "Åtgärd", "Status", "Start", "Slut" };
	static const int widths[] = { 52, 18, 15, 15 };
	const json_t *a = json_object_get(x->doc, "measures");
	size_t i;
	json_t *m;

	if (!json_array_size(a))
		return;
	docx_heading(x->d, 1, "Åtgärder");
	docx_table_begin(x->d, "Åtgärder", 4, head, widths);
	json_array_foreach(a, i, m) {
		const char *cells[] = { s(m, "title"), label(measure_status, s(m, "status")), s(m, "start"), s(m, "end") };
		docx_table_row(x->d, cells);
	}
	docx_table_end(x->d);
	json_array_foreach(a, i, m) {
		docx_heading(x->d, 2, s(m, "title"));
		docx_markdown(x->d, s(m, "description"), 3);
		measure_facts(x, m);
	}
}

static void partners(struct lp *x)
{
	static const char *const head[] = { "Partner", "Grupp" };
	static const int widths[] = { 55, 45 };
	const json_t *a = json_object_get(x->doc, "partners");
	size_t i;
	json_t *p;

	if (!json_array_size(a))
		return;
	docx_heading(x->d, 1, "Samverkanspartner");
	docx_table_begin(x->d, "Samverkanspartner", 2, head, widths);
	json_array_foreach(a, i, p) {
		const char *cells[] = { s(p, "label") ? s(p, "label") : name(x, 'o', s(p, "org")),
					label(partner_group, s(p, "group")) };
		docx_table_row(x->d, cells);
	}
	docx_table_end(x->d);
}

/* ---- the document ---- */

/* write_doc: the whole document into x->d and its properties into m (status kept in st). */
static void write_doc(struct lp *x, struct docx_meta *m, struct buf *st)
{
	const json_t *plan = json_object_get(x->doc, "plan"), *v = json_object_get(x->doc, "version");
	const char *date = s(json_object_get(v, "decision"), "date");
	int draft = !strcmp(s(v, "status") ? s(v, "status") : "draft", "draft");

	title_page(x, plan, v, draft);
	sections(x);
	themes(x);
	areas(x);
	goals(x);
	measures(x);
	partners(x);
	buf_adds(st, draft ? "Utkast" : planver_status_sv(s(v, "status")));
	if (!draft && date)
		buf_addf(st, " %s", date);
	m->title = s(plan, "title");
	m->subject = "Lokalt utvecklingsprogram";
	m->organisation = name(x, 'o', s(plan, "owner"));
	m->status = st->ptr;
	m->date = draft ? NULL : date;
}

int docx_plan(struct store *st, const json_t *doc, const char *tpl, char **data, size_t *len, struct err *e)
{
	const json_t *plan = json_object_get(doc, "plan");
	struct lp *x;
	struct docx_meta m = { 0 };
	struct buf status;
	int rc;

	*data = NULL;
	*len = 0;
	if (!s(plan, "kind") || strcmp(s(plan, "kind"), "lup"))
		return err_set(e, LUP_EINVAL, "plan '%s' is a %s plan: only an LUP (kind lup) has a DOCX document yet",
			       s(plan, "key") ? s(plan, "key") : "?", s(plan, "kind") ? s(plan, "kind") : "?");
	x = xcalloc(1, sizeof(*x));
	x->st = st;
	x->doc = doc;
	x->e = e;
	buf_init(&status, 4096);
	if ((rc = docx_new(tpl, &x->d, e)) == LUP_OK) {
		write_doc(x, &m, &status);
		rc = x->rc != LUP_OK ? x->rc : docx_finish(x->d, &m, data, len, e);
	}
	buf_release(&status);
	docx_free(x->d);
	for (int i = 0; i < x->nnames; i++) {
		free(x->names[i].key);
		free(x->names[i].name);
	}
	free(x);
	return rc;
}
