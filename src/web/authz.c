/* authz.c: the read rule of follow-up reports and the attach rule of writes (authz.h). */
#include "web/authz.h"
#include "render/rows.h"
#include "store/store.h"
#include "core/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int authz_member(const struct http_user *u, int64_t org, int64_t org_pair)
{
	if (u->role == ROLE_ANON || !org || !u->org_id)
		return 0;
	return org == u->org_id || (u->org_pair && org == u->org_pair) || (org_pair && org_pair == u->org_id);
}

int authz_report_readable(const struct http_user *u, const char *status, int64_t org, int64_t org_pair)
{
	if (status && strcmp(status, "approved") == 0)
		return 1;
	if (u->role == ROLE_CITY || u->role == ROLE_ADMIN)
		return 1;
	return (u->role == ROLE_READER || u->role == ROLE_EDITOR) && authz_member(u, org, org_pair);
}

int authz_plan_draft_readable(const struct http_user *u, int64_t owner, int64_t owner_pair)
{
	if (u->role == ROLE_CITY || u->role == ROLE_ADMIN)
		return 1;
	return (u->role == ROLE_READER || u->role == ROLE_EDITOR) && authz_member(u, owner, owner_pair);
}

struct report_head {
	int64_t org, pair;
	char status[16];
	int found;
};

/* head_row: STMT_REPORT_STATE's org_id, status, period_id, pair_id, year */
static int head_row(void *ctx, const struct store_row *row)
{
	struct report_head *h = ctx;
	const char *s = store_col_text(row, 1);

	h->org = store_col_int(row, 0);
	h->pair = store_col_int(row, 3);
	h->found = 1;
	snprintf(h->status, sizeof(h->status), "%s", s ? s : "");
	return 1;
}

int authz_report_id(const struct http_user *u, struct store *st, int64_t id, int *found, struct err *e)
{
	struct report_head h = { 0, 0, "", 0 };
	struct sval arg = SVI(id);

	*found = 0;
	if (store_query(st, STMT_REPORT_STATE, &arg, 1, head_row, &h, e) != LUP_OK)
		return -1;
	*found = h.found;
	return h.found && authz_report_readable(u, h.status, h.org, h.pair);
}

static int64_t cell_id(const struct row_cell *c)
{
	return c->s ? strtoll(c->s, NULL, 10) : 0;
}

int authz_audit_rows(const struct http_user *u, struct store *st, struct rowset *rs, struct err *e)
{
	int ec = rowset_col(rs, "entity"), ic = rowset_col(rs, "entity_id"), n = 0, found;

	for (int i = 0; i < rs->nrows; i++) {
		const struct row_cell *row = rs->rows[i];
		int report = ec >= 0 && row[ec].s && strcmp(row[ec].s, "report") == 0, ok = 1;
		if (report)
			ok = ic >= 0 && row[ic].s ? authz_report_id(u, st, cell_id(&row[ic]), &found, e) : 0;
		if (ok < 0)
			return e->code;
		if (ok)
			rs->rows[n++] = rs->rows[i];
	}
	rs->nrows = n;
	return LUP_OK;
}

int authz_attach_org(const struct http_user *u, struct store *st, int64_t org, struct err *e)
{
	struct sval arg = SVI(org);
	int64_t pair = 0;

	if (u->role == ROLE_ADMIN)
		return 1;
	if (u->role != ROLE_EDITOR || org <= 0)
		return 0;
	if (store_query_id(st, STMT_ORG_PAIR, &arg, 1, &pair, e) != LUP_OK)
		return -1;
	return authz_member(u, org, pair);
}

struct goal_head {
	char level[32];
	int64_t owner, pair;
};

static int goal_row(void *ctx, const struct store_row *row)
{
	struct goal_head *g = ctx;
	const char *s = store_col_text(row, 0);

	snprintf(g->level, sizeof(g->level), "%s", s ? s : "");
	return 1;
}

int authz_attach_goal(const struct http_user *u, struct store *st, int64_t goal, struct err *e)
{
	struct goal_head g = { "", 0, 0 };
	struct sval arg = SVI(goal);

	if (u->role == ROLE_ADMIN)
		return 1;
	if (store_query(st, STMT_GOAL_LEVEL, &arg, 1, goal_row, &g, e) != LUP_OK ||
	    store_query_id(st, STMT_GOAL_OWNER, &arg, 1, &g.owner, e) != LUP_OK)
		return -1;
	if (strcmp(g.level, "inriktningsmal") == 0 || strcmp(g.level, "verksamhetsomradesmal") == 0)
		return 1;
	struct sval o = SVI(g.owner);
	if (g.owner && store_query_id(st, STMT_ORG_PAIR, &o, 1, &g.pair, e) != LUP_OK)
		return -1;
	return u->role == ROLE_EDITOR && authz_member(u, g.owner, g.pair);
}

void authz_viewer(const struct http_user *u, struct store *st)
{
	if (u->role == ROLE_CITY || u->role == ROLE_ADMIN)
		store_set_viewer(st, STORE_VIEW_ALL, 0, 0);
	else if ((u->role == ROLE_READER || u->role == ROLE_EDITOR) && u->org_id)
		store_set_viewer(st, STORE_VIEW_ORG, u->org_id, u->org_pair);
	else
		store_set_viewer(st, STORE_VIEW_PUBLIC, 0, 0);
}

int authz_unpublished_readable(const struct http_user *u, int64_t org, int64_t org_pair)
{
	return authz_plan_draft_readable(u, org, org_pair);
}
