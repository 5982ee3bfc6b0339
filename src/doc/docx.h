/* docx.h: a DOCX (Office Open XML) document built from a template, in terms of the document:
 * headings, paragraphs, Markdown, tables, page breaks, a table of contents. No HTTP, no store.
 *
 * The template (templates/lup-mall.docx; docs/documents.md) gives every part but the body:
 * styles, numbering, settings, header and footer, fonts, images. docx_finish copies its parts in
 * their order and replaces
 *   - word/document.xml: the body written through this API, ended by the template's last
 *     w:sectPr (page size, margins, header and footer references), kept as it is;
 *   - word/header*.xml, word/footer*.xml: {organisation}, {status} and {title} inside any w:t
 *     replaced by the document's values;
 *   - word/numbering.xml: one w:num added per numbered Markdown list (each starts at 1);
 *   - docProps/core.xml: title, subject, creator "lup", language sv-SE, the document's date.
 * All XML goes through libxml2 (escaping by construction; control characters other than tab and
 * newline are left out, newline becomes w:br, tab w:tab); the zip through libzip with every
 * entry's time fixed (the document's date at noon local time, else 1980-01-01), so the same
 * input gives byte-identical output.
 *
 * Styles used (ids of the template): Title, Subtitle, Heading1-3, Caption, Quote, ListBullet,
 * ListNumber, PlainText, TOCHeading, TOC1-3, TableGrid, and lup's own Utkastmarkering and
 * Dokumentfakta. Write calls never fail on their own: the first problem (invalid UTF-8, a
 * failing XML write, a call out of order) is kept and reported by docx_finish.
 */
#ifndef LUP_DOCX_H
#define LUP_DOCX_H

#include <stddef.h>

struct err;
struct docx;

#define DOCX_TEMPLATE "templates/lup-mall.docx"	/* the default template, relative to the repository */
#define DOCX_MAX_COLS 16			/* columns of a table at most */

/* What docx_finish puts into the package besides the body. Any field may be NULL. */
struct docx_meta {
	const char *title;		/* dc:title and {title} */
	const char *subject;		/* dc:subject */
	const char *organisation;	/* {organisation} */
	const char *status;		/* {status}, e.g. "Utkast" or "Antagen 2017-03-15" */
	const char *date;		/* YYYY-MM-DD: created/modified and the zip entries' time */
};

/*
 * docx_template_path: the template to use, into out (n bytes), returned: $LUP_DOCX_TEMPLATE
 * when set, else DOCX_TEMPLATE beside the program's directory (build/lup -> templates/) when it
 * is there, else DOCX_TEMPLATE relative to the working directory.
 */
const char *docx_template_path(char *out, size_t n);

/*
 * docx_new: a new document on the template at path (a .docx/.dotx). Returns LUP_OK with *d
 * (free with docx_free), LUP_EIO (cannot read it as a zip) or LUP_EINVAL (no word/document.xml
 * with a w:body and a w:sectPr).
 */
int docx_new(const char *path, struct docx **d, struct err *e);

/* docx_free: frees d (NULL is fine). */
void docx_free(struct docx *d);

/* docx_para: a paragraph in style (a style id; NULL: Normal) with text as plain text. */
void docx_para(struct docx *d, const char *style, const char *text);

/* docx_heading: a heading of level 1-3 (Heading1-3; clamped), listed in the table of contents. */
void docx_heading(struct docx *d, int level, const char *text);

/*
 * docx_markdown: Markdown text (CommonMark + GitHub tables, strikethrough, autolinks; parsed
 * by render/markdown's md_parse) as paragraphs: "#" becomes heading level heading_base (deeper
 * ones Heading3), **bold**, *italic*, ~~struck~~, bullet and numbered lists (nested up to 9
 * levels), quotes, code blocks, tables (first row a header). A link's target follows its text
 * in parentheses when md_url_allowed; raw HTML is shown as text. A text over MD_MAX_INPUT bytes
 * is written as plain paragraphs.
 */
void docx_markdown(struct docx *d, const char *md, int heading_base);

/* docx_page_break: the next content starts on a new page. */
void docx_page_break(struct docx *d);

/*
 * docx_toc: the heading "title" (style TOCHeading, not itself listed) and a TOC field over
 * Heading1-3. Word updates it on open (w:updateFields in the template's settings); until then it
 * shows the headings written by docx_heading, before and after this call, as links without page
 * numbers. A page break follows it. At most one per document.
 */
void docx_toc(struct docx *d, const char *title);

/*
 * docx_table_begin: starts a table of ncols columns (1..DOCX_MAX_COLS) in style TableGrid with
 * the caption "Tabell N. caption" (style Caption with a SEQ field; also the table's w:tblCaption)
 * above it, and the header row head[0..ncols) repeated on every page (w:tblHeader). widths: the
 * columns' shares in percent (NULL: equal). Then docx_table_row per row and docx_table_end.
 */
void docx_table_begin(struct docx *d, const char *caption, int ncols, const char *const *head, const int *widths);

/* docx_table_row: a row of ncols cells of plain text (NULL: empty). */
void docx_table_row(struct docx *d, const char *const *cells);

/* docx_table_end: ends the table. */
void docx_table_end(struct docx *d);

/*
 * docx_finish: the package: the body ended, the parts of the template in their order with the
 * replacements above. On LUP_OK *data (free with free) holds *len bytes of DOCX. Errors: the first
 * problem of the writes (LUP_EINVAL), or LUP_EIO (zip or XML failed). d may not be written to
 * afterwards (only docx_free).
 */
int docx_finish(struct docx *d, const struct docx_meta *m, char **data, size_t *len, struct err *e);

#endif
