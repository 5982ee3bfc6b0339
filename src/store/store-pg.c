/* store-pg.c: the PostgreSQL backend of store.h (libpq), for deployments that outgrow one
 * machine: several `lup serve` processes on one database.
 *
 * - Statements are prepared on a connection at first use (named "sN" after enum stmt) with
 *   unspecified parameter types, so PostgreSQL infers them; values go in text format.
 * - Writes are serialised as SQLite's BEGIN IMMEDIATE does: store_begin takes a
 *   transaction-level advisory lock, so the read-then-write rules of the write paths hold with
 *   many servers. store_begin_read is one REPEATABLE READ snapshot.
 * - The viewer of lup_reads() travels in the session settings lup.view, lup.view_org and
 *   lup.view_pair (migration 0001's SQL function reads them).
 * - A lost connection is reset at the next call outside a transaction; while the server is
 *   unreachable every call fails with LUP_EBUSY (HTTP 503 with Retry-After).
 */
#include "store/backend.h"
#include "store/sql-pg.h"
#include "store/search-int.h"
#include "store/pg-int.h"
#include "core/err.h"
#include "core/xalloc.h"

#include <libpq-fe.h>

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* The advisory lock key that serialises writers ("lup" in ASCII). */
#define PG_WRITE_LOCK "7107952"
#define PG_CONNECT_TIMEOUT "10"

/* PostgreSQL type OIDs (catalog/pg_type_d.h, stable across versions). */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_OID = 26, OID_FLOAT4 = 700,
       OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

/* A viewer of the publication rule; known = 0: the session's settings are not known. */
struct viewer {
	enum store_view view;
	int64_t org, pair;
	int known;
};

struct pg {
	struct store base;	/* first: the backend's operations */
	PGconn *conn;
	char *address;		/* as given, for reconnecting */
	char *shown;		/* the address without a password, for messages */
	unsigned char prepared[STMT__MAX];
	short nparams[STMT__MAX];
	int in_txn;
	int begin_pending;	/* store_begin_read: BEGIN goes out with the first statement */
	int reading;		/* the open transaction is a read transaction */
	int end_read;		/* store_read_last: the next trip ends the read transaction */
	int rollback_pending;	/* a ROLLBACK was sent and its result is not read yet */
	int versioned;		/* the schema_migration table exists */
	int profile;		/* LUP_SQL_PROFILE: each round trip on standard error */
	/* the viewer: wanted (set_viewer), held by the session now, and held outside the open
	 * transaction (a setting made in a transaction is undone by its ROLLBACK) */
	struct viewer want, now, outside;
	char copy_table[64];	/* store_copy: the table whose insert "copyw" is prepared */
	int copy_n;
};

struct pg_row {
	struct store_row base;
	PGresult *res;
	int row;
};

#define PG(x) ((struct pg *)(x))
#define PGR(x) ((const struct pg_row *)(x))

static void pg_close(struct store *base);

static const char *const *const sql_tables[] = {
	pg_sql, pg_sql_imp_plan, pg_sql_imp_commission, pg_sql_imp_lup, pg_sql_imp_kolada,
	pg_sql_imp_csv, pg_sql_web_city, pg_sql_web_places, pg_sql_web_follow, pg_sql_web_forms,
	pg_sql_web_search, pg_sql_plan_version, pg_sql_plan_doc, pg_sql_view_chain,
	pg_sql_view_report, pg_sql_plan_theme, pg_sql_edit_plan, pg_sql_plan_replace,
	pg_sql_plan_measure, pg_sql_plan_goal, pg_sql_goal_edit, pg_sql_contrib, pg_sql_provenance,
	pg_sql_view_tables, pg_sql_commit, pg_sql_wheel, pg_sql_period_lock, pg_sql_todo,
	pg_sql_indicator, pg_sql_need, pg_sql_report_cycle,
	pg_sql_lists,
};

const char *pg_sql_text(int s)
{
	const char *found = NULL;

	if (s < 0 || s >= STMT__MAX)
		return NULL;
	for (size_t t = 0; t < sizeof(sql_tables) / sizeof(sql_tables[0]); t++) {
		if (!sql_tables[t][s])
			continue;
		if (found)
			return NULL;
		found = sql_tables[t][s];
	}
	return found;
}

/* shown_address: address as store_shown_address shows it, allocated. */
static char *shown_address(const char *a)
{
	size_t n = strlen(a) + 8;
	char *s = xmalloc(n);

	store_shown_address(a, s, n);
	return s;
}

/* conn_lost: 1 when the connection is gone (the server restarted, the network failed). */
static int conn_lost(const struct pg *st)
{
	return PQstatus(st->conn) == CONNECTION_BAD;
}

/* res_err: maps a failed result (or the connection's state) to a lup code and message. */
static int res_err(struct pg *st, PGresult *res, struct err *e, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	/* the primary message only: the DETAIL of a constraint failure repeats the whole row */
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char clean[512];
	size_t n;

	if (!msg || !*msg)
		msg = PQerrorMessage(st->conn);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	snprintf(clean, sizeof(clean), "%.*s", (int)n, msg);
	if (conn_lost(st) || (state && (strncmp(state, "08", 2) == 0 || strcmp(state, "57P01") == 0 ||
					strcmp(state, "57P02") == 0 || strcmp(state, "57P03") == 0)))
		return err_set(e, LUP_EBUSY, "%s: the database server is unavailable: %s", what, clean);
	if (state && strncmp(state, "23", 2) == 0)
		return err_set(e, LUP_ECONFLICT, "%s: %s", what, clean);
	return err_set(e, LUP_EDB, "%s: %s", what, clean);
}

/* trace: with LUP_SQL_PROFILE set, one line per round trip on standard error: what went out
 * together (a developer's tool for counting the round trips of a request). */
static void trace(const struct pg *st, const char *a, const char *b, const char *c)
{
	const char *part[3] = { a, b, c };
	int n = 0;

	if (!st->profile)
		return;
	fprintf(stderr, "pg trip");
	for (int i = 0; i < 3; i++)
		if (part[i] && *part[i])
			fprintf(stderr, "%s%s", n++ ? "+" : " ", part[i]);
	fprintf(stderr, "\n");
}

/* settle: reads the result of a ROLLBACK sent without waiting for it (pg_rollback), so that the
 * connection is free for its next command. */
static void settle(struct pg *st)
{
	PGresult *res;

	if (!st->rollback_pending)
		return;
	st->rollback_pending = 0;
	while ((res = PQgetResult(st->conn)) != NULL)
		PQclear(res);
}

/* run_raw: runs sql (no parameters, possibly several statements) and checks that it succeeded. */
static int run_raw(struct pg *st, const char *sql, struct err *e, const char *what)
{
	PGresult *res;
	ExecStatusType s;
	int rc = LUP_OK;

	settle(st);
	trace(st, what, NULL, NULL);
	res = PQexec(st->conn, sql);
	s = PQresultStatus(res);
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = res_err(st, res, e, what);
	PQclear(res);
	return rc;
}

/* ready: the connection free for a command of its own: a ROLLBACK's result read, a pending
 * read transaction's BEGIN sent (the command belongs to the transaction). */
static int ready(struct pg *st, struct err *e)
{
	int rc;

	settle(st);
	if (!st->begin_pending)
		return LUP_OK;
	if ((rc = run_raw(st, "BEGIN ISOLATION LEVEL REPEATABLE READ", e, "begin")) == LUP_OK)
		st->begin_pending = 0;
	return rc;
}

/* run: run_raw once the connection is ready. */
static int run(struct pg *st, const char *sql, struct err *e, const char *what)
{
	int rc = ready(st, e);

	return rc != LUP_OK ? rc : run_raw(st, sql, e, what);
}

/* viewer_values: the text forms of the wanted viewer's settings. */
static void viewer_values(const struct pg *st, const char *vals[3], char org[24], char pair[24])
{
	snprintf(org, 24, "%" PRId64, st->want.org);
	snprintf(pair, 24, "%" PRId64, st->want.pair);
	vals[0] = st->want.view == STORE_VIEW_ALL ? "all" : st->want.view == STORE_VIEW_PUBLIC ? "public" : "org";
	vals[1] = org;
	vals[2] = pair;
}

static int same_viewer(const struct viewer *a, const struct viewer *b)
{
	return a->known && b->known && a->view == b->view && a->org == b->org && a->pair == b->pair;
}

#define SET_VIEWER_SQL "SELECT set_config('lup.view', $1, false), set_config('lup.view_org', $2, false)," \
	" set_config('lup.view_pair', $3, false)"
#define BEGIN_READ_SQL "BEGIN ISOLATION LEVEL REPEATABLE READ"

/* What went out in one round trip, in order. */
enum step { STEP_VIEWER_OUT, STEP_SYNC, STEP_BEGIN, STEP_VIEWER_IN, STEP_GENERIC, STEP_MAIN, STEP_GENERIC_END,
	    STEP_END };

/* For the statements of generic_plan: a generic plan, planned once per connection and not at
 * each run; the setting is taken back right after the statement, in the same round trip. */
#define GENERIC_PLAN_SQL "SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"
#define GENERIC_PLAN_END_SQL "RESET plan_cache_mode"

/* The query of a round trip: a prepared statement's name, or SQL text; its values. */
struct call {
	const char *name, *sql;
	int n;
	const char *const *vals;
	int viewer;		/* it reads under the publication rule: the viewer goes first */
	int generic;		/* it runs with a generic plan (GENERIC_PLAN_SQL goes first) */
	const char *what;	/* for messages */
};

/* One step of a round trip: what went out, and the index of the call it belongs to (0 for
 * what the connection owes first). */
struct sent {
	enum step s;
	int ix;
};

/* The most steps of one round trip: the owed ones, three per call, the end, the sync. */
#define TRIP_STEPS (6 + 3 * STORE_QUERY_MAX)

/* step_done: the result res of step s (NULL: none came); out[s.ix] receives a call's result;
 * keeps the first failure in *fail and its call's index in *fail_ix. */
static void step_done(struct pg *st, struct sent s, PGresult *res, PGresult **out, PGresult **fail, int *fail_ix)
{
	ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
	int ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
		 (s.s == STEP_SYNC && status == PGRES_PIPELINE_SYNC);

	if (ok && s.s == STEP_BEGIN)
		st->begin_pending = 0;
	if (ok && s.s == STEP_END) {	/* the read transaction ended: a later read begins anew */
		st->begin_pending = 1;
		st->now = st->outside;
	}
	if (ok && (s.s == STEP_VIEWER_OUT || s.s == STEP_VIEWER_IN))
		st->now = st->want;
	if (ok && (s.s == STEP_VIEWER_OUT || (s.s == STEP_VIEWER_IN && !st->in_txn)))
		st->outside = st->want;
	if (ok && s.s == STEP_MAIN) {
		out[s.ix] = res;
		return;
	}
	if (!ok && !*fail && res && status != PGRES_PIPELINE_ABORTED) {
		*fail = res;
		*fail_ix = s.ix;
		return;
	}
	PQclear(res);
}

/* send_call: sends call c (ix in its round trip) into the pipeline, its generic plan's setting
 * around it (c->generic): before it unless the call before it (prev, NULL for none) is generic
 * too, and taken back after it unless the next (next, NULL for none) is; so a run of generic
 * calls costs one setting and one reset. Appends its steps to steps at *k. Returns 0 when libpq
 * refused. */
static int send_call(struct pg *st, const struct call *c, const struct call *prev, const struct call *next,
		     int ix, struct sent *steps, int *k)
{
	int sent = 1;

	if (c->generic && !(prev && prev->generic)) {
		sent &= PQsendQueryParams(st->conn, GENERIC_PLAN_SQL, 0, NULL, NULL, NULL, NULL, 0);
		steps[(*k)++] = (struct sent){ STEP_GENERIC, ix };
	}
	if (c->name)
		sent &= PQsendQueryPrepared(st->conn, c->name, c->n, c->vals, NULL, NULL, 0);
	else
		sent &= PQsendQueryParams(st->conn, c->sql, c->n, NULL, c->vals, NULL, NULL, 0);
	steps[(*k)++] = (struct sent){ STEP_MAIN, ix };
	if (c->generic && !(next && next->generic)) {
		sent &= PQsendQueryParams(st->conn, GENERIC_PLAN_END_SQL, 0, NULL, NULL, NULL, NULL, 0);
		steps[(*k)++] = (struct sent){ STEP_GENERIC_END, ix };
	}
	return sent;
}

/* trace_calls: the round trip's trace line (trace): what the connection owes, then the calls'
 * names joined by '+', then ROLLBACK when the trip ends the read transaction (store_read_last). */
static void trace_calls(const struct pg *st, int viewer, const struct call *c, int n)
{
	char names[1024];
	size_t len = 0;

	if (!st->profile)
		return;
	names[0] = '\0';
	for (int i = 0; i < n && len < sizeof(names); i++)
		len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s", i ? "+" : "", c[i].what);
	if (st->end_read && st->reading && len < sizeof(names))
		snprintf(names + len, sizeof(names) - len, "+ROLLBACK");
	trace(st, st->begin_pending ? "BEGIN" : "", viewer ? "viewer" : "", names);
}

/*
 * trip: the n calls of c (1..STORE_QUERY_MAX) in one round trip (libpq's pipeline mode)
 * together with what the connection owes first: the viewer's settings when a call reads under
 * the publication rule and the session holds another viewer (before a pending BEGIN, with a
 * sync point between, so that they outlive the transaction), and a pending read transaction's
 * BEGIN. The calls run in order within one sync (one implicit transaction outside a
 * transaction): a failing one aborts those after it. When all succeeded, out[i] receives c[i]'s
 * result (PQclear each); else every out[i] is NULL and the message names the first call that
 * failed.
 */
static int trip(struct pg *st, const struct call *c, int n, PGresult **out, struct err *e)
{
	struct sent steps[TRIP_STEPS];
	int k = 0, sent = 1, rc = LUP_OK, viewer = 0, fail_ix = 0, done = 1;
	const char *vv[3];
	char org[24], pair[24];
	PGresult *fail = NULL;

	for (int i = 0; i < n; i++) {
		out[i] = NULL;
		viewer |= c[i].viewer;
	}
	viewer = viewer && !same_viewer(&st->now, &st->want);
	settle(st);
	trace_calls(st, viewer, c, n);
	if (n < 1 || n > STORE_QUERY_MAX)
		return err_set(e, LUP_EDB, "%d statements in one round trip (a bug)", n);
	if (!PQenterPipelineMode(st->conn))
		return res_err(st, NULL, e, c[0].what);
	viewer_values(st, vv, org, pair);
	if (viewer && st->begin_pending) {
		sent &= PQsendQueryParams(st->conn, SET_VIEWER_SQL, 3, NULL, vv, NULL, NULL, 0);
		steps[k++] = (struct sent){ STEP_VIEWER_OUT, 0 };
		sent &= PQpipelineSync(st->conn);
		steps[k++] = (struct sent){ STEP_SYNC, 0 };
		viewer = 0;
	}
	if (st->begin_pending) {
		sent &= PQsendQueryParams(st->conn, BEGIN_READ_SQL, 0, NULL, NULL, NULL, NULL, 0);
		steps[k++] = (struct sent){ STEP_BEGIN, 0 };
	}
	if (viewer) {
		sent &= PQsendQueryParams(st->conn, SET_VIEWER_SQL, 3, NULL, vv, NULL, NULL, 0);
		steps[k++] = (struct sent){ STEP_VIEWER_IN, 0 };
	}
	for (int i = 0; i < n; i++)
		sent &= send_call(st, &c[i], i ? &c[i - 1] : NULL, i + 1 < n ? &c[i + 1] : NULL, i, steps, &k);
	if (st->end_read && st->reading) {	/* store_read_last: no ROLLBACK of its own after */
		sent &= PQsendQueryParams(st->conn, "ROLLBACK", 0, NULL, NULL, NULL, NULL, 0);
		steps[k++] = (struct sent){ STEP_END, 0 };
	}
	st->end_read = 0;
	sent &= PQpipelineSync(st->conn);
	steps[k++] = (struct sent){ STEP_SYNC, 0 };
	for (int i = 0; i < k && !conn_lost(st); i++) {
		PGresult *res = PQgetResult(st->conn);
		step_done(st, steps[i], res, out, &fail, &fail_ix);
		if (!res)
			break;
		if (steps[i].s != STEP_SYNC)	/* the end of a query's results */
			while ((res = PQgetResult(st->conn)) != NULL)
				PQclear(res);
	}
	for (int i = 0; i < n; i++)
		if (!out[i] && done) {
			done = 0;
			fail_ix = fail ? fail_ix : i;
		}
	if (!PQexitPipelineMode(st->conn) || !sent || !done) {
		rc = res_err(st, fail, e, c[fail_ix].what);
		for (int i = 0; i < n; i++) {
			PQclear(out[i]);
			out[i] = NULL;
		}
	}
	PQclear(fail);
	return rc;
}

/* run_int: the first column of the first row of sql (one parameter, may be NULL) in *out. */
static int run_int(struct pg *st, const char *sql, const char *param, int64_t *out, struct err *e)
{
	struct call c = { .sql = sql, .n = param ? 1 : 0, .vals = &param, .what = "query" };
	PGresult *res;
	int rc;

	*out = 0;
	if ((rc = trip(st, &c, 1, &res, e)) != LUP_OK)
		return rc;
	if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
		*out = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return LUP_OK;
}

/* forget_session: what the connection knew (prepared statements, settings) is gone. */
static void forget_session(struct pg *st)
{
	memset(st->prepared, 0, sizeof(st->prepared));
	st->now.known = st->outside.known = 0;
	st->rollback_pending = 0;
}

static int reconnect(struct pg *st, struct err *e);

/* ensure_conn: a usable connection: resets a lost one (outside a transaction only: the lost
 * transaction's work is gone, and the caller must see that; a read transaction whose BEGIN has
 * not gone out yet has nothing to lose). */
static int ensure_conn(struct pg *st, struct err *e)
{
	settle(st);
	if (!conn_lost(st))
		return LUP_OK;
	if (st->in_txn && !st->begin_pending)
		return err_set(e, LUP_EBUSY, "%s: the connection to the database server was lost"
			       " during a transaction", st->shown);
	return reconnect(st, e);
}

/* reconnect: after a lost connection outside a transaction, a new one (LUP_EBUSY while the
 * server is unreachable). The session's settings come with the connection (connect_db). */
static int reconnect(struct pg *st, struct err *e)
{
	if (PQpipelineStatus(st->conn) != PQ_PIPELINE_OFF)
		PQexitPipelineMode(st->conn);
	PQreset(st->conn);
	forget_session(st);
	trace(st, "reconnect", NULL, NULL);
	if (conn_lost(st))
		return err_set(e, LUP_EBUSY, "%s: the database server is unavailable: %s", st->shown,
			       PQerrorMessage(st->conn));
	if (PQpipelineStatus(st->conn) != PQ_PIPELINE_OFF)
		return err_set(e, LUP_EDB, "%s: the connection is still in pipeline mode (a bug)", st->shown);
	return LUP_OK;
}

static void pg_set_viewer(struct store *base, enum store_view view, int64_t org, int64_t org_pair)
{
	struct pg *st = PG(base);

	st->want.view = view;
	st->want.org = view == STORE_VIEW_ORG ? org : 0;
	st->want.pair = view == STORE_VIEW_ORG ? org_pair : 0;
	st->want.known = 1;
}

/* version_probe: the recorded schema version and the number of versions recorded, in one
 * query (*versioned = 0 and both 0 when there is no record yet). Outside a transaction only:
 * a missing table is learnt from the query's failure. */
static int version_probe(struct pg *st, int *version, int *count, struct err *e)
{
	PGresult *res;
	const char *state;
	int rc = LUP_OK;

	*version = *count = 0;
	settle(st);
	trace(st, "version", NULL, NULL);
	res = PQexec(st->conn, "SELECT coalesce(max(version), 0), count(DISTINCT version) FROM schema_migration");
	state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	if (PQresultStatus(res) == PGRES_TUPLES_OK) {
		st->versioned = 1;
		*version = atoi(PQgetvalue(res, 0, 0));
		*count = atoi(PQgetvalue(res, 0, 1));
	} else if (!state || strcmp(state, "42P01") != 0) {	/* 42P01: undefined_table */
		rc = res_err(st, res, e, st->shown);
	}
	PQclear(res);
	return rc;
}

/* pg_schema_version: once the record is known to exist (it is never dropped), one query; it
 * goes out with a pending BEGIN (/healthz: one round trip). */
static int pg_schema_version(struct store *base)
{
	struct pg *st = PG(base);
	int64_t exists = 0, v = 0;

	if (ensure_conn(st, NULL) != LUP_OK)
		return -1;
	if (!st->versioned) {
		if (run_int(st, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
			    " AND tablename = 'schema_migration'", NULL, &exists, NULL) != LUP_OK)
			return -1;
		if (!exists)
			return 0;
		st->versioned = 1;
	}
	if (run_int(st, "SELECT coalesce(max(version), 0) FROM schema_migration", NULL, &v, NULL) != LUP_OK)
		return -1;
	return (int)v;
}

/* applied: 1 when migration v is recorded (0 when not, or when nothing is). */
static int applied(struct pg *st, int v)
{
	char num[16];
	int64_t n = 0, exists = 0;

	if (run_int(st, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
		    " AND tablename = 'schema_migration'", NULL, &exists, NULL) != LUP_OK || !exists)
		return 0;
	snprintf(num, sizeof(num), "%d", v);
	if (run_int(st, "SELECT count(*) FROM schema_migration WHERE version = $1::int", num, &n, NULL) != LUP_OK)
		return 0;
	return n > 0;
}

/* apply_one: runs migration m in its own transaction, under the write lock (two servers
 * starting at once: the second finds it applied), and records it. */
static int apply_one(struct pg *st, const struct sql_migration *m, struct err *e)
{
	char what[64], num[16];
	const char *vals[1] = { num };
	PGresult *res;
	int rc;

	snprintf(what, sizeof(what), "migration %d", m->version);
	snprintf(num, sizeof(num), "%d", m->version);
	if ((rc = run(st, "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")", e, what)) != LUP_OK)
		return rc;
	st->in_txn = 1;
	if (applied(st, m->version))
		goto done;
	if ((rc = run(st, m->sql, e, what)) != LUP_OK)
		goto err;
	res = PQexecParams(st->conn, "INSERT INTO schema_migration (version, applied_at) VALUES ($1::int,"
			   " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
			   1, NULL, vals, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		rc = res_err(st, res, e, what);
		PQclear(res);
		goto err;
	}
	PQclear(res);
done:
	if ((rc = run(st, "COMMIT", e, what)) != LUP_OK)
		goto err;
	st->in_txn = 0;
	return LUP_OK;
err:
	PQclear(PQexec(st->conn, "ROLLBACK"));
	st->in_txn = 0;
	return rc;
}

/* known_upto: the number of known migrations up to version cur. */
static int known_upto(int cur)
{
	int n = 0;

	for (const struct sql_migration *m = pg_migrations; m->sql; m++)
		n += m->version <= cur;
	return n;
}

/* complete_upto: cur when every migration up to version cur is recorded (their count matches:
 * one query), else 0. */
static int complete_upto(struct pg *st, int cur)
{
	int64_t n = 0;
	char num[16];

	if (cur <= 0)
		return 0;
	snprintf(num, sizeof(num), "%d", cur);
	if (run_int(st, "SELECT count(DISTINCT version) FROM schema_migration WHERE version <= $1::int", num, &n,
		    NULL) != LUP_OK)
		return 0;
	return n == known_upto(cur) ? cur : 0;
}

/* migrate_from: migrates a database at version cur, whose migrations up to version done are
 * all recorded (0: not known), to target (0: the latest). */
static int migrate_from(struct pg *st, int cur, int done, int target, int *from, int *to, struct err *e)
{
	int latest = store_schema_latest(), rc;

	if (from)
		*from = cur;
	if (to)
		*to = cur;
	if (target <= 0)
		target = latest;
	if (cur > latest)
		return err_set(e, LUP_EVERSION, "database '%s' has schema version %d, newer than"
			       " this program's %d: use a newer lup", st->shown, cur, latest);
	if (target > latest)
		return err_set(e, LUP_EVERSION, "schema version %d is unknown (latest is %d)", target, latest);
	if (done >= target)
		return LUP_OK;
	for (const struct sql_migration *m = pg_migrations; m->sql; m++) {
		if (m->version > target || m->version <= done || applied(st, m->version))
			continue;
		if ((rc = apply_one(st, m, e)) != LUP_OK)
			return rc;
	}
	if (to)
		*to = pg_schema_version(&st->base);
	return LUP_OK;
}

static int pg_migrate(struct store *base, int target, int *from, int *to, struct err *e)
{
	struct pg *st = PG(base);
	int cur, rc;

	if ((rc = ensure_conn(st, e)) != LUP_OK)
		return rc;
	if ((cur = pg_schema_version(base)) < 0)
		return res_err(st, NULL, e, st->shown);
	/* a database with every migration up to its version (the common case) costs one query,
	 * not two per version */
	return migrate_from(st, cur, complete_upto(st, cur), target, from, to, e);
}

/* migrations_complete: every SQLite migration version has its PostgreSQL twin. */
static int migrations_complete(struct err *e)
{
	for (const struct sql_migration *s = sqlite_migrations; s->sql; s++) {
		const struct sql_migration *p = pg_migrations;
		while (p->sql && p->version != s->version)
			p++;
		if (!p->sql)
			return err_set(e, LUP_EDB, "PostgreSQL migration %d is missing (a bug)", s->version);
	}
	return LUP_OK;
}

/* The session settings every connection starts with (libpq's options): warnings only, not
 * notices; no JIT compilation (lup's statements run for milliseconds; a plan whose estimated
 * cost passes jit_above_cost, as the goal chain's outcomes did on a large outcome table whose
 * statistics were not yet retaken after an import, spent a second compiling a 5 ms query); a
 * read-only store's transactions read only. Given at connection, they cost no round trip and
 * come back with a reset connection. */
#define PG_OPTIONS "-c client_min_messages=warning -c jit=off"
#define PG_OPTIONS_READONLY " -c default_transaction_read_only=on"

/* connect_db: connects to address, or with dbname replaced by other (other != NULL), with the
 * session's settings (PG_OPTIONS, and PG_OPTIONS_READONLY when readonly) after the address's
 * own options. */
static PGconn *connect_db(const char *address, const char *other, int readonly)
{
	PQconninfoOption *opts, *o;
	const char *keys[64], *vals[64];
	char *errmsg = NULL, *options = NULL;
	int n = 0, have_db = 0, have_timeout = 0;
	PGconn *c;

	opts = PQconninfoParse(address, &errmsg);
	if (!opts) {
		PQfreemem(errmsg);
		return PQconnectdb(address);	/* reports the parse error */
	}
	for (o = opts; o->keyword && n < 60; o++) {
		if (!o->val || strcmp(o->keyword, "options") == 0)
			continue;
		keys[n] = o->keyword;
		if (strcmp(o->keyword, "dbname") == 0) {
			have_db = 1;
			vals[n++] = other ? other : o->val;
			continue;
		}
		if (strcmp(o->keyword, "connect_timeout") == 0)
			have_timeout = 1;
		vals[n++] = o->val;
	}
	for (o = opts; o->keyword; o++) {
		if (strcmp(o->keyword, "options") != 0)
			continue;
		size_t len = (o->val ? strlen(o->val) : 0) + sizeof(PG_OPTIONS PG_OPTIONS_READONLY) + 2;
		options = xmalloc(len);
		snprintf(options, len, "%s%s%s%s", o->val ? o->val : "", o->val && *o->val ? " " : "",
			 PG_OPTIONS, readonly ? PG_OPTIONS_READONLY : "");
	}
	if (other && !have_db) {
		keys[n] = "dbname";
		vals[n++] = other;
	}
	if (!have_timeout) {
		keys[n] = "connect_timeout";
		vals[n++] = PG_CONNECT_TIMEOUT;
	}
	keys[n] = "options";
	vals[n++] = options ? options : readonly ? PG_OPTIONS PG_OPTIONS_READONLY : PG_OPTIONS;
	keys[n] = "application_name";
	vals[n++] = "lup";
	keys[n] = NULL;
	vals[n] = NULL;
	c = PQconnectdbParams(keys, vals, 0);
	PQconninfoFree(opts);
	free(options);
	return c;
}

/* db_name: the database name of address (the user's name when none is given), in buf. */
static const char *db_name(const char *address, char *buf, size_t n)
{
	PQconninfoOption *opts = PQconninfoParse(address, NULL), *o;
	const char *user = getenv("PGDATABASE") ? getenv("PGDATABASE") : getenv("USER");

	snprintf(buf, n, "%s", user ? user : "");
	for (o = opts; o && o->keyword; o++)
		if (strcmp(o->keyword, "dbname") == 0 && o->val && *o->val)
			snprintf(buf, n, "%s", o->val);
	PQconninfoFree(opts);
	return buf;
}

/* create_db: creates the database of address through the server's maintenance database. */
static int create_db(struct pg *st, struct err *e)
{
	char name[256];
	PGconn *c = connect_db(st->address, "postgres", 0);
	char *ident, *sql;
	PGresult *res;
	size_t n;
	int rc = LUP_OK;

	if (PQstatus(c) != CONNECTION_OK) {
		rc = err_set(e, LUP_EDB, "cannot create database '%s': %s", st->shown, PQerrorMessage(c));
		PQfinish(c);
		return rc;
	}
	db_name(st->address, name, sizeof(name));
	ident = PQescapeIdentifier(c, name, strlen(name));	/* an identifier cannot be bound */
	n = strlen(ident ? ident : "") + 64;
	sql = xmalloc(n);
	snprintf(sql, n, "CREATE DATABASE %s ENCODING 'UTF8' TEMPLATE template0", ident ? ident : "\"\"");
	res = PQexec(c, sql);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = err_set(e, LUP_EDB, "cannot create database '%s': %s", st->shown, PQresultErrorMessage(res));
	PQclear(res);
	PQfreemem(ident);
	free(sql);
	PQfinish(c);
	return rc;
}

static int pg_open(const char *address, int flags, struct store **out, struct err *e)
{
	struct pg *st;
	int rc, v, n, readonly = (flags & STORE_READONLY) != 0;

	*out = NULL;
	for (int i = 0; i < STMT__MAX; i++)
		if (!pg_sql_text(i))
			return err_set(e, LUP_EDB, "statement %d has no PostgreSQL text, or two (a bug)", i);
	if ((rc = migrations_complete(e)) != LUP_OK)
		return rc;
	st = xcalloc(1, sizeof(*st));
	st->base.ops = &store_pg_ops;
	st->address = xstrdup(address);
	st->shown = shown_address(address);
	st->profile = getenv("LUP_SQL_PROFILE") != NULL;
	st->want.known = 1;	/* the viewer of a new store: as zeroed (store.h) */
	st->conn = connect_db(address, NULL, readonly);
	if (PQstatus(st->conn) != CONNECTION_OK && strstr(PQerrorMessage(st->conn), "does not exist") &&
	    strstr(PQerrorMessage(st->conn), "database")) {
		if (!(flags & STORE_CREATE)) {
			rc = err_set(e, LUP_ENOTFOUND, "database '%s' does not exist (create it with 'lup init')",
				     st->shown);
			goto err;
		}
		if ((rc = create_db(st, e)) != LUP_OK)
			goto err;
		PQfinish(st->conn);
		st->conn = connect_db(address, NULL, readonly);
	}
	if (PQstatus(st->conn) != CONNECTION_OK) {
		/* the server unreachable (down, restarting, refusing connections): LUP_EBUSY, as for a
		 * connection lost later (a server answers 503 with Retry-After, not 500) */
		rc = err_set(e, LUP_EBUSY, "cannot open database '%s': %s", st->shown, PQerrorMessage(st->conn));
		goto err;
	}
	/* one query: the version, and whether every migration up to it is recorded */
	if ((rc = version_probe(st, &v, &n, e)) != LUP_OK)
		goto err;
	if (v > store_schema_latest()) {
		rc = err_set(e, LUP_EVERSION, "database '%s' has schema version %d, newer than this"
			     " program's %d: use a newer lup", st->shown, v, store_schema_latest());
		goto err;
	}
	if (!(flags & (STORE_READONLY | STORE_NO_MIGRATE)) &&
	    (rc = migrate_from(st, v, v > 0 && n == known_upto(v) ? v : 0, 0, NULL, NULL, e)) != LUP_OK)
		goto err;
	*out = &st->base;
	return LUP_OK;
err:
	pg_close(&st->base);
	return rc;
}

static void pg_close(struct store *base)
{
	struct pg *st = PG(base);

	if (!st)
		return;
	if (st->conn)
		PQfinish(st->conn);
	free(st->address);
	free(st->shown);
	free(st);
}

static int pg_begin(struct store *base, struct err *e)
{
	struct pg *st = PG(base);
	int rc;

	if (st->in_txn)
		return err_set(e, LUP_EDB, "a transaction is already open");
	if ((rc = ensure_conn(st, e)) != LUP_OK)
		return rc;
	rc = run(st, "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")", e, "begin");
	if (rc == LUP_EBUSY && (rc = reconnect(st, e)) == LUP_OK)	/* a connection gone stale */
		rc = run(st, "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")", e, "begin");
	if (rc == LUP_OK)
		st->in_txn = 1;
	else if (!conn_lost(st))
		PQclear(PQexec(st->conn, "ROLLBACK"));
	return rc;
}

/* pg_begin_read: no round trip of its own: the BEGIN goes out with the transaction's first
 * statement (trip), and a transaction that runs none costs nothing. */
static int pg_begin_read(struct store *base, struct err *e)
{
	struct pg *st = PG(base);
	int rc;

	if (st->in_txn)
		return err_set(e, LUP_EDB, "a transaction is already open");
	if ((rc = ensure_conn(st, e)) != LUP_OK)
		return rc;
	st->in_txn = 1;
	st->begin_pending = 1;
	st->reading = 1;
	return LUP_OK;
}

/* pg_read_last: the next round trip of the read transaction ends it (trip). */
static void pg_read_last(struct store *base)
{
	struct pg *st = PG(base);

	st->end_read = st->in_txn && st->reading;
}

/* pg_rollback: the ROLLBACK is sent and not waited for (a view's response need not wait for
 * its read transaction's end); settle reads its result before the connection's next command. */
static void pg_rollback(struct store *base)
{
	struct pg *st = PG(base);

	if (st->begin_pending)
		st->begin_pending = 0;	/* nothing went out */
	else if (!st->rollback_pending && !conn_lost(st) && PQtransactionStatus(st->conn) != PQTRANS_IDLE) {
		trace(st, "ROLLBACK", NULL, NULL);
		if (PQsendQuery(st->conn, "ROLLBACK"))
			st->rollback_pending = 1;
	}
	st->now = st->outside;	/* a setting made in the transaction is undone with it */
	st->in_txn = st->reading = st->end_read = 0;
}

static int pg_commit(struct store *base, struct err *e)
{
	struct pg *st = PG(base);
	PGresult *res;
	int rc = LUP_OK;

	if (st->begin_pending) {	/* a read transaction that ran nothing (or ended: store_read_last) */
		st->begin_pending = 0;
		st->in_txn = st->reading = st->end_read = 0;
		return LUP_OK;
	}
	settle(st);
	trace(st, "COMMIT", NULL, NULL);
	res = PQexec(st->conn, "COMMIT");
	/* COMMIT of a failed transaction "succeeds" as ROLLBACK */
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = res_err(st, res, e, "commit");
	else if (strcmp(PQcmdStatus(res), "COMMIT") != 0)
		rc = err_set(e, LUP_EDB, "commit: the transaction had failed and was rolled back");
	PQclear(res);
	if (rc != LUP_OK)
		pg_rollback(base);
	else
		st->outside = st->now;
	st->in_txn = st->reading = st->end_read = 0;
	return rc;
}

/* pipe_result: the next result of a pipeline and the end of its query's results; 1 when its
 * status is want (the result in *out when out, else cleared), 0 when not (kept in *fail). */
static int pipe_result(struct pg *st, ExecStatusType want, PGresult **out, PGresult **fail)
{
	PGresult *res = PQgetResult(st->conn), *more;
	int ok = res && PQresultStatus(res) == want;

	if (res && want != PGRES_PIPELINE_SYNC)
		while ((more = PQgetResult(st->conn)) != NULL)
			PQclear(more);
	if (ok && out)
		*out = res;
	else if (!ok && !*fail && res)
		*fail = res;
	else
		PQclear(res);
	return ok;
}

/* prepare: prepares statement s on the connection when it is not yet, and learns its number
 * of parameters, in one round trip. */
static int prepare(struct pg *st, enum stmt s, struct err *e)
{
	char name[16], what[80];
	PGresult *desc = NULL, *fail = NULL;
	int ok;

	if ((unsigned)s >= STMT__MAX)
		return err_set(e, LUP_EDB, "unknown statement %d", (int)s);
	if (st->prepared[s])
		return LUP_OK;
	settle(st);
	snprintf(name, sizeof(name), "s%d", (int)s);
	snprintf(what, sizeof(what), "cannot prepare statement %s", store_stmt_name(s));
	trace(st, "prepare", store_stmt_name(s), NULL);
	if (!PQenterPipelineMode(st->conn))
		return res_err(st, NULL, e, what);
	ok = PQsendPrepare(st->conn, name, pg_sql_text(s), 0, NULL) && PQsendDescribePrepared(st->conn, name) &&
	     PQpipelineSync(st->conn);
	if (ok)
		ok = pipe_result(st, PGRES_COMMAND_OK, NULL, &fail);
	if (!conn_lost(st)) {	/* a failed Parse: the describe is aborted */
		ok &= pipe_result(st, PGRES_COMMAND_OK, &desc, &fail);
		ok &= pipe_result(st, PGRES_PIPELINE_SYNC, NULL, &fail);
	}
	ok &= PQexitPipelineMode(st->conn);
	if (ok && desc) {
		st->nparams[s] = (short)PQnparams(desc);
		st->prepared[s] = 1;
	}
	PQclear(desc);
	if (!st->prepared[s]) {
		int rc = res_err(st, fail, e, what);
		PQclear(fail);
		return rc;
	}
	PQclear(fail);
	return LUP_OK;
}

/* Text forms of the bound values. */
struct params {
	const char *v[100];
	char num[100][32];
};

/* bind: the text form of args (NULL for the parameters not given: SQLite's unbound). */
static int bind(struct pg *st, enum stmt s, const struct sval *args, int nargs, struct params *p,
		struct err *e)
{
	int n = st->nparams[s];

	if (nargs > n)
		return err_set(e, LUP_EDB, "statement %d takes %d values, given %d", (int)s, n, nargs);
	if (n > (int)(sizeof(p->v) / sizeof(p->v[0])))
		return err_set(e, LUP_EDB, "statement %d takes too many values (%d)", (int)s, n);
	for (int i = 0; i < n; i++) {
		p->v[i] = NULL;
		if (i >= nargs)
			continue;
		switch (args[i].t) {
		case SV_NULL: break;
		case SV_INT:
			snprintf(p->num[i], sizeof(p->num[i]), "%" PRId64, args[i].i);
			p->v[i] = p->num[i];
			break;
		case SV_REAL:
			if (isnan(args[i].d))
				snprintf(p->num[i], sizeof(p->num[i]), "NaN");
			else if (isinf(args[i].d))
				snprintf(p->num[i], sizeof(p->num[i]), "%sInfinity", args[i].d < 0 ? "-" : "");
			else
				snprintf(p->num[i], sizeof(p->num[i]), "%.17g", args[i].d);
			p->v[i] = p->num[i];
			break;
		case SV_TEXT: p->v[i] = args[i].s; break;
		}
	}
	return LUP_OK;
}

/* The statements that run with a generic plan (docs/postgresql.md): the search's union, whose
 * planning cost most of its time, and a goal's indicators (GET /api/v1/goals/{id}), whose
 * custom plan the planner chose at every run (its estimate for one goal's indicators is below
 * the generic plan's) and made in 0.6-1.4 ms, 20-40 times its execution. A statement whose
 * rows differ much by its values (an indicator's outcomes) keeps its custom plans. */
static const unsigned char generic_stmt[STMT__MAX] = {
	[STMT_WEB_SEARCH_HITS] = 1,
	[STMT_REL_GOAL_INDICATORS] = 1,
};

/* generic_plan: 1 for the statements of generic_stmt. */
static int generic_plan(enum stmt s)
{
	return s >= 0 && s < STMT__MAX && generic_stmt[s];
}

/* prepare_all: prepare for each statement of q (a round trip each the first time on a
 * connection). */
static int prepare_all(struct pg *st, const struct store_q *q, int n, struct err *e)
{
	int rc = LUP_OK;

	for (int i = 0; i < n && rc == LUP_OK; i++)
		rc = prepare(st, q[i].s, e);
	return rc;
}

/* execute: runs the n statements of q (1..STORE_QUERY_MAX, their values in q[i].args) in one
 * round trip; out[i] receives q[i]'s result (PQclear each). The viewer and a pending BEGIN go
 * out with them (trip): a view's first statements are one round trip. */
static int execute(struct pg *st, const struct store_q *q, int n, PGresult **out, struct err *e)
{
	struct params one, *p = n == 1 ? &one : xmalloc(sizeof(*p) * (size_t)(n > 0 ? n : 1));
	char names[STORE_QUERY_MAX][16];
	struct call c[STORE_QUERY_MAX];
	/* nothing of a transaction has run on the server yet: a stale connection may be replaced */
	int fresh = !st->in_txn || st->begin_pending;
	int rc;

	for (int i = 0; i < n && i < STORE_QUERY_MAX; i++)
		out[i] = NULL;
	if (n < 1 || n > STORE_QUERY_MAX) {
		rc = err_set(e, LUP_EDB, "%d statements in one round trip (a bug)", n);
		goto done;
	}
	if ((rc = ensure_conn(st, e)) != LUP_OK)
		goto done;
	rc = prepare_all(st, q, n, e);
	if (rc == LUP_EBUSY && fresh && (rc = reconnect(st, e)) == LUP_OK)	/* a connection gone stale */
		rc = prepare_all(st, q, n, e);
	for (int i = 0; i < n && rc == LUP_OK; i++) {
		if ((rc = bind(st, q[i].s, q[i].args, q[i].nargs, &p[i], e)) != LUP_OK) {
			rc = store_q_name_err(e, q[i].s, rc);
			break;
		}
		snprintf(names[i], sizeof(names[i]), "s%d", (int)q[i].s);
		c[i] = (struct call){ .name = names[i], .n = st->nparams[q[i].s], .vals = p[i].v, .viewer = 1,
				      .generic = generic_plan(q[i].s), .what = store_stmt_name(q[i].s) };
	}
	if (rc != LUP_OK || (rc = trip(st, c, n, out, e)) == LUP_OK)
		goto done;
	if (fresh && rc == LUP_EBUSY) {
		/* a connection gone stale (the server restarted since its last use): once more on a
		 * new one; nothing but this trip ran in the lost session's transaction */
		st->begin_pending = st->in_txn;
		if ((rc = reconnect(st, e)) != LUP_OK || (rc = prepare_all(st, q, n, e)) != LUP_OK)
			goto done;
		err_clear(e);
		rc = trip(st, c, n, out, e);
	}
done:
	if (p != &one)
		free(p);
	return rc;
}

/* execute_one: execute for the one statement s with args. */
static int execute_one(struct pg *st, enum stmt s, const struct sval *args, int nargs, PGresult **out,
		       struct err *e)
{
	struct store_q q = { .s = s, .args = args, .nargs = nargs };

	return execute(st, &q, 1, out, e);
}

static int pg_exec(struct store *base, enum stmt s, const struct sval *args, int nargs,
		   int64_t *id, int *changed, struct err *e)
{
	struct pg *st = PG(base);
	PGresult *res;
	int rc, n;

	if (id)
		*id = 0;
	if (changed)
		*changed = 0;
	if ((rc = execute_one(st, s, args, nargs, &res, e)) != LUP_OK)
		return rc;
	n = atoi(PQcmdTuples(res));
	if (changed)
		*changed = n;
	if (id && n > 0 && PQntuples(res) > 0 && PQnfields(res) > 0 && !PQgetisnull(res, 0, 0))
		*id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return LUP_OK;
}

/* rows: each row of res to fn until it returns non-zero. */
static void rows(PGresult *res, store_row_fn fn, void *ctx)
{
	struct pg_row row = { .base = { &store_pg_ops }, .res = res };
	int n = PQntuples(res);

	for (row.row = 0; row.row < n; row.row++)
		if (fn(ctx, &row.base))
			break;
}

static int pg_query(struct store *base, enum stmt s, const struct sval *args, int nargs,
		    store_row_fn fn, void *ctx, struct err *e)
{
	struct pg *st = PG(base);
	PGresult *res;
	int rc;

	if ((rc = execute_one(st, s, args, nargs, &res, e)) != LUP_OK)
		return rc;
	rows(res, fn, ctx);
	PQclear(res);
	return LUP_OK;
}

/* pg_query_many: the statements in one round trip (execute), then each result's rows to its fn. */
static int pg_query_many(struct store *base, const struct store_q *q, int n, struct err *e)
{
	struct pg *st = PG(base);
	PGresult *res[STORE_QUERY_MAX];
	int rc;

	if ((rc = execute(st, q, n, res, e)) != LUP_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		rows(res[i], q[i].fn, q[i].ctx);
		PQclear(res[i]);
	}
	return LUP_OK;
}

static int pg_ncols(const struct store_row *r) { return PQnfields(PGR(r)->res); }
static const char *pg_col_name(const struct store_row *r, int i) { return PQfname(PGR(r)->res, i); }

static int is_null(const struct store_row *r, int i)
{
	return i < 0 || i >= PQnfields(PGR(r)->res) || PQgetisnull(PGR(r)->res, PGR(r)->row, i);
}

static const char *raw(const struct store_row *r, int i)
{
	return PQgetvalue(PGR(r)->res, PGR(r)->row, i);
}

static enum sv_type pg_col_type(const struct store_row *r, int i)
{
	if (is_null(r, i))
		return SV_NULL;
	switch (PQftype(PGR(r)->res, i)) {
	case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
		return SV_INT;
	case OID_FLOAT4: case OID_FLOAT8:
		return SV_REAL;
	case OID_NUMERIC:
		return strpbrk(raw(r, i), ".eEN") ? SV_REAL : SV_INT;
	default:
		return SV_TEXT;
	}
}

static int64_t pg_col_int(const struct store_row *r, int i)
{
	const char *v;

	if (is_null(r, i))
		return 0;
	v = raw(r, i);
	if (PQftype(PGR(r)->res, i) == OID_BOOL)
		return v[0] == 't';
	if (strpbrk(v, ".eE"))
		return (int64_t)strtod(v, NULL);
	return strtoll(v, NULL, 10);
}

static double pg_col_real(const struct store_row *r, int i)
{
	const char *v;

	if (is_null(r, i))
		return 0.0;
	v = raw(r, i);
	if (PQftype(PGR(r)->res, i) == OID_BOOL)
		return v[0] == 't';
	return strtod(v, NULL);
}

static const char *pg_col_text(const struct store_row *r, int i)
{
	if (is_null(r, i))
		return NULL;
	if (PQftype(PGR(r)->res, i) == OID_BOOL)
		return raw(r, i)[0] == 't' ? "1" : "0";
	return raw(r, i);
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

/* check_sql: runs a catalog query whose rows (what, detail) are problems. */
static int check_sql(struct pg *st, const char *sql, struct check_ctx *c, struct err *e)
{
	PGresult *res;
	int rc = ready(st, e);

	if (rc != LUP_OK)
		return rc;
	res = PQexec(st->conn, sql);

	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		rc = res_err(st, res, e, "check");
	else
		for (int i = 0; i < PQntuples(res); i++) {
			c->n++;
			c->fn(c->ctx, PQgetvalue(res, i, 0), PQgetvalue(res, i, 1));
		}
	PQclear(res);
	return rc;
}

/* The derived_ tables (kept by triggers) that disagree with what they are derived from: the
 * organisations' name ranks (0030), the indicators' district counts per period (0032) and the
 * search entries' label columns (0035) and the goals' ancestors (0038), one row each when some of
 * theirs are wrong. */
#define CHECK_DERIVED_SQL \
	"WITH RECURSIVE up(goal_id, ancestor_id) AS (SELECT id, id FROM goal" \
	" UNION SELECT up.goal_id, g.parent_id FROM up JOIN goal g ON g.id = up.ancestor_id WHERE g.parent_id IS NOT NULL)" \
	" SELECT 'derived', 'derived_org_name_rank: ' || count(*) || ' organisations ranked otherwise than by name'" \
	" FROM (SELECT id, rank() OVER (ORDER BY name COLLATE sv) AS rk FROM organisation) x" \
	" FULL JOIN derived_org_name_rank r ON r.organisation_id = x.id" \
	" WHERE x.id IS NULL OR r.organisation_id IS NULL OR r.rank <> x.rk HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived', 'derived_indicator_period: ' || count(*) || ' indicator and period counts" \
	" differ from the outcomes (SELECT derived_indicator_period_rebuild() counts them anew)'" \
	" FROM (SELECT x.indicator_id, x.period_id, count(*) AS valued, count(*) FILTER (WHERE x.example = 1" \
	"  OR x.source = 'kolada') AS open FROM outcome x JOIN area a ON a.id = x.area_id AND a.level = 'district'" \
	"  WHERE x.value IS NOT NULL GROUP BY 1, 2) r FULL JOIN derived_indicator_period d USING (indicator_id, period_id)" \
	" WHERE coalesce(r.valued, 0) <> coalesce(d.valued, 0) OR coalesce(r.open, 0) <> coalesce(d.open, 0)" \
	" HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived', 'derived_goal_ancestor: ' || count(*) || ' goal and ancestor rows differ from" \
	" the goals'' parent links (SELECT derived_goal_ancestor_refresh(ARRAY(SELECT id FROM goal)) writes them anew)'" \
	" FROM ((SELECT goal_id, ancestor_id FROM up EXCEPT SELECT goal_id, ancestor_id FROM derived_goal_ancestor)" \
	" UNION ALL (SELECT goal_id, ancestor_id FROM derived_goal_ancestor EXCEPT SELECT goal_id, ancestor_id FROM up)) x" \
	" HAVING count(*) > 0" \
	" UNION ALL SELECT 'derived', 'search_doc: ' || count(*) || ' entries whose label columns differ from" \
	" search_doc_label (SELECT search_label(kind, id) FROM search_doc sets them anew)'" \
	" FROM search_doc s LEFT JOIN search_doc_label l USING (kind, id)" \
	" WHERE (s.label, s.context, s.detail, s.link_key, s.link_year, s.plan_version_id, s.goal_id) IS DISTINCT FROM" \
	"  (l.label, l.context, l.detail, l.link_key, l.link_year, l.plan_version_id, l.goal_id) HAVING count(*) > 0"

/* PostgreSQL's own checks: constraints not validated, indexes left invalid (a failed
 * concurrent build), the derived_ tables that disagree with their sources, and the schema
 * version's record. Then the domain rules. */
static int pg_check(struct store *base, store_check_fn fn, void *ctx, int *problems, struct err *e)
{
	struct pg *st = PG(base);
	struct check_ctx c = { fn, ctx, 0 };
	int rc;

	*problems = 0;
	if ((rc = ensure_conn(st, e)) != LUP_OK)
		return rc;
	if ((rc = check_sql(st, "SELECT 'constraint', conrelid::regclass || ' ' || conname || ' is not validated'"
			    " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
			    " WHERE n.nspname = current_schema() AND NOT c.convalidated", &c, e)) != LUP_OK ||
	    (rc = check_sql(st, "SELECT 'index', i.indexrelid::regclass || ' is not valid'"
			    " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n"
			    " ON n.oid = t.relnamespace WHERE n.nspname = current_schema()"
			    " AND NOT (i.indisvalid AND i.indisready)", &c, e)) != LUP_OK ||
	    (rc = check_sql(st, CHECK_DERIVED_SQL, &c, e)) != LUP_OK)
		return rc;
	for (int s = STMT_CHECK_FIRST; s <= STMT_CHECK_LAST; s++)
		if ((rc = store_query(base, (enum stmt)s, NULL, 0, check_row, &c, e)) != LUP_OK)
			return rc;
	*problems = c.n;
	return LUP_OK;
}

/* pg_backup: a consistent copy through pg_dump's custom format (one snapshot: writers go on),
 * written next to path and moved into place when complete. */
static int pg_backup(struct store *base, const char *path, struct err *e)
{
	struct pg *st = PG(base);
	size_t n = strlen(path) + 8;
	char *tmp = xmalloc(n);
	char *argv[] = { "pg_dump", "--format=custom", "--no-owner", "--file", tmp, "--dbname",
			 st->address, NULL };
	pid_t pid;
	int status = 0, rc = LUP_OK;

	snprintf(tmp, n, "%s.tmp", path);
	unlink(tmp);
	if ((errno = posix_spawnp(&pid, "pg_dump", NULL, NULL, argv, environ)) != 0) {
		rc = err_set(e, LUP_EIO, "cannot run pg_dump (install Debian's postgresql-client): %s",
			     strerror(errno));
		goto out;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		rc = err_set(e, LUP_EDB, "pg_dump of '%s' failed (exit status %d)", st->shown,
			     WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		goto out;
	}
	if (rename(tmp, path) != 0)
		rc = err_set(e, LUP_EIO, "cannot move the backup to '%s': %s", path, strerror(errno));
out:
	if (rc != LUP_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* The derived table that a load rewrites row by row: its statement triggers update each count
 * once per statement of the load, which leaves it many times its size in dead row versions that
 * VACUUM frees but does not give back (604 rows in 118 pages after `lup copy` of the demo), and
 * the city page reads all of it (0.57 -> 0.04 ms for the scan once compacted). VACUUM FULL
 * rewrites it compactly; it locks the small table for the few milliseconds that takes. */
#define VACUUM_DERIVED_SQL "VACUUM (FULL, ANALYZE) derived_indicator_period"

/* Older snapshots. VACUUM marks a page all-visible only when every row on it is visible to
 * every snapshot of the database; a session that took its snapshot before the load's last
 * commit (autovacuum's ANALYZE of a table, begun while the load ran, or any reader) leaves the
 * loaded tables' visibility map empty, and the planner then prices each index-only scan as a
 * heap read per entry (docs/postgresql.md: the goal chain read 19,725 outcomes for 526).
 * pg_analyze waits, at most HORIZON_WAIT_MS, for the sessions of the database whose
 * transaction began before it did ($1, the database's clock) to end theirs. */
#define HORIZON_NOW_SQL "SELECT clock_timestamp()::text"
#define HORIZON_OLDER_SQL "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()" \
	" AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL AND xact_start < $1::timestamptz"
#define HORIZON_WAIT_MS 5000
#define HORIZON_POLL_MS 20

/* one_value: the first column of sql's first row (with param as $1 when not NULL) into out
 * (size n, "" when there is no row). */
static int one_value(struct pg *st, const char *sql, const char *param, char *out, size_t n,
		     struct err *e)
{
	PGresult *res;
	int rc = ready(st, e);

	if (rc != LUP_OK)
		return rc;
	trace(st, "visibility", NULL, NULL);
	res = PQexecParams(st->conn, sql, param ? 1 : 0, NULL, param ? &param : NULL, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = res_err(st, res, e, "waiting for older snapshots");
		PQclear(res);
		return rc;
	}
	snprintf(out, n, "%s", PQntuples(res) > 0 ? PQgetvalue(res, 0, 0) : "");
	PQclear(res);
	return LUP_OK;
}

/* wait_older_snapshots: returns once no other session of the database holds a snapshot older
 * than the call, or after HORIZON_WAIT_MS (the VACUUM then runs anyway: autovacuum sets the
 * map later). */
static int wait_older_snapshots(struct pg *st, struct err *e)
{
	char start[64], n[24];
	int rc;

	if ((rc = one_value(st, HORIZON_NOW_SQL, NULL, start, sizeof(start), e)) != LUP_OK)
		return rc;
	for (int waited = 0; waited < HORIZON_WAIT_MS; waited += HORIZON_POLL_MS) {
		if ((rc = one_value(st, HORIZON_OLDER_SQL, start, n, sizeof(n), e)) != LUP_OK)
			return rc;
		if (strcmp(n, "0") == 0)
			return LUP_OK;
		nanosleep(&(struct timespec){ 0, HORIZON_POLL_MS * 1000000L }, NULL);
	}
	return LUP_OK;
}

/* The load's commits on disk. Rows whose inserting commit was made with synchronous_commit =
 * off (the tests' cluster) and whose commit record the WAL writer has not flushed yet cannot be
 * marked committed on their pages, and VACUUM then leaves those pages unmarked. A synchronous
 * commit flushes the WAL up to its own record, the load's included: the last migration's row
 * written again as it is (no value of the caller's). */
#define FLUSH_SQL "BEGIN; SET LOCAL synchronous_commit = on;" \
	" UPDATE schema_migration SET version = version" \
	"  WHERE version = (SELECT max(version) FROM schema_migration); COMMIT"

/* pg_analyze: VACUUM (ANALYZE) of the whole database after the derived table's VACUUM FULL,
 * outside a transaction (VACUUM cannot run in one, nor in a pipeline: a plain query of its
 * own), once the load's commits are on disk (FLUSH_SQL) and the snapshots older than the load
 * have ended (wait_older_snapshots). */
static int pg_analyze(struct store *base, struct err *e)
{
	struct pg *st = PG(base);
	int rc;

	if (st->in_txn)
		return err_set(e, LUP_EDB, "VACUUM (ANALYZE) inside a transaction (a bug)");
	if ((rc = ensure_conn(st, e)) != LUP_OK)
		return rc;
	if ((rc = run(st, VACUUM_DERIVED_SQL, e, "VACUUM (FULL) of the derived table")) != LUP_OK)
		return rc;
	if ((rc = run(st, FLUSH_SQL, e, "the load's commits flushed")) != LUP_OK)
		return rc;
	if ((rc = wait_older_snapshots(st, e)) != LUP_OK)
		return rc;
	return run(st, "VACUUM (ANALYZE)", e, "VACUUM (ANALYZE)");
}

/* --- copying a whole database (copy.c) ------------------------------------------------- */

/* The data tables: not the search index nor the derived_ tables (both filled by triggers, from
 * the data), not the migration record. */
#define PG_DATA_TABLES "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()" \
	" AND tablename NOT LIKE 'search%' AND tablename NOT LIKE 'derived\\_%'" \
	" AND tablename <> 'schema_migration'"

/* each_row: calls fn with each row of sql (no parameters). */
static int each_row(struct pg *st, const char *sql, store_row_fn fn, void *ctx, struct err *e)
{
	struct pg_row row = { .base = { &store_pg_ops } };
	int n, rc = ready(st, e);

	if (rc != LUP_OK)
		return rc;
	row.res = PQexec(st->conn, sql);
	if (PQresultStatus(row.res) != PGRES_TUPLES_OK) {
		rc = res_err(st, row.res, e, "copy");
		PQclear(row.res);
		return rc;
	}
	n = PQntuples(row.res);
	for (row.row = 0; row.row < n; row.row++)
		if (fn(ctx, &row.base))
			break;
	PQclear(row.res);
	return LUP_OK;
}

static int pg_copy_tables(struct store *base, store_row_fn fn, void *ctx, struct err *e)
{
	struct pg *st = PG(base);
	int rc = ensure_conn(st, e);

	return rc != LUP_OK ? rc : each_row(st, PG_DATA_TABLES " ORDER BY tablename COLLATE \"C\"", fn, ctx, e);
}

static int pg_copy_read(struct store *base, const char *table, store_row_fn fn, void *ctx, struct err *e)
{
	char sql[128];

	if (!store_plain_ident(table))
		return err_set(e, LUP_EDB, "table name '%s' is not a plain identifier", table);
	snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"", table);
	return each_row(PG(base), sql, fn, ctx, e);
}

static int pg_copy_count(struct store *base, const char *table, int64_t *n, struct err *e)
{
	char sql[128];

	if (!store_plain_ident(table))
		return err_set(e, LUP_EDB, "table name '%s' is not a plain identifier", table);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", table);
	return run_int(PG(base), sql, NULL, n, e);
}

/* pg_copy_clear: every table of the schema (the search index too) emptied in one TRUNCATE,
 * the deferrable foreign keys checked at the commit. */
static int pg_copy_clear(struct store *base, struct err *e)
{
	struct pg *st = PG(base);
	PGresult *res;
	char *sql;
	size_t len = 0, cap = 64;
	int rc = ready(st, e);

	if (rc != LUP_OK)
		return rc;
	res = PQexec(st->conn, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
		     " AND tablename <> 'schema_migration' ORDER BY 1");
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = res_err(st, res, e, "copy");
		PQclear(res);
		return rc;
	}
	for (int i = 0; i < PQntuples(res); i++)
		cap += strlen(PQgetvalue(res, i, 0)) + 4;
	sql = xmalloc(cap);
	len = (size_t)snprintf(sql, cap, "TRUNCATE");
	for (int i = 0; i < PQntuples(res) && rc == LUP_OK; i++) {
		const char *t = PQgetvalue(res, i, 0);
		if (!store_plain_ident(t))
			rc = err_set(e, LUP_EDB, "table name '%s' is not a plain identifier", t);
		else
			len += (size_t)snprintf(sql + len, cap - len, "%s\"%s\"", i ? ", " : " ", t);
	}
	PQclear(res);
	if (rc == LUP_OK && len > 8)
		rc = run(st, sql, e, "copy");
	free(sql);
	if (rc == LUP_OK)
		rc = run(st, "SET CONSTRAINTS ALL DEFERRED", e, "copy");
	return rc;
}

/* copy_prepare: the insert of table with cols, prepared as "copyw" once per table. */
static int copy_prepare(struct pg *st, const char *table, int n, const char *const *cols, struct err *e)
{
	char sql[4096];
	PGresult *res;
	int rc = LUP_OK;

	if ((rc = ready(st, e)) != LUP_OK || (st->copy_n == n && strcmp(st->copy_table, table) == 0))
		return rc;
	if (st->copy_n)
		PQclear(PQexec(st->conn, "DEALLOCATE copyw"));
	st->copy_n = 0;
	if (store_copy_insert_sql(sql, sizeof(sql), table, n, cols, '$') != 0)
		return err_set(e, LUP_EDB, "table %s: too many columns to copy", table);
	res = PQprepare(st->conn, "copyw", sql, 0, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		rc = res_err(st, res, e, table);
	PQclear(res);
	if (rc == LUP_OK) {
		snprintf(st->copy_table, sizeof(st->copy_table), "%s", table);
		st->copy_n = n;
	}
	return rc;
}

static int pg_copy_write(struct store *base, const char *table, int n, const char *const *cols,
			 const struct sval *vals, struct err *e)
{
	struct pg *st = PG(base);
	const char *v[64];
	char num[64][32];
	PGresult *res;
	int rc;

	if (!store_plain_ident(table) || n > 64)
		return err_set(e, LUP_EDB, "table '%s' cannot be copied", table);
	for (int i = 0; i < n; i++)
		if (!store_plain_ident(cols[i]))
			return err_set(e, LUP_EDB, "column name '%s' is not a plain identifier", cols[i]);
	if ((rc = copy_prepare(st, table, n, cols, e)) != LUP_OK || (rc = ready(st, e)) != LUP_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		v[i] = NULL;
		switch (vals[i].t) {
		case SV_NULL: break;
		case SV_INT: snprintf(num[i], sizeof(num[i]), "%" PRId64, vals[i].i); v[i] = num[i]; break;
		case SV_REAL: snprintf(num[i], sizeof(num[i]), "%.17g", vals[i].d); v[i] = num[i]; break;
		case SV_TEXT: v[i] = vals[i].s; break;
		}
	}
	res = PQexecPrepared(st->conn, "copyw", n, v, NULL, NULL, 0);
	rc = PQresultStatus(res) == PGRES_COMMAND_OK ? LUP_OK : res_err(st, res, e, table);
	PQclear(res);
	return rc;
}

/* pg_copy_done: each identity (or serial) column continues after the largest copied id. */
static int pg_copy_done(struct store *base, struct err *e)
{
	struct pg *st = PG(base);
	PGresult *res;
	int rc = ready(st, e);

	if (rc != LUP_OK)
		return rc;
	res = PQexec(st->conn, "SELECT table_name, column_name FROM information_schema.columns"
		     " WHERE table_schema = current_schema() AND (is_identity = 'YES'"
		     " OR column_default LIKE 'nextval(%')");

	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		rc = res_err(st, res, e, "copy");
		PQclear(res);
		return rc;
	}
	if (st->copy_n)
		PQclear(PQexec(st->conn, "DEALLOCATE copyw"));
	st->copy_n = 0;
	for (int i = 0; i < PQntuples(res) && rc == LUP_OK; i++) {
		const char *t = PQgetvalue(res, i, 0), *c = PQgetvalue(res, i, 1);
		char sql[320];
		if (!store_plain_ident(t) || !store_plain_ident(c))
			continue;
		snprintf(sql, sizeof(sql), "SELECT setval(pg_get_serial_sequence('\"%s\"', '%s'),"
			 " coalesce((SELECT max(\"%s\") FROM \"%s\"), 0) + 1, false)", t, c, c, t);
		rc = run(st, sql, e, t);
	}
	PQclear(res);
	return rc;
}

const struct store_ops store_pg_ops = {
	.name = "postgresql",
	.max_writers = 0,	/* row locks: write transactions go on side by side */
	.open = pg_open,
	.close = pg_close,
	.set_viewer = pg_set_viewer,
	.schema_version = pg_schema_version,
	.migrate = pg_migrate,
	.begin = pg_begin,
	.begin_read = pg_begin_read,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.read_last = pg_read_last,
	.exec = pg_exec,
	.query = pg_query,
	.query_many = pg_query_many,
	.ncols = pg_ncols,
	.col_name = pg_col_name,
	.col_type = pg_col_type,
	.col_int = pg_col_int,
	.col_real = pg_col_real,
	.col_text = pg_col_text,
	.check = pg_check,
	.backup = pg_backup,
	.analyze = pg_analyze,
	.search = search_pg,
	.copy_tables = pg_copy_tables,
	.copy_read = pg_copy_read,
	.copy_clear = pg_copy_clear,
	.copy_write = pg_copy_write,
	.copy_done = pg_copy_done,
	.copy_count = pg_copy_count,
	.bulk_begin = bulk_pg_begin,
	.bulk_add = bulk_pg_add,
	.bulk_flush = bulk_pg_flush,
	.bulk_free = bulk_pg_free,
};

PGconn *store_pg_conn(struct store *st)
{
	return PG(st)->conn;
}

int store_pg_fail(struct store *st, PGresult *res, struct err *e, const char *what)
{
	return res_err(PG(st), res, e, what);
}
