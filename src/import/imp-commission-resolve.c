/* imp-commission-resolve.c: pass 3 of the 'commission' importer's parser: citations
 * resolved to measures, running text turned into responses or statements, parts in document
 * order, measures linked to their recommendations, stances classified. */
#include "import/imp-commission-int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEG_CITES 32	/* measures one sentence of running text may answer */

/* The stance of a part's text, computed once per text (parts share their text). */
struct memo {
	struct cm_map map;	/* text pointer -> index in v */
	struct memo_v {
		enum cm_stance s;
		size_t at, len;
	} *v;
	int n, cap;
};

/* memo_key: a text's address as a map key (>= 0). */
static int64_t memo_key(const char *text)
{
	return (int64_t)((uintptr_t)text & (uintptr_t)INT64_MAX);
}

/* resolve_cite: the measure a citation names (see docs/import-commission.md), or -1. */
static int resolve_cite(struct parser *p, const char *num, int ctx, int line, int *out)
{
	struct cm_doc *d = p->d;
	int found = -1, nfound = 0;

	*out = -1;
	if (ctx >= 0 && (*out = imp_commission_measure_find(p, ctx, num)) >= 0)
		return LUP_OK;
	/* the report in context numbers its measures alike (6.x.y): the number is its measure,
	 * listed or not (a document cut before that heading must not send it to another report) */
	if (ctx >= 0 && imp_commission_map_get(&p->fammap, imp_commission_family_key(ctx, num)) >= 0)
		goto in_ctx;
	for (int r = 0; r < d->nreport; r++) {
		int m = imp_commission_measure_find(p, r, num);
		if (m >= 0 && nfound++ == 0)
			found = m;
	}
	if (nfound == 1) {
		*out = found;
		return LUP_OK;
	}
	if (nfound > 1) {
		imp_warn(p->c, line, "åtgärd %s nämns, men flera rapporter har en åtgärd med det numret och "
			 "texten nämner ingen av dem: inte kopplad", num);
		return LUP_OK;
	}
	if (ctx < 0) {
		imp_warn(p->c, line, "åtgärd %s nämns, men ingen rapport nämns före den: inte kopplad", num);
		return LUP_OK;
	}
in_ctx:
	if (p->c->trace)
		imp_trace(p->c, line, line, "measure", "%s (%s: known only from a citation)", num,
			  d->report[ctx].key);
	return imp_commission_measure_get(p, ctx, num, NULL, 0, line, out);
}

/* statement_add: running text that cites no measure goes to the administration's statement. */
static void statement_add(struct buf *b, const struct seg *g, int *last_para)
{
	if (b->len)
		buf_addc(b, g->para == *last_para ? ' ' : '\n');
	buf_adds(b, g->text);
	*last_para = g->para;
}

/* statement_flush: the collected statement text goes to the administration (after any it has). */
static void statement_flush(struct parser *p, int admin, struct buf *b)
{
	struct cm_admin *a;

	if (admin < 0 || !b->len)
		return;
	a = &p->d->admin[admin];
	if (a->statement) {
		char *s = arena_alloc(p->c->a, strlen(a->statement) + b->len + 2);
		memcpy(s, a->statement, strlen(a->statement));
		s[strlen(a->statement)] = '\n';
		memcpy(s + strlen(a->statement) + 1, b->ptr, b->len + 1);
		a->statement = s;
	} else {
		a->statement = arena_strndup(p->c->a, b->ptr, b->len);
	}
	buf_reset(b);
}

/* by_admin: the segments' indices grouped by administration, in document order within each
 * (so that each statement is built in one piece even when a heading repeats). */
static int *by_admin(struct parser *p)
{
	int na = p->d->nadmin, *start = arena_alloc(p->c->a, sizeof(int) * (size_t)(na + 1));
	int *order = arena_alloc(p->c->a, sizeof(int) * (size_t)(p->nseg + 1));

	for (int s = 0; s < p->nseg; s++)
		start[p->seg[s].admin + 1]++;
	for (int a = 1; a <= na; a++)
		start[a] += start[a - 1];
	for (int s = 0; s < p->nseg; s++)
		order[start[p->seg[s].admin]++] = s;
	return order;
}

/* seg_measures: the measures segment g cites (at most MAX_SEG_CITES, each once) into ms. */
static int seg_measures(struct parser *p, const struct seg *g, int *ms, int *nm)
{
	int rc;

	*nm = 0;
	for (int k = 0; k < g->ncite; k++) {
		int m, dup = 0;
		if ((rc = resolve_cite(p, g->cite[k].number, g->ctx[k], g->line, &m)) != LUP_OK)
			return rc;
		for (int j = 0; j < *nm; j++)
			dup |= ms[j] == m;
		if (m < 0 || dup)
			continue;
		if (*nm == MAX_SEG_CITES) {
			imp_warn(p->c, g->line, "en mening nämner fler än %d åtgärder: de övriga kopplas inte",
				 MAX_SEG_CITES);
			break;
		}
		ms[(*nm)++] = m;
	}
	return LUP_OK;
}

/* seg_responses: segment g becomes a "Text" part of the responses to the nm measures ms. */
static int seg_responses(struct parser *p, const struct seg *g, const int *ms, int nm)
{
	int rc;

	for (int j = 0; j < nm; j++) {
		struct cm_part part = { "Text", g->text, g->line, g->last };
		int r;
		if ((rc = imp_commission_response_get(p, g->admin, ms[j], g->line, &r)) != LUP_OK ||
		    (rc = imp_commission_part_push(p, r, &part)) != LUP_OK)
			return rc;
		if (g->at_end)
			p->d->resp[r].at_end = 1;
		for (int k = 0; k < nm; k++)
			imp_commission_ref_add(p, r, ms[k]);
		if (p->c->trace)
			imp_trace(p->c, g->line, g->line, "response", "%s -> %s %s (from its text)",
				  p->d->admin[g->admin].heading, p->d->measure[ms[j]].number,
				  p->d->report[p->d->measure[ms[j]].report].key);
	}
	return LUP_OK;
}

/* segments: each segment of running text becomes a "Text" part of the responses to the
 * measures it cites, or a piece of its administration's statement. */
static int segments(struct parser *p)
{
	struct buf b;
	int cur = -1, last_para = -1, rc = LUP_OK, ms[MAX_SEG_CITES], nm;
	int *order = by_admin(p);

	buf_init(&b, 0);
	for (int i = 0; i < p->nseg; i++) {
		const struct seg *g = &p->seg[order[i]];
		if ((rc = seg_measures(p, g, ms, &nm)) != LUP_OK)
			break;
		if (g->admin != cur) {
			statement_flush(p, cur, &b);
			cur = g->admin;
		}
		if (!nm)
			statement_add(&b, g, &last_para);
		else if ((rc = seg_responses(p, g, ms, nm)) != LUP_OK)
			break;
	}
	if (rc == LUP_OK)
		statement_flush(p, cur, &b);
	buf_release(&b);
	return rc;
}

/* part_cites: measures cited in the parts of response r under its headings link to it. */
static int part_cites(struct parser *p, int r)
{
	struct cm_response *x = &p->d->resp[r];
	int ctx = p->d->measure[x->measure].report, rc;

	for (int k = 0; k < x->npart; k++) {
		const char *t = x->part[k].text;
		int nc;
		struct cm_cite *cite;
		nc = imp_commission_cites(t, strlen(t), NULL, 0);
		if (nc > CM_MAX_REFS)
			nc = CM_MAX_REFS;
		cite = arena_alloc(p->c->a, sizeof(*cite) * (size_t)(nc + 1));
		imp_commission_cites(t, strlen(t), cite, nc);
		for (int j = 0; j < nc; j++) {
			int m;
			if ((rc = resolve_cite(p, cite[j].number, ctx, x->part[k].line, &m)) != LUP_OK)
				return rc;
			if (m >= 0)
				imp_commission_ref_add(p, r, m);
		}
	}
	return LUP_OK;
}

/* sort_parts: a response's parts in document order (stable: parts of one line keep theirs). */
static void sort_parts(struct cm_response *x)
{
	for (int i = 1; i < x->npart; i++) {
		struct cm_part t = x->part[i];
		int j = i;
		while (j > 0 && x->part[j - 1].line > t.line) {
			x->part[j] = x->part[j - 1];
			j--;
		}
		x->part[j] = t;
	}
}

/* classify_stance: the stance of text and the phrase as written. */
static enum cm_stance classify_stance(struct parser *p, const char *text, const char **phrase)
{
	size_t at, len;
	enum cm_stance s = imp_commission_stance(text, &at, &len);

	*phrase = s == CM_NONE ? NULL : arena_strndup(p->c->a, text + at, len);
	return s;
}

/* part_stance: the stance of one part's text (classified once per text). */
static const struct memo_v *part_stance(struct parser *p, struct memo *m, const char *text)
{
	int i = imp_commission_map_get(&m->map, memo_key(text));

	if (i < 0) {
		GROW(p->c->a, m->v, m->n, m->cap);
		i = m->n++;
		m->v[i].s = imp_commission_stance(text, &m->v[i].at, &m->v[i].len);
		imp_commission_map_put(p->c->a, &m->map, memo_key(text), i);
	}
	return &m->v[i];
}

/* response_stance: the stance of the response's answer (its parts but Beskrivning and
 * Ansvarig, which quote the commission): the highest stance of its parts, with the phrase of
 * the first part that has it (the same as classifying the parts joined). */
static void response_stance(struct parser *p, struct memo *m, struct cm_response *x)
{
	const struct memo_v *best = NULL;
	const char *text = NULL;

	for (int k = 0; k < x->npart; k++) {
		const struct memo_v *v;
		if (strcmp(x->part[k].label, "Beskrivning") == 0 || strcmp(x->part[k].label, "Ansvarig") == 0)
			continue;
		v = part_stance(p, m, x->part[k].text);
		if (v->s != CM_NONE && (!best || v->s > best->s)) {
			best = v;
			text = x->part[k].text;
		}
	}
	x->stance = best ? best->s : CM_NONE;
	x->phrase = best ? arena_strndup(p->c->a, text + best->at, best->len) : NULL;
}

/* finish: pass 3 (see imp_commission_resolve). */
static int finish(struct parser *p)
{
	struct cm_doc *d = p->d;
	struct memo memo;
	int nresp0 = d->nresp, rc;

	/* the parts so far come from measure headings; segments() adds those of running text,
	 * whose citations it links itself */
	for (int r = 0; r < nresp0; r++)
		if ((rc = part_cites(p, r)) != LUP_OK)
			return rc;
	if ((rc = segments(p)) != LUP_OK)
		return rc;
	memset(&memo, 0, sizeof(memo));
	imp_commission_map_init(p->c->a, &memo.map, 64);
	for (int r = 0; r < d->nresp; r++) {
		sort_parts(&d->resp[r]);
		response_stance(p, &memo, &d->resp[r]);
	}
	for (int a = 0; a < d->nadmin; a++) {
		struct cm_admin *x = &d->admin[a];
		x->stance = classify_stance(p, x->statement, &x->phrase);
	}
	for (int m = 0; m < d->nmeasure; m++) {
		struct cm_measure *x = &d->measure[m];
		char parent[CM_NUM_MAX], *dot;
		snprintf(parent, sizeof(parent), "%s", x->number);
		if ((dot = strrchr(parent, '.')) != NULL) {
			*dot = '\0';
			x->rec = imp_commission_map_get(&p->recmap, imp_commission_measure_key(x->report, parent));
		}
	}
	return LUP_OK;
}

/* warn_admins: administrations with nothing, or with a marker and text. */
static void warn_admins(struct parser *p)
{
	struct cm_doc *d = p->d;
	int *nr = arena_alloc(p->c->a, sizeof(int) * (size_t)(d->nadmin + 1));

	for (int r = 0; r < d->nresp; r++)
		nr[d->resp[r].admin]++;
	for (int a = 0; a < d->nadmin; a++) {
		const struct cm_admin *x = &d->admin[a];
		if (x->no_response && (nr[a] || x->statement))
			imp_warn(p->c, x->line, "%s: '%s' men också en text: registreras som inget svar, med texten",
				 x->heading, x->marker);
		else if (!x->no_response && !nr[a] && !x->statement &&
			 !(a == d->end_admin && d->end == CM_END_HEADING))
			imp_warn(p->c, x->line, "%s: ingen text under rubriken", x->heading);
	}
}

int imp_commission_resolve(struct parser *p)
{
	int rc = finish(p);

	if (rc == LUP_OK)
		warn_admins(p);
	return rc;
}
