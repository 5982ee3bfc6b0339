/* page-commission.c: the commission pages. /kommissionen is the matrix of the commission's
 * measures (by report and recommendation) against the administrations that answered them, one
 * table per report, each cell the administration's stance linked to the text behind it;
 * /kommissionen/svar/{id} is that text (the labelled parts, the phrase that decided the stance);
 * /kommissionen/forvaltning/{key} is one administration's part of the document. The matrix's
 * data is view/commission.h's; this file renders it. */
#include "web/page.h"
#include "render/rows.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "store/store.h"
#include "view/commission.h"
#include "web/download.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int page_commission(struct http_req *r);
int page_commission_response(struct http_req *r);
int page_commission_admin(struct http_req *r);

/* A stance as the pages show it: Swedish text, a symbol (hidden from screen readers, the text
 * says the same) and the class that colours the cell. The last entry is "no answer". markup is
 * what stance_text writes for it, as the writer writes it (labels and symbols hold nothing the
 * escaper changes): constant markup of the program, written whole for each of the matrix's
 * cells (a few hundred) rather than an element and two texts each. */
#define STANCE_MARKUP(label, sym) "<span class=\"sym\" aria-hidden=\"true\">" sym "</span> " label
#define STANCE(key, label, sym, cls) \
	{ key, label, sym, cls, STANCE_MARKUP(label, sym), "<td class=\"" cls "\">" STANCE_MARKUP(label, sym) "</td>" }
static const struct stance {
	const char *key, *label, *sym, *cls, *markup;
	const char *cell;	/* a matrix cell without a link: <td class="cls">markup</td> */
} stances[] = {
	STANCE("agree", "instämmer", "\u2714", "st st-agree"),
	STANCE("positive", "positiv", "+", "st st-positive"),
	STANCE("hesitant", "tveksam", "?", "st st-hesitant"),
	STANCE("disagree", "avvisar", "\u2718", "st st-disagree"),
	STANCE("none", "ingen ställning", "\u25CB", "st st-none"),
	STANCE(NULL, "ej svarat", "\u2013", "st st-missing"),
};
#define NSTANCES (sizeof(stances) / sizeof(stances[0]))
#define MISSING (&stances[NSTANCES - 1])

static const struct stance *stance_of(const char *key, int no_response)
{
	for (size_t i = 0; key && !no_response && i + 1 < NSTANCES; i++)
		if (strcmp(stances[i].key, key) == 0)
			return &stances[i];
	return no_response ? MISSING : &stances[NSTANCES - 2];
}

static void stance_text(struct html *h, const struct stance *s)
{
	html_elem(h, "span", s->sym, "class", "sym", "aria-hidden", "true", NULL);
	html_text(h, " ");
	html_text(h, s->label);
}

/* stance_markup: what stance_text writes, as the constant markup of the stance. */
static void stance_markup(struct html *h, const struct stance *s)
{
	html_raw_trusted(h, s->markup);
}

/* Cell text of a rowset (NULL for NULL) and as an integer. */
static const char *cs(const struct rowset *rs, int row, int col) { return rs->rows[row][col].s; }
static int64_t ci(const struct rowset *rs, int row, int col) { return rowset_ic(rs, row, col); }

static int query(struct http_req *r, struct rowset *rs, enum stmt s, const struct sval *args, int n)
{
	rowset_init(rs, &r->a);
	return rowset_query(rs, r->st, s, args, n, &r->err);
}

static int db_failed(struct http_req *r)
{
	return page_error(r, 500, "Uppgifterna kunde inte läsas från databasen. Försök igen om en stund.");
}

/* cat: prefix followed by id, in the request's arena. */
static const char *cat(struct http_req *r, const char *prefix, const char *id)
{
	size_t np = strlen(prefix), ni = strlen(id);
	char *s = arena_alloc_raw(&r->a, np + ni + 1);

	memcpy(s, prefix, np);
	memcpy(s + np, id, ni + 1);
	return s;
}

/* id_href: prefix "/" id, the link page_href makes of the id's digits (nothing to encode). */
static const char *id_href(struct http_req *r, const char *prefix, int64_t id)
{
	char num[NUMFMT_SIZE + 1];

	num[0] = '/';
	numfmt_long(id, num + 1);
	return cat(r, prefix, num);
}

/* id_link: prefix followed by the id's digits, in b (reset here). */
static const char *id_link(struct buf *b, const char *prefix, size_t prefix_len, int64_t id)
{
	char num[NUMFMT_SIZE];
	size_t n = numfmt_long(id, num);

	buf_reset(b);
	buf_add(b, prefix, prefix_len);
	buf_add(b, num, n);
	return b->ptr;
}

/* key_link: prefix "/" key percent-encoded (what page_href makes), in b (reset here). */
static const char *key_link(struct buf *b, const char *prefix, size_t prefix_len, const char *key)
{
	buf_reset(b);
	buf_add(b, prefix, prefix_len);
	buf_addc(b, '/');
	html_url_arg(b, key);
	return b->ptr;
}

/* measure_cells: the cells of measure id (v->cells is sorted by (measure, org)): the first, and
 * their number in *n. */
static const struct view_cm_cell *measure_cells(const struct view_commission *v, int64_t id, size_t *n)
{
	size_t lo = 0, hi = v->ncells, k;

	while (lo < hi)
		if (v->cells[k = lo + (hi - lo) / 2].measure < id)
			lo = k + 1;
		else
			hi = k;
	for (k = lo; k < v->ncells && v->cells[k].measure == id; k++)
		;
	*n = k - lo;
	return v->cells + lo;
}

/* matrix_row: measure m's row: its number and text, then per column the administration's
 * stance, linked to its response (b: room for the links). */
static void matrix_row(struct html *h, struct buf *b, const struct view_commission *v,
		       const struct view_cm_report *rep, const struct view_cm_measure *m)
{
	static const char svar[] = "/kommissionen/svar/", atgard[] = "atgard-";
	size_t n;
	const struct view_cm_cell *cells = measure_cells(v, m->id, &n);

	HTML_OPEN_A(h, "tr", "id", id_link(b, atgard, sizeof(atgard) - 1, m->id));
	HTML_START(h, "th");
	HTML_ATTR(h, "scope", "row");
	HTML_ATTR(h, "class", "measure");
	html_start_end(h, 1);
	HTML_ELEM_A(h, "span", "class", "num", m->number);
	html_text(h, " ");
	html_text(h, m->text ? m->text : "(rubrik saknas i dokumentet)");
	html_close(h);
	for (size_t c = 0; c < rep->ncols; c++) {
		int64_t org = v->columns[rep->cols[c]].org;
		const struct view_cm_cell *x = NULL;
		const struct stance *st;
		for (size_t k = 0; k < n && !x; k++)	/* a measure has a few cells */
			if (cells[k].org == org)
				x = &cells[k];
		if (!x) {
			html_raw_trusted(h, MISSING->cell);
			continue;
		}
		st = stance_of(x->stance, x->no_response);
		HTML_OPEN_A(h, "td", "class", st->cls);
		HTML_OPEN_A(h, "a", "href", id_link(b, svar, sizeof(svar) - 1, x->response));
		stance_markup(h, st);
		html_close(h);
		html_close(h);
	}
	html_close(h);
}

/* One report's matrix: rows its measures (grouped by recommendation), columns the
 * administrations that answered any of them (b: room for the links). */
static void report_matrix(struct http_req *r, struct html *h, struct buf *b, const struct view_commission *v,
			  const struct view_cm_report *rep)
{
	static const char forvaltning[] = "/kommissionen/forvaltning";
	const char *title = rep->title;
	const char *group = NULL;
	char span[NUMFMT_SIZE];
	int depth;

	html_elem(h, "h2", title, "id", cat(r, "rapport-", rep->key), NULL);
	if (rep->nmeasures == 0) {
		HTML_ELEM(h, "p", "Inga åtgärder är inlästa för den här rapporten.");
		return;
	}
	if (rep->ncols == 0)
		HTML_ELEM(h, "p", "Ingen förvaltning har svarat på åtgärderna i den här rapporten.");
	depth = h->depth;
	html_open(h, "div", "class", "matrix-wrap", "role", "region", "tabindex", "0",
		  "aria-label", cat(r, "Matris: ", title), NULL);
	HTML_OPEN_A(h, "table", "class", "matrix");
	HTML_OPEN(h, "caption");
	html_textf(h, "Förvaltningarnas ställning till åtgärderna i %s", title);
	html_close(h);
	HTML_OPEN(h, "thead");
	HTML_OPEN(h, "tr");
	html_elem(h, "th", "Åtgärd", "scope", "col", "class", "measure", NULL);
	for (size_t c = 0; c < rep->ncols; c++) {
		const struct view_cm_column *col = &v->columns[rep->cols[c]];
		HTML_START(h, "th");
		HTML_ATTR(h, "scope", "col");
		HTML_ATTR(h, "class", "admin");
		html_start_end(h, 1);
		HTML_START(h, "a");
		HTML_ATTR(h, "href", key_link(b, forvaltning, sizeof(forvaltning) - 1, col->key));
		HTML_ATTR(h, "title", col->name);
		html_start_end(h, 1);
		html_text(h, col->short_name);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	numfmt_long((long long)rep->ncols + 1, span);
	for (size_t i = 0; i < rep->nmeasures; i++) {
		const struct view_cm_measure *m = rep->measures[i];
		if (!group || strcmp(m->group, group) != 0) {
			if (group)
				html_close(h);	/* tbody */
			group = m->group;
			HTML_OPEN(h, "tbody");
			HTML_OPEN_A(h, "tr", "class", "rec");
			html_open(h, "th", "scope", "rowgroup", "colspan", span, NULL);
			html_text(h, "Rekommendation ");
			html_text(h, group);
			if (m->rec_text) {
				html_text(h, ": ");
				html_text(h, m->rec_text);
			}
			html_close(h);
			html_close(h);
		}
		matrix_row(h, b, v, rep, m);
	}
	html_close_to(h, depth);
}

static void legend(struct html *h)
{
	html_open(h, "ul", "class", "cm-legend", "aria-label", "Teckenförklaring", NULL);
	for (size_t i = 0; i < NSTANCES; i++) {
		html_open(h, "li", "class", stances[i].cls, NULL);
		stance_text(h, &stances[i]);
		html_close(h);
	}
	html_close(h);
}

static void admins_table(struct http_req *r, struct html *h, const struct view_commission *v)
{
	HTML_ELEM_A(h, "h2", "id", "forvaltningar", "Förvaltningarnas yttranden");
	html_elem(h, "p", "Varje förvaltning som dokumentet tar upp, med antalet åtgärder den har svarat på och "
		  "ställningen i dess yttrande i stort.", NULL);
	HTML_OPEN(h, "table");
	HTML_ELEM(h, "caption", "Förvaltningar som skulle yttra sig över kommissionens rapporter");
	HTML_OPEN(h, "thead");
	HTML_OPEN(h, "tr");
	HTML_ELEM_A(h, "th", "scope", "col", "Förvaltning");
	HTML_ELEM_A(h, "th", "scope", "col", "Grupp");
	html_elem(h, "th", "Svar på åtgärder", "scope", "col", "class", "num", NULL);
	HTML_ELEM_A(h, "th", "scope", "col", "Ställning i yttrandet");
	html_close(h);
	html_close(h);
	HTML_OPEN(h, "tbody");
	for (size_t i = 0; i < v->nadmins; i++) {
		const struct view_cm_admin *ad = &v->admins[i];
		char n[NUMFMT_SIZE];
		numfmt_long(ad->responses, n);
		HTML_OPEN(h, "tr");
		HTML_OPEN_A(h, "th", "scope", "row");
		html_elem(h, "a", ad->name, "href", page_href(r, "/kommissionen/forvaltning", ad->key), NULL);
		html_close(h);
		html_elem(h, "td", strcmp(ad->grp, "district") == 0 ? "Stadsdelsförvaltning" :
			  strcmp(ad->grp, "specialist") == 0 ? "Fackförvaltning" : "Övrig", NULL);
		HTML_ELEM_A(h, "td", "class", "num", n);
		if (ad->no_response) {
			html_open(h, "td", "class", MISSING->cls, NULL);
			stance_text(h, MISSING);
			html_textf(h, " (%s)", ad->marker ? ad->marker : "Skrivelse saknas");
		} else {
			const struct stance *st = stance_of(ad->stance, 0);
			html_open(h, "td", "class", st->cls, NULL);
			stance_text(h, st);
		}
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

/* reserve: room in the answer for the matrix (about 120 bytes a cell and 400 a measure's
 * heading): no doubling and copying on the way. */
static void reserve(struct http_req *r, const struct view_commission *v)
{
	size_t cells = 0;

	for (size_t i = 0; i < v->nreports; i++)
		cells += v->reports[i].nmeasures * v->reports[i].ncols;
	buf_reserve(&r->out, 16384 + 128 * cells + 512 * v->nmeasures);
}

/* GET /kommissionen: the matrix (view/commission.h). */
int page_commission(struct http_req *r)
{
	struct view_commission v;
	struct html *h;
	struct buf links;
	int counts[NSTANCES] = { 0 }, silent = 0, answered = 0;

	store_read_last(r->st);	/* the view's five reads are the page's one batch */
	if (view_commission_load(r->st, &r->a, &v, &r->err) != LUP_OK)
		return db_failed(r);
	h = page_begin(r, "Kommissionen", NAV_COMMISSION);
	HTML_ELEM(h, "h1", "Kommissionen för ett socialt hållbart Stockholm");
	if (v.ncells == 0 && v.nadmins == 0) {
		HTML_ELEM_A(h, "p", "class", "empty", "Inga svar importerade ännu.");
		HTML_OPEN(h, "p");
		html_text(h, "Förvaltningarnas svar på kommissionens rekommendationer läses in från kommissionens "
			  "svarsdokument med kommandot ");
		HTML_ELEM(h, "code", "lup import commission FIL");
		html_text(h, ".");
		html_close(h);
		return page_end(r, h);
	}
	reserve(r, &v);
	download_menu(r, h, "commission", "/kommissionen", NULL);
	for (size_t i = 0; i < v.ncells; i++)
		counts[stance_of(v.cells[i].stance, v.cells[i].no_response) - stances]++;
	for (size_t i = 0; i < v.nadmins; i++) {
		silent += v.admins[i].no_response;
		answered += v.admins[i].responses > 0;
	}
	HTML_OPEN_A(h, "p", "class", "lead");
	html_text(h, "Kommissionens rapporter, deras rekommendationer och åtgärder, och hur stadens förvaltningar "
		  "har svarat på varje åtgärd. Välj en cell för att läsa svaret och se vilken formulering som "
		  "avgjorde ställningen.");
	html_close(h);
	HTML_OPEN(h, "p");
	html_textf(h, "%zu svar från %d förvaltningar på %zu åtgärder i %zu rapporter", v.ncells, answered, v.nmeasures,
		   v.nreports);
	if (silent)
		html_textf(h, "; %d förvaltningar har inte skickat något yttrande", silent);
	html_text(h, ". Ställningen i svaren: ");
	for (size_t i = 0, n = 0; i + 1 < NSTANCES; i++) {
		if (!counts[i])
			continue;
		html_textf(h, "%s%d %s", n++ ? ", " : "", counts[i], stances[i].label);
	}
	html_text(h, ".");
	html_close(h);
	HTML_ELEM_A(h, "h2", "class", "visually-hidden", "Teckenförklaring");
	legend(h);
	html_open(h, "nav", "aria-label", "Rapporter", "class", "cm-toc", NULL);
	HTML_OPEN(h, "ul");
	for (size_t i = 0; i < v.nreports; i++) {
		HTML_OPEN(h, "li");
		html_elem(h, "a", v.reports[i].title, "href", cat(r, "#rapport-", v.reports[i].key), NULL);
		html_close(h);
	}
	HTML_OPEN(h, "li");
	HTML_ELEM_A(h, "a", "href", "#forvaltningar", "Förvaltningarnas yttranden");
	html_close(h);
	html_close(h);
	html_close(h);
	buf_init(&links, 4096);	/* page_href's bound */
	for (size_t ri = 0; ri < v.nreports; ri++)
		report_matrix(r, h, &links, &v, &v.reports[ri]);
	buf_release(&links);
	if (v.nadmins)
		admins_table(r, h, &v);
	return page_end(r, h);
}

/* The id in the route's first capture, or 0 when it is not a plain positive number. */
static int64_t param_id(struct http_req *r)
{
	const char *s = r->params[0];
	int64_t v = 0;

	if (!s || !*s || strlen(s) > 15)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Writes text as paragraphs (one per line) and marks the first occurrence of phrase once
 * (*marked tells whether it was marked already; phrase may be NULL). */
static void paragraphs(struct http_req *r, struct html *h, const char *text, const char *phrase, int *marked)
{
	while (text && *text) {
		const char *nl = strchr(text, '\n'), *end = nl ? nl : text + strlen(text), *at = NULL;
		size_t pl = phrase ? strlen(phrase) : 0;

		if (pl && !*marked) {
			const char *line = arena_strndup(&r->a, text, (size_t)(end - text));
			const char *f = strstr(line, phrase);
			if (f)
				at = text + (f - line);
		}
		if (end > text) {
			HTML_OPEN(h, "p");
			if (at) {
				html_text(h, arena_strndup(&r->a, text, (size_t)(at - text)));
				HTML_ELEM(h, "mark", arena_strndup(&r->a, at, pl));
				html_text(h, arena_strndup(&r->a, at + pl, (size_t)(end - (at + pl))));
				*marked = 1;
			} else {
				html_text(h, arena_strndup(&r->a, text, (size_t)(end - text)));
			}
			html_close(h);
		}
		text = nl ? nl + 1 : end;
	}
}

static void crumbs(struct html *h, const char *here)
{
	html_open(h, "nav", "aria-label", "Du är här", "class", "crumbs", NULL);
	HTML_OPEN(h, "ol");
	HTML_OPEN(h, "li");
	HTML_ELEM_A(h, "a", "href", "/kommissionen", "Kommissionen");
	html_close(h);
	HTML_ELEM_A(h, "li", "aria-current", "page", here);
	html_close(h);
	html_close(h);
}

/* The phrase that decided the stance (of a response, or of a statement), or that none did. */
static void phrase_line(struct html *h, const char *phrase, int statement)
{
	HTML_OPEN(h, "p");
	if (phrase) {
		html_text(h, "Formuleringen som avgjorde ställningen: ");
		HTML_ELEM_A(h, "q", "class", "phrase", phrase);
		html_text(h, " (markerad i texten nedan).");
	} else {
		html_textf(h, "Ingen formulering i %s uttrycker en ställning till kommissionens förslag.",
			   statement ? "yttrandet" : "svaret");
	}
	html_close(h);
}

static void dl_item(struct html *h, const char *term, const char *value)
{
	HTML_ELEM(h, "dt", term);
	HTML_ELEM(h, "dd", value);
}

/* GET /kommissionen/svar/{id}: the text behind one cell of the matrix. */
int page_commission_response(struct http_req *r)
{
	struct rowset x, parts, refs, others;
	struct sval a[2];
	const struct stance *st;
	struct html *h;
	int64_t id = param_id(r);
	int marked = 0;
	const char *phrase, *title;

	if (!id)
		return page_error(r, 404, "Det finns inget svar med det numret.");
	a[0] = sv_int(id);
	if (query(r, &x, STMT_WEB_FOLLOW_RESPONSE, a, 1))
		return db_failed(r);
	if (x.nrows == 0)
		return page_error(r, 404, "Det finns inget svar med det numret.");
	a[1] = a[0];
	a[0] = sv_int(ci(&x, 0, 6));
	if (query(r, &parts, STMT_REL_RESPONSE_PARTS, &a[1], 1) || query(r, &refs, STMT_WEB_FOLLOW_RESPONSE_REFS, &a[1], 1) ||
	    query(r, &others, STMT_WEB_FOLLOW_MEASURE_RESPONSES, a, 2))
		return db_failed(r);
	st = stance_of(cs(&x, 0, 1), ci(&x, 0, 3) != 0);
	phrase = cs(&x, 0, 2);
	{
		struct buf b;
		buf_init(&b, 4096);
		buf_addf(&b, "%s om åtgärd %s", cs(&x, 0, 5), cs(&x, 0, 7));
		title = arena_strdup(&r->a, b.ptr);
		buf_release(&b);
	}
	h = page_begin(r, title, NAV_COMMISSION);
	crumbs(h, "Svar");
	HTML_OPEN(h, "h1");
	html_textf(h, "Svar från %s på åtgärd %s", cs(&x, 0, 5), cs(&x, 0, 7));
	html_close(h);
	HTML_OPEN_A(h, "dl", "class", "cm-facts");
	dl_item(h, "Rapport", cs(&x, 0, 10));
	HTML_ELEM(h, "dt", "Rekommendation");
	HTML_OPEN(h, "dd");
	html_text(h, cs(&x, 0, 11) ? cs(&x, 0, 11) : "(anges inte i dokumentet)");
	if (cs(&x, 0, 12))
		html_textf(h, " %s", cs(&x, 0, 12));
	html_close(h);
	HTML_ELEM(h, "dt", "Åtgärd");
	HTML_OPEN(h, "dd");
	html_open(h, "a", "href", cat(r, "/kommissionen#atgard-", cs(&x, 0, 6)), NULL);
	html_textf(h, "%s %s", cs(&x, 0, 7), cs(&x, 0, 8) ? cs(&x, 0, 8) : "");
	html_close(h);
	html_close(h);
	HTML_ELEM(h, "dt", "Förvaltning");
	HTML_OPEN(h, "dd");
	html_elem(h, "a", cs(&x, 0, 5), "href", page_href(r, "/kommissionen/forvaltning", cs(&x, 0, 4)), NULL);
	html_close(h);
	HTML_ELEM(h, "dt", "Ställning");
	HTML_OPEN(h, "dd");
	html_open(h, "span", "class", st->cls, NULL);
	stance_text(h, st);
	html_close(h);
	html_close(h);
	html_close(h);
	phrase_line(h, phrase, 0);
	if (page_source(r, h, "response", id, NULL) != 0)
		return r->status;
	HTML_ELEM(h, "h2", "Svarets delar");
	if (parts.nrows == 0)
		HTML_ELEM(h, "p", "Svaret har ingen text.");
	for (int i = 0; i < parts.nrows; i++) {
		const char *label = cs(&parts, i, 1);
		/* Beskrivning and Ansvarig quote the commission: the stance is never read there */
		int quoted = strcmp(label, "Beskrivning") == 0 || strcmp(label, "Ansvarig") == 0;
		html_open(h, "section", "class", "cm-part", "aria-label", label, NULL);
		HTML_ELEM(h, "h3", strcmp(label, "Text") == 0 ? "Text utan rubrik" : label);
		paragraphs(r, h, cs(&parts, i, 2), quoted ? NULL : phrase, &marked);
		html_close(h);
	}
	if (refs.nrows) {
		HTML_ELEM(h, "h2", "Svaret hänvisar också till");
		HTML_OPEN(h, "ul");
		for (int i = 0; i < refs.nrows; i++) {
			HTML_OPEN(h, "li");
			html_open(h, "a", "href", cat(r, "/kommissionen#atgard-", cs(&refs, i, 0)), NULL);
			html_textf(h, "Åtgärd %s %s", cs(&refs, i, 1), cs(&refs, i, 2) ? cs(&refs, i, 2) : "");
			html_close(h);
			html_textf(h, " (%s)", cs(&refs, i, 3));
			html_close(h);
		}
		html_close(h);
	}
	HTML_ELEM(h, "h2", "Andra förvaltningars svar på samma åtgärd");
	if (others.nrows == 0)
		HTML_ELEM(h, "p", "Ingen annan förvaltning har svarat på åtgärden.");
	else {
		HTML_OPEN_A(h, "ul", "class", "answers");
		for (int i = 0; i < others.nrows; i++) {
			const struct stance *os = stance_of(cs(&others, i, 2), ci(&others, i, 3) != 0);
			HTML_OPEN(h, "li");
			html_elem(h, "a", cs(&others, i, 1), "href", id_href(r, "/kommissionen/svar", ci(&others, i, 0)), NULL);
			html_text(h, ": ");
			html_open(h, "span", "class", os->cls, NULL);
			stance_text(h, os);
			html_close(h);
			html_close(h);
		}
		html_close(h);
	}
	return page_end(r, h);
}

/* GET /kommissionen/forvaltning/{key}: one administration's statement and answers. */
int page_commission_admin(struct http_req *r)
{
	struct rowset x, reps, resp;
	struct sval a;
	struct html *h;
	const char *grp;
	int marked = 0;

	a = sv_text(r->params[0]);
	if (query(r, &x, STMT_WEB_FOLLOW_ADMIN, &a, 1))
		return db_failed(r);
	if (x.nrows == 0)
		return page_error(r, 404, "Förvaltningen finns inte bland dem som yttrat sig till kommissionen.");
	a = sv_int(ci(&x, 0, 0));
	if (query(r, &reps, STMT_WEB_FOLLOW_ADMIN_REPORTS, &a, 1) || query(r, &resp, STMT_WEB_FOLLOW_ADMIN_RESPONSES, &a, 1))
		return db_failed(r);
	h = page_begin(r, cs(&x, 0, 2), NAV_COMMISSION);
	crumbs(h, cs(&x, 0, 2));
	HTML_OPEN(h, "h1");
	html_textf(h, "%s och kommissionen", cs(&x, 0, 2));
	html_close(h);
	HTML_OPEN_A(h, "dl", "class", "cm-facts");
	grp = cs(&x, 0, 3) ? cs(&x, 0, 3) : "";
	if (cs(&x, 0, 4))
		dl_item(h, "Rubrik i dokumentet", cs(&x, 0, 4));
	dl_item(h, "Grupp", strcmp(grp, "district") == 0 ? "Stadsdelsförvaltningar" :
		strcmp(grp, "specialist") == 0 ? "Fackförvaltningar" : "Övriga");
	if (reps.nrows) {
		HTML_ELEM(h, "dt", "Rapporter som yttrandet tar upp");
		for (int i = 0; i < reps.nrows; i++) {
			HTML_OPEN(h, "dd");
			html_elem(h, "a", cs(&reps, i, 1), "href", cat(r, "/kommissionen#rapport-", cs(&reps, i, 0)), NULL);
			html_close(h);
		}
	}
	html_close(h);
	if (ci(&x, 0, 5)) {
		HTML_OPEN_A(h, "p", "class", "empty");
		html_textf(h, "Förvaltningen har inte skickat något yttrande (”%s”).",
			   cs(&x, 0, 6) ? cs(&x, 0, 6) : "Skrivelse saknas");
		html_close(h);
		return page_end(r, h);
	}
	HTML_ELEM(h, "h2", "Yttrandet i stort");
	if (cs(&x, 0, 7) && *cs(&x, 0, 7)) {
		const struct stance *st = stance_of(cs(&x, 0, 8), 0);
		HTML_OPEN(h, "p");
		html_text(h, "Ställning: ");
		html_open(h, "span", "class", st->cls, NULL);
		stance_text(h, st);
		html_close(h);
		html_close(h);
		phrase_line(h, cs(&x, 0, 9), 1);
		HTML_OPEN_A(h, "div", "class", "statement");
		paragraphs(r, h, cs(&x, 0, 7), cs(&x, 0, 9), &marked);
		html_close(h);
	} else {
		HTML_ELEM(h, "p", "Förvaltningen har ingen text utöver svaren på enskilda åtgärder.");
	}
	HTML_ELEM(h, "h2", "Svar på enskilda åtgärder");
	if (resp.nrows == 0) {
		HTML_ELEM(h, "p", "Förvaltningen har inte svarat på någon enskild åtgärd.");
		return page_end(r, h);
	}
	HTML_OPEN_A(h, "table", "class", "answers-table");
	HTML_ELEM(h, "caption", "Förvaltningens svar per åtgärd");
	HTML_OPEN(h, "thead");
	HTML_OPEN(h, "tr");
	HTML_ELEM_A(h, "th", "scope", "col", "Åtgärd");
	HTML_ELEM_A(h, "th", "scope", "col", "Rapport");
	HTML_ELEM_A(h, "th", "scope", "col", "Ställning");
	html_close(h);
	html_close(h);
	HTML_OPEN(h, "tbody");
	for (int i = 0; i < resp.nrows; i++) {
		const struct stance *st = stance_of(cs(&resp, i, 1), ci(&resp, i, 2) != 0);
		HTML_OPEN(h, "tr");
		html_open(h, "th", "scope", "row", "class", "measure", NULL);
		HTML_ELEM_A(h, "span", "class", "num", cs(&resp, i, 4));
		html_text(h, " ");
		html_text(h, cs(&resp, i, 5) ? cs(&resp, i, 5) : "(rubrik saknas i dokumentet)");
		html_close(h);
		HTML_ELEM(h, "td", cs(&resp, i, 6));
		html_open(h, "td", "class", st->cls, NULL);
		html_open(h, "a", "href", id_href(r, "/kommissionen/svar", ci(&resp, i, 0)), NULL);
		stance_text(h, st);
		html_close(h);
		html_close(h);
		html_close(h);
	}
	html_close(h);
	html_close(h);
	return page_end(r, h);
}
