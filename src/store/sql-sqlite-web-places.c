/* sql-sqlite-web-places.c: SQLite text of the 'places' pages' statements (see stmt-web-places.h):
 * the list of districts, one district's programme, the organisations and one organisation's plan. */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* The current version of an LUP plan (p: plan, pv: plan_version): the adopted one, else the newest
 * public one; never a draft (model/planver.h). */
/* The plan version a LUP p shows: its newest adopted one, else its newest that is not a draft.
 * Two max() over the plan's few versions rather than ORDER BY ... LIMIT 1, which made SQLite
 * open, zero and sort a sorter per plan (a third of /stadsdelar's instructions). */
#define LATEST_LUP(p, pv) \
	p ".kind = 'lup' AND " pv ".version = coalesce((SELECT max(version) FROM plan_version WHERE plan_id = " \
	p ".id AND status = 'decided'), (SELECT max(version) FROM plan_version WHERE plan_id = " p ".id" \
	" AND status <> 'draft'))"

/* col is the organisation ?n itself, its administration (whose pair_id is ?n) or its committee.
 * NULL (not false) when ?n or a pair is NULL: wrap in coalesce(..., 0) before NOT. */
#define OWNED_BY(col, n) \
	"(" col " = ?" n " OR " col " IN (SELECT id FROM organisation WHERE pair_id = ?" n ")" \
	" OR " col " = (SELECT pair_id FROM organisation WHERE id = ?" n "))"

/* OWNED_BY as one list built once per statement and probed, or walked through the owner's index
 * (the organisation page's statements): the three terms ORed cost SQLite a multi-index OR with
 * a rowset, and three tests per row. The same NULLs. */
#define OWNED_IN(col, n) \
	"(" col " IN (SELECT ?" n " UNION ALL SELECT id FROM organisation WHERE pair_id = ?" n \
	" UNION ALL SELECT pair_id FROM organisation WHERE id = ?" n "))"

/* The first and last id of plan version ?1's measures: a seek each of 0070's measure_version
 * (plan_version_id, id). A range of ids between them holds the version's measures and any of
 * other versions made between them (a reader checks each row's measure by its rowid,
 * +m.plan_version_id: through measure_version SQLite carried the range into a seek of the
 * index per row, 2.5K instructions against 0.8K). */
#define MEASURE_ID_MIN "(SELECT min(id) FROM measure WHERE plan_version_id = ?1)"
#define MEASURE_ID_MAX "(SELECT max(id) FROM measure WHERE plan_version_id = ?1)"

/* Some activity of organisation ?1, its pair or one naming it its pair has a district link
 * (any year, drafts too): the first found ends the walk of the owners' activities. */
#define ORG_HAS_LINKS \
	"EXISTS (SELECT 1 FROM (SELECT ?1 AS id UNION ALL SELECT id FROM organisation WHERE pair_id = ?1" \
	" UNION ALL SELECT pair_id FROM organisation WHERE id = ?1) ow_ CROSS JOIN activity la_ ON la_.owner_id = ow_.id" \
	" CROSS JOIN activity_district ld_ ON ld_.activity_id = la_.id)"

const char *const sqlite_sql_web_places[STMT__MAX] = {
	/* () -> id, key, name of the municipality the districts belong to */
	[STMT_WEB_PLACES_CITY] =
		"SELECT m.id, m.key, m.name FROM area d JOIN area m ON m.id = d.parent_id"
		" WHERE d.level = 'district' ORDER BY d.id LIMIT 1",
	/* () -> every district with its committee (the sizes of their programmes:
	 * WEB_PLACES_DISTRICT_COUNTS) */
	[STMT_WEB_PLACES_DISTRICTS] =
		"SELECT a.id, a.key, a.name, a.prioritised, o.key AS committee, o.name AS committee_name"
		" FROM area a LEFT JOIN organisation o ON o.id = a.committee_id WHERE a.level = 'district'"
		" ORDER BY a.name COLLATE sv",
	/* () -> kind, a, b: every district link (kind 0: area_id, activity_id), every area with a
	 * parent (1: id, parent_id), every draft activity (2: id, NULL) and every LUP's shown
	 * version's number of measures (3: district_id, count), from which /stadsdelar counts each
	 * district's measures and public activities in C. Before, a count per district: SQLite's
	 * count(DISTINCT) built and zeroed a temporary b-tree each and sought every linked activity
	 * and area row (0.74M), and each district's measures found its LUPs' versions again. */
	[STMT_WEB_PLACES_DISTRICT_COUNTS] =
		"SELECT 0, area_id, activity_id FROM activity_district"
		" UNION ALL SELECT 1, id, parent_id FROM area WHERE parent_id IS NOT NULL"
		" UNION ALL SELECT 2, id, NULL FROM activity WHERE " DRAFT_ACTIVITY("activity") ""
		" UNION ALL SELECT 3, p.district_id, (SELECT count(*) FROM measure m WHERE m.plan_version_id = pv.id)"
		" FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" WHERE " LATEST_LUP("p", "pv") " AND p.district_id IS NOT NULL",
	/* () -> district_id, name: the themes of every district's latest LUP (no extra ones), driven
	 * by the plans (the version found once per plan, not once per theme) */
	[STMT_WEB_PLACES_ALL_THEMES] =
		"SELECT p.district_id, t.name FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" CROSS JOIN theme t ON t.plan_version_id = pv.id AND t.extra = 0"
		" WHERE " LATEST_LUP("p", "pv") " ORDER BY p.district_id, t.ord, t.id",
	/* () -> district_id, name: the prioritised areas of every district's latest LUP, driven by
	 * the plans as the themes */
	[STMT_WEB_PLACES_ALL_PAREAS] =
		"SELECT p.district_id, a.name FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" CROSS JOIN prioritised_area pa ON pa.plan_version_id = pv.id JOIN area a ON a.id = pa.area_id"
		" WHERE " LATEST_LUP("p", "pv") " ORDER BY p.district_id, pa.rowid",
	/* (district_id) -> the district's LUP in its latest version */
	[STMT_WEB_PLACES_DISTRICT_LUP] =
		"SELECT p.id, p.key, p.title, p.year_from, p.year_to, pv.id AS version_id, pv.version, pv.status,"
		" pv.decided_on, dec.name AS decided_by, pv.area_scope, pv.note"
		" FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" LEFT JOIN organisation dec ON dec.id = pv.decided_by"
		" WHERE " LATEST_LUP("p", "pv") " AND p.district_id = ?1 ORDER BY p.year_to DESC, p.id DESC LIMIT 1",
	/* (plan_version_id) -> its themes, unordered: the district page sorts them by ord and id
	 * (web/page-district.c sort_sections; SQLite's sorter was about 13K instructions) */
	[STMT_WEB_PLACES_THEMES] =
		"SELECT id, name, ord, extra, description FROM theme WHERE plan_version_id = ?1",
	/* (plan_version_id) -> theme_id, alias, valid_to: the other names of its themes (valid_to: a
	 * former name), unordered: the page sorts them by theme and alias in Swedish order
	 * (web/page-district.c sort_sections) */
	[STMT_WEB_PLACES_THEME_ALIASES] =
		"SELECT a.theme_id, a.alias, a.valid_to FROM theme_alias a JOIN theme t ON t.id = a.theme_id"
		" WHERE t.plan_version_id = ?1",
	/* (plan_version_id) -> theme_id, target_group */
	[STMT_WEB_PLACES_THEME_GROUPS] =
		"SELECT g.theme_id, g.target_group, g.rowid AS seq FROM theme_target_group g JOIN theme t"
		" ON t.id = g.theme_id WHERE t.plan_version_id = ?1",
	/* (plan_version_id) -> its measures, one row per measure and theme (theme_id NULL: none), in
	 * order; their sources are STMT_WEB_PLACES_MEASURE_SOURCES (joined here, a probe of provenance
	 * per measure was 70K of 0.35M instructions for the 43 of Spånga-Tensta's, none found) */
	[STMT_WEB_PLACES_DISTRICT_MEASURES] =
		"SELECT m.id, m.title, m.description, m.status, m.start_text, m.end_text, mt.theme_id FROM measure m"
		" LEFT JOIN measure_theme mt ON mt.measure_id = m.id WHERE m.plan_version_id = ?1"
		" ORDER BY m.ord, m.id",
	/* (plan_version_id) -> measure_id, key, name, role: the partners of its measures (key NULL: a
	 * plan partner outside the registry, named by its label), unordered: the page sorts them by
	 * measure, the lead first, then name in Swedish order (web/page-district.c sort_sections).
	 * The range of measure_partner's key between the version's first and last measure id
	 * (0070 measure_version: a seek each), each row's measure checked against the version, where
	 * each of the version's measures was probed (43 probes for 11 rows) */
	[STMT_WEB_PLACES_MEASURE_PARTNERS] =
		"SELECT mp.measure_id, o.key, coalesce(o.name, pp.label) AS name, mp.role FROM measure_partner mp"
		" CROSS JOIN measure m ON m.id = mp.measure_id LEFT JOIN organisation o ON o.id = mp.org_id"
		" LEFT JOIN plan_partner pp ON pp.id = mp.plan_partner_id"
		" WHERE mp.measure_id BETWEEN " MEASURE_ID_MIN " AND " MEASURE_ID_MAX " AND +m.plan_version_id = ?1",
	/* (plan_version_id) -> measure_id, src_doc, src_from, src_to: where an import found its
	 * measures (the document and its lines), by measure: the range of provenance's key between
	 * the version's first and last measure id (as the partners above), each row's measure checked
	 * against the version */
	[STMT_WEB_PLACES_MEASURE_SOURCES] =
		"SELECT pr.entity_id AS measure_id, d.name AS src_doc, pr.line_from AS src_from, pr.line_to AS src_to"
		" FROM provenance pr CROSS JOIN measure m ON m.id = pr.entity_id CROSS JOIN source_doc d ON d.id = pr.doc_id"
		" WHERE pr.entity = 'measure' AND pr.entity_id BETWEEN " MEASURE_ID_MIN " AND " MEASURE_ID_MAX
		" AND +m.plan_version_id = ?1",
	/* (district_id) -> the activities serving the district or a place in it, unordered (the
	 * page sorts them by owner in C: web/page-district.c sort_acts), with the owner's id and pair
	 * (owner_id; the page reads the owners' keys, names and pairs once each,
	 * STMT_WEB_PLACES_ORGS_BY_ID, and tells the committee's own from them, where a test per row
	 * here, OWNED_IN, cost 170K of 0.90M instructions). The places are a tree's three levels, so
	 * UNION ALL (no temporary table to drop repeats); they drive activity_district's area index,
	 * and each link is joined to its activity: an activity linked to two of the places comes
	 * twice, and the page drops the repeat after sorting (page-district.c sort_acts), where
	 * the list of the links' activities (a temporary index, then a seek per entry) cost 0.17M of
	 * 0.77M instructions for the 155 activities of district 3. Each row carries its plan's
	 * version (plan_version_id, NULL: none): the page tells the contributions among them by
	 * STMT_WEB_PLACES_CONTRIB_VERSIONS and reads those by id (STMT_WEB_PLACES_DISTRICT_CONTRIB). */
	[STMT_WEB_PLACES_DISTRICT_ACTIVITIES] =
		"WITH places(id) AS (SELECT ?1 UNION ALL SELECT id FROM area WHERE parent_id = ?1"
		"  UNION ALL SELECT a.id FROM area a JOIN area p ON p.id = a.parent_id WHERE p.parent_id = ?1)"
		" SELECT a.id, a.key, a.title, a.owner_id, a.role, a.status, a.start_text, a.end_text,"
		" a.start_first, a.end_last, a.plan_version_id FROM places CROSS JOIN activity_district ad ON ad.area_id = places.id"
		" CROSS JOIN activity a ON a.id = ad.activity_id WHERE " PUB_ACTIVITY("a"),
	/* (ids: a JSON array of organisation ids) -> id, key, name, pair_id of each: the owners of
	 * the district page's activities, read once each (the page finds them among its activities'
	 * rows), where STMT_WEB_PLACES_DISTRICT_ACTIVITIES joined the owner to each of its 155 rows
	 * (0.11M of its 0.56M instructions for Spånga-Tensta's 2 owners). Each id once (the page's
	 * list has no repeats): joined, not an IN list (a temporary table, 38K -> 9K). */
	[STMT_WEB_PLACES_ORGS_BY_ID] =
		"SELECT o.id, o.key, o.name, o.pair_id FROM json_each(?1) j CROSS JOIN organisation o ON o.id = j.value",
	/* (district_id) -> level, name: the district's neighbourhoods (its areas of level
	 * 'neighbourhood', two levels down at most, as STMT_REL_DISTRICT_NEIGHBOURHOODS reads them)
	 * for the page's facts, which name them only (in Swedish order: web/page-district.c
	 * sort_sections; the compound's two sorters were 26K): the relation's 20 rows of five
	 * columns sorted by level and name were 127K instructions for Spånga-Tensta, its 4
	 * neighbourhoods 57K */
	[STMT_WEB_PLACES_DISTRICT_NEIGHBOURHOODS] =
		"SELECT a.level, a.name FROM area a WHERE a.parent_id = ?1 AND a.level = 'neighbourhood'"
		" UNION ALL SELECT a.level, a.name FROM area p CROSS JOIN area a ON a.parent_id = p.id"
		" WHERE p.parent_id = ?1 AND a.level = 'neighbourhood'",
	/* () -> id: the versions whose activities are contributions as STMT_CB_LIST shows them
	 * (the current versions of the contribution plans: neither replaced nor under revision) */
	[STMT_WEB_PLACES_CONTRIB_VERSIONS] =
		"SELECT cv.id FROM plan cp CROSS JOIN plan_version cv ON cv.plan_id = cp.id"
		" WHERE cp.kind = 'contribution' AND cv.status NOT IN ('superseded','revision')",
	/* (district id, LUP plan_version_id or NULL, ids: a JSON array of activity ids) -> the
	 * district page's contributions: STMT_CB_LIST's rows and order (the columns the page shows:
	 * not the description, the plan's and the rows' keys, nor the districts), where the
	 * contributions linked to the district's places are the ones of ids (the page finds them
	 * among STMT_WEB_PLACES_DISTRICT_ACTIVITIES' rows by their versions,
	 * STMT_WEB_PLACES_CONTRIB_VERSIONS), and those naming a measure or goal of one of the
	 * district's LUPs are found from the LUPs' measures and goals (activity_measure, 0059;
	 * activity_goal). CB_LIST walks the places' links again into a list and tests every
	 * contribution activity against it: 0.44M instructions for district 3, 0.17M this way
	 * (less for each of the 14 districts). An id that is not a current contribution's is
	 * dropped by the joins. The three lists are a UNION ALL: an activity in two of them (or twice
	 * in ids) comes twice (a UNION's temporary b-tree was 30K of 136K instructions for
	 * Spånga-Tensta). Unordered: the page sorts the rows in CB_LIST's order (owner name in
	 * Swedish order, owner, undated last, start_first, id) and drops the repeats
	 * (web/page-district.c sort_sections; the sorter was about 13K). The activities naming a
 * measure of a LUP version are the range of activity_measure between the version's first and
 * last measure id (0070 measure_version), each checked against the version by its measure's
 * rowid, where each of the version's measures was probed (43 probes: 67K -> 14K instructions
 * for Spånga-Tensta's). */
	[STMT_WEB_PLACES_DISTRICT_CONTRIB] =
		"WITH ids(id) AS (SELECT value FROM json_each(?3)"
		" UNION ALL SELECT a.id FROM plan p CROSS JOIN plan_version v ON v.plan_id = p.id"
		"  CROSS JOIN activity a INDEXED BY activity_measure ON a.measure_id BETWEEN"
		"  (SELECT min(id) FROM measure WHERE plan_version_id = v.id) AND (SELECT max(id) FROM measure"
		"  WHERE plan_version_id = v.id) CROSS JOIN measure m ON m.id = a.measure_id AND +m.plan_version_id = v.id"
		"  WHERE p.kind = 'lup' AND p.district_id = ?1"
		" UNION ALL SELECT a.id FROM plan p CROSS JOIN plan_version v ON v.plan_id = p.id"
		"  CROSS JOIN goal g ON g.plan_version_id = v.id CROSS JOIN activity a ON a.goal_id = g.id"
		"  WHERE p.kind = 'lup' AND p.district_id = ?1)"
		" SELECT a.id, a.key, a.title, a.role, a.status, a.start_text, a.end_text, o.id AS owner_id,"
		" o.key AS owner, o.name AS owner_name, m.id AS measure_id, m.title AS measure_title,"
		" m0.title AS measure0_title, g.id AS goal_id, g.title AS goal_title, g0.title AS goal0_title,"
		" a.start_first FROM ids CROSS JOIN activity a ON a.id = ids.id CROSS JOIN plan_version cv ON cv.id = a.plan_version_id"
		"  AND cv.status NOT IN ('superseded','revision') CROSS JOIN plan cp ON cp.id = cv.plan_id"
		"  AND cp.kind = 'contribution' JOIN organisation o ON o.id = a.owner_id"
		" LEFT JOIN measure m0 ON m0.id = a.measure_id LEFT JOIN plan_version mv0 ON mv0.id = m0.plan_version_id"
		" LEFT JOIN goal g0 ON g0.id = a.goal_id LEFT JOIN plan_version gv0 ON gv0.id = g0.plan_version_id"
		" LEFT JOIN measure m ON m.plan_version_id = ?2 AND coalesce(m.ident, m.key) = coalesce(m0.ident, m0.key)"
		"  AND mv0.plan_id = (SELECT plan_id FROM plan_version WHERE id = ?2)"
		" LEFT JOIN goal g ON g.plan_version_id = ?2 AND coalesce(g.ident, g.key) = coalesce(g0.ident, g0.key)"
		"  AND gv0.plan_id = (SELECT plan_id FROM plan_version WHERE id = ?2)"
		" WHERE " PUB_ACTIVITY("a"),
	/* (district_id) -> the district page's district (STMT_SHOW_DISTRICT's columns the page
	 * shows) with its committee's id and its pair's (committee_id, committee_pair; NULL: none),
	 * in one read where SHOW_DISTRICT and a read of the committee were two */
	[STMT_WEB_PLACES_DISTRICT_COMMITTEE] =
		"SELECT a.id, a.key, a.name, a.prioritised, o.key AS committee, o.name AS committee_name,"
		" a.committee_id, o.pair_id AS committee_pair FROM area a"
		" LEFT JOIN organisation o ON o.id = a.committee_id WHERE a.id = ?1 AND a.level = 'district'",
/* The year the district page compares (STMT_WEB_PLACES_DISTRICT_COMPARE): ?2, or when 0 the
 * newest full year with an outcome of the district ?1 that the viewer sees (per full-year
 * period, newest first, whether one is seen: the first seen ends the search). */
#define DC_YEAR \
	"coalesce(nullif(?2, 0), (SELECT ye.year FROM period ye WHERE ye.kind = 'FY'" \
	" AND EXISTS (SELECT 1 FROM outcome x WHERE x.period_id = ye.id AND x.area_id = ?1" \
	" AND " SEE_OUTCOME("x", "x.indicator_id") ") ORDER BY ye.year DESC LIMIT 1))"
	/* (district_id, year, committee_id) -> part, id, key, name, unit, direction, owner_name,
	 * owner_id, sexes, vt, vk, vm, seen, fy in three parts, unordered (view/district.c makes a
	 * row of each sex of the year, joins and sorts them in C, and keeps the sparklines' totals
	 * and the years with figures the viewer sees, which were a statement of their own until
	 * session 20; year 0: the newest of those, which part 1 finds for itself: per full year,
	 * newest first, whether one outcome of the district is seen, the first seen ending it):
	 * part 0, every public indicator with a full-year outcome for the district in some year,
	 * its outcomes of every full year as the text fy of derived_district_fy (0067: entries
	 * "year sexes shut vt vk vm" joined by ';', in any order, a year on one entry or more whose
	 * sexes and values the loader adds up; values as strtod reads them, empty when NULL), and
	 * seen, NULL when no entry has a shut sex, else the full years (space-separated) whose
	 * figures of the indicator the viewer may see though not public in themselves
	 * (SEE_FIGURE_IF's other terms: a sex shut in an entry of another year is taken off); part
	 * 1, the city's (the district's municipality's) outcomes of the year (id, sexes and values;
	 * the rest NULL); part 2, the committee, its administration and its pair (id; NULL when
	 * there is none), whose indicators are the committee's own. The city's are
	 * derived_outcome_sexes' rows (0052), one per indicator with the sexes as columns: sexes,
	 * the bits of the sexes (K 1, M 2, T 4) and, shifted by 3, those of them that are example
	 * data; vt, vk, vm their values (NULL: missing); a sex whose figure is not public in itself
	 * (shut) is kept where the rule's other terms admit it, else its bit is taken off (sexes &
	 * ~shut). Spånga-Tensta: 71 rows of part 0 where the year's comparison read 71 rows of
	 * derived_outcome_sexes and the sparklines' totals (STMT_WEB_PLACES_DISTRICT_SERIES until
	 * session 19) 284 rows of outcome_period_area. */
	[STMT_WEB_PLACES_DISTRICT_COMPARE] =
		"SELECT 3 AS part, " DC_YEAR " AS id, NULL AS key, NULL AS name, NULL AS unit, NULL AS direction,"
		" NULL AS owner_name, NULL AS owner_id, NULL AS sexes, NULL AS vt, NULL AS vk, NULL AS vm, NULL AS seen,"
		" NULL AS fy UNION ALL"
		" SELECT 0 AS part, i.id, i.key, i.name, i.unit, i.direction, o.name AS owner_name, i.owner_id,"
		" NULL AS sexes, NULL AS vt, NULL AS vk, NULL AS vm, (CASE WHEN x.shut = 0 THEN NULL ELSE"
		" (SELECT group_concat(pe.year, ' ') FROM period pe WHERE pe.kind = 'FY' AND "
		SEE_FIGURE_IF("0", "pe.id", "i") ") END) AS seen, x.fy"
		" FROM derived_district_fy x CROSS JOIN indicator i ON i.id = x.indicator_id"
		" JOIN organisation o ON o.id = i.owner_id WHERE x.area_id = ?1 AND " PUB_INDICATOR("i")
		" UNION ALL SELECT 1, c.indicator_id, NULL, NULL, NULL, NULL, NULL, NULL,"
		" (CASE WHEN c.shut = 0 OR EXISTS (SELECT 1 FROM indicator i WHERE i.id = c.indicator_id"
		" AND " SEE_FIGURE_IF("0", "c.period_id", "i") ") THEN c.sexes ELSE c.sexes & ~c.shut END), c.vt, c.vk, c.vm,"
		" NULL, NULL FROM period pe CROSS JOIN derived_outcome_sexes c INDEXED BY derived_outcome_sexes_period_area"
		" ON c.period_id = pe.id AND c.area_id = (SELECT parent_id FROM area WHERE id = ?1)"
		" WHERE pe.year = " DC_YEAR " AND pe.kind = 'FY'"
		" UNION ALL SELECT 2, ?3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
		" UNION ALL SELECT 2, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
		" FROM organisation WHERE pair_id = ?3"
		" UNION ALL SELECT 2, pair_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
		" FROM organisation WHERE id = ?3",
	/* (indicator_id, district_id) -> year, level, sex, value, example: the full-year totals (sex
	 * T) over the years of the district's municipality (level 'municipality'), by year: per
	 * full-year period (period_kind_year: in year order, no sorter) a seek of
	 * derived_outcome_sexes' key (0052), its T value when there is one the viewer may see (the
	 * rule's other terms for a figure not public in itself), example its T's example bit. The
	 * district's own totals are the comparison's (view/district.c district_view.series), which
	 * the page merges by year (page-district-indicators.c line_fill). The district and its
	 * parent from outcome were 92K instructions alone, the parent from derived_outcome_sexes 37K. */
	[STMT_WEB_PLACES_INDICATOR_SERIES] =
		"SELECT pe.year, p.level, 'T' AS sex, x.vt AS value, (x.sexes & 32) <> 0 AS example"
		" FROM indicator i CROSS JOIN area d CROSS JOIN area p CROSS JOIN period pe"
		" CROSS JOIN derived_outcome_sexes x"
		" WHERE i.id = ?1 AND d.id = ?2 AND p.id = d.parent_id AND pe.kind = 'FY' AND x.indicator_id = i.id"
		" AND x.area_id = p.id AND x.period_id = pe.id AND x.vt IS NOT NULL AND (x.sexes & 4) <> 0"
		" AND ((x.shut & 4) = 0 OR " SEE_FIGURE_IF("0", "pe.id", "i") ") AND " PUB_INDICATOR("i")
		" ORDER BY pe.year",
	/* (indicator_id, year) -> area, name, level, sexes, vt, vk, vm: the indicator's full-year
	 * outcomes of the year in every district and the municipality (STMT_COMPARISON's rows) as
	 * derived_outcome_sexes' rows (0052), one per area with the sexes as columns: sexes, the bits
	 * of the sexes the viewer may see (K 1, M 2, T 4; a sex whose figure is not public in itself
	 * is kept where the rule's other terms admit it, as the comparison's city part) and, shifted
	 * by 3, those of them that are example data; vt, vk, vm their values (NULL: missing).
	 * Unordered: the page folds them per district and sorts the districts by name in C
	 * (web/page-district-indicators.c sort_bars). Driven by the areas of the two levels, a seek of
	 * derived_outcome_sexes' key each: 15 rows for Stockholm's districts where outcome gave 45
	 * (one per sex), 134K -> 120K instructions alone. */
	[STMT_WEB_PLACES_DISTRICT_BARS] =
		"SELECT a.key AS area, a.name, a.level, (CASE WHEN x.shut = 0 OR " SEE_FIGURE_IF("0", "pe.id", "i")
		" THEN x.sexes ELSE x.sexes & ~x.shut END) AS sexes, x.vt, x.vk, x.vm"
		" FROM indicator i CROSS JOIN period pe CROSS JOIN area a CROSS JOIN derived_outcome_sexes x"
		" WHERE i.id = ?1 AND pe.year = ?2 AND pe.kind = 'FY' AND a.level IN ('municipality', 'district')"
		" AND x.indicator_id = i.id AND x.area_id = a.id AND x.period_id = pe.id AND " PUB_INDICATOR("i"),
	/* (district_id) -> the resources allocated to the district or places in it (the district's
	 * own rows, then its children's, by resource_allocation's area index), unordered: the page
	 * sorts them in C (web/page-district.c sort_alloc: year, newest first, the organisation's and
	 * the area's names in Swedish order, kind; the ORDER BY through COLLATE sv was 0.13M of 0.27M
	 * instructions), with the organisation's id only: the page reads each organisation once, with
	 * its activities' owners (STMT_WEB_PLACES_ORGS_BY_ID), where the join per row cost 42K of
	 * 194K instructions for Spånga-Tensta's 30 rows of 5 organisations. The two areas as a UNION
	 * ALL, not an OR (a row set per execution). */
	[STMT_WEB_PLACES_DISTRICT_ALLOCATIONS] =
		"SELECT r.org_id, a.name AS area, r.year, r.kind, r.amount, r.unit, r.note, r.example, a.id AS area_id"
		" FROM area a CROSS JOIN resource_allocation r ON r.area_id = a.id WHERE a.id = ?1"
		" UNION ALL SELECT r.org_id, a.name AS area, r.year, r.kind, r.amount, r.unit, r.note, r.example, a.id AS area_id"
		" FROM area a CROSS JOIN resource_allocation r ON r.area_id = a.id WHERE a.parent_id = ?1",

	/* () -> kind, number of organisations of the kind */
	[STMT_WEB_PLACES_ORG_KINDS] = "SELECT kind, count(*) FROM organisation GROUP BY kind",
	/* (kind) -> the organisations of the kind with their counterpart and district */
	[STMT_WEB_PLACES_ORGS] =
		"SELECT o.id, o.key, o.name, pr.key AS pair, pr.name AS pair_name, o.city_owned, o.housing,"
		" d.key AS district, d.name AS district_name,"
		" (SELECT count(*) FROM goal g WHERE g.owner_id = o.id AND " PUB_GOAL("g") ") AS goals,"
		" (SELECT count(*) FROM activity x WHERE x.owner_id = o.id AND " PUB_ACTIVITY("x") ") AS activities"
		" FROM organisation o LEFT JOIN organisation pr ON pr.id ="
		"  coalesce(o.pair_id, (SELECT min(id) FROM organisation WHERE pair_id = o.id))"
		" LEFT JOIN area d ON d.level = 'district' AND (d.committee_id = o.id OR d.committee_id = o.pair_id)"
		" WHERE o.kind = ?1 ORDER BY o.name COLLATE sv, o.id",
	/* (org_id) -> the organisation with its parent, counterpart and district (the district
	 * whose committee it is, else its pair's: each looked up through area_committee, not an OR
	 * of the two, whose multi-index row set was a temporary table: 48K -> 20K instructions) */
	[STMT_WEB_PLACES_ORG] =
		"SELECT o.id, o.key, o.name, o.kind, par.key AS parent, par.name AS parent_name, pr.key AS pair,"
		" pr.name AS pair_name, o.city_owned, o.housing, d.id AS district_id, d.key AS district,"
		" d.name AS district_name FROM organisation o LEFT JOIN organisation par ON par.id = o.parent_id"
		" LEFT JOIN organisation pr ON pr.id ="
		"  coalesce(o.pair_id, (SELECT min(id) FROM organisation WHERE pair_id = o.id))"
		" LEFT JOIN area d ON d.id = coalesce((SELECT x.id FROM area x WHERE x.committee_id = o.id"
		"  AND x.level = 'district'), (SELECT x.id FROM area x WHERE x.committee_id = o.pair_id AND x.level = 'district'))"
		" WHERE o.id = ?1",
	/* (org_id) -> plan_id, plan, year_from, year_to, version, status, decided_by,
	 * decided_by_name, decided_on, note, plan_key: the versions other than drafts of the plans
	 * of the organisation or its counterpart, in no order (view/org.c orders those it shows by
	 * plan key and version: SQLite's sorter was 11K of 34K instructions); a plan with drafts
	 * only has one row with the version columns NULL. The two owners are a table walked first
	 * (a pair is never the organisation itself: CHECK), not an OR of two terms: SQLite's
	 * multi-index OR built a row set in a temporary table (63K -> 34K instructions for
	 * Spånga-Tensta) */
	[STMT_WEB_PLACES_ORG_PLAN_VERSIONS] =
		"SELECT p.id AS plan_id, p.title AS plan, p.year_from, p.year_to, pv.version, pv.status,"
		" o.key AS decided_by, o.name AS decided_by_name, pv.decided_on, pv.note, p.key AS plan_key"
		" FROM (SELECT ?1 AS id UNION ALL SELECT pair_id FROM organisation WHERE id = ?1) ow_"
		" CROSS JOIN plan p ON p.owner_id = ow_.id"
		" LEFT JOIN plan_version pv ON pv.plan_id = p.id AND pv.status <> 'draft'"
		" LEFT JOIN organisation o ON o.id = pv.decided_by",
	/* (org_id) -> year, has_goals: the years the organisation (or its counterpart) has goals
	 * (has_goals 1), targets, plans or activities in (0), a year on several rows, in no order:
	 * view/org.c keeps each year once with its greatest has_goals, newest first. The owners
	 * (own: the organisation, those naming it their pair, its pair; a NULL pair matches
	 * nothing) are inlined where used, not a temporary table. No temporary table either for
	 * the years' set (UNION ALL: view/org.c drops the repeats) nor for more than one recursive
	 * queue: the goals', the dated activities' and the targets' distinct years are found by
	 * seeks in one recursive CTE (r: k 1 goals by goal_owner_year, 2 activities by
	 * activity_owner_start, 3 targets by target_year), each step the least year after the last
	 * one found of its kind and owner (session 18: four temporary tables and their zeroed
	 * pages were 0.20M instructions of Spånga-Tensta's page, now 0.13M). An activity's year
	 * is that of its start (start_first is YYYYMMDD); those without dates (few:
	 * activity_owner_undated) take their plan's first year, joined; a target's year counts
	 * when one of the owners' published indicators has a target in it (asked once a year,
	 * stopping at the first). Both activity indexes (migration 0044) are partial on exactly
	 * the terms stated here, so that no other statement's plan takes them. */
	[STMT_WEB_PLACES_ORG_YEARS] =
		"WITH RECURSIVE own(id) AS NOT MATERIALIZED (SELECT ?1 UNION ALL SELECT id FROM organisation WHERE pair_id = ?1"
		"  UNION ALL SELECT pair_id FROM organisation WHERE id = ?1),"
		" r(k, o, y) AS (SELECT 1, id, (SELECT min(g.year) FROM goal g WHERE g.owner_id = own.id AND g.year IS NOT NULL"
		"   AND " PUB_GOAL("g") ") FROM own"
		"  UNION ALL SELECT 2, id, (SELECT min(x.start_first) FROM activity x INDEXED BY activity_owner_start"
		"   WHERE x.owner_id = own.id AND " PUB_ACTIVITY("x") " AND x.start_first IS NOT NULL) / 10000 FROM own"
		"  UNION ALL SELECT 3, NULL, (SELECT min(year) FROM target)"
		"  UNION ALL SELECT k, o, CASE k"
		"   WHEN 1 THEN (SELECT min(g.year) FROM goal g WHERE g.owner_id = r.o AND g.year > r.y AND " PUB_GOAL("g") ")"
		"   WHEN 2 THEN (SELECT min(x.start_first) FROM activity x INDEXED BY activity_owner_start WHERE x.owner_id = r.o"
		"    AND " PUB_ACTIVITY("x") " AND x.start_first IS NOT NULL AND x.start_first >= (r.y + 1) * 10000) / 10000"
		"   ELSE (SELECT min(year) FROM target WHERE year > r.y) END FROM r WHERE y IS NOT NULL)"
		" SELECT y AS year, k = 1 AS has_goals FROM r WHERE y IS NOT NULL AND (k <> 3 OR EXISTS (SELECT 1 FROM own"
		"  CROSS JOIN indicator i ON i.owner_id = own.id CROSS JOIN target t ON t.indicator_id = i.id"
		"  AND t.year = r.y WHERE " PUB_INDICATOR("i") "))"
		" UNION ALL SELECT p.year_from, 0 FROM own CROSS JOIN plan p ON p.owner_id = own.id"
		"  WHERE p.kind <> 'lup'"
		" UNION ALL SELECT p.year_from, 0 FROM own CROSS JOIN activity a INDEXED BY activity_owner_undated"
		"  ON a.owner_id = own.id CROSS JOIN plan_version pv ON pv.id = a.plan_version_id"
		"  CROSS JOIN plan p ON p.id = pv.plan_id"
		"  WHERE " PUB_ACTIVITY("a") " AND a.start_first IS NULL",
	/* (org_id) -> area_id, parent_id, district, district_name: the area tree as view/org.c maps
	 * the chain's links to districts (an area is its own district, its parent's or its
	 * grandparent's: municipality, district, neighbourhood, place, no district within another):
	 * every area with a parent (area_id, parent_id: the covering walk of area_parent), then the
	 * districts other than the organisation's own (area_id, district: key, district_name),
	 * unordered. The links (STMT_VC_ACTIVITY_AREAS gives their areas' ids) are not walked again
	 * (the owners' activities and their links: 0.47M instructions in the demo); mapping the
	 * areas to their districts here cost 0.20-0.54M (a seek into area_parent per area and the
	 * own districts' areas as an IN list), the tree's two parts about 0.12M. A district is the
	 * organisation's own when its committee is the organisation, its pair or one naming it its
	 * pair (compared, not an IN list: a temporary table per execution). No rows when no
	 * activity of the owners has a link (ORG_HAS_LINKS, once per part): the tree read for
	 * nothing cost most organisations' pages 0.23M. */
	[STMT_WEB_PLACES_ORG_AREA_DISTRICTS] =
		"SELECT a.id AS area_id, a.parent_id, NULL AS district, NULL AS district_name"
		" FROM area a INDEXED BY area_parent WHERE a.parent_id IS NOT NULL AND " ORG_HAS_LINKS
		" UNION ALL SELECT d.id, NULL, d.key, d.name FROM area d WHERE d.level = 'district' AND " ORG_HAS_LINKS
		" AND (d.committee_id IS NULL OR (d.committee_id <> ?1"
		" AND d.committee_id IS NOT (SELECT pair_id FROM organisation WHERE id = ?1)"
		" AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = d.committee_id AND o.pair_id = ?1)))",
	/* (area_ids: decimal ids joined by commas, each once) -> id, name of each of the areas, in
	 * no order: the districts the activities the organisation page lists apart serve
	 * (view/org.c; STMT_VC_ACTIVITIES gives the links' ids only) */
	[STMT_WEB_PLACES_ORG_AREA_NAMES] =
		"SELECT a.id, a.name FROM json_each('[' || ?1 || ']') c CROSS JOIN area a ON a.id = c.value",
	/* (org_id, year) -> the audit entries of the organisation's goals and indicators of the year,
	 * newest first */
	[STMT_WEB_PLACES_ORG_AUDIT] =
		"SELECT au.id, au.at, au.actor, au.action, au.entity, coalesce(g.title, i.name) AS name,"
		" au.before, au.after FROM audit au"
		" LEFT JOIN goal g ON au.entity = 'goal' AND g.id = au.entity_id"
		" LEFT JOIN indicator i ON au.entity = 'indicator' AND i.id = au.entity_id"
		" LEFT JOIN goal ig ON ig.id = i.goal_id"
		" WHERE au.entity IN ('goal', 'indicator') AND coalesce(g.id, i.id) IS NOT NULL"
		" AND (g.id IS NULL OR " PUB_GOAL("g") ") AND (i.id IS NULL OR " PUB_INDICATOR("i") ") AND " AUDIT_SEE("au")
		" AND " OWNED_BY("coalesce(g.owner_id, i.owner_id)", "1")
		" AND (?2 IS NULL OR coalesce(g.year, ig.year) = ?2 OR (i.id IS NOT NULL AND EXISTS"
		"  (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND t.year = ?2)))"
		" ORDER BY au.id DESC LIMIT 200",
};
