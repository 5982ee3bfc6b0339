/* sql-sqlite-commit.c: SQLite text of the commitments' statements (see stmt-commit.h). Only
 * public content (store/sql-public.h): the measures of each district's adopted LUP version and
 * the activities in no draft; the statuses of a report only when it is approved or the
 * connection's viewer may read it (lup_reads: the SQL form of web/authz.h's
 * authz_report_readable). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* The adopted version pv of LUP plan p: its latest version that is no draft, a decided one
 * first (the same rule as sql-sqlite.c's LUP_LATEST). */
#define ADOPTED_LUP(p, pv) \
	p ".kind = 'lup' AND " pv ".version = (SELECT version FROM plan_version WHERE plan_id = " p ".id" \
	" AND status <> 'draft' ORDER BY status = 'decided' DESC, version DESC LIMIT 1)"

/* The id of LUP plan p's adopted version, ADOPTED_LUP's rule as two walks of plan_version's
 * (plan_id, version) index, newest first: a decided one, else any that is no draft. Once per
 * plan, without the sort that ADOPTED_LUP's ORDER BY makes per row it tests. */
#define ADOPTED_PV(p) \
	"coalesce((SELECT id FROM plan_version WHERE plan_id = " p ".id AND status = 'decided' ORDER BY version DESC LIMIT 1)," \
	" (SELECT id FROM plan_version WHERE plan_id = " p ".id AND status <> 'draft' ORDER BY version DESC LIMIT 1))"

/* The ledger's parties (each specialist committee and company, and an administration of no
 * committee), their members (the party, its recorded pair and who records it as theirs) and the
 * party's report of the period (?1 year, ?2 kind T1|T2|FY): the newest approved one of its
 * members', else the newest of its members': grouped once over the period's reports (a
 * subquery per party sorted its reports and built its list of members each time). */
#define LEDGER_CTE \
	"WITH party AS (SELECT o.id, o.key, o.name, o.kind, o.pair_id FROM organisation o" \
	"  WHERE o.kind IN ('specialist_committee', 'company_board')" \
	"  OR (o.kind = 'specialist_admin' AND o.pair_id IS NULL))," \
	" member AS (SELECT p.id AS party, m.id AS org FROM party p JOIN organisation m" \
	"  ON m.id = p.id OR m.pair_id = p.id OR m.id = p.pair_id)," \
	" rep AS (SELECT p.id AS party, g.report FROM party p LEFT JOIN (SELECT mb.party," \
	"  coalesce(max(CASE WHEN r.status = 'approved' THEN r.id END), max(r.id)) AS report" \
	"  FROM period pe JOIN report r ON r.period_id = pe.id JOIN member mb ON mb.org = r.org_id" \
	"  WHERE pe.year = ?1 AND pe.kind = ?2 GROUP BY mb.party) g ON g.party = p.id)"

/* The activity a (with its plan p, may be missing) runs some time in year y. */
#define IN_YEAR(a, p, y) \
	y " BETWEEN coalesce(" a ".start_first / 10000, " p ".year_from, " y ")" \
	" AND coalesce(" a ".end_last / 10000, " p ".year_to, " y ")"

const char *const sqlite_sql_commit[STMT__MAX] = {
	/* () -> (via, org_id, at, item_id, item, title, role, ord): the links of the city's overview
	 * (view/commitments.c) as narrow rows, their organisations' and districts' texts read once
	 * (COMMIT_ORGS, COMMIT_DISTRICTS) rather than joined per row. via 'measure': an organisation
	 * partner (org_id) of a measure of any version, at: the measure's plan version (the loader keeps
	 * the adopted LUP versions', COMMIT_ADOPTED), item_id, item, title: the measure's id, key and
	 * title, role: lead|partner|support|funder, ord: its place in its plan; 'activity': the owner
	 * of a public activity serving area at (the loader keeps the districts), role: its role,
	 * 'owner' when none, ord: its id; 'partner': an organisation partner of activity item_id (at,
	 * item, title, ord NULL; role: the partner's own words, may be NULL), which the loader pairs
	 * with the activity's rows. In no order. The measures from their partners (97 rows through
	 * measure_partner_org) rather than every measure of the adopted versions (292 index entries
	 * and a partner seek each). */
	[STMT_COMMIT_LINKS] =
		"SELECT 'measure' AS via, mp.org_id, m.plan_version_id AS at, m.id AS item_id, m.key AS item, m.title,"
		" mp.role, m.ord FROM measure_partner mp CROSS JOIN measure m ON m.id = mp.measure_id WHERE mp.org_id IS NOT NULL"
		" UNION ALL"
		" SELECT 'activity', a.owner_id, ad.area_id, a.id, a.key, a.title, coalesce(a.role, 'owner'), a.id"
		" FROM activity_district ad CROSS JOIN activity a ON a.id = ad.activity_id WHERE " PUB_ACTIVITY("a") ""
		" UNION ALL"
		" SELECT 'partner', ap.org_id, NULL, ap.activity_id, NULL, NULL, ap.role, NULL FROM activity_partner ap",
	/* () -> (plan_version_id, district_id): each LUP plan's adopted version and its area */
	[STMT_COMMIT_ADOPTED] =
		"SELECT " ADOPTED_PV("p") " AS plan_version_id, p.district_id FROM plan p WHERE p.kind = 'lup'",
	/* (ids: organisation ids joined by commas) -> (id, key, name, kind): those organisations, in
	 * no order */
	[STMT_COMMIT_ORGS] =
		"SELECT o.id, o.key, o.name, o.kind FROM json_each('[' || ?1 || ']') j CROSS JOIN organisation o ON o.id = j.value",
	/* () -> (id, key, name, prioritised): the districts, by name */
	[STMT_COMMIT_DISTRICTS] =
		"SELECT id, key, name, prioritised FROM area WHERE level = 'district' ORDER BY name COLLATE sv, id",
	/* (year, kind T1|T2|FY, today YYYY-MM-DD) -> (id, key, name, kind, report, report_org,
	 * report_status, submitted_at, readable, reads, due): the parties of the ledger, by name,
	 * each with its report of the period (NULL when none), whether the viewer may read that
	 * report (approved, or lup_reads), whether the viewer may read the party's unpublished
	 * reports at all (reads) and the city's deadline of the period (NULL when none is set) */
	[STMT_COMMIT_LEDGER_PARTIES] =
		LEDGER_CTE
		" SELECT p.id, p.key, p.name, p.kind, r.id AS report, ro.key AS report_org, r.status AS report_status,"
		" r.submitted_at, coalesce(r.status = 'approved' OR lup_reads(r.org_id, ro.pair_id), 0) AS readable,"
		" lup_reads(p.id, p.pair_id) AS reads,"
		" (SELECT due FROM deadline WHERE year = ?1 AND kind = ?2 AND org_id IS NULL AND level = 'city') AS due"
		" FROM party p JOIN rep ON rep.party = p.id LEFT JOIN report r ON r.id = rep.report"
		" LEFT JOIN organisation ro ON ro.id = r.org_id ORDER BY p.name COLLATE sv, p.id",
	/* (year, kind) -> (party, org): the members of each party (the parameters are unused but
	 * shared with the CTE) */
	[STMT_COMMIT_LEDGER_MEMBERS] =
		LEDGER_CTE " SELECT party, org FROM member WHERE ?1 IS NOT NULL AND ?2 IS NOT NULL ORDER BY party, org",
	/* (year, kind T1|T2|FY) -> (party, district_id, district, district_name, via, item_id, item,
	 * title, role, status): what each party committed to each district: via 'activity' (a public
	 * activity of a member serving the district that runs in the year; status: its status in
	 * the party's report of the period, NULL when the report gives none or the viewer may not
	 * read it) or 'measure' (a member is a partner of a measure of the district's adopted LUP;
	 * status NULL). By party, district name, via, title. */
	[STMT_COMMIT_LEDGER_ITEMS] =
		LEDGER_CTE
		" SELECT x.party, d.id AS district_id, d.key AS district, d.name AS district_name, x.via, x.item_id, x.item, x.title,"
		" x.role, x.status FROM ("
		"  SELECT mb.party, ad.area_id AS area, 'activity' AS via, a.id AS item_id, a.key AS item, a.title,"
		"  coalesce(a.role, 'owner') AS role,"
		"  CASE WHEN r.status = 'approved' OR lup_reads(r.org_id, ro.pair_id) THEN u.status END AS status"
		"  FROM member mb JOIN activity a ON a.owner_id = mb.org JOIN activity_district ad ON ad.activity_id = a.id"
		"  LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		"  JOIN rep ON rep.party = mb.party LEFT JOIN report r ON r.id = rep.report"
		"  LEFT JOIN organisation ro ON ro.id = r.org_id"
		"  LEFT JOIN activity_update u ON u.report_id = r.id AND u.activity_id = a.id"
		"  WHERE " PUB_ACTIVITY("a") " AND " IN_YEAR("a", "p", "?1") ""
		"  UNION ALL"
		"  SELECT DISTINCT mb.party, p.district_id, 'measure', m.id, m.key, m.title, mp.role, NULL"
		"  FROM plan p CROSS JOIN plan_version pv ON pv.id = " ADOPTED_PV("p")
		"  CROSS JOIN measure m ON m.plan_version_id = pv.id CROSS JOIN measure_partner mp ON mp.measure_id = m.id"
		"  CROSS JOIN member mb ON mb.org = mp.org_id WHERE p.kind = 'lup'"
		" ) x JOIN area d ON d.id = x.area AND d.level = 'district'"
		" ORDER BY x.party, d.name COLLATE sv, x.via, x.title COLLATE sv, x.item",
	/* (year) -> (org_id, area_id, kind, amount, unit): the resources each organisation records
	 * for a district in the year, one row per kind (resource_allocation as migration 0025 has it) */
	[STMT_COMMIT_LEDGER_RESOURCES] =
		"SELECT org_id, area_id, kind, amount, unit FROM resource_allocation WHERE year = ?1 ORDER BY 1, 2, 3",
};
