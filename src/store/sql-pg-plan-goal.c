/* sql-pg-plan-goal.c: PostgreSQL text of the LUP goals' statements (see stmt-plan-goal.h). */
#include "store/sql-pg.h"

/* An LUP goal with its theme, area and the indicator that measures it (indicator_own: the
 * indicator belongs to the goal, i.e. was written for it). */
#define GOAL_SELECT \
	"SELECT g.id, g.key, g.title, g.description, g.theme_id AS theme, t.name AS theme_name, t.ord AS theme_ord," \
	" a.key AS area, a.name AS area_name, a.level AS area_level, g.sex, g.horizon, g.horizon_year, g.benchmark," \
	" g.baseline_value, g.baseline_year, g.target_value, g.target_direction, i.id AS indicator_id," \
	" i.key AS indicator, i.name AS indicator_name, i.unit AS indicator_unit," \
	" i.direction AS indicator_direction, i.by_sex AS indicator_by_sex, i.source_kind AS indicator_source," \
	" CASE WHEN i.goal_id = g.id THEN 1 ELSE 0 END AS indicator_own" \
	" FROM goal g LEFT JOIN theme t ON t.id = g.theme_id LEFT JOIN area a ON a.id = g.area_id" \
	" LEFT JOIN indicator i ON i.id = g.indicator_id"

const char *const pg_sql_plan_goal[STMT__MAX] = {
	/* (plan_version_id) -> its LUP goals by theme order */
	[STMT_PG_GOALS] =
		GOAL_SELECT " WHERE g.plan_version_id = $1 AND g.level = 'lup'"
		" ORDER BY t.ord IS NULL, t.ord, t.id, g.horizon = 'long' NULLS FIRST, CASE g.sex WHEN 'T' THEN 0 WHEN 'K' THEN 1"
		" ELSE 2 END, g.id",
	/* (goal_id, plan_version_id) -> the LUP goal when it belongs to the version */
	[STMT_PG_GOAL] =
		GOAL_SELECT " WHERE g.id = $1 AND g.plan_version_id = $2 AND g.level = 'lup'",
	/* (plan_version_id) -> its plan's key, owner, the owner's pair, district and first year */
	[STMT_PG_PLAN] =
		"SELECT p.key, pv.version, p.owner_id, o.pair_id AS owner_pair, p.district_id, p.year_from"
		" FROM plan_version pv JOIN plan p ON p.id = pv.plan_id JOIN organisation o ON o.id = p.owner_id"
		" WHERE pv.id = $1",
	/* (district_id, area key) -> the district itself or one of its neighbourhoods or places */
	[STMT_PG_AREA] =
		"WITH RECURSIVE sub(id) AS (SELECT $1::bigint UNION SELECT a.id FROM area a JOIN sub ON a.parent_id = sub.id)"
		" SELECT a.id FROM area a JOIN sub ON sub.id = a.id WHERE a.key = $2",
	/* (indicator key, owner org) -> id, and whether an LUP goal of owner may be measured by it: the
	 * owner's or its pair's indicator, or an official (Kolada) one */
	[STMT_PG_INDICATOR] =
		"SELECT i.id, (i.source_kind = 'kolada' OR i.owner_id = $2"
		" OR i.owner_id = (SELECT pair_id FROM organisation WHERE id = $2)"
		" OR (SELECT pair_id FROM organisation WHERE id = i.owner_id) = $2)::int AS usable"
		" FROM indicator i WHERE i.key = $1",
	/* (key, owner, plan_version_id, title, description, theme, area, sex, horizon, horizon_year,
	 * benchmark, baseline_value, baseline_year, target_value, target_direction, source) */
	[STMT_PG_GOAL_INSERT] =
		"INSERT INTO goal (key, owner_id, plan_version_id, level, title, description, theme_id, area_id, sex,"
		" horizon, horizon_year, benchmark, baseline_value, baseline_year, target_value, target_direction, source)"
		" VALUES ($1, $2, $3, 'lup', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
	/* (id, title, description, theme, area, sex, horizon, horizon_year, benchmark, baseline_value,
	 * baseline_year, target_value, target_direction) */
	[STMT_PG_GOAL_SET] =
		"UPDATE goal SET title = $2, description = $3, theme_id = $4, area_id = $5, sex = $6, horizon = $7,"
		" horizon_year = $8, benchmark = $9, baseline_value = $10, baseline_year = $11, target_value = $12,"
		" target_direction = $13 WHERE id = $1",
	/* (goal id, indicator id) */
	[STMT_PG_GOAL_INDICATOR] = "UPDATE goal SET indicator_id = $2 WHERE id = $1",
	/* (key, goal, owner, name, unit, direction, by_sex, source, plan_version_id): a new own indicator */
	[STMT_PG_INDICATOR_INSERT] =
		"INSERT INTO indicator (key, goal_id, owner_id, ord, name, unit, direction, periodicity, source_kind,"
		" by_sex, by_area, source, plan_version_id)"
		" VALUES ($1, $2, $3, 1, $4, $5, $6, 'year', 'own', $7, 0, $8, $9) RETURNING id",
	/* (goal id) -> what refers to the goal and keeps it: activities, goals under it, assessments */
	[STMT_PG_REFS] =
		"SELECT (SELECT count(*) FROM activity WHERE goal_id = $1) AS activities,"
		" (SELECT count(*) FROM goal WHERE parent_id = $1) AS children,"
		" (SELECT count(*) FROM assessment WHERE goal_id = $1) AS assessments",
	/* (goal id): its own indicators that other goals are measured by go to the first of those */
	[STMT_PG_REHOME] =
		"UPDATE indicator SET goal_id = (SELECT min(o.id) FROM goal o WHERE o.indicator_id = indicator.id"
		" AND o.id <> $1) WHERE goal_id = $1"
		" AND EXISTS (SELECT 1 FROM goal o WHERE o.indicator_id = indicator.id AND o.id <> $1)",
	/* (goal id) */
	[STMT_PG_GOAL_DELETE] = "DELETE FROM goal WHERE id = $1",
	/* (owner org) -> the indicators an LUP goal of owner may be measured by (PG_INDICATOR's rule),
	 * for the form's list */
	[STMT_PG_INDICATORS] =
		"SELECT i.key, i.name, i.unit, i.source_kind FROM indicator i"
		" WHERE i.source_kind = 'kolada' OR i.owner_id = $1"
		" OR i.owner_id = (SELECT pair_id FROM organisation WHERE id = $1)"
		" OR (SELECT pair_id FROM organisation WHERE id = i.owner_id) = $1"
		" ORDER BY i.name COLLATE sv, i.key LIMIT 500",
	/* (plan_version_id, district_id) -> per LUP goal of the version: the latest full-year value of
	 * its indicator in the goal's area for the goal's sex, and the city's (the district's parent)
	 * value the same year and sex */
	[STMT_PG_OUTCOMES] =
		"SELECT g.id AS goal, pe.year, x.value, c.value AS city, x.example FROM goal g"
		" JOIN outcome x ON x.indicator_id = g.indicator_id AND x.area_id = g.area_id"
		"  AND x.sex = coalesce(g.sex, 'T') AND x.value IS NOT NULL"
		" JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'"
		" LEFT JOIN outcome c ON c.indicator_id = x.indicator_id AND c.period_id = x.period_id AND c.sex = x.sex"
		"  AND c.area_id = (SELECT parent_id FROM area WHERE id = $2)"
		" WHERE g.plan_version_id = $1 AND g.level = 'lup' AND pe.year = (SELECT max(p2.year) FROM outcome y"
		"  JOIN period p2 ON p2.id = y.period_id AND p2.kind = 'FY' WHERE y.indicator_id = g.indicator_id"
		"  AND y.area_id = g.area_id AND y.sex = x.sex AND y.value IS NOT NULL)"
		" ORDER BY g.id",
	/* (org id) -> the LUPs of the organisation or its pair: key, the draft's number (NULL: none),
	 * the district's key */
	[STMT_PG_ORG_LUP] =
		"SELECT p.key, (SELECT pv.version FROM plan_version pv WHERE pv.plan_id = p.id AND pv.status = 'draft')"
		" AS draft, d.key AS district FROM plan p LEFT JOIN area d ON d.id = p.district_id"
		" WHERE p.kind = 'lup' AND (p.owner_id = $1 OR p.owner_id = (SELECT pair_id FROM organisation WHERE id = $1)"
		" OR (SELECT pair_id FROM organisation WHERE id = p.owner_id) = $1) ORDER BY p.key",
};
