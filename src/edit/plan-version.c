/* plan-version.c: a new draft version of a plan from a plan document (see plan-version.h).
 *
 * The document is walked twice by the same functions: first to resolve every reference (each
 * unknown one becomes a problem at its JSON pointer; nothing is written), then, when there was
 * none, to write. In the second walk c->map holds, per kind, each document id's new row id, so
 * that things inside the document refer to each other's new rows. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "doc/plan-json.h"
#include "edit/plan-draft.h"
#include "edit/plan-version.h"
#include "model/datex.h"
#include "store/audit.h"
#include "store/store.h"
#include "store/values.h"
#include "view/plan.h"

struct pv_ctx {
	struct store *st;
	struct doc_problems *p;
	struct err *e;
	int write;		/* 0: resolve only; 1: write */
	int rc;			/* the first store error */
	int64_t plan, pv;	/* the plan, the new version (when writing) */
	int number;
	json_t *themes, *goals, *measures;	/* document id -> new row id (0 while resolving) */
	json_t *partners;			/* the same for the plan partners (0018) */
	json_t *indicators;			/* the same for the indicators (a goal's "indicator") */
};

/* Bound values from the document's values (null -> NULL). */
static struct sval js(json_t *v) { return SVS(json_string_value(v)); }
static struct sval ji(json_t *v) { return json_is_integer(v) ? SVI(json_integer_value(v)) : SVNULL; }
static struct sval jd(json_t *v) { return json_is_number(v) ? SVD(json_number_value(v)) : SVNULL; }
static struct sval jb(json_t *v) { return SVI(json_is_true(v)); }
#define F(o, k) json_object_get(o, k)

static void ptrf(char *dst, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void ptrf(char *dst, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, n, fmt, ap);
	va_end(ap);
}

/* lookup: the id of registry key (a string or null) through stmt; unknown -> a problem. */
static int64_t lookup(struct pv_ctx *c, const char *ptr, enum stmt s, json_t *key, const char *what)
{
	struct sval args[] = { js(key) };
	int64_t id = 0;

	if (!json_is_string(key) || c->rc)
		return 0;
	if ((c->rc = store_query_id(c->st, s, args, 1, &id, c->e)) != LUP_OK)
		return 0;
	if (!id)
		doc_problem(c->p, ptr, "no %s '%s'", what, json_string_value(key));
	return id;
}

/* ref: a theme or measure: an id in the document (map) or {"plan", "version", "id"} (find). */
static int64_t ref(struct pv_ctx *c, const char *ptr, json_t *v, json_t *map, enum stmt find, const char *what)
{
	int64_t id = 0;

	if (json_is_string(v))
		return json_integer_value(json_object_get(map, json_string_value(v)));
	if (!json_is_object(v) || c->rc)
		return 0;
	{
		struct sval args[] = { js(F(v, "plan")), ji(F(v, "version")), js(F(v, "id")) };
		if ((c->rc = store_query_id(c->st, find, args, 3, &id, c->e)) != LUP_OK)
			return 0;
	}
	if (!id)
		doc_problem(c->p, ptr, "no %s '%s' in version %lld of plan '%s'", what, json_string_value(F(v, "id")),
			    (long long)json_integer_value(F(v, "version")), json_string_value(F(v, "plan")));
	return id;
}

/* goal_ref: a goal of the document by id, else any goal by key. */
static int64_t goal_ref(struct pv_ctx *c, const char *ptr, json_t *v)
{
	json_t *m;

	if (!json_is_string(v))
		return 0;
	if ((m = json_object_get(c->goals, json_string_value(v))))
		return json_integer_value(m);
	return lookup(c, ptr, STMT_GOAL_ID, v, "goal");
}

/* indicator_ref: an indicator of the document by id, else any indicator by key. */
static int64_t indicator_ref(struct pv_ctx *c, const char *ptr, json_t *v)
{
	json_t *m;

	if (!json_is_string(v))
		return 0;
	if ((m = json_object_get(c->indicators, json_string_value(v))))
		return json_integer_value(m);
	return lookup(c, ptr, STMT_INDICATOR_ID, v, "indicator");
}

/* ins: runs write statement s (only when writing); a conflict is a problem at ptr. */
static int64_t ins(struct pv_ctx *c, const char *ptr, enum stmt s, const struct sval *args, int n)
{
	int64_t id = 0;
	int rc;

	if (!c->write || c->rc)
		return 0;
	rc = store_exec(c->st, s, args, n, &id, NULL, c->e);
	if (rc == LUP_ECONFLICT) {
		doc_problem(c->p, ptr, "conflicts with another row of the version (%s)", c->e->msg);
		c->rc = LUP_ECONFLICT;
	} else if (rc != LUP_OK) {
		c->rc = rc;
	}
	return id;
}

/* new_key: ident-vN, or ident-vN-2, -3, ... while stmt (key -> id) finds it taken. */
static void new_key(struct pv_ctx *c, enum stmt taken, const char *ident, char *buf, size_t n)
{
	int64_t id = 0;

	for (int i = 1; i < 1000 && !c->rc; i++) {
		if (i == 1)
			snprintf(buf, n, "%s-v%d", ident, c->number);
		else
			snprintf(buf, n, "%s-v%d-%d", ident, c->number, i);
		struct sval args[] = { SVS(buf) };
		if ((c->rc = store_query_id(c->st, taken, args, 1, &id, c->e)) != LUP_OK || !id)
			return;
	}
}

static void w_sections(struct pv_ctx *c, json_t *doc)
{
	char ptr[128];
	json_t *x;
	size_t i;

	json_array_foreach(F(doc, "sections"), i, x) {
		ptrf(ptr, sizeof(ptr), "/sections/%zu", i);
		struct sval a[] = { SVI(c->pv), ji(F(x, "ord")), js(F(x, "title")), js(F(x, "body")), js(F(x, "source")) };
		ins(c, ptr, STMT_PD_SECTION_INSERT, a, 5);
	}
}

static void w_themes(struct pv_ctx *c, json_t *doc)
{
	char ptr[128];
	json_t *x, *y;
	size_t i, j;

	json_array_foreach(F(doc, "themes"), i, x) {
		ptrf(ptr, sizeof(ptr), "/themes/%zu", i);
		struct sval a[] = { SVI(c->pv), SVI((int64_t)i + 1), js(F(x, "name")), js(F(x, "description")),
				    jb(F(x, "extra")), js(F(x, "source")), js(F(x, "id")) };
		int64_t t = ins(c, ptr, STMT_PD_THEME_INSERT, a, 7);
		json_object_set_new(c->themes, json_string_value(F(x, "id")), json_integer(t));
		json_array_foreach(F(x, "aliases"), j, y) {
			ptrf(ptr, sizeof(ptr), "/themes/%zu/aliases/%zu", i, j);
			struct sval b[] = { SVI(t), js(F(y, "alias")), js(F(y, "source")) };
			ins(c, ptr, STMT_PD_THEME_ALIAS_INSERT, b, 3);
		}
		json_array_foreach(F(x, "target_groups"), j, y) {
			ptrf(ptr, sizeof(ptr), "/themes/%zu/target_groups/%zu", i, j);
			struct sval b[] = { SVI(t), js(y) };
			ins(c, ptr, STMT_PD_THEME_TG_INSERT, b, 2);
		}
	}
}

static void w_areas_partners(struct pv_ctx *c, json_t *doc)
{
	char ptr[128], sub[160];
	json_t *x;
	size_t i;

	json_array_foreach(F(doc, "areas"), i, x) {
		ptrf(ptr, sizeof(ptr), "/areas/%zu", i);
		ptrf(sub, sizeof(sub), "%s/area", ptr);
		int64_t area = lookup(c, sub, STMT_AREA_ID, F(x, "area"), "area");
		struct sval a[] = { SVI(c->pv), SVI(area), js(F(x, "note")), js(F(x, "source")) };
		ins(c, ptr, STMT_PD_PAREA_INSERT, a, 4);
	}
	json_array_foreach(F(doc, "partners"), i, x) {
		ptrf(ptr, sizeof(ptr), "/partners/%zu", i);
		ptrf(sub, sizeof(sub), "%s/org", ptr);
		int64_t org = lookup(c, sub, STMT_ORG_ID, F(x, "org"), "organisation");
		struct sval a[] = { SVI(c->pv), SVID(org), js(F(x, "group")), js(F(x, "label")), js(F(x, "source")),
				    js(F(x, "id")) };
		int64_t pp = ins(c, ptr, STMT_PD_PARTNER_INSERT, a, 6);
		json_object_set_new(c->partners, json_string_value(F(x, "id")), json_integer(pp));
	}
}

/* w_indicator: one indicator (ptr: its pointer) of goal (row id), ord. */
static void w_indicator(struct pv_ctx *c, json_t *x, const char *ptr, int64_t goal, size_t ord)
{
	char sub[192], key[600];
	json_t *t;
	size_t j;

	ptrf(sub, sizeof(sub), "%s/owner", ptr);
	int64_t owner = lookup(c, sub, STMT_ORG_ID, F(x, "owner"), "organisation");
	if (c->write)
		new_key(c, STMT_INDICATOR_ID, json_string_value(F(x, "id")), key, sizeof(key));
	struct sval a[] = { SVS(key), SVID(goal), SVI(owner), SVI((int64_t)ord), js(F(x, "name")),
			    js(F(x, "unit")), js(F(x, "direction")), js(F(x, "periodicity")),
			    js(F(x, "source_kind")), js(F(x, "kolada_kpi")), jb(F(x, "by_sex")), jb(F(x, "by_area")),
			    js(F(x, "source")), js(F(x, "id")), SVI(c->pv) };
	int64_t ind = ins(c, ptr, STMT_PD_INDICATOR_INSERT, a, 15);
	if (json_is_string(F(x, "id")))
		json_object_set_new(c->indicators, json_string_value(F(x, "id")), json_integer(ind));
	json_array_foreach(F(x, "targets"), j, t) {
		ptrf(sub, sizeof(sub), "%s/targets/%zu", ptr, j);
		struct sval b[] = { SVI(ind), ji(F(t, "year")), js(F(t, "kind")), js(F(t, "mode")), jd(F(t, "value")),
				    js(F(t, "unit")), js(F(t, "text")), js(F(t, "source")), js(F(t, "sex")) };
		ins(c, sub, STMT_PD_TARGET_INSERT, b, 9);
	}
}

static void w_goals(struct pv_ctx *c, json_t *doc)
{
	char ptr[128], sub[160], key[600];
	json_t *x, *y;
	size_t i, j;

	json_array_foreach(F(doc, "goals"), i, x) {	/* the goals first: parents refer to them */
		ptrf(ptr, sizeof(ptr), "/goals/%zu", i);
		ptrf(sub, sizeof(sub), "%s/owner", ptr);
		int64_t owner = lookup(c, sub, STMT_ORG_ID, F(x, "owner"), "organisation");
		ptrf(sub, sizeof(sub), "%s/theme", ptr);
		int64_t theme = ref(c, sub, F(x, "theme"), c->themes, STMT_PD_THEME_FIND, "theme");
		ptrf(sub, sizeof(sub), "%s/area", ptr);
		int64_t area = lookup(c, sub, STMT_AREA_ID, F(x, "area"), "area");
		if (c->write)
			new_key(c, STMT_GOAL_ID, json_string_value(F(x, "id")), key, sizeof(key));
		struct sval a[] = { SVS(key), SVI(owner), SVI(c->pv), js(F(x, "level")), js(F(x, "number")), SVNULL,
				    js(F(x, "title")), js(F(x, "description")), ji(F(x, "year")), SVID(theme), SVID(area),
				    js(F(x, "sex")), ji(F(x, "horizon_year")), js(F(x, "benchmark")), js(F(x, "source")),
				    js(F(x, "id")), js(F(x, "horizon")), jd(F(x, "baseline_value")), ji(F(x, "baseline_year")),
				    jd(F(x, "target_value")), js(F(x, "target_direction")) };
		int64_t g = ins(c, ptr, STMT_PD_GOAL_INSERT, a, 21);
		json_object_set_new(c->goals, json_string_value(F(x, "id")), json_integer(g));
	}
	json_array_foreach(F(doc, "goals"), i, x) {
		int64_t g = json_integer_value(json_object_get(c->goals, json_string_value(F(x, "id"))));
		ptrf(ptr, sizeof(ptr), "/goals/%zu/parent", i);
		int64_t parent = goal_ref(c, ptr, F(x, "parent"));
		if (parent && parent == g && c->write)
			doc_problem(c->p, ptr, "a goal cannot be its own parent");
		else if (parent) {
			struct sval a[] = { SVI(g), SVI(parent) };
			ins(c, ptr, STMT_PD_GOAL_PARENT, a, 2);
		}
		json_array_foreach(F(x, "results"), j, y) {
			ptrf(ptr, sizeof(ptr), "/goals/%zu/results/%zu", i, j);
			struct sval b[] = { SVI(g), SVI((int64_t)j + 1), js(F(y, "text")), js(F(y, "source")) };
			ins(c, ptr, STMT_PD_GOAL_RESULT_INSERT, b, 4);
		}
		json_array_foreach(F(x, "indicators"), j, y) {
			ptrf(ptr, sizeof(ptr), "/goals/%zu/indicators/%zu", i, j);
			w_indicator(c, y, ptr, g, j + 1);
		}
	}
	json_array_foreach(F(doc, "indicators"), i, x) {
		ptrf(ptr, sizeof(ptr), "/indicators/%zu", i);
		ptrf(sub, sizeof(sub), "%s/goal", ptr);
		w_indicator(c, x, ptr, goal_ref(c, sub, F(x, "goal")), i + 1);
	}
	json_array_foreach(F(doc, "goals"), i, x) {	/* then what measures each goal (0017) */
		if (!json_is_string(F(x, "indicator")))
			continue;
		ptrf(ptr, sizeof(ptr), "/goals/%zu/indicator", i);
		struct sval a[] = { SVI(json_integer_value(json_object_get(c->goals, json_string_value(F(x, "id"))))),
				    SVI(indicator_ref(c, ptr, F(x, "indicator"))) };
		ins(c, ptr, STMT_PD_GOAL_INDICATOR_SET, a, 2);
	}
}

static void w_measure_0018(struct pv_ctx *c, json_t *x, const char *ptr, int64_t m);

static void w_measures(struct pv_ctx *c, json_t *doc)
{
	char ptr[128], sub[192], key[600];
	json_t *x, *y;
	size_t i, j;

	json_array_foreach(F(doc, "measures"), i, x) {
		ptrf(ptr, sizeof(ptr), "/measures/%zu", i);
		if (c->write)
			new_key(c, STMT_MEASURE_ID, json_string_value(F(x, "id")), key, sizeof(key));
		struct sval a[] = { SVS(key), SVI(c->pv), SVI((int64_t)i + 1), js(F(x, "title")), js(F(x, "description")),
				    js(F(x, "status")), js(F(x, "start")), js(F(x, "source")), js(F(x, "id")) };
		int64_t m = ins(c, ptr, STMT_PD_MEASURE_INSERT, a, 9);
		json_object_set_new(c->measures, json_string_value(F(x, "id")), json_integer(m));
		json_array_foreach(F(x, "themes"), j, y) {
			ptrf(sub, sizeof(sub), "%s/themes/%zu", ptr, j);
			struct sval b[] = { SVI(m), SVI(ref(c, sub, y, c->themes, STMT_PD_THEME_FIND, "theme")) };
			ins(c, sub, STMT_PD_MEASURE_THEME_INSERT, b, 2);
		}
		json_array_foreach(F(x, "areas"), j, y) {
			ptrf(sub, sizeof(sub), "%s/areas/%zu", ptr, j);
			struct sval b[] = { SVI(m), SVI(lookup(c, sub, STMT_AREA_ID, y, "area")) };
			ins(c, sub, STMT_PD_MEASURE_AREA_INSERT, b, 2);
		}
		json_array_foreach(F(x, "target_groups"), j, y) {
			ptrf(sub, sizeof(sub), "%s/target_groups/%zu", ptr, j);
			struct sval b[] = { SVI(m), js(y) };
			ins(c, sub, STMT_PD_MEASURE_TG_INSERT, b, 2);
		}
		w_measure_0018(c, x, ptr, m);
	}
}

/* w_measure_0018: what 0018 added to measure m (document object x at ptr): its start and end
 * parsed (a text that names no date, "hösten", stays as written with precision open), the goals
 * it serves, and its partners: a registry organisation or a plan partner of the document. */
static void w_measure_0018(struct pv_ctx *c, json_t *x, const char *ptr, int64_t m)
{
	struct model_datex s = { 0 }, en = { 0 };
	char sub[192];
	json_t *y;
	size_t j;

	if (model_datex_parse(json_string_value(F(x, "start")), &s, NULL, 0) != 0)
		memset(&s, 0, sizeof(s));
	if (model_datex_parse(json_string_value(F(x, "end")), &en, NULL, 0) != 0)
		memset(&en, 0, sizeof(en));
	if (s.first && en.last && en.last < s.first) {
		ptrf(sub, sizeof(sub), "%s/end", ptr);
		doc_problem(c->p, sub, "ends before the measure's start");
		memset(&en, 0, sizeof(en));
	}
	struct sval d[] = { SVI(m), SVID(s.first), SVID(s.last), SVS(store_prec(s.prec)), js(F(x, "end")),
			    SVID(en.first), SVID(en.last), SVS(store_prec(en.prec)) };
	ins(c, ptr, STMT_PM_DOC_DATES, d, 8);
	json_array_foreach(F(x, "goals"), j, y) {
		ptrf(sub, sizeof(sub), "%s/goals/%zu", ptr, j);
		struct sval b[] = { SVI(m), SVI(goal_ref(c, sub, y)) };
		ins(c, sub, STMT_PM_GOAL_ADD, b, 2);
	}
	json_array_foreach(F(x, "partners"), j, y) {
		ptrf(sub, sizeof(sub), "%s/partners/%zu/org", ptr, j);
		int64_t org = lookup(c, sub, STMT_ORG_ID, F(y, "org"), "organisation");
		int64_t pp = json_integer_value(json_object_get(c->partners, json_string_value(F(y, "partner"))));
		ptrf(sub, sizeof(sub), "%s/partners/%zu", ptr, j);
		struct sval b[] = { SVI(m), SVID(org), SVID(pp), js(F(y, "role")), js(F(y, "source")) };
		ins(c, sub, STMT_PM_PARTNER_ADD, b, 5);
	}
}

static void w_activities(struct pv_ctx *c, json_t *doc)
{
	char ptr[128], sub[192], key[600];
	struct model_datex s, en;
	json_t *x, *y;
	size_t i, j;

	json_array_foreach(F(doc, "activities"), i, x) {
		ptrf(ptr, sizeof(ptr), "/activities/%zu", i);
		ptrf(sub, sizeof(sub), "%s/owner", ptr);
		int64_t owner = lookup(c, sub, STMT_ORG_ID, F(x, "owner"), "organisation");
		ptrf(sub, sizeof(sub), "%s/goal", ptr);
		int64_t goal = goal_ref(c, sub, F(x, "goal"));
		ptrf(sub, sizeof(sub), "%s/theme", ptr);
		int64_t theme = ref(c, sub, F(x, "theme"), c->themes, STMT_PD_THEME_FIND, "theme");
		ptrf(sub, sizeof(sub), "%s/measure", ptr);
		int64_t measure = ref(c, sub, F(x, "measure"), c->measures, STMT_PD_MEASURE_FIND, "measure");
		memset(&s, 0, sizeof(s));
		memset(&en, 0, sizeof(en));
		/* validated by plan_json_parse */
		model_datex_parse(json_string_value(F(x, "start")), &s, NULL, 0);
		model_datex_parse(json_string_value(F(x, "end")), &en, NULL, 0);
		if (s.first && en.last && en.last < s.first) {
			ptrf(sub, sizeof(sub), "%s/end", ptr);
			doc_problem(c->p, sub, "ends before the activity's start");
		}
		if (c->write)
			new_key(c, STMT_ACTIVITY_ID, json_string_value(F(x, "id")), key, sizeof(key));
		struct sval a[] = { SVS(key), SVI(c->pv), SVI(owner), js(F(x, "title")), js(F(x, "description")),
				    js(F(x, "start")), SVID(s.first), SVID(s.last), SVS(store_prec(s.prec)),
				    js(F(x, "end")), SVID(en.first), SVID(en.last), SVS(store_prec(en.prec)),
				    js(F(x, "status")), js(F(x, "role")), SVID(goal), SVID(theme), SVID(measure),
				    js(F(x, "source")), js(F(x, "id")) };
		int64_t act = ins(c, ptr, STMT_PD_ACTIVITY_INSERT, a, 20);
		json_array_foreach(F(x, "districts"), j, y) {
			ptrf(sub, sizeof(sub), "%s/districts/%zu", ptr, j);
			struct sval b[] = { SVI(act), SVI(lookup(c, sub, STMT_AREA_ID, y, "area")) };
			ins(c, sub, STMT_PD_ACTIVITY_DISTRICT_INSERT, b, 2);
		}
		json_array_foreach(F(x, "partners"), j, y) {
			ptrf(sub, sizeof(sub), "%s/partners/%zu/org", ptr, j);
			int64_t org = lookup(c, sub, STMT_ORG_ID, F(y, "org"), "organisation");
			ptrf(sub, sizeof(sub), "%s/partners/%zu", ptr, j);
			struct sval b[] = { SVI(act), SVI(org), js(F(y, "role")) };
			ins(c, sub, STMT_PD_ACTIVITY_PARTNER_INSERT, b, 3);
		}
	}
}

/* walk: every part of the document, resolving (c->write 0) or writing (1). */
static void walk(struct pv_ctx *c, json_t *doc)
{
	json_t *x;
	size_t i;

	json_object_clear(c->themes);
	json_object_clear(c->goals);
	json_object_clear(c->measures);
	json_object_clear(c->partners);
	json_object_clear(c->indicators);
	/* ids of the document, known before their rows exist (references may point forward) */
	json_array_foreach(F(doc, "themes"), i, x)
		json_object_set_new(c->themes, json_string_value(F(x, "id")), json_integer(0));
	json_array_foreach(F(doc, "goals"), i, x)
		json_object_set_new(c->goals, json_string_value(F(x, "id")), json_integer(0));
	json_array_foreach(F(doc, "measures"), i, x)
		json_object_set_new(c->measures, json_string_value(F(x, "id")), json_integer(0));
	json_array_foreach(F(doc, "goals"), i, x) {
		json_t *y;
		size_t j;
		json_array_foreach(F(x, "indicators"), j, y)
			json_object_set_new(c->indicators, json_string_value(F(y, "id")), json_integer(0));
	}
	json_array_foreach(F(doc, "indicators"), i, x)
		json_object_set_new(c->indicators, json_string_value(F(x, "id")), json_integer(0));
	w_sections(c, doc);
	w_themes(c, doc);
	w_areas_partners(c, doc);
	w_goals(c, doc);
	w_measures(c, doc);
	w_activities(c, doc);
}

static int audit(struct pv_ctx *c, const struct plan_version_opts *o, const char *plan_key, int64_t based_on,
		 const char *now, json_t *v)
{
	json_t *row = json_pack("{s:I, s:s, s:i, s:s, s:o, s:O, s:O, s:s, s:s?}", "id", (json_int_t)c->pv,
				"plan", plan_key, "version", c->number, "status", "draft",
				"based_on", based_on ? json_integer(based_on) : json_null(),
				"area_scope", F(v, "area_scope"), "note", F(v, "note"), "created_at", now,
				"origin", o->origin);
	char *text = row ? json_dumps(row, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	struct audit_rec rec = { .user_id = o->user_id, .actor = o->actor ? o->actor : "lup",
				 .action = "insert", .entity = "plan_version", .entity_id = c->pv, .after = text };
	int rc = text ? audit_write(c->st, &rec, c->e) : err_set(c->e, LUP_EDB, "out of memory");

	free(text);
	json_decref(row);
	return rc;
}

/* start: the plan, its draft (refused) and the next number, in the open transaction. */
static int start(struct pv_ctx *c, const char *key, const char *kind)
{
	struct sval k[] = { SVS(key) };
	int64_t draft = 0, n = 0;
	int rc;

	if ((rc = store_query_id(c->st, STMT_PD_PLAN_KIND, k, 1, &c->plan, c->e)) != LUP_OK)
		return rc;
	if (!c->plan) {
		doc_problem(c->p, "/plan/key", "no plan '%s'", key);
		return err_set(c->e, LUP_ENOTFOUND, "no plan '%s'", key);
	}
	(void)kind;
	struct sval pl[] = { SVI(c->plan) };
	if ((rc = store_query_id(c->st, STMT_PD_DRAFT, pl, 1, &draft, c->e)) != LUP_OK ||
	    (rc = store_query_id(c->st, STMT_PD_NEXT, pl, 1, &n, c->e)) != LUP_OK)
		return rc;
	if (draft)
		return err_set(c->e, LUP_ECONFLICT, "plan '%s' already has a draft (version %lld): adopt or remove it"
			       " before making a new version", key, (long long)draft);
	c->number = (int)n;
	return LUP_OK;
}

static int create(struct pv_ctx *c, json_t *doc, const struct plan_version_opts *o)
{
	json_t *plan = F(doc, "plan"), *v = F(doc, "version");
	const char *key = json_string_value(F(plan, "key"));
	int64_t based_on = 0;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	int rc;

	if ((rc = start(c, key, json_string_value(F(plan, "kind")))) != LUP_OK)
		return rc;
	c->write = 0;
	walk(c, doc);
	if (c->rc)
		return c->rc;
	if (doc_problems_count(c->p))
		return doc_problems_fail(c->p, "document", c->e);
	{
		struct sval a[] = { SVI(c->plan), ji(F(v, "number")) };
		if ((rc = store_query_id(c->st, STMT_PD_VERSION_ID, a, 2, &based_on, c->e)) != LUP_OK)
			return rc;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	{
		struct sval a[] = { SVI(c->plan), SVI(c->number), js(F(v, "area_scope")), js(F(v, "note")),
				    SVID(based_on), SVS(now) };
		rc = store_exec(c->st, STMT_PD_PV_INSERT, a, 6, &c->pv, NULL, c->e);
		if (rc == LUP_ECONFLICT)
			return err_set(c->e, LUP_ECONFLICT, "plan '%s' already has a draft", key);
		if (rc != LUP_OK)
			return rc;
	}
	c->write = 1;
	walk(c, doc);
	if ((!c->rc || c->rc == LUP_ECONFLICT) && doc_problems_count(c->p)) {
		doc_problems_fail(c->p, "document", c->e);
		return c->rc ? c->rc : LUP_EINVAL;
	}
	if (c->rc)
		return c->rc;
	return audit(c, o, key, based_on, now, v);
}

int plan_version_create(struct store *st, json_t *doc, const struct plan_version_opts *o,
			struct doc_problems *p, int *number, int64_t *pv_id, struct err *e)
{
	struct pv_ctx c = { .st = st, .p = p, .e = e, .themes = json_object(), .goals = json_object(),
			    .measures = json_object(), .partners = json_object(), .indicators = json_object() };
	int rc;

	if (!c.themes || !c.goals || !c.measures || !c.partners || !c.indicators) {
		rc = err_set(e, LUP_EDB, "out of memory");
		goto out;
	}
	if (!o->in_txn && (rc = store_begin(st, e)) != LUP_OK)
		goto out;
	rc = create(&c, doc, o);
	if (!o->in_txn) {
		if (rc == LUP_OK)
			rc = store_commit(st, e);
		if (rc != LUP_OK)
			store_rollback(st);
	}
	if (rc == LUP_OK) {
		if (number)
			*number = c.number;
		if (pv_id)
			*pv_id = c.pv;
	}
out:
	json_decref(c.themes);
	json_decref(c.goals);
	json_decref(c.measures);
	json_decref(c.partners);
	json_decref(c.indicators);
	return rc;
}

int plan_version_new(struct store *st, const char *plan_key, const struct plan_version_opts *o,
		     int *number, struct err *e)
{
	struct doc_problems p = { 0 };
	json_t *doc = NULL;
	int rc;

	if ((rc = plan_doc_load(st, plan_key, 0, &doc, e)) == LUP_OK)
		rc = plan_version_create(st, doc, o, &p, number, NULL, e);
	json_decref(doc);
	doc_problems_free(&p);
	return rc;
}

/* ---- replacing a draft's content ------------------------------------------------------------ */

/* pr_row: STMT_PR_VERSION's row as {"id", "plan", "version", "status", "area_scope", "note"}. */
static int pr_row(void *ctx, const struct store_row *r)
{
	json_t **o = ctx;
	const char *scope = store_col_text(r, 5), *note = store_col_text(r, 6);

	*o = json_pack("{s:I, s:I, s:s, s:I, s:s, s:o, s:o}", "id", (json_int_t)store_col_int(r, 0),
		       "plan_id", (json_int_t)store_col_int(r, 1), "plan", store_col_text(r, 2),
		       "version", (json_int_t)store_col_int(r, 3), "status", store_col_text(r, 4),
		       "area_scope", scope ? json_string(scope) : json_null(), "note", note ? json_string(note) : json_null());
	return 1;
}

/* version_row: the version pv as the audit entry shows it, in *row (a new reference). */
static int version_row(struct pv_ctx *c, int64_t pv, json_t **row)
{
	struct sval a = SVI(pv);
	int rc;

	*row = NULL;
	if ((rc = store_query(c->st, STMT_PR_VERSION, &a, 1, pr_row, row, c->e)) != LUP_OK)
		return rc;
	if (!*row)
		return err_set(c->e, LUP_ENOTFOUND, "no plan version %lld", (long long)pv);
	return LUP_OK;
}

/* clear: deletes every content row of version c->pv (the things that hang off them cascade). */
static int clear(struct pv_ctx *c)
{
	static const enum stmt del[] = { STMT_PR_DEL_ACTIVITIES, STMT_PR_DEL_INDICATORS, STMT_PR_DEL_GOALS,
					 STMT_PR_DEL_MEASURES, STMT_PR_DEL_THEMES, STMT_PR_DEL_PARTNERS,
					 STMT_PR_DEL_PAREAS, STMT_PR_DEL_SECTIONS };
	struct sval a = SVI(c->pv);
	int rc;

	for (size_t i = 0; i < sizeof(del) / sizeof(del[0]); i++) {
		rc = store_exec(c->st, del[i], &a, 1, NULL, NULL, c->e);
		if (rc == LUP_ECONFLICT)
			return err_set(c->e, LUP_ECONFLICT, "rows of the draft are referred to from outside it"
				       " (a report, another plan's activity or goal); the content cannot be replaced");
		if (rc != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

static int replace(struct pv_ctx *c, json_t *doc, const struct plan_version_opts *o, json_t **before)
{
	json_t *v = F(doc, "version"), *after = NULL;
	const char *key = json_string_value(F(F(doc, "plan"), "key"));
	int64_t owner = 0;
	char *b = NULL, *a = NULL;
	int rc;

	if ((rc = plan_draft_check(c->st, c->pv, &owner, c->e)) != LUP_OK ||
	    (rc = version_row(c, c->pv, before)) != LUP_OK)
		return rc;
	c->plan = json_integer_value(F(*before, "plan_id"));
	c->number = (int)json_integer_value(F(*before, "version"));
	if (!key || strcmp(key, json_string_value(F(*before, "plan"))) != 0) {
		doc_problem(c->p, "/plan/key", "the document is of plan '%s', not of '%s'", key ? key : "",
			    json_string_value(F(*before, "plan")));
		return doc_problems_fail(c->p, "document", c->e);
	}
	c->write = 0;
	walk(c, doc);
	if (c->rc)
		return c->rc;
	if (doc_problems_count(c->p))
		return doc_problems_fail(c->p, "document", c->e);
	if ((rc = clear(c)) != LUP_OK)
		return rc;
	{
		struct sval s[] = { SVI(c->pv), js(F(v, "area_scope")), js(F(v, "note")) };
		if ((rc = store_exec(c->st, STMT_PR_VERSION_SET, s, 3, NULL, NULL, c->e)) != LUP_OK)
			return rc;
	}
	c->write = 1;
	walk(c, doc);
	if ((!c->rc || c->rc == LUP_ECONFLICT) && doc_problems_count(c->p)) {
		doc_problems_fail(c->p, "document", c->e);
		return c->rc ? c->rc : LUP_EINVAL;
	}
	if (c->rc)
		return c->rc;
	if ((rc = version_row(c, c->pv, &after)) != LUP_OK)
		return rc;
	json_object_del(*before, "plan_id");
	json_object_del(after, "plan_id");
	json_object_set_new(after, "content", json_string("replaced"));
	if (o->origin)
		json_object_set_new(after, "origin", json_string(o->origin));
	b = json_dumps(*before, JSON_COMPACT | JSON_PRESERVE_ORDER);
	a = json_dumps(after, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (!b || !a) {
		rc = err_set(c->e, LUP_EDB, "out of memory");
	} else {
		struct audit_rec rec = { .user_id = o->user_id, .actor = o->actor ? o->actor : "lup",
					 .action = "update", .entity = "plan_version", .entity_id = c->pv,
					 .before = b, .after = a };
		rc = audit_write(c->st, &rec, c->e);
	}
	free(b);
	free(a);
	json_decref(after);
	return rc;
}

int plan_version_replace(struct store *st, int64_t pv_id, json_t *doc, const struct plan_version_opts *o,
			 struct doc_problems *p, struct err *e)
{
	struct pv_ctx c = { .st = st, .p = p, .e = e, .pv = pv_id, .themes = json_object(), .goals = json_object(),
			    .measures = json_object(), .partners = json_object(), .indicators = json_object() };
	json_t *before = NULL;
	int rc;

	if (!c.themes || !c.goals || !c.measures || !c.partners || !c.indicators) {
		rc = err_set(e, LUP_EDB, "out of memory");
		goto out;
	}
	if (!o->in_txn && (rc = store_begin(st, e)) != LUP_OK)
		goto out;
	rc = replace(&c, doc, o, &before);
	if (!o->in_txn) {
		if (rc == LUP_OK)
			rc = store_commit(st, e);
		if (rc != LUP_OK)
			store_rollback(st);
	}
out:
	json_decref(before);
	json_decref(c.themes);
	json_decref(c.goals);
	json_decref(c.measures);
	json_decref(c.partners);
	json_decref(c.indicators);
	return rc;
}
