/* test-imp-commission.c: the 'commission' importer's parser and text rules without a
 * database: stance phrases, citations, sentences, slugs, report names, and whole small
 * documents in the layout of seed 002 (written here in our own words). */
#include "testlib.h"

#include "core/arena.h"
#include "core/err.h"
#include "import/imp-commission.h"

#include <stdlib.h>
#include <string.h>

/* A parse of text: the context, the document and the result code. */
struct run {
	struct arena a;
	struct err e;
	struct imp_report r;
	struct imp_ctx c;
	struct cm_doc d;
	int rc;
};

static void parse(struct run *x, const char *text)
{
	struct imp_text t;

	memset(x, 0, sizeof(*x));
	x->c.a = &x->a;
	x->c.e = &x->e;
	x->c.r = &x->r;
	x->c.path = "doc.txt";
	x->rc = imp_split_text(&x->c, text, strlen(text), &t);
	if (x->rc == LUP_OK)
		x->rc = imp_commission_parse(&x->c, &t, &x->d);
}

static const struct cm_measure *measure(const struct run *x, const char *key, const char *num)
{
	for (int m = 0; m < x->d.nmeasure; m++)
		if (strcmp(x->d.measure[m].number, num) == 0 &&
		    strcmp(x->d.report[x->d.measure[m].report].key, key) == 0)
			return &x->d.measure[m];
	return NULL;
}

static const struct cm_response *response(const struct run *x, const char *admin, const char *key,
					  const char *num)
{
	for (int r = 0; r < x->d.nresp; r++) {
		const struct cm_response *s = &x->d.resp[r];
		const struct cm_measure *m = &x->d.measure[s->measure];
		if (strcmp(x->d.admin[s->admin].heading, admin) == 0 && strcmp(m->number, num) == 0 &&
		    strcmp(x->d.report[m->report].key, key) == 0)
			return s;
	}
	return NULL;
}

static const char *part(const struct cm_response *s, const char *label)
{
	for (int k = 0; s && k < s->npart; k++)
		if (strcmp(s->part[k].label, label) == 0)
			return s->part[k].text;
	return NULL;
}

#define SKOLA "en-skola-dar-alla-ska-lyckas"
#define DELAD "fran-delad-till-enad-stad-oversiktsplanering-for-social-hallbarhet"
#define SAMVERKAN "stad-i-samverkan-stockholms-stad-och-civilsamhallet"

static void test_stance_rules(void)
{
	size_t at, len;
	const char *t = "Nämnden delar kommissionens bedömning men ställer sig dock tveksam till tiden.";

	T_EQ_INT(imp_commission_stance(t, &at, &len), CM_HESITANT);
	T_EQ_INT(strncmp(t + at, "ställer sig dock tveksam", len), 0);
	T_EQ_INT(imp_commission_stance("Förvaltningen Delar Kommissionens bedömning.", &at, &len), CM_AGREE);
	T_EQ_INT(imp_commission_stance("Vi ställer oss positiva. Förslaget är bra.", NULL, NULL), CM_POSITIVE);
	T_EQ_INT(imp_commission_stance("Nämnden avstyrker förslaget men är positiv till dialog.", NULL, NULL),
		 CM_DISAGREE);
	T_EQ_INT(imp_commission_stance("Nämnden delar inte bedömningen.", NULL, NULL), CM_DISAGREE);
	T_EQ_INT(imp_commission_stance("Arbetet pågår enligt plan.", &at, &len), CM_NONE);
	T_EQ_INT(len, 0);
	T_EQ_INT(imp_commission_stance(NULL, NULL, NULL), CM_NONE);
	/* a phrase only counts at the start of a word */
	T_EQ_INT(imp_commission_stance("Otveksamt arbete.", NULL, NULL), CM_NONE);
	T_EQ_STR(imp_commission_stance_name(CM_AGREE), "agree");
	T_EQ_STR(imp_commission_stance_name(CM_NONE), "none");
}

static void test_cites(void)
{
	struct cm_cite c[16];
	const char *t = "Förslaget (4.1.2.) och lotsar (åtgärd 4.1.1) samt 4.2.1 - 4.2.3; åtgärd 1.3 men "
			"inte kapitel 4.6, 2016.05.03, version 2.0 eller 1.2.3.4.";
	int n = imp_commission_cites(t, strlen(t), c, 16);

	T_EQ_INT(n, 6);
	T_EQ_STR(c[0].number, "4.1.2");
	T_EQ_STR(c[1].number, "4.1.1");
	T_EQ_STR(c[2].number, "4.2.1");
	T_EQ_STR(c[3].number, "4.2.2");
	T_EQ_STR(c[4].number, "4.2.3");
	T_EQ_STR(c[5].number, "1.3");
	T_EQ_INT(imp_commission_cites(t, strlen(t), NULL, 0), 6);
	T_EQ_INT(imp_commission_cites("4.1.1", 5, c, 1), 1);
	T_EQ_STR(c[0].number, "4.1.1");
}

static void test_sentences(void)
{
	const char *t = "Vi gör t.ex. detta. Nästa mening (6.2.1). bl.a. Östberga. ”Citat” följer.";
	size_t n = strlen(t), e1 = imp_commission_sentence_end(t, n, 0);

	T_EQ_INT(strncmp(t + e1, "Nästa", 5), 0);
	/* "(6.2.1). bl.a." runs on (lowercase), "bl.a. Östberga" too (abbreviation) */
	T_EQ_INT(strncmp(t + imp_commission_sentence_end(t, n, e1), "”Citat”", strlen("”Citat”")), 0);
	T_EQ_INT(imp_commission_sentence_end("Inget slut här", 14, 0), 14);
}

static void test_slug_and_names(void)
{
	char k[80];
	const char *title;

	imp_commission_slug("Från delad till enad stad – Översiktsplanering för social hållbarhet", k, sizeof(k));
	T_EQ_STR(k, DELAD);
	imp_commission_slug("  Stad i Samverkan!  ", k, sizeof(k));
	T_EQ_STR(k, "stad-i-samverkan");
	T_EQ_INT(imp_commission_slug("– ”” –", k, sizeof(k)), 0);
	imp_commission_slug("alfa beta gamma", k, 12);
	T_EQ_STR(k, "alfa-beta");
	T_CHECK(imp_commission_known_report("Delrapport 2: En skola där alla kan lyckas", &title, NULL) >= 0);
	T_EQ_STR(title, "En skola där alla ska lyckas");
	T_EQ_INT(imp_commission_known_report("Från delad stad till enad stad", NULL, NULL),
		 imp_commission_known_report("FRÅN DELAD TILL ENAD STAD", NULL, NULL));
	T_EQ_INT(imp_commission_known_report("Skillnadernas Stockholm", NULL, NULL), -1);
}

/* A small document in the layout of seed 002, in our own words. */
static const char doc[] =
	"Fackförvaltningar\n"
	"\n"
	"Parkförvaltningen\n"
	"\n"
	"Här följer nämndens svar på kommissionens förslag.\n"
	"\n"
	"Rapport: ”Uppväxt och utbildning - En skola där alla ska lyckas”\n"
	"\n"
	"Rekommendationer och åtgärder\n"
	"\n"
	"6.2 Bryt den skolsegregation som finns\n"
	"\n"
	"6.2.1 Åtgärd: Planera nya skolor med\n"
	"blandade upptagningsområden.\n"
	"\n"
	"Pågående arbete: Ett arbete med kartor pågår. Kommentar: Nämnden delar kommissionens\n"
	"bedömning men vill först se kostnaden (se även 6.2.2).\n"
	"\n"
	"Ansvarig: Parknämnden\n"
	"\n"
	"6.2.2 Åtgärd: Öppna skolgårdarna på kvällar.\n"
	"\n"
	"Svar: Nämnden är dock tveksam till kvällsöppet.\n"
	"\n"
	"Bad- och simförvaltningen\n"
	"\n"
	"Skrivelse saknas.\n"
	"\n"
	"Stadsdelsförvaltningar\n"
	"\n"
	"Sjöstaden\n"
	"\n"
	"Förvaltningen har läst rapporterna noga.\n"
	"\n"
	"Delrapport: Från delad till enad stad - Översiktsplanering för social hållbarhet\n"
	"\n"
	"6.2.1 Samordna planeringen med lokala program\n"
	"\n"
	"Förvaltningen ställer sig positiv till samordningen.\n"
	"\n"
	"Kullen\n"
	"\n"
	"I rapporten Stad i samverkan föreslås lotsar (åtgärd 4.1.1). Förvaltningen ser positivt på\n"
	"lotsar. Det kräver resurser.\n"
	"\n"
	"Vi återkommer i frågan om skolor.\n";

static void test_parse_document(void)
{
	struct run x;
	const struct cm_response *s;
	const struct cm_measure *m;

	parse(&x, doc);
	T_EQ_INT(x.rc, LUP_OK);
	T_EQ_INT(x.d.nadmin, 4);
	T_EQ_INT(x.d.nreport, 3);
	T_EQ_INT(x.d.nrec, 1);
	T_EQ_INT(x.d.nmeasure, 4);	/* skola 6.2.1, 6.2.2; delad 6.2.1; samverkan 4.1.1 (cited) */
	T_EQ_INT(x.d.nresp, 4);
	T_EQ_INT(x.d.admin[0].grp, CM_GRP_SPECIALIST);
	T_EQ_INT(x.d.admin[2].grp, CM_GRP_DISTRICT);
	T_EQ_STR(x.d.admin[1].heading, "Bad- och simförvaltningen");
	T_EQ_INT(x.d.admin[1].no_response, 1);
	T_EQ_STR(x.d.admin[1].marker, "Skrivelse saknas.");
	/* a number repeats across reports: two measures */
	T_CHECK((m = measure(&x, SKOLA, "6.2.1")) != NULL);
	T_EQ_STR(m ? m->title : NULL, "Planera nya skolor med blandade upptagningsområden");
	T_CHECK(m && m->rec >= 0 && strcmp(x.d.rec[m->rec].number, "6.2") == 0);
	T_CHECK((m = measure(&x, DELAD, "6.2.1")) != NULL);
	T_EQ_STR(m ? m->title : NULL, "Samordna planeringen med lokala program");
	/* labelled parts, also a label in the middle of a line */
	s = response(&x, "Parkförvaltningen", SKOLA, "6.2.1");
	T_EQ_STR(part(s, "Pågående arbete"), "Ett arbete med kartor pågår.");
	T_EQ_STR(part(s, "Ansvarig"), "Parknämnden");
	T_CONTAINS(part(s, "Kommentar"), "vill först se kostnaden");
	T_EQ_INT(s ? (int)s->stance : -1, CM_AGREE);
	T_EQ_STR(s ? s->phrase : NULL, "delar kommissionens bedömning");
	T_EQ_INT(s ? s->nref : -1, 1);
	T_CHECK(s && s->nref == 1 && strcmp(x.d.measure[s->ref[0]].number, "6.2.2") == 0);
	s = response(&x, "Parkförvaltningen", SKOLA, "6.2.2");
	T_EQ_INT(s ? (int)s->stance : -1, CM_HESITANT);
	T_EQ_STR(s ? s->phrase : NULL, "är dock tveksam");
	/* a bare heading in a district's section, placed by the report heading above it */
	s = response(&x, "Sjöstaden", DELAD, "6.2.1");
	T_EQ_INT(s ? (int)s->stance : -1, CM_POSITIVE);
	/* running text citing a measure becomes a response; the rest is the statement */
	s = response(&x, "Kullen", SAMVERKAN, "4.1.1");
	T_CONTAINS(part(s, "Text"), "Det kräver resurser.");
	T_EQ_STR(x.d.admin[3].statement, "Vi återkommer i frågan om skolor.");
	T_EQ_STR(x.d.admin[0].statement, "Här följer nämndens svar på kommissionens förslag.");
	/* spellings of one report */
	T_EQ_INT(x.d.report[0].nalias, 1);
	T_EQ_STR(x.d.report[0].alias[0], "Uppväxt och utbildning - En skola där alla ska lyckas");
	arena_release(&x.a);
}

static void test_measure_before_report(void)
{
	struct run x;

	parse(&x, "Parkförvaltningen\n\nInledande text.\n\n1.1 Åtgärd: Gör något nytt.\n\nSvar: Ja.\n");
	T_EQ_INT(x.rc, LUP_EINVAL);
	T_CONTAINS(x.e.msg, "doc.txt:5: åtgärd 1.1 före första rapporten");
	arena_release(&x.a);
	parse(&x, "1.1 Åtgärd: Gör något nytt.\n");
	T_EQ_INT(x.rc, LUP_EINVAL);
	T_CONTAINS(x.e.msg, "doc.txt:1: åtgärd 1.1 före första förvaltningen");
	arena_release(&x.a);
	parse(&x, "Skrivelse saknas.\n");
	T_EQ_INT(x.rc, LUP_EINVAL);
	T_CONTAINS(x.e.msg, "doc.txt:1:");
	arena_release(&x.a);
}

static void test_no_administration(void)
{
	struct run x;

	parse(&x, "");
	T_EQ_INT(x.rc, LUP_EINVAL);
	T_CONTAINS(x.e.msg, "ingen förvaltning hittades");
	arena_release(&x.a);
	parse(&x, "Bara lite text.\nUtan rubriker.\n");
	T_EQ_INT(x.rc, LUP_EINVAL);
	arena_release(&x.a);
}

/* a page footer inside a sentence vanishes; the measure heading's title runs on */
static void test_page_footer(void)
{
	struct run x;
	const struct cm_response *s;

	parse(&x, "Stadsdelsförvaltningar\n\nKullen\n\nDelrapport - Stad i samverkan\n\n"
		  "4.1.1 Åtgärd: Inrätta lotsar för\n\n   7 (44) \n\nföreningslivet.\n\n"
		  "Kommentar: Förvaltningen ser positivt på\n\n   8 (44)\n\n \nförslaget.\n");
	T_EQ_INT(x.rc, LUP_OK);
	T_EQ_STR(x.d.nmeasure ? x.d.measure[0].title : NULL, "Inrätta lotsar för föreningslivet");
	s = response(&x, "Kullen", SAMVERKAN, "4.1.1");
	T_EQ_STR(part(s, "Kommentar"), "Förvaltningen ser positivt på förslaget.");
	arena_release(&x.a);
}

/* measure headings with no text between them share the text after the last one */
static void test_heading_group(void)
{
	struct run x;

	parse(&x, "Stadsdelsförvaltningar\n\nKullen\n\nDelrapport: Stad i samverkan\n\n"
		  "4.1.1 Åtgärd: Inrätta lotsar.\n\n4.2.1 Åtgärd: Ta fram riktlinjer.\n\n"
		  "4.3.1 / 4.3.2 Omvärldsbevakning och dialog\n\n"
		  "Kommentar: Förvaltningen återkommer om alla tre.\n");
	T_EQ_INT(x.rc, LUP_OK);
	T_EQ_INT(x.d.nresp, 4);
	for (int r = 0; r < x.d.nresp; r++)
		T_EQ_STR(part(&x.d.resp[r], "Kommentar"), "Förvaltningen återkommer om alla tre.");
	arena_release(&x.a);
}

int main(void)
{
	T_RUN(test_stance_rules);
	T_RUN(test_cites);
	T_RUN(test_sentences);
	T_RUN(test_slug_and_names);
	T_RUN(test_parse_document);
	T_RUN(test_measure_before_report);
	T_RUN(test_no_administration);
	T_RUN(test_page_footer);
	T_RUN(test_heading_group);
	return t_done();
}
