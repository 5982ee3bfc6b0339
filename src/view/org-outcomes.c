/* org-outcomes.c: an organisation's year as export tables (see org-outcomes.h). */
#include "view/org-outcomes.h"
#include "model/status.h"
#include "store/store.h"
#include "core/arena.h"

#include <stdio.h>
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
};

struct vctx {
	struct table *t;
	int year;
	struct arena a;		/* the indicators' strings */
	struct ind *inds;	/* by pos - 1 */
	int n, cap;
	int bad;		/* a row of no indicator read (stops the rows: LUP_EDB) */
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
	d->key = arena_strdup(&v->a, store_col_text(r, 1));
	d->name = arena_strdup(&v->a, store_col_text(r, 2));
	d->goal = arena_strdup(&v->a, goal);
	d->unit = arena_strdup(&v->a, store_col_text(r, 5));
	return 0;
}

static int values_cb(void *ctx, const struct store_row *r)
{
	struct vctx *v = ctx;
	struct table *t = v->t;
	int64_t pos = store_col_int(r, 0);
	int kind = (int)store_col_int(r, 1);
	const char *pk = store_col_text(r, 4);
	const struct ind *d;
	char period[16];

	if (pos < 1 || pos > v->n)
		return v->bad = 1;
	d = &v->inds[pos - 1];
	table_row(t);
	table_set_text(t, OV_INDICATOR, d->key);
	table_set_text(t, OV_INDICATOR_NAME, d->name);
	table_set_text(t, OV_GOAL, d->goal);
	table_set_text(t, OV_UNIT, d->unit);
	table_set_text(t, OV_AREA, store_col_text(r, 2));
	table_set_text(t, OV_AREA_NAME, store_col_text(r, 3));
	if (kind == 3)
		snprintf(period, sizeof(period), "%d-%s", v->year, pk && !strcmp(pk, "FY") ? "VB" : pk ? pk : "");
	else
		snprintf(period, sizeof(period), "%d", v->year);
	table_set_text(t, OV_PERIOD, period);
	table_set_text(t, OV_SEX, store_col_text(r, 5));
	table_set_text(t, OV_KIND, kind_words[kind >= 1 && kind <= 3 ? kind : 3]);
	if (kind != 3)
		table_set_text(t, OV_VALUE, store_col_text(r, 8));
	else if (!store_col_int(r, 7))
		table_set_dec(t, OV_VALUE, store_col_real(r, 6));
	table_set_text(t, OV_SOURCE, store_col_text(r, 9));
	table_set_bool(t, OV_DERIVED, (int)store_col_int(r, 10));
	table_set_bool(t, OV_EXAMPLE, (int)store_col_int(r, 11));
	return 0;
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
 * the narrow rows of their figures, by the indicators' order (pos: the place in the ids' list) */
static int load_values(struct store *st, const struct sval *a, struct table *t, int year, struct err *e)
{
	struct vctx v = { t, year, ARENA_INIT, NULL, 0, 0, 0 };
	int rc = store_query(st, STMT_VTAB_ORG_INDS, a, 2, inds_cb, &v, e);

	if (rc == LUP_OK && v.n) {
		struct sval b[] = { a[0], a[1], SVS(ids_text(&v)) };
		rc = store_query(st, STMT_VTAB_ORG_VALUES, b, 3, values_cb, &v, e);
	}
	if (rc == LUP_OK && v.bad)
		rc = err_set(e, LUP_EDB, "a figure of no indicator read");
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
