/* sql-pg-web-forms.c: PostgreSQL text of the 'forms' pages' statements (see stmt-web-forms.h). */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* the order of the reports of a year: T1, T2, then the annual report */
#define KIND_ORD(k) "CASE " k " WHEN 'T1' THEN 1 WHEN 'T2' THEN 2 ELSE 3 END"

const char *const pg_sql_web_forms[STMT__MAX] = {
	/* (id) -> the report with its organisation, period and who submitted and decided it */
	[STMT_WEB_FORMS_REPORT] =
		"SELECT r.id, r.org_id, o.key AS org, o.name AS org_name, o.pair_id AS org_pair, pe.year,"
		" pe.kind AS period, r.status, r.forecast, r.comment, su.name AS submitted_by, r.submitted_at,"
		" du.name AS decided_by, r.decided_at FROM report r JOIN organisation o ON o.id = r.org_id"
		" JOIN period pe ON pe.id = r.period_id LEFT JOIN app_user su ON su.id = r.submitted_by"
		" LEFT JOIN app_user du ON du.id = r.decided_by WHERE r.id = $1",
	/* (year or NULL) -> every report, the newest period first */
	[STMT_WEB_FORMS_REPORTS] =
		"SELECT r.id, r.org_id, o.key AS org, o.name AS org_name, o.pair_id AS org_pair, pe.year,"
		" pe.kind AS period, r.status, r.submitted_at, r.decided_at FROM report r"
		" JOIN organisation o ON o.id = r.org_id JOIN period pe ON pe.id = r.period_id"
		" WHERE $1::bigint IS NULL OR pe.year = $1::bigint"
		" ORDER BY pe.year DESC, " KIND_ORD("pe.kind") " DESC, o.name COLLATE sv",
	/* (org_id, year, kind) -> the report of the organisation for the period, if any */
	[STMT_WEB_FORMS_REPORT_FIND] =
		"SELECT r.id FROM report r JOIN period pe ON pe.id = r.period_id"
		" WHERE r.org_id = $1 AND pe.year = $2 AND pe.kind = $3",
	/* (org_id, year) -> the nämndmål of the organisation, or of its committee/administration
	 * pair, for the year, in document order, with the KF goal above each (parent_id) */
	[STMT_WEB_FORMS_REPORT_GOALS] =
		"SELECT g.id, g.key, g.number, g.title AS name, g.parent_id FROM goal g WHERE g.level = 'namndmal'"
		" AND g.year = $2 AND g.owner_id IN (SELECT id FROM organisation WHERE id = $1 OR pair_id = $1"
		"  OR id = (SELECT pair_id FROM organisation WHERE id = $1)) AND " PUB_GOAL("g") " ORDER BY g.id",
	/* (report_id) -> the stored assessments by goal id (in goal id order, as SQLite's key gives) */
	[STMT_WEB_FORMS_ASSESSMENTS] =
		"SELECT goal_id, assessment, analysis FROM assessment WHERE report_id = $1 ORDER BY goal_id",
	/* (org_id) -> the area whose outcomes the organisation follows up: the district it is the
	 * committee (or administration) of, else the municipality */
	[STMT_WEB_FORMS_ORG_AREA] =
		"SELECT a.id, a.key, a.name, a.level FROM area a WHERE (a.level = 'district'"
		" AND (a.committee_id = $1 OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = $1)))"
		" OR a.level = 'municipality' ORDER BY a.level = 'district' DESC, a.id LIMIT 1",
	/* (org_id, year, period kind, area_id) -> (kind, ...): the report's indicators (kind 0: (0, id,
	 * goal_id, ord, shared, key, name, unit, direction, target, kf_target, NULL, NULL)) and the
	 * outcomes (total) in the area of the period, of the same period the year before and of that
	 * year's annual outcome (kinds 1, 2, 3: (kind, indicator_id, nine NULLs, value, example)), in
	 * no set order; see the SQLite text (sql-sqlite-web-forms.c) for what each part returns and
	 * why. The outcomes are ranges of outcome_period_area_pg's (period, area), each indicator's
	 * found by the caller (view/report.c); the targets two joins of target (PostgreSQL has no
	 * derived_indicator_targets, 0060). */
	[STMT_WEB_FORMS_REPORT_INDICATORS] =
		"WITH og AS (SELECT id FROM organisation WHERE id = $1 OR pair_id = $1"
		"  OR id = (SELECT pair_id FROM organisation WHERE id = $1)),"
		" gs AS (SELECT g.id, g.parent_id FROM goal g WHERE g.level = 'namndmal' AND g.year = $2"
		"  AND g.owner_id IN (SELECT id FROM og) AND " PUB_GOAL("g") ")"
		" SELECT i.id, i.goal_id, i.ord, (i.owner_id IN (SELECT id FROM og) AND " PUB_INDICATOR("i") ")::int,"
		" i.key, i.name, i.unit, i.direction, tn.text, tk.text"
		" FROM gs JOIN indicator i ON i.goal_id = gs.id"
		" LEFT JOIN target tn ON tn.indicator_id = i.id AND tn.year = $2 AND tn.kind = 'own' AND tn.sex = 'T'"
		" LEFT JOIN target tk ON tk.indicator_id = i.id AND tk.year = $2 AND tk.kind = 'kf' AND tk.sex = 'T'"
		" WHERE " PUB_INDICATOR("i")
		" UNION ALL SELECT i.id, i.goal_id, i.ord, 1, i.key, i.name, i.unit, i.direction, tn.text, tk.text"
		" FROM indicator i"
		" LEFT JOIN target tn ON tn.indicator_id = i.id AND tn.year = $2 AND tn.kind = 'own' AND tn.sex = 'T'"
		" LEFT JOIN target tk ON tk.indicator_id = i.id AND tk.year = $2 AND tk.kind = 'kf' AND tk.sex = 'T'"
		" WHERE i.owner_id IN (SELECT id FROM og) AND " PUB_INDICATOR("i") " AND i.goal_id IN (SELECT parent_id FROM gs)",
	/* (year, period kind, area_id) -> (kind, indicator_id, value, example): the outcomes of
	 * SQLite's text, from outcome (sex T) */
	[STMT_WEB_FORMS_REPORT_FIGURES] =
		"SELECT 1, indicator_id, value, example::int FROM outcome"
		" WHERE period_id = (SELECT id FROM period WHERE year = $1 AND kind = $2) AND area_id = $3 AND sex = 'T'"
		" UNION ALL SELECT 2, indicator_id, value, NULL FROM outcome"
		" WHERE period_id = (SELECT id FROM period WHERE year = $1::bigint - 1 AND kind = $2) AND area_id = $3 AND sex = 'T'"
		" UNION ALL SELECT 3, indicator_id, value, NULL FROM outcome"
		" WHERE period_id = (SELECT id FROM period WHERE year = $1::bigint - 1 AND kind = 'FY') AND area_id = $3 AND sex = 'T'",
	/* (id) -> one organisation */
	[STMT_WEB_FORMS_ORG] = "SELECT id, key, name, kind, pair_id FROM organisation WHERE id = $1",
	/* () -> the organisations that own nämndmål (whose reports an administrator may start) */
	/* (org or NULL: every organisation, pair) -> the newest year of the organisations' nämndmål and
	 * LUP goals: the year a new follow-up report most likely follows up (NULL when none) */
	[STMT_WEB_FORMS_PLAN_YEAR] =
		"SELECT MAX(g.year) AS \"MAX(g.year)\" FROM goal g WHERE g.level IN ('namndmal', 'lup')"
		" AND g.year IS NOT NULL AND ($1::bigint IS NULL OR g.owner_id IN ($1::bigint, $2::bigint))",
	[STMT_WEB_FORMS_REPORT_ORGS] =
		"SELECT * FROM (SELECT DISTINCT o.id, o.key, o.name FROM organisation o JOIN goal g ON g.owner_id = o.id"
		" WHERE g.level IN ('namndmal', 'lup') AND " PUB_GOAL("g") ") s ORDER BY name COLLATE sv",
	/* (id) -> a goal with its owner */
	[STMT_WEB_FORMS_GOAL] =
		"SELECT g.id, g.key, g.level, g.number, g.title AS name, g.description, g.year, g.owner_id,"
		" o.key AS owner, o.name AS owner_name, pg.key AS parent, pg.title AS parent_name,"
		" o.pair_id AS owner_pair, pv.status AS version_status, g.source FROM goal g"
		" JOIN organisation o ON o.id = g.owner_id LEFT JOIN goal pg ON pg.id = g.parent_id"
		" LEFT JOIN plan_version pv ON pv.id = g.plan_version_id WHERE g.id = $1"
		" AND " SEE_GOAL("g"),
	/* (id) -> an indicator with its owner and goal */
	[STMT_WEB_FORMS_INDICATOR] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, i.periodicity, i.owner_id, o.key AS owner,"
		" o.name AS owner_name, g.key AS goal, g.title AS goal_name, g.year AS goal_year, i.source,"
		" i.by_sex, i.by_area, i.kolada_kpi, i.source_kind FROM indicator i"
		" JOIN organisation o ON o.id = i.owner_id LEFT JOIN goal g ON g.id = i.goal_id WHERE i.id = $1"
		" AND " SEE_INDICATOR("i"),
	/* (indicator_id, year) -> its outcomes of the year: the city first, then the districts */
	[STMT_WEB_FORMS_INDICATOR_OUTCOMES] =
		"SELECT pe.kind AS period, a.key AS area, a.name AS area_name, a.level, x.sex, x.value,"
		" x.missing, x.example, x.source FROM outcome x JOIN period pe ON pe.id = x.period_id"
		" JOIN area a ON a.id = x.area_id WHERE x.indicator_id = $1 AND pe.year = $2"
		" AND " SEE_OUTCOME("x", "x.indicator_id") " ORDER BY " KIND_ORD("pe.kind") ", a.level = 'municipality' DESC, a.name COLLATE sv,"
		" CASE x.sex WHEN 'T' THEN 1 WHEN 'K' THEN 2 ELSE 3 END",
	/* (id) -> an activity with its owner */
	[STMT_WEB_FORMS_ACTIVITY] =
		"SELECT a.id, a.key, a.title AS name, a.description, a.start_text AS start, a.end_text AS end,"
		" a.status, a.role, a.owner_id, o.key AS owner, o.name AS owner_name, g.key AS goal,"
		" g.title AS goal_name, a.source FROM activity a JOIN organisation o ON o.id = a.owner_id"
		" LEFT JOIN goal g ON g.id = a.goal_id WHERE a.id = $1 AND " SEE_ACTIVITY("a"),
	/* () -> the areas the outcome form offers: the municipality, then the districts */
	[STMT_WEB_FORMS_OUTCOME_AREAS] =
		"SELECT id, key, name, level FROM area WHERE level IN ('municipality', 'district')"
		" ORDER BY level = 'municipality' DESC, name COLLATE sv",
	/* (key) -> a municipality or district by key */
	[STMT_WEB_FORMS_AREA_ID] =
		"SELECT id FROM area WHERE key = $1 AND level IN ('municipality', 'district')",
	/* (year) -> the council's goals a new nämndmål may sit under: the inriktningsmål and
	 * verksamhetsområdesmål of the year, else of the latest earlier year that has them */
	[STMT_WEB_FORMS_KF_GOALS] =
		"SELECT g.id, g.key, g.level, g.number, g.title AS name, g.year FROM goal g"
		" WHERE g.level IN ('inriktningsmal', 'verksamhetsomradesmal') AND g.year = (SELECT max(year)"
		"  FROM goal WHERE level IN ('inriktningsmal', 'verksamhetsomradesmal') AND year <= $1)"
		" ORDER BY g.id",
};
