/* sql-sqlite-web-forms.c: SQLite text of the 'forms' pages' statements (see stmt-web-forms.h). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* the order of the reports of a year: T1, T2, then the annual report */
#define KIND_ORD(k) "CASE " k " WHEN 'T1' THEN 1 WHEN 'T2' THEN 2 ELSE 3 END"

const char *const sqlite_sql_web_forms[STMT__MAX] = {
	/* (id) -> the report with its organisation, period and who submitted and decided it */
	[STMT_WEB_FORMS_REPORT] =
		"SELECT r.id, r.org_id, o.key AS org, o.name AS org_name, o.pair_id AS org_pair, pe.year,"
		" pe.kind AS period, r.status, r.forecast, r.comment, su.name AS submitted_by, r.submitted_at,"
		" du.name AS decided_by, r.decided_at FROM report r JOIN organisation o ON o.id = r.org_id"
		" JOIN period pe ON pe.id = r.period_id LEFT JOIN app_user su ON su.id = r.submitted_by"
		" LEFT JOIN app_user du ON du.id = r.decided_by WHERE r.id = ?1",
	/* (year or NULL) -> every report, the newest period first */
	[STMT_WEB_FORMS_REPORTS] =
		"SELECT r.id, r.org_id, o.key AS org, o.name AS org_name, o.pair_id AS org_pair, pe.year,"
		" pe.kind AS period, r.status, r.submitted_at, r.decided_at FROM report r"
		" JOIN organisation o ON o.id = r.org_id JOIN period pe ON pe.id = r.period_id"
		" WHERE ?1 IS NULL OR pe.year = ?1"
		" ORDER BY pe.year DESC, " KIND_ORD("pe.kind") " DESC, o.name COLLATE sv",
	/* (org_id, year, kind) -> the report of the organisation for the period, if any */
	[STMT_WEB_FORMS_REPORT_FIND] =
		"SELECT r.id FROM report r JOIN period pe ON pe.id = r.period_id"
		" WHERE r.org_id = ?1 AND pe.year = ?2 AND pe.kind = ?3",
	/* (org_id, year) -> the nämndmål of the organisation, or of its committee/administration
	 * pair, for the year, with the KF goal above each (parent_id), in no set order (one run
	 * by id per organisation): view/report.c sorts them by id (SQLite's sorter cost 0.04M
	 * instructions of 0.1M; session 19) */
	[STMT_WEB_FORMS_REPORT_GOALS] =
		"WITH og AS (SELECT id FROM organisation WHERE id = ?1 OR pair_id = ?1"
		"  OR id = (SELECT pair_id FROM organisation WHERE id = ?1))"
		" SELECT g.id, g.key, g.number, g.title AS name, g.parent_id FROM og CROSS JOIN goal g ON g.owner_id = og.id"
		" AND g.year = ?2 AND " PUB_GOAL("g") " WHERE g.level = 'namndmal'",
	/* (report_id) -> the stored assessments by goal id */
	[STMT_WEB_FORMS_ASSESSMENTS] =
		"SELECT goal_id, assessment, analysis FROM assessment WHERE report_id = ?1",
	/* (org_id) -> the area whose outcomes the organisation follows up: the district it is the
	 * committee (or administration) of (the lower id of the two, area_committee being unique),
	 * else the municipality (the lowest id). Two seeks of area_committee: an OR of both with an
	 * ORDER BY read every area and sorted them with two temporary tables (73K instructions,
	 * 15K now; session 18) */
	[STMT_WEB_FORMS_ORG_AREA] =
		"SELECT a.id, a.key, a.name, a.level FROM area a WHERE a.id = coalesce((SELECT min(x) FROM"
		" (SELECT (SELECT id FROM area WHERE committee_id = ?1 AND level = 'district') AS x"
		"  UNION ALL SELECT (SELECT id FROM area WHERE committee_id = (SELECT pair_id FROM organisation WHERE id = ?1)"
		"  AND level = 'district'))), (SELECT min(id) FROM area WHERE level = 'municipality'))",
	/* (org_id, year) -> (id, goal_id, ord, shared, key, name, unit, direction, target, kf_target):
	 * each indicator that bears on some nämndmål of WEB_FORMS_REPORT_GOALS(org_id, year), in no
	 * set order: a nämndmål's own indicators (first part), and those on the KF goal above one that
	 * are shared, owned by the organisation or its committee/administration pair (second part;
	 * shared is always 1 there); every one public (PUB_INDICATOR); an indicator on a nämndmål that
	 * is also the parent of one comes twice (the caller keeps one); target and kf_target the
	 * årsmål and KF:s årsmål of the year (one seek of derived_indicator_targets, 0060, for both).
	 * The caller (view/report.c) gives each indicator its figures (WEB_FORMS_REPORT_FIGURES, in
	 * the same batch) and puts them under the goals: a goal's own, then the shared ones on its
	 * parent, each group by ord and id. The second part is driven by the organisations'
	 * indicators (indicator_owner), not by the KF goals, which carry every district's. og and gs
	 * are not materialized and the first part's shared flag tests the three kinds of organisation
	 * one by one, not membership in og: og is the organisation ?1 (it exists: the report's), its
	 * pair and those whose pair it is, each once (pair_id <> id), the set "id = ?1 OR pair_id =
	 * ?1 OR id = ?1's pair_id" gave; the first part reads the goals' ids from the covering index
	 * goal_year_owner. Two temporary tables fewer (session 20). */
	[STMT_WEB_FORMS_REPORT_INDICATORS] =
		"WITH og AS NOT MATERIALIZED (SELECT ?1 AS id UNION ALL SELECT pair_id FROM organisation WHERE id = ?1"
		"  AND pair_id IS NOT NULL UNION ALL SELECT id FROM organisation WHERE pair_id = ?1"
		"  AND id IS NOT (SELECT pair_id FROM organisation WHERE id = ?1)),"
		" gs AS NOT MATERIALIZED (SELECT g.id, g.parent_id FROM og CROSS JOIN goal g ON g.owner_id = og.id AND g.year = ?2"
		"  AND " PUB_GOAL("g") " WHERE g.level = 'namndmal')"
		" SELECT i.id, i.goal_id, i.ord, ((i.owner_id = ?1 OR i.owner_id IS (SELECT pair_id FROM organisation WHERE id = ?1)"
		" OR EXISTS (SELECT 1 FROM organisation WHERE id = i.owner_id AND pair_id = ?1)) AND " PUB_INDICATOR("i") "), i.key, i.name, i.unit,"
		" i.direction, t.own, t.kf FROM gs CROSS JOIN indicator i ON i.goal_id = gs.id"
		" LEFT JOIN derived_indicator_targets t ON t.indicator_id = i.id AND t.year = ?2 WHERE " PUB_INDICATOR("i")
		" UNION ALL SELECT i.id, i.goal_id, i.ord, 1, i.key, i.name, i.unit, i.direction, t.own, t.kf"
		" FROM og CROSS JOIN indicator i ON i.owner_id = og.id"
		" LEFT JOIN derived_indicator_targets t ON t.indicator_id = i.id AND t.year = ?2"
		" WHERE " PUB_INDICATOR("i") " AND i.goal_id IN (SELECT parent_id FROM gs)",
	/* (year, period kind, area_id) -> (kind, indicator_id, value, example): the outcomes (total)
	 * in the area of the period (kind 1, with its example flag), of the same period the year
	 * before (2) and of that year's annual outcome (3), every indicator's that has one, in no set
	 * order: each a range of derived_outcome_sexes_period_area (0052: vt its T value, bit 4 of
	 * sexes a T row and bit 32 that row's example flag). Three seeks of an outcome per indicator
	 * cost 1.1M instructions of the page's 6M (session 18); the ranges were the report's
	 * indicators' statement's last parts until session 20, in rows as wide as an indicator's
	 * (nine NULLs a row: 37K instructions more for 121 rows). */
	[STMT_WEB_FORMS_REPORT_FIGURES] =
		"SELECT 1, indicator_id, vt, CASE WHEN sexes & 4 THEN (sexes & 32) <> 0 END FROM derived_outcome_sexes"
		" WHERE period_id = (SELECT id FROM period WHERE year = ?1 AND kind = ?2) AND area_id = ?3"
		" UNION ALL SELECT 2, indicator_id, vt, NULL FROM derived_outcome_sexes"
		" WHERE period_id = (SELECT id FROM period WHERE year = ?1 - 1 AND kind = ?2) AND area_id = ?3"
		" UNION ALL SELECT 3, indicator_id, vt, NULL FROM derived_outcome_sexes"
		" WHERE period_id = (SELECT id FROM period WHERE year = ?1 - 1 AND kind = 'FY') AND area_id = ?3",
	/* (id) -> one organisation */
	[STMT_WEB_FORMS_ORG] = "SELECT id, key, name, kind, pair_id FROM organisation WHERE id = ?1",
	/* () -> the organisations that own nämndmål (whose reports an administrator may start) */
	/* (org or NULL: every organisation, pair) -> the newest year of the organisations' nämndmål and
	 * LUP goals: the year a new follow-up report most likely follows up (NULL when none) */
	[STMT_WEB_FORMS_PLAN_YEAR] =
		"SELECT MAX(g.year) FROM goal g WHERE g.level IN ('namndmal', 'lup') AND g.year IS NOT NULL"
		" AND (?1 IS NULL OR g.owner_id IN (?1, ?2))",
	[STMT_WEB_FORMS_REPORT_ORGS] =
		"SELECT DISTINCT o.id, o.key, o.name FROM organisation o JOIN goal g ON g.owner_id = o.id"
		" WHERE g.level IN ('namndmal', 'lup') AND " PUB_GOAL("g") " ORDER BY o.name COLLATE sv",
	/* (id) -> a goal with its owner */
	[STMT_WEB_FORMS_GOAL] =
		"SELECT g.id, g.key, g.level, g.number, g.title AS name, g.description, g.year, g.owner_id,"
		" o.key AS owner, o.name AS owner_name, pg.key AS parent, pg.title AS parent_name,"
		" o.pair_id AS owner_pair, pv.status AS version_status, g.source FROM goal g"
		" JOIN organisation o ON o.id = g.owner_id LEFT JOIN goal pg ON pg.id = g.parent_id"
		" LEFT JOIN plan_version pv ON pv.id = g.plan_version_id WHERE g.id = ?1"
		" AND " SEE_GOAL("g"),
	/* (id) -> an indicator with its owner and goal */
	[STMT_WEB_FORMS_INDICATOR] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, i.periodicity, i.owner_id, o.key AS owner,"
		" o.name AS owner_name, g.key AS goal, g.title AS goal_name, g.year AS goal_year, i.source,"
		" i.by_sex, i.by_area, i.kolada_kpi, i.source_kind FROM indicator i"
		" JOIN organisation o ON o.id = i.owner_id LEFT JOIN goal g ON g.id = i.goal_id WHERE i.id = ?1"
		" AND " SEE_INDICATOR("i"),
	/* (indicator_id, year) -> its outcomes of the year: the city first, then the districts */
	[STMT_WEB_FORMS_INDICATOR_OUTCOMES] =
		"SELECT pe.kind AS period, a.key AS area, a.name AS area_name, a.level, x.sex, x.value,"
		" x.missing, x.example, x.source FROM outcome x JOIN period pe ON pe.id = x.period_id"
		" JOIN area a ON a.id = x.area_id WHERE x.indicator_id = ?1 AND pe.year = ?2"
		" AND " SEE_OUTCOME("x", "x.indicator_id") " ORDER BY " KIND_ORD("pe.kind") ", a.level = 'municipality' DESC, a.name COLLATE sv,"
		" CASE x.sex WHEN 'T' THEN 1 WHEN 'K' THEN 2 ELSE 3 END",
	/* (id) -> an activity with its owner */
	[STMT_WEB_FORMS_ACTIVITY] =
		"SELECT a.id, a.key, a.title AS name, a.description, a.start_text AS start, a.end_text AS end,"
		" a.status, a.role, a.owner_id, o.key AS owner, o.name AS owner_name, g.key AS goal,"
		" g.title AS goal_name, a.source FROM activity a JOIN organisation o ON o.id = a.owner_id"
		" LEFT JOIN goal g ON g.id = a.goal_id WHERE a.id = ?1 AND " SEE_ACTIVITY("a"),
	/* () -> the areas the outcome form offers: the municipality, then the districts */
	[STMT_WEB_FORMS_OUTCOME_AREAS] =
		"SELECT id, key, name, level FROM area WHERE level IN ('municipality', 'district')"
		" ORDER BY level = 'municipality' DESC, name COLLATE sv",
	/* (key) -> a municipality or district by key */
	[STMT_WEB_FORMS_AREA_ID] =
		"SELECT id FROM area WHERE key = ?1 AND level IN ('municipality', 'district')",
	/* (year) -> the council's goals a new nämndmål may sit under: the inriktningsmål and
	 * verksamhetsområdesmål of the year, else of the latest earlier year that has them */
	[STMT_WEB_FORMS_KF_GOALS] =
		"SELECT g.id, g.key, g.level, g.number, g.title AS name, g.year FROM goal g"
		" WHERE g.level IN ('inriktningsmal', 'verksamhetsomradesmal') AND g.year = (SELECT max(year)"
		"  FROM goal WHERE level IN ('inriktningsmal', 'verksamhetsomradesmal') AND year <= ?1)"
		" ORDER BY g.id",
};
