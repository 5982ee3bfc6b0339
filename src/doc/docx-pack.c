/* docx-pack.c: the DOCX package (docx_finish in docx.h): the template's parts in their order,
 * with the body, the filled-in headers and footers, the numbering with the document's lists and
 * the core properties, zipped by libzip in memory with fixed times. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/err.h"
#include "core/xalloc.h"
#include "doc/docx-int.h"

/* A part of the package: its bytes (malloc'd). */
struct part {
	char *data;
	size_t len;
};

/* ---- word/document.xml ---- */

/* document_part: the body, with the TOC's cached entries spliced in at d->toc_at. */
static int document_part(struct docx *d, struct part *p)
{
	size_t n = (size_t)xmlBufferLength(d->body), tn = 0;
	const char *b = (const char *)xmlBufferContent(d->body);
	char *toc = NULL;

	if (d->toc_at && !(toc = docx_toc_entries(d, &tn)))
		return -1;
	p->len = n + tn;
	p->data = xmalloc(p->len + 1);
	memcpy(p->data, b, d->toc_at);
	if (tn)
		memcpy(p->data + d->toc_at, toc, tn);
	memcpy(p->data + d->toc_at + tn, b + d->toc_at, n - d->toc_at);
	p->data[p->len] = '\0';
	free(toc);
	return 0;
}

/* ---- headers and footers ---- */

/* fill: s with each {name} of m replaced (malloc'd). */
static char *fill(const char *s, const struct docx_meta *m)
{
	/* a draft's documents carry the watermark: the status says it is one ("Utkast ...") */
	const char *watermark = m->status && !strncmp(m->status, "Utkast", 6) ? "UTKAST" : "";
	const struct { const char *key, *val; } keys[] = {
		{ "{organisation}", m->organisation }, { "{status}", m->status }, { "{title}", m->title },
		{ "{watermark}", watermark },
	};
	size_t cap = strlen(s) + 1, len = 0;
	char *out = xmalloc(cap);

	while (*s) {
		size_t k = 0, kn = 0, vn = 0;
		for (; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (!strncmp(s, keys[k].key, kn = strlen(keys[k].key)))
				break;
		const char *v = k < sizeof(keys) / sizeof(keys[0]) ? (keys[k].val ? keys[k].val : "") : NULL;
		vn = v ? strlen(v) : 1;
		if (len + vn + 1 > cap)
			out = xrealloc(out, cap = 2 * (len + vn + 1));
		memcpy(out + len, v ? v : s, vn);
		len += vn;
		s += v ? kn : 1;
	}
	out[len] = '\0';
	return out;
}

/* fill_attrs: fill() on n's attribute values (a VML text shape's string) */
static void fill_attrs(xmlNodePtr n, const struct docx_meta *m)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		if (v && strchr((const char *)v, '{')) {
			char *t = fill((const char *)v, m);
			xmlSetNsProp(n, a->ns, a->name, BAD_CAST t);
			free(t);
		}
		xmlFree(v);
	}
}

/* empty_textpath: n (a w:r) draws a VML text whose string is empty (a watermark not wanted) */
static int empty_textpath(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)c->name, "textpath") && xmlHasProp(c, BAD_CAST "string")) {
			xmlChar *v = xmlGetProp(c, BAD_CAST "string");
			int empty = !v || !*v;
			xmlFree(v);
			return empty;
		}
		if (empty_textpath(c))
			return 1;
	}
	return 0;
}

/* fill_nodes: fill() on every text node under n (w:t's text; the serialiser escapes it) and on
 * the attributes of its elements; a run whose VML text became empty is removed. */
static void fill_nodes(xmlNodePtr n, const struct docx_meta *m)
{
	for (xmlNodePtr next; n; n = next) {
		next = n->next;
		if (n->type == XML_TEXT_NODE && n->content && strchr((const char *)n->content, '{')) {
			char *t = fill((const char *)n->content, m);
			xmlNodeSetContent(n, BAD_CAST t);
			free(t);
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		fill_attrs(n, m);
		fill_nodes(n->children, m);
		if (!strcmp((const char *)n->name, "r") && empty_textpath(n)) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
	}
}

/* dump: doc serialised into p. */
static int dump(xmlDocPtr doc, struct part *p)
{
	xmlChar *mem = NULL;
	int size = 0;

	xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
	if (!mem)
		return -1;
	p->data = xstrndup((const char *)mem, (size_t)size);
	p->len = (size_t)size;
	xmlFree(mem);
	return 0;
}

/* edit_part: the template's part src with edit applied to its parsed tree. */
static int edit_part(const char *src, size_t len, void (*edit)(xmlDocPtr, const void *), const void *arg,
		     struct part *p)
{
	xmlDocPtr doc = xmlReadMemory(src, (int)len, "part.xml", NULL, XML_PARSE_NONET);
	int rc;

	if (!doc || !xmlDocGetRootElement(doc)) {
		xmlFreeDoc(doc);
		return -1;
	}
	edit(doc, arg);
	rc = dump(doc, p);
	xmlFreeDoc(doc);
	return rc;
}

static void edit_fill(xmlDocPtr doc, const void *m)
{
	fill_nodes(xmlDocGetRootElement(doc), m);
}

/* ---- word/numbering.xml ---- */

/* has_val: n has the attribute w:name with the value val. */
static int has_val(xmlNodePtr n, const char *name, const char *val)
{
	xmlChar *v = xmlGetNsProp(n, BAD_CAST name, BAD_CAST DOCX_NS_W);
	int eq = v && !strcmp((const char *)v, val);

	xmlFree(v);
	return eq;
}

static int is_w(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name) && n->ns &&
	       !strcmp((const char *)n->ns->href, DOCX_NS_W);
}

/* numbered_abstract: the abstractNumId of w:num 2 (the style List Number's), else "1". */
static char *numbered_abstract(xmlNodePtr root)
{
	for (xmlNodePtr n = root->children; n; n = n->next)
		if (is_w(n, "num") && has_val(n, "numId", "2"))
			for (xmlNodePtr c = n->children; c; c = c->next)
				if (is_w(c, "abstractNumId")) {
					xmlChar *v = xmlGetNsProp(c, BAD_CAST "val", BAD_CAST DOCX_NS_W);
					char *s = xstrdup(v ? (const char *)v : "1");
					xmlFree(v);
					return s;
				}
	return xstrdup("1");
}

/* new_num: <w:num w:numId="id"><w:abstractNumId w:val="abs"/><w:lvlOverride w:ilvl="0">
 * <w:startOverride w:val="1"/></w:lvlOverride></w:num> */
static xmlNodePtr new_num(xmlNsPtr ns, int id, const char *abs)
{
	char s[16];
	xmlNodePtr n = xmlNewNode(ns, BAD_CAST "num"), c;

	snprintf(s, sizeof(s), "%d", id);
	xmlNewNsProp(n, ns, BAD_CAST "numId", BAD_CAST s);
	c = xmlNewChild(n, ns, BAD_CAST "abstractNumId", NULL);
	xmlNewNsProp(c, ns, BAD_CAST "val", BAD_CAST abs);
	c = xmlNewChild(n, ns, BAD_CAST "lvlOverride", NULL);
	xmlNewNsProp(c, ns, BAD_CAST "ilvl", BAD_CAST "0");
	c = xmlNewChild(c, ns, BAD_CAST "startOverride", NULL);
	xmlNewNsProp(c, ns, BAD_CAST "val", BAD_CAST "1");
	return n;
}

/* edit_numbering: one w:num per numbered list (ids 3, 4, ...), after the template's last w:num. */
static void edit_numbering(xmlDocPtr doc, const void *arg)
{
	const struct docx *d = arg;
	xmlNodePtr root = xmlDocGetRootElement(doc), last = NULL;
	xmlNsPtr ns = xmlSearchNsByHref(doc, root, BAD_CAST DOCX_NS_W);
	char *abs = numbered_abstract(root);

	for (xmlNodePtr n = root->children; n; n = n->next)
		if (is_w(n, "num"))
			last = n;
	for (int i = d->nums - 1; i >= 0; i--) {	/* each after the last: in reverse */
		xmlNodePtr n = new_num(ns, 3 + i, abs);
		if (last)
			xmlAddNextSibling(last, n);
		else
			xmlAddChild(root, n);
	}
	free(abs);
}

/* ---- docProps/core.xml ---- */

static void core_el(xmlTextWriterPtr w, const char *name, const char *text, int dated, int *bad)
{
	if (!text)
		return;
	*bad |= xmlTextWriterStartElement(w, BAD_CAST name) < 0;
	if (dated)
		*bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xsi:type", BAD_CAST "dcterms:W3CDTF") < 0;
	*bad |= xmlTextWriterWriteString(w, BAD_CAST text) < 0;
	*bad |= xmlTextWriterEndElement(w) < 0;
}

/* core_part: the core properties of m. */
static int core_part(const struct docx_meta *m, struct part *p)
{
	xmlBufferPtr b = xmlBufferCreate();
	xmlTextWriterPtr w = b ? xmlNewTextWriterMemory(b, 0) : NULL;
	char when[32];
	int bad = !w;

	if (m->date)
		snprintf(when, sizeof(when), "%.10sT00:00:00Z", m->date);
	if (w) {
		bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes") < 0;
		bad |= xmlTextWriterStartElement(w, BAD_CAST "cp:coreProperties") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:cp",
			BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:dc", BAD_CAST "http://purl.org/dc/elements/1.1/") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:dcterms", BAD_CAST "http://purl.org/dc/terms/") < 0;
		bad |= xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
			BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0;
		core_el(w, "dc:title", m->title, 0, &bad);
		core_el(w, "dc:subject", m->subject, 0, &bad);
		core_el(w, "dc:creator", "lup", 0, &bad);
		core_el(w, "cp:lastModifiedBy", "lup", 0, &bad);
		core_el(w, "dc:language", "sv-SE", 0, &bad);
		core_el(w, "dcterms:created", m->date ? when : NULL, 1, &bad);
		core_el(w, "dcterms:modified", m->date ? when : NULL, 1, &bad);
		bad |= xmlTextWriterEndDocument(w) < 0;
		xmlFreeTextWriter(w);
	}
	if (!bad) {
		p->len = (size_t)xmlBufferLength(b);
		p->data = xstrndup((const char *)xmlBufferContent(b), p->len);
	}
	if (b)
		xmlBufferFree(b);
	return bad ? -1 : 0;
}

/* ---- the zip ---- */

/* is_hf: a header or footer part (word/header1.xml, word/footer2.xml ...). */
static int is_hf(const char *name)
{
	size_t n = strlen(name);

	return (!strncmp(name, "word/header", 11) || !strncmp(name, "word/footer", 11)) && n > 15 &&
	       !strcmp(name + n - 4, ".xml") && !strchr(name + 5, '/');
}

/* part_for: the bytes of the template's entry i (name) in the document. */
static int part_for(struct docx *d, const struct docx_meta *m, zip_int64_t i, const char *name, struct part *p)
{
	char *src = NULL;
	size_t len = 0;
	int rc;

	if (!strcmp(name, "word/document.xml"))
		return document_part(d, p);
	if (!strcmp(name, "docProps/core.xml"))
		return core_part(m, p);
	if (docx_read_part(d->tpl, i, &src, &len) != 0)
		return -1;
	if (is_hf(name))
		rc = edit_part(src, len, edit_fill, m, p);
	else if (!strcmp(name, "word/numbering.xml") && d->nums)
		rc = edit_part(src, len, edit_numbering, d, p);
	else {
		p->data = src;
		p->len = len;
		return 0;
	}
	free(src);
	return rc;
}

/* zip_time: noon of date (YYYY-MM-DD) in local time, which libzip turns back into the same DOS
 * date and time in any time zone; 1980-01-01 when date is NULL or malformed. */
static time_t zip_time(const char *date)
{
	struct tm tm = { .tm_year = 80, .tm_mon = 0, .tm_mday = 1, .tm_hour = 12, .tm_isdst = -1 };
	int y, mo, da;

	if (date && sscanf(date, "%4d-%2d-%2d", &y, &mo, &da) == 3 && y >= 1980 && y < 2100 && mo >= 1 &&
	    mo <= 12 && da >= 1 && da <= 31) {
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = da;
	}
	return mktime(&tm);
}

/* add_parts: every part of the template into z. */
static int add_parts(struct docx *d, const struct docx_meta *m, zip_t *z, struct err *e)
{
	zip_int64_t n = zip_get_num_entries(d->tpl, 0);
	time_t t = zip_time(m->date);

	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(d->tpl, (zip_uint64_t)i, 0);
		struct part p = { NULL, 0 };
		zip_source_t *s;
		zip_int64_t at;

		if (!name)
			return err_set(e, LUP_EIO, "cannot read entry %lld of the template", (long long)i);
		if (d->bad || part_for(d, m, i, name, &p) != 0) {
			free(p.data);
			return d->bad ? err_set(e, d->bad, "%s", d->why) : err_set(e, LUP_EIO, "cannot make the part %s", name);
		}
		if (!(s = zip_source_buffer(z, p.data, p.len, 1))) {
			free(p.data);
			return err_set(e, LUP_EIO, "out of memory");
		}
		if ((at = zip_file_add(z, name, s, 0)) < 0) {
			zip_source_free(s);
			return err_set(e, LUP_EIO, "cannot add %s: %s", name, zip_strerror(z));
		}
		if (zip_set_file_compression(z, (zip_uint64_t)at, ZIP_CM_DEFLATE, 0) != 0 ||
		    zip_file_set_mtime(z, (zip_uint64_t)at, t, 0) != 0)
			return err_set(e, LUP_EIO, "cannot set up %s: %s", name, zip_strerror(z));
	}
	return LUP_OK;
}

/* source_bytes: the whole of the (closed) source s, malloc'd. */
static int source_bytes(zip_source_t *s, char **data, size_t *len)
{
	zip_stat_t st;

	if (zip_source_stat(s, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(s) != 0)
		return -1;
	*data = xmalloc(st.size ? st.size : 1);
	zip_int64_t n = zip_source_read(s, *data, st.size);
	zip_source_close(s);
	if (n < 0 || (zip_uint64_t)n != st.size) {
		free(*data);
		*data = NULL;
		return -1;
	}
	*len = st.size;
	return 0;
}

int docx_finish(struct docx *d, const struct docx_meta *m, char **data, size_t *len, struct err *e)
{
	zip_error_t ze;
	zip_source_t *src = NULL;
	zip_t *z = NULL;
	int rc;

	*data = NULL;
	*len = 0;
	docx_body_end(d);
	if (d->bad)
		return err_set(e, d->bad, "%s", d->why);
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)) || !(z = zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
		rc = err_set(e, LUP_EIO, "cannot start the zip: %s", zip_error_strerror(&ze));
		goto out;
	}
	zip_source_keep(src);
	if ((rc = add_parts(d, m, z, e)) != LUP_OK) {
		zip_discard(z);
		goto out;
	}
	if (zip_close(z) != 0) {
		rc = err_set(e, LUP_EIO, "cannot write the zip: %s", zip_strerror(z));
		zip_discard(z);
		goto out;
	}
	if (source_bytes(src, data, len) != 0)
		rc = err_set(e, LUP_EIO, "cannot read the zip back");
out:
	zip_error_fini(&ze);
	if (src)
		zip_source_free(src);
	return rc;
}
