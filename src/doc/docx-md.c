/* docx-md.c: Markdown as DOCX paragraphs (docx_markdown in docx.h). The cmark-gfm tree of
 * render/markdown's md_parse is walked with cmark_iter (no recursion): blocks open and close
 * paragraphs, lists and tables; inline nodes add formatting bits and write runs. */
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "core/err.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "doc/docx-int.h"
#include "render/markdown.h"

#define MAX_LIST 9	/* list levels of Word's numbering */

/* The walk's state. */
struct mdw {
	struct docx *d;
	int base;		/* the heading level of "#" */
	int b, i, s;		/* nesting of strong, emphasis, strikethrough */
	int quote;		/* nesting of block quotes */
	int lists;		/* open lists (their nesting) */
	int numid[MAX_LIST];	/* their w:num ids (1: bullets) */
	int row;		/* rows of the current table so far */
};

/* ext: the name of an extension's node ("table", "table_row", "table_header", "table_cell",
 * "strikethrough"), or "" for core nodes. */
static const char *ext(cmark_node *n)
{
	const char *t = cmark_node_get_type_string(n);

	return t ? t : "";
}

static int fmt(const struct mdw *m)
{
	return (m->b ? DOCX_B : 0) | (m->i ? DOCX_I : 0) | (m->s ? DOCX_STRIKE : 0);
}

static void lit(struct mdw *m, cmark_node *n, int extra)
{
	const char *s = cmark_node_get_literal(n);

	if (s)
		docx_run(m->d, s, strlen(s), fmt(m) | extra);
}

/* plain_text: the text of n's descendants (a heading's, for the table of contents). */
static char *plain_text(cmark_node *n)
{
	struct buf_s { char *p; size_t len, cap; } b = { NULL, 0, 0 };
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		const char *s = ev == CMARK_EVENT_ENTER ? cmark_node_get_literal(c) : NULL;
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK)
			s = " ";
		if (!s || cmark_node_get_type(c) == CMARK_NODE_HEADING)
			continue;
		size_t n2 = strlen(s);
		if (b.len + n2 + 1 > b.cap) {
			b.cap = (b.len + n2 + 1) * 2;
			b.p = xrealloc(b.p, b.cap);
		}
		memcpy(b.p + b.len, s, n2);
		b.len += n2;
		b.p[b.len] = '\0';
	}
	cmark_iter_free(it);
	return b.p ? b.p : xstrdup("");
}

/* para_start: a paragraph of the Markdown's body: a list item's, a quote's or a plain one. */
static void para_start(struct mdw *m)
{
	if (m->lists) {
		int lvl = (m->lists > MAX_LIST ? MAX_LIST : m->lists) - 1;
		docx_p_start(m->d, m->numid[lvl] == 1 ? "ListBullet" : "ListNumber", m->numid[lvl], lvl);
	} else
		docx_p_start(m->d, m->quote ? "Quote" : NULL, 0, 0);
}

static void list_enter(struct mdw *m, cmark_node *n)
{
	/* deeper than MAX_LIST: the paragraphs stay on the deepest level */
	if (m->lists < MAX_LIST)
		m->numid[m->lists] = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? 3 + m->d->nums++ : 1;
	m->lists++;
}

/* link_leave: the target after a link's text, unless it is the text itself (an autolink). */
static void link_leave(struct mdw *m, cmark_node *n)
{
	const char *url = cmark_node_get_url(n);
	cmark_node *c = cmark_node_first_child(n);
	const char *text = c ? cmark_node_get_literal(c) : NULL;

	if (!url || !*url || !md_url_allowed(url))
		return;
	if (text && (!strcmp(text, url) || (!strncmp(url, "mailto:", 7) && !strcmp(text, url + 7))))
		return;
	docx_run(m->d, " (", 2, fmt(m));
	docx_run(m->d, url, strlen(url), fmt(m));
	docx_run(m->d, ")", 1, fmt(m));
}

/* code_block: each line a paragraph in PlainText (inside a list or quote, too). */
static void code_block(struct mdw *m, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n);
	size_t len = s ? strlen(s) : 0;

	if (len && s[len - 1] == '\n')
		len--;
	docx_p_start(m->d, "PlainText", 0, 0);
	docx_run(m->d, s ? s : "", len, 0);
	docx_p_end(m->d);
}

static void table_enter(struct mdw *m, cmark_node *n)
{
	cmark_node *r = cmark_node_first_child(n);
	int ncols = 0;

	for (cmark_node *c = r ? cmark_node_first_child(r) : NULL; c; c = cmark_node_next(c))
		ncols++;
	m->row = 0;
	docx_tbl_start(m->d, NULL, ncols ? ncols : 1, NULL);
}

/* enter: a container node's start. */
static void enter(struct mdw *m, cmark_node *n)
{
	const char *x = ext(n);

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH: para_start(m); return;
	case CMARK_NODE_HEADING: {
		char *t = plain_text(n);
		docx_heading_start(m->d, m->base + cmark_node_get_heading_level(n) - 1, t);
		free(t);
		return;
	}
	case CMARK_NODE_BLOCK_QUOTE: m->quote++; return;
	case CMARK_NODE_LIST: list_enter(m, n); return;
	case CMARK_NODE_STRONG: m->b++; return;
	case CMARK_NODE_EMPH: m->i++; return;
	default: break;
	}
	if (!strcmp(x, "strikethrough"))
		m->s++;
	else if (!strcmp(x, "table"))
		table_enter(m, n);
	else if (!strcmp(x, "table_row") || !strcmp(x, "table_header"))
		docx_tr_start(m->d, m->row++ == 0);
	else if (!strcmp(x, "table_cell"))
		docx_tc_start(m->d);
}

/* leave: a container node's end. */
static void leave(struct mdw *m, cmark_node *n)
{
	const char *x = ext(n);

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH: docx_p_end(m->d); return;
	case CMARK_NODE_HEADING: docx_heading_end(m->d); return;
	case CMARK_NODE_BLOCK_QUOTE: m->quote--; return;
	case CMARK_NODE_LIST: if (m->lists) m->lists--; return;
	case CMARK_NODE_STRONG: m->b--; return;
	case CMARK_NODE_EMPH: m->i--; return;
	case CMARK_NODE_LINK: link_leave(m, n); return;
	default: break;
	}
	if (!strcmp(x, "strikethrough"))
		m->s--;
	else if (!strcmp(x, "table"))
		docx_tbl_end(m->d);
	else if (!strcmp(x, "table_row") || !strcmp(x, "table_header"))
		docx_tr_end(m->d);
	else if (!strcmp(x, "table_cell"))
		docx_tc_end(m->d);
}

/* leaf: a node without children. */
static void leaf(struct mdw *m, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT: case CMARK_NODE_HTML_INLINE: lit(m, n, 0); break;
	case CMARK_NODE_CODE: lit(m, n, DOCX_CODE); break;
	case CMARK_NODE_SOFTBREAK: docx_run(m->d, " ", 1, fmt(m)); break;
	case CMARK_NODE_LINEBREAK: docx_run(m->d, "\n", 1, fmt(m)); break;
	case CMARK_NODE_CODE_BLOCK: code_block(m, n); break;
	case CMARK_NODE_HTML_BLOCK:
		para_start(m);
		lit(m, n, 0);
		docx_p_end(m->d);
		break;
	default: break;	/* a thematic break: nothing */
	}
}

static void v_leaf(void *m, cmark_node *n) { leaf(m, n); }
static void v_enter(void *m, cmark_node *n) { enter(m, n); }
static void v_leave(void *m, cmark_node *n) { leave(m, n); }
static const struct md_visitor docx_visitor = { v_leaf, v_enter, v_leave };

/* plain: text that is no Markdown to parse (too big): one paragraph per line. */
static void plain(struct docx *d, const char *s)
{
	for (const char *e; *s; s = *e ? e + 1 : e) {
		e = s + strcspn(s, "\n");
		docx_p_start(d, NULL, 0, 0);
		docx_run(d, s, (size_t)(e - s), 0);
		docx_p_end(d);
	}
}

void docx_markdown(struct docx *d, const char *md, int heading_base)
{
	struct mdw m = { .d = d, .base = heading_base < 1 ? 1 : heading_base };
	size_t len = md ? strlen(md) : 0;
	cmark_node *doc;

	if (!len)
		return;
	if (!utf8_valid(md, len)) {
		docx_fail(d, LUP_EINVAL, "text that is not UTF-8");
		return;
	}
	if (len > MD_MAX_INPUT || !(doc = md_parse(md, len))) {
		plain(d, md);
		return;
	}
	md_walk(doc, &docx_visitor, &m);
	cmark_node_free(doc);
}
