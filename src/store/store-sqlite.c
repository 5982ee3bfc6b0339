/* store-sqlite.c: the SQLite backend of store.h (the embedded default). */
#include "model/indicator.h"
#include "store/backend.h"
#include "store/sql-sqlite.h"
#include "store/search-int.h"
#include "core/buf.h"
#include "core/collate.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <sqlite3.h>
#include <unicode/ucol.h>

#include <errno.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000

struct sq {
	struct store base;	/* first: the backend's operations */
	sqlite3 *db;
	sqlite3_stmt *stmt[STMT__MAX];	/* prepared on first use */
	UCollator *coll;		/* Swedish collation behind COLLATE sv */
	UCollator *coll_ci;		/* the same without case (secondary strength): COLLATE sv_ci */
	char *path;
	int in_txn;
	enum store_view view;		/* the viewer (store_set_viewer), behind lup_reads() */
	sqlite3_stmt *copy_ins;		/* store_copy's insert of the table being written */
	char copy_table[64];
	int64_t view_org, view_pair;
	char (*period_text)[8];		/* lup_period's texts, by year and kind (NULL until its first) */
};

struct sq_row {
	struct store_row base;
	sqlite3_stmt *s;
};

#define SQ(x) ((struct sq *)(x))
#define SQR(x) ((const struct sq_row *)(x))

static void sq_close(struct store *base);
static void sq_rollback(struct store *base);

static const char *const *const sql_tables[] = {
	sqlite_sql, sqlite_sql_imp_plan, sqlite_sql_imp_commission, sqlite_sql_imp_lup,
	sqlite_sql_imp_kolada, sqlite_sql_imp_csv, sqlite_sql_web_city, sqlite_sql_web_places,
	sqlite_sql_web_follow, sqlite_sql_web_forms, sqlite_sql_web_search, sqlite_sql_plan_version, sqlite_sql_plan_doc,
	sqlite_sql_view_chain,
	sqlite_sql_view_report,
	sqlite_sql_plan_theme,
	sqlite_sql_edit_plan,
	sqlite_sql_plan_replace,
	sqlite_sql_plan_measure,
	sqlite_sql_plan_goal,
	sqlite_sql_goal_edit,
	sqlite_sql_contrib,
	sqlite_sql_provenance,
	sqlite_sql_view_tables,
	sqlite_sql_commit,
	sqlite_sql_wheel,
	sqlite_sql_period_lock,
	sqlite_sql_todo,
	sqlite_sql_indicator,
	sqlite_sql_need,
	sqlite_sql_report_cycle,
	sqlite_sql_lists,
};

/* sql_text: the SQL of statement s, or NULL when no table has it (or more than one does). */
static const char *sql_text(int s)
{
	const char *found = NULL;

	for (size_t t = 0; t < sizeof(sql_tables) / sizeof(sql_tables[0]); t++) {
		if (!sql_tables[t][s])
			continue;
		if (found)
			return NULL;
		found = sql_tables[t][s];
	}
	return found;
}

/* db_err: maps the connection's last error to a lup code and message. */
static int db_err(struct sq *st, struct err *e, const char *what)
{
	int rc = sqlite3_extended_errcode(st->db);
	enum lup_err code = (rc & 0xff) == SQLITE_CONSTRAINT ? LUP_ECONFLICT : LUP_EDB;

	return err_set(e, code, "%s: %s", what, sqlite3_errmsg(st->db));
}

/* sv_collate: the collations sv and sv_ci (ICU's Swedish, ctx). Equal bytes are equal text at
 * every strength, and a sort by a name compares rows of one name with each other often (the
 * district page's activities by owner): those skip ICU, as do texts whose primary weights
 * decide (collate_quick, checked against ICU in test-core). */
static int sv_collate(void *ctx, int na, const void *a, int nb, const void *b)
{
	UErrorCode status = U_ZERO_ERROR;
	UCollationResult r;
	int quick;

	if (na == nb && memcmp(a, b, (size_t)na) == 0)
		return 0;
	if ((quick = collate_quick(a, na, b, nb)) != 0)	/* the primaries decide: no ICU */
		return quick;
	r = ucol_strcollUTF8(ctx, a, na, b, nb, &status);

	if (U_FAILURE(status)) {
		int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
		return c ? c : na - nb;
	}
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

static int exec_sql(struct sq *st, const char *sql, struct err *e, const char *what)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int code = (sqlite3_extended_errcode(st->db) & 0xff) == SQLITE_CONSTRAINT ?
			   LUP_ECONFLICT : LUP_EDB;
		err_set(e, code, "%s: %s", what, msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return code;
	}
	return LUP_OK;
}

static int pragma_int(struct sq *st, const char *sql, int *out, struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_err(st, e, st->path);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_finalize(s);
		return db_err(st, e, st->path);
	}
	*out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	return LUP_OK;
}

static int sq_schema_version(struct store *base)
{
	struct sq *st = SQ(base);

	int v = 0;

	if (pragma_int(st, "PRAGMA user_version", &v, NULL) != LUP_OK)
		return -1;
	return v;
}

static void now_iso(char *out, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* applied: 1 when migration v is recorded in schema_migration (0 when it is not, or when the
 * table does not exist yet). */
static int applied(struct sq *st, int v)
{
	sqlite3_stmt *s = NULL;
	int found = 0;

	if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM schema_migration WHERE version = ?1", -1, &s, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int(s, 1, v);
	found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_finalize(s);
	return found;
}

/* apply_one: runs migration m in its own transaction and records it. */
static int apply_one(struct sq *st, const struct sql_migration *m, struct err *e)
{
	int v = m->version;
	char what[64], set[64], at[32];
	int rc;

	snprintf(what, sizeof(what), "migration %d", v);
	if ((rc = exec_sql(st, "BEGIN IMMEDIATE", e, what)) != LUP_OK)
		return rc;
	st->in_txn = 1;
	if ((rc = exec_sql(st, m->sql, e, what)) != LUP_OK)
		goto err;
	now_iso(at, sizeof(at));
	snprintf(set, sizeof(set), "PRAGMA user_version = %d", v > store_schema_version(&st->base) ? v : store_schema_version(&st->base));
	if ((rc = exec_sql(st, set, e, what)) != LUP_OK)
		goto err;
	{
		sqlite3_stmt *s = NULL;
		if (sqlite3_prepare_v2(st->db, "INSERT INTO schema_migration (version, applied_at)"
				       " VALUES (?1, ?2)", -1, &s, NULL) != SQLITE_OK) {
			rc = db_err(st, e, what);
			goto err;
		}
		sqlite3_bind_int(s, 1, v);
		sqlite3_bind_text(s, 2, at, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE) {
			rc = db_err(st, e, what);
			goto err;
		}
	}
	if ((rc = exec_sql(st, "COMMIT", e, what)) != LUP_OK)
		goto err;
	st->in_txn = 0;
	return LUP_OK;
err:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_txn = 0;
	return rc;
}

static int sq_migrate(struct store *base, int target, int *from, int *to, struct err *e)
{
	struct sq *st = SQ(base);

	int latest = store_schema_latest(), cur = store_schema_version(&st->base), rc;

	if (cur < 0)
		return db_err(st, e, st->path);
	if (from)
		*from = cur;
	if (to)
		*to = cur;
	if (target <= 0)
		target = latest;
	if (cur > latest)
		return err_set(e, LUP_EVERSION, "database '%s' has schema version %d, newer than"
			       " this program's %d: use a newer lup", st->path, cur, latest);
	if (target > latest)
		return err_set(e, LUP_EVERSION, "schema version %d is unknown (latest is %d)", target, latest);
	for (const struct sql_migration *m = sqlite_migrations; m->sql; m++) {
		if (m->version > target || applied(st, m->version))
			continue;
		if ((rc = apply_one(st, m, e)) != LUP_OK)
			return rc;
	}
	if (to)
		*to = store_schema_version(&st->base);
	return LUP_OK;
}

static int file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/* profile_cb: with LUP_SQL_PROFILE set, each statement run's virtual-machine steps, full-scan
 * steps, sorts and automatic-index rows, its name (the enum stmt's without STMT_, "-" for SQL of
 * the backend's own such as a pragma) and the start of its SQL, on standard error, one line:
 *   sql NAME vm N scan N sort N autoindex N  SQL...
 * A developer's tool for finding the statements that scan or sort per row (counts, unlike
 * SQLite's millisecond clock, tell them apart); tests/t/t7400-view-profile.sh reads it. */
static int profile_cb(unsigned type, void *ctx, void *p, void *x)
{
	const struct sq *st = ctx;
	sqlite3_stmt *s = p;
	const char *name = "-";

	(void)x;
	if (type != SQLITE_TRACE_PROFILE)
		return 0;
	for (int i = 0; i < STMT__MAX; i++)
		if (st->stmt[i] == s) {
			name = store_stmt_name(i);
			break;
		}
	fprintf(stderr, "sql %s vm %d scan %d sort %d autoindex %d  %.100s\n", name,
		sqlite3_stmt_status(s, SQLITE_STMTSTATUS_VM_STEP, 1),
		sqlite3_stmt_status(s, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1),
		sqlite3_stmt_status(s, SQLITE_STMTSTATUS_SORT, 1),
		sqlite3_stmt_status(s, SQLITE_STMTSTATUS_AUTOINDEX, 1), sqlite3_sql(s));
	return 0;
}

static void sq_set_viewer(struct store *base, enum store_view view, int64_t org, int64_t org_pair)
{
	struct sq *st = SQ(base);

	st->view = view;
	st->view_org = view == STORE_VIEW_ORG ? org : 0;
	st->view_pair = view == STORE_VIEW_ORG ? org_pair : 0;
}

/* lup_reads(org, org_pair): 1 when the connection's viewer may read what organisation org
 * (recording org_pair as its pair, or NULL) has not published yet, else 0 (store.h). */
static void sql_lup_reads(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const struct sq *st = sqlite3_user_data(cx);
	int64_t org = sqlite3_value_int64(argv[0]), pair = 0;
	int yes = 0;

	if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL)
		pair = sqlite3_value_int64(argv[1]);
	if (st->view == STORE_VIEW_ALL)
		yes = 1;
	else if (st->view == STORE_VIEW_ORG && org && st->view_org)
		yes = org == st->view_org || (st->view_pair && org == st->view_pair) || (pair && pair == st->view_org);
	sqlite3_result_int(cx, yes);
}

/* lup_sex_allowed(by_sex, sex): model_sex_allowed, so `lup check` asks the rule the write
 * paths ask (model/indicator.h). */
static void sql_lup_sex_allowed(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *sex = sqlite3_value_text(argv[1]);

	(void)argc;
	sqlite3_result_int(cx, sex && sex[0] && !sex[1] && model_sex_allowed(sqlite3_value_int(argv[0]), sex[0]));
}

/* lup_revision_text(old, new, status): model_revision_text of a flagged report's revision */
static void sql_lup_revision_text(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *status = sqlite3_value_text(argv[2]);
	double old = sqlite3_value_type(argv[0]) == SQLITE_NULL ? NAN : sqlite3_value_double(argv[0]);
	double nv = sqlite3_value_type(argv[1]) == SQLITE_NULL ? NAN : sqlite3_value_double(argv[1]);
	char buf[200];

	(void)argc;
	if (model_revision_text(old, nv, -1, status && strcmp((const char *)status, "approved") == 0, buf, sizeof(buf)) != 0)
		sqlite3_result_null(cx);
	else
		sqlite3_result_text(cx, buf, -1, SQLITE_TRANSIENT);
}

/* lup_spaced(a, ...): the arguments' texts joined by single spaces, the text printf('%s %s ...')
 * writes of them (NULL as nothing, a text to its first NUL), without printf's formatting: a page
 * of 100 outcomes' names cost 0.19M instructions by printf. */
static void sql_lup_spaced(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char small[256], *out = small, *d;
	const char *t[8];
	size_t len[8], n = 0;

	if (argc < 1 || argc > 8) {
		sqlite3_result_error(cx, "lup_spaced: 1 to 8 arguments", -1);
		return;
	}
	for (int i = 0; i < argc; i++) {
		t[i] = (const char *)sqlite3_value_text(argv[i]);
		if (!t[i] && sqlite3_value_type(argv[i]) != SQLITE_NULL) {
			sqlite3_result_error_nomem(cx);
			return;
		}
		len[i] = t[i] ? strlen(t[i]) : 0;
		n += len[i] + 1;
	}
	if (n > sizeof(small) && !(out = sqlite3_malloc64(n))) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	d = out;
	for (int i = 0; i < argc; i++) {
		if (i)
			*d++ = ' ';
		memcpy(d, t[i] ? t[i] : "", len[i]);
		d += len[i];
	}
	*d = '\0';
	/* -1: the text ends in a NUL, which SQLite then keeps rather than copying it to add one */
	sqlite3_result_text(cx, out, -1, out == small ? SQLITE_TRANSIENT : sqlite3_free);
}

/* The periods lup_period keeps the texts of: years and kinds as period's CHECKs allow them. */
#define PERIOD_YEAR_MIN 1900
#define PERIOD_YEAR_MAX 2999
static const char *const period_kinds[] = { "T1", "T2", "FY" };
#define PERIOD_KINDS 3

/* period_kind: the index of kind t in period_kinds, or -1. */
static int period_kind(const unsigned char *t)
{
	for (int i = 0; t && i < PERIOD_KINDS; i++)
		if (strcmp((const char *)t, period_kinds[i]) == 0)
			return i;
	return -1;
}

/* lup_period(year, kind): year || '-' || kind, a period's text as || writes it (NULL when
 * either is NULL). The texts of periods period's CHECKs allow (an integer year of 1900-2999,
 * kind T1, T2 or FY) are kept for the connection (made once each, freed by sq_close) and given
 * without a copy, so that a statement of many rows (an indicator's outcomes) neither formats
 * nor allocates one per row as || does; any other value is joined as || would. */
static void sql_lup_period(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct sq *st = sqlite3_user_data(cx);
	const unsigned char *y, *k;
	int64_t year;
	int kind;
	char *slot, *t;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_null(cx);
		return;
	}
	year = sqlite3_value_int64(argv[0]);
	kind = period_kind(sqlite3_value_text(argv[1]));
	if (sqlite3_value_type(argv[0]) == SQLITE_INTEGER && kind >= 0 && year >= PERIOD_YEAR_MIN &&
	    year <= PERIOD_YEAR_MAX &&
	    (st->period_text || (st->period_text = calloc((PERIOD_YEAR_MAX - PERIOD_YEAR_MIN + 1) * PERIOD_KINDS,
							      sizeof(*st->period_text))) != NULL)) {
		slot = st->period_text[(year - PERIOD_YEAR_MIN) * PERIOD_KINDS + kind];
		if (!slot[0])
			snprintf(slot, sizeof(*st->period_text), "%d-%s", (int)year, period_kinds[kind]);
		/* -1, not 7: SQLite then knows the text ends in a NUL; given a length, it would copy
		 * the text to add one when the column is read (3.85M against 3.62M a request) */
		sqlite3_result_text(cx, slot, -1, SQLITE_STATIC);
		return;
	}
	y = sqlite3_value_text(argv[0]);
	k = sqlite3_value_text(argv[1]);
	if (!y || !k || !(t = sqlite3_mprintf("%s-%s", y, k))) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	sqlite3_result_text(cx, t, -1, sqlite3_free);
}

static int configure(struct sq *st, int flags, struct err *e)
{
	UErrorCode status = U_ZERO_ERROR;
	int v, rc;

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (getenv("LUP_SQL_PROFILE"))
		sqlite3_trace_v2(st->db, SQLITE_TRACE_PROFILE, profile_cb, st);
	/* reading the schema is what tells a database from any other file */
	if ((rc = pragma_int(st, "PRAGMA schema_version", &v, e)) != LUP_OK)
		return err_prefix(e, "cannot use database: "), rc;
	if ((rc = exec_sql(st, "PRAGMA foreign_keys = ON", e, st->path)) != LUP_OK)
		return rc;
	if (!(flags & STORE_READONLY) && strcmp(st->path, ":memory:") != 0) {
		if ((rc = exec_sql(st, "PRAGMA journal_mode = WAL", e, st->path)) != LUP_OK ||
		    (rc = exec_sql(st, "PRAGMA synchronous = NORMAL", e, st->path)) != LUP_OK)
			return rc;
	}
	st->coll = ucol_open("sv_SE", &status);
	if (U_FAILURE(status))
		return err_set(e, LUP_EDB, "cannot load the Swedish collation: %s", u_errorName(status));
	if (sqlite3_create_collation(st->db, "sv", SQLITE_UTF8, st->coll, sv_collate) != SQLITE_OK)
		return db_err(st, e, "collation sv");
	st->coll_ci = ucol_open("sv_SE", &status);
	if (U_FAILURE(status))
		return err_set(e, LUP_EDB, "cannot load the Swedish collation: %s", u_errorName(status));
	ucol_setStrength(st->coll_ci, UCOL_SECONDARY);
	if (sqlite3_create_collation(st->db, "sv_ci", SQLITE_UTF8, st->coll_ci, sv_collate) != SQLITE_OK)
		return db_err(st, e, "collation sv_ci");
	if (sqlite3_create_function(st->db, "lup_reads", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, st, sql_lup_reads,
				    NULL, NULL) != SQLITE_OK)
		return db_err(st, e, "function lup_reads");
	if (sqlite3_create_function(st->db, "lup_sex_allowed", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
				    NULL, sql_lup_sex_allowed, NULL, NULL) != SQLITE_OK)
		return db_err(st, e, "function lup_sex_allowed");
	if (sqlite3_create_function(st->db, "lup_revision_text", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    sql_lup_revision_text, NULL, NULL) != SQLITE_OK)
		return db_err(st, e, "function lup_revision_text");
	if (sqlite3_create_function(st->db, "lup_spaced", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
				    sql_lup_spaced, NULL, NULL) != SQLITE_OK)
		return db_err(st, e, "function lup_spaced");
	if (sqlite3_create_function(st->db, "lup_period", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, st,
				    sql_lup_period, NULL, NULL) != SQLITE_OK)
		return db_err(st, e, "function lup_period");
	return LUP_OK;
}

/* sq_configure: SQLite's process-wide settings, once, before its first connection. Without the
 * allocator's statistics (which nothing reads), its malloc and free take no global mutex: the
 * lock and unlock were 3 % of the organisation page's instructions. */
static void sq_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int sq_open(const char *path, int flags, struct store **out, struct err *e)
{
	struct sq *st = NULL;
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	int oflags, rc, v;

	*out = NULL;
	pthread_once(&once, sq_configure);
	for (int i = 0; i < STMT__MAX; i++)
		if (!sql_text(i))
			return err_set(e, LUP_EDB, "statement %d has no SQL text, or two (a bug)", i);
	if (!(flags & STORE_CREATE) && strcmp(path, ":memory:") != 0 && !file_exists(path))
		return err_set(e, LUP_ENOTFOUND, "database '%s' does not exist (create it with 'lup init')", path);
	st = xcalloc(1, sizeof(*st));
	st->base.ops = &store_sqlite_ops;
	st->path = xstrdup(path);
	oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY :
		 SQLITE_OPEN_READWRITE | ((flags & STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		rc = err_set(e, LUP_EDB, "cannot open database '%s': %s", path,
			     st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto err;
	}
	if ((rc = configure(st, flags, e)) != LUP_OK)
		goto err;
	v = store_schema_version(&st->base);
	if (v > store_schema_latest()) {
		rc = err_set(e, LUP_EVERSION, "database '%s' has schema version %d, newer than this"
			     " program's %d: use a newer lup", path, v, store_schema_latest());
		goto err;
	}
	if (!(flags & (STORE_READONLY | STORE_NO_MIGRATE)) &&
	    (rc = store_migrate(&st->base, 0, NULL, NULL, e)) != LUP_OK)
		goto err;
	*out = &st->base;
	return LUP_OK;
err:
	sq_close(st ? &st->base : NULL);
	return rc;
}

static void sq_close(struct store *base)
{
	struct sq *st = SQ(base);

	if (!st)
		return;
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_finalize(st->copy_ins);
	if (st->db)
		sqlite3_close(st->db);
	if (st->coll)
		ucol_close(st->coll);
	if (st->coll_ci)
		ucol_close(st->coll_ci);
	free(st->period_text);
	free(st->path);
	free(st);
}

static int sq_begin(struct store *base, struct err *e)
{
	struct sq *st = SQ(base);

	int rc;

	if (st->in_txn)
		return err_set(e, LUP_EDB, "a transaction is already open");
	if ((rc = exec_sql(st, "BEGIN IMMEDIATE", e, "begin")) == LUP_OK)
		st->in_txn = 1;
	return rc;
}

static int sq_begin_read(struct store *base, struct err *e)
{
	struct sq *st = SQ(base);

	int rc;

	if (st->in_txn)
		return err_set(e, LUP_EDB, "a transaction is already open");
	if ((rc = exec_sql(st, "BEGIN", e, "begin")) == LUP_OK)
		st->in_txn = 1;
	return rc;
}

static int sq_commit(struct store *base, struct err *e)
{
	struct sq *st = SQ(base);

	int rc = exec_sql(st, "COMMIT", e, "commit");

	if (rc != LUP_OK)
		sq_rollback(base);
	st->in_txn = 0;
	return rc;
}

static void sq_rollback(struct store *base)
{
	struct sq *st = SQ(base);

	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_txn = 0;
}

/* prepare: the cached statement s with args bound, or NULL with e set. */
static sqlite3_stmt *prepare(struct sq *st, enum stmt s, const struct sval *args, int nargs,
			     struct err *e)
{
	sqlite3_stmt *p;
	int rc = SQLITE_OK;

	if ((unsigned)s >= STMT__MAX) {
		err_set(e, LUP_EDB, "unknown statement %d", (int)s);
		return NULL;
	}
	if (!st->stmt[s] && sqlite3_prepare_v3(st->db, sql_text(s), -1, SQLITE_PREPARE_PERSISTENT,
					       &st->stmt[s], NULL) != SQLITE_OK) {
		err_set(e, LUP_EDB, "cannot prepare statement %s: %s", store_stmt_name(s), sqlite3_errmsg(st->db));
		return NULL;
	}
	p = st->stmt[s];
	sqlite3_reset(p);
	sqlite3_clear_bindings(p);
	if (nargs > sqlite3_bind_parameter_count(p)) {
		err_set(e, LUP_EDB, "statement %d takes %d values, given %d", (int)s,
			sqlite3_bind_parameter_count(p), nargs);
		return NULL;
	}
	for (int i = 0; i < nargs && rc == SQLITE_OK; i++) {
		switch (args[i].t) {
		case SV_NULL: rc = sqlite3_bind_null(p, i + 1); break;
		case SV_INT: rc = sqlite3_bind_int64(p, i + 1, args[i].i); break;
		case SV_REAL: rc = sqlite3_bind_double(p, i + 1, args[i].d); break;
		case SV_TEXT: rc = sqlite3_bind_text(p, i + 1, args[i].s, -1, SQLITE_STATIC); break;
		}
	}
	if (rc != SQLITE_OK) {
		db_err(st, e, "bind");
		return NULL;
	}
	return p;
}

static int sq_exec(struct store *base, enum stmt s, const struct sval *args, int nargs,
	       int64_t *id, int *changed, struct err *e)
{
	struct sq *st = SQ(base);

	sqlite3_stmt *p = prepare(st, s, args, nargs, e);
	int rc, n;

	if (id)
		*id = 0;
	if (changed)
		*changed = 0;
	if (!p)
		return e ? e->code : LUP_EDB;
	while ((rc = sqlite3_step(p)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rc = db_err(st, e, "write");
		sqlite3_reset(p);
		return rc;
	}
	n = sqlite3_changes(st->db);
	if (changed)
		*changed = n;
	if (id && n > 0)
		*id = sqlite3_last_insert_rowid(st->db);
	sqlite3_reset(p);
	return LUP_OK;
}

static int sq_query(struct store *base, enum stmt s, const struct sval *args, int nargs,
		store_row_fn fn, void *ctx, struct err *e)
{
	struct sq *st = SQ(base);

	sqlite3_stmt *p = prepare(st, s, args, nargs, e);
	struct sq_row row = { .base = { &store_sqlite_ops } };
	int rc;

	if (!p)
		return e ? e->code : LUP_EDB;
	row.s = p;
	while ((rc = sqlite3_step(p)) == SQLITE_ROW)
		if (fn(ctx, &row.base))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rc = db_err(st, e, "read");
		sqlite3_reset(p);
		return rc;
	}
	sqlite3_reset(p);
	return LUP_OK;
}

static int sq_ncols(const struct store_row *r) { return sqlite3_column_count(SQR(r)->s); }
static const char *sq_col_name(const struct store_row *r, int i) { return sqlite3_column_name(SQR(r)->s, i); }
static int64_t sq_col_int(const struct store_row *r, int i) { return sqlite3_column_int64(SQR(r)->s, i); }
static double sq_col_real(const struct store_row *r, int i) { return sqlite3_column_double(SQR(r)->s, i); }

static const char *sq_col_text(const struct store_row *r, int i)
{
	return (const char *)sqlite3_column_text(SQR(r)->s, i);
}

static enum sv_type sq_col_type(const struct store_row *r, int i)
{
	switch (sqlite3_column_type(SQR(r)->s, i)) {
	case SQLITE_INTEGER: return SV_INT;
	case SQLITE_FLOAT: return SV_REAL;
	case SQLITE_NULL: return SV_NULL;
	default: return SV_TEXT;
	}
}

/* sq_col_cell: the column's value looked up once (sqlite3_column_value) and read through the
 * value calls, which skip the column calls' lookup and mutex each: the statement and its
 * connection are this thread's while fn runs, and the value is read before the next step. */
static void sq_col_cell(const struct store_row *r, int i, struct store_cell *c)
{
	sqlite3_value *v = sqlite3_column_value(SQR(r)->s, i);

	c->s = NULL;
	c->len = 0;
	switch (sqlite3_value_type(v)) {
	case SQLITE_INTEGER:
		c->t = SV_INT;
		c->i = sqlite3_value_int64(v);
		return;
	case SQLITE_FLOAT:
		c->t = SV_REAL;
		c->d = sqlite3_value_double(v);
		return;
	case SQLITE_NULL:
		c->t = SV_NULL;
		return;
	default:
		c->s = (const char *)sqlite3_value_text(v);
		c->len = (size_t)sqlite3_value_bytes(v);
		c->t = c->s ? SV_TEXT : SV_NULL;
		return;
	}
}

struct check_ctx {
	store_check_fn fn;
	void *ctx;
	int n;
};

static int check_row(void *ctx, const struct store_row *r)
{
	struct check_ctx *c = ctx;
	const char *a = store_col_text(r, 0), *b = store_ncols(r) > 1 ? store_col_text(r, 1) : "";

	c->n++;
	c->fn(c->ctx, a ? a : "", b ? b : "");
	return 0;
}

/* sq_analyze: no statistics (the statements fix SQLite's plans, and statistics would change
 * them); the search indexes (migrations 0008 and 0010) merged into one segment each. A load
 * leaves each index in many segments (18 and 14 after lup demo and the commission's import),
 * and a search looks its words up in every segment: merged, /sok?q=förskola took 3.5 against
 * 5.2 million instructions. Writes after it add segments, which FTS5 merges as it goes. */
static int sq_analyze(struct store *base, struct err *e)
{
	struct sq *st = SQ(base);
	int rc;

	if ((rc = exec_sql(st, "INSERT INTO search_index (search_index) VALUES ('optimize')", e,
			   "merging the search index")) != LUP_OK)
		return rc;
	return exec_sql(st, "INSERT INTO search_words (search_words) VALUES ('optimize')", e,
			"merging the search index of words");
}

/* check_pragma: runs a backend pragma whose rows are problems (except a lone "ok"). */
static int check_pragma(struct sq *st, const char *sql, const char *what, struct check_ctx *c,
			struct err *e)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_err(st, e, what);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char detail[512] = "";
		size_t len = 0;
		const char *first = (const char *)sqlite3_column_text(s, 0);
		if (sqlite3_column_count(s) == 1 && first && strcmp(first, "ok") == 0)
			continue;
		for (int i = 0; i < sqlite3_column_count(s) && len < sizeof(detail) - 1; i++) {
			const char *t = (const char *)sqlite3_column_text(s, i);
			int w = snprintf(detail + len, sizeof(detail) - len, "%s%s", i ? " " : "", t ? t : "NULL");
			if (w < 0)
				break;
			len += (size_t)w;
		}
		c->n++;
		c->fn(c->ctx, what, detail);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? LUP_OK : db_err(st, e, what);
}

/* The goals with their ancestors as their parent links give them (what derived_goal_ancestor
 * holds, migration 0038), and the rows in one and not the other. */
#define SQ_GOAL_UP \
	"WITH RECURSIVE up(goal_id, ancestor_id) AS (SELECT id, id FROM goal" \
	" UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)"
#define SQ_GOAL_UP_DIFF \
	"SELECT 1 FROM (SELECT goal_id, ancestor_id FROM up EXCEPT SELECT goal_id, ancestor_id FROM derived_goal_ancestor)" \
	" UNION ALL SELECT 1 FROM (SELECT goal_id, ancestor_id FROM derived_goal_ancestor EXCEPT SELECT goal_id, ancestor_id FROM up)"

/* A value v of derived_district_fy's text (0067): '' when NULL, else the double exactly as a C99
 * hexadecimal float (the migration's triggers write the same text). */
#define SQ_DFY_VAL(v) \
	"(CASE WHEN " v " IS NULL THEN '' WHEN " v " = 0 THEN '0' ELSE printf('%s0x%xp%d', CASE WHEN " v " < 0" \
	" THEN '-' ELSE '' END, CAST(abs(" v ") * power(2, (53 - CAST(floor(log2(abs(" v "))) AS INTEGER)) / 2)" \
	" * power(2, (53 - CAST(floor(log2(abs(" v "))) AS INTEGER)) - (53 - CAST(floor(log2(abs(" v "))) AS INTEGER)) / 2)" \
	" AS INTEGER), -(53 - CAST(floor(log2(abs(" v "))) AS INTEGER))) END)"

/* derived_need_fy's entries (0075) as its triggers write them, one per total outcome with a value
 * of an area of level 'municipality' or 'district' in a full-year period (period_id, area_id,
 * e). Its vals holds them in any order: it is right when each is found in it and their lengths
 * add up to its length (an entry begins with its only ' ' before three fields and ends with its
 * only ';', so one found lies on an entry of vals, and distinct ones on distinct entries). */
#define SQ_NEED_FY_ENTRIES \
	"SELECT x.period_id, x.area_id, ' ' || x.indicator_id || ' ' || ((x.example = 1)" \
	" + 2 * (x.example <> 1 AND x.source <> 'kolada')) || ' ' || " SQ_DFY_VAL("x.value") " || ';' AS e" \
	" FROM outcome x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'" \
	" JOIN area a ON a.id = x.area_id AND a.level IN ('municipality', 'district')" \
	" WHERE x.sex = 'T' AND x.value IS NOT NULL"

/* A value v of derived_outcome_year's text (0073): '' when NULL; "M" or "Me-K" (K 1 to 3) where
 * M / 10^K, one division of doubles, is v; "inf" or "-inf"; else as SQ_DFY_VAL (the migration's
 * triggers write the same text). */
#define SQ_DOY_DEC(v, k, lim, p) \
	" WHEN abs(" v ") < " lim " AND CAST(CAST(round(" v " * " p ") AS INTEGER) AS REAL) / " p " = " v \
	" THEN CAST(round(" v " * " p ") AS INTEGER) || 'e-" k "'"
#define SQ_DOY_VAL(v) \
	"(CASE WHEN " v " IS NULL THEN '' WHEN abs(" v ") < 1e15 AND CAST(round(" v ") AS INTEGER) = " v \
	" THEN CAST(CAST(round(" v ") AS INTEGER) AS TEXT)" SQ_DOY_DEC(v, "1", "1e14", "10") \
	SQ_DOY_DEC(v, "2", "1e13", "100") SQ_DOY_DEC(v, "3", "1e12", "1000") \
	" WHEN abs(" v ") > 1.7976931348623157e308 THEN (CASE WHEN " v " > 0 THEN 'inf' ELSE '-inf' END)" \
	" ELSE " SQ_DFY_VAL(v) " END)"

/* The derived_ tables (kept by triggers, migrations 0033, 0038, 0046, 0051, 0052, 0055, 0060, 0067, 0073 and 0075) when
 * they disagree with what they are derived from: one row each when some of theirs are wrong. */
#define SQ_CHECK_DERIVED \
	SQ_GOAL_UP " SELECT 'derived_indicator_period: ' || count(*) || ' indicator and period counts differ from the outcomes'" \
	" FROM (SELECT x.indicator_id, x.period_id, count(*) AS valued, count(*) FILTER (WHERE x.example = 1" \
	"  OR x.source = 'kolada') AS open FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'" \
	"  WHERE x.value IS NOT NULL GROUP BY 1, 2) r FULL JOIN derived_indicator_period d" \
	"  ON d.indicator_id = r.indicator_id AND d.period_id = r.period_id" \
	" WHERE coalesce(r.valued, 0) <> coalesce(d.valued, 0) OR coalesce(r.open, 0) <> coalesce(d.open, 0)" \
	" HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_goal_ancestor: ' || count(*) || ' goal and ancestor rows differ from the goals'' parent links'" \
	" FROM (" SQ_GOAL_UP_DIFF ") HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_theme_measures: ' || count(*) || ' themes'' measure counts differ from measure_theme'" \
	" FROM (SELECT theme_id, count(*) AS n FROM measure_theme GROUP BY theme_id) r" \
	" FULL JOIN derived_theme_measures d ON d.theme_id = r.theme_id" \
	" WHERE coalesce(r.n, 0) <> coalesce(d.measures, 0) HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_indicator_years: ' || count(*) || ' indicators'' full years differ from" \
	" derived_indicator_period'" \
	" FROM (SELECT indicator_id, group_concat(year, ' ') AS years FROM (SELECT x.indicator_id, pe.year" \
	"  FROM derived_indicator_period x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'" \
	"  WHERE x.valued > 0 AND x.open > 0 ORDER BY x.indicator_id, pe.year) GROUP BY indicator_id) r" \
	" FULL JOIN derived_indicator_years d ON d.indicator_id = r.indicator_id" \
	" WHERE r.years IS NOT d.years HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_outcome_count: ' || count(*) || ' indicator, period and sex counts differ from" \
	" the outcomes'" \
	" FROM (SELECT indicator_id, period_id, sex, count(*) AS n, count(*) FILTER (WHERE example = 1" \
	"  OR source = 'kolada') AS open FROM outcome GROUP BY 1, 2, 3) r FULL JOIN derived_outcome_count d" \
	"  ON d.indicator_id = r.indicator_id AND d.period_id = r.period_id AND d.sex = r.sex" \
	" WHERE coalesce(r.n, 0) <> coalesce(d.n, 0) OR coalesce(r.open, 0) <> coalesce(d.open, 0)" \
	" HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_outcome_total: the outcomes'' numbers differ (' || r.n || ', ' || r.open || ')'" \
	" FROM (SELECT count(*) AS n, count(*) FILTER (WHERE example = 1 OR source = 'kolada') AS open FROM outcome) r" \
	" LEFT JOIN derived_outcome_total d ON d.id = 1 WHERE d.n IS NOT r.n OR d.open IS NOT r.open" \
	" UNION ALL SELECT 'derived_outcome_sexes: ' || count(*) || ' outcome rows of (indicator, area, period) differ" \
	" from outcome'" \
	" FROM (SELECT indicator_id, area_id, period_id," \
	"  sum((CASE sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * (example = 1))) AS sexes," \
	"  sum(CASE WHEN example = 1 OR source = 'kolada' THEN 0 WHEN sex = 'K' THEN 1 WHEN sex = 'M' THEN 2 ELSE 4 END)" \
	"  AS shut, max(CASE WHEN sex = 'T' THEN value END) AS vt, max(CASE WHEN sex = 'K' THEN value END) AS vk," \
	"  max(CASE WHEN sex = 'M' THEN value END) AS vm FROM outcome GROUP BY 1, 2, 3) r" \
	" FULL JOIN derived_outcome_sexes d ON d.indicator_id = r.indicator_id AND d.area_id = r.area_id" \
	"  AND d.period_id = r.period_id" \
	" WHERE r.sexes IS NOT d.sexes OR r.shut IS NOT d.shut OR r.vt IS NOT d.vt OR r.vk IS NOT d.vk" \
	"  OR r.vm IS NOT d.vm HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_indicator_targets: ' || count(*) || ' indicator and year rows differ from target'" \
	" FROM (SELECT indicator_id, year, max(CASE WHEN kind = 'own' THEN text END) AS own," \
	"  max(CASE WHEN kind = 'kf' THEN text END) AS kf FROM target WHERE sex = 'T' GROUP BY 1, 2) r" \
	" FULL JOIN derived_indicator_targets d ON d.indicator_id = r.indicator_id AND d.year = r.year" \
	" WHERE r.year IS NULL OR d.year IS NULL OR r.own IS NOT d.own OR r.kf IS NOT d.kf HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_district_fy: ' || count(*) || ' district and indicator rows differ from" \
	" derived_outcome_sexes'" \
	" FROM (SELECT area_id, indicator_id, sum(shut <> 0) AS shut, group_concat(e, ';') AS fy FROM (SELECT x.area_id," \
	"  x.indicator_id, x.shut, pe.year || ' ' || x.sexes || ' ' || x.shut || ' ' || " SQ_DFY_VAL("x.vt") \
	"  || ' ' || " SQ_DFY_VAL("x.vk") " || ' ' || " SQ_DFY_VAL("x.vm") " AS e FROM derived_outcome_sexes x" \
	"  JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY' JOIN area a ON a.id = x.area_id" \
	"  AND a.level = 'district' ORDER BY x.area_id, x.indicator_id, pe.year) GROUP BY area_id, indicator_id) r" \
	" FULL JOIN derived_district_fy d ON d.area_id = r.area_id AND d.indicator_id = r.indicator_id" \
	" WHERE r.fy IS NOT d.fy OR r.shut IS NOT d.shut HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_need_fy: ' || count(*) || ' period and area rows differ from" \
	" the outcomes' FROM (SELECT 1 FROM (" SQ_NEED_FY_ENTRIES ") r FULL JOIN derived_need_fy d" \
	"  ON d.period_id = r.period_id AND d.area_id = r.area_id" \
	"  GROUP BY coalesce(r.period_id, d.period_id), coalesce(r.area_id, d.area_id)" \
	"  HAVING count(r.e) IS NOT sum(instr(d.vals, r.e) > 0) OR sum(length(r.e)) IS NOT max(length(d.vals)))" \
	" HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived_outcome_year: ' || count(*) || ' area, year and indicator rows differ from" \
	" derived_outcome_sexes'" \
	" FROM (SELECT area_id, year, indicator_id, sum(shut <> 0) AS shut, group_concat(e, ';') AS e FROM (SELECT" \
	"  x.area_id, pe.year, x.indicator_id, x.shut, x.period_id || ' ' || x.sexes || ' ' || x.shut || ' ' || " \
	SQ_DOY_VAL("x.vt") " || ' ' || " SQ_DOY_VAL("x.vk") " || ' ' || " SQ_DOY_VAL("x.vm") " AS e" \
	"  FROM derived_outcome_sexes x JOIN period pe ON pe.id = x.period_id" \
	"  ORDER BY x.area_id, pe.year, x.indicator_id, pe.kind) GROUP BY area_id, year, indicator_id) r" \
	" FULL JOIN derived_outcome_year d ON d.area_id = r.area_id AND d.year = r.year AND d.indicator_id = r.indicator_id" \
	" WHERE r.e IS NOT d.e OR r.shut IS NOT d.shut HAVING count(*) > 0"

static int sq_check(struct store *base, store_check_fn fn, void *ctx, int *problems, struct err *e)
{
	struct sq *st = SQ(base);

	struct check_ctx c = { fn, ctx, 0 };
	int rc;

	*problems = 0;
	if ((rc = check_pragma(st, "PRAGMA integrity_check", "integrity", &c, e)) != LUP_OK ||
	    (rc = check_pragma(st, "PRAGMA foreign_key_check", "foreign key", &c, e)) != LUP_OK ||
	    (rc = check_pragma(st, SQ_CHECK_DERIVED, "derived", &c, e)) != LUP_OK)
		return rc;
	for (int s = STMT_CHECK_FIRST; s <= STMT_CHECK_LAST; s++)
		if ((rc = store_query(base, (enum stmt)s, NULL, 0, check_row, &c, e)) != LUP_OK)
			return rc;
	*problems = c.n;
	return LUP_OK;
}

static int sq_backup(struct store *base, const char *path, struct err *e)
{
	struct sq *st = SQ(base);

	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	char *tmp;
	size_t n = strlen(path) + 8;
	int rc = LUP_OK;

	tmp = xmalloc(n);
	snprintf(tmp, n, "%s.tmp", path);
	unlink(tmp);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		rc = err_set(e, LUP_EIO, "cannot create '%s': %s", tmp, dst ? sqlite3_errmsg(dst) : "out of memory");
		goto out;
	}
	b = sqlite3_backup_init(dst, "main", st->db, "main");
	if (!b) {
		rc = err_set(e, LUP_EDB, "cannot start backup to '%s': %s", path, sqlite3_errmsg(dst));
		goto out;
	}
	sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK) {
		rc = err_set(e, LUP_EDB, "backup to '%s' failed: %s", path, sqlite3_errmsg(dst));
		goto out;
	}
	sqlite3_close(dst);
	dst = NULL;
	if (rename(tmp, path) != 0)
		rc = err_set(e, LUP_EIO, "cannot move the backup to '%s': %s", path, strerror(errno));
out:
	if (dst)
		sqlite3_close(dst);
	if (rc != LUP_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* --- copying a whole database (copy.c) ------------------------------------------------- */

/* each_name: calls fn with each row of sql (a catalog query of names). */
static int each_name(struct sq *st, const char *sql, store_row_fn fn, void *ctx, struct err *e)
{
	struct sq_row row = { .base = { &store_sqlite_ops } };
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &row.s, NULL) != SQLITE_OK)
		return db_err(st, e, "copy");
	while ((rc = sqlite3_step(row.s)) == SQLITE_ROW)
		if (fn(ctx, &row.base))
			break;
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? LUP_OK : db_err(st, e, "copy");
	sqlite3_finalize(row.s);
	return rc;
}

/* The data tables: not SQLite's own, not the search index (FTS5 tables and their shadow
 * tables) nor the derived_ tables (all filled by triggers), not the migration record. */
#define SQ_DATA_TABLES "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'" \
	" AND name NOT LIKE 'search%' AND name NOT LIKE 'derived\\_%' ESCAPE '\\' AND name <> 'schema_migration'"

static int sq_copy_tables(struct store *base, store_row_fn fn, void *ctx, struct err *e)
{
	return each_name(SQ(base), SQ_DATA_TABLES " ORDER BY name", fn, ctx, e);
}

static int sq_copy_read(struct store *base, const char *table, store_row_fn fn, void *ctx, struct err *e)
{
	char sql[128];

	if (!store_plain_ident(table))
		return err_set(e, LUP_EDB, "table name '%s' is not a plain identifier", table);
	snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"", table);
	return each_name(SQ(base), sql, fn, ctx, e);
}

static int sq_copy_count(struct store *base, const char *table, int64_t *n, struct err *e)
{
	struct sq *st = SQ(base);
	char sql[128];
	sqlite3_stmt *s = NULL;
	int rc;

	*n = 0;
	if (!store_plain_ident(table))
		return err_set(e, LUP_EDB, "table name '%s' is not a plain identifier", table);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", table);
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return db_err(st, e, table);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? LUP_OK : db_err(st, e, table);
}

struct sq_clear {
	struct sq *st;
	struct err *e;
	int rc;
};

static int clear_one(void *ctx, const struct store_row *r)
{
	struct sq_clear *c = ctx;
	const char *t = store_col_text(r, 0);
	char sql[128];

	if (!store_plain_ident(t)) {
		c->rc = err_set(c->e, LUP_EDB, "table name '%s' is not a plain identifier", t ? t : "");
		return 1;
	}
	snprintf(sql, sizeof(sql), "DELETE FROM \"%s\"", t);
	return (c->rc = exec_sql(c->st, sql, c->e, t)) != LUP_OK;
}

static int sq_copy_clear(struct store *base, struct err *e)
{
	struct sq *st = SQ(base);
	struct sq_clear c = { st, e, LUP_OK };
	int rc;

	if ((rc = exec_sql(st, "PRAGMA defer_foreign_keys = ON", e, "copy")) != LUP_OK)
		return rc;
	/* the search index's own tables first, then the data (whose triggers keep the index) */
	if ((rc = each_name(st, "SELECT name FROM sqlite_master WHERE type = 'table'"
			    " AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name", clear_one, &c, e)) != LUP_OK)
		return rc;
	if (c.rc == LUP_OK && (rc = each_name(st, SQ_DATA_TABLES " ORDER BY name", clear_one, &c, e)) != LUP_OK)
		return rc;
	return c.rc;
}

/* sq_copy_insert: the insert statement of table with cols, prepared once per table. */
static sqlite3_stmt *sq_copy_insert(struct sq *st, const char *table, int n, const char *const *cols,
				    struct err *e)
{
	char sql[4096];

	if (st->copy_ins && strcmp(st->copy_table, table) == 0 && sqlite3_bind_parameter_count(st->copy_ins) == n)
		return st->copy_ins;
	sqlite3_finalize(st->copy_ins);
	st->copy_ins = NULL;
	if (store_copy_insert_sql(sql, sizeof(sql), table, n, cols, '?') != 0) {
		err_set(e, LUP_EDB, "table %s: too many columns to copy", table);
		return NULL;
	}
	if (sqlite3_prepare_v2(st->db, sql, -1, &st->copy_ins, NULL) != SQLITE_OK) {
		db_err(st, e, table);
		return NULL;
	}
	snprintf(st->copy_table, sizeof(st->copy_table), "%s", table);
	return st->copy_ins;
}

static int sq_copy_write(struct store *base, const char *table, int n, const char *const *cols,
			 const struct sval *vals, struct err *e)
{
	struct sq *st = SQ(base);
	sqlite3_stmt *p;
	int rc = SQLITE_OK;

	if (!store_plain_ident(table))
		return err_set(e, LUP_EDB, "table name '%s' is not a plain identifier", table);
	for (int i = 0; i < n; i++)
		if (!store_plain_ident(cols[i]))
			return err_set(e, LUP_EDB, "column name '%s' is not a plain identifier", cols[i]);
	if (!(p = sq_copy_insert(st, table, n, cols, e)))
		return e ? e->code : LUP_EDB;
	sqlite3_reset(p);
	for (int i = 0; i < n && rc == SQLITE_OK; i++) {
		switch (vals[i].t) {
		case SV_NULL: rc = sqlite3_bind_null(p, i + 1); break;
		case SV_INT: rc = sqlite3_bind_int64(p, i + 1, vals[i].i); break;
		case SV_REAL: rc = sqlite3_bind_double(p, i + 1, vals[i].d); break;
		case SV_TEXT: rc = sqlite3_bind_text(p, i + 1, vals[i].s, -1, SQLITE_TRANSIENT); break;
		}
	}
	if (rc != SQLITE_OK || sqlite3_step(p) != SQLITE_DONE) {
		rc = db_err(st, e, table);
		sqlite3_reset(p);
		return rc;
	}
	sqlite3_reset(p);
	return LUP_OK;
}

static int sq_copy_done(struct store *base, struct err *e)
{
	(void)base, (void)e;
	/* INTEGER PRIMARY KEY continues from the largest id by itself; derived_district_fy (0067)
	 * and derived_outcome_year (0073) are written by their triggers, the period's too when the copy writes a period after its
	 * outcomes */
	return LUP_OK;
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.max_writers = 1,	/* WAL: one write transaction at a time, the others wait */
	.open = sq_open,
	.close = sq_close,
	.set_viewer = sq_set_viewer,
	.schema_version = sq_schema_version,
	.migrate = sq_migrate,
	.begin = sq_begin,
	.begin_read = sq_begin_read,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.exec = sq_exec,
	.query = sq_query,
	.query_many = store_query_seq,
	.ncols = sq_ncols,
	.col_name = sq_col_name,
	.col_type = sq_col_type,
	.col_int = sq_col_int,
	.col_real = sq_col_real,
	.col_text = sq_col_text,
	.col_cell = sq_col_cell,
	.check = sq_check,
	.backup = sq_backup,
	.analyze = sq_analyze,
	.search = search_sqlite,
	.copy_tables = sq_copy_tables,
	.copy_read = sq_copy_read,
	.copy_clear = sq_copy_clear,
	.copy_write = sq_copy_write,
	.copy_done = sq_copy_done,
	.copy_count = sq_copy_count,
	.bulk_begin = bulk_sqlite_begin,
	.bulk_add = bulk_sqlite_add,
	.bulk_flush = bulk_sqlite_flush,
	.bulk_free = bulk_sqlite_free,
};
