/* sql-pg-goal-edit.c: PostgreSQL text of the nämndmål and rollover statements (see
 * stmt-goal-edit.h). */
#include "store/sql-pg.h"

/* A goal's number (text) as SQLite's CAST(number AS INTEGER) reads it: the integer its text
 * begins with (after spaces; at most 18 digits, so that it fits), 0 when it begins with none,
 * NULL for NULL. */
#define NUM_INT(x) \
	"(CASE WHEN " x " IS NOT NULL THEN coalesce(substring(" x " FROM '^\\s*([-+]?[0-9]{1,18})')::bigint, 0) END)"

/* A nämndmål's number as an integer for ordering; unnumbered ones last. */
#define NUM_ORDER(g) "coalesce(" NUM_INT(g ".number") ", 1000000000), " g ".key"

/* The nämndmål of the same plan as goal $1: the same owner and plan version, or, outside any
 * version, the same owner and year. */
#define SIBLINGS \
	"SELECT s.id, s.number, s.key FROM goal g JOIN goal s ON s.owner_id = g.owner_id AND s.level = 'namndmal'" \
	" AND (s.plan_version_id = g.plan_version_id OR (g.plan_version_id IS NULL" \
	" AND s.plan_version_id IS NULL AND s.year IS NOT DISTINCT FROM g.year)) WHERE g.id = $1"

const char *const pg_sql_goal_edit[STMT__MAX] = {
	/* (goal_id) */
	[STMT_GE_RESULTS_CLEAR] = "DELETE FROM goal_result WHERE goal_id = $1",
	/* (goal_id, ord, text, source) */
	[STMT_GE_RESULT_ADD] = "INSERT INTO goal_result (goal_id, ord, text, source) VALUES ($1, $2, $3, $4)",
	/* (owner_id, year) -> the version a new goal of the year joins: the owner's (or its pair's)
	 * verksamhetsplan holding the year, its draft, else its newest version */
	[STMT_GE_PLAN_VERSION] =
		"SELECT pv.id FROM plan p JOIN plan_version pv ON pv.plan_id = p.id JOIN organisation o ON o.id = $1"
		" WHERE p.kind = 'vp' AND (p.owner_id = o.id OR p.owner_id = o.pair_id)"
		" AND $2::bigint BETWEEN p.year_from AND p.year_to"
		" ORDER BY p.owner_id = o.id DESC, pv.status = 'draft' DESC, pv.version DESC LIMIT 1",
	/* (goal_id) -> the next number of a nämndmål in the goal's plan (itself left out) */
	[STMT_GE_NEXT_NUMBER] =
		"SELECT coalesce(max(" NUM_INT("s.number") "), 0) + 1 FROM (" SIBLINGS ") s WHERE s.id <> $1",
	/* (goal_id, plan_version_id or NULL, number or NULL) */
	[STMT_GE_ATTACH] =
		"UPDATE goal SET plan_version_id = coalesce($2::bigint, plan_version_id), number = coalesce(number, $3::text)"
		" WHERE id = $1",
	/* (goal_id) -> id, number of the nämndmål of its plan in their order */
	[STMT_GE_SIBLINGS] = "SELECT id, number FROM (" SIBLINGS ") s ORDER BY " NUM_ORDER("s"),
	/* (goal_id, number) */
	[STMT_GE_SET_NUMBER] = "UPDATE goal SET number = $2::text WHERE id = $1 AND number IS DISTINCT FROM $2::text",
	/* (goal_id) -> the follow-up reports that assess it */
	[STMT_GE_ASSESSED] = "SELECT count(*) FROM assessment WHERE goal_id = $1",
	/* (goal_id) -> its indicators that have outcomes */
	[STMT_GE_IND_OUTCOMES] =
		"SELECT count(*) FROM indicator i WHERE i.goal_id = $1 AND EXISTS (SELECT 1 FROM outcome x"
		" WHERE x.indicator_id = i.id)",
	/* (goal_id) -> its indicators, its activities */
	[STMT_GE_HANGING] =
		"SELECT (SELECT count(*) FROM indicator WHERE goal_id = $1), (SELECT count(*) FROM activity WHERE goal_id = $1)",
	/* (goal_id) -> the goals under it */
	[STMT_GE_CHILDREN] = "SELECT count(*) FROM goal WHERE parent_id = $1",
	/* (goal_id, target goal_id) -> 1 when the target is another goal of the same owner */
	[STMT_GE_MOVE_TARGET] =
		"SELECT 1 FROM goal g JOIN goal t ON t.owner_id = g.owner_id AND t.id <> g.id WHERE g.id = $1 AND t.id = $2",
	/* (goal_id, target goal_id) */
	[STMT_GE_MOVE_INDICATORS] = "UPDATE indicator SET goal_id = $2 WHERE goal_id = $1",
	[STMT_GE_MOVE_ACTIVITIES] = "UPDATE activity SET goal_id = $2 WHERE goal_id = $1",
	/* (goal_id) */
	[STMT_GE_DELETE] = "DELETE FROM goal WHERE id = $1",
	/* (plan key) -> the version its goals are ordered in: the draft, else the newest */
	[STMT_GE_PLAN_EDITABLE] =
		"SELECT pv.id FROM plan p JOIN plan_version pv ON pv.plan_id = p.id WHERE p.key = $1"
		" ORDER BY pv.status = 'draft' DESC, pv.version DESC LIMIT 1",
	/* (plan key) -> the plan with its owner */
	[STMT_RO_PLAN] =
		"SELECT p.id, p.key, p.kind, p.owner_id, p.year_from, p.year_to, p.title, o.key AS owner, o.name AS owner_name"
		" FROM plan p JOIN organisation o ON o.id = p.owner_id WHERE p.key = $1",
	/* (owner_id, year, new key) -> the key of a verksamhetsplan of the owner holding the year, or
	 * of the plan with the new key (the first when both are there, as SQLite's plan of its text
	 * reads them: its OR of two indexes takes the owner's plans first) */
	[STMT_RO_PLAN_FOR_YEAR] =
		"SELECT key FROM plan WHERE (kind = 'vp' AND owner_id = $1 AND $2::bigint BETWEEN year_from AND year_to)"
		" OR key = $3 ORDER BY (kind = 'vp' AND owner_id = $1 AND $2::bigint BETWEEN year_from AND year_to) DESC,"
		" id LIMIT 1",
	/* (key, owner_id, title, year, source) */
	[STMT_RO_PLAN_INSERT] =
		"INSERT INTO plan (key, kind, owner_id, title, year_from, year_to, source)"
		" VALUES ($1, 'vp', $2, $3, $4::bigint, $4::bigint, $5) RETURNING id",
	/* (goal key, year) -> the key of the council's goal of the year that matches it: the same
	 * level and number, else the same level and title */
	[STMT_RO_KF_GOAL] =
		"SELECT n.key FROM goal g JOIN goal n ON n.level = g.level AND n.year = $2"
		" AND (n.number = g.number OR n.title = g.title) WHERE g.key = $1"
		" AND g.level IN ('inriktningsmal', 'verksamhetsomradesmal')"
		" ORDER BY n.number IS NOT DISTINCT FROM g.number DESC, n.id LIMIT 1",
	/* (goal_id) -> id, key, number, name of the nämndmål of its plan in their order */
	[STMT_GE_SIBLING_NAMES] =
		"SELECT x.id, x.key, x.number, x.title AS name FROM (" SIBLINGS ") s JOIN goal x ON x.id = s.id"
		" ORDER BY " NUM_ORDER("x"),
	/* (goal_id) -> the ids of its indicators, of its activities */
	[STMT_GE_IND_IDS] = "SELECT id FROM indicator WHERE goal_id = $1 ORDER BY id",
	[STMT_GE_ACT_IDS] = "SELECT id FROM activity WHERE goal_id = $1 ORDER BY id",
	/* (plan key) -> its owner */
	[STMT_RO_PLAN_OWNER] = "SELECT owner_id FROM plan WHERE key = $1",
	/* (goal_id) -> its plan version */
	[STMT_GE_GOAL_PV] = "SELECT plan_version_id FROM goal WHERE id = $1",
	/* (owner_id, year) -> the key of the owner's verksamhetsplan holding the year, when the next
	 * year has none (the organisation page's rollover form) */
	[STMT_RO_ORG_PLAN] =
		"SELECT p.key FROM plan p WHERE p.kind = 'vp' AND p.owner_id = $1"
		" AND $2::bigint BETWEEN p.year_from AND p.year_to"
		" AND NOT EXISTS (SELECT 1 FROM plan n WHERE n.kind = 'vp' AND n.owner_id = $1"
		" AND $2::bigint + 1 BETWEEN n.year_from AND n.year_to) ORDER BY p.id DESC LIMIT 1",
};
