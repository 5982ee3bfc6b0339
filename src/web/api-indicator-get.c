/* api-indicator-get.c: GET /api/v1/indicators/{id} (id or key): the indicator with its targets,
 * outcomes and provenance, in the bytes the entity API writes for every kind (render/entity.h),
 * but with the outcomes (hundreds of rows) read and written here: the periods' texts and the
 * areas' keys read once into tables by id (the statement read the area per outcome), the
 * outcomes in one range of the indicator's figures, unordered, put in the entity API's order
 * (periods by year and kind; in each, area key and sex in byte order) through slots, and each
 * written with its keys as literals and its period, area and source escaped once. */
#include "web/api.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/numfmt.h"
#include "render/entity.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/kinds.h"
#include "store/store.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the entity API's relation booleans (render/entity.c rel_bools): targets and provenance
 * have none of them, outcomes missing and example */
static const char *const rel_bools[] = { "missing", "example", "extra", "prioritised", "by_sex", "by_area", NULL };

#define IND_JSON_MAX ((size_t)32 << 20)	/* as the entity API's */

/* A period (year, kind) or an area (key: raw): its id and its text as a JSON string (escaped
 * once). */
struct named {
	int64_t id, year;
	const char *raw;
	const char *json;
	size_t len;
	int rank;		/* its place in the output's order */
};

/* An index of a table of struct named by id: a direct map when the ids are small, else the
 * ids sorted (bsearch). */
struct idmap {
	int *map;		/* map[id] = index + 1 (0: none), ids 0..nmap-1 */
	int64_t nmap;
	struct named *by_id;	/* else: the items sorted by id, n of them */
	int n;
};

/* One outcome: the period's and the area's places (struct named), the sex (0 K, 1 M, 2 T), the
 * value (written by put_fig as the entity API writes it), the flags (0 false, 1 true) and the source
 * (rows with equal sources one after another share its copy). */
struct fig {
	int period, area;
	unsigned char sex, missing, example, vt;	/* vt: the value's SV_NULL, SV_INT or SV_REAL */
	union {
		double d;
		int64_t i;
	} v;
	const char *source;
	size_t source_len;
};

/* The outcomes are kept in blocks of FIG_BLOCK (no copies as they grow). */
#define FIG_SHIFT 9
#define FIG_BLOCK (1 << FIG_SHIFT)

struct ind_read {
	struct arena *a;
	struct named *periods, *areas;
	int nperiods, nareas, cap_periods, cap_areas;
	struct fig **blk;	/* the outcomes: nfigs of them in blocks of FIG_BLOCK */
	int nfigs, cap_blk;
	struct idmap pmap, amap;
	int mapped;		/* the maps are made (at the first outcome) */
	int64_t last_pid, last_aid;	/* the last outcome's period and area, and their indexes */
	int last_p, last_a;
	int bad;		/* a row the tables do not place (unknown period or area, sex) */
	const char *last_source;	/* the last source text read (arena copy) */
	size_t last_len;
};

/* grow: room for one more item of size sz in *arr (n used of *cap), from the arena. */
static void *grow(struct arena *a, void *arr, int n, int *cap, size_t sz)
{
	if (n < *cap)
		return arr;
	int ncap = *cap ? *cap * 2 : 32;
	void *na = arena_alloc_raw(a, sz * (size_t)ncap);
	if (n)
		memcpy(na, arr, sz * (size_t)n);
	*cap = ncap;
	return na;
}

/* The texts a row copies (period, area, value, source) have at least PAD bytes of memory: one
 * fixed-size copy (no call) where they are no longer. */
#define PAD 32

/* put_pad: the n bytes of s (with PAD bytes of memory) at w, which has room for PAD more than
 * n; returns the end. */
static char *put_pad(char *w, const char *s, size_t n)
{
	if (n <= PAD)
		memcpy(w, s, PAD);	/* a known size: no call */
	else
		memcpy(w, s, n);
	return w + n;
}

/* json_text: s as a JSON string (null for NULL) in the arena, its length in *len. */
static const char *json_text(struct arena *a, const char *s, size_t n, size_t *len)
{
	struct buf b;
	char *t;

	if (!s) {
		*len = 4;
		return memcpy(arena_alloc(a, PAD), "null", 4);
	}
	size_t i = 0;
	while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f && s[i] != '"' && s[i] != '\\')
		i++;
	if (i == n) {	/* nothing to escape (keys, periods): quoted as it is */
		t = arena_alloc(a, n + 3 > PAD ? n + 3 : PAD);
		t[0] = '"';
		memcpy(t + 1, s, n);
		t[n + 1] = '"';
		*len = n + 2;
		return t;
	}
	buf_init(&b, 0);
	json_escape_str(&b, s, n);
	t = arena_alloc(a, b.len + 1 > PAD ? b.len + 1 : PAD);	/* put_pad copies PAD bytes at once */
	memcpy(t, b.ptr ? b.ptr : "", b.len);
	*len = b.len;
	buf_release(&b);
	return t;
}

/* period_row: a store_row_fn keeping a period (id, year, kind) with its text "YYYY-KIND" (as
 * lup_period and PostgreSQL's year || '-' || kind make it). */
static int period_row(void *ctx, const struct store_row *r)
{
	struct ind_read *c = ctx;
	const char *kind = store_col_text(r, 2);
	char t[NUMFMT_SIZE + 8];
	size_t n;

	c->periods = grow(c->a, c->periods, c->nperiods, &c->cap_periods, sizeof(*c->periods));
	struct named *p = &c->periods[c->nperiods++];
	n = numfmt_long(store_col_int(r, 1), t);
	t[n++] = '-';
	snprintf(t + n, sizeof(t) - n, "%.7s", kind ? kind : "");
	p->id = store_col_int(r, 0);
	p->year = store_col_int(r, 1);
	p->raw = arena_strdup(c->a, kind ? kind : "");
	p->json = json_text(c->a, t, strlen(t), &p->len);
	p->rank = 0;
	return 0;
}

/* area_row: a store_row_fn keeping an area (id, key). */
static int area_row(void *ctx, const struct store_row *r)
{
	struct ind_read *c = ctx;
	const char *key = store_col_text(r, 1);

	c->areas = grow(c->a, c->areas, c->nareas, &c->cap_areas, sizeof(*c->areas));
	struct named *ar = &c->areas[c->nareas++];
	ar->id = store_col_int(r, 0);
	ar->raw = arena_strdup(c->a, key);
	ar->json = json_text(c->a, key, key ? strlen(key) : 0, &ar->len);
	ar->rank = c->nareas - 1;
	return 0;
}

/* flag: a flag column (example: an integer 0 or 1 on both backends, NOT NULL) as the row set
 * writes it: true unless 0. */
static unsigned char flag(const struct store_row *r, int i)
{
	return store_col_int(r, i) != 0;
}

/* value_read: column i of r (the value) into f. Returns 0, or -1 for a cell this writer does
 * not take (a text, an integer past int64: the caller answers an error). */
static int value_read(const struct store_row *r, int i, struct fig *f)
{
	struct store_cell c;

	store_col_cell(r, i, &c);
	f->vt = (unsigned char)c.t;
	if (c.t == SV_REAL)
		f->v.d = c.d;
	else if (c.t == SV_INT)
		f->v.i = c.i;
	return c.t == SV_NULL || c.t == SV_REAL || (c.t == SV_INT && c.i != INT64_MAX && c.i != INT64_MIN) ? 0 : -1;
}

/* put_value: f's value as the row set writes it (null, "%lld", json_num_text) at w, which has
 * JSON_NUM_SIZE bytes of room; returns the end. */
static char *put_value(char *w, const struct fig *f)
{
	if (f->vt == SV_NULL) {
		memcpy(w, "null", 4);
		return w + 4;
	}
	if (f->vt == SV_INT)
		return w + numfmt_long((long long)f->v.i, w);
	return w + json_num_text(f->v.d, w);
}

/* fig_at: the i-th outcome kept. */
static struct fig *fig_at(const struct ind_read *c, int i)
{
	return &c->blk[i >> FIG_SHIFT][i & (FIG_BLOCK - 1)];
}

/* fig_new: room for one more outcome (not yet counted). */
static struct fig *fig_new(struct ind_read *c)
{
	int b = c->nfigs >> FIG_SHIFT;

	if ((c->nfigs & (FIG_BLOCK - 1)) == 0) {
		c->blk = grow(c->a, c->blk, b, &c->cap_blk, sizeof(*c->blk));
		c->blk[b] = arena_alloc_raw(c->a, sizeof(struct fig) * FIG_BLOCK);
	}
	return &c->blk[b][c->nfigs & (FIG_BLOCK - 1)];
}

static int by_id(const void *pa, const void *pb)
{
	const struct named *a = pa, *b = pb;

	return (a->id > b->id) - (a->id < b->id);
}

/* idmap_make: m indexes the n items of t by id (from the arena a). */
static void idmap_make(struct arena *a, struct idmap *m, struct named *t, int n)
{
	int64_t max = -1;
	int ok = 1;

	memset(m, 0, sizeof(*m));
	for (int i = 0; i < n; i++) {
		ok &= t[i].id >= 0;
		if (t[i].id > max)
			max = t[i].id;
	}
	if (ok && max < 4 * (int64_t)n + 1024) {
		m->nmap = max + 1;
		m->map = arena_alloc(a, sizeof(*m->map) * (size_t)(m->nmap ? m->nmap : 1));
		for (int i = 0; i < n; i++)
			m->map[t[i].id] = i + 1;
		return;
	}
	m->by_id = arena_alloc_raw(a, sizeof(*m->by_id) * (size_t)(n > 0 ? n : 1));
	for (int i = 0; i < n; i++) {
		m->by_id[i] = t[i];
		m->by_id[i].rank = i;	/* the copy's rank: the item's index in t */
	}
	qsort(m->by_id, (size_t)n, sizeof(*m->by_id), by_id);
	m->n = n;
}

/* idmap_find: the index of id in the table m indexes, or -1. */
static int idmap_find(const struct idmap *m, int64_t id)
{
	if (m->map)
		return id >= 0 && id < m->nmap ? m->map[id] - 1 : -1;
	struct named key = { .id = id };
	const struct named *hit = m->n ? bsearch(&key, m->by_id, (size_t)m->n, sizeof(key), by_id) : NULL;
	return hit ? hit->rank : -1;
}

/* fig_place: f's period and area from their ids, through the last row's when the same (the
 * rows come by period and area). */
static void fig_place(struct ind_read *c, struct fig *f, int64_t pid, int64_t aid)
{
	if (!c->mapped) {
		idmap_make(c->a, &c->pmap, c->periods, c->nperiods);
		idmap_make(c->a, &c->amap, c->areas, c->nareas);
		c->mapped = 1;
		c->last_p = c->last_a = -1;
	}
	if (c->last_p < 0 || pid != c->last_pid)
		c->last_p = idmap_find(&c->pmap, pid), c->last_pid = pid;
	if (c->last_a < 0 || aid != c->last_aid)
		c->last_a = idmap_find(&c->amap, aid), c->last_aid = aid;
	f->period = c->last_p;
	f->area = c->last_a;
}

/* fig_row: a store_row_fn keeping an outcome (period id, area id, sex, value, source, example;
 * missing is whether the value is NULL: outcome's CHECK ((value IS NULL) = (missing = 1)) on
 * both backends); the periods and areas are read before it. */
static int fig_row(void *ctx, const struct store_row *r)
{
	struct ind_read *c = ctx;
	const char *sex = store_col_text(r, 2), *src = store_col_text(r, 4);
	struct fig *f;

	f = fig_new(c);
	fig_place(c, f, store_col_int(r, 0), store_col_int(r, 1));
	int x = !sex || !sex[0] || sex[1] ? -1 : sex[0] == 'K' ? 0 : sex[0] == 'M' ? 1 : sex[0] == 'T' ? 2 : -1;
	f->sex = (unsigned char)x;
	if (f->period < 0 || f->area < 0 || x < 0 || value_read(r, 3, f) != 0 || !src) {
		c->bad = 1;
		return 1;
	}
	f->missing = f->vt == SV_NULL;
	f->example = flag(r, 5);
	size_t n = strlen(src);
	if (!c->last_source || n != c->last_len || memcmp(src, c->last_source, n) != 0) {
		c->last_source = arena_strndup(c->a, src, n);
		c->last_len = n;
	}
	f->source = c->last_source;	/* one copy for a run of equal sources */
	f->source_len = n;
	c->nfigs++;
	return 0;
}

/* by_year_kind: periods by year, then kind in byte order (the statement's ORDER BY year, kind) */
static int by_year_kind(const void *pa, const void *pb)
{
	const struct named *a = *(const struct named *const *)pa, *b = *(const struct named *const *)pb;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return strcmp(a->raw, b->raw);
}

/* by_key: areas by key in byte order, NULL first */
static int by_key(const void *pa, const void *pb)
{
	const struct named *a = *(const struct named *const *)pa, *b = *(const struct named *const *)pb;

	if (!a->raw || !b->raw)
		return (a->raw != NULL) - (b->raw != NULL);
	return strcmp(a->raw, b->raw);
}

/* rank: t's n items' ranks in the order cmp gives (over pointers to them); already in that
 * order (the areas come by key), one comparison an item. */
static void rank(struct arena *a, struct named *t, int n, int (*cmp)(const void *, const void *))
{
	struct named **p;
	int sorted = 1;

	if (n < 1)
		return;
	p = arena_alloc_raw(a, sizeof(*p) * (size_t)n);
	for (int i = 0; i < n; i++)
		p[i] = &t[i];
	for (int i = 1; i < n && sorted; i++)
		sorted = cmp(&p[i - 1], &p[i]) <= 0;
	if (!sorted)
		qsort(p, (size_t)n, sizeof(*p), cmp);
	for (int i = 0; i < n; i++)
		p[i]->rank = i;
}

#define LIT(w, s) (memcpy((w), (s), sizeof(s) - 1), (w) + sizeof(s) - 1)

/* put_fig: one outcome's object at w, which has room for ROW_FIXED + its texts + 4 PAD;
 * src_json: its source's JSON text, with PAD bytes of room after it. Returns the end. */
#define ROW_FIXED 128
static char *put_fig(char *w, const struct ind_read *c, const struct fig *f, const struct buf *src_json)
{
	static const char sexes[3][11] = { ",\"sex\":\"K\"", ",\"sex\":\"M\"", ",\"sex\":\"T\"" };
	static const char flags[2][8] = { "false", "true" };
	static const unsigned char flag_len[2] = { 5, 4 };
	const struct named *p = &c->periods[f->period], *ar = &c->areas[f->area];

	w = LIT(w, "{\"period\":");
	w = put_pad(w, p->json, p->len);
	w = LIT(w, ",\"area\":");
	w = put_pad(w, ar->json, ar->len);
	memcpy(w, sexes[f->sex], 10);
	w = LIT(w + 10, ",\"value\":");
	w = put_value(w, f);
	w = LIT(w, ",\"missing\":");
	memcpy(w, flags[f->missing], 8);
	w = LIT(w + flag_len[f->missing], ",\"source\":");
	w = put_pad(w, src_json->ptr, src_json->len);
	w = LIT(w, ",\"example\":");
	memcpy(w, flags[f->example], 8);
	w += flag_len[f->example];
	*w++ = '}';
	return w;
}

/* fig_room: the room put_fig needs for f (its source's JSON in src_json). */
static size_t fig_room(const struct ind_read *c, const struct fig *f, const struct buf *src_json)
{
	return ROW_FIXED + 3 * PAD + JSON_NUM_SIZE + c->periods[f->period].len + c->areas[f->area].len + src_json->len;
}

/* put_figs: the outcomes as the entity API orders them (periods by year and kind; in each, area
 * key and sex in byte order), through a slot per (period, area, sex). Returns 0, or -1 when two
 * outcomes share a slot (outcome's UNIQUE forbids it). */
static int put_figs(struct buf *b, struct ind_read *c)
{
	size_t per_period = (size_t)c->nareas * 3, nslots = (size_t)c->nperiods * per_period;
	int *slot, left = c->nfigs, rc;
	const char *src = NULL;
	struct buf src_json;

	rank(c->a, c->periods, c->nperiods, by_year_kind);
	rank(c->a, c->areas, c->nareas, by_key);
	slot = arena_alloc(c->a, sizeof(*slot) * (nslots ? nslots : 1));
	for (int i = 0; i < c->nfigs; i++) {
		const struct fig *f = fig_at(c, i);
		size_t k = (size_t)c->periods[f->period].rank * per_period + (size_t)c->areas[f->area].rank * 3 + (size_t)f->sex;
		if (slot[k])
			return -1;
		slot[k] = i + 1;
	}
	buf_init(&src_json, 0);
	if (buf_reserve(&src_json, 2 * PAD) != 0)	/* put_pad reads PAD bytes of it */
		return -1;
	rc = buf_addc(b, '[');
	for (size_t k = 0; k < nslots && rc == 0; k++) {
		if (!slot[k])
			continue;
		const struct fig *f = fig_at(c, slot[k] - 1);
		if (f->source != src) {	/* escaped once for a run of the same copy */
			buf_reset(&src_json);
			json_escape_str(&src_json, f->source, f->source_len);
			rc = buf_reserve(&src_json, PAD);
			src = f->source;
		}
		size_t need = fig_room(c, f, &src_json) + 1;
		char *w = buf_space(b, need);
		if (!w && (buf_reserve(b, need + (size_t)left * 96) != 0 || !(w = buf_space(b, need))))
			rc = -1;
		if (rc != 0)
			break;
		if (left-- < c->nfigs)
			*w++ = ',';
		buf_wrote(b, (size_t)(put_fig(w, c, f, &src_json) - (b->ptr + b->len)));
	}
	buf_release(&src_json);
	return rc == 0 ? buf_addc(b, ']') : -1;
}

/* A hint of the room an answer takes: the last one's and an eighth more, or, after a larger
 * one, seven eighths of the hint before (as the entity API's per kind). */
static _Atomic size_t size_hint;

/* load: the indicator id's row, targets and provenance into rowsets, periods, areas and
 * outcomes into c, in one batch (one round trip on PostgreSQL). */
static int load(struct http_req *r, int64_t id, struct rowset *main, struct rowset *targets,
		struct rowset *prov, struct ind_read *c)
{
	struct sval arg = SVI(id);
	struct store_q q[] = {
		{ STMT_SHOW_INDICATOR, &arg, 1, rowset_collect, main },
		{ STMT_REL_INDICATOR_TARGETS, &arg, 1, rowset_collect, targets },
		{ STMT_IND_API_PERIODS, NULL, 0, period_row, c },
		{ STMT_IND_API_AREAS, NULL, 0, area_row, c },
		{ STMT_IND_API_OUTCOMES, &arg, 1, fig_row, c },
		{ STMT_PROV_OF_INDICATOR, &arg, 1, rowset_collect, prov },
	};

	store_read_last(r->st);
	return store_query_many(r->st, q, (int)(sizeof(q) / sizeof(q[0])), &r->err);
}

/* put_doc: the indicator's document into r->out. Returns 0, or -1 when it cannot be written. */
static int put_doc(struct http_req *r, const struct kind *k, const struct rowset *main,
		   const struct rowset *targets, const struct rowset *prov, struct ind_read *c)
{
	struct json j;
	struct buf *out;

	json_init(&j, &r->out, 0);
	json_obj_open(&j);
	rowset_json_row(main, 0, &j, k->bools);
	json_key(&j, "targets");
	rowset_json(targets, &j, rel_bools);
	json_key(&j, "outcomes");
	if (!(out = json_value_out(&j)) || put_figs(out, c) != 0)
		return -1;
	json_key(&j, "provenance");
	rowset_json(prov, &j, rel_bools);
	json_obj_close(&j);
	return json_finish(&j) != 0 || r->out.overflow || r->out.len >= IND_JSON_MAX ? -1 : 0;
}

int api_indicator_get(struct http_req *r, const struct kind *k)
{
	struct rowset main, targets, prov;
	struct ind_read c = { .a = &r->a };
	int64_t id;

	if (entity_find_id(r->st, k, r->params[1], &id, &r->err) != LUP_OK)
		return http_fail(r);
	if (!id)
		return http_error(r, 404, "not_found", "no %s '%s'", k->singular, r->params[1]);
	rowset_init(&main, &r->a);
	rowset_init(&targets, &r->a);
	rowset_init(&prov, &r->a);
	if (load(r, id, &main, &targets, &prov, &c) != LUP_OK)
		return http_fail(r);
	if (!main.nrows)
		return http_error(r, 404, "not_found", "no %s '%s'", k->singular, r->params[1]);
	if (c.bad)
		return http_error(r, 500, "internal", "an outcome of the %s has no period or area", k->singular);
	buf_reset(&r->out);
	buf_reserve(&r->out, atomic_load_explicit(&size_hint, memory_order_relaxed));
	if (put_doc(r, k, &main, &targets, &prov, &c) != 0) {
		buf_reset(&r->out);
		err_set(&r->err, LUP_EDB, "the %s could not be written as JSON", k->singular);
		return http_fail(r);
	}
	size_t was = atomic_load_explicit(&size_hint, memory_order_relaxed), now = r->out.len + r->out.len / 8;
	if (now < was - was / 8)	/* a smaller answer lowers the hint slowly */
		now = was - was / 8;
	atomic_store_explicit(&size_hint, now, memory_order_relaxed);
	return api_reply_written(r);
}
