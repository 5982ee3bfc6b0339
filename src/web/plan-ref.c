/* plan-ref.c: a plan version named by key and number (see plan-ref.h). */
#include "web/plan-ref.h"
#include "render/rows.h"
#include "store/store.h"
#include "web/authz.h"

#include <stdlib.h>
#include <string.h>

static const char *col(const struct rowset *rs, const char *name)
{
	int c = rowset_col(rs, name);

	return c < 0 ? NULL : rs->rows[0][c].s;
}

static int64_t num(const struct rowset *rs, const char *name)
{
	const char *s = col(rs, name);

	return s ? strtoll(s, NULL, 10) : 0;
}

/* number: text as a positive decimal below 10^9, else 0. */
static long number(const char *text)
{
	long v = 0;

	if (!text || !*text || strlen(text) > 9)
		return 0;
	for (const char *p = text; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (*p - '0');
	}
	return v;
}

int plan_ref_load(struct http_req *r, const char *key, const char *n, struct plan_ref *p, int *found)
{
	struct rowset rs;
	long v = number(n);

	memset(p, 0, sizeof(*p));
	*found = 0;
	if (!key || v <= 0)
		return LUP_OK;
	struct sval args[] = { SVS(key), SVI(v) };
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PLAN_VERSION_INFO, args, 2, &r->err) != LUP_OK)
		return r->err.code;
	if (!rs.nrows)
		return LUP_OK;
	*found = 1;
	p->version_id = num(&rs, "version_id");
	p->plan_id = num(&rs, "plan_id");
	p->owner = num(&rs, "owner_id");
	p->owner_pair = num(&rs, "owner_pair");
	p->version = (long)num(&rs, "version");
	p->key = col(&rs, "key");
	p->kind = col(&rs, "kind");
	p->title = col(&rs, "title");
	p->status = col(&rs, "status");
	p->owner_name = col(&rs, "owner_name");
	p->district = col(&rs, "district");
	return LUP_OK;
}

int plan_ref_ord(const char *text)
{
	long v = number(text);

	return v >= 1 && v <= 7 ? (int)v : 0;
}

int plan_ref_may_edit(const struct http_req *r, const struct plan_ref *p)
{
	return r->user.role == ROLE_ADMIN || (r->user.role == ROLE_EDITOR && authz_member(&r->user, p->owner, p->owner_pair));
}
