/* sql-pg-imp-plan.c: PostgreSQL text of the 'plan' importer's statements (see stmt-imp-plan.h).
 *
 * The upserts change a row only when a value the document states differs (so importing the same
 * text twice changes nothing); what the document does not state (an indicator's direction, an
 * activity's status, a row's source) is kept. The SNAP statements read a row as the importer
 * writes it, for the audit log's before and after; their first column is the audited id. */
#include "store/sql-pg.h"

/* the key of a money row in the prune statements: table, row and column with U+001F between */
#define BUDGET_KEY "(tbl || chr(31) || ord || chr(31) || col)"

/* the texts of JSON array $n (sent as text), as a one-column set named value */
#define JSON_TEXTS(n) "(SELECT value FROM json_array_elements_text($" #n "::json))"

const char *const pg_sql_imp_plan[STMT__MAX] = {
	/* (key, name, kind, source): a missing organisation */
	[STMT_IMP_PLAN_ORG_ADD] =
		"INSERT INTO organisation (key, name, kind, source) VALUES ($1, $2, $3, $4)"
		" ON CONFLICT (key) DO NOTHING RETURNING id",
	/* (id) -> key, name */
	[STMT_IMP_PLAN_ORG_KEY] = "SELECT key, name FROM organisation WHERE id = $1",
	/* (org_id) -> the district of a committee (or of its administration) */
	[STMT_IMP_PLAN_DISTRICT] =
		"SELECT id FROM area WHERE level = 'district' AND (committee_id = $1"
		" OR committee_id = (SELECT pair_id FROM organisation WHERE id = $1))"
		" ORDER BY committee_id = $1 DESC NULLS LAST LIMIT 1",
	/* (key, owner_id, title, year, source) */
	[STMT_IMP_PLAN_PLAN_ADD] =
		"INSERT INTO plan (key, kind, owner_id, title, year_from, year_to, source)"
		" VALUES ($1, 'vp', $2, $3, $4, $4, $5) ON CONFLICT (key) DO NOTHING RETURNING id",
	/* (plan key): version 1 */
	[STMT_IMP_PLAN_VERSION_ADD] =
		"INSERT INTO plan_version (plan_id, version, status) SELECT id, 1, 'draft' FROM plan"
		" WHERE key = $1::text ON CONFLICT (plan_id, version) DO NOTHING RETURNING id",
	/* (plan key) -> id of version 1 */
	[STMT_IMP_PLAN_VERSION_ID] =
		"SELECT pv.id FROM plan_version pv JOIN plan p ON p.id = pv.plan_id"
		" WHERE p.key = $1 AND pv.version = 1",
	/* (key, owner_id, level, number, parent_id, title, year, source, description): a KF goal; its
	 * description (the plan's text under its heading) is kept when the document has none */
	[STMT_IMP_PLAN_KF_GOAL] =
		"INSERT INTO goal (key, owner_id, level, number, parent_id, title, year, source, description)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (key) DO UPDATE SET"
		" owner_id = excluded.owner_id, level = excluded.level, number = excluded.number,"
		" parent_id = coalesce(excluded.parent_id, goal.parent_id), title = excluded.title,"
		" year = excluded.year, description = coalesce(excluded.description, goal.description)"
		" WHERE (goal.owner_id, goal.level, goal.number, goal.parent_id, goal.title, goal.year,"
		" goal.description) IS DISTINCT FROM (excluded.owner_id,"
		" excluded.level, excluded.number, coalesce(excluded.parent_id, goal.parent_id),"
		" excluded.title, excluded.year, coalesce(excluded.description, goal.description))"
		" RETURNING id",
	/* (key, owner_id, plan_version_id, parent_id, title, description, year, source, number): a nämndmål */
	[STMT_IMP_PLAN_NM_GOAL] =
		"INSERT INTO goal (key, owner_id, plan_version_id, level, parent_id, title, description,"
		" year, source, number) VALUES ($1, $2, $3, 'namndmal', $4, $5, $6, $7, $8, $9)"
		" ON CONFLICT (key) DO UPDATE SET owner_id = excluded.owner_id,"
		" plan_version_id = excluded.plan_version_id, level = excluded.level,"
		" parent_id = coalesce(excluded.parent_id, goal.parent_id), title = excluded.title,"
		" description = coalesce(excluded.description, goal.description), year = excluded.year,"
		" number = coalesce(goal.number, excluded.number)"
		" WHERE (goal.owner_id, goal.plan_version_id, goal.level, goal.parent_id, goal.title,"
		" goal.description, goal.year, goal.number) IS DISTINCT FROM"
		" (excluded.owner_id, excluded.plan_version_id, excluded.level,"
		" coalesce(excluded.parent_id, goal.parent_id), excluded.title,"
		" coalesce(excluded.description, goal.description), excluded.year,"
		" coalesce(goal.number, excluded.number)) RETURNING id",
	/* (key) */
	[STMT_IMP_PLAN_SNAP_GOAL] =
		"SELECT g.id, g.key, g.level, g.number, p.key AS parent, g.title, g.description, g.year,"
		" o.key AS owner, g.plan_version_id FROM goal g JOIN organisation o ON o.id = g.owner_id"
		" LEFT JOIN goal p ON p.id = g.parent_id WHERE g.key = $1",
	/* (goal_id, ord, text, source) */
	[STMT_IMP_PLAN_RESULT] =
		"INSERT INTO goal_result (goal_id, ord, text, source) VALUES ($1, $2, $3, $4)"
		" ON CONFLICT (goal_id, ord) DO UPDATE SET text = excluded.text"
		" WHERE goal_result.text IS DISTINCT FROM excluded.text",
	/* (goal_id, ord) */
	[STMT_IMP_PLAN_SNAP_RESULT] =
		"SELECT goal_id, ord, text FROM goal_result WHERE goal_id = $1 AND ord = $2",
	/* (at, actor, user_id, goal_id, n): audits the expected results past the n the document has */
	[STMT_IMP_PLAN_RESULT_PRUNE_AUDIT] =
		"INSERT INTO audit (at, actor, user_id, action, entity, entity_id, before)"
		" SELECT $1::text, $2::text, $3::bigint, 'delete', 'goal_result', goal_id,"
		" json_build_object('goal_id', goal_id, 'ord', ord, 'text', text, 'source', source)::text"
		" FROM goal_result WHERE goal_id = $4 AND ord > $5 RETURNING id",
	/* (goal_id, n) */
	[STMT_IMP_PLAN_RESULT_PRUNE] = "DELETE FROM goal_result WHERE goal_id = $1 AND ord > $2",
	/* (key, goal_id, owner_id, ord, name, unit, periodicity, source): direction, source kind,
	 * Kolada id and disaggregation are not in the document and are kept */
	[STMT_IMP_PLAN_INDICATOR] =
		"INSERT INTO indicator (key, goal_id, owner_id, ord, name, unit, periodicity, source)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO UPDATE SET"
		" goal_id = excluded.goal_id, owner_id = excluded.owner_id, ord = excluded.ord,"
		" name = excluded.name, unit = coalesce(excluded.unit, indicator.unit),"
		" periodicity = excluded.periodicity"
		" WHERE (indicator.goal_id, indicator.owner_id, indicator.ord, indicator.name, indicator.unit,"
		" indicator.periodicity) IS DISTINCT FROM (excluded.goal_id,"
		" excluded.owner_id, excluded.ord, excluded.name, coalesce(excluded.unit, indicator.unit),"
		" excluded.periodicity) RETURNING id",
	/* (key) */
	[STMT_IMP_PLAN_SNAP_INDICATOR] =
		"SELECT i.id, i.key, g.key AS goal, i.ord, i.name, i.unit, i.direction, i.periodicity"
		" FROM indicator i LEFT JOIN goal g ON g.id = i.goal_id WHERE i.key = $1",
	/* (indicator_id, year, kind, mode, value, unit, text, source) */
	[STMT_IMP_PLAN_TARGET] =
		"INSERT INTO target (indicator_id, year, kind, mode, value, unit, text, source)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (indicator_id, year, kind, sex)"
		" DO UPDATE SET mode = excluded.mode, value = excluded.value, unit = excluded.unit,"
		" text = excluded.text WHERE (target.mode, target.value, target.unit, target.text) IS DISTINCT FROM"
		" (excluded.mode, excluded.value, excluded.unit, excluded.text)",
	/* (indicator_id, year, kind) */
	[STMT_IMP_PLAN_SNAP_TARGET] =
		"SELECT indicator_id, year, kind, mode, value, unit, text FROM target"
		" WHERE indicator_id = $1 AND year = $2 AND kind = $3 AND sex = 'T'",
	/* (at, actor, user_id, indicator_id, year, kind): audits a target the document no longer has */
	[STMT_IMP_PLAN_TARGET_DEL_AUDIT] =
		"INSERT INTO audit (at, actor, user_id, action, entity, entity_id, before)"
		" SELECT $1::text, $2::text, $3::bigint, 'delete', 'target', indicator_id,"
		" json_build_object('indicator_id', indicator_id, 'year', year, 'kind', kind, 'mode', mode,"
		" 'value', value, 'unit', unit, 'text', text)::text"
		" FROM target WHERE indicator_id = $4 AND year = $5 AND kind = $6 AND sex = 'T' RETURNING id",
	/* (indicator_id, year, kind) */
	[STMT_IMP_PLAN_TARGET_DEL] =
		"DELETE FROM target WHERE indicator_id = $1 AND year = $2 AND kind = $3 AND sex = 'T'",
	/* (key, plan_version_id, owner_id, title, start_text, start_first, start_last, start_prec,
	 *  end_text, end_first, end_last, end_prec, goal_id, source): status, role, theme, measure,
	 * description and partners are not in the document and are kept */
	[STMT_IMP_PLAN_ACTIVITY] =
		"INSERT INTO activity (key, plan_version_id, owner_id, title, start_text, start_first,"
		" start_last, start_prec, end_text, end_first, end_last, end_prec, goal_id, source)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
		" ON CONFLICT (key) DO UPDATE SET plan_version_id = excluded.plan_version_id,"
		" owner_id = excluded.owner_id, title = excluded.title, start_text = excluded.start_text,"
		" start_first = excluded.start_first, start_last = excluded.start_last,"
		" start_prec = excluded.start_prec, end_text = excluded.end_text,"
		" end_first = excluded.end_first, end_last = excluded.end_last,"
		" end_prec = excluded.end_prec, goal_id = excluded.goal_id"
		" WHERE (activity.plan_version_id, activity.owner_id, activity.title, activity.start_text,"
		" activity.start_first, activity.start_last, activity.start_prec, activity.end_text,"
		" activity.end_first, activity.end_last, activity.end_prec, activity.goal_id)"
		" IS DISTINCT FROM (excluded.plan_version_id,"
		" excluded.owner_id, excluded.title, excluded.start_text, excluded.start_first,"
		" excluded.start_last, excluded.start_prec, excluded.end_text, excluded.end_first,"
		" excluded.end_last, excluded.end_prec, excluded.goal_id) RETURNING id",
	/* (key) */
	[STMT_IMP_PLAN_SNAP_ACTIVITY] =
		"SELECT a.id, a.key, a.title, a.start_text AS start, a.end_text AS \"end\", g.key AS goal,"
		" a.plan_version_id, a.status FROM activity a LEFT JOIN goal g ON g.id = a.goal_id"
		" WHERE a.key = $1",
	/* (activity_id, org_id, role): a body a KF assignment names */
	[STMT_IMP_PLAN_PARTNER] =
		"INSERT INTO activity_partner (activity_id, org_id, role) VALUES ($1, $2, $3)"
		" ON CONFLICT (activity_id, org_id) DO UPDATE SET role = excluded.role"
		" WHERE activity_partner.role IS DISTINCT FROM excluded.role",
	/* (activity_id, org_id) */
	[STMT_IMP_PLAN_SNAP_PARTNER] =
		"SELECT ap.activity_id, o.key AS org, ap.role FROM activity_partner ap"
		" JOIN organisation o ON o.id = ap.org_id WHERE ap.activity_id = $1 AND ap.org_id = $2",
	/* (plan_version_id, tbl, ord, label, col, amount_mnkr) */
	[STMT_IMP_PLAN_BUDGET] =
		"INSERT INTO budget_line (plan_version_id, tbl, ord, label, col, amount_mnkr)"
		" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (plan_version_id, tbl, ord, col)"
		" DO UPDATE SET label = excluded.label, amount_mnkr = excluded.amount_mnkr"
		" WHERE (budget_line.label, budget_line.amount_mnkr) IS DISTINCT FROM"
		" (excluded.label, excluded.amount_mnkr) RETURNING id",
	/* (plan_version_id, tbl, ord, col) */
	[STMT_IMP_PLAN_SNAP_BUDGET] =
		"SELECT id, tbl, ord, label, col, amount_mnkr FROM budget_line"
		" WHERE plan_version_id = $1 AND tbl = $2 AND ord = $3 AND col = $4",
	/* (at, actor, user_id, plan_version_id, JSON array of the document's money table names, JSON array of
	 * its money rows' keys): audits the rows of those tables that the document no longer has */
	[STMT_IMP_PLAN_BUDGET_PRUNE_AUDIT] =
		"INSERT INTO audit (at, actor, user_id, action, entity, entity_id, before)"
		" SELECT $1::text, $2::text, $3::bigint, 'delete', 'budget_line', id, json_build_object('tbl', tbl,"
		" 'ord', ord, 'label', label, 'col', col, 'amount_mnkr', amount_mnkr)::text FROM budget_line"
		" WHERE plan_version_id = $4 AND tbl IN " JSON_TEXTS(5)
		" AND " BUDGET_KEY " NOT IN " JSON_TEXTS(6) " RETURNING id",
	/* (plan_version_id, table names, row keys as above) */
	[STMT_IMP_PLAN_BUDGET_PRUNE] =
		"DELETE FROM budget_line WHERE plan_version_id = $1 AND tbl IN " JSON_TEXTS(2)
		" AND " BUDGET_KEY " NOT IN " JSON_TEXTS(3),
	/* (table: goal, indicator or activity; key prefix; JSON array of the keys the document has)
	 * -> how many keys with the prefix the document no longer has, the first and the last */
	[STMT_IMP_PLAN_STALE] =
		"SELECT count(*), min(key), max(key) FROM ("
		" SELECT key FROM goal WHERE $1::text = 'goal' AND substr(key, 1, length($2::text)) = $2::text"
		" AND key NOT IN " JSON_TEXTS(3)
		" UNION ALL SELECT key FROM indicator WHERE $1::text = 'indicator'"
		" AND substr(key, 1, length($2::text)) = $2::text AND key NOT IN " JSON_TEXTS(3)
		" UNION ALL SELECT key FROM activity WHERE $1::text = 'activity'"
		" AND substr(key, 1, length($2::text)) = $2::text AND key NOT IN " JSON_TEXTS(3) ") AS stale",
	/* (entity: plan, goal, indicator or activity; key) -> the owner of the existing row with
	 * that key (-1 when it records none); no row when there is none */
	[STMT_IMP_PLAN_KEY_OWNER] =
		"SELECT coalesce(owner_id, -1) FROM plan WHERE $1::text = 'plan' AND key = $2::text"
		" UNION ALL SELECT coalesce(owner_id, -1) FROM goal WHERE $1::text = 'goal' AND key = $2::text"
		" UNION ALL SELECT coalesce(owner_id, -1) FROM indicator WHERE $1::text = 'indicator' AND key = $2::text"
		" UNION ALL SELECT coalesce(owner_id, -1) FROM activity WHERE $1::text = 'activity' AND key = $2::text",
};
