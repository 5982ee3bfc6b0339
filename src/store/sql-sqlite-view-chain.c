/* sql-sqlite-view-chain.c: SQLite text of the goal chain's statements (see stmt-view-chain.h).
 * The goals are those of the organisation (or its pair) of the year and every goal above them;
 * each list is ordered by the id of what it belongs to, so the loader indexes it in one pass,
 * but for the goals, the indicators (each goal's together), the outcomes, the activities and
 * their districts, which the loader sorts (view/chain.c). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* The chain: the organisation's (or its pair's) goals of year ?2 and their ancestors, read from
 * derived_goal_ancestor (0038: each goal with the goals above it, kept by triggers), an id once
 * per goal below it: readers test membership (IN), which ignores repeats. Only STMT_VC_GOALS
 * computes it (85-108K instructions, with the IN list's temporary table); the loader gives the
 * others the goals' ids it returned (VC_IDS). The recursive query it replaced built three
 * temporary tables in each of the four or five statements of a request. The organisation's
 * goals and its pair's are two parts (UNION ALL), each one range of goal_owner_year: the two
 * owners ORed (g.owner_id = ?1 OR g.owner_id = o.pair_id) cost SQLite a multi-index OR with
 * a rowset, 27K of the statement's 270K (Spånga-Tensta 2022). */
#define VC_CHAIN_OF(g) \
	" JOIN derived_goal_ancestor da ON da.goal_id = g.id WHERE (?2 IS NULL OR g.year = ?2) AND " PUB_GOAL("g")
#define VC_CHAIN \
	"WITH chain(id) AS (SELECT da.ancestor_id FROM goal g" VC_CHAIN_OF("g") " AND g.owner_id = ?1" \
	" UNION ALL SELECT da.ancestor_id FROM organisation o JOIN goal g ON g.owner_id = o.pair_id" \
	VC_CHAIN_OF("g") " AND o.id = ?1)"

/* The chain's goal ids as the loader binds them (parameter n: decimal ids joined by commas, each
 * once), a table of one column, value. */
#define VC_IDS(n) "json_each('[' || ?" n " || ']')"

/* The same ids as a range (parameters lo and hi: their least and greatest, or NULL), given
 * where it holds less than twice as many ids as the chain (view/chain.c: a plan's goals, made
 * together, have ids close together; the loader drops the rows of other goals): read as one
 * range of an index by goal (VC_IDS_RANGE), rather than json_each's table (about 800
 * instructions an id) and a seek per id; else (the goals of plans made apart, as a city's) one
 * by one (VC_IDS_ELSE: the part of a UNION ALL taken when lo is NULL, a constant test). The
 * range worked out in SQL from the ids' text (its last number, the commas counted) cost
 * about 10K instructions in each part. */
#define VC_IDS_RANGE(col, lo, hi) col " BETWEEN ?" lo " AND ?" hi
#define VC_IDS_ELSE(lo) "?" lo " IS NULL"

/* The activities (a) of organisation ?1, of its pair and of those naming ?1 their pair: the
 * owners as a table w(id), each once (?1's pair is left out where it also names ?1 its pair:
 * it is among the third then), walked first and each joined to its activities through the
 * owner index. The owners as an IN list (a.owner_id IN (SELECT ...)) made SQLite build and
 * zero a temporary table per statement, about 30K of the statement below; the
 * three terms ORed cost a multi-index OR with a rowset and three tests per row. */
#define VC_OWNED_ACTS \
	" (SELECT ?1 AS id UNION ALL SELECT id FROM organisation WHERE pair_id = ?1" \
	" UNION ALL SELECT o1.pair_id FROM organisation o1 JOIN organisation o2 ON o2.id = o1.pair_id" \
	"  WHERE o1.id = ?1 AND o2.pair_id IS NOT ?1) w CROSS JOIN activity a ON a.owner_id = w.id"

/* An activity (a) falls within year ?2: its dates, else its plan's years, else yes. The plan's
 * years are looked up only for an activity without dates (coalesce stops at its first value):
 * joining plan_version and plan cost two seeks for every activity. */
#define VC_PLAN_YEAR(col) \
	"(SELECT p." col " FROM plan_version pv JOIN plan p ON p.id = pv.plan_id WHERE pv.id = a.plan_version_id)"
#define VC_IN_YEAR \
	"(?2 IS NULL OR ?2 BETWEEN coalesce(a.start_first / 10000, " VC_PLAN_YEAR("year_from") ", ?2)" \
	" AND coalesce(a.end_last / 10000, " VC_PLAN_YEAR("year_to") ", ?2))"

/* The outcomes' areas (ar): the municipality and the districts of organisation ?1's committee.
 * NOT MATERIALIZED, as pr below: each is read once or twice, and SQLite would otherwise
 * build (and zero the first page of) a temporary table for each (about 8K instructions). */
#define VC_AREAS \
	" ar(id) AS NOT MATERIALIZED (SELECT id FROM area WHERE level = 'municipality' OR committee_id = ?1" \
	"  OR committee_id = (SELECT pair_id FROM organisation WHERE id = ?1))"

/* The outcomes' periods (pr): those of year ?2 and the previous year's full year, or of ?2 only. */
#define VC_PERIODS_PREV " pr(id) AS NOT MATERIALIZED (SELECT id FROM period WHERE year = ?2 OR (year = ?2 - 1 AND kind = 'FY'))"
#define VC_PERIODS_YEAR " pr(id) AS NOT MATERIALIZED (SELECT id FROM period WHERE year = ?2)"

/* The visible outcomes (VC_SEEN) of the chain's public indicators (the goals' ids VC_IDS(3), each joined
 * to its indicators: no IN list to build) in the periods pr (the caller adds the areas), by
 * period and area id, the sexes of an (indicator, period, area) as one row of
 * derived_outcome_sexes (0052): sexes, the bits of the sexes shown (K 1, M 2, T 4) and, shifted
 * by 3, those of them that are example data, masked as mask says ("" or " & 36": T only); then the
 * values (x.vt, x.vk, x.vm: T's, K's and M's, or T's alone) (view/chain.c outcome_row makes an outcome of each sex shown; a row
 * with none is dropped there). Reading outcome_indicator_area's row per sex cost 526 rows at
 * about 2.9K instructions each for the API's year, six columns a row. The loader puts in the
 * periods' years and kinds and the areas' keys from STMT_VC_OUTCOME_KEYS (a rowid seek into
 * period and one into area for every row were a fifth of the statement). Per indicator and
 * area one range of the table's key (indicator, area, period) over the periods' ids from the
 * least of pr's to the greatest: a seek per indicator, period and area cost 2.6K each. The
 * rows of other periods in that range (none where a year's periods were made together) are
 * the loader's to drop (view/chain.c keep_periods): testing each row against pr here cost
 * 0.26M of the API's 1.82M (an IN list probed per row). A sex whose figure is not public in
 * itself (shut) is shown only where the rule's other terms say so (SEE_FIGURE_SHUT_BY, its
 * seen built only then). */
#define VC_OUTCOMES_OF(mask, values) \
	" SELECT x.indicator_id, x.period_id, x.area_id, (CASE WHEN x.shut = 0 OR " \
	SEE_FIGURE_SHUT_BY("x.period_id", "i", "seen") " THEN x.sexes ELSE x.sexes & ~x.shut END)" mask \
	" AS sexes, " values \
	" FROM " VC_IDS("3") " c CROSS JOIN indicator i ON i.goal_id = c.value" \
	" CROSS JOIN derived_outcome_sexes x ON x.indicator_id = i.id" \
	" WHERE x.period_id BETWEEN (SELECT min(id) FROM pr) AND (SELECT max(id) FROM pr)" \
	" AND " PUB_INDICATOR("i")

/* The same rows (and the rows of the same periods and areas of indicators not in the chain, or
 * not public: the loader keeps the outcomes of the indicators it read, view/chain.c) read
 * another way: per period of pr and area (the areas' table or column ar, "ar.id" or "?1") one
 * range of 0058's index by period and area, whose entries hold every column (no seek into the
 * table), the indicator looked up only for a figure not public in itself. The chain's reading
 * (VC_OUTCOMES_OF) seeks per indicator and area, about 5.6K instructions each with the chain's
 * indicators, and 148 of them were 0.8M of the API's 1.08M statement (Spånga-Tensta 2022);
 * this reads the 242 rows in 6 ranges, 0.44M. It pays only while the ranges hold few rows of
 * other indicators, so it is taken (VC_FEW_INDICATORS) only where the database has at most three
 * indicators per goal of the chain: the ranges then hold at most that many rows per goal,
 * period and area, read at about 1.8K each (a single organisation's plan, as in the demo);
 * else the chain's reading (a city's many organisations and years). */
#define VC_OUTCOMES_SCAN(from, area, mask, values) \
	" SELECT x.indicator_id, x.period_id, x.area_id, (CASE WHEN x.shut = 0 OR EXISTS (SELECT 1 FROM indicator i" \
	" WHERE i.id = x.indicator_id AND (" SEE_FIGURE_SHUT_BY("x.period_id", "i", "seen") ")) THEN x.sexes" \
	" ELSE x.sexes & ~x.shut END)" mask " AS sexes, " values \
	" FROM " from " CROSS JOIN derived_outcome_sexes x INDEXED BY derived_outcome_sexes_period_area" \
	" ON x.period_id = pr.id AND x.area_id = " area

/* Whether the database has at most three indicators per goal of the chain (the goal ids
 * ?3, joined by commas: their count from the commas): both counts are constant in the
 * statement, computed once (count(*) from the smallest index's pages). */
#define VC_FEW_INDICATORS \
	"(SELECT count(*) FROM indicator) <= 3 * (length(?3) - length(replace(?3, ',', '')) + 1)"

/* The rule's owner part (sql-public.h SEE_FIGURE_SEEN) decided once per owner of the chain's
 * indicators (io) and period of pr, not per outcome: in the demo every figure is example data
 * (public in itself: the test stops there), but for figures from reports the report lookup and
 * lup_reads per row doubled the API's statement (1.52M -> 3.22M with the demo's outcomes made
 * report figures; 1.86M this way). Built only when a figure needs it. */
#define VC_SEEN \
	", io(id) AS (SELECT DISTINCT i.owner_id FROM " VC_IDS("3") " c CROSS JOIN indicator i ON i.goal_id = c.value)," \
	" seen(owner_id, period_id) AS MATERIALIZED (" SEE_FIGURE_SEEN("io", "pr") ")"

/* The outcomes of a year (STMT_VC_OUTCOMES_YEAR) from derived_outcome_year (0073) y: per
 * indicator and area one row, e its periods' entries "period sexes shut vt vk vm" (values exact:
 * the migration), read by view/chain.c outcome_year_row, and seen: NULL where no sex of the row
 * is shut (not public in itself), else the periods of pr whose shut figures the rule's other
 * terms admit for the row's indicator (SEE_FIGURE_SHUT_BY): "*" (all: a Kolada indicator), or
 * its owner's " id id ... " of VC_ADMITTED, or "" (none). Two columns read a row where
 * derived_outcome_sexes took seven per period (the API's 242 rows at about 2K instructions each
 * in SQLite for Spånga-Tensta 2022; 142 rows of four columns this way). The rows of the areas'
 * ranges are every indicator's with figures there: taken, as VC_OUTCOMES_SCAN, only where
 * VC_FEW_INDICATORS holds, else a seek per indicator of the chain and area (the loader keeps the
 * rows of the indicators it read). */
#define VC_OUTCOMES_YEAR_COLS \
	" SELECT y.indicator_id, y.area_id, (CASE WHEN y.shut = 0 THEN NULL ELSE (SELECT CASE WHEN" \
	" i_.source_kind = 'kolada' THEN '*' ELSE coalesce((SELECT a_.ids FROM admitted a_ WHERE a_.owner_id = i_.owner_id)," \
	" '') END FROM indicator i_ WHERE i_.id = y.indicator_id) END) AS seen, y.e"

/* The periods of pr whose shut figures the rule's owner part admits, per owner of the chain's
 * indicators (VC_SEEN's pairs), as " id id ... ": built once, and only when a row has a shut
 * figure (the rule tested per row and period was 3.7M instructions for the API where every
 * figure is a report's). */
#define VC_ADMITTED \
	", admitted(owner_id, ids) AS MATERIALIZED (SELECT owner_id, ' ' || group_concat(period_id, ' ') || ' '" \
	" FROM seen GROUP BY owner_id)"

/* VC_INDICATORS' columns and its targets' join (indicator i). */
#define VC_INDICATOR_COLS \
	"SELECT i.goal_id, i.id, i.key, i.name, i.unit, i.direction, i.periodicity," \
	" t.own AS target, t.kf AS kf_target, i.owner_id, i.ord"
#define VC_INDICATOR_TARGETS " LEFT JOIN derived_indicator_targets t ON t.indicator_id = i.id AND t.year = ?1"

/* VC_ASSESSMENTS' columns and its reports (r, of a period pe, of an organisation ro), and the
 * reports' test: those of year y the viewer may read. */
#define VC_ASSESSMENT_COLS \
	"SELECT a.goal_id, pe.kind AS period, a.assessment, a.analysis, r.status AS report_status, r.org_id" \
	" FROM period pe JOIN report r ON r.period_id = pe.id JOIN organisation ro ON ro.id = r.org_id"
#define VC_READABLE_OF(y) "pe.year = " y " AND (r.status = 'approved' OR lup_reads(r.org_id, ro.pair_id))"

const char *const sqlite_sql_view_chain[STMT__MAX] = {
	/* -> the goals, unordered (view/chain.c sorts them: KF goals first, nämndmål by number,
	 * then by key; SQLite's sorter here was a third of the statement), each with its parent's
	 * id: the loader names the parent by its key from the chain, which holds every goal's
	 * parent (derived_goal_ancestor gives a goal with all the goals above it); a join of the
	 * parent per goal was 15K instructions (Spånga-Tensta 2022) */
	[STMT_VC_GOALS] =
		VC_CHAIN
		" SELECT g.id, g.key, g.level, g.number, g.title AS name, ow.key AS owner, g.description, g.parent_id"
		" FROM goal g JOIN organisation ow ON ow.id = g.owner_id WHERE g.id IN (SELECT id FROM chain)",
	/* (goal_ids) -> goal_id, text: Förväntat resultat, by goal in the ids' order (each once: a
	 * goal's rows together, which is all the loader needs), each goal's by ord (its key's index,
	 * goal_id then ord, searched per goal): the ids drive the join, without the IN list of them
	 * to build and the ORDER BY (250K -> 188K instructions, Spånga-Tensta 2022) */
	[STMT_VC_RESULTS] =
		"SELECT r.goal_id, r.text FROM goal_result r WHERE " VC_IDS_RANGE("r.goal_id", "2", "3")
		" UNION ALL SELECT r.goal_id, r.text FROM " VC_IDS("1") " c CROSS JOIN goal_result r ON r.goal_id = c.value"
		" WHERE " VC_IDS_ELSE("2"),
	/* (year, goal_ids) -> the indicators of the goals with the year's targets, their owner (the
	 * loader tells the organisation's own from STMT_VC_OUTCOME_KEYS' owners: the list of
	 * VC_OWNED built and probed here was 88K of the statement's 745K) and their ord; by goal in
	 * the ids' order, unordered within it (the loader sorts each goal's by ord and key): the
	 * ids drive the join, without the IN list of the chain's ids to build (554K -> 496K). The
	 * two targets are one row of derived_indicator_targets (0060), one seek of its key: two
	 * joins of target (each a seek of its four-column key: 0048) were 0.26M of the 0.50M,
	 * 0.33M this way. */
	[STMT_VC_INDICATORS] =
		VC_INDICATOR_COLS " FROM indicator i" VC_INDICATOR_TARGETS
		" WHERE " VC_IDS_RANGE("i.goal_id", "3", "4") " AND " PUB_INDICATOR("i")
		" UNION ALL " VC_INDICATOR_COLS " FROM " VC_IDS("2") " c CROSS JOIN indicator i ON i.goal_id = c.value"
		VC_INDICATOR_TARGETS " WHERE " VC_IDS_ELSE("3") " AND " PUB_INDICATOR("i"),
	/* (org_id, year, goal_ids) -> their outcomes of the year and the previous year's full year, in the municipality and
	 * the districts of the organisation's committee; unordered (view/chain.c sorts them: a
	 * sorter here copied every row into a temporary b-tree) */
	[STMT_VC_OUTCOMES] =
		"WITH" VC_AREAS "," VC_PERIODS_PREV VC_SEEN
		VC_OUTCOMES_SCAN("ar CROSS JOIN pr", "ar.id", "", "x.vt, x.vk, x.vm") " WHERE " VC_FEW_INDICATORS
		" UNION ALL" VC_OUTCOMES_OF("", "x.vt, x.vk, x.vm") " AND x.area_id IN (SELECT id FROM ar)"
		" AND NOT " VC_FEW_INDICATORS,
	/* -> the same of the year only (the API's goal chain shows no other), a row per indicator
	 * and area with the year's periods as one text (VC_OUTCOMES_YEAR_COLS) */
	[STMT_VC_OUTCOMES_YEAR] =
		"WITH" VC_AREAS "," VC_PERIODS_YEAR VC_SEEN VC_ADMITTED
		VC_OUTCOMES_YEAR_COLS " FROM ar CROSS JOIN derived_outcome_year y ON y.area_id = ar.id AND y.year = ?2"
		" WHERE " VC_FEW_INDICATORS
		" UNION ALL" VC_OUTCOMES_YEAR_COLS " FROM ar CROSS JOIN " VC_IDS("3") " c CROSS JOIN indicator i ON i.goal_id = c.value"
		" CROSS JOIN derived_outcome_year y ON y.area_id = ar.id AND y.year = ?2 AND y.indicator_id = i.id"
		" WHERE " PUB_INDICATOR("i") " AND NOT " VC_FEW_INDICATORS,
	/* (area_id, year, goal_ids) -> the same in area ?1 for both sexes together (T) only: what
	 * the organisation page shows (a sixth of the rows) */
	[STMT_VC_OUTCOMES_AREA] =
		"WITH" VC_PERIODS_PREV VC_SEEN
		VC_OUTCOMES_SCAN("pr", "?1", " & 36", "x.vt") " WHERE " VC_FEW_INDICATORS
		" UNION ALL" VC_OUTCOMES_OF(" & 36", "x.vt") " AND x.area_id = ?1 AND NOT " VC_FEW_INDICATORS,
	/* (org_id, year, area_id) -> what, id, year, name: the periods of the year and the year
	 * before (what 0; name: the kind) and the areas of VC_AREAS and area ?3 (what 1; name: the
	 * key), which the outcomes above give by id (view/chain.c puts them in), and the
	 * organisations VC_OWNED_ACTS walks (what 2: ?1, its pair, those naming ?1 their pair), the
	 * owners of the indicators and reports the loader calls the organisation's own; the two
	 * years as a range (year = ?2 OR year = ?2 - 1 made SQLite build and zero a temporary
	 * table for the list: 39K instructions for the periods, 10K as a range) */
	[STMT_VC_OUTCOME_KEYS] =
		"SELECT 0 AS what, id, year, kind AS name FROM period WHERE year BETWEEN ?2 - 1 AND ?2"
		" UNION ALL SELECT 1, id, NULL, key FROM area WHERE level = 'municipality' OR committee_id = ?1"
		"  OR committee_id = (SELECT pair_id FROM organisation WHERE id = ?1) OR id = ?3"
		" UNION ALL SELECT 2, ?1, NULL, NULL UNION ALL SELECT 2, id, NULL, NULL FROM organisation WHERE pair_id = ?1"
		" UNION ALL SELECT 2, pair_id, NULL, NULL FROM organisation WHERE id = ?1 AND pair_id IS NOT NULL",
	/* (year, goal_ids) -> the assessments of the goals in the year's reports the viewer
	 * may read (approved, or of an organisation the viewer reads for: web/authz.h
	 * authz_report_readable), with the report's organisation (the loader tells the own as for
	 * the indicators); unordered (view/chain.c sorts them by goal and period). The year's
	 * readable reports first (a few), then per report and goal of the ids one seek of
	 * assessment's key (report_id, goal_id): the ids' IN list built in a temporary table and
	 * SQLite's sorter for ORDER BY goal_id, kind were most of the 194K instructions of the
	 * statement for 20 rows (Spånga-Tensta 2022), 103K this way. The rows come by period kind,
	 * report and goal. */
	[STMT_VC_ASSESSMENTS] =
		VC_ASSESSMENT_COLS " CROSS JOIN assessment a ON a.report_id = r.id AND " VC_IDS_RANGE("a.goal_id", "3", "4")
		" WHERE " VC_READABLE_OF("?1")
		" UNION ALL " VC_ASSESSMENT_COLS " CROSS JOIN " VC_IDS("2") " c"
		" CROSS JOIN assessment a ON a.report_id = r.id AND a.goal_id = c.value"
		" WHERE " VC_READABLE_OF("?1") " AND " VC_IDS_ELSE("3"),
	/* -> the activities of the organisation or its pair in the year, with their start (YYYYMMDD),
	 * unordered (view/chain.c sorts them by start and key); their owner's name, which no reader
	 * showed, is no longer read (a column and a copy per activity). Each with its district
	 * links (the area's id: a row per link, NULL for none), an activity's rows together: the
	 * activity drives the LEFT JOIN. A statement of its own for the links (VC_ACTIVITY_AREAS)
	 * walked the owners and their activities again, and read the links of activities not in
	 * the year or in a draft for the loader to drop: 470K + 364K instructions, 751K as one
	 * (Spånga-Tensta 2022). The areas' names, which only the organisation page shows and only
	 * for the activities it lists apart (view/org.c), are not joined here: a seek into area
	 * and a copy of its name per link, 0.1M of the page's 3.3M. */
	[STMT_VC_ACTIVITIES] =
		"SELECT a.id, a.key, a.title, a.role, a.status, a.start_text, a.end_text,"
		" a.goal_id, a.start_first, ad.area_id FROM" VC_OWNED_ACTS
		" LEFT JOIN activity_district ad ON ad.activity_id = a.id"
		" WHERE " VC_IN_YEAR " AND " PUB_ACTIVITY("a"),
};
