/* imp-plan-tables.c: the 'plan' parser's tables: indicators (Indikator, Årsmål, KF:s årsmål,
 * Periodicitet), activities (Aktivitet, Startdatum, Slutdatum) and money tables (mnkr).
 *
 * A table row may wrap over several lines and across a page break (page furniture and a
 * repeated table header are skipped inside it). An indicator row ends with its periodicity, an
 * activity row with its dates, a money row with one amount per column.
 */
#include "import/imp-plan-int.h"
#include "model/target.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_IND_LINES 12	/* lines of one indicator row */
#define MAX_ACT_LINES 10	/* lines of one activity row */
#define MAX_ROW_LINES 12	/* the larger of the two */
#define MAX_CELL_WORDS 8	/* words of a target cell from its start to the row's end */
#define MAX_UNIT_WORDS 3	/* unit words after a target value on the value's own line */
#define MAX_LABEL_LINES 4	/* lines of a money row's label */
#define MAX_LABEL_BYTES 48	/* a longer line is running text, not a money row label */
#define MAX_NAME_LINES 5	/* lines of a money table's name */
#define MAX_HEAD_BYTES 80	/* the first line of a money table header at most */
#define MONEY_LOOKAHEAD 20	/* lines with text from a money header to its first row */

/* periodicity words and their machine names */
static const struct { const char *word, *name; } periodicities[] = {
	{ "Tertial", "tertial" }, { "Tertialvis", "tertial" }, { "År", "year" }, { "Årsvis", "year" },
	{ "Helår", "year" }, { "Månad", "month" }, { "Månadsvis", "month" }, { "Kvartal", "quarter" },
	{ "Kvartalsvis", "quarter" },
};

/* words that may stand before a target value in its cell */
static const char *const value_prefixes[] = {
	"Max", "max", "Min", "min", "Minst", "minst", "Högst", "högst", "Lägst", "lägst", "ca", "Ca",
	"cirka", "Cirka", "+/-", "+/\xE2\x88\x92", "\xC2\xB1", "<", ">", "<=", ">=", "\xE2\x89\xA4", "\xE2\x89\xA5",
	NULL
};

/* signs a number may start with */
static const char *const signs[] = {
	"+/-", "+/\xE2\x88\x92", "\xC2\xB1", "+", "-", "\xE2\x88\x92", "\xE2\x80\x93", NULL
};

/* target cells that are a direction */
static const char *const direction_words[] = {
	"öka", "Öka", "ökning", "Ökning", "ökad", "Ökad", "minska", "Minska", "minskning", "Minskning",
	"minskad", "Minskad", NULL
};

/* money table headers start with one of these words */
static const char *const money_words[] = {
	"Budget", "Bokslut", "Prognos", "Utfall", "BUDGET", "BOKSLUT", "PROGNOS", "UTFALL", NULL
};

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* s after a sign, or s */
static const char *skip_sign(const char *s)
{
	for (const char *const *g = signs; *g; g++)
		if (strncmp(s, *g, strlen(*g)) == 0)
			return s + strlen(*g);
	return s;
}

/* a target value word: [sign] digits [,digits] [%] ("4,6", "+/-1", "100%") */
static int is_num(const char *s)
{
	s = skip_sign(s);
	if (!is_digit(*s))
		return 0;
	while (is_digit(*s) || ((*s == ',' || *s == '.') && is_digit(s[1])))
		s++;
	if (*s == '%')
		s++;
	return *s == '\0';
}

/* exactly three digits, then optionally a decimal part: a thousands group ("000", "189,6") */
static int is_group(const char *s, int need_decimals)
{
	if (!is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]))
		return 0;
	if (s[3] == '\0')
		return !need_decimals;
	if (s[3] != ',' && s[3] != '.')
		return 0;
	for (s += 4; is_digit(*s); s++)
		;
	return *s == '\0' && s[-1] != ',' && s[-1] != '.';
}

/* one to three digits, optionally after a minus: the head of a grouped number ("1", "-12") */
static int is_head(const char *s)
{
	int n = 0;

	if (*s == '-')
		s++;
	while (is_digit(s[n]))
		n++;
	return n >= 1 && n <= 3 && s[n] == '\0';
}

static const char *periodicity(const char *w)
{
	for (size_t i = 0; i < sizeof(periodicities) / sizeof(periodicities[0]); i++)
		if (strcmp(w, periodicities[i].word) == 0)
			return periodicities[i].name;
	return NULL;
}

/* the words of lines li[0..n-1], wrapped words glued */
static void row_tokens(struct pp *p, const int *li, int n, struct pp_toks *tk)
{
	int glue = 0;

	memset(tk, 0, sizeof(*tk));
	for (int i = 0; i < n; i++)
		imp_plan_tokens(p, li[i], tk, &glue);
}

/* the last word of line s (in the arena), or NULL */
static char *last_word(struct pp *p, const char *s)
{
	const char *b, *e, *w;

	imp_plan_trim(s, &b, &e);
	if (b == e)
		return NULL;
	for (w = e; w > b && !imp_plan_ws(w - 1); w--)
		;
	return arena_strndup(p->c->a, w, (size_t)(e - w));
}

/* --- indicator rows ---------------------------------------------------------------------- */

/* the start of a grouped value whose last word is k ("1 000 st"), with a prefix word ("Max 10") */
static int value_back(const struct pp_toks *tk, int lo, int k, int *grouped)
{
	const struct pp_tok *v = tk->v;

	*grouped = 0;
	while (k - 1 >= lo && v[k - 1].line == v[k].line && is_group(v[k].s, 0) && is_head(v[k - 1].s)) {
		k--;
		*grouped = 1;
	}
	if (k - 1 >= lo && v[k - 1].line == v[k].line && in_list(v[k - 1].s, value_prefixes))
		k--;
	return k;
}

/* 1 when words k, k+1, k+2 are "Tas fram av" */
static int is_tas(const struct pp_toks *tk, int k, int hi)
{
	return k + 2 < hi && strcasecmp(tk->v[k].s, "Tas") == 0 && strcmp(tk->v[k + 1].s, "fram") == 0 &&
	       strcmp(tk->v[k + 2].s, "av") == 0;
}

/* the first word of the target cell that ends at word hi - 1, looking no further left than lo;
 * -1 when there is none. *single is the value's last word (for an ungrouped retry). */
static int cell_start(const struct pp_toks *tk, int lo, int hi, int *single, int *grouped)
{
	*single = -1;
	*grouped = 0;
	for (int k = hi - 1; k >= lo && k >= hi - MAX_CELL_WORDS; k--) {
		const char *s = tk->v[k].s;
		if (is_tas(tk, k, hi))
			return k;
		if (k == hi - 1 && in_list(s, direction_words))
			return k;
		if (is_num(s)) {
			int same = 0;
			for (int j = k + 1; j < hi && tk->v[j].line == tk->v[k].line; j++)
				same++;
			if (same > MAX_UNIT_WORDS)
				return -1;
			*single = k;
			return value_back(tk, lo, k, grouped);
		}
	}
	return -1;
}

/* the start of the Årsmål cell among the words of line `line` before word hi, or -1 */
static int own_cell(const struct pp_toks *tk, int line, int hi)
{
	int lo = hi, single, grouped;

	while (lo > 0 && tk->v[lo - 1].line == line)
		lo--;
	return lo < hi ? cell_start(tk, lo, hi, &single, &grouped) : -1;
}

/* where the cells of an indicator row lie among its words */
struct ind_cells {
	int name_e;		/* the name is words [0, name_e) */
	int own_b, own_e;	/* Årsmål; own_b -1 when empty */
	int kf_b, kf_e;		/* KF:s årsmål; kf_b -1 when empty */
};

/* What a word of a target written in words is (a value the importer cannot compute, which
 * must still become the target's text and never the indicator's name). */
enum wv_class {
	WV_NONE,	/* not a word of a value */
	WV_PRE,		/* a qualifier that starts a value: "ungefär", "minst" */
	WV_NUMW,	/* a number in words: "fyra", "tusen", "hälften" */
	WV_UNIT,	/* a unit: "procent", "st" */
	WV_MARK,	/* a value of its own: "n/a", "saknas", "-" */
	WV_JOIN,	/* a word between two numbers: "en och en halv", "tre till fyra" */
};

static const char *const wv_pre[] = {
	"ungefär", "cirka", "ca", "ca.", "c:a", "omkring", "runt", "drygt", "knappt", "minst", "högst",
	"max", "min", "lägst", "över", "under", "mer", "mindre", "än", "upp", "mellan", "kring", NULL
};
static const char *const wv_numw[] = {
	"noll", "en", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
	"tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo",
	"trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio", "hundra", "etthundra",
	"tusen", "etttusen", "miljon", "miljoner", "halv", "halva", "halvt", "hälften", "tredjedel",
	"fjärdedel", "dubbelt", "dubbla", NULL
};
static const char *const wv_unit[] = {
	"%", "procent", "procentenheter", "procentenhet", "st", "st.", "stycken", "kr", "kronor", "tkr",
	"mnkr", "personer", "dagar", "veckor", "månader", "timmar", "gånger", "platser", NULL
};
static const char *const wv_join[] = { "och", "eller", "till", "à", "av", NULL };
static const char *const wv_mark[] = {
	"n/a", "na", "n.a.", "-", "\xE2\x80\x93", "\xE2\x80\x94", "saknas", "ej", "inget", "ingen", "x", "?",
	"tbd", "okänt", "aktuellt", "tillämpligt", "fastställt", NULL
};

/* 1 when the n bytes at w are one or more number words run together ("trettiofem", "tvåhundra") */
static int numw_compound(const char *w, size_t n, int depth)
{
	if (n == 0)
		return 1;
	if (depth > 6)
		return 0;
	for (const char *const *x = wv_numw; *x; x++) {
		size_t k = strlen(*x);
		if (k <= n && memcmp(w, *x, k) == 0 && numw_compound(w + k, n - k, depth + 1))
			return 1;
	}
	return 0;
}

/* w in list, ignoring the case of its first letter (ASCII, Å, Ä, Ö) and ASCII case after; for the
 * number words also compounds of them */
static int in_list_fold(const char *w, const char *const *list)
{
	char low[64];
	size_t n = strlen(w);

	if (n == 0 || n >= sizeof(low))
		return 0;
	memcpy(low, w, n + 1);
	for (size_t i = 0; i < n; i++)
		if (low[i] >= 'A' && low[i] <= 'Z')
			low[i] = (char)(low[i] - 'A' + 'a');
	if ((unsigned char)low[0] == 0xC3 && ((unsigned char)low[1] == 0x85 || (unsigned char)low[1] == 0x84 ||
					     (unsigned char)low[1] == 0x96))
		low[1] = (char)((unsigned char)low[1] + 0x20);
	if (list == wv_numw)
		return numw_compound(low, n, 0);
	for (; *list; list++)
		if (strcmp(low, *list) == 0)
			return 1;
	return 0;
}

static enum wv_class wv_class(const char *w)
{
	for (const char *c = w; *c; c++)
		if (is_digit(*c))
			return WV_NONE;	/* a number: the cells of numbers are found by cell_start */
	if (in_list_fold(w, wv_mark))
		return WV_MARK;
	if (in_list_fold(w, wv_numw))
		return WV_NUMW;
	if (in_list_fold(w, wv_unit))
		return WV_UNIT;
	if (in_list_fold(w, wv_pre))
		return WV_PRE;
	if (in_list_fold(w, wv_join))
		return WV_JOIN;
	return WV_NONE;
}

/* 1 when a word of class c starts a new value after a word of class prev */
static int wv_starts(enum wv_class prev, enum wv_class c)
{
	if (c == WV_MARK || prev == WV_MARK)
		return 1;
	if (c == WV_PRE)
		return prev != WV_PRE;
	return c == WV_NUMW && prev == WV_UNIT;
}

/* The value in words that ends at word hi - 1 (on that word's line): the start of its first word,
 * or -1 when the words there are no such value (it needs a number in words or a marker; a unit or
 * qualifier alone is none). A unit or joining word at its start belongs to what is before it. */
static int word_value(const struct pp_toks *tk, int lo, int hi)
{
	int k = hi, has = 0;

	if (hi <= lo)
		return -1;
	while (k - 1 >= lo && tk->v[k - 1].line == tk->v[hi - 1].line && wv_class(tk->v[k - 1].s) != WV_NONE) {
		enum wv_class c = wv_class(tk->v[k - 1].s);
		if (k < hi && wv_starts(c, wv_class(tk->v[k].s)))
			break;	/* the value starts at k */
		has |= c == WV_NUMW || c == WV_MARK;
		k--;
	}
	while (k < hi && (wv_class(tk->v[k].s) == WV_UNIT || wv_class(tk->v[k].s) == WV_JOIN))
		k++;
	return has && k < hi ? k : -1;
}

/* splits the words of an indicator row (the last word is its periodicity); -1 when it cannot.
 * A cell written in words ("ungefär fyra procent", "n/a") is a cell: its words never go to the name. */
static int split_ind(const struct pp_toks *tk, int has_kf, struct ind_cells *x)
{
	const struct pp_tok *v = tk->v;
	int end = tk->n - 1, single = -1, grouped = 0, w;

	x->own_b = x->kf_b = -1;
	x->kf_e = end;
	if (tk->n < 2 || tk->over)
		return -1;
	/* two spaces before the periodicity on its line: the KF:s årsmål cell is empty */
	if (!has_kf || (v[end].sp2 && !v[end].bol)) {
		x->own_e = end;
		x->own_b = has_kf ? own_cell(tk, v[end - 1].line, end) : cell_start(tk, 0, end, &single, &grouped);
		if (x->own_b < 0)
			x->own_b = word_value(tk, 0, end);
	} else if ((w = word_value(tk, 0, end)) >= 0) {
		x->kf_b = w;
		x->own_e = w;
		x->own_b = v[w].bol ? -1 : word_value(tk, 0, w);
		if (x->own_b < 0 && !v[w].bol)
			x->own_b = own_cell(tk, v[w].line, w);
	} else {
		if ((x->kf_b = cell_start(tk, 0, end, &single, &grouped)) < 0)
			return -1;
		/* the Årsmål starts on the line where the KF:s årsmål starts, left of it */
		x->own_e = x->kf_b;
		x->own_b = v[x->kf_b].bol ? -1 : own_cell(tk, v[x->kf_b].line, x->kf_b);
		if (x->own_b < 0 && grouped && !v[x->kf_b].bol) {	/* "100 100": two cells */
			x->own_e = x->kf_b = single;
			x->own_b = own_cell(tk, v[single].line, single);
		}
		if (x->own_b < 0 && !v[x->kf_b].bol)
			x->own_b = word_value(tk, 0, x->kf_b);
	}
	x->name_e = x->own_b >= 0 ? x->own_b : x->own_e;
	return x->name_e > 0 ? 0 : -1;
}

/* the cells of a row that could not be split, for the warning */
static int ind_unreadable(struct pp *p, const int *li, int n)
{
	imp_warn(p->c, li[0] + 1, "indikatorraden kan inte läsas: namnet, sedan %s och "
		 "periodiciteten väntades (rad %d-%d): hoppas över", p->has_kf ? "Årsmål, KF:s årsmål" : "Årsmål",
		 li[0] + 1, li[n - 1] + 1);
	imp_trace(p->c, li[0] + 1, li[n - 1] + 1, "skipped: bad row", "%s", imp_plan_cut(p, p->t->lines[li[0]]));
	return LUP_OK;
}

/* warns about target cell `cell` (words b..e-1 of tk) of indicator `name` when it holds no value the
 * importer understands (no number, not "Tas fram av ...", not a direction): it is kept as text */
static void cell_check(struct pp *p, const struct pp_toks *tk, int b, const char *cell, const char *col,
		       const char *name)
{
	struct model_target t;

	if (!cell || strpbrk(cell, "0123456789"))
		return;
	model_target_parse(cell, &t, NULL, 0);
	if (t.kind == MODEL_TARGET_BY_COMMITTEE || t.kind == MODEL_TARGET_DIRECTION)
		return;
	imp_warn(p->c, tk->v[b].line + 1, "%s '%s' för indikatorn '%s' är inget värde som kan läsas (inget tal): "
		 "sparas som text", col, cell, imp_plan_cut(p, name));
}

/* the indicator row of lines li[0..n-1] (its last line ends with the periodicity) */
static int ind_row(struct pp *p, const int *li, int n)
{
	struct imp_plan_doc *d = p->d;
	struct imp_plan_indicator *r;
	struct ind_cells x;
	struct pp_toks tk;
	int rc;

	row_tokens(p, li, n, &tk);
	/* the periodicity glued to the word before it (a line broken inside a word): unreadable */
	if (tk.n == 0 || !periodicity(tk.v[tk.n - 1].s) || split_ind(&tk, p->has_kf, &x) != 0)
		return ind_unreadable(p, li, n);
	if ((rc = imp_plan_grow(p, (void **)&d->inds, d->ninds, &d->capinds, sizeof(*d->inds), li[0] + 1, "indikatorer")))
		return rc;
	r = &d->inds[d->ninds++];
	r->goal = p->goal;
	r->ord = p->goal >= 0 ? ++d->goals[p->goal].ninds : ++p->loose;
	r->name = imp_plan_join(p, &tk, 0, x.name_e);
	r->own = x.own_b >= 0 ? imp_plan_join(p, &tk, x.own_b, x.own_e) : NULL;
	r->kf = x.kf_b >= 0 ? imp_plan_join(p, &tk, x.kf_b, x.kf_e) : NULL;
	r->periodicity = periodicity(tk.v[tk.n - 1].s);
	cell_check(p, &tk, x.own_b, r->own, "Årsmålet", r->name);
	cell_check(p, &tk, x.kf_b, r->kf, "KF:s årsmål", r->name);
	r->line = li[0] + 1;
	r->last = li[n - 1] + 1;
	return LUP_OK;
}

static int ind_end(struct pp *p, const char *s)
{
	const char *w = last_word(p, s);

	return w && periodicity(w);
}

/* --- activity rows ----------------------------------------------------------------------- */

static int act_end(struct pp *p, const char *s)
{
	const char *w = last_word(p, s);

	return w && imp_plan_is_date(w);
}

/* the activity row of lines li[0..n-1] (its last line ends with a date) */
static int act_row(struct pp *p, const int *li, int n)
{
	struct imp_plan_doc *d = p->d;
	struct imp_plan_activity *a;
	struct pp_toks tk;
	int te, rc;

	row_tokens(p, li, n, &tk);
	te = tk.n >= 2 && imp_plan_is_date(tk.v[tk.n - 2].s) ? tk.n - 2 : tk.n - 1;
	if (te <= 0 || tk.over) {
		imp_warn(p->c, li[0] + 1, "en aktivitetsrad utan text: hoppas över");
		imp_trace(p->c, li[0] + 1, li[n - 1] + 1, "skipped: bad row", "%s", imp_plan_cut(p, p->t->lines[li[0]]));
		return LUP_OK;
	}
	if (te == tk.n - 1)
		imp_warn(p->c, li[n - 1] + 1, "en aktivitet med ett enda datum: det läses som startdatum");
	if ((rc = imp_plan_grow(p, (void **)&d->acts, d->nacts, &d->capacts, sizeof(*d->acts), li[0] + 1, "aktiviteter")))
		return rc;
	a = &d->acts[d->nacts++];
	memset(a, 0, sizeof(*a));
	a->goal = p->goal;
	a->title = imp_plan_join(p, &tk, 0, te);
	a->start = tk.v[te].s;
	a->end = te == tk.n - 2 ? tk.v[tk.n - 1].s : NULL;
	a->line = li[0] + 1;
	a->last = li[n - 1] + 1;
	return LUP_OK;
}

/* line j goes on with the text of the last activity (its dates came before a page break) */
static int act_more(struct pp *p, int j)
{
	struct imp_plan_activity *a = &p->d->acts[p->d->nacts - 1];
	struct buf b;
	int glue = 0;

	buf_init(&b, 0);
	buf_adds(&b, a->title);
	imp_plan_text_add(p, &b, p->t->lines[j], &glue);
	a->title = imp_plan_text_done(p, &b);
	a->last = j + 1;
	imp_trace(p->c, j + 1, j + 1, "activity text", "goes on from line %d, after a page break", a->line);
	return LUP_OK;
}

/* --- indicator and activity tables -------------------------------------------------------- */

/* how to read the rows of one kind of table */
struct rows_spec {
	enum pp_kind head;				/* its header line */
	int max_lines;					/* lines of one row at most */
	int (*is_end)(struct pp *p, const char *s);	/* the line ends a row */
	int (*row)(struct pp *p, const int *li, int n);	/* reads a row */
	int (*more)(struct pp *p, int j);		/* adds line j to the last row, or NULL */
	const char *what;
};

static const struct rows_spec ind_spec = { PK_IND_HEAD, MAX_IND_LINES, ind_end, ind_row, NULL, "indicator" };
static const struct rows_spec act_spec = { PK_ACT_HEAD, MAX_ACT_LINES, act_end, act_row, act_more, "activity" };

/* The state of reading one table's rows. */
struct rows_state {
	int li[MAX_ROW_LINES];	/* the lines of the row being read */
	int n;
	int rows, indented;	/* rows read, and how many of them start with whitespace */
	int broke;		/* a page break since the last row ended */
	int acts0;		/* activities read before this table */
};

/* 1 when line j continues the last row across a page break: every row so far started indented
 * (the extraction's mark of a new cell) and j does not */
static int continues(struct pp *p, const struct rows_spec *sp, const struct rows_state *st, int j)
{
	const char *s = p->t->lines[j];

	return sp->more && st->broke && st->n == 0 && p->d->nacts > st->acts0 && st->indented == st->rows &&
	       !imp_plan_ws(s) && !sp->is_end(p, s);
}

/* line j, with text, of a table: part of a row */
static int row_line(struct pp *p, const struct rows_spec *sp, struct rows_state *st, int j)
{
	int rc;

	if (continues(p, sp, st, j))
		return sp->more(p, j);
	st->broke = 0;
	st->li[st->n++] = j;
	if (!sp->is_end(p, p->t->lines[j]))
		return LUP_OK;
	st->indented += imp_plan_ws(p->t->lines[st->li[0]]) > 0;
	st->rows++;
	rc = sp->row(p, st->li, st->n);
	st->n = 0;
	return rc;
}

/* the lines li[0..n-1] that did not end as a row */
static void incomplete(struct pp *p, const struct rows_spec *sp, const int *li, int n, int at_end)
{
	imp_warn(p->c, li[0] + 1, "%s: en %s utan %s (rad %d-%d): hoppas över",
		 at_end ? "texten slutar inne i en tabell" : "tabellen slutar inne i en rad",
		 sp == &ind_spec ? "indikatorrad" : "aktivitetsrad",
		 sp == &ind_spec ? "periodicitet (Tertial, År ...)" : "datum (ÅÅÅÅ-MM-DD)", li[0] + 1, li[n - 1] + 1);
	imp_trace(p->c, li[0] + 1, li[n - 1] + 1, "skipped: incomplete row", "%s", imp_plan_cut(p, p->t->lines[li[0]]));
}

/* reads the rows of the table whose header is line i */
static int table_rows(struct pp *p, int i, const struct rows_spec *sp, int *next)
{
	struct rows_state st;
	struct pp_money_head h;
	int j, rc;

	memset(&st, 0, sizeof(st));
	st.acts0 = p->d->nacts;
	imp_trace(p->c, i + 1, i + 1, "table header", "%s table", sp->what);
	for (j = i + 1; j < p->t->nlines; j++) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		if (k == PK_EMPTY || k == PK_BLANK)
			continue;
		if (k == PK_FURNITURE || k == sp->head) {
			imp_trace(p->c, j + 1, j + 1, k == sp->head ? "repeated table header" : "skipped: page header",
				  "%s", k == sp->head ? "the table goes on" : imp_plan_cut(p, p->t->lines[j]));
			st.broke = 1;
			continue;
		}
		if (imp_plan_structural(k) || imp_plan_money_at(p, j, j, &h))
			break;
		if (st.n == sp->max_lines) {	/* no row is this long: running text follows the table */
			j = st.li[0];
			st.n = 0;
			break;
		}
		if ((rc = row_line(p, sp, &st, j)) != LUP_OK)
			return rc;
	}
	if (st.n > 0)
		incomplete(p, sp, st.li, st.n, j >= p->t->nlines);
	*next = j;
	return LUP_OK;
}

int imp_plan_ind_table(struct pp *p, int i, int *next)
{
	p->has_kf = strstr(p->t->lines[i], "KF:s") != NULL;
	return table_rows(p, i, &ind_spec, next);
}

int imp_plan_act_table(struct pp *p, int i, int *next)
{
	return table_rows(p, i, &act_spec, next);
}

/* --- money tables --------------------------------------------------------------------------- */

/* an amount word: [sign] digits [,digits] */
static int is_amount(const char *s)
{
	s = skip_sign(s);
	if (!is_digit(*s))
		return 0;
	while (is_digit(*s) || ((*s == ',' || *s == '.') && is_digit(s[1])))
		s++;
	return *s == '\0';
}

/* the value of the amount words [b, e] ("1", "189,6" -> 1189.6) */
static double amount_value(const struct pp_toks *tk, int b, int e)
{
	char num[96];
	size_t n = 0;
	int neg = skip_sign(tk->v[b].s) != tk->v[b].s && tk->v[b].s[0] != '+';

	for (int i = b; i <= e; i++)
		for (const char *s = i == b ? skip_sign(tk->v[i].s) : tk->v[i].s; *s && n + 1 < sizeof(num); s++)
			num[n++] = *s == ',' ? '.' : *s;
	num[n] = '\0';
	return neg ? -strtod(num, NULL) : strtod(num, NULL);
}

/* the amounts that end words [lo, hi), right to left into v (at most max); *first is the first
 * amount's first word. Returns how many; *years tells whether each was a bare year. */
static int amounts(const struct pp_toks *tk, int lo, int hi, double *v, int max, int *first, int *years)
{
	int k = hi - 1, n = 0;

	*years = 1;
	*first = hi;
	while (k >= lo && is_amount(tk->v[k].s) && n <= max) {
		int b = k;
		if (is_group(tk->v[k].s, 1))	/* "1 189,6": a grouped amount ends with decimals */
			while (b - 1 >= lo && tk->v[b - 1].line == tk->v[k].line && is_head(tk->v[b - 1].s)) {
				b--;
				if (!is_group(tk->v[b].s, 0))
					break;
			}
		if (n < max)
			v[n] = amount_value(tk, b, k);
		*years &= b == k && strlen(tk->v[k].s) == 4 && (strncmp(tk->v[k].s, "19", 2) == 0 ||
								 strncmp(tk->v[k].s, "20", 2) == 0);
		n++;
		*first = b;
		k = b - 1;
	}
	return n;
}

/* how many amounts end line j (*years: all of them bare years); the words are read in a scratch
 * arena, since this runs on lines that are not kept */
static int line_amounts(struct pp *p, int j, int *years)
{
	struct arena scratch = ARENA_INIT, *keep = p->c->a;
	double v[IMP_PLAN_MAX_COLS];
	struct pp_toks tk;
	const char *b, *e, *w;
	char last[32];
	int first, n;

	imp_plan_trim(p->t->lines[j], &b, &e);
	for (w = e; w > b && !imp_plan_ws(w - 1); w--)
		;
	*years = 0;
	if ((size_t)(e - w) >= sizeof(last))
		return 0;
	memcpy(last, w, (size_t)(e - w));
	last[e - w] = '\0';
	if (!is_amount(last))
		return 0;	/* the usual case, without reading the words */
	p->c->a = &scratch;
	row_tokens(p, &j, 1, &tk);
	n = amounts(&tk, 0, tk.n, v, IMP_PLAN_MAX_COLS, &first, years);
	p->c->a = keep;
	arena_release(&scratch);
	return n;
}

/* a year in a column header: "2022", "2021-2022", "2021/22" */
static int is_year(const char *s)
{
	if (!is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[2]) || !is_digit(s[3]))
		return 0;
	if (s[4] == '\0')
		return 1;
	if (s[4] != '-' && s[4] != '/')
		return 0;
	s += 5;
	return is_digit(s[0]) && is_digit(s[1]) && (s[2] == '\0' || (is_digit(s[2]) && is_digit(s[3]) && !s[4]));
}

/* 1 when line s starts with a money header word and is short */
static int money_word(const char *s)
{
	const char *b, *e, *w;

	imp_plan_trim(s, &b, &e);
	if (e - b > MAX_HEAD_BYTES)
		return 0;
	for (w = b; w < e && !imp_plan_ws(w); w++)
		;
	for (const char *const *m = money_words; *m; m++)
		if ((size_t)(w - b) == strlen(*m) && memcmp(b, *m, (size_t)(w - b)) == 0)
			return 1;
	return 0;
}

/* the first money row after a header starting at line i: its line, *ncols its amounts; -1 if none */
static int first_money_row(struct pp *p, int i, int *ncols)
{
	int seen = 0, years;

	for (int j = i; j < p->t->nlines && seen < MONEY_LOOKAHEAD; j++) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		if (k == PK_EMPTY || k == PK_BLANK || k == PK_FURNITURE)
			continue;
		if (k != PK_TEXT)
			return -1;
		seen++;
		*ncols = line_amounts(p, j, &years);
		if (*ncols >= 2 && !years)
			return *ncols <= IMP_PLAN_MAX_COLS ? j : -1;
	}
	return -1;
}

/* splits the header words from line i up to line `row` into ncols column names, each ending
 * with a year; returns the header's last line, or -1 when the words do not make ncols columns */
static int header_cols(struct pp *p, int i, int row, int ncols, struct pp_money_head *h)
{
	int li[MONEY_LOOKAHEAD], n = 0, b = 0, cols = 0, glue = 0;
	struct pp_toks tk;

	memset(&tk, 0, sizeof(tk));
	for (int j = i; j < row && n < MONEY_LOOKAHEAD; j++)
		if (imp_plan_kind_at(p, j) == PK_TEXT)
			li[n++] = j;
	for (int j = 0; j < n; j++)
		imp_plan_tokens(p, li[j], &tk, &glue);
	for (int k = 0; k < tk.n && cols < ncols; k++) {
		if (!is_year(tk.v[k].s)) {
			if (is_amount(tk.v[k].s) && strpbrk(tk.v[k].s, ",."))
				return -1;	/* decimals: not a header */
			continue;
		}
		h->cols[cols] = imp_plan_join(p, &tk, b, k + 1);
		for (int c = 0; c < cols; c++)
			if (strcmp(h->cols[c], h->cols[cols]) == 0)
				h->cols[cols] = imp_plan_dedupe(p, h->cols[cols], cols + 1);
		cols++;
		b = k + 1;
	}
	if (cols < ncols || (b < tk.n && tk.v[b].line == tk.v[b - 1].line))
		return -1;
	h->ncols = ncols;
	return tk.v[b - 1].line;
}

/* 1 when line j may be part of a money table's name: short, no sentence end, no amounts */
static int name_line(struct pp *p, int j)
{
	const char *b, *e;
	int years;

	imp_plan_trim(p->t->lines[j], &b, &e);
	if (e - b > MAX_LABEL_BYTES || e[-1] == '.' || e[-1] == ':' || e[-1] == ';')
		return 0;
	return line_amounts(p, j, &years) < 2;
}

/* the name of a money table whose header starts at line i: the short lines just above it, back
 * to line lo; a first line followed by one starting with a capital is a section heading, not
 * part of the name ("Äldreomsorg" above "Äldreomsorg") */
static const char *table_name(struct pp *p, int i, int lo, int *from)
{
	int li[MAX_NAME_LINES], n = 0, skip;
	struct buf b;
	int glue = 0;

	*from = i;
	for (int j = i - 1; j >= lo && n < MAX_NAME_LINES; j--) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		if (k == PK_EMPTY || k == PK_BLANK)
			continue;
		if (k != PK_TEXT || !name_line(p, j))
			break;
		li[n++] = j;
	}
	if (n == 0)
		return NULL;
	skip = 0;
	if (n >= 2) {
		const char *s, *e;
		imp_plan_trim(p->t->lines[li[n - 2]], &s, &e);
		skip = !(*s >= 'a' && *s <= 'z') && !((unsigned char)s[0] == 0xC3 && (unsigned char)s[1] >= 0x9F);
	}
	*from = li[n - 1];
	buf_init(&b, 0);
	for (int k = n - 1 - skip; k >= 0; k--)
		imp_plan_text_add(p, &b, p->t->lines[li[k]], &glue);
	return imp_plan_text_done(p, &b);
}

int imp_plan_money_at(struct pp *p, int i, int lo, struct pp_money_head *h)
{
	int row, ncols, last;

	if (!money_word(p->t->lines[i]) || (row = first_money_row(p, i, &ncols)) < 0)
		return 0;
	memset(h, 0, sizeof(*h));
	if ((last = header_cols(p, i, row, ncols, h)) < 0)
		return 0;
	h->next = last + 1;
	h->name = table_name(p, i, lo, &h->from);
	return 1;
}

/* the label of the money row ending at line j, with the label lines li[0..n-1] above it */
static int money_row(struct pp *p, int t, const int *li, int n, int j)
{
	struct imp_plan_doc *d = p->d;
	struct imp_plan_money *m = &d->tables[t];
	struct imp_plan_money_row *r;
	int lines[MAX_LABEL_LINES + 1], first, years, got, rc;
	double v[IMP_PLAN_MAX_COLS];
	struct pp_toks tk;

	memcpy(lines, li, sizeof(int) * (size_t)n);
	lines[n] = j;
	row_tokens(p, lines, n + 1, &tk);
	got = amounts(&tk, 0, tk.n, v, IMP_PLAN_MAX_COLS, &first, &years);
	if (first == 0 || tk.over) {
		imp_warn(p->c, j + 1, "en rad i beloppstabellen '%s' utan rubrik: hoppas över", m->name ? m->name : "");
		imp_trace(p->c, lines[0] + 1, j + 1, "skipped: bad row", "%s", imp_plan_cut(p, p->t->lines[j]));
		return LUP_OK;
	}
	if ((rc = imp_plan_grow(p, (void **)&d->rows, d->nrows, &d->caprows, sizeof(*d->rows), j + 1, "beloppsrader")))
		return rc;
	r = &d->rows[d->nrows++];
	r->table = t;
	r->ord = ++m->nrows;
	r->label = imp_plan_join(p, &tk, 0, first);
	for (int c = 0; c < got && c < m->ncols; c++)
		r->amount[c] = v[got - 1 - c];
	r->line = lines[0] + 1;
	r->last = j + 1;
	m->last = j + 1;
	return LUP_OK;
}

/* a new money table for header h */
static int money_new(struct pp *p, const struct pp_money_head *h)
{
	struct imp_plan_doc *d = p->d;
	struct imp_plan_money *m;
	int rc;

	if ((rc = imp_plan_grow(p, (void **)&d->tables, d->ntables, &d->captables, sizeof(*d->tables), h->from + 1,
			  "beloppstabeller")))
		return rc;
	m = &d->tables[d->ntables++];
	memset(m, 0, sizeof(*m));
	m->name = h->name;
	for (int t = 0; t < d->ntables - 1; t++)
		if (m->name && d->tables[t].name && strcmp(d->tables[t].name, m->name) == 0)
			m->name = imp_plan_dedupe(p, h->name, d->ntables);
	m->ncols = h->ncols;
	memcpy(m->cols, h->cols, sizeof(m->cols));
	m->line = h->from + 1;
	m->last = h->next;
	imp_trace(p->c, h->from + 1, h->next, "money table", "%s (%d columns)", m->name ? m->name : "(no name)",
		  m->ncols);
	return LUP_OK;
}

int imp_plan_money_table(struct pp *p, const struct pp_money_head *h, int *next)
{
	int li[MAX_LABEL_LINES], n = 0, j, t = p->d->ntables, years, got, rc;
	struct pp_money_head again;

	if ((rc = money_new(p, h)) != LUP_OK)
		return rc;
	for (j = h->next; j < p->t->nlines; j++) {
		enum pp_kind k = imp_plan_kind_at(p, j);
		const char *b, *e;
		if (k == PK_EMPTY || k == PK_BLANK)
			continue;
		if (k == PK_FURNITURE) {
			imp_trace(p->c, j + 1, j + 1, "skipped: page header", "%s", imp_plan_cut(p, p->t->lines[j]));
			continue;
		}
		if (imp_plan_structural(k))
			break;
		if (imp_plan_money_at(p, j, j, &again)) {
			if (again.ncols != h->ncols)
				break;	/* another table */
			imp_trace(p->c, j + 1, again.next, "repeated table header", "money table goes on");
			j = again.next - 1;
			n = 0;
			continue;
		}
		got = line_amounts(p, j, &years);
		if (got == h->ncols && !years) {
			if ((rc = money_row(p, t, li, n, j)) != LUP_OK)
				return rc;
			n = 0;
			continue;
		}
		imp_plan_trim(p->t->lines[j], &b, &e);
		if (got >= 2) {
			imp_warn(p->c, j + 1, "en rad i beloppstabellen '%s' med %d belopp, %d väntades: hoppas över",
				 p->d->tables[t].name ? p->d->tables[t].name : "", got, h->ncols);
			imp_trace(p->c, j + 1, j + 1, "skipped: bad row", "%s", imp_plan_cut(p, p->t->lines[j]));
			n = 0;
		} else if (n < MAX_LABEL_LINES && e - b <= MAX_LABEL_BYTES && e[-1] != '.') {
			li[n++] = j;
		} else {
			break;
		}
	}
	*next = n > 0 ? li[0] : j;
	return LUP_OK;
}
