/* imp-commission.h: the 'commission' importer (the administrations' responses to the measures
 * of the Commission for a socially sustainable Stockholm, the layout of seed 002).
 *
 * Parsing (imp_commission_parse: text -> struct cm_doc in the import's arena, no database) is
 * kept apart from applying (imp-commission.c: struct cm_doc -> imp_write calls), so that the
 * parser can be fuzzed and unit-tested alone. docs/import-commission.md describes the layout,
 * the rules and the keys.
 */
#ifndef LUP_IMP_COMMISSION_H
#define LUP_IMP_COMMISSION_H

#include <stddef.h>

#include "import/import.h"

/* Caps on what one document may hold (a larger document fails with file:line). */
#define CM_MAX_ADMINS 1000
#define CM_MAX_REPORTS 100
#define CM_MAX_RECS 5000
#define CM_MAX_MEASURES 5000
#define CM_MAX_RESPONSES 50000
#define CM_MAX_PARTS 1000		/* labelled parts of one response */
#define CM_MAX_REFS 1000		/* measures one response cites */
#define CM_NUM_MAX 12			/* "12.34.56" and its NUL */

/* The group an administration is listed under. */
enum cm_grp { CM_GRP_NONE, CM_GRP_SPECIALIST, CM_GRP_DISTRICT };

/* A stance, in rising order of reservation: when a text holds phrases of several stances the
 * highest wins (a reservation outweighs agreement). */
enum cm_stance { CM_NONE, CM_POSITIVE, CM_AGREE, CM_HESITANT, CM_DISAGREE, CM_STANCE__MAX };

/* A commission report with the spellings the document uses for it. */
struct cm_report {
	const char *key;	/* slug of the canonical title */
	const char *title;	/* canonical title */
	int known;		/* 0, or 1 + its index among the reports lup knows (imp-commission-text.c) */
	int line;		/* first line naming it */
	const char **alias;	/* spellings as written (cleaned), without duplicates */
	int nalias, capalias;
};

/* A recommendation ("1. Få fler ...", "6.2 Minska ..."), numbered within its report. */
struct cm_rec {
	int report;			/* index in doc.report */
	char number[CM_NUM_MAX];	/* "1", "6.2" */
	const char *text;
	int line, last;		/* the lines of its heading */
};

/* A measure ("1.1 Åtgärd: ...", "6.2.1 ..."), keyed by (report, number). */
struct cm_measure {
	int report;
	char number[CM_NUM_MAX];
	const char *title;	/* NULL when only cited */
	int rank;		/* of the title: 2 "Åtgärd:" heading, 1 bare heading, 0 none */
	int line;
	int rec;		/* index in doc.rec of its recommendation, or -1 */
};

/* A labelled part of a response ("Kommentar", "Svar", ...; "Text" when unlabelled). */
struct cm_part {
	const char *label;
	const char *text;
	int line, last;		/* its first and last line */
};

/* An administration's response to one measure. */
struct cm_response {
	int admin, measure;	/* indices in doc.admin and doc.measure */
	int line;		/* first line of it */
	int last;		/* last line of it (of its parts; >= line) */
	int at_end;		/* the document ends in it (see enum cm_end) */
	struct cm_part *part;
	int npart, cappart;
	int *ref;		/* other measures its text cites (indices in doc.measure) */
	int nref, capref;
	enum cm_stance stance;
	const char *phrase;	/* the words that decided the stance, as written; NULL for none */
};

/* An administration's section. */
struct cm_admin {
	const char *heading;	/* as written */
	enum cm_grp grp;	/* the group heading above it (NONE: none seen) */
	int line;
	int no_response;	/* "Skrivelse saknas" / "Skrivning saknas" */
	const char *marker;	/* that line as written */
	const char *statement;	/* its text not tied to a measure, or NULL */
	enum cm_stance stance;	/* of the statement */
	const char *phrase;
	int *report;		/* reports its section names (indices in doc.report) */
	int nreport, capreport;
};

struct cm_map;

/* How a document ends (docs/import-commission.md, "A document that ends early"). */
enum cm_end {
	CM_END_EMPTY,		/* no line of text */
	CM_END_COMPLETE,	/* a sentence end, or a no-response marker */
	CM_END_HEADING,		/* a heading with nothing under it (administration, report, ...) */
	CM_END_NO_ANSWER,	/* a measure heading or a part's label with no text after it */
	CM_END_MID_SENTENCE,	/* text that ends no sentence */
};

/* A parsed document. Every pointer lives in the import's arena. */
struct cm_doc {
	struct cm_admin *admin;
	int nadmin, capadmin;
	struct cm_report *report;
	int nreport, capreport;
	struct cm_rec *rec;
	int nrec, caprec;
	struct cm_measure *measure;
	int nmeasure, capmeasure;
	struct cm_response *resp;
	int nresp, capresp;
	struct cm_map *mmap;	/* (report, number) -> measure */
	struct cm_map *rmap;	/* (admin, measure) -> response */
	enum cm_end end;	/* how it ends */
	int end_line;		/* its last line of text (0: none) */
	int end_admin;		/* the administration it ends in, or -1 */
	const char *end_what;	/* CM_END_HEADING, CM_END_NO_ANSWER: the heading or label */
};

/*
 * imp_commission_parse: reads the lines of t (a document in the layout of seed 002) into d,
 * allocating from c->a; c->st is not used. Warnings and the trace go to c (c->r must be set).
 * Returns LUP_OK, or LUP_EINVAL / LUP_ETOOBIG with c->e naming path:line and what was expected
 * (a measure before any report, a document without administrations, a cap passed).
 */
int imp_commission_parse(struct imp_ctx *c, const struct imp_text *t, struct cm_doc *d);

/* imp_commission_stance_name: "agree", "positive", "hesitant", "disagree" or "none". */
const char *imp_commission_stance_name(enum cm_stance s);

/*
 * imp_commission_stance: classifies text by the rule table of Swedish phrases (see
 * docs/import-commission.md). *at and *len (may be NULL) receive the span of the phrase that
 * decided it (0, 0 for CM_NONE). text may be NULL (CM_NONE).
 */
enum cm_stance imp_commission_stance(const char *text, size_t *at, size_t *len);

/*
 * imp_commission_known_report: the index (>= 0) of the known commission report that text
 * names (the first name found in it), or -1. *title and *at (may be NULL) receive its
 * canonical title and the byte offset of the name found in text.
 */
int imp_commission_known_report(const char *text, const char **title, size_t *at);

/* imp_commission_known_title: the canonical title of known report k, or NULL. */
const char *imp_commission_known_title(int k);

/* A known report named in running text. */
struct cm_mention {
	int known;		/* index among the known reports */
	size_t at;		/* offset of the name in the text */
};

/*
 * imp_commission_mentions: finds every name of a known report in s[0..n), in text order.
 * Writes at most max into out; returns how many were found (may exceed max).
 */
int imp_commission_mentions(const char *s, size_t n, struct cm_mention *out, int max);

/*
 * imp_commission_slug: writes the key of text into out (at most n bytes with the NUL):
 * lowercase a-z and 0-9, å ä -> a, ö -> o, é -> e, other runs -> '-', cut at a '-' to fit.
 * Returns the length (0 when text has no letter or digit).
 */
size_t imp_commission_slug(const char *text, char *out, size_t n);

/*
 * imp_commission_casefold: a lowercase copy of s[0..n) of the same byte length (ASCII and
 * Å Ä Ö É Ü; other bytes unchanged), so that offsets in it are offsets in s. Caller frees.
 */
char *imp_commission_casefold(const char *s, size_t n);

/*
 * imp_commission_sentence_end: the offset just past the first sentence end in s[from..n):
 * '.', '!' or '?' followed by white space and then an uppercase letter, a digit, a quote or a
 * bullet, or by the end of s; abbreviations (t.ex., bl.a., m.m. ...) do not end a sentence.
 * Returns n when there is none.
 */
size_t imp_commission_sentence_end(const char *s, size_t n, size_t from);

/* A measure number cited in running text, "(4.1.1)", "åtgärd 6.2.1", "4.2.1 - 4.2.2". */
struct cm_cite {
	char number[CM_NUM_MAX];
	size_t at;		/* offset of the number in the text */
};

/*
 * imp_commission_cites: finds the measure numbers cited in s[0..n): three-level numbers
 * anywhere, two-level ones after "åtgärd"; a range "a - b" of one recommendation gives every
 * number from a to b. Writes at most max into out; returns how many were found (may exceed
 * max: only max are written).
 */
int imp_commission_cites(const char *s, size_t n, struct cm_cite *out, int max);

#endif
