/* imp-commission-doc.c: the tables of a parsed commission document (reports and their
 * spellings, measures, responses, parts, citations) and the small map that indexes them. */
#include "import/imp-commission-int.h"

#include <stdio.h>
#include <string.h>

#define REPORT_KEY_MAX 81	/* slug of a report title, with its NUL */

/* mix: a 64-bit hash (splitmix64's finaliser). */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

void imp_commission_map_init(struct arena *a, struct cm_map *m, size_t cap)
{
	m->key = arena_alloc(a, sizeof(*m->key) * cap);
	m->val = arena_alloc(a, sizeof(*m->val) * cap);
	for (size_t i = 0; i < cap; i++)
		m->key[i] = -1;
	m->cap = cap;
	m->n = 0;
}

/* the map: open addressing with linear probing, grown at half full */
int imp_commission_map_get(const struct cm_map *m, int64_t k)
{
	for (size_t i = mix((uint64_t)k) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		if (m->key[i] == k)
			return m->val[i];
		if (m->key[i] < 0)
			return -1;
	}
}

void imp_commission_map_put(struct arena *a, struct cm_map *m, int64_t k, int v)
{
	size_t i;

	if (2 * (m->n + 1) > m->cap) {
		struct cm_map old = *m;
		imp_commission_map_init(a, m, old.cap * 2);
		for (size_t j = 0; j < old.cap; j++)
			if (old.key[j] >= 0)
				imp_commission_map_put(a, m, old.key[j], old.val[j]);
	}
	for (i = mix((uint64_t)k) & (m->cap - 1); m->key[i] >= 0 && m->key[i] != k; i = (i + 1) & (m->cap - 1))
		;
	if (m->key[i] < 0)
		m->n++;
	m->key[i] = k;
	m->val[i] = v;
}

/* ---- the document's tables ---- */

int imp_commission_report_known(struct parser *p, int known, int line)
{
	struct cm_doc *d = p->d;
	const char *title = NULL;
	char key[REPORT_KEY_MAX];

	for (int i = 0; i < d->nreport; i++)
		if (d->report[i].known == known + 1)
			return i;
	if (d->nreport >= CM_MAX_REPORTS)
		return -1;
	title = imp_commission_known_title(known);
	imp_commission_slug(title, key, sizeof(key));
	GROW(p->c->a, d->report, d->nreport, d->capreport);
	memset(&d->report[d->nreport], 0, sizeof(d->report[0]));
	d->report[d->nreport].key = arena_strdup(p->c->a, key);
	d->report[d->nreport].title = title;
	d->report[d->nreport].known = known + 1;
	d->report[d->nreport].line = line;
	return d->nreport++;
}

/* imp_commission_report_add: the report a heading's title names (known or not); -1 when there are too many. */
int imp_commission_report_add(struct parser *p, int known, const char *title, int line)
{
	struct cm_doc *d = p->d;
	char key[REPORT_KEY_MAX];

	if (known >= 0)
		return imp_commission_report_known(p, known, line);
	if (!imp_commission_slug(title, key, sizeof(key)))
		return -1;
	for (int i = 0; i < d->nreport; i++)
		if (!d->report[i].known && strcmp(d->report[i].key, key) == 0)
			return i;
	if (d->nreport >= CM_MAX_REPORTS)
		return -1;
	GROW(p->c->a, d->report, d->nreport, d->capreport);
	memset(&d->report[d->nreport], 0, sizeof(d->report[0]));
	d->report[d->nreport].key = arena_strdup(p->c->a, key);
	d->report[d->nreport].title = title;
	d->report[d->nreport].line = line;
	imp_warn(p->c, line, "rapporten '%s' är inte en av kommissionens rapporter som lup känner till: "
		 "importeras som en egen rapport", title);
	return d->nreport++;
}

void imp_commission_alias_add(struct parser *p, int r, const char *alias)
{
	struct cm_report *rep = &p->d->report[r];

	for (int i = 0; i < rep->nalias; i++)
		if (strcmp(rep->alias[i], alias) == 0)
			return;
	if (rep->nalias >= 200)
		return;
	GROW(p->c->a, rep->alias, rep->nalias, rep->capalias);
	rep->alias[rep->nalias++] = alias;
}

void imp_commission_admin_report(struct parser *p, int r)
{
	struct cm_admin *a;

	if (p->pass != 2 || p->admin < 0 || r < 0)
		return;
	a = &p->d->admin[p->admin];
	for (int i = 0; i < a->nreport; i++)
		if (a->report[i] == r)
			return;
	GROW(p->c->a, a->report, a->nreport, a->capreport);
	a->report[a->nreport++] = r;
}

/* num_code: a measure or recommendation number as an integer (components < 100). */
static int64_t num_code(const char *num)
{
	int64_t code = 0;
	int depth = 0;

	for (const char *q = num; *q; q++) {
		int v = 0;
		while (*q >= '0' && *q <= '9')
			v = v * 10 + (*q++ - '0');
		code = code * 128 + v;
		depth++;
		if (!*q)
			break;
	}
	return code * 4 + depth;
}

int64_t imp_commission_measure_key(int report, const char *num)
{
	return ((int64_t)report << 32) | num_code(num);
}

/* imp_commission_family_key: (report, depth, first component) of a number. */
int64_t imp_commission_family_key(int report, const char *num)
{
	int depth = 1, first = 0;

	for (const char *q = num; *q; q++)
		depth += *q == '.';
	for (const char *q = num; *q >= '0' && *q <= '9'; q++)
		first = first * 10 + (*q - '0');
	return ((int64_t)report << 32) | (depth << 8) | first;
}

int imp_commission_measure_find(struct parser *p, int report, const char *num)
{
	return imp_commission_map_get(p->d->mmap, imp_commission_measure_key(report, num));
}

/* imp_commission_measure_get: the measure (report, num), added when new; a better title replaces a worse one.
 * Returns its index or an error (too many measures). */
int imp_commission_measure_get(struct parser *p, int report, const char *num, const char *title, int rank,
		       int line, int *out)
{
	struct cm_doc *d = p->d;
	int m = imp_commission_measure_find(p, report, num);

	if (m >= 0) {
		if (rank > d->measure[m].rank) {
			d->measure[m].title = title;
			d->measure[m].rank = rank;
		}
		*out = m;
		return LUP_OK;
	}
	if (d->nmeasure >= CM_MAX_MEASURES)
		return imp_fail(p->c, line, "fler än %d åtgärder i ett dokument", CM_MAX_MEASURES);
	GROW(p->c->a, d->measure, d->nmeasure, d->capmeasure);
	m = d->nmeasure++;
	memset(&d->measure[m], 0, sizeof(d->measure[m]));
	d->measure[m].report = report;
	snprintf(d->measure[m].number, CM_NUM_MAX, "%s", num);
	d->measure[m].title = title;
	d->measure[m].rank = rank;
	d->measure[m].line = line;
	d->measure[m].rec = -1;
	imp_commission_map_put(p->c->a, d->mmap, imp_commission_measure_key(report, num), m);
	imp_commission_map_put(p->c->a, &p->fammap, imp_commission_family_key(report, num), 1);
	*out = m;
	return LUP_OK;
}

/* imp_commission_response_get: the response of admin to measure, added when new. */
int imp_commission_response_get(struct parser *p, int admin, int measure, int line, int *out)
{
	struct cm_doc *d = p->d;
	int64_t k = ((int64_t)admin << 32) | measure;
	int r = imp_commission_map_get(d->rmap, k);

	if (r < 0) {
		if (d->nresp >= CM_MAX_RESPONSES)
			return imp_fail(p->c, line, "fler än %d svar i ett dokument", CM_MAX_RESPONSES);
		GROW(p->c->a, d->resp, d->nresp, d->capresp);
		r = d->nresp++;
		memset(&d->resp[r], 0, sizeof(d->resp[r]));
		d->resp[r].admin = admin;
		d->resp[r].measure = measure;
		d->resp[r].line = d->resp[r].last = line;
		imp_commission_map_put(p->c->a, d->rmap, k, r);
	}
	*out = r;
	return LUP_OK;
}

int imp_commission_part_push(struct parser *p, int r, const struct cm_part *part)
{
	struct cm_response *x = &p->d->resp[r];

	if (x->npart >= CM_MAX_PARTS)
		return imp_fail(p->c, part->line, "fler än %d delar i ett svar", CM_MAX_PARTS);
	GROW(p->c->a, x->part, x->npart, x->cappart);
	x->part[x->npart++] = *part;
	if (part->last > x->last)
		x->last = part->last;
	if (part->line > x->last)
		x->last = part->line;
	return LUP_OK;
}

void imp_commission_ref_add(struct parser *p, int r, int m)
{
	struct cm_response *x = &p->d->resp[r];

	if (m == x->measure || x->nref >= CM_MAX_REFS)
		return;
	for (int i = 0; i < x->nref; i++)
		if (x->ref[i] == m)
			return;
	GROW(p->c->a, x->ref, x->nref, x->capref);
	x->ref[x->nref++] = m;
}
