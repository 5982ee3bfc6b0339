/* sql-sqlite-lists.c: SQLite text of the lists of kinds and their counts (stmt-lists.h).
 *
 * A list takes its filters (every one NULL when not given, the *_FROM macros) and gives the
 * whole list in its order; the API keeps its page's rows (api-entities.c). The outcomes, the one
 * list of many rows (19,725 on the demo), are paged here with LIMIT and OFFSET, read through
 * the filter that leads (the OUT_ macros), and counted apart from derived_outcome_count and
 * derived_outcome_total (migration 0055) where no area or district is given. */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* The latest version of LUP plan p: the same rule and text as sql-sqlite.c's LUP_LATEST. */
#define LIST_LATEST(p, pv) \
	p ".kind = 'lup' AND " pv ".version = coalesce(" \
	"(SELECT max(version) FROM plan_version WHERE plan_id = " p ".id AND status = 'decided')," \
	" (SELECT max(version) FROM plan_version WHERE plan_id = " p ".id AND status <> 'draft'))"

/* (kind, district_id) */
#define ORGS_FROM \
	" FROM organisation o LEFT JOIN organisation p ON p.id = o.pair_id" \
	" WHERE (?1 IS NULL OR o.kind = ?1) AND (?2 IS NULL" \
	"  OR o.id = (SELECT committee_id FROM area WHERE id = ?2)" \
	"  OR o.pair_id = (SELECT committee_id FROM area WHERE id = ?2)" \
	"  OR o.id IN (SELECT pp.org_id FROM plan_partner pp JOIN plan_version pv" \
	"   ON pv.id = pp.plan_version_id JOIN plan pl ON pl.id = pv.plan_id WHERE pl.district_id = ?2))"
/* (district_id) */
#define DISTRICTS_FROM \
	" FROM area a LEFT JOIN organisation o ON o.id = a.committee_id" \
	" WHERE a.level = 'district' AND (?1 IS NULL OR a.id = ?1)"
/* (district_id) */
#define THEMES_FROM \
	" FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id" \
	" JOIN plan p ON p.id = pv.plan_id JOIN area d ON d.id = p.district_id" \
	" WHERE " LIST_LATEST("p", "pv") " AND (?1 IS NULL OR p.district_id = ?1)"
/* (org_id, year, district_id, level) */
#define GOALS_FROM \
	" FROM goal g JOIN organisation o ON o.id = g.owner_id" \
	" LEFT JOIN goal pg ON pg.id = g.parent_id" \
	" WHERE (?1 IS NULL OR g.owner_id = ?1 OR o.pair_id = ?1) AND (?2 IS NULL OR g.year = ?2)" \
	" AND (?3 IS NULL OR g.area_id = ?3 OR g.owner_id = (SELECT committee_id FROM area WHERE id = ?3))" \
	" AND (?4 IS NULL OR g.level = ?4) AND " PUB_GOAL("g")
/* (org_id, year, district_id) */
#define INDICATORS_FROM \
	" FROM indicator i JOIN organisation o ON o.id = i.owner_id" \
	" LEFT JOIN goal g ON g.id = i.goal_id" \
	" WHERE (?1 IS NULL OR i.owner_id = ?1 OR o.pair_id = ?1)" \
	" AND (?2 IS NULL OR g.year = ?2 OR EXISTS (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND t.year = ?2))" \
	" AND (?3 IS NULL OR i.owner_id = (SELECT committee_id FROM area WHERE id = ?3)" \
	"  OR EXISTS (SELECT 1 FROM outcome x WHERE x.indicator_id = i.id AND x.area_id = ?3))" \
	" AND " PUB_INDICATOR("i")
/* (org_id, district_id, year) */
#define ACTIVITIES_FROM \
	" FROM activity a" \
	" JOIN organisation o ON o.id = a.owner_id LEFT JOIN plan_version pv ON pv.id = a.plan_version_id" \
	" LEFT JOIN plan p ON p.id = pv.plan_id" \
	" WHERE (?1 IS NULL OR a.owner_id = ?1 OR o.pair_id = ?1 OR a.owner_id = (SELECT pair_id FROM organisation WHERE id = ?1)" \
	"  OR EXISTS (SELECT 1 FROM activity_partner ap WHERE ap.activity_id = a.id AND ap.org_id = ?1))" \
	" AND (?2 IS NULL OR EXISTS (SELECT 1 FROM activity_district ad JOIN area x ON x.id = ad.area_id" \
	"  WHERE ad.activity_id = a.id AND (x.id = ?2 OR x.parent_id = ?2)))" \
	" AND (?3 IS NULL OR ?3 BETWEEN coalesce(a.start_first / 10000, p.year_from, ?3)" \
	"  AND coalesce(a.end_last / 10000, p.year_to, ?3))" \
	" AND " PUB_ACTIVITY("a")
/* (district_id, org_id) */
#define MEASURES_FROM \
	" FROM measure m JOIN plan_version pv ON pv.id = m.plan_version_id" \
	" JOIN plan p ON p.id = pv.plan_id LEFT JOIN area d ON d.id = p.district_id" \
	" WHERE (?1 IS NULL OR p.district_id = ?1)" \
	" AND (?2 IS NULL OR p.owner_id = ?2 OR EXISTS (SELECT 1 FROM measure_partner mp" \
	"  WHERE mp.measure_id = m.id AND mp.org_id = ?2)) AND pv.status <> 'draft'"
/* (org_id, district_id, year) */
#define PLANS_FROM \
	" FROM plan p" \
	" JOIN organisation o ON o.id = p.owner_id LEFT JOIN area d ON d.id = p.district_id" \
	" JOIN plan_version pv ON pv.plan_id = p.id AND pv.version =" \
	"  (SELECT version FROM plan_version WHERE plan_id = p.id" \
	" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)" \
	" WHERE (?1 IS NULL OR p.owner_id = ?1 OR o.pair_id = ?1) AND (?2 IS NULL OR p.district_id = ?2)" \
	" AND (?3 IS NULL OR ?3 BETWEEN p.year_from AND p.year_to)"
/* (org_id, year) */
#define REPORTS_FROM \
	" FROM report r JOIN organisation o ON o.id = r.org_id" \
	" JOIN period pe ON pe.id = r.period_id WHERE (?1 IS NULL OR r.org_id = ?1)" \
	" AND (?2 IS NULL OR pe.year = ?2)"
/* () */
#define RECOMMENDATIONS_FROM \
	" FROM recommendation r JOIN commission_report cr ON cr.id = r.report_id"
/* (district_id, level) */
#define AREAS_FROM \
	" FROM area a" \
	" LEFT JOIN area p ON p.id = a.parent_id WHERE (?1 IS NULL OR a.id = ?1 OR a.parent_id = ?1" \
	"  OR p.parent_id = ?1) AND (?2 IS NULL OR a.level = ?2)"
/* (year) */
#define PERIODS_FROM " FROM period WHERE ?1 IS NULL OR year = ?1"
/* (org_id, district_id, year) */
#define ALLOCATIONS_FROM \
	" FROM resource_allocation r" \
	" JOIN organisation o ON o.id = r.org_id JOIN area a ON a.id = r.area_id" \
	" WHERE (?1 IS NULL OR r.org_id = ?1) AND (?2 IS NULL OR r.area_id = ?2 OR a.parent_id = ?2)" \
	" AND (?3 IS NULL OR r.year = ?3)"
/* (org_id) */
#define RESPONSES_FROM \
	" FROM response r" \
	" JOIN organisation o ON o.id = r.org_id JOIN commission_measure m ON m.id = r.measure_id" \
	" JOIN commission_report cr ON cr.id = m.report_id WHERE ?1 IS NULL OR r.org_id = ?1"

/* The outcomes: (org_id, district_id, year, indicator_id, area_id, sex, period) and, for a list,
 * (limit, offset) as ?8 and ?9. OUT_COLS: the columns of an outcome x with its indicator i,
 * period pe and area a; OUT_JOIN: those three joined to x; OUT_WHERE: every filter, with the
 * publication and figure rules. The texts: the period by lup_period (store-sqlite.c: each
 * period's text kept, as year || '-' || kind) and the name by lup_spaced (store-sqlite.c: its
 * four NOT NULL parts joined as printf('%s %s %s %s') did, without printf's formatting) rather
 * than seven || (each allocates: the name and period were 0.35M instructions of a page of 100). */
#define OUT_COLS \
	"SELECT x.id, lup_spaced(i.key, lup_period(pe.year, pe.kind), a.key, x.sex) AS name," \
	" i.key AS indicator, lup_period(pe.year, pe.kind) AS period, a.key AS area, x.sex, x.value," \
	" x.missing, x.source, x.derived, x.example"
#define OUT_JOIN \
	" JOIN indicator i ON i.id = x.indicator_id JOIN period pe ON pe.id = x.period_id JOIN area a ON a.id = x.area_id"
#define OUT_WHERE \
	" (?1 IS NULL OR i.owner_id = ?1) AND (?2 IS NULL OR x.area_id = ?2 OR a.parent_id = ?2)" \
	" AND (?3 IS NULL OR pe.year = ?3) AND (?4 IS NULL OR x.indicator_id = ?4)" \
	" AND (?5 IS NULL OR x.area_id = ?5) AND (?6 IS NULL OR x.sex = ?6)" \
	" AND (?7 IS NULL OR pe.kind = ?7 OR pe.year || '-' || pe.kind = ?7)" \
	" AND " PUB_INDICATOR("i") " AND " SEE_FIGURE("x", "i")
/* The outcomes that an area leads to: per period, the area's outcomes through
 * outcome_period_area (period_id, area_id, ...: migration 0052 dropped the index by indicator
 * and area; no index leads with the area). */
#define OUT_BY_AREA \
	" FROM period pe CROSS JOIN outcome x ON x.period_id = pe.id AND x.area_id = ?5" \
	" JOIN indicator i ON i.id = x.indicator_id JOIN area a ON a.id = x.area_id WHERE"
/* The outcomes that a district leads to: its areas (itself and those it holds), then per period
 * each area's outcomes through outcome_period_area. */
#define OUT_BY_DISTRICT \
	" FROM area a CROSS JOIN period pe CROSS JOIN outcome x ON x.period_id = pe.id AND x.area_id = a.id" \
	" JOIN indicator i ON i.id = x.indicator_id WHERE (a.id = ?2 OR a.parent_id = ?2) AND"
/* The count of the outcomes by area or district from derived_outcome_sexes (0052, by period and
 * area through 0058's index): a row per (indicator, area, period) with the bits of its sexes
 * (K 1, M 2, T 4, and again shifted by 3 for example data) and of those not public in themselves
 * (shut), so the indicator is sought per row of up to three outcomes (121 rows for Spånga-Tensta's
 * 263 outcomes of 2022). OUT_SEX_BITS: the sexes of row x that the filter ?6 keeps;
 * OUT_SEEN_BITS: those the viewer may see (all where none is shut or the rule admits the
 * indicator's figures of the period); OUT_SEX_COUNT counts them (the bits of 0-7 read from a
 * table of eight nibbles, so the CASE is written once); a row without the sex asked for is left
 * before its indicator is sought. from: the FROM of the rows x (with a and
 * pe) and the conditions that choose the areas. */
#define OUT_SEX_BITS \
	"((x.sexes | (x.sexes >> 3)) & CASE WHEN ?6 IS NULL THEN 7 WHEN ?6 = 'K' THEN 1" \
	" WHEN ?6 = 'M' THEN 2 WHEN ?6 = 'T' THEN 4 ELSE 0 END)"
#define OUT_SEEN_BITS \
	"CASE WHEN x.shut & " OUT_SEX_BITS " = 0 OR " SEE_FIGURE_IF("0", "x.period_id", "i") \
	" THEN " OUT_SEX_BITS " ELSE " OUT_SEX_BITS " & ~x.shut END"
#define OUT_SEX_COUNT(from) \
	"SELECT coalesce(sum(0x32212110 >> 4 * (" OUT_SEEN_BITS ") & 15), 0)" \
	from " JOIN indicator i ON i.id = x.indicator_id WHERE (?6 IS NULL OR " OUT_SEX_BITS " <> 0) AND (?1 IS NULL OR i.owner_id = ?1)" \
	" AND (?2 IS NULL OR x.area_id = ?2 OR a.parent_id = ?2) AND (?3 IS NULL OR pe.year = ?3)" \
	" AND (?4 IS NULL OR x.indicator_id = ?4) AND (?5 IS NULL OR x.area_id = ?5)" \
	" AND (?7 IS NULL OR pe.kind = ?7 OR pe.year || '-' || pe.kind = ?7) AND " PUB_INDICATOR("i")
#define OUT_SEXES_FROM \
	" FROM area a CROSS JOIN period pe CROSS JOIN derived_outcome_sexes x" \
	" INDEXED BY derived_outcome_sexes_period_area ON x.period_id = pe.id AND x.area_id = a.id"
/* A page of outcomes by ids: the ids of the page in order (sorting ids only), then their
 * columns, read in the order of the ids' IN list (x.id IN: no second sort of the wide rows,
 * which "FROM pg CROSS JOIN outcome x ... ORDER BY x.id" made: 0.18M of a page of 100). from: a
 * FROM with its WHERE open for OUT_WHERE. */
#define OUT_PAGE(from) \
	"WITH pg AS (SELECT x.id" from OUT_WHERE " ORDER BY x.id LIMIT ?8 OFFSET ?9) " \
	OUT_COLS " FROM outcome x" OUT_JOIN " WHERE x.id IN (SELECT id FROM pg) ORDER BY x.id"

const char *const sqlite_sql_lists[STMT__MAX] = {
	[STMT_LIST_ORGANISATIONS] =
		"SELECT o.id, o.key, o.name, o.kind, p.key AS pair, o.city_owned, o.housing" ORGS_FROM
		" ORDER BY o.name COLLATE sv, o.id",
	[STMT_LIST_DISTRICTS] =
		"SELECT a.id, a.key, a.name, a.code, a.prioritised, o.key AS committee" DISTRICTS_FROM
		" ORDER BY a.name COLLATE sv",
	[STMT_LIST_DISTRICTS_BY_ID] =
		"SELECT a.id, a.key, a.name, a.code, a.prioritised, o.key AS committee" DISTRICTS_FROM
		" ORDER BY a.id",
	[STMT_LIST_THEMES] =
		"SELECT t.id, t.name, d.key AS district, t.ord, t.extra,"
		" (SELECT count(*) FROM measure_theme mt WHERE mt.theme_id = t.id) AS measures" THEMES_FROM
		" ORDER BY d.name COLLATE sv, t.ord, t.id",
	[STMT_LIST_GOALS] =
		"SELECT g.id, g.key, g.number, g.title AS name, g.level, o.key AS owner, g.year,"
		" pg.key AS parent" GOALS_FROM " ORDER BY g.year, g.key",
	[STMT_LIST_INDICATORS] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, i.periodicity, g.key AS goal,"
		" o.key AS owner" INDICATORS_FROM " ORDER BY i.key",
	[STMT_LIST_ACTIVITIES] =
		"SELECT a.id, a.key, a.title AS name, o.key AS owner, a.role, a.status,"
		" a.start_text AS start, a.end_text AS end" ACTIVITIES_FROM " ORDER BY a.key",
	[STMT_LIST_MEASURES] =
		"SELECT m.id, m.key, m.title AS name, d.key AS district, m.status, m.start_text AS start"
		MEASURES_FROM " ORDER BY d.name COLLATE sv, m.ord, m.id",
	[STMT_LIST_PLANS] =
		"SELECT p.id, p.key, p.title AS name, p.kind, o.key AS owner, d.key AS district,"
		" p.year_from, p.year_to, pv.version, pv.status" PLANS_FROM
		" ORDER BY p.kind, p.key",
	[STMT_LIST_REPORTS] =
		"SELECT r.id, o.name || ' ' || pe.year || '-' || pe.kind AS name, o.key AS org,"
		" pe.year, pe.kind AS period, r.status" REPORTS_FROM
		" ORDER BY pe.year, pe.kind, o.name COLLATE sv",
	[STMT_LIST_RECOMMENDATIONS] =
		"SELECT r.id, cr.key AS report, r.number, coalesce(r.text, r.number) AS name" RECOMMENDATIONS_FROM
		" ORDER BY cr.key, r.number",
	[STMT_LIST_AREAS] =
		"SELECT a.id, a.key, a.name, a.level, p.key AS parent, a.code" AREAS_FROM
		" ORDER BY CASE a.level WHEN 'municipality' THEN 1 WHEN 'district' THEN 2"
		" WHEN 'neighbourhood' THEN 3 ELSE 4 END, a.name COLLATE sv",
	[STMT_LIST_PERIODS] =
		"SELECT id, year || '-' || kind AS name, year, kind, first_day, last_day" PERIODS_FROM
		" ORDER BY year, kind",
	[STMT_LIST_ALLOCATIONS] =
		"SELECT r.id, o.name || ' ' || a.name || ' ' || r.year AS name, o.key AS org, a.key AS area,"
		" r.year, r.kind, r.amount, r.unit, r.note, r.example" ALLOCATIONS_FROM
		" ORDER BY r.year, o.name COLLATE sv, a.name COLLATE sv, r.kind",
	[STMT_LIST_RESPONSES] =
		"SELECT r.id, o.name || ' ' || cr.key || ' ' || m.number AS name, o.key AS org, cr.key AS report,"
		" m.number AS measure, r.stance, r.stance_phrase, r.no_response" RESPONSES_FROM
		" ORDER BY cr.key, m.number, o.name COLLATE sv",

	/* outcomes: no indicator, area or district given: in the order of their ids, each tested
	 * against the filters given, until the page is full */
	[STMT_LIST_OUTCOMES] =
		OUT_COLS " FROM outcome x" OUT_JOIN " WHERE" OUT_WHERE " ORDER BY x.id LIMIT ?8 OFFSET ?9",
	/* an indicator given: its outcomes through outcome's key (indicator_id, ...) */
	[STMT_LIST_OUTCOMES_INDICATOR] = OUT_PAGE(" FROM outcome x" OUT_JOIN " WHERE x.indicator_id = ?4 AND"),
	/* an area given (and no indicator) */
	[STMT_LIST_OUTCOMES_AREA] = OUT_PAGE(OUT_BY_AREA),
	/* a district given (and no indicator or area) */
	[STMT_LIST_OUTCOMES_DISTRICT] = OUT_PAGE(OUT_BY_DISTRICT),
	/* no area or district given: from derived_outcome_count (0055) per public indicator, with
	 * the sexes and the periods the filters keep (the periods as a list made once, where a year
	 * or period is given): the figures public in themselves (open), and the others where the
	 * viewer may see the indicator's figures of the period (SEE_FIGURE, tested only where
	 * there are such figures) */
	[STMT_COUNT_OUTCOMES] =
		"SELECT coalesce(sum(c.open + CASE WHEN c.n > c.open AND " SEE_FIGURE_IF("0", "c.period_id", "i")
		" THEN c.n - c.open ELSE 0 END), 0)"
		" FROM indicator i CROSS JOIN derived_outcome_count c ON c.indicator_id = i.id"
		" WHERE " PUB_INDICATOR("i") " AND (?1 IS NULL OR i.owner_id = ?1) AND ?2 IS NULL"
		" AND (?4 IS NULL OR i.id = ?4) AND ?5 IS NULL AND (?6 IS NULL OR c.sex = ?6)"
		" AND (?3 IS NULL AND ?7 IS NULL OR c.period_id IN (SELECT id FROM period"
		"  WHERE (?3 IS NULL OR year = ?3) AND (?7 IS NULL OR kind = ?7 OR year || '-' || kind = ?7)))",
	/* no filter at all (the default page): every figure public in itself (derived_outcome_total,
	 * 0055), less those of indicators in a draft, plus those behind the rule that the viewer may
	 * see (through derived_outcome_count_closed: rows with n > open); no row when a filter is
	 * given */
	[STMT_COUNT_OUTCOMES_ALL] =
		"SELECT (SELECT open FROM derived_outcome_total WHERE id = 1)"
		" - coalesce((SELECT sum(c.open) FROM indicator i CROSS JOIN derived_outcome_count c"
		"  ON c.indicator_id = i.id WHERE NOT " PUB_INDICATOR("i") "), 0)"
		" + coalesce((SELECT sum(c.n - c.open) FROM derived_outcome_count c"
		"  JOIN indicator i ON i.id = c.indicator_id"
		"  WHERE c.n > c.open AND " PUB_INDICATOR("i") " AND " SEE_FIGURE_IF("0", "c.period_id", "i") "), 0)"
		" WHERE coalesce(?1, ?2, ?3, ?4, ?5, ?6, ?7) IS NULL",
	[STMT_COUNT_OUTCOMES_AREA] = OUT_SEX_COUNT(OUT_SEXES_FROM " AND a.id = ?5"),
	[STMT_COUNT_OUTCOMES_DISTRICT] = OUT_SEX_COUNT(OUT_SEXES_FROM " AND (a.id = ?2 OR a.parent_id = ?2)"),
};
