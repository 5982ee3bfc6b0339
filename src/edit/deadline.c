/* deadline.c: the write path of the annual wheel's deadlines (see deadline.h). */
#include "edit/deadline.h"
#include "core/buf.h"
#include "core/err.h"
#include "model/datex.h"
#include "render/json.h"
#include "render/rows.h"
#include "core/arena.h"
#include "store/audit.h"
#include "store/store.h"
#include "view/wheel.h"
#include "web/authz.h"
#include "web/http.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* refuse: fills f (field, Swedish and English reason) and returns LUP_EINVAL in e. */
static int refuse(struct deadline_fail *f, struct err *e, const char *field, const char *sv, const char *en, ...)
	__attribute__((format(printf, 5, 6)));
static int refuse(struct deadline_fail *f, struct err *e, const char *field, const char *sv, const char *en, ...)
{
	va_list ap;

	f->field = field;
	snprintf(f->sv, sizeof(f->sv), "%s", sv);
	va_start(ap, en);
	vsnprintf(f->en, sizeof(f->en), en, ap);
	va_end(ap);
	return err_set(e, LUP_EINVAL, "%s: %s", field, f->en);
}

int deadline_may_write(const struct http_user *u, struct store *st, int64_t org, struct err *e)
{
	if (!u || u->role == ROLE_ADMIN || u->role == ROLE_CITY)
		return 1;
	if (!org)
		return 0;
	return authz_attach_org(u, st, org, e);
}

/* check_key: the key's kind and level are known and fit the organisation; the caller may write
 * it. Fills *level with the stored level. */
static int check_key(struct store *st, const struct http_user *u, const struct deadline_key *k, const char **level,
		     struct deadline_fail *f, struct err *e)
{
	char sv[200];
	int may;

	memset(f, 0, sizeof(*f));
	if (k->year < 1900 || k->year > 2999)
		return refuse(f, e, "year", "Skriv året med fyra siffror, till exempel 2026.", "must be a year 1900-2999");
	if (!k->kind || !wheel_kind(k->kind))
		return refuse(f, e, "kind", "Välj tertialrapport 1, tertialrapport 2 eller verksamhetsberättelse.",
			      "must be T1, T2 or VB");
	*level = k->org ? wheel_level(k->level) : "city";
	if (k->org && !*level)
		return refuse(f, e, "level", "Välj enhet, förvaltning eller nämnd.",
			      "must be unit, administration or committee");
	if (!k->org && k->level && strcmp(k->level, "city") != 0) {
		snprintf(sv, sizeof(sv), "Stadens tidsfrist har ingen nivå; en intern tidsfrist hör till en organisation.");
		return refuse(f, e, "org", sv, "an internal deadline (level %s) needs an organisation", k->level);
	}
	if ((may = deadline_may_write(u, st, k->org, e)) < 0)
		return e->code;
	if (!may) {
		f->forbidden = 1;
		return refuse(f, e, "org", "Du får inte ändra den här tidsfristen.",
			      k->org ? "only the organisation's editors, the city office and administrators set its deadlines"
				     : "only the city office and administrators set the city's deadlines");
	}
	return LUP_OK;
}

/* check_due: due is a real date in the year or the next; its normal form into out. */
static int check_due(const struct deadline_key *k, const char *due, char *out, size_t size, struct deadline_fail *f,
		     struct err *e)
{
	char sv[200];
	int ymd;

	if (!due || model_date_parse(due, &ymd, NULL, 0) != 0 || model_date_format(ymd, out, size) != 0)
		return refuse(f, e, "due", "Skriv ett datum som finns, till exempel 2026-09-15.",
			      "'%s' is not a calendar date (YYYY-MM-DD)", due ? due : "");
	if (ymd / 10000 != k->year && ymd / 10000 != k->year + 1) {
		snprintf(sv, sizeof(sv), "Datumet ska ligga under %ld eller %ld.", k->year, k->year + 1);
		return refuse(f, e, "due", sv, "must fall in %ld or %ld", k->year, k->year + 1);
	}
	return LUP_OK;
}

/* check_order_internal: an internal deadline due fits the city's and the organisation's other
 * levels (unit <= administration <= committee <= city). */
static int check_order_internal(struct store *st, struct arena *a, const struct deadline_key *k, const char *level,
				const char *due, struct deadline_fail *f, struct err *e)
{
	struct sval city[] = { SVI(k->year), SVS(k->kind), SVNULL, SVS("city") };
	struct sval lv[] = { SVI(k->year), SVS(k->kind), SVI(k->org) };
	int rank = wheel_level_rank(level);
	struct rowset c, l;
	char sv[300], d[48];

	rowset_init(&c, a);
	rowset_init(&l, a);
	if (rowset_query(&c, st, STMT_WH_ONE, city, 4, e) != LUP_OK ||
	    rowset_query(&l, st, STMT_WH_LEVELS, lv, 3, e) != LUP_OK)
		return e->code;
	if (c.nrows && strcmp(due, rowset_s(&c, 0, "due")) > 0) {
		wheel_date_sv(rowset_s(&c, 0, "due"), d, sizeof(d));
		snprintf(sv, sizeof(sv), "Datumet får inte vara senare än stadens tidsfrist (%s).", d);
		return refuse(f, e, "due", sv, "is after the city's deadline (%s)", rowset_s(&c, 0, "due"));
	}
	for (int i = 0; i < l.nrows; i++) {
		const char *ol = rowset_s(&l, i, "level"), *od = rowset_s(&l, i, "due");
		int orank = wheel_level_rank(ol);

		wheel_date_sv(od, d, sizeof(d));
		if (orank < rank && strcmp(od, due) > 0) {
			snprintf(sv, sizeof(sv), "Datumet får inte vara tidigare än tidsfristen för %s (%s).",
				 wheel_level_sv(ol), d);
			return refuse(f, e, "due", sv, "is before the %s deadline (%s), which comes first", ol, od);
		}
		if (orank > rank && strcmp(od, due) < 0) {
			snprintf(sv, sizeof(sv), "Datumet får inte vara senare än tidsfristen för %s (%s).",
				 wheel_level_sv(ol), d);
			return refuse(f, e, "due", sv, "is after the %s deadline (%s)", ol, od);
		}
	}
	return LUP_OK;
}

/* check_order_city: no organisation's internal deadline of the report falls after the city's due. */
static int check_order_city(struct store *st, struct arena *a, const struct deadline_key *k, const char *due,
			    struct deadline_fail *f, struct err *e)
{
	struct sval args[] = { SVI(k->year), SVS(k->kind), SVS(due) };
	struct rowset rs;
	char sv[300], d[48];

	rowset_init(&rs, a);
	if (rowset_query(&rs, st, STMT_WH_LATE_INTERNAL, args, 3, e) != LUP_OK)
		return e->code;
	if (!rs.nrows)
		return LUP_OK;
	wheel_date_sv(rowset_s(&rs, 0, "due"), d, sizeof(d));
	snprintf(sv, sizeof(sv), "%s har en intern tidsfrist för %s den %s, efter det datumet. Den måste flyttas först.",
		 rowset_s(&rs, 0, "org_name"), wheel_level_sv(rowset_s(&rs, 0, "level")), d);
	return refuse(f, e, "due", sv, "organisation %s has an internal deadline (%s, %s) after it: that one moves first",
		      rowset_s(&rs, 0, "org"), rowset_s(&rs, 0, "level"), rowset_s(&rs, 0, "due"));
}

/* entry_json: the audit entry's own fields of a deadline into *out (in a; NULL when due is
 * NULL). Returns LUP_OK or a store error in e. */
static int entry_json(struct store *st, struct arena *a, const struct deadline_key *k, const char *level,
		      const char *due, const char **out, struct err *e)
{
	struct buf b;
	struct json j;
	struct rowset o;
	struct sval v = SVI(k->org);

	*out = NULL;
	rowset_init(&o, a);
	if (!due)
		return LUP_OK;
	if (k->org && rowset_query(&o, st, STMT_WH_ORG, &v, 1, e) != LUP_OK)
		return e->code;
	buf_init(&b, 4096);
	json_init(&j, &b, 0);
	json_obj_open(&j);
	json_key(&j, "year"); json_int(&j, k->year);
	json_key(&j, "kind"); json_str(&j, k->kind);
	json_key(&j, "org");
	if (k->org)
		json_str(&j, rowset_s(&o, 0, "key"));
	else
		json_str(&j, NULL);
	json_key(&j, "level"); json_str(&j, level);
	json_key(&j, "due"); json_str(&j, due);
	json_obj_close(&j);
	json_finish(&j);
	*out = arena_strdup(a, b.ptr);
	buf_release(&b);
	return LUP_OK;
}

/* record: the audit entry of the write. */
static int record(struct store *st, struct arena *a, const struct edit_actor *who, const char *action, int64_t id,
		  const struct deadline_key *k, const char *level, const char *before, const char *after, struct err *e)
{
	const char *b, *af;

	if (entry_json(st, a, k, level, before, &b, e) != LUP_OK || entry_json(st, a, k, level, after, &af, e) != LUP_OK)
		return e->code;
	struct audit_rec rec = { NULL, who->user_id, who->name, action, "deadline", id, b, af };
	return audit_write(st, &rec, e);
}

/* write: in the open transaction, checks the order and writes; *changed as deadline_set says. */
static int write_row(struct store *st, struct arena *a, const struct edit_actor *who, const struct deadline_key *k,
		 const char *level, const char *due, int64_t *id, int *changed, struct deadline_fail *f, struct err *e)
{
	struct sval one[] = { SVI(k->year), SVS(k->kind), SVID(k->org), SVS(level) };
	char now[32];
	struct rowset rs;
	int n = 0;

	if ((k->org ? check_order_internal(st, a, k, level, due, f, e) : check_order_city(st, a, k, due, f, e)) != LUP_OK)
		return e->code;
	rowset_init(&rs, a);
	if (rowset_query(&rs, st, STMT_WH_ONE, one, 4, e) != LUP_OK)
		return e->code;
	http_now_iso(now, sizeof(now));
	if (rs.nrows) {
		const char *old = rowset_s(&rs, 0, "due");
		struct sval up[] = { SVI(rowset_i(&rs, 0, "id")), SVS(due), SVID(who->user_id), SVS(now) };
		*id = rowset_i(&rs, 0, "id");
		if (store_exec(st, STMT_WH_UPDATE, up, 4, NULL, &n, e) != LUP_OK)
			return e->code;
		*changed = n > 0;
		return n ? record(st, a, who, "update", *id, k, level, old, due, e) : LUP_OK;
	}
	struct sval ins[] = { SVI(k->year), SVS(k->kind), SVID(k->org), SVS(level), SVS(due), SVID(who->user_id), SVS(now) };
	if (store_exec(st, STMT_WH_INSERT, ins, 7, id, NULL, e) != LUP_OK)
		return e->code;
	*changed = 1;
	return record(st, a, who, "insert", *id, k, level, NULL, due, e);
}

int deadline_set_in(struct store *st, const struct edit_actor *who, const struct http_user *u,
		    const struct deadline_key *k, const char *due, int64_t *id, int *changed, struct deadline_fail *f,
		    struct err *e)
{
	struct deadline_key key = *k;
	struct arena a = ARENA_INIT;
	const char *level = NULL;
	char day[16];
	int ch = 0, rc;

	*id = 0;
	if (check_key(st, u, k, &level, f, e) != LUP_OK)
		return e->code;
	key.kind = wheel_kind(k->kind);
	if (check_due(&key, due, day, sizeof(day), f, e) != LUP_OK)
		return e->code;
	rc = write_row(st, &a, who, &key, level, day, id, &ch, f, e);
	arena_release(&a);
	if (rc == LUP_OK && changed)
		*changed = ch;
	return rc;
}

int deadline_set(struct store *st, const struct edit_actor *who, const struct http_user *u,
		 const struct deadline_key *k, const char *due, int64_t *id, int *changed, struct deadline_fail *f,
		 struct err *e)
{
	*id = 0;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (deadline_set_in(st, who, u, k, due, id, changed, f, e) != LUP_OK || store_commit(st, e) != LUP_OK) {
		store_rollback(st);
		*id = 0;
		return e->code;
	}
	return LUP_OK;
}

int deadline_delete_in(struct store *st, const struct edit_actor *who, const struct http_user *u,
		       const struct deadline_key *k, struct deadline_fail *f, struct err *e)
{
	struct deadline_key key = *k;
	struct arena a = ARENA_INIT;
	const char *level = NULL;
	struct rowset rs;
	int64_t id;
	int rc;

	if (check_key(st, u, k, &level, f, e) != LUP_OK)
		return e->code;
	key.kind = wheel_kind(k->kind);
	struct sval one[] = { SVI(key.year), SVS(key.kind), SVID(key.org), SVS(level) };
	rowset_init(&rs, &a);
	if ((rc = rowset_query(&rs, st, STMT_WH_ONE, one, 4, e)) != LUP_OK)
		goto out;
	if (!rs.nrows) {
		rc = err_set(e, LUP_ENOTFOUND, "no %s deadline of %s %ld%s", level, wheel_kind_word(key.kind), key.year,
			     key.org ? " for this organisation" : "");
		goto out;
	}
	id = rowset_i(&rs, 0, "id");
	struct sval v = SVI(id);
	if ((rc = store_exec(st, STMT_WH_DELETE, &v, 1, NULL, NULL, e)) == LUP_OK)
		rc = record(st, &a, who, "delete", id, &key, level, rowset_s(&rs, 0, "due"), NULL, e);
out:
	arena_release(&a);
	return rc;
}

int deadline_delete(struct store *st, const struct edit_actor *who, const struct http_user *u,
		    const struct deadline_key *k, struct deadline_fail *f, struct err *e)
{
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (deadline_delete_in(st, who, u, k, f, e) != LUP_OK || store_commit(st, e) != LUP_OK) {
		store_rollback(st);
		return e->code;
	}
	return LUP_OK;
}
