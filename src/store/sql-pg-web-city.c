/* sql-pg-web-city.c: PostgreSQL text of the 'city' pages' statements (see stmt-web-city.h). */
#include "store/sql-pg.h"
#include "store/sql-public.h"

const char *const pg_sql_web_city[STMT__MAX] = {
	/* The city page's indicators and the full years with figures per district of each, which
	 * view/city.c joins and sorts. SQLite keeps each indicator's years public to everyone in
	 * derived_indicator_years (its migration 0051) and reads them beside the indicators; here
	 * the years are all rows of the second statement, as before 0051: aggregating them per
	 * indicator in the statement (string_agg over a sort) took 0.36 ms against 0.17 ms for the
	 * two statements (EXPLAIN ANALYZE on the demo), and bench/pg.sh's / fell from 444 to 349
	 * requests a second.
	 * () -> every public indicator: (id, key, name, unit, direction, years: NULL), in no set
	 * order */
	[STMT_WEB_CITY_INDICATORS] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, NULL::text AS years FROM indicator i"
		" WHERE " PUB_INDICATOR("i"),
	/* () -> each full (FY) year with the indicators that have figures of it per district (the
	 * counts of district outcomes per indicator and period, derived_indicator_period, migration
	 * 0032) with the figures' publication rule on the counts: (year, indicator_id), in no set
	 * order */
	[STMT_WEB_CITY_INDICATOR_YEARS] =
		"SELECT pe.year, x.indicator_id FROM period pe"
		" JOIN derived_indicator_period x ON x.period_id = pe.id WHERE pe.kind = 'FY' AND x.valued > 0"
		" AND (x.open > 0 OR EXISTS (SELECT 1 FROM indicator i WHERE i.id = x.indicator_id AND "
		SEE_FIGURE_IF("false", "x.period_id", "i") "))",
	/* () -> the key of the first indicator (by key) with a full-year total (sex T) for every
	 * district in some year; no row when none has */
	[STMT_WEB_CITY_DEFAULT_INDICATOR] =
		"SELECT i.key FROM indicator i JOIN period pe ON pe.kind = 'FY'"
		" WHERE EXISTS (SELECT 1 FROM area WHERE level = 'district')"
		" AND NOT EXISTS (SELECT 1 FROM area d WHERE d.level = 'district' AND NOT EXISTS"
		"  (SELECT 1 FROM outcome x WHERE x.indicator_id = i.id AND x.period_id = pe.id"
		"   AND x.area_id = d.id AND x.sex = 'T' AND x.value IS NOT NULL AND " SEE_FIGURE("x", "i") "))"
		" AND " PUB_INDICATOR("i") " ORDER BY i.key LIMIT 1",
	/* () -> every period: (id, year, kind, reports), in no set order (view/city.c puts them
	 * oldest first, T1, T2, FY within a year, where a sort here cost more than the statement);
	 * reports is 0 here: the page counts the reports the caller may read into it (the read
	 * rule of web/authz.h, from STMT_WEB_CITY_PERIOD_REPORTS) */
	[STMT_WEB_CITY_PERIODS] = "SELECT pe.id, pe.year, pe.kind, 0 AS reports FROM period pe",
	/* () -> every report: (period_id, status, org_id, org_pair: its organisation and that
	 * organisation's pair, readable: whether the connection's viewer may read it), by id (SQLite's
	 * scan order) */
	[STMT_WEB_CITY_PERIOD_REPORTS] =
		"SELECT r.period_id, r.status, r.org_id, o.pair_id AS org_pair,"
		" r.status = 'approved' OR lup_reads(r.org_id, o.pair_id) AS readable"
		" FROM report r JOIN organisation o ON o.id = r.org_id ORDER BY r.id",
	/* (year, kind) -> goal fulfilment per organisation in the period: every organisation with
	 * nämndmål or LUP goals of the year or a report of the period: (key, name, report id or
	 * NULL, report status, fulfilled, partly, not, none: assessments of each kind in the report,
	 * unassessed: its goals of the year without an assessment in the report, goals: its goals of
	 * the year, org_id, org_pair: the organisation and its pair, readable: whether the connection's
	 * viewer may read its report), by name */
	[STMT_WEB_CITY_FULFILMENT] =
		"WITH pe AS (SELECT id FROM period WHERE year = $1 AND kind = $2),"
		" orgs AS (SELECT g.owner_id AS id FROM goal g WHERE g.year = $1 AND g.level IN ('namndmal', 'lup')"
		"  AND " PUB_GOAL("g")
		"  UNION SELECT r.org_id FROM report r JOIN pe ON pe.id = r.period_id)"
		" SELECT o.key, o.name, r.id AS report, r.status,"
		" (SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'fulfilled') AS fulfilled,"
		" (SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'partly') AS partly,"
		" (SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'not') AS \"not\","
		" (SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'none') AS none,"
		" (SELECT count(*) FROM goal g WHERE g.owner_id = o.id AND g.year = $1 AND g.level IN ('namndmal', 'lup')"
		"  AND NOT EXISTS (SELECT 1 FROM assessment a WHERE a.report_id = r.id AND a.goal_id = g.id)"
		"  AND " PUB_GOAL("g") ") AS unassessed,"
		" (SELECT count(*) FROM goal g WHERE g.owner_id = o.id AND g.year = $1"
		"  AND g.level IN ('namndmal', 'lup') AND " PUB_GOAL("g") ") AS goals, o.id AS org_id, o.pair_id AS org_pair,"
		" r.status = 'approved' OR lup_reads(r.org_id, o.pair_id) AS readable"
		" FROM orgs JOIN organisation o ON o.id = orgs.id"
		" LEFT JOIN report r ON r.org_id = o.id AND r.period_id = (SELECT id FROM pe)"
		" ORDER BY o.name COLLATE sv, o.id",
	/* The organisations list (web/page-orgs.c) as three small reads the page joins by id, where
	 * one statement joining them (a UNION ALL of four grouped counts, the districts' committees
	 * through a UNION ALL and a LEFT JOIN of each, an automatic index on SQLite) ran 15,058 VM
	 * steps on the demo.
	 * () -> every organisation: (id, kind, key, name, pair_id, city_owned, housing), by id */
	[STMT_WEB_CITY_ORG_LIST] =
		"SELECT o.id, o.kind, o.key, o.name, o.pair_id, o.city_owned, o.housing FROM organisation o ORDER BY o.id",
	/* () -> every district with a committee: (committee_id, key, name), by the district's id */
	[STMT_WEB_CITY_ORG_DISTRICTS] =
		"SELECT a.committee_id, a.key, a.name FROM area a"
		" WHERE a.level = 'district' AND a.committee_id IS NOT NULL ORDER BY a.id",
	/* () -> the public goals (what 0) and activities (what 1) per owner: (what, owner_id, n),
	 * owners without any left out (SQLite's text counts all and those in drafts, what 2 and 3,
	 * which the page subtracts) */
	[STMT_WEB_CITY_ORG_COUNTS] =
		"SELECT 0 AS what, g.owner_id, count(*) AS n FROM goal g WHERE " PUB_GOAL("g") " GROUP BY g.owner_id"
		" UNION ALL SELECT 1, x.owner_id, count(*) FROM activity x WHERE " PUB_ACTIVITY("x") " GROUP BY x.owner_id",
};
