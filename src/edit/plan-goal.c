/* plan-goal.c: the write path of an LUP version's goals (see plan-goal.h). */
#include "edit/plan-goal.h"
#include "edit/plan-draft.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/audit.h"
#include "store/store.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A goal as it is to be written: the current row merged with the input. Texts are borrowed
 * (from the input) or owned (own[]: copies of the current row's, freed by goal_free). */
struct goal {
	const char *title, *description, *sex, *horizon, *benchmark, *target_direction;
	int64_t theme, area, indicator, horizon_year, baseline_year;
	double baseline_value, target_value;
	int has_horizon_year, has_baseline_value, has_baseline_year, has_target_value;
	const char *area_key;		/* an area key to resolve (NULL: area as it is) */
	char *own[6];
};

/* The plan a version belongs to (STMT_PG_PLAN). */
struct plan {
	char key[200];
	int64_t version, owner, district, year_from;
	int found;
};

static void goal_free(struct goal *g)
{
	for (int i = 0; i < 6; i++)
		free(g->own[i]);
}

static int bad(const char **field, const char *f, struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int bad(const char **field, const char *f, struct err *e, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	*field = f;
	return err_set(e, LUP_EINVAL, "%s: %s", f, msg);
}

static int one_line(const char *s, size_t max)
{
	return s && *s && strlen(s) <= max && !strpbrk(s, "\n\r\t");
}

static int in_list(const char *s, const char *const *l)
{
	for (; s && *l; l++)
		if (strcmp(s, *l) == 0)
			return 1;
	return 0;
}

static const char *text_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static int plan_row(void *ctx, const struct store_row *row)
{
	struct plan *p = ctx;

	snprintf(p->key, sizeof(p->key), "%s", store_col_text(row, 0));
	p->version = store_col_int(row, 1);
	p->owner = store_col_int(row, 2);
	p->district = store_col_int(row, 4);
	p->year_from = store_col_int(row, 5);
	p->found = 1;
	return 1;
}

/* cur_row: an LUP goal (STMT_PG_GOAL) into struct goal, owning its texts. */
static int cur_row(void *ctx, const struct store_row *row)
{
	struct goal *g = ctx;
	static const int textcol[6] = { 2, 3, 10, 11, 13, 17 };	/* title ... target_direction */
	const char **dst[6] = { &g->title, &g->description, &g->sex, &g->horizon, &g->benchmark,
				&g->target_direction };

	for (int i = 0; i < 6; i++) {
		const char *s = store_col_text(row, textcol[i]);
		g->own[i] = s ? xstrdup(s) : NULL;
		*dst[i] = g->own[i];
	}
	g->theme = store_col_int(row, 4);
	g->indicator = store_col_int(row, 18);
	g->has_horizon_year = store_col_type(row, 12) != SV_NULL;
	g->horizon_year = store_col_int(row, 12);
	g->has_baseline_value = store_col_type(row, 14) != SV_NULL;
	g->baseline_value = store_col_real(row, 14);
	g->has_baseline_year = store_col_type(row, 15) != SV_NULL;
	g->baseline_year = store_col_int(row, 15);
	g->has_target_value = store_col_type(row, 16) != SV_NULL;
	g->target_value = store_col_real(row, 16);
	return 1;
}

/* area_row: the area key of an LUP goal (STMT_PG_GOAL), resolved again when the goal is written. */
static int area_row(void *ctx, const struct store_row *row)
{
	*(char **)ctx = store_col_text(row, 7) ? xstrdup(store_col_text(row, 7)) : NULL;
	return 1;
}

/* merge: the set fields of in over g. */
static void merge(struct goal *g, const struct plan_goal_in *in)
{
	int retarget = in->set_horizon || in->set_target_value || in->set_target_direction;

	if (in->set_title) g->title = in->title;
	if (in->set_description) g->description = text_or_null(in->description);
	if (in->set_theme) g->theme = in->theme;
	if (in->set_area) g->area_key = in->area;
	if (in->set_sex) g->sex = in->sex;
	if (in->set_horizon) g->horizon = in->horizon;
	if (in->set_horizon_year) g->has_horizon_year = in->has_horizon_year, g->horizon_year = in->horizon_year;
	if (in->set_baseline_value)
		g->has_baseline_value = in->has_baseline_value, g->baseline_value = in->baseline_value;
	if (in->set_baseline_year) g->has_baseline_year = in->has_baseline_year, g->baseline_year = in->baseline_year;
	if (in->set_target_value) g->has_target_value = in->has_target_value, g->target_value = in->target_value;
	if (in->set_target_direction) g->target_direction = text_or_null(in->target_direction);
	if (in->set_benchmark && text_or_null(in->benchmark))
		g->benchmark = in->benchmark;
	else if (retarget || !g->benchmark)
		g->benchmark = g->horizon && strcmp(g->horizon, "long") == 0 ? "city_average"
			       : g->has_target_value ? "absolute" : "direction";
}

static const char *const SEXES[] = { "K", "M", "T", NULL };
static const char *const HORIZONS[] = { "5y", "long", NULL };
static const char *const DIRS[] = { "higher", "lower", NULL };
static const char *const IND_DIRS[] = { "higher", "lower", "none", NULL };
static const char *const BENCHMARKS[] = { "city_average", "district_average", "absolute", "direction", "parity", NULL };

/* check_texts: the goal's own fields, on their own. */
static int check_texts(const struct goal *g, const char **field, struct err *e)
{
	if (!one_line(g->title, PLAN_GOAL_TITLE_MAX))
		return bad(field, "title", e, "is required: one line of at most %d bytes", PLAN_GOAL_TITLE_MAX);
	if (g->description && strlen(g->description) > PLAN_GOAL_TEXT_MAX)
		return bad(field, "description", e, "is longer than %d bytes", PLAN_GOAL_TEXT_MAX);
	if (!in_list(g->sex, SEXES))
		return bad(field, "sex", e, "must be K (kvinnor), M (män) or T (alla)");
	if (!in_list(g->horizon, HORIZONS))
		return bad(field, "horizon", e, "is required: 5y (the 5-year goal) or long (15-20 years: the city average)");
	if (g->target_direction && !in_list(g->target_direction, DIRS))
		return bad(field, "target_direction", e, "must be higher or lower");
	if (!in_list(g->benchmark, BENCHMARKS))
		return bad(field, "benchmark", e, "must be city_average, district_average, absolute, direction or parity");
	return LUP_OK;
}

static int year_ok(int64_t y)
{
	return y >= PLAN_GOAL_YEAR_MIN && y <= PLAN_GOAL_YEAR_MAX;
}

/* check_numbers: horizon, baseline and target, given the plan's first year. */
static int check_numbers(const struct goal *g, const struct plan *p, const char **field, struct err *e)
{
	int long_h = strcmp(g->horizon, "long") == 0;

	if (!g->has_horizon_year || !year_ok(g->horizon_year))
		return bad(field, "horizon_year", e, "is required: a year %d-%d", PLAN_GOAL_YEAR_MIN, PLAN_GOAL_YEAR_MAX);
	if (g->has_baseline_value != g->has_baseline_year)
		return bad(field, g->has_baseline_value ? "baseline_year" : "baseline_value", e,
			   "the baseline is a value and its year: give both or neither");
	if (g->has_baseline_value && !isfinite(g->baseline_value))
		return bad(field, "baseline_value", e, "must be a finite number");
	if (g->has_baseline_year && (!year_ok(g->baseline_year) || g->baseline_year > g->horizon_year))
		return bad(field, "baseline_year", e, "must be a year %d-%d no later than the horizon year",
			   PLAN_GOAL_YEAR_MIN, PLAN_GOAL_YEAR_MAX);
	int64_t start = g->has_baseline_year ? g->baseline_year : p->year_from, span = g->horizon_year - start;
	if (start && !long_h && (span < PLAN_GOAL_5Y_MIN || span > PLAN_GOAL_5Y_MAX))
		return bad(field, "horizon_year", e, "a 5-year goal is reached %d-%d years after its baseline year "
			   "(or the plan's first year), not %lld", PLAN_GOAL_5Y_MIN, PLAN_GOAL_5Y_MAX, (long long)span);
	if (start && long_h && (span < PLAN_GOAL_LONG_MIN || span > PLAN_GOAL_LONG_MAX))
		return bad(field, "horizon_year", e, "the long ambition (15-20 years) is reached %d-%d years after its "
			   "baseline year (or the plan's first year), not %lld", PLAN_GOAL_LONG_MIN, PLAN_GOAL_LONG_MAX,
			   (long long)span);
	if (g->has_target_value && !isfinite(g->target_value))
		return bad(field, "target_value", e, "must be a finite number");
	if (strcmp(g->benchmark, "absolute") == 0 && !g->has_target_value)
		return bad(field, "target_value", e, "an absolute target needs a target value");
	if (strcmp(g->benchmark, "direction") == 0 && !g->target_direction)
		return bad(field, "target_value", e, "give a target value or a direction (target_direction)");
	return LUP_OK;
}

static int check_new_ind(const struct plan_goal_new_ind *n, const char **field, struct err *e)
{
	if (!one_line(n->name, PLAN_GOAL_IND_NAME_MAX))
		return bad(field, "new_indicator.name", e, "is required: one line of at most %d bytes",
			   PLAN_GOAL_IND_NAME_MAX);
	if (text_or_null(n->unit) && !one_line(n->unit, PLAN_GOAL_IND_UNIT_MAX))
		return bad(field, "new_indicator.unit", e, "is one line of at most %d bytes", PLAN_GOAL_IND_UNIT_MAX);
	if (n->direction && !in_list(n->direction, IND_DIRS))
		return bad(field, "new_indicator.direction", e, "must be higher, lower or none");
	return LUP_OK;
}

static int ind_row(void *ctx, const struct store_row *row)
{
	int64_t *r = ctx;

	r[0] = store_col_int(row, 0);
	r[1] = store_col_int(row, 1);
	return 1;
}

/* resolve: the theme, area and existing indicator of g against the version pv and plan p. */
static int resolve(struct store *st, int64_t pv, const struct plan *p, struct goal *g,
		   const struct plan_goal_in *in, const char **field, struct err *e)
{
	struct sval th[] = { SVI(g->theme), SVI(pv) };
	int64_t found = 0;

	if (g->theme > 0 && store_query_id(st, STMT_PT_THEME, th, 2, &found, e) != LUP_OK)
		return e->code;
	if (!found)
		return bad(field, "theme", e, "is required: a theme of the version");
	if (g->area_key) {
		struct sval a[] = { SVI(p->district), SVS(g->area_key) };
		if (store_query_id(st, STMT_PG_AREA, a, 2, &g->area, e) != LUP_OK)
			return e->code;
		if (!g->area)
			return bad(field, "area", e, "'%.100s' is not the plan's district or one of its neighbourhoods "
				   "or places", g->area_key);
	}
	if (in->set_indicator && in->new_indicator)
		return bad(field, "indicator", e, "give an existing indicator or a new one, not both");
	if (in->set_indicator && text_or_null(in->indicator)) {
		struct sval a[] = { SVS(in->indicator), SVI(p->owner) };
		int64_t row[2] = { 0, 0 };
		if (store_query(st, STMT_PG_INDICATOR, a, 2, ind_row, row, e) != LUP_OK)
			return e->code;
		if (!row[0])
			return bad(field, "indicator", e, "there is no indicator '%.100s'", in->indicator);
		if (!row[1])
			return bad(field, "indicator", e, "'%.100s' is another organisation's indicator: choose one of the "
				   "committee's own, an official (Kolada) indicator, or a new one", in->indicator);
		g->indicator = row[0];
	} else if (in->set_indicator) {
		g->indicator = 0;
	}
	if (in->new_indicator)
		return check_new_ind(in->new_indicator, field, e);
	if (!g->indicator)
		return bad(field, "indicator", e, "is required: an existing indicator's key or a new indicator");
	return LUP_OK;
}

/* snap_row: a goal row as a JSON object of its columns. */
static int snap_row(void *ctx, const struct store_row *row)
{
	json_t *o = json_object();

	for (int i = 0; i < store_ncols(row); i++) {
		json_t *v;
		switch (store_col_type(row, i)) {
		case SV_NULL: v = json_null(); break;
		case SV_INT: v = json_integer((json_int_t)store_col_int(row, i)); break;
		case SV_REAL: v = json_real(store_col_real(row, i)); break;
		default: v = json_string(store_col_text(row, i)); break;
		}
		json_object_set_new(o, store_col_name(row, i), v ? v : json_null());
	}
	*(json_t **)ctx = o;
	return 1;
}

/* snapshot: LUP goal id of pv as JSON text in *out (malloc'd; NULL when there is none). */
static int snapshot(struct store *st, int64_t pv, int64_t id, char **out, struct err *e)
{
	struct sval a[] = { SVI(id), SVI(pv) };
	json_t *o = NULL;

	*out = NULL;
	if (store_query(st, STMT_PG_GOAL, a, 2, snap_row, &o, e) != LUP_OK) {
		json_decref(o);
		return e->code;
	}
	if (!o)
		return LUP_OK;
	*out = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15));
	json_decref(o);
	if (!*out)
		abort();
	return LUP_OK;
}

static int record(struct store *st, const struct edit_actor *who, const char *action, const char *entity,
		  int64_t id, const char *before, const char *after, struct err *e)
{
	struct audit_rec rec = { NULL, who->user_id, who->name, action, entity, id, before, after };

	return audit_write(st, &rec, e);
}

/* free_key: the first of "<plan>-v<N>-<what>-1", -2, ... that stmt (key -> id) does not find. */
static int free_key(struct store *st, const struct plan *p, const char *what, enum stmt taken, char *buf,
		    size_t n, struct err *e)
{
	for (int i = 1; i < 100000; i++) {
		int64_t id = 0;
		snprintf(buf, n, "%s-v%lld-%s-%d", p->key, (long long)p->version, what, i);
		struct sval k = SVS(buf);
		if (store_query_id(st, taken, &k, 1, &id, e) != LUP_OK)
			return e->code;
		if (!id)
			return LUP_OK;
	}
	return err_set(e, LUP_ECONFLICT, "no free key for a new %s", what);
}

/* new_indicator: writes n for goal gid of version pv and makes it the goal's indicator. */
static int new_indicator(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan *p,
			 int64_t gid, const struct plan_goal_new_ind *n, const char *source, struct err *e)
{
	char key[300], after[1200];
	int64_t ind = 0;

	if (free_key(st, p, "indikator", STMT_INDICATOR_ID, key, sizeof(key), e) != LUP_OK)
		return e->code;
	struct sval a[] = { SVS(key), SVI(gid), SVI(p->owner), SVS(n->name), SVS(text_or_null(n->unit)),
			    SVS(n->direction ? n->direction : "none"), SVI(n->by_sex ? 1 : 0), SVS(source), SVI(pv) };
	if (store_exec(st, STMT_PG_INDICATOR_INSERT, a, 9, &ind, NULL, e) != LUP_OK)
		return e->code;
	struct sval b[] = { SVI(gid), SVI(ind) };
	if (store_exec(st, STMT_PG_GOAL_INDICATOR, b, 2, NULL, NULL, e) != LUP_OK)
		return e->code;
	json_t *o = json_pack("{s:s, s:I, s:s, s:o, s:s, s:b}", "key", key, "goal_id", (json_int_t)gid, "name",
			      n->name, "unit", text_or_null(n->unit) ? json_string(n->unit) : json_null(),
			      "direction", n->direction ? n->direction : "none", "by_sex", n->by_sex ? 1 : 0);
	char *s = o ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	if (!s)
		abort();
	snprintf(after, sizeof(after), "%s", s);
	free(s);
	json_decref(o);
	return record(st, who, "insert", "indicator", ind, NULL, after, e);
}

/* prepare: plan_draft_check, the plan of pv, and g merged with in, resolved and checked. */
static int prepare(struct store *st, int64_t pv, struct plan *p, struct goal *g, const struct plan_goal_in *in,
		   const char **field, struct err *e)
{
	struct sval v = SVI(pv);

	if (plan_draft_check(st, pv, NULL, e) != LUP_OK ||
	    store_query(st, STMT_PG_PLAN, &v, 1, plan_row, p, e) != LUP_OK)
		return e->code;
	merge(g, in);
	if (check_texts(g, field, e) != LUP_OK || check_numbers(g, p, field, e) != LUP_OK ||
	    resolve(st, pv, p, g, in, field, e) != LUP_OK)
		return e->code;
	return LUP_OK;
}

static struct sval num(int has, double v) { return has ? SVD(v) : SVNULL; }
static struct sval inum(int has, int64_t v) { return has ? SVI(v) : SVNULL; }

int plan_goal_create(struct store *st, const struct edit_actor *who, int64_t pv, const struct plan_goal_in *in,
		     int64_t *id, const char **field, struct err *e)
{
	struct plan_goal_in all = *in;
	struct goal g = { .sex = "T" };
	struct plan p = { .found = 0 };
	char key[300], *after = NULL;

	*id = 0;
	*field = NULL;
	all.set_title = all.set_description = all.set_theme = all.set_area = all.set_horizon = 1;
	all.set_horizon_year = all.set_baseline_value = all.set_baseline_year = all.set_target_value = 1;
	all.set_target_direction = all.set_benchmark = 1;
	all.set_sex = in->sex != NULL;
	all.set_indicator = !in->new_indicator || in->set_indicator;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (!text_or_null(all.area))
		all.set_area = 0;	/* the district, once the plan is known */
	if (prepare(st, pv, &p, &g, &all, field, e) != LUP_OK)
		goto err;
	if (!g.area_key)
		g.area = p.district;
	struct sval a[] = { SVS(key), SVI(p.owner), SVI(pv), SVS(g.title), SVS(g.description), SVI(g.theme),
			    SVID(g.area), SVS(g.sex), SVS(g.horizon), inum(g.has_horizon_year, g.horizon_year),
			    SVS(g.benchmark), num(g.has_baseline_value, g.baseline_value),
			    inum(g.has_baseline_year, g.baseline_year), num(g.has_target_value, g.target_value),
			    SVS(g.target_direction), SVS(in->source) };
	if (free_key(st, &p, "mal", STMT_GOAL_ID, key, sizeof(key), e) != LUP_OK ||
	    store_exec(st, STMT_PG_GOAL_INSERT, a, 16, id, NULL, e) != LUP_OK)
		goto err;
	struct sval b[] = { SVI(*id), SVI(g.indicator) };
	if ((in->new_indicator ? new_indicator(st, who, pv, &p, *id, in->new_indicator, in->source, e)
			       : store_exec(st, STMT_PG_GOAL_INDICATOR, b, 2, NULL, NULL, e)) != LUP_OK ||
	    snapshot(st, pv, *id, &after, e) != LUP_OK || record(st, who, "insert", "goal", *id, NULL, after, e) != LUP_OK ||
	    store_commit(st, e) != LUP_OK)
		goto err;
	free(after);
	goal_free(&g);
	return LUP_OK;
err:
	free(after);
	goal_free(&g);
	store_rollback(st);
	*id = 0;
	return e->code;
}

int plan_goal_change(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id,
		     const struct plan_goal_in *in, int *changed, const char **field, struct err *e)
{
	struct sval ga[] = { SVI(id), SVI(pv) };
	struct goal g = { .title = NULL };
	struct plan p = { .found = 0 };
	char *before = NULL, *after = NULL, *area = NULL;
	int dummy;

	if (!changed)
		changed = &dummy;
	*changed = 0;
	*field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || store_query(st, STMT_PG_GOAL, ga, 2, cur_row, &g, e) != LUP_OK ||
	    store_query(st, STMT_PG_GOAL, ga, 2, area_row, &area, e) != LUP_OK)
		goto err;
	if (!g.title) {
		err_set(e, LUP_ENOTFOUND, "no LUP goal %lld in the version", (long long)id);
		goto err;
	}
	g.area_key = area;
	if (prepare(st, pv, &p, &g, in, field, e) != LUP_OK || snapshot(st, pv, id, &before, e) != LUP_OK)
		goto err;
	struct sval a[] = { SVI(id), SVS(g.title), SVS(g.description), SVI(g.theme), SVID(g.area), SVS(g.sex),
			    SVS(g.horizon), inum(g.has_horizon_year, g.horizon_year), SVS(g.benchmark),
			    num(g.has_baseline_value, g.baseline_value), inum(g.has_baseline_year, g.baseline_year),
			    num(g.has_target_value, g.target_value), SVS(g.target_direction) };
	struct sval b[] = { SVI(id), SVI(g.indicator) };
	if (store_exec(st, STMT_PG_GOAL_SET, a, 13, NULL, NULL, e) != LUP_OK ||
	    (in->new_indicator ? new_indicator(st, who, pv, &p, id, in->new_indicator, in->source, e)
			       : store_exec(st, STMT_PG_GOAL_INDICATOR, b, 2, NULL, NULL, e)) != LUP_OK ||
	    snapshot(st, pv, id, &after, e) != LUP_OK)
		goto err;
	*changed = strcmp(before, after) != 0;
	if ((*changed && record(st, who, "update", "goal", id, before, after, e) != LUP_OK) || store_commit(st, e) != LUP_OK)
		goto err;
	free(before), free(after), free(area);
	goal_free(&g);
	return LUP_OK;
err:
	free(before), free(after), free(area);
	goal_free(&g);
	store_rollback(st);
	*changed = 0;
	return e->code;
}

static int refs_row(void *ctx, const struct store_row *row)
{
	int64_t *r = ctx;

	r[0] = store_col_int(row, 0);
	r[1] = store_col_int(row, 1);
	r[2] = store_col_int(row, 2);
	return 1;
}

int plan_goal_delete(struct store *st, const struct edit_actor *who, int64_t pv, int64_t id, struct err *e)
{
	struct sval v = SVI(id);
	int64_t refs[3] = { 0, 0, 0 };
	char *before = NULL;

	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (plan_draft_check(st, pv, NULL, e) != LUP_OK || snapshot(st, pv, id, &before, e) != LUP_OK)
		goto err;
	if (!before) {
		err_set(e, LUP_ENOTFOUND, "no LUP goal %lld in the version", (long long)id);
		goto err;
	}
	if (store_query(st, STMT_PG_REFS, &v, 1, refs_row, refs, e) != LUP_OK)
		goto err;
	if (refs[0] || refs[1] || refs[2]) {
		err_set(e, LUP_ECONFLICT, "the goal is used by %lld activities, %lld goals and %lld assessments; "
			"change them first", (long long)refs[0], (long long)refs[1], (long long)refs[2]);
		goto err;
	}
	if (store_exec(st, STMT_PG_REHOME, &v, 1, NULL, NULL, e) != LUP_OK ||
	    store_exec(st, STMT_PG_GOAL_DELETE, &v, 1, NULL, NULL, e) != LUP_OK ||
	    record(st, who, "delete", "goal", id, before, NULL, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	free(before);
	return LUP_OK;
err:
	free(before);
	store_rollback(st);
	return e->code;
}
