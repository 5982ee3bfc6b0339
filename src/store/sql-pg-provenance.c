/* sql-pg-provenance.c: PostgreSQL text of the provenance statements (see stmt-provenance.h). */
#include "store/sql-pg.h"

const char *const pg_sql_provenance[STMT__MAX] = {
	/* (sha256, name) -> the document's id */
	[STMT_PROV_DOC_FIND] = "SELECT id FROM source_doc WHERE sha256 = $1 AND name = $2",
	/* (name, sha256, bytes, kind, imported_at, user_id or NULL, actor) -> id (RETURNING) */
	[STMT_PROV_DOC_ADD] =
		"INSERT INTO source_doc (name, sha256, bytes, kind, imported_at, user_id, actor)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	/* (entity, entity_id, doc_id, line_from, line_to): sets the row's provenance */
	[STMT_PROV_SET] =
		"INSERT INTO provenance (entity, entity_id, doc_id, line_from, line_to)"
		" VALUES ($1, $2, $3, $4, $5) ON CONFLICT (entity, entity_id) DO UPDATE SET"
		" doc_id = excluded.doc_id, line_from = excluded.line_from, line_to = excluded.line_to",
	/* (entity, entity_id) -> (name, sha256, line_from, line_to, imported_at, actor) */
	[STMT_PROV_GET] =
		"SELECT d.name, d.sha256, p.line_from, p.line_to, d.imported_at, d.actor"
		" FROM provenance p JOIN source_doc d ON d.id = p.doc_id"
		" WHERE p.entity = $1 AND p.entity_id = $2",
	/* (entity, entity_id): forgets the row's provenance (the row is deleted) */
	[STMT_PROV_DROP] = "DELETE FROM provenance WHERE entity = $1 AND entity_id = $2",
	/* (id) -> where the row came from: (document, sha256, line_from, line_to, imported_at), for
	 * the relation "provenance" of `lup show` and the API (store/kinds.c) */
#define PROV_OF(e) "SELECT d.name AS document, d.sha256, p.line_from, p.line_to, d.imported_at" \
	" FROM provenance p JOIN source_doc d ON d.id = p.doc_id WHERE p.entity = '" e "' AND p.entity_id = $1"
	[STMT_PROV_OF_GOAL] = PROV_OF("goal"),
	[STMT_PROV_OF_INDICATOR] = PROV_OF("indicator"),
	[STMT_PROV_OF_ACTIVITY] = PROV_OF("activity"),
	[STMT_PROV_OF_MEASURE] = PROV_OF("measure"),
	[STMT_PROV_OF_RESPONSE] = PROV_OF("response"),
#undef PROV_OF
	/* provenance of rows that are gone: (what, detail) */
	[STMT_CHECK_PROVENANCE_ORPHAN] =
		"SELECT 'provenance of a deleted row', p.entity || ' ' || p.entity_id FROM provenance p"
		" WHERE NOT EXISTS (SELECT 1 FROM goal WHERE p.entity = 'goal' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM indicator WHERE p.entity = 'indicator' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM activity WHERE p.entity = 'activity' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM measure WHERE p.entity = 'measure' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM response WHERE p.entity = 'response' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM recommendation WHERE p.entity = 'recommendation'"
		" AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM commission_measure WHERE p.entity = 'commission_measure'"
		" AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM theme WHERE p.entity = 'theme' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM lup_section WHERE p.entity = 'lup_section' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM plan_partner WHERE p.entity = 'plan_partner' AND id = p.entity_id)"
		" AND NOT EXISTS (SELECT 1 FROM budget_line WHERE p.entity = 'budget_line' AND id = p.entity_id)",
};
