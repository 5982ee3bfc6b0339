/* sql-pg-web-places.c: PostgreSQL text of the 'places' pages' statements (see stmt-web-places.h):
 * the list of districts, one district's programme, the organisations and one organisation's plan. */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* The current version of an LUP plan (p: plan, pv: plan_version): the adopted one, else the newest
 * public one; never a draft (model/planver.h). */
#define LATEST_LUP(p, pv) \
	p ".kind = 'lup' AND " pv ".version = (SELECT version FROM plan_version WHERE plan_id = " p ".id" \
	" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"

/* col is the organisation $n itself, its administration (whose pair_id is $n) or its committee:
 * a boolean, NULL (not false) when $n or a pair is NULL: wrap in coalesce(..., false) before NOT,
 * and in OWN() to select it as 0/1. */
#define OWNED_BY(col, n) \
	"(" col " = $" n " OR " col " IN (SELECT id FROM organisation WHERE pair_id = $" n ")" \
	" OR " col " = (SELECT pair_id FROM organisation WHERE id = $" n "))"

/* The organisations OWNED_BY accepts for $1, as an array (ow.ids) read once per statement: a
 * statement that tests several columns reads organisation once, not twice per test (each a scan
 * of the small table). IN_OWNERS(col) is then OWNED_BY(col, "1") where NULL and false are alike
 * (a WHERE term, or under coalesce(..., false)). */
#define OWNERS_CTE \
	"ow AS MATERIALIZED (SELECT ARRAY(SELECT id FROM organisation WHERE id = $1 OR pair_id = $1" \
	" OR id = (SELECT pair_id FROM organisation WHERE id = $1)) AS ids)"
#define IN_OWNERS(col) "(" col " = ANY ((SELECT ids FROM ow)::bigint[]))"

/* OWNED_BY as an integer column: 1 when it holds, else 0 (also when NULL). */
#define OWN(col, n) "coalesce(" OWNED_BY(col, n) ", false)::int"

/* pub_i: the public indicators (PUB_INDICATOR) with the columns the district's comparison and
 * SEE_FIGURE use, judged once per indicator, for a join with the outcomes of a district. */
#define PUB_INDICATORS \
	"pub_i AS MATERIALIZED (SELECT i.id, i.key, i.name, i.unit, i.direction, i.owner_id, i.source_kind" \
	" FROM indicator i WHERE " PUB_INDICATOR("i") ")"

const char *const pg_sql_web_places[STMT__MAX] = {
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
	/* () -> kind, a, b: the district links, the areas' parents, the draft activities and the
	 * LUPs' numbers of measures, as on SQLite (sql-sqlite-web-places.c) */
	[STMT_WEB_PLACES_DISTRICT_COUNTS] =
		"SELECT 0, area_id, activity_id FROM activity_district"
		" UNION ALL SELECT 1, id, parent_id FROM area WHERE parent_id IS NOT NULL"
		" UNION ALL SELECT 2, id, NULL FROM activity WHERE " DRAFT_ACTIVITY("activity") ""
		" UNION ALL SELECT 3, p.district_id, (SELECT count(*) FROM measure m WHERE m.plan_version_id = pv.id)"
		" FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" WHERE " LATEST_LUP("p", "pv") " AND p.district_id IS NOT NULL",
	/* () -> district_id, name: the themes of every district's latest LUP (no extra ones) */
	[STMT_WEB_PLACES_ALL_THEMES] =
		"SELECT p.district_id, t.name FROM theme t JOIN plan_version pv ON pv.id = t.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id WHERE " LATEST_LUP("p", "pv") " AND t.extra = 0"
		" ORDER BY p.district_id, t.ord, t.id",
	/* () -> district_id, name: the prioritised areas of every district's latest LUP, in the order
	 * they were written (rowid: the identity column migration 0001 gives the table on PostgreSQL) */
	[STMT_WEB_PLACES_ALL_PAREAS] =
		"SELECT p.district_id, a.name FROM prioritised_area pa JOIN area a ON a.id = pa.area_id"
		" JOIN plan_version pv ON pv.id = pa.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE " LATEST_LUP("p", "pv") " ORDER BY p.district_id, pa.rowid",
	/* (district_id) -> the district's LUP in its latest version */
	[STMT_WEB_PLACES_DISTRICT_LUP] =
		"SELECT p.id, p.key, p.title, p.year_from, p.year_to, pv.id AS version_id, pv.version, pv.status,"
		" pv.decided_on, dec.name AS decided_by, pv.area_scope, pv.note"
		" FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" LEFT JOIN organisation dec ON dec.id = pv.decided_by"
		" WHERE " LATEST_LUP("p", "pv") " AND p.district_id = $1 ORDER BY p.year_to DESC, p.id DESC LIMIT 1",
	/* (plan_version_id) -> its themes in order */
	[STMT_WEB_PLACES_THEMES] =
		"SELECT id, name, ord, extra, description FROM theme WHERE plan_version_id = $1 ORDER BY ord, id",
	/* (plan_version_id) -> theme_id, alias, valid_to: the other names of its themes (valid_to: a former name) */
	[STMT_WEB_PLACES_THEME_ALIASES] =
		"SELECT a.theme_id, a.alias, a.valid_to FROM theme_alias a JOIN theme t ON t.id = a.theme_id"
		" WHERE t.plan_version_id = $1 ORDER BY a.theme_id, a.alias COLLATE sv",
	/* (plan_version_id) -> theme_id, target_group, in the order written (rowid, as above) */
	[STMT_WEB_PLACES_THEME_GROUPS] =
		"SELECT g.theme_id, g.target_group, g.rowid AS seq FROM theme_target_group g JOIN theme t"
		" ON t.id = g.theme_id WHERE t.plan_version_id = $1 ORDER BY g.theme_id, g.rowid",
	/* (plan_version_id) -> its measures, one row per measure and theme (theme_id NULL: none), a
	 * measure's themes by id (the order SQLite's key of measure_theme gives); their sources are
	 * STMT_WEB_PLACES_MEASURE_SOURCES */
	[STMT_WEB_PLACES_DISTRICT_MEASURES] =
		"SELECT m.id, m.title, m.description, m.status, m.start_text, m.end_text, mt.theme_id FROM measure m"
		" LEFT JOIN measure_theme mt ON mt.measure_id = m.id WHERE m.plan_version_id = $1"
		" ORDER BY m.ord, m.id, mt.theme_id",
	/* (plan_version_id) -> measure_id, src_doc, src_from, src_to: where an import found its
	 * measures, by measure */
	[STMT_WEB_PLACES_MEASURE_SOURCES] =
		"SELECT pr.entity_id AS measure_id, d.name AS src_doc, pr.line_from AS src_from, pr.line_to AS src_to"
		" FROM measure m JOIN provenance pr ON pr.entity = 'measure' AND pr.entity_id = m.id"
		" JOIN source_doc d ON d.id = pr.doc_id WHERE m.plan_version_id = $1 ORDER BY pr.entity_id",
	/* (plan_version_id) -> measure_id, key, name, role: the partners of its measures (key NULL: a
	 * plan partner outside the registry, named by its label) */
	[STMT_WEB_PLACES_MEASURE_PARTNERS] =
		"SELECT mp.measure_id, o.key, coalesce(o.name, pp.label) AS name, mp.role FROM measure_partner mp"
		" JOIN measure m ON m.id = mp.measure_id LEFT JOIN organisation o ON o.id = mp.org_id"
		" LEFT JOIN plan_partner pp ON pp.id = mp.plan_partner_id WHERE m.plan_version_id = $1"
		" ORDER BY mp.measure_id, CASE mp.role WHEN 'lead' THEN 0 ELSE 1 END, coalesce(o.name, pp.label) COLLATE sv",
	/* (district_id) -> the activities serving the district or a place in it, unordered (the
	 * page sorts them by owner in C: web/page-district.c sort_acts, without the organisation
	 * rank's join), with the owner's id (the page reads the owners once each,
	 * STMT_WEB_PLACES_ORGS_BY_ID) and the activity's version (its contributions);
	 * each activity once (a semi-join over a hash of the links), where SQLite's text gives one
	 * row per link and the page drops the repeats after sorting: the join per link here had
	 * PostgreSQL hash every activity instead of the links (0.37 -> 0.43 ms per execution) */
	[STMT_WEB_PLACES_DISTRICT_ACTIVITIES] =
		"WITH places(id) AS (SELECT $1::bigint UNION SELECT id FROM area WHERE parent_id = $1"
		"  UNION SELECT a.id FROM area a JOIN area p ON p.id = a.parent_id WHERE p.parent_id = $1)"
		" SELECT a.id, a.start_first, a.key, a.title, a.owner_id, a.role, a.status, a.start_text, a.end_text,"
		" a.end_last, a.plan_version_id FROM activity a"
		" WHERE a.id IN (SELECT activity_id FROM activity_district WHERE area_id IN (SELECT id FROM places))"
		" AND " PUB_ACTIVITY("a"),
	/* (district_id) -> level, name: the district's neighbourhoods in Swedish order (as SQLite's
	 * text) */
	[STMT_WEB_PLACES_DISTRICT_NEIGHBOURHOODS] =
		"SELECT level, name FROM (SELECT a.level, a.name FROM area a WHERE a.parent_id = $1"
		" AND a.level = 'neighbourhood' UNION ALL SELECT a.level, a.name FROM area p JOIN area a"
		" ON a.parent_id = p.id WHERE p.parent_id = $1 AND a.level = 'neighbourhood') n ORDER BY name COLLATE sv",
	/* (ids: a JSON array of organisation ids, each once) -> id, key, name, pair_id of each */
	[STMT_WEB_PLACES_ORGS_BY_ID] =
		"SELECT o.id, o.key, o.name, o.pair_id FROM json_array_elements_text($1::json) j"
		" JOIN organisation o ON o.id = j.value::bigint",
	/* () -> id: the current versions of the contribution plans (as SQLite's text) */
	[STMT_WEB_PLACES_CONTRIB_VERSIONS] =
		"SELECT cv.id FROM plan cp JOIN plan_version cv ON cv.plan_id = cp.id"
		" WHERE cp.kind = 'contribution' AND cv.status NOT IN ('superseded','revision')",
	/* (district id, LUP plan_version_id or NULL, ids: a JSON array of activity ids) -> the
	 * district page's contributions (as SQLite's text): STMT_CB_LIST's rows and order, those
	 * linked to the district's places being the ones of ids; an activity in two of the lists
	 * comes twice, next to itself, as on SQLite (the page drops the repeat) */
	[STMT_WEB_PLACES_DISTRICT_CONTRIB] =
		"WITH ids(id) AS (SELECT value::bigint FROM json_array_elements_text($3::json)"
		" UNION ALL SELECT a.id FROM plan p JOIN plan_version v ON v.plan_id = p.id"
		"  JOIN measure m ON m.plan_version_id = v.id JOIN activity a ON a.measure_id = m.id"
		"  WHERE p.kind = 'lup' AND p.district_id = $1::bigint"
		" UNION ALL SELECT a.id FROM plan p JOIN plan_version v ON v.plan_id = p.id"
		"  JOIN goal g ON g.plan_version_id = v.id JOIN activity a ON a.goal_id = g.id"
		"  WHERE p.kind = 'lup' AND p.district_id = $1::bigint)"
		" SELECT a.id, a.key, a.title, a.role, a.status, a.start_text, a.end_text, o.id AS owner_id,"
		" o.key AS owner, o.name AS owner_name, m.id AS measure_id, m.title AS measure_title,"
		" m0.title AS measure0_title, g.id AS goal_id, g.title AS goal_title, g0.title AS goal0_title,"
		" a.start_first FROM ids JOIN activity a ON a.id = ids.id JOIN plan_version cv ON cv.id = a.plan_version_id"
		"  AND cv.status NOT IN ('superseded','revision') JOIN plan cp ON cp.id = cv.plan_id"
		"  AND cp.kind = 'contribution' JOIN organisation o ON o.id = a.owner_id" ORG_RANK_JOIN("o")
		" LEFT JOIN measure m0 ON m0.id = a.measure_id LEFT JOIN plan_version mv0 ON mv0.id = m0.plan_version_id"
		" LEFT JOIN measure m ON m.plan_version_id = $2 AND coalesce(m.ident, m.key) = coalesce(m0.ident, m0.key)"
		"  AND mv0.plan_id = (SELECT plan_id FROM plan_version WHERE id = $2)"
		" LEFT JOIN goal g0 ON g0.id = a.goal_id LEFT JOIN plan_version gv0 ON gv0.id = g0.plan_version_id"
		" LEFT JOIN goal g ON g.plan_version_id = $2 AND coalesce(g.ident, g.key) = coalesce(g0.ident, g0.key)"
		"  AND gv0.plan_id = (SELECT plan_id FROM plan_version WHERE id = $2)"
		" WHERE " PUB_ACTIVITY("a")
		" ORDER BY " ORG_RANK ", o.id, a.start_first IS NULL, a.start_first NULLS FIRST, a.id",
	/* (district_id) -> the district page's district (STMT_SHOW_DISTRICT's columns the page
	 * shows) with its committee's id and its pair's (committee_id, committee_pair; NULL: none),
	 * in one read where SHOW_DISTRICT and a read of the committee were two */
	[STMT_WEB_PLACES_DISTRICT_COMMITTEE] =
		"SELECT a.id, a.key, a.name, a.prioritised, o.key AS committee, o.name AS committee_name,"
		" a.committee_id, o.pair_id AS committee_pair FROM area a"
		" LEFT JOIN organisation o ON o.id = a.committee_id WHERE a.id = $1 AND a.level = 'district'",
	/* (district_id, year, committee_id) -> part, id, key, name, unit, direction, owner_name,
	 * owner_id, sexes, vt, vk, vm, seen, fy in three parts, unordered (view/district.c; the parts,
	 * columns and year 0 as on SQLite): 0, the district's public indicators with their full-year
	 * outcomes of every year as the text fy, an entry per outcome ("year sexes shut vt vk vm":
	 * the sex's bit, K 1, M 2, T 4, and shifted by 3 when it is example data; the bit again in
	 * shut when the figure is not public in itself; its value in its sex's place as float8's
	 * text, the shortest that reads back exactly, the other two empty), which the loader adds up
	 * per year, and seen (the full years whose figures not public in themselves the viewer may
	 * see; NULL when there are none such), SQLite's derived_district_fy (0067) grouped here;
	 * 1, the city's outcomes of the year that the viewer may see; 2, the committee's
	 * organisations (itself, its administration, its pair). The city's come one row per sex in
	 * SQLite's derived_outcome_sexes shape (0052; sexes: the sex's bit, shifted by 3 when it is
	 * example data; its value in vt, vk or vm, the others NULL), which the loader reads as
	 * SQLite's rows of one indicator each. The public indicators are a materialised list
	 * (PUB_INDICATORS): the rule is judged once per indicator, not once per outcome (the city's
	 * part tests its indicator by primary key: a scan of pub_i per row made the planner's
	 * estimate pass jit_above_cost, and JIT took 88 ms of each execution). The city's outcomes
	 * are one range of outcome_period_area read on their own: joined to the district's rows,
	 * the planner hashed all the city's outcomes of every year from a scan of the whole table. */
/* The year compared: $2, or when 0 the newest full year with an outcome of the district $1 the
 * viewer sees (as on SQLite) */
#define DC_YEAR \
	"coalesce(nullif($2, 0), (SELECT ye.year FROM period ye WHERE ye.kind = 'FY'" \
	" AND EXISTS (SELECT 1 FROM outcome x WHERE x.period_id = ye.id AND x.area_id = $1" \
	" AND " SEE_OUTCOME("x", "x.indicator_id") ") ORDER BY ye.year DESC LIMIT 1))"
#define DC_SEX(x) \
	"(CASE " x ".sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * " x ".example) AS sexes," \
	" (CASE WHEN " x ".sex = 'T' THEN " x ".value END) AS vt, (CASE WHEN " x ".sex = 'K' THEN " x ".value END) AS vk," \
	" (CASE WHEN " x ".sex = 'M' THEN " x ".value END) AS vm"
/* An outcome x of a full-year period pe as an entry of part 0's fy (see above). */
#define DC_FY_ENTRY(x) \
	"pe.year || ' ' || (CASE " x ".sex WHEN 'K' THEN 1 WHEN 'M' THEN 2 ELSE 4 END) * (1 + 8 * " x ".example)" \
	" || ' ' || (CASE WHEN " x ".example = 1 OR " x ".source = 'kolada' THEN 0 WHEN " x ".sex = 'K' THEN 1" \
	" WHEN " x ".sex = 'M' THEN 2 ELSE 4 END)" \
	" || ' ' || (CASE WHEN " x ".sex = 'T' THEN coalesce(" x ".value::text, '') ELSE '' END)" \
	" || ' ' || (CASE WHEN " x ".sex = 'K' THEN coalesce(" x ".value::text, '') ELSE '' END)" \
	" || ' ' || (CASE WHEN " x ".sex = 'M' THEN coalesce(" x ".value::text, '') ELSE '' END)"
	[STMT_WEB_PLACES_DISTRICT_COMPARE] =
		"WITH " PUB_INDICATORS
		" SELECT 3 AS part, " DC_YEAR " AS id, NULL AS key, NULL AS name, NULL AS unit, NULL AS direction,"
		" NULL AS owner_name, NULL::integer AS owner_id, NULL::integer AS sexes, NULL::float8 AS vt,"
		" NULL::float8 AS vk, NULL::float8 AS vm, NULL AS seen, NULL AS fy UNION ALL"
		" SELECT 0 AS part, i.id, i.key, i.name, i.unit, i.direction, o.name AS owner_name, i.owner_id,"
		" NULL::integer AS sexes, NULL::float8 AS vt, NULL::float8 AS vk, NULL::float8 AS vm,"
		" (CASE WHEN bool_and(x.example = 1 OR x.source = 'kolada') THEN NULL ELSE"
		" (SELECT string_agg(sp.year::text, ' ') FROM period sp WHERE sp.kind = 'FY' AND "
		SEE_FIGURE_IF("false", "sp.id", "i") ") END) AS seen,"
		" string_agg(" DC_FY_ENTRY("x") ", ';') AS fy FROM outcome x"
		" JOIN period pe ON pe.id = x.period_id AND pe.kind = 'FY'"
		" JOIN pub_i i ON i.id = x.indicator_id JOIN organisation o ON o.id = i.owner_id"
		" WHERE x.area_id = $1"
		" GROUP BY i.id, i.key, i.name, i.unit, i.direction, i.owner_id, i.source_kind, o.name"
		" UNION ALL SELECT 1, c.indicator_id, NULL, NULL, NULL, NULL, NULL, NULL, " DC_SEX("c") ", NULL, NULL"
		" FROM period cp JOIN outcome c ON c.period_id = cp.id AND c.area_id = (SELECT parent_id FROM area WHERE id = $1)"
		" WHERE cp.year = " DC_YEAR " AND cp.kind = 'FY' AND (c.example = 1 OR c.source = 'kolada'"
		" OR EXISTS (SELECT 1 FROM indicator i WHERE i.id = c.indicator_id AND " SEE_FIGURE("c", "i") "))"
		" UNION ALL SELECT 2, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
		" FROM organisation WHERE " OWNED_BY("id", "3"),
	/* (indicator_id, district_id) -> year, level, sex, value, example: the full-year totals (sex
	 * T) over the years of the district's municipality, by year (as on SQLite: the district's
	 * own are the comparison's) */
	[STMT_WEB_PLACES_INDICATOR_SERIES] =
		"SELECT pe.year, a.level, x.sex, x.value, x.example FROM indicator i JOIN outcome x ON x.indicator_id = i.id"
		" JOIN period pe ON pe.id = x.period_id JOIN area a ON a.id = x.area_id"
		" WHERE i.id = $1 AND pe.kind = 'FY' AND x.sex = 'T' AND x.value IS NOT NULL"
		" AND x.area_id = (SELECT parent_id FROM area WHERE id = $2)"
		" AND " PUB_INDICATOR("i") " AND " SEE_FIGURE("x", "i") " ORDER BY pe.year",
	/* (indicator_id, year) -> area, name, level, sexes, vt, vk, vm: STMT_COMPARISON's rows
	 * unordered (as on SQLite: the page sorts the districts by name), one per outcome in SQLite's
	 * columns (sexes the sex's bit, shifted by 3 when it is example data; its value in vt, vk or
	 * vm, the others NULL), which the page folds per district as SQLite's rows of one area each */
	[STMT_WEB_PLACES_DISTRICT_BARS] =
		"SELECT a.key AS area, a.name, a.level, " DC_SEX("x")
		" FROM outcome x JOIN period pe ON pe.id = x.period_id JOIN area a ON a.id = x.area_id"
		" WHERE x.indicator_id = $1 AND pe.year = $2 AND pe.kind = 'FY'"
		" AND a.level IN ('municipality', 'district') AND " SEE_OUTCOME("x", "x.indicator_id"),
	/* (district_id) -> the resources allocated to the district or places in it, unordered (the
	 * page sorts them: web/page-district.c sort_alloc), with the organisation's id only (the
	 * page reads each organisation once: STMT_WEB_PLACES_ORGS_BY_ID) */
	[STMT_WEB_PLACES_DISTRICT_ALLOCATIONS] =
		"SELECT r.org_id, a.name AS area, r.year, r.kind, r.amount, r.unit, r.note,"
		" r.example, a.id AS area_id FROM resource_allocation r"
		" JOIN area a ON a.id = r.area_id"
		" WHERE r.area_id IN (SELECT id FROM area WHERE id = $1 OR parent_id = $1)",

	/* () -> kind, number of organisations of the kind */
	[STMT_WEB_PLACES_ORG_KINDS] = "SELECT kind, count(*) AS \"count(*)\" FROM organisation GROUP BY kind ORDER BY kind",
	/* (kind) -> the organisations of the kind with their counterpart and district. The goals and
	 * activities are counted in one grouped pass each and the counterpart of an organisation
	 * without pair_id comes from one grouped list (pm), where three subqueries per row scanned
	 * goal, activity and organisation (34 district administrations: 1.2 -> 0.5 ms) */
	[STMT_WEB_PLACES_ORGS] =
		"WITH gc AS (SELECT g.owner_id, count(*) AS n FROM goal g WHERE " PUB_GOAL("g") " GROUP BY g.owner_id),"
		" ac AS (SELECT x.owner_id, count(*) AS n FROM activity x WHERE " PUB_ACTIVITY("x") " GROUP BY x.owner_id),"
		" pm AS MATERIALIZED (SELECT pair_id, min(id) AS id FROM organisation WHERE pair_id IS NOT NULL"
		"  GROUP BY pair_id)"
		" SELECT o.id, o.key, o.name, pr.key AS pair, pr.name AS pair_name, o.city_owned, o.housing,"
		" d.key AS district, d.name AS district_name,"
		" coalesce(gc.n, 0) AS goals, coalesce(ac.n, 0) AS activities"
		" FROM organisation o LEFT JOIN pm ON pm.pair_id = o.id"
		" LEFT JOIN organisation pr ON pr.id = coalesce(o.pair_id, pm.id)"
		" LEFT JOIN gc ON gc.owner_id = o.id LEFT JOIN ac ON ac.owner_id = o.id"
		" LEFT JOIN area d ON d.level = 'district' AND (d.committee_id = o.id OR d.committee_id = o.pair_id)"
		" WHERE o.kind = $1 ORDER BY o.name COLLATE sv, o.id",
	/* (org_id) -> the organisation with its parent, counterpart and district */
	[STMT_WEB_PLACES_ORG] =
		"SELECT o.id, o.key, o.name, o.kind, par.key AS parent, par.name AS parent_name, pr.key AS pair,"
		" pr.name AS pair_name, o.city_owned, o.housing, d.id AS district_id, d.key AS district,"
		" d.name AS district_name FROM organisation o LEFT JOIN organisation par ON par.id = o.parent_id"
		" LEFT JOIN organisation pr ON pr.id ="
		"  coalesce(o.pair_id, (SELECT min(id) FROM organisation WHERE pair_id = o.id))"
		" LEFT JOIN area d ON d.level = 'district' AND (d.committee_id = o.id OR d.committee_id = o.pair_id)"
		" WHERE o.id = $1",
	/* (org_id) -> plan_id, plan, year_from, year_to, version, status, decided_by,
	 * decided_by_name, decided_on, note, plan_key: the versions other than drafts of the plans
	 * of the organisation or its counterpart, by plan key and version (view/org.c orders them
	 * so again, as SQLite's come unordered); a plan with drafts only has one row with the
	 * version columns NULL */
	[STMT_WEB_PLACES_ORG_PLAN_VERSIONS] =
		"SELECT p.id AS plan_id, p.title AS plan, p.year_from, p.year_to, pv.version, pv.status,"
		" o.key AS decided_by, o.name AS decided_by_name, pv.decided_on, pv.note, p.key AS plan_key FROM plan p"
		" LEFT JOIN plan_version pv ON pv.plan_id = p.id AND pv.status <> 'draft'"
		" LEFT JOIN organisation o ON o.id = pv.decided_by"
		" WHERE p.owner_id = $1 OR p.owner_id = (SELECT pair_id FROM organisation WHERE id = $1)"
		" ORDER BY p.key, pv.version",
	/* (org_id) -> year, has_goals: the years the organisation (or its counterpart) has goals
	 * (has_goals 1), targets, plans or activities in (0); view/org.c keeps each year once with
	 * its greatest has_goals, newest first (grouped and ordered here already; SQLite's are not) */
	[STMT_WEB_PLACES_ORG_YEARS] =
		"WITH " OWNERS_CTE ", ys(year, g) AS ("
		" SELECT g.year, 1 FROM goal g WHERE " IN_OWNERS("g.owner_id") " AND g.year IS NOT NULL"
		"  AND " PUB_GOAL("g")
		" UNION ALL SELECT t.year, 0 FROM target t JOIN indicator i ON i.id = t.indicator_id"
		"  WHERE " IN_OWNERS("i.owner_id") " AND " PUB_INDICATOR("i")
		" UNION ALL SELECT p.year_from, 0 FROM plan p WHERE p.kind <> 'lup' AND " IN_OWNERS("p.owner_id")
		/* an activity's plan is looked up only when it has no dates (a scalar subquery; joined
		 * for every activity by hash: 0.25 -> 0.21 ms in the demo) */
		" UNION ALL SELECT coalesce(a.start_first / 10000, (SELECT p.year_from FROM plan_version pv"
		"  JOIN plan p ON p.id = pv.plan_id WHERE pv.id = a.plan_version_id)), 0 FROM activity a"
		"  WHERE " IN_OWNERS("a.owner_id") " AND " PUB_ACTIVITY("a") ")"
		" SELECT year, max(g) AS has_goals FROM ys WHERE year IS NOT NULL GROUP BY year ORDER BY year DESC",
	/* (org_id) -> area_id, parent_id, district, district_name: the area tree as view/org.c maps
	 * the chain's links to districts: every area with a parent (area_id, parent_id), then the
	 * districts other than the organisation's own (area_id, district: key, district_name),
	 * unordered; none when no activity of the owners has a link (lk). */
	[STMT_WEB_PLACES_ORG_AREA_DISTRICTS] =
		"WITH " OWNERS_CTE ", lk AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM activity a"
		"  JOIN activity_district ad ON ad.activity_id = a.id WHERE " IN_OWNERS("a.owner_id") ") AS yes)"
		" SELECT a.id AS area_id, a.parent_id, NULL::text AS district, NULL::text AS district_name"
		" FROM area a WHERE a.parent_id IS NOT NULL AND (SELECT yes FROM lk)"
		" UNION ALL SELECT d.id, NULL, d.key, d.name FROM area d WHERE d.level = 'district'"
		"  AND NOT coalesce(" IN_OWNERS("d.committee_id") ", false) AND (SELECT yes FROM lk)",
	/* (area_ids: decimal ids joined by commas, each once) -> id, name of each of the areas, in
	 * no order (view/org.c: the districts of the activities the organisation page lists apart) */
	[STMT_WEB_PLACES_ORG_AREA_NAMES] =
		"SELECT a.id, a.name FROM area a WHERE a.id = ANY (string_to_array($1::text, ',')::bigint[])",
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
		" AND ($2::bigint IS NULL OR coalesce(g.year, ig.year) = $2::bigint OR (i.id IS NOT NULL AND EXISTS"
		"  (SELECT 1 FROM target t WHERE t.indicator_id = i.id AND t.year = $2::bigint)))"
		" ORDER BY au.id DESC LIMIT 200",
};
