/* markdown.h: Markdown text (CommonMark with GitHub's tables, strikethrough and autolinks) as
 * HTML through the escape-by-default writer (render/html.h).
 *
 * The text is parsed with cmark-gfm (CMARK_OPT_DEFAULT: never CMARK_OPT_UNSAFE) and its tree is
 * written node by node through struct html; the library's own HTML renderer is never used, so
 * no byte of the input reaches the page unescaped:
 *   - raw HTML, inline and blocks, is shown as text (escaped), never as markup;
 *   - links keep their target only for http:, https:, mailto: and relative URLs (a path, ?query
 *     or #fragment; not "//host" nor anything with a backslash or a control character); any
 *     other (javascript:, data:, vbscript: ...) is written as its text without a link;
 *   - an image is its alt text followed by a link "(bild)" to it (the CSP forbids remote
 *     images; an unsafe target leaves the alt text alone);
 *   - headings are shifted under the page's own: "#" becomes h<heading_base>, "##" the next
 *     level, at most h6;
 *   - tables get thead/tbody, th scope="col" and their column alignment as a class (md-left,
 *     md-center, md-right: the CSP forbids style attributes);
 *   - nesting (lists, quotes, emphasis...) deeper than MD_MAX_DEPTH elements is flattened: the
 *     text is kept, the deeper elements are left out.
 */
#ifndef LUP_MARKDOWN_H
#define LUP_MARKDOWN_H

#include <stddef.h>

struct html;

#define MD_MAX_INPUT (200 * 1024)	/* bytes of Markdown text rendered at most */
#define MD_MAX_DEPTH 24			/* nested elements written for one text at most */

enum md_result {
	MD_OK = 0,
	MD_TOO_BIG,	/* more than MD_MAX_INPUT bytes: nothing written */
	MD_BAD_UTF8,	/* not valid UTF-8, or a NUL byte: nothing written */
};

/*
 * md_render: writes the Markdown text src[0..len) as HTML block elements into h (at its current
 * position), by the rules at the top of this file. heading_base (1-6) is the level of a "#"
 * heading. Returns MD_OK, or MD_TOO_BIG / MD_BAD_UTF8 with nothing written (the caller shows the
 * text some other way, or refuses it). Thread-safe (parses are serialised:
 * cmark-gfm keeps global state while it parses).
 */
enum md_result md_render(struct html *h, const char *src, size_t len, int heading_base);

/*
 * md_parse: the cmark-gfm tree of src[0..len) with lup's extensions (table, strikethrough,
 * autolink) and CMARK_OPT_DEFAULT, for writers of other formats that walk it (doc/docx.c);
 * NULL when out of memory. The caller checks the size and UTF-8 first (as md_render does) and
 * frees the tree with cmark_node_free. Thread-safe (parses are serialised).
 */
struct cmark_node *md_parse(const char *src, size_t len);

/* What md_walk calls for each node of a tree (below the document node): leaf for a node
 * without children that matter (text, code, breaks, HTML, a thematic break), enter and leave
 * around the others. */
struct md_visitor {
	void (*leaf)(void *ctx, struct cmark_node *n);
	void (*enter)(void *ctx, struct cmark_node *n);
	void (*leave)(void *ctx, struct cmark_node *n);
};

/* md_walk: visits doc's nodes in document order with v (the one walk of md_render and the
 * writers of other formats, doc/docx-md.c). */
void md_walk(struct cmark_node *doc, const struct md_visitor *v, void *ctx);

/* md_url_allowed: 1 when url may be a link's target by the rule above, else 0. */
int md_url_allowed(const char *url);

#endif
