/* download.c: exports over HTTP and the "Ladda ned" menu (download.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/numfmt.h"
#include "model/planver.h"
#include "render/html.h"
#include "render/rows.h"
#include "store/store.h"
#include "web/api.h"
#include "web/authz.h"
#include "web/download.h"

/* ascii_name: name with å ä ö (and their capitals, é) as a a o, other non-ASCII bytes as '_',
 * for the filename= fallback of old clients */
static void ascii_name(const char *name, char *out, size_t n)
{
	static const char *const map[][2] = {
		{ "å", "a" }, { "ä", "a" }, { "ö", "o" }, { "Å", "A" }, { "Ä", "A" }, { "Ö", "O" }, { "é", "e" },
		{ "É", "E" }, { "ü", "u" }, { NULL, NULL },
	};
	size_t o = 0;

	for (const char *p = name; *p && o + 1 < n;) {
		size_t k = 0;
		while (map[k][0] && strncmp(p, map[k][0], strlen(map[k][0])) != 0)
			k++;
		if (map[k][0]) {
			out[o++] = map[k][1][0];
			p += strlen(map[k][0]);
		} else if ((unsigned char)*p < 0x80) {
			out[o++] = *p == '\\' ? '_' : *p;
			p++;
		} else {
			out[o++] = '_';
			for (p++; ((unsigned char)*p & 0xc0) == 0x80; p++)
				;
		}
	}
	out[o] = '\0';
}

/* disposition: the Content-Disposition of an attachment named name (RFC 6266, 5987) */
static void disposition(struct http_req *r, const char *name)
{
	char ascii[EXPORT_NAME_MAX];
	struct buf b;

	ascii_name(name, ascii, sizeof(ascii));
	buf_init(&b, 4096);
	buf_addf(&b, "attachment; filename=\"%s\"; filename*=UTF-8''", ascii);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    strchr("!#$&+-.^_`|~", *p))
			buf_addc(&b, (char)*p);
		else
			buf_addf(&b, "%%%02X", *p);
	}
	http_header(r, "Content-Disposition", b.ptr);
	buf_release(&b);
}

int download_send(struct http_req *r, const struct export_row *x, const struct export_args *a, int priv)
{
	const struct export_format *fm = export_format(x->format);
	struct export_file f;
	int rc;

	if ((rc = export_run(x, r->st, a, &f, &r->err)) != LUP_OK)
		return rc;
	buf_reset(&r->out);
	if (buf_add(&r->out, f.data, f.len) != 0) {
		export_file_release(&f);
		return err_set(&r->err, LUP_ETOOBIG, "the file is larger than a response may be");
	}
	r->ctype = fm->ctype;
	disposition(r, f.name);
	if (priv) {
		http_header(r, "Cache-Control", "private, no-store");
	} else {
		http_header(r, "Cache-Control", "public, max-age=300");
		http_header(r, "Vary", "Cookie, Authorization");
	}
	export_file_release(&f);
	r->status = 200;
	return 200;
}

int download_plan_version(struct http_req *r, const char *key, const char *ver, int *version, int *priv)
{
	struct rowset rs;
	long long n = 0;
	char *end;

	*version = 0;
	*priv = 0;
	if (ver) {
		if (!*ver || strlen(ver) > 9 || *ver < '0' || *ver > '9' || (n = strtoll(ver, &end, 10)) < 1 || *end)
			return 404;
	} else {
		struct sval pick[] = { SVS(key), SVI(0) };
		int64_t pv = 0;
		if (store_query_id(r->st, STMT_PD_PICK, pick, 2, &pv, &r->err) != LUP_OK)
			return -1;
		struct sval id = SVI(pv);
		rowset_init(&rs, &r->a);
		if (!pv)
			return 404;
		if (rowset_query(&rs, r->st, STMT_PT_PLAN_OF, &id, 1, &r->err) != LUP_OK)
			return -1;
		if (!rs.nrows)
			return 404;
		n = strtoll(rs.rows[0][1].s ? rs.rows[0][1].s : "0", NULL, 10);
	}
	struct sval a[] = { SVS(key), SVI(n) };
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PT_VERSION, a, 2, &r->err) != LUP_OK)
		return -1;
	if (!rs.nrows)
		return 404;
	int cs = rowset_col(&rs, "status"), co = rowset_col(&rs, "owner_id"), cp = rowset_col(&rs, "owner_pair");
	const char *status = rs.rows[0][cs].s;
	int64_t owner = rs.rows[0][co].s ? strtoll(rs.rows[0][co].s, NULL, 10) : 0;
	int64_t pair = rs.rows[0][cp].s ? strtoll(rs.rows[0][cp].s, NULL, 10) : 0;
	if (!planver_public(status) && (!ver || !authz_plan_draft_readable(&r->user, owner, pair)))
		return 404;
	*version = (int)n;
	*priv = !planver_public(status);
	return 0;
}

void download_menu(struct http_req *r, struct html *h, const char *kind, const char *base, const char *query)
{
	int open = 0;

	(void)r;
	for (const struct export_row *x = export_rows; x->format; x++) {
		const struct export_format *fm;
		if (strcmp(x->kind, kind) != 0 || !x->slug || !(fm = export_format(x->format)))	/* no slug: not on the web */
			continue;
		if (!open++) {
			html_open(h, "details", "class", "download", NULL);
			html_elem(h, "summary", "Ladda ned", NULL);
			html_open(h, "ul", NULL);
		}
		char href[1024], label[96];
		const char *hp[] = { base, "/", x->slug, ".", x->format, query ? "?" : "", query ? query : "" };
		numfmt_join(href, sizeof(href), hp, 7);	/* "%s/%s.%s%s%s", cut to size */
		const char *lp[] = { fm->label, " (", fm->ext, ")" };
		numfmt_join(label, sizeof(label), lp, 4);	/* "%s (%s)", cut to size */
		HTML_TPL0(h, "<li>");
		HTML_START(h, "a");
		HTML_ATTR(h, "href", href);
		HTML_ATTR(h, "download", "");
		HTML_ATTR(h, "data-format", x->format);
		html_start_end(h, 1);
		html_text(h, label);
		HTML_TPL0(h, "</a></li>");
	}
	if (open) {
		html_close(h);
		html_close(h);
	}
}

/* accepts: does the Accept header name ctype (its type/subtype, before any ';')? */
static int accepts(const char *accept, const char *ctype)
{
	size_t n = strcspn(ctype, ";");

	for (const char *p = accept; p && *p;) {
		p += strspn(p, " \t,");
		size_t m = strcspn(p, ",;");
		if (m == n && strncasecmp(p, ctype, n) == 0)
			return 1;
		p = strchr(p, ',');
	}
	return 0;
}

int download_row_of(const struct export_row *x, const char *kind, const char *slug)
{
	return !strcmp(x->kind, kind) && x->slug && !strcmp(x->slug, slug);
}

int download_pick(struct http_req *r, const char *kind, const char *slug, const struct export_row **x)
{
	const char *format = http_query(r, "format"), *accept = http_header_in(r, "Accept");

	*x = NULL;
	if (format) {
		if (!(*x = export_find(format, kind)) || !download_row_of(*x, kind, slug))
			return *x = NULL, http_error(r, 406, "not_acceptable", "no format '%s' here (see the OpenAPI"
						     " document's format parameter)", format);
		return 0;
	}
	for (const struct export_row *y = export_rows; accept && y->format; y++)
		if (download_row_of(y, kind, slug) && accepts(accept, export_format(y->format)->ctype)) {
			*x = y;
			return 0;
		}
	return 0;
}

const char *download_kind(int (*handler)(struct http_req *), const char **slug)
{
	if (handler == api_plan_doc_get)
		return *slug = "dokument", "plan";
	if (handler == api_org_indicator_values)
		return *slug = "indikatorer", "organisation";
	return *slug = NULL, NULL;
}
