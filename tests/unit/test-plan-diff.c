/* test-plan-diff.c: unit tests of the plan diff (src/doc/plan-diff.c) and `lup plan diff --files`
 * (src/cmd/cmd-plan-diff.c) over the fixture documents in tests/data/plan-diff/. */
#include "testlib.h"

#include "cmd/cmd.h"
#include "cmd/cmd-plan.h"
#include "core/buf.h"
#include "core/err.h"
#include "doc/plan-diff.h"
#include "doc/plan-val.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIX_A "tests/data/plan-diff/a.json"
#define FIX_B "tests/data/plan-diff/b.json"

/* ---- helpers ---------------------------------------------------------------------------- */

static json_t *load(const char *path)
{
	json_error_t je;
	json_t *d = json_load_file(path, JSON_REJECT_DUPLICATES, &je);

	if (!d) {
		fprintf(stderr, "%s: %s\n", path, je.text);
		abort();
	}
	return d;
}

/* a deep copy of the fixture A */
static json_t *base(void)
{
	return load(FIX_A);
}

/* diffs a and b, expecting success; returns the changes array (owned by *diff) */
static json_t *diff(const json_t *a, const json_t *b, json_t **d)
{
	struct err e;

	err_clear(&e);
	*d = NULL;
	T_EQ_INT(plan_diff(a, b, d, &e), LUP_OK);
	T_EQ_STR(e.msg, "");
	if (!*d)
		return NULL;
	return json_object_get(*d, "changes");
}

/* diffs a and b, expecting failure with code and a message containing needle */
static void diff_fails(const json_t *a, const json_t *b, int code, const char *needle)
{
	struct err e;
	json_t *d = (json_t *)1;

	err_clear(&e);
	T_EQ_INT(plan_diff(a, b, &d, &e), code);
	T_CHECK(d == NULL);
	T_CONTAINS(e.msg, needle);
}

static const char *str(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* checks change c is {kind, op, id} (id a string) */
static void check_change(const json_t *c, const char *kind, const char *op, const char *id)
{
	T_EQ_STR(str(c, "kind"), kind);
	T_EQ_STR(str(c, "op"), op);
	T_EQ_STR(str(c, "id"), id);
}

/* the list of change i's fields named name, or NULL */
static json_t *field(const json_t *changes, size_t i, const char *name)
{
	json_t *fields = json_object_get(json_array_get(changes, i), "fields");

	for (size_t j = 0; j < json_array_size(fields); j++)
		if (str(json_array_get(fields, j), "field") && strcmp(str(json_array_get(fields, j), "field"), name) == 0)
			return json_array_get(fields, j);
	return NULL;
}

/* the text form of the diff of a and b (malloc'd) */
static char *text(const json_t *a, const json_t *b)
{
	json_t *d;
	struct buf out;

	buf_init(&out, 0);
	diff(a, b, &d);
	if (d)
		T_EQ_INT(plan_diff_text(d, &out), LUP_OK);
	json_decref(d);
	return buf_detach(&out, NULL);
}

/* the array a[k]'s element i */
static json_t *el(json_t *a, const char *k, size_t i)
{
	return json_array_get(json_object_get(a, k), i);
}

/* ---- tests ------------------------------------------------------------------------------ */

static void test_identical(void)
{
	json_t *a = base(), *b = base(), *d, *ch = diff(a, b, &d);

	T_EQ_INT(json_array_size(ch), 0);
	T_CHECK(json_is_array(ch));
	T_EQ_INT(json_integer_value(json_object_get(json_object_get(d, "from"), "version")), 1);
	T_EQ_INT(json_integer_value(json_object_get(json_object_get(d, "to"), "version")), 1);
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

/* a format version 1 document (targets without "sex": the totals) equals its version 2 form,
 * and a women's target is a change */
static void test_format_versions(void)
{
	json_t *a = base(), *b = base(), *d, *t, *ch, *g, *x, *y, *first = NULL;
	size_t i, j, k, n = 0;

	json_object_set_new(b, "format_version", json_integer(2));
	json_array_foreach(json_object_get(b, "goals"), i, g)
		json_array_foreach(json_object_get(g, "indicators"), j, x)
			json_array_foreach(json_object_get(x, "targets"), k, y) {
				json_object_set_new(y, "sex", json_string("T"));
				if (!first)
					first = x;
				n++;
			}
	T_CHECK(n > 0 && first);
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 0);
	json_decref(d);
	t = json_deep_copy(json_array_get(json_object_get(first, "targets"), 0));
	json_object_set_new(t, "sex", json_string("K"));
	json_array_append_new(json_object_get(first, "targets"), t);
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 1);
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

/* the version's number, status, decision and based_on are not content */
static void test_bookkeeping(void)
{
	json_t *a = base(), *b = base(), *v = json_object_get(b, "version"), *d, *ch;
	char *t;

	json_object_set_new(v, "number", json_integer(2));
	json_object_set_new(v, "status", json_string("draft"));
	json_object_set_new(v, "based_on", json_integer(1));
	json_object_set_new(json_object_get(v, "decision"), "dnr", json_string("SKA 2025/7"));
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 0);
	T_EQ_STR(str(json_object_get(d, "to"), "status"), "draft");
	T_EQ_STR(str(json_object_get(json_object_get(d, "to"), "decision"), "dnr"), "SKA 2025/7");
	T_EQ_STR(str(json_object_get(json_object_get(d, "from"), "decision"), "dnr"), "SKA 2024/101");
	t = text(a, b);
	T_EQ_STR(t, "version 1 (decided; decision: sdn-skarholmen 2024-03-21 § 12 dnr SKA 2024/101) -> "
		 "version 2 (draft; decision: sdn-skarholmen 2024-03-21 § 12 dnr SKA 2025/7)\nno changes\n");
	free(t);
	/* but the version's note is content */
	json_object_set_new(v, "note", json_string("Reviderad"));
	json_decref(d);
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 1);
	T_EQ_STR(str(json_array_get(ch, 0), "kind"), "version");
	T_CHECK(field(ch, 0, "note") != NULL);
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

/* the fixtures: every change in document order, and the text form line by line */
static void test_fixture(void)
{
	json_t *a = load(FIX_A), *b = load(FIX_B), *d, *ch = diff(a, b, &d);
	char *t;

	T_EQ_INT(json_array_size(ch), 7);
	T_EQ_STR(str(json_array_get(ch, 0), "kind"), "section");
	T_EQ_INT(json_integer_value(json_object_get(json_array_get(ch, 0), "id")), 1);
	check_change(json_array_get(ch, 1), "theme", "changed", "theme-12");
	check_change(json_array_get(ch, 2), "theme", "added", "theme-14");
	check_change(json_array_get(ch, 3), "indicator", "changed", "ind-1");
	T_EQ_STR(str(json_array_get(ch, 3), "goal"), "g-1");
	check_change(json_array_get(ch, 4), "goal", "removed", "g-2");
	check_change(json_array_get(ch, 5), "measure", "changed", "m-1");
	check_change(json_array_get(ch, 6), "activity", "changed", "a-1");
	T_EQ_STR(str(json_object_get(json_array_get(ch, 4), "value"), "title"), "Tryggare torg");
	T_EQ_INT(json_integer_value(json_object_get(json_object_get(d, "to"), "based_on")), 1);
	t = text(a, b);
	T_EQ_STR(t,
		 "version 1 (decided; decision: sdn-skarholmen 2024-03-21 § 12 dnr SKA 2024/101) -> version 2 (draft)\n"
		 "~ section 1 \"Inledning\": body (+1 -0 paragraphs)\n"
		 "~ theme theme-12 \"Trygghet\" -> \"Trygghet och säkerhet\": name\n"
		 "+ theme theme-14 \"Hälsa\"\n"
		 "~ indicator ind-1 (goal g-1) \"Andel förvärvsarbetande\": targets (+1 -1)\n"
		 "- goal g-2 \"Tryggare torg\"\n"
		 "~ measure m-1 \"Sommarjobb\": partners (+1 -0 ~0)\n"
		 "~ activity a-1 \"Trygghetsvandring\": goal\n");
	free(t);
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

/* each list: its first thing removed, a new one added, the second one changed */
static void test_each_kind(void)
{
	static const struct { const char *array, *kind, *id, *field; } k[] = {
		{ "sections", "section", "ord", "title" }, { "themes", "theme", "id", "description" },
		{ "areas", "area", "area", "note" }, { "partners", "partner", "id", "group" },
		{ "goals", "goal", "id", "benchmark" }, { "measures", "measure", "id", "status" },
		{ "activities", "activity", "id", "end" },
	};

	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++) {
		json_t *a = base(), *b = base(), *arr = json_object_get(b, k[i].array), *d, *ch;
		json_t *fresh = json_deep_copy(json_array_get(arr, 0)), *first = json_array_get(json_object_get(a, k[i].array), 0);
		json_t *changed;

		/* a second thing in A (some lists have one) so that one can change while the first goes */
		if (json_array_size(arr) < 2) {
			json_t *two = json_deep_copy(first);

			if (strcmp(k[i].id, "ord") == 0)
				json_object_set_new(two, "ord", json_integer(9));
			else
				json_object_set_new(two, k[i].id, json_string("second"));
			json_array_append_new(arr, json_deep_copy(two));
			json_array_append_new(json_object_get(a, k[i].array), two);
		}
		if (strcmp(k[i].id, "ord") == 0)
			json_object_set_new(fresh, "ord", json_integer(7));
		else
			json_object_set_new(fresh, k[i].id, json_string("fresh"));
		json_array_append_new(arr, fresh);
		json_array_remove(arr, 0);
		changed = json_array_get(arr, 0);
		json_object_set_new(changed, k[i].field, json_string("ny text"));

		ch = diff(a, b, &d);
		T_EQ_INT(json_array_size(ch), 3);
		T_EQ_STR(str(json_array_get(ch, 0), "kind"), k[i].kind);
		T_EQ_STR(str(json_array_get(ch, 0), "op"), "removed");
		T_CHECK(json_equal(json_object_get(json_array_get(ch, 0), "value"), first));
		T_EQ_STR(str(json_array_get(ch, 1), "op"), "changed");
		T_CHECK(json_equal(json_object_get(json_array_get(ch, 1), "id"), json_object_get(changed, k[i].id)));
		T_CHECK(field(ch, 1, k[i].field) != NULL);
		T_EQ_STR(str(field(ch, 1, k[i].field), "after"), "ny text");
		T_EQ_INT(json_array_size(json_object_get(json_array_get(ch, 1), "fields")), 1);
		T_EQ_STR(str(json_array_get(ch, 2), "op"), "added");
		T_EQ_STR(str(json_array_get(ch, 2), "kind"), k[i].kind);
		json_decref(d);
		json_decref(a);
		json_decref(b);
	}
}

static void test_theme_rename(void)
{
	json_t *a = base(), *b = base(), *d, *ch, *f;
	char *t;

	json_object_set_new(el(b, "themes", 0), "name", json_string("Trygghet och säkerhet"));
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 1);
	check_change(json_array_get(ch, 0), "theme", "changed", "theme-12");
	T_EQ_STR(str(json_array_get(ch, 0), "name"), "Trygghet och säkerhet");
	f = field(ch, 0, "name");
	T_EQ_STR(str(f, "before"), "Trygghet");
	T_EQ_STR(str(f, "after"), "Trygghet och säkerhet");
	t = text(a, b);
	T_CONTAINS(t, "\n~ theme theme-12 \"Trygghet\" -> \"Trygghet och säkerhet\": name\n");
	free(t);
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

/* the ops and texts of a body diff, "op:text|op:text" */
static char *paras(const char *before, const char *after)
{
	json_t *a = base(), *b = base(), *d, *ch, *list;
	struct buf out;

	buf_init(&out, 0);
	json_object_set_new(el(a, "sections", 0), "body", before ? json_string(before) : json_null());
	json_object_set_new(el(b, "sections", 0), "body", after ? json_string(after) : json_null());
	ch = diff(a, b, &d);
	list = json_object_get(field(ch, 0, "body"), "paragraphs");
	for (size_t i = 0; i < json_array_size(list); i++)
		buf_addf(&out, "%s%s:%s", i ? "|" : "", str(json_array_get(list, i), "op"),
			 str(json_array_get(list, i), "text"));
	json_decref(d);
	json_decref(a);
	json_decref(b);
	return buf_detach(&out, NULL);
}

static void test_paragraphs(void)
{
	char *p;

	p = paras("Ett.\n\nTvå\nrader.\n\nTre.", "Ett.\n\nNytt.\n\nTvå\nrader.\n\nTre.");
	T_EQ_STR(p, "kept:Ett.|added:Nytt.|kept:Två\nrader.|kept:Tre.");
	free(p);
	/* a replaced paragraph in the middle, one removed at the end, blank lines with spaces */
	p = paras("A\n\nB\n\nC\n\nD\n \nE\n", "A\n\nB2\n\nC\n\nD");
	T_EQ_STR(p, "kept:A|removed:B|added:B2|kept:C|kept:D|removed:E");
	free(p);
	/* reordering keeps the longest common run */
	p = paras("A\n\nB\n\nC", "B\n\nC\n\nA");
	T_EQ_STR(p, "removed:A|kept:B|kept:C|added:A");
	free(p);
	/* from nothing, to nothing */
	p = paras(NULL, "A\n\n\n\nB");
	T_EQ_STR(p, "added:A|added:B");
	free(p);
	p = paras("A", "");
	T_EQ_STR(p, "removed:A");
	free(p);
	/* only the blank lines changed: the body changed, every paragraph kept */
	p = paras("A\n\nB", "A\n\n\nB\n");
	T_EQ_STR(p, "kept:A|kept:B");
	free(p);
}

static void test_measure_partner(void)
{
	json_t *a = base(), *b = base(), *d, *ch, *f, *parts = json_object_get(el(b, "measures", 0), "partners");
	json_t *p = json_pack("{s:s, s:s, s:n}", "org", "skarholmen-ff", "role", "partner", "source");

	json_array_append_new(parts, p);
	json_object_set_new(json_array_get(parts, 0), "role", json_string("funder"));
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 1);
	check_change(json_array_get(ch, 0), "measure", "changed", "m-1");
	f = field(ch, 0, "partners");
	T_EQ_INT(json_array_size(json_object_get(f, "added")), 1);
	T_CHECK(json_equal(json_array_get(json_object_get(f, "added"), 0), p));
	T_EQ_INT(json_array_size(json_object_get(f, "removed")), 0);
	T_EQ_INT(json_array_size(json_object_get(f, "changed")), 1);
	f = json_array_get(json_object_get(f, "changed"), 0);
	T_EQ_STR(str(f, "id"), "arbetsformedlingen");
	f = json_array_get(json_object_get(f, "fields"), 0);
	T_EQ_STR(str(f, "field"), "role");
	T_EQ_STR(str(f, "before"), "lead");
	T_EQ_STR(str(f, "after"), "funder");
	json_decref(d);
	/* themes and target groups are sets: order does not matter, members do */
	json_decref(b);
	b = base();
	json_array_append_new(json_object_get(el(b, "themes", 0), "target_groups"), json_string("barn"));
	json_array_remove(json_object_get(el(b, "themes", 0), "target_groups"), 0);
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 1);
	f = field(ch, 0, "target_groups");
	T_EQ_STR(json_string_value(json_array_get(json_object_get(f, "added"), 0)), "barn");
	T_EQ_STR(json_string_value(json_array_get(json_object_get(f, "removed"), 0)), "unga");
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

/* removed things are placed where they stood; the result does not depend on anything but the input */
static void test_order(void)
{
	json_t *a = base(), *b = base(), *d, *d2, *ch, *themes = json_object_get(b, "themes");
	char *s1, *s2;

	/* A: 12, 13; B: 13, 15, 12 without 13 ... build: B = 15, 12 (13 removed, 15 added first) */
	json_array_remove(themes, 1);
	json_array_insert_new(themes, 0, json_pack("{s:s, s:s}", "id", "theme-15", "name", "Ny"));
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 2);
	check_change(json_array_get(ch, 0), "theme", "added", "theme-15");
	check_change(json_array_get(ch, 1), "theme", "removed", "theme-13");
	/* a removed thing comes before the thing that followed it */
	json_decref(b);
	b = base();
	json_array_remove(json_object_get(b, "themes"), 0);
	json_array_append_new(json_object_get(b, "themes"), json_pack("{s:s}", "id", "theme-16"));
	json_decref(d);
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 2);
	check_change(json_array_get(ch, 0), "theme", "removed", "theme-12");
	check_change(json_array_get(ch, 1), "theme", "added", "theme-16");
	/* the same input gives the same output */
	diff(a, b, &d2);
	s1 = json_dumps(d, 0);
	s2 = json_dumps(d2, 0);
	T_EQ_STR(s1, s2);
	free(s1);
	free(s2);
	json_decref(d2);
	/* a member unknown to the diff is still compared */
	json_decref(b);
	b = base();
	json_object_set_new(el(b, "goals", 0), "weight", json_integer(3));
	json_decref(d);
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 1);
	T_CHECK(field(ch, 0, "weight") != NULL);
	T_CHECK(json_is_null(json_object_get(field(ch, 0, "weight"), "before")));
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

/* a missing or null array is empty: everything in it was removed */
static void test_missing_arrays(void)
{
	json_t *a = base(), *b = base(), *d, *ch;

	json_object_del(b, "themes");
	json_object_set_new(b, "measures", json_null());
	json_object_set_new(el(b, "goals", 0), "indicators", json_null());
	ch = diff(a, b, &d);
	T_EQ_INT(json_array_size(ch), 4);
	check_change(json_array_get(ch, 0), "theme", "removed", "theme-12");
	check_change(json_array_get(ch, 1), "theme", "removed", "theme-13");
	check_change(json_array_get(ch, 2), "indicator", "removed", "ind-1");
	check_change(json_array_get(ch, 3), "measure", "removed", "m-1");
	json_decref(d);
	json_decref(a);
	json_decref(b);
}

static void test_hostile(void)
{
	json_t *a = base(), *b, *x;

	x = json_array();
	diff_fails(x, a, LUP_EINVAL, "document A: not a JSON object");
	json_decref(x);
	x = json_pack("{s:s, s:i}", "format", "other", "format_version", 1);
	diff_fails(a, x, LUP_EINVAL, "document B: 'format' is not \"lup-plan\"");
	json_object_set_new(x, "format", json_string("lup-plan"));
	json_object_set_new(x, "format_version", json_integer(3));
	diff_fails(a, x, LUP_EINVAL, "format_version");
	json_object_set_new(x, "format_version", json_integer(1));
	json_object_set_new(x, "plan", json_string("x"));
	diff_fails(a, x, LUP_EINVAL, "document B: 'plan' is not an object");
	json_decref(x);

	b = base();
	json_object_set_new(b, "themes", json_object());
	diff_fails(a, b, LUP_EINVAL, "document B: 'themes' is not an array");
	json_decref(b);

	b = base();
	json_array_append_new(json_object_get(b, "themes"), json_string("theme-1"));
	diff_fails(a, b, LUP_EINVAL, "document B: themes[2]: not an object");
	json_decref(b);

	b = base();
	json_array_append(json_object_get(b, "themes"), el(b, "themes", 0));
	diff_fails(b, a, LUP_EINVAL, "document A: themes[2]: duplicate id \"theme-12\"");
	json_decref(b);

	b = base();
	json_object_del(el(b, "goals", 1), "id");
	diff_fails(a, b, LUP_EINVAL, "document B: goals[1]: 'id' is missing");
	json_decref(b);

	b = base();
	json_object_set_new(el(b, "activities", 0), "id", json_real(1.5));
	diff_fails(a, b, LUP_EINVAL, "activities[0]: 'id' is missing or not");
	json_decref(b);

	b = base();
	json_object_set_new(el(b, "sections", 1), "body", json_integer(3));
	diff_fails(a, b, LUP_EINVAL, "document B: sections[1]: 'body' is not a string");
	json_decref(b);

	b = base();
	json_object_set_new(el(b, "measures", 0), "themes", json_string("theme-12"));
	diff_fails(a, b, LUP_EINVAL, "document B: measures[0]: 'themes' is not an array");
	json_decref(b);

	/* nested: a measure's partners repeat an org; an indicator without id inside a goal */
	b = base();
	json_array_append(json_object_get(el(b, "measures", 0), "partners"),
			  json_array_get(json_object_get(el(b, "measures", 0), "partners"), 0));
	diff_fails(a, b, LUP_EINVAL, "document B: measures[0].partners[1]: duplicate org \"arbetsformedlingen\"");
	json_decref(b);

	b = base();
	json_object_set_new(json_array_get(json_object_get(el(b, "goals", 0), "indicators"), 0), "id", json_null());
	diff_fails(a, b, LUP_EINVAL, "document B: goals[0].indicators[0]: 'id' is missing");
	json_decref(b);

	/* a wrong type in an added thing is found too */
	b = base();
	x = json_deep_copy(el(b, "goals", 0));
	json_object_set_new(x, "id", json_string("g-9"));
	json_object_set_new(x, "indicators", json_integer(1));
	json_array_append_new(json_object_get(b, "goals"), x);
	diff_fails(a, b, LUP_EINVAL, "document B: goals[2]: 'indicators' is not an array");
	json_decref(b);
	json_decref(a);
}

/* runs cmd_plan_diff with args and returns its exit code; *out gets what it printed */
static int run_cmd(char **argv, int argc, char **out)
{
	struct cmd_ctx c = { .db = "build/test-plan-diff-none.db" };	/* no such database */
	FILE *tmp = tmpfile();
	int saved, rc;
	long n;

	fflush(stdout);
	saved = dup(1);
	dup2(fileno(tmp), 1);
	rc = cmd_plan_diff(&c, argc, argv);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	n = ftell(tmp);
	*out = calloc(1, (size_t)n + 1);
	rewind(tmp);
	if (n > 0 && fread(*out, 1, (size_t)n, tmp) != (size_t)n)
		abort();
	fclose(tmp);
	return rc;
}

static void test_cli(void)
{
	char *argv_text[] = { "diff", "--files", FIX_A, FIX_B, NULL };
	char *argv_json[] = { "diff", "--json", "--files", FIX_A, FIX_B, NULL };
	char *argv_same[] = { "diff", "--files", FIX_A, FIX_A, "--json", NULL };
	char *argv_missing[] = { "diff", "--files", FIX_A, "tests/data/plan-diff/none.json", NULL };
	char *argv_one[] = { "diff", "--files", FIX_A, NULL };
	char *argv_db[] = { "diff", "lup-skarholmen", "1", "2", NULL };
	char *out;
	json_t *j;

	T_EQ_INT(run_cmd(argv_text, 4, &out), EXIT_OK);
	T_CONTAINS(out, "\n~ theme theme-12 \"Trygghet\" -> \"Trygghet och säkerhet\": name\n");
	T_CONTAINS(out, "\n~ measure m-1 \"Sommarjobb\": partners (+1 -0 ~0)\n");
	free(out);
	T_EQ_INT(run_cmd(argv_json, 5, &out), EXIT_OK);
	j = json_loads(out, 0, NULL);
	T_CHECK(j != NULL);
	T_EQ_INT(json_array_size(json_object_get(j, "changes")), 7);
	T_EQ_INT(json_integer_value(json_object_get(json_object_get(j, "to"), "version")), 2);
	json_decref(j);
	free(out);
	T_EQ_INT(run_cmd(argv_same, 5, &out), EXIT_OK);
	j = json_loads(out, 0, NULL);
	T_CHECK(json_is_array(json_object_get(j, "changes")));
	T_EQ_INT(json_array_size(json_object_get(j, "changes")), 0);
	json_decref(j);
	free(out);
	T_EQ_INT(run_cmd(argv_missing, 4, &out), EXIT_FAIL);
	T_EQ_STR(out, "");
	free(out);
	T_EQ_INT(run_cmd(argv_one, 3, &out), EXIT_USAGE);
	free(out);
	/* KEY V1 V2 reads the database: there is none */
	T_EQ_INT(run_cmd(argv_db, 4, &out), EXIT_FAIL);
	free(out);
	char *argv_badv[] = { "diff", "lup-skarholmen", "1", "x", NULL };
	T_EQ_INT(run_cmd(argv_badv, 4, &out), EXIT_FAIL);
	free(out);
}

/* the arena values the diff reads (doc/plan-val.h): equality as json_equal's, members kept in
 * the order set (a key set again keeps its place), a string that is not UTF-8 made so */
static void test_values(void)
{
	struct arena a = ARENA_INIT;
	json_t *x = json_loads("{\"a\": 1, \"b\": [1.5, \"s\", null, true], \"c\": {\"d\": 0.5}}", 0, NULL);
	json_t *y = json_loads("{\"c\": {\"d\": 0.5}, \"b\": [1.5, \"s\", null, true], \"a\": 1}", 0, NULL);
	json_t *z = json_loads("{\"a\": 1.0, \"b\": [1.5, \"s\", null, true], \"c\": {\"d\": 0.5}}", 0, NULL);
	struct pval px = pval_from_json(&a, x), py = pval_from_json(&a, y), pz = pval_from_json(&a, z);
	struct pval o = { PVAL_OBJ, 0, 0, 0, { 0 } }, one = { PVAL_INT, 0, 0, 0, { .i = 1 } };
	struct pval bad = { PVAL_STR, 0, 0, 3, { .s = "N\xc3(" } };
	json_t *back = pval_json(&px), *lossy;
	char *text;

	T_CHECK(pval_equal(&px, &py));
	T_CHECK(!pval_equal(&px, &pz));	/* 1 is not 1.0 */
	T_CHECK(json_equal(back, x));
	text = json_dumps(back, JSON_COMPACT);
	T_EQ_STR(text, "{\"a\":1,\"b\":[1.5,\"s\",null,true],\"c\":{\"d\":0.5}}");
	free(text);
	pval_set(&a, &o, "k", pval_null);
	pval_set(&a, &o, "m", pval_null);
	pval_set(&a, &o, "k", one);
	pval_del(&o, "m");
	pval_set(&a, &o, "m", one);
	json_decref(back);
	back = pval_json(&o);
	text = json_dumps(back, JSON_COMPACT);
	T_EQ_STR(text, "{\"k\":1,\"m\":1}");
	free(text);
	T_CHECK(pval_json(&bad) == NULL);
	lossy = pval_json_lossy(&bad);
	T_CHECK(lossy != NULL);
	T_EQ_STR(json_string_value(lossy), "N\xef\xbf\xbd(");
	json_decref(lossy);
	json_decref(back);
	json_decref(x);
	json_decref(y);
	json_decref(z);
	arena_release(&a);
}

int main(void)
{
	T_RUN(test_identical);
	T_RUN(test_bookkeeping);
	T_RUN(test_fixture);
	T_RUN(test_each_kind);
	T_RUN(test_theme_rename);
	T_RUN(test_paragraphs);
	T_RUN(test_measure_partner);
	T_RUN(test_order);
	T_RUN(test_missing_arrays);
	T_RUN(test_hostile);
	T_RUN(test_format_versions);
	T_RUN(test_cli);
	T_RUN(test_values);
	return t_done();
}
