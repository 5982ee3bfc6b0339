/* org-outcomes.c: an organisation's year as export tables (see org-outcomes.h). */
#include "view/org-outcomes.h"
#include "model/status.h"
#include "store/store.h"
#include "core/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct table_col values_cols[OV__MAX] = {
	[OV_INDICATOR] = { "Indikator", NULL, TABLE_TEXT, 0, 28 },
	[OV_INDICATOR_NAME] = { "Indikatornamn", NULL, TABLE_TEXT, 0, 50 },
	[OV_GOAL] = { "Mål", NULL, TABLE_TEXT, 0, 40 },
	[OV_UNIT] = { "Enhet", NULL, TABLE_TEXT, 0, 8 },
	[OV_AREA] = { "Område", NULL, TABLE_TEXT, 0, 16 },
	[OV_AREA_NAME] = { "Områdesnamn", NULL, TABLE_TEXT, 0, 18 },
	[OV_PERIOD] = { "Period", NULL, TABLE_TEXT, 0, 10 },
	[OV_SEX] = { "Kön", NULL, TABLE_TEXT, 0, 6 },
	[OV_KIND] = { "Typ", NULL, TABLE_TEXT, 0, 12 },
	[OV_VALUE] = { "Värde", NULL, TABLE_DEC, -1, 12 },
	[OV_SOURCE] = { "Källa", NULL, TABLE_TEXT, 0, 24 },
	[OV_DERIVED] = { "Beräknat", NULL, TABLE_BOOL, 0, 10 },
	[OV_EXAMPLE] = { "Exempeldata", NULL, TABLE_BOOL, 0, 13 },
};

enum { OA_KEY, OA_TITLE, OA_GOAL, OA_OWNER, OA_STATUS, OA_ROLE, OA_START, OA_START_FIRST, OA_END,
       OA_END_LAST, OA_AREAS, OA__MAX };

static const struct table_col acts_cols[OA__MAX] = {
	[OA_KEY] = { "Aktivitet", NULL, TABLE_TEXT, 0, 28 },
	[OA_TITLE] = { "Titel", NULL, TABLE_TEXT, 0, 50 },
	[OA_GOAL] = { "Mål", NULL, TABLE_TEXT, 0, 40 },
	[OA_OWNER] = { "Ansvarig", NULL, TABLE_TEXT, 0, 28 },
	[OA_STATUS] = { "Status", NULL, TABLE_TEXT, 0, 12 },
	[OA_ROLE] = { "Roll", NULL, TABLE_TEXT, 0, 16 },
	[OA_START] = { "Start", NULL, TABLE_TEXT, 0, 14 },
	[OA_START_FIRST] = { "Start tidigast", NULL, TABLE_DATE, 0, 0 },
	[OA_END] = { "Slut", NULL, TABLE_TEXT, 0, 14 },
	[OA_END_LAST] = { "Slut senast", NULL, TABLE_DATE, 0, 0 },
	[OA_AREAS] = { "Stadsdelar", NULL, TABLE_TEXT, 0, 30 },
};

/* The kinds of a values row (STMT_VTAB_ORG_VALUES: kind) as the importer's Typ words. */
static const char *const kind_words[4] = { "", "årsmål", "KF:s årsmål", "utfall" };

struct org_row {
	int64_t id;
	char title[400];
};

static int org_cb(void *ctx, const struct store_row *r)
{
	struct org_row *o = ctx;

	o->id = store_col_int(r, 0);
	snprintf(o->title, sizeof(o->title), "%s", store_col_text(r, 2));
	return 1;
}

/* goal_label: "number. title", or the title */
static void goal_label(const struct store_row *r, int num, int title, char *buf, size_t n)
{
	const char *s = store_col_text(r, num);

	if (s && *s)
		snprintf(buf, n, "%s. %s", s, store_col_text(r, title));
	else
		snprintf(buf, n, "%s", store_col_text(r, title) ? store_col_text(r, title) : "");
}

/* One indicator of the values table: its texts, read once (STMT_VTAB_ORG_INDS) for all its rows. */
struct ind {
	int64_t id;
	const char *key, *name, *goal, *unit;
	int64_t glevel, gnum, ord;	/* the export's order: glevel, gnum, gkey, ord, key */
	const char *gkey;
};

/* ind_cmp: the export's order of the indicators (qsort), texts by bytes (as SQLite's BINARY and
 * PostgreSQL's C collation order them) */
static int ind_cmp(const void *x, const void *y)
{
	const struct ind *a = x, *b = y;
	int c;

	if (a->glevel != b->glevel)
		return a->glevel < b->glevel ? -1 : 1;
	if (a->gnum != b->gnum)
		return a->gnum < b->gnum ? -1 : 1;
	if ((c = strcmp(a->gkey ? a->gkey : "", b->gkey ? b->gkey : "")) != 0)
		return c;
	if (a->ord != b->ord)
		return a->ord < b->ord ? -1 : 1;
	return strcmp(a->key ? a->key : "", b->key ? b->key : "");
}

/* One figure of the values table as read (STMT_VTAB_ORG_VALUES, unordered), its strings in the
 * arena or static, with its place in the table's order: pos, kind, area level, period, sex, area
 * key, as read. */
struct fig {
	int pos, kind, alevel, pord, sord, seq;
	const char *area, *area_name, *period, *sex, *text, *source;
	double value;
	int missing, derived, example;
};

/* The few distinct texts of a column that repeats them (sources), each copied once: the last
 * INTERN_MAX new ones are looked up before a copy is made. */
#define INTERN_MAX 8
struct intern {
	const char *v[INTERN_MAX];
	int next;
};

/* intern: s (NULL: NULL) as a string in arena a, the copy of an equal one when in n's cache */
static const char *intern(struct arena *a, struct intern *n, const char *s)
{
	char *c;

	if (!s)
		return NULL;
	for (int i = 0; i < INTERN_MAX && n->v[i]; i++)
		if (!strcmp(n->v[i], s))
			return n->v[i];
	c = arena_strdup(a, s);
	n->v[n->next] = c;
	n->next = (n->next + 1) % INTERN_MAX;
	return c;
}

enum { IN_PERIOD, IN_SEX, IN_SOURCE, IN__MAX };

/* An indicator's place in the export's order (pos, from 1), found by its id. */
struct idpos {
	int64_t id;
	int pos;
};

/* An area of the figures (the municipality, the organisation's districts), read once: its
 * key, name and level (1 the municipality, else 0). */
#define AREAS_MAX 8
struct area_seen {
	int64_t id;
	const char *key, *name;
	int level;
};

struct vctx {
	struct arena a;		/* the indicators' and figures' arrays */
	struct arena *sa;	/* their strings: the table's, which the rows point into */
	struct intern in[IN__MAX];
	struct ind *inds;	/* by pos - 1 */
	int n, cap;
	struct idpos *byid;	/* inds' ids and places, by id */
	struct area_seen areas[AREAS_MAX];
	int nareas;
	struct fig *figs;
	int nfig, capfig;
};

static int inds_cb(void *ctx, const struct store_row *r)
{
	struct vctx *v = ctx;
	char goal[1200];
	struct ind *d;

	v->inds = arena_grow(&v->a, v->inds, v->n, &v->cap, sizeof(*v->inds), 64);
	d = &v->inds[v->n++];
	goal_label(r, 3, 4, goal, sizeof(goal));
	d->id = store_col_int(r, 0);
	d->key = arena_strdup(v->sa, store_col_text(r, 1));
	d->name = arena_strdup(v->sa, store_col_text(r, 2));
	d->goal = arena_strdup(v->sa, goal);
	d->unit = arena_strdup(v->sa, store_col_text(r, 5));
	d->glevel = store_col_int(r, 6);
	d->gnum = store_col_int(r, 7);
	d->gkey = arena_strdup(&v->a, store_col_text(r, 8));
	d->ord = store_col_int(r, 9);
	return 0;
}

static int idpos_cmp(const void *x, const void *y)
{
	const struct idpos *a = x, *b = y;

	return a->id < b->id ? -1 : a->id > b->id;
}

/* index_ids: v->byid, the indicators' ids with their places, sorted by id */
static void index_ids(struct vctx *v)
{
	v->byid = arena_alloc_raw(&v->a, (size_t)v->n * sizeof(*v->byid));
	for (int i = 0; i < v->n; i++)
		v->byid[i] = (struct idpos){ v->inds[i].id, i + 1 };
	qsort(v->byid, (size_t)v->n, sizeof(*v->byid), idpos_cmp);
}

/* id_pos: the place of indicator id in the export (from 1), 0 when it is not listed */
static int id_pos(const struct vctx *v, int64_t id)
{
	struct idpos k = { id, 0 };
	const struct idpos *f = bsearch(&k, v->byid, (size_t)v->n, sizeof(*v->byid), idpos_cmp);

	return f ? f->pos : 0;
}

/* area_of: the area of an outcome's row r (columns 2-5: id, key, name, level), read once per
 * area */
static const struct area_seen *area_of(struct vctx *v, const struct store_row *r)
{
	int64_t id = store_col_int(r, 2);
	struct area_seen *s;
	const char *level;

	for (int i = 0; i < v->nareas; i++)
		if (v->areas[i].id == id)
			return &v->areas[i];
	s = &v->areas[v->nareas < AREAS_MAX ? v->nareas++ : AREAS_MAX - 1];
	level = store_col_text(r, 5);
	*s = (struct area_seen){ id, arena_strdup(v->sa, store_col_text(r, 3)), arena_strdup(v->sa, store_col_text(r, 4)),
				 level && !strcmp(level, "municipality") };
	return s;
}

/* The periods (T1, T2, FY) and sexes (T, K, M) as the order's numbers and static texts; another
 * text (none: the tables' CHECKs) sorts last, interned. */
static const char *const period_texts[] = { "T1", "T2", "FY" };
static const char *const sex_texts[] = { "T", "K", "M" };

static const char *ordered(struct vctx *v, int in, const char *s, const char *const texts[3], int *ord)
{
	for (int i = 0; s && i < 3; i++)
		if (!strcmp(s, texts[i])) {
			*ord = i + 1;
			return texts[i];
		}
	*ord = 3;
	return intern(v->sa, &v->in[in], s);
}

static int figs_cb(void *ctx, const struct store_row *r)
{
	struct vctx *v = ctx;
	int pos = id_pos(v, store_col_int(r, 0));
	const struct area_seen *a;
	struct fig *f;

	if (!pos)	/* a district's figure of an indicator not listed */
		return 0;
	v->figs = arena_grow(&v->a, v->figs, v->nfig, &v->capfig, sizeof(*v->figs), 256);
	f = &v->figs[v->nfig];
	*f = (struct fig){ .pos = pos, .kind = (int)store_col_int(r, 1), .seq = v->nfig, .value = store_col_real(r, 8),
			   .missing = (int)store_col_int(r, 9), .derived = (int)store_col_int(r, 12),
			   .example = (int)store_col_int(r, 13) };
	a = f->kind == 3 ? area_of(v, r) : NULL;	/* a target has none */
	if (a) {
		f->area = a->key;
		f->area_name = a->name;
		f->alevel = a->level;
		f->period = ordered(v, IN_PERIOD, store_col_text(r, 6), period_texts, &f->pord);
	}
	f->sex = ordered(v, IN_SEX, store_col_text(r, 7), sex_texts, &f->sord);
	if (f->kind != 3)
		f->text = arena_strdup(v->sa, store_col_text(r, 10));
	f->source = intern(v->sa, &v->in[IN_SOURCE], store_col_text(r, 11));
	v->nfig++;
	return 0;
}

/* fig_cmp: the table's order (qsort) */
static int fig_cmp(const void *x, const void *y)
{
	const struct fig *a = x, *b = y;
	const int ka[] = { a->pos, a->kind, a->alevel, a->pord, a->sord, a->seq };
	const int kb[] = { b->pos, b->kind, b->alevel, b->pord, b->sord, b->seq };

	int c;

	for (size_t i = 0; i + 1 < sizeof(ka) / sizeof(ka[0]); i++)
		if (ka[i] != kb[i])
			return ka[i] < kb[i] ? -1 : 1;
	if ((c = strcmp(a->area ? a->area : "", b->area ? b->area : "")) != 0)	/* two districts */
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The Period cells: the year's ("2022"), and an outcome's ("2022-T1", "2022-VB") made once per
 * period text (the figures' period texts are interned: one pointer each). */
struct periods {
	struct arena *sa;
	int year;
	const char *year_text;
	const char *of[INTERN_MAX];	/* a figure's period text (NULL: "") */
	const char *text[INTERN_MAX];	/* its cell */
	int n;
};

static const char *period_cell(struct periods *p, const struct fig *f)
{
	char buf[32];

	if (f->kind != 3)
		return p->year_text;
	for (int i = 0; i < p->n; i++)
		if (p->of[i] == f->period)
			return p->text[i];
	snprintf(buf, sizeof(buf), "%d-%s", p->year, f->period && !strcmp(f->period, "FY") ? "VB" : f->period ? f->period : "");
	if (p->n == INTERN_MAX)
		return arena_strdup(p->sa, buf);
	p->of[p->n] = f->period;
	return p->text[p->n++] = arena_strdup(p->sa, buf);
}

/* fig_row: figure f as a row of t (its texts in t's arena, or static) */
static void fig_row(struct table *t, const struct ind *d, const struct fig *f, struct periods *p)
{
	int kind = f->kind;

	table_row(t);
	table_set_text_kept(t, OV_INDICATOR, d->key);
	table_set_text_kept(t, OV_INDICATOR_NAME, d->name);
	table_set_text_kept(t, OV_GOAL, d->goal);
	table_set_text_kept(t, OV_UNIT, d->unit);
	table_set_text_kept(t, OV_AREA, f->area);
	table_set_text_kept(t, OV_AREA_NAME, f->area_name);
	table_set_text_kept(t, OV_PERIOD, period_cell(p, f));
	table_set_text_kept(t, OV_SEX, f->sex);
	table_set_text_kept(t, OV_KIND, kind_words[kind >= 1 && kind <= 3 ? kind : 3]);
	if (kind != 3)
		table_set_text_kept(t, OV_VALUE, f->text);
	else if (!f->missing)
		table_set_dec(t, OV_VALUE, f->value);
	table_set_text_kept(t, OV_SOURCE, f->source);
	table_set_bool(t, OV_DERIVED, f->derived);
	table_set_bool(t, OV_EXAMPLE, f->example);
}

static int acts_cb(void *ctx, const struct store_row *r)
{
	struct table *t = ctx;
	char goal[1200];

	table_row(t);
	table_set_text(t, OA_KEY, store_col_text(r, 0));
	table_set_text(t, OA_TITLE, store_col_text(r, 1));
	if (store_col_text(r, 3)) {
		goal_label(r, 2, 3, goal, sizeof(goal));
		table_set_text(t, OA_GOAL, goal);
	}
	table_set_text(t, OA_OWNER, store_col_text(r, 4));
	table_set_text(t, OA_STATUS, act_status_label(store_col_text(r, 5)));
	if (store_col_text(r, 6))
		table_set_text(t, OA_ROLE, act_role_label(store_col_text(r, 6)));
	table_set_text(t, OA_START, store_col_text(r, 7));
	table_set_date(t, OA_START_FIRST, (int)store_col_int(r, 8));
	table_set_text(t, OA_END, store_col_text(r, 9));
	table_set_date(t, OA_END_LAST, (int)store_col_int(r, 10));
	table_set_text(t, OA_AREAS, store_col_text(r, 11));
	return 0;
}

/* ids_text: the indicators' ids (v) in their order, decimal, joined by commas, in v's arena */
static const char *ids_text(struct vctx *v)
{
	size_t n = (size_t)v->n * 21 + 1, k = 0;
	char *s = arena_alloc_raw(&v->a, n);

	s[0] = '\0';
	for (int i = 0; i < v->n; i++)
		k += (size_t)snprintf(s + k, n - k, "%s%lld", i ? "," : "", (long long)v->inds[i].id);
	return s;
}

/* load_values: the values table's rows of (org_id, year) a: the indicators' texts once, then
 * their figures as narrow rows, sorted here (pos: the place in the ids' list; SQLite's sorter was
 * 3.2M of the statement's 7.7M instructions, Spånga-Tensta 2022) */
static int load_values(struct store *st, const struct sval *a, struct table *t, int year, struct err *e)
{
	struct vctx v = { .a = ARENA_INIT, .sa = table_arena(t) };
	struct periods p = { .sa = v.sa, .year = year };
	char y[16];
	int rc = store_query(st, STMT_VTAB_ORG_INDS, a, 2, inds_cb, &v, e);

	if (rc == LUP_OK && v.n) {
		struct sval b[] = { a[0], a[1], SVNULL };
		qsort(v.inds, (size_t)v.n, sizeof(*v.inds), ind_cmp);
		b[2] = SVS(ids_text(&v));
		index_ids(&v);
		rc = store_query(st, STMT_VTAB_ORG_VALUES, b, 3, figs_cb, &v, e);
	}
	if (rc == LUP_OK && v.nfig) {
		qsort(v.figs, (size_t)v.nfig, sizeof(*v.figs), fig_cmp);
		snprintf(y, sizeof(y), "%d", year);
		p.year_text = arena_strdup(v.sa, y);
		for (int i = 0; i < v.nfig; i++)
			fig_row(t, &v.inds[v.figs[i].pos - 1], &v.figs[i], &p);
	}
	arena_release(&v.a);
	return rc;
}

int org_outcomes_load(struct store *st, const char *org, int year, struct table *values, struct table *acts,
		      char *title, size_t n, struct err *e)
{
	struct sval key = SVS(org);
	struct org_row o = { 0, "" };
	int rc;

	if (values)
		table_init(values, "Indikatorer", values_cols, OV__MAX);
	if (acts)
		table_init(acts, "Aktiviteter", acts_cols, OA__MAX);
	if ((rc = store_query(st, STMT_VTAB_ORG, &key, 1, org_cb, &o, e)) != LUP_OK)
		return rc;
	if (!o.id)
		return err_set(e, LUP_ENOTFOUND, "no organisation '%s'", org);
	if (title)
		snprintf(title, n, "%s %d", o.title, year);
	{
		struct sval a[] = { SVI(o.id), SVI(year) };
		if (values && (rc = load_values(st, a, values, year, e)) != LUP_OK)
			return rc;
		if (acts && (rc = store_query(st, STMT_VTAB_ORG_ACTIVITIES, a, 2, acts_cb, acts, e)) != LUP_OK)
			return rc;
	}
	return LUP_OK;
}
