/* test-search-words.c: the words of a search (store/search-words.c) and what the backends make
 * of them (store/search-sqlite.c: FTS5 queries; store/search-pg.c: LIKE patterns, tokens and
 * regular expressions). No database. */
#include "testlib.h"
#include "store/search-int.h"
#include "core/buf.h"

#include <sqlite3.h>

/* The words of sw joined by '|', for comparing. */
static const char *joined(const struct search_words *sw)
{
	static char out[512];
	size_t n = 0;

	out[0] = '\0';
	for (int i = 0; i < sw->n; i++)
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%.*s", i ? "|" : "", (int)sw->w[i].len, sw->w[i].s);
	return out;
}

static void test_split_words(void)
{
	struct search_words sw;

	search_words_split(&sw, "  förskola\tSpånga\n hembesök ");
	T_EQ_STR(joined(&sw), "förskola|Spånga|hembesök");
	T_EQ_INT(sw.dropped, 0);
	search_words_split(&sw, NULL);
	T_EQ_INT(sw.n, 0);
	search_words_split(&sw, "   ");
	T_EQ_INT(sw.n + sw.dropped, 0);
}

static void test_split_edges_and_quotes(void)
{
	struct search_words sw;

	search_words_split(&sw, "\"förskola\" (spånga), ”rinkeby” «tensta» forskola* ***");
	T_EQ_STR(joined(&sw), "förskola|spånga|rinkeby|tensta|forskola");
	T_EQ_INT(sw.dropped, 0);
	/* inner punctuation stays: it is text to the backends */
	search_words_split(&sw, "e-post 6.2.1 NEAR(forskola");
	T_EQ_STR(joined(&sw), "e-post|6.2.1|NEAR(forskola");
}

static void test_split_limits(void)
{
	struct search_words sw;
	char q[400];

	/* fewer than 3 characters (not bytes: "å" is 2 bytes) */
	search_words_split(&sw, "i en åå åås skola");
	T_EQ_STR(joined(&sw), "åås|skola");
	T_EQ_INT(sw.dropped, 3);
	/* the 9th word on */
	search_words_split(&sw, "aaa bbb ccc ddd eee fff ggg hhh iii jjj");
	T_EQ_INT(sw.n, SEARCH_WORDS_MAX);
	T_EQ_STR(joined(&sw), "aaa|bbb|ccc|ddd|eee|fff|ggg|hhh");
	T_EQ_INT(sw.dropped, 2);
	/* not UTF-8 */
	search_words_split(&sw, "skola \xff\xfe\xfd");
	T_EQ_STR(joined(&sw), "skola");
	T_EQ_INT(sw.dropped, 1);
	/* 200 bytes, cut before a character that does not fit whole */
	memset(q, 'a', 199);
	memcpy(q + 199, "\xc3\xa4" "bc", 5);
	T_EQ_INT(search_cap_len(q), 199);
	search_words_split(&sw, q);
	T_EQ_INT(strlen(sw.text), 199);
	T_EQ_INT(sw.n, 1);
	T_EQ_INT(sw.w[0].len, 199);
}

static void test_utf8_len(void)
{
	T_EQ_INT(search_utf8_len("förskola", strlen("förskola")), 8);
	T_EQ_INT(search_utf8_len("a\tb", 3), 3);
	T_EQ_INT(search_utf8_len("a\001b", 3), -1);
	T_EQ_INT(search_utf8_len("\xc3", 1), -1);		/* cut short */
	T_EQ_INT(search_utf8_len("\xc0\xaf", 2), -1);		/* overlong */
	T_EQ_INT(search_utf8_len("\xed\xa0\x80", 3), -1);	/* surrogate */
}

static void test_fts5_query(void)
{
	struct search_words sw;
	struct buf b;

	buf_init(&b, 0);
	search_words_split(&sw, "förskola say\"s spånga");
	T_EQ_INT(search_fts5_query(&sw, 0, &b), 3);
	T_EQ_STR(b.ptr, "\"förskola\" \"say\"\"s\" \"spånga\"");
	buf_reset(&b);
	T_EQ_INT(search_fts5_query(&sw, 1, &b), 3);
	T_EQ_STR(b.ptr, "\"förskola\" * \"say\"\"s\" * \"spånga\" *");
	buf_reset(&b);
	search_words_split(&sw, "a b");
	T_EQ_INT(search_fts5_query(&sw, 0, &b), 0);
	T_EQ_STR(b.ptr, "");
	buf_release(&b);
}

static struct search_word word(const char *s)
{
	struct search_word w = { s, strlen(s) };
	return w;
}

static void test_pg_like_and_tokens(void)
{
	struct search_word w = word("50%_a\\b");
	struct buf b;

	buf_init(&b, 0);
	search_pg_like(&w, &b);
	T_EQ_STR(b.ptr, "50\\%\\_a\\\\b");
	buf_reset(&b);
	w = word("e-post");
	T_EQ_INT(search_pg_tokens(&w, &b), 2);
	T_EQ_STR(b.ptr, "e post");
	buf_reset(&b);
	w = word("Spånga--Tensta.2024");
	T_EQ_INT(search_pg_tokens(&w, &b), 3);
	T_EQ_STR(b.ptr, "Spånga Tensta 2024");
	buf_reset(&b);
	w = word("---");
	T_EQ_INT(search_pg_tokens(&w, &b), 0);
	T_EQ_STR(b.ptr, "");
	buf_release(&b);
}

static void test_pg_regex(void)
{
	struct search_word w;
	struct buf b;

	buf_init(&b, 0);
	/* letters stand for their forms with diacritics; an accented letter for its base */
	w = word("Öl-1");
	T_EQ_INT(search_pg_regex_bare(&w, &b), 2);
	T_EQ_STR(b.ptr, "[oòóôõöøōőÒÓÔÕÖØŌŐ][lłĺľŁĹĽ][^[:alnum:]]+1[[:alnum:]]*");
	buf_reset(&b);
	w = word("(*)");
	T_EQ_INT(search_pg_regex_bare(&w, &b), 0);
	T_EQ_STR(b.ptr, "");
	buf_release(&b);
}

/* marked: search_mark of text for query q, with [ and ] for the marks (for reading). */
static const char *marked(const char *q, const char *text)
{
	static char out[1024];
	struct search_words sw;
	struct buf b;
	size_t k = 0;

	search_words_split(&sw, q);
	buf_init(&b, 0);
	T_EQ_INT(search_mark(&sw, text, strlen(text), &b), 0);
	for (size_t i = 0; i < b.len && k + 1 < sizeof(out); i++)
		out[k++] = b.ptr[i] == SEARCH_MARK_ON ? '[' : b.ptr[i] == SEARCH_MARK_OFF ? ']' : b.ptr[i];
	out[k] = '\0';
	buf_release(&b);
	return out;
}

static void test_mark(void)
{
	/* case folded, also Å, Ä and Ö; parts of words */
	T_EQ_STR(marked("förskola", "Förskolan, FÖRSKOLA och introduktionsförskolan"),
		 "[Förskola]n, [FÖRSKOLA] och introduktions[förskola]n");
	T_EQ_STR(marked("ÅTGÄRD", "åtgärder och Åtgärd"), "[åtgärd]er och [Åtgärd]");
	/* no match: the text as it was; diacritics count (the words index finds those) */
	T_EQ_STR(marked("forskola", "Förskolan"), "Förskolan");
	T_EQ_STR(marked("förskola", ""), "");
	/* two words; occurrences that overlap share a mark, touching ones have their own */
	T_EQ_STR(marked("skola förs", "Förskolan"), "[Förskola]n");
	T_EQ_STR(marked("förskola skolaförskola", "förskolaförskola"), "[förskolaförskola]");
	T_EQ_STR(marked("förskola", "förskolaförskola"), "[förskola][förskola]");
	T_EQ_STR(marked("barn skola", "barnskola, skolbarn"), "[barn][skola], skol[barn]");
	/* at the very end, and a word longer than the rest of the text */
	T_EQ_STR(marked("kola", "skola"), "s[kola]");
	T_EQ_STR(marked("skolan", "skola"), "skola");
	/* eight words: sixteen bytes a match may start at, each found again after the last (the
	 * ASCII starts are skipped to with memchr); one word that starts with Ö: every byte is looked at */
	T_EQ_STR(marked("bbb ccc ddd eee fff ggg hhh iii", "xBBBx ccc-DDD eEe f ff fff ggg hhhh iii b"),
		 "x[BBB]x [ccc]-[DDD] [eEe] f ff [fff] [ggg] [hhhh] [iii] b");
	T_EQ_STR(marked("öka bra", "Öka, BRA, ökade braket"), "[Öka], [BRA], [öka]de [bra]ket");
	T_EQ_STR(marked("aaa", "aaaa"), "[aaaa]");
	/* an ASCII first letter is looked at only when a word may go on with the next byte: a
	 * letter in either case, or any character outside ASCII (the Kelvin sign folds to k) */
	T_EQ_STR(marked("trygghet", "tt Trygghet tTRYGGHET trygg"), "tt [Trygghet] t[TRYGGHET] trygg");
	T_EQ_STR(marked("ska", "s\xe2\x84\xaa" "a sk"), "[s\xe2\x84\xaa" "a] sk");
	T_EQ_STR(marked("tre ubåt", "tTtrE UBÅT"), "tT[trE] [UBÅT]");
	/* a byte that is no UTF-8 matches nothing and is kept */
	T_EQ_STR(marked("abc", "x\xff" "abc\xc3"), "x\xff[abc]\xc3");
}

/* Long texts (scanned sixteen places at a time when every word begins with an ASCII letter): a
 * match at every place of a block and across two, in either case, after a Kelvin sign (which
 * folds to k), and a word's first letter followed by a character outside ASCII. */
static void test_mark_long(void)
{
	char text[160], want[200];

	for (int off = 0; off < 40; off++) {
		memset(text, 'x', (size_t)off);
		snprintf(text + off, sizeof(text) - (size_t)off, "TRYgghet trygg s\xe2\x84\xaa" "a t\xc3\xb6" " yyyyyyyyyyyyyyyyyyyy ska");
		memset(want, 'x', (size_t)off);
		snprintf(want + off, sizeof(want) - (size_t)off, "[TRYgghet] trygg [s\xe2\x84\xaa" "a] t\xc3\xb6" " yyyyyyyyyyyyyyyyyyyy [ska]");
		T_EQ_STR(marked("trygghet ska", text), want);
	}
	T_EQ_STR(marked("öka tösen", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx TÖSEN öka tosen"), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx [TÖSEN] [öka] tosen");
	T_EQ_STR(marked("b12 1ab", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx B12 b12 1AB \x11" "ab @12"), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx [B12] [b12] [1AB] \x11" "ab @12");
}

/* One marker for many texts (as the page marks its hits) marks each as search_mark does. */
static void test_marker_reused(void)
{
	static const char *const texts[] = { "Förskolan i Tensta", "", "skola och förskola, FÖRSKOLA", "fff ffö" };
	struct search_words sw;
	struct search_marker mk;
	struct buf a, b;

	search_words_split(&sw, "förskola tensta");
	search_marker_init(&mk, &sw);
	T_EQ_INT(mk.n, 2);
	buf_init(&a, 0);
	buf_init(&b, 0);
	for (int i = 0; i < (int)(sizeof(texts) / sizeof(texts[0])); i++) {
		buf_reset(&a);
		buf_reset(&b);
		T_EQ_INT(search_mark_with(&mk, texts[i], strlen(texts[i]), &a), 0);
		T_EQ_INT(search_mark(&sw, texts[i], strlen(texts[i]), &b), 0);
		T_EQ_STR(a.ptr, b.ptr);
	}
	T_CHECK(strchr(a.ptr, SEARCH_MARK_ON) == NULL);	/* the last text has no match */
	buf_reset(&a);
	T_EQ_INT(search_mark_with(&mk, texts[2], strlen(texts[2]), &a), 0);
	T_EQ_STR(a.ptr, "skola och \001förskola\002, \001FÖRSKOLA\002");
	buf_release(&a);
	buf_release(&b);
}

/* search_mark_part writes a prefix of what search_mark_with writes, for as much of the text as
 * a snippet (to a space `after` bytes past the first match) needs, and stops there unless a mark
 * is open or a match begins before the cut. */
static void test_mark_part(void)
{
	static const char *const texts[] = {
		"skola skola skola skola skola skola skola skola",	/* cut after the second match */
		"a skolaskolaskolaskola b skola",			/* touching marks before the cut */
		"xx skola yyyyyyyyyyyyyyyyyyyy",			/* no space after the cut: all */
		"nothing to see here at all, none",			/* no match: all */
		"skolan\tskolan\nskola skola skola",			/* tab and newline are spaces */
		"",
	};
	static const size_t want[] = { 12, 25, 29, 32, 14, 0 };
	struct search_words sw;
	struct search_marker mk;
	struct buf full, part;

	search_words_split(&sw, "skola");
	search_marker_init(&mk, &sw);
	buf_init(&full, 0);
	buf_init(&part, 0);
	for (int i = 0; i < (int)(sizeof(texts) / sizeof(texts[0])); i++) {
		size_t n = strlen(texts[i]), covered = 99;
		buf_reset(&full);
		buf_reset(&part);
		T_EQ_INT(search_mark_with(&mk, texts[i], n, &full), 0);
		T_EQ_INT(search_mark_part(&mk, texts[i], n, 8, &part, &covered), 0);
		T_EQ_INT((long long)covered, (long long)want[i]);
		T_CHECK(part.len <= full.len && memcmp(part.ptr, full.ptr, part.len) == 0);
		if (covered == n)
			T_EQ_STR(part.ptr, full.ptr);
		else	/* the prefix stands for the text's first covered bytes, marks removed */
			T_CHECK(part.len >= covered && part.ptr[part.len - 1] == texts[i][covered - 1]);
	}
	/* the text up to the cut, marks and all */
	buf_reset(&part);
	size_t covered;
	T_EQ_INT(search_mark_part(&mk, texts[0], strlen(texts[0]), 8, &part, &covered), 0);
	T_EQ_STR(part.ptr, "\001skola\002 \001skola\002 ");
	buf_reset(&part);
	T_EQ_INT(search_mark_part(&mk, texts[1], strlen(texts[1]), 8, &part, &covered), 0);
	T_EQ_STR(part.ptr, "a \001skola\002\001skola\002\001skola\002\001skola\002 b ");
	buf_release(&full);
	buf_release(&part);
}

/* The marks are those FTS5's highlight() sets in a trigram index (where occurrences do not
 * overlap: there FTS5 repeats text), for texts and queries of the demo's kind. */
static void test_mark_as_fts5(void)
{
	static const char *const texts[] = {
		"Förskolans utbildning är språkutvecklande",
		"Introduktionsförskolan och hembesök hos nyblivna föräldrar",
		"ÖPPNA FÖRSKOLAN i Spånga-Tensta; öppna förskolan i Rinkeby",
		"Andel barn som lever i familjer som har ekonomiskt bistånd",
		"Stockholmarnas nöjdhet med stadsmiljön – ÅÄÖ åäö é ü",
	};
	static const char *const queries[] = {
		"förskola", "FÖRSKOLAN", "öppna spånga", "barn bistånd", "nöjdhet åäö", "ÅÄÖ", "é ü ab",
		"stadsmiljön –", "lever familjer",
	};
	sqlite3 *db;
	sqlite3_stmt *ins, *hl;

	T_EQ_INT(sqlite3_open(":memory:", &db), SQLITE_OK);
	T_EQ_INT(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'trigram')", NULL, NULL, NULL), SQLITE_OK);
	T_EQ_INT(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES (?1, ?2)", -1, &ins, NULL), SQLITE_OK);
	for (int i = 0; i < (int)(sizeof(texts) / sizeof(texts[0])); i++) {
		sqlite3_bind_int(ins, 1, i);
		sqlite3_bind_text(ins, 2, texts[i], -1, SQLITE_STATIC);
		T_EQ_INT(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	T_EQ_INT(sqlite3_prepare_v2(db, "SELECT rowid, highlight(t, 0, char(1), char(2)) FROM t WHERE t MATCH ?1",
				    -1, &hl, NULL), SQLITE_OK);
	int compared = 0;
	for (int q = 0; q < (int)(sizeof(queries) / sizeof(queries[0])); q++) {
		struct search_words sw;
		struct buf fq, b;
		search_words_split(&sw, queries[q]);
		buf_init(&fq, 0);
		buf_init(&b, 0);
		search_fts5_query(&sw, 0, &fq);
		sqlite3_bind_text(hl, 1, fq.ptr, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(hl) == SQLITE_ROW) {
			const char *text = texts[sqlite3_column_int(hl, 0)];
			buf_reset(&b);
			T_EQ_INT(search_mark(&sw, text, strlen(text), &b), 0);
			T_EQ_STR(b.ptr, (const char *)sqlite3_column_text(hl, 1));
			compared++;
		}
		sqlite3_reset(hl);
		buf_release(&fq);
		buf_release(&b);
	}
	T_CHECK(compared >= 8);	/* the queries found rows to compare */
	sqlite3_finalize(ins);
	sqlite3_finalize(hl);
	sqlite3_close(db);
}

int main(void)
{
	T_RUN(test_split_words);
	T_RUN(test_split_edges_and_quotes);
	T_RUN(test_split_limits);
	T_RUN(test_utf8_len);
	T_RUN(test_fts5_query);
	T_RUN(test_pg_like_and_tokens);
	T_RUN(test_pg_regex);
	T_RUN(test_mark);
	T_RUN(test_marker_reused);
	T_RUN(test_mark_part);
	T_RUN(test_mark_long);
	T_RUN(test_mark_as_fts5);
	return t_done();
}
