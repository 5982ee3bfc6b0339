/* need-web.c: the pieces of resources versus need shared by the API and the pages (see need-web.h). */
#include "web/need-web.h"
#include "web/api-create.h"
#include "web/routes.h"
#include "web/page.h"
#include "core/err.h"
#include "store/audit.h"
#include "store/store.h"

#include "core/arena.h"
#include "model/today.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int need_web_year_now(void)
{
	return model_today() / 10000;
}

int need_web_params(struct http_req *r, int *year, int64_t *org)
{
	const char *y = http_query(r, "year"), *o = http_query(r, "org");
	char *end;

	if (!y)
		y = http_query(r, "ar");
	*year = need_web_year_now();
	*org = 0;
	if (y && *y) {
		long v = strtol(y, &end, 10);
		if (*end || v < 1900 || v > 2999)
			return http_error(r, 400, "bad_request", "year: must be a year (1900-2999)");
		*year = (int)v;
	}
	if (o && *o) {
		struct sval k = SVS(o);
		if (store_query_id(r->st, STMT_ORG_ID, &k, 1, org, &r->err) != LUP_OK)
			return http_fail(r);
		if (!*org)
			return http_error(r, 404, "not_found", "no organisation '%s'", o);
	}
	return 0;
}

int need_web_may_record(struct http_req *r, int64_t org)
{
	if (r->user.role == ROLE_CITY || r->user.role == ROLE_ADMIN)
		return 0;
	if (r->user.role != ROLE_EDITOR)
		return http_error(r, r->user.id ? 403 : 401, r->user.id ? "forbidden" : "unauthorized",
				  "recording resources takes an editor of the organisation, the city office or an administrator");
	return authz_org(r, org);
}

/* pf_fmt: printf into the request arena. */
static const char *pf_fmt(struct http_req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *pf_fmt(struct http_req *r, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return arena_strdup(&r->a, buf);
}

static int org_row(void *ctx, const struct store_row *row)
{
	struct need_org *o = ((void **)ctx)[0];
	struct arena *a = ((void **)ctx)[1];

	o->key = arena_strdup(a, store_col_text(row, 1));
	o->name = arena_strdup(a, store_col_text(row, 2));
	o->kind = arena_strdup(a, store_col_text(row, 3));
	return 1;
}

int need_web_org(struct http_req *r, struct need_org *o)
{
	struct sval k = SVS(r->params[0]);
	void *ctx[2] = { o, &r->a };

	memset(o, 0, sizeof(*o));
	if (store_query_id(r->st, STMT_ORG_ID_LOOSE, &k, 1, &o->id, &r->err) != LUP_OK)
		return page_error(r, 500, "Ett internt fel inträffade.");
	struct sval id = SVI(o->id);
	if (o->id && store_query(r->st, STMT_AL_ORG, &id, 1, org_row, ctx, &r->err) != LUP_OK)
		return page_error(r, 500, "Ett internt fel inträffade.");
	if (!o->key)
		return page_error(r, 404, "Det finns ingen organisation med den adressen.");
	return 0;
}

static int chosen_row(void *ctx, const struct store_row *row)
{
	json_t *a = ctx, *o = json_object();

	json_object_set_new(o, "indicator_id", json_integer((json_int_t)store_col_int(row, 0)));
	json_object_set_new(o, "weight", json_real(store_col_real(row, 1)));
	json_array_append_new(a, o);
	return 0;
}

/* chosen: the current choice as the audit entry's JSON (malloc'd). */
static char *chosen(struct store *st, struct err *e)
{
	json_t *o = json_object(), *a = json_array();
	char *s = NULL;

	json_object_set_new(o, "indicators", a);
	if (store_query(st, STMT_NEED_CHOSEN, NULL, 0, chosen_row, a, e) == LUP_OK)
		s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15));
	json_decref(o);
	return s;
}

static int public_row(void *ctx, const struct store_row *row)
{
	*(int64_t *)ctx = store_col_int(row, 5) ? store_col_int(row, 0) : 0;
	return 1;
}

/* resolve: the indicator ref (a key or an id) names, public, into *id (0: none). */
static int resolve(struct store *st, const char *ref, int64_t *id, struct err *e)
{
	struct sval k = SVS(ref);
	int64_t found = 0;

	*id = 0;
	if (!ref || !*ref)
		return LUP_OK;
	if (store_query_id(st, STMT_INDICATOR_ID, &k, 1, &found, e) != LUP_OK)
		return e->code;
	if (!found && strspn(ref, "0123456789") == strlen(ref) && strlen(ref) < 18)
		found = strtoll(ref, NULL, 10);
	struct sval v = SVI(found);
	return store_query(st, STMT_NEED_INDICATOR, &v, 1, public_row, id, e);
}

/* bad: a refused pick, in English (v) and Swedish (sv). */
static void bad(struct http_req *r, struct api_violations *v, const char **sv, enum api_rule rule, const char *en,
		const char *svtext)
{
	if (sv && v->n < API_MAX_VIOLATIONS)
		sv[v->n] = arena_strdup(&r->a, svtext);
	api_violation(r, v, "indicators", rule, "%s", en);
}

int need_web_set_indicators(struct http_req *r, const struct need_pick *picks, size_t n, struct api_violations *v,
			    const char **sv)
{
	int64_t ids[NEED_PICK_MAX];
	char at[32], *before = NULL, *after = NULL;
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (n > NEED_PICK_MAX) {
		bad(r, v, sv, API_RULE_TOO_LONG, "at most 64 indicators", "Högst 64 indikatorer.");
		return 0;
	}
	if (store_begin(r->st, &r->err) != LUP_OK)
		return http_fail(r);
	for (size_t i = 0; i < n; i++) {
		if (resolve(r->st, picks[i].ref, &ids[i], &r->err) != LUP_OK)
			goto err;
		const char *ref = picks[i].ref ? picks[i].ref : "";
		if (!ids[i])
			bad(r, v, sv, API_RULE_UNKNOWN, pf_fmt(r, "'%s' is no published indicator", ref),
			    pf_fmt(r, "Det finns ingen publicerad indikator med nyckeln %s.", ref));
		else if (!(picks[i].weight > 0 && picks[i].weight <= 100))
			bad(r, v, sv, API_RULE_RANGE, pf_fmt(r, "the weight of '%s' must be above 0 and at most 100", ref),
			    pf_fmt(r, "Vikten för %s ska vara över 0 och högst 100.", ref));
		for (size_t k = 0; k < i && ids[i]; k++)
			if (ids[k] == ids[i])
				bad(r, v, sv, API_RULE_CHOICE, pf_fmt(r, "'%s' is chosen twice", ref),
				    pf_fmt(r, "%s är vald två gånger.", ref));
	}
	if (v->n) {
		store_rollback(r->st);
		return 0;
	}
	if (!(before = chosen(r->st, &r->err)) || store_exec(r->st, STMT_NEED_CLEAR, NULL, 0, NULL, NULL, &r->err) != LUP_OK)
		goto err;
	for (size_t i = 0; i < n; i++) {
		struct sval a[] = { SVI(ids[i]), SVD(picks[i].weight), SVID(r->user.id), SVS(at) };
		if (store_exec(r->st, STMT_NEED_ADD, a, 4, NULL, NULL, &r->err) != LUP_OK)
			goto err;
	}
	if (!(after = chosen(r->st, &r->err)))
		goto err;
	struct audit_rec rec = { NULL, r->user.id, r->user.name, "update", "need_indicators", 0, before, after };
	if (audit_write(r->st, &rec, &r->err) != LUP_OK || store_commit(r->st, &r->err) != LUP_OK)
		goto err;
	free(before), free(after);
	return 0;
err:
	free(before), free(after);
	store_rollback(r->st);
	return http_fail(r);
}
