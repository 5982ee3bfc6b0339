/* sql-pg-need.c: PostgreSQL text of the statements of resources versus need (see stmt-need.h).
 *
 * An allocation (resource_allocation, schema 0025) is what an organisation puts into a district
 * in a year: one row per kind (money in tkr, staff in årsarbetare, places, hours). The need
 * index reads full-year outcomes (period kind 'FY', sex 'T') of the districts and of the city
 * (area level 'municipality') under the publication rule (store/sql-public.h). */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* The allocation row r with its organisation o and area a, as every reader gets it. */
#define AL_COLS \
	"r.id, o.key AS org, o.name AS org_name, r.org_id, a.key AS district, a.name AS district_name," \
	" r.area_id, r.year, r.kind, r.amount, r.unit, r.note, r.example, r.created_at"
#define AL_FROM \
	" FROM resource_allocation r JOIN organisation o ON o.id = r.org_id JOIN area a ON a.id = r.area_id"

/* A full-year total outcome x of indicator i that the viewer may see, of a district or the city. */
#define NEED_FIGURE(x, i) \
	"x.sex = 'T' AND x.value IS NOT NULL AND " PUB_INDICATOR(i) " AND " SEE_FIGURE(x, i)

const char *const pg_sql_need[STMT__MAX] = {
	/* (org id) -> id, key, name, kind: the organisation */
	[STMT_AL_ORG] = "SELECT id, key, name, kind FROM organisation WHERE id = $1",
	/* (id) -> the allocation (AL_COLS) */
	[STMT_AL_ONE] = "SELECT " AL_COLS AL_FROM " WHERE r.id = $1",
	/* (org id, area id, year, kind, id to leave out or NULL) -> id of the organisation's row of
	 * that district, year and kind */
	[STMT_AL_FIND] =
		"SELECT id FROM resource_allocation WHERE org_id = $1 AND area_id = $2 AND year = $3 AND kind = $4"
		" AND ($5::bigint IS NULL OR id <> $5::bigint)",
	/* (org id, area id, year, kind, id or NULL): drops the example row of that key (other than id) */
	[STMT_AL_DROP_EXAMPLE] =
		"DELETE FROM resource_allocation WHERE org_id = $1 AND area_id = $2 AND year = $3 AND kind = $4"
		" AND example = 1 AND ($5::bigint IS NULL OR id <> $5::bigint)",
	/* (org id, area id, year, kind, amount, unit, note, user id, at) -> the new row's id */
	[STMT_AL_INSERT] =
		"INSERT INTO resource_allocation (org_id, area_id, year, kind, amount, unit, note, created_by, created_at)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
	/* (id, area id, year, kind, amount, unit, note) */
	[STMT_AL_SET] =
		"UPDATE resource_allocation SET area_id = $2, year = $3, kind = $4, amount = $5, unit = $6, note = $7,"
		" example = 0"
		" WHERE id = $1",
	/* (id) */
	[STMT_AL_DELETE] = "DELETE FROM resource_allocation WHERE id = $1",
	/* (org id) -> the organisation's allocations (AL_COLS), newest year first */
	[STMT_AL_OF_ORG] =
		"SELECT " AL_COLS AL_FROM " WHERE r.org_id = $1"
		" ORDER BY r.year DESC, a.name COLLATE sv, CASE r.kind WHEN 'money' THEN 1 WHEN 'staff' THEN 2"
		" WHEN 'places' THEN 3 ELSE 4 END",
	/* (org id) -> plan, version, year_from, year_to, tbl, ord, label, col, amount_mnkr: the budget
	 * lines imported from the organisation's (or its pair's) adopted or imported verksamhetsplan
	 * versions, newest first */
	[STMT_AL_BUDGET] =
		"SELECT p.key AS plan, pv.version, p.year_from, p.year_to, b.tbl, b.ord, b.label, b.col, b.amount_mnkr"
		" FROM budget_line b JOIN plan_version pv ON pv.id = b.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE (p.owner_id = $1 OR p.owner_id = (SELECT pair_id FROM organisation WHERE id = $1)"
		"  OR p.owner_id IN (SELECT id FROM organisation WHERE pair_id = $1)) AND pv.status <> 'draft'"
		" ORDER BY p.year_from DESC, pv.version DESC, b.tbl, b.ord, b.id",
	/* (org id, district id, year; each NULL: any) -> id, org id, org name, org key, area id,
	 * area name, area key, year, kind, amount, unit, note, example: the allocations of GET
	 * /api/v1/allocations (STMT_LIST_ALLOCATIONS' rows and filters: a district is its own rows
	 * and its areas', tested on the index's entry before the row is read), by year only: the API reads the years its page needs and sorts their
	 * rows itself (web/api-allocations.c) as STMT_LIST_ALLOCATIONS' ORDER BY does. The year's
	 * range (1900-2999 when none is given: the table's CHECK) is a seek into
	 * resource_allocation_year, which gives the order too */
	[STMT_AL_LIST] =
		"SELECT r.id, r.org_id, o.name, o.key, r.area_id, a.name, a.key, r.year, r.kind, r.amount, r.unit, r.note,"
		" r.example FROM resource_allocation r"
		" JOIN organisation o ON o.id = r.org_id JOIN area a ON a.id = r.area_id"
		" WHERE ($1::bigint IS NULL OR r.org_id = $1)"
		" AND ($2::bigint IS NULL OR r.area_id = $2 OR r.area_id IN (SELECT id FROM area WHERE parent_id = $2))"
		" AND r.year BETWEEN coalesce($3::bigint, 1900) AND coalesce($3::bigint, 2999) ORDER BY r.year",
	/* (org id, district id, year; each NULL: any) -> the number of STMT_AL_LIST's rows (their
	 * organisation and area are there: foreign keys) */
	[STMT_AL_COUNT] =
		"SELECT count(*) FROM resource_allocation r WHERE ($1::bigint IS NULL OR r.org_id = $1)"
		" AND ($2::bigint IS NULL OR r.area_id = $2 OR r.area_id IN (SELECT id FROM area WHERE parent_id = $2))"
		" AND r.year BETWEEN coalesce($3::bigint, 1900) AND coalesce($3::bigint, 2999)",
	/* (year, org id or NULL) -> area_id, kind, amount (sum), example (max): the resources per
	 * district and kind of the year (of one organisation) */
	[STMT_AL_SUMS] =
		"SELECT area_id, kind, sum(amount), max(example) FROM resource_allocation"
		" WHERE year = $1 AND ($2::bigint IS NULL OR org_id = $2::bigint) GROUP BY area_id, kind",
	/* (area id, year, population, source): a district's population (the dataset's populations.tsv) */
	[STMT_NEED_POP_UPSERT] =
		"INSERT INTO area_population (area_id, year, population, source) VALUES ($1, $2, $3, $4)"
		" ON CONFLICT (area_id, year) DO UPDATE SET population = excluded.population, source = excluded.source"
		" WHERE area_population.population IS DISTINCT FROM excluded.population"
		" OR area_population.source IS DISTINCT FROM excluded.source",
	/* (year) -> id, key, name, population, population_year: the districts with the population of
	 * the latest year up to the year (else the earliest after it; NULL when none) */
	[STMT_NEED_DISTRICTS] =
		"SELECT a.id, a.key, a.name, p.population, p.year FROM area a"
		" LEFT JOIN area_population p ON p.area_id = a.id AND p.year = coalesce("
		"  (SELECT max(year) FROM area_population WHERE area_id = a.id AND year <= $1),"
		"  (SELECT min(year) FROM area_population WHERE area_id = a.id))"
		" WHERE a.level = 'district' ORDER BY a.name COLLATE sv",
	/* () -> indicator_id, weight: the city's chosen need indicators */
	[STMT_NEED_CHOSEN] = "SELECT indicator_id, weight FROM need_indicator ORDER BY indicator_id",
	/* () -> id, key, name, unit, direction, public (1 when in no draft), lup (1 when it measures a
	 * goal of a LUP): every indicator, by id; view/need.c picks the documented default
	 * (docs/resources-need.md) from these and STMT_NEED_VALUES' rows */
	[STMT_NEED_INDICATORS] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, " PUB_INDICATOR("i") ", CASE WHEN g.level = 'lup' THEN 1 ELSE 0 END"
		" FROM indicator i LEFT JOIN goal g ON g.id = i.goal_id ORDER BY i.id",
	/* (indicator id) -> id, key, name, unit, direction, public (1 when in no draft) */
	[STMT_NEED_INDICATOR] =
		"SELECT i.id, i.key, i.name, i.unit, i.direction, " PUB_INDICATOR("i") " FROM indicator i WHERE i.id = $1",
	/* (year) -> area_id, vals: every indicator's full-year total values of the districts and
	 * the city (the areas of level 'municipality': the reader tells them by their not being
	 * among STMT_NEED_DISTRICTS' districts) in the year that the viewer may see (SEE_FIGURE),
	 * one row per area: vals an entry " indicator_id bits value;" per value in no order, bits 1
	 * when example data, the value float8's text (SQLite's derived_need_fy, 0075, grouped
	 * here). The indicator's publication (PUB_INDICATOR) is left to the reader, which has it
	 * from STMT_NEED_INDICATORS */
	[STMT_NEED_VALUES] =
		"SELECT x.area_id, string_agg(' ' || x.indicator_id || ' ' || x.example || ' ' || x.value::text || ';', '')"
		" FROM period pe JOIN outcome x ON x.period_id = pe.id AND x.sex = 'T' JOIN area a ON a.id = x.area_id"
		" WHERE pe.year = $1 AND pe.kind = 'FY' AND a.level IN ('municipality','district') AND x.value IS NOT NULL"
		" AND " SEE_FIGURE_OF("x", "x.indicator_id") " GROUP BY x.area_id",
	/* (year) -> indicator id: the indicators whose figures of the year's full-year period that
	 * are not public in themselves the viewer may see (SEE_FIGURE_IF; SQLite's reader asks,
	 * PostgreSQL's STMT_NEED_VALUES applies the rule itself) */
	[STMT_NEED_SEEN] =
		"SELECT fi_.id FROM period pe CROSS JOIN indicator fi_ WHERE pe.year = $1 AND pe.kind = 'FY' AND "
		SEE_FIGURE_IF("false", "pe.id", "fi_"),
	/* (year) -> the year of the need: the latest year up to the given one with a full-year city
	 * value of any indicator (NULL: none) */
	[STMT_NEED_YEAR] =
		"SELECT max(pe.year) FROM outcome x JOIN period pe ON pe.id = x.period_id JOIN area a ON a.id = x.area_id"
		" JOIN indicator i ON i.id = x.indicator_id WHERE pe.kind = 'FY' AND pe.year <= $1"
		" AND a.level = 'municipality' AND " NEED_FIGURE("x", "i"),
	/* () */
	[STMT_NEED_CLEAR] = "DELETE FROM need_indicator",
	/* (indicator id, weight, user id, at) */
	[STMT_NEED_ADD] =
		"INSERT INTO need_indicator (indicator_id, weight, set_by, set_at) VALUES ($1, $2, $3, $4)",
};
