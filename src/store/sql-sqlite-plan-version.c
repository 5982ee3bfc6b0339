/* sql-sqlite-plan-version.c: SQLite text of the plan versions' statements (see
 * stmt-plan-version.h and the rules in model/planver.h). */
#include "store/sql-sqlite.h"

/* The version pv is frozen (model/planver.h: planver_frozen). */
#define PV_FROZEN(pv) \
	"(" pv ".status IN ('superseded','revision') OR (" pv ".status = 'decided' AND " pv ".decision_dnr IS NOT NULL))"

/* The columns of one version, as the CLI, the API and the audit log show it. */
#define PV_COLS \
	"pv.version, pv.status, dec.key AS decided_by, pv.decided_on, pv.decision_paragraph AS paragraph," \
	" pv.decision_dnr AS dnr, bo.version AS based_on, pv.created_at, pv.note"
#define PV_JOINS \
	" LEFT JOIN organisation dec ON dec.id = pv.decided_by LEFT JOIN plan_version bo ON bo.id = pv.based_on"

const char *const sqlite_sql_plan_version[STMT__MAX] = {
	/* (plan key) -> the plan: id, key, kind, owner_id, the owner's pair, the owner's key and
	 * name, the district's key */
	[STMT_PV_PLAN] =
		"SELECT p.id, p.key, p.kind, p.owner_id, o.pair_id AS owner_pair, o.key AS owner, o.name AS owner_name,"
		" d.key AS district, p.title FROM plan p JOIN organisation o ON o.id = p.owner_id"
		" LEFT JOIN area d ON d.id = p.district_id WHERE p.key = ?1",
	/* (plan id, version number) -> the version's id, status and whether a decision is recorded */
	[STMT_PV_HEAD] =
		"SELECT id, status, decision_dnr IS NOT NULL AS recorded FROM plan_version"
		" WHERE plan_id = ?1 AND version = ?2",
	/* (version id) -> the version (PV_COLS) */
	[STMT_PV_ROW] =
		"SELECT " PV_COLS " FROM plan_version pv" PV_JOINS " WHERE pv.id = ?1",
	/* (version id, deciding body's id, date, paragraph, dnr): adopts a draft; no change when the
	 * version is not a draft any more */
	[STMT_PV_ADOPT] =
		"UPDATE plan_version SET status = 'decided', decided_by = ?2, decided_on = ?3,"
		" decision_paragraph = ?4, decision_dnr = ?5 WHERE id = ?1 AND status = 'draft'",
	/* (plan id, adopted version id): the plan's earlier adopted version is replaced */
	[STMT_PV_SUPERSEDE] =
		"UPDATE plan_version SET status = 'superseded' WHERE plan_id = ?1 AND status = 'decided' AND id <> ?2",
	/* (plan id, 1 to list drafts too) -> its versions (PV_COLS), oldest first */
	[STMT_PV_LIST] =
		"SELECT " PV_COLS " FROM plan_version pv" PV_JOINS
		" WHERE pv.plan_id = ?1 AND (?2 OR pv.status <> 'draft') ORDER BY pv.version",
	/* (goal id) -> 1 when the goal belongs to a frozen version */
	[STMT_PV_FROZEN_GOAL] =
		"SELECT 1 FROM goal g JOIN plan_version pv ON pv.id = g.plan_version_id"
		" WHERE g.id = ?1 AND " PV_FROZEN("pv"),
	/* (activity id) -> 1 when the activity belongs to a frozen version */
	[STMT_PV_FROZEN_ACTIVITY] =
		"SELECT 1 FROM activity a JOIN plan_version pv ON pv.id = a.plan_version_id"
		" WHERE a.id = ?1 AND " PV_FROZEN("pv"),
	/* (indicator id) -> 1 when the indicator's goal belongs to a frozen version */
	[STMT_PV_FROZEN_INDICATOR] =
		"SELECT 1 FROM indicator i JOIN goal g ON g.id = i.goal_id"
		" JOIN plan_version pv ON pv.id = g.plan_version_id WHERE i.id = ?1 AND " PV_FROZEN("pv"),
	/* (district id) -> the key of the district's LUP (the newest) */
	[STMT_PV_DISTRICT_LUP] =
		"SELECT p.key FROM plan p WHERE p.kind = 'lup' AND p.district_id = ?1"
		" ORDER BY p.year_to DESC, p.id DESC LIMIT 1",
	/* (district id, version number or NULL for the current one) -> the district's LUP in that
	 * version, with the decision and the owner (for the draft rule). The plan is the newest
	 * (largest year_to, then id: the largest id of those ending in the latest year, read
	 * backwards by rowid), the current version the newest decided one, else the newest other
	 * than a draft (each a max() along plan_version's (plan_id, version) index): the same rows
	 * as the two ORDER BY ... LIMIT 1 it had, whose sorters were about half of its 90K
	 * instructions (90K -> 47K per execution for Spånga-Tensta). */
	[STMT_PV_DISTRICT_VERSION] =
		"SELECT p.id, p.key, p.title, p.year_from, p.year_to, pv.id AS version_id, pv.version, pv.status,"
		" pv.decided_on, dec.name AS decided_by, pv.area_scope, pv.note, pv.decision_paragraph AS paragraph,"
		" pv.decision_dnr AS dnr, p.owner_id, o.pair_id AS owner_pair"
		" FROM plan p JOIN plan_version pv ON pv.plan_id = p.id JOIN organisation o ON o.id = p.owner_id"
		" LEFT JOIN organisation dec ON dec.id = pv.decided_by"
		" WHERE p.id = (SELECT id FROM plan WHERE kind = 'lup' AND district_id = ?1 AND year_to ="
		"  (SELECT max(year_to) FROM plan WHERE kind = 'lup' AND district_id = ?1) ORDER BY id DESC LIMIT 1)"
		" AND pv.version = coalesce(?2, (SELECT max(version) FROM plan_version WHERE plan_id = p.id"
		"  AND status = 'decided'), (SELECT max(version) FROM plan_version WHERE plan_id = p.id AND status <> 'draft'))",
	/* (version id) -> its sections */
	[STMT_PV_SECTIONS] =
		"SELECT ord, title, body FROM lup_section WHERE plan_version_id = ?1 ORDER BY ord",
	/* (version id) -> its prioritised areas */
	[STMT_PV_PAREAS] =
		"SELECT a.id, a.key, a.name, a.level, pa.note FROM prioritised_area pa JOIN area a ON a.id = pa.area_id"
		" WHERE pa.plan_version_id = ?1 ORDER BY pa.rowid",
	/* (version id) -> its intended partners */
	[STMT_PV_PARTNERS] =
		"SELECT pp.label, pp.grp AS \"group\", o.key AS org FROM plan_partner pp"
		" LEFT JOIN organisation o ON o.id = pp.org_id WHERE pp.plan_version_id = ?1 ORDER BY pp.id",
};
