/* sql-sqlite-contrib.c: SQLite text of the contributions' statements (see stmt-contrib.h).
 *
 * A contribution is an activity of a contribution plan (plan.kind 'contribution') that names a
 * measure (activity.measure_id) and/or a LUP goal (activity.goal_id) of a district's LUP and the
 * districts it serves (activity_district). It names the row of the version that was adopted when
 * it was written; it is shown on any version of that LUP through the row's identity across the
 * plan's versions (0014: COALESCE(ident, key) of measures and goals), so a new adopted version
 * keeps it attached without rewriting it. */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* A version's frozen rule (as sql-sqlite-plan-version.c's PV_FROZEN). */
#define CB_FROZEN(pv) \
	"(" pv ".status IN ('superseded','revision') OR (" pv ".status = 'decided' AND " pv ".decision_dnr IS NOT NULL))"

/* The district ?1 and the areas under it (two levels: neighbourhoods and places). A tree's levels
 * hold no area twice: UNION ALL, no temporary table to drop repeats. */
#define CB_PLACES \
	"places(id) AS (SELECT ?1 UNION ALL SELECT id FROM area WHERE parent_id = ?1" \
	"  UNION ALL SELECT a.id FROM area a JOIN area p ON p.id = a.parent_id WHERE p.parent_id = ?1)"

/* The district ?1's LUP plans. */
#define CB_LUPS "(SELECT id FROM plan WHERE kind = 'lup' AND district_id = ?1)"

const char *const sqlite_sql_contrib[STMT__MAX] = {
	/* (org id) -> the organisation with its kind and pair */
	[STMT_CB_ORG] =
		"SELECT id, key, name, kind, pair_id FROM organisation WHERE id = ?1",
	/* (org id) -> the newest contribution plan of the organisation or its committee/administration
	 * pair */
	[STMT_CB_PLAN] =
		"SELECT p.id FROM plan p WHERE p.kind = 'contribution' AND (p.owner_id = ?1"
		" OR p.owner_id = (SELECT pair_id FROM organisation WHERE id = ?1)"
		" OR p.owner_id IN (SELECT id FROM organisation WHERE pair_id = ?1))"
		" ORDER BY p.year_to DESC, p.id DESC LIMIT 1",
	/* (plan id) -> the version a new contribution goes into: the draft, else the newest adopted;
	 * frozen = 1 when that one may not change */
	[STMT_CB_PLAN_VERSION] =
		"SELECT pv.id, pv.status, " CB_FROZEN("pv") " AS frozen FROM plan_version pv"
		" WHERE pv.plan_id = ?1 AND pv.status IN ('draft','decided')"
		" ORDER BY pv.status = 'draft' DESC, pv.version DESC LIMIT 1",
	/* (key, owner org id, title, year, source): a new contribution plan of one year */
	[STMT_CB_PLAN_INSERT] =
		"INSERT INTO plan (key, kind, owner_id, district_id, title, year_from, year_to, source)"
		" VALUES (?1, 'contribution', ?2, NULL, ?3, ?4, ?4, ?5)",
	/* (plan id): its first version, a draft */
	[STMT_CB_VERSION_INSERT] =
		"INSERT INTO plan_version (plan_id, version, status, created_at)"
		" VALUES (?1, 1, 'draft', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
	/* (id or NULL, key) -> the measure with its version's status, its plan's kind, district and id */
	[STMT_CB_MEASURE] =
		"SELECT m.id, pv.status, p.kind, p.district_id, p.id AS plan_id FROM measure m"
		" JOIN plan_version pv ON pv.id = m.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE m.id = ?1 OR m.key = ?2 LIMIT 1",
	/* (id or NULL, key) -> the goal with its level, its version's status, plan kind, district, id */
	[STMT_CB_GOAL] =
		"SELECT g.id, pv.status, p.kind, p.district_id, p.id AS plan_id, g.level FROM goal g"
		" JOIN plan_version pv ON pv.id = g.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		" WHERE g.id = ?1 OR g.key = ?2 LIMIT 1",
	/* (plan_version_id, owner, title, description, start_text, start_first, start_last, start_prec,
	 *  end_text, end_first, end_last, end_prec, status, role, goal_id, measure_id, source) */
	[STMT_CB_INSERT] =
		"INSERT INTO activity (key, plan_version_id, owner_id, title, description, start_text,"
		" start_first, start_last, start_prec, end_text, end_first, end_last, end_prec, status, role,"
		" goal_id, measure_id, source) VALUES ('bidrag-' || (SELECT coalesce(max(id), 0) + 1 FROM activity),"
		" ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	/* (id, title, description, start_text, start_first, start_last, start_prec, end_text,
	 *  end_first, end_last, end_prec, status, role, goal_id, measure_id) */
	[STMT_CB_SET] =
		"UPDATE activity SET title = ?2, description = ?3, start_text = ?4, start_first = ?5,"
		" start_last = ?6, start_prec = ?7, end_text = ?8, end_first = ?9, end_last = ?10,"
		" end_prec = ?11, status = ?12, role = ?13, goal_id = ?14, measure_id = ?15 WHERE id = ?1",
	/* (activity id) */
	[STMT_CB_DISTRICTS_CLEAR] =
		"DELETE FROM activity_district WHERE activity_id = ?1",
	/* (activity id, area id) */
	[STMT_CB_DISTRICT_ADD] =
		"INSERT INTO activity_district (activity_id, area_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
	/* (activity id) -> the contribution (an activity of a contribution plan), with its version's
	 * frozen rule and the keys of its measure, goal and owner */
	[STMT_CB_ONE] =
		"SELECT a.id, a.key, a.owner_id, o.key AS owner, o.name AS owner_name, o.pair_id AS owner_pair,"
		" a.title, a.description, a.start_text, a.end_text, a.status, a.role, a.goal_id, a.measure_id,"
		" m.key AS measure, g.key AS goal, a.plan_version_id, p.key AS plan, pv.version, pv.status AS plan_status,"
		" " CB_FROZEN("pv") " AS frozen, a.start_first, a.start_last, a.start_prec, a.end_first,"
		" a.end_last, a.end_prec FROM activity a JOIN plan_version pv ON pv.id = a.plan_version_id"
		" JOIN plan p ON p.id = pv.plan_id AND p.kind = 'contribution' JOIN organisation o ON o.id = a.owner_id"
		" LEFT JOIN measure m ON m.id = a.measure_id LEFT JOIN goal g ON g.id = a.goal_id WHERE a.id = ?1",
	/* (activity id) -> area id, key, name of its districts */
	[STMT_CB_DISTRICTS] =
		"SELECT ar.id, ar.key, ar.name FROM activity_district ad JOIN area ar ON ar.id = ad.area_id"
		" WHERE ad.activity_id = ?1 ORDER BY ar.key",
	/* (district id, LUP plan_version_id or NULL) -> the public contributions to the district's
	 * programme of the contribution plans' current versions (a replaced version's copies are
	 * history) (by districts served or by the measure or goal named), by organisation; the
	 * measure and goal as rows of version ?2 (matched by identity; NULL when the version has no
	 * such row), and as named (measure0, goal0). The version ?2's measure and goal (m, g: a
	 * search of the version's rows) are joined after the WHERE's terms can be judged (after
	 * gv0), so only for the rows kept, not for every contribution activity tested. The WHERE's
	 * terms read only a (the measure or goal named is one of the district's LUPs': its row and
	 * version by rowid), so the contribution activities tested do not join the named measure,
	 * goal, their versions and the owner first: 50-60K fewer instructions for every district
	 * (695K -> 644K for district 3). The EXISTS of the measure or goal named is asked only of an
	 * activity that names one: SQLite opens a correlated subquery's cursors even for a NULL key
	 * (some 100K instructions per execution for the 52 contribution activities of the demo, none
	 * of which names one: 644K -> 545K for district 3, 5.69M -> 4.35M over the 14). The places'
	 * links are read by the places driving activity_district's area index (the list of the
	 * places, an ephemeral table, probed per area had cost 30-47K more: 490K -> 443K for
	 * district 3, 4.25M -> 3.80M over the 14). */
	[STMT_CB_LIST] =
		"WITH " CB_PLACES " SELECT a.id, a.key, a.title, a.description, a.role, a.status, a.start_text,"
		" a.end_text, o.id AS owner_id, o.key AS owner, o.name AS owner_name, cp.key AS plan,"
		" m.id AS measure_id, m.key AS measure, m.title AS measure_title, m0.key AS measure0,"
		" m0.title AS measure0_title, g.id AS goal_id, g.key AS goal, g.title AS goal_title,"
		" g0.key AS goal0, g0.title AS goal0_title,"
		" (SELECT group_concat(ar.key, ',') FROM activity_district ad JOIN area ar ON ar.id = ad.area_id"
		"  WHERE ad.activity_id = a.id) AS districts"
		" FROM plan cp CROSS JOIN plan_version cv ON cv.plan_id = cp.id AND cp.kind = 'contribution'"
		"  AND cv.status NOT IN ('superseded','revision') CROSS JOIN activity a ON a.plan_version_id = cv.id"
		" JOIN organisation o ON o.id = a.owner_id"
		" LEFT JOIN measure m0 ON m0.id = a.measure_id LEFT JOIN plan_version mv0 ON mv0.id = m0.plan_version_id"
		" LEFT JOIN goal g0 ON g0.id = a.goal_id LEFT JOIN plan_version gv0 ON gv0.id = g0.plan_version_id"
		" LEFT JOIN measure m ON m.plan_version_id = ?2 AND coalesce(m.ident, m.key) = coalesce(m0.ident, m0.key)"
		"  AND mv0.plan_id = (SELECT plan_id FROM plan_version WHERE id = ?2)"
		" LEFT JOIN goal g ON g.plan_version_id = ?2 AND coalesce(g.ident, g.key) = coalesce(g0.ident, g0.key)"
		"  AND gv0.plan_id = (SELECT plan_id FROM plan_version WHERE id = ?2)"
		" WHERE " PUB_ACTIVITY("a") " AND (a.id IN (SELECT ad.activity_id FROM places"
		"  CROSS JOIN activity_district ad ON ad.area_id = places.id)"
		"  OR (a.measure_id IS NOT NULL AND EXISTS (SELECT 1 FROM measure mx JOIN plan_version vx"
		"  ON vx.id = mx.plan_version_id WHERE mx.id = a.measure_id AND vx.plan_id IN " CB_LUPS "))"
		"  OR (a.goal_id IS NOT NULL AND EXISTS (SELECT 1 FROM goal gx JOIN plan_version vx"
		"  ON vx.id = gx.plan_version_id WHERE gx.id = a.goal_id AND vx.plan_id IN " CB_LUPS ")))"
		" ORDER BY o.name COLLATE sv, o.id, a.start_first IS NULL, a.start_first, a.id",
	/* (district id) -> the adopted (decided) version of the district's LUP: its id, the plan's
	 * key, the version's number, the plan's owner and the owner's pair */
	[STMT_CB_ADOPTED] =
		"SELECT pv.id, p.key, pv.version, p.owner_id, o.pair_id FROM plan p JOIN plan_version pv ON pv.plan_id = p.id"
		" JOIN organisation o ON o.id = p.owner_id"
		" WHERE p.id = (SELECT id FROM plan WHERE kind = 'lup' AND district_id = ?1 ORDER BY year_to DESC, id DESC LIMIT 1)"
		" AND pv.status = 'decided' ORDER BY pv.version DESC LIMIT 1",
	/* (plan_version_id) -> what a contribution may name in the version: kind ('measure', 'goal'),
	 * id, title, in the programme's order */
	[STMT_CB_TARGETS] =
		"SELECT 'measure' AS kind, m.id, m.title, m.ord AS o1, 0 AS o2 FROM measure m WHERE m.plan_version_id = ?1"
		" UNION ALL SELECT 'goal', g.id, g.title, 1000000, g.id FROM goal g"
		" WHERE g.plan_version_id = ?1 AND g.level = 'lup' ORDER BY 1 DESC, 4, 5, 2",
	/* (district key) -> (owner, owner_name, plan, status, note): organisations whose current
	 * contribution plan records the district's standing (0020: the district waits, declined) */
	[STMT_CB_DISTRICT_STATUS] =
		"SELECT o.key AS owner, o.name AS owner_name, cp.key AS plan, cd.status, cd.note"
		" FROM contribution_district cd JOIN plan_version cv ON cv.id = cd.plan_version_id"
		" AND cv.status NOT IN ('superseded','revision')"
		" JOIN plan cp ON cp.id = cv.plan_id AND cp.kind = 'contribution'"
		" JOIN organisation o ON o.id = cp.owner_id JOIN area ar ON ar.id = cd.area_id"
		" WHERE ar.key = ?1 ORDER BY o.name, cp.key",
};
