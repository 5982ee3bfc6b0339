/* sql-pg-web-follow.c: PostgreSQL text of the 'follow' pages' statements (see stmt-web-follow.h):
 * the commission matrix and the text behind its cells, the full-text search, and the
 * activities of a follow-up report with their status in it. */
#include "store/sql-pg.h"

/* The activities of a report (rep: the report's id, organisation and year) with the update of
 * each in the report (u, may be missing): those owned by the organisation or its committee/
 * administration pair (og) whose dates (else their plan's years) overlap the report's year, and
 * any the report has an update of already. REPORT_ACTIVITIES_WITH opens the statement,
 * REPORT_ACTIVITIES_FROM follows its columns (STMT_WEB_FOLLOW_REPORT_ACTIVITY's; the list has
 * two parts of its own). The organisations are found once (og), not by a
 * subplan per activity that scanned organisation each time */
#define REPORT_ACTIVITIES_WITH \
	"WITH rep AS (SELECT r.id, r.org_id AS org, pe.year FROM report r JOIN period pe ON pe.id = r.period_id" \
	"  WHERE r.id = $1)," \
	" og AS (SELECT o.id FROM organisation o WHERE o.id = (SELECT org FROM rep) OR o.pair_id = (SELECT org FROM rep)" \
	"  OR o.id = (SELECT pair_id FROM organisation WHERE id = (SELECT org FROM rep))) "
#define REPORT_ACTIVITIES_FROM \
	" FROM rep CROSS JOIN (SELECT id FROM activity WHERE owner_id IN (SELECT id FROM og)" \
	"  UNION SELECT activity_id FROM activity_update WHERE report_id = $1) c" \
	" JOIN activity a ON a.id = c.id" \
	" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id" \
	" LEFT JOIN activity_update u ON u.report_id = rep.id AND u.activity_id = a.id" \
	" LEFT JOIN goal g ON g.id = a.goal_id" \
	" WHERE (u.report_id IS NOT NULL OR (a.owner_id IN (SELECT id FROM og)" \
	"  AND rep.year BETWEEN coalesce(a.start_first / 10000, p.year_from, rep.year)" \
	"  AND coalesce(a.end_last / 10000, p.year_to, rep.year)))"

/* The columns of STMT_WEB_FOLLOW_REPORT_ACTIVITIES (a: the activity, g: its goal, u: its update) */
#define REPORT_ACTIVITY_COLS \
	"a.id, a.key, a.title AS name, a.start_text AS start, a.end_text AS end, a.status AS activity_status," \
	" g.id AS goal_id, g.key AS goal, g.level AS goal_level, g.number AS goal_number, g.title AS goal_name," \
	" coalesce(u.status, a.status) AS status, u.comment, u.report_id IS NOT NULL AS reported"

const char *const pg_sql_web_follow[STMT__MAX] = {
	/* () -> (id, key, title, year): the commission's reports */
	[STMT_WEB_FOLLOW_REPORTS] =
		"SELECT id, key, title, year FROM commission_report ORDER BY title COLLATE sv, id",
	/* () -> (id, report_id, number, text, rec_number, rec_text): every measure with its
	 * recommendation (NULL when the document gives none), by id (SQLite's scan order); the caller
	 * sorts them by number */
	[STMT_WEB_FOLLOW_MEASURES] =
		"SELECT m.id, m.report_id, m.number, m.text, r.number AS rec_number, r.text AS rec_text"
		" FROM commission_measure m LEFT JOIN recommendation r ON r.id = m.recommendation_id ORDER BY m.id",
	/* () -> (org_id, key, short_name, name): the administrations that answered some measure,
	 * in the document's order */
	[STMT_WEB_FOLLOW_COLUMNS] =
		/* The short name of an administration: a district administration goes by its
		 * district (the district of its pair, the committee, else its own). The districts'
		 * names by committee are read once and joined (a district per committee; the lowest
		 * name if there were more): as a subquery per administration with LIMIT 1 the planner
		 * scanned area once for each (0.11 -> 0.07-0.10 ms in the demo) */
		"WITH dc AS MATERIALIZED (SELECT committee_id, min(name) AS name FROM area"
		"  WHERE level = 'district' AND committee_id IS NOT NULL GROUP BY committee_id)"
		" SELECT o.id, o.key, coalesce(d1.name, d2.name, o.name) AS short_name, o.name"
		" FROM organisation o LEFT JOIN commission_admin ca ON ca.org_id = o.id"
		" LEFT JOIN dc d1 ON d1.committee_id = o.pair_id LEFT JOIN dc d2 ON d2.committee_id = o.id"
		" WHERE o.id IN (SELECT org_id FROM response)"
		" ORDER BY coalesce(ca.ord, 1000000000), o.name COLLATE sv",
	/* () -> (measure_id, org_id, response_id, stance, no_response): every response, in no set
	 * order (the caller sorts them and finds their measures' reports) */
	[STMT_WEB_FOLLOW_CELLS] =
		"SELECT measure_id, org_id, id, stance, no_response FROM response",
	/* () -> (org_id, key, name, grp, no_response, marker, stance, ord): every administration
	 * the commission document lists, in its order (the caller counts its responses among the
	 * cells) */
	[STMT_WEB_FOLLOW_ADMINS] =
		"SELECT ca.org_id, o.key, o.name, ca.grp, ca.no_response, ca.marker, ca.stance, ca.ord"
		" FROM commission_admin ca JOIN organisation o ON o.id = ca.org_id"
		" ORDER BY ca.ord, o.name COLLATE sv",
	/* (response id) -> (id, stance, stance_phrase, no_response, org_key, org_name, measure_id,
	 * number, measure_text, report_key, report_title, rec_number, rec_text) */
	[STMT_WEB_FOLLOW_RESPONSE] =
		"SELECT r.id, r.stance, r.stance_phrase, r.no_response, o.key, o.name, m.id, m.number, m.text,"
		" cr.key, cr.title, rec.number, rec.text FROM response r"
		" JOIN organisation o ON o.id = r.org_id JOIN commission_measure m ON m.id = r.measure_id"
		" JOIN commission_report cr ON cr.id = m.report_id"
		" LEFT JOIN recommendation rec ON rec.id = m.recommendation_id WHERE r.id = $1",
	/* (response id) -> (measure_id, number, text, report_title): the other measures it cites */
	[STMT_WEB_FOLLOW_RESPONSE_REFS] =
		"SELECT m.id, m.number, m.text, cr.title FROM measure_ref x"
		" JOIN commission_measure m ON m.id = x.measure_id JOIN commission_report cr ON cr.id = m.report_id"
		" WHERE x.response_id = $1 ORDER BY cr.title COLLATE sv, m.number",
	/* (measure id, response id) -> (id, org_name, stance): the other answers to that measure */
	[STMT_WEB_FOLLOW_MEASURE_RESPONSES] =
		"SELECT r.id, o.name, r.stance, r.no_response FROM response r JOIN organisation o ON o.id = r.org_id"
		" WHERE r.measure_id = $1 AND r.id <> $2 ORDER BY o.name COLLATE sv",
	/* (org key) -> (id, key, name, grp, heading, no_response, marker, statement, stance,
	 * stance_phrase): an administration's part of the commission document; the commission_admin
	 * columns are NULL for one that has responses but no part of its own */
	[STMT_WEB_FOLLOW_ADMIN] =
		"SELECT o.id, o.key, o.name, ca.grp, ca.heading, ca.no_response, ca.marker, ca.statement,"
		" ca.stance, ca.stance_phrase FROM organisation o LEFT JOIN commission_admin ca ON ca.org_id = o.id"
		" WHERE o.key = $1 AND (ca.org_id IS NOT NULL OR EXISTS (SELECT 1 FROM response r WHERE r.org_id = o.id))",
	/* (org id) -> (key, title): the reports its section names */
	[STMT_WEB_FOLLOW_ADMIN_REPORTS] =
		"SELECT cr.key, cr.title FROM commission_admin_report x JOIN commission_report cr ON cr.id = x.report_id"
		" WHERE x.org_id = $1 ORDER BY cr.title COLLATE sv",
	/* (org id) -> (id, stance, no_response, measure_id, number, measure_text, report_title) */
	[STMT_WEB_FOLLOW_ADMIN_RESPONSES] =
		"SELECT r.id, r.stance, r.no_response, m.id, m.number, m.text, cr.title FROM response r"
		" JOIN commission_measure m ON m.id = r.measure_id JOIN commission_report cr ON cr.id = m.report_id"
		" WHERE r.org_id = $1 ORDER BY cr.title COLLATE sv, m.number",
	/* (report id) -> (id, key, name, start, end, activity_status, goal_id, goal, goal_level,
	 * goal_number, goal_name, status, comment, reported): the report's activities (see
	 * REPORT_ACTIVITIES_FROM), each with its status in the report (its own status when the
	 * report has no update of it: reported 0) and the report's comment; in no set order (the
	 * to-do list counts them; the page and the API read STMT_WEB_FOLLOW_REPORT_ACTS). Two parts,
	 * as the SQLite text: the organisations' activities of the year or with an update, then the
	 * updated activities of other owners */
	[STMT_WEB_FOLLOW_REPORT_ACTIVITIES] =
		REPORT_ACTIVITIES_WITH "SELECT " REPORT_ACTIVITY_COLS " FROM rep CROSS JOIN og JOIN activity a ON a.owner_id = og.id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" LEFT JOIN activity_update u ON u.report_id = rep.id AND u.activity_id = a.id"
		" LEFT JOIN goal g ON g.id = a.goal_id"
		" WHERE u.report_id IS NOT NULL OR rep.year BETWEEN coalesce(a.start_first / 10000, p.year_from, rep.year)"
		"  AND coalesce(a.end_last / 10000, p.year_to, rep.year)"
		" UNION ALL SELECT " REPORT_ACTIVITY_COLS " FROM rep JOIN activity_update u ON u.report_id = rep.id"
		" JOIN activity a ON a.id = u.activity_id LEFT JOIN goal g ON g.id = a.goal_id"
		" WHERE a.owner_id NOT IN (SELECT id FROM og)",
	/* (report id) -> (kind, id, key, name, start, end, status, goal_id, comment): the activities
	 * and the report's updates as rows of two kinds (see the SQLite text) */
	[STMT_WEB_FOLLOW_REPORT_ACTS] =
		REPORT_ACTIVITIES_WITH "SELECT 0, a.id, a.key, a.title, a.start_text, a.end_text, a.status, a.goal_id,"
		" NULL::text FROM rep CROSS JOIN og JOIN activity a ON a.owner_id = og.id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE rep.year BETWEEN coalesce(a.start_first / 10000, p.year_from, rep.year)"
		"  AND coalesce(a.end_last / 10000, p.year_to, rep.year)"
		"  OR EXISTS (SELECT 1 FROM activity_update u WHERE u.report_id = rep.id AND u.activity_id = a.id)"
		" UNION ALL SELECT 0, a.id, a.key, a.title, a.start_text, a.end_text, a.status, a.goal_id, NULL"
		" FROM rep JOIN activity_update u ON u.report_id = rep.id JOIN activity a ON a.id = u.activity_id"
		" WHERE a.owner_id NOT IN (SELECT id FROM og)"
		" UNION ALL SELECT 1, activity_id, NULL, NULL, NULL, NULL, status, NULL, comment FROM activity_update"
		" WHERE report_id = $1",
	/* (goal ids joined by commas) -> (id, key, level, number, title), in no order */
	[STMT_WEB_FOLLOW_REPORT_GOAL_TEXTS] =
		"SELECT id, key, level, number, title FROM goal WHERE id = ANY (string_to_array($1::text, ',')::bigint[])",
	/* (report id, activity id) -> (id) when the activity is one of the report's */
	[STMT_WEB_FOLLOW_REPORT_ACTIVITY] =
		REPORT_ACTIVITIES_WITH "SELECT a.id" REPORT_ACTIVITIES_FROM " AND a.id = $2",
	/* (report id) -> (activity, name, status, comment): the report's updates, for its JSON
	 * (the relation "activities" of kind reports) */
	[STMT_WEB_FOLLOW_REL_REPORT_ACTIVITIES] =
		"SELECT a.key AS activity, a.title AS name, u.status, u.comment, u.carried FROM activity_update u"
		" JOIN activity a ON a.id = u.activity_id WHERE u.report_id = $1 ORDER BY a.key",
};
