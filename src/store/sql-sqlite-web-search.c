/* sql-sqlite-web-search.c: SQLite text of the statements behind store_search (stmt-web-search.h;
 * search-sqlite.c runs them in turn and builds their parameters).
 * The indexes are those of migrations 0008 (trigram) and 0010 (words without diacritics). */
#include "store/sql-sqlite.h"
#include "store/sql-public.h"

#define CM_LABEL "cm.number || ' ' || coalesce(cm.text, '')"

/* A kind's arm of STMT_WEB_SEARCH_HITS or STMT_WEB_SEARCH_WORDS over the hits SRC (a FROM item
 * named h) that meet condition K: ID is the hit's id, TH and BH its title and body, HALF 1 or 2
 * (the result columns are named in every arm; the first arm's names are the statement's). Each
 * arm joins only its kind's tables, inner where the kind's rows need them, with its publication
 * rule. */
#define GOAL_ARM(SRC, K, ID, TH, BH, HALF) \
	"SELECT 1 AS kind, " ID " AS id, g.title AS label, o.name AS context, g.level AS detail," \
	" g.key AS link_key, g.year AS link_year, " TH " AS th, " BH " AS bh, " HALF " AS half" \
	" FROM " SRC " JOIN goal g ON g.id = " ID " JOIN organisation o ON o.id = g.owner_id" \
	" WHERE " K " AND " PUB_GOAL("g")
#define MEASURE_ARM(SRC, K, ID, TH, BH, HALF) \
	" UNION ALL SELECT 2, " ID ", ms.title, coalesce(d.name, o.name), NULL, coalesce(d.key, o.key)," \
	" CASE WHEN d.key IS NULL THEN p.year_from END, " TH ", " BH ", " HALF \
	" FROM " SRC " JOIN measure ms ON ms.id = " ID \
	" JOIN plan_version pv ON pv.id = ms.plan_version_id JOIN plan p ON p.id = pv.plan_id" \
	" JOIN organisation o ON o.id = p.owner_id LEFT JOIN area d ON d.id = p.district_id" \
	" WHERE " K " AND pv.status <> 'draft'"
#define ACTIVITY_ARM(SRC, K, ID, TH, BH, HALF) \
	" UNION ALL SELECT 3, " ID ", a.title, o.name, NULL, o.key, p.year_from, " TH ", " BH ", " HALF \
	" FROM " SRC " JOIN activity a ON a.id = " ID " JOIN organisation o ON o.id = a.owner_id" \
	" LEFT JOIN plan_version pv ON pv.id = a.plan_version_id LEFT JOIN plan p ON p.id = pv.plan_id" \
	" WHERE " K " AND " PUB_ACTIVITY("a")
#define INDICATOR_ARM(SRC, K, ID, TH, BH, HALF) \
	" UNION ALL SELECT 4, " ID ", ind.name, o.name, ind.unit, ind.key, g.year, " TH ", " BH ", " HALF \
	" FROM " SRC " JOIN indicator ind ON ind.id = " ID " JOIN organisation o ON o.id = ind.owner_id" \
	" LEFT JOIN goal g ON g.id = ind.goal_id WHERE " K " AND " PUB_INDICATOR("ind")
#define RESPONSE_ARM(SRC, K, ID, TH, BH, HALF, MORE) \
	" UNION ALL SELECT 5, " ID ", o.name, cr.title, cm.number, NULL, NULL, " TH ", " BH ", " HALF \
	" FROM " SRC " JOIN response r ON r.id = " ID " JOIN organisation o ON o.id = r.org_id" \
	" JOIN commission_measure cm ON cm.id = r.measure_id JOIN commission_report cr ON cr.id = cm.report_id" MORE \
	" WHERE " K
#define CMEASURE_ARM(SRC, K, ID, TH, BH, HALF) \
	" UNION ALL SELECT 6, " ID ", " CM_LABEL ", cr.title, NULL, NULL, NULL, " TH ", " BH ", " HALF \
	" FROM " SRC " JOIN commission_measure cm ON cm.id = " ID \
	" JOIN commission_report cr ON cr.id = cm.report_id WHERE " K

/* ARM(m, ...): m(...) with its arguments expanded first (TRI and WORDS give several). */
#define ARM(m, ...) m(__VA_ARGS__)
/* A kind's trigram hits: its ids in the JSON array parameter P. */
#define TRI(P) "json_each(" P ") h", "1", "h.value"
/* A kind's words-only hits: the rows of w (STMT_WEB_SEARCH_WORDS) of kind K. */
#define WORDS(K) "w h", "h.rid % 8 = " #K, "h.i", "h.th", "h.bh", "2"

const char *const sqlite_sql_web_search[STMT__MAX] = {
	/* (trigram query, most hits, words query) -> (rowid, half): the rowids (id * 8 + kind) of
	 * the trigram index's hits (parts of words, Å, Ä and Ö as typed: half 1) and of the words
	 * index's (words beginning with the query's words, diacritics ignored: "forskola" finds
	 * "Förskolan": half 2), at most ?2 of each, each index's in the order it gives them
	 * (ascending rowid). The two lists are read apart, without a temporary table; the caller
	 * keeps the words index's rows the trigram index did not give (search-sqlite.c). */
	[STMT_WEB_SEARCH_ROWIDS] =
		"SELECT * FROM (SELECT rowid, 1 FROM search_index WHERE search_index MATCH ?1 LIMIT ?2)"
		" UNION ALL SELECT * FROM (SELECT rowid, 2 FROM search_words WHERE search_words MATCH ?3 LIMIT ?2)",
	/* (words query, JSON array of rowids) -> the columns of STMT_WEB_SEARCH_HITS: of the given
	 * rowids, those the words query matches that are public (half 2), joined to what they index
	 * as STMT_WEB_SEARCH_HITS joins them, with each match in their title and body marked with
	 * char(1) before and char(2) after it (highlight() works only in its index's query). The
	 * caller runs it only when there are such rows (the words index's that the trigram index
	 * did not give). `+rowid` keeps the list from driving the index (FTS5 would run the query
	 * once per rowid); w is materialized once, and each kind's arm reads its rows. */
	[STMT_WEB_SEARCH_WORDS] =
		"WITH w(rid, i, th, bh) AS MATERIALIZED (SELECT rowid, rowid / 8,"
		" highlight(search_words, 0, char(1), char(2)), highlight(search_words, 1, char(1), char(2))"
		" FROM search_words WHERE search_words MATCH ?1 AND +rowid IN (SELECT value FROM json_each(?2))) "
		ARM(GOAL_ARM, WORDS(1)) ARM(MEASURE_ARM, WORDS(2)) ARM(ACTIVITY_ARM, WORDS(3)) ARM(INDICATOR_ARM, WORDS(4))
		ARM(RESPONSE_ARM, WORDS(5), "") ARM(CMEASURE_ARM, WORDS(6)),
	/* (6 x JSON array of a kind's ids found by the trigram index, or NULL) -> (kind, id,
	 * label, context, detail, link_key, link_year, title_hl, body_hl, half): the given hits
	 * (kinds 1 goal, 2 measure, 3 activity, 4 indicator, 5 response, 6 commission measure,
	 * parameters ?1..?6 in that order) that are public, joined to what they index, in no set
	 * order (the page sorts them). link_key is the goal's or indicator's key, the measure's
	 * district (or, with link_year, its plan owner), the activity's owner. title_hl and
	 * body_hl: the text unmarked (half 1): the hit's own columns that migration 0008's
	 * triggers index (title or name, a commission measure's number and text; description, or
	 * an indicator's unit), and for a response its body from the trigram index's content table
	 * (the page marks the hits it shows with search_mark, search-words.h). Each arm reads its
	 * own list (json_each of NULL gives no row, at about no cost), so no arm reads another
	 * kind's hits and nothing is materialized. */
	[STMT_WEB_SEARCH_HITS] =
		ARM(GOAL_ARM, TRI("?1"), "g.title", "g.description", "1")
		ARM(MEASURE_ARM, TRI("?2"), "ms.title", "ms.description", "1")
		ARM(ACTIVITY_ARM, TRI("?3"), "a.title", "a.description", "1")
		ARM(INDICATOR_ARM, TRI("?4"), "ind.name", "ind.unit", "1")
		ARM(RESPONSE_ARM, TRI("?5"), "NULL", "sc.c1", "1",
		    " LEFT JOIN search_index_content sc ON sc.id = h.value * 8 + 5")
		ARM(CMEASURE_ARM, TRI("?6"), CM_LABEL, "NULL", "1"),
};
