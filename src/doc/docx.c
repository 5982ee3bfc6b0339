/* docx.c: the body of a DOCX document (word/document.xml) through libxml2's xmlTextWriter, and
 * the template it is built on (see docx.h). The package is put together in docx-pack.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/err.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "doc/docx-int.h"

#define MAX_PART (16 * 1024 * 1024)	/* bytes of a template part read at most */

void docx_fail(struct docx *d, int code, const char *fmt, ...)
{
	va_list ap;

	if (d->bad)
		return;
	d->bad = code;
	va_start(ap, fmt);
	vsnprintf(d->why, sizeof(d->why), fmt, ap);
	va_end(ap);
}

/* chk: marks d bad when an xmlTextWriter call failed (rc < 0). */
static void chk(struct docx *d, int rc)
{
	if (rc < 0)
		docx_fail(d, LUP_EIO, "cannot write the document's XML");
}

void docx_start(struct docx *d, const char *name)
{
	chk(d, xmlTextWriterStartElement(d->w, BAD_CAST name));
}

void docx_end(struct docx *d)
{
	chk(d, xmlTextWriterEndElement(d->w));
}

void docx_attr(struct docx *d, const char *name, const char *value)
{
	chk(d, xmlTextWriterWriteAttribute(d->w, BAD_CAST name, BAD_CAST value));
}

void docx_attri(struct docx *d, const char *name, long value)
{
	char s[32];

	snprintf(s, sizeof(s), "%ld", value);
	docx_attr(d, name, s);
}

void docx_empty(struct docx *d, const char *name, const char *value)
{
	docx_start(d, name);
	if (value)
		docx_attr(d, "w:val", value);
	docx_end(d);
}

int docx_read_part(zip_t *z, zip_int64_t idx, char **data, size_t *len)
{
	zip_stat_t sb;
	zip_file_t *f;
	char *p;

	if (zip_stat_index(z, (zip_uint64_t)idx, 0, &sb) != 0 || !(sb.valid & ZIP_STAT_SIZE) || sb.size > MAX_PART)
		return -1;
	if (!(f = zip_fopen_index(z, (zip_uint64_t)idx, 0)))
		return -1;
	p = xmalloc(sb.size + 1);
	zip_int64_t n = zip_fread(f, p, sb.size);
	zip_fclose(f);
	if (n < 0 || (zip_uint64_t)n != sb.size) {
		free(p);
		return -1;
	}
	p[sb.size] = '\0';
	*data = p;
	*len = sb.size;
	return 0;
}

/* last_sectpr: the last w:sectPr child of the w:body of the document doc. */
static xmlNodePtr last_sectpr(xmlDocPtr doc)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), found = NULL;

	if (!root)
		return NULL;
	for (xmlNodePtr b = root->children; b; b = b->next)
		if (b->type == XML_ELEMENT_NODE && !strcmp((const char *)b->name, "body"))
			for (xmlNodePtr c = b->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "sectPr"))
					found = c;
	return found;
}

/* template_sectpr: d->sectpr from the template's word/document.xml. */
static int template_sectpr(struct docx *d, struct err *e)
{
	zip_int64_t idx = zip_name_locate(d->tpl, "word/document.xml", 0);
	char *xml = NULL;
	size_t len;
	xmlDocPtr doc = NULL;
	xmlBufferPtr b = NULL;
	xmlNodePtr s;
	int rc = LUP_EINVAL;

	if (idx < 0 || docx_read_part(d->tpl, idx, &xml, &len) != 0)
		return err_set(e, LUP_EINVAL, "the template has no readable word/document.xml");
	if (!(doc = xmlReadMemory(xml, (int)len, "document.xml", NULL, XML_PARSE_NONET)) || !(s = last_sectpr(doc))) {
		err_set(e, LUP_EINVAL, "the template's word/document.xml has no w:body with a w:sectPr");
		goto out;
	}
	if (!(b = xmlBufferCreate()) || xmlNodeDump(b, doc, s, 0, 0) < 0) {
		err_set(e, LUP_EIO, "cannot copy the template's w:sectPr");
		goto out;
	}
	d->sectpr = xstrdup((const char *)xmlBufferContent(b));
	rc = LUP_OK;
out:
	if (b)
		xmlBufferFree(b);
	xmlFreeDoc(doc);
	free(xml);
	return rc;
}

/* body_start: the writer and the document's start tags. */
static int body_start(struct docx *d, struct err *e)
{
	if (!(d->body = xmlBufferCreate()) || !(d->w = xmlNewTextWriterMemory(d->body, 0)))
		return err_set(e, LUP_EIO, "out of memory");
	chk(d, xmlTextWriterStartDocument(d->w, "1.0", "UTF-8", "yes"));
	docx_start(d, "w:document");
	docx_attr(d, "xmlns:w", DOCX_NS_W);
	docx_attr(d, "xmlns:r", DOCX_NS_R);
	docx_start(d, "w:body");
	return d->bad ? err_set(e, LUP_EIO, "%s", d->why) : LUP_OK;
}

int docx_new(const char *path, struct docx **out, struct err *e)
{
	struct docx *d = xcalloc(1, sizeof(*d));
	int zerr = 0, rc;

	*out = NULL;
	if (!(d->tpl = zip_open(path, ZIP_RDONLY, &zerr))) {
		free(d);
		return err_set(e, LUP_EIO, "cannot open the template %s as a zip (libzip error %d)", path, zerr);
	}
	if ((rc = template_sectpr(d, e)) != LUP_OK || (rc = body_start(d, e)) != LUP_OK) {
		err_prefix(e, "%s", path);
		docx_free(d);
		return rc;
	}
	*out = d;
	return LUP_OK;
}

void docx_free(struct docx *d)
{
	if (!d)
		return;
	if (d->w)
		xmlFreeTextWriter(d->w);
	if (d->body)
		xmlBufferFree(d->body);
	if (d->tpl)
		zip_discard(d->tpl);
	for (int i = 0; i < d->nheads; i++)
		free(d->heads[i].text);
	free(d->heads);
	free(d->sectpr);
	free(d);
}

/* ---- paragraphs and runs ---- */

void docx_p_start(struct docx *d, const char *style, int numid, int ilvl)
{
	if (d->in_para)
		docx_fail(d, LUP_EINVAL, "a paragraph inside a paragraph");
	d->in_para = 1;
	docx_start(d, "w:p");
	if (!style && !numid)
		return;
	docx_start(d, "w:pPr");
	if (style)
		docx_empty(d, "w:pStyle", style);
	if (numid) {
		docx_start(d, "w:numPr");
		docx_start(d, "w:ilvl");
		docx_attri(d, "w:val", ilvl);
		docx_end(d);
		docx_start(d, "w:numId");
		docx_attri(d, "w:val", numid);
		docx_end(d);
		docx_end(d);
	}
	docx_end(d);
}

void docx_p_end(struct docx *d)
{
	if (!d->in_para)
		docx_fail(d, LUP_EINVAL, "no paragraph to end");
	d->in_para = 0;
	docx_end(d);
}

/* run_props: the w:rPr of formatting fmt. */
static void run_props(struct docx *d, int fmt)
{
	if (!fmt)
		return;
	docx_start(d, "w:rPr");
	if (fmt & DOCX_CODE) {
		docx_start(d, "w:rFonts");
		docx_attr(d, "w:ascii", "Courier New");
		docx_attr(d, "w:hAnsi", "Courier New");
		docx_end(d);
	}
	if (fmt & DOCX_B)
		docx_empty(d, "w:b", NULL);
	if (fmt & DOCX_I)
		docx_empty(d, "w:i", NULL);
	if (fmt & DOCX_STRIKE)
		docx_empty(d, "w:strike", NULL);
	docx_end(d);
}

/* text_el: <w:t xml:space="preserve">s[0..n)</w:t> */
static void text_el(struct docx *d, const char *s, size_t n)
{
	char *t = xstrndup(s, n);

	docx_start(d, "w:t");
	docx_attr(d, "xml:space", "preserve");
	chk(d, xmlTextWriterWriteString(d->w, BAD_CAST t));
	docx_end(d);
	free(t);
}

/* allowed: a code point XML 1.0 allows in text, other than tab, newline and CR. */
static int allowed(unsigned cp)
{
	return cp >= 0x20 && cp != 0xfffe && cp != 0xffff;
}

void docx_run(struct docx *d, const char *text, size_t len, int fmt)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, from = 0, n;
	unsigned cp;

	if (!text || !len)
		return;
	docx_start(d, "w:r");
	run_props(d, fmt);
	while (i < len) {
		if (!(n = utf8_seq(s + i, len - i, &cp)) || cp == 0) {
			docx_fail(d, LUP_EINVAL, "text that is not UTF-8");
			break;
		}
		if (allowed(cp)) {
			i += n;
			continue;
		}
		if (i > from)
			text_el(d, text + from, i - from);
		if (cp == '\n')
			docx_empty(d, "w:br", NULL);
		else if (cp == '\t')
			docx_empty(d, "w:tab", NULL);
		from = i += n;
	}
	if (i > from)
		text_el(d, text + from, i - from);
	docx_end(d);
}

void docx_para(struct docx *d, const char *style, const char *text)
{
	docx_p_start(d, style, 0, 0);
	if (text)
		docx_run(d, text, strlen(text), 0);
	docx_p_end(d);
}

/* ---- headings and the table of contents ---- */

void docx_heading_start(struct docx *d, int level, const char *text)
{
	static const char *const styles[] = { "Heading1", "Heading2", "Heading3" };
	char name[32];

	level = level < 1 ? 1 : level > 3 ? 3 : level;
	docx_p_start(d, styles[level - 1], 0, 0);
	int id = ++d->bookmarks;
	snprintf(name, sizeof(name), "_Toc%08d", id);
	docx_start(d, "w:bookmarkStart");
	docx_attri(d, "w:id", id);
	docx_attr(d, "w:name", name);
	docx_end(d);
	docx_start(d, "w:bookmarkEnd");
	docx_attri(d, "w:id", id);
	docx_end(d);
	if (d->nheads == d->capheads) {
		d->capheads = d->capheads ? 2 * d->capheads : 32;
		d->heads = xrealloc(d->heads, (size_t)d->capheads * sizeof(*d->heads));
	}
	d->heads[d->nheads].level = level;
	d->heads[d->nheads++].text = xstrdup(text ? text : "");
}

void docx_heading_end(struct docx *d)
{
	docx_p_end(d);
}

void docx_heading(struct docx *d, int level, const char *text)
{
	docx_heading_start(d, level, text);
	if (text)
		docx_run(d, text, strlen(text), 0);
	docx_heading_end(d);
}

/* field_char: <w:r><w:fldChar w:fldCharType="type"/></w:r> */
static void field_char(struct docx *d, const char *type)
{
	docx_start(d, "w:r");
	docx_start(d, "w:fldChar");
	docx_attr(d, "w:fldCharType", type);
	if (!strcmp(type, "begin"))
		docx_attr(d, "w:dirty", "true");
	docx_end(d);
	docx_end(d);
}

void docx_toc(struct docx *d, const char *title)
{
	if (d->toc_at) {
		docx_fail(d, LUP_EINVAL, "a second table of contents");
		return;
	}
	docx_para(d, "TOCHeading", title);
	/* the field: begin, instruction, separate | the cached entries, spliced in by
	 * docx_toc_entries when the document ends | end */
	docx_p_start(d, NULL, 0, 0);
	field_char(d, "begin");
	docx_start(d, "w:r");
	docx_start(d, "w:instrText");
	docx_attr(d, "xml:space", "preserve");
	chk(d, xmlTextWriterWriteString(d->w, BAD_CAST " TOC \\o \"1-3\" \\h \\z \\u "));
	docx_end(d);
	docx_end(d);
	field_char(d, "separate");
	docx_p_end(d);
	chk(d, xmlTextWriterFlush(d->w));
	d->toc_at = (size_t)xmlBufferLength(d->body);
	docx_p_start(d, NULL, 0, 0);
	field_char(d, "end");
	docx_start(d, "w:r");	/* the page break in the same paragraph: no page left blank */
	docx_start(d, "w:br");
	docx_attr(d, "w:type", "page");
	docx_end(d);
	docx_end(d);
	docx_p_end(d);
}

/* toc_entry: one cached entry: a paragraph in TOCn linking to the heading's bookmark. */
static void toc_entry(struct docx *d, int i)
{
	static const char *const styles[] = { "TOC1", "TOC2", "TOC3" };
	char anchor[32];

	snprintf(anchor, sizeof(anchor), "_Toc%08d", i + 1);
	docx_p_start(d, styles[d->heads[i].level - 1], 0, 0);
	docx_start(d, "w:hyperlink");
	docx_attr(d, "w:anchor", anchor);
	docx_attr(d, "w:history", "1");
	docx_run(d, d->heads[i].text, strlen(d->heads[i].text), 0);
	docx_end(d);
	docx_p_end(d);
}

char *docx_toc_entries(struct docx *d, size_t *len)
{
	xmlBufferPtr body = d->body;
	xmlTextWriterPtr w = d->w;
	char *out = NULL;

	/* the same helpers, on a writer of its own: a fragment without an XML declaration */
	if (!(d->body = xmlBufferCreate()) || !(d->w = xmlNewTextWriterMemory(d->body, 0)))
		goto out;
	for (int i = 0; i < d->nheads; i++)
		toc_entry(d, i);
	chk(d, xmlTextWriterFlush(d->w));
	*len = (size_t)xmlBufferLength(d->body);
	out = xstrndup((const char *)xmlBufferContent(d->body), *len);
out:
	if (d->w)
		xmlFreeTextWriter(d->w);
	if (d->body)
		xmlBufferFree(d->body);
	d->body = body;
	d->w = w;
	return out;
}

void docx_page_break(struct docx *d)
{
	docx_p_start(d, NULL, 0, 0);
	docx_start(d, "w:r");
	docx_start(d, "w:br");
	docx_attr(d, "w:type", "page");
	docx_end(d);
	docx_end(d);
	docx_p_end(d);
}

void docx_body_end(struct docx *d)
{
	if (d->in_para || d->in_table)
		docx_fail(d, LUP_EINVAL, "the document ends inside a %s", d->in_table ? "table" : "paragraph");
	chk(d, xmlTextWriterWriteRaw(d->w, BAD_CAST d->sectpr));
	docx_end(d);	/* w:body */
	docx_end(d);	/* w:document */
	chk(d, xmlTextWriterEndDocument(d->w));
	xmlFreeTextWriter(d->w);	/* flushes into d->body */
	d->w = NULL;
}

/* ---- tables ---- */

/* caption: "Tabell N. text" in style Caption, N a SEQ field. */
static void caption(struct docx *d, const char *text)
{
	char n[16];

	snprintf(n, sizeof(n), "%d", d->tables);
	docx_p_start(d, "Caption", 0, 0);
	docx_run(d, "Tabell ", 7, 0);
	docx_start(d, "w:fldSimple");
	docx_attr(d, "w:instr", " SEQ Tabell \\* ARABIC ");
	docx_run(d, n, strlen(n), 0);
	docx_end(d);
	docx_run(d, ". ", 2, 0);
	docx_run(d, text, strlen(text), 0);
	docx_p_end(d);
}

/* tbl_props: the w:tblPr and w:tblGrid of a table (9 070 twips wide: A4 with 2.5 cm margins). */
static void tbl_props(struct docx *d, const char *cap, int ncols, const int *widths)
{
	docx_start(d, "w:tblPr");
	docx_empty(d, "w:tblStyle", "TableGrid");
	docx_start(d, "w:tblW");
	docx_attr(d, "w:w", "5000");
	docx_attr(d, "w:type", "pct");
	docx_end(d);
	docx_start(d, "w:tblLook");
	docx_attr(d, "w:val", "0420");
	docx_attr(d, "w:firstRow", "1");
	docx_attr(d, "w:lastRow", "0");
	docx_attr(d, "w:firstColumn", "0");
	docx_attr(d, "w:lastColumn", "0");
	docx_attr(d, "w:noHBand", "1");
	docx_attr(d, "w:noVBand", "1");
	docx_end(d);
	if (cap && *cap)
		docx_empty(d, "w:tblCaption", cap);
	docx_end(d);
	docx_start(d, "w:tblGrid");
	for (int i = 0; i < ncols; i++) {
		docx_start(d, "w:gridCol");
		docx_attri(d, "w:w", widths ? 9070L * widths[i] / 100 : 9070L / ncols);
		docx_end(d);
	}
	docx_end(d);
}

void docx_tbl_start(struct docx *d, const char *cap, int ncols, const int *widths)
{
	if (d->in_para || d->in_table || ncols < 1 || ncols > DOCX_MAX_COLS) {
		docx_fail(d, LUP_EINVAL, "a table out of place or of %d columns", ncols);
		ncols = ncols < 1 ? 1 : ncols > DOCX_MAX_COLS ? DOCX_MAX_COLS : ncols;
	}
	if (cap && *cap) {
		d->tables++;
		caption(d, cap);
	}
	d->in_table = 1;
	d->ncols = ncols;
	docx_start(d, "w:tbl");
	tbl_props(d, cap, ncols, widths);
}

void docx_tr_start(struct docx *d, int header)
{
	docx_start(d, "w:tr");
	if (header) {
		docx_start(d, "w:trPr");
		docx_empty(d, "w:cantSplit", NULL);
		docx_empty(d, "w:tblHeader", NULL);
		docx_end(d);
	}
}

void docx_tc_start(struct docx *d)
{
	docx_start(d, "w:tc");
	docx_p_start(d, NULL, 0, 0);
}

void docx_tc_end(struct docx *d)
{
	docx_p_end(d);
	docx_end(d);
}

void docx_tr_end(struct docx *d)
{
	docx_end(d);
}

void docx_tbl_end(struct docx *d)
{
	if (!d->in_table)
		docx_fail(d, LUP_EINVAL, "no table to end");
	d->in_table = 0;
	docx_end(d);
	/* an empty paragraph after it: two tables in a row would merge, and a table may not end
	 * a table cell or the body */
	docx_para(d, NULL, NULL);
}

/* row: a row of ncols plain-text cells. */
static void row(struct docx *d, const char *const *cells, int header)
{
	docx_tr_start(d, header);
	for (int i = 0; i < d->ncols; i++) {
		docx_tc_start(d);
		if (cells && cells[i])
			docx_run(d, cells[i], strlen(cells[i]), 0);
		docx_tc_end(d);
	}
	docx_tr_end(d);
}

void docx_table_begin(struct docx *d, const char *cap, int ncols, const char *const *head, const int *widths)
{
	docx_tbl_start(d, cap, ncols, widths);
	row(d, head, 1);
}

void docx_table_row(struct docx *d, const char *const *cells)
{
	if (!d->in_table) {
		docx_fail(d, LUP_EINVAL, "a row outside a table");
		return;
	}
	row(d, cells, 0);
}

void docx_table_end(struct docx *d)
{
	docx_tbl_end(d);
}

/* ---- where the template is ---- */

const char *docx_template_path(char *out, size_t n)
{
	const char *env = getenv("LUP_DOCX_TEMPLATE");
	char exe[4096];
	ssize_t len;

	if (env && *env) {
		snprintf(out, n, "%s", env);
		return out;
	}
	if ((len = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[len] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(out, n, "%s/../%s", exe, DOCX_TEMPLATE);
			if (access(out, R_OK) == 0)
				return out;
		}
	}
	snprintf(out, n, "%s", DOCX_TEMPLATE);
	return out;
}
