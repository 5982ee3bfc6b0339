/* sql-cache.h: the part of STMT_CACHE_TOUCHED (web/cache.h: which organisations' cached views
 * the audit entries since a generation can change) that both dialects share: from the entries
 * the statement's dialect-specific head has kept (the CTE ok(id, entity, eid, pub), of the
 * entries e), the goals they reach, down the goal tree, to the owners and their pairs. Included
 * by store/sql-sqlite.c and store/sql-pg.c. */
#ifndef LUP_STORE_SQL_CACHE_H
#define LUP_STORE_SQL_CACHE_H

#define SQL_CACHE_TOUCHED_TAIL \
		" seed(id, gid) AS (SELECT ok.id, i.goal_id FROM ok JOIN indicator i ON i.id = ok.eid" \
		"  WHERE ok.entity = 'indicator' AND i.goal_id IS NOT NULL" \
		"  UNION SELECT ok.id, a.goal_id FROM ok JOIN assessment a ON a.report_id = ok.eid WHERE ok.entity = 'report'" \
		"  UNION SELECT ok.id, g.id FROM ok JOIN report r ON r.id = ok.eid JOIN organisation o ON o.id = r.org_id" \
		"  JOIN goal g ON g.owner_id = r.org_id OR g.owner_id = o.pair_id" \
		"  OR g.owner_id IN (SELECT x.id FROM organisation x WHERE x.pair_id = r.org_id) WHERE ok.entity = 'report'" \
		"  UNION SELECT ok.id, i.goal_id FROM ok JOIN report r ON r.id = ok.eid JOIN organisation o ON o.id = r.org_id" \
		"  JOIN indicator i ON i.owner_id = r.org_id OR i.owner_id = o.pair_id" \
		"  OR i.owner_id IN (SELECT x.id FROM organisation x WHERE x.pair_id = r.org_id)" \
		"  WHERE ok.entity = 'report' AND i.goal_id IS NOT NULL)," \
		" down(id, gid) AS (SELECT id, gid FROM seed UNION SELECT d.id, g.id FROM down d JOIN goal g ON g.parent_id = d.gid)," \
		" own(id, org) AS (SELECT d.id, g.owner_id FROM down d JOIN goal g ON g.id = d.gid" \
		"  UNION SELECT ok.id, i.owner_id FROM ok JOIN indicator i ON i.id = ok.eid WHERE ok.entity = 'indicator'" \
		"  UNION SELECT ok.id, r.org_id FROM ok JOIN report r ON r.id = ok.eid WHERE ok.entity = 'report')," \
		" orgs(id, org) AS (SELECT id, org FROM own" \
		"  UNION SELECT w.id, o.pair_id FROM own w JOIN organisation o ON o.id = w.org" \
		"  UNION SELECT w.id, o.id FROM own w JOIN organisation o ON o.pair_id = w.org)" \
		" SELECT s.id, s.org, ok.pub FROM orgs s JOIN ok ON ok.id = s.id WHERE s.org IS NOT NULL" \
		" UNION ALL SELECT id, -1, pub FROM ok" \
		" UNION ALL SELECT id, 0, 1 FROM e WHERE id NOT IN (SELECT id FROM ok) ORDER BY 1"

#endif
