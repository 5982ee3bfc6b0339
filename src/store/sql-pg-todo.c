/* sql-pg-todo.c: PostgreSQL text of "Att göra"'s statements (stmt-todo.h). */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* The organisation $N, its recorded pair and the organisations recording it as their pair. */
#define ORG_AND_PAIR(n) \
	"(SELECT id FROM organisation WHERE id = " n " OR pair_id = " n \
	" OR id = (SELECT pair_id FROM organisation WHERE id = " n "))"

/* The organisations that report: committees and company boards. */
#define REPORTING_KINDS "('district_committee','specialist_committee','company_board')"

const char *const pg_sql_todo[STMT__MAX] = {
	/* (first year) -> (year, kind, due): the city's deadlines of the year and later, by due day */
	[STMT_TODO_DEADLINES] =
		"SELECT year, kind, due FROM deadline WHERE org_id IS NULL AND level = 'city' AND year >= $1"
		" ORDER BY due, year, kind",
	/* (org_id) -> (id, key, name) */
	[STMT_TODO_ORG] =
		"SELECT id, key, name FROM organisation WHERE id = $1",
	/* (first year) -> (id, key, name): the organisations the city expects reports from: every
	 * committee and company board, and any other organisation with a report of the year or later
	 * whose committee/administration pair is not one of those */
	[STMT_TODO_ORGS] =
		"SELECT o.id, o.key, o.name FROM organisation o WHERE o.kind IN " REPORTING_KINDS
		" OR (EXISTS (SELECT 1 FROM report r JOIN period p ON p.id = r.period_id"
		"  WHERE r.org_id = o.id AND p.year >= $1)"
		"  AND NOT EXISTS (SELECT 1 FROM organisation c WHERE c.kind IN " REPORTING_KINDS
		"  AND (c.id = o.pair_id OR c.pair_id = o.id)))"
		" ORDER BY o.name COLLATE sv, o.id",
	/* (org_id, year, kind) -> (id, status, comment): the report of the organisation (or its pair)
	 * for the period, the one furthest along when both have one */
	[STMT_TODO_REPORT] =
		"SELECT r.id, r.status, r.comment FROM report r JOIN period p ON p.id = r.period_id"
		" WHERE r.org_id IN " ORG_AND_PAIR("$1") " AND p.year = $2 AND p.kind = $3"
		" ORDER BY CASE r.status WHEN 'approved' THEN 0 WHEN 'submitted' THEN 1 WHEN 'returned' THEN 2"
		" ELSE 3 END, r.id LIMIT 1",
	/* (org_id, first year) -> (id, year, kind, status, comment): the organisation's (or its
	 * pair's) open reports (draft or returned) of the year and later */
	[STMT_TODO_OPEN_REPORTS] =
		"SELECT r.id, p.year, p.kind, r.status, r.comment FROM report r JOIN period p ON p.id = r.period_id"
		" WHERE r.org_id IN " ORG_AND_PAIR("$1") " AND p.year >= $2 AND r.status IN ('draft','returned')"
		" ORDER BY p.year, CASE p.kind WHEN 'T1' THEN 1 WHEN 'T2' THEN 2 ELSE 3 END, r.id",
	/* (report_id) -> (id, key, number, name): the nämndmål of the report's organisation (or its
	 * pair) and year that the report does not assess (no assessment, or 'none' without a reason: the rule
	 * of edit/report.c's submit, whose write path refuses a reason that says nothing) */
	[STMT_TODO_UNASSESSED] =
		"SELECT g.id, g.key, g.number, g.title AS name FROM report r JOIN period pe ON pe.id = r.period_id"
		" JOIN goal g ON g.level = 'namndmal' AND g.year = pe.year AND g.owner_id IN " ORG_AND_PAIR("r.org_id")
		" LEFT JOIN assessment a ON a.report_id = r.id AND a.goal_id = g.id"
		" WHERE r.id = $1 AND coalesce(a.assessment, 'none') = 'none' AND trim(coalesce(a.analysis, '')) = ''"
		" AND " PUB_GOAL("g")
		" ORDER BY g.id",
	/* (org_id, first year, last year, today YYYY-MM-DD) -> (id, key, name, year, kind): the
	 * indicators of the organisation's (or its pair's) goals of the years with no outcome (other
	 * than example data) for a period of the goal's year that has ended before today; an
	 * indicator followed up per year (periodicity 'year') only for the full year (FY); Kolada's
	 * indicators are not the organisation's to record */
	[STMT_TODO_MISSING] =
		"WITH k(kind, md, ord) AS (VALUES ('T1', '-04-30', 1), ('T2', '-08-31', 2), ('FY', '-12-31', 3))"
		" SELECT i.id, i.key, i.name, g.year, k.kind FROM indicator i JOIN goal g ON g.id = i.goal_id CROSS JOIN k"
		" WHERE g.owner_id IN " ORG_AND_PAIR("$1") " AND g.year BETWEEN $2 AND $3"
		" AND (g.year || k.md) < $4 AND (i.periodicity <> 'year' OR k.kind = 'FY')"
		" AND i.source_kind <> 'kolada' AND " PUB_INDICATOR("i")
		" AND NOT EXISTS (SELECT 1 FROM outcome x JOIN period p ON p.id = x.period_id"
		"  WHERE x.indicator_id = i.id AND p.year = g.year AND p.kind = k.kind AND x.example = 0)"
		" ORDER BY g.year, k.ord, g.id, i.ord, i.id",
};
