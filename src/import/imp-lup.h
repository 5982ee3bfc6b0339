/* imp-lup.h: the 'lup' importer (`lup import lup FILE`): its document model, the parser that
 * fills it from text (no database), and the text helpers both the parser and the writer use.
 *
 * The importer reads an LUP (a district's lokalt utvecklingsprogram with the 7 sections of the
 * template) or a specialist committee's LUP plan (per district: themes, prioritised areas,
 * measures, intended partners, planned activities) as text extracted from PDF or OCR. The
 * parser turns the text into a flat list of items in document order. Every line of the input
 * belongs to exactly one item (doc->owner), so that the dry run can account for every line.
 * imp-lup.c writes the items (imp_lup_apply) and reports them.
 */
#ifndef LUP_IMP_LUP_H
#define LUP_IMP_LUP_H

#include "import/import.h"

#include <stdint.h>

/* Limits on what one document may hold (larger inputs are refused with LUP_ETOOBIG). */
#define LUP_MAX_ITEMS 100000	/* items of one document */
#define LUP_MAX_BLOCKS 1000	/* district blocks */
#define LUP_MAX_NAMES 500	/* names in one list (partners, areas, theme names) */
#define LUP_MAX_HEADINGS 5000	/* numbered headings */

/* What a section or a district block holds, from its heading. */
enum lup_kind {
	LUP_K_PROSE,		/* running text only */
	LUP_K_THEMES,		/* geografiska och tematiska prioriteringar */
	LUP_K_MEASURES,		/* prioriterade åtgärder */
	LUP_K_PARTNERS,		/* genomförande: intended partners */
	LUP_K_ACTIVITIES,	/* planerade aktiviteter of the contributing organisation */
};

/* What a run of lines became. */
enum lup_item_kind {
	LI_SKIP,		/* nothing: text = the reason (blank, page number, ...) */
	LI_TITLE,		/* the document's title */
	LI_HEADING,		/* a heading that is not a district (section, subheading) */
	LI_SECTION,		/* the heading of one of the 7 LUP template sections */
	LI_DISTRICT,		/* a numbered subsection naming a district */
	LI_PROSE,		/* running text (kept in a section body when the document is an LUP) */
	LI_COUNT,		/* "arbetar utifrån tre prioriterade teman": n = 3 */
	LI_AREAS,		/* prioritised areas: names; n = 1 when every neighbourhood */
	LI_THEME,		/* a theme defined here: text = name, body = description */
	LI_THEME_REF,		/* a heading naming a theme: ref = its LI_THEME item or -1 */
	LI_THEME_NAMES,		/* a list of theme names (e.g. the names reported earlier) */
	LI_THEME_LIST,		/* an introduction naming the district's themes */
	LI_EXTRA,		/* priorities outside the themes ("Utöver dessa ...") */
	LI_MEASURE,		/* a prioritised measure: text = title, body = description */
	LI_PARTNER_INTRO,	/* "... intentioner att samverka med:" */
	LI_PARTNER_GROUP,	/* a group heading of a partner list ("Facknämnder") */
	LI_PARTNERS,		/* a partner list: names, grp */
	LI_ACTIVITY,		/* a planned activity: text = title, body = description */
	LI__MAX
};

/* One item: a run of lines and what it is. Strings live in the import's arena. */
struct lup_item {
	enum lup_item_kind kind;
	int first, last;	/* 1-based line range it covers (its lines may be interleaved with
				 * skipped lines: doc->owner is exact) */
	int block;		/* its district block (index in doc->blocks), or -1 */
	int theme;		/* LI_MEASURE, LI_ACTIVITY: the item of its theme heading, or -1 */
	int ref;		/* LI_THEME_REF: the LI_THEME item it names, or -1 */
	int n;			/* LI_COUNT: the count; LI_AREAS: 1 = every neighbourhood */
	int sec;		/* the LUP template section it lies in (index in doc->secs), or -1 */
	const char *grp;	/* LI_PARTNERS, LI_PARTNER_GROUP: plan_partner group, or NULL */
	const char *text;	/* name, title, heading or skip reason (as written) */
	const char *body;	/* description as written, or NULL */
	const char **names;	/* LI_AREAS, LI_PARTNERS, LI_THEME_NAMES */
	int nnames;
	/* filled when the item is written (imp-lup.c) */
	const char *what;	/* trace label */
	const char *detail;	/* trace detail */
	int64_t id;		/* LI_THEME, LI_THEME_REF: the theme's id */
};

/* A district block: a numbered subsection of a themes/measures/partners/activities section
 * ("3.1 Rinkeby-Kista"), or a whole section of an LUP (district NULL: the document's own). */
struct lup_block {
	enum lup_kind kind;
	const char *district;	/* the district as written, or NULL for the document's district */
	const char *num;	/* section number as written ("3.1", "5") for sources */
	int item;		/* its LI_DISTRICT item, or -1 */
	const char **segs;	/* pieces of the introductions that name the themes (LI_THEME_LIST) */
	int nsegs;
};

/* One of the 7 sections of an LUP (the template), with its text as written. */
struct lup_section {
	int ord;		/* 1..7 */
	const char *title;	/* the template's title when the heading matches it, else as written */
	const char *written;	/* the heading as written */
	const char *num;
	const char *body;	/* the section's lines, skipped lines left out */
	int item;		/* its LI_SECTION item */
};

/* A parsed document. */
struct lup_doc {
	int nlines;
	struct lup_item *items;
	int nitems, capitems;
	int *owner;		/* owner[i]: the item of line i + 1 */
	struct lup_block *blocks;
	int nblocks;
	struct lup_section *secs;
	int nsecs;
	int is_lup;		/* the numbered sections follow the LUP template */
	int tmpl_matches;	/* top sections numbered and titled as in the template (3 make an LUP) */
	const char *title;	/* the title line, or NULL */
	int year;		/* the year the title names, else the most frequent year, else 0 */
	const char **hints;	/* texts that may name the document's district (title, running
				 * headers, then the whole text) */
	int nhints;
	const char **orgs;	/* organisation names the title and headings suggest ("Socialförvaltningen") */
	int norgs;
	int dspaced;		/* every line is followed by a blank line; only lines of spaces
				 * separate paragraphs */
	int wrapped;		/* paragraphs are wrapped over several short lines */
};

/*
 * imp_lup_parse: parses t into d (memory in c->a; c->st is not used). Returns LUP_OK (also for
 * text with no LUP structure: d then has no district blocks and no sections), or LUP_ETOOBIG
 * naming the line when a limit above is passed.
 */
int imp_lup_parse(struct imp_ctx *c, const struct imp_text *t, struct lup_doc *d);

/* imp_lup_kind_name: a short English name of an item kind ("theme", "measure", ...). */
const char *imp_lup_kind_name(enum lup_item_kind k);

/* --- text helpers (imp-lup-text.c); all strings are UTF-8, results live in a ------------ */

/* imp_lup_fold: s lowercased with å/ä/à... -> a, ö/ø... -> o, é... -> e (and so on), every
 * other character but letters, digits, '#' and '&' (OCR stand-ins) turned into one space,
 * trimmed. For tolerant comparison only. */
char *imp_lup_fold(struct arena *a, const char *s);

/* imp_lup_similar: 1 when folded strings fa and fb are equal, or (both at least 6 long)
 * differ by at most 15 % in an edit distance where the OCR confusions of 004 (ä -> d, #, 4,
 * é; ö -> 6; i -> 1 ...) count half. */
int imp_lup_similar(const char *fa, const char *fb);

/* imp_lup_token_score: how well two names match word by word, ignoring small words and
 * inflection ("Demokrati och insyn" ~ "Demokrati och ökad insyn"): every word of the name
 * with fewer words must match a word of the other; the score is the share of the longer
 * name's words matched (0 when not every word matched). */
double imp_lup_token_score(struct arena *a, const char *x, const char *y);

/* imp_lup_number: the number a Swedish number word or digits stand for ("tre" -> 3), or -1. */
int imp_lup_number(const char *fold_word);

/* imp_lup_upper_first / imp_lup_lower_first: whether s starts with an upper / lower case
 * letter (ASCII or Latin-1 letters in UTF-8). */
int imp_lup_upper_first(const char *s);
int imp_lup_lower_first(const char *s);

/* imp_lup_words: the number of space-separated words in s. */
int imp_lup_words(const char *s);

/* imp_lup_first_sentence: the first sentence of s (up to ". " before an upper case letter),
 * cut at a word boundary to at most max bytes with "…" added when cut. */
char *imp_lup_first_sentence(struct arena *a, const char *s, size_t max);

/* imp_lup_template_ord: 1..7 when title is (tolerantly) a title of the LUP template, else 0.
 * imp_lup_template[ord] is the template's title. */
int imp_lup_template_ord(struct arena *a, const char *title);
extern const char *const imp_lup_template[8];

/* imp_lup_group_heading: the plan_partner group a partner-list heading names ("Facknämnder"
 * -> "specialist", OCR-tolerant), or NULL when line is not such a heading. */
const char *imp_lup_group_heading(struct arena *a, const char *line);

/* imp_lup_group_guess: the plan_partner group of a partner written as label, guessed from its
 * words ("Idrottsföreningar" -> "civil_society"); "other" when nothing fits. */
const char *imp_lup_group_guess(struct arena *a, const char *label);

/* imp_lup_group_of_kind: the plan_partner group of an organisation kind. */
const char *imp_lup_group_of_kind(const char *org_kind);

/* imp_lup_role: the contributing organisation's role in an activity's text, from the verbs
 * of the sentences that name the organisation (org_fold: its folded name) — "processleda" ->
 * process_lead, "nav" -> hub, "bistå" -> assist, "processtöd" -> support, "delta" ->
 * participate, ... — or NULL when the text says nothing about it. */
const char *imp_lup_role(struct arena *a, const char *text, const char *org_fold);

/* imp_lup_status: an activity's status from its wording ("Inväntar" -> waiting, "pågår" ->
 * ongoing), "planned" by default. */
const char *imp_lup_status(struct arena *a, const char *text);

#endif
