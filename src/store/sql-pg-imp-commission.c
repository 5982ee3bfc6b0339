/* sql-pg-imp-commission.c: PostgreSQL text of the 'commission' importer's statements (see stmt-imp-commission.h).
 * Upserts change nothing when the values are the same, so importing a document twice changes
 * no row. */
#include "store/sql-pg.h"

const char *const pg_sql_imp_commission[STMT__MAX] = {
	/* (key, title, year, source): the year is kept when none is given, the first source stays */
	[STMT_IMP_COMMISSION_REPORT_UPSERT] =
		"INSERT INTO commission_report (key, title, year, source) VALUES ($1, $2, $3, $4)"
		" ON CONFLICT (key) DO UPDATE SET title = excluded.title,"
		" year = coalesce(excluded.year, commission_report.year),"
		" source = coalesce(commission_report.source, excluded.source)"
		" WHERE (commission_report.title, commission_report.year, commission_report.source)"
		" IS DISTINCT FROM (excluded.title, coalesce(excluded.year, commission_report.year),"
		" coalesce(commission_report.source, excluded.source)) RETURNING id",
	/* (key) -> id */
	[STMT_IMP_COMMISSION_REPORT_ID] = "SELECT id FROM commission_report WHERE key = $1",
	/* (report_id, alias) */
	[STMT_IMP_COMMISSION_ALIAS_ADD] =
		"INSERT INTO commission_report_alias (report_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	/* (report_id, number, text) */
	[STMT_IMP_COMMISSION_REC_UPSERT] =
		"INSERT INTO recommendation (report_id, number, text) VALUES ($1, $2, $3)"
		" ON CONFLICT (report_id, number) DO UPDATE SET text = excluded.text"
		" WHERE recommendation.text IS DISTINCT FROM excluded.text RETURNING id",
	/* (report_id, number) -> id */
	[STMT_IMP_COMMISSION_REC_ID] = "SELECT id FROM recommendation WHERE report_id = $1 AND number = $2",
	/* (report_id, number, text, recommendation_id): a NULL text or recommendation keeps the one
	 * stored (a measure known only from a citation does not erase its title) */
	[STMT_IMP_COMMISSION_MEASURE_UPSERT] =
		"INSERT INTO commission_measure (report_id, number, text, recommendation_id)"
		" VALUES ($1, $2, $3, $4) ON CONFLICT (report_id, number) DO UPDATE SET"
		" text = coalesce(excluded.text, commission_measure.text),"
		" recommendation_id = coalesce(excluded.recommendation_id, commission_measure.recommendation_id)"
		" WHERE (commission_measure.text, commission_measure.recommendation_id) IS DISTINCT FROM"
		" (coalesce(excluded.text, commission_measure.text),"
		" coalesce(excluded.recommendation_id, commission_measure.recommendation_id)) RETURNING id",
	/* (report_id, number) -> id */
	[STMT_IMP_COMMISSION_MEASURE_ID] =
		"SELECT id FROM commission_measure WHERE report_id = $1 AND number = $2",
	/* (org_id, grp, ord, heading, no_response, marker, statement, stance, stance_phrase, source):
	 * a NULL no_response (the document gives the administration no content) keeps the stored
	 * no_response and marker, a NULL statement keeps the stored one, a stance 'none' keeps the
	 * stored stance and phrase: only what the document states replaces what is stored */
	[STMT_IMP_COMMISSION_ADMIN_UPSERT] =
		"INSERT INTO commission_admin AS ca (org_id, grp, ord, heading, no_response, marker, statement,"
		" stance, stance_phrase, source)"
		" VALUES ($1, $2, $3, $4, coalesce($5::bigint, 0), $6, $7, $8, $9, $10)"
		" ON CONFLICT (org_id) DO UPDATE SET grp = excluded.grp, ord = excluded.ord,"
		" heading = excluded.heading,"
		" no_response = CASE WHEN $5::bigint IS NULL THEN ca.no_response ELSE excluded.no_response END,"
		" marker = CASE WHEN $5::bigint IS NULL THEN ca.marker ELSE excluded.marker END,"
		" statement = coalesce(excluded.statement, ca.statement),"
		" stance = CASE WHEN excluded.stance = 'none' THEN ca.stance ELSE excluded.stance END,"
		" stance_phrase = CASE WHEN excluded.stance = 'none' THEN ca.stance_phrase"
		" ELSE excluded.stance_phrase END, source = excluded.source"
		" WHERE (ca.grp, ca.ord, ca.heading, ca.no_response, ca.marker, ca.statement, ca.stance,"
		" ca.stance_phrase, ca.source)"
		" IS DISTINCT FROM (excluded.grp, excluded.ord, excluded.heading,"
		" CASE WHEN $5::bigint IS NULL THEN ca.no_response ELSE excluded.no_response END,"
		" CASE WHEN $5::bigint IS NULL THEN ca.marker ELSE excluded.marker END,"
		" coalesce(excluded.statement, ca.statement),"
		" CASE WHEN excluded.stance = 'none' THEN ca.stance ELSE excluded.stance END,"
		" CASE WHEN excluded.stance = 'none' THEN ca.stance_phrase ELSE excluded.stance_phrase END,"
		" excluded.source)",
	/* (org_id, report_id) */
	[STMT_IMP_COMMISSION_ADMIN_REPORT_ADD] =
		"INSERT INTO commission_admin_report (org_id, report_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	/* (measure_id, org_id, no_response, stance, stance_phrase): a stance 'none' (the answer as
	 * the document gives it states none) keeps the stored stance and phrase */
	[STMT_IMP_COMMISSION_RESPONSE_UPSERT] =
		"INSERT INTO response AS r (measure_id, org_id, no_response, stance, stance_phrase)"
		" VALUES ($1, $2, $3, $4, $5) ON CONFLICT (measure_id, org_id) DO UPDATE SET"
		" no_response = excluded.no_response,"
		" stance = CASE WHEN excluded.stance = 'none' THEN r.stance ELSE excluded.stance END,"
		" stance_phrase = CASE WHEN excluded.stance = 'none' THEN r.stance_phrase"
		" ELSE excluded.stance_phrase END"
		" WHERE (r.no_response, r.stance, r.stance_phrase) IS DISTINCT FROM (excluded.no_response,"
		" CASE WHEN excluded.stance = 'none' THEN r.stance ELSE excluded.stance END,"
		" CASE WHEN excluded.stance = 'none' THEN r.stance_phrase ELSE excluded.stance_phrase END)"
		" RETURNING id",
	/* (measure_id, org_id) -> id */
	[STMT_IMP_COMMISSION_RESPONSE_ID] = "SELECT id FROM response WHERE measure_id = $1 AND org_id = $2",
	/* (response_id, ord, label, text) */
	[STMT_IMP_COMMISSION_PART_UPSERT] =
		"INSERT INTO response_part (response_id, ord, label, text) VALUES ($1, $2, $3, $4)"
		" ON CONFLICT (response_id, ord) DO UPDATE SET label = excluded.label, text = excluded.text"
		" WHERE (response_part.label, response_part.text) IS DISTINCT FROM (excluded.label, excluded.text)",
	/* (response_id, parts kept): the parts a revised document no longer has */
	[STMT_IMP_COMMISSION_PART_TRIM] = "DELETE FROM response_part WHERE response_id = $1 AND ord > $2",
	/* (response_id, measure_id) */
	[STMT_IMP_COMMISSION_REF_ADD] =
		"INSERT INTO measure_ref (response_id, measure_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
	/* (response_id) -> measure_id */
	[STMT_IMP_COMMISSION_REFS] = "SELECT measure_id FROM measure_ref WHERE response_id = $1",
	/* (response_id, measure_id) */
	[STMT_IMP_COMMISSION_REF_DEL] = "DELETE FROM measure_ref WHERE response_id = $1 AND measure_id = $2",
	/* (org_id) -> (response id, measure id, report id, measure number) */
	[STMT_IMP_COMMISSION_ORG_RESPONSES] =
		"SELECT r.id, r.measure_id, m.report_id, m.number FROM response r"
		" JOIN commission_measure m ON m.id = r.measure_id WHERE r.org_id = $1 ORDER BY m.number, r.id",
	/* (response_id, the answer as the document gives it: its parts as "label: text" joined by
	 * newlines) -> 1 when the stored answer, joined alike, begins with it and goes on (a document
	 * cut inside the answer; a revised answer that is not its beginning does not match) */
	[STMT_IMP_COMMISSION_ANSWER_LONGER] =
		"SELECT 1 FROM (SELECT string_agg(label || ': ' || text, chr(10) ORDER BY ord) AS t"
		" FROM response_part WHERE response_id = $1) AS answer"
		" WHERE length(t) > length($2::text) AND substr(t, 1, length($2::text)) = $2::text",
	/* (org_id, statement) -> 1 when the stored statement begins with it and goes on (a
	 * document cut inside the administration's text) */
	[STMT_IMP_COMMISSION_STATEMENT_LONGER] =
		"SELECT 1 FROM commission_admin WHERE org_id = $1 AND length(statement) > length($2::text)"
		" AND substr(statement, 1, length($2::text)) = $2::text",
	/* (org_id) -> its place in the stored document (0 when none) */
	[STMT_IMP_COMMISSION_ADMIN_ORD] = "SELECT ord FROM commission_admin WHERE org_id = $1",
	/* (ord) -> (org_id, heading) of the stored administrations placed after it */
	[STMT_IMP_COMMISSION_ADMINS_AFTER] =
		"SELECT org_id, heading FROM commission_admin WHERE ord > $1 ORDER BY ord",
};
