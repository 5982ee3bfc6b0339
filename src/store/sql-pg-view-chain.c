/* sql-pg-view-chain.c: PostgreSQL text of the goal chain's statements (see stmt-view-chain.h).
 * The goals are those of the organisation (or its pair) of the year and every goal above them;
 * each list is ordered by the id of what it belongs to, so the loader indexes it in one pass,
 * but for the outcomes and the activities, which the loader sorts (view/chain.c). */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* The chain: the organisation's (or its pair's) goals of year $2 (every year when NULL) and their
 * ancestors, read from derived_goal_ancestor (0038, kept by triggers; an id once per goal below
 * it: readers test membership). $2 is cast to bigint at every use in this file ($2 IS NULL
 * cannot infer a type). */
#define VC_CHAIN \
	"WITH chain(id) AS (SELECT da.ancestor_id FROM goal g JOIN organisation o ON o.id = $1" \
	" JOIN derived_goal_ancestor da ON da.goal_id = g.id" \
	"  WHERE (g.owner_id = $1 OR g.owner_id = o.pair_id) AND ($2::bigint IS NULL OR g.year = $2::bigint) AND " PUB_GOAL("g") ")"

/* The chain's goal ids as the loader binds them (parameter n: decimal ids joined by commas, each
 * once), as an array; only STMT_VC_GOALS computes the chain, the loader gives the others the ids
 * of the goals it returned (a second round trip, for statements that no longer compute it). A
 * subquery, so that the array is made once (an InitPlan): as a plain expression of the
 * parameter the generic plan made it again for every indicator it tested (0.19 of 0.33 ms). */
#define VC_IDS(n) "(SELECT string_to_array($" n "::text, ',')::bigint[])"
#define VC_CHAIN_IDS(n) "WITH chain(id) AS (SELECT unnest(" VC_IDS(n) "))"

/* The ids' least and greatest (parameters lo and hi), which the loader gives where they are
 * close together (SQLite reads the range then: sql-sqlite-view-chain.c), else NULL: here only
 * a test of the two, true as the loader gives them, which the plan makes a one-time filter.
 * As a test of the rows (goal_id BETWEEN lo AND hi) the planner took it to leave one row and
 * joined VC_RESULTS' ids by a nested loop (0.16 -> 0.25 ms, EXPLAIN ANALYZE, generic plan). */
#define VC_IDS_GIVEN(lo, hi) "($" lo "::bigint IS NULL OR $" lo "::bigint <= $" hi "::bigint)"

/* The organisations counted as organisation $1's, as a table (id, name): $1, its pair, and those
 * naming $1 their pair (STMT_VC_OUTCOME_KEYS gives their ids as what 2). */
#define VC_OWNERS \
	"(SELECT id, name FROM organisation WHERE id = $1 OR pair_id = $1" \
	" OR id = (SELECT pair_id FROM organisation WHERE id = $1))"


/* SQLite's CAST(x AS INTEGER) of a text x: its leading integer (after blanks), else 0; NULL stays
 * NULL (PostgreSQL's cast would fail on text that is no number). */
#define SQLITE_INT(x) \
	"(CASE WHEN " x " IS NULL THEN NULL ELSE coalesce(substring(" x " FROM '^[[:space:]]*([+-]?[0-9]+)')::bigint, 0) END)"

/* An activity (a) falls within year $2: its dates, else its plan's years, else yes. The plan's
 * years are looked up only for an activity without dates (coalesce stops at its first value):
 * joining plan_version and plan for every activity cost nested loops over both tables. */
#define VC_PLAN_YEAR(col) \
	"(SELECT p." col " FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE pv.id = a.plan_version_id)"
#define VC_IN_YEAR \
	"($2::bigint IS NULL OR $2::bigint BETWEEN coalesce(a.start_first / 10000, " VC_PLAN_YEAR("year_from") ", $2::bigint)" \
	" AND coalesce(a.end_last / 10000, " VC_PLAN_YEAR("year_to") ", $2::bigint))"

/* The chain's public indicators (ci; the goals' ids VC_IDS(3)), materialised: the outcomes are
 * reached through them. */
#define VC_CI \
	" ci AS MATERIALIZED (SELECT i.id, i.owner_id, i.source_kind FROM indicator i" \
	"  WHERE i.goal_id = ANY (" VC_IDS("3") "::bigint[]) AND " PUB_INDICATOR("i") ")"

/* The outcomes' areas (ar): the municipality and the districts of organisation $1's committee. */
#define VC_AREAS \
	" ar(id) AS (SELECT id FROM area WHERE level = 'municipality' OR committee_id = $1" \
	"  OR committee_id = (SELECT pair_id FROM organisation WHERE id = $1))"

/* The outcomes' periods (pr): those of year $2 and the previous year's full year, or of $2 only. */
#define VC_PERIODS_PREV " pr(id) AS (SELECT id FROM period WHERE year = $2::bigint OR (year = $2::bigint - 1 AND kind = 'FY'))"
#define VC_PERIODS_YEAR " pr(id) AS (SELECT id FROM period WHERE year = $2::bigint)"

/* The outcomes of the indicators ci in the periods pr (the caller adds the areas to the join,
 * then VC_OUTCOMES_SEE and the order). */
/* The visible sexes of an (indicator, period, area) as one row, as SQLite's
 * derived_outcome_sexes gives them (its migration 0052; view/chain.c outcome_row): sexes, the
 * bits of the sexes shown (K 1, M 2, T 4) and, shifted by 3, those of them that are example
 * data; then the values of T, K and M (NULL: missing, or not shown). */
#define VC_SEXES(sex, example) \
	"sum((CASE " sex " WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * " example "))"
#define VC_OUTCOMES_OF \
	" SELECT x.indicator_id, x.period_id, x.area_id, " VC_SEXES("x.sex", "x.example") " AS sexes," \
	" max(x.value) FILTER (WHERE x.sex = 'T') AS vt, max(x.value) FILTER (WHERE x.sex = 'K') AS vk," \
	" max(x.value) FILTER (WHERE x.sex = 'M') AS vm" \
	" FROM ci i JOIN outcome x ON x.indicator_id = i.id AND x.period_id = ANY (ARRAY(SELECT id FROM pr))"
#define VC_OUTCOMES_BY " GROUP BY x.indicator_id, x.period_id, x.area_id"
/* The outcomes (xt) of both sexes together in area $1 and the periods pr, read once from the
 * partial index outcome_area_total (an index-only scan: missing is value IS NULL, outcome's
 * CHECK) and joined to the indicators ci by hash (the periods' and the area's keys come from
 * STMT_VC_OUTCOME_KEYS): an index probe per indicator and period was 300 probes and heap reads,
 * and one per row for the area, 0.7-0.8 ms in the demo, then 0.26-0.30 ms (EXPLAIN ANALYZE,
 * generic plan, after VACUUM). */
#define VC_AREA_T \
	" xt AS MATERIALIZED (SELECT x.indicator_id, x.period_id, x.area_id, x.value, x.example, x.source" \
	"  FROM outcome x WHERE x.area_id = $1 AND x.sex = 'T' AND x.period_id = ANY (ARRAY(SELECT id FROM pr)))"
#define VC_OUTCOMES_SEE " WHERE " SEE_FIGURE("x", "i")

const char *const pg_sql_view_chain[STMT__MAX] = {
	/* -> the goals, KF goals first, nämndmål by number, with their parents' ids (the loader
	 * names each by its key from the chain, as for SQLite) */
	[STMT_VC_GOALS] =
		VC_CHAIN
		" SELECT g.id, g.key, g.level, g.number, g.title AS name, ow.key AS owner, g.description, g.parent_id"
		" FROM goal g JOIN organisation ow ON ow.id = g.owner_id WHERE g.id IN (SELECT id FROM chain)"
		" ORDER BY CASE g.level WHEN 'inriktningsmal' THEN 1 WHEN 'verksamhetsomradesmal' THEN 2"
		" WHEN 'namndmal' THEN 3 ELSE 4 END,"
		" CASE WHEN g.level = 'namndmal' THEN coalesce(" SQLITE_INT("g.number") ", 1000000000) END, g.key",
	/* (goal_ids) -> goal_id, text: Förväntat resultat */
	[STMT_VC_RESULTS] =
		VC_CHAIN_IDS("1") " SELECT r.goal_id, r.text FROM goal_result r WHERE r.goal_id IN (SELECT id FROM chain)"
		" AND " VC_IDS_GIVEN("2", "3") " ORDER BY r.goal_id, r.ord",
	/* (year, goal_ids) -> the indicators of the goals with the year's targets, their owner (the
	 * loader tells the organisation's own: STMT_VC_OUTCOME_KEYS) and their ord (the loader
	 * sorts each goal's by ord and key; SQLite's come unordered). The year's targets are read once, grouped by indicator (at most one of each kind: target's
	 * key is indicator, year, kind, sex), and joined: looked up per indicator, the planner
	 * scanned the whole table for each when it had statistics (a small table). */
	[STMT_VC_INDICATORS] =
		VC_CHAIN_IDS("2")
		" SELECT i.goal_id, i.id, i.key, i.name, i.unit, i.direction, i.periodicity, t.target, t.kf_target,"
		" i.owner_id, i.ord"
		" FROM indicator i LEFT JOIN (SELECT indicator_id, max(text) FILTER (WHERE kind = 'own') AS target,"
		"  max(text) FILTER (WHERE kind = 'kf') AS kf_target FROM target"
		"  WHERE kind IN ('own', 'kf') AND sex = 'T' AND year = $1::bigint GROUP BY indicator_id) t ON t.indicator_id = i.id"
		" WHERE i.goal_id IN (SELECT id FROM chain) AND " VC_IDS_GIVEN("3", "4") " AND " PUB_INDICATOR("i")
		" ORDER BY i.goal_id, i.ord, i.key",
	/* (org_id, year, goal_ids) -> their outcomes of the year and the previous year's full year, in the municipality and
	 * the districts of the organisation's committee; unordered (view/chain.c sorts them: a
	 * sorter here copied every row into a temporary b-tree) */
	[STMT_VC_OUTCOMES] =
		"WITH" VC_CI "," VC_AREAS "," VC_PERIODS_PREV
		VC_OUTCOMES_OF " AND x.area_id = ANY (ARRAY(SELECT id FROM ar))" VC_OUTCOMES_SEE VC_OUTCOMES_BY,
	/* -> the same of the year only (the API's goal chain shows no other), as SQLite's
	 * derived_outcome_year (its migration 0073) gives them: per indicator and area one row,
	 * seen NULL (the figures not seen are left out before the grouping: none is shut) and e the
	 * periods' entries "period sexes shut vt vk vm" joined by ';' (values as float8's text,
	 * which reads back exactly; view/chain.c outcome_year_row) */
	[STMT_VC_OUTCOMES_YEAR] =
		"WITH" VC_CI "," VC_AREAS "," VC_PERIODS_YEAR
		" SELECT o.indicator_id, o.area_id, NULL::text AS seen, string_agg(o.period_id || ' ' || o.sexes || ' 0 '"
		" || coalesce(o.vt::text, '') || ' ' || coalesce(o.vk::text, '') || ' ' || coalesce(o.vm::text, ''), ';'"
		" ORDER BY o.period_id) AS e FROM ("
		VC_OUTCOMES_OF " AND x.area_id = ANY (ARRAY(SELECT id FROM ar))" VC_OUTCOMES_SEE VC_OUTCOMES_BY
		") o GROUP BY o.indicator_id, o.area_id",
	/* (area_id, year, goal_ids) -> the same in area $1 for both sexes together (T) only: what
	 * the organisation page shows (a sixth of the rows) */
	[STMT_VC_OUTCOMES_AREA] =
		"WITH" VC_CI "," VC_PERIODS_PREV "," VC_AREA_T
		" SELECT x.indicator_id, x.period_id, x.area_id, 4 + 32 * x.example AS sexes, x.value AS vt"
		" FROM ci i JOIN xt x ON x.indicator_id = i.id WHERE " SEE_FIGURE("x", "i"),
	/* (org_id, year, area_id) -> what, id, year, name: the periods of the year and the year
	 * before (what 0; name: the kind) and the areas of VC_AREAS and area $3 (what 1; name: the
	 * key), which the outcomes above give by id (view/chain.c puts them in), and the
	 * organisations VC_OWNERS holds (what 2), the owners the loader calls the organisation's */
	[STMT_VC_OUTCOME_KEYS] =
		"SELECT 0 AS what, id, year, kind AS name FROM period WHERE year = $2::bigint OR year = $2::bigint - 1"
		" UNION ALL SELECT 1, id, NULL, key FROM area WHERE level = 'municipality' OR committee_id = $1"
		"  OR committee_id = (SELECT pair_id FROM organisation WHERE id = $1) OR id = $3"
		" UNION ALL SELECT 2, $1::bigint, NULL, NULL UNION ALL SELECT 2, id, NULL, NULL FROM organisation WHERE pair_id = $1"
		" UNION ALL SELECT 2, pair_id, NULL, NULL FROM organisation WHERE id = $1 AND pair_id IS NOT NULL",
	/* (year, goal_ids) -> the assessments of the goals in the year's reports the viewer
	 * may read (approved, or of an organisation the viewer reads for: web/authz.h
	 * authz_report_readable) */
	[STMT_VC_ASSESSMENTS] =
		VC_CHAIN_IDS("2")
		" SELECT a.goal_id, pe.kind AS period, a.assessment, a.analysis, r.status AS report_status,"
		" r.org_id"
		" FROM assessment a JOIN report r ON r.id = a.report_id JOIN period pe ON pe.id = r.period_id"
		" JOIN organisation ro ON ro.id = r.org_id"
		" WHERE a.goal_id IN (SELECT id FROM chain) AND " VC_IDS_GIVEN("3", "4") " AND pe.year = $1::bigint"
		" AND (r.status = 'approved' OR lup_reads(r.org_id, ro.pair_id)) ORDER BY a.goal_id, pe.kind",
	/* -> the activities of the organisation or its pair in the year with their start, each
	 * with its district links (the area's id, NULL for none: a row per link), ordered by
	 * activity only so that an activity's rows come together (view/chain.c sorts the
	 * activities by start and key; view/org.c reads the names it shows). Joined to their
	 * owners (VC_OWNERS) and also filtered by an array of them: the
	 * planner underestimates the activities (the owner, the year and the publication rule as
	 * filters) and joined organisation with a nested loop over all of them (31,000 comparisons
	 * for the demo's 150); the array (an InitPlan, the cheapest filter, so the first) keeps the
	 * year's and the publication rule's lookups to the owners' activities. The links were a
	 * statement of their own (VC_ACTIVITY_AREAS), with the links of every activity of the
	 * owners. */
	[STMT_VC_ACTIVITIES] =
		"SELECT a.id, a.key, a.title, a.role, a.status, a.start_text, a.end_text,"
		" a.goal_id, a.start_first, ad.area_id FROM " VC_OWNERS " o JOIN activity a ON a.owner_id = o.id"
		" LEFT JOIN activity_district ad ON ad.activity_id = a.id"
		" WHERE a.owner_id = ANY (ARRAY(SELECT id FROM " VC_OWNERS " o)) AND " VC_IN_YEAR " AND " PUB_ACTIVITY("a")
		" ORDER BY a.id",
};
