/* docx-int.h: what the files of the DOCX writer share (docx.c: the body; docx-md.c: Markdown;
 * docx-pack.c: the package). Not for other modules: they use docx.h. */
#ifndef LUP_DOCX_INT_H
#define LUP_DOCX_INT_H

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "doc/docx.h"

/* A heading of the document, for the cached result of the TOC field. */
struct docx_head {
	int level;		/* 1-3 */
	char *text;
};

struct docx {
	zip_t *tpl;		/* the template, read-only */
	char *sectpr;		/* the template body's last w:sectPr, serialised */
	xmlBufferPtr body;	/* word/document.xml as written so far */
	xmlTextWriterPtr w;	/* writes into body */
	int bad;		/* the first problem: a lup_err code, 0 while none */
	char why[200];		/* its message */
	int in_para;		/* a w:p is open */
	int in_table;		/* a w:tbl is open */
	int ncols;		/* its columns */
	int tables;		/* tables so far (the SEQ numbers of the captions) */
	int nums;		/* numbered lists so far (w:num ids 3, 4, ...) */
	int bookmarks;		/* bookmarks so far (ids and _Toc names) */
	size_t toc_at;		/* where the TOC's cached result goes in body (0: no TOC) */
	struct docx_head *heads;
	int nheads, capheads;
};

#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Run formatting bits. */
enum { DOCX_B = 1, DOCX_I = 2, DOCX_STRIKE = 4, DOCX_CODE = 8 };

/* docx_fail: keeps the first problem (later ones are dropped). */
void docx_fail(struct docx *d, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Element helpers on d->w; a failing write marks d bad. */
void docx_start(struct docx *d, const char *name);
void docx_end(struct docx *d);
void docx_attr(struct docx *d, const char *name, const char *value);
void docx_attri(struct docx *d, const char *name, long value);
/* docx_empty: <name val="value"/> (value NULL: <name/>). */
void docx_empty(struct docx *d, const char *name, const char *value);

/* docx_p_start: opens a w:p in style (NULL: none) with list numbering numid/ilvl (numid 0:
 * none); docx_p_end closes it. */
void docx_p_start(struct docx *d, const char *style, int numid, int ilvl);
void docx_p_end(struct docx *d);

/* docx_run: text as runs with formatting fmt (DOCX_*) inside the open paragraph: newline is
 * w:br, tab w:tab, other control characters are left out. Invalid UTF-8 marks d bad. */
void docx_run(struct docx *d, const char *text, size_t len, int fmt);

/* docx_heading_start: opens the paragraph of a heading of level (1-3) with its bookmark and
 * records text for the TOC; the caller writes its runs and calls docx_heading_end. */
void docx_heading_start(struct docx *d, int level, const char *text);
void docx_heading_end(struct docx *d);

/* Tables: the parts of docx_table_* that the Markdown tables use too. */
void docx_tbl_start(struct docx *d, const char *caption, int ncols, const int *widths);
void docx_tr_start(struct docx *d, int header);
void docx_tc_start(struct docx *d);
void docx_tc_end(struct docx *d);
void docx_tr_end(struct docx *d);
void docx_tbl_end(struct docx *d);

/* docx_read_part: the zip entry idx as a NUL-terminated string (malloc'd) in *data, its size in
 * *len (at most 16 MiB). Returns 0, or -1 when it cannot be read. */
int docx_read_part(zip_t *z, zip_int64_t idx, char **data, size_t *len);

/* docx_body_end: ends the body (the template's w:sectPr, </w:body></w:document>) and the writer;
 * docx_toc_entries: the TOC's cached result as XML (malloc'd; NULL on failure). */
void docx_body_end(struct docx *d);
char *docx_toc_entries(struct docx *d, size_t *len);

#endif
