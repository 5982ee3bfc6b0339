/* sql-sqlite-web-follow.c: SQLite text of the 'follow' pages' statements (see stmt-web-follow.h):
 * the commission matrix and the text behind its cells, the full-text search, and the
 * activities of a follow-up report with their status in it. */
#include "store/sql-sqlite.h"

/* The short name of an administration: a district administration goes by its district (that
 * of its pair, the committee, else its own; at most one district per committee, area_committee).
 * Two seeks of area_committee: `committee_id IN (pair_id, id)` built a temporary table per row */
#define SHORT_NAME(o) \
	"coalesce((SELECT a.name FROM area a WHERE a.committee_id = " o ".pair_id AND a.level = 'district')," \
	" (SELECT a.name FROM area a WHERE a.committee_id = " o ".id AND a.level = 'district'), " o ".name)"

/* The activities of a report (rep: the report's id, organisation and year) with the update of
 * each in the report (u, may be missing): those owned by the organisation or its committee/
 * administration pair (og) whose dates (else their plan's years) overlap the report's year, and
 * any the report has an update of already. REPORT_ACTIVITIES_WITH opens the statement,
 * REPORT_ACTIVITIES_FROM follows its columns (STMT_WEB_FOLLOW_REPORT_ACTIVITY's; the list has
 * two parts of its own). The candidates (c) are found by owner
 * (activity_owner) and by the report's updates, then read by id: a scan of every activity with
 * the organisations a correlated list per row built a temporary table per activity */
/* A year of activity a's plan (year_from or year_to), looked up only when coalesce needs it: an
 * activity without dates (a join of plan_version and plan per activity read it for all) */
#define PLAN_YEAR(col) \
	"(SELECT p." col " FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE pv.id = a.plan_version_id)"
/* rep and og are not materialized (each use runs their few seeks again): og is the report's
 * organisation, its pair and those whose pair it is, each once (foreign keys: both exist;
 * pair_id <> id; the third part leaves out the pair found by the second), the same set as "id = org OR pair_id = org OR id =
 * org's pair_id" without that OR's row set and two temporary tables (0.54M -> 0.51M
 * instructions for Spånga-Tensta's 150 activities; session 20) */
#define REPORT_ACTIVITIES_WITH \
	"WITH rep AS NOT MATERIALIZED (SELECT r.id, r.org_id AS org, pe.year FROM report r" \
	"  JOIN period pe ON pe.id = r.period_id WHERE r.id = ?1)," \
	" og AS NOT MATERIALIZED (SELECT org AS id FROM rep" \
	"  UNION ALL SELECT o.pair_id FROM rep CROSS JOIN organisation o ON o.id = rep.org WHERE o.pair_id IS NOT NULL" \
	"  UNION ALL SELECT o.id FROM rep CROSS JOIN organisation o ON o.pair_id = rep.org" \
	"  WHERE o.id IS NOT (SELECT pair_id FROM organisation WHERE id = rep.org)) "
#define REPORT_ACTIVITIES_FROM \
	" FROM rep CROSS JOIN (SELECT id FROM activity WHERE owner_id IN og" \
	"  UNION SELECT activity_id FROM activity_update WHERE report_id = ?1) c" \
	" CROSS JOIN activity a ON a.id = c.id" \
	" LEFT JOIN activity_update u ON u.report_id = rep.id AND u.activity_id = a.id" \
	" LEFT JOIN goal g ON g.id = a.goal_id" \
	" WHERE (u.report_id IS NOT NULL OR (a.owner_id IN og" \
	"  AND rep.year BETWEEN coalesce(a.start_first / 10000, " PLAN_YEAR("year_from") ", rep.year)" \
	"  AND coalesce(a.end_last / 10000, " PLAN_YEAR("year_to") ", rep.year)))"

/* The columns of STMT_WEB_FOLLOW_REPORT_ACTIVITIES (a: the activity, g: its goal, u: its update) */
#define REPORT_ACTIVITY_COLS \
	"a.id, a.key, a.title AS name, a.start_text AS start, a.end_text AS end, a.status AS activity_status," \
	" g.id AS goal_id, g.key AS goal, g.level AS goal_level, g.number AS goal_number, g.title AS goal_name," \
	" coalesce(u.status, a.status) AS status, u.comment, u.report_id IS NOT NULL AS reported"

const char *const sqlite_sql_web_follow[STMT__MAX] = {
	/* () -> (id, key, title, year): the commission's reports */
	[STMT_WEB_FOLLOW_REPORTS] =
		"SELECT id, key, title, year FROM commission_report ORDER BY title COLLATE sv, id",
	/* () -> (id, report_id, number, text, rec_number, rec_text): every measure with its
	 * recommendation (NULL when the document gives none); the caller sorts them by number */
	[STMT_WEB_FOLLOW_MEASURES] =
		"SELECT m.id, m.report_id, m.number, m.text, r.number AS rec_number, r.text AS rec_text"
		" FROM commission_measure m LEFT JOIN recommendation r ON r.id = m.recommendation_id",
	/* () -> (org_id, key, short_name, name): the administrations that answered some measure,
	 * in the document's order. The answering administrations are the distinct values of
	 * response_org, each looked up in organisation */
	[STMT_WEB_FOLLOW_COLUMNS] =
		"SELECT o.id, o.key, " SHORT_NAME("o") " AS short_name, o.name"
		" FROM (SELECT DISTINCT org_id FROM response) x CROSS JOIN organisation o ON o.id = x.org_id"
		" LEFT JOIN commission_admin ca ON ca.org_id = o.id"
		" ORDER BY coalesce(ca.ord, 1000000000), o.name COLLATE sv",
	/* () -> (measure_id, org_id, response_id, stance, no_response): every response, in no set
	 * order (the caller sorts them and finds their measures' reports) */
	[STMT_WEB_FOLLOW_CELLS] =
		"SELECT measure_id, org_id, id, stance, no_response FROM response",
	/* () -> (org_id, key, name, grp, no_response, marker, stance, ord): every administration
	 * the commission document lists, by its place in the document (the caller puts those that
	 * share a place in Swedish order of their names, and counts their responses among the
	 * cells). commission_admin_list (migration 0041) holds these columns in that order: the
	 * table's rows carry the statements (2 KB on average, up to 8 KB), and stance comes after
	 * statement, so reading it from the table read the statement's overflow pages. CROSS JOIN
	 * keeps commission_admin (some 30 rows) the outer loop: with a plain JOIN SQLite scanned all
	 * of organisation (210 rows in the demo) and looked each up in commission_admin */
	[STMT_WEB_FOLLOW_ADMINS] =
		"SELECT ca.org_id, o.key, o.name, ca.grp, ca.no_response, ca.marker, ca.stance, ca.ord"
		" FROM commission_admin ca INDEXED BY commission_admin_list CROSS JOIN organisation o ON o.id = ca.org_id"
		" ORDER BY ca.ord",
	/* (response id) -> (id, stance, stance_phrase, no_response, org_key, org_name, measure_id,
	 * number, measure_text, report_key, report_title, rec_number, rec_text) */
	[STMT_WEB_FOLLOW_RESPONSE] =
		"SELECT r.id, r.stance, r.stance_phrase, r.no_response, o.key, o.name, m.id, m.number, m.text,"
		" cr.key, cr.title, rec.number, rec.text FROM response r"
		" JOIN organisation o ON o.id = r.org_id JOIN commission_measure m ON m.id = r.measure_id"
		" JOIN commission_report cr ON cr.id = m.report_id"
		" LEFT JOIN recommendation rec ON rec.id = m.recommendation_id WHERE r.id = ?1",
	/* (response id) -> (measure_id, number, text, report_title): the other measures it cites */
	[STMT_WEB_FOLLOW_RESPONSE_REFS] =
		"SELECT m.id, m.number, m.text, cr.title FROM measure_ref x"
		" JOIN commission_measure m ON m.id = x.measure_id JOIN commission_report cr ON cr.id = m.report_id"
		" WHERE x.response_id = ?1 ORDER BY cr.title COLLATE sv, m.number",
	/* (measure id, response id) -> (id, org_name, stance): the other answers to that measure */
	[STMT_WEB_FOLLOW_MEASURE_RESPONSES] =
		"SELECT r.id, o.name, r.stance, r.no_response FROM response r JOIN organisation o ON o.id = r.org_id"
		" WHERE r.measure_id = ?1 AND r.id <> ?2 ORDER BY o.name COLLATE sv",
	/* (org key) -> (id, key, name, grp, heading, no_response, marker, statement, stance,
	 * stance_phrase): an administration's part of the commission document; the commission_admin
	 * columns are NULL for one that has responses but no part of its own */
	[STMT_WEB_FOLLOW_ADMIN] =
		"SELECT o.id, o.key, o.name, ca.grp, ca.heading, ca.no_response, ca.marker, ca.statement,"
		" ca.stance, ca.stance_phrase FROM organisation o LEFT JOIN commission_admin ca ON ca.org_id = o.id"
		" WHERE o.key = ?1 AND (ca.org_id IS NOT NULL OR EXISTS (SELECT 1 FROM response r WHERE r.org_id = o.id))",
	/* (org id) -> (key, title): the reports its section names */
	[STMT_WEB_FOLLOW_ADMIN_REPORTS] =
		"SELECT cr.key, cr.title FROM commission_admin_report x JOIN commission_report cr ON cr.id = x.report_id"
		" WHERE x.org_id = ?1 ORDER BY cr.title COLLATE sv",
	/* (org id) -> (id, stance, no_response, measure_id, number, measure_text, report_title) */
	[STMT_WEB_FOLLOW_ADMIN_RESPONSES] =
		"SELECT r.id, r.stance, r.no_response, m.id, m.number, m.text, cr.title FROM response r"
		" JOIN commission_measure m ON m.id = r.measure_id JOIN commission_report cr ON cr.id = m.report_id"
		" WHERE r.org_id = ?1 ORDER BY cr.title COLLATE sv, m.number",
	/* (report id) -> (id, key, name, start, end, activity_status, goal_id, goal, goal_level,
	 * goal_number, goal_name, status, comment, reported): the report's activities (see
	 * REPORT_ACTIVITIES_FROM), each with its status in the report (its own status when the
	 * report has no update of it: reported 0) and the report's comment; in no set order. The
	 * to-do list counts those without an update (view/todo.c); the report page and the API read
	 * the same set as STMT_WEB_FOLLOW_REPORT_ACTS. Two parts rather than REPORT_ACTIVITIES_FROM's
	 * candidates: the organisations' activities (activity_owner) of the year or with an update,
	 * then the updated activities of other owners; the UNION of the candidates (a temporary
	 * b-tree) and the second test of the owner per activity cost 0.4M instructions of 1.3M
	 * (session 18) */
	[STMT_WEB_FOLLOW_REPORT_ACTIVITIES] =
		REPORT_ACTIVITIES_WITH "SELECT " REPORT_ACTIVITY_COLS " FROM rep CROSS JOIN og CROSS JOIN activity a ON a.owner_id = og.id"
		" LEFT JOIN activity_update u ON u.report_id = rep.id AND u.activity_id = a.id"
		" LEFT JOIN goal g ON g.id = a.goal_id"
		" WHERE u.report_id IS NOT NULL OR rep.year BETWEEN coalesce(a.start_first / 10000, " PLAN_YEAR("year_from") ", rep.year)"
		"  AND coalesce(a.end_last / 10000, " PLAN_YEAR("year_to") ", rep.year)"
		" UNION ALL SELECT " REPORT_ACTIVITY_COLS " FROM rep CROSS JOIN activity_update u ON u.report_id = rep.id"
		" CROSS JOIN activity a ON a.id = u.activity_id LEFT JOIN goal g ON g.id = a.goal_id"
		" WHERE a.owner_id NOT IN og",
	/* (report id) -> (kind, id, key, name, start, end, status, goal_id, comment): the activities of
	 * STMT_WEB_FOLLOW_REPORT_ACTIVITIES (the same set) and the report's updates, as rows of two
	 * kinds in no set order, for view/report.c, which puts each update on its activity and
	 * finds the goals' texts by id (STMT_WEB_FOLLOW_REPORT_GOAL_TEXTS, once a page): kind 0 an
	 * activity (status its own, comment NULL), kind 1 an update (id the activity's, status and
	 * comment the report's; the other columns NULL). The update is sought per activity only for
	 * one outside the year (EXISTS after the OR), and no goal per activity: those seeks were
	 * 0.35M instructions of the 0.9M for Spånga-Tensta's 152 activities (session 18). */
	[STMT_WEB_FOLLOW_REPORT_ACTS] =
		REPORT_ACTIVITIES_WITH "SELECT 0, a.id, a.key, a.title, a.start_text, a.end_text, a.status, a.goal_id, NULL"
		" FROM rep CROSS JOIN og CROSS JOIN activity a ON a.owner_id = og.id"
		" WHERE rep.year BETWEEN coalesce(a.start_first / 10000, " PLAN_YEAR("year_from") ", rep.year)"
		"  AND coalesce(a.end_last / 10000, " PLAN_YEAR("year_to") ", rep.year)"
		"  OR EXISTS (SELECT 1 FROM activity_update u WHERE u.report_id = rep.id AND u.activity_id = a.id)"
		" UNION ALL SELECT 0, a.id, a.key, a.title, a.start_text, a.end_text, a.status, a.goal_id, NULL"
		" FROM rep CROSS JOIN activity_update u ON u.report_id = rep.id CROSS JOIN activity a ON a.id = u.activity_id"
		" WHERE a.owner_id NOT IN og"
		" UNION ALL SELECT 1, activity_id, NULL, NULL, NULL, NULL, status, NULL, comment FROM activity_update"
		" WHERE report_id = ?1",
	/* (goal ids joined by commas) -> (id, key, level, number, title): those goals as a report's
	 * activity list shows them (as STMT_WEB_FOLLOW_REPORT_ACTIVITIES's LEFT JOIN of goal: no rule
	 * of visibility), in no order; one statement, not one a goal (session 19) */
	[STMT_WEB_FOLLOW_REPORT_GOAL_TEXTS] =
		"SELECT g.id, g.key, g.level, g.number, g.title FROM json_each('[' || ?1 || ']') j"
		" CROSS JOIN goal g ON g.id = j.value",
	/* (report id, activity id) -> (id) when the activity is one of the report's */
	[STMT_WEB_FOLLOW_REPORT_ACTIVITY] =
		REPORT_ACTIVITIES_WITH "SELECT a.id" REPORT_ACTIVITIES_FROM " AND a.id = ?2",
	/* (report id) -> (activity, name, status, comment): the report's updates, for its JSON
	 * (the relation "activities" of kind reports) */
	[STMT_WEB_FOLLOW_REL_REPORT_ACTIVITIES] =
		"SELECT a.key AS activity, a.title AS name, u.status, u.comment, u.carried FROM activity_update u"
		" JOIN activity a ON a.id = u.activity_id WHERE u.report_id = ?1 ORDER BY a.key",
};
