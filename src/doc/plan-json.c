/* plan-json.c: the plan interchange document as JSON text (see plan-json.h). The structure is
 * checked by a table per object (the same facts as docs/schema/lup-plan.schema.json): every field
 * is required (absent values are null), no other field is allowed. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "doc/plan-json.h"
#include "model/datex.h"
#include "view/plan.h"

void doc_problem(struct doc_problems *p, const char *ptr, const char *fmt, ...)
{
	char msg[768], line[1024];
	va_list ap;

	if (!p->list)
		p->list = json_array();
	if (!p->list || json_array_size(p->list) >= PLAN_JSON_PROBLEMS_MAX) {
		p->omitted++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "%s: %s", ptr[0] ? ptr : "/", msg);
	json_array_append_new(p->list, json_string(line));
}

int doc_problems_count(const struct doc_problems *p)
{
	return (int)json_array_size(p->list) + p->omitted;
}

int doc_problems_fail(const struct doc_problems *p, const char *name, struct err *e)
{
	char msg[sizeof(e->msg)];
	size_t used = 0, i;
	int n = doc_problems_count(p), shown = 0;
	json_t *v;

	if (!n)
		return LUP_OK;
	msg[0] = '\0';
	json_array_foreach(p->list, i, v) {	/* as many whole lines as fit */
		int w = snprintf(msg + used, sizeof(msg) - used - 40, "%s%s: %s", i ? "\n" : "", name,
				 json_string_value(v));
		if (w < 0 || (size_t)w >= sizeof(msg) - used - 40) {
			msg[used] = '\0';
			break;
		}
		used += (size_t)w;
		shown++;
	}
	if (shown < n)
		snprintf(msg + used, sizeof(msg) - used, "%s(and %d more)", shown ? "\n" : "", n - shown);
	return err_set(e, LUP_EINVAL, "%s", msg);
}

void doc_problems_print(const struct doc_problems *p, const char *name, FILE *f)
{
	json_t *v;
	size_t i;

	json_array_foreach(p->list, i, v)
		fprintf(f, "%s: %s\n", name, json_string_value(v));
	if (p->omitted)
		fprintf(f, "%s: %d more problems not shown\n", name, p->omitted);
}

void doc_problems_free(struct doc_problems *p)
{
	json_decref(p->list);
	p->list = NULL;
	p->omitted = 0;
}

char *plan_json_dump(const json_t *doc)
{
	char *s = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
	size_t n;
	char *t;

	if (!s)
		return NULL;
	n = strlen(s);
	if (!(t = realloc(s, n + 2))) {
		free(s);
		return NULL;
	}
	t[n] = '\n';
	t[n + 1] = '\0';
	return t;
}

/* ptrf: a JSON pointer into dst (cut at n: pointers are short). */
static void ptrf(char *dst, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void ptrf(char *dst, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, n, fmt, ap);
	va_end(ap);
}

/* ---- the structure ---------------------------------------------------------------------- */

enum ft {
	F_STR,		/* a string */
	F_STRN,		/* a string or null */
	F_INT,		/* an integer */
	F_INTN,		/* an integer or null */
	F_NUMN,		/* a number or null */
	F_BOOL,		/* true or false */
	F_ENUM,		/* one of the strings of e */
	F_ENUMN,	/* one of them or null */
	F_OBJ,		/* an object of sub */
	F_ARR,		/* an array of objects of sub */
	F_SARR,		/* an array of strings */
	F_REFN,		/* null, an id in the document, or {"plan", "version", "id"} */
};

struct ospec;

struct fspec {
	const char *name;
	enum ft t;
	const char *const *e;
	const struct ospec *sub;
};

struct ospec {
	const struct fspec *f;
};

#define L(...) (const char *const[]){ __VA_ARGS__, NULL }

static const struct fspec ref_f[] = {
	{ "plan", F_STR, 0, 0 }, { "version", F_INT, 0, 0 }, { "id", F_STR, 0, 0 }, { 0, 0, 0, 0 } };
static const struct ospec ref_o = { ref_f };

static const struct fspec plan_f[] = {
	{ "key", F_STR, 0, 0 }, { "kind", F_ENUM, L("lup", "vp", "contribution"), 0 },
	{ "owner", F_STR, 0, 0 }, { "district", F_STRN, 0, 0 }, { "title", F_STR, 0, 0 },
	{ "year_from", F_INT, 0, 0 }, { "year_to", F_INT, 0, 0 }, { "source", F_STRN, 0, 0 },
	{ 0, 0, 0, 0 } };
static const struct fspec decision_f[] = {
	{ "body", F_STRN, 0, 0 }, { "date", F_STRN, 0, 0 }, { "paragraph", F_STRN, 0, 0 },
	{ "dnr", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct ospec decision_o = { decision_f };
static const struct fspec version_f[] = {
	{ "number", F_INT, 0, 0 }, { "status", F_ENUM, L("draft", "decided", "superseded", "revision"), 0 },
	{ "area_scope", F_ENUMN, L("none", "some", "all"), 0 }, { "note", F_STRN, 0, 0 },
	{ "based_on", F_INTN, 0, 0 }, { "decision", F_OBJ, 0, &decision_o }, { 0, 0, 0, 0 } };
static const struct fspec section_f[] = {
	{ "ord", F_INT, 0, 0 }, { "title", F_STR, 0, 0 }, { "body", F_STRN, 0, 0 },
	{ "source", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct fspec alias_f[] = {
	{ "alias", F_STR, 0, 0 }, { "source", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct ospec alias_o = { alias_f };
static const struct fspec theme_f[] = {
	{ "id", F_STR, 0, 0 }, { "name", F_STR, 0, 0 }, { "description", F_STRN, 0, 0 },
	{ "extra", F_BOOL, 0, 0 }, { "source", F_STRN, 0, 0 }, { "aliases", F_ARR, 0, &alias_o },
	{ "target_groups", F_SARR, 0, 0 }, { 0, 0, 0, 0 } };
static const struct fspec area_f[] = {
	{ "area", F_STR, 0, 0 }, { "note", F_STRN, 0, 0 }, { "source", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct fspec partner_f[] = {
	{ "id", F_STR, 0, 0 }, { "org", F_STRN, 0, 0 },
	{ "group", F_ENUM, L("specialist", "district", "company", "state", "region", "civil_society",
			     "business", "residents", "other"), 0 },
	{ "label", F_STR, 0, 0 }, { "source", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct fspec result_f[] = {
	{ "text", F_STR, 0, 0 }, { "source", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct ospec result_o = { result_f };
static const struct fspec target_f[] = {
	{ "year", F_INT, 0, 0 }, { "kind", F_ENUM, L("own", "kf"), 0 },
	{ "mode", F_ENUM, L("number", "text", "direction", "by_committee"), 0 },
	{ "value", F_NUMN, 0, 0 }, { "unit", F_STRN, 0, 0 }, { "text", F_STR, 0, 0 },
	{ "source", F_STRN, 0, 0 }, { "sex", F_ENUM, L("T", "K", "M"), 0 }, { 0, 0, 0, 0 } };
static const struct ospec target_o = { target_f };

/* The fields a later format version added, with the version: in an older document they are
 * absent and take their default (a target's sex: "T", the total). */
static const struct { const struct ospec *o; const char *field; int since; } added[] = {
	{ &target_o, "sex", 2 },
};

/* field_since: the format version that added field f of object o (1: the first). */
static int field_since(const struct ospec *o, const struct fspec *f)
{
	for (size_t i = 0; i < sizeof(added) / sizeof(added[0]); i++)
		if (added[i].o == o && strcmp(added[i].field, f->name) == 0)
			return added[i].since;
	return 1;
}
#define INDICATOR_FIELDS \
	{ "owner", F_STR, 0, 0 }, { "name", F_STR, 0, 0 }, { "unit", F_STRN, 0, 0 }, \
	{ "direction", F_ENUM, L("higher", "lower", "none"), 0 }, \
	{ "periodicity", F_ENUM, L("tertial", "year", "month", "quarter"), 0 }, \
	{ "source_kind", F_ENUM, L("own", "kolada", "survey"), 0 }, { "kolada_kpi", F_STRN, 0, 0 }, \
	{ "by_sex", F_BOOL, 0, 0 }, { "by_area", F_BOOL, 0, 0 }, { "source", F_STRN, 0, 0 }, \
	{ "targets", F_ARR, 0, &target_o }, { 0, 0, 0, 0 }
static const struct fspec indicator_f[] = { { "id", F_STR, 0, 0 }, INDICATOR_FIELDS };
static const struct ospec indicator_o = { indicator_f };
static const struct fspec ext_indicator_f[] = {
	{ "id", F_STR, 0, 0 }, { "goal", F_STR, 0, 0 }, INDICATOR_FIELDS };
static const struct fspec goal_f[] = {
	{ "id", F_STR, 0, 0 }, { "owner", F_STR, 0, 0 },
	{ "level", F_ENUM, L("inriktningsmal", "verksamhetsomradesmal", "namndmal", "lup"), 0 },
	{ "number", F_STRN, 0, 0 }, { "title", F_STR, 0, 0 }, { "description", F_STRN, 0, 0 },
	{ "year", F_INTN, 0, 0 }, { "parent", F_STRN, 0, 0 }, { "theme", F_REFN, 0, 0 },
	{ "area", F_STRN, 0, 0 }, { "sex", F_ENUMN, L("K", "M", "T"), 0 },
	{ "horizon_year", F_INTN, 0, 0 },
	{ "benchmark", F_ENUMN, L("city_average", "district_average", "absolute", "direction", "parity"), 0 },
	{ "horizon", F_ENUMN, L("5y", "long"), 0 }, { "baseline_value", F_NUMN, 0, 0 },
	{ "baseline_year", F_INTN, 0, 0 }, { "target_value", F_NUMN, 0, 0 },
	{ "target_direction", F_ENUMN, L("higher", "lower"), 0 }, { "indicator", F_STRN, 0, 0 },
	{ "source", F_STRN, 0, 0 }, { "results", F_ARR, 0, &result_o },
	{ "indicators", F_ARR, 0, &indicator_o }, { 0, 0, 0, 0 } };
/* a measure's partner: a registry organisation (org) or a plan partner of the document (partner) */
static const struct fspec mpartner_f[] = {
	{ "org", F_STRN, 0, 0 }, { "partner", F_STRN, 0, 0 }, { "role", F_ENUM, L("lead", "partner", "support", "funder"), 0 },
	{ "source", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct ospec mpartner_o = { mpartner_f };
static const struct fspec measure_f[] = {
	{ "id", F_STR, 0, 0 }, { "title", F_STR, 0, 0 }, { "description", F_STRN, 0, 0 },
	{ "status", F_ENUMN, L("idea", "prestudy", "project", "permanent", "ended"), 0 },
	{ "start", F_STRN, 0, 0 }, { "end", F_STRN, 0, 0 }, { "source", F_STRN, 0, 0 },
	{ "themes", F_SARR, 0, 0 }, { "areas", F_SARR, 0, 0 }, { "goals", F_SARR, 0, 0 },
	{ "target_groups", F_SARR, 0, 0 }, { "partners", F_ARR, 0, &mpartner_o }, { 0, 0, 0, 0 } };
static const struct fspec apartner_f[] = {
	{ "org", F_STR, 0, 0 }, { "role", F_STRN, 0, 0 }, { 0, 0, 0, 0 } };
static const struct ospec apartner_o = { apartner_f };
static const struct fspec activity_f[] = {
	{ "id", F_STR, 0, 0 }, { "owner", F_STR, 0, 0 }, { "title", F_STR, 0, 0 },
	{ "description", F_STRN, 0, 0 }, { "start", F_STRN, 0, 0 }, { "end", F_STRN, 0, 0 },
	{ "status", F_ENUM, L("planned", "ongoing", "done", "waiting", "cancelled"), 0 },
	{ "role", F_ENUMN, L("process_lead", "hub", "support", "assist", "participate", "training",
			     "knowledge", "consultative", "follow_up", "reference_group", "joint_planning",
			     "investigate", "collaboration", "owner"), 0 },
	{ "goal", F_STRN, 0, 0 }, { "theme", F_REFN, 0, 0 }, { "measure", F_REFN, 0, 0 },
	{ "source", F_STRN, 0, 0 }, { "districts", F_SARR, 0, 0 },
	{ "partners", F_ARR, 0, &apartner_o }, { 0, 0, 0, 0 } };

static const struct ospec plan_o = { plan_f }, version_o = { version_f }, section_o = { section_f },
	theme_o = { theme_f }, area_o = { area_f }, partner_o = { partner_f }, goal_o = { goal_f },
	ext_indicator_o = { ext_indicator_f }, measure_o = { measure_f }, activity_o = { activity_f };

static const struct fspec doc_f[] = {
	{ "format", F_ENUM, L(PLAN_DOC_FORMAT), 0 }, { "format_version", F_INT, 0, 0 },
	{ "plan", F_OBJ, 0, &plan_o }, { "version", F_OBJ, 0, &version_o },
	{ "sections", F_ARR, 0, &section_o }, { "themes", F_ARR, 0, &theme_o },
	{ "areas", F_ARR, 0, &area_o }, { "partners", F_ARR, 0, &partner_o },
	{ "goals", F_ARR, 0, &goal_o }, { "indicators", F_ARR, 0, &ext_indicator_o },
	{ "measures", F_ARR, 0, &measure_o }, { "activities", F_ARR, 0, &activity_o },
	{ 0, 0, 0, 0 } };
static const struct ospec doc_o = { doc_f };

static void check_obj(const struct ospec *o, json_t *v, const char *ptr, struct doc_problems *p);

static int in_list(const char *const *l, const char *s)
{
	for (; *l; l++)
		if (!strcmp(*l, s))
			return 1;
	return 0;
}

static void check_field(const struct fspec *f, json_t *v, const char *ptr, struct doc_problems *p)
{
	char sub[512];
	json_t *x;
	size_t i;

	if (json_is_null(v) && (f->t == F_STRN || f->t == F_INTN || f->t == F_NUMN || f->t == F_ENUMN ||
				f->t == F_REFN))
		return;
	switch (f->t) {
	case F_STR: case F_STRN:
		if (!json_is_string(v))
			doc_problem(p, ptr, "must be a string%s", f->t == F_STRN ? " or null" : "");
		else if (f->t == F_STR && !json_string_length(v))
			doc_problem(p, ptr, "must not be empty");
		break;
	case F_INT: case F_INTN:
		if (!json_is_integer(v))
			doc_problem(p, ptr, "must be an integer%s", f->t == F_INTN ? " or null" : "");
		break;
	case F_NUMN:
		if (!json_is_number(v))
			doc_problem(p, ptr, "must be a number or null");
		break;
	case F_BOOL:
		if (!json_is_boolean(v))
			doc_problem(p, ptr, "must be true or false");
		break;
	case F_ENUM: case F_ENUMN:
		if (!json_is_string(v) || !in_list(f->e, json_string_value(v)))
			doc_problem(p, ptr, "must be one of the values of the schema%s",
				    f->t == F_ENUMN ? " or null" : "");
		break;
	case F_OBJ:
		check_obj(f->sub, v, ptr, p);
		break;
	case F_ARR: case F_SARR:
		if (!json_is_array(v)) {
			doc_problem(p, ptr, "must be an array");
			break;
		}
		json_array_foreach(v, i, x) {
			ptrf(sub, sizeof(sub), "%s/%zu", ptr, i);
			if (f->t == F_ARR)
				check_obj(f->sub, x, sub, p);
			else if (!json_is_string(x) || !json_string_length(x))
				doc_problem(p, sub, "must be a non-empty string");
		}
		break;
	case F_REFN:
		if (json_is_object(v))
			check_obj(&ref_o, v, ptr, p);
		else if (!json_is_string(v))
			doc_problem(p, ptr, "must be an id, an object {plan, version, id} or null");
		break;
	}
}

static void check_obj(const struct ospec *o, json_t *v, const char *ptr, struct doc_problems *p)
{
	char sub[512];
	const char *k;
	json_t *x;

	if (!json_is_object(v)) {
		doc_problem(p, ptr, "must be an object");
		return;
	}
	for (const struct fspec *f = o->f; f->name; f++) {
		ptrf(sub, sizeof(sub), "%s/%s", ptr, f->name);
		x = json_object_get(v, f->name);
		if (field_since(o, f) > p->version) {
			if (x)
				doc_problem(p, sub, "is not in format version %d (it came with version %d)", p->version,
					    field_since(o, f));
		} else if (!x) {
			doc_problem(p, sub, "is missing (absent values are null)");
		} else {
			check_field(f, x, sub, p);
		}
	}
	json_object_foreach(v, k, x) {
		const struct fspec *f = o->f;
		while (f->name && strcmp(f->name, k))
			f++;
		if (!f->name) {
			ptrf(sub, sizeof(sub), "%s/%s", ptr, k);
			doc_problem(p, sub, "is not a field of this object");
		}
	}
}

/* ---- what the schema cannot say ------------------------------------------------------------ */

/* unique_ids: the "id" of each element of doc[list] is unique among `seen` (a set shared by lists
 * whose ids must not clash). */
static void unique_ids(json_t *arr, const char *ptr, const char *field, json_t *seen, struct doc_problems *p)
{
	char sub[512];
	json_t *x;
	size_t i;

	json_array_foreach(arr, i, x) {
		const char *id = json_string_value(json_object_get(x, field));
		if (!id)
			continue;
		ptrf(sub, sizeof(sub), "%s/%zu/%s", ptr, i, field);
		if (json_object_get(seen, id))
			doc_problem(p, sub, "'%s' is used twice", id);
		else
			json_object_set_new(seen, id, json_string(sub));
	}
}

/* in_doc_ref: a string reference must name an id of set. */
static void in_doc_ref(json_t *v, const char *ptr, json_t *set, const char *what, struct doc_problems *p)
{
	if (json_is_string(v) && !json_object_get(set, json_string_value(v)))
		doc_problem(p, ptr, "no %s '%s' in the document", what, json_string_value(v));
}

static void check_date(json_t *v, const char *ptr, struct doc_problems *p)
{
	struct model_datex d;
	char msg[256];

	if (json_is_string(v) && model_datex_parse(json_string_value(v), &d, msg, sizeof(msg)) != 0)
		doc_problem(p, ptr, "%s", msg);
}

static void check_targets(json_t *ind, const char *ptr, struct doc_problems *p)
{
	char sub[512];
	json_t *t;
	size_t i;

	json_array_foreach(json_object_get(ind, "targets"), i, t) {
		const char *mode = json_string_value(json_object_get(t, "mode"));
		int numeric = mode && (!strcmp(mode, "number") || !strcmp(mode, "direction"));
		ptrf(sub, sizeof(sub), "%s/targets/%zu/value", ptr, i);
		if (mode && numeric != json_is_number(json_object_get(t, "value")))
			doc_problem(p, sub, numeric ? "must be a number for mode '%s'" : "must be null for mode '%s'",
				    mode);
		const char *sex = json_string_value(json_object_get(t, "sex"));
		ptrf(sub, sizeof(sub), "%s/targets/%zu/sex", ptr, i);
		if (sex && strcmp(sex, "T") != 0 && !json_is_true(json_object_get(ind, "by_sex")))
			doc_problem(p, sub, "a target for women or men needs an indicator divided by sex (by_sex true)");
	}
}

/* check_measure_links: measure x (at /measures/i): each partner names an organisation or a
 * partner of the document, not both. (Its goals may be the document's or other goals, by key;
 * its start and end are the documents' texts, kept as written.) */
static void check_measure_links(json_t *x, size_t i, json_t *partners, struct doc_problems *p)
{
	char sub[512];
	json_t *y;
	size_t j;

	json_array_foreach(json_object_get(x, "partners"), j, y) {
		json_t *org = json_object_get(y, "org"), *pp = json_object_get(y, "partner");
		ptrf(sub, sizeof(sub), "/measures/%zu/partners/%zu", i, j);
		if (json_is_string(org) == json_is_string(pp))
			doc_problem(p, sub, "give an organisation (org) or a partner (partner): one of them");
		ptrf(sub, sizeof(sub), "/measures/%zu/partners/%zu/partner", i, j);
		in_doc_ref(pp, sub, partners, "partner", p);
	}
}

static void check_links(json_t *doc, struct doc_problems *p)
{
	json_t *themes = json_object(), *goals = json_object(), *inds = json_object(),
	       *measures = json_object(), *acts = json_object(), *partners = json_object(),
	       *ords = json_object(), *x, *y;
	char sub[512];
	size_t i, j;

	unique_ids(json_object_get(doc, "themes"), "/themes", "id", themes, p);
	unique_ids(json_object_get(doc, "partners"), "/partners", "id", partners, p);
	unique_ids(json_object_get(doc, "goals"), "/goals", "id", goals, p);
	unique_ids(json_object_get(doc, "measures"), "/measures", "id", measures, p);
	unique_ids(json_object_get(doc, "activities"), "/activities", "id", acts, p);
	json_array_foreach(json_object_get(doc, "sections"), i, x) {
		json_t *o = json_object_get(x, "ord");
		char k[32];
		ptrf(sub, sizeof(sub), "/sections/%zu/ord", i);
		snprintf(k, sizeof(k), "%lld", (long long)json_integer_value(o));
		if (json_integer_value(o) < 1 || json_integer_value(o) > 7)
			doc_problem(p, sub, "must be 1 to 7");
		else if (json_object_get(ords, k))
			doc_problem(p, sub, "section %s is given twice", k);
		else
			json_object_set_new(ords, k, json_true());
	}
	json_array_foreach(json_object_get(doc, "goals"), i, x) {
		char gp[64];
		ptrf(gp, sizeof(gp), "/goals/%zu/indicators", i);
		unique_ids(json_object_get(x, "indicators"), gp, "id", inds, p);
		ptrf(sub, sizeof(sub), "/goals/%zu/theme", i);
		in_doc_ref(json_object_get(x, "theme"), sub, themes, "theme", p);
		json_array_foreach(json_object_get(x, "indicators"), j, y) {
			ptrf(sub, sizeof(sub), "/goals/%zu/indicators/%zu", i, j);
			check_targets(y, sub, p);
		}
	}
	unique_ids(json_object_get(doc, "indicators"), "/indicators", "id", inds, p);
	json_array_foreach(json_object_get(doc, "indicators"), i, x) {
		ptrf(sub, sizeof(sub), "/indicators/%zu", i);
		check_targets(x, sub, p);
	}
	json_array_foreach(json_object_get(doc, "measures"), i, x) {
		json_array_foreach(json_object_get(x, "themes"), j, y) {
			ptrf(sub, sizeof(sub), "/measures/%zu/themes/%zu", i, j);
			in_doc_ref(y, sub, themes, "theme", p);
		}
		check_measure_links(x, i, partners, p);
	}
	json_array_foreach(json_object_get(doc, "activities"), i, x) {
		ptrf(sub, sizeof(sub), "/activities/%zu/theme", i);
		in_doc_ref(json_object_get(x, "theme"), sub, themes, "theme", p);
		ptrf(sub, sizeof(sub), "/activities/%zu/measure", i);
		in_doc_ref(json_object_get(x, "measure"), sub, measures, "measure", p);
		ptrf(sub, sizeof(sub), "/activities/%zu/start", i);
		check_date(json_object_get(x, "start"), sub, p);
		ptrf(sub, sizeof(sub), "/activities/%zu/end", i);
		check_date(json_object_get(x, "end"), sub, p);
	}
	json_decref(themes);
	json_decref(goals);
	json_decref(inds);
	json_decref(measures);
	json_decref(acts);
	json_decref(partners);
	json_decref(ords);
}

int plan_json_parse(const char *buf, size_t len, const char *name, json_t **doc,
		    struct doc_problems *p, struct err *e)
{
	json_error_t je;
	json_t *d;

	*doc = NULL;
	if (len > PLAN_JSON_MAX)
		return err_set(e, LUP_ETOOBIG, "%s: %zu bytes is over the limit of %zu", name, len, PLAN_JSON_MAX);
	if (!(d = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je)))
		return err_set(e, LUP_EINVAL, "%s:%d:%d: not JSON: %s", name, je.line, je.column, je.text);
	json_t *fv = json_is_object(d) ? json_object_get(d, "format_version") : NULL;
	p->version = PLAN_DOC_VERSION;
	if (json_is_integer(fv))
		p->version = (int)json_integer_value(fv);
	if (json_is_object(d) && json_is_string(json_object_get(d, "format")) && json_is_integer(fv) &&
	    (json_integer_value(fv) < 1 || json_integer_value(fv) > PLAN_DOC_VERSION)) {
		doc_problem(p, "/format_version", "version %lld of the format is not known (this program reads 1 to %d)",
			    (long long)json_integer_value(fv), PLAN_DOC_VERSION);
	} else {
		check_obj(&doc_o, d, "", p);
		if (!doc_problems_count(p))
			check_links(d, p);
	}
	if (doc_problems_fail(p, name, e) != LUP_OK) {
		json_decref(d);
		return LUP_EINVAL;
	}
	*doc = d;
	return LUP_OK;
}
