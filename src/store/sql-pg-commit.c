/* sql-pg-commit.c: PostgreSQL text of the commitments' statements (see stmt-commit.h). Only
 * public content (store/sql-public.h): the measures of each district's adopted LUP version and
 * the activities in no draft; the statuses of a report only when it is approved or the
 * connection's viewer may read it (lup_reads: the SQL form of web/authz.h's
 * authz_report_readable). */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* The adopted version pv of LUP plan p: its latest version that is no draft, a decided one
 * first (the same rule as sql-pg.c's LUP_LATEST). */
#define ADOPTED_LUP(p, pv) \
	p ".kind = 'lup' AND " pv ".version = (SELECT version FROM plan_version WHERE plan_id = " p ".id" \
	" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"

/* The activity a (with its plan p, may be missing) runs some time in year y. */
#define IN_YEAR(a, p, y) \
	y " BETWEEN coalesce(" a ".start_first / 10000, " p ".year_from, " y ")" \
	" AND coalesce(" a ".end_last / 10000, " p ".year_to, " y ")"

const char *const pg_sql_commit[STMT__MAX] = {
	/* (texts 0|1) -> (via, org_id, at, item_id, item, title, role, ord): the links of the city's
	 * overview as narrow rows (the columns as on SQLite, sql-sqlite-commit.c); the measures here only
	 * those of the adopted LUP versions, the activities only those serving a district and the
	 * partners only those of public activities (the loader's filters then keep every row). In no
	 * order. */
	[STMT_COMMIT_LINKS] =
		"SELECT 0 AS via, mp.org_id, m.plan_version_id AS at, m.id AS item_id, m.key AS item,"
		" CASE WHEN $1::int = 1 THEN m.title END AS title, mp.role, m.ord::bigint AS ord"
		" FROM measure_partner mp JOIN measure m ON m.id = mp.measure_id"
		" JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE mp.org_id IS NOT NULL AND " ADOPTED_LUP("p", "pv") ""
		" UNION ALL"
		" SELECT 1, a.owner_id, ad.area_id, a.id, CASE WHEN $1::int = 1 THEN a.key END,"
		" CASE WHEN $1::int = 1 THEN a.title END, coalesce(a.role, 'owner'), a.id"
		" FROM activity a JOIN activity_district ad ON ad.activity_id = a.id"
		" JOIN area d ON d.id = ad.area_id AND d.level = 'district' WHERE " PUB_ACTIVITY("a") ""
		" UNION ALL"
		" SELECT 2, ap.org_id, NULL::bigint, ap.activity_id, NULL::text, NULL::text, ap.role, NULL::bigint"
		" FROM activity_partner ap JOIN activity a ON a.id = ap.activity_id WHERE " PUB_ACTIVITY("a"),
	/* () -> (plan_version_id, district_id): each LUP plan's adopted version and its area */
	[STMT_COMMIT_ADOPTED] =
		"SELECT pv.id AS plan_version_id, p.district_id FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" WHERE " ADOPTED_LUP("p", "pv"),
	/* (ids: organisation ids joined by commas) -> (id, key, name, kind): those organisations, in
	 * no order */
	[STMT_COMMIT_ORGS] =
		"SELECT o.id, o.key, o.name, o.kind FROM organisation o"
		" WHERE o.id = ANY (string_to_array($1::text, ',')::bigint[])",
	/* () -> (id, key, name, prioritised): the districts, in no order (the loaders order them by
	 * name, commit_districts_order: a sort through the collation cost more than the 14 rows) */
	[STMT_COMMIT_DISTRICTS] =
		"SELECT id, key, name, prioritised FROM area WHERE level = 'district'",
	/* () -> (id, key, name, kind, pair_id, reads): the ledger's parties (each specialist committee
	 * and company, and an administration of no committee), in no order, with whether the viewer may
	 * read the party's unpublished reports (reads). A party's members (view/ledger.c) are itself, its
	 * recorded pair and who records it as theirs (COMMIT_LEDGER_PAIRS). */
	[STMT_COMMIT_LEDGER_PARTIES] =
		"SELECT o.id, o.key, o.name, o.kind, o.pair_id, lup_reads(o.id, o.pair_id)::int AS reads FROM organisation o"
		" WHERE o.kind IN ('specialist_committee', 'company_board') OR (o.kind = 'specialist_admin' AND o.pair_id IS NULL)",
	/* () -> (id, pair_id): every organisation that records a pair */
	[STMT_COMMIT_LEDGER_PAIRS] =
		"SELECT id, pair_id FROM organisation WHERE pair_id IS NOT NULL",
	/* (year, kind T1|T2|FY) -> (id, org_id, org, status, readable): the period's reports, in no
	 * order, with whether the viewer may read the report (approved, or lup_reads) */
	[STMT_COMMIT_LEDGER_REPORTS] =
		"SELECT r.id, r.org_id, ro.key AS org, r.status,"
		" coalesce(r.status = 'approved' OR lup_reads(r.org_id, ro.pair_id), false)::int AS readable"
		" FROM period pe JOIN report r ON r.period_id = pe.id JOIN organisation ro ON ro.id = r.org_id"
		" WHERE pe.year = $1 AND pe.kind = $2",
	/* (year, kind T1|T2|FY) -> (due): the city's deadline of the period (no row when none is set) */
	[STMT_COMMIT_LEDGER_DUE] =
		"SELECT due FROM deadline WHERE year = $1 AND kind = $2 AND org_id IS NULL AND level = 'city'",
	/* (partners: organisation ids joined by commas) -> (org_id, plan_version_id, id, key,
	 * title, role): those organisations' partnerships in the measures of the adopted LUP versions
	 * (the columns as on SQLite, whose loader filter then keeps every row), in no order */
	[STMT_COMMIT_LEDGER_MEASURES] =
		"SELECT mp.org_id, m.plan_version_id, m.id, m.key, m.title, mp.role"
		" FROM unnest(string_to_array($1::text, ',')::bigint[]) j(value) JOIN measure_partner mp ON mp.org_id = j.value"
		" JOIN measure m ON m.id = mp.measure_id JOIN plan_version pv ON pv.id = m.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id WHERE " ADOPTED_LUP("p", "pv"),
	/* (year, owners: organisation ids joined by commas) -> (owner_id, area_id, id, key, title,
	 * role): the public activities of those owners that run in the year, one row per area they
	 * serve (role: 'owner' when none), in no order */
	[STMT_COMMIT_LEDGER_ACTIVITIES] =
		"SELECT a.owner_id, ad.area_id, a.id, a.key, a.title, coalesce(a.role, 'owner') AS role"
		" FROM unnest(string_to_array($2::text, ',')::bigint[]) j(value) JOIN activity a ON a.owner_id = j.value"
		" JOIN activity_district ad ON ad.activity_id = a.id"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE " PUB_ACTIVITY("a") " AND " IN_YEAR("a", "p", "$1::bigint"),
	/* (reports: ids joined by commas) -> (report_id, activity_id, status): those reports' activity
	 * statuses, in no order */
	[STMT_COMMIT_LEDGER_UPDATES] =
		"SELECT u.report_id, u.activity_id, u.status"
		" FROM unnest(string_to_array($1::text, ',')::bigint[]) j(value) JOIN activity_update u ON u.report_id = j.value",
	/* (year) -> (org_id, area_id, kind, amount, unit): the resources each organisation records
	 * for a district in the year, one row per kind (resource_allocation as migration 0025 has it),
	 * in no order (the loader orders them) */
	[STMT_COMMIT_LEDGER_RESOURCES] =
		"SELECT org_id, area_id, kind, amount, unit FROM resource_allocation WHERE year = $1",
};
