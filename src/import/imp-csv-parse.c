/* imp-csv-parse.c: the streaming CSV parser of the csv importer (see imp-csv.h).
 *
 * The header line is held back until its separator is known; then everything goes through
 * libcsv one physical line at a time. A row starts on the line at whose start libcsv had no row
 * begun (its public pstate is 0), which is what lets messages name the line of a row whose
 * quoted cells span several lines.
 */
#include "import/imp-csv.h"
#include "core/xalloc.h"
#include "core/utf8.h"

#include <csv.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROW_BYTES (IMP_CSV_MAX_CELLS * (IMP_CSV_MAX_CELL + 1))

static const char *const col_names[IMP_CSV__MAX] = {
	"indicator", "area", "period", "sex", "value", "kind", "source", "derived", "example", "by_sex", "by_area",
};

/* A header cell of a column that is known but not read (p->col). */
#define COL_IGNORED (-2)

/* header names, case-folded (ASCII and Å, Ä, Ö) */
static const struct word {
	const char *w;
	int v;
} header_words[] = {
	{ "indicator", IMP_CSV_INDICATOR }, { "indikator", IMP_CSV_INDICATOR },
	{ "area", IMP_CSV_AREA }, { "område", IMP_CSV_AREA }, { "omrade", IMP_CSV_AREA },
	{ "period", IMP_CSV_PERIOD }, { "year", IMP_CSV_PERIOD }, { "år", IMP_CSV_PERIOD },
	{ "sex", IMP_CSV_SEX }, { "kön", IMP_CSV_SEX }, { "kon", IMP_CSV_SEX }, { "gender", IMP_CSV_SEX },
	{ "value", IMP_CSV_VALUE }, { "värde", IMP_CSV_VALUE }, { "varde", IMP_CSV_VALUE },
	{ "kind", IMP_CSV_KIND }, { "typ", IMP_CSV_KIND }, { "type", IMP_CSV_KIND },
	{ "source", IMP_CSV_SOURCE }, { "källa", IMP_CSV_SOURCE }, { "kalla", IMP_CSV_SOURCE },
	{ "derived", IMP_CSV_DERIVED }, { "beräknat", IMP_CSV_DERIVED }, { "beraknat", IMP_CSV_DERIVED },
	{ "example", IMP_CSV_EXAMPLE }, { "exempeldata", IMP_CSV_EXAMPLE }, { "exempel", IMP_CSV_EXAMPLE },
	{ "by_sex", IMP_CSV_BY_SEX }, { "per kön", IMP_CSV_BY_SEX }, { "per_kön", IMP_CSV_BY_SEX },
	{ "per kon", IMP_CSV_BY_SEX }, { "uppdelad på kön", IMP_CSV_BY_SEX },
	{ "by_area", IMP_CSV_BY_AREA }, { "per område", IMP_CSV_BY_AREA }, { "per_område", IMP_CSV_BY_AREA },
	{ "per omrade", IMP_CSV_BY_AREA }, { "uppdelad på område", IMP_CSV_BY_AREA },
	/* what lup export writes for people */
	{ "indikatornamn", COL_IGNORED }, { "indicator name", COL_IGNORED }, { "mål", COL_IGNORED },
	{ "goal", COL_IGNORED }, { "enhet", COL_IGNORED }, { "unit", COL_IGNORED },
	{ "områdesnamn", COL_IGNORED }, { "omradesnamn", COL_IGNORED }, { "area name", COL_IGNORED },
}, sex_words[] = {
	{ "t", 'T' }, { "k", 'K' }, { "m", 'M' }, { "tot", 'T' }, { "totalt", 'T' },
	{ "kvinnor", 'K' }, { "kvinna", 'K' }, { "män", 'M' }, { "man", 'M' },
}, kind_words[] = {
	{ "outcome", IMP_CSV_OUTCOME }, { "utfall", IMP_CSV_OUTCOME },
	{ "own", IMP_CSV_OWN }, { "årsmål", IMP_CSV_OWN }, { "arsmal", IMP_CSV_OWN }, { "mål", IMP_CSV_OWN },
	{ "kf", IMP_CSV_KF }, { "kf:s årsmål", IMP_CSV_KF }, { "kfs årsmål", IMP_CSV_KF },
	{ "kf årsmål", IMP_CSV_KF },
}, bool_words[] = {
	{ "ja", 1 }, { "j", 1 }, { "yes", 1 }, { "y", 1 }, { "x", 1 }, { "1", 1 }, { "true", 1 },
	{ "sant", 1 }, { "nej", 0 }, { "n", 0 }, { "no", 0 }, { "0", 0 }, { "false", 0 }, { "falskt", 0 },
};

#define NWORDS(t) (sizeof(t) / sizeof((t)[0]))

struct imp_csv_parser {
	struct imp_ctx *c;
	struct imp_csv_sink sink;
	struct csv_parser csv;
	int csv_ready;			/* csv_init done (the separator is known) */
	int rc;				/* first error */
	int bom;			/* BOM bytes matched (3: decided) */
	char *hdr;			/* the bytes held back until the header line is complete */
	size_t nhdr;
	int line, bol, row_line;	/* current line, at its start?, line of the current row */
	int cr;				/* the last byte fed was a CR ending a line */
	/* the current row */
	char *buf;			/* ROW_BYTES: cells, each NUL-terminated */
	size_t used;
	int ncell;
	size_t off[IMP_CSV_MAX_CELLS];
	size_t len[IMP_CSV_MAX_CELLS];
	/* the header */
	int have_header;
	int ncols;			/* cells in the header */
	int col[IMP_CSV_MAX_CELLS];	/* column id of header cell i, -1 when unnamed */
	int colno[IMP_CSV__MAX];	/* 1-based header cell of column id, 0 when absent */
	struct imp_csv_info info;
};

const char *imp_csv_col_name(enum imp_csv_col col)
{
	return (unsigned)col < IMP_CSV__MAX ? col_names[col] : "?";
}

static int fail(struct imp_csv_parser *p, int line, int colno, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* fail: records the first error "file:line: column N (name): message" */
static int fail(struct imp_csv_parser *p, int line, int colno, const char *fmt, ...)
{
	char msg[700];
	va_list ap;

	if (p->rc)
		return p->rc;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (colno > 0 && colno <= p->ncols && p->col[colno - 1] >= 0)
		p->rc = imp_fail(p->c, line, "kolumn %d (%s): %s", colno, col_names[p->col[colno - 1]], msg);
	else if (colno > 0)
		p->rc = imp_fail(p->c, line, "kolumn %d: %s", colno, msg);
	else
		p->rc = imp_fail(p->c, line, "%s", msg);
	return p->rc;
}

/* fold: s case-folded (ASCII, Å Ä Ö) and trimmed into out; "" when too long */
static void fold(const char *s, char *out, size_t n)
{
	size_t k = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s && k + 2 < n; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch + 32);
		else if (ch == 0xc3 && (s[1] == '\x85' || s[1] == '\x84' || s[1] == '\x96')) {
			out[k++] = (char)ch;
			out[k++] = (char)(s[1] + 0x20);
			s++;
			continue;
		}
		out[k++] = (char)ch;
	}
	if (*s)
		k = 0;
	while (k > 0 && (out[k - 1] == ' ' || out[k - 1] == '\t'))
		k--;
	out[k] = '\0';
}

/* lookup: the value of word s in t (folded), or -1 */
static int lookup(const struct word *t, size_t n, const char *s)
{
	char f[64];

	fold(s, f, sizeof(f));
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].w, f) == 0)
			return t[i].v;
	return -1;
}

/* cell_trim: trims s in place (ASCII whitespace); with squeeze, runs of whitespace inside
 * become one space */
static char *cell_trim(char *s, int squeeze)
{
	char *w = s, *r = s;
	int sp = 0;

	while (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n')
		r++;
	for (; *r; r++) {
		int ws = *r == ' ' || *r == '\t' || *r == '\r' || *r == '\n';
		if (ws && squeeze) {
			sp = 1;
			continue;
		}
		if (sp)
			*w++ = ' ';
		sp = 0;
		*w++ = *r;
	}
	*w = '\0';
	while (w > s && (w[-1] == ' ' || w[-1] == '\t' || w[-1] == '\r' || w[-1] == '\n'))
		*--w = '\0';
	return s;
}

/* breaks: CRLF and CR inside a (quoted) cell become LF, as in every text lup reads */
static void breaks(char *s)
{
	char *w = s;

	for (; *s; s++) {
		if (*s == '\r') {
			*w++ = '\n';
			s += s[1] == '\n';
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

static const char *expected_columns =
	"indicator, area, period, sex, value, kind, source; eller indikator, område, period, kön, värde,"
	" typ, källa";

/* header: maps the header row's cells to columns */
static int header(struct imp_csv_parser *p)
{
	int line = p->row_line;

	p->ncols = p->ncell;
	for (int i = 0; i < p->ncell; i++) {
		char *name = cell_trim(p->buf + p->off[i], 1);
		int id = lookup(header_words, NWORDS(header_words), name);
		p->col[i] = -1;
		if (!*name)
			continue;
		if (id == COL_IGNORED) {
			p->col[i] = COL_IGNORED;
			continue;
		}
		if (id < 0)
			return fail(p, line, i + 1, "okänd kolumn '%.60s' (väntade %s)", name, expected_columns);
		if (p->colno[id])
			return fail(p, line, i + 1, "kolumnen '%s' finns två gånger (också kolumn %d)", col_names[id],
				    p->colno[id]);
		p->col[i] = id;
		p->colno[id] = i + 1;
	}
	for (int id = 0; id < IMP_CSV__MAX; id++)
		if (!p->colno[id] && (id == IMP_CSV_INDICATOR || id == IMP_CSV_AREA ||
				      id == IMP_CSV_PERIOD || id == IMP_CSV_VALUE))
			return fail(p, line, 0, "rubrikraden saknar kolumnen '%s' (väntade %s)", col_names[id],
				    expected_columns);
	p->have_header = 1;
	return LUP_OK;
}

/* unguard: drops the apostrophe lup export puts before a cell that a spreadsheet would take
 * for a formula: one leading apostrophe when the first character after the apostrophes is one
 * of = + - @ tab CR */
static void unguard(char *s)
{
	size_t k = strspn(s, "'");

	if (k && s[k] && strchr("=+-@\t\r", s[k]))
		memmove(s, s + 1, strlen(s));
}

/* row_cells: checks the cell count and UTF-8, fills r->cell; returns LUP_OK or an error */
static int row_cells(struct imp_csv_parser *p, struct imp_csv_row *r)
{
	if (p->ncell < p->ncols)
		return fail(p, r->line, 0, "%d celler, men rubrikraden har %d kolumner", p->ncell, p->ncols);
	for (int i = 0; i < p->ncell; i++) {
		char *s = p->buf + p->off[i];
		int id = i < p->ncols ? p->col[i] : -1;
		if (!utf8_valid(s, p->len[i]))
			return fail(p, r->line, i + 1, "inte giltig UTF-8-text (spara filen som CSV UTF-8)");
		breaks(s);
		cell_trim(s, id == IMP_CSV_INDICATOR || id == IMP_CSV_AREA);
		unguard(s);
		if (id == COL_IGNORED)
			continue;
		if (id < 0 && *s)
			return fail(p, r->line, i + 1, "ett värde i en kolumn utan namn i rubrikraden");
		if (id >= 0) {
			r->cell[id] = s;
			r->colno[id] = i + 1;
		}
	}
	return LUP_OK;
}

static int row_value(struct imp_csv_parser *p, struct imp_csv_row *r)
{
	const char *v = r->cell[IMP_CSV_VALUE];
	int col = r->colno[IMP_CSV_VALUE];

	model_target_parse(v, &r->target, NULL, 0);
	if (r->kind != IMP_CSV_OUTCOME) {
		if (r->target.kind == MODEL_TARGET_EMPTY)
			return fail(p, r->line, col, "ett mål behöver ett värde");
		return LUP_OK;
	}
	r->missing = r->target.kind == MODEL_TARGET_EMPTY;
	if (!r->missing && (r->target.kind != MODEL_TARGET_NUMBER ||
			    (r->target.unit[0] && strcmp(r->target.unit, "%") != 0)))
		return fail(p, r->line, col, "'%.60s' är inte ett tal (t.ex. 12,5 eller 1 234 eller 0.75"
			    " eller 4,6 %% väntades; tomt för ett värde som saknas)", v);
	r->value = r->missing ? 0 : r->target.value;
	return LUP_OK;
}

/* row_typed: parses period, sex, kind and value of a data row */
static int row_typed(struct imp_csv_parser *p, struct imp_csv_row *r)
{
	char err[160];
	int v;

	if (!*r->cell[IMP_CSV_INDICATOR])
		return fail(p, r->line, r->colno[IMP_CSV_INDICATOR], "tom (en indikators nyckel eller namn väntades)");
	if (model_period_parse(r->cell[IMP_CSV_PERIOD], &r->period, err, sizeof(err)) != 0)
		return fail(p, r->line, r->colno[IMP_CSV_PERIOD], "perioden '%.40s' känns inte igen (ett år och"
			    " T1, T2 eller VB väntades, till exempel 2022-T1, 2022 T2 eller 2022)",
			    r->cell[IMP_CSV_PERIOD]);
	r->kind = IMP_CSV_OUTCOME;
	if (*r->cell[IMP_CSV_KIND]) {
		if ((v = lookup(kind_words, NWORDS(kind_words), r->cell[IMP_CSV_KIND])) < 0)
			return fail(p, r->line, r->colno[IMP_CSV_KIND], "'%.40s' är inte ett slag (outcome,"
				    " own eller kf; utfall, årsmål eller KF:s årsmål väntades)", r->cell[IMP_CSV_KIND]);
		r->kind = (enum imp_csv_kind)v;
	}
	r->sex = 'T';
	if (*r->cell[IMP_CSV_SEX]) {
		if ((v = lookup(sex_words, NWORDS(sex_words), r->cell[IMP_CSV_SEX])) < 0)
			return fail(p, r->line, r->colno[IMP_CSV_SEX], "'%.40s' är inte ett kön (T, K eller M väntades)",
				    r->cell[IMP_CSV_SEX]);
		r->sex = (char)v;
	}
	for (int id = IMP_CSV_DERIVED; id <= IMP_CSV_EXAMPLE; id++) {
		if (!*r->cell[id])
			continue;
		if ((v = lookup(bool_words, NWORDS(bool_words), r->cell[id])) < 0)
			return fail(p, r->line, r->colno[id], "'%.40s' är varken ja eller nej (ja, nej eller tomt väntades)",
				    r->cell[id]);
		*(id == IMP_CSV_DERIVED ? &r->derived : &r->example) = v;
	}
	r->by_sex = r->by_area = -1;
	for (int id = IMP_CSV_BY_SEX; id <= IMP_CSV_BY_AREA; id++) {
		if (!*r->cell[id])
			continue;
		if ((v = lookup(bool_words, NWORDS(bool_words), r->cell[id])) < 0)
			return fail(p, r->line, r->colno[id], "'%.40s' är varken ja eller nej (ja, nej eller tomt väntades)",
				    r->cell[id]);
		*(id == IMP_CSV_BY_SEX ? &r->by_sex : &r->by_area) = v;
	}
	if (r->kind == IMP_CSV_OUTCOME && !*r->cell[IMP_CSV_AREA])
		return fail(p, r->line, r->colno[IMP_CSV_AREA], "tom (ett områdes kod, nyckel eller namn väntades)");
	return row_value(p, r);
}

static int data_row(struct imp_csv_parser *p)
{
	struct imp_csv_row r;
	int i, rc;

	memset(&r, 0, sizeof(r));
	r.line = p->row_line;
	for (i = 0; i < IMP_CSV__MAX; i++)
		r.cell[i] = "";
	if ((rc = row_cells(p, &r)) != LUP_OK || (rc = row_typed(p, &r)) != LUP_OK)
		return rc;
	p->info.rows++;
	if (p->sink.row && (rc = p->sink.row(p->sink.ctx, &r)) != LUP_OK && !p->rc)
		p->rc = rc;
	return p->rc;
}

/* blank_row: 1 when every cell is empty or whitespace */
static int blank_row(const struct imp_csv_parser *p)
{
	for (int i = 0; i < p->ncell; i++)
		for (size_t j = 0; j < p->len[i]; j++)
			if (!strchr(" \t\r\n", p->buf[p->off[i] + j]))
				return 0;
	return 1;
}

static void cb_cell(void *s, size_t n, void *ctx)
{
	struct imp_csv_parser *p = ctx;

	if (p->rc)
		return;
	if (p->ncell == IMP_CSV_MAX_CELLS) {
		fail(p, p->line, 0, "fler än %d celler på en rad", IMP_CSV_MAX_CELLS);
		return;
	}
	if (n > IMP_CSV_MAX_CELL) {
		fail(p, p->line, p->ncell + 1, "en cell längre än %d byte", IMP_CSV_MAX_CELL);
		return;
	}
	memcpy(p->buf + p->used, s ? s : "", n);
	p->buf[p->used + n] = '\0';
	p->off[p->ncell] = p->used;
	p->len[p->ncell++] = n;
	p->used += n + 1;
}

static void cb_row(int term, void *ctx)
{
	struct imp_csv_parser *p = ctx;

	(void)term;
	if (!p->rc && !blank_row(p)) {
		if (p->have_header)
			data_row(p);
		else
			header(p);
	}
	p->ncell = 0;
	p->used = 0;
}

/* capped_realloc: libcsv's cell buffer may not grow past a little more than the cell cap;
 * libcsv then reports CSV_ENOMEM, which lup reports as an overlong cell */
static void *capped_realloc(void *ptr, size_t n)
{
	if (n > 2 * IMP_CSV_MAX_CELL + 64)
		return NULL;
	return realloc(ptr, n);
}

static int is_space(unsigned char ch)
{
	return ch == ' ';
}

/* csv_fail: the error libcsv stopped with */
static int csv_fail(struct imp_csv_parser *p)
{
	if (p->rc)
		return p->rc;
	if (csv_error(&p->csv) == CSV_EPARSE)
		return fail(p, p->line, p->ncell + 1, "ett citattecken i en cell som inte börjar med ett, eller"
			    " text efter ett avslutande citattecken (citera hela cellen och dubblera citattecknen i den)");
	return fail(p, p->line, p->ncell + 1, "en cell längre än %d byte", IMP_CSV_MAX_CELL);
}

/* line_end: the length of s[0..n) up to and including its first line break (LF, CRLF or CR),
 * or n; *brk is set when a break was found */
static size_t line_end(const char *s, size_t n, int *brk)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			*brk = 1;
			return i + 1 + (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n');
		}
	}
	*brk = 0;
	return n;
}

/* process: feeds s[0..n) to libcsv a physical line at a time */
static int process(struct imp_csv_parser *p, const char *s, size_t n)
{
	while (n && !p->rc) {
		int brk;
		size_t k;
		if (p->cr && *s == '\n') {
			k = 1;	/* the LF of a CRLF whose CR ended the previous piece */
			brk = 0;
		} else {
			k = line_end(s, n, &brk);
			if (p->bol && p->csv.pstate == 0)
				p->row_line = p->line;
			p->bol = 0;
		}
		p->cr = brk && s[k - 1] == '\r';
		if (csv_parse(&p->csv, s, k, cb_cell, cb_row, p) != k)
			return csv_fail(p);
		if (brk) {
			p->line++;
			p->bol = 1;
		}
		s += k;
		n -= k;
	}
	return p->rc;
}

/* detect: the separator of the first non-blank line of s: the most frequent of ; , and tab
 * outside quotes (';' wins a tie, as Swedish Excel writes it) */
static char detect(const char *s, size_t n)
{
	size_t i = 0;
	int nsemi = 0, ncomma = 0, ntab = 0, q = 0;

	while (i < n && strchr(" \t\r\n", s[i]) && s[i])
		i++;
	for (; i < n && s[i] != '\n' && s[i] != '\r'; i++) {
		if (s[i] == '"')
			q = !q;
		else if (!q)
			nsemi += s[i] == ';', ncomma += s[i] == ',', ntab += s[i] == '\t';
	}
	if (ntab > nsemi && ntab > ncomma)
		return '\t';
	return ncomma > nsemi ? ',' : ';';
}

/* start: the separator is known: sets libcsv up and parses what was held back */
static int start(struct imp_csv_parser *p)
{
	char sep = detect(p->hdr, p->nhdr);
	int rc;

	if (csv_init(&p->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fputs("lup: out of memory\n", stderr);
		abort();
	}
	csv_set_delim(&p->csv, (unsigned char)sep);
	csv_set_realloc_func(&p->csv, capped_realloc);
	csv_set_blk_size(&p->csv, 1024);
	if (sep == '\t')
		csv_set_space_func(&p->csv, is_space);
	p->csv_ready = 1;
	p->info.sep = sep;
	rc = process(p, p->hdr, p->nhdr);
	free(p->hdr);
	p->hdr = NULL;
	p->nhdr = 0;
	return rc;
}

/* header_complete: whether the held-back bytes hold a whole non-blank line */
static int header_complete(const struct imp_csv_parser *p)
{
	for (size_t i = 0, blank = 1; i < p->nhdr; i++) {
		if ((p->hdr[i] == '\n' || p->hdr[i] == '\r') && !blank)
			return 1;
		if (!strchr(" \t\r\n", p->hdr[i]) || !p->hdr[i])
			blank = 0;
	}
	return 0;
}

struct imp_csv_parser *imp_csv_open(struct imp_ctx *c, const struct imp_csv_sink *sink)
{
	struct imp_csv_parser *p = xcalloc(1, sizeof(*p));

	p->c = c;
	p->sink = *sink;
	p->line = 1;
	p->bol = 1;
	p->row_line = 1;
	p->buf = xmalloc(ROW_BYTES);
	return p;
}

void imp_csv_close(struct imp_csv_parser *p)
{
	if (!p)
		return;
	if (p->csv_ready)
		csv_free(&p->csv);
	free(p->hdr);
	free(p->buf);
	free(p);
}

static size_t skip_bom(struct imp_csv_parser *p, const char *buf, size_t len)
{
	static const char bom[] = "\xef\xbb\xbf";
	size_t i = 0;

	while (p->bom < 3 && i < len) {
		if (buf[i] != bom[p->bom]) {
			if (p->bom > 0)
				fail(p, 1, 1, "inte giltig UTF-8-text (spara filen som CSV UTF-8)");
			p->bom = 3;
			break;
		}
		p->bom++;
		i++;
	}
	return i;
}

int imp_csv_feed(struct imp_csv_parser *p, const char *buf, size_t len)
{
	size_t skip;

	if (p->rc)
		return p->rc;
	skip = skip_bom(p, buf, len);
	if (p->rc)
		return p->rc;
	buf += skip;
	len -= skip;
	if (p->csv_ready)
		return process(p, buf, len);
	/* hold the bytes back until the header line is complete */
	while (len) {
		size_t room = IMP_CSV_MAX_HEADER - p->nhdr, k = len < room ? len : room;
		if (!k)
			return fail(p, 1, 0, "rubrikraden tar inte slut inom de första %d byten", IMP_CSV_MAX_HEADER);
		p->hdr = xrealloc(p->hdr, p->nhdr + k);
		memcpy(p->hdr + p->nhdr, buf, k);
		p->nhdr += k;
		buf += k;
		len -= k;
		if (header_complete(p))
			return start(p) != LUP_OK ? p->rc : process(p, buf, len);
	}
	return LUP_OK;
}

int imp_csv_finish(struct imp_csv_parser *p, struct imp_csv_info *info)
{
	if (p->rc)
		return p->rc;
	if (!p->csv_ready && start(p) != LUP_OK)
		return p->rc;
	if (csv_fini(&p->csv, cb_cell, cb_row, p) != 0 && !p->rc)
		return fail(p, p->row_line, p->ncell + 1, "filen slutar inne i en citerad cell (avklippt?)");
	if (p->rc)
		return p->rc;
	if (!p->have_header)
		return fail(p, 0, 0, "tom fil: en rubrikrad som namnger kolumnerna väntades (%s)", expected_columns);
	p->info.lines = p->line - p->bol > 0 ? p->line - p->bol : 1;
	*info = p->info;
	return LUP_OK;
}

int imp_csv_parse(struct imp_ctx *c, const char *buf, size_t len, const struct imp_csv_sink *sink,
		  struct imp_csv_info *info)
{
	struct imp_csv_parser *p = imp_csv_open(c, sink);
	int rc = imp_csv_feed(p, buf, len);

	if (rc == LUP_OK)
		rc = imp_csv_finish(p, info);
	imp_csv_close(p);
	return rc;
}
