/* sql-sqlite-web-city.c: SQLite text of the 'city' pages' statements (see stmt-web-city.h). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* STMT_WEB_CITY_FULFILMENT's period (?1, ?2) and the report r's assessments of each kind */
#define CITY_PERIOD "(SELECT id FROM period WHERE year = ?1 AND kind = ?2)"
#define CITY_ASSESSMENTS \
	"(SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'fulfilled') AS fulfilled," \
	" (SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'partly') AS partly," \
	" (SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'not') AS \"not\"," \
	" (SELECT count(*) FROM assessment a WHERE a.report_id = r.id AND a.assessment = 'none') AS none"

const char *const sqlite_sql_web_city[STMT__MAX] = {
	/* The city page's indicators and the full years with figures per district of each, which
	 * view/city.c joins and sorts. One statement probed derived_indicator_period once per
	 * indicator and full year (370 seeks on the demo, 1.8M instructions of the page's 5.05M);
	 * then a row per full year and indicator (354, 0.40M of 2.24M); now each indicator's years
	 * public to everyone are one text kept per indicator (derived_indicator_years, migration 0051).
	 * () -> every public indicator: (id, key, name, unit, direction, years: its full years with
	 * district figures of which some are public in themselves, ascending, separated by spaces,
	 * NULL when none), in no set order. PostgreSQL's years are NULL and its second statement
	 * gives every year (sql-pg-web-city.c): the view takes the years from both. */
	[STMT_WEB_CITY_INDICATORS] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, y.years FROM indicator i"
		" LEFT JOIN derived_indicator_years y ON y.indicator_id = i.id WHERE " PUB_INDICATOR("i"),
	/* () -> the other full (FY) years with district figures of an indicator: those whose figures
	 * are all behind the figures' publication rule (the counts of derived_indicator_period,
	 * migration 0033, with valued > 0 and open = 0, found through its partial index of 0051),
	 * where the viewer may see them: (year, indicator_id), in no set order */
	[STMT_WEB_CITY_INDICATOR_YEARS] =
		"SELECT pe.year, x.indicator_id FROM derived_indicator_period x INDEXED BY derived_indicator_period_closed"
		" CROSS JOIN period pe WHERE x.valued > 0 AND x.open = 0 AND pe.id = x.period_id AND pe.kind = 'FY'"
		" AND EXISTS (SELECT 1 FROM indicator i WHERE i.id = x.indicator_id AND "
		SEE_FIGURE_IF("0", "x.period_id", "i") ")",
	/* () -> the key of the first indicator (by key) with a full-year total (sex T) for every
	 * district in some year; no row when none has. A district's total is its row of
	 * derived_outcome_sexes (0052: vt, the total's value; bit 4 of shut, the total is not public
	 * in itself), a seek of its three-column key, where outcome_period_area's five columns cost
	 * more (the statement 93K -> 69K instructions on the demo: 14 districts probed). */
	[STMT_WEB_CITY_DEFAULT_INDICATOR] =
		"SELECT i.key FROM indicator i JOIN period pe ON pe.kind = 'FY'"
		" WHERE EXISTS (SELECT 1 FROM area WHERE level = 'district')"
		" AND NOT EXISTS (SELECT 1 FROM area d WHERE d.level = 'district' AND NOT EXISTS"
		"  (SELECT 1 FROM derived_outcome_sexes s WHERE s.indicator_id = i.id AND s.area_id = d.id"
		"   AND s.period_id = pe.id AND s.vt IS NOT NULL AND " SEE_FIGURE_IF("(s.shut & 4) = 0", "pe.id", "i") "))"
		" AND " PUB_INDICATOR("i") " ORDER BY i.key LIMIT 1",
	/* () -> every period: (id, year, kind, reports), in no set order (view/city.c puts them
	 * oldest first, T1, T2, FY within a year, where a sort here cost more than the statement);
	 * reports is 0 here: the page counts the reports the caller may read into it (the read
	 * rule of web/authz.h, from STMT_WEB_CITY_PERIOD_REPORTS) */
	[STMT_WEB_CITY_PERIODS] = "SELECT pe.id, pe.year, pe.kind, 0 AS reports FROM period pe",
	/* () -> every report: (period_id, status, org_id, org_pair: its organisation and that
	 * organisation's pair, readable: whether the connection's viewer may read it) */
	[STMT_WEB_CITY_PERIOD_REPORTS] =
		"SELECT r.period_id, r.status, r.org_id, o.pair_id AS org_pair,"
		" r.status = 'approved' OR lup_reads(r.org_id, o.pair_id) AS readable"
		" FROM report r JOIN organisation o ON o.id = r.org_id",
	/* (year, kind) -> goal fulfilment per organisation in the period: every organisation with
	 * nämndmål or LUP goals of the year or a report of the period: (key, name, report id or
	 * NULL, report status, fulfilled, partly, not, none: assessments of each kind in the report,
	 * unassessed: its goals of the year without an assessment in the report, goals: its goals of
	 * the year, org_id, org_pair: the organisation and its pair, readable: whether the connection's
	 * viewer may read its report), in no set order (view/city.c sorts them by name and id). The
	 * owners of goals as one group each of the year's range of goal_year_owner (0061) in owner
	 * order, counting their goals and those unassessed in the group (no sorter), then the
	 * reports' organisations without such goals: where the owners and the reports' organisations
	 * were a materialized UNION ALL with a count of the goals and one of the unassessed per
	 * organisation, 0.20M instructions on the demo, then 0.13M. Each count by kind is a range of
	 * assessment_report_kind (0061; the page's default period, with a report of 20 assessments:
	 * 259K -> 158K). */
	[STMT_WEB_CITY_FULFILMENT] =
		"SELECT o.key, o.name, r.id AS report, r.status, " CITY_ASSESSMENTS ","
		" sum(r.id IS NULL OR NOT EXISTS (SELECT 1 FROM assessment a WHERE a.report_id = r.id AND a.goal_id = g.id))"
		" AS unassessed, count(*) AS goals, o.id AS org_id, o.pair_id AS org_pair,"
		" r.status = 'approved' OR lup_reads(r.org_id, o.pair_id) AS readable"
		" FROM goal g INDEXED BY goal_year_owner JOIN organisation o ON o.id = g.owner_id"
		" LEFT JOIN report r ON r.org_id = g.owner_id AND r.period_id = " CITY_PERIOD
		" WHERE g.year = ?1 AND g.level IN ('namndmal', 'lup') AND " PUB_GOAL("g") " GROUP BY g.owner_id"
		" UNION ALL SELECT o.key, o.name, r.id, r.status, " CITY_ASSESSMENTS ", 0, 0, o.id, o.pair_id,"
		" r.status = 'approved' OR lup_reads(r.org_id, o.pair_id)"
		" FROM report r JOIN organisation o ON o.id = r.org_id WHERE r.period_id = " CITY_PERIOD
		" AND NOT EXISTS (SELECT 1 FROM goal g INDEXED BY goal_owner_year WHERE g.owner_id = r.org_id AND g.year = ?1"
		"  AND g.level IN ('namndmal', 'lup') AND " PUB_GOAL("g") ")",
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
	/* () -> goals and activities per owner: (what, owner_id, n), what 0 goals, 1 activities, 2
	 * the goals in drafts and 3 the activities in drafts (to subtract: the public ones are the
	 * rest), owners without any left out. Each part reads an index by owner (the drafts' are
	 * partial, DRAFT_*), where counting the public ones tested each row (396K -> 136K
	 * instructions a run on the demo) */
	[STMT_WEB_CITY_ORG_COUNTS] =
		"SELECT 0 AS what, g.owner_id, count(*) AS n FROM goal g GROUP BY g.owner_id"
		" UNION ALL SELECT 1, x.owner_id, count(*) FROM activity x GROUP BY x.owner_id"
		" UNION ALL SELECT 2, g.owner_id, count(*) FROM goal g WHERE " DRAFT_GOAL("g") " GROUP BY g.owner_id"
		" UNION ALL SELECT 3, x.owner_id, count(*) FROM activity x WHERE " DRAFT_ACTIVITY("x") " GROUP BY x.owner_id",
};
