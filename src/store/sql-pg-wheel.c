/* sql-pg-wheel.c: PostgreSQL text of the annual wheel's statements (see stmt-wheel.h).
 *
 * A deadline (0021) is the city's (org_id NULL, level 'city') or an organisation's internal one
 * (level committee, administration or unit). Kinds are the periods' (T1, T2, FY: the
 * verksamhetsberättelse, written VB by people). Dates are text YYYY-MM-DD, compared as text. */
#include "store/sql-pg.h"

/* The order of levels, earliest first: unit -> administration -> committee -> city. */
#define WH_LEVEL_ORD(l) \
	"CASE " l " WHEN 'unit' THEN 0 WHEN 'administration' THEN 1 WHEN 'committee' THEN 2 ELSE 3 END"

/* Organisation x and its committee/administration pair, both ways (every organisation that
 * records x as its pair: PostgreSQL refuses a scalar subquery of more than one row). */
#define WH_ORG_AND_PAIR(x) \
	"(SELECT id FROM organisation WHERE id = " x " OR pair_id = " x \
	" OR id = (SELECT pair_id FROM organisation WHERE id = " x "))"

const char *const pg_sql_wheel[STMT__MAX] = {
	/* (year or NULL, org id or NULL, all 0|1) -> the deadlines of the year (every year for
	 * NULL): the city's, and the internal ones of organisation $2 (of every organisation when
	 * $3 is 1), by date and level */
	[STMT_WH_LIST] =
		"SELECT d.id, d.year, d.kind, o.key AS org, o.name AS org_name, d.level, d.due, d.set_at,"
		" u.name AS set_by FROM deadline d LEFT JOIN organisation o ON o.id = d.org_id"
		" LEFT JOIN app_user u ON u.id = d.set_by"
		" WHERE ($1::bigint IS NULL OR d.year = $1::bigint) AND (d.org_id IS NULL OR $3::bigint = 1 OR d.org_id = $2)"
		" ORDER BY d.due, d.kind, " WH_LEVEL_ORD("d.level") ", o.key NULLS FIRST",
	/* (year, kind, org id or NULL, level) -> the deadline */
	[STMT_WH_ONE] =
		"SELECT d.id, d.due, d.set_at FROM deadline d WHERE d.year = $1 AND d.kind = $2"
		" AND coalesce(d.org_id, 0) = coalesce($3::bigint, 0) AND d.level = $4",
	/* (year, kind, org id or NULL, level, due, set_by or NULL, set_at) */
	[STMT_WH_INSERT] =
		"INSERT INTO deadline (year, kind, org_id, level, due, set_by, set_at)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	/* (id, due, set_by or NULL, set_at) */
	[STMT_WH_UPDATE] =
		"UPDATE deadline SET due = $2, set_by = $3, set_at = $4 WHERE id = $1 AND due <> $2",
	/* (id) */
	[STMT_WH_DELETE] =
		"DELETE FROM deadline WHERE id = $1",
	/* (year, kind, org id) -> the organisation's internal deadlines of the report, earliest level
	 * first */
	[STMT_WH_LEVELS] =
		"SELECT d.level, d.due FROM deadline d WHERE d.year = $1 AND d.kind = $2 AND d.org_id = $3"
		" ORDER BY " WH_LEVEL_ORD("d.level"),
	/* (year, kind, due) -> the internal deadlines of the report that fall after due */
	[STMT_WH_LATE_INTERNAL] =
		"SELECT o.key AS org, o.name AS org_name, d.level, d.due FROM deadline d"
		" JOIN organisation o ON o.id = d.org_id WHERE d.year = $1 AND d.kind = $2 AND d.due > $3"
		" ORDER BY d.due DESC, o.key",
	/* (id) -> the organisation */
	[STMT_WH_ORG] =
		"SELECT id, key, name, kind, pair_id FROM organisation WHERE id = $1",
	/* (user id, email or NULL) */
	[STMT_WH_USER_EMAIL] =
		"UPDATE app_user SET email = $2::text WHERE id = $1 AND email IS DISTINCT FROM $2::text",
	/* (until YYYY-MM-DD) -> per organisation that reports and each report whose city deadline is
	 * set, the deadlines that apply to it (the city's and its own internal ones) due on or before
	 * $1, with the report's status (the best of the organisation's and its pair's; NULL: no
	 * report). An organisation reports when it owns nämndmål of the year or an earlier one (its
	 * plan for the year may not be in lup yet), or has a report of the period. */
	[STMT_WH_REMIND] =
		"WITH cd AS (SELECT year, kind FROM deadline WHERE level = 'city'),"
		" obliged(org_id, year, kind) AS ("
		"  SELECT DISTINCT g.owner_id, cd.year, cd.kind FROM cd JOIN goal g ON g.level = 'namndmal'"
		"   AND g.year IS NOT NULL AND g.year <= cd.year"
		"  UNION SELECT r.org_id, pe.year, pe.kind FROM report r JOIN period pe ON pe.id = r.period_id"
		"   JOIN cd ON cd.year = pe.year AND cd.kind = pe.kind)"
		" SELECT o.id AS org_id, o.key AS org, o.name AS org_name, ob.year, ob.kind, d.level, d.due,"
		" (SELECT r.status FROM report r JOIN period pe ON pe.id = r.period_id WHERE pe.year = ob.year"
		"   AND pe.kind = ob.kind AND r.org_id IN " WH_ORG_AND_PAIR("o.id")
		"   ORDER BY CASE r.status WHEN 'approved' THEN 0 WHEN 'submitted' THEN 1 WHEN 'returned' THEN 2"
		"   ELSE 3 END LIMIT 1) AS status"
		" FROM obliged ob JOIN organisation o ON o.id = ob.org_id"
		" JOIN deadline d ON d.year = ob.year AND d.kind = ob.kind AND (d.org_id IS NULL OR d.org_id = o.id)"
		" WHERE d.due <= $1"
		" ORDER BY o.key, ob.year, ob.kind, d.due, " WH_LEVEL_ORD("d.level"),
	/* (org id) -> the enabled editors of the organisation and its pair, with their e-mail */
	[STMT_WH_EDITORS] =
		"SELECT u.name, u.email FROM app_user u WHERE u.role = 'editor' AND u.disabled = 0"
		" AND u.org_id IN " WH_ORG_AND_PAIR("$1::bigint") " ORDER BY u.name",
};
