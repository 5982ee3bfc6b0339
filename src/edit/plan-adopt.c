/* plan-adopt.c: adopting a plan version (plan-adopt.h). */
#include "edit/plan-adopt.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "model/planver.h"
#include "render/json.h"
#include "render/rows.h"
#include "store/audit.h"
#include "store/store.h"
#include "web/authz.h"
#include "web/http.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The plan as PV_PLAN reads it. */
struct plan_head {
	int64_t id, owner, owner_pair, pv;
	char status[16];
	int recorded, found;
};

__attribute__((format(printf, 4, 5)))
static enum plan_adopt_rc fail(struct plan_adopt_out *out, enum plan_adopt_rc rc, const char *sv,
			       const char *fmt, ...)
{
	va_list ap;

	out->rc = rc;
	va_start(ap, fmt);
	vsnprintf(out->msg, sizeof(out->msg), fmt, ap);
	va_end(ap);
	snprintf(out->msg_sv, sizeof(out->msg_sv), "%s", sv);
	return rc;
}

static enum plan_adopt_rc invalid(struct plan_adopt_out *out, const char *field, const char *sv, const char *en)
{
	out->field = field;
	return fail(out, PLAN_ADOPT_INVALID, sv, "%s: %s", field, en);
}

/* check_fields: the fields on their own. */
static enum plan_adopt_rc check_fields(const struct plan_adopt_in *in, int today, struct plan_adopt_out *out)
{
	if (in->version < 1)
		return invalid(out, "version", "Ange versionens nummer (1 eller större).",
			       "give the version's number (1 or more)");
	if (!in->date || !*in->date)
		return invalid(out, "date", "Ange datum för beslutet.", "give the decision's date (YYYY-MM-DD)");
	if (!planver_date_ok(in->date, 99991231))
		return invalid(out, "date", "Datumet ska vara ett datum som ÅÅÅÅ-MM-DD.",
			       "not a date YYYY-MM-DD");
	if (!planver_date_ok(in->date, today))
		return invalid(out, "date", "Datumet kan inte ligga i framtiden: ange sammanträdets datum.",
			       "the decision's date cannot be in the future");
	if (!in->paragraph || !*in->paragraph)
		return invalid(out, "paragraph", "Ange paragrafen i protokollet (§).",
			       "give the paragraph of the minutes");
	if (!planver_text_ok(in->paragraph, PLANVER_PARAGRAPH_MAX))
		return invalid(out, "paragraph", "Paragrafen får ha högst 32 tecken, utan styrtecken.",
			       "at most 32 bytes of text without control characters or surrounding spaces");
	if (!in->dnr || !*in->dnr)
		return invalid(out, "dnr", "Ange diarienumret.", "give the diarienummer");
	if (!planver_text_ok(in->dnr, PLANVER_DNR_MAX))
		return invalid(out, "dnr", "Diarienumret får ha högst 64 tecken, utan styrtecken.",
			       "at most 64 bytes of text without control characters or surrounding spaces");
	return PLAN_ADOPT_OK;
}

static int plan_row(void *ctx, const struct store_row *row)
{
	struct plan_head *h = ctx;

	h->id = store_col_int(row, 0);
	h->owner = store_col_int(row, 3);
	h->owner_pair = store_col_int(row, 4);
	h->found = 1;
	return 1;
}

static int version_row(void *ctx, const struct store_row *row)
{
	struct plan_head *h = ctx;
	const char *s = store_col_text(row, 1);

	h->pv = store_col_int(row, 0);
	snprintf(h->status, sizeof(h->status), "%s", s ? s : "");
	h->recorded = (int)store_col_int(row, 2);
	return 1;
}

/* may_adopt: the rule of plan-adopt.h. */
static int may_adopt(const struct http_user *u, const struct plan_head *h)
{
	if (!u || u->role == ROLE_ADMIN)
		return 1;
	return u->role == ROLE_EDITOR && authz_member(u, h->owner, h->owner_pair);
}

/* snapshot: the version pv as a JSON object (for the audit log) in *out (malloc'd). */
static int snapshot(struct store *st, int64_t pv, char **out, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct rowset rs;
	struct sval arg = SVI(pv);
	struct buf b;
	struct json j;
	int rc;

	*out = NULL;
	rowset_init(&rs, &a);
	if ((rc = rowset_query(&rs, st, STMT_PV_ROW, &arg, 1, e)) == LUP_OK && rs.nrows == 1) {
		buf_init(&b, 0);
		json_init(&j, &b, 0);
		json_obj_open(&j);
		rowset_json_row(&rs, 0, &j, NULL);
		json_obj_close(&j);
		json_finish(&j);
		*out = buf_detach(&b, NULL);
	}
	arena_release(&a);
	return rc;
}

static int audit(struct store *st, const struct http_user *u, const char *actor, int64_t pv, const char *before,
		 const char *after, struct err *e)
{
	char at[32];

	http_now_iso(at, sizeof(at));
	struct audit_rec rec = { at, u ? u->id : 0, actor, "update", "plan_version", pv, before, after };
	return audit_write(st, &rec, e);
}

/* superseded_id: the number of the plan's adopted version in *id (0 when none). */
static int superseded_id(struct store *st, int64_t plan, int64_t *id, struct err *e)
{
	struct sval args[] = { SVI(plan), SVI(1) };
	struct arena a = ARENA_INIT;
	struct rowset rs;
	int rc;

	*id = 0;
	rowset_init(&rs, &a);
	if ((rc = rowset_query(&rs, st, STMT_PV_LIST, args, 2, e)) == LUP_OK) {
		int sc = rowset_col(&rs, "status"), vc = rowset_col(&rs, "version");
		for (int i = 0; i < rs.nrows; i++)
			if (rs.rows[i][sc].s && strcmp(rs.rows[i][sc].s, "decided") == 0)
				*id = strtoll(rs.rows[i][vc].s, NULL, 10);
	}
	arena_release(&a);
	return rc;
}

/* write: the adoption in one transaction (h: the plan and the draft). */
static int write(struct store *st, const struct http_user *u, const char *actor, const struct plan_adopt_in *in,
		 const struct plan_head *h, struct plan_adopt_out *out, struct err *e)
{
	char *before = NULL, *after = NULL, *old_before = NULL, *old_after = NULL;
	int64_t old_n = 0, old_pv = 0;
	int changed = 0, rc;

	struct sval adopt[] = { SVI(h->pv), SVI(h->owner), SVS(in->date), SVS(in->paragraph), SVS(in->dnr) };
	struct sval sup[] = { SVI(h->id), SVI(h->pv) };
	if ((rc = store_begin(st, e)) != LUP_OK)
		return rc;
	if ((rc = superseded_id(st, h->id, &old_n, e)) != LUP_OK)
		goto err;
	if (old_n) {
		struct sval q[] = { SVI(h->id), SVI(old_n) };
		struct plan_head o = { 0 };
		if ((rc = store_query(st, STMT_PV_HEAD, q, 2, version_row, &o, e)) != LUP_OK ||
		    (rc = snapshot(st, o.pv, &old_before, e)) != LUP_OK)
			goto err;
		old_pv = o.pv;
	}
	if ((rc = snapshot(st, h->pv, &before, e)) != LUP_OK ||
	    (rc = store_exec(st, STMT_PV_ADOPT, adopt, 5, NULL, &changed, e)) != LUP_OK)
		goto err;
	if (!changed) {	/* adopted meanwhile by another writer */
		rc = err_set(e, LUP_ECONFLICT, "version %ld of '%s' is not a draft", in->version, in->plan);
		goto err;
	}
	if ((rc = store_exec(st, STMT_PV_SUPERSEDE, sup, 2, NULL, NULL, e)) != LUP_OK ||
	    (rc = snapshot(st, h->pv, &after, e)) != LUP_OK ||
	    (rc = audit(st, u, actor, h->pv, before, after, e)) != LUP_OK)
		goto err;
	if (old_pv && ((rc = snapshot(st, old_pv, &old_after, e)) != LUP_OK ||
		       (rc = audit(st, u, actor, old_pv, old_before, old_after, e)) != LUP_OK))
		goto err;
	if ((rc = store_commit(st, e)) != LUP_OK)
		goto err;
	out->superseded = old_n;
	free(before); free(after); free(old_before); free(old_after);
	return LUP_OK;
err:
	store_rollback(st);
	free(before); free(after); free(old_before); free(old_after);
	return rc;
}

enum plan_adopt_rc plan_adopt(struct store *st, const struct http_user *u, const char *actor,
			      const struct plan_adopt_in *in, int today, struct plan_adopt_out *out, struct err *e)
{
	struct plan_head h = { 0 };
	struct sval key = SVS(in->plan);
	enum plan_adopt_rc rc;

	memset(out, 0, sizeof(*out));
	if ((rc = check_fields(in, today, out)) != PLAN_ADOPT_OK)
		return rc;
	if (store_query(st, STMT_PV_PLAN, &key, 1, plan_row, &h, e) != LUP_OK)
		return fail(out, PLAN_ADOPT_STORE, "Databasen svarade inte. Försök igen.", "%s", e->msg);
	if (!h.found)
		return fail(out, PLAN_ADOPT_NOTFOUND, "Planen finns inte.", "no plan '%s'", in->plan);
	struct sval q[] = { SVI(h.id), SVI(in->version) };
	if (store_query(st, STMT_PV_HEAD, q, 2, version_row, &h, e) != LUP_OK)
		return fail(out, PLAN_ADOPT_STORE, "Databasen svarade inte. Försök igen.", "%s", e->msg);
	if (!h.pv)
		return fail(out, PLAN_ADOPT_NOTFOUND, "Versionen finns inte.", "plan '%s' has no version %ld",
			    in->plan, in->version);
	out->version_id = h.pv;
	if (!may_adopt(u, &h))
		return fail(out, PLAN_ADOPT_FORBIDDEN, "Bara redaktörer i planens organisation och administratörer kan anta planen.",
			    "only editors of the plan's organisation and administrators adopt its versions");
	if (strcmp(h.status, "draft") != 0)
		return fail(out, PLAN_ADOPT_CONFLICT, "Versionen är redan antagen och kan inte ändras.",
			    "version %ld of '%s' is %s, not a draft: it is adopted already and cannot change",
			    in->version, in->plan, h.status);
	if (write(st, u, actor, in, &h, out, e) != LUP_OK) {
		if (e->code == LUP_ECONFLICT)
			return fail(out, PLAN_ADOPT_CONFLICT, "Versionen är redan antagen och kan inte ändras.", "%s", e->msg);
		return fail(out, PLAN_ADOPT_STORE, "Databasen svarade inte. Försök igen.", "%s", e->msg);
	}
	return out->rc = PLAN_ADOPT_OK;
}

int plan_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}
