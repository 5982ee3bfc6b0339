/* sql-sqlite-indicator.c: SQLite text of the indicator statements (see stmt-indicator.h). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* LUP_VERSION_MAX(c): the highest version number, among the versions meeting c (a condition on
 * plan_version v1), of district ?1's LUPs; LUP_VERSION_OF(c): the id of that version of the
 * highest-id plan having it (STMT_IND_DISTRICT_LUP_GOALS: maxima, where an ORDER BY ... LIMIT 1
 * was a temporary b-tree per execution) */
#define LUP_VERSION_MAX(c) \
	"(SELECT max(v1.version) FROM plan p1 CROSS JOIN plan_version v1 ON v1.plan_id = p1.id" \
	" WHERE p1.kind = 'lup' AND p1.district_id = ?1 AND v1." c ")"
#define LUP_VERSION_OF(c) \
	"(SELECT v.id FROM plan_version v WHERE v.plan_id = (SELECT max(p2.id) FROM plan p2" \
	" CROSS JOIN plan_version v2 ON v2.plan_id = p2.id WHERE p2.kind = 'lup' AND p2.district_id = ?1" \
	" AND v2." c " AND v2.version = " LUP_VERSION_MAX(c) ") AND v.version = " LUP_VERSION_MAX(c) ")"

const char *const sqlite_sql_indicator[STMT__MAX] = {
	/* (id) -> the indicator's flags and what the rules about them need */
	[STMT_IND_FLAGS] =
		"SELECT id, key, owner_id, by_sex, by_area, source_kind, kolada_kpi, direction, unit"
		" FROM indicator WHERE id = ?1",
	/* (id) -> by_sex (0 also when there is no such indicator) */
	[STMT_IND_BY_SEX] = "SELECT by_sex FROM indicator WHERE id = ?1",
	/* (id) -> outcomes (not example data) and targets for women or men: (outcomes, targets) */
	[STMT_IND_SEXED] =
		"SELECT (SELECT count(*) FROM outcome WHERE indicator_id = ?1 AND sex <> 'T' AND example = 0),"
		" (SELECT count(*) FROM target WHERE indicator_id = ?1 AND sex <> 'T')",
	/* (id, set by_sex, by_sex, set by_area, by_area, set kolada_kpi, kolada_kpi): the flags given */
	[STMT_IND_FLAGS_SET] =
		"UPDATE indicator SET by_sex = CASE WHEN ?2 THEN ?3 ELSE by_sex END,"
		" by_area = CASE WHEN ?4 THEN ?5 ELSE by_area END,"
		" kolada_kpi = CASE WHEN ?6 THEN ?7 ELSE kolada_kpi END WHERE id = ?1"
		" AND (by_sex, by_area, coalesce(kolada_kpi, '')) IS NOT"
		" (CASE WHEN ?2 THEN ?3 ELSE by_sex END, CASE WHEN ?4 THEN ?5 ELSE by_area END,"
		"  coalesce(CASE WHEN ?6 THEN ?7 ELSE kolada_kpi END, ''))",
	/* (indicator_id, year, kind, sex, mode, value, unit, text, source) */
	[STMT_IND_TARGET_SEX_UPSERT] =
		"INSERT INTO target (indicator_id, year, kind, sex, mode, value, unit, text, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (indicator_id, year, kind, sex)"
		" DO UPDATE SET mode = excluded.mode, value = excluded.value, unit = excluded.unit,"
		" text = excluded.text, source = excluded.source"
		" WHERE (mode, value, unit, text, source) IS NOT"
		" (excluded.mode, excluded.value, excluded.unit, excluded.text, excluded.source)",
	/* (indicator_id, year, kind, sex) */
	[STMT_IND_TARGET_SEX_DELETE] =
		"DELETE FROM target WHERE indicator_id = ?1 AND year = ?2 AND kind = ?3 AND sex = ?4",
	/* (indicator_id, year) -> the year's targets: kind, sex, mode, value, unit, text */
	[STMT_IND_TARGETS_YEAR] =
		"SELECT kind, sex, mode, value, unit, text FROM target WHERE indicator_id = ?1 AND year = ?2"
		" ORDER BY kind DESC, CASE sex WHEN 'T' THEN 0 WHEN 'K' THEN 1 ELSE 2 END",
	/* (indicator_id, period_id, area_id, sex) -> the stored outcome (value, missing) and the
	 * submitted or approved reports that cite it: those of the indicator's owner or its pair
	 * for the outcome's period, when the area is one the report follows (the district of the
	 * report's organisation or its pair, or a municipality): (value, missing, reports) */
	[STMT_IND_OUTCOME_CITED] =
		"SELECT x.value, x.missing, (SELECT count(*) FROM report r JOIN indicator i ON i.id = x.indicator_id"
		"  WHERE r.period_id = x.period_id AND r.status IN ('submitted', 'approved')"
		"  AND (r.org_id = i.owner_id OR r.org_id = (SELECT pair_id FROM organisation WHERE id = i.owner_id))"
		"  AND EXISTS (SELECT 1 FROM area a WHERE a.id = x.area_id AND (a.level = 'municipality'"
		"   OR a.committee_id = r.org_id OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = r.org_id))))"
		" FROM outcome x WHERE x.indicator_id = ?1 AND x.period_id = ?2 AND x.area_id = ?3 AND x.sex = ?4",
	/* (indicator_id) -> STMT_IND_OUTCOME_CITED for a whole indicator at once (the importers
	 * compare in C): per period and area that a submitted or approved report of the indicator's
	 * owner or its pair follows (the same rule), the number of such reports, and each stored
	 * outcome there (sex NULL when there is none): (period_id, area_id, reports, sex, value,
	 * missing) */
	[STMT_IND_OUTCOME_CITED_SET] =
		"SELECT c.period_id, c.area_id, c.reports, x.sex, x.value, x.missing FROM"
		" (SELECT r.period_id, a.id AS area_id, count(*) AS reports FROM indicator i"
		"  JOIN report r ON r.status IN ('submitted', 'approved')"
		"  AND (r.org_id = i.owner_id OR r.org_id = (SELECT pair_id FROM organisation WHERE id = i.owner_id))"
		"  JOIN area a ON a.level = 'municipality' OR a.committee_id = r.org_id"
		"  OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = r.org_id)"
		"  WHERE i.id = ?1 GROUP BY r.period_id, a.id) AS c"
		" LEFT JOIN outcome x ON x.indicator_id = ?1 AND x.period_id = c.period_id AND x.area_id = c.area_id",
	/* (indicator_id, period_id, area_id, sex, new value or NULL, at): flags every report that
	 * STMT_IND_OUTCOME_CITED counts with the revision from the stored value to the new one */
	[STMT_IND_REVISION_FLAG] =
		"INSERT INTO outcome_revision (report_id, indicator_id, period_id, area_id, sex, old, new, status, at)"
		" SELECT r.id, x.indicator_id, x.period_id, x.area_id, x.sex, x.value, ?5, r.status, ?6"
		" FROM outcome x JOIN indicator i ON i.id = x.indicator_id JOIN report r ON r.period_id = x.period_id"
		"  AND r.status IN ('submitted', 'approved')"
		"  AND (r.org_id = i.owner_id OR r.org_id = (SELECT pair_id FROM organisation WHERE id = i.owner_id))"
		" WHERE x.indicator_id = ?1 AND x.period_id = ?2 AND x.area_id = ?3 AND x.sex = ?4"
		" AND EXISTS (SELECT 1 FROM area a WHERE a.id = x.area_id AND (a.level = 'municipality'"
		"  OR a.committee_id = r.org_id OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = r.org_id)))",
	/* (report_id) -> the revisions flagged on the report, oldest first: indicator (key), name,
	 * unit, period (2024-FY), area (key), area_name, sex, old, new, status, at, text (Swedish:
	 * model_revision_text) */
	[STMT_IND_REPORT_REVISIONS] =
		"SELECT i.key AS indicator, i.name, i.unit, pe.year || '-' || pe.kind AS period, a.key AS area,"
		" a.name AS area_name, v.sex, v.old, v.new, v.status, v.at, lup_revision_text(v.old, v.new, v.status) AS text"
		" FROM outcome_revision v"
		" JOIN indicator i ON i.id = v.indicator_id JOIN period pe ON pe.id = v.period_id"
		" JOIN area a ON a.id = v.area_id WHERE v.report_id = ?1 ORDER BY v.id",
	/* (indicator_id, area_id) -> the full-year values of the indicator in the area and in its
	 * municipality (level 'district' or 'city') that the viewer may see: level, year, sex, value,
	 * example; by year */
	[STMT_IND_SERIES] =
		"SELECT CASE WHEN x.area_id = ?2 THEN 'district' ELSE 'city' END AS level, pe.year, x.sex, x.value,"
		" x.example FROM outcome x JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'"
		" JOIN indicator i ON i.id = x.indicator_id"
		" WHERE x.indicator_id = ?1 AND x.value IS NOT NULL"
		" AND (x.area_id = ?2 OR x.area_id = (SELECT parent_id FROM area WHERE id = ?2))"
		" AND " SEE_FIGURE("x", "i") " ORDER BY level, pe.year, x.sex",
	/* (district area id) -> the goals (level 'lup') of the district's LUP version in force (the
	 * newest decided one, else the newest that is not a draft) that have an indicator: goal id, key, number,
	 * title, sex, horizon, horizon_year, baseline_value, baseline_year, target_value,
	 * target_direction, area_id (the goal's area, default the district), indicator id, key,
	 * name, unit, direction, by_sex. The version is found by maxima, not sorted: the newest
	 * decided version (the highest version, then the highest plan id), else the same among those
	 * that are not drafts, as ORDER BY status = 'decided' DESC, version DESC, plan id DESC LIMIT
	 * 1 chose it; that ORDER BY was a temporary b-tree (16.6K of memset) per execution, and the
	 * district page 25K instructions more. */
	[STMT_IND_DISTRICT_LUP_GOALS] =
		"SELECT g.id, g.key, g.number, g.title, g.sex, g.horizon, g.horizon_year, g.baseline_value,"
		" g.baseline_year, g.target_value, g.target_direction, coalesce(g.area_id, ?1) AS area_id,"
		" i.id AS indicator_id, i.key AS indicator, i.name AS indicator_name, i.unit, i.direction, i.by_sex"
		" FROM goal g JOIN indicator i ON i.id = coalesce(g.indicator_id,"
		"  (SELECT j.id FROM indicator j WHERE j.goal_id = g.id ORDER BY j.ord, j.id LIMIT 1))"
		" WHERE g.level = 'lup' AND g.plan_version_id = coalesce(" LUP_VERSION_OF("status = 'decided'") ", "
		LUP_VERSION_OF("status <> 'draft'") ")"
		" ORDER BY g.number, g.id",
	/* (indicator_id) -> the area whose values the aid compares: the district the owner (or its
	 * pair) is the committee of, else the municipality: (id, key, name, level) */
	[STMT_IND_AID_AREA] =
		"SELECT a.id, a.key, a.name, a.level FROM indicator i JOIN area a ON (a.level = 'district'"
		" AND (a.committee_id = i.owner_id OR a.committee_id = (SELECT pair_id FROM organisation WHERE id = i.owner_id)))"
		" OR a.level = 'municipality' WHERE i.id = ?1 ORDER BY a.level = 'district' DESC, a.id LIMIT 1",
	/* (indicator_id) -> the 5-year goal of a decided LUP that the indicator measures, for everyone:
	 * (target_value, horizon_year), the newest first */
	[STMT_IND_AID_GOAL] =
		"SELECT g.target_value, g.horizon_year FROM goal g JOIN plan_version pv ON pv.id = g.plan_version_id"
		" WHERE g.level = 'lup' AND g.horizon = '5y' AND g.target_value IS NOT NULL AND coalesce(g.sex, 'T') = 'T'"
		" AND pv.status <> 'draft' AND (g.indicator_id = ?1 OR EXISTS (SELECT 1 FROM indicator j WHERE j.id = ?1"
		"  AND j.goal_id = g.id)) ORDER BY pv.version DESC, g.id DESC LIMIT 1",
	/* (indicator_id, year) -> the indicator and its KF target of the year for everyone: id, key,
	 * name, unit, direction, by_sex, kf (a number or NULL), kf_text */
	[STMT_IND_AID_HEAD] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, i.by_sex, t.value AS kf, t.text AS kf_text"
		" FROM indicator i LEFT JOIN target t ON t.indicator_id = i.id AND t.year = ?2 AND t.kind = 'kf'"
		"  AND t.sex = 'T' AND t.mode = 'number'"
		" WHERE i.id = ?1 AND " SEE_INDICATOR("i"),
};
