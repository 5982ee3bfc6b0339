/* sql-sqlite-web-search.c: SQLite text of the statement behind store_search (stmt-web-search.h;
 * search-sqlite.c builds its parameters).
 * The indexes are those of migrations 0008 (trigram) and 0010 (words without diacritics). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* One kind of search hit: the rows of table t in the hits (rowid = id * 8 + kind). */
#define HIT(kind, t) " FROM hits h JOIN " t " ON x.id = h.rid / 8 AND h.rid % 8 = " #kind

const char *const sqlite_sql_web_search[STMT__MAX] = {
	/* (trigram query, most hits, words query, the query) -> (kind, id, label, context, detail, link_key,
	 * link_year, title_hl, body_hl): the hits of the trigram index (parts of words, Å, Ä and Ö
	 * as typed) and then those only the words index finds (words beginning with the query's
	 * words, diacritics ignored: "forskola" finds "Förskolan"), at most ?2 in all, joined to
	 * what they index, by kind (1 goal, 2 measure, 3 activity, 4 indicator, 5 response, 6
	 * commission measure), in no set order (the page sorts them). link_key is the goal's or
	 * indicator's key, the measure's district (or, with link_year, its plan owner), the
	 * activity's owner. title_hl and body_hl mark each match with char(1) before and char(2)
	 * after it. */
	[STMT_WEB_SEARCH_HITS] =
		"WITH tri(rid, th, bh) AS (SELECT rowid, lup_mark(title, ?4), lup_mark(body, ?4)"
		" FROM search_index WHERE search_index MATCH ?1 LIMIT ?2),"
		" words(rid, th, bh) AS (SELECT rowid, highlight(search_words, 0, char(1), char(2)),"
		" highlight(search_words, 1, char(1), char(2)) FROM search_words WHERE search_words MATCH ?3"
		" AND rowid NOT IN (SELECT rid FROM tri) LIMIT ?2),"
		" hits(rid, th, bh) AS (SELECT * FROM (SELECT * FROM tri UNION ALL SELECT * FROM words) LIMIT ?2)"
		" SELECT * FROM ("
		" SELECT 1 AS kind, x.id, x.title AS label, o.name AS context, x.level AS detail, x.key AS link_key,"
		"  x.year AS link_year, h.th, h.bh" HIT(1, "goal x") " JOIN organisation o ON o.id = x.owner_id"
		"  AND " PUB_GOAL("x")
		" UNION ALL SELECT 2, x.id, x.title, coalesce(d.name, o.name), NULL, coalesce(d.key, o.key),"
		"  CASE WHEN d.key IS NULL THEN p.year_from END, h.th, h.bh" HIT(2, "measure x")
		"  JOIN plan_version pv ON pv.id = x.plan_version_id JOIN plan p ON p.id = pv.plan_id"
		"  JOIN organisation o ON o.id = p.owner_id LEFT JOIN area d ON d.id = p.district_id"
		"  WHERE pv.status <> 'draft'"
		" UNION ALL SELECT 3, x.id, x.title, o.name, NULL, o.key, p.year_from, h.th, h.bh" HIT(3, "activity x")
		"  JOIN organisation o ON o.id = x.owner_id LEFT JOIN plan_version pv ON pv.id = x.plan_version_id"
		"  LEFT JOIN plan p ON p.id = pv.plan_id WHERE " PUB_ACTIVITY("x")
		" UNION ALL SELECT 4, x.id, x.name, o.name, x.unit, x.key, g.year, h.th, h.bh" HIT(4, "indicator x")
		"  JOIN organisation o ON o.id = x.owner_id LEFT JOIN goal g ON g.id = x.goal_id"
		"  WHERE " PUB_INDICATOR("x")
		" UNION ALL SELECT 5, x.id, o.name, cr.title, m.number, NULL, NULL, NULL, h.bh" HIT(5, "response x")
		"  JOIN organisation o ON o.id = x.org_id JOIN commission_measure m ON m.id = x.measure_id"
		"  JOIN commission_report cr ON cr.id = m.report_id"
		" UNION ALL SELECT 6, x.id, x.number || ' ' || coalesce(x.text, ''), cr.title, NULL, NULL, NULL, h.th, NULL"
		  HIT(6, "commission_measure x") " JOIN commission_report cr ON cr.id = x.report_id"
		")",
};
