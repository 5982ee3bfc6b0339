/* sql-sqlite-view-report.c: SQLite text of the report view's statements (stmt-view-report.h). */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_view_report[STMT__MAX] = {
	/* (report_id) -> 1 when the connection's viewer may read the report: approved, or of an
	 * organisation the viewer reads for (lup_reads; web/authz.h authz_report_readable) */
	[STMT_VR_READABLE] =
		"SELECT r.status = 'approved' OR lup_reads(r.org_id, o.pair_id) FROM report r"
		" JOIN organisation o ON o.id = r.org_id WHERE r.id = ?1",
};
