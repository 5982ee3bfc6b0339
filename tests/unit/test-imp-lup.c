/* test-imp-lup.c: unit tests of the 'lup' importer's text helpers and parser (no database). The
 * snippets are written for these tests in the layouts of the seeds (001: one line per paragraph;
 * 000: wrapped and double-spaced; 004: wrapped with OCR damage). */
#include "testlib.h"

#include "core/arena.h"
#include "core/err.h"
#include "import/imp-lup.h"

#include <string.h>

static struct arena A = ARENA_INIT;

static void test_fold(void)
{
	T_EQ_STR(imp_lup_fold(&A, "Förbättra trygghet, ordning och säkerhet."),
		 "forbattra trygghet ordning och sakerhet");
	T_EQ_STR(imp_lup_fold(&A, "  Enskede-Årsta-Vantör ”x” "), "enskede arsta vantor x");
	T_EQ_STR(imp_lup_fold(&A, "Stéirka #r"), "steirka #r");
	T_EQ_STR(imp_lup_fold(&A, ""), "");
}

static void test_similar(void)
{
	/* OCR damage of 004 against the real words */
	T_CHECK(imp_lup_similar(imp_lup_fold(&A, "Utbildningsndmnden"), imp_lup_fold(&A, "Utbildningsnämnden")));
	T_CHECK(imp_lup_similar(imp_lup_fold(&A, "Familjebostiider"), imp_lup_fold(&A, "Familjebostäder")));
	T_CHECK(imp_lup_similar(imp_lup_fold(&A, "Geografiskaltematiska prioriteringar"),
				imp_lup_fold(&A, "Geografiska/tematiska prioriteringar")));
	T_CHECK(imp_lup_similar(imp_lup_fold(&A, "Kulturförvaltning"), imp_lup_fold(&A, "Kulturförvaltningen")));
	/* different bodies stay apart */
	T_CHECK(!imp_lup_similar(imp_lup_fold(&A, "Socialnämnden"), imp_lup_fold(&A, "Kulturnämnden")));
	T_CHECK(!imp_lup_similar(imp_lup_fold(&A, "Utbildningsnämnden"), imp_lup_fold(&A, "Utbildningsförvaltningen")));
	T_CHECK(!imp_lup_similar(imp_lup_fold(&A, "Idrottsföreningar"), imp_lup_fold(&A, "Idrottsförvaltningen")));
	T_CHECK(!imp_lup_similar("sisab", "sisac"));	/* short names must be equal */
}

static void test_token_score(void)
{
	T_CHECK(imp_lup_token_score(&A, "Demokrati och insyn", "Demokrati och ökad insyn") >= 0.5);
	T_CHECK(imp_lup_token_score(&A, "Stärka det sociala kapitalet", "Socialt kapital") >= 0.5);
	T_CHECK(imp_lup_token_score(&A, "Minska narkotikaanvändandet bland unga",
				    "Minskad narkotikaanvändning bland unga") >= 0.5);
	T_CHECK(imp_lup_token_score(&A, "Trygghet och trivsel", "Trygghet samt trivsel") >= 0.5);
	/* a longer heading containing one theme's words is not that theme */
	T_EQ_DBL(imp_lup_token_score(&A, "Trygghetsmöten för medborgare", "Trygghet"), 0, 1e-9);
	T_CHECK(imp_lup_token_score(&A, "Genomföra ett aktivt drogförebyggande arbete",
				    "Arbete och försörjning") < 0.5);
	T_EQ_DBL(imp_lup_token_score(&A, "", "Trygghet"), 0, 1e-9);
}

static void test_words_and_numbers(void)
{
	T_EQ_INT(imp_lup_number("tre"), 3);
	T_EQ_INT(imp_lup_number("ett"), 1);
	T_EQ_INT(imp_lup_number("tva"), 2);
	T_EQ_INT(imp_lup_number("12"), 12);
	T_EQ_INT(imp_lup_number("2017"), -1);
	T_EQ_INT(imp_lup_number("teman"), -1);
	T_CHECK(imp_lup_upper_first("Älvsjö"));
	T_CHECK(!imp_lup_upper_first("älvsjö"));
	T_CHECK(imp_lup_lower_first("ängen"));
	T_EQ_INT(imp_lup_words("  tre  ord här "), 3);
	T_EQ_STR(imp_lup_first_sentence(&A, "Första meningen. Andra meningen.", 100), "Första meningen.");
	T_EQ_STR(imp_lup_first_sentence(&A, "t.ex. en sak. Och mer", 100), "t.ex. en sak.");
	T_EQ_STR(imp_lup_first_sentence(&A, "abc def ghi", 6), "abc\xe2\x80\xa6");
}

static void test_vocabularies(void)
{
	T_EQ_INT(imp_lup_template_ord(&A, "Nulagesanalys"), 2);
	T_EQ_INT(imp_lup_template_ord(&A, "Metoder for att méta maluppfyllelse"), 7);
	T_EQ_INT(imp_lup_template_ord(&A, "Prioriterade åtgärder"), 5);
	T_EQ_INT(imp_lup_template_ord(&A, "Bakgrund"), 0);
	T_EQ_STR(imp_lup_group_heading(&A, "Fackndmnder"), "specialist");
	T_EQ_STR(imp_lup_group_heading(&A, "Bolagsstyrelser"), "company");
	T_EQ_STR(imp_lup_group_heading(&A, "Utbildningsnämnden"), NULL);
	T_EQ_STR(imp_lup_group_guess(&A, "Föreningar för barn och unga"), "civil_society");
	T_EQ_STR(imp_lup_group_guess(&A, "fastighetsbolag i aktuella områden"), "company");
	T_EQ_STR(imp_lup_group_guess(&A, "bostadsrättsföreningar"), "other");
	T_EQ_STR(imp_lup_group_guess(&A, "Centrumägare"), "business");
	T_EQ_STR(imp_lup_group_of_kind("company_board"), "company");
	T_EQ_STR(imp_lup_group_of_kind(NULL), "other");
	T_EQ_STR(imp_lup_role(&A, "Förvaltningens roll är att bistå i arbetet genom att processleda.",
			      "forvaltningen"), "process_lead");
	T_EQ_STR(imp_lup_role(&A, "Förvaltningen ska fungera som nav i samverkan.", "forvaltningen"), "hub");
	T_EQ_STR(imp_lup_role(&A, "Gemensam planering pågår.", "forvaltningen"), "joint_planning");
	T_EQ_STR(imp_lup_role(&A, "Samverkan med FINSAM", "forvaltningen"), NULL);
	T_EQ_STR(imp_lup_status(&A, "Inväntar avtal med polisen"), "waiting");
	T_EQ_STR(imp_lup_status(&A, "Arbetet pågår."), "ongoing");
	T_EQ_STR(imp_lup_status(&A, "Nattvandring"), "planned");
}

/* parse: parses text; returns the document (NULL on failure). */
static struct lup_doc *parse(const char *text)
{
	static struct lup_doc d;
	static struct imp_report r;
	static struct err e;
	struct imp_ctx c = { .a = &A, .e = &e, .path = "snippet", .r = &r };
	struct imp_text t;

	if (imp_split_text(&c, text, strlen(text), &t) != LUP_OK || imp_lup_parse(&c, &t, &d) != LUP_OK)
		return NULL;
	return &d;
}

/* count: items of kind k. */
static int count(const struct lup_doc *d, enum lup_item_kind k)
{
	int n = 0;

	for (int i = 0; i < d->nitems; i++)
		n += d->items[i].kind == k;
	return n;
}

/* find: the first item of kind k, or NULL. */
static const struct lup_item *find(const struct lup_doc *d, enum lup_item_kind k)
{
	for (int i = 0; i < d->nitems; i++)
		if (d->items[i].kind == k)
			return &d->items[i];
	return NULL;
}

/* every_line_owned: each line belongs to exactly one item (the trace's promise). */
static int every_line_owned(const struct lup_doc *d)
{
	for (int l = 0; l < d->nlines; l++)
		if (d->owner[l] < 0 || d->owner[l] >= d->nitems)
			return 0;
	return 1;
}

static void test_parse_plan(void)
{
	static const char text[] =
		"Idrottsförvaltningens plan 2023\n\n"
		"3 Stadsdelarnas geografiska och tematiska prioriteringar\n\n"
		"3.1 Farsta\n\n"
		"Fagersjö, Farsta Strand och Hökarängen är prioriterade områden.\n\n"
		"Stadsdelsnämnden arbetar utifrån två prioriterade teman\n\n"
		"Rörelse\n\nFler barn ska röra sig varje dag.\n\n"
		"Trygga parker.\n\nParkerna ska vara upplysta.\n\n"
		"4 Prioriterade åtgärder\n\n4.1 Farsta\n\n"
		"Rörelse\n\nSpontanidrott erbjuds på helger. Ledare anställs.\n\n"
		"Nya löpspår byggs\n\n"
		"5 Genomförande\n\n5.1 Farsta\n\n"
		"I det lokala utvecklingsprogrammet har stadsdelsnämnden intentioner att samverka med:\n\n"
		"Idrottsförvaltningen, polisen, idrottsföreningar samt Fastpartner.\n";
	struct lup_doc *d = parse(text);
	const struct lup_item *a, *p, *m;

	T_CHECK(d != NULL);
	if (!d)
		return;
	T_CHECK(every_line_owned(d));
	T_EQ_STR(d->title, "Idrottsförvaltningens plan 2023");
	T_EQ_INT(d->year, 2023);
	T_CHECK(d->norgs >= 1 && strcmp(d->orgs[0], "Idrottsförvaltningen") == 0);
	T_EQ_INT(d->nblocks, 3);
	T_EQ_INT(count(d, LI_DISTRICT), 3);
	T_EQ_INT(count(d, LI_THEME), 2);	/* "Trygga parker." is a short theme with a full stop */
	T_EQ_INT(count(d, LI_COUNT), 1);
	T_EQ_INT(count(d, LI_MEASURE), 2);
	T_EQ_INT(count(d, LI_THEME_REF), 1);
	a = find(d, LI_AREAS);
	T_CHECK(a && a->nnames == 3 && strcmp(a->names[1], "Farsta Strand") == 0);
	p = find(d, LI_PARTNERS);
	T_CHECK(p && p->nnames == 4 && strcmp(p->names[3], "Fastpartner") == 0);
	m = find(d, LI_MEASURE);
	T_CHECK(m && strcmp(m->text, "Spontanidrott erbjuds på helger.") == 0 && m->theme >= 0);
}

static void test_parse_wrapped_activities(void)
{
	static const char text[] =
		" 3 Förvaltningens planerade aktiviteter \n\n \n\n"
		"3.1 Skarpnäck \n\n"
		"Skarpnäcks stadsdelsförvaltning har identifierat ett övergripande \n\n"
		"tematiskt område. Unga och fritid. \n\n \n\n"
		"Unga och fritid \n\n \n\n"
		"Sommarläger \n\n"
		"Stadsdelen ordnar läger för unga under \n\n"
		"sommaren. Förvaltningens roll är att processleda arbetet. \n\n \n\n"
		"Läxhjälp i biblioteket \n\n"
		"Biblioteken erbjuder läxhjälp två kvällar i veckan. \n\n"
		"Förvaltningen deltar i arbetet. \n\n \n\n"
		"Uppdraget följs upp av förvaltningen under \n\n"
		"hösten. \n";
	struct lup_doc *d = parse(text);
	const struct lup_item *it;

	T_CHECK(d != NULL);
	if (!d)
		return;
	T_CHECK(d->dspaced && d->wrapped);
	T_CHECK(every_line_owned(d));
	T_EQ_INT(count(d, LI_THEME_LIST), 1);
	T_EQ_INT(count(d, LI_THEME_REF), 1);
	T_EQ_INT(count(d, LI_ACTIVITY), 2);	/* the last paragraph continues the second */
	it = find(d, LI_ACTIVITY);
	T_CHECK(it && strcmp(it->text, "Sommarläger") == 0 && it->body &&
		strstr(it->body, "under sommaren") != NULL);
}

static void test_parse_ocr_lup(void)
{
	static const char text[] =
		" 1.Inledning\n\nProgrammet beskriver stadsdelen.\n\n"
		"1. Alla ska ha en god start i livet\noch en trygg uppvixt\n\n"
		"3. Resurser till dem som behover dem\n\n"
		"2.Nulagesanalys\n\nOmradet har manga unga. Det som inte\n\n"
		"Lokalt utvecklingsprogram for Farsta stadsdelsnamndsomrade\n3 (9)\n\n"
		"fungerar ska forbdttras.\n\n"
		"3.Geografiskaltematiska priori-\nteringar\n\n"
		"Unga och fritid\nFler unga ska ha en fritid.\n\n"
		"Prioriterade geografiska omraden\nFor ndmnden dr samtliga stadsdelar i stadsdels-\n"
		"omradet prioriterade.\n\n"
		"5.Prioriterade atgarder\n\nFlera atgarder finns.\n\n"
		"Etablering av ett kulturhus\n\nHuset samlar verksamheter.\n\n"
		"Etablering av vandringar inom stadsdelsforvalt-\nningen\n\nVarje manad.\n";
	struct lup_doc *d = parse(text);
	const struct lup_item *a;

	T_CHECK(d != NULL);
	if (!d)
		return;
	T_CHECK(every_line_owned(d));
	T_CHECK(d->is_lup);
	T_EQ_INT(d->nsecs, 4);	/* 1, 2, 3, 5: the numbered list in 1 is no heading */
	T_EQ_STR(d->secs[2].title, "Geografiska/tematiska prioriteringar");
	T_EQ_STR(d->secs[2].written, "Geografiskaltematiska prioriteringar");
	T_CHECK(strstr(d->secs[1].body, "Det som inte\nfungerar") != NULL);	/* header left out */
	T_EQ_INT(count(d, LI_THEME), 1);
	a = find(d, LI_AREAS);
	T_CHECK(a && a->n == 1 && a->nnames == 0);	/* "samtliga stadsdelar" */
	T_EQ_INT(count(d, LI_MEASURE), 2);
	T_CHECK(d->items[d->owner[d->nlines - 2]].kind == LI_MEASURE);
	T_CHECK(d->nhints >= 1 && strstr(d->hints[0], "Farsta") != NULL);	/* the running header */
}

static void test_parse_nothing(void)
{
	struct lup_doc *d = parse("Bara text.\nInga rubriker här.\n");

	T_CHECK(d && d->nblocks == 0 && d->nsecs == 0 && every_line_owned(d));
	d = parse("");
	T_CHECK(d && d->nlines == 0 && d->nitems == 0);
}

int main(void)
{
	T_RUN(test_fold);
	T_RUN(test_similar);
	T_RUN(test_token_score);
	T_RUN(test_words_and_numbers);
	T_RUN(test_vocabularies);
	T_RUN(test_parse_plan);
	T_RUN(test_parse_wrapped_activities);
	T_RUN(test_parse_ocr_lup);
	T_RUN(test_parse_nothing);
	arena_release(&A);
	return t_done();
}
