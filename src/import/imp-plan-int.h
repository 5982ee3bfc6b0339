/* imp-plan-int.h: what the files of the 'plan' parser share (private to src/import/imp-plan*). */
#ifndef LUP_IMP_PLAN_INT_H
#define LUP_IMP_PLAN_INT_H

#include "core/buf.h"
#include "import/imp-plan.h"

/* The parser's state. */
struct pp {
	struct imp_ctx *c;
	const struct imp_text *t;
	struct imp_plan_doc *d;
	int trail_sp;	/* the text ends lines with a space, except where a word goes on */
	int goal;	/* index of the goal that tables attach to, -1 before the first */
	int im, vo, nm;	/* the latest inriktningsmål, verksamhetsområdesmål, nämndmål, or -1 */
	unsigned char *kinds;	/* enum pp_kind of each line, worked out once */
	int has_kf;	/* the indicator table being read has a KF:s årsmål column */
	int loose;	/* indicators and activities read before any goal */
	int vo_prev;	/* the verksamhetsområdesmål before p->vo, for the numbering check, or -1 */
	int kf_text;	/* the KF goal whose heading was the last structure read (its text follows), or -1 */
};

/* What a line is, from its own text. */
enum pp_kind {
	PK_EMPTY,	/* no characters at all */
	PK_BLANK,	/* only whitespace */
	PK_FURNITURE,	/* page header or footer: "Tjänsteutlåtande", "Sid 20 (95)", "start.stockholm" */
	PK_IM,		/* "KF:s inriktningsmål: 1. ..." */
	PK_VO,		/* "KF:s mål för verksamhetsområdet: 1.2. ..." */
	PK_NM,		/* "Nämndmål: ..." */
	PK_DESC,	/* "Beskrivning" */
	PK_RESULTS,	/* "Förväntat resultat" */
	PK_IND_HEAD,	/* "Indikator Årsmål KF:s årsmål Periodicitet" */
	PK_ACT_HEAD,	/* "Aktivitet Startdatum Slutdatum" */
	PK_TEXT		/* anything else */
};

/* A word of a table row, wrapped words glued back ("nämnd/styrel" + "se"). */
struct pp_tok {
	char *s;	/* NUL-terminated, in the arena */
	int line;	/* index into t->lines */
	int bol;	/* first word on its line */
	int sp2;	/* two or more spaces before it on its line (an empty cell between) */
};

#define PP_MAX_TOKENS 4096	/* words of one table row; more make the row unreadable */

struct pp_toks {
	struct pp_tok *v;
	int n, cap;
	int over;	/* words were dropped for passing PP_MAX_TOKENS */
};

/* A money table header found by imp_plan_money_at. */
struct pp_money_head {
	int from;	/* first line of the table (its name, else its header) */
	int next;	/* the line after the header */
	int ncols;
	const char *name;
	const char *cols[IMP_PLAN_MAX_COLS];
};

/* --- imp-plan-text.c: lines, words and text ------------------------------------------- */

/* imp_plan_kind: what line s is. */
enum pp_kind imp_plan_kind(const char *s);

/*
 * imp_plan_heading: reads goal heading s of kind k (PK_IM or PK_VO): *n (and *m for PK_VO) its number,
 * *title the start of its title. Returns 1, or 0 when s is not such a heading.
 */
int imp_plan_heading(const char *s, enum pp_kind k, int *n, int *m, const char **title);

/* imp_plan_kind_at: what line i of the text is (from p->kinds). */
enum pp_kind imp_plan_kind_at(const struct pp *p, int i);

/* imp_plan_structural: 1 when k ends a block of text or a table (a heading, label or table header). */
int imp_plan_structural(enum pp_kind k);

/* imp_plan_ws: the length of the whitespace character at s (ASCII or a Unicode space), else 0. */
size_t imp_plan_ws(const char *s);

/* imp_plan_match: the end of pattern pat at the start of s, where a space in pat stands for a
 * run of one or more whitespace characters (imp_plan_ws) in s; NULL when s does not start so. */
const char *imp_plan_match(const char *s, const char *pat);

/* imp_plan_nm_title: the start of the title of nämndmål heading s ("Nämndmål : Titel"), or NULL
 * when s is not one. */
const char *imp_plan_nm_title(const char *s);

/* imp_plan_near_heading: 1 when s, with all whitespace removed and ASCII letters folded, starts
 * like a KF goal heading followed by ':', a digit or nothing ("kf:smålförverksamhetsområdet:1"): a
 * heading meant, which imp_plan_kind may not have read (a number it cannot read, or none). */
int imp_plan_near_heading(const char *s);

/* imp_plan_trim: [*b, *e) is s without surrounding whitespace. */
void imp_plan_trim(const char *s, const char **b, const char **e);

/* imp_plan_glues: 1 when the word at the end of line s goes on at the start of the next line. */
int imp_plan_glues(const struct pp *p, const char *s);

/* imp_plan_tokens: appends the words of line li to out; *glue (in/out) says whether the previous
 * line's last word goes on in this line's first. */
void imp_plan_tokens(struct pp *p, int li, struct pp_toks *out, int *glue);

/* imp_plan_join: the words from..to-1 of tk joined by single spaces (arena), or NULL when from >= to. */
char *imp_plan_join(struct pp *p, const struct pp_toks *tk, int from, int to);

/* imp_plan_text_add: appends line s to text b (words joined by single spaces, wrapped words glued);
 * *glue carries the glue state between lines. */
void imp_plan_text_add(const struct pp *p, struct buf *b, const char *s, int *glue);

/* imp_plan_text_done: b's text in the arena (NULL when empty); releases b. */
char *imp_plan_text_done(struct pp *p, struct buf *b);

/* imp_plan_cut: the start of line s, at most 60 bytes cut at a character boundary (for traces). */
char *imp_plan_cut(struct pp *p, const char *s);

/* imp_plan_is_date: 1 when s is YYYY-MM-DD (digits and dashes only; the calendar is checked later). */
int imp_plan_is_date(const char *s);

/* imp_plan_detect: finds the organisation and year the document belongs to (into p->d). */
void imp_plan_detect(struct pp *p);

/* imp_plan_dedupe: name with " (n)" appended (arena), to tell apart two tables or columns named alike. */
char *imp_plan_dedupe(struct pp *p, const char *name, int n);

/* imp_plan_grow: makes room for one more element in an arena array; LUP_OK, or LUP_EINVAL naming
 * line when n reaches IMP_PLAN_MAX_ITEMS. */
int imp_plan_grow(struct pp *p, void **v, int n, int *cap, size_t size, int line, const char *what);

/* --- imp-plan-tables.c: the tables ------------------------------------------------------ */

/* imp_plan_ind_table: reads the indicator table whose header is line i; *next is the first line after. */
int imp_plan_ind_table(struct pp *p, int i, int *next);

/* imp_plan_act_table: reads the activity table whose header is line i; *next as above. */
int imp_plan_act_table(struct pp *p, int i, int *next);

/* imp_plan_money_at: 1 when a money table's header starts at line i (its name may take lines back to
 * lo), with h filled; 0 otherwise. */
int imp_plan_money_at(struct pp *p, int i, int lo, struct pp_money_head *h);

/* imp_plan_money_table: reads the money table h (found by imp_plan_money_at); *next as above. */
int imp_plan_money_table(struct pp *p, const struct pp_money_head *h, int *next);

/* --- imp-plan-bodies.c: the bodies of a KF assignment ---------------------------------------- */

/* imp_plan_bodies: fills a->bodies from its title when it reads "<bodies> ska [connector <bodies>]..."
 * (none otherwise). LUP_OK, or LUP_EINVAL for too many. */
int imp_plan_bodies(struct pp *p, struct imp_plan_activity *a);

#endif
