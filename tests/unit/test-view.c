/* test-view.c: the views without HTTP (src/view/, issue 12): the goal chain and the follow-up
 * report read from a store loaded with the Stockholm dataset, with no request anywhere; the
 * chain's indexes agree with the database; the viewer rule for a draft report's assessment is
 * the loader's (the store's viewer), not a caller's filter. Run from the repository root. */
#include "testlib.h"

#include "core/arena.h"
#include "core/err.h"
#include "load/dataset.h"
#include "store/store.h"
#include "view/chain.h"
#include "core/buf.h"
#include "doc/chain-json.h"
#include "render/json.h"
#include "view/city.h"
#include "view/commission.h"
#include "view/report.h"
#include "view/plan.h"
#include "doc/plan-json.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#define ORG_KEY "spanga-tensta-stadsdelsnamnd"
#define OTHER_KEY "rinkeby-kista-stadsdelsnamnd"
#define SECRET "draft analysis, not approved"

static char path[64];
static int64_t org, other, report;

/* sql_int: the first column of the first row of sql on the database file (raw, for the
 * expectations and the fixture's draft report), -1 on error. */
static int64_t sql_int(const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int64_t v = -1;

	if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		int rc = sqlite3_step(s);
		v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : rc == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* fixture: the dataset in a new database, and a draft T1 2022 report of ORG_KEY that assesses
 * its first nämndmål of 2022 with SECRET. */
static int fixture(void)
{
	struct store *st = NULL;
	struct load_report lr;
	struct err e;
	int rc;

	snprintf(path, sizeof(path), "/tmp/lup-view-%d.db", (int)getpid());
	unlink(path);
	if (store_open(path, STORE_CREATE, &st, &e) != LUP_OK)
		return -1;
	rc = load_dataset(st, "data/stockholm", "test", &lr, &e);
	store_close(st);
	if (rc != LUP_OK)
		return fprintf(stderr, "load: %s\n", e.msg), -1;
	org = sql_int("SELECT id FROM organisation WHERE key = '" ORG_KEY "'");
	other = sql_int("SELECT id FROM organisation WHERE key = '" OTHER_KEY "'");
	if (sql_int("INSERT INTO period (year, kind, first_day, last_day) SELECT 2022, 'T1', '2022-01-01', '2022-04-30'"
		    " WHERE NOT EXISTS (SELECT 1 FROM period WHERE year = 2022 AND kind = 'T1')") < 0 ||
	    sql_int("INSERT INTO report (org_id, period_id, status) SELECT o.id, p.id, 'draft' FROM organisation o,"
		    " period p WHERE o.key = '" ORG_KEY "' AND p.year = 2022 AND p.kind = 'T1'") < 0)
		return -1;
	report = sql_int("SELECT max(id) FROM report");
	return sql_int("INSERT INTO assessment (report_id, goal_id, assessment, analysis) SELECT r.id, g.id, 'partly',"
		       " '" SECRET "' FROM report r, goal g JOIN organisation o ON o.id = g.owner_id"
		       " WHERE r.id = (SELECT max(id) FROM report) AND g.level = 'namndmal' AND g.year = 2022"
		       " AND (o.key = '" ORG_KEY "' OR o.pair_id = (SELECT id FROM organisation WHERE key = '" ORG_KEY "'))"
		       " ORDER BY g.id LIMIT 1") < 0 ? -1 : 0;
}

/* secret_seen: whether the chain of ORG_KEY 2022 read with the given viewer has SECRET. */
static int secret_seen(struct store *st, enum store_view view, int64_t vorg)
{
	struct arena a = ARENA_INIT;
	struct view_chain c;
	struct err e;
	int seen = 0;

	store_set_viewer(st, view, vorg, 0);
	if (view_chain_load(st, &a, org, 2022, &c, &e) != LUP_OK)
		seen = -1;
	for (size_t g = 0; seen == 0 && g < c.ngoals; g++)
		for (size_t k = 0; k < c.goals[g].nassess; k++)
			seen |= c.goals[g].assess[k].analysis && strcmp(c.goals[g].assess[k].analysis, SECRET) == 0;
	arena_release(&a);
	return seen;
}

static void test_chain_loads_and_indexes(void)
{
	struct store *st = NULL;
	struct arena a = ARENA_INIT;
	struct view_chain c;
	struct err e;
	size_t nm = 0, ninds = 0, nouts = 0, top = 0;

	T_EQ_INT(store_open(path, 0, &st, &e), LUP_OK);
	T_EQ_INT(view_chain_load(st, &a, org, 2022, &c, &e), LUP_OK);
	for (size_t i = 0; i < c.ngoals; i++) {
		const struct view_goal *g = &c.goals[i];
		nm += strcmp(g->level, "namndmal") == 0;
		top += g->parent_ix < 0;
		/* the parent index names the parent key */
		if (g->parent_ix >= 0)
			T_EQ_STR(c.goals[g->parent_ix].key, g->parent);
		for (size_t k = 0; k < g->ninds; k++) {
			ninds++;
			nouts += g->inds[k].nouts;
			for (size_t o = 0; o < g->inds[k].nouts; o++)
				T_CHECK(g->inds[k].outs[o].year == 2022 ||
					(g->inds[k].outs[o].year == 2021 && strcmp(g->inds[k].outs[o].period, "FY") == 0));
		}
		for (size_t k = 0; k < g->nacts; k++)
			T_EQ_INT(c.acts[g->acts[k]].goal_id, g->id);
	}
	T_EQ_INT(nm, 20);	/* 003: twenty nämndmål in Spånga-Tensta's verksamhetsplan 2022 */
	T_CHECK(top > 0 && top < c.ngoals);
	T_EQ_INT(ninds, sql_int("SELECT count(*) FROM indicator WHERE goal_id IN (SELECT id FROM goal WHERE"
				" key IN (SELECT key FROM goal WHERE year = 2022 AND owner_id IN (SELECT id FROM"
				" organisation WHERE key LIKE 'spanga-tensta-stadsdels%')) OR id IN (SELECT parent_id FROM"
				" goal WHERE year = 2022 AND owner_id IN (SELECT id FROM organisation WHERE key LIKE"
				" 'spanga-tensta-stadsdels%')) OR id IN (SELECT p.parent_id FROM goal p JOIN goal g ON"
				" g.parent_id = p.id WHERE g.year = 2022 AND g.owner_id IN (SELECT id FROM organisation"
				" WHERE key LIKE 'spanga-tensta-stadsdels%')))"));
	T_CHECK(nouts > 0);
	T_CHECK(c.nacts > 0);
	T_EQ_INT(view_chain_goal(&c, c.goals[0].key), 0);
	T_EQ_INT(view_chain_goal(&c, "no-such-goal"), -1);
	arena_release(&a);
	T_EQ_INT(view_chain_load(st, &a, org, 1990, &c, &e), LUP_OK);
	T_EQ_INT(c.ngoals, 0);
	arena_release(&a);
	store_close(st);
}

/* act_start: the start of the activity with key (YYYYMMDD; INT64_MAX when unknown, as the
 * chain orders it). */
static int64_t act_start(const char *key)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT coalesce(start_first, 9223372036854775807) FROM activity WHERE key = '%s'", key);
	return sql_int(sql);
}

/* The activities by start, then key, also when the database gives them far out of that order:
 * ORG_KEY's activities' starts scrambled (the loader's merge of ascending stretches); run last,
 * it changes the fixture. */
static void test_chain_activities_in_order(void)
{
	struct store *st = NULL;
	struct arena a = ARENA_INIT;
	struct view_chain c;
	struct err e;
	int64_t prev = 0;

	T_CHECK(sql_int("UPDATE activity SET start_first = 20220101 + (id * 7919 % 11) * 100, end_last = 20221231"
			" WHERE owner_id IN (SELECT id FROM organisation WHERE key LIKE 'spanga-tensta-stadsdels%')") == 0);
	T_EQ_INT(store_open(path, 0, &st, &e), LUP_OK);
	T_EQ_INT(view_chain_load(st, &a, org, 2022, &c, &e), LUP_OK);
	T_CHECK(c.nacts > 20);
	for (size_t i = 0; i < c.nacts; i++) {
		int64_t s = act_start(c.acts[i].key);
		T_CHECK(s > 0);
		if (i > 0)
			T_CHECK(prev < s || (prev == s && strcmp(c.acts[i - 1].key, c.acts[i].key) < 0));
		prev = s;
	}
	arena_release(&a);
	store_close(st);
}

static void test_chain_viewer_rule(void)
{
	struct store *st = NULL;
	struct err e;

	T_EQ_INT(store_open(path, 0, &st, &e), LUP_OK);
	T_EQ_INT(secret_seen(st, STORE_VIEW_ALL, 0), 1);	/* the operator */
	T_EQ_INT(secret_seen(st, STORE_VIEW_ORG, org), 1);	/* the organisation */
	T_EQ_INT(secret_seen(st, STORE_VIEW_ORG, other), 0);	/* another organisation */
	T_EQ_INT(secret_seen(st, STORE_VIEW_PUBLIC, 0), 0);	/* the public */
	store_close(st);
}

static void test_report_loads(void)
{
	struct store *st = NULL;
	struct arena a = ARENA_INIT;
	struct view_report rep;
	struct err e;
	int found = -1, assessed = 0;

	T_EQ_INT(store_open(path, 0, &st, &e), LUP_OK);
	T_EQ_INT(view_report_load(st, &a, report, 1, &rep, &found, &e), LUP_OK);
	T_EQ_INT(found, 1);
	T_EQ_STR(rep.org_key, ORG_KEY);
	T_EQ_STR(rep.status, "draft");
	T_EQ_STR(rep.label, "Tertialrapport 1 2022");
	T_EQ_INT(rep.ngoals, 20);
	for (int i = 0; i < rep.ngoals; i++)
		if (rep.goals[i].assessed) {
			assessed++;
			T_EQ_STR(rep.goals[i].assessment, "partly");
			T_EQ_STR(rep.goals[i].analysis, SECRET);
		} else {
			T_EQ_STR(rep.goals[i].assessment, "none");
		}
	T_EQ_INT(assessed, 1);
	T_CHECK(rep.nacts > 0);
	T_EQ_INT(rep.readable, 1);	/* the operator */
	store_set_viewer(st, STORE_VIEW_ORG, org, 0);
	T_EQ_INT(view_report_load(st, &a, report, 0, &rep, &found, &e), LUP_OK);
	T_EQ_INT(rep.readable, 1);	/* the organisation */
	store_set_viewer(st, STORE_VIEW_ORG, other, 0);
	T_EQ_INT(view_report_load(st, &a, report, 0, &rep, &found, &e), LUP_OK);
	T_EQ_INT(rep.readable, 0);	/* another organisation: a draft */
	store_set_viewer(st, STORE_VIEW_PUBLIC, 0, 0);
	T_EQ_INT(view_report_load(st, &a, report, 0, &rep, &found, &e), LUP_OK);
	T_EQ_INT(rep.readable, 0);	/* the public */
	T_CHECK(sql_int("UPDATE report SET status = 'approved' WHERE id = (SELECT max(id) FROM report)") == 0);
	T_EQ_INT(view_report_load(st, &a, report, 0, &rep, &found, &e), LUP_OK);
	T_EQ_INT(rep.readable, 1);	/* approved: everyone */
	T_CHECK(sql_int("UPDATE report SET status = 'draft' WHERE id = (SELECT max(id) FROM report)") == 0);
	store_set_viewer(st, STORE_VIEW_ALL, 0, 0);
	T_EQ_INT(view_report_load(st, &a, report, 0, &rep, &found, &e), LUP_OK);
	T_EQ_INT(found, 1);
	T_EQ_INT(rep.ngoals, 0);	/* the head only */
	T_EQ_INT(view_report_load(st, &a, report + 1000, 1, &rep, &found, &e), LUP_OK);
	T_EQ_INT(found, 0);
	arena_release(&a);
	store_close(st);
}

static void test_commission_empty(void)
{
	struct store *st = NULL;
	struct arena a = ARENA_INIT;
	struct view_commission v;
	struct err e;

	T_EQ_INT(store_open(path, 0, &st, &e), LUP_OK);
	T_EQ_INT(view_commission_load(st, &a, &v, &e), LUP_OK);	/* the dataset holds no responses */
	T_EQ_INT(v.ncells, 0);
	T_EQ_INT(view_commission_num_cmp("6.2.9", "6.2.10") < 0, 1);
	T_EQ_INT(view_commission_num_cmp("6.2", "6.2"), 0);
	T_EQ_INT(view_commission_num_cmp("7", "6.9") > 0, 1);
	arena_release(&a);
	store_close(st);
}

/* city_draft: in the city view for 2022-T1 read with the given viewer, the reports of the period
 * the viewer may read and whether ORG_KEY's fulfilment row shows its (draft) report. */
static void city_draft(struct store *st, enum store_view view, int64_t vorg, long *reports, int *shown)
{
	struct model_period t1 = { 2022, MODEL_PERIOD_T1 };
	struct view_city_args args = { NULL, 0, &t1, 0 };
	struct arena a = ARENA_INIT;
	struct view_city c;
	struct err e;

	*reports = -1;
	*shown = -1;
	store_set_viewer(st, view, vorg, 0);
	if (view_city_load(st, &a, &args, &c, &e) == LUP_OK && c.period >= 0) {
		*reports = c.periods[c.period].reports;
		for (size_t i = 0; i < c.nfulfil; i++)
			if (strcmp(c.fulfil[i].key, ORG_KEY) == 0)
				*shown = c.fulfil[i].report != 0 && c.fulfil[i].status != NULL;
	}
	arena_release(&a);
	store_set_viewer(st, STORE_VIEW_ALL, 0, 0);
}

static void test_city(void)
{
	struct view_city_args none = { NULL, 0, NULL, 0 }, bad_ind = { "no-such-indicator", 0, NULL, 0 };
	struct view_city_args bad_year = { NULL, 1990, NULL, 0 };
	struct model_period p1999 = { 1999, MODEL_PERIOD_T1 };
	struct view_city_args bad_period = { NULL, 0, &p1999, 0 };
	struct store *st = NULL;
	struct arena a = ARENA_INIT;
	struct view_city c;
	struct err e;
	long reports;
	int shown;

	T_EQ_INT(store_open(path, 0, &st, &e), LUP_OK);
	T_EQ_INT(view_city_load(st, &a, &none, &c, &e), LUP_OK);
	T_EQ_INT(c.miss, VIEW_CITY_FOUND);
	T_EQ_INT(c.ndistricts, 14);	/* 001 §3 */
	T_EQ_INT(c.nprioritised, 7);	/* 000/001 §1.2 */
	T_CHECK(c.ind >= 0 && c.has_year && !isnan(c.city));
	for (size_t d = 0, themes = 0; d < c.ndistricts; d++) {
		for (size_t t = c.districts[d].theme0; t < c.districts[d].theme0 + c.districts[d].nthemes; t++)
			T_EQ_STR(c.themes[t].district, c.districts[d].key);
		themes += c.districts[d].nthemes;
		if (d + 1 == c.ndistricts)
			T_EQ_INT(themes, 43);	/* 001 §3: 43 themes over the 14 districts */
	}
	T_EQ_INT(view_city_load(st, &a, &bad_ind, &c, &e), LUP_OK);
	T_EQ_INT(c.miss, VIEW_CITY_NO_INDICATOR);
	T_EQ_INT(view_city_load(st, &a, &bad_year, &c, &e), LUP_OK);
	T_EQ_INT(c.miss, VIEW_CITY_NO_YEAR);
	T_EQ_INT(view_city_load(st, &a, &bad_period, &c, &e), LUP_OK);
	T_EQ_INT(c.miss, VIEW_CITY_NO_PERIOD);
	/* the draft report: counted and shown for the operator and its organisation only */
	city_draft(st, STORE_VIEW_ALL, 0, &reports, &shown);
	T_EQ_INT(reports, 1);
	T_EQ_INT(shown, 1);
	city_draft(st, STORE_VIEW_ORG, org, &reports, &shown);
	T_EQ_INT(reports, 1);
	T_EQ_INT(shown, 1);
	city_draft(st, STORE_VIEW_ORG, other, &reports, &shown);
	T_EQ_INT(reports, 0);
	T_EQ_INT(shown, 0);
	city_draft(st, STORE_VIEW_PUBLIC, 0, &reports, &shown);
	T_EQ_INT(reports, 0);
	T_EQ_INT(shown, 0);
	arena_release(&a);
	store_close(st);
}


/* The chain's JSON writes a goal's texts as json_escape_str does, whichever path it takes (the
 * plain texts copied in quotes sixteen bytes at a time, the others escaped): each text of a
 * list (quotes, backslashes, control bytes, tab and newline, DEL, two- and three-byte UTF-8,
 * invalid UTF-8, lengths around sixteen) as a goal's name, placed at every offset before the
 * end of a page that is followed by an unmapped one (a read past the page would fault). */
static void test_chain_json_texts(void)
{
	static const char *const texts[] = {
		"", "a", "kf-2022-1", "0123456789abcde", "0123456789abcdef", "0123456789abcdefg",
		"Nämndmål för förskolan i Spånga-Tensta", "x\"y", "back\\slash", "tab\there",
		"new\nline", "ctl\x01", "del\x7f", "dash – and “quotes”", "bad \xff byte", "lead \xc3",
		"lead \xc3 then", "åäö åäö åäö åäö åäö", "\xe2\x82", "€uro", "a\xc3\xa5" "b\xc3", "0123456789abcd\xc3\xa5",
	};
	long ps = sysconf(_SC_PAGESIZE);
	int fd = open("/dev/zero", O_RDWR), bad = 0;
	char *pg = fd < 0 ? MAP_FAILED : mmap(NULL, (size_t)ps * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

	if (fd >= 0)
		close(fd);

	T_CHECK(pg != MAP_FAILED);
	if (pg == MAP_FAILED)
		return;
	T_EQ_INT(mprotect(pg + ps, (size_t)ps, PROT_NONE), 0);
	for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		size_t n = strlen(texts[t]);
		for (size_t end = 0; end < 40; end++) {
			char *s = pg + ps - 1 - end - n;	/* the NUL end bytes before the page's end */
			struct view_goal g = { .id = 1, .key = "k", .level = "namndmal", .name = s, .parent_ix = -1 };
			struct view_chain c = { .org = 1, .year = 2022, .goals = &g, .ngoals = 1 };
			struct buf out, want;
			struct json j;
			memcpy(s, texts[t], n + 1);
			buf_init(&out, 1 << 20);
			buf_init(&want, 1 << 20);
			json_init(&j, &out, 0);
			chain_json_write(&c, &j);
			buf_adds(&want, "\"name\":");
			json_escape_str(&want, s, n);
			buf_adds(&want, ",\"parent\":null");
			if (json_finish(&j) != 0 || !out.ptr || !strstr(out.ptr, want.ptr)) {
				if (!bad++)
					fprintf(stderr, "text %zu at %zu: %s\nwant %s\n", t, end, out.ptr ? out.ptr : "", want.ptr);
			}
			buf_release(&out);
			buf_release(&want);
		}
	}
	T_EQ_INT(bad, 0);
	munmap(pg, (size_t)ps * 2);
}

/* every plan version's document as a tree (plan_doc_load_id, built from the arena value the
 * diff reads) dumps to the bytes plan_doc_write streams (an independent writer): the same
 * members in the same order with the same types; the arena value equals the tree. */
static void test_plan_docs(void)
{
	int64_t n = sql_int("SELECT count(*) FROM plan_version"), bad = 0, checked = 0;
	struct store *st = NULL;
	struct err e;

	T_CHECK(n >= 16);
	T_EQ_INT(store_open(path, 0, &st, &e), LUP_OK);
	for (int64_t pv = 1; pv <= sql_int("SELECT max(id) FROM plan_version"); pv++) {
		struct arena a = ARENA_INIT;
		struct buf b;
		struct pval v, back;
		json_t *doc = NULL;
		char *text;

		if (plan_doc_load_id(st, pv, &doc, &e) != LUP_OK)
			continue;
		buf_init(&b, 64u << 20);
		text = plan_json_dump(doc);
		if (plan_doc_write(st, pv, &b, &e) != LUP_OK || !text || strlen(text) != b.len ||
		    memcmp(text, b.ptr, b.len) != 0)
			bad++, fprintf(stderr, "plan version %lld: the tree's dump differs\n", (long long)pv);
		T_EQ_INT(plan_doc_val_load_id(st, pv, &a, &v, &e), LUP_OK);
		back = pval_from_json(&a, doc);
		if (!pval_equal(&v, &back))
			bad++, fprintf(stderr, "plan version %lld: the value differs from its tree\n", (long long)pv);
		checked++;
		free(text);
		buf_release(&b);
		json_decref(doc);
		arena_release(&a);
	}
	T_EQ_INT(checked, n);
	T_EQ_INT(bad, 0);
	store_close(st);
}

int main(void)
{
	if (fixture() != 0) {
		fprintf(stderr, "cannot build the fixture database %s\n", path);
		return 2;
	}
	T_RUN(test_chain_loads_and_indexes);
	T_RUN(test_chain_viewer_rule);
	T_RUN(test_report_loads);
	T_RUN(test_commission_empty);
	T_RUN(test_city);
	T_RUN(test_chain_activities_in_order);
	T_RUN(test_chain_json_texts);
	T_RUN(test_plan_docs);
	unlink(path);
	return t_done();
}
