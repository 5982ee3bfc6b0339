/* sql-pg-period-lock.c: PostgreSQL text of the period locks' statements (stmt-period-lock.h). */
#include "store/sql-pg.h"

const char *const pg_sql_period_lock[STMT__MAX] = {
	/* (period_id) -> (year, kind): a period's report */
	[STMT_PL_PERIOD] =
		"SELECT year, kind FROM period WHERE id = $1",
	/* (year, kind) -> (due, grace): the city's deadline of the report (none: no row) and the
	 * setting lock_grace_days (14 when unset or not a number >= 0) */
	[STMT_PL_DEADLINE] =
		"SELECT d.due, coalesce((SELECT least(value::numeric, 9223372036854775807)::bigint FROM setting"
		"  WHERE key = 'lock_grace_days' AND value ~ '^[0-9]+$'), 14) AS grace"
		" FROM deadline d WHERE d.year = $1 AND d.kind = $2 AND d.org_id IS NULL AND d.level = 'city'",
	/* (year, kind, org_id, today) -> (until, reason): the reopening of the period that applies to
	 * the organisation today (for all, for it or for its committee/administration pair) and
	 * lasts the longest; no row when none does */
	[STMT_PL_REOPENED] =
		"SELECT r.until, r.reason FROM period_reopen r JOIN period p ON p.id = r.period_id"
		" WHERE p.year = $1 AND p.kind = $2 AND r.until >= $4"
		" AND (r.org_id IS NULL OR r.org_id = $3"
		"  OR r.org_id = (SELECT pair_id FROM organisation WHERE id = $3)"
		"  OR r.org_id IN (SELECT id FROM organisation WHERE pair_id = $3))"
		" ORDER BY r.until DESC, r.id DESC LIMIT 1",
	/* (period_id, org_id or NULL, reason, until, user_id or NULL) -> new id */
	[STMT_PL_REOPEN_INSERT] =
		"INSERT INTO period_reopen (period_id, org_id, reason, until, reopened_by, reopened_at)"
		" VALUES ($1, $2, $3, $4, $5, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))"
		" RETURNING id",
	/* (id) -> the reopening as its audit entry and API answer */
	[STMT_PL_REOPEN_ONE] =
		"SELECT r.id, p.year, CASE p.kind WHEN 'FY' THEN 'VB' ELSE p.kind END AS period,"
		" o.key AS org, r.reason, r.until, u.name AS reopened_by, r.reopened_at"
		" FROM period_reopen r JOIN period p ON p.id = r.period_id"
		" LEFT JOIN organisation o ON o.id = r.org_id LEFT JOIN app_user u ON u.id = r.reopened_by"
		" WHERE r.id = $1",
	/* (year) -> the reopenings of the year's periods, newest first */
	[STMT_PL_REOPENS] =
		"SELECT r.id, p.year, CASE p.kind WHEN 'FY' THEN 'VB' ELSE p.kind END AS period,"
		" o.key AS org, o.name AS org_name, r.reason, r.until, u.name AS reopened_by, r.reopened_at"
		" FROM period_reopen r JOIN period p ON p.id = r.period_id"
		" LEFT JOIN organisation o ON o.id = r.org_id LEFT JOIN app_user u ON u.id = r.reopened_by"
		" WHERE p.year = $1 ORDER BY r.id DESC",
};
