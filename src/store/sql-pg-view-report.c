/* sql-pg-view-report.c: PostgreSQL text of the report view's statements (stmt-view-report.h). */
#include "store/sql-pg.h"

const char *const pg_sql_view_report[STMT__MAX] = {
	/* (report_id) -> 1 when the connection's viewer may read the report: approved, or of an
	 * organisation the viewer reads for (lup_reads; web/authz.h authz_report_readable); a boolean,
	 * which the backend reads as 0/1; named as SQLite names the column */
	[STMT_VR_READABLE] =
		"SELECT r.status = 'approved' OR lup_reads(r.org_id, o.pair_id)"
		" AS \"r.status = 'approved' OR lup_reads(r.org_id, o.pair_id)\" FROM report r"
		" JOIN organisation o ON o.id = r.org_id WHERE r.id = $1",
	/* (org_id, year, period kind T1/T2/FY) -> the organisation's report of the period */
	[STMT_VR_FIND] =
		"SELECT r.id FROM report r JOIN period pe ON pe.id = r.period_id"
		" WHERE r.org_id = $1 AND pe.year = $2 AND pe.kind = $3",
	/* (org_id, year) -> the version of the organisation's verksamhetsplan holding the year that
	 * its document shows: the newest adopted one, else the newest */
	[STMT_VR_VP_VERSION] =
		"SELECT pv.id FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" WHERE p.kind = 'vp' AND p.owner_id = $1 AND $2 BETWEEN p.year_from AND p.year_to"
		" ORDER BY pv.status = 'decided' DESC, pv.version DESC, p.id DESC LIMIT 1",
	/* (plan_version_id) -> tbl, ord, label, col, amount_mnkr of its budget lines, by table, row
	 * and the order the columns were written */
	[STMT_VR_BUDGET] =
		"SELECT tbl, ord, label, col, amount_mnkr FROM budget_line WHERE plan_version_id = $1"
		" ORDER BY tbl, ord, id",
};
