/* allocation.c: the write path of resource allocations (see allocation.h). */
#include "edit/allocation.h"
#include "core/err.h"
#include "model/need.h"
#include "store/audit.h"
#include "store/store.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *alloc_rule_en(enum alloc_rule r)
{
	switch (r) {
	case ALLOC_R_REQUIRED: return "is required";
	case ALLOC_R_TOO_LONG: return "is too long";
	case ALLOC_R_CHOICE: return "is not one of money, staff, places, hours";
	case ALLOC_R_UNKNOWN: return "names nothing known";
	case ALLOC_R_NOT_DISTRICT: return "is not a district (stadsdelsområde)";
	case ALLOC_R_RANGE: return "is out of range";
	case ALLOC_R_UNIT: return "is not the kind's unit (money: tkr, staff: årsarbetare, places: platser, hours: timmar)";
	case ALLOC_R_DISTRICT_ORG: return "is a district committee or administration, which receives resources; "
					  "allocations are recorded by specialist committees, companies and other givers";
	case ALLOC_R_DUPLICATE: return "is already recorded for this organisation, district and year; change that row";
	}
	return "is invalid";
}

const char *alloc_rule_sv(enum alloc_rule r)
{
	switch (r) {
	case ALLOC_R_REQUIRED: return "måste anges";
	case ALLOC_R_TOO_LONG: return "är för lång";
	case ALLOC_R_CHOICE: return "måste vara pengar, personal, platser eller timmar";
	case ALLOC_R_UNKNOWN: return "finns inte";
	case ALLOC_R_NOT_DISTRICT: return "är inget stadsdelsområde";
	case ALLOC_R_RANGE: return "är utanför det tillåtna";
	case ALLOC_R_UNIT: return "passar inte slaget (pengar: tkr, personal: årsarbetare, platser: platser, timmar: timmar)";
	case ALLOC_R_DISTRICT_ORG: return "är en stadsdelsnämnd eller stadsdelsförvaltning, som tar emot resurser; "
					  "resurser registreras av facknämnder, bolag och andra som ger dem";
	case ALLOC_R_DUPLICATE: return "finns redan för organisationen, stadsdelsområdet och året; ändra den raden";
	}
	return "är ogiltigt";
}

const char *alloc_field_sv(const char *field)
{
	static const char *const names[][2] = {
		{ "org", "Organisation" }, { "district", "Stadsdelsområde" }, { "year", "År" }, { "kind", "Slag" },
		{ "amount", "Mängd" }, { "unit", "Enhet" }, { "note", "Anteckning" }, { NULL, NULL },
	};
	for (int i = 0; field && names[i][0]; i++)
		if (strcmp(field, names[i][0]) == 0)
			return names[i][1];
	return field ? field : "";
}

int alloc_parse_amount(const char *text, double *out)
{
	char buf[64], *end;
	size_t n = 0;

	if (!text)
		return -1;
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		if (p[0] == 0xC2 && p[1] == 0xA0) { p++; continue; }			/* U+00A0 */
		if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xAF || p[2] == 0x89)) { p += 2; continue; }
		if (n + 1 >= sizeof(buf) || !((*p >= '0' && *p <= '9') || *p == ',' || *p == '.' || *p == '-'))
			return -1;
		buf[n++] = *p == ',' ? '.' : (char)*p;
	}
	buf[n] = 0;
	if (!n)
		return -1;
	*out = strtod(buf, &end);
	return *end || !isfinite(*out) ? -1 : 0;
}

static int fail(struct alloc_fail *f, const char *field, enum alloc_rule r, struct err *e)
{
	f->field = field;
	f->rule = r;
	if (r == ALLOC_R_RANGE)
		return err_set(e, LUP_EINVAL, "%s: %s (%s)", field, alloc_rule_en(r),
			       strcmp(field, "year") == 0 ? "a year 2000-2100" : "a number of at least 0");
	return err_set(e, LUP_EINVAL, "%s: %s", field, alloc_rule_en(r));
}

static const char *text_or_null(const char *s)
{
	return s && *s ? s : NULL;
}

static void now_iso(char *out, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- the row as read: one JSON object (its audit entry) ---- */

static int obj_row(void *ctx, const struct store_row *row)
{
	static const char *const keep[] = { "id", "org", "district", "year", "kind", "amount", "unit", "note",
		"example", NULL };
	json_t **o = ctx;

	*o = json_object();
	for (int i = 0; i < store_ncols(row); i++) {
		const char *name = store_col_name(row, i);
		int k = 0;
		json_t *v;
		while (keep[k] && strcmp(keep[k], name) != 0)
			k++;
		if (!keep[k])
			continue;
		if (store_col_type(row, i) == SV_NULL)
			v = json_null();
		else if (store_col_type(row, i) == SV_INT)
			v = json_integer((json_int_t)store_col_int(row, i));
		else if (store_col_type(row, i) == SV_REAL)
			v = json_real(store_col_real(row, i));
		else
			v = json_string(store_col_text(row, i));
		json_object_set_new(*o, name, v ? v : json_null());
	}
	json_object_set_new(*o, "org_id", json_integer((json_int_t)store_col_int(row, 3)));
	json_object_set_new(*o, "area_id", json_integer((json_int_t)store_col_int(row, 6)));
	return 1;
}

static int load(struct store *st, int64_t id, json_t **o, struct err *e)
{
	struct sval v = SVI(id);

	*o = NULL;
	return store_query(st, STMT_AL_ONE, &v, 1, obj_row, o, e);
}

static char *dump(json_t *o)
{
	char *s;

	json_object_del(o, "org_id");
	json_object_del(o, "area_id");
	s = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS | JSON_REAL_PRECISION(15));
	if (!s)
		abort();
	return s;
}

static int record(struct store *st, const struct edit_actor *who, const char *action, int64_t id, const char *before,
		  const char *after, struct err *e)
{
	struct audit_rec rec = { NULL, who->user_id, who->name, action, "allocation", id, before, after };

	return audit_write(st, &rec, e);
}

/* ---- checks ---- */

static int kind_row(void *ctx, const struct store_row *row)
{
	snprintf(ctx, 32, "%s", store_col_text(row, 3));
	return 1;
}

int alloc_district_org(struct store *st, int64_t org, int *yes, struct err *e)
{
	struct sval v = SVI(org);
	char kind[32] = "";

	*yes = 0;
	if (store_query(st, STMT_AL_ORG, &v, 1, kind_row, kind, e) != LUP_OK)
		return e->code;
	*yes = strcmp(kind, "district_committee") == 0 || strcmp(kind, "district_admin") == 0;
	return LUP_OK;
}

/* check: the full allocation in, resolved: its district's id into *area and kind into *kind. */
static int check(struct store *st, const struct alloc_in *in, int64_t *area, int *kind, struct alloc_fail *f,
		 struct err *e)
{
	struct sval o = SVI(in->org);
	char okind[32] = "";
	int64_t any = 0;

	if (!in->org)
		return fail(f, "org", ALLOC_R_REQUIRED, e);
	if (store_query(st, STMT_AL_ORG, &o, 1, kind_row, okind, e) != LUP_OK)
		return e->code;
	if (!*okind)
		return fail(f, "org", ALLOC_R_UNKNOWN, e);
	if (strcmp(okind, "district_committee") == 0 || strcmp(okind, "district_admin") == 0)
		return fail(f, "org", ALLOC_R_DISTRICT_ORG, e);
	if (!text_or_null(in->district))
		return fail(f, "district", ALLOC_R_REQUIRED, e);
	if (strlen(in->district) > ALLOC_REF_MAX)
		return fail(f, "district", ALLOC_R_TOO_LONG, e);
	struct sval d = SVS(in->district);
	if (store_query_id(st, STMT_DISTRICT_ID_LOOSE, &d, 1, area, e) != LUP_OK)
		return e->code;
	if (!*area) {
		if (store_query_id(st, STMT_AREA_ID_LOOSE, &d, 1, &any, e) != LUP_OK)
			return e->code;
		return fail(f, "district", any ? ALLOC_R_NOT_DISTRICT : ALLOC_R_UNKNOWN, e);
	}
	if (in->year < ALLOC_YEAR_MIN || in->year > ALLOC_YEAR_MAX)
		return fail(f, "year", in->year ? ALLOC_R_RANGE : ALLOC_R_REQUIRED, e);
	if (!text_or_null(in->kind))
		return fail(f, "kind", ALLOC_R_REQUIRED, e);
	if ((*kind = need_kind_index(in->kind)) < 0)
		return fail(f, "kind", ALLOC_R_CHOICE, e);
	if (isnan(in->amount))
		return fail(f, "amount", ALLOC_R_REQUIRED, e);
	if (!isfinite(in->amount) || in->amount < 0 || in->amount > ALLOC_AMOUNT_MAX)
		return fail(f, "amount", ALLOC_R_RANGE, e);
	if (text_or_null(in->unit) && strcmp(in->unit, need_kind_unit(*kind)) != 0)
		return fail(f, "unit", ALLOC_R_UNIT, e);
	if (in->note && strlen(in->note) > ALLOC_NOTE_MAX)
		return fail(f, "note", ALLOC_R_TOO_LONG, e);
	return LUP_OK;
}

/* existing_row: the id of org's row of the district, year and kind other than not (0: none). An
 * example row of that key (load/example-alloc.c) is no record of the organisation's: it is
 * dropped first, so that what the organisation records takes its place. */
static int existing_row(struct store *st, int64_t org, int64_t area, int year, int kind, int64_t not, int64_t *id,
			struct err *e)
{
	struct sval a[] = { SVI(org), SVI(area), SVI(year), SVS(need_kind_codes[kind]), SVID(not) };

	if (store_exec(st, STMT_AL_DROP_EXAMPLE, a, 5, NULL, NULL, e) != LUP_OK)
		return e->code;
	return store_query_id(st, STMT_AL_FIND, a, 5, id, e);
}

static int insert(struct store *st, const struct edit_actor *who, const struct alloc_in *in, int64_t area, int kind,
		  int64_t *id, struct err *e)
{
	char at[32];
	json_t *after = NULL;
	char *as;
	int rc;

	now_iso(at, sizeof(at));
	struct sval a[] = { SVI(in->org), SVI(area), SVI(in->year), SVS(need_kind_codes[kind]), SVD(in->amount),
			    SVS(need_kind_unit(kind)), SVS(text_or_null(in->note)), SVID(who->user_id), SVS(at) };
	if (store_exec(st, STMT_AL_INSERT, a, 9, id, NULL, e) != LUP_OK || load(st, *id, &after, e) != LUP_OK)
		return e->code;
	as = dump(after);
	rc = record(st, who, "insert", *id, NULL, as, e);
	json_decref(after);
	free(as);
	return rc;
}

/* update: writes the full allocation m over row id (cur: as it was), audited when it changed. */
static int update(struct store *st, const struct edit_actor *who, int64_t id, json_t *cur, const struct alloc_in *m,
		  int64_t area, int kind, int *changed, struct err *e)
{
	struct sval a[] = { SVI(id), SVI(area), SVI(m->year), SVS(need_kind_codes[kind]), SVD(m->amount),
			    SVS(need_kind_unit(kind)), SVS(text_or_null(m->note)) };
	json_t *after = NULL;
	char *bs = NULL, *as = NULL;
	int rc;

	if (store_exec(st, STMT_AL_SET, a, 7, NULL, NULL, e) != LUP_OK || load(st, id, &after, e) != LUP_OK)
		return e->code;
	bs = dump(cur);
	as = dump(after);
	*changed = strcmp(bs, as) != 0;
	rc = *changed ? record(st, who, "update", id, bs, as, e) : LUP_OK;
	json_decref(after);
	free(bs), free(as);
	return rc;
}

int alloc_add(struct store *st, const struct edit_actor *who, const struct alloc_in *in, int64_t *id,
	      struct alloc_fail *f, struct err *e)
{
	int64_t area = 0, dup = 0;
	int kind = 0;

	*id = 0;
	f->field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (check(st, in, &area, &kind, f, e) != LUP_OK ||
	    existing_row(st, in->org, area, in->year, kind, 0, &dup, e) != LUP_OK)
		goto err;
	if (dup) {
		fail(f, "kind", ALLOC_R_DUPLICATE, e);
		goto err;
	}
	if (insert(st, who, in, area, kind, id, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	return LUP_OK;
err:
	store_rollback(st);
	*id = 0;
	return e->code;
}

static const char *os(const json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* merged: the full allocation: cur with the parts of in that are set. */
static struct alloc_in merged(const json_t *cur, const struct alloc_in *in)
{
	struct alloc_in m = *in;

	m.org = (int64_t)json_integer_value(json_object_get(cur, "org_id"));
	if (!in->set_district) m.district = os(cur, "district");
	if (!in->set_year) m.year = (int)json_integer_value(json_object_get(cur, "year"));
	if (!in->set_kind) m.kind = os(cur, "kind");
	if (!in->set_amount) m.amount = json_number_value(json_object_get(cur, "amount"));
	if (!in->set_unit) m.unit = NULL;
	if (!in->set_note) m.note = os(cur, "note");
	return m;
}

int alloc_change(struct store *st, const struct edit_actor *who, int64_t id, const struct alloc_in *in,
		 int *changed, struct alloc_fail *f, struct err *e)
{
	json_t *cur = NULL;
	struct alloc_in m;
	int64_t area = 0, dup = 0;
	int kind = 0, dummy;

	if (!changed)
		changed = &dummy;
	*changed = 0;
	f->field = NULL;
	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (load(st, id, &cur, e) != LUP_OK)
		goto err;
	if (!cur) {
		err_set(e, LUP_ENOTFOUND, "no allocation %lld", (long long)id);
		goto err;
	}
	m = merged(cur, in);
	if (check(st, &m, &area, &kind, f, e) != LUP_OK || existing_row(st, m.org, area, m.year, kind, id, &dup, e) != LUP_OK)
		goto err;
	if (dup) {
		fail(f, "kind", ALLOC_R_DUPLICATE, e);
		goto err;
	}
	if (update(st, who, id, cur, &m, area, kind, changed, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	json_decref(cur);
	return LUP_OK;
err:
	json_decref(cur);
	store_rollback(st);
	*changed = 0;
	return e->code;
}

int alloc_put(struct store *st, const struct edit_actor *who, const struct alloc_in *in, int64_t *id,
	      int *changed, struct alloc_fail *f, struct err *e)
{
	json_t *cur = NULL;
	int64_t area = 0;
	int kind = 0, rc;

	*id = 0;
	*changed = 0;
	f->field = NULL;
	if (check(st, in, &area, &kind, f, e) != LUP_OK || existing_row(st, in->org, area, in->year, kind, 0, id, e) != LUP_OK)
		return e->code;
	if (!*id) {
		*changed = 1;
		return insert(st, who, in, area, kind, id, e);
	}
	if (load(st, *id, &cur, e) != LUP_OK)
		return e->code;
	rc = update(st, who, *id, cur, in, area, kind, changed, e);
	json_decref(cur);
	return rc;
}

int alloc_remove(struct store *st, const struct edit_actor *who, int64_t id, struct err *e)
{
	struct sval v = SVI(id);
	json_t *cur = NULL;
	char *bs = NULL;

	if (store_begin(st, e) != LUP_OK)
		return e->code;
	if (load(st, id, &cur, e) != LUP_OK)
		goto err;
	if (!cur) {
		err_set(e, LUP_ENOTFOUND, "no allocation %lld", (long long)id);
		goto err;
	}
	bs = dump(cur);
	if (store_exec(st, STMT_AL_DELETE, &v, 1, NULL, NULL, e) != LUP_OK ||
	    record(st, who, "delete", id, bs, NULL, e) != LUP_OK || store_commit(st, e) != LUP_OK)
		goto err;
	json_decref(cur), free(bs);
	return LUP_OK;
err:
	json_decref(cur), free(bs);
	store_rollback(st);
	return e->code;
}

static int owner_row(void *ctx, const struct store_row *row)
{
	*(int64_t *)ctx = store_col_int(row, 3);
	return 1;
}

int alloc_owner(struct store *st, int64_t id, int64_t *owner, struct err *e)
{
	struct sval v = SVI(id);

	*owner = 0;
	return store_query(st, STMT_AL_ONE, &v, 1, owner_row, owner, e);
}
