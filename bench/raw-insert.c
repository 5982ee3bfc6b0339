/* raw-insert.c: the reference of bench/import.sh: the raw rate of SQLite prepared inserts into
 * lup's outcome table on this machine, with the settings lup uses (foreign keys, WAL,
 * synchronous NORMAL, one transaction).
 *
 * usage: raw-insert DB YEAR0 YEARS
 * DB was made by `lup init` and holds the benchmark's indicators (KPIs B...) and areas
 * (municipalities kommun-...), as bench/import.sh prepares it. It inserts the same rows the
 * benchmark's files hold, in the same order: every indicator x area x year x sex (T, K, M), with
 * every 50th value missing. Prints "ROWS SECONDS ROWS_PER_SECOND".
 */
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "raw-insert: %s: %s\n", what, db ? sqlite3_errmsg(db) : "failed");
	exit(1);
}

static void exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(db, sql);
}

/* ids: the first column of every row of sql, into a malloc'd array */
static sqlite3_int64 *ids(sqlite3 *db, const char *sql, int *n)
{
	sqlite3_stmt *s;
	sqlite3_int64 *v = NULL;
	int cap = 0;

	*n = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die(db, sql);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			if (!(v = realloc(v, sizeof(*v) * (size_t)cap)))
				die(NULL, "out of memory");
		}
		v[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	return v;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* periods: the FY period ids of years y0 .. y0 + n - 1, created when missing (not timed) */
static sqlite3_int64 *periods(sqlite3 *db, int y0, int n)
{
	sqlite3_stmt *ins, *sel;
	sqlite3_int64 *v = calloc((size_t)n, sizeof(*v));
	char first[16], last[16];

	if (!v)
		die(NULL, "out of memory");
	if (sqlite3_prepare_v2(db, "INSERT INTO period (year, kind, first_day, last_day) VALUES (?1, 'FY', ?2, ?3)"
			       " ON CONFLICT DO NOTHING", -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT id FROM period WHERE year = ?1 AND kind = 'FY'", -1, &sel, NULL) != SQLITE_OK)
		die(db, "prepare period");
	for (int i = 0; i < n; i++) {
		snprintf(first, sizeof(first), "%04d-01-01", y0 + i);
		snprintf(last, sizeof(last), "%04d-12-31", y0 + i);
		sqlite3_bind_int(ins, 1, y0 + i);
		sqlite3_bind_text(ins, 2, first, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, last, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE)
			die(db, "insert period");
		sqlite3_reset(ins);
		sqlite3_bind_int(sel, 1, y0 + i);
		if (sqlite3_step(sel) != SQLITE_ROW)
			die(db, "select period");
		v[i] = sqlite3_column_int64(sel, 0);
		sqlite3_reset(sel);
	}
	sqlite3_finalize(ins);
	sqlite3_finalize(sel);
	return v;
}

int main(int argc, char **argv)
{
	static const char *const sexes[] = { "T", "K", "M" };
	sqlite3 *db;
	sqlite3_stmt *s;
	sqlite3_int64 *ind, *area, *per;
	int nind, narea, y0, ny;
	long n = 0;
	double t0, t1;

	if (argc != 4) {
		fprintf(stderr, "usage: raw-insert DB YEAR0 YEARS\n");
		return 2;
	}
	y0 = atoi(argv[2]);
	ny = atoi(argv[3]);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die(db, argv[1]);
	sqlite3_busy_timeout(db, 5000);
	exec(db, "PRAGMA foreign_keys = ON");
	exec(db, "PRAGMA journal_mode = WAL");
	exec(db, "PRAGMA synchronous = NORMAL");
	ind = ids(db, "SELECT id FROM indicator WHERE kolada_kpi LIKE 'B%' ORDER BY kolada_kpi", &nind);
	area = ids(db, "SELECT id FROM area WHERE key LIKE 'kommun-%' ORDER BY code", &narea);
	if (!nind || !narea)
		die(NULL, "no benchmark indicators or areas (run bench/import.sh)");
	per = periods(db, y0, ny);
	if (sqlite3_prepare_v2(db, "INSERT INTO outcome (indicator_id, period_id, area_id, sex, value, missing,"
			       " source, derived, example) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0)",
			       -1, &s, NULL) != SQLITE_OK)
		die(db, "prepare insert");
	t0 = now();
	exec(db, "BEGIN IMMEDIATE");
	for (int i = 0; i < nind; i++)
		for (int a = 0; a < narea; a++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < 3; x++) {
					n++;
					sqlite3_bind_int64(s, 1, ind[i]);
					sqlite3_bind_int64(s, 2, per[y]);
					sqlite3_bind_int64(s, 3, area[a]);
					sqlite3_bind_text(s, 4, sexes[x], 1, SQLITE_STATIC);
					if (n % 50 == 0)
						sqlite3_bind_null(s, 5);
					else
						sqlite3_bind_double(s, 5, (double)(n * 7919 % 100000) / 100);
					sqlite3_bind_int(s, 6, n % 50 == 0);
					sqlite3_bind_text(s, 7, "kolada", -1, SQLITE_STATIC);
					if (sqlite3_step(s) != SQLITE_DONE)
						die(db, "insert outcome");
					sqlite3_reset(s);
				}
	exec(db, "COMMIT");
	t1 = now();
	sqlite3_finalize(s);
	sqlite3_close(db);
	printf("%ld %.3f %.0f\n", n, t1 - t0, (double)n / (t1 - t0));
	free(ind);
	free(area);
	free(per);
	return 0;
}
