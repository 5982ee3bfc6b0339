/* docx-commission.c: the commission matrix as a document (export.h: export_docx_commission):
 * per commission report (Heading1) and recommendation (Heading2), each measure (Heading3) with a
 * table of the administrations' answers: the stance in Swedish (Instämmer, Positiv, Tveksam,
 * Avvisar, Ingen ställning; Inget svar when the administration sent none) and an excerpt of the
 * response's text. Built from view/commission.h; no date, so two runs give the same bytes. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "doc/docx.h"
#include "doc/export.h"
#include "render/fieldnames.h"
#include "store/store.h"
#include "view/commission.h"

#define EXCERPT_MAX 400	/* bytes of a response's text in the table at most */

/* excerpt_row: copies the first column (the response's text) into the buf ctx */
static int excerpt_row(void *ctx, const struct store_row *r)
{
	const char *s = store_col_text(r, 0);
	struct buf *b = ctx;

	if (s)
		buf_add(b, s, strlen(s));
	return 0;
}

/* excerpt: response id's text cut to EXCERPT_MAX bytes at a UTF-8 boundary (with "…"), in a */
static int excerpt(struct store *st, struct arena *a, int64_t id, const char **out, struct err *e)
{
	struct sval q[1] = { SVI(id) };
	struct buf b;
	int rc;

	buf_init(&b, 0);
	*out = NULL;
	if ((rc = store_query(st, STMT_VTAB_RESPONSE_TEXT, q, 1, excerpt_row, &b, e)) == LUP_OK && b.len) {
		size_t n = b.len;
		if (n > EXCERPT_MAX) {
			n = EXCERPT_MAX;
			while (n > 0 && ((unsigned char)b.ptr[n] & 0xc0) == 0x80)
				n--;
		}
		char *s = arena_alloc(a, n + 4);
		memcpy(s, b.ptr, n);
		if (n < b.len)
			memcpy(s + n, "\xe2\x80\xa6", 3);	/* … */
		*out = s;
	}
	buf_release(&b);
	return rc;
}

/* stance_sv: the stance's Swedish word with a capital first letter, in a */
static const char *stance_sv(struct arena *a, const struct view_cm_cell *c)
{
	if (c->no_response)
		return "Inget svar";
	const char *w = fieldvalue_sv("stance", c->stance ? c->stance : "none");
	char *s = arena_strdup(a, w ? w : "");
	if (s && s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

/* measure: measure m's heading and its table of answers */
static int measure(struct docx *d, struct store *st, struct arena *a, const struct view_commission *v,
		   const struct view_cm_report *rp, const struct view_cm_measure *m, struct err *e)
{
	static const char *const head[3] = { "Förvaltning", "Ställningstagande", "Svar (utdrag)" };
	static const int widths[3] = { 28, 17, 55 };
	char h[1024], cap[512];
	int rc;

	snprintf(h, sizeof(h), "Åtgärd %s%s%s", m->number, m->text ? ": " : "", m->text ? m->text : "");
	docx_heading(d, 3, h);
	snprintf(cap, sizeof(cap), "Förvaltningarnas svar på åtgärd %s", m->number);
	docx_table_begin(d, cap, 3, head, widths);
	for (size_t k = 0; k < rp->ncols; k++) {
		const struct view_cm_column *col = &v->columns[rp->cols[k]];
		const struct view_cm_cell *c = view_commission_cell(v, m->id, col->org);
		const char *text = NULL;
		if (!c)
			continue;
		if (!c->no_response && (rc = excerpt(st, a, c->response, &text, e)) != LUP_OK)
			return rc;
		const char *cells[3] = { col->name, stance_sv(a, c), text };
		docx_table_row(d, cells);
	}
	docx_table_end(d);
	return LUP_OK;
}

/* report: commission report rp with its recommendations and measures */
static int report(struct docx *d, struct store *st, struct arena *a, const struct view_commission *v,
		  const struct view_cm_report *rp, struct err *e)
{
	const char *group = NULL;
	char h[1024];
	int rc;

	if (rp->year)
		snprintf(h, sizeof(h), "%s (%ld)", rp->title ? rp->title : rp->key, rp->year);
	else
		snprintf(h, sizeof(h), "%s", rp->title ? rp->title : rp->key);
	docx_heading(d, 1, h);
	for (size_t i = 0; i < rp->nmeasures; i++) {
		const struct view_cm_measure *m = rp->measures[i];
		const char *g = m->group ? m->group : "";
		if (!group || strcmp(group, g)) {
			group = g;
			if (m->rec_number)
				snprintf(h, sizeof(h), "Rekommendation %s%s%s", m->rec_number, m->rec_text ? ": " : "",
					 m->rec_text ? m->rec_text : "");
			else
				snprintf(h, sizeof(h), "Rekommendation %s", g);
			docx_heading(d, 2, h);
		}
		if ((rc = measure(d, st, a, v, rp, m, e)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}

int export_docx_commission(struct store *st, const struct export_args *x, struct export_file *f, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct view_commission v;
	struct docx *d = NULL;
	char tpl[4096];
	int rc;

	if ((rc = view_commission_load(st, &a, &v, e)) != LUP_OK)
		goto out;
	if (!v.nreports) {
		rc = err_set(e, LUP_ENOTFOUND, "no commission data (import it with lup import commission)");
		goto out;
	}
	if ((rc = docx_new(x->tpl ? x->tpl : docx_template_path(tpl, sizeof(tpl)), &d, e)) != LUP_OK)
		goto out;
	docx_para(d, "Title", "Kommissionen för ett socialt hållbart Stockholm");
	docx_para(d, "Subtitle", "Förvaltningarnas svar på åtgärderna");
	docx_toc(d, "Innehåll");
	for (size_t i = 0; i < v.nreports; i++)
		if ((rc = report(d, st, &a, &v, &v.reports[i], e)) != LUP_OK)
			goto out;
	struct docx_meta m = { "Kommissionen för ett socialt hållbart Stockholm", "Förvaltningarnas svar", NULL, NULL,
			       NULL };
	if ((rc = docx_finish(d, &m, &f->data, &f->len, e)) == LUP_OK)
		export_name(f, "Kommissionen");
out:
	docx_free(d);
	arena_release(&a);
	return rc;
}
