/* plan-draft.c: the frozen rule (see plan-draft.h). */
#include "edit/plan-draft.h"
#include "core/err.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

struct state {
	int found;
	char status[16];
	int64_t owner;
};

static int state_row(void *ctx, const struct store_row *row)
{
	struct state *s = ctx;

	s->found = 1;
	snprintf(s->status, sizeof(s->status), "%s", store_col_text(row, 0) ? store_col_text(row, 0) : "");
	s->owner = store_col_int(row, 1);
	return 1;
}

int plan_draft_check(struct store *st, int64_t plan_version_id, int64_t *owner_org, struct err *e)
{
	struct sval arg = SVI(plan_version_id);
	struct state s = { 0 };

	*owner_org = 0;
	if (store_query(st, STMT_PLAN_DRAFT_STATE, &arg, 1, state_row, &s, e) != LUP_OK)
		return e->code;
	if (!s.found)
		return err_set(e, LUP_ENOTFOUND, "no plan version %lld", (long long)plan_version_id);
	*owner_org = s.owner;
	if (strcmp(s.status, "draft") != 0)
		return err_set(e, LUP_ECONFLICT, "the version is adopted; create a new version to change it");
	return LUP_OK;
}
