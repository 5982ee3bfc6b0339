/* plan-draft.c: the frozen rule (see plan-draft.h). */
#include "edit/plan-draft.h"
#include "core/err.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

struct head {
	int found;
	char status[16];
	int64_t owner;
};

static int head_row(void *ctx, const struct store_row *row)
{
	struct head *h = ctx;

	h->found = 1;
	snprintf(h->status, sizeof(h->status), "%s", store_col_text(row, 0) ? store_col_text(row, 0) : "");
	h->owner = store_col_int(row, 1);
	return 1;
}

int plan_draft_check(struct store *st, int64_t plan_version_id, int64_t *owner_org, struct err *e)
{
	struct sval v = SVI(plan_version_id);
	struct head h = { 0, "", 0 };

	if (owner_org)
		*owner_org = 0;
	if (store_query(st, STMT_PT_DRAFT, &v, 1, head_row, &h, e) != LUP_OK)
		return e->code;
	if (!h.found)
		return err_set(e, LUP_ENOTFOUND, "no plan version %lld", (long long)plan_version_id);
	if (owner_org)
		*owner_org = h.owner;
	if (strcmp(h.status, "draft") != 0)
		return err_set(e, LUP_ECONFLICT, "the version is adopted; create a new version to change it");
	return LUP_OK;
}
