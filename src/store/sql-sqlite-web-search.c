/* sql-sqlite-web-search.c: SQLite text of the statement behind store_search (stmt-web-search.h;
 * search-sqlite.c builds its parameters).
 * The indexes are those of migrations 0008 (trigram) and 0010 (words without diacritics). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* The last columns of a kind's arm (the first names them th, bh, half): th and bh are the words index's marked texts for a
 * hit only it found (h.w), else the texts given (migration 0008's triggers index these columns as
 * they are: its content table need not be read); half 2 or 1. */
#define HL(title, body) "CASE WHEN h.w THEN h.th ELSE " title " END, CASE WHEN h.w THEN h.bh ELSE " body " END," \
	" CASE WHEN h.w THEN 2 ELSE 1 END"
#define CM_LABEL "cm.number || ' ' || coalesce(cm.text, '')"

const char *const sqlite_sql_web_search[STMT__MAX] = {
	/* (trigram query, most hits, words query) -> (kind, id, label, context, detail, link_key,
	 * link_year, title_hl, body_hl, half): the hits of the trigram index (parts of words, Å, Ä
	 * and Ö as typed) and then those only the words index finds (words beginning with the query's
	 * words, diacritics ignored: "forskola" finds "Förskolan"), at most ?2 in all, joined to
	 * what they index, by kind (1 goal, 2 measure, 3 activity, 4 indicator, 5 response, 6
	 * commission measure), in no set order (the page sorts them). link_key is the goal's or
	 * indicator's key, the measure's district (or, with link_year, its plan owner), the
	 * activity's owner. title_hl and body_hl: of a hit only the words index found (half 2),
	 * each match marked with char(1) before and char(2) after it (highlight() works only in
	 * its index's query); of a trigram hit (half 1), the text unmarked: the hit's own columns
	 * that migration 0008's triggers index (title or name, a commission measure's number and
	 * text; description, or an indicator's unit), and for a response its body from the trigram
	 * index's content table, read by rowid in its arm (the page marks the hits it shows with search_mark,
	 * search-words.h). The CTEs carry rowids, not texts; hits (at most ?2: the trigram hits
	 * first) is materialized once, and each kind's arm reads it for its own rows and joins only
	 * its own tables, inner where the kind's rows need them, with its publication rule (an arm
	 * costs about 40K instructions however few its rows, a hit about 4K: joining every kind's
	 * tables to every hit cost 11K a hit, so this is cheaper from about 15 hits on). */
	[STMT_WEB_SEARCH_HITS] =
		"WITH tri(rid) AS (SELECT rowid FROM search_index WHERE search_index MATCH ?1 LIMIT ?2),"
		" words(rid, w, th, bh) AS (SELECT rowid, 1, highlight(search_words, 0, char(1), char(2)),"
		" highlight(search_words, 1, char(1), char(2)) FROM search_words WHERE search_words MATCH ?3"
		" AND rowid NOT IN (SELECT rid FROM tri) LIMIT ?2),"
		" hits(rid, k, i, w, th, bh) AS (SELECT rid, rid % 8, rid / 8, NULL, NULL, NULL FROM tri"
		"  UNION ALL SELECT rid, rid % 8, rid / 8, w, th, bh FROM words LIMIT ?2)"
		" SELECT 1 AS kind, h.i AS id, g.title AS label, o.name AS context, g.level AS detail,"
		"  g.key AS link_key, g.year AS link_year, CASE WHEN h.w THEN h.th ELSE g.title END AS th,"
		"  CASE WHEN h.w THEN h.bh ELSE g.description END AS bh, CASE WHEN h.w THEN 2 ELSE 1 END AS half"
		" FROM hits h JOIN goal g ON g.id = h.i JOIN organisation o ON o.id = g.owner_id"
		" WHERE h.k = 1 AND " PUB_GOAL("g")
		" UNION ALL SELECT 2, h.i, ms.title, coalesce(d.name, o.name), NULL, coalesce(d.key, o.key),"
		"  CASE WHEN d.key IS NULL THEN p.year_from END, " HL("ms.title", "ms.description")
		" FROM hits h JOIN measure ms ON ms.id = h.i JOIN plan_version pv ON pv.id = ms.plan_version_id"
		"  JOIN plan p ON p.id = pv.plan_id JOIN organisation o ON o.id = p.owner_id"
		"  LEFT JOIN area d ON d.id = p.district_id"
		" WHERE h.k = 2 AND pv.status <> 'draft'"
		" UNION ALL SELECT 3, h.i, a.title, o.name, NULL, o.key, p.year_from, " HL("a.title", "a.description")
		" FROM hits h JOIN activity a ON a.id = h.i JOIN organisation o ON o.id = a.owner_id"
		"  LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id"
		" WHERE h.k = 3 AND " PUB_ACTIVITY("a")
		" UNION ALL SELECT 4, h.i, ind.name, o.name, ind.unit, ind.key, g.year, " HL("ind.name", "ind.unit")
		" FROM hits h JOIN indicator ind ON ind.id = h.i JOIN organisation o ON o.id = ind.owner_id"
		"  LEFT JOIN goal g ON g.id = ind.goal_id"
		" WHERE h.k = 4 AND " PUB_INDICATOR("ind")
		" UNION ALL SELECT 5, h.i, o.name, cr.title, cm.number, NULL, NULL, " HL("NULL", "sc.c1")
		" FROM hits h JOIN response r ON r.id = h.i JOIN organisation o ON o.id = r.org_id"
		"  JOIN commission_measure cm ON cm.id = r.measure_id JOIN commission_report cr ON cr.id = cm.report_id"
		"  LEFT JOIN search_index_content sc ON sc.id = CASE WHEN h.w IS NULL THEN h.rid END"
		" WHERE h.k = 5"
		" UNION ALL SELECT 6, h.i, " CM_LABEL ", cr.title, NULL, NULL, NULL, " HL(CM_LABEL, "NULL")
		" FROM hits h JOIN commission_measure cm ON cm.id = h.i JOIN commission_report cr ON cr.id = cm.report_id"
		" WHERE h.k = 6",
};
