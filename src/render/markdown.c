/* markdown.c: Markdown through cmark-gfm's tree and lup's HTML writer (see markdown.h). The tree
 * is walked with cmark_iter (no recursion, whatever the nesting); each node opens its elements
 * on entry and closes them on exit. A node whose elements would go deeper than the limit opens
 * nothing, and neither does anything under it (md.over counts them), while the text is kept.
 * Parses are serialised (see parse_lock). */
#include "render/markdown.h"
#include "core/utf8.h"
#include "render/html.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The extensions lup turns on: tables, ~strikethrough~ and www./e-mail autolinks. */
static const char *const extensions[] = { "table", "strikethrough", "autolink" };

static pthread_once_t registered = PTHREAD_ONCE_INIT;

/* cmark-gfm's parser is not re-entrant: while it parses inlines it adds the extensions' special
 * characters to a global table and takes them out again (github/cmark-gfm#176). One parse at a
 * time, then; the walk over the tree needs no lock. A 200 kB text parses in under 0.1 s. */
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

/* The walk's state. */
struct md {
	struct html *h;
	int base;		/* the level of a "#" heading */
	int limit;		/* h->depth that nothing may open beyond */
	int over;		/* nodes entered that opened nothing because they were too deep */
	int tbody;		/* the current table's tbody is open */
	int col;		/* the column of the current table cell */
	uint16_t ncols;		/* the current table's columns and their alignments */
	const uint8_t *align;
};

/* The node kinds of the extensions, which have no constants in the installed headers. */
enum ext { EXT_NONE, EXT_TABLE, EXT_ROW, EXT_CELL, EXT_STRIKE };

static enum ext ext_of(cmark_node *n)
{
	const char *t = cmark_node_get_type_string(n);

	if (!t)
		return EXT_NONE;
	if (strcmp(t, "table") == 0)
		return EXT_TABLE;
	if (strcmp(t, "table_row") == 0 || strcmp(t, "table_header") == 0)
		return EXT_ROW;
	if (strcmp(t, "table_cell") == 0)
		return EXT_CELL;
	if (strcmp(t, "strikethrough") == 0)
		return EXT_STRIKE;
	return EXT_NONE;
}

int md_url_allowed(const char *url)
{
	if (!url || !*url || (url[0] == '/' && url[1] == '/'))
		return 0;
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	size_t n = strcspn(url, ":/?#");
	if (url[n] != ':')
		return 1;	/* no scheme: a relative URL */
	return (n == 4 && strncasecmp(url, "http", 4) == 0) || (n == 5 && strncasecmp(url, "https", 5) == 0) ||
	       (n == 6 && strncasecmp(url, "mailto", 6) == 0);
}

/* tight_para: a paragraph of a tight list's item, written without <p>. */
static int tight_para(cmark_node *n)
{
	cmark_node *item = cmark_node_parent(n), *list = item ? cmark_node_parent(item) : NULL;

	return list && cmark_node_get_type(list) == CMARK_NODE_LIST && cmark_node_get_list_tight(list);
}

static const char *heading_tag(const struct md *m, cmark_node *n)
{
	static const char *const tags[] = { "h1", "h2", "h3", "h4", "h5", "h6" };
	int level = cmark_node_get_heading_level(n) + m->base - 1;

	return tags[level < 1 ? 0 : level > 6 ? 5 : level - 1];
}

/* need: how many elements a container node keeps open from its entry to its exit. */
static int need(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_ITEM:
	case CMARK_NODE_HEADING:
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
		return 1;
	case CMARK_NODE_PARAGRAPH:
		return !tight_para(n);
	case CMARK_NODE_LINK:
		return md_url_allowed(cmark_node_get_url(n));
	case CMARK_NODE_IMAGE:
		return 1;	/* the link after the alt text */
	default:
		break;
	}
	switch (ext_of(n)) {
	case EXT_TABLE:
		return 4;	/* table, thead or tbody, tr, th or td */
	case EXT_ROW:
		return 2;
	case EXT_CELL:
	case EXT_STRIKE:
		return 1;
	default:
		return 0;
	}
}

static const char *align_class(uint8_t a)
{
	return a == 'l' ? "md-left" : a == 'c' ? "md-center" : a == 'r' ? "md-right" : NULL;
}

static void open_list(struct md *m, cmark_node *n)
{
	char start[24];
	int s = cmark_node_get_list_start(n);

	if (cmark_node_get_list_type(n) != CMARK_ORDERED_LIST) {
		html_open(m->h, "ul", NULL);
		return;
	}
	snprintf(start, sizeof(start), "%d", s);
	html_open(m->h, "ol", "start", s != 1 ? start : NULL, NULL);
}

static void open_ext(struct md *m, cmark_node *n)
{
	switch (ext_of(n)) {
	case EXT_TABLE:
		m->tbody = 0;
		m->ncols = cmark_gfm_extensions_get_table_columns(n);
		m->align = cmark_gfm_extensions_get_table_alignments(n);
		html_open(m->h, "table", "class", "md-table", NULL);
		break;
	case EXT_ROW:
		m->col = 0;
		if (cmark_gfm_extensions_get_table_row_is_header(n))
			html_open(m->h, "thead", NULL);
		else if (!m->tbody) {
			html_open(m->h, "tbody", NULL);
			m->tbody = 1;
		}
		html_open(m->h, "tr", NULL);
		break;
	case EXT_CELL: {
		cmark_node *row = cmark_node_parent(n);
		const char *cls = m->align && m->col < m->ncols ? align_class(m->align[m->col]) : NULL;
		m->col++;
		if (row && cmark_gfm_extensions_get_table_row_is_header(row))
			html_open(m->h, "th", "scope", "col", "class", cls, NULL);
		else
			html_open(m->h, "td", "class", cls, NULL);
		break;
	}
	case EXT_STRIKE:
		html_open(m->h, "del", NULL);
		break;
	default:
		break;
	}
}

/* enter: a container node's entry. */
static void enter(struct md *m, cmark_node *n)
{
	struct html *h = m->h;

	if (m->over || h->depth + need(n) > m->limit) {
		m->over++;
		return;
	}
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_BLOCK_QUOTE: html_open(h, "blockquote", NULL); break;
	case CMARK_NODE_LIST: open_list(m, n); break;
	case CMARK_NODE_ITEM: html_open(h, "li", NULL); break;
	case CMARK_NODE_HEADING: html_open(h, heading_tag(m, n), NULL); break;
	case CMARK_NODE_EMPH: html_open(h, "em", NULL); break;
	case CMARK_NODE_STRONG: html_open(h, "strong", NULL); break;
	case CMARK_NODE_PARAGRAPH:
		if (!tight_para(n))
			html_open(h, "p", NULL);
		break;
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(n), *title = cmark_node_get_title(n);
		if (md_url_allowed(url))
			html_open(h, "a", "href", url, "title", title && *title ? title : NULL, NULL);
		break;
	}
	default:
		open_ext(m, n);
		break;
	}
}

/* leave: a container node's exit: closes what enter opened. */
static void leave(struct md *m, cmark_node *n)
{
	struct html *h = m->h;
	int k = need(n);

	if (m->over) {
		m->over--;
		return;
	}
	if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
		const char *url = cmark_node_get_url(n);
		if (md_url_allowed(url)) {
			html_text(h, " (");
			html_elem(h, "a", "bild", "href", url, "class", "md-image", NULL);
			html_text(h, ")");
		}
		return;
	}
	switch (ext_of(n)) {
	case EXT_TABLE:
		if (m->tbody)
			html_close(h);	/* tbody */
		m->tbody = 0;
		html_close(h);	/* table */
		return;
	case EXT_ROW:
		html_close(h);
		if (cmark_gfm_extensions_get_table_row_is_header(n))
			html_close(h);
		return;
	default:
		break;
	}
	while (k-- > 0)
		html_close(h);
}

/* leaf: a node without children (they have no exit event). */
static void leaf(struct md *m, cmark_node *n)
{
	struct html *h = m->h;
	const char *lit = cmark_node_get_literal(n);
	int deep = m->over || h->depth + 2 > m->limit;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:	/* raw HTML: shown as text */
		html_text(h, lit);
		break;
	case CMARK_NODE_SOFTBREAK:
		html_text(h, "\n");
		break;
	case CMARK_NODE_LINEBREAK:
		if (deep)
			html_text(h, "\n");
		else
			html_void(h, "br", NULL);
		break;
	case CMARK_NODE_CODE:
		if (deep)
			html_text(h, lit);
		else
			html_elem(h, "code", lit, NULL);
		break;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		if (deep) {
			html_text(h, lit);
			break;
		}
		html_open(h, "pre", "class", cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK ? "md-html" : NULL, NULL);
		html_elem(h, "code", lit, NULL);
		html_close(h);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		if (!deep)
			html_void(h, "hr", NULL);
		break;
	default:
		break;
	}
}

/* is_leaf: the node kinds that have only an entry event. */
static int is_leaf(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
	case CMARK_NODE_CODE:
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_THEMATIC_BREAK:
		return 1;
	default:
		return 0;
	}
}

struct cmark_node *md_parse(const char *src, size_t len)
{
	cmark_parser *p;
	cmark_node *doc;

	pthread_once(&registered, register_extensions);
	pthread_mutex_lock(&parse_lock);
	p = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (size_t i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++) {
		cmark_syntax_extension *x = cmark_find_syntax_extension(extensions[i]);
		if (x)
			cmark_parser_attach_syntax_extension(p, x);
	}
	cmark_parser_feed(p, src, len);
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	pthread_mutex_unlock(&parse_lock);
	return doc;
}

void md_walk(cmark_node *doc, const struct md_visitor *v, void *ctx)
{
	cmark_event_type ev;
	cmark_iter *it = cmark_iter_new(doc);

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (n == doc)
			continue;
		if (is_leaf(n))
			v->leaf(ctx, n);
		else if (ev == CMARK_EVENT_ENTER)
			v->enter(ctx, n);
		else
			v->leave(ctx, n);
	}
	cmark_iter_free(it);
}

static void v_leaf(void *m, cmark_node *n) { leaf(m, n); }
static void v_enter(void *m, cmark_node *n) { enter(m, n); }
static void v_leave(void *m, cmark_node *n) { leave(m, n); }
static const struct md_visitor html_visitor = { v_leaf, v_enter, v_leave };

enum md_result md_render(struct html *h, const char *src, size_t len, int heading_base)
{
	struct md m = { .h = h, .base = heading_base < 1 ? 1 : heading_base > 6 ? 6 : heading_base };
	int start = h->depth;

	if (len > MD_MAX_INPUT)
		return MD_TOO_BIG;
	if (!utf8_valid(src, len))
		return MD_BAD_UTF8;
	m.limit = start + MD_MAX_DEPTH < HTML_MAX_DEPTH - 4 ? start + MD_MAX_DEPTH : HTML_MAX_DEPTH - 4;
	cmark_node *doc = md_parse(src, len);
	if (!doc)
		return MD_OK;
	md_walk(doc, &html_visitor, &m);
	cmark_node_free(doc);
	html_close_to(h, start);
	return MD_OK;
}
