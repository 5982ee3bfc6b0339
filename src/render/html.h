/* html.h: the escape-by-default HTML writer. Text and attribute values always go through the
 * escaper; element and attribute names come from code and are checked; markup that is not built
 * through the writer needs the deliberately awkward html_raw_trusted. The writer keeps the
 * stack of open elements and closes them in order.
 *
 * Attributes are passed as NULL-terminated name/value pairs:
 *	html_open(h, "a", "href", url, "class", "district", NULL);
 * A NULL value leaves the attribute out; an empty value writes a boolean attribute (checked="").
 */
#ifndef LUP_HTML_H
#define LUP_HTML_H

#include <stddef.h>

struct buf;

#define HTML_MAX_DEPTH 64

struct html {
	struct buf *out;
	const char *stack[HTML_MAX_DEPTH];
	unsigned stack_len[HTML_MAX_DEPTH];	/* each open element's name length (no strlen to close) */
	int depth;
	int bad;		/* a refused call happened (bad name, too deep, close with nothing open) */
};

void html_init(struct html *h, struct buf *out);

/* html_open: <tag attrs...>; the element stays open until html_close. */
void html_open(struct html *h, const char *tag, ...) __attribute__((sentinel));

/* html_void: <tag attrs...> for a void element (input, br, meta, link, img). */
void html_void(struct html *h, const char *tag, ...) __attribute__((sentinel));

/* html_close: closes the innermost open element. */
void html_close(struct html *h);

/* html_close_to: closes elements until depth open ones remain. */
void html_close_to(struct html *h, int depth);

/* html_text: escaped text (NULL writes nothing). */
void html_text(struct html *h, const char *s);

/* html_textf: printf-formatted text; the whole result is escaped. */
void html_textf(struct html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* html_elem: <tag attrs...>text</tag> in one call. */
void html_elem(struct html *h, const char *tag, const char *text, ...) __attribute__((sentinel));

/* html_raw_trusted: writes s as markup, unescaped. Only for constant markup in the program,
 * never for data. */
void html_raw_trusted(struct html *h, const char *s);

/* html_finish: closes what is open; 0 when nothing was refused, else -1. */
int html_finish(struct html *h);

/* html_escape: appends s escaped for text and attribute values (& < > " ' and invalid UTF-8). */
void html_escape(struct buf *out, const char *s);

/* html_url_arg: appends s percent-encoded for a URL query value or path segment. */
void html_url_arg(struct buf *out, const char *s);

#endif
