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
	const char *start;	/* the element HTML_START began and html_start_end has not ended */
	unsigned start_len;	/* its name's length */
	int start_bad;		/* HTML_START refused its name: its attributes and end write nothing */
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

/* html_raw_trusted_n: html_raw_trusted of s[0..n) (no strlen); HTML_RAW: of a string literal,
 * its length known at compile time. Constant markup in the program only, never data. */
void html_raw_trusted_n(struct html *h, const char *s, size_t n);
#define HTML_RAW(h, lit) html_raw_trusted_n((h), "" lit "", sizeof(lit) - 1)

/* html_finish: closes what is open; 0 when nothing was refused, else -1. */
int html_finish(struct html *h);

/* ---- Names known at compile time -------------------------------------------------------
 * The forms below take element and attribute names as string literals (anything else does not
 * compile: each name is pasted into one literal with the markup around it) and do without a
 * variadic call. Each call site keeps a struct html_lit of its own (static), whose names are
 * checked on its first use and the answer remembered: a bad name is refused at every call, as
 * html_open refuses it (nothing written, h->bad set). Values and text are escaped as always; an
 * attribute value NULL leaves the attribute out, "" writes it bare.
 *	HTML_OPEN(h, "ul");				<ul>
 *	HTML_OPEN_A(h, "td", "class", "num");		<td class="num">
 *	HTML_ELEM(h, "th", text);			<th>text</th>
 *	HTML_ELEM_A(h, "a", "href", url, text);	<a href="url">text</a>
 *	HTML_START(h, "rect");				<rect x="1.0" fill="#fff"
 *	HTML_ATTR(h, "x", "1.0");			(any number of attributes)
 *	HTML_ATTR(h, "fill", "#fff");
 *	html_start_end(h, 1);				> (and the element stays open; 0: void)
 * Between HTML_START and html_start_end only HTML_ATTR may write.
 * Where the attribute's value is a string literal too, the _AV forms and HTML_ATTR_V paste it
 * into the markup around it and write it all as one piece; the value is checked with the names
 * (it must be one that escaping leaves as it is: not empty, printable ASCII without & < > " ')
 * and refused like a bad name otherwise:
 *	HTML_OPEN_AV(h, "td", "class", "num");		<td class="num">
 *	HTML_ELEM_AV(h, "td", "class", "num", text);	<td class="num">text</td>
 *	HTML_ATTR_V(h, "scope", "row");			 scope="row"
 */
struct html_lit {
	const char *pre;	/* "<tag attr=\"", "<tag" or " attr=\"" (and the value, '"', '>') */
	unsigned short name_at;	/* where the first name starts in pre */
	unsigned short name_len;	/* its length */
	unsigned short attr_size;	/* the attribute name's size with its NUL, 0 for none */
	_Atomic signed char ok;	/* 0: not checked yet, 1: the names are good, -1: one is bad */
	unsigned short value_size;	/* a literal value's size with its NUL (pasted in pre), else 0 */
};

#define HTML_LIT_(tag) { "<" tag, 1, sizeof(tag) - 1, 0, 0, 0 }
#define HTML_LIT_A_(tag, attr) { "<" tag " " attr "=\"", 1, sizeof(tag) - 1, sizeof(attr), 0, 0 }
#define HTML_LIT_ATTR_(attr) { " " attr "=\"", 1, sizeof(attr) - 1, 0, 0, 0 }
#define HTML_LIT_AV_(tag, attr, value) \
	{ "<" tag " " attr "=\"" value "\">", 1, sizeof(tag) - 1, sizeof(attr), 0, sizeof(value) }
#define HTML_LIT_ATTR_V_(attr, value) { " " attr "=\"" value "\"", 1, sizeof(attr) - 1, 0, 0, sizeof(value) }

/* html_open_lit, html_elem_lit, html_start_lit, html_attr_lit: what the macros below call with
 * their call site's struct html_lit (made by the HTML_LIT_ macros); see there. */
void html_open_lit(struct html *h, struct html_lit *l, const char *value);
void html_elem_lit(struct html *h, struct html_lit *l, const char *value, const char *text);
void html_start_lit(struct html *h, struct html_lit *l);
void html_attr_lit(struct html *h, struct html_lit *l, const char *value);

/* HTML_OPEN: <tag>, open until html_close. */
#define HTML_OPEN(h, tag) do { \
		static struct html_lit html_l_ = HTML_LIT_(tag); html_open_lit((h), &html_l_, NULL); } while (0)
/* HTML_OPEN_A: <tag attr="value">, open until html_close. */
#define HTML_OPEN_A(h, tag, attr, value) do { \
		static struct html_lit html_l_ = HTML_LIT_A_(tag, attr); html_open_lit((h), &html_l_, (value)); } while (0)
/* HTML_ELEM: <tag>text</tag>. */
#define HTML_ELEM(h, tag, text) do { \
		static struct html_lit html_l_ = HTML_LIT_(tag); html_elem_lit((h), &html_l_, NULL, (text)); } while (0)
/* HTML_ELEM_A: <tag attr="value">text</tag>. */
#define HTML_ELEM_A(h, tag, attr, value, text) do { \
		static struct html_lit html_l_ = HTML_LIT_A_(tag, attr); \
		html_elem_lit((h), &html_l_, (value), (text)); } while (0)
/* HTML_START: "<tag", for attributes by HTML_ATTR and an end by html_start_end. */
#define HTML_START(h, tag) do { \
		static struct html_lit html_l_ = HTML_LIT_(tag); html_start_lit((h), &html_l_); } while (0)
/* HTML_ATTR: ' attr="value"' in the tag HTML_START began. */
#define HTML_ATTR(h, attr, value) do { \
		static struct html_lit html_l_ = HTML_LIT_ATTR_(attr); html_attr_lit((h), &html_l_, (value)); } while (0)

/* HTML_OPEN_AV: <tag attr="value"> with a literal value, open until html_close. */
#define HTML_OPEN_AV(h, tag, attr, value) do { \
		static struct html_lit html_l_ = HTML_LIT_AV_(tag, attr, value); html_open_lit((h), &html_l_, ""); } while (0)
/* HTML_ELEM_AV: <tag attr="value">text</tag> with a literal value. */
#define HTML_ELEM_AV(h, tag, attr, value, text) do { \
		static struct html_lit html_l_ = HTML_LIT_AV_(tag, attr, value); \
		html_elem_lit((h), &html_l_, "", (text)); } while (0)
/* HTML_ATTR_V: ' attr="value"' with a literal value in the tag HTML_START began. */
#define HTML_ATTR_V(h, attr, value) do { \
		static struct html_lit html_l_ = HTML_LIT_ATTR_V_(attr, value); html_attr_lit((h), &html_l_, ""); } while (0)

/* ---- Templates: literal markup with holes -----------------------------------------------
 * A template is a string literal of markup (start and end tags with literal attribute values,
 * and literal text) with HTML_HOLE where a text or a whole attribute value goes; HTML_TPL writes
 * it with each hole filled by the next argument, escaped, in one call rather than an element
 * call per tag (a table row of seven cells is one call). A NULL text writes nothing; a NULL
 * attribute value leaves its attribute out (as HTML_ATTR does; "" writes name=""):
 *	HTML_TPL(h, "<tr><td class=\"num\">" HTML_HOLE "</td><td>" HTML_HOLE "</td></tr>", a, b);
 * The template is checked on its call site's first use and the answer remembered: names as the
 * other forms check them, literal values and text as the _AV forms check values (no & < > " ';
 * UTF-8 text is allowed), no void elements, no comments. It may end elements open before it
 * (each must be the writer's innermost open element at the call, else the call is refused) and
 * leave elements it starts open (closed later by html_close). A template that does not check,
 * or a call with another number of texts than holes, writes nothing and sets h->bad. */
#define HTML_HOLE "\x01"
#define HTML_TPL_HOLES 16	/* holes in a template, at most */
#define HTML_TPL_NEST 8		/* elements a template ends or leaves open, at most, each */

struct html_tpl {
	const char *src;	/* the template */
	_Atomic signed char ok;	/* 0: not checked yet, 1: good, -1: refused */
	unsigned char holes, ends, opens;	/* its holes; the outer elements it ends; it leaves open */
	struct html_tpl_piece {	/* its literal pieces, each before a hole (the last: after all) */
		unsigned short at, len;	/* where in src, how long */
		unsigned char cut;	/* before an attribute's hole: the length of ' name="' in it */
		unsigned char block;	/* 1: the piece and 33 bytes from it lie in one page (copied as
					 * two blocks) */
	} piece[HTML_TPL_HOLES + 1];
	unsigned short end_at[HTML_TPL_NEST], end_len[HTML_TPL_NEST];	/* names it ends, in order */
	unsigned short open_at[HTML_TPL_NEST], open_len[HTML_TPL_NEST];	/* names left open, outer first */
	unsigned room;	/* the output's room html_tpl takes at once: its pieces, 32 a hole, 32 */
};

/* html_tpl: what HTML_TPL calls with its call site's struct html_tpl and its n texts. */
void html_tpl(struct html *h, struct html_tpl *t, const char *const *text, unsigned n);

/* HTML_TPL: writes the literal template tpl with its holes filled by the texts after it. */
#define HTML_TPL(h, tpl, ...) do { \
		static struct html_tpl html_t_ = { .src = tpl }; \
		const char *const html_v_[] = { __VA_ARGS__ }; \
		html_tpl((h), &html_t_, html_v_, (unsigned)(sizeof(html_v_) / sizeof(html_v_[0]))); } while (0)
/* HTML_TPL0: a template without holes. */
#define HTML_TPL0(h, tpl) do { \
		static struct html_tpl html_t_ = { .src = tpl }; \
		html_tpl((h), &html_t_, NULL, 0); } while (0)

/* ---- Texts escaped once (html_pre) -----------------------------------------------------
 * A text a page writes several times (an indicator's name in its option, its row and its chart's
 * title) may be escaped once into a struct html_pre and its escaped bytes copied at each place
 * without a second scan. The escape-by-default rule holds: a plain `const char *` is escaped
 * wherever it goes; only a struct html_pre skips the escaping, and only the writer's functions
 * below make one (its fields are the writer's: code outside render/ reads and writes them
 * only through these functions). HTML_TPLX takes its arguments typed: HTML_T(text) is escaped,
 * HTML_P(pre) (a const struct html_pre *; anything else does not compile) is copied as it is:
 *	struct html_pre name;
 *	html_pre_escape(&name, &r->a, row->name);
 *	HTML_TPLX(h, "<th>" HTML_HOLE "</th><td>" HTML_HOLE "</td>", HTML_P(&name), HTML_T(sex));
 * Any hole takes either: an escaped text is valid in text and in an attribute's value. */
struct arena;

struct html_pre {
	const char *esc;	/* the escaped bytes (not NUL-terminated where made by html_pre_join) */
	size_t len;		/* their length */
};

/* html_pre_escape: *p made from text escaped as html_escape escapes it, its bytes in the arena a
 * (until its release); NULL text: an empty text. */
void html_pre_escape(struct html_pre *p, struct arena *a, const char *text);

/* html_pre_escape_all: html_pre_escape of each of the n texts into p[0..n), their bytes in one
 * piece of the arena a (one allocation for them all). */
void html_pre_escape_all(struct html_pre *p, struct arena *a, const char *const *text, size_t n);

/* html_pre_url: *p made from prefix (escaped already), arg percent-encoded as html_url_arg
 * encodes it (what that writes escaping leaves as it is) and suffix escaped, into room (size
 * bytes): a link to an escaped start with one argument. 0, or -1 when it does not fit (p is
 * then empty). */
int html_pre_url(struct html_pre *p, char *room, size_t size, const struct html_pre *prefix, const char *arg,
		 const char *suffix);

/* html_pre_join: *p made from the n parts in order into room (size bytes; p's bytes are there):
 * each part is a struct html_pre (pre[i] not NULL) or a text (text[i], escaped; NULL: nothing).
 * 0, or -1 when the result does not fit (p is then empty). */
int html_pre_join(struct html_pre *p, char *room, size_t size, const struct html_pre *const *pre,
		  const char *const *text, unsigned n);

/* The arguments of HTML_TPLX: a text (escaped) or a struct html_pre (copied). */
struct html_arg {
	const char *text;
	const struct html_pre *pre;
};
#define HTML_T(s) ((struct html_arg){ .text = (s) })
#define HTML_P(p) ((struct html_arg){ .pre = (p) })

/* html_tplx: what HTML_TPLX calls with its call site's struct html_tpl and its n arguments. */
void html_tplx(struct html *h, struct html_tpl *t, const struct html_arg *arg, unsigned n);

/* HTML_TPLX: HTML_TPL with typed arguments (HTML_T, HTML_P), each filling the next hole. */
#define HTML_TPLX(h, tpl, ...) do { \
		static struct html_tpl html_t_ = { .src = tpl }; \
		const struct html_arg html_v_[] = { __VA_ARGS__ }; \
		html_tplx((h), &html_t_, html_v_, (unsigned)(sizeof(html_v_) / sizeof(html_v_[0]))); } while (0)

/* html_start_end: ends the tag HTML_START began with '>'; the element stays open (until
 * html_close) when open, else it is void. Refused (h->bad) when no tag is begun. */
void html_start_end(struct html *h, int open);

/* html_escape: appends s escaped for text and attribute values (& < > " ' and invalid UTF-8). */
void html_escape(struct buf *out, const char *s);

/* html_url_arg: appends s percent-encoded for a URL query value or path segment. */
void html_url_arg(struct buf *out, const char *s);

#endif
