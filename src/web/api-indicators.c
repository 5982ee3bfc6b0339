/* api-indicators.c: targets (PUT/DELETE /api/v1/indicators/{id}/targets/{year}/{kind}),
 * outcomes (POST /api/v1/outcomes) and the comparison of districts with the city average
 * (GET /api/v1/indicators/{id}/comparison?year=). Outcome and target writes are recorded in the
 * audit log as changes of their indicator. New indicators (POST /api/v1/indicators) through
 * api_indicator_create, which the new-indicator form shares; PATCH /api/v1/indicators/{id}. */
#include "web/api.h"
#include "edit/period-lock.h"
#include "web/api-create.h"
#include "web/body.h"
#include "web/frozen.h"
#include "web/routes.h"
#include "edit/indicator-flags.h"
#include "model/indicator.h"
#include "model/gap.h"
#include "model/period.h"
#include "model/target.h"
#include "model/today.h"
#include "core/buf.h"
#include "core/collate.h"
#include "core/numfmt.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/kinds.h"
#include "store/store.h"
#include "store/values.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int year_kind(struct http_req *r, long *year, const char **kind)
{
	char *end;

	*year = strtol(r->params[1], &end, 10);
	if (*end || *year < 1900 || *year > 2999)
		return http_error(r, 404, "not_found", "'%s' is not a year", r->params[1]);
	if (strcmp(r->params[2], "own") != 0 && strcmp(r->params[2], "kf") != 0)
		return http_error(r, 404, "not_found", "target kind '%s' is neither 'own' (årsmål) nor 'kf' (KF:s årsmål)", r->params[2]);
	*kind = strcmp(r->params[2], "own") == 0 ? "own" : "kf";
	return 0;
}

static const char *const sexes[] = { "T", "K", "M", NULL };

/* sex_refused: answers 422 when sex ('T', 'K' or 'M') is not allowed for indicator id
 * (model_sex_allowed), rolling back the open transaction; else 0. */
static int sex_refused(struct http_req *r, int64_t id, const char *sex, const char *what)
{
	struct sval a = SVI(id);
	int64_t by_sex = 0;

	if (store_query_id(r->st, STMT_IND_BY_SEX, &a, 1, &by_sex, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (model_sex_allowed((int)by_sex, sex[0]))
		return 0;
	store_rollback(r->st);
	return http_error(r, 422, "invalid_fields", "'sex' %s: the indicator is not divided by sex (set by_sex first)", what);
}

int api_target_put(struct http_req *r)
{
	static const struct field fields[] = { { "value", FT_STRING, 1, 0, 200, NULL },
					       { "sex", FT_ENUM, 0, 0, 0, sexes } };
	const struct kind *k = kind_find("indicators");
	struct model_target t;
	struct sval value, unit;
	struct body b;
	const char *kind, *mode, *sex;
	char *before;
	int64_t id;
	long year;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_INDICATOR_ID, "indicator", &id)) != 0 ||
	    (rc = year_kind(r, &year, &kind)) != 0 || (rc = body_parse(r, fields, 2, &b)) != 0)
		return rc;
	sex = b.s[1] ? b.s[1] : "T";
	model_target_parse(b.s[0], &t, NULL, 0);
	if (t.kind == MODEL_TARGET_EMPTY)
		return http_error(r, 422, "invalid_fields", "'value' is empty");
	mode = store_target_values(&t, &value, &unit);
	if ((rc = api_write_begin(r, k, id, STMT_INDICATOR_OWNER, &before)) != 0 ||
	    (rc = frozen_or_409(r, STMT_PV_FROZEN_INDICATOR, id, 0)) != 0 ||
	    (rc = sex_refused(r, id, sex, "K or M needs an indicator divided by sex")) != 0)
		return rc;
	struct sval args[] = { SVI(id), SVI(year), SVS(kind), SVS(sex), SVS(mode), value, unit, SVS(t.text), SVS("api") };
	if (store_exec(r->st, STMT_IND_TARGET_SEX_UPSERT, args, 9, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "indicator", "update", id, before, 200);
}

int api_target_delete(struct http_req *r)
{
	const struct kind *k = kind_find("indicators");
	const char *kind, *sex = http_query(r, "sex");
	char *before;
	int64_t id;
	long year;
	int rc, changed = 0;

	if ((rc = api_id_param(r, 0, STMT_INDICATOR_ID, "indicator", &id)) != 0 ||
	    (rc = year_kind(r, &year, &kind)) != 0)
		return rc;
	if (!sex)
		sex = "T";
	if (strcmp(sex, "T") != 0 && strcmp(sex, "K") != 0 && strcmp(sex, "M") != 0)
		return http_error(r, 400, "bad_request", "?sex= is T, K or M");
	if ((rc = api_write_begin(r, k, id, STMT_INDICATOR_OWNER, &before)) != 0 ||
	    (rc = frozen_or_409(r, STMT_PV_FROZEN_INDICATOR, id, 0)) != 0)
		return rc;
	struct sval args[] = { SVI(id), SVI(year), SVS(kind), SVS(sex) };
	if (store_exec(r->st, STMT_IND_TARGET_SEX_DELETE, args, 4, NULL, &changed, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (!changed) {
		store_rollback(r->st);
		return http_error(r, 404, "not_found", "no %s target for %ld (sex %s)", kind, year, sex);
	}
	return api_write_end(r, k, "indicator", "update", id, before, 200);
}

enum { O_IND, O_PERIOD, O_AREA, O_SEX, O_VALUE, O_SOURCE, O__MAX };
static const struct field outcome_fields[O__MAX] = {
	{ "indicator", FT_STRING, 1, 0, 200, NULL },
	{ "period", FT_STRING, 1, 0, 40, NULL },
	{ "area", FT_STRING, 1, 0, 200, NULL },
	{ "sex", FT_ENUM, 0, 0, 0, sexes },
	{ "value", FT_NUMBER, 1, 0, 0, NULL },
	{ "source", FT_TEXT, 0, 0, 200, NULL },
};

/* outcome_refs: resolves period (writing its row when new) and area of an outcome body;
 * answers 422 listing failures. Runs inside the write transaction. */
static int outcome_refs(struct http_req *r, const struct body *b, int64_t *period, int64_t *area)
{
	struct http_fields errs = { .n = 0 };
	struct model_period p;
	char msg[200], first[16], last[16];
	struct sval v = SVS(b->s[O_AREA]);

	if (store_query_id(r->st, STMT_AREA_ID_LOOSE, &v, 1, area, &r->err) != LUP_OK)
		return http_fail(r);
	if (!*area)
		http_field_error(r, &errs, "area", "unknown area '%s'", b->s[O_AREA]);
	if (model_period_parse(b->s[O_PERIOD], &p, msg, sizeof(msg)) != 0)
		http_field_error(r, &errs, "period", "%s", msg);
	else if (model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last)) == 0) {
		const char *kind = p.kind == MODEL_PERIOD_T1 ? "T1" : p.kind == MODEL_PERIOD_T2 ? "T2" : "FY";
		struct sval up[] = { SVI(p.year), SVS(kind), SVS(first), SVS(last) };
		if (store_exec(r->st, STMT_PERIOD_UPSERT, up, 4, NULL, NULL, &r->err) != LUP_OK ||
		    store_query_id(r->st, STMT_PERIOD_ID, up, 2, period, &r->err) != LUP_OK)
			return http_fail(r);
	}
	if (!b->isnull[O_VALUE] && !isfinite(b->d[O_VALUE]))
		http_field_error(r, &errs, "value", "must be a finite number or null");
	/* official statistics are public at once (store/sql-public.h): only the Kolada importer
	 * writes that source */
	if (b->s[O_SOURCE] && strcasecmp(b->s[O_SOURCE], "kolada") == 0)
		http_field_error(r, &errs, "source", "'kolada' is reserved for values imported from Kolada");
	return errs.n ? http_fields_reply(r, &errs, 422) : 0;
}

int api_outcome_post(struct http_req *r)
{
	const struct kind *k = kind_find("indicators");
	struct body b;
	char *before;
	int64_t ind = 0, period = 0, area = 0, owner = 0, frozen = 0;
	int rc;

	if ((rc = body_parse(r, outcome_fields, O__MAX, &b)) != 0)
		return rc;
	if (api_id_lookup(r, b.s[O_IND], STMT_INDICATOR_ID, &ind) != LUP_OK)
		return http_fail(r);
	if (!ind)
		return http_error(r, 422, "invalid_fields", "unknown indicator '%s'", b.s[O_IND]);
	if ((rc = api_write_begin(r, k, ind, STMT_INDICATOR_OWNER, &before)) != 0)
		return rc;
	if ((rc = outcome_refs(r, &b, &period, &area)) != 0) {
		store_rollback(r->st);
		return rc;
	}
	if ((rc = sex_refused(r, ind, b.s[O_SEX] ? b.s[O_SEX] : "T", "K or M needs an indicator divided by sex")) != 0)
		return rc;
	struct sval o = SVI(ind);
	if (store_query_id(r->st, STMT_INDICATOR_OWNER, &o, 1, &owner, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	struct sval fz[] = { SVI(owner), SVI(period) };
	if (store_query_id(r->st, STMT_REPORT_FROZEN, fz, 2, &frozen, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if (frozen) {
		store_rollback(r->st);
		return http_error(r, 409, "frozen", "the report for %s is approved: its outcomes are frozen", b.s[O_PERIOD]);
	}
	struct period_lock lk;
	if ((rc = period_locked(r->st, period, owner, model_today(), &lk, &r->err)) < 0)
		return api_rollback_fail(r);
	if (rc) {
		char since[16];
		store_rollback(r->st);
		model_date_format(lk.since, since, sizeof(since));
		return http_error(r, 409, "period_locked", "the period %s is locked since %s (the city's deadline plus "
				  "%d days of grace); an administrator can reopen it", b.s[O_PERIOD], since, lk.grace);
	}
	struct sval args[] = { SVI(ind), SVI(period), SVI(area), SVS(b.s[O_SEX] ? b.s[O_SEX] : "T"),
			       b.isnull[O_VALUE] ? SVNULL : SVD(b.d[O_VALUE]), SVI(b.isnull[O_VALUE]),
			       SVS(b.s[O_SOURCE] ? b.s[O_SOURCE] : "api"), SVI(0), SVI(0) };
	if (store_exec(r->st, STMT_OUTCOME_UPSERT, args, 9, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "indicator", "update", ind, before, 200);
}

/*
 * GET /api/v1/indicators/{id}/comparison?year=: the indicator's full-year outcomes of the year in
 * the city and every district, each with the city's value of its sex and its gap to it. The
 * statement reads them unordered; they are sorted here (the city first, then the districts'
 * names in Swedish order, then the sex: the ORDER BY through COLLATE sv was 0.17M of the
 * statement's 0.28M instructions) and the document written with its keys as literals, each
 * area's part escaped once for its rows.
 */

/* One area of the comparison: its part of each row's object (`{"area":..,"sex":"`), the city's
 * mark and its name's place in Swedish order. */
struct cmp_area {
	int64_t id;
	const char *name;
	char *head;
	size_t head_len;
	int city, rank;
};

/* One row: an outcome of an area. value is the cell's number; text_value the number its text
 * reads back as (rowset_cell_d: the city's value and the gaps were computed from the text). */
struct cmp_row {
	const struct cmp_area *area;
	char sex;
	unsigned char null, is_int, missing, example;
	int64_t i;
	double value, text_value;
};

struct cmp_read {
	struct arena *a;
	struct cmp_area *areas;
	int nareas, cap_areas;
	struct cmp_row *rows;
	int nrows, cap_rows;
};

/* cmp_bool: a flag column as the row set's text wrote it: true unless its text is "0". */
static unsigned char cmp_bool(const struct store_row *r, int i)
{
	struct store_cell c;
	const char *t;

	store_col_cell(r, i, &c);
	if (c.t == SV_INT && c.i != INT64_MAX && c.i != INT64_MIN)
		return c.i != 0;
	if (c.t == SV_NULL)
		return 0;
	t = store_col_text(r, i);
	return t && strcmp(t, "0") != 0;
}

/* text_real: the number "%.15g"'s text of d reads back as, which is d itself when that text is
 * exact (an integer below 10^15 or a short decimal: rows.h rowset_cell_d) */
static double text_real(double d)
{
	char tmp[NUMFMT_SIZE];

	if ((d == trunc(d) && fabs(d) < 1e15) || numfmt_short_real(d, tmp) > 0)
		return d;
	numfmt_g15(d, tmp);
	return strtod(tmp, NULL);
}

/* put_str: s as json_str writes it (null for NULL). */
static void put_str(struct buf *b, const char *s)
{
	if (s)
		json_escape_str(b, s, strlen(s));
	else
		buf_add(b, "null", 4);
}

/* cmp_area_of: the area of row r (columns id, key, name, level), made on its first row. */
static struct cmp_area *cmp_area_of(struct cmp_read *c, const struct store_row *r)
{
	int64_t id = store_col_int(r, 0);
	struct buf b;

	for (int i = c->nareas - 1; i >= 0; i--)
		if (c->areas[i].id == id)
			return &c->areas[i];
	if (c->nareas == c->cap_areas) {
		int ncap = c->cap_areas ? c->cap_areas * 2 : 32;
		struct cmp_area *na = arena_alloc_raw(c->a, sizeof(*na) * (size_t)ncap);
		if (c->nareas)
			memcpy(na, c->areas, sizeof(*na) * (size_t)c->nareas);
		for (int i = 0; i < c->nrows; i++)	/* the rows point into the old array */
			c->rows[i].area = na + (c->rows[i].area - c->areas);
		c->areas = na;
		c->cap_areas = ncap;
	}
	struct cmp_area *ar = &c->areas[c->nareas++];
	const char *key = store_col_text(r, 1), *name = store_col_text(r, 2), *level = store_col_text(r, 3);
	buf_init(&b, 0);
	buf_adds(&b, "{\"area\":");
	put_str(&b, key);
	buf_adds(&b, ",\"name\":");
	put_str(&b, name);
	buf_adds(&b, ",\"level\":");
	put_str(&b, level);
	buf_adds(&b, ",\"sex\":\"");
	*ar = (struct cmp_area){ .id = id, .name = arena_strdup(c->a, name ? name : ""),
				 .head = arena_strndup(c->a, b.ptr ? b.ptr : "", b.len), .head_len = b.len,
				 .city = level && strcmp(level, "municipality") == 0 };
	buf_release(&b);
	return ar;
}

/* cmp_collect: a store_row_fn keeping one row of STMT_COMPARISON (area id, key, name, level,
 * sex, value, missing, example) in the cmp_read ctx. */
static int cmp_collect(void *ctx, const struct store_row *r)
{
	struct cmp_read *c = ctx;
	struct store_cell v;
	const char *sex;

	if (c->nrows == c->cap_rows) {
		int ncap = c->cap_rows ? c->cap_rows * 2 : 64;
		struct cmp_row *nr = arena_alloc_raw(c->a, sizeof(*nr) * (size_t)ncap);
		if (c->nrows)
			memcpy(nr, c->rows, sizeof(*nr) * (size_t)c->nrows);
		c->rows = nr;
		c->cap_rows = ncap;
	}
	struct cmp_row *x = &c->rows[c->nrows];
	x->area = cmp_area_of(c, r);
	sex = store_col_text(r, 4);
	if (!sex || !sex[0] || !strchr("TKM", sex[0]))
		return 0;	/* outcome's CHECK allows no other */
	c->nrows++;
	x->sex = sex[0];
	store_col_cell(r, 5, &v);
	x->null = v.t == SV_NULL;
	x->is_int = v.t == SV_INT;
	x->i = v.i;
	x->value = v.t == SV_REAL ? v.d : (double)v.i;
	x->text_value = v.t == SV_REAL ? text_real(v.d) : (double)v.i;
	x->missing = cmp_bool(r, 6);
	x->example = cmp_bool(r, 7);
	return 0;
}

/* by_place: the city first, then the areas' names in Swedish order, then the sex (byte order),
 * then the area (for equal names) */
static int by_place(const void *pa, const void *pb)
{
	const struct cmp_row *a = pa, *b = pb;

	if (a->area->city != b->area->city)
		return a->area->city ? -1 : 1;
	if (a->area->rank != b->area->rank)
		return a->area->rank < b->area->rank ? -1 : 1;
	if (a->sex != b->sex)
		return a->sex < b->sex ? -1 : 1;
	return a->area->id < b->area->id ? -1 : a->area->id > b->area->id;
}

/* cmp_sort: the rows in the order the statement's ORDER BY a.level DESC, a.name COLLATE sv,
 * x.sex gave. Returns 0, or -1 when the collation fails. */
static int cmp_sort(struct cmp_read *c)
{
	if (c->nrows < 2)
		return 0;
	const char **names = arena_alloc_raw(c->a, sizeof(*names) * (size_t)c->nareas);
	int *rank = arena_alloc_raw(c->a, sizeof(*rank) * (size_t)c->nareas);
	for (int i = 0; i < c->nareas; i++)
		names[i] = c->areas[i].name;
	if (collate_ranks(names, c->nareas, rank) != 0)
		return -1;
	for (int i = 0; i < c->nareas; i++)
		c->areas[i].rank = rank[i];
	qsort(c->rows, (size_t)c->nrows, sizeof(*c->rows), by_place);
	return 0;
}

/* put_num: v as json_num writes it. */
static void put_num(struct buf *b, double v)
{
	char *room = buf_space(b, JSON_NUM_SIZE), tmp[JSON_NUM_SIZE];

	if (room)
		buf_wrote(b, json_num_text(v, room));
	else
		buf_add(b, tmp, json_num_text(v, tmp));
}

/* cmp_write_row: one area's object: its outcome, the city's value of its sex and the gap. */
static void cmp_write_row(struct buf *b, const struct cmp_row *x, double city, enum model_direction dir)
{
	char tmp[NUMFMT_SIZE];

	buf_add(b, x->area->head, x->area->head_len);
	buf_addc(b, x->sex);
	buf_add(b, "\",\"value\":", 10);
	if (x->null)
		buf_add(b, "null", 4);
	else if (x->is_int)
		buf_add(b, tmp, numfmt_long(x->i, tmp));
	else
		put_num(b, x->value);
	if (x->missing)
		buf_add(b, ",\"missing\":true", 15);
	else
		buf_add(b, ",\"missing\":false", 16);
	if (x->example)
		buf_add(b, ",\"example\":true", 15);
	else
		buf_add(b, ",\"example\":false", 16);
	buf_add(b, ",\"city_average\":", 16);
	put_num(b, city);
	buf_add(b, ",\"gap\":", 7);
	if (!x->null && !isnan(city))
		put_num(b, model_gap(dir, x->text_value, city));
	else
		buf_add(b, "null", 4);
	buf_addc(b, '}');
}

/* cmp_write: the document into b. */
static void cmp_write(struct buf *b, int64_t id, const char *name, const char *dirs, long year,
		      const struct cmp_read *c)
{
	enum model_direction dir = strcmp(dirs, "higher") == 0 ? MODEL_DIR_HIGHER :
				   strcmp(dirs, "lower") == 0 ? MODEL_DIR_LOWER : MODEL_DIR_NONE;
	double city[3] = { NAN, NAN, NAN };
	char tmp[NUMFMT_SIZE];

	for (int i = 0; i < c->nrows; i++)
		if (c->rows[i].area->city && !c->rows[i].null)
			city[strchr("TKM", c->rows[i].sex) - "TKM"] = c->rows[i].text_value;
	buf_add(b, "{\"indicator\":", 13);
	buf_add(b, tmp, numfmt_long(id, tmp));
	buf_add(b, ",\"name\":", 8);
	put_str(b, name);
	buf_add(b, ",\"direction\":", 13);
	put_str(b, dirs);
	buf_add(b, ",\"year\":", 8);
	buf_add(b, tmp, numfmt_long(year, tmp));
	buf_add(b, ",\"areas\":[", 10);
	for (int i = 0; i < c->nrows; i++) {
		if (i)
			buf_addc(b, ',');
		cmp_write_row(b, &c->rows[i], city[strchr("TKM", c->rows[i].sex) - "TKM"], dir);
	}
	buf_add(b, "]}", 2);
}

int api_comparison(struct http_req *r)
{
	const char *ys = http_query(r, "year");
	long year = ys ? strtol(ys, NULL, 10) : 0;
	struct cmp_read c = { .a = &r->a };
	struct rowset ind;
	struct buf *out;
	struct json *j;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_INDICATOR_ID, "indicator", &id)) != 0)
		return rc;
	if (!ys || year < 1900 || year > 2999)
		return http_error(r, 400, "bad_request", "give the year: ?year=YYYY");
	struct sval args[] = { SVI(id), SVI(year) };
	struct sval one = SVI(id);
	rowset_init(&ind, &r->a);
	if (rowset_query(&ind, r->st, STMT_SHOW_INDICATOR, &one, 1, &r->err) != LUP_OK)
		return http_fail(r);
	if (!ind.nrows)
		return http_error(r, 404, "not_found", "no indicator %lld", (long long)id);
	if (store_query(r->st, STMT_COMPARISON, args, 2, cmp_collect, &c, &r->err) != LUP_OK)
		return http_fail(r);
	if (cmp_sort(&c) != 0)
		return http_error(r, 500, "internal", "the areas could not be sorted (no Swedish collation)");
	j = http_json_begin(r, 200);
	if (!(out = json_value_out(j)))
		return http_error(r, 500, "internal", "the response could not be written");
	cmp_write(out, id, ind.rows[0][rowset_col(&ind, "name")].s, ind.rows[0][rowset_col(&ind, "direction")].s,
		  year, &c);
	return http_json_end(r, j);
}

const char *const api_indicator_directions[] = { "higher", "lower", "none", NULL };
const char *const api_indicator_periodicities[] = { "tertial", "year", "month", "quarter", NULL };

enum { I_GOAL, I_NAME, I_UNIT, I_DIR, I_PER, I__MAX };

/* indicator_goal: the second round of api_indicator_create: the goal exists; its owner owns
 * the indicator. Returns LUP_OK or a store error in r->err. */
static int indicator_goal(struct http_req *r, const char *text, struct api_violations *v, int64_t *goal,
			  int64_t *owner)
{
	*goal = *owner = 0;
	if (api_id_lookup(r, text, STMT_GOAL_ID, goal) != LUP_OK)
		return r->err.code;
	struct sval g = SVI(*goal);
	if (*goal && store_query_id(r->st, STMT_GOAL_OWNER, &g, 1, owner, &r->err) != LUP_OK)
		return r->err.code;
	if (!*goal || !*owner)
		api_violation(r, v, "goal", API_RULE_UNKNOWN, "unknown goal '%s'", text);
	return LUP_OK;
}

int api_indicator_create(struct http_req *r, const struct api_indicator_new *in, struct api_violations *v,
			 int64_t *id)
{
	const struct kind *k = kind_find("indicators");
	int64_t goal = 0, owner = 0;
	int rc;

	*id = 0;
	api_check_text(r, v, "goal", in->goal, 1, API_REF_MAX);
	api_check_text(r, v, "name", in->name, 1, API_INDICATOR_NAME_MAX);
	api_check_text(r, v, "unit", in->unit, 0, API_UNIT_MAX);
	api_check_choice(r, v, "direction", in->direction, api_indicator_directions);
	api_check_choice(r, v, "periodicity", in->periodicity, api_indicator_periodicities);
	if (in->kolada_kpi && !model_kolada_kpi_valid(in->kolada_kpi))
		api_violation(r, v, "kolada_kpi", API_RULE_CHOICE, "'kolada_kpi' must be a Kolada KPI id: a capital letter"
			      " and five digits, such as N15033");
	if (v->n)
		return 422;
	if (indicator_goal(r, in->goal, v, &goal, &owner) != LUP_OK)
		return http_fail(r);
	if (v->n)
		return 422;
	if ((rc = authz_org(r, owner)) != 0)
		return rc;
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	if ((rc = frozen_or_409(r, STMT_PV_FROZEN_GOAL, goal, in->page)) != 0)
		return rc;
	struct sval args[] = {
		SVS(api_new_key(r, in->source, "indicator-")), SVI(goal), SVI(owner), SVI(0), SVS(in->name),
		SVS(in->unit), SVS(in->direction ? in->direction : "none"),
		SVS(in->periodicity ? in->periodicity : "year"), SVS("own"), in->kolada_kpi ? SVS(in->kolada_kpi) : SVNULL,
		SVI(in->by_sex ? 1 : 0), SVI(in->by_area ? 1 : 0), SVS(in->source),
	};
	if (store_exec(r->st, STMT_INDICATOR_UPSERT, args, 13, id, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	return api_write_end(r, k, "indicator", "insert", *id, NULL, 201);
}

/* The fields of POST and PATCH /api/v1/indicators (PATCH refuses goal). */
enum { P_BY_SEX = I__MAX, P_BY_AREA, P_KPI, P__MAX };
static const struct field patch_fields[P__MAX] = {
	{ "goal", FT_STRING, 0, 0, API_REF_MAX, NULL },
	{ "name", FT_STRING, 0, 0, API_INDICATOR_NAME_MAX, NULL },
	{ "unit", FT_TEXT, 0, 0, API_UNIT_MAX, NULL },
	{ "direction", FT_ENUM, 0, 0, 0, api_indicator_directions },
	{ "periodicity", FT_ENUM, 0, 0, 0, api_indicator_periodicities },
	{ "by_sex", FT_BOOL, 0, 0, 0, NULL },
	{ "by_area", FT_BOOL, 0, 0, 0, NULL },
	{ "kolada_kpi", FT_TEXT, 0, 0, 40, NULL },
};

int api_indicator_post(struct http_req *r)
{
	struct api_violations v = { .n = 0 };
	struct body b;
	int64_t id = 0;
	int rc;

	if ((rc = body_parse(r, patch_fields, P__MAX, &b)) != 0)
		return rc;
	if ((b.present[P_BY_SEX] && b.isnull[P_BY_SEX]) || (b.present[P_BY_AREA] && b.isnull[P_BY_AREA]))
		return http_error(r, 422, "invalid_fields", "by_sex and by_area cannot be null");
	struct api_indicator_new in = {
		.goal = b.s[I_GOAL], .name = b.s[I_NAME], .unit = b.s[I_UNIT], .direction = b.s[I_DIR],
		.periodicity = b.s[I_PER], .source = "api", .by_sex = (int)b.i[P_BY_SEX], .by_area = (int)b.i[P_BY_AREA],
		.kolada_kpi = b.s[P_KPI] && *b.s[P_KPI] ? b.s[P_KPI] : NULL,
	};
	rc = api_indicator_create(r, &in, &v, &id);
	if (rc == 422 && v.n) {
		if (api_violation_of(&v, "goal", API_RULE_REQUIRED) >= 0 || api_violation_of(&v, "name", API_RULE_REQUIRED) >= 0)
			return http_error(r, 422, "invalid_fields", "'goal' and 'name' are required");
		return http_error(r, 422, "invalid_fields", "%s", v.msg[0]);
	}
	if (rc == 201) {
		char loc[64];
		snprintf(loc, sizeof(loc), "/api/v1/indicators/%lld", (long long)id);
		http_header(r, "Location", loc);
	}
	return rc;
}

/* patch_flags: the flags of a PATCH through edit_indicator_flags (in the open transaction);
 * returns 0, or the status answered (422 naming the field, transaction rolled back). */
static int patch_flags(struct http_req *r, int64_t id, const struct body *b)
{
	struct ind_flags_out out;
	struct ind_flags_in in = {
		.set_by_sex = b->present[P_BY_SEX], .by_sex = (int)b->i[P_BY_SEX],
		.set_by_area = b->present[P_BY_AREA], .by_area = (int)b->i[P_BY_AREA],
		.set_kpi = b->present[P_KPI], .kpi = b->isnull[P_KPI] || !b->s[P_KPI] || !*b->s[P_KPI] ? NULL : b->s[P_KPI],
	};

	if (!in.set_by_sex && !in.set_by_area && !in.set_kpi)
		return 0;
	if (edit_indicator_flags(r->st, id, &in, &out, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	switch (out.rule) {
	case IND_FLAGS_OK:
		return 0;
	case IND_FLAGS_KPI_SHAPE:
		store_rollback(r->st);
		return http_error(r, 422, "invalid_fields", "'kolada_kpi' must be a Kolada KPI id: a capital letter and"
				  " five digits, such as N15033");
	case IND_FLAGS_KPI_REQUIRED:
		store_rollback(r->st);
		return http_error(r, 422, "invalid_fields", "'kolada_kpi' cannot be cleared: the indicator's values come"
				  " from Kolada");
	case IND_FLAGS_SEXED_LEFT:
		store_rollback(r->st);
		return http_error(r, 422, "invalid_fields", "'by_sex' cannot be turned off: the indicator has %ld"
				  " outcome(s) and %ld target(s) for women or men", out.outcomes, out.targets);
	}
	return 0;
}

int api_indicator_patch(struct http_req *r)
{
	const struct kind *k = kind_find("indicators");
	struct body b;
	char *before;
	int64_t id;
	int rc;

	if ((rc = api_id_param(r, 0, STMT_INDICATOR_ID, "indicator", &id)) != 0 ||
	    (rc = body_parse(r, patch_fields, P__MAX, &b)) != 0)
		return rc;
	if (b.present[I_GOAL])
		return http_error(r, 422, "invalid_fields", "the goal of an indicator cannot be changed here");
	if ((b.present[I_NAME] && b.isnull[I_NAME]) || (b.present[I_DIR] && b.isnull[I_DIR]) ||
	    (b.present[I_PER] && b.isnull[I_PER]) || (b.present[P_BY_SEX] && b.isnull[P_BY_SEX]) ||
	    (b.present[P_BY_AREA] && b.isnull[P_BY_AREA]))
		return http_error(r, 422, "invalid_fields", "name, direction, periodicity, by_sex and by_area cannot be null");
	if ((rc = api_write_begin(r, k, id, STMT_INDICATOR_OWNER, &before)) != 0 ||
	    (rc = frozen_or_409(r, STMT_PV_FROZEN_INDICATOR, id, 0)) != 0)
		return rc;
	struct sval args[] = {
		SVI(id), SVI(b.present[I_NAME]), SVS(b.s[I_NAME]), SVI(b.present[I_UNIT]), SVS(b.s[I_UNIT]),
		SVI(b.present[I_DIR]), SVS(b.s[I_DIR]), SVI(b.present[I_PER]), SVS(b.s[I_PER]),
	};
	if (store_exec(r->st, STMT_INDICATOR_PATCH, args, 9, NULL, NULL, &r->err) != LUP_OK)
		return api_rollback_fail(r);
	if ((rc = patch_flags(r, id, &b)) != 0)
		return rc;
	return api_write_end(r, k, "indicator", "update", id, before, 200);
}
