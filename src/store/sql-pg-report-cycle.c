/* sql-pg-report-cycle.c: PostgreSQL text of the report cycle's statements (see
 * stmt-report-cycle.h). */
#include "store/sql-pg.h"

const char *const pg_sql_report_cycle[STMT__MAX] = {
	/* (id) -> (org_id, status, period_id, org_pair, year, kind, decision_date, decision_paragraph) */
	[STMT_RC_STATE] =
		"SELECT r.org_id, r.status, r.period_id, o.pair_id AS org_pair, pe.year, pe.kind,"
		" r.decision_date, r.decision_paragraph FROM report r JOIN organisation o ON o.id = r.org_id"
		" JOIN period pe ON pe.id = r.period_id WHERE r.id = $1",
	/* (key) -> (value, set_by, set_at) */
	[STMT_RC_SETTING] = "SELECT value, set_by, set_at FROM setting WHERE key = $1",
	/* (key, value, user_id, at): changes 1 when the key exists */
	[STMT_RC_SETTING_SET] =
		"INSERT INTO setting (key, value, set_by, set_at) VALUES ($1, $2, $3, $4)"
		" ON CONFLICT (key) DO UPDATE SET value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at",
	/* (report_id, at, user_id, step, comment, meeting_date, paragraph) */
	[STMT_RC_EVENT_INSERT] =
		"INSERT INTO report_event (report_id, at, user_id, step, comment, meeting_date, paragraph)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	/* (report_id) -> (at, user, step, comment, meeting_date, paragraph): the report's history,
	 * oldest first (the relation "events" of kind reports) */
	[STMT_RC_EVENTS] =
		"SELECT ev.at, u.name AS user, ev.step, ev.comment, ev.meeting_date, ev.paragraph FROM report_event ev"
		" LEFT JOIN app_user u ON u.id = ev.user_id WHERE ev.report_id = $1 ORDER BY ev.at, ev.id",
	/* (report_id, goal_id, assessment, analysis): an edit (clears the carried mark) */
	[STMT_RC_ASSESS_UPSERT] =
		"INSERT INTO assessment (report_id, goal_id, assessment, analysis, carried) VALUES ($1, $2, $3, $4, 0)"
		" ON CONFLICT (report_id, goal_id) DO UPDATE SET assessment = excluded.assessment,"
		" analysis = excluded.analysis, carried = 0",
	/* (report_id, activity_id, status, comment): an edit (clears the carried mark) */
	[STMT_RC_ACT_UPSERT] =
		"INSERT INTO activity_update (report_id, activity_id, status, comment, carried) VALUES ($1, $2, $3, $4, 0)"
		" ON CONFLICT (report_id, activity_id) DO UPDATE SET status = excluded.status,"
		" comment = excluded.comment, carried = 0",
	/* (report_id, activity_id): changes 0 or 1 */
	[STMT_RC_ACT_DELETE] = "DELETE FROM activity_update WHERE report_id = $1 AND activity_id = $2",
	/* (id, forecast) */
	[STMT_RC_FORECAST] = "UPDATE report SET forecast = $2 WHERE id = $1",
	/* (id, user_id, at) */
	[STMT_RC_SUBMIT] =
		"UPDATE report SET status = 'submitted', submitted_by = $2, submitted_at = $3"
		" WHERE id = $1 AND status IN ('draft', 'returned')",
	/* (id, status approved|returned, user_id, at, comment): report.comment is the latest
	 * decision's comment; the history is in report_event */
	[STMT_RC_DECIDE] =
		"UPDATE report SET status = $2, decided_by = $3, decided_at = $4, comment = $5"
		" WHERE id = $1 AND status = 'submitted'",
	/* (id, meeting date, paragraph) */
	[STMT_RC_DECISION_SET] = "UPDATE report SET decision_date = $2, decision_paragraph = $3 WHERE id = $1",
	/* (org_id, year, kind) -> the id of the organisation's report of that period, if any */
	[STMT_RC_PREV_REPORT] =
		"SELECT r.id FROM report r JOIN period pe ON pe.id = r.period_id"
		" WHERE r.org_id = $1 AND pe.year = $2 AND pe.kind = $3",
	/* (new report_id, previous report_id): its assessments, marked carried */
	[STMT_RC_CARRY_ASSESSMENTS] =
		"INSERT INTO assessment (report_id, goal_id, assessment, analysis, carried)"
		" SELECT $1::bigint, goal_id, assessment, analysis, 1 FROM assessment WHERE report_id = $2::bigint",
	/* (new report_id, previous report_id): its activity statuses, marked carried */
	[STMT_RC_CARRY_ACTIVITIES] =
		"INSERT INTO activity_update (report_id, activity_id, status, comment, carried)"
		" SELECT $1::bigint, activity_id, status, comment, 1 FROM activity_update WHERE report_id = $2::bigint",
	/* (id) -> what has been written in the report since it was created: assessments other than
	 * an empty "none", activity statuses, a forecast, none of them carried (0: nothing) */
	[STMT_RC_CONTENT] =
		"SELECT (SELECT COUNT(*) FROM assessment a WHERE a.report_id = $1 AND a.carried = 0"
		" AND (a.assessment <> 'none' OR COALESCE(a.analysis, '') <> ''))"
		" + (SELECT COUNT(*) FROM activity_update u WHERE u.report_id = $1 AND u.carried = 0)"
		" + (SELECT COUNT(*) FROM report r WHERE r.id = $1 AND COALESCE(r.forecast, '') <> '')",
	/* (id): the carried and empty assessments of a report being deleted */
	[STMT_RC_DELETE_CARRIED] =
		"DELETE FROM assessment WHERE report_id = $1 AND (carried = 1 OR (assessment = 'none'"
		" AND COALESCE(analysis, '') = ''))",
	/* (id): the carried activity statuses of a report being deleted */
	[STMT_RC_DELETE_CARRIED_ACTS] = "DELETE FROM activity_update WHERE report_id = $1 AND carried = 1",
	/* (id) -> (what 'goal'|'activity', ref_id): the report's rows still carried */
	[STMT_RC_CARRIED] =
		"SELECT 'goal' AS what, goal_id AS ref_id FROM assessment WHERE report_id = $1 AND carried = 1"
		" UNION ALL SELECT 'activity', activity_id FROM activity_update WHERE report_id = $1 AND carried = 1",
	/* (year or NULL) -> (report_id, goal_id, key, name, reason): the same for every report */
	[STMT_RC_NONE_GOALS_ALL] =
		"SELECT a.report_id, g.id AS goal_id, g.key, g.title AS name, a.analysis AS reason FROM assessment a"
		" JOIN goal g ON g.id = a.goal_id JOIN report r ON r.id = a.report_id JOIN period pe ON pe.id = r.period_id"
		" WHERE ($1::bigint IS NULL OR pe.year = $1::bigint) AND a.assessment = 'none' AND COALESCE(a.analysis, '') <> ''"
		" ORDER BY a.report_id, g.key",
};
