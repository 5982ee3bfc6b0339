/* period-lock.c: the period lock and an administrator's reopening (see period-lock.h). */
#include "edit/period-lock.h"
#include "core/err.h"
#include "model/datex.h"
#include "model/period.h"
#include "model/today.h"
#include "store/audit.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *period_kind_norm(const char *kind)
{
	if (!kind)
		return NULL;
	if (strcasecmp(kind, "T1") == 0)
		return "T1";
	if (strcasecmp(kind, "T2") == 0)
		return "T2";
	if (strcasecmp(kind, "FY") == 0 || strcasecmp(kind, "VB") == 0)
		return "FY";
	return NULL;
}

/* label_sv: the period as the refusal names it, "tertialrapport 2 2026", "verksamhetsberättelse 2026". */
static void label_sv(int year, const char *kind, char *buf, size_t size)
{
	if (strcmp(kind, "FY") == 0)
		snprintf(buf, size, "verksamhetsberättelse %d", year);
	else
		snprintf(buf, size, "tertialrapport %c %d", kind[1], year);
}

struct deadline_row {
	int found, due, grace;
};

static int deadline_cb(void *ctx, const struct store_row *row)
{
	struct deadline_row *d = ctx;
	int ymd = 0;

	if (store_col_text(row, 0) && model_date_parse(store_col_text(row, 0), &ymd, NULL, 0) == 0) {
		d->found = 1;
		d->due = ymd;
		d->grace = (int)store_col_int(row, 1);
	}
	return 1;
}

static int until_cb(void *ctx, const struct store_row *row)
{
	int *until = ctx, ymd = 0;

	if (store_col_text(row, 0) && model_date_parse(store_col_text(row, 0), &ymd, NULL, 0) == 0)
		*until = ymd;
	return 1;
}

int period_lock_get(struct store *st, int year, const char *kind, int64_t org, int today,
		    struct period_lock *out, struct err *e)
{
	struct deadline_row d = { 0, 0, 0 };
	const char *k = period_kind_norm(kind);
	char day[16], label[64], since[32];

	memset(out, 0, sizeof(*out));
	if (!k)
		return err_set(e, LUP_EINVAL, "unknown period kind '%s'", kind ? kind : "");
	struct sval dl[] = { SVI(year), SVS(k) };
	if (store_query(st, STMT_PL_DEADLINE, dl, 2, deadline_cb, &d, e) != LUP_OK)
		return e->code;
	if (!d.found)
		return LUP_OK;
	out->due = d.due;
	out->grace = d.grace < 0 ? 0 : d.grace;
	out->since = model_date_add_days(d.due, out->grace + 1);
	if (today < out->since)
		return LUP_OK;
	if (model_date_format(today, day, sizeof(day)) != 0)
		return err_set(e, LUP_EINVAL, "today is not a date");
	struct sval ro[] = { SVI(year), SVS(k), SVI(org), SVS(day) };
	if (store_query(st, STMT_PL_REOPENED, ro, 4, until_cb, &out->reopened_until, e) != LUP_OK)
		return e->code;
	if (out->reopened_until)
		return LUP_OK;
	out->locked = 1;
	label_sv(year, k, label, sizeof(label));
	model_date_sv(out->since, since, sizeof(since));
	snprintf(out->why, sizeof(out->why), "Perioden %s är låst sedan %s. En administratör kan öppna den igen.",
		 label, since);
	return LUP_OK;
}

struct period_row {
	int found, year;
	char kind[4];
};

static int period_cb(void *ctx, const struct store_row *row)
{
	struct period_row *p = ctx;

	p->found = 1;
	p->year = (int)store_col_int(row, 0);
	snprintf(p->kind, sizeof(p->kind), "%s", store_col_text(row, 1) ? store_col_text(row, 1) : "");
	return 1;
}

int period_locked(struct store *st, int64_t period_id, int64_t org, int today, struct period_lock *out,
		  struct err *e)
{
	struct period_lock tmp;
	struct period_row p = { 0, 0, "" };
	struct sval v = SVI(period_id);

	if (!out)
		out = &tmp;
	memset(out, 0, sizeof(*out));
	if (store_query(st, STMT_PL_PERIOD, &v, 1, period_cb, &p, e) != LUP_OK)
		return -1;
	if (!p.found) {
		err_set(e, LUP_ENOTFOUND, "no period %lld", (long long)period_id);
		return -1;
	}
	if (period_lock_get(st, p.year, p.kind, org, today, out, e) != LUP_OK)
		return -1;
	return out->locked;
}

/* ---- the reopening ---- */

const char *period_reopen_field(enum period_reopen_rule r)
{
	switch (r) {
	case PERIOD_R_KIND: return "period";
	case PERIOD_R_YEAR: return "year";
	case PERIOD_R_REASON: case PERIOD_R_REASON_LONG: return "reason";
	case PERIOD_R_UNTIL: return "until";
	case PERIOD_R_ORG: return "org";
	case PERIOD_R_NONE: break;
	}
	return "";
}

const char *period_reopen_rule_en(enum period_reopen_rule r)
{
	switch (r) {
	case PERIOD_R_KIND: return "is not a report period (T1, T2 or VB)";
	case PERIOD_R_YEAR: return "is not a year (1900-2999)";
	case PERIOD_R_REASON: return "is required: say why the period is reopened";
	case PERIOD_R_REASON_LONG: return "is too long";
	case PERIOD_R_UNTIL: return "is not a date YYYY-MM-DD of today or later";
	case PERIOD_R_ORG: return "names no organisation";
	case PERIOD_R_NONE: break;
	}
	return "is invalid";
}

static int refuse(enum period_reopen_rule *rule, enum period_reopen_rule r, struct err *e)
{
	*rule = r;
	return err_set(e, LUP_EINVAL, "%s: %s", period_reopen_field(r), period_reopen_rule_en(r));
}

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n\v\f", *s))
			return 0;
	return 1;
}

static int obj_cb(void *ctx, const struct store_row *row)
{
	json_t **o = ctx;

	*o = json_object();
	for (int i = 0; i < store_ncols(row); i++) {
		json_t *v = store_col_type(row, i) == SV_NULL ? json_null() :
			    store_col_type(row, i) == SV_INT ? json_integer((json_int_t)store_col_int(row, i)) :
			    json_string(store_col_text(row, i));
		json_object_set_new(*o, store_col_name(row, i), v ? v : json_null());
	}
	return 1;
}

/* check: the fields on their own; the normalised kind into *k. */
static int check(int year, const char *kind, const char *reason, int until, int today, const char **k,
		 enum period_reopen_rule *rule, struct err *e)
{
	if (!(*k = period_kind_norm(kind)))
		return refuse(rule, PERIOD_R_KIND, e);
	if (year < MODEL_YEAR_MIN || year > MODEL_YEAR_MAX)
		return refuse(rule, PERIOD_R_YEAR, e);
	if (blank(reason))
		return refuse(rule, PERIOD_R_REASON, e);
	if (strlen(reason) > PERIOD_REASON_MAX)
		return refuse(rule, PERIOD_R_REASON_LONG, e);
	if (until && (!model_date_valid(until) || until < today))
		return refuse(rule, PERIOD_R_UNTIL, e);
	return LUP_OK;
}

/* period_row_id: the period's id, its row written when new (in the open transaction). */
static int period_row_id(struct store *st, int year, const char *k, int64_t *pid, struct err *e)
{
	struct model_period p = { year, strcmp(k, "T1") == 0 ? MODEL_PERIOD_T1 :
					strcmp(k, "T2") == 0 ? MODEL_PERIOD_T2 : MODEL_PERIOD_FY };
	char first[16], last[16];

	model_period_bounds_text(&p, first, sizeof(first), last, sizeof(last));
	struct sval up[] = { SVI(year), SVS(k), SVS(first), SVS(last) };
	if (store_exec(st, STMT_PERIOD_UPSERT, up, 4, NULL, NULL, e) != LUP_OK ||
	    store_query_id(st, STMT_PERIOD_ID, up, 2, pid, e) != LUP_OK)
		return e->code;
	return LUP_OK;
}

int period_reopen(struct store *st, const struct edit_actor *who, int year, const char *kind,
		  const char *org_key, const char *reason, int until, int today, int64_t *id,
		  enum period_reopen_rule *rule, struct err *e)
{
	struct period_lock lk;
	const char *k;
	int64_t org = 0, pid = 0;
	json_t *o = NULL;
	char *after = NULL, day[16];
	int rc;

	*rule = PERIOD_R_NONE;
	*id = 0;
	if ((rc = check(year, kind, reason, until, today, &k, rule, e)) != LUP_OK)
		return rc;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (org_key && *org_key) {
		struct sval ov = SVS(org_key);
		if (store_query_id(st, STMT_ORG_ID, &ov, 1, &org, e) != LUP_OK)
			goto err;
		if (!org) {
			store_rollback(st);
			return refuse(rule, PERIOD_R_ORG, e);
		}
	}
	if (!until) {
		if (period_lock_get(st, year, k, org, today, &lk, e) != LUP_OK)
			goto err;
		until = model_date_add_days(today, lk.due ? lk.grace : 14);
	}
	model_date_format(until, day, sizeof(day));
	if (period_row_id(st, year, k, &pid, e) != LUP_OK)
		goto err;
	struct sval args[] = { SVI(pid), SVID(org), SVS(reason), SVS(day), SVID(who->user_id) };
	if (store_exec(st, STMT_PL_REOPEN_INSERT, args, 5, id, NULL, e) != LUP_OK)
		goto err;
	struct sval one = SVI(*id);
	if (store_query(st, STMT_PL_REOPEN_ONE, &one, 1, obj_cb, &o, e) != LUP_OK)
		goto err;
	if (!o || !(after = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS)))
		abort();
	{
		struct audit_rec rec = { NULL, who->user_id, who->name, "insert", "period_reopen", *id, NULL, after };
		if (audit_write(st, &rec, e) != LUP_OK || store_commit(st, e) != LUP_OK)
			goto err;
	}
	json_decref(o);
	free(after);
	return LUP_OK;
err:
	store_rollback(st);
	json_decref(o);
	free(after);
	*id = 0;
	return e->code ? e->code : LUP_EDB;
}
