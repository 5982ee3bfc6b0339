/* sql-pg-web-search.c: PostgreSQL text of the search page's statements (see stmt-web-search.h).
 * The table is search_doc of migrations 0008 (case-folded text, trigram index), 0010 (text
 * without diacritics, trigram index) and 0035 (each hit's label, context and links, and the
 * columns the publication rule tests); search-pg.c builds the parameters. */
#include "store/sql-pg.h"
#include "store/sql-public.h"

/* The columns of search_doc (migrations 0008, 0035) that a hit carries besides its text: what the
 * page shows of it and what the publication rule tests. */
#define HIT_COLS "s.label, s.context, s.detail, s.link_key, s.link_year, s.plan_version_id, s.goal_id"
#define HIT_COLS_C "c.label, c.context, c.detail, c.link_key, c.link_year, c.plan_version_id, c.goal_id"
#define HIT_COLS_U "label, context, detail, link_key, link_year, plan_version_id, goal_id"

/* Hit h (a row of search_doc) is public: a goal, activity or indicator in no draft by its
 * plan_version_id and goal_id (the rule PUB_* states, tested here on the hit's own copies of those
 * columns, not on the thing's draft column: sql-public.h PV_OF_*), a LUP measure when its plan
 * version is no draft. */
#define HIT_PUBLIC \
	"CASE h.kind WHEN 1 THEN NOT " PV_OF_GOAL("h", "") \
	" WHEN 2 THEN NOT coalesce(h.plan_version_id IN (SELECT id FROM plan_version WHERE status = 'draft'), false)" \
	" WHEN 3 THEN NOT " PV_OF_ACTIVITY("h", "") " WHEN 4 THEN NOT " PV_OF_INDICATOR("h", "") " ELSE true END"

/* The conditions on search_doc s for the parameters of one word: the first word's always, each
 * other word's unless its parameter is NULL (so a custom plan leaves it out). Each pattern is a
 * scalar subquery: computed once per run (an InitPlan), not once per row of the generic plan. */
#define TRI1 "s.folded LIKE (SELECT '%' || lup_fold($1::text) || '%')"
#define TRI(n) " AND ($" #n "::text IS NULL OR s.folded LIKE (SELECT '%' || lup_fold($" #n "::text) || '%'))"
#define TRI_ALL TRI1 TRI(2) TRI(3) TRI(4) TRI(5) TRI(6) TRI(7) TRI(8)
/* The second half's conditions for the parameters of one word: its LIKE on the text without
 * diacritics (which the trigram index answers), and its regular expression, tested apart on the
 * few rows the LIKEs leave that the first half did not find (the subquery with OFFSET 0 keeps
 * the planner from testing it first, on every row the index returns). */
#define LIKE1 "s.bare LIKE (SELECT lup_word_like($9::text))"
#define LIKE(n) " AND ($" #n "::text IS NULL OR s.bare LIKE (SELECT lup_word_like($" #n "::text)))"
#define RE1 "(c.bare COLLATE sv) ~ (SELECT lup_word_regex($9::text))"
#define RE(n) " AND ($" #n "::text IS NULL OR (c.bare COLLATE sv) ~ (SELECT lup_word_regex($" #n "::text)))"
/* Text t of a second-half row with each match of group 2 of $18 marked (chr(1) before, chr(2)
 * after). */
#define MARK_BARE(t) " regexp_replace(" t " COLLATE sv, $18::text, '\\1' || chr(1) || '\\2' || chr(2), 'gi')"

const char *const pg_sql_web_search[STMT__MAX] = {
	/* (8 x word as a LIKE pattern body, 8 x word's tokens or NULL, most hits, mark regex for
	 * the words' prefixes) -> (kind, id, label, context, detail, link_key, link_year, title_hl,
	 * body_hl, half): the rows whose case-folded text holds every word ($1..$8; parts of
	 * words, Å, Ä and Ö as typed: half 1) and then those whose text without diacritics has
	 * every word's tokens ($9..$16) at the start of a word ("forskola" finds "Förskolan": half
	 * 2), each in (id, kind) order, at most $17 in all, with what the page shows of them, by kind (1
	 * goal, 2 measure, 3 activity, 4 indicator, 5 response, 6 commission measure) and then
	 * label in Swedish order. The slots of words that are not there are NULL ($9 too when no
	 * word has a token: then the second half finds nothing). A row of the first half is not in
	 * the second (NOT IN tri: when the first half is cut at $17, so is the whole, and else tri
	 * holds every row that has every word). Each half carries its rows' title and body and
	 * their label columns (migration 0035), so that the hits are not looked up again: the
	 * statement reads search_doc only (and plan_version and goal for the publication rule).
	 * link_key is the goal's or indicator's key, the measure's district (or, with link_year,
	 * its plan owner), the activity's owner. title_hl and body_hl: of a half-2 row, each match
	 * of group 2 of $18 marked with chr(1) before and chr(2) after it; of a half-1 row, the
	 * text unmarked (the page marks the hits it shows with search_mark, search-words.h, as it
	 * marks SQLite's). */
	[STMT_WEB_SEARCH_HITS] =
		"WITH tri AS (SELECT s.kind, s.id, s.title AS th, s.body AS bh, " HIT_COLS " FROM search_doc s WHERE " TRI_ALL
		"  ORDER BY s.id * 8 + s.kind LIMIT $17::bigint),"
		" words AS (SELECT c.kind, c.id," MARK_BARE("c.title") " AS th," MARK_BARE("c.body") " AS bh, " HIT_COLS_C
		"  FROM (SELECT s.kind, s.id, s.title, s.body, s.bare, " HIT_COLS " FROM search_doc s WHERE " LIKE1
		  LIKE(10) LIKE(11) LIKE(12) LIKE(13) LIKE(14) LIKE(15) LIKE(16)
		"   AND (s.kind, s.id) NOT IN (SELECT kind, id FROM tri) OFFSET 0) c"
		"  WHERE " RE1 RE(10) RE(11) RE(12) RE(13) RE(14) RE(15) RE(16)
		"  ORDER BY c.id * 8 + c.kind LIMIT $17::bigint),"
		" hits AS (SELECT kind, id, th, bh, 1 AS half, " HIT_COLS_U " FROM tri"
		"  UNION ALL SELECT kind, id, th, bh, 2, " HIT_COLS_U " FROM words ORDER BY half LIMIT $17::bigint)"
		" SELECT h.kind, h.id, h.label, h.context, h.detail, h.link_key, h.link_year, h.th, h.bh, h.half"
		" FROM hits h WHERE " HIT_PUBLIC
		" ORDER BY h.kind, h.label COLLATE sv NULLS FIRST, h.context COLLATE sv NULLS FIRST, h.detail NULLS FIRST, h.id",
	/* SQLite's steps of its search (its rowids of two FTS5 indexes, and the marks of FTS5's
	 * highlight()): PostgreSQL answers the whole search with STMT_WEB_SEARCH_HITS above, and
	 * search-pg.c never runs these; every statement has a text on each backend, so these give
	 * SQLite's result columns and no row. */
	[STMT_WEB_SEARCH_ROWIDS] = "SELECT NULL::bigint AS rowid, NULL::integer AS half WHERE false",
	[STMT_WEB_SEARCH_WORDS] = "SELECT NULL::integer AS kind, NULL::bigint AS id, NULL::text AS label,"
		" NULL::text AS context, NULL::text AS detail, NULL::text AS link_key, NULL::bigint AS link_year,"
		" NULL::text AS th, NULL::text AS bh, NULL::integer AS half WHERE false",
};
