/* test-store.c: the store and the dataset loader: migrations, version checks, bad files,
 * constraint errors, rollback of a failing load, idempotent loading of the Stockholm dataset,
 * the integrity checks and the backup, the bulk writes (store_bulk_*). On SQLite always; on PostgreSQL too when LUP_TEST_PG
 * names a database of a cluster (tests/run.sh's): the same tests then run on fresh databases
 * of that cluster. Run from the repository root. */
#include "testlib.h"

#include "core/err.h"
#include "load/dataset.h"
#include "store/store.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static const char *pg;		/* LUP_TEST_PG: the tests run on PostgreSQL (else SQLite) */

/* db: the address of database name of the backend under test: a file in dir, or a database of
 * LUP_TEST_PG's cluster (lup_store_NAME, the name's letters only). */
static const char *db(const char *name)
{
	static char addr[4][256];
	static int k;
	const char *q;
	char clean[32];
	size_t n = 0;

	k = (k + 1) % 4;
	if (!pg) {
		snprintf(addr[k], sizeof(addr[k]), "%s/%s", dir, name);
		return addr[k];
	}
	for (const char *c = name; *c && *c != '.' && n < sizeof(clean) - 1; c++)
		if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9'))
			clean[n++] = *c;
	clean[n] = 0;
	q = strchr(pg, '?');
	snprintf(addr[k], sizeof(addr[k]), "postgresql:///lup_store_%s%s", clean, q ? q : "");
	return addr[k];
}

/* fresh: drops database name of the PostgreSQL run (nothing on SQLite: files are new). */
static void fresh(const char *name)
{
	PGconn *c;
	char sql[128];
	const char *d;

	if (!pg)
		return;
	d = strstr(db(name), "lup_store_");
	c = PQconnectdb(pg);
	PQclear(PQexec(c, "SET client_min_messages = warning"));
	snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS \"%.*s\" WITH (FORCE)", (int)strcspn(d, "?"), d);
	PQclear(PQexec(c, sql));
	PQfinish(c);
}

static const char *tmp(const char *name)
{
	static char path[4][128];
	static int k;

	k = (k + 1) % 4;
	snprintf(path[k], sizeof(path[k]), "%s/%s", dir, name);
	return path[k];
}

static void put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int64_t count(struct store *st, enum stmt s, const char *col_name)
{
	(void)col_name;
	int64_t n = -1;
	struct err e;

	store_query_id(st, s, NULL, 0, &n, &e);
	return n;
}

struct counts { int64_t v[32]; int n; };

static int counts_row(void *ctx, const struct store_row *r)
{
	struct counts *c = ctx;

	c->n = store_ncols(r) < 32 ? store_ncols(r) : 32;
	for (int i = 0; i < c->n; i++)
		c->v[i] = store_col_int(r, i);
	return 1;
}

/* the COUNTS statement's columns, in order */
enum { C_ORGS, C_DISTRICTS, C_PRIO, C_AREAS, C_PLANS, C_SECTIONS, C_THEMES, C_PAREAS, C_MEASURES,
       C_PARTNERS, C_GOALS, C_INDICATORS, C_TARGETS, C_ACTIVITIES, C_OUTCOMES, C_EXAMPLES,
       C_REPORTS, C_RECS, C_AUDIT };

static struct counts get_counts(struct store *st)
{
	struct counts c = { { 0 }, 0 };
	struct err e;

	store_query(st, STMT_COUNTS, NULL, 0, counts_row, &c, &e);
	return c;
}

static void test_store_migrates_empty_database(void)
{
	struct store *st = NULL;
	struct err e;
	int from = -1, to = -1;

	fresh("m.db");
	T_EQ_INT(store_open(db("m.db"), STORE_CREATE | STORE_NO_MIGRATE, &st, &e), LUP_OK);
	T_EQ_INT(store_schema_version(st), 0);
	T_EQ_INT(store_migrate(st, 1, &from, &to, &e), LUP_OK);	/* an old database ... */
	T_EQ_INT(from, 0);
	T_EQ_INT(to, 1);
	T_EQ_INT(store_migrate(st, 0, &from, &to, &e), LUP_OK);	/* ... upgraded in place */
	T_EQ_INT(from, 1);
	T_EQ_INT(to, store_schema_latest());
	T_CHECK(store_schema_latest() >= 1);
	T_EQ_INT(get_counts(st).v[C_ORGS], 0);
	T_EQ_INT(store_migrate(st, 0, &from, &to, &e), LUP_OK);	/* again: nothing to do */
	T_EQ_INT(from, to);
	store_close(st);
	(void)count;
}

static void test_store_open_errors(void)
{
	struct store *st = NULL;
	struct err e;
	sqlite3 *db;

	T_EQ_INT(store_open(tmp("missing.db"), 0, &st, &e), LUP_ENOTFOUND);
	T_CONTAINS(e.msg, "missing.db");
	T_CONTAINS(e.msg, "lup init");
	T_CHECK(access(tmp("missing.db"), F_OK) != 0);	/* not created */

	put_file(tmp("junk.db"), "this is not a database, just some text that is long enough to matter\n");
	T_EQ_INT(store_open(tmp("junk.db"), 0, &st, &e), LUP_EDB);
	T_CONTAINS(e.msg, "not a database");

	T_EQ_INT(sqlite3_open(tmp("future.db"), &db), SQLITE_OK);
	sqlite3_exec(db, "CREATE TABLE x (y); PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(db);
	T_EQ_INT(store_open(tmp("future.db"), 0, &st, &e), LUP_EVERSION);
	T_CONTAINS(e.msg, "schema version 999, newer than");
	T_CHECK(st == NULL);
}

static void test_store_constraint_is_conflict(void)
{
	struct store *st = NULL;
	struct err e;
	struct sval bad[] = { SVS("x"), SVS("X"), SVS("not-a-kind"), SVI(0), SVI(0), SVNULL };
	struct sval good[] = { SVS("x"), SVS("X"), SVS("council"), SVI(0), SVI(0), SVNULL };
	int changed = -1;

	fresh("conflict");
	T_EQ_INT(store_open(pg ? db("conflict") : ":memory:", STORE_CREATE, &st, &e), LUP_OK);
	T_EQ_INT(store_exec(st, STMT_ORG_UPSERT, bad, 6, NULL, NULL, &e), LUP_ECONFLICT);
	T_CONTAINS(e.msg, pg ? "check constraint" : "CHECK constraint");
	T_EQ_INT(store_exec(st, STMT_ORG_UPSERT, good, 6, NULL, &changed, &e), LUP_OK);
	T_EQ_INT(changed, 1);
	T_EQ_INT(store_exec(st, STMT_ORG_UPSERT, good, 6, NULL, &changed, &e), LUP_OK);
	T_EQ_INT(changed, 0);	/* the same values change nothing */
	T_EQ_INT(store_begin(st, &e), LUP_OK);
	T_EQ_INT(store_begin(st, &e), LUP_EDB);	/* no nesting */
	store_rollback(st);
	store_close(st);
}

static const char *const small_orgs =
	"key\tname\tkind\n"
	"kommunfullmaktige\tKommunfullmäktige\tcouncil\n"
	"x-stadsdelsnamnd\tX stadsdelsnämnd\tdistrict_committee\n";

static void test_load_failure_rolls_back(void)
{
	struct store *st = NULL;
	struct load_report r;
	struct err e;
	char d[128];

	snprintf(d, sizeof(d), "%s/bad", dir);
	mkdir(d, 0700);
	put_file(tmp("bad/MANIFEST"), "organisations orgs.tsv\nareas areas.tsv\n");
	put_file(tmp("bad/orgs.tsv"), small_orgs);
	put_file(tmp("bad/areas.tsv"), "key\tname\tlevel\tparent\tcommittee\n"
		 "stockholm\tStockholm\tmunicipality\n"
		 "x\tX\tdistrict\tstockholm\tno-such-committee\n");
	fresh("rollback");
	T_EQ_INT(store_open(pg ? db("rollback") : ":memory:", STORE_CREATE, &st, &e), LUP_OK);
	T_EQ_INT(load_dataset(st, d, "test", &r, &e), LUP_EINVAL);
	T_CONTAINS(e.msg, "bad/areas.tsv:3: column 'committee': unknown organisation 'no-such-committee'");
	T_EQ_INT(get_counts(st).v[C_ORGS], 0);	/* the organisations file was rolled back too */
	T_EQ_INT(get_counts(st).v[C_AUDIT], 0);

	put_file(tmp("bad/MANIFEST"), "organisations orgs.tsv\nnosuchtable x.tsv\n");
	T_EQ_INT(load_dataset(st, d, "test", &r, &e), LUP_EINVAL);
	T_CONTAINS(e.msg, "MANIFEST:2: unknown table 'nosuchtable'");
	put_file(tmp("bad/MANIFEST"), "organisations ../orgs.tsv\n");
	T_EQ_INT(load_dataset(st, d, "test", &r, &e), LUP_EINVAL);
	T_CONTAINS(e.msg, "must be a plain name");
	T_EQ_INT(get_counts(st).v[C_ORGS], 0);
	store_close(st);
}

static int district_row(void *ctx, const struct store_row *r)
{
	int64_t *ids = ctx;

	for (int i = 0; i < 64; i++)
		if (!ids[i]) {
			ids[i] = store_col_int(r, 0);
			break;
		}
	return 0;
}

static int count_row(void *ctx, const struct store_row *r)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

/* rows: how many rows statement s returns for (id). */
static int rows(struct store *st, enum stmt s, int64_t id)
{
	struct sval a = SVI(id);
	struct err e;
	int n = 0;

	store_query(st, s, &a, 1, count_row, &n, &e);
	return n;
}

static int64_t lookup(struct store *st, enum stmt s, const char *key)
{
	struct sval a = SVS(key);
	struct err e;
	int64_t id = 0;

	store_query_id(st, s, &a, 1, &id, &e);
	return id;
}

static void problem(void *ctx, const char *what, const char *detail)
{
	fprintf(stderr, "check problem: %s: %s\n", what, detail);
	(*(int *)ctx)++;
}

static void test_stockholm_dataset(void)
{
	struct store *st = NULL;
	struct load_report r1, r2;
	struct err e;
	struct counts c;
	int64_t districts[64] = { 0 };
	struct sval none = SVNULL;
	int themes = 0, n = 0, problems = 0, nproblems = -1;

	err_clear(&e);

	fresh("sthlm.db");
	T_EQ_INT(store_open(db("sthlm.db"), STORE_CREATE, &st, &e), LUP_OK);
	T_EQ_INT(load_dataset(st, "data/stockholm", "test", &r1, &e), LUP_OK);
	if (e.code)
		fprintf(stderr, "load failed: %s\n", e.msg);
	T_CHECK(r1.changed > 0);
	c = get_counts(st);
	T_EQ_INT(c.v[C_DISTRICTS], 14);	/* 001 §3: fourteen stadsdelsområden */
	T_EQ_INT(c.v[C_PRIO], 7);	/* 000/001 §1.2: seven prioritised programmes */
	T_EQ_INT(c.v[C_AUDIT], 1);
	T_CHECK(c.v[C_EXAMPLES] > 0);
	T_EQ_INT(c.v[C_EXAMPLES], c.v[C_OUTCOMES]);	/* every outcome so far is example data */

	store_query(st, STMT_LIST_DISTRICTS, &none, 1, district_row, districts, &e);
	for (int i = 0; districts[i]; i++, n++)
		themes += rows(st, STMT_DISTRICT_THEMES, districts[i]);
	T_EQ_INT(n, 14);
	T_EQ_INT(themes, 43);	/* 001 §3 names 43 themes over the 14 districts */
	T_EQ_INT(rows(st, STMT_DISTRICT_PAREAS, lookup(st, STMT_AREA_ID, "rinkeby-kista")), 4);
	T_EQ_INT(rows(st, STMT_DISTRICT_THEMES, lookup(st, STMT_AREA_ID, "spanga-tensta")), 5);
	T_EQ_INT(rows(st, STMT_DISTRICT_PAREAS, lookup(st, STMT_AREA_ID, "norrmalm")), 0);
	T_EQ_INT(rows(st, STMT_DISTRICT_THEMES, lookup(st, STMT_AREA_ID, "skarpnack")), 1);
	/* 003: 3 inriktningsmål, 12 verksamhetsområdesmål, 20 nämndmål */
	T_EQ_INT(rows(st, STMT_REL_GOAL_CHILDREN, lookup(st, STMT_GOAL_ID, "kf-2022-1")) +
		 rows(st, STMT_REL_GOAL_CHILDREN, lookup(st, STMT_GOAL_ID, "kf-2022-2")) +
		 rows(st, STMT_REL_GOAL_CHILDREN, lookup(st, STMT_GOAL_ID, "kf-2022-3")), 12);
	T_EQ_INT(rows(st, STMT_REL_PLAN_GOALS, lookup(st, STMT_PLAN_ID, "vp-2022-spanga-tensta")), 20);
	T_EQ_INT(rows(st, STMT_REL_PLAN_SECTIONS, lookup(st, STMT_PLAN_ID, "lup-rinkeby-kista")), 7);
	T_CHECK(lookup(st, STMT_ORG_ID_LOOSE, "Hållbarhetskommissionen") != 0);	/* alias from 004 */

	T_EQ_INT(store_check(st, problem, &problems, &nproblems, &e), LUP_OK);
	T_EQ_INT(nproblems, 0);

	T_EQ_INT(load_dataset(st, "data/stockholm", "test", &r2, &e), LUP_OK);
	T_EQ_INT(r2.changed, 0);	/* loading twice changes nothing ... */
	T_EQ_INT(r2.rows, r1.rows);
	T_EQ_INT(get_counts(st).v[C_AUDIT], 1);	/* ... and writes no second audit entry */

	T_EQ_INT(store_backup(st, tmp("copy.db"), &e), LUP_OK);
	store_close(st);
	if (pg) {	/* pg_dump's custom format: a PGDMP archive (t0100 restores one) */
		char magic[6] = "";
		FILE *f = fopen(tmp("copy.db"), "rb");
		T_CHECK(f && fread(magic, 1, 5, f) == 5 && memcmp(magic, "PGDMP", 5) == 0);
		if (f)
			fclose(f);
		return;
	}
	T_EQ_INT(store_open(tmp("copy.db"), 0, &st, &e), LUP_OK);
	T_EQ_INT(get_counts(st).v[C_DISTRICTS], 14);
	T_EQ_INT(get_counts(st).v[C_OUTCOMES], c.v[C_OUTCOMES]);
	store_close(st);
}

/* The hits of one search: how many, how many found by the words index only (half 2), and
 * those's rowids (id * 8 + kind). */
struct search_hits {
	int n, half2;
	int64_t words[1024];
};

static int search_row(void *ctx, const struct store_row *r)
{
	struct search_hits *h = ctx;

	h->n++;
	if (store_col_int(r, 9) == 2 && h->half2 < 1024)
		h->words[h->half2++] = store_col_int(r, 1) * 8 + store_col_int(r, 0);
	return 0;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static struct search_hits search(struct store *st, const char *q, int limit)
{
	struct search_hits h = { 0 };
	struct err e;
	int dropped;

	err_clear(&e);
	T_EQ_INT(store_search(st, q, limit, &dropped, search_row, &h, &e), LUP_OK);
	if (h.half2)
		qsort(h.words, (size_t)h.half2, sizeof(h.words[0]), cmp_i64);
	return h;
}

/* store_search's limit (on the Stockholm dataset, where every hit of "for" is public): at most
 * `limit` hits, the trigram index's first (those of "for" as typed), then those only the words
 * index finds ("för..."), by rowid, up to the limit. */
static void test_store_search_limit(void)
{
	struct store *st = NULL;
	struct err e;
	struct search_hits all, h;
	int tri;

	err_clear(&e);
	T_EQ_INT(store_open(db("sthlm.db"), 0, &st, &e), LUP_OK);
	if (!st)
		return;
	all = search(st, "for", 1000);
	tri = all.n - all.half2;
	T_CHECK(tri > 2 && all.half2 > 2);
	h = search(st, "for", tri + 2);	/* the two words-only hits of the lowest rowids */
	T_EQ_INT(h.n, tri + 2);
	T_EQ_INT(h.half2, 2);
	T_CHECK(h.words[0] == all.words[0] && h.words[1] == all.words[1]);
	h = search(st, "for", tri);	/* the trigram index's hits fill the limit */
	T_EQ_INT(h.n, tri);
	T_EQ_INT(h.half2, 0);
	h = search(st, "for", tri - 1);
	T_EQ_INT(h.n, tri - 1);
	T_EQ_INT(h.half2, 0);
	h = search(st, "for", 1);
	T_EQ_INT(h.n, 1);
	store_close(st);
}

/* On PostgreSQL: a missing database is not created without STORE_CREATE and names lup init; a
 * schema newer than the program's is refused. */
static void test_store_open_errors_pg(void)
{
	struct store *st = NULL;
	struct err e;
	PGconn *c;

	fresh("missing");
	T_EQ_INT(store_open(db("missing"), 0, &st, &e), LUP_ENOTFOUND);
	T_CONTAINS(e.msg, "lup init");
	T_CHECK(st == NULL);
	fresh("future");
	T_EQ_INT(store_open(db("future"), STORE_CREATE, &st, &e), LUP_OK);
	store_close(st);
	c = PQconnectdb(db("future"));
	PQclear(PQexec(c, "INSERT INTO schema_migration (version, applied_at) VALUES (999, 'x')"));
	PQfinish(c);
	T_EQ_INT(store_open(db("future"), 0, &st, &e), LUP_EVERSION);
	T_CONTAINS(e.msg, "schema version 999, newer than");
	T_CHECK(st == NULL);
	fresh("future");
	fresh("missing");
}

/* A PostgreSQL address's password is masked wherever lup shows the address. */
static void test_shown_address(void)
{
	char b[128], small[24];

	T_EQ_STR(store_shown_address("var/lup.db", b, sizeof(b)), "var/lup.db");
	T_EQ_STR(store_shown_address("postgresql:///lup?host=/tmp/x", b, sizeof(b)), "postgresql:///lup?host=/tmp/x");
	T_EQ_STR(store_shown_address("postgresql://anna:hemligt@db:5432/lup", b, sizeof(b)), "postgresql://anna:***@db:5432/lup");
	T_EQ_STR(store_shown_address("postgres://anna:x@db/lup", b, sizeof(b)), "postgres://anna:***@db/lup");
	T_EQ_STR(store_shown_address("postgresql:///lup?user=a&password=hemligt&host=h", b, sizeof(b)),
		 "postgresql:///lup?user=a&password=***&host=h");
	T_EQ_STR(store_shown_address("host=db dbname=lup password=hemligt", b, sizeof(b)), "host=db dbname=lup password=***");
	store_shown_address("postgresql://anna:hemligtlosenord@db/lup", small, sizeof(small));
	T_CHECK(strstr(small, "hem") == NULL);	/* cut after masking: no part of it */
	T_CHECK(strlen(small) < sizeof(small));
}

/* first_text: the first column of the first row of sql, read past the store (sqlite3 or libpq on
 * the database at addr), into out ("(null)" for NULL, "" for no row) */
static void first_text(const char *addr, const char *sql, char *out, size_t n)
{
	snprintf(out, n, "%s", "");
	if (pg) {
		PGconn *c = PQconnectdb(addr);
		PGresult *res = PQexec(c, sql);
		if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0)
			snprintf(out, n, "%s", PQgetisnull(res, 0, 0) ? "(null)" : PQgetvalue(res, 0, 0));
		else if (PQresultStatus(res) != PGRES_TUPLES_OK)
			snprintf(out, n, "error: %s", PQresultErrorMessage(res));
		PQclear(res);
		PQfinish(c);
		return;
	}
	sqlite3 *d = NULL;
	sqlite3_stmt *q = NULL;
	if (sqlite3_open(addr, &d) == SQLITE_OK && sqlite3_prepare_v2(d, sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(q, 0);
		snprintf(out, n, "%s", t ? (const char *)t : "(null)");
	}
	sqlite3_finalize(q);
	sqlite3_close(d);
}

/* bulk_fixture: an organisation, an indicator (*ind), 200 areas (ids in area[]) and 20 periods
 * (ids in period[]), committed */
static void bulk_fixture(struct store *st, int64_t *ind, int64_t *area, int64_t *period)
{
	struct err e;
	struct sval org[] = { SVS("o"), SVS("O"), SVS("council"), SVI(0), SVI(0), SVNULL };
	struct sval okey = SVS("o"), ikey = SVS("i");
	int64_t oid = 0;

	T_EQ_INT(store_begin(st, &e), LUP_OK);
	T_EQ_INT(store_exec(st, STMT_ORG_UPSERT, org, 6, NULL, NULL, &e), LUP_OK);
	T_EQ_INT(store_query_id(st, STMT_ORG_ID, &okey, 1, &oid, &e), LUP_OK);
	struct sval i[] = { SVS("i"), SVI(oid), SVS("I"), SVS("N1"), SVI(1), SVS("test") };
	T_EQ_INT(store_exec(st, STMT_IMP_KOLADA_INDICATOR_UPSERT, i, 6, NULL, NULL, &e), LUP_OK);
	T_EQ_INT(store_query_id(st, STMT_INDICATOR_ID, &ikey, 1, ind, &e), LUP_OK);
	for (int k = 0; k < 200; k++) {
		char key[16];
		snprintf(key, sizeof(key), "a%d", k);
		struct sval a[] = { SVS(key), SVS(key), SVS("district"), SVNULL, SVI(0), SVS("test") }, kv = SVS(key);
		T_EQ_INT(store_exec(st, STMT_AREA_UPSERT, a, 6, NULL, NULL, &e), LUP_OK);
		T_EQ_INT(store_query_id(st, STMT_AREA_ID, &kv, 1, &area[k], &e), LUP_OK);
	}
	for (int y = 0; y < 20; y++) {
		char first[32], last[32];
		snprintf(first, sizeof(first), "%d-01-01", 2000 + y);
		snprintf(last, sizeof(last), "%d-12-31", 2000 + y);
		struct sval p[] = { SVI(2000 + y), SVS("FY"), SVS(first), SVS(last) };
		T_EQ_INT(store_exec(st, STMT_PERIOD_UPSERT, p, 4, NULL, NULL, &e), LUP_OK);
		T_EQ_INT(store_query_id(st, STMT_PERIOD_ID, p, 2, &period[y], &e), LUP_OK);
	}
	T_EQ_INT(store_commit(st, &e), LUP_OK);
}

/* bulk_outcome: an outcome row of STMT_OUTCOME_UPSERT(_BULK) */
static void bulk_outcome(struct sval *a, int64_t ind, int64_t period, int64_t area, const char *sex,
			 const double *v, const char *source)
{
	a[0] = SVI(ind); a[1] = SVI(period); a[2] = SVI(area); a[3] = SVS(sex);
	a[4] = v ? SVD(*v) : SVNULL; a[5] = SVI(v ? 0 : 1); a[6] = SVS(source); a[7] = SVI(0); a[8] = SVI(0);
}

static void test_store_bulk(void)
{
	static int64_t area[200], period[20];
	const char *addr = db("bulk.db");
	struct store *st = NULL;
	struct store_bulk *b = NULL;
	struct sval a[9];
	struct err e;
	int64_t ind = 0, changed = -1;
	double one = 1.5, three = 3.5, quarter = 2.25;
	char got[256], sql[256];
	int rc;

	fresh("bulk.db");
	T_EQ_INT(store_open(addr, STORE_CREATE, &st, &e), LUP_OK);
	bulk_fixture(st, &ind, area, period);
	T_EQ_INT(store_bulk_begin(st, STMT_OUTCOME_UPSERT, 9, 4, &b, &e), LUP_EDB);	/* no bulk statement */
	T_CONTAINS(e.msg, "OUTCOME_UPSERT is no bulk statement");
	if (pg) {
		T_EQ_INT(store_bulk_begin(st, STMT_OUTCOME_UPSERT_BULK, 9, 4, &b, &e), LUP_EDB);
		T_CONTAINS(e.msg, "open write transaction");
	}

	/* escaping, NULL, a key twice in a batch (the last row wins), the changed count */
	T_EQ_INT(store_begin(st, &e), LUP_OK);
	T_EQ_INT(store_bulk_begin(st, STMT_OUTCOME_UPSERT_BULK, 9, 4, &b, &e), LUP_OK);
	bulk_outcome(a, ind, period[0], area[0], "T", &one, "tab\there");
	T_EQ_INT(store_bulk_add(b, a, &e), LUP_OK);
	bulk_outcome(a, ind, period[0], area[0], "K", NULL, "line\nbreak\\back\rslash");
	T_EQ_INT(store_bulk_add(b, a, &e), LUP_OK);
	bulk_outcome(a, ind, period[0], area[1], "T", &quarter, "\\N");
	T_EQ_INT(store_bulk_add(b, a, &e), LUP_OK);
	bulk_outcome(a, ind, period[0], area[0], "T", &three, "last");	/* the first row's key again */
	T_EQ_INT(store_bulk_add(b, a, &e), LUP_OK);
	T_EQ_INT(store_bulk_add(b, a, &e), LUP_OK);	/* the same again: changes nothing */
	T_EQ_INT(store_bulk_end(b, &changed, &e), LUP_OK);
	T_EQ_INT(changed, 4);	/* as five store_exec calls: insert, insert, insert, update, nothing */
	T_EQ_INT(store_commit(st, &e), LUP_OK);
	T_EQ_INT(get_counts(st).v[C_OUTCOMES], 3);
	snprintf(sql, sizeof(sql), "SELECT source || '|' || value FROM outcome WHERE area_id = %lld AND sex = 'T'",
		 (long long)area[0]);
	first_text(addr, sql, got, sizeof(got));
	T_EQ_STR(got, "last|3.5");
	snprintf(sql, sizeof(sql), "SELECT source FROM outcome WHERE area_id = %lld AND sex = 'K'", (long long)area[0]);
	first_text(addr, sql, got, sizeof(got));
	T_EQ_STR(got, "line\nbreak\\back\rslash");
	snprintf(sql, sizeof(sql), "SELECT value FROM outcome WHERE area_id = %lld AND sex = 'K'", (long long)area[0]);
	first_text(addr, sql, got, sizeof(got));
	T_EQ_STR(got, "(null)");
	snprintf(sql, sizeof(sql), "SELECT source || '|' || value FROM outcome WHERE area_id = %lld", (long long)area[1]);
	first_text(addr, sql, got, sizeof(got));
	T_EQ_STR(got, "\\N|2.25");
	first_text(addr, "SELECT source FROM outcome WHERE source LIKE 'tab%'", got, sizeof(got));
	T_EQ_STR(got, "");	/* the first row was replaced */

	/* more rows than a batch (PostgreSQL: 8192), then the same rows again: nothing changes */
	for (int round = 0; round < 2; round++) {
		T_EQ_INT(store_begin(st, &e), LUP_OK);
		T_EQ_INT(store_bulk_begin(st, STMT_OUTCOME_UPSERT_BULK, 9, 4, &b, &e), LUP_OK);
		for (int p = 0; p < 20; p++)
			for (int k = 0; k < 200; k++)
				for (int x = 0; x < 3; x++) {
					double v = p * 1000 + k + x / 10.0;
					bulk_outcome(a, ind, period[p], area[k], x == 0 ? "T" : x == 1 ? "K" : "M", &v, "many");
					T_EQ_INT(store_bulk_add(b, a, &e), LUP_OK);
				}
		T_EQ_INT(store_bulk_end(b, &changed, &e), LUP_OK);
		T_EQ_INT(changed, round ? 0 : 12000);
		T_EQ_INT(store_commit(st, &e), LUP_OK);
	}
	T_EQ_INT(get_counts(st).v[C_OUTCOMES], 12000);
	snprintf(sql, sizeof(sql), "SELECT value FROM outcome WHERE period_id = %lld AND area_id = %lld AND sex = 'M'",
		 (long long)period[19], (long long)area[199]);
	first_text(addr, sql, got, sizeof(got));
	T_EQ_STR(got, "19199.2");

	/* a rollback leaves nothing of the bulk */
	T_EQ_INT(store_begin(st, &e), LUP_OK);
	T_EQ_INT(store_bulk_begin(st, STMT_OUTCOME_UPSERT_BULK, 9, 4, &b, &e), LUP_OK);
	for (int k = 0; k < 200; k++) {
		bulk_outcome(a, ind, period[0], area[k], "T", &one, "rolled back");
		T_EQ_INT(store_bulk_add(b, a, &e), LUP_OK);
	}
	T_EQ_INT(store_bulk_end(b, &changed, &e), LUP_OK);
	T_EQ_INT(changed, 200);
	store_rollback(st);
	first_text(addr, "SELECT count(*) FROM outcome WHERE source = 'rolled back'", got, sizeof(got));
	T_EQ_STR(got, "0");
	T_EQ_INT(get_counts(st).v[C_OUTCOMES], 12000);

	/* a failing row: the error names the statement */
	T_EQ_INT(store_begin(st, &e), LUP_OK);
	T_EQ_INT(store_bulk_begin(st, STMT_OUTCOME_UPSERT_BULK, 9, 4, &b, &e), LUP_OK);
	bulk_outcome(a, ind, period[0], area[0], "T", NULL, "bad");
	a[5] = SVI(0);	/* no value, yet not missing: the table's check refuses it */
	rc = store_bulk_add(b, a, &e);
	if (rc == LUP_OK)
		rc = store_bulk_end(b, &changed, &e);
	else
		store_bulk_free(b);
	T_EQ_INT(rc, LUP_ECONFLICT);
	T_CONTAINS(e.msg, "OUTCOME_UPSERT_BULK");
	store_rollback(st);
	store_close(st);
}

/* A store_query_many receiver: appends "tag<first column>" to log per row; stops after
 * `stop` rows (0: never). */
struct rec {
	char *log;
	size_t cap;
	const char *tag;
	int stop, n;
};

static int rec_row(void *ctx, const struct store_row *r)
{
	struct rec *x = ctx;
	size_t len = strlen(x->log);
	const char *v = store_col_text(r, 0);

	snprintf(x->log + len, x->cap - len, "%s%s%s", len ? " " : "", x->tag, v ? v : "NULL");
	return x->stop && ++x->n >= x->stop;
}

/* many_round: on st (inside a read transaction when in_txn), the batches of test_store_query_many */
static void many_round(struct store *st, int64_t oid, const int64_t *period, int in_txn)
{
	char log[1024] = "", want[1024] = "";
	struct err e;
	struct sval none = SVS("none"), okey = SVS("o"), null = SVNULL;
	struct sval three[] = { SVS("a1"), SVS("a2"), SVS("a3") }, bad[] = { SVS("abc"), SVS("FY") };
	struct rec p = { log, sizeof(log), "p", 0, 0 }, a = { log, sizeof(log), "a", 0, 0 },
		   o = { log, sizeof(log), "o", 0, 0 }, l = { log, sizeof(log), "l", 1, 0 };
	int64_t id = 0;

	/* rows to the right fn, in order; an empty result; a stop after one row stops that statement only */
	struct store_q q[] = {
		{ STMT_LIST_PERIODS, &null, 1, rec_row, &p },
		{ STMT_AREA_ID, &none, 1, rec_row, &a },
		{ STMT_LIST_PERIODS, &null, 1, rec_row, &l },
		{ STMT_ORG_ID, &okey, 1, rec_row, &o },
	};
	if (in_txn)
		T_EQ_INT(store_begin_read(st, &e), LUP_OK);
	T_EQ_INT(store_query_many(st, q, 4, &e), LUP_OK);
	for (int y = 0; y < 20; y++) {
		size_t len = strlen(want);
		snprintf(want + len, sizeof(want) - len, "%sp%lld", len ? " " : "", (long long)period[y]);
	}
	snprintf(want + strlen(want), sizeof(want) - strlen(want), " l%lld o%lld", (long long)period[0],
		 (long long)oid);
	T_EQ_STR(log, want);
	T_EQ_INT(store_query_many(st, q, 0, &e), LUP_OK);	/* nothing to run */
	T_EQ_INT(store_query_many(st, q, STORE_QUERY_MAX + 1, &e), LUP_EDB);
	if (in_txn)
		store_rollback(st);

	/* an error in the 2nd of 3 (too many values) names it; the store stays usable */
	struct store_q q2[] = {
		{ STMT_ORG_ID, &okey, 1, rec_row, &o },
		{ STMT_AREA_ID, three, 3, rec_row, &a },
		{ STMT_ORG_ID, &okey, 1, rec_row, &o },
	};
	if (in_txn)
		T_EQ_INT(store_begin_read(st, &e), LUP_OK);
	T_EQ_INT(store_query_many(st, q2, 3, &e), LUP_EDB);
	T_CONTAINS(e.msg, "AREA_ID: ");
	if (in_txn)
		store_rollback(st);
	T_EQ_INT(store_query_id(st, STMT_ORG_ID, &okey, 1, &id, &e), LUP_OK);
	T_EQ_INT(id, oid);

	/* PostgreSQL: a failure of the server's in the 2nd of 3 names it, the 3rd gives no rows */
	if (!pg)
		return;
	log[0] = 0;
	struct store_q q3[] = {
		{ STMT_ORG_ID, &okey, 1, rec_row, &o },
		{ STMT_PERIOD_ID, bad, 2, rec_row, &p },
		{ STMT_AREA_ID, &none, 1, rec_row, &a },
	};
	if (in_txn)
		T_EQ_INT(store_begin_read(st, &e), LUP_OK);
	T_EQ_INT(store_query_many(st, q3, 3, &e), LUP_EDB);
	T_CONTAINS(e.msg, "PERIOD_ID: ");
	T_CONTAINS(e.msg, "abc");
	T_EQ_STR(log, "");
	if (in_txn)
		store_rollback(st);
	id = 0;
	T_EQ_INT(store_query_id(st, STMT_ORG_ID, &okey, 1, &id, &e), LUP_OK);
	T_EQ_INT(id, oid);
}

static void test_store_query_many(void)
{
	static int64_t area[200], period[20];
	const char *addr = db("many.db");
	struct store *st = NULL;
	struct sval okey = SVS("o");
	struct err e;
	int64_t ind = 0, oid = 0;

	fresh("many.db");
	T_EQ_INT(store_open(addr, STORE_CREATE, &st, &e), LUP_OK);
	bulk_fixture(st, &ind, area, period);
	T_EQ_INT(store_query_id(st, STMT_ORG_ID, &okey, 1, &oid, &e), LUP_OK);
	many_round(st, oid, period, 0);
	many_round(st, oid, period, 1);
	many_round(st, oid, period, 0);
	store_close(st);
}

/* The same tests on PostgreSQL, named so. */
static void pg_store_migrates_empty_database(void) { test_store_migrates_empty_database(); }
static void pg_store_constraint_is_conflict(void) { test_store_constraint_is_conflict(); }
static void pg_load_failure_rolls_back(void) { test_load_failure_rolls_back(); }
static void pg_stockholm_dataset(void) { test_stockholm_dataset(); }
static void pg_store_search_limit(void) { test_store_search_limit(); }
static void pg_store_bulk(void) { test_store_bulk(); }
static void pg_store_query_many(void) { test_store_query_many(); }

int main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/lup-store-XXXXXX");
	if (!mkdtemp(dir))
		return 2;
	T_RUN(test_store_migrates_empty_database);
	T_RUN(test_store_open_errors);
	T_RUN(test_store_constraint_is_conflict);
	T_RUN(test_load_failure_rolls_back);
	T_RUN(test_stockholm_dataset);
	T_RUN(test_store_search_limit);
	T_RUN(test_shown_address);
	T_RUN(test_store_bulk);
	T_RUN(test_store_query_many);
	pg = getenv("LUP_TEST_PG");
	if (pg && *pg) {
		printf("# the same on PostgreSQL\n");
		T_RUN(pg_store_migrates_empty_database);
		T_RUN(test_store_open_errors_pg);
		T_RUN(pg_store_constraint_is_conflict);
		T_RUN(pg_load_failure_rolls_back);
		T_RUN(pg_stockholm_dataset);
		T_RUN(pg_store_search_limit);
		T_RUN(pg_store_bulk);
		T_RUN(pg_store_query_many);
		fresh("bulk.db");
		fresh("many.db");
		fresh("m.db");
		fresh("conflict");
		fresh("rollback");
		fresh("sthlm.db");
	}
	{
		char cmd[128];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			fprintf(stderr, "cannot remove %s\n", dir);
	}
	return t_done();
}
