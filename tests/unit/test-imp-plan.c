/* test-imp-plan.c: unit tests of the 'plan' importer's parser (no database). The texts are
 * invented, in the layout of a Stockholm verksamhetsplan extracted from PDF: lines end with a
 * space unless a word goes on, blank lines between blocks, tables as rows of words. */
#include "testlib.h"

#include "core/arena.h"
#include "core/err.h"
#include "import/imp-plan.h"

#include <string.h>

static struct arena a = ARENA_INIT;
static struct err e;
static struct imp_report r;
static struct imp_ctx c;
static struct imp_plan_doc d;

/* parses text; returns the parser's result code */
static int parse(const char *text)
{
	struct imp_text t;

	arena_release(&a);
	memset(&r, 0, sizeof(r));
	memset(&c, 0, sizeof(c));
	err_clear(&e);
	c.a = &a;
	c.e = &e;
	c.path = "test.txt";
	c.r = &r;
	c.trace = 1;
	c.started = 1e18;	/* no progress line */
	if (imp_split_text(&c, text, strlen(text), &t) != LUP_OK)
		return -1;
	return imp_plan_parse(&c, &t, &d);
}

/* 1 when some warning contains needle */
static int warned(const char *needle)
{
	for (int i = 0; i < r.nwarn; i++)
		if (strstr(r.warn[i].msg, needle))
			return 1;
	return 0;
}

#define VO "KF:s mål för verksamhetsområdet: 1.1 Ett mål \n\n"
#define IND_HEAD "  Indikator Årsmål KF:s årsmål Periodicitet \n\n"
#define ACT_HEAD "  Aktivitet Startdatum Slutdatum \n\n"
#define PAGE "Tjänsteutlåtande \nSid 7 (9) \n\n start.stockholm \n"

/* ---- goals ------------------------------------------------------------------------------ */

static void test_headings(void)
{
	T_EQ_INT(parse("Ett exempel från Exempelby stadsdelsnämnds plan för budget 2031. \n\n"
		       "KF:s inriktningsmål: 1. En stad med \n\nplats för alla \n\nNämnden bidrar med mycket. \n\n"
		       " KF:s mål för verksamhetsområdet: 1.2. Staden är trygg och \n\nvälskött att vistas i \n\n \n\n"
		       "Nämnden bidrar till att uppfylla målen genom att göra en lång rad saker i staden. \n\n"
		       "Nämndmål: Invånarna har en lång titel som \n\nbryts på flera \n\nrader \n\nBeskrivning \n\n"
		       "Rubrik \n\n \n\nFörsta stycket går \nvidare. \n\n \n\nAndra stycket. \n\n"
		       "Förväntat resultat \n\n- Ett resultat som \n\nfortsätter \n\n-Ett andra. \n\n"
		       "KF:s inriktningsmål: 2. En andra stad \n\nNämndmål: Direkt under inriktningsmålet \n\n"
		       "Beskrivning \n\nKort. \n"), LUP_OK);
	T_EQ_INT(d.ngoals, 5);
	T_EQ_INT(d.count[IMP_PLAN_IM], 2);
	T_EQ_INT(d.count[IMP_PLAN_VO], 1);
	T_EQ_INT(d.count[IMP_PLAN_NM], 2);
	T_EQ_STR(d.goals[0].title, "En stad med plats för alla");
	T_EQ_INT(d.goals[1].n, 1);
	T_EQ_INT(d.goals[1].m, 2);
	T_EQ_INT(d.goals[1].parent, 0);
	/* "i" cannot end a title, but a line of spaces does */
	T_EQ_STR(d.goals[1].title, "Staden är trygg och välskött att vistas i");
	T_EQ_STR(d.goals[2].title, "Invånarna har en lång titel som bryts på flera rader");
	T_EQ_INT(d.goals[2].parent, 1);
	T_EQ_INT(d.goals[2].m, 1);
	T_EQ_STR(d.goals[2].desc, "Rubrik\n\nFörsta stycket går vidare.\n\nAndra stycket.");
	T_EQ_INT(d.goals[2].nresults, 2);
	T_EQ_STR(d.goals[2].results[0].text, "Ett resultat som fortsätter");
	T_EQ_STR(d.goals[2].results[1].text, "Ett andra.");
	T_EQ_INT(d.goals[4].parent, 3);
	T_EQ_INT(d.goals[4].m, 2);
	T_EQ_STR(d.org, "Exempelby stadsdelsnämnd");
	T_EQ_INT(d.org_line, 1);
	T_EQ_INT(d.year, 2031);
}

static void test_title_wrap_rules(void)
{
	/* a lower-case line goes on; a long upper-case line after an open word is running text */
	T_EQ_INT(parse("KF:s inriktningsmål: 3. En stad för \n\nalla och för \n\n"
		       "Nämnden bidrar till målet genom att arbeta med många saker under hela året som kommer. \n"), LUP_OK);
	T_EQ_STR(d.goals[0].title, "En stad för alla och för");
	/* a short upper-case line after an open word goes on */
	T_EQ_INT(parse("KF:s inriktningsmål: 3. En stad i \n\nStockholm \n\nNämnden bidrar. \n"), LUP_OK);
	T_EQ_STR(d.goals[0].title, "En stad i Stockholm");
	/* the number may be missing its final dot; prose is not a heading */
	T_EQ_INT(parse("KF:s inriktningsmål är viktiga. \nKF:s mål för verksamhetsområdet: 2.5 Hållbar stad \n"), LUP_OK);
	T_EQ_INT(d.ngoals, 1);
	T_EQ_INT(d.goals[0].level, IMP_PLAN_VO);
	T_EQ_INT(d.goals[0].parent, -1);
}

/* ---- indicator tables ---------------------------------------------------------------------- */

static void check_ind(int i, const char *name, const char *own, const char *kf, const char *per)
{
	T_CHECK(i < d.ninds);
	if (i >= d.ninds)
		return;
	T_EQ_STR(d.inds[i].name, name);
	T_EQ_STR(d.inds[i].own, own);
	T_EQ_STR(d.inds[i].kf, kf);
	T_EQ_STR(d.inds[i].periodicity, per);
}

static void test_indicator_rows(void)
{
	T_EQ_INT(parse(VO IND_HEAD
		       " Andel saker som är gröna 4,6 % 2,7 % Tertial \n\n \n\n"
		       "Andel saker som är blå i förhållande till \nalla saker \n\n3,24 % 1,5 % Tertial \n\n"
		       " Andel saker som fått \nhjälp \n\n70 Tas fram av \nnämnd \n\nTertial \n\n"
		       "Antal platser 1 000 st Tas fram av \nnämnd/styrel\nse \n\nÅr \n\n"
		       " Andel nya saker med ett erbjudande. \n\n100 %  Tertial \n\n"
		       "Andelen saker med timmar i förhållande till \nalla \n\n Tas fram av \nnämnd \n\nÅr \n\n"
		       " Antal personer en saktagare möter \n\n8 Max 10 \npersoner \n\nÅr \n\n"
		       "Andel saker som inte blir fel 97 % öka År \n\n"
		       " Klimatpåverkan från saker 1,4 kg CO2  1,70 kg CO2 \nper kg \nsak \n\nÅr \n\n"
		       " Nämndens säkerhet T2 +/-1 % +/- 1 % År \n\n"
		       " Index för saker 84 84 År \n\n"
		       "Antal saker 100 100 År \n\n"
		       "Frånvaro dag 1-14 2,6 % Tas fram av \nnämnd/styrel\nse \n\nTertial \n\n"
		       " Andel saker med ett index mini, värde för ANDT-\nförebyggande arbete (PI). \n\n70  År \n"), LUP_OK);
	T_EQ_INT(d.ninds, 14);
	check_ind(0, "Andel saker som är gröna", "4,6 %", "2,7 %", "tertial");
	check_ind(1, "Andel saker som är blå i förhållande till alla saker", "3,24 %", "1,5 %", "tertial");
	check_ind(2, "Andel saker som fått hjälp", "70", "Tas fram av nämnd", "tertial");
	check_ind(3, "Antal platser", "1 000 st", "Tas fram av nämnd/styrelse", "year");
	check_ind(4, "Andel nya saker med ett erbjudande.", "100 %", NULL, "tertial");
	check_ind(5, "Andelen saker med timmar i förhållande till alla", NULL, "Tas fram av nämnd", "year");
	check_ind(6, "Antal personer en saktagare möter", "8", "Max 10 personer", "year");
	check_ind(7, "Andel saker som inte blir fel", "97 %", "öka", "year");
	check_ind(8, "Klimatpåverkan från saker", "1,4 kg CO2", "1,70 kg CO2 per kg sak", "year");
	check_ind(9, "Nämndens säkerhet T2", "+/-1 %", "+/- 1 %", "year");
	check_ind(10, "Index för saker", "84", "84", "year");
	check_ind(11, "Antal saker", "100", "100", "year");
	check_ind(12, "Frånvaro dag 1-14", "2,6 %", "Tas fram av nämnd/styrelse", "tertial");
	check_ind(13, "Andel saker med ett index mini, värde för ANDT-förebyggande arbete (PI).", "70", NULL, "year");
	T_EQ_INT(d.inds[13].ord, 14);
	T_EQ_INT(d.inds[0].goal, 0);
	T_EQ_INT(d.inds[0].line, 5);
}

static void test_indicator_page_break(void)
{
	/* a page break with a repeated header inside a row, and one between rows */
	T_EQ_INT(parse(VO IND_HEAD "Andel saker som är väl skötta i \n" PAGE IND_HEAD "parker \n\n73 % 73 % År \n\n"
		       PAGE "   Indikator Årsmål KF:s årsmål Periodicitet \n\nAndel saker 75 % Tas fram av \nnämnd \n\nÅr \n"),
		 LUP_OK);
	T_EQ_INT(d.ninds, 2);
	check_ind(0, "Andel saker som är väl skötta i parker", "73 %", "73 %", "year");
	check_ind(1, "Andel saker", "75 %", "Tas fram av nämnd", "year");
	T_EQ_INT(r.nwarn, 0);
}

static void test_indicator_bad_rows(void)
{
	/* a row without cells is skipped with a warning; the text ending inside a row too */
	T_EQ_INT(parse(VO IND_HEAD "Bara ett namn Tertial \n\nAndel bra 5 % 6 % År \n\nAndel som aldrig \nslutar \n"), LUP_OK);
	T_EQ_INT(d.ninds, 1);
	check_ind(0, "Andel bra", "5 %", "6 %", "year");
	T_CHECK(warned("indikatorraden kan inte läsas"));
	T_CHECK(warned("texten slutar inne i en tabell"));
}

/* ---- activity tables ------------------------------------------------------------------------ */

static void test_activity_rows(void)
{
	T_EQ_INT(parse(VO ACT_HEAD " Nämnden ska göra något \nviktigt i samverkan med SDN Exempel-\nby. \n\n2031-01-01 2031-06-30 \n\n"
		       " Kort aktivitet 2030-01-01 2031-12-31 \n\n"
		       " En aktivitet vars text \n\n2031-01-01 2031-12-31 \n" PAGE "   Aktivitet Startdatum Slutdatum \n\n"
		       "fortsätter efter sidbrytningen \n\n Nästa aktivitet under \nperioden 2031-01-01 – 2031-03-01. \n\n"
		       "2031-01-01 2031-03-01 \n\nNämndmål: Ett mål \n\nBeskrivning \n\nText. \n"), LUP_OK);
	T_EQ_INT(d.nacts, 4);
	T_EQ_STR(d.acts[0].title, "Nämnden ska göra något viktigt i samverkan med SDN Exempel-by.");
	T_EQ_STR(d.acts[0].start, "2031-01-01");
	T_EQ_STR(d.acts[0].end, "2031-06-30");
	T_EQ_STR(d.acts[1].title, "Kort aktivitet");
	T_EQ_STR(d.acts[2].title, "En aktivitet vars text fortsätter efter sidbrytningen");
	T_EQ_STR(d.acts[3].title, "Nästa aktivitet under perioden 2031-01-01 – 2031-03-01.");
	T_EQ_STR(d.acts[3].end, "2031-03-01");
	T_EQ_INT(d.acts[3].goal, 0);
	T_EQ_INT(d.ngoals, 2);
}

static void test_activity_table_ends(void)
{
	/* running text after a table is not an activity: the table ends and the text is prose */
	T_EQ_INT(parse(VO ACT_HEAD " Göra något \n\n2031-01-01 2031-12-31 \n\nRedovisning av ekonomi \n\n"
		       "Rad 1 \nRad 2 \nRad 3 \nRad 4 \nRad 5 \nRad 6 \nRad 7 \nRad 8 \nRad 9 \nRad 10 \nRad 11 \n"
		       "Och så ett datum 2031-05-01 \n"), LUP_OK);
	T_EQ_INT(d.nacts, 1);
	T_EQ_INT(r.nwarn, 0);
}

/* ---- money tables ---------------------------------------------------------------------------- */

static void test_money(void)
{
	T_EQ_INT(parse(VO "Inledande text om ekonomin. \n\nDRIFTVERKSAMHET, \nmnkr \n\n"
		       "BOKSLUT 2030 PROGNOS T2 2031 BUDGET 2032 \n\nNämnd- och \nadministration \n\n55,8 67,1 66,0 \n\n"
		       "Förskola 262,7 -281,7 263,3 \n\n    \n\nSumma 1 318,5 348,8 1 189,6 \n\n"
		       "Tabellen ovan visar fördelade nettokostnader per verksamhetsområde för de olika åren. \n\n"
		       "Äldreomsorg \n\nÄldreomsorg \nBudget VP \n2031 \n\nJusterad \nbudget 2031 \n\nBokslut \n2030 \n\n"
		       "Jmf budget \n2031-2032 \n\nIntäkter 0,0 -2,4 -3 0 \n\n" PAGE "Kostnader 45,2 53,5 59,1 70,2 \n\n"
		       "Netto: 45,2 51,1 56,1 70,2 \n\nNämnden har ett långt stycke text efter tabellen som inte är en rad. \n"),
		 LUP_OK);
	T_EQ_INT(d.ntables, 2);
	T_EQ_STR(d.tables[0].name, "DRIFTVERKSAMHET, mnkr");
	T_EQ_INT(d.tables[0].ncols, 3);
	T_EQ_STR(d.tables[0].cols[0], "BOKSLUT 2030");
	T_EQ_STR(d.tables[0].cols[1], "PROGNOS T2 2031");
	T_EQ_STR(d.tables[0].cols[2], "BUDGET 2032");
	T_EQ_INT(d.tables[0].nrows, 3);
	T_EQ_STR(d.tables[1].name, "Äldreomsorg");
	T_EQ_INT(d.tables[1].ncols, 4);
	T_EQ_STR(d.tables[1].cols[0], "Budget VP 2031");
	T_EQ_STR(d.tables[1].cols[1], "Justerad budget 2031");
	T_EQ_STR(d.tables[1].cols[3], "Jmf budget 2031-2032");
	T_EQ_INT(d.nrows, 6);
	T_EQ_STR(d.rows[0].label, "Nämnd- och administration");
	T_EQ_DBL(d.rows[0].amount[2], 66.0, 1e-9);
	T_EQ_DBL(d.rows[1].amount[1], -281.7, 1e-9);
	T_EQ_STR(d.rows[2].label, "Summa");
	T_EQ_DBL(d.rows[2].amount[0], 1318.5, 1e-9);
	T_EQ_DBL(d.rows[2].amount[2], 1189.6, 1e-9);
	T_EQ_STR(d.rows[3].label, "Intäkter");
	T_EQ_DBL(d.rows[3].amount[2], -3, 1e-9);
	T_EQ_STR(d.rows[5].label, "Netto:");
	T_EQ_INT(d.rows[5].ord, 3);
}

/* ---- errors and the rest ------------------------------------------------------------------------ */

static void test_errors(void)
{
	T_EQ_INT(parse(""), LUP_EINVAL);
	T_CONTAINS(e.msg, "filen är tom");
	T_EQ_INT(parse("\n  \n\n"), LUP_EINVAL);
	T_CONTAINS(e.msg, "filen är tom");
	T_EQ_INT(parse("Bara text.\nOch mer text.\n"), LUP_EINVAL);
	T_CONTAINS(e.msg, "test.txt: inget mål hittades");
	T_EQ_INT(parse("Nämndmål: \n"), LUP_OK);
	T_CHECK(warned("saknar rubriktext"));
}

static void test_slug(void)
{
	T_EQ_STR(imp_plan_slug(&a, "Spånga-Tensta stadsdelsnämnd"), "spanga-tensta-stadsdelsnamnd");
	T_EQ_STR(imp_plan_slug(&a, "Enskede-Årsta-Vantör"), "enskede-arsta-vantor");
	T_EQ_STR(imp_plan_slug(&a, "  Kommunfullmäktige! "), "kommunfullmaktige");
}

static void test_year_from_activities(void)
{
	/* without "budget YYYY" in the text, the year most activities start in */
	T_EQ_INT(parse(VO ACT_HEAD " A 2030-01-01 2030-12-31 \n B 2031-01-01 2031-12-31 \n C 2031-02-01 2031-12-31 \n"), LUP_OK);
	T_EQ_INT(d.year, 2031);
	T_CHECK(d.org == NULL);
}

/* ---- the scope of an import (import.h) ------------------------------------------------------ */

static int never(const void *ctx, struct store *st, int64_t id, struct err *er)
{
	(void)ctx; (void)st; (void)id; (void)er;
	return 0;
}

/* plan, csv, lup (an editor's own district, into a draft) and json check their references
 * against a scope; imp_run refuses the other kinds for a run with a scope before it touches the
 * store, naming the kind */
static void test_scope_kinds(void)
{
	const struct imp_scope sc = { NULL, never, never };
	const struct imp_kind *many[] = { &imp_kind_commission, &imp_kind_kolada };
	const char *files[] = { "/tmp/x/doc.txt" };
	struct imp_opts o = { 0 };

	T_EQ_INT(imp_kind_plan.scoped, 1);
	T_EQ_INT(imp_kind_csv.scoped, 1);
	T_EQ_INT(imp_kind_lup.scoped, 1);
	o.scope = &sc;
	for (size_t i = 0; i < sizeof(many) / sizeof(many[0]); i++) {
		arena_release(&a);
		err_clear(&e);
		T_EQ_INT(many[i]->scoped, 0);
		T_EQ_INT(imp_run(NULL, many[i], files, 1, &o, &a, &r, &e), LUP_EINVAL);
		T_EQ_INT(r.refused.why, IMP_DENY_KIND);
		T_EQ_INT(r.refused.field, IMP_F_KIND);
		T_EQ_STR(r.refused.file, "doc.txt");
		T_EQ_STR(r.refused.value, many[i]->name);
		T_CONTAINS(e.msg, "touches many organisations");
	}
}

int main(void)
{
	T_RUN(test_headings);
	T_RUN(test_title_wrap_rules);
	T_RUN(test_indicator_rows);
	T_RUN(test_indicator_page_break);
	T_RUN(test_indicator_bad_rows);
	T_RUN(test_activity_rows);
	T_RUN(test_activity_table_ends);
	T_RUN(test_money);
	T_RUN(test_errors);
	T_RUN(test_slug);
	T_RUN(test_year_from_activities);
	T_RUN(test_scope_kinds);
	arena_release(&a);
	return t_done();
}
