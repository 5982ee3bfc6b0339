/* plan-edit.c: the plan version of a route and its rules (see plan-edit.h). */
#include "web/plan-edit.h"
#include "model/planver.h"
#include "web/authz.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

static int64_t num(const struct rowset *rs, const char *col)
{
	int c = rowset_col(rs, col);

	return c >= 0 && rs->rows[0][c].s ? strtoll(rs->rows[0][c].s, NULL, 10) : 0;
}

static const char *text(const struct rowset *rs, const char *col)
{
	int c = rowset_col(rs, col);

	return c >= 0 ? rs->rows[0][c].s : NULL;
}

int pv_head_load(struct http_req *r, struct pv_head *v, int *found)
{
	const char *n = r->params[1];
	struct rowset rs;
	char *end;
	long long ver;

	memset(v, 0, sizeof(*v));
	*found = 0;
	if (!n || !*n || strlen(n) > 9 || *n < '0' || *n > '9')
		return LUP_OK;
	ver = strtoll(n, &end, 10);
	if (*end)
		return LUP_OK;
	struct sval a[] = { SVS(r->params[0]), SVI(ver) };
	rowset_init(&rs, &r->a);
	if (rowset_query(&rs, r->st, STMT_PT_VERSION, a, 2, &r->err) != LUP_OK)
		return r->err.code;
	if (!rs.nrows)
		return LUP_OK;
	*found = 1;
	v->id = num(&rs, "id");
	v->version = num(&rs, "version");
	v->plan_id = num(&rs, "plan_id");
	v->owner = num(&rs, "owner_id");
	v->owner_pair = num(&rs, "owner_pair");
	v->district = num(&rs, "district_id");
	v->status = text(&rs, "status");
	v->plan = text(&rs, "plan");
	v->title = text(&rs, "title");
	v->owner_name = text(&rs, "owner_name");
	v->district_key = text(&rs, "district");
	v->district_name = text(&rs, "district_name");
	v->area_scope = text(&rs, "area_scope");
	return LUP_OK;
}

int pv_readable(const struct http_user *u, const struct pv_head *v)
{
	return planver_public(v->status) || authz_plan_draft_readable(u, v->owner, v->owner_pair);
}

int pv_writable(const struct http_user *u, const struct pv_head *v)
{
	return u->role == ROLE_ADMIN || (u->role == ROLE_EDITOR && authz_member(u, v->owner, v->owner_pair));
}

struct edit_actor pv_actor(const struct http_req *r)
{
	struct edit_actor a = { r->user.id, r->user.name };

	return a;
}

int pv_themes(struct http_req *r, int64_t pv, struct rowset *t, struct rowset *al, struct rowset *gr)
{
	struct sval v = SVI(pv);

	rowset_init(t, &r->a);
	rowset_init(al, &r->a);
	rowset_init(gr, &r->a);
	if (rowset_query(t, r->st, STMT_PT_THEMES, &v, 1, &r->err) != LUP_OK ||
	    rowset_query(al, r->st, STMT_PT_ALIASES, &v, 1, &r->err) != LUP_OK ||
	    rowset_query(gr, r->st, STMT_PT_GROUPS, &v, 1, &r->err) != LUP_OK)
		return r->err.code;
	return LUP_OK;
}

void pv_run(const struct rowset *rs, int64_t id, int *from, int *to)
{
	*from = *to = 0;
	for (int i = 0; i < rs->nrows; i++)
		if (rs->rows[i][0].s && strtoll(rs->rows[i][0].s, NULL, 10) == id) {
			*from = i;
			for (*to = i; *to < rs->nrows && rs->rows[*to][0].s &&
			     strtoll(rs->rows[*to][0].s, NULL, 10) == id; (*to)++)
				;
			return;
		}
}
