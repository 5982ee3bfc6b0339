/* sql-sqlite-web-search.c: SQLite text of the statement behind store_search (stmt-web-search.h;
 * search-sqlite.c builds its parameters).
 * The indexes are those of migrations 0008 (trigram) and 0010 (words without diacritics). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

/* The table of each kind of hit is joined by a key that is NULL unless the hit is of that kind
 * (a seek with a NULL key finds nothing at once), so that the hits are read once, not once per
 * kind; K is the hit's kind, I its row's id (rowid = id * 8 + kind), each computed once per hit. */
#define K "h.k"
#define I "h.i"
#define ON_KIND(col, kind, key) col " = CASE " K " WHEN " #kind " THEN " key " END"
/* The label of a hit of kind 1-4 or 6, and its title as the trigram index holds it (migration
 * 0008's triggers index these columns as they are: its content table need not be read). */
#define LABEL "CASE " K " WHEN 1 THEN g.title WHEN 2 THEN ms.title WHEN 3 THEN a.title WHEN 4 THEN ind.name" \
	" ELSE cm.number || ' ' || coalesce(cm.text, '') END"

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
	 * that migration 0008's triggers index (LABEL; description, or an indicator's unit), and
	 * for a response its body from the trigram index's content table, read by rowid once the
	 * WHERE has kept the hit (the page marks the hits it shows with search_mark,
	 * search-words.h). The CTEs carry rowids, not texts (tri is materialized: it is read
	 * twice). Each kind keeps the rows its own inner joins and
	 * publication rule keep (the WHERE's CASE); the tables two kinds share (goal: a goal hit
	 * and an indicator's goal; the plan version and plan of a measure or an activity; the
	 * commission measure of a response or the hit itself; the owner) are joined once by a key
	 * chosen by kind. */
	[STMT_WEB_SEARCH_HITS] =
		"WITH tri(rid) AS (SELECT rowid FROM search_index WHERE search_index MATCH ?1 LIMIT ?2),"
		" words(rid, w, th, bh) AS (SELECT rowid, 1, highlight(search_words, 0, char(1), char(2)),"
		" highlight(search_words, 1, char(1), char(2)) FROM search_words WHERE search_words MATCH ?3"
		" AND rowid NOT IN (SELECT rid FROM tri) LIMIT ?2),"
		" hits(rid, k, i, w, th, bh) AS (SELECT rid, rid % 8, rid / 8, w, th, bh"
		"  FROM (SELECT rid, NULL AS w, NULL AS th, NULL AS bh FROM tri"
		"  UNION ALL SELECT * FROM words) LIMIT ?2)"
		" SELECT " K " AS kind, " I " AS id,"
		"  CASE " K " WHEN 5 THEN o.name ELSE " LABEL " END AS label,"
		"  CASE " K " WHEN 2 THEN coalesce(d.name, o.name) WHEN 5 THEN cr.title WHEN 6 THEN cr.title"
		"   ELSE o.name END AS context,"
		"  CASE " K " WHEN 1 THEN g.level WHEN 4 THEN ind.unit WHEN 5 THEN cm.number END AS detail,"
		"  CASE " K " WHEN 1 THEN g.key WHEN 2 THEN coalesce(d.key, o.key) WHEN 3 THEN o.key"
		"   WHEN 4 THEN ind.key END AS link_key,"
		"  CASE " K " WHEN 1 THEN g.year WHEN 2 THEN CASE WHEN d.key IS NULL THEN p.year_from END"
		"   WHEN 3 THEN p.year_from WHEN 4 THEN g.year END AS link_year,"
		"  CASE WHEN h.w THEN h.th WHEN " K " = 5 THEN NULL ELSE " LABEL " END AS th,"
		"  CASE WHEN h.w THEN h.bh ELSE CASE " K " WHEN 1 THEN g.description WHEN 2 THEN ms.description"
		"   WHEN 3 THEN a.description WHEN 4 THEN ind.unit WHEN 5 THEN sc.c1 END END AS bh,"
		"  CASE WHEN h.w THEN 2 ELSE 1 END AS half"
		" FROM hits h"
		" LEFT JOIN measure ms ON " ON_KIND("ms.id", 2, I)
		" LEFT JOIN activity a ON " ON_KIND("a.id", 3, I)
		" LEFT JOIN indicator ind ON " ON_KIND("ind.id", 4, I)
		" LEFT JOIN response r ON " ON_KIND("r.id", 5, I)
		" LEFT JOIN goal g ON g.id = CASE " K " WHEN 1 THEN " I " WHEN 4 THEN ind.goal_id END"
		" LEFT JOIN plan_version pv ON pv.id = CASE " K " WHEN 2 THEN ms.plan_version_id"
		"  WHEN 3 THEN a.plan_version_id END"
		" LEFT JOIN plan p ON p.id = pv.plan_id"
		" LEFT JOIN area d ON " ON_KIND("d.id", 2, "p.district_id")
		" LEFT JOIN commission_measure cm ON cm.id = CASE " K " WHEN 5 THEN r.measure_id WHEN 6 THEN " I " END"
		" LEFT JOIN commission_report cr ON cr.id = cm.report_id"
		" LEFT JOIN organisation o ON o.id = CASE " K " WHEN 1 THEN g.owner_id WHEN 2 THEN p.owner_id"
		"  WHEN 3 THEN a.owner_id WHEN 4 THEN ind.owner_id WHEN 5 THEN r.org_id END"
		" LEFT JOIN search_index_content sc ON sc.id = CASE WHEN h.w IS NULL AND " K " = 5 THEN h.rid END"
		" WHERE CASE " K
		"  WHEN 1 THEN g.id IS NOT NULL AND " PUB_GOAL("g") " AND o.id IS NOT NULL"
		"  WHEN 2 THEN ms.id IS NOT NULL AND p.id IS NOT NULL AND o.id IS NOT NULL AND pv.status <> 'draft'"
		"  WHEN 3 THEN a.id IS NOT NULL AND o.id IS NOT NULL AND " PUB_ACTIVITY("a")
		"  WHEN 4 THEN ind.id IS NOT NULL AND o.id IS NOT NULL AND " PUB_INDICATOR("ind")
		"  WHEN 5 THEN r.id IS NOT NULL AND o.id IS NOT NULL AND cr.id IS NOT NULL"
		"  WHEN 6 THEN cm.id IS NOT NULL AND cr.id IS NOT NULL END",
};
