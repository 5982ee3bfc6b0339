/* sql-sqlite-imp-commission.c: SQLite text of the 'commission' importer's statements (see stmt-imp-commission.h).
 * Upserts change nothing when the values are the same, so importing a document twice changes
 * no row. */
#include "store/sql-sqlite.h"

const char *const sqlite_sql_imp_commission[STMT__MAX] = {
	/* (key, title, year, source): the year is kept when none is given, the first source stays */
	[STMT_IMP_COMMISSION_REPORT_UPSERT] =
		"INSERT INTO commission_report (key, title, year, source) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (key) DO UPDATE SET title = excluded.title, year = coalesce(excluded.year, year),"
		" source = coalesce(source, excluded.source)"
		" WHERE (title, year, source) IS NOT (excluded.title, coalesce(excluded.year, year),"
		" coalesce(source, excluded.source))",
	/* (key) -> id */
	[STMT_IMP_COMMISSION_REPORT_ID] = "SELECT id FROM commission_report WHERE key = ?1",
	/* (report_id, alias) */
	[STMT_IMP_COMMISSION_ALIAS_ADD] =
		"INSERT INTO commission_report_alias (report_id, alias) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	/* (report_id, number, text) */
	[STMT_IMP_COMMISSION_REC_UPSERT] =
		"INSERT INTO recommendation (report_id, number, text) VALUES (?1, ?2, ?3)"
		" ON CONFLICT (report_id, number) DO UPDATE SET text = excluded.text"
		" WHERE text IS NOT excluded.text",
	/* (report_id, number) -> id */
	[STMT_IMP_COMMISSION_REC_ID] = "SELECT id FROM recommendation WHERE report_id = ?1 AND number = ?2",
	/* (report_id, number, text, recommendation_id): a NULL text or recommendation keeps the one
	 * stored (a measure known only from a citation does not erase its title) */
	[STMT_IMP_COMMISSION_MEASURE_UPSERT] =
		"INSERT INTO commission_measure (report_id, number, text, recommendation_id)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (report_id, number) DO UPDATE SET"
		" text = coalesce(excluded.text, text),"
		" recommendation_id = coalesce(excluded.recommendation_id, recommendation_id)"
		" WHERE (text, recommendation_id) IS NOT (coalesce(excluded.text, text),"
		" coalesce(excluded.recommendation_id, recommendation_id))",
	/* (report_id, number) -> id */
	[STMT_IMP_COMMISSION_MEASURE_ID] =
		"SELECT id FROM commission_measure WHERE report_id = ?1 AND number = ?2",
	/* (org_id, grp, ord, heading, no_response, marker, statement, stance, stance_phrase, source) */
	[STMT_IMP_COMMISSION_ADMIN_UPSERT] =
		"INSERT INTO commission_admin (org_id, grp, ord, heading, no_response, marker, statement,"
		" stance, stance_phrase, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
		" ON CONFLICT (org_id) DO UPDATE SET grp = excluded.grp, ord = excluded.ord,"
		" heading = excluded.heading, no_response = excluded.no_response, marker = excluded.marker,"
		" statement = excluded.statement, stance = excluded.stance,"
		" stance_phrase = excluded.stance_phrase, source = excluded.source"
		" WHERE (grp, ord, heading, no_response, marker, statement, stance, stance_phrase, source)"
		" IS NOT (excluded.grp, excluded.ord, excluded.heading, excluded.no_response, excluded.marker,"
		" excluded.statement, excluded.stance, excluded.stance_phrase, excluded.source)",
	/* (org_id, report_id) */
	[STMT_IMP_COMMISSION_ADMIN_REPORT_ADD] =
		"INSERT INTO commission_admin_report (org_id, report_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	/* (measure_id, org_id, no_response, stance, stance_phrase) */
	[STMT_IMP_COMMISSION_RESPONSE_UPSERT] =
		"INSERT INTO response (measure_id, org_id, no_response, stance, stance_phrase)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (measure_id, org_id) DO UPDATE SET"
		" no_response = excluded.no_response, stance = excluded.stance,"
		" stance_phrase = excluded.stance_phrase"
		" WHERE (no_response, stance, stance_phrase) IS NOT"
		" (excluded.no_response, excluded.stance, excluded.stance_phrase)",
	/* (measure_id, org_id) -> id */
	[STMT_IMP_COMMISSION_RESPONSE_ID] = "SELECT id FROM response WHERE measure_id = ?1 AND org_id = ?2",
	/* (response_id, ord, label, text) */
	[STMT_IMP_COMMISSION_PART_UPSERT] =
		"INSERT INTO response_part (response_id, ord, label, text) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (response_id, ord) DO UPDATE SET label = excluded.label, text = excluded.text"
		" WHERE (label, text) IS NOT (excluded.label, excluded.text)",
	/* (response_id, parts kept): the parts a revised document no longer has */
	[STMT_IMP_COMMISSION_PART_TRIM] = "DELETE FROM response_part WHERE response_id = ?1 AND ord > ?2",
	/* (response_id, measure_id) */
	[STMT_IMP_COMMISSION_REF_ADD] =
		"INSERT INTO measure_ref (response_id, measure_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	/* (response_id) -> measure_id */
	[STMT_IMP_COMMISSION_REFS] = "SELECT measure_id FROM measure_ref WHERE response_id = ?1",
	/* (response_id, measure_id) */
	[STMT_IMP_COMMISSION_REF_DEL] = "DELETE FROM measure_ref WHERE response_id = ?1 AND measure_id = ?2",
	/* (org_id) -> (response id, measure id, report id) */
	[STMT_IMP_COMMISSION_ORG_RESPONSES] =
		"SELECT r.id, r.measure_id, m.report_id FROM response r"
		" JOIN commission_measure m ON m.id = r.measure_id WHERE r.org_id = ?1 ORDER BY r.id",
	/* (response id) */
	[STMT_IMP_COMMISSION_RESPONSE_DEL] = "DELETE FROM response WHERE id = ?1",
};
