/* sql-sqlite-commit.c: SQLite text of the commitments' statements (see stmt-commit.h). Only
 * public content (store/sql-public.h): the measures of each district's adopted LUP version and
 * the activities in no draft; the statuses of a report only when it is approved or the
 * connection's viewer may read it (lup_reads: the SQL form of web/authz.h's
 * authz_report_readable). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* The id of LUP plan p's adopted version: its latest version that is no draft, a decided one
 * first (the same rule as sql-sqlite.c's LUP_LATEST), as two walks of plan_version's (plan_id,
 * version) index, newest first: a decided one, else any that is no draft. */
#define ADOPTED_PV(p) \
	"coalesce((SELECT id FROM plan_version WHERE plan_id = " p ".id AND status = 'decided' ORDER BY version DESC LIMIT 1)," \
	" (SELECT id FROM plan_version WHERE plan_id = " p ".id AND status <> 'draft' ORDER BY version DESC LIMIT 1))"

/* The activity a (with its plan p, may be missing) runs some time in year y. */
#define IN_YEAR(a, p, y) \
	y " BETWEEN coalesce(" a ".start_first / 10000, " p ".year_from, " y ")" \
	" AND coalesce(" a ".end_last / 10000, " p ".year_to, " y ")"

const char *const sqlite_sql_commit[STMT__MAX] = {
	/* (texts 0|1) -> (via, org_id, at, item_id, item, title, role, ord): the links of the city's
	 * overview (view/commitments.c) as narrow rows, their organisations' and districts' texts read
	 * once (COMMIT_ORGS, COMMIT_DISTRICTS) rather than joined per row. via 0 (COMMIT_MEASURE): an
	 * organisation partner (org_id) of a measure of any version, at: the measure's plan version (the
	 * loader keeps the adopted LUP versions', COMMIT_ADOPTED), item_id, item, title: the measure's
	 * id, key and title, role: lead|partner|support|funder, ord: its place in its plan; 1
	 * (COMMIT_ACTIVITY): the owner of a public activity serving area at (the loader keeps the
	 * districts), role: its role, 'owner' when none, ord: its id; 2 (COMMIT_PARTNER): an
	 * organisation partner of activity item_id (at, item, title, ord NULL; role: the partner's own
	 * words, may be NULL), which the loader pairs with the activity's rows. The titles and the
	 * activities' keys only when texts is 1 (else NULL: the matrix's counts and roles need neither;
	 * a measure's key orders measures of one place). In no order. The measures from their partners
	 * (97 rows through measure_partner_org_role, 0065: the role from the index) rather than every
	 * measure of the adopted versions (292 index entries and a partner seek each). */
	[STMT_COMMIT_LINKS] =
		"SELECT 0 AS via, mp.org_id, m.plan_version_id AS at, m.id AS item_id, m.key AS item,"
		" CASE WHEN ?1 THEN m.title END AS title, mp.role, m.ord"
		" FROM measure_partner mp CROSS JOIN measure m ON m.id = mp.measure_id WHERE mp.org_id IS NOT NULL"
		" UNION ALL"
		" SELECT 1, a.owner_id, ad.area_id, a.id, CASE WHEN ?1 THEN a.key END, CASE WHEN ?1 THEN a.title END,"
		" coalesce(a.role, 'owner'), a.id"
		" FROM activity_district ad CROSS JOIN activity a ON a.id = ad.activity_id WHERE " PUB_ACTIVITY("a") ""
		" UNION ALL"
		" SELECT 2, ap.org_id, NULL, ap.activity_id, NULL, NULL, ap.role, NULL FROM activity_partner ap",
	/* () -> (plan_version_id, district_id): each LUP plan's adopted version and its area */
	[STMT_COMMIT_ADOPTED] =
		"SELECT " ADOPTED_PV("p") " AS plan_version_id, p.district_id FROM plan p WHERE p.kind = 'lup'",
	/* (ids: organisation ids joined by commas) -> (id, key, name, kind): those organisations, in
	 * no order */
	[STMT_COMMIT_ORGS] =
		"SELECT o.id, o.key, o.name, o.kind FROM json_each('[' || ?1 || ']') j CROSS JOIN organisation o ON o.id = j.value",
	/* () -> (id, key, name, prioritised): the districts, in no order (the loaders order them by
	 * name, commit_districts_order: a sort through the collation cost more than the 14 rows) */
	[STMT_COMMIT_DISTRICTS] =
		"SELECT id, key, name, prioritised FROM area WHERE level = 'district'",
	/* () -> (id, key, name, kind, pair_id, reads): the ledger's parties (each specialist committee
	 * and company, and an administration of no committee), in no order, with whether the viewer may
	 * read the party's unpublished reports (reads). A party's members (view/ledger.c) are itself, its
	 * recorded pair and who records it as theirs (COMMIT_LEDGER_PAIRS). */
	[STMT_COMMIT_LEDGER_PARTIES] =
		"SELECT o.id, o.key, o.name, o.kind, o.pair_id, lup_reads(o.id, o.pair_id) AS reads FROM organisation o"
		" WHERE o.kind = 'specialist_committee' OR o.kind = 'company_board'"
		" OR (o.kind = 'specialist_admin' AND o.pair_id IS NULL)",
	/* () -> (id, pair_id): every organisation that records a pair */
	[STMT_COMMIT_LEDGER_PAIRS] =
		"SELECT id, pair_id FROM organisation WHERE pair_id IS NOT NULL",
	/* (year, kind T1|T2|FY) -> (id, org_id, org, status, readable): the period's reports, in no
	 * order, with whether the viewer may read the report (approved, or lup_reads) */
	[STMT_COMMIT_LEDGER_REPORTS] =
		"SELECT r.id, r.org_id, ro.key AS org, r.status,"
		" coalesce(r.status = 'approved' OR lup_reads(r.org_id, ro.pair_id), 0) AS readable"
		" FROM period pe CROSS JOIN report r ON r.period_id = pe.id JOIN organisation ro ON ro.id = r.org_id"
		" WHERE pe.year = ?1 AND pe.kind = ?2",
	/* (year, kind T1|T2|FY) -> (due): the city's deadline of the period (no row when none is set) */
	[STMT_COMMIT_LEDGER_DUE] =
		"SELECT due FROM deadline WHERE year = ?1 AND kind = ?2 AND org_id IS NULL AND level = 'city'",
	/* (partners: organisation ids joined by commas) -> (org_id, plan_version_id, id, key,
	 * title, role): those organisations' partnerships in measures of any version (the loader keeps
	 * those of the adopted versions, COMMIT_ADOPTED), in no order */
	[STMT_COMMIT_LEDGER_MEASURES] =
		"SELECT mp.org_id, m.plan_version_id, m.id, m.key, m.title, mp.role"
		" FROM json_each('[' || ?1 || ']') j CROSS JOIN measure_partner mp ON mp.org_id = j.value"
		" CROSS JOIN measure m ON m.id = mp.measure_id",
	/* (year, owners: organisation ids joined by commas) -> (owner_id, area_id, id, key, title,
	 * role): the public activities of those owners that run in the year, one row per area they
	 * serve (role: 'owner' when none), in no order. The areas joined last, after the year's
	 * test (it reads the plan: before, the plan version and plan were sought once per area) */
	[STMT_COMMIT_LEDGER_ACTIVITIES] =
		"SELECT a.owner_id, ad.area_id, a.id, a.key, a.title, coalesce(a.role, 'owner') AS role"
		" FROM json_each('[' || ?2 || ']') j CROSS JOIN activity a ON a.owner_id = j.value"
		" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" CROSS JOIN activity_district ad ON ad.activity_id = a.id"
		" WHERE " PUB_ACTIVITY("a") " AND " IN_YEAR("a", "p", "?1"),
	/* (reports: ids joined by commas) -> (report_id, activity_id, status): those reports' activity
	 * statuses, in no order */
	[STMT_COMMIT_LEDGER_UPDATES] =
		"SELECT u.report_id, u.activity_id, u.status"
		" FROM json_each('[' || ?1 || ']') j CROSS JOIN activity_update u ON u.report_id = j.value",
	/* (year) -> (org_id, area_id, kind, amount, unit): the resources each organisation records
	 * for a district in the year, one row per kind (resource_allocation as migration 0025 has it),
	 * in no order (the loader orders them) */
	[STMT_COMMIT_LEDGER_RESOURCES] =
		"SELECT org_id, area_id, kind, amount, unit FROM resource_allocation WHERE year = ?1",
};
